//! `--format github`: GitHub Actions workflow commands, so each finding
//! shows as an annotation on the line of the article that gives it:
//!
//! ```text
//! ::error file=corpus/x/b.txt,line=7,col=12,endColumn=24,title=conflict/quantity: damage (USD)::b gives …
//! ```
//!
//! Severity maps to `error`, `warning` and `notice`. The message holds the
//! finding's sentence and, one per line, every value with where it is
//! written. Data and properties are escaped as the Actions toolkit does
//! (`%`, CR and LF in both; `:` and `,` in properties too). Findings the
//! baseline accepts are left out; input errors are `::error` commands on
//! their file. A last plain line (not a command) gives the counts.

use super::wire::{BaselineStatus, WireFinding};
use super::{Counts, Options, Report, one_line};
use crate::compare::Severity;

pub fn render(report: &Report, options: &Options) -> String {
    let mut out = String::new();
    for e in report.all_errors() {
        let mut props = vec![("file", e.path.clone())];
        if let Some(l) = e.line {
            props.push(("line", l.to_string()));
        }
        if let Some(c) = e.column {
            props.push(("col", c.to_string()));
        }
        props.push(("title", "crosscheck: input error".to_string()));
        out.push_str(&command("error", &props, &e.message));
    }
    for bundle in &report.bundles {
        for f in bundle
            .findings
            .iter()
            .filter(|f| options.shows(f) && !f.baselined)
        {
            out.push_str(&annotation(bundle, f));
        }
    }
    let c = Counts::of_report(report, options.fail_on);
    out.push_str(&format!("crosscheck: {}\n", c.sentence()));
    out
}

fn annotation(bundle: &super::wire::BundleReport, f: &WireFinding) -> String {
    let level = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = Vec::new();
    if let Some(e) = super::primary_evidence(f) {
        props.push(("file", e.path.clone()));
        props.push(("line", e.line.to_string()));
        props.push(("col", e.column.to_string()));
        if !e.text.contains('\n') {
            props.push(("endColumn", (e.column + e.text.chars().count()).to_string()));
        }
    }
    props.push((
        "title",
        format!(
            "{}/{}: {}",
            f.kind.as_str(),
            f.category,
            one_line(&f.subject)
        ),
    ));
    let mut message = one_line(&f.message);
    if let Some(m) = &f.baseline
        && m.status == BaselineStatus::Changed
    {
        message.push_str(&format!(
            "\nChanged since the baseline, which accepted: {}",
            m.previous_values.join(" / ")
        ));
        if let Some(r) = &m.reason {
            message.push_str(&format!(" ({r})"));
        }
    }
    for v in &f.values {
        message.push_str(&format!("\n• {}:", one_line(&v.value)));
        for e in &v.evidence {
            message.push_str(&format!(
                " {} {}:{} “{}”;",
                bundle.label(&e.document),
                e.path,
                e.line,
                one_line(&e.text)
            ));
        }
    }
    message.push_str(&format!("\n[{}]", f.id));
    command(level, &props, &message)
}

/// One workflow command line.
pub fn command(name: &str, props: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    if props.is_empty() {
        format!("::{name}::{}\n", escape_data(message))
    } else {
        format!("::{name} {}::{}\n", props.join(","), escape_data(message))
    }
}

/// Escapes a command's message (the toolkit's `escapeData`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (the toolkit's `escapeProperty`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(escape_data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(
            command("notice", &[("file", "a,b.txt".into())], "x\ny"),
            "::notice file=a%2Cb.txt::x%0Ay\n"
        );
    }
}
