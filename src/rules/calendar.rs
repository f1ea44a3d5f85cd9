//! `rules/calendar.toml`: the words dates are written in: month names and
//! their abbreviations, weekday names, relative day words ("yesterday",
//! "last night"), and the phrases that put a sentence in the future ("will",
//! "is set to"), which decide whether "on Sunday" is the Sunday before or
//! after publication. Compiled into the date extractor's patterns (the
//! shapes of dates, "18 March 2025" or "March 18, 2025", are code in
//! `extract::date`; the words are here) and lookup tables.

use std::collections::HashMap;

use chrono::Weekday;
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{Allow, Example, RuleFile, RuleProblem};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    #[serde(default)]
    pub month: Vec<Month>,
    #[serde(default)]
    pub weekday: Vec<WeekdayEntry>,
    #[serde(default)]
    pub relative: Vec<Relative>,
    /// Phrases (matched inside the sentence, spaces included) that make a
    /// bare weekday point forward.
    #[serde(default)]
    pub future: Vec<String>,
    #[serde(default)]
    pub example: Vec<Example>,
    #[serde(default)]
    pub allow: Vec<Allow>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Month {
    pub number: Spanned<u32>,
    /// Full name first, then abbreviations ("Sept", "Sep"); a trailing
    /// full stop is allowed after any of them.
    pub names: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekdayEntry {
    /// "Monday": what chrono parses.
    pub day: Spanned<String>,
    pub names: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relative {
    /// Days from the publication day.
    pub days: i64,
    pub words: Vec<String>,
}

/// The compiled form used by the date extractor and normaliser.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// Date shapes, most specific first (see `extract::date`).
    pub patterns: Vec<(&'static str, Regex)>,
    months: HashMap<String, u32>,
    weekdays: HashMap<String, Weekday>,
    relatives: HashMap<String, i64>,
    pub future: Vec<String>,
}

impl Default for Compiled {
    fn default() -> Self {
        CalendarFile::default()
            .compile()
            .expect("an empty calendar compiles")
    }
}

fn key(word: &str) -> String {
    word.trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Compiled {
    pub fn month(&self, name: &str) -> Option<u32> {
        self.months.get(&key(name)).copied()
    }

    pub fn weekday(&self, name: &str) -> Option<Weekday> {
        self.weekdays.get(&key(name)).copied()
    }

    pub fn relative(&self, word: &str) -> Option<i64> {
        self.relatives.get(&key(word)).copied()
    }
}

/// `a|b|c` of escaped words, longest first, spaces as `\s+`.
fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut words: Vec<&String> = words.filter(|w| !w.trim().is_empty()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    let alts: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w.trim_end_matches('.')).replace(' ', r"\s+"))
        .collect();
    if alts.is_empty() {
        r"[^\s\S]".to_string()
    } else {
        alts.join("|")
    }
}

impl RuleFile for CalendarFile {
    const FILE: &'static str = "calendar.toml";
    const CATEGORY: Category = Category::Date;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        self.month.extend(user.month);
        self.weekday.extend(user.weekday);
        self.relative.extend(user.relative);
        self.future.extend(user.future);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let mut months = HashMap::new();
        for m in &self.month {
            if !(1..=12).contains(m.number.get_ref()) {
                return Err(RuleProblem::new(
                    "a month number is 1 to 12",
                    Some(m.number.span()),
                ));
            }
            for n in &m.names {
                months.insert(key(n), *m.number.get_ref());
            }
        }
        let mut weekdays = HashMap::new();
        for w in &self.weekday {
            let day: Weekday = w.day.get_ref().parse().map_err(|_| {
                RuleProblem::new(
                    format!("unknown weekday `{}`", w.day.get_ref()),
                    Some(w.day.span()),
                )
            })?;
            for n in &w.names {
                weekdays.insert(key(n), day);
            }
        }
        let mut relatives = HashMap::new();
        for r in &self.relative {
            for w in &r.words {
                relatives.insert(key(w), r.days);
            }
        }
        let month = format!(
            r"(?P<mon>(?:{})\.?)",
            alternation(self.month.iter().flat_map(|m| &m.names))
        );
        let weekday = format!(
            r"(?P<wd>(?:{})\.?)",
            alternation(self.weekday.iter().flat_map(|w| &w.names))
        );
        let relative = format!(
            r"(?i)\b(?P<rel>{})\b",
            alternation(self.relative.iter().flat_map(|r| &r.words))
        );
        let day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?";
        let year = r"(?P<y>(?:19|20)\d\d)";
        let shapes = [
            ("iso", format!(r"\b{year}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
            (
                "numeric",
                format!(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]{year}\b"),
            ),
            (
                "numeric_noyear",
                r"(?:\bon\s+|\()(?P<a>[0-3]?\d)/(?P<b>[01]?\d)\b".to_string(),
            ),
            (
                "dmy",
                format!(
                    r"\b(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?\b"
                ),
            ),
            (
                "mdy",
                format!(r"\b(?:{weekday},?\s+)?{month}\s+{day}\b(?:,?\s+{year}\b)?"),
            ),
            (
                "quarter",
                format!(
                    r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+{year}\b"
                ),
            ),
            ("q", format!(r"\bQ(?P<qn>[1-4])\s+{year}\b")),
            ("byend", format!(r"(?i)\bby\s+the\s+end\s+of\s+{year}\b")),
            (
                "byendthis",
                r"(?i)\bby\s+the\s+end\s+of\s+(?:this|the)\s+year\b".to_string(),
            ),
            ("monthyear", format!(r"\b{month}\s+{year}\b")),
            (
                "inmonth",
                format!(r"\b(?:in|early|late|mid-|since|until|during)\s*{month}\b"),
            ),
            ("earlier", r"(?i)\bearlier\s+this\s+month\b".to_string()),
            (
                "monthrel",
                r"(?i)\b(?P<which>last|this|next)\s+month\b".to_string(),
            ),
            (
                "week",
                r"(?i)\b(?P<which>last|this|next)\s+week\b".to_string(),
            ),
            ("relative", relative),
            ("weekday", format!(r"\b{weekday}\b")),
        ];
        let mut patterns = Vec::new();
        for (name, p) in shapes {
            let re = Regex::new(&p).map_err(|e| {
                RuleProblem::new(format!("calendar words do not compile: {e}"), None)
            })?;
            patterns.push((name, re));
        }
        Ok(Compiled {
            patterns,
            months,
            weekdays,
            relatives,
            future: self.future.clone(),
        })
    }

    fn examples(&self) -> &[Example] {
        &self.example
    }

    fn allows(&self) -> &[Allow] {
        &self.allow
    }
}
