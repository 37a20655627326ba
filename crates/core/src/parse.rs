//! Parsing one article file into metadata and blocks. Never fails: problems become diagnostics.

use crate::decode::decode;
use crate::model::*;

/// One input file, with its optional sidecar (`<stem>.toml`).
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// The file name (no directories), e.g. `000_c89f353285aead65.txt`.
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// The sidecar's file name and bytes, when there is one.
    pub sidecar: Option<(&'a str, &'a [u8])>,
}

/// The id of a file: its name without the last extension.
pub fn file_stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

/// Parses one file. Always returns a document; see its diagnostics.
pub fn parse_document(src: &SourceFile) -> Document {
    let decoded = decode(src.name, src.bytes);
    let mut doc = Document {
        id: file_stem(src.name).to_string(),
        file: src.name.to_string(),
        text: decoded.text,
        meta: Metadata::default(),
        blocks: Vec::new(),
        diagnostics: decoded.diagnostics,
    };
    if decoded.parseable {
        for line in crate::text::lines(&doc.text) {
            let (start, end) = crate::text::trim_span(&doc.text, line.start.max(decoded.content_start), line.end.max(decoded.content_start));
            if start < end {
                doc.blocks.push(Block { kind: BlockKind::Body, start, end });
            }
        }
    }
    doc
}
