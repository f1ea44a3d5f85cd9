//! Extraction of clock times: "21:45 GMT", "3:17 a.m.", "9.30am",
//! "2:17 p.m. ET", "noon", "between 16:00 and 18:00 Moscow time",
//! "between 1300 and 1500 GMT", "from 9 a.m. to 5 p.m.", "15:00 (local
//! time)". Hands on [`TimeMention`]s: the clock reading(s), the zone name as
//! found by `rules/zones.toml` (not yet resolved), a hedge ("about",
//! "shortly after") and whether the time is marked as a start or an end
//! ("until 17:00"), so the normaliser can join a start and an end told in
//! one sentence into a window.
//!
//! The shapes are data: `[[clock]]` in `rules/zones.toml`, scanned in one
//! pass with their combined regex. Look-alikes are refused by each shape's
//! `stands`: a bare `H:MM` needs a time cue before it ("at", "until",
//! "between", …) or a zone after it (so Bible verses "John 3:16" and
//! scores "2:1" are not times); four digits ("1300") count only with a zone
//! or "hours" after them ("1300 soldiers" and years are not times); `H.MM`
//! needs am/pm or a zone ("7.5 magnitude", "v2.10", "17.40 WIB"). Here in code: a clock is never
//! part of a longer number ("v2:10", "1:2:3", "3,000").

use crate::claim::Span;
use crate::claim::time::{Clock, Hedge};
use crate::rules::Rules;
use crate::rules::zones::{CompiledClock, CompiledZone, Stands};

/// Whether the text marks a time as the start or the end of something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Plain,
    Start,
    End,
}

/// A time as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMention {
    /// From the first clock reading through the zone name, if any.
    pub span: Span,
    pub start: Clock,
    /// The end of a range written as one ("between 16:00 and 18:00").
    pub end: Option<Clock>,
    pub zone: Option<CompiledZone>,
    pub hedge: Option<Hedge>,
    pub role: Role,
}

/// One clock token before ranges are joined.
struct Token {
    start: usize,
    end: usize,
    clock: Clock,
    /// How much context the shape needs to be a time.
    stands: Stands,
    zone: Option<(CompiledZone, usize)>,
}

/// Words that, right before a bare `H:MM`, make it a clock time.
const CUES: &[&str] = &[
    "at",
    "by",
    "from",
    "until",
    "till",
    "til",
    "since",
    "around",
    "about",
    "before",
    "after",
    "between",
    "and",
    "to",
    "approximately",
    "roughly",
    "circa",
    "ca",
    "or",
];

pub fn extract(text: &str, rules: &Rules) -> Vec<TimeMention> {
    let tokens = tokens(text, rules);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let a = &tokens[i];
        // A range: "between A and B", "from A to B", "A–B".
        if let Some(b) = tokens.get(i + 1)
            && let Some(kind) = range_joiner(text, a, b)
        {
            let zone = a.zone.clone().or_else(|| b.zone.clone());
            let end = b.zone.as_ref().map_or(b.end, |(_, e)| *e);
            let lead = match kind {
                "between" | "from" => text[..a.start].trim_end().len().saturating_sub(kind.len()),
                _ => a.start,
            };
            let lead = if text.is_char_boundary(lead) {
                lead
            } else {
                a.start
            };
            let valid = zone_ok(a, &zone) && zone_ok(b, &zone);
            if valid {
                out.push(TimeMention {
                    span: Span::new(lead, end),
                    start: a.clock,
                    end: Some(b.clock),
                    zone: zone.map(|(z, _)| z),
                    hedge: hedge_before(&text[..lead]),
                    role: Role::Plain,
                });
            }
            i += 2;
            continue;
        }
        if zone_ok(a, &a.zone) && is_time_like(text, a) {
            let end = a.zone.as_ref().map_or(a.end, |(_, e)| *e);
            out.push(TimeMention {
                span: Span::new(a.start, end),
                start: a.clock,
                end: None,
                zone: a.zone.clone().map(|(z, _)| z),
                hedge: hedge_before(&text[..a.start]),
                role: role_before(&text[..a.start]),
            });
        }
        i += 1;
    }
    // In text order: normalise looks mentions up by binary search.
    out.sort_by_key(|m| m.span.start);
    out
}

/// A `with_zone` shape ("1300") needs a zone, its own or its range's.
fn zone_ok(t: &Token, zone: &Option<(CompiledZone, usize)>) -> bool {
    t.stands != Stands::WithZone || zone.is_some()
}

/// Whether a token is a time where it stands: `alone` shapes always, the
/// others with a zone or, for `after_cue`, after a time cue.
fn is_time_like(text: &str, t: &Token) -> bool {
    if t.zone.is_some() || t.stands == Stands::Alone {
        return true;
    }
    if t.stands == Stands::WithZone {
        return false;
    }
    let before = text[..t.start].trim_end();
    if before.ends_with(['(', '–', '-', '—']) {
        return true;
    }
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    CUES.contains(&last.as_str())
}

fn tokens(text: &str, rules: &Rules) -> Vec<Token> {
    let shapes = &rules.zones.clocks;
    let mut out = Vec::new();
    for any in rules.zones.clock_any.captures_iter(text) {
        let Some(whole) = any.get(0) else { continue };
        let Some(shape) = (0..shapes.len())
            .find(|i| any.name(&format!("r{i}")).is_some())
            .map(|i| &shapes[i])
        else {
            continue;
        };
        // The shape's own regex, at the same place, gives its captures.
        let Some(caps) = shape
            .regex
            .captures_at(text, whole.start())
            .filter(|c| c.get(0).is_some_and(|m| m.start() == whole.start()))
        else {
            continue;
        };
        // Not part of a longer number, a version or a ratio: "v2:10", "1:2:3", "3,000".
        let prev = text[..whole.start()].chars().next_back();
        if prev.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | ',' | '/' | '$')) {
            continue;
        }
        let next = text[whole.end()..].chars().next();
        let ends_in_digit = whole.as_str().ends_with(|c: char| c.is_ascii_digit());
        if ends_in_digit
            && next.is_some_and(|c| c == ':' || c == '.' && next_is_digit(text, whole.end()))
        {
            continue; // "3:16:20" or "1:2.5": not a plain clock
        }
        let Some(clock) = reading(shape, &caps) else {
            continue;
        };
        if clock.hour > 23 || clock.minute > 59 {
            continue;
        }
        let zone = zone_after(text, whole.end(), rules);
        out.push(Token {
            start: whole.start(),
            end: whole.end(),
            clock,
            stands: shape.stands,
            zone,
        });
    }
    out
}

/// The clock a shape's captures read: `h` and `m`, turned to a 24-hour
/// clock by `ap`, or the shape's fixed `hour`.
fn reading(shape: &CompiledClock, caps: &regex::Captures) -> Option<Clock> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(hour) = shape.hour {
        return Some(clock(hour, Some(num("m").unwrap_or(0))));
    }
    let h = num("h")?;
    let m = num("m");
    let ap = caps
        .name("ap")
        .and_then(|m| m.as_str().chars().next())
        .map(|c| c.to_ascii_lowercase());
    let hour = match ap {
        None => h,
        // "0:42 a.m." is written too; "0 p.m." and "13 p.m." are not.
        Some(_) if h > 12 => return None,
        Some('a') if h == 12 => 0,
        Some('a') => h,
        Some(_) if h == 0 => return None,
        Some(_) if h == 12 => 12,
        Some(_) => h + 12,
    };
    Some(clock(hour, m))
}

fn next_is_digit(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .nth(1)
        .is_some_and(|c| c.is_ascii_digit())
}

fn clock(hour: u32, minute: Option<u32>) -> Clock {
    Clock {
        hour,
        minute: minute.unwrap_or(0),
        minutes_given: minute.is_some(),
    }
}

/// The zone named right after a clock time, with the end of its name (and
/// closing bracket): "GMT", " (local time)", " Moscow time".
fn zone_after(text: &str, at: usize, rules: &Rules) -> Option<(CompiledZone, usize)> {
    let rest = &text[at..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let mut pos = at + skipped;
    let bracket = text[pos..].starts_with('(');
    if bracket {
        pos += 1;
        pos += text[pos..].len() - text[pos..].trim_start().len();
    }
    let (zone, len) = rules
        .zones
        .match_at(&text[pos..])
        .or_else(|| rules.zones.city_time_at(&text[pos..]))?;
    let mut end = pos + len;
    if bracket {
        let close = text[end..].trim_start();
        if !close.starts_with(')') {
            return None;
        }
        end = text.len() - close.len() + 1;
    }
    Some((zone.clone(), end))
}

/// Whether `a` and `b` form one range, and how it was introduced.
fn range_joiner(text: &str, a: &Token, b: &Token) -> Option<&'static str> {
    let a_end = a.zone.as_ref().map_or(a.end, |(_, e)| *e);
    if a_end > b.start {
        return None;
    }
    let gap = &text[a_end..b.start];
    let between = gap.trim().to_lowercase();
    // "1940 GMT — 3:40 a.m. here": a spaced dash after a zone sets off the
    // same moment told in another clock, not the end of a range.
    if a.zone.is_some() && between == "—" && gap.starts_with(' ') {
        return None;
    }
    // Only the word before the range matters ("between", "from"): take a
    // short tail rather than lower-casing everything before it, which made
    // this quadratic in the number of times in a document.
    let head = text[..a.start].trim_end();
    let tail_start = head.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let before = head[tail_start..].to_lowercase();
    match between.as_str() {
        "and" if before.ends_with("between") => Some("between"),
        "to" | "until" | "till" if before.ends_with("from") => Some("from"),
        "-" | "–" | "—" | "to" => Some("dash"),
        _ => None,
    }
}

/// A hedge in the few words before a time.
pub fn hedge_before(before: &str) -> Option<Hedge> {
    let tail: String = before
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let tail = tail.trim_end();
    let tail = match tail.strip_suffix("at") {
        Some(t) if t.is_empty() || t.ends_with(char::is_whitespace) => t.trim_end(),
        _ => tail,
    };
    let ends =
        |w: &str| tail.ends_with(w) && !tail[..tail.len() - w.len()].ends_with(char::is_alphabetic);
    if ends("shortly after") || ends("just after") || ends("soon after") || ends("minutes after") {
        Some(Hedge::ShortlyAfter)
    } else if ends("shortly before") || ends("just before") || ends("minutes before") {
        Some(Hedge::ShortlyBefore)
    } else if ends("about")
        || ends("around")
        || ends("approximately")
        || ends("roughly")
        || ends("circa")
        || ends("some time around")
        || ends("sometime around")
        || ends("nearly")
        || ends("almost")
    {
        Some(Hedge::About)
    } else if ends("after") || ends("later than") {
        Some(Hedge::After)
    } else if ends("before") || ends("by") || ends("no later than") || ends("earlier than") {
        Some(Hedge::Before)
    } else {
        None
    }
}

/// "until 17:00" ends something; "from 15:00" / "begin at 15:00" starts it.
fn role_before(before: &str) -> Role {
    let cut = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let tail = before[cut..].to_lowercase();
    let two: Vec<&str> = tail
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let last = two.first().copied().unwrap_or("");
    let ends_at = two.len() == 2
        && two[0] == "at"
        && matches!(
            two[1],
            "ends"
                | "end"
                | "ended"
                | "ending"
                | "finish"
                | "finished"
                | "close"
                | "closed"
                | "closes"
        );
    let starts_at = two.len() == 2
        && two[0] == "at"
        && matches!(
            two[1],
            "begin"
                | "begins"
                | "began"
                | "start"
                | "starts"
                | "started"
                | "starting"
                | "open"
                | "opens"
                | "opened"
        );
    if matches!(last, "until" | "till" | "til" | "through") || ends_at {
        Role::End
    } else if last == "from" || starts_at {
        Role::Start
    } else {
        Role::Plain
    }
}
