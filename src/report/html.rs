//! `--format html`, and the pages of `crosscheck report`: self-contained
//! HTML an editor opens in a browser (inline CSS, no external fonts,
//! scripts or images, so a page can be mailed or archived as one file; a
//! Content-Security-Policy forbids loading anything, and scripts but the
//! index's own search). Every piece of document text is escaped.
//!
//! A bundle page shows, in reading order:
//! - the documents: outlet, file, publication time, zone;
//! - a grid of subjects × outlets with what each outlet says, conflicting
//!   cells coloured by side;
//! - each finding, with the whole sentence around every piece of evidence
//!   and the claim highlighted, quote changes as `<del>`/`<ins>`, and for
//!   time and date conflicts an SVG timeline placing every source's value
//!   on one UTC axis;
//! - the agreements, folded.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::diff::{Segment, segments};
use super::wire::{BaselineStatus, BundleReport, UtcSpan, WireFinding};
use super::{Counts, Options, Report, fails, plural};
use crate::compare::Kind;

pub const STYLE: &str = "
:root{--err:#b3261e;--warn:#9a5b00;--info:#1f5fa8;--ok:#2e7d32;--line:#d9d9de;--muted:#5f6368}
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:1.5rem auto;max-width:78rem;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.45rem;margin:.2rem 0}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
a{color:var(--info)}.meta{color:var(--muted);margin:.1rem 0 .8rem}
table{border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f6;font-weight:600}
.grid-wrap{overflow-x:auto}.grid td.cell{min-width:7rem}
.grid td.side-0{background:#fdecea}.grid td.side-1{background:#e8f0fe}.grid td.side-2{background:#fff4d6}.grid td.side-3{background:#f3e8fd}
.grid td.agree{background:#edf7ee}.grid td.none{color:#aaa}
.card{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:.7rem 1rem;margin:1rem 0}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}.card.info{border-left-color:var(--info)}.card.agreement{border-left-color:var(--ok)}
.badge{display:inline-block;font-size:.72rem;font-weight:600;text-transform:uppercase;letter-spacing:.02em;padding:.05rem .4rem;border-radius:4px;margin-right:.3rem;background:#eee}
.badge.error{background:var(--err);color:#fff}.badge.warning{background:var(--warn);color:#fff}.badge.info{background:var(--info);color:#fff}
.badge.changed{background:#6a1b9a;color:#fff}.badge.accepted{background:#ddd}
.subject{font-weight:600}.id{color:var(--muted);font-family:ui-monospace,monospace;font-size:.8rem;float:right}
.value{margin:.6rem 0 .2rem;font-weight:600}.value .side{display:inline-block;width:1.2rem;height:1.2rem;line-height:1.2rem;text-align:center;border-radius:3px;font-size:.75rem;margin-right:.3rem;color:#fff}
.s0{background:#c62828}.s1{background:#1565c0}.s2{background:#b28704}.s3{background:#6a1b9a}
ul.evidence{margin:0;padding-left:0;list-style:none}ul.evidence li{margin:.25rem 0 .25rem 1.6rem;font-size:.92rem}
.who{font-weight:600}.where{font-family:ui-monospace,monospace;color:var(--muted);font-size:.8rem}
.sentence{display:block;color:#333}mark{background:#ffe58a;padding:0 .1rem;border-radius:2px}
del{background:#fdecea;color:#8e1c14}ins{background:#e6f4ea;color:#1b5e20;text-decoration:underline}
.baseline{font-size:.88rem;color:#4a148c}.errors{color:var(--err)}
svg.timeline{display:block;margin:.5rem 0;max-width:100%;height:auto;font:12px system-ui,sans-serif}
input.search{font:inherit;padding:.35rem .6rem;width:100%;max-width:28rem;margin:.5rem 0 1rem;border:1px solid #bbb;border-radius:4px}
.counts td{text-align:right}.counts td.name{text-align:left}.bad{color:var(--err);font-weight:600}
";

/// Policy for pages without scripts: nothing may load or run.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// A whole page around `body`.
pub fn page(title: &str, csp: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(csp),
        escape(title)
    )
}

/// `--format html`: every bundle on one page, with contents when there
/// are several.
pub fn render(report: &Report, options: &Options) -> String {
    let mut body = String::new();
    for e in &report.errors {
        let _ = writeln!(
            body,
            "<p class=\"errors\">error: {}</p>",
            escape(&e.to_string())
        );
    }
    if report.bundles.len() > 1 {
        body.push_str("<nav><h2>Contents</h2><ul>\n");
        for (i, b) in report.bundles.iter().enumerate() {
            let c = Counts::of_bundle(b, options.fail_on);
            let _ = writeln!(
                body,
                "<li><a href=\"#b{i}\">{}</a> — {}</li>",
                escape(b.title.as_deref().unwrap_or(&b.path)),
                escape(&c.sentence())
            );
        }
        body.push_str("</ul></nav>\n");
    }
    for (i, b) in report.bundles.iter().enumerate() {
        let _ = writeln!(body, "<section id=\"b{i}\">");
        bundle_body(b, options, &mut body);
        body.push_str("</section>\n");
    }
    footer(report, &mut body);
    page("crosscheck report", CSP, &body)
}

pub fn footer(report: &Report, body: &mut String) {
    let _ = writeln!(
        body,
        "<p class=\"meta\">{} {} · JSON schema {}</p>",
        report.tool.name, report.tool.version, report.schema_version
    );
}

/// One bundle's page (for `crosscheck report`).
pub fn bundle_page(
    report: &Report,
    b: &BundleReport,
    options: &Options,
    index: Option<&str>,
) -> String {
    let mut body = String::new();
    if let Some(href) = index {
        let _ = writeln!(
            body,
            "<p><a href=\"{}\">← all bundles</a></p>",
            escape(href)
        );
    }
    bundle_body(b, options, &mut body);
    footer(report, &mut body);
    page(b.title.as_deref().unwrap_or(&b.path), CSP, &body)
}

fn bundle_body(b: &BundleReport, options: &Options, out: &mut String) {
    let c = Counts::of_bundle(b, options.fail_on);
    let _ = writeln!(
        out,
        "<h1>{}</h1>\n<p class=\"meta\">{} · {} · {}</p>",
        escape(b.title.as_deref().unwrap_or(&b.path)),
        escape(&b.path),
        plural(b.documents.len(), "document"),
        escape(&c.sentence())
    );
    out.push_str("<table class=\"docs\"><tr><th>source</th><th>file</th><th>published</th><th>time zone</th></tr>\n");
    for d in &b.documents {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.label),
            escape(&d.path),
            escape(d.published.as_deref().unwrap_or("unknown")),
            escape(d.timezone.as_deref().unwrap_or("unknown"))
        );
    }
    out.push_str("</table>\n");
    for e in &b.errors {
        let _ = writeln!(
            out,
            "<p class=\"errors\">error: {}</p>",
            escape(&e.to_string())
        );
    }
    for s in &b.stale_baseline {
        let _ = writeln!(
            out,
            "<p class=\"baseline\">Stale baseline entry {} ({}): it matches no finding any more.</p>",
            escape(&s.id),
            escape(s.subject.as_deref().unwrap_or("no subject"))
        );
    }
    let shown: Vec<&WireFinding> = b.findings.iter().filter(|f| options.shows(f)).collect();
    if b.documents.is_empty() && !b.errors.is_empty() {
        out.push_str("<p>Not checked: the bundle could not be loaded.</p>\n");
        return;
    }
    grid(b, &shown, options, out);
    out.push_str("<h2>Findings</h2>\n");
    if shown.is_empty() {
        out.push_str("<p>No conflicts or variants found.</p>\n");
    }
    for f in &shown {
        card(b, f, f.severity.as_str(), options, out);
    }
    if options.agreements && !b.agreements.is_empty() {
        let _ = writeln!(
            out,
            "<details>\n<summary>{}</summary>",
            plural(b.agreements.len(), "agreement")
        );
        for f in &b.agreements {
            card(b, f, "agreement", options, out);
        }
        out.push_str("</details>\n");
    }
}

/// Subjects × outlets: what each document says of each subject.
fn grid(b: &BundleReport, shown: &[&WireFinding], options: &Options, out: &mut String) {
    let mut rows: Vec<&WireFinding> = shown
        .iter()
        .copied()
        .filter(|f| f.kind != Kind::Unresolved)
        .collect();
    if options.agreements {
        for a in &b.agreements {
            if !rows.iter().any(|f| f.subject_id == a.subject_id) {
                rows.push(a);
            }
        }
    }
    if rows.is_empty() || b.documents.is_empty() {
        return;
    }
    out.push_str("<h2>What each source says</h2>\n<div class=\"grid-wrap\"><table class=\"grid\"><tr><th>subject</th>");
    for d in &b.documents {
        let _ = write!(out, "<th>{}</th>", escape(&d.label));
    }
    out.push_str("</tr>\n");
    for f in rows {
        let badge = if f.kind == Kind::Agreement {
            "<span class=\"badge\">agree</span>".to_string()
        } else {
            format!(
                "<span class=\"badge {}\">{}</span>",
                f.severity.as_str(),
                f.kind.as_str()
            )
        };
        let _ = write!(
            out,
            "<tr><td>{badge} <a href=\"#f-{}\">{}</a></td>",
            escape(&f.id),
            escape(&f.subject)
        );
        for d in &b.documents {
            // The values this document gives, with their sides (a conflict
            // whose judge does not cluster has a side per value).
            let mut given: BTreeMap<String, Option<usize>> = BTreeMap::new();
            for (i, v) in f.values.iter().enumerate() {
                if v.evidence.iter().any(|e| e.document == d.id) {
                    given.insert(plain_value(&v.value), v.side.or(Some(i)));
                }
            }
            if given.is_empty() {
                out.push_str("<td class=\"cell none\">—</td>");
                continue;
            }
            let class = if f.kind == Kind::Agreement {
                "agree".to_string()
            } else {
                let sides: Vec<usize> = given.values().flatten().copied().collect();
                match sides.as_slice() {
                    [s, rest @ ..] if rest.iter().all(|r| r == s) && f.kind == Kind::Conflict => {
                        format!("side-{}", s % 4)
                    }
                    _ => String::new(),
                }
            };
            let text: Vec<String> = given.keys().map(|v| escape(v)).collect();
            let _ = write!(out, "<td class=\"cell {class}\">{}</td>", text.join("<br>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table></div>\n");
}

/// A value without its diff marks (the grid shows what the outlet wrote).
fn plain_value(v: &str) -> String {
    segments(v)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Same(x) | Segment::Inserted(x) => Some(x),
            Segment::Deleted(_) => None,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn card(b: &BundleReport, f: &WireFinding, class: &str, options: &Options, out: &mut String) {
    let _ = writeln!(
        out,
        "<div class=\"card {class}\" id=\"f-{}\">",
        escape(&f.id)
    );
    let mut badges = String::new();
    if f.kind != Kind::Agreement {
        let _ = write!(
            badges,
            "<span class=\"badge {s}\">{s}</span><span class=\"badge\">{}</span>",
            f.kind.as_str(),
            s = f.severity.as_str()
        );
    }
    let _ = write!(badges, "<span class=\"badge\">{}</span>", f.category);
    match f.baseline.as_ref().map(|m| m.status) {
        Some(BaselineStatus::Accepted) => {
            badges.push_str("<span class=\"badge accepted\">accepted</span>")
        }
        Some(BaselineStatus::Changed) => {
            badges.push_str("<span class=\"badge changed\">changed</span>")
        }
        None if fails(f, options.fail_on) => badges.push_str("<span class=\"badge\">new</span>"),
        None => {}
    }
    let _ = writeln!(
        out,
        "<span class=\"id\">{}</span>{badges} <span class=\"subject\">{}</span>",
        escape(&f.id),
        escape(&f.subject)
    );
    let _ = writeln!(out, "<p>{}</p>", diffed(&f.message));
    if let Some(m) = &f.baseline {
        let mut line = String::new();
        if m.status == BaselineStatus::Changed {
            let _ = write!(
                line,
                "Changed since the baseline, which accepted: {}. ",
                escape(&m.previous_values.join(" / "))
            );
        }
        if let Some(r) = &m.reason {
            let _ = write!(line, "Reason: {}", escape(r));
        }
        if !line.is_empty() {
            let _ = writeln!(out, "<p class=\"baseline\">{line}</p>");
        }
    }
    if matches!(f.kind, Kind::Conflict)
        && let Some(svg) = timeline(b, f)
    {
        out.push_str(&svg);
    }
    for v in &f.values {
        let side = v.side.map_or(String::new(), |s| {
            format!(
                "<span class=\"side s{}\">{}</span>",
                s % 4,
                char::from(b'A' + (s % 26) as u8)
            )
        });
        let _ = writeln!(
            out,
            "<div class=\"value\">{side}{}</div>\n<ul class=\"evidence\">",
            diffed(&v.value)
        );
        for e in &v.evidence {
            let (before, after) = e
                .context
                .as_ref()
                .map_or((String::new(), String::new()), |c| {
                    (escape(&c.before), escape(&c.after))
                });
            let _ = writeln!(
                out,
                "<li><span class=\"who\">{}</span> <span class=\"where\">{}:{}:{}</span><span class=\"sentence\">{before}<mark>{}</mark>{after}</span></li>",
                escape(b.label(&e.document)),
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

/// A value with its quote changes as `<del>` and `<ins>`.
fn diffed(value: &str) -> String {
    segments(value)
        .into_iter()
        .map(|s| match s {
            Segment::Same(x) => escape(x),
            Segment::Deleted(x) => format!("<del>{}</del>", escape(x)),
            Segment::Inserted(x) => format!("<ins>{}</ins>", escape(x)),
        })
        .collect()
}

/// An SVG timeline of a time or date conflict: one row per source and
/// value, a bar (or a dot, for an instant) on a shared UTC axis.
fn timeline(b: &BundleReport, f: &WireFinding) -> Option<String> {
    let parse = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.timestamp())
    };
    let mut rows: Vec<(String, &str, Option<usize>, i64, i64)> = Vec::new();
    for v in &f.values {
        let Some(UtcSpan { start, end }) = &v.utc else {
            continue;
        };
        let (Some(s), Some(e)) = (parse(start), parse(end)) else {
            continue;
        };
        let mut seen: Vec<&str> = Vec::new();
        for ev in &v.evidence {
            if seen.contains(&ev.document.as_str()) {
                continue;
            }
            seen.push(&ev.document);
            rows.push((
                b.label(&ev.document).to_string(),
                v.value.as_str(),
                v.side,
                s,
                e,
            ));
        }
    }
    if rows.len() < 2 {
        return None;
    }
    let lo = rows.iter().map(|r| r.3).min()?;
    let hi = rows.iter().map(|r| r.4).max()?;
    let pad = ((hi - lo) / 10).max(1800);
    let (lo, hi) = (lo - pad, hi + pad);
    let (left, width, row_h) = (300.0, 480.0, 24.0);
    let x = |t: i64| left + (t - lo) as f64 / (hi - lo) as f64 * width;
    let height = 40.0 + row_h * rows.len() as f64;
    let mut svg = format!(
        "<svg class=\"timeline\" role=\"img\" aria-label=\"timeline of the values in UTC\" viewBox=\"0 0 {} {height}\" width=\"{}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        left + width + 180.0,
        left + width + 180.0
    );
    // Axis with ticks at both ends and the middle.
    let axis_y = height - 22.0;
    let _ = write!(
        svg,
        "<line x1=\"{left}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#888\"/>",
        left + width
    );
    let day_scale = hi - lo > 2 * 86_400;
    for t in [lo, (lo + hi) / 2, hi] {
        let label = chrono::DateTime::from_timestamp(t, 0)
            .map(|d| {
                if day_scale {
                    d.format("%Y-%m-%d").to_string()
                } else {
                    d.format("%d %b %H:%M UTC").to_string()
                }
            })
            .unwrap_or_default();
        let _ = write!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#888\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            axis_y - 4.0,
            axis_y + 4.0,
            axis_y + 17.0,
            escape(&label),
            x = x(t)
        );
    }
    const COLOURS: [&str; 4] = ["#c62828", "#1565c0", "#b28704", "#6a1b9a"];
    for (i, (who, value, side, s, e)) in rows.iter().enumerate() {
        let y = 14.0 + row_h * i as f64;
        let colour = COLOURS[side.unwrap_or(0) % 4];
        // The outlet on the left, its value beside its mark.
        let label: String = if who.chars().count() > 40 {
            who.chars().take(39).chain(['…']).collect()
        } else {
            who.clone()
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#222\">{}</text>",
            left - 8.0,
            y + 4.0,
            escape(&label)
        );
        let (x1, x2) = (x(*s), x(*e));
        let value: String = plain_value(value).chars().take(24).collect();
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" fill=\"{colour}\">{}</text>",
            x2.max(x1 + 3.0) + 8.0,
            y + 4.0,
            escape(&value)
        );
        if x2 - x1 < 3.0 {
            let _ = write!(
                svg,
                "<circle cx=\"{x1:.1}\" cy=\"{y}\" r=\"5\" fill=\"{colour}\"/>"
            );
        } else {
            let _ = write!(
                svg,
                "<rect x=\"{x1:.1}\" y=\"{}\" width=\"{:.1}\" height=\"10\" rx=\"3\" fill=\"{colour}\"/>",
                y - 5.0,
                x2 - x1
            );
        }
    }
    svg.push_str("</svg>\n");
    Some(svg)
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
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
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

    #[test]
    fn quote_changes_are_del_and_ins() {
        assert_eq!(
            diffed("as [-much-] {+<long>+}"),
            "as <del>much</del> <ins>&lt;long&gt;</ins>"
        );
    }
}
