//! Which day a happening is on, for the times that do not say.
//!
//! A time needs a day to be placed in UTC. News copy dates a happening
//! once ("capsized early on Saturday") and then gives its times bare ("at
//! 3:40 a.m."). [`Days::day_for`] finds the day a time at a span is on, in
//! this order:
//! 1. a date written right after or before the time ("1542 GMT Sunday",
//!    "on July 19 at 11:15");
//! 2. a date in the time's own clause, then in its sentence (the nearest),
//!    that neither bounds a period ("since Monday") nor dates a
//!    dateline ("TOKYO, Jan. 13 --") nor a later time set apart by a
//!    clause of its own;
//! 3. the day the document's date claims give the same predicate or theme
//!    (the happening dated in one sentence, timed in another);
//! 4. the day the story's lead gives (see [`lead_date`]).

use chrono::NaiveDate;

use super::{Context, DateRef};
use crate::claim::frame::Frame;
use crate::claim::{Claim, Span, Value};
use crate::rules::words::Class;

/// What a document says of days, for placing its times.
pub struct Days<'c, 'a> {
    ctx: &'c Context<'a>,
    lead: Option<NaiveDate>,
    /// The days the document's date claims give their frames, with
    /// whether the date's clause sets its happening apart ("It followed a
    /// conversation on June 2": an earlier one), and where it is written.
    dated: Vec<(Frame, NaiveDate, bool, Span)>,
}

impl<'c, 'a> Days<'c, 'a> {
    pub fn new(ctx: &'c Context<'a>, date_claims: &[Claim]) -> Self {
        let dated = date_claims
            .iter()
            .filter_map(|c| match &c.value {
                Value::Date(d) => d.as_day().map(|day| {
                    let apart = sequel_before(ctx, c.anchor.span);
                    (c.frame.clone(), day, apart, c.anchor.span)
                }),
                _ => None,
            })
            .collect();
        Days {
            ctx,
            lead: lead_date(ctx),
            dated,
        }
    }

    /// The local day the time at `span`, of frame `frame`, is on.
    pub fn day_for(&self, span: Span, frame: &Frame) -> Option<NaiveDate> {
        if let Some(d) = glued_date(self.ctx, span) {
            return Some(d);
        }
        let clause_span = self.ctx.clause_span(span);

        let sentence = self.ctx.sentence(span.start);
        for within in [clause_span, sentence] {
            let near = self
                .ctx
                .dates_within(within)
                // "The ferry, which had left port on Friday, overturned at
                // 3:40 a.m.": a relative clause's day is of its own verb.
                .filter(|d| within == clause_span || !in_other_relative(self.ctx, d.span, span))
                .filter(|d| dates_event(self.ctx, d, sentence))
                .filter(|d| !dates_later_time(self.ctx, span, d.span, sentence))
                // "published at 0900 GMT, backdates the ban to April 6":
                // a day something is moved or set to is its verb's.
                .filter(|d| !after_to(self.ctx, d.span))
                .filter_map(|d| d.value.as_day().map(|day| (distance(span, d.span), day)))
                .min_by_key(|(dist, _)| *dist);
            if let Some((_, day)) = near {
                return Some(day);
            }
        }
        // Another sentence's day for the same happening: the same theme,
        // or the same predicate of no other theme ("has left Clarke's side
        // needing a draw on Sunday" dates no one's leaving at 10.40am).
        let same = |a: &Frame| {
            let pred = matches!((&a.predicate, &frame.predicate), (Some(x), Some(y)) if x.same(y));
            let theme =
                matches!((&a.theme, &frame.theme), (Some(x), Some(y)) if x.head.same(&y.head));
            let other_theme = matches!((&a.theme, &frame.theme), (Some(x), Some(y)) if !x.head.same(&y.head))
                || a.theme.is_some() != frame.theme.is_some();
            let other_agent = matches!((&a.agent, &frame.agent), (Some(x), Some(y)) if x != y);
            (theme || (pred && !other_theme)) && !other_agent
        };
        // The sentence's own days were weighed above: one passed over there
        // (a relative clause's: "The ship, which had left port late on
        // Sunday, drifted ashore at 2:15 a.m.") does not come back here.
        let elsewhere = |at: Span| at.end <= sentence.start || at.start >= sentence.end;
        self.dated
            .iter()
            .find(|(f, _, apart, at)| !apart && elsewhere(*at) && same(f))
            .map(|(_, d, _, _)| *d)
            .or(self.lead)
    }
}

/// Whether the word right before a date is "to" ("backdated to April 6",
/// "postponed to Friday").
fn after_to(ctx: &Context, date: Span) -> bool {
    let at = ctx.index.token_at(date.start);
    at.checked_sub(1)
        .and_then(|i| ctx.index.tokens.get(i))
        .is_some_and(|t| t.lower == "to")
}

/// Whether a sequel word ("followed", "then", "another", "second") stands
/// in a date's clause before it: the date is of another happening of the
/// kind, not the one timed elsewhere.
fn sequel_before(ctx: &Context, date: Span) -> bool {
    let at = ctx.index.tokens_in(date);
    let clause = ctx.index.clause(at.clone());
    ctx.index.tokens[clause.start..at.start.max(clause.start)]
        .iter()
        .any(|t| t.class.has(Class::SEQUEL))
}

/// Whether a date dates a happening: not the bound of a period, not a
/// dateline's.
pub fn dates_event(ctx: &Context, d: &DateRef, sentence: Span) -> bool {
    !is_bound(ctx, d.span) && !is_dateline(&ctx.doc.text, d.span, sentence)
}

/// A date written right after a time ("at 3 p.m. on Friday", "1542 GMT
/// Sunday") or right before it ("on July 19 at 11:15").
fn glued_date(ctx: &Context, t: Span) -> Option<NaiveDate> {
    let text = ctx.doc.text.as_str();
    // Only dates near the time can be glued to it (a date is far shorter
    // than the reach looked back).
    let from = ctx.dates.partition_point(|d| d.span.start + 256 < t.start);
    ctx.dates[from..]
        .iter()
        .take_while(|d| d.span.start <= t.end + 12)
        .find_map(|d| {
            if d.span.start >= t.end && d.span.start <= t.end + 12 {
                let gap = text.get(t.end..d.span.start)?.trim().to_lowercase();
                let gap = gap.trim_start_matches([')', ',']).trim();
                return matches!(gap, "" | "on" | "of")
                    .then(|| d.value.as_day())
                    .flatten();
            }
            if d.span.end <= t.start && d.span.end + 8 >= t.start {
                let gap = text.get(d.span.end..t.start)?.trim().to_lowercase();
                return matches!(gap.trim_start_matches(',').trim(), "" | "at")
                    .then(|| d.value.as_day())
                    .flatten();
            }
            None
        })
}

/// Whether the date at `date` stands in a relative clause ("which had
/// left port on Friday") that does not hold the time at `time`.
fn in_other_relative(ctx: &Context, date: Span, time: Span) -> bool {
    in_relative(ctx, date) && {
        let clause = ctx.clause_span(date);
        !(clause.start <= time.start && time.end <= clause.end)
    }
}

/// Whether the date at `date` stands in a relative clause ("which had
/// left port on Friday"): background to the story, not its day.
fn in_relative(ctx: &Context, date: Span) -> bool {
    let clause = ctx.index.clause(ctx.index.tokens_in(date));
    ctx.index
        .tokens
        .get(clause.start)
        .is_some_and(|t| matches!(t.lower.as_str(), "which" | "who" | "whom" | "whose"))
}

/// Whether the word before a date makes it a bound ("since Monday").
pub fn is_bound(ctx: &Context, span: Span) -> bool {
    // "after Monday's derailment": the word bounds the possessive's noun,
    // which the day dates.
    let after = ctx.doc.text.get(span.end..).unwrap_or("");
    if after.starts_with("'s") || after.starts_with("’s") {
        return false;
    }
    let at = ctx.index.token_at(span.start);
    at.checked_sub(1)
        .and_then(|i| ctx.index.tokens.get(i))
        .is_some_and(|t| t.class.has(Class::BOUND))
}

/// Whether a date is a dateline's ("TOKYO, Jan. 13 -- The ship docked
/// …"): it dates the filing, in the filing city's calendar, not the event
/// the sentence tells of. The shape: the sentence opens with a place in
/// capitals and a comma ("TOKYO,", "CEDAR BEND, Iowa,": the city in
/// capitals, then the region as a name), and the date is followed by a
/// dash or an agency in brackets, or by an agency in capitals and a dash
/// ("MELBOURNE, June 12 APA - ").
pub fn is_dateline(text: &str, date: Span, sentence: Span) -> bool {
    let Some(before) = text.get(sentence.start..date.start) else {
        return false;
    };
    let Some(place) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let place = place.trim();
    // "WRENFIELD (United States), May 19 (AM) -": a country or agency in
    // brackets after the place, its words capitalised.
    let place = match place.strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
        Some((head, inner))
            if !inner.trim().is_empty()
                && inner
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase)) =>
        {
            head.trim_end()
        }
        _ => place,
    };
    let in_capitals = |s: &str| {
        s.chars().any(char::is_alphabetic)
            && s.chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
    };
    let mut parts = place.split(',').map(str::trim);
    let capitals = parts.next().is_some_and(in_capitals)
        && parts.all(|region| {
            let words: Vec<&str> = region.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        });
    let after = text.get(date.end..).unwrap_or("").trim_start();
    // An agency in capitals between the date and the dash ("APA", "AFP").
    let agency_len = after
        .split(' ')
        .take(3)
        .take_while(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        .map(|w| w.len() + 1)
        .sum::<usize>();
    let after = match after.get(agency_len..) {
        Some(rest) if agency_len > 0 => rest.trim_start(),
        _ => after,
    };
    let marked = ["--", "—", "–", "- ", "("]
        .iter()
        .any(|m| after.starts_with(m));
    capitals && marked
}

/// Whether a date after a time dates another, later time of the sentence
/// rather than this one: the date is written right after a later time, set
/// apart from this one by a clause of its own ("The order was issued at
/// 4:30 p.m. AEDT, a day after clocks went forward at 2 a.m. on Sunday").
/// A time restated in brackets ("4:30 p.m. AEDT (0530 GMT) on Monday") is
/// not a clause apart, so its date stays this time's.
fn dates_later_time(ctx: &Context, time: Span, date: Span, sentence: Span) -> bool {
    if date.start < time.end {
        return false;
    }
    let text = ctx.doc.text.as_str();
    let times: Vec<Span> = ctx
        .times_in(Span::new(
            time.start.max(sentence.start).min(date.start),
            date.start,
        ))
        .iter()
        .map(|t| t.span)
        .filter(|t| t.end <= date.start)
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

/// How many sentences make a story's lead, which dates its main event.
const LEAD_SENTENCES: usize = 3;

/// The day of the story's main event as its lead gives it: the first single
/// day written in the first sentences ("… won the cup on Saturday"), if it
/// lies within a week before (or a day after) publication. News leads date
/// the main event and later sentences about it ("The final kicked off at
/// 21:30") rarely repeat the day.
fn lead_date(ctx: &Context) -> Option<NaiveDate> {
    let sentences = &ctx.index.sentences;
    let end = sentences.get(LEAD_SENTENCES - 1).or(sentences.last())?.end;
    let day = ctx
        .dates
        .iter()
        .filter(|d| d.span.end <= end)
        .filter(|d| !in_relative(ctx, d.span))
        .filter(|d| dates_event(ctx, d, ctx.sentence(d.span.start)))
        .find_map(|d| d.value.as_day())?;
    match ctx.today() {
        Some(p) => {
            let ago = (p - day).num_days();
            (-1..=7).contains(&ago).then_some(day)
        }
        None => Some(day),
    }
}

/// Characters between two spans (0 when they touch); a date after the
/// time wins a tie.
fn distance(time: Span, date: Span) -> usize {
    if date.start >= time.end {
        (date.start - time.end) * 2
    } else {
        time.start.saturating_sub(date.end) * 2 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::is_dateline;
    use crate::claim::Span;

    fn dateline(text: &str, date: &str) -> bool {
        let at = text.find(date).unwrap();
        let end = text
            .find(" - ")
            .map_or(text.len(), |i| i + 40)
            .min(text.len());
        is_dateline(text, Span::new(at, at + date.len()), Span::new(0, end))
    }

    #[test]
    fn a_dateline_may_bracket_a_country_or_agency_after_the_place() {
        assert!(dateline(
            "MINNEAPOLIS, Feb 9 (MFW) - Harlow & Pine said",
            "Feb 9"
        ));
        assert!(dateline(
            "WRENFIELD (United States), May 19 (AM) - Four people were killed",
            "May 19"
        ));
        // A sentence that opens with a name and a date is no dateline.
        assert!(!dateline(
            "Officials in Wrenfield (Oklahoma), May 19 - the day after",
            "May 19"
        ));
    }

    #[test]
    fn a_dateline_may_give_its_agency_in_capitals_before_the_dash() {
        assert!(dateline(
            "MELBOURNE, June 12 APA - Two trams have collided",
            "June 12"
        ));
        // Capitals that are the sentence's own words are no agency.
        assert!(!dateline("MELBOURNE, June 12 US troops left", "June 12"));
    }
}
