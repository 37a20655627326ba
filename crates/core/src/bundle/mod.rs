//! The bundle: the parsed corpus serialized once at build time (postcard) and loaded by the app,
//! so the browser never re-parses the seed articles, rebuilds the search index or recognises
//! entities: the recogniser and its knowledge base stay out of the app's wasm. `check.rs` is
//! what a decoded bundle must satisfy before anything uses it.
mod check;
mod columns;
mod entity_table;
mod lazy;
mod packed_mentions;
mod sections;
mod shards;

pub use entity_table::{surface, EntityRow, EntityTable};
pub use lazy::{LazyBundle, Need};
pub use shards::{
    ChunkRef, DocSummary, FileRef, Manifest, ShardOptions, ShardRef, Shards, MANIFEST_FILE,
    MANIFEST_MAGIC,
};

use crate::entities::{recognize, EntityType, KnowledgeBase, Mention};
use crate::model::Document;
use crate::search::Index;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

/// Bumped whenever the serialized layout changes; an old bundle is refused, not misread.
/// Version 4 added the length and checksum header; 5 packs the entity mentions; 6 records the
/// parser's rule in each text provenance; 7 carries the entity table (rows, the row of each
/// mention, descriptions) and the search index's `entity` facet, built at bundle time; 8 puts
/// each table in its own section, so the documents can be read without the index; 9 counts the
/// mentions of each name of an entity, and a sharded corpus's entity table and `entity` facet
/// leave its manifest for a file of their own; 10 adds to that file the entities named in more
/// than one way over the whole corpus (`EntityFile::named_ways`); 11 gives those their names'
/// counts and the names by source (`NamedWays::by_source`), for the entities page; 12 adds a
/// sharded corpus's names file (`NamesFile`: the names each document uses for each entity), for
/// the story overview of some of its articles.
pub const BUNDLE_VERSION: u32 = 12;

/// The first bytes of every bundle, so another file (an HTML error page served in its place,
/// say) is recognised as "not a bundle" instead of being misread as a strange version.
pub const BUNDLE_MAGIC: &[u8; 4] = b"PLXB";

/// The layout: `PLXB`, the version (a postcard varint, read first so that any other layout is
/// reported as a version mismatch), the payload's length (8 bytes, little-endian), its
/// [`checksum`] (8 bytes, little-endian), then the payload: the bundle's tables in sections
/// (`sections.rs`).
const FIXED_HEADER: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub version: u32,
    pub documents: Vec<Document>,
    /// The search index of `documents` (document `i` of the index is `documents[i]`), with the
    /// `entity` facet from `entities`.
    pub index: Index,
    /// Entity mentions of each document (`mentions[i]` for `documents[i]`), in text order,
    /// recognised with the built-in knowledge base.
    pub mentions: Vec<Vec<Mention>>,
    /// The mentions aggregated per entity, with the knowledge base's descriptions.
    pub entities: EntityTable,
    /// The checksum of the serialized payload (see [`Bundle::fingerprint`]); not serialized.
    fingerprint: Fingerprint,
}

/// The documents of a bundle and their entity mentions, without its search index and entity
/// table: what comparing articles needs ([`Documents::from_bytes`] never decodes the index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Documents {
    pub documents: Vec<Document>,
    /// `mentions[i]` for `documents[i]`, in text order.
    pub mentions: Vec<Vec<Mention>>,
    fingerprint: u64,
}

/// The mentions section's layout, packed (see `packed_mentions.rs`).
struct PackedMentions<'a>(&'a [Vec<Mention>]);

impl Serialize for PackedMentions<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        packed_mentions::serialize(self.0, s)
    }
}

struct UnpackedMentions(Vec<Vec<Mention>>);

impl<'de> Deserialize<'de> for UnpackedMentions {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        packed_mentions::deserialize(d).map(UnpackedMentions)
    }
}

/// Reads the header, verifies the checksum and splits the payload into its sections.
fn open(bytes: &[u8]) -> Result<(u64, [&[u8]; sections::COUNT]), BundleError> {
    let header = open_sealed(bytes, BUNDLE_MAGIC)?;
    Ok((header.checksum, sections::split(header.payload)?))
}

impl Documents {
    /// Reads the documents and mentions of a bundle, refusing what [`Bundle::from_bytes`]
    /// refuses in them (the same header, checksum and span checks) without decoding or checking
    /// the search index and the entity table.
    pub fn from_bytes(bytes: &[u8]) -> Result<Documents, BundleError> {
        let (fingerprint, [documents, mentions, _, _]) = open(bytes)?;
        let documents: Vec<Document> = sections::read(documents, "documents")?;
        let UnpackedMentions(mentions) = sections::read(mentions, "entity mentions")?;
        check::check_documents(&documents, &mentions)?;
        Ok(Documents {
            documents,
            mentions,
            fingerprint,
        })
    }

    /// The bundle's fingerprint ([`Bundle::fingerprint`]).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The number of the document with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }

    /// The entity mentions of document `i` (none when there is no such document).
    pub fn mentions_of(&self, i: usize) -> &[Mention] {
        self.mentions.get(i).map_or(&[], Vec::as_slice)
    }
}

/// Why a bundle could not be read. Every variant says what a user can do about it in its
/// `Display`: rebuild the bundle or reload the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The bytes are some other file: no bundle header.
    NotABundle,
    /// A bundle written by another version of Parallax.
    WrongVersion { found: u32, expected: u32 },
    /// Fewer bytes than the header announces (an interrupted download or copy), or more.
    Truncated { expected: u64, found: u64 },
    /// The payload's checksum is not the one in the header: some bytes changed.
    ChecksumMismatch { expected: u64, found: u64 },
    /// The checksum matches but the payload does not decode (a bundle written by a faulty tool).
    Corrupt(String),
    /// Two tables that must have one entry per document, or per word, disagree.
    CountMismatch {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    /// Two tables that must agree entry by entry do not (an index entry for another document,
    /// a sentence in a block that does not exist).
    Inconsistent(String),
    /// A file a sharded corpus's manifest lists could not be had (named by its path).
    MissingFile(String),
    /// A file of a sharded corpus is not the one its manifest lists (another deployment's, or
    /// damaged).
    StaleFile(String),
    /// A span (token, sentence, block, mention, diagnostic, metadata) outside its document's
    /// text or inside a character.
    BadSpan {
        document: String,
        what: &'static str,
        start: usize,
        end: usize,
        text_len: usize,
    },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "the file is not a Parallax corpus bundle"),
            BundleError::WrongVersion { found, expected } => write!(
                f,
                "the corpus bundle has format version {found}, this app reads version {expected}; rebuild it"
            ),
            BundleError::Truncated { expected, found } if found < expected => write!(
                f,
                "the corpus bundle is cut short: {found} of its {expected} bytes arrived; reload, or rebuild it"
            ),
            BundleError::Truncated { expected, found } => write!(
                f,
                "the corpus bundle has {found} bytes where its header announces {expected}; rebuild it"
            ),
            BundleError::ChecksumMismatch { .. } => write!(
                f,
                "the corpus bundle is damaged: its checksum does not match its contents; rebuild it"
            ),
            BundleError::Corrupt(why) => write!(f, "the corpus bundle is unreadable ({why})"),
            BundleError::CountMismatch {
                what,
                expected,
                found,
            } => write!(
                f,
                "the corpus bundle is inconsistent: {found} {what} where {expected} were expected; rebuild it"
            ),
            BundleError::MissingFile(path) => write!(
                f,
                "the corpus file “{path}” could not be loaded; reload, or rebuild the corpus"
            ),
            BundleError::StaleFile(path) => write!(
                f,
                "the corpus file “{path}” is not the one its manifest lists (the site was updated, or the file is damaged); reload"
            ),
            BundleError::Inconsistent(what) => write!(
                f,
                "the corpus bundle is inconsistent: {what}; rebuild it"
            ),
            BundleError::BadSpan {
                document,
                what,
                start,
                end,
                text_len,
            } => write!(
                f,
                "the corpus bundle is inconsistent: a {what} of document {document} spans bytes {start}..{end}, outside its {text_len}-byte text or inside a character; rebuild it"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

impl BundleError {
    /// `Ok` when a table has the number of entries another table requires.
    pub(crate) fn expect_count(
        what: &'static str,
        expected: usize,
        found: usize,
    ) -> Result<(), BundleError> {
        if expected == found {
            Ok(())
        } else {
            Err(BundleError::CountMismatch {
                what,
                expected,
                found,
            })
        }
    }
}

/// The 64-bit FNV-1a hash of `bytes`: enough to tell a damaged or different payload from the
/// one written (not a defence against forgery, which a static site cannot offer anyway).
pub fn checksum(bytes: &[u8]) -> u64 {
    crate::fnv::fnv1a(bytes)
}

/// The built-in knowledge base's description of an entity.
fn describe(kind: EntityType, canonical: &str) -> Option<String> {
    Some(
        KnowledgeBase::builtin()
            .get(kind, canonical)?
            .description
            .clone(),
    )
}

/// The entity mentions of one document as a bundle stores them: recognised with the built-in
/// knowledge base, in text order.
pub fn mentions_for_bundle(doc: &Document) -> Vec<Mention> {
    let mut m = recognize(doc, Some(KnowledgeBase::builtin()));
    m.sort_by_key(|x| (x.start, x.end));
    m
}

impl Bundle {
    /// Builds the search index and recognises the entities of `documents`.
    pub fn new(documents: Vec<Document>) -> Bundle {
        let mut index = Index::build(&documents);
        let mentions: Vec<Vec<Mention>> = documents.iter().map(mentions_for_bundle).collect();
        let entities = EntityTable::build(&documents, &mentions, &describe);
        index.set_facet(entities.entity_facet(documents.len()));
        Bundle::from_tables(documents, index, mentions, entities, Fingerprint::built())
    }

    /// A bundle of these tables, of this version. Not checked: the loads check what they
    /// assemble.
    fn from_tables(
        documents: Vec<Document>,
        index: Index,
        mentions: Vec<Vec<Mention>>,
        entities: EntityTable,
        fingerprint: Fingerprint,
    ) -> Bundle {
        Bundle {
            version: BUNDLE_VERSION,
            documents,
            index,
            mentions,
            entities,
            fingerprint,
        }
    }

    /// This bundle with more documents after its own, and their mentions (one list per document,
    /// from [`mentions_for_bundle`]): the same bundle [`Bundle::new`] builds from all the
    /// documents, without indexing or recognising this bundle's own again. The page's ingest
    /// worker adds the articles a user brings to the served corpus this way. The new documents
    /// join the search index, the entity table and the `entity` facet; the fingerprint is then
    /// that of the new contents.
    pub fn extended(mut self, documents: Vec<Document>, mentions: Vec<Vec<Mention>>) -> Bundle {
        for (doc, found) in documents.into_iter().zip(mentions) {
            self.index.add(&doc);
            self.documents.push(doc);
            self.mentions.push(found);
        }
        self.entities
            .extend(&self.documents, &self.mentions, &describe);
        self.index
            .set_facet(self.entities.entity_facet(self.documents.len()));
        self.fingerprint = Fingerprint::built();
        self
    }

    /// A number that identifies this bundle's contents: the checksum of its serialized payload,
    /// the same for a bundle and for what [`Bundle::from_bytes`] reads back from its bytes. Two
    /// parties (the page and its comparison worker) that hold bundles with the same fingerprint
    /// hold the same corpus; read it from raw bytes with [`fingerprint_of`].
    /// A decoded bundle has it from its header; a built one computes it once, when asked.
    pub fn fingerprint(&self) -> u64 {
        match &self.fingerprint {
            Fingerprint::Known(f) => *f,
            Fingerprint::Built(cell, compute) => *cell.get_or_init(|| compute(self)),
        }
    }

    /// The entity mentions of document `i` (none when the bundle has no entry for it).
    pub fn mentions_of(&self, i: usize) -> &[Mention] {
        self.mentions.get(i).map_or(&[], Vec::as_slice)
    }

    /// The knowledge base's description of an entity, when the bundle carries one.
    pub fn description(&self, kind: EntityType, canonical: &str) -> Option<&str> {
        self.entities.find(kind, canonical)?.description.as_deref()
    }

    /// The serialized bundle without the header: its sections, appended to `out`.
    fn write_payload(&self, out: Vec<u8>) -> Vec<u8> {
        let out = sections::write(out, &self.documents);
        let out = sections::write(out, &PackedMentions(&self.mentions));
        let out = sections::write(out, &self.entities);
        sections::write(out, &self.index)
    }

    /// The serialized bundle, without the header.
    fn payload(&self) -> Vec<u8> {
        self.write_payload(Vec::new())
    }

    /// The bundle's bytes: the header, then the payload serialized in place (one copy of the
    /// payload in memory, not two: a long corpus's payload is about twice its text).
    pub fn to_bytes(&self) -> Vec<u8> {
        let out = header(0, 0);
        let header_len = out.len();
        let mut out = self.write_payload(out);
        let payload = out.get(header_len..).unwrap_or_default();
        let (len, sum) = (payload.len() as u64, checksum(payload));
        if let Some(fields) = out.get_mut(header_len - FIXED_HEADER..header_len) {
            fields.copy_from_slice(&header_fields(len, sum));
        }
        out
    }

    /// Reads a bundle, refusing (never misreading) any other bytes: another file, another
    /// version, a short or long file, a changed byte, tables that disagree, spans outside their
    /// text. A bundle this returns is safe to search, show and compare.
    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let (fingerprint, [documents, mentions, entities, index]) = open(bytes)?;
        let UnpackedMentions(mentions) = sections::read(mentions, "entity mentions")?;
        let bundle = Bundle::from_tables(
            sections::read(documents, "documents")?,
            sections::read(index, "search index")?,
            mentions,
            sections::read(entities, "entity table")?,
            Fingerprint::Known(fingerprint),
        );
        check::check(&bundle)?;
        Ok(bundle)
    }

    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// A payload (a postcard-serialized [`Bundle`]) behind the bundle header: magic, version,
/// length, checksum. [`Bundle::to_bytes`] is `seal` of its payload; tests and the fuzz targets
/// seal damaged payloads to reach the load check behind the checksum.
pub fn seal(payload: &[u8]) -> Vec<u8> {
    seal_with(BUNDLE_MAGIC, payload)
}

/// Magic, version, then the payload's length and checksum.
fn header(len: u64, sum: u64) -> Vec<u8> {
    header_with(BUNDLE_MAGIC, len, sum)
}

fn header_with(magic: &[u8; 4], len: u64, sum: u64) -> Vec<u8> {
    let mut version = [0u8; 5];
    let version = postcard::to_slice(&BUNDLE_VERSION, &mut version)
        .map(|v| v.to_vec())
        .unwrap_or_default();
    [magic.as_slice(), &version, &header_fields(len, sum)].concat()
}

/// `payload` behind the header of another kind of file (`magic`): the sharded layout's files.
fn seal_with(magic: &[u8; 4], payload: &[u8]) -> Vec<u8> {
    let mut out = header_with(magic, payload.len() as u64, checksum(payload));
    out.extend_from_slice(payload);
    out
}

/// The header and payload of a file sealed with `magic`, its checksum verified.
fn open_sealed<'a>(bytes: &'a [u8], magic: &[u8; 4]) -> Result<Header<'a>, BundleError> {
    let header = Header::read_with(bytes, magic)?;
    let found = checksum(header.payload);
    if found != header.checksum {
        return Err(BundleError::ChecksumMismatch {
            expected: header.checksum,
            found,
        });
    }
    Ok(header)
}

fn header_fields(len: u64, sum: u64) -> [u8; FIXED_HEADER] {
    let mut fields = [0u8; FIXED_HEADER];
    let (l, s) = fields.split_at_mut(8);
    l.copy_from_slice(&len.to_le_bytes());
    s.copy_from_slice(&sum.to_le_bytes());
    fields
}

/// A bundle's fingerprint. Equal for equal bundles whether known yet or not (it is derived from
/// their contents), so it never makes two equal bundles compare unequal.
#[derive(Debug, Clone)]
enum Fingerprint {
    /// Read from a decoded bundle's header, or given by the sharded loader.
    Known(u64),
    /// A bundle built here: the checksum of its payload, serialized the first time it is asked
    /// for. The computation is a function pointer that only the constructors that build store,
    /// so a program that only decodes bundles (the page) does not link the serializer.
    Built(OnceLock<u64>, fn(&Bundle) -> u64),
}

impl Fingerprint {
    fn built() -> Fingerprint {
        Fingerprint::Built(OnceLock::new(), |b| checksum(&b.payload()))
    }
}

impl PartialEq for Fingerprint {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Fingerprint {}

/// The fingerprint of the bundle in `bytes`, read from its header without decoding it (the
/// payload's checksum is verified). Equal to [`Bundle::fingerprint`] of the decoded bundle.
pub fn fingerprint_of(bytes: &[u8]) -> Result<u64, BundleError> {
    Ok(open_sealed(bytes, BUNDLE_MAGIC)?.checksum)
}

/// The parsed header of a bundle and its payload.
struct Header<'a> {
    checksum: u64,
    payload: &'a [u8],
}

impl<'a> Header<'a> {
    fn read_with(bytes: &'a [u8], magic: &[u8; 4]) -> Result<Header<'a>, BundleError> {
        let bytes = bytes
            .strip_prefix(magic.as_slice())
            .ok_or(BundleError::NotABundle)?;
        let (found, rest) =
            postcard::take_from_bytes::<u32>(bytes).map_err(|_| BundleError::Truncated {
                expected: FIXED_HEADER as u64,
                found: 0,
            })?;
        if found != BUNDLE_VERSION {
            return Err(BundleError::WrongVersion {
                found,
                expected: BUNDLE_VERSION,
            });
        }
        let word = |at: usize| -> Option<u64> {
            let b: [u8; 8] = rest.get(at..at.checked_add(8)?)?.try_into().ok()?;
            Some(u64::from_le_bytes(b))
        };
        let (Some(len), Some(checksum)) = (word(0), word(8)) else {
            return Err(BundleError::Truncated {
                expected: FIXED_HEADER as u64,
                found: rest.len() as u64,
            });
        };
        let payload = rest.get(FIXED_HEADER..).unwrap_or_default();
        if payload.len() as u64 != len {
            return Err(BundleError::Truncated {
                expected: len,
                found: payload.len() as u64,
            });
        }
        Ok(Header { checksum, payload })
    }
}

#[cfg(test)]
mod tests;
