//! Normalisation of quantity mentions into quantity and duration claims.
//!
//! Takes the document's [`QuantityMention`]s and the [`Context`] (sentences,
//! events) and gives each one:
//! - a [`QuantityValue`]: an interval in the base unit of what it measures
//!   (count, percent, percentage points, money in one currency, or a
//!   dimension of the unit table), widened by its qualifier and by the
//!   precision it is written with (the tolerances are documented at the top
//!   of `rules/quantities.toml`), and a display form ("more than 2.5 hours");
//! - a [`Subject`]: what is counted or measured, through the concepts of the
//!   rules ("30-day truce" and "30-day ceasefire" are one subject; "175
//!   prisoners" and "23 wounded soldiers" are two), with the measure in the
//!   key so money in two currencies, or percent and percentage points, are
//!   never compared. How long an event lasted is keyed on the event from
//!   [`Context::event_for`] (the 12 February call and the 18 March call are
//!   kept apart), and a planned length ("will last", "two hours available")
//!   is a different subject from the actual one.
//!
//! A figure whose subject cannot be told is left out: a missing comparison
//! is better than a false alarm. Durations implied by a time range come in
//! through [`duration_of_time_range`], for the time normaliser to call.

use super::Context;
use crate::claim::quantity::QuantityValue;
use crate::claim::{Category, Claim, DocClaims, Span, Subject, Value};
use crate::extract::quantity::{Figure, Measure, QuantityMention, Word};
use crate::rules::quantities::{Compiled, QualifierKind};

/// The quantity and duration claims of one document.
pub fn claims(ctx: &Context) -> DocClaims {
    let q = &ctx.rules.quantities;
    let mut out = DocClaims::default();
    for m in &ctx.mentions.quantities {
        let Some((category, value)) = value_of(m, q) else {
            continue;
        };
        let Some(subject) = subject_of(ctx, m, q, &value) else {
            continue;
        };
        // A count's evidence ends at its noun: "175 prisoners", not "175
        // prisoners exchanged".
        let mut span = m.span;
        if m.measure == Measure::Count
            && let Some(head) = m.noun.iter().find(|w| is_plural(&w.text))
        {
            span.end = head.span.end.max(span.start);
        }
        out.claims.push(Claim {
            anchor: crate::claim::Anchor { doc: 0, span },
            category,
            subject,
            value: match category {
                Category::Duration => Value::Duration(value),
                _ => Value::Quantity(value),
            },
        });
    }
    out
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
    let rounded_measure = matches!(m.measure, Measure::Percent | Measure::PercentagePoints)
        || matches!(&m.measure, Measure::Unit(i) if q.units.get(*i).is_some_and(|u| u.dimension != "duration"));
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
    let base = |x: f64| {
        if x.is_finite() {
            x * factor + offset
        } else {
            x
        }
    };
    let shown = display(m, q, qualifier.map(|(k, _)| k));
    Some((
        category,
        QuantityValue {
            measure,
            low: base(low.max(0.0).min(high)),
            high: base(high),
            shown,
            unit,
            convertible,
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
    let s = format!("{x:.decimals$}");
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
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}

/// What the mention counts or measures, or `None` when that cannot be told.
fn subject_of(
    ctx: &Context,
    m: &QuantityMention,
    q: &Compiled,
    value: &QuantityValue,
) -> Option<Subject> {
    let measure = value.measure.as_str();
    let what = match &m.measure {
        Measure::Unit(i) if q.units.get(*i).is_some_and(|u| u.dimension == "duration") => {
            return duration_subject(ctx, m, q);
        }
        // A mass is the weight of the story's object whether it "weighs
        // 2,150 kg" or is "the 2,150 kg spacecraft".
        Measure::Unit(i) if q.units.get(*i).is_some_and(|u| u.dimension == "mass") => m
            .measured
            .as_deref()
            .or(m.of_noun.as_deref())
            .map(|w| concept_or_lemma(q, w))
            .or_else(|| Some("weight".to_string())),
        Measure::Unit(_) => m
            .measured
            .as_deref()
            .or(m.of_noun.as_deref())
            .or(m.noun.first().map(|w| w.text.as_str()))
            .map(|w| concept_or_lemma(q, w))
            .or_else(|| concept_before(ctx, m, q, 8)),
        Measure::Percent | Measure::PercentagePoints | Measure::Money(_) => m
            .of_noun
            .as_deref()
            .or(m.measured.as_deref())
            .map(|w| concept_or_lemma(q, w))
            .or_else(|| noun_head(q, &m.noun))
            .or_else(|| concept_before(ctx, m, q, 8)),
        Measure::Count => count_what(q, m).or_else(|| toll_before(ctx, m, q)),
    }?;
    let (clause_before, clause_after) = clause(ctx, m);
    let sentence_before = sentence_before(ctx, m);
    let relation = words_of(&sentence_before)
        .iter()
        .rev()
        .take(6)
        .find(|w| q.relations.contains(**w))
        .filter(|w| **w != what)
        .map(|w| format!("{w} in "))
        .unwrap_or_default();
    let expected = has_cue(&q.expected_cues, &format!("{clause_before} {clause_after}"));
    let rate = per_what(q, m)
        .map(|per| format!(" per {per}"))
        .unwrap_or_default();
    let mut key = format!(
        "{measure}:{}{what}{}",
        relation.replace(' ', "-"),
        rate.replace(' ', "-")
    );
    let mut label = format!("{relation}{}{rate} ({measure})", what.replace('+', ", "));
    if expected {
        key.push_str("/expected");
        label.push_str(", forecast or warning");
    }
    if let Some(year) = other_year(ctx, m) {
        key.push_str(&format!("@{year}"));
        label.push_str(&format!(", in {year}"));
    }
    Some(Subject::new(key, label))
}

/// The clause around a figure: from the last comma, semicolon, colon,
/// bracket or dash before it to the next one after it, inside its
/// sentence, before and after the figure, as written.
fn clause(ctx: &Context, m: &QuantityMention) -> (String, String) {
    let sentence = ctx.sentence(m.span.start);
    let text = &ctx.doc.text;
    let start = sentence.start.min(m.span.start);
    let end = sentence.end.max(m.span.end);
    let before = text.get(start..m.span.start).unwrap_or("");
    let after = text.get(m.span.end..end).unwrap_or("");
    let is_break = |c: char| matches!(c, ';' | ':' | '(' | ')' | '—' | '–');
    // A comma only breaks when a space follows (not "2,500").
    let cut_before = before
        .char_indices()
        .rev()
        .find(|(i, c)| is_break(*c) || (*c == ',' && before[i + 1..].starts_with(' ')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let cut_after = after
        .char_indices()
        .find(|(i, c)| is_break(*c) || (*c == ',' && after[i + 1..].starts_with(' ')))
        .map_or(after.len(), |(i, _)| i);
    let (mut before, mut after) = (
        before[cut_before..].to_string(),
        after[..cut_after].to_string(),
    );
    // Coordinated clauses: "measured 958 hPa and warned of a surge".
    for joint in [
        " and ",
        " but ",
        " while ",
        " although ",
        " which ",
        " who ",
    ] {
        if let Some(i) = after.find(joint) {
            after.truncate(i);
        }
        if let Some(i) = before.rfind(joint) {
            before = before[i + joint.len()..].to_string();
        }
    }
    (before, after)
}

/// "$38.50 per share", "2,500 deaths each week": a rate, not a total.
fn per_what(q: &Compiled, m: &QuantityMention) -> Option<String> {
    // The words right after the counted noun (or the figure).
    let head = m.noun.iter().position(|w| is_plural(&w.text));
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
    Some(lemma(&noun.text))
}

/// The sentence up to the figure, lower case.
fn sentence_before(ctx: &Context, m: &QuantityMention) -> String {
    let sentence = ctx.sentence(m.span.start);
    ctx.doc
        .text
        .get(sentence.start.min(m.span.start)..m.span.start)
        .unwrap_or("")
        .to_lowercase()
}

fn words_of(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether any cue (one or more words) occurs in `text` as whole words.
/// The month "May" (capitalised) is not the modal "may".
fn has_cue(cues: &[String], text: &str) -> bool {
    let words: Vec<String> = words_of(text)
        .into_iter()
        .filter(|w| *w != "May")
        .map(str::to_lowercase)
        .collect();
    let joined = format!(" {} ", words.join(" "));
    cues.iter().any(|cue| joined.contains(&format!(" {cue} ")))
}

/// A year before the document's own named in the figure's sentence: "the
/// 2011 quake killed more than 18,000" is about another event than this
/// year's. Only with a known publication date.
fn other_year(ctx: &Context, m: &QuantityMention) -> Option<i32> {
    use chrono::Datelike;
    let this_year = ctx.today()?.year();
    let sentence = ctx.sentence(m.span.start);
    let text = ctx.doc.text.get(sentence.start..sentence.end)?;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let boundary_before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let boundary_after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        if boundary_before && boundary_after && window.iter().all(u8::is_ascii_digit) {
            let year: i32 = std::str::from_utf8(window).ok()?.parse().ok()?;
            if (1800..this_year).contains(&year) {
                return Some(year);
            }
        }
        i += 1;
    }
    None
}

/// How long something lasted (or was meant to):
/// - "a 30-day truce", "a two-day summit": the noun after the unit;
/// - "two days of talks": the noun after "of";
/// - "lasted 1.5 hours", "for six hours" with no concept before: the
///   event of the sentence, planned or actual;
/// - "refrain from attacking … for 30 days": the nearest concept before.
fn duration_subject(ctx: &Context, m: &QuantityMention, q: &Compiled) -> Option<Subject> {
    // "a 40-minute call on June 2": the noun after the length is the event
    // itself, so the length belongs to that event (and its day).
    if let Some(event) = ctx.event_for(m.span)
        && m.noun
            .iter()
            .take(2)
            .any(|w| w.span.start < event.span.end && event.span.start < w.span.end)
    {
        return Some(event_duration(ctx, q, m.span, event_subject(event)));
    }
    let thing = if m.hyphenated && !m.noun.is_empty() {
        m.noun
            .iter()
            .find_map(|w| concept(q, &w.text))
            .or_else(|| m.noun.last().map(|w| lemma(&w.text)))
    } else if let Some(of) = &m.of_noun {
        Some(concept_or_lemma(q, of))
    } else if let Some(thing) = m.noun.first().and_then(|w| concept(q, &w.text)) {
        // "an hour and a half circling": a concept right after the unit.
        Some(thing)
    } else if let Some(since) = since_what(q, m) {
        Some(since)
    } else if m.after_for && !m.actual_verb {
        concept_before(ctx, m, q, 12)
    } else {
        None
    };
    if let Some(thing) = thing {
        return Some(Subject::new(
            format!("duration:{thing}"),
            format!("how long: {thing}"),
        ));
    }
    if !(m.actual_verb || m.after_for) {
        return None;
    }
    // The event of the sentence keeps calls on different days apart. An
    // event only found in the sentence before yields to what the sentence
    // itself says lasted ("Shaking lasted about 40 seconds").
    let sentence = ctx.sentence(m.span.start);
    let event = ctx.event_for(m.span);
    let in_sentence =
        event.is_some_and(|e| e.span.start >= sentence.start && e.span.end <= sentence.end);
    let said = m.verb_subject.as_deref().map(|w| concept_or_lemma(q, w));
    let subject = match (event, said) {
        (Some(e), _) if in_sentence => event_subject(e),
        (_, Some(thing)) => Subject::new(thing.clone(), thing),
        (Some(e), None) => event_subject(e),
        (None, None) => return None,
    };
    Some(event_duration(ctx, q, m.span, subject))
}

/// An event as the subject of its length: kind and day, or for an event
/// whose day is not known the kind alone, the same key as "the quake
/// lasted" gives when no event is resolved ("Shaking lasted 40 seconds"
/// and "the tremor lasted 40 seconds" are compared).
fn event_subject(event: &crate::normalise::EventRef) -> Subject {
    match event.date {
        Some(_) => event.subject(),
        None => Subject::new(event.kind.clone(), event.label.clone()),
    }
}

/// The subject of how long an event lasted, or was planned to last, from
/// the event's own subject and the words before the length.
fn event_duration(ctx: &Context, q: &Compiled, span: Span, subject: Subject) -> Subject {
    let sentence = ctx.sentence(span.start);
    let before = ctx
        .doc
        .text
        .get(sentence.start.min(span.start)..span.start)
        .unwrap_or("");
    let planned = is_planned(q, before);
    let (tag, how) = if planned {
        ("planned", "how long it was planned to last")
    } else {
        ("actual", "how long it lasted")
    };
    Subject::new(
        format!("{}/duration-{tag}", subject.key),
        format!("{}: {how}", subject.label),
    )
}

/// The hook for durations implied by a time range ("between 16:00 and
/// 18:00" is two hours): the time normaliser, which knows both ends in
/// UTC, calls this with the range's span and its length in minutes. The
/// claim is keyed like "lasted 1.5 hours" on the event of the sentence,
/// planned or actual by the same cues, so a stated window and a stated
/// length of the same event are compared. `None` without an event: a
/// bare window says nothing about what lasted.
pub fn duration_of_time_range(ctx: &Context, span: Span, minutes: i64) -> Option<Claim> {
    if minutes <= 0 {
        return None;
    }
    let q = &ctx.rules.quantities;
    let event = ctx.event_for(span)?;
    let subject = event_duration(ctx, q, span, event_subject(event));
    let (low, high) = ((minutes * 60) as f64, (minutes * 60) as f64);
    let shown = if minutes % 60 == 0 {
        let h = minutes / 60;
        format!("{h} hour{}", if h == 1 { "" } else { "s" })
    } else {
        format!("{minutes} minutes")
    };
    Some(Claim {
        anchor: crate::claim::Anchor { doc: 0, span },
        category: Category::Duration,
        subject,
        value: Value::Duration(QuantityValue {
            measure: "duration".into(),
            low,
            high,
            shown,
            unit: "minute".into(),
            convertible: false,
        }),
    })
}

/// "57 minutes after liftoff", "two days before the vote": a time span
/// from an event, named by the preposition and the event's noun.
fn since_what(q: &Compiled, m: &QuantityMention) -> Option<String> {
    let first = m.after.first()?;
    if !matches!(first.text.as_str(), "after" | "before" | "since") || !m.noun.is_empty() {
        return None;
    }
    let noun = m
        .after
        .iter()
        .skip(1)
        .find(|w| !q.stop_words.contains(w.text.as_str()))?;
    Some(format!(
        "{} {}",
        first.text,
        concept_or_lemma(q, &noun.text)
    ))
}

/// Whether the words before a duration make it a plan: "will last",
/// "scheduled", "two hours available".
fn is_planned(q: &Compiled, before: &str) -> bool {
    has_cue(&q.planned_cues, before)
}

/// The nearest concept named in the same sentence within `n` words
/// before the mention ("refrain from attacking … for 30 days" → pause).
fn concept_before(ctx: &Context, m: &QuantityMention, q: &Compiled, n: usize) -> Option<String> {
    let sentence = ctx.sentence(m.span.start);
    let start = sentence.start.min(m.span.start);
    let before = ctx.doc.text.get(start..m.span.start)?.to_lowercase();
    before
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .find_map(|w| match q.concepts.get(w) {
            Some((id, false)) => Some(id.clone()),
            _ => None,
        })
}

fn concept(q: &Compiled, word: &str) -> Option<String> {
    q.concepts.get(word).map(|(id, _)| id.clone())
}

fn concept_or_lemma(q: &Compiled, word: &str) -> String {
    concept(q, word).unwrap_or_else(|| lemma(word))
}

/// Plural nouns that do not end in "s", and collective nouns counted as
/// such ("six crew").
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "person"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("crew", "crew"),
    ("staff", "staff"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("cattle", "cattle"),
    ("sheep", "sheep"),
    ("aircraft", "aircraft"),
    ("livestock", "livestock"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
];

/// The singular of a plural noun, roughly: enough to fold "prisoners"
/// into "prisoner" and "casualties" into "casualty".
fn lemma(word: &str) -> String {
    if let Some((_, s)) = IRREGULAR_PLURALS.iter().find(|(p, _)| *p == word) {
        return s.to_string();
    }
    let w = word;
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    for end in ["sses", "xes", "ches", "shes", "zes"] {
        if w.len() > end.len() + 1 && w.ends_with(end) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

fn is_plural(word: &str) -> bool {
    IRREGULAR_PLURALS.iter().any(|(p, _)| *p == word) || lemma(word) != word
}

/// The head noun of a noun phrase after a figure: its first plural word.
fn noun_head(q: &Compiled, noun: &[Word]) -> Option<String> {
    noun.iter()
        .find(|w| is_plural(&w.text))
        .map(|w| concept_or_lemma(q, &w.text))
}

/// What a bare count counts: the head noun with the modifiers that change
/// it ("wounded", "Ukrainian") and a state said after it ("were killed").
/// Adverbs and modifiers the rules ignore ("additional") are dropped.
fn count_what(q: &Compiled, m: &QuantityMention) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    // "a majority of 84 seats": the relation is what is counted.
    if let Some(measured) = &m.measured
        && q.relations.contains(measured.as_str())
    {
        return Some(measured.clone());
    }
    let head_at = m.noun.iter().position(|w| is_plural(&w.text));
    let head = match (head_at, &m.measured) {
        (Some(i), _) => {
            for w in &m.noun[..i] {
                if let Some(p) = modifier(q, &w.text) {
                    parts.push(p);
                }
            }
            concept_or_lemma(q, &m.noun[i].text)
        }
        (None, Some(measured)) if !q.ignore_modifiers.contains(measured.as_str()) => {
            concept_or_lemma(q, measured)
        }
        // "left 120 injured": a state alone counts people.
        (None, _) if m.after.first().is_some_and(|w| w.text == "of") => return None,
        (None, _) => match m.noun.first().and_then(|w| q.concepts.get(&w.text)) {
            Some((id, true)) => return Some(format!("{id}+person")),
            _ => return None,
        },
    };
    // "30 people were killed", "175 prisoners exchanged": only a state
    // word right after the noun, through auxiliaries, refines it.
    const AUX: &[&str] = &[
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "are",
        "is",
        "reportedly",
        "also",
        "later",
        "now",
        "being",
    ];
    // "killed at least 45 people": the state as the verb before.
    if let Some((id, true)) = m.word_before.as_deref().and_then(|w| q.concepts.get(w)) {
        parts.push(id.clone());
    } else if head_at.is_some() {
        for w in &m.after {
            match q.concepts.get(&w.text) {
                Some((id, true)) => {
                    parts.push(id.clone());
                    break;
                }
                _ if AUX.contains(&w.text.as_str()) => continue,
                _ => break,
            }
        }
    }
    if !parts.contains(&head) {
        parts.push(head);
    }
    parts.sort();
    parts.dedup();
    Some(parts.join("+"))
}

/// A count with no noun after it, told as a state: "the death toll rose
/// to 52" counts people killed. Only a state concept within twelve words
/// before the figure, in the same sentence, names it (the nearest wins:
/// "killed 30 and injured 45").
fn toll_before(ctx: &Context, m: &QuantityMention, q: &Compiled) -> Option<String> {
    // "11 of them", "two of Kamaishi": a part of a count, not the count.
    if !m.noun.is_empty() || m.after.first().is_some_and(|w| w.text == "of") {
        return None;
    }
    let sentence = ctx.sentence(m.span.start);
    let before = ctx
        .doc
        .text
        .get(sentence.start.min(m.span.start)..m.span.start)?
        .to_lowercase();
    before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(12)
        .find_map(|w| match q.concepts.get(w) {
            Some((id, true)) => Some(format!("{id}+person")),
            _ => None,
        })
}

fn modifier(q: &Compiled, word: &str) -> Option<String> {
    if word.ends_with("ly") || q.ignore_modifiers.contains(word) {
        return None;
    }
    Some(concept_or_lemma(q, word))
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
        }
    }

    #[test]
    fn intervals_overlap_only_in_one_measure() {
        assert!(v("count", 10.0, 12.0).compatible(&v("count", 12.0, 12.0)));
        assert!(!v("count", 10.0, 12.0).compatible(&v("count", 13.0, 13.0)));
        assert!(!v("USD", 4.2, 4.2).compatible(&v("EUR", 4.2, 4.2)));
    }

    #[test]
    fn lemmas_fold_plurals() {
        assert_eq!(lemma("prisoners"), "prisoner");
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("people"), "person");
        assert_eq!(lemma("crew"), "crew");
        assert_eq!(lemma("status"), "status");
        assert!(!is_plural("soldier"));
    }

    /// The one quantity or duration claim of a sentence.
    fn claim(text: &str) -> Claim {
        static RULES: std::sync::OnceLock<crate::rules::Rules> = std::sync::OnceLock::new();
        let rules = RULES.get_or_init(|| crate::rules::Rules::builtin().expect("rules load"));
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

    fn claim_in(text: &str) -> Claim {
        claim(text)
    }

    /// Whether two sentences' figures are compared (same subject) and agree.
    fn agree(a: &str, b: &str) -> bool {
        let (a, b) = (claim(a), claim(b));
        assert_eq!(a.subject.key, b.subject.key, "not the same subject");
        a.value.compatible(&b.value)
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
        let usd = claim("The deal is worth $4.2 billion.");
        let eur = claim("The deal is worth €3.7 billion.");
        assert_ne!(usd.subject.key, eur.subject.key);
        let pc = claim("Support fell by 4 percent.");
        let pts = claim("Support fell by 4 percentage points.");
        assert_ne!(pc.subject.key, pts.subject.key);
    }

    #[test]
    fn different_things_are_different_subjects() {
        let passengers = claim("The plane carried 162 passengers.");
        let crew = claim("The plane carried six crew.");
        assert_ne!(passengers.subject.key, crew.subject.key);
        let prisoners = claim("They exchanged 175 prisoners.");
        let wounded = claim("Russia returned 23 severely wounded soldiers.");
        assert_ne!(prisoners.subject.key, wounded.subject.key);
        assert!(agree(
            "At least 30 people were killed.",
            "The quake killed 45 people."
        ));
    }

    #[test]
    fn planned_and_actual_lengths_are_kept_apart() {
        let planned = claim("The meeting will last for two hours.");
        let actual = claim("The meeting lasted for over two and a half hours.");
        assert_ne!(planned.subject.key, actual.subject.key);
    }

    /// Claims of a text with one event mention placed by hand, as the
    /// event work will resolve it.
    fn with_event(text: &str, trigger: &str, day: &str) -> Vec<Claim> {
        let rules = crate::rules::Rules::builtin().expect("rules load");
        let doc = crate::load::Document::from_text("t", text);
        let mentions = crate::extract::extract(&doc, &rules);
        let mut ctx = Context::new(&doc, &rules, &mentions);
        let at = text.find(trigger).expect("trigger in text");
        ctx.events.push(crate::normalise::EventRef {
            kind: "call".into(),
            label: "phone call".into(),
            date: chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
            span: Span::new(at, at + trigger.len()),
        });
        claims(&ctx).claims
    }

    #[test]
    fn lengths_of_events_are_keyed_on_the_event() {
        let first = with_event("Their first call lasted 40 minutes.", "call", "2025-06-03");
        let second = with_event("The 55-minute call ended at noon.", "call", "2025-06-24");
        assert_eq!(first[0].subject.key, "call@2025-06-03/duration-actual");
        assert_eq!(second[0].subject.key, "call@2025-06-24/duration-actual");
        let planned = with_event(
            "The leaders will speak for two hours on the call.",
            "call",
            "2025-06-24",
        );
        assert_eq!(planned[0].subject.key, "call@2025-06-24/duration-planned");
    }

    #[test]
    fn time_ranges_give_durations_through_the_hook() {
        let rules = crate::rules::Rules::builtin().expect("rules load");
        let text = "The call is set for 16:00 to 18:00.";
        let doc = crate::load::Document::from_text("t", text);
        let mentions = crate::extract::extract(&doc, &rules);
        let mut ctx = Context::new(&doc, &rules, &mentions);
        let range = Span::new(20, 34);
        assert_eq!(duration_of_time_range(&ctx, range, 120), None);
        ctx.events.push(crate::normalise::EventRef {
            kind: "call".into(),
            label: "phone call".into(),
            date: None,
            span: Span::new(4, 8),
        });
        let claim = duration_of_time_range(&ctx, range, 120).expect("a duration");
        assert_eq!(claim.value.display(), "2 hours");
        assert_eq!(claim.subject.key, "call/duration-planned");
        let stated = claim_in("The talks lasted two hours.");
        assert!(claim.value.compatible(&stated.value));
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(format_number(2500.0, 0), "2,500");
        assert_eq!(format_number(1.96, 2), "1.96");
        assert_eq!(format_number(123456.5, 1), "123,456.5");
    }
}
