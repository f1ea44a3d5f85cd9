//! The JSON report's types, as fixed in CONTRACT.md (schema_version 1). These
//! are kept apart from the internal finding types so the wire format changes
//! only on purpose; new fields may be added, none renamed or removed.

use serde::Serialize;

use crate::CheckedBundle;
use crate::claim::{Anchor, Category};
use crate::compare::{Finding, Kind, Severity};
use crate::error::InputError;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub bundles: Vec<BundleReport>,
    /// Problems not tied to one bundle (a path that is not there, bad rules).
    /// An addition to schema 1; empty when all went well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InputError>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct BundleReport {
    pub path: String,
    pub title: Option<String>,
    pub documents: Vec<DocumentInfo>,
    pub findings: Vec<WireFinding>,
    pub agreements: Vec<WireFinding>,
    pub errors: Vec<InputError>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub path: String,
    pub source: Option<String>,
    pub published: Option<String>,
    pub timezone: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct WireFinding {
    pub id: String,
    pub kind: Kind,
    pub category: Category,
    pub severity: Severity,
    pub subject: String,
    pub message: String,
    pub values: Vec<WireValue>,
    /// True when the finding is accepted in the baseline given with
    /// `--baseline` (it is still reported, but does not fail the run).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub baselined: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct WireValue {
    pub value: String,
    /// In a conflict, the side this value is on: values with the same side
    /// are compatible with each other (one written in km, one in miles).
    /// An addition to schema 1, absent where the judge does not cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<usize>,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub document: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

impl Report {
    pub fn new(bundles: &[CheckedBundle], errors: Vec<InputError>) -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool {
                name: "crosscheck",
                version: env!("CARGO_PKG_VERSION"),
            },
            bundles: bundles.iter().map(BundleReport::new).collect(),
            errors,
        }
    }

    /// Every finding of every bundle.
    pub fn findings(&self) -> impl Iterator<Item = &WireFinding> {
        self.bundles.iter().flat_map(|b| b.findings.iter())
    }

    /// Every error, of the run and of its bundles.
    pub fn all_errors(&self) -> impl Iterator<Item = &InputError> {
        self.errors
            .iter()
            .chain(self.bundles.iter().flat_map(|b| b.errors.iter()))
    }
}

impl BundleReport {
    pub fn new(checked: &CheckedBundle) -> BundleReport {
        let bundle = &checked.bundle;
        let wire = |f: &Finding| WireFinding {
            id: f.id.clone(),
            kind: f.kind,
            category: f.category,
            severity: f.severity,
            subject: f.subject.label.clone(),
            message: f.message.clone(),
            values: f
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| WireValue {
                    value: v.value.clone(),
                    side: f.sides.get(i).copied(),
                    evidence: v.evidence.iter().map(|a| evidence(checked, a)).collect(),
                })
                .collect(),
            baselined: false,
        };
        BundleReport {
            path: bundle.path.clone(),
            title: bundle.title.clone(),
            documents: bundle
                .documents
                .iter()
                .map(|d| DocumentInfo {
                    id: d.id.clone(),
                    path: d.display_path(),
                    source: d.source.clone(),
                    published: d.published.map(|p| p.to_report_string()),
                    timezone: d.timezone.map(|z| z.name().to_string()),
                })
                .collect(),
            findings: checked.comparison.findings.iter().map(wire).collect(),
            agreements: checked.comparison.agreements.iter().map(wire).collect(),
            errors: bundle.errors.clone(),
        }
    }
}

fn evidence(checked: &CheckedBundle, anchor: &Anchor) -> Evidence {
    let doc = &checked.bundle.documents[anchor.doc];
    let (line, column) = doc.line_column(anchor.span.start);
    Evidence {
        document: doc.id.clone(),
        path: doc.display_path(),
        line,
        column,
        text: doc.text[anchor.span.start..anchor.span.end].to_string(),
    }
}
