//! The quantity and duration judge.
//!
//! Takes one group of quantity or duration claims about one subject (their
//! values are intervals, so the generic clustering already lets rounding,
//! hedges and unit conversions agree) and adds what the generic judge does
//! not know: counts change over time. When the documents giving different
//! counts were published one after another and each later count is higher
//! than the earlier ones (a death toll rising from "at least 30" to "45"),
//! the group is reported as an `info` variant, an update rather than a
//! contradiction; when each is lower (households without power through the
//! day), nothing is reported. Without
//! publication times on every document involved, when the figures go up
//! and down, or when a toll of the dead or injured falls, it stays a
//! conflict. A figure only one document gives, beside another figure of its
//! own that other documents support, is taken to be about something else
//! and left out (see [`drop_other_referents`]).

use chrono::{DateTime, NaiveDate, NaiveTime};

use super::{
    Bundle, Comparison, Finding, Group, Kind, Severity, ValueGroup, agreement, cluster,
    default_severity, judge_by_clusters, list_docs, value_groups,
};
use crate::claim::{Category, Claim, Value};

pub fn judge(bundle: &Bundle, group: &Group) -> Comparison {
    let group = Group {
        category: group.category,
        subject: group.subject,
        claims: drop_other_referents(&group.claims),
    };
    if group.category == Category::Quantity
        && let Some(update) = changing_count(bundle, &group)
    {
        return update;
    }
    judge_by_clusters(bundle, &group, default_severity(group.category))
}

/// A document that gives two incompatible figures for one subject is
/// talking about two things (the main quake's magnitude 6.9 and a magnitude
/// 5.1 tremor on another day). Its figure that no other document supports,
/// while its other figure is supported, is about the other thing: left out
/// of the comparison rather than reported as a contradiction.
fn drop_other_referents<'a>(claims: &[&'a Claim]) -> Vec<&'a Claim> {
    let supported = |c: &Claim| {
        claims
            .iter()
            .any(|o| o.anchor.doc != c.anchor.doc && o.value.compatible(&c.value))
    };
    claims
        .iter()
        .filter(|c| {
            let other_referent = !supported(c)
                && claims.iter().any(|o| {
                    o.anchor.doc == c.anchor.doc && !o.value.compatible(&c.value) && supported(o)
                });
            !other_referent
        })
        .copied()
        .collect()
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
    let mut timed: Vec<(i64, i64, f64, f64, &ValueGroup)> = Vec::new();
    for v in &values {
        let Value::Quantity(q) = v.value else {
            return None;
        };
        if q.measure != "count" {
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
    // Every value strictly after the one before it in time, and all moving
    // one way: a toll rises ("at least 30", then 45), households without
    // power fall. A toll of the dead or injured that falls in a later
    // report is a contradiction, not an update.
    let in_order = timed.windows(2).all(|w| w[0].1 < w[1].0);
    let rising = timed
        .windows(2)
        .all(|w| w[0].2 <= w[1].2 && w[0].2 <= w[1].3);
    let falling = timed
        .windows(2)
        .all(|w| w[1].3 <= w[0].3 && w[1].2 <= w[0].3);
    // The state concepts of rules/quantities.toml that make a count a toll.
    let toll = ["killed", "injured", "missing", "displaced", "arrested"]
        .iter()
        .any(|s| group.subject.key.contains(s));
    let falling_toll = ["killed", "injured", "missing"]
        .iter()
        .any(|s| group.subject.key.contains(s));
    if !in_order || !(rising || (falling && !falling_toll)) {
        return None;
    }
    let mut out = Comparison::default();
    for c in &clusters {
        if c.documents(&values).len() >= 2 {
            out.agreements.push(agreement(bundle, group, &values, c));
        }
    }
    if !rising {
        // Households without power falling through the day: nothing to
        // report, the figures were true at their times.
        return Some(out);
    }
    if !toll {
        // Job cuts or a price given higher later are a disagreement; only
        // tolls grow as the count goes on.
        return None;
    }
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
            "{}: the figure rises in later reports, an update rather than a contradiction: {}",
            group.subject.label,
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
}
