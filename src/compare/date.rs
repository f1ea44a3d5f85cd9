//! The date judge: the day an event happened, across documents.
//!
//! Date claims are grouped by event kind only (a call, a quake), so one
//! group may hold several events of that kind: the 12 February call and the
//! 18 March call. Two days far apart are two events, not a contradiction;
//! two days close together (a quake "on Sunday" in one source, "on Monday"
//! in another) are one event told wrong. So the group's values are first
//! cut into runs whose neighbouring single days lie within
//! [`SAME_EVENT_DAYS`] of each other and whose ranges overlap ("earlier
//! this week" and "on Monday" of the next week are two times), and each
//! run is judged on its own by the generic cluster judge: a run with
//! incompatible days is a conflict, a run several documents support is an
//! agreement.
//!
//! A run in which one document itself gives the event incompatible days
//! is not judged for conflicts (only for agreements): that document tells
//! of an event lasting days, or of several happenings, not of one day.
//!
//! So are two runs of the one happening a series word picks out ("the next
//! policy decision" on August 6 and on August 8), a week apart at most.
//!
//! An event that happens once on one day (`one_day` in `rules/events.toml`:
//! a quake, a launch) is a single happening in the bundle, so when its
//! claims fall into exactly two runs of single days at most
//! [`RETOLD_DAYS`] apart, one run told by one document alone against
//! several documents agreeing on the other, and no document gives a day in
//! both, the lone one is the event told wrong and the runs are judged
//! together (a conflict). A document giving both days, one source against
//! one (a foreshock on Friday, the quake on Sunday), a third run or a range
//! keeps them apart: those may be several happenings.

use super::align::PairVerdict;
use super::{Bundle, Comparison, Group, Severity, judge_by_clusters};
use crate::claim::date::{DayPart, Reckoning};
use crate::claim::{Category, Claim, Value};

/// The measure of a day claim's frame.
const DAY: &str = "day";

/// Times at one moment a day is tried against, at most (see
/// [`unreachable_days`]).
const TRIED_AT_A_MOMENT: usize = 8;

/// Days apart beyond which two dates are taken to be two events.
pub const SAME_EVENT_DAYS: i64 = 1;

/// Days apart within which two runs of a one-day event are one event.
pub const RETOLD_DAYS: i64 = 3;

/// Copies of the day claims of a once-only happening (a quake, a crash, a
/// launch) that no clock on Earth could give to any moment the bundle's
/// own times give that happening, with their zone set to unstated: the
/// slack of neighbouring days reckoned in different zones (a quake on
/// Tuesday in Tokyo is Monday in London) is for days some zone can give.
/// A derailment at 13:40 UTC on 15 September falls on the 15th or the
/// 16th in every zone, so "Monday's derailment" (the 14th) in a London
/// paper is wrong, not London's reckoning of a Rome Tuesday.
///
/// A day said with a part of it ("on Monday morning") is held to the
/// clocks the story's sources read: each source's own zone and UTC. A crash
/// at 22:14 UTC on Monday is Monday night in London, Tuesday morning in
/// Melbourne and Auckland: "Monday morning" is no reckoning of it, though
/// some island's clock on Earth would give it.
///
/// A day is held to the other documents' times only: a document's own
/// clock times may be dated by that very day ("10.14am NZT" on the wrong
/// Monday), and would vouch for it.
///
/// Which times give the happening's moment: those of a once-only
/// happening the rules name, and those whose frames align strongly with
/// the day's own, whatever the happening ("the avalanche struck Camp 2 at
/// 2245 GMT Monday" against "the avalanche struck Camp 2 early on
/// Wednesday"): a clock time read for the very thing a day is given for
/// pins that thing's day, named in the rules or not.
pub fn unreachable_days(
    claims: &[&Claim],
    published: &dyn Fn(usize) -> Option<chrono::NaiveDate>,
    sentence: &dyn Fn(&Claim) -> usize,
) -> Vec<Claim> {
    use std::collections::BTreeMap;
    type Instant = chrono::DateTime<chrono::Utc>;
    let mut instants: BTreeMap<&str, Vec<(usize, Instant)>> = BTreeMap::new();
    // Each placed time, its frame read as a day's, and the blocks it is
    // in (see `align::block_keys`), by its moment: a day meets only the
    // times that share a theme, predicate or happening with it, and of
    // the times at one moment only the first few (copies of one report
    // tell one moment alike), so a bundle of thousands of reports costs
    // each day the story's few moments, not every time in it. The block
    // of a measure alone joins no strong pair (one shares another block
    // too), so it is left out: every day would meet every time in it.
    let blocks_of = |f: &crate::claim::frame::Frame| {
        let mut keys = super::align::block_keys(f);
        keys.retain(|k| k != super::align::MEASURE_BLOCK);
        keys
    };
    let mut timed: Vec<Claim> = Vec::new();
    let mut blocks: BTreeMap<String, BTreeMap<Instant, Vec<usize>>> = BTreeMap::new();
    for c in claims {
        let Value::Time(t) = &c.value else {
            continue;
        };
        if t.floating.is_some() {
            continue;
        }
        if let Some(event) = c.frame.event.as_deref() {
            instants
                .entry(event)
                .or_default()
                .push((c.anchor.doc, t.start));
        }
        let mut as_day = (*c).clone();
        as_day.frame.measure = DAY.into();
        for k in blocks_of(&as_day.frame) {
            blocks
                .entry(k)
                .or_default()
                .entry(t.start)
                .or_default()
                .push(timed.len());
        }
        timed.push(as_day);
    }
    let aligned_moments = |c: &Claim| -> Vec<Instant> {
        let mut found: Vec<Instant> = Vec::new();
        for at_moment in blocks_of(&c.frame).iter().filter_map(|k| blocks.get(k)) {
            for (at, times) in at_moment {
                if found.contains(at) {
                    continue;
                }
                let strong = times
                    .iter()
                    .map(|&i| &timed[i])
                    .filter(|t| t.anchor.doc != c.anchor.doc)
                    .take(TRIED_AT_A_MOMENT)
                    .any(|t| {
                        matches!(
                            super::align::judge_pair(Category::Date, c, t, published, sentence),
                            PairVerdict::Strong(..)
                        )
                    });
                if strong {
                    found.push(*at);
                }
            }
        }
        found
    };
    // Clocks run from UTC-12 to UTC+14.
    let reachable = |t: &chrono::DateTime<chrono::Utc>, day: chrono::NaiveDate| {
        let earliest = (*t - chrono::Duration::hours(12)).date_naive();
        let latest = (*t + chrono::Duration::hours(14)).date_naive();
        (earliest..=latest).contains(&day)
    };
    // The clocks the sources read: their zones, and UTC.
    let mut clocks: Vec<chrono_tz::Tz> = vec![chrono_tz::UTC];
    for c in claims {
        if let Value::Date(d) = &c.value
            && let Reckoning::Zone(tz) = d.zone
            && !clocks.contains(&tz)
        {
            clocks.push(tz);
        }
    }
    let reachable_in_part = |t: &chrono::DateTime<chrono::Utc>, day, part: &DayPart| {
        clocks
            .iter()
            .any(|tz| part.holds(day, t.with_timezone(tz).naive_local()))
    };
    claims
        .iter()
        .filter_map(|c| {
            let Value::Date(d) = &c.value else {
                return None;
            };
            if d.zone == Reckoning::Unstated {
                return None;
            }
            let single = d.as_day()?;
            let mut moments: Vec<Instant> = Vec::new();
            if d.one_day_event {
                moments.extend(
                    c.frame
                        .event
                        .as_deref()
                        .and_then(|e| instants.get(e))
                        .into_iter()
                        .flatten()
                        .filter(|(doc, _)| *doc != c.anchor.doc)
                        .map(|(_, t)| *t),
                );
            }
            moments.extend(aligned_moments(c));
            if moments.is_empty() {
                return None;
            }
            let lost = !moments.iter().any(|t| match &d.part {
                Some(part) => reachable_in_part(t, single, part),
                None => reachable(t, single),
            });
            lost.then(|| {
                let mut copy = (*c).clone();
                if let Value::Date(v) = &mut copy.value {
                    v.zone = Reckoning::Unstated;
                    v.part_shown = true;
                }
                copy
            })
        })
        .collect()
}

pub fn judge(bundle: &Bundle, group: &Group, severity: Severity) -> Comparison {
    let mut dated: Vec<&Claim> = group.claims.clone();
    let range = |c: &Claim| match &c.value {
        Value::Date(d) => Some((d.first, d.last)),
        _ => None,
    };
    dated.sort_by_key(|c| (range(c), c.anchor));
    let mut runs: Vec<Vec<&Claim>> = Vec::new();
    // The run's last day, and whether a single day ends it.
    let mut run_last: Option<(chrono::NaiveDate, bool)> = None;
    for c in dated {
        let Some((first, last)) = range(c) else {
            continue;
        };
        // Neighbouring single days may be one day told in two zones; a
        // range ("this week") and the day after it are two times ("earlier
        // this week" and "on Monday" the week after are two hearings).
        let single = first == last;
        let joins = run_last.is_some_and(|(l, l_single)| {
            let slack = if single && l_single {
                SAME_EVENT_DAYS
            } else {
                0
            };
            (first - l).num_days() <= slack
        });
        if !joins {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(c);
        }
        run_last = Some(match run_last {
            Some((l, l_single)) if joins && l > last => (l, l_single),
            Some((l, l_single)) if joins && l == last => (l, l_single && single),
            _ => (last, single),
        });
    }
    if let [a, b] = runs.as_slice()
        && (one_event_retold(a, b) || one_of_a_series(a, b))
    {
        let merged: Vec<&Claim> = a.iter().chain(b.iter()).copied().collect();
        runs = vec![merged];
    }
    let mut out = Comparison::default();
    for mut run in runs {
        run.sort_by_key(|c| c.anchor);
        let sub = Group {
            category: group.category,
            subject: group.subject.clone(),
            claims: run,
            why: group.why.clone(),
        };
        let judged = judge_by_clusters(bundle, &sub, severity);
        // A document that itself gives the event several days tells of an
        // event that lasts days or happens more than once ("started on
        // Saturday … evacuated on Monday"): its days contradict nothing.
        if !self_dated_apart(&sub.claims) {
            out.findings.extend(judged.findings);
        }
        out.agreements.extend(judged.agreements);
    }
    out
}

/// Whether two runs (in day order) are the one happening a series word
/// picks out ("the next policy decision" on August 6 in two reports, on
/// August 8 in a third): every claim names the same member of a series
/// ("next", "second", not "another": `series_one` in rules/words.toml),
/// the runs are at most a week apart, and no document gives both days.
fn one_of_a_series(a: &[&Claim], b: &[&Claim]) -> bool {
    let Some(first) = a.first() else {
        return false;
    };
    let unique = first.frame.series.is_some() && first.frame.series_one;
    let same = a
        .iter()
        .chain(b)
        .all(|c| c.frame.series == first.frame.series);
    let day = |c: &&Claim| match &c.value {
        Value::Date(d) => d.as_day(),
        _ => None,
    };
    let last_a = a.iter().filter_map(day).max();
    let first_b = b.iter().filter_map(day).min();
    let near = matches!((last_a, first_b), (Some(x), Some(y)) if (y - x).num_days() <= 7);
    unique && same && near && !in_both(a, b)
}

/// Whether one document gives a day in both runs.
fn in_both(a: &[&Claim], b: &[&Claim]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.anchor.doc == y.anchor.doc))
}

/// Whether two runs (in day order) are one one-day event told on different
/// days: every claim a single day of such an event, the runs at most
/// [`RETOLD_DAYS`] apart, one document alone against two or more, and no
/// document in both.
fn one_event_retold(a: &[&Claim], b: &[&Claim]) -> bool {
    let day = |c: &&Claim| match &c.value {
        Value::Date(d) if d.one_day_event => d.as_day(),
        _ => None,
    };
    let days_a: Option<Vec<_>> = a.iter().map(day).collect();
    let days_b: Option<Vec<_>> = b.iter().map(day).collect();
    let (Some(days_a), Some(days_b)) = (days_a, days_b) else {
        return false;
    };
    let (Some(last_a), Some(first_b)) = (days_a.iter().max(), days_b.iter().min()) else {
        return false;
    };
    let docs = |run: &[&Claim]| {
        let mut d: Vec<usize> = run.iter().map(|c| c.anchor.doc).collect();
        d.sort_unstable();
        d.dedup();
        d.len()
    };
    let lone_against_several = matches!((docs(a), docs(b)), (1, n) | (n, 1) if n >= 2);
    (*first_b - *last_a).num_days() <= RETOLD_DAYS && !in_both(a, b) && lone_against_several
}

/// Whether some document gives two incompatible days among `run`. A
/// weekday written beside its date ("Friday, 6 February") is a claim about
/// that date, so its contradiction still counts.
fn self_dated_apart(run: &[&Claim]) -> bool {
    run.iter().enumerate().any(|(i, x)| {
        run[i + 1..].iter().any(|y| {
            x.anchor.doc == y.anchor.doc
                && match (&x.value, &y.value) {
                    (Value::Date(a), Value::Date(b)) => {
                        let weekday = |d: &crate::claim::date::DateValue| {
                            matches!(d.kind, crate::claim::date::DateKind::Weekday(_))
                        };
                        !weekday(a) && !weekday(b) && !a.compatible(b)
                    }
                    _ => false,
                }
        })
    })
}
