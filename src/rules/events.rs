//! `rules/events.toml`: event kinds and the trigger words that name them.
//!
//! Each `[[event]]` has an `id` (the subject key: `call`, `earthquake`), a
//! `label` for messages ("phone call") and `triggers`, the words and phrases
//! that name it ("phone conversation", "talks", "quake"), and `one_day`
//! when it happens once on one day (a quake, not a summit or a series of
//! calls). One telling of an
//! event in different words groups because all its triggers share the id.
//! Compiled into one case-insensitive leftmost-longest automaton; matches
//! must stand as whole words.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use toml::Spanned;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFile {
    #[serde(default, rename = "event")]
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
    #[serde(default)]
    pub label: String,
    pub triggers: Vec<Spanned<String>>,
    /// The event happens once, on one day, and a bundle about it is about
    /// that one happening (a quake, a launch): days a few apart for it are
    /// one event told wrong, not two events (see `compare::date`).
    #[serde(default)]
    pub one_day: bool,
}

/// One event kind, ready for use.
#[derive(Clone, Debug, PartialEq)]
pub struct Kind {
    pub id: String,
    pub label: String,
    pub one_day: bool,
}

/// The compiled form used by extraction and normalisation.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    pub kinds: Vec<Kind>,
    /// Index into `kinds` for every automaton pattern.
    pattern_kind: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

impl Compiled {
    /// Whole-word trigger matches in `text`: (start, end, kind index).
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        ac.find_iter(text)
            .filter(|m| {
                !word(text[..m.start()].chars().next_back())
                    && !word(text[m.end()..].chars().next())
            })
            .map(|m| {
                (
                    m.start(),
                    m.end(),
                    self.pattern_kind[m.pattern().as_usize()],
                )
            })
            .collect()
    }
}

impl RuleFile for EventFile {
    const FILE: &'static str = "events.toml";
    const CATEGORY: Category = Category::Date;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        merge_by_id(&mut self.entries, user.entries, |e| &e.id);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let mut kinds = Vec::new();
        let mut patterns = Vec::new();
        let mut pattern_kind = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if e.id.trim().is_empty() {
                return Err(RuleProblem::new(
                    "every [[event]] needs an `id`",
                    e.triggers.first().map(|t| t.span()),
                ));
            }
            for t in &e.triggers {
                if t.get_ref().trim().is_empty() {
                    return Err(RuleProblem::new("empty trigger", Some(t.span())));
                }
                patterns.push(t.get_ref().clone());
                pattern_kind.push(i);
            }
            kinds.push(Kind {
                id: e.id.clone(),
                label: if e.label.is_empty() {
                    e.id.clone()
                } else {
                    e.label.clone()
                },
                one_day: e.one_day,
            });
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .map_err(|e| RuleProblem::new(format!("triggers do not compile: {e}"), None))?,
            )
        };
        Ok(Compiled {
            kinds,
            pattern_kind,
            automaton,
        })
    }

    fn examples(&self) -> &[Example] {
        &self.example
    }

    fn allows(&self) -> &[Allow] {
        &self.allow
    }
}
