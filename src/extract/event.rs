//! Extraction of event mentions. (Skeleton: filled in by the event work.)

use crate::claim::Span;
use crate::rules::Rules;

/// A event as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMention {
    pub span: Span,
}

pub fn extract(_text: &str, _rules: &Rules) -> Vec<EventMention> {
    Vec::new()
}
