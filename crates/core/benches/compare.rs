//! Source-comparison benchmark: the full `compare` of the five seed articles (entity
//! recognition included, as the CLI and app run it), the same with entity mentions computed
//! beforehand, and 20 and 200 synthetic articles recombined from the seeds, to show how the
//! all-pairs alignment grows with the number of articles.
//!
//! Run: `cargo bench -p parallax-core --bench compare`

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
use parallax_core::compare::{compare, compare_with};
use parallax_core::entities::{recognize, KnowledgeBase, Mention};
use std::hint::black_box;
use std::time::Duration;

fn main() {
    let seeds = seeds();
    let kb = KnowledgeBase::builtin(); // parsed once, outside the measurement
    let mentions: Vec<Vec<Mention>> = seeds.iter().map(|d| recognize(d, Some(kb))).collect();
    let twenty = synthetic(&seeds, 20);
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let mut g = c.benchmark_group("compare");
    g.bench_function("seeds", |b| b.iter(|| compare(black_box(&seeds))));
    g.bench_function("seeds_given_mentions", |b| {
        b.iter(|| compare_with(black_box(&seeds), Some(&mentions)))
    });
    g.bench_function("synthetic_20", |b| b.iter(|| compare(black_box(&twenty))));
    g.finish();
    // Seconds per run: the fewest samples criterion allows.
    let two_hundred = synthetic(&seeds, 200);
    let mut g = c.benchmark_group("compare_large");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("synthetic_200", |b| {
        b.iter(|| compare(black_box(&two_hundred)))
    });
    g.finish();
    c.final_summary();
}
