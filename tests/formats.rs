//! Every output format, parsed as its consumer parses it: SARIF against the
//! published SARIF 2.1.0 JSON schema (`tests/sarif/`), JUnit with an XML
//! parser, GitHub annotations against the workflow-command syntax the
//! Actions toolkit documents, Markdown with a CommonMark parser, concise
//! lines with the `path:line:col:` form editors jump from, JSON lines line
//! by line. Each runs on corpus bundles and on `tests/fixtures/hostile`,
//! whose text is full of markup and control characters.

use std::path::Path;

use crosscheck::baseline::Baseline;
use crosscheck::report::{self, Format, Options, Report};
use crosscheck::rules::Rules;

fn report_of(paths: &[&str]) -> Report {
    let rules = Rules::builtin().expect("built-in rules load");
    let paths: Vec<std::path::PathBuf> = paths.iter().map(|p| p.into()).collect();
    let (sources, errors) = crosscheck::load::discover(&paths);
    assert!(errors.is_empty(), "{errors:?}");
    let checked: Vec<_> = sources
        .iter()
        .map(|s| crosscheck::check_bundle(crosscheck::load::load_bundle(s), &rules))
        .collect();
    Report::new(&checked, Vec::new())
}

const BUNDLES: &[&str] = &[
    "corpus/putin-trump-call-2025-03-18",
    "corpus/hokkaido-quake-2025-10-27",
    "corpus/iberian-cup-final-2025-05-24",
    "tests/fixtures/hostile",
];

/// The same bundles with a baseline that accepts every finding but one,
/// and the reasons given, so baseline states show in every format.
fn baselined() -> Report {
    let mut report = report_of(BUNDLES);
    let (mut b, _) = Baseline::from_report(&report, None, Path::new("."));
    for e in &mut b.findings {
        e.reason = Some("checked <b>by</b> the desk | \"ok\"".into());
    }
    b.findings.remove(0);
    b.apply(&mut report, Path::new("."));
    report
}

fn all_options() -> Options {
    Options {
        unresolved: true,
        ..Options::default()
    }
}

fn evidence_texts(report: &Report) -> Vec<String> {
    report
        .findings()
        .flat_map(|f| f.values.iter().flat_map(|v| v.evidence.iter()))
        .map(|e| e.text.clone())
        .collect()
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    // The published `language` patterns end in `]?$`: in ECMAScript a lone
    // `]` is a literal, but the validator's meta-schema check rejects it.
    // Escaping it (`\]`) means the same; the file itself stays verbatim.
    let text = include_str!("sarif/sarif-schema-2.1.0.json");
    let flawed = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(flawed));
    let text = text.replace(flawed, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    // The validator does reject what the schema forbids.
    let mut bad: serde_json::Value = serde_json::from_str(&report::render(
        &report_of(BUNDLES),
        Format::Sarif,
        &all_options(),
    ))
    .unwrap();
    bad["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&bad));
    for report in [report_of(BUNDLES), baselined()] {
        let out = report::render(&report, Format::Sarif, &all_options());
        let log: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), report.findings().count());
        // Every result's location is where its evidence is, and its rule is
        // listed at the index it gives.
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
            let loc = &r["locations"][0]["physicalLocation"];
            let text = loc["region"]["snippet"]["text"].as_str().unwrap();
            let file = loc["artifactLocation"]["uri"].as_str().unwrap();
            let line = loc["region"]["startLine"].as_u64().unwrap() as usize;
            let col = loc["region"]["startColumn"].as_u64().unwrap() as usize;
            assert_eq!(at(&percent_decode(file), line, col, text), text, "{r}");
        }
    }
    // With a baseline: accepted results are suppressed with the reason, one
    // is new.
    let out = report::render(&baselined(), Format::Sarif, &all_options());
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let new = results
        .iter()
        .filter(|r| r["baselineState"] == "new")
        .count();
    assert_eq!(new, 1);
    let suppressed = results
        .iter()
        .filter(|r| r["suppressions"][0]["justification"] == "checked <b>by</b> the desk | \"ok\"")
        .count();
    assert_eq!(suppressed, results.len() - 1);
}

/// The text of `file` at 1-based `line` and `column` (Unicode scalar
/// values), as long as `like`.
fn at(file: &str, line: usize, column: usize, like: &str) -> String {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let l = text
        .lines()
        .nth(line - 1)
        .unwrap_or_else(|| panic!("{file}:{line}"));
    l.chars()
        .skip(column - 1)
        .take(like.chars().count())
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn junit_parses_as_xml_with_consistent_counts() {
    for report in [report_of(BUNDLES), baselined()] {
        let out = report::render(&report, Format::Junit, &all_options());
        let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        let suites: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name("testsuite"))
            .collect();
        assert_eq!(suites.len(), report.bundles.len());
        let mut failures = 0;
        for (suite, bundle) in suites.iter().zip(&report.bundles) {
            assert_eq!(suite.attribute("name"), Some(bundle.path.as_str()));
            let cases: Vec<_> = suite
                .children()
                .filter(|n| n.has_tag_name("testcase"))
                .collect();
            let count = |tag: &str| {
                cases
                    .iter()
                    .filter(|c| c.children().any(|n| n.has_tag_name(tag)))
                    .count()
            };
            assert_eq!(
                suite.attribute("tests"),
                Some(cases.len().to_string().as_str())
            );
            assert_eq!(
                suite.attribute("failures"),
                Some(count("failure").to_string().as_str())
            );
            assert_eq!(
                suite.attribute("skipped"),
                Some(count("skipped").to_string().as_str())
            );
            failures += count("failure");
        }
        let failing = report
            .findings()
            .filter(|f| report::fails(f, Some(crosscheck::compare::Severity::Error)))
            .count();
        assert_eq!(failures, failing);
        assert_eq!(
            root.attribute("failures"),
            Some(failing.to_string().as_str())
        );
        // Markup in the articles is text in the XML.
        let all_text: String = doc.descendants().filter_map(|n| n.text()).collect();
        for t in evidence_texts(&report) {
            let t = t.replace('\u{1b}', "\u{fffd}");
            if t.contains("<script>") {
                assert!(all_text.contains(&t), "{t}");
            }
        }
        assert!(
            !doc.descendants()
                .any(|n| n.has_tag_name("script") || n.has_tag_name("b"))
        );
    }
}

/// `::command key=value,key=value::message`, as the Actions toolkit writes
/// and reads workflow commands.
#[test]
fn github_annotations_follow_the_workflow_command_syntax() {
    let re = regex::Regex::new(
        r"^::(error|warning|notice)(?: ((?:file|line|endLine|col|endColumn|title)=[^,:]*(?:,(?:file|line|endLine|col|endColumn|title)=[^,:]*)*))?::(.*)$",
    )
    .unwrap();
    let unescape = |s: &str| {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let report = baselined();
    let out = report::render(&report, Format::Github, &all_options());
    let mut annotations = 0;
    for line in out.lines() {
        if !line.starts_with("::") {
            assert!(line.starts_with("crosscheck: "), "{line}");
            continue;
        }
        let caps = re
            .captures(line)
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        annotations += 1;
        let props: std::collections::HashMap<String, String> = caps
            .get(2)
            .map_or("", |m| m.as_str())
            .split(',')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), unescape(v)))
            .collect();
        let message = unescape(&caps[3]);
        let file = &props["file"];
        let line_no: usize = props["line"].parse().unwrap();
        let col: usize = props["col"].parse().unwrap();
        let end: usize = props["endColumn"].parse().unwrap();
        let text = at(file, line_no, col, &"x".repeat(end - col));
        assert!(message.contains(&text), "{message:?} lacks {text:?}");
    }
    // Accepted findings are not annotated; the others, unresolved too, are.
    let expected = report.findings().filter(|f| !f.baselined).count();
    assert_eq!(annotations, expected);
    assert!(expected >= 1);
}

#[test]
fn markdown_renders_as_commonmark_with_document_text_as_text() {
    use pulldown_cmark::{Event, Options as Md, Parser, Tag, TagEnd};
    let report = baselined();
    let out = report::render(&report, Format::Markdown, &all_options());
    let mut md = Md::empty();
    md.insert(Md::ENABLE_TABLES);
    md.insert(Md::ENABLE_STRIKETHROUGH);
    let mut rows = 0;
    let mut in_table = false;
    let mut text = String::new();
    for event in Parser::new_ext(&out, md) {
        match event {
            Event::Start(Tag::Table(_)) => in_table = true,
            Event::End(TagEnd::Table) => in_table = false,
            Event::Start(Tag::TableRow) if in_table => rows += 1,
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => {
                // The only HTML is what the format writes itself.
                let h = h.trim();
                assert!(
                    ["<br>", "<details>", "</details>", "<summary>", "</summary>"]
                        .iter()
                        .any(|ok| h.starts_with(ok)),
                    "document text became HTML: {h:?}"
                );
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                panic!("a link from document text: {dest_url}")
            }
            _ => {}
        }
    }
    let shown_findings = report.findings().count();
    let agreements: usize = report.bundles.iter().map(|b| b.agreements.len()).sum();
    assert_eq!(rows, shown_findings + agreements);
    for t in evidence_texts(&report) {
        let flat = t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('\u{1b}', "\u{fffd}");
        assert!(text.contains(&flat), "{flat:?} is not shown as text");
    }
}

#[test]
fn concise_lines_point_at_the_evidence() {
    let re = regex::Regex::new(
        r"^(.+):(\d+):(\d+): (error|warning|info) (conflict|variant|unresolved)/([a-z]+): (.+) \[([0-9a-f]{16})\]$",
    )
    .unwrap();
    let report = baselined();
    let out = report::render(&report, Format::Concise, &all_options());
    let mut lines = 0;
    for line in out.lines() {
        let c = re.captures(line).unwrap_or_else(|| panic!("{line}"));
        lines += 1;
        let f = report.findings().find(|f| f.id == c[8]).unwrap();
        let (file, l, col) = (&c[1], c[2].parse().unwrap(), c[3].parse().unwrap());
        let e = f
            .values
            .iter()
            .flat_map(|v| &v.evidence)
            .find(|e| e.path == file && e.line == l && e.column == col)
            .unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            at(file, l, col, &e.text.replace('\n', " "))
                .replace('\n', " ")
                .len(),
            e.text.replace('\n', " ").len()
        );
    }
    assert_eq!(lines, report.findings().filter(|f| !f.baselined).count());
    assert!(
        !out.contains('\u{1b}'),
        "no terminal escapes reach the terminal"
    );
}

#[test]
fn jsonl_is_one_json_object_a_line() {
    let report = report_of(BUNDLES);
    let out = report::render(&report, Format::Jsonl, &all_options());
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let count = |t: &str| lines.iter().filter(|l| l["type"] == t).count();
    assert_eq!(count("finding"), report.findings().count());
    assert_eq!(
        count("agreement"),
        report
            .bundles
            .iter()
            .map(|b| b.agreements.len())
            .sum::<usize>()
    );
    assert_eq!(lines.last().unwrap()["type"], "summary");
    assert!(
        lines
            .iter()
            .filter(|l| l["type"] == "finding")
            .all(|l| l["bundle"].is_string() && l["id"].is_string())
    );
}

#[test]
fn html_escapes_every_piece_of_document_text() {
    let report = baselined();
    let page = report::render(&report, Format::Html, &all_options());
    assert!(!page.contains("<script>alert"), "a script from an article");
    assert!(!page.contains("<img src=x"), "an image from an article");
    assert!(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!page.contains('\u{1b}'));
}
