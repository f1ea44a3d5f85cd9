//! No panics: untrusted numbers, a closed pipe and a full disk end in a
//! result or a message, never in exit code 101.

use super::{A, bundle, expect, run};

#[test]
fn a_number_with_65536_decimals_is_checked_not_a_panic() {
    let root = tempfile::tempdir().unwrap();
    let long = format!(
        "Inflation rose to 1.{} per cent in March.\n",
        "5".repeat(65_536)
    );
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", &long),
            ("c.txt", "Inflation rose to 2 per cent in March.\n"),
        ],
    );
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    // The document's claims are kept: its figure is in the report.
    assert!(r.stdout.contains("\"path\": \"b/a.txt\""), "{}", r.stdout);
    assert!(
        r.stdout.contains("1.5555"),
        "{}",
        &r.stdout[..r.stdout.len().min(2000)]
    );
}

/// Every subcommand that prints, with its arguments.
fn printing_commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["explain"],
        vec!["explain", "conflict"],
        vec!["rules", "show"],
        vec!["rules", "show", "zones.toml"],
        vec!["rules", "test"],
        vec!["check", "b"],
    ]
}

#[test]
fn a_closed_pipe_ends_every_subcommand_quietly() {
    let root = tempfile::tempdir().unwrap();
    bundle(root.path(), "b", &[("a.txt", A)]);
    for args in printing_commands() {
        // The reading end is closed before crosscheck starts, so its first
        // write meets a broken pipe (as `crosscheck … | head -0` would).
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut cmd = super::bin();
        cmd.current_dir(root.path())
            .args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(writer)
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        drop(cmd);
        let r = super::wait(&mut child);
        assert_eq!(r.code, 0, "{args:?}: {r:#?}");
        assert_eq!(r.stderr, "", "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_2_with_a_message() {
    let root = tempfile::tempdir().unwrap();
    bundle(root.path(), "b", &[("a.txt", A)]);
    for args in printing_commands() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut cmd = super::bin();
        cmd.current_dir(root.path())
            .args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(full)
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        drop(cmd);
        let r = super::wait(&mut child);
        expect(
            &r,
            2,
            &["cannot write standard output: No space left on device"],
        );
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
    }
}
