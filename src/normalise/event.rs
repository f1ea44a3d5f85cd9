//! Events: which happening a time, date or number is about, and its day.
//!
//! Takes the event triggers and the dates of one document and hands on
//! [`EventRef`]s (for `Context::events`) with each event's local day,
//! found by these rules, in order:
//! 1. a date in the same sentence: every date goes to the nearest trigger
//!    of its sentence, and a trigger takes the nearest of the dates it got
//!    ("since January 20 … following their first conversation on February
//!    12" gives the conversation 12 February). Dates after "since", "until",
//!    "before", "after", "from" bound a period rather than date an event,
//!    and are skipped;
//! 2. else the day of the document's first dated mention of the same kind
//!    that is not one of a series (the document's main event of that kind);
//! 3. else the day the story's lead gives (see [`lead_date`]), when no
//!    earlier mention of the kind is dated;
//! 4. else no day.
//!
//! A trigger right after "first", "previous", "earlier", "last", "next",
//! "another", … is one of a series: it keeps its own day (so its facts stay
//! apart) but lends it to no other mention and makes no date claim.
//! ("today" is a date like any other: it dates the event of its sentence
//! with the publication day.)

use super::{Context, EventRef, date};
use crate::claim::Span;

/// A date as one event mention got it from its own sentence.
#[derive(Clone, Debug)]
pub struct OwnDate {
    pub span: Span,
    pub value: Result<crate::claim::date::DateValue, String>,
}

/// An event with how its day was found.
#[derive(Clone, Debug)]
pub struct EventInfo {
    pub event: EventRef,
    pub own_date: Option<OwnDate>,
    pub series: bool,
}

/// Words before a trigger that make it one of a series of such events.
const SERIES: &[&str] = &[
    "first",
    "second",
    "third",
    "new",
    "previous",
    "earlier",
    "initial",
    "prior",
    "last",
    "next",
    "another",
    "past",
    "former",
    "later",
    "subsequent",
    "preceding",
    "latest",
    "replacement",
];

/// Words right before a date that make it the bound of a period.
const BOUNDS: &[&str] = &[
    "since", "until", "till", "before", "after", "from", "by", "through",
];

/// Resolves this document's event mentions, each with its date.
pub fn resolve(ctx: &Context) -> Vec<EventRef> {
    detailed(ctx).into_iter().map(|i| i.event).collect()
}

/// The events with the provenance of their days (for date claims).
pub fn detailed(ctx: &Context) -> Vec<EventInfo> {
    let text = ctx.doc.text.as_str();
    let kinds = &ctx.rules.events.kinds;
    let dates = date::resolve_all(ctx);
    let mentions = &ctx.mentions.events;
    // Each date goes to the nearest trigger of its sentence.
    let mut own: Vec<Option<(usize, OwnDate)>> = vec![None; mentions.len()];
    for (span, value) in &dates {
        if is_bound(text, *span) {
            continue;
        }
        let sentence_of_date = ctx.sentence(span.start);
        if is_dateline(text, *span, sentence_of_date) {
            continue;
        }
        let sentence = ctx.sentence(span.start);
        // "Monday's close": a possessive day dates only the noun after it.
        let possessive = text[span.end..].starts_with("'s") || text[span.end..].starts_with("’s");
        let nearest = mentions
            .iter()
            .enumerate()
            .filter(|(_, e)| e.span.start >= sentence.start && e.span.end <= sentence.end)
            .filter(|(_, e)| {
                !possessive || (e.span.start >= span.end && e.span.start <= span.end + 5)
            })
            .filter(|(_, e)| !dates_later_time(ctx, e.span, *span, sentence_of_date))
            .min_by_key(|(_, e)| distance(e.span, *span));
        if let Some((i, e)) = nearest {
            let d = distance(e.span, *span);
            if own[i].as_ref().is_none_or(|(best, _)| d < *best) {
                own[i] = Some((
                    d,
                    OwnDate {
                        span: *span,
                        value: value.clone(),
                    },
                ));
            }
        }
    }
    let lead = lead_date(ctx, &dates);
    let mut out: Vec<EventInfo> = Vec::with_capacity(mentions.len());
    for (m, own) in mentions.iter().zip(own) {
        let Some(kind) = kinds.get(m.kind) else {
            continue;
        };
        let own = own.map(|(_, o)| o);
        let series = is_series(text, m.span);
        let date = match &own {
            Some(o) => o.value.as_ref().ok().and_then(|v| v.as_day()),
            // A series member ("the previous call") is not the main event.
            None if series => None,
            None => out
                .iter()
                .find(|e| e.event.kind == kind.id && !e.series && e.own_date.is_some())
                .and_then(|e| e.event.date)
                .or(lead),
        };
        out.push(EventInfo {
            event: EventRef {
                kind: kind.id.clone(),
                label: kind.label.clone(),
                date,
                span: m.span,
            },
            own_date: own,
            series,
        });
    }
    out
}

/// Whether a date after a trigger dates another, later time of the
/// sentence rather than the event: the date is written right after a time
/// ("at 2 a.m. on Sunday"), and an earlier time after the trigger is set
/// apart from that one by a clause of its own ("The evacuation order was
/// issued at 4:30 p.m. AEDT, a day after clocks went forward at 2 a.m. on
/// Sunday"). A time restated in brackets ("4:30 p.m. AEDT (0530 GMT) on
/// Monday") is not a clause apart, so its date stays the event's.
fn dates_later_time(ctx: &Context, trigger: Span, date: Span, sentence: Span) -> bool {
    if date.start < trigger.end {
        return false;
    }
    let text = ctx.doc.text.as_str();
    let times: Vec<Span> = ctx
        .mentions
        .times
        .iter()
        .map(|t| t.span)
        .filter(|t| t.start >= trigger.end && t.end <= date.start && t.start >= sentence.start)
        .collect();
    let (Some(first), Some(glued)) = (times.first(), times.last()) else {
        return false;
    };
    let gap = text.get(glued.end..date.start).unwrap_or("x").trim();
    let glued_to_date = matches!(gap.trim_start_matches([')', ',']).trim(), "" | "on");
    let between = text.get(first.end..glued.start).unwrap_or("");
    let words = between
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    glued_to_date && first != glued && words >= 4
}

/// Whether a date is a dateline's ("TOKYO, Jan. 13 -- The ship docked
/// …"): it dates the filing, in the filing city's calendar, not the event
/// the sentence tells of. The shape: the sentence opens with a capitalised
/// place and a comma, and the date is followed by a dash or an agency in
/// brackets.
fn is_dateline(text: &str, date: Span, sentence: Span) -> bool {
    let Some(before) = text.get(sentence.start..date.start) else {
        return false;
    };
    let Some(place) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let place = place.trim();
    let capitals = !place.is_empty()
        && place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
    let after = text.get(date.end..).unwrap_or("").trim_start();
    let marked = ["--", "—", "–", "- ", "("]
        .iter()
        .any(|m| after.starts_with(m));
    capitals && marked
}

/// How many sentences make a story's lead, which dates its main event.
const LEAD_SENTENCES: usize = 3;

/// The day of the story's main event as its lead gives it: the first single
/// day written in the first sentences ("… won the cup on Saturday"), if it
/// lies within a week before (or a day after) publication. News leads date
/// the main event and later sentences about it ("The final kicked off at
/// 21:30") rarely repeat the day.
fn lead_date(
    ctx: &Context,
    dates: &[(Span, Result<crate::claim::date::DateValue, String>)],
) -> Option<chrono::NaiveDate> {
    let end = ctx
        .mentions
        .sentences
        .get(LEAD_SENTENCES - 1)
        .or(ctx.mentions.sentences.last())?
        .end;
    let text = ctx.doc.text.as_str();
    let day = dates
        .iter()
        .filter(|(span, _)| span.end <= end && !is_bound(text, *span))
        .find_map(|(_, v)| v.as_ref().ok().and_then(|v| v.as_day()))?;
    match ctx.today() {
        Some(p) => {
            let ago = (p - day).num_days();
            (-1..=7).contains(&ago).then_some(day)
        }
        None => Some(day),
    }
}

/// Characters between two spans (0 when they touch); a date after its
/// trigger wins a tie ("the call on 18 March").
fn distance(event: Span, date: Span) -> usize {
    if date.start >= event.end {
        (date.start - event.end) * 2
    } else {
        event.start.saturating_sub(date.end) * 2 + 1
    }
}

fn last_words(before: &str, n: usize) -> Vec<String> {
    before
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(|w| w.to_lowercase())
        .collect()
}

fn is_bound(text: &str, span: Span) -> bool {
    last_words(&text[..span.start], 1)
        .first()
        .is_some_and(|w| BOUNDS.contains(&w.as_str()))
}

fn is_series(text: &str, span: Span) -> bool {
    series_word(text, span).is_some()
}

/// The word that makes a trigger one of a series ("second" in "a second
/// quake"), if any, lower-cased. Time claims key on it, so a second quake's
/// time is not compared with the first one's.
pub fn series_word(text: &str, span: Span) -> Option<String> {
    last_words(&text[..span.start.min(text.len())], 3)
        .into_iter()
        .find(|w| SERIES.contains(&w.as_str()))
}
