//! The sharded corpus layout, for corpora too large to fetch in one file: a small manifest (each
//! document's id, metadata and sizes; the facets, dates and the names alias-aware search
//! expands: what the library, the facet lists and the first search need), index shards by term
//! (words grouped by stem, cut into shards of a target size, so a query fetches the shards of its
//! words), document chunks (documents in corpus order with their mentions and token spans,
//! fetched when a reader, passage or comparison needs them) and the entity file (the entity
//! table and the `entity` facet, fetched when a view shows entities or a query filters by one)
//! and the names file (the names each document uses for each entity, fetched by the story
//! overview of some of the articles).
//! Every file but the manifest is named by the checksum of
//! its bytes, so a CDN or the browser may cache it forever; the manifest lists each file's name,
//! length and checksum, so a stale or damaged file is refused by name. See ARCHITECTURE.md.
//!
//! [`Bundle::to_shards`] writes the layout, [`Manifest::from_bytes`] reads and checks the
//! manifest alone, and [`Bundle::from_shards`] reads every file back into the bundle
//! `Bundle::from_bytes` would give (with the same load check).

use super::entity_table::ENTITY_FACET;
use super::{checksum, Bundle, BundleError};
use crate::entities::{DocNames, EntityType, Mention, NamedWays};
use crate::model::{Date, Document, Metadata};
use crate::search::facets::Facet;
use crate::search::index::packed::{self, PackedDoc, PackedPostings};
use crate::search::stem::stem;
use serde::{Deserialize, Serialize};

/// The first bytes of each kind of file, so a file served in place of another is named as such
/// (`lazy.rs` checks them).
pub const MANIFEST_MAGIC: &[u8; 4] = b"PLXM";
pub(super) const INDEX_MAGIC: &[u8; 4] = b"PLXI";
pub(super) const CHUNK_MAGIC: &[u8; 4] = b"PLXD";
pub(super) const VOCABULARY_MAGIC: &[u8; 4] = b"PLXV";
pub(super) const ENTITIES_MAGIC: &[u8; 4] = b"PLXE";
pub(super) const NAMES_MAGIC: &[u8; 4] = b"PLXN";

/// Where the files go: the manifest in `corpus.bin` (where a site serves a whole bundle, so the
/// app tells the two apart by their first bytes), `index/<checksum>.bin`, `docs/<checksum>.bin`,
/// `index/<checksum>.bin` for the vocabulary, `entities/<checksum>.bin` and
/// `names/<checksum>.bin`.
pub const MANIFEST_FILE: &str = "corpus.bin";

/// How large the pieces are (bytes of serialized data, before compression).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardOptions {
    pub index_shard_bytes: usize,
    pub chunk_bytes: usize,
}

impl Default for ShardOptions {
    /// About 64 KB index shards and 32 KB document chunks (before compression): a query's
    /// words fetch a few small files, a page of twenty results at most twenty small chunks,
    /// and the manifest's list of files stays small (BENCHMARKS.md has the sizes at 10,000).
    fn default() -> Self {
        ShardOptions {
            index_shard_bytes: 64 * 1024,
            chunk_bytes: 32 * 1024,
        }
    }
}

/// A sharded corpus: the manifest's bytes and every other file by its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shards {
    pub manifest: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
}

/// What the first screen needs, and where everything else is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    #[serde(with = "super::columns::documents")]
    pub documents: Vec<DocSummary>,
    /// Document chunks, in corpus order; together they hold every document once.
    pub chunks: Vec<ChunkRef>,
    /// Index shards, by their first stem (ascending).
    pub index_shards: Vec<ShardRef>,
    /// Words in the index (word ids are `0..vocabulary`, spread over the shards).
    pub vocabulary: u32,
    /// Every word with the number of documents holding it, by word id: what typo correction
    /// compares a word missing from the index with (fetched only for that).
    pub vocabulary_file: FileRef,
    /// The facets but the `entity` facet, which is in the entity file.
    pub facets: Vec<Facet>,
    /// Where the `entity` facet goes among `facets`, when the corpus has one.
    pub entity_facet: Option<u32>,
    pub published: Vec<Option<Date>>,
    /// The entity table without its per-mention rows (those travel with their documents) and
    /// the `entity` facet.
    pub entities_file: FileRef,
    /// The names each document uses for each entity (`NamesFile`), for the story overview of a
    /// part of the corpus.
    pub names_file: FileRef,
    /// Rows in the entity table (what a chunk's mentions may point at).
    pub entity_rows: u32,
    /// The entities' name groups that alias-aware search expands a word with
    /// (`aliases::groups_that_expand`): the search box needs them before the entity file.
    pub aliases: Vec<Vec<String>>,
}

/// One document as the manifest lists it (stored column by column, `columns.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct DocSummary {
    pub id: String,
    pub meta: Metadata,
    /// Length of its text in bytes.
    pub text_len: u64,
    /// Its indexed sentences' token counts (ranking and the phrase and passage checks need
    /// them before its chunk arrives).
    pub sentences: Vec<u32>,
    /// For an article without a title, the lede its label shows (`label::short_lede`).
    pub lede: Option<String>,
}

impl DocSummary {
    /// Its indexed tokens.
    pub fn tokens(&self) -> u64 {
        self.sentences.iter().map(|&n| u64::from(n)).sum()
    }
}

/// A file the manifest vouches for (stored without its path, which its checksum names,
/// `columns.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    pub path: String,
    pub bytes: u64,
    pub checksum: u64,
}

impl FileRef {
    /// The file of `dir` with these length and checksum: `<dir>/<checksum>.bin`.
    pub(super) fn named(dir: &str, bytes: u64, checksum: u64) -> FileRef {
        FileRef {
            path: format!("{dir}/{checksum:016x}.bin"),
            bytes,
            checksum,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    pub file: FileRef,
    pub first: u32,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRef {
    pub file: FileRef,
    /// The first stem it holds; the next shard's first stem is past its last.
    pub first_stem: String,
    /// Its alphabetically first and last words (for prefixes).
    pub first_word: String,
    pub last_word: String,
}

/// A document chunk's contents.
#[derive(Serialize, Deserialize)]
pub(super) struct Chunk {
    pub documents: Vec<Document>,
    #[serde(with = "super::packed_mentions")]
    pub mentions: Vec<Vec<Mention>>,
    pub mention_rows: Vec<Vec<u32>>,
    pub entries: Vec<PackedDoc>,
}

impl Chunk {
    /// `count` documents (the manifest's), each in every table.
    pub fn check_counts(&self, count: usize) -> Result<(), BundleError> {
        BundleError::expect_count("documents in a chunk", count, self.documents.len())?;
        BundleError::expect_count("mention lists in a chunk", count, self.mentions.len())?;
        BundleError::expect_count(
            "entity row lists in a chunk",
            count,
            self.mention_rows.len(),
        )?;
        BundleError::expect_count("index entries in a chunk", count, self.entries.len())
    }
}

/// An index shard's contents: (word id, word, postings).
pub(super) type IndexShard = Vec<(u32, String, PackedPostings)>;

/// The vocabulary file's contents: every word, by id, and its document count.
pub(super) type Vocabulary = Vec<(String, u32)>;

/// The entity file's contents.
#[derive(Serialize, Deserialize)]
pub(super) struct EntityFile {
    /// The table's rows (`EntityTable::rows`).
    pub rows: Vec<super::EntityRow>,
    /// The `entity` facet, when the corpus has one (`Manifest::entity_facet` says where).
    pub facet: Option<Facet>,
    /// The entities named in more than one way over the whole corpus, by the documents' labels
    /// (`alias_usage`), for the story overview of the whole corpus without its articles' text.
    pub named_ways: Vec<NamedWays>,
}

/// The names file's contents: per document, the names it uses for each named entity
/// (`entities::doc_names`), so that which names a part of the corpus uses (the story overview
/// of some outlets) needs none of its articles' text. Entities and names are stored once and
/// referred to by their place.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct NamesFile {
    pub entities: Vec<(EntityType, String)>,
    pub names: Vec<String>,
    /// Per document: (entity, name, times used).
    pub docs: Vec<Vec<(u32, u32, u32)>>,
}

impl NamesFile {
    /// The file of every document's names (`per_doc`, in corpus order).
    fn of(per_doc: &[DocNames]) -> NamesFile {
        let mut file = NamesFile {
            entities: Vec::new(),
            names: Vec::new(),
            docs: Vec::new(),
        };
        let mut entities = std::collections::HashMap::new();
        let mut names = std::collections::HashMap::new();
        /// `k`'s place in `list`, where it is added the first time.
        fn place<K: Clone + Eq + std::hash::Hash>(
            k: &K,
            at: &mut std::collections::HashMap<K, u32>,
            list: &mut Vec<K>,
        ) -> u32 {
            if let Some(&i) = at.get(k) {
                return i;
            }
            let i = list.len() as u32;
            list.push(k.clone());
            at.insert(k.clone(), i);
            i
        }
        for doc in per_doc {
            let mut used = Vec::new();
            for (entity, by_name) in doc {
                let e = place(entity, &mut entities, &mut file.entities);
                for (name, &n) in by_name {
                    let k = place(name, &mut names, &mut file.names);
                    used.push((e, k, u32::try_from(n).unwrap_or(u32::MAX)));
                }
            }
            file.docs.push(used);
        }
        file
    }

    /// One list of names per document of the manifest (`count`), each naming entities and
    /// names in the file's lists.
    pub fn check(&self, count: usize) -> Result<(), BundleError> {
        BundleError::expect_count("documents in the names file", count, self.docs.len())?;
        let (entities, names) = (self.entities.len(), self.names.len());
        if self
            .docs
            .iter()
            .flatten()
            .any(|&(e, k, _)| e as usize >= entities || k as usize >= names)
        {
            return Err(bad(
                "the names file names an entity or a name past its lists".into(),
            ));
        }
        Ok(())
    }

    /// Document `doc`'s names (as `entities::doc_names` gives them from its text).
    pub fn doc_names(&self, doc: usize) -> DocNames {
        let mut out = DocNames::new();
        for &(e, k, n) in self.docs.get(doc).map_or(&[][..], Vec::as_slice) {
            if let (Some(entity), Some(name)) =
                (self.entities.get(e as usize), self.names.get(k as usize))
            {
                *out.entry(entity.clone())
                    .or_default()
                    .entry(name.clone())
                    .or_default() += n as usize;
            }
        }
        out
    }
}

impl Manifest {
    /// Reads a manifest and checks what it can alone: its header and checksum, one entry per
    /// document in every per-document table, chunks that cover the documents in order, shards in
    /// stem order, metadata spans inside each text's length, entity rows naming real documents.
    pub fn from_bytes(bytes: &[u8]) -> Result<Manifest, BundleError> {
        let sealed = super::open_sealed(bytes, MANIFEST_MAGIC)?;
        let m: Manifest = super::sections::read(sealed.payload, "manifest")?;
        m.check()?;
        Ok(m)
    }

    fn check(&self) -> Result<(), BundleError> {
        let n = self.documents.len();
        BundleError::expect_count("publication dates in the manifest", n, self.published.len())?;
        for f in &self.facets {
            BundleError::expect_count("documents of a facet", n, f.docs.len())?;
        }
        if self
            .entity_facet
            .is_some_and(|at| at as usize > self.facets.len())
        {
            return Err(bad("the entity facet's place is past the facets".into()));
        }
        if self.documents.iter().any(|d| d.sentences.contains(&0)) {
            return Err(bad("a sentence without tokens".into()));
        }
        let mut next = 0u64;
        for c in &self.chunks {
            if u64::from(c.first) != next || c.count == 0 {
                return Err(bad(format!("chunk {} is out of order", c.file.path)));
            }
            next += u64::from(c.count);
        }
        BundleError::expect_count("documents in the chunks", n, next as usize)?;
        if !self
            .index_shards
            .windows(2)
            .all(|w| w.first().map(|a| &a.first_stem) < w.get(1).map(|b| &b.first_stem))
        {
            return Err(bad("index shards out of stem order".into()));
        }
        for d in &self.documents {
            for (start, end) in d.meta.text_spans() {
                if start > end || end as u64 > d.text_len {
                    return Err(BundleError::BadSpan {
                        document: d.id.clone(),
                        what: "metadata value",
                        start,
                        end,
                        text_len: d.text_len as usize,
                    });
                }
            }
        }
        Ok(())
    }

    /// The index shard holding the words of `word`'s stem (what a plain or quoted word needs).
    pub fn shard_of(&self, word: &str) -> Option<usize> {
        let s = stem(word);
        self.index_shards
            .partition_point(|r| r.first_stem.as_str() <= s.as_str())
            .checked_sub(1)
    }

    /// The index shards that may hold words starting with `prefix` (what `prefix*` needs).
    pub fn shards_with_prefix(&self, prefix: &str) -> Vec<usize> {
        (0..self.index_shards.len())
            .filter(|&k| {
                self.index_shards.get(k).is_some_and(|r| {
                    r.last_word.as_str() >= prefix
                        && (r.first_word.starts_with(prefix) || r.first_word.as_str() <= prefix)
                })
            })
            .collect()
    }

    /// The chunk holding document `doc`.
    pub fn chunk_of(&self, doc: usize) -> Option<usize> {
        let doc = u32::try_from(doc).ok()?;
        let k = self
            .chunks
            .partition_point(|c| c.first <= doc)
            .checked_sub(1)?;
        let c = self.chunks.get(k)?;
        (doc - c.first < c.count).then_some(k)
    }
}

impl FileRef {
    /// The payload of `bytes` if they are this file (its length and checksum) of this kind.
    pub(super) fn open<'a>(
        &self,
        bytes: &'a [u8],
        magic: &[u8; 4],
    ) -> Result<&'a [u8], BundleError> {
        if bytes.len() as u64 != self.bytes || checksum(bytes) != self.checksum {
            return Err(BundleError::StaleFile(self.path.clone()));
        }
        Ok(super::open_sealed(bytes, magic)?.payload)
    }
}

pub(super) fn bad(what: String) -> BundleError {
    BundleError::Inconsistent(format!("sharded corpus: {what}"))
}

/// `bytes` behind a header with `magic`, and the file's reference (named by its checksum).
fn file(dir: &str, magic: &[u8; 4], payload: &[u8]) -> (FileRef, Vec<u8>) {
    let bytes = super::seal_with(magic, payload);
    (
        FileRef::named(dir, bytes.len() as u64, checksum(&bytes)),
        bytes,
    )
}

fn postcard_bytes<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    // Serializing plain owned data into a Vec cannot fail; an empty payload is refused on load.
    postcard::to_allocvec(value).unwrap_or_default()
}

impl Bundle {
    /// The bundle as a sharded corpus (see the module's documentation).
    pub fn to_shards(&self, opts: &ShardOptions) -> Shards {
        let mut files = Vec::new();
        // Document chunks: documents in order, cut when a chunk's text passes the target.
        let mut chunks = Vec::new();
        let mut first = 0usize;
        while first < self.documents.len() {
            let mut end = first;
            let mut size = 0usize;
            while end < self.documents.len() && (end == first || size < opts.chunk_bytes) {
                size += self.documents.get(end).map_or(0, |d| d.text.len() * 2);
                end += 1;
            }
            let range = first..end;
            let chunk = Chunk {
                documents: self
                    .documents
                    .get(range.clone())
                    .unwrap_or_default()
                    .to_vec(),
                mentions: self
                    .mentions
                    .get(range.clone())
                    .unwrap_or_default()
                    .to_vec(),
                mention_rows: self
                    .entities
                    .mention_rows
                    .get(range.clone())
                    .unwrap_or_default()
                    .to_vec(),
                entries: self
                    .index
                    .docs
                    .get(range)
                    .unwrap_or_default()
                    .iter()
                    .map(packed::pack_doc)
                    .collect(),
            };
            let payload = postcard_bytes(&chunk);
            let (r, bytes) = file("docs", CHUNK_MAGIC, &payload);
            chunks.push(ChunkRef {
                file: r.clone(),
                first: first as u32,
                count: (end - first) as u32,
            });
            files.push((r.path, bytes));
            first = end;
        }
        // Index shards: stems in order, cut when a shard's postings pass the target.
        let mut index_shards = Vec::new();
        let mut shard: IndexShard = Vec::new();
        let mut shard_stem: Option<String> = None;
        let mut size = 0usize;
        let mut flush = |shard: &mut IndexShard, first_stem: &mut Option<String>| {
            if shard.is_empty() {
                return;
            }
            let first_word = shard
                .iter()
                .map(|w| &w.1)
                .min()
                .cloned()
                .unwrap_or_default();
            let last_word = shard
                .iter()
                .map(|w| &w.1)
                .max()
                .cloned()
                .unwrap_or_default();
            let (r, bytes) = file("index", INDEX_MAGIC, &postcard_bytes(shard));
            index_shards.push(ShardRef {
                file: r.clone(),
                first_stem: first_stem.take().unwrap_or_default(),
                first_word,
                last_word,
            });
            files.push((r.path, bytes));
            shard.clear();
        };
        for (s, ids) in &self.index.stems {
            if size >= opts.index_shard_bytes {
                flush(&mut shard, &mut shard_stem);
                size = 0;
            }
            if shard_stem.is_none() {
                shard_stem = Some(s.clone());
            }
            for &id in ids {
                let (Some(w), Some(p)) = (
                    self.index.words.get(id as usize),
                    self.index.postings.get(id as usize),
                ) else {
                    continue;
                };
                size += w.len() + 2 * (p.docs.len() * 2 + p.positions.len());
                shard.push((id, w.clone(), packed::pack_postings(p)));
            }
        }
        flush(&mut shard, &mut shard_stem);

        let vocabulary: Vocabulary = self
            .index
            .words
            .iter()
            .enumerate()
            .map(|(id, w)| (w.clone(), self.index.df(id as u32) as u32))
            .collect();
        let (vocabulary_file, bytes) =
            file("index", VOCABULARY_MAGIC, &postcard_bytes(&vocabulary));
        files.push((vocabulary_file.path.clone(), bytes));

        // The entity table and facet in a file of their own.
        let mut facets = self.index.facets.clone();
        let entity_facet = facets.iter().position(|f| f.name == ENTITY_FACET);
        let facet = entity_facet.map(|at| facets.remove(at));
        // Each document's names, read from its text once: the names file holds them, and the
        // whole corpus's contested names (in the entity file) are counted from them.
        let per_doc: Vec<DocNames> = self
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| crate::entities::doc_names(&d.text, self.mentions_of(i)))
            .collect();
        let labels = crate::label::labels(&self.documents);
        let usage = crate::entities::alias_usage_of(
            labels
                .iter()
                .map(String::as_str)
                .zip(per_doc.iter().cloned()),
        );
        let entity_file = EntityFile {
            rows: self.entities.rows.clone(),
            facet,
            named_ways: NamedWays::of(&usage),
        };
        let (entities_file, bytes) =
            file("entities", ENTITIES_MAGIC, &postcard_bytes(&entity_file));
        files.push((entities_file.path.clone(), bytes));
        let names = NamesFile::of(&per_doc);
        let (names_file, bytes) = file("names", NAMES_MAGIC, &postcard_bytes(&names));
        files.push((names_file.path.clone(), bytes));
        let manifest = Manifest {
            documents: self
                .documents
                .iter()
                .zip(&self.index.docs)
                .map(|(d, e)| DocSummary {
                    id: d.id.clone(),
                    meta: d.meta.clone(),
                    text_len: d.text.len() as u64,
                    sentences: e
                        .sentences
                        .iter()
                        .enumerate()
                        .map(|(k, s)| {
                            let next = e
                                .sentences
                                .get(k + 1)
                                .map_or(e.token_count, |n| n.first_token);
                            next.saturating_sub(s.first_token)
                        })
                        .collect(),
                    lede: d
                        .title()
                        .is_none()
                        .then(|| crate::label::short_lede(&d.lede(usize::MAX))),
                })
                .collect(),
            chunks,
            index_shards,
            vocabulary: self.index.words.len() as u32,
            vocabulary_file,
            facets,
            entity_facet: entity_facet.map(|at| at as u32),
            published: self.index.published.clone(),
            entities_file,
            names_file,
            entity_rows: self.entities.rows.len() as u32,
            aliases: crate::aliases::groups_that_expand(&self.entities.name_groups()),
        };
        Shards {
            manifest: super::seal_with(MANIFEST_MAGIC, &postcard_bytes(&manifest)),
            files,
        }
    }

    /// Reads a sharded corpus back: the manifest, then every file it lists through `fetch`
    /// (its path relative to the manifest; `None` when it cannot be had). Each file must be
    /// the one the manifest names (length and checksum), and the whole must pass the bundle's
    /// load check. The result equals [`Bundle::from_bytes`] of the same corpus's bundle.
    pub fn from_shards(
        manifest: &[u8],
        fetch: &dyn Fn(&str) -> Option<Vec<u8>>,
    ) -> Result<Bundle, BundleError> {
        let mut lazy = super::LazyBundle::from_manifest(manifest)?;
        // The names file too, which a whole bundle does without, so that it is checked.
        for need in lazy.all_needs().into_iter().chain(lazy.names_needs()) {
            let path = lazy.file(need).map(|f| f.path.clone()).unwrap_or_default();
            let bytes = fetch(&path).ok_or(BundleError::MissingFile(path))?;
            lazy.add(need, &bytes)?;
        }
        lazy.into_bundle()
    }
}
