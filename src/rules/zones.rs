//! `rules/zones.toml`: time-zone names and abbreviations mapped to IANA zones.
//!
//! Each `[[zone]]` lists the names a writer uses ("GMT", "Moscow time",
//! "EDT") and either the one IANA zone they mean (`iana`) or, for names that
//! mean different zones in different places ("IST", "CST", "BST"), the
//! `candidates` among which the document's own zone decides (see
//! [`Compiled::resolve`]). Upper-case abbreviations match case-sensitively
//! (so "et" in a word is not Eastern time); longer names match in any case.
//! `local = true` marks "local time": the document's zone. Compiled into one
//! anchored regex that the time extractor tries right after a clock time.
//!
//! The same file holds the shapes of clock times (`[[clock]]`: "3:17 a.m.",
//! "21:45", "1300", "noon"), regexes with `{name}` references to `[parts]`
//! and named captures `h`, `m`, `ap` (see `extract::time`). They compile
//! into one combined regex, so a text is scanned once for all shapes.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::pattern;
use super::{Allow, Example, RuleFile, RuleProblem, merge_by_id};
use crate::claim::Category;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneFile {
    #[serde(default, rename = "zone")]
    pub entries: Vec<Entry>,
    /// Named sub-patterns the clock shapes refer to as `{name}`.
    #[serde(default)]
    pub parts: BTreeMap<String, String>,
    /// Shapes of clock times, tried in file order at each position.
    #[serde(default)]
    pub clock: Vec<ClockShape>,
    #[serde(default)]
    pub example: Vec<Example>,
    #[serde(default)]
    pub allow: Vec<Allow>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(default)]
    pub id: String,
    /// The names as written after a clock time.
    pub names: Vec<Spanned<String>>,
    /// The IANA zone the names mean, when they mean one.
    #[serde(default)]
    pub iana: Option<Spanned<String>>,
    /// The zones an ambiguous name may mean; the document's zone decides.
    #[serde(default)]
    pub candidates: Vec<Spanned<String>>,
    /// "local time": the document's own zone.
    #[serde(default)]
    pub local: bool,
    /// Why the name is ambiguous, shown when it cannot be resolved.
    #[serde(default)]
    pub ambiguity: Option<String>,
}

/// `[[clock]]`: one way a clock time is written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockShape {
    #[serde(default)]
    pub id: String,
    /// Regex with `{part}` references; captures `h` (hour), `m` (minutes,
    /// optional) and `ap` (`a` or `p`, optional: a 12-hour clock).
    pub pattern: Spanned<String>,
    /// When the shape is a time on its own (see [`Stands`]).
    #[serde(default)]
    pub stands: Stands,
    /// A fixed reading for words ("noon" is 12, "midnight" 0); then the
    /// pattern needs no `h`.
    #[serde(default)]
    pub hour: Option<Spanned<u32>>,
}

/// How much context a clock shape needs to count as a time.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Stands {
    /// Always a time: "3 p.m.", "noon", "14h30".
    #[default]
    Alone,
    /// Only after a time cue ("at", "until", …), a bracket or dash, or with
    /// a zone after it: "21:45" (else "John 3:16", a 3:2 ratio).
    AfterCue,
    /// Only with a zone after it: "1300 GMT" (else "1300 soldiers").
    WithZone,
}

/// A clock shape, compiled.
#[derive(Clone, Debug)]
pub struct CompiledClock {
    pub id: String,
    pub regex: Regex,
    pub stands: Stands,
    pub hour: Option<u32>,
}

/// What a zone name means once looked up.
#[derive(Clone, Debug, PartialEq)]
pub enum ZoneMeaning {
    /// One zone, whatever the document.
    Zone(Tz),
    /// The document's own zone ("local time").
    Local,
    /// One of these; the document's zone decides. The string says why.
    Ambiguous(Vec<Tz>, String),
}

/// A zone name as the extractor found it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledZone {
    pub id: String,
    pub meaning: ZoneMeaning,
}

/// The compiled form used by extraction and normalisation.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub entries: Vec<CompiledZone>,
    /// Anchored at the start: `(?P<z0>GMT|UTC)|(?P<z1>(?i:moscow time))|…`,
    /// one group per entry, longest names first inside each.
    pub pattern: Regex,
    /// Clock shapes in priority order, and one regex over all of them
    /// whose group `r{i}` tells which shape matched.
    pub clocks: Vec<CompiledClock>,
    pub clock_any: Regex,
    /// Every IANA zone's city ("Manila", "Mexico City", "Sao Paulo"), lower
    /// case, for "11:40 a.m. Manila time": a city's clock is its zone's,
    /// with no entry in the rules needed. Entries in the rules win.
    pub cities: Vec<CompiledZone>,
    pub city_index: std::collections::HashMap<String, usize>,
}

/// The IANA zones named for a city ("Asia/Manila", "America/Mexico_City"),
/// keyed by the city in lower case with spaces.
fn iana_cities() -> (Vec<CompiledZone>, std::collections::HashMap<String, usize>) {
    let mut zones = Vec::new();
    let mut index = std::collections::HashMap::new();
    for tz in chrono_tz::TZ_VARIANTS {
        let name = tz.name();
        let Some((area, city)) = name.rsplit_once('/') else {
            continue;
        };
        // Only zones named for a place: not "Etc/GMT+5", "US/Eastern".
        let area = area.split('/').next().unwrap_or(area);
        if !matches!(
            area,
            "Africa"
                | "America"
                | "Antarctica"
                | "Asia"
                | "Atlantic"
                | "Australia"
                | "Europe"
                | "Indian"
                | "Pacific"
        ) {
            continue;
        }
        let key = city.replace('_', " ").to_lowercase();
        if index.contains_key(&key) {
            continue;
        }
        index.insert(key, zones.len());
        zones.push(CompiledZone {
            id: name.to_string(),
            meaning: ZoneMeaning::Zone(tz),
        });
    }
    (zones, index)
}

impl Default for Compiled {
    fn default() -> Self {
        ZoneFile::default()
            .compile()
            .expect("an empty zone file compiles")
    }
}

impl Compiled {
    /// The zone named at the very start of `text`, with the length of the
    /// name. Callers skip spaces and brackets first.
    pub fn match_at<'a>(&'a self, text: &str) -> Option<(&'a CompiledZone, usize)> {
        let caps = self.pattern.captures(text)?;
        let whole = caps.get(0)?;
        // A name must end at a word boundary: "ETA" is not "ET".
        if text[whole.end()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
        {
            return None;
        }
        // A one-word name before a capitalised word is part of a longer
        // name ("Eastern Europe", "Central Asia"), not a zone.
        let name = whole.as_str();
        if !name.contains(char::is_whitespace) && !is_abbreviation(name) {
            let next = text[whole.end()..].trim_start_matches(' ');
            if next.len() < text.len() - whole.end()
                && next.chars().next().is_some_and(char::is_uppercase)
            {
                return None;
            }
        }
        (0..self.entries.len())
            .find(|&i| caps.name(&format!("z{i}")).is_some())
            .map(|i| (&self.entries[i], whole.end()))
    }

    /// "Manila time", "Mexico City time": a city of an IANA zone, in up to
    /// three capitalised words, then "time". Tried when no rule names the
    /// zone.
    pub fn city_time_at<'a>(&'a self, text: &str) -> Option<(&'a CompiledZone, usize)> {
        let mut words = Vec::new();
        let mut at = 0;
        for _ in 0..4 {
            let rest = &text[at..];
            let skip = rest.len() - rest.trim_start_matches(' ').len();
            let start = at + skip;
            let word_len = text[start..]
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
                .unwrap_or(text.len() - start);
            if word_len == 0 {
                return None;
            }
            let word = &text[start..start + word_len];
            at = start + word_len;
            if word.eq_ignore_ascii_case("time") && !words.is_empty() {
                let city = words.join(" ").to_lowercase();
                return self.city_index.get(&city).map(|&i| (&self.cities[i], at));
            }
            if !word.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            words.push(word);
        }
        None
    }

    /// The zone a name means in a document whose own zone is `doc_zone`:
    /// `Err` with the reason when it cannot be told. An ambiguous name
    /// resolves to the candidate that is the document's zone, else to the
    /// only candidate on the document's continent ("CST" in a document
    /// dated in America/New_York is Central time).
    pub fn resolve(zone: &CompiledZone, doc_zone: Option<Tz>) -> Result<Tz, String> {
        match &zone.meaning {
            ZoneMeaning::Zone(tz) => Ok(*tz),
            ZoneMeaning::Local => {
                doc_zone.ok_or_else(|| "\"local time\" in a document with no time zone".to_string())
            }
            ZoneMeaning::Ambiguous(candidates, why) => {
                let Some(doc) = doc_zone else {
                    return Err(format!("{why}, and the document has no time zone"));
                };
                if candidates.contains(&doc) {
                    return Ok(doc);
                }
                let continent = |tz: &Tz| tz.name().split('/').next().unwrap_or("").to_string();
                let same: Vec<&Tz> = candidates
                    .iter()
                    .filter(|c| continent(c) == continent(&doc))
                    .collect();
                match same.as_slice() {
                    [one] => Ok(**one),
                    _ => Err(format!("{why}, and the document's zone does not decide")),
                }
            }
        }
    }
}

fn is_abbreviation(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_uppercase())
}

fn parse_tz(s: &Spanned<String>) -> Result<Tz, RuleProblem> {
    s.get_ref().parse::<Tz>().map_err(|_| {
        RuleProblem::new(
            format!("unknown IANA zone `{}`", s.get_ref()),
            Some(s.span()),
        )
    })
}

impl ZoneFile {
    /// Every `[[clock]]` shape checked and compiled, and the combined regex.
    fn compile_clocks(&self) -> Result<(Vec<CompiledClock>, Regex), RuleProblem> {
        let mut clocks = Vec::new();
        let mut expanded = Vec::new();
        for c in &self.clock {
            let full = pattern::expand(&c.pattern, &self.parts)?;
            let needs: &[&[&str]] = if c.hour.is_some() { &[] } else { &[&["h"]] };
            let regex = pattern::compile_checked(&c.pattern, &full, needs, &["h", "m", "ap"])?;
            if let Some(h) = &c.hour
                && *h.get_ref() > 23
            {
                return Err(RuleProblem::new("an hour is 0 to 23", Some(h.span())));
            }
            clocks.push(CompiledClock {
                id: c.id.clone(),
                regex,
                stands: c.stands,
                hour: c.hour.as_ref().map(|h| *h.get_ref()),
            });
            expanded.push(full);
        }
        Ok((clocks, pattern::combine(&expanded)?))
    }
}

impl RuleFile for ZoneFile {
    const FILE: &'static str = "zones.toml";
    const CATEGORY: Category = Category::Time;
    type Compiled = Compiled;

    fn merge(&mut self, user: Self) {
        merge_by_id(&mut self.entries, user.entries, |e| &e.id);
        merge_by_id(&mut self.clock, user.clock, |c| &c.id);
        self.parts.extend(user.parts);
        self.example.extend(user.example);
        self.allow.extend(user.allow);
    }

    fn compile(&self) -> Result<Compiled, RuleProblem> {
        let mut entries = Vec::new();
        let mut alternatives = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let meaning = if e.local {
                ZoneMeaning::Local
            } else if let Some(iana) = &e.iana {
                ZoneMeaning::Zone(parse_tz(iana)?)
            } else if !e.candidates.is_empty() {
                let tzs = e
                    .candidates
                    .iter()
                    .map(parse_tz)
                    .collect::<Result<Vec<_>, _>>()?;
                ZoneMeaning::Ambiguous(
                    tzs,
                    e.ambiguity
                        .clone()
                        .unwrap_or_else(|| format!("\"{}\" names several zones", e.id)),
                )
            } else {
                let span = e.names.first().map(|n| n.span());
                return Err(RuleProblem {
                    message: format!("zone `{}` needs `iana`, `candidates` or `local`", e.id),
                    span,
                });
            };
            let mut names: Vec<&str> = e.names.iter().map(|n| n.get_ref().as_str()).collect();
            if names.iter().any(|n| n.trim().is_empty()) {
                return Err(RuleProblem::new(
                    format!("zone `{}` has an empty name", e.id),
                    Some(e.names[0].span()),
                ));
            }
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            let alts: Vec<String> = names
                .iter()
                .map(|n| {
                    let escaped = regex::escape(n).replace("\\ ", r"\s+").replace(' ', r"\s+");
                    if is_abbreviation(n) {
                        escaped
                    } else {
                        format!("(?i:{escaped})")
                    }
                })
                .collect();
            alternatives.push((names[0].len(), format!("(?P<z{i}>{})", alts.join("|"))));
            entries.push(CompiledZone {
                id: e.id.clone(),
                meaning,
            });
        }
        // Longer names first across entries too ("Eastern Time" before "ET").
        alternatives.sort_by_key(|(len, _)| std::cmp::Reverse(*len));
        let body: Vec<String> = alternatives.into_iter().map(|(_, a)| a).collect();
        let pattern = if body.is_empty() {
            r"^[^\s\S]".to_string()
        } else {
            format!("^(?:{})", body.join("|"))
        };
        let pattern = Regex::new(&pattern).map_err(|e| RuleProblem {
            message: format!("zone names do not compile: {e}"),
            span: None,
        })?;
        let (clocks, clock_any) = self.compile_clocks()?;
        let (cities, city_index) = iana_cities();
        Ok(Compiled {
            entries,
            pattern,
            clocks,
            clock_any,
            cities,
            city_index,
        })
    }

    fn examples(&self) -> &[Example] {
        &self.example
    }

    fn allows(&self) -> &[Allow] {
        &self.allow
    }
}
