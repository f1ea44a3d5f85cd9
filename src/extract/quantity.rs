//! Extraction of quantity mentions. (Skeleton: filled in by the quantity work.)

use crate::claim::Span;
use crate::rules::Rules;

/// A quantity as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantityMention {
    pub span: Span,
}

pub fn extract(_text: &str, _rules: &Rules) -> Vec<QuantityMention> {
    Vec::new()
}
