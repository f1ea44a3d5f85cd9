//! `rules/entities.toml`: Canonical people and places, their aliases and offices.
//!
//! (Skeleton: the entries and their compiled form are filled in by the
//! name work; the file already loads, merges and runs its examples.)

use serde::Deserialize;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityFile {
    #[serde(default, rename = "entity")]
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

impl RuleFile for EntityFile {
    const FILE: &'static str = "entities.toml";
    const CATEGORY: Category = Category::Name;
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
