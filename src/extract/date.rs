//! Extraction of date mentions: "March 18, 2025", "18 March", "Feb. 12",
//! "Thursday, 6 February 2025", "2025-03-18", "18/03/2025", weekdays ("on
//! Sunday"), "today", "yesterday", "tomorrow", "last week", "earlier this
//! month", "in January", "the first quarter of 2026", "by the end of 2025".
//! Hands on [`DateMention`]s with the parts as written; nothing is resolved
//! against the publication day here (that is `normalise::date`). The words
//! (months, weekdays, "yesterday") and the shapes (`[[shape]]`, each with
//! its [`Form`]) come from `rules/calendar.toml`.
//!
//! Look-alikes: numeric dates need a four-digit year ("9/11", "24/7" and
//! scores "3-1" are not dates); a bare year is not a date.

use chrono::Weekday;

use crate::claim::Span;
use crate::rules::Rules;
use crate::rules::calendar::{Compiled as Calendar, Form};

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
    /// The year may be left out after "on" or in brackets ("on 9/3").
    Numeric {
        first: u32,
        second: u32,
        year: Option<i32>,
    },
    /// Days from the publication day: today 0, yesterday −1, tomorrow +1.
    Relative(i64),
    /// "on Sunday": the nearest such day, before or after by tense.
    Weekday(Weekday),
    /// Weeks from the publication week: "last week" −1, "this week" 0.
    Week(i64),
    /// A Saturday and Sunday: of the publication week and so many weeks
    /// on ("last weekend" −1), or with no word, the nearest one in the
    /// sentence's tense ("over the weekend").
    Weekend(Option<i64>),
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
    /// "by the end of this year": of the publication year.
    ByEndOfThisYear,
}

/// A date as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub form: DateForm,
}

/// Every date mention, in text order. The calendar's shapes run most
/// specific first; a later match overlapping an earlier one is dropped.
/// Each shape searches the text itself: a `RegexSet` pass first, to skip
/// the shapes that do not occur, cost more than it saved (an eighth of all
/// instructions on the seed bundle, building the set's automaton in
/// overlapping mode; no gain on 300 real-news documents).
pub fn extract(text: &str, rules: &Rules) -> Vec<DateMention> {
    let calendar = &rules.calendar;
    let mut found: Vec<DateMention> = Vec::new();
    for shape in &calendar.shapes {
        for caps in shape.regex.captures_iter(text) {
            let Some(cited) = caps.name("at").or_else(|| caps.get(0)) else {
                continue;
            };
            let span = Span::new(cited.start(), cited.end());
            // "9/3/" or "3.5.2": the digits go on, something else.
            if cited.as_str().ends_with(|c: char| c.is_ascii_digit())
                && text[span.end..].starts_with(['/', '.'])
                && next_is_digit(text, span.end)
            {
                continue;
            }
            if found
                .iter()
                .any(|f| f.span.start < span.end && span.start < f.span.end)
            {
                continue;
            }
            // "The Sunday Times" is a name, not a day; "the Tuesday morning
            // peak" is a day, by the part of it that follows.
            if shape.form == Form::Weekday
                && after_the(text, span.start)
                && !part_follows(calendar, text, span.end)
            {
                continue;
            }
            if let Some(form) = form(calendar, shape.form, &caps) {
                found.push(DateMention { span, form });
            }
        }
    }
    found.sort_by_key(|m| m.span);
    found
}

fn form(calendar: &Calendar, shape: Form, caps: &regex::Captures) -> Option<DateForm> {
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<i64>().ok());
    let year = num("y").and_then(|y| i32::try_from(y).ok());
    let weekday = caps.name("wd").and_then(|m| calendar.weekday(m.as_str()));
    let month = caps.name("mon").and_then(|m| calendar.month(m.as_str()));
    let which = caps
        .name("which")
        .map(|m| match m.as_str().to_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
    let small = |n: &str| num(n).and_then(|v| u32::try_from(v).ok());
    Some(match shape {
        Form::Ymd => DateForm::Day {
            year,
            month: small("m")?,
            day: small("d")?,
            weekday: None,
        },
        Form::Numeric => DateForm::Numeric {
            first: small("a")?,
            second: small("b")?,
            year,
        },
        Form::Day => {
            let day = small("d")?;
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
        Form::Quarter => {
            let quarter = match caps.name("q").map(|m| m.as_str().to_lowercase()) {
                Some(q) => match q.as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    "fourth" | "4th" => 4,
                    _ => return None,
                },
                None => small("qn").filter(|q| (1..=4).contains(q))?,
            };
            DateForm::Quarter {
                year: year?,
                quarter,
            }
        }
        Form::EndOfYear => DateForm::ByEndOfYear(year?),
        Form::EndOfThisYear => DateForm::ByEndOfThisYear,
        Form::Month => DateForm::Month {
            year,
            month: month?,
        },
        Form::EarlierThisMonth => DateForm::EarlierThisMonth,
        Form::MonthRelative => DateForm::MonthRelative(which?),
        Form::WeekRelative => DateForm::Week(which?),
        Form::Weekend => DateForm::Weekend(which),
        Form::Relative => DateForm::Relative(calendar.relative(caps.name("rel")?.as_str())?),
        Form::Weekday => DateForm::Weekday(weekday?),
    })
}

/// Whether the word before `at` is "the".
fn after_the(text: &str, at: usize) -> bool {
    text[..at]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Whether the word after `at` names a part of a day ("morning"), in
/// lower case: "The Saturday Evening Post" is a name.
fn part_follows(calendar: &crate::rules::calendar::Compiled, text: &str, at: usize) -> bool {
    text[at..].split_whitespace().next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_lowercase()) && calendar.day_part(w).is_some()
    })
}

fn next_is_digit(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .nth(1)
        .is_some_and(|c| c.is_ascii_digit())
}
