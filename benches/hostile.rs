//! Parsing stays linear on hostile input: every shape of `tests/hostile/shapes.rs` at about
//! 1 MB. `cargo bench --bench hostile`; the target is at most 50 ms for each.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gloss::core::parse::parse_str;
use std::hint::black_box;
use std::time::Duration;

#[path = "../tests/hostile/shapes.rs"]
mod shapes;

fn hostile(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10).measurement_time(Duration::from_secs(2));
    for s in shapes::shapes(1_000_000) {
        g.throughput(Throughput::Bytes(s.text.len() as u64));
        g.bench_function(s.name, |b| {
            b.iter(|| parse_str(black_box(&s.text), Some(s.format)))
        });
    }
    g.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
