//! `crosscheck report PATH... --output DIR`: a desk's batch report. Returns
//! the files to write (the caller writes them, in one place):
//!
//! - `index.html`: every bundle with its counts, worst first, and a search
//!   box that filters the list as you type (the one script, inline, allowed
//!   by its hash in the page's Content-Security-Policy);
//! - one self-contained page per bundle (see [`super::html`]), named after
//!   the bundle's directory;
//! - `report.json`: the JSON report of CONTRACT.md for the whole run.

use std::fmt::Write;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::html::{self, escape};
use super::{Counts, Options, Report, plural};

/// The index's search: filters the rows as you type; a `#words` in the
/// address fills it in (links to a filtered list, and the browser test).
const SEARCH: &str = "const q=document.getElementById('q');function f(){const t=q.value.toLowerCase();for(const r of document.querySelectorAll('#bundles tbody tr')){r.hidden=!r.textContent.toLowerCase().includes(t)}}q.addEventListener('input',f);if(location.hash.length>1){q.value=decodeURIComponent(location.hash.slice(1));f()}";

/// Every file of the report: (file name inside the output directory,
/// contents).
pub fn files(report: &Report, options: &Options) -> Vec<(String, String)> {
    let names = page_names(report);
    let mut files = Vec::new();
    for (b, name) in report.bundles.iter().zip(&names) {
        files.push((
            name.clone(),
            html::bundle_page(report, b, options, Some("index.html")),
        ));
    }
    files.push(("index.html".to_string(), index(report, options, &names)));
    files.push(("report.json".to_string(), super::json::render(report)));
    files
}

/// A file name per bundle: its last path component, made safe, numbered
/// when two bundles share it.
pub fn page_names(report: &Report) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for b in &report.bundles {
        let last = b
            .path
            .trim_end_matches('/')
            .rsplit('/')
            .find(|s| !s.is_empty() && *s != "." && *s != "..")
            .unwrap_or("bundle");
        let last = last.strip_suffix(".toml").unwrap_or(last);
        let mut slug: String = last
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        if slug.is_empty() || slug == "-" || slug == "index" || slug == "report" {
            slug = format!("bundle-{slug}").trim_end_matches('-').to_string();
        }
        let mut name = format!("{slug}.html");
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{slug}-{n}.html");
            n += 1;
        }
        names.push(name);
    }
    names
}

fn index(report: &Report, options: &Options, names: &[String]) -> String {
    let total = Counts::of_report(report, options.fail_on);
    let mut order: Vec<(usize, Counts)> = report
        .bundles
        .iter()
        .enumerate()
        .map(|(i, b)| (i, Counts::of_bundle(b, options.fail_on)))
        .collect();
    order.sort_by(|(ia, a), (ib, b)| {
        (b.input_errors, b.failing, b.conflicts, b.variants)
            .cmp(&(a.input_errors, a.failing, a.conflicts, a.variants))
            .then(report.bundles[*ia].path.cmp(&report.bundles[*ib].path))
    });
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>crosscheck: {}</h1>\n<p class=\"meta\">{} documents · {}</p>",
        plural(total.bundles, "bundle"),
        total.documents,
        escape(&total.sentence())
    );
    for e in &report.errors {
        let _ = writeln!(
            body,
            "<p class=\"errors\">error: {}</p>",
            escape(&e.to_string())
        );
    }
    body.push_str("<input id=\"q\" class=\"search\" type=\"search\" placeholder=\"Filter bundles…\" aria-label=\"Filter bundles\">\n");
    body.push_str("<table id=\"bundles\" class=\"counts\"><thead><tr><th>bundle</th><th>documents</th><th>to review</th><th>conflicts</th><th>variants</th><th>unresolved</th><th>agreements</th><th>input errors</th></tr></thead>\n<tbody>\n");
    for (i, c) in order {
        let b = &report.bundles[i];
        let title = match &b.title {
            Some(t) => format!(
                "{} <span class=\"meta\">{}</span>",
                escape(t),
                escape(&b.path)
            ),
            None => escape(&b.path),
        };
        let bad = |n: usize| {
            if n > 0 {
                format!("<td class=\"bad\">{n}</td>")
            } else {
                format!("<td>{n}</td>")
            }
        };
        let _ = writeln!(
            body,
            "<tr><td class=\"name\"><a href=\"{}\">{title}</a></td><td>{}</td>{}{}<td>{}</td><td>{}</td><td>{}</td>{}</tr>",
            escape(&names[i]),
            c.documents,
            bad(c.failing),
            bad(c.conflicts),
            c.variants,
            c.unresolved,
            c.agreements,
            bad(c.input_errors)
        );
    }
    body.push_str("</tbody></table>\n");
    let _ = writeln!(
        body,
        "<p class=\"meta\"><a href=\"report.json\">report.json</a></p>"
    );
    html::footer(report, &mut body);
    let _ = writeln!(body, "<script>{SEARCH}</script>");
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SEARCH.as_bytes()));
    let csp = format!("{}; script-src 'sha256-{hash}'", html::CSP);
    html::page("crosscheck report", &csp, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_safe_and_unique() {
        let mut report = Report::new(&[], Vec::new());
        for path in ["corpus/a b", "other/a b", "x/index", "-"] {
            report.bundles.push(super::super::wire::BundleReport {
                path: path.into(),
                title: None,
                documents: Vec::new(),
                findings: Vec::new(),
                agreements: Vec::new(),
                errors: Vec::new(),
                warnings: Vec::new(),
                stale_baseline: Vec::new(),
                skipped: Vec::new(),
            });
        }
        assert_eq!(
            page_names(&report),
            ["a-b.html", "a-b-2.html", "bundle-index.html", "bundle.html"]
        );
    }
}
