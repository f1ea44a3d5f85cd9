//! Baselines end to end, through the binary: accepted findings stop failing
//! the run, their ids survive edits that move text, a new contradiction still
//! fails, and an entry that matches nothing any more is reported as stale.

use std::path::Path;
use std::process::{Command, Output};

const A: &str = "British Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on Monday, 3 March 2025.\n";
const B: &str = "Former British Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on Monday, 3 March 2025.\n";
const C: &str = "British Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on Monday, 3 March 2025.\n";

const MANIFEST: &str = r#"
[[document]]
file = "a.txt"
published = "2025-03-03T18:00:00+00:00"
timezone = "Europe/London"

[[document]]
file = "b.txt"
published = "2025-03-03T19:00:00+00:00"
timezone = "Europe/London"

[[document]]
file = "c.txt"
published = "2025-03-03T20:00:00+01:00"
timezone = "Europe/Paris"
"#;

fn write_bundle(dir: &Path, b: &str) {
    std::fs::write(dir.join("bundle.toml"), MANIFEST).unwrap();
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("b.txt"), b).unwrap();
    std::fs::write(dir.join("c.txt"), C).unwrap();
}

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .expect("crosscheck runs")
}

#[test]
fn baseline_accepts_known_findings_and_catches_new_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let bundle = tmp.path().join("story");
    std::fs::create_dir(&bundle).unwrap();
    write_bundle(&bundle, B);
    let bundle = bundle.to_str().unwrap();
    let baseline = tmp.path().join("accepted.toml");
    let baseline = baseline.to_str().unwrap();

    // The role conflict ("Former … Prime Minister" against the sitting one)
    // fails the run.
    let first = crosscheck(&["check", bundle, "--write-baseline", baseline]);
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stdout)
    );
    let written = std::fs::read_to_string(baseline).unwrap();
    assert!(
        written.contains("[[finding]]") && written.contains("role"),
        "{written}"
    );

    // With the baseline it no longer does.
    let accepted = crosscheck(&["check", bundle, "--baseline", baseline]);
    assert_eq!(
        accepted.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&accepted.stdout)
    );

    // Unrelated text moving the claim down two lines keeps the id.
    write_bundle(Path::new(bundle), &format!("Paris, Monday.\n\n{B}"));
    let moved = crosscheck(&["check", bundle, "--baseline", baseline]);
    assert_eq!(
        moved.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&moved.stdout)
    );

    // A new contradiction (a third document now calls Macron a former
    // president) still fails, baseline or not.
    std::fs::write(
        Path::new(bundle).join("c.txt"),
        C.replace("French President", "former French President"),
    )
    .unwrap();
    let new = crosscheck(&["check", bundle, "--baseline", baseline]);
    assert_eq!(
        new.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&new.stdout)
    );

    // Fixing the original discrepancy leaves its entry stale: reported, not fatal.
    write_bundle(Path::new(bundle), A);
    let fixed = crosscheck(&["check", bundle, "--baseline", baseline]);
    let stderr = String::from_utf8_lossy(&fixed.stderr);
    assert_eq!(fixed.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("stale baseline entry"), "{stderr}");
}

#[test]
fn fail_on_never_and_warning() {
    let tmp = tempfile::tempdir().unwrap();
    write_bundle(tmp.path(), B);
    let dir = tmp.path().to_str().unwrap();
    assert_eq!(
        crosscheck(&["check", dir, "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        crosscheck(&["check", dir, "--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
    // Without the conflict, nothing at error level is left.
    write_bundle(tmp.path(), A);
    assert_eq!(crosscheck(&["check", dir]).status.code(), Some(0));
}
