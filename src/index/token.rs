//! Tokens: words, numbers and punctuation with what the frame builder
//! needs to read a clause (lower case, stem, word classes, synonym class),
//! and the clause breaks a frame stops at.

use std::ops::Range;

use crate::claim::Span;
use crate::rules::words::{Class, Compiled as Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner hyphens and apostrophes ("Jean-Pierre", "O’Brien").
    Word,
    /// Starts with a digit: "2,500", "1.96", "3:40", "30-day".
    Number,
    /// One character of punctuation.
    Punct,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Lower case.
    pub lower: String,
    /// The base form frames compare (irregular lemma or Snowball stem).
    pub stem: String,
    pub class: Class,
    /// The one-word synonym class of `rules/words.toml`, if any.
    pub synonym: Option<usize>,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// A clause starts here (see [`mark_clause_breaks`]).
    pub breaks_before: bool,
    /// The first token of its sentence.
    pub sentence_start: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.lower.starts_with(c)
    }

    /// Reads as a verb form: a regular past or present participle, an
    /// irregular form the rules know, an auxiliary or a light verb.
    pub fn verbish(&self, words: &Words) -> bool {
        // A capitalised word inside a sentence is a name ("the Boeing 777").
        let name = self.capitalised && !self.breaks_before && !self.sentence_start;
        if self.kind != TokenKind::Word || self.class.has(Class::NOT_VERB) || name {
            return false;
        }
        let w = self.lower.as_str();
        let n = w.chars().count();
        (w.ends_with("ed") && n >= 4)
            || (w.ends_with("ing") && n >= 5)
            || words.is_irregular(w)
            || self.class.has(Class::AUXILIARY)
            || self.class.has(Class::LIGHT_VERB)
    }

    /// A regular verb form: "-ed" or "-ing".
    pub fn verbish_regular(&self) -> bool {
        let w = self.lower.as_str();
        let n = w.chars().count();
        self.kind == TokenKind::Word
            && ((w.ends_with("ed") && n >= 4) || (w.ends_with("ing") && n >= 5))
    }

    /// Carries meaning of its own: a word not in a closed function class.
    pub fn is_content(&self) -> bool {
        self.kind == TokenKind::Word && !self.class.has(Class::FUNCTION) && self.lower.len() > 1
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Every token of `text`, in order.
pub fn tokenize(text: &str, words: &Words) -> Vec<Token> {
    // A word's stem and classes depend on its lower-case form and the
    // rules alone, and news repeats its words: each form is looked up once
    // per thread and set of rules, not once per document (stemming was a
    // twentieth of all time on real news, and still 4% when looked up per
    // document).
    LEXICON.with_borrow_mut(|(id, known)| {
        if *id != Some(words.id()) || known.len() > LEXICON_LIMIT {
            known.clear();
            *id = Some(words.id());
        }
        tokens(text, words, known)
    })
}

thread_local! {
    /// The readings of word forms this thread has seen, and the id of the
    /// word rules they were read with.
    static LEXICON: std::cell::RefCell<(Option<u64>, Lexicon)> = Default::default();
}

/// Word forms a thread keeps readings for before it starts afresh: bounds
/// the memory of a long run over an archive (a few tens of MB at most).
const LEXICON_LIMIT: usize = 200_000;

fn tokens(text: &str, words: &Words, known: &mut Lexicon) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(token(
                text,
                words,
                known,
                i,
                i + c.len_utf8(),
                TokenKind::Punct,
            ));
            continue;
        }
        let number = c.is_ascii_digit();
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let joiner = matches!(d, '-' | '\'' | '’') || (number && matches!(d, ',' | '.' | ':'));
            let next_is_word = text[j + d.len_utf8()..].chars().next().is_some_and(|n| {
                if number && d != '-' {
                    n.is_ascii_digit()
                } else {
                    is_word_char(n)
                }
            });
            if is_word_char(d) || (joiner && next_is_word) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let kind = if number {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(token(text, words, known, i, end, kind));
    }
    out
}

/// The readings of word forms: stem, classes, synonym class.
type Lexicon = crate::hash::HashMap<String, (String, Class, Option<usize>)>;

fn token(
    text: &str,
    words: &Words,
    known: &mut Lexicon,
    start: usize,
    end: usize,
    kind: TokenKind,
) -> Token {
    let raw = &text[start..end];
    // Most words are ASCII: one copy, lower-cased in place, and no curly
    // apostrophe to straighten.
    let lower = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        raw.to_lowercase().replace('’', "'")
    };
    let (stem, class, synonym) = if kind == TokenKind::Word {
        // Looked up before inserting: a hit costs no copy of the form.
        match known.get(&lower) {
            Some(reading) => reading.clone(),
            None => {
                let stem = words.stem(&lower);
                let synonym = words.synonym(&lower, &stem);
                let reading = (stem, words.class(&lower), synonym);
                known.insert(lower.clone(), reading.clone());
                reading
            }
        }
    } else {
        (lower.clone(), Class::NONE, None)
    };
    Token {
        span: Span::new(start, end),
        kind,
        lower,
        stem,
        class,
        synonym,
        capitalised: raw.chars().next().is_some_and(char::is_uppercase),
        breaks_before: false,
        sentence_start: false,
    }
}

/// Quote marks around a few words ("a \"life-threatening\" surge"):
/// scare quotes, part of the clause around them, not a quotation.
fn scare_quotes(tokens: &[Token], range: Range<usize>, words: &Words) -> Vec<usize> {
    let is_quote = |t: &Token| {
        t.kind == TokenKind::Punct
            && matches!(t.lower.chars().next(), Some('"' | '“' | '”' | '«' | '»'))
    };
    let marks: Vec<usize> = range.clone().filter(|&i| is_quote(&tokens[i])).collect();
    let mut out = Vec::new();
    for pair in marks.chunks(2) {
        if let [open, close] = pair {
            let inside = &tokens[open + 1..*close];
            let count = inside.iter().filter(|t| t.is_word()).count();
            // A title in quotes ("Ten Thousand Peaks After Snow", "The Old
            // Man and the Sea"): capitalised words and the small words of
            // title case, no stop inside; a name, not a quotation.
            let small = |t: &Token| {
                let c = words.class(&t.lower);
                c.has(Class::DETERMINER) || c.has(Class::PREPOSITION) || c.has(Class::CONJUNCTION)
            };
            let title = count <= 8
                && inside.first().is_some_and(|t| t.capitalised)
                && inside.iter().all(|t| {
                    (t.is_word() && (t.capitalised || small(t)))
                        || (t.kind == TokenKind::Punct
                            && !matches!(t.lower.as_str(), "." | "!" | "?"))
                        || t.kind == TokenKind::Number
                });
            if count <= 4 || title {
                out.extend([*open, *close]);
            }
        }
    }
    out
}

/// Punctuation a clause never crosses. Brackets are not among it: a
/// bracketed aside ("15:00 (local time) today", "4:30 p.m. (0530 GMT)")
/// belongs to the clause around it.
fn hard_break(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            t.lower.chars().next(),
            Some(';' | ':' | '—' | '–' | '"' | '“' | '”' | '«' | '»')
        )
}

/// Marks where clauses start, inside each sentence: at hard punctuation
/// (and right after it); at a comma that opens a new clause (", which", ",
/// killing …", ", police said"); at a conjunction that joins clauses
/// rather than nouns ("killed 60 and injured 180", "died and 15 others were
/// missing"); and at a relative pronoun ("the fire which …").
pub fn mark_clause_breaks(tokens: &mut [Token], sentences: &[Range<usize>], words: &Words) {
    for range in sentences {
        if let Some(t) = tokens.get_mut(range.start)
            && range.start < range.end
        {
            t.sentence_start = true;
        }
        let scare = scare_quotes(tokens, range.clone(), words);
        // Whether a verb has been seen in the sentence: before the first,
        // a comma and an "-ed" word are the subject's appositive ending and
        // the main verb ("The collapse at the colliery, in the coalfield,
        // happened at 4:50am"), not a reduced relative.
        let mut seen_verb = false;
        for i in range.clone() {
            let next = tokens.get(i + 1).filter(|_| i + 1 < range.end);
            let opens_clause = next.is_some_and(|n| {
                n.class.has(Class::CONJUNCTION)
                    || n.class.has(Class::CLAUSE_OPENER)
                    || n.class.has(Class::REPORTING)
                    || n.class.has(Class::SPEAKER_PRONOUN)
                    || (n.kind == TokenKind::Word && n.lower.ends_with("ing") && n.lower.len() >= 5)
                    // ", valued at $84 million": a reduced relative.
                    || (seen_verb
                        && n.kind == TokenKind::Word
                        && n.lower.ends_with("ed")
                        && n.lower.len() >= 5)
            });
            // ", police said": an attribution within a few words.
            let attribution = tokens[i + 1..range.end]
                .iter()
                .take(5)
                .take_while(|n| n.kind != TokenKind::Punct)
                .any(|n| n.class.has(Class::REPORTING));
            let t = &tokens[i];
            seen_verb |= t.verbish(words) && !t.capitalised;
            let brk = if hard_break(t) {
                !scare.contains(&i)
            } else if t.is_punct(',') {
                opens_clause || attribution
            } else if t.kind == TokenKind::Word
                && matches!(t.lower.as_str(), "and" | "but" | "or" | "while" | "whereas")
            {
                // Not a range of figures ("between 1300 and 1500").
                let after_figure = i > range.start && tokens[i - 1].kind == TokenKind::Number;
                next.is_some_and(|n| {
                    (n.kind == TokenKind::Number && !after_figure)
                        || n.class.has(Class::DETERMINER)
                        || n.class.has(Class::PRONOUN)
                        || n.verbish(words)
                })
            } else {
                t.kind == TokenKind::Word
                    && matches!(
                        t.lower.as_str(),
                        "which"
                            | "who"
                            | "whom"
                            | "whose"
                            | "because"
                            | "although"
                            | "though"
                            | "unless"
                    )
            };
            if brk {
                let punct = hard_break(t) || t.is_punct(',') || t.class.has(Class::CONJUNCTION);
                tokens[i].breaks_before = true;
                if punct && i + 1 < range.end {
                    tokens[i + 1].breaks_before = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleFile;
    use crate::rules::words::WordsFile;

    fn words(extra: &str) -> Words {
        let mut file: WordsFile =
            toml::from_str(include_str!("../../rules/words.toml")).expect("words.toml parses");
        file.merge(toml::from_str(extra).expect("the extra rules parse"));
        file.compile().expect("the words compile")
    }

    fn synonym_of(tokens: &[Token], words: &Words, form: &str) -> Option<String> {
        let t = tokens.iter().find(|t| t.lower == form).expect("the form");
        t.synonym.map(|i| words.synonyms[i].id.clone())
    }

    #[test]
    fn readings_cached_in_a_thread_follow_the_rules_they_were_read_with() {
        let text = "The ferry capsized and 40 people were winched to safety.";
        let built_in = words("");
        let extended = words(
            "[[synonyms]]\nid = \"sank\"\nlabel = \"sinking\"\nwords = [\"capsized\", \"sank\"]\n",
        );
        // One thread, three documents: the second set of rules must not
        // be answered from the first one's readings, nor the third (the
        // first set again, or a clone of it) from the second's.
        let first = tokenize(text, &built_in);
        assert_eq!(synonym_of(&first, &built_in, "capsized"), None);
        let second = tokenize(text, &extended);
        assert_eq!(
            synonym_of(&second, &extended, "capsized").as_deref(),
            Some("sank")
        );
        let third = tokenize(text, &built_in.clone());
        assert_eq!(synonym_of(&third, &built_in, "capsized"), None);
        assert_eq!(built_in.clone().id(), built_in.id());
        assert_ne!(built_in.id(), extended.id());
    }
}
