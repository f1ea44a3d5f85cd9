//! Normalisation of dates: written dates resolved to a day or a range of
//! days, against the document's publication day and zone.
//!
//! Takes the [`DateMention`]s of one document and hands on:
//! - [`resolve`]: every date that could be pinned down, for
//!   `Context::dates` (events take their day from these);
//! - [`claims`]: the day each event is told to have happened, one `date`
//!   claim per dated event mention (subject: the event kind, so documents
//!   can be compared), and a conflict-in-waiting when a weekday contradicts
//!   its date ("Friday, 6 February 2025" was a Thursday).
//!
//! Resolution rules (all anchored on `published`, never on the clock):
//! a year-less date takes the year that puts it nearest the publication day
//! (else the last year written before it in the document); numeric dates are
//! month-first in documents dated in an American zone, day-first elsewhere,
//! and unresolved when both readings are possible and the document has no
//! zone; a bare weekday is the nearest such day on or before the publication
//! day (or, for a past day, the latest day anywhere at the publication
//! instant), or on or after it when its sentence speaks of the future
//! ("will", "is set to", …). Whatever cannot be pinned down is `Err(reason)`.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{Context, DateRef};
use crate::claim::date::{DateKind, DateValue, DayPart, Reckoning, weekday_name};
use crate::claim::frame::Frame;
use crate::claim::{Anchor, Category, Claim, DocClaims, Span, Unresolved, Value};
use crate::extract::date::{DateForm, DateMention};

/// Every date mention of the document, resolved or with the reason why not.
pub fn resolve_all(ctx: &Context) -> Vec<(Span, Result<DateValue, String>)> {
    let mentions = &ctx.mentions.dates;
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.span, resolve_one(ctx, m, &mentions[..i])))
        .collect()
}

/// Resolves this document's dates for the other normalisers.
pub fn resolve(ctx: &Context) -> Vec<DateRef> {
    resolve_all(ctx)
        .into_iter()
        .filter_map(|(span, r)| r.ok().map(|value| DateRef { value, span }))
        .collect()
}

fn resolve_one(
    ctx: &Context,
    m: &DateMention,
    earlier: &[DateMention],
) -> Result<DateValue, String> {
    let published = ctx.today();
    let need_pub = || {
        published
            .ok_or_else(|| "a relative date in a document with no publication date".to_string())
    };
    match &m.form {
        DateForm::Day {
            year, month, day, ..
        } => {
            let year = match year {
                Some(y) => *y,
                None => infer_year(published, earlier, *month, *day)?,
            };
            ymd(year, *month, *day).map(DateValue::day)
        }
        DateForm::Numeric {
            first,
            second,
            year,
        } => {
            let (month, day) = numeric_order(ctx, *first, *second)?;
            let year = match year {
                Some(y) => *y,
                None => infer_year(published, earlier, month, day)?,
            };
            ymd(year, month, day).map(DateValue::day)
        }
        DateForm::Relative(n) => Ok(DateValue::day(add_days(need_pub()?, *n)?)),
        DateForm::Weekday(w) => {
            let p = need_pub()?;
            let future = tells_future(ctx, m.span);
            // A past day may be told in a zone already a day ahead of the
            // publication day (a Sunday wire story on a quake "on Monday" in
            // Japan): count back from the latest local day anywhere at the
            // publication instant, when the instant is known.
            let anchor = if future {
                p
            } else {
                latest_local_day(ctx).unwrap_or(p)
            };
            let from = anchor.weekday().num_days_from_monday() as i64;
            let to = w.num_days_from_monday() as i64;
            let offset = if future {
                (to - from).rem_euclid(7)
            } else {
                -(from - to).rem_euclid(7)
            };
            Ok(DateValue::day(add_days(anchor, offset)?))
        }
        DateForm::Week(n) => {
            let p = need_pub()?;
            let monday = add_days(p, -(p.weekday().num_days_from_monday() as i64) + 7 * n)?;
            let sunday = add_days(monday, 6)?;
            Ok(DateValue::range(
                monday,
                sunday,
                format!("week of {}", monday.format("%Y-%m-%d")),
            ))
        }
        DateForm::Weekend(which) => {
            let p = need_pub()?;
            let monday = add_days(p, -(p.weekday().num_days_from_monday() as i64))?;
            let weeks = match which {
                Some(n) => *n,
                None => {
                    // "over the weekend": the one just past, or under
                    // way; in a sentence about what is to come, the next.
                    let future = tells_future(ctx, m.span);
                    let weekend = p.weekday().num_days_from_monday() >= 5;
                    if future || weekend { 0 } else { -1 }
                }
            };
            let saturday = add_days(monday, 5 + 7 * weeks)?;
            Ok(DateValue::range(
                saturday,
                add_days(saturday, 1)?,
                format!("weekend of {}", saturday.format("%Y-%m-%d")),
            ))
        }
        DateForm::MonthRelative(n) => {
            let p = need_pub()?;
            let first = p.with_day(1).ok_or("bad day")?;
            let first = if *n < 0 {
                first.checked_sub_months(Months::new(n.unsigned_abs() as u32))
            } else {
                first.checked_add_months(Months::new(*n as u32))
            }
            .ok_or("date out of range")?;
            month_range(first.year(), first.month())
        }
        DateForm::EarlierThisMonth => {
            let p = need_pub()?;
            let first = p.with_day(1).ok_or("bad day")?;
            let last = add_days(p, -1)?.max(first);
            Ok(DateValue::range(
                first,
                last,
                format!(
                    "{} to {}",
                    first.format("%Y-%m-%d"),
                    last.format("%Y-%m-%d")
                ),
            ))
        }
        DateForm::Month { year, month } => {
            let year = match year {
                Some(y) => *y,
                None => infer_year(published, earlier, *month, 15)?,
            };
            month_range(year, *month)
        }
        DateForm::Quarter { year, quarter } => {
            let first = ymd(*year, (quarter - 1) * 3 + 1, 1)?;
            let next = first
                .checked_add_months(Months::new(3))
                .ok_or("date out of range")?;
            Ok(DateValue::range(
                first,
                add_days(next, -1)?,
                format!("{year}-Q{quarter}"),
            ))
        }
        DateForm::ByEndOfThisYear => Ok(DateValue {
            first: NaiveDate::MIN,
            last: ymd(need_pub()?.year(), 12, 31)?,
            kind: DateKind::NoLaterThan,
            zone: Reckoning::Unstated,
            one_day_event: false,
            relative: None,
            part: None,
            part_shown: false,
        }),
        DateForm::ByEndOfYear(year) => Ok(DateValue {
            first: NaiveDate::MIN,
            last: ymd(*year, 12, 31)?,
            kind: DateKind::NoLaterThan,
            zone: Reckoning::Unstated,
            one_day_event: false,
            relative: None,
            part: None,
            part_shown: false,
        }),
    }
}

/// The calendar day in UTC+14 (the earliest zone) at the publication
/// instant: the latest day any reader could call "today".
fn latest_local_day(ctx: &Context) -> Option<NaiveDate> {
    let instant = ctx.doc.published?.instant?;
    Some((instant.naive_utc() + chrono::Duration::hours(14)).date())
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("{year}-{month:02}-{day:02} is not a calendar date"))
}

fn add_days(d: NaiveDate, n: i64) -> Result<NaiveDate, String> {
    let r = if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    r.ok_or_else(|| "date out of range".to_string())
}

fn month_range(year: i32, month: u32) -> Result<DateValue, String> {
    let first = ymd(year, month, 1)?;
    let next = first
        .checked_add_months(Months::new(1))
        .ok_or("date out of range")?;
    Ok(DateValue::range(
        first,
        add_days(next, -1)?,
        format!("{year}-{month:02}"),
    ))
}

/// The year of a year-less date: the one of last, this or next year that
/// puts it nearest the publication day; without one, the last year written
/// in the document before it.
fn infer_year(
    published: Option<NaiveDate>,
    earlier: &[DateMention],
    month: u32,
    day: u32,
) -> Result<i32, String> {
    if let Some(p) = published {
        return (p.year() - 1..=p.year() + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|d| (*d - p).num_days().abs())
            .map(|d| d.year())
            .ok_or_else(|| format!("{month:02}-{day:02} is not a calendar date"));
    }
    earlier
        .iter()
        .rev()
        .find_map(|m| match m.form {
            DateForm::Day { year: Some(y), .. } | DateForm::Numeric { year: Some(y), .. } => {
                Some(y)
            }
            DateForm::Month { year: Some(y), .. } => Some(y),
            _ => None,
        })
        .ok_or_else(|| "a date without a year in a document with no publication date".to_string())
}

/// (month, day) of a numeric date "a/b/yyyy".
fn numeric_order(ctx: &Context, a: u32, b: u32) -> Result<(u32, u32), String> {
    if a > 12 && b <= 12 {
        return Ok((b, a));
    }
    if b > 12 && a <= 12 {
        return Ok((a, b));
    }
    if a == b {
        return Ok((a, b));
    }
    match ctx.doc.timezone {
        Some(tz) if tz.name().starts_with("America/") => Ok((a, b)),
        Some(_) => Ok((b, a)),
        None => Err(format!(
            "{a}/{b} may be day/month or month/day, and the document has no time zone to tell"
        )),
    }
}

/// The date claims of one document: the day of each happening a date is
/// written for (its frame: what happened), and weekday contradictions. A
/// date that bounds a period ("since Monday"), a dateline's, or one whose
/// clause names no happening makes no claim.
pub fn claims(ctx: &Context) -> DocClaims {
    let mut out = DocClaims::default();
    let anchor = |span: Span| Anchor { doc: 0, span };
    for ((span, value), m) in resolve_all(ctx).into_iter().zip(&ctx.mentions.dates) {
        let sentence = ctx.sentence(span.start);
        let relative = matches!(
            m.form,
            DateForm::Relative(_)
                | DateForm::Weekday(_)
                | DateForm::MonthRelative(_)
                | DateForm::Week(_)
                | DateForm::Weekend(_)
        )
        .then(|| ctx.text(span).to_lowercase());
        let dates_event = !super::when::is_bound(ctx, span)
            && !super::when::is_dateline(&ctx.doc.text, span, sentence);
        let frame = super::frame::build(ctx, span, "day", super::frame::Shape::Moment);
        let about_something = frame.predicate.is_some() || frame.theme.is_some();
        match value {
            Ok(value) if dates_event && about_something => {
                let once = super::frame::names_class(
                    ctx,
                    frame.predicate.as_ref(),
                    frame.theme.as_ref(),
                    |c| c.once,
                );
                out.claims.push(Claim {
                    anchor: anchor(span),
                    category: Category::Date,
                    frame,
                    value: Value::Date(DateValue {
                        zone: reckoning(ctx, span),
                        one_day_event: once,
                        relative,
                        part: (value.kind == DateKind::Day)
                            .then(|| part_of_day(ctx, span))
                            .flatten(),
                        ..value
                    }),
                })
            }
            Ok(_) => {}
            // A date that could not be pinned down is reported, so the
            // editor knows it was not checked.
            Err(reason) => out.unresolved.push(Unresolved {
                anchor: anchor(span),
                category: Category::Date,
                frame,
                reason,
            }),
        }
    }
    out.claims.extend(weekday_conflicts(ctx));
    out
}

/// The zone a date at `span` is reckoned in: the document's; without one,
/// unknown when its sentence names a zone or "local time", else unstated.
fn reckoning(ctx: &Context, span: Span) -> Reckoning {
    if let Some(tz) = ctx.doc.timezone {
        return Reckoning::Zone(tz);
    }
    let sentence = ctx.sentence(span.start);
    let zoned = ctx
        .times_in(sentence)
        .iter()
        .any(|t| t.zone.is_some() && t.span.end <= sentence.end);
    if zoned {
        Reckoning::Unknown
    } else {
        Reckoning::Unstated
    }
}

/// "Friday, 6 February 2025" when 6 February 2025 was a Thursday: two
/// claims about the written date that cannot both hold.
fn weekday_conflicts(ctx: &Context) -> Vec<Claim> {
    let mut out = Vec::new();
    let resolved = resolve_all(ctx);
    for (m, (_, r)) in ctx.mentions.dates.iter().zip(&resolved) {
        let (
            DateForm::Day {
                weekday: Some(w), ..
            },
            Ok(value),
        ) = (&m.form, r)
        else {
            continue;
        };
        let Some(day) = value.as_day() else { continue };
        if day.weekday() == *w {
            continue;
        }
        let mut frame = Frame::bare("weekday");
        frame.refinements = vec![format!("of {}", day.format("%Y-%m-%d"))];
        let weekday_text = ctx.text(m.span);
        let wd_len = weekday_name(*w).len().min(weekday_text.len());
        let wd_span = Span::new(m.span.start, m.span.start + wd_len);
        out.push(Claim {
            anchor: Anchor {
                doc: 0,
                span: wd_span,
            },
            category: Category::Date,
            frame: frame.clone(),
            value: Value::Date(DateValue {
                first: day,
                last: day,
                kind: DateKind::Weekday(*w),
                zone: Reckoning::Unstated,
                one_day_event: false,
                relative: None,
                part: None,
                part_shown: false,
            }),
        });
        out.push(Claim {
            anchor: Anchor {
                doc: 0,
                span: m.span,
            },
            category: Category::Date,
            frame,
            value: Value::Date(DateValue {
                first: day,
                last: day,
                kind: DateKind::Weekday(day.weekday()),
                zone: Reckoning::Unstated,
                one_day_event: false,
                relative: None,
                part: None,
                part_shown: false,
            }),
        });
    }
    out
}

/// The part of the day said with the date at `span`: the word right after
/// it ("on Monday morning") or its own last word ("last night"), when
/// `day_part` in rules/calendar.toml knows it.
fn part_of_day(ctx: &Context, span: Span) -> Option<DayPart> {
    let calendar = &ctx.rules.calendar;
    let own = ctx.text(span).split_whitespace().next_back();
    // Only a word that follows across spaces: "Monday. Morning…" is none.
    let next = ctx.doc.text[span.end..]
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty());
    own.and_then(|w| calendar.day_part(w))
        .or_else(|| next.and_then(|w| calendar.day_part(w)))
}

/// Whether the sentence holding `span` tells what is to come ("will",
/// "is expected to": `future` in rules/calendar.toml): a weekday or a
/// weekend in it is the next one, not the last.
fn tells_future(ctx: &Context, span: Span) -> bool {
    let sentence = format!(" {} ", ctx.text(ctx.sentence(span.start)).to_lowercase());
    ctx.rules
        .calendar
        .future
        .iter()
        .any(|f| sentence.contains(f.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::claim::Category;
    use crate::compare::{Finding, Kind};
    use crate::load::{Bundle, Document, Published};
    use crate::rules::Rules;

    fn doc(id: &str, text: &str, published: &str) -> Document {
        let mut d = Document::from_text(id, text);
        d.published = Some(Published::parse(published).unwrap());
        d.timezone = Some("Asia/Tokyo".parse().unwrap());
        d
    }

    #[test]
    fn neighbouring_days_in_different_zones_are_no_conflict() {
        // 3:17 a.m. Tuesday 18 March in Tokyo is Monday 17 March in London.
        let mut uk = doc(
            "uk",
            "The quake struck on Monday, 17 March 2025.",
            "2025-03-17",
        );
        uk.timezone = Some("Europe/London".parse().unwrap());
        let (findings, _) = date_findings(vec![
            doc(
                "jp",
                "The earthquake struck early on Tuesday.",
                "2025-03-18",
            ),
            uk.clone(),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
        // Two days apart, one source against one, are taken for two events
        // of one kind (a tremor on Friday, the quake on Sunday): not
        // compared (see compare::date for when they are).
        let (findings, _) = date_findings(vec![
            doc("jp", "The earthquake struck on Wednesday.", "2025-03-19"),
            uk,
        ]);
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn a_day_no_zone_gives_the_pinned_moment_is_a_conflict() {
        // The derailment is at 15:40 in Rome (13:40 UTC) on Tuesday 15
        // September: the 15th or the 16th on every clock. A London paper's
        // "Monday's derailment" (the 14th) is no reckoning of it; the day is
        // read through the possessive ("after Monday's derailment" is no
        // bound "after Monday").
        let mut london = doc(
            "london",
            "Questions are mounting after Monday's derailment of an intercity train near Chiusi.",
            "2026-09-17T09:00:00+01:00",
        );
        london.timezone = Some("Europe/London".parse().unwrap());
        let rome = |id: &str, text: &str| {
            let mut d = doc(id, text, "2026-09-16T09:00:00+02:00");
            d.timezone = Some("Europe/Rome".parse().unwrap());
            d
        };
        let docs = vec![
            london,
            rome(
                "a",
                "The intercity train derailed near Chiusi at 15:40 on Tuesday.",
            ),
            rome(
                "b",
                "An intercity train derailed near Chiusi on Tuesday afternoon.",
            ),
        ];
        let (findings, _) = date_findings(docs.clone());
        assert_eq!(findings.len(), 1, "{findings:?}");
        // Without a time to pin it, Monday in London may be a Rome Tuesday
        // reckoned elsewhere: no conflict.
        let mut unpinned = docs;
        unpinned[1] = rome("a", "The intercity train derailed near Chiusi on Tuesday.");
        let (findings, _) = date_findings(unpinned);
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn a_part_of_the_day_no_sources_clock_gives_is_a_conflict() {
        // The trams collide at 8.14 on Tuesday in Melbourne: 22:14 UTC on
        // Monday, 23:14 on Monday in London. A London paper's "Monday" and
        // "Monday night" are its own clock's; "Monday morning" is no
        // clock's reading of it among the sources' (London, Sydney, UTC),
        // though some Pacific island's would be.
        let zoned = |id: &str, text: &str, zone: &str| {
            let mut d = doc(id, text, "2029-06-12T21:00:00+12:00");
            d.timezone = Some(zone.parse().unwrap());
            d
        };
        let docs = |london: &str| {
            vec![
                zoned("uk", london, "Europe/London"),
                zoned(
                    "a",
                    "Two trams collided in Melbourne at 8.14am on Tuesday.",
                    "Australia/Sydney",
                ),
                zoned(
                    "b",
                    "Two trams collided in Melbourne on Tuesday.",
                    "Australia/Sydney",
                ),
            ]
        };
        let (findings, _) =
            date_findings(docs("Two trams collided in Melbourne on Monday morning."));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].message.contains("2029-06-11 morning"),
            "{findings:?}"
        );
        for right in ["on Monday", "on Monday night"] {
            let text = format!("Two trams collided in Melbourne {right}.");
            let (findings, _) = date_findings(docs(&text));
            assert!(findings.is_empty(), "{right}: {findings:?}");
        }
    }

    #[test]
    fn a_day_no_zone_gives_the_moment_another_report_times_is_a_conflict() {
        // An avalanche is no happening the rules name, let alone one that
        // happens once: the moment a Kathmandu report gives it (2245 GMT
        // Monday, 4:30 a.m. Tuesday in Nepal) pins its day all the same,
        // told with the same verb and the same theme. Wednesday is that
        // moment on no clock on Earth (UTC+14 reads 12:45 on Tuesday),
        // though an Auckland Wednesday overlaps a Kathmandu Tuesday.
        let zoned = |id: &str, text: &str, published: &str, zone: &str| {
            let mut d = doc(id, text, published);
            d.timezone = Some(zone.parse().unwrap());
            d
        };
        let docs = |auckland: &str| {
            vec![
                zoned(
                    "ktm",
                    "The avalanche struck Camp 2 at about 4:30 a.m. local time on Tuesday \
                     (2245 GMT Monday).",
                    "2028-05-02T19:30:00+05:45",
                    "Asia/Kathmandu",
                ),
                zoned(
                    "wire",
                    "The avalanche struck Camp 2 on Tuesday, officials said.",
                    "2028-05-03T12:20:00+01:00",
                    "Europe/London",
                ),
                zoned(
                    "akl",
                    auckland,
                    "2028-05-03T20:00:00+12:00",
                    "Pacific/Auckland",
                ),
            ]
        };
        let (findings, _) = date_findings(docs("The avalanche struck Camp 2 early on Wednesday."));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].values.iter().any(|v| v.value == "2028-05-03"),
            "{findings:?}"
        );
        // Without the Kathmandu clock time, Wednesday may be some zone's
        // reckoning of a Tuesday: no conflict.
        let mut unpinned = docs("The avalanche struck Camp 2 early on Wednesday.");
        unpinned[0] = zoned(
            "ktm",
            "The avalanche struck Camp 2 early on Tuesday.",
            "2028-05-02T19:30:00+05:45",
            "Asia/Kathmandu",
        );
        let (findings, _) = date_findings(unpinned);
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn the_day_a_happening_began_never_contradicts_a_day_of_it() {
        // A meteor storm that began Monday may be at its height Tuesday
        // night: the start's day agrees with the whole's when they are one
        // day, and is never set against another.
        let storm = |id: &str, text: &str| doc(id, text, "1998-11-17T12:00:00-04:00");
        let (findings, _) = date_findings(vec![
            storm(
                "a",
                "The storm, which began Monday, got its name from the constellation Leo.",
            ),
            storm(
                "b",
                "Astronomers readied their instruments for Tuesday night's storm, named for \
                 the constellation Leo.",
            ),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
        // Two starts are one fact: a day apart, they disagree.
        let (findings, _) = date_findings(vec![
            storm(
                "a",
                "The meteor storm over Leo began on Monday, astronomers said.",
            ),
            storm(
                "b",
                "The meteor storm over Leo began on Tuesday, astronomers said.",
            ),
        ]);
        assert_eq!(findings.len(), 1, "{findings:?}");
    }

    fn date_findings(docs: Vec<Document>) -> (Vec<Finding>, Vec<Finding>) {
        let rules = Rules::builtin().unwrap();
        let bundle = Bundle::in_memory("test", docs);
        let c = crate::check_bundle(bundle, &rules).comparison;
        let keep = |v: Vec<Finding>| {
            v.into_iter()
                .filter(|f| f.category == Category::Date && f.kind != Kind::Unresolved)
                .collect()
        };
        (keep(c.findings), keep(c.agreements))
    }

    #[test]
    fn a_quake_on_sunday_and_on_monday_is_a_conflict() {
        // Published Tuesday 18 March 2025: "Sunday" is the 16th, "Monday" the
        // 17th; both reckoned in Tokyo time. Both name the place: a day
        // needs more than the happening's name to be compared.
        let (findings, _) = date_findings(vec![
            doc("a", "The earthquake struck Osaka on Sunday.", "2025-03-18"),
            doc(
                "b",
                "The quake struck Osaka on Monday, killing dozens.",
                "2025-03-18",
            ),
        ]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        let values: Vec<&str> = findings[0]
            .values
            .iter()
            .map(|v| v.value.as_str())
            .collect();
        assert_eq!(values, ["2025-03-16", "2025-03-17"]);
    }

    #[test]
    fn a_one_day_event_dated_days_apart_is_a_conflict() {
        let quake = |id: &str, day: &str| {
            doc(
                id,
                &format!("The earthquake struck on {day} 2025."),
                "2025-05-20",
            )
        };
        // One quake, told on 12 May by two sources and 15 May by a third.
        let (findings, _) = date_findings(vec![
            quake("a", "12 May"),
            quake("b", "12 May"),
            quake("c", "15 May"),
        ]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        let values: Vec<&str> = findings[0]
            .values
            .iter()
            .map(|v| v.value.as_str())
            .collect();
        assert_eq!(values, ["2025-05-12", "2025-05-15"]);
        // Ten days apart: two quakes, not one told wrong.
        let (findings, _) = date_findings(vec![
            quake("a", "5 May"),
            quake("b", "5 May"),
            quake("c", "15 May"),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
        // A source that gives both days tells of two quakes.
        let (findings, _) = date_findings(vec![
            quake("a", "12 May"),
            doc(
                "b",
                "The earthquake struck on 15 May 2025. It followed the earthquake on 12 May 2025.",
                "2025-05-20",
            ),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn a_source_that_dates_the_event_on_several_days_contradicts_none() {
        // A fire that burns for days: one source gives it Saturday and
        // Monday itself, so a third day nearby is no contradiction.
        let (findings, _) = date_findings(vec![
            doc(
                "a",
                "Crews fought the fire on 4 October 2025. Crews fought the fire again on 6 October 2025.",
                "2025-10-07",
            ),
            doc(
                "b",
                "Crews fought the fire on 5 October 2025.",
                "2025-10-07",
            ),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
        // Each source with one day: neighbouring days are a conflict.
        let (findings, _) = date_findings(vec![
            doc(
                "a",
                "The fire reached the town on 6 October 2025.",
                "2025-10-07",
            ),
            doc(
                "b",
                "The fire reached the town on 5 October 2025.",
                "2025-10-07",
            ),
        ]);
        assert_eq!(findings.len(), 1, "{findings:?}");
    }

    #[test]
    fn a_summit_dated_days_apart_may_be_its_opening_and_its_close() {
        // Summits last days: 12 May and 15 May may both be true of one.
        let (findings, _) = date_findings(vec![
            doc("a", "The summit opened on 12 May 2025.", "2025-05-20"),
            doc("b", "The summit ended on 15 May 2025.", "2025-05-20"),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn two_calls_weeks_apart_are_two_events() {
        let (findings, agreements) = date_findings(vec![
            doc(
                "a",
                "Putin and Trump held a phone call on March 18, 2025.",
                "2025-03-18",
            ),
            doc(
                "b",
                "The leaders spoke in a phone conversation on 18 March.",
                "2025-03-19",
            ),
            doc(
                "c",
                "It followed their telephone call on February 12.",
                "2025-03-18",
            ),
        ]);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(agreements.len(), 1);
        assert_eq!(agreements[0].values[0].value, "2025-03-18");
    }

    #[test]
    fn a_weekday_that_contradicts_its_date_is_a_conflict() {
        // 6 February 2025 was a Thursday.
        let (findings, _) = date_findings(vec![doc(
            "a",
            "The verdict came on Friday, 6 February 2025.",
            "2025-02-07",
        )]);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].subject.key.contains("2025-02-06"),
            "{:?}",
            findings[0].subject
        );
        let values: Vec<&str> = findings[0]
            .values
            .iter()
            .map(|v| v.value.as_str())
            .collect();
        assert_eq!(values, ["Friday", "Thursday"]);
        let (findings, _) = date_findings(vec![doc(
            "a",
            "The verdict came on Thursday, 6 February 2025.",
            "2025-02-07",
        )]);
        assert!(findings.is_empty(), "{findings:?}");
    }
}
