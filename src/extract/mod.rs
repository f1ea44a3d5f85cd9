//! Stage 2, extract: from a document's text to raw mentions.
//!
//! Takes one [`Document`] and the compiled [`Rules`] and finds, without
//! interpreting them yet, the spans that can carry a claim: sentences, names
//! of people and places, dates, clock times, event triggers, office titles,
//! numbers with what they count, and quotes with their attributions. Each
//! mention keeps its byte span and the parts it was parsed into. Nothing here
//! knows about other documents, and nothing here prints.

pub mod date;
pub mod event;
pub mod name;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod text;
pub mod time;

use crate::claim::Span;
use crate::load::Document;
use crate::rules::Rules;

/// Everything extraction found in one document.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    /// Sentence spans in text order, covering every non-blank part.
    pub sentences: Vec<Span>,
    pub names: Vec<name::NameMention>,
    pub dates: Vec<date::DateMention>,
    pub times: Vec<time::TimeMention>,
    pub events: Vec<event::EventMention>,
    pub roles: Vec<role::RoleMention>,
    pub quantities: Vec<quantity::QuantityMention>,
    pub quotes: Vec<quote::QuoteMention>,
}

/// Runs every extractor over one document.
pub fn extract(doc: &Document, rules: &Rules) -> Mentions {
    let text = doc.text.as_str();
    Mentions {
        sentences: text::sentences(text),
        names: name::extract(text, rules),
        dates: date::extract(text, rules),
        times: time::extract(text, rules),
        events: event::extract(text, rules),
        roles: role::extract(text, rules),
        quantities: quantity::extract(text, rules),
        quotes: quote::extract(text, rules),
    }
}
