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
    /// RFC 3339 or a bare date, quoted or as a TOML date-time.
    #[serde(default, deserialize_with = "string_or_datetime")]
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

/// Accepts `published = "2025-03-18T10:00:00+01:00"` and the unquoted TOML
/// date-time `published = 2025-03-18T10:00:00+01:00` alike.
fn string_or_datetime<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Field {
        Text(String),
        Datetime(toml::value::Datetime),
    }
    Ok(Some(match Field::deserialize(d)? {
        Field::Text(s) => s,
        Field::Datetime(dt) => dt.to_string(),
    }))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_may_be_a_toml_datetime_or_a_string() {
        let m = Manifest::parse(
            Path::new("bundle.toml"),
            "[[document]]\nfile = \"a.txt\"\npublished = 2025-03-18T10:00:00+01:00\n\n[[document]]\nfile = \"b.txt\"\npublished = \"2025-03-19\"\n\n[[document]]\nfile = \"c.txt\"\npublished = 2025-03-20\n",
        )
        .unwrap();
        let published: Vec<_> = m
            .documents
            .iter()
            .map(|d| d.published.clone().unwrap())
            .collect();
        assert_eq!(
            published,
            ["2025-03-18T10:00:00+01:00", "2025-03-19", "2025-03-20"]
        );
        assert_eq!(m.documents[1].line, Some(5));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let err = Manifest::parse(
            Path::new("bundle.toml"),
            "[[document]]\nfile = \"a.txt\"\npublisher = \"X\"\n",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("publisher"), "{}", err.message);
    }
}
