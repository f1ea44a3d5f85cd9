//! Extraction of role mentions: an office title and the person holding it.
//!
//! Reads three shapes with the regexes compiled from `rules/titles.toml`:
//! the title before the name ("marker? qualifier? title (-elect)? (of
//! place)? ,? Name": "former US President Donald Trump", "Pescara Mayor
//! Lucia Ferrante", "the mayor of Pescara, Lucia Ferrante", "Kallang
//! Mercantile's chief executive, Arjun Nair"); the name before the title
//! ("Marisol Okafor, the chief executive", "Lim Wei Jie, 52, the chief
//! executive of SHB"); and "Name, who became title in year". Keeps the span
//! of every part found, without deciding who the person is or which office
//! is meant; `normalise::role` does that with the document's entities.
//!
//! What qualifies a post (the organisation or place it is of) is read from
//! the capitalised words right before the title, a possessive included
//! ("Tessaly Robotics CEO", "Kasumi's president"), or after "of"; "its" or
//! "their" there is left for `normalise::role` to resolve. With no comma
//! between "of" and the name ("former mayor of Pescara Lucia Ferrante"),
//! the person is the known name at the end of the run, else its last two
//! words.

use crate::claim::{Span, SpanSet};
use crate::extract::name::PARTICLES;
use crate::rules::Rules;
use crate::rules::titles::TitleKind;
use crate::rules::words::{Class, strip_possessive};

/// A role as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleMention {
    /// From the first word of the role to the end of the name (or, when
    /// the name comes first, from the name to the end of the title).
    pub span: Span,
    /// "former", "ex-", "acting", …
    pub tense: Option<Span>,
    /// Country word before the title: "US", "Russian", "Ukraine's".
    pub adjective: Option<Span>,
    /// The organisation or place named before the title, its possessive
    /// dropped: "Tessaly Robotics" CEO, "Pescara" Mayor.
    pub qualifier: Option<Span>,
    /// "Its" or "Their" before the title: the organisation is one named
    /// earlier.
    pub qualifier_pronoun: bool,
    pub title: Span,
    /// "-elect" after the title.
    pub elect: bool,
    /// What follows "of": a country ("the United States") or another
    /// place or organisation ("Pescara").
    pub of: Option<Span>,
    /// The capitalised words after the title (may run past the name), or
    /// before it in "Name, who became title in year" and "Name, the title".
    pub name: Span,
    /// The year the office was taken ("who became chancellor in 2025").
    pub since: Option<i32>,
    /// A government portfolio read by its shape ("Emergency Services
    /// Minister"), not a title of the list.
    pub portfolio: bool,
    /// The name comes before the title: "Marisol Okafor, the chief
    /// executive".
    pub appositive: bool,
    /// An office the title list does not know, read by its shape: the
    /// lower-case words right before a name ("former coach Daniel
    /// Rotich", "the party's deputy leader, Miriam Hollersbach").
    pub open: bool,
    /// A word right before the title that makes the holder second to the
    /// office's holder: "Deputy" Fire Chief.
    pub deputy: Option<Span>,
}

pub fn extract(text: &str, rules: &Rules) -> Vec<RoleMention> {
    let mut out: Vec<RoleMention> = Vec::new();
    if let Some((titles, after)) = &rules.titles.regex {
        for title in titles.find_iter(text) {
            // What follows a title is read from a bounded window: the
            // pattern is anchored and a name is a few words, and reading
            // the whole rest of the document for each title (to pick the
            // regex engine) made long documents quadratic.
            let end = title.end();
            let window =
                crate::error::floor_char_boundary(text, (end + AFTER_TITLE).min(text.len()));
            let Some(c) = after.captures(&text[end..window]) else {
                continue;
            };
            out.extend(title_before_name(text, rules, span_of(title), &c, end));
        }
    }
    out.extend(since(text, rules));
    // Each later reading is kept only where no earlier one stands; the
    // earlier readings' spans are searched, not scanned, so a document with
    // many titles stays linear.
    // Appositives, where no title before a name was read over the title.
    // A "name" after the title inside the organisation the appositive
    // names is no name ("Rodrigo Albarracín, vice-president of the Uco
    // Valley Winemakers' Association": the run after "of" split into a
    // place and "Winemakers' Association"): the appositive stands.
    let all: Vec<RoleMention> = appositives(text, rules).collect();
    let titles = SpanSet::new(all.iter().map(|a| a.title));
    out.retain(|m| {
        !titles.overlapping(m.title).any(|i| {
            all[i]
                .of
                .is_some_and(|o| o.start <= m.name.start && m.name.end <= o.end)
        })
    });
    let taken = SpanSet::new(out.iter().map(|m| m.title));
    out.extend(all.into_iter().filter(|a| !taken.overlaps(a.title)));
    // Portfolios read by shape, where no listed title was read.
    let taken = SpanSet::new(out.iter().map(|m| m.span));
    out.extend(portfolios(text, rules).filter(|p| !taken.overlaps(p.span)));
    // Offices the list does not know, where no other reading was made.
    let taken = SpanSet::new(out.iter().map(|m| m.span));
    out.extend(open_titles(text, rules).filter(|p| !taken.overlaps(p.span)));
    // In text order: "Its chief executive" looks back at the posts before.
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Bytes after a title where its holder's name is looked for: "-elect of
/// the United States of America" and a name of five words fit many times.
const AFTER_TITLE: usize = 512;

fn span_of(m: regex::Match) -> Span {
    Span::new(m.start(), m.end())
}

/// "former US President Donald Trump", "Pescara Mayor Lucia Ferrante".
/// `c` holds the captures of what follows the title, read from `offset`.
fn title_before_name(
    text: &str,
    rules: &Rules,
    title: Span,
    c: &regex::Captures,
    offset: usize,
) -> Option<RoleMention> {
    let at = |m: regex::Match| Span::new(offset + m.start(), offset + m.end());
    let name = at(c.name("name")?);
    // "Deputy Fire Chief": the deputy's own office, read with what stands
    // before it; any other lesser office is not read.
    let deputy = deputy_before(text, title.start, rules);
    if deputy.is_none() && lesser_before(text, title.start, rules) {
        return None;
    }
    let lead = deputy.map_or(title.start, |d| d.start);
    if deputy.is_some() && lesser_before(text, lead, rules) {
        return None;
    }
    let kind = rules
        .titles
        .title(&text[title.start..title.end])
        .map(|t| t.kind);
    if kind == Some(TitleKind::Rank) && !rank_stands(text, title.start, rules) {
        return None;
    }
    // "former US President": the marker, then the country, before it.
    let mut tense = tense_before(text, lead, rules);
    let adjective = match tense {
        Some(_) => None,
        None => adjective_before(text, lead, rules),
    };
    if let Some(a) = adjective {
        tense = tense_before(text, a.start, rules);
    }
    let first = [tense, adjective]
        .into_iter()
        .flatten()
        .map(|s| s.start)
        .min()
        .unwrap_or(lead);
    let mut start = first;
    let mut qualifier = None;
    let mut qualifier_pronoun = false;
    // A rank is the same in any service ("Coast Guard Rear Admiral").
    if adjective.is_none() && kind != Some(TitleKind::Rank) {
        match qualifier_before(text, first, rules) {
            Some(Qualifier::Words(q)) => {
                qualifier = Some(q.name);
                start = q.from;
            }
            Some(Qualifier::Pronoun(p)) => {
                qualifier_pronoun = true;
                start = p.start;
            }
            None => {}
        }
        if tense.is_none()
            && start < first
            && let Some(t) = marker_before(text, start, rules)
        {
            tense = Some(t);
            start = t.start;
        }
    }
    let mut of = c.name("of").map(at);
    let mut name = name;
    // "former mayor of Pescara Lucia Ferrante": the run holds both.
    if let Some(o) = of
        && !text[o.end..name.start].contains(',')
        && rules
            .titles
            .country_by_name(&text[o.start..o.end])
            .is_none()
    {
        // "Marguerite Leung, the former chairman of Carrington & Vail
        // Asia, who …": after a comma and a determiner the title is an
        // appositive's, and a "who" after the run is said of the name
        // before it ("among them the former Chancellor of the Exchequer
        // Ruth Okafor, who …" has no comma).
        let before = text[..start].trim_end();
        let appositive = before
            .rsplit_once(|c: char| !c.is_alphanumeric())
            .is_some_and(|(rest, w)| {
                matches!(w.to_lowercase().as_str(), "the" | "a" | "an")
                    && rest.trim_end().ends_with(',')
            });
        let (place, person) = split_run(text, Span::new(o.start, name.end), rules, !appositive)?;
        of = Some(place);
        name = person;
    }
    Some(RoleMention {
        span: Span::new(start, name.end),
        tense,
        adjective,
        qualifier,
        qualifier_pronoun,
        title,
        elect: c.name("elect").is_some(),
        of,
        name,
        since: None,
        portfolio: false,
        open: false,
        appositive: false,
        deputy,
    })
}

/// A word of `[markers] deputy` right before `at` ("Deputy", "vice"), in
/// any case, as a whole word, or joined to the title by a hyphen
/// ("deputy-prime minister").
fn deputy_before(text: &str, at: usize, rules: &Rules) -> Option<Span> {
    let before = text[..at].trim_end();
    let before = before.strip_suffix('-').unwrap_or(before);
    rules.titles.markers.deputy.iter().find_map(|w| {
        let from = before.len().checked_sub(w.len())?;
        let tail = before.get(from..)?;
        let whole = before[..from]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (tail.eq_ignore_ascii_case(w) && whole).then(|| Span::new(from, before.len()))
    })
}

/// What names the organisation or place of a post, before its title.
enum Qualifier {
    /// The words, and where they start (with a possessive "'s" dropped
    /// from `name`).
    Words(Named),
    /// "Its", "Their".
    Pronoun(Span),
}

struct Named {
    from: usize,
    name: Span,
}

/// The word right before `at`, separated from it by spaces only.
fn word_before(text: &str, at: usize) -> Option<Span> {
    let before = text[..at].trim_end_matches(' ');
    if before.len() == at {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '&' | '-');
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map(|(i, _)| i)?;
    Some(Span::new(start, before.len()))
}

/// Whether a word before a post stands for the organisation named before:
/// "its", "their" chief executive, "the company's" (a noun only with its
/// possessive: "Southern Coal Group chief executive" is part of a name).
fn organisation_pronoun(rules: &Rules, lower: &str, possessive: bool) -> bool {
    rules
        .titles
        .organisation_pronouns
        .iter()
        .any(|p| p == lower)
        && (possessive || rules.words.class(lower).has(Class::DETERMINER))
}

/// The capitalised words right before a post's title that name what it
/// is of: "Tessaly Robotics" CEO, "Kallang Mercantile's" chief executive,
/// "Pescara" Mayor; at most four, none a stop word, marker, title, or word
/// of `[generic] not_qualifiers`; a possessive only right before the title.
fn qualifier_before(text: &str, at: usize, rules: &Rules) -> Option<Qualifier> {
    let titles = &rules.titles;
    let mut words: Vec<Span> = Vec::new();
    let mut pos = at;
    let mut end = None;
    while words.len() < 4 {
        let Some(w) = word_before(text, pos) else {
            break;
        };
        let word = &text[w.start..w.end];
        let first = words.is_empty();
        let bare = if first {
            strip_possessive(word).unwrap_or(word)
        } else if strip_possessive(word).is_some() {
            break;
        } else {
            word
        };
        let lower = bare.to_lowercase();
        if first && organisation_pronoun(rules, &lower, bare.len() < word.len()) {
            return Some(Qualifier::Pronoun(w));
        }
        let class = rules.words.class(&lower);
        let plain_word = bare
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !crate::normalise::name::is_stop(bare)
            && !class.has(Class::FUNCTION)
            && !class.has(Class::SENTENCE_OPENER)
            && !titles.not_qualifiers.contains(&lower)
            && !titles.is_marker(&lower)
            && !titles
                .markers
                .lesser
                .iter()
                .any(|l| l.eq_ignore_ascii_case(bare))
            && titles.title(bare).is_none();
        if !plain_word {
            break;
        }
        if first {
            end = Some(w.start + bare.len());
        }
        words.push(w);
        pos = w.start;
    }
    let (first, end) = (words.last()?, end?);
    Some(Qualifier::Words(Named {
        from: first.start,
        name: Span::new(first.start, end),
    }))
}

/// A tense marker ("former") right before `at`.
fn marker_before(text: &str, at: usize, rules: &Rules) -> Option<Span> {
    let w = word_before(text, at)?;
    rules
        .titles
        .is_marker(&text[w.start..w.end].to_lowercase())
        .then_some(w)
}

/// The tense marker right before a title: a word ("former President") or
/// a prefix ending in a hyphen ("ex-chancellor", "then-Mayor").
fn tense_before(text: &str, at: usize, rules: &Rules) -> Option<Span> {
    let m = &rules.titles.markers;
    let hyphened = [&m.former, &m.acting, &m.current, &m.outgoing, &m.other_time]
        .into_iter()
        .flatten()
        .filter(|x| x.ends_with('-'))
        .find_map(|x| {
            let from = at.checked_sub(x.len())?;
            let prefix = text.get(from..at)?;
            let free = !text[..from].ends_with(|c: char| c.is_alphanumeric());
            (prefix.eq_ignore_ascii_case(x) && free).then(|| Span::new(from, at))
        });
    hyphened.or_else(|| marker_before(text, at, rules))
}

/// The country adjective right before a title ("Russian", "US",
/// "Ukraine's"): the longest form of `[[country]]` the text ends with
/// there, as written.
fn adjective_before(text: &str, at: usize, rules: &Rules) -> Option<Span> {
    let before = text[..at].trim_end_matches(' ');
    if before.len() == at {
        return None;
    }
    rules
        .titles
        .country_forms
        .iter()
        .filter(|(f, _)| {
            before.ends_with(f.as_str())
                && !before[..before.len() - f.len()].ends_with(|c: char| c.is_alphanumeric())
        })
        .map(|(f, _)| Span::new(before.len() - f.len(), before.len()))
        .min_by_key(|s| s.start)
}

/// Splits a run of capitalised words after "of" into the place and the
/// person: a name the rules know that ends the run, else the last two
/// words (with the particles between them: "Bill de Blasio"). `None` when
/// no word would be left for the place.
fn split_run(text: &str, run: Span, rules: &Rules, who_names: bool) -> Option<(Span, Span)> {
    let mut words: Vec<Span> = Vec::new();
    let mut at = run.start;
    for w in text[run.start..run.end].split_whitespace() {
        let start = at + text[at..run.end].find(w)?;
        words.push(Span::new(start, start + w.len()));
        at = start + w.len();
    }
    let split = |k: usize| {
        (
            Span::new(run.start, words[k - 1].end),
            Span::new(words[k].start, run.end),
        )
    };
    if let Some(k) =
        (1..words.len()).find(|&k| rules.entities.is_alias(&text[words[k].start..run.end]))
    {
        return Some(split(k));
    }
    let mut names = 0;
    let mut k = words.len();
    while k > 0 && names < 2 {
        k -= 1;
        if !PARTICLES.contains(&&text[words[k].start..words[k].end]) {
            names += 1;
        }
    }
    if names < 2 || k == 0 {
        return None;
    }
    // The place must be one the text names on its own elsewhere ("the
    // prefecture of Pescara"), else the run may be one name ("chairman of
    // the Young Christian Democrats", "CEO of United Technologies Corp"),
    // unless a relative clause about a person follows the run ("former
    // Chancellor of the Exchequer Ruth Okafor, who quit the Cabinet"):
    // "who" is said of a person, not of an organisation.
    let who = who_names && {
        let rest = text[run.end..].trim_start_matches(',').trim_start();
        rest.strip_prefix("who")
            .is_some_and(|r| r.starts_with(|c: char| !c.is_alphanumeric()))
            && text[run.end..].starts_with(',')
    };
    let (place, person) = split(k);
    let named = &text[place.start..place.end];
    let named = named.strip_prefix("the ").unwrap_or(named);
    let alone = text.match_indices(named).any(|(at, _)| {
        let end = at + named.len();
        let whole = !text[..at].ends_with(|c: char| c.is_alphanumeric())
            && !text[end..].starts_with(|c: char| c.is_alphanumeric());
        let next_capitalised = text[end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        whole && !(place.start..person.end).contains(&at) && !next_capitalised
    });
    named
        .starts_with(char::is_uppercase)
        .then_some(())
        .filter(|_| alone || who)?;
    Some((place, person))
}

/// "Marisol Okafor, the chief executive", "Kenji Aramaki, Kasumi's former
/// president", "Lim Wei Jie, 52, the chief executive of SHB". The title
/// must end the appositive (a comma, a full stop, "who", "said", …: not
/// "the president's spokesman", not "a chief executive of another bank"),
/// and the name must not follow a preposition or a determiner ("In New
/// York, the mayor said").
fn appositives<'a>(text: &'a str, rules: &'a Rules) -> impl Iterator<Item = RoleMention> + 'a {
    let titles = &rules.titles;
    titles
        .appositive_regex
        .iter()
        .flat_map(move |re| re.captures_iter(text))
        .filter_map(move |c| {
            let whole = c.get(0)?;
            let name = c.name("name")?;
            let title = c.name("title")?;
            let end = appositive_end(text, whole.end(), rules)?;
            if !free_before(text, name.start(), rules) {
                return None;
            }
            // "Dr Julian Farrow, …": the honorific is no part of the name.
            let mut name_span = span_of(name);
            let first = name.as_str().split_whitespace().next().unwrap_or("");
            let honorific = rules
                .words
                .class(&first.trim_end_matches('.').to_lowercase())
                .has(Class::HONORIFIC);
            if honorific && let Some(gap) = name.as_str().find(char::is_whitespace) {
                let rest = &name.as_str()[gap..];
                name_span = Span::new(
                    name.start() + gap + (rest.len() - rest.trim_start().len()),
                    name.end(),
                );
            }
            let first = &text[name_span.start..name_span.end]
                .split_whitespace()
                .next()
                .unwrap_or("");
            // "In New York, the mayor …": a function word starts no name.
            if crate::normalise::name::is_stop(first)
                || rules
                    .words
                    .class(&first.to_lowercase())
                    .has(Class::FUNCTION)
            {
                return None;
            }
            let kind = titles.title(title.as_str()).map(|t| t.kind);
            if kind == Some(TitleKind::Rank) && !rank_stands(text, title.start(), rules) {
                return None;
            }
            let mut adjective = None;
            let mut qualifier = None;
            let mut qualifier_pronoun = false;
            if let Some(q) = c.name("qual") {
                let words = q.as_str();
                let lesser = words.split_whitespace().any(|w| {
                    titles
                        .markers
                        .lesser
                        .iter()
                        .any(|l| l.eq_ignore_ascii_case(w))
                });
                if lesser {
                    return None;
                }
                let bare = strip_possessive(words).unwrap_or(words);
                let lower = bare.to_lowercase();
                if titles.country_by_form(words).is_some() {
                    adjective = Some(span_of(q));
                } else if organisation_pronoun(rules, &lower, bare.len() < words.len()) {
                    qualifier_pronoun = true;
                } else if !titles.not_qualifiers.contains(&lower) && kind != Some(TitleKind::Rank) {
                    qualifier = Some(Span::new(q.start(), q.start() + bare.len()));
                }
            }
            Some(RoleMention {
                span: Span::new(name_span.start, end),
                tense: c.name("tense").or(c.name("tense2")).map(span_of),
                adjective,
                qualifier,
                qualifier_pronoun,
                title: span_of(title),
                elect: c.name("elect").is_some(),
                of: c.name("of").map(span_of),
                name: name_span,
                since: None,
                portfolio: false,
                open: false,
                appositive: true,
                deputy: c.name("deputy").map(span_of),
            })
        })
}

/// Where an appositive that reads to `end` ends, if its title ends it:
/// the end of the text, punctuation that closes a phrase, or a word that
/// starts a clause or reports ("who", "since", "said": `clause_openers`,
/// `bounds` and `reporting` of rules/words.toml); or a few more words of
/// its organisation up to a comma. `None`: the phrase goes on, no role.
fn appositive_end(text: &str, end: usize, rules: &Rules) -> Option<usize> {
    let rest = &text[end..];
    let Some(c) = rest.chars().next() else {
        return Some(end);
    };
    if matches!(
        c,
        ',' | '.' | ';' | ':' | ')' | '—' | '–' | '"' | '”' | '!' | '?' | '\n'
    ) {
        return Some(end);
    }
    if !c.is_whitespace() {
        return None;
    }
    let next: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let class = rules.words.class(&next);
    if class.has(Class::CLAUSE_OPENER) || class.has(Class::BOUND) || class.has(Class::REPORTING) {
        return Some(end);
    }
    // "a spokesman for the Valais cantonal police, said", "regional
    // director for western Sweden, said": a few more words of what the
    // post is of, closed by a comma. Only words, none a verb form: after a
    // preposition, a name among them ("of another bank" may be anyone's);
    // else all in lower case.
    let tail = rest.split_once(',').map(|(t, _)| t)?;
    let words: Vec<&str> = tail.split_whitespace().collect();
    let lead = words
        .first()
        .is_some_and(|w| matches!(*w, "for" | "of" | "in" | "at"));
    let read = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().all(char::is_alphabetic) && !w.ends_with("ed"))
        && if lead {
            words[1..]
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        } else {
            words.iter().all(|w| w.chars().all(char::is_lowercase))
        };
    // The span runs to the end of those words: they are the evidence.
    read.then(|| end + tail.trim_end().len())
}

/// Whether the word before a name leaves it free to head an appositive:
/// not a preposition or determiner ("In New York, …"), not a capitalised
/// word (the name would be the tail of a longer one).
fn free_before(text: &str, at: usize, rules: &Rules) -> bool {
    if text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
    {
        return false;
    }
    let Some(w) = word_before(text, at) else {
        return true;
    };
    let word = &text[w.start..w.end];
    let class = rules.words.class(&word.to_lowercase());
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    !(class.has(Class::PREPOSITION)
        || class.has(Class::DETERMINER)
        || (capitalised && !crate::normalise::name::is_stop(word)))
}

/// Whether a rank's word at `at` is a rank: not in a title-case headline,
/// not the end of another office's name ("Attorney General", "Surgeon
/// General", "Secretary-General"; `[generic] not_before_rank` and the
/// words of other titles).
fn rank_stands(text: &str, at: usize, rules: &Rules) -> bool {
    if in_headline(text, at) || text[..at].ends_with('-') {
        return false;
    }
    let Some(w) = word_before(text, at) else {
        return true;
    };
    let word = &text[w.start..w.end];
    let titles = &rules.titles;
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    !(capitalised
        && (titles.not_before_rank.contains(&word.to_lowercase())
            || titles.title_forms.iter().any(|(f, i)| {
                titles.titles[*i].kind != TitleKind::Rank
                    && f.split([' ', '-']).any(|p| p.eq_ignore_ascii_case(word))
            })))
}

/// Whether the line holding `at` is a headline: set in title case, with
/// no full stop at its end ("Major Storm Hits Coast"). A rank's word there
/// ("Major", "General", "Private") is far more often a common word than a
/// rank. (The text is flattened: a hard-wrapped paragraph is one line.)
fn in_headline(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].trim_end();
    if line.ends_with(['.', '!', '?', '"', '”', ':']) {
        return false;
    }
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic) && w.chars().count() > 3)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitalised * 4 >= words.len() * 3
}

/// "Emergency Services Minister Jodie Barrett": capitalised words before a
/// portfolio head (`[generic] portfolios`), then a name. Every word before
/// the head must be one that may name a portfolio: no stop word ("The
/// Home Secretary" keeps the article out), no word of a listed title or
/// country ("Prime Minister Fires Home Secretary", "Russian …"), no word
/// making it a lesser office ("Shadow", "Deputy"), no known name; and no
/// lesser word just before it.
fn portfolios<'a>(text: &'a str, rules: &'a Rules) -> impl Iterator<Item = RoleMention> + 'a {
    let span = |m: regex::Match| Span::new(m.start(), m.end());
    rules
        .titles
        .portfolio_regex
        .iter()
        .flat_map(move |re| re.captures_iter(text))
        .filter_map(move |c| {
            let title = c.name("title")?;
            let name = c.name("name")?;
            let from = title.start() + portfolio_start(title.as_str(), rules)?;
            if lesser_before(text, from, rules) {
                return None;
            }
            // A stop word dropped from the front ("The Home Secretary")
            // parts the marker from the title.
            let tense = c.name("tense").filter(|_| from == title.start());
            let start = tense.map_or(from, |t| t.start());
            Some(RoleMention {
                span: Span::new(start, name.end()),
                tense: tense.map(span),
                adjective: None,
                title: Span::new(from, title.end()),
                elect: false,
                of: None,
                name: span(name),
                since: None,
                portfolio: true,
                open: false,
                qualifier: None,
                qualifier_pronoun: false,
                appositive: false,
                deputy: None,
            })
        })
}

/// A run of two or more capitalised words: a name an open title may
/// stand before (`normalise::role` decides whether it is a person's).
static NAME_RUN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\p{Lu}[\p{Ll}\p{Lu}'’.-]*(?:[ \t]+\p{Lu}[\p{Ll}\p{Lu}'’-]*)+")
        .expect("a valid pattern")
});

/// Offices the title list does not know, read by their shape: up to four
/// lower-case words right before a name ("coach Daniel Rotich", "plant
/// manager Graham Pyle"), a tense marker before them ("former deputy
/// leader Miriam Hollersbach"), a deputy word first among them ("deputy
/// head"), or the same words between "the" (or a possessive) and a comma
/// before the name ("the party's deputy leader, Miriam Hollersbach"). The
/// words stop at a function word, a verb of saying, a past or irregular
/// verb form, an adverb and punctuation: what is left names what the
/// person is, and only the same words elsewhere are compared with it.
fn open_titles<'a>(text: &'a str, rules: &'a Rules) -> impl Iterator<Item = RoleMention> + 'a {
    NAME_RUN
        .find_iter(text)
        .filter_map(move |name| open_title_before(text, rules, span_of(name)))
}

fn open_title_before(text: &str, rules: &Rules, name: Span) -> Option<RoleMention> {
    let words = &rules.words;
    // Before the name, spaces and one line break (hard-wrapped text).
    let space = |s: &str| {
        let t = s.trim_end_matches([' ', '\t']);
        let t = t.strip_suffix('\n').unwrap_or(t);
        t.trim_end_matches([' ', '\t', '\r']).len()
    };
    let mut at = space(&text[..name.start]);
    let comma = text[..at].ends_with(',');
    if comma {
        at -= 1;
    }
    let word_at = |end: usize| -> Option<Span> {
        let before = &text[..end];
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            .last()
            .map(|(i, _)| i)?;
        Some(Span::new(start, end))
    };
    let mut run: Vec<Span> = Vec::new();
    let mut tense = None;
    let mut opener: Option<String> = None;
    // Each word must end where the text before the run ends: punctuation
    // between ends the run.
    while let Some(w) = word_at(at) {
        let word = &text[w.start..w.end];
        let lower = word.to_lowercase();
        if rules.titles.is_marker(&lower) {
            // "the late", "then-": not the office now; leave it.
            if rules
                .titles
                .markers
                .other_time
                .iter()
                .any(|x| x.eq_ignore_ascii_case(&lower))
            {
                return None;
            }
            tense = Some(w);
            break;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        // A capital only opening a sentence ("Plant manager Graham Pyle").
        let opens = {
            let b = text[..w.start].trim_end();
            b.is_empty() || b.ends_with(['.', '!', '?', '"', '“'])
        };
        let class = words.class(&lower);
        let stop = run.len() == 4
            || (capitalised && !opens)
            || class.has(Class::FUNCTION)
            || class.has(Class::REPORTING)
            || class.has(Class::SAY)
            || class.has(Class::ADVERB)
            // "the last time George Voinovich": a word of time.
            || class.has(Class::TIME_FRAME)
            || class.has(Class::DAY_PART)
            // "36-year-old Ruslan Linkov", "pro-Nazi": part of a word.
            || lower.starts_with('-')
            || lower.ends_with('-')
            || words.is_irregular(&lower)
            // "beat Real Valdeverde": an irregular verb's base form.
            || words.is_irregular_base(&lower)
            || rules.speech.is_verb(&lower)
            || lower.ends_with("ed")
            || lower.ends_with("ly")
            || lower.ends_with("'s")
            || lower.ends_with("’s");
        if stop {
            opener = Some(lower);
            break;
        }
        run.push(w);
        if capitalised {
            break;
        }
        at = space(&text[..w.start]);
    }
    run.reverse();
    // "to beat Real Valdeverde": after "to", a bare word is a verb; after
    // "last" or "next", a word of time ("the last time George Voinovich").
    if opener
        .as_deref()
        .is_some_and(|o| o == "to" || words.class(o).has(Class::TIME_FRAME))
    {
        return None;
    }
    // "the party's deputy leader, Miriam Hollersbach": an appositive
    // after a determiner or a possessive, never "…, said coach, Name".
    if comma {
        let appositive = opener.as_deref().is_some_and(|o| {
            matches!(o, "the" | "its" | "their") || o.ends_with("'s") || o.ends_with("’s")
        });
        if !appositive {
            return None;
        }
    }
    // A deputy word opening the words: a lesser office of its own.
    let deputy = match run.as_slice() {
        [first, second, ..] => {
            deputy_before(text, second.start, rules).filter(|d| d.start == first.start)
        }
        _ => None,
    };
    let title_words = &run[usize::from(deputy.is_some())..];
    let (first, head) = (title_words.first()?, title_words.last()?);
    let head_word = &text[head.start..head.end];
    // A plural or a gerund names no one office ("residents", "including").
    if head_word.chars().count() < 3
        || (head_word.ends_with('s') && !head_word.ends_with("ss"))
        || head_word.ends_with("ing")
    {
        return None;
    }
    let title = Span::new(first.start, head.end);
    if rules.titles.title(&text[title.start..title.end]).is_some() {
        return None;
    }
    let start = tense.or(deputy).map_or(title.start, |s| s.start);
    Some(RoleMention {
        span: Span::new(start, name.end),
        tense,
        adjective: None,
        qualifier: None,
        qualifier_pronoun: false,
        title,
        elect: false,
        of: None,
        name,
        since: None,
        portfolio: false,
        appositive: false,
        deputy,
        open: true,
    })
}

/// Whether the words just before a title make it a lesser office
/// ("Deputy Prime Minister", "Assistant Secretary of State").
fn lesser_before(text: &str, at: usize, rules: &Rules) -> bool {
    let before = text[..at].trim_end();
    rules.titles.markers.lesser.iter().any(|w| {
        before
            .get(before.len().saturating_sub(w.len())..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(w))
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Where the office starts in a portfolio title's words: the words before
/// the head, read backwards, may name a portfolio until a stop word ("The
/// Home Secretary" starts at "Home"). A word of a listed title or country
/// ("Prime Minister Fires Home Secretary", "Russian Deputy …"), a word
/// making it a lesser office ("Shadow", "Deputy") or a known name rejects
/// the whole; so does a title the list knows, or no word left.
fn portfolio_start(title: &str, rules: &Rules) -> Option<usize> {
    let titles = &rules.titles;
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in title.split_whitespace() {
        let start = at + title[at..].find(w)?;
        words.push((start, w));
        at = start + w.len();
    }
    let (_head, before) = words.split_last()?;
    let mut from = None;
    for &(start, w) in before.iter().rev() {
        // "Kenyan Trade Minister": a people's adjective is no part of it.
        if crate::normalise::name::is_stop(w) || titles.is_demonym(w) {
            break;
        }
        let lesser = titles
            .markers
            .lesser
            .iter()
            .any(|l| l.eq_ignore_ascii_case(w));
        if titles.is_title_word(w) || lesser || rules.entities.is_alias(w) {
            return None;
        }
        from = Some(start);
    }
    let from = from?;
    titles.title(&title[from..]).is_none().then_some(from)
}

/// "Friedrich Merz, who became chancellor in 2025".
fn since<'a>(text: &'a str, rules: &'a Rules) -> impl Iterator<Item = RoleMention> + 'a {
    let span = |m: regex::Match| Span::new(m.start(), m.end());
    rules
        .titles
        .since_regex
        .iter()
        .filter_map(move |gated| gated.for_text(text))
        .flat_map(move |re| re.captures_iter(text))
        .filter_map(move |c| {
            let name = c.name("name")?;
            let year = c.name("year")?;
            Some(RoleMention {
                span: Span::new(name.start(), year.end()),
                tense: None,
                adjective: c.name("adj").map(span),
                title: span(c.name("title")?),
                elect: false,
                of: c.name("of").map(span),
                name: span(name),
                since: year.as_str().parse().ok(),
                portfolio: false,
                open: false,
                qualifier: None,
                qualifier_pronoun: false,
                appositive: false,
                deputy: None,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(String, String, String)> {
        let rules = Rules::builtin().expect("rules");
        let s = |sp: Option<Span>| {
            sp.map(|x| text[x.start..x.end].to_string())
                .unwrap_or_default()
        };
        // A deputy's word is shown with its title.
        extract(text, &rules)
            .into_iter()
            .map(|m| {
                let title = match m.deputy {
                    Some(d) => format!("{} {}", s(Some(d)), s(Some(m.title))),
                    None => s(Some(m.title)),
                };
                (s(m.tense), s(m.adjective), title)
            })
            .collect()
    }

    #[test]
    fn splits_marker_country_and_title() {
        assert_eq!(
            parts("and former US President Donald Trump spoke"),
            [("former".into(), "US".into(), "President".into())]
        );
        assert_eq!(
            parts("the ex-chancellor Olaf Scholz"),
            [("ex-".into(), "".into(), "chancellor".into())]
        );
        assert_eq!(
            parts("British Prime Minister Kir Starmer"),
            [("".into(), "British".into(), "Prime Minister".into())]
        );
    }

    #[test]
    fn a_deputy_holds_another_office() {
        // Read with the deputy's word, as an office of its own; any other
        // lesser office is not read.
        assert_eq!(
            parts("Deputy Prime Minister Tariq Aziz"),
            [("".into(), "".into(), "Deputy Prime Minister".into())]
        );
        assert_eq!(
            parts("Russian Deputy Foreign Minister Sergei Ryabkov"),
            [(
                "".into(),
                "Russian".into(),
                "Deputy Foreign Minister".into()
            )]
        );
        assert_eq!(
            parts("acting deputy chair Ana Cruz"),
            [("acting".into(), "".into(), "deputy chair".into())]
        );
        assert_eq!(parts("Shadow Foreign Minister Ana Cruz"), []);
        // Joined by a hyphen, the deputy's word is still the deputy's.
        assert_eq!(
            parts("the former deputy-prime minister Tariq Aziz"),
            [("former".into(), "".into(), "deputy prime minister".into())]
        );
        assert_eq!(
            parts("Prime Minister Tariq Aziz"),
            [("".into(), "".into(), "Prime Minister".into())]
        );
        // After the name too, with a common noun for the place before it.
        assert_eq!(
            parts("Olivier Castagnet, the city's deputy mayor, said so."),
            [("".into(), "".into(), "deputy mayor".into())]
        );
        assert_eq!(
            parts("Olivier Castagnet, the city's mayor, said so."),
            [("".into(), "".into(), "mayor".into())]
        );
        // A place named earlier does not split the organisation after "of"
        // into a place and a "name" that wins over the appositive.
        assert_eq!(
            parts(
                "Hail hit the Uco Valley.\n\nRodrigo Albarracin, vice-president of the Uco Valley Growers' Association, said so."
            ),
            [("".into(), "".into(), "vice president".into())]
        );
        // Not the mayor: the deputy's own office.
        assert_eq!(
            parts("Jane Doe, the Deputy Mayor, said so."),
            [("".into(), "".into(), "Deputy Mayor".into())]
        );
    }

    #[test]
    fn a_portfolio_is_read_by_its_shape() {
        assert_eq!(
            parts("said Emergency Services Minister Jodie Barrett"),
            [("".into(), "".into(), "Emergency Services Minister".into())]
        );
        assert_eq!(
            parts("The Culture Secretary Anna Berg said"),
            [("".into(), "".into(), "Culture Secretary".into())]
        );
        assert_eq!(
            parts("former Transport Minister Paul Ander"),
            [("former".into(), "".into(), "Transport Minister".into())]
        );
        // Listed titles are read by the list, once.
        assert_eq!(
            parts("Foreign Secretary David Lammy"),
            [("".into(), "".into(), "Foreign Secretary".into())]
        );
    }

    #[test]
    fn a_portfolio_look_alike_is_not_read() {
        assert_eq!(parts("Shadow Home Secretary Chris Philp"), []);
        assert_eq!(
            parts("Deputy Health Minister Ana Ruiz"),
            [("".into(), "".into(), "Deputy Health Minister".into())]
        );
        // A title-case headline: the words before the head are no portfolio.
        let headline = parts("Prime Minister Fires Home Secretary Jane Doe");
        assert!(
            !headline.iter().any(|p| p.2.contains("Secretary")),
            "{headline:?}"
        );
        assert_eq!(parts("the Home Secretary said"), []);
    }

    #[test]
    fn lower_case_us_is_no_country() {
        assert_eq!(
            parts("told us President Trump"),
            [("".into(), "".into(), "President".into())]
        );
    }

    /// The text of a part of a mention, or "" when it has none.
    fn part(text: &str, sp: Option<Span>) -> String {
        sp.map(|x| text[x.start..x.end].to_string())
            .unwrap_or_default()
    }

    /// (tense, qualifier or "its", title, of, name) of every mention.
    fn read(text: &str) -> Vec<[String; 5]> {
        let rules = Rules::builtin().expect("rules");
        let s = |sp: Option<Span>| part(text, sp);
        extract(text, &rules)
            .into_iter()
            .map(|m| {
                let qualifier = if m.qualifier_pronoun {
                    "its".to_string()
                } else {
                    s(m.qualifier)
                };
                [
                    s(m.tense),
                    qualifier,
                    s(Some(m.title)),
                    s(m.of),
                    s(Some(m.name)),
                ]
            })
            .collect()
    }

    fn row(parts: [&str; 5]) -> [String; 5] {
        parts.map(str::to_string)
    }

    #[test]
    fn a_post_names_what_it_is_of_before_its_title() {
        assert_eq!(
            read("said Tessaly Robotics CEO Marisol Okafor."),
            [row(["", "Tessaly Robotics", "CEO", "", "Marisol Okafor"])]
        );
        assert_eq!(
            read("Kallang Mercantile's chief executive, Arjun Nair, said so."),
            [row([
                "",
                "Kallang Mercantile",
                "chief executive",
                "",
                "Arjun Nair"
            ])]
        );
        // The marker may come before the qualifier or after it.
        assert_eq!(
            read("It hurt former Pescara mayor Lucia Ferrante."),
            [row(["former", "Pescara", "mayor", "", "Lucia Ferrante"])]
        );
        assert_eq!(
            read("Kasumi's former president Kenji Aramaki resigned."),
            [row(["former", "Kasumi", "president", "", "Kenji Aramaki"])]
        );
        assert_eq!(
            read("Its chief executive, Grace Tan, will join."),
            [row(["", "its", "chief executive", "", "Grace Tan"])]
        );
        // A party or a sentence's first word is no qualifier.
        assert_eq!(
            read("The Republican Governor Jane Roe spoke."),
            [row(["", "", "Governor", "", "Jane Roe"])]
        );
    }

    #[test]
    fn of_a_place_then_the_name() {
        assert_eq!(
            read("Speaking, the mayor of Pescara, Lucia Ferrante, said so."),
            [row(["", "", "mayor", "Pescara", "Lucia Ferrante"])]
        );
        // With no comma, the place must stand alone elsewhere in the text.
        let text =
            "The prefecture of Pescara said so. The former mayor of Pescara Lucia Ferrante spoke.";
        assert_eq!(
            read(text),
            [row(["former", "", "mayor", "Pescara", "Lucia Ferrante"])]
        );
        assert_eq!(
            read("He is chief executive of United Technologies Corp and more."),
            [] as [[String; 5]; 0]
        );
        assert_eq!(
            read("Vitaly Milonov, the chairman of the Young Christian Democrats, spoke."),
            [row([
                "",
                "",
                "chairman",
                "the Young Christian Democrats",
                "Vitaly Milonov"
            ])]
        );
        // Or a relative clause about a person follows the run.
        assert_eq!(
            read("The former mayor of Pescara Lucia Ferrante, who quit in May, spoke."),
            [row(["former", "", "mayor", "Pescara", "Lucia Ferrante"])]
        );
        // Not when the title is an appositive's: the "who" is the name's
        // before it.
        assert_eq!(
            read("Vera Holm, the former mayor of Alder Vale Harbour, who quit in May, spoke."),
            [row([
                "former",
                "",
                "mayor",
                "Alder Vale Harbour",
                "Vera Holm"
            ])]
        );
    }

    #[test]
    fn the_name_before_its_title() {
        assert_eq!(
            read("\"It works,\" said Lim Wei Jie, 52, the chief executive of SHB."),
            [row(["", "", "chief executive", "SHB", "Lim Wei Jie"])]
        );
        assert_eq!(
            read("Marisol Okafor, the former chief executive, said so."),
            [row(["former", "", "chief executive", "", "Marisol Okafor"])]
        );
        assert_eq!(
            read("Kenji Aramaki, Kasumi's president, apologised."),
            [row(["", "Kasumi", "president", "", "Kenji Aramaki"])]
        );
    }

    #[test]
    fn an_appositive_may_close_with_more_words_of_its_organisation() {
        assert_eq!(
            read("Laurent Bonvin, a spokesman for the Valais cantonal police, said so."),
            [row(["", "", "spokesman", "the Valais", "Laurent Bonvin"])]
        );
        assert_eq!(
            read("Annika Holmqvist, Trafikverket's regional director for western Sweden, said so."),
            [row([
                "",
                "Trafikverket",
                "regional director",
                "",
                "Annika Holmqvist"
            ])]
        );
    }

    #[test]
    fn an_appositive_look_alike_is_not_read() {
        let none: [[String; 5]; 0] = [];
        // A preposition before the "name": a place.
        assert_eq!(read("In New York, the mayor said so."), none);
        // The title does not end the phrase.
        assert_eq!(
            read("Jane Doe, the president's spokeswoman, said so."),
            none
        );
        assert_eq!(
            read("Jane Doe, a chief executive of another bank, said so."),
            none
        );
    }

    #[test]
    fn ranks_are_read_as_written() {
        assert_eq!(
            read("said Rear Admiral Joselito Dacanay of the coast guard."),
            [row(["", "", "Rear Admiral", "", "Joselito Dacanay"])]
        );
        assert_eq!(
            read("\"Go,\" Rear-Adm Dacanay said."),
            [row(["", "", "Rear-Adm", "", "Dacanay"])]
        );
        // The service before a rank is no qualifier.
        assert_eq!(
            read("said Coast Guard Commodore Joselito Dacanay."),
            [row(["", "", "Commodore", "", "Joselito Dacanay"])]
        );
        assert_eq!(
            read("He met Lt. Gen. Jane Smith and Det. Sgt. Ann Lee."),
            [
                row(["", "", "Lt. Gen.", "", "Jane Smith"]),
                row(["", "", "Det. Sgt.", "", "Ann Lee"]),
            ]
        );
    }

    #[test]
    fn a_rank_look_alike_is_not_read() {
        let none: [[String; 5]; 0] = [];
        // In lower case a rank's word is a common word.
        assert_eq!(read("a major Wall Street bank"), none);
        // Another office ends with the word.
        assert_eq!(read("said Attorney General Dan Lungren."), none);
        assert_eq!(
            read("DPP Secretary-General Chiu Yi-jen told reporters."),
            none
        );
        // A title-case headline.
        assert_eq!(read("Major Storm Hits Coast City Overnight\n\nText."), none);
    }

    /// The open title read before a name: (tense, deputy, title, name).
    fn open(text: &str) -> Vec<[String; 4]> {
        let rules = Rules::builtin().expect("rules");
        let s = |sp: Option<Span>| part(text, sp);
        extract(text, &rules)
            .into_iter()
            .filter(|m| m.open)
            .map(|m| [s(m.tense), s(m.deputy), s(Some(m.title)), s(Some(m.name))])
            .collect()
    }

    #[test]
    fn an_open_title_is_the_lower_case_words_before_a_name() {
        let row = |p: [&str; 4]| p.map(String::from);
        assert_eq!(
            open("Kiptanui's former coach Daniel Rotich said so."),
            [row(["former", "", "coach", "Daniel Rotich"])]
        );
        assert_eq!(
            open("The party's deputy leader, Miriam Hollersbach, won."),
            [row(["", "deputy", "leader", "Miriam Hollersbach"])]
        );
        assert_eq!(
            open("Plant manager Graham Pyle spoke."),
            [row(["", "", "Plant manager", "Graham Pyle"])]
        );
        // Hard-wrapped: one line break between the words and the name.
        assert_eq!(
            open("the race director\nMette Lindholm said."),
            [row(["", "", "race director", "Mette Lindholm"])]
        );
    }

    #[test]
    fn an_open_title_look_alike_is_not_read() {
        for text in [
            // A verb before the name, not a title.
            "CD Almendral came from behind to beat Real Valdeverde 3-1.",
            "The striker beat Real Valdeverde's keeper.",
            "Police said Mateo Quiroga was arrested.",
            "He visited Daniel Rotich in Iten.",
            // A comma with no article or possessive before the words.
            "The runner thanked his team, Daniel Rotich and others.",
            // A plural or a gerund names no one office.
            "The residents Anna Berg and Olof Berg left.",
            // "the late": not the office now.
            "the late coach Daniel Rotich",
            // A conjunction (words.toml) opens a clause, no title.
            "It is unclear whether Boris Yeltsin will attend.",
        ] {
            assert!(open(text).is_empty(), "{text}: {:?}", open(text));
        }
    }
}
