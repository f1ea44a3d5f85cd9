//! Date values: a day or a range of days, with the zone the day is
//! reckoned in, and how two dates can both be true.

use serde::{Deserialize, Serialize};
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use chrono_tz::Tz;

/// What kind of day or range a date names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DateKind {
    Day,
    /// A range, shown by its label ("2025-03", "2026-Q1").
    Range(String),
    /// "by the end of 2025": any day up to `last`.
    NoLaterThan,
    /// A weekday written beside a date (`first` is that date).
    Weekday(Weekday),
}

/// In which zone a day is reckoned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reckoning {
    /// The document's zone.
    Zone(Tz),
    /// The sentence speaks of a local time or a named zone, and the
    /// document has none: the day may be anyone's.
    Unknown,
    /// Nothing says the day is reckoned anywhere in particular: taken to be
    /// the same reckoning as the other sources'.
    Unstated,
}

/// A normalised date: the days from `first` to `last`, both included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateValue {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub kind: DateKind,
    /// The zone the day is reckoned in: the same moment can fall on
    /// neighbouring days in different zones.
    pub zone: Reckoning,
    /// The day of an event that happens once on one day (`one_day` in
    /// `rules/events.toml`): days a few apart for it are one event told
    /// wrong (see `compare::date`).
    pub one_day_event: bool,
    /// The words of a date told relative to the day of writing ("today",
    /// "Sunday", "yesterday"), lower case: the same words in two reports
    /// published on different days are one sentence run again, not two
    /// days (see [`DateValue::compatible`]).
    pub relative: Option<String>,
}

impl DateValue {
    pub fn day(d: NaiveDate) -> Self {
        DateValue {
            first: d,
            last: d,
            kind: DateKind::Day,
            zone: Reckoning::Unstated,
            one_day_event: false,
            relative: None,
        }
    }

    pub fn range(first: NaiveDate, last: NaiveDate, label: String) -> Self {
        DateValue {
            first,
            last,
            kind: DateKind::Range(label),
            zone: Reckoning::Unstated,
            one_day_event: false,
            relative: None,
        }
    }

    /// A single day, if this is one.
    pub fn as_day(&self) -> Option<NaiveDate> {
        (self.kind == DateKind::Day).then_some(self.first)
    }

    /// Whether both values can be true of the same subject: the ranges
    /// overlap, or are single neighbouring days reckoned in different zones
    /// (a quake at 3 a.m. Tuesday in Tokyo is Monday in London), see
    /// [`Reckoning`]; a weekday fits a day that falls on it.
    pub fn compatible(&self, other: &Self) -> bool {
        if self.relative.is_some() && self.relative == other.relative {
            return true;
        }
        match (&self.kind, &other.kind) {
            (DateKind::Weekday(w), DateKind::Weekday(v)) => w == v,
            (DateKind::Weekday(w), _) => other.as_day().is_none_or(|d| d.weekday() == *w),
            (_, DateKind::Weekday(_)) => other.compatible(self),
            _ => {
                // Only single days can be one moment on neighbouring days;
                // a quarter or a deadline means its stated bounds.
                let days = self.kind == DateKind::Day && other.kind == DateKind::Day;
                // Neighbouring days are one moment only on evidence that
                // the two are reckoned in different zones.
                let elsewhere = match (self.zone, other.zone) {
                    (Reckoning::Unstated, _) | (_, Reckoning::Unstated) => false,
                    (Reckoning::Zone(a), Reckoning::Zone(b)) => a != b,
                    _ => true,
                };
                let slack = if days && elsewhere { 1 } else { 0 };
                // `a` is no later than `b` give or take the slack.
                let near = |a: NaiveDate, b: NaiveDate| (a - b).num_days() <= slack;
                near(self.first, other.last) && near(other.first, self.last)
            }
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DateKind::Day => write!(f, "{}", self.first.format("%Y-%m-%d")),
            DateKind::Range(label) => f.write_str(label),
            DateKind::NoLaterThan => write!(f, "by {}", self.last.format("%Y-%m-%d")),
            DateKind::Weekday(w) => write!(f, "{}", weekday_name(*w)),
        }
    }
}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
