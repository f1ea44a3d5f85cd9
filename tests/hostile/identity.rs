//! Identity: documents are known by their path bytes; every skipped entry
//! is reported; nothing from a file reaches the terminal unescaped.

use super::{A, C, bundle, expect, run};

#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_checked_and_shown_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A)]);
    let name = OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.join(name), C).unwrap();
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    assert_eq!(r.code, 0, "{r:#?}");
    assert!(!r.stderr.contains("No such file"), "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let paths: Vec<_> = json["bundles"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["b/a.txt", "b/caf\u{FFFD}.txt"]);
    // Its text was read: the two hours it reports are in a finding.
    assert!(r.stdout.contains("two hours"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_warnings_naming_them() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A), ("c.txt", C)]);
    std::os::unix::fs::symlink("loop2.txt", dir.join("loop1.txt")).unwrap();
    std::os::unix::fs::symlink("loop1.txt", dir.join("loop2.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", dir.join("dangling.md")).unwrap();
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        0,
        &[
            "warning: b/loop1.txt: not read: a symlink loop",
            "warning: b/loop2.txt: not read: a symlink loop",
            "warning: b/dangling.md: not read: a symlink to `gone.txt`, which does not exist",
        ],
    );
    assert!(r.stdout.contains("(2 documents)"), "{}", r.stdout);
}

#[test]
fn a_txt_beside_a_md_is_two_documents_not_a_clash() {
    let root = tempfile::tempdir().unwrap();
    bundle(root.path(), "b", &[("a.txt", A), ("a.md", C)]);
    let r = run(root.path(), &["check", "b", "--format", "json"]);
    assert_eq!(r.code, 0, "{r:#?}");
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<_> = json["bundles"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a.md", "a.txt"]);
    // Both were compared: the two durations conflict.
    assert!(r.stdout.contains("\"kind\": \"conflict\""), "{}", r.stdout);
}

#[test]
fn terminal_escapes_in_article_text_are_shown_not_obeyed() {
    let root = tempfile::tempdir().unwrap();
    // A clear-screen and a window-title sequence inside quoted speech, so
    // the text is shown as evidence of a quote variant.
    let a =
        "“We will \x1b[2Jprotect every \x1b]0;pwned\x07household,” Keir Starmer said on Tuesday.\n";
    let b = "“We will protect every household,” Keir Starmer said on Tuesday.\n";
    bundle(root.path(), "b", &[("a.txt", a), ("c.txt", b)]);
    let r = run(root.path(), &["check", "b", "--show-unresolved"]);
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    assert!(
        !r.stdout.contains('\x1b'),
        "raw ESC reached the terminal: {}",
        r.stdout
    );
    assert!(!r.stdout.contains('\x07'), "raw BEL reached the terminal");
    assert!(r.stdout.contains("\u{241B}[2J"), "{}", r.stdout);
    // With colour, the table's own codes are there, the article's are not:
    // each cell's text is made safe before it is coloured.
    let r = run(
        root.path(),
        &["check", "b", "--show-unresolved", "--color", "always"],
    );
    assert!(r.code == 0 || r.code == 1, "{r:#?}");
    assert!(r.stdout.contains("\x1b[33m"), "no colour: {}", r.stdout);
    assert!(!r.stdout.contains("\x1b[2J"), "clear-screen obeyed");
    assert!(!r.stdout.contains("\x1b]0;"), "window title obeyed");
    assert!(!r.stdout.contains('\x07'), "raw BEL reached the terminal");
    assert!(r.stdout.contains("\u{241B}[2J"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_file_name_are_escaped_in_messages() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A)]);
    std::fs::write(dir.join("\x1b[31mred.txt"), b"bad \xff utf-8").unwrap();
    let r = run(root.path(), &["check", "b"]);
    expect(&r, 2, &["b/\u{241B}[31mred.txt:1:5: not valid UTF-8"]);
    assert!(!r.stderr.contains('\x1b'), "{}", r.stderr);
    assert!(!r.stdout.contains('\x1b'), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn one_file_under_two_names_is_checked_once() {
    let root = tempfile::tempdir().unwrap();
    let dir = bundle(root.path(), "b", &[("a.txt", A), ("c.txt", C)]);
    std::os::unix::fs::symlink("a.txt", dir.join("latest.txt")).unwrap();
    let r = run(root.path(), &["check", "b"]);
    expect(
        &r,
        0,
        &["warning: b/latest.txt: the same file as b/a.txt; checked once"],
    );
    assert!(r.stdout.contains("(2 documents)"), "{}", r.stdout);
}
