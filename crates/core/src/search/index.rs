//! The inverted index: for every word, the documents and token positions where it occurs; for every
//! document, its tokens' byte spans and its sentences. Built once at bundle time, shipped in the
//! bundle, and extended in the browser with `Index::add` for documents added at run time.
//!
//! Words are stored folded but unstemmed, and grouped by stem in memory: a plain query word uses
//! the whole stem group, a quoted word only itself, and `prefix*` and typo correction look at the
//! words people actually wrote. The serialized form is delta-encoded (postcard writes small
//! integers in one byte) and leaves out what is cheap to recompute on load (lookup maps, stems).

use super::facets::Facet;
use super::sentences::sentences;
use super::stem::stem;
use super::tokenize::for_each_token;
use crate::model::{Date, Document};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "packed::Packed", into = "packed::Packed")]
pub struct Index {
    /// Word id → folded word.
    pub(crate) words: Vec<String>,
    /// Folded word → word id (sorted, so prefixes are ranges).
    pub(crate) lookup: BTreeMap<String, u32>,
    /// Stem → ids of the words with that stem.
    pub(crate) stems: BTreeMap<String, Vec<u32>>,
    /// Word id → where it occurs.
    pub(crate) postings: Vec<Postings>,
    pub(crate) docs: Vec<DocEntry>,
    pub(crate) total_tokens: u64,
    pub(crate) facets: Vec<Facet>,
    /// Document → publication date, for `before:`/`after:` and the date histogram.
    pub(crate) published: Vec<Option<Date>>,
    /// Document → its publication date's day number (`Date::day_number`), for the histogram
    /// every query draws; derived from `published`, not serialized.
    pub(crate) days: Vec<Option<i64>>,
    /// Word id → documents containing it, for words whose postings are not loaded (an index
    /// read shard by shard, `bundle::LazyBundle`, once it has the vocabulary); empty otherwise.
    pub(crate) known_df: Vec<u32>,
    /// Every document's sentence boundaries, derived from `docs`, not serialized.
    pub(crate) boundaries: Boundaries,
}

/// Where sentences begin, for every document in one flat array: the first token of each
/// sentence but a document's first. A phrase must not run across one, and a phrase query checks
/// that in every document holding its words (thousands): here a document's boundaries are a
/// cache line or two, where its own sentence table is two pointer hops away and four times as
/// wide. Sentences' first tokens never change once a document is in the index (a lazily
/// loaded document's placeholder has the same ones, `bundle::LazyBundle` checks), so this is
/// only ever appended to, as documents are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Boundaries {
    tokens: Vec<u32>,
    /// Per document, the end of its boundaries in `tokens` (they start where the previous
    /// document's end).
    ends: Vec<u32>,
}

impl Boundaries {
    fn push(&mut self, sentences: &[SentenceEntry]) {
        self.tokens
            .extend(sentences.iter().skip(1).map(|s| s.first_token));
        self.ends.push(self.tokens.len() as u32);
    }

    /// Document `doc`'s boundaries, ascending (none for a document it does not know).
    pub fn of(&self, doc: usize) -> &[u32] {
        let start = match doc.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied(),
            None => Some(0),
        };
        match (start, self.ends.get(doc)) {
            (Some(a), Some(&b)) => self.tokens.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// Occurrences of one word: `positions[offsets[k]..offsets[k + 1]]` are its token positions in
/// document `docs[k]`. Documents ascend (documents are only ever appended).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Postings {
    pub docs: Vec<u32>,
    pub offsets: Vec<u32>,
    pub positions: Vec<u32>,
}

impl Postings {
    /// Positions of the word in `doc` (empty if absent).
    pub fn in_doc(&self, doc: u32) -> &[u32] {
        match self.docs.binary_search(&doc) {
            Ok(k) => self.positions_at(k),
            Err(_) => &[],
        }
    }

    /// [`Postings::in_doc`] for documents asked in ascending order: `cursor` (0 at first) is
    /// where the previous one was found, and the search gallops forward from it, so walking
    /// the documents of another word's postings costs a step or two each, not a binary search
    /// of the whole list.
    pub fn in_doc_from(&self, doc: u32, cursor: &mut usize) -> &[u32] {
        let rest = self.docs.get(*cursor..).unwrap_or_default();
        // Bounds 1, 2, 4, … past the cursor until one is at or past `doc`, then a binary
        // search below it.
        let mut step = 1;
        while rest.get(step - 1).is_some_and(|&d| d < doc) {
            step *= 2;
        }
        let window = rest.get(step / 2..step.min(rest.len())).unwrap_or_default();
        *cursor += step / 2 + window.partition_point(|&d| d < doc);
        if self.docs.get(*cursor) == Some(&doc) {
            self.positions_at(*cursor)
        } else {
            &[]
        }
    }

    /// The positions of the `k`-th document of the list.
    fn positions_at(&self, k: usize) -> &[u32] {
        let (Some(&a), Some(&b)) = (self.offsets.get(k), self.offsets.get(k + 1)) else {
            return &[];
        };
        self.positions
            .get(a as usize..b as usize)
            .unwrap_or_default()
    }

    /// (document, number of occurrences) pairs.
    pub fn counts(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.docs
            .iter()
            .zip(self.offsets.windows(2))
            .map(|(&d, w)| match *w {
                [a, b] => (d, b.saturating_sub(a)),
                _ => (d, 0),
            })
    }
}

/// One indexed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocEntry {
    pub id: String,
    /// Number of tokens (ranking needs it before the spans of a lazily loaded document arrive).
    pub token_count: u32,
    /// Token position → byte span in `Document::text` (empty until a lazily loaded document's
    /// chunk arrives).
    pub tokens: Vec<(u32, u32)>,
    pub sentences: Vec<SentenceEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SentenceEntry {
    pub start: u32,
    pub end: u32,
    /// Position of the sentence's first token; sentences partition the token positions.
    pub first_token: u32,
    /// Index of its block in `Document::blocks`.
    pub block: u32,
}

impl DocEntry {
    /// The byte span from the start of token `first` to the end of token `end - 1`.
    pub fn token_span(&self, first: u32, end: u32) -> Option<(usize, usize)> {
        let (start, _) = self.tokens.get(first as usize)?;
        let (_, stop) = self.tokens.get(end.checked_sub(1)? as usize)?;
        Some((*start as usize, *stop as usize))
    }

    /// The sentence holding token position `pos`.
    pub fn sentence_of(&self, pos: u32) -> usize {
        self.sentences
            .partition_point(|s| s.first_token <= pos)
            .saturating_sub(1)
    }
}

impl Default for Index {
    fn default() -> Self {
        Index {
            words: Vec::new(),
            lookup: BTreeMap::new(),
            stems: BTreeMap::new(),
            postings: Vec::new(),
            docs: Vec::new(),
            total_tokens: 0,
            facets: vec![Facet::empty("outlet"), Facet::empty("author")],
            published: Vec::new(),
            days: Vec::new(),
            known_df: Vec::new(),
            boundaries: Boundaries::default(),
        }
    }
}

impl Index {
    /// Indexes `docs`; document `i` of the index is `docs[i]`.
    pub fn build(docs: &[Document]) -> Index {
        let mut index = Index::default();
        for d in docs {
            index.add(d);
        }
        index
    }

    /// Appends one document (it becomes number `self.len()`). Custom facets get no value for it
    /// until their owner sets them again.
    pub fn add(&mut self, doc: &Document) {
        let n = self.docs.len() as u32;
        let mut entry = DocEntry {
            id: doc.id.clone(),
            token_count: 0,
            tokens: Vec::new(),
            sentences: Vec::new(),
        };
        // (word id, position) pairs, sorted below to append each word's postings at once.
        let mut occurrences: Vec<(u32, u32)> = Vec::new();
        for (b, block) in doc.blocks.iter().enumerate() {
            if !block.kind.is_content() || doc.text.get(block.start..block.end).is_none() {
                continue;
            }
            for (s, e) in sentences(&doc.text, block.start, block.end) {
                let first_token = entry.tokens.len() as u32;
                for_each_token(&doc.text, s, e, |ts, te, word| {
                    let id = self.word_id(word);
                    occurrences.push((id, entry.tokens.len() as u32));
                    entry.tokens.push((ts as u32, te as u32));
                });
                if entry.tokens.len() as u32 > first_token {
                    entry.sentences.push(SentenceEntry {
                        start: s as u32,
                        end: e as u32,
                        first_token,
                        block: b as u32,
                    });
                }
            }
        }
        super::sort::sort_by(&mut occurrences, &|a, b| a.cmp(b));
        for group in occurrences.chunk_by(|a, b| a.0 == b.0) {
            // Every id came from `word_id`, which pushed its postings list.
            let Some(p) = group
                .first()
                .and_then(|&(id, _)| self.postings.get_mut(id as usize))
            else {
                continue;
            };
            if p.offsets.is_empty() {
                p.offsets.push(0);
            }
            p.docs.push(n);
            p.positions.extend(group.iter().map(|&(_, pos)| pos));
            p.offsets.push(p.positions.len() as u32);
        }
        entry.token_count = entry.tokens.len() as u32;
        self.total_tokens += u64::from(entry.token_count);
        self.boundaries.push(&entry.sentences);
        self.docs.push(entry);
        let published = doc.meta.published.as_ref().map(|f| f.value);
        self.days.push(published.map(|d| d.day_number()));
        self.published.push(published);
        let outlet: Vec<String> = doc.meta.outlet.iter().map(|f| f.value.clone()).collect();
        let authors: Vec<String> = doc.meta.authors.iter().map(|f| f.value.clone()).collect();
        for facet in &mut self.facets {
            match facet.name.as_str() {
                "outlet" => facet.push_doc(&outlet),
                "author" => facet.push_doc(&authors),
                _ => facet.push_doc(&[]),
            }
        }
    }

    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.lookup.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_string());
        self.lookup.insert(word.to_string(), id);
        self.stems.entry(stem(word)).or_default().push(id);
        self.postings.push(Postings::default());
        id
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The id of document `n`.
    pub fn doc_id(&self, n: usize) -> Option<&str> {
        self.docs.get(n).map(|d| d.id.as_str())
    }

    /// Number of distinct words.
    pub fn vocabulary_len(&self) -> usize {
        self.words.len()
    }

    /// Total number of indexed tokens.
    pub fn token_count(&self) -> u64 {
        self.total_tokens
    }

    /// The facets (outlet and author built in; others added with `set_facet`).
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    pub fn facet(&self, name: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.name == name)
    }

    /// Adds a facet, or replaces the one with the same name. Its per-document values must be in
    /// index order; missing documents get no value. The facet's name becomes a query field
    /// (`name:value`).
    pub fn set_facet(&mut self, mut facet: Facet) {
        while facet.docs.len() < self.docs.len() {
            facet.push_doc(&[]);
        }
        facet.docs.truncate(self.docs.len());
        match self.facets.iter_mut().find(|f| f.name == facet.name) {
            Some(f) => *f = facet,
            None => self.facets.push(facet),
        }
    }

    /// The serialized size in bytes (as shipped in the bundle).
    pub fn serialized_len(&self) -> usize {
        postcard::to_allocvec(self).map_or(0, |v| v.len())
    }

    pub(crate) fn avg_doc_len(&self) -> f32 {
        if self.docs.is_empty() {
            1.0
        } else {
            (self.total_tokens as f32 / self.docs.len() as f32).max(1.0)
        }
    }

    /// Number of documents containing word `id`.
    pub(crate) fn df(&self, id: u32) -> usize {
        match self.postings.get(id as usize).map_or(0, |p| p.docs.len()) {
            0 => self.known_df.get(id as usize).map_or(0, |&n| n as usize),
            n => n,
        }
    }
}

/// The shipped layout: deltas and counts instead of absolute offsets.
pub(crate) mod packed {
    use super::*;

    #[derive(Serialize, Deserialize)]
    pub struct Packed {
        words: Vec<String>,
        postings: Vec<PackedPostings>,
        docs: Vec<PackedDoc>,
        facets: Vec<Facet>,
        published: Vec<Option<Date>>,
    }

    /// One word's postings: document deltas, occurrence counts, position deltas (restarting
    /// per document).
    pub type PackedPostings = (Vec<u32>, Vec<u32>, Vec<u32>);

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct PackedDoc {
        id: String,
        /// Per token: gap since the previous token's end, length.
        tokens: Vec<u32>,
        /// Per sentence: gap since the previous sentence's end, length, token count, block.
        sentences: Vec<u32>,
    }

    fn deltas(values: impl Iterator<Item = u32>) -> Vec<u32> {
        let mut prev = 0;
        values
            .map(|v| {
                let d = v.wrapping_sub(prev);
                prev = v;
                d
            })
            .collect()
    }

    pub fn pack_postings(p: &Postings) -> PackedPostings {
        let counts: Vec<u32> = p.counts().map(|(_, c)| c).collect();
        let mut positions = Vec::with_capacity(p.positions.len());
        for w in p.offsets.windows(2) {
            if let [a, b] = *w {
                let slice = p.positions.get(a as usize..b as usize);
                positions.extend(deltas(slice.unwrap_or_default().iter().copied()));
            }
        }
        (deltas(p.docs.iter().copied()), counts, positions)
    }

    pub fn pack_doc(d: &DocEntry) -> PackedDoc {
        let mut tokens = Vec::with_capacity(d.tokens.len() * 2);
        let mut prev = 0;
        for &(s, e) in &d.tokens {
            tokens.extend([s.wrapping_sub(prev), e.wrapping_sub(s)]);
            prev = e;
        }
        let mut sentences = Vec::with_capacity(d.sentences.len() * 4);
        let mut prev = 0;
        for (k, s) in d.sentences.iter().enumerate() {
            let next_first = d
                .sentences
                .get(k + 1)
                .map_or(d.tokens.len() as u32, |n| n.first_token);
            // Wrapping, like the unpacking: any values round-trip.
            sentences.extend([
                s.start.wrapping_sub(prev),
                s.end.wrapping_sub(s.start),
                next_first.wrapping_sub(s.first_token),
                s.block,
            ]);
            prev = s.end;
        }
        PackedDoc {
            id: d.id.clone(),
            tokens,
            sentences,
        }
    }

    impl From<Index> for Packed {
        fn from(ix: Index) -> Packed {
            Packed {
                postings: ix.postings.iter().map(pack_postings).collect(),
                docs: ix.docs.iter().map(pack_doc).collect(),
                words: ix.words,
                facets: ix.facets,
                published: ix.published,
            }
        }
    }

    fn undelta(values: &[u32]) -> Vec<u32> {
        let mut acc = 0u32;
        values
            .iter()
            .map(|&d| {
                acc = acc.wrapping_add(d);
                acc
            })
            .collect()
    }

    /// Unpacks without indexing by any stored number (`Index::check` verifies them).
    pub fn unpack_postings((docs, counts, pos): PackedPostings) -> Postings {
        let counts_len = counts.len();
        let mut offsets = Vec::with_capacity(counts_len + 1);
        offsets.push(0u32);
        let mut positions = Vec::with_capacity(pos.len());
        let mut at = 0usize;
        for c in counts {
            let end = at.saturating_add(c as usize).min(pos.len());
            positions.extend(undelta(pos.get(at..end).unwrap_or_default()));
            at = end;
            offsets.push(positions.len() as u32);
        }
        let mut docs = undelta(&docs);
        docs.truncate(counts_len);
        Postings {
            docs,
            offsets,
            positions,
        }
    }

    pub fn unpack_doc(d: PackedDoc) -> DocEntry {
        let mut tokens = Vec::with_capacity(d.tokens.len() / 2);
        let mut prev = 0u32;
        for pair in d.tokens.chunks_exact(2) {
            let [gap, len] = *pair else { continue };
            let s = prev.wrapping_add(gap);
            let e = s.wrapping_add(len);
            tokens.push((s, e));
            prev = e;
        }
        let mut sentences = Vec::with_capacity(d.sentences.len() / 4);
        let (mut prev, mut first_token) = (0u32, 0u32);
        for q in d.sentences.chunks_exact(4) {
            let [gap, len, token_count, block] = *q else {
                continue;
            };
            let start = prev.wrapping_add(gap);
            let end = start.wrapping_add(len);
            sentences.push(SentenceEntry {
                start,
                end,
                first_token,
                block,
            });
            first_token = first_token.wrapping_add(token_count);
            prev = end;
        }
        DocEntry {
            id: d.id,
            token_count: tokens.len() as u32,
            tokens,
            sentences,
        }
    }

    impl From<Packed> for Index {
        /// Unpacks without indexing by any stored number; `Index::check` (run by the bundle's
        /// load check) then verifies every number the search code indexes with, so a damaged
        /// bundle is refused on load instead of failing on some later query.
        fn from(p: Packed) -> Index {
            Index::from_parts(
                p.words,
                p.postings.into_iter().map(unpack_postings).collect(),
                p.docs.into_iter().map(unpack_doc).collect(),
                p.facets,
                p.published,
            )
        }
    }
}

impl Index {
    /// An index from its stored parts, with what is recomputed on load (lookup, stems, day
    /// numbers, the token total). Nothing is indexed by a stored number: `Index::check` does
    /// that.
    pub(crate) fn from_parts(
        words: Vec<String>,
        postings: Vec<Postings>,
        docs: Vec<DocEntry>,
        facets: Vec<Facet>,
        published: Vec<Option<Date>>,
    ) -> Index {
        let mut ix = Index {
            facets,
            days: published
                .iter()
                .map(|d| d.map(|d| d.day_number()))
                .collect(),
            published,
            postings,
            docs,
            ..Index::default()
        };
        for (id, w) in words.iter().enumerate() {
            ix.lookup.insert(w.clone(), id as u32);
            ix.stems.entry(stem(w)).or_default().push(id as u32);
        }
        ix.words = words;
        ix.total_tokens = ix.docs.iter().map(|d| u64::from(d.token_count)).sum();
        for d in &ix.docs {
            ix.boundaries.push(&d.sentences);
        }
        ix
    }

    /// Makes word `id` known with its postings (an index read shard by shard): findable by
    /// its spelling, its stem and, through `prefix*`, its beginning.
    pub(crate) fn insert_word(&mut self, id: u32, word: String, postings: Postings) {
        let (Some(w), Some(p)) = (
            self.words.get_mut(id as usize),
            self.postings.get_mut(id as usize),
        ) else {
            return;
        };
        *p = postings;
        self.lookup.insert(word.clone(), id);
        let group = self.stems.entry(stem(&word)).or_default();
        // Ascending ids, as `from_parts` makes them.
        let at = group.partition_point(|&g| g < id);
        if group.get(at) != Some(&id) {
            group.insert(at, id);
        }
        *w = word;
    }
}

/// The load check of a decoded index: every number the search code indexes with is in range.
/// Spans against the documents' texts are checked by the bundle, which has the texts.
mod check {
    use super::{Index, Postings};
    use crate::bundle::BundleError;

    fn bad(what: &str) -> BundleError {
        BundleError::Inconsistent(format!("search index: {what}"))
    }

    impl Index {
        pub(crate) fn check(&self) -> Result<(), BundleError> {
            let n = self.docs.len();
            BundleError::expect_count(
                "search index postings lists (one per word)",
                self.words.len(),
                self.postings.len(),
            )?;
            BundleError::expect_count(
                "publication dates in the search index",
                n,
                self.published.len(),
            )?;
            for p in &self.postings {
                self.check_postings(p)?;
            }
            for d in &self.docs {
                if d.tokens.len() != d.token_count as usize {
                    return Err(bad(&format!("token count of document {}", d.id)));
                }
                // Tokens are never empty (a highlight is a token run).
                let spans_ok = d.tokens.iter().all(|&(s, e)| s < e);
                let sentences_ok = d.sentences.first().is_none_or(|s| s.first_token == 0)
                    && d.sentences.windows(2).all(|w| {
                        w.first().map(|s| s.first_token) <= w.get(1).map(|s| s.first_token)
                    })
                    && d.sentences
                        .last()
                        .is_none_or(|s| (s.first_token as usize) < d.tokens.len());
                // Each sentence's tokens lie inside it (highlights and concordance lines are
                // cut from the sentence around them).
                let nested = d.sentences.iter().enumerate().all(|(k, s)| {
                    let next = d
                        .sentences
                        .get(k + 1)
                        .map_or(d.tokens.len(), |n| n.first_token as usize);
                    d.tokens
                        .get(s.first_token as usize..next)
                        .is_some_and(|t| t.iter().all(|&(a, b)| s.start <= a && b <= s.end))
                });
                if !spans_ok || !sentences_ok || !nested {
                    return Err(bad(&format!(
                        "sentences or token spans of document {}",
                        d.id
                    )));
                }
            }
            for f in &self.facets {
                BundleError::expect_count("documents of a facet", n, f.docs.len())?;
                if !f
                    .docs
                    .iter()
                    .flatten()
                    .all(|&v| (v as usize) < f.values.len())
                {
                    return Err(bad(&format!("a value number of facet {}", f.name)));
                }
            }
            Ok(())
        }

        /// One word's postings: offsets that fit, documents ascending and in the index, every
        /// position inside its document's tokens (`DocEntry::token_count`, known before a lazily
        /// loaded document's spans).
        pub(crate) fn check_postings(&self, p: &Postings) -> Result<(), BundleError> {
            BundleError::expect_count("postings offsets", p.docs.len() + 1, p.offsets.len())?;
            if !p.docs.windows(2).all(|w| w.first() < w.get(1)) {
                return Err(bad("document numbers out of order"));
            }
            for (&d, w) in p.docs.iter().zip(p.offsets.windows(2)) {
                let doc = self
                    .docs
                    .get(d as usize)
                    .ok_or_else(|| bad("a document number past the last document"))?;
                let (&a, &b) = w
                    .first()
                    .zip(w.get(1))
                    .ok_or_else(|| bad("postings offsets"))?;
                let positions = p
                    .positions
                    .get(a as usize..b as usize)
                    .ok_or_else(|| bad("postings offsets"))?;
                if positions.iter().any(|&pos| pos >= doc.token_count) {
                    return Err(bad("a token position past the document's tokens"));
                }
            }
            Ok(())
        }
    }
}
