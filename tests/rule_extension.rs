//! A user extends the shapes of clock times and dates with `--rules DIR`,
//! without touching code: a new shape in a `zones.toml` or `calendar.toml`
//! of their own is picked up, its examples run, and a broken shape is an
//! error that points at its line.

use crosscheck::claim::Category;
use crosscheck::load::{Document, Published};
use crosscheck::rules::{Rules, run_examples};

/// The displayed values of `category` that `rules` find in `text`.
fn values(rules: &Rules, text: &str, category: Category) -> Vec<String> {
    let mut doc = Document::from_text("d", text);
    doc.published = Some(Published::parse("2025-03-18").expect("a valid day"));
    doc.timezone = Some("Europe/Paris".parse().expect("a valid zone"));
    crosscheck::analyse_document(&doc, rules)
        .claims
        .iter()
        .filter(|c| c.category == category)
        .map(|c| c.value.display())
        .collect()
}

fn rules_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Result<Rules, String>) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("the rule file is written");
    }
    let rules = Rules::load(Some(dir.path())).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    });
    (dir, rules)
}

/// French style "14h30": the hour, an "h", the minutes.
const FRENCH_CLOCK: &str = r#"
[[clock]]
id = "french_h"
pattern = '\b(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d)\b'
stands = "alone"

[[example]]
text = "The summit opened at 14h30 GMT on 18 March 2025."
expect = "14:30 UTC"
span = "14h30 GMT"

[[allow]]
text = "The summit on 18 March 2025 drew 14 hundred people."
why = "a count, not a time"
"#;

const SENTENCE: &str = "The summit opened at 14h30 on 18 March 2025.";

#[test]
fn a_new_clock_shape_is_picked_up_from_a_user_rules_dir() {
    let builtin = Rules::builtin().expect("built-in rules load");
    assert!(
        values(&builtin, SENTENCE, Category::Time).is_empty(),
        "the built-in rules do not read 14h30"
    );
    let (_dir, rules) = rules_with(&[("zones.toml", FRENCH_CLOCK)]);
    let rules = rules.expect("the user's clock shape loads");
    // 14:30 in Paris on 18 March (UTC+1) is 13:30 UTC.
    assert_eq!(values(&rules, SENTENCE, Category::Time), ["13:30 UTC"]);
    // The user's own examples run with theirs.
    let (count, failures) = run_examples(&rules, |name| name == "zones.toml");
    assert!(failures.is_empty(), "{failures:?}");
    assert!(count > 2);
}

#[test]
fn a_new_date_shape_is_picked_up_from_a_user_rules_dir() {
    let shape = r#"
[[shape]]
id = "year_first_slashes"
form = "ymd"
pattern = '\b{year}/(?P<m>[01]\d)/(?P<d>[0-3]\d)\b'

[[example]]
text = "The summit opened on 2025/03/18."
expect = "2025-03-18"
"#;
    let text = "The summit opened on 2025/03/20.";
    let builtin = Rules::builtin().expect("built-in rules load");
    assert!(values(&builtin, text, Category::Date).is_empty());
    let (_dir, rules) = rules_with(&[("calendar.toml", shape)]);
    let rules = rules.expect("the user's date shape loads");
    assert_eq!(values(&rules, text, Category::Date), ["2025-03-20"]);
    let (_, failures) = run_examples(&rules, |name| name == "calendar.toml");
    assert!(failures.is_empty(), "{failures:?}");
}

/// The line of `needle` in `text`, counted from 1.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("the needle is in the text");
    text[..at].matches('\n').count() + 1
}

#[test]
fn an_unknown_reference_is_an_error_at_its_line() {
    let text = "\n[[shape]]\nid = \"x\"\nform = \"day\"\npattern = '{dya} {month}'\n";
    let (dir, rules) = rules_with(&[("calendar.toml", text)]);
    let message = rules.err().expect("an unknown reference does not load");
    let path = dir.path().join("calendar.toml");
    let want = format!("{}:{}:", path.display(), line_of(text, "pattern"));
    assert!(message.contains(&want), "{message}");
    assert!(message.contains("{dya}"), "{message}");
}

#[test]
fn a_shape_without_the_captures_its_form_needs_is_an_error() {
    // A 24-hour clock written "14h30" but with the hour captured as "hour".
    let text = "[[clock]]\npattern = '(?P<hour>\\d\\d)h(?P<m>\\d\\d)'\n";
    let (_dir, rules) = rules_with(&[("zones.toml", text)]);
    let message = rules.err().expect("a wrong capture name does not load");
    assert!(message.contains("zones.toml:2:"), "{message}");
    assert!(message.contains("hour"), "{message}");

    let text = "[[shape]]\nform = \"day\"\npattern = '\\b{day} of the month'\n";
    let (_dir, rules) = rules_with(&[("calendar.toml", text)]);
    let message = rules
        .err()
        .expect("a day shape without a month does not load");
    assert!(message.contains("calendar.toml:3:"), "{message}");
    assert!(message.contains("mon"), "{message}");
}
