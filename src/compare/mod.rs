//! Stage 4, compare: from every document's claims to findings.
//!
//! Takes the normalised claims of a whole bundle. Times, dates, durations
//! and quantities are aligned by their frames ([`align`]): claims about the
//! same fact form a group, whatever their wording. Names, roles and quotes
//! are grouped by whom they are about. Inside a group, claims with the same
//! normalised value form one value with all its evidence; compatible values
//! (a time inside a stated window, "about 12,000" and "12,400") are
//! clustered; a group holding more than one cluster is one conflict,
//! whatever the number of documents on each side, and a group with one
//! cluster that several documents give is an agreement: never both. Counts
//! that change as a story unfolds and rise from one report to a later one
//! are an update (see [`quantity`]). Names and quotes have their own
//! judges, which report variants (the same thing written differently)
//! rather than conflicts. Hands on [`Comparison`]: plain data, no text
//! re-read, nothing printed.

pub mod align;
mod cluster;
pub mod date;
mod fingerprint;
pub mod name;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod time;

pub use cluster::{Cluster, ValueGroup, cluster, value_groups};
pub use fingerprint::{fingerprint, subject_fingerprint};

use std::collections::BTreeMap;

/// Whether to trace alignment on standard error: every pair verdict and
/// every group's outcome, for a developer asking why two claims were or
/// were not compared (`CROSSCHECK_DEBUG_ALIGN=1 crosscheck check B`; see
/// docs/design.md). Never on in normal runs; the report is unchanged.
pub(crate) fn trace_alignment() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CROSSCHECK_DEBUG_ALIGN").is_some())
}

use serde::Serialize;

use crate::claim::frame::Frame;
use crate::claim::{Anchor, Category, Claim, DocClaims, Subject, Unresolved, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Conflict,
    Variant,
    Unresolved,
    /// Used for entries of `agreements` only.
    Agreement,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Conflict => "conflict",
            Kind::Variant => "variant",
            Kind::Unresolved => "unresolved",
            Kind::Agreement => "agreement",
        }
    }
}

/// Ordered so that `Info < Warning < Error`, for `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One distinct normalised value of a finding and every claim giving it.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingValue {
    pub value: String,
    pub evidence: Vec<Anchor>,
}

/// A group of claims about one subject that disagree (or, in agreements,
/// corroborate each other).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub id: String,
    pub kind: Kind,
    pub category: Category,
    pub severity: Severity,
    pub subject: Subject,
    pub message: String,
    pub values: Vec<FindingValue>,
    /// For conflicts: which side (cluster of mutually compatible values)
    /// each value is on, parallel to `values`; values on one side agree
    /// with each other ("2,950 kg" and "about 6,500 lb"). Empty when the
    /// judge does not cluster.
    pub sides: Vec<usize>,
    /// Why the claims were taken to be about one fact ("same predicate
    /// 'killed'", "same theme 'people'"), for aligned categories.
    pub why: Vec<String>,
}

impl Finding {
    /// Builds a finding and computes its fingerprint. `_doc_ids` is no
    /// longer part of the id (see `fingerprint.rs`: ids must not depend on
    /// file names); the parameter stays until the callers are reshaped.
    pub fn new(
        kind: Kind,
        category: Category,
        severity: Severity,
        subject: Subject,
        message: String,
        values: Vec<FindingValue>,
        _doc_ids: &[String],
    ) -> Finding {
        let id = fingerprint(kind, category, &subject, &values);
        Finding {
            id,
            kind,
            category,
            severity,
            subject,
            message,
            values,
            sides: Vec::new(),
            why: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Comparison {
    pub findings: Vec<Finding>,
    pub agreements: Vec<Finding>,
}

/// What a judge needs to know of the bundle besides the claims.
pub struct Bundle<'a> {
    /// Document ids, indexed like `Anchor::doc`.
    pub doc_ids: &'a [String],
    /// Short names for messages ("002"), indexed the same way.
    pub short_names: &'a [String],
    /// Publication instants or days (for counts that change over time),
    /// as sortable RFC 3339 / date strings; `None` when unknown.
    pub published: &'a [Option<String>],
    /// Publication days, for the time a story's own clauses are about.
    pub published_days: &'a [Option<chrono::NaiveDate>],
    /// The sentence index of each claim's anchor, by document: a document
    /// naming one fact twice names it in one sentence (see [`align`]).
    pub sentence_of: &'a dyn Fn(&Claim) -> usize,
}

/// Claims about one subject in one category, from every document, in
/// document and text order.
pub struct Group<'a> {
    pub category: Category,
    pub subject: Subject,
    pub claims: Vec<&'a Claim>,
    /// Why the claims were aligned (empty for groups by person).
    pub why: Vec<String>,
}

/// The subject a group of claims shows: the frame most of its claims
/// render to (ties to the smallest key), so one outlet's wording does not
/// change the finding's identity.
pub fn group_subject(claims: &[&Claim]) -> Subject {
    let mut counts: BTreeMap<String, (usize, Subject)> = BTreeMap::new();
    for c in claims {
        let s = c.frame.subject();
        counts.entry(s.key.clone()).or_insert((0, s)).0 += 1;
    }
    counts
        .into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.key.cmp(&a.1.key)))
        .map(|(_, s)| s)
        .unwrap_or_else(|| Frame::bare("").subject())
}

/// Names the day of a group of times when their frames name none, so two
/// landings on different days read (and fingerprint) as two subjects: the
/// UTC day most of its placed readings fall on.
pub(crate) fn dated(subject: &mut Subject, claims: &[&Claim]) {
    if subject.key.contains("|when=") {
        return;
    }
    let mut days: BTreeMap<chrono::NaiveDate, usize> = BTreeMap::new();
    for c in claims {
        if let Value::Time(t) = &c.value
            && t.floating.is_none()
        {
            *days.entry(t.start.date_naive()).or_default() += 1;
        }
    }
    if let Some((day, _)) = days
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
    {
        let d = day.format("%Y-%m-%d");
        subject.key = format!("{}|when={d}", subject.key);
        // "landing flight (instant)" becomes "landing flight on 2025-11-01 (instant)".
        subject.label = match subject.label.rfind(" (") {
            Some(i) => format!("{} on {d}{}", &subject.label[..i], &subject.label[i..]),
            None => format!("{} on {d}", subject.label),
        };
    }
}

/// Compares one bundle's claims.
pub fn compare(bundle: &Bundle, docs: &[DocClaims]) -> Comparison {
    let all: Vec<&Claim> = docs.iter().flat_map(|d| &d.claims).collect();
    // Days no zone can give the moment the bundle's own times pin down
    // lose the slack of neighbouring days (see `date::unreachable_days`).
    let published = |d: usize| bundle.published_days.get(d).copied().flatten();
    let unreachable = date::unreachable_days(&all, &published, bundle.sentence_of);
    let all: Vec<&Claim> = all
        .into_iter()
        .map(|c| {
            unreachable
                .iter()
                .find(|u| u.anchor == c.anchor && u.category == c.category)
                .unwrap_or(c)
        })
        .collect();
    let marks = name::Marks::of(&all);

    let mut groups: Vec<Group> = Vec::new();
    // Names, roles and quotes: by whom they are about; weekdays by date.
    let mut keyed: BTreeMap<(Category, String), Vec<&Claim>> = BTreeMap::new();
    for c in &all {
        let by_key = matches!(
            c.category,
            Category::Name | Category::Role | Category::Quote
        ) || c.frame.measure == "weekday";
        if by_key {
            keyed
                .entry((c.category, c.frame.subject().key))
                .or_default()
                .push(c);
        }
    }
    for ((category, _), claims) in keyed {
        groups.push(Group {
            category,
            subject: group_subject(&claims),
            claims,
            why: Vec::new(),
        });
    }
    // Times, dates, durations, quantities: aligned by their frames.
    for category in [
        Category::Time,
        Category::Date,
        Category::Duration,
        Category::Quantity,
    ] {
        let claims: Vec<&Claim> = all
            .iter()
            .copied()
            .filter(|c| c.category == category && c.frame.measure != "weekday")
            .collect();
        for a in align::align(category, &claims, &published, bundle.sentence_of) {
            groups.push(Group {
                category,
                subject: group_subject(&a.claims),
                claims: a.claims,
                why: a.why,
            });
        }
    }
    let mut out = Comparison::default();
    for group in groups.iter_mut() {
        group.claims.sort_by_key(|c| c.anchor);
        let judged = match group.category {
            Category::Name => name::judge(bundle, group, &marks),
            Category::Quote => quote::judge(bundle, group),
            Category::Role => role::judge(bundle, group),
            Category::Quantity | Category::Duration => quantity::judge(bundle, group),
            Category::Date => date::judge(bundle, group, default_severity(group.category)),
            Category::Time => time::judge(bundle, group, default_severity(group.category)),
        };
        let mut judged = judged;
        if trace_alignment() {
            eprintln!(
                "  members: {}",
                group
                    .claims
                    .iter()
                    .map(|c| format!(
                        "d{}@{} {:?}",
                        c.anchor.doc,
                        c.anchor.span.start,
                        c.value.display()
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            eprintln!(
                "GROUP {:?} {} claims={} -> {} findings {} agreements",
                group.category,
                group.subject.key,
                group.claims.len(),
                judged.findings.len(),
                judged.agreements.len()
            );
        }
        // A subject is never both: where a group disagrees, the agreeing
        // documents show as one side of the conflict. Quotes are one group
        // of many statements, each with its own subject; the quote judge
        // keeps a misattributed statement out of its agreements itself.
        if group.category != Category::Quote
            && judged.findings.iter().any(|f| f.kind == Kind::Conflict)
        {
            judged.agreements.clear();
        }
        for f in judged
            .findings
            .iter_mut()
            .chain(judged.agreements.iter_mut())
        {
            if f.why.is_empty() {
                f.why = group.why.clone();
            }
        }
        out.findings.extend(judged.findings);
        out.agreements.extend(judged.agreements);
    }
    never_both(&mut out);
    let held = role::portfolio_holders(bundle, docs, &mut out.agreements);
    out.findings.extend(held);
    out.findings.extend(unresolved_findings(bundle, docs));
    sort(&mut out.findings);
    sort(&mut out.agreements);
    out
}

/// A subject is never both disputed and agreed: where one quote is
/// worded differently by some outlets and alike by others, the outlets
/// that agree join the variant as one value (on the value they share
/// evidence or wording with, else as one more), and the agreement goes.
fn never_both(out: &mut Comparison) {
    let mut kept = Vec::new();
    for a in std::mem::take(&mut out.agreements) {
        let disputed = out.findings.iter_mut().find(|f| {
            matches!(f.kind, Kind::Conflict | Kind::Variant)
                && f.category == a.category
                && f.subject.key == a.subject.key
        });
        let Some(f) = disputed else {
            kept.push(a);
            continue;
        };
        if !f.sides.is_empty() {
            continue; // a clustered conflict shows every value already
        }
        // The agreement's values are one statement, however attributed.
        let shares = |w: &FindingValue| {
            a.values
                .iter()
                .any(|v| v.value == w.value || v.evidence.iter().any(|e| w.evidence.contains(e)))
        };
        let at = match f.values.iter().position(shares) {
            Some(i) => i,
            None => {
                f.values.push(FindingValue {
                    value: a
                        .values
                        .first()
                        .map(|v| v.value.clone())
                        .unwrap_or_default(),
                    evidence: Vec::new(),
                });
                f.values.len() - 1
            }
        };
        let w = &mut f.values[at];
        for e in a.values.into_iter().flat_map(|v| v.evidence) {
            if !w.evidence.contains(&e) {
                w.evidence.push(e);
            }
        }
        w.evidence.sort();
        f.id = fingerprint(f.kind, f.category, &f.subject, &f.values);
    }
    out.agreements = kept;
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.kind.cmp(&b.kind))
            .then(a.category.cmp(&b.category))
            .then(a.subject.key.cmp(&b.subject.key))
            .then(a.id.cmp(&b.id))
    });
}

/// How serious a conflict is in each category when a judge says nothing
/// more specific.
pub fn default_severity(category: Category) -> Severity {
    match category {
        Category::Time | Category::Date | Category::Role | Category::Quantity => Severity::Error,
        Category::Duration | Category::Quote => Severity::Warning,
        Category::Name => Severity::Warning,
    }
}

/// The generic judge: one conflict when the group's values fall into more
/// than one cluster, and an agreement for every cluster that two or more
/// documents support.
pub fn judge_by_clusters(bundle: &Bundle, group: &Group, severity: Severity) -> Comparison {
    let values = value_groups(&group.claims);
    let clusters = cluster(&values);
    let mut out = Comparison::default();
    for c in &clusters {
        if c.documents(&values).len() >= 2 {
            out.agreements.push(agreement(bundle, group, &values, c));
        }
    }
    if clusters.len() > 1 {
        let message = clusters
            .iter()
            .flat_map(|c| c.members.iter())
            .map(|&i| describe(bundle, &values[i]))
            .collect::<Vec<_>>()
            .join("; ");
        let finding_values = clusters
            .iter()
            .flat_map(|c| c.members.iter())
            .map(|&i| values[i].to_finding_value())
            .collect();
        let mut finding = Finding::new(
            Kind::Conflict,
            group.category,
            severity,
            group.subject.clone(),
            format!("{}: {message}", group.subject.label),
            finding_values,
            bundle.doc_ids,
        );
        finding.sides = clusters
            .iter()
            .enumerate()
            .flat_map(|(side, c)| c.members.iter().map(move |_| side))
            .collect();
        out.findings.push(finding);
    }
    out
}

/// An agreement for one cluster: every value in it, with its evidence.
pub fn agreement(bundle: &Bundle, group: &Group, values: &[ValueGroup], c: &Cluster) -> Finding {
    let docs = c.documents(values);
    let shown: Vec<&str> = c
        .members
        .iter()
        .map(|&i| values[i].display.as_str())
        .collect();
    Finding::new(
        Kind::Agreement,
        group.category,
        Severity::Info,
        group.subject.clone(),
        format!(
            "{}: {} agree on {}",
            group.subject.label,
            list_docs(bundle, &docs),
            shown.join(" / ")
        ),
        c.members
            .iter()
            .map(|&i| values[i].to_finding_value())
            .collect(),
        bundle.doc_ids,
    )
}

/// "000 and 001 give 13:00–15:00 UTC".
pub fn describe(bundle: &Bundle, value: &ValueGroup) -> String {
    let docs = value.documents();
    let verb = if docs.len() == 1 { "gives" } else { "give" };
    format!("{} {verb} {}", list_docs(bundle, &docs), value.display)
}

/// "000", "000 and 001", "000, 001 and 003".
pub fn list_docs(bundle: &Bundle, docs: &[usize]) -> String {
    let names: Vec<&str> = docs
        .iter()
        .map(|&d| bundle.short_names[d].as_str())
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One `unresolved` finding per category, subject and reason.
fn unresolved_findings(bundle: &Bundle, docs: &[DocClaims]) -> Vec<Finding> {
    let mut groups: BTreeMap<(Category, String, &str), Vec<&Unresolved>> = BTreeMap::new();
    for u in docs.iter().flat_map(|d| &d.unresolved) {
        groups
            .entry((u.category, u.frame.subject().key, u.reason.as_str()))
            .or_default()
            .push(u);
    }
    groups
        .into_values()
        .map(|items| {
            let first = items[0];
            let subject = first.frame.subject();
            let evidence: Vec<Anchor> = items.iter().map(|u| u.anchor).collect();
            let mut docs: Vec<usize> = evidence.iter().map(|a| a.doc).collect();
            docs.dedup();
            Finding::new(
                Kind::Unresolved,
                first.category,
                Severity::Info,
                subject.clone(),
                format!(
                    "{}: {} ({})",
                    subject.label,
                    first.reason,
                    list_docs(bundle, &docs)
                ),
                vec![FindingValue {
                    value: format!("unresolved: {}", first.reason),
                    evidence,
                }],
                bundle.doc_ids,
            )
        })
        .collect()
}
