//! Hostile and odd inputs (`hostile/shapes.rs`) parse without panic into a document whose
//! every span is on a character boundary. Their speed is a figure, not a test:
//! `cargo bench --bench hostile`.
#![cfg(not(target_arch = "wasm32"))]

use gloss::core::parse::{parse_str, Format};
use gloss::core::pipeline;

mod hostile {
    pub mod prose;
    pub mod shapes;
}

#[path = "../fuzz/checks.rs"]
mod checks;

#[test]
fn hostile_shapes_parse_into_valid_documents() {
    for s in hostile::shapes::shapes(64 * 1024) {
        let p = parse_str(&s.text, Some(s.format));
        let d = &p.document;
        for b in d.blocks() {
            assert!(
                b.span.is_valid_in(d.text()),
                "{}: block {:?}",
                s.name,
                b.span
            );
        }
        for sentence in d.sentences() {
            assert!(sentence.is_valid_in(d.text()), "{}: sentence", s.name);
        }
    }
}

/// This thread's CPU time in seconds, from /proc (10 ms ticks): a figure that holds on a
/// busy machine, where wall time does not.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // the fields after the command name, which is in parentheses
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after ')'
    (ticks(11) + ticks(12)) / 100.0
}

/// The parse time of every shape at 1 MB, in CPU milliseconds per parse:
/// `cargo test --release --test hostile -- --ignored --nocapture` (`SHAPE="html lt"` for one).
#[test]
#[ignore]
fn hostile_shapes_cpu_time_per_parse() {
    // SHAPE=name keeps one shape, to profile it
    let only = std::env::var("SHAPE").ok();
    for s in hostile::shapes::shapes(1_000_000) {
        if only.as_deref().is_some_and(|o| o != s.name) {
            continue;
        }
        let runs = 5;
        let t = cpu_seconds();
        for _ in 0..runs {
            std::hint::black_box(parse_str(&s.text, Some(s.format)));
        }
        let ms = (cpu_seconds() - t) * 1000.0 / runs as f64;
        println!(
            "{ms:8.1} ms  {}{}",
            s.name,
            if ms > 50.0 { "  > 50 ms" } else { "" }
        );
    }
}

/// Hostile prose (`hostile/prose.rs`) goes through the whole suggestion pipeline without
/// panic: every span is on character boundaries of the text (the fuzz target `suggest`'s
/// check), no mention is empty, mentions are in order and apart, and every entity's
/// mentions exist.
#[test]
fn hostile_prose_gives_valid_findings() {
    for s in hostile::prose::prose(32 * 1024) {
        let p = parse_str(&s.text, Some(Format::Text));
        let f = pipeline::findings(&p.document);
        checks::findings_on_boundaries(p.document.text(), &f, s.name);
        let ms = &f.extraction.mentions;
        assert!(
            ms.iter().all(|m| !m.span.is_empty()),
            "{}: an empty mention",
            s.name
        );
        assert!(
            ms.windows(2).all(|w| w[0].span.end() <= w[1].span.start()),
            "{}: mentions out of order or overlapping",
            s.name
        );
        for e in &f.extraction.entities {
            assert!(
                e.mentions.iter().all(|&i| i < ms.len()),
                "{}: entity {} points past the mentions",
                s.name,
                e.name
            );
        }
    }
}

/// The pipeline's time on every prose shape at 256 KB and at 1 MB, and their ratio
/// (about 4 when the pipeline is linear in its input):
/// `cargo test --release --test hostile -- --ignored --nocapture prose` (`SHAPE=name` for one).
#[test]
#[ignore]
fn hostile_prose_time_per_megabyte() {
    let only = std::env::var("SHAPE").ok();
    // the least wall time of three runs (the CPU clock's 10 ms ticks are too coarse here)
    let time = |text: &str| {
        (0..3)
            .map(|_| {
                let t = std::time::Instant::now();
                let p = parse_str(text, Some(Format::Text));
                std::hint::black_box(pipeline::findings(&p.document));
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let small = hostile::prose::prose(256 * 1024);
    for (s, big) in small.iter().zip(hostile::prose::prose(1024 * 1024)) {
        if only.as_deref().is_some_and(|o| o != s.name) {
            continue;
        }
        let (a, b) = (time(&s.text), time(&big.text));
        let ratio = b / a.max(1e-6);
        println!(
            "{:8.1} ms/MB  {:5.1}x from 256 KB to 1 MB  {}{}",
            b * 1000.0 * 1_048_576.0 / big.text.len() as f64,
            ratio,
            s.name,
            if ratio > 6.0 { "  NOT LINEAR" } else { "" }
        );
    }
}
