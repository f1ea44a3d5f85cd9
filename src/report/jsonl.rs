//! `--format jsonl`: one JSON object per line, for `jq` and log pipelines
//! that read a stream. Each line has a `type`:
//!
//! - `finding` and `agreement`: the finding of the JSON report, with its
//!   `bundle` path added;
//! - `error`: an input error (with `bundle` when it belongs to one);
//! - `warning`: something loading skipped or found suspicious, shaped like
//!   an error (it does not fail the run);
//! - `stale_baseline`: a baseline entry that matched nothing;
//! - `summary`: last, the run's counts.
//!
//! Field names and values are those of the JSON report (CONTRACT.md).

use serde::Serialize;

use super::wire::{StaleEntry, WireFinding};
use super::{Counts, Report};
use crate::error::InputError;

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line<'a> {
    Finding {
        bundle: &'a str,
        #[serde(flatten)]
        finding: &'a WireFinding,
    },
    Agreement {
        bundle: &'a str,
        #[serde(flatten)]
        finding: &'a WireFinding,
    },
    Error {
        #[serde(skip_serializing_if = "Option::is_none")]
        bundle: Option<&'a str>,
        #[serde(flatten)]
        error: &'a InputError,
    },
    Warning {
        bundle: &'a str,
        #[serde(flatten)]
        warning: &'a InputError,
    },
    StaleBaseline {
        #[serde(skip_serializing_if = "Option::is_none")]
        bundle: Option<&'a str>,
        #[serde(flatten)]
        entry: &'a StaleEntry,
    },
    Summary {
        bundles: usize,
        documents: usize,
        conflicts: usize,
        variants: usize,
        unresolved: usize,
        agreements: usize,
        errors: usize,
        warnings: usize,
        input_errors: usize,
    },
}

pub fn render(report: &Report) -> String {
    let mut lines = Vec::new();
    for e in &report.errors {
        lines.push(Line::Error {
            bundle: None,
            error: e,
        });
    }
    for b in &report.bundles {
        for e in &b.errors {
            lines.push(Line::Error {
                bundle: Some(&b.path),
                error: e,
            });
        }
        for w in &b.warnings {
            lines.push(Line::Warning {
                bundle: &b.path,
                warning: w,
            });
        }
        for f in &b.findings {
            lines.push(Line::Finding {
                bundle: &b.path,
                finding: f,
            });
        }
        for f in &b.agreements {
            lines.push(Line::Agreement {
                bundle: &b.path,
                finding: f,
            });
        }
        for s in &b.stale_baseline {
            lines.push(Line::StaleBaseline {
                bundle: Some(&b.path),
                entry: s,
            });
        }
    }
    for s in &report.stale_baseline {
        lines.push(Line::StaleBaseline {
            bundle: None,
            entry: s,
        });
    }
    let c = Counts::of_report(report, None);
    lines.push(Line::Summary {
        bundles: c.bundles,
        documents: c.documents,
        conflicts: c.conflicts,
        variants: c.variants,
        unresolved: c.unresolved,
        agreements: c.agreements,
        errors: c.errors,
        warnings: c.warnings,
        input_errors: c.input_errors,
    });
    let mut out = String::new();
    for l in lines {
        out.push_str(&serde_json::to_string(&l).expect("report types always serialise"));
        out.push('\n');
    }
    out
}
