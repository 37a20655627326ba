//! The bundle: the parsed corpus serialized once at build time (postcard) and loaded by the app,
//! so the browser never re-parses the seed articles, rebuilds the search index or recognises
//! entities: the recogniser and its knowledge base stay out of the app's wasm.

use crate::entities::{recognize, EntityType, KnowledgeBase, Mention};
use crate::model::Document;
use crate::search::Index;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Bumped whenever the serialized layout changes; an old bundle is refused, not misread.
pub const BUNDLE_VERSION: u32 = 3;

/// The first bytes of every bundle, so another file (an HTML error page served in its place,
/// say) is recognised as "not a bundle" instead of being misread as a strange version.
pub const BUNDLE_MAGIC: &[u8; 4] = b"PLXB";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub version: u32,
    pub documents: Vec<Document>,
    /// The search index of `documents` (document `i` of the index is `documents[i]`).
    pub index: Index,
    /// Entity mentions of each document (`mentions[i]` for `documents[i]`), in text order,
    /// recognised with the built-in knowledge base.
    pub mentions: Vec<Vec<Mention>>,
    /// The knowledge base's one-line description of each mentioned entity it knows:
    /// `(type, canonical name, description)`, sorted.
    pub descriptions: Vec<(EntityType, String, String)>,
}

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The bytes are some other file: no bundle header.
    NotABundle,
    /// The header is right but the rest is truncated or corrupt.
    Corrupt(String),
    /// A bundle written by another version of Parallax.
    WrongVersion { found: u32, expected: u32 },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "the file is not a Parallax corpus bundle"),
            BundleError::Corrupt(why) => write!(f, "the corpus bundle is unreadable ({why})"),
            BundleError::WrongVersion { found, expected } => write!(
                f,
                "the corpus bundle has format version {found}, this app reads version {expected}; rebuild it"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

impl Bundle {
    /// Builds the search index and recognises the entities of `documents`.
    pub fn new(documents: Vec<Document>) -> Bundle {
        let index = Index::build(&documents);
        let kb = KnowledgeBase::builtin();
        let mentions: Vec<Vec<Mention>> = documents
            .iter()
            .map(|d| {
                let mut m = recognize(d, Some(kb));
                m.sort_by_key(|x| (x.start, x.end));
                m
            })
            .collect();
        let mut descriptions: Vec<(EntityType, String, String)> = mentions
            .iter()
            .flatten()
            .filter_map(|m| {
                let e = kb.get(m.kind, &m.canonical)?;
                Some((m.kind, m.canonical.clone(), e.description.clone()))
            })
            .collect();
        descriptions.sort();
        descriptions.dedup();
        Bundle {
            version: BUNDLE_VERSION,
            documents,
            index,
            mentions,
            descriptions,
        }
    }

    /// The entity mentions of document `i` (none when the bundle has no entry for it).
    pub fn mentions_of(&self, i: usize) -> &[Mention] {
        self.mentions.get(i).map_or(&[], Vec::as_slice)
    }

    /// The knowledge base's description of an entity, when the bundle carries one.
    pub fn description(&self, kind: EntityType, canonical: &str) -> Option<&str> {
        self.descriptions
            .iter()
            .find(|(k, c, _)| *k == kind && c == canonical)
            .map(|(_, _, d)| d.as_str())
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain owned data into a Vec cannot fail.
        let body = postcard::to_allocvec(self).expect("bundle serializes");
        [BUNDLE_MAGIC.as_slice(), &body].concat()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let bytes = bytes
            .strip_prefix(BUNDLE_MAGIC.as_slice())
            .ok_or(BundleError::NotABundle)?;
        // The version is the first field: read it alone first, so a future layout is reported
        // as a version mismatch rather than as corruption.
        let (found, _) = postcard::take_from_bytes::<u32>(bytes)
            .map_err(|e| BundleError::Corrupt(e.to_string()))?;
        if found != BUNDLE_VERSION {
            return Err(BundleError::WrongVersion {
                found,
                expected: BUNDLE_VERSION,
            });
        }
        postcard::from_bytes(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))
    }

    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_files() {
        let bytes = Bundle::new(Vec::new()).to_bytes();
        assert_eq!(Bundle::from_bytes(&bytes), Ok(Bundle::new(Vec::new())));
        assert_eq!(
            Bundle::from_bytes(b"<!doctype html><p>404</p>"),
            Err(BundleError::NotABundle)
        );
        assert_eq!(Bundle::from_bytes(b""), Err(BundleError::NotABundle));
        let mut future = BUNDLE_MAGIC.to_vec();
        future.push(99);
        assert_eq!(
            Bundle::from_bytes(&future),
            Err(BundleError::WrongVersion {
                found: 99,
                expected: BUNDLE_VERSION
            })
        );
        assert!(matches!(
            Bundle::from_bytes(&bytes[..5]),
            Err(BundleError::Corrupt(_))
        ));
    }

    #[test]
    fn carries_the_entities_recognised_at_build_time() {
        let doc = crate::parse_document(&crate::SourceFile {
            name: "a.txt",
            bytes: "UN mission reaches Karabakh\n\nThe United Nations sent a mission to \
                    Nagorno-Karabakh on Sunday, Stephane Dujarric said."
                .as_bytes(),
            sidecar: None,
        });
        let kb = KnowledgeBase::builtin();
        let expected = recognize(&doc, Some(kb));
        let bundle = Bundle::new(vec![doc]);
        let back = Bundle::from_bytes(&bundle.to_bytes()).expect("round trip");
        assert_eq!(back.mentions_of(0).len(), expected.len());
        assert!(back.mentions_of(0).iter().all(|m| expected.contains(m)));
        assert!(
            back.mentions_of(1).is_empty(),
            "no entry, no mentions, no panic"
        );
        let un = back
            .mentions_of(0)
            .iter()
            .find(|m| m.canonical == "United Nations")
            .expect("the UN is recognised");
        assert_eq!(
            back.description(un.kind, "United Nations"),
            kb.get(un.kind, "United Nations")
                .map(|e| e.description.as_str())
        );
    }
}
