//! A regex with Unicode word boundaries that stays on the fast engines.
//!
//! Takes a pattern as the rules spell it and compiles it twice: as written,
//! and with every `\b`/`\B` made an ASCII one. A Unicode `\b` keeps the
//! regex crate's DFAs off any haystack with a non-ASCII byte (curly quotes,
//! dashes, NBSP are everywhere in news text), so it falls back to the slow
//! PikeVM. When a haystack holds no non-ASCII *word* character, the two
//! boundaries are the same at every position, so the ASCII twin is used and
//! the result is identical; otherwise the pattern as written is. Hands on the
//! usual `regex` methods (`captures`, `captures_iter`, `find`, `find_iter`).
//!
//! Compiling is most of crosscheck's start-up (the speaker patterns' Unicode
//! letter classes make large automata), so only the twin is compiled at
//! load; the pattern as written is compiled the first time a haystack
//! needs it, which on English news is often never.

use std::sync::OnceLock;

use regex::{CaptureMatches, CaptureNames, Captures, Match, Matches, Regex};

#[derive(Clone, Debug)]
pub struct WordRegex {
    /// The pattern as written.
    pattern: String,
    /// The ASCII-boundary twin when the pattern has a boundary at all,
    /// else the pattern itself: compiled at load, so that a bad pattern is
    /// reported there.
    first: Regex,
    /// Whether `first` is a twin (the pattern has a boundary).
    twin: bool,
    /// The pattern as written, compiled on first need.
    unicode: OnceLock<Regex>,
}

impl WordRegex {
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        let twin = ascii_classes(&ascii_boundaries(pattern));
        Ok(WordRegex {
            first: build(&twin)?,
            twin: twin != pattern,
            pattern: pattern.to_string(),
            unicode: OnceLock::new(),
        })
    }

    /// The engine that gives the pattern's own answer on `hay`, fastest first.
    fn pick(&self, hay: &str) -> &Regex {
        if !self.twin || no_unicode_word_chars(hay) {
            return &self.first;
        }
        self.unicode.get_or_init(|| {
            // The pattern differs from its twin, which compiled, only in
            // the kind of its boundaries, so this cannot fail but on the
            // size limits; the twin is then the nearest answer there is.
            build(&self.pattern).unwrap_or_else(|_| self.first.clone())
        })
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.pick(hay).captures(hay)
    }

    /// Captures of the first match starting at or after `start`; the text
    /// before `start` is context for boundaries only.
    pub fn captures_at<'h>(&self, hay: &'h str, start: usize) -> Option<Captures<'h>> {
        self.pick(hay).captures_at(hay, start)
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        self.pick(hay).captures_iter(hay)
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.pick(hay).find(hay)
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> Matches<'r, 'h> {
        self.pick(hay).find_iter(hay)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.pick(hay).is_match(hay)
    }

    pub fn capture_names(&self) -> CaptureNames<'_> {
        self.first.capture_names()
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }
}

/// A large regex that only a text holding a small one (its gate) can
/// match: compiled the first time such a text comes, so a run whose texts
/// never hold the gate never pays for it. Every match of the pattern must
/// hold a match of the gate (the gate is a piece of the pattern written
/// out); the pattern's syntax is checked when made, its size when first
/// compiled (a pattern too large then matches nothing).
#[derive(Clone, Debug)]
pub struct GatedRegex {
    gate: Regex,
    pattern: String,
    compiled: OnceLock<Option<WordRegex>>,
}

impl GatedRegex {
    pub fn new(gate: &str, pattern: &str) -> Result<Self, regex::Error> {
        super::pattern::check_syntax(pattern)?;
        Ok(GatedRegex {
            gate: build(gate)?,
            pattern: pattern.to_string(),
            compiled: OnceLock::new(),
        })
    }

    /// The regex, when `hay` holds the gate (else no match is possible).
    pub fn for_text(&self, hay: &str) -> Option<&WordRegex> {
        if !self.gate.is_match(hay) {
            return None;
        }
        self.compiled
            .get_or_init(|| WordRegex::new(&self.pattern).ok())
            .as_ref()
    }
}

/// Compiles with room for the lazy DFA: the speaker patterns' Unicode
/// letter classes make many states, and with the default cache the DFA was
/// cleared and rebuilt over and over on every document (a quarter of the
/// time on real news). The cache grows only as states are built.
fn build(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(LAZY_DFA_CACHE)
        .build()
}

const LAZY_DFA_CACHE: usize = 32 << 20;

/// Letter, mark, word and digit classes as their ASCII parts. On a
/// haystack whose every non-ASCII character is a known non-word character
/// (the only kind the twin is used on) no letter, mark or digit outside
/// ASCII can occur, so the two match alike; and the twin's automata are a
/// fraction of the size, which is most of start-up.
pub(crate) fn ascii_classes(pattern: &str) -> String {
    // (escape, inside a bracket class, outside one)
    const CLASSES: [(&str, &str, &str); 7] = [
        ("\\p{Lu}", "A-Z", "[A-Z]"),
        ("\\p{Ll}", "a-z", "[a-z]"),
        ("\\p{L}", "A-Za-z", "[A-Za-z]"),
        ("\\p{M}", "", "[^\\s\\S]"),
        ("\\w", "0-9A-Za-z_", "[0-9A-Za-z_]"),
        ("\\d", "0-9", "[0-9]"),
        ("\\W", "\\W", "[^0-9A-Za-z_]"),
    ];
    let mut out = String::with_capacity(pattern.len());
    let mut depth = 0usize;
    let mut rest = pattern;
    // Whether the next character is the first of a bracket class (where
    // `]` is a literal).
    let mut class_start = false;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            if let Some((from, inside, outside)) =
                CLASSES.iter().find(|(from, _, _)| rest.starts_with(from))
            {
                out.push_str(if depth > 0 { inside } else { outside });
                rest = &rest[from.len()..];
            } else {
                // Any other escape is kept whole, escaped character and all.
                let len = rest[1..].chars().next().map_or(1, |e| 1 + e.len_utf8());
                out.push_str(&rest[..len]);
                rest = &rest[len..];
            }
            class_start = false;
            continue;
        }
        match c {
            '[' => {
                depth += 1;
                class_start = true;
                out.push(c);
                rest = &rest[1..];
                if depth > 0 && rest.starts_with('^') {
                    out.push('^');
                    rest = &rest[1..];
                }
                continue;
            }
            ']' if depth > 0 && !class_start => depth -= 1,
            _ => {}
        }
        class_start = false;
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `\b` and `\B` as ASCII boundaries; every other escape unchanged.
pub(crate) fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some('B') => out.push_str("(?-u:\\B)"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Whether every non-ASCII character of `hay` is one known not to be a
/// Unicode word character (`\w`: letters, marks, digits, connector
/// punctuation, joiners). Unknown characters count as word characters, so a
/// `true` here is always safe.
fn no_unicode_word_chars(hay: &str) -> bool {
    hay.is_ascii() || hay.chars().all(|c| c.is_ascii() || surely_not_word(c))
}

fn surely_not_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            // Dashes, quotes, daggers, bullets, ellipsis (not U+200B–U+200F).
            '\u{2010}'..='\u{2027}'
            // Per mille, primes, angle quotes, reference mark, overline (not
            // U+203F, a connector).
            | '\u{2030}'..='\u{203E}'
            // Latin-1 punctuation and symbols, skipping ª µ º and ¹ ² ³ ¼ ½ ¾.
            | '\u{A1}'..='\u{A9}'
            | '\u{AB}'..='\u{B1}'
            | '\u{B4}'
            | '\u{B6}'..='\u{B8}'
            | '\u{BB}'
            | '\u{BF}'
            | '×'
            | '÷'
            | '€'
            | '™')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gated_regex_is_compiled_only_for_a_text_holding_its_gate() {
        let gated = GatedRegex::new(
            r",\s+who\s+became",
            r"(?P<name>\p{Lu}\w+),\s+who\s+became\s+(?P<office>\w+)",
        )
        .expect("compiles");
        assert!(gated.for_text("Merz became chancellor.").is_none());
        assert!(
            gated.compiled.get().is_none(),
            "not compiled for a text without the gate"
        );
        let text = "Merz, who became chancellor in 2025";
        let re = gated
            .for_text(text)
            .expect("compiled for a text with the gate");
        let c = re.captures(text).expect("a match");
        assert_eq!(&c["office"], "chancellor");
        assert!(
            GatedRegex::new("who", "(unclosed").is_err(),
            "syntax is checked when made"
        );
    }

    #[test]
    fn the_whitelist_holds_no_word_character() {
        let word = Regex::new(r"^\w$").unwrap();
        for c in ('\u{80}'..='\u{2FFF}').filter(|c| surely_not_word(*c)) {
            assert!(!word.is_match(&c.to_string()), "{c:?} is a word character");
        }
    }

    #[test]
    fn both_engines_agree_on_text_without_unicode_letters() {
        let re = WordRegex::new(r"\b(?:said|he)\b").unwrap();
        let hay = "“He said”—he said’ said… saids";
        assert!(re.twin && no_unicode_word_chars(hay));
        let fast: Vec<_> = re.find_iter(hay).map(|m| m.range()).collect();
        let written = Regex::new(re.as_str()).unwrap();
        let slow: Vec<_> = written.find_iter(hay).map(|m| m.range()).collect();
        assert_eq!(fast, slow);
        assert_eq!(fast.len(), 4);
    }

    #[test]
    fn classes_become_ascii_inside_and_outside_brackets() {
        assert_eq!(
            ascii_classes(r"\p{Lu}[\p{L}\p{M}'’.\-]*\s+\d{1,2}[^\w,]\W\[\p{L}\]"),
            r"[A-Z][A-Za-z'’.\-]*\s+[0-9]{1,2}[^0-9A-Za-z_,][^0-9A-Za-z_]\[[A-Za-z]\]"
        );
        assert_eq!(ascii_classes(r"[]\p{Ll}]x"), r"[]a-z]x");
    }

    /// The twin gives the pattern's own matches on every haystack it is
    /// used on: news text with curly quotes and dashes but no letter
    /// outside ASCII.
    #[test]
    fn the_twin_matches_as_written_on_text_it_is_used_on() {
        let patterns = [
            r"\b(?P<name>\p{Lu}[\p{L}\p{M}'’-]+(?:\s\p{Lu}[\p{L}\p{M}'’-]+)*)\s+(?:said|told)\b",
            r"(?P<speaker>(?:\p{Ll}[\p{L}\-’']*\s+){1,4}\p{Lu}\w*)\s+\d+\W",
            r"[^,“”\n]{3,20},\s+\p{Lu}\p{Ll}+",
        ];
        let hays = [
            "“We will rebuild,” Mayor Ana Lopez said — 12 homes, 3 bridges… Officials told.",
            "the deputy minister Kim 42% of “votes” – and the spokesman Lee 7, said",
            "’Twas said, Peter Campbell told: «no», the ‘race’ spokesman, Ann Smith said",
        ];
        let mut matched = 0;
        for p in patterns {
            let re = WordRegex::new(p).unwrap();
            let written = Regex::new(p).unwrap();
            for hay in hays {
                assert!(no_unicode_word_chars(hay));
                let twin: Vec<_> = re.captures_iter(hay).map(|c| format!("{c:?}")).collect();
                let own: Vec<_> = written
                    .captures_iter(hay)
                    .map(|c| format!("{c:?}"))
                    .collect();
                assert_eq!(twin, own, "{p} on {hay}");
                matched += own.len();
            }
        }
        assert!(matched >= 5, "{matched}");
    }

    #[test]
    fn unicode_letters_keep_unicode_boundaries() {
        // ASCII `\b` would see a boundary between "said" and "é".
        let re = WordRegex::new(r"\bsaid\b").unwrap();
        assert!(!re.is_match("saidé"));
        assert!(re.is_match("José said"));
    }
}
