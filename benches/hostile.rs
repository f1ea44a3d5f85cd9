//! Cost on hostile-sized input (issue 9): how time grows with the size of
//! one input, so a quadratic path shows as a slope, not as a timed test.
//! `cargo bench --bench hostile`; docs/reliability.md records the numbers.
//!
//! - `user_entities`: loading a user's `entities.toml` of n entities (was a
//!   quadratic merge: 113 s for 100,000).
//! - `time_mentions_in_one_sentence`: one sentence listing n clock times of
//!   an event (O(n²): 16,000 took 34 s). Add 100,000 to the args once the
//!   extraction is linear.
//! - `document_mib`: one document of n MiB of news text, whole pipeline
//!   (1/2/4/8/16 MiB took 4.8/9.8/22.6/62/560 s when filed; since the
//!   per-claim lookups are binary searches and a document's repeated claims
//!   one alignment unit, about 4 s per MiB at every size: docs/reliability.md).

use std::fmt::Write;
use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

use crosscheck::load::{Bundle, Document, Published};
use crosscheck::rules::Rules;

fn main() {
    divan::main();
}

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::builtin().expect("rules load"));

#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 3, sample_size = 1)]
fn user_entities(bencher: Bencher, n: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::new();
    for i in 0..n {
        let _ = write!(
            text,
            "[[entity]]\nid = \"u{i}\"\nname = \"Quorvan Zelt{i}\"\nkind = \"person\"\n\n"
        );
    }
    std::fs::write(dir.path().join("entities.toml"), text).expect("write rules");
    bencher
        .counter(ItemsCount::new(n))
        .bench(|| black_box(Rules::load(Some(dir.path())).map(|_| ()).is_ok()));
}

#[divan::bench(args = [1_000, 4_000, 16_000], sample_count = 3, sample_size = 1)]
fn time_mentions_in_one_sentence(bencher: Bencher, n: usize) {
    // An event trigger, a zone and a publication time, so that every
    // mention becomes a time claim (a bare list of times yields none).
    let mut text = String::from("The aftershocks struck at ");
    for i in 0..n {
        let _ = write!(text, "{}:{:02} a.m., ", 1 + (i / 60) % 11, i % 60);
    }
    text.push_str("and again at noon local time on Tuesday.\n");
    let mut doc = Document::from_text("a", &text);
    doc.published = Published::parse("2025-03-18T10:00:00+01:00").ok();
    doc.timezone = "Europe/Brussels".parse().ok();
    let bundle = Bundle::in_memory("times", vec![doc]);
    let rules = &*RULES;
    bencher
        .counter(ItemsCount::new(n))
        .counter(BytesCount::new(text.len()))
        .bench(|| black_box(crosscheck::check_bundle(bundle.clone(), rules).claims.len()));
}

#[divan::bench(args = [1, 4, 16], sample_count = 1, sample_size = 1)]
fn document_mib(bencher: Bencher, mib: usize) {
    let text = news_text(mib << 20);
    let bundle = Bundle::in_memory("large", vec![Document::from_text("a", &text)]);
    let rules = &*RULES;
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| black_box(crosscheck::check_bundle(bundle.clone(), rules).claims.len()));
}

/// `bytes` of news text: every corpus document, repeated.
fn news_text(bytes: usize) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = walk(&root)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let base: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("corpus text") + "\n\n")
        .collect();
    let mut text = String::with_capacity(bytes + base.len());
    while text.len() < bytes {
        text.push_str(&base);
    }
    let mut cut = bytes;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("corpus dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
