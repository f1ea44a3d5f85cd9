//! Extraction of role mentions. (Skeleton: filled in by the role work.)

use crate::claim::Span;
use crate::rules::Rules;

/// A role as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleMention {
    pub span: Span,
}

pub fn extract(_text: &str, _rules: &Rules) -> Vec<RoleMention> {
    Vec::new()
}
