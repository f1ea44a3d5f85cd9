//! Every rule file's `[[example]]` and `[[allow]]` cases, one test per file,
//! so a failure names the file it is in.

use crosscheck::rules::{Rules, run_examples};

fn run(file: &str) {
    let rules = Rules::builtin().unwrap_or_else(|e| panic!("built-in rules do not load: {e:?}"));
    let (count, failures) = run_examples(&rules, |name| name == file);
    let report: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
    assert!(
        failures.is_empty(),
        "{} of {count} examples failed:\n{}",
        failures.len(),
        report.join("\n")
    );
}

macro_rules! rule_files {
    ($($test:ident => $file:literal,)*) => {
        $(#[test] fn $test() { run($file) })*

        /// Guards the list above: a new rule file must get its test.
        #[test]
        fn every_rule_file_has_a_test() {
            let listed = [$($file),*];
            for (name, _) in crosscheck::rules::DEFAULT_FILES {
                assert!(listed.contains(name), "rules/{name} has no test in tests/rule_examples.rs");
            }
        }
    };
}

rule_files! {
    zones => "zones.toml",
    calendar => "calendar.toml",
    entities => "entities.toml",
    titles => "titles.toml",
    quantities => "quantities.toml",
    speech => "speech.toml",
    words => "words.toml",
}
