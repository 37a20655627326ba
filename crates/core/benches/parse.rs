//! Parse throughput per input kind, natively (MB/s of input): the five seeds as UTF-8 text, the
//! same articles in Windows-1252 (detected and decoded), with YAML front matter, as one
//! Factiva-style and one Nexis-style export holding all of them, and (with `--features html`)
//! as saved web pages with JSON-LD. Run: `cargo bench -p parallax-core --features html --bench parse`.

// A test or benchmark that meets broken data stops loudly: the no-panic lints are for the engine.
#![allow(
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parallax_core::{parse_file, SourceFile};

mod common;

/// The seed articles' text.
fn seed_texts() -> Vec<String> {
    common::seed_paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Paragraphs of an article after its first line (the body, roughly).
fn body(t: &str) -> String {
    t.lines().skip(1).collect::<Vec<_>>().join("\n")
}

fn title(t: &str) -> &str {
    t.lines().next().unwrap_or("Untitled")
}

/// Files as (name, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// Each kind: a name and the files it is measured on.
fn inputs() -> Vec<(&'static str, Files)> {
    let seeds = seed_texts();
    let named = |ext: &str, f: &dyn Fn(&str) -> Vec<u8>| -> Files {
        seeds
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("{i}.{ext}"), f(t)))
            .collect()
    };
    let mut kinds = vec![
        ("utf8_text", named("txt", &|t| t.as_bytes().to_vec())),
        (
            "windows1252_text",
            named("txt", &|t| {
                encoding_rs::WINDOWS_1252.encode(t).0.into_owned()
            }),
        ),
        (
            "markdown_front_matter",
            named("md", &|t| {
                format!(
                    "---\ntitle: \"{}\"\nauthor:\n  - Jane Doe\npublished: 2024-03-14\ncreated: 2024-03-20\n---\n{}",
                    title(t),
                    body(t)
                )
                .into_bytes()
            }),
        ),
    ];
    let factiva: String = seeds
        .iter()
        .map(|t| {
            format!(
                "HD {}\nBY By Jane Doe\nWC 500 words\nPD 14 March 2024\nSN Example Times\nLA English\nLP {}\nAN Document X\n\n",
                title(t),
                body(t)
            )
        })
        .collect();
    kinds.push((
        "factiva_export",
        vec![("f.txt".into(), factiva.into_bytes())],
    ));
    let nexis: String = seeds
        .iter()
        .map(|t| {
            format!(
                "{}\nExample Times\nMarch 14, 2024 Thursday\n\nCopyright 2024 Example Times\n\nLength: 500 words\nByline: Jane Doe\n\nBody\n\n{}\n\nLoad-Date: March 15, 2024\n\nEnd of Document\n\n",
                title(t),
                body(t)
            )
        })
        .collect();
    kinds.push(("nexis_export", vec![("n.txt".into(), nexis.into_bytes())]));
    if cfg!(feature = "html") {
        kinds.push((
            "html_page",
            named("html", &|t| {
                let paras: String = body(t)
                    .split("\n\n")
                    .map(|p| format!("<p>{p}</p>\n"))
                    .collect();
                format!(
                    "<!DOCTYPE html><html><head><title>{0}</title><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{0}\",\"datePublished\":\"2024-03-14\",\"author\":{{\"name\":\"Jane Doe\"}}}}</script></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{0}</h1>{1}</article></body></html>",
                    title(t).replace('"', "'"),
                    paras
                )
                .into_bytes()
            }),
        ));
    }
    kinds
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (kind, files) in inputs() {
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(kind, |b| {
            b.iter(|| {
                files
                    .iter()
                    .map(|(name, bytes)| {
                        parse_file(&SourceFile {
                            name,
                            bytes,
                            sidecar: None,
                        })
                        .len()
                    })
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
