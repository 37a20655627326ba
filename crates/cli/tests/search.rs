//! `parallax search` and `parallax gen-corpus` end to end. The search snapshots are golden
//! outputs on the seed corpus, checked against the articles by reading them (see the comments).

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

/// Runs `parallax search <args> --json`, checks it succeeded, returns stdout as JSON and stderr.
fn search(args: &[&str]) -> (Value, String) {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend(["--corpus", SEEDS, "--json"]);
    let out = parallax(&all);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {err}");
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert!(v.is_array(), "{v}");
    (v, err)
}

/// Hits as `id: passage text with [highlights]`, one line per passage: short enough to review.
fn summary(hits: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for h in hits.as_array().unwrap() {
        let id = h["id"].as_str().unwrap();
        for p in h["passages"].as_array().unwrap() {
            let (text, start) = (p["text"].as_str().unwrap(), p["start"].as_u64().unwrap());
            let mut s = String::new();
            let mut at = 0;
            for hl in p["highlights"].as_array().unwrap() {
                let a = (hl["start"].as_u64().unwrap() - start) as usize;
                let b = (hl["end"].as_u64().unwrap() - start) as usize;
                assert_eq!(&text[a..b], hl["text"].as_str().unwrap());
                s.push_str(&text[at..a]);
                s.push_str(&format!("[{}]", &text[a..b]));
                at = b;
            }
            s.push_str(&text[at..]);
            out.push(format!("{id} ({}): {s}", h["score"]));
        }
    }
    out
}

/// The passages' offsets are byte offsets into the original files.
fn check_offsets(hits: &Value) {
    for h in hits.as_array().unwrap() {
        let file = repo().join(format!("{SEEDS}/{}.txt", h["id"].as_str().unwrap()));
        let text = std::fs::read_to_string(file).unwrap();
        for p in h["passages"].as_array().unwrap() {
            let (s, e) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], p["text"].as_str().unwrap());
        }
    }
}

// "Lachin Corridor" appears only in 003 (the World Court order). 001 mentions "the Lachin road"
// but never "corridor", so it must not match an AND of both words.
#[test]
fn two_words_and() {
    let (v, _) = search(&["Lachin corridor"]);
    check_offsets(&v);
    insta::assert_json_snapshot!("lachin_corridor", summary(&v));
}

// "ethnic cleansing" as a phrase: 001 twice (the Armenian government's accusation, Hajiyev's
// reply), 000 (Pashinian's accusation), 003 ("fears of ethnic cleansing"). 002 and 004 never
// use it ("ethnic Armenian" alone does not count).
#[test]
fn phrase_every_passage() {
    let (v, _) = search(&["\"ethnic cleansing\"", "--passages"]);
    check_offsets(&v);
    insta::assert_json_snapshot!("ethnic_cleansing_passages", summary(&v));
    // The full JSON shape of one hit.
    let (v, _) = search(&["\"ethnic cleansing\"", "--limit", "1"]);
    insta::assert_json_snapshot!("ethnic_cleansing_top_hit", v);
}

// The seeds write "Stephane" without the accent (000 and 003): an accented query finds both.
// "refugee" finds 000's "refugees" and 003's "refugee" by stemming.
#[test]
fn folding_and_stemming() {
    let (v, _) = search(&["Stéphane"]);
    insta::assert_json_snapshot!("stephane", summary(&v));
    let (v, _) = search(&["refugee"]);
    insta::assert_json_snapshot!("refugee", summary(&v));
}

// Only 002 has an outlet (Balkan Periscope - Hellas) and it is the only one dated before October.
// All five say "humanitarian"; 002 and 004 say "Russia" (001 only "Russian", another word: a
// plain word matches its inflections, not its derivations), so 000, 001 and 003 are left.
#[test]
fn fields_dates_exclusion() {
    let (v, _) = search(&["outlet:balkan mission", "--limit", "1"]);
    assert_eq!(v[0]["id"], "002_4123e98665d019c0");
    let (v, _) = search(&["before:2023-10-01"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["002_4123e98665d019c0"]);
    let (v, _) = search(&["humanitarian -russia"]);
    let mut ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "000_c89f353285aead65",
            "001_1d5485b6803e7481",
            "003_a22fafbe7c290254"
        ]
    );
}

#[test]
fn typos_nothing_and_malformed_queries() {
    // "Dujarirc": no such word; corrected to Dujarric (000 and 003), said on stderr.
    let (v, err) = search(&["Dujarirc"]);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert!(err.contains("showing results for “Dujarric”"), "{err}");
    // Nothing matches: an empty array, exit 0.
    let (v, _) = search(&["zeppelin"]);
    assert_eq!(v, serde_json::json!([]));
    // Unclosed quote and lone minus: answered, with notes.
    let (v, err) = search(&["- \"ethnic cleansing"]);
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert!(err.contains("not closed") && err.contains("lone"), "{err}");
}

#[test]
fn kwic_lines() {
    let (v, _) = search(&["Lachin", "--kwic"]);
    insta::assert_json_snapshot!("lachin_kwic", v);
}

#[test]
fn gen_corpus_is_synthetic_and_deterministic() {
    let dir =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("gen-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let generate = |out: &str| {
        parallax(&[
            "gen-corpus",
            "--docs",
            "12",
            "--seed",
            "3",
            "--corpus",
            SEEDS,
            "-o",
            out,
        ])
    };
    let out = generate(d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read_to_string(dir.join("synth_00000.txt")).unwrap();
    assert!(first.starts_with("SYNTHETIC ARTICLE"), "{first}");
    let sidecar = std::fs::read_to_string(dir.join("synth_00000.toml")).unwrap();
    assert!(sidecar.contains("Synthetic article"), "{sidecar}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 24);
    // The generated folder is a corpus like any other.
    let out = parallax(&["search", "", "--corpus", d, "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 12);
    let again = dir.join("again");
    let out = generate(again.to_str().unwrap());
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(again.join("synth_00000.txt")).unwrap(),
        first
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// People read the human output: every article is named by its label (outlet and headline, or
// "Untitled: …" and its first words), never by its file id; `--json` keeps the ids for programs.
#[test]
fn human_output_names_articles_by_label() {
    let ids = seed_ids();
    for args in [
        &["search", "ethnic cleansing", "--corpus", SEEDS][..],
        &["search", "ethnic", "--passages", "--corpus", SEEDS],
        &["search", "Lachin", "--kwic", "--corpus", SEEDS],
        &["compare", SEEDS],
    ] {
        let out = parallax(args);
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        for id in &ids {
            assert!(!text.contains(id.as_str()), "{args:?} shows {id}:\n{text}");
        }
        assert!(
            text.contains("Untitled: ") || text.contains(" — "),
            "{args:?} names articles by label:\n{text}"
        );
    }
    let (v, _) = search(&["\"ethnic cleansing\"", "--limit", "1"]);
    assert!(v[0]["label"].as_str().is_some_and(|l| !l.is_empty()));
}

/// The seed corpus's document ids (file names without `.txt`).
fn seed_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join(SEEDS))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".txt").map(String::from)
        })
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 5);
    ids
}

// 002 writes "Pashinyan", 000 "Pashinian": a query naming the entity finds both and says so;
// `--aliases off` searches only the word as typed, and a quoted word stays exact.
#[test]
fn a_name_also_finds_its_other_spellings() {
    let ids = |v: &Value| -> Vec<String> {
        let mut ids: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let (v, err) = search(&["Pashinyan"]);
    assert_eq!(ids(&v), ["000_c89f353285aead65", "002_4123e98665d019c0"]);
    assert!(err.contains("also searched: Pashinian"), "{err}");
    let (v, err) = search(&["Pashinyan", "--aliases", "off"]);
    assert_eq!(ids(&v), ["002_4123e98665d019c0"]);
    assert!(!err.contains("also searched"), "{err}");
    let (v, _) = search(&["\"Pashinyan\""]);
    assert_eq!(ids(&v), ["002_4123e98665d019c0"]);
}
