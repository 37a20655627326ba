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
use std::io::{self, Write};

use crate::args::{Aliases, SearchArgs, Sort};
use crate::Outcome;
use parallax_core::aliases::{expand_aliases, Expand};
use parallax_core::entities::{recognize, EntityType, KnowledgeBase};
use std::collections::BTreeMap;

pub fn run(r: &SearchArgs, out: &mut dyn Write) -> Outcome {
    let parsed = crate::parse_inputs(std::slice::from_ref(&r.corpus));
    let (docs, all_read) = (&parsed.docs, parsed.all_read);
    let index = Index::build(docs);
    let labels = parallax_core::labels(docs);
    let expanded = expand_aliases(&r.query, &name_groups(docs), aliases(r.aliases));
    if !expanded.also.is_empty() {
        eprintln!(
            "note: also searched: {} (--aliases off: only the words as typed)",
            expanded.also.join(", ")
        );
    }
    let query = expanded.query.as_str();
    let values: Vec<Value> = if r.kwic {
        let mut opts = KwicOptions {
            sort: match r.sort {
                Sort::Document => KwicSort::Document,
                Sort::Left => KwicSort::Left,
                Sort::Right => KwicSort::Right,
            },
            ..KwicOptions::default()
        };
        if let Some(l) = r.limit {
            opts.limit = l;
        }
        let k = kwic(&index, docs, query, &opts);
        for n in &k.notes {
            eprintln!("note: {n}");
        }
        if !r.json {
            writeln!(out, "{} occurrences", k.total)?;
            for l in &k.lines {
                writeln!(
                    out,
                    "{:>62} [{}] {:<62}  {}",
                    l.left,
                    l.keyword,
                    l.right,
                    labels.get(l.doc).map_or("", String::as_str)
                )?;
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
            mode: if r.passages {
                Mode::Passages
            } else {
                Mode::Documents
            },
            ..Options::default()
        };
        if let Some(l) = r.limit {
            opts.limit = l;
        }
        let results = search(&index, docs, query, &opts);
        for n in &results.notes {
            eprintln!("note: {n}");
        }
        if !r.json {
            print_results(&results, docs, &labels, out)?;
            return Ok(all_read);
        }
        hits_json(&results, docs, &labels)
    };
    serde_json::to_writer_pretty(&mut *out, &values).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(all_read)
}

fn aliases(a: Aliases) -> Expand {
    match a {
        Aliases::Off => Expand::Off,
        Aliases::Spelling => Expand::Spelling,
        Aliases::All => Expand::All,
    }
}

/// Per named entity the corpus mentions (recognised with the built-in knowledge base), every
/// name it is written with: what a query word naming it is expanded with.
fn name_groups(docs: &[Document]) -> Vec<Vec<String>> {
    let kb = KnowledgeBase::builtin();
    let mut groups: BTreeMap<(EntityType, String), Vec<String>> = BTreeMap::new();
    for d in docs {
        for m in recognize(d, Some(kb))
            .into_iter()
            .filter(|m| m.kind.is_name())
        {
            let names = groups
                .entry((m.kind, m.canonical.clone()))
                .or_insert_with(|| vec![m.canonical.clone()]);
            let name = parallax_core::text::normalize_space(m.text(&d.text));
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    groups.into_values().collect()
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

fn doc_json(d: &Document, label: &str, score: f32, passages: Vec<Value>) -> Value {
    json!({
        "id": d.id,
        "label": label,
        "score": round(score),
        "title": d.title(),
        "outlet": d.meta.outlet.as_ref().map(|f| f.value.clone()),
        "published": d.meta.published.as_ref().map(|f| f.value.to_string()),
        "passages": passages,
    })
}

/// Document mode: one object per document. Passage mode: one object per passage (its document's
/// fields, the passage's score, a one-element `passages`).
fn hits_json(r: &SearchResults, docs: &[Document], labels: &[String]) -> Vec<Value> {
    let label = |d: usize| labels.get(d).map_or("", String::as_str);
    let mut out = Vec::new();
    for h in &r.hits {
        let d = &docs[h.doc];
        let passages = h.passages.iter().map(|p| passage_json(d, p)).collect();
        out.push(doc_json(d, label(h.doc), h.score, passages));
    }
    for p in &r.passages {
        let d = &docs[p.doc];
        out.push(doc_json(
            d,
            label(p.doc),
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

/// The human-readable results: each document by its label (never its file id; `--json` has ids).
fn print_results(
    r: &SearchResults,
    docs: &[Document],
    labels: &[String],
    out: &mut dyn Write,
) -> io::Result<()> {
    let label = |d: usize| labels.get(d).map_or("", String::as_str);
    if let Some(c) = &r.corrected_query {
        writeln!(out, "showing results for: {c}")?;
    }
    // The CLI's options always count every passage.
    let passages = r.total_passages.unwrap_or_default();
    writeln!(
        out,
        "{} passage{} in {} of {} documents",
        passages,
        if passages == 1 { "" } else { "s" },
        r.total_docs,
        r.corpus_docs
    )?;
    for (i, h) in r.hits.iter().enumerate() {
        let d = &docs[h.doc];
        writeln!(out, "\n{}. {}  (score {:.3})", i + 1, label(h.doc), h.score)?;
        for p in &h.passages {
            writeln!(out, "   {}", marked(d, p))?;
        }
    }
    for p in &r.passages {
        writeln!(
            out,
            "\n{}: {}",
            label(p.doc),
            marked(&docs[p.doc], &p.passage)
        )?;
    }
    for f in &r.facets {
        let values: Vec<String> = f
            .values
            .iter()
            .map(|v| format!("{} ({})", v.value, v.count))
            .collect();
        if !values.is_empty() {
            writeln!(out, "\n{}: {}", f.name, values.join(", "))?;
        }
    }
    Ok(())
}
