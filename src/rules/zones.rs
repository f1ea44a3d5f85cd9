//! `rules/zones.toml`: Time-zone names and abbreviations mapped to IANA zones.
//!
//! (Skeleton: the entries and their compiled form are filled in by the
//! time work; the file already loads, merges and runs its examples.)

use serde::Deserialize;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneFile {
    #[serde(default, rename = "zone")]
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub example: Vec<Example>,
    #[serde(default)]
    pub allow: Vec<Allow>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(default)]
    pub id: String,
}

/// The compiled form used by extraction and normalisation.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    pub entries: Vec<Entry>,
}

impl RuleFile for ZoneFile {
    const FILE: &'static str = "zones.toml";
    const CATEGORY: Category = Category::Time;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        merge_by_id(&mut self.entries, user.entries, |e| &e.id);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        Ok(Compiled {
            entries: self.entries.clone(),
        })
    }

    fn examples(&self) -> &[Example] {
        &self.example
    }

    fn allows(&self) -> &[Allow] {
        &self.allow
    }
}
