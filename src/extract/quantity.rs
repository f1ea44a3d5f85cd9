//! Extraction of quantity mentions: numbers in digits or words ("175",
//! "2,500", "1.96 million", "$4.2bn", "twenty-seven", "two and a half",
//! "a dozen", "dozens") with what surrounds them and decides their meaning.
//!
//! Takes a document's text and the compiled `rules/quantities.toml`; finds
//! every number core with the rules' regex, drops look-alikes (text matched
//! by an `[[exclude]]` pattern, years, dates next to a month name, clock
//! times, bare "one"), then reads left for a qualifier ("at least"), a
//! currency symbol, a prefix unit ("magnitude"), "for" or a duration verb
//! ("lasted"), and right for a second figure of a range, "-plus", a scale
//! word, a unit (also hyphenated: "30-day"), percent or a currency word, and
//! the words of the noun phrase that follows ("severely wounded soldiers").
//! Hands on [`QuantityMention`]s: parsed parts and byte spans, not yet
//! turned into intervals or subjects (that is `normalise::quantity`).

use crate::claim::Span;
use crate::rules::Rules;
use crate::rules::quantities::{Compiled, QualifierKind};
use crate::rules::words::{Class, Compiled as Words};

/// A figure as written: its value and how precisely it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The value before any scale word ("1.96" of "1.96 million").
    pub mantissa: f64,
    /// Digits written after the decimal point (precision of the mantissa).
    pub decimals: usize,
    /// Scale word value and canonical name ("million").
    pub scale: Option<(f64, String)>,
    /// A vague amount ("dozens") as an interval, with its phrase.
    pub vague: Option<(f64, f64, String)>,
    /// "a dozen", "a hundred": an approximate figure.
    pub approximate: bool,
}

impl Figure {
    pub fn value(&self) -> f64 {
        self.mantissa * self.scale.as_ref().map_or(1.0, |s| s.0)
    }
}

/// What a figure measures.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// A count of the noun that follows.
    Count,
    Percent,
    PercentagePoints,
    /// Money in a currency (its rules id, "USD").
    Money(String),
    /// A unit of the unit table (index into `Compiled::units`).
    Unit(usize),
}

impl Measure {
    /// A share or a measure in a unit other than time: a reading rounded
    /// to its last digit, which may be below zero. Counts, sums of money
    /// and durations are neither.
    pub fn is_reading(&self, q: &Compiled) -> bool {
        match self {
            Measure::Percent | Measure::PercentagePoints => true,
            Measure::Unit(i) => q.units.get(*i).is_some_and(|u| u.dimension != "duration"),
            Measure::Count | Measure::Money(_) => false,
        }
    }
}

/// A lower-cased word with its byte span.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

/// A quantity as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantityMention {
    /// Qualifier through unit, and through the counted noun for counts.
    pub span: Span,
    pub figure: Figure,
    /// Upper end of a range ("10–12"), same scale as `figure`.
    pub range_to: Option<Figure>,
    pub qualifier: Option<(QualifierKind, f64, String)>,
    pub measure: Measure,
    /// The unit was hyphenated to the figure: "30-day", "6.8-magnitude".
    pub hyphenated: bool,
    /// Words of the noun phrase right after the figure (or its unit),
    /// stopping at punctuation or a stop word.
    pub noun: Vec<Word>,
    /// A few words after the noun phrase ("were killed").
    pub after: Vec<Word>,
    /// The noun of "NOUN of N" before the figure ("a depth of 40 km").
    pub measured: Option<String>,
    /// The noun after "N units of" ("two days of talks").
    pub of_noun: Option<String>,
    /// The word right before the figure and its qualifier ("killed at
    /// least 45 people" → "killed").
    pub word_before: Option<String>,
    /// "for" right before the figure ("for 30 days").
    pub after_for: bool,
    /// A duration verb right before ("lasted", "lasting").
    pub actual_verb: bool,
    /// The word before that verb ("the meeting lasted"), when it is not a
    /// stop word: what lasted, when no event says it.
    pub verb_subject: Option<String>,
    /// An elapsed time written as a clock ("2:03:41", a race time): the
    /// figure is in seconds, shown as written.
    pub stopwatch: bool,
}

/// Finds every quantity mention in `text`.
pub fn extract(text: &str, rules: &Rules) -> Vec<QuantityMention> {
    let q = &rules.quantities;
    let excluded: Vec<Span> = q
        .exclude
        .as_ref()
        .map(|re| {
            re.find_iter(text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut taken_until = 0;
    for caps in q.number.captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        if m.start() < taken_until {
            continue;
        }
        // Exclusions come sorted and apart, so their ends are sorted too.
        // They never drop money: "USD 500" is an amount, not a name like
        // "KVLA 9".
        let first_after = excluded.partition_point(|e| e.end <= m.start());
        if excluded.get(first_after).is_some_and(|e| e.start < m.end())
            && !after_currency_symbol(text, q, figure_start(&caps))
        {
            continue;
        }
        if let Some(mention) = read_mention(text, rules, &caps) {
            taken_until = mention.span.end;
            out.push(mention);
        }
    }
    bare_currencies(&mut out, q);
    out
}

/// Sums in a bare currency word that several countries use ("francs",
/// "pesos") take the one kind of it the document names elsewhere ("CHF
/// 23.1bn", "Swiss francs"); with none or several, they stay bare.
fn bare_currencies(mentions: &mut [QuantityMention], q: &Compiled) {
    // Each family's kinds the document names.
    let mut named: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for m in mentions.iter() {
        if let Measure::Money(id) = &m.measure
            && let Some(family) = q.currency_family.get(id)
        {
            named.entry(family.clone()).or_default().insert(id.clone());
        }
    }
    for m in mentions.iter_mut() {
        if let Measure::Money(id) = &m.measure
            && let Some(kinds) = named.get(id)
            && kinds.len() == 1
            && let Some(kind) = kinds.first()
        {
            m.measure = Measure::Money(kind.clone());
        }
    }
}

/// "CHF23.1bn": an upper-case code glued to the figure is a currency the
/// rules know, or the figure is part of a name ("ISO9001").
fn glued_code_known(q: &Compiled, caps: &regex::Captures) -> bool {
    caps.name("code")
        .is_none_or(|c| q.currency_symbols.iter().any(|(s, _)| s == c.as_str()))
}

/// Where the figure of a number match starts: after a currency code glued
/// to it ("CHF23.1bn"), else where the match does.
fn figure_start(caps: &regex::Captures) -> usize {
    match (caps.name("code"), caps.get(0)) {
        (Some(code), _) => code.end(),
        (None, Some(m)) => m.start(),
        (None, None) => 0,
    }
}

/// Whether a currency symbol stands right before `at` (at most one space
/// between): "USD 500", "$40".
fn after_currency_symbol(text: &str, q: &Compiled, at: usize) -> bool {
    let left = before(text, at, 8).trim_end_matches([' ', '\u{a0}']);
    q.currency_symbols.iter().any(|(symbol, _)| {
        left.ends_with(symbol.as_str())
            && left[..left.len() - symbol.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Parses the number core of one regex match into a figure and its end.
fn parse_core(q: &Compiled, caps: &regex::Captures) -> Option<(Figure, usize)> {
    if let Some(d) = caps.name("digits") {
        let raw = d.as_str().replace(',', "");
        let mantissa: f64 = raw.parse().ok()?;
        let decimals = raw.split_once('.').map_or(0, |(_, f)| f.len());
        return Some((
            Figure {
                mantissa,
                decimals,
                scale: None,
                vague: None,
                approximate: false,
            },
            d.end(),
        ));
    }
    // "an hour", "half an hour": the unit after is read as usual.
    for (group, value, decimals) in [("halfan", 0.5, 1), ("aunit", 1.0, 0)] {
        if let Some(g) = caps.name(group) {
            let fig = Figure {
                mantissa: value,
                decimals,
                scale: None,
                vague: None,
                approximate: false,
            };
            return Some((fig, g.end()));
        }
    }
    if let Some(a) = caps.name("adozen") {
        let word = a.as_str().split_whitespace().last()?.to_lowercase();
        let value = q
            .numbers
            .get(&word)
            .copied()
            .or_else(|| q.scales.get(&word).map(|s| s.0))?;

        return Some((
            Figure {
                mantissa: value,
                decimals: 0,
                scale: None,
                vague: None,
                approximate: true,
            },
            a.end(),
        ));
    }
    if let Some(v) = caps.name("vague") {
        let phrase = v
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let (lo, hi) = *q.vague.get(&phrase)?;
        return Some((
            Figure {
                mantissa: lo,
                decimals: 0,
                scale: None,
                vague: Some((lo, hi, phrase)),
                approximate: false,
            },
            v.end(),
        ));
    }
    let w = caps.name("words")?;
    Some((parse_words(w.as_str(), q)?, w.end()))
}

/// "twenty-seven" → 27, "two hundred and fifty" → 250, "two million" →
/// 2 with scale million.
fn parse_words(s: &str, q: &Compiled) -> Option<Figure> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last_scale: Option<(f64, String)> = None;
    for word in s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if word == "and" {
            continue;
        }
        if let Some(v) = q.numbers.get(&word) {
            current += v;
            last_scale = None;
        } else if let Some((v, false)) = q.scales.get(&word) {
            let v = *v;
            if current == 0.0 && total == 0.0 {
                // A scale word alone ("billion" after a figure left out, as
                // in "Z$14.2 billion") is no figure; "a dozen" and "a
                // million" are read as such by the number pattern.
                return None;
            }
            if current == 0.0 {
                current = 1.0;
            }
            if v < 1000.0 {
                current *= v;
                last_scale = None;
            } else {
                total += current * v;
                current = 0.0;
                last_scale = Some((v, word.clone()));
            }
        } else {
            return None;
        }
    }
    let value = total + current;
    if value <= 0.0 {
        return None;
    }
    // "two million": keep the scale so the figure reads and rounds as
    // written; "two thousand three hundred" is just 2,300.
    Some(match last_scale {
        Some((v, name)) if current == 0.0 => Figure {
            mantissa: value / v,
            decimals: 0,
            scale: Some((v, name)),
            vague: None,
            approximate: false,
        },
        _ => Figure {
            mantissa: value,
            decimals: 0,
            scale: None,
            vague: None,
            approximate: false,
        },
    })
}

/// Reads "and a half" and a scale word after a figure; returns the new end.
fn read_tail(text: &str, q: &Compiled, fig: &mut Figure, mut end: usize, digits: bool) -> usize {
    let rest = &text[end..];
    let lower = head(rest, 40).to_ascii_lowercase();
    // "3 1/2 years": a fraction after a whole number is its part.
    if digits && fig.decimals == 0 && fig.scale.is_none() {
        let tail = head(&text[end..], 8);
        let fraction = tail.strip_prefix(' ').and_then(|t| {
            let (num, rest) = t.split_once('/')?;
            let den_len = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (n, d): (f64, f64) = (num.parse().ok()?, rest[..den_len].parse().ok()?);
            (num.len() <= 2 && n < d && d > 0.0 && boundary_after(rest, den_len))
                .then_some((n / d, 1 + num.len() + 1 + den_len))
        });
        if let Some((part, len)) = fraction {
            fig.mantissa += part;
            // As precise as the fraction: 1/2 → .5, 3/8 → .375.
            fig.decimals = (1..=3)
                .find(|&k| (part * 10f64.powi(k)).fract().abs() < 1e-9)
                .unwrap_or(3) as usize;
            end += len;
        }
    }
    if fig.scale.is_none() && fig.vague.is_none() {
        for half in [" and a half", "-and-a-half"] {
            if lower.starts_with(half) && boundary_after(rest, half.len()) {
                fig.mantissa += 0.5;
                fig.decimals = fig.decimals.max(1);
                end += half.len();
                break;
            }
        }
    }
    if fig.scale.is_none() && fig.vague.is_none() {
        let rest = &text[end..];
        // "$10-million": a scale word may be hyphenated to the figure.
        let hyphen = rest.starts_with('-');
        let (gap, word) = match rest.strip_prefix('-').map(next_token) {
            Some((0, word)) => (1, word),
            Some(_) => (0, None),
            None => next_token(rest),
        };
        if let Some(word) = word
            && let Some(&(v, short)) = q.scales.get(&word.to_lowercase())
            && (!short || (!hyphen && digits && (gap == 0 || (gap == 1 && word.len() > 1))))
            && boundary_after(rest, gap + word.len())
            && !(short && gap == 0 && word.len() == 1 && model_number(text, end))
        {
            let name = q
                .scales
                .iter()
                .filter(|(_, s)| s.0 == v && !s.1)
                .map(|(n, _)| n.clone())
                .min()
                .unwrap_or_else(|| word.to_lowercase());
            fig.scale = Some((v, name));
            end += gap + word.len();
        }
    }
    end
}

/// Whether the figure ending at `end` follows a capitalised word and one
/// space: a model's number ("Saab 340B", "Airbus A320"), where a letter
/// glued to it is part of the name, not a scale.
fn model_number(text: &str, end: usize) -> bool {
    let figure = text[..end].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let Some(before) = figure.strip_suffix(' ') else {
        return false;
    };
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The letters right after `rest`'s leading white space (at most one
/// space), as (gap length, word).
fn next_token(rest: &str) -> (usize, Option<&str>) {
    let gap = rest
        .char_indices()
        .take_while(|(_, c)| *c == ' ' || *c == '\u{a0}')
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let word_len: usize = rest[gap..]
        .char_indices()
        .take_while(|(_, c)| c.is_alphabetic())
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    if word_len == 0 {
        (gap, None)
    } else {
        (gap, Some(&rest[gap..gap + word_len]))
    }
}

fn boundary_after(s: &str, at: usize) -> bool {
    s.get(at..)
        .and_then(|r| r.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The start of `s`, at most `max` bytes, cut on a char boundary: what
/// the look-ahead reads, so a figure costs the same wherever it stands.
fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The text before `at`, at most `max` bytes, cut on a char boundary.
fn before(text: &str, at: usize, max: usize) -> &str {
    let mut start = at.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Whether `hay` (lower case) ends with the phrase as whole words,
/// followed only by white space; returns the phrase's start in `hay`.
fn ends_with_phrase(hay: &str, phrase: &str) -> Option<usize> {
    let trimmed = hay.trim_end();
    if trimmed.len() == hay.len() && !phrase.ends_with('$') {
        return None;
    }
    let start = trimmed.len().checked_sub(phrase.len())?;
    if !trimmed.is_char_boundary(start) || trimmed[start..] != *phrase {
        return None;
    }
    let ok = trimmed[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    ok.then_some(start)
}

fn read_mention(text: &str, rules: &Rules, caps: &regex::Captures) -> Option<QuantityMention> {
    let q = &rules.quantities;
    let m = caps.get(0)?;
    let digits = caps.name("digits").is_some();
    if !glued_code_known(q, caps) {
        return None;
    }
    let code = caps.name("code");
    let first = figure_start(caps);
    if digits && code.is_none() && !digit_boundaries_ok(text, first) {
        return None;
    }
    let (mut fig, core_end) = parse_core(q, caps)?;
    let mut end = read_tail(text, q, &mut fig, core_end, digits);
    let mut start = first;
    // "half a dozen" is 6, "half a million" 500,000 (as "half an hour" is
    // read by the number pattern itself).
    if caps.name("adozen").is_some()
        && let Some(at) = ends_with_phrase(&before(text, start, 8).to_ascii_lowercase(), "half")
    {
        fig.mantissa /= 2.0;
        start -= before(text, start, 8).len() - at;
    }

    // Left context: currency symbol, qualifier, prefix unit, "for", verbs.
    let mut left = before(text, start, 80);
    let left_offset = start - left.len();
    let mut currency = None;
    for (symbol, id) in &q.currency_symbols {
        let t = left.trim_end_matches([' ', '\u{a0}']);
        if t.len() + 1 < left.len() {
            continue; // at most one space between symbol and figure
        }
        if t.ends_with(symbol.as_str()) {
            let s_start = t.len() - symbol.len();
            let alpha = symbol.chars().all(char::is_alphabetic);
            let glued = t[..s_start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if alpha && glued {
                continue;
            }
            if glued {
                // "Z$14.2": a dollar of a currency the rules do not know
                // (the longer symbols, "US$", "S$", were tried first).
                return None;
            }
            currency = Some(id.clone());
            start -= left.len() - s_start;
            left = &left[..s_start];
            break;
        }
    }
    // ASCII lower case keeps byte offsets equal to the text's.
    let lower_left = left.to_ascii_lowercase();
    if ends_with_phrase(&lower_left, "from").is_some() && currency.is_none() {
        return None; // "rose from 10 to 12": the old figure of a change
    }
    let mut qualifier = None;
    let mut rest_left = lower_left.as_str();
    // "minus 20 degrees": the sign, written as a word, is the figure's.
    let mut negative = false;
    // "-20C", "−20 °C": a minus sign glued to the figure, after a space
    // or a bracket (not "5-10", a range).
    if let Some(sign) = rest_left
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '\u{2212}'))
        && rest_left[..rest_left.len() - sign.len_utf8()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    {
        negative = true;
        start -= sign.len_utf8();
        rest_left = &lower_left[..rest_left.len() - sign.len_utf8()];
    }
    for word in &q.negatives {
        if let Some(at) = ends_with_phrase(rest_left, word) {
            negative = true;
            start -= rest_left.len() - at;
            rest_left = &lower_left[..at];
            break;
        }
    }
    let before_qualifier = start;
    for (phrase, kind, tol) in &q.qualifiers {
        if let Some(at) = ends_with_phrase(rest_left, phrase) {
            qualifier = Some((*kind, *tol, phrase.clone()));
            start -= rest_left.len() - at;
            rest_left = &lower_left[..at];
            break;
        }
    }
    // "nearly $2 million": the qualifier stands before the currency.
    let mut prefix_unit = None;
    let last_words = words_before(rest_left, 3);
    if let Some(w) = last_words.last()
        && let Some(&i) = q.unit_names.get(w.as_str())
        && q.units[i].prefix
    {
        prefix_unit = Some(i);
        // The evidence reads "magnitude 6.8", not "6.8".
        start = left_offset + rest_left.trim_end().len() - w.len();
    }
    // "March 18", "Aug. 7": an abbreviated month keeps its stop.
    let probe = rest_left.trim_end();
    let probe = probe
        .strip_suffix('.')
        .filter(|m| m.ends_with(char::is_alphabetic))
        .unwrap_or(probe);
    if words_before(probe, 1)
        .last()
        .is_some_and(|w| q.months.contains(w.as_str()))
    {
        return None;
    }
    let after_for = last_words.last().is_some_and(|w| w == "for");
    let near = words_before(rest_left, 5);
    let (actual_verb, verb_subject) = actual_verb_before(q, &near);
    let measured = match last_words.as_slice() {
        [.., noun, of] if of == "of" && !q.stop_words.contains(noun.as_str()) => Some(noun.clone()),
        _ => None,
    };
    // The evidence reads "majority of 48", "depth of 40 kilometers".
    if let Some(noun) = &measured
        && !q.ignore_modifiers.contains(noun.as_str())
        && let Some(at) = rest_left
            .trim_end()
            .strip_suffix("of")
            .map(|r| r.trim_end().len())
        && at >= noun.len()
    {
        start = start.min(left_offset + at - noun.len());
    }

    // Right context: range, plus, percent, unit, currency word.
    let mut range_to = None;
    let between = matches!(qualifier, Some((QualifierKind::Between, ..)));
    let second = read_range(text, q, end, between);
    // "a 55-45 hold", "voted 240-47": a second figure after a dash that is
    // smaller is a tally or a score, and neither figure a count.
    if digits
        && !between
        && let Some((fig2, _)) = &second
        && fig2.value() < fig.value()
        && matches!(text[end..].chars().next(), Some('-' | '–'))
    {
        return None;
    }
    if let Some((fig2, end2)) = second
        && fig2.value() > fig.value()
    {
        // "2 to 3 million": the scale of the second applies to both.
        if fig.scale.is_none() {
            fig.scale = fig2.scale.clone();
        }
        range_to = Some(fig2);
        end = end2;
    }
    if between && range_to.is_none() {
        qualifier = None;
        start = before_qualifier;
    }
    let rest = &text[end..];
    let lower_rest = head(rest, 40).to_ascii_lowercase();
    if range_to.is_none() {
        for plus in ["-plus", " plus", "+"] {
            if lower_rest.starts_with(plus) && boundary_after(rest, plus.len()) {
                qualifier = Some((QualifierKind::AtLeast, 0.0, "plus".into()));
                end += plus.len();
                break;
            }
        }
    }
    // "won in 2:03:41": hours, minutes and seconds of an elapsed time (a
    // clock of the day has no seconds in news text, and is read as a time).
    // "struck at 05:46:23 UTC" is a clock with its seconds: a word of the
    // clock after it, or "at" before it, says so.
    // Read only where the shape is there: this runs for every figure.
    let clock = |len: usize| {
        ends_with_phrase(&before(text, start, 8).to_ascii_lowercase(), "at").is_some()
            || words_after(text, end + len, 1, &q.stop_words, true)
                .first()
                .is_some_and(|w| q.time_markers.contains(w.text.as_str()))
    };
    let stopwatch = digits && range_to.is_none() && fig.scale.is_none() && {
        match stopwatch_after(&text[end..]).filter(|(_, _, len)| !clock(*len)) {
            Some((seconds, decimals, len)) => {
                fig.mantissa = fig.mantissa * 3600.0 + seconds;
                fig.decimals = decimals;
                end += len;
                true
            }
            None => false,
        }
    };
    let rest = &text[end..];
    let lower_rest = head(rest, 40).to_ascii_lowercase();
    let mut measure = Measure::Count;
    let mut hyphenated = false;
    if stopwatch
        && let Some(i) = q
            .units
            .iter()
            .position(|u| u.dimension == "duration" && u.factor == 1.0)
    {
        measure = Measure::Unit(i);
    } else if let Some(i) = prefix_unit {
        measure = Measure::Unit(i);
    } else if let Some(len) = percent_len(&lower_rest) {
        measure = Measure::Percent;
        end += len;
    } else if let Some(len) = points_len(&lower_rest) {
        measure = Measure::PercentagePoints;
        end += len;
    } else if let Some((i, len, hy)) = unit_after(q, rest) {
        measure = Measure::Unit(i);
        hyphenated = hy;
        end += len;
        if !hy && range_to.is_none() {
            let (compound_end, unit) = read_compound(text, q, &mut fig, i, end);
            end = compound_end;
            measure = Measure::Unit(unit);
        }
    } else if currency.is_none()
        && let Some((id, len)) = currency_word_after(q, rest)
    {
        currency = Some(id);
        end += len;
    }
    if let Some(c) = currency {
        if measure == Measure::Count {
            measure = Measure::Money(c);
        } else {
            return None; // "$40 km": not something we can read
        }
    }
    // A unit word may also carry "magnitude" after a hyphen ("6.8-magnitude").
    if measure == Measure::Count && fig.vague.is_none() && !attached_letters_ok(text, end) {
        return None; // "3D", "4G": a name, not a count
    }
    if is_year_or_clock(
        text,
        q,
        &fig,
        range_to.is_some(),
        &measure,
        digits,
        m.as_str(),
        end,
    ) {
        return None;
    }
    // A bare "one" is a pronoun or an article far more often than a count.
    if !digits
        && measure == Measure::Count
        && fig.value() <= 1.0
        && fig.vague.is_none()
        && qualifier.is_none()
    {
        return None;
    }

    // A sign belongs to a measure or a share ("minus 20 degrees", "minus
    // 1.2 percent"); a count or a sum below zero is no reading of news.
    if negative && measure.is_reading(q) {
        fig.mantissa = -fig.mantissa;
        if let Some(to) = range_to.as_mut() {
            to.mantissa = -to.mantissa;
        }
    }

    // The noun phrase after the figure (or its unit) and what follows it.
    // "dozens of people" counts people; "two days of talks" measures talks;
    // "52% of the vote" is a share of the vote.
    let mut noun_from = end;
    let mut of_noun = None;
    let next = words_after(text, end, 1, &q.stop_words, true);
    if next.first().is_some_and(|w| w.text == "of") {
        let of_end = next[0].span.end;
        let counted_after_of = measure == Measure::Count
            && (fig.vague.is_some() || fig.scale.is_some() || fig.approximate);
        if counted_after_of {
            noun_from = of_end;
        } else {
            of_noun = of_head(text, of_end, q);
        }
    }
    let noun = words_after(text, noun_from, 4, &q.stop_words, false);
    if measure == Measure::Count
        && let Some(last) = noun.last()
    {
        end = end.max(last.span.end);
    }
    // "the United States and 15 other nations" are 16 nations, "the driver
    // and three others" four people: the one named before "and" counts too.
    if measure == Measure::Count
        && range_to.is_none()
        && fig.vague.is_none()
        && noun
            .first()
            .is_some_and(|w| w.text == "other" || w.text == "others")
        && let Some(one) = named_before_and(text, start, &rules.words)
    {
        fig.mantissa += 1.0;
        start = one;
    }
    let after_from = noun.last().map_or(noun_from, |w| w.span.end);
    let after = words_after(text, after_from, 4, &q.stop_words, true);
    Some(QuantityMention {
        span: Span::new(start, end),
        figure: fig,
        range_to,
        qualifier,
        measure,
        hyphenated,
        noun,
        after,
        measured,
        of_noun,
        word_before: last_words.last().cloned(),
        after_for,
        actual_verb,
        verb_subject,
        stopwatch,
    })
}

/// ":03:41" (or ":03:41.5") right after the hours of an elapsed time: its
/// minutes and seconds in seconds, the decimals of the seconds, and the
/// length read. Not followed by a word of a clock ("a.m.", "GMT").
fn stopwatch_after(rest: &str) -> Option<(f64, usize, usize)> {
    let b = rest.as_bytes();
    let two = |at: usize| -> Option<f64> {
        let d = b.get(at..at + 2)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| f64::from((d[0] - b'0') * 10 + (d[1] - b'0')))
    };
    if b.first() != Some(&b':') || b.get(3) != Some(&b':') {
        return None;
    }
    let (minutes, seconds) = (two(1)?, two(4)?);
    if minutes >= 60.0 || seconds >= 60.0 {
        return None;
    }
    let mut len = 6;
    let mut decimals = 0;
    let mut fraction = 0.0;
    if b.get(6) == Some(&b'.') {
        let digits = b[7..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 {
            let s = &rest[7..7 + digits];
            fraction = format!("0.{s}").parse::<f64>().ok()?;
            decimals = digits;
            len = 7 + digits;
        }
    }
    // Glued to more digits or a letter, it is something else.
    if b.get(len)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b':')
    {
        return None;
    }
    Some((minutes * 60.0 + seconds + fraction, decimals, len))
}

/// The start of the one thing named right before "and" at `at`: a name
/// ("the United States and 15 other nations") or a singular noun after a
/// determiner ("the driver and three others"); not a plural ("soldiers and
/// three other people" are counted apart).
fn named_before_and(text: &str, at: usize, words: &Words) -> Option<usize> {
    let left = before(text, at, 80);
    let offset = at - left.len();
    let rest = left.trim_end().strip_suffix(" and")?;
    let spans = crate::extract::quote::word_spans(rest);
    let &(last_at, last) = spans.last()?;
    if last_at + last.len() != rest.len() {
        return None; // punctuation between: "…, and three others"
    }
    let class = |w: &str| words.class(&w.to_lowercase());
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut first = spans.len() - 1;
    if capital(last) {
        // Back over the name ("the United States").
        while first > 0 && capital(spans[first - 1].1) {
            first -= 1;
        }
    } else {
        let lower = last.to_lowercase();
        if lower.ends_with('s') || words.is_plural(&lower) || class(last).has(Class::FUNCTION) {
            return None;
        }
        first = first.checked_sub(1)?;
        let det = spans[first].1;
        if !class(det).has(Class::DETERMINER) && !det.ends_with("'s") && !det.ends_with("’s") {
            return None;
        }
        return Some(offset + spans[first].0);
    }
    if first > 0 && class(spans[first - 1].1).has(Class::DETERMINER) {
        first -= 1;
    }
    Some(offset + spans[first].0)
}

/// "an hour and a half", "two hours and five minutes": a second part in
/// the same dimension. "and a half" adds to the figure; a second unit
/// turns the whole into the smaller unit ("125 minutes"). Returns the new
/// end and the unit the figure is now in.
fn read_compound(
    text: &str,
    q: &Compiled,
    fig: &mut Figure,
    unit: usize,
    end: usize,
) -> (usize, usize) {
    let rest = &text[end..];
    let lower = head(rest, 16).to_ascii_lowercase();
    if fig.scale.is_some() || fig.vague.is_some() {
        return (end, unit);
    }
    if lower.starts_with(" and a half") {
        fig.mantissa += 0.5;
        fig.decimals = fig.decimals.max(1);
        return (end + " and a half".len(), unit);
    }
    if !lower.starts_with(" and ") {
        return (end, unit);
    }
    let from = end + " and ".len();
    let Some(caps) = q.number.captures_at(text, from) else {
        return (end, unit);
    };
    if caps.get(0).is_none_or(|m| m.start() != from) {
        return (end, unit);
    }
    let Some((second, core_end)) = parse_core(q, &caps) else {
        return (end, unit);
    };
    let Some((j, len, false)) = unit_after(q, &text[core_end..]) else {
        return (end, unit);
    };
    let (a, b) = (&q.units[unit], &q.units[j]);
    if a.dimension != b.dimension || b.factor >= a.factor || second.vague.is_some() {
        return (end, unit);
    }
    fig.mantissa = fig.mantissa * a.factor / b.factor + second.value();
    fig.decimals = second.decimals;
    (core_end + len, j)
}

/// Whether the last words end with a duration verb ("lasted", "lasted
/// for", "went on for"), and the word before it.
fn actual_verb_before(q: &Compiled, words: &[String]) -> (bool, Option<String>) {
    let joined = words.join(" ");
    for v in &q.actual_verbs {
        let hit = [v.clone(), format!("{v} for")]
            .into_iter()
            .find(|p| joined == *p || joined.ends_with(&format!(" {p}")));
        if let Some(p) = hit {
            let used = p.split_whitespace().count();
            // "over the last two days": an adjective after a determiner.
            let det = words.len().checked_sub(used + 1).map(|i| words[i].as_str());
            if det.is_some_and(|d| {
                matches!(
                    d,
                    "the"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "this"
                        | "these"
                        | "those"
                        | "our"
                        | "my"
                        | "your"
                )
            }) {
                return (false, None);
            }
            // "the meeting will last": skip auxiliaries back to the noun.
            let subject = words[..words.len().saturating_sub(used)]
                .iter()
                .rev()
                .take(2)
                .find(|w| {
                    !q.stop_words.contains(w.as_str())
                        && !matches!(
                            w.as_str(),
                            "may" | "might" | "could" | "should" | "must" | "can"
                        )
                })
                .cloned();
            return (true, subject);
        }
    }
    (false, None)
}

/// Digits glued to a word before them are part of a name: "F-16", "A320".
fn digit_boundaries_ok(text: &str, start: usize) -> bool {
    let mut back = text[..start].chars().rev();
    match back.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('-' | '/' | '#' | '.' | ':') => back.next().is_none_or(|c| !c.is_alphanumeric()),
        Some(_) => true,
    }
}

/// Letters glued to a figure after its parts are read must be nothing:
/// "3D" and "4G" are names.
fn attached_letters_ok(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A year ("in 2014"), a day next to a month ("18 March"), or a clock
/// time ("1300 GMT", "3 p.m.") is not a quantity.
#[allow(clippy::too_many_arguments)]
fn is_year_or_clock(
    text: &str,
    q: &Compiled,
    fig: &Figure,
    range: bool,
    measure: &Measure,
    digits: bool,
    core: &str,
    end: usize,
) -> bool {
    let next = words_after(text, end, 2, &q.stop_words, true);
    let first = next.first().map(|w| w.text.as_str());
    if first.is_some_and(|w| q.months.contains(w))
        || (first == Some("of")
            && next
                .get(1)
                .is_some_and(|w| q.months.contains(w.text.as_str())))
    {
        return true;
    }
    if first.is_some_and(|w| q.time_markers.contains(w)) {
        return true;
    }
    // "4:50am", "16:30": the hour of a clock.
    let mut after = text[end..].chars();
    if after.next() == Some(':') && after.take(2).filter(char::is_ascii_digit).count() == 2 {
        return true;
    }
    let year_like = digits
        && !range
        && fig.scale.is_none()
        && core.len() == 4
        && core.bytes().all(|b| b.is_ascii_digit())
        && (1800.0..=2100.0).contains(&fig.mantissa);
    year_like && *measure == Measure::Count
}

/// "-12", " to 12", " and 12" (after "between") right after a figure.
fn read_range(text: &str, q: &Compiled, at: usize, between: bool) -> Option<(Figure, usize)> {
    let rest = &text[at..];
    let joiners: &[&str] = if between {
        &[" and ", " – ", " - ", "–", "-"]
    } else {
        &[" to ", " – ", " — ", "–", "—", "-"]
    };
    let mut skip = None;
    for j in joiners {
        if head(rest, 8).to_ascii_lowercase().starts_with(j) {
            skip = Some(j.len());
            break;
        }
    }
    let from = at + skip?;
    let caps = q.number.captures_at(text, from)?;
    let m = caps.get(0)?;
    if m.start() != from || !glued_code_known(q, &caps) {
        return None;
    }
    let digits = caps.name("digits").is_some();
    let (mut fig, end) = parse_core(q, &caps)?;
    if fig.vague.is_some() {
        return None;
    }
    let end = read_tail(text, q, &mut fig, end, digits);
    Some((fig, end))
}

/// The length of a percent sign or word at the start of `lower` ("%",
/// " per cent"), if there is one.
pub fn percent_len(lower: &str) -> Option<usize> {
    for p in [
        "%",
        " %",
        " per cent",
        " percent",
        "percent",
        " pct",
        "pc",
        " pc",
    ] {
        if lower.starts_with(p) && (p.ends_with('%') || boundary_after(lower, p.len())) {
            return Some(p.len());
        }
    }
    None
}

fn points_len(lower: &str) -> Option<usize> {
    for p in [
        " percentage points",
        " percentage point",
        " pp",
        "pp",
        " ppt",
        " ppts",
    ] {
        if lower.starts_with(p) && boundary_after(lower, p.len()) {
            return Some(p.len());
        }
    }
    None
}

/// The longest unit name right after a figure: joined ("40km"), after a
/// space or NBSP ("40 km"), or hyphenated ("30-day"). Returns the unit's
/// index, the length read and whether it was hyphenated.
fn unit_after(q: &Compiled, rest: &str) -> Option<(usize, usize, bool)> {
    let (gap, hyphen) = if rest.starts_with('-') {
        (1, true)
    } else {
        let g = rest
            .char_indices()
            .take_while(|(_, c)| *c == ' ' || *c == '\u{a0}')
            .map(|(i, c)| i + c.len_utf8())
            .last()
            .unwrap_or(0);
        (g, false)
    };
    let body = &rest[gap..];
    // Candidate ends: after 1..=max words, each a unit name to try.
    let mut ends = Vec::new();
    let mut in_word = false;
    for (i, c) in body.char_indices() {
        let wordish = c.is_alphanumeric() || matches!(c, '°' | 'º' | '²' | '/' | '.');
        if wordish {
            in_word = true;
        } else {
            if in_word {
                ends.push(i);
                if ends.len() >= q.max_name_words {
                    break;
                }
            }
            in_word = false;
            if c != ' ' && c != '-' {
                break;
            }
        }
    }
    if in_word && ends.len() < q.max_name_words {
        ends.push(body.len());
    }
    for &e in ends.iter().rev() {
        let mut cand = body[..e].to_lowercase();
        let mut len = e;
        // A sentence's full stop is not part of "km".
        if cand.ends_with('.') && !q.unit_names.contains_key(&cand) {
            cand.pop();
            len -= 1;
        }
        if let Some(&i) = q.unit_names.get(&cand) {
            let unit = &q.units[i];
            let one_letter = cand.chars().count() == 1;
            if unit.prefix && !hyphen {
                continue;
            }
            if one_letter && gap > 0 {
                continue; // "41C" yes, "41 c" no
            }
            return Some((i, gap + len, hyphen));
        }
    }
    None
}

fn currency_word_after(q: &Compiled, rest: &str) -> Option<(String, usize)> {
    let words = words_after(rest, 0, q.max_name_words, &Default::default(), true);
    for n in (1..=words.len()).rev() {
        let phrase: Vec<&str> = words[..n].iter().map(|w| w.text.as_str()).collect();
        if let Some(id) = q.currency_words.get(&phrase.join(" ")) {
            return Some((id.clone(), words[n - 1].span.end));
        }
    }
    None
}

/// The head of the noun phrase after "N units of": the last of its words
/// before a function word or a verb form ("180 tonnes of heavy fuel oil had
/// leaked" is of oil, not of heavy; "52% of the vote" of the vote).
fn of_head(text: &str, from: usize, q: &Compiled) -> Option<String> {
    let stop = |w: &Word| q.stop_words.contains(w.text.as_str());
    let verb_form = |w: &str| {
        let n = w.chars().count();
        (w.ends_with("ed") && n >= 4) || (w.ends_with("ing") && n >= 5)
    };
    let mut head: Option<Word> = None;
    for w in words_after(text, from, 4, &q.stop_words, true)
        .into_iter()
        .skip_while(|w| stop(w))
    {
        if stop(&w) || (head.is_some() && verb_form(&w.text)) {
            break;
        }
        head = Some(w);
    }
    head.map(|w| w.text)
}

/// Up to `n` lower-cased words right after `at`, stopping at punctuation
/// (other than a hyphen inside a word) and, unless `through_stops`, before
/// a stop word.
pub fn words_after(
    text: &str,
    at: usize,
    n: usize,
    stops: &std::collections::HashSet<String>,
    through_stops: bool,
) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = at;
    let bytes_len = text.len();
    while out.len() < n && i < bytes_len {
        let rest = &text[i..];
        let gap: usize = rest
            .char_indices()
            .take_while(|(_, c)| c.is_whitespace())
            .map(|(j, c)| j + c.len_utf8())
            .last()
            .unwrap_or(0);
        if (gap == 0 && !out.is_empty()) || rest[..gap].contains('\n') {
            break; // a line break ends the noun phrase (a headline)
        }
        // A hyphen right after a figure joins it to its noun ("30-day truce"
        // has been read already; "6.8-magnitude" too).
        let start = i + gap;
        let word_len: usize = text[start..]
            .char_indices()
            .take_while(|(j, c)| {
                let next = text[start + j + c.len_utf8()..].chars().next();
                c.is_alphabetic()
                    || ((*c == '-' || *c == '\'' || *c == '’')
                        && *j > 0
                        && next.is_some_and(char::is_alphabetic))
                    // "U.S. embassies": an initialism is one word.
                    || (*c == '.'
                        && *j > 0
                        && next.is_some_and(char::is_uppercase)
                        && text[..start + j]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_uppercase))
            })
            .map(|(j, c)| j + c.len_utf8())
            .last()
            .unwrap_or(0);
        if word_len == 0 {
            break;
        }
        let mut word_len = word_len;
        if text[start..start + word_len].contains('.') && text[start + word_len..].starts_with('.')
        {
            word_len += 1; // the initialism's last stop
        }
        let word = text[start..start + word_len].to_lowercase();
        if !through_stops && stops.contains(&word) {
            break;
        }
        out.push(Word {
            text: word,
            span: Span::new(start, start + word_len),
        });
        i = start + word_len;
    }
    out
}

/// The last `n` words of `hay` (already lower case), without punctuation;
/// stops at punctuation other than an apostrophe.
fn words_before(hay: &str, n: usize) -> Vec<String> {
    let trimmed = hay.trim_end();
    let mut words = Vec::new();
    let mut current = String::new();
    for c in trimmed.chars().rev() {
        if c.is_alphabetic() || c == '\'' || c == '’' {
            current.insert(0, c);
        } else if c.is_whitespace() {
            if !current.is_empty() {
                words.insert(0, std::mem::take(&mut current));
                if words.len() == n {
                    break;
                }
            }
        } else {
            break;
        }
    }
    if !current.is_empty() && words.len() < n {
        words.insert(0, current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let rules = Rules::builtin().expect("rules load");
        extract(text, &rules)
            .iter()
            .map(|m| text[m.span.start..m.span.end].to_string())
            .collect()
    }

    #[test]
    fn a_race_time_is_an_elapsed_time_in_seconds() {
        let rules = Rules::builtin().expect("rules");
        let read = |t: &str| -> Vec<(f64, usize, bool)> {
            extract(t, &rules)
                .into_iter()
                .map(|m| (m.figure.mantissa, m.figure.decimals, m.stopwatch))
                .collect()
        };
        assert_eq!(
            read("Kiptanui won in 2:03:41 on Sunday."),
            [(7421.0, 0, true)]
        );
        assert_eq!(read("She swam it in 1:52:07.35."), [(6727.35, 2, true)]);
        // A clock of the day is no elapsed time, nor is a figure glued on.
        assert!(read("The race started at 08:30 local time.").is_empty());
        assert!(read("at 2:03:41pm").iter().all(|m| !m.2));
        assert!(
            read("The quake struck at 05:46:23 UTC.")
                .iter()
                .all(|m| !m.2)
        );
        assert!(read("It was recorded 05:46:23 GMT.").iter().all(|m| !m.2));
    }

    #[test]
    fn the_hour_of_a_clock_is_no_count() {
        assert!(spans("The collapse happened at 4:50am BST on Wednesday.").is_empty());
        assert!(spans("Trading halted at 16:30 in Tokyo.").is_empty());
        // The rest of the sentence's figures are still read.
        assert_eq!(
            spans("At 4:50am BST rescuers found 14 miners alive."),
            ["14 miners alive"]
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "İİİ 40 km İİİ over 3 İ",
            "“Some 12,000” — said; 5\u{a0}km, 3\u{a0}%, €, $, 4.2bn€",
            "2",
            "two",
            "a dozen",
            "between 10 and",
            "10-",
            "-10",
            "10–",
            "$",
            "£5",
            "6.8-magnitude",
            "magnitude",
            "1.5.6.7",
            "999999999999999999999999999 people",
            "twenty-seven-and-a-half hours",
            "and a half",
            "ﬁve 5ﬁ ５ people",
        ] {
            let _ = spans(text);
        }
    }

    fn values(text: &str) -> Vec<f64> {
        let rules = Rules::builtin().expect("rules load");
        extract(text, &rules)
            .iter()
            .map(|m| m.figure.value())
            .collect()
    }

    #[test]
    fn numbers_in_dates_names_ratios_and_tallies_are_not_counts() {
        for text in [
            "The Aug. 7 bombings of two embassies.",
            "The embassy bombings of Aug. 7 were planned.",
            "The 9/11 attacks.",
            "The S&P 500 slipped.",
            "Nearly 8 in 10 voters agreed.",
            "One in four homes was hit.",
            "They kept a 55-45 hold on the Senate.",
            "The bill passed by a vote of 188-112.",
            "Most patients are 60 or older.",
            "A second bill passed.",
            "The Saab 340B turboprop came down short of the runway.",
        ] {
            let rules = Rules::builtin().expect("rules load");
            let found: Vec<String> = extract(text, &rules)
                .iter()
                .map(|m| text[m.span.start..m.span.end].to_string())
                .filter(|s| !s.contains("two"))
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // Money is never a name: "USD 500" stays an amount.
        assert_eq!(values("The fine is USD 500, the court said."), [500.0]);
        // A glued scale letter is a scale after a currency, not a model's.
        assert_eq!(values("The company raised $3B last year."), [3e9]);
    }

    #[test]
    fn dozens_and_fractions_multiply_and_add() {
        assert_eq!(values("Half a dozen people were hurt."), [6.0]);
        assert_eq!(values("Two dozen people were hurt."), [24.0]);
        assert_eq!(values("A city of half a million people."), [500_000.0]);
        assert_eq!(values("After 3 1/2 years in prison."), [3.5]);
        assert_eq!(values("The $10-million plan."), [10e6]);
        // A scale word alone is no figure.
        assert!(values("Several billion dollars were lost.").is_empty());
    }

    #[test]
    fn the_one_named_before_n_others_is_counted() {
        assert_eq!(
            spans("It was signed by the United States and 15 other nations."),
            ["the United States and 15 other nations"]
        );
        assert_eq!(
            values("The United States and 15 other nations signed."),
            [16.0]
        );
        assert_eq!(values("The driver and three others were hurt."), [4.0]);
        assert_eq!(values("Smith and two other officers were hurt."), [3.0]);
        // Plurals, punctuation or nothing named before: as written.
        assert_eq!(values("The police and three others were hurt."), [3.0]);
        assert_eq!(values("He saw Smith, and two others came later."), [2.0]);
        assert_eq!(
            values("Two soldiers and three other people died."),
            [2.0, 3.0]
        );
        assert_eq!(values("Three other people died."), [3.0]);
    }

    #[test]
    fn bare_francs_are_the_one_kind_of_francs_the_document_names() {
        let rules = Rules::builtin().expect("rules load");
        let money = |text: &str| -> Vec<String> {
            extract(text, &rules)
                .iter()
                .filter_map(|m| match &m.measure {
                    Measure::Money(id) => Some(id.clone()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            money("The deal is worth CHF23.1bn. The board backed the 23.1 billion francs offer."),
            ["CHF", "CHF"]
        );
        // With no kind named, or two, bare francs stay bare.
        assert_eq!(
            money("The board backed the 23.1 billion francs offer."),
            ["FRANC"]
        );
        assert_eq!(
            money("It cost CHF 5m and 900m CFA francs; the 2m francs fee was paid."),
            ["CHF", "CFA", "FRANC"]
        );
    }

    #[test]
    fn spans_cover_qualifier_currency_and_unit() {
        assert_eq!(
            spans("They raised nearly $2 million for it."),
            ["nearly $2 million"]
        );
        assert_eq!(spans("The quake was 40\u{a0}km deep."), ["40\u{a0}km"]);
        assert_eq!(spans("A magnitude 6.8 quake."), ["magnitude 6.8"]);
        assert_eq!(spans("A 30-day truce began."), ["30-day"]);
        // A range's second figure is no name's ("ISO9001").
        assert_eq!(spans("They sold 5 to ISO9001 units."), ["5"]);
        assert_eq!(spans("They sold 5 to 9 units."), ["5 to 9 units"]);
    }
}
