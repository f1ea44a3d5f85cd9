//! Baselines end to end, through the binary, in a git repository as a desk
//! keeps one: accepted findings stop failing the run; their ids survive
//! renaming a file, reordering paragraphs and a new article that agrees;
//! a changed figure fails, naming only that finding, marked changed, with
//! its reason kept; writing a baseline for one bundle keeps the others'
//! entries; stale entries are reported for the bundles checked only.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const A: &str = "Strong earthquake hits Hokkaido coast

A magnitude 6.8 earthquake struck off the coast of Hokkaido on Monday, officials said.

The quake struck at a depth of 40 kilometers, according to the Japan Meteorological Agency.

Some 12,000 residents were evacuated from coastal towns as a precaution against a tsunami.
";

const B: &str = "Hokkaido quake: damage estimated

The US Geological Survey put the strength of the earthquake at magnitude 6.9.

The quake struck at a depth of 40 km.

The prefecture estimates damage at $4.2 billion.
";

const C: &str = "Damage mounts after Hokkaido earthquake

The 6.8-magnitude earthquake struck on Monday.

The prefecture estimates damage at $4.5 billion.
";

/// A fourth article, agreeing with values already there.
const D: &str = "Aftershocks rattle Kushiro

Aftershocks followed Monday's magnitude 6.8 earthquake.

Officials put the damage at $4.5 billion.
";

fn crosscheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("crosscheck runs")
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=desk", "-c", "user.email=desk@example.org"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

fn show(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", show(o)))
}

fn findings(report: &Value) -> Vec<&Value> {
    report["bundles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["findings"].as_array().unwrap())
        .collect()
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_baseline_survives_edits_and_names_a_changed_figure() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    let story = repo.join("desk/story");
    std::fs::create_dir_all(&story).unwrap();
    write(&story.join("a.txt"), A);
    write(&story.join("b.txt"), B);
    write(&story.join("c.txt"), C);
    // The config at the top of the repository names the baseline; runs
    // from a sub-directory find it by walking up.
    write(
        &repo.join("crosscheck.toml"),
        "baseline = \"crosscheck-baseline.toml\"\n",
    );
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "the story"]);

    // Before any baseline: two conflicts (magnitude 6.8 against 6.9, damage
    // $4.2 against $4.5 billion) fail the run.
    let first = crosscheck(repo, &["check", "desk/story", "--format", "json"]);
    assert_eq!(
        first.status.code(),
        Some(2),
        "no baseline file yet: {}",
        show(&first)
    );
    let first = crosscheck(
        repo,
        &["check", "desk/story", "--no-baseline", "--format", "json"],
    );
    assert_eq!(first.status.code(), Some(1), "{}", show(&first));
    let report = json(&first);
    let conflicts: Vec<&Value> = findings(&report)
        .into_iter()
        .filter(|f| f["kind"] == "conflict")
        .collect();
    assert_eq!(conflicts.len(), 2, "{}", show(&first));

    // Writing the baseline exits 0 and says what it wrote.
    let written = crosscheck(
        repo,
        &[
            "check",
            "desk/story",
            "--write-baseline",
            "crosscheck-baseline.toml",
        ],
    );
    assert_eq!(written.status.code(), Some(0), "{}", show(&written));
    let stderr = String::from_utf8_lossy(&written.stderr);
    let total = findings(&report).len();
    assert!(
        stderr.contains(&format!("wrote {total} baseline entries")),
        "{stderr}"
    );
    // The desk gives every entry its reason.
    let text = std::fs::read_to_string(repo.join("crosscheck-baseline.toml")).unwrap();
    assert!(text.contains("bundle = \"desk/story\""), "{text}");
    let text = text.replace(
        "[[finding]]\n",
        "[[finding]]\nreason = \"agencies differ; checked with the desk\"\n",
    );
    write(&repo.join("crosscheck-baseline.toml"), &text);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "accepted findings"]);

    let green = |when: &str| {
        // From the story's own directory: config and baseline found above.
        let o = crosscheck(&story, &["check", ".", "--format", "json"]);
        assert_eq!(o.status.code(), Some(0), "{when}: {}", show(&o));
        let report = json(&o);
        // Every conflict is the one accepted; a new article may bring new
        // claims of its own that fail nothing (an unresolved "Monday").
        let conflicts: Vec<&Value> = findings(&report)
            .into_iter()
            .filter(|f| f["kind"] == "conflict")
            .collect();
        assert_eq!(conflicts.len(), 2, "{when}: {}", show(&o));
        assert!(
            conflicts
                .iter()
                .all(|f| f["baseline"]["status"] == "accepted"),
            "{when}: {}",
            show(&o)
        );
        assert!(
            report["bundles"][0].get("stale_baseline").is_none(),
            "{when}: {}",
            show(&o)
        );
    };
    green("as written");

    // Rename a file.
    git(repo, &["mv", "desk/story/b.txt", "desk/story/b-usgs.txt"]);
    green("after renaming b.txt");

    // Reorder paragraphs: the first paragraph of the body last.
    let paragraphs: Vec<&str> = A.trim_end().split("\n\n").collect();
    let mut reordered = vec![paragraphs[0]];
    reordered.extend(&paragraphs[2..]);
    reordered.push(paragraphs[1]);
    write(&story.join("a.txt"), &(reordered.join("\n\n") + "\n"));
    green("after reordering a.txt");

    // A fourth article that agrees with values already given.
    write(&story.join("d.txt"), D);
    green("after adding an agreeing article");

    // A changed figure: c now says $4.8 billion.
    write(
        &story.join("c.txt"),
        &C.replace("$4.5 billion", "$4.8 billion"),
    );
    let changed = crosscheck(&story, &["check", ".", "--format", "json"]);
    assert_eq!(changed.status.code(), Some(1), "{}", show(&changed));
    let report = json(&changed);
    let failing: Vec<&Value> = findings(&report)
        .into_iter()
        .filter(|f| f.get("baselined").is_none() && f["severity"] == "error")
        .collect();
    assert_eq!(
        failing.len(),
        1,
        "only the damage finding fails: {}",
        show(&changed)
    );
    let f = failing[0];
    assert_eq!(f["category"], "quantity");
    assert!(f["subject"].as_str().unwrap().contains("damage"), "{f}");
    assert_eq!(f["baseline"]["status"], "changed", "{f}");
    assert_eq!(
        f["baseline"]["reason"], "agencies differ; checked with the desk",
        "{f}"
    );
    let previous = f["baseline"]["previous_values"].to_string();
    assert!(previous.contains("4.5"), "{f}");
    // Its entry was consumed as changed: nothing is stale.
    assert!(
        report["bundles"][0].get("stale_baseline").is_none(),
        "{}",
        show(&changed)
    );

    // The editors' format names that finding alone.
    let concise = crosscheck(&story, &["check", ".", "--format", "concise"]);
    let lines = String::from_utf8_lossy(&concise.stdout).to_string();
    assert_eq!(lines.lines().count(), 1, "{}", show(&concise));
    assert!(
        lines.starts_with("c.txt:5:") || lines.contains("/c.txt:5:"),
        "{lines}"
    );
    assert!(lines.contains("changed; was"), "{lines}");

    // The table says so too, with the reason.
    let table = crosscheck(&story, &["check", ".", "--width", "100"]);
    let out = String::from_utf8_lossy(&table.stdout);
    assert!(out.contains("CHANGED since the"), "{out}");
    assert!(out.contains("reason: agencies"), "{out}");
    assert_eq!(out.matches("CHANGED").count(), 1, "{out}");
}

#[test]
fn writing_one_bundle_keeps_the_others_and_stale_is_per_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for name in ["one", "two"] {
        let dir = root.join("corpus").join(name);
        std::fs::create_dir_all(&dir).unwrap();
        write(&dir.join("b.txt"), B);
        write(&dir.join("c.txt"), C);
    }
    let all = crosscheck(
        root,
        &["check", "corpus", "--write-baseline", "accepted.toml"],
    );
    assert_eq!(all.status.code(), Some(0), "{}", show(&all));
    let text = std::fs::read_to_string(root.join("accepted.toml")).unwrap();
    let text = text.replace("[[finding]]\n", "[[finding]]\nreason = \"known\"\n");
    write(&root.join("accepted.toml"), &text);
    let entries = text.matches("[[finding]]").count();
    assert!(entries >= 2, "{text}");

    // Fix bundle two's damage figure; rewrite the baseline for bundle two
    // alone: bundle one's entries and reasons stay.
    write(
        &root.join("corpus/two/c.txt"),
        &C.replace("$4.5 billion", "$4.2 billion"),
    );
    let stale = crosscheck(
        root,
        &[
            "check",
            "corpus/two",
            "--baseline",
            "accepted.toml",
            "--format",
            "json",
        ],
    );
    let report = json(&stale);
    assert_eq!(stale.status.code(), Some(0), "{}", show(&stale));
    let stale_entries = report["bundles"][0]["stale_baseline"].as_array().unwrap();
    assert_eq!(
        stale_entries.len(),
        1,
        "only bundle two's fixed finding: {}",
        show(&stale)
    );
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert_eq!(
        stderr.matches("stale baseline entry").count(),
        1,
        "{stderr}"
    );

    let two = crosscheck(
        root,
        &[
            "check",
            "corpus/two",
            "--baseline",
            "accepted.toml",
            "--write-baseline",
            "accepted.toml",
        ],
    );
    assert_eq!(two.status.code(), Some(0), "{}", show(&two));
    let after = std::fs::read_to_string(root.join("accepted.toml")).unwrap();
    assert_eq!(
        after.matches("bundle = \"corpus/one\"").count(),
        text.matches("bundle = \"corpus/one\"").count(),
        "{after}"
    );
    assert_eq!(after.matches("[[finding]]").count(), entries - 1, "{after}");
    assert_eq!(
        after.matches("reason = \"known\"").count(),
        entries - 1,
        "{after}"
    );

    // A file that is not a baseline is never replaced.
    write(&root.join("notes.toml"), "these are = my notes\n");
    let refused = crosscheck(root, &["check", "corpus", "--write-baseline", "notes.toml"]);
    assert_eq!(refused.status.code(), Some(2), "{}", show(&refused));
    assert_eq!(
        std::fs::read_to_string(root.join("notes.toml")).unwrap(),
        "these are = my notes\n"
    );
}

#[test]
fn fail_on_never_and_warning() {
    let tmp = tempfile::tempdir().unwrap();
    write(&tmp.path().join("b.txt"), B);
    write(&tmp.path().join("c.txt"), C);
    let dir = tmp.path().to_str().unwrap();
    let here = Path::new(".");
    assert_eq!(
        crosscheck(here, &["check", dir, "--no-config", "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        crosscheck(here, &["check", dir, "--no-config"])
            .status
            .code(),
        Some(1)
    );
    // Without the conflicts, nothing at error level is left.
    write(
        &tmp.path().join("c.txt"),
        "The prefecture estimates damage at $4.2 billion.\n",
    );
    write(
        &tmp.path().join("b.txt"),
        "Damage is estimated at $4.2 billion.\n",
    );
    assert_eq!(
        crosscheck(here, &["check", dir, "--no-config"])
            .status
            .code(),
        Some(0)
    );
}
