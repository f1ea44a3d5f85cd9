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
        .map(|(start, end, kind)| EventMention {
            span: Span::new(start, end),
            kind,
        })
        .collect()
}
