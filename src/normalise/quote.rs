//! Normalisation of quote mentions. (Skeleton: filled in by the quote work.)

use std::fmt;

use super::Context;
use crate::claim::DocClaims;

/// A normalised quote.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteValue {
    pub text: String,
}

impl fmt::Display for QuoteValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl QuoteValue {
    /// Whether both values can be true of the same subject.
    pub fn compatible(&self, other: &Self) -> bool {
        self == other
    }
}

/// The quote claims of one document.
pub fn claims(_ctx: &Context) -> DocClaims {
    DocClaims::default()
}
