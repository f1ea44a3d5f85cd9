//! Property tests (issue 9, item 6) through the public API: whatever the
//! text, manifest or rule file, crosscheck never panics, every piece of
//! evidence is the source text at its line and column, and the same input
//! gives byte-identical JSON.
//!
//! Text is drawn from news-like fragments (times, dates, figures, offices,
//! quotes) mixed with arbitrary Unicode, so the extractors are exercised
//! rather than fed only noise. `PROPTEST_CASES=2000 cargo test --test
//! properties` runs a longer search; failures found are kept by proptest in
//! `tests/properties.proptest-regressions` and replayed first.

use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;

use crosscheck::load::{Bundle, Document, Manifest, Published};
use crosscheck::report::{self, Report};
use crosscheck::rules::Rules;

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::builtin().expect("built-in rules load"));

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

const FRAGMENTS: &[&str] = &[
    "at 10:30 a.m.",
    "at 9.30pm local time",
    "at 14:00 GMT",
    "on 18 March 2025",
    "on Tuesday",
    "yesterday",
    "March 18",
    "lasted 90 minutes",
    "two hours",
    "12.5 per cent",
    "3,000 people",
    "$1.2bn",
    "1.5555555555555555555555555 per cent",
    "more than 4.2 million",
    "President Donald Trump",
    "former US President Donald Trump",
    "Vladimir Putin",
    "Prime Minister Keir Starmer",
    "“We will protect every household,” Keir Starmer said.",
    "“We will protect every family,” Keir Starmer said.",
    "“We will protect each household from harm,” Starmer said.",
    "\"It was a good call,\" he said.",
    "said",
    "told reporters",
    "Kir Starmer",
    "the Kremlin",
    "Washington",
    "Brussels",
    ".",
    ",",
    "\n",
    "\n\n",
    "—",
    "(",
    ")",
    "“",
    "”",
    "\u{1b}[2J",
    "\u{202e}",
    "\r\n",
];

/// A document's text: fragments and arbitrary Unicode, space-separated.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "\\PC{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
        1 => (0u32..100_000).prop_map(|n| n.to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|p| p.join(" "))
}

fn document(id: String, text: &str, published: Option<&str>, zone: Option<&str>) -> Document {
    let mut d = Document::from_text(&id, text);
    d.published = published.and_then(|p| Published::parse(p).ok());
    d.timezone = zone.and_then(|z| z.parse().ok());
    d
}

fn bundle_of(texts: &[String], with_meta: bool) -> Bundle {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (p, z) = if with_meta {
                (Some("2025-03-18T10:00:00+01:00"), Some("Europe/Brussels"))
            } else {
                (None, None)
            };
            document(format!("{i:03}_doc"), t, p, z)
        })
        .collect();
    Bundle::in_memory("prop", docs)
}

fn json_of(bundle: Bundle) -> (String, Report) {
    let checked = crosscheck::check_bundle(bundle, &RULES);
    let report = Report::new(std::slice::from_ref(&checked), Vec::new());
    (report::json::render(&report), report)
}

proptest! {
    #![proptest_config(cases(48))]

    /// No panic on any text: a panic inside analysis would be caught and
    /// turned into an "internal error" on the document, so there must be none.
    #[test]
    fn any_text_is_checked_without_an_internal_error(
        texts in proptest::collection::vec(text(), 1..4),
        with_meta in any::<bool>(),
    ) {
        let checked = crosscheck::check_bundle(bundle_of(&texts, with_meta), &RULES);
        prop_assert!(checked.bundle.errors.is_empty(), "{:?}", checked.bundle.errors);
    }

    /// Every evidence `text` is exactly the source at its 1-based line and
    /// column (columns in Unicode scalar values).
    #[test]
    fn evidence_is_the_source_at_its_line_and_column(
        texts in proptest::collection::vec(text(), 1..4),
    ) {
        let bundle = bundle_of(&texts, true);
        let sources: Vec<(String, String)> =
            bundle.documents.iter().map(|d| (d.id.clone(), d.text.clone())).collect();
        let (_, report) = json_of(bundle);
        let b = &report.bundles[0];
        for f in b.findings.iter().chain(&b.agreements) {
            for v in &f.values {
                for e in &v.evidence {
                    let (_, source) = sources.iter().find(|(id, _)| *id == e.document).unwrap();
                    let line_start: usize = source
                        .split('\n')
                        .take(e.line - 1)
                        .map(|l| l.len() + 1)
                        .sum();
                    let at: usize = line_start
                        + source[line_start..]
                            .chars()
                            .take(e.column - 1)
                            .map(char::len_utf8)
                            .sum::<usize>();
                    prop_assert!(
                        source[at..].starts_with(&e.text),
                        "evidence {:?} at {}:{} is not the source there: {:?}",
                        e.text, e.line, e.column, &source[at..source.len().min(at + 40)]
                    );
                }
            }
        }
    }

    /// The same input gives byte-identical JSON.
    #[test]
    fn the_same_input_gives_byte_identical_json(
        texts in proptest::collection::vec(text(), 1..4),
    ) {
        let (a, _) = json_of(bundle_of(&texts, true));
        let (b, _) = json_of(bundle_of(&texts, true));
        prop_assert_eq!(a, b);
    }

    /// Shuffling the documents or renaming their files changes no finding
    /// id and no value. Fails today: ids no longer cover document ids
    /// (issue 8), but a quote's subject and values still take the first
    /// document's wording, so reordering two reworded quotes changes both.
    #[test]
    #[ignore = "quote subjects take the first document's wording; enable when \
                the order-independent quote subject lands (compare, issue 7)"]
    fn shuffling_or_renaming_documents_changes_no_finding(
        texts in proptest::collection::vec(text(), 2..4),
        rotate in 1usize..3,
    ) {
        let findings = |b: Bundle| {
            let (_, report) = json_of(b);
            let mut v: Vec<(String, Vec<String>)> = report.bundles[0]
                .findings
                .iter()
                .map(|f| {
                    // Values are listed in document order: compare them as a set.
                    let mut values: Vec<String> = f.values.iter().map(|v| v.value.clone()).collect();
                    values.sort();
                    (f.id.clone(), values)
                })
                .collect();
            v.sort();
            v
        };
        let original = bundle_of(&texts, true);
        let mut shuffled = original.clone();
        let r = rotate % shuffled.documents.len();
        shuffled.documents.rotate_left(r);
        let mut renamed = original.clone();
        let n = renamed.documents.len();
        for (i, d) in renamed.documents.iter_mut().enumerate() {
            // New names that also sort in the opposite order.
            d.id = format!("outlet-{}", n - i);
            d.path = format!("{}.txt", d.id).into();
        }
        let expected = findings(original);
        prop_assert_eq!(&expected, &findings(shuffled), "shuffled");
        prop_assert_eq!(&expected, &findings(renamed), "renamed");
    }

    /// Any manifest text parses or fails with a located error; never panics.
    #[test]
    fn any_manifest_text_parses_or_fails_cleanly(text in manifest_text()) {
        match Manifest::parse(Path::new("bundle.toml"), &text) {
            Ok(m) => {
                for p in &m.problems {
                    prop_assert!(p.line.is_some(), "unlocated: {p:?}");
                }
            }
            Err(e) => prop_assert_eq!(e.path, "bundle.toml"),
        }
    }

    /// Any manifest bytes on disk load into a bundle (with errors) without
    /// panicking, and never read outside the bundle directory.
    #[test]
    fn any_manifest_bytes_load_without_panic(bytes in manifest_bytes()) {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("b");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(root.path().join("secret.txt"), "outside").unwrap();
        std::fs::write(dir.join("a.txt"), "The call lasted an hour.").unwrap();
        std::fs::write(dir.join("bundle.toml"), &bytes).unwrap();
        let source = crosscheck::load::BundleSource::Directory(dir.clone());
        let bundle = crosscheck::load::load_bundle(&source);
        for d in &bundle.documents {
            prop_assert!(d.text != "outside", "read outside the bundle: {:?}", d.path);
        }
    }
}

proptest! {
    // Each case compiles the whole rule set: fewer, slower cases.
    #![proptest_config(cases(12))]

    /// Any text in a user's rule file loads or fails with an error naming
    /// the file; never panics.
    #[test]
    fn any_rule_file_loads_or_fails_cleanly(
        name in proptest::sample::select(crosscheck::rules::DEFAULT_FILES.iter().map(|(n, _)| *n).collect::<Vec<_>>()),
        text in rule_text(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), &text).unwrap();
        if let Err(errors) = Rules::load(Some(dir.path())) {
            for e in errors {
                prop_assert!(e.path.ends_with(name), "{e:?}");
            }
        }
    }
}

/// Manifest-like text: keys of the format with values of every TOML type,
/// table headers, and noise.
fn manifest_text() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("file"),
        Just("source"),
        Just("published"),
        Just("timezone"),
        Just("url"),
        Just("title"),
        Just("publisher"),
    ];
    let value = prop_oneof![
        Just("\"a.txt\"".to_string()),
        Just("\"../a.txt\"".to_string()),
        Just("\"/etc/passwd\"".to_string()),
        Just("\"Europe/Brusels\"".to_string()),
        Just("\"2025-03-18T10:00:00+01:00\"".to_string()),
        Just("2025-03-18".to_string()),
        Just("true".to_string()),
        Just("[1, 2]".to_string()),
        Just("{ a = 1 }".to_string()),
        (0i64..10_000).prop_map(|n| n.to_string()),
        "\"\\PC{0,10}\"",
        "\\PC{0,10}",
    ];
    let line = prop_oneof![
        3 => (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => Just("[[document]]".to_string()),
        1 => Just("[document]".to_string()),
        1 => "\\PC{0,20}",
    ];
    proptest::collection::vec(line, 0..16).prop_map(|l| l.join("\n"))
}

fn manifest_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        manifest_text().prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..200),
    ]
}

/// Rule-file-like text: the tables and keys rule files use, with values
/// that may be valid, wrong in type, or bad regexes.
fn rule_text() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just("[[zone]]"),
        Just("[[entity]]"),
        Just("[[example]]"),
        Just("[[allow]]"),
        Just("[[unit]]"),
        Just("[[title]]"),
        Just("[[verb]]"),
        Just("[[event]]"),
    ];
    let key = prop_oneof![
        Just("id"),
        Just("name"),
        Just("names"),
        Just("iana"),
        Just("kind"),
        Just("aliases"),
        Just("pattern"),
        Just("text"),
        Just("expect"),
    ];
    let value = prop_oneof![
        Just("\"x\"".to_string()),
        Just("[\"a\", \"b\"]".to_string()),
        Just("'(?P<n>\\d+'".to_string()),
        Just("'\\b(?P<x>a|b)\\b'".to_string()),
        Just("\"Europe/Nowhere\"".to_string()),
        Just("\"person\"".to_string()),
        Just("1".to_string()),
        "\"\\PC{0,10}\"",
    ];
    let line = prop_oneof![
        1 => header.prop_map(str::to_string),
        3 => (key, value).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => "\\PC{0,16}",
    ];
    proptest::collection::vec(line, 0..12).prop_map(|l| l.join("\n"))
}
