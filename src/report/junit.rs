//! `--format junit`: JUnit XML, the test report most CI systems show. Each
//! bundle is a `<testsuite>`; each finding a `<testcase>` named by its kind,
//! category and subject, which fails when the finding fails the run (at or
//! above `--fail-on`, not accepted by the baseline) and passes otherwise,
//! with what the sources say in `<system-out>`. Accepted findings are
//! `<skipped>` with the baseline's reason. A bundle's input errors are a
//! testcase with an `<error>`. A bundle with no finding has one passing
//! testcase, so no suite is empty.
//!
//! Text is escaped for XML, and characters XML 1.0 cannot hold (most
//! control characters) become U+FFFD.

use std::fmt::Write;

use super::wire::{BaselineStatus, BundleReport, WireFinding};
use super::{Counts, Options, Report, fails, one_line};

pub fn render(report: &Report, options: &Options) -> String {
    let mut suites = String::new();
    let mut total = (0usize, 0usize, 0usize, 0usize); // tests, failures, errors, skipped
    for b in &report.bundles {
        let (s, counts) = suite(b, options);
        suites.push_str(&s);
        total.0 += counts.0;
        total.1 += counts.1;
        total.2 += counts.2;
        total.3 += counts.3;
    }
    if !report.errors.is_empty() {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "  <testsuite name=\"crosscheck\" tests=\"{n}\" failures=\"0\" errors=\"{n}\" skipped=\"0\">",
            n = report.errors.len()
        );
        for e in &report.errors {
            let _ = writeln!(
                s,
                "    <testcase name=\"{}\" classname=\"crosscheck\">\n      <error message=\"{}\" type=\"input\"/>\n    </testcase>",
                escape(&e.path),
                escape(&e.to_string())
            );
        }
        s.push_str("  </testsuite>\n");
        suites.push_str(&s);
        total.0 += report.errors.len();
        total.2 += report.errors.len();
    }
    let c = Counts::of_report(report, options.fail_on);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"crosscheck\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n<!-- {} -->\n{suites}</testsuites>\n",
        total.0,
        total.1,
        total.2,
        total.3,
        escape(&c.sentence()).replace("--", "- -"),
    )
}

fn suite(b: &BundleReport, options: &Options) -> (String, (usize, usize, usize, usize)) {
    let mut cases = String::new();
    let (mut tests, mut failures, mut errors, mut skipped) = (0, 0, 0, 0);
    let class = escape(&b.path);
    for f in b.findings.iter().filter(|f| options.shows(f)) {
        tests += 1;
        let name = escape(&format!(
            "{} {}: {}",
            f.kind.as_str(),
            f.category,
            one_line(&f.subject)
        ));
        let details = escape(&details(b, f));
        let _ = writeln!(
            cases,
            "    <testcase name=\"{name}\" classname=\"{class}\" file=\"{}\">",
            escape(&super::primary_evidence(f).map_or(b.path.clone(), |e| e.path.clone()))
        );
        if f.baselined {
            skipped += 1;
            let reason = f
                .baseline
                .as_ref()
                .and_then(|m| m.reason.clone())
                .unwrap_or_else(|| "no reason given".into());
            let _ = writeln!(
                cases,
                "      <skipped message=\"{}\"/>\n      <system-out>{details}</system-out>",
                escape(&format!("accepted in the baseline: {reason}"))
            );
        } else if fails(f, options.fail_on) {
            failures += 1;
            let mut message = one_line(&f.message);
            if let Some(m) = &f.baseline
                && m.status == BaselineStatus::Changed
            {
                message.push_str(&format!(
                    " (changed since the baseline, which accepted {})",
                    m.previous_values.join(" / ")
                ));
            }
            let _ = writeln!(
                cases,
                "      <failure message=\"{}\" type=\"{}\">{details}</failure>",
                escape(&message),
                f.severity.as_str()
            );
        } else {
            let _ = writeln!(cases, "      <system-out>{details}</system-out>");
        }
        cases.push_str("    </testcase>\n");
    }
    for e in &b.errors {
        tests += 1;
        errors += 1;
        let _ = writeln!(
            cases,
            "    <testcase name=\"{}\" classname=\"{class}\">\n      <error message=\"{}\" type=\"input\"/>\n    </testcase>",
            escape(&format!("load {}", e.path)),
            escape(&e.to_string())
        );
    }
    if tests == 0 {
        tests = 1;
        let _ = writeln!(
            cases,
            "    <testcase name=\"no discrepancies\" classname=\"{class}\"/>"
        );
    }
    let s = format!(
        "  <testsuite name=\"{class}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\">\n{cases}  </testsuite>\n"
    );
    (s, (tests, failures, errors, skipped))
}

/// What the sources say, one value a line with its evidence.
fn details(b: &BundleReport, f: &WireFinding) -> String {
    let mut s = format!("{}\n", one_line(&f.message));
    for v in &f.values {
        let _ = writeln!(s, "• {}", one_line(&v.value));
        for e in &v.evidence {
            let _ = writeln!(
                s,
                "    {} {}:{}:{} “{}”",
                b.label(&e.document),
                e.path,
                e.line,
                e.column,
                one_line(&e.text)
            );
        }
    }
    let _ = write!(s, "[{}]", f.id);
    s
}

/// Escapes text for XML content and attributes; characters XML 1.0 does
/// not allow become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
