//! The corpus bundles against their expectations. Each bundle directory in
//! `corpus/` holds an `expected.toml` saying which findings and agreements
//! crosscheck must report and which it must not (see `corpus/README.md`).
//! One test per bundle, so a failure names the story.

mod common;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crosscheck::report::Report;
use crosscheck::report::wire::{BundleReport, WireFinding};
use crosscheck::rules::Rules;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// Kinds (conflict, variant) for which every reported finding must be
    /// listed: the bundle's precision check.
    #[serde(default)]
    exhaustive: Vec<String>,
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
    #[serde(default)]
    agreement: Vec<ExpectedFinding>,
    #[serde(default)]
    absent: Vec<Absent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    #[serde(default)]
    kind: Option<String>,
    category: String,
    /// Every item must be cited by the finding.
    evidence: Vec<Cited>,
    /// Normalised values that must all appear among the finding's values.
    #[serde(default)]
    values: Vec<String>,
    /// What the entry checks, for the failure message.
    #[serde(default)]
    note: Option<String>,
    /// Set (to the reason) when crosscheck is known not to report this yet.
    /// The test then fails if it *is* reported, so the entry is updated as
    /// soon as the gap closes.
    #[serde(default)]
    known_gap: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cited {
    /// Prefix of the document id ("002").
    doc: String,
    /// A piece of the cited text (or the cited text a piece of this).
    text: String,
}

/// A false alarm that must not be raised. With one piece of evidence: no
/// finding of the kind (conflict or variant by default) and category may
/// cite it. With several: no such finding may put them under different
/// values (they must agree, or not be compared at all).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Absent {
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    evidence: Vec<Cited>,
    #[serde(default)]
    note: Option<String>,
    /// Set (to the reason) when crosscheck is known to raise this false
    /// alarm still; the test fails once it no longer does.
    #[serde(default)]
    known_gap: Option<String>,
}

/// Index of the value of `f` that cites `c`, if any.
fn value_citing(f: &WireFinding, c: &Cited) -> Option<usize> {
    f.values.iter().position(|v| {
        v.evidence.iter().any(|e| {
            e.document.starts_with(&c.doc)
                && (e.text.contains(&c.text)
                    || (!e.text.trim().is_empty() && c.text.contains(e.text.trim())))
        })
    })
}

/// Whether `f` cites every item, all on one side (or one value).
fn one_side(f: &WireFinding, cited: &[Cited]) -> bool {
    let sides: Option<Vec<usize>> = cited
        .iter()
        .map(|c| value_citing(f, c).map(|i| f.values[i].side.unwrap_or(i + 1000)))
        .collect();
    sides.is_some_and(|s| s.windows(2).all(|w| w[0] == w[1]))
}

fn cites(f: &WireFinding, c: &Cited) -> bool {
    value_citing(f, c).is_some()
}

fn matches(f: &WireFinding, want: &ExpectedFinding, kind: &str) -> bool {
    f.kind.as_str() == want.kind.as_deref().unwrap_or(kind)
        && f.category.to_string() == want.category
        && want.evidence.iter().all(|c| cites(f, c))
        && want
            .values
            .iter()
            .all(|v| f.values.iter().any(|fv| &fv.value == v))
}

fn describe(f: &WireFinding) -> String {
    let values: Vec<String> = f
        .values
        .iter()
        .map(|v| {
            let ev: Vec<String> = v
                .evidence
                .iter()
                .map(|e| format!("{}:{:?}", &e.document[..3.min(e.document.len())], e.text))
                .collect();
            format!("{} <- {}", v.value, ev.join(", "))
        })
        .collect();
    format!(
        "{} {} [{}] {}",
        f.kind.as_str(),
        f.category,
        f.subject,
        values.join(" | ")
    )
}

fn check_bundle(dir: &Path) {
    let expected_path = dir.join("expected.toml");
    let text = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    let expected: Expected =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    let rules = Rules::builtin().expect("built-in rules load");
    let (sources, errors) = crosscheck::load::discover(&[dir.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let checked: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::check_bundle(crosscheck::load::load_bundle(s), &rules))
        .collect();
    let report = Report::new(&checked, Vec::new());
    let bundle: &BundleReport = &report.bundles[0];
    assert!(
        bundle.errors.is_empty(),
        "bundle errors: {:?}",
        bundle.errors
    );

    let mut problems = Vec::new();
    let mut listed = vec![false; bundle.findings.len()];
    for want in &expected.finding {
        let hit = bundle
            .findings
            .iter()
            .position(|f| matches(f, want, "conflict"));
        match (hit, &want.known_gap) {
            (Some(_), Some(gap)) => problems.push(format!(
                "known gap closed, remove `known_gap = {gap:?}`: {want:?}"
            )),
            (Some(i), None) => listed[i] = true,
            (None, Some(_)) => {}
            (None, None) => problems.push(format!(
                "missing finding ({}): {want:?}",
                want.note.as_deref().unwrap_or("-")
            )),
        }
        // Every finding matching an expectation counts as listed.
        for (i, f) in bundle.findings.iter().enumerate() {
            if matches(f, want, "conflict") {
                listed[i] = true;
            }
        }
    }
    for want in &expected.agreement {
        // An agreement is shown as one, or as one side of a conflict
        // ("120 mph" and "195 km/h" against "140 mph"): the values cited
        // all sit on the same side.
        let found = bundle
            .agreements
            .iter()
            .any(|f| matches(f, want, "agreement"))
            || bundle
                .findings
                .iter()
                .any(|f| f.category.to_string() == want.category && one_side(f, &want.evidence));
        match (found, &want.known_gap) {
            (true, Some(gap)) => problems.push(format!(
                "known gap closed, remove `known_gap = {gap:?}`: {want:?}"
            )),
            (false, None) => problems.push(format!(
                "missing agreement ({}): {want:?}",
                want.note.as_deref().unwrap_or("-")
            )),
            _ => {}
        }
    }
    for absent in &expected.absent {
        for (i, f) in bundle.findings.iter().enumerate() {
            let kind_ok = match &absent.kind {
                Some(k) => f.kind.as_str() == k,
                None => matches!(f.kind.as_str(), "conflict" | "variant"),
            };
            let category_ok = absent
                .category
                .as_ref()
                .is_none_or(|c| &f.category.to_string() == c);
            if !kind_ok || !category_ok {
                continue;
            }
            let raised = match absent.evidence.as_slice() {
                [one] => cites(f, one),
                many => {
                    // Values on one side of a conflict agree with each other.
                    let mut at: Vec<usize> = many
                        .iter()
                        .filter_map(|c| value_citing(f, c))
                        .map(|i| f.values[i].side.unwrap_or(i + 1000))
                        .collect();
                    at.sort_unstable();
                    at.dedup();
                    at.len() > 1
                }
            };
            if raised && absent.known_gap.is_none() {
                problems.push(format!("false alarm ({:?}): {}", absent.note, describe(f)));
            }
            // A false alarm recorded as a known gap is listed: it is not
            // also an unexpected finding.
            if raised && absent.known_gap.is_some() {
                listed[i] = true;
            }
        }
        if let Some(gap) = &absent.known_gap {
            let still = bundle.findings.iter().any(|f| {
                absent
                    .category
                    .as_ref()
                    .is_none_or(|c| &f.category.to_string() == c)
                    && absent.evidence.iter().all(|c| cites(f, c))
            });
            if !still {
                problems.push(format!(
                    "known false alarm gone, remove `known_gap = {gap:?}`: {absent:?}"
                ));
            }
        }
    }
    for (f, was_listed) in bundle.findings.iter().zip(&listed) {
        if !was_listed && expected.exhaustive.iter().any(|k| k == f.kind.as_str()) {
            problems.push(format!("unexpected finding: {}", describe(f)));
        }
    }
    if !problems.is_empty() {
        let all: Vec<String> = bundle.findings.iter().map(describe).collect();
        panic!(
            "{}:\n  {}\n\nall findings:\n  {}",
            dir.display(),
            problems.join("\n  "),
            all.join("\n  ")
        );
    }
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// Every bundle in corpus/ must be in the list of tests/common/mod.rs.
#[test]
fn every_bundle_has_a_test() {
    let this = include_str!("common/mod.rs");
    for entry in std::fs::read_dir(corpus("")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                this.contains(&format!("\"{name}\"")),
                "corpus/{name} is not listed in tests/common/mod.rs"
            );
            assert!(
                path.join("expected.toml").is_file(),
                "corpus/{name} has no expected.toml"
            );
        }
    }
}

macro_rules! bundles {
    ($($test:ident => $dir:literal,)*) => {
        $(#[test] fn $test() { check_bundle(&corpus($dir)) })*
    };
}

common::every_bundle!(bundles);
