//! The command line's shape (clap): subcommands and their options. Options
//! left out fall back to `crosscheck.toml`, then to the defaults.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crosscheck::config::FailOn;
use crosscheck::report::Format;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Check a bundle of news articles about one story against each other",
    long_about = "Check a bundle of news articles about one story against each other.\n\n\
crosscheck extracts claims from every document (times, dates, durations, quantities, \
roles, names, quotes), normalises them (times to UTC, numbers to units, names to \
canonical entities) and reports where the sources disagree (conflicts), where they \
write the same thing differently (variants), and what they corroborate (agreements).",
    after_help = "Exit codes: 0 no failing finding, 1 at least one finding at or above --fail-on \
that is not in the baseline, 2 usage error, unreadable input, or invalid rules, manifest or config."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check story bundles and report discrepancies.
    ///
    /// Each PATH is a bundle (a directory of .txt/.md documents, optionally
    /// with a bundle.toml, or a bundle.toml file), or a collection: a
    /// directory whose sub-directories are bundles. `-` reads one document
    /// from standard input.
    Check(CheckArgs),
    /// Write an HTML report for a desk: index.html (every bundle, worst
    /// first, searchable), a page per bundle, and report.json.
    Report(ReportArgs),
    /// Print every claim read from the documents, with its value and its
    /// frame (what it is about), one JSON object per line: what crosscheck
    /// read, before any comparison.
    Extract(ExtractArgs),
    /// Compare claims `extract` wrote, as `check` compares the documents:
    /// the same findings, formats, baseline and exit codes.
    ///
    /// Each PATH is a file of `crosscheck extract` lines (`-` reads standard
    /// input); lines may come from several files in any order, as a cluster
    /// writes them. `crosscheck extract B > claims.jsonl` and then
    /// `crosscheck compare claims.jsonl` report what `crosscheck check B`
    /// reports, without reading the documents again.
    #[command(mut_arg("paths", |a| a
        .help("Files of claims written by `crosscheck extract` (or `-` for standard input)")
        .long_help("Files of claims written by `crosscheck extract` (or `-` for standard input)")))]
    Compare(CheckArgs),
    /// Explain a finding kind (conflict, variant, unresolved, agreement) or a
    /// category (time, date, duration, quantity, role, name, quote).
    Explain {
        /// The kind to explain; without it, list the topics.
        topic: Option<String>,
    },
    /// Work with the rule files (built in, and extended with --rules).
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
}

#[derive(Subcommand)]
pub enum RulesAction {
    /// Run every rule file's [[example]] and [[allow]] cases.
    Test {
        /// Directory of rule files that add to or override the built-in ones.
        #[arg(long, value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Print a built-in rule file (to copy and extend with --rules).
    Show {
        /// File name, e.g. zones.toml; without it, list the files.
        file: Option<String>,
    },
}

/// What `check` and `report` share: what to check and how to judge it.
#[derive(clap::Args)]
pub struct Common {
    /// Bundles to check (directories, bundle.toml files, collections, or `-`).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Lowest severity that makes the run fail (exit code 1) [default: error].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// Directory of rule files that add to or override the built-in rules
    /// (may be repeated).
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Accepted findings: those listed are reported but do not fail the run.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Ignore the baseline named in crosscheck.toml.
    #[arg(long, conflicts_with = "baseline")]
    pub no_baseline: bool,
    /// Read settings from FILE instead of the crosscheck.toml found by
    /// walking up from the first PATH.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no crosscheck.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Leave agreements out.
    #[arg(long)]
    pub no_agreements: bool,
    /// Show unresolved claims (JSON always has them).
    #[arg(long)]
    pub show_unresolved: bool,
    /// List every time, date, length and figure read that no finding or
    /// agreement shows, with why (no other document gives the same fact, a
    /// part of a count, a time about nothing the sentence names); in JSON
    /// as each bundle's `skipped`.
    #[arg(long)]
    pub explain_skipped: bool,
    /// No progress bar (it is drawn on standard error, on a terminal only,
    /// once a run has taken a second).
    #[arg(long)]
    pub no_progress: bool,
    /// Read documents through symlinks that lead out of their bundle
    /// directory (refused by default).
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Largest document read (bytes, or with a unit: 64MiB, 500KiB).
    #[arg(long, value_name = "SIZE", default_value = "64MiB",
          value_parser = crosscheck::load::parse_size)]
    pub max_document_size: u64,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format [default: table].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write every current finding to FILE as a baseline (keeps reasons and
    /// other bundles' entries), then exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Width of the table in columns [default: the terminal's, else 100].
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Colour in the table: auto is on a terminal only, never with NO_COLOR.
    #[arg(long, value_enum, default_value_t = When::Auto, value_name = "WHEN")]
    pub color: When,
}

#[derive(clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: Common,
    /// Directory to write index.html, the bundle pages and report.json to
    /// (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: PathBuf,
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Bundles to read (directories, bundle.toml files, collections, or `-`
    /// for one document from standard input).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Directory of rule files that add to or override the built-in rules
    /// (may be repeated).
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Read documents through symlinks that lead out of their bundle
    /// directory (refused by default).
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Largest document read (bytes, or with a unit: 64MiB, 500KiB).
    #[arg(long, value_name = "SIZE", default_value = "64MiB",
          value_parser = crosscheck::load::parse_size)]
    pub max_document_size: u64,
    /// Read settings (the `rules` to use) from FILE instead of the
    /// crosscheck.toml found by walking up from the first PATH.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no crosscheck.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Output format: JSON lines, a `bundle` line, then each `document`
    /// line followed by its `claim` and `unresolved` lines (what `crosscheck
    /// compare` reads).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum When {
    Auto,
    Always,
    Never,
}
