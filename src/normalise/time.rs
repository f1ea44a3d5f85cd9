//! Normalisation of time mentions. (Skeleton: filled in by the time work.)

use std::fmt;

use super::Context;
use crate::claim::DocClaims;

/// A normalised time.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeValue {
    pub text: String,
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl TimeValue {
    /// Whether both values can be true of the same subject.
    pub fn compatible(&self, other: &Self) -> bool {
        self == other
    }
}

/// The time claims of one document.
pub fn claims(_ctx: &Context) -> DocClaims {
    DocClaims::default()
}
