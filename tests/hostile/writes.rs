//! Never lose a file: `-o` and `--write-baseline` refuse inputs, refuse to
//! replace what crosscheck cannot read, and write atomically.

use std::fs;

use super::{A, C, bundle, expect, run};

fn story(root: &std::path::Path) -> std::path::PathBuf {
    bundle(
        root,
        "b",
        &[
            ("a.txt", A),
            ("c.txt", C),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\n[[document]]\nfile = \"c.txt\"\n",
            ),
        ],
    )
}

#[test]
fn output_onto_a_document_is_refused_and_the_document_kept() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(root.path(), &["check", "b", "-o", "b/a.txt"]);
    expect(
        &r,
        2,
        &["refusing to write b/a.txt", "a document of bundle b"],
    );
    assert_eq!(fs::read_to_string(root.path().join("b/a.txt")).unwrap(), A);
}

#[test]
fn output_onto_the_manifest_is_refused() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let before = fs::read(root.path().join("b/bundle.toml")).unwrap();
    let r = run(
        root.path(),
        &["check", "b", "--format", "json", "-o", "b/bundle.toml"],
    );
    expect(
        &r,
        2,
        &[
            "refusing to write b/bundle.toml",
            "the manifest of bundle b",
        ],
    );
    assert_eq!(fs::read(root.path().join("b/bundle.toml")).unwrap(), before);
}

#[test]
fn another_spelling_or_a_hard_link_of_an_input_is_refused() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(root.path(), &["check", "b", "-o", "./b/../b/c.txt"]);
    expect(&r, 2, &["refusing to write ./b/../b/c.txt"]);
    #[cfg(unix)]
    {
        fs::hard_link(root.path().join("b/a.txt"), root.path().join("alias.json")).unwrap();
        let r = run(root.path(), &["check", "b", "-o", "alias.json"]);
        expect(&r, 2, &["refusing to write alias.json", "b/a.txt"]);
    }
    assert_eq!(fs::read_to_string(root.path().join("b/c.txt")).unwrap(), C);
    assert_eq!(fs::read_to_string(root.path().join("b/a.txt")).unwrap(), A);
}

#[test]
fn write_baseline_onto_a_document_is_refused() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(root.path(), &["check", "b", "--write-baseline", "b/c.txt"]);
    expect(&r, 2, &["refusing to write b/c.txt"]);
    assert_eq!(fs::read_to_string(root.path().join("b/c.txt")).unwrap(), C);
}

#[test]
fn write_baseline_over_a_baseline_it_cannot_parse_keeps_every_reason() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let broken = "[[finding]\nid = \"3ebc4cc648f783c7\"\nreason = \"checked with the desk\"\n";
    fs::write(root.path().join("accepted.toml"), broken).unwrap();
    let r = run(
        root.path(),
        &["check", "b", "--write-baseline", "accepted.toml"],
    );
    expect(
        &r,
        2,
        &[
            "refusing to write accepted.toml",
            "not a baseline crosscheck can read",
            "accepted.toml:1:",
        ],
    );
    assert_eq!(
        fs::read_to_string(root.path().join("accepted.toml")).unwrap(),
        broken
    );
}

#[test]
fn a_good_baseline_is_rewritten_with_its_reasons() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(
        root.path(),
        &["check", "b", "--write-baseline", "accepted.toml"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    let text = fs::read_to_string(root.path().join("accepted.toml")).unwrap();
    let with_reason = text.replacen(
        "[[finding]]\n",
        "[[finding]]\nreason = \"desk checked\"\n",
        1,
    );
    assert_ne!(with_reason, text, "the baseline has an entry: {text}");
    fs::write(root.path().join("accepted.toml"), &with_reason).unwrap();
    let r = run(
        root.path(),
        &["check", "b", "--write-baseline", "accepted.toml"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    let again = fs::read_to_string(root.path().join("accepted.toml")).unwrap();
    assert!(again.contains("reason = \"desk checked\""), "{again}");
}

#[test]
fn output_and_baseline_on_one_path_are_refused() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(
        root.path(),
        &[
            "check",
            "b",
            "-o",
            "out.toml",
            "--write-baseline",
            "./out.toml",
        ],
    );
    expect(&r, 2, &["refusing to write ./out.toml", "another output"]);
    assert!(!root.path().join("out.toml").exists());
}

#[test]
fn output_onto_the_baseline_being_read_is_refused() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(
        root.path(),
        &["check", "b", "--write-baseline", "accepted.toml"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    let before = fs::read(root.path().join("accepted.toml")).unwrap();
    let r = run(
        root.path(),
        &[
            "check",
            "b",
            "--baseline",
            "accepted.toml",
            "-o",
            "accepted.toml",
        ],
    );
    expect(&r, 2, &["refusing to write accepted.toml", "--baseline"]);
    assert_eq!(fs::read(root.path().join("accepted.toml")).unwrap(), before);
}

#[test]
fn a_report_written_into_a_bundle_is_never_read_back() {
    let root = tempfile::tempdir().unwrap();
    // No manifest: every .txt and .md in the directory is a document.
    let dir = bundle(root.path(), "b", &[("a.txt", A), ("c.txt", C)]);
    // As a document name it is refused: the next run would check it.
    let r = run(root.path(), &["check", "b", "-o", "b/report.md"]);
    expect(&r, 2, &["refusing to write b/report.md", "next run"]);
    assert!(!dir.join("report.md").exists());
    // Under another extension it is written, and the next run does not
    // take it for a document (nor warn that it is unlisted).
    let r = run(
        root.path(),
        &["check", "b", "-o", "b/report.html", "--format", "html"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    assert!(dir.join("report.html").exists());
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let docs = json["bundles"][0]["documents"].as_array().unwrap();
    let paths: Vec<_> = docs.iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["b/a.txt", "b/c.txt"]);
    assert!(!r.stderr.contains("report"), "{}", r.stderr);
}

#[test]
fn a_collection_is_not_turned_into_a_bundle_by_its_report() {
    let root = tempfile::tempdir().unwrap();
    let corpus = root.path().join("corpus");
    story(&corpus);
    let r = run(root.path(), &["check", "corpus", "-o", "corpus/report.txt"]);
    expect(&r, 2, &["refusing to write corpus/report.txt"]);
    assert!(!corpus.join("report.txt").exists());
}

#[test]
fn an_existing_report_is_replaced_whole() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    fs::write(root.path().join("report.json"), "old report").unwrap();
    let r = run(
        root.path(),
        &["check", "b", "--format", "json", "-o", "report.json"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    let text = fs::read_to_string(root.path().join("report.json")).unwrap();
    assert!(text.starts_with('{') && text.contains("\"schema_version\": 1"));
    let names: Vec<_> = fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".crosscheck-"))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_device_writes_to_it_and_leaves_it_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(root.path(), &["check", "b", "-o", "/dev/null"]);
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    let meta = fs::metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
}

#[test]
fn output_into_a_missing_directory_is_an_error_naming_it() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    let r = run(
        root.path(),
        &["check", "b", "-o", "no/such/dir/report.json"],
    );
    expect(&r, 2, &["no/such/dir/report.json"]);
}

#[test]
fn report_pages_never_replace_an_input_and_none_is_half_written() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    // A baseline kept where `crosscheck report` writes report.json.
    fs::create_dir(root.path().join("out")).unwrap();
    let r = run(
        root.path(),
        &["check", "b", "--write-baseline", "out/report.json"],
    );
    assert_eq!(r.code, 0, "{r:#?}");
    let before = fs::read(root.path().join("out/report.json")).unwrap();
    let r = run(
        root.path(),
        &[
            "report",
            "b",
            "--baseline",
            "out/report.json",
            "--output",
            "out",
        ],
    );
    expect(&r, 2, &["refusing to write out/report.json", "--baseline"]);
    assert_eq!(
        fs::read(root.path().join("out/report.json")).unwrap(),
        before
    );
    // Every page is checked before any is written.
    assert!(!root.path().join("out/index.html").exists());

    // Elsewhere the report is written, each file replaced whole.
    for _ in 0..2 {
        let r = run(root.path(), &["report", "b", "--output", "site"]);
        assert!(r.code == 0 || r.code == 1, "{r:#?}");
    }
    let json = fs::read_to_string(root.path().join("site/report.json")).unwrap();
    assert!(json.contains("\"schema_version\": 1"), "{json}");
    assert!(root.path().join("site/index.html").exists());
    let left: Vec<_> = fs::read_dir(root.path().join("site"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".crosscheck-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn the_config_file_is_an_input_no_output_replaces() {
    let root = tempfile::tempdir().unwrap();
    story(root.path());
    // Found by walking up from b: the run reads it, so it is an input.
    let config = "fail-on = \"never\"\n";
    fs::write(root.path().join("crosscheck.toml"), config).unwrap();
    for args in [
        vec!["check", "b", "-o", "crosscheck.toml"],
        vec!["check", "b", "--write-baseline", "crosscheck.toml"],
        vec![
            "check",
            "b",
            "--config",
            "crosscheck.toml",
            "-o",
            "./crosscheck.toml",
        ],
    ] {
        let r = run(root.path(), &args);
        expect(
            &r,
            2,
            &["refusing to write", "crosscheck.toml", "the config file"],
        );
        assert_eq!(
            fs::read_to_string(root.path().join("crosscheck.toml")).unwrap(),
            config,
            "{args:?}"
        );
    }
}
