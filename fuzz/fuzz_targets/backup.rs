//! Any bytes as a library backup, and as the files of a folder: see `checks::backup`.
#![no_main]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::backup(data));
