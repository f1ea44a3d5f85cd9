//! Typed errors for every stage. Each carries the file it is about and, where
//! there is one, the line, so that a message can point an editor at the
//! problem. A bad document or manifest entry is reported and the run goes on
//! (exit code 2 at the end); only `main` turns errors into `anyhow`.

use std::fmt;
use std::path::Path;

use serde::Serialize;

/// A problem with an input file, located as precisely as we can.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
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
}

impl InputError {
    pub fn new(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        InputError {
            path: display_path(path.as_ref()),
            line: None,
            column: None,
            message: message.into(),
            snippet: None,
        }
    }

    /// Keeps the text of the error's line (from `text`, the whole file) so
    /// the message can show it.
    pub fn with_snippet(mut self, text: &str) -> Self {
        if let Some(line) = self.line {
            self.snippet = text.lines().nth(line - 1).map(str::to_string);
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
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{}:{}: {}", self.path, l, c, self.message),
            (Some(l), None) => write!(f, "{}:{}: {}", self.path, l, self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// 1-based line and column (in Unicode scalar values) of a byte offset.
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
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
