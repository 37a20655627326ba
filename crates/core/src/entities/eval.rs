//! Scoring mentions against gold annotations: precision, recall and F1 per type, on exact span
//! and type (see `ANNOTATION.md` for the format and the guidelines).

use super::{EntityType, Mention};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// One annotation line: the gold JSON Lines format, which `parallax entities --json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// File name of the document.
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub canonical: String,
}

impl Record {
    pub fn from_mention(doc: &str, doc_text: &str, m: &Mention) -> Record {
        Record {
            doc: doc.to_string(),
            start: m.start,
            end: m.end,
            text: m.text(doc_text).to_string(),
            kind: m.kind.as_str().to_string(),
            canonical: m.canonical.clone(),
        }
    }

    fn key(&self) -> (&str, usize, usize, &str) {
        (&self.doc, self.start, self.end, &self.kind)
    }
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A score: counts per type, and the errors behind them.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub per_type: BTreeMap<String, Counts>,
    /// Gold mentions not found.
    pub missed: Vec<Record>,
    /// Found mentions not in the gold.
    pub spurious: Vec<Record>,
    /// True positives whose canonical name differs from the gold's.
    pub canonical_mismatches: Vec<(Record, String)>,
}

impl Score {
    pub fn counts(&self, kind: EntityType) -> Counts {
        self.per_type
            .get(kind.as_str())
            .copied()
            .unwrap_or_default()
    }

    /// Micro-averaged counts over PERSON, ORG, PLACE and NORP.
    pub fn names(&self) -> Counts {
        let mut c = Counts::default();
        for k in EntityType::ALL.iter().filter(|k| k.is_name()) {
            c.add(self.counts(*k));
        }
        c
    }

    /// Micro-averaged counts over every type.
    pub fn all(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.per_type.values() {
            c.add(*v);
        }
        c
    }

    /// A plain-text P/R/F1 table, one row per type, then names and all.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<8} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}",
            "type", "tp", "fp", "fn", "P", "R", "F1"
        );
        let mut row = |name: &str, c: Counts| {
            let _ = writeln!(
                s,
                "{:<8} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
                name,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            );
        };
        for k in EntityType::ALL {
            row(k.as_str(), self.counts(k));
        }
        for (k, c) in &self.per_type {
            if EntityType::parse(k).is_none() {
                row(k, *c);
            }
        }
        row("names", self.names());
        row("all", self.all());
        s
    }
}

/// Scores predictions against gold on exact (doc, start, end, type). Only documents that appear
/// in the gold are scored.
pub fn score(gold: &[Record], predicted: &[Record]) -> Score {
    let docs: HashSet<&str> = gold.iter().map(|r| r.doc.as_str()).collect();
    let predicted: Vec<&Record> = predicted
        .iter()
        .filter(|r| docs.contains(r.doc.as_str()))
        .collect();
    let gold_keys: HashMap<_, &Record> = gold.iter().map(|r| (r.key(), r)).collect();
    let pred_keys: HashSet<_> = predicted.iter().map(|r| r.key()).collect();
    let mut s = Score::default();
    for p in &predicted {
        let c = s.per_type.entry(p.kind.clone()).or_default();
        match gold_keys.get(&p.key()) {
            Some(g) => {
                c.tp += 1;
                if g.canonical != p.canonical {
                    s.canonical_mismatches
                        .push(((*g).clone(), p.canonical.clone()));
                }
            }
            None => {
                c.fp += 1;
                s.spurious.push((*p).clone());
            }
        }
    }
    for g in gold {
        if !pred_keys.contains(&g.key()) {
            s.per_type.entry(g.kind.clone()).or_default().fn_ += 1;
            s.missed.push(g.clone());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize, kind: &str) -> Record {
        Record {
            doc: "a.txt".into(),
            start,
            end,
            text: String::new(),
            kind: kind.into(),
            canonical: String::new(),
        }
    }

    #[test]
    fn exact_span_and_type() {
        let gold = [r(0, 5, "PLACE"), r(6, 8, "ORG"), r(9, 12, "DATE")];
        let pred = [r(0, 5, "PLACE"), r(6, 8, "PERSON"), r(9, 11, "DATE")];
        let s = score(&gold, &pred);
        assert_eq!(
            s.counts(EntityType::Place),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.counts(EntityType::Org),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            s.counts(EntityType::Person),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(s.names().f1(), 0.5);
        assert_eq!(s.missed.len(), 2);
        assert!(s.table().contains("names"));
    }
}
