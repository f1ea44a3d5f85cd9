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
//! `"claim"`, `"unresolved"` and `"skipped"` lines in text order (and
//! `"error"` lines for paths that named nothing). A consumer that wants
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

/// A figure or time read that makes no claim, and why (what
/// `--explain-skipped` lists).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WireSkipped {
    pub record: String,
    pub bundle: String,
    pub document: String,
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub end: usize,
    pub text: String,
    pub category: Category,
    pub reason: String,
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
            for (seq, k) in claims.skipped.iter().enumerate() {
                let (line, column) = doc.line_column(k.anchor.span.start);
                let w = WireSkipped {
                    record: "skipped".into(),
                    bundle: bundle.into(),
                    document: doc.id.clone(),
                    line,
                    column,
                    offset: k.anchor.span.start,
                    end: k.anchor.span.end,
                    text: doc.text[k.anchor.span.start..k.anchor.span.end].to_string(),
                    category: k.category,
                    reason: k.reason.clone(),
                    seq,
                };
                lines.push((k.anchor, 2, json(&w)));
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

/// A problem the run met before any bundle (a path that names nothing),
/// written by `extract` so that `compare` fails as `check` would.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WireError {
    pub record: String,
    pub error: InputError,
}

/// Renders run errors as `error` lines.
pub fn render_errors(errors: &[InputError]) -> String {
    errors
        .iter()
        .map(|e| {
            json(&WireError {
                record: "error".into(),
                error: e.clone(),
            }) + "\n"
        })
        .collect()
}

/// Where a line was read: file and 1-based line.
#[derive(Clone)]
struct At {
    file: String,
    line: usize,
}

impl At {
    fn error(&self, message: impl Into<String>) -> InputError {
        InputError::new(&self.file, message).at(self.line, 1)
    }
}

/// One line kept, with where it was and its text (to tell a repeat from
/// a different line with the same key).
struct Kept<T> {
    value: T,
    raw: String,
    at: At,
}

impl<T> Kept<T> {
    fn new(value: T, raw: &str, at: &At) -> Self {
        Kept {
            value,
            raw: raw.to_string(),
            at: at.clone(),
        }
    }
}

struct DocLines {
    document: Kept<WireDocument>,
    /// Claims and unresolved mentions by `seq`.
    claims: BTreeMap<usize, Kept<WireClaim>>,
    unresolved: BTreeMap<usize, Kept<WireClaim>>,
    skipped: BTreeMap<usize, Kept<WireSkipped>>,
}

#[derive(Default)]
struct Gathered {
    bundle: Option<Kept<WireBundle>>,
    documents: Vec<DocLines>,
    by_id: std::collections::HashMap<String, usize>,
    /// Claims whose document line was not (yet) seen.
    orphans: Vec<Kept<WireClaim>>,
    skipped: Vec<Kept<WireSkipped>>,
}

impl Gathered {
    /// The lines gathered for the document with this id, if its line came.
    fn document(&mut self, id: &str) -> Option<&mut DocLines> {
        self.by_id.get(id).map(|&i| &mut self.documents[i])
    }
}

/// [`keep_once`] for the line at `seq` of one document's lines.
fn keep_at<T>(
    lines: &mut BTreeMap<usize, Kept<T>>,
    seq: usize,
    new: Kept<T>,
    what: &str,
    errors: &mut Vec<InputError>,
) {
    let mut slot = lines.remove(&seq);
    keep_once(&mut slot, new, what, errors);
    if let Some(kept) = slot {
        lines.insert(seq, kept);
    }
}

/// Keeps `new` in `slot` unless a line with the same key is there: the same
/// line again (a file given twice, overlapping partitions) is dropped
/// quietly; a different one is an error and the first is kept.
fn keep_once<T>(
    slot: &mut Option<Kept<T>>,
    new: Kept<T>,
    what: &str,
    errors: &mut Vec<InputError>,
) {
    match slot {
        None => *slot = Some(new),
        Some(old) if old.raw == new.raw => {}
        Some(old) => errors.push(new.at.error(format!(
            "{what} given twice with different contents (first at {}:{}); this line is ignored",
            old.at.file, old.at.line
        ))),
    }
}

/// The bundles the lines describe, in the order their first lines came,
/// each with its documents' claims; and the problems with the lines. Each
/// input is a file name and its bytes.
pub fn read_claims(
    inputs: &[(String, Vec<u8>)],
) -> (Vec<(Bundle, Vec<DocClaims>)>, Vec<InputError>) {
    let mut order: Vec<String> = Vec::new();
    let mut bundles: BTreeMap<String, Gathered> = BTreeMap::new();
    let mut errors = Vec::new();
    for (name, bytes) in inputs {
        for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
            let at = At {
                file: name.clone(),
                line: n + 1,
            };
            let Ok(line) = std::str::from_utf8(raw) else {
                errors.push(at.error("not UTF-8: not a line of `crosscheck extract`"));
                continue;
            };
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let kind = match serde_json::from_str::<Record>(line) {
                Ok(r) => r.record,
                Err(e) => {
                    errors.push(at.error(format!("not a line of `crosscheck extract`: {e}")));
                    continue;
                }
            };
            let parsed = match kind.as_str() {
                "error" => serde_json::from_str::<WireError>(line).map(|e| errors.push(e.error)),
                "bundle" => serde_json::from_str::<WireBundle>(line).map(|b| {
                    let name = b.bundle.clone();
                    let g = gather(&mut bundles, &mut order, &name);
                    keep_once(
                        &mut g.bundle,
                        Kept::new(b, line, &at),
                        &format!("bundle `{name}`"),
                        &mut errors,
                    );
                }),
                "document" => serde_json::from_str::<WireDocument>(line).map(|d| {
                    let g = gather(&mut bundles, &mut order, &d.bundle.clone());
                    match g.by_id.get(&d.document) {
                        Some(&i) => {
                            let mut slot = Some(std::mem::replace(
                                &mut g.documents[i].document,
                                Kept::new(d.clone(), line, &at),
                            ));
                            let what = format!("document `{}`", d.document);
                            keep_once(&mut slot, Kept::new(d, line, &at), &what, &mut errors);
                            if let Some(first) = slot {
                                g.documents[i].document = first;
                            }
                        }
                        None => {
                            g.by_id.insert(d.document.clone(), g.documents.len());
                            g.documents.push(DocLines {
                                document: Kept::new(d, line, &at),
                                claims: BTreeMap::new(),
                                unresolved: BTreeMap::new(),
                                skipped: BTreeMap::new(),
                            });
                        }
                    }
                }),
                "claim" | "unresolved" => serde_json::from_str::<WireClaim>(line).map(|c| {
                    gather(&mut bundles, &mut order, &c.bundle.clone())
                        .orphans
                        .push(Kept::new(c, line, &at));
                }),
                "skipped" => serde_json::from_str::<WireSkipped>(line).map(|k| {
                    gather(&mut bundles, &mut order, &k.bundle.clone())
                        .skipped
                        .push(Kept::new(k, line, &at));
                }),
                other => {
                    errors.push(at.error(format!(
                        "unknown record `{other}`: a line of `crosscheck extract` is a bundle, document, claim, unresolved, skipped or error"
                    )));
                    continue;
                }
            };
            if let Err(e) = parsed {
                errors.push(at.error(format!("a `{kind}` line that does not read: {e}")));
            }
        }
    }
    let mut out = Vec::new();
    for name in order {
        let Some(mut g) = bundles.remove(&name) else {
            continue;
        };
        for c in std::mem::take(&mut g.orphans) {
            let Some(doc) = g.document(&c.value.document) else {
                errors.push(c.at.error(format!(
                    "a claim of document `{}` in bundle `{name}`, whose `document` line is in none of the inputs",
                    c.value.document
                )));
                continue;
            };
            let lines = if c.value.record == "claim" {
                &mut doc.claims
            } else {
                &mut doc.unresolved
            };
            let seq = c.value.seq;
            let what = format!(
                "{} {seq} of document `{}`",
                c.value.record, c.value.document
            );
            keep_at(lines, seq, c, &what, &mut errors);
        }
        for k in std::mem::take(&mut g.skipped) {
            let Some(doc) = g.document(&k.value.document) else {
                errors.push(k.at.error(format!(
                    "a skipped mention of document `{}` in bundle `{name}`, whose `document` line is in none of the inputs",
                    k.value.document
                )));
                continue;
            };
            let seq = k.value.seq;
            let what = format!("skipped {seq} of document `{}`", k.value.document);
            keep_at(&mut doc.skipped, seq, k, &what, &mut errors);
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

/// Whether `s..e` is a span of `text` (in bounds, on character boundaries).
fn fits(text: &str, s: usize, e: usize) -> bool {
    text.get(s..e).is_some()
}

/// Why a value read from a line cannot be what crosscheck wrote (a figure
/// that is not a number, bounds the wrong way round), if it cannot: such a
/// value would compare as nonsense.
fn unsound(value: &Value) -> Option<&'static str> {
    match value {
        Value::Quantity(q) | Value::Duration(q) => {
            if q.low.is_nan() || q.high.is_nan() {
                Some("is not a number")
            } else if q.low > q.high {
                Some("has its low bound above its high bound")
            } else {
                None
            }
        }
        Value::Time(t) => t
            .end
            .is_some_and(|end| end < t.start)
            .then_some("ends before it starts"),
        Value::Date(d) => (d.last < d.first).then_some("ends before it starts"),
        _ => None,
    }
}

/// Whether a value is of its claim's category.
fn of_category(value: &Value, category: Category) -> bool {
    matches!(
        (value, category),
        (Value::Time(_), Category::Time)
            | (Value::Date(_), Category::Date)
            | (Value::Duration(_), Category::Duration)
            | (Value::Quantity(_), Category::Quantity)
            | (Value::Role(_), Category::Role)
            | (Value::Name(_), Category::Name)
            | (Value::Quote(_), Category::Quote)
    )
}

/// One bundle from its lines, its documents in the bundle's order. A claim
/// whose text is not where its offsets say, or whose value is of another
/// category, is an error at its line and left out; claims missing from a
/// document (a gap in its `seq`) are an error at the document's line.
fn rebuild(name: &str, g: Gathered, errors: &mut Vec<InputError>) -> (Bundle, Vec<DocClaims>) {
    let mut bundle = Bundle::in_memory(name, Vec::new());
    if let Some(b) = g.bundle {
        bundle.title = b.value.title;
        bundle.errors = b.value.errors;
        bundle.warnings = b.value.warnings;
    }
    let mut all = Vec::new();
    let mut documents = g.documents;
    documents.sort_by_key(|d| d.document.value.index);
    for (index, lines) in documents.into_iter().enumerate() {
        let Kept { value: d, at, .. } = lines.document;
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
                    errors.push(at.error(e));
                    None
                }
            });
        doc.timezone = d.timezone.as_deref().and_then(|z| match z.parse() {
            Ok(z) => Some(z),
            Err(e) => {
                errors.push(at.error(format!("unknown time zone `{z}`: {e}")));
                None
            }
        });
        for (what, map) in [
            ("claims", &lines.claims),
            ("unresolved mentions", &lines.unresolved),
        ] {
            if let Some(gap) = (0..map.len()).find(|k| !map.contains_key(k)) {
                errors.push(at.error(format!(
                    "{what} of document `{}` are missing (number {gap} is in none of the inputs): its findings may be incomplete",
                    d.document
                )));
            }
        }
        let text = doc.text.as_str();
        let placed = |c: &Kept<WireClaim>, errors: &mut Vec<InputError>| -> Option<Anchor> {
            let (s, e) = (c.value.offset, c.value.end);
            if !fits(text, s, e) {
                errors.push(c.at.error(format!(
                    "offsets {s}..{e} do not fit the text of document `{}` ({} bytes); this claim is left out",
                    d.document,
                    text.len()
                )));
                return None;
            }
            if text[s..e] != c.value.text {
                errors.push(c.at.error(format!(
                    "the claim's text is not at offsets {s}..{e} of document `{}` (lines from another version of it?); this claim is left out",
                    d.document
                )));
                return None;
            }
            Some(Anchor {
                doc: index,
                span: Span::new(s, e),
            })
        };
        let mut doc_claims = DocClaims {
            sentences: d
                .sentences
                .into_iter()
                .filter(|s| s.start <= s.end && s.end <= text.len())
                .collect(),
            ..Default::default()
        };
        for c in lines.claims.into_values() {
            let Some(anchor) = placed(&c, errors) else {
                continue;
            };
            match c.value.typed {
                Some(value) if of_category(&value, c.value.category) => match unsound(&value) {
                    None => doc_claims.claims.push(Claim {
                        anchor,
                        category: c.value.category,
                        frame: c.value.frame,
                        value,
                    }),
                    Some(why) => errors.push(c.at.error(format!(
                        "a {} claim whose `typed` value {why}; left out",
                        c.value.category.as_str()
                    ))),
                },
                Some(_) => errors.push(c.at.error(format!(
                    "a {} claim whose `typed` value is of another category; left out",
                    c.value.category.as_str()
                ))),
                None => errors.push(c.at.error("a claim with no `typed` value; left out")),
            }
        }
        for u in lines.unresolved.into_values() {
            let Some(anchor) = placed(&u, errors) else {
                continue;
            };
            let Some(reason) = u.value.reason.clone() else {
                errors.push(u.at.error("an unresolved mention with no `reason`; left out"));
                continue;
            };
            doc_claims.unresolved.push(Unresolved {
                anchor,
                category: u.value.category,
                frame: u.value.frame,
                reason,
            });
        }
        for k in lines.skipped.into_values() {
            let (s, e) = (k.value.offset, k.value.end);
            if !fits(text, s, e) {
                errors.push(k.at.error(format!(
                    "offsets {s}..{e} do not fit the text of document `{}`; left out",
                    d.document
                )));
                continue;
            }
            doc_claims.skipped.push(crate::claim::Skipped {
                anchor: Anchor {
                    doc: index,
                    span: Span::new(s, e),
                },
                category: k.value.category,
                reason: k.value.reason,
            });
        }
        bundle.documents.push(doc);
        all.push(doc_claims);
    }
    (bundle, all)
}
