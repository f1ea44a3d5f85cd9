//! Manifest and messages: every error points at the offending key's line
//! with an excerpt; "did you mean" for zones, paths and rule file names;
//! documents present but not listed are warnings.

use super::{A, C, bundle, expect, run};

#[test]
fn a_duplicate_entry_is_reported_at_its_manifest_line() {
    let root = tempfile::tempdir().unwrap();
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\n\n[[document]]\nfile = \"./a.txt\"\n",
            ),
        ],
    );
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &[
            "`./a.txt` is listed twice (first at line 2)",
            " --> b/bundle.toml:5:8",
            "5 | file = \"./a.txt\"",
        ],
    );
    assert!(r.stdout.contains("(1 document)"), "{}", r.stdout);
}

#[test]
fn published_true_says_what_published_must_be() {
    let root = tempfile::tempdir().unwrap();
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\npublished = true\n",
            ),
        ],
    );
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &[
            "`published` must be a date-time with an offset (2025-03-18T10:30:00+01:00) or a date (2025-03-18)",
            "this is a boolean",
            " --> b/bundle.toml:3:13",
        ],
    );
    assert!(!r.stderr.contains("untagged"), "{}", r.stderr);
    // Listed, if not checked: no "not listed" warning on top.
    assert!(!r.stderr.contains("not listed"), "{}", r.stderr);
}

#[test]
fn a_bad_zone_is_reported_at_the_timezone_line_with_a_suggestion() {
    let root = tempfile::tempdir().unwrap();
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\nsource = \"Wire\"\ntimezone = \"Asia/Tokio\"\n",
            ),
        ],
    );
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &[
            "`timezone = \"Asia/Tokio\"` is not an IANA time zone",
            "did you mean `Asia/Tokyo`?",
            " --> b/bundle.toml:4:12",
            "4 | timezone = \"Asia/Tokio\"",
            "^^^^^^^^^^^^",
        ],
    );
}

#[test]
fn a_bad_zone_in_front_matter_is_reported_in_the_document() {
    let root = tempfile::tempdir().unwrap();
    bundle(
        root.path(),
        "b",
        &[(
            "a.md",
            "---\nsource: Wire\ntimezone: New York\n---\nThe call lasted an hour.\n",
        )],
    );
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &["did you mean `America/New_York`?", " --> b/a.md:3:11"],
    );
}

#[test]
fn a_listed_file_that_is_not_there_suggests_the_nearest_name() {
    let root = tempfile::tempdir().unwrap();
    bundle(
        root.path(),
        "b",
        &[
            ("reuters.txt", A),
            ("bundle.toml", "[[document]]\nfile = \"reuter.txt\"\n"),
        ],
    );
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &[
            "cannot read document `b/reuter.txt`: no such file; did you mean `reuters.txt`?",
            " --> b/bundle.toml:2:8",
        ],
    );
}

#[test]
fn a_document_present_but_not_listed_is_a_warning_naming_it() {
    let root = tempfile::tempdir().unwrap();
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            ("c.txt", C),
            ("README.md", "About this bundle."),
            ("bundle.toml", "[[document]]\nfile = \"a.txt\"\n"),
        ],
    );
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        0,
        &["warning: b/c.txt: not listed in b/bundle.toml, so not checked"],
    );
    assert!(!r.stderr.contains("README"), "{}", r.stderr);
    // Scripts see it too: a `warnings` array in the JSON report, shaped
    // like `errors`, and a `warning` line in JSON lines.
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    assert_eq!(r.code, 0, "{r:#?}");
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let warnings = json["bundles"][0]["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{}", r.stdout);
    assert_eq!(warnings[0]["path"], "b/c.txt");
    let message = warnings[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("not listed in b/bundle.toml"),
        "{message}"
    );
    assert!(json["bundles"][0]["errors"].as_array().unwrap().is_empty());
    let r = run(root.path(), &["check", "b", "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let warning: Vec<_> = lines.iter().filter(|l| l["type"] == "warning").collect();
    assert_eq!(warning.len(), 1, "{}", r.stdout);
    assert_eq!(warning[0]["bundle"], "b");
    assert_eq!(warning[0]["path"], "b/c.txt");
}

/// `warnings` is an addition to schema 1: a bundle without any has no key.
#[test]
fn a_bundle_without_warnings_has_no_warnings_key() {
    let root = tempfile::tempdir().unwrap();
    bundle(root.path(), "b", &[("a.txt", A), ("c.txt", C)]);
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(json["bundles"][0].get("warnings").is_none(), "{}", r.stdout);
}

#[test]
fn rule_file_names_get_a_suggestion() {
    let root = tempfile::tempdir().unwrap();
    let r = run(root.path(), &["rules", "show", "zone.toml"]);
    expect(
        &r,
        2,
        &["no built-in rule file `zone.toml` (did you mean `zones.toml`?)"],
    );
    bundle(root.path(), "my-rules", &[("zone.toml", "")]);
    let r = run(root.path(), &["rules", "test", "--rules", "my-rules"]);
    expect(
        &r,
        2,
        &["my-rules/zone.toml: unknown rule file; did you mean `zones.toml`?"],
    );
}

#[test]
fn a_hundred_thousand_user_entities_load() {
    // Was a quadratic merge and duplicate-alias check (113 s); the time is
    // measured in benches/hostile.rs. This guards that such a file loads,
    // compiles (no alias reported twice) and the run completes.
    let root = tempfile::tempdir().unwrap();
    let mut entities = String::new();
    for i in 0..100_000 {
        entities.push_str(&format!(
            "[[entity]]\nid = \"u{i}\"\nname = \"Quorvan Zelt{i}\"\nkind = \"person\"\n\n"
        ));
    }
    bundle(root.path(), "my-rules", &[("entities.toml", &entities)]);
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", "Quorvan Zelt77 said the call lasted 90 minutes.\n"),
            ("c.txt", "Quorvan Zelt77 said the call lasted two hours.\n"),
        ],
    );
    let r = run(
        root.path(),
        &["check", "b", "--rules", "my-rules", "--format", "json"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
}
