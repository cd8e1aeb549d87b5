//! The in-browser benchmark page (`index.html?bench`): times the core's parser as wasm on
//! the sample and on a 1 MB article made from it, in this very page, and prints JSON into
//! `<pre id="bench">` for `tests/e2e/bench.mjs` to read. Not a test: no timing asserts.

use super::state::SAMPLE_TEXT;
use crate::core::parse::{parse_str, Format};
use crate::core::pipeline::findings;
use crate::web::perf_now;

/// The whole suggestion pipeline on a text: parse, entities, claims.
fn analyse(text: &str) -> usize {
    let p = parse_str(text, Some(Format::Text));
    let f = findings(&p.document);
    f.suggestions.len() + f.extraction.mentions.len()
}
use leptos::prelude::*;

fn time_runs(runs: usize, f: impl Fn()) -> Vec<f64> {
    let mut v: Vec<f64> = (0..runs)
        .map(|_| {
            let t = perf_now();
            f();
            perf_now() - t
        })
        .collect();
    crate::core::sort::sort_by(&mut v, |a, b| a.total_cmp(b));
    v
}

fn median(v: &[f64]) -> f64 {
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

#[derive(serde::Serialize)]
struct Report {
    sample_bytes: usize,
    sample_parse_ms_median: f64,
    sample_parse_ms_min: f64,
    big_bytes: usize,
    big_parse_ms_median: f64,
    big_parse_ms_min: f64,
    big_mb_per_s: f64,
    /// Parse + entities + claims of the sample (batches of 100).
    sample_suggest_ms_median: f64,
    /// The same on `window.__benchText` (set by the benchmark script), if given.
    extract_bytes: usize,
    extract_ms_median: f64,
    extract_mb_per_s: f64,
}

#[derive(serde::Serialize)]
struct LayoutReport {
    nodes: usize,
    edges: usize,
    ms_all: Vec<f64>,
    iterations: usize,
    converged: bool,
    /// Final positions of the last run, flattened (x0, y0, x1, y1, …).
    positions: Vec<f64>,
}

/// `?bench=layout`: lays out `window.__layoutGraph` (numbers separated by spaces: nodes,
/// runs, then the two ends of each edge) to the core's stopping criterion, `runs` times,
/// timing each run from start positions to settled.
fn layout_bench() -> String {
    use crate::core::layout::{seed_positions, Params, Sim};
    let numbers: Vec<usize> = crate::web::global_string("__layoutGraph")
        .unwrap_or_default()
        .split_ascii_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let [n, runs, ends @ ..] = numbers.as_slice() else {
        return "{\"error\":\"no window.__layoutGraph\"}".into();
    };
    let edges: Vec<(usize, usize, f64)> = ends.chunks_exact(2).map(|e| (e[0], e[1], 1.0)).collect();
    let n = *n;
    let params = Params::default();
    let mut ms_all = Vec::new();
    let mut last = None;
    for _ in 0..(*runs).max(1) {
        let t = perf_now();
        let start = seed_positions(n, &edges, &[], params.spring_length);
        let l = Sim::new(n, &edges, &start, &[], &params).run();
        ms_all.push(perf_now() - t);
        last = Some(l);
    }
    let l = last.unwrap_or(crate::core::layout::Layout {
        positions: Vec::new(),
        iterations: 0,
        converged: false,
    });
    serde_json::to_string(&LayoutReport {
        nodes: n,
        edges: edges.len(),
        ms_all,
        iterations: l.iterations,
        converged: l.converged,
        positions: l.positions.iter().flat_map(|p| [p.x, p.y]).collect(),
    })
    .unwrap_or_default()
}

#[component]
pub fn BenchPage() -> impl IntoView {
    let out = RwSignal::new(String::from("running…"));
    if crate::web::query_param("bench").as_deref() == Some("layout") {
        set_timeout(
            move || out.set(layout_bench()),
            std::time::Duration::from_millis(50),
        );
        return view! { <main><h1>"Gloss layout benchmark"</h1><pre id="bench">{move || out.get()}</pre></main> }.into_any();
    }
    set_timeout(
        move || {
            let big = SAMPLE_TEXT.repeat(1_000_000 / SAMPLE_TEXT.len() + 1);
            for _ in 0..3 {
                parse_str(SAMPLE_TEXT, Some(Format::Text)); // warm up
            }
            // the browser's clock ticks in 0.1 ms: time batches of 100 parses of the sample
            let sample: Vec<f64> = time_runs(30, || {
                for _ in 0..100 {
                    parse_str(SAMPLE_TEXT, Some(Format::Text));
                }
            })
            .into_iter()
            .map(|t| t / 100.0)
            .collect();
            let mb = time_runs(15, || {
                parse_str(&big, Some(Format::Text));
            });
            let suggest: Vec<f64> = time_runs(20, || {
                for _ in 0..100 {
                    std::hint::black_box(analyse(SAMPLE_TEXT));
                }
            })
            .into_iter()
            .map(|t| t / 100.0)
            .collect();
            let given = crate::web::global_string("__benchText").unwrap_or_default();
            let ex = if given.is_empty() {
                vec![f64::NAN]
            } else {
                analyse(&given); // warm up
                time_runs(7, || {
                    std::hint::black_box(analyse(&given));
                })
            };
            let report = Report {
                sample_suggest_ms_median: median(&suggest),
                extract_bytes: given.len(),
                extract_ms_median: median(&ex),
                extract_mb_per_s: given.len() as f64 / 1e6 / (median(&ex) / 1e3),
                sample_bytes: SAMPLE_TEXT.len(),
                sample_parse_ms_median: median(&sample),
                sample_parse_ms_min: sample.first().copied().unwrap_or(f64::NAN),
                big_bytes: big.len(),
                big_parse_ms_median: median(&mb),
                big_parse_ms_min: mb.first().copied().unwrap_or(f64::NAN),
                big_mb_per_s: big.len() as f64 / 1e6 / (median(&mb) / 1e3),
            };
            out.set(serde_json::to_string(&report).unwrap_or_default());
        },
        std::time::Duration::from_millis(50),
    );
    view! { <main><h1>"Gloss benchmark"</h1><pre id="bench">{move || out.get()}</pre></main> }
        .into_any()
}
