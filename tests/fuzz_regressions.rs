//! Replays every input kept in `tests/fuzz-regressions/<target>/` against
//! the property its fuzz target checks (the same code: `fuzz/checks.rs`).
//! Each file is a crasher found by fuzzing, or a hostile input of issue 9
//! found by hand, named for what it guards; the fuzz targets themselves run
//! outside CI (see fuzz/README.md).

use std::path::{Path, PathBuf};

#[path = "../fuzz/checks.rs"]
mod checks;

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
}

/// Runs `check` on every input of `target`, naming the one that fails.
fn replay(target: &str, check: impl Fn(&[u8])) {
    for file in inputs(target) {
        let data = std::fs::read(&file).unwrap();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&data)));
        assert!(result.is_ok(), "{} fails again", file.display());
    }
}

#[test]
fn document_text_regressions() {
    replay("document_text", checks::document_text);
}

#[test]
fn manifest_regressions() {
    let scratch = checks::Scratch::new();
    replay("manifest", |d| checks::manifest(d, &scratch));
}

#[test]
fn rule_file_regressions() {
    let dir = tempfile::tempdir().unwrap();
    replay("rule_file", |d| checks::rule_file(d, dir.path()));
}
