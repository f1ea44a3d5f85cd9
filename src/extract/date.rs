//! Extraction of date mentions: "March 18, 2025", "18 March", "Feb. 12",
//! "Thursday, 6 February 2025", "2025-03-18", "18/03/2025", weekdays ("on
//! Sunday"), "today", "yesterday", "tomorrow", "last week", "earlier this
//! month", "in January", "the first quarter of 2026", "by the end of 2025".
//! Hands on [`DateMention`]s with the parts as written; nothing is resolved
//! against the publication day here (that is `normalise::date`).
//!
//! Look-alikes: numeric dates need a four-digit year ("9/11", "24/7" and
//! scores "3-1" are not dates); a bare year is not a date.

use std::sync::LazyLock;

use chrono::Weekday;
use regex::Regex;

use crate::claim::Span;
use crate::rules::Rules;

/// A date as written.
#[derive(Clone, Debug, PartialEq)]
pub enum DateForm {
    /// A calendar day; the year may be left out ("18 March").
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
        /// A weekday written with it ("Thursday, 6 February 2025").
        weekday: Option<Weekday>,
    },
    /// "03/04/2025": day and month order depends on the writer's country.
    Numeric { first: u32, second: u32, year: i32 },
    /// Days from the publication day: today 0, yesterday −1, tomorrow +1.
    Relative(i64),
    /// "on Sunday": the nearest such day, before or after by tense.
    Weekday(Weekday),
    /// Weeks from the publication week: "last week" −1, "this week" 0.
    Week(i64),
    /// Months from the publication month: "last month" −1, "this month" 0.
    MonthRelative(i64),
    /// "earlier this month": from the 1st to the day before publication.
    EarlierThisMonth,
    /// "in January", "January 2025".
    Month { year: Option<i32>, month: u32 },
    /// "the first quarter of 2026", "Q1 2026".
    Quarter { year: i32, quarter: u32 },
    /// "by the end of 2025": no later than 31 December.
    ByEndOfYear(i32),
}

/// A date as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub form: DateForm,
}

const MONTH: &str = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";
const WEEKDAY: &str = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// Patterns, most specific first; a later match overlapping an earlier one
/// is dropped.
static PATTERNS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    let day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?";
    let year = r"(?P<y>(?:19|20)\d\d)";
    let list = [
        ("iso", format!(r"\b{year}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        (
            "numeric",
            format!(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]{year}\b"),
        ),
        (
            "dmy",
            format!(r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{MONTH}(?:,?\s+{year})?\b"),
        ),
        (
            "mdy",
            format!(r"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{day}\b(?:,?\s+{year}\b)?"),
        ),
        (
            "quarter",
            format!(r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+{year}\b"),
        ),
        ("q", format!(r"\bQ(?P<qn>[1-4])\s+{year}\b")),
        ("byend", format!(r"(?i)\bby\s+the\s+end\s+of\s+{year}\b")),
        ("monthyear", format!(r"\b{MONTH}\s+{year}\b")),
        ("inmonth", format!(r"\b(?:in|early|late|mid-|since|until|during)\s*{MONTH}\b")),
        ("earlier", r"(?i)\bearlier\s+this\s+month\b".to_string()),
        (
            "monthrel",
            r"(?i)\b(?P<which>last|this|next)\s+month\b".to_string(),
        ),
        (
            "week",
            r"(?i)\b(?P<which>last|this|next)\s+week\b".to_string(),
        ),
        (
            "relative",
            r"(?i)\b(?P<rel>today|yesterday|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b"
                .to_string(),
        ),
        ("weekday", format!(r"\b{WEEKDAY}\b")),
    ];
    list.into_iter()
        .map(|(k, p)| (k, Regex::new(&p).expect("date pattern compiles")))
        .collect()
});

pub fn extract(text: &str, _rules: &Rules) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = Vec::new();
    for (kind, re) in PATTERNS.iter() {
        for caps in re.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let span = Span::new(whole.start(), whole.end());
            if found
                .iter()
                .any(|f| f.span.start < span.end && span.start < f.span.end)
            {
                continue;
            }
            if let Some(form) = form(kind, &caps) {
                found.push(DateMention { span, form });
            }
        }
    }
    found.sort_by_key(|m| m.span);
    found
}

fn form(kind: &str, caps: &regex::Captures) -> Option<DateForm> {
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<i64>().ok());
    let year = num("y").map(|y| y as i32);
    let weekday = caps
        .name("wd")
        .and_then(|m| m.as_str().parse::<Weekday>().ok());
    let month = caps.name("mon").and_then(|m| month_number(m.as_str()));
    let which = caps
        .name("which")
        .map(|m| match m.as_str().to_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
    Some(match kind {
        "iso" => DateForm::Day {
            year,
            month: num("m")? as u32,
            day: num("d")? as u32,
            weekday: None,
        },
        "numeric" => DateForm::Numeric {
            first: num("a")? as u32,
            second: num("b")? as u32,
            year: year?,
        },
        "dmy" | "mdy" => {
            let day = num("d")? as u32;
            if !(1..=31).contains(&day) {
                return None;
            }
            DateForm::Day {
                year,
                month: month?,
                day,
                weekday,
            }
        }
        "quarter" | "q" => {
            let quarter = match caps.name("q").map(|m| m.as_str().to_lowercase()) {
                Some(q) => match q.as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                },
                None => num("qn")? as u32,
            };
            DateForm::Quarter {
                year: year?,
                quarter,
            }
        }
        "byend" => DateForm::ByEndOfYear(year?),
        "monthyear" | "inmonth" => DateForm::Month {
            year,
            month: month?,
        },
        "earlier" => DateForm::EarlierThisMonth,
        "monthrel" => DateForm::MonthRelative(which?),
        "week" => DateForm::Week(which?),
        "relative" => {
            let rel = caps.name("rel")?.as_str().to_lowercase();
            DateForm::Relative(match rel.as_str() {
                "yesterday" | "last night" => -1,
                "tomorrow" => 1,
                _ => 0,
            })
        }
        "weekday" => DateForm::Weekday(weekday?),
        _ => return None,
    })
}

/// 1–12 for a month name or its abbreviation ("Sept.", "Feb").
pub fn month_number(name: &str) -> Option<u32> {
    let key: String = name
        .trim_end_matches('.')
        .chars()
        .take(3)
        .collect::<String>()
        .to_lowercase();
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == key)
    .map(|i| i as u32 + 1)
}
