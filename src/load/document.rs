//! One document: its text (BOM stripped, CRLF folded to LF, Markdown front
//! matter blanked so offsets and line numbers stay true) and what is known of
//! it: id, outlet, publication time, time zone.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;

use super::manifest::DocumentEntry;
use crate::error::{InputError, display_path};

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

    pub fn load(dir: &Path, entry: &DocumentEntry) -> Result<Document, InputError> {
        let path = dir.join(&entry.file);
        let entry_error = |message: String| {
            let mut err = InputError::new(
                entry.manifest.as_deref().map(Path::new).unwrap_or(&path),
                message,
            );
            if let Some(line) = entry.line {
                err = err.at(line, 1);
            }
            err
        };
        let bytes = std::fs::read(&path).map_err(|e| {
            if entry.manifest.is_some() {
                entry_error(format!(
                    "cannot read document `{}`: {e}",
                    display_path(&path)
                ))
            } else {
                InputError::new(&path, e.to_string())
            }
        })?;
        let raw = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
            InputError::new(&path, "not valid UTF-8").at_offset(&text, offset)
        })?;
        let mut text = clean_text(&raw);
        let mut entry = entry.clone();
        if path.extension().and_then(|e| e.to_str()) == Some("md")
            && let Some(front) = take_front_matter(&mut text)
        {
            merge_front_matter(&mut entry, &front).map_err(|m| InputError::new(&path, m))?;
        }
        let published = entry
            .published
            .as_deref()
            .map(Published::parse)
            .transpose()
            .map_err(entry_error)?;
        let timezone = entry
            .timezone
            .as_deref()
            .map(|z| {
                z.parse::<Tz>().map_err(|_| {
                    format!("`timezone = \"{z}\"` is not an IANA time zone (e.g. Europe/Brussels)")
                })
            })
            .transpose()
            .map_err(entry_error)?;
        let id = Path::new(&entry.file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| entry.file.clone());
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

fn merge_front_matter(entry: &mut DocumentEntry, front: &str) -> Result<(), String> {
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
    for (key, value) in fields {
        match key.as_str() {
            "source" => entry.source = Some(value),
            "published" => entry.published = Some(value),
            "timezone" => entry.timezone = Some(value),
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
        merge_front_matter(&mut entry, &front).unwrap();
        assert_eq!(entry.timezone.as_deref(), Some("Europe/Paris"));
        assert_eq!(
            entry.published.as_deref(),
            Some("2025-03-18T10:00:00+01:00")
        );
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
