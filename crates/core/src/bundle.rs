//! The bundle: the parsed corpus serialized once at build time (postcard) and loaded by the app,
//! so the browser never re-parses the seed articles.

use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Bumped whenever the serialized layout changes; an old bundle is refused, not misread.
pub const BUNDLE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub version: u32,
    pub documents: Vec<Document>,
}

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The bytes are not a bundle (truncated, corrupt, or another file).
    Corrupt(String),
    /// A bundle written by another version of Parallax.
    WrongVersion { found: u32, expected: u32 },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
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
    pub fn new(documents: Vec<Document>) -> Bundle {
        Bundle {
            version: BUNDLE_VERSION,
            documents,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain owned data into a Vec cannot fail.
        postcard::to_allocvec(self).expect("bundle serializes")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Bundle, BundleError> {
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
