//! What a reader waits for on a generated corpus, natively: decoding the bundle (everything the
//! app does before its first view), the first query on a freshly decoded bundle, decoding only
//! the documents (the comparison worker), and the latency of a fixed query set covering every
//! operator (p50/p95 per query and over all of them).
//!
//! The machine these run on is shared: besides wall time, the table reports the CPU time the
//! thread used per run of each query, averaged over all its runs (Linux `schedstat`, which
//! counts in scheduler ticks of a few milliseconds here, so only the mean over many runs
//! means anything), which waiting for a core does not inflate.
//!
//! Run: `cargo bench -p parallax-core --bench bundle` (BENCH_SIZES=1000,10000 by default; the
//! corpora are `parallax_core::synth` with seed 42, the same articles as
//! `parallax gen-corpus --docs N --seed 42`, bundled in process).

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
use parallax_core::bundle::Documents;
use parallax_core::search::{kwic, search, KwicOptions, Mode, Options, Selection};
use parallax_core::Bundle;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// One query of the set: its query string, mode and facet selections.
struct Q {
    name: &'static str,
    query: String,
    mode: Option<Mode>,
    selected: Vec<Selection>,
}

/// The query set: every operator once, plus a facet selection and the two other views.
fn queries(b: &Bundle) -> Vec<Q> {
    let outlet = b
        .index
        .facet("outlet")
        .and_then(|f| f.values.first().cloned());
    let outlet = outlet.unwrap_or_default();
    let entity = b
        .entities
        .rows
        .iter()
        .find(|r| r.kind.is_name())
        .map(|r| r.canonical.clone())
        .unwrap_or_default();
    let q = |name, query: &str| Q {
        name,
        query: query.to_string(),
        mode: None,
        selected: Vec::new(),
    };
    vec![
        q("word", "ethnic"),
        q("common_word", "the"),
        q("two_words", "lachin corridor"),
        q("phrase", "\"ethnic cleansing\""),
        q("prefix", "reintegr*"),
        q("or", "aliyev OR pashinian"),
        q("exclude", "humanitarian -russia"),
        q("typo", "Azerbajan"),
        q("field", &format!("mission outlet:\"{outlet}\"")),
        q("entity_field", &format!("refugees entity:\"{entity}\"")),
        q("dates", "mission after:2023-10-01 before:2023-10-15"),
        Q {
            selected: vec![
                Selection {
                    facet: "outlet".into(),
                    value: outlet.clone(),
                },
                Selection {
                    facet: "entity".into(),
                    value: entity.clone(),
                },
            ],
            ..q("facets_chosen", "corridor")
        },
        Q {
            selected: vec![Selection {
                facet: "outlet".into(),
                value: outlet,
            }],
            ..q("facet_only", "")
        },
        Q {
            mode: Some(Mode::Passages),
            ..q("passages", "ethnic cleansing")
        },
        q("kwic", "ethnic"),
    ]
}

/// Runs one query as the app's view does; returns a count of what it found (so nothing is
/// optimised away).
fn run(b: &Bundle, q: &Q) -> usize {
    if q.name == "kwic" {
        return kwic(&b.index, &b.documents, &q.query, &KwicOptions::default()).total;
    }
    let opts = Options {
        mode: q.mode.unwrap_or_default(),
        selected: q.selected.clone(),
        ..Options::default()
    };
    let r = search(&b.index, &b.documents, &q.query, &opts);
    r.total_docs + r.hits.len() + r.passages.len()
}

/// CPU time used by this thread so far (Linux; `None` elsewhere).
fn cpu_now() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn percentile(times: &mut [Duration], q: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 * q) as usize).min(times.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1000, 10_000]);
    let seed_docs = seeds();
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3));
    let mut tables = Vec::new();
    for &n in &sizes {
        let bytes = Bundle::new(synthetic(&seed_docs, n)).to_bytes();
        let bundle = Bundle::from_bytes(&bytes).unwrap();
        let set = queries(&bundle);
        let mut g = c.benchmark_group(format!("bundle_{n}"));
        g.bench_function("load", |t| {
            t.iter(|| Bundle::from_bytes(black_box(&bytes)).unwrap())
        });
        g.bench_function("documents_only", |t| {
            t.iter(|| Documents::from_bytes(black_box(&bytes)).unwrap())
        });
        g.bench_function("load_and_first_query", |t| {
            t.iter(|| {
                let b = Bundle::from_bytes(black_box(&bytes)).unwrap();
                run(&b, &set[0])
            })
        });
        for q in &set {
            g.bench_function(q.name, |t| t.iter(|| run(&bundle, q)));
        }
        g.finish();

        // The latency table: each query run `runs` times, in turn.
        let runs = if n >= 5000 { 40 } else { 200 };
        // (wall, CPU) per run of each query.
        let mut per_query: Vec<(Vec<Duration>, Vec<Duration>)> =
            vec![(Vec::new(), Vec::new()); set.len()];
        for _ in 0..runs {
            for (k, q) in set.iter().enumerate() {
                let (c, t) = (cpu_now(), Instant::now());
                black_box(run(&bundle, q));
                let wall = t.elapsed();
                let cpu = cpu_now().zip(c).map_or(wall, |(b, a)| b.saturating_sub(a));
                per_query[k].0.push(wall);
                per_query[k].1.push(cpu);
            }
        }
        // (wall, CPU) of a whole load and of the documents alone, five times each.
        let timed = |f: &dyn Fn()| {
            let (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>) = (Vec::new(), Vec::new());
            for _ in 0..5 {
                let (c, t) = (cpu_now(), Instant::now());
                f();
                wall.push(t.elapsed());
                cpu.push(
                    cpu_now()
                        .zip(c)
                        .map_or(Duration::ZERO, |(b, a)| b.saturating_sub(a)),
                );
            }
            (percentile(&mut wall, 0.5), percentile(&mut cpu, 0.5))
        };
        let load = timed(&|| drop(black_box(Bundle::from_bytes(&bytes).unwrap())));
        let docs = timed(&|| drop(black_box(Documents::from_bytes(&bytes).unwrap())));
        tables.push((n, bytes.len(), load, docs, set, per_query));
    }
    c.final_summary();

    for (n, size, load, docs, set, mut per_query) in tables {
        println!(
            "\n{n} documents: bundle {size} B; load p50 {:.1} ms (cpu {:.1}); documents only p50 {:.1} ms (cpu {:.1})",
            ms(load.0),
            ms(load.1),
            ms(docs.0),
            ms(docs.1)
        );
        println!(
            "{:<14} {:>9} {:>9} {:>9}",
            "query", "p50 ms", "p95 ms", "cpu mean"
        );
        let (mut all, mut all_cpu): (Vec<Duration>, Vec<Duration>) = (Vec::new(), Vec::new());
        let line = |name: &str, wall: &mut [Duration], cpu: &mut [Duration]| {
            let cpu_total: Duration = cpu.iter().sum();
            println!(
                "{name:<14} {:>9.3} {:>9.3} {:>9.3}",
                ms(percentile(wall, 0.5)),
                ms(percentile(wall, 0.95)),
                ms(cpu_total) / cpu.len().max(1) as f64,
            );
        };
        for (q, (wall, cpu)) in set.iter().zip(per_query.iter_mut()) {
            all.extend(wall.iter().copied());
            all_cpu.extend(cpu.iter().copied());
            line(q.name, wall, cpu);
        }
        line("all queries", &mut all, &mut all_cpu);
    }
}
