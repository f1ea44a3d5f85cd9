//! Normalisation of name mentions. (Skeleton: filled in by the name work.)

use std::fmt;

use super::Context;
use crate::claim::DocClaims;

/// A normalised name.
#[derive(Clone, Debug, PartialEq)]
pub struct NameValue {
    pub text: String,
}

impl fmt::Display for NameValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl NameValue {
    /// Whether both values can be true of the same subject.
    pub fn compatible(&self, other: &Self) -> bool {
        self == other
    }
}

/// Resolves this document's entities for the other normalisers.
pub fn resolve(_ctx: &Context) -> Vec<super::EntityRef> {
    Vec::new()
}

/// The name claims of one document.
pub fn claims(_ctx: &Context) -> DocClaims {
    DocClaims::default()
}
