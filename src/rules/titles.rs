//! `rules/titles.toml`: office titles, the countries that qualify them and
//! the tense markers (former, acting, -elect) around them.
//!
//! Compiled into one regex that finds "marker? country? title (-elect)?
//! (of country)?" followed by a capitalised name, with named captures
//! (`tense`, `adj`, `title`, `elect`, `of`, `name`), and lookup tables from
//! each surface form to its title or country. `normalise::role` turns a
//! match into a canonical office ("President of the United States"); the
//! title and country words also tell `normalise::name` which capitalised
//! words are not names.

use super::word_regex::WordRegex as Regex;
use serde::Deserialize;
use toml::Spanned;

use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleFile {
    #[serde(default, rename = "title")]
    pub entries: Vec<Entry>,
    #[serde(default, rename = "country")]
    pub countries: Vec<Country>,
    /// Tense markers before a title, by meaning: `former = ["former", "ex-"]`.
    #[serde(default)]
    pub markers: Markers,
    /// Offices the title list does not name, read by their shape.
    #[serde(default)]
    pub generic: Generic,
    #[serde(default)]
    pub example: Vec<Example>,
    #[serde(default)]
    pub allow: Vec<Allow>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(default)]
    pub id: String,
    /// Surface forms, matched case-insensitively: "Prime Minister", "PM".
    pub forms: Spanned<Vec<String>>,
    /// Canonical office; `{country}` is replaced by the country's `name`.
    pub office: String,
    /// How messages say it: "{adjective} president" → "US president".
    pub short: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub id: String,
    /// As it reads in an office: "the United States".
    pub name: String,
    /// As it reads in a message: "US".
    pub adjective: String,
    /// Words before a title, matched case-sensitively: "U.S.", "American".
    /// Possessives of `names` ("Ukraine's") are added automatically.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Names after "of": "the United States", "the US".
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    #[serde(default)]
    pub former: Vec<String>,
    #[serde(default)]
    pub acting: Vec<String>,
    #[serde(default)]
    pub current: Vec<String>,
    #[serde(default)]
    pub outgoing: Vec<String>,
    /// Markers that place the role at another, unstated time ("then-",
    /// "late"): recognised so they are not misread, never compared.
    #[serde(default)]
    pub other_time: Vec<String>,
    /// Words that make a title another, lesser office ("Deputy Prime
    /// Minister", "Assistant Secretary of State"): a title right after one
    /// of them is not read.
    #[serde(default)]
    pub lesser: Vec<String>,
}

/// Offices read by shape rather than listed one by one.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generic {
    /// Head nouns of offices ("Commissioner", "Administrator"): a word
    /// that is one is part of a title, never of a person's name.
    #[serde(default)]
    pub heads: Vec<String>,
    /// Heads of a government portfolio: capitalised words before one of
    /// them name an office held by one person at a time ("Emergency
    /// Services Minister", "Home Secretary").
    #[serde(default)]
    pub portfolios: Vec<String>,
}

/// One title, ready to use.
#[derive(Clone, Debug)]
pub struct Title {
    pub id: String,
    pub office: String,
    pub short: String,
    /// Whether the office names a country (`{country}` in `office`).
    pub needs_country: bool,
}

impl Title {
    /// The canonical office for a country, or without one.
    pub fn office_for(&self, country: Option<&Country>) -> String {
        match country {
            Some(c) => self.office.replace("{country}", &c.name),
            None => self
                .office
                .replace(" of {country}", "")
                .replace("{country}", ""),
        }
    }

    pub fn short_for(&self, country: Option<&Country>) -> String {
        let adj = country.map(|c| c.adjective.as_str()).unwrap_or("");
        self.short.replace("{adjective}", adj).trim().to_string()
    }
}

/// The compiled form used by extraction and normalisation.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    pub titles: Vec<Title>,
    pub countries: Vec<Country>,
    pub markers: Markers,
    /// Lower-cased title form → title index.
    pub title_forms: Vec<(String, usize)>,
    /// Country word before a title → country index.
    pub country_forms: Vec<(String, usize)>,
    /// Country name after "of" → country index.
    pub country_names: Vec<(String, usize)>,
    pub regex: Option<Regex>,
    /// "Portfolio Minister Name": `tense`, `title`, `name`.
    pub portfolio_regex: Option<Regex>,
    /// Lower-cased generic office heads.
    pub heads: Vec<String>,
    /// "Name, who became title in year".
    pub since_regex: Option<Regex>,
}

impl Compiled {
    pub fn title(&self, form: &str) -> Option<&Title> {
        let form = form.to_lowercase();
        let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        self.title_forms
            .iter()
            .find(|(f, _)| *f == form)
            .map(|&(_, i)| &self.titles[i])
    }

    pub fn country_by_form(&self, form: &str) -> Option<&Country> {
        self.country_forms
            .iter()
            .find(|(f, _)| f == form.trim())
            .map(|&(_, i)| &self.countries[i])
    }

    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        self.country_names
            .iter()
            .find(|(f, _)| f == name.trim())
            .map(|&(_, i)| &self.countries[i])
    }

    /// Whether a capitalised word is part of a title or a country
    /// adjective ("President", "Prime", "Russian"): such words start no
    /// name.
    pub fn is_title_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        // "President-elect", "ex-Chancellor": any part of the word.
        lower.split('-').any(|part| {
            self.title_forms
                .iter()
                .any(|(f, _)| f.split([' ', '-']).any(|w| w == part))
        }) || lower
            .split('-')
            .any(|part| self.heads.iter().any(|h| h == part))
            || self
                .country_forms
                .iter()
                .any(|(f, _)| f.split(' ').any(|w| w == word))
    }
}

fn alternation(forms: &[String]) -> String {
    let mut sorted: Vec<&String> = forms.iter().collect();
    // Longest first, so "Prime Minister" wins over "Minister".
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    sorted.dedup();
    sorted
        .iter()
        .map(|f| regex::escape(f).replace("\\ ", r"\s+").replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

impl RuleFile for TitleFile {
    const FILE: &'static str = "titles.toml";
    const CATEGORY: Category = Category::Role;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        merge_by_id(&mut self.entries, user.entries, |e| &e.id);
        merge_by_id(&mut self.countries, user.countries, |c| &c.id);
        let m = user.markers;
        self.markers.former.extend(m.former);
        self.markers.acting.extend(m.acting);
        self.markers.current.extend(m.current);
        self.markers.outgoing.extend(m.outgoing);
        self.markers.other_time.extend(m.other_time);
        self.markers.lesser.extend(m.lesser);
        self.generic.heads.extend(user.generic.heads);
        self.generic.portfolios.extend(user.generic.portfolios);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let mut titles = Vec::new();
        let mut title_forms = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if e.forms.get_ref().is_empty() {
                return Err(RuleProblem::new(
                    format!("title `{}` has no forms", e.id),
                    Some(e.forms.span()),
                ));
            }
            for f in e.forms.get_ref() {
                title_forms.push((f.to_lowercase(), i));
            }
            titles.push(Title {
                id: e.id.clone(),
                office: e.office.clone(),
                short: e.short.clone(),
                needs_country: e.office.contains("{country}"),
            });
        }
        let mut country_forms = Vec::new();
        let mut country_names = Vec::new();
        for (i, c) in self.countries.iter().enumerate() {
            for f in &c.forms {
                country_forms.push((f.clone(), i));
            }
            for n in &c.names {
                country_names.push((n.clone(), i));
                let bare = n.strip_prefix("the ").unwrap_or(n);
                for apostrophe in ['\'', '’'] {
                    country_forms.push((format!("{bare}{apostrophe}s"), i));
                }
            }
        }
        let m = &self.markers;
        let markers: Vec<String> = [&m.former, &m.acting, &m.current, &m.outgoing, &m.other_time]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        let regex = if titles.is_empty() {
            None
        } else {
            let all_titles: Vec<String> = title_forms.iter().map(|(f, _)| f.clone()).collect();
            let adjs: Vec<String> = country_forms.iter().map(|(f, _)| f.clone()).collect();
            let names: Vec<String> = country_names.iter().map(|(f, _)| f.clone()).collect();
            // A marker ends in a hyphen ("ex-") or is followed by space.
            let pattern = format!(
                r"(?:\b(?P<tense>(?i:{markers}))(?:\s+|\b))?(?:\b(?P<adj>{adjs})\s+)?\b(?P<title>(?i:{titles}))(?P<elect>-elect)?(?:\s+of\s+(?P<of>{names}))?(?:,\s+|\s+)(?P<name>\p{{Lu}}(?:[\p{{L}}\p{{M}}'’-]+|\.)(?:\s(?:(?:{particles})\s)*\p{{Lu}}(?:[\p{{L}}\p{{M}}'’-]+|\.)){{0,3}})",
                markers = alternation(&markers),
                adjs = alternation(&adjs),
                titles = alternation(&all_titles),
                names = alternation(&names),
                particles = crate::extract::name::PARTICLES.join("|"),
            );
            // "Friedrich Merz, who became chancellor in 2025": the name
            // first, the year the office was taken after.
            let since = format!(
                r"(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’-]+(?:\s(?:(?:{particles})\s)*\p{{Lu}}[\p{{L}}\p{{M}}'’-]+){{0,3}}),\s+who\s+(?:became|was\s+(?:elected|appointed|named|sworn\s+in\s+as))\s+(?:the\s+)?(?:(?P<adj>{adjs})\s+)?(?P<title>(?i:{titles}))(?:\s+of\s+(?P<of>{names}))?\s+in\s+(?P<year>(?:19|20)\d\d)\b",
                adjs = alternation(&adjs),
                titles = alternation(&all_titles),
                names = alternation(&names),
                particles = crate::extract::name::PARTICLES.join("|"),
            );
            let compile =
                |p: &str| Regex::new(p).map_err(|e| RuleProblem::new(e.to_string(), None));
            Some((compile(&pattern)?, compile(&since)?))
        };
        let (regex, since_regex) = match regex {
            Some((a, b)) => (Some(a), Some(b)),
            None => (None, None),
        };
        let portfolio_regex = if self.generic.portfolios.is_empty() {
            None
        } else {
            // One to three capitalised words, then the portfolio head, then
            // the name; the words are checked in `normalise::role`.
            let pattern = format!(
                r"(?:\b(?P<tense>(?i:{markers}))(?:\s+|\b))?\b(?P<title>(?:\p{{Lu}}\p{{Ll}}+\s+){{1,3}}(?:{heads}))(?:,\s+|\s+)(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’-]+(?:\s(?:(?:{particles})\s)*\p{{Lu}}[\p{{L}}\p{{M}}'’-]+){{0,3}})",
                markers = alternation(&markers),
                heads = alternation(&self.generic.portfolios),
                particles = crate::extract::name::PARTICLES.join("|"),
            );
            Some(Regex::new(&pattern).map_err(|e| RuleProblem::new(e.to_string(), None))?)
        };
        Ok(Compiled {
            portfolio_regex,
            heads: self
                .generic
                .heads
                .iter()
                .map(|h| h.to_lowercase())
                .collect(),
            titles,
            countries: self.countries.clone(),
            markers: self.markers.clone(),
            title_forms,
            country_forms,
            country_names,
            regex,
            since_regex,
        })
    }

    fn examples(&self) -> &[Example] {
        &self.example
    }

    fn allows(&self) -> &[Allow] {
        &self.allow
    }
}
