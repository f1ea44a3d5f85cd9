//! Extraction of quote mentions: direct quotes with their attribution, and
//! indirect (reported) speech.
//!
//! Takes a document's text and the speech rules. Finds quote marks in pairs
//! (curly “…”, straight "…", top-level curly ‘…’; straight single quotes are
//! left alone because they are apostrophes far more often), quotes that run
//! over one line break, paragraphs left open by the news convention of
//! repeating the opening mark, and Markdown block quotes (`> `). A quote split
//! by its attribution ("Many elements…," Trump said, "but much remains") is
//! one mention with two parts. For every quote it looks for the attribution
//! after it (`," Peskov said`, also on the next line), before it (`Macron
//! noted, "`), or further back in the same sentence (`Trump highlighting the
//! urgency by stating, "`), and records the speaker's text and the verb.
//! Without a pattern, the speaker is the subject of the speech verb, never
//! its object ("Gore endorsed Bradley, calling him “…”" is Gore's). A quote
//! that ends its sentence is not attributed by the next line or by a long
//! sentence after it (that is reported speech of its own). Quotes shorter
//! than `min_words` are terms, scare quotes or one-line replies: marked
//! [`QuoteKind::Short`], never claims, but their speaker carries to the
//! quote that follows. Hands on [`QuoteMention`]s; resolving the speaker to
//! a person is left to normalisation, which knows the document's entities.

use crate::claim::{Span, SpanSet};
use crate::rules::Rules;
use crate::rules::speaker_regex::SpeakerRegex;
use crate::rules::speech::{Compiled, Position};
use crate::rules::word_regex::WordRegex;
use crate::rules::words::{Class, strip_possessive};
use regex::Captures;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words in quote marks.
    Direct,
    /// A Markdown block quote.
    Block,
    /// Reported speech without quote marks: marked, never compared.
    Indirect,
    /// Fewer words than `min_words`: a term, a scare quote or a one-line
    /// reply ("“It's supposition,” Campbell said."). Never a claim, but its
    /// speaker carries to a quote that follows it.
    Short,
}

/// How the speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributionKind {
    /// An attribution pattern right before or after the quote.
    Pattern,
    /// A speech verb earlier in the quote's sentence, with its subject.
    Sentence,
}

/// Who a quote is attributed to, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The speaker as written: "Kremlin spokesman Dmitry Peskov", "he",
    /// "the statement".
    pub speaker: Span,
    /// The reporting verb, when there is one ("according to" has none).
    pub verb: Option<Span>,
    pub how: AttributionKind,
}

/// A quote as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteMention {
    /// From the first opening mark to the last closing mark.
    pub span: Span,
    /// The quoted words of each part, without the marks.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub attribution: Option<Attribution>,
}

/// The text between a pair of quote marks.
#[derive(Clone, Copy, Debug)]
struct Pair {
    open: usize,
    inner: Span,
    close_end: usize,
}

pub fn extract(text: &str, rules: &Rules) -> Vec<QuoteMention> {
    let speech = &rules.speech;
    let pairs = find_pairs(text, speech.settings.max_quote_bytes);
    let mut out = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let first = pairs[i];
        let mut parts = vec![first.inner];
        let mut last = first;
        let after = attribution_after(text, first.close_end, ends_sentence(text, &first), speech);
        // A split quote: `"…," Trump said, "but much remains"`.
        if let Some((_, end)) = &after
            && let Some(next) = pairs.get(i + 1)
            && continues(text, &first, *end, next)
        {
            parts.push(next.inner);
            last = *next;
            i += 1;
        }
        i += 1;
        let attribution = after
            .map(|(a, _)| a)
            .or_else(|| {
                attribution_after(text, last.close_end, ends_sentence(text, &last), speech)
                    .map(|(a, _)| a)
            })
            .or_else(|| attribution_before(text, first.open, rules));
        let kind = if word_count(text, &parts) < speech.settings.min_words {
            QuoteKind::Short
        } else {
            QuoteKind::Direct
        };
        out.push(QuoteMention {
            span: Span::new(first.open, last.close_end),
            parts,
            kind,
            attribution,
        });
    }
    // Block quotes lie on lines of their own and never overlap each other,
    // so the quotes read before them are all they are checked against.
    let inline = SpanSet::new(
        out.iter()
            .filter(|q| q.kind != QuoteKind::Short)
            .map(|q| q.span),
    );
    for block in block_quotes(text) {
        if inline.overlaps(block.span) {
            continue;
        }
        if word_count(text, &block.parts) >= speech.settings.min_words {
            // Looked for before the line's `>` marker, which the span leaves out.
            let line_start = text[..block.span.start].rfind('\n').map_or(0, |i| i + 1);
            let attribution = attribution_before(text, line_start, rules);
            out.push(QuoteMention {
                attribution,
                ..block
            });
        }
    }
    out.extend(indirect(text, speech, &out));
    out.sort_by_key(|q| q.span);
    out
}

fn word_count(text: &str, parts: &[Span]) -> usize {
    parts
        .iter()
        .map(|p| {
            text[p.start..p.end]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        })
        .sum()
}

const OPENERS: &[char] = &['“', '"', '‘', '„', '«'];

/// Whether `c` may stand right before an opening mark.
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | ','))
}

/// Quote pairs in text order, outermost only.
fn find_pairs(text: &str, max: usize) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    let mut at = 0;
    while let Some(rel) = text[at..].find(OPENERS) {
        let open = at + rel;
        let mark = text[open..].chars().next().unwrap_or('"');
        let inner_start = open + mark.len_utf8();
        at = inner_start;
        let prev = text[..open].chars().next_back();
        let next = text[inner_start..].chars().next();
        if !opens_after(prev) || next.is_none_or(char::is_whitespace) {
            continue;
        }
        if let Some(pair) = close_of(text, open, mark, inner_start, max) {
            at = pair.close_end;
            out.push(pair);
        }
    }
    out
}

/// The closing mark of the quote opened at `open`, if any.
fn close_of(text: &str, open: usize, mark: char, inner_start: usize, max: usize) -> Option<Pair> {
    let limit = floor_boundary(text, inner_start.saturating_add(max).min(text.len()));
    let body = &text[inner_start..limit];
    let mut prev: Option<char> = None;
    for (rel, c) in body.char_indices() {
        let here = inner_start + rel;
        // A blank line ends any quote; an unclosed paragraph (the next one
        // reopens the quote) ends at its line end.
        if c == '\n' {
            let rest = &text[here + 1..];
            let blank = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
            let reopens = rest.trim_start().starts_with(['“', '"']) && mark != '‘';
            if blank || reopens || mark == '‘' {
                let inner = trim_span(text, Span::new(inner_start, here));
                return (reopens && !blank && inner.end > inner.start && mark != '"').then_some(
                    Pair {
                        open,
                        inner,
                        close_end: inner.end,
                    },
                );
            }
        }
        let after = text[here + c.len_utf8()..].chars().next();
        let closes = match (mark, c) {
            ('“' | '„', '”' | '“') => c == '”',
            ('«', '»') => true,
            ('‘', '’') => !after.is_some_and(char::is_alphanumeric),
            ('"', '"') => !prev.is_some_and(char::is_whitespace),
            _ => false,
        };
        if closes {
            let inner = trim_span(text, Span::new(inner_start, here));
            return (inner.end > inner.start).then_some(Pair {
                open,
                inner,
                close_end: here + c.len_utf8(),
            });
        }
        // A new opening curly mark before any closing one: the quote was
        // never closed.
        if mark == '“' && c == '“' {
            return None;
        }
        prev = Some(c);
    }
    None
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn trim_span(text: &str, s: Span) -> Span {
    let piece = &text[s.start..s.end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - trail)
}

/// Whether `next` continues the quote `first` across its attribution
/// (which ends at `attr_end`): only a comma or colon between them, and the
/// first part does not end a sentence.
fn continues(text: &str, first: &Pair, attr_end: usize, next: &Pair) -> bool {
    if next.open < attr_end {
        return false;
    }
    let gap = &text[attr_end..next.open];
    let first_text = text[first.inner.start..first.inner.end].trim_end();
    let gap_ok = gap.len() <= 80
        && !gap.contains(['.', '!', '?', '\n'])
        && gap.trim_end().ends_with([',', ':']);
    gap_ok && !first_text.ends_with(['.', '!', '?'])
}

/// Sentence-like window after a closing mark: up to the next full stop or
/// quote mark, over at most one line break.
fn window_after(text: &str, from: usize) -> &str {
    let rest = &text[from..floor_boundary(text, (from + 200).min(text.len()))];
    let mut newlines = 0;
    for (i, c) in rest.char_indices() {
        match c {
            '\n' => {
                newlines += 1;
                if newlines > 1 {
                    return &rest[..i];
                }
            }
            // "Mr. Lim said": an abbreviation's stop ends no sentence.
            '.' if is_initial(&rest[..i]) => {}
            '.' | '!' | '?' | '“' | '"' => return &rest[..i],
            _ => {}
        }
    }
    rest
}

/// Start of the sentence holding `at` (a rough cut: after `. `, `! `, `? `
/// or a line break), at most 400 bytes back.
fn sentence_start(text: &str, at: usize) -> usize {
    let from = floor_boundary(text, at.saturating_sub(400));
    let before = &text[from..at];
    let mut start = from;
    let bytes = before.as_bytes();
    for i in (0..bytes.len()).rev() {
        let b = bytes[i];
        if b == b'\n' {
            start = from + i + 1;
            break;
        }
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_some_and(|c| *c == b' ')
            && !is_initial(&before[..i])
        {
            start = from + i + 2;
            break;
        }
    }
    start
}

/// "U.S." or "J." before a full stop: not a sentence end.
fn is_initial(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a quote ends its sentence: its words end with a full stop, a
/// question or exclamation mark ("…conditions.”").
fn ends_sentence(text: &str, pair: &Pair) -> bool {
    text[pair.inner.start..pair.inner.end]
        .trim_end_matches(['’', '\'', '"', '”', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// Most words an attribution after a sentence-final quote may leave before
/// the sentence ends ("…,” he said in a statement on Friday."): more, and
/// the words after the quote are a new sentence of reported speech ("…
/// conditions.” Gray said about 56 sailors had been winched to safety.).
const MAX_TAIL_AFTER_STOP: usize = 5;

fn attribution_after(
    text: &str,
    close_end: usize,
    final_stop: bool,
    speech: &Compiled,
) -> Option<(Attribution, usize)> {
    let mut window = window_after(text, close_end);
    if final_stop {
        // A quote that ends its sentence and its line is not attributed by
        // the next line: that line is a new paragraph ("…conditions.”\nKim
        // said his government would…").
        window = &window[..window.find('\n').unwrap_or(window.len())];
    }
    for p in speech
        .patterns
        .iter()
        .filter(|p| p.position == Position::After)
    {
        if let Some(c) = p.regex.captures(window) {
            let speaker = c.name("speaker")?;
            let end = c.get(0).map_or(0, |m| m.end());
            if final_stop {
                let tail = &window[end..];
                let tail = &tail[..tail.find(',').unwrap_or(tail.len())];
                if word_spans(tail).len() > MAX_TAIL_AFTER_STOP {
                    return None;
                }
            }
            return Some((
                Attribution {
                    speaker: Span::new(close_end + speaker.start(), close_end + speaker.end()),
                    verb: c
                        .name("verb")
                        .map(|v| Span::new(close_end + v.start(), close_end + v.end())),
                    how: AttributionKind::Pattern,
                },
                close_end + end,
            ));
        }
    }
    None
}

fn attribution_before(text: &str, open: usize, rules: &Rules) -> Option<Attribution> {
    let speech = &rules.speech;
    let mut start = sentence_start(text, open);
    // A quote opening its line may be introduced by the line before
    // ("Peskov said:").
    if text[start..open].trim().is_empty() && start > 0 {
        let prev_line_end = start - 1;
        let prev = text[..prev_line_end].trim_end();
        if prev.ends_with(':') {
            start = sentence_start(text, prev.len());
        }
    }
    let window = &text[start..open];
    for p in speech
        .patterns
        .iter()
        .filter(|p| p.position == Position::Before)
    {
        if let Some(c) = p.regex.captures(window) {
            let speaker = c.name("speaker")?;
            let from = c.get(0).map_or(speaker.start(), |m| m.start());
            if !subject_of_verb(rules, window, from, speaker.end(), c.name("verb")) {
                continue;
            }
            let speaker = appositive_head(rules, window, speaker.start(), speaker.end());
            return Some(Attribution {
                speaker: Span::new(start + speaker.start, start + speaker.end),
                verb: c
                    .name("verb")
                    .map(|v| Span::new(start + v.start(), start + v.end())),
                how: AttributionKind::Pattern,
            });
        }
    }
    sentence_subject(start, window, rules)
}

/// Whether a speaker a pattern found before a quote (its match from
/// `start`, the speaker to `end`) can be its verb's subject: not the
/// object of a preposition ("a statement released through
/// Germany's Foreign Office, said"), not a name before a comma and a
/// participle ("Gore endorsed Bradley, saying:" — the participle hangs on
/// the clause, whose subject is Gore), and the subject of the last speech
/// verb before the quote.
fn subject_of_verb(
    rules: &Rules,
    window: &str,
    start: usize,
    end: usize,
    verb: Option<regex::Match>,
) -> bool {
    let before = window[..start].trim_end_matches(' ');
    let words = word_spans(before);
    // "Chief of Staff John Kelly said": "of" inside a title is no object's.
    let in_title = |n: usize| {
        words[n].1 == "of"
            && n > 0
            && title_at(&rules.speech, before, words[n - 1].0, words[n - 1].1)
    };
    let object = before.len() < start
        && words.last().is_some_and(|&(at, w)| {
            at + w.len() == before.len()
                && !starts_upper(w)
                && rules.words.class(w).has(Class::PREPOSITION)
                && !in_title(words.len() - 1)
        });
    let participle_after_comma =
        verb.is_some_and(|v| v.as_str().ends_with("ing") && window[end..v.start()].contains(','));
    // "Geringer said that Shepard's father also said:": the last speech
    // verb before the quote is the one that introduces it.
    let later_verb = verb.is_some_and(|v| rules.speech.verb.find(&window[v.end()..]).is_some());
    !object && !participle_after_comma && !later_verb
}

/// "Rep. Matt Salmon, R-Ariz., said": a speaker set off by a comma after
/// a name is that name's description; the name speaks. (After a
/// description, "The union's organiser, Rhys Ogundele, told", the name
/// after the comma is the speaker itself.)
fn appositive_head(rules: &Rules, window: &str, start: usize, end: usize) -> Span {
    let found = Span::new(start, end);
    if !window[end..].starts_with(',') {
        return found; // "Reported by Fox News, Trump was quoted saying"
    }
    let head = window[..start].trim_end_matches(' ');
    let Some(before) = head.strip_suffix(',').or_else(|| described_by(rules, head)) else {
        return found;
    };
    let clause = Clause {
        text: before,
        words: word_spans(before),
        rules,
    };
    // A full name before the comma ("Matt Salmon"), not a word opening the
    // sentence ("Publicly, Fischer argues").
    match clause.words.len().checked_sub(1) {
        Some(last)
            if clause.name_word(last)
                && clause.gap_after(last).trim().is_empty()
                && clause.run_start(last) < last =>
        {
            clause.span(clause.run_start(last), last)
        }
        _ => found,
    }
}

/// "Graeme Oldroyd, managing director of Pennine Heritage Tours, said":
/// the organisation a speech pattern found ends a description set off
/// after a name (lower-case words ending in a preposition); the text
/// before that description's comma, where the name is.
fn described_by<'t>(rules: &Rules, head: &'t str) -> Option<&'t str> {
    let comma = head.rfind(',')?;
    let words: Vec<&str> = head[comma + 1..].split_whitespace().collect();
    let lower = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
    (words.len() >= 2
        && words.iter().all(lower)
        && words
            .last()
            .is_some_and(|w| rules.words.class(w).has(Class::PREPOSITION)))
    .then_some(&head[..comma])
}

/// The subject of the last speech verb in the sentence before a quote.
///
/// A finite verb ("Peskov has indicated", "Kartman, the U.S. envoy, said")
/// takes the name or pronoun right before it, over auxiliaries, adverbs,
/// one appositive and a place or day after the name ("Boehlert of New York
/// said"); a common noun there ("Shepard's father also said") means the
/// speaker is no one named. A participle ("…, calling him", "with Trump
/// highlighting the urgency by stating") hangs on the clause before it and
/// takes its subject: the nearest name that is not an object. A name right
/// after a verb or a preposition ("endorsed Bradley", "urged Congress") is
/// what the statement is about, not who made it, and a possessive
/// ("Shepard's killing") is never a speaker.
fn sentence_subject(start: usize, window: &str, rules: &Rules) -> Option<Attribution> {
    let speech = &rules.speech;
    let Some(verb) = speech.verb.find_iter(window).last() else {
        return colon_subject(start, window, speech);
    };
    let before = Clause {
        text: &window[..verb.start()],
        words: word_spans(&window[..verb.start()]),
        rules,
    };
    let found = if verb.as_str().ends_with("ing") {
        before.participle_subject()
    } else {
        before.finite_subject()
    }?;
    Some(Attribution {
        speaker: Span::new(start + found.start, start + found.end),
        verb: Some(Span::new(start + verb.start(), start + verb.end())),
        how: AttributionKind::Sentence,
    })
}

/// The words of a sentence before its speech verb, read from the verb back.
struct Clause<'t> {
    text: &'t str,
    words: Vec<(usize, &'t str)>,
    rules: &'t Rules,
}

/// Most words read back from a speech verb for its subject.
const MAX_SUBJECT_WORDS: usize = 16;

impl Clause<'_> {
    fn word(&self, i: usize) -> &str {
        self.words[i].1
    }

    fn class(&self, i: usize) -> Class {
        self.rules.words.class(&self.word(i).to_lowercase())
    }

    /// The text between word `i` and the next word (or the verb).
    fn gap_after(&self, i: usize) -> &str {
        let end = self.words[i].0 + self.words[i].1.len();
        let next = self.words.get(i + 1).map_or(self.text.len(), |w| w.0);
        &self.text[end..next]
    }

    /// The text between the word before `i` (or the start) and word `i`.
    fn gap_before(&self, i: usize) -> &str {
        let from = i
            .checked_sub(1)
            .map_or(0, |p| self.words[p].0 + self.words[p].1.len());
        &self.text[from..self.words[i].0]
    }

    /// A capitalised word that may be part of a person's name: not a title,
    /// not a possessive, not a function word opening a sentence ("But").
    fn title(&self, i: usize) -> bool {
        title_at(&self.rules.speech, self.text, self.words[i].0, self.word(i))
    }

    fn name_word(&self, i: usize) -> bool {
        let w = self.word(i);
        starts_upper(w)
            && !self.title(i)
            && !possessive(w)
            && !self.class(i).has(Class::FUNCTION)
            && !self.class(i).has(Class::SENTENCE_OPENER)
    }

    /// First word of the name ending at word `last`.
    fn run_start(&self, last: usize) -> usize {
        let mut first = last;
        while first > 0 && self.name_word(first - 1) && self.joined(first) {
            first -= 1;
        }
        first
    }

    /// Word `i` continues the name before it: only a space between, or the
    /// stop of an initial ("Michael P. Forbes").
    fn joined(&self, i: usize) -> bool {
        let gap = self.gap_before(i).trim();
        gap.is_empty() || (gap == "." && self.word(i - 1).chars().count() == 1)
    }

    fn span(&self, first: usize, last: usize) -> Span {
        Span::new(
            self.words[first].0,
            self.words[last].0 + self.words[last].1.len(),
        )
    }

    /// See [`sentence_subject`]: the word before a finite speech verb.
    fn finite_subject(&self) -> Option<Span> {
        let mut i = self.words.len();
        let mut skipped = 0;
        while i > 0 && self.class(i - 1).has(Class::AUXILIARY) && !starts_upper(self.word(i - 1)) {
            i -= 1;
            skipped += 1;
        }
        // "Kartman, the U.S. envoy, said", "Brandt's family, in a statement
        // released through Germany's Foreign Office, said": words set off
        // by commas right before the verb are passed over, back to the
        // comma opening them, unless they are a name ("The union's
        // organiser, Rhys Ogundele, told").
        if i > 0 && self.gap_after(i - 1).contains(',') {
            let open = (0..i - 1)
                .rev()
                .take(MAX_SUBJECT_WORDS)
                .find(|&k| self.gap_after(k).contains(','));
            let inserted = open.map_or(0, |o| o + 1)..i;
            if !inserted.clone().all(|k| self.name_word(k)) {
                i = open? + 1;
            }
        }
        while i > 0 && skipped < MAX_SUBJECT_WORDS {
            let k = i - 1;
            let w = self.word(k);
            if self.rules.speech.is_pronoun(w) {
                return Some(self.span(k, k));
            }
            if self.name_word(k) {
                let first = self.run_start(k);
                // "Boehlert of New York said", "Trump on Tuesday said": a
                // place or day after the name is passed over.
                if first > 0 && self.class(first - 1).has(Class::PREPOSITION) {
                    i = first - 1;
                    skipped += k - first + 2;
                    continue;
                }
                return Some(self.span(first, k));
            }
            if self.class(k).has(Class::AUXILIARY) && !starts_upper(w) {
                i = k;
                skipped += 1;
                continue;
            }
            // "President Clinton called it a triumph and said …": a verb
            // after "and" shares the subject of the clause before it.
            if w == "and" {
                return Clause {
                    text: &self.text[..self.words[k].0],
                    words: self.words[..k].to_vec(),
                    rules: self.rules,
                }
                .participle_subject();
            }
            // "Brandt's family said", "Shepard's father also said": people
            // named by their tie to someone, kept whole (never that someone).
            if k > 0
                && !starts_upper(w)
                && possessive(self.word(k - 1))
                && starts_upper(self.word(k - 1))
                && self.gap_after(k - 1).trim().is_empty()
            {
                return Some(self.span(k - 1, k));
            }
            return None;
        }
        None
    }

    /// See [`sentence_subject`]: the subject of the clause a participle
    /// hangs on.
    fn participle_subject(&self) -> Option<Span> {
        let n = self.words.len();
        let mut k = n;
        while k > 0 && n - k < MAX_SUBJECT_WORDS {
            k -= 1;
            let w = self.word(k);
            if self.rules.speech.is_pronoun(w) {
                return Some(self.span(k, k));
            }
            if !self.name_word(k) {
                continue;
            }
            let first = self.run_start(k);
            // Titles before the name belong to it: "President Clinton".
            let mut head = first;
            while head > 0 && self.title(head - 1) && self.gap_before(head).trim().is_empty() {
                head -= 1;
            }
            let opens_clause = head == 0
                || self
                    .gap_before(head)
                    .contains([',', ';', ':', '(', '—', '–'])
                || self.class(head - 1).has(Class::CONJUNCTION);
            // "with Trump highlighting the urgency": the subject of the
            // participle right after it.
            let before_participle = self.gap_after(k).trim().is_empty()
                && (k + 1 == n || self.word(k + 1).ends_with("ing"));
            if opens_clause || before_participle {
                return Some(self.span(first, k));
            }
            k = first;
        }
        None
    }
}

fn possessive(w: &str) -> bool {
    strip_possessive(w).is_some()
}

/// A sentence whose subject introduces the quote with a colon and no
/// speech verb: "Katrin Oberländer, Rheinwerk's CEO, framed the deal as a
/// bet on scale: “…”". The subject is the name opening the sentence.
fn colon_subject(start: usize, window: &str, speech: &Compiled) -> Option<Attribution> {
    if !window.trim_end().ends_with(':') {
        return None;
    }
    let words = word_spans(window);
    let first = words
        .first()
        .filter(|(at, w)| *at == 0 && starts_upper(w) && !speech.is_title(w))?;
    let mut end = first.0 + first.1.len();
    for pair in words.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.0 + a.1.len() == end && window[end..b.0].chars().all(|c| c == ' ') && starts_upper(b.1)
        {
            end = b.0 + b.1.len();
        }
    }
    Some(Attribution {
        speaker: Span::new(start, start + end),
        verb: None,
        how: AttributionKind::Sentence,
    })
}

/// Whether the word `w` at `at` in `text` is a title, also when it is an
/// abbreviation whose stop [`word_spans`] left out ("Sen." in "Sen. Bill
/// Bradley" is a title; "Sen" in "Hun Sen" is a name).
pub fn title_at(speech: &Compiled, text: &str, at: usize, w: &str) -> bool {
    speech.is_title(w)
        || (text[at + w.len()..].starts_with('.') && speech.is_title(&format!("{w}.")))
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words (letters, digits, apostrophes, dots, hyphens) with their offsets.
pub fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(text, s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

fn push_word<'t>(text: &'t str, s: usize, e: usize, out: &mut Vec<(usize, &'t str)>) {
    let w = text[s..e].trim_end_matches(['.', '\'', '’', '-']);
    let lead = w.len() - w.trim_start_matches(['.', '\'', '’', '-']).len();
    let w = &w[lead..];
    if !w.is_empty() {
        out.push((s + lead, w));
    }
}

/// Markdown block quotes: consecutive lines starting with `>`.
fn block_quotes(text: &str) -> Vec<QuoteMention> {
    let mut out: Vec<QuoteMention> = Vec::new();
    let mut offset = 0;
    let mut current: Option<QuoteMention> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix('>') {
            let inner_start = offset + (line.len() - rest.len());
            let inner = trim_span(text, Span::new(inner_start, offset + line.len()));
            if inner.end > inner.start {
                // The span starts at the first words, not at the `>`
                // marker: evidence is the quote's own text.
                let q = current.get_or_insert(QuoteMention {
                    span: inner,
                    parts: Vec::new(),
                    kind: QuoteKind::Block,
                    attribution: None,
                });
                q.parts.push(inner);
                q.span.end = inner.end;
            }
        } else if let Some(q) = current.take() {
            out.push(q);
        }
        offset += line.len();
    }
    out.extend(current);
    out.retain(|q| !q.parts.is_empty());
    out
}

/// Reported speech without quote marks, outside every direct quote.
///
/// The patterns open with a speaker that can start at any capital, and
/// searching the whole text with one was a seventh of all time on real
/// news. A pattern with a `verb` group is tried only in a window around
/// each match of that group alone: from a few words before it (further back
/// than any speaker reaches) to a little after it (11% less CPU on 1,000
/// synthetic documents, 5% on real news; the same matches, tested).
fn indirect(text: &str, speech: &Compiled, direct: &[QuoteMention]) -> Vec<QuoteMention> {
    let mut out = Vec::new();
    let quoted = SpanSet::new(direct.iter().map(|q| q.span));
    for p in speech
        .patterns
        .iter()
        .filter(|p| p.position == Position::Indirect)
    {
        let found = match &p.trigger {
            Some(trigger) => around(text, &p.regex, trigger),
            None => p
                .regex
                .captures_all(text)
                .iter()
                .filter_map(|c| spans(c, 0))
                .collect(),
        };
        for (span, speaker, verb) in found {
            if quoted.overlaps(span) {
                continue;
            }
            out.push(QuoteMention {
                span,
                parts: Vec::new(),
                kind: QuoteKind::Indirect,
                attribution: Some(Attribution {
                    speaker,
                    verb,
                    how: AttributionKind::Pattern,
                }),
            });
        }
    }
    out
}

/// Words before a speech verb that a speaker, with titles and adverbs
/// between it and the verb, can take up; and the bytes that bound that
/// stretch and the one after the verb, whatever the words.
const SPEAKER_WORDS: usize = 12;
const SPEAKER_BYTES: usize = 400;
const AFTER_VERB_BYTES: usize = 200;

/// A reported-speech match as spans (the whole, the speaker, the verb)
/// `offset` bytes into the text; None without a speaker.
fn spans(c: &Captures, offset: usize) -> Option<(Span, Span, Option<Span>)> {
    let at = |m: regex::Match| Span::new(offset + m.start(), offset + m.end());
    Some((
        at(c.get(0)?),
        at(c.name("speaker")?),
        c.name("verb").map(at),
    ))
}

/// The matches of `regex` that hold a match of `trigger`, in text order and
/// without overlap, as a search of the whole text would find them.
fn around(
    text: &str,
    regex: &SpeakerRegex,
    trigger: &WordRegex,
) -> Vec<(Span, Span, Option<Span>)> {
    let mut out = Vec::new();
    // Where the last match ended: a search of the whole text goes on there.
    let mut from = 0;
    for hit in trigger.find_iter(text) {
        if hit.start() < from {
            continue;
        }
        let start = words_before(text, hit.start()).max(from);
        // One character before the window, so that a boundary at its
        // start reads as it does in the whole text.
        let context = text[..start]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let mut reach = AFTER_VERB_BYTES;
        loop {
            let end = floor_boundary(text, (hit.end() + reach).min(text.len()));
            let found = regex
                .captures_at(&text[context..end], start - context)
                .and_then(|c| spans(&c, context));
            // A match ending near the window's end may have been cut short
            // by it, or another taken where the whole text allows a longer
            // one: look again with more text after it.
            if let Some(m) = found
                && m.0.end + AFTER_VERB_BYTES / 2 > end
                && end < text.len()
            {
                reach *= 2;
                continue;
            }
            if let Some(m) = found {
                from = m.0.end;
                out.push(m);
            }
            break;
        }
    }
    out
}

/// The start of the `SPEAKER_WORDS`th word before `at`, or `SPEAKER_BYTES`
/// before it, whichever is nearer.
fn words_before(text: &str, at: usize) -> usize {
    let limit = floor_boundary(text, at.saturating_sub(SPEAKER_BYTES));
    let mut words = 0;
    let mut in_space = true;
    for (i, c) in text[limit..at].char_indices().rev() {
        let space = c.is_whitespace();
        if space && !in_space {
            words += 1;
            if words == SPEAKER_WORDS {
                return limit + i + c.len_utf8();
            }
        }
        in_space = space;
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules::builtin().expect("rules load")
    }

    #[test]
    fn reported_speech_found_around_its_verbs_is_what_the_whole_text_gives() {
        let rules = rules();
        let p = rules
            .speech
            .patterns
            .iter()
            .find(|p| p.position == Position::Indirect)
            .expect("an indirect pattern");
        let trigger = p.trigger.as_ref().expect("its verb group is a trigger");
        let mut texts = vec![
            "Prime Minister John Major said there would be no vote. He also said that the talks had failed.".to_string(),
            "Officials said it was over, Mr. Li told reporters the fire was out and Smith said Jones would go.".to_string(),
            format!("{} said there was none.", "Word ".repeat(600)),
            "Zoë Müller-Lüdenscheidt said the Café would close. José Martí said it was so.".to_string(),
        ];
        texts.extend(crate::test_support::corpus_texts());
        let mut found = 0;
        for text in &texts {
            let whole: Vec<_> = p
                .regex
                .captures_all(text)
                .iter()
                .filter_map(|c| spans(c, 0))
                .collect();
            assert_eq!(around(text, &p.regex, trigger), whole, "{text}");
            found += whole.len();
        }
        assert!(
            found > 20,
            "only {found} reported statements: the test reads too little"
        );
    }

    fn quotes(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
        extract(text, &rules())
            .into_iter()
            .filter(|q| q.kind != QuoteKind::Short)
            .map(|q| {
                let words: Vec<&str> = q.parts.iter().map(|p| &text[p.start..p.end]).collect();
                let speaker = q
                    .attribution
                    .map(|a| text[a.speaker.start..a.speaker.end].to_string());
                (q.kind, words.join(" | "), speaker)
            })
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes_with_attribution_after() {
        let got = quotes(
            "“We will talk about power plants,” Peskov said. \"This is a big issue for us,\" said Chief Cabinet Secretary Kenji Morita.",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2.as_deref(), Some("Peskov"));
        assert_eq!(got[1].1, "This is a big issue for us,");
        assert_eq!(
            got[1].2.as_deref(),
            Some("Chief Cabinet Secretary Kenji Morita")
        );
    }

    #[test]
    fn block_quote_span_leaves_out_the_marker() {
        let text =
            "Varga said:\n\n>  We will not be rushed by the markets at all.\n\nThe board met.";
        let got = extract(text, &rules());
        let block: Vec<&QuoteMention> = got.iter().filter(|q| q.kind == QuoteKind::Block).collect();
        assert_eq!(block.len(), 1);
        let span = block[0].span;
        assert_eq!(
            &text[span.start..span.end],
            "We will not be rushed by the markets at all."
        );
        // A leading empty `>` line does not pull the marker back in.
        assert_eq!(
            block[0]
                .attribution
                .as_ref()
                .map(|a| &text[a.speaker.start..a.speaker.end]),
            Some("Varga")
        );
        let text = ">\n> We will not be rushed by the markets at all.\n";
        let got = extract(text, &rules());
        let span = got[0].span;
        assert_eq!(
            &text[span.start..span.end],
            "We will not be rushed by the markets at all."
        );
    }

    #[test]
    fn split_quote_is_one_mention() {
        let got = quotes(
            r#""Many elements of a Final Agreement have been agreed to," Trump said, "but much remains.""#,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].1,
            "Many elements of a Final Agreement have been agreed to, | but much remains."
        );
        assert_eq!(got[0].2.as_deref(), Some("Trump"));
    }

    #[test]
    fn two_sentences_are_not_split_parts() {
        let got = quotes(
            r#""We will not leave until the work is done." Trump said. "Then we go home and rest.""#,
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn attribution_on_the_next_line() {
        let got =
            quotes("“The leaders will speak for as long as they deem necessary,”\nHe said.\n");
        assert_eq!(got[0].2.as_deref(), Some("He"));
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let got = quotes("“He called it a ‘historic day’ for all of us,” Macron said.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "He called it a ‘historic day’ for all of us,");
    }

    #[test]
    fn short_quotes_and_apostrophes_are_not_quotes() {
        assert!(
            quotes("They discussed “land” and “power plants.” Russia’s and Ukraine’s teams met.")
                .is_empty()
        );
    }

    #[test]
    fn unclosed_paragraph_convention() {
        let text = "“We have done a great deal of work on this agreement\n“And we will finish it soon, very soon,” Trump said.";
        let got = quotes(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].1,
            "We have done a great deal of work on this agreement"
        );
    }

    #[test]
    fn a_short_reply_is_kept_with_its_speaker() {
        let got = extract(
            "\"It's supposition,\" Campbell said. \"We had John Quinn survive for hours.\"",
            &rules(),
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].kind, QuoteKind::Short);
        assert!(got[0].attribution.is_some());
        assert_eq!(got[1].kind, QuoteKind::Direct);
    }

    /// The speaker a sentence gives a quote, found without a pattern.
    fn subject(text: &str) -> Option<String> {
        let open = text.find('"').expect("a quote");
        attribution_before(text, open, &rules())
            .map(|a| text[a.speaker.start..a.speaker.end].to_string())
    }

    #[test]
    fn the_subject_of_the_speech_verb_speaks_not_its_object() {
        // A participle hangs on the clause: its subject, not the object.
        assert_eq!(
            subject("Gore endorsed Bradley, calling him \"the best man for the job\"").as_deref(),
            Some("Gore")
        );
        assert_eq!(
            subject("Clinton urged Congress to pass the Hate Crimes Prevention Act, saying, \"There is nothing more\"").as_deref(),
            Some("Clinton")
        );
        assert_eq!(
            subject("Tensions rose, with Trump stating, \"Much of this has been discussed\"")
                .as_deref(),
            Some("Trump")
        );
        // A possessive is never the speaker; the relative is.
        assert_eq!(
            subject("Geringer said that Shepard's father also said: \"Do not rush\"").as_deref(),
            Some("Shepard's father")
        );
        assert_eq!(
            subject("The House passed a resolution that condemned Shepard's killing and urged every citizen \"to denounce this murder\"").as_deref(),
            None
        );
        // "and said" shares the subject of the clause before.
        assert_eq!(
            subject("President Clinton called it a triumph and said the Democrats won \"because they had a clear message\"").as_deref(),
            Some("Clinton")
        );
    }

    #[test]
    fn indirect_speech_is_marked() {
        let got =
            quotes("Peskov also said there would be no statements from Putin after the call.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, QuoteKind::Indirect);
        assert_eq!(got[0].2.as_deref(), Some("Peskov"));
    }

    #[test]
    fn arbitrary_text_does_not_panic() {
        for t in [
            "\"",
            "“",
            "‘’",
            "\"\"\"a",
            "“a\n\n”",
            "> ",
            ">",
            "x “é” ”",
            "said “—”",
        ] {
            let _ = quotes(t);
        }
    }
}
