//! Extraction of event triggers ("phone call", "quake", "touched down"),
//! found by the whole-word automaton compiled from `rules/events.toml`.
//! Hands on [`EventMention`]s: the trigger's span and its kind's index in
//! `rules.events.kinds`. Dating the events is `normalise::event`'s work.

use crate::claim::Span;
use crate::rules::Rules;

/// An event trigger as written.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMention {
    pub span: Span,
    /// Index into `rules.events.kinds`.
    pub kind: usize,
}

pub fn extract(text: &str, rules: &Rules) -> Vec<EventMention> {
    rules
        .events
        .find(text)
        .into_iter()
        .filter(|&(start, end, _)| !in_organisation_name(text, start, end))
        .map(|(start, end, kind)| EventMention {
            span: Span::new(start, end),
            kind,
        })
        .collect()
}

/// Head nouns that end the name of an organisation ("Rural Fire Service",
/// "Fire and Disaster Management Agency", "Election Commission").
const ORGANISATION_HEADS: &[&str] = &[
    "Agency",
    "Authority",
    "Board",
    "Brigade",
    "Bureau",
    "Center",
    "Centre",
    "Commission",
    "Committee",
    "Council",
    "Department",
    "Directorate",
    "Institute",
    "Ministry",
    "Office",
    "Service",
    "Services",
    "Unit",
];

/// Whether a capitalised trigger is a word of an organisation's name: it is
/// followed, through capitalised words and "and"/"of"/"&" only, by an
/// organisation head noun within a few words. "The Fire and Disaster
/// Management Agency said" names no fire; "the fire" and "Hurricane Tamsin"
/// are untouched.
fn in_organisation_name(text: &str, start: usize, end: usize) -> bool {
    if !text[start..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let rest = &text[end..];
    for word in rest.split_whitespace().take(5) {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if ORGANISATION_HEADS.contains(&word) {
            return true;
        }
        let joins = matches!(word, "and" | "of" | "&");
        if !joins && !word.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trigger_inside_an_organisation_name_is_no_event() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            in_organisation_name(text, start, start + word.len())
        };
        assert!(at(
            "The Fire and Disaster Management Agency said on Monday.",
            "Fire"
        ));
        assert!(at("the NSW Rural Fire Service confirmed", "Fire"));
        assert!(at("The Election Commission of India said", "Election"));
        assert!(!at("The fire and the smoke spread.", "fire"));
        assert!(!at("Fire broke out near the station.", "Fire"));
        assert!(!at(
            "Hurricane Tamsin made landfall near Cameron.",
            "Hurricane"
        ));
    }
}
