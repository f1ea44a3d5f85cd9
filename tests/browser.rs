//! The pages of `crosscheck report` in a real browser: headless Chromium
//! (Debian's `chromium` package, which `.ci/run` installs) loads every page
//! with no network, a fresh profile and every background service off. A
//! page fails on any console message (a script error, a refused resource,
//! a Content-Security-Policy violation), and the hostile fixture's
//! `<script>` and `"><img onerror=…>` must reach the page as text: the
//! parsed DOM holds no element they could have made.
//!
//! Set `CROSSCHECK_SKIP_BROWSER=1` to skip it where Chromium cannot be
//! installed; it is never skipped silently.

use std::path::Path;
use std::process::Command;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Loads a page; returns the DOM after load and the console lines.
fn load(browser: &str, page: &Path, profile: &Path) -> (String, Vec<String>) {
    load_url(browser, &format!("file://{}", page.display()), profile)
}

fn load_url(browser: &str, url: &str, profile: &Path) -> (String, Vec<String>) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=2000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "chromium failed on {url}: {out:?}");
    let console: Vec<String> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains("CONSOLE"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

#[test]
fn report_pages_load_cleanly_and_show_hostile_text_as_text() {
    if std::env::var_os("CROSSCHECK_SKIP_BROWSER").is_some() {
        eprintln!("browser test skipped: CROSSCHECK_SKIP_BROWSER is set");
        return;
    }
    let browser = chromium().expect(
        "the browser test needs Chromium: apt-get install -y chromium (or set CROSSCHECK_SKIP_BROWSER=1)",
    );
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "report",
            "corpus/putin-trump-call-2025-03-18",
            "corpus/hokkaido-quake-2025-10-27",
            "tests/fixtures/hostile",
            "--no-config",
            "--output",
        ])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut pages: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 4, "{pages:?}");
    for page in &pages {
        let profile = tempfile::tempdir().unwrap();
        let (dom, console) = load(browser, page, profile.path());
        assert!(
            console.is_empty(),
            "{}: console says:\n{}",
            page.display(),
            console.join("\n")
        );
        assert!(
            dom.contains("</body>"),
            "{}: no page: {dom}",
            page.display()
        );
        let name = page.file_name().unwrap().to_string_lossy();
        // Only the index has a script (its search box); no page has an image.
        let scripts = dom.matches("<script").count();
        assert_eq!(scripts, usize::from(name == "index.html"), "{name}");
        assert!(!dom.contains("<img"), "{name}: an image element");
        if name == "hostile.html" {
            // The article's markup, as text in the page.
            assert!(
                dom.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
                "{dom}"
            );
            assert!(
                dom.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"),
                "the sentence around the magnitude keeps the attack as text: {dom}"
            );
            assert!(!dom.contains("<b>bridge</b>"), "{dom}");
        }
    }
}

/// The index's search runs (the policy allows its one script) and filters:
/// `#hokkaido` in the address leaves one bundle shown.
#[test]
fn the_index_search_filters_bundles() {
    if std::env::var_os("CROSSCHECK_SKIP_BROWSER").is_some() {
        return;
    }
    let Some(browser) = chromium() else {
        panic!("the browser test needs Chromium: apt-get install -y chromium");
    };
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "report",
            "corpus/putin-trump-call-2025-03-18",
            "corpus/hokkaido-quake-2025-10-27",
            "corpus/iwate-quake-2025-11-10",
            "--no-config",
            "--output",
        ])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(matches!(run.status.code(), Some(0 | 1)));
    let url = format!("file://{}#hokkaido", out_dir.join("index.html").display());
    let (dom, console) = load_url(browser, &url, &tmp.path().join("profile"));
    assert!(console.is_empty(), "{}", console.join("\n"));
    let rows: Vec<&str> = dom.split("<tr").skip(2).collect();
    assert_eq!(rows.len(), 3, "{dom}");
    let hidden = rows.iter().filter(|r| r.starts_with(" hidden")).count();
    assert_eq!(hidden, 2, "two of three rows filtered out: {dom}");
}

/// The browser does report a console error when there is one: a page with
/// a script that the policy refuses.
#[test]
fn the_console_check_can_fail() {
    if std::env::var_os("CROSSCHECK_SKIP_BROWSER").is_some() {
        return;
    }
    let Some(browser) = chromium() else {
        panic!("the browser test needs Chromium: apt-get install -y chromium");
    };
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("bad.html");
    std::fs::write(
        &page,
        "<!doctype html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><p>x</p><script>console.log('ran')</script>",
    )
    .unwrap();
    let (_, console) = load(browser, &page, &tmp.path().join("profile"));
    assert!(!console.is_empty(), "a refused script shows in the console");
}
