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
}

pub fn extract(text: &str, rules: &Rules) -> Vec<RoleMention> {
    let Some(re) = &rules.titles.regex else {
        return Vec::new();
    };
    let span = |m: regex::Match| Span::new(m.start(), m.end());
    re.captures_iter(text)
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
            })
        })
        .chain(since(text, rules))
        .collect()
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
    fn lower_case_us_is_no_country() {
        assert_eq!(
            parts("told us President Trump"),
            [("".into(), "".into(), "President".into())]
        );
    }
}
