//! Typed errors for every stage. Each carries the file it is about and, where
//! there is one, the line, so that a message can point an editor at the
//! problem. A bad document or manifest entry is reported and the run goes on
//! (exit code 2 at the end); only `main` turns errors into `anyhow`. The same
//! type carries warnings (a file skipped, a document not in the manifest),
//! which are reported without failing the run.
//!
//! Paths and messages may hold text from hostile files (a file name with an
//! escape sequence, a zone name copied from an article), so everything shown
//! on a terminal goes through [`terminal_safe`].
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// A problem with an input file, located as precisely as we can.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub struct InputError {
    /// The file, as given on the command line or found in a bundle.
    pub path: String,
    /// 1-based line, when the problem is on one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (Unicode scalar values), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
    /// The text of the offending line, for an excerpt under the message.
    #[serde(skip)]
    pub snippet: Option<String>,
    /// How many characters from `column` the excerpt underlines (the whole
    /// offending value where it is known; one character otherwise).
    #[serde(skip, default = "one")]
    pub width: usize,
}

fn one() -> usize {
    1
}

impl InputError {
    pub fn new(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        InputError {
            path: display_path(path.as_ref()),
            line: None,
            column: None,
            message: message.into(),
            snippet: None,
            width: 1,
        }
    }

    /// Keeps the text of the error's line (from `text`, the whole file) so
    /// the message can show it.
    pub fn with_snippet(mut self, text: &str) -> Self {
        if let Some(line) = self.line {
            self.snippet = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
        }
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Locates the error at a byte offset of `text` (the file's contents).
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, column) = line_column(text, offset);
        self.at(line, column)
    }

    /// Locates the error at a byte span of `text`, keeps the line for an
    /// excerpt and underlines the span (up to the end of its first line).
    pub fn at_span(mut self, text: &str, span: std::ops::Range<usize>) -> Self {
        self = self.at_offset(text, span.start).with_snippet(text);
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
        let first_line = text[start..end].split('\n').next().unwrap_or("");
        self.width = first_line.chars().count().max(1);
        self
    }

    /// The message for a terminal: with an excerpt of the offending line
    /// (annotate-snippets) when there is one, else `crosscheck: error: …`.
    /// Control characters from the files are shown escaped.
    pub fn render(&self, warning: bool) -> String {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        let (level, word) = if warning {
            (Level::WARNING, "warning")
        } else {
            (Level::ERROR, "error")
        };
        match (&self.snippet, self.line, self.column) {
            (Some(line_text), Some(line), Some(column)) => {
                let line_text = terminal_safe(line_text);
                let start: usize = line_text
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                let end: usize = start
                    + line_text[start..]
                        .chars()
                        .take(self.width.max(1))
                        .map(char::len_utf8)
                        .sum::<usize>();
                let message = terminal_safe(&self.message);
                let path = terminal_safe(&self.path);
                let report = &[level.primary_title(message.as_ref()).element(
                    Snippet::source(line_text.as_ref())
                        .line_start(line)
                        .path(path.as_ref())
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )];
                Renderer::plain().render(report).to_string()
            }
            _ => format!("crosscheck: {word}: {self}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = terminal_safe(&self.path);
        let message = terminal_safe(&self.message);
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{path}:{l}:{c}: {message}"),
            (Some(l), None) => write!(f, "{path}:{l}: {message}"),
            _ => write!(f, "{path}: {message}"),
        }
    }
}

/// 1-based line and column (in Unicode scalar values) of a byte offset.
/// The start of every line of one text, so that many offsets of it are
/// located by binary search rather than by counting from the start each
/// time (a manifest of 10,000 entries locates 30,000 keys).
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The same as [`line_column`], 1-based.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// The error located at a byte span, as [`InputError::at_span`] does.
    pub fn locate(&self, error: InputError, span: std::ops::Range<usize>) -> InputError {
        let (line, column) = self.line_column(span.start);
        let mut e = error.at(line, column);
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.text.len(), |&s| s - 1);
        // As `str::lines` gives it: without its line feed and carriage return.
        let text = &self.text[start..end.max(start)];
        // (and no line at all past the last line feed).
        e.snippet =
            (start < self.text.len()).then(|| text.strip_suffix('\r').unwrap_or(text).to_string());
        let s = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let t = floor_char_boundary(self.text, span.end.min(self.text.len())).max(s);
        e.width = self.text[s..t]
            .split('\n')
            .next()
            .unwrap_or("")
            .chars()
            .count()
            .max(1);
        e
    }
}

pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Paths are shown with forward slashes so reports read the same everywhere.
/// A file name that is not UTF-8 is shown with U+FFFD in place of its bad
/// bytes; the file itself is still read by its real name.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Text from files made safe to print on a terminal: control characters
/// (which could move the cursor, clear the screen or retitle the window)
/// become their visible Control Pictures (`␛` for ESC, one column wide, so
/// tables stay aligned), and C1 controls and the bidirectional overrides
/// that can reorder what a reader sees become `\u{…}` escapes. Newline and
/// tab are kept. Text without any of these is returned as it is.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1F}' => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'))
            }
            '\u{7F}' => out.push('\u{2421}'),
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The candidate closest to what was written, when one is close enough to
/// be a likely typo: the same but for case, or a small edit away
/// ("Europe/Brusels" → "Europe/Brussels"). A candidate with a `/` also
/// matches on its last part, spaces for underscores ("New York" →
/// "America/New_York"). Ties go to the candidate listed first, so the
/// suggestion is deterministic.
pub fn did_you_mean<'a>(
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let key = |s: &str| s.to_lowercase().replace('_', " ");
    let written_key = key(written);
    if written_key.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let full = key(candidate);
        let last = full.rsplit('/').next().unwrap_or(&full).to_string();
        let score = [full, last]
            .iter()
            .map(|k| {
                if *k == written_key {
                    1.0
                } else {
                    strsim::normalized_damerau_levenshtein(k, &written_key)
                }
            })
            .fold(0.0_f64, f64::max);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, candidate)| *score >= 0.75 && *candidate != written)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line index locates every offset as the count from the start
    /// does, with the same excerpt and underline width.
    #[test]
    fn the_line_index_agrees_with_counting() {
        for text in [
            "",
            "a",
            "a\n",
            "ab\r\ncd\n\nü€x\ny",
            "\n\n",
            "x = \"é\"\r\n[[d]]",
        ] {
            let lines = LineIndex::new(text);
            for offset in 0..=text.len() + 1 {
                assert_eq!(
                    lines.line_column(offset),
                    line_column(text, offset),
                    "{text:?} {offset}"
                );
                for end in [offset, offset + 1, offset + 4] {
                    let counted = InputError::new("f", "m").at_span(text, offset..end);
                    let indexed = lines.locate(InputError::new("f", "m"), offset..end);
                    assert_eq!(indexed, counted, "{text:?} {offset}..{end}");
                }
            }
        }
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(terminal_safe("a\x1b[2Jb"), "a\u{241B}[2Jb");
        assert_eq!(terminal_safe("tab\tnew\nline"), "tab\tnew\nline");
        assert_eq!(terminal_safe("x\u{202E}y\u{85}"), "x\\u{202e}y\\u{85}");
        assert_eq!(terminal_safe("\x7f"), "\u{2421}");
        assert!(matches!(terminal_safe("plain “text”"), Cow::Borrowed(_)));
    }

    #[test]
    fn suggestions_for_typos_case_and_city_names() {
        let zones = ["Europe/Brussels", "Asia/Tokyo", "America/New_York"];
        assert_eq!(
            did_you_mean("Europe/Brusels", zones),
            Some("Europe/Brussels")
        );
        assert_eq!(did_you_mean("asia/tokyo", zones), Some("Asia/Tokyo"));
        assert_eq!(did_you_mean("New York", zones), Some("America/New_York"));
        assert_eq!(did_you_mean("Tokio", zones), Some("Asia/Tokyo"));
        assert_eq!(did_you_mean("Mars/Olympus", zones), None);
        assert_eq!(did_you_mean("", zones), None);
    }

    #[test]
    fn rendered_errors_underline_the_value_and_escape_it() {
        let text = "[[document]]\nfile = \"a.txt\"\ntimezone = \"Europe/Brusels\"\n";
        let at = text.find("\"Europe").unwrap_or(0);
        let e = InputError::new("b/bundle.toml", "not a zone\x1b[31m")
            .at_span(text, at..at + "\"Europe/Brusels\"".len());
        assert_eq!((e.line, e.column, e.width), (Some(3), Some(12), 16));
        let shown = e.render(false);
        assert!(shown.contains("b/bundle.toml:3:12"), "{shown}");
        assert!(shown.contains("^^^^^^^^^^^^^^^^"), "{shown}");
        assert!(!shown.contains('\x1b'), "{shown}");
    }
}
