//! Snapshots of every corpus bundle's table and JSON report (insta), so any
//! change in findings shows up in review. `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --test snapshots` and reading the diff)
//! accepts a change; read a new snapshot before accepting it.

mod common;

use std::path::Path;

use crosscheck::report::{self, Format, Report};
use crosscheck::rules::Rules;

fn render(bundle: &str, format: Format) -> String {
    render_at(bundle, format, 100)
}

/// The report of one corpus bundle, the table `width` columns wide.
fn render_at(bundle: &str, format: Format, width: usize) -> String {
    let dir = Path::new("corpus").join(bundle);
    let rules = Rules::builtin().expect("built-in rules load");
    let (sources, errors) = crosscheck::load::discover(&[dir]);
    assert!(errors.is_empty(), "{errors:?}");
    let checked: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::check_bundle(crosscheck::load::load_bundle(s), &rules))
        .collect();
    let report = Report::new(&checked, Vec::new());
    let options = report::Options {
        width,
        ..report::Options::default()
    };
    report::render(&report, format, &options)
}

/// Every bundle in corpus/ has a snapshot test: the list in
/// tests/common/mod.rs holds each, and this file takes the whole list.
#[test]
fn every_bundle_has_a_snapshot() {
    assert!(include_str!("snapshots.rs").contains(concat!("every_bundle!", "(snapshots)")));
    let this = include_str!("common/mod.rs");
    for entry in std::fs::read_dir("corpus").unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                this.contains(&format!("\"{name}\"")),
                "corpus/{name} has no snapshot test"
            );
        }
    }
}

/// The JSON report is byte-identical from run to run (rayon, hash maps and
/// thread timing must not leak into it).
#[test]
fn json_is_deterministic() {
    let first = render("putin-trump-call-2025-03-18", Format::Json);
    for _ in 0..3 {
        assert_eq!(render("putin-trump-call-2025-03-18", Format::Json), first);
    }
}

/// The seed story's table at the three widths people use: a narrow
/// terminal, a laptop's, a wide monitor's. Read each before accepting it.
#[test]
fn seed_table_at_80_columns() {
    insta::assert_snapshot!(render_at("putin-trump-call-2025-03-18", Format::Table, 80));
}

#[test]
fn seed_table_at_100_columns() {
    insta::assert_snapshot!(render_at("putin-trump-call-2025-03-18", Format::Table, 100));
}

#[test]
fn seed_table_at_200_columns() {
    insta::assert_snapshot!(render_at("putin-trump-call-2025-03-18", Format::Table, 200));
}

/// No line of any bundle's table is wider than the width asked for.
#[test]
fn tables_fit_their_width() {
    for entry in std::fs::read_dir("corpus").unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for width in [80, 100, 200] {
            let table = render_at(&name, Format::Table, width);
            for line in table.lines() {
                let w = unicode_width::UnicodeWidthStr::width(line);
                assert!(w <= width, "{name} at {width}: {w} columns:\n{line}");
            }
        }
    }
}

macro_rules! snapshots {
    ($($test:ident => $dir:literal,)*) => {
        $(#[test] fn $test() {
            insta::assert_snapshot!(render($dir, Format::Table));
        })*
    };
}

common::every_bundle!(snapshots);
