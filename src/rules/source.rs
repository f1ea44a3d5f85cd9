//! Where a rule file's text comes from (embedded default or a user's
//! directory), and how its problems become located errors.

use std::ops::Range;
use std::path::Path;

use crate::error::{InputError, display_path};

#[derive(Clone, Debug)]
pub struct RuleSource {
    /// File name, e.g. `zones.toml`: which kind of rules it holds.
    pub name: String,
    /// Shown in messages: `rules/zones.toml (built in)` or the user's path.
    pub path: String,
    pub text: String,
}

/// A problem found while compiling rules, with the byte span it is about
/// when one is known.
#[derive(Clone, Debug)]
pub struct RuleProblem {
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl RuleProblem {
    pub fn new(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        RuleProblem {
            message: message.into(),
            span,
        }
    }
}

impl RuleSource {
    pub fn builtin(name: &str, text: &str) -> Self {
        RuleSource {
            name: name.to_string(),
            path: format!("rules/{name} (built in)"),
            text: text.to_string(),
        }
    }

    /// Every `.toml` file in a user's rules directory, sorted by name.
    pub fn read_dir(dir: &Path) -> Result<Vec<RuleSource>, Vec<InputError>> {
        let read = std::fs::read_dir(dir).map_err(|e| {
            vec![InputError::new(
                dir,
                format!("cannot read rules directory: {e}"),
            )]
        })?;
        let mut paths: Vec<_> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("toml"))
            .collect();
        paths.sort();
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            // Read like a document: a fifo or /dev/zero named x.toml must
            // not hang the run.
            let read = crate::load::read::read_regular(&path, None, &Default::default())
                .map_err(|e| e.message("rule file"))
                .and_then(|b| String::from_utf8(b).map_err(|_| "not valid UTF-8".to_string()));
            match read {
                Ok(text) => sources.push(RuleSource {
                    name: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    path: display_path(&path),
                    text,
                }),
                Err(e) => errors.push(InputError::new(&path, e)),
            }
        }
        if errors.is_empty() {
            Ok(sources)
        } else {
            Err(errors)
        }
    }

    /// An error at `span` of this file (line, column and the line's text).
    pub fn error(&self, message: &str, span: Option<Range<usize>>) -> InputError {
        let err = InputError::new(&self.path, message.to_string());
        match span {
            Some(span) => err
                .at_offset(&self.text, span.start)
                .with_snippet(&self.text),
            None => err,
        }
    }
}
