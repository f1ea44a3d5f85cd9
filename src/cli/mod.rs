//! The command line, apart from `main`: its arguments ([`args`]), the check
//! and report runs ([`run`]), and the terminal's width and colour
//! ([`term`]). Everything written (standard output, reports, pages,
//! baselines, messages) goes through the library's one writer,
//! `crosscheck::output`: atomic, never over an input, quiet on a closed
//! pipe.

pub mod args;
pub mod run;
pub mod term;

use crosscheck::error::InputError;
use crosscheck::output;

/// Errors on standard error, each with an excerpt of its line where there
/// is one; text from the files is escaped for the terminal.
pub fn print_errors<'a>(errors: impl IntoIterator<Item = &'a InputError>) {
    for e in errors {
        output::eprint(&format!("{}\n", e.render(false)));
    }
}

/// Warnings (entries skipped, documents not in the manifest) on standard
/// error: they do not fail the run.
pub fn print_warnings<'a>(warnings: impl IntoIterator<Item = &'a InputError>) {
    for w in warnings {
        output::eprint(&format!("{}\n", w.render(true)));
    }
}
