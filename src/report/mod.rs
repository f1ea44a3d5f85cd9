//! Stage 5, report: from findings to what an editor or a CI job reads.
//!
//! Takes checked bundles (documents and findings) and turns every anchor into
//! evidence (document, path, 1-based line and column, exact text) in the wire
//! types of [`wire`], which are what CONTRACT.md fixes. One module per
//! format renders them: [`table`] for the terminal, [`json`] for scripts,
//! [`html`] for a browser. Renderers never look at document text again.

pub mod claims;
pub mod html;
pub mod json;
pub mod table;
pub mod wire;

pub use wire::Report;

/// Output formats of `crosscheck check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A discrepancy table per bundle (the default).
    Table,
    /// The JSON report of CONTRACT.md (schema_version 1).
    Json,
    /// A self-contained HTML page to open in a browser.
    Html,
}

/// Renders a report in the chosen format.
pub fn render(report: &Report, format: Format, options: &table::Options) -> String {
    match format {
        Format::Table => table::render(report, options),
        Format::Json => json::render(report),
        Format::Html => html::render(report),
    }
}
