//! Search benchmarks: every query kind on the seed corpus and on 10,000 synthetic documents
//! (`parallax_core::synth`, recombined from the seeds), then a p50/p95 latency table per query
//! and the index size as a fraction of the raw text.
//!
//! Run: `cargo bench -p parallax-core --bench search` (BENCH_DOCS=N changes the large corpus).

// A test or benchmark that meets broken data stops loudly: the no-panic lints are for the engine.
#![allow(
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::{seeds, synthetic};
use criterion::Criterion;
use parallax_core::search::{kwic, search, Index, KwicOptions, Mode, Options, Selection};
use parallax_core::Document;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// What a query run does.
enum Run {
    Docs(&'static str),
    Passages(&'static str),
    Kwic(&'static str),
    /// An outlet chosen in the facet list, no query words.
    OutletOnly,
}

const QUERIES: [(&str, Run); 12] = [
    ("word", Run::Docs("ethnic")),
    ("common_word", Run::Docs("the")),
    ("two_words", Run::Docs("lachin corridor")),
    ("phrase", Run::Docs("\"ethnic cleansing\"")),
    ("prefix", Run::Docs("reintegr*")),
    ("or", Run::Docs("aliyev OR pashinian")),
    ("exclude", Run::Docs("humanitarian -russia")),
    (
        "fields_dates",
        Run::Docs("mission outlet:daily after:2023-10-01 before:2023-10-15"),
    ),
    ("typo", Run::Docs("Azerbajan")),
    ("facet_only", Run::OutletOnly),
    ("passages", Run::Passages("ethnic cleansing")),
    ("kwic", Run::Kwic("ethnic")),
];

fn run(index: &Index, docs: &[Document], r: &Run) -> usize {
    match r {
        Run::Docs(q) => search(index, docs, q, &Options::default()).total_docs,
        Run::Passages(q) => {
            let opts = Options {
                mode: Mode::Passages,
                ..Options::default()
            };
            search(index, docs, q, &opts)
                .total_passages
                .unwrap_or_default()
        }
        Run::Kwic(q) => kwic(index, docs, q, &KwicOptions::default()).total,
        Run::OutletOnly => {
            let outlet = index.facets()[0]
                .values
                .first()
                .cloned()
                .unwrap_or_default();
            let opts = Options {
                selected: vec![Selection {
                    facet: "outlet".into(),
                    value: outlet,
                }],
                ..Options::default()
            };
            search(index, docs, "", &opts).total_docs
        }
    }
}

fn percentiles(
    index: &Index,
    docs: &[Document],
    runs: usize,
) -> Vec<(String, Duration, Duration, usize)> {
    QUERIES
        .iter()
        .map(|(name, r)| {
            let found = run(index, docs, r);
            let mut times: Vec<Duration> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    black_box(run(index, docs, r));
                    t.elapsed()
                })
                .collect();
            times.sort();
            let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
            (name.to_string(), at(0.5), at(0.95), found)
        })
        .collect()
}

fn report(label: &str, index: &Index, docs: &[Document], build: Duration, runs: usize) {
    let raw: usize = docs.iter().map(|d| d.text.len()).sum();
    let size = index.serialized_len();
    println!(
        "\n{label}: {} documents, {} tokens, {} words; raw text {raw} B; index {size} B = {:.2} × raw text; build {:.1} ms",
        index.len(),
        index.token_count(),
        index.vocabulary_len(),
        size as f64 / raw as f64,
        build.as_secs_f64() * 1e3,
    );
    println!(
        "{:<14} {:>10} {:>10} {:>8}",
        "query", "p50 ms", "p95 ms", "found"
    );
    for (name, p50, p95, found) in percentiles(index, docs, runs) {
        println!(
            "{name:<14} {:>10.3} {:>10.3} {found:>8}",
            p50.as_secs_f64() * 1e3,
            p95.as_secs_f64() * 1e3
        );
    }
}

fn main() {
    let seed_docs = seeds();
    let n: usize = std::env::var("BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let big_docs = synthetic(&seed_docs, n);
    let t = Instant::now();
    let seed_index = Index::build(&seed_docs);
    let seed_build = t.elapsed();
    let t = Instant::now();
    let big_index = Index::build(&big_docs);
    let big_build = t.elapsed();

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    c.bench_function("seeds/index_build", |b| {
        b.iter(|| Index::build(black_box(&seed_docs)))
    });
    for (label, index, docs) in [
        ("seeds", &seed_index, &seed_docs),
        ("synthetic", &big_index, &big_docs),
    ] {
        let mut g = c.benchmark_group(label);
        for (name, r) in &QUERIES {
            g.bench_function(*name, |b| b.iter(|| run(index, docs, r)));
        }
        g.finish();
    }
    c.final_summary();

    report("seeds", &seed_index, &seed_docs, seed_build, 500);
    report("synthetic", &big_index, &big_docs, big_build, 60);
}
