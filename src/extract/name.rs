//! Extraction of name mentions. (Skeleton: filled in by the name work.)

use crate::claim::Span;
use crate::rules::Rules;

/// A name as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct NameMention {
    pub span: Span,
}

pub fn extract(_text: &str, _rules: &Rules) -> Vec<NameMention> {
    Vec::new()
}
