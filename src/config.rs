//! `crosscheck.toml`: a desk's or a repository's settings, so that every
//! run (an editor's, CI's, the pre-commit hook's) checks the same way.
//!
//! The file is found by walking up from the first checked path (from the
//! current directory when reading standard input), as ruff.toml and
//! typos.toml are; `--config FILE` names one, `--no-config` ignores any.
//! Paths in it are relative to the file. Command-line options win over the
//! file. A key crosscheck does not know is an error naming the file and
//! line, so a typo never silently changes nothing.
//!
//! ```toml
//! fail-on = "warning"            # error (default), warning, info, never
//! baseline = "crosscheck-baseline.toml"
//! rules = ["house-rules"]        # directories, in order
//! format = "concise"             # any --format
//! agreements = false             # leave agreements out of the table
//! unresolved = true              # show unresolved claims too
//!
//! [severity]                     # conflicts and variants of a category
//! name = "info"
//! quote = "error"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::claim::Category;
use crate::compare::Severity;
use crate::error::InputError;

/// The file name looked for in every directory up from the checked path.
pub const FILE_NAME: &str = "crosscheck.toml";

/// When a run fails (exit code 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The lowest severity that fails the run; `None` for never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// A loaded config file, its paths made absolute (relative to the file).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Where it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub baseline: Option<PathBuf>,
    pub rules: Vec<PathBuf>,
    /// A `--format` name, checked when read.
    pub format: Option<crate::report::Format>,
    pub agreements: Option<bool>,
    pub unresolved: Option<bool>,
    pub severity: BTreeMap<Category, Severity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    fail_on: Option<Spanned<String>>,
    baseline: Option<String>,
    rules: Option<OneOrMany>,
    format: Option<Spanned<String>>,
    agreements: Option<bool>,
    unresolved: Option<bool>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Config {
    /// The nearest `crosscheck.toml` in `start` (a file's directory, if it
    /// is a file) or any directory above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = std::fs::canonicalize(start).ok()?;
        let dir = if start.is_file() {
            start.parent()?.to_path_buf()
        } else {
            start
        };
        let found = dir
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())?;
        // Shown relative to the current directory when it is below it, so
        // messages read `desk/crosscheck.toml:3:1`.
        let here = std::env::current_dir()
            .ok()
            .and_then(|d| std::fs::canonicalize(d).ok());
        match here.as_deref().and_then(|h| found.strip_prefix(h).ok()) {
            Some(rel) => Some(rel.to_path_buf()),
            None => Some(found),
        }
    }

    /// Reads the file like a document (regular, under the size cap, never
    /// blocking): `--config` naming a fifo is an error, not a hang.
    pub fn read(path: &Path) -> Result<Config, InputError> {
        let text = crate::load::read::read_text(path, "config", &Default::default())?;
        Config::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, InputError> {
        let at = |span: std::ops::Range<usize>, message: String| {
            InputError::new(path, message)
                .at_offset(text, span.start)
                .with_snippet(text)
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let err = InputError::new(path, e.message().trim().to_string());
            match e.span() {
                Some(span) => err.at_offset(text, span.start).with_snippet(text),
                None => err,
            }
        })?;
        let dir = path.parent().unwrap_or(Path::new(""));
        let fail_on = raw
            .fail_on
            .map(|v| {
                <FailOn as clap::ValueEnum>::from_str(v.get_ref(), false).map_err(|_| {
                    at(
                        v.span(),
                        format!(
                            "`fail-on = \"{}\"`: expected error, warning, info or never",
                            v.get_ref()
                        ),
                    )
                })
            })
            .transpose()?;
        let format =
            raw.format
                .map(|v| {
                    <crate::report::Format as clap::ValueEnum>::from_str(v.get_ref(), false)
                        .map_err(|_| {
                            at(
                                v.span(),
                                format!(
                                    "`format = \"{}\"`: expected one of {}",
                                    v.get_ref(),
                                    crate::report::Format::names().join(", ")
                                ),
                            )
                        })
                })
                .transpose()?;
        let mut severity = BTreeMap::new();
        for (category, level) in raw.severity {
            let c = Category::parse(category.get_ref()).ok_or_else(|| {
                let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                at(
                    category.span(),
                    format!(
                        "[severity]: unknown category `{}`; the categories are {}",
                        category.get_ref(),
                        names.join(", ")
                    ),
                )
            })?;
            let s = match level.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "info" => Severity::Info,
                other => {
                    return Err(at(
                        level.span(),
                        format!(
                            "[severity] {category}: `{other}`: expected error, warning or info",
                            category = c
                        ),
                    ));
                }
            };
            severity.insert(c, s);
        }
        let rules = match raw.rules {
            None => Vec::new(),
            Some(OneOrMany::One(d)) => vec![dir.join(d)],
            Some(OneOrMany::Many(ds)) => ds.into_iter().map(|d| dir.join(d)).collect(),
        };
        Ok(Config {
            path: Some(path.to_path_buf()),
            fail_on,
            baseline: raw.baseline.map(|b| dir.join(b)),
            rules,
            format,
            agreements: raw.agreements,
            unresolved: raw.unresolved,
            severity,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key_relative_to_the_file() {
        let c = Config::parse(
            Path::new("desk/crosscheck.toml"),
            "fail-on = \"warning\"\nbaseline = \"b.toml\"\nrules = \"house\"\nformat = \"concise\"\n\
             agreements = false\nunresolved = true\n[severity]\nname = \"info\"\n",
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.baseline, Some(PathBuf::from("desk/b.toml")));
        assert_eq!(c.rules, vec![PathBuf::from("desk/house")]);
        assert_eq!(c.format, Some(crate::report::Format::Concise));
        assert_eq!(c.agreements, Some(false));
        assert_eq!(c.severity.get(&Category::Name), Some(&Severity::Info));
    }

    #[test]
    fn unknown_keys_and_values_name_the_line() {
        let err =
            Config::parse(Path::new("c.toml"), "fail-on = \"error\"\nfial-on = 1\n").unwrap_err();
        assert_eq!((err.path.as_str(), err.line), ("c.toml", Some(2)), "{err}");
        assert!(err.message.contains("fial-on"), "{err}");
        let err = Config::parse(Path::new("c.toml"), "\n\nfail-on = \"sometimes\"\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err =
            Config::parse(Path::new("c.toml"), "[severity]\ncolour = \"error\"\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(err.message.contains("colour"), "{err}");
    }

    #[test]
    fn found_from_a_subdirectory() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("a/b/c")).unwrap();
        std::fs::write(tmp.path().join("a").join(FILE_NAME), "").unwrap();
        let found = Config::discover(&tmp.path().join("a/b/c")).unwrap();
        assert_eq!(
            std::fs::canonicalize(found).unwrap(),
            std::fs::canonicalize(tmp.path().join("a"))
                .unwrap()
                .join(FILE_NAME)
        );
        assert_eq!(Config::discover(tmp.path()), None);
    }
}
