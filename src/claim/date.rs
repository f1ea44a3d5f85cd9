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
    /// The part of the day said with it ("on Monday morning", "last
    /// night"): which hours of a local clock the day means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<DayPart>,
    /// Whether the part is shown with the day: only where it is why the
    /// day is wrong (see `compare::date::unreachable_days`), so that such a
    /// day is a value of its own beside the same day told without it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub part_shown: bool,
}

/// A part of a day by its name ("morning"): the hours of a local clock
/// from `from` up to (not including) `to`; past 24 they are the small
/// hours of the next day ("Monday night" at 1 a.m.).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayPart {
    pub name: String,
    pub from: u8,
    pub to: u8,
}

impl DayPart {
    /// Whether a local clock reading `local` is within this part of `day`.
    pub fn holds(&self, day: NaiveDate, local: chrono::NaiveDateTime) -> bool {
        let minutes = (local - day.and_time(chrono::NaiveTime::MIN)).num_minutes();
        (i64::from(self.from) * 60..i64::from(self.to) * 60).contains(&minutes)
    }
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
            part: None,
            part_shown: false,
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
            part: None,
            part_shown: false,
        }
    }

    /// A single day, if this is one.
    pub fn as_day(&self) -> Option<NaiveDate> {
        (self.kind == DateKind::Day).then_some(self.first)
    }

    /// Whether both values can be true of the same subject: the ranges
    /// overlap, or are single neighbouring days reckoned in zones whose
    /// clocks differ, in the direction the clocks differ (a quake at 3 a.m.
    /// Tuesday in Tokyo is Monday in London, never Wednesday), see
    /// [`Reckoning`] and [`DateValue::day_shift`]; a weekday fits a day
    /// that falls on it.
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
                let (behind, ahead) = if days { self.day_shift(other) } else { (0, 0) };
                // Some day of ours is some day of theirs moved by the shift.
                (self.first - other.last).num_days() <= ahead
                    && (other.first - self.last).num_days() <= -behind
            }
        }
    }

    /// How many days `self`'s reckoning of a moment can fall before
    /// (negative) or after `other`'s, as (earliest, latest). Neighbouring
    /// days are one moment only on evidence that the two are reckoned in
    /// zones whose clocks differ: none when either is unstated or the two
    /// clocks agree that day (Singapore and Hong Kong), and only in the
    /// direction they differ when both zones are known (a paper in a zone
    /// ahead reckons the same moment on the same day or the next, never the
    /// day before); either way when one zone is unknown.
    pub fn day_shift(&self, other: &Self) -> (i64, i64) {
        match (self.zone, other.zone) {
            (Reckoning::Unstated, _) | (_, Reckoning::Unstated) => (0, 0),
            (Reckoning::Zone(a), Reckoning::Zone(b)) => {
                let ahead = utc_offset(a, self.first) - utc_offset(b, self.first);
                match ahead.signum() {
                    1 => (0, 1),
                    -1 => (-1, 0),
                    _ => (0, 0),
                }
            }
            _ => (-1, 1),
        }
    }
}

/// The seconds `tz`'s clocks are ahead of UTC at noon UTC on `day`.
fn utc_offset(tz: Tz, day: NaiveDate) -> i32 {
    use chrono::{Offset, TimeZone};
    let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default();
    tz.offset_from_utc_datetime(&noon).fix().local_minus_utc()
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DateKind::Day => match &self.part {
                Some(p) if self.part_shown => {
                    write!(f, "{} {}", self.first.format("%Y-%m-%d"), p.name)
                }
                _ => write!(f, "{}", self.first.format("%Y-%m-%d")),
            },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day_in(d: &str, tz: Tz) -> DateValue {
        DateValue {
            zone: Reckoning::Zone(tz),
            ..DateValue::day(d.parse().unwrap())
        }
    }

    #[test]
    fn clocks_that_agree_leave_no_slack() {
        // Singapore and Hong Kong keep the same clock: Wednesday in one is
        // never Tuesday in the other.
        let hk = day_in("2026-09-29", chrono_tz::Asia::Hong_Kong);
        let sg = day_in("2026-09-30", chrono_tz::Asia::Singapore);
        assert!(!hk.compatible(&sg) && !sg.compatible(&hk));
        assert!(hk.compatible(&day_in("2026-09-29", chrono_tz::Asia::Singapore)));
    }

    #[test]
    fn a_zone_ahead_may_give_the_next_day_never_the_one_before() {
        let tokyo_tue = day_in("2025-10-28", chrono_tz::Asia::Tokyo);
        let london_mon = day_in("2025-10-27", chrono_tz::Europe::London);
        let london_wed = day_in("2025-10-29", chrono_tz::Europe::London);
        assert!(tokyo_tue.compatible(&london_mon) && london_mon.compatible(&tokyo_tue));
        assert!(!tokyo_tue.compatible(&london_wed) && !london_wed.compatible(&tokyo_tue));
        assert_eq!(tokyo_tue.day_shift(&london_mon), (0, 1));
        assert_eq!(london_mon.day_shift(&tokyo_tue), (-1, 0));
    }

    #[test]
    fn an_unknown_zone_leaves_slack_both_ways_and_an_unstated_none() {
        let tokyo = day_in("2025-10-28", chrono_tz::Asia::Tokyo);
        let unknown = |d: &str| DateValue {
            zone: Reckoning::Unknown,
            ..DateValue::day(d.parse().unwrap())
        };
        assert!(tokyo.compatible(&unknown("2025-10-27")));
        assert!(tokyo.compatible(&unknown("2025-10-29")));
        assert!(!tokyo.compatible(&DateValue::day("2025-10-27".parse().unwrap())));
    }
}
