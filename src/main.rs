//! The `crosscheck` command line: parses arguments, runs the pipeline of the
//! library over each bundle, prints the report and sets the exit code
//! (0 clean, 1 findings at or above `--fail-on`, 2 errors). The only place
//! that prints, and the only place `anyhow` is used.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crosscheck::baseline::Baseline;
use crosscheck::compare::Severity;
use crosscheck::error::{InputError, terminal_safe};
use crosscheck::load::LoadOptions;
use crosscheck::output::{self, Inputs, OutputError};
use crosscheck::report::{self, Format, Report};
use crosscheck::rules::Rules;

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
that is not in the baseline, 2 usage error, unreadable input, or invalid rules or manifest."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check story bundles and report discrepancies.
    ///
    /// Each PATH is a bundle (a directory of .txt/.md documents, optionally
    /// with a bundle.toml, or a bundle.toml file), or a collection: a
    /// directory whose sub-directories are bundles.
    Check(CheckArgs),
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
enum RulesAction {
    /// Run every rule file's [[example]] and [[allow]] cases.
    Test {
        /// Directory of rule files that add to or override the built-in ones.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Print a built-in rule file (to copy and extend with --rules).
    Show {
        /// File name, e.g. zones.toml; without it, list the files.
        file: Option<String>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Bundles to check (directories, bundle.toml files, or collections).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Lowest severity that makes the run fail (exit code 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    fail_on: FailOn,
    /// Directory of rule files that add to or override the built-in rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Accepted findings: those listed are reported but do not fail the run.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every current finding to FILE as a baseline (keeps reasons).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Leave agreements out of the table.
    #[arg(long)]
    no_agreements: bool,
    /// Show unresolved claims in the table (JSON always has them).
    #[arg(long)]
    show_unresolved: bool,
    /// Read documents through symlinks that lead out of their bundle
    /// directory (refused by default).
    #[arg(long)]
    follow_symlinks: bool,
    /// Largest document read (bytes, or with a unit: 64MiB, 500KiB).
    #[arg(long, value_name = "SIZE", default_value = "64MiB",
          value_parser = crosscheck::load::parse_size)]
    max_document_size: u64,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Explain { topic } => explain(topic.as_deref()),
        Command::Rules { action } => rules(action),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            output::eprint(&format!(
                "crosscheck: {}\n",
                terminal_safe(&format!("{e:#}"))
            ));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref(), Some(OutputError::ClosedPipe))
        || e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn check(args: CheckArgs) -> anyhow::Result<u8> {
    let rules = match Rules::load(args.rules.as_deref()) {
        Ok(r) => r,
        Err(errors) => {
            print_errors(&errors);
            return Ok(2);
        }
    };
    let load_options = LoadOptions {
        follow_symlinks: args.follow_symlinks,
        max_document_size: args.max_document_size,
    };
    let (sources, mut run_errors) = crosscheck::load::discover_with(&args.paths, &load_options);
    let checked: Vec<_> = sources
        .par_iter()
        .map(|s| {
            let bundle = crosscheck::load::load_bundle_with(s, &load_options);
            crosscheck::check_bundle(bundle, &rules)
        })
        .collect();
    let inputs = run_inputs(&args, &checked);
    let mut baseline = None;
    if let Some(path) = &args.baseline {
        match Baseline::read(path) {
            Ok(b) => baseline = Some(b),
            Err(e) => run_errors.push(e),
        }
    }
    let mut report = Report::new(&checked, run_errors);
    if let Some(b) = &baseline {
        for stale in b.apply(&mut report) {
            output::eprint(&format!(
                "crosscheck: warning: stale baseline entry {} ({}): it matches no finding any more\n",
                stale.id,
                terminal_safe(stale.subject.as_deref().unwrap_or("no subject"))
            ));
        }
    }
    // Outputs are checked against every input before anything is written;
    // one refused is an error (exit 2), the other is still written.
    let mut refused: Vec<OutputError> = Vec::new();
    if let (Some(a), Some(b)) = (&args.output, &args.write_baseline)
        && let Err(e) = output::distinct(a, b)
    {
        anyhow::bail!(e);
    }
    if let Some(path) = &args.write_baseline {
        let written = inputs.check(path).and_then(|()| {
            output::refuse_unparsable(path, "baseline", |p| Baseline::read(p).map(|_| ()))?;
            let previous = baseline.or_else(|| Baseline::read(path).ok());
            let b = Baseline::from_report(&report, previous.as_ref());
            output::write_file(path, b.to_toml().as_bytes())
        });
        refused.extend(written.err());
    }

    let options = report::table::Options {
        agreements: !args.no_agreements,
        unresolved: args.show_unresolved,
        ..Default::default()
    };
    let mut rendered = report::render(&report, args.format, &options);
    if args.format == Format::Table {
        // Article text may hold terminal escape sequences: show, never obey.
        rendered = terminal_safe(&rendered).into_owned();
    }
    match &args.output {
        Some(path) => {
            let mut inputs = inputs;
            if let Some(b) = &args.baseline {
                inputs.add_file(b, "the baseline given with --baseline");
            }
            let written = inputs
                .check(path)
                .and_then(|()| output::write_file(path, rendered.as_bytes()));
            refused.extend(written.err());
        }
        None => output::print(&rendered)?,
    }

    for c in &checked {
        for w in &c.bundle.warnings {
            output::eprint(&format!("{}\n", w.render(true)));
        }
    }
    let errors: Vec<&InputError> = report.all_errors().collect();
    for e in &refused {
        let e = e.to_string();
        output::eprint(&format!("crosscheck: error: {}\n", terminal_safe(&e)));
    }
    if !errors.is_empty() || !refused.is_empty() {
        print_errors(errors.iter().copied());
        return Ok(2);
    }
    let failing = args.fail_on.threshold().is_some_and(|t| {
        report.findings().any(|f| {
            !f.baselined && f.severity >= t && f.kind != crosscheck::compare::Kind::Agreement
        })
    });
    Ok(u8::from(failing))
}

fn print_errors<'a>(errors: impl IntoIterator<Item = &'a InputError>) {
    for e in errors {
        output::eprint(&format!("{}\n", e.render(false)));
    }
}

/// Every file and directory the run read, which no output may replace.
fn run_inputs(args: &CheckArgs, checked: &[crosscheck::CheckedBundle]) -> Inputs {
    let mut inputs = Inputs::new();
    for path in &args.paths {
        if path.is_dir() {
            inputs.add_dir(path);
        }
    }
    for c in checked {
        inputs.add_bundle(&c.bundle);
    }
    if let Some(dir) = &args.rules
        && let Ok(read) = std::fs::read_dir(dir)
    {
        for entry in read.flatten() {
            inputs.add_file(&entry.path(), "a rule file given with --rules");
        }
    }
    inputs
}

fn explain(topic: Option<&str>) -> anyhow::Result<u8> {
    let topics: Vec<&str> = crosscheck::explain::TOPICS
        .iter()
        .map(|(t, _)| *t)
        .collect();
    match topic {
        None => {
            output::print(&format!("Topics: {}\n", topics.join(", ")))?;
            Ok(0)
        }
        Some(t) => match crosscheck::explain::explain(t) {
            Some(text) => {
                output::print(&format!("# {t}\n\n{text}\n"))?;
                Ok(0)
            }
            None => {
                output::eprint(&format!(
                    "crosscheck: no explanation for `{}`{}; topics: {}\n",
                    terminal_safe(t),
                    suggest(t, topics.iter().copied()),
                    topics.join(", ")
                ));
                Ok(2)
            }
        },
    }
}

fn rules(action: RulesAction) -> anyhow::Result<u8> {
    match action {
        RulesAction::Test { rules } => {
            let rules = match Rules::load(rules.as_deref()) {
                Ok(r) => r,
                Err(errors) => {
                    print_errors(&errors);
                    return Ok(2);
                }
            };
            let (count, failures) = crosscheck::rules::run_examples(&rules, |_| true);
            let mut out = String::new();
            for f in &failures {
                out.push_str(&format!("FAIL {f}\n"));
            }
            out.push_str(&format!(
                "{} passed, {} failed\n",
                count - failures.len(),
                failures.len()
            ));
            output::print(&out)?;
            Ok(u8::from(!failures.is_empty()))
        }
        RulesAction::Show { file } => {
            let files = crosscheck::rules::DEFAULT_FILES;
            match file {
                None => {
                    let names: String = files.iter().map(|(n, _)| format!("{n}\n")).collect();
                    output::print(&names)?;
                    Ok(0)
                }
                Some(name) => match files.iter().find(|(n, _)| *n == name) {
                    Some((_, text)) => {
                        output::print(text)?;
                        Ok(0)
                    }
                    None => {
                        output::eprint(&format!(
                            "crosscheck: no built-in rule file `{}`{}; `crosscheck rules show` lists them\n",
                            terminal_safe(&name),
                            suggest(&name, files.iter().map(|(n, _)| *n))
                        ));
                        Ok(2)
                    }
                },
            }
        }
    }
}

/// " (did you mean `x`?)" when one of `candidates` is close to `written`.
fn suggest<'a>(written: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    crosscheck::error::did_you_mean(written, candidates)
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}
