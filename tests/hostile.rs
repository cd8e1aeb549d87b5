//! Hostile and odd inputs (`hostile/shapes.rs`) parse without panic into a document whose
//! every span is on a character boundary. Their speed is a figure, not a test:
//! `cargo bench --bench hostile`.
#![cfg(not(target_arch = "wasm32"))]

use gloss::core::parse::parse_str;

mod hostile {
    pub mod shapes;
}

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
