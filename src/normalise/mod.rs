//! Stage 3, normalise: from raw mentions to comparable claims.
//!
//! Takes one document's [`Mentions`] and resolves them against the document's
//! own context and the rules: names to canonical entities, dates against the
//! publication day, clock times to UTC through the IANA
//! zone they name (or the document's own zone for "local time"), numbers to
//! values with units and tolerances, roles and quotes to the people they are
//! about. Hands on [`DocClaims`]: normalised claims, each with the subject
//! comparison groups on, and the mentions that could not be resolved.
//!
//! Every claim gets a frame (see [`frame`]): what it is about, read from its
//! clause in the text index. The order matters and is fixed in
//! [`normalise`]: entities and dates first, because frames name them; then
//! the date claims, because times take their day from the dates the
//! document gives their happening (see [`when`]).

pub mod date;
pub mod frame;
pub mod name;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod time;
pub mod when;

use chrono::NaiveDate;

use crate::claim::{DocClaims, Span};
use crate::extract::Mentions;
use crate::extract::time::TimeMention;
use crate::index::TextIndex;
use crate::load::Document;
use crate::rules::Rules;

/// A mention of a known (or consistently named) person or place.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRef {
    /// Canonical id from `rules/entities.toml` (`donald-trump`), or a key
    /// derived from the name for people the rules do not know.
    pub id: String,
    /// Canonical name: "Donald Trump".
    pub name: String,
    pub kind: EntityKind,
    /// Where it is named in this document.
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
}

/// A date mention resolved to a day or a range of days.
#[derive(Clone, Debug, PartialEq)]
pub struct DateRef {
    pub value: crate::claim::date::DateValue,
    pub span: Span,
}

/// What the normalisers of one document share: the document, the rules,
/// the text index, the raw mentions, and the layers resolved so far
/// (entities, dates).
pub struct Context<'a> {
    /// The document, its text flattened like the index's.
    pub doc: &'a Document,
    pub rules: &'a Rules,
    pub index: &'a TextIndex,
    pub mentions: &'a Mentions,
    /// Entity mentions in text order (set with `set_entities`).
    pub entities: Vec<EntityRef>,
    /// For each entity, the furthest end of it and those before it: an
    /// overlap query is a binary search, not a scan of every name.
    entity_reach: Vec<usize>,
    /// Date mentions in text order.
    pub dates: Vec<DateRef>,
    /// Every time and date mention's span, sorted: for asking, in
    /// logarithmic time, whether a word is part of one.
    pub value_spans: Vec<Span>,
    /// The words the document writes in lower case somewhere: a
    /// capitalised one of them opening a sentence ("Pilots circled") is a
    /// common noun, not a name.
    pub lower_words: std::collections::HashSet<&'a str>,
    /// The words (lower-cased) the document capitalises somewhere other
    /// than at the start of a sentence: names, not words capitalised only
    /// because they open one.
    pub inner_capitals: std::collections::HashSet<&'a str>,
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document,
        rules: &'a Rules,
        index: &'a TextIndex,
        mentions: &'a Mentions,
    ) -> Self {
        Context {
            doc,
            rules,
            index,
            mentions,
            entities: Vec::new(),
            entity_reach: Vec::new(),
            dates: Vec::new(),
            value_spans: {
                let mut spans: Vec<Span> = mentions
                    .times
                    .iter()
                    .map(|t| t.span)
                    .chain(mentions.dates.iter().map(|d| d.span))
                    .collect();
                spans.sort();
                spans
            },
            lower_words: index
                .tokens
                .iter()
                .filter(|t| t.is_word() && !t.capitalised)
                .map(|t| t.lower.as_str())
                .collect(),
            inner_capitals: index
                .sentences
                .iter()
                .flat_map(|s| {
                    let words = &index.tokens[index.tokens_in(*s)];
                    words.iter().filter(|t| t.is_word()).skip(1)
                })
                .filter(|t| t.capitalised)
                .map(|t| t.lower.as_str())
                .collect(),
        }
    }

    /// Whether `span` overlaps a time or date mention. Mentions are short,
    /// so only those starting within reach of `span` are looked at.
    pub fn inside_time_or_date(&self, span: Span) -> bool {
        const REACH: usize = 256;
        let to = self.value_spans.partition_point(|s| s.start < span.end);
        self.value_spans[..to]
            .iter()
            .rev()
            .take_while(|s| s.start + REACH > span.start)
            .any(|s| span.start < s.end)
    }

    /// The time mentions that start inside `span`, in text order (they
    /// are sorted by start): a binary search, not a scan of the document.
    pub fn times_in(&self, span: Span) -> &'a [TimeMention] {
        let times = &self.mentions.times;
        let from = times.partition_point(|t| t.span.start < span.start);
        let to = times.partition_point(|t| t.span.start < span.end);
        &times[from..to.max(from)]
    }

    /// The resolved dates wholly inside `span`, in text order (they are
    /// sorted by start): a binary search and a walk over the span.
    pub fn dates_within(&self, span: Span) -> impl Iterator<Item = &DateRef> {
        let first = self.dates.partition_point(|d| d.span.start < span.start);
        self.dates[first..]
            .iter()
            .take_while(move |d| d.span.start < span.end)
            .filter(move |d| d.span.end <= span.end)
    }

    /// Whether `span` lies inside a date mention ("Friday, 14 March").
    /// Mentions are short, so only those starting within reach are seen.
    pub fn inside_date(&self, span: Span) -> bool {
        const REACH: usize = 256;
        let dates = &self.mentions.dates;
        let to = dates.partition_point(|d| d.span.start <= span.start);
        dates[..to]
            .iter()
            .rev()
            .take_while(|d| d.span.start + REACH > span.start)
            .any(|d| span.end <= d.span.end)
    }

    /// The bytes of the clause holding `span` (see `TextIndex::clause`), or
    /// `span` itself where no clause is found.
    pub fn clause_span(&self, span: Span) -> Span {
        let clause = self.index.clause(self.index.tokens_in(span));
        match (
            self.index.tokens.get(clause.start),
            clause
                .end
                .checked_sub(1)
                .and_then(|e| self.index.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if clause.start < clause.end => Span::new(a.span.start, b.span.end),
            _ => span,
        }
    }

    /// The exact source text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        &self.doc.text[span.start..span.end]
    }

    /// Index of the sentence holding `offset`.
    pub fn sentence_index(&self, offset: usize) -> usize {
        self.index.sentence_index(offset)
    }

    /// The sentence holding `offset`, or the whole text if there is none.
    pub fn sentence(&self, offset: usize) -> Span {
        self.index.sentence(offset)
    }

    /// Entity mentions of people inside the sentence holding `offset`.
    pub fn people_in_sentence(&self, offset: usize) -> impl Iterator<Item = &EntityRef> {
        self.entities_within(self.sentence(offset))
            .filter(|e| e.kind == EntityKind::Person)
    }

    /// The entities wholly inside `span`, in text order. Entities are
    /// sorted by where they start, so this is a binary search and a walk
    /// over the span, not a scan of every name in the document (which
    /// made a long document quadratic).
    pub fn entities_within(&self, span: Span) -> impl Iterator<Item = &EntityRef> {
        let first = self.entities.partition_point(|e| e.span.start < span.start);
        self.entities[first..]
            .iter()
            .take_while(move |e| e.span.start < span.end)
            .filter(move |e| e.span.end <= span.end)
    }

    /// Sets the document's entity mentions, sorted by where they start.
    pub fn set_entities(&mut self, mut entities: Vec<EntityRef>) {
        entities.sort_by_key(|e| (e.span.start, e.span.end));
        self.entity_reach = entities
            .iter()
            .scan(0, |far, e| {
                *far = (*far).max(e.span.end);
                Some(*far)
            })
            .collect();
        self.entities = entities;
    }

    /// The entities that share a byte with `span`, in text order: a binary
    /// search each side, then a walk over the names near it.
    pub fn entities_overlapping(&self, span: Span) -> impl Iterator<Item = &EntityRef> {
        let upto = self.entities.partition_point(|e| e.span.start < span.end);
        let from = self.entity_reach[..upto].partition_point(|&r| r <= span.start);
        self.entities[from..upto]
            .iter()
            .filter(move |e| e.span.end > span.start)
    }

    /// The last person named before `offset` (for pronouns and "he said").
    pub fn person_before(&self, offset: usize) -> Option<&EntityRef> {
        let upto = self.entities.partition_point(|e| e.span.start < offset);
        self.entities[..upto]
            .iter()
            .rev()
            .find(|e| e.kind == EntityKind::Person && e.span.end <= offset)
    }

    /// The day "today" means in this document: its publication day.
    pub fn today(&self) -> Option<NaiveDate> {
        self.doc.published.map(|p| p.date)
    }
}

/// Normalises one document's mentions into claims.
pub fn normalise(
    doc: &Document,
    rules: &Rules,
    index: &TextIndex,
    mentions: &Mentions,
) -> DocClaims {
    let mut ctx = Context::new(doc, rules, index, mentions);
    let names = name::analyse(&ctx);
    let entities = name::resolve(&ctx, &names);
    ctx.set_entities(entities);
    ctx.dates = date::resolve(&ctx);

    let mut out = DocClaims::default();
    let dates = date::claims(&ctx);
    let days = when::Days::new(&ctx, &dates.claims);
    for part in [
        name::claims(&ctx, &names),
        role::claims(&ctx),
        dates,
        time::claims(&ctx, &days),
        quantity::claims(&ctx),
        quote::claims(&ctx),
    ] {
        out.claims.extend(part.claims);
        out.unresolved.extend(part.unresolved);
        out.skipped.extend(part.skipped);
    }
    out.claims
        .sort_by(|a, b| a.anchor.cmp(&b.anchor).then(a.category.cmp(&b.category)));
    out.unresolved.sort_by_key(|u| u.anchor);
    out.skipped.sort_by_key(|s| s.anchor);
    out.sentences = index.sentences.clone();
    out
}
