//! Claims: what the extract and normalise stages hand to comparison.
//!
//! A [`Claim`] is one statement found in one document (a time, a date, a
//! quantity, a role, a name, a quote), already normalised: it carries the
//! exact byte span of its source text, a typed [`Frame`] saying what it is
//! about (what comparison aligns claims by) and a [`Value`] that can be
//! shown to an editor and compared with other values of the same category.
//! Comparison never looks at document text again; everything it needs is
//! here. This module is the bottom of the house: it imports no other stage.

use std::fmt;

use serde::{Deserialize, Serialize};

pub mod date;
mod float;
pub mod frame;
pub mod name;
pub mod quantity;
pub mod quote;
pub mod role;
pub mod time;

pub use date::DateValue;
pub use frame::{Frame, Subject};
pub use name::NameValue;
pub use quantity::QuantityValue;
pub use quote::QuoteValue;
pub use role::RoleValue;
pub use time::TimeValue;

/// The kind of statement a claim makes. The JSON report spells these in
/// lower case (`time`, `date`, …), as fixed in CONTRACT.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Time,
    Date,
    Duration,
    Quantity,
    Role,
    Name,
    Quote,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Time,
        Category::Date,
        Category::Duration,
        Category::Quantity,
        Category::Role,
        Category::Name,
        Category::Quote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Time => "time",
            Category::Date => "date",
            Category::Duration => "duration",
            Category::Quantity => "quantity",
            Category::Role => "role",
            Category::Name => "name",
            Category::Quote => "quote",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A normalised value. One variant per category; each value type lives in
/// its own module here together with its display form and its
/// compatibility test.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Time(TimeValue),
    Date(DateValue),
    /// Durations are quantities whose unit is a time unit.
    Duration(QuantityValue),
    Quantity(QuantityValue),
    Role(RoleValue),
    Name(NameValue),
    Quote(QuoteValue),
}

impl Value {
    /// The normalised value as an editor reads it, and as it enters the
    /// finding fingerprint. Two claims with equal display strings are the
    /// same value.
    pub fn display(&self) -> String {
        match self {
            Value::Time(v) => v.to_string(),
            Value::Date(v) => v.to_string(),
            Value::Duration(v) | Value::Quantity(v) => v.to_string(),
            Value::Role(v) => v.to_string(),
            Value::Name(v) => v.to_string(),
            Value::Quote(v) => v.to_string(),
        }
    }

    /// Whether both values can be true of the same subject at once
    /// ("13:00–15:00 UTC" and "14:00 UTC"; "about 12,000" and "12,400").
    /// Values of different categories are never compatible.
    pub fn compatible(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Time(a), Value::Time(b)) => a.compatible(b),
            (Value::Date(a), Value::Date(b)) => a.compatible(b),
            (Value::Duration(a), Value::Duration(b)) | (Value::Quantity(a), Value::Quantity(b)) => {
                a.compatible(b)
            }
            (Value::Role(a), Value::Role(b)) => a.compatible(b),
            (Value::Name(a), Value::Name(b)) => a.compatible(b),
            (Value::Quote(a), Value::Quote(b)) => a.compatible(b),
            _ => false,
        }
    }
}

/// Byte range of a claim's exact source text inside its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
}

/// Spans sorted once, each with the furthest end reached by it and those
/// before it, so that whether a span overlaps any of them is one binary
/// search rather than a scan (a long document has many names and titles).
pub struct SpanSet {
    spans: Vec<Span>,
    /// Where each sorted span stood in the order it was given.
    given: Vec<usize>,
    reach: Vec<usize>,
}

impl SpanSet {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut order: Vec<(Span, usize)> = spans.into_iter().zip(0..).collect();
        order.sort();
        let reach = order
            .iter()
            .scan(0, |far, (s, _)| {
                *far = (*far).max(s.end);
                Some(*far)
            })
            .collect();
        let (spans, given) = order.into_iter().unzip();
        SpanSet {
            spans,
            given,
            reach,
        }
    }

    /// Whether `s` shares a byte with any of the spans.
    pub fn overlaps(&self, s: Span) -> bool {
        let before = self.spans.partition_point(|a| a.start < s.end);
        before > 0 && self.reach[before - 1] > s.start
    }

    /// The positions, in the order the spans were given, of those sharing a
    /// byte with `s`: walked back from the last one starting before `s`
    /// ends, until no earlier span reaches `s`.
    pub fn overlapping(&self, s: Span) -> impl Iterator<Item = usize> + '_ {
        let before = self.spans.partition_point(|a| a.start < s.end);
        (0..before)
            .rev()
            .take_while(move |&i| self.reach[i] > s.start)
            .filter(move |&i| self.spans[i].end > s.start)
            .map(|i| self.given[i])
    }
}

/// Where a claim stands: its document (index into the bundle's document
/// list) and its span there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Anchor {
    pub doc: usize,
    pub span: Span,
}

/// One normalised statement from one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub anchor: Anchor,
    pub category: Category,
    /// What the claim is about.
    pub frame: Frame,
    pub value: Value,
}

/// A statement the normaliser recognised but could not pin down: "local
/// time" in a document with no zone, "yesterday" with no publication date,
/// an ambiguous "IST". Reported as `unresolved`, never guessed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unresolved {
    pub anchor: Anchor,
    pub category: Category,
    pub frame: Frame,
    /// Why it could not be normalised, in words an editor understands.
    pub reason: String,
}

/// A figure or time that was read but makes no claim, with why ("a part
/// of a count", "about nothing the sentence names"): what
/// `--explain-skipped` lists, so no reading is dropped without a word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    pub anchor: Anchor,
    pub category: Category,
    pub reason: String,
}

/// Everything one document yields.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DocClaims {
    pub claims: Vec<Claim>,
    pub unresolved: Vec<Unresolved>,
    /// Figures and times read that make no claim.
    pub skipped: Vec<Skipped>,
    /// The document's sentence spans, in text order: which sentence a
    /// claim is in, for alignment.
    pub sentences: Vec<Span>,
}

#[cfg(test)]
mod tests {
    use super::{Span, SpanSet};

    fn set() -> SpanSet {
        // Given out of order, one span holding two others.
        SpanSet::new([
            Span::new(40, 50),
            Span::new(0, 100),
            Span::new(10, 20),
            Span::new(60, 70),
        ])
    }

    #[test]
    fn a_span_inside_a_long_one_overlaps_it() {
        let mut got: Vec<usize> = set().overlapping(Span::new(25, 30)).collect();
        got.sort();
        assert_eq!(got, vec![1]);
        assert!(set().overlaps(Span::new(25, 30)));
    }

    #[test]
    fn overlapping_names_each_span_in_the_order_given() {
        let mut got: Vec<usize> = set().overlapping(Span::new(15, 65)).collect();
        got.sort();
        assert_eq!(got, vec![0, 1, 2, 3]);
        let mut got: Vec<usize> = set().overlapping(Span::new(45, 55)).collect();
        got.sort();
        assert_eq!(got, vec![0, 1]);
    }

    #[test]
    fn touching_is_not_overlapping() {
        let set = SpanSet::new([Span::new(10, 20), Span::new(30, 40)]);
        assert!(!set.overlaps(Span::new(20, 30)));
        assert_eq!(set.overlapping(Span::new(20, 30)).count(), 0);
        assert_eq!(set.overlapping(Span::new(0, 10)).count(), 0);
        assert_eq!(set.overlapping(Span::new(19, 31)).count(), 2);
    }
}
