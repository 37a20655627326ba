//! Reading one input file, whatever users bring, into documents: the encoding is detected
//! (`encoding`), then the kind of file from its content: a saved web page (`html`, with the
//! `html` feature), a news-database export holding many articles (`exports`), or an article in
//! plain text or Markdown (front matter and `Key: value` headers are read by the parser's field
//! rules). Each article is then read by `parse`.
//!
//! Spans: a document's spans are byte offsets into its `text`. For a UTF-8 file that is the file
//! itself; for a legacy-encoded or UTF-16 file it is the decoded text; for a saved web page, the
//! extracted text; for one article of an export, its part of the file. A diagnostic says which
//! (`Encoding`, `ExtractedText`, `ExportArticle`); the original file is never changed.
pub mod batch;
pub mod encoding;
pub mod exports;
#[cfg(feature = "html")]
pub mod html;

use crate::model::{Diagnostic, DiagnosticCode, Document, Severity};
use crate::parse::{file_stem, parse_text, Conventions, SourceFile};

/// What kind of input a file is, decided from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// An article in plain text or Markdown (front matter and `Key: value` headers included).
    Text,
    /// A saved web page.
    Html,
    /// A news-database export with one or more articles.
    Export(exports::Export),
}

impl InputKind {
    /// The name used in messages and the README.
    pub fn name(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Html => "web page",
            InputKind::Export(exports::Export::Factiva) => "Factiva-style export",
            InputKind::Export(exports::Export::Nexis) => "Nexis-style export",
        }
    }
}

/// The kind of a decoded text.
pub fn detect(text: &str) -> InputKind {
    if looks_like_html(text) {
        return InputKind::Html;
    }
    exports::detect(text).map_or(InputKind::Text, InputKind::Export)
}

#[cfg(feature = "html")]
fn looks_like_html(text: &str) -> bool {
    html::is_html(text)
}

/// Without the `html` feature a page is read as text (with a warning, see `parse_file`).
#[cfg(not(feature = "html"))]
fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.get(..14)
        .is_some_and(|h| h.eq_ignore_ascii_case("<!doctype html"))
        || t.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("<html"))
}

/// Parses one file into its documents: one, or one per article of an export. Never fails and
/// never returns an empty list.
pub fn parse_file(src: &SourceFile) -> Vec<Document> {
    let decoded = encoding::decode_any(src.name, src.bytes);
    let stem = file_stem(src.name).to_string();
    if !decoded.parseable {
        return vec![parse_text(src, stem, decoded, Conventions::default())];
    }
    let kind = detect(&decoded.text);
    let mut docs = match kind {
        InputKind::Html => vec![parse_html(src, stem, decoded)],
        InputKind::Export(e) => parse_export(src, &stem, decoded, e),
        InputKind::Text => vec![parse_text(src, stem, decoded, Conventions::default())],
    };
    // A sidecar describes one article: it applies when the file holds one.
    if let ([doc], Some((name, bytes))) = (docs.as_mut_slice(), src.sidecar) {
        crate::sidecar::apply(doc, name, bytes);
    }
    docs
}

fn info(code: DiagnosticCode, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Info,
        code,
        message,
        start: 0,
        end: 0,
    }
}

#[cfg(feature = "html")]
fn parse_html(src: &SourceFile, stem: String, decoded: crate::decode::Decoded) -> Document {
    match html::render(&decoded.text) {
        Some(text) => {
            let mut d = crate::decode::decode(src.name, text.as_bytes());
            d.diagnostics.splice(0..0, decoded.diagnostics);
            d.diagnostics.push(info(
                DiagnosticCode::ExtractedText,
                format!(
                    "{}: a saved web page; its article text and metadata were extracted, and positions refer to the extracted text",
                    src.name
                ),
            ));
            parse_text(src, stem, d, Conventions::default())
        }
        None => {
            let mut d = decoded;
            d.diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: DiagnosticCode::ExtractedText,
                message: format!(
                    "{}: a web page in which no article text was found; read as plain text",
                    src.name
                ),
                start: 0,
                end: 0,
            });
            parse_text(src, stem, d, Conventions::default())
        }
    }
}

#[cfg(not(feature = "html"))]
fn parse_html(src: &SourceFile, stem: String, mut decoded: crate::decode::Decoded) -> Document {
    decoded.diagnostics.push(Diagnostic {
        severity: Severity::Warning,
        code: DiagnosticCode::ExtractedText,
        message: format!(
            "{}: a web page, read as plain text (this build has no HTML reader; the parallax command has one)",
            src.name
        ),
        start: 0,
        end: 0,
    });
    parse_text(src, stem, decoded, Conventions::default())
}

/// One document per article; ids `<stem>-001`, `<stem>-002`, … in file order (just `<stem>`
/// when the export holds one article), so re-exporting the same search gives the same ids.
fn parse_export(
    src: &SourceFile,
    stem: &str,
    decoded: crate::decode::Decoded,
    kind: exports::Export,
) -> Vec<Document> {
    let parts = exports::split(&decoded.text, kind);
    let total = parts.len();
    let conventions = Conventions {
        field_codes: kind == exports::Export::Factiva,
    };
    parts
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| {
            let text = decoded.text.get(start..end).unwrap_or_default();
            // The file's diagnostics go to the article they point into, shifted to its text;
            // file-wide ones (the encoding, empty spans at 0) to the first article.
            let diagnostics = decoded
                .diagnostics
                .iter()
                .filter(|x| (x.start >= start && x.start < end) || (i == 0 && x.end == 0))
                .map(|x| Diagnostic {
                    start: x.start.saturating_sub(start),
                    end: x.end.saturating_sub(start).min(text.len()),
                    ..x.clone()
                })
                .collect();
            let mut d = crate::decode::Decoded {
                text: text.to_string(),
                content_start: decoded.content_start.saturating_sub(start).min(text.len()),
                parseable: true,
                diagnostics,
            };
            let id = if total > 1 {
                format!("{stem}-{:03}", i + 1)
            } else {
                stem.to_string()
            };
            d.diagnostics.push(info(
                DiagnosticCode::ExportArticle,
                format!(
                    "{}: article {} of {} in this {}, bytes {start}..{end} of the file",
                    src.name,
                    i + 1,
                    total,
                    InputKind::Export(kind).name()
                ),
            ));
            parse_text(src, id, d, conventions)
        })
        .collect()
}
