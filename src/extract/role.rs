//! Extraction of role mentions: an office title followed by a name.
//!
//! Runs the one regex compiled from `rules/titles.toml` ("marker? country?
//! title (-elect)? (of country)? Name") and keeps the span of every part
//! found, without deciding who the person is or which office is meant;
//! `normalise::role` does that with the document's entities.

use crate::claim::Span;
use crate::rules::Rules;

/// A role as written, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleMention {
    /// From the first word of the role to the end of the name.
    pub span: Span,
    /// "former", "ex-", "acting", …
    pub tense: Option<Span>,
    /// Country word before the title: "US", "Russian", "Ukraine's".
    pub adjective: Option<Span>,
    pub title: Span,
    /// "-elect" after the title.
    pub elect: bool,
    /// Country after "of": "the United States".
    pub of: Option<Span>,
    /// The capitalised words after the title (may run past the name), or
    /// before it in "Name, who became title in year".
    pub name: Span,
    /// The year the office was taken ("who became chancellor in 2025").
    pub since: Option<i32>,
    /// A government portfolio read by its shape ("Emergency Services
    /// Minister"), not a title of the list.
    pub portfolio: bool,
}

pub fn extract(text: &str, rules: &Rules) -> Vec<RoleMention> {
    let Some(re) = &rules.titles.regex else {
        return portfolios(text, rules).collect();
    };
    let span = |m: regex::Match| Span::new(m.start(), m.end());
    let mut out: Vec<RoleMention> = re
        .captures_iter(text)
        .filter_map(|c| {
            let title = c.name("title")?;
            let name = c.name("name")?;
            if lesser_before(text, title.start(), rules) {
                return None;
            }
            let start = [c.name("tense"), c.name("adj"), Some(title)]
                .into_iter()
                .flatten()
                .map(|m| m.start())
                .min()?;
            Some(RoleMention {
                span: Span::new(start, name.end()),
                tense: c.name("tense").map(span),
                adjective: c.name("adj").map(span),
                title: span(title),
                elect: c.name("elect").is_some(),
                of: c.name("of").map(span),
                name: span(name),
                since: None,
                portfolio: false,
            })
        })
        .chain(since(text, rules))
        .collect();
    // Portfolios read by shape, where no listed title was read.
    let extra: Vec<RoleMention> = portfolios(text, rules)
        .filter(|p| {
            !out.iter()
                .any(|m| m.span.start < p.span.end && p.span.start < m.span.end)
        })
        .collect();
    out.extend(extra);
    out
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
            })
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
        if crate::normalise::name::is_stop(w) {
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
        extract(text, &rules)
            .into_iter()
            .map(|m| (s(m.tense), s(m.adjective), s(Some(m.title))))
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
        assert_eq!(parts("Deputy Prime Minister Tariq Aziz"), []);
        assert_eq!(parts("Russian Deputy Foreign Minister Sergei Ryabkov"), []);
        assert_eq!(
            parts("Prime Minister Tariq Aziz"),
            [("".into(), "".into(), "Prime Minister".into())]
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
        assert_eq!(parts("Deputy Health Minister Ana Ruiz"), []);
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
}
