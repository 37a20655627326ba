//! A sharded corpus read piece by piece: the manifest first, then the index shards a query's
//! words need, the vocabulary when a query needs typo correction, the document chunks of the
//! documents shown, and the entity file when entities are shown or filtered by.
//! [`LazyBundle::bundle`] is a [`Bundle`] of every document whose unloaded parts are empty: its
//! metadata, facets, dates, the names alias-aware search expands and every document's token
//! and sentence counts come from the manifest, so searching it gives exactly what searching the
//! whole bundle gives once [`LazyBundle::query_needs`] and then [`LazyBundle::results_needs`]
//! are loaded (property-tested in `tests.rs`). Until the entity file is loaded its entity table
//! has no rows and its `entity` facet no values. The caller fetches; this file only says what
//! to fetch and checks what arrives.

use super::entity_table::ENTITY_FACET;
use super::shards::{
    bad, Chunk, EntityFile, IndexShard, NamesFile, Vocabulary, CHUNK_MAGIC, ENTITIES_MAGIC,
    INDEX_MAGIC, NAMES_MAGIC, VOCABULARY_MAGIC,
};
use super::{check, Bundle, BundleError, FileRef, Fingerprint, Manifest};
use crate::entities::{EntityUsage, NamedWays};
use crate::model::Document;
use crate::search::facets::Facet;
use crate::search::index::packed;
use crate::search::index::{DocEntry, Index, SentenceEntry};
use crate::search::query::Slot;
use crate::search::{kwic, needs, KwicOptions, Options, SearchResults};

/// A file of the sharded corpus, by its place in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Need {
    /// Every word and how many documents hold it (typo correction).
    Vocabulary,
    /// Index shard `k` (`Manifest::index_shards`).
    Shard(usize),
    /// Document chunk `k` (`Manifest::chunks`).
    Chunk(usize),
    /// The entity table and the `entity` facet.
    Entities,
    /// The names each document uses for each entity.
    Names,
}

/// A sharded corpus as far as it is loaded.
#[derive(Debug, Clone)]
pub struct LazyBundle {
    manifest: Manifest,
    bundle: Bundle,
    shards: Vec<bool>,
    chunks: Vec<bool>,
    vocabulary: bool,
    entities: bool,
    labels: Vec<String>,
    /// From the entity file (`EntityFile::named_ways`), once it is in.
    named_ways: Option<Vec<NamedWays>>,
    /// The names file, once it is in (shared by the clones the page makes).
    names: Option<std::sync::Arc<NamesFile>>,
    /// The manifest's checksum and the number of files added since: the bundle's fingerprint
    /// changes with every file, so what a view derived from an earlier state is derived again.
    fingerprint: (u64, u64),
}

impl LazyBundle {
    /// The corpus as its manifest describes it (checked as `Manifest::from_bytes` checks it).
    /// Until every file is loaded its bundle's fingerprint is the manifest's checksum, changed
    /// by each file added.
    pub fn from_manifest(bytes: &[u8]) -> Result<LazyBundle, BundleError> {
        let mut manifest = Manifest::from_bytes(bytes)?;
        let fingerprint = super::checksum(bytes);
        let n = manifest.documents.len();
        let labels = crate::label::unique(
            manifest
                .documents
                .iter()
                .map(|s| crate::label::label_from(&s.meta, || s.lede.clone().unwrap_or_default())),
        );
        // The tables move into the bundle (the manifest keeps what locates and checks files;
        // a chunk's metadata is compared with its placeholder's).
        let documents: Vec<Document> = manifest
            .documents
            .iter_mut()
            .map(|s| Document {
                id: s.id.clone(),
                file: String::new(),
                text: String::new(),
                meta: std::mem::take(&mut s.meta),
                blocks: Vec::new(),
                diagnostics: Vec::new(),
            })
            .collect();
        let entries: Vec<DocEntry> = manifest.documents.iter().map(placeholder_entry).collect();
        // The `entity` facet's place holds an empty facet of that name until the entity file
        // arrives (so that `entity:` still reads as a field).
        let mut facets = std::mem::take(&mut manifest.facets);
        if let Some(at) = manifest.entity_facet {
            facets.insert(at as usize, Facet::empty(ENTITY_FACET));
        }
        let mut index = Index::from_parts(
            Vec::new(),
            Vec::new(),
            entries,
            facets,
            std::mem::take(&mut manifest.published),
        );
        let words = manifest.vocabulary as usize;
        index.words = vec![String::new(); words];
        index.postings = vec![Default::default(); words];
        let entities = super::EntityTable {
            rows: Vec::new(),
            mention_rows: vec![Vec::new(); n],
            pending_aliases: Some(std::mem::take(&mut manifest.aliases)),
        };
        let bundle = Bundle::from_tables(
            documents,
            index,
            vec![Vec::new(); n],
            entities,
            Fingerprint::Known(fingerprint),
        );
        Ok(LazyBundle {
            shards: vec![false; manifest.index_shards.len()],
            chunks: vec![false; manifest.chunks.len()],
            vocabulary: false,
            entities: false,
            labels,
            named_ways: None,
            names: None,
            fingerprint: (fingerprint, 0),
            manifest,
            bundle,
        })
    }

    /// The manifest's files and per-document sizes (its metadata, facets, dates and entity
    /// table are in [`Self::bundle`]).
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Every document, those not loaded without text, blocks or mentions (see the module's
    /// documentation for what is exact before they load).
    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }

    /// The manifest's checksum: what names this corpus while it loads (the bundle's
    /// fingerprint changes with every file added).
    pub fn manifest_checksum(&self) -> u64 {
        self.fingerprint.0
    }

    /// The documents' labels, as `label::labels` gives them for the whole corpus.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The entities named in more than one way over the whole corpus (`alias_usage` by the
    /// documents' labels), once the entity file is in.
    pub fn named_ways(&self) -> Option<&[NamedWays]> {
        self.named_ways.as_deref()
    }

    /// The file a need is.
    pub fn file(&self, need: Need) -> Option<&FileRef> {
        match need {
            Need::Vocabulary => Some(&self.manifest.vocabulary_file),
            Need::Shard(k) => self.manifest.index_shards.get(k).map(|s| &s.file),
            Need::Chunk(k) => self.manifest.chunks.get(k).map(|c| &c.file),
            Need::Entities => Some(&self.manifest.entities_file),
            Need::Names => Some(&self.manifest.names_file),
        }
    }

    pub fn has(&self, need: Need) -> bool {
        match need {
            Need::Vocabulary => self.vocabulary,
            Need::Shard(k) => self.shards.get(k).copied().unwrap_or(true),
            Need::Chunk(k) => self.chunks.get(k).copied().unwrap_or(true),
            Need::Entities => self.entities,
            Need::Names => self.names.is_some(),
        }
    }

    /// Whether document `doc`'s text, blocks, mentions and spans are loaded.
    pub fn has_document(&self, doc: usize) -> bool {
        self.manifest
            .chunk_of(doc)
            .is_some_and(|k| self.has(Need::Chunk(k)))
    }

    /// Whether every file is loaded.
    pub fn is_complete(&self) -> bool {
        self.entities && self.shards.iter().chain(&self.chunks).all(|&b| b)
    }

    /// What searching `query` with `opts` reads that is not loaded yet: the index shards of
    /// its words (their stems; the shards a `prefix*` may be in), the entity file when the
    /// query or the options filter by the `entity` facet or count it, and when nothing matches
    /// and a word may be misspelt, the vocabulary, then the corrected words' shards. Load them
    /// and ask again: an empty answer means [`crate::search::search`] over
    /// [`LazyBundle::bundle`] with `opts` gives the full index's counts, facets, order and
    /// notes (passages need [`Self::results_needs`]).
    pub fn query_needs(&self, query: &str, opts: &Options) -> Vec<Need> {
        let index = &self.bundle.index;
        let mut missing = self.slot_needs(&needs::query_slots(index, query));
        let entity_facet = self.manifest.entity_facet.is_some()
            && (needs::filters_by(index, query, ENTITY_FACET)
                || opts.selected.iter().any(|s| s.facet == ENTITY_FACET)
                || opts
                    .facets
                    .as_ref()
                    .is_none_or(|f| f.iter().any(|f| f == ENTITY_FACET)));
        if entity_facet && !self.entities {
            missing.push(Need::Entities);
        }
        if !missing.is_empty() || !needs::corrects(index, query) {
            return missing;
        }
        if !self.vocabulary {
            return vec![Need::Vocabulary];
        }
        self.slot_needs(&needs::corrected_slots(index, query))
    }

    fn slot_needs(&self, slots: &[Slot]) -> Vec<Need> {
        self.missing(slots.iter().flat_map(|s| {
            let shards = if s.prefix {
                self.manifest.shards_with_prefix(&s.word)
            } else {
                self.manifest.shard_of(&s.word).into_iter().collect()
            };
            shards.into_iter().map(Need::Shard)
        }))
    }

    /// The chunks of `docs` not loaded yet.
    pub fn document_needs(&self, docs: impl IntoIterator<Item = usize>) -> Vec<Need> {
        self.missing(
            docs.into_iter()
                .filter_map(|d| self.manifest.chunk_of(d))
                .map(Need::Chunk),
        )
    }

    /// Those of `needs` not loaded, each once, in order.
    fn missing(&self, needs: impl Iterator<Item = Need>) -> Vec<Need> {
        let mut out: Vec<Need> = needs.filter(|&n| !self.has(n)).collect();
        crate::sort::sort_by(&mut out, &|a, b| a.cmp(b));
        out.dedup();
        out
    }

    /// The chunks the shown results' passages are cut from (search again once they are
    /// loaded). A hit lists passages over the manifest's sentence counts exactly when it does
    /// over the whole bundle, so a hit without passages (a search that only filters) needs
    /// nothing: its label and metadata are the manifest's.
    pub fn results_needs(&self, results: &SearchResults) -> Vec<Need> {
        self.document_needs(
            results
                .hits
                .iter()
                .filter(|h| !h.passages.is_empty())
                .map(|h| h.doc)
                .chain(results.passages.iter().map(|p| p.doc)),
        )
    }

    /// The chunks the concordance of `query` with `opts` reads ([`crate::search::kwic`]): in
    /// corpus order those of the lines shown, sorted by context every matching document's.
    /// Load [`Self::query_needs`] first; then `kwic` over [`Self::bundle`] gives what it gives
    /// over the whole bundle.
    pub fn kwic_needs(&self, query: &str, opts: &KwicOptions) -> Vec<Need> {
        self.document_needs(kwic::line_docs(&self.bundle.index, query, opts))
    }

    /// The entity file, if it is not loaded yet (what a view showing entities needs).
    pub fn entity_needs(&self) -> Vec<Need> {
        self.missing(std::iter::once(Need::Entities))
    }

    /// The names file, if it is not loaded yet (what [`Self::alias_usage_in`] reads).
    pub fn names_needs(&self) -> Vec<Need> {
        self.missing(std::iter::once(Need::Names))
    }

    /// `entities::alias_usage` over documents `docs` by their labels, from the names file (no
    /// text needed): `None` until it is loaded.
    pub fn alias_usage_in(&self, docs: &[usize]) -> Option<Vec<EntityUsage>> {
        let names = self.names.as_ref()?;
        Some(crate::entities::alias_usage_of(docs.iter().filter_map(
            |&d| Some((self.labels.get(d)?.as_str(), names.doc_names(d))),
        )))
    }

    /// Every file not loaded yet (what a view that reads every document needs; not the names
    /// file, which the documents' text and mentions make unnecessary).
    pub fn all_needs(&self) -> Vec<Need> {
        let shards = (0..self.shards.len()).map(Need::Shard);
        let chunks = (0..self.chunks.len()).map(Need::Chunk);
        std::iter::once(Need::Entities)
            .chain(shards)
            .chain(chunks)
            .filter(|&n| !self.has(n))
            .collect()
    }

    /// Bytes of the files in `needs` (to say how much a full load fetches).
    pub fn bytes_of(&self, needs: &[Need]) -> u64 {
        needs
            .iter()
            .filter_map(|&n| self.file(n))
            .map(|f| f.bytes)
            .sum()
    }

    /// Adds a fetched file: refused (`StaleFile`) unless it is the file the manifest names, and
    /// unless its contents agree with the manifest and the pieces already loaded.
    pub fn add(&mut self, need: Need, bytes: &[u8]) -> Result<(), BundleError> {
        if self.has(need) {
            return Ok(());
        }
        let file = self
            .file(need)
            .ok_or_else(|| bad(format!("no file {need:?}")))?
            .clone();
        match need {
            Need::Vocabulary => {
                let payload = file.open(bytes, VOCABULARY_MAGIC)?;
                let words: Vocabulary = super::sections::read(payload, "vocabulary")?;
                self.add_vocabulary(words, &file)?;
                self.vocabulary = true;
            }
            Need::Shard(k) => {
                let payload = file.open(bytes, INDEX_MAGIC)?;
                let shard: IndexShard = super::sections::read(payload, "index shard")?;
                self.add_shard(shard, &file)?;
                if let Some(s) = self.shards.get_mut(k) {
                    *s = true;
                }
            }
            Need::Chunk(k) => {
                let payload = file.open(bytes, CHUNK_MAGIC)?;
                let chunk: Chunk = super::sections::read(payload, "document chunk")?;
                let (first, count) = self
                    .manifest
                    .chunks
                    .get(k)
                    .map_or((0, 0), |c| (c.first as usize, c.count as usize));
                chunk.check_counts(count)?;
                self.add_chunk(chunk, first, &file)?;
                if let Some(c) = self.chunks.get_mut(k) {
                    *c = true;
                }
            }
            Need::Entities => {
                let payload = file.open(bytes, ENTITIES_MAGIC)?;
                let entities: EntityFile = super::sections::read(payload, "entity table")?;
                self.add_entities(entities, &file)?;
                self.entities = true;
            }
            Need::Names => {
                let payload = file.open(bytes, NAMES_MAGIC)?;
                let names: NamesFile = super::sections::read(payload, "names file")?;
                names.check(self.manifest.documents.len())?;
                self.names = Some(std::sync::Arc::new(names));
                // The bundle is the same: what views derived from it stays true.
                return Ok(());
            }
        }
        self.fingerprint.1 += 1;
        let (base, added) = self.fingerprint;
        self.bundle.fingerprint =
            Fingerprint::Known(base ^ added.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        Ok(())
    }

    fn add_vocabulary(&mut self, words: Vocabulary, file: &FileRef) -> Result<(), BundleError> {
        let index = &mut self.bundle.index;
        BundleError::expect_count("words in the vocabulary", index.words.len(), words.len())?;
        let mut known_df = Vec::with_capacity(words.len());
        for ((word, df), slot) in words.into_iter().zip(index.words.iter_mut()) {
            if slot.is_empty() {
                *slot = word;
            } else if *slot != word {
                return Err(bad(format!("{} disagrees with an index shard", file.path)));
            }
            known_df.push(df);
        }
        index.known_df = known_df;
        Ok(())
    }

    fn add_shard(&mut self, shard: IndexShard, file: &FileRef) -> Result<(), BundleError> {
        let index = &mut self.bundle.index;
        let other = || bad(format!("{} disagrees with the manifest", file.path));
        let mut words = Vec::with_capacity(shard.len());
        for (id, word, p) in shard {
            let postings = packed::unpack_postings(p);
            index.check_postings(&postings)?;
            let known = index.words.get(id as usize).ok_or_else(other)?;
            let loaded = index
                .postings
                .get(id as usize)
                .is_some_and(|p| !p.offsets.is_empty());
            if loaded || (!known.is_empty() && *known != word) || word.is_empty() {
                return Err(other());
            }
            words.push((id, word, postings));
        }
        for (id, word, postings) in words {
            index.insert_word(id, word, postings);
        }
        Ok(())
    }

    fn add_chunk(&mut self, chunk: Chunk, first: usize, file: &FileRef) -> Result<(), BundleError> {
        let other = |what: &str| bad(format!("{}: {what}", file.path));
        let count = chunk.documents.len();
        check::check_documents(&chunk.documents, &chunk.mentions)?;
        let rows = self.manifest.entity_rows as usize;
        let mut entries = Vec::with_capacity(count);
        for (k, ((doc, packed_entry), (ms, mrows))) in chunk
            .documents
            .iter()
            .zip(chunk.entries)
            .zip(chunk.mentions.iter().zip(&chunk.mention_rows))
            .enumerate()
        {
            let summary = self
                .manifest
                .documents
                .get(first + k)
                .ok_or_else(|| other("more documents than the manifest lists"))?;
            let entry = packed::unpack_doc(packed_entry);
            let counts_agree = entry.sentences.len() == summary.sentences.len()
                && entry.token_count as usize == entry.tokens.len()
                && u64::from(entry.token_count) == summary.tokens()
                && entry
                    .sentences
                    .iter()
                    .zip(placeholder_entry(summary).sentences)
                    .all(|(a, b)| a.first_token == b.first_token);
            let listed = self.bundle.documents.get(first + k).map(|d| &d.meta);
            if doc.id != summary.id
                || doc.text.len() as u64 != summary.text_len
                || Some(&doc.meta) != listed
                || !counts_agree
                || ms.len() != mrows.len()
                || mrows.iter().any(|&r| r as usize >= rows)
            {
                return Err(other(&format!(
                    "document {} is not the one the manifest lists",
                    doc.id
                )));
            }
            check::check_entry(doc, &entry)?;
            entries.push(entry);
        }
        let b = &mut self.bundle;
        for (k, (((doc, ms), mrows), entry)) in chunk
            .documents
            .into_iter()
            .zip(chunk.mentions)
            .zip(chunk.mention_rows)
            .zip(entries)
            .enumerate()
        {
            let d = first + k;
            if let (Some(a), Some(b2), Some(c), Some(e)) = (
                b.documents.get_mut(d),
                b.mentions.get_mut(d),
                b.entities.mention_rows.get_mut(d),
                b.index.docs.get_mut(d),
            ) {
                *a = doc;
                *b2 = ms;
                *c = mrows;
                *e = entry;
            }
        }
        Ok(())
    }

    fn add_entities(&mut self, file: EntityFile, at: &FileRef) -> Result<(), BundleError> {
        let n = self.manifest.documents.len();
        let other = |what: &str| bad(format!("{}: {what}", at.path));
        BundleError::expect_count(
            "entity rows",
            self.manifest.entity_rows as usize,
            file.rows.len(),
        )?;
        if let Some(row) = file
            .rows
            .iter()
            .find(|r| r.docs.iter().any(|&(d, _)| d as usize >= n))
        {
            return Err(other(&format!(
                "entity {} names a document past the last",
                row.canonical
            )));
        }
        let index = &mut self.bundle.index;
        match (self.manifest.entity_facet, file.facet) {
            (None, None) => {}
            (Some(at), Some(facet)) if facet.name == ENTITY_FACET => {
                BundleError::expect_count("documents of the entity facet", n, facet.docs.len())?;
                if let Some(slot) = index.facets.get_mut(at as usize) {
                    *slot = facet;
                }
            }
            _ => return Err(other("the entity facet is not the one the manifest lists")),
        }
        let table = &mut self.bundle.entities;
        table.rows = file.rows;
        table.pending_aliases = None;
        self.named_ways = Some(file.named_ways);
        Ok(())
    }

    /// The whole bundle, once every file is loaded: checked as [`Bundle::from_bytes`] checks
    /// one, and equal to it (its fingerprint too).
    pub fn into_bundle(self) -> Result<Bundle, BundleError> {
        if let Some(n) = self.all_needs().first() {
            let path = self.file(*n).map(|f| f.path.clone()).unwrap_or_default();
            return Err(BundleError::MissingFile(path));
        }
        let mut bundle = self.bundle;
        // Every word in its shard (the shards' words are never empty).
        if bundle.index.words.iter().any(String::is_empty) {
            return Err(bad("a word is in no index shard".into()));
        }
        bundle.index.known_df = Vec::new();
        bundle.fingerprint = Fingerprint::built();
        check::check(&bundle)?;
        Ok(bundle)
    }
}

/// A document's index entry before its chunk arrives: its token count and sentences (by their
/// token counts; a sentence's placeholder span is its first token's number, so sentences keep
/// their order wherever spans are compared).
fn placeholder_entry(s: &super::DocSummary) -> DocEntry {
    let mut first_token = 0u32;
    let sentences: Vec<SentenceEntry> = s
        .sentences
        .iter()
        .map(|&n| {
            let e = SentenceEntry {
                start: first_token,
                end: first_token,
                first_token,
                block: 0,
            };
            first_token = first_token.saturating_add(n);
            e
        })
        .collect();
    DocEntry {
        id: s.id.clone(),
        token_count: first_token,
        tokens: Vec::new(),
        sentences,
    }
}
