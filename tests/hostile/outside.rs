//! Stay inside the bundle: manifest paths are relative and stay in the
//! bundle directory; symlinks that leave it are refused unless
//! `--follow-symlinks`; nothing outside is quoted as evidence.

use std::fs;

use super::{A, C, bundle, expect, run};

const SECRET: &str = "The secret meeting lasted 45 minutes on Tuesday.\n";

#[test]
fn a_manifest_path_climbing_out_is_refused_at_its_line() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("secret.txt"), SECRET).unwrap();
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\n\n[[document]]\nfile = \"../secret.txt\"\n",
            ),
        ],
    );
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    expect(
        &r,
        2,
        &[
            "b/bundle.toml:5:8",
            "`file = \"../secret.txt\"` leaves the bundle directory",
        ],
    );
    assert!(!r.stdout.contains("45 minutes"), "{}", r.stdout);
    // The other document is still checked.
    assert!(r.stdout.contains("\"path\": \"b/a.txt\""), "{}", r.stdout);
}

#[test]
fn an_absolute_manifest_path_is_refused() {
    let root = tempfile::tempdir().unwrap();
    bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\n[[document]]\nfile = \"/etc/passwd\"\n",
            ),
        ],
    );
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    expect(&r, 2, &["b/bundle.toml:4:8", "is an absolute path"]);
    assert!(!r.stdout.contains("root:"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_symlink_leaving_the_bundle_is_refused_unless_followed() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("secret.txt"), SECRET).unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A), ("c.txt", C)]);
    std::os::unix::fs::symlink(root.path().join("secret.txt"), dir.join("s.txt")).unwrap();

    let r = run(root.path(), &["check", "b", "--format", "json"]);
    expect(
        &r,
        2,
        &[
            "b/s.txt: not read: it is a symlink to",
            "outside the bundle directory",
            "--follow-symlinks",
        ],
    );
    assert!(!r.stdout.contains("45 minutes"), "{}", r.stdout);

    let r = run(
        root.path(),
        &["check", "b", "--format", "json", "--follow-symlinks"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    assert!(r.stdout.contains("\"path\": \"b/s.txt\""), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_listed_symlink_to_etc_passwd_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\n[[document]]\nfile = \"p.txt\"\n",
            ),
        ],
    );
    std::os::unix::fs::symlink("/etc/passwd", dir.join("p.txt")).unwrap();
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    expect(&r, 2, &["b/bundle.toml:4:8", "symlink to /etc/passwd"]);
    assert!(!r.stdout.contains("root:"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_symlink_within_the_bundle_is_read() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A), ("sub/c.text", C)]);
    std::os::unix::fs::symlink("sub/c.text", dir.join("c.txt")).unwrap();
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    assert_eq!(r.code, 0, "{r:#?}");
    assert!(r.stdout.contains("\"path\": \"b/c.txt\""), "{}", r.stdout);
    assert!(r.stdout.contains("two hours"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_symlinked_bundle_leaving_a_collection_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let elsewhere = root.path().join("elsewhere");
    bundle(&elsewhere, "private", &[("a.txt", SECRET)]);
    let corpus = root.path().join("corpus");
    bundle(&corpus, "one", &[("a.txt", A), ("c.txt", C)]);
    std::os::unix::fs::symlink(elsewhere.join("private"), corpus.join("two")).unwrap();
    let r = run(root.path(), &["check", "corpus"]);
    expect(
        &r,
        2,
        &[
            "corpus/two: not read: it is a symlink to",
            "outside the collection",
        ],
    );
    assert!(!r.stdout.contains("45 minutes"), "{}", r.stdout);
    assert!(r.stdout.contains("corpus/one"), "{}", r.stdout);
}
