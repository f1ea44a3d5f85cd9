//! `bundle.toml`: the optional manifest naming a bundle's documents and what
//! is known about each (outlet, publication time, time zone). The format is
//! fixed in CONTRACT.md; `published` also accepts a bare date
//! (`2025-03-18`) for documents whose day is known but not their hour.

use std::path::Path;

use serde::Deserialize;

use crate::error::InputError;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, rename = "document")]
    pub documents: Vec<DocumentEntry>,
}

/// One `[[document]]` table. Also the shape of Markdown front matter.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Line of this entry in the manifest, for error messages (not a key).
    #[serde(skip)]
    pub line: Option<usize>,
    /// The manifest the entry came from, for error messages.
    #[serde(skip)]
    pub manifest: Option<String>,
}

impl DocumentEntry {
    pub fn bare(file: impl Into<String>) -> Self {
        DocumentEntry {
            file: file.into(),
            ..Default::default()
        }
    }
}

impl Manifest {
    pub fn read(path: &Path) -> Result<Manifest, InputError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| InputError::new(path, e.to_string()))?;
        Manifest::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Manifest, InputError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut manifest: Manifest = toml::from_str(text).map_err(|e| {
            let err = InputError::new(path, e.message().to_string());
            match e.span() {
                Some(span) => err.at_offset(text, span.start),
                None => err,
            }
        })?;
        // Remember where each [[document]] starts so later errors (a missing
        // file, a bad zone) can name the manifest line.
        let starts: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with("[[document]]"))
            .map(|(i, _)| i + 1)
            .collect();
        for (i, entry) in manifest.documents.iter_mut().enumerate() {
            entry.line = starts.get(i).copied();
            entry.manifest = Some(crate::error::display_path(path));
            if entry.file.is_empty() {
                let mut err = InputError::new(path, "[[document]] needs `file`");
                if let Some(line) = entry.line {
                    err = err.at(line, 1);
                }
                return Err(err);
            }
        }
        Ok(manifest)
    }
}
