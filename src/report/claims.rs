//! The claims of checked bundles, one JSON object per line (`crosscheck
//! extract`): every claim with its document, line, column, exact text,
//! normalised value and typed frame, and every claim that could not be
//! normalised with why. What a user reads to see what crosscheck read, and
//! what `crosscheck compare` reads back to judge the bundles without
//! reading their documents again (the map and the reduce of a large run).
//!
//! Every line has a `record`: `"bundle"` (one per bundle, first: its path,
//! title and load problems), `"document"` (before its claims: id, path,
//! publication, zone and text, for the evidence a report quotes), then
//! `"claim"` and `"unresolved"` lines in text order. A consumer that wants
//! the claims only keeps `record == "claim"`.
//!
//! [`read_claims`] reads such lines back (from several files, in any
//! order: a cluster's partitions), gathers them by bundle and document and
//! rebuilds each bundle with its claims in the normaliser's order, so that
//! comparing them gives what `check` gives. A line that does not read is an
//! error naming its file and line; the other bundles are still compared.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::CheckedBundle;
use crate::claim::{Anchor, Category, Claim, DocClaims, Frame, Span, Unresolved, Value};
use crate::error::InputError;
use crate::load::{Bundle, Document, Published};

/// One bundle, before its documents.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WireBundle {
    pub record: String,
    pub bundle: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub errors: Vec<InputError>,
    #[serde(default)]
    pub warnings: Vec<InputError>,
}

/// One document, before its claims.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WireDocument {
    pub record: String,
    pub bundle: String,
    pub document: String,
    /// Its place in the bundle, which comparison's order follows.
    pub index: usize,
    pub path: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub text: String,
    /// Sentence spans (byte offsets), which alignment reads.
    pub sentences: Vec<Span>,
}

/// One claim as written to a JSON line.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WireClaim {
    pub record: String,
    pub bundle: String,
    pub document: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// Byte offsets of the text in the document.
    pub offset: usize,
    pub end: usize,
    pub text: String,
    pub category: Category,
    /// The normalised value as shown, or `unresolved: why`.
    pub value: String,
    /// The subject a finding about it would show.
    pub subject: String,
    pub frame: Frame,
    /// The normalised value itself (claims only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<Value>,
    /// Why it could not be normalised (unresolved only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Its place among its document's claims (or unresolved mentions) as
    /// the normaliser gave them, which comparison's tie-breaks follow.
    pub seq: usize,
}

/// Every bundle, document, claim and unresolved mention, in bundle,
/// document and text order, one JSON object per line.
pub fn render_jsonl(checked: &[CheckedBundle]) -> String {
    let mut out = String::new();
    let mut push = |line: String| {
        out.push_str(&line);
        out.push('\n');
    };
    for c in checked {
        let bundle = c.bundle.path.as_str();
        push(json(&WireBundle {
            record: "bundle".into(),
            bundle: bundle.into(),
            title: c.bundle.title.clone(),
            errors: c.bundle.errors.clone(),
            warnings: c.bundle.warnings.clone(),
        }));
        for (d, claims) in c.claims.iter().enumerate() {
            let Some(doc) = c.bundle.documents.get(d) else {
                continue;
            };
            push(json(&WireDocument {
                record: "document".into(),
                bundle: bundle.into(),
                document: doc.id.clone(),
                index: d,
                path: doc.display_path(),
                source: doc.source.clone(),
                published: doc.published.map(|p| p.to_report_string()),
                timezone: doc.timezone.map(|z| z.name().to_string()),
                url: doc.url.clone(),
                text: doc.text.clone(),
                sentences: claims.sentences.clone(),
            }));
            let wire = |record: &str,
                        seq: usize,
                        anchor: Anchor,
                        category,
                        value: String,
                        frame: &Frame| {
                let (line, column) = doc.line_column(anchor.span.start);
                WireClaim {
                    record: record.into(),
                    bundle: bundle.into(),
                    document: doc.id.clone(),
                    path: doc.display_path(),
                    line,
                    column,
                    offset: anchor.span.start,
                    end: anchor.span.end,
                    text: doc.text[anchor.span.start..anchor.span.end].to_string(),
                    category,
                    value,
                    subject: frame.subject().label,
                    frame: frame.clone(),
                    typed: None,
                    reason: None,
                    seq,
                }
            };
            let mut lines: Vec<(Anchor, u8, String)> = Vec::new();
            for (seq, claim) in claims.claims.iter().enumerate() {
                let mut w = wire(
                    "claim",
                    seq,
                    claim.anchor,
                    claim.category,
                    claim.value.display(),
                    &claim.frame,
                );
                w.typed = Some(claim.value.clone());
                lines.push((claim.anchor, 0, json(&w)));
            }
            for (seq, u) in claims.unresolved.iter().enumerate() {
                let mut w = wire(
                    "unresolved",
                    seq,
                    u.anchor,
                    u.category,
                    format!("unresolved: {}", u.reason),
                    &u.frame,
                );
                w.reason = Some(u.reason.clone());
                lines.push((u.anchor, 1, json(&w)));
            }
            // Text order for a reader; `compare` restores the normaliser's
            // order from `seq`.
            lines.sort_by_key(|(a, kind, _)| (*a, *kind));
            for (_, _, l) in lines {
                push(l);
            }
        }
    }
    out
}

fn json<T: Serialize>(value: &T) -> String {
    // Every type written here is plain data with string keys: serde_json
    // cannot fail on it.
    serde_json::to_string(value).unwrap_or_default()
}

/// Only the kind of a line, read first.
#[derive(Deserialize)]
struct Record {
    record: String,
}

#[derive(Default)]
struct Gathered {
    bundle: Option<WireBundle>,
    /// Documents, each with its claims and unresolved mentions.
    documents: Vec<(WireDocument, Vec<WireClaim>, Vec<WireClaim>)>,
    by_id: std::collections::HashMap<String, usize>,
    /// Claims whose document line was not (yet) seen.
    orphans: Vec<(String, usize, WireClaim)>,
}

/// The bundles the lines describe, in the order their first lines came,
/// each with its documents' claims; and the problems with the lines.
pub fn read_claims(
    inputs: &[(String, String)],
) -> (Vec<(Bundle, Vec<DocClaims>)>, Vec<InputError>) {
    let mut order: Vec<String> = Vec::new();
    let mut bundles: BTreeMap<String, Gathered> = BTreeMap::new();
    let mut errors = Vec::new();
    for (name, text) in inputs {
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = |message: String| InputError::new(name, message).at(n + 1, 1);
            let kind = match serde_json::from_str::<Record>(line) {
                Ok(r) => r.record,
                Err(e) => {
                    errors.push(at(format!("not a line of `crosscheck extract`: {e}")));
                    continue;
                }
            };
            let parsed = match kind.as_str() {
                "bundle" => serde_json::from_str::<WireBundle>(line).map(|b| {
                    let name = b.bundle.clone();
                    gather(&mut bundles, &mut order, &name).bundle = Some(b);
                }),
                "document" => serde_json::from_str::<WireDocument>(line).map(|d| {
                    let g = gather(&mut bundles, &mut order, &d.bundle.clone());
                    if !g.by_id.contains_key(&d.document) {
                        g.by_id.insert(d.document.clone(), g.documents.len());
                        g.documents.push((d, Vec::new(), Vec::new()));
                    }
                }),
                "claim" | "unresolved" => serde_json::from_str::<WireClaim>(line).map(|c| {
                    gather(&mut bundles, &mut order, &c.bundle.clone())
                        .orphans
                        .push((name.clone(), n + 1, c));
                }),
                other => {
                    errors.push(at(format!(
                        "unknown record `{other}`: a line of `crosscheck extract` is a bundle, document, claim or unresolved"
                    )));
                    continue;
                }
            };
            if let Err(e) = parsed {
                errors.push(at(format!("a `{kind}` line that does not read: {e}")));
            }
        }
    }
    let mut out = Vec::new();
    for name in order {
        let Some(mut g) = bundles.remove(&name) else {
            continue;
        };
        for (file, line, c) in std::mem::take(&mut g.orphans) {
            match g.by_id.get(&c.document).and_then(|&i| g.documents.get_mut(i)) {
                Some((_, claims, unresolved)) => {
                    if c.record == "claim" {
                        claims.push(c)
                    } else {
                        unresolved.push(c)
                    }
                }
                None => errors.push(InputError::new(&file, format!(
                    "a claim of document `{}` in bundle `{name}`, whose `document` line is in none of the inputs",
                    c.document
                )).at(line, 1)),
            }
        }
        out.push(rebuild(&name, g, &mut errors));
    }
    (out, errors)
}

/// The lines gathered for one bundle, noting the order bundles first came.
fn gather<'a>(
    bundles: &'a mut BTreeMap<String, Gathered>,
    order: &mut Vec<String>,
    bundle: &str,
) -> &'a mut Gathered {
    if !bundles.contains_key(bundle) {
        order.push(bundle.to_string());
    }
    bundles.entry(bundle.to_string()).or_default()
}

/// One bundle from its lines, its documents in the bundle's order.
fn rebuild(name: &str, g: Gathered, errors: &mut Vec<InputError>) -> (Bundle, Vec<DocClaims>) {
    let mut bundle = Bundle::in_memory(name, Vec::new());
    if let Some(b) = g.bundle {
        bundle.title = b.title;
        bundle.errors = b.errors;
        bundle.warnings = b.warnings;
    }
    let mut all = Vec::new();
    let mut documents = g.documents;
    documents.sort_by_key(|(d, _, _)| d.index);
    for (index, (d, mut claims, mut unresolved)) in documents.into_iter().enumerate() {
        let mut doc = Document::from_text(&d.document, &d.text);
        doc.path = PathBuf::from(&d.path);
        doc.source = d.source;
        doc.url = d.url;
        doc.published = d
            .published
            .as_deref()
            .and_then(|p| match Published::parse(p) {
                Ok(p) => Some(p),
                Err(e) => {
                    errors.push(InputError::new(&d.path, e));
                    None
                }
            });
        doc.timezone = d.timezone.as_deref().and_then(|z| match z.parse() {
            Ok(z) => Some(z),
            Err(e) => {
                errors.push(InputError::new(
                    &d.path,
                    format!("unknown time zone `{z}`: {e}"),
                ));
                None
            }
        });
        claims.sort_by_key(|c| c.seq);
        unresolved.sort_by_key(|c| c.seq);
        let anchor = |c: &WireClaim| Anchor {
            doc: index,
            span: Span::new(c.offset, c.end.max(c.offset)),
        };
        let mut doc_claims = DocClaims {
            sentences: d.sentences,
            ..Default::default()
        };
        for c in claims {
            let Some(value) = c.typed.clone() else {
                errors.push(InputError::new(
                    &d.path,
                    format!("a claim at offset {} with no `typed` value", c.offset),
                ));
                continue;
            };
            doc_claims.claims.push(Claim {
                anchor: anchor(&c),
                category: c.category,
                frame: c.frame,
                value,
            });
        }
        for u in unresolved {
            doc_claims.unresolved.push(Unresolved {
                anchor: anchor(&u),
                category: u.category,
                frame: u.frame,
                reason: u.reason.unwrap_or_default(),
            });
        }
        bundle.documents.push(doc);
        all.push(doc_claims);
    }
    (bundle, all)
}
