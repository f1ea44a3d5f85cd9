//! Normalisation of quantity mentions. (Skeleton: filled in by the quantity work.)

use std::fmt;

use super::Context;
use crate::claim::DocClaims;

/// A normalised quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantityValue {
    pub text: String,
}

impl fmt::Display for QuantityValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl QuantityValue {
    /// Whether both values can be true of the same subject.
    pub fn compatible(&self, other: &Self) -> bool {
        self == other
    }
}

/// The quantity claims of one document.
pub fn claims(_ctx: &Context) -> DocClaims {
    DocClaims::default()
}
