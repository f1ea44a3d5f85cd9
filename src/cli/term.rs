//! What the terminal allows: colour (on a terminal only, never with
//! `NO_COLOR` or `TERM=dumb`, forced with `--color always`) and width (the
//! terminal's, else `COLUMNS`, else 100 for pipes and files).

use std::io::IsTerminal;

use super::args::When;

/// Width when nothing says otherwise (a pipe, a file, a CI log).
pub const DEFAULT_WIDTH: usize = 100;

pub fn colour(when: When, to_file: bool) -> bool {
    match when {
        When::Always => true,
        When::Never => false,
        When::Auto => {
            !to_file
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

pub fn width(given: Option<usize>, to_file: bool) -> usize {
    if let Some(w) = given {
        return w;
    }
    if !to_file
        && std::io::stdout().is_terminal()
        && let Some((_, cols)) = console::Term::stdout().size_checked()
    {
        return usize::from(cols);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&c: &usize| c > 0)
        .unwrap_or(DEFAULT_WIDTH)
}
