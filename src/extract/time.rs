//! Extraction of time mentions. (Skeleton: filled in by the time work.)

use crate::claim::Span;
use crate::rules::Rules;

/// A time as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMention {
    pub span: Span,
}

pub fn extract(_text: &str, _rules: &Rules) -> Vec<TimeMention> {
    Vec::new()
}
