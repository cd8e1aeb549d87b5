//! Native layout speed: the 2,000-node, 10,000-edge graph of `tests/e2e/graph-bench.mjs`
//! (same generator), laid out to the core's stopping criterion, and the sample's graph.
//! `cargo bench --bench layout`. d3-force is compared in Chromium, not here.

use criterion::{criterion_group, criterion_main, Criterion};
use gloss::core::graph::{build, synthetic_edges, Source};
use gloss::core::layout::{layout, seed_positions, Params};
use gloss::core::library::Article;
use gloss::core::parse::parse_str;
use gloss::core::relations::Identities;
use std::hint::black_box;

const SAMPLE: &str = include_str!("../seeds/000_9d83cd3958c40a29.txt");

fn run(n: usize, edges: &[(usize, usize, f64)]) -> usize {
    let p = Params::default();
    let start = seed_positions(n, edges, &[], p.spring_length);
    layout(n, edges, &start, &[], &p).iterations
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("layout");
    g.sample_size(10);
    let big: Vec<(usize, usize, f64)> = synthetic_edges(2000, 10000)
        .into_iter()
        .map(|(a, b)| (a, b, 1.0))
        .collect();
    g.bench_function("2000_nodes_10000_edges", |b| {
        b.iter(|| run(2000, black_box(&big)))
    });
    let a = Article::new("s".into(), parse_str(SAMPLE, None), None, "t");
    let x = gloss::core::extract::extract(&a.doc);
    let graph = build(
        &[Source {
            article: &a,
            extraction: Some(&x),
        }],
        &Identities::default(),
        &gloss::core::rating::Scale::statuses(),
    );
    let edges = graph.layout_edges();
    g.bench_function("sample_graph", |b| {
        b.iter(|| run(graph.nodes.len(), black_box(&edges)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
