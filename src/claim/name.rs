//! Name values: a name as written and the entity it names.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A normalised name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NameValue {
    /// As written.
    pub surface: String,
    /// The entity's canonical name (the surface itself for unlisted names).
    pub canonical: String,
    /// The surface is not one of the entity's aliases: a misspelling.
    pub variant: bool,
}

impl fmt::Display for NameValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.variant {
            f.write_str(&self.surface)
        } else {
            f.write_str(&self.canonical)
        }
    }
}

impl NameValue {
    /// Names are never in conflict; the name judge looks for variants.
    pub fn compatible(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}
