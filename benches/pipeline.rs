//! End-to-end speed: every corpus bundle through load → extract → normalise
//! → compare → report, in bytes and documents per second. Run with
//! `cargo bench --bench pipeline`.

use std::path::Path;

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

use crosscheck::load::{Bundle, discover, load_bundle};
use crosscheck::report::Report;
use crosscheck::rules::Rules;

fn main() {
    divan::main();
}

fn corpus() -> Vec<Bundle> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (sources, errors) = discover(&[root]);
    assert!(errors.is_empty(), "{errors:?}");
    sources.iter().map(load_bundle).collect()
}

/// Whole corpus, end to end (documents in parallel, as the CLI runs them).
#[divan::bench]
fn corpus_end_to_end(bencher: Bencher) {
    end_to_end(bencher, corpus());
}

/// Bundles checked and reported, counted in bytes and documents.
fn end_to_end(bencher: Bencher, bundles: Vec<Bundle>) {
    let rules = Rules::builtin().expect("rules load");
    let bytes: usize = bundles
        .iter()
        .flat_map(|b| &b.documents)
        .map(|d| d.text.len())
        .sum();
    let docs: usize = bundles.iter().map(|b| b.documents.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(docs))
        .bench(|| {
            let checked: Vec<_> = bundles
                .iter()
                .map(|b| crosscheck::check_bundle(b.clone(), &rules))
                .collect();
            black_box(Report::new(&checked, Vec::new()))
        });
}

/// Every corpus document, replicated with distinct ids into one bundle of
/// `n` documents: a large story, to show how analysis and comparison scale
/// with the number of documents (comparison groups grow with the bundle).
fn synthetic_bundle(n: usize) -> Bundle {
    let originals: Vec<_> = corpus().into_iter().flat_map(|b| b.documents).collect();
    let documents = (0..n)
        .map(|i| {
            let mut doc = originals[i % originals.len()].clone();
            doc.id = format!("r{i:04}-{}", doc.id);
            doc
        })
        .collect();
    Bundle::in_memory("synthetic", documents)
}

/// 1,000 documents (1.4 MB of text) in one bundle, end to end.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn synthetic_1000_documents(bencher: Bencher) {
    let rules = Rules::builtin().expect("rules load");
    let bundle = synthetic_bundle(1000);
    let bytes: usize = bundle.documents.iter().map(|d| d.text.len()).sum();
    let docs = bundle.documents.len();
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(docs))
        .bench(|| {
            let checked = crosscheck::check_bundle(bundle.clone(), &rules);
            black_box(Report::new(&[checked], Vec::new()))
        });
}

/// Compiling the built-in rules: paid once per run.
#[divan::bench]
fn rules_compile() -> Rules {
    Rules::builtin().expect("rules load")
}

/// Comparison alone on `n` documents' claims (the corpus's, replicated as
/// in [`synthetic_bundle`], analysed once): how comparison grows with the
/// bundle. Linear growth shows as a steady documents/s across sizes.
#[divan::bench(args = [100, 1000, 4000], sample_count = 3, sample_size = 1)]
fn compare_scaling(bencher: Bencher, n: usize) {
    let rules = Rules::builtin().expect("rules load");
    let originals: Vec<_> = corpus().into_iter().flat_map(|b| b.documents).collect();
    let analysed: Vec<_> = originals
        .iter()
        .map(|d| crosscheck::analyse_document(d, &rules))
        .collect();
    let bundle = synthetic_bundle(n);
    let claims: Vec<_> = (0..n)
        .map(|i| {
            let mut c = analysed[i % analysed.len()].clone();
            c.claims.iter_mut().for_each(|x| x.anchor.doc = i);
            c.unresolved.iter_mut().for_each(|x| x.anchor.doc = i);
            c.skipped.iter_mut().for_each(|x| x.anchor.doc = i);
            c
        })
        .collect();
    bencher
        .counter(ItemsCount::new(n))
        .with_inputs(|| (bundle.clone(), claims.clone()))
        .bench_values(|(b, c)| black_box(crosscheck::compare_bundle(b, c)));
}

/// Real news, end to end: the 30 DUC 2004 clusters of `../shared/realtext`
/// built into `target/realtext` (never committed; see that README). Each
/// cluster is a bundle; bytes/s here is the throughput on real newswire.
/// Without the built set this bench measures nothing and says so.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn realtext_end_to_end(bencher: Bencher) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/realtext");
    if !root.is_dir() {
        eprintln!("realtext_end_to_end: {} not built; skipped", root.display());
        return;
    }
    let (sources, _) = discover(&[root]);
    end_to_end(bencher, sources.iter().map(load_bundle).collect());
}
