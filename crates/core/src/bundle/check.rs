//! What a decoded bundle must satisfy before anything uses it: one entry per document in every
//! per-document table, and every span inside its document's text and on character boundaries.
//! The search, reader and comparison code index with these numbers; checking them once here
//! turns a damaged bundle into a message at load instead of a panic at some later click.

use super::{Bundle, BundleError};
use crate::entities::Mention;
use crate::model::Document;
use crate::search::index::DocEntry;

pub(super) fn check(b: &Bundle) -> Result<(), BundleError> {
    let n = b.documents.len();
    if b.version != super::BUNDLE_VERSION {
        return Err(BundleError::WrongVersion {
            found: b.version,
            expected: super::BUNDLE_VERSION,
        });
    }
    BundleError::expect_count("search index documents", n, b.index.len())?;
    b.index.check()?;
    check_documents(&b.documents, &b.mentions)?;
    b.entities.check(&b.mentions)?;
    for (i, doc) in b.documents.iter().enumerate() {
        let entry = b.index.docs.get(i).ok_or_else(|| {
            BundleError::Inconsistent(format!("no search index entry for document {}", doc.id))
        })?;
        check_entry(doc, entry)?;
    }
    Ok(())
}

/// A document's search index entry: its id, and its token and sentence spans inside its text,
/// each sentence in one of its blocks.
pub(super) fn check_entry(doc: &Document, entry: &DocEntry) -> Result<(), BundleError> {
    let span = |what: &'static str, start: usize, end: usize| span_in(doc, what, start, end);
    if entry.id != doc.id {
        return Err(BundleError::Inconsistent(format!(
            "the search index entry for document {} is for {}",
            doc.id, entry.id
        )));
    }
    for &(s, e) in &entry.tokens {
        span("search token", s as usize, e as usize)?;
    }
    for s in &entry.sentences {
        span("sentence", s.start as usize, s.end as usize)?;
        if s.block as usize >= doc.blocks.len() {
            return Err(BundleError::Inconsistent(format!(
                "a sentence of document {} is in block {} of {}",
                doc.id,
                s.block,
                doc.blocks.len()
            )));
        }
    }
    Ok(())
}

/// The documents and their mentions alone (what [`super::Documents`] holds): one mention list
/// per document, and every block, diagnostic, metadata value and mention a slice of its text.
pub(super) fn check_documents(
    documents: &[Document],
    mentions: &[Vec<Mention>],
) -> Result<(), BundleError> {
    BundleError::expect_count("entity mention lists", documents.len(), mentions.len())?;
    for (doc, ms) in documents.iter().zip(mentions) {
        let span = |what: &'static str, start: usize, end: usize| span_in(doc, what, start, end);
        for block in &doc.blocks {
            span("block", block.start, block.end)?;
        }
        for d in &doc.diagnostics {
            span("diagnostic", d.start, d.end)?;
        }
        for (start, end) in doc.meta.text_spans() {
            span("metadata value", start, end)?;
        }
        for m in ms {
            span("entity mention", m.start, m.end)?;
        }
    }
    Ok(())
}

/// `Ok` when `start..end` is a slice of the document's text (in range, ordered, on character
/// boundaries).
fn span_in(
    doc: &Document,
    what: &'static str,
    start: usize,
    end: usize,
) -> Result<(), BundleError> {
    if doc.text.get(start..end).is_some() {
        Ok(())
    } else {
        Err(BundleError::BadSpan {
            document: doc.id.clone(),
            what,
            start,
            end,
            text_len: doc.text.len(),
        })
    }
}
