//! A user's rule file, loaded with the built-in rules; see
//! `checks::rule_file`.
#![no_main]

use std::sync::LazyLock;

#[path = "../checks.rs"]
mod checks;

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("temp dir"));

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::rule_file(data, DIR.path()));
