//! Stage 6, baseline: findings a desk has accepted, so CI fails only on new
//! ones.
//!
//! A baseline is a TOML file of `[[finding]]` entries, each with the finding
//! id and subject id (see `compare::fingerprint`: neither depends on file
//! names, lines or which documents are involved), the bundle it belongs to
//! (relative to the baseline file, so the same baseline works from any
//! directory), the subject and values for the reader, and a `reason` saying
//! why it was accepted. Applying it to a report marks each finding:
//!
//! - **accepted**: its id is listed; it is reported but does not fail;
//! - **changed**: its id is not listed but its subject is, with other
//!   values (a figure changed); it fails like a new finding, and shows the
//!   values accepted before and the reason;
//! - new: neither.
//!
//! Entries of the bundles checked that match nothing are stale and go into
//! the report; entries of bundles not checked are left alone, and writing
//! a baseline for some bundles keeps the other bundles' entries as they are.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::report::Report;
use crate::report::wire::{BaselineMark, BaselineStatus, StaleEntry, WireFinding};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default, rename = "finding")]
    pub findings: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    /// The subject id; entries written before it existed match by id only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_id: Option<String>,
    /// The bundle, relative to the baseline file's directory. Without it
    /// the entry applies to whichever bundle has the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The values accepted, for the reader and to show what changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Entry {
    fn stale(&self) -> StaleEntry {
        StaleEntry {
            id: self.id.clone(),
            subject: self.subject.clone(),
            reason: self.reason.clone(),
        }
    }

    fn applies_to(&self, bundle_key: &str) -> bool {
        self.bundle.as_deref().is_none_or(|b| b == bundle_key)
    }
}

/// How a bundle is named in a baseline: its path relative to `base` (the
/// baseline file's directory) with `/` separators, when it lies under it;
/// else its absolute path; `-` (standard input) stays as it is.
pub fn bundle_key(bundle_path: &str, base: &Path) -> String {
    if bundle_path == "-" {
        return bundle_path.to_string();
    }
    let absolute = |p: &Path| -> PathBuf {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    let bundle = absolute(Path::new(bundle_path));
    let base = absolute(if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    });
    let shown = match bundle.strip_prefix(&base) {
        Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rel) => rel.to_path_buf(),
        Err(_) => bundle,
    };
    crate::error::display_path(&shown)
}

/// What applying a baseline did, for the summary line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub accepted: usize,
    pub changed: usize,
    pub stale: usize,
}

impl Baseline {
    /// Reads a baseline with the care a document gets (a regular file under
    /// the size cap, opened without blocking): `--baseline` naming a fifo
    /// or `/dev/zero` is an error naming it, never a hang.
    pub fn read(path: &Path) -> Result<Baseline, InputError> {
        let text = crate::load::read::read_text(path, "baseline", &Default::default())?;
        Baseline::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Baseline, InputError> {
        toml::from_str(text).map_err(|e| {
            let err = InputError::new(path, e.message().to_string());
            match e.span() {
                Some(span) => err.at_offset(text, span.start).with_snippet(text),
                None => err,
            }
        })
    }

    /// Marks the report's findings as accepted or changed, and lists the
    /// stale entries of the bundles checked in the report. `base` is the
    /// baseline file's directory, against which bundle paths are keyed.
    pub fn apply(&self, report: &mut Report, base: &Path) -> Applied {
        let keys: Vec<String> = report
            .bundles
            .iter()
            .map(|b| bundle_key(&b.path, base))
            .collect();
        let mut used = vec![false; self.findings.len()];
        let mut applied = Applied::default();
        // Entries by id and by subject id, so a run over hundreds of
        // bundles does not compare every finding with every entry.
        let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_subject: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in self.findings.iter().enumerate() {
            by_id.entry(e.id.as_str()).or_default().push(i);
            if let Some(s) = &e.subject_id {
                by_subject.entry(s.as_str()).or_default().push(i);
            }
        }
        // Exact ids first, everywhere, so a changed finding never takes an
        // entry that another finding matches exactly.
        for (b, key) in report.bundles.iter_mut().zip(&keys) {
            for f in &mut b.findings {
                let found = by_id.get(f.id.as_str()).and_then(|is| {
                    is.iter()
                        .copied()
                        .find(|&i| self.findings[i].applies_to(key))
                });
                if let Some(i) = found {
                    used[i] = true;
                    f.baselined = true;
                    f.baseline = Some(BaselineMark {
                        status: BaselineStatus::Accepted,
                        reason: self.findings[i].reason.clone(),
                        previous_id: None,
                        previous_values: Vec::new(),
                    });
                    applied.accepted += 1;
                }
            }
        }
        for (b, key) in report.bundles.iter_mut().zip(&keys) {
            for f in b.findings.iter_mut().filter(|f| f.baseline.is_none()) {
                let found = by_subject.get(f.subject_id.as_str()).and_then(|is| {
                    is.iter()
                        .copied()
                        .find(|&i| !used[i] && self.findings[i].applies_to(key))
                });
                if let Some(i) = found {
                    used[i] = true;
                    let e = &self.findings[i];
                    f.baseline = Some(BaselineMark {
                        status: BaselineStatus::Changed,
                        reason: e.reason.clone(),
                        previous_id: Some(e.id.clone()),
                        previous_values: e.values.clone(),
                    });
                    applied.changed += 1;
                }
            }
        }
        let checked: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
        for (i, e) in self.findings.iter().enumerate() {
            if used[i] {
                continue;
            }
            match &e.bundle {
                Some(k) if checked.contains(k.as_str()) => {
                    if let Some(pos) = keys.iter().position(|x| x == k) {
                        report.bundles[pos].stale_baseline.push(e.stale());
                        applied.stale += 1;
                    }
                }
                // Another bundle's entry: not ours to judge in this run.
                Some(_) => {}
                None => {
                    report.stale_baseline.push(e.stale());
                    applied.stale += 1;
                }
            }
        }
        applied
    }

    /// The baseline to write after this run: every finding of the bundles
    /// checked (keeping the reason of the entry that accepted it, or whose
    /// subject it shares), and every entry of `previous` for bundles not
    /// checked, untouched. Returns it with the number of entries kept from
    /// other bundles.
    pub fn from_report(
        report: &Report,
        previous: Option<&Baseline>,
        base: &Path,
    ) -> (Baseline, usize) {
        let keys: Vec<String> = report
            .bundles
            .iter()
            .map(|b| bundle_key(&b.path, base))
            .collect();
        let old: &[Entry] = previous.map_or(&[], |p| p.findings.as_slice());
        let reason_for = |f: &WireFinding, key: &str| -> Option<String> {
            if let Some(mark) = &f.baseline {
                return mark.reason.clone();
            }
            old.iter()
                .find(|e| e.id == f.id && e.applies_to(key))
                .or_else(|| {
                    old.iter().find(|e| {
                        e.subject_id.as_deref() == Some(f.subject_id.as_str()) && e.applies_to(key)
                    })
                })
                .and_then(|e| e.reason.clone())
        };
        let mut findings: Vec<Entry> = Vec::new();
        for (b, key) in report.bundles.iter().zip(&keys) {
            for f in &b.findings {
                findings.push(Entry {
                    id: f.id.clone(),
                    subject_id: Some(f.subject_id.clone()),
                    bundle: Some(key.clone()),
                    subject: Some(format!("{} {}: {}", f.kind.as_str(), f.category, f.subject)),
                    values: f.values.iter().map(|v| v.value.clone()).collect(),
                    reason: reason_for(f, key),
                });
            }
        }
        let checked: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
        let kept: Vec<Entry> = old
            .iter()
            .filter(|e| e.bundle.as_deref().is_some_and(|k| !checked.contains(k)))
            .cloned()
            .collect();
        let kept_count = kept.len();
        findings.extend(kept);
        findings.sort_by(|a, b| a.bundle.cmp(&b.bundle).then(a.id.cmp(&b.id)));
        findings.dedup_by(|a, b| a.id == b.id && a.bundle == b.bundle);
        (Baseline { findings }, kept_count)
    }

    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("baseline types always serialise");
        format!(
            "# crosscheck baseline: findings accepted on purpose. A finding whose id is\n\
             # listed here is still reported but does not fail `crosscheck check`; one\n\
             # whose subject is listed with other values is reported as changed.\n\
             # Add `reason = \"…\"` to say why; it is kept when the file is rewritten.\n\n{body}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_reasons() {
        let b = Baseline {
            findings: vec![Entry {
                id: "00aa".into(),
                subject_id: Some("11bb".into()),
                bundle: Some("corpus/x".into()),
                subject: Some("conflict time: call".into()),
                values: vec!["10:00 UTC".into(), "11:00 UTC".into()],
                reason: Some("checked with the desk".into()),
            }],
        };
        let text = b.to_toml();
        let back: Baseline = toml::from_str(&text).unwrap();
        assert_eq!(back.findings, b.findings);
    }

    #[test]
    fn old_entries_without_subject_ids_still_load() {
        let b = Baseline::parse(
            Path::new("b.toml"),
            "[[finding]]\nid = \"00aa\"\nbundle = \"x\"\n",
        )
        .unwrap();
        assert_eq!(b.findings[0].subject_id, None);
        let err = Baseline::parse(Path::new("b.toml"), "[[finding]]\nid = \"1\"\ncolour = 2\n")
            .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
    }

    #[test]
    fn bundle_keys_are_relative_to_the_baseline() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("corpus/x")).unwrap();
        let bundle = tmp.path().join("corpus/x");
        assert_eq!(bundle_key(bundle.to_str().unwrap(), tmp.path()), "corpus/x");
        assert_eq!(bundle_key(tmp.path().to_str().unwrap(), tmp.path()), ".");
        assert_eq!(bundle_key("-", tmp.path()), "-");
    }
}
