//! `rules/titles.toml`: Office titles and the tense markers (former, acting, -elect) around them.
//!
//! (Skeleton: the entries and their compiled form are filled in by the
//! role work; the file already loads, merges and runs its examples.)

use serde::Deserialize;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleFile {
    #[serde(default, rename = "title")]
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

impl RuleFile for TitleFile {
    const FILE: &'static str = "titles.toml";
    const CATEGORY: Category = Category::Role;
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
