//! Normalisation of role mentions: which office, held by whom, when, and
//! whether the text says it is held now, was held, or is about to be.
//!
//! Takes the role mentions of `extract::role` and the document's entities.
//! The person is the entity named right after the title ("Kir Starmer"
//! resolves to Keir Starmer, so his misspelt name still carries his role);
//! a person the rules do not know must be named with two words or more,
//! none of them a word the document also writes in lower case ("Major
//! League Baseball" names no one), or with the surname alone of someone
//! the document named in full in another role ("Rear-Adm Dacanay").
//!
//! The office depends on the title's kind (`rules/titles.toml`). A
//! government office takes the country from the text ("Russian
//! President", "President of Ukraine"), else the one country the person's
//! offices in `rules/entities.toml` give ("President Trump" → President of
//! the United States), else the organisation the text names ("Kasumi
//! President"). A post (chief executive, mayor) is of the organisation or
//! place named before its title or after "of" ("Mayor of Pescara"; "Its
//! chief executive" takes the organisation of the post named just
//! before); qualified so, one person holds it at a time. A rank is the
//! rank alone, whatever the service. The marker gives the tense:
//! "former"/"ex-" (no longer held), "acting"/"interim", "outgoing",
//! "incumbent"/"sitting" (held), "-elect" (not yet held); "then-", "late"
//! and "retired" place the role at another, unstated time and are not
//! compared at all. "Friedrich Merz, who became chancellor in 2025" holds
//! the office, since that year; the year is checked against the rules.
//!
//! A title is right for the time of the act its clause tells of: a clause
//! naming another year ("In 1991, President Bush authorized …"), a title
//! after "under" or "during", or after "by" in a reduced relative ("the law
//! signed by President Clinton", "the bridge opened by Mayor Y") yields no
//! role claim, so it is neither compared nor checked against the rules
//! (see [`act_of_another_time`] and [`told_of`]). "Former" is said from the
//! time of writing, so it takes the publication day whatever the clause
//! tells of (see [`day_of`]). Otherwise the day is a day the clause names,
//! else the publication day; it may stay unknown. The day is carried in
//! the value with the person's terms of that office from the rules, and so
//! is whether the document tells that the person left or took an office
//! ("who resigned late on Monday"), so the role judge can tell a change
//! reported over time from a contradiction (see `compare::role`). Every
//! role claim's frame is `about` its holder; the judge groups by person.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;

use super::{Context, EntityKind};
use crate::claim::date::{DateKind, DateValue};
use crate::claim::frame::{Frame, Participant, ParticipantKind};
use crate::claim::role::{OneOf, RoleValue, Tense};
use crate::claim::{Anchor, Category, Claim, DocClaims, Span, Value};
use crate::extract::name::PARTICLES;
use crate::extract::role::RoleMention;
use crate::rules::entities::fold;
use crate::rules::titles::{Country, Title, TitleKind};
use crate::rules::words::Class;

/// When a role at `span` is told of (see the module doc).
enum Day {
    /// A known day.
    On(NaiveDate),
    /// Nothing says: the role joins the story's main day in comparison.
    Unknown,
    /// The clause is about another time than the document's day ("in
    /// 2022 President Biden …", "signed by President Clinton"): not
    /// comparable.
    Elsewhere,
}

/// The day a role is measured against. "Former" is nearly always said
/// from the time of writing ("former President Obama, who visited in
/// 2016"), so it takes the publication day first; every other tense is
/// said of the time the clause tells of ("President Obama visited in
/// 2016"), so it takes the clause's day first.
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

/// The time the clause around `span` tells of: another time when the
/// title names the doer of a past act, else the day of a date in the
/// clause, else a month or year it names far from the publication day
/// (`Elsewhere`); `None` when it names no time.
fn told_of(ctx: &Context, span: Span) -> Option<Day> {
    if act_of_another_time(ctx, span) {
        return Some(Day::Elsewhere);
    }
    // A relative clause after the name ("…, who joined in 2011,") is
    // another clause, with another time.
    let clause = ctx.clause_span(span);
    let in_clause: Vec<&DateValue> = ctx.dates_within(clause).map(|d| &d.value).collect();
    if let Some(d) = in_clause.iter().find(|d| d.first == d.last) {
        return Some(Day::On(d.first));
    }
    // A month or a year ("in December", "in 2022"): about another time
    // only when it lies well away from the publication day; "in office
    // since December" does not move the role. With no publication day, any
    // year may be another: the role is left out rather than guessed.
    let today = ctx.today();
    let far = today.is_some_and(|today| {
        in_clause
            .iter()
            .filter(|d| matches!(d.kind, DateKind::Range(_)))
            .any(|d| (d.first - today).num_days() > 62 || (today - d.last).num_days() > 62)
    });
    (far || names_another_year(ctx, clause, today)).then_some(Day::Elsewhere)
}

/// Whether the text in `span` names a year ("In 1991, …") other than the
/// year of `today` (any year, when `today` is unknown).
fn names_another_year(ctx: &Context, span: Span, today: Option<NaiveDate>) -> bool {
    ctx.index.tokens[ctx.index.tokens_in(span)].iter().any(|t| {
        t.lower.len() == 4
            && t.lower.bytes().all(|b| b.is_ascii_digit())
            && t.lower.parse::<i32>().is_ok_and(|y| {
                (1800..2100).contains(&y) && today.is_none_or(|d| y != chrono::Datelike::year(&d))
            })
    })
}

/// Whether a title names the office its holder had when doing a past act
/// the sentence tells of: right after a word of `[time] before_title`
/// ("under President Yeltsin", "during Mayor Y's term"), or after `[time]
/// agent` ("by") following a past participle that qualifies a noun ("the
/// law signed by President Clinton", "the bridge opened by Mayor Y"). A
/// passive with an auxiliary ("it was confirmed by Kremlin spokesman
/// Dmitry Peskov") is the story's own report, not such an act.
fn act_of_another_time(ctx: &Context, span: Span) -> bool {
    let at = ctx.index.token_at(span.start);
    let tokens = &ctx.index.tokens;
    let time = &ctx.rules.titles.time;
    let before = |n: usize| at.checked_sub(n).and_then(|i| tokens.get(i));
    let Some(prev) = before(1) else {
        return false;
    };
    if time.before_title.contains(&prev.lower) {
        return true;
    }
    let participle =
        before(2).is_some_and(|t| t.verbish_regular() || ctx.rules.words.is_irregular(&t.lower));
    let auxiliary = before(3).is_some_and(|t| t.class.has(Class::AUXILIARY));
    time.agent.contains(&prev.lower) && participle && !auxiliary
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
    let is = |list: &[String]| {
        list.iter().any(|x| {
            let x = x.to_lowercase();
            x == word || x.trim_end_matches('-') == word.trim_end_matches('-')
        })
    };
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

/// A person a role is given to: (id, canonical name, pronoun, end of the
/// name in the text).
type Person = (String, String, Option<String>, usize);

/// Honorifics that may stand between a title and a name ("General Sir
/// Nick Carter"): skipped, never part of the name.
fn is_honorific(ctx: &Context, w: &str) -> bool {
    ctx.rules
        .words
        .class(&w.trim_end_matches('.').to_lowercase())
        .has(Class::HONORIFIC)
}

/// The person named at the start of `name` (see the module doc for people
/// the rules do not know).
fn person(ctx: &Context, name: Span, lower: &HashSet<&str>) -> Option<Person> {
    // "General Sir Nick Carter": the honorific is no part of the name.
    let mut name = name;
    while let Some(w) = ctx.text(name).split_whitespace().next()
        && is_honorific(ctx, w)
        && ctx.text(name).len() > w.len()
    {
        let skip = ctx.text(name)[w.len()..].len() - ctx.text(name)[w.len()..].trim_start().len();
        name = Span::new(name.start + w.len() + skip, name.end);
    }
    if let Some(e) = ctx
        .entities_overlapping(name)
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
    if ctx.entities_overlapping(name).next().is_some() {
        return None;
    }
    let text = ctx.text(name);
    let words: Vec<&str> = text.split_whitespace().collect();
    // "Ohio-based", "Western-thinking": an adjective, no name ("Yi-jen"
    // and "Jean-Pierre" are names).
    let adjective = |w: &str| {
        let l = w.to_lowercase();
        ctx.rules
            .titles
            .adjective_endings
            .iter()
            .any(|e| l.ends_with(e.as_str()))
    };
    // A capitalised word, with capitals inside only singly ("Montero-Baines",
    // "O'Brien", "McAllister"), not an acronym ("FIFA").
    let plain = |w: &str| {
        let chars: Vec<char> = w.chars().collect();
        chars.len() >= 2
            && chars
                .iter()
                .all(|&c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && chars[1..].iter().any(|c| c.is_lowercase())
            && !chars
                .windows(2)
                .any(|p| p[0].is_uppercase() && p[1].is_uppercase())
            && !ctx.rules.titles.is_title_word(w)
            && !super::name::is_stop(w)
            && !adjective(w)
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
    // A word the document also writes in lower case, or one that ends an
    // organisation's name, makes the words a thing, not a person ("Major
    // Storm Hits City", "General Motors Bank").
    let thing = words[..n]
        .iter()
        .filter(|w| !PARTICLES.contains(w))
        .any(|w| {
            let l = w.to_lowercase();
            lower.contains(l.as_str())
                || ctx.rules.words.class(&l).has(Class::ORGANISATION_HEAD)
                || ctx.rules.titles.not_names.contains(&l)
        });
    if thing {
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

/// A lone surname after a title ("Rear-Adm Dacanay"): the person of
/// `known` (named in full elsewhere in the document) whose name ends with
/// it, when exactly one does.
fn person_by_surname(ctx: &Context, name: Span, known: &[Person]) -> Option<Person> {
    let word = ctx.text(name).split_whitespace().next()?;
    if word.chars().count() < 3 || super::name::is_stop(word) {
        return None;
    }
    let mut hits = known.iter().filter(|p| {
        p.1.split_whitespace()
            .next_back()
            .is_some_and(|last| fold(last) == fold(word))
    });
    let first = hits.next()?;
    if hits.any(|p| p.0 != first.0) {
        return None;
    }
    Some((
        first.0.clone(),
        first.1.clone(),
        first.2.clone(),
        name.start + word.len(),
    ))
}

/// The known person whose name ends `name` ("Chancellor Friedrich Merz,
/// who became …" names Merz). People the rules do not know are left out
/// here: where their name starts is not clear.
fn person_ending(ctx: &Context, name: Span) -> Option<Person> {
    let e = ctx.entities_within(name).find(|e| {
        e.kind == EntityKind::Person && e.span.end == name.end && e.span.start >= name.start
    })?;
    let pronoun = ctx
        .rules
        .entities
        .get(&e.id)
        .and_then(|x| x.pronoun.clone());
    Some((e.id.clone(), e.name.clone(), pronoun, e.span.end))
}

/// The office a government title means for this person, with its short
/// form.
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

/// The organisation or place a mention names for its office: the words
/// before the title, else what follows "of" when it is no country.
/// An adjective of a people ("Palestinian police chief") names no
/// organisation. Before a government title, only a name that cannot be a
/// country's adjective qualifies it: an organisation's possessive, several
/// words or an acronym ("IOC president", "America Online president",
/// "Kasumi's president"; not "Syrian President", "Parliament president").
fn named_qualifier(ctx: &Context, m: &RoleMention, kind: Option<TitleKind>) -> Option<String> {
    let titles = &ctx.rules.titles;
    let of =
        m.of.filter(|o| titles.country_by_name(ctx.text(*o)).is_none());
    if let Some(q) = m.qualifier {
        let text = ctx.text(q);
        let possessive = ctx
            .text(Span::new(q.end, m.title.start))
            .trim_start()
            .starts_with(['\'', '’']);
        let acronym = text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !text.chars().any(char::is_lowercase);
        let organisation = possessive || acronym || text.contains(' ');
        let usable = !titles.is_demonym(text) && (kind == Some(TitleKind::Post) || organisation);
        if usable {
            return Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let text = ctx.text(of?);
    let text = text.strip_prefix("the ").unwrap_or(text);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// "Office of Qualifier" and "qualifier office".
fn qualified(office: &str, short: &str, qualifier: &str) -> (String, String) {
    (
        format!("{office} of {qualifier}"),
        format!("{qualifier} {short}"),
    )
}

/// Whether the document tells that `name` left or took an office: a
/// phrase of `[time] left` / `took` in the sentence of `span`, or in any
/// sentence naming the person's surname, that names no other year (a
/// change reported now, not "resigned in 2019").
fn tells_change(changes: &Changes, span: Span, name: &str) -> (bool, bool) {
    let own = changes.own(span);
    let named = name
        .split_whitespace()
        .next_back()
        .map(str::to_lowercase)
        .filter(|s| s.len() >= 3)
        .and_then(|s| changes.by_word.get(s.as_str()).copied())
        .unwrap_or_default();
    (own.0 || named.0, own.1 || named.1)
}

/// What each sentence tells of a change of office, read once per document
/// so that every role claim asks in constant time (asking sentence by
/// sentence made a long document quadratic).
struct Changes<'a> {
    ctx: &'a Context<'a>,
    /// (left, took) told by each sentence that names no other year.
    by_sentence: Vec<(bool, bool)>,
    /// For each lower-case word, (left, took) told by any sentence holding it.
    by_word: std::collections::HashMap<&'a str, (bool, bool)>,
}

impl<'a> Changes<'a> {
    fn read(ctx: &'a Context<'a>) -> Self {
        let titles = &ctx.rules.titles;
        let mut by_sentence = Vec::with_capacity(ctx.index.sentences.len());
        let mut by_word: std::collections::HashMap<&'a str, (bool, bool)> = Default::default();
        let mut words = String::new();
        for (i, range) in ctx.index.sentence_tokens.iter().enumerate() {
            let tokens = &ctx.index.tokens[range.clone()];
            let told = if names_another_year(ctx, ctx.index.sentences[i], ctx.today()) {
                (false, false)
            } else {
                words.clear();
                words.push(' ');
                for t in tokens {
                    words.push_str(&t.lower);
                    words.push(' ');
                }
                let says = |finder: &Option<AhoCorasick>| {
                    finder.as_ref().is_some_and(|f| f.is_match(words.as_str()))
                };
                (says(&titles.left_finder), says(&titles.took_finder))
            };
            by_sentence.push(told);
            if told.0 || told.1 {
                for t in tokens.iter().filter(|t| t.lower.len() >= 3) {
                    let entry = by_word.entry(t.lower.as_str()).or_default();
                    entry.0 |= told.0;
                    entry.1 |= told.1;
                }
            }
        }
        Changes {
            ctx,
            by_sentence,
            by_word,
        }
    }

    fn own(&self, span: Span) -> (bool, bool) {
        let i = self.ctx.sentence_index(span.start);
        self.by_sentence.get(i).copied().unwrap_or_default()
    }
}

/// Every word the document writes in lower case.
/// The role claims of one document.
pub fn claims(ctx: &Context) -> DocClaims {
    let mut out = DocClaims::default();
    let lower = &ctx.lower_words;
    let changes = Changes::read(ctx);
    // People named in full in a role, for a surname alone elsewhere.
    let known: Vec<Person> = ctx
        .mentions
        .roles
        .iter()
        .filter(|m| m.since.is_none())
        .filter_map(|m| person(ctx, m.name, lower))
        .collect();
    // The last organisation or place a post was qualified by, and the
    // sentence it was named in: what "Its chief executive" is of.
    let mut last_qualifier: Option<(usize, String)> = None;
    let alone = std::cell::OnceCell::new();
    for m in &ctx.mentions.roles {
        let Some(tense) = tense_of(ctx, m) else {
            continue;
        };
        let listed = ctx.rules.titles.title(ctx.text(m.title));
        let portfolio = if m.portfolio || m.open {
            if listed.is_some() {
                // The title list reads it already.
                continue;
            }
            // The words were checked in `extract::role`; an open title's
            // are written as an office is ("deputy leader" → "Deputy
            // Leader") so that "Deputy Leader" and "deputy leader" meet.
            let words = ctx.text(m.title).split_whitespace();
            Some(if m.open {
                words.map(capitalise).collect::<Vec<_>>().join(" ")
            } else {
                words.collect::<Vec<_>>().join(" ")
            })
        } else {
            None
        };
        let title = match (listed, &portfolio) {
            (Some(t), None) => Some(t),
            (_, Some(_)) => None,
            (None, None) => continue,
        };
        // An open title is any few words before a name: only a person's
        // name makes it an office ("the lift company Kaltenau Bergbahnen"
        // is a company). A person is called by the last name alone
        // elsewhere ("Rotich said"), a company seldom by its last word.
        if m.open && !called_alone(ctx, m.name, &alone) {
            continue;
        }
        let found = if m.since.is_some() {
            person_ending(ctx, m.name)
        } else {
            person(ctx, m.name, lower).or_else(|| person_by_surname(ctx, m.name, &known))
        };
        let Some((id, name, pronoun, end)) = found else {
            continue;
        };
        let span = if m.since.is_some() {
            // The name comes first; the span runs to the year.
            let start = ctx
                .entities_overlapping(m.name)
                .find(|e| e.span.end == m.name.end)
                .map_or(m.span.start, |e| e.span.start);
            Span::new(start, m.span.end)
        } else if m.appositive {
            m.span
        } else {
            Span::new(m.span.start, end)
        };
        let sentence = ctx.sentence_index(span.start);
        let kind = title.map(|t| t.kind);
        let mut qualifier = named_qualifier(ctx, m, kind);
        if qualifier.is_none() && m.qualifier_pronoun {
            qualifier = last_qualifier
                .as_ref()
                .filter(|(s, _)| s + 1 >= sentence)
                .map(|(_, q)| q.clone());
        }
        if let Some(q) = &qualifier
            && kind == Some(TitleKind::Post)
        {
            last_qualifier = Some((sentence, q.clone()));
        }
        // "who became chancellor in 2024" tells of now: the year is when
        // the office was taken, checked against the rules.
        let day = if m.since.is_some() {
            ctx.today().map_or(Day::Unknown, Day::On)
        } else {
            day_of(ctx, span, tense)
        };
        let date = match day {
            Day::On(d) => Some(d),
            Day::Unknown => None,
            Day::Elsewhere => continue,
        };
        let (office, short, sole) = match (title, &portfolio) {
            (Some(t), _) if t.kind == TitleKind::Rank => {
                (t.office_for(None), t.short_for(None), false)
            }
            (Some(t), _) if t.kind == TitleKind::Post => {
                let (o, s) = (t.office_for(None), t.short_for(None));
                match &qualifier {
                    Some(q) => {
                        let (o, s) = qualified(&o, &s, q);
                        (o, s, true)
                    }
                    None => (o, s, false),
                }
            }
            (Some(t), _) => {
                let country = m.adjective.is_some()
                    || m.of
                        .is_some_and(|o| ctx.rules.titles.country_by_name(ctx.text(o)).is_some());
                match &qualifier {
                    // "IOC President": an organisation's, not a country's.
                    Some(q) if t.needs_country && !country => {
                        let (o, s) = qualified(&t.office_for(None), &t.short_for(None), q);
                        (o, s, false)
                    }
                    _ => {
                        let (o, s) = office(ctx, m, t, &id, date);
                        (o, s, false)
                    }
                }
            }
            // One person may well be many things the list does not know
            // (a coach and a former athlete): an open title is no post
            // held by one at a time.
            (None, Some(o)) => (o.clone(), o.to_lowercase(), !m.open),
            (None, None) => continue,
        };
        // A deputy's office is an office of its own, one of several
        // deputies perhaps, named after the one it is second to.
        let (office, short, sole, deputy_of) = match m.deputy {
            Some(d) => {
                let word = ctx.text(d);
                (
                    format!("{} {office}", capitalise(word)),
                    format!("{} {short}", word.to_lowercase()),
                    false,
                    Some(office),
                )
            }
            // A listed title that is itself a deputy's ("Vice President
            // of the Uco Valley Winemakers' Association"): second to the
            // office it names after the word.
            None => {
                let second_to = ctx.rules.titles.markers.deputy.iter().find_map(|w| {
                    office
                        .strip_prefix(w.as_str())
                        .and_then(|rest| rest.strip_prefix([' ', '-']))
                        .filter(|rest| !rest.is_empty())
                        .map(str::to_string)
                });
                let sole = sole && second_to.is_none();
                (office, short, sole, second_to)
            }
        };
        let rank = kind == Some(TitleKind::Rank);
        // A deputy's post is of no group: a deputy chief executive may
        // well be the chief operating officer too.
        let one_of = title
            .filter(|_| deputy_of.is_none())
            .and_then(|t| t.one_of.clone())
            .map(|group| OneOf {
                group,
                // A post's organisation is its qualifier; an office's, the
                // country its office names ("Interior Minister of Chile").
                organisation: if kind == Some(TitleKind::Post) {
                    qualifier.clone()
                } else {
                    office.split_once(" of ").map(|(_, c)| c.to_string())
                },
            });

        let terms = ctx
            .rules
            .entities
            .get(&id)
            .map(|e| e.terms(&office).map(|t| (t.from, t.to)).collect())
            .unwrap_or_default();
        let (told_left, told_took) = tells_change(&changes, span, &name);
        out.claims.push(Claim {
            anchor: Anchor { doc: 0, span },
            category: Category::Role,
            frame: role_frame(&id, &name),
            value: Value::Role(RoleValue {
                tense,
                office,
                short,
                person: name,
                pronoun,
                date,
                terms,
                since: m.since,
                portfolio: sole,
                rank,
                rank_also: title
                    .filter(|_| rank)
                    .map(|t| t.also.clone())
                    .unwrap_or_default(),
                told_left,
                told_took,
                deputy_of,
                one_of,
            }),
        });
    }
    out
}

/// Whether the last word of the name at `name` stands alone elsewhere in
/// the document, with no capitalised word on either side ("Rotich said",
/// "Hollersbach, who"): how a person is referred to after being named in
/// full. `alone` holds those words, read once per document when an open
/// title first needs them.
fn called_alone<'a>(
    ctx: &Context<'a>,
    name: Span,
    alone: &std::cell::OnceCell<HashSet<&'a str>>,
) -> bool {
    let words: Vec<&str> = ctx.text(name).split_whitespace().collect();
    let Some(last) = words.last().filter(|_| words.len() >= 2) else {
        return false;
    };
    let clean = |w: &'a str| w.trim_matches(|c: char| !c.is_alphanumeric());
    let set = alone.get_or_init(|| {
        let text: &'a str = &ctx.doc.text;
        let tokens: Vec<&str> = text.split_whitespace().map(clean).collect();
        let capital = |w: &str| w.starts_with(char::is_uppercase);
        (0..tokens.len())
            .filter(|&k| {
                capital(tokens[k])
                    && !k.checked_sub(1).is_some_and(|p| capital(tokens[p]))
                    && !tokens.get(k + 1).is_some_and(|n| capital(n))
            })
            .map(|k| tokens[k])
            .collect()
    });
    set.contains(last.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// A word with its first letter capitalised and the rest lower-cased.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// A role's frame: whose office. The day stays in the value: the role
/// judge groups every claim about one person and splits them by day
/// itself, so that a story told over several days is one window.
fn role_frame(id: &str, name: &str) -> Frame {
    let mut frame = Frame::bare("office");
    frame.about = Some(Participant {
        key: id.to_string(),
        name: name.to_string(),
        kind: ParticipantKind::Person,
    });
    frame
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
                    c.frame.subject().key,
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
        assert_eq!(key, "office|about=donald-trump");
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
        assert_eq!(r[1].1, "office|about=person:jan-novak");
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
    fn a_double_barrelled_or_apostrophe_name_holds_an_office() {
        for (text, span) in [
            (
                "GAF president Rafael Montero-Baines said it was fair.",
                "GAF president Rafael Montero-Baines",
            ),
            (
                "Mayor Seamus O'Brien said it was fair.",
                "Mayor Seamus O'Brien",
            ),
        ] {
            let r = roles(text, None);
            assert_eq!(r.len(), 1, "{text}: {r:?}");
            assert_eq!(r[0].0, span);
        }
        // An acronym after a title is no person.
        assert!(roles("The Director FBI Agents said so.", None).is_empty());
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
        assert_eq!(r[0].1, "office|about=keir-starmer");
        assert_eq!(r[0].0, "British Prime Minister Kir Starmer");
    }

    /// (text, office, tense shown) of every role.
    fn offices(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        roles(text, published)
            .into_iter()
            .map(|(t, _, r)| (t, r.to_string()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn a_post_is_of_the_organisation_or_place_named() {
        let r = roles("Pescara Mayor Lucia Ferrante said so.", None);
        assert_eq!(r[0].2.office, "Mayor of Pescara");
        assert!(r[0].2.portfolio, "one mayor of Pescara at a time");
        assert_eq!(
            offices("Later the mayor of Pescara, Lucia Ferrante, said so.", None),
            [pair("mayor of Pescara, Lucia Ferrante", "Mayor of Pescara")]
        );
        assert_eq!(
            offices("Marisol Okafor, the chief executive, said so.", None),
            [pair(
                "Marisol Okafor, the chief executive",
                "Chief Executive"
            )]
        );
        assert!(
            !roles("Marisol Okafor, the chief executive, said so.", None)[0]
                .2
                .portfolio
        );
        assert_eq!(
            offices(
                "Okafor was at the Tessaly Robotics site with CEO Marisol Okafor.",
                None
            ),
            [pair("CEO Marisol Okafor", "Chief Executive")]
        );
    }

    #[test]
    fn its_post_is_of_the_organisation_named_just_before() {
        let r = offices(
            "Kallang Mercantile chairman Arjun Nair backed the offer. Its chief executive, Grace Tan, will stay.",
            None,
        );
        assert_eq!(
            r,
            [
                pair(
                    "Kallang Mercantile chairman Arjun Nair",
                    "Chair of Kallang Mercantile"
                ),
                pair(
                    "Its chief executive, Grace Tan",
                    "Chief Executive of Kallang Mercantile"
                ),
            ]
        );
    }

    #[test]
    fn an_adjective_of_a_people_qualifies_no_office() {
        assert_eq!(
            offices("Syrian President Hafez Assad met them.", None),
            [pair("Syrian President Hafez Assad", "President")]
        );
        assert_eq!(
            offices("the Palestinian police chief, Ghazi Jabali, said.", None),
            [pair(
                "Palestinian police chief, Ghazi Jabali",
                "Police Chief"
            )]
        );
        // An organisation's name does, before a government title too.
        assert_eq!(
            offices("IOC president Juan Samaranch spoke.", None),
            [pair("IOC president Juan Samaranch", "President of IOC")]
        );
    }

    #[test]
    fn a_rank_is_the_rank_alone() {
        let r = roles(
            "said Coast Guard Rear Admiral Joselito Dacanay, who led the search.",
            None,
        );
        assert_eq!(r.len(), 1, "{r:?}");
        let v = &r[0].2;
        assert!(v.rank);
        assert_eq!(v.office, "Rear Admiral");
        assert_eq!(v.rank_also, ["Admiral"]);
        assert_eq!(v.phrase(), "a rear admiral");
    }

    #[test]
    fn a_surname_alone_after_a_title_is_the_person_named_in_full() {
        let r = roles(
            "Rear Admiral Joselito Dacanay spoke. \"Go,\" Rear-Adm Dacanay said.",
            None,
        );
        let keys: Vec<&str> = r.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            keys,
            [
                "office|about=person:joselito-dacanay",
                "office|about=person:joselito-dacanay"
            ]
        );
        // Alone, a surname names no one the rules do not know.
        assert!(roles("\"Go,\" Rear-Adm Dacanay said.", None).is_empty());
    }

    #[test]
    fn words_of_a_thing_name_no_person() {
        assert!(roles("He sold General Motors Corp shares.", None).is_empty());
        assert!(
            roles(
                "He is chief executive of Toledo, Ohio-based Meridian, a lender.",
                None
            )
            .is_empty()
        );
        assert_eq!(
            offices("Kenyan Trade Minister Joseph Kamotho spoke.", None),
            [pair("Trade Minister Joseph Kamotho", "Trade Minister")]
        );
        // "storm" and "city" are written in lower case in the document.
        assert!(
            roles(
                "It was Major Storm Hits City news. The storm hit the city.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn a_title_for_the_time_of_a_past_act_yields_no_claim() {
        let today = Some("2025-03-18");
        for text in [
            "In 2015, President Barack Obama authorized the strikes.",
            "The law signed by President Bill Clinton still stands.",
            "The bridge opened by Mayor Carlo Renzetti in 1979 fell.",
            "Under President Bill Clinton, the deficit fell.",
            "In 2019, then-CEO Gunnar Lindqvist moved the headquarters.",
        ] {
            assert!(
                roles(text, today).is_empty(),
                "{text}: {:?}",
                roles(text, today)
            );
        }
        // The story's own passive is read ...
        assert_eq!(
            offices(
                "It was confirmed by Kremlin spokesman Dmitry Peskov.",
                today
            ),
            [pair("Kremlin spokesman Dmitry Peskov", "Kremlin spokesman")]
        );
        // ... and so is the title in the present, whose rules check still
        // runs: Obama is not president in 2025.
        let r = roles("President Barack Obama spoke on Tuesday.", today);
        assert!(r[0].2.rules_contradiction(day("2025-03-18")).is_some());
        // A year in a relative clause is another clause's time.
        let r = roles(
            "Chief Executive Marisol Okafor, who joined Tessaly in 2011, said so.",
            Some("2026-10-29"),
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2.date, Some(day("2026-10-29")));
    }

    #[test]
    fn a_change_the_text_tells_is_carried() {
        let r = roles(
            "Kasumi's former president Kenji Aramaki, who resigned at a late-night board meeting, was replaced.",
            Some("2026-05-19"),
        );
        assert!(r[0].2.told_left, "{r:?}");
        // A sentence naming the person elsewhere in the document counts.
        let r = roles(
            "Former president Kenji Aramaki spoke. Aramaki resigned on Monday night.",
            Some("2026-05-19"),
        );
        assert!(r[0].2.told_left, "{r:?}");
        // A change in another year is no news of this story.
        let r = roles(
            "Former president Kenji Aramaki, who resigned in 2019, spoke.",
            Some("2026-05-19"),
        );
        assert!(!r[0].2.told_left, "{r:?}");
        let r = roles(
            "Commodore Ana Cruz, who was promoted on Friday, spoke.",
            Some("2026-05-19"),
        );
        assert!(r[0].2.told_took && !r[0].2.told_left, "{r:?}");
    }
}
