//! Any text through the suggestion pipeline: see `checks::suggest`.
#![no_main]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::suggest(data));
