//! Stage 6, baseline: findings a desk has accepted, so CI fails only on new
//! ones.
//!
//! A baseline is a TOML file of `[[finding]]` entries keyed on the stable
//! finding id (see `compare::fingerprint`), sorted by id so that it diffs
//! cleanly. `subject` and `bundle` are there for the reader; `reason` says
//! why the finding was accepted and survives `--write-baseline`. Entries that
//! no longer match a finding are stale and reported, so a baseline does not
//! silently outlive what it excused.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::report::Report;

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, InputError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| InputError::new(path, format!("cannot read baseline: {e}")))?;
        toml::from_str(&text).map_err(|e| {
            let err = InputError::new(path, e.message().to_string());
            match e.span() {
                Some(span) => err.at_offset(&text, span.start).with_snippet(&text),
                None => err,
            }
        })
    }

    /// Marks the report's findings that the baseline accepts, and returns
    /// the entries that matched nothing (stale).
    pub fn apply(&self, report: &mut Report) -> Vec<Entry> {
        let mut used = vec![false; self.findings.len()];
        let index: BTreeMap<&str, usize> = self
            .findings
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        for f in report
            .bundles
            .iter_mut()
            .flat_map(|b| b.findings.iter_mut())
        {
            if let Some(&i) = index.get(f.id.as_str()) {
                f.baselined = true;
                used[i] = true;
            }
        }
        self.findings
            .iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(e, _)| e.clone())
            .collect()
    }

    /// A baseline accepting every finding of the report, keeping the reasons
    /// of `previous` for ids it already had.
    pub fn from_report(report: &Report, previous: Option<&Baseline>) -> Baseline {
        let reasons: BTreeMap<&str, &str> = previous
            .into_iter()
            .flat_map(|b| b.findings.iter())
            .filter_map(|e| Some((e.id.as_str(), e.reason.as_deref()?)))
            .collect();
        let mut findings: Vec<Entry> = report
            .bundles
            .iter()
            .flat_map(|b| b.findings.iter().map(move |f| (b, f)))
            .map(|(b, f)| Entry {
                id: f.id.clone(),
                bundle: Some(b.path.clone()),
                subject: Some(format!("{} {}: {}", f.kind.as_str(), f.category, f.subject)),
                reason: reasons.get(f.id.as_str()).map(|r| r.to_string()),
            })
            .collect();
        findings.sort_by(|a, b| a.id.cmp(&b.id).then(a.bundle.cmp(&b.bundle)));
        findings.dedup_by(|a, b| a.id == b.id);
        Baseline { findings }
    }

    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("baseline types always serialise");
        format!(
            "# crosscheck baseline: findings accepted on purpose. A finding whose id is\n\
             # listed here is still reported but does not fail `crosscheck check`.\n\
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
                bundle: Some("corpus/x".into()),
                subject: Some("conflict time: call".into()),
                reason: Some("checked with the desk".into()),
            }],
        };
        let text = b.to_toml();
        let back: Baseline = toml::from_str(&text).unwrap();
        assert_eq!(back.findings, b.findings);
    }
}
