//! The `crosscheck` command line: parses arguments, runs the pipeline of the
//! library over each bundle, prints the report and sets the exit code
//! (0 clean, 1 findings at or above `--fail-on`, 2 errors). The binary
//! (this file and `cli/`) is the only place that prints, and the only
//! place `anyhow` is used.

mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::args::{Cli, Command, RulesAction};
use cli::print_errors;
use crosscheck::error::terminal_safe;
use crosscheck::output::{self, OutputError};
use crosscheck::rules::Rules;

/// Compiling the rules' regexes is most of start-up, and most of that is
/// the allocator: the regex compiler makes many small allocations that
/// glibc's malloc serves slowly (a third of all instructions on the seed
/// bundle). mimalloc serves them several times faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => cli::run::check(args, cli::run::Input::Bundles),
        Command::Compare(args) => cli::run::check(args, cli::run::Input::Claims),
        Command::Report(args) => cli::run::report(args),
        Command::Extract(args) => cli::run::extract(args),
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
            let dirs: Vec<&std::path::Path> = rules.iter().map(|p| p.as_path()).collect();
            let rules = match Rules::load_dirs(&dirs) {
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
