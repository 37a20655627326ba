//! `parallax compare` on the seed corpus and on the ferry story written for the tests
//! (`crates/core/tests/stories/ferry`): a readable digest of each result, one line per finding
//! (snapshots small enough to review against the articles), and the facts the review
//! established, asserted directly so they cannot drift unnoticed.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// The tests' own copy of the five seed articles (`corpus/` is what the site is built from, and a
/// fork replaces it).
const SEEDS: &str = "tests/seeds";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn compare(args: &[&str]) -> (Value, std::process::Output) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(repo())
        .arg("compare")
        .args(args)
        .output()
        .expect("runs");
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (v, out)
}

fn seeds() -> Value {
    compared(SEEDS)
}

fn compared(folder: &str) -> Value {
    let (v, out) = compare(&[folder, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    v
}

fn short(id: &Value) -> String {
    id.as_str().unwrap_or("?")[..3].to_string()
}

/// One line per finding: what a reviewer reads to check the snapshot against the articles.
fn digest(c: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in c["shared"].as_array().unwrap() {
        out.push(format!(
            "shared {}-{}: {} / {} ({} passages)",
            short(&s["a"]),
            short(&s["b"]),
            s["a_fraction"],
            s["b_fraction"],
            s["passages"]
        ));
    }
    for p in c["aligned"].as_array().unwrap() {
        out.push(format!(
            "aligned {} {} {}: {} || {}",
            short(&p["a"]["doc"]),
            short(&p["b"]["doc"]),
            p["score"],
            p["a"]["text"].as_str().unwrap(),
            p["b"]["text"].as_str().unwrap()
        ));
    }
    for q in c["quotes"].as_array().unwrap() {
        out.push(format!(
            "quote {} {} {} => {} [{}] {}: {}",
            short(&q["doc"]),
            q["kind"].as_str().unwrap(),
            q["speaker"].as_str().unwrap_or("-"),
            q["canonical"].as_str().unwrap_or("-"),
            q["resolution"].as_str().unwrap(),
            q["verb"].as_str().unwrap_or("-"),
            q["text"].as_str().unwrap()
        ));
    }
    for s in c["speakers"].as_array().unwrap() {
        out.push(format!(
            "speaker {} {}",
            s["name"].as_str().unwrap(),
            s["counts"]
        ));
    }
    for r in c["frame_table"].as_array().unwrap() {
        out.push(format!(
            "frame {}/{} own {} quoted {} reported {}",
            r["topic"].as_str().unwrap(),
            r["frame"].as_str().unwrap(),
            r["own"],
            r["quoted"],
            r["reported"]
        ));
    }
    for w in c["word_choices"].as_array().unwrap() {
        let swaps: Vec<String> = w["swaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                format!(
                    "{} {} / {} {}",
                    short(&s["a_doc"]),
                    s["a"].as_str().unwrap(),
                    short(&s["b_doc"]),
                    s["b"].as_str().unwrap()
                )
            })
            .collect();
        out.push(format!(
            "choice {}: {}",
            w["terms"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(" | "),
            swaps.join(", ")
        ));
    }
    for d in c["distinctive"].as_array().unwrap() {
        let words: Vec<String> = d["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| format!("{} ({})", w["word"].as_str().unwrap(), w["z"]))
            .collect();
        out.push(format!(
            "distinctive {}: {}",
            d["label"].as_str().unwrap(),
            words.join(", ")
        ));
    }
    for g in c["numbers"].as_array().unwrap() {
        let ms: Vec<String> = g["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| format!("{} “{}”", short(&m["doc"]), m["text"].as_str().unwrap()))
            .collect();
        let flag = match (g["disagree"] == true, g["conflict"] == true) {
            (_, true) => " CONFLICT",
            (true, false) => " DIFFER",
            _ => "",
        };
        out.push(format!(
            "number {}{flag} ({}): {}",
            g["key"].as_str().unwrap(),
            g["confidence"],
            ms.join(", ")
        ));
    }
    for t in c["timeline"].as_array().unwrap() {
        let events: Vec<String> = t["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{}={}",
                    e["text"].as_str().unwrap(),
                    match (e["from"].as_str(), e["to"].as_str()) {
                        (Some(a), Some(b)) if a == b => a.to_string(),
                        (Some(a), Some(b)) => format!("{a}..{b}"),
                        _ => "?".to_string(),
                    }
                )
            })
            .collect();
        out.push(format!(
            "timeline {} published {} {}: {}",
            short(&t["doc"]),
            t["published"].as_str().unwrap_or("-"),
            if t["republished"] == true {
                "REPUBLISHED"
            } else {
                "ok"
            },
            events.join("; ")
        ));
        for e in t["evidence"].as_array().unwrap() {
            out.push(format!(
                "  evidence {}: {}",
                e["kind"].as_str().unwrap(),
                e["message"].as_str().unwrap()
            ));
        }
    }
    out
}

#[test]
fn seed_corpus_snapshot() {
    let c = seeds();
    insta::assert_json_snapshot!("seed_corpus_digest", digest(&c));
}

#[test]
fn ferry_story_snapshot() {
    let c = compared("crates/core/tests/stories/ferry");
    insta::assert_json_snapshot!("ferry_story_digest", digest(&c));
}

#[test]
fn seed_corpus_findings() {
    let c = seeds();
    // 000 (dated 2023-11-08) and 004 (2023-11-09) report late-September/early-October events
    // as news: possible re-publications. The others are not.
    let flags: Vec<(String, bool)> = c["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (short(&t["doc"]), t["republished"] == true))
        .collect();
    let want: Vec<(String, bool)> = [
        ("000", true),
        ("001", false),
        ("002", false),
        ("003", false),
        ("004", true),
    ]
    .iter()
    .map(|(d, f)| (d.to_string(), *f))
    .collect();
    assert_eq!(flags, want);
    // "approximately 30 years", "30 years", "about 30 years": one quantity that agrees.
    let groups = c["numbers"].as_array().unwrap();
    let years = groups
        .iter()
        .find(|g| g["key"] == "year")
        .expect("a year group");
    assert_eq!(years["disagree"], false);
    let texts: Vec<&str> = years["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"approximately 30 years") && texts.contains(&"about 30 years"));
    // "24-hour anti-terror operation" (001) and "two-day military offensive" (004) disagree.
    let op = groups
        .iter()
        .find(|g| g["key"] == "duration of operation")
        .expect("the operation's duration");
    assert_eq!(op["disagree"], true);
    // Every quote has the fields the app reads.
    for q in c["quotes"].as_array().unwrap() {
        for k in [
            "doc",
            "speaker",
            "canonical",
            "verb",
            "text",
            "start",
            "end",
        ] {
            assert!(q.get(k).is_some(), "{k} missing in {q}");
        }
    }
    // Hajiyev's second quote has no attribution of its own: it continues his.
    assert!(c["quotes"].as_array().unwrap().iter().any(|q| q["text"]
        .as_str()
        .unwrap()
        .starts_with("But it doesn't mean")
        && q["canonical"] == "Hikmet Hajiyev"
        && q["resolution"] == "continued"));
}

#[test]
fn files_and_errors() {
    let (v, out) = compare(&[
        "tests/seeds/000_c89f353285aead65.txt",
        "tests/seeds/003_a22fafbe7c290254.txt",
        "--json",
    ]);
    assert!(out.status.success());
    assert_eq!(v["docs"].as_array().unwrap().len(), 2);
    assert_eq!(v["shared"].as_array().unwrap().len(), 1);
    // One document is not a comparison.
    let (_, out) = compare(&["tests/seeds/000_c89f353285aead65.txt"]);
    assert!(!out.status.success());
    // A missing file is named, the rest still compared, and the exit code says so.
    let (v, out) = compare(&[SEEDS, "no-such-file.txt", "--json"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.txt"));
    assert_eq!(v["docs"].as_array().unwrap().len(), 5);
}
