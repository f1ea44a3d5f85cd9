//! `rules/quantities.toml`: number words, scale words, vague amounts,
//! qualifiers, the unit table, currencies, the concepts figures are about,
//! and the look-alikes that are not quantities (years, clock times, ages,
//! identifiers such as "F-16").
//!
//! Compiled once into [`Compiled`]: one regex that finds number cores
//! (digits, number words, "a dozen", vague plurals), lower-cased lookup
//! tables for everything the extractor reads around a number, and one
//! alternation of every exclusion pattern. Entries merge by `id`; the word
//! lists of the context section are appended.

use std::collections::{BTreeMap, HashMap, HashSet};

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::pattern;
use super::word_regex::{WordRegex, ascii_boundaries};
use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityFile {
    #[serde(default)]
    pub numbers: BTreeMap<String, f64>,
    #[serde(default)]
    pub scale: Vec<Scale>,
    #[serde(default)]
    pub vague: Vec<Vague>,
    #[serde(default)]
    pub qualifier: Vec<Qualifier>,
    #[serde(default)]
    pub unit: Vec<Unit>,
    #[serde(default)]
    pub currency: Vec<Currency>,
    #[serde(default)]
    pub concept: Vec<Concept>,
    #[serde(default)]
    pub exclude: Vec<Exclude>,
    #[serde(default)]
    pub words: Words,
    #[serde(default)]
    pub example: Vec<Example>,
    #[serde(default)]
    pub allow: Vec<Allow>,
}

/// The `[words]` table: word lists the extractor reads around a figure.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default)]
    pub actual_verbs: Vec<String>,
    #[serde(default)]
    pub planned_cues: Vec<String>,
    #[serde(default)]
    pub stop_words: Vec<String>,
    #[serde(default)]
    pub ignore_modifiers: Vec<String>,
    #[serde(default)]
    pub negatives: Vec<String>,
    #[serde(default)]
    pub time_markers: Vec<String>,
    #[serde(default)]
    pub months: Vec<String>,
    #[serde(default)]
    pub relations: Vec<String>,
    #[serde(default)]
    pub expected_cues: Vec<String>,
}

/// "million" after a figure; `short` forms ("bn") only right after digits.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub value: f64,
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub short: Vec<String>,
}

/// "dozens", "tens of thousands": an interval with no point value.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vague {
    pub id: String,
    pub phrases: Vec<String>,
    pub low: f64,
    pub high: f64,
}

/// How a qualifier turns a figure into an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum QualifierKind {
    AtLeast,
    MoreThan,
    JustOver,
    AtMost,
    Nearly,
    #[default]
    About,
    Between,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    pub id: String,
    pub kind: QualifierKind,
    /// Fraction of the figure the qualifier allows (about, nearly, just over).
    #[serde(default)]
    pub tolerance: f64,
    pub phrases: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub dimension: String,
    pub factor: f64,
    #[serde(default)]
    pub offset: f64,
    pub display: String,
    /// Written before the figure: "magnitude 6.8".
    #[serde(default)]
    pub prefix: bool,
    pub names: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    pub id: String,
    /// Written before the figure: "$", "€", "USD".
    #[serde(default)]
    pub symbols: Vec<String>,
    /// Written after it: "euros".
    #[serde(default)]
    pub words: Vec<String>,
    /// The currency whose bare word this one is a kind of: Swiss francs
    /// are francs ("FRANC"). A document's bare francs are its Swiss francs
    /// when those are the only francs it names.
    #[serde(default)]
    pub family: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    /// A state of what is counted (killed, injured) rather than a thing.
    #[serde(default)]
    pub state: bool,
    pub words: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclude {
    pub id: String,
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub why: Option<String>,
}

/// The compiled form used by extraction and normalisation. All keys are
/// lower case.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// Finds number cores: `digits`, `words`, `vague` or `adozen` groups.
    pub number: Regex,
    /// Every exclusion pattern as one alternation.
    pub exclude: Option<WordRegex>,
    pub numbers: HashMap<String, f64>,
    /// Scale words (long and short) → (value, short form).
    pub scales: HashMap<String, (f64, bool)>,
    pub vague: HashMap<String, (f64, f64)>,
    /// Qualifier phrases, longest first.
    pub qualifiers: Vec<(String, QualifierKind, f64)>,
    pub units: Vec<Unit>,
    /// Unit names → index into `units`.
    pub unit_names: HashMap<String, usize>,
    /// Longest unit or currency name in words, to bound look-ahead.
    pub max_name_words: usize,
    /// Currency symbols as written (case kept) → currency id, longest first.
    pub currency_symbols: Vec<(String, String)>,
    pub currency_words: HashMap<String, String>,
    /// Currency id → the id of the bare currency it is a kind of.
    pub currency_family: HashMap<String, String>,
    /// Concept words → (concept id, is a state).
    pub concepts: HashMap<String, (String, bool)>,
    pub actual_verbs: Vec<String>,
    pub planned_cues: Vec<String>,
    pub stop_words: HashSet<String>,
    pub ignore_modifiers: HashSet<String>,
    /// Words that write a figure's sign ("minus 20 degrees").
    pub negatives: Vec<String>,
    pub time_markers: HashSet<String>,
    pub months: HashSet<String>,
    pub relations: HashSet<String>,
    pub expected_cues: Vec<String>,
}

impl Default for Compiled {
    fn default() -> Self {
        QuantityFile::default()
            .compile()
            .expect("empty quantity rules compile")
    }
}

fn lower(list: &[String]) -> Vec<String> {
    list.iter().map(|s| s.to_lowercase()).collect()
}

/// A regex alternation of literal phrases, longest first, with flexible
/// white space between words.
fn alternation(phrases: impl Iterator<Item = String>) -> String {
    let mut list: Vec<String> = phrases.filter(|p| !p.is_empty()).collect();
    list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    list.dedup();
    list.iter()
        .map(|p| {
            p.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

impl QuantityFile {
    fn number_regex(&self) -> Result<Regex, RuleProblem> {
        let mut words: Vec<String> = self.numbers.keys().map(|k| k.to_lowercase()).collect();
        for s in &self.scale {
            words.extend(lower(&s.words));
        }
        let words = alternation(words.into_iter());
        let vague = alternation(self.vague.iter().flat_map(|v| lower(&v.phrases)));
        let scales = alternation(self.scale.iter().flat_map(|s| lower(&s.words)));
        let durations = alternation(
            self.unit
                .iter()
                .filter(|u| u.dimension == "duration")
                .flat_map(|u| lower(&u.names)),
        );
        let none = r"[^\s\S]";
        let pick = |s: String| if s.is_empty() { none.to_string() } else { s };
        // `digits`: 2,500 / 1.96 / .5, after a word boundary or glued to
        // an upper-case code (`code`: "CHF23.1bn", read as a currency by
        // the extractor, else dropped); `words`: twenty-seven, two hundred
        // and fifty; `half`: "and a half" after either; `adozen`: "a dozen",
        // "a hundred"; `vague`: dozens, tens of thousands.
        let pattern = format!(
            r"(?i)(?P<halfan>\bhalf\s+an?)\s+(?:{durations})\b|(?P<aunit>\ban?)\s+(?:{durations})\b|(?:(?-i:\b(?P<code>[A-Z]{{3}}))|\b)(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?P<adozen>\ba\s+(?:{scales}|dozen)\b)|(?P<vague>\b(?:{vague})\b)|(?P<words>\b(?:{words})(?:(?:\s+and\s+|\s+|-)(?:{words}))*\b)",
            scales = pick(scales.clone()),
            durations = pick(durations),
            vague = pick(vague),
            words = pick(words),
        );
        // Figures, units and number words are ASCII next to their boundaries,
        // so ASCII `\b` finds the same matches on the regex engine's fast path.
        Regex::new(&ascii_boundaries(&pattern))
            .map_err(|e| RuleProblem::new(format!("number pattern: {e}"), None))
    }
}

impl RuleFile for QuantityFile {
    const FILE: &'static str = "quantities.toml";
    const CATEGORY: Category = Category::Quantity;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        self.numbers.extend(user.numbers);
        merge_by_id(&mut self.scale, user.scale, |e| &e.id);
        merge_by_id(&mut self.vague, user.vague, |e| &e.id);
        merge_by_id(&mut self.qualifier, user.qualifier, |e| &e.id);
        merge_by_id(&mut self.unit, user.unit, |e| &e.id);
        merge_by_id(&mut self.currency, user.currency, |e| &e.id);
        merge_by_id(&mut self.concept, user.concept, |e| &e.id);
        merge_by_id(&mut self.exclude, user.exclude, |e| &e.id);
        self.words.actual_verbs.extend(user.words.actual_verbs);
        self.words.planned_cues.extend(user.words.planned_cues);
        self.words.stop_words.extend(user.words.stop_words);
        self.words
            .ignore_modifiers
            .extend(user.words.ignore_modifiers);
        self.words.negatives.extend(user.words.negatives);
        self.words.time_markers.extend(user.words.time_markers);
        self.words.months.extend(user.words.months);
        self.words.relations.extend(user.words.relations);
        self.words.expected_cues.extend(user.words.expected_cues);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let mut exclude_parts = Vec::new();
        for ex in &self.exclude {
            let span = ex.pattern.span();
            pattern::check_syntax(ex.pattern.get_ref()).map_err(|e| {
                RuleProblem::new(format!("exclude `{}`: {e}", ex.id), Some(span.clone()))
            })?;
            exclude_parts.push(format!("(?:{})", ascii_boundaries(ex.pattern.get_ref())));
        }
        let exclude =
            if exclude_parts.is_empty() {
                None
            } else {
                // Searched once over each text, so as a WordRegex: its
                // ASCII twin is a third of the time to build.
                Some(pattern::word_regex(&exclude_parts.join("|")).map_err(|e| {
                    RuleProblem::new(format!("exclusion patterns together: {e}"), None)
                })?)
            };
        let mut scales = HashMap::new();
        for s in &self.scale {
            if !(s.value.is_finite() && s.value > 0.0) {
                return Err(RuleProblem::new(
                    format!("scale `{}` needs a positive value", s.id),
                    None,
                ));
            }
            for w in lower(&s.words) {
                scales.insert(w, (s.value, false));
            }
            for w in lower(&s.short) {
                scales.insert(w, (s.value, true));
            }
        }
        let mut qualifiers: Vec<(String, QualifierKind, f64)> = self
            .qualifier
            .iter()
            .flat_map(|q| {
                lower(&q.phrases)
                    .into_iter()
                    .map(|p| (p, q.kind, q.tolerance))
            })
            .collect();
        qualifiers.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut unit_names = HashMap::new();
        let mut max_name_words = 1;
        for (i, u) in self.unit.iter().enumerate() {
            if !(u.factor.is_finite() && u.factor > 0.0) {
                return Err(RuleProblem::new(
                    format!("unit `{}` needs a positive factor", u.id),
                    None,
                ));
            }
            for n in lower(&u.names) {
                max_name_words = max_name_words.max(n.split_whitespace().count());
                unit_names.insert(n, i);
            }
        }
        let mut currency_symbols = Vec::new();
        let mut currency_words = HashMap::new();
        for c in &self.currency {
            for s in &c.symbols {
                currency_symbols.push((s.clone(), c.id.clone()));
            }
            for w in lower(&c.words) {
                max_name_words = max_name_words.max(w.split_whitespace().count());
                currency_words.insert(w, c.id.clone());
            }
        }
        currency_symbols.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut currency_family = HashMap::new();
        for c in &self.currency {
            if let Some(family) = &c.family {
                if !self.currency.iter().any(|o| &o.id == family) {
                    return Err(RuleProblem::new(
                        format!(
                            "currency `{}` is of family `{family}`, which is no currency",
                            c.id
                        ),
                        None,
                    ));
                }
                currency_family.insert(c.id.clone(), family.clone());
            }
        }
        let mut concepts = HashMap::new();
        for c in &self.concept {
            for w in lower(&c.words) {
                concepts.insert(w, (c.id.clone(), c.state));
            }
        }
        let mut vague = HashMap::new();
        for v in &self.vague {
            for p in lower(&v.phrases) {
                vague.insert(p, (v.low, v.high));
            }
        }
        Ok(Compiled {
            number: self.number_regex()?,
            exclude,
            numbers: self
                .numbers
                .iter()
                .map(|(k, v)| (k.to_lowercase(), *v))
                .collect(),
            scales,
            vague,
            qualifiers,
            units: self.unit.clone(),
            unit_names,
            max_name_words,
            currency_symbols,
            currency_words,
            currency_family,
            concepts,
            actual_verbs: lower(&self.words.actual_verbs),
            planned_cues: lower(&self.words.planned_cues),
            stop_words: lower(&self.words.stop_words).into_iter().collect(),
            ignore_modifiers: lower(&self.words.ignore_modifiers).into_iter().collect(),
            negatives: lower(&self.words.negatives),
            time_markers: lower(&self.words.time_markers).into_iter().collect(),
            months: lower(&self.words.months).into_iter().collect(),
            relations: lower(&self.words.relations).into_iter().collect(),
            expected_cues: lower(&self.words.expected_cues),
        })
    }

    fn examples(&self) -> &[Example] {
        &self.example
    }

    fn allows(&self) -> &[Allow] {
        &self.allow
    }
}
