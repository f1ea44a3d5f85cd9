//! Normalisation of name mentions: who is meant, and is it spelt right?
//!
//! Takes the alias matches and capitalised-word candidates of
//! `extract::name` and resolves them to the entities of
//! `rules/entities.toml`, in three steps:
//!
//! 1. An exact alias names its entity ("Zelenskiy", "Kiev"). A one-word
//!    alias of a person preceded by another capitalised word is checked
//!    against the person's given names: the same given name joins the
//!    mention; a near one ("Kir" for "Keir") makes the whole a misspelling
//!    of that person; a different one ("Melania Trump") is someone else, and
//!    the mention is dropped.
//! 2. A capitalised run of two or more words that is no alias is compared
//!    word by word with the multi-word aliases of every person: the surname
//!    must fold to the same letters or be a near miss, the given name must
//!    be close ("Emmanuel Marcon", "Andrzej Dudа" with a Cyrillic а).
//! 3. A single capitalised word that is no alias is only read as a
//!    misspelt surname ("Macro" for Macron) when its context says it names
//!    a person: a title just before it ("President Macro") or a list whose
//!    neighbours are known people ("Macro, Starmer and Merz"). Alone, a
//!    capitalised word is far more often a common word at a sentence start
//!    ("Macro trends…", "Will", "May", "Mark") and is left alone.
//!
//! Near misses are measured on folded text (lower case, no diacritics,
//! look-alike letters mapped), by edit distance (optimal string alignment:
//! a swap of neighbouring letters is one edit) and Jaro–Winkler
//! similarity; the thresholds are in [`close_surname`] and
//! [`close_given_name`], with tests on both sides.
//!
//! Hands on the person, place and organisation mentions as
//! [`EntityRef`]s for the other normalisers, and one `name` claim per
//! person mention: subject `name:<entity id>`, value the canonical name (or
//! the surface form when it is a misspelling). Two-word and longer names the
//! rules do not know become claims under `name:unlisted`, so the name judge
//! can find one person spelt two ways across the bundle.

use std::collections::BTreeSet;
use strsim::{jaro_winkler, osa_distance};

use super::{Context, EntityKind, EntityRef};
use crate::claim::SpanSet;
use crate::claim::frame::{Frame, Participant, ParticipantKind};
use crate::claim::name::NameValue;
use crate::claim::{Anchor, Category, Claim, DocClaims, Span, Value};
use crate::extract::name::{NameKind, PARTICLES};
use crate::rules::entities::{Entity, fold};
use crate::rules::words::strip_possessive;

/// Capitalised words that start sentences or name times, never people.
pub const STOP_WORDS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "During",
    "After",
    "Before",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "As",
    "For",
    "From",
    "To",
    "With",
    "By",
    "Of",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "My",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Will",
    "Can",
    "Could",
    "Should",
    "Would",
    "Must",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Mx",
    "Prof",
    "According",
    "Meanwhile",
    "However",
    "Moreover",
    "Also",
    "Despite",
    "Ahead",
    "Amid",
    "Why",
    "What",
    "How",
    "Who",
    "Where",
    "Is",
    "Are",
    "Was",
    "Were",
    "Did",
    "Does",
    "Do",
    "Not",
    "No",
    "Yes",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "Further",
    "Additionally",
];

/// Honorifics: like a title, they say the next word is a person.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof",
];

/// A person mention found in the text, and whether it is misspelt.
#[derive(Clone, Debug)]
struct Found {
    entity: usize,
    span: Span,
    variant: bool,
}

/// What one document's names resolve to.
pub struct Analysis {
    found: Vec<Found>,
    /// Two-word-or-longer names that match nothing in the rules.
    unlisted: Vec<Span>,
}

/// Near-miss surnames, compared folded. Short names are left alone ("Kim"
/// and "Kin" are different people); otherwise one edit for names up to six
/// letters ("Macro"/"Macron", "Mertz"/"Merz", "Marcon"/"Macron": a swap of
/// neighbouring letters is one edit), two beyond, with the same first
/// letter and a high Jaro–Winkler similarity so that distant names of
/// equal length do not slip through; lengths may differ by one letter at
/// most.
pub fn close_surname(a: &str, b: &str) -> bool {
    close_folded_surname(&fold(a), &fold(b))
}

/// [`close_surname`] of two names already folded.
fn close_folded_surname(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    // Two letters more or fewer is another name ("Biden"/"Bidenko").
    if la.min(lb) < 4 || la.abs_diff(lb) > 1 || a.chars().next() != b.chars().next() {
        return false;
    }
    // Edits by optimal string alignment: a swap of neighbouring letters
    // ("Marcon"/"Macron") is one slip, one edit.
    let max_edits = if la.max(lb) <= 6 { 1 } else { 2 };
    osa_distance(a, b) <= max_edits && jaro_winkler(a, b) >= 0.88
}

/// Given names are shorter and vary more ("Kir"/"Keir"): two edits and a
/// Jaro–Winkler similarity of 0.8 at least.
pub fn close_given_name(a: &str, b: &str) -> bool {
    close_folded_given_name(&fold(a), &fold(b))
}

/// [`close_given_name`] of two names already folded.
fn close_folded_given_name(a: &str, b: &str) -> bool {
    a == b || (osa_distance(a, b) <= 2 && jaro_winkler(a, b) >= 0.8)
}

pub fn is_stop(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// Reads the document's names once: the entities every other normaliser
/// sees (see [`resolve`]) and the name claims (see [`claims`]) both come
/// from this one reading.
pub fn analyse(ctx: &Context) -> Analysis {
    let text = ctx.doc.text.as_str();
    let ents = &ctx.rules.entities.entities;
    let titles = &ctx.rules.titles;
    // Step 1: aliases, with the given name before a one-word alias.
    let lower_words = lower_case_words(text);
    let mut found: Vec<Found> = Vec::new();
    let mut places: Vec<Span> = Vec::new();
    for m in &ctx.mentions.names {
        let NameKind::Alias(i) = m.kind else { continue };
        let e = &ents[i];
        if e.kind != EntityKind::Person {
            places.push(m.span);
            found.push(Found {
                entity: i,
                span: m.span,
                variant: false,
            });
            continue;
        }
        let surface = &text[m.span.start..m.span.end];
        let one_word = !surface.contains(' ');
        if one_word && honorific_of_other_sex(text, m.span.start, e.pronoun.as_deref()) {
            // "Mrs. Clinton" is not Bill Clinton.
            continue;
        }
        match preceding_word(text, m.span.start) {
            Some(w)
                if one_word
                    && w.end - w.start > 1
                    && is_given_name_shape(&text[w.start..w.end])
                    && !is_stop(&text[w.start..w.end])
                    && !titles.is_title_word(&text[w.start..w.end])
                    && !lower_words.contains(text[w.start..w.end].to_lowercase().as_str())
                    && !ctx.rules.entities.is_alias(&text[w.start..w.end]) =>
            {
                let given = &text[w.start..w.end];
                let joined = Span::new(w.start, m.span.end);
                if e.given_names.iter().any(|g| fold(g) == fold(given)) {
                    let whole = &text[joined.start..joined.end];
                    found.push(Found {
                        entity: i,
                        span: joined,
                        variant: !e.aliases.iter().any(|a| a == whole),
                    });
                } else if e.given_names.iter().any(|g| close_given_name(g, given)) {
                    found.push(Found {
                        entity: i,
                        span: joined,
                        variant: true,
                    });
                } else if ctx.sentence(w.start).start == w.start {
                    // A capitalised first word of a sentence may be any
                    // word ("Yesterday Trump said"): keep the surname alone.
                    found.push(Found {
                        entity: i,
                        span: m.span,
                        variant: false,
                    });
                }
                // Otherwise another person with the same surname.
            }
            _ => found.push(Found {
                entity: i,
                span: m.span,
                variant: false,
            }),
        }
    }
    // Steps 2 and 3: candidates that overlap no alias.
    let aliases = SpanSet::new(found.iter().map(|f| f.span));
    let first_fuzzy = found.len();
    // The furthest end of a name found by spelling so far.
    let mut fuzzy_reach = 0;
    let mut unlisted = Vec::new();
    for m in &ctx.mentions.names {
        let NameKind::Candidate(words) = &m.kind else {
            continue;
        };
        // Names found by spelling below are looked through only when one
        // reaches past this candidate's start (rarely: they come in text
        // order).
        let overlaps = |s: Span| {
            aliases.overlaps(s)
                || (fuzzy_reach > s.start
                    && found[first_fuzzy..]
                        .iter()
                        .any(|f| f.span.start < s.end && s.start < f.span.end))
        };
        if overlaps(m.span) {
            continue;
        }
        for words in segments(ctx, &lower_words, words) {
            let span = Span::new(words[0].start, words[words.len() - 1].end);
            let tokens: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
            if tokens.len() >= 2 {
                match fuzzy_full_name(ents, &tokens) {
                    Some(i) => {
                        fuzzy_reach = span.end.max(fuzzy_reach);
                        found.push(Found {
                            entity: i,
                            span,
                            variant: true,
                        })
                    }
                    None if looks_like_unlisted_name(ctx, &tokens) => unlisted.push(span),
                    None => {}
                }
            } else if let Some(i) = fuzzy_surname(ents, tokens[0])
                && names_a_person(ctx, &found, span)
            {
                fuzzy_reach = span.end.max(fuzzy_reach);
                found.push(Found {
                    entity: i,
                    span,
                    variant: true,
                });
            }
        }
    }
    found.sort_by_key(|f| (f.span.start, f.span.end));
    Analysis { found, unlisted }
}

/// Every word the document writes in lower case.
fn lower_case_words(text: &str) -> BTreeSet<&str> {
    crate::extract::name::words(text)
        .into_iter()
        .map(|w| &text[w.start..w.end])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// Splits a run of capitalised words into the parts that may be names.
/// Words that cannot be part of a person's name break the run: stop words,
/// titles and country adjectives ("Outgoing President Marcelo …" keeps
/// "Marcelo …"), acronyms ("Rheinwerk CEO Katrin Oberlander"), words with
/// digits, and a sentence's first word when the document also writes it in
/// lower case ("Passenger Siobhan Kearney", with "passengers" elsewhere).
/// A possessive ends a part, without its "'s".
/// Name particles ("de", "von") never start or end a part.
fn segments(ctx: &Context, lower: &BTreeSet<&str>, words: &[Span]) -> Vec<Vec<Span>> {
    let text = ctx.doc.text.as_str();
    let titles = &ctx.rules.titles;
    let mut out = Vec::new();
    let mut part: Vec<Span> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let t = &text[w.start..w.end];
        let acronym = t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !t.chars().any(char::is_lowercase);
        let common_first = k == 0 && ctx.sentence(w.start).start == w.start && {
            let l = t.to_lowercase();
            lower.contains(l.as_str()) || lower.contains(format!("{l}s").as_str())
        };
        let breaks = is_stop(t)
            || titles.is_title_word(t)
            || acronym
            || t.chars().any(|c| c.is_ascii_digit())
            || common_first;
        let possessive = strip_possessive(t);
        if breaks {
            push_part(text, &mut part, &mut out);
        } else if let Some(stem) = possessive {
            // "Kovalenko's" ends a name; "World's Nancy …" starts another.
            part.push(Span::new(w.start, w.start + stem.len()));
            push_part(text, &mut part, &mut out);
        } else {
            part.push(*w);
        }
    }
    push_part(text, &mut part, &mut out);
    out
}

fn push_part(text: &str, part: &mut Vec<Span>, out: &mut Vec<Vec<Span>>) {
    let is_particle = |w: &Span| PARTICLES.contains(&&text[w.start..w.end]);
    while part.last().is_some_and(is_particle) {
        part.pop();
    }
    let lead = part.iter().take_while(|w| is_particle(w)).count();
    part.drain(..lead);
    if !part.is_empty() {
        out.push(std::mem::take(part));
    }
    part.clear();
}

/// Whether the honorific just before `at` ("Mrs.", "Mr") names someone of
/// the other sex than the entity's pronoun says: then a shared surname
/// names another person (a spouse, a relative).
fn honorific_of_other_sex(text: &str, at: usize, pronoun: Option<&str>) -> bool {
    let before = text[..at].trim_end_matches(' ');
    let before = before.strip_suffix('.').unwrap_or(before);
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let female = [
        "Mrs", "Ms", "Miss", "Madam", "Madame", "Mme", "Lady", "Dame",
    ];
    let male = ["Mr", "Sir", "Lord", "Monsieur", "M"];
    match pronoun {
        Some("he") => female.contains(&word),
        Some("she") => male.contains(&word),
        _ => false,
    }
}

/// The word just before `at`, separated from it by one space only.
fn preceding_word(text: &str, at: usize) -> Option<Span> {
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map(|(i, _)| i)?;
    Some(Span::new(start, before.len()))
}

fn is_given_name_shape(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || c == '-')
}

/// A multi-word name that is a near miss of one person's multi-word alias
/// (same number of words, surname close, given names close, at least one
/// word spelt differently). The best match wins; ties mean no match.
fn fuzzy_full_name(ents: &[Entity], tokens: &[&str]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    let mut tie = false;
    // Folded once here, and each alias's words when the rules compiled.
    let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
    for (i, e) in ents.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        for ((alias, parts), folded_parts) in
            e.aliases.iter().zip(&e.alias_words).zip(&e.alias_folded)
        {
            if parts.len() != tokens.len() || parts.iter().zip(tokens).all(|(p, t)| p == t) {
                continue;
            }
            let last = parts.len() - 1;
            let ok = close_folded_surname(&folded_parts[last], &folded[last])
                && (0..last).all(|k| close_folded_given_name(&folded_parts[k], &folded[k]));
            if !ok {
                continue;
            }
            let score = jaro_winkler(&fold(alias), &fold(&tokens.join(" ")));
            match best {
                Some((j, s)) if j != i && (s - score).abs() < 1e-9 => tie = true,
                Some((_, s)) if s >= score => {}
                _ => {
                    best = Some((i, score));
                    tie = false;
                }
            }
        }
    }
    if tie { None } else { best.map(|(i, _)| i) }
}

/// A single word that is a near miss of exactly one person's surname.
fn fuzzy_surname(ents: &[Entity], word: &str) -> Option<usize> {
    let folded = fold(word);
    let len = folded.chars().count();
    if len < 4 || is_stop(word) {
        return None;
    }
    let first = folded.chars().next();
    // Surnames are stored folded; the same first letter and a length one
    // apart at most are what `close_surname` asks first, checked here
    // before it folds both again.
    let may_be_close = |s: &String| {
        s != &folded && s.chars().next() == first && s.chars().count().abs_diff(len) <= 1
    };
    let hits: Vec<usize> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .filter(|(_, e)| {
            e.surnames
                .iter()
                .any(|s| may_be_close(s) && close_folded_surname(s, &folded))
        })
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Whether the context says a single capitalised word names a person: a
/// title or honorific just before it, or a list with a known person as its
/// neighbour ("Macro, Starmer and Merz").
fn names_a_person(ctx: &Context, found: &[Found], span: Span) -> bool {
    let text = ctx.doc.text.as_str();
    if let Some(w) = preceding_word(text, span.start) {
        let word = &text[w.start..w.end];
        if ctx.rules.titles.is_title_word(word) || HONORIFICS.contains(&word) {
            return true;
        }
    }
    let ents = &ctx.rules.entities.entities;
    let is_person = |f: &&Found| ents[f.entity].kind == EntityKind::Person;
    let list_gap = |gap: &str| {
        matches!(
            gap.trim(),
            "," | "and" | ", and" | "&" | "or" | ", or" | "/" | ";"
        )
    };
    let before = found
        .iter()
        .filter(is_person)
        .rfind(|f| f.span.end <= span.start)
        .is_some_and(|f| list_gap(&text[f.span.end..span.start]));
    let after = found
        .iter()
        .filter(is_person)
        .find(|f| f.span.start >= span.end)
        .is_some_and(|f| list_gap(&text[span.end..f.span.start]));
    before || after
}

/// Two to four words, at least two of them capitalised words with
/// lower-case letters (not "NATO"), none a title, a stop word or a known
/// alias; particles allowed inside ("Marcelo Rebelo de Sousa"): the shape
/// of a person's name. Places and organisations of that shape ("Black
/// Sea") pass too; the name judge only reports two such names when they
/// differ by one near-miss word, which a place name repeated across
/// documents rarely does.
fn looks_like_unlisted_name(ctx: &Context, tokens: &[&str]) -> bool {
    let capitalised = tokens
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_uppercase))
        .count();
    (2..=4).contains(&tokens.len())
        && capitalised >= 2
        && tokens.iter().all(|t| {
            PARTICLES.contains(t)
                || (t.chars().count() >= 2
                    && t.chars().skip(1).any(char::is_lowercase)
                    && !is_stop(t)
                    && !ctx.rules.titles.is_title_word(t)
                    && !ctx.rules.entities.is_alias(t))
        })
}

/// The family name of a person's name as this document uses it, folded.
/// English order puts it last ("Grace Tan" → "tan"); Chinese, Korean,
/// Vietnamese and Hungarian order put it first ("Lim Wei Jie" is "Mr Lim").
/// The first word is taken only when the text itself says so: it refers
/// to the first word alone after an honorific or next to a speech verb
/// ("Mr Lim", "Mr. Lim", "Lim said", "said Lim") and never so to the last
/// word. Otherwise the last word, as before. For the speaker lookup of
/// quotes and any other surname match.
pub fn family_name(name: &str, text: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return String::new();
    };
    if words.len() >= 2 && referred_alone(first, text) && !referred_alone(last, text) {
        fold(first)
    } else {
        fold(last)
    }
}

/// Whether `word` stands alone for a person in `text`: after an honorific
/// ("Mr Lim", "Ms. Lim") or before or after "said"/"says"/"told"
/// ("Lim said", "said Lim,").
fn referred_alone(word: &str, text: &str) -> bool {
    let is_word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()) == word;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let speech = |w: &str| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "said" | "says" | "told" | "added"
        )
    };
    tokens.iter().enumerate().any(|(k, t)| {
        if !is_word(t) {
            return false;
        }
        let prev = k.checked_sub(1).and_then(|p| tokens.get(p)).copied();
        let next = tokens.get(k + 1).copied();
        let after_honorific = prev.is_some_and(|p| HONORIFICS.contains(&p.trim_end_matches('.')));
        // "Lim said", not "Lim Wei Jie said"; "said Lim," not "said Lim Wei".
        let standalone_next = next.is_none_or(|n| !n.starts_with(char::is_uppercase));
        let ends_clause = t.ends_with([',', '.', ';']);
        after_honorific
            || (next.is_some_and(speech)
                && !prev.is_some_and(|p| p.starts_with(char::is_uppercase)))
            || (prev.is_some_and(speech) && (ends_clause || standalone_next))
    })
}

/// Resolves this document's entities for the other normalisers.
pub fn resolve(ctx: &Context, analysis: &Analysis) -> Vec<EntityRef> {
    let ents = &ctx.rules.entities.entities;
    analysis
        .found
        .iter()
        .map(|f| EntityRef {
            id: ents[f.entity].id.clone(),
            name: ents[f.entity].name.clone(),
            kind: ents[f.entity].kind,
            span: f.span,
        })
        .collect()
}

/// The name claims of one document.
pub fn claims(ctx: &Context, analysis: &Analysis) -> DocClaims {
    let ents = &ctx.rules.entities.entities;
    let mut out = DocClaims::default();
    for f in &analysis.found {
        let e = &ents[f.entity];
        if e.kind != EntityKind::Person {
            continue;
        }
        out.claims.push(Claim {
            anchor: Anchor {
                doc: 0,
                span: f.span,
            },
            category: Category::Name,
            frame: {
                let mut frame = Frame::bare("name");
                frame.about = Some(Participant {
                    key: e.id.clone(),
                    name: e.name.clone(),
                    kind: ParticipantKind::Person,
                });
                frame
            },
            value: Value::Name(NameValue {
                surface: ctx.text(f.span).to_string(),
                canonical: e.name.clone(),
                variant: f.variant,
            }),
        });
    }
    for &span in &analysis.unlisted {
        let surface = ctx.text(span).to_string();
        out.claims.push(Claim {
            anchor: Anchor { doc: 0, span },
            category: Category::Name,
            // Names the rules do not know share one frame with no one
            // `about`: the name judge compares them among themselves.
            frame: Frame::bare("name"),
            value: Value::Name(NameValue {
                canonical: surface.clone(),
                surface,
                variant: false,
            }),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Document;
    use crate::rules::Rules;

    fn rules() -> Rules {
        Rules::builtin().expect("built-in rules load")
    }

    /// (surface, entity id, variant) of every entity found in `text`.
    fn found(text: &str) -> Vec<(String, String, bool)> {
        let rules = rules();
        let doc = Document::from_text("t", text);
        let mentions = crate::extract::extract(&doc, &rules);
        let index = crate::index::TextIndex::build(&doc.text, &rules.words);
        let ctx = Context::new(&doc, &rules, &index, &mentions);
        analyse(&ctx)
            .found
            .iter()
            .map(|f| {
                (
                    text[f.span.start..f.span.end].to_string(),
                    rules.entities.entities[f.entity].id.clone(),
                    f.variant,
                )
            })
            .collect()
    }

    fn variants(text: &str) -> Vec<(String, String)> {
        found(text)
            .into_iter()
            .filter(|f| f.2)
            .map(|f| (f.0, f.1))
            .collect()
    }

    #[test]
    fn near_misses_that_must_match() {
        assert!(close_surname("Macron", "Marcon"));
        assert!(close_surname("Macron", "Macro"));
        assert!(close_surname("Merz", "Mertz"));
        assert!(close_surname("Zelenskyy", "Zelenskky"));
        assert!(close_surname("Duda", "Dud\u{430}"));
        assert!(close_given_name("Keir", "Kir"));
        // Neighbouring letters swapped, either way round.
        assert!(close_surname("Solheim", "Solhiem"));
        assert!(close_surname("Solhiem", "Solheim"));
        assert!(close_surname("Osei", "Oesi"));
    }

    #[test]
    fn distinct_names_that_must_not_match() {
        assert!(!close_surname("Kim", "Kin"), "too short to judge");
        assert!(!close_surname("Putin", "Zelensky"));
        assert!(!close_surname("Merz", "Herz"), "first letters differ");
        assert!(!close_surname("Biden", "Bidenko"));
        assert!(!close_given_name("Vladimir", "Volodymyr"));
        assert!(!close_given_name("Donald", "Melania"));
    }

    #[test]
    fn a_surname_outweighs_a_shared_first_name() {
        let f = found("Ukrainian President Vladimir Zelensky spoke.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "volodymyr-zelenskyy");
        assert!(!f[0].2);
    }

    #[test]
    fn known_aliases_and_old_place_names_are_no_variants() {
        for t in [
            "Zelenskiy said so.",
            "Talks in Kiev and Constantinople ended.",
            "Peking and Beijing are one city.",
            "The U.S. and the US and the United States.",
        ] {
            assert_eq!(variants(t), [] as [(String, String); 0], "{t}");
        }
    }

    #[test]
    fn misspelt_given_name_before_a_known_surname() {
        assert_eq!(
            variants("British Prime Minister Kir Starmer weighed in."),
            [("Kir Starmer".to_string(), "keir-starmer".to_string())]
        );
    }

    #[test]
    fn a_title_or_common_word_before_a_surname_is_no_given_name() {
        let ids = |t: &str| -> Vec<String> { found(t).into_iter().map(|f| f.1).collect() };
        assert_eq!(
            ids("The rally for President-elect Trump."),
            ["donald-trump"]
        );
        assert_eq!(
            ids("A republican view: Republican Trump won."),
            ["donald-trump"]
        );
    }

    #[test]
    fn another_given_name_is_another_person() {
        let f = found("The event was hosted by Melania Trump in New York.");
        assert!(f.iter().all(|x| x.1 != "donald-trump"), "{f:?}");
    }

    #[test]
    fn an_honorific_of_the_other_sex_is_another_person() {
        let ids = |t: &str| -> Vec<String> { found(t).into_iter().map(|f| f.0).collect() };
        assert_eq!(ids("Mrs. Clinton met Bill Clinton."), ["Bill Clinton"]);
        assert_eq!(ids("Mr. Clinton met Ms Clinton."), ["Clinton"]);
        assert_eq!(ids("Mr Merkel and Mrs Merkel."), ["Merkel"]);
    }

    #[test]
    fn a_single_word_needs_a_list_of_leaders_or_a_title() {
        assert_eq!(
            variants("It is up to the leaders – Macro, Starmer and Merz – to act."),
            [("Macro".to_string(), "emmanuel-macron".to_string())]
        );
        assert_eq!(variants("Macro trends weigh on markets."), []);
        assert_eq!(variants("In economics, Macro and Micro differ."), []);
        assert_eq!(variants("Mertz said the shop would reopen."), []);
        assert_eq!(
            variants("Chancellor Mertz met the press."),
            [("Mertz".to_string(), "friedrich-merz".to_string())]
        );
    }

    #[test]
    fn homoglyphs_and_diacritics_are_variants_of_the_listed_spelling() {
        assert_eq!(
            variants("A visit by Andrzej Dud\u{430} was brief."),
            [("Andrzej Dud\u{430}".to_string(), "andrzej-duda".to_string())]
        );
        // Listed with and without diacritics: no variant.
        assert_eq!(variants("Viktor Orban met Viktor Orbán."), []);
    }

    #[test]
    fn another_first_name_with_a_near_surname_is_not_matched() {
        assert_eq!(found("Jean Marcon, a local baker, disagreed."), []);
    }

    #[test]
    fn odd_text_does_not_panic() {
        let rules = rules();
        for t in [
            "",
            " ",
            "Mr.",
            "Trump",
            " Trump",
            "É Trump",
            "Ω Ωμέγα Trump\u{a0}Putin — President\u{a0}Putin",
            "President-elect",
            "former US President",
            "Kremlin’s spokesperson, ",
            "de von der",
            "Mrs.Trump. Ms .Merkel",
            "\u{301}Trump \u{1F600} Zelenskyy\u{200d}",
            "A, B and C. D, E and Macro, Starmer and",
        ] {
            let doc = Document::from_text("t", t);
            let _ = crate::analyse_document(&doc, &rules);
        }
    }

    #[test]
    fn unlisted_two_word_names_are_kept_for_the_bundle() {
        let rules = rules();
        let doc = Document::from_text("t", "Olena Kovalenko said the Black Sea route was open.");
        let mentions = crate::extract::extract(&doc, &rules);
        let index = crate::index::TextIndex::build(&doc.text, &rules.words);
        let ctx = Context::new(&doc, &rules, &index, &mentions);
        let un: Vec<&str> = analyse(&ctx)
            .unlisted
            .iter()
            .map(|s| ctx.text(*s))
            .collect();
        assert_eq!(un, ["Olena Kovalenko", "Black Sea"]);
        let doc = Document::from_text(
            "t",
            "The World's Nancy Marshall met Olena Kovalenko's aide.",
        );
        let mentions = crate::extract::extract(&doc, &rules);
        let index = crate::index::TextIndex::build(&doc.text, &rules.words);
        let ctx = Context::new(&doc, &rules, &index, &mentions);
        let un: Vec<&str> = analyse(&ctx)
            .unlisted
            .iter()
            .map(|s| ctx.text(*s))
            .collect();
        assert_eq!(un, ["Nancy Marshall", "Olena Kovalenko"]);
    }

    #[test]
    fn an_office_head_is_no_part_of_a_name() {
        // Titles the list does not name still end before the name, so a
        // misspelling is reported under the person's name alone.
        let rules = rules();
        let text = "Fire Commissioner Anna Lindqvist and Station Commander Piet Mol spoke.";
        let doc = Document::from_text("t", text);
        let mentions = crate::extract::extract(&doc, &rules);
        let index = crate::index::TextIndex::build(&doc.text, &rules.words);
        let ctx = Context::new(&doc, &rules, &index, &mentions);
        let un: Vec<&str> = analyse(&ctx)
            .unlisted
            .iter()
            .map(|s| ctx.text(*s))
            .collect();
        assert_eq!(un, ["Anna Lindqvist", "Piet Mol"]);
    }

    #[test]
    fn the_family_name_may_come_first() {
        let text = "SHB chief executive Lim Wei Jie told a briefing. \
                    \"We will grow it,\" said Mr Lim, 52.";
        assert_eq!(family_name("Lim Wei Jie", text), "lim");
        let text = "Lim Wei Jie spoke. \"It is done,\" Lim said.";
        assert_eq!(family_name("Lim Wei Jie", text), "lim");
        // English order, or nothing to tell: the last word.
        let text = "Its chief executive, Grace Tan, spoke. Ms Tan said no.";
        assert_eq!(family_name("Grace Tan", text), "tan");
        assert_eq!(
            family_name("Lim Wei Jie", "said Lim Wei Jie, the chief executive."),
            "jie"
        );
        // The first word used alone only inside the full name is no sign.
        assert_eq!(family_name("Nguyen Van An", "Nguyen Van An said so."), "an");
        // Both words used alone: the usual order wins.
        assert_eq!(
            family_name("Kim Lee", "Mr Kim spoke; Mr Lee said no."),
            "lee"
        );
    }
}
