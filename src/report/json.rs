//! `--format json`: the report of CONTRACT.md, pretty-printed. Field order is
//! the struct order and every list is sorted upstream, so the same input
//! gives byte-identical output.

use super::Report;

pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("report types always serialise");
    out.push('\n');
    out
}
