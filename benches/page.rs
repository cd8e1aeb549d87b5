//! Native main-text extraction speed: whole pages in, the story and metadata out.
//! `cargo bench --bench page`; criterion prints MB/s of HTML. With `GLOSS_PAGES=DIR` it reads
//! every `.html` file there (for example the article-extraction benchmark's pages,
//! decompressed), else the fixture pages written for the tests.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gloss::core::page::extract;
use std::hint::black_box;

fn pages() -> Vec<String> {
    let dir = std::env::var("GLOSS_PAGES").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages").to_string()
    });
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

fn page(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut g = c.benchmark_group("page");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("{}_pages", pages.len()), |b| {
        b.iter(|| {
            for p in &pages {
                black_box(extract(black_box(p)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, page);
criterion_main!(benches);
