//! The corpus bundles against their expectations. Each bundle directory in
//! `corpus/` holds an `expected.toml` saying which findings and agreements
//! crosscheck must report and which it must not (see `corpus/README.md`).
//! One test per bundle, so a failure names the story.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crosscheck::report::Report;
use crosscheck::report::wire::{BundleReport, WireFinding};
use crosscheck::rules::Rules;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// Kinds (conflict, variant) for which every reported finding must be
    /// listed: the bundle's precision check.
    #[serde(default)]
    exhaustive: Vec<String>,
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
    #[serde(default)]
    agreement: Vec<ExpectedFinding>,
    #[serde(default)]
    absent: Vec<Absent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    #[serde(default)]
    kind: Option<String>,
    category: String,
    /// Every item must be cited by the finding.
    evidence: Vec<Cited>,
    /// Normalised values that must all appear among the finding's values.
    #[serde(default)]
    values: Vec<String>,
    /// What the entry checks, for the failure message.
    #[serde(default)]
    note: Option<String>,
    /// Set (to the reason) when crosscheck is known not to report this yet.
    /// The test then fails if it *is* reported, so the entry is updated as
    /// soon as the gap closes.
    #[serde(default)]
    known_gap: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cited {
    /// Prefix of the document id ("002").
    doc: String,
    /// A piece of the cited text (or the cited text a piece of this).
    text: String,
}

/// A false alarm that must not be raised. With one piece of evidence: no
/// finding of the kind (conflict or variant by default) and category may
/// cite it. With several: no such finding may put them under different
/// values (they must agree, or not be compared at all).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Absent {
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    evidence: Vec<Cited>,
    #[serde(default)]
    note: Option<String>,
    /// Set (to the reason) when crosscheck is known to raise this false
    /// alarm still; the test fails once it no longer does.
    #[serde(default)]
    known_gap: Option<String>,
}

/// Index of the value of `f` that cites `c`, if any.
fn value_citing(f: &WireFinding, c: &Cited) -> Option<usize> {
    f.values.iter().position(|v| {
        v.evidence.iter().any(|e| {
            e.document.starts_with(&c.doc)
                && (e.text.contains(&c.text)
                    || (!e.text.trim().is_empty() && c.text.contains(e.text.trim())))
        })
    })
}

/// Whether `f` cites every item, all on one side (or one value).
fn one_side(f: &WireFinding, cited: &[Cited]) -> bool {
    let sides: Option<Vec<usize>> = cited
        .iter()
        .map(|c| value_citing(f, c).map(|i| f.values[i].side.unwrap_or(i + 1000)))
        .collect();
    sides.is_some_and(|s| s.windows(2).all(|w| w[0] == w[1]))
}

fn cites(f: &WireFinding, c: &Cited) -> bool {
    value_citing(f, c).is_some()
}

fn matches(f: &WireFinding, want: &ExpectedFinding, kind: &str) -> bool {
    f.kind.as_str() == want.kind.as_deref().unwrap_or(kind)
        && f.category.to_string() == want.category
        && want.evidence.iter().all(|c| cites(f, c))
        && want
            .values
            .iter()
            .all(|v| f.values.iter().any(|fv| &fv.value == v))
}

fn describe(f: &WireFinding) -> String {
    let values: Vec<String> = f
        .values
        .iter()
        .map(|v| {
            let ev: Vec<String> = v
                .evidence
                .iter()
                .map(|e| format!("{}:{:?}", &e.document[..3.min(e.document.len())], e.text))
                .collect();
            format!("{} <- {}", v.value, ev.join(", "))
        })
        .collect();
    format!(
        "{} {} [{}] {}",
        f.kind.as_str(),
        f.category,
        f.subject,
        values.join(" | ")
    )
}

fn check_bundle(dir: &Path) {
    let expected_path = dir.join("expected.toml");
    let text = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    let expected: Expected =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    let rules = Rules::builtin().expect("built-in rules load");
    let (sources, errors) = crosscheck::load::discover(&[dir.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let checked: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::check_bundle(crosscheck::load::load_bundle(s), &rules))
        .collect();
    let report = Report::new(&checked, Vec::new());
    let bundle: &BundleReport = &report.bundles[0];
    assert!(
        bundle.errors.is_empty(),
        "bundle errors: {:?}",
        bundle.errors
    );

    let mut problems = Vec::new();
    let mut listed = vec![false; bundle.findings.len()];
    for want in &expected.finding {
        let hit = bundle
            .findings
            .iter()
            .position(|f| matches(f, want, "conflict"));
        match (hit, &want.known_gap) {
            (Some(_), Some(gap)) => problems.push(format!(
                "known gap closed, remove `known_gap = {gap:?}`: {want:?}"
            )),
            (Some(i), None) => listed[i] = true,
            (None, Some(_)) => {}
            (None, None) => problems.push(format!(
                "missing finding ({}): {want:?}",
                want.note.as_deref().unwrap_or("-")
            )),
        }
        // Every finding matching an expectation counts as listed.
        for (i, f) in bundle.findings.iter().enumerate() {
            if matches(f, want, "conflict") {
                listed[i] = true;
            }
        }
    }
    for want in &expected.agreement {
        // An agreement is shown as one, or as one side of a conflict
        // ("120 mph" and "195 km/h" against "140 mph"): the values cited
        // all sit on the same side.
        let found = bundle
            .agreements
            .iter()
            .any(|f| matches(f, want, "agreement"))
            || bundle
                .findings
                .iter()
                .any(|f| f.category.to_string() == want.category && one_side(f, &want.evidence));
        match (found, &want.known_gap) {
            (true, Some(gap)) => problems.push(format!(
                "known gap closed, remove `known_gap = {gap:?}`: {want:?}"
            )),
            (false, None) => problems.push(format!(
                "missing agreement ({}): {want:?}",
                want.note.as_deref().unwrap_or("-")
            )),
            _ => {}
        }
    }
    for absent in &expected.absent {
        for (i, f) in bundle.findings.iter().enumerate() {
            let kind_ok = match &absent.kind {
                Some(k) => f.kind.as_str() == k,
                None => matches!(f.kind.as_str(), "conflict" | "variant"),
            };
            let category_ok = absent
                .category
                .as_ref()
                .is_none_or(|c| &f.category.to_string() == c);
            if !kind_ok || !category_ok {
                continue;
            }
            let raised = match absent.evidence.as_slice() {
                [one] => cites(f, one),
                many => {
                    // Values on one side of a conflict agree with each other.
                    let mut at: Vec<usize> = many
                        .iter()
                        .filter_map(|c| value_citing(f, c))
                        .map(|i| f.values[i].side.unwrap_or(i + 1000))
                        .collect();
                    at.sort_unstable();
                    at.dedup();
                    at.len() > 1
                }
            };
            if raised && absent.known_gap.is_none() {
                problems.push(format!("false alarm ({:?}): {}", absent.note, describe(f)));
            }
            // A false alarm recorded as a known gap is listed: it is not
            // also an unexpected finding.
            if raised && absent.known_gap.is_some() {
                listed[i] = true;
            }
        }
        if let Some(gap) = &absent.known_gap {
            let still = bundle.findings.iter().any(|f| {
                absent
                    .category
                    .as_ref()
                    .is_none_or(|c| &f.category.to_string() == c)
                    && absent.evidence.iter().all(|c| cites(f, c))
            });
            if !still {
                problems.push(format!(
                    "known false alarm gone, remove `known_gap = {gap:?}`: {absent:?}"
                ));
            }
        }
    }
    for (f, was_listed) in bundle.findings.iter().zip(&listed) {
        if !was_listed && expected.exhaustive.iter().any(|k| k == f.kind.as_str()) {
            problems.push(format!("unexpected finding: {}", describe(f)));
        }
    }
    if !problems.is_empty() {
        let all: Vec<String> = bundle.findings.iter().map(describe).collect();
        panic!(
            "{}:\n  {}\n\nall findings:\n  {}",
            dir.display(),
            problems.join("\n  "),
            all.join("\n  ")
        );
    }
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// Every bundle in corpus/ must have a test below.
#[test]
fn every_bundle_has_a_test() {
    let this = include_str!("corpus.rs");
    for entry in std::fs::read_dir(corpus("")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                this.contains(&format!("\"{name}\"")),
                "corpus/{name} has no test in tests/corpus.rs"
            );
            assert!(
                path.join("expected.toml").is_file(),
                "corpus/{name} has no expected.toml"
            );
        }
    }
}

macro_rules! bundles {
    ($($test:ident => $dir:literal,)*) => {
        $(#[test] fn $test() { check_bundle(&corpus($dir)) })*
    };
}

bundles! {
    seed_putin_trump_call => "putin-trump-call-2025-03-18",
    hokkaido_quake => "hokkaido-quake-2025-10-27",
    estoria_rate_decision_quotes => "estoria-rate-decision-2025-06-12",
    marlow_flood_quote_lookalikes => "marlow-flood-recovery-2025-09-03",
    iwate_quake => "iwate-quake-2025-11-10",
    shannon_diversion => "shannon-diversion-2025-11-02",
    portugal_runoff => "portugal-runoff-2026-02-08",
    rheinwerk_calloway => "rheinwerk-calloway-2025-03-11",
    iberian_cup_final => "iberian-cup-final-2025-05-24",
    aurelia_launch_all_agree => "aurelia-launch-2025-12-09",
    carney_sheinbaum_two_calls => "carney-sheinbaum-calls-2025-06",
    hurricane_tamsin => "hurricane-tamsin-2025-08-27",
    redteam_kanangra_fire => "kanangra-fire-2025-10-06",
    redteam_meridian_docking => "meridian-docking-2026-01-12",
    redteam_home_office_reshuffle => "home-office-reshuffle-2026-03-03",
    redteam_straits_harbour_merger => "straits-harbour-kallang-merger-2026-05-14",
    // Written blind (by a helper who had not read the code), kept with
    // their known gaps.
    blind_ferry_capsizing => "ferry-capsizing-2026-02-14",
    blind_hostage_release => "hostage-release-2026-04-22",
    blind_legionnaires_outbreak => "legionnaires-outbreak-2026-06-03",
    blind_rail_strike => "rail-strike-2026-03-09",
    blind_rocket_launch_failure => "rocket-launch-failure-2026-12-05",
    blind_tessaly_q3_results => "tessaly-q3-results-2026-10-29",
    blind_tokyo_stock_plunge => "tokyo-stock-plunge-2026-05-18",
    blind_viaduct_collapse => "viaduct-collapse-2026-07-11",
    // Written blind on 2026-11-30 (kinds the corpus lacked: a mine
    // collapse, a sentencing of several defendants, a heatwave).
    blind_mine_collapse => "mine-collapse-2026-08-19",
    blind_court_sentencing => "court-sentencing-2026-09-15",
    blind_heatwave => "heatwave-2026-07-22",
    // Written blind on 2026-11-30, second batch (a chemical leak, an
    // airliner's diversion, a chief executive's resignation): measured
    // before any change was made for them (4 of 20 planted entries found),
    // then used for generic fixes; kept with their known gaps.
    blind_chemical_leak => "chemical-leak-2026-10-08",
    blind_airliner_diversion => "airliner-diversion-2026-11-03",
    blind_ceo_resignation => "ceo-resignation-2026-09-21",
    // Written blind on 2026-11-30, third batch (an avalanche, a museum
    // theft, a marathon record), held out: measured once (5 of 20 planted
    // entries found in full, no false alarm) and kept with their gaps.
    blind_avalanche => "avalanche-2027-01-16",
    blind_museum_theft => "museum-theft-2026-12-02",
    blind_marathon_record => "marathon-record-2026-10-11",
    // Written blind on 2026-12-01, fourth batch (a tanker grounding, a
    // hospital cyberattack, a zoo escape), held out: measured once (4 of 21
    // planted entries found in full, 6 with partial finds, no false alarm),
    // then used for generic fixes (8 of 21 in full); kept with their gaps.
    blind_tanker_grounding => "tanker-grounding-oland-2026-03-10",
    blind_hospital_ransomware => "hospital-ransomware-newcastle-2026-02-12",
    blind_zoo_escape => "zoo-chimpanzee-escape-2026-06-13",
    // Written blind on 2026-12-01, fifth batch (a city blackout, a cave
    // rescue, a parliamentary vote), held out: measured once after the
    // fourth batch's fixes (7 of 21 planted entries found in full, one
    // false alarm: the fire 'brought under control' at 21:00, since fixed)
    // and kept with their gaps.
    blind_city_blackout => "cape-town-blackout-2026-11-18",
    blind_cave_rescue => "cave-rescue-2026-09-13",
    blind_parliament_vote => "nz-rural-water-bill-2026-12-09",
}
