//! Native suggestion speed: parse + entities + claims over the shared corpus's five
//! articles repeated to about 1 MB (the test fixtures hold copies of their texts).
//! `cargo bench --bench extract`; criterion prints MB/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gloss::core::{parse, pipeline};
use std::hint::black_box;

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let one: String = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap() + "\n\n")
        .collect();
    one.repeat(1_000_000 / one.len() + 1)
}

fn analyse(text: &str) -> usize {
    let p = parse::parse_str(text, Some(parse::Format::Text));
    let f = pipeline::findings(&p.document);
    f.suggestions.len() + f.extraction.mentions.len()
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let sample = include_str!("../seeds/000_9d83cd3958c40a29.txt");
    let mut g = c.benchmark_group("suggest");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("corpus_1mb", |b| b.iter(|| analyse(black_box(&text))));
    g.throughput(Throughput::Bytes(sample.len() as u64));
    g.bench_function("sample", |b| b.iter(|| analyse(black_box(sample))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
