//! Never hang, never read without end: fifos, devices and huge files are
//! refused with a message naming them (and the cap), quickly.

use std::fs;

use super::{A, C, bundle, expect, run};

#[cfg(unix)]
#[test]
fn a_fifo_listed_in_the_manifest_is_an_error_not_a_hang() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\n[[document]]\nfile = \"pipe.txt\"\n",
            ),
        ],
    );
    super::mkfifo(&dir.join("pipe.txt"));
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &[
            "b/bundle.toml:4:8",
            "`b/pipe.txt` not read: a fifo (named pipe), not a regular file",
        ],
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_found_in_the_directory_is_skipped_with_a_warning() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A), ("c.txt", C)]);
    super::mkfifo(&dir.join("pipe.md"));
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        0,
        &["warning: b/pipe.md: not read: a fifo (named pipe), not a regular file"],
    );
    assert!(r.stdout.contains("(2 documents)"), "{}", r.stdout);
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_is_refused_even_through_an_allowed_symlink() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(
        root.path(),
        "b",
        &[
            ("a.txt", A),
            (
                "bundle.toml",
                "[[document]]\nfile = \"a.txt\"\n[[document]]\nfile = \"zero.txt\"\n",
            ),
        ],
    );
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    let r = run(root.path(), &["check", "b", "--follow-symlinks"]);
    expect(
        &r,
        2,
        &["`b/zero.txt` not read: a character device, not a regular file"],
    );
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &["symlink to /dev/zero, outside the bundle directory"],
    );
}

#[test]
fn a_200_mb_document_is_refused_by_the_size_cap_naming_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A)]);
    // Sparse: 200 MB on paper, no disk used; never read, so no memory either.
    let big = fs::File::create(dir.join("big.txt")).unwrap();
    big.set_len(200 * 1000 * 1000).unwrap();
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        2,
        &[
            "b/big.txt: not read: it is 190.7 MiB, over the limit of 64 MiB per file (--max-document-size)",
        ],
    );
    assert!(r.stdout.contains("(1 document)"), "{}", r.stdout);
}

#[test]
fn the_size_cap_can_be_set() {
    let root = tempfile::tempdir().unwrap();
    bundle(root.path(), "b", &[("a.txt", A), ("c.txt", &C.repeat(100))]);
    let r = run(root.path(), &["check", "b", "--max-document-size", "1KiB"]);
    expect(
        &r,
        2,
        &["b/c.txt: not read: it is 3.7 KiB, over the limit of 1 KiB per file"],
    );
    let r = run(root.path(), &["check", "b", "--max-document-size", "1MiB"]);
    assert_eq!(r.code, 0, "{r:#?}");
    let r = run(root.path(), &["check", "b", "--max-document-size", "lots"]);
    expect(&r, 2, &["`lots` is not a size"]);
}

#[cfg(unix)]
#[test]
fn a_baseline_or_config_that_is_a_fifo_or_a_device_is_an_error_not_a_hang() {
    let root = tempfile::tempdir().unwrap();
    bundle(root.path(), "b", &[("a.txt", A), ("c.txt", C)]);
    super::mkfifo(&root.path().join("accepted.toml"));
    let r = run(root.path(), &["check", "b", "--baseline", "accepted.toml"]);
    expect(
        &r,
        2,
        &["accepted.toml: not read: a fifo (named pipe), not a regular file"],
    );
    // The bundle is still checked and reported.
    assert!(r.stdout.contains("(2 documents)"), "{}", r.stdout);
    #[cfg(target_os = "linux")]
    {
        let r = run(root.path(), &["check", "b", "--baseline", "/dev/zero"]);
        expect(
            &r,
            2,
            &["/dev/zero: not read: a character device, not a regular file"],
        );
    }
    let r = run(root.path(), &["check", "b", "--config", "accepted.toml"]);
    expect(
        &r,
        2,
        &["accepted.toml: not read: a fifo (named pipe), not a regular file"],
    );
}

#[cfg(target_os = "linux")]
#[test]
fn standard_input_is_read_up_to_the_size_cap() {
    let root = tempfile::tempdir().unwrap();
    let mut cmd = super::bin();
    cmd.current_dir(root.path())
        .args(["check", "-", "--no-config", "--max-document-size", "1MiB"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    let r = super::wait(&mut child);
    expect(
        &r,
        2,
        &["<stdin>: not read: standard input is over the limit of 1 MiB per document"],
    );
}
