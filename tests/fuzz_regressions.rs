//! The fuzz targets' checks (`fuzz/checks.rs`), run natively over each target's seeds and
//! over every input a fuzzer once found failing (`fuzz/regressions/<target>/`, kept after
//! the fix), so they fail here if the bug comes back. Fuzzing itself: `scripts/fuzz.sh`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

#[test]
fn fuzz_seeds_and_regressions_pass_their_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut ran = 0;
    for (name, check) in checks::TARGETS {
        for dir in ["seeds", "regressions"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(name)) else {
                continue;
            };
            for e in entries.flatten() {
                let bytes = std::fs::read(e.path()).expect("readable input");
                let r = std::panic::catch_unwind(|| check(&bytes));
                assert!(r.is_ok(), "{name}: {} fails", e.path().display());
                ran += 1;
            }
        }
    }
    assert!(ran >= 10, "seeds found: {ran}");
}

#[test]
fn the_file_seeds_are_files_gloss_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/import");
    for f in ["v1.json", "v4.json"] {
        let bytes = std::fs::read(root.join(f)).expect("seed");
        if let Err(e) = gloss::core::format::import_file(&bytes) {
            panic!("{f}: {e}");
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/backup");
    for f in ["one.json", "two.json", "empty.json", "copies.json"] {
        let bytes = std::fs::read(root.join(f)).expect("seed");
        if let Err(e) = gloss::core::backup::read_backup(&bytes) {
            panic!("{f}: {e}");
        }
    }
}

/// A figure, not a test: the slowest input of each target's corpus (a directory of
/// per-target corpora, `GLOSS_FUZZ_CORPUS=fuzz/corpus`), timed natively in release.
#[test]
#[ignore]
fn slowest_corpus_input_of_each_target() {
    let Some(dir) = std::env::var_os("GLOSS_FUZZ_CORPUS") else {
        println!("set GLOSS_FUZZ_CORPUS to a directory of per-target corpora");
        return;
    };
    for (name, check) in checks::TARGETS {
        let Ok(entries) = std::fs::read_dir(Path::new(&dir).join(name)) else {
            continue;
        };
        let (mut n, mut slowest) = (0, (std::time::Duration::ZERO, 0, String::new()));
        for e in entries.flatten() {
            let Ok(bytes) = std::fs::read(e.path()) else {
                continue;
            };
            let t = std::time::Instant::now();
            check(&bytes);
            let took = t.elapsed();
            n += 1;
            if took > slowest.0 {
                slowest = (
                    took,
                    bytes.len(),
                    e.file_name().to_string_lossy().into_owned(),
                );
            }
        }
        println!(
            "{name}: {n} inputs, slowest {:.2} ms ({} bytes, {})",
            slowest.0.as_secs_f64() * 1e3,
            slowest.1,
            slowest.2
        );
    }
}
