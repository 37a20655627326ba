//! Entity recognition throughput on three inputs, each repeated to at least 1 MB of article
//! text: the seed corpus, synthetic articles recombined from it (`synth.rs`, what `parallax
//! gen-corpus` writes), and the 40 evaluation articles about other subjects and regions
//! (`tests/eval`); with the knowledge base and with the rules alone. Criterion reports MB/s
//! (Throughput::Bytes over the documents' full text); a one-line summary per input follows.
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

use common::{eval_articles, seeds, synthetic};
use criterion::{Criterion, Throughput};
use parallax_core::entities::{recognize, KnowledgeBase};
use parallax_core::Document;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// `docs` repeated until they hold at least 1 MB of text.
fn to_a_megabyte(docs: &[Document]) -> Vec<Document> {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let copies = (1_000_000 / bytes.max(1)) + 1;
    (0..copies).flat_map(|_| docs.iter().cloned()).collect()
}

fn main() {
    let seeds = seeds();
    let inputs = [
        ("seeds", to_a_megabyte(&seeds)),
        ("synthetic", to_a_megabyte(&synthetic(&seeds, 200))),
        ("eval", to_a_megabyte(&eval_articles())),
    ];
    let kb = KnowledgeBase::builtin(); // parsed once, outside the measurement
    let run = |docs: &[Document], kb: Option<&KnowledgeBase>| -> usize {
        docs.iter().map(|d| recognize(black_box(d), kb).len()).sum()
    };
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (name, docs) in &inputs {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let mut g = c.benchmark_group(format!("entities/{name}"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("kb+rules", |b| b.iter(|| run(docs, Some(kb))));
        g.bench_function("rules", |b| b.iter(|| run(docs, None)));
        g.finish();
    }
    c.final_summary();

    for (name, docs) in &inputs {
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        println!(
            "\nentities/{name}: {} documents, {:.2} MB of text",
            docs.len(),
            bytes as f64 / 1e6
        );
        for (label, kb) in [("kb+rules", Some(kb)), ("rules only", None)] {
            let t = Instant::now();
            let rounds = 3;
            let mut mentions = 0;
            for _ in 0..rounds {
                mentions = run(docs, kb);
            }
            let secs = t.elapsed().as_secs_f64() / rounds as f64;
            println!(
                "  {label:<10} {:>7.1} MB/s  ({:.1} ms per MB, {mentions} mentions)",
                bytes as f64 / 1e6 / secs,
                secs * 1e3 / (bytes as f64 / 1e6)
            );
        }
    }
}
