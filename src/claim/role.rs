//! Role values: an office, who holds it, and whether the text says it is
//! held, was held or is about to be; with the terms the rules know.

use serde::{Deserialize, Serialize};
use std::fmt;

use chrono::NaiveDate;

/// Whether two offices are one: equal, or one the unqualified form of the
/// other ("Secretary of State" for a person the rules do not know, and
/// "Secretary of State of the United States" in another document; "Mayor"
/// and "Mayor of Pescara"), or qualified by names one of which holds every
/// word of the other ("Chief Executive of Tessaly" and "Chief Executive of
/// Tessaly Robotics", "President of Parish" and "President of Terrebonne
/// Parish").
pub fn same_office(a: &str, b: &str) -> bool {
    let of = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(" of "))
    };
    if a == b || of(a, b) || of(b, a) {
        return true;
    }
    let (Some((head_a, qa)), Some((head_b, qb))) = (a.rsplit_once(" of "), b.rsplit_once(" of "))
    else {
        return false;
    };
    let words = |q: &str| -> Vec<String> {
        let q = q.strip_prefix("the ").unwrap_or(q);
        q.split_whitespace().map(str::to_lowercase).collect()
    };
    let (wa, wb) = (words(qa), words(qb));
    let within = |long: &[String], short: &[String]| {
        !short.is_empty() && short.iter().all(|w| long.contains(w))
    };
    head_a == head_b && (within(&wa, &wb) || within(&wb, &wa))
}

/// What the marker before a title says about the office at the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tense {
    Current,
    Acting,
    Outgoing,
    Former,
    Elect,
}

impl Tense {
    /// Whether the person holds the office at the time.
    pub fn holds(self) -> bool {
        matches!(self, Tense::Current | Tense::Acting | Tense::Outgoing)
    }
}

/// A normalised role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleValue {
    pub tense: Tense,
    /// Canonical office: "President of the United States".
    pub office: String,
    /// How a message says it: "US president".
    pub short: String,
    /// Canonical name of the person.
    pub person: String,
    /// "he" / "she", when the rules know.
    pub pronoun: Option<String>,
    /// The day the role is told of, when known.
    pub date: Option<NaiveDate>,
    /// The person's terms of this office in rules/entities.toml.
    pub terms: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// The year the office was taken, when the text says ("who became
    /// chancellor in 2025").
    pub since: Option<i32>,
    /// An office one person holds at a time: a government portfolio read
    /// by its shape ("Emergency Services Minister"), or a post qualified
    /// by its organisation or place ("Chief Executive of Tessaly
    /// Robotics").
    pub portfolio: bool,
    /// A military or police rank: a person holds one at a time.
    pub rank: bool,
    /// For a rank, the ranks it is written as for short ("General" for
    /// "Lieutenant General"): the same rank, not another.
    pub rank_also: Vec<String>,
    /// The text tells that the person left an office ("who resigned last
    /// night"): a later "former" is the news, not a contradiction.
    pub told_left: bool,
    /// The text tells that the person took an office or rank ("was sworn
    /// in", "was promoted").
    pub told_took: bool,
    /// For a deputy's office ("Deputy Fire Chief"), the office it is
    /// second to ("Fire Chief"): one person does not hold both at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy_of: Option<String>,
    /// For a post of a group held one at a time (rules/titles.toml
    /// `one_of`), the group and the organisation the text names, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<OneOf>,
}

/// A post's group of posts held one at a time, and its organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOf {
    pub group: String,
    /// "Boreal" in "Boreal's chief operating officer"; none when the text
    /// names no organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

impl fmt::Display for RoleValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.tense {
            Tense::Current if self.since.is_some() => {
                write!(f, "{}", self.office)?;
                self.since.map_or(Ok(()), |y| write!(f, " (since {y})"))
            }
            Tense::Current => write!(f, "{}", self.office),
            Tense::Acting => write!(f, "acting {}", self.office),
            Tense::Outgoing => write!(f, "outgoing {}", self.office),
            Tense::Former => write!(f, "former {}", self.office),
            Tense::Elect => write!(f, "{} (elect)", self.office),
        }
    }
}

impl RoleValue {
    /// Roles in different offices never contradict each other (a former
    /// prime minister may be president). In one office, holding it
    /// ("President", "acting", "outgoing") contradicts not holding it
    /// ("former", "-elect").
    pub fn compatible(&self, other: &Self) -> bool {
        // One rank at a time: two ranks held at once must be one, or one
        // the short form of the other ("Admiral" for a rear admiral).
        if self.rank && other.rank && self.tense.holds() && other.tense.holds() {
            return self.office == other.office
                || self.rank_also.contains(&other.office)
                || other.rank_also.contains(&self.office);
        }
        // "Deputy Fire Chief" and "Fire Chief" of one person: second to
        // the holder and the holder, at once, cannot both be.
        let deputy_of = |a: &Self, b: &Self| {
            a.deputy_of
                .as_deref()
                .is_some_and(|d| b.deputy_of.is_none() && same_office(d, &b.office))
        };
        if deputy_of(self, other) || deputy_of(other, self) {
            return !(self.tense.holds() && other.tense.holds());
        }
        // Two posts of one group ("chief executive", "chief operating
        // officer") held at once in one organisation, or with one of them
        // not named: one person holds one of them at a time.
        if let (Some(a), Some(b)) = (&self.one_of, &other.one_of)
            && a.group == b.group
            && self.tense.holds()
            && other.tense.holds()
            && !same_office(&self.office, &other.office)
        {
            let one_organisation = match (&a.organisation, &b.organisation) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            return !one_organisation;
        }
        if !same_office(&self.office, &other.office) {
            return true;
        }
        let since_agrees = match (self.since, other.since) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        self.tense.holds() == other.tense.holds() && since_agrees
    }

    /// "a former US president", "the US president", "the acting …"; of a
    /// rank "a rear admiral".
    pub fn phrase(&self) -> String {
        if self.rank {
            let a = |w: &str| {
                if w.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
                    "an"
                } else {
                    "a"
                }
            };
            return match self.tense {
                Tense::Former => format!("a former {}", self.short),
                Tense::Acting => format!("an acting {}", self.short),
                _ => format!("{} {}", a(&self.short), self.short),
            };
        }
        match self.tense {
            Tense::Current => match self.since {
                Some(y) => format!("the {} since {y}", self.short),
                None => format!("the {}", self.short),
            },
            Tense::Acting => format!("the acting {}", self.short),
            Tense::Outgoing => format!("the outgoing {}", self.short),
            Tense::Former => format!("a former {}", self.short),
            Tense::Elect => format!("the {}-elect", self.short),
        }
    }

    /// What rules/entities.toml says of this office on `day`: whether the
    /// person held it, or `None` when the rules list no term of it.
    pub fn rules_hold(&self, day: NaiveDate) -> Option<bool> {
        if self.terms.is_empty() {
            return None;
        }
        Some(
            self.terms
                .iter()
                .any(|&(from, to)| from <= day && to.is_none_or(|to| day < to)),
        )
    }

    /// The value the rules give on `day`, as `(display, phrase, why)`, when
    /// it contradicts this one.
    pub fn rules_contradiction(&self, day: NaiveDate) -> Option<(String, String, String)> {
        if let Some(found) = self.since_contradiction(day) {
            return Some(found);
        }
        let held = self.rules_hold(day)?;
        // On a hand-over day both the old and the new holder are right,
        // depending on the hour: the rules do not judge those days.
        let handover = self
            .terms
            .iter()
            .any(|&(from, to)| from == day || to == Some(day));
        if held == self.tense.holds() || handover {
            return None;
        }
        let fmt = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        if held {
            let from = self
                .terms
                .iter()
                .filter(|&&(from, _)| from <= day)
                .map(|&(from, _)| from)
                .max()?;
            Some((
                self.office.clone(),
                format!("the {}", self.short),
                format!("in office from {}", fmt(from)),
            ))
        } else {
            // Only an office already left is judged. Said to hold one the
            // rules have them take only later: far more often the rules
            // lack an earlier term than the text is wrong.
            self.terms
                .iter()
                .filter_map(|&(_, to)| to)
                .filter(|&to| to <= day)
                .max()
                .map(|to| {
                    (
                        format!("former {}", self.office),
                        format!("a former {}", self.short),
                        format!("out of office since {}", fmt(to)),
                    )
                })
        }
    }
}

impl RoleValue {
    /// "who became chancellor in 2024" when the rules' term that runs on
    /// `day` (or the last one before it) began in another year.
    fn since_contradiction(&self, day: NaiveDate) -> Option<(String, String, String)> {
        let year = self.since?;
        let term = self
            .terms
            .iter()
            .filter(|(from, _)| *from <= day)
            .max_by_key(|(from, _)| *from)?;
        let actual = chrono::Datelike::year(&term.0);
        (actual != year).then(|| {
            (
                format!("{} (since {actual})", self.office),
                format!("the {} since {actual}", self.short),
                format!("in office from {}", term.0.format("%Y-%m-%d")),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(tense: Tense, office: &str, rank: bool, also: &[&str]) -> RoleValue {
        RoleValue {
            tense,
            office: office.into(),
            short: office.to_lowercase(),
            person: "Ana Cruz".into(),
            pronoun: None,
            date: None,
            terms: Vec::new(),
            since: None,
            portfolio: false,
            rank,
            rank_also: also.iter().map(|a| a.to_string()).collect(),
            told_left: false,
            told_took: false,
            deputy_of: None,
            one_of: None,
        }
    }

    #[test]
    fn offices_qualified_alike_are_one() {
        assert!(same_office("Mayor", "Mayor of Pescara"));
        assert!(same_office(
            "Chief Executive of Tessaly",
            "Chief Executive of Tessaly Robotics"
        ));
        assert!(same_office(
            "President of Parish",
            "President of Terrebonne Parish"
        ));
        assert!(same_office(
            "Secretary of State",
            "Secretary of State of the United States"
        ));
        assert!(!same_office(
            "Chief Executive of SHB",
            "Chief Executive of Kallang Mercantile"
        ));
        assert!(!same_office("Secretary of State", "Secretary of Defense"));
        assert!(!same_office(
            "Chair of Kallang Mercantile",
            "Chief Executive of Kallang Mercantile"
        ));
    }

    #[test]
    fn one_rank_at_a_time() {
        let rear = role(Tense::Current, "Rear Admiral", true, &["Admiral"]);
        let commodore = role(Tense::Current, "Commodore", true, &[]);
        let admiral = role(Tense::Current, "Admiral", true, &[]);
        assert!(!rear.compatible(&commodore));
        assert!(
            rear.compatible(&admiral),
            "a rear admiral is written Admiral for short"
        );
        assert!(admiral.compatible(&rear));
        // A former rank is no rank held.
        let former = role(Tense::Former, "Commodore", true, &[]);
        assert!(rear.compatible(&former));
        // A rank and an office are held together.
        let post = role(Tense::Current, "Chief Executive", false, &[]);
        assert!(rear.compatible(&post));
    }

    #[test]
    fn a_former_head_is_not_the_head() {
        let ceo = role(Tense::Current, "Chief Executive", false, &[]);
        let former = role(
            Tense::Former,
            "Chief Executive of Tessaly Robotics",
            false,
            &[],
        );
        assert!(!ceo.compatible(&former));
        let chair = role(Tense::Current, "Chair", false, &[]);
        assert!(
            chair.compatible(&former),
            "a former chief executive may chair"
        );
        assert_eq!(
            former.phrase(),
            "a former chief executive of tessaly robotics"
        );
        assert_eq!(
            role(Tense::Current, "Ensign", true, &[]).phrase(),
            "an ensign"
        );
    }
}
