//! The metadata bar: `parallax parse tests/fixtures/headers --json` on article headers and
//! footers in 50 real-world conventions (wire services, UK/US/Indian/Australian/African dailies,
//! magazines, blogs, newsletters, clippers, database exports, saved web pages), scored field by
//! field against `expected.toml`. Prints the accuracy of each field; asserts ≥ 95 % overall.

use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/headers");

/// Case, a leading "The", punctuation and spacing do not make a value wrong.
fn norm(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((&"the", rest)) => rest.to_vec(),
        _ => words,
    };
    words.join(" ")
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(norm)
}

#[test]
fn metadata_accuracy_on_the_header_fixtures() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["parse", "--json", DIR])
        .output()
        .unwrap();
    let docs: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}\n{}", String::from_utf8_lossy(&out.stderr));
    });
    let expected: BTreeMap<String, toml::Table> =
        toml::from_str(&std::fs::read_to_string(format!("{DIR}/expected.toml")).unwrap()).unwrap();
    let by_id: BTreeMap<&str, &Value> = docs
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d))
        .collect();
    let fields = ["title", "outlet", "authors", "published", "updated"];
    let mut right: BTreeMap<&str, usize> = BTreeMap::new();
    let mut misses = Vec::new();
    for (id, want) in &expected {
        let got = by_id.get(id.as_str()).unwrap_or(&&Value::Null);
        for f in fields {
            let ok = if f == "authors" {
                let mut w: Vec<String> = want
                    .get(f)
                    .and_then(|v| v.as_array())
                    .map(|a| a.iter().filter_map(|x| x.as_str()).map(norm).collect())
                    .unwrap_or_default();
                let mut g: Vec<String> = got[f]
                    .as_array()
                    .map(|a| a.iter().filter_map(text).collect())
                    .unwrap_or_default();
                w.sort();
                g.sort();
                w == g
            } else {
                want.get(f).and_then(|v| v.as_str()).map(norm) == text(&got[f])
            };
            if ok {
                *right.entry(f).or_default() += 1;
            } else {
                misses.push(format!(
                    "{id}.{f}: want {:?}, got {}",
                    want.get(f).map(|v| v.to_string()),
                    got[f]
                ));
            }
        }
    }
    let n = expected.len();
    println!(
        "{n} documents from {} fixture files",
        std::fs::read_dir(DIR).unwrap().count() - 1
    );
    for f in fields {
        let r = right.get(f).copied().unwrap_or(0);
        println!("{f:>10}: {r}/{n} = {:.1} %", 100.0 * r as f64 / n as f64);
    }
    let total: usize = right.values().sum();
    let overall = 100.0 * total as f64 / (n * fields.len()) as f64;
    println!("   overall: {total}/{} = {overall:.1} %", n * fields.len());
    for m in &misses {
        println!("  miss {m}");
    }
    assert!(n >= 40, "only {n} fixtures");
    assert!(
        overall >= 95.0,
        "overall accuracy {overall:.1} % is below 95 %"
    );
}
