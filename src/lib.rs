//! crosscheck: checks a bundle of news articles about one story against each
//! other and shows where the sources disagree.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! 1. [`load`]: paths → bundles of documents with publication time and zone;
//! 2. [`extract`]: a document's text → raw mentions (names, dates, times,
//!    events, roles, numbers, quotes), guided by [`rules`];
//! 3. [`normalise`]: mentions → [`claim::Claim`]s with canonical values and
//!    the subject they are about (times in UTC, names as entities, …);
//! 4. [`compare`]: every document's claims → findings (conflicts, variants,
//!    unresolved) and agreements, grouped by subject;
//! 5. [`report`]: findings → a table, JSON or HTML, with file, line and text
//!    for every piece of evidence;
//! 6. [`baseline`]: accepted findings, so CI fails only on new ones.
//!
//! Documents are independent until comparison, so stages 2–3 run in
//! parallel over documents. Rules are compiled once per run.

pub mod baseline;
pub mod claim;
pub mod compare;
pub mod config;
pub mod error;
pub mod explain;
pub mod extract;
pub mod load;
pub mod normalise;
pub mod output;
pub mod report;
pub mod rules;

use rayon::prelude::*;

use crate::claim::DocClaims;
use crate::compare::Comparison;
use crate::error::InputError;
use crate::load::{Bundle, Document};
use crate::rules::Rules;

/// Extracts and normalises one document's claims (stages 2 and 3).
pub fn analyse_document(doc: &Document, rules: &Rules) -> DocClaims {
    let mentions = extract::extract(doc, rules);
    normalise::normalise(doc, rules, &mentions)
}

/// A bundle after comparison: its documents, their claims and the findings.
pub struct CheckedBundle {
    pub bundle: Bundle,
    pub claims: Vec<DocClaims>,
    pub comparison: Comparison,
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
            .map_err(|panic| {
                panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default()
            })
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
    let doc_ids: Vec<String> = bundle.documents.iter().map(|d| d.id.clone()).collect();
    let short_names = short_names(&doc_ids);
    let published: Vec<Option<String>> = bundle
        .documents
        .iter()
        .map(|d| d.published.map(|p| p.to_report_string()))
        .collect();
    let comparison = compare::compare(
        &compare::Bundle {
            doc_ids: &doc_ids,
            short_names: &short_names,
            published: &published,
        },
        &claims,
    );
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
