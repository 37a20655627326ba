//! Entity recognition scored against the gold annotations of the seed corpus
//! (`tests/eval/seeds.entities.jsonl`, guidelines in `tests/eval/ANNOTATION.md`): the real
//! `parallax entities --json` output, exact span and type, per-type precision, recall and F1.
//!
//! Bars: names (PERSON, ORG, PLACE, NORP, micro-averaged) F1 ≥ 0.95, DATE and NUMBER F1 ≥ 0.90
//! each; with the knowledge base switched off (`--no-kb`, the general rules alone, which is
//! what articles about other subjects get) names F1 ≥ 0.75. Run with `-- --nocapture` for the
//! tables and the list of errors.

use parallax_core::entities::eval::{score, Record, Score};
use parallax_core::entities::EntityType;
use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gold() -> Vec<Record> {
    let path = repo().join("tests/eval/seeds.entities.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the gold annotations are missing: cannot read {} ({e}); \
             entity recognition cannot be scored without them.",
            path.display()
        )
    });
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a gold line is a record"))
        .collect()
}

/// Runs `parallax entities corpus --json [extra]` and parses its JSON Lines.
fn predicted(extra: &[&str]) -> (Vec<Record>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(repo())
        .args(["entities", "corpus", "--json"])
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let recs = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a record: {l}: {e}")))
        .collect();
    (recs, stdout)
}

fn report(title: &str, s: &Score) {
    println!("\n== {title}\n{}", s.table());
    for r in &s.missed {
        println!(
            "  missed    {} {}..{} {} {:?}",
            r.doc, r.start, r.end, r.kind, r.text
        );
    }
    for r in &s.spurious {
        println!(
            "  spurious  {} {}..{} {} {:?}",
            r.doc, r.start, r.end, r.kind, r.text
        );
    }
    for (g, got) in &s.canonical_mismatches {
        println!(
            "  canonical {} {:?}: gold {:?}, got {:?}",
            g.doc, g.text, g.canonical, got
        );
    }
}

#[test]
fn with_knowledge_base_meets_the_bars() {
    let gold = gold();
    let (pred, stdout) = predicted(&[]);
    let s = score(&gold, &pred);
    report("knowledge base + rules", &s);
    // The output is the gold format: every line a record whose text is its span.
    let corpus: Vec<(String, String)> = gold
        .iter()
        .map(|r| r.doc.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|d| {
            (
                d.clone(),
                std::fs::read_to_string(repo().join("corpus").join(&d)).unwrap(),
            )
        })
        .collect();
    for r in &pred {
        let (_, text) = corpus
            .iter()
            .find(|(d, _)| *d == r.doc)
            .expect("a seed document");
        assert_eq!(text.get(r.start..r.end), Some(r.text.as_str()), "{r:?}");
        assert!(EntityType::parse(&r.kind).is_some(), "{r:?}");
    }
    assert!(
        stdout.starts_with("{\"doc\": \""),
        "gold key order and separators"
    );
    let mut sorted = pred.clone();
    sorted.sort_by(|a, b| (&a.doc, a.start).cmp(&(&b.doc, b.start)));
    assert_eq!(sorted, pred, "sorted by doc, then start");

    let names = s.names().f1();
    assert!(names >= 0.95, "names F1 {names:.3} < 0.95\n{}", s.table());
    for kind in [EntityType::Date, EntityType::Number] {
        let f1 = s.counts(kind).f1();
        assert!(
            f1 >= 0.90,
            "{} F1 {f1:.3} < 0.90\n{}",
            kind.as_str(),
            s.table()
        );
    }
}

#[test]
fn rules_alone_meet_the_bar() {
    let s = score(&gold(), &predicted(&["--no-kb"]).0);
    report("rules only (--no-kb)", &s);
    let names = s.names().f1();
    assert!(
        names >= 0.75,
        "rules-only names F1 {names:.3} < 0.75\n{}",
        s.table()
    );
}
