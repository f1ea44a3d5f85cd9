//! Placing times whose day is not given.
//!
//! A time with a zone but no day ("4:50 a.m. Central time" in a radio
//! transcript with no date) cannot be put in UTC on its own. When the
//! bundle's other sources date that same event (same kind) on exactly one
//! UTC day, the wall clock is placed on the local day that puts it on that
//! UTC day, if exactly one does, and the time joins that day's group. Else
//! it stays in its own undated group, where it is never judged.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use crate::claim::{Category, Claim, DocClaims, Value};
use crate::normalise::time::UNDATED;

/// Placed copies of undated time claims, keyed by the original's anchor.
pub fn place_undated(docs: &[DocClaims]) -> Vec<Claim> {
    let times: Vec<&Claim> = docs
        .iter()
        .flat_map(|d| &d.claims)
        .filter(|c| c.category == Category::Time)
        .collect();
    let mut out = Vec::new();
    for c in &times {
        let Some(prefix) = c.subject.key.strip_suffix(UNDATED) else {
            continue;
        };
        let Value::Time(value) = &c.value else {
            continue;
        };
        let dated: Vec<&&Claim> = times
            .iter()
            .filter(|t| {
                t.subject
                    .key
                    .strip_prefix(prefix)
                    .and_then(|rest| rest.strip_prefix('@'))
                    .is_some_and(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
            })
            .collect();
        let days: Vec<&str> = dated
            .iter()
            .map(|t| t.subject.key.as_str())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let ([key], Some(group)) = (days.as_slice(), dated.first()) else {
            continue;
        };
        let Some(day) = key
            .rsplit('@')
            .next()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        let candidates: Vec<_> = [
            day.checked_sub_days(Days::new(1)),
            Some(day),
            day.checked_add_days(Days::new(1)),
        ]
        .into_iter()
        .flatten()
        .filter_map(|local| value.place(local))
        .filter(|v| v.start.date_naive() == day)
        .collect();
        if let [placed] = candidates.as_slice() {
            out.push(Claim {
                anchor: c.anchor,
                category: Category::Time,
                subject: group.subject.clone(),
                value: Value::Time(placed.clone()),
            });
        }
    }
    out
}

/// Whether `claim` was replaced by a placed copy.
pub fn is_placed(placed: &[Claim], claim: &Claim) -> bool {
    placed
        .iter()
        .any(|p| p.anchor == claim.anchor && p.category == claim.category)
}
