//! Extraction of date mentions. (Skeleton: filled in by the date work.)

use crate::claim::Span;
use crate::rules::Rules;

/// A date as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
}

pub fn extract(_text: &str, _rules: &Rules) -> Vec<DateMention> {
    Vec::new()
}
