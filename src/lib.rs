//! crosscheck: checks a bundle of news articles about one story against each
//! other and shows where the sources disagree.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! 1. [`load`]: paths → bundles of documents with publication time and zone;
//! 2. [`index`]: a document's text → its text index (hard-wrapped lines
//!    read whole, sentences, tokens with word classes, clause breaks);
//! 3. [`extract`]: the text → raw mentions (names, dates, times, roles,
//!    numbers, quotes), guided by [`rules`];
//! 4. [`normalise`]: mentions → [`claim::Claim`]s with canonical values
//!    (times in UTC, names as entities, …) and a typed frame each: what the
//!    claim is about, read from its clause;
//! 5. [`compare`]: every document's claims → aligned by their frames →
//!    findings (conflicts, variants, updates, unresolved) and agreements;
//! 6. [`report`]: findings → a table, JSON or HTML, with file, line and text
//!    for every piece of evidence;
//! 7. [`baseline`]: accepted findings, so CI fails only on new ones.
//!
//! [`claim`] holds the types every stage shares and imports none of them.
//! Documents are independent until comparison, so stages 2–4 run in
//! parallel over documents. Rules are compiled once per run.

pub mod baseline;
pub mod claim;
pub mod compare;
pub mod config;
pub mod error;
pub mod explain;
pub mod extract;
pub mod hash;
pub mod index;
pub mod load;
pub mod normalise;
pub mod output;
pub mod report;
pub mod rules;
#[cfg(test)]
mod test_support;

use rayon::prelude::*;

use crate::claim::DocClaims;
use crate::compare::Comparison;
use crate::error::InputError;
use crate::load::{Bundle, Document};
use crate::rules::Rules;

/// Indexes, extracts and normalises one document's claims (stages 2–4).
/// Extraction and normalisation read the index's flattened text (same
/// offsets as the document's), so a hard-wrapped line reads whole.
pub fn analyse_document(doc: &Document, rules: &Rules) -> DocClaims {
    let index = index::TextIndex::build(&doc.text, &rules.words);
    let flat = doc.with_text(&index.flat);
    let mentions = extract::extract(&flat, rules);
    normalise::normalise(&flat, rules, &index, &mentions)
}

/// A bundle after comparison: its documents, their claims and the findings.
pub struct CheckedBundle {
    pub bundle: Bundle,
    pub claims: Vec<DocClaims>,
    pub comparison: Comparison,
}

impl CheckedBundle {
    /// Every time, date, length and figure read that no finding or
    /// agreement shows, with why: the normaliser's own reasons (a part of
    /// a count, a time about nothing the sentence names), or that no other
    /// document was found to give the same fact. In document order.
    pub fn skipped(&self) -> Vec<claim::Skipped> {
        use claim::Category;
        let shown: std::collections::HashSet<claim::Anchor> = self
            .comparison
            .findings
            .iter()
            .chain(&self.comparison.agreements)
            .flat_map(|f| f.values.iter().flat_map(|v| v.evidence.iter().copied()))
            .collect();
        let alone = self.bundle.documents.len() < 2;
        let mut out: Vec<claim::Skipped> = self
            .claims
            .iter()
            .flat_map(|d| d.skipped.iter().cloned())
            .collect();
        for c in self.claims.iter().flat_map(|d| &d.claims) {
            let aligned = matches!(
                c.category,
                Category::Time | Category::Date | Category::Duration | Category::Quantity
            );
            if aligned && !shown.contains(&c.anchor) {
                out.push(claim::Skipped {
                    anchor: c.anchor,
                    category: c.category,
                    reason: if alone {
                        "no other document to compare it with".to_string()
                    } else {
                        format!(
                            "no partner: nothing in another document was aligned with it as {}",
                            c.frame.subject().label
                        )
                    },
                });
            }
        }
        out.sort_by_key(|s| (s.anchor, s.category));
        out.dedup_by_key(|s| (s.anchor, s.category));
        out
    }
}

/// Runs stages 2–4 on a loaded bundle. A document whose analysis panics (a
/// bug) is reported as an error on that document; the others are compared
/// as usual.
pub fn check_bundle(mut bundle: Bundle, rules: &Rules) -> CheckedBundle {
    let results: Vec<Result<DocClaims, String>> = bundle
        .documents
        .par_iter()
        .map(|doc| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                analyse_document(doc, rules)
            }))
            .map_err(panic_message)
        })
        .collect();
    let mut claims = Vec::with_capacity(results.len());
    for (index, (doc, result)) in bundle.documents.iter().zip(results).enumerate() {
        match result {
            Ok(mut c) => {
                // Normalisers see one document and anchor at doc 0; place
                // every anchor in the bundle here.
                c.claims.iter_mut().for_each(|x| x.anchor.doc = index);
                c.unresolved.iter_mut().for_each(|x| x.anchor.doc = index);
                c.skipped.iter_mut().for_each(|x| x.anchor.doc = index);
                claims.push(c)
            }
            Err(what) => {
                bundle.errors.push(InputError::new(
                    &doc.path,
                    format!(
                        "internal error while checking this document (a bug in crosscheck, please report it): {what}"
                    ),
                ));
                claims.push(DocClaims::default());
            }
        }
    }
    compare_bundle(bundle, claims)
}

/// What a caught panic says, for the error that reports it.
fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Compares the claims already read from a bundle's documents (one
/// [`DocClaims`] per document, anchored at its index): the second half of
/// [`check_bundle`], and all of `crosscheck compare`, which reads the
/// claims `crosscheck extract` wrote.
pub fn compare_bundle(mut bundle: Bundle, claims: Vec<DocClaims>) -> CheckedBundle {
    let doc_ids: Vec<String> = bundle.documents.iter().map(|d| d.id.clone()).collect();
    let short_names = short_names(&doc_ids);
    let published: Vec<Option<String>> = bundle
        .documents
        .iter()
        .map(|d| d.published.map(|p| p.to_report_string()))
        .collect();
    let published_days: Vec<Option<chrono::NaiveDate>> = bundle
        .documents
        .iter()
        .map(|d| d.published.map(|p| p.date))
        .collect();
    // Each claim's sentence, for alignment (one document naming a fact
    // twice names it in one sentence).
    let sentence_of = |c: &claim::Claim| {
        claims.get(c.anchor.doc).map_or(0, |d| {
            d.sentences
                .partition_point(|s| s.start <= c.anchor.span.start)
                .saturating_sub(1)
        })
    };
    // A comparison that panics (a bug) is reported as an error on the
    // bundle, so that a run over many bundles keeps the others' results.
    let comparison = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        compare::compare(
            &compare::Bundle {
                doc_ids: &doc_ids,
                short_names: &short_names,
                published: &published,
                published_days: &published_days,
                sentence_of: &sentence_of,
            },
            &claims,
        )
    }));
    let comparison = comparison.unwrap_or_else(|panic| {
        let what = panic_message(panic);
        bundle.errors.push(InputError::new(
            &bundle.path,
            format!(
                "internal error while comparing this bundle's documents (a bug in crosscheck, please report it): {what}"
            ),
        ));
        compare::Comparison::default()
    });
    CheckedBundle {
        bundle,
        claims,
        comparison,
    }
}

/// Short document names for messages: the id up to its first `_` ("002"
/// for `002_84a4a8b9778763f8`) when that is unique in the bundle, else the
/// whole id.
pub fn short_names(ids: &[String]) -> Vec<String> {
    let short: Vec<&str> = ids
        .iter()
        .map(|id| id.split('_').next().filter(|s| !s.is_empty()).unwrap_or(id))
        .collect();
    ids.iter()
        .zip(&short)
        .map(|(id, s)| {
            if short.iter().filter(|t| *t == s).count() == 1 {
                s.to_string()
            } else {
                id.clone()
            }
        })
        .collect()
}
