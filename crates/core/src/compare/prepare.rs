//! Shared preparation: each document's content cut into paragraphs, sentences and word tokens
//! (folded and stemmed with the search module's tokenizer and stemmer), so every analysis agrees
//! on what a word and a sentence are.

use crate::entities::Mention;
use crate::model::{BlockKind, Document};
use crate::search::sentences::sentences;
use crate::search::stem::stem;
use crate::search::tokenize::for_each_token;
use std::collections::HashMap;

pub(crate) use crate::parse::spans::{floor_boundary, sub, tail};

/// One content block.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// The block's words are Title Case (a headline), so capitals say nothing there.
    pub title_case: bool,
    /// Index range into `Prepared::tokens`.
    pub tok_start: usize,
    pub tok_end: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub para: usize,
    /// Index range into `Prepared::tokens`.
    pub tok_start: usize,
    pub tok_end: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// Folded word (lowercase, no diacritics, possessive dropped).
    pub word: String,
    /// Interned stem id (see `Vocab`).
    pub stem: u32,
    /// What similarity compares: the stem, or for a word inside a name the entity's canonical
    /// name (so "UN", "U.N." and "United Nations", or "Pashinian" and "Pashinyan", are one).
    pub key: u32,
    /// A function word: left out of content comparisons.
    pub stop: bool,
    /// Starts with a digit.
    pub number: bool,
    /// Written with a capital and not the first word of its sentence (a name, usually), or
    /// inside an entity mention.
    pub name: bool,
    /// Written with a capital, not first in its sentence, in a block that is not Title Case.
    pub cap: bool,
    pub sentence: usize,
}

/// One document, prepared.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub paras: Vec<Para>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Tok>,
}

impl Prepared {
    /// Sentences `first..=last`: their byte span and tokens (`None` if out of range).
    pub fn span(&self, first: usize, last: usize) -> Option<(usize, usize, &[Tok])> {
        let (f, l) = (self.sentences.get(first)?, self.sentences.get(last)?);
        Some((f.start, l.end, self.tokens.get(f.tok_start..l.tok_end)?))
    }

    pub fn sentence_tokens(&self, s: usize) -> &[Tok] {
        self.sentences
            .get(s)
            .and_then(|s| self.tokens.get(s.tok_start..s.tok_end))
            .unwrap_or(&[])
    }
}

/// A sentence longer than this (in bytes) is quoted as evidence only around what was found in
/// it: a single-line article of megabytes is one "sentence", and copying it into every finding
/// would make the result grow with the square of its size.
const MAX_EVIDENCE_BYTES: usize = 1200;

/// The text of sentence `s` as evidence for what was found at `at` (a byte span inside it):
/// the whole sentence, or for a very long one the part around `at`, marked with "…".
pub(crate) fn sentence_text(text: &str, s: &Sentence, at: (usize, usize)) -> String {
    if s.end.saturating_sub(s.start) <= MAX_EVIDENCE_BYTES {
        return text.get(s.start..s.end).unwrap_or("").to_string();
    }
    let half = MAX_EVIDENCE_BYTES / 2;
    let from = floor_boundary(text, at.0.saturating_sub(half).max(s.start));
    let to = floor_boundary(text, at.1.saturating_add(half).min(s.end));
    let mut out = String::new();
    if from > s.start {
        out.push('…');
    }
    out.push_str(text.get(from..to).unwrap_or(""));
    if to < s.end {
        out.push('…');
    }
    out
}

/// Stems interned as small integers, shared by all documents of one comparison.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    ids: HashMap<String, u32>,
    pub stems: Vec<String>,
}

impl Vocab {
    pub fn id(&mut self, stem: String) -> u32 {
        if let Some(&id) = self.ids.get(&stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.ids.insert(stem.clone(), id);
        self.stems.push(stem);
        id
    }

    pub fn get(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }

    pub fn len(&self) -> usize {
        self.stems.len()
    }
}

/// English function words: frequent everywhere, so they say nothing about what two passages
/// share or what one outlet prefers. Reporting verbs and names are deliberately not here.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "s",
    "t",
    "since",
    "within",
    "without",
    "among",
    "amid",
    "via",
    "per",
    "yet",
    "however",
    "meanwhile",
    "already",
    "still",
    "whether",
    "though",
    "although",
    "including",
];

pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Is the block written in Title Case (most words of three letters or more capitalised)?
fn title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    long.len() >= 3
        && long
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 4
            >= long.len() * 3
}

/// Prepares one document's content blocks. `mentions` (sorted by start) are its entity mentions,
/// if known.
pub(crate) fn prepare(doc: &Document, mentions: &[Mention], vocab: &mut Vocab) -> Prepared {
    let names: Vec<&Mention> = mentions.iter().filter(|m| m.kind.is_name()).collect();
    let text = doc.text.as_str();
    let mut out = Prepared {
        paras: Vec::new(),
        sentences: Vec::new(),
        tokens: Vec::new(),
    };
    for b in doc.blocks.iter().filter(|b| b.kind.is_content()) {
        let (start, end) = (b.start, b.end);
        // A damaged bundle can carry spans past the text or inside a character: such a block
        // is left out rather than cut.
        if start >= end || text.get(start..end).is_none() {
            continue;
        }
        let para = out.paras.len();
        let tc = b.kind == BlockKind::Headline || title_case(text.get(start..end).unwrap_or(""));
        let tok_start = out.tokens.len();
        out.paras.push(Para {
            start,
            end,
            kind: b.kind,
            title_case: tc,
            tok_start,
            tok_end: tok_start,
        });
        for (s, e) in sentences(text, start, end) {
            let sentence = out.sentences.len();
            let tok_start = out.tokens.len();
            let mut first = true;
            super::work::step(e.saturating_sub(s));
            for_each_token(text, s, e, |ts, te, word| {
                let capital = text
                    .get(ts..te)
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase);
                let number = word.chars().next().is_some_and(|c| c.is_ascii_digit());
                let id = vocab.id(stem(word));
                let k = names.partition_point(|m| m.end <= ts);
                let key = match names.get(k) {
                    Some(m) if m.start <= ts && te <= m.end => {
                        vocab.id(format!("@{}", m.canonical))
                    }
                    _ => id,
                };
                out.tokens.push(Tok {
                    start: ts,
                    end: te,
                    word: word.to_string(),
                    stem: id,
                    key,
                    stop: is_stopword(word),
                    number,
                    name: (capital && !first && !tc) || key != id,
                    cap: capital && !first && !tc,
                    sentence,
                });
                first = false;
            });
            out.sentences.push(Sentence {
                start: s,
                end: e,
                para,
                tok_start,
                tok_end: out.tokens.len(),
            });
        }
        let n = out.tokens.len();
        if let Some(p) = out.paras.last_mut() {
            p.tok_end = n;
        }
    }
    out
}
