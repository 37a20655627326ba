//! `parallax entities` (print the mentions in every article) and `parallax eval` (score them
//! against gold annotations in the same JSON Lines format).

use crate::Outcome;
use parallax_core::entities::eval::{self, Record};
use parallax_core::entities::{recognize, KnowledgeBase};
use parallax_core::Document;
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Every mention of every document, as gold-format records sorted by document then offset.
fn records(docs: &[Document], kb: bool) -> Vec<Record> {
    let kb = kb.then(KnowledgeBase::builtin);
    let mut out: Vec<Record> = docs
        .iter()
        .flat_map(|d| {
            recognize(d, kb)
                .into_iter()
                .map(|m| Record::from_mention(&d.file, &d.text, &m))
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort_by(|a, b| (&a.doc, a.start, a.end).cmp(&(&b.doc, b.start, b.end)));
    out
}

/// `parallax entities <files or folders>... [--json] [--no-kb]`
pub fn cmd_entities(paths: &[PathBuf], json: bool, kb: bool, out: &mut dyn Write) -> Outcome {
    let parsed = crate::parse_inputs(paths);
    let recs = records(&parsed.docs, kb);
    if json {
        for r in &recs {
            writeln!(out, "{}", gold_line(r))?;
        }
    } else {
        let mut last = "";
        for r in &recs {
            if r.doc != last {
                writeln!(out, "{}", r.doc)?;
                last = &r.doc;
            }
            writeln!(
                out,
                "  [{:>5}..{:<5}] {:<6} {}  → {}",
                r.start, r.end, r.kind, r.text, r.canonical
            )?;
        }
    }
    Ok(parsed.all_read)
}

/// `parallax eval --gold <file.jsonl> <files or folders>... [--no-kb]`
pub fn cmd_eval(gold_path: &Path, paths: &[PathBuf], kb: bool, out: &mut dyn Write) -> Outcome {
    let gold = read_gold(gold_path)?;
    let parsed = crate::parse_inputs(paths);
    let s = eval::score(&gold, &records(&parsed.docs, kb));
    writeln!(
        out,
        "knowledge base: {}\n\n{}",
        if kb { "on" } else { "off" },
        s.table()
    )?;
    for r in &s.missed {
        writeln!(
            out,
            "missed    {} {}..{} {} {:?}",
            r.doc, r.start, r.end, r.kind, r.text
        )?;
    }
    for r in &s.spurious {
        writeln!(
            out,
            "spurious  {} {}..{} {} {:?}",
            r.doc, r.start, r.end, r.kind, r.text
        )?;
    }
    Ok(parsed.all_read)
}

/// Reads a JSON Lines gold file.
pub fn read_gold(path: &Path) -> Result<Vec<Record>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// One record as a line of the gold file: `{"doc": "...", "start": 6, ...}`, with the key order,
/// separators and ASCII escapes of Python's `json.dumps`, so outputs can be diffed with it.
pub fn gold_line(r: &Record) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, GoldStyle);
    r.serialize(&mut ser).expect("a record serializes");
    String::from_utf8(buf).expect("ASCII")
}

struct GoldStyle;

impl serde_json::ser::Formatter for GoldStyle {
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        for c in s.chars() {
            if c.is_ascii() {
                w.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}
