//! `rules/speech.toml`: speech verbs, attribution patterns and the word lists
//! quote matching needs (function words, negations, number words, titles).
//!
//! Attribution patterns are regexes with placeholders that compile here:
//! `{speaker}` (a pronoun, a capitalised name with optional titles such as
//! "Kremlin spokesman Dmitry Peskov", or a source noun such as "the
//! statement"; captured as `speaker`) and `{verb}` (every form of every
//! speech verb; captured as `verb`). `position` says where the pattern looks:
//! `after` a closing quote (anchored at its start), `before` an opening quote
//! (anchored at the end of the text before it), or `indirect` (reported
//! speech without quote marks, searched anywhere).

use crate::hash::HashSet;

use rayon::prelude::*;

use super::speaker_regex::{SPEAKER_RUN, SpeakerRegex};
use super::word_regex::WordRegex as Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeechFile {
    #[serde(default)]
    pub settings: Option<Settings>,
    #[serde(default, rename = "verb")]
    pub verbs: Vec<Verb>,
    #[serde(default, rename = "pattern")]
    pub patterns: Vec<Pattern>,
    #[serde(default)]
    pub example: Vec<Example>,
    #[serde(default)]
    pub allow: Vec<Allow>,
}

/// Thresholds and word lists. A user's `[settings]` replaces the default
/// table as a whole.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Quotes with fewer words are terms or scare quotes ("land", "red
    /// lines", "long and stable peace"), not statements to compare.
    pub min_words: usize,
    /// Longest quote, in bytes, before an unclosed mark is given up on.
    pub max_quote_bytes: usize,
    /// Words that may stand before a name in an attribution ("spokesman",
    /// "Secretary"); they are dropped from the speaker's name.
    pub title_words: Vec<String>,
    /// Words that carry no content: matching leans on the others.
    pub function_words: Vec<String>,
    /// A change of one of these inside a quote is a `warning`.
    pub negations: Vec<String>,
    pub number_words: Vec<String>,
    /// Pronouns resolved to the nearest person before them.
    pub pronouns: Vec<String>,
    /// Words that tell a person's sex when they stand right before the
    /// name or in an appositive after it ("Mrs", "spokeswoman", "queen"),
    /// and the pronouns that refer to one ("she", "her"). Optional: without
    /// them pronouns fall back to the nearest person.
    #[serde(default)]
    pub feminine_words: Vec<String>,
    #[serde(default)]
    pub masculine_words: Vec<String>,
    /// Given names that are (almost) always borne by one sex, folded: lower
    /// case, no diacritics.
    #[serde(default)]
    pub feminine_names: Vec<String>,
    #[serde(default)]
    pub masculine_names: Vec<String>,
}

/// The sex a word or name tells, for matching pronouns to people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gender {
    Feminine,
    Masculine,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verb {
    pub id: String,
    pub forms: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub id: String,
    pub position: Position,
    pub regex: Spanned<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    After,
    Before,
    Indirect,
}

/// One compiled attribution pattern.
#[derive(Clone, Debug)]
pub struct CompiledPattern {
    pub id: String,
    pub position: Position,
    pub regex: SpeakerRegex,
    /// For an `indirect` pattern, its `verb` group alone: every match of
    /// the pattern holds a match of this, so the pattern need only be tried
    /// around them (see `extract::quote`). None when the pattern has no
    /// such group or sets flags that the group alone would lose.
    pub trigger: Option<Regex>,
}

/// The compiled form used by extraction, normalisation and comparison.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub settings: Settings,
    pub patterns: Vec<CompiledPattern>,
    /// Any speech verb form as a whole word (for attributions patterns do
    /// not cover, such as "Trump highlighting the urgency by stating").
    pub verb: Regex,
    sets: WordSets,
}

/// The settings' word lists as sets, for lookups on every word of a text
/// (only ever queried, never iterated, so their order cannot leak).
#[derive(Clone, Debug, Default)]
struct WordSets {
    titles: HashSet<String>,
    function: HashSet<String>,
    negations: HashSet<String>,
    numbers: HashSet<String>,
    pronouns: HashSet<String>,
    feminine: HashSet<String>,
    masculine: HashSet<String>,
    feminine_names: HashSet<String>,
    masculine_names: HashSet<String>,
}

impl Default for Compiled {
    fn default() -> Self {
        SpeechFile::default()
            .compile()
            .expect("an empty speech file compiles")
    }
}

impl Compiled {
    /// Whether the whole of a lower-case word is a verb of speech ("said",
    /// not "sayings").
    pub fn is_verb(&self, lower: &str) -> bool {
        self.verb
            .find(lower)
            .is_some_and(|m| m.start() == 0 && m.end() == lower.len())
    }

    /// A title word ("spokesman", "Gov.", "Secretary"), in any case.
    pub fn is_title(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.sets.titles.contains(&w) || self.sets.titles.contains(w.trim_end_matches([',', '.']))
    }
    /// `word` is folded (lower case): see `normalise::quote::words`.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.sets.function.contains(word)
    }
    pub fn is_negation(&self, word: &str) -> bool {
        self.sets.negations.contains(word)
    }
    pub fn is_number(&self, word: &str) -> bool {
        word.chars().any(|c| c.is_ascii_digit()) || self.sets.numbers.contains(word)
    }
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.sets.pronouns.contains(&word.to_lowercase())
    }
    /// The sex a word tells ("she", "Mrs.", "spokesman"), in any case.
    pub fn gender_of_word(&self, word: &str) -> Option<Gender> {
        let w = word.to_lowercase();
        let w = w.trim_end_matches([',', '.']);
        if self.sets.feminine.contains(w) {
            Some(Gender::Feminine)
        } else if self.sets.masculine.contains(w) {
            Some(Gender::Masculine)
        } else {
            None
        }
    }
    /// The sex a given name tells; `folded` is lower case, no diacritics.
    pub fn gender_of_name(&self, folded: &str) -> Option<Gender> {
        if self.sets.feminine_names.contains(folded) {
            Some(Gender::Feminine)
        } else if self.sets.masculine_names.contains(folded) {
            Some(Gender::Masculine)
        } else {
            None
        }
    }
}

/// The source of the capture group `name` in `pattern`, or None when it has
/// none, when flags set before it would not carry over to the group alone
/// (`(?i)…(?P<name>…)`), or when its end cannot be found.
fn group_source<'p>(pattern: &'p str, name: &str) -> Option<&'p str> {
    let (at, len) = [format!("(?P<{name}>"), format!("(?<{name}>")]
        .iter()
        .filter_map(|open| pattern.find(open.as_str()).map(|i| (i, open.len())))
        .min()?;
    // Each group open at the group's start, and whether flags are set in
    // it: by its own opening (`(?i:`) or by a bare `(?i)` inside it.
    let mut open = vec![false];
    let mut flagged_bare = false;
    for (i, c) in groups(&pattern[..at]) {
        let rest = &pattern[i + 1..at];
        if c == '(' {
            let flags = rest.starts_with('?')
                && rest[1..]
                    .starts_with(|c: char| (c.is_ascii_alphabetic() && c != 'P') || c == '-');
            flagged_bare = flags
                && rest
                    .find([':', ')'])
                    .is_some_and(|j| rest[j..].starts_with(')'));
            open.push(flags && !flagged_bare);
        } else if open.len() > 1 {
            open.pop();
            if flagged_bare {
                *open.last_mut().expect("the pattern's own level") = true;
                flagged_bare = false;
            }
        }
    }
    if open.iter().any(|&f| f) {
        return None;
    }
    let body = &pattern[at + len..];
    let mut depth = 0usize;
    for (i, c) in groups(body) {
        if c == '(' {
            depth += 1;
        } else if depth == 0 {
            return Some(&body[..i]);
        } else {
            depth -= 1;
        }
    }
    None
}

/// The group parentheses of a pattern, with their byte offsets: those not
/// escaped and not in a bracket class.
fn groups(pattern: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut chars = pattern.char_indices().peekable();
    let mut class = 0usize;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => {
                class += 1;
                // A `]` first in a class (after any `^`) is a literal.
                chars.next_if(|&(_, c)| c == '^');
                chars.next_if(|&(_, c)| c == ']');
            }
            ']' if class > 0 => class -= 1,
            '(' | ')' if class == 0 => out.push((i, c)),
            _ => {}
        }
    }
    out
}

fn escape_all(words: impl Iterator<Item = String>) -> String {
    let mut words: Vec<String> = words.filter(|w| !w.is_empty()).collect();
    // Longest first, so "stated" is not cut to "state" by the alternation.
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

impl SpeechFile {
    fn verb_alternation(&self) -> String {
        escape_all(self.verbs.iter().flat_map(|v| v.forms.iter().cloned()))
    }

    /// The `{speaker}` sub-pattern (see the module doc): its run of words
    /// bounded as the rules mean it, or unbounded for the cheap first
    /// compile (see `speaker_regex`).
    fn speaker_pattern(&self, settings: &Settings, bounded: bool) -> String {
        let pronouns = escape_all(settings.pronouns.iter().flat_map(|p| {
            let mut cap = p.clone();
            if let Some(first) = cap.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            [p.clone(), cap]
        }));
        let titles = escape_all(settings.title_words.iter().cloned());
        let cap = r"\p{Lu}[\p{L}\p{M}'’.\-]*";
        let source = r"[Tt]he\s+(?:\p{Ll}+\s+){0,2}?(?:statement|report|ministry|office|spokesman|spokeswoman|spokesperson|official|source|readout|communiqu[ée])s?";
        let pron = if pronouns.is_empty() {
            String::new()
        } else {
            format!(r"(?:{pronouns})\b|")
        };
        // The title words are lower case (see `compile`) and match only as
        // written: a capitalised one ("President", "NATO") is a `{cap}`
        // word already, so the run matches what a case-insensitive group
        // would, but for lower-case words with capitals inside. The
        // case-insensitive group, repeated eight times in the run, was
        // three quarters of compiling each speaker pattern.
        let title = if titles.is_empty() {
            String::new()
        } else {
            format!("|(?:{titles})")
        };
        let run = if bounded {
            format!("{{0,{SPEAKER_RUN}}}")
        } else {
            "*".to_string()
        };
        format!(r"(?P<speaker>{pron}{source}|(?:(?:{cap}{title})\s+){run}{cap})")
    }
}

impl RuleFile for SpeechFile {
    const FILE: &'static str = "speech.toml";
    const CATEGORY: Category = Category::Quote;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        if user.settings.is_some() {
            self.settings = user.settings;
        }
        merge_by_id(&mut self.verbs, user.verbs, |e| &e.id);
        merge_by_id(&mut self.patterns, user.patterns, |e| &e.id);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let mut settings = self.settings.clone().unwrap_or_default();
        for list in [
            &mut settings.function_words,
            &mut settings.negations,
            &mut settings.number_words,
            &mut settings.pronouns,
            &mut settings.title_words,
            &mut settings.feminine_words,
            &mut settings.masculine_words,
            &mut settings.feminine_names,
            &mut settings.masculine_names,
        ] {
            for w in list.iter_mut() {
                *w = w.to_lowercase();
            }
        }
        let verbs = self.verb_alternation();
        let verbs = if verbs.is_empty() {
            r"[^\s\S]".to_string()
        } else {
            verbs
        };
        let verb_group = format!(r"(?P<verb>\b(?:{verbs})\b)");
        let speaker = self.speaker_pattern(&settings, true);
        let unbounded = self.speaker_pattern(&settings, false);
        // The patterns are the largest automata crosscheck builds: they
        // compile side by side, and are then checked in the file's order so
        // that the first problem is the one reported.
        let built: Vec<_> = self
            .patterns
            .par_iter()
            .map(|p| {
                let src = p.regex.get_ref().replace("{verb}", &verb_group);
                SpeakerRegex::new(
                    &src.replace("{speaker}", &unbounded),
                    &src.replace("{speaker}", &speaker),
                )
            })
            .collect();
        let mut patterns = Vec::new();
        for (p, regex) in self.patterns.iter().zip(built) {
            let regex = regex.map_err(|e| {
                RuleProblem::new(
                    format!("pattern `{}` does not compile: {e}", p.id),
                    Some(p.regex.span()),
                )
            })?;
            if regex.capture_names().flatten().all(|n| n != "speaker") {
                return Err(RuleProblem::new(
                    format!("pattern `{}` has no {{speaker}}", p.id),
                    Some(p.regex.span()),
                ));
            }
            let trigger = match p.position {
                Position::Indirect => group_source(regex.as_str(), "verb")
                    .and_then(|verb| Regex::new(&format!("(?:{verb})")).ok()),
                _ => None,
            };
            patterns.push(CompiledPattern {
                id: p.id.clone(),
                position: p.position,
                regex,
                trigger,
            });
        }
        let verb = Regex::new(&verb_group)
            .map_err(|e| RuleProblem::new(format!("speech verbs do not compile: {e}"), None))?;
        let set = |l: &[String]| l.iter().cloned().collect::<HashSet<String>>();
        let sets = WordSets {
            titles: set(&settings.title_words),
            function: set(&settings.function_words),
            negations: set(&settings.negations),
            numbers: set(&settings.number_words),
            pronouns: set(&settings.pronouns),
            feminine: set(&settings.feminine_words),
            masculine: set(&settings.masculine_words),
            feminine_names: set(&settings.feminine_names),
            masculine_names: set(&settings.masculine_names),
        };
        Ok(Compiled {
            settings,
            patterns,
            verb,
            sets,
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
    use super::group_source;

    #[test]
    fn a_group_is_found_with_its_nested_groups_classes_and_escapes() {
        let p =
            r"(?P<speaker>\p{Lu}\w+)\s+(?P<verb>said|told\s+\S+|[)(]\)x|(?:a|b))\s+(?P<rest>\w+)";
        assert_eq!(
            group_source(p, "verb"),
            Some(r"said|told\s+\S+|[)(]\)x|(?:a|b)")
        );
        assert_eq!(group_source(p, "speaker"), Some(r"\p{Lu}\w+"));
        assert_eq!(group_source(r"[]x)](?<verb>said)", "verb"), Some("said"));
        assert_eq!(group_source(p, "missing"), None);
    }

    #[test]
    fn flags_set_before_the_group_keep_it_whole() {
        assert_eq!(group_source(r"(?i)x(?P<verb>said)", "verb"), None);
        assert_eq!(group_source(r"(?i:x(?P<verb>said))", "verb"), None);
        assert_eq!(
            group_source(r"(?:x)(?P<a>y)(?P<verb>said)", "verb"),
            Some("said")
        );
        assert_eq!(group_source(r"(?P<verb>said", "verb"), None);
        assert_eq!(
            group_source(r"(?:(?i)x)(?P<verb>said)", "verb"),
            Some("said")
        );
        assert_eq!(group_source(r"(?:(?i)x(?P<verb>said))", "verb"), None);
        // A flag group closed before the group is no matter.
        assert_eq!(
            group_source(r"(?P<s>(?i:mr|mrs)\s+\w+)\s+(?P<verb>said)", "verb"),
            Some("said")
        );
    }
}
