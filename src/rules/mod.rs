//! Rules: the data that drives extraction and normalisation, loaded once per
//! run and compiled (regexes, automata) before any document is read.
//!
//! Every rule file in `rules/` at the top of the project is embedded in the
//! binary as a default. `--rules DIR` adds the user's files of the same names:
//! their entries are appended, and an entry with the `id` of a default entry
//! replaces it. Every file may carry `[[example]]` (text → the one normalised
//! claim it must yield) and `[[allow]]` (text → no claim) tables, which
//! `crosscheck rules test` and the test suite run. A rule that does not parse
//! or compile is an error naming the file and line, with an excerpt.

pub mod calendar;
pub mod entities;
pub mod quantities;
pub mod speaker_regex;
pub mod speech;
pub mod titles;
pub mod word_regex;
pub mod words;
pub mod zones;

mod examples;
mod pattern;
mod source;

pub use examples::{Allow, Example, ExampleFailure, run_examples};
pub use source::{RuleProblem, RuleSource};

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::claim::Category;
use crate::error::InputError;
use words::Class;

/// One kind of rule file: how it parses, merges and compiles.
pub trait RuleFile: DeserializeOwned + Default + Clone {
    /// File name in `rules/`, e.g. `zones.toml`.
    const FILE: &'static str;
    /// The claim category its examples test, unless an example names another.
    const CATEGORY: Category;
    /// The ready-to-use form (regexes compiled, tables indexed).
    type Compiled;

    /// Adds a user's file of the same name: append entries, and let an
    /// entry with an existing `id` replace the default one.
    fn merge(&mut self, user: Self);
    /// Checks every reference and compiles every pattern. Problems carry a
    /// byte span into the file's text where one is known.
    fn compile(&self) -> Result<Self::Compiled, RuleProblem>;
    fn examples(&self) -> &[Example];
    fn allows(&self) -> &[Allow];
}

/// Replaces entries of `base` whose id appears in `user`, then appends the
/// rest of `user`. Used by every [`RuleFile::merge`].
pub fn merge_by_id<T>(base: &mut Vec<T>, user: Vec<T>, id: impl Fn(&T) -> &str) {
    // Ids are indexed once (first entry of each id wins, as a scan would
    // find it): a user file of 100,000 entries must not scan the base for
    // each of them.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, b) in base.iter().enumerate() {
        if !id(b).is_empty() {
            index.entry(id(b).to_string()).or_insert(i);
        }
    }
    for entry in user {
        let key = id(&entry).to_string();
        match index.get(&key) {
            Some(&i) if !key.is_empty() => base[i] = entry,
            _ => {
                if !key.is_empty() {
                    index.insert(key, base.len());
                }
                base.push(entry);
            }
        }
    }
}

/// The embedded default rule files, by name.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("zones.toml", include_str!("../../rules/zones.toml")),
    ("calendar.toml", include_str!("../../rules/calendar.toml")),
    ("entities.toml", include_str!("../../rules/entities.toml")),
    ("titles.toml", include_str!("../../rules/titles.toml")),
    (
        "quantities.toml",
        include_str!("../../rules/quantities.toml"),
    ),
    ("speech.toml", include_str!("../../rules/speech.toml")),
    ("words.toml", include_str!("../../rules/words.toml")),
];

/// All rules, compiled, ready for a run.
pub struct Rules {
    pub zones: zones::Compiled,
    pub calendar: calendar::Compiled,
    pub entities: entities::Compiled,
    pub titles: titles::Compiled,
    pub quantities: quantities::Compiled,
    pub speech: speech::Compiled,
    pub words: words::Compiled,
    /// Every source read, with its parsed examples, for `rules test`.
    pub sources: Vec<LoadedSource>,
}

/// A rule file as read, kept for running its examples.
pub struct LoadedSource {
    pub source: RuleSource,
    pub category: Category,
    pub examples: Vec<Example>,
    pub allows: Vec<Allow>,
}

impl Rules {
    /// The built-in rules only.
    pub fn builtin() -> Result<Rules, Vec<InputError>> {
        Rules::load(None)
    }

    /// Built-in rules, extended by the files in `user_dir` if given.
    pub fn load(user_dir: Option<&Path>) -> Result<Rules, Vec<InputError>> {
        Rules::load_dirs(user_dir.as_slice())
    }

    /// Built-in rules, extended by the files of each directory in turn (a
    /// later directory's entries override an earlier one's).
    pub fn load_dirs(user_dirs: &[&Path]) -> Result<Rules, Vec<InputError>> {
        let mut sources = Vec::new();
        for (name, text) in DEFAULT_FILES {
            sources.push(RuleSource::builtin(name, text));
        }
        let mut errors = Vec::new();
        for dir in user_dirs {
            match RuleSource::read_dir(dir) {
                Ok(user) => sources.extend(user),
                Err(e) => errors.extend(e),
            }
        }
        // Compiling is most of start-up: the kinds compile side by side
        // (speech, the largest, on its own), and their sources and errors
        // are then taken in the fixed order below.
        let s = &sources;
        let (speech, (titles, ((zones, calendar), (entities, (quantities, words))))) = rayon::join(
            || load_kind::<speech::SpeechFile>(s),
            || {
                rayon::join(
                    || load_kind::<titles::TitleFile>(s),
                    || {
                        rayon::join(
                            || {
                                (
                                    load_kind::<zones::ZoneFile>(s),
                                    load_kind::<calendar::CalendarFile>(s),
                                )
                            },
                            || {
                                (
                                    load_kind::<entities::EntityFile>(s),
                                    (
                                        load_kind::<quantities::QuantityFile>(s),
                                        load_kind::<words::WordsFile>(s),
                                    ),
                                )
                            },
                        )
                    },
                )
            },
        );
        let mut loaded = Vec::new();
        let zones = zones.take(&mut loaded, &mut errors);
        let calendar = calendar.take(&mut loaded, &mut errors);
        let entities = entities.take(&mut loaded, &mut errors);
        let titles = titles.take(&mut loaded, &mut errors);
        let quantities = quantities.take(&mut loaded, &mut errors);
        let speech = speech.take(&mut loaded, &mut errors);
        let words = words.take(&mut loaded, &mut errors);

        for s in &sources {
            if !DEFAULT_FILES.iter().any(|(n, _)| *n == s.name) {
                let known: Vec<&str> = DEFAULT_FILES.iter().map(|(n, _)| *n).collect();
                let near = crate::error::did_you_mean(&s.name, known.iter().copied())
                    .map(|n| format!("did you mean `{n}`? "))
                    .unwrap_or_default();
                errors.push(InputError::new(
                    &s.path,
                    format!(
                        "unknown rule file; {near}the rule files are: {}",
                        known.join(", ")
                    ),
                ));
            }
        }
        // A figure's noun phrase ends at any preposition, determiner or
        // conjunction ("62 people throughout Europe"): the quantity rules
        // list only the words that end it besides those.
        let quantities = quantities.map(|mut q| {
            if let Some(w) = &words {
                q.stop_words.extend(
                    w.words_of(Class::PREPOSITION)
                        .chain(w.words_of(Class::DETERMINER))
                        .chain(w.words_of(Class::CONJUNCTION))
                        .map(str::to_string),
                );
            }
            q
        });
        match (zones, calendar, entities, titles, quantities, speech, words) {
            (
                Some(zones),
                Some(calendar),
                Some(entities),
                Some(titles),
                Some(quantities),
                Some(speech),
                Some(words),
            ) if errors.is_empty() => Ok(Rules {
                zones,
                calendar,
                entities,
                titles,
                quantities,
                speech,
                words,
                sources: loaded,
            }),
            _ => Err(errors),
        }
    }
}

/// Parses every source of one kind and compiles it merged onto the ones
/// before it (so a user's shape may refer to a built-in sub-pattern); the
/// earlier ones compiled cleanly, so a problem is the new file's and its
/// error points there.
fn load_kind<K: RuleFile>(sources: &[RuleSource]) -> Kind<K::Compiled> {
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    let compiled = compile_kind::<K>(sources, &mut loaded, &mut errors);
    Kind {
        compiled,
        loaded,
        errors,
    }
}

/// One kind of rule file, loaded: what it compiled to, its sources, and
/// the problems found in them.
struct Kind<C> {
    compiled: Option<C>,
    loaded: Vec<LoadedSource>,
    errors: Vec<InputError>,
}

impl<C> Kind<C> {
    fn take(self, loaded: &mut Vec<LoadedSource>, errors: &mut Vec<InputError>) -> Option<C> {
        loaded.extend(self.loaded);
        errors.extend(self.errors);
        self.compiled
    }
}

fn compile_kind<K: RuleFile>(
    sources: &[RuleSource],
    loaded: &mut Vec<LoadedSource>,
    errors: &mut Vec<InputError>,
) -> Option<K::Compiled> {
    let mut merged: Option<K> = None;
    let mut compiled: Option<K::Compiled> = None;
    let mut ok = true;
    for source in sources.iter().filter(|s| s.name == K::FILE) {
        let parsed: K = match toml::from_str(&source.text) {
            Ok(p) => p,
            Err(e) => {
                errors.push(source.error(e.message(), e.span()));
                ok = false;
                continue;
            }
        };
        let examples = parsed.examples().to_vec();
        let allows = parsed.allows().to_vec();
        let candidate = match &merged {
            None => parsed,
            Some(m) => {
                let mut c = m.clone();
                c.merge(parsed);
                c
            }
        };
        match candidate.compile() {
            Ok(c) => compiled = Some(c),
            Err(problem) => {
                errors.push(source.error(&problem.message, problem.span));
                ok = false;
                continue;
            }
        }
        loaded.push(LoadedSource {
            source: source.clone(),
            category: K::CATEGORY,
            examples,
            allows,
        });
        merged = Some(candidate);
    }
    if !ok {
        return None;
    }
    match compiled {
        Some(c) => Some(c),
        None => K::default().compile().ok(),
    }
}
