//! The properties each fuzz target checks, shared with the regression test
//! (`tests/fuzz_regressions.rs` includes this file) so that a crasher kept
//! there is replayed against exactly what the fuzzer asserted.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use crosscheck::load::{Bundle, BundleSource, Document, Manifest, Published, load_bundle};
use crosscheck::rules::{DEFAULT_FILES, Rules};

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::builtin().expect("built-in rules"));

/// Document text: any bytes, cut into up to four documents at NUL bytes,
/// checked as one bundle with the built-in rules. Panics (fails) on a panic
/// inside analysis (caught by check_bundle and reported as an internal
/// error) and on evidence that is not the source at its line and column.
pub fn document_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let documents: Vec<Document> = text
        .split('\0')
        .take(4)
        .enumerate()
        .map(|(i, t)| {
            let mut d = Document::from_text(&format!("{i:03}"), t);
            if i % 2 == 0 {
                d.published = Published::parse("2025-03-18T10:00:00+01:00").ok();
                d.timezone = "Asia/Tokyo".parse().ok();
            }
            d
        })
        .collect();
    let sources: Vec<(String, String)> = documents
        .iter()
        .map(|d| (d.id.clone(), d.text.clone()))
        .collect();
    let checked = crosscheck::check_bundle(Bundle::in_memory("fuzz", documents), &RULES);
    assert!(
        checked.bundle.errors.is_empty(),
        "{:?}",
        checked.bundle.errors
    );
    let report = crosscheck::report::Report::new(std::slice::from_ref(&checked), Vec::new());
    let b = &report.bundles[0];
    for f in b.findings.iter().chain(&b.agreements) {
        for v in &f.values {
            for e in &v.evidence {
                let (_, source) = sources
                    .iter()
                    .find(|(id, _)| *id == e.document)
                    .expect("evidence names a document of the bundle");
                let line_start: usize = source
                    .split('\n')
                    .take(e.line - 1)
                    .map(|l| l.len() + 1)
                    .sum();
                let at = line_start
                    + source[line_start..]
                        .chars()
                        .take(e.column - 1)
                        .map(char::len_utf8)
                        .sum::<usize>();
                assert!(source[at..].starts_with(&e.text), "{e:?}");
            }
        }
    }
    let _ = crosscheck::report::json::render(&report);
    let _ = crosscheck::report::table::render(&report, &Default::default());
}

/// A bundle directory with two documents, beside a file outside it.
pub struct Scratch {
    _root: tempfile::TempDir,
    pub bundle: PathBuf,
}

impl Scratch {
    pub fn new() -> Scratch {
        let root = tempfile::tempdir().expect("temp dir");
        let bundle = root.path().join("b");
        std::fs::create_dir_all(bundle.join("sub")).expect("bundle dir");
        std::fs::write(root.path().join("secret.txt"), "OUTSIDE").expect("secret");
        std::fs::write(bundle.join("a.txt"), "The call lasted an hour.").expect("a");
        std::fs::write(
            bundle.join("sub/c.md"),
            "---\ntimezone: Asia/Tokyo\n---\nAt 9am.",
        )
        .expect("c");
        Scratch {
            _root: root,
            bundle,
        }
    }
}

/// Manifest bytes: parsed as bundle.toml, then loaded from `scratch`, so
/// path handling (`..`, absolute paths, duplicates) runs too. Panics on a
/// panic, on an entry error without a line, or if the file outside the
/// bundle directory is read.
pub fn manifest(data: &[u8], scratch: &Scratch) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(m) = Manifest::parse(Path::new("bundle.toml"), text)
    {
        for p in &m.problems {
            assert!(p.line.is_some(), "{p:?}");
        }
    }
    std::fs::write(scratch.bundle.join("bundle.toml"), data).expect("write manifest");
    let bundle = load_bundle(&BundleSource::Directory(scratch.bundle.clone()));
    for d in &bundle.documents {
        assert!(!d.text.contains("OUTSIDE"), "read {:?}", d.path);
    }
}

/// Rule files: the first byte picks which rule file the rest is written
/// as, in the user rules directory `dir`; the rules are then loaded
/// (parsed, merged onto the built-in ones, compiled). Panics on a panic or
/// on an error that does not name the file.
pub fn rule_file(data: &[u8], dir: &Path) {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let (name, _) = DEFAULT_FILES[usize::from(pick) % DEFAULT_FILES.len()];
    for (other, _) in DEFAULT_FILES {
        let _ = std::fs::remove_file(dir.join(other));
    }
    std::fs::write(dir.join(name), body).expect("write rule file");
    if let Err(errors) = Rules::load(Some(dir)) {
        for e in errors {
            assert!(e.path.ends_with(name), "{e:?}");
        }
    }
}
