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
use crosscheck::rules::Rules;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => cli::run::check(args),
        Command::Report(args) => cli::run::report(args),
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
            let dirs: Vec<&std::path::Path> = rules.iter().map(|p| p.as_path()).collect();
            let rules = match Rules::load_dirs(&dirs) {
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
