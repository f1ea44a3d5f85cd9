//! `--format html`: one self-contained page an editor can open in a browser
//! (inline CSS, no scripts, no external assets, so it can be mailed or
//! archived as one file). Per bundle: the documents with what is known of
//! them, the findings as cards (severity, kind, category, subject, message,
//! and every value with its evidence: document, line, column and the exact
//! text), and the agreements folded under a `<details>`.

use std::fmt::Write;

use super::Report;
use super::wire::{BundleReport, WireFinding};

const STYLE: &str = "
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}
.meta{color:#555;margin-top:0}
table.docs{border-collapse:collapse;font-size:.9rem}table.docs td,table.docs th{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:left}
.card{border:1px solid #ccc;border-left-width:6px;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
.card.error{border-left-color:#c62828}.card.warning{border-left-color:#ef8f00}.card.info{border-left-color:#1565c0}
.card.agreement{border-left-color:#2e7d32}
.badge{display:inline-block;font-size:.75rem;font-weight:600;text-transform:uppercase;padding:.05rem .4rem;border-radius:4px;margin-right:.3rem;background:#eee}
.badge.error{background:#c62828;color:#fff}.badge.warning{background:#ef8f00;color:#fff}.badge.info{background:#1565c0;color:#fff}
.subject{font-weight:600}.id{color:#777;font-family:monospace;font-size:.8rem;float:right}
.value{margin:.4rem 0 .2rem;font-weight:600}
ul.evidence{margin:0;padding-left:1.2rem;list-style:none}ul.evidence li{font-size:.9rem}
.where{font-family:monospace;color:#555}mark{background:#fff3b0;padding:0 .1rem}
.errors{color:#c62828}
";

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>crosscheck report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    for e in &report.errors {
        let _ = writeln!(
            out,
            "<p class=\"errors\">error: {}</p>",
            escape(&e.to_string())
        );
    }
    for bundle in &report.bundles {
        render_bundle(bundle, &mut out);
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} {} · schema {}</p>\n</body>\n</html>",
        report.tool.name, report.tool.version, report.schema_version
    );
    out
}

fn render_bundle(bundle: &BundleReport, out: &mut String) {
    let _ = writeln!(
        out,
        "<section>\n<h1>{}</h1>\n<p class=\"meta\">{} · {} documents · {} findings · {} agreements</p>",
        escape(bundle.title.as_deref().unwrap_or(&bundle.path)),
        escape(&bundle.path),
        bundle.documents.len(),
        bundle.findings.len(),
        bundle.agreements.len()
    );
    out.push_str("<table class=\"docs\"><tr><th>document</th><th>source</th><th>published</th><th>time zone</th></tr>\n");
    for d in &bundle.documents {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.id),
            escape(d.source.as_deref().unwrap_or("—")),
            escape(d.published.as_deref().unwrap_or("unknown")),
            escape(d.timezone.as_deref().unwrap_or("unknown"))
        );
    }
    out.push_str("</table>\n");
    for e in &bundle.errors {
        let _ = writeln!(
            out,
            "<p class=\"errors\">error: {}</p>",
            escape(&e.to_string())
        );
    }
    out.push_str("<h2>Findings</h2>\n");
    if bundle.findings.is_empty() {
        out.push_str("<p>No discrepancies found.</p>\n");
    }
    for f in &bundle.findings {
        card(f, f.severity.as_str(), out);
    }
    if !bundle.agreements.is_empty() {
        let _ = writeln!(
            out,
            "<details>\n<summary><h2 style=\"display:inline\">Agreements ({})</h2></summary>",
            bundle.agreements.len()
        );
        for f in &bundle.agreements {
            card(f, "agreement", out);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

fn card(f: &WireFinding, class: &str, out: &mut String) {
    let _ = writeln!(out, "<div class=\"card {class}\">");
    let _ = writeln!(
        out,
        "<span class=\"id\">{}{}</span><span class=\"badge {}\">{}</span><span class=\"badge\">{}</span><span class=\"badge\">{}</span> <span class=\"subject\">{}</span>",
        escape(&f.id),
        if f.baselined { " · baseline" } else { "" },
        f.severity.as_str(),
        f.severity.as_str(),
        f.kind.as_str(),
        f.category,
        escape(&f.subject)
    );
    let _ = writeln!(out, "<p>{}</p>", escape(&f.message));
    for v in &f.values {
        let _ = writeln!(
            out,
            "<div class=\"value\">{}</div>\n<ul class=\"evidence\">",
            escape(&v.value)
        );
        for e in &v.evidence {
            let _ = writeln!(
                out,
                "<li><span class=\"where\">{}:{}:{}</span> <mark>{}</mark></li>",
                escape(&e.path),
                e.line,
                e.column,
                escape(&e.text)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_quotes_and_paths() {
        assert_eq!(
            escape("<b>\"Tom & Jerry's\"</b>"),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
    }
}
