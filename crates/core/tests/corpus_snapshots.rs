//! Snapshot of the full parse of every seed article (`tests/seeds/`, the tests' own copy of the
//! five seeds; reviewed by hand: see the .snap files), plus the parser's invariants on each, and
//! the check that the seeds are byte for byte those collected.

// A test or benchmark that meets broken data stops loudly: the no-panic lints are for the engine.
#![allow(
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use parallax_core::{parse_document, Document, Provenance, SourceFile};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.txt` files of a folder, name and bytes, in name order.
fn txt_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
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

/// The seed articles every test reads.
fn seeds() -> Vec<(String, Vec<u8>)> {
    txt_files(&repo().join("tests/seeds"))
}

fn source(p: &Provenance) -> String {
    match p {
        Provenance::Text { start, end, .. } => format!("text {start}..{end}"),
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
    let files = seeds();
    assert_eq!(files.len(), 5, "the five seed articles are in tests/seeds/");
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

/// The seed articles as they were collected: name, length and FNV-1a 64 hash of the bytes
/// (`parallax_core::fnv::fnv1a`). Every offset in the gold annotations of `tests/eval/` and in
/// the snapshots points into these exact bytes.
const SEEDS: [(&str, usize, u64); 5] = [
    ("000_c89f353285aead65.txt", 2585, 0xe53a5667a9e2fd79),
    ("001_1d5485b6803e7481.txt", 6138, 0x2c7129b6a167502d),
    ("002_4123e98665d019c0.txt", 2947, 0x2ba015b57e7273fa),
    ("003_a22fafbe7c290254.txt", 2381, 0xf967f17d53dcd9ea),
    ("004_3e6e64eefb726ed0.txt", 2389, 0xed2bda0aa4fa6782),
];

/// Whether `bytes` are the collected seed `name`; `None` when `name` is not a seed.
fn is_collected_seed(name: &str, bytes: &[u8]) -> Option<bool> {
    let (_, len, hash) = SEEDS.iter().find(|(s, _, _)| *s == name)?;
    Some(bytes.len() == *len && parallax_core::fnv::fnv1a(bytes) == *hash)
}

/// The tests' copy holds the five seeds, byte for byte, and nothing else.
#[test]
fn the_tests_seeds_are_byte_identical_to_the_collected_ones() {
    let files = seeds();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let expected: Vec<&str> = SEEDS.iter().map(|(n, _, _)| *n).collect();
    assert_eq!(names, expected, "tests/seeds/ holds exactly the five seeds");
    for (name, bytes) in &files {
        assert_eq!(
            is_collected_seed(name, bytes),
            Some(true),
            "{name}: tests/seeds/ copy changed"
        );
    }
}

/// `corpus/` (what the site is built from) may hold anything: a fork replaces it with its own
/// articles. A seed it still holds under its own name must be the seed, byte for byte (the
/// README promises it, and the site's links to them rely on it).
#[test]
fn a_seed_left_in_corpus_is_unchanged() {
    let corpus = repo().join("corpus");
    if !corpus.is_dir() {
        return; // a fork may build from elsewhere; nothing of the seeds to check
    }
    for (name, bytes) in txt_files(&corpus) {
        assert_ne!(
            is_collected_seed(&name, &bytes),
            Some(false),
            "corpus/{name} is not the seed article of that name, which must not change; \
             an article of your own needs a name of its own"
        );
    }
}
