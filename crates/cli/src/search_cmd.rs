//! `parallax search`: runs a query over a corpus folder and prints ranked documents with their
//! best passages, every matching passage (`--passages`) or a KWIC concordance (`--kwic`).
//!
//! With `--json`, stdout is always a JSON array (empty when nothing matches) and notes go to
//! stderr, so scripts can parse stdout whatever the query.

use parallax_core::search::{
    kwic, search, Index, KwicOptions, KwicSort, Mode, Options, Passage, SearchResults,
};
use parallax_core::Document;
use serde_json::{json, Value};
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut query: Option<String> = None;
    let mut corpus = PathBuf::from("corpus");
    let (mut json_out, mut passages, mut concordance) = (false, false, false);
    let mut sort = KwicSort::Document;
    let mut limit = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json_out = true,
            "--passages" => passages = true,
            "--kwic" => concordance = true,
            "--corpus" => corpus = PathBuf::from(it.next().ok_or("--corpus needs a folder")?),
            "--sort" => {
                sort = match it.next().map(String::as_str) {
                    Some("left") => KwicSort::Left,
                    Some("right") => KwicSort::Right,
                    Some("document") => KwicSort::Document,
                    _ => return Err("--sort needs left, right or document".into()),
                }
            }
            "--limit" => {
                limit = Some(
                    it.next()
                        .and_then(|n| n.parse::<usize>().ok())
                        .ok_or("--limit needs a number")?,
                )
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}` for search"))
            }
            q if query.is_none() => query = Some(q.to_string()),
            extra => {
                return Err(format!(
                    "search takes one query (quote it); got also `{extra}`"
                ))
            }
        }
    }
    let query = query.ok_or("search needs a query (use '' for all documents)")?;
    let (docs, all_read) = crate::parse_inputs(&[corpus]);
    let index = Index::build(&docs);
    let out: Vec<Value> = if concordance {
        let mut opts = KwicOptions {
            sort,
            ..KwicOptions::default()
        };
        if let Some(l) = limit {
            opts.limit = l;
        }
        let k = kwic(&index, &docs, &query, &opts);
        for n in &k.notes {
            eprintln!("note: {n}");
        }
        if !json_out {
            println!("{} occurrences", k.total);
            for l in &k.lines {
                println!("{:>62} [{}] {:<62}  {}", l.left, l.keyword, l.right, l.id);
            }
            return Ok(all_read);
        }
        k.lines
            .iter()
            .map(|l| {
                json!({"id": l.id, "start": l.start, "end": l.end,
                       "left": l.left, "keyword": l.keyword, "right": l.right})
            })
            .collect()
    } else {
        let mut opts = Options {
            mode: if passages {
                Mode::Passages
            } else {
                Mode::Documents
            },
            ..Options::default()
        };
        if let Some(l) = limit {
            opts.limit = l;
        }
        let r = search(&index, &docs, &query, &opts);
        for n in &r.notes {
            eprintln!("note: {n}");
        }
        if !json_out {
            print_results(&r, &docs);
            return Ok(all_read);
        }
        hits_json(&r, &docs)
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    );
    Ok(all_read)
}

/// Scores rounded, so printed results do not change with the last bits of a float.
fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

fn passage_json(d: &Document, p: &Passage) -> Value {
    json!({
        "text": d.slice(p.start, p.end),
        "start": p.start,
        "end": p.end,
        "kind": p.kind,
        "highlights": p.highlights.iter().map(|&(s, e)| json!({
            "start": s, "end": e, "text": d.slice(s, e),
        })).collect::<Vec<_>>(),
    })
}

fn doc_json(d: &Document, score: f32, passages: Vec<Value>) -> Value {
    json!({
        "id": d.id,
        "score": round(score),
        "title": d.title(),
        "outlet": d.meta.outlet.as_ref().map(|f| f.value.clone()),
        "published": d.meta.published.as_ref().map(|f| f.value.to_string()),
        "passages": passages,
    })
}

/// Document mode: one object per document. Passage mode: one object per passage (its document's
/// fields, the passage's score, a one-element `passages`).
fn hits_json(r: &SearchResults, docs: &[Document]) -> Vec<Value> {
    let mut out = Vec::new();
    for h in &r.hits {
        let d = &docs[h.doc];
        let passages = h.passages.iter().map(|p| passage_json(d, p)).collect();
        out.push(doc_json(d, h.score, passages));
    }
    for p in &r.passages {
        let d = &docs[p.doc];
        out.push(doc_json(
            d,
            p.passage.score,
            vec![passage_json(d, &p.passage)],
        ));
    }
    out
}

/// `[highlighted]` words inside the passage text, white space runs made single spaces.
fn marked(d: &Document, p: &Passage) -> String {
    let mut s = String::new();
    let mut at = p.start;
    for &(a, b) in &p.highlights {
        s.push_str(d.slice(at, a));
        s.push('[');
        s.push_str(d.slice(a, b));
        s.push(']');
        at = b;
    }
    s.push_str(d.slice(at, p.end));
    parallax_core::text::normalize_space(&s)
}

fn print_results(r: &SearchResults, docs: &[Document]) {
    if let Some(c) = &r.corrected_query {
        println!("showing results for: {c}");
    }
    println!(
        "{} passage{} in {} of {} documents",
        r.total_passages,
        if r.total_passages == 1 { "" } else { "s" },
        r.total_docs,
        r.corpus_docs
    );
    for (i, h) in r.hits.iter().enumerate() {
        let d = &docs[h.doc];
        println!(
            "\n{}. {}  (score {:.3})  {}",
            i + 1,
            d.id,
            h.score,
            d.title().unwrap_or("")
        );
        for p in &h.passages {
            println!("   {}", marked(d, p));
        }
    }
    for p in &r.passages {
        println!("\n{}: {}", p.id, marked(&docs[p.doc], &p.passage));
    }
    for f in &r.facets {
        let values: Vec<String> = f
            .values
            .iter()
            .map(|v| format!("{} ({})", v.value, v.count))
            .collect();
        if !values.is_empty() {
            println!("\n{}: {}", f.name, values.join(", "));
        }
    }
}
