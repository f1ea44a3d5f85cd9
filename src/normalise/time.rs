//! Normalisation of clock times: to UTC instants and windows.
//!
//! Takes the [`TimeMention`]s of one document and hands on `time` claims.
//! A time is compared only when it is about an event (`Context::event_for`,
//! kept to the time's own sentence unless that opens with a pronoun);
//! a time with no event makes no claim. The event's day is the local day
//! of the time; the zone is the one written after it ("GMT", "Moscow
//! time"), the document's `timezone` for "local time" and for a bare time
//! with no zone at all (news copy writes its own zone bare), and otherwise
//! the time is unresolved: no zone known, "local time" in a document with
//! none, an ambiguous abbreviation the document's zone does not decide.
//! chrono-tz converts with the offset of that very day, so daylight saving
//! is right, and the UTC day may differ from the local one.
//!
//! A bare time whose sentence also gives a time in a named zone ("at 9:00,
//! or 14:00 GMT") or places it ("00:42 … in Tokyo") is the same moment
//! written in some other clock, the document's or the event's place's: it
//! makes no claim and is not reported (the zoned time carries the value),
//! since reading it in the document's zone would raise false conflicts.
//!
//! A start and an end in one sentence ("At 15:00 … until 17:00") make one
//! window. The subject is the event kind at the UTC day of the (start)
//! instant, so the same event told in Tokyo and London time groups.

use std::fmt;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};

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
    /// Set when the day is not known: the wall clock and its zone, to be
    /// placed on a day by comparison; `start`/`end` are meaningless then.
    pub floating: Option<Floating>,
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(fl) = &self.floating {
            let c = fl.start;
            return write!(
                f,
                "{}{:02}:{:02} {} (day not given)",
                self.hedge
                    .map(|h| format!("{} ", h.as_str()))
                    .unwrap_or_default(),
                c.hour,
                c.minute,
                fl.tz.name()
            );
        }
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
        if self.floating.is_some() || other.floating.is_some() {
            return true; // not placed in time: nothing to judge
        }
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 <= b1 && b0 <= a1
    }
}

impl TimeValue {
    /// A floating value placed on a local day, if it exists there.
    pub fn place(&self, day: NaiveDate) -> Option<TimeValue> {
        let fl = self.floating.as_ref()?;
        let written = fl.written.as_deref();
        let start = to_utc(fl.tz, day, fl.start, written).ok()?;
        let end = match fl.end {
            Some(e) => {
                let mut end = to_utc(fl.tz, day, e, written).ok()?;
                if end < start {
                    end = to_utc(fl.tz, day.succ_opt()?, e, written).ok()?;
                }
                Some(end)
            }
            None => None,
        };
        Some(TimeValue {
            start,
            end,
            minutes_given: self.minutes_given,
            hedge: self.hedge,
            floating: None,
        })
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
        let Some(event) = event_of(ctx, span) else {
            continue; // a time about nothing we compare
        };
        if rescheduled(ctx, span) || later_sub_event(ctx, span) || other_day(ctx, r.first, event) {
            continue;
        }
        if bare_time_elsewhere(ctx, r.first).is_some() {
            continue; // not ours to place; no claim rather than a guess
        }
        let series = super::event::series_word(&ctx.doc.text, event.span)
            .map(|w| format!("#{w}"))
            .unwrap_or_default();
        let anchor = Anchor { doc: 0, span };
        match normalise_reading(ctx, &r, event) {
            Ok((value, day)) => out.claims.push(Claim {
                anchor,
                category: Category::Time,
                subject: Subject::new(
                    format!("{}{series}@{}", event.kind, day.format("%Y-%m-%d")),
                    format!(
                        "{}{} on {} (UTC)",
                        series.trim_start_matches('#').to_string()
                            + if series.is_empty() { "" } else { " " },
                        event.label,
                        day.format("%Y-%m-%d")
                    ),
                ),
                value: Value::Time(value),
            }),
            Err(reason) => match floating(ctx, &r, event) {
                // No day, but a zone: comparison may place it on the one
                // day the bundle gives this event (see compare::time).
                Some(value) => out.claims.push(Claim {
                    anchor,
                    category: Category::Time,
                    subject: Subject::new(
                        format!("{}{series}{UNDATED}", event.kind),
                        format!("{} (day not given)", event.label),
                    ),
                    value: Value::Time(value),
                }),
                None => out.unresolved.push(Unresolved {
                    anchor,
                    category: Category::Time,
                    subject: event.subject(),
                    reason,
                }),
            },
        }
    }
    out
}

/// Subject-key suffix of times whose day is not known.
pub const UNDATED: &str = "@undated";

/// A wall-clock time in a known zone whose day is not given.
#[derive(Clone, Debug, PartialEq)]
pub struct Floating {
    pub tz: Tz,
    pub start: Clock,
    pub end: Option<Clock>,
    pub written: Option<String>,
}

/// The floating form of a reading whose event has no day, if its zone is
/// known and nothing else is wrong with it.
fn floating(ctx: &Context, r: &Reading, event: &EventRef) -> Option<TimeValue> {
    if event.date.is_some() || date_after(ctx, r.first).is_some() {
        return None;
    }
    let tz = zone_of(ctx, r.first).ok()?;
    Some(TimeValue {
        start: DateTime::<Utc>::UNIX_EPOCH,
        end: None,
        minutes_given: r.start.minutes_given,
        hedge: r.first.hedge,
        floating: Some(Floating {
            tz,
            start: r.start,
            end: r.end,
            written: written_zone(ctx, r.first),
        }),
    })
}

/// Words that say a sentence moves a time ("postponed from 3 p.m. to
/// 5 p.m."): its times are the old and the new, not two claims about one
/// moment, so none of them is compared.
const RESCHEDULE: &[&str] = &[
    "postpone",
    "delay",
    "moved",
    "pushed back",
    "brought forward",
    "reschedul",
    "instead of",
    "originally",
    "initially",
    "changed",
    "rather than",
];

fn rescheduled(ctx: &Context, span: crate::claim::Span) -> bool {
    let sentence = ctx.text(ctx.sentence(span.start)).to_lowercase();
    RESCHEDULE.iter().any(|w| sentence.contains(w))
}

/// Words between an earlier time of the sentence and this one that say
/// this time is of a later happening ("… at 3:17 a.m., and another at
/// 4:02 a.m."): such a time is not compared with the event's own.
const LATER: &[&str] = &[
    " another ",
    " second ",
    " then ",
    " followed ",
    " later ",
    " again ",
    " aftershock",
    " next ",
    " third ",
];

fn later_sub_event(ctx: &Context, span: crate::claim::Span) -> bool {
    let sentence = ctx.sentence(span.start);
    let from = ctx
        .mentions
        .times
        .iter()
        .rev()
        .find(|t| t.span.end <= span.start && t.span.start >= sentence.start)
        .map_or(sentence.start, |t| t.span.end);
    let between =
        format!(" {} ", ctx.text(crate::claim::Span::new(from, span.start))).to_lowercase();
    LATER.iter().any(|w| between.contains(w))
}

/// The event a time is about: one named in the time's own sentence, or,
/// when the sentence opens with a pronoun ("It began at 15:00"), the last
/// one of the sentence before. A time in a sentence about something else
/// ("said one resident at 9:00") is about no event.
fn event_of<'c>(ctx: &'c Context, span: crate::claim::Span) -> Option<&'c EventRef> {
    let event = ctx.event_for(span)?;
    let sentence = ctx.sentence(span.start);
    if event.span.start >= sentence.start && event.span.end <= sentence.end {
        return Some(event);
    }
    let opening = ctx.text(sentence).split_whitespace().next().unwrap_or("");
    matches!(opening, "It" | "This" | "That" | "They" | "Both").then_some(event)
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
    let day = match date_after(ctx, r.first) {
        Some(d) => d,
        None => event.date.ok_or_else(|| {
            format!(
                "the day of the {} is not given, so the time cannot be placed",
                event.label
            )
        })?,
    };
    let tz = zone_of(ctx, r.first)?;
    let written = written_zone(ctx, r.first);
    let written = written.as_deref();
    let start = to_utc(tz, day, r.start, written)?;
    let end = match r.end {
        Some(e) => {
            let mut end = to_utc(tz, day, e, written)?;
            // A window ending before it starts runs past midnight.
            if end < start {
                let next = day.succ_opt().ok_or("date out of range")?;
                end = to_utc(tz, next, e, written)?;
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
        floating: None,
    };
    Ok((value, start.date_naive()))
}

/// The day written right after a time ("1542 GMT Sunday", "at 3 p.m. on
/// Friday"): it dates that time, whatever the event's day.
/// Whether the time is written with a day of its own ("docked on July 19
/// at 11:15 UTC") two or more days from its event's ("launched … on July
/// 16"): it times another happening the sentence tells of, not the event.
/// A day apart is left alone (the same moment on neighbouring days in two
/// zones).
fn other_day(ctx: &Context, t: &TimeMention, event: &EventRef) -> bool {
    let Some(event_day) = event.date else {
        return false;
    };
    date_after(ctx, t)
        .or_else(|| date_before(ctx, t))
        .is_some_and(|own| (own - event_day).num_days().abs() >= 2)
}

/// The day written right before a time: "on July 19 at 11:15".
fn date_before(ctx: &Context, t: &TimeMention) -> Option<NaiveDate> {
    let text = ctx.doc.text.as_str();
    ctx.dates.iter().find_map(|d| {
        if d.span.end > t.span.start || d.span.end + 8 < t.span.start {
            return None;
        }
        let gap = text.get(d.span.end..t.span.start)?.trim().to_lowercase();
        matches!(gap.trim_start_matches(',').trim(), "" | "at")
            .then(|| d.value.as_day())
            .flatten()
    })
}

fn date_after(ctx: &Context, t: &TimeMention) -> Option<NaiveDate> {
    let text = ctx.doc.text.as_str();
    ctx.dates.iter().find_map(|d| {
        if d.span.start < t.span.end || d.span.start > t.span.end + 12 {
            return None;
        }
        let gap = text.get(t.span.end..d.span.start)?.trim().to_lowercase();
        let gap = gap.trim_start_matches([')', ',']).trim();
        matches!(gap, "" | "on" | "of")
            .then(|| d.value.as_day())
            .flatten()
    })
}

/// The zone name as written at the end of the mention ("EST", "CET"), to
/// pick one of two readings in the hour the clocks go back.
fn written_zone(ctx: &Context, t: &TimeMention) -> Option<String> {
    t.zone.as_ref()?;
    ctx.text(t.span)
        .split_whitespace()
        .next_back()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
}

/// Why a time with no zone of its own is not read in the document's zone:
/// it is placed somewhere named ("22:14 … in French Guiana"), or its
/// sentence gives another time in a named zone, so the bare one restates
/// it elsewhere ("10:42 a.m. ET — just before 1 a.m. Monday in Japan").
fn bare_time_elsewhere(ctx: &Context, t: &TimeMention) -> Option<String> {
    if t.zone.is_some() {
        return None;
    }
    let text = ctx.doc.text.as_str();
    let sentence = ctx.sentence(t.span.start);
    let limit = sentence.end.max(t.span.end);
    let after_end = text[t.span.end..limit]
        .char_indices()
        .nth(40)
        .map_or(limit, |(i, _)| t.span.end + i);
    let after = &text[t.span.end..after_end];
    let placed = after
        .split(" in ")
        .nth(1)
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase));
    if placed {
        return Some("the time is given for a named place, not in the document's zone".into());
    }
    let zoned_elsewhere = ctx.mentions.times.iter().any(|o| {
        o.span.start >= sentence.start
            && o.span.end <= sentence.end
            && o.zone
                .as_ref()
                .is_some_and(|z| z.meaning != crate::rules::zones::ZoneMeaning::Local)
    });
    zoned_elsewhere.then(|| {
        "a time with no zone beside one in a named zone: it may restate it elsewhere".into()
    })
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

/// The UTC instant of a wall-clock reading on a local day. A reading in the
/// hour repeated when clocks go back happened twice: it resolves only when
/// the written abbreviation names one of the two offsets ("1:40 a.m. EST"),
/// else it is unresolved ("1:40 a.m. ET"). A reading in the hour skipped
/// when clocks go forward never happened, and is unresolved.
pub fn to_utc(
    tz: Tz,
    day: NaiveDate,
    clock: Clock,
    written: Option<&str>,
) -> Result<DateTime<Utc>, String> {
    let time = NaiveTime::from_hms_opt(clock.hour, clock.minute, 0)
        .ok_or_else(|| format!("{:02}:{:02} is not a clock time", clock.hour, clock.minute))?;
    let local = day.and_time(time);
    let shown = || {
        format!(
            "{} {} ({})",
            day.format("%-d %B %Y"),
            time.format("%H:%M"),
            tz.name()
        )
    };
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let named =
                |t: &DateTime<Tz>| written.is_some_and(|w| t.offset().abbreviation() == Some(w));
            match (named(&a), named(&b)) {
                (true, false) => Ok(a.with_timezone(&Utc)),
                (false, true) => Ok(b.with_timezone(&Utc)),
                _ => Err(format!(
                    "{} happened twice (the clocks went back that night)",
                    shown()
                )),
            }
        }
        LocalResult::None => Err(format!(
            "{} never happened (the clocks went forward that night)",
            shown()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Category;
    use crate::compare::{Finding, Kind};
    use crate::load::{Bundle, Document, Published};
    use crate::rules::Rules;

    fn doc(id: &str, text: &str, published: Option<&str>, tz: Option<&str>) -> Document {
        let mut d = Document::from_text(id, text);
        d.published = published.map(|p| Published::parse(p).unwrap());
        d.timezone = tz.map(|z| z.parse().unwrap());
        d
    }

    fn check(docs: Vec<Document>) -> (Vec<Finding>, Vec<Finding>) {
        let rules = Rules::builtin().unwrap();
        let bundle = Bundle {
            path: "test".into(),
            title: None,
            documents: docs,
            errors: Vec::new(),
        };
        let checked = crate::check_bundle(bundle, &rules);
        (checked.comparison.findings, checked.comparison.agreements)
    }

    fn of(findings: &[Finding], kind: Kind, category: Category) -> Vec<&Finding> {
        findings
            .iter()
            .filter(|f| f.kind == kind && f.category == category)
            .collect()
    }

    fn values(f: &Finding) -> Vec<&str> {
        f.values.iter().map(|v| v.value.as_str()).collect()
    }

    fn clock(hour: u32, minute: u32) -> Clock {
        Clock {
            hour,
            minute,
            minutes_given: true,
        }
    }

    fn utc(tz: &str, day: (i32, u32, u32), at: (u32, u32)) -> String {
        let tz: Tz = tz.parse().unwrap();
        let day = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        to_utc(tz, day, clock(at.0, at.1), None)
            .unwrap()
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn us_dst_edges_use_the_offset_of_the_day() {
        // US clocks went forward on 9 March 2025 and back on 2 November 2025.
        assert_eq!(
            utc("America/New_York", (2025, 3, 8), (12, 0)),
            "2025-03-08 17:00"
        );
        assert_eq!(
            utc("America/New_York", (2025, 3, 9), (12, 0)),
            "2025-03-09 16:00"
        );
        assert_eq!(
            utc("America/New_York", (2025, 11, 1), (12, 0)),
            "2025-11-01 16:00"
        );
        assert_eq!(
            utc("America/New_York", (2025, 11, 2), (12, 0)),
            "2025-11-02 17:00"
        );
        // 02:30 does not exist on 9 March; 01:30 happens twice on 2 November
        // unless the abbreviation written says which.
        let ny: Tz = "America/New_York".parse().unwrap();
        let at = |m, d, h, written| {
            let day = NaiveDate::from_ymd_opt(2025, m, d).unwrap();
            to_utc(ny, day, clock(h, 30), written).map(|t| t.format("%H:%M").to_string())
        };
        assert!(at(3, 9, 2, None).unwrap_err().contains("never happened"));
        assert!(at(11, 2, 1, None).unwrap_err().contains("happened twice"));
        assert!(at(11, 2, 1, Some("ET")).is_err());
        assert_eq!(at(11, 2, 1, Some("EDT")).unwrap(), "05:30");
        assert_eq!(at(11, 2, 1, Some("EST")).unwrap(), "06:30");
    }

    #[test]
    fn eu_dst_edges_use_the_offset_of_the_day() {
        // EU clocks went forward on 30 March 2025 and back on 26 October 2025;
        // in the weeks between, Europe is one hour nearer to New York.
        assert_eq!(
            utc("Europe/Brussels", (2025, 3, 29), (15, 0)),
            "2025-03-29 14:00"
        );
        assert_eq!(
            utc("Europe/Brussels", (2025, 3, 30), (15, 0)),
            "2025-03-30 13:00"
        );
        assert_eq!(
            utc("Europe/Athens", (2025, 10, 25), (15, 0)),
            "2025-10-25 12:00"
        );
        assert_eq!(
            utc("Europe/Athens", (2025, 10, 26), (15, 0)),
            "2025-10-26 13:00"
        );
        assert_eq!(
            utc("Europe/London", (2025, 3, 18), (9, 0)),
            "2025-03-18 09:00"
        );
    }

    #[test]
    fn the_utc_day_can_differ_from_the_local_one() {
        assert_eq!(
            utc("Asia/Tokyo", (2025, 3, 18), (3, 17)),
            "2025-03-17 18:17"
        );
        assert_eq!(
            utc("America/Los_Angeles", (2025, 12, 31), (22, 30)),
            "2026-01-01 06:30"
        );
    }

    #[test]
    fn a_tokyo_quake_and_its_london_report_agree_across_midnight() {
        let (findings, agreements) = check(vec![
            doc(
                "jp",
                "A strong earthquake struck at 3:17 a.m. on Tuesday, officials said.",
                Some("2025-03-18"),
                Some("Asia/Tokyo"),
            ),
            doc(
                "uk",
                "The quake struck at 18:17 GMT on Monday, 17 March 2025.",
                Some("2025-03-17"),
                Some("Europe/London"),
            ),
        ]);
        assert!(of(&findings, Kind::Conflict, Category::Time).is_empty());
        let agreed = of(&agreements, Kind::Agreement, Category::Time);
        assert_eq!(agreed.len(), 1, "{agreements:?}");
        assert_eq!(values(agreed[0]), ["18:17 UTC"]);
        assert_eq!(agreed[0].subject.key, "earthquake@2025-03-17");
    }

    #[test]
    fn a_tokyo_quake_an_hour_off_is_a_conflict() {
        let (findings, _) = check(vec![
            doc(
                "jp",
                "A strong earthquake struck at 3:17 a.m. on Tuesday, officials said.",
                Some("2025-03-18"),
                Some("Asia/Tokyo"),
            ),
            doc(
                "uk",
                "The quake struck at 19:17 GMT on Monday, 17 March 2025.",
                Some("2025-03-17"),
                Some("Europe/London"),
            ),
        ]);
        let conflicts = of(&findings, Kind::Conflict, Category::Time);
        assert_eq!(conflicts.len(), 1, "{findings:?}");
        assert_eq!(values(conflicts[0]), ["18:17 UTC", "19:17 UTC"]);
    }

    #[test]
    fn us_times_across_the_november_change_convert_with_their_own_offset() {
        // 1 November is still EDT (UTC−4); 4 November is EST (UTC−5). A wire
        // copy in GMT for each agrees; reading both as one offset would not.
        let (findings, agreements) = check(vec![
            doc(
                "us",
                "The plane landed at 2:17 p.m. ET on November 1, 2025. \
                 Its sister flight landed at 2:17 p.m. ET on November 4, 2025.",
                Some("2025-11-04"),
                Some("America/New_York"),
            ),
            doc(
                "wire",
                "The plane landed at 18:17 GMT on 1 November 2025. \
                 The sister flight landed at 19:17 GMT on 4 November 2025.",
                Some("2025-11-04"),
                None,
            ),
        ]);
        assert!(
            of(&findings, Kind::Conflict, Category::Time).is_empty(),
            "{findings:?}"
        );
        let mut agreed: Vec<(String, Vec<&str>)> = of(&agreements, Kind::Agreement, Category::Time)
            .into_iter()
            .map(|f| (f.subject.key.clone(), values(f)))
            .collect();
        agreed.sort();
        assert_eq!(
            agreed,
            [
                ("landing@2025-11-01".to_string(), vec!["18:17 UTC"]),
                ("landing@2025-11-04".to_string(), vec!["19:17 UTC"]),
            ]
        );
    }

    #[test]
    fn a_time_with_no_day_is_placed_on_the_day_others_give() {
        // A radio transcript with no date: 4:50 a.m. Central time is 09:50
        // UTC on the day the wire gives (CDT, UTC−5, on 27 August 2025).
        let (findings, agreements) = check(vec![
            doc(
                "radio",
                "The hurricane came ashore at 4:50 a.m. Central time.",
                None,
                None,
            ),
            doc(
                "wire",
                "The hurricane made landfall at 0950 UTC on Wednesday.",
                Some("2025-08-27T10:40:00+00:00"),
                None,
            ),
        ]);
        assert!(
            of(&findings, Kind::Conflict, Category::Time).is_empty(),
            "{findings:?}"
        );
        let agreed = of(&agreements, Kind::Agreement, Category::Time);
        assert_eq!(agreed.len(), 1, "{agreements:?}");
        assert_eq!(agreed[0].subject.key, "landfall@2025-08-27");
        assert_eq!(values(agreed[0]), ["09:50 UTC"]);
        // An hour off is a conflict once placed.
        let (findings, _) = check(vec![
            doc(
                "radio",
                "The hurricane came ashore at 5:50 a.m. Central time.",
                None,
                None,
            ),
            doc(
                "wire",
                "The hurricane made landfall at 0950 UTC on Wednesday.",
                Some("2025-08-27T10:40:00+00:00"),
                None,
            ),
        ]);
        assert_eq!(of(&findings, Kind::Conflict, Category::Time).len(), 1);
    }

    #[test]
    fn a_bare_time_beside_a_zoned_one_is_not_read_in_the_documents_zone() {
        // "9:00, or 14:00 GMT": the bare 9:00 restates 14:00 GMT in some
        // other clock (New York's would make it 13:00 UTC, a false
        // conflict with the wire). Only the zoned time makes a claim.
        let (findings, agreements) = check(vec![
            doc(
                "ny",
                "The summit opened at 9:00, or 14:00 GMT, on 18 March 2025.",
                None,
                Some("America/New_York"),
            ),
            doc(
                "wire",
                "The summit opened at 14:00 GMT on 18 March 2025.",
                None,
                None,
            ),
        ]);
        assert!(
            of(&findings, Kind::Conflict, Category::Time).is_empty(),
            "{findings:?}"
        );
        let agreed = of(&agreements, Kind::Agreement, Category::Time);
        assert_eq!(agreed.len(), 1, "{agreements:?}");
        assert_eq!(values(agreed[0]), ["14:00 UTC"]);
        // Alone in its sentence, the same bare 9:00 is New York's clock.
        let (findings, _) = check(vec![
            doc(
                "ny",
                "The summit opened at 9:00 on 18 March 2025.",
                None,
                Some("America/New_York"),
            ),
            doc(
                "wire",
                "The summit opened at 14:00 GMT on 18 March 2025.",
                None,
                None,
            ),
        ]);
        assert_eq!(of(&findings, Kind::Conflict, Category::Time).len(), 1);
    }

    #[test]
    fn calls_on_different_days_are_kept_apart() {
        let (findings, _) = check(vec![
            doc(
                "a",
                "The leaders held a phone call at 14:00 GMT on February 12, 2025.",
                None,
                None,
            ),
            doc(
                "b",
                "The leaders held a phone conversation at 16:00 GMT on March 18, 2025.",
                None,
                None,
            ),
        ]);
        assert!(
            of(&findings, Kind::Conflict, Category::Time).is_empty(),
            "{findings:?}"
        );
        assert!(
            of(&findings, Kind::Conflict, Category::Date).is_empty(),
            "{findings:?}"
        );
    }

    #[test]
    fn a_point_fits_a_window_and_hedges_widen() {
        let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2025, 3, 18, h, m, 0).unwrap();
        let window = TimeValue {
            start: at(13, 0),
            end: Some(at(15, 0)),
            minutes_given: true,
            hedge: None,
            floating: None,
        };
        let point = |h, m, minutes_given, hedge| TimeValue {
            start: at(h, m),
            end: None,
            minutes_given,
            hedge,
            floating: None,
        };
        assert!(window.compatible(&point(13, 0, true, None)));
        assert!(window.compatible(&point(14, 30, true, None)));
        assert!(!window.compatible(&point(10, 0, true, None)));
        assert!(!point(13, 0, true, None).compatible(&point(13, 20, true, None)));
        assert!(point(13, 0, false, None).compatible(&point(13, 20, true, None)));
        assert!(point(13, 0, true, Some(Hedge::About)).compatible(&point(13, 10, true, None)));
        assert!(
            point(13, 0, true, Some(Hedge::ShortlyAfter)).compatible(&point(13, 25, true, None))
        );
        assert!(
            !point(13, 0, true, Some(Hedge::ShortlyAfter)).compatible(&point(12, 50, true, None))
        );
        assert_eq!(window.to_string(), "13:00–15:00 UTC");
        assert_eq!(
            point(9, 5, true, Some(Hedge::About)).to_string(),
            "about 09:05 UTC"
        );
    }
}
