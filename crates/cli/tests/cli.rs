//! End-to-end tests of the `parallax` binary: what a user gets on stdout, stderr and exit code.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(repo())
        .args(args)
        .output()
        .expect("runs")
}

fn json(out: &Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("stdout is JSON")
        .as_array()
        .expect("an array")
        .clone()
}

/// A fresh scratch folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn parse_seed_corpus_gives_the_stated_metadata() {
    let out = parallax(&["parse", "corpus", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json(&out);
    let summary: Vec<String> = docs
        .iter()
        .map(|d| {
            format!(
                "{} | {} | {} | {} | {} | {}",
                d["id"].as_str().unwrap(),
                d["title"],
                d["outlet"],
                d["authors"],
                d["published"],
                d["updated"]
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            r#"000_c89f353285aead65 | null | null | [] | "2023-11-08" | null"#,
            r#"001_1d5485b6803e7481 | "UN Mission Arrives in Karabakh Region After 30-Year Break" | null | ["Ilham Karimli"] | "2023-10-02" | "2024-04-28""#,
            r#"002_4123e98665d019c0 | "Armenia requests UN mission to oversee human rights in Nagorno-Karabakh" | "Balkan Periscope - Hellas" | [] | "2023-09-24" | null"#,
            r#"003_a22fafbe7c290254 | null | null | [] | null | null"#,
            r#"004_3e6e64eefb726ed0 | null | null | [] | "2023-11-09" | null"#,
        ]
    );
    for d in &docs {
        assert!(d["file"].as_str().unwrap().ends_with(".txt"));
        assert!(d["diagnostics"].is_array());
        for b in d["blocks"].as_array().unwrap() {
            assert!(
                b["kind"].is_string() && b["start"].as_u64() < b["end"].as_u64(),
                "{b}"
            );
        }
    }
    // The caption and its credit in 001 are blocks of their own.
    let kinds: Vec<&str> = docs[1]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        &kinds[..7],
        [
            "dateline",
            "boilerplate",
            "headline",
            "byline",
            "boilerplate",
            "caption",
            "credit"
        ]
    );
}

#[test]
fn a_bad_path_is_named_and_the_rest_still_printed() {
    let out = parallax(&[
        "parse",
        "no/such/file.txt",
        "corpus/003_a22fafbe7c290254.txt",
        "--json",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/file.txt"), "{err}");
    let docs = json(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "003_a22fafbe7c290254");
}

#[test]
fn broken_files_get_diagnostics_and_do_not_stop_the_others() {
    let dir = scratch("broken");
    std::fs::write(dir.join("a_empty.txt"), b"").unwrap();
    std::fs::write(dir.join("b_binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(
        dir.join("c_latin1.txt"),
        b"Caf\xE9 talks resume\n\nThe talks resumed on Monday.",
    )
    .unwrap();
    std::fs::write(
        dir.join("d_good.txt"),
        b"Good title here\n\nBy Jane Doe\n\nThe body.",
    )
    .unwrap();
    std::fs::write(dir.join("d_good.toml"), b"outlet = \"Example Times\"\n").unwrap();
    let out = parallax(&["parse", dir.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "unreadable content is not an IO error"
    );
    let docs = json(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a_empty", "b_binary", "c_latin1", "d_good"],
        "the sidecar is not an article"
    );
    let first_message = |d: &Value| {
        d["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(first_message(&docs[0]).starts_with("a_empty.txt: the file is empty"));
    assert!(first_message(&docs[1]).starts_with("b_binary.txt: this looks like a binary file"));
    assert!(
        first_message(&docs[2]).contains("c_latin1.txt")
            && first_message(&docs[2]).contains("0xE9")
    );
    assert_eq!(docs[2]["title"], "Caf? talks resume");
    assert_eq!(docs[3]["outlet"], "Example Times");
    assert_eq!(docs[3]["sources"]["outlet"]["from"], "sidecar");
    assert_eq!(docs[3]["sources"]["title"]["from"], "text");
    assert_eq!(docs[3]["authors"][0], "Jane Doe");
}

#[test]
fn bundle_round_trips_the_parse() {
    let dir = scratch("bundle");
    let file = dir.join("nested/corpus.bin");
    let out = parallax(&["bundle", "corpus", "-o", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle =
        parallax_core::Bundle::from_bytes(&std::fs::read(&file).unwrap()).expect("valid bundle");
    assert_eq!(bundle.documents.len(), 5);
    let parsed = json(&parallax(&["parse", "corpus", "--json"]));
    for (doc, j) in bundle.documents.iter().zip(&parsed) {
        assert_eq!(doc.id, j["id"].as_str().unwrap());
        assert_eq!(doc.blocks.len(), j["blocks"].as_array().unwrap().len());
        assert_eq!(
            doc.text.as_bytes(),
            std::fs::read(repo().join("corpus").join(&doc.file)).unwrap()
        );
    }
    // A truncated bundle is refused with a reason, not misread.
    let bytes = std::fs::read(&file).unwrap();
    assert!(parallax_core::Bundle::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn usage_errors_exit_2_with_help() {
    let out = parallax(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown command `frobnicate`") && err.contains("USAGE"),
        "{err}"
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // As in `parallax compare corpus --json | head -c 100`: read a little, close the pipe. The
    // output (over 100 KB) is larger than a pipe holds, so writing it must meet the closed end.
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["compare", "corpus", "--json"])
        .current_dir(repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parallax runs");
    let mut first = [0u8; 100];
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_exact(&mut first)
        .expect("some output");
    let out = child.wait_with_output().expect("parallax ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "no panic message: {stderr}");
    assert!(out.status.success(), "exit status {:?}", out.status);
}
