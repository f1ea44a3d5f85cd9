//! Extraction speed on number-heavy text against plain prose, in bytes per
//! second: the quantity extractor alone, and a whole document's analysis
//! (extract + normalise). Issue 3 asks that number-heavy text is not more
//! than a third slower than plain text. Run with
//! `cargo bench --bench quantities`.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

use crosscheck::load::Document;
use crosscheck::rules::Rules;

fn main() {
    divan::main();
}

/// Earthquake reports: tolls, magnitudes, depths, money, percentages.
const NUMBER_HEAVY: &[&str] = &[
    include_str!("../corpus/hokkaido-quake-2025-10-27/a_kita.txt"),
    include_str!("../corpus/hokkaido-quake-2025-10-27/b_pacific.txt"),
    include_str!("../corpus/hokkaido-quake-2025-10-27/c_northern.txt"),
    include_str!("../corpus/hokkaido-quake-2025-10-27/d_herald.txt"),
];

/// Political prose with hardly a figure in it.
const PLAIN: &[&str] = &[
    include_str!("../corpus/putin-trump-call-2025-03-18/000_671c9b4b0b9aeb4f.txt"),
    include_str!("../corpus/putin-trump-call-2025-03-18/003_ce72c28b4e584ca7.txt"),
];

/// Roughly 64 KiB of text built from the given articles, so both inputs
/// are measured over the same amount of text.
fn text_of(parts: &[&str]) -> String {
    let mut text = String::new();
    while text.len() < 64 * 1024 {
        for p in parts {
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

fn inputs(kind: &str) -> String {
    match kind {
        "number_heavy" => text_of(NUMBER_HEAVY),
        _ => text_of(PLAIN),
    }
}

/// The quantity extractor alone.
#[divan::bench(args = ["number_heavy", "plain"])]
fn quantity_extract(bencher: Bencher, kind: &str) {
    let rules = Rules::builtin().expect("rules load");
    let text = inputs(kind);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| crosscheck::extract::quantity::extract(black_box(&text), &rules));
}

/// Every extractor and normaliser over one document.
#[divan::bench(args = ["number_heavy", "plain"])]
fn analyse_document(bencher: Bencher, kind: &str) {
    let rules = Rules::builtin().expect("rules load");
    let doc = Document::from_text("bench", &inputs(kind));
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| crosscheck::analyse_document(black_box(&doc), &rules));
}
