//! Normalisation of role mentions: which office, held by whom, when, and
//! whether the text says it is held now, was held, or is about to be.
//!
//! Takes the role mentions of `extract::role` and the document's entities.
//! The person is the entity named right after the title ("Kir Starmer"
//! resolves to Keir Starmer, so his misspelt name still carries his role);
//! a person the rules do not know must be named with two words or more.
//! The office is the title's canonical office with the country from the
//! text ("Russian President", "President of Ukraine"), else the one country
//! the person's offices in `rules/entities.toml` give for that title
//! ("President Trump" → President of the United States). The marker gives
//! the tense: "former"/"ex-" (no longer held), "acting"/"interim",
//! "outgoing", "incumbent"/"sitting" (held), "-elect" (not yet held);
//! "then-" and "late" place the role at another, unstated time and are not
//! compared at all. "Friedrich Merz, who became chancellor in 2025" holds
//! the office, since that year; the year is checked against the rules.
//!
//! The day the role is told of is the date of the event of the sentence
//! (`Context::event_for`), else a date in the same sentence, else the
//! publication day; it may stay unknown. "Former" is said from the time of
//! writing, so it takes the publication day first (see [`day_of`]). A
//! sentence that names only a month or year more than two months from the
//! publication day ("in 2022, President Biden …") is about another time
//! and yields no role claim. The day is carried in the value, with
//! the person's terms of that office from the rules, so the role judge can
//! group documents describing the same day and check them against the
//! rules (see `compare::role`). Subject key: `role:<person id>`.

use chrono::NaiveDate;

use super::{Context, EntityKind};
use crate::claim::date::{DateKind, DateValue};
use crate::claim::role::{RoleValue, Tense};
use crate::claim::{Anchor, Category, Claim, DocClaims, Span, Subject, Value};
use crate::extract::name::PARTICLES;
use crate::extract::role::RoleMention;
use crate::rules::entities::fold;
use crate::rules::titles::{Country, Title};

/// When a role at `span` is told of (see the module doc).
enum Day {
    /// A known day.
    On(NaiveDate),
    /// Nothing says: the role joins the story's main day in comparison.
    Unknown,
    /// The sentence is about another year than the document's day ("in
    /// 2022 President Biden …") without giving a day: not comparable.
    Elsewhere,
}

/// The day a role is measured against. "Former" is nearly always said
/// from the time of writing ("former President Obama, who visited in
/// 2016"), so it takes the publication day first; every other tense is
/// said of the time the sentence tells of ("President Obama visited in
/// 2016"), so it takes the sentence's day first.
fn day_of(ctx: &Context, span: Span, tense: Tense) -> Day {
    let told = told_of(ctx, span);
    let published = ctx.today();
    match (tense, told, published) {
        (Tense::Former, _, Some(p)) => Day::On(p),
        (_, Some(Day::Elsewhere), _) => Day::Elsewhere,
        (_, Some(Day::On(d)), _) => Day::On(d),
        (_, _, Some(p)) => Day::On(p),
        _ => Day::Unknown,
    }
}

/// The time the sentence around `span` tells of: the date of its event,
/// else a date in it, else a month or year it names far from the
/// publication day (`Elsewhere`); `None` when it names no time.
fn told_of(ctx: &Context, span: Span) -> Option<Day> {
    if let Some(d) = ctx.event_for(span).and_then(|e| e.date) {
        return Some(Day::On(d));
    }
    let sentence = ctx.sentence(span.start);
    let in_sentence: Vec<&DateValue> = ctx
        .dates
        .iter()
        .filter(|d| d.span.start >= sentence.start && d.span.end <= sentence.end)
        .map(|d| &d.value)
        .collect();
    if let Some(d) = in_sentence.iter().find(|d| d.first == d.last) {
        return Some(Day::On(d.first));
    }
    // A month or a year ("in December", "in 2022"): about another time
    // only when it lies well away from the publication day; a clause like
    // "who has run the ministry since December" does not move the role.
    let today = ctx.today()?;
    let far = in_sentence
        .iter()
        .filter(|d| matches!(d.kind, DateKind::Range(_)))
        .any(|d| (d.first - today).num_days() > 62 || (today - d.last).num_days() > 62);
    far.then_some(Day::Elsewhere)
}

fn tense_of(ctx: &Context, m: &RoleMention) -> Option<Tense> {
    if m.elect {
        return Some(Tense::Elect);
    }
    let Some(t) = m.tense else {
        return Some(Tense::Current);
    };
    let word = ctx.text(t).trim().to_lowercase();
    let markers = &ctx.rules.titles.markers;
    let is = |list: &[String]| list.iter().any(|x| x.to_lowercase() == word);
    if is(&markers.other_time) {
        None
    } else if is(&markers.former) {
        Some(Tense::Former)
    } else if is(&markers.acting) {
        Some(Tense::Acting)
    } else if is(&markers.outgoing) {
        Some(Tense::Outgoing)
    } else {
        Some(Tense::Current)
    }
}

/// The person named at the start of `name`: (id, canonical name, pronoun,
/// end of the name, entity index in the rules when known).
fn person(ctx: &Context, name: Span) -> Option<(String, String, Option<String>, usize)> {
    if let Some(e) = ctx
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person && e.span.start == name.start)
    {
        let pronoun = ctx
            .rules
            .entities
            .get(&e.id)
            .and_then(|x| x.pronoun.clone());
        return Some((e.id.clone(), e.name.clone(), pronoun, e.span.end));
    }
    // A place or organisation right after the title is no person.
    if ctx
        .entities
        .iter()
        .any(|e| e.span.start < name.end && name.start < e.span.end)
    {
        return None;
    }
    let text = ctx.text(name);
    let words: Vec<&str> = text.split_whitespace().collect();
    let plain = |w: &str| {
        w.chars().count() >= 2
            && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !ctx.rules.titles.is_title_word(w)
            && !super::name::is_stop(w)
    };
    // Capitalised words, with particles between them ("Marcelo Rebelo de
    // Sousa"), up to five words.
    let mut n = 0;
    for (k, w) in words.iter().enumerate().take(5) {
        if plain(w) {
            n = k + 1;
        } else if !PARTICLES.contains(w) {
            break;
        }
    }
    if words[..n].iter().filter(|w| plain(w)).count() < 2 {
        return None;
    }
    let shown = words[..n].join(" ");
    let end = name.start + text.find(&shown)? + shown.len();
    Some((
        format!("person:{}", fold(&shown).replace(' ', "-")),
        shown,
        None,
        end,
    ))
}

/// The known person whose name ends `name` ("Chancellor Friedrich Merz,
/// who became …" names Merz). People the rules do not know are left out
/// here: where their name starts is not clear.
fn person_ending(ctx: &Context, name: Span) -> Option<(String, String, Option<String>, usize)> {
    let e = ctx.entities.iter().find(|e| {
        e.kind == EntityKind::Person && e.span.end == name.end && e.span.start >= name.start
    })?;
    let pronoun = ctx
        .rules
        .entities
        .get(&e.id)
        .and_then(|x| x.pronoun.clone());
    Some((e.id.clone(), e.name.clone(), pronoun, e.span.end))
}

/// The office a title means for this person, with its short form.
fn office(
    ctx: &Context,
    m: &RoleMention,
    title: &Title,
    person_id: &str,
    day: Option<NaiveDate>,
) -> (String, String) {
    let titles = &ctx.rules.titles;
    let country: Option<&Country> = m
        .adjective
        .and_then(|a| titles.country_by_form(ctx.text(a)))
        .or_else(|| m.of.and_then(|o| titles.country_by_name(ctx.text(o))));
    if !title.needs_country || country.is_some() {
        return (title.office_for(country), title.short_for(country));
    }
    // No country in the text: the one the person's offices give.
    let prefix = title.office.split("{country}").next().unwrap_or("");
    let implied = ctx.rules.entities.get(person_id).and_then(|e| {
        let mut offices: Vec<&crate::rules::entities::OfficeTerm> = e
            .offices
            .iter()
            .filter(|t| t.office.starts_with(prefix))
            .collect();
        if let Some(d) = day
            && offices.iter().any(|t| t.holds_on(d))
        {
            offices.retain(|t| t.holds_on(d));
        }
        let first = offices.first()?;
        offices
            .iter()
            .all(|t| t.office == first.office)
            .then(|| first.office.clone())
    });
    let country = implied.as_ref().and_then(|o| {
        let name = o.strip_prefix(prefix)?;
        titles.countries.iter().find(|c| c.name == name)
    });
    match (implied, country) {
        (Some(o), c) => (o, title.short_for(c)),
        (None, _) => (title.office_for(None), title.short_for(None)),
    }
}

/// The role claims of one document.
pub fn claims(ctx: &Context) -> DocClaims {
    let mut out = DocClaims::default();
    for m in &ctx.mentions.roles {
        let Some(tense) = tense_of(ctx, m) else {
            continue;
        };
        let listed = ctx.rules.titles.title(ctx.text(m.title));
        let portfolio = if m.portfolio {
            if listed.is_some() {
                // The title list reads it already.
                continue;
            }
            // The words were checked in `extract::role`.
            Some(
                ctx.text(m.title)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        } else {
            None
        };
        let title = match (listed, &portfolio) {
            (Some(t), None) => Some(t),
            (_, Some(_)) => None,
            (None, None) => continue,
        };
        let found = if m.since.is_some() {
            person_ending(ctx, m.name)
        } else {
            person(ctx, m.name)
        };
        let Some((id, name, pronoun, end)) = found else {
            continue;
        };
        let span = if m.since.is_some() {
            // The name comes first; the span runs to the year.
            let start = ctx
                .entities
                .iter()
                .find(|e| e.span.end == m.name.end)
                .map_or(m.span.start, |e| e.span.start);
            Span::new(start, m.span.end)
        } else {
            Span::new(m.span.start, end)
        };
        let date = match day_of(ctx, span, tense) {
            Day::On(d) => Some(d),
            Day::Unknown => None,
            Day::Elsewhere => continue,
        };
        let (office, short) = match (title, &portfolio) {
            (Some(t), _) => office(ctx, m, t, &id, date),
            (None, Some(o)) => (o.clone(), o.to_lowercase()),
            (None, None) => continue,
        };
        let terms = ctx
            .rules
            .entities
            .get(&id)
            .map(|e| e.terms(&office).map(|t| (t.from, t.to)).collect())
            .unwrap_or_default();
        out.claims.push(Claim {
            anchor: Anchor { doc: 0, span },
            category: Category::Role,
            subject: Subject::new(format!("role:{id}"), format!("{name}: office held")),
            value: Value::Role(RoleValue {
                tense,
                office,
                short,
                person: name,
                pronoun,
                date,
                terms,
                since: m.since,
                portfolio: portfolio.is_some(),
            }),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Document, Published};
    use crate::rules::Rules;

    fn roles(text: &str, published: Option<&str>) -> Vec<(String, String, RoleValue)> {
        let rules = Rules::builtin().expect("rules");
        let mut doc = Document::from_text("t", text);
        doc.published = published.map(|p| Published::parse(p).expect("date"));
        crate::analyse_document(&doc, &rules)
            .claims
            .into_iter()
            .filter_map(|c| match c.value {
                Value::Role(r) => Some((
                    doc.text[c.anchor.span.start..c.anchor.span.end].to_string(),
                    c.subject.key,
                    r,
                )),
                _ => None,
            })
            .collect()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn former_president_on_a_day_he_is_in_office_contradicts_the_rules() {
        let r = roles(
            "Former US President Donald Trump spoke.",
            Some("2025-03-18"),
        );
        assert_eq!(r.len(), 1);
        let (text, key, v) = &r[0];
        assert_eq!(text, "Former US President Donald Trump");
        assert_eq!(key, "role:donald-trump");
        let (display, _, why) = v
            .rules_contradiction(day("2025-03-18"))
            .expect("contradiction");
        assert_eq!(display, "President of the United States");
        assert!(why.contains("2025-01-20"), "{why}");
        // In 2023 he was a former president: no contradiction.
        assert_eq!(v.rules_contradiction(day("2023-06-01")), None);
    }

    #[test]
    fn president_biden_in_2025_is_out_of_date() {
        let r = roles("President Biden spoke on Tuesday.", Some("2025-03-18"));
        let v = &r[0].2;
        assert_eq!(v.office, "President of the United States");
        let (display, phrase, _) = v.rules_contradiction(day("2025-03-18")).expect("stale");
        assert_eq!(display, "former President of the United States");
        assert_eq!(phrase, "a former US president");
    }

    #[test]
    fn ex_chancellor_and_acting_and_elect() {
        let r = roles(
            "Ex-chancellor Olaf Scholz met acting Foreign Minister Jan Novak and President-elect Donald Trump.",
            Some("2024-12-01"),
        );
        let shown: Vec<String> = r.iter().map(|x| x.2.to_string()).collect();
        assert_eq!(
            shown,
            [
                "former Chancellor of Germany",
                "acting Foreign Minister",
                "President of the United States (elect)"
            ]
        );
        // Scholz was still chancellor on 2024-12-01: the rules disagree.
        assert!(r[0].2.rules_contradiction(day("2024-12-01")).is_some());
        assert_eq!(r[1].1, "role:person:jan-novak");
        assert_eq!(r[2].2.rules_contradiction(day("2024-12-01")), None);
    }

    #[test]
    fn a_former_prime_minister_is_not_a_former_president() {
        let a = &roles("Former Russian Prime Minister Vladimir Putin", None)[0].2;
        let b = &roles("Russian President Vladimir Putin", None)[0].2;
        assert!(a.compatible(b));
        assert_eq!(a.to_string(), "former Prime Minister of Russia");
    }

    #[test]
    fn outgoing_and_incumbent_agree_with_plain_office() {
        let a = &roles("Outgoing Prime Minister Rishi Sunak", None)[0].2;
        let b = &roles("Prime Minister Rishi Sunak", None)[0].2;
        let c = &roles("former Prime Minister Rishi Sunak", None)[0].2;
        assert!(a.compatible(b));
        assert!(!b.compatible(c));
        assert_eq!(b.office, "Prime Minister of the United Kingdom");
    }

    #[test]
    fn an_office_without_its_country_is_the_same_office() {
        let a = &roles("Former Secretary of State Jane Roe Smith spoke.", None)[0].2;
        let b = &roles("US Secretary of State Jane Roe Smith spoke.", None)[0].2;
        assert_eq!(a.office, "Secretary of State");
        assert!(!a.compatible(b));
        assert!(!crate::claim::role::same_office(
            "President",
            "Vice President of France"
        ));
    }

    #[test]
    fn a_name_ends_before_a_weekday() {
        let r = roles("He met President Jan Novak Thursday.", None);
        assert_eq!(r[0].0, "President Jan Novak");
        assert!(roles("President The Reserve Fund", None).is_empty());
    }

    #[test]
    fn who_became_chancellor_in_a_year() {
        let r = roles(
            "Friedrich Merz, who became chancellor in 2025, spoke.",
            Some("2025-06-01"),
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "Friedrich Merz, who became chancellor in 2025");
        assert_eq!(r[0].2.to_string(), "Chancellor of Germany (since 2025)");
        assert_eq!(r[0].2.rules_contradiction(day("2025-06-01")), None);
        let wrong = &roles(
            "Friedrich Merz, who became chancellor in 2024, spoke.",
            Some("2025-06-01"),
        )[0]
        .2;
        let (display, _, _) = wrong
            .rules_contradiction(day("2025-06-01"))
            .expect("wrong year");
        assert_eq!(display, "Chancellor of Germany (since 2025)");
        assert!(!wrong.compatible(&r[0].2));
    }

    #[test]
    fn a_sentence_about_another_year_is_not_compared() {
        assert!(
            roles(
                "President Joe Biden signed the law in March 2022.",
                Some("2025-03-18")
            )
            .is_empty()
        );
        // A month near the publication day does not move the role.
        let r = roles(
            "Acting Interior Minister Jan Novak, in office since December, spoke.",
            Some("2026-02-08"),
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.date, Some(day("2026-02-08")));
    }

    #[test]
    fn a_dated_sentence_dates_the_role() {
        let r = roles(
            "President Joe Biden spoke on March 3, 2023.",
            Some("2025-03-18"),
        );
        assert_eq!(r[0].2.date, Some(day("2023-03-03")));
        assert_eq!(r[0].2.rules_contradiction(day("2023-03-03")), None);
        // "Former" is said from the time of writing.
        let r = roles(
            "Former President Joe Biden spoke on March 3, 2023.",
            Some("2025-03-18"),
        );
        assert_eq!(r[0].2.date, Some(day("2025-03-18")));
    }

    #[test]
    fn former_is_said_from_the_time_of_writing() {
        // No event or date module needed: the publication day is the
        // reference for "former" whatever the sentence tells of.
        let r = roles("Former President Barack Obama spoke.", Some("2025-03-18"));
        assert_eq!(r[0].2.date, Some(day("2025-03-18")));
        assert_eq!(r[0].2.rules_contradiction(day("2025-03-18")), None);
    }

    #[test]
    fn before_any_term_in_the_rules_is_not_judged() {
        // The rules may lack an earlier term; they only judge offices left.
        let r = roles("Chancellor Friedrich Merz spoke.", Some("2024-06-01"));
        assert_eq!(r[0].2.rules_contradiction(day("2024-06-01")), None);
    }

    #[test]
    fn then_places_the_role_elsewhere_in_time() {
        assert!(roles("then-Secretary of State Mike Pompeo", None).is_empty());
    }

    #[test]
    fn a_misspelt_name_keeps_its_role() {
        let r = roles("British Prime Minister Kir Starmer arrived.", None);
        assert_eq!(r[0].1, "role:keir-starmer");
        assert_eq!(r[0].0, "British Prime Minister Kir Starmer");
    }
}
