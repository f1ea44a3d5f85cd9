//! The command line, apart from `main`: its arguments ([`args`]), the check
//! and report runs ([`run`]), the terminal's width and colour ([`term`]),
//! and the one place output is written ([`output`]).

pub mod args;
pub mod output;
pub mod run;
pub mod term;

use crosscheck::error::InputError;

pub fn print_errors<'a>(errors: impl IntoIterator<Item = &'a InputError>) {
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
            let start = start.min(line_text.len());
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
