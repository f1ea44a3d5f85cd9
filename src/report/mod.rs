//! Stage 5, report: from findings to what an editor or a CI job reads.
//!
//! Takes checked bundles (documents and findings) and turns every anchor into
//! evidence (document, path, 1-based line and column, exact text, and the
//! sentence around it) in the wire types of [`wire`], which are what
//! CONTRACT.md fixes. One module per format renders them, reading only the
//! wire types, never document text: [`table`] for the terminal, [`concise`]
//! for editors to jump from, [`json`] and [`jsonl`] for scripts,
//! [`markdown`] for a pull-request comment, [`github`] for workflow
//! annotations, [`sarif`] for code scanning, [`junit`] for CI test reports,
//! and [`html`] for a browser ([`site`] writes a page per bundle and an
//! index for `crosscheck report`).

pub mod claims;
pub mod concise;
pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod site;
pub mod table;
pub mod term;
pub mod wire;

pub use wire::Report;

use crate::compare::{Kind, Severity};
use wire::{BaselineStatus, BundleReport, WireFinding};

/// Output formats of `crosscheck check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A discrepancy table per bundle, fitted to the terminal (the default).
    Table,
    /// One line per finding, `path:line:col: severity kind/category: message`.
    Concise,
    /// The JSON report of CONTRACT.md (schema_version 1).
    Json,
    /// One JSON object per line: findings, agreements, errors, a summary.
    Jsonl,
    /// Markdown for a pull-request comment.
    Markdown,
    /// GitHub Actions workflow commands (annotations on the files).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, for CI test reports.
    Junit,
    /// A self-contained HTML page to open in a browser.
    Html,
}

impl Format {
    /// The names `--format` takes, for messages.
    pub fn names() -> Vec<String> {
        use clap::ValueEnum;
        Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect()
    }
}

/// What every renderer is asked to show, and how.
#[derive(Clone, Debug)]
pub struct Options {
    /// Show agreements (table, markdown, html).
    pub agreements: bool,
    /// Show `unresolved` findings (claims that could not be pinned down).
    /// JSON and JSON lines always have them.
    pub unresolved: bool,
    /// Columns the table may use.
    pub width: usize,
    /// ANSI colour in the table.
    pub colour: bool,
    /// The lowest severity that fails the run (JUnit failures, the
    /// summary's verdict); `None` when nothing fails it.
    pub fail_on: Option<Severity>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            agreements: true,
            unresolved: false,
            width: 100,
            colour: false,
            fail_on: Some(Severity::Error),
        }
    }
}

impl Options {
    /// Whether a finding is shown at all in the formats that honour the
    /// options.
    pub fn shows(&self, f: &WireFinding) -> bool {
        self.unresolved || f.kind != Kind::Unresolved
    }
}

/// Whether a finding fails the run at `threshold`: at or above it, not an
/// agreement, and not accepted by the baseline.
pub fn fails(f: &WireFinding, threshold: Option<Severity>) -> bool {
    threshold.is_some_and(|t| f.severity >= t && f.kind != Kind::Agreement && !f.baselined)
}

/// Where a finding is shown when it has one place only (an editor's jump,
/// an annotation): for a finding changed since the baseline, the first
/// evidence of a value the baseline did not have, since that is what
/// changed; else the first evidence of its first value.
pub fn primary_evidence(f: &WireFinding) -> Option<&wire::Evidence> {
    if let Some(m) = &f.baseline
        && m.status == BaselineStatus::Changed
        && let Some(e) = f
            .values
            .iter()
            .filter(|v| !m.previous_values.contains(&v.value))
            .flat_map(|v| v.evidence.first())
            .next()
    {
        return Some(e);
    }
    f.values.iter().flat_map(|v| v.evidence.first()).next()
}

/// Renders a report in the chosen format.
pub fn render(report: &Report, format: Format, options: &Options) -> String {
    match format {
        Format::Table => table::render(report, options),
        Format::Concise => concise::render(report, options),
        Format::Json => json::render(report),
        Format::Jsonl => jsonl::render(report),
        Format::Markdown => markdown::render(report, options),
        Format::Github => github::render(report, options),
        Format::Sarif => sarif::render(report, options),
        Format::Junit => junit::render(report, options),
        Format::Html => html::render(report, options),
    }
}

/// Counts over one bundle or a whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub bundles: usize,
    pub documents: usize,
    pub conflicts: usize,
    pub variants: usize,
    pub unresolved: usize,
    pub errors: usize,
    pub warnings: usize,
    pub agreements: usize,
    pub accepted: usize,
    pub changed: usize,
    pub failing: usize,
    pub stale: usize,
    /// Input errors (bad manifest, unreadable document).
    pub input_errors: usize,
}

impl Counts {
    pub fn of_bundle(b: &BundleReport, fail_on: Option<Severity>) -> Counts {
        let mut c = Counts {
            bundles: 1,
            documents: b.documents.len(),
            agreements: b.agreements.len(),
            stale: b.stale_baseline.len(),
            input_errors: b.errors.len(),
            ..Counts::default()
        };
        for f in &b.findings {
            match f.kind {
                Kind::Conflict => c.conflicts += 1,
                Kind::Variant => c.variants += 1,
                Kind::Unresolved => c.unresolved += 1,
                Kind::Agreement => {}
            }
            match f.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => {}
            }
            match f.baseline.as_ref().map(|m| m.status) {
                Some(BaselineStatus::Accepted) => c.accepted += 1,
                Some(BaselineStatus::Changed) => c.changed += 1,
                None => {}
            }
            if fails(f, fail_on) {
                c.failing += 1;
            }
        }
        c
    }

    pub fn of_report(r: &Report, fail_on: Option<Severity>) -> Counts {
        let mut total = Counts {
            input_errors: r.errors.len(),
            stale: r.stale_baseline.len(),
            ..Counts::default()
        };
        for b in &r.bundles {
            total.add(&Counts::of_bundle(b, fail_on));
        }
        total
    }

    fn add(&mut self, o: &Counts) {
        self.bundles += o.bundles;
        self.documents += o.documents;
        self.conflicts += o.conflicts;
        self.variants += o.variants;
        self.unresolved += o.unresolved;
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.agreements += o.agreements;
        self.accepted += o.accepted;
        self.changed += o.changed;
        self.failing += o.failing;
        self.stale += o.stale;
        self.input_errors += o.input_errors;
    }

    /// "3 conflicts, 1 variant, 0 unresolved; 3 errors, 0 warnings; 8
    /// agreements", with the baseline's part when it did anything.
    pub fn sentence(&self) -> String {
        let mut s = format!(
            "{}, {}, {} unresolved; {}, {}; {}",
            plural(self.conflicts, "conflict"),
            plural(self.variants, "variant"),
            self.unresolved,
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.agreements, "agreement"),
        );
        if self.accepted + self.changed + self.stale > 0 {
            s.push_str(&format!(
                "; baseline: {} accepted, {} changed, {} stale",
                self.accepted, self.changed, self.stale
            ));
        }
        s
    }
}

/// "1 conflict", "2 conflicts".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Text on one line: whitespace runs (newlines too) fold to one space and
/// control characters, which could drive a terminal, become U+FFFD.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if c.is_control() { '\u{fffd}' } else { c });
    }
    out
}
