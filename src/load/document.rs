//! One document: its text (BOM stripped, CRLF folded to LF, Markdown front
//! matter blanked so offsets and line numbers stay true) and what is known of
//! it: id, outlet, publication time, time zone.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use super::LoadOptions;
use super::manifest::{DocumentEntry, Location};
use super::read::{ReadError, read_regular};
use crate::error::{InputError, did_you_mean, display_path};

/// Why a document was not loaded, and whether that is only a skipped
/// directory entry (a warning) rather than an error.
#[derive(Clone, Debug)]
pub struct LoadProblem {
    pub error: InputError,
    /// A file found in the directory that is no regular file (a fifo, a
    /// symlink loop): skipped with a warning. A listed one is an error.
    pub skipped: bool,
}

/// An IANA zone, or an error saying which one was probably meant.
fn parse_zone(z: &str) -> Result<Tz, String> {
    z.parse::<Tz>().map_err(|_| {
        let mut m = format!("`timezone = \"{z}\"` is not an IANA time zone (e.g. Europe/Brussels)");
        if let Some(near) = did_you_mean(z, chrono_tz::TZ_VARIANTS.iter().map(|t| t.name())) {
            m.push_str(&format!("; did you mean `{near}`?"));
        }
        m
    })
}

/// The file in `file`'s directory whose name is closest to `file`'s, for a
/// "did you mean" under a listed file that is not there.
fn nearest_file(dir: &Path, file: &Path) -> Option<String> {
    let wanted = file.file_name()?.to_string_lossy().into_owned();
    let parent = dir.join(file.parent().unwrap_or(Path::new("")));
    let names: Vec<String> = std::fs::read_dir(parent)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| super::is_document(Path::new(n)))
        .collect();
    let near = did_you_mean(&wanted, names.iter().map(String::as_str))?;
    let shown = file.parent().unwrap_or(Path::new("")).join(near);
    Some(display_path(&shown))
}

/// When a document was published. The day may be known without the hour
/// (`published = "2025-03-18"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    /// The publication day as the outlet dated it (in the offset given).
    pub date: NaiveDate,
    /// The full instant, when the manifest gives one.
    pub instant: Option<DateTime<FixedOffset>>,
}

impl Published {
    pub fn parse(s: &str) -> Result<Published, String> {
        let s = s.trim();
        if let Ok(instant) = DateTime::parse_from_rfc3339(s) {
            return Ok(Published {
                date: instant.date_naive(),
                instant: Some(instant),
            });
        }
        if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Published {
                date,
                instant: None,
            });
        }
        Err(format!(
            "`published = \"{s}\"` is neither RFC 3339 with an offset (2025-03-18T10:30:00+01:00) nor a date (2025-03-18)"
        ))
    }

    /// The RFC 3339 form, or the bare date, as the report shows it.
    pub fn to_report_string(&self) -> String {
        match self.instant {
            Some(i) => i.to_rfc3339(),
            None => self.date.format("%Y-%m-%d").to_string(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Document {
    /// File stem: `000_671c9b4b0b9aeb4f`. Unique within its bundle.
    pub id: String,
    pub path: PathBuf,
    pub source: Option<String>,
    pub published: Option<Published>,
    pub timezone: Option<Tz>,
    pub url: Option<String>,
    /// The text, LF line ends, no BOM.
    pub text: String,
    /// Byte offset of the start of every line, for line/column lookups.
    line_starts: Vec<usize>,
}

impl Document {
    /// This document with another text of the same length (the index's
    /// flattened text): same lines, same offsets.
    pub fn with_text(&self, text: &str) -> Document {
        debug_assert_eq!(text.len(), self.text.len());
        Document {
            text: text.to_string(),
            ..self.clone()
        }
    }

    /// Builds a document from text already in memory (tests, benchmarks,
    /// rule examples).
    pub fn from_text(id: &str, text: &str) -> Document {
        let text = clean_text(text);
        let line_starts = line_starts(&text);
        Document {
            id: id.to_string(),
            path: PathBuf::from(format!("{id}.txt")),
            source: None,
            published: None,
            timezone: None,
            url: None,
            text,
            line_starts,
        }
    }

    /// Reads the document `entry` names, relative to the bundle directory
    /// `dir`, with the checks of [`super::read`]. A problem with a listed
    /// document is reported at its manifest line; one with a file found in
    /// the directory, at the file.
    pub fn load(
        dir: &Path,
        entry: &DocumentEntry,
        options: &LoadOptions,
    ) -> Result<Document, LoadProblem> {
        let path = dir.join(&entry.file);
        let listed = entry.manifest.is_some();
        let file_error = |message: String| -> InputError {
            match (&entry.locations.file, entry.manifest.as_deref(), entry.line) {
                (Some(at), _, _) => at.error(message),
                (None, Some(manifest), Some(line)) => {
                    InputError::new(Path::new(manifest), message).at(line, 1)
                }
                _ => InputError::new(&path, message),
            }
        };
        let bytes = read_regular(&path, Some(dir), options).map_err(|e| {
            let skipped = !listed && matches!(e, ReadError::NotAFile(_));
            let message = match (&e, listed) {
                (ReadError::NotFound, true) => {
                    let mut m = format!(
                        "cannot read document `{}`: no such file",
                        display_path(&path)
                    );
                    if let Some(near) = nearest_file(dir, &entry.file) {
                        m.push_str(&format!("; did you mean `{near}`?"));
                    }
                    m
                }
                (_, true) => format!("`{}` {}", display_path(&path), e.message("document")),
                (_, false) => e.message("document"),
            };
            LoadProblem {
                error: file_error(message),
                skipped,
            }
        })?;
        let fail = |error: InputError| LoadProblem {
            error,
            skipped: false,
        };
        let raw = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
            fail(InputError::new(&path, "not valid UTF-8").at_offset(&text, offset))
        })?;
        let mut text = clean_text(&raw);
        let mut entry = entry.clone();
        if path.extension().and_then(|e| e.to_str()) == Some("md")
            && let Some(front) = take_front_matter(&mut text)
        {
            merge_front_matter(&mut entry, &front, &display_path(&path))
                .map_err(|m| fail(InputError::new(&path, m)))?;
        }
        let key_error = |at: &Option<Location>, message: String| match at {
            Some(at) => at.error(message),
            None => file_error(message),
        };
        let published = entry
            .published
            .as_deref()
            .map(Published::parse)
            .transpose()
            .map_err(|m| fail(key_error(&entry.locations.published, m)))?;
        let timezone = entry
            .timezone
            .as_deref()
            .map(parse_zone)
            .transpose()
            .map_err(|m| fail(key_error(&entry.locations.timezone, m)))?;
        let id = entry
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| display_path(&entry.file));
        let line_starts = line_starts(&text);
        Ok(Document {
            id,
            path,
            source: entry.source,
            published,
            timezone,
            url: entry.url,
            text,
            line_starts,
        })
    }

    /// 1-based line and column (Unicode scalar values) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let offset = crate::error::floor_char_boundary(&self.text, offset.min(self.text.len()));
        (line, self.text[start..offset].chars().count() + 1)
    }

    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }
}

fn clean_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        raw.to_string()
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Removes a leading `---` (YAML-style `key: value`) or `+++` (TOML) block
/// and returns its body. The block is overwritten with spaces, keeping its
/// newlines, so every offset and line number in the text stays true.
fn take_front_matter(text: &mut String) -> Option<String> {
    let fence = if text.starts_with("---\n") {
        "---"
    } else if text.starts_with("+++\n") {
        "+++"
    } else {
        return None;
    };
    let body_start = 4;
    let close = text[body_start..]
        .match_indices('\n')
        .map(|(i, _)| body_start + i + 1)
        .find(|&line_start| {
            text[line_start..]
                .lines()
                .next()
                .is_some_and(|l| l.trim_end() == fence)
        })?;
    let end = text[close..].find('\n').map_or(text.len(), |i| close + i);
    let body = format!("{}\n{}", fence, &text[body_start..close]);
    let blank: String = text[..end]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    text.replace_range(..end, &blank);
    Some(body)
}

fn merge_front_matter(entry: &mut DocumentEntry, front: &str, path: &str) -> Result<(), String> {
    let (fence, body) = front.split_once('\n').unwrap_or((front, ""));
    let fields: Vec<(String, String)> = if fence == "+++" {
        let table: toml::Table =
            toml::from_str(body).map_err(|e| format!("front matter: {}", e.message()))?;
        table
            .into_iter()
            .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect()
    } else {
        body.lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| {
                let (k, v) = l
                    .split_once(':')
                    .ok_or_else(|| format!("front matter: expected `key: value`, found `{l}`"))?;
                let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
                Ok((k.trim().to_string(), v))
            })
            .collect::<Result<_, String>>()?
    };
    // Where a key's value sits in the document (front matter starts on its
    // line 2), so a bad zone is reported there, with the line shown.
    let locate = |key: &str| -> Option<Location> {
        body.lines().enumerate().find_map(|(i, l)| {
            let rest = l.trim_start().strip_prefix(key)?;
            let sep = rest.trim_start().strip_prefix([':', '='])?;
            let value = sep.trim();
            let start = l.len() - sep.trim_start().len();
            Some(Location {
                path: path.to_string(),
                line: i + 2,
                column: l[..start].chars().count() + 1,
                width: value.chars().count().max(1),
                snippet: Some(l.to_string()),
            })
        })
    };
    for (key, value) in fields {
        match key.as_str() {
            "source" => entry.source = Some(value),
            "published" => {
                entry.published = Some(value);
                entry.locations.published = locate("published");
            }
            "timezone" => {
                entry.timezone = Some(value);
                entry.locations.timezone = locate("timezone");
            }
            "url" => entry.url = Some(value),
            "title" => {}
            // Other front matter (tags, authors, …) is the outlet's business.
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_folded() {
        let doc = Document::from_text("a", "\u{feff}one\r\ntwo\r\n");
        assert_eq!(doc.text, "one\ntwo\n");
        assert_eq!(doc.line_column(4), (2, 1));
    }

    #[test]
    fn columns_count_scalar_values() {
        let doc = Document::from_text("a", "“Hi” said Zoë, at 9.30am");
        let at = doc.text.find("9.30").unwrap();
        assert_eq!(doc.line_column(at), (1, 19));
    }

    #[test]
    fn front_matter_is_read_and_blanked() {
        let mut text =
            "---\npublished: 2025-03-18T10:00:00+01:00\ntimezone: Europe/Paris\n---\nBody"
                .to_string();
        let front = take_front_matter(&mut text).unwrap();
        assert!(text.ends_with("\nBody"));
        assert_eq!(text.lines().count(), 5);
        let mut entry = DocumentEntry::bare("a.md");
        merge_front_matter(&mut entry, &front, "a.md").unwrap();
        assert_eq!(entry.timezone.as_deref(), Some("Europe/Paris"));
        assert_eq!(
            entry.published.as_deref(),
            Some("2025-03-18T10:00:00+01:00")
        );
        let zone = entry.locations.timezone.unwrap();
        assert_eq!((zone.line, zone.column, zone.width), (3, 11, 12));
    }

    #[test]
    fn published_accepts_instant_or_day() {
        let p = Published::parse("2025-03-18T10:30:00+09:00").unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2025, 3, 18).unwrap());
        assert!(p.instant.is_some());
        let d = Published::parse("2025-03-18").unwrap();
        assert!(d.instant.is_none());
        assert!(Published::parse("18/03/2025").is_err());
    }
}
