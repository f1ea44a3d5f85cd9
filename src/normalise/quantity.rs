//! Normalisation of quantity mentions into quantity and duration claims.
//!
//! Takes the document's [`QuantityMention`]s and the [`Context`] and gives
//! each one:
//! - a [`QuantityValue`]: an interval in the base unit of what it measures
//!   (count, percent, percentage points, money in one currency, or a
//!   dimension of the unit table), widened by its qualifier and by the
//!   precision it is written with (the tolerances are documented at the top
//!   of `rules/quantities.toml`), and a display form ("more than 2.5 hours");
//! - a frame (see `normalise::frame`): what is counted or measured, the verb
//!   it hangs from, the names and days of its clause, and whether it is a
//!   fact, a forecast or a plan; with the measure, so money in two
//!   currencies, or percent and percentage points, are never compared, and
//!   the refinements extraction reads (a rate: "per share"; a relation:
//!   "a majority of 48").
//!
//! Durations implied by a time range come in through
//! [`duration_of_time_range`], for the time normaliser to call.

use super::Context;
use super::frame::{self, Shape};
use crate::claim::frame::{Frame, Term, Theme};
use crate::claim::quantity::{QuantityValue, is_money};
use crate::claim::{Anchor, Category, Claim, DocClaims, Skipped, Span, Value};
use crate::extract::quantity::{Figure, Measure, QuantityMention, Word};
use crate::index::TokenKind;
use crate::rules::quantities::{Compiled, QualifierKind};
use crate::rules::words::{Class, strip_possessive};

/// The quantity and duration claims of one document.
pub fn claims(ctx: &Context) -> DocClaims {
    let q = &ctx.rules.quantities;
    let mut out = DocClaims::default();
    let mut previous: Option<(&QuantityMention, Frame, String)> = None;
    for m in &ctx.mentions.quantities {
        let Some((category, value)) = value_of(m, q) else {
            continue;
        };
        // "up to 3.7 metres (12 feet)", "about 100 kilometers (60 miles)":
        // a conversion in brackets is the same figure, with the same
        // qualifier and frame; so is a sum in another currency ("HK$412
        // million (US$52.8 million)"), which keeps its own currency.
        let converted = previous.as_ref().filter(|(p, _, measure)| {
            (*measure == value.measure || (is_money(measure) && is_money(&value.measure)))
                && ctx
                    .doc
                    .text
                    .get(p.span.end..m.span.start)
                    .is_some_and(|gap| gap.trim() == "(")
        });
        let (value, frame) = match converted {
            Some((p, frame, _)) => {
                let mut as_written = m.clone();
                if as_written.qualifier.is_none() {
                    as_written.qualifier = p.qualifier.clone();
                }
                let value = value_of(&as_written, q).map_or(value, |(_, v)| v);
                let mut frame = frame.clone();
                frame.measure.clone_from(&value.measure);
                (value, frame)
            }
            None => {
                let frame = frame_of(ctx, m, &value, category);
                (value, frame)
            }
        };
        previous = Some((m, frame.clone(), value.measure.clone()));
        if let Some(reason) = no_claim(ctx, m, &frame, category) {
            out.skipped.push(Skipped {
                anchor: Anchor {
                    doc: 0,
                    span: m.span,
                },
                category,
                reason: reason.to_string(),
            });
            continue;
        }
        // A count's evidence ends at its noun: "175 prisoners", not "175
        // prisoners exchanged".
        let mut span = m.span;
        if m.measure == Measure::Count
            && let Some(head) = m.noun.iter().find(|w| is_plural(ctx, &w.text))
        {
            span.end = head.span.end.max(span.start);
        }
        out.claims.push(Claim {
            anchor: crate::claim::Anchor { doc: 0, span },
            category,
            frame,
            value: match category {
                Category::Duration => Value::Duration(value),
                _ => Value::Quantity(value),
            },
        });
    }
    out
}

/// Why a figure makes no claim: it is about nothing the sentence says (no
/// verb, no noun: "won the derby 2-1", an unknown currency's "billion"),
/// a part of a count told as such ("11 of them seriously": the count is
/// the claim), or a stretch of the calendar rather than a length ("over
/// the last two days").
fn no_claim(
    ctx: &Context,
    m: &QuantityMention,
    frame: &Frame,
    category: Category,
) -> Option<&'static str> {
    if frame.predicate.is_none() && frame.theme.is_none() {
        return Some("about nothing the sentence names");
    }
    if frame.refinements.iter().any(|r| r == "part of a whole") {
        return Some("a part of a count");
    }
    if m.measure == Measure::Count && number_in_a_name(ctx, m) {
        return Some("a number in a name");
    }
    if category == Category::Duration {
        let tokens = &ctx.index.tokens;
        let at = tokens.partition_point(|t| t.span.start < m.span.start);
        let before = |n: usize| at.checked_sub(n).and_then(|i| tokens.get(i));
        let framed = before(1).is_some_and(|t| t.class.has(crate::rules::words::Class::TIME_FRAME))
            && before(2).is_some_and(|t| t.lower == "the")
            && before(3).is_none_or(|t| t.lower != "for");
        if framed {
            return Some("a stretch of the calendar, not a length");
        }
    }
    None
}

/// The frame of a quantity mention: read from its clause by the frame
/// builder, with the refinements only extraction knows.
fn frame_of(
    ctx: &Context,
    m: &QuantityMention,
    value: &QuantityValue,
    category: Category,
) -> Frame {
    let q = &ctx.rules.quantities;
    let noun_from = m.noun.first().map_or(m.span.end, |w| w.span.start);
    let shape = match (&m.measure, category) {
        (_, Category::Duration) => Shape::Duration {
            noun_from,
            hyphenated: m.hyphenated,
        },
        (Measure::Count, _) => Shape::Count { noun_from },
        _ => Shape::Measure {
            noun_from,
            hyphenated: m.hyphenated,
        },
    };
    let mut frame = frame::build(ctx, m.span, &value.measure, shape);
    let words = &ctx.rules.words;
    let term = |w: &str| {
        let stem = words.stem(w);
        let class = words.synonym(w, &stem).map(|c| &words.synonyms[c]);
        Term {
            class: class.map(|c| c.id.clone()),
            stem,
            shown: class.map_or_else(|| w.to_string(), |c| c.label.clone()),
        }
    };
    // "winds of 120 mph", "a crowd of 2,000": the noun extraction read
    // before "of" is what is measured. A count with its own noun after
    // the figure counts that noun ("the card numbers of about 830,000
    // customers" counts customers), unless the noun before "of" is one the
    // rules put in a class ("the deaths of 60 people", "a crowd of 2,000
    // people").
    let counted_after = m.measure == Measure::Count
        && !m.noun.is_empty()
        && frame.theme.as_ref().is_some_and(|t| !t.implied)
        && m.measured
            .as_deref()
            .is_some_and(|w| words.synonym(w, &words.stem(w)).is_none());
    if let Some(noun) = m.measured.as_deref().filter(|w| !q.relations.contains(*w))
        && !q.ignore_modifiers.contains(noun)
        && !counted_after
    {
        frame.theme = Some(Theme::new(term(noun), Vec::new()).defined());
    } else if m.measure != Measure::Count
        && let Some(noun) = m.of_noun.as_deref()
    {
        // "61.2% of homes", "two days of talks": a share or a measure of
        // the noun after "of".
        frame.theme = Some(Theme::new(term(noun), Vec::new()).defined());
    }
    // A measure in a unit with nothing else to say what it measures is a
    // measure of its dimension ("958 hPa": a pressure); a unit written
    // before its figure names what it measures ("magnitude 6.9").
    if let Measure::Unit(i) = &m.measure
        && let Some(u) = q.units.get(*i)
        && u.dimension != "duration"
    {
        if u.prefix {
            frame.theme = Some(Theme::new(term(&u.dimension), Vec::new()));
        } else if frame.theme.is_none() {
            frame.theme = Some(Theme::implied(term(&u.dimension)));
        }
    }
    // The theme may have been read again here ("winds of 120 kph"): what
    // it names decides whether the figure changes as the story unfolds.
    frame::mark_changes(ctx, &mut frame);
    if let Some(per) = per_what(ctx, m) {
        frame.refinements.push(format!("per {per}"));
    }
    // "a majority of 84 seats", "the margin, 250,000 votes": a difference
    // or part of a total, not the total.
    if let Some(rel) = m.measured.as_deref().filter(|w| q.relations.contains(*w)) {
        frame.refinements.push(rel.to_string());
        if frame.theme.is_none() {
            frame.theme = Some(Theme::new(term(rel), Vec::new()));
        }
    }
    frame.refinements.sort();
    frame
}

/// The interval and display of a mention, and whether it is a duration.
pub fn value_of(m: &QuantityMention, q: &Compiled) -> Option<(Category, QuantityValue)> {
    let (unit, convertible) = match &m.measure {
        Measure::Unit(i) => match q.units.get(*i) {
            Some(u) => (
                u.id.clone(),
                u.dimension != "duration"
                    && q.units
                        .iter()
                        .filter(|o| o.dimension == u.dimension)
                        .count()
                        > 1,
            ),
            None => (String::new(), false),
        },
        _ => (String::new(), false),
    };
    let (measure, factor, offset, category) = match &m.measure {
        Measure::Count => ("count".to_string(), 1.0, 0.0, Category::Quantity),
        Measure::Percent => ("percent".to_string(), 1.0, 0.0, Category::Quantity),
        Measure::PercentagePoints => (
            "percentage points".to_string(),
            1.0,
            0.0,
            Category::Quantity,
        ),
        Measure::Money(c) => (c.clone(), 1.0, 0.0, Category::Quantity),
        Measure::Unit(i) => {
            let u = q.units.get(*i)?;
            let category = if u.dimension == "duration" {
                Category::Duration
            } else {
                Category::Quantity
            };
            (u.dimension.clone(), u.factor, u.offset, category)
        }
    };
    // Whole counts, sums of money and durations are exact as written;
    // percentages and measures are rounded to their last digit.
    let rounded_measure = m.measure.is_reading(q);
    let slack = |f: &Figure| {
        let scale = f.scale.as_ref().map_or(1.0, |s| s.0);
        if f.decimals > 0 || f.scale.is_some() || rounded_measure {
            // Just under half a unit, so neighbours (6.8 and 6.9) do not
            // touch while 52 and 52.3 still overlap.
            0.4999 * 10f64.powi(-(f.decimals as i32)) * scale
        } else {
            0.0
        }
    };
    let fig = &m.figure;
    let n = fig.value();
    let s = slack(fig);
    let mut qualifier = m.qualifier.clone().map(|(k, t, _)| (k, t));
    if qualifier.is_none() && fig.approximate {
        let tol = q
            .qualifiers
            .iter()
            .find(|(_, k, _)| *k == QualifierKind::About)
            .map_or(0.1, |(_, _, t)| *t);
        qualifier = Some((QualifierKind::About, tol));
    }
    let (low, high) = if let Some((lo, hi, _)) = &fig.vague {
        (*lo, *hi)
    } else if let Some(to) = &m.range_to {
        (n - s, to.value() + slack(to))
    } else {
        match qualifier {
            None | Some((QualifierKind::Between, _)) => (n - s, n + s),
            Some((QualifierKind::AtLeast | QualifierKind::MoreThan, _)) => (n - s, f64::INFINITY),
            Some((QualifierKind::JustOver, t)) => (n - s, n * (1.0 + t) + s),
            Some((QualifierKind::AtMost, _)) => (0.0, n + s),
            Some((QualifierKind::Nearly, t)) => (n * (1.0 - t) - s, n + s),
            Some((QualifierKind::About, t)) => (n * (1.0 - t) - s, n * (1.0 + t) + s),
        }
    };
    // Below zero a hedge widens the other way ("about minus 20").
    let (low, high) = if low > high { (high, low) } else { (low, high) };
    let base = |x: f64| {
        if x.is_finite() {
            x * factor + offset
        } else {
            x
        }
    };
    let shown = display(m, q, qualifier.map(|(k, _)| k));
    let about = (qualifier.is_some_and(|(k, _)| k == QualifierKind::About)
        && fig.vague.is_none()
        && m.range_to.is_none())
    .then_some(n * factor + offset);
    Some((
        category,
        QuantityValue {
            measure,
            // A hedge never takes a figure above zero below it.
            low: base(if n < 0.0 { low } else { low.max(0.0).min(high) }),
            high: base(high),
            shown,
            unit,
            convertible,
            about,
        },
    ))
}

/// "more than 2.5 hours", "USD 4.2 billion", "10–12", "52%".
fn display(m: &QuantityMention, q: &Compiled, qualifier: Option<QualifierKind>) -> String {
    let fig = &m.figure;
    if let Some((_, _, phrase)) = &fig.vague {
        return phrase.clone();
    }
    let mut number = match &m.range_to {
        Some(to) => {
            let same_scale = fig.scale == to.scale;
            let first = if same_scale {
                format_number(fig.mantissa, fig.decimals)
            } else {
                format_figure(fig)
            };
            format!("{first}–{}", format_figure(to))
        }
        None => format_figure(fig),
    };
    if m.range_to.is_none()
        && let Some(k) = qualifier
    {
        let word = match k {
            QualifierKind::AtLeast => "at least",
            QualifierKind::MoreThan => "more than",
            QualifierKind::JustOver => "just over",
            QualifierKind::AtMost => "at most",
            QualifierKind::Nearly => "nearly",
            QualifierKind::About => "about",
            QualifierKind::Between => "",
        };
        if !word.is_empty() {
            number = format!("{word} {number}");
        }
    }
    let top = m.range_to.as_ref().unwrap_or(fig);
    match &m.measure {
        Measure::Count => number,
        Measure::Percent => format!("{number}%"),
        Measure::PercentagePoints => format!("{number} percentage points"),
        Measure::Money(c) => match number.split_once(' ') {
            // "about USD 12" reads worse than "USD about 12"? Keep the
            // qualifier first: "about USD 4.2 billion".
            Some((qual, rest)) if qualifier.is_some() && m.range_to.is_none() => {
                let (qual, rest) = split_qualifier(&number).unwrap_or((qual, rest));
                format!("{qual} {c} {rest}")
            }
            _ => format!("{c} {number}"),
        },
        // A race time is shown as written: "2:03:41".
        Measure::Unit(_) if m.stopwatch => {
            let s = fig.mantissa;
            let whole = s.trunc() as i64;
            let clock = format!("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
            let clock = match fig.decimals {
                0 => clock,
                d => format!("{clock}{}", &format!("{:.*}", d, s.fract())[1..]),
            };
            match split_qualifier(&number) {
                Some((qual, _)) => format!("{qual} {clock}"),
                None => clock,
            }
        }
        Measure::Unit(i) => {
            let Some(u) = q.units.get(*i) else {
                return number;
            };
            if u.prefix {
                return match split_qualifier(&number) {
                    Some((qual, rest)) => format!("{qual} {} {rest}", u.display),
                    None => format!("{} {number}", u.display),
                };
            }
            let mut unit = u.display.clone();
            if top.value() == 1.0 && top.scale.is_none() && unit.ends_with('s') && unit.len() > 2 {
                unit.pop();
            }
            format!("{number} {unit}")
        }
    }
}

/// Splits "more than 4.2" into ("more than", "4.2").
fn split_qualifier(s: &str) -> Option<(&str, &str)> {
    let at = s.find(|c: char| c.is_ascii_digit())?;
    if at == 0 {
        return None;
    }
    Some((s[..at].trim_end(), &s[at..]))
}

fn format_figure(f: &Figure) -> String {
    let n = format_number(f.mantissa, f.decimals);
    match &f.scale {
        Some((_, name)) => format!("{n} {name}"),
        None => n,
    }
}

/// 2500 → "2,500"; 1.96 with 2 decimals → "1.96".
fn format_number(x: f64, decimals: usize) -> String {
    // `format!` panics on a precision above u16::MAX, and a document can
    // write 65,536 decimals; an f64 has no digits that far out anyway.
    let decimals = decimals.min(usize::from(u16::MAX));
    let s = format!("{:.decimals$}", x.abs());
    let sign = if x < 0.0 { "-" } else { "" };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(*c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// "$38.50 per share", "2,500 deaths each week": a rate, not a total.
fn per_what(ctx: &Context, m: &QuantityMention) -> Option<String> {
    let q = &ctx.rules.quantities;
    // The words right after the counted noun (or the figure).
    let head = m.noun.iter().position(|w| is_plural(ctx, &w.text));
    let rest: Vec<&Word> = match head {
        Some(i) => m.noun[i + 1..].iter().chain(&m.after).collect(),
        None if m.noun.is_empty() => m.after.iter().collect(),
        None => return None,
    };
    let first = rest.first()?;
    if !matches!(first.text.as_str(), "per" | "each" | "every" | "a" | "an") {
        return None;
    }
    let noun = rest.get(1)?;
    if q.stop_words.contains(noun.text.as_str()) {
        return None;
    }
    Some(ctx.rules.words.stem(&noun.text))
}

/// The hook for durations implied by a time range ("from 15:00 until
/// 17:00" is two hours): the time normaliser, which knows both ends in UTC,
/// calls this with the range's span, its length in minutes and the frame
/// of the happening it times, so a stated window and a stated length of
/// the same happening are compared.
pub fn duration_of_time_range(span: Span, minutes: i64, frame: &Frame) -> Option<Claim> {
    if minutes <= 0 {
        return None;
    }
    let (low, high) = ((minutes * 60) as f64, (minutes * 60) as f64);
    let shown = if minutes % 60 == 0 {
        let h = minutes / 60;
        format!("{h} hour{}", if h == 1 { "" } else { "s" })
    } else {
        format!("{minutes} minutes")
    };
    let mut frame = frame.clone();
    frame.measure = "duration".into();
    Some(Claim {
        anchor: crate::claim::Anchor { doc: 0, span },
        category: Category::Duration,
        frame,
        value: Value::Duration(QuantityValue {
            measure: "duration".into(),
            low,
            high,
            shown,
            unit: "minute".into(),
            convertible: false,
            about: None,
        }),
    })
}

/// Whether a lower-case word is a plural noun: an irregular plural of the
/// rules, or one whose stem drops its "s".
/// "the Falcon 9 rocket", "a Boeing 737 jet": a figure between a name's
/// capitalised word and a singular noun counts nothing (a count of more
/// than one takes the plural); it is part of the name.
fn number_in_a_name(ctx: &Context, m: &QuantityMention) -> bool {
    let tokens = &ctx.index.tokens;
    // The mention runs on over its noun ("9 rocket lifted"): the figure
    // is its first token, the noun the next.
    let at = tokens.partition_point(|t| t.span.start < m.span.start);
    let (Some(before), Some(figure), Some(after)) = (
        at.checked_sub(1).and_then(|i| tokens.get(i)),
        tokens.get(at),
        tokens.get(at + 1),
    ) else {
        return false;
    };
    let named = before.kind == TokenKind::Word
        && before.capitalised
        && !before.sentence_start
        && !before.breaks_before
        && strip_possessive(&before.lower).is_none()
        && !ctx.inside_time_or_date(before.span);
    let more_than_one = figure.kind == TokenKind::Number
        && figure.span.start == m.span.start
        && figure.lower != "1"
        && !figure.lower.contains([',', '.', '-']);
    // The noun right after the figure, and every word of its phrase,
    // singular ("66 home runs" and "28 main hotels" are counts).
    let singular = after.kind == TokenKind::Word
        && !after.capitalised
        && !after.class.has(Class::FUNCTION)
        && !after.verbish(&ctx.rules.words)
        && m.noun
            .first()
            .is_some_and(|w| w.span.start == after.span.start)
        && m.noun.iter().all(|w| !is_plural(ctx, &w.text));
    named && more_than_one && singular && m.figure.scale.is_none()
}

fn is_plural(ctx: &Context, word: &str) -> bool {
    let words = &ctx.rules.words;
    words.is_plural(word)
        || (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && word.len() > 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(measure: &str, low: f64, high: f64) -> QuantityValue {
        QuantityValue {
            measure: measure.into(),
            low,
            high,
            shown: String::new(),
            unit: String::new(),
            convertible: false,
            about: None,
        }
    }

    #[test]
    fn intervals_overlap_only_in_one_measure() {
        assert!(v("count", 10.0, 12.0).compatible(&v("count", 12.0, 12.0)));
        assert!(!v("count", 10.0, 12.0).compatible(&v("count", 13.0, 13.0)));
        assert!(!v("USD", 4.2, 4.2).compatible(&v("EUR", 4.2, 4.2)));
    }

    #[test]
    fn plurals_are_read_by_the_word_rules() {
        let words = &crate::test_support::rules().words;
        assert_eq!(words.stem("prisoners"), words.stem("prisoner"));
        assert_eq!(words.stem("people"), words.stem("person"));
        assert!(words.is_plural("crew"));
        assert!(!words.is_plural("soldier"));
    }

    #[test]
    fn a_number_in_a_name_counts_nothing() {
        let rules = crate::test_support::rules();
        let counts = |text: &str| -> Vec<String> {
            let doc = crate::load::Document::from_text("t", text);
            crate::analyse_document(&doc, rules)
                .claims
                .into_iter()
                .filter(|c| c.category == Category::Quantity)
                .map(|c| text[c.anchor.span.start..c.anchor.span.end].to_string())
                .collect()
        };
        assert!(counts("The Falcon 9 rocket lifted off on Saturday.").is_empty());
        assert!(counts("He spoke on Channel 2 television on Friday.").is_empty());
        // A count takes the plural; a possessive or a verb after the figure
        // leaves it a count.
        assert_eq!(counts("On Monday 12 rockets were fired."), ["12 rockets"]);
        assert_eq!(
            counts("Swissair's 15 aircraft were grounded."),
            ["15 aircraft"]
        );
    }

    /// The one quantity or duration claim of a sentence.
    fn claim(text: &str) -> Claim {
        let rules = crate::test_support::rules();
        let doc = crate::load::Document::from_text("t", text);
        let out = crate::analyse_document(&doc, rules);
        let found: Vec<Claim> = out
            .claims
            .into_iter()
            .filter(|c| matches!(c.category, Category::Quantity | Category::Duration))
            .collect();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    /// Whether two sentences' figures can both be true (their values
    /// agree, in one measure).
    fn agree(a: &str, b: &str) -> bool {
        let (a, b) = (claim(a), claim(b));
        a.value.compatible(&b.value)
    }

    /// Whether the aligner takes two sentences' figures for one fact.
    fn same_fact(a: &str, b: &str) -> bool {
        let category = claim(a).category;
        crate::test_support::same_fact(a, b, category)
    }

    #[test]
    fn rounding_and_precision() {
        assert!(agree(
            "She won 52.3% of the vote.",
            "She won 52 per cent of the vote."
        ));
        assert!(!agree(
            "She won 61.2% of the vote.",
            "She won 67% of the vote."
        ));
        assert!(agree(
            "The city has 1.96 million residents.",
            "The city has 2 million residents."
        ));
        assert!(!agree(
            "The quake had a magnitude of 6.8.",
            "The quake had a magnitude of 6.9."
        ));
        assert!(!agree(
            "Rescuers found 175 survivors.",
            "Rescuers found 200 survivors."
        ));
    }

    #[test]
    fn hedges_are_intervals() {
        assert!(agree(
            "Some 12,000 troops took part.",
            "About 12,400 troops took part."
        ));
        assert!(agree(
            "Some 12,000 troops took part.",
            "12,400 troops took part."
        ));
        assert!(!agree(
            "More than 200 troops took part.",
            "About 120 troops took part."
        ));
        assert!(agree(
            "Nearly 2,000 troops took part.",
            "1,900 troops took part."
        ));
        assert!(!agree(
            "Nearly 2,000 troops took part.",
            "2,100 troops took part."
        ));
        assert!(agree(
            "Up to 400 troops took part.",
            "350 troops took part."
        ));
        assert!(agree(
            "Between 10 and 12 troops took part.",
            "11 troops took part."
        ));
        assert!(agree(
            "Dozens of troops took part.",
            "Some 40 troops took part."
        ));
    }

    #[test]
    fn units_convert() {
        assert!(agree(
            "The quake struck at a depth of 40 kilometers.",
            "The quake struck at a depth of 25 miles."
        ));
        assert!(agree(
            "They agreed to a 90-minute pause.",
            "They agreed to a pause for 1.5 hours."
        ));
        assert!(!agree(
            "They agreed to a 90-minute pause.",
            "They agreed to a two-hour pause."
        ));
    }

    #[test]
    fn money_keeps_its_currency() {
        assert!(!agree(
            "The deal is worth $4.2 billion.",
            "The deal is worth $4.5bn."
        ));
        assert!(agree(
            "The deal is worth $4.2 billion.",
            "The deal is worth US$4.2bn."
        ));
        assert!(!same_fact(
            "The deal is worth $4.2 billion.",
            "The deal is worth €3.7 billion."
        ));
        assert!(!same_fact(
            "Support fell by 4 percent.",
            "Support fell by 4 percentage points."
        ));
    }

    #[test]
    fn a_sum_of_one_written_thing_is_one_fact() {
        // The verb and the thing the sum is of, in much the same words.
        assert!(same_fact(
            "Net income rose to $412 million in the quarter.",
            "Net income hit $512 million, or $1.87 a share."
        ));
        assert!(same_fact(
            "The prefecture estimates damage at $4.2 billion.",
            "The prefecture now estimates damage at $4.5 billion."
        ));
        // "rose to": the subject is the noun before the verb, not the verb.
        let c = claim("Net income rose to $412 million.");
        let theme = c.frame.theme.as_ref().expect("a theme");
        // ("net income" is a synonym of profit in words.toml.)
        assert_eq!(theme.head.class.as_deref(), Some("profit"), "{theme:?}");
        // "to $3.42 billion from $2.90 billion": the earlier figure is of
        // nothing the words before it name ("billion" is no noun).
        let text = "Revenue climbed 18% to $3.42 billion from $2.90 billion.";
        let all = crate::test_support::claims_of(text, Category::Quantity, None);
        assert!(!all.is_empty());
        for c in &all {
            assert!(
                c.frame
                    .theme
                    .as_ref()
                    .is_none_or(|t| t.head.shown != "billion"),
                "{:?}",
                c.frame
            );
        }
    }

    #[test]
    fn different_things_are_different_facts() {
        assert!(!same_fact(
            "The plane carried 162 passengers.",
            "The plane carried six crew."
        ));
        assert!(!same_fact(
            "They exchanged 175 prisoners.",
            "Russia returned 23 severely wounded soldiers."
        ));
        // Workers at the palace are not the unions' members.
        assert!(!same_fact(
            "More than 2,000 workers at the presidential palace went on strike.",
            "Some 19 million workers in the unions went on strike."
        ));
        // A toll for one country is not the total.
        assert!(!same_fact(
            "The storm killed 357 people in El Salvador.",
            "The storm killed more than 10,000 people in Honduras."
        ));
        // The same toll told in much the same words is one fact.
        assert!(same_fact(
            "A fire at the dance hall killed 60 people, police said.",
            "A fire at the dance hall killed 65 people, police said."
        ));
    }

    #[test]
    fn planned_and_actual_lengths_are_kept_apart() {
        assert!(!same_fact(
            "The meeting will last for two hours.",
            "The meeting lasted for over two and a half hours."
        ));
    }

    #[test]
    fn lengths_of_one_happening_are_one_fact() {
        assert!(same_fact(
            "The phone call lasted 40 minutes.",
            "The phone call lasted 55 minutes."
        ));
        // A first call's length is not the second's.
        assert!(!same_fact(
            "Their second call lasted 40 minutes.",
            "The call lasted 55 minutes."
        ));
    }

    #[test]
    fn a_planned_window_gives_its_happening_a_length() {
        let durations = crate::test_support::claims_of(
            "The leaders will hold a phone call from 16:00 to 18:00 on March 18, 2025.",
            Category::Duration,
            None,
        );
        let window = durations.first().expect("a length from the window");
        assert_eq!(window.value.display(), "2 hours");
        let stated = claim("The phone call will last two hours.");
        assert!(window.value.compatible(&stated.value));
    }

    #[test]
    fn a_conversion_in_brackets_is_the_same_figure() {
        let found = crate::test_support::claims_of(
            "A storm surge of up to 3.7 metres (12 feet) was forecast.",
            Category::Quantity,
            None,
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].frame, found[1].frame);
        assert_eq!(found[1].value.display(), "at most 12 ft");
    }

    #[test]
    fn the_ground_is_no_verb_and_it_is_the_subject_before() {
        // "ground" after an article is the noun, not "grind"; "It" stands
        // for the subject of the sentence before, past its relative clause.
        let theme = |text: &str| {
            let found = crate::test_support::claims_of(text, Category::Duration, None);
            let c = found.last().expect("a length");
            (
                c.frame.predicate.as_ref().map(|p| p.shown.clone()),
                c.frame.theme.as_ref().map(|t| t.head.shown.clone()),
            )
        };
        assert_eq!(
            theme(
                "The tornado, which struck Tuesday evening, carved a path through the county. It was on the ground for more than an hour."
            ),
            (None, Some("tornado".to_string()))
        );
        assert_eq!(
            theme("The tornado was on the ground for 31 minutes."),
            (None, Some("tornado".to_string()))
        );
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(format_number(2500.0, 0), "2,500");
        assert_eq!(format_number(1.96, 2), "1.96");
        assert_eq!(format_number(123456.5, 1), "123,456.5");
    }
}
