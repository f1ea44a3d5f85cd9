//! The JSON report's types, as fixed in CONTRACT.md (schema_version 1). These
//! are kept apart from the internal finding types so the wire format changes
//! only on purpose; new fields may be added, none renamed or removed.
//!
//! Additions to schema 1 made here, all optional for a reader: `subject_id`,
//! `baseline` (accepted or changed, with the reason) on findings,
//! `stale_baseline` on bundles and on the report, `label` on documents,
//! `context` (the sentence around the claim) on evidence and `utc` (the
//! instants a time or date value allows) on values.

use std::collections::HashMap;

use serde::Serialize;

use crate::CheckedBundle;
use crate::claim::{Anchor, Category, Value};
use crate::compare::{Finding, Kind, Severity};
use crate::error::InputError;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub bundles: Vec<BundleReport>,
    /// Problems not tied to one bundle (a path that is not there, bad rules).
    /// An addition to schema 1; empty when all went well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InputError>,
    /// Baseline entries tied to no bundle that matched nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_baseline: Vec<StaleEntry>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct BundleReport {
    pub path: String,
    pub title: Option<String>,
    pub documents: Vec<DocumentInfo>,
    pub findings: Vec<WireFinding>,
    pub agreements: Vec<WireFinding>,
    pub errors: Vec<InputError>,
    /// What loading skipped or found suspicious (a fifo or a symlink loop
    /// named like a document, a document the manifest does not list, one
    /// file under two names): shaped like `errors`, but they do not fail
    /// the run. An addition to schema 1; absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<InputError>,
    /// Entries of the baseline for this bundle that match no finding any
    /// more: the discrepancy they excused is gone (or moved).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_baseline: Vec<StaleEntry>,
    /// With `--explain-skipped`: every time, date, length and figure read
    /// that no finding or agreement shows, and why. An addition to schema
    /// 1; absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<WireSkipped>,
}

/// A reading no finding shows, and why (see `CheckedBundle::skipped`).
#[derive(Clone, Debug, Serialize)]
pub struct WireSkipped {
    pub category: Category,
    pub evidence: Evidence,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub path: String,
    pub source: Option<String>,
    pub published: Option<String>,
    pub timezone: Option<String>,
    /// How reports name the document: its outlet (`source`) when the
    /// manifest gives one, else the shortest unique part of its id; unique
    /// in the bundle.
    pub label: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct WireFinding {
    pub id: String,
    /// Fingerprint of the category and subject alone: equal for a finding
    /// whose values changed (see `compare::fingerprint`).
    pub subject_id: String,
    pub kind: Kind,
    pub category: Category,
    pub severity: Severity,
    pub subject: String,
    pub message: String,
    pub values: Vec<WireValue>,
    /// True when the finding is accepted in the baseline given with
    /// `--baseline` (it is still reported, but does not fail the run).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub baselined: bool,
    /// What the baseline says of this finding, when it names it or its
    /// subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineMark>,
}

/// A finding's standing in the baseline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BaselineMark {
    pub status: BaselineStatus,
    /// The `reason` of the baseline entry, kept when the finding changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For a changed finding: the id and values the baseline accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub previous_values: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineStatus {
    /// The baseline accepts this very finding: it does not fail the run.
    Accepted,
    /// The baseline accepted a finding on this subject with other values:
    /// it fails the run like a new one, and shows what changed.
    Changed,
}

/// A baseline entry that matched nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StaleEntry {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct WireValue {
    pub value: String,
    /// In a conflict, the side this value is on: values with the same side
    /// are compatible with each other (one written in km, one in miles).
    /// An addition to schema 1, absent where the judge does not cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<usize>,
    /// For times and dates: the span of UTC instants the value allows
    /// (RFC 3339), so a timeline can place it. Absent for other values and
    /// for times whose day is not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utc: Option<UtcSpan>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UtcSpan {
    pub start: String,
    pub end: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub document: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
    /// The sentence around `text`: what comes before and after it, so a
    /// reader can see a misread number in its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Context {
    pub before: String,
    pub after: String,
}

impl Report {
    pub fn new(bundles: &[CheckedBundle], errors: Vec<InputError>) -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool {
                name: "crosscheck",
                version: env!("CARGO_PKG_VERSION"),
            },
            bundles: bundles.iter().map(BundleReport::new).collect(),
            errors,
            stale_baseline: Vec::new(),
        }
    }

    /// Every finding of every bundle.
    pub fn findings(&self) -> impl Iterator<Item = &WireFinding> {
        self.bundles.iter().flat_map(|b| b.findings.iter())
    }

    /// Every error, of the run and of its bundles.
    pub fn all_errors(&self) -> impl Iterator<Item = &InputError> {
        self.errors
            .iter()
            .chain(self.bundles.iter().flat_map(|b| b.errors.iter()))
    }

    /// Sets the severity of every conflict and variant of `category` (a
    /// desk's own judgement, from the config file), keeping findings sorted
    /// worst first. Unresolved findings and agreements stay `info`.
    pub fn set_severity(&mut self, category: Category, severity: Severity) {
        for b in &mut self.bundles {
            for f in &mut b.findings {
                if f.category == category && matches!(f.kind, Kind::Conflict | Kind::Variant) {
                    f.severity = severity;
                }
            }
            b.findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        }
    }
}

impl BundleReport {
    pub fn new(checked: &CheckedBundle) -> BundleReport {
        let bundle = &checked.bundle;
        // Typed values by where they stand, for the UTC span of times and
        // dates (the wire keeps only their display strings).
        let typed: HashMap<Anchor, &Value> = checked
            .claims
            .iter()
            .flat_map(|d| &d.claims)
            .map(|c| (c.anchor, &c.value))
            .collect();
        let wire = |f: &Finding| WireFinding {
            id: f.id.clone(),
            subject_id: f.subject_id(),
            kind: f.kind,
            category: f.category,
            severity: f.severity,
            subject: f.subject.label.clone(),
            message: f.message.clone(),
            values: f
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| WireValue {
                    value: v.value.clone(),
                    side: f.sides.get(i).copied(),
                    utc: v
                        .evidence
                        .iter()
                        .find_map(|a| typed.get(a).and_then(|t| utc_span(t))),
                    evidence: v.evidence.iter().map(|a| evidence(checked, a)).collect(),
                })
                .collect(),
            baselined: false,
            baseline: None,
        };
        let labels = document_labels(
            &bundle
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d.source.as_deref()))
                .collect::<Vec<_>>(),
        );
        BundleReport {
            path: bundle.path.clone(),
            title: bundle.title.clone(),
            documents: bundle
                .documents
                .iter()
                .zip(labels)
                .map(|(d, label)| DocumentInfo {
                    id: d.id.clone(),
                    path: d.display_path(),
                    source: d.source.clone(),
                    published: d.published.map(|p| p.to_report_string()),
                    timezone: d.timezone.map(|z| z.name().to_string()),
                    label,
                })
                .collect(),
            findings: checked.comparison.findings.iter().map(wire).collect(),
            agreements: checked.comparison.agreements.iter().map(wire).collect(),
            errors: bundle.errors.clone(),
            warnings: bundle.warnings.clone(),
            stale_baseline: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Fills `skipped` (for `--explain-skipped`).
    pub fn explain_skipped(&mut self, checked: &CheckedBundle) {
        self.skipped = checked
            .skipped()
            .into_iter()
            .map(|s| WireSkipped {
                category: s.category,
                evidence: evidence(checked, &s.anchor),
                reason: s.reason,
            })
            .collect();
    }

    /// The label of a document id (the id itself if it is not listed).
    pub fn label<'a>(&'a self, document: &'a str) -> &'a str {
        self.documents
            .iter()
            .find(|d| d.id == document)
            .map_or(document, |d| d.label.as_str())
    }
}

/// Unique labels: the outlet where the manifest names one (numbered when
/// two documents share it), else the shortest run of leading `_`/`-`
/// separated parts of the id that no other document shares ("000" for
/// `000_671c9b4b…`, "2025_athens" beside "2025_london").
pub fn document_labels(docs: &[(&str, Option<&str>)]) -> Vec<String> {
    let parts: Vec<Vec<&str>> = docs
        .iter()
        .map(|(id, _)| id.split_inclusive(['_', '-']).collect())
        .collect();
    // How many documents share each run of leading parts, and each
    // source: counted once, so that labelling is linear in the bundle.
    let mut prefixes: std::collections::HashMap<String, usize> = Default::default();
    for p in &parts {
        for k in 1..=p.len() {
            *prefixes.entry(p[..k].concat()).or_default() += 1;
        }
    }
    let mut sources: std::collections::HashMap<&str, usize> = Default::default();
    for s in docs.iter().filter_map(|d| d.1) {
        *sources.entry(s.trim()).or_default() += 1;
    }
    let short = |i: usize| -> String {
        for k in 1..=parts[i].len() {
            let prefix: String = parts[i][..k].concat();
            if prefixes.get(&prefix) == Some(&1) {
                return prefix.trim_end_matches(['_', '-']).to_string();
            }
        }
        docs[i].0.to_string()
    };
    docs.iter()
        .enumerate()
        .map(
            |(i, (_, source))| match source.map(str::trim).filter(|s| !s.is_empty()) {
                Some(s) => {
                    if sources.get(s) == Some(&1) {
                        s.to_string()
                    } else {
                        format!("{s} ({})", short(i))
                    }
                }
                None => short(i),
            },
        )
        .collect()
}

fn utc_span(value: &Value) -> Option<UtcSpan> {
    let fmt = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    match value {
        Value::Time(t) if t.floating.is_none() => Some(UtcSpan {
            start: fmt(t.start),
            end: fmt(t.end.unwrap_or(t.start)),
        }),
        Value::Date(d) => {
            let start = d.first.and_hms_opt(0, 0, 0)?.and_utc();
            let end = d.last.succ_opt()?.and_hms_opt(0, 0, 0)?.and_utc();
            Some(UtcSpan {
                start: fmt(start),
                end: fmt(end),
            })
        }
        _ => None,
    }
}

fn evidence(checked: &CheckedBundle, anchor: &Anchor) -> Evidence {
    let doc = &checked.bundle.documents[anchor.doc];
    let (line, column) = doc.line_column(anchor.span.start);
    Evidence {
        document: doc.id.clone(),
        path: doc.display_path(),
        line,
        column,
        text: doc.text[anchor.span.start..anchor.span.end].to_string(),
        context: Some(sentence_around(
            &doc.text,
            anchor.span.start,
            anchor.span.end,
        )),
    }
}

/// Longest stretch of context kept on either side of a claim.
const CONTEXT_CHARS: usize = 240;

/// The sentence holding `text[start..end]`: back to the end of the sentence
/// before (". " and the like, but not "U.S. "), or a blank line, forward to
/// the end of this one; each side at most [`CONTEXT_CHARS`], cut at a word
/// with "…". Whitespace runs fold to one space.
pub fn sentence_around(text: &str, start: usize, end: usize) -> Context {
    let start = crate::error::floor_char_boundary(text, start.min(text.len()));
    let end = crate::error::floor_char_boundary(text, end.min(text.len())).max(start);
    // Only a window either side is searched for the sentence's ends (a
    // sentence longer than this is cut to CONTEXT_CHARS anyway), so each
    // piece of evidence costs the same however long the document.
    const WINDOW: usize = 2048;
    let window_start = crate::error::floor_char_boundary(text, start.saturating_sub(WINDOW));
    let window_end =
        crate::error::floor_char_boundary(text, end.saturating_add(WINDOW).min(text.len()));
    let before_all = &text[window_start..start];
    let mut from = 0;
    // Walked character by character from the claim back: the sentence
    // usually ends within a few dozen, so nothing is collected first.
    let mut back = before_all.char_indices().rev();
    // The character after the one at hand.
    let mut next: Option<char> = None;
    while let Some((i, c)) = back.next() {
        if c == '\n' && next == Some('\n') {
            from = i + 1;
            break;
        }
        if matches!(c, '.' | '!' | '?' | '…') && next.is_some_and(char::is_whitespace) {
            // "U.S. President": a single capital before the stop is an
            // abbreviation, not a sentence end.
            let mut earlier = back.clone().map(|(_, c)| c);
            let prev = earlier.next();
            let prev2 = earlier.next();
            let initial =
                prev.is_some_and(char::is_uppercase) && prev2.is_none_or(|c| !c.is_alphanumeric());
            if !initial {
                from = i + c.len_utf8();
                break;
            }
        }
        next = Some(c);
    }
    let after_all = &text[end..window_end.max(end)];
    let mut to = after_all.len();
    let mut ahead = after_all.char_indices().peekable();
    // The two characters before the one at hand.
    let (mut prev, mut prev2): (Option<char>, Option<char>) = (None, None);
    while let Some((i, c)) = ahead.next() {
        let following = ahead.peek().copied();
        let next = following.map(|(_, c)| c);
        if c == '\n' && next == Some('\n') {
            to = i;
            break;
        }
        if matches!(c, '.' | '!' | '?' | '…') && next.is_none_or(char::is_whitespace) {
            let initial =
                prev.is_some_and(char::is_uppercase) && prev2.is_none_or(|c| !c.is_alphanumeric());
            if !initial {
                // Keep a closing quote mark that ends the sentence too.
                let mut stop = i + c.len_utf8();
                if let Some((j, q)) = following
                    && matches!(q, '"' | '”' | '’' | '\'')
                {
                    stop = j + q.len_utf8();
                }
                to = stop;
                break;
            }
        }
        prev2 = prev;
        prev = Some(c);
    }
    // The side away from the claim is trimmed; the side touching it keeps
    // its space, which separates the claim from its neighbours.
    let before = fold(&before_all[from..]).trim_start().to_string();
    let after = fold(&after_all[..to]).trim_end().to_string();
    let before = if before.chars().count() > CONTEXT_CHARS {
        let skip = before.chars().count() - CONTEXT_CHARS;
        let cut: String = before.chars().skip(skip).collect();
        let cut = cut.split_once(' ').map_or(cut.as_str(), |(_, rest)| rest);
        format!("…{cut}")
    } else {
        before
    };
    let after = if after.chars().count() > CONTEXT_CHARS {
        let cut: String = after.chars().take(CONTEXT_CHARS).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(keep, _)| keep);
        format!("{cut}…")
    } else {
        after
    };
    Context { before, after }
}

/// Folds whitespace runs (newlines included) to one space.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_outlets_or_unique_short_ids() {
        let labels = document_labels(&[
            ("2025_athens", None),
            ("2025_london", None),
            ("000_671c", None),
            ("001_de11", Some("Reuters")),
            ("002_84a4", Some("AP")),
            ("003_ffff", Some("AP")),
        ]);
        assert_eq!(
            labels,
            [
                "2025_athens",
                "2025_london",
                "000",
                "Reuters",
                "AP (002)",
                "AP (003)"
            ]
        );
    }

    #[test]
    fn context_is_the_sentence_around_the_claim() {
        let text = "First one. The U.S. quake struck at 9.30am on Monday, officials said. Next.";
        let at = text.find("9.30am").unwrap();
        let c = sentence_around(text, at, at + 6);
        assert_eq!(c.before, "The U.S. quake struck at ");
        assert_eq!(c.after, " on Monday, officials said.");
        let text = "Heading\n\n“We will rebuild,”\nshe said. More";
        let at = text.find("rebuild").unwrap();
        let c = sentence_around(text, at, at + 7);
        assert_eq!(c.before, "“We will ");
        assert_eq!(c.after, ",” she said.");
    }
}
