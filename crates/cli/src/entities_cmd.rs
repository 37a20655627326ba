//! `parallax entities` (print the mentions in every article) and `parallax eval` (score them
//! against gold annotations in the same JSON Lines format).

use parallax_core::entities::eval::{self, Record};
use parallax_core::entities::{recognize, KnowledgeBase};
use parallax_core::Document;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;

struct Options {
    json: bool,
    kb: bool,
    gold: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

fn options(cmd: &str, args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        json: false,
        kb: true,
        gold: None,
        paths: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" if cmd == "entities" => o.json = true,
            "--no-kb" => o.kb = false,
            "--gold" if cmd == "eval" => {
                o.gold = Some(PathBuf::from(it.next().ok_or("--gold needs a file")?))
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}` for {cmd}"))
            }
            p => o.paths.push(PathBuf::from(p)),
        }
    }
    if o.paths.is_empty() {
        return Err(format!("{cmd} needs at least one file or folder"));
    }
    Ok(o)
}

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
pub fn cmd_entities(args: &[String]) -> Result<bool, String> {
    let o = options("entities", args)?;
    let (docs, all_read) = crate::parse_inputs(&o.paths);
    let recs = records(&docs, o.kb);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = if o.json {
        recs.iter()
            .try_for_each(|r| writeln!(out, "{}", gold_line(r)))
    } else {
        let mut last = "";
        recs.iter().try_for_each(|r| {
            if r.doc != last {
                writeln!(out, "{}", r.doc)?;
                last = &r.doc;
            }
            writeln!(
                out,
                "  [{:>5}..{:<5}] {:<6} {}  → {}",
                r.start, r.end, r.kind, r.text, r.canonical
            )
        })
    };
    // A closed pipe (`| head`) is the reader's choice, not an error.
    match written.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.to_string()),
        _ => {}
    }
    Ok(all_read)
}

/// `parallax eval --gold <file.jsonl> <files or folders>... [--no-kb]`
pub fn cmd_eval(args: &[String]) -> Result<bool, String> {
    let o = options("eval", args)?;
    let gold_path = o.gold.ok_or("eval needs --gold <file.jsonl>")?;
    let gold = read_gold(&gold_path)?;
    let (docs, all_read) = crate::parse_inputs(&o.paths);
    let s = eval::score(&gold, &records(&docs, o.kb));
    println!(
        "knowledge base: {}\n\n{}",
        if o.kb { "on" } else { "off" },
        s.table()
    );
    for r in &s.missed {
        println!(
            "missed    {} {}..{} {} {:?}",
            r.doc, r.start, r.end, r.kind, r.text
        );
    }
    for r in &s.spurious {
        println!(
            "spurious  {} {}..{} {} {:?}",
            r.doc, r.start, r.end, r.kind, r.text
        );
    }
    Ok(all_read)
}

/// Reads a JSON Lines gold file.
pub fn read_gold(path: &std::path::Path) -> Result<Vec<Record>, String> {
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
