//! The frame builder: what a value found in the text is about.
//!
//! Takes the span of a value (a figure with its unit and counted noun, a
//! clock time, a date, a length of time) and reads its clause in the text
//! index, without a parser, by the word classes of `rules/words.toml`:
//!
//! - the *theme*: for a count, the noun phrase after the figure, its head
//!   (the first plural, else the last word) with the words before it and a
//!   prepositional phrase after it as modifiers ("2,000 workers at the
//!   presidential palace"), or, after "of", the phrase of a part ("six of
//!   the 13 spending bills"); for a measure, the noun it measures ("a
//!   depth of 40 km", "$3.2bn in revenue", "a 30-foot yacht"); for a time
//!   or a date, the happening: the subject of the predicate, or the event
//!   noun a light verb governs ("the call began", "will begin a call");
//! - the *predicate*: the verb the value's noun phrase is the subject of
//!   ("60 people were killed") or, else, the nearest verb before the value
//!   in its clause ("killing 60 people"); reporting verbs ("said") are
//!   passed over, light verbs ("began", "took place") kept but read with
//!   the event noun they govern;
//! - the *participants*: the names in the clause, other than the source of
//!   an attribution ("…, police official Jan Edmundson said");
//! - *when*: the days named in the clause, or another time ("a year ago");
//! - the *modality*: a forecast, plan or supposition cue in the clause.
//!
//! A value whose clause yields neither predicate nor theme gets a frame
//! with neither, and alignment leaves such claims alone.

use std::ops::{Not, Range};

use super::{Context, DateRef, EntityKind};
use crate::claim::Span;
use crate::claim::date::DateKind;
use crate::claim::frame::{
    CIRCUMSTANCE, Frame, Modality, ONGOING, PHASE, Participant, ParticipantKind, RUNNING_TOTAL,
    STATEMENT, Term, Theme, When,
};
use crate::extract::quantity::percent_len;
use crate::index::{Token, TokenKind};
use crate::rules::entities::fold;
use crate::rules::words::{Class, Cue};

/// What kind of value a frame is built for: it decides where the theme is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A count: the noun phrase from `noun_from` on is what is counted.
    Count { noun_from: usize },
    /// A measure in a unit, money or a share: the theme is the noun it
    /// measures (`measured`: the noun of "NOUN of N", when one was read),
    /// or a noun phrase from `noun_from` when the unit is hyphenated to it.
    Measure { noun_from: usize, hyphenated: bool },
    /// A clock time or a date: the frame is the happening it times.
    Moment,
    /// A length of time ("lasted 1.5 hours", "a 30-day truce").
    Duration { noun_from: usize, hyphenated: bool },
}

/// Builds the frame of a value at `span` (the whole mention: qualifier,
/// figure, unit and counted noun).
pub fn build(ctx: &Context, span: Span, measure: &str, shape: Shape) -> Frame {
    let reader = Reader::new(ctx, span);
    let mut frame = Frame::bare(measure);
    let (predicate, theme) = match shape {
        Shape::Count { noun_from } => reader.count(noun_from),
        Shape::Measure {
            noun_from,
            hyphenated,
        } => reader.measure(
            noun_from,
            hyphenated,
            measure == "length",
            crate::claim::quantity::is_money(measure),
        ),
        Shape::Moment => reader.moment(),
        Shape::Duration {
            noun_from,
            hyphenated,
        } => reader.duration(noun_from, hyphenated),
    };
    frame.told_change = reader.told_change();
    let is_event = |t: &Term| {
        t.class.as_deref().is_some_and(|id| {
            ctx.rules
                .words
                .synonyms
                .iter()
                .any(|c| c.id == id && c.event)
        })
    };
    frame.event = predicate
        .iter()
        .chain(theme.as_ref().map(|t| &t.head))
        .find(|t| is_event(t))
        .and_then(|t| t.class.clone());
    frame.predicate = predicate;
    frame.theme = theme;
    mark_changes(ctx, &mut frame);
    frame.participants = reader.participants();
    frame.agent = reader.agent();
    if !matches!(shape, Shape::Moment) {
        frame.scope = reader.scope();
    }
    // "the first call", "a second quake": one of a series of happenings
    // ("another 173 people" is more people, no series).
    // A "first" one is what earlier reports were about: no series.
    if matches!(shape, Shape::Moment | Shape::Duration { .. })
        && let Some(series) = reader.series_before(&frame)
        && !matches!(series.as_str(), "first" | "initial")
    {
        frame.series_one = ctx.rules.words.class(&series).has(Class::SERIES_ONE);
        frame.series = Some(series);
    }
    if reader.part.get() {
        frame.refinements.push("part of a whole".into());
    }
    // "the storm, which began Monday": the first day of something that
    // may last days, told apart from a day of the whole.
    if shape == Shape::Moment
        && measure == "day"
        && names_class(ctx, frame.predicate.as_ref(), None, |c| c.phase)
    {
        frame.refinements.push(PHASE.into());
    }
    if reader.listed() || (shape == Shape::Moment && measure == "day" && reader.listed_day()) {
        frame.refinements.push("one of a list".into());
    }
    // "Since dissidents began organising, police have detained more than
    // two dozen members": a running total since a happening, not the count
    // of one day's doing ("last week police arrested 10 members").
    if matches!(shape, Shape::Count { .. }) && reader.since_a_happening() {
        frame.refinements.push(RUNNING_TOTAL.into());
    }
    if !matches!(shape, Shape::Moment) && reader.absolute() {
        frame.refinements.push(CIRCUMSTANCE.into());
    }
    frame.refinements.extend(reader.extra.take());
    frame.placed = reader.placed.take();
    // "he spent two years in prison": a figure of someone the clause does
    // not name is no fact to set against a named person's.
    if matches!(shape, Shape::Count { .. } | Shape::Duration { .. })
        && reader.pronoun_subject()
        && !frame
            .participants
            .iter()
            .any(|p| p.kind == ParticipantKind::Person || p.kind == ParticipantKind::Name)
    {
        frame.refinements.push("of someone unnamed".into());
    }
    frame.refinements.sort();
    if shape == Shape::Moment {
        frame.complement = reader.complement();
        frame.destination = frame.predicate.as_ref().and_then(|p| reader.destination(p));
    }
    frame.when = reader.when(shape == Shape::Moment);
    frame.modality = reader.modality();
    frame.context = reader.context();
    frame
}

/// Tokens read on each side of a value: more than any news clause needs.
const WINDOW: usize = 60;

/// A value's clause in the index, and the readings of it.
pub struct Reader<'c, 'a> {
    ctx: &'c Context<'a>,
    tokens: &'a [Token],
    /// The value's own tokens.
    value: Range<usize>,
    /// The clause's tokens.
    clause: Range<usize>,
    /// The sentence's tokens.
    sentence: Range<usize>,
    /// A relative clause set off by commas between the value and the
    /// clause it belongs to ("struck a pier of the bridge, which links the
    /// island to the mainland, at 3.12am"): inside the clause's range, but
    /// no verb of it is what the value times.
    aside: Range<usize>,
    /// A count read as the part of a whole ("six of the 13 bills").
    part: std::cell::Cell<bool>,
    /// Refinements the readings found ("after" for "six months after").
    extra: std::cell::RefCell<Vec<String>>,
    /// What a distance places ("an island 20 miles off the coast").
    placed: std::cell::RefCell<Option<String>>,
}

impl<'c, 'a> Reader<'c, 'a> {
    pub fn new(ctx: &'c Context<'a>, span: Span) -> Self {
        let index = ctx.index;
        let mut value = index.tokens_in(span);
        if value.is_empty() {
            let at = index.token_at(span.start);
            value = at..(at + 1).min(index.tokens.len()).max(at);
        }
        let mut clause = index.clause(value.clone());
        let sentence = index.sentence_token_range(span.start);
        // "… at 4:30 p.m. local time Monday, which was 2:30 a.m. Eastern
        // time": a value restated after "which was" is of the clause before.
        let opener = index.tokens.get(clause.start).map(|t| t.lower.as_str());
        if matches!(opener, Some("which" | "or"))
            && value.start.saturating_sub(clause.start) <= 3
            && clause.start > sentence.start
        {
            let mut k = clause.start;
            while k > sentence.start && index.tokens[k - 1].is_punct(',') {
                k -= 1;
            }
            if k > sentence.start {
                let prev = index.clause(k - 1..k);
                clause = prev.start..clause.end;
            }
        }
        // "struck a pier of the bridge, which links the island to the
        // mainland, at 3.12am": a value in a prepositional tail after a
        // relative clause set off by commas is of the clause before it. A
        // comma inside the relative clause ("who visited his friend at a
        // hospital in Fort Collins, Colo., on Thursday") leaves it open:
        // the tail may be its own.
        let mut aside = 0..0;
        // Walked only for a relative clause: every value is read here.
        let mut commas = (clause.start..value.start).filter(|&k| index.tokens[k].is_punct(','));
        if matches!(opener, Some("which" | "who" | "whose" | "where"))
            && clause.start > sentence.start
            && index.tokens[clause.start - 1].is_punct(',')
            && let (Some(close), None) = (commas.next(), commas.next())
            && close > clause.start + 2
            && value.start - close <= 3
            && (close + 1..value.start).all(|k| {
                let t = &index.tokens[k];
                t.class.has(Class::PREPOSITION) || t.class.has(Class::ADVERB)
            })
        {
            let open = clause.start - 1;
            let main = index.clause(open.saturating_sub(1)..open);
            if main.start < open {
                aside = open..close + 1;
                clause = main.start..clause.end;
            }
        }
        // A frame is read from the words near its value: a window of
        // `WINDOW` tokens each side bounds the clause and the sentence, so
        // a sentence of thousands of figures costs each figure the same
        // (linear in the text, not quadratic).
        let lo = value.start.saturating_sub(WINDOW);
        let hi = value.end.saturating_add(WINDOW);
        let clip = |r: std::ops::Range<usize>| r.start.max(lo)..r.end.min(hi).max(r.start.max(lo));
        let (clause, sentence) = (clip(clause), clip(sentence));
        Reader {
            ctx,
            tokens: &index.tokens,
            value,
            clause,
            sentence,
            aside,
            part: std::cell::Cell::new(false),
            extra: std::cell::RefCell::new(Vec::new()),
            placed: std::cell::RefCell::new(None),
        }
    }

    fn words(&self) -> &crate::rules::words::Compiled {
        &self.ctx.rules.words
    }

    fn term_at(&self, i: usize) -> Term {
        let t = &self.tokens[i];
        let class = t.synonym.map(|c| &self.words().synonyms[c]);
        // "called off" is not "called": a verb's particle is part of it.
        let particle = (class.is_none() && t.verbish(self.words()))
            .then(|| self.tokens.get(i + 1))
            .flatten()
            .filter(|n| n.class.has(Class::PARTICLE));
        match particle {
            Some(p) => Term {
                class: None,
                stem: format!("{} {}", t.stem, p.lower),
                shown: format!("{} {}", t.lower, p.lower),
            },
            None => Term {
                class: class.map(|c| c.id.clone()),
                stem: t.stem.clone(),
                shown: class.map_or_else(|| t.lower.clone(), |c| c.label.clone()),
            },
        }
    }

    /// A synonym phrase of several words starting at token `i` (within the
    /// clause), as a term and its length.
    fn phrase_at(&self, i: usize) -> Option<(Term, usize)> {
        let end = self.sentence.end.max(self.value.end).min(self.tokens.len());
        let stems = self.tokens.get(i..end)?;
        let (n, class) = self
            .words()
            .synonym_phrases
            .at_key(stems, 0, |t| &t.stem, |_, _| true)?;
        let c = &self.words().synonyms[*class];
        let stem = stems[..n]
            .iter()
            .map(|t| t.stem.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Some((
            Term {
                class: Some(c.id.clone()),
                stem,
                shown: c.label.clone(),
            },
            n,
        ))
    }

    fn is_adverb(t: &Token) -> bool {
        t.kind == TokenKind::Word
            && ((t.lower.ends_with("ly") && t.lower.len() > 4) || t.class.has(Class::ADVERB))
    }

    /// A word that can stand in a noun phrase: a content word, not a verb
    /// form on its own, not a reporting word.
    fn nominal(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // "$13.9 billion": a scale word after a figure is part of it.
        let scale_of_figure = i > 0
            && self.tokens[i - 1].kind == TokenKind::Number
            && self.ctx.rules.quantities.scales.contains_key(&t.lower);
        !scale_of_figure
            && t.is_content()
            && !t.class.has(Class::REPORTING)
            && !t.class.has(Class::AUXILIARY)
            && !t.class.has(Class::HONORIFIC)
            && !Self::is_adverb(t)
    }

    /// "on the ground for 31 minutes", "hit the ground": an irregular verb
    /// form right after an article is a noun ("ground" is not "grind"),
    /// whatever follows.
    fn article_noun(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        self.words().is_irregular(&t.lower)
            && !t.verbish_regular()
            && i > 0
            && matches!(self.tokens[i - 1].lower.as_str(), "the" | "a" | "an")
    }

    /// Reads as the head of a plural noun phrase: "workers", "people".
    fn plural(&self, i: usize) -> bool {
        let w = self.tokens[i].lower.as_str();
        // "the cave's entrance": a possessive is no plural.
        let possessive = w.ends_with("'s") || w.ends_with("\u{2019}s");
        self.words().is_plural(w)
            || (w.ends_with('s')
                && !possessive
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && w.len() > 3)
    }

    /// Whether token `i` is a light verb, alone or opening a light-verb
    /// phrase ("took place"); returns the phrase's length.
    fn light_at(&self, i: usize) -> Option<usize> {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Word {
            return None;
        }
        // "came down", "went off": with its particle a light verb names a
        // happening of its own (see `term_at`). Before a noun phrase the
        // word is a preposition: "struck off the coast", "struck off
        // northeastern Japan", "came off the road".
        // Read only for a light verb: this runs at nearly every token.
        let phrasal = || {
            self.tokens
                .get(i + 1)
                .is_some_and(|n| n.class.has(Class::PARTICLE))
                && self.tokens.get(i + 2).is_none_or(|n| {
                    !n.class.has(Class::DETERMINER)
                        && (n.kind != TokenKind::Word || !self.nominal(i + 2))
                })
        };
        if let Some((n, Cue::LightVerb)) =
            self.words()
                .cues
                .at_key(self.tokens, i, |t| &t.stem, |_, _| true)
        {
            return (n > 1 || !phrasal()).then_some(n);
        }
        ((t.class.has(Class::LIGHT_VERB) || self.words().is_light_stem(&t.stem)) && !phrasal())
            .then_some(1)
    }

    /// Whether a word is a predicate: a verb form that names a happening
    /// of its own (not an auxiliary, a light verb or a reporting word), or
    /// a state the rules name ("dead", "missing").
    fn predicate_like(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Word || t.class.has(Class::REPORTING) {
            return false;
        }
        // "sold for HK$412 million including fees": a preposition in the
        // form of a participle ("including", "following") is no verb.
        if t.class.has(Class::PREPOSITION) && t.lower.ends_with("ing") {
            return false;
        }
        let class = t.synonym.map(|c| &self.words().synonyms[c]);
        if class.is_some_and(|c| c.state) {
            return true;
        }
        if class.is_some_and(|c| c.event)
            && !t.verbish_regular()
            && !self.words().is_irregular(&t.lower)
        {
            return false; // an event noun: a theme
        }
        // "the fishing village", "wounded soldiers": a participle before a
        // noun qualifies it; so before a figure ("by a combined £214
        // million").
        // An irregular past form does so too ("the left engine"). After a
        // noun, "that" and "which" open a relative clause whose verb this
        // is ("seven chimpanzees that slipped out"); so after a comma ("the
        // storm, which began Monday").
        let relative = i >= 2
            && matches!(self.tokens[i - 1].lower.as_str(), "that" | "which")
            && (self.nominal(i - 2) || self.tokens[i - 2].is_punct(','));
        let attributive = (t.verbish_regular() || self.words().is_irregular(&t.lower))
            && i > 0
            && self.tokens[i - 1].class.has(Class::DETERMINER)
            && !relative
            && (i + 1 == self.value.start
                || self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_content() && !n.verbish_regular()));
        // "could reach", "expected to rise": a word after a modal is a
        // verb in its base form.
        let after_modal = i > 0
            && t.is_content()
            && !t.capitalised
            && (matches!(
                self.tokens[i - 1].lower.as_str(),
                "could"
                    | "would"
                    | "should"
                    | "will"
                    | "may"
                    | "might"
                    | "must"
                    | "can"
                    | "shall"
                    | "be"
                    | "been"
                    | "being"
            ) || (self.tokens[i - 1].lower == "to"
                && i > 1
                && self.tokens[i - 2].verbish(self.words())));
        (t.verbish(self.words()) || after_modal)
            && !t.class.has(Class::AUXILIARY)
            && self.light_at(i).is_none()
            && !attributive
            && !self.article_noun(i)
    }

    /// Whether token `i` is followed, through capitalised words and
    /// "and"/"of"/"&", by an organisation head (`organisation_heads` in
    /// `rules/words.toml`) within a few words.
    fn in_organisation_name(&self, i: usize) -> bool {
        for t in self.tokens.iter().skip(i + 1).take(5) {
            if t.capitalised && t.class.has(Class::ORGANISATION_HEAD) {
                return true;
            }
            let joins = matches!(t.lower.as_str(), "and" | "of" | "&");
            if !(joins || t.is_word() && t.capitalised) {
                return false;
            }
        }
        false
    }

    /// The noun phrase from token `from` on: (head, modifiers, end). Words
    /// run while they can stand in a noun phrase; a verb form inside the
    /// run stays only before another noun ("wounded soldiers").
    fn noun_phrase(&self, from: usize, limit: usize) -> Option<(usize, Vec<usize>, usize)> {
        let mut i = from;
        // "the 13 required spending bills": determiners and a figure.
        while i < limit
            && (self.tokens[i].class.has(Class::DETERMINER)
                || (self.tokens[i].kind == TokenKind::Number
                    && !self.tokens[i].lower.contains('-')))
        {
            i += 1;
        }
        let mut run = Vec::new();
        while i < limit && run.len() < 5 {
            let t = &self.tokens[i];
            if Self::is_adverb(t) && i + 1 < limit && self.nominal(i + 1) {
                // "severely wounded soldiers".
                i += 1;
                continue;
            }
            if t.kind == TokenKind::Number && t.lower.contains('-') {
                // "124-member": a modifier written with a figure.
                i += 1;
                continue;
            }
            if !self.nominal(i) {
                break;
            }
            // "87 injured Saturday": a day after the words is when, not
            // what is counted.
            if !run.is_empty() && self.ctx.inside_time_or_date(t.span) {
                break;
            }
            // "a shoal south of the island": placed, not qualified.
            if !run.is_empty()
                && t.class.has(Class::DIRECTION)
                && self.tokens.get(i + 1).is_some_and(|n| n.lower == "of")
            {
                break;
            }
            if t.verbish(self.words())
                && !(i + 1 < limit && self.nominal(i + 1))
                && !self.article_noun(i)
            {
                break;
            }
            // "an operation involving wildlife officers": a participle
            // after the noun starts a clause of its own; the noun before
            // it is the head. A gerund before the head is a modifier ("a
            // medical billing company", "Medicare billing scheme"): what
            // follows it is one noun, not a phrase of its own.
            if !run.is_empty()
                && t.lower.ends_with("ing")
                && t.verbish(self.words())
                && self.clause_after(i + 1, limit)
            {
                break;
            }
            run.push(i);
            i += 1;
        }
        if run.is_empty() {
            return None;
        }
        let head = run
            .iter()
            .copied()
            .find(|&j| self.plural(j) && !self.tokens[j].capitalised)
            .unwrap_or(*run.last()?);
        let mods: Vec<usize> = run.iter().copied().filter(|&j| j < head).collect();
        Some((head, mods, head + 1))
    }

    /// Whether the words from `from` read as a participle's object rather
    /// than the noun a gerund modifies: a determiner, a figure or a name
    /// first, or more than one noun before the phrase ends.
    fn clause_after(&self, from: usize, limit: usize) -> bool {
        let Some(t) = self.tokens.get(from).filter(|_| from < limit) else {
            return false;
        };
        if t.class.has(Class::DETERMINER) || t.kind == TokenKind::Number || t.capitalised {
            return true;
        }
        (from..limit)
            .take_while(|&k| self.nominal(k))
            .nth(1)
            .is_some()
    }

    /// Modifiers from a prepositional phrase right after a noun phrase
    /// ("at the presidential palace", "in the unions"): its lower-case
    /// content words. Names there are participants, not modifiers.
    fn pp_modifiers(&self, after: usize, limit: usize) -> Vec<usize> {
        let Some(p) = self.tokens.get(after).filter(|_| after < limit) else {
            return Vec::new();
        };
        if !matches!(
            p.lower.as_str(),
            "at" | "in" | "from" | "on" | "for" | "with" | "of" | "aboard" | "inside"
        ) {
            return Vec::new();
        }
        let mut i = after + 1;
        while i < limit && self.tokens[i].class.has(Class::DETERMINER) {
            i += 1;
        }
        let mut out = Vec::new();
        while i < limit && out.len() < 3 {
            let t = &self.tokens[i];
            if !self.nominal(i) || t.capitalised || t.verbish(self.words()) {
                break;
            }
            out.push(i);
            i += 1;
        }
        out
    }

    /// A theme from a head and its modifiers. Modifiers that are verb
    /// forms ("scheduled", "wounded"), series words ("first") and words the
    /// quantity rules ignore ("additional", "total") do not narrow it.
    fn theme_of(&self, head: usize, mods: &[usize]) -> Theme {
        let ignore = &self.ctx.rules.quantities.ignore_modifiers;
        // "the death toll": a synonym phrase ending at the head names it.
        let phrase = mods.iter().copied().chain([head]).find_map(|m| {
            self.phrase_at(m)
                .filter(|(_, n)| m + n == head + 1)
                .map(|(t, _)| t)
        });
        Theme::new(
            phrase.unwrap_or_else(|| self.term_at(head)),
            mods.iter()
                .copied()
                .filter(|&m| {
                    let t = &self.tokens[m];
                    !ignore.contains(&t.lower)
                        && !t.class.has(Class::SERIES)
                        && !t.verbish(self.words())
                        && t.synonym.is_none_or(|c| !self.words().synonyms[c].state)
                })
                .map(|m| self.term_at(m))
                .collect(),
        )
    }

    /// A state the rules name among a noun phrase's modifiers ("23
    /// severely wounded soldiers" counts injured soldiers).
    fn state_among(&self, mods: &[usize]) -> Option<Term> {
        mods.iter()
            .copied()
            .find(|&m| {
                self.tokens[m]
                    .synonym
                    .is_some_and(|c| self.words().synonyms[c].state)
            })
            .map(|m| self.term_at(m))
    }

    /// Skips auxiliaries, adverbs, light verbs and "to" going right.
    fn skip_verb_group(&self, mut i: usize, limit: usize) -> usize {
        while i < limit {
            let t = &self.tokens[i];
            if t.class.has(Class::AUXILIARY) || Self::is_adverb(t) || t.lower == "to" {
                i += 1;
            } else if let Some(n) = self.light_at(i) {
                i += n;
            } else {
                break;
            }
        }
        i
    }

    /// The predicate the tokens from `from` on are the subject of:
    /// "… were reportedly killed", "… had been winched to safety", "…
    /// died". Auxiliaries, adverbs and light verbs are skipped.
    fn predicate_after(&self, from: usize) -> Option<Term> {
        let limit = self.clause.end.max(from).min(self.tokens.len());
        let i = self.skip_verb_group(from, limit);
        if i >= limit {
            return None;
        }
        if let Some((term, _)) = self.phrase_at(i)
            && !self.event_word(i)
        {
            return Some(term);
        }
        self.predicate_like(i).then(|| self.term_at(i))
    }

    /// The nearest predicate before token `before` in the clause, passing
    /// over function words, adverbs, light verbs, reporting words and the
    /// value's own qualifier; stops at a noun (whose predicate it is not).
    fn predicate_before(&self, before: usize) -> Option<(Term, usize)> {
        let mut i = self.past_series(before);
        while i > self.clause.start {
            i -= 1;
            let t = &self.tokens[i];
            if t.kind == TokenKind::Punct || t.kind == TokenKind::Number {
                continue;
            }
            if let Some((term, n)) = self.phrase_at(i)
                && i + n <= before
                && !self.event_word(i)
            {
                return Some((term, i));
            }
            if t.class.has(Class::FUNCTION)
                || Self::is_adverb(t)
                || t.class.has(Class::REPORTING)
                || self.light_at(i).is_some()
            {
                continue;
            }
            if self.predicate_like(i) {
                return Some((self.term_at(i), i));
            }

            // "paying Atlético Montemar €75 million": the one paid, named
            // between the verb and the sum, is the verb's other object.
            if t.capitalised && !t.sentence_start && i + 1 == before {
                let mut k = i;
                while k > self.clause.start && {
                    let p = &self.tokens[k - 1];
                    p.kind == TokenKind::Word && p.capitalised && !p.sentence_start
                } {
                    k -= 1;
                }
                if k > self.clause.start && self.predicate_like(k - 1) {
                    return Some((self.term_at(k - 1), k - 1));
                }
            }
            // "carrying 287 passengers and 14 crew": past the figure
            // coordinated before this one, to the verb both hang from.
            let coordinated = self
                .tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "and" | "or"))
                && (i.saturating_sub(3)..i).any(|k| self.tokens[k].kind == TokenKind::Number);
            if coordinated {
                continue;
            }
            // Qualifier words ("least", "nearly", "some") pass; any other
            // word is a noun the value does not hang from.
            if matches!(
                t.lower.as_str(),
                "least"
                    | "most"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "around"
                    | "approximately"
                    | "some"
                    | "about"
                    | "over"
                    | "just"
                    | "only"
                    | "another"
                    | "more"
                    | "less"
                    | "fewer"
                    | "than"
                    | "estimated"
                    | "up"
                    | "place"
            ) {
                continue;
            }
            return None;
        }
        None
    }

    /// The subject noun phrase of the verb at token `verb`: the noun
    /// phrase right before it (past auxiliaries, light verbs and "to"),
    /// and, when that is the object of a preposition ("the first call
    /// between the presidents took place"), the phrase before the
    /// preposition; an event noun among them wins, else the first. After
    /// a relative pronoun ("an exchange which is set for …") the phrase
    /// before it; at the start of a clause joined by "and" ("… took place
    /// on February 12 and lasted 1.5 hours"), the subject of the clause
    /// before.
    /// Whether the verb at `verb` has a name for its subject: "the Helena
    /// Mare struck", "The Helena Mare, which sailed on Saturday, had
    /// struck".
    fn named_subject(&self, verb: usize) -> bool {
        let start = self.clause.start.min(verb);
        let mut i = verb;
        while i > start
            && (self.tokens[i - 1].class.has(Class::AUXILIARY)
                || Self::is_adverb(&self.tokens[i - 1]))
        {
            i -= 1;
        }
        if i > start && self.tokens[i - 1].is_punct(',') {
            // Back over a phrase set off by commas to the word before it.
            let Some(open) = (self.sentence.start..i - 1)
                .rev()
                .take(20)
                .find(|&k| self.tokens[k].is_punct(','))
            else {
                return false;
            };
            i = open;
        }
        i > self.sentence.start && {
            let t = &self.tokens[i - 1];
            // "The Saab 340B": a model's designation after its maker's name.
            let designation = t.kind != TokenKind::Punct
                && t.lower.chars().next().is_some_and(|c| c.is_ascii_digit())
                && t.lower.chars().any(char::is_alphabetic)
                && i >= 2
                && self.tokens[i - 2].capitalised
                && !self.tokens[i - 2].sentence_start;
            designation || (t.kind == TokenKind::Word && t.capitalised && !t.sentence_start)
        }
    }

    fn subject_before(&self, verb: usize) -> Option<Theme> {
        self.subject_from(verb, self.clause.start, 2)
    }

    fn subject_from(&self, verb: usize, start: usize, hops: usize) -> Option<Theme> {
        // Back over the verb group, and an attribution inside it ("a
        // surge that forecasters said could reach 3.7 metres").
        let mut i = verb;
        while i > start {
            let t = &self.tokens[i - 1];
            let light = self.light_at(i - 1).is_some_and(|n| i - 1 + n <= verb);
            // "was seen leaving": a verb form after an auxiliary.
            let chained =
                t.verbish(self.words()) && i >= 2 && self.tokens[i - 2].class.has(Class::AUXILIARY);
            if t.class.has(Class::AUXILIARY)
                || Self::is_adverb(t)
                || t.lower == "to"
                || light
                || chained
            {
                i -= 1;
            } else if t.class.has(Class::REPORTING) {
                i -= 1;
                while i > start && self.nominal(i - 1) {
                    i -= 1;
                }
            } else {
                break;
            }
        }
        // "The collapse at the colliery, in the Silesian coalfield,
        // happened at 4:50am": back over a place or time set off by commas;
        // so over a participle phrase ("The coach, run by Pennine Heritage
        // Tours, came off the road at 12:20"), which may have opened a
        // clause of its own (", carrying 31 passengers,"): it is looked for
        // back to the sentence's start (the sentence before, when a pronoun
        // led there), and the subject is then before the clause.
        let mut start = start;
        let floor = self.sentence.start.min(start);
        if i > floor && i >= start && self.tokens[i - 1].is_punct(',') {
            let open = (floor..i - 1)
                .rev()
                .take(12)
                .find(|&k| self.tokens[k].is_punct(','));
            if let Some(c) = open
                && self.tokens.get(c + 1).is_some_and(|t| {
                    (t.class.has(Class::PREPOSITION) && (c >= start || i == start))
                        // "The dam, which held back a reservoir, collapsed
                        // early on Wednesday": a relative clause.
                        || (hops > 0 && t.class.has(Class::RELATIVE))
                        || (hops > 0
                            && !t.capitalised
                            && t.verbish(self.words())
                            && !t.class.has(Class::AUXILIARY))
                })
            {
                i = c;
                start = start.min(floor);
            }
        }
        // "It capsized at 3:40": the pronoun stands for the subject of the
        // sentence before.
        if let Some(t) = i.checked_sub(1).map(|k| &self.tokens[k])
            && matches!(t.lower.as_str(), "it" | "they")
            && hops > 0
        {
            let s = self.ctx.index.sentence_index(t.span.start);
            let prev = s
                .checked_sub(1)
                .and_then(|p| self.ctx.index.sentence_tokens.get(p))?;
            let first = prev
                .clone()
                .find(|&j| self.predicate_like(j) || self.light_at(j).is_some())?;
            return self.subject_from(first, prev.start, hops - 1);
        }
        // ", docking at 9:07 a.m.": a participle opening a clause has the
        // subject of the clause before.
        if hops > 0
            && i == verb
            && self.tokens[verb].lower.ends_with("ing")
            && i.checked_sub(1)
                .is_some_and(|k| self.tokens[k].is_punct(',') && k > self.sentence.start)
        {
            let k = i - 1;
            let prev = self.ctx.index.clause(k.saturating_sub(1)..k);
            let first =
                (prev.start..k).find(|&j| self.predicate_like(j) || self.light_at(j).is_some());
            if let Some(f) = first {
                return self.subject_from(f, prev.start, hops - 1);
            }
        }
        // A relative pronoun or a joining "and": the subject is further back
        // in the sentence (the one before, when a pronoun led here: "It
        // was on the ground …" after "The tornado, which struck …"), back
        // to the same floor.
        if let Some(t) = i.checked_sub(1).map(|k| &self.tokens[k])
            && hops > 0
            && matches!(t.lower.as_str(), "which" | "that" | "who" | "and")
            && i > floor
        {
            let mut k = i - 1;
            while k > floor && self.tokens[k - 1].is_punct(',') {
                k -= 1;
            }
            if t.lower == "and" {
                // The clause before: the subject of its first predicate.
                let prev = self.ctx.index.clause(k.saturating_sub(1)..k);
                let last = (prev.start..k)
                    .rev()
                    .find(|&j| self.predicate_like(j) || self.light_at(j).is_some());
                return last.and_then(|f| self.subject_from(f, prev.start, hops - 1));
            }
            // "ash above the crater in an explosive phase that lasted two
            // hours": a "that" with no comma is of the nearest noun, not
            // of one a preposition further back.
            if t.lower == "that" && k == i - 1 {
                let from = (floor..k)
                    .rev()
                    .find(|&j| self.tokens[j].class.has(Class::PREPOSITION))
                    .map_or(floor, |j| j + 1);
                if let Some(theme) = self.noun_chain(k, from) {
                    return Some(theme);
                }
            }
            return self.noun_chain(k, floor);
        }
        self.noun_chain(i, start)
    }

    /// The noun phrases ending right before token `end`, linked by
    /// prepositions ("the first telephone contact between the presidents"),
    /// as a theme: an event noun among them, else the leftmost head.
    fn noun_chain(&self, end: usize, start: usize) -> Option<Theme> {
        self.noun_chain_of(end, start, true)
    }

    /// [`noun_chain`], with or without the preference for an event noun:
    /// what a figure measures is the leftmost head ("the storm's central
    /// pressure at landfall was 958 millibars": pressure, not landfall).
    fn noun_chain_of(&self, end: usize, start: usize, prefer_event: bool) -> Option<Theme> {
        let mut heads: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut i = end;
        loop {
            let stop = i;
            // "the crush at Gate 7": a figure after a name is of the name.
            if i > start + 1 && self.tokens[i - 1].kind == TokenKind::Number && self.is_name(i - 2)
            {
                i -= 1;
            }
            while i > start && self.nominal(i - 1) && stop - i < 4 {
                i -= 1;
            }
            let run: Vec<usize> = (i..stop)
                .filter(|&k| self.tokens[k].kind != TokenKind::Number)
                .collect();
            if run.is_empty() {
                break;
            }
            // "the cargo spacecraft Meridian-3": a name after its head noun.
            let head = run
                .iter()
                .rev()
                .copied()
                .find(|&k| !self.is_name(k))
                .unwrap_or(*run.last()?);
            heads.push((head, run.iter().copied().filter(|&k| k < head).collect()));
            // Skip a figure ("a tsunami of 20 centimetres") and a
            // determiner, then look for a preposition before them.
            while i > start
                && (self.tokens[i - 1].class.has(Class::DETERMINER)
                    || self.tokens[i - 1].kind == TokenKind::Number
                    || matches!(
                        self.tokens[i - 1].lower.as_str(),
                        "more" | "less" | "than" | "least" | "about" | "some" | "nearly" | "almost"
                    ))
            {
                i -= 1;
            }
            let prep = i > start && self.tokens[i - 1].class.has(Class::PREPOSITION);
            if !prep || heads.len() >= 4 {
                break;
            }
            i -= 1;
        }
        let pick = heads
            .iter()
            .find(|(h, _)| prefer_event && self.event_word(*h))
            .or_else(|| heads.last())?;
        if self.is_name(pick.0) && !self.event_word(pick.0) {
            return None; // a name is a participant, not what happened
        }
        Some(self.theme_of(pick.0, &pick.1))
    }

    /// The object noun phrase right after token `verb` ("will begin a
    /// phone call").
    fn object_after(&self, verb: usize) -> Option<Theme> {
        let limit = self.clause.end.min(self.tokens.len());
        let mut i = self.skip_verb_group(verb + 1, limit);
        while i < limit && self.tokens[i].class.has(Class::DETERMINER) {
            i += 1;
        }
        if i < limit
            && let Some((term, _)) = self.phrase_at(i)
        {
            return Some(Theme::new(term, Vec::new()));
        }
        let (head, mods, _) = self.noun_phrase(i, limit)?;
        if self.tokens[head].capitalised && !self.event_word(head) {
            return None;
        }
        // "received seven years": the object is the value itself, its unit
        // no theme.
        if self.value.contains(&head) {
            return None;
        }
        Some(self.theme_of(head, &mods))
    }

    /// Where the words before token `at` start when a determiner and a
    /// series word that qualify a figure there are left out ("will pay an
    /// initial €75 million", "a further $2m"); else `at`.
    fn past_series(&self, at: usize) -> usize {
        let qualified = at >= self.clause.start + 2
            && self.tokens[at - 1].class.has(Class::SERIES)
            && self.tokens[at - 2].class.has(Class::DETERMINER);
        if qualified { at - 2 } else { at }
    }

    /// For a verb whose subject is "the number (or total, or another word
    /// of a part or whole) of N …", what is counted: N with its
    /// modifiers, and the participle right after the noun phrase
    /// ("evacuated") as the predicate.
    fn number_of_before(&self, verb: usize) -> Option<(Option<Term>, Option<Theme>)> {
        // "The number of customers whose card details were stolen
        // remained unchanged at about 380,000": the verb's clause opens
        // with the relative pronoun; its subject is before that.
        let relative = self
            .tokens
            .get(self.clause.start)
            .is_some_and(|t| matches!(t.lower.as_str(), "whose" | "who" | "which" | "that"));
        let start = if relative {
            self.sentence.start
        } else {
            self.clause.start
        };
        let of = (start + 1..verb).find(|&i| {
            self.tokens[i].lower == "of"
                && self.tokens[i - 1].class.has(Class::PARTITIVE)
                && (i < 2 || i - 2 < start || self.tokens[i - 2].class.has(Class::DETERMINER))
        })?;
        let (head, mods, end) = self.noun_phrase(of + 1, verb)?;
        // "the number of people who were evacuated": the participle of a
        // relative clause right after the noun says what was done too.
        let mut k = end;
        if self
            .tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "who" | "that" | "which"))
        {
            k += 1;
            while k < verb && self.tokens[k].class.has(Class::AUXILIARY) {
                k += 1;
            }
        }
        let done = (k < verb && self.tokens[k].verbish_regular()).then(|| self.term_at(k));
        Some((done, Some(self.theme_of(head, &mods))))
    }

    /// Whether token `i` names a happening the rules know. A capitalised
    /// word inside an organisation's name ("the Fire and Disaster
    /// Management Agency") names none.
    fn event_word(&self, i: usize) -> bool {
        if self.tokens[i].capitalised && self.in_organisation_name(i) {
            return false;
        }
        self.tokens[i]
            .synonym
            .is_some_and(|c| self.words().synonyms[c].event)
            || self
                .phrase_at(i)
                .and_then(|(t, _)| t.class)
                .is_some_and(|id| self.words().synonyms.iter().any(|c| c.id == id && c.event))
    }

    /// A count: what follows the figure, and the verb it hangs from.
    fn count(&self, noun_from: usize) -> (Option<Term>, Option<Theme>) {
        let limit = self.sentence.end.min(self.tokens.len());
        let mut from = self.tokens.partition_point(|t| t.span.start < noun_from);
        // "Dozens more were unaccounted for", "three more people died", "10
        // additional troops": an addition to a count told elsewhere; the
        // noun, if any, is after the word ("more than" is a bound).
        // After another figure of the sentence ("14 died and 87 more were
        // injured") the word says the others are other people: a total.
        let earlier_figure = || {
            self.tokens[self.sentence.start..self.value.start]
                .iter()
                .any(|t| {
                    t.kind == TokenKind::Number
                        || self.ctx.rules.quantities.numbers.contains_key(&t.lower)
                })
        };
        let added = self
            .tokens
            .get(from)
            .is_some_and(|t| t.class.has(Class::ADDITION))
            && self.tokens.get(from + 1).is_none_or(|t| t.lower != "than");
        let addition = added && !earlier_figure();
        if added {
            from += 1;
        }
        let mut theme = None;
        let mut after = from;
        let mut state = None;
        // "six of the 13 bills", "67 of them": the part of a whole; "another
        // 22", like "22 more", an addition to a count, not the count.
        let of = self.tokens.get(from).is_some_and(|t| t.lower == "of");
        // "all 64 of its schools": the whole, counted as "64 schools".
        let before = self.word_before_value();
        let whole = of && before.is_some_and(|t| t.class.has(Class::WHOLE));
        let another = addition || before.is_some_and(|t| t.class.has(Class::ADDITION));
        // "19 men were wounded, eight seriously": a bare figure with only a
        // manner adverb after it is a part of the count before it.
        let manner = !of
            && self
                .tokens
                .get(from)
                .is_some_and(|t| t.is_word() && t.lower.len() > 4 && t.lower.ends_with("ly"))
            && self.tokens.get(from + 1).is_none_or(|t| {
                t.kind == TokenKind::Punct || matches!(t.lower.as_str(), "and" | "or")
            });
        self.part.set((of && !whole) || another || manner);
        let np = if of {
            self.noun_phrase(from + 1, limit)
        } else {
            self.noun_phrase(from, limit)
        };
        let bare = np.is_none();
        if let Some((head, mods, end)) = np {
            let head_token = &self.tokens[head];
            let is_state = head_token
                .synonym
                .is_some_and(|c| self.words().synonyms[c].state)
                && !self.plural(head);
            if is_state && mods.is_empty() && !of {
                // "21 injured": the state is the predicate; people implied.
                state = Some(self.term_at(head));
                theme = self.people();
            } else if !of
                && head_token
                    .synonym
                    .is_some_and(|c| self.words().synonyms[c].state)
            {
                // "2,500 soldier deaths": the state is the predicate, the
                // word before it what is counted.
                state = Some(self.term_at(head));
                theme = match mods.split_last() {
                    Some((&last, rest)) => Some(self.theme_of(last, rest)),
                    None => self.people(),
                };
            } else {
                // "18 of the dead had been identified": the part's verb,
                // not the state of the whole, says what is counted.
                state = if of { None } else { self.state_among(&mods) };
                let mut m = mods.clone();
                m.extend(self.pp_modifiers(end, limit));
                theme = Some(self.theme_of(head, &m));
            }
            after = end;
        } else if let Some((term, n)) = self.phrase_at(from) {
            state = Some(term);
            theme = self.people();
            after = from + n;
        } else {
            // "three others were taken": a word that is no noun phrase of
            // its own; the verb after it still says what happened.
            while after < limit
                && after < from + 2
                && self.tokens[after].is_word()
                && !self.tokens[after].verbish(self.words())
            {
                after += 1;
            }
        }
        // "312 passengers and 41 crew had been listed": past the other
        // figure of a coordination to the verb they share.
        if self
            .tokens
            .get(after)
            .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or"))
            && self
                .tokens
                .get(after + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            after = self
                .noun_phrase(after + 1, limit)
                .map_or(after + 2, |(_, _, end)| end);
        }
        // "The number of people evacuated … has risen to 23,460": a figure
        // the subject's "of" phrase counts, with the participle after it
        // for what was done to them.
        if theme.is_none()
            && state.is_none()
            && let Some((_, verb)) = self.predicate_before(self.value.start)
            && let Some(counted) = self.number_of_before(verb)
        {
            return counted;
        }
        // "The death toll rose to 45": a figure the subject of its verb
        // counts, when that subject is a state the rules name.
        if theme.is_none()
            && state.is_none()
            && let Some((_, verb)) = self.predicate_before(self.value.start)
            && let Some(subject) = self.subject_before(verb)
            && self.is_state(&subject.head)
        {
            return (Some(subject.head), self.people());
        }
        // "approving its third reading by 68 votes": a tally after "by" is
        // of the verb before the object.
        let by_figure =
            self.value.start > self.clause.start && self.tokens[self.value.start - 1].lower == "by";
        let predicate = state
            .or_else(|| self.predicate_after(after))
            .or_else(|| self.predicate_before(self.value.start).map(|p| p.0))
            .or_else(|| {
                by_figure
                    .then(|| self.nearest_predicate_before())
                    .flatten()
                    .map(|p| p.0)
            });
        // "killing two people and wounding 21": a state's verb with a bare
        // figure counts people, as "21 injured" does; the noun is left out.
        if bare && theme.is_none() && predicate.as_ref().is_some_and(|p| self.is_state(p)) {
            theme = self.people();
        }
        (predicate, theme)
    }

    /// Whether a predicate is of a state the rules name (killed, injured).
    fn is_state(&self, p: &Term) -> bool {
        p.class
            .as_deref()
            .is_some_and(|id| self.words().synonyms.iter().any(|c| c.id == id && c.state))
    }

    /// The theme "people", for a state counted with no noun ("21 injured").
    fn people(&self) -> Option<Theme> {
        let stem = self.words().stem("people");
        let class = self
            .words()
            .synonym("people", &stem)
            .map(|c| &self.words().synonyms[c]);
        // "21 injured" is "21 injured people": the noun is left out, not
        // unknown.
        Some(Theme::new(
            Term {
                class: class.map(|c| c.id.clone()),
                stem,
                shown: class.map_or_else(|| "people".to_string(), |c| c.label.clone()),
            },
            Vec::new(),
        ))
    }

    /// Where the figure's phrase starts: at the figure, or at a partitive
    /// before it with "of" ("a total of", "a combined"), with its
    /// determiner.
    fn partitive_lead(&self) -> usize {
        let start = self.value.start;
        let of = start >= 2
            && start - 2 >= self.clause.start
            && self.tokens[start - 1].lower == "of"
            && self.tokens[start - 2].class.has(Class::PARTITIVE);
        if !of {
            return start;
        }
        let determiner = start >= 3
            && start - 3 >= self.clause.start
            && self.tokens[start - 3].class.has(Class::DETERMINER);
        if determiner { start - 3 } else { start - 2 }
    }

    /// A measure, money or share: the noun it measures and its verb.
    fn measure(
        &self,
        noun_from: usize,
        hyphenated: bool,
        distance: bool,
        money: bool,
    ) -> (Option<Term>, Option<Theme>) {
        let limit = self.sentence.end.min(self.tokens.len());
        let from = self.tokens.partition_point(|t| t.span.start < noun_from);
        // "overstated by a total of £241 million": the words of a part or
        // a whole before "of" are read as the figure's own ("by £241
        // million"), so what stands before them is.
        let lead = self.partitive_lead();
        let before = self.predicate_before(lead);
        // "a depth of 40 km", "revenue of $3.2bn": the noun before "of".
        let measured = lead
            .checked_sub(2)
            .filter(|&i| i >= self.clause.start && self.tokens[i + 1].lower == "of")
            .filter(|&i| self.nominal(i))
            .map(|i| self.theme_of(i, &[]).defined());
        // "The storm's central pressure at landfall was 958 millibars",
        // "measured the pressure at 958 hPa": the noun before a copula or
        // a preposition right before the figure.
        let before_value = self
            .past_series(lead)
            .checked_sub(1)
            .filter(|&k| k >= self.clause.start);
        // "shares closed down 11.4%": a verb and its particle right before
        // the figure; the verb's index.
        let particle_verb = before_value
            .filter(|&k| {
                k > self.clause.start
                    && self.tokens[k].class.has(Class::PARTICLE)
                    && self.tokens[k - 1].verbish(self.words())
            })
            .map(|k| k - 1);
        let copula = before_value.and_then(|k| {
            let t = &self.tokens[k];
            // "rose to $412 million": "to" after a verb is its
            // preposition, not an auxiliary.
            let after_verb = k > self.clause.start && {
                let p = &self.tokens[k - 1];
                p.verbish(self.words()) && !p.class.has(Class::AUXILIARY)
            };
            if t.class.has(Class::AUXILIARY) && !(after_verb && t.class.has(Class::PREPOSITION)) {
                let mut v = k;
                while v > self.clause.start && self.tokens[v - 1].class.has(Class::AUXILIARY) {
                    v -= 1;
                }
                self.noun_chain_of(v, self.clause.start, false)
            } else if t.class.has(Class::PREPOSITION) {
                // "put the damage at $4.5 billion"; "damage was estimated
                // at $4.2 billion"; "the deal is worth $4.2bn": the noun,
                // or the verb's subject.
                let verb = k
                    .checked_sub(1)
                    .filter(|&v| v >= self.clause.start && self.tokens[v].verbish(self.words()));
                // "to $3.42 billion from $2.90 billion": the words before
                // the preposition are another figure's, not a noun.
                let figure = |i: usize| self.tokens[i].kind == TokenKind::Number;
                let after_figure = (k >= 1 && figure(k - 1)) || (k >= 2 && figure(k - 2));
                match verb {
                    // "escaping with $1.38 million": the subject has the
                    // sum, it is not what the sum measures.
                    Some(_) if t.class.has(Class::COMPANION) => None,
                    Some(v) => self.subject_before(v),
                    None if after_figure => None,
                    None => self.noun_chain_of(k, self.clause.start, false),
                }
            } else if t.verbish(self.words()) && !t.capitalised {
                // "the plant cost €3.7 billion": what the verb's subject
                // measures.
                self.subject_before(k)
            } else if let Some(verb) = particle_verb {
                // What the verb before the particle is told of.
                self.subject_before(verb)
            } else {
                None
            }
        });
        // "lay 25 miles deep": a word right after the unit that the rules
        // put in a class names the dimension measured.
        let adjective = self
            .tokens
            .get(from)
            .filter(|t| from < limit && t.synonym.is_some() && !t.verbish(self.words()))
            .map(|_| Theme::new(self.term_at(from), Vec::new()));

        // "the boat overturned about 62 nautical miles (115km) south-west
        // of Lampedusa": a distance placed from a thing is of that place,
        // never of the verb's subject (the boat's own length is another
        // figure).
        let relational = distance && {
            let k = self.past_conversion(from, limit);
            self.tokens.get(k).filter(|_| k < limit).is_some_and(|t| {
                t.class.has(Class::DISTANCE_RELATION)
                    || (t.class.has(Class::DIRECTION)
                        && self.tokens.get(k + 1).is_some_and(|n| n.lower == "of"))
            })
        };
        // "with gusts up to 150 kph", "and gusts 104 kph": a common noun
        // opening its phrase right before the figure is what it measures.
        let bare_noun = || {
            before_value
                .filter(|&k| {
                    let t = &self.tokens[k];
                    k > self.clause.start
                        && self.nominal(k)
                        && !t.capitalised
                        && !t.verbish(self.words())
                        && {
                            // Not after "to": "ordered to repay $31.2 million"
                            // is a verb's object.
                            let p = &self.tokens[k - 1];
                            (p.lower != "to" && p.class.has(Class::PREPOSITION))
                                || p.class.has(Class::CONJUNCTION)
                                || p.kind == TokenKind::Punct
                        }
                })
                .map(|k| self.theme_of(k, &[]))
        };
        // Where the noun phrase after "of" ends ("70 percent of the plane
        // has been recovered"): the verb after it is the figure's.
        let mut of_end = None;
        let theme = if let Some(t) = measured {
            Some(t)
        } else if let Some(t) = adjective {
            Some(t)
        } else if let Some((h, m)) = money.then(|| self.money_before_noun(from, limit)).flatten() {
            // A sum written before its noun measures that noun, whatever
            // the verb's subject: "the minister announced Rs 5 lakh
            // compensation" is compensation, not the minister.
            Some(self.theme_of(h, &m))
        } else if let Some(t) = copula.filter(|_| !relational) {
            Some(t)
        } else if let Some(t) = bare_noun().filter(|_| !relational) {
            Some(t)
        } else if hyphenated || self.attributive_figure(lead, from, limit) {
            self.noun_phrase(from, limit)
                .map(|(h, m, _)| self.theme_of(h, &m))
        } else {
            // "52% of the vote", "$3.2bn in revenue"; past a conversion in
            // brackets ("210 kilometres (130 miles) south of the prison").
            let from = if self.tokens.get(from).is_some_and(|t| t.is_punct(')')) {
                from + 1
            } else {
                self.past_conversion(from, limit)
            };
            let next = self.tokens.get(from).filter(|_| from < limit);
            // Else nothing written: "burned 12,400 hectares" measures the
            // area burned, not the fire that burned it (the verb says it).
            match next.map(|t| t.lower.as_str()) {
                Some("of" | "in") => self.noun_phrase(from + 1, limit).map(|(h, m, end)| {
                    of_end = Some(end);
                    self.theme_of(h, &m)
                }),
                // "310km south of the prison": how far from a thing the
                // text names by a common noun, in one direction (from a
                // named place, the name is a participant).
                _ if next.is_some_and(|t| t.class.has(Class::DIRECTION))
                    && self.tokens.get(from + 1).is_some_and(|t| t.lower == "of") =>
                {
                    self.noun_phrase(from + 2, limit)
                        .filter(|(h, _, _)| !self.tokens[*h].capitalised)
                        .map(|(h, m, _)| {
                            let mut m = m;
                            m.push(from);
                            self.theme_of(h, &m)
                        })
                }
                // "450 metres below the entrance", "1.4 km short of the
                // runway": a distance from a thing named by a common noun;
                // the relation word tells which distance ("above the
                // crater" is not "below" it).
                _ if distance && next.is_some_and(|t| t.class.has(Class::DISTANCE_RELATION)) => {
                    let mut relation = self.tokens[from].lower.clone();
                    let mut k = from + 1;
                    if let Some(t) = self
                        .tokens
                        .get(k)
                        .filter(|t| matches!(t.lower.as_str(), "of" | "from"))
                    {
                        relation = format!("{relation} {}", t.lower);
                        k += 1;
                    }
                    let theme = self
                        .noun_phrase(k, limit)
                        .filter(|(h, _, _)| {
                            let t = &self.tokens[*h];
                            !t.capitalised && !t.class.has(Class::PRONOUN)
                        })
                        .map(|(h, m, _)| Theme {
                            relation: Some(relation),
                            ..self.theme_of(h, &m)
                        });
                    if theme.is_some() {
                        *self.placed.borrow_mut() = self.placed_before();
                    }
                    theme
                }
                _ => None,
            }
        };
        let after = || {
            self.predicate_after(from)
                .or_else(|| of_end.and_then(|e| self.predicate_after(e)))
        };
        // "a guard was shot and $1.83 million in cash was stolen": a sum
        // that opens a conjunct with a verb of its own is that verb's, not
        // the verb of the conjunct before.
        let conjunct = lead > self.clause.start
            && self.tokens[lead - 1].class.has(Class::CONJUNCTION)
            && before.as_ref().is_some_and(|(_, at)| at + 1 < lead);
        let own = if conjunct { after() } else { None };
        let predicate = own
            .or_else(|| before.map(|p| p.0))
            .or_else(|| particle_verb.map(|v| self.term_at(v)))
            .or_else(after);
        (predicate, theme)
    }

    /// The token after a conversion in brackets that opens at `from`
    /// ("210 kilometres (130 miles) south of"), else `from`.
    fn past_conversion(&self, from: usize, limit: usize) -> usize {
        if self.tokens.get(from).is_some_and(|t| t.is_punct('(')) {
            (from + 1..limit.min(from + 8))
                .find(|&k| self.tokens[k].is_punct(')'))
                .map_or(from, |k| k + 1)
        } else {
            from
        }
    }

    /// What a distance from a thing places, when the words right before
    /// the figure say: "Utila, an island 20 miles off the coast" places an
    /// island. Two distances from one thing of two things placed are two
    /// facts (the hurricane "was only 30 miles off the coast"). A place
    /// named after a preposition is where something else is ("ploughed
    /// into scrub 1.4 km short of the runway": the aircraft), so it says
    /// nothing; a pronoun before a copula ("It was only 30 miles off")
    /// stands for a thing the clause does not name: that distance is of
    /// something unnamed, set against no other.
    fn placed_before(&self) -> Option<String> {
        let mut i = self.value.start.checked_sub(1)?;
        let floor = self.clause.start.min(self.sentence.start);
        let skip = |i: usize| {
            let t = &self.tokens[i];
            t.is_punct(',') || Self::is_adverb(t) || t.class.has(Class::ADVERB)
        };
        while i > floor && skip(i) {
            i -= 1;
        }
        if self.tokens[i].class.has(Class::AUXILIARY) {
            // "It also was only 30 miles off": the copula's subject.
            while i > floor && (self.tokens[i].class.has(Class::AUXILIARY) || skip(i)) {
                i -= 1;
            }
        }
        let t = &self.tokens[i];
        if t.class.has(Class::PRONOUN) {
            self.extra.borrow_mut().push("of something unnamed".into());
            return None;
        }
        let noun = |k: usize| {
            let t = &self.tokens[k];
            self.nominal(k)
                && !t.verbish(self.words())
                && !t.class.has(Class::PARTICLE)
                && !t.class.has(Class::PREPOSITION)
                && !self.ctx.inside_time_or_date(t.span)
                && t.kind != TokenKind::Number
        };
        if !noun(i) {
            return None;
        }
        // The noun phrase's first word, and what stands before it.
        let mut first = i;
        while first > floor
            && i - first < 4
            && (noun(first - 1) || self.tokens[first - 1].class.has(Class::DETERMINER))
        {
            first -= 1;
        }
        if first > floor && self.tokens[first - 1].class.has(Class::PREPOSITION) {
            return None;
        }
        Some(self.term_at(i).key().to_string())
    }

    /// Whether a figure with its unit stands between a determiner and a
    /// noun it qualifies, as a hyphenated one does: "a NZ$1.2 billion
    /// fund", "a $4.5 million ransom".
    fn attributive_figure(&self, lead: usize, from: usize, limit: usize) -> bool {
        lead > self.clause.start
            && self.tokens[lead - 1].class.has(Class::DETERMINER)
            && from < limit
            && self.nominal(from)
            && !self.tokens[from].verbish(self.words())
            && !self.tokens[from].capitalised
    }

    /// The noun a sum stands before, with its modifiers: right after the
    /// figure or past its conversion in brackets, and past one participle
    /// that qualifies it ("struck a CHF23.1bn (£20bn) agreed deal").
    fn money_before_noun(&self, from: usize, limit: usize) -> Option<(usize, Vec<usize>)> {
        let k = self.past_conversion(from, limit);
        let participle = k < limit && {
            let t = &self.tokens[k];
            t.verbish_regular() && t.lower.ends_with("ed") && !t.capitalised
        };
        let start = if self.bare_attributive(k, limit) {
            k
        } else if participle && self.bare_attributive(k + 1, limit) {
            k + 1
        } else {
            return None;
        };
        // The participle describes the thing; it does not narrow what the
        // sum is of, so it is no modifier.
        let (h, m, _) = self.noun_phrase(start, limit)?;
        Some((h, m))
    }

    /// "announced Rs 5 lakh compensation", "paid $2 million ransom": a sum
    /// with no article before it may still stand before its noun, a
    /// lowercase noun that is no verb and no word of time ("raised $5
    /// million yesterday", "$3bn last year" name when, not what).
    fn bare_attributive(&self, from: usize, limit: usize) -> bool {
        from < limit && {
            let t = &self.tokens[from];
            self.nominal(from)
                && !t.verbish(self.words())
                && !t.capitalised
                && !t.class.has(Class::TIME_FRAME)
                && !t.class.has(Class::DAY_PART)
                && !t.class.has(Class::PREPOSITION)
                && !t.class.has(Class::DETERMINER)
        }
    }

    /// A clock time or a date: the happening it times. The nearest verb
    /// before the value in its clause (else after it) says what happened:
    /// a verb naming a happening is the predicate, with its subject the
    /// theme ("the ferry capsized at 3:40"); a light verb names none, and
    /// the theme is the event noun it governs ("will hold a phone
    /// conversation at 1300 GMT", "the call began at 15:00"). Without a
    /// verb, an event noun of the clause ("the 18 March call").
    fn moment(&self) -> (Option<Term>, Option<Theme>) {
        let end = self.clause.end.min(self.tokens.len());
        // "announced the deal at noon": a reporting word other than a
        // verb of saying may be what a time is of.
        // So may one of the words that say who told a figure ("gave the
        // magnitude as 6.9") when it is no verb of speech and has an object
        // of its own before the time: "gave the all-clear at 4:15 p.m.".
        // So "read out the result at 7.14pm": a particle may come between.
        let acted = |i: usize| {
            let t = &self.tokens[i];
            let o = i
                + 1
                + usize::from(
                    self.tokens
                        .get(i + 1)
                        .is_some_and(|p| p.class.has(Class::PARTICLE)),
                );
            // A verb of speech with a particle and an object ("read out
            // the result") is the act itself.
            t.class.has(Class::SAY)
                && o < self.value.start
                && self.tokens[o].class.has(Class::DETERMINER)
                && (o > i + 1 || !self.speech_verb(t))
        };
        let announced = |i: usize| {
            let t = &self.tokens[i];
            t.class.has(Class::REPORTING)
                && (!t.class.has(Class::SAY) || acted(i))
                && t.verbish(self.words())
        };
        let verb_at = |i: usize| {
            !self.tokens[i].class.has(Class::AUXILIARY)
                && (self.predicate_like(i)
                    || announced(i)
                    || self.light_at(i).is_some()
                    || self.event_phrase_at(i).is_some())
        };
        // "the government said Thursday that two dissidents were arrested
        // this week": a day right after a verb of saying is the day it was
        // said, not the day of what was said.
        if let Some(said) = self.said_before_value()
            && !acted(said)
        {
            self.extra.borrow_mut().push(STATEMENT.into());
            return (Some(self.term_at(said)), None);
        }
        let found = (self.clause.start..self.value.start)
            .rev()
            .filter(|i| !self.aside.contains(i))
            .find(|&i| verb_at(i))
            .or_else(|| (self.value.end..end).find(|&i| verb_at(i)));
        let event = self
            .event_noun_near()
            .or_else(|| self.event_noun_in_sentence());
        // "Wednesday's 9.30am cabinet", "the 2.15pm flight": a noun right
        // after the time is what it times.
        if let Some(next) = self.tokens.get(self.value.end).filter(|_| self.value.end < end)
            // "14:30 hours": the clock's own word; "Tuesday evening": the
            // day's own part.
            && !matches!(next.lower.as_str(), "hours" | "hrs" | "h")
            && !next.class.has(Class::DAY_PART)
            && self.nominal(self.value.end)
            && !next.verbish(self.words())
            && !next.capitalised
            && let Some((h, m, _)) = self.noun_phrase(self.value.end, end)
        {
            return (None, Some(self.theme_of(h, &m)));
        }
        let Some(at) = found else {
            return (None, event);
        };
        // "made landfall early Wednesday, arriving near Cocodrie at 2:50":
        // a participle opening its clause goes on telling the happening of
        // the clause before.
        if self.tokens[at].lower.ends_with("ing")
            && !self.event_word(at)
            && at > self.sentence.start
            && self.tokens[at - 1].is_punct(',')
            && let Some(e) = self.event_noun_in_sentence()
        {
            return (None, Some(e));
        }
        // "came ashore", "made landfall", "took off": a phrase that names
        // the happening itself.
        if let Some(term) = self.event_phrase_at(at) {
            return (None, Some(Theme::new(term, Vec::new())));
        }
        // "a market bombing Friday": an event noun nearer the value than
        // any verb is what it dates.
        if let Some(e) = self.event_noun_index()
            && self.distance(e) < self.distance(at)
        {
            // "Firefighters brought the blaze under control shortly after
            // 21:00": a happening that is the object of a verb of its own
            // is something done to it, at another moment than its own. A
            // bare noun after the verb is the happening told with a verb
            // ("caught fire", "opened fire").
            let object = at + 1 < e
                && e < self.value.start
                && self.light_at(at).is_none()
                && !self.tokens[at].class.has(Class::REPORTING)
                && self.tokens[at + 1].class.has(Class::DETERMINER)
                && (at + 2..e).all(|k| self.nominal(k));
            if object {
                self.extra.borrow_mut().push("done to it".into());
                return (Some(self.term_at(at)), event);
            }
            return (None, event);
        }
        if self.light_at(at).is_some() {
            // "the quake struck at 1:17", "held the talks at noon": a
            // happening the rules name as the object, else the subject;
            // with a subject that is a name ("the Helena Mare struck the
            // shoal at 02:40"), what was struck.
            let object = self.object_after(at);
            let theme = object
                .clone()
                .filter(|t| t.head.class.is_some())
                .or_else(|| self.subject_before(at))
                .or_else(|| object.filter(|_| self.named_subject(at)))
                .or(event);
            return (None, theme);
        }
        let predicate = match self.phrase_at(at) {
            Some((term, _)) => term,
            None => self.term_at(at),
        };
        // "were still searching today for the bodies", "were searching
        // Friday": a doing under way on the day, which may go on for days.
        if self.progressive(at) {
            self.extra.borrow_mut().push(ONGOING.into());
        }
        // The happening: an event noun of the clause, the verb's subject,
        // or, for a verb with no subject of its own (", arriving near
        // Cocodrie at 2:50 a.m."), the event the sentence names.
        // A verb naming a happening of its own: what happened is its
        // subject ("Republicans tore into each other Wednesday" is not
        // about the elections named earlier in the clause); an event noun
        // only when the verb has no subject there.
        let names_event = self.event_word(at);
        // "nine were killed on Saturday in a crush": what people were
        // killed or hurt in is what the day dates, whatever its noun.
        if self.is_state(&predicate)
            && let Some(cause) = self.cause_after(at)
        {
            return (Some(predicate), Some(cause));
        }
        let theme = self
            .subject_before(at)
            .or(if names_event { None } else { event });
        (Some(predicate), theme)
    }

    /// The verb of saying right before the value, past "on" or a word of
    /// the day's part ("said Thursday", "told reporters on Monday" is not
    /// this: the object comes between).
    fn said_before_value(&self) -> Option<usize> {
        let mut i = self.value.start.checked_sub(1)?;
        while i > self.clause.start
            && (self.tokens[i].class.has(Class::PREPOSITION)
                || self.tokens[i].class.has(Class::DAY_PART))
            && i + 2 >= self.value.start
        {
            i -= 1;
        }
        let t = &self.tokens[i];
        (i >= self.clause.start && t.class.has(Class::SAY) && self.speech_verb(t)).then_some(i)
    }

    /// Whether the whole word is a verb of speech of `rules/speech.toml`
    /// ("said", not "sayings").
    fn speech_verb(&self, t: &Token) -> bool {
        self.ctx.rules.speech.is_verb(&t.lower)
    }

    /// The word right before the value, inside its clause.
    fn word_before_value(&self) -> Option<&Token> {
        let k = self.value.start.checked_sub(1)?;
        (k >= self.clause.start).then(|| &self.tokens[k])
    }

    /// Whether the verb at `at` is a progressive form ("were searching",
    /// "are still fighting"): an auxiliary, perhaps an adverb, then the
    /// verb in -ing.
    fn progressive(&self, at: usize) -> bool {
        if !self.tokens[at].lower.ends_with("ing") || at == 0 {
            return false;
        }
        let mut k = at - 1;
        if self.tokens[k].class.has(Class::ADVERB) && k > 0 {
            k -= 1;
        }
        k >= self.clause.start && self.tokens[k].class.has(Class::AUXILIARY)
    }

    /// The happening a state verb at `at` was in: "in a crush", "in an
    /// avalanche", later in its clause (past the value). A name ("in
    /// Jakarta") is a place, not a happening.
    fn cause_after(&self, at: usize) -> Option<Theme> {
        let end = self.clause.end.min(self.tokens.len());
        (at + 1..end.saturating_sub(2))
            .filter(|&i| i < self.value.start || i >= self.value.end)
            .find(|&i| {
                self.tokens[i].lower == "in"
                    && matches!(self.tokens[i + 1].lower.as_str(), "a" | "an")
            })
            .and_then(|i| self.noun_phrase(i + 1, end))
            .filter(|(h, m, _)| {
                !self.tokens[*h].capitalised && m.iter().all(|&j| !self.tokens[j].capitalised)
            })
            .map(|(h, m, _)| self.theme_of(h, &m))
    }

    /// A synonym phrase naming a happening at token `i` ("came ashore").
    fn event_phrase_at(&self, i: usize) -> Option<Term> {
        let (term, n) = self.phrase_at(i)?;
        let id = term.class.as_deref()?;
        (n > 1 && self.words().synonyms.iter().any(|c| c.id == id && c.event)).then_some(term)
    }

    /// The event noun of the sentence nearest the value, outside its clause.
    fn event_noun_in_sentence(&self) -> Option<Theme> {
        self.sentence
            .clone()
            .filter(|&i| i < self.value.start || i >= self.value.end)
            .filter(|&i| {
                self.event_word(i) && self.predicate_like(i).not() && !self.bound_object(i)
            })
            .min_by_key(|&i| (self.distance(i), i))
            .map(|i| self.event_phrase(i))
    }

    /// The nearest predicate anywhere before the value in its clause,
    /// across nouns ("the ferry capsized off Mindoro at 3:40").
    fn nearest_predicate_before(&self) -> Option<(Term, usize)> {
        (self.clause.start..self.value.start).rev().find_map(|i| {
            if let Some((term, n)) = self.phrase_at(i)
                && i + n <= self.value.start
                && !self.event_word(i)
            {
                return Some((term, i));
            }
            self.predicate_like(i).then(|| (self.term_at(i), i))
        })
    }

    /// Whether token `i` is written as a name: capitalised inside its
    /// sentence ("Turnout was 58.6%" opens with a common noun).
    fn is_name(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.capitalised
            && (!t.sentence_start
                || self
                    .ctx
                    .entities_overlapping(t.span)
                    .any(|e| e.span.start == t.span.start))
    }

    /// Tokens between token `i` and the value.
    fn distance(&self, i: usize) -> usize {
        if i < self.value.start {
            self.value.start - i
        } else {
            (i + 1).saturating_sub(self.value.end)
        }
    }

    /// Whether the event word at `i` is what a bound counts from ("19 hours
    /// after a transformer fire", "since the blast") or the topic of
    /// another noun ("opened an investigation on Wednesday into the
    /// derailment"): the time is of something else.
    fn bound_object(&self, i: usize) -> bool {
        // Before the value the phrase may hold it: "exploded shortly after
        // launch from Virginia at 8:14 a.m." times the launch.
        if i < self.value.end {
            return false;
        }
        // "after the call began": a clause, whose happening may be the
        // sentence's own.
        if self
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.verbish(self.words()))
        {
            return false;
        }
        let mut k = i;
        while k > 0 && i - k < 4 {
            let t = &self.tokens[k - 1];
            if t.class.has(Class::BOUND) || t.class.has(Class::TOPIC) {
                return true;
            }
            if !(t.class.has(Class::DETERMINER) || self.nominal(k - 1)) {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// The event noun of the clause nearest the value.
    fn event_noun_index(&self) -> Option<usize> {
        self.clause
            .clone()
            .filter(|&i| i < self.value.start || i >= self.value.end)
            .filter(|&i| {
                self.event_word(i) && self.predicate_like(i).not() && !self.bound_object(i)
            })
            .min_by_key(|&i| (self.distance(i), i))
    }

    /// An event noun in the clause, nearest the value.
    fn event_noun_near(&self) -> Option<Theme> {
        self.event_noun_index().map(|i| self.event_phrase(i))
    }

    /// The noun phrase around an event word ("the evacuation order":
    /// order, with evacuation), or the synonym phrase starting there.
    fn event_phrase(&self, i: usize) -> Theme {
        if let Some((term, _)) = self.phrase_at(i) {
            return Theme::new(term, Vec::new());
        }
        let end = self.clause.end.min(self.tokens.len());
        let mut head = i;
        while head + 1 < end
            && head < i + 2
            && self.nominal(head + 1)
            && !self.tokens[head + 1].verbish(self.words())
            && !self.tokens[head + 1].capitalised
        {
            head += 1;
        }
        self.theme_of(head, &(i..head).collect::<Vec<_>>())
    }

    /// A length of time: what lasted.
    fn duration(&self, noun_from: usize, hyphenated: bool) -> (Option<Term>, Option<Theme>) {
        let limit = self.sentence.end.min(self.tokens.len());
        let from = self.tokens.partition_point(|t| t.span.start < noun_from);
        if hyphenated && let Some((h, m, _)) = self.noun_phrase(from, limit) {
            // "a 30-day truce": the noun is what lasts; "a 90-minute
            // holding pattern": a modifier the rules name says what it did.
            let named = m
                .iter()
                .copied()
                .find(|&k| self.tokens[k].synonym.is_some())
                .map(|k| self.term_at(k));
            let predicate = named.or_else(|| self.predicate_before(self.value.start).map(|p| p.0));
            // The noun is the thing whose length the figure is, as in "a
            // truce of 30 days": a "36-hour operation" and a "30-hour
            // operation" in one story are one operation's length.
            return (predicate, Some(self.theme_of(h, &m).defined()));
        }
        // "an hour and a half circling the airport": the doing that lasted.
        if let Some(t) = self.tokens.get(from).filter(|_| from < limit)
            && t.lower.ends_with("ing")
            && self.predicate_like(from)
        {
            let theme = self.event_noun_near();
            return (Some(self.term_at(from)), theme);
        }
        // "six months after Clinton's visit", "less than a week before the
        // vote": the time from one happening to another. After "for" the
        // figure is how long something lasted, and what follows it is a
        // clause of its own ("flew for 87 minutes before landing"); so
        // after a form of "last" ("it lasted about 20 minutes before
        // stewards pulled people clear").
        let lasting = self.value.start.checked_sub(1).is_some_and(|k| {
            let t = &self.tokens[k];
            k >= self.clause.start && (t.lower == "for" || (t.stem == "last" && t.lower != "last"))
        });
        if let Some(t) = self.tokens.get(from).filter(|_| from < limit)
            && !lasting
            && matches!(t.lower.as_str(), "after" | "before" | "since" | "into")
        {
            let theme = self
                .noun_phrase(from + 1, limit)
                .map(|(h, m, _)| self.theme_of(h, &m))
                .or_else(|| self.event_noun_near());
            // "94 seconds into the flight" counts from its start too.
            let relation = if t.lower == "into" {
                "after".to_string()
            } else {
                t.lower.clone()
            };
            self.extra.borrow_mut().push(relation);
            // What happened that long after: "landed … 32 seconds after
            // liftoff", "docking … 54 hours after its launch".
            let predicate = self
                .predicate_before(self.value.start)
                .or_else(|| self.nearest_predicate_before())
                .map(|(p, _)| p);
            return (predicate, theme);
        }
        // "two days of talks", "two hours (until 17:00) available for
        // their conversation".
        let mut k = from.max(self.value.end);
        while k < limit
            && (self.tokens[k].lower == "available"
                || self.tokens[k].kind == TokenKind::Punct
                || self.tokens[k].kind == TokenKind::Number
                || matches!(
                    self.tokens[k].lower.as_str(),
                    "until" | "a.m" | "p.m" | "gmt" | "utc"
                ))
        {
            k += 1;
        }
        if self
            .tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "of" | "for"))
            && let Some((h, m, _)) = self.noun_phrase(k + 1, limit).or_else(|| {
                // "18 minutes of bidding between six bidders": a gerund
                // after "of" is the noun.
                let g = self.tokens.get(k + 1).filter(|_| k + 1 < limit)?;
                (self.tokens[k].lower == "of" && g.is_word() && g.lower.ends_with("ing"))
                    .then(|| (k + 1, Vec::new(), k + 2))
            })
            && !self.tokens[h].capitalised
        {
            // The length is this noun's own ("18 minutes of bidding").
            return (None, Some(self.theme_of(h, &m).defined()));
        }
        let found = self
            .predicate_before(self.value.start)
            .or_else(|| self.nearest_predicate_before());
        let lasted = (self.clause.start..self.value.start)
            .rev()
            .find(|&i| self.light_at(i).is_some());
        match (found, lasted) {
            // "blasting ash 9km into the sky in an explosive phase that
            // lasted almost two hours": a light verb of a relative clause
            // nearer the figure than the verb found says what lasted: the
            // noun the clause is of.
            (Some((_, at)), Some(l))
                if l > at
                    && l > self.clause.start
                    && matches!(self.tokens[l - 1].lower.as_str(), "that" | "which") =>
            {
                (
                    None,
                    self.subject_before(l).or_else(|| self.event_noun_near()),
                )
            }
            (Some((predicate, at)), _) => {
                let theme = self
                    .subject_before(at)
                    .or_else(|| self.object_after(at))
                    .or_else(|| self.event_noun_near());
                (Some(predicate), theme)
            }
            // "This exchange lasted for over two hours".
            (None, Some(l)) => (
                None,
                self.subject_before(l).or_else(|| self.event_noun_near()),
            ),
            (None, None) => (None, self.event_noun_near()),
        }
    }

    /// Series words right before the theme's head or the event noun ("the
    /// first call", "a second quake"): a fact of one of a series, kept
    /// apart from the others.
    pub fn series_before(&self, frame: &Frame) -> Option<String> {
        let head = frame.theme.as_ref()?.head.stem.clone();
        (self.clause.start..self.clause.end.min(self.tokens.len()))
            .filter(|&i| {
                let s = &self.tokens[i].stem;
                self.tokens[i].is_word()
                    && (*s == head || (s.len() >= 4 && head.starts_with(s.as_str())))
            })
            .find_map(|i| {
                (i.saturating_sub(3)..i)
                    .rev()
                    .map(|k| &self.tokens[k])
                    // "New York" is a name, not a new one.
                    .find(|t| t.class.has(Class::SERIES) && (!t.capitalised || t.sentence_start))
                    .map(|t| t.lower.clone())
            })
    }

    /// The names in the clause, by entity where the rules know it; the
    /// source of an attribution is left out.
    fn participants(&self) -> Vec<Participant> {
        // A relative or joined clause ("Xu Wenli, who was sentenced …",
        // "Xu edited … and spent 12 years") is about the names before it.
        let mut from = self.clause.start;
        if let Some(first) = self.tokens.get(self.clause.start)
            && matches!(first.lower.as_str(), "who" | "which" | "and")
            && self.clause.start > self.sentence.start
        {
            let prev = self
                .ctx
                .index
                .clause(self.clause.start - 1..self.clause.start);
            from = prev
                .start
                .max(self.clause.start.saturating_sub(12))
                .max(self.sentence.start);
        }
        // "MANILA, Feb 14 (PWS) - …": a dateline names where the story was
        // filed and by whom, not who took part.
        if let Some(dash) = self.dateline_end() {
            from = from.max(dash);
        }
        let clause = self.span_of(from..self.clause.end);
        let mut out: Vec<Participant> = Vec::new();
        for e in self.ctx.entities_within(clause) {
            if !self.attribution(e.span) && !self.inside_value(e.span) {
                out.push(Participant {
                    key: e.id.clone(),
                    name: e.name.clone(),
                    kind: match e.kind {
                        EntityKind::Person => ParticipantKind::Person,
                        EntityKind::Place => ParticipantKind::Place,
                        EntityKind::Organisation => ParticipantKind::Organisation,
                    },
                });
            }
        }
        // Capitalised runs no entity covers.
        let mut i = from;
        while i < self.clause.end.min(self.tokens.len()) {
            let t = &self.tokens[i];
            // A lone capitalised word opening the sentence is a common
            // word ("Turnout was …") unless the rules know it.
            let lone_opener = i == self.sentence.start
                && !self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.capitalised && n.is_word());
            let name_start = t.is_word()
                && t.capitalised
                && !(i == self.sentence.start && t.class.has(Class::SENTENCE_OPENER))
                && !lone_opener
                && !t.class.has(Class::FUNCTION);
            if !name_start {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.clause.end.min(self.tokens.len())
                && self.tokens[j].is_word()
                && (self.tokens[j].capitalised || self.tokens[j].class.has(Class::NAME_PARTICLE))
            {
                j += 1;
            }
            let span = self.span_of(i..j);
            let covered = self.ctx.entities_overlapping(span).next().is_some();
            let all_openers = (i..j).all(|k| self.tokens[k].class.has(Class::SENTENCE_OPENER));
            if !covered && !all_openers && !self.attribution(span) && !self.inside_value(span) {
                let name = self.ctx.doc.text[span.start..span.end].to_string();
                out.push(Participant {
                    key: fold(&name),
                    name,
                    kind: ParticipantKind::Name,
                });
            }
            i = j;
        }
        out.sort();
        out.dedup_by(|a, b| a.key == b.key);
        out
    }

    /// The verb of an infinitive right after the value, past the rest of
    /// a date or time ("voted Friday to condemn the pact", "agreed on
    /// Tuesday to extend the truce"): a word after "to" with a determiner
    /// after it, so that "sentenced Friday to 13 years" and "flew Sunday
    /// to Rome" have none.
    pub fn complement(&self) -> Option<Term> {
        let end = self.clause.end.min(self.tokens.len());
        let mut i = self.value.end;
        while i < end
            && (self.ctx.inside_time_or_date(self.tokens[i].span)
                || Self::is_adverb(&self.tokens[i]))
        {
            i += 1;
        }
        let verb = self.tokens.get(i + 1).filter(|_| i + 2 < end)?;
        let infinitive = self.tokens[i].lower == "to"
            && verb.is_content()
            && !verb.capitalised
            && self.tokens[i + 2].class.has(Class::DETERMINER);
        infinitive.then(|| self.term_at(i + 1))
    }

    /// The place the predicate's doing went to or was for: a name after a
    /// preposition of destination that follows the predicate's verb, with
    /// only a name, a day or a time between ("left for Libya Saturday",
    /// "left Jerba on Sunday for the United Arab Emirates"); not a
    /// day or time ("set for Monday"), not a name written with a figure
    /// ("for HK$520 million"), and not a noun's ("the train to Rome
    /// derailed": the predicate is not the word before it).
    pub fn destination(&self, predicate: &Term) -> Option<Participant> {
        let end = self.clause.end.min(self.tokens.len());
        let follows_predicate = |i: usize| {
            let mut k = i;
            while k > self.clause.start {
                let t = &self.tokens[k - 1];
                let passed = self.ctx.inside_time_or_date(t.span)
                    || (t.is_word() && t.capitalised && k - 1 > self.sentence.start)
                    || (t.class.has(Class::PREPOSITION)
                        && self
                            .tokens
                            .get(k)
                            .is_some_and(|n| self.ctx.inside_time_or_date(n.span)));
                if !passed {
                    break;
                }
                k -= 1;
            }
            k > self.clause.start
                && self.tokens[k - 1].verbish(self.words())
                && self.tokens[k - 1].stem == predicate.stem
        };
        (self.clause.start..end)
            .filter(|&i| self.tokens[i].class.has(Class::DESTINATION) && follows_predicate(i))
            .find_map(|i| {
                let mut k = i + 1;
                while k < end && self.tokens[k].class.has(Class::DETERMINER) {
                    k += 1;
                }
                let start = k;
                while k < end
                    && self.tokens[k].is_word()
                    && self.tokens[k].capitalised
                    && !self.ctx.inside_time_or_date(self.tokens[k].span)
                {
                    k += 1;
                }
                if k == start {
                    // "left Sunday for a summit of …": a happening the
                    // rules name is where the doing went, as a place is.
                    let t = self.tokens.get(k)?;
                    let class = &self.words().synonyms[t.synonym?];
                    return (class.event && !t.verbish(self.words())).then(|| Participant {
                        key: class.id.clone(),
                        name: class.label.clone(),
                        kind: ParticipantKind::Name,
                    });
                }
                let span = self.span_of(start..k);
                // "sold for HK$520 million": a figure's currency.
                let figure = self
                    .ctx
                    .mentions
                    .quantities
                    .iter()
                    .any(|q| q.span.start < span.end && span.start < q.span.end);
                if figure || self.inside_value(span) || self.attribution(span) {
                    return None;
                }
                let entity = self
                    .ctx
                    .entities_overlapping(span)
                    .find(|e| e.span.start <= span.start && span.end <= e.span.end);
                let name = self.ctx.doc.text[span.start..span.end].to_string();
                Some(Participant {
                    key: entity.map_or_else(|| fold(&name), |e| e.id.clone()),
                    name,
                    kind: ParticipantKind::Name,
                })
            })
    }

    /// The place a figure is of: a name after a locative preposition right
    /// after the figure's words ("killed 357 people in El Salvador"), or
    /// opening its clause ("In Honduras, 32 died").
    pub fn scope(&self) -> Option<String> {
        let end = self.clause.end.min(self.tokens.len());
        let locative = |t: &Token| t.class.has(Class::LOCATIVE);
        let mut i = self.value.end;
        // Past the figure's noun phrase.
        while i < end && self.nominal(i) && i < self.value.end + 4 {
            i += 1;
        }
        let after = (i < end && locative(&self.tokens[i])).then_some(i + 1);
        let opening = (self.clause.start < self.value.start
            && locative(&self.tokens[self.clause.start]))
        .then_some(self.clause.start + 1);
        for at in after.into_iter().chain(opening) {
            let mut k = at;
            while k < end && self.tokens[k].class.has(Class::DETERMINER) {
                k += 1;
            }
            let start = k;
            while k < end && self.tokens[k].is_word() && self.tokens[k].capitalised {
                k += 1;
            }
            if k > start {
                let span = self.span_of(start..k);
                if self.inside_value(span) {
                    continue;
                }
                let entity = self
                    .ctx
                    .entities_overlapping(span)
                    .find(|e| e.span.start <= span.start && span.end <= e.span.end);
                return Some(match entity {
                    Some(e) => e.id.clone(),
                    None => fold(&self.ctx.doc.text[span.start..span.end]),
                });
            }
        }
        None
    }

    /// The name right before the clause's first predicate, past
    /// auxiliaries, adverbs and a day ("Demirel warned", "Greece on Monday
    /// warned"): who did what the clause tells.
    pub fn agent(&self) -> Option<String> {
        // The verb the value hangs from: the nearest before it, else the
        // first after it.
        let end = self.clause.end.min(self.tokens.len());
        // "In a ballot whose result was announced at 4:15 p.m., Hollersbach
        // won": a relative clause the value stands in ends at its comma;
        // the verb after that is the main clause's, and its subject did not
        // do what the relative clause tells.
        let verb = (self.clause.start..self.value.start)
            .rev()
            .find(|&i| self.predicate_like(i))
            .or_else(|| {
                let relative = (self.clause.start..self.value.start)
                    .any(|i| self.tokens[i].class.has(Class::RELATIVE));
                (self.value.end..end)
                    .take_while(|&i| !(relative && self.tokens[i].is_punct(',')))
                    .find(|&i| self.predicate_like(i))
            })?;
        let mut i = verb;
        while i > self.clause.start {
            let t = &self.tokens[i - 1];
            // "was seen leaving": a verb form after an auxiliary is part
            // of the chain the agent stands before.
            let chained =
                t.verbish(self.words()) && i >= 2 && self.tokens[i - 2].class.has(Class::AUXILIARY);
            let skip = t.class.has(Class::AUXILIARY)
                || chained
                || Self::is_adverb(t)
                || t.kind == TokenKind::Number
                || t.kind == TokenKind::Punct
                || matches!(t.lower.as_str(), "on" | "at" | "in")
                || self.ctx.inside_date(t.span);
            if !skip {
                break;
            }
            i -= 1;
        }
        // "Xu Wenli, who was sentenced …": the name before the relative.
        if i > self.sentence.start
            && self
                .tokens
                .get(i - 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "who" | "which"))
        {
            i -= 1;
            while i > self.sentence.start && self.tokens[i - 1].is_punct(',') {
                i -= 1;
            }
        }
        let last = i.checked_sub(1)?;
        let t = &self.tokens[last];
        if !(t.is_word() && t.capitalised && !t.class.has(Class::FUNCTION)) {
            return self.appositive_subject(verb);
        }
        // "Pilots circled …": a word opening the sentence is a name only
        // when it is one of the document's names (an entity, or a word it
        // capitalises inside a sentence too).
        let opens = last == self.sentence.start || Some(last) == self.dateline_end();
        if opens
            && (t.class.has(Class::SENTENCE_OPENER)
                || (!self.ctx.inner_capitals.contains(t.lower.as_str())
                    && self.ctx.entities_overlapping(t.span).next().is_none()))
        {
            return None;
        }
        // A name the document knows by the word; else the whole run of
        // capitals the word ends ("Ishiyama Pharmaceutical, which paid"),
        // not its last word alone.
        if let Some(known) = self.entity_key(t.span) {
            return Some(known);
        }
        let mut first = last;
        while first > self.sentence.start && {
            let p = &self.tokens[first - 1];
            p.is_word() && p.capitalised && !p.class.has(Class::FUNCTION)
        } {
            first -= 1;
        }
        let span = Span {
            start: self.tokens[first].span.start,
            end: t.span.end,
        };
        Some(self.name_key(span))
    }

    /// "Owen Castellanos, 38, the former sales director, was sentenced":
    /// the name opening the sentence, set off by a comma, with no verb
    /// between it and the clause's verb, is who the clause tells of.
    fn appositive_subject(&self, verb: usize) -> Option<String> {
        let mut start = self.dateline_end().unwrap_or(self.sentence.start);
        // "Dr. Keith Albright, 61, …": past an honorific and its stop.
        if self
            .tokens
            .get(start)
            .is_some_and(|t| t.class.has(Class::HONORIFIC))
        {
            start += 1;
            if self.tokens.get(start).is_some_and(|t| t.is_punct('.')) {
                start += 1;
            }
        }
        let opener = self.tokens.get(start)?;
        if opener.class.has(Class::FUNCTION) || opener.class.has(Class::SENTENCE_OPENER) {
            return None;
        }
        let mut j = start;
        while j < verb && self.tokens[j].is_word() && self.tokens[j].capitalised {
            j += 1;
        }
        if j == start || j >= verb || !self.tokens[j].is_punct(',') {
            return None;
        }
        // A relative clause about the name ("who pleaded guilty and
        // testified") is part of the appositive, up to its comma.
        let mut relative = false;
        for t in &self.tokens[j..verb] {
            if t.is_punct(',') {
                relative = false;
            } else if matches!(t.lower.as_str(), "who" | "which" | "whose" | "whom") {
                relative = true;
            } else if !relative && t.verbish(self.words()) && !t.class.has(Class::AUXILIARY) {
                return None;
            }
        }
        Some(self.name_key(self.tokens[j - 1].span))
    }

    /// The key of the name at `span`: its entity's, else its folded text.
    fn name_key(&self, span: Span) -> String {
        self.entity_key(span)
            .unwrap_or_else(|| fold(&self.ctx.doc.text[span.start..span.end]))
    }

    /// The id of the entity the document names at `span`, if one holds it.
    fn entity_key(&self, span: Span) -> Option<String> {
        self.ctx
            .entities_overlapping(span)
            .find(|e| e.span.start <= span.start && span.end <= e.span.end)
            .map(|e| e.id.clone())
    }

    /// The token after a dateline's dash, when the sentence opens with one:
    /// an upper-case place, then within a few tokens a dash.
    fn dateline_end(&self) -> Option<usize> {
        let first = self.tokens.get(self.sentence.start)?;
        let upper = first.is_word()
            && first.lower.len() > 1
            && self.ctx.doc.text[first.span.start..first.span.end]
                .chars()
                .all(|c| !c.is_lowercase());
        if !upper {
            return None;
        }
        (self.sentence.start..self.sentence.end.min(self.sentence.start + 12))
            .find(|&i| {
                let t = &self.tokens[i];
                t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "-" | "—" | "–")
            })
            .map(|i| i + 1)
    }

    /// Whether the value is one of a list of figures ("to 13 and 11 years
    /// in prison", "14, 12 and 9"): a figure right before it, joined by
    /// "and", "or" or a comma.
    pub fn listed(&self) -> bool {
        let Some(j) = self.value.start.checked_sub(1) else {
            return false;
        };
        let joiner = &self.tokens[j];
        // "9:00, or 14:00 GMT", "100 kilometres, or 60 miles": a comma
        // and "or" restate one value; they list none.
        let restated = joiner.lower == "or" && j > 0 && self.tokens[j - 1].is_punct(',');
        if restated {
            return false;
        }
        let joined = joiner.is_punct(',') || matches!(joiner.lower.as_str(), "and" | "or");
        // A figure, or a figure and its unit ("14 hours, 7 minutes", "the
        // 13-, 12- and 11-year terms"), even across a clause break at the
        // joiner.
        let figure_before = j > self.sentence.start
            && (self.tokens[j - 1].kind == TokenKind::Number
                || (j > self.sentence.start + 1 && self.tokens[j - 2].kind == TokenKind::Number));
        joined && figure_before && !self.ctx.inside_date(self.tokens[j - 1].span)
    }

    /// Whether the day is one of several days its sentence lists with no
    /// verb between them ("the physics prize will be announced Tuesday,
    /// the economics prize on Wednesday"; "closed its schools Wednesday and
    /// Thursday"): each day is another member's, or the doing spans them,
    /// so a day of the list may agree with another report's, never
    /// contradict it.
    pub fn listed_day(&self) -> bool {
        let own = self.span_of(self.value.clone());
        let sentence = self.span_of(self.sentence.clone());
        let dates: Vec<&DateRef> = self.ctx.dates_within(sentence).collect();
        let Some(k) = dates
            .iter()
            .position(|d| d.span.start < own.end && own.start < d.span.end)
        else {
            return false;
        };
        // Whether two days are neighbours in a list, and if so whether
        // "and" joins them.
        let link = |a: &DateRef, b: &DateRef| -> Option<bool> {
            let between = self
                .ctx
                .index
                .tokens_in(Span::new(a.span.end, b.span.start));
            let and = between.clone().any(|i| self.tokens[i].lower == "and");
            let joiner = and || between.clone().any(|i| self.tokens[i].is_punct(','));
            // "on Monday, Japan time (11.40 p.m. on Sunday in India)": a
            // day in brackets restates the one before it.
            let restated = between.clone().any(|i| self.tokens[i].is_punct('('));
            // The members stand side by side: no preposition but the one
            // that opens the next day ("on Wednesday"); "on January 20,
            // 2025, following their first conversation on February 12"
            // tells of two things.
            let preposition = between
                .clone()
                .filter(|&i| i + 1 < between.end)
                .any(|i| self.tokens[i].class.has(Class::PREPOSITION));
            // "postponed from 24 September to 29 October": a bound moves
            // or ends the doing; two days, not two members.
            let bound = between
                .clone()
                .any(|i| self.tokens[i].class.has(Class::BOUND) || self.tokens[i].lower == "to");
            // "the authorities said on Wednesday", "when it was 3:20 a.m.
            // Wednesday in Italy": any verb between parts the days.
            let verb = between.clone().any(|i| {
                let t = &self.tokens[i];
                self.predicate_like(i)
                    || t.class.has(Class::REPORTING)
                    || t.class.has(Class::AUXILIARY)
                    || t.class.has(Class::SAY)
            });
            let linked = !restated
                && !preposition
                && !bound
                && !verb
                && a.value.first != b.value.first
                && between.len() <= 10
                && joiner;
            linked.then_some(and)
        };
        // The chain of linked days around this one. Two days a comma alone
        // joins may be one day restated ("on Tuesday afternoon, their
        // second call this month"; "on Wednesday, the early hours of
        // Thursday in Australia"): a list has "and" or three members.
        let (mut from, mut to) = (k, k);
        let mut with_and = false;
        while from > 0
            && let Some(and) = link(dates[from - 1], dates[from])
        {
            with_and |= and;
            from -= 1;
        }
        while to + 1 < dates.len()
            && let Some(and) = link(dates[to], dates[to + 1])
        {
            with_and |= and;
            to += 1;
        }
        to > from && (with_and || to - from >= 2)
    }

    /// Whether the sentence opens with a clause of "since" and a happening
    /// (not a date: "since May 26" bounds the count's days, see
    /// [`Reader::when`]), and the value comes after it.
    pub fn since_a_happening(&self) -> bool {
        let start = self.sentence.start;
        let opens = self.tokens.get(start).is_some_and(|t| t.lower == "since");
        let next = self.tokens.get(start + 1);
        let dated = next
            .is_none_or(|t| t.kind == TokenKind::Number || self.ctx.inside_time_or_date(t.span));
        let after_comma = (start + 2..self.value.start).any(|i| self.tokens[i].is_punct(','));
        opens && !dated && after_comma
    }

    /// Whether the clause's subject is a personal pronoun ("he spent",
    /// "she was sentenced").
    pub fn pronoun_subject(&self) -> bool {
        self.tokens[self.clause.start
            ..self
                .value
                .start
                .min(self.tokens.len())
                .max(self.clause.start)]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "he" | "she"))
    }

    /// Whether a name is part of the value, or of any time or date of the
    /// document ("GMT", "Moscow time", "March"): no participant.
    fn inside_value(&self, span: Span) -> bool {
        let v = self.span_of(self.value.clone());
        let inside = |o: Span| span.start < o.end && o.start < span.end;
        inside(v) || self.ctx.inside_time_or_date(span)
    }

    /// Whether a name at `span` is the source of an attribution: a
    /// reporting word within three words after it or two before it.
    fn attribution(&self, span: Span) -> bool {
        let range = self.ctx.index.tokens_in(span);
        let after = self.tokens[range.end.min(self.tokens.len())..]
            .iter()
            .take(3)
            .take_while(|t| t.kind != TokenKind::Punct || t.is_punct(','))
            .any(|t| t.class.has(Class::REPORTING));
        let before = self.tokens[..range.start]
            .iter()
            .rev()
            .take(2)
            .any(|t| t.class.has(Class::REPORTING));
        after || before
    }

    fn span_of(&self, r: Range<usize>) -> Span {
        match (
            self.tokens.get(r.start),
            r.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if r.end > r.start => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        }
    }

    /// When the clause is about: another time when a cue says so; the
    /// days a date in the clause names (not for times and dates, whose
    /// day is their value).
    fn when(&self, moment: bool) -> When {
        if self.cue_before(Cue::OtherTime) || self.cue_right_after(Cue::OtherTimeAfter) {
            return When::Elsewhere;
        }
        if moment {
            return When::Story;
        }
        // "by £131 million in 2025 and £83 million in 2024": a year or date
        // right after the figure is its own, not the clause's others.
        if let Some(own) = self.own_period() {
            return own;
        }
        // "in 2012, when thieves stole seven paintings": a clause opened by
        // "when" right after a year or date is of that time.
        if let Some(then) = self.when_clause_time() {
            return then;
        }
        match self
            .days_named_outside_asides()
            .or_else(|| self.told_before())
        {
            Some((first, last)) => When::Days { first, last },
            None => When::Story,
        }
    }

    /// The days the clause's dates name, leaving out a relative clause set
    /// off by commas that does not hold the value: "In addition to the
    /// ban, which runs until April 5, 2031, she was fined 30,000 euros" is
    /// not a fine of 2031.
    fn days_named_outside_asides(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let clause = self.clause.clone();
        let mut asides = Vec::new();
        // The clause may open with the relative word itself.
        let mut i = clause.start.saturating_sub(1).max(self.sentence.start);
        while i + 1 < clause.end {
            if !(self.tokens[i].is_punct(',') && self.tokens[i + 1].class.has(Class::RELATIVE)) {
                i += 1;
                continue;
            }
            // The aside runs to the next comma not inside a date ("until
            // April 5, 2031,").
            let end = (i + 2..clause.end)
                .find(|&k| {
                    self.tokens[k].is_punct(',')
                        && !self.ctx.inside_time_or_date(self.tokens[k].span)
                })
                .unwrap_or(clause.end);
            if !(self.value.start < end && self.value.end > i) {
                asides.push(i.max(clause.start)..end);
            }
            i = end;
        }
        if asides.is_empty() {
            return self.days_named(clause);
        }
        let mut from = clause.start;
        let mut kept = Vec::new();
        for a in asides {
            kept.push(from..a.start);
            from = a.end;
        }
        kept.push(from..clause.end);
        kept.into_iter()
            .filter(|r| r.start < r.end)
            .filter_map(|r| self.days_named(r))
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
    }

    /// The days the dates and years among `tokens` name, as one period.
    /// A bare year ("in 1997", "the 2011 quake") counts like a date: the
    /// whole year. One after "since" runs up to the story ("shares closed
    /// down 11.4%, their lowest level since 2020"). A weekday names no
    /// period apart from the story's.
    fn days_named(&self, tokens: Range<usize>) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let span = self.span_of(tokens.clone());
        let tokens = &self.tokens[tokens];
        let years = tokens
            .iter()
            .enumerate()
            .filter(|&(i, t)| {
                !self.inside_value(t.span) && (i == 0 || tokens[i - 1].lower != "since")
            })
            .filter_map(|(_, t)| year_days(t));
        self.ctx
            .dates_within(span)
            .filter(|d| !matches!(d.value.kind, DateKind::Weekday(_)))
            .map(|d| (d.value.first, d.value.last))
            .chain(years)
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
    }

    /// Whether the sentence holds an absolute clause of a share: "with"
    /// opening a clause, a percentage, its noun phrase, then a participle
    /// ("With 22 percent of the vote counted,", "with 98 percent of
    /// precincts reporting"). Its figures are told at that moment of a
    /// count. (A count there is a toll: "…, with 12 people killed".)
    fn absolute(&self) -> bool {
        let end = self.sentence.end.min(self.tokens.len());
        let words = self.words();
        (self.sentence.start..end.saturating_sub(2)).any(|w| {
            let opens = w == self.sentence.start || self.tokens[w - 1].kind == TokenKind::Punct;
            opens
                && self.tokens[w].class.has(Class::ABSOLUTE)
                && self.tokens[w + 1].kind == TokenKind::Number
                && self.share_at(w + 1)
                && (w + 2..end.min(w + 8))
                    .find(|&i| !self.tokens[i].is_word() || self.tokens[i].verbish(words))
                    .is_some_and(|i| {
                        let t = &self.tokens[i];
                        t.verbish(words)
                            && !t.class.has(Class::AUXILIARY)
                            && !t.class.has(Class::LIGHT_VERB)
                    })
        })
    }

    /// Whether the number at token `i` is a percentage ("22 percent").
    fn share_at(&self, i: usize) -> bool {
        let text = &self.ctx.doc.text[self.tokens[i].span.end..];
        let head: String = text.chars().take(10).collect::<String>().to_lowercase();
        percent_len(&head).is_some()
    }

    /// "The last major one struck in October 1970 … That typhoon left
    /// 2,361 dead": a sentence opened by a distal determiner and a noun is
    /// about the thing the sentence before it told, and so of its time.
    fn told_before(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let s = self.sentence.start;
        let (first, noun) = (self.tokens.get(s)?, self.tokens.get(s + 1)?);
        let points_back = first.class.has(Class::DISTAL)
            && noun.is_content()
            && !noun.class.has(Class::AUXILIARY)
            && !noun.verbish(self.words());
        if !points_back || s == 0 {
            return None;
        }
        let before = self.ctx.sentence(self.tokens[s - 1].span.start);
        let mut k = s;
        while k > 0 && self.tokens[k - 1].span.start >= before.start {
            k -= 1;
        }
        self.days_named(k..s)
    }

    /// The days of a year or date written right after the value behind
    /// "in", "for" or "during" ("£131 million in 2025").
    fn own_period(&self) -> Option<When> {
        let at = self.value.end;
        let by = self.tokens.get(at)?;
        if !matches!(by.lower.as_str(), "in" | "for" | "during") {
            return None;
        }
        let next = self.tokens.get(at + 1)?;
        let sentence_end = self.span_of(self.sentence.clone()).end;
        let date = self
            .ctx
            .dates_within(Span::new(next.span.start, sentence_end))
            .take(1)
            .filter(|d| d.span.start == next.span.start);
        period(date, next)
    }

    /// The year or date right before a clause opened by "when" (past a
    /// comma), as the clause's time.
    fn when_clause_time(&self) -> Option<When> {
        // The clause may start at "when" or right after it.
        let start = self.clause.start;
        let opener = if self.tokens.get(start)?.lower == "when" {
            start
        } else if start > 0 && self.tokens[start - 1].lower == "when" {
            start - 1
        } else {
            return None;
        };
        let mut k = opener.checked_sub(1)?;
        while self.tokens[k].is_punct(',') {
            k = k.checked_sub(1)?;
        }
        let t = &self.tokens[k];
        let dates = self
            .ctx
            .dates_within(Span::new(t.span.start.saturating_sub(40), t.span.end))
            .filter(|d| d.span.end == t.span.end);
        period(dates, t)
    }

    /// Whether a cue phrase of kind `cue` stands in the clause before the
    /// value, or after it up to its verb ("100 people may have died"), not
    /// in a clause the verb governs ("met to vote on whether …").
    fn cue_in_clause(&self, cue: Cue) -> bool {
        let cues = &self.words().cues;
        let clause_end = self.clause.end.min(self.tokens.len());
        let mut end = self.value.end;
        while end < clause_end && end < self.value.end + 8 {
            // "told staff at a meeting at 10am on Tuesday that 640 posts
            // would be cut": what was said is another clause, its modality
            // its own.
            if self.tokens[end].lower == "that" || self.tokens[end].class.has(Class::CLAUSE_OPENER)
            {
                break;
            }
            let at_verb = self.predicate_like(end);
            end += 1;
            if at_verb {
                break;
            }
        }
        let toks = &self.tokens[..clause_end];
        // The value's own verb group: a few words before it, or back to
        // its verb and the word before that ("had expected earnings of
        // $1.71 per share on revenue of $3.31 billion"), and after it up
        // to its verb.
        let near = self.clause.start.max(self.value.start.saturating_sub(6));
        let verb = (self.clause.start..self.value.start)
            .rev()
            .take(12)
            .find(|&i| self.predicate_like(i) || self.tokens[i].class.has(Class::AUXILIARY));
        let from = verb.map_or(near, |v| {
            near.min(v.saturating_sub(1).max(self.clause.start))
        });
        (from..end).any(|i| {
            if i >= self.value.start && i < self.value.end {
                return false;
            }
            // "May 14" is a month, not the modal.
            if toks[i].capitalised && toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number) {
                return false;
            }
            // After the figure, a noun in "-ing" ("cruising at 39,000 feet
            // when a fire warning sounded") is another thing, not the
            // figure's modality; before it, it may hold the figure ("a
            // warning of waves up to 3 metres").
            if i >= self.value.end && toks[i].class.has(Class::NOT_VERB) {
                return false;
            }
            cues.at_key(toks, i, |t| &t.stem, |t, p| cue_word(t, p, cue))
                .is_some_and(|(_, c)| *c == cue)
                && !(matches!(cue, Cue::Planned | Cue::Forecast) && measured_against(toks, i))
        })
    }

    /// Whether a cue of kind `cue` stands in the clause before the value.
    fn cue_before(&self, cue: Cue) -> bool {
        let cues = &self.words().cues;
        (self.clause.start..self.value.start).any(|i| {
            cues.at_key(self.tokens, i, |t| &t.stem, |t, p| cue_word(t, p, cue))
                .is_some_and(|(n, c)| *c == cue && i + n <= self.value.start)
        })
    }

    /// Whether the sentence tells the figure as a change from another it
    /// gives after it ("winds of 80 mph (130 kph), down from 100 mph").
    pub fn told_change(&self) -> bool {
        let end = self
            .sentence
            .end
            .min(self.tokens.len())
            .min(self.value.end + 10);
        (self.value.end..end.saturating_sub(1)).any(|i| {
            matches!(self.tokens[i].lower.as_str(), "up" | "down")
                && self.tokens[i + 1].lower == "from"
                && (i == self.value.end || self.tokens[i - 1].kind == TokenKind::Punct)
        })
    }

    /// Whether a cue of kind `cue` follows the value within a few words
    /// ("$3 billion a year ago").
    fn cue_right_after(&self, cue: Cue) -> bool {
        let cues = &self.words().cues;
        let end = self
            .clause
            .end
            .min(self.tokens.len())
            .min(self.value.end + 5);
        (self.value.end..end).any(|i| {
            cues.at_key(self.tokens, i, |t| &t.stem, |t, p| cue_word(t, p, cue))
                .is_some_and(|(_, c)| *c == cue)
        })
    }

    fn modality(&self) -> Modality {
        if self.cue_in_clause(Cue::Hypothetical) {
            Modality::Hypothesis
        } else if self.cue_in_clause(Cue::Forecast) {
            Modality::Forecast
        } else if self.cue_in_clause(Cue::Planned) {
            Modality::Plan
        } else {
            Modality::Fact
        }
    }

    /// The content stems of the sentence, for how much two sentences share.
    fn context(&self) -> Vec<String> {
        let mut out: Vec<String> = self.tokens[self.sentence.clone()]
            .iter()
            .filter(|t| t.is_content() && !t.class.has(Class::REPORTING))
            .map(|t| t.stem.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Whether the plan or forecast word at `i` follows a preposition, past a
/// determiner or a possessive: what happened is measured against it
/// ("opened at 7.40pm, well behind schedule", "as planned", "later than
/// expected", "ahead of analysts' forecasts"), a fact. Not "to" ("is to
/// be held") nor a word before "to" ("plans to build").
fn measured_against(toks: &[Token], i: usize) -> bool {
    let possessive = |t: &Token| {
        matches!(t.lower.as_str(), "'" | "’" | "'s" | "’s")
            || t.lower.ends_with("'s")
            || t.lower.ends_with("’s")
    };
    let mut p = i.saturating_sub(1);
    if p > 0 && toks[p].class.has(Class::DETERMINER) {
        p -= 1;
    } else if p > 0 && possessive(&toks[p]) {
        p -= 1;
        if p > 0 && toks[p].is_word() && !toks[p].class.has(Class::PREPOSITION) {
            p -= 1;
        }
    }
    i > 0
        && toks[p].class.has(Class::PREPOSITION)
        && toks[p].lower != "to"
        && toks.get(i + 1).is_none_or(|n| n.lower != "to")
}

/// Whether a predicate or a theme's head is of a synonym class the rules
/// mark with `flag` (`changes`: a toll; `once`: a quake).
/// Whether what the frame's predicate or theme names changes as a story
/// unfolds, and may fall (`changes`, `falls` in rules/words.toml), or its
/// sentence tells the figure as a change. Set again by whoever reads the
/// theme again.
pub(super) fn mark_changes(ctx: &Context, frame: &mut Frame) {
    let (p, t) = (frame.predicate.as_ref(), frame.theme.as_ref());
    frame.changes = frame.told_change || names_class(ctx, p, t, |c| c.changes);
    frame.falls = names_class(ctx, p, t, |c| c.changes && c.falls);
}

pub(super) fn names_class(
    ctx: &Context,
    predicate: Option<&Term>,
    theme: Option<&Theme>,
    flag: impl Fn(&crate::rules::words::SynonymClass) -> bool,
) -> bool {
    predicate
        .into_iter()
        .chain(theme.map(|t| &t.head))
        .filter_map(|t| t.class.as_deref())
        .any(|id| {
            ctx.rules
                .words
                .synonyms
                .iter()
                .any(|c| c.id == id && flag(c))
        })
}

/// Whether token `t` is cue word `p`, looked for as a cue of kind `cue`:
/// cues match by stem ("proposed" covers "proposing"), but a cue of
/// another time is not the agent noun the stemmer folds into its stem (a
/// train's event "recorder" is no "record"). A "forecaster" does make a
/// forecast, so modality cues keep them.
fn cue_word(t: &Token, p: &str, cue: Cue) -> bool {
    let agent = || {
        t.lower
            .strip_prefix(p)
            .is_some_and(|rest| matches!(rest, "er" | "ers" | "or" | "ors"))
    };
    t.stem == p && !(matches!(cue, Cue::OtherTime | Cue::OtherTimeAfter) && agent())
}

/// The whole year a bare year ("2025", "in 1997") names.
fn year_days(t: &Token) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    if t.kind != TokenKind::Number || t.lower.len() != 4 {
        return None;
    }
    let y = t
        .lower
        .parse::<i32>()
        .ok()
        .filter(|y| (1800..2100).contains(y))?;
    Some((
        chrono::NaiveDate::from_ymd_opt(y, 1, 1)?,
        chrono::NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// The days the first of `dates` that is no weekday names, else the year
/// the token `t` is.
fn period<'d>(mut dates: impl Iterator<Item = &'d DateRef>, t: &Token) -> Option<When> {
    let (first, last) = match dates.find(|d| !matches!(d.value.kind, DateKind::Weekday(_))) {
        Some(d) => (d.value.first, d.value.last),
        None => year_days(t)?,
    };
    Some(When::Days { first, last })
}
