//! The quantity and duration judge.
//!
//! Takes one group of quantity or duration claims aligned as one fact
//! (their values are intervals, so the generic clustering already lets
//! rounding, hedges and unit conversions agree) and adds what the generic
//! judge does not know: some counts change as a story unfolds (a toll, the
//! number rescued, the share of a fire contained: `changes` in
//! `rules/words.toml`). When the documents giving different figures of
//! such a count were published one after another and each later figure is
//! higher than the earlier ones (a death toll rising from "at least 30" to
//! "45"), the group is reported as an `info` variant, an update rather
//! than a contradiction. So is a figure of any measure that a later report
//! gives otherwise when that report's own sentence tells it as a change
//! ("winds of 80 mph, down from 100 mph"), whichever way it went. What the
//! rules say may also fall (`falls`: the missing, as they are found; a
//! storm's winds) is an update whichever way it goes, report after report:
//! a count from one report to the next, a measure only between reports
//! hours apart, and neither when every sentence names the one day its
//! figure is of ("at landfall on Tuesday"). Figures given at the same
//! time, a figure that falls in a later report without saying so, or
//! documents without publication times stay a conflict.

use chrono::{DateTime, NaiveDate, NaiveTime};

use super::{
    Bundle, Comparison, Finding, Group, Kind, Severity, ValueGroup, cluster, default_severity,
    judge_by_clusters, list_docs, value_groups,
};
use crate::claim::frame::When;
use crate::claim::{Category, Value};

pub fn judge(bundle: &Bundle, group: &Group) -> Comparison {
    if group.category == Category::Quantity
        && group.claims.iter().any(|c| c.frame.changes)
        && let Some(update) = changing_count(bundle, group)
    {
        return update;
    }
    judge_by_clusters(bundle, group, default_severity(group.category))
}

/// When a document was published, as an interval of Unix seconds: an
/// instant is a point; a bare date is that day anywhere on Earth.
fn published_interval(s: &str) -> Option<(i64, i64)> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        let t = t.timestamp();
        return Some((t, t));
    }
    let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let start = day.and_time(NaiveTime::MIN).and_utc().timestamp();
    Some((start - 14 * 3600, start + 24 * 3600 + 12 * 3600))
}

/// The update finding and agreements, if the group's values rise with
/// publication time; `None` to fall back to the generic judge.
fn changing_count(bundle: &Bundle, group: &Group) -> Option<Comparison> {
    let values = value_groups(&group.claims);
    let clusters = cluster(&values);
    if clusters.len() < 2 {
        return None;
    }
    // Each value: when its documents were published (all must say) and
    // where its interval lies.
    // Figures told as a change in their own sentence ("down from 100 mph")
    // may be of any measure and may fall.
    let told = |v: &ValueGroup| v.claims.iter().any(|c| c.frame.told_change);
    // What may fall as well as rise (the missing, a storm's winds).
    let falls = group.claims.iter().all(|c| c.frame.falls);
    let mut timed: Vec<(i64, i64, f64, f64, &ValueGroup)> = Vec::new();
    for v in &values {
        let Value::Quantity(q) = v.value else {
            return None;
        };
        // A count or a share of what changes (the percent of a fire
        // contained, of a wreck recovered); other measures only when told
        // as a change.
        if q.measure != "count" && q.measure != "percent" && !falls && !values.iter().any(told) {
            return None;
        }
        let mut lo = i64::MAX;
        let mut hi = i64::MIN;
        for d in v.documents() {
            let p = bundle.published.get(d)?.as_deref()?;
            let (a, b) = published_interval(p)?;
            lo = lo.min(a);
            hi = hi.max(b);
        }
        timed.push((lo, hi, q.low, q.high, v));
    }
    timed.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.total_cmp(&b.2)));
    // Every value strictly after the one before it in time, and each no
    // lower than the one before: a toll rising ("at least 30", then 45).
    // An open figure may stand for the one before it ("41 cases", then
    // "at least 40 people have been infected"): only one that must be
    // lower ("52", then "45") is a fall.
    let in_order = timed.windows(2).all(|w| w[0].1 < w[1].0);
    let rising = timed
        .windows(2)
        .all(|w| w[0].2 <= w[1].2 || (w[1].3.is_infinite() && w[0].2 <= w[1].3));
    // Or the values that agree (a figure and its conversion) come report
    // after report, and each later report's own sentence says the figure
    // changed: an update either way.
    let mut spans: Vec<(i64, i64, bool)> = Vec::new();
    for c in &clusters {
        let mut lo = i64::MAX;
        let mut hi = i64::MIN;
        for d in c.documents(&values) {
            let (a, b) = published_interval(bundle.published.get(d)?.as_deref()?)?;
            lo = lo.min(a);
            hi = hi.max(b);
        }
        spans.push((lo, hi, c.members.iter().any(|&i| told(&values[i]))));
    }
    spans.sort_unstable();
    let spans_in_order = spans.windows(2).all(|w| w[0].1 < w[1].0);
    let changed = spans_in_order && spans.iter().skip(1).all(|s| s.2);
    // What may fall as well as rise, when it may have changed between the
    // reports: a count of the missing from one report to the next, a
    // measure (a storm's winds) only over hours; and not when every
    // sentence names the one day its figure is of ("at landfall on
    // Tuesday winds were 150 kph"): one moment.
    let hours_apart = spans.windows(2).all(|w| w[1].0 - w[0].1 >= 6 * 3600);
    let counts = values
        .iter()
        .all(|v| matches!(v.value, Value::Quantity(q) if q.measure == "count"));
    let one_day = matches!(group.claims[0].frame.when, When::Days { .. })
        && group
            .claims
            .iter()
            .all(|c| c.frame.when == group.claims[0].frame.when);
    let may_fall = falls && !one_day;
    // A fall report by report: "20 missing", then 14, then 12.
    let falling = may_fall
        && (counts || hours_apart)
        && timed
            .windows(2)
            .all(|w| w[1].2 <= w[0].2 && w[1].3 <= w[0].3);
    // Or the values that agree come report after report hours apart,
    // whichever way they go (a storm's winds).
    let varied = may_fall && spans_in_order && hours_apart;
    if !((in_order && (rising || falling)) || changed || varied) {
        return None;
    }
    let mut out = Comparison::default();
    let steps: Vec<String> = timed
        .iter()
        .map(|(_, _, _, _, v)| {
            let docs = v.documents();
            let when: Vec<&str> = docs
                .iter()
                .filter_map(|&d| bundle.published.get(d).and_then(|p| p.as_deref()))
                .collect();
            format!(
                "{} ({}) gives {}",
                list_docs(bundle, &docs),
                when.join(", "),
                v.display
            )
        })
        .collect();
    out.findings.push(Finding::new(
        Kind::Variant,
        group.category,
        Severity::Info,
        group.subject.clone(),
        format!(
            "{}: the figure {} in later reports, an update rather than a contradiction: {}",
            group.subject.label,
            if rising {
                "rises"
            } else if falling {
                "falls"
            } else {
                "changes"
            },
            steps.join("; then ")
        ),
        timed.iter().map(|t| t.4.to_finding_value()).collect(),
        bundle.doc_ids,
    ));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_cover_their_day_everywhere() {
        let (a, b) = published_interval("2025-10-27").unwrap();
        let t = published_interval("2025-10-27T10:30:00+09:00").unwrap().0;
        assert!(a <= t && t <= b);
        let later = published_interval("2025-10-29T01:00:00+00:00").unwrap().0;
        assert!(b < later);
        assert_eq!(published_interval("soon"), None);
    }

    fn doc(id: &str, text: &str, published: &str) -> crate::load::Document {
        let mut d = crate::load::Document::from_text(id, text);
        d.published = Some(crate::load::Published::parse(published).unwrap());
        d
    }

    fn counts(docs: Vec<crate::load::Document>) -> Vec<(Kind, Severity)> {
        let rules = crate::test_support::rules();
        let checked = crate::check_bundle(crate::load::Bundle::in_memory("t", docs), rules);
        checked
            .comparison
            .findings
            .iter()
            .filter(|f| f.category == Category::Quantity)
            .map(|f| (f.kind, f.severity))
            .collect()
    }

    #[test]
    fn a_count_rising_report_by_report_is_an_update() {
        let wed = "The outbreak in Albuquerque has grown to 27 confirmed cases, officials said.";
        let fri = "The outbreak in Albuquerque has grown to 41 confirmed cases, officials said.";
        // "at least 40" the next day may stand for the 41 before it.
        let sat =
            "At least 40 people have been infected in the outbreak in Albuquerque, officials said.";
        let found = counts(vec![
            doc("a", wed, "2026-06-03T16:30:00-06:00"),
            doc("b", fri, "2026-06-05T17:00:00-06:00"),
            doc("c", sat, "2026-06-06T08:00:00+01:00"),
        ]);
        assert_eq!(found, [(Kind::Variant, Severity::Info)]);
        // A figure that must be lower later is a fall: a conflict.
        let found = counts(vec![
            doc("a", fri, "2026-06-05T17:00:00-06:00"),
            doc("b", wed, "2026-06-06T17:00:00-06:00"),
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Kind::Conflict);
    }

    #[test]
    fn a_count_of_the_missing_falling_report_by_report_is_an_update() {
        let early = "About 27 people were missing after the boat capsized, the coast guard said.";
        let late = "Fourteen people were missing after the boat capsized, the coast guard said.";
        let found = counts(vec![
            doc("a", early, "2027-08-11T07:05:00+02:00"),
            doc("b", late, "2027-08-11T21:00:00+01:00"),
        ]);
        assert_eq!(found, [(Kind::Variant, Severity::Info)]);
        // Told at the same moment, the two figures are a conflict.
        let found = counts(vec![
            doc("a", early, "2027-08-11T21:00:00+01:00"),
            doc("b", late, "2027-08-11T21:00:00+01:00"),
        ]);
        assert_eq!(found, [(Kind::Conflict, Severity::Error)]);
    }
}
