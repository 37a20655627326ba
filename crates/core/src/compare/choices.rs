//! Word choices found in the text: when two aligned passages say the same thing and one
//! replaces a few words of the other ("the cause of the accident" ↔ "the cause of the
//! disaster"), the replaced words are a choice of wording. They are mined from the alignments'
//! word diffs, joined into topics (accident ↔ incident and accident ↔ disaster make one topic),
//! and turned into framing-lexicon topics, so the framing table, the article profiles and the
//! framing marks count them in every article like the hand lexicon's terms.
//!
//! A swap counts when it is clean: one or two content words on each side, between words both
//! passages share, no number, no name (capitalised words are who or where, not how) and not a
//! spelling variant ("Pashinian" / "Pashinyan"). A paraphrase rewrites more freely, so there a
//! swap must also sit between three shared words or more ("the cause of the [accident] was").

use super::align::{AlignedPair, MatchKind};
use super::diff::DiffKind;
use super::facts::root;
use super::framing::{Attribution, Frame, Lexicon, Topic};
use super::prepare::is_stopword;
use super::speakers::edit_distance;
use crate::search::stem::stem;
use crate::search::tokenize::for_each_token;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest side of a swap, in content words.
const MAX_WORDS: usize = 2;
/// Prefix of the framing-table topic ids of mined choices.
pub const TOPIC_PREFIX: &str = "choice:";

/// One swap seen in an aligned passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Swap {
    /// Index into `Comparison::aligned`.
    pub pair: usize,
    pub a_doc: String,
    /// Side A's words (lower case) and where they are in its document.
    pub a: String,
    pub a_start: usize,
    pub a_end: usize,
    pub b_doc: String,
    pub b: String,
    pub b_start: usize,
    pub b_end: usize,
}

/// How often two outlets swap words of one choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcePair {
    /// Indices into `Comparison::sources`.
    pub a: usize,
    pub b: usize,
    pub swaps: usize,
}

/// One mined choice of words: the alternatives writers used for the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordChoice {
    /// Its topic id in the framing table (`choice:` and its first term).
    pub topic: String,
    /// The alternatives, in the order first seen.
    pub terms: Vec<String>,
    pub swaps: Vec<Swap>,
    /// Swaps per pair of outlets.
    pub by_sources: Vec<SourcePair>,
}

/// The content words of a diff run, lower case: `None` when the run is not a clean choice.
fn term(text: &str) -> Option<String> {
    let mut words: Vec<(String, bool)> = Vec::new();
    let mut clean = true;
    for_each_token(text, 0, text.len(), |s, e, w| {
        let raw = text.get(s..e).unwrap_or("");
        if raw.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            clean = false;
        }
        words.push((w.to_string(), is_stopword(w)));
    });
    // Function words at either end belong to the shared text, not to the choice.
    let first = words.iter().position(|w| !w.1)?;
    let last = words.iter().rposition(|w| !w.1)?;
    let content = words.get(first..=last)?;
    (clean && content.len() <= MAX_WORDS && words.len() <= MAX_WORDS + 1).then(|| {
        content
            .iter()
            .map(|w| w.0.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A term's stems: what makes two spellings one alternative ("disasters" is "disaster").
fn stems(term: &str) -> String {
    term.split(' ').map(stem).collect::<Vec<_>>().join(" ")
}

/// Two spellings of one word (a typo, a transliteration): same first letter, two edits apart or
/// less. "incident" and "accident" are two words.
fn spelling_variant(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next() && edit_distance(a, b) <= 2
}

/// The swaps of one aligned passage: a removed run directly followed by an added run, with
/// shared words before and after.
fn swaps_in(index: usize, p: &AlignedPair) -> Vec<Swap> {
    let mut out = Vec::new();
    let paraphrase = p.kind == MatchKind::Paraphrase;
    for w in p.diff.windows(4) {
        let [before, removed, added, after] = w else {
            continue;
        };
        if before.op != DiffKind::Same
            || removed.op != DiffKind::Removed
            || added.op != DiffKind::Added
            || after.op != DiffKind::Same
        {
            continue;
        }
        let (Some(a), Some(b)) = (term(&removed.text), term(&added.text)) else {
            continue;
        };
        let shared = |t: &str| {
            let mut n = 0;
            for_each_token(t, 0, t.len(), |_, _, _| n += 1);
            n
        };
        if stems(&a) == stems(&b)
            || spelling_variant(&a, &b)
            || (paraphrase && shared(&before.text) + shared(&after.text) < 3)
        {
            continue;
        }
        out.push(Swap {
            pair: index,
            a_doc: p.a.doc.clone(),
            a,
            a_start: removed.start,
            a_end: removed.end,
            b_doc: p.b.doc.clone(),
            b,
            b_start: added.start,
            b_end: added.end,
        });
    }
    out
}

/// Mines the word choices of all aligned passages. `source_of_doc` gives a document id's
/// source index.
pub(crate) fn mine(
    aligned: &[AlignedPair],
    source_of_doc: impl Fn(&str) -> usize,
) -> Vec<WordChoice> {
    let swaps: Vec<Swap> = aligned
        .iter()
        .enumerate()
        .flat_map(|(i, p)| swaps_in(i, p))
        .collect();
    // Alternatives (by stems) in first-seen order, joined by the swaps between them.
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut terms: Vec<String> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut id = |t: &str, terms: &mut Vec<String>, parent: &mut Vec<usize>| -> usize {
        *ids.entry(stems(t)).or_insert_with(|| {
            terms.push(t.to_string());
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    let mut ends = Vec::new();
    for s in &swaps {
        let a = id(&s.a, &mut terms, &mut parent);
        let b = id(&s.b, &mut terms, &mut parent);
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if let Some(slot) = parent.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
        ends.push(a);
    }
    let mut by_root: BTreeMap<usize, WordChoice> = BTreeMap::new();
    for (t, term) in terms.iter().enumerate() {
        let r = root(&mut parent, t);
        by_root
            .entry(r)
            .or_insert_with(|| WordChoice {
                topic: format!("{TOPIC_PREFIX}{term}"),
                terms: Vec::new(),
                swaps: Vec::new(),
                by_sources: Vec::new(),
            })
            .terms
            .push(term.clone());
    }
    for (s, a) in swaps.into_iter().zip(ends) {
        let Some(choice) = by_root.get_mut(&root(&mut parent, a)) else {
            continue;
        };
        let (sa, sb) = (source_of_doc(&s.a_doc), source_of_doc(&s.b_doc));
        let (x, y) = (sa.min(sb), sa.max(sb));
        match choice.by_sources.iter_mut().find(|p| (p.a, p.b) == (x, y)) {
            Some(p) => p.swaps += 1,
            None => choice.by_sources.push(SourcePair {
                a: x,
                b: y,
                swaps: 1,
            }),
        }
        choice.swaps.push(s);
    }
    by_root.into_values().collect()
}

/// The choices as framing-lexicon topics: each alternative is a frame with one term.
pub(crate) fn topics(choices: &[WordChoice]) -> Lexicon {
    let topics = choices
        .iter()
        .map(|c| Topic {
            id: c.topic.clone(),
            name: c.terms.join(" / "),
            event: false,
            frames: c
                .terms
                .iter()
                .map(|t| Frame {
                    id: t.clone(),
                    name: t.clone(),
                    attribution: Attribution {
                        note: format!(
                            "Found in the text: aligned passages use it where others write {}.",
                            c.terms
                                .iter()
                                .filter(|o| *o != t)
                                .map(|o| format!("“{o}”"))
                                .collect::<Vec<_>>()
                                .join(" or ")
                        ),
                        source: "the compared articles’ aligned passages".to_string(),
                        url: String::new(),
                    },
                    terms: vec![t.clone()],
                })
                .collect(),
        })
        .collect();
    Lexicon { topics }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_content_words_without_names_or_numbers() {
        assert_eq!(term("the accident").as_deref(), Some("accident"));
        assert_eq!(term("heavy rainfall").as_deref(), Some("heavy rainfall"));
        assert_eq!(term("of the"), None);
        assert_eq!(term("Vessen Lines"), None);
        assert_eq!(term("14"), None);
        assert_eq!(term("a long run of many more words"), None);
    }
}
