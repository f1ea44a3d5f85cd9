//! Normalisation of role mentions. (Skeleton: filled in by the role work.)

use std::fmt;

use super::Context;
use crate::claim::DocClaims;

/// A normalised role.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleValue {
    pub text: String,
}

impl fmt::Display for RoleValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl RoleValue {
    /// Whether both values can be true of the same subject.
    pub fn compatible(&self, other: &Self) -> bool {
        self == other
    }
}

/// The role claims of one document.
pub fn claims(_ctx: &Context) -> DocClaims {
    DocClaims::default()
}
