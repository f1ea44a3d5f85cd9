//! Stage 2, extract: from a document's text to raw mentions.
//!
//! Takes one [`Document`] and the compiled [`Rules`] and finds, without
//! interpreting them yet, the spans that can carry a claim: names of people
//! and places, dates, clock times, office titles, numbers with what they
//! count, and quotes with their attributions. The document's text is the
//! text index's flattened text (see `index`), so offsets are the source's. Each
//! mention keeps its byte span and the parts it was parsed into. Nothing here
//! knows about other documents, and nothing here prints.

pub mod date;
pub mod name;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod time;

use crate::load::Document;
use crate::rules::Rules;

/// Everything extraction found in one document.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    pub names: Vec<name::NameMention>,
    pub dates: Vec<date::DateMention>,
    pub times: Vec<time::TimeMention>,
    pub roles: Vec<role::RoleMention>,
    pub quantities: Vec<quantity::QuantityMention>,
    pub quotes: Vec<quote::QuoteMention>,
}

/// Runs every extractor over one document.
pub fn extract(doc: &Document, rules: &Rules) -> Mentions {
    let text = doc.text.as_str();
    Mentions {
        names: name::extract(text, rules),
        dates: date::extract(text, rules),
        times: time::extract(text, rules),
        roles: role::extract(text, rules),
        quantities: quantity::extract(text, rules),
        quotes: quote::extract(text, rules),
    }
}
