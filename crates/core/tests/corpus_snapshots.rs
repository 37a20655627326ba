//! Snapshot of the full parse of every file in `corpus/` (reviewed by hand: see the .snap files),
//! plus the parser's invariants on each.

use parallax_core::{parse_document, Document, Provenance, SourceFile};
use std::fmt::Write;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(corpus_dir())
        .expect("corpus/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn source(p: &Provenance) -> String {
    match p {
        Provenance::Text { start, end } => format!("text {start}..{end}"),
        Provenance::Sidecar => "sidecar".into(),
    }
}

/// A reviewable rendering: metadata with provenance, then every block with its full text.
fn render(d: &Document) -> String {
    let m = &d.meta;
    let mut out = String::new();
    let mut line = |k: &str, v: Option<(String, String)>| {
        let _ = match v {
            Some((v, src)) => writeln!(out, "{k:<10} {v:?}  [{src}]"),
            None => writeln!(out, "{k:<10} -"),
        };
    };
    line(
        "title",
        m.title
            .as_ref()
            .map(|f| (f.value.clone(), source(&f.source))),
    );
    line(
        "outlet",
        m.outlet
            .as_ref()
            .map(|f| (f.value.clone(), source(&f.source))),
    );
    for a in &m.authors {
        line("author", Some((a.value.clone(), source(&a.source))));
    }
    line(
        "published",
        m.published
            .as_ref()
            .map(|f| (f.value.to_string(), source(&f.source))),
    );
    line(
        "updated",
        m.updated
            .as_ref()
            .map(|f| (f.value.to_string(), source(&f.source))),
    );
    let _ = writeln!(out, "words      {}", d.word_count());
    for b in &d.blocks {
        let _ = writeln!(
            out,
            "{:>5}..{:<5} {:<11} {:?}",
            b.start,
            b.end,
            b.kind.as_str(),
            d.block_text(b)
        );
    }
    for x in &d.diagnostics {
        let _ = writeln!(
            out,
            "{:?} {:?} {}..{}: {}",
            x.severity, x.code, x.start, x.end, x.message
        );
    }
    out
}

#[test]
fn seed_corpus_parses_as_reviewed() {
    let files = corpus();
    assert_eq!(files.len(), 5, "the five seed articles are in corpus/");
    for (name, bytes) in files {
        let d = parse_document(&SourceFile {
            name: &name,
            bytes: &bytes,
            sidecar: None,
        });
        assert_eq!(
            d.text.as_bytes(),
            &bytes[..],
            "{name}: decoded text must equal the file"
        );
        let stem = name.trim_end_matches(".txt").to_string();
        insta::assert_snapshot!(stem, render(&d));
    }
}

#[test]
fn corpus_is_byte_identical_to_shared_seeds() {
    // ../shared sits beside the repository on developer machines and in CI.
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !shared.is_dir() {
        eprintln!("skipping: {} not present", shared.display());
        return;
    }
    for (name, bytes) in corpus() {
        let seed = std::fs::read(shared.join(&name))
            .unwrap_or_else(|e| panic!("{name}: not in shared/corpus ({e})"));
        assert!(
            seed == bytes,
            "{name}: corpus/ copy differs from shared/corpus"
        );
    }
}
