//! Any bytes as web annotations, a brat pair and a share link: see `checks::interchange`.
#![no_main]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::interchange(data));
