//! The `crosscheck` command line: parses arguments, runs the pipeline of the
//! library over each bundle, prints the report and sets the exit code
//! (0 clean, 1 findings at or above `--fail-on`, 2 errors). The only place
//! that prints, and the only place `anyhow` is used.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crosscheck::baseline::Baseline;
use crosscheck::compare::Severity;
use crosscheck::error::InputError;
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
    /// Print every claim read from the documents, with its value and its
    /// frame (what it is about), one JSON object per line: what crosscheck
    /// read, before any comparison.
    Extract {
        /// Bundles to read (as for `check`).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Directory of rule files that add to or override the built-in rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
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
        Command::Extract { paths, rules } => extract(&paths, rules.as_deref()),
        Command::Explain { topic } => explain(topic.as_deref()),
        Command::Rules { action } => rules(action),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("crosscheck: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
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
    let (sources, mut run_errors) = crosscheck::load::discover(&args.paths);
    let checked: Vec<_> = sources
        .par_iter()
        .map(|s| crosscheck::check_bundle(crosscheck::load::load_bundle(s), &rules))
        .collect();
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
            eprintln!(
                "crosscheck: warning: stale baseline entry {} ({}): it matches no finding any more",
                stale.id,
                stale.subject.as_deref().unwrap_or("no subject")
            );
        }
    }
    if let Some(path) = &args.write_baseline {
        let previous = baseline.or_else(|| Baseline::read(path).ok());
        let b = Baseline::from_report(&report, previous.as_ref());
        std::fs::write(path, b.to_toml())
            .map_err(|e| anyhow::anyhow!("cannot write baseline {}: {e}", path.display()))?;
    }

    let options = report::table::Options {
        agreements: !args.no_agreements,
        unresolved: args.show_unresolved,
        ..Default::default()
    };
    let rendered = report::render(&report, args.format, &options);
    match &args.output {
        Some(path) => std::fs::write(path, rendered)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(rendered.as_bytes())?;
            stdout.flush()?;
        }
    }

    let errors: Vec<&InputError> = report.all_errors().collect();
    if !errors.is_empty() {
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

fn extract(paths: &[PathBuf], rules: Option<&std::path::Path>) -> anyhow::Result<u8> {
    let rules = match Rules::load(rules) {
        Ok(r) => r,
        Err(errors) => {
            print_errors(&errors);
            return Ok(2);
        }
    };
    let (sources, errors) = crosscheck::load::discover(paths);
    let checked: Vec<_> = sources
        .par_iter()
        .map(|s| crosscheck::check_bundle(crosscheck::load::load_bundle(s), &rules))
        .collect();
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(report::claims::render_jsonl(&checked).as_bytes())?;
    stdout.flush()?;
    let bundle_errors: Vec<&InputError> = checked.iter().flat_map(|c| &c.bundle.errors).collect();
    print_errors(errors.iter().chain(bundle_errors.iter().copied()));
    Ok(if errors.is_empty() && bundle_errors.is_empty() {
        0
    } else {
        2
    })
}

fn print_errors<'a>(errors: impl IntoIterator<Item = &'a InputError>) {
    for e in errors {
        eprintln!("{}", render_error(e));
    }
}

/// An error with an excerpt of its line, when we have one.
fn render_error(e: &InputError) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    match (&e.snippet, e.line, e.column) {
        (Some(line_text), Some(line), Some(column)) => {
            let start: usize = line_text.chars().take(column - 1).map(char::len_utf8).sum();
            let end = line_text[start..]
                .char_indices()
                .nth(1)
                .map_or(line_text.len(), |(i, _)| start + i);
            let report = &[Level::ERROR.primary_title(&e.message).element(
                Snippet::source(line_text.as_str())
                    .line_start(line)
                    .path(e.path.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end)),
            )];
            Renderer::plain().render(report).to_string()
        }
        _ => format!("crosscheck: error: {e}"),
    }
}

fn explain(topic: Option<&str>) -> anyhow::Result<u8> {
    let topics: Vec<&str> = crosscheck::explain::TOPICS
        .iter()
        .map(|(t, _)| *t)
        .collect();
    match topic {
        None => {
            println!("Topics: {}", topics.join(", "));
            Ok(0)
        }
        Some(t) => match crosscheck::explain::explain(t) {
            Some(text) => {
                println!("# {t}\n\n{text}");
                Ok(0)
            }
            None => {
                eprintln!(
                    "crosscheck: no explanation for `{t}`; topics: {}",
                    topics.join(", ")
                );
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
            for f in &failures {
                println!("FAIL {f}");
            }
            println!(
                "{} passed, {} failed",
                count - failures.len(),
                failures.len()
            );
            Ok(u8::from(!failures.is_empty()))
        }
        RulesAction::Show { file } => {
            let files = crosscheck::rules::DEFAULT_FILES;
            match file {
                None => {
                    for (name, _) in files {
                        println!("{name}");
                    }
                    Ok(0)
                }
                Some(name) => match files.iter().find(|(n, _)| *n == name) {
                    Some((_, text)) => {
                        print!("{text}");
                        Ok(0)
                    }
                    None => {
                        eprintln!("crosscheck: no built-in rule file `{name}`");
                        Ok(2)
                    }
                },
            }
        }
    }
}
