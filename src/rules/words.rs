//! `rules/words.toml`: the word classes the text index and the frame
//! builder read sentences by (determiners, prepositions, auxiliaries,
//! reporting words, modality cues, …), irregular forms, and classes of
//! synonyms ("killed", "died", "dead").
//!
//! Compiled into one table from a word's lower-case form to its classes (a
//! bit set), a table of irregular forms, and a table from a stem (Snowball
//! English) to its synonym class. Multi-word entries ("take place",
//! "walked out") are kept as stem sequences and matched over tokens by the
//! index. Nothing here decides what is compared: it only helps to read.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;
use crate::hash::{HashMap, HashSet};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordsFile {
    #[serde(default)]
    pub classes: Classes,
    #[serde(default)]
    pub plurals: BTreeMap<String, String>,
    #[serde(default)]
    pub lemmas: BTreeMap<String, String>,
    #[serde(default)]
    pub synonyms: Vec<Synonyms>,
    #[serde(default)]
    pub example: Vec<Example>,
    #[serde(default)]
    pub allow: Vec<Allow>,
}

/// The closed classes. A user's lists are added to the built-in ones.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classes {
    #[serde(default)]
    pub determiners: Vec<String>,
    #[serde(default)]
    pub prepositions: Vec<String>,
    #[serde(default)]
    pub pronouns: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub conjunctions: Vec<String>,
    #[serde(default)]
    pub clause_openers: Vec<String>,
    #[serde(default)]
    pub not_verbs: Vec<String>,
    #[serde(default)]
    pub directions: Vec<String>,
    #[serde(default)]
    pub distance_relations: Vec<String>,
    #[serde(default)]
    pub day_parts: Vec<String>,
    #[serde(default)]
    pub adverbs: Vec<String>,
    #[serde(default)]
    pub say_verbs: Vec<String>,
    #[serde(default)]
    pub particles: Vec<String>,
    #[serde(default)]
    pub time_frames: Vec<String>,
    #[serde(default)]
    pub other_time_after: Vec<String>,
    #[serde(default)]
    pub negations: Vec<String>,
    #[serde(default)]
    pub honorifics: Vec<String>,
    #[serde(default)]
    pub sentence_openers: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub name_particles: Vec<String>,
    #[serde(default)]
    pub organisation_heads: Vec<String>,
    #[serde(default)]
    pub light_verbs: Vec<String>,
    #[serde(default)]
    pub reporting: Vec<String>,
    #[serde(default)]
    pub forecast: Vec<String>,
    #[serde(default)]
    pub planned: Vec<String>,
    #[serde(default)]
    pub hypothetical: Vec<String>,
    #[serde(default)]
    pub other_time: Vec<String>,
    #[serde(default)]
    pub series: Vec<String>,
    #[serde(default)]
    pub series_one: Vec<String>,
    #[serde(default)]
    pub wholes: Vec<String>,
    #[serde(default)]
    pub additions: Vec<String>,
    #[serde(default)]
    pub reschedule: Vec<String>,
    #[serde(default)]
    pub bounds: Vec<String>,
    /// Prepositions that name what a noun is about ("an investigation
    /// into the derailment"): a happening after one is a topic, not what
    /// a time before it is of.
    #[serde(default)]
    pub topics: Vec<String>,

    #[serde(default)]
    pub sequels: Vec<String>,
    /// Determiners that point back to something told before, apart from
    /// the story's present ("That typhoon left 2,361 dead").
    #[serde(default)]
    pub distal: Vec<String>,
    /// Prepositions that place a figure: the name after one right after
    /// the figure is its scope ("killed 357 people in El Salvador").
    #[serde(default)]
    pub locatives: Vec<String>,
    /// Prepositions that open an absolute clause of a figure ("With 22
    /// percent of the vote counted, …").
    #[serde(default)]
    pub absolutes: Vec<String>,
    /// Relative pronouns: a clause one opens is about a noun before it
    /// ("a ballot whose result was announced …"), and ends at its comma.
    #[serde(default)]
    pub relatives: Vec<String>,
    /// Prepositions by which a verb's subject has or takes a figure along
    /// ("escaped with $1.38 million"): the subject is not what the figure
    /// measures.
    #[serde(default)]
    pub companions: Vec<String>,
    /// Prepositions of destination: the place named after one is what a
    /// moment's doing went to or was for ("left for Libya Saturday").
    #[serde(default)]
    pub destinations: Vec<String>,
    #[serde(default)]
    pub partitives: Vec<String>,
    #[serde(default)]
    pub speaker_pronouns: Vec<String>,
}

/// `[[synonyms]]`: words that mean one thing for a frame.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonyms {
    pub id: String,
    #[serde(default)]
    pub label: String,
    pub words: Vec<String>,
    /// Counts of it change as a story unfolds (tolls): a rise between
    /// reports is an update.
    #[serde(default)]
    pub changes: bool,
    /// Counts of it may fall as well as rise between reports (the missing
    /// are found, evacuees go home): a fall between reports is an update
    /// too.
    #[serde(default)]
    pub falls: bool,
    /// It happens once, on one day (a quake, a launch).
    #[serde(default)]
    pub once: bool,
    /// The start or the end of a happening: the day it began is not the
    /// day of the whole ("the storm, which began Monday", "Tuesday night's
    /// storm").
    #[serde(default)]
    pub phase: bool,
    /// A state of people ("killed", "injured").
    #[serde(default)]
    pub state: bool,
    /// It names a happening (a call, a quake).
    #[serde(default)]
    pub event: bool,
}

/// One class of the closed word classes, as a bit of [`Class`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Class(u64);

impl Class {
    pub const NONE: Class = Class(0);
    pub const DETERMINER: Class = Class(1);
    pub const PREPOSITION: Class = Class(1 << 1);
    pub const PRONOUN: Class = Class(1 << 2);
    pub const AUXILIARY: Class = Class(1 << 3);
    pub const CONJUNCTION: Class = Class(1 << 4);
    pub const CLAUSE_OPENER: Class = Class(1 << 5);
    pub const NEGATION: Class = Class(1 << 6);
    pub const HONORIFIC: Class = Class(1 << 7);
    pub const SENTENCE_OPENER: Class = Class(1 << 8);
    pub const ABBREVIATION: Class = Class(1 << 9);
    pub const NAME_PARTICLE: Class = Class(1 << 10);
    pub const ORGANISATION_HEAD: Class = Class(1 << 11);
    pub const REPORTING: Class = Class(1 << 12);
    pub const SERIES: Class = Class(1 << 13);
    pub const PARTITIVE: Class = Class(1 << 14);
    pub const SPEAKER_PRONOUN: Class = Class(1 << 15);
    pub const LIGHT_VERB: Class = Class(1 << 16);
    pub const BOUND: Class = Class(1 << 17);
    pub const SEQUEL: Class = Class(1 << 18);
    pub const NOT_VERB: Class = Class(1 << 19);
    pub const ADVERB: Class = Class(1 << 20);
    pub const SAY: Class = Class(1 << 21);
    pub const PARTICLE: Class = Class(1 << 22);
    pub const TIME_FRAME: Class = Class(1 << 23);
    pub const DIRECTION: Class = Class(1 << 24);
    pub const DAY_PART: Class = Class(1 << 25);
    pub const TOPIC: Class = Class(1 << 26);
    pub const DISTANCE_RELATION: Class = Class(1 << 27);
    pub const SERIES_ONE: Class = Class(1 << 28);
    pub const WHOLE: Class = Class(1 << 29);
    pub const ADDITION: Class = Class(1 << 30);
    pub const DISTAL: Class = Class(1 << 31);
    pub const LOCATIVE: Class = Class(1 << 32);
    pub const ABSOLUTE: Class = Class(1 << 33);
    pub const DESTINATION: Class = Class(1 << 34);
    pub const COMPANION: Class = Class(1 << 35);
    pub const RELATIVE: Class = Class(1 << 36);
    /// Words that carry no content of their own: every closed class that
    /// is grammar rather than meaning.
    pub const FUNCTION: Class = Class(
        Class::DETERMINER.0
            | Class::PREPOSITION.0
            | Class::PRONOUN.0
            | Class::AUXILIARY.0
            | Class::CONJUNCTION.0
            | Class::CLAUSE_OPENER.0
            | Class::NEGATION.0,
    );

    pub fn has(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    fn add(&mut self, other: Class) {
        self.0 |= other.0;
    }
}

/// A synonym class, ready for use.
#[derive(Clone, Debug, PartialEq)]
pub struct SynonymClass {
    pub id: String,
    pub label: String,
    pub changes: bool,
    pub falls: bool,
    pub once: bool,
    pub phase: bool,
    pub state: bool,
    pub event: bool,
}

/// Phrases of one or more words (light verbs, modality cues, synonyms),
/// each as a sequence of stems, with what the phrase stands for.
#[derive(Clone, Debug)]
pub struct Phrases<T> {
    /// Longest first, so the longest match wins.
    entries: Vec<(Vec<String>, T)>,
    /// The entries by their first word, each list in the order of
    /// `entries`: a phrase matched word for word is looked for only among
    /// those starting with the word at hand, not all of them at every
    /// token (that scan was a sixth of all instructions on real news).
    by_first: HashMap<String, Vec<usize>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            entries: Vec::new(),
            by_first: HashMap::default(),
        }
    }
}

impl<T: Clone> Phrases<T> {
    fn push(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        if !words.is_empty() {
            self.entries.push((words, value));
        }
    }

    fn sort(&mut self) {
        self.entries
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        self.by_first.clear();
        for (i, (words, _)) in self.entries.iter().enumerate() {
            self.by_first.entry(words[0].clone()).or_default().push(i);
        }
    }

    /// [`Phrases::at`] for a match that needs each word's `key` to equal
    /// the phrase's word (and `eq` besides): the same answer, found among
    /// the phrases that start with `key(words[at])` only.
    pub fn at_key<W>(
        &self,
        words: &[W],
        at: usize,
        key: impl Fn(&W) -> &str,
        eq: impl Fn(&W, &str) -> bool,
    ) -> Option<(usize, &T)> {
        let first = key(words.get(at)?);
        self.by_first.get(first)?.iter().find_map(|&k| {
            let (phrase, v) = &self.entries[k];
            let n = phrase.len();
            (at + n <= words.len()
                && phrase
                    .iter()
                    .zip(&words[at..at + n])
                    .all(|(p, w)| key(w) == p && eq(w, p)))
            .then_some((n, v))
        })
    }

    /// The longest phrase whose words equal `words[at..]` by `eq`, with its
    /// length in words.
    pub fn at<W>(
        &self,
        words: &[W],
        at: usize,
        eq: impl Fn(&W, &str) -> bool,
    ) -> Option<(usize, &T)> {
        self.entries.iter().find_map(|(phrase, v)| {
            let n = phrase.len();
            (at + n <= words.len() && phrase.iter().zip(&words[at..at + n]).all(|(p, w)| eq(w, p)))
                .then_some((n, v))
        })
    }
}

/// Modality cue kinds (see `[classes]` forecast, planned, hypothetical).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    Forecast,
    Planned,
    Hypothetical,
    OtherTime,
    OtherTimeAfter,
    Reschedule,
    LightVerb,
    Reporting,
}

/// The compiled word tables.
#[derive(Clone)]
pub struct Compiled {
    class: HashMap<String, Class>,
    /// Irregular verb forms and plurals → base form.
    lemmas: HashMap<String, String>,
    /// Irregular plurals (a subset of the keys of `lemmas`).
    plurals: HashSet<String>,
    /// The base forms `lemmas` leads to ("beat", "hold"), for asking in
    /// constant time whether a word is one.
    bases: HashSet<String>,
    /// Stems of the one-word light verbs.
    light_stems: HashSet<String>,
    stemmer: Arc<Stemmer>,
    pub synonyms: Vec<SynonymClass>,
    /// Stem and form of a one-word synonym → its class (see [`form`]).
    synonym_stems: HashMap<(String, Form), usize>,
    /// Synonyms of several words, as stems.
    pub synonym_phrases: Phrases<usize>,
    /// Cue phrases of one or more words, as lower-case words.
    pub cues: Phrases<Cue>,
    /// Which compilation this is, so that a reading cached from these
    /// rules is never taken for another set's (see [`Compiled::id`]).
    id: u64,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("words::Compiled")
            .field("words", &self.class.len())
            .field("synonyms", &self.synonyms.len())
            .finish()
    }
}

impl Default for Compiled {
    fn default() -> Self {
        WordsFile::default()
            .compile()
            .expect("empty word rules compile")
    }
}

impl Compiled {
    /// A number no other compiled set of word rules in this process has
    /// (a clone keeps it: its readings are the same): what a cache of
    /// readings made with these rules is keyed by.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The closed classes a lower-case word belongs to.
    /// Every listed word of a class, in no particular order.
    pub fn words_of(&self, class: Class) -> impl Iterator<Item = &str> {
        self.class
            .iter()
            .filter(move |(_, c)| c.has(class))
            .map(|(w, _)| w.as_str())
    }

    pub fn class(&self, lower: &str) -> Class {
        self.class.get(lower).copied().unwrap_or_default()
    }

    /// The base form a frame uses for a lower-case word: its irregular
    /// lemma, else its stem ("capsized" → "capsiz", "people" → "person").
    pub fn stem(&self, lower: &str) -> String {
        match self.lemmas.get(lower) {
            Some(l) => self.stemmer.stem(l).into_owned(),
            None => self.stemmer.stem(lower).into_owned(),
        }
    }

    /// Whether a lower-case word is an irregular verb form the rules list
    /// ("struck", "sank", "held").
    pub fn is_irregular(&self, lower: &str) -> bool {
        self.lemmas.contains_key(lower) && !self.plurals.contains(lower)
    }

    /// Whether a lower-case word is the base form of an irregular verb the
    /// rules list ("beat", "hold").
    pub fn is_irregular_base(&self, lower: &str) -> bool {
        self.bases.contains(lower)
    }

    /// Whether a lower-case word is an irregular plural ("people", "crew").
    pub fn is_plural(&self, lower: &str) -> bool {
        self.plurals.contains(lower)
    }

    /// Whether a stem is a light verb's ("began" → "begin").
    pub fn is_light_stem(&self, stem: &str) -> bool {
        self.light_stems.contains(stem)
    }

    /// The synonym class of a one-word lower-case word with stem `stem`:
    /// a listed word of the same stem and form ("calls" for "call", not
    /// "called": the verb "to call" is no phone call).
    pub fn synonym(&self, lower: &str, stem: &str) -> Option<usize> {
        self.synonym_stems
            .get(&(
                stem.to_string(),
                form_with(lower, &self.lemmas, &self.plurals),
            ))
            .copied()
    }
}

/// The inflection of a word, which a synonym must share: a past form
/// ("-ed"), a present participle ("-ing"), or any other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Past,
    Participle,
    Other,
}

/// The form of a word: an irregular verb form other than its base ("left",
/// "struck", "held") is a past form like "departed", so "leave" and "left"
/// are told apart as "depart" and "departed" are.
fn form_with(lower: &str, lemmas: &HashMap<String, String>, plurals: &HashSet<String>) -> Form {
    match lemmas.get(lower) {
        Some(base) if base != lower && !plurals.contains(lower) && !lower.ends_with("ing") => {
            Form::Past
        }
        _ => form(lower),
    }
}

/// A word without its possessive ending, if it has one: "Kallang's",
/// "Kallang’s", and the bare apostrophe of a plural ("Pennine Heritage
/// Tours' managing director"). Either apostrophe is read.
pub fn strip_possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| {
            w.strip_suffix('\'')
                .or_else(|| w.strip_suffix('’'))
                .filter(|s| s.ends_with('s'))
        })
        .filter(|s| !s.is_empty())
}

pub fn form(lower: &str) -> Form {
    if lower.ends_with("ed") && lower.len() >= 4 {
        Form::Past
    } else if lower.ends_with("ing") && lower.len() >= 5 {
        Form::Participle
    } else {
        Form::Other
    }
}

fn lowered(list: &[String]) -> impl Iterator<Item = String> + '_ {
    list.iter()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
}

impl RuleFile for WordsFile {
    const FILE: &'static str = "words.toml";
    const CATEGORY: Category = Category::Quantity;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        let (c, u) = (&mut self.classes, user.classes);
        c.determiners.extend(u.determiners);
        c.prepositions.extend(u.prepositions);
        c.pronouns.extend(u.pronouns);
        c.auxiliaries.extend(u.auxiliaries);
        c.conjunctions.extend(u.conjunctions);
        c.clause_openers.extend(u.clause_openers);
        c.not_verbs.extend(u.not_verbs);
        c.directions.extend(u.directions);
        c.distance_relations.extend(u.distance_relations);
        c.day_parts.extend(u.day_parts);
        c.adverbs.extend(u.adverbs);
        c.say_verbs.extend(u.say_verbs);
        c.particles.extend(u.particles);
        c.time_frames.extend(u.time_frames);
        c.other_time_after.extend(u.other_time_after);
        c.negations.extend(u.negations);
        c.honorifics.extend(u.honorifics);
        c.sentence_openers.extend(u.sentence_openers);
        c.abbreviations.extend(u.abbreviations);
        c.name_particles.extend(u.name_particles);
        c.organisation_heads.extend(u.organisation_heads);
        c.light_verbs.extend(u.light_verbs);
        c.reporting.extend(u.reporting);
        c.forecast.extend(u.forecast);
        c.planned.extend(u.planned);
        c.hypothetical.extend(u.hypothetical);
        c.other_time.extend(u.other_time);
        c.series.extend(u.series);
        c.series_one.extend(u.series_one);
        c.wholes.extend(u.wholes);
        c.additions.extend(u.additions);
        c.reschedule.extend(u.reschedule);
        c.bounds.extend(u.bounds);
        c.topics.extend(u.topics);
        c.sequels.extend(u.sequels);
        c.distal.extend(u.distal);
        c.locatives.extend(u.locatives);
        c.absolutes.extend(u.absolutes);
        c.companions.extend(u.companions);
        c.relatives.extend(u.relatives);
        c.destinations.extend(u.destinations);
        c.partitives.extend(u.partitives);
        c.speaker_pronouns.extend(u.speaker_pronouns);
        self.lemmas.extend(user.lemmas);
        self.plurals.extend(user.plurals);
        merge_by_id(&mut self.synonyms, user.synonyms, |e| &e.id);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let c = &self.classes;
        let mut class: HashMap<String, Class> = HashMap::default();
        let mut add = |list: &[String], k: Class| {
            for w in lowered(list) {
                // Only one-word entries are word classes; phrases are cues.
                if !w.contains(' ') {
                    class.entry(w).or_default().add(k);
                }
            }
        };
        add(&c.determiners, Class::DETERMINER);
        add(&c.prepositions, Class::PREPOSITION);
        add(&c.pronouns, Class::PRONOUN);
        add(&c.auxiliaries, Class::AUXILIARY);
        add(&c.conjunctions, Class::CONJUNCTION);
        add(&c.clause_openers, Class::CLAUSE_OPENER);
        add(&c.negations, Class::NEGATION);
        add(&c.honorifics, Class::HONORIFIC);
        add(&c.sentence_openers, Class::SENTENCE_OPENER);
        add(&c.abbreviations, Class::ABBREVIATION);
        add(&c.name_particles, Class::NAME_PARTICLE);
        add(&c.organisation_heads, Class::ORGANISATION_HEAD);
        add(&c.reporting, Class::REPORTING);
        add(&c.series, Class::SERIES);
        add(&c.series_one, Class::SERIES_ONE);
        add(&c.wholes, Class::WHOLE);
        add(&c.additions, Class::ADDITION);
        add(&c.partitives, Class::PARTITIVE);
        add(&c.speaker_pronouns, Class::SPEAKER_PRONOUN);
        add(&c.light_verbs, Class::LIGHT_VERB);
        add(&c.bounds, Class::BOUND);
        add(&c.topics, Class::TOPIC);
        add(&c.sequels, Class::SEQUEL);
        add(&c.distal, Class::DISTAL);
        add(&c.locatives, Class::LOCATIVE);
        add(&c.absolutes, Class::ABSOLUTE);
        add(&c.companions, Class::COMPANION);
        add(&c.relatives, Class::RELATIVE);
        add(&c.destinations, Class::DESTINATION);
        add(&c.not_verbs, Class::NOT_VERB);
        add(&c.directions, Class::DIRECTION);
        add(&c.distance_relations, Class::DISTANCE_RELATION);
        add(&c.day_parts, Class::DAY_PART);
        add(&c.adverbs, Class::ADVERB);
        add(&c.say_verbs, Class::SAY);
        add(&c.particles, Class::PARTICLE);
        add(&c.time_frames, Class::TIME_FRAME);
        let stemmer = Arc::new(Stemmer::create(Algorithm::English));
        let lemmas: HashMap<String, String> = self
            .lemmas
            .iter()
            .chain(&self.plurals)
            .map(|(k, v)| (k.to_lowercase(), v.to_lowercase()))
            .collect();
        let plurals: HashSet<String> = self.plurals.keys().map(|k| k.to_lowercase()).collect();
        let stem = |w: &str| match lemmas.get(w) {
            Some(l) => stemmer.stem(l).into_owned(),
            None => stemmer.stem(w).into_owned(),
        };
        let mut cues = Phrases::default();
        for (list, cue) in [
            (&c.forecast, Cue::Forecast),
            (&c.planned, Cue::Planned),
            (&c.hypothetical, Cue::Hypothetical),
            (&c.other_time, Cue::OtherTime),
            (&c.other_time_after, Cue::OtherTimeAfter),
            (&c.reschedule, Cue::Reschedule),
            (&c.light_verbs, Cue::LightVerb),
            (&c.reporting, Cue::Reporting),
        ] {
            for w in lowered(list) {
                // Cues match by stem: "proposed" covers "proposing".
                let stems: Vec<String> = w.split_whitespace().map(&stem).collect();
                cues.push(&stems.join(" "), cue);
            }
        }
        cues.sort();
        let mut synonyms = Vec::new();
        let mut synonym_stems = HashMap::default();
        let mut synonym_phrases = Phrases::default();
        for (i, s) in self.synonyms.iter().enumerate() {
            if s.id.trim().is_empty() {
                return Err(RuleProblem::new("every [[synonyms]] needs an `id`", None));
            }
            synonyms.push(SynonymClass {
                id: s.id.clone(),
                label: if s.label.is_empty() {
                    s.id.clone()
                } else {
                    s.label.clone()
                },
                changes: s.changes,
                falls: s.falls,
                once: s.once,
                phase: s.phase,
                state: s.state,
                event: s.event,
            });
            for w in lowered(&s.words) {
                let stems: Vec<String> = w
                    .split(|ch: char| ch.is_whitespace())
                    .filter(|p| !p.is_empty())
                    .map(&stem)
                    .collect();
                if stems.len() == 1 {
                    // A word listed in two classes keeps the first.
                    synonym_stems
                        .entry((stems[0].clone(), form_with(&w, &lemmas, &plurals)))
                        .or_insert(i);
                } else {
                    synonym_phrases.push(&stems.join(" "), i);
                }
            }
        }
        synonym_phrases.sort();
        let light_stems = lowered(&c.light_verbs)
            .filter(|w| !w.contains(' '))
            .map(|w| stem(&w))
            .collect();
        static COMPILED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let bases = lemmas.values().cloned().collect();
        Ok(Compiled {
            class,
            plurals,
            bases,
            light_stems,
            lemmas,
            stemmer,
            synonyms,
            synonym_stems,
            synonym_phrases,
            cues,
            id: COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
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

    fn words() -> Compiled {
        let file: WordsFile =
            toml::from_str(include_str!("../../rules/words.toml")).expect("words.toml parses");
        file.compile().expect("words.toml compiles")
    }

    #[test]
    fn forms_of_one_verb_share_a_stem_and_irregulars_fold() {
        let w = words();
        assert_eq!(w.stem("capsized"), w.stem("capsizing"));
        assert_eq!(w.stem("struck"), w.stem("strike"));
        assert_eq!(w.stem("people"), w.stem("person"));
        assert_ne!(w.stem("workers"), w.stem("members"));
    }

    #[test]
    fn synonyms_are_found_by_stem_and_phrase() {
        let w = words();
        let syn = |word: &str| w.synonym(word, &w.stem(word));
        let killed = syn("died").expect("died is a synonym");
        assert_eq!(w.synonyms[killed].id, "killed");
        assert_eq!(syn("fatalities"), Some(killed));
        let call = syn("calls").expect("calls is a call");
        assert_eq!(w.synonyms[call].id, "call");
        assert_eq!(syn("called"), None, "to call something is no phone call");
        assert!(w.synonyms[killed].changes);
        let toks: Vec<String> = ["winched", "to", "safety"]
            .iter()
            .map(|t| w.stem(t))
            .collect();
        let (n, class) = w
            .synonym_phrases
            .at(&toks, 0, |a, b| a == b)
            .expect("a phrase");
        assert_eq!(n, 3);
        assert_eq!(w.synonyms[*class].id, "rescued");
        assert_eq!(syn("ferry"), None);
    }

    #[test]
    fn classes_are_bits() {
        let w = words();
        assert!(w.class("the").has(Class::DETERMINER));
        assert!(w.class("were").has(Class::AUXILIARY));
        assert!(w.class("were").has(Class::FUNCTION));
        assert!(!w.class("ferry").has(Class::FUNCTION));
        assert!(w.class("said").has(Class::REPORTING));
    }
}
