//! `rules/calendar.toml`: the words dates are written in: month names and
//! their abbreviations, weekday names, relative day words ("yesterday",
//! "last night"), and the phrases that put a sentence in the future ("will",
//! "is set to"), which decide whether "on Sunday" is the Sunday before or
//! after publication. The same file holds the shapes of dates
//! (`[[shape]]`: "18 March 2025", "March 18, 2025", "2025-03-18"), regexes
//! with `{name}` references to `[parts]` and to the parts built from the
//! word lists (`{month}`, `{weekday}`, `{relative}`), and named captures
//! that `extract::date` reads for the shape's [`Form`]. Compiled into the
//! shapes and lookup tables for the words.

use std::collections::{BTreeMap, HashMap};

use chrono::Weekday;
use serde::Deserialize;
use toml::Spanned;

use super::pattern;
use super::word_regex::WordRegex;
use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;
use crate::claim::date::DayPart;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    #[serde(default)]
    pub month: Vec<Month>,
    #[serde(default)]
    pub weekday: Vec<WeekdayEntry>,
    #[serde(default)]
    pub relative: Vec<Relative>,
    /// Parts of a day: words that say which hours of it are meant.
    #[serde(default)]
    pub day_part: Vec<DayPartEntry>,
    /// Phrases (matched inside the sentence, spaces included) that make a
    /// bare weekday point forward.
    #[serde(default)]
    pub future: Vec<String>,
    /// Named sub-patterns the shapes refer to as `{name}`.
    #[serde(default)]
    pub parts: BTreeMap<String, Spanned<String>>,
    /// Shapes of dates, most specific first.
    #[serde(default)]
    pub shape: Vec<Shape>,
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

/// `[[day_part]]`: words for a part of a day ("morning") and the hours of
/// a local clock they may mean, `[from, to]` (to past 24: the small hours
/// of the next day).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayPartEntry {
    pub words: Vec<String>,
    pub hours: Spanned<[u8; 2]>,
}

/// `[[shape]]`: one way a date is written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    #[serde(default)]
    pub id: String,
    pub form: Form,
    /// Regex with `{part}` references and the captures its form reads.
    pub pattern: Spanned<String>,
}

/// What a shape's match means, and so which captures it must have. Every
/// shape may also capture `at`: the text cited, when not the whole match.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A day with a numeric month: `y`, `m`, `d` ("2025-03-18").
    Ymd,
    /// Two numbers whose order depends on the writer: `a`, `b`, optional
    /// `y` ("18/03/2025", "on 9/3").
    Numeric,
    /// A day with a month name: `d`, `mon`, optional `y` and `wd`.
    Day,
    /// A month: `mon`, optional `y` ("in January", "May 2026").
    Month,
    /// A quarter: `y` and `q` (a word, "first") or `qn` (a digit).
    Quarter,
    /// "by the end of 2025": `y`.
    EndOfYear,
    /// "by the end of this year": no captures.
    EndOfThisYear,
    /// "earlier this month": no captures.
    EarlierThisMonth,
    /// "last month": `which` (last, this, next).
    MonthRelative,
    /// "last week": `which` (last, this, next).
    WeekRelative,
    /// "over the weekend", "last weekend": optional `which`.
    Weekend,
    /// "yesterday": `rel`, one of the `[[relative]]` words.
    Relative,
    /// "on Sunday": `wd`.
    Weekday,
}

impl Form {
    /// Capture names of which each group needs one.
    fn needs(self) -> &'static [&'static [&'static str]] {
        match self {
            Form::Ymd => &[&["y"], &["m"], &["d"]],
            Form::Numeric => &[&["a"], &["b"]],
            Form::Day => &[&["d"], &["mon"]],
            Form::Month => &[&["mon"]],
            Form::Quarter => &[&["y"], &["q", "qn"]],
            Form::EndOfYear => &[&["y"]],
            Form::EndOfThisYear | Form::EarlierThisMonth | Form::Weekend => &[],
            Form::MonthRelative | Form::WeekRelative => &[&["which"]],
            Form::Relative => &[&["rel"]],
            Form::Weekday => &[&["wd"]],
        }
    }
}

/// Every capture name a shape may use.
const CAPTURES: &[&str] = &[
    "y", "m", "d", "a", "b", "mon", "wd", "q", "qn", "which", "rel", "at",
];

/// A date shape, compiled.
#[derive(Clone, Debug)]
pub struct CompiledShape {
    pub id: String,
    pub form: Form,
    /// Searched once over each text: its ASCII twin is what start-up builds.
    pub regex: WordRegex,
}

/// The compiled form used by the date extractor and normaliser.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// Date shapes, most specific first (see `extract::date`).
    pub shapes: Vec<CompiledShape>,

    months: HashMap<String, u32>,
    weekdays: HashMap<String, Weekday>,
    relatives: HashMap<String, i64>,
    day_parts: HashMap<String, DayPart>,
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

    /// The hours a part-of-day word ("morning", "tonight") means.
    pub fn day_part(&self, word: &str) -> Option<DayPart> {
        self.day_parts.get(&key(word)).cloned()
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

/// Parts built from the word lists; a `[parts]` entry may not reuse
/// these names.
const WORD_PARTS: &[&str] = &["month", "weekday", "relative"];

impl CalendarFile {
    /// Every `[[shape]]` expanded, checked and compiled, in file order.
    fn compile_shapes(&self) -> Result<Vec<CompiledShape>, RuleProblem> {
        let mut parts = BTreeMap::new();
        for (name, part) in &self.parts {
            if WORD_PARTS.contains(&name.as_str()) {
                return Err(RuleProblem::new(
                    format!("`{name}` is built from the word lists and cannot be redefined"),
                    Some(part.span()),
                ));
            }
            parts.insert(name.clone(), part.get_ref().clone());
        }
        parts.insert(
            "month".to_string(),
            format!(
                r"(?P<mon>(?:{})\.?)",
                alternation(self.month.iter().flat_map(|m| &m.names))
            ),
        );
        parts.insert(
            "weekday".to_string(),
            format!(
                r"(?P<wd>(?:{})\.?)",
                alternation(self.weekday.iter().flat_map(|w| &w.names))
            ),
        );
        parts.insert(
            "relative".to_string(),
            format!(
                r"(?P<rel>{})",
                alternation(self.relative.iter().flat_map(|r| &r.words))
            ),
        );
        let mut shapes = Vec::new();
        for shape in &self.shape {
            let full = pattern::expand(&shape.pattern, &parts)?;
            let regex =
                pattern::compile_checked_word(&shape.pattern, &full, shape.form.needs(), CAPTURES)?;
            shapes.push(CompiledShape {
                id: shape.id.clone(),
                form: shape.form,
                regex,
            });
        }
        Ok(shapes)
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
        self.day_part.extend(user.day_part);
        self.future.extend(user.future);
        merge_by_id(&mut self.shape, user.shape, |s| &s.id);
        self.parts.extend(user.parts);
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
        let mut day_parts = HashMap::new();
        for p in &self.day_part {
            let [from, to] = *p.hours.get_ref();
            if from >= to || to > 36 {
                return Err(RuleProblem::new(
                    "a part of a day's hours are [from, to], from before to, to at most 36",
                    Some(p.hours.span()),
                ));
            }
            // The entry's first word names the part ("night" for "tonight").
            let name = p.words.first().map(|w| key(w)).unwrap_or_default();
            for w in &p.words {
                day_parts.insert(
                    key(w),
                    DayPart {
                        name: name.clone(),
                        from,
                        to,
                    },
                );
            }
        }
        let shapes = self.compile_shapes()?;
        Ok(Compiled {
            shapes,
            months,
            weekdays,
            relatives,
            day_parts,
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
