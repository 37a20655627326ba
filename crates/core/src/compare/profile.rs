//! Per-article framing profile: the article's own choices side by side (which frame it uses for
//! each topic, in whose voice; its distinctive words; whom it quotes and how much of it is
//! quotation). Deliberately per article and descriptive: never an outlet-level bias rating.

use super::framing::{FrameHit, Lexicon, Voice};
use super::logodds::Distinctive;
use super::speakers::{key, Quote, Resolution};
use super::QuoteKind;
use crate::model::{BlockKind, Document};
use crate::sort::stable_sort_by;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// How often an article uses one frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameUse {
    pub topic: String,
    pub frame: String,
    pub own: usize,
    pub quoted: usize,
    pub reported: usize,
}

/// Who an article lets speak, and how often.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerUse {
    pub speaker: String,
    pub quotes: usize,
}

/// One article's framing profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub doc: String,
    /// Frames used, in lexicon order (negated hits left out).
    pub frames: Vec<FrameUse>,
    /// The most distinctive words of the article's outlet (at most eight).
    pub distinctive: Vec<String>,
    /// Speakers by number of quotes and reported statements.
    pub speakers: Vec<SpeakerUse>,
    /// Share of the body's words inside quotation marks.
    pub quoted_share: f64,
    pub direct_quotes: usize,
    pub reported_statements: usize,
}

pub(crate) fn profiles(
    docs: &[Document],
    lex: &Lexicon,
    hits: &[FrameHit],
    quotes: &[Quote],
    distinctive: &[Distinctive],
    source_of: &[usize],
) -> Vec<Profile> {
    // Counts (own, quoted, reported) by document and frame, in one pass over the hits.
    let mut frame_counts: HashMap<(&str, &str, &str), [usize; 3]> = HashMap::new();
    for h in hits.iter().filter(|h| !h.negated) {
        let c = frame_counts
            .entry((h.doc.as_str(), h.topic.as_str(), h.frame.as_str()))
            .or_default();
        let slot = match h.voice {
            Voice::Own => &mut c[0],
            Voice::Quoted => &mut c[1],
            Voice::Reported => &mut c[2],
        };
        *slot += 1;
    }
    docs.iter()
        .enumerate()
        .map(|(i, d)| {
            let mut frames = Vec::new();
            for t in &lex.topics {
                for f in &t.frames {
                    let key = (d.id.as_str(), t.id.as_str(), f.id.as_str());
                    if let Some(&[own, quoted, reported]) = frame_counts.get(&key) {
                        frames.push(FrameUse {
                            topic: t.id.clone(),
                            frame: f.id.clone(),
                            own,
                            quoted,
                            reported,
                        });
                    }
                }
            }
            let mine: Vec<&Quote> = quotes.iter().filter(|q| q.doc == d.id).collect();
            let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
            for q in &mine {
                let name = match (&q.canonical, q.resolution) {
                    (Some(c), _) => c.clone(),
                    (None, Resolution::Unknown) => "(unknown)".into(),
                    (None, _) => q.speaker.clone().unwrap_or_default(),
                };
                counts.entry(key(q)).or_insert((name, 0)).1 += 1;
            }
            let mut speakers: Vec<SpeakerUse> = counts
                .into_values()
                .map(|(speaker, quotes)| SpeakerUse { speaker, quotes })
                .collect();
            stable_sort_by(&mut speakers, |a, b| {
                b.quotes.cmp(&a.quotes).then(a.speaker.cmp(&b.speaker))
            });
            let body_words: usize = d
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Body)
                .map(|b| crate::text::word_count(d.block_text(b)))
                .sum();
            let direct: Vec<&&Quote> = mine
                .iter()
                .filter(|q| q.kind == QuoteKind::Direct)
                .collect();
            let quoted_words: usize = direct
                .iter()
                .map(|q| crate::text::word_count(&q.text))
                .sum();
            Profile {
                doc: d.id.clone(),
                frames,
                distinctive: distinctive
                    .get(source_of.get(i).copied().unwrap_or(usize::MAX))
                    .map(|x| x.words.iter().take(8).map(|w| w.word.clone()).collect())
                    .unwrap_or_default(),
                speakers,
                quoted_share: if body_words == 0 {
                    0.0
                } else {
                    super::round3(quoted_words as f64 / body_words as f64)
                },
                direct_quotes: direct.len(),
                reported_statements: mine.len() - direct.len(),
            }
        })
        .collect()
}
