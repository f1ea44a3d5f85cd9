//! The default output: per bundle, a discrepancy table with one row per
//! finding (severity, kind, category, subject, and each value with the
//! documents and lines that give it), then the agreements, then a summary
//! line. Plain text, no colour, so it reads the same in a terminal, a CI log
//! or a file.

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Modify, Style, Width};

use super::Report;
use super::wire::{BundleReport, WireFinding};

/// What the table shows.
#[derive(Clone, Debug)]
pub struct Options {
    /// Show the agreements table after the findings.
    pub agreements: bool,
    /// Show `unresolved` findings (claims that could not be normalised).
    pub unresolved: bool,
    /// Width the values column wraps at.
    pub values_width: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            agreements: true,
            unresolved: false,
            values_width: 70,
        }
    }
}

pub fn render(report: &Report, options: &Options) -> String {
    let mut out = String::new();
    for (i, bundle) in report.bundles.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_bundle(bundle, options, &mut out);
    }
    out
}

fn render_bundle(bundle: &BundleReport, options: &Options, out: &mut String) {
    out.push_str(&bundle.path);
    if let Some(title) = &bundle.title {
        out.push_str(" — ");
        out.push_str(title);
    }
    out.push_str(&format!(" ({} documents)\n", bundle.documents.len()));

    let shown: Vec<&WireFinding> = bundle
        .findings
        .iter()
        .filter(|f| options.unresolved || f.kind != crate::compare::Kind::Unresolved)
        .collect();
    if shown.is_empty() {
        out.push_str("No discrepancies found.\n");
    } else {
        out.push_str(&table(&shown, options, true));
    }
    if options.agreements && !bundle.agreements.is_empty() {
        out.push_str("Agreements:\n");
        let agreements: Vec<&WireFinding> = bundle.agreements.iter().collect();
        out.push_str(&table(&agreements, options, false));
    }
    for e in &bundle.errors {
        out.push_str(&format!("error: {e}\n"));
    }
    out.push_str(&summary(bundle));
    out.push('\n');
}

fn table(findings: &[&WireFinding], options: &Options, with_kind: bool) -> String {
    let mut builder = Builder::default();
    if with_kind {
        builder.push_record([
            "severity",
            "kind",
            "category",
            "subject",
            "values (document:line “text”)",
        ]);
    } else {
        builder.push_record(["category", "subject", "values (document:line “text”)"]);
    }
    for f in findings {
        let subject = format!("{}\n[{}]", wrap_words(&f.subject, SUBJECT_WIDTH), f.id);
        let values = values_cell(f);
        if with_kind {
            let kind = if f.baselined {
                format!("{} (baseline)", f.kind.as_str())
            } else {
                f.kind.as_str().to_string()
            };
            builder.push_record([
                f.severity.as_str().to_string(),
                kind,
                f.category.to_string(),
                subject,
                values,
            ]);
        } else {
            builder.push_record([f.category.to_string(), subject, values]);
        }
    }
    let values_col = if with_kind { 4 } else { 2 };
    let mut table = builder.build();
    table.with(Style::sharp()).with(
        Modify::new(Columns::one(values_col))
            .with(Width::wrap(options.values_width).keep_words(true)),
    );
    let mut s = table.to_string();
    s.push('\n');
    s
}

/// Each value on its own line, then one indented line per piece of
/// evidence: `004:1 “at noon”`.
fn values_cell(f: &WireFinding) -> String {
    let mut lines = Vec::new();
    // When one side of a conflict holds several values written differently
    // (km and miles), letter the sides so the reader sees which agree.
    let sides: Vec<usize> = f.values.iter().filter_map(|v| v.side).collect();
    let lettered = (1..sides.len()).any(|i| sides[..i].contains(&sides[i]));
    for v in &f.values {
        match v.side {
            Some(side) if lettered => {
                let letter = char::from(b'A' + (side % 26) as u8);
                lines.push(format!("{letter} • {}", v.value));
            }
            _ => lines.push(format!("• {}", v.value)),
        }
        for e in &v.evidence {
            let doc = e.document.split('_').next().unwrap_or(&e.document);
            lines.push(format!("    {doc}:{} “{}”", e.line, one_line(&e.text)));
        }
    }
    lines.join("\n")
}

/// Width of the subject column. The subject is wrapped here, by words, so
/// the finding id on its own line below it is never broken.
const SUBJECT_WIDTH: usize = 30;

fn wrap_words(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

fn one_line(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 90 {
        let cut: String = flat.chars().take(87).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

fn summary(bundle: &BundleReport) -> String {
    use crate::compare::{Kind, Severity};
    let count =
        |pred: &dyn Fn(&WireFinding) -> bool| bundle.findings.iter().filter(|f| pred(f)).count();
    let conflicts = count(&|f| f.kind == Kind::Conflict);
    let variants = count(&|f| f.kind == Kind::Variant);
    let unresolved = count(&|f| f.kind == Kind::Unresolved);
    let errors = count(&|f| f.severity == Severity::Error);
    let warnings = count(&|f| f.severity == Severity::Warning);
    format!(
        "{conflicts} conflict{}, {variants} variant{}, {unresolved} unresolved; {errors} error{}, {warnings} warning{}; {} agreement{}\n",
        plural(conflicts),
        plural(variants),
        plural(errors),
        plural(warnings),
        bundle.agreements.len(),
        plural(bundle.agreements.len()),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
