//! Extraction of clock times: "21:45 GMT", "3:17 a.m.", "9.30am",
//! "2:17 p.m. ET", "noon", "between 16:00 and 18:00 Moscow time",
//! "between 1300 and 1500 GMT", "from 9 a.m. to 5 p.m.", "15:00 (local
//! time)". Hands on [`TimeMention`]s: the clock reading(s), the zone name as
//! found by `rules/zones.toml` (not yet resolved), a hedge ("about",
//! "shortly after") and whether the time is marked as a start or an end
//! ("until 17:00"), so the normaliser can join a start and an end told in
//! one sentence into a window.
//!
//! Look-alikes are refused here: a bare `H:MM` needs a time cue before it
//! ("at", "until", "between", …) or a zone or am/pm after it (so Bible
//! verses "John 3:16" and scores "2:1" are not times); four digits
//! ("1300") count only with a zone or "hours" after them ("1300 soldiers"
//! and years are not times); `H.MM` needs am/pm ("7.5 magnitude", "v2.10").

use std::sync::LazyLock;

use regex::Regex;

use crate::claim::Span;
use crate::rules::Rules;
use crate::rules::zones::CompiledZone;

/// A clock reading as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    /// Whether minutes were written ("3:17 p.m.") or only the hour ("3 p.m.").
    pub minutes_given: bool,
}

/// How vaguely the time is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Hedge {
    About,
    ShortlyAfter,
    ShortlyBefore,
    After,
    Before,
}

impl Hedge {
    pub fn as_str(self) -> &'static str {
        match self {
            Hedge::About => "about",
            Hedge::ShortlyAfter => "shortly after",
            Hedge::ShortlyBefore => "shortly before",
            Hedge::After => "after",
            Hedge::Before => "before",
        }
    }
}

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
    /// Written with am/pm, a colon or as a word: certainly a clock time.
    strong: bool,
    /// Four digits ("1300"): a time only with a zone or "hours".
    military: bool,
    zone: Option<(CompiledZone, usize)>,
}

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?:
            (?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s?(?P<ap>[ap])\.?\s?m\b\.?
          | (?P<hc>\d{1,2}):(?P<mc>\d{2})\b
          | (?P<mil>[012]\d[0-5]\d)\b
          | (?P<word>noon|midday|midnight)\b
        )",
    )
    .expect("clock pattern compiles")
});

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
            let valid = (a.strong || a.military)
                && (b.strong || b.military)
                && zone_ok(a, &zone)
                && zone_ok(b, &zone);
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
        if zone_ok(a, &a.zone) && (a.strong || a.zone.is_some()) && is_time_like(text, a) {
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
    out
}

/// A military "1300" needs a zone; other forms stand alone.
fn zone_ok(t: &Token, zone: &Option<(CompiledZone, usize)>) -> bool {
    !t.military || zone.is_some()
}

/// A bare `H:MM` with no am/pm and no zone counts only after a time cue.
fn is_time_like(text: &str, t: &Token) -> bool {
    if t.zone.is_some() {
        return true;
    }
    // With am/pm ("3 p.m.") or as a word ("noon") it is a clock time alone.
    if text[t.start..t.end]
        .chars()
        .any(|c| c.is_ascii_alphabetic())
    {
        return true;
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
    let mut out = Vec::new();
    for caps in CLOCK.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        // Not part of a longer number, a version or a ratio: "v2:10", "1:2:3", "3,000".
        let prev = text[..whole.start()].chars().next_back();
        if prev.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | ',' | '/' | '$')) {
            continue;
        }
        let next = text[whole.end()..].chars().next();
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (clock, strong, military) = if let Some(h) = num("h") {
            let ap = caps.name("ap").map(|m| m.as_str().to_ascii_lowercase());
            let m = num("m");
            // "0:42 a.m." is written too; "0 p.m." is not.
            if h > 12 || (h == 0 && ap.as_deref() != Some("a")) {
                continue;
            }
            let hour = match (h, ap.as_deref()) {
                (12, Some("a")) => 0,
                (12, _) => 12,
                (h, Some("p")) => h + 12,
                (h, _) => h,
            };
            (clock(hour, m), true, false)
        } else if let Some(h) = num("hc") {
            if next.is_some_and(|c| c == ':' || c == '.' && next_is_digit(text, whole.end())) {
                continue; // "3:16:20" or "1:2.5": not a plain clock
            }
            (clock(h, num("mc")), true, false)
        } else if let Some(mil) = caps.name("mil") {
            let s = mil.as_str();
            let (h, m) = (s[..2].parse().unwrap_or(99), s[2..].parse().unwrap_or(99));
            // "1300 hours" / "1300 hrs": certainly a time, with no zone named.
            let hours = hours_after(text, whole.end());
            (clock(h, Some(m)), hours, !hours)
        } else if let Some(w) = caps.name("word") {
            let hour = if w.as_str().eq_ignore_ascii_case("midnight") {
                0
            } else {
                12
            };
            (clock(hour, Some(0)), true, false)
        } else {
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
            strong,
            military,
            zone,
        });
    }
    out
}

fn next_is_digit(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .nth(1)
        .is_some_and(|c| c.is_ascii_digit())
}

fn hours_after(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start().to_ascii_lowercase();
    rest.starts_with("hrs") || rest.starts_with("hours")
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
    let (zone, len) = rules.zones.match_at(&text[pos..])?;
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
    let between = text[a_end..b.start].trim().to_lowercase();
    let before = text[..a.start].trim_end().to_lowercase();
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
