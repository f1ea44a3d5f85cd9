//! `--format markdown`: a comment for a pull request or a ticket. A heading
//! with the run's verdict, then per bundle a table of findings (severity,
//! kind and category, subject, what each source says) and the agreements
//! folded under `<details>`.
//!
//! Document text is escaped so that it stays text in any CommonMark
//! renderer: ASCII punctuation that could start markup gets a backslash,
//! `<`, `>` and `&` become entities, and line breaks inside a table cell
//! are `<br>` (the only HTML this format writes, with `<details>` and
//! `<summary>`). Quote changes show as `~~old~~ **new**` (GitHub's
//! strikethrough).

use std::fmt::Write;

use super::diff::{Segment, segments};
use super::wire::{BaselineStatus, BundleReport, WireFinding};
use super::{Counts, Options, Report, fails, one_line, plural};
use crate::compare::Severity;

pub fn render(report: &Report, options: &Options) -> String {
    let mut out = String::new();
    let c = Counts::of_report(report, options.fail_on);
    let verdict = if c.input_errors > 0 {
        "❌ input errors"
    } else if c.failing > 0 {
        "❌ discrepancies to review"
    } else {
        "✅ no new discrepancies"
    };
    let _ = writeln!(
        out,
        "## crosscheck: {verdict}\n\n{} ({} documents): {}\n",
        plural(c.bundles, "bundle"),
        c.documents,
        escape(&c.sentence())
    );
    for e in report.all_errors() {
        let _ = writeln!(out, "- **error**: {}", escape(&one_line(&e.to_string())));
    }
    if !report.errors.is_empty() {
        out.push('\n');
    }
    for b in &report.bundles {
        bundle(b, options, &mut out);
    }
    out
}

fn bundle(b: &BundleReport, options: &Options, out: &mut String) {
    let title = match &b.title {
        Some(t) => format!("{} — {}", b.path, t),
        None => b.path.clone(),
    };
    let _ = writeln!(out, "### {}\n", escape(&one_line(&title)));
    let shown: Vec<&WireFinding> = b.findings.iter().filter(|f| options.shows(f)).collect();
    let counts = Counts::of_bundle(b, options.fail_on);
    let _ = writeln!(
        out,
        "{}: {}\n",
        plural(b.documents.len(), "document"),
        escape(&counts.sentence())
    );
    if shown.is_empty() {
        out.push_str("No conflicts or variants found.\n\n");
    } else {
        out.push_str("| | finding | subject | what each source says |\n|---|---|---|---|\n");
        for f in shown {
            let mark = match (fails(f, options.fail_on), f.severity) {
                (true, Severity::Error) => "🔴",
                (true, _) => "🟠",
                (false, _) => "⚪",
            };
            let mut subject = escape(&one_line(&f.subject));
            let _ = write!(subject, "<br>`{}`", f.id);
            if let Some(m) = &f.baseline {
                match m.status {
                    BaselineStatus::Accepted => subject.push_str("<br>accepted in baseline"),
                    BaselineStatus::Changed => {
                        let _ = write!(
                            subject,
                            "<br>**changed** since the baseline (was {})",
                            escape(&one_line(&m.previous_values.join(" / ")))
                        );
                    }
                }
                if let Some(r) = &m.reason {
                    let _ = write!(subject, "<br>reason: {}", escape(&one_line(r)));
                }
            }
            let _ = writeln!(
                out,
                "| {mark} {} | {} {} | {subject} | {} |",
                f.severity.as_str(),
                f.kind.as_str(),
                f.category,
                values(b, f)
            );
        }
        out.push('\n');
    }
    if options.agreements && !b.agreements.is_empty() {
        let _ = writeln!(
            out,
            "<details>\n<summary>{}</summary>\n\n| category | subject | what the sources agree on |\n|---|---|---|",
            plural(b.agreements.len(), "agreement")
        );
        for f in &b.agreements {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                f.category,
                escape(&one_line(&f.subject)),
                values(b, f)
            );
        }
        out.push_str("\n</details>\n\n");
    }
    for s in &b.stale_baseline {
        let _ = writeln!(
            out,
            "- stale baseline entry `{}` ({}): it matches no finding any more",
            s.id,
            escape(&one_line(s.subject.as_deref().unwrap_or("no subject")))
        );
    }
    if !b.stale_baseline.is_empty() {
        out.push('\n');
    }
}

fn values(b: &BundleReport, f: &WireFinding) -> String {
    let mut cell = Vec::new();
    for v in &f.values {
        let mut value = String::new();
        for s in segments(&one_line(&v.value)) {
            match s {
                Segment::Same(x) => value.push_str(&escape(x)),
                Segment::Deleted(x) => {
                    let _ = write!(value, "~~{}~~", escape(x));
                }
                Segment::Inserted(x) => {
                    let _ = write!(value, "**{}**", escape(x));
                }
            }
        }
        let evidence: Vec<String> = v
            .evidence
            .iter()
            .map(|e| {
                format!(
                    "{}:{} “{}”",
                    escape(&one_line(b.label(&e.document))),
                    e.line,
                    escape(&one_line(&e.text))
                )
            })
            .collect();
        cell.push(format!("**{value}** — {}", evidence.join("; ")));
    }
    cell.join("<br>")
}

/// Escapes text for CommonMark (inline, inside a table cell).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // Markup, and `:`, `.` and `@` so no autolink forms.
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!' | '|' | '~'
            | '{' | '}' | '.' | ':' | '@' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
