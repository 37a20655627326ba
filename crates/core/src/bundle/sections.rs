//! The payload's layout: sections one after another, each its length (8 bytes, little-endian)
//! then its postcard bytes: the documents, their entity mentions, the entity table, the search
//! index. A reader that needs only the documents and their mentions (the comparison worker)
//! decodes the first two and never the index, which is most of a large corpus's bundle.

use super::BundleError;
use serde::{Deserialize, Serialize};

/// Documents, mentions, entity table, search index.
pub(super) const COUNT: usize = 4;

/// Appends one section: its length, then `value` serialized in place.
pub(super) fn write<T: Serialize + ?Sized>(mut out: Vec<u8>, value: &T) -> Vec<u8> {
    let at = out.len();
    out.extend_from_slice(&[0; 8]);
    // Serializing plain owned data into a Vec cannot fail; on failure the payload is empty,
    // which the load refuses, never misreads.
    let mut out = postcard::to_extend(value, out).unwrap_or_default();
    let len = out.len().saturating_sub(at + 8) as u64;
    if let Some(field) = out.get_mut(at..at + 8) {
        field.copy_from_slice(&len.to_le_bytes());
    }
    out
}

/// The sections of a payload, each checked to lie inside it; bytes after the last are refused.
pub(super) fn split(payload: &[u8]) -> Result<[&[u8]; COUNT], BundleError> {
    let mut parts: [&[u8]; COUNT] = [&[]; COUNT];
    let mut rest = payload;
    for part in parts.iter_mut() {
        let (len, tail) = rest
            .split_first_chunk::<8>()
            .ok_or_else(|| BundleError::Corrupt("a section is missing".into()))?;
        let len = usize::try_from(u64::from_le_bytes(*len)).unwrap_or(usize::MAX);
        if len > tail.len() {
            return Err(BundleError::Corrupt(
                "a section is longer than the payload".into(),
            ));
        }
        let (section, tail) = tail.split_at(len);
        *part = section;
        rest = tail;
    }
    if rest.is_empty() {
        Ok(parts)
    } else {
        Err(BundleError::Corrupt("bytes after the last section".into()))
    }
}

/// Decodes one whole section: a value that ends before the section does is refused too.
pub(super) fn read<'a, T: Deserialize<'a>>(
    section: &'a [u8],
    what: &str,
) -> Result<T, BundleError> {
    match postcard::take_from_bytes(section) {
        Ok((value, [])) => Ok(value),
        Ok(_) => Err(BundleError::Corrupt(format!(
            "bytes after the {what} in their section"
        ))),
        Err(e) => Err(BundleError::Corrupt(format!("{what}: {e}"))),
    }
}
