//! End-to-end tests of the `parallax` binary: what a user gets on stdout, stderr and exit code.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

/// The tests' own copy of the five seed articles (`corpus/` is what the site is built from, and a
/// fork replaces it).
const SEEDS: &str = "tests/seeds";

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
    let out = parallax(&["parse", SEEDS, "--json"]);
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
        "tests/seeds/003_a22fafbe7c290254.txt",
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
    // A Latin-1 file is detected and decoded, and the encoding assumed is named.
    assert!(
        first_message(&docs[2]).contains("c_latin1.txt")
            && first_message(&docs[2]).contains("windows-1252"),
        "{}",
        first_message(&docs[2])
    );
    assert_eq!(docs[2]["title"], "Café talks resume");
    assert_eq!(docs[3]["outlet"], "Example Times");
    assert_eq!(docs[3]["sources"]["outlet"]["from"], "sidecar");
    assert_eq!(docs[3]["sources"]["title"]["from"], "text");
    assert_eq!(docs[3]["authors"][0], "Jane Doe");
}

#[test]
fn bundle_round_trips_the_parse() {
    let dir = scratch("bundle");
    let file = dir.join("nested/corpus.bin");
    let out = parallax(&["bundle", SEEDS, "-o", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle =
        parallax_core::Bundle::from_bytes(&std::fs::read(&file).unwrap()).expect("valid bundle");
    assert_eq!(bundle.documents.len(), 5);
    let parsed = json(&parallax(&["parse", SEEDS, "--json"]));
    for (doc, j) in bundle.documents.iter().zip(&parsed) {
        assert_eq!(doc.id, j["id"].as_str().unwrap());
        assert_eq!(doc.blocks.len(), j["blocks"].as_array().unwrap().len());
        assert_eq!(
            doc.text.as_bytes(),
            std::fs::read(repo().join(SEEDS).join(&doc.file)).unwrap()
        );
    }
    // A truncated bundle is refused with a reason, not misread.
    let bytes = std::fs::read(&file).unwrap();
    assert!(parallax_core::Bundle::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

/// `bundle --shards` writes a manifest and checksum-named files that read back as the bundle
/// `bundle -o` writes; the two outputs cannot be asked for at once.
#[test]
fn bundle_shards_read_back_as_the_bundle() {
    let dir = scratch("shards");
    let file = dir.join("corpus.bin");
    let folder = dir.join("sharded");
    assert!(parallax(&["bundle", SEEDS, "-o", file.to_str().unwrap()])
        .status
        .success());
    let out = parallax(&["bundle", SEEDS, "--shards", folder.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The manifest is the folder's corpus.bin (the app tells it from a bundle by its first bytes).
    let manifest = std::fs::read(folder.join("corpus.bin")).unwrap();
    let m = parallax_core::bundle::Manifest::from_bytes(&manifest).unwrap();
    assert_eq!(m.documents.len(), 5);
    for f in m
        .chunks
        .iter()
        .map(|c| &c.file)
        .chain(m.index_shards.iter().map(|s| &s.file))
        .chain([&m.vocabulary_file, &m.entities_file, &m.names_file])
    {
        assert!(
            ["docs/", "index/", "entities/", "names/"]
                .iter()
                .any(|d| f.path.starts_with(d)),
            "{}",
            f.path
        );
        assert!(
            f.path.contains(&format!("{:016x}", f.checksum)),
            "named by its checksum"
        );
    }
    let back =
        parallax_core::Bundle::from_shards(&manifest, &|p| std::fs::read(folder.join(p)).ok())
            .expect("the shards read back");
    let whole = parallax_core::Bundle::from_bytes(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(back, whole);
    let both = parallax(&["bundle", SEEDS, "-o", "x.bin", "--shards", "y"]);
    assert_eq!(both.status.code(), Some(2));
    let neither = parallax(&["bundle", SEEDS]);
    assert_eq!(neither.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2_and_every_subcommand_has_help() {
    let out = parallax(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unrecognized subcommand 'frobnicate'") && err.contains("Usage:"),
        "{err}"
    );
    let out = parallax(&["search", "un", "--limit", "many"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--limit <N>"));
    for cmd in [
        "parse",
        "bundle",
        "entities",
        "eval",
        "search",
        "gen-corpus",
        "compare",
    ] {
        let out = parallax(&[cmd, "--help"]);
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{cmd} --help");
        assert!(help.contains(&format!("Usage: parallax {cmd}")), "{help}");
    }
    let out = parallax(&["--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Limits: an article file of at most 67108864 bytes"));
}

#[test]
fn a_query_may_start_with_a_dash() {
    let out = parallax(&[
        "search",
        "-karabakh OR mission",
        "--corpus",
        SEEDS,
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!json(&out).is_empty());
}

/// A folder with good articles beside every kind of bad or odd entry: each good file is parsed,
/// each other entry is named, and the run fails at the end.
#[cfg(unix)]
#[test]
fn a_mixed_folder_processes_every_good_file_and_names_every_other() {
    let dir = scratch("mixed");
    let article = b"Talks resume in Geneva\n\nThe talks resumed on Monday.\n";
    for name in ["a", "a.md", "a.txt", "b.txt", "z.txt"] {
        std::fs::write(dir.join(name), article).unwrap();
    }
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("b.txt"), dir.join("link.txt")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join(".DS_Store"), b"\0\0").unwrap();
    let out = parallax(&["parse", dir.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = json(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b", "link", "z"]);
    let err = String::from_utf8_lossy(&out.stderr);
    let path = |name: &str| dir.join(name).display().to_string();
    for expected in [
        format!("skipped {}: a link to nothing", path("dangling.txt")),
        format!("skipped {}: not a regular file (a FIFO)", path("pipe.txt")),
        format!("skipped {}: a folder", path("sub")),
        format!("skipped {}: a hidden file", path(".DS_Store")),
        format!(
            "skipped {}: its document id `a` is already taken by {}",
            path("a.md"),
            path("a")
        ),
        format!(
            "skipped {}: its document id `a` is already taken by {}",
            path("a.txt"),
            path("a")
        ),
    ] {
        assert!(err.contains(&expected), "{expected}\nnot in\n{err}");
    }
}

#[test]
fn a_missing_input_or_an_empty_folder_writes_no_bundle() {
    let dir = scratch("nobundle");
    let file = dir.join("corpus.bin");
    let missing = dir.join("no-such-folder");
    let out = parallax(&[
        "bundle",
        SEEDS,
        missing.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot read {}", missing.display())),
        "{err}"
    );
    assert!(err.contains("no bundle was written"), "{err}");
    assert!(!file.exists());
    let empty = dir.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = parallax(&[
        "bundle",
        empty.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article was read"));
    assert!(!file.exists());
}

#[test]
fn files_past_the_limits_are_refused_by_name_and_the_rest_bundled() {
    use parallax_core::limits::{MAX_FILE_BYTES, MAX_LINE_BYTES};
    let dir = scratch("limits");
    let corpus = dir.join("in");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("good.txt"),
        b"Talks resume in Geneva\n\nThe talks resumed on Monday.\n",
    )
    .unwrap();
    // Sparse: one byte past the limit without writing 64 MiB.
    std::fs::File::create(corpus.join("huge.txt"))
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    std::fs::write(corpus.join("line.txt"), vec![b'a'; MAX_LINE_BYTES + 1]).unwrap();
    let file = dir.join("corpus.bin");
    let out = parallax(&[
        "bundle",
        corpus.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "skipped {}: the file has 67108865 bytes, more than the 67108864 bytes (64 MiB)",
            corpus.join("huge.txt").display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipped {}: a line has 8388609 bytes, more than the 8388608 bytes (8 MiB)",
            corpus.join("line.txt").display()
        )),
        "{err}"
    );
    let bundle = parallax_core::Bundle::from_bytes(&std::fs::read(&file).unwrap()).unwrap();
    let ids: Vec<&str> = bundle.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["good"]);
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // As in `parallax compare corpus --json | head -c 100`: read a little, close the pipe. The
    // output (over 100 KB) is larger than a pipe holds, so writing it must meet the closed end.
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["compare", SEEDS, "--json"])
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
