//! Native parse speed: the sample article and a 1 MB article made from it.
//! `cargo bench --bench parse`; throughput is printed by criterion in MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gloss::core::parse::{parse_str, Format};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../seeds/000_9d83cd3958c40a29.txt");

fn parse(c: &mut Criterion) {
    let big = SAMPLE.repeat(1_000_000 / SAMPLE.len() + 1);
    let html = include_str!("../tests/fixtures/corpus/07-blinken-austin-kyiv-visit.html");
    let mut g = c.benchmark_group("parse");
    for (name, text, fmt) in [
        ("sample", SAMPLE, Format::Text),
        ("1mb", big.as_str(), Format::Text),
        ("html", html, Format::Html),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| parse_str(black_box(text), Some(fmt))));
    }
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
