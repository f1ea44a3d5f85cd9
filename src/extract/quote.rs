//! Extraction of quote mentions. (Skeleton: filled in by the quote work.)

use crate::claim::Span;
use crate::rules::Rules;

/// A quote as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteMention {
    pub span: Span,
}

pub fn extract(_text: &str, _rules: &Rules) -> Vec<QuoteMention> {
    Vec::new()
}
