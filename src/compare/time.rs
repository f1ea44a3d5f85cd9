//! The time judge: the clock times of one happening, across documents.
//!
//! A group holds the times aligned to one happening (see `align`). Times
//! more than [`SAME_HAPPENING_HOURS`] apart are taken to be of different
//! occurrences of it (the 12 February call and the 18 March call), so the
//! group is cut into runs of times near each other, each judged on its
//! own by the generic cluster judge.
//!
//! A time with a zone but no day ("4:50 a.m. Central time" in a radio
//! transcript with no date) cannot be put in UTC on its own. When the other
//! times of its group fall on exactly one UTC day, the wall clock is placed
//! on the local day that puts it on that UTC day, if exactly one does, and
//! is judged with them. When no time of the group has a day, the clocks are
//! placed together around the first one's publication day, so "at 11.40am"
//! and "at 10.40am" in two reports still disagree. Else it is left out.

use chrono::{Days, NaiveDate};

use super::{Bundle, Comparison, Group, Severity, judge_by_clusters};
use crate::claim::time::TimeValue;
use crate::claim::{Claim, Value};

/// Hours apart beyond which two times are of two occurrences.
pub const SAME_HAPPENING_HOURS: i64 = 18;

pub fn judge(bundle: &Bundle, group: &Group, severity: Severity) -> Comparison {
    let published = |d: usize| bundle.published_days.get(d).copied().flatten();
    let rezoned = one_zone(&group.claims, &published);
    let by_anchor: std::collections::HashMap<_, &Claim> =
        rezoned.iter().map(|r| (r.anchor, r)).collect();
    let claims: Vec<&Claim> = group
        .claims
        .iter()
        .map(|c| by_anchor.get(&c.anchor).copied().unwrap_or(c))
        .collect();
    let placed = place_floating(&claims, &published);
    let mut timed: Vec<&Claim> = claims
        .iter()
        .copied()
        .filter(|c| matches!(&c.value, Value::Time(t) if t.floating.is_none()))
        .chain(placed.iter())
        .collect();
    let start = |c: &Claim| match &c.value {
        Value::Time(t) => t.start,
        _ => chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
    };
    timed.sort_by_key(|c| (start(c), c.anchor));
    let mut runs: Vec<Vec<&Claim>> = Vec::new();
    let mut last = None;
    for c in timed {
        let t = start(c);
        let joins = last.is_some_and(|l: chrono::DateTime<chrono::Utc>| {
            (t - l).num_hours() <= SAME_HAPPENING_HOURS
        });
        if !joins {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(c);
        }
        last = Some(t);
    }
    let mut out = Comparison::default();
    for mut run in runs {
        run.sort_by_key(|c| c.anchor);
        // Each occurrence is its own subject: the frame most of its times
        // have, on the day they fall on.
        let mut subject = super::group_subject(&run);
        super::dated(&mut subject, &run);
        let sub = Group {
            category: group.category,
            subject,
            claims: run,
            why: group.why.clone(),
        };
        let mut judged = judge_by_clusters(bundle, &sub, severity);
        // A disagreement only between readings in zones that cannot be
        // trusted against each other (a bare clock read in a wire's own zone
        // against a time written in GMT) is no conflict to report.
        judged.findings.retain(|f| trusted(&sub.claims, f));
        out.findings.extend(judged.findings);
        out.agreements.extend(judged.agreements);
    }
    out
}

/// Bare clocks of one happening from papers in different zones, read in
/// one zone: a Madrid paper's "7:15 a.m." about a Chilean prison is
/// Chile's clock, as a Santiago paper's "6:15 a.m." is, not Madrid's.
/// Each bare clock is read in each of the zones the group's bare clocks
/// come from, all in the same one; the zone under which the most pairs of
/// documents agree wins, if at least as many agree as under each paper's
/// own zone (papers agreeing in one zone write the same clock, which is
/// better evidence than two clocks an hour apart agreeing across zones).
/// Of zones as good, the one of the earliest paper (the place's own wire,
/// as a rule) is taken. The copies carry that zone, so they are trusted
/// against each other (and against a written zone only as a paper's own
/// reading is).
fn one_zone(claims: &[&Claim], published: &dyn Fn(usize) -> Option<NaiveDate>) -> Vec<Claim> {
    use chrono::TimeZone;
    let bare: Vec<(&Claim, &TimeValue, chrono_tz::Tz)> = claims
        .iter()
        .filter_map(|c| match &c.value {
            Value::Time(t) if t.floating.is_none() => {
                let tz = t.document_zone.as_ref()?.0.parse().ok()?;
                Some((*c, t, tz))
            }
            _ => None,
        })
        .collect();
    let mut zones: Vec<(Option<NaiveDate>, usize, chrono_tz::Tz)> = bare
        .iter()
        .map(|(c, _, tz)| (published(c.anchor.doc), c.anchor.doc, *tz))
        .collect();
    zones.sort_by_key(|&(day, doc, _)| (day.is_none(), day, doc));
    let mut unique: Vec<chrono_tz::Tz> = Vec::new();
    for (_, _, z) in zones {
        if !unique.contains(&z) {
            unique.push(z);
        }
    }
    let zones = unique;
    if zones.len() < 2 {
        return Vec::new();
    }
    let zoned: Vec<(usize, &TimeValue)> = claims
        .iter()
        .filter_map(|c| match &c.value {
            Value::Time(t) if t.floating.is_none() && t.document_zone.is_none() => {
                Some((c.anchor.doc, t))
            }
            _ => None,
        })
        .collect();
    // Pairs of documents whose readings agree: overlapping bounds, counted
    // by a sweep (no pair loop: a group may hold thousands of reports),
    // less the pairs inside one document.
    let agreeing = |values: &[(usize, &TimeValue)]| {
        let overlapping = |mut spans: Vec<(i64, i64)>| {
            spans.sort_unstable();
            let mut open = std::collections::BinaryHeap::new();
            let mut n = 0;
            for (lo, hi) in spans {
                while open.peek().is_some_and(|&std::cmp::Reverse(h)| h < lo) {
                    open.pop();
                }
                n += open.len();
                open.push(std::cmp::Reverse(hi));
            }
            n
        };
        let span = |t: &TimeValue| {
            let (a, b) = t.bounds();
            (a.timestamp(), b.timestamp())
        };
        let mut by_doc: std::collections::BTreeMap<usize, Vec<(i64, i64)>> = Default::default();
        for (d, t) in values {
            by_doc.entry(*d).or_default().push(span(t));
        }
        let within: usize = by_doc.into_values().map(overlapping).sum();
        overlapping(values.iter().map(|(_, t)| span(t)).collect()) - within
    };
    let read_in = |t: &TimeValue, from: chrono_tz::Tz, to: chrono_tz::Tz| {
        let wall = |u: chrono::DateTime<chrono::Utc>| {
            to.from_local_datetime(&u.with_timezone(&from).naive_local())
                .single()
                .map(|x| x.with_timezone(&chrono::Utc))
        };
        Some(TimeValue {
            start: wall(t.start)?,
            end: match t.end {
                Some(e) => Some(wall(e)?),
                None => None,
            },
            document_zone: Some((to.name().to_string(), false)),
            ..t.clone()
        })
    };
    let own: Vec<(usize, &TimeValue)> = zoned
        .iter()
        .copied()
        .chain(bare.iter().map(|(c, t, _)| (c.anchor.doc, *t)))
        .collect();
    // At least one pair must agree in the zone taken, and as many as in
    // the papers' own zones.
    let mut best = agreeing(&own).max(1);
    let mut chosen: Option<Vec<TimeValue>> = None;
    for &zone in &zones {
        let Some(values) = bare
            .iter()
            .map(|(_, t, tz)| read_in(t, *tz, zone))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let all: Vec<(usize, &TimeValue)> = zoned
            .iter()
            .copied()
            .chain(
                bare.iter()
                    .zip(&values)
                    .map(|((c, _, _), v)| (c.anchor.doc, v)),
            )
            .collect();
        let n = agreeing(&all);
        if n > best || (n == best && chosen.is_none()) {
            best = n;
            chosen = Some(values);
        }
    }
    let Some(values) = chosen else {
        return Vec::new();
    };
    bare.iter()
        .zip(values)
        .map(|((c, _, _), v)| Claim {
            value: Value::Time(v),
            ..(*c).clone()
        })
        .collect()
}

/// Whether some two claims on different sides of a conflict are
/// incompatible and [`TimeValue::comparable`] (or of one document).
fn trusted(claims: &[&Claim], finding: &super::Finding) -> bool {
    if finding.kind != super::Kind::Conflict || finding.sides.is_empty() {
        return true;
    }
    let side_of = |c: &Claim| {
        let shown = c.value.display();
        finding
            .values
            .iter()
            .position(|v| v.value == shown)
            .and_then(|i| finding.sides.get(i).copied())
    };
    claims.iter().enumerate().any(|(i, a)| {
        claims[i + 1..].iter().any(|b| {
            let (Value::Time(x), Value::Time(y)) = (&a.value, &b.value) else {
                return false;
            };
            side_of(a) != side_of(b)
                && !x.compatible(y)
                && (x.comparable(y) || a.anchor.doc == b.anchor.doc)
        })
    })
}

/// Placed copies of the group's floating times. Where the group's dated
/// times fall on exactly one UTC day, each wall clock goes on the local
/// day that puts it on that UTC day, if exactly one does. Where no time of
/// the group has a day (two reports that give only "at 11.40am" and "at
/// 10.40am"), they are placed on one day together: the first on its
/// document's publication day, each other on the neighbouring local day
/// nearest it, so that their clocks compare.
fn place_floating(claims: &[&Claim], published: &dyn Fn(usize) -> Option<NaiveDate>) -> Vec<Claim> {
    let mut days: Vec<NaiveDate> = claims
        .iter()
        .filter_map(|c| match &c.value {
            Value::Time(t) if t.floating.is_none() => Some(t.start.date_naive()),
            _ => None,
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    let floating: Vec<(&Claim, &TimeValue)> = claims
        .iter()
        .filter_map(|c| match &c.value {
            Value::Time(t) if t.floating.is_some() => Some((*c, t)),
            _ => None,
        })
        .collect();
    let neighbours = |day: NaiveDate| {
        [
            day.checked_sub_days(Days::new(1)),
            Some(day),
            day.checked_add_days(Days::new(1)),
        ]
        .into_iter()
        .flatten()
    };
    let placed = |c: &Claim, v: TimeValue| Claim {
        value: Value::Time(v),
        ..c.clone()
    };
    let mut out = Vec::new();
    match days.as_slice() {
        [day] => {
            for (c, value) in floating {
                let candidates: Vec<TimeValue> = neighbours(*day)
                    .filter_map(|local| value.place(local))
                    .filter(|v| v.start.date_naive() == *day)
                    .collect();
                if let [one] = candidates.as_slice() {
                    out.push(placed(c, one.clone()));
                }
            }
        }
        [] if floating.len() >= 2 => {
            let (first, value) = floating[0];
            let Some(anchor) = published(first.anchor.doc).and_then(|d| value.place(d)) else {
                return out;
            };
            let at = anchor.start;
            out.push(placed(first, anchor));
            for &(c, value) in &floating[1..] {
                let nearest = neighbours(at.date_naive())
                    .filter_map(|local| value.place(local))
                    .min_by_key(|v| (v.start - at).num_minutes().abs());
                if let Some(v) = nearest {
                    out.push(placed(c, v));
                }
            }
        }
        _ => {}
    }
    out
}
