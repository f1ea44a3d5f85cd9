//! Quote values: the quoted words, classified for matching and diffing,
//! and who said them.

use serde::{Deserialize, Serialize};
use std::fmt;

use unicode_normalization::UnicodeNormalization;

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Canonical entity id, or the surname in lower case for people the
    /// entities do not know.
    pub key: String,
    /// How the speaker is shown: "Dmitry Peskov".
    pub name: String,
    /// Last name, lower case: matches "Peskov" with "Dmitry Peskov" when one
    /// side is an entity and the other is not.
    pub surname: String,
    /// Named in an attribution pattern next to the quote, rather than found
    /// through a pronoun, a verb further back or the quote before.
    pub named: bool,
}

impl Speaker {
    /// One person: the same entity, or the same surname up to a slip of
    /// spelling ("Takeichi" for "Takaichi", "Landrey" for "Landry"). A
    /// misspelt speaker is the name check's finding, not a misattribution.
    pub fn same(&self, other: &Speaker) -> bool {
        let (a, b) = (&self.surname, &other.surname);
        self.key == other.key
            || (!a.is_empty() && a == b)
            || self.family_name_first(other)
            || other.family_name_first(self)
            || (a.chars().count() >= 5
                && b.chars().count() >= 5
                && strsim::normalized_levenshtein(a, b) >= 0.8)
    }
}

impl Speaker {
    /// "Mr Lim" and "Lim Wei Jie": a one-word name that is the first word
    /// of the other's full name (family name first), not its given name
    /// (never a given name alone: "Jordan" is not "Jordan Ellis").
    fn family_name_first(&self, other: &Speaker) -> bool {
        let words: Vec<&str> = other.name.split_whitespace().collect();
        !self.name.contains(' ') && words.len() >= 2 && surname(words[0]) == self.surname
    }
}

/// A normalised quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteValue {
    /// The quoted words as written, white space collapsed; the parts of a
    /// split quote are joined with " … ".
    pub text: String,
    pub speaker: Option<Speaker>,
    /// The reporting verb ("said", "noted"), when there is one.
    pub verb: Option<String>,
    /// The words of `text`, classified, for matching and diffing.
    pub words: Vec<Word>,
}

impl fmt::Display for QuoteValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.speaker {
            Some(s) => write!(f, "{}: “{}”", s.name, self.text),
            None => write!(f, "unattributed: “{}”", self.text),
        }
    }
}

impl QuoteValue {
    /// The same words from the same speaker.
    pub fn compatible(&self, other: &Self) -> bool {
        let speakers = match (&self.speaker, &other.speaker) {
            (Some(a), Some(b)) => a.same(b),
            (None, None) => true,
            _ => false,
        };
        let norm =
            |v: &QuoteValue| -> Vec<String> { v.words.iter().map(|w| w.norm.clone()).collect() };
        speakers && norm(self) == norm(other)
    }
}

/// One word of a quote: as written, folded for comparison, and what kind
/// of word it is (which decides how serious a change to it is).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Word {
    pub raw: String,
    /// Lower case, no diacritics, no apostrophes: "Don’t" → "dont".
    pub norm: String,
    pub class: WordClass,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WordClass {
    /// "the", "of", "already": a change is `info`.
    Function,
    Content,
    /// Digits or number words: a change is a `warning`.
    Number,
    /// "not", "never", "don't": a change is a `warning`.
    Negation,
    /// Capitalised inside a sentence: a change is a `warning`.
    Name,
}

impl Word {
    /// Carries meaning of its own (everything but function words).
    pub fn is_content(&self) -> bool {
        self.class != WordClass::Function
    }
}

/// Last word of a name, lower case, without diacritics.
pub fn surname(name: &str) -> String {
    name.split_whitespace()
        .next_back()
        .unwrap_or("")
        .nfkd()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .flat_map(char::to_lowercase)
        .collect()
}
