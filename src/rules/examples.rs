//! Rule examples: the surface forms each rule file promises to normalise
//! (`[[example]]`) and the look-alikes it promises to leave alone
//! (`[[allow]]`). They are the rules' documentation and their test suite,
//! run by `crosscheck rules test` and by `tests/rule_examples.rs`.

use serde::Deserialize;
use toml::Spanned;

use super::Rules;
use crate::claim::Category;
use crate::load::{Document, Published};

/// `[[example]]`: this text yields exactly one claim of the category, and
/// its normalised value reads `expect`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: Spanned<String>,
    /// The claim's value as displayed (`Value::display`), or, with
    /// `unresolved = true`, a part of the reason it could not be resolved.
    pub expect: String,
    /// The exact source text the claim must cover, when it matters.
    #[serde(default)]
    pub span: Option<String>,
    /// The category to look at, when not the file's own.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub unresolved: bool,
    /// What the claim is about: its frame's subject label, as the report
    /// shows it ("earnings (USD)", "capsize (instant)"). Tests the word
    /// classes that build frames.
    #[serde(default)]
    pub about: Option<String>,
    /// Context for relative expressions: publication time and zone.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
}

/// `[[allow]]`: this text yields no claim of the category.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    pub text: Spanned<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    /// Why this must not match (documentation only).
    #[serde(default)]
    pub why: Option<String>,
}

/// An example that did not hold, located in its rule file.
#[derive(Clone, Debug)]
pub struct ExampleFailure {
    pub file: String,
    pub line: usize,
    pub text: String,
    pub problem: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {:?}: {}",
            self.file, self.line, self.text, self.problem
        )
    }
}

fn example_document(
    text: &str,
    published: Option<&str>,
    timezone: Option<&str>,
) -> Result<Document, String> {
    let mut doc = Document::from_text("example", text);
    doc.published = published.map(Published::parse).transpose()?;
    doc.timezone = timezone
        .map(|z| z.parse().map_err(|_| format!("unknown zone {z}")))
        .transpose()?;
    Ok(doc)
}

/// What the pipeline makes of one example text, in one category: displayed
/// values with their source text and their frame's subject label, and
/// unresolved reasons with theirs. (value or reason, source text, about)
/// triples.
type Found = Vec<(String, String, String)>;

fn run_one(rules: &Rules, doc: &Document, category: Category) -> (Found, Found) {
    let out = crate::analyse_document(doc, rules);
    let text = |span: crate::claim::Span| doc.text[span.start..span.end].to_string();
    let claims = out
        .claims
        .iter()
        .filter(|c| c.category == category)
        .map(|c| {
            (
                c.value.display(),
                text(c.anchor.span),
                c.frame.subject().label,
            )
        })
        .collect();
    let unresolved = out
        .unresolved
        .iter()
        .filter(|u| u.category == category)
        .map(|u| {
            (
                u.reason.clone(),
                text(u.anchor.span),
                u.frame.subject().label,
            )
        })
        .collect();
    (claims, unresolved)
}

/// Runs the examples of every rule file whose name passes `filter`.
pub fn run_examples(rules: &Rules, filter: impl Fn(&str) -> bool) -> (usize, Vec<ExampleFailure>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for loaded in rules.sources.iter().filter(|s| filter(&s.source.name)) {
        let src = &loaded.source;
        let line_of = |t: &Spanned<String>| crate::error::line_column(&src.text, t.span().start).0;
        let category_of = |c: &Option<String>| -> Result<Category, String> {
            match c {
                None => Ok(loaded.category),
                Some(name) => {
                    Category::parse(name).ok_or_else(|| format!("unknown category `{name}`"))
                }
            }
        };
        for ex in &loaded.examples {
            count += 1;
            let fail = |problem: String| ExampleFailure {
                file: src.path.clone(),
                line: line_of(&ex.text),
                text: ex.text.get_ref().clone(),
                problem,
            };
            let setup = category_of(&ex.category).and_then(|c| {
                example_document(
                    ex.text.get_ref(),
                    ex.published.as_deref(),
                    ex.timezone.as_deref(),
                )
                .map(|d| (c, d))
            });
            let (category, doc) = match setup {
                Ok(s) => s,
                Err(e) => {
                    failures.push(fail(e));
                    continue;
                }
            };
            let (claims, unresolved) = run_one(rules, &doc, category);
            let found = if ex.unresolved { &unresolved } else { &claims };
            let what = if ex.unresolved { "unresolved " } else { "" };
            if found.len() != 1 {
                failures.push(fail(format!(
                    "expected exactly one {what}{category} claim, found {}: {:?}{}",
                    found.len(),
                    found,
                    if ex.unresolved {
                        String::new()
                    } else {
                        format!(" (unresolved: {unresolved:?})")
                    }
                )));
                continue;
            }
            let (value, span, about) = &found[0];
            let value_ok = if ex.unresolved {
                value.contains(&ex.expect)
            } else {
                *value == ex.expect
            };
            if !value_ok {
                failures.push(fail(format!(
                    "expected {what}`{}`, found `{value}` over {span:?}",
                    ex.expect
                )));
            } else if let Some(want) = &ex.span
                && span != want
            {
                failures.push(fail(format!(
                    "expected the claim over {want:?}, found it over {span:?}"
                )));
            } else if let Some(want) = &ex.about
                && about != want
            {
                failures.push(fail(format!(
                    "expected the claim to be about {want:?}, found {about:?}"
                )));
            }
        }
        for allow in &loaded.allows {
            count += 1;
            let fail = |problem: String| ExampleFailure {
                file: src.path.clone(),
                line: line_of(&allow.text),
                text: allow.text.get_ref().clone(),
                problem,
            };
            let setup = category_of(&allow.category).and_then(|c| {
                example_document(
                    allow.text.get_ref(),
                    allow.published.as_deref(),
                    allow.timezone.as_deref(),
                )
                .map(|d| (c, d))
            });
            match setup {
                Ok((category, doc)) => {
                    let (claims, _) = run_one(rules, &doc, category);
                    if !claims.is_empty() {
                        failures.push(fail(format!(
                            "expected no {category} claim, found {claims:?}"
                        )));
                    }
                }
                Err(e) => failures.push(fail(e)),
            }
        }
    }
    (count, failures)
}
