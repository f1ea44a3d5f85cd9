//! Time values: a clock time normalised to a UTC instant or window, with
//! the precision and hedge it was written with, and the wall clock of a
//! time whose day is not known yet.

use serde::{Deserialize, Serialize};
use std::fmt;

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};

/// A clock reading as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    /// Whether minutes were written ("3:17 p.m.") or only the hour ("3 p.m.").
    pub minutes_given: bool,
}

/// How vaguely the time is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// A normalised time: a UTC instant or window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeValue {
    pub start: DateTime<Utc>,
    /// The end of a window; `None` for a point.
    pub end: Option<DateTime<Utc>>,
    /// Whether minutes were written ("15:00") or only the hour ("3 p.m.").
    pub minutes_given: bool,
    pub hedge: Option<Hedge>,
    /// Set when the day is not known: the wall clock and its zone, to be
    /// placed on a day by comparison; `start`/`end` are meaningless then.
    pub floating: Option<Floating>,
    /// Set when no zone is written with the time and it is read in the
    /// document's own zone: that zone's name, and whether the sentence
    /// itself says "local time" (so the reading is the writer's). A wire
    /// story about a far-off fire may give the place's clock bare while the
    /// document's zone is the wire's own: such a reading may agree with a
    /// time in a written zone, but contradicts one only when the writer
    /// anchored it.
    pub document_zone: Option<(String, bool)>,
}

impl TimeValue {
    /// Whether a disagreement between two readings can be trusted: both
    /// written with their zones, both read in one document zone, or a
    /// document-zone reading the writer anchored to "local time".
    pub fn comparable(&self, other: &TimeValue) -> bool {
        match (&self.document_zone, &other.document_zone) {
            (None, None) => true,
            (Some((a, _)), Some((b, _))) if a == b => true,
            (Some((_, anchored)), None) | (None, Some((_, anchored))) => *anchored,
            _ => false,
        }
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(fl) = &self.floating {
            let c = fl.start;
            return write!(
                f,
                "{}{:02}:{:02} {} (day not given)",
                self.hedge
                    .map(|h| format!("{} ", h.as_str()))
                    .unwrap_or_default(),
                c.hour,
                c.minute,
                fl.tz.name()
            );
        }
        if let Some(h) = self.hedge {
            write!(f, "{} ", h.as_str())?;
        }
        write!(f, "{}", self.start.format("%H:%M"))?;
        if let Some(end) = self.end {
            write!(f, "–{}", end.format("%H:%M"))?;
            if end.date_naive() != self.start.date_naive() {
                f.write_str(" (+1 day)")?;
            }
        }
        f.write_str(" UTC")
    }
}

impl TimeValue {
    /// The instants the value allows, widened by its precision and hedge:
    /// an hour written without minutes ("3 p.m.") allows 30 minutes either
    /// side, "about" 15 (30 for a bare hour), "shortly after" up to 30
    /// minutes after, "after"/"before" up to 12 hours.
    pub fn bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let end = self.end.unwrap_or(self.start);
        let slack = if self.minutes_given { 0 } else { 30 };
        let (before, after) = match self.hedge {
            None => (slack, slack),
            Some(Hedge::About) => (slack + 15, slack + 15),
            Some(Hedge::ShortlyAfter) => (slack, slack + 30),
            Some(Hedge::ShortlyBefore) => (slack + 30, slack),
            Some(Hedge::After) => (slack, 12 * 60),
            Some(Hedge::Before) => (12 * 60, slack),
        };
        (
            self.start - Duration::minutes(before),
            end + Duration::minutes(after),
        )
    }

    /// Whether both values can be true of the same subject: a point inside
    /// a window, overlapping windows, points within their precision. A
    /// stated start ("begin at 15:00") is a point, so it fits a window that
    /// starts then.
    pub fn compatible(&self, other: &Self) -> bool {
        if self.floating.is_some() || other.floating.is_some() {
            return true; // not placed in time: nothing to judge
        }
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        // Two clocks to the hour ("at 9am", "at 10am") each stand for
        // their half hour either side: an hour apart, they only touch.
        if !self.minutes_given && !other.minutes_given {
            return a0 < b1 && b0 < a1;
        }
        a0 <= b1 && b0 <= a1
    }
}

impl TimeValue {
    /// A floating value placed on a local day, if it exists there.
    pub fn place(&self, day: NaiveDate) -> Option<TimeValue> {
        let fl = self.floating.as_ref()?;
        let written = fl.written.as_deref();
        let start = to_utc(fl.tz, day, fl.start, written).ok()?;
        let end = match fl.end {
            Some(e) => {
                let mut end = to_utc(fl.tz, day, e, written).ok()?;
                if end < start {
                    end = to_utc(fl.tz, day.succ_opt()?, e, written).ok()?;
                }
                Some(end)
            }
            None => None,
        };
        Some(TimeValue {
            start,
            end,
            minutes_given: self.minutes_given,
            hedge: self.hedge,
            floating: None,
            document_zone: self.document_zone.clone(),
        })
    }
}

/// A wall-clock time in a known zone whose day is not given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Floating {
    pub tz: Tz,
    pub start: Clock,
    pub end: Option<Clock>,
    pub written: Option<String>,
}

/// The UTC instant of a wall-clock reading on a local day. A reading in the
/// hour repeated when clocks go back happened twice: it resolves only when
/// the written abbreviation names one of the two offsets ("1:40 a.m. EST"),
/// else it is unresolved ("1:40 a.m. ET"). A reading in the hour skipped
/// when clocks go forward never happened, and is unresolved.
pub fn to_utc(
    tz: Tz,
    day: NaiveDate,
    clock: Clock,
    written: Option<&str>,
) -> Result<DateTime<Utc>, String> {
    let time = NaiveTime::from_hms_opt(clock.hour, clock.minute, 0)
        .ok_or_else(|| format!("{:02}:{:02} is not a clock time", clock.hour, clock.minute))?;
    let local = day.and_time(time);
    let shown = || {
        format!(
            "{} {} ({})",
            day.format("%-d %B %Y"),
            time.format("%H:%M"),
            tz.name()
        )
    };
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let named =
                |t: &DateTime<Tz>| written.is_some_and(|w| t.offset().abbreviation() == Some(w));
            match (named(&a), named(&b)) {
                (true, false) => Ok(a.with_timezone(&Utc)),
                (false, true) => Ok(b.with_timezone(&Utc)),
                _ => Err(format!(
                    "{} happened twice (the clocks went back that night)",
                    shown()
                )),
            }
        }
        LocalResult::None => Err(format!(
            "{} never happened (the clocks went forward that night)",
            shown()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(hhmm: &str, minutes_given: bool, hedge: Option<Hedge>) -> TimeValue {
        TimeValue {
            start: format!("2027-05-11T{hhmm}:00Z").parse().unwrap(),
            end: None,
            minutes_given,
            hedge,
            floating: None,
            document_zone: None,
        }
    }

    #[test]
    fn clocks_to_the_hour_an_hour_apart_do_not_agree() {
        let nine = clock("09:00", false, None);
        assert!(!nine.compatible(&clock("10:00", false, None)));
        assert!(nine.compatible(&clock("09:00", false, None)));
        // A hedge or written minutes keep their slack.
        assert!(nine.compatible(&clock("10:00", false, Some(Hedge::About))));
        assert!(nine.compatible(&clock("09:30", true, None)));
    }

    #[test]
    fn a_point_fits_a_window_and_hedges_widen() {
        let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2025, 3, 18, h, m, 0).unwrap();
        let window = TimeValue {
            start: at(13, 0),
            end: Some(at(15, 0)),
            minutes_given: true,
            hedge: None,
            floating: None,
            document_zone: None,
        };
        let point = |h, m, minutes_given, hedge| TimeValue {
            start: at(h, m),
            end: None,
            minutes_given,
            hedge,
            floating: None,
            document_zone: None,
        };
        assert!(window.compatible(&point(13, 0, true, None)));
        assert!(window.compatible(&point(14, 30, true, None)));
        assert!(!window.compatible(&point(10, 0, true, None)));
        assert!(!point(13, 0, true, None).compatible(&point(13, 20, true, None)));
        assert!(point(13, 0, false, None).compatible(&point(13, 20, true, None)));
        assert!(point(13, 0, true, Some(Hedge::About)).compatible(&point(13, 10, true, None)));
        assert!(
            point(13, 0, true, Some(Hedge::ShortlyAfter)).compatible(&point(13, 25, true, None))
        );
        assert!(
            !point(13, 0, true, Some(Hedge::ShortlyAfter)).compatible(&point(12, 50, true, None))
        );
        assert_eq!(window.to_string(), "13:00–15:00 UTC");
        assert_eq!(
            point(9, 5, true, Some(Hedge::About)).to_string(),
            "about 09:05 UTC"
        );
    }
}
