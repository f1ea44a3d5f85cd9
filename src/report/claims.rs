//! The claims of checked bundles, one JSON object per line (`crosscheck
//! extract --format jsonl`): every claim with its document, line, column,
//! exact text, normalised value and typed frame, and every claim that
//! could not be normalised with why. What a user reads to see what
//! crosscheck read, and what a pipeline feeds on.

use serde::Serialize;

use crate::CheckedBundle;
use crate::claim::{Anchor, Category, Frame};

/// One claim as written to a JSON line.
#[derive(Clone, Debug, Serialize)]
pub struct WireClaim<'a> {
    pub bundle: &'a str,
    pub document: &'a str,
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// Byte offset of the text in the document.
    pub offset: usize,
    pub text: &'a str,
    pub category: Category,
    /// The normalised value as shown, or `unresolved: why`.
    pub value: String,
    /// The subject a finding about it would show.
    pub subject: String,
    pub frame: &'a Frame,
}

/// Every claim and unresolved mention of the bundles, in document and
/// text order, one JSON object per line.
pub fn render_jsonl(checked: &[CheckedBundle]) -> String {
    let mut out = String::new();
    for c in checked {
        let bundle = c.bundle.path.as_str();
        for (d, claims) in c.claims.iter().enumerate() {
            let Some(doc) = c.bundle.documents.get(d) else {
                continue;
            };
            let wire = |anchor: Anchor, category, value: String, frame: &'_ Frame| {
                let (line, column) = doc.line_column(anchor.span.start);
                let frame_ref: &Frame = frame;
                serde_json::to_string(&WireClaim {
                    bundle,
                    document: &doc.id,
                    path: doc.display_path(),
                    line,
                    column,
                    offset: anchor.span.start,
                    text: &doc.text[anchor.span.start..anchor.span.end],
                    category,
                    value,
                    subject: frame_ref.subject().label,
                    frame: frame_ref,
                })
                .unwrap_or_default()
            };
            let mut lines: Vec<(Anchor, String)> = Vec::new();
            for claim in &claims.claims {
                lines.push((
                    claim.anchor,
                    wire(
                        claim.anchor,
                        claim.category,
                        claim.value.display(),
                        &claim.frame,
                    ),
                ));
            }
            for u in &claims.unresolved {
                lines.push((
                    u.anchor,
                    wire(
                        u.anchor,
                        u.category,
                        format!("unresolved: {}", u.reason),
                        &u.frame,
                    ),
                ));
            }
            lines.sort_by_key(|(a, _)| *a);
            for (_, l) in lines {
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    out
}
