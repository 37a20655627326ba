//! Source comparison: what five outlets telling one story share, whom each lets speak, which
//! words each chooses, and where their facts disagree.
//!
//! `compare(docs)` runs every analysis over a set of parsed documents and returns one
//! serde-serializable `Comparison`. Each analysis lives in its own file.

mod align;
mod choices;
mod counted;
mod diff;
mod facts;
mod framing;
mod lexicon_format;
mod logodds;
mod prepare;
mod profile;
mod quotes;
mod similarity;
mod speakers;
mod timeline;
mod work;

pub use align::{AlignedPair, MatchKind, Shared, Side};
pub use choices::{SourcePair, Swap, WordChoice, TOPIC_PREFIX};
pub use diff::{DiffKind, DiffOp};
pub use facts::{NumberGroup, NumberMention};
pub use framing::{lexicon, Attribution, Frame, FrameHit, FrameRow, Lexicon, Topic, Voice};
pub use logodds::{weighted_log_odds, Distinctive, WordScore, ALPHA0, MIN_Z, TOO_LITTLE_TEXT};
pub use profile::{FrameUse, Profile, SpeakerUse};
pub use quotes::QuoteKind;
pub use speakers::{Quote, Resolution, Speaker};
pub use timeline::{
    Basis, EventDate, Evidence, Precision, Timeline, MAX_COMPARED_DATES, MAX_GAP_DAYS,
};

use crate::entities::{recognize, KnowledgeBase, Mention};
use crate::model::{Date, Document};
use crate::sort::stable_sort_by_key;
use serde::{Deserialize, Serialize};

/// One compared document, for labelling the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocInfo {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    /// Index into `Comparison::sources`.
    pub source: usize,
}

/// An outlet: the documents that share an outlet name, or a document whose outlet is unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The outlet name, or the document id when the outlet is unknown.
    pub label: String,
    pub outlet: Option<String>,
    pub docs: Vec<String>,
}

/// The result of comparing documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub docs: Vec<DocInfo>,
    /// Outlets (the columns of the per-outlet tables).
    pub sources: Vec<SourceInfo>,
    /// Aligned passages across documents, document pair by document pair.
    pub aligned: Vec<AlignedPair>,
    /// Share of text aligned, per document pair.
    pub shared: Vec<Shared>,
    /// `overlap[i][j]`: share of document i's words aligned with document j (1 on the diagonal).
    pub overlap: Vec<Vec<f64>>,
    /// Direct quotes and reported speech, document by document.
    pub quotes: Vec<Quote>,
    /// Speakers × sources: who is quoted where, with the quotes side by side.
    pub speakers: Vec<Speaker>,
    /// Framing-lexicon terms found, document by document.
    pub frames: Vec<FrameHit>,
    /// Frames × documents (and × sources) counts: the lexicon's topics, then the word choices.
    pub frame_table: Vec<FrameRow>,
    /// Word choices mined from the aligned passages (each also a topic of `frame_table`).
    pub word_choices: Vec<WordChoice>,
    /// Each outlet's distinctive words against the others (weighted log-odds, z ≥ 1.96).
    pub distinctive: Vec<Distinctive>,
    /// Quantities counted in two or more documents, with whether their values disagree.
    pub numbers: Vec<NumberGroup>,
    /// Per document: published date, the dates of the events it reports, possible re-publication.
    pub timeline: Vec<Timeline>,
    /// Per article: its frames, distinctive words and speakers side by side (never a rating).
    pub profiles: Vec<Profile>,
}

/// Groups documents by outlet (case and accents aside); a document with no outlet is its own.
fn group_sources(docs: &[Document]) -> (Vec<SourceInfo>, Vec<usize>) {
    let mut sources: Vec<SourceInfo> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut source_of = Vec::new();
    for d in docs {
        let outlet = d.meta.outlet.as_ref().map(|f| f.value.clone());
        let key = match &outlet {
            Some(o) => format!("outlet:{}", crate::search::fold::fold(o)),
            None => format!("doc:{}", d.id),
        };
        let i = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                keys.push(key);
                sources.push(SourceInfo {
                    label: outlet.clone().unwrap_or_else(|| d.id.clone()),
                    outlet,
                    docs: Vec::new(),
                });
                sources.len() - 1
            }
        };
        if let Some(s) = sources.get_mut(i) {
            s.docs.push(d.id.clone());
        }
        source_of.push(i);
    }
    (sources, source_of)
}

/// Rounds to three decimals, so results read well and snapshots stay stable.
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Compares documents, recognising their entities with the built-in knowledge base first.
pub fn compare(docs: &[Document]) -> Comparison {
    let kb = KnowledgeBase::builtin();
    let mentions: Vec<Vec<Mention>> = docs.iter().map(|d| recognize(d, Some(kb))).collect();
    compare_with(docs, Some(&mentions))
}

/// Compares documents with the entity mentions given for each (`mentions[i]` for `docs[i]`),
/// or, with `None`, without entities: speakers are then resolved by capitalised-name rules alone
/// and names are compared as plain words.
pub fn compare_with(docs: &[Document], mentions: Option<&[Vec<Mention>]>) -> Comparison {
    let none: Vec<Mention> = Vec::new();
    let mention_lists: Vec<Vec<Mention>> = docs
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let mut m = mentions.and_then(|m| m.get(i)).unwrap_or(&none).clone();
            stable_sort_by_key(&mut m, |x| (x.start, x.end));
            m
        })
        .collect();
    let mut vocab = prepare::Vocab::default();
    let preps: Vec<prepare::Prepared> = docs
        .iter()
        .zip(&mention_lists)
        .map(|(d, m)| prepare::prepare(d, m, &mut vocab))
        .collect();
    let weights = similarity::Weights::new(&preps, vocab.len());
    let alignment = align::align(docs, &preps, &weights);
    let (sources, source_of) = group_sources(docs);
    let docs_info = docs
        .iter()
        .zip(&source_of)
        .map(|(d, &source)| DocInfo {
            id: d.id.clone(),
            title: d.title().map(str::to_string),
            outlet: d.meta.outlet.as_ref().map(|f| f.value.clone()),
            published: d.meta.published.as_ref().map(|f| f.value),
            source,
        })
        .collect();
    let word_choices = choices::mine(&alignment.pairs, |id| {
        docs.iter()
            .position(|d| d.id == id)
            .and_then(|i| source_of.get(i).copied())
            .unwrap_or(0)
    });
    // The hand lexicon, then the word choices found in these documents.
    let mut combined = framing::lexicon().clone();
    combined
        .topics
        .extend(choices::topics(&word_choices).topics);
    let lex = &combined;
    let matcher = framing::Matcher::new(lex, &vocab);
    let mut quotes = Vec::new();
    let mut frames = Vec::new();
    for ((d, prep), doc_mentions) in docs.iter().zip(&preps).zip(&mention_lists) {
        let (raw, marks) = quotes::find(&d.text, prep);
        let reported: Vec<(usize, usize)> = raw
            .iter()
            .filter(|q| q.kind == QuoteKind::Reported)
            .map(|q| (q.start, q.end))
            .collect();
        quotes.extend(speakers::resolve(&d.id, &d.text, prep, doc_mentions, &raw));
        frames.extend(framing::find(
            lex, &matcher, &d.id, &d.text, prep, &marks, &reported,
        ));
    }
    let doc_ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    let frame_table = framing::table(lex, &frames, &doc_ids, &source_of, sources.len());
    let doc_index = |id: &str| docs.iter().position(|d| d.id == id).unwrap_or(0);
    let speakers = speakers::table(&quotes, doc_index, &source_of, sources.len());
    // Dates, then quantities (numbers inside dates are not quantities), then timelines.
    let event_topics: Vec<&str> = lex
        .topics
        .iter()
        .filter(|t| t.event)
        .map(|t| t.id.as_str())
        .collect();
    let published: Vec<Option<Date>> = docs
        .iter()
        .map(|d| d.meta.published.as_ref().map(|f| f.value))
        .collect();
    let dates: Vec<timeline::DocDates> = docs
        .iter()
        .zip(&preps)
        .zip(&published)
        .map(|((d, prep), &p)| timeline::find(&d.text, prep, p))
        .collect();
    let doc_frames: Vec<Vec<FrameHit>> = doc_ids
        .iter()
        .map(|id| frames.iter().filter(|h| h.doc == *id).cloned().collect())
        .collect();
    // Everything known of each document so far, side by side.
    let per_doc = || {
        docs.iter()
            .zip(&preps)
            .zip(&published)
            .zip(&dates)
            .zip(&doc_frames)
            .map(|((((d, prep), &p), dd), f)| (d, prep, p, dd, f))
    };
    let found: Vec<Vec<facts::Found>> = per_doc()
        .map(|(d, prep, p, dd, f)| {
            let spans = timeline::spans(dd);
            let eras = timeline::eras(dd, p);
            facts::find(&facts::Context {
                doc_id: &d.id,
                text: &d.text,
                prep,
                dates: &spans,
                eras: &eras,
                frames: f,
                event_topics: &event_topics,
            })
        })
        .collect();
    let numbers = facts::group(&found, &preps, &weights);
    let inputs: Vec<timeline::Input> = per_doc()
        .map(|(d, prep, p, dd, f)| timeline::Input {
            id: &d.id,
            text: &d.text,
            published: p,
            prep,
            dates: dd,
            frames: f,
        })
        .collect();
    let timeline = timeline::timelines(&inputs, &weights, &event_topics);
    let labels: Vec<String> = sources.iter().map(|s| s.label.clone()).collect();
    let distinctive = logodds::distinctive(&preps, &vocab.stems, &source_of, &labels);
    let profiles = profile::profiles(docs, lex, &frames, &quotes, &distinctive, &source_of);
    Comparison {
        docs: docs_info,
        distinctive,
        sources,
        quotes,
        speakers,
        frames,
        frame_table,
        numbers,
        timeline,
        profiles,
        word_choices,
        aligned: alignment.pairs,
        shared: alignment.shared,
        overlap: alignment.matrix,
    }
}

#[cfg(test)]
mod tests;
