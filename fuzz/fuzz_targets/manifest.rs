//! Manifest bytes, parsed and loaded; see `checks::manifest`.
#![no_main]

use std::sync::LazyLock;

#[path = "../checks.rs"]
mod checks;

static SCRATCH: LazyLock<checks::Scratch> = LazyLock::new(checks::Scratch::new);

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::manifest(data, &SCRATCH));
