//! Any text through the graph and every export: see `checks::exports`.
#![no_main]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::exports(data));
