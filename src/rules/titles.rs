//! `rules/titles.toml`: office titles, the countries that qualify them and
//! the tense markers (former, acting, -elect) around them.
//!
//! Compiled into a regex of the title forms and one that reads what
//! follows a title, "(-elect)? (of place)? ,? Name", with named captures
//! (`elect`, `of`, `name`; the marker and country before the title are
//! read in `extract::role`, so that a search runs over the titles'
//! literals alone); one for the
//! appositive "Name, (the|a)? marker? qualifier? title (of place)?"; and
//! lookup tables from each surface form to its title or country. Titles
//! are of three kinds (`kind`): a government office qualified by a country,
//! a post in an organisation or place ("chief executive", "mayor"), and a
//! rank ("Rear Admiral"), of which one person holds one at a time. Forms
//! marked `capitalised` match only as written ("Major", "General" are
//! common words in lower case). `normalise::role` turns a match into a
//! canonical office ("President of the United States", "Mayor of
//! Pescara"); the title and country words also tell `normalise::name`
//! which capitalised words are not names.

use super::word_regex::GatedRegex;
use super::word_regex::WordRegex as Regex;
use aho_corasick::AhoCorasick;
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
    /// Words about the time a title applies and changes of office.
    #[serde(default)]
    pub time: TimeWords,
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
    /// What kind of office: `office` (the default: a government office,
    /// qualified by a country), `post` (an office in an organisation or a
    /// place, qualified by its name: "Tessaly Robotics CEO", "mayor of
    /// Pescara") or `rank` (military or police: one at a time).
    #[serde(default)]
    pub kind: TitleKind,
    /// The forms match only as written, not in any case.
    #[serde(default)]
    pub capitalised: bool,
    /// For a rank, the ids of the ranks it is written as for short
    /// ("general" for a lieutenant general): the same rank, not another.
    #[serde(default)]
    pub also: Vec<String>,
    /// For a post, a group of posts one person holds one at a time in one
    /// organisation ("officers": the chief executive is not the chief
    /// operating officer), so two of them for one person on one day
    /// contradict each other, like two ranks. Posts outside any group
    /// (a chair, a founder) may be held with any other.
    #[serde(default)]
    pub one_of: Option<String>,
}

/// What kind of office a title names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleKind {
    /// A government office: "President", "Foreign Minister".
    #[default]
    Office,
    /// An office in an organisation or a place: "chief executive", "mayor".
    Post,
    /// A military or police rank: a person holds one at a time.
    Rank,
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
    /// Of the lesser words, those that make the holder second to the
    /// office's holder ("Deputy Fire Chief", "Vice Chair"): read, as an
    /// office of its own that its holder cannot hold at the same time as
    /// the office itself ("deputy chair" in one report, "chair" in
    /// another, of one person on one day, is a conflict).
    #[serde(default)]
    pub deputy: Vec<String>,
}

/// Words that say when a title applies, or that its holder's standing
/// changed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeWords {
    /// Words right before a title that name the office at the time of a
    /// past act ("under President Yeltsin").
    #[serde(default)]
    pub before_title: Vec<String>,
    /// Words right before a title that, after a past participle, make its
    /// holder the doer of a past act ("the law signed by President
    /// Clinton").
    #[serde(default)]
    pub agent: Vec<String>,
    /// Phrases telling that someone left an office ("resigned", "stepped
    /// down").
    #[serde(default)]
    pub left: Vec<String>,
    /// Phrases telling that someone took an office or rank ("was sworn
    /// in", "was promoted").
    #[serde(default)]
    pub took: Vec<String>,
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
    /// Capitalised words before a post that name no organisation or place
    /// ("Republican Mayor …", "Top …"): not read as what qualifies it.
    #[serde(default)]
    pub not_qualifiers: Vec<String>,
    /// Endings of a single word before a post that make it an adjective of
    /// a people ("Palestinian", "Lebanese", "Turkish"), not the name of an
    /// organisation or place.
    #[serde(default)]
    pub demonym_endings: Vec<String>,
    /// Capitalised words before a rank's word that make the whole another
    /// office ("Attorney General", "Surgeon General").
    #[serde(default)]
    pub not_before_rank: Vec<String>,
    /// Possessives before a post that stand for an organisation named
    /// before ("Its chief executive").
    #[serde(default)]
    pub organisation_pronouns: Vec<String>,
    /// Endings of a capitalised word that make it an adjective, never a
    /// name ("Ohio-based", "Western-thinking").
    #[serde(default)]
    pub adjective_endings: Vec<String>,
    /// Words that end an organisation's name, never a person's ("General
    /// Motors Corp"): a run of names holding one names no one.
    #[serde(default)]
    pub not_names: Vec<String>,
}

/// One title, ready to use.
#[derive(Clone, Debug)]
pub struct Title {
    pub id: String,
    pub office: String,
    pub short: String,
    /// Whether the office names a country (`{country}` in `office`).
    pub needs_country: bool,
    pub kind: TitleKind,
    /// The offices of the ranks this one is written as for short.
    pub also: Vec<String>,
    /// For a post, its group of posts held one at a time (see `Entry`).
    pub one_of: Option<String>,
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
    /// The `[time] left` and `took` phrases, lower case with a space either
    /// side, as automata: a sentence's words (lower case, one space apart,
    /// with a space either end) hold a phrase when the automaton finds one
    /// in them, so every phrase is looked for in one pass (None: no rules
    /// compiled).
    pub left_finder: Option<AhoCorasick>,
    pub took_finder: Option<AhoCorasick>,
    pub titles: Vec<Title>,
    pub countries: Vec<Country>,
    pub markers: Markers,
    /// Lower-cased title form → title index.
    pub title_forms: Vec<(String, usize)>,
    /// Country word before a title → country index.
    pub country_forms: Vec<(String, usize)>,
    /// Country name after "of" → country index.
    pub country_names: Vec<(String, usize)>,
    /// Every title form, and what must follow one for a role, anchored at
    /// the title's end: "(-elect)? (of place)? ,? Name" (`elect`, `of`,
    /// `name`). Two regexes, so that the search runs over the titles'
    /// literals alone; the marker and country before the title are read by
    /// `extract::role`.
    pub regex: Option<(Regex, Regex)>,
    /// Words that are part of a title (lower case) or a country adjective
    /// (as written), for [`Compiled::is_title_word`].
    pub title_words: crate::hash::HashSet<String>,
    /// "Portfolio Minister Name": `tense`, `title`, `name`.
    pub portfolio_regex: Option<Regex>,
    /// Lower-cased generic office heads.
    pub heads: Vec<String>,
    /// Lower-cased words that qualify no post.
    pub not_qualifiers: Vec<String>,
    /// Lower-cased endings of adjectives of a people.
    pub demonym_endings: Vec<String>,
    /// Lower-cased words after which a rank's word is no rank.
    pub not_before_rank: Vec<String>,
    /// Lower-cased possessives standing for an organisation named before.
    pub organisation_pronouns: Vec<String>,
    /// Lower-cased endings of adjectives written capitalised.
    pub adjective_endings: Vec<String>,
    /// Lower-cased words of organisations' names, never of a person's.
    pub not_names: Vec<String>,
    pub time: TimeWords,
    /// "Name, (the|a)? marker? qualifier? title (of place)?": `name`,
    /// `tense`, `qual`, `title`, `elect`, `of`.
    pub appositive_regex: Option<Regex>,
    /// "Name, who became title in year": compiled only for a text holding
    /// ", who became" or the like (most hold none, and it holds every
    /// title form).
    pub since_regex: Option<GatedRegex>,
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

    /// Whether a word reads as an adjective of a people ("Palestinian",
    /// "Lebanese"): a single capitalised word with one of the endings.
    pub fn is_demonym(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        !word.contains(' ')
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && self
                .demonym_endings
                .iter()
                .any(|e| lower.ends_with(e.as_str()))
    }

    /// Whether a lower-case word is a tense marker ("former", "ex-").
    pub fn is_marker(&self, lower: &str) -> bool {
        let m = &self.markers;
        [&m.former, &m.acting, &m.current, &m.outgoing, &m.other_time]
            .into_iter()
            .flatten()
            .any(|x| {
                x.eq_ignore_ascii_case(lower) || x.trim_end_matches('-').eq_ignore_ascii_case(lower)
            })
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
        // "President-elect", "ex-Chancellor": any part of the word.
        self.title_words.contains(word)
            || word
                .to_lowercase()
                .split('-')
                .any(|part| self.title_words.contains(part))
    }
}

/// The words that make a name's office one taken in a given year ("Merz,
/// who became chancellor in 2025"): the since pattern holds them, and is
/// compiled only for a text that does.
const WHO_BECAME: &str = r",\s+who\s+(?:became|was\s+(?:elected|appointed|named|sworn\s+in\s+as))";

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

/// Title forms for a regex, longest first: forms matched in any case
/// wrapped in `(?i:…)`, the others as written.
fn title_alternation(any_case: &[String], as_written: &[String]) -> String {
    let mut all: Vec<(&String, bool)> = any_case
        .iter()
        .map(|f| (f, true))
        .chain(as_written.iter().map(|f| (f, false)))
        .collect();
    all.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    all.dedup();
    all.iter()
        .map(|(f, any)| {
            let f = regex::escape(f).replace("\\ ", r"\s+").replace(' ', r"\s+");
            // ASCII case folding keeps the automaton small ("(?i:k)" also
            // matches the Kelvin sign).
            match (*any, f.is_ascii()) {
                (true, true) => format!("(?i-u:{f})"),
                (true, false) => format!("(?i:{f})"),
                (false, _) => f,
            }
        })
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
        self.markers.deputy.extend(m.deputy);
        let g = user.generic;
        self.generic.heads.extend(g.heads);
        self.generic.portfolios.extend(g.portfolios);
        self.generic.not_qualifiers.extend(g.not_qualifiers);
        self.generic.demonym_endings.extend(g.demonym_endings);
        self.generic.not_before_rank.extend(g.not_before_rank);
        self.generic.not_names.extend(g.not_names);
        self.generic
            .organisation_pronouns
            .extend(g.organisation_pronouns);
        self.generic.adjective_endings.extend(g.adjective_endings);
        let t = user.time;
        self.time.before_title.extend(t.before_title);
        self.time.agent.extend(t.agent);
        self.time.left.extend(t.left);
        self.time.took.extend(t.took);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let mut titles = Vec::new();
        let mut title_forms = Vec::new();
        // Forms matched in any case, and forms matched only as written.
        let mut any_case: Vec<String> = Vec::new();
        let mut as_written: Vec<String> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if e.forms.get_ref().is_empty() {
                return Err(RuleProblem::new(
                    format!("title `{}` has no forms", e.id),
                    Some(e.forms.span()),
                ));
            }
            for f in e.forms.get_ref() {
                title_forms.push((f.to_lowercase(), i));
                if e.capitalised {
                    as_written.push(f.clone());
                } else {
                    any_case.push(f.clone());
                }
            }
            titles.push(Title {
                id: e.id.clone(),
                office: e.office.clone(),
                short: e.short.clone(),
                needs_country: e.office.contains("{country}"),
                kind: e.kind,
                also: Vec::new(),
                one_of: e.one_of.clone().filter(|_| e.kind != TitleKind::Rank),
            });
        }
        for (i, e) in self.entries.iter().enumerate() {
            for id in &e.also {
                let Some(other) = self.entries.iter().find(|o| &o.id == id) else {
                    return Err(RuleProblem::new(
                        format!("title `{}` is also `{id}`, which is no title", e.id),
                        Some(e.forms.span()),
                    ));
                };
                titles[i].also.push(other.office.clone());
            }
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
        let (regex, since_regex, appositive_regex) = if titles.is_empty() {
            (None, None, None)
        } else {
            let titles_re = title_alternation(&any_case, &as_written);
            let adjs: Vec<String> = country_forms.iter().map(|(f, _)| f.clone()).collect();
            let names: Vec<String> = country_names.iter().map(|(f, _)| f.clone()).collect();
            let particles = crate::extract::name::PARTICLES.join("|");
            // A capitalised word of a place or an organisation's name.
            let cap = r"\p{Lu}[\p{L}\p{M}\d'’&-]*";
            // After "of": a country the list knows, else capitalised words
            // ("mayor of Pescara", "chief executive of Tessaly Robotics",
            // "chairman of Carrington & Vail Asia");
            // with no comma before the name they may run into it, which
            // `extract::role` sorts out.
            let of = format!(
                r"(?P<of>{names}|(?:the\s+)?{cap}(?:(?:\s+&)?\s+{cap}){{0,4}})",
                names = alternation(&names),
            );
            // The pattern starts at the title, so that its forms are the
            // literals a search looks for first; the marker and the country
            // before it are read by `extract::role`.
            let pattern = format!(r"\b(?:{titles_re})");
            let after = format!(
                r"^(?P<elect>-elect)?(?:\s+(?:of|for)\s+{of})?(?:,\s+|\s+)(?P<name>\p{{Lu}}(?:[\p{{L}}\p{{M}}'’-]+|\.)(?:\s(?:(?:{particles})\s)*\p{{Lu}}(?:[\p{{L}}\p{{M}}'’-]+|\.)){{0,3}})",
            );
            // "Friedrich Merz, who became chancellor in 2025": the name
            // first, the year the office was taken after.
            let since = format!(
                r"(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’-]+(?:\s(?:(?:{particles})\s)*\p{{Lu}}[\p{{L}}\p{{M}}'’-]+){{0,3}}){WHO_BECAME}\s+(?:the\s+)?(?:(?P<adj>{adjs})\s+)?(?P<title>{titles_re})(?:\s+of\s+(?P<of>{names}))?\s+in\s+(?P<year>(?:19|20)\d\d)\b",
                adjs = alternation(&adjs),
                names = alternation(&names),
            );
            // "Marisol Okafor, the chief executive", "Kenji Aramaki,
            // Kasumi's former president", "Lim Wei Jie, 52, the chief
            // executive of SHB": what may follow is checked in
            // `extract::role`. The qualifier is lazy, so a title of two
            // capitalised words ("Rear Admiral") is read whole.
            // "Julian Farrow, the company's chief executive": a common noun
            // for the organisation named before stands for it. "Olivier
            // Castagnet, the city's deputy mayor": a deputy's own office.
            let appositive = format!(
                r"\b(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}'’-]+(?:\s(?:(?:{particles})\s)*\p{{Lu}}[\p{{L}}\p{{M}}'’-]+){{0,3}}),\s+(?:\d{{1,3}},\s+)?(?:(?i:the|a|an)\s+)?(?:(?P<tense>(?i:{markers}))(?:\s+|\b))?(?:(?P<qual>{cap}(?:(?:\s+&)?\s+{cap}){{0,3}}?|(?:{pronouns})(?:['’]s)?)\s+)??(?:(?P<tense2>(?i:{markers}))(?:\s+|\b))?(?:(?P<deputy>(?i:{deputies}))(?:\s+|-))?\b(?P<title>{titles_re})(?P<elect>-elect)?(?:\s+(?:of|for)\s+{of})?",
                markers = alternation(&markers),
                deputies = alternation(&self.markers.deputy),
                pronouns = alternation(&self.generic.organisation_pronouns),
            );
            let compile =
                |p: &str| Regex::new(p).map_err(|e| RuleProblem::new(e.to_string(), None));
            // Three of these hold every title form and are among the
            // largest automata crosscheck builds: they compile side by side,
            // and their problems are still taken in this order.
            let ((title, after), (since, appositive)) = rayon::join(
                || rayon::join(|| compile(&pattern), || compile(&after)),
                || {
                    (
                        GatedRegex::new(WHO_BECAME, &since)
                            .map_err(|e| RuleProblem::new(e.to_string(), None)),
                        compile(&appositive),
                    )
                },
            );
            (Some((title?, after?)), Some(since?), Some(appositive?))
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
        let lower = |v: &[String]| v.iter().map(|h| h.to_lowercase()).collect::<Vec<_>>();
        // Of a rank only the words that are ranks themselves ("Lance
        // Corporal": "Corporal", not the given name "Lance"); country
        // adjectives as written ("US", not "us").
        let mut title_words = crate::hash::HashSet::default();
        for (f, i) in &title_forms {
            if titles[*i].kind == TitleKind::Rank {
                if !f.contains([' ', '-', '.']) {
                    title_words.insert(f.clone());
                }
            } else {
                title_words.extend(f.split([' ', '-']).map(str::to_string));
            }
        }
        title_words.extend(self.generic.heads.iter().map(|h| h.to_lowercase()));
        for (f, _) in &country_forms {
            title_words.extend(f.split(' ').map(str::to_string));
        }
        let time = TimeWords {
            before_title: lower(&self.time.before_title),
            agent: lower(&self.time.agent),
            left: lower(&self.time.left),
            took: lower(&self.time.took),
        };
        let finder = |phrases: &[String]| {
            AhoCorasick::new(phrases.iter().map(|p| format!(" {p} ")))
                .map_err(|e| RuleProblem::new(e.to_string(), None))
        };
        Ok(Compiled {
            left_finder: Some(finder(&time.left)?),
            took_finder: Some(finder(&time.took)?),
            title_words,
            portfolio_regex,
            appositive_regex,
            not_qualifiers: lower(&self.generic.not_qualifiers),
            demonym_endings: lower(&self.generic.demonym_endings),
            not_before_rank: lower(&self.generic.not_before_rank),
            not_names: lower(&self.generic.not_names),
            organisation_pronouns: lower(&self.generic.organisation_pronouns),
            adjective_endings: lower(&self.generic.adjective_endings),
            time,
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
