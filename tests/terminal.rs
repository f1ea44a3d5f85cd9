//! What the binary does on a terminal and off it: colour only when asked or
//! on a terminal (never in a pipe, so never in these tests unless forced),
//! the table's width from `--width` or `COLUMNS`, and no progress bar on a
//! standard error that is not a terminal.

use std::process::{Command, Output};

fn crosscheck(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.args(args).arg("--no-config").env_remove("COLUMNS");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("crosscheck runs")
}

const BUNDLE: &str = "corpus/hokkaido-quake-2025-10-27";

#[test]
fn colour_only_when_forced_in_a_pipe() {
    let piped = crosscheck(&["check", BUNDLE], &[]);
    assert!(!piped.stdout.contains(&0x1b), "no escapes in a pipe");
    let forced = crosscheck(&["check", BUNDLE, "--color", "always"], &[]);
    let text = String::from_utf8_lossy(&forced.stdout);
    assert!(
        text.contains("\u{1b}[1m\u{1b}[31merror") || text.contains("\u{1b}[31"),
        "{text}"
    );
    let never = crosscheck(
        &["check", BUNDLE, "--color", "never"],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(!never.stdout.contains(&0x1b));
}

#[test]
fn width_from_the_flag_or_columns() {
    let widest = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    let narrow = crosscheck(&["check", BUNDLE, "--width", "80"], &[]);
    assert!(widest(&narrow) <= 80);
    let wide_text = "corpus/putin-trump-call-2025-03-18";
    let columns = crosscheck(&["check", wide_text], &[("COLUMNS", "120")]);
    assert!(
        widest(&columns) <= 120 && widest(&columns) > 100,
        "{}",
        widest(&columns)
    );
    let default = crosscheck(&["check", BUNDLE], &[]);
    assert!(widest(&default) <= 100);
}

#[test]
fn no_progress_bar_off_a_terminal() {
    let run = crosscheck(&["check", "corpus", "--format", "json"], &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        run.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
