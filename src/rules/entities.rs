//! `rules/entities.toml`: canonical people, places and organisations, the
//! aliases they are written under and the offices people held, with dates.
//!
//! Compiled into one case-sensitive Aho–Corasick automaton over every alias
//! (so a document is scanned once, leftmost-longest), plus per-entity lists
//! of given names and surnames and folded (lower-case, diacritics and
//! look-alike letters removed) aliases for the fuzzy matcher in
//! `normalise::name`. Office dates feed the role checks in `normalise::role`.

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

use crate::hash::HashMap;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;
use crate::normalise::EntityKind;

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

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    /// Canonical name, also an alias.
    pub name: Spanned<String>,
    /// `person`, `place` or `organisation`.
    pub kind: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `he` or `she` for messages ("call him the US president"); omitted,
    /// the name is repeated.
    #[serde(default)]
    pub pronoun: Option<String>,
    #[serde(default)]
    pub offices: Vec<Office>,
}

/// An office held from `from` (inclusive) until `to` (exclusive; the day a
/// successor takes over), or to this day when `to` is absent.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Canonical office name as `rules/titles.toml` produces it:
    /// "President of the United States".
    pub office: String,
    pub from: Spanned<String>,
    #[serde(default)]
    pub to: Option<Spanned<String>>,
}

/// One entity, ready to use.
#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub pronoun: Option<String>,
    /// Every alias, the canonical name first.
    pub aliases: Vec<String>,
    /// The words of each alias, in the order of `aliases`: split once
    /// here, not for every capitalised run a document is checked against.
    pub alias_words: Vec<Vec<String>>,
    /// The same words folded (see [`fold`]).
    pub alias_folded: Vec<Vec<String>>,
    /// First tokens of multi-word aliases ("Keir", "Volodymyr", "Vladimir").
    pub given_names: Vec<String>,
    /// Last tokens of multi-word aliases and one-word aliases, folded.
    pub surnames: Vec<String>,
    pub offices: Vec<OfficeTerm>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OfficeTerm {
    pub office: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl OfficeTerm {
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day < to)
    }
}

impl Entity {
    /// Terms of `office` this entity held, in date order.
    pub fn terms<'a>(&'a self, office: &'a str) -> impl Iterator<Item = &'a OfficeTerm> + 'a {
        self.offices.iter().filter(move |t| t.office == office)
    }
}

/// The compiled form used by extraction and normalisation.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    pub entities: Vec<Entity>,
    /// Pattern i is `alias_entity[i]`'s alias `alias_text[i]`.
    pub automaton: Option<AhoCorasick>,
    pub alias_entity: Vec<usize>,
    pub alias_text: Vec<String>,
    /// Entity index by id and alias index by text, so that lookups and the
    /// duplicate check stay constant-time with 100,000 user entities.
    by_id: HashMap<String, usize>,
    by_alias: HashMap<String, usize>,
}

impl Compiled {
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// Whether `word` is exactly one of any entity's aliases.
    pub fn is_alias(&self, word: &str) -> bool {
        self.by_alias.contains_key(word)
    }
}

/// Lower case, no diacritics, Cyrillic and Greek look-alike letters mapped
/// to Latin ones: the form two spellings are compared in. "Dudа" (with a
/// Cyrillic а) and "Duda" fold alike; so do "Erdoğan" and "Erdogan".
pub fn fold(s: &str) -> String {
    // Most names are plain ASCII: decomposition and the look-alike map leave
    // them unchanged, so lower-casing is the whole fold. This path is hot
    // (fuzzy surname matching folds every known surname per word).
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    fold_unicode(s)
}

/// The full fold, for text with any non-ASCII character.
fn fold_unicode(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'а' | 'А' | 'α' | 'Α' => 'a',
            'е' | 'Е' | 'ε' | 'Ε' => 'e',
            'о' | 'О' | 'ο' | 'Ο' => 'o',
            'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
            'с' | 'С' => 'c',
            'х' | 'Х' | 'χ' | 'Χ' => 'x',
            'у' | 'У' => 'y',
            'і' | 'І' | 'ι' | 'Ι' => 'i',
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'đ' | 'Đ' => 'd',
            'ı' => 'i',
            '’' => '\'',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn date(s: &Spanned<String>) -> Result<NaiveDate, RuleProblem> {
    NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d").map_err(|_| {
        RuleProblem::new(
            format!("`{}` is not a date (YYYY-MM-DD)", s.get_ref()),
            Some(s.span()),
        )
    })
}

fn compile_entry(e: &Entry) -> Result<Entity, RuleProblem> {
    let kind = match e.kind.get_ref().as_str() {
        "person" => EntityKind::Person,
        "place" => EntityKind::Place,
        "organisation" | "organization" => EntityKind::Organisation,
        other => {
            return Err(RuleProblem::new(
                format!("unknown entity kind `{other}` (person, place or organisation)"),
                Some(e.kind.span()),
            ));
        }
    };
    let mut aliases = vec![e.name.get_ref().clone()];
    for a in &e.aliases {
        if !aliases.contains(a) {
            aliases.push(a.clone());
        }
    }
    let alias_words: Vec<Vec<String>> = aliases
        .iter()
        .map(|a| a.split_whitespace().map(str::to_string).collect())
        .collect();
    let alias_folded: Vec<Vec<String>> = alias_words
        .iter()
        .map(|words| words.iter().map(|w| fold(w)).collect())
        .collect();
    let mut given_names: Vec<String> = Vec::new();
    let mut surnames = Vec::new();
    for (words, folded) in alias_words.iter().zip(&alias_folded) {
        if let [first, _, ..] = words.as_slice()
            && !given_names.contains(first)
        {
            given_names.push(first.clone());
        }
        surnames.extend(folded.last().cloned());
    }
    surnames.dedup();
    let mut offices = Vec::new();
    for o in &e.offices {
        let from = date(&o.from)?;
        let to = o.to.as_ref().map(date).transpose()?;
        if to.is_some_and(|to| to <= from) {
            return Err(RuleProblem::new(
                "an office ends before it starts",
                Some(o.from.span()),
            ));
        }
        offices.push(OfficeTerm {
            office: o.office.clone(),
            from,
            to,
        });
    }
    Ok(Entity {
        id: e.id.clone(),
        name: e.name.get_ref().clone(),
        kind,
        pronoun: e.pronoun.clone(),
        aliases,
        alias_words,
        alias_folded,
        given_names,
        surnames,
        offices,
    })
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
        let mut entities = Vec::new();
        let mut alias_entity = Vec::new();
        let mut alias_text = Vec::new();
        let mut by_id = HashMap::default();
        let mut by_alias: HashMap<String, usize> = HashMap::default();
        for e in &self.entries {
            let entity = compile_entry(e)?;
            for a in &entity.aliases {
                if let Some(&i) = by_alias.get(a) {
                    let other: &Entity = &entities[alias_entity[i]];
                    return Err(RuleProblem::new(
                        format!("alias `{a}` is already an alias of `{}`", other.id),
                        Some(e.name.span()),
                    ));
                }
                by_alias.insert(a.clone(), alias_text.len());
                alias_entity.push(entities.len());
                alias_text.push(a.clone());
            }
            // The first entity of an id is the one `get` finds, as before.
            by_id.entry(entity.id.clone()).or_insert(entities.len());
            entities.push(entity);
        }
        let automaton = if alias_text.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&alias_text)
                    .map_err(|e| RuleProblem::new(e.to_string(), None))?,
            )
        };
        Ok(Compiled {
            entities,
            automaton,
            alias_entity,
            alias_text,
            by_id,
            by_alias,
        })
    }

    fn examples(&self) -> &[Example] {
        &self.example
    }

    fn allows(&self) -> &[Allow] {
        &self.allow
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_folds_like_the_full_fold() {
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(fold(&all), fold_unicode(&all));
        assert_eq!(fold("Peskov O'Neill"), "peskov o'neill");
    }

    #[test]
    fn fold_removes_diacritics_and_lookalikes() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Dud\u{430}"), "duda");
        assert_eq!(fold("Wałęsa"), "walesa");
        assert_ne!(fold("Merz"), fold("Mertz"));
    }

    #[test]
    fn office_terms_end_the_day_a_successor_starts() {
        let t = OfficeTerm {
            office: "x".into(),
            from: NaiveDate::from_ymd_opt(2021, 1, 20).unwrap(),
            to: NaiveDate::from_ymd_opt(2025, 1, 20),
        };
        assert!(t.holds_on(NaiveDate::from_ymd_opt(2025, 1, 19).unwrap()));
        assert!(!t.holds_on(NaiveDate::from_ymd_opt(2025, 1, 20).unwrap()));
        assert!(!t.holds_on(NaiveDate::from_ymd_opt(2021, 1, 19).unwrap()));
    }
}
