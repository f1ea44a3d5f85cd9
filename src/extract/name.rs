//! Extraction of name mentions.
//!
//! Two passes over the text, neither of which decides anything yet:
//! 1. the aliases of `rules/entities.toml`, found in one scan by the
//!    case-sensitive Aho–Corasick automaton (leftmost-longest, whole words
//!    only, so "Kiev" never matches inside "Kievan");
//! 2. runs of capitalised words ("Olena Kovalenko", "Andrzej Dudа",
//!    "Macro"), the candidates `normalise::name` may fuzzy-match against
//!    the known people or compare across documents.
//!
//! Both keep byte spans; candidates keep the span of every word in them.

use crate::claim::Span;
use crate::rules::Rules;

/// A name as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct NameMention {
    pub span: Span,
    pub kind: NameKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NameKind {
    /// An exact alias of the entity with this index in
    /// `rules.entities.entities`.
    Alias(usize),
    /// A run of capitalised words; the span of each word.
    Candidate(Vec<Span>),
}

pub fn extract(text: &str, rules: &Rules) -> Vec<NameMention> {
    let mut out = aliases(text, rules);
    out.extend(candidates(text).into_iter().map(|words| NameMention {
        span: Span::new(words[0].start, words[words.len() - 1].end),
        kind: NameKind::Candidate(words),
    }));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Whether `c` can be part of a word (letters, digits, and the hyphen and
/// apostrophes inside names like "Jean-Pierre" and "O’Brien").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn boundary_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

fn boundary_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !is_word_char(c))
}

/// Whole-word alias matches, in text order.
fn aliases(text: &str, rules: &Rules) -> Vec<NameMention> {
    let compiled = &rules.entities;
    let Some(ac) = &compiled.automaton else {
        return Vec::new();
    };
    ac.find_iter(text)
        .filter(|m| boundary_before(text, m.start()) && boundary_after(text, m.end()))
        .map(|m| NameMention {
            span: Span::new(m.start(), m.end()),
            kind: NameKind::Alias(compiled.alias_entity[m.pattern().as_usize()]),
        })
        .collect()
}

/// Lower-case words allowed inside a name: "Ursula von der Leyen",
/// "Mohammed bin Salman", "Lula da Silva".
pub const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "do", "dos", "di", "du", "la", "le", "bin", "ibn",
    "al", "el",
];

/// Words of the text with their spans: letters and digits, with inner
/// hyphens and apostrophes ("Jean-Pierre", "O’Brien") kept in the word.
pub fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_joiner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        if is_word_char(c) || inner_joiner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Span::new(s, i));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Runs of capitalised words separated by single spaces (or one initial
/// with its full stop: "Donald J. Trump"), with name particles inside.
/// A run never crosses a comma, a line break or other punctuation.
fn candidates(text: &str) -> Vec<Vec<Span>> {
    let ws = words(text);
    let mut out: Vec<Vec<Span>> = Vec::new();
    let mut run: Vec<Span> = Vec::new();
    for w in ws {
        let word = &text[w.start..w.end];
        let joined = run.last().is_some_and(|prev| {
            let gap = &text[prev.end..w.start];
            gap == " " || gap == "\u{a0}" || (gap == ". " && prev.end - prev.start == 1)
        });
        let fits = capitalised(word) || (joined && PARTICLES.contains(&word));
        if fits && (joined || run.is_empty()) {
            run.push(w);
        } else {
            flush(text, &mut run, &mut out);
            if capitalised(word) {
                run.push(w);
            }
        }
    }
    flush(text, &mut run, &mut out);
    out
}

/// Ends a run: trailing particles are dropped ("Trump and" is not a name).
fn flush(text: &str, run: &mut Vec<Span>, out: &mut Vec<Vec<Span>>) {
    while run
        .last()
        .is_some_and(|w| !capitalised(&text[w.start..w.end]))
    {
        run.pop();
    }
    if !run.is_empty() {
        out.push(std::mem::take(run));
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<String> {
        candidates(text)
            .iter()
            .map(|r| text[r[0].start..r[r.len() - 1].end].to_string())
            .collect()
    }

    #[test]
    fn capitalised_runs_stop_at_punctuation_and_keep_particles() {
        assert_eq!(
            runs("leaders – Macro, Starmer and Merz – of Ursula von der Leyen."),
            ["Macro", "Starmer", "Merz", "Ursula von der Leyen"]
        );
        assert_eq!(runs("Donald J. Trump spoke"), ["Donald J. Trump"]);
        assert_eq!(runs("met Andrzej Dud\u{430} today"), ["Andrzej Dud\u{430}"]);
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let t = "Jean-Pierre O’Brien - x";
        let w: Vec<&str> = words(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(w, ["Jean-Pierre", "O’Brien", "x"]);
    }
}
