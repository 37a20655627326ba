//! The page's export gives the bundle `parallax bundle` gives: the ingest worker reads the files
//! it keeps with the core's batch (content names, sidecars paired, name order), and that must
//! produce the same bytes as the command reading the same files from a folder.

use parallax_core::ingest::batch::{content_name, pair_sidecars, read_all, sidecar_name};
use parallax_core::Bundle;
use std::path::PathBuf;
use std::process::Command;

/// The tests' own copy of the five seed articles (`corpus/` is what the site is built from, and a
/// fork replaces it).
const SEEDS: &str = "tests/seeds";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files a user might add: every seed, a Windows-1252 article with a sidecar, a Factiva
/// export of two articles and a Markdown clipping with front matter, under the names the page
/// keeps them by.
fn added_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(repo().join(SEEDS)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, std::fs::read(&path).unwrap()));
    }
    files.push((
        "old.txt".into(),
        b"Caf\xe9 owners protest\n\nBy Ren\xe9e Martin\n\nOwners of caf\xe9s in Lyon marched on Tuesday.\n".to_vec(),
    ));
    files.push((
        "old.toml".into(),
        b"outlet = \"Le Monde\"\npublished = 2024-03-05\n".to_vec(),
    ));
    files.push((
        "export.txt".into(),
        b"HD Dam failure forces evacuation\nBY By Maria Santos\nPD 14 March 2024\nSN The Manila Times\nLP A dam burst on Thursday.\nAN Document A1\n\nHD Second story\nBY By Bo Ray\nPD 15 March 2024\nSN The Post\nLP Another body.\nAN Document A2\n".to_vec(),
    ));
    files.push((
        "clip.md".into(),
        b"---\ntitle: \"Glacier collapse buries Swiss village\"\nauthor:\n  - \"[[Anna Keller]]\"\npublished: 2024-05-29\n---\n\nA glacier collapsed above Blatten.\n".to_vec(),
    ));
    // The page renames each article (and its sidecar) after its content before keeping it.
    let (paired, notes) = pair_sidecars(files);
    assert!(notes.is_empty(), "{notes:?}");
    let mut kept = Vec::new();
    for f in paired {
        let name = content_name(&f.name, &f.bytes);
        if let Some((_, bytes)) = f.sidecar {
            kept.push((sidecar_name(&name), bytes));
        }
        kept.push((name, f.bytes));
    }
    kept
}

#[test]
fn the_pages_bundle_of_added_files_is_the_commands_bundle_of_them() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("page-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let folder = dir.join("corpus");
    std::fs::create_dir_all(&folder).unwrap();
    let files = added_files();
    for (name, bytes) in &files {
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    let out = dir.join("corpus.bin");
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "bundle",
            folder.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let cli = std::fs::read(&out).unwrap();

    // What the ingest worker does for "Download corpus.bin".
    let (inputs, notes) = pair_sidecars(files);
    assert!(notes.is_empty(), "{notes:?}");
    let (batch, refused) = read_all(&inputs, true);
    assert!(refused.is_empty(), "{refused:?}");
    let page = Bundle::new(batch.documents).to_bytes();

    let bundle = Bundle::from_bytes(&page).unwrap();
    // Five seeds, one legacy-encoded article, two export articles, one clipping.
    assert_eq!(bundle.documents.len(), 9);
    let old = bundle
        .documents
        .iter()
        .find(|d| d.file.ends_with("_old.txt"))
        .unwrap();
    assert_eq!(
        old.meta.outlet.as_ref().map(|f| f.value.as_str()),
        Some("Le Monde")
    );
    assert!(bundle
        .documents
        .iter()
        .any(|d| d.id.ends_with("_export-002")));
    assert!(
        page == cli,
        "the page's bundle ({} bytes) differs from the command's ({} bytes)",
        page.len(),
        cli.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
