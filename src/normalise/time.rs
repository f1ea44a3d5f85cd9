//! Normalisation of clock times: to UTC instants and windows.
//!
//! Takes the [`TimeMention`]s of one document and hands on `time` claims,
//! each with the frame of the happening it times (what its clause says
//! happened: "the ferry capsized", "the call began"); a time whose clause
//! names nothing that happened makes no claim. The day is the one
//! [`when::Days`] finds for it (a date beside it, in its clause or
//! sentence, the day the document gives the same happening, or the
//! lead's); the zone is the one written after it ("GMT", "Moscow time"),
//! the document's `timezone` for "local time" and for a bare time with no
//! zone at all (news copy writes its own zone bare), and otherwise the time
//! is unresolved: no zone known, "local time" in a document with none, an
//! ambiguous abbreviation the document's zone does not decide. chrono-tz
//! converts with the offset of that very day, so daylight saving is right,
//! and the UTC day may differ from the local one.
//!
//! A bare time whose sentence also gives a time in a named zone ("at 9:00,
//! or 14:00 GMT") or places it ("00:42 … in Tokyo") is the same moment
//! written in some other clock, the document's or the event's place's: it
//! makes no claim and is not reported (the zoned time carries the value),
//! since reading it in the document's zone would raise false conflicts.
//! A sentence that moves a time ("postponed from 3 p.m. to 5 p.m.") and a
//! time of a later happening told after the first ("… and another at
//! 4:02") make no claim either.
//!
//! A start and an end in one sentence ("At 15:00 … until 17:00") make one
//! window.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::Context;
use super::frame::{self, Shape};
use super::when;
use crate::claim::frame::Frame;
use crate::claim::time::{Clock, Floating, TimeValue, to_utc};
use crate::claim::{Anchor, Category, Claim, DocClaims, Skipped, Span, Unresolved, Value};
use crate::extract::time::{Role, TimeMention};
use crate::rules::words::{Class, Cue};
use crate::rules::zones;

/// A time mention, possibly joined with the end that follows it.
struct Reading<'m> {
    first: &'m TimeMention,
    start: Clock,
    end: Option<Clock>,
    /// Where a joined end is written ("until 17:00"), if apart from the start.
    end_span: Option<Span>,
}

/// The time claims of one document.
pub fn claims(ctx: &Context, days: &when::Days) -> DocClaims {
    let mut out = DocClaims::default();
    for r in readings(ctx) {
        let span = r.first.span;
        let skip = |out: &mut DocClaims, reason: &str| {
            out.skipped.push(Skipped {
                anchor: Anchor { doc: 0, span },
                category: Category::Time,
                reason: reason.to_string(),
            });
        };
        if rescheduled(ctx, span) {
            skip(
                &mut out,
                "a moved time: the old and the new are no claim about one moment",
            );
            continue;
        }
        if later_sub_event(ctx, span) {
            skip(
                &mut out,
                "a later happening told after the first in its sentence",
            );
            continue;
        }
        if bare_time_elsewhere(ctx, r.first).is_some() {
            // Not ours to place; no claim rather than a guess.
            skip(
                &mut out,
                "a bare clock beside a zoned time it restates in another clock",
            );
            continue;
        }
        let frame = frame::build(ctx, span, "instant", Shape::Moment);
        if frame.predicate.is_none() && frame.theme.is_none() {
            skip(
                &mut out,
                "about nothing the sentence names (no verb or noun it times)",
            );
            continue;
        }
        let anchor = Anchor { doc: 0, span };
        let day = days.day_for(span, &frame);
        match normalise_reading(ctx, &r, day) {
            Ok(value) => {
                let minutes = value.end.map(|end| (end - value.start).num_minutes());
                out.claims.extend(window_length(ctx, &r, minutes, &frame));
                out.claims.push(Claim {
                    anchor,
                    category: Category::Time,
                    frame,
                    value: Value::Time(value),
                })
            }
            Err(reason) => {
                // A window's length needs no zone: read it off the clock
                // faces (a DST change inside it is too rare to refuse for).
                let minutes = r.end.map(|end| {
                    let m = |c: Clock| i64::from(c.hour * 60 + c.minute);
                    (m(end) - m(r.start)).rem_euclid(24 * 60)
                });
                out.claims.extend(window_length(ctx, &r, minutes, &frame));
                match floating(ctx, &r, day) {
                    // No day, but a zone: comparison may place it on the one
                    // day the bundle gives this happening (see compare::time).
                    Some(value) => out.claims.push(Claim {
                        anchor,
                        category: Category::Time,
                        frame,
                        value: Value::Time(value),
                    }),
                    None => out.unresolved.push(Unresolved {
                        anchor,
                        category: Category::Time,
                        frame,
                        reason,
                    }),
                }
            }
        }
    }
    out
}

/// The length a planned window gives its happening ("the talks will run
/// from 15:00 until 17:00"), as a duration claim with the window's frame,
/// so it can agree or conflict with "two hours were set aside for the
/// talks". Only planned windows: the window of a past happening often
/// bounds rather than measures it. And not a "between" window ("expected
/// to take place between 16:00 and 18:00"): it bounds the happening, which
/// may fill only part of it.
fn window_length(ctx: &Context, r: &Reading, minutes: Option<i64>, frame: &Frame) -> Option<Claim> {
    let minutes = minutes?;
    if frame.modality != crate::claim::frame::Modality::Plan {
        return None;
    }
    let span = Span::new(r.first.span.start, r.end_span.unwrap_or(r.first.span).end);
    let text = ctx.doc.text.as_str();
    let from = ctx.sentence(span.start).start.min(span.start);
    let word_before = text
        .get(from..span.start)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let written = ctx
        .text(r.first.span)
        .split_whitespace()
        .next()
        .unwrap_or("");
    if [word_before, written]
        .iter()
        .any(|w| w.eq_ignore_ascii_case("between"))
    {
        return None;
    }
    super::quantity::duration_of_time_range(span, minutes, frame)
}

/// A wall-clock time in a known zone whose day is not given: floating, to
/// be placed by comparison.
fn floating(ctx: &Context, r: &Reading, day: Option<NaiveDate>) -> Option<TimeValue> {
    if day.is_some() {
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
        document_zone: document_zone(ctx, r.first, tz),
    })
}

/// Whether the sentence moves a time (`reschedule` in `rules/words.toml`):
/// its times are the old and the new, not two claims about one moment.
fn rescheduled(ctx: &Context, span: Span) -> bool {
    let range = ctx.index.sentence_token_range(span.start);
    let tokens = &ctx.index.tokens[range];
    let cues = &ctx.rules.words.cues;
    // Cues are stems: "postpon" covers "postponed". Only a cue before the
    // time moves it ("postponed from 3 p.m. to 5 p.m."); "… at 6:14 p.m.,
    // a delay caused by winds" tells why, after the fact.
    // Only the words just before the time (as many as a frame reads), so a
    // sentence of thousands of times costs each the same.
    let before = tokens.partition_point(|t| t.span.start < span.start);
    (before.saturating_sub(60)..before).any(|i| {
        cues.at(tokens, i, |t, p| t.stem.starts_with(p))
            .is_some_and(|(_, c)| *c == Cue::Reschedule)
    })
}

/// Whether words between an earlier time of the sentence and this one say
/// this time is of a later happening ("… at 3:17 a.m., and another at
/// 4:02 a.m."): such a time is not compared with the first one's happening.
fn later_sub_event(ctx: &Context, span: Span) -> bool {
    let sentence = ctx.sentence(span.start);
    let Some(from) = ctx
        .times_in(Span::new(sentence.start, span.start))
        .iter()
        .rev()
        .find(|t| t.span.end <= span.start)
        .map(|t| t.span.end)
    else {
        return false;
    };
    ctx.index.tokens[ctx.index.tokens_in(Span::new(from, span.start))]
        .iter()
        .any(|t| t.class.has(Class::SEQUEL))
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
            end_span: joined_end[i].map(|j| times[j].span),
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
    day: Option<NaiveDate>,
) -> Result<TimeValue, String> {
    let day =
        day.ok_or_else(|| "the day of this time is not given, so it cannot be placed".to_string())?;
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
    Ok(TimeValue {
        start,
        end,
        minutes_given: r.start.minutes_given,
        hedge: r.first.hedge,
        floating: None,
        document_zone: document_zone(ctx, r.first, tz),
    })
}

/// For a time read in the document's zone (no zone written with it), the
/// zone's name and whether its sentence says "local time".
fn document_zone(ctx: &Context, t: &TimeMention, tz: Tz) -> Option<(String, bool)> {
    if t.zone.is_some() {
        return None;
    }
    let sentence = ctx.sentence(t.span.start);
    let local = ctx.times_in(sentence).iter().any(|o| {
        o.span.end <= sentence.end
            && o.zone
                .as_ref()
                .is_some_and(|z| z.meaning == crate::rules::zones::ZoneMeaning::Local)
    });
    Some((tz.name().to_string(), local))
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
    // "4:30 p.m. local time Monday, which was 2:30 a.m. Eastern time": the
    // place's clock beside a named zone is the same moment told twice, and
    // the place need not be the document's (an American paper on an
    // Australian fire), so a "local time" there is left to the named one.
    let local = t
        .zone
        .as_ref()
        .is_some_and(|z| z.meaning == crate::rules::zones::ZoneMeaning::Local);
    if t.zone.is_some() && !local {
        return None;
    }
    if local && ctx.doc.timezone.is_none() {
        return None; // left unresolved: the document names no zone
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
    if placed && !local {
        return Some("the time is given for a named place, not in the document's zone".into());
    }
    // "due in Broken Hill at 11.45am (12.15pm AEDT)": a zoned time in
    // brackets right after a bare clock restates it in another clock,
    // even in the document's own zone (the place keeps another).
    let restated = ctx.times_in(sentence).iter().any(|o| {
        o.span.start > t.span.end
            && o.zone
                .as_ref()
                .is_some_and(|z| z.meaning != crate::rules::zones::ZoneMeaning::Local)
            && text[t.span.end..o.span.start].trim() == "("
    });
    if restated {
        return Some("a bare clock restated in brackets in a named zone".into());
    }
    // A named zone that is the document's own ("left at 9:10 a.m. Alaska
    // time, landed at 3:02 p.m." in an Anchorage paper) puts a bare clock
    // in no other place; a "local time" beside it is still the place's.
    let zoned_elsewhere = ctx.times_in(sentence).iter().any(|o| {
        o.span != t.span
            && o.span.end <= sentence.end
            && o.zone.as_ref().is_some_and(|z| {
                z.meaning != crate::rules::zones::ZoneMeaning::Local
                    && (local
                        || zones::Compiled::resolve(z, ctx.doc.timezone).ok() != ctx.doc.timezone)
            })
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
        let checked = crate::check_bundle(Bundle::in_memory("test", docs), &rules);
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
    fn the_order_takes_up_the_evacuation_of_the_sentence_before() {
        // 9:15 a.m. EDT on 14 May 2025 is 13:15 UTC; 14:15 BST is 13:15 UTC.
        let (findings, agreements) = check(vec![
            doc(
                "us",
                "Officials ordered the evacuation of the valley on Wednesday. \
                 The order was issued at 2:15 p.m. local time, which was 9:15 a.m. Eastern time.",
                Some("2025-05-14"),
                Some("America/New_York"),
            ),
            doc(
                "uk",
                "The evacuation order was issued at 14:15 BST on Wednesday.",
                Some("2025-05-14"),
                Some("Europe/London"),
            ),
        ]);
        // "2:15 p.m. local time" restates the Eastern time in the valley's
        // clock: read in New York it would be a false conflict.
        assert!(of(&findings, Kind::Conflict, Category::Time).is_empty());
        let agreed = of(&agreements, Kind::Agreement, Category::Time);
        assert_eq!(agreed.len(), 1, "{agreements:?}");
        assert_eq!(values(agreed[0]), ["13:15 UTC"]);
        // The order of the sentence itself: "issued", on the day.
        assert!(
            agreed[0].subject.key.contains("theme=order"),
            "{:?}",
            agreed[0].subject
        );
        assert!(agreed[0].subject.key.contains("when=2025-05-14"));
    }

    #[test]
    fn a_report_opening_the_sentence_is_not_the_event() {
        // "The report" shares no stem with the words at "evacuation order".
        let (findings, agreements) = check(vec![
            doc(
                "a",
                "The evacuation order came on Wednesday. The report was filed at 9:00.",
                Some("2025-05-14"),
                Some("Europe/London"),
            ),
            doc(
                "b",
                "The evacuation order came at 11:00 on Wednesday.",
                Some("2025-05-14"),
                Some("Europe/London"),
            ),
        ]);
        assert!(of(&findings, Kind::Conflict, Category::Time).is_empty());
        assert!(of(&agreements, Kind::Agreement, Category::Time).is_empty());
    }

    #[test]
    fn a_date_glued_to_a_later_clause_does_not_date_the_event() {
        // The docking was Tuesday 13 May (14:00 BST = 13:00 UTC); the
        // Sunday belongs to the other clause's 6 a.m. (Without the rule the
        // docking would take Sunday, the nearest date of its sentence.)
        let (findings, agreements) = check(vec![
            doc(
                "a",
                "The capsule reached the station on Tuesday. It docked at 14:00 BST, two days after \
                 its crew was woken on the coast at 6 a.m. on Sunday.",
                Some("2025-05-13"),
                Some("Europe/London"),
            ),
            doc(
                "b",
                "The capsule docked at 9:00 a.m. EDT on Tuesday.",
                Some("2025-05-13"),
                Some("America/New_York"),
            ),
        ]);
        assert!(of(&findings, Kind::Conflict, Category::Time).is_empty());
        let agreed = of(&agreements, Kind::Agreement, Category::Time);
        assert_eq!(agreed.len(), 1, "{agreements:?}");
        assert!(
            agreed[0].subject.key.contains("pred=docking"),
            "{:?}",
            agreed[0].subject
        );
        assert!(agreed[0].subject.key.contains("when=2025-05-13"));
        assert_eq!(values(agreed[0]), ["13:00 UTC"]);
    }

    #[test]
    fn a_departure_an_hour_apart_is_a_conflict() {
        let (findings, _) = check(vec![
            doc(
                "a",
                "The minister left the ministry at 11.40am on Tuesday.",
                Some("2025-03-04"),
                Some("Europe/London"),
            ),
            doc(
                "b",
                "The minister was seen leaving the ministry at 10.40am on Tuesday.",
                Some("2025-03-04"),
                Some("Europe/London"),
            ),
        ]);
        let conflicts = of(&findings, Kind::Conflict, Category::Time);
        assert_eq!(conflicts.len(), 1, "{findings:?}");
        assert_eq!(values(conflicts[0]), ["11:40 UTC", "10:40 UTC"]);
    }

    #[test]
    fn a_planned_window_agrees_with_its_stated_length() {
        let (findings, agreements) = check(vec![
            doc(
                "a",
                "The talks are scheduled to run from 15:00 until 17:00 on Tuesday.",
                Some("2025-03-17"),
                Some("Europe/London"),
            ),
            doc(
                "b",
                "The talks on Tuesday are expected to last two hours.",
                Some("2025-03-17"),
                Some("Europe/London"),
            ),
        ]);
        assert!(of(&findings, Kind::Conflict, Category::Duration).is_empty());
        let agreed = of(&agreements, Kind::Agreement, Category::Duration);
        assert_eq!(agreed.len(), 1, "{agreements:?}");
        assert_eq!(values(agreed[0]), ["2 hours"]);
    }

    #[test]
    fn a_between_window_is_a_bound_not_a_length() {
        // A 90-minute call fits a 16:00–18:00 slot: no duration conflict.
        let (findings, agreements) = check(vec![
            doc(
                "a",
                "The call is expected to take place between 16:00 and 18:00 on Tuesday.",
                Some("2025-03-17"),
                Some("Europe/London"),
            ),
            doc(
                "b",
                "The call on Tuesday is expected to last 90 minutes.",
                Some("2025-03-17"),
                Some("Europe/London"),
            ),
        ]);
        assert!(of(&findings, Kind::Conflict, Category::Duration).is_empty());
        assert!(of(&agreements, Kind::Agreement, Category::Duration).is_empty());
    }

    #[test]
    fn an_earlier_happening_of_the_kind_does_not_date_a_time() {
        // "It followed a conversation on June 2": June 2 is the earlier
        // call's day; the call timed here is on the day of publication.
        let (findings, agreements) = check(vec![
            doc(
                "ottawa",
                "The call started at 4:30 p.m. ET, officials said. It followed a 40-minute conversation on June 2.",
                Some("2025-06-24T19:00:00-04:00"),
                Some("America/Toronto"),
            ),
            doc(
                "wire",
                "The call started at 2030 GMT on Tuesday.",
                Some("2025-06-25T00:10:00+00:00"),
                None,
            ),
        ]);
        assert!(
            of(&findings, Kind::Conflict, Category::Time).is_empty(),
            "{findings:?}"
        );
        let agreed = of(&agreements, Kind::Agreement, Category::Time);
        assert_eq!(agreed.len(), 1, "{agreements:?}");
        assert_eq!(agreed[0].values[0].evidence.len(), 2, "{agreed:?}");
    }

    #[test]
    fn two_peoples_departures_are_not_compared_but_one_persons_are() {
        let docs = |second: &str| {
            vec![
                doc(
                    "a",
                    "Ms Carter left the ministry at 11.40am on Tuesday.",
                    Some("2025-03-04"),
                    Some("Europe/London"),
                ),
                doc(
                    "b",
                    &format!("{second} was seen leaving the ministry at 10.40am on Tuesday."),
                    Some("2025-03-04"),
                    Some("Europe/London"),
                ),
            ]
        };
        let (findings, _) = check(docs("Mr Hale"));
        assert!(of(&findings, Kind::Conflict, Category::Time).is_empty());
        let (findings, _) = check(docs("Ms Carter"));
        let conflicts = of(&findings, Kind::Conflict, Category::Time);
        assert_eq!(conflicts.len(), 1, "{findings:?}");
        // Her departure: "leave" is a departure word (the agent tells the
        // two apart).
        assert!(
            conflicts[0].subject.key.contains("pred=departure"),
            "{:?}",
            conflicts[0].subject
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
        assert!(
            agreed[0].subject.key.contains("theme=earthquake"),
            "{:?}",
            agreed[0].subject
        );
        assert!(agreed[0].subject.key.contains("when=2025-03-17"));
    }

    #[test]
    fn a_tokyo_quake_an_hour_off_is_a_conflict() {
        let (findings, _) = check(vec![
            doc(
                "jp",
                "A strong earthquake struck at 3:17 a.m. local time on Tuesday, officials said.",
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
        // Bare, the Tokyo clock is only the document's zone: a wire copy
        // about a far-off quake gives the place's clock bare just as often,
        // so the reading may agree but is not trusted to contradict.
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
        assert!(of(&findings, Kind::Conflict, Category::Time).is_empty());
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
            .map(|f| (f.subject.label.clone(), values(f)))
            .collect();
        agreed.sort();
        assert_eq!(
            agreed,
            [
                (
                    "landing flight on 2025-11-04 (instant)".to_string(),
                    vec!["19:17 UTC"]
                ),
                (
                    "landing plane on 2025-11-01 (instant)".to_string(),
                    vec!["18:17 UTC"]
                ),
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
        assert!(
            agreed[0].subject.key.contains("theme=landfall"),
            "{:?}",
            agreed[0].subject
        );
        assert!(agreed[0].subject.key.contains("when=2025-08-27"));
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
        // Alone in its sentence and said to be local, the same 9:00 is New
        // York's clock, an hour off the wire's.
        let (findings, _) = check(vec![
            doc(
                "ny",
                "The summit opened at 9:00 local time on 18 March 2025.",
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
    fn a_bare_time_beside_one_in_the_documents_own_zone_is_read() {
        // An Anchorage paper's "Alaska time" is its own clock: the bare
        // 3:02 p.m. after it is Alaska's too, and sides with New York's
        // 7:02 p.m. EST against the wire's hour-off GMT.
        let (findings, _) = check(vec![
            doc(
                "anchorage",
                "The jet, which left at 9:10 a.m. Alaska time, landed at 3:02 p.m. on 3 November 2026.",
                None,
                Some("America/Anchorage"),
            ),
            doc(
                "ny",
                "The jet landed at 7:02 p.m. EST on 3 November 2026.",
                None,
                None,
            ),
            doc(
                "wire",
                "The jet landed at 23:02 GMT on 3 November 2026.",
                None,
                None,
            ),
        ]);
        let conflicts = of(&findings, Kind::Conflict, Category::Time);
        assert_eq!(conflicts.len(), 1, "{findings:?}");
        let cited: Vec<usize> = conflicts[0]
            .values
            .iter()
            .flat_map(|v| &v.evidence)
            .map(|e| e.doc)
            .collect();
        assert!(cited.contains(&0), "{findings:?}");
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
}
