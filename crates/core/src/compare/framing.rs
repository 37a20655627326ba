//! Framing: which words each article chooses for the same things, from a documented lexicon
//! (`data/framing.toml`), matched by stem so inflections count ("attacked" is "attack").
//!
//! Each hit says whose voice it is in: the article's own, inside quotation marks (a quoted
//! "ethnic cleansing" is someone else's word), or inside reported speech ("Pashinian accused
//! Azerbaijan of ethnic cleansing"); and whether it is negated ("have not been forced out").
//! Counts are per document and per outlet; nothing is turned into a rating.

pub use super::lexicon_format::{Attribution, Frame, Lexicon, Topic};
use super::prepare::{Prepared, Vocab};
use super::quotes::{self, Marks};
use crate::search::stem::stem;
use crate::search::tokenize::for_each_token;
use crate::sort::stable_sort_by_key;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

impl Lexicon {
    /// Parses a lexicon in the format of `data/framing.toml`.
    pub fn from_toml(src: &str) -> Result<Lexicon, String> {
        toml::from_str(src).map_err(|e| e.to_string())
    }
}

/// The built-in lexicon (`crates/core/data/framing.toml`), compiled to postcard by `build.rs`:
/// the engine, and the comparison worker that links it, carry no TOML parser for it.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        // Unreadable bytes (a test compares them with the TOML) leave framing empty rather than
        // panicking.
        postcard::from_bytes(BUILTIN).unwrap_or(Lexicon { topics: Vec::new() })
    })
}

/// `data/framing.toml` as postcard, written by `build.rs`.
const BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/framing.postcard"));

/// Whose word a framing term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The article's own words.
    Own,
    /// Inside quotation marks: someone else's word, or the writer keeping a distance.
    Quoted,
    /// Inside reported speech ("X said that …").
    Reported,
}

/// A framing term found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameHit {
    pub doc: String,
    pub topic: String,
    pub frame: String,
    /// The lexicon term that matched.
    pub term: String,
    /// The words as written.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub voice: Voice,
    /// Negated just before ("not", "no", "never", "-n't").
    pub negated: bool,
}

/// Counts of one frame, per document and per source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameRow {
    pub topic: String,
    /// The topic's name ("The departure of Armenians"), for tables grouped by topic.
    pub topic_name: String,
    pub frame: String,
    pub name: String,
    /// Hits in the article's own voice (not quoted, not negated), per document.
    pub own: Vec<usize>,
    /// Hits inside quotation marks, per document.
    pub quoted: Vec<usize>,
    /// Hits inside reported speech, per document.
    pub reported: Vec<usize>,
    /// Own-voice hits per source.
    pub own_by_source: Vec<usize>,
    /// The lexicon's word on whose wording it typically is, and where that is documented.
    pub attribution: Attribution,
}

/// A term as stem ids, with whether each word may match a capitalised word inside a sentence.
struct Term {
    topic: usize,
    frame: usize,
    text: String,
    stems: Vec<(u32, bool)>,
}

/// The lexicon's terms in one comparison's vocabulary, indexed by their first stem.
pub(crate) struct Matcher {
    terms: Vec<Term>,
    by_first: HashMap<u32, Vec<usize>>,
}

impl Matcher {
    /// Terms with a word the documents never use cannot match and are left out.
    pub fn new(lex: &Lexicon, vocab: &Vocab) -> Matcher {
        let mut terms = Vec::new();
        for (ti, t) in lex.topics.iter().enumerate() {
            for (fi, f) in t.frames.iter().enumerate() {
                for term in &f.terms {
                    let mut stems = Some(Vec::new());
                    for_each_token(term, 0, term.len(), |s, _, w| {
                        let proper = term
                            .get(s..)
                            .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase()));
                        match (vocab.get(&stem(w)), stems.as_mut()) {
                            (Some(id), Some(v)) => v.push((id, proper)),
                            _ => stems = None,
                        }
                    });
                    if let Some(stems) = stems.filter(|s| !s.is_empty()) {
                        terms.push(Term {
                            topic: ti,
                            frame: fi,
                            text: term.clone(),
                            stems,
                        });
                    }
                }
            }
        }
        let mut by_first: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, t) in terms.iter().enumerate() {
            if let Some(&(first, _)) = t.stems.first() {
                by_first.entry(first).or_default().push(i);
            }
        }
        Matcher { terms, by_first }
    }
}

/// Is `start..end` inside one of `spans` (sorted by start, not nested)?
fn within(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|s| s.0 <= start);
    k.checked_sub(1)
        .and_then(|k| spans.get(k))
        .is_some_and(|s| end <= s.1)
}

const NEGATIONS: &[&str] = &["not", "no", "never", "neither", "nor", "without"];

/// Finds the lexicon's terms in one document.
pub(crate) fn find(
    lex: &Lexicon,
    matcher: &Matcher,
    doc_id: &str,
    text: &str,
    prep: &Prepared,
    marks: &[Marks],
    reported: &[(usize, usize)],
) -> Vec<FrameHit> {
    let toks = &prep.tokens;
    let mut out = Vec::new();
    // One pass over the tokens; within a topic hits do not overlap (`free[topic]`: the first
    // token a new hit of that topic may start at).
    let mut free = vec![0usize; lex.topics.len()];
    let mut best: Vec<(usize, &Term)> = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        super::work::step(1);
        // Longest term of each topic starting at token i, inside one sentence.
        best.clear();
        for t in matcher
            .by_first
            .get(&tok.stem)
            .into_iter()
            .flatten()
            .filter_map(|&k| matcher.terms.get(k))
        {
            if free.get(t.topic).is_none_or(|&f| i < f) {
                continue;
            }
            let matches = t.stems.iter().enumerate().all(|(k, &(s, proper))| {
                toks.get(i + k).is_some_and(|x| {
                    x.sentence == tok.sentence && x.stem == s && (proper || !x.cap)
                })
            });
            if !matches {
                continue;
            }
            match best.iter_mut().find(|b| b.0 == t.topic) {
                Some(b) if b.1.stems.len() < t.stems.len() => b.1 = t,
                Some(_) => {}
                None => best.push((t.topic, t)),
            }
        }
        for &(ti, t) in &best {
            let (Some(topic), Some(last_tok)) = (
                lex.topics.get(ti),
                toks.get(i + t.stems.len().saturating_sub(1)),
            ) else {
                continue;
            };
            let (start, end) = (tok.start, last_tok.end);
            let sent_start = prep.sentences.get(tok.sentence).map_or(i, |s| s.tok_start);
            let negated = toks
                .get(sent_start.max(i.saturating_sub(3))..i)
                .unwrap_or(&[])
                .iter()
                .any(|x| NEGATIONS.contains(&x.word.as_str()) || x.word.ends_with("n't"));
            let voice = if quotes::inside(marks, start, end) {
                Voice::Quoted
            } else if within(reported, start, end) {
                Voice::Reported
            } else {
                Voice::Own
            };
            out.push(FrameHit {
                doc: doc_id.to_string(),
                topic: topic.id.clone(),
                frame: topic
                    .frames
                    .get(t.frame)
                    .map_or_else(String::new, |f| f.id.clone()),
                term: t.text.clone(),
                text: text.get(start..end).unwrap_or("").to_string(),
                start,
                end,
                voice,
                negated,
            });
            if let Some(f) = free.get_mut(ti) {
                *f = i + t.stems.len();
            }
        }
    }
    stable_sort_by_key(&mut out, |h| (h.start, h.end));
    out
}

/// The frames × documents table, in lexicon order, frames with at least one hit.
pub(crate) fn table(
    lex: &Lexicon,
    hits: &[FrameHit],
    doc_ids: &[String],
    source_of: &[usize],
    sources: usize,
) -> Vec<FrameRow> {
    let mut by_frame: HashMap<(&str, &str), Vec<&FrameHit>> = HashMap::new();
    for h in hits {
        by_frame
            .entry((h.topic.as_str(), h.frame.as_str()))
            .or_default()
            .push(h);
    }
    let mut rows = Vec::new();
    for t in &lex.topics {
        for f in &t.frames {
            let mut row = FrameRow {
                topic: t.id.clone(),
                topic_name: t.name.clone(),
                frame: f.id.clone(),
                name: f.name.clone(),
                own: vec![0; doc_ids.len()],
                quoted: vec![0; doc_ids.len()],
                reported: vec![0; doc_ids.len()],
                own_by_source: vec![0; sources],
                attribution: f.attribution.clone(),
            };
            let mut any = false;
            let mine = by_frame.get(&(t.id.as_str(), f.id.as_str()));
            for h in mine.into_iter().flatten() {
                let Some(d) = doc_ids.iter().position(|id| *id == h.doc) else {
                    continue;
                };
                any = true;
                let bump = |v: &mut Vec<usize>, i: usize| {
                    if let Some(n) = v.get_mut(i) {
                        *n += 1;
                    }
                };
                match (h.voice, h.negated) {
                    (Voice::Quoted, _) => bump(&mut row.quoted, d),
                    (Voice::Reported, _) => bump(&mut row.reported, d),
                    (Voice::Own, false) => {
                        bump(&mut row.own, d);
                        bump(
                            &mut row.own_by_source,
                            source_of.get(d).copied().unwrap_or(usize::MAX),
                        );
                    }
                    (Voice::Own, true) => {}
                }
            }
            if any {
                rows.push(row);
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_ids_are_unique() {
        let lex = lexicon();
        assert!(lex.topics.len() >= 3);
        let mut ids: Vec<String> = lex
            .topics
            .iter()
            .flat_map(|t| t.frames.iter().map(move |f| format!("{}/{}", t.id, f.id)))
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(lex
            .topics
            .iter()
            .all(|t| t.frames.iter().all(|f| !f.terms.is_empty())));
    }
}
