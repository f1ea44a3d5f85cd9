//! `crosscheck.toml` end to end: found by walking up from the checked path
//! (here two directories up), its settings applied, the command line
//! winning over it, and `--no-config` ignoring it.

use std::path::Path;
use std::process::{Command, Output};

fn crosscheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("crosscheck runs")
}

#[test]
fn settings_come_from_the_nearest_config_above() {
    let tmp = tempfile::tempdir().unwrap();
    let story = tmp.path().join("desk/stories/quake");
    std::fs::create_dir_all(&story).unwrap();
    std::fs::write(
        story.join("a.txt"),
        "A magnitude 6.8 earthquake struck on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        story.join("b.txt"),
        "The strength of the earthquake was magnitude 6.9, the survey said.\n",
    )
    .unwrap();
    // The desk has decided quantity conflicts are for information only, and
    // wants the editors' format.
    std::fs::write(
        tmp.path().join("desk/crosscheck.toml"),
        "format = \"concise\"\n\n[severity]\nquantity = \"info\"\n",
    )
    .unwrap();

    let run = crosscheck(&story, &["check", "."]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{out}");
    assert!(out.contains(": info conflict/quantity:"), "{out}");

    // The command line wins over the file.
    let run = crosscheck(
        &story,
        &["check", ".", "--fail-on", "info", "--format", "json"],
    );
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stdout).starts_with('{'));

    // Without the file: the defaults (an error, the table).
    let run = crosscheck(&story, &["check", ".", "--no-config"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stdout).contains("┌"));

    // A file named with --config, from elsewhere.
    std::fs::write(tmp.path().join("strict.toml"), "fail-on = \"never\"\n").unwrap();
    let strict = tmp.path().join("strict.toml");
    let run = crosscheck(
        &story,
        &["check", ".", "--config", strict.to_str().unwrap()],
    );
    assert_eq!(run.status.code(), Some(0));
}
