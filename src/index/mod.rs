//! Stage 2, index: one pass over a document's text, before any extractor.
//!
//! Takes a document's text and the word rules and hands on a
//! [`TextIndex`]: the text with the line breaks of hard-wrapped paragraphs
//! read as spaces (same length, same offsets, so every span stays true to
//! the source), its sentences, and its tokens (words, numbers and
//! punctuation, each with its lower-case form, stem, word classes and
//! synonym class), with the clause breaks the frame builder stops at.
//! Extractors run on the flattened text, so a time or a name wrapped over
//! two lines is read whole; the evidence a report shows is cut from the
//! original text at the same offsets.

mod flatten;
mod sentence;
mod token;

pub use flatten::flatten;
pub use sentence::sentences;
pub use token::{Token, TokenKind};

use std::ops::Range;

use crate::claim::Span;
use crate::rules::words::Compiled as Words;

/// Everything the index knows of one document.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    /// The text with in-paragraph line breaks as spaces.
    pub flat: String,
    /// Sentence spans, in text order.
    pub sentences: Vec<Span>,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
    /// The tokens of each sentence (parallel to `sentences`).
    pub sentence_tokens: Vec<Range<usize>>,
}

impl TextIndex {
    pub fn build(text: &str, words: &Words) -> TextIndex {
        let flat = flatten(text);
        let sentences = sentences(&flat, words);
        let tokens = token::tokenize(&flat, words);
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        let mut t = 0;
        for s in &sentences {
            while t < tokens.len() && tokens[t].span.start < s.start {
                t += 1;
            }
            let from = t;
            while t < tokens.len() && tokens[t].span.end <= s.end {
                t += 1;
            }
            sentence_tokens.push(from..t);
        }
        let mut index = TextIndex {
            flat,
            sentences,
            tokens,
            sentence_tokens,
        };
        token::mark_clause_breaks(&mut index.tokens, &index.sentence_tokens, words);
        index
    }

    /// Index of the sentence holding `offset` (the last one starting at or
    /// before it).
    pub fn sentence_index(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1)
    }

    /// The sentence holding `offset`, or the whole text if there is none.
    pub fn sentence(&self, offset: usize) -> Span {
        self.sentences
            .get(self.sentence_index(offset))
            .copied()
            .unwrap_or(Span::new(0, self.flat.len()))
    }

    /// The tokens of the sentence holding `offset`.
    pub fn sentence_token_range(&self, offset: usize) -> Range<usize> {
        self.sentence_tokens
            .get(self.sentence_index(offset))
            .cloned()
            .unwrap_or(0..0)
    }

    /// The index of the first token ending after `offset` (the token at or
    /// after it).
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    /// The tokens inside `span`.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.end <= span.end);
        from..to.max(from)
    }

    /// The clause holding the tokens `inner`: from the clause break before
    /// them to the one after, inside their sentence.
    pub fn clause(&self, inner: Range<usize>) -> Range<usize> {
        let Some(first) = self.tokens.get(inner.start) else {
            return inner;
        };
        let sentence = self.sentence_token_range(first.span.start);
        // No clause runs longer than this each way: a "sentence" of
        // thousands of listed figures is read in windows, so each costs the
        // same.
        const LONGEST: usize = 80;
        let floor = sentence.start.max(inner.start.saturating_sub(LONGEST));
        let mut start = inner.start;
        while start > floor && !self.tokens[start].breaks_before {
            start -= 1;
        }
        let mut end = inner
            .end
            .max(inner.start + 1)
            .min(sentence.end.max(inner.start + 1));
        let ceiling = sentence.end.min(end.saturating_add(LONGEST));
        while end < ceiling && !self.tokens[end].breaks_before {
            end += 1;
        }
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Words {
        crate::rules::Rules::builtin().expect("rules").words
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_one_text_and_offsets_stay() {
        let text = "The ferry capsized at 3:40\na.m. local time, officials\nsaid on Sunday.\n\nNext paragraph.";
        let index = TextIndex::build(text, &words());
        assert_eq!(index.flat.len(), text.len());
        let s: Vec<&str> = index
            .sentences
            .iter()
            .map(|s| &index.flat[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            [
                "The ferry capsized at 3:40 a.m. local time, officials said on Sunday.",
                "Next paragraph."
            ]
        );
    }

    #[test]
    fn clauses_stop_at_breaks() {
        let text = "A fire killed at least 60 people and injured about 180, police said.";
        let index = TextIndex::build(text, &words());
        let at = index.token_at(text.find("180").unwrap());
        let clause = index.clause(at..at + 1);
        let from = index.tokens[clause.start].span.start;
        let to = index.tokens[clause.end - 1].span.end;
        assert_eq!(&text[from..to], "injured about 180");
        let at = index.token_at(text.find("60").unwrap());
        let clause = index.clause(at..at + 1);
        let from = index.tokens[clause.start].span.start;
        let to = index.tokens[clause.end - 1].span.end;
        assert_eq!(&text[from..to], "A fire killed at least 60 people");
    }
}
