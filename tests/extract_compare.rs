//! Map and reduce: `crosscheck extract` writes every claim as a line, and
//! `crosscheck compare` judges those lines as `check` judges the documents.
//! On the whole corpus the two give the same report, byte for byte, however
//! the lines are split into files and ordered (as a cluster writes them);
//! a line that does not read is an error at its file and line, and the
//! other bundles are still compared.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn crosscheck(args: &[&str], stdin: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(args).arg("--no-config");
    if let Some(file) = stdin {
        cmd.stdin(std::fs::File::open(file).unwrap());
    }
    cmd.output().unwrap()
}

fn extract(paths: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("extract")
        .args(paths)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn compare_on_extracted_claims_equals_check_on_the_corpus() {
    let claims = extract(&["corpus"]);
    let dir = scratch("extract-compare-corpus");
    let file = dir.join("claims.jsonl");
    std::fs::write(&file, &claims).unwrap();
    for format in ["json", "table"] {
        let checked = crosscheck(&["check", "corpus", "--format", format], None);
        let compared = crosscheck(
            &["compare", file.to_str().unwrap(), "--format", format],
            None,
        );
        assert_eq!(compared.status.code(), checked.status.code());
        assert!(!checked.stdout.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&compared.stdout),
            String::from_utf8_lossy(&checked.stdout),
            "{format}"
        );
    }
    // What was read and compared with nothing travels too.
    let checked = crosscheck(
        &["check", "corpus", "--format", "json", "--explain-skipped"],
        None,
    );
    let compared = crosscheck(
        &[
            "compare",
            file.to_str().unwrap(),
            "--format",
            "json",
            "--explain-skipped",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&checked.stdout).contains("\"skipped\""));
    assert_eq!(compared.stdout, checked.stdout);
    // Standard input too.
    let checked = crosscheck(&["check", "corpus", "--format", "json"], None);
    let piped = crosscheck(&["compare", "-", "--format", "json"], Some(&file));
    assert_eq!(piped.stdout, checked.stdout);
}

#[test]
fn lines_split_across_files_in_any_order_give_the_same_report() {
    let bundles = [
        "corpus/putin-trump-call-2025-03-18",
        "corpus/ferry-capsizing-2026-02-14",
        "corpus/hurricane-tamsin-2025-08-27",
    ];
    let claims = extract(&bundles);
    let mut lines: Vec<&str> = claims.lines().collect();
    assert!(lines.len() > 50);
    // Reversed and dealt into three files: every document's claims come
    // before its document line, and bundles are met last first.
    lines.reverse();
    let dir = scratch("extract-compare-split");
    let mut parts = [String::new(), String::new(), String::new()];
    for (i, l) in lines.iter().enumerate() {
        parts[i % 3].push_str(l);
        parts[i % 3].push('\n');
    }
    let mut args = vec!["compare".to_string()];
    for (i, p) in parts.iter().enumerate() {
        let f = dir.join(format!("part{i}.jsonl"));
        std::fs::write(&f, p).unwrap();
        args.push(f.to_str().unwrap().to_string());
    }
    args.extend(["--format".into(), "json".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let compared = crosscheck(&args, None);
    let mut check_args = vec!["check"];
    check_args.extend(bundles.iter().rev());
    check_args.extend(["--format", "json"]);
    let checked = crosscheck(&check_args, None);
    let findings = |out: &Output| {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut bundles: Vec<String> = v["bundles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.to_string())
            .collect();
        bundles.sort();
        bundles
    };
    assert_eq!(findings(&compared), findings(&checked));
    assert_eq!(findings(&checked).len(), 3);
}

#[test]
fn a_broken_line_is_named_and_the_other_bundles_are_compared() {
    let claims = extract(&["corpus/putin-trump-call-2025-03-18"]);
    let dir = scratch("extract-compare-broken");
    let good = dir.join("good.jsonl");
    std::fs::write(&good, &claims).unwrap();
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"record\":\"claim\",\"bundle\":\n").unwrap();
    let out = crosscheck(
        &[
            "compare",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.jsonl:1:1"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["bundles"][0]["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
}

/// Lines as a careless pipeline delivers them: a file given twice, a line
/// lost, claims from another version of a document, a path that named
/// nothing. Never a panic; each problem an error at its file and line.
#[test]
fn repeated_lost_and_mismatched_lines_are_errors_not_wrong_reports() {
    let bundle = "corpus/putin-trump-call-2025-03-18";
    let claims = extract(&[bundle]);
    let dir = scratch("extract-compare-careless");
    let file = dir.join("claims.jsonl");
    std::fs::write(&file, &claims).unwrap();
    let f = file.to_str().unwrap();
    let checked = crosscheck(&["check", bundle, "--format", "json"], None);

    // The same file twice: the repeats are dropped, the report is check's.
    let twice = crosscheck(&["compare", f, f, "--format", "json"], None);
    assert_eq!(twice.stdout, checked.stdout);
    assert_eq!(twice.status.code(), checked.status.code());

    // A claim line lost: exit 2, naming the document.
    let lost: String = claims
        .lines()
        .enumerate()
        .filter(|(n, _)| *n != 4)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    assert!(
        claims
            .lines()
            .nth(4)
            .unwrap()
            .contains("\"record\":\"claim\"")
    );
    let lost_file = dir.join("lost.jsonl");
    std::fs::write(&lost_file, lost).unwrap();
    let out = crosscheck(
        &["compare", lost_file.to_str().unwrap(), "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("are missing"));

    // Claims whose offsets no longer fit their document (another version
    // of it): left out with an error at their line, no panic.
    let shifted: String = claims
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            if v["record"] == "claim" {
                v["offset"] = (v["offset"].as_u64().unwrap() + 1).into();
            }
            format!("{v}\n")
        })
        .collect();
    let shifted_file = dir.join("shifted.jsonl");
    std::fs::write(&shifted_file, shifted).unwrap();
    let out = crosscheck(
        &[
            "compare",
            shifted_file.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("shifted.jsonl:") && stderr.contains("not at offsets"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));

    // A path extract could not read travels as an `error` line.
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", "no-such-bundle"])
        .output()
        .unwrap();
    let errors = dir.join("errors.jsonl");
    std::fs::write(&errors, &out.stdout).unwrap();
    let out = crosscheck(&["compare", errors.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-bundle"));
}

/// `extract` reads the rules `check` reads: those a `crosscheck.toml`
/// names. Here a desk's rules make "Moscow time" Tokyo's zone.
#[test]
fn extract_uses_the_rules_the_config_names() {
    let dir = scratch("extract-compare-config");
    let bundle = dir.join("b1");
    std::fs::create_dir_all(&bundle).unwrap();
    let seed = Path::new("corpus/putin-trump-call-2025-03-18");
    for entry in std::fs::read_dir(seed).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, bundle.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::create_dir_all(dir.join("myrules")).unwrap();
    std::fs::write(
        dir.join("myrules/zones.toml"),
        "[[zone]]\nid = \"msk\"\nnames = [\"MSK\", \"Moscow time\"]\niana = \"Asia/Tokyo\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("crosscheck.toml"), "rules = [\"myrules\"]\n").unwrap();
    let b = bundle.to_str().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(args)
            .output()
            .unwrap()
    };
    let checked = run(&["check", b, "--format", "json"]);
    // 16:00 Moscow time read as Tokyo's: 07:00 UTC.
    assert!(String::from_utf8_lossy(&checked.stdout).contains("07:00"));
    let lines = run(&["extract", b]);
    let claims = dir.join("claims.jsonl");
    std::fs::write(&claims, &lines.stdout).unwrap();
    let config = dir.join("crosscheck.toml");
    let compared = run(&[
        "compare",
        claims.to_str().unwrap(),
        "--format",
        "json",
        "--config",
        config.to_str().unwrap(),
    ]);
    assert_eq!(compared.stdout, checked.stdout);
}

/// `extract -` reads one document from standard input, as `check -` does.
#[test]
fn extract_reads_standard_input_as_check_does() {
    let doc = Path::new("corpus/putin-trump-call-2025-03-18/001_de11c77990c30cca.txt");
    let checked = crosscheck(&["check", "-", "--format", "json"], Some(doc));
    let lines = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["extract", "-"])
        .stdin(std::fs::File::open(doc).unwrap())
        .output()
        .unwrap();
    assert_eq!(lines.status.code(), Some(0));
    let dir = scratch("extract-compare-stdin");
    let file = dir.join("claims.jsonl");
    std::fs::write(&file, &lines.stdout).unwrap();
    let compared = crosscheck(
        &["compare", file.to_str().unwrap(), "--format", "json"],
        None,
    );
    assert!(String::from_utf8_lossy(&checked.stdout).contains("\"findings\""));
    assert_eq!(compared.stdout, checked.stdout);
}

/// Values no run of `extract` writes (a figure that is not a number, a low
/// bound above its high one, a window ending before it starts) are errors
/// at their line, never compared as nonsense.
#[test]
fn unsound_values_are_errors_at_their_line() {
    let bundle = "corpus/putin-trump-call-2025-03-18";
    let claims = extract(&[bundle]);
    let dir = scratch("extract-compare-unsound");
    let mut first_quantity = true;
    let mut first_window = true;
    let broken: String = claims
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            if first_quantity && v["typed"]["Quantity"].is_object() {
                first_quantity = false;
                v["typed"]["Quantity"]["low"] = "nan".into();
            } else if first_window && v["typed"]["Time"]["end"].is_string() {
                first_window = false;
                let start = v["typed"]["Time"]["start"].clone();
                v["typed"]["Time"]["start"] = v["typed"]["Time"]["end"].clone();
                v["typed"]["Time"]["end"] = start;
            }
            format!("{v}\n")
        })
        .collect();
    assert!(
        !first_quantity && !first_window,
        "the seed has a figure and a window"
    );
    let file = dir.join("unsound.jsonl");
    std::fs::write(&file, broken).unwrap();
    let out = crosscheck(
        &["compare", file.to_str().unwrap(), "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unsound.jsonl:"), "{stderr}");
    assert!(stderr.contains("is not a number"), "{stderr}");
    assert!(stderr.contains("ends before it starts"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
