//! Frames: what a claim is about, typed.
//!
//! Every claim carries a [`Frame`], built once from its clause by
//! `normalise::frame`: the *predicate* that governs the value (the verb or
//! event noun: "capsized", "killed", "lasted"), the *theme* (what is counted
//! or measured, or what happened, with the modifiers that narrow it:
//! "workers at the presidential palace"), the *participants* named in the
//! clause, *when* the clause is about (the story's present, a day, or
//! another time: "in 1991", "a year ago"), and the *modality* (a reported
//! fact, a forecast, a plan, a supposition). Roles, names and quotes say
//! *who* the claim is about or who speaks.
//!
//! Comparison aligns claims by their frames (`compare::align`), never by a
//! string parsed back: [`Frame::subject`] renders the one key and label a
//! finding shows and its fingerprint is taken from.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A word of a frame: its base form (stem), the synonym class the rules
/// put it in, and how it reads.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Term {
    /// Synonym class id, when the word is in one (`killed` for "died").
    pub class: Option<String>,
    /// Stem: "capsiz" for "capsized".
    pub stem: String,
    /// As a message shows it: the word as written (lower case), or the
    /// class label.
    pub shown: String,
}

impl Term {
    /// What two terms are compared by: the class, else the stem.
    pub fn key(&self) -> &str {
        self.class.as_deref().unwrap_or(&self.stem)
    }

    /// One meaning: the same class or, outside classes, the same stem.
    pub fn same(&self, other: &Term) -> bool {
        self.key() == other.key()
    }
}

/// What is counted, measured or told of, and the words that narrow it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Theme {
    pub head: Term,
    /// Sorted, without repeats.
    pub modifiers: Vec<Term>,
    /// Not written but implied: the dimension of a bare measure ("958
    /// hPa" is a pressure), the people of a bare state ("21 injured").
    /// An implied theme names the kind of fact, not the fact.
    pub implied: bool,
    /// The figure is written as this noun's value ("a reward of 50
    /// million pesos", "a depth of 40 km"): the noun names the figure
    /// itself, not a thing it is counted among.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub defined: bool,
    /// How a distance stands to the thing named ("below", "short of"):
    /// "450 metres below the entrance" and "2.4 km from the entrance" are
    /// two distances of one entrance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
}

impl Theme {
    pub fn new(head: Term, mut modifiers: Vec<Term>) -> Theme {
        modifiers.retain(|m| !m.same(&head));
        modifiers.sort_by(|a, b| a.key().cmp(b.key()));
        modifiers.dedup_by(|a, b| a.same(b));
        Theme {
            head,
            modifiers,
            implied: false,
            defined: false,
            relation: None,
        }
    }

    /// A theme the text implies without writing it.
    pub fn implied(head: Term) -> Theme {
        Theme {
            implied: true,
            ..Theme::new(head, Vec::new())
        }
    }

    /// This theme, as the noun a figure is written as the value of ("a
    /// reward of", "18 minutes of").
    pub fn defined(self) -> Theme {
        Theme {
            defined: true,
            ..self
        }
    }

    /// Whether the two themes share a modifier ("main explosive phase",
    /// "explosive phase").
    pub fn shares_modifier(&self, other: &Theme) -> bool {
        self.modifiers
            .iter()
            .any(|m| other.modifiers.iter().any(|n| m.same(n)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParticipantKind {
    Person,
    Place,
    Organisation,
    /// A capitalised name the rules do not classify.
    Name,
}

/// A person, place or organisation named in a claim's clause.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Participant {
    /// Entity id from the rules, else the folded name.
    pub key: String,
    /// As shown: "Donald Trump".
    pub name: String,
    pub kind: ParticipantKind,
}

/// When a claim's clause is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum When {
    /// Nothing in the clause moves it from the story's own time.
    Story,
    /// The clause names these days ("on Saturday", "in 1991").
    Days { first: NaiveDate, last: NaiveDate },
    /// The clause is about another, unstated time ("a year ago", "the
    /// previous record", "up from").
    Elsewhere,
}

/// How the clause tells its claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as fact.
    Fact,
    /// A forecast, estimate of the future or warning.
    Forecast,
    /// A plan, schedule, offer or demand.
    Plan,
    /// A supposition ("if", "would have").
    Hypothesis,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Fact => "fact",
            Modality::Forecast => "forecast",
            Modality::Plan => "plan",
            Modality::Hypothesis => "hypothesis",
        }
    }
}

/// What one claim is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    /// What the value measures: `count`, `percent`, a currency (`USD`), a
    /// dimension (`length`, `duration`), `instant` for clock times, `day`
    /// for dates, `office`, `name`, `quote`.
    pub measure: String,
    pub predicate: Option<Term>,
    pub theme: Option<Theme>,
    /// Sorted, without repeats.
    pub participants: Vec<Participant>,
    /// The happening the frame is about, when the rules name it (a synonym
    /// class marked `event`: a call, a launch, a landing), whether written
    /// as the predicate ("lifted off") or the theme ("the launch").
    pub event: Option<String>,
    /// Where a figure is of, when a place is named right with it ("357
    /// killed in El Salvador", "In Honduras, 32 died"): a figure for one
    /// place is not one for another, nor the total.
    pub scope: Option<String>,
    /// The name the predicate's subject is ("Demirel warned …"): who did
    /// it. Two claims whose agents differ are about different doings.
    pub agent: Option<String>,
    pub when: When,
    pub modality: Modality,
    /// Who the claim is about (a role's holder, a name's entity) or who
    /// speaks (a quote).
    pub about: Option<Participant>,
    /// What the value's own reading adds: a rate ("per share"), a
    /// relation ("margin"), a part of a whole. Sorted.
    pub refinements: Vec<String>,
    /// The happening is one of a series ("the second call", "another
    /// blast"): its facts are not the main one's.
    pub series: Option<String>,
    /// The series word picks out one member ("the next decision", not
    /// "another"): `series_one` in rules/words.toml.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub series_one: bool,
    /// The verb of an infinitive after a day or time ("voted Friday to
    /// condemn the pact"): what the doing was for. Two such doings for
    /// different ends are two doings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complement: Option<Term>,
    /// The place a moment's doing went to or was for, named after a
    /// preposition of destination ("left for Libya Saturday", "left Jerba
    /// on Sunday for the United Arab Emirates"): two departures for two
    /// places are two departures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<Participant>,
    /// The content stems of the claim's sentence, sorted and without
    /// repeats: how much two sentences share, for alignment. Not shown in
    /// reports; in `extract`'s lines so that `compare` aligns as `check`.
    pub context: Vec<String>,
    /// What is counted changes as a story unfolds (a toll, the number
    /// rescued): a figure that rises from one report to a later one is an
    /// update, not a contradiction.
    pub changes: bool,
    /// The claim's own sentence tells the figure as a change from another
    /// ("80 mph, down from 100 mph"): a later report giving another figure
    /// than an earlier one is an update, whichever way it went.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub told_change: bool,
    /// What a distance from a thing places ("a chamber 450 metres below
    /// the entrance": the chamber), when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placed: Option<String>,
    /// What is counted may fall as well as rise as a story unfolds (the
    /// missing are found).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub falls: bool,
}

/// The refinement of a day or time right after a verb of saying ("said
/// Thursday"): when something was said, which reports of one story give
/// for different statements; never set against another day.
pub const STATEMENT: &str = "day of a statement";

/// The refinement of a count after a clause of "since" and a happening
/// ("Since the dissidents began organising, police have detained more than
/// two dozen"): a total over the time since, compared only with such totals.
pub const RUNNING_TOTAL: &str = "since a happening";

/// The refinement of a day or time of a doing under way ("were searching
/// Friday", "were still fighting today"): it may go on for days, so two
/// days for it never contradict.
pub const ONGOING: &str = "under way";

/// The refinement of a day told as the start or end of a happening ("the
/// storm, which began Monday"; `phase` in rules/words.toml): set against
/// such days; with a day of the whole it may agree, never contradict.
pub const PHASE: &str = "start or end";

/// The refinement of the figures of a sentence with an absolute clause of
/// a figure ("With 22 percent of the vote counted, Cardoso had 51
/// percent"): told at one moment of a count under way. Reports at other
/// moments give other figures; two never contradict.
pub const CIRCUMSTANCE: &str = "told at a count under way";

impl Frame {
    /// A frame with only a measure, for claims that are about their own
    /// value (names, quotes) until a builder says more.
    pub fn bare(measure: &str) -> Frame {
        Frame {
            measure: measure.to_string(),
            predicate: None,
            theme: None,
            participants: Vec::new(),
            event: None,
            scope: None,
            agent: None,
            when: When::Story,
            modality: Modality::Fact,
            about: None,
            refinements: Vec::new(),
            series: None,
            context: Vec::new(),
            changes: false,
            told_change: false,
            placed: None,
            falls: false,
            series_one: false,
            complement: None,
            destination: None,
        }
    }

    /// The key and label a finding about this frame shows: rendered here
    /// and nowhere else, from the parts that name the fact (measure,
    /// predicate, theme head, who, when, modality, refinements), never
    /// from document names or positions. Modifiers and participants narrow
    /// alignment but are left out, so that one outlet's extra detail does
    /// not change the finding's identity.
    pub fn subject(&self) -> Subject {
        let mut key = vec![self.measure.clone()];
        let mut label = Vec::new();
        if let Some(about) = &self.about {
            key.push(format!("about={}", about.key));
            label.push(about.name.clone());
        }
        if let Some(p) = &self.predicate {
            key.push(format!("pred={}", p.key()));
            label.push(p.shown.clone());
        }
        if let Some(t) = &self.theme {
            match &t.relation {
                Some(r) => {
                    key.push(format!("theme={r} {}", t.head.key()));
                    label.push(format!("{r} {}", t.head.shown));
                }
                None => {
                    key.push(format!("theme={}", t.head.key()));
                    label.push(t.head.shown.clone());
                }
            }
        }
        if let Some(c) = &self.complement {
            key.push(format!("to={}", c.key()));
            label.push(format!("to {}", c.shown));
        }
        if let Some(d) = &self.destination {
            key.push(format!("for={}", d.key));
            label.push(format!("for {}", d.name));
        }
        if let Some(s) = &self.series {
            key.push(format!("series={s}"));
            label.insert(0, s.clone());
        }
        // A phase is its predicate's ("start match"): named there already,
        // so the subject (and the finding's id) stays as it was before
        // phases were told apart.
        for r in self.refinements.iter().filter(|r| *r != PHASE) {
            key.push(format!("ref={r}"));
            label.push(r.clone());
        }
        match &self.when {
            When::Story => {}
            When::Days { first, last } => {
                let d = if first == last {
                    first.format("%Y-%m-%d").to_string()
                } else {
                    format!("{}..{}", first.format("%Y-%m-%d"), last.format("%Y-%m-%d"))
                };
                key.push(format!("when={d}"));
                label.push(format!("on {d}"));
            }
            When::Elsewhere => {
                key.push("when=elsewhere".into());
                label.push("at another time".into());
            }
        }
        if self.modality != Modality::Fact {
            key.push(format!("mod={}", self.modality.as_str()));
            label.push(format!("({})", self.modality.as_str()));
        }
        let what = if label.is_empty() {
            self.measure.clone()
        } else {
            format!("{} ({})", label.join(" "), self.measure)
        };
        Subject::new(key.join("|"), what)
    }
}

/// A finding's subject as shown: a key (stable across documents; what
/// fingerprints are taken from) and a label for editors. Rendered only by
/// [`Frame::subject`] or by a judge naming a group it built itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Subject {
    pub key: String,
    pub label: String,
}

impl Subject {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        Subject {
            key: key.into(),
            label: label.into(),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(stem: &str, class: Option<&str>) -> Term {
        Term {
            class: class.map(str::to_string),
            stem: stem.into(),
            shown: stem.into(),
        }
    }

    #[test]
    fn terms_are_one_by_class_or_stem() {
        assert!(term("die", Some("killed")).same(&term("kill", Some("killed"))));
        assert!(term("capsiz", None).same(&term("capsiz", None)));
        assert!(!term("worker", None).same(&term("member", None)));
    }

    #[test]
    fn the_subject_leaves_out_detail_that_only_narrows() {
        let mut a = Frame::bare("count");
        a.predicate = Some(term("kill", Some("killed")));
        a.theme = Some(Theme::new(term("person", Some("person")), vec![]));
        let mut b = a.clone();
        b.theme = Some(Theme::new(
            term("person", Some("person")),
            vec![term("palac", None)],
        ));
        b.participants.push(Participant {
            key: "goteborg".into(),
            name: "Goteborg".into(),
            kind: ParticipantKind::Place,
        });
        assert_eq!(a.subject(), b.subject());
        assert_eq!(a.subject().key, "count|pred=killed|theme=person");
        b.modality = Modality::Forecast;
        assert_ne!(a.subject(), b.subject());
    }
}
