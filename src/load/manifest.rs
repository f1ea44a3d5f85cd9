//! `bundle.toml`: the optional manifest naming a bundle's documents and what
//! is known about each (outlet, publication time, time zone). The format is
//! fixed in CONTRACT.md; `published` also accepts a bare date
//! (`2025-03-18`) for documents whose day is known but not their hour.
//!
//! Every value keeps where it was written, so a problem found later (a zone
//! that does not exist, a file that is not there) is reported at the line of
//! its key with an excerpt. An entry that can never be read safely (an
//! absolute path, one that climbs out of the bundle with `..`, a file listed
//! twice) is dropped here with an error at its `file =` line; the other
//! entries are still checked.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{InputError, LineIndex, display_path};

#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub title: Option<String>,
    pub documents: Vec<DocumentEntry>,
    /// Entries dropped because they could not be read safely, each located
    /// at its manifest line. The bundle is still checked without them.
    pub problems: Vec<InputError>,
    /// Files of the dropped entries that are inside the bundle: listed,
    /// though not checked, so not "missing from the manifest" either.
    pub dropped: Vec<PathBuf>,
}

/// Where a value was written: enough to locate an error there and show the
/// line underneath it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// Characters to underline from `column`.
    pub width: usize,
    pub snippet: Option<String>,
}

impl Location {
    pub fn in_text(path: &str, lines: &LineIndex, span: Range<usize>) -> Location {
        let e = lines.locate(InputError::new(Path::new(path), ""), span);
        Location {
            path: path.to_string(),
            line: e.line.unwrap_or(1),
            column: e.column.unwrap_or(1),
            width: e.width,
            snippet: e.snippet,
        }
    }

    pub fn error(&self, message: impl Into<String>) -> InputError {
        let mut e = InputError::new(Path::new(&self.path), message).at(self.line, self.column);
        e.snippet = self.snippet.clone();
        e.width = self.width;
        e
    }
}

/// Where each key of one entry was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyLocations {
    pub file: Option<Location>,
    pub published: Option<Location>,
    pub timezone: Option<Location>,
}

/// One `[[document]]` table. Also what Markdown front matter fills in.
#[derive(Clone, Debug, Default)]
pub struct DocumentEntry {
    /// Relative to the bundle directory. A path, not a string: a file found
    /// in the directory may have a name that is not UTF-8.
    pub file: PathBuf,
    pub source: Option<String>,
    /// RFC 3339 or a bare date, as written.
    pub published: Option<String>,
    pub timezone: Option<String>,
    pub url: Option<String>,
    /// Line of this entry in the manifest, for error messages.
    pub line: Option<usize>,
    /// The manifest the entry came from, for error messages.
    pub manifest: Option<String>,
    /// Where each key's value was written (manifest or front matter).
    pub locations: KeyLocations,
}

impl DocumentEntry {
    pub fn bare(file: impl Into<PathBuf>) -> Self {
        DocumentEntry {
            file: file.into(),
            ..Default::default()
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, rename = "document")]
    documents: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    #[serde(default)]
    file: Option<Spanned<String>>,
    #[serde(default)]
    source: Option<String>,
    /// A string or a TOML date-time; anything else is reported in our words
    /// rather than serde's ("did not match any variant of untagged enum").
    #[serde(default)]
    published: Option<Spanned<toml::Value>>,
    #[serde(default)]
    timezone: Option<Spanned<String>>,
    #[serde(default)]
    url: Option<String>,
}

impl Manifest {
    /// Reads a manifest with the same care as a document: a regular file
    /// no larger than the document size cap.
    pub fn read(path: &Path, options: &super::LoadOptions) -> Result<Manifest, InputError> {
        let text = super::read::read_text(path, "manifest", options)?;
        Manifest::parse(path, &text)
    }

    /// Parses a manifest. A syntax error or an unknown key fails the whole
    /// manifest (it says nothing reliable then); a bad entry is dropped
    /// into [`Manifest::problems`].
    pub fn parse(path: &Path, text: &str) -> Result<Manifest, InputError> {
        let shown = display_path(path);
        // The span of an error counts from the text toml saw; keep the BOM
        // out of it but offsets true by parsing the stripped text only.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawManifest = toml::from_str(text).map_err(|e| {
            let err = InputError::new(path, e.message().trim_end().to_string());
            match e.span() {
                Some(span) => err.at_span(text, span),
                None => err,
            }
        })?;
        let lines = LineIndex::new(text);
        let at = |span: Range<usize>| Location::in_text(&shown, &lines, span);
        let mut manifest = Manifest {
            title: raw.title,
            ..Default::default()
        };
        // Normalised path → line of the entry that listed it first.
        let mut listed: std::collections::HashMap<PathBuf, usize> = Default::default();
        for raw_entry in raw.documents {
            let entry_at = at(raw_entry.span());
            let raw_entry = raw_entry.into_inner();
            let Some(file) = raw_entry.file else {
                manifest
                    .problems
                    .push(entry_at.error("[[document]] needs `file = \"…\"`"));
                continue;
            };
            let file_at = at(file.span());
            let file = file.into_inner();
            let normal = match inside_bundle(&file) {
                Ok(p) => p,
                Err(why) => {
                    manifest.problems.push(file_at.error(format!(
                        "`file = \"{file}\"` {why}; a manifest lists files inside its bundle \
                         directory, by paths relative to it"
                    )));
                    continue;
                }
            };
            if let Some(first) = listed.get(&normal) {
                manifest.problems.push(file_at.error(format!(
                    "`{file}` is listed twice (first at line {first}); this entry is ignored"
                )));
                continue;
            }
            listed.insert(normal.clone(), file_at.line);
            let published = match raw_entry.published {
                None => None,
                Some(value) => {
                    let value_at = at(value.span());
                    match value.into_inner() {
                        toml::Value::String(s) => Some((s, value_at)),
                        toml::Value::Datetime(dt) => Some((dt.to_string(), value_at)),
                        other => {
                            manifest.dropped.push(normal);
                            manifest.problems.push(value_at.error(format!(
                                "`published` must be a date-time with an offset \
                                 (2025-03-18T10:30:00+01:00) or a date (2025-03-18), quoted or \
                                 not; this is {} {}",
                                article(other.type_str()),
                                other.type_str()
                            )));
                            continue;
                        }
                    }
                }
            };
            let timezone = raw_entry.timezone.map(|z| {
                let zone_at = at(z.span());
                (z.into_inner(), zone_at)
            });
            manifest.documents.push(DocumentEntry {
                file: PathBuf::from(&file),
                source: raw_entry.source,
                published: published.as_ref().map(|(s, _)| s.clone()),
                timezone: timezone.as_ref().map(|(s, _)| s.clone()),
                url: raw_entry.url,
                line: Some(entry_at.line),
                manifest: Some(shown.clone()),
                locations: KeyLocations {
                    file: Some(file_at),
                    published: published.map(|(_, l)| l),
                    timezone: timezone.map(|(_, l)| l),
                },
            });
        }
        Ok(manifest)
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The path with `.` removed and `..` applied, if it is relative and stays
/// inside the directory it is relative to; why not otherwise. This is the
/// lexical check; symlinks are checked when the file is opened.
pub(crate) fn inside_bundle(file: &str) -> Result<PathBuf, &'static str> {
    if file.trim().is_empty() {
        return Err("is empty");
    }
    let mut normal = PathBuf::new();
    for component in Path::new(file).components() {
        match component {
            Component::Normal(part) => normal.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    return Err("leaves the bundle directory");
                }
            }
            Component::RootDir | Component::Prefix(_) => return Err("is an absolute path"),
        }
    }
    if normal.as_os_str().is_empty() {
        return Err("names the bundle directory itself, not a file");
    }
    Ok(normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Manifest {
        Manifest::parse(Path::new("b/bundle.toml"), text).unwrap()
    }

    #[test]
    fn published_may_be_a_toml_datetime_or_a_string() {
        let m = parse(
            "[[document]]\nfile = \"a.txt\"\npublished = 2025-03-18T10:00:00+01:00\n\n[[document]]\nfile = \"b.txt\"\npublished = \"2025-03-19\"\n\n[[document]]\nfile = \"c.txt\"\npublished = 2025-03-20\n",
        );
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
        let p = m.documents[1].locations.published.as_ref().unwrap();
        assert_eq!((p.line, p.column, p.width), (7, 13, 12));
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
        assert_eq!(err.snippet.as_deref(), Some("publisher = \"X\""));
    }

    #[test]
    fn paths_leaving_the_bundle_are_dropped_at_their_line() {
        let m = parse(
            "[[document]]\nfile = \"../secret.txt\"\n[[document]]\nfile = \"/etc/passwd\"\n\
             [[document]]\nfile = \"sub/../a.txt\"\n",
        );
        assert_eq!(m.documents.len(), 1);
        assert_eq!(m.documents[0].file, PathBuf::from("sub/../a.txt"));
        let lines: Vec<_> = m.problems.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(2), Some(4)]);
        assert!(m.problems[0].message.contains("leaves the bundle"));
        assert!(m.problems[1].message.contains("absolute"));
    }

    #[test]
    fn a_file_listed_twice_is_reported_at_the_second_listing() {
        let m = parse("[[document]]\nfile = \"a.txt\"\n\n[[document]]\nfile = \"./a.txt\"\n");
        assert_eq!(m.documents.len(), 1);
        assert_eq!(m.problems.len(), 1);
        assert_eq!(m.problems[0].line, Some(5));
        assert!(
            m.problems[0].message.contains("first at line 2"),
            "{:?}",
            m.problems
        );
    }

    #[test]
    fn published_true_says_what_is_expected() {
        let m = parse("[[document]]\nfile = \"a.txt\"\npublished = true\n");
        assert!(m.documents.is_empty());
        let e = &m.problems[0];
        assert_eq!(e.line, Some(3));
        assert!(
            e.message.contains("2025-03-18T10:30:00+01:00"),
            "{}",
            e.message
        );
        assert!(e.message.contains("a boolean"), "{}", e.message);
        assert!(!e.message.contains("untagged"), "{}", e.message);
    }

    #[test]
    fn a_missing_file_key_is_reported_at_its_entry() {
        let m = parse("title = \"x\"\n\n[[document]]\nsource = \"Wire\"\n");
        assert_eq!(m.problems.len(), 1);
        assert!(m.problems[0].message.contains("needs `file"));
        assert!(m.problems[0].line.is_some());
    }
}
