//! Normalisation of date mentions. (Skeleton: filled in by the date work.)

use std::fmt;

use super::Context;
use crate::claim::DocClaims;

/// A normalised date.
#[derive(Clone, Debug, PartialEq)]
pub struct DateValue {
    pub text: String,
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl DateValue {
    /// Whether both values can be true of the same subject.
    pub fn compatible(&self, other: &Self) -> bool {
        self == other
    }
}

/// Resolves this document's dates for the other normalisers.
pub fn resolve(_ctx: &Context) -> Vec<super::DateRef> {
    Vec::new()
}

/// The date claims of one document.
pub fn claims(_ctx: &Context) -> DocClaims {
    DocClaims::default()
}
