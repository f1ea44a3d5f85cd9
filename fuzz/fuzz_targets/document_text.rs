//! Document text through the whole pipeline; see `checks::document_text`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::document_text(data));
