//! Normalisation of clock times: to UTC instants and windows.
//!
//! Takes the [`TimeMention`]s of one document and hands on `time` claims.
//! A time is compared only when it is about an event (`Context::event_for`);
//! a time with no event makes no claim. The event's day is the local day
//! of the time; the zone is the one written after it ("GMT", "Moscow
//! time"), the document's `timezone` for "local time" and for a bare time
//! with no zone at all (news copy writes its own zone bare), and otherwise
//! the time is unresolved: no zone known, "local time" in a document with
//! none, an ambiguous abbreviation the document's zone does not decide.
//! chrono-tz converts with the offset of that very day, so daylight saving
//! is right, and the UTC day may differ from the local one.
//!
//! A start and an end in one sentence ("At 15:00 … until 17:00") make one
//! window. The subject is the event kind at the UTC day of the (start)
//! instant, so the same event told in Tokyo and London time groups.

use std::fmt;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::{Context, EventRef};
use crate::claim::{Anchor, Category, Claim, DocClaims, Subject, Unresolved, Value};
use crate::extract::time::{Clock, Hedge, Role, TimeMention};
use crate::rules::zones;

/// A normalised time: a UTC instant or window.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeValue {
    pub start: DateTime<Utc>,
    /// The end of a window; `None` for a point.
    pub end: Option<DateTime<Utc>>,
    /// Whether minutes were written ("15:00") or only the hour ("3 p.m.").
    pub minutes_given: bool,
    pub hedge: Option<Hedge>,
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(h) = self.hedge {
            write!(f, "{} ", h.as_str())?;
        }
        write!(f, "{}", self.start.format("%H:%M"))?;
        if let Some(end) = self.end {
            write!(f, "–{}", end.format("%H:%M"))?;
            if end.date_naive() != self.start.date_naive() {
                f.write_str(" (+1 day)")?;
            }
        }
        f.write_str(" UTC")
    }
}

impl TimeValue {
    /// The instants the value allows, widened by its precision and hedge:
    /// an hour written without minutes ("3 p.m.") allows 30 minutes either
    /// side, "about" 15 (30 for a bare hour), "shortly after" up to 30
    /// minutes after, "after"/"before" up to 12 hours.
    pub fn bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let end = self.end.unwrap_or(self.start);
        let slack = if self.minutes_given { 0 } else { 30 };
        let (before, after) = match self.hedge {
            None => (slack, slack),
            Some(Hedge::About) => (slack + 15, slack + 15),
            Some(Hedge::ShortlyAfter) => (slack, slack + 30),
            Some(Hedge::ShortlyBefore) => (slack + 30, slack),
            Some(Hedge::After) => (slack, 12 * 60),
            Some(Hedge::Before) => (12 * 60, slack),
        };
        (
            self.start - Duration::minutes(before),
            end + Duration::minutes(after),
        )
    }

    /// Whether both values can be true of the same subject: a point inside
    /// a window, overlapping windows, points within their precision. A
    /// stated start ("begin at 15:00") is a point, so it fits a window that
    /// starts then.
    pub fn compatible(&self, other: &Self) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 <= b1 && b0 <= a1
    }
}

/// A time mention, possibly joined with the end that follows it.
struct Reading<'m> {
    first: &'m TimeMention,
    start: Clock,
    end: Option<Clock>,
}

/// The time claims of one document.
pub fn claims(ctx: &Context) -> DocClaims {
    let mut out = DocClaims::default();
    for r in readings(ctx) {
        let span = r.first.span;
        let Some(event) = ctx.event_for(span) else {
            continue; // a time about nothing we compare
        };
        let anchor = Anchor { doc: 0, span };
        match normalise_reading(ctx, &r, event) {
            Ok((value, day)) => out.claims.push(Claim {
                anchor,
                category: Category::Time,
                subject: Subject::new(
                    format!("{}@{}", event.kind, day.format("%Y-%m-%d")),
                    format!("{} on {} (UTC)", event.label, day.format("%Y-%m-%d")),
                ),
                value: Value::Time(value),
            }),
            Err(reason) => out.unresolved.push(Unresolved {
                anchor,
                category: Category::Time,
                subject: event.subject(),
                reason,
            }),
        }
    }
    out
}

/// Joins an end ("until 17:00") with the first earlier time of its
/// sentence that is not itself joined or a range: the sentence's first
/// time is the start it closes ("At 15:00 … today at noon … until 17:00").
fn readings<'m>(ctx: &'m Context) -> Vec<Reading<'m>> {
    let times = &ctx.mentions.times;
    let mut out: Vec<Reading> = Vec::new();
    let mut absorbed = vec![false; times.len()];
    let mut joined_end: Vec<Option<usize>> = vec![None; times.len()];
    for (j, t) in times.iter().enumerate() {
        if t.role != Role::End || t.end.is_some() {
            continue;
        }
        let sentence = ctx.sentence_index(t.span.start);
        let start = (0..j).find(|&i| {
            let s = &times[i];
            ctx.sentence_index(s.span.start) == sentence
                && s.end.is_none()
                && s.role != Role::End
                && !absorbed[i]
                && joined_end[i].is_none()
                && zones_agree(s, t)
        });
        if let Some(i) = start {
            joined_end[i] = Some(j);
            absorbed[j] = true;
        }
    }
    for (i, t) in times.iter().enumerate() {
        if absorbed[i] {
            continue;
        }
        let end = joined_end[i].map(|j| times[j].start).or(t.end);
        out.push(Reading {
            first: t,
            start: t.start,
            end,
        });
    }
    out
}

/// A start and an end join only if they name no different zones.
fn zones_agree(a: &TimeMention, b: &TimeMention) -> bool {
    match (&a.zone, &b.zone) {
        (Some(x), Some(y)) => x.id == y.id,
        _ => true,
    }
}

/// The value and its UTC day, or why it cannot be pinned down.
fn normalise_reading(
    ctx: &Context,
    r: &Reading,
    event: &EventRef,
) -> Result<(TimeValue, NaiveDate), String> {
    let day = event.date.ok_or_else(|| {
        format!(
            "the day of the {} is not given, so the time cannot be placed",
            event.label
        )
    })?;
    let tz = zone_of(ctx, r.first)?;
    let start = to_utc(tz, day, r.start)?;
    let end = match r.end {
        Some(e) => {
            let mut end = to_utc(tz, day, e)?;
            // A window ending before it starts runs past midnight.
            if end < start {
                end = to_utc(tz, day.succ_opt().ok_or("date out of range")?, e)?;
            }
            Some(end)
        }
        None => None,
    };
    let value = TimeValue {
        start,
        end,
        minutes_given: r.start.minutes_given,
        hedge: r.first.hedge,
    };
    Ok((value, start.date_naive()))
}

/// The zone a time is written in (see the module doc).
fn zone_of(ctx: &Context, t: &TimeMention) -> Result<Tz, String> {
    match &t.zone {
        Some(z) => zones::Compiled::resolve(z, ctx.doc.timezone),
        // A bare time in a document with a zone is that zone's wall clock.
        None => ctx
            .doc
            .timezone
            .ok_or_else(|| "no time zone given, and the document has none".to_string()),
    }
}

/// The UTC instant of a wall-clock reading on a local day. In the hour
/// skipped by a spring change the reading is taken one hour later; in the
/// hour repeated in autumn, the first occurrence.
pub fn to_utc(tz: Tz, day: NaiveDate, clock: Clock) -> Result<DateTime<Utc>, String> {
    let time = NaiveTime::from_hms_opt(clock.hour, clock.minute, 0)
        .ok_or_else(|| format!("{:02}:{:02} is not a clock time", clock.hour, clock.minute))?;
    let local = day.and_time(time);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Ok(first.with_timezone(&Utc)),
        LocalResult::None => tz
            .from_local_datetime(&(local + Duration::hours(1)))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| format!("{local} does not exist in {}", tz.name())),
    }
}
