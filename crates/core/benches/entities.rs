//! Entity recognition throughput: the seed corpus repeated to at least 1 MB of article text,
//! recognised with the knowledge base and with the rules alone. Criterion reports MB/s
//! (Throughput::Bytes over the documents' full text); a one-line summary follows.
//!
//! Run: `cargo bench -p parallax-core --bench entities`

// A test or benchmark that meets broken data stops loudly: the no-panic lints are for the engine.
#![allow(
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use common::seeds;
use criterion::{Criterion, Throughput};
use parallax_core::entities::{recognize, KnowledgeBase};
use parallax_core::Document;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let seeds = seeds();
    let seed_bytes: usize = seeds.iter().map(|d| d.text.len()).sum();
    let copies = (1_000_000 / seed_bytes) + 1;
    let docs: Vec<Document> = (0..copies).flat_map(|_| seeds.iter().cloned()).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let kb = KnowledgeBase::builtin(); // parsed once, outside the measurement

    let run = |kb: Option<&KnowledgeBase>| -> usize {
        docs.iter().map(|d| recognize(black_box(d), kb).len()).sum()
    };
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("kb+rules", |b| b.iter(|| run(Some(kb))));
    g.bench_function("rules", |b| b.iter(|| run(None)));
    g.finish();
    c.final_summary();

    println!(
        "\nentities: {} documents ({} copies of the {} seeds), {:.2} MB of text",
        docs.len(),
        copies,
        seeds.len(),
        bytes as f64 / 1e6
    );
    for (label, kb) in [("kb+rules", Some(kb)), ("rules only", None)] {
        let t = Instant::now();
        let rounds = 5;
        let mut mentions = 0;
        for _ in 0..rounds {
            mentions = run(kb);
        }
        let secs = t.elapsed().as_secs_f64() / rounds as f64;
        println!(
            "  {label:<10} {:>7.1} MB/s  ({:.1} ms per MB, {mentions} mentions)",
            bytes as f64 / 1e6 / secs,
            secs * 1e3 / (bytes as f64 / 1e6)
        );
    }
}
