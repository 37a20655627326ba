//! What the benchmarks share: the seed articles and synthetic corpora, parsed (parsing is never
//! what they measure).

// Each bench is its own crate and uses only some of these.
#![allow(dead_code)]

use parallax_core::{parse_document, synth, Document, SourceFile};

/// The seed article files (the tests' copy, `tests/seeds/`), in file-name order.
pub fn seed_paths() -> Vec<std::path::PathBuf> {
    txt_files("tests/seeds")
}

/// The `.txt` files of a folder of the repository, in file-name order.
fn txt_files(folder: &str) -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

/// The seed articles (`tests/seeds/`), parsed, in file-name order.
pub fn seeds() -> Vec<Document> {
    parsed(&seed_paths())
}

/// The 40 articles of the entity evaluation (`tests/eval/{dev,heldout,unseen}`), parsed: news
/// about other subjects and regions than the seeds.
pub fn eval_articles() -> Vec<Document> {
    let paths: Vec<_> = ["tests/eval/dev", "tests/eval/heldout", "tests/eval/unseen"]
        .iter()
        .flat_map(|f| txt_files(f))
        .collect();
    parsed(&paths)
}

fn parsed(paths: &[std::path::PathBuf]) -> Vec<Document> {
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            parse_document(&SourceFile {
                name: &name,
                bytes: &bytes,
                sidecar: None,
            })
        })
        .collect()
}

/// `n` synthetic articles recombined from `seeds` (seed 42), parsed with their sidecars.
pub fn synthetic(seeds: &[Document], n: usize) -> Vec<Document> {
    synth::generate(seeds, n, 42)
        .iter()
        .map(|a| {
            let name = format!("{}.txt", a.stem);
            let sidecar = format!("{}.toml", a.stem);
            parse_document(&SourceFile {
                name: &name,
                bytes: a.text.as_bytes(),
                sidecar: Some((&sidecar, a.sidecar.as_bytes())),
            })
        })
        .collect()
}
