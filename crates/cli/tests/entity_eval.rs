//! Entity recognition scored against gold annotations: the real `parallax entities --json`
//! output, exact span and type, per-type precision, recall and F1 (guidelines in
//! `tests/eval/ANNOTATION.md`).
//!
//! Three sets:
//! - the seed corpus (`tests/seeds/`, gold `tests/eval/seeds.entities.jsonl`);
//! - 30 articles written for the evaluation on other subjects and regions (floods in Pakistan,
//!   a shipping dispute, a court in Ghana, a recount in Peru, a drug recall, ...), built with
//!   their gold by `tests/eval/build_gold.py`: 20 in `tests/eval/dev/` that the rules were tuned
//!   on, and 10 in `tests/eval/heldout/` that were scored only once the rules were done (an
//!   honest figure for unseen text).
//!
//! - 10 more, `tests/eval/unseen/`, written after the rules of 2026-12-01 were done and scored
//!   once, blind (BENCHMARKS.md has that first figure), and 10 more again, `tests/eval/unseen2/`,
//!   written after the fixes that scoring prompted and scored once, blind.
//!
//! Bars: the figures measured on 2026-12-01 less a small margin, so that a regression fails (the
//! issue asks names F1 ≥ 0.90 on unseen text, seeds ≥ 0.95, DATE and NUMBER ≥ 0.90): on the 30
//! articles, rules only (`--no-kb`, what an article about an unfamiliar subject gets), names
//! (PERSON, ORG, PLACE, NORP, micro-averaged) F1 ≥ 0.94 and DATE and NUMBER F1 ≥ 0.95 each; on
//! the unseen 10, names ≥ 0.91, values ≥ 0.96; the second unseen 10, names ≥ 0.90, values ≥
//! 0.97; on the seeds, with or without the knowledge base,
//! ≥ 0.98. Run with `-- --nocapture` for the tables and the list of errors.

use parallax_core::entities::eval::{score, Record, Score};
use parallax_core::entities::EntityType;
use std::path::PathBuf;
use std::process::Command;

/// The tests' own copy of the five seed articles (`corpus/` is what the site is built from, and a
/// fork replaces it).
const SEEDS: &str = "tests/seeds";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gold(file: &str) -> Vec<Record> {
    let path = repo().join("tests/eval").join(file);
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

/// Runs `parallax entities <folders> --json [extra]` and parses its JSON Lines.
fn predicted(folders: &[&str], extra: &[&str]) -> (Vec<Record>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(repo())
        .arg("entities")
        .args(folders)
        .arg("--json")
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
}

/// Names F1 and DATE and NUMBER F1 at least these.
fn assert_bars(what: &str, s: &Score, names: f64, values: f64) {
    let f1 = s.names().f1();
    assert!(
        f1 >= names,
        "{what}: names F1 {f1:.3} < {names}\n{}",
        s.table()
    );
    for kind in [EntityType::Date, EntityType::Number] {
        let f1 = s.counts(kind).f1();
        assert!(
            f1 >= values,
            "{what}: {} F1 {f1:.3} < {values}\n{}",
            kind.as_str(),
            s.table()
        );
    }
}

#[test]
fn seeds_with_knowledge_base_meet_the_bars() {
    let gold = gold("seeds.entities.jsonl");
    let (pred, stdout) = predicted(&[SEEDS], &[]);
    let s = score(&gold, &pred);
    report("seeds: knowledge base + rules", &s);
    // The output is the gold format: every line a record whose text is its span.
    for r in &pred {
        let text = std::fs::read_to_string(repo().join(SEEDS).join(&r.doc)).unwrap();
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
    assert_bars("seeds", &s, 0.98, 0.98);
}

#[test]
fn seeds_rules_alone() {
    let s = score(
        &gold("seeds.entities.jsonl"),
        &predicted(&[SEEDS], &["--no-kb"]).0,
    );
    report("seeds: rules only (--no-kb)", &s);
    assert_bars("seeds --no-kb", &s, 0.98, 0.98);
}

/// The 30 articles written for the evaluation, rules only: the dev part, the held-out part and
/// all of them. The bars hold on all 30; the held-out figure is printed for the record.
#[test]
fn evaluation_articles_rules_alone_meet_the_bars() {
    let dev = score(
        &gold("dev.entities.jsonl"),
        &predicted(&["tests/eval/dev"], &["--no-kb"]).0,
    );
    report("evaluation, dev (20 articles, tuned on): rules only", &dev);
    let heldout = score(
        &gold("heldout.entities.jsonl"),
        &predicted(&["tests/eval/heldout"], &["--no-kb"]).0,
    );
    report("evaluation, held out (10 articles): rules only", &heldout);
    let mut all_gold = gold("dev.entities.jsonl");
    all_gold.extend(gold("heldout.entities.jsonl"));
    let all = score(
        &all_gold,
        &predicted(&["tests/eval/dev", "tests/eval/heldout"], &["--no-kb"]).0,
    );
    println!(
        "\n== evaluation, all 30 articles: rules only\n{}",
        all.table()
    );
    assert!(all_gold.len() > 800, "the evaluation set is complete");
    assert_bars("evaluation set --no-kb", &all, 0.94, 0.95);
}

/// The 10 articles written after the rules of 2026-12-01 were done and scored once, blind
/// (`tests/eval/unseen/`; the first figures are in BENCHMARKS.md). Its bars are the figures
/// measured now less a small margin, so that a regression on text the rules were not written
/// from fails.
#[test]
fn unseen_articles_rules_alone() {
    let gold = gold("unseen.entities.jsonl");
    let s = score(&gold, &predicted(&["tests/eval/unseen"], &["--no-kb"]).0);
    report("evaluation, unseen (10 articles): rules only", &s);
    assert!(gold.len() > 400, "the unseen set is complete");
    assert_bars("unseen set --no-kb", &s, UNSEEN_NAMES, UNSEEN_VALUES);
}

/// The second unseen set: 10 articles written after the fixes the first blind scoring prompted,
/// scored once, blind (`tests/eval/unseen2/`; names F1 0.926, DATE and NUMBER 1.000).
#[test]
fn second_unseen_articles_rules_alone() {
    let gold = gold("unseen2.entities.jsonl");
    let s = score(&gold, &predicted(&["tests/eval/unseen2"], &["--no-kb"]).0);
    report(
        "evaluation, second unseen set (10 articles): rules only",
        &s,
    );
    assert!(gold.len() > 350, "the second unseen set is complete");
    assert_bars("second unseen set --no-kb", &s, 0.90, 0.97);
}

/// Names F1 and DATE/NUMBER F1 on the unseen set: measured less about 0.02 (names 0.936, DATE
/// 0.994, NUMBER 0.983 on 2026-12-01, after the fixes that its blind scoring prompted).
const UNSEEN_NAMES: f64 = 0.91;
const UNSEEN_VALUES: f64 = 0.96;

/// The knowledge base knows the seed story only: on other subjects it must not get in the way.
#[test]
fn evaluation_articles_with_knowledge_base() {
    let mut all_gold = gold("dev.entities.jsonl");
    all_gold.extend(gold("heldout.entities.jsonl"));
    let s = score(
        &all_gold,
        &predicted(&["tests/eval/dev", "tests/eval/heldout"], &[]).0,
    );
    println!(
        "\n== evaluation, all 30 articles: knowledge base + rules\n{}",
        s.table()
    );
    assert_bars("evaluation set with the knowledge base", &s, 0.92, 0.95);
}

/// A Russian wire dateline (`ЕРЕВАН, 12 октября — …`) alone, and mixed into the seed corpus,
/// is parsed, recognised and bundled: `parallax bundle` succeeds and keeps every file
/// (it used to abort and lose them all).
#[test]
fn cyrillic_wire_dateline_is_bundled() {
    let dir = std::env::temp_dir().join(format!("parallax-ru-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let ru = "Пашинян заявил о мире\n\nЕРЕВАН, 12 октября — Премьер-министр Армении Никол \
              Пашинян заявил, что Ереван готов подписать мирный договор.\n";
    std::fs::write(dir.join("ru.txt"), ru).unwrap();
    for f in std::fs::read_dir(repo().join(SEEDS)).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
        }
    }
    for (input, documents) in [(dir.join("ru.txt"), 1), (dir.clone(), 6)] {
        let out = dir.join("out.bin");
        let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .arg("bundle")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .output()
            .expect("runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let bundle = parallax_core::Bundle::from_bytes(&std::fs::read(&out).unwrap())
            .expect("the bundle decodes");
        assert_eq!(bundle.documents.len(), documents, "every file kept");
        std::fs::remove_file(&out).unwrap();
    }
    let (recs, _) = predicted(&[dir.to_str().unwrap()], &[]);
    let ru_recs: Vec<&Record> = recs.iter().filter(|r| r.doc == "ru.txt").collect();
    assert!(
        ru_recs
            .iter()
            .any(|r| r.text == "ЕРЕВАН" && r.kind == "PLACE"),
        "{ru_recs:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
