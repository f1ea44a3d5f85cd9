//! The role judge: does every document give a person the same standing in
//! an office on the day the story is about, and do the rules agree?
//!
//! A group holds every role claim about one person (the frame's `about`).
//! Claims are split into windows of days they are told of (two weeks: one
//! story is published over several days, offices change rarely).
//! Documents that give no day at all (no publication date, no date in the
//! clause) are still compared: a bundle is one story, so an undated claim
//! joins the window most claims of the group fall in. Only claims told of
//! times far apart ("former President Trump" in 2023, "President Trump" in
//! 2025) are kept apart. A disagreement inside a window that the rules
//! explain (each claim right on its own day, across a hand-over) is none;
//! nor is one that a document says is a change ("former president Kenji
//! Aramaki, who resigned late on Monday", a day after "Its president,
//! Kenji Aramaki"): see [`documents_disagree`].
//!
//! Within a window, values are clustered by compatibility ("former US
//! president" against "US president", or "former chief executive" against
//! "Tessaly Robotics CEO", is a conflict; "outgoing" or "acting" against
//! the plain office is not; a former chief executive may chair; two ranks
//! held at once, "Rear Admiral" and "Commodore", are a conflict unless one
//! is the other's short form). A conflict needs two documents that
//! disagree: one article calling someone chief executive and former chief
//! executive most often means two companies. Each claim is also checked
//! against the person's terms of office in rules/entities.toml on that day:
//! "former President" for Donald Trump on 2025-03-18 contradicts his term
//! from 2025-01-20, even if only one document says it. Both kinds make one
//! conflict per person and day, whose values are every value given plus,
//! when no document gives it, the value the rules give (with no evidence).
//! One office several documents give alike is an agreement.
//!
//! [`portfolio_holders`] finds the person given an office one person holds
//! at a time (a portfolio, or a post qualified by its organisation or
//! place) that the bundle gives someone else, while calling them something
//! else elsewhere.

use chrono::NaiveDate;

use super::{
    Bundle, Cluster, Comparison, Finding, FindingValue, Group, Kind, Severity, agreement, cluster,
    list_docs, value_groups,
};
use crate::claim::role::{RoleValue, Tense, same_office};
use crate::claim::{Claim, Subject, Value};

/// One person given a portfolio another person holds, while the first is
/// also given another office: "Premier Daniel Okafor" (000) and "Emergency
/// Services Minister Jodie Barrett" (000) against "Emergency Services
/// Minister Daniel Okafor" (003). A portfolio is held by one person at a
/// time, so the bundle itself says who holds it, and the person called
/// something else elsewhere is the one misnamed. Only plain present-tense
/// claims count for the misnamed person ("acting" minister is often
/// someone covering), within one window of days; the other holder's claim
/// supports the finding but is not cited, since it is right. A person
/// given two offices and no one else holding either is left alone: one
/// person may hold two posts. The same holds of a post qualified by its
/// organisation or place ("Chair of Kallang Mercantile"). A person found so
/// has no agreement on their offices: `agreements` loses those citing a
/// claim about them, so that one person is never both.
pub fn portfolio_holders(
    bundle: &Bundle,
    docs: &[crate::claim::DocClaims],
    agreements: &mut Vec<Finding>,
) -> Vec<Finding> {
    let roles: Vec<(&Claim, &RoleValue)> = docs
        .iter()
        .flat_map(|d| &d.claims)
        .filter_map(|c| role_of(c).map(|r| (c, r)))
        .collect();
    let near = |a: &RoleValue, b: &RoleValue| match (a.date, b.date) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= WINDOW_DAYS,
        _ => true,
    };
    fn who(c: &Claim) -> &str {
        c.frame.about.as_ref().map_or("", |p| p.key.as_str())
    }
    let mut people: Vec<&str> = roles.iter().map(|(c, _)| who(c)).collect();
    people.sort_unstable();
    people.dedup();
    let mut out = Vec::new();
    for key in people {
        let own: Vec<(&Claim, &RoleValue)> = roles
            .iter()
            .filter(|(c, r)| who(c) == key && r.tense == Tense::Current)
            .copied()
            .collect();
        // Portfolios this person is given that someone else holds.
        let taken: Vec<(&Claim, &RoleValue)> = own
            .iter()
            .filter(|(_, r)| {
                r.portfolio
                    && roles.iter().any(|(c2, r2)| {
                        who(c2) != key
                            && r2.portfolio
                            && r2.tense.holds()
                            && same_office(&r.office, &r2.office)
                            && near(r, r2)
                    })
            })
            .copied()
            .collect();
        let Some(&(first, wrong)) = taken.first() else {
            continue;
        };
        let others: Vec<&Claim> = own
            .iter()
            .filter(|(_, r)| !same_office(&r.office, &wrong.office) && near(r, wrong))
            .map(|(c, _)| *c)
            .collect();
        if others.is_empty() {
            continue;
        }
        let claims: Vec<&Claim> = taken.iter().map(|(c, _)| *c).chain(others).collect();
        let values = value_groups(&claims);
        let mut finding_values: Vec<FindingValue> =
            values.iter().map(|v| v.to_finding_value()).collect();
        finding_values.sort_by_key(|v| v.evidence.first().copied());
        let other_offices: Vec<String> = values
            .iter()
            .filter_map(|v| role_of(v.claims[0]))
            .filter(|r| !same_office(&r.office, &wrong.office))
            .map(|r| r.phrase())
            .collect();
        let wrong_docs = values
            .iter()
            .filter(|v| role_of(v.claims[0]).is_some_and(|r| same_office(&r.office, &wrong.office)))
            .flat_map(|v| v.documents())
            .collect::<std::collections::BTreeSet<usize>>()
            .into_iter()
            .collect::<Vec<_>>();
        let message = format!(
            "{} call{} {} {}, an office the bundle gives to someone else; elsewhere {} is {}",
            list_docs(bundle, &wrong_docs),
            if wrong_docs.len() == 1 { "s" } else { "" },
            wrong.person,
            wrong.phrase(),
            wrong.person,
            other_offices.join(", ")
        );
        // Their agreements go: the person is in conflict.
        let theirs: Vec<crate::claim::Anchor> = roles
            .iter()
            .filter(|(c, _)| who(c) == key)
            .map(|(c, _)| c.anchor)
            .collect();
        agreements.retain(|a| {
            a.category != crate::claim::Category::Role
                || !a
                    .values
                    .iter()
                    .flat_map(|v| &v.evidence)
                    .any(|e| theirs.contains(e))
        });
        let mut subject = first.frame.subject();
        subject.key.push_str("|portfolio");
        subject.label = format!("{}: office held", wrong.person);
        out.push(Finding::new(
            Kind::Conflict,
            crate::claim::Category::Role,
            Severity::Error,
            subject,
            message,
            finding_values,
            bundle.doc_ids,
        ));
    }
    out
}

fn role_of(c: &Claim) -> Option<&RoleValue> {
    match &c.value {
        Value::Role(r) => Some(r),
        _ => None,
    }
}

pub fn judge(bundle: &Bundle, group: &Group) -> Comparison {
    let mut out = Comparison::default();
    for (days, claims) in by_day(group) {
        let subject = subject(&group.subject, &claims, days);
        // Undated claims are judged on the window's first day.
        let day = days.map(|(first, _)| first);
        let sub = Group {
            category: group.category,
            subject,
            claims,
            why: Vec::new(),
        };
        let judged = judge_day(bundle, &sub, day);
        out.findings.extend(judged.findings);
        out.agreements.extend(judged.agreements);
    }
    out
}

/// How far apart two days may be and still describe one situation: news
/// about one story is published over several days, and offices change
/// far more rarely (a hand-over inside the window is left to the rules).
const WINDOW_DAYS: i64 = 14;

/// Claims by the time they are told of: days at most [`WINDOW_DAYS`]
/// from the first day of their window form one window; undated claims join
/// the window with the most claims (the earliest on a tie). Each window
/// comes with its first and last day.
type Window<'a> = (Option<(NaiveDate, NaiveDate)>, Vec<&'a Claim>);

fn by_day<'a>(group: &Group<'a>) -> Vec<Window<'a>> {
    let mut dated: Vec<(NaiveDate, &Claim)> = Vec::new();
    let mut undated = Vec::new();
    for &c in &group.claims {
        match role_of(c).and_then(|r| r.date) {
            Some(d) => dated.push((d, c)),
            None => undated.push(c),
        }
    }
    dated.sort_by_key(|(d, c)| (*d, c.anchor));
    let mut windows: Vec<Window<'a>> = Vec::new();
    for (d, c) in dated {
        match windows.last_mut() {
            Some((Some((first, last)), cs)) if (d - *first).num_days() <= WINDOW_DAYS => {
                *last = d;
                cs.push(c);
            }
            _ => windows.push((Some((d, d)), vec![c])),
        }
    }
    let main = windows
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, cs))| (cs.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    match main {
        None => vec![(None, undated)],
        Some(i) => {
            windows[i].1.extend(undated);
            for (_, cs) in &mut windows {
                cs.sort_by_key(|c| c.anchor);
            }
            windows
        }
    }
}

fn subject(base: &Subject, claims: &[&Claim], days: Option<(NaiveDate, NaiveDate)>) -> Subject {
    let person = claims
        .iter()
        .find_map(|c| role_of(c))
        .map(|r| r.person.clone())
        .unwrap_or_else(|| base.label.clone());
    let ymd = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    match days {
        Some((first, last)) if first == last => Subject::new(
            format!("{}@{}", base.key, ymd(first)),
            format!("{person}: office held on {}", ymd(first)),
        ),
        Some((first, last)) => Subject::new(
            format!("{}@{}", base.key, ymd(first)),
            format!("{person}: office held from {} to {}", ymd(first), ymd(last)),
        ),
        None => Subject::new(
            format!("{}@undated", base.key),
            format!("{person}: office held (date not given)"),
        ),
    }
}

/// Whether two documents disagree about the person: two claims from
/// different documents that cannot both be true, unless one of them says
/// the change from the earlier standing to the later happened or is to
/// happen, on different days ("former president Kenji Aramaki, who
/// resigned late on Monday" after "Its president, Kenji Aramaki" on
/// Monday; "the day President Elias Hrawi leaves office" before "former
/// President Elias Hrawi"). One document calling someone chief executive
/// and former chief executive most often means two companies, not a
/// mistake: it is no disagreement on its own.
fn documents_disagree(claims: &[&Claim]) -> bool {
    // Whether `r` tells the change from holding `from` to holding `to`.
    let tells = |r: &RoleValue, from: bool, to: bool| match (from, to) {
        (true, false) => r.told_left,
        (false, true) | (true, true) => r.told_took,
        (false, false) => false,
    };
    claims.iter().enumerate().any(|(i, a)| {
        claims[i + 1..].iter().any(|b| {
            let (Some(ra), Some(rb)) = (role_of(a), role_of(b)) else {
                return false;
            };
            if a.anchor.doc == b.anchor.doc || ra.compatible(rb) {
                return false;
            }
            let (ha, hb) = (ra.tense.holds(), rb.tense.holds());
            let change_told = match (ra.date, rb.date) {
                (Some(da), Some(db)) if da < db => tells(ra, ha, hb) || tells(rb, ha, hb),
                (Some(da), Some(db)) if db < da => tells(ra, hb, ha) || tells(rb, hb, ha),
                _ => false,
            };
            !change_told
        })
    })
}

fn judge_day(bundle: &Bundle, group: &Group, day: Option<NaiveDate>) -> Comparison {
    let values = value_groups(&group.claims);
    let clusters = cluster(&values);
    let mut out = Comparison::default();
    // An agreement is one office several documents give alike: a person
    // called chair in one document and chief executive in another is not
    // corroborated by either.
    for c in &clusters {
        let mut offices: Vec<Cluster> = Vec::new();
        for &i in &c.members {
            let Some(r) = role_of(values[i].claims[0]) else {
                continue;
            };
            let home = offices.iter_mut().find(|o| {
                role_of(values[o.members[0]].claims[0])
                    .is_some_and(|first| same_office(&first.office, &r.office))
            });
            match home {
                Some(o) => o.members.push(i),
                None => offices.push(Cluster { members: vec![i] }),
            }
        }
        for o in &offices {
            if o.documents(&values).len() >= 2 {
                out.agreements.push(agreement(bundle, group, &values, o));
            }
        }
    }
    // Rules contradictions, judged on each claim's own day or the group's.
    let mut rules_side: Option<(String, String, String)> = None;
    for v in &values {
        let Some(r) = role_of(v.claims[0]) else {
            continue;
        };
        if let Some(d) = r.date.or(day)
            && let Some(found) = r.rules_contradiction(d)
        {
            rules_side.get_or_insert(found);
        }
    }
    // Values that disagree across days of one window but each fit the
    // rules on its own day (a hand-over between two articles) are no
    // conflict.
    let all_fit_rules = group.claims.iter().all(|c| {
        role_of(c).is_some_and(|r| {
            r.date
                .or(day)
                .is_some_and(|d| r.rules_hold(d).is_some() && r.rules_contradiction(d).is_none())
        })
    });
    if (clusters.len() < 2 || all_fit_rules || !documents_disagree(&group.claims))
        && rules_side.is_none()
    {
        return out;
    }
    // The odd one out first: fewest documents, then first in the bundle.
    let mut order: Vec<usize> = clusters.iter().flat_map(|c| c.members.clone()).collect();
    order.sort_by_key(|&i| (values[i].documents().len(), values[i].claims[0].anchor));
    let mut parts = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        let Some(r) = role_of(values[i].claims[0]) else {
            continue;
        };
        let docs = values[i].documents();
        let who = if n == 0 {
            r.person.clone()
        } else {
            match r.pronoun.as_deref() {
                Some("he") => "him".to_string(),
                Some("she") => "her".to_string(),
                _ => r.person.clone(),
            }
        };
        let verb = if docs.len() == 1 { "calls" } else { "call" };
        parts.push(format!(
            "{} {verb} {who} {}",
            list_docs(bundle, &docs),
            r.phrase()
        ));
    }
    let mut message = parts.join("; ");
    let mut finding_values: Vec<FindingValue> = order
        .iter()
        .map(|&i| values[i].to_finding_value())
        .collect();
    if let Some((display, phrase, why)) = rules_side {
        let when = day
            .map(|d| format!(" on {}", d.format("%Y-%m-%d")))
            .unwrap_or_default();
        message.push_str(&format!(
            "; rules/entities.toml has {} as {phrase}{when} ({why})",
            values
                .first()
                .and_then(|v| role_of(v.claims[0]))
                .map(|r| r.person.clone())
                .unwrap_or_default()
        ));
        if !finding_values.iter().any(|v| v.value == display) {
            finding_values.push(FindingValue {
                value: display,
                evidence: Vec::new(),
            });
        }
    }
    out.findings.push(Finding::new(
        Kind::Conflict,
        group.category,
        Severity::Error,
        group.subject.clone(),
        message,
        finding_values,
        bundle.doc_ids,
    ));
    out
}

#[cfg(test)]
mod tests {
    use crate::compare::{Comparison, Kind};
    use crate::load::{Bundle, Document, Published};
    use crate::rules::Rules;

    /// Checks a bundle of (text, published) documents.
    fn check(docs: &[(&str, Option<&str>)]) -> Comparison {
        let rules = Rules::builtin().expect("rules");
        let documents = docs
            .iter()
            .enumerate()
            .map(|(i, (text, published))| {
                let mut doc = Document::from_text(&format!("{i:03}"), text);
                doc.published = published.map(|p| Published::parse(p).expect("date"));
                doc
            })
            .collect();
        crate::check_bundle(Bundle::in_memory("test", documents), &rules).comparison
    }

    fn role_conflicts(c: &Comparison) -> Vec<(String, Vec<String>)> {
        c.findings
            .iter()
            .filter(|f| f.kind == Kind::Conflict && f.category == crate::claim::Category::Role)
            .map(|f| {
                (
                    f.message.clone(),
                    f.values.iter().map(|v| v.value.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn former_against_current_in_one_story_even_without_dates() {
        let c = check(&[
            ("Former Prime Minister Rishi Sunak spoke in London.", None),
            ("Prime Minister Rishi Sunak spoke in London.", None),
            ("Prime Minister Rishi Sunak spoke in London today.", None),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].0,
            "000 calls Rishi Sunak a former British prime minister; 001 and 002 call him the British prime minister"
        );
    }

    #[test]
    fn a_portfolio_someone_else_holds_is_a_conflict() {
        let c = check(&[
            (
                "Premier Maria Keller spoke. Transport Minister Paul Ander said roads were shut.",
                Some("2025-10-06"),
            ),
            (
                "Transport Minister Maria Keller said roads were shut.",
                Some("2025-10-06"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, ["Premier", "Transport Minister"]);
        assert!(
            found[0]
                .0
                .starts_with("001 calls Maria Keller the transport minister"),
            "{}",
            found[0].0
        );
        // The rightful holder is not cited.
        let f = c
            .findings
            .iter()
            .find(|f| f.category == crate::claim::Category::Role);
        let cited: Vec<(usize, usize)> = f
            .into_iter()
            .flat_map(|f| &f.values)
            .flat_map(|v| &v.evidence)
            .map(|a| (a.doc, a.span.start))
            .collect();
        let ander = "Premier Maria Keller spoke. ".len();
        assert_eq!(cited, [(0, 0), (1, 0)]);
        assert!(!cited.contains(&(0, ander)), "{cited:?}");
    }

    #[test]
    fn two_offices_and_no_other_holder_is_no_conflict() {
        // One person may hold two posts; nothing in the bundle says not.
        let c = check(&[
            ("Premier Maria Keller spoke.", Some("2025-10-06")),
            ("Transport Minister Maria Keller spoke.", Some("2025-10-06")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn an_acting_minister_or_a_lone_rival_is_no_conflict() {
        // The premier covering a portfolio as acting minister.
        let c = check(&[
            (
                "Premier Maria Keller spoke. Transport Minister Paul Ander is away.",
                Some("2025-10-06"),
            ),
            (
                "Acting Transport Minister Maria Keller spoke.",
                Some("2025-10-06"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
        // Two holders of one portfolio and no other office: who is wrong
        // is not known (a hand-over, or another state's minister).
        let c = check(&[
            ("Transport Minister Paul Ander spoke.", Some("2025-10-06")),
            ("Transport Minister Maria Keller spoke.", Some("2025-10-06")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn outgoing_and_acting_are_no_conflict() {
        let c = check(&[
            (
                "Outgoing Prime Minister Rishi Sunak conceded.",
                Some("2024-07-05"),
            ),
            ("Prime Minister Rishi Sunak conceded.", Some("2024-07-04")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn one_document_against_the_rules() {
        let c = check(&[("President Joe Biden met reporters.", Some("2025-03-18"))]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            [
                "President of the United States",
                "former President of the United States"
            ]
        );
        assert!(found[0].0.contains("rules/entities.toml"), "{}", found[0].0);
        assert!(found[0].0.contains("2025-01-20"), "{}", found[0].0);
    }

    #[test]
    fn the_right_role_on_its_day_is_quiet() {
        let c = check(&[
            ("President Joe Biden met reporters.", Some("2023-03-18")),
            (
                "Former President Donald Trump held a rally.",
                Some("2023-03-18"),
            ),
            ("Ex-chancellor Olaf Scholz spoke.", Some("2025-06-01")),
            ("Chancellor Friedrich Merz spoke.", Some("2025-06-01")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_story_told_over_several_days_is_one_window() {
        let c = check(&[
            (
                "Outgoing President Jan Novak called her.",
                Some("2026-02-08"),
            ),
            ("Former President Jan Novak called her.", Some("2026-02-09")),
        ]);
        assert_eq!(role_conflicts(&c).len(), 1, "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_hand_over_between_two_articles_is_no_conflict() {
        let c = check(&[
            ("Chancellor Olaf Scholz spoke.", Some("2025-05-04")),
            ("Former chancellor Olaf Scholz spoke.", Some("2025-05-08")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn different_days_are_kept_apart() {
        let c = check(&[
            (
                "Former President Donald Trump held a rally.",
                Some("2023-03-18"),
            ),
            ("President Donald Trump held a rally.", Some("2025-03-18")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn two_ranks_for_one_officer_on_one_day_conflict() {
        let c = check(&[
            (
                "Commodore Joselito Dacanay, a coast guard spokesman, told reporters.",
                Some("2026-02-14"),
            ),
            (
                "The ship sank, said Rear Admiral Joselito Dacanay of the coast guard.",
                Some("2026-02-14"),
            ),
            (
                "Commodore Joselito Dacanay says the search goes on.",
                Some("2026-02-14"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, ["Rear Admiral", "Commodore"]);
        assert_eq!(
            found[0].0,
            "001 calls Joselito Dacanay a rear admiral; 000 and 002 call Joselito Dacanay a commodore"
        );
    }

    #[test]
    fn two_officers_posts_for_one_person_in_one_company_conflict() {
        let c = check(&[
            (
                "Boreal chief executive Caroline Dufresne said the crew did well.",
                Some("2026-11-03"),
            ),
            (
                "The airline's chief operating officer, Caroline Dufresne, said the crew did well.",
                Some("2026-11-03"),
            ),
            (
                "Caroline Dufresne, the chief executive of Boreal, praised the crew.",
                Some("2026-11-03"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].0.starts_with("001 calls Caroline Dufresne the"),
            "{found:?}"
        );
    }

    #[test]
    fn an_organisation_named_with_an_ampersand_is_read() {
        // "chairman of Carrington & Vail Asia", "Harlow & Pine's chief
        // information security officer": the ampersand joins the name.
        let c = check(&[
            (
                "\"A watershed,\" said Marguerite Leung, chairman of Carrington & Vail Asia.",
                Some("2026-09-29"),
            ),
            (
                "\"A watershed,\" said Marguerite Leung, the former chairman of Carrington & Vail Asia.",
                Some("2026-09-30"),
            ),
        ]);
        assert_eq!(role_conflicts(&c).len(), 1, "{:?}", role_conflicts(&c));
        let c = check(&[
            (
                "Rajiv Menon, Harlow & Pine's chief information security officer, said the data was safe.",
                Some("2027-02-09"),
            ),
            (
                "Rajiv Menon, Harlow & Pine's chief technology officer, said there was no fraud.",
                Some("2027-02-09"),
            ),
        ]);
        assert_eq!(role_conflicts(&c).len(), 1, "{:?}", role_conflicts(&c));
    }

    #[test]
    fn two_great_ministries_for_one_minister_on_one_day_conflict() {
        let c = check(&[
            (
                "Interior Minister Ignacio Valdes visited the prison.",
                Some("2026-06-09"),
            ),
            (
                "Justice Minister Ignacio Valdes told the Senate.",
                Some("2026-06-10"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        // Economy and finance are often one ministry: no group.
        let c = check(&[
            ("Finance Minister Anna Berg spoke.", Some("2026-06-09")),
            ("Economy Minister Anna Berg spoke.", Some("2026-06-09")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
        // Ministers of two countries are two people's offices, or two
        // offices: not one mistake.
        let c = check(&[
            (
                "French Interior Minister Anna Berg spoke.",
                Some("2026-06-09"),
            ),
            (
                "German Justice Minister Anna Berg spoke.",
                Some("2026-06-09"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_vice_president_and_the_president_for_one_person_conflict() {
        let c = check(&[
            (
                "Rodrigo Albarracin, vice-president of the Uco Valley Growers' Association, said so.",
                Some("2026-06-09"),
            ),
            (
                "Rodrigo Albarracin, president of the Uco Valley Growers' Association, said so.",
                Some("2026-06-09"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        // A former president may be vice-president now.
        let c = check(&[
            (
                "Rodrigo Albarracin, vice-president of the Uco Valley Growers' Association, said so.",
                Some("2026-06-09"),
            ),
            (
                "Rodrigo Albarracin, former president of the Uco Valley Growers' Association, said so.",
                Some("2026-06-09"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn mayor_and_governor_of_one_place_conflict() {
        let c = check(&[
            (
                "Kessel Governor Anja Brandt visited the flooded district.",
                Some("2026-06-09"),
            ),
            (
                "Kessel Mayor Anja Brandt said the levee had held.",
                Some("2026-06-09"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        // A former mayor may govern.
        let c = check(&[
            (
                "Governor Anja Brandt visited the flooded district.",
                Some("2026-06-09"),
            ),
            (
                "Former mayor Anja Brandt said the levee had held.",
                Some("2026-06-09"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_chair_who_is_chief_executive_or_officers_of_two_companies_are_no_conflict() {
        // A chair is in no group of posts: one person is often chairman
        // and chief executive.
        let c = check(&[
            (
                "Tessaly chairman Arjun Mehta spoke first.",
                Some("2026-10-29"),
            ),
            (
                "Tessaly chief executive Arjun Mehta spoke first.",
                Some("2026-10-29"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
        // Officers of two named companies are two posts, not one mistake.
        let c = check(&[
            (
                "Tessaly chief executive Arjun Mehta spoke first.",
                Some("2026-10-29"),
            ),
            (
                "Kallang chief financial officer Arjun Mehta spoke first.",
                Some("2026-10-29"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_rank_and_its_short_form_or_a_promotion_told_are_no_conflict() {
        let c = check(&[
            ("Lieutenant General Jane Smith spoke.", Some("2026-02-14")),
            ("General Jane Smith spoke.", Some("2026-02-14")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
        let c = check(&[
            ("Commodore Ana Cruz spoke.", Some("2026-02-13")),
            (
                "Rear Admiral Ana Cruz, who was promoted on Saturday, spoke.",
                Some("2026-02-14"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn former_against_serving_head_of_a_company_or_city_conflicts() {
        let c = check(&[
            (
                "\"Demand is strong,\" Chief Executive Marisol Okafor said.",
                Some("2026-10-29"),
            ),
            (
                "The model was championed by former chief executive Marisol Okafor.",
                Some("2026-10-30"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, ["Chief Executive", "former Chief Executive"]);
        let c = check(&[
            ("Pescara Mayor Lucia Ferrante said so.", Some("2026-07-11")),
            (
                "Speaking later, the former mayor of Pescara, Lucia Ferrante, called for closures.",
                Some("2026-07-11"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, ["Mayor of Pescara", "former Mayor of Pescara"]);
    }

    #[test]
    fn a_deputy_and_the_office_itself_for_one_person_conflict() {
        let c = check(&[
            (
                "Fire Chief Ana Cruz said crews were ready.",
                Some("2026-10-08"),
            ),
            (
                "Deputy Fire Chief Ana Cruz said crews were ready.",
                Some("2026-10-08"),
            ),
            ("Fire Chief Ana Cruz spoke again.", Some("2026-10-08")),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, ["Deputy Fire Chief", "Fire Chief"]);
        // A deputy and the chief being two people, or a former deputy now
        // chief, is no conflict.
        let c = check(&[
            (
                "Fire Chief Tom Reyes said crews were ready.",
                Some("2026-10-08"),
            ),
            ("Deputy Fire Chief Ana Cruz spoke.", Some("2026-10-08")),
            ("Fire Chief Tom Reyes spoke again.", Some("2026-10-08")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
        let c = check(&[
            ("Former deputy chair Ana Cruz spoke.", Some("2026-10-08")),
            ("Chair Ana Cruz spoke.", Some("2026-10-08")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_former_head_may_hold_another_office() {
        let c = check(&[
            (
                "Former chief executive Gunnar Lindqvist spoke.",
                Some("2026-10-29"),
            ),
            (
                "Tessaly chairman Gunnar Lindqvist spoke.",
                Some("2026-10-29"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_change_told_by_a_later_document_is_no_conflict() {
        let monday = (
            "Kasumi, a chip maker, lost value. Its president, Kenji Aramaki, apologized.",
            Some("2026-05-18"),
        );
        let c = check(&[
            monday,
            (
                "Kasumi's former president Kenji Aramaki, who resigned at a late-night board meeting, was replaced.",
                Some("2026-05-19"),
            ),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
        // Said on the same day, or with no change told, it is one.
        let c = check(&[
            monday,
            (
                "Kasumi's former president Kenji Aramaki spoke.",
                Some("2026-05-19"),
            ),
        ]);
        assert_eq!(role_conflicts(&c).len(), 1, "{:?}", role_conflicts(&c));
        let c = check(&[
            (monday.0, Some("2026-05-19")),
            (
                "Kasumi's former president Kenji Aramaki, who resigned at a late-night board meeting, was replaced.",
                Some("2026-05-19"),
            ),
        ]);
        assert_eq!(role_conflicts(&c).len(), 1, "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_title_for_a_past_act_is_no_conflict() {
        let c = check(&[
            (
                "In 2015, President Barack Obama authorized the strikes.",
                Some("2025-03-18"),
            ),
            (
                "The strikes authorized by President Barack Obama went on.",
                Some("2025-03-18"),
            ),
            ("Former President Barack Obama spoke.", Some("2025-03-18")),
        ]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
    }

    #[test]
    fn a_post_someone_else_holds_is_a_conflict_and_no_agreement() {
        let c = check(&[
            (
                "SHB chief executive Lim Wei Jie spoke. Kallang Mercantile chairman Arjun Nair backed the offer. Its chief executive, Grace Tan, will stay.",
                Some("2026-05-14"),
            ),
            (
                "Chief executive Lim Wei Jie spoke. Kallang Mercantile's chief executive, Arjun Nair, backed the deal.",
                Some("2026-05-14"),
            ),
        ]);
        let found = role_conflicts(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            [
                "Chair of Kallang Mercantile",
                "Chief Executive of Kallang Mercantile"
            ]
        );
        let agreed: Vec<&str> = c
            .agreements
            .iter()
            .filter(|a| a.category == crate::claim::Category::Role)
            .map(|a| a.subject.label.as_str())
            .collect();
        // Lim is chief executive in both; Nair agrees with no one.
        assert_eq!(agreed, ["Lim Wei Jie: office held on 2026-05-14"]);
    }

    #[test]
    fn one_document_alone_does_not_contradict_itself() {
        // A former chief executive of another company, most likely.
        let c = check(&[(
            "Chief Executive Jane Roe spoke. Former chief executive Jane Roe once ran a bank.",
            Some("2026-10-29"),
        )]);
        assert!(role_conflicts(&c).is_empty(), "{:?}", role_conflicts(&c));
        // The rules still judge one document: Obama was no president in 2025.
        let c = check(&[("President Barack Obama spoke.", Some("2025-03-18"))]);
        assert_eq!(role_conflicts(&c).len(), 1, "{:?}", role_conflicts(&c));
    }
}
