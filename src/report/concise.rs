//! `--format concise`: one line per finding, at its first piece of
//! evidence, in the form editors and terminals jump from:
//!
//! ```text
//! corpus/x/b.txt:7:12: error conflict/quantity: damage (USD): b gives USD 4.2 billion; d gives USD 4.5 billion [eb568508b69c7feb]
//! ```
//!
//! Findings the baseline accepts are left out (they do not fail the run);
//! a changed one says so. Input errors come first, as `path:line:col:
//! error: message`. Nothing else is printed, so every line parses.

use super::wire::BaselineStatus;
use super::{Options, Report, one_line};

pub fn render(report: &Report, options: &Options) -> String {
    let mut out = String::new();
    for e in report.all_errors() {
        out.push_str(&one_line(&format_error(e)));
        out.push('\n');
    }
    for bundle in &report.bundles {
        for f in bundle.findings.iter().filter(|f| options.shows(f)) {
            if f.baselined {
                continue;
            }
            let location = super::primary_evidence(f).map_or_else(
                || format!("{}:1:1", bundle.path),
                |e| format!("{}:{}:{}", e.path, e.line, e.column),
            );
            let changed = match &f.baseline {
                Some(m) if m.status == BaselineStatus::Changed => {
                    let mut s = format!(" (changed; was {}", m.previous_values.join(" / "));
                    if let Some(r) = &m.reason {
                        s.push_str(&format!("; reason: {r}"));
                    }
                    s.push(')');
                    s
                }
                _ => String::new(),
            };
            out.push_str(&one_line(&format!(
                "{location}: {} {}/{}: {}{changed} [{}]",
                f.severity.as_str(),
                f.kind.as_str(),
                f.category,
                f.message,
                f.id
            )));
            out.push('\n');
        }
    }
    out
}

fn format_error(e: &crate::error::InputError) -> String {
    match (e.line, e.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}: error: {}", e.path, e.message),
        (Some(l), None) => format!("{}:{l}:1: error: {}", e.path, e.message),
        _ => format!("{}: error: {}", e.path, e.message),
    }
}
