//! Stage 3, normalise: from raw mentions to comparable claims.
//!
//! Takes one document's [`Mentions`] and resolves them against the document's
//! own context and the rules: names to canonical entities, dates against the
//! publication day, events to their date, clock times to UTC through the IANA
//! zone they name (or the document's own zone for "local time"), numbers to
//! values with units and tolerances, roles and quotes to the people they are
//! about. Hands on [`DocClaims`]: normalised claims, each with the subject
//! comparison groups on, and the mentions that could not be resolved.
//!
//! The order matters and is fixed in [`normalise`]: entities and dates first,
//! because events, times, roles, quantities and quotes hang off them.

pub mod date;
pub mod event;
pub mod name;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod time;

use chrono::NaiveDate;

use crate::claim::{DocClaims, Span};
use crate::extract::Mentions;
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

/// An event mention (a call, a quake, a landing) with the date it is about,
/// when the document says or implies one.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRef {
    /// Event kind id from `rules/events.toml`: `call`, `earthquake`, …
    pub kind: String,
    /// How the kind reads in a subject: "phone call".
    pub label: String,
    /// The local calendar day the event is told to happen on.
    pub date: Option<NaiveDate>,
    /// The trigger word's span.
    pub span: Span,
}

impl EventRef {
    /// The comparison subject of facts about this event: kind and day, so the
    /// 12 February call and the 18 March call are kept apart.
    pub fn subject(&self) -> crate::claim::Subject {
        match self.date {
            Some(d) => crate::claim::Subject::new(
                format!("{}@{}", self.kind, d.format("%Y-%m-%d")),
                format!("{} on {}", self.label, d.format("%Y-%m-%d")),
            ),
            None => crate::claim::Subject::new(
                format!("{}@undated", self.kind),
                format!("{} (date not given)", self.label),
            ),
        }
    }
}

/// A date mention resolved to a day or a range of days.
#[derive(Clone, Debug, PartialEq)]
pub struct DateRef {
    pub value: crate::claim::date::DateValue,
    pub span: Span,
}

/// What the normalisers of one document share: the document, the rules, the
/// raw mentions, and the layers resolved so far (entities, dates, events).
pub struct Context<'a> {
    pub doc: &'a Document,
    pub rules: &'a Rules,
    pub mentions: &'a Mentions,
    /// Entity mentions in text order.
    pub entities: Vec<EntityRef>,
    /// Date mentions in text order.
    pub dates: Vec<DateRef>,
    /// Event mentions in text order.
    pub events: Vec<EventRef>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, rules: &'a Rules, mentions: &'a Mentions) -> Self {
        Context {
            doc,
            rules,
            mentions,
            entities: Vec::new(),
            dates: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The exact source text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        &self.doc.text[span.start..span.end]
    }

    /// Index of the sentence holding `offset` (the last one starting at or
    /// before it).
    pub fn sentence_index(&self, offset: usize) -> usize {
        self.mentions
            .sentences
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1)
    }

    /// The sentence holding `offset`, or the whole text if there is none.
    pub fn sentence(&self, offset: usize) -> Span {
        self.mentions
            .sentences
            .get(self.sentence_index(offset))
            .copied()
            .unwrap_or(Span::new(0, self.doc.text.len()))
    }

    /// The event a fact at `span` is about: the nearest event mention in the
    /// same sentence (one before the span wins a tie), else the last one in
    /// the sentence before.
    pub fn event_for(&self, span: Span) -> Option<&EventRef> {
        let sentence = self.sentence(span.start);
        let in_sentence = self
            .events
            .iter()
            .filter(|e| e.span.start >= sentence.start && e.span.end <= sentence.end);
        let nearest = in_sentence.min_by_key(|e| {
            if e.span.end <= span.start {
                (span.start - e.span.end) * 2
            } else {
                e.span.start.saturating_sub(span.end) * 2 + 1
            }
        });
        nearest.or_else(|| {
            let i = self.sentence_index(span.start);
            let prev = self.mentions.sentences.get(i.checked_sub(1)?)?;
            self.events
                .iter()
                .rev()
                .find(|e| e.span.start >= prev.start && e.span.end <= prev.end)
        })
    }

    /// Entity mentions of people inside the sentence holding `offset`.
    pub fn people_in_sentence(&self, offset: usize) -> impl Iterator<Item = &EntityRef> {
        let sentence = self.sentence(offset);
        self.entities.iter().filter(move |e| {
            e.kind == EntityKind::Person
                && e.span.start >= sentence.start
                && e.span.end <= sentence.end
        })
    }

    /// The last person named before `offset` (for pronouns and "he said").
    pub fn person_before(&self, offset: usize) -> Option<&EntityRef> {
        self.entities
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
pub fn normalise(doc: &Document, rules: &Rules, mentions: &Mentions) -> DocClaims {
    let mut ctx = Context::new(doc, rules, mentions);
    ctx.entities = name::resolve(&ctx);
    ctx.dates = date::resolve(&ctx);
    ctx.events = event::resolve(&ctx);

    let mut out = DocClaims::default();
    for part in [
        name::claims(&ctx),
        role::claims(&ctx),
        date::claims(&ctx),
        time::claims(&ctx),
        quantity::claims(&ctx),
        quote::claims(&ctx),
    ] {
        out.claims.extend(part.claims);
        out.unresolved.extend(part.unresolved);
    }
    out.claims
        .sort_by(|a, b| a.anchor.cmp(&b.anchor).then(a.category.cmp(&b.category)));
    out.unresolved.sort_by_key(|u| u.anchor);
    out
}
