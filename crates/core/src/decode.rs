//! Turns a file's bytes into text without moving a single byte offset.
//!
//! Spans everywhere are offsets into the original file, so the decoded text must have exactly the
//! file's length. Valid UTF-8 is kept as is (a byte-order mark stays in the text and is reported);
//! each byte of an invalid UTF-8 sequence becomes `?` and is reported with its value, so nothing is
//! lost; a binary file is reported and not parsed.
use crate::model::{Diagnostic, DiagnosticCode, Severity};

/// The outcome of decoding one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Same byte length as the input.
    pub text: String,
    /// Where the article text begins (after a byte-order mark).
    pub content_start: usize,
    /// False for empty and binary files: there is nothing to split into blocks.
    pub parseable: bool,
    pub diagnostics: Vec<Diagnostic>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn diag(
    severity: Severity,
    code: DiagnosticCode,
    message: String,
    start: usize,
    end: usize,
) -> Diagnostic {
    Diagnostic {
        severity,
        code,
        message,
        start,
        end,
    }
}

/// Decodes `bytes` read from the file named `file` (used in messages).
pub fn decode(file: &str, bytes: &[u8]) -> Decoded {
    let mut diagnostics = Vec::new();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        let what = if bytes.is_empty() {
            "is empty"
        } else {
            "contains only whitespace"
        };
        diagnostics.push(diag(
            Severity::Warning,
            DiagnosticCode::EmptyFile,
            format!("{file}: the file {what}; there is no article to read"),
            0,
            bytes.len(),
        ));
        return Decoded {
            text: ascii_only(bytes),
            content_start: 0,
            parseable: false,
            diagnostics,
        };
    }
    if looks_binary(bytes) {
        diagnostics.push(diag(
            Severity::Error,
            DiagnosticCode::BinaryFile,
            format!(
                "{file}: this looks like a binary file, not text ({} bytes); it was not parsed",
                bytes.len()
            ),
            0,
            bytes.len(),
        ));
        return Decoded {
            text: ascii_only(bytes),
            content_start: 0,
            parseable: false,
            diagnostics,
        };
    }

    let content_start = if bytes.starts_with(BOM) {
        diagnostics.push(diag(
            Severity::Info,
            DiagnosticCode::ByteOrderMark,
            format!(
                "{file}: starts with a UTF-8 byte-order mark, which is not part of the article"
            ),
            0,
            BOM.len(),
        ));
        BOM.len()
    } else {
        0
    };

    let text = repair_utf8(file, bytes, &mut diagnostics);

    if let Some(i) = text.find("\r\n") {
        diagnostics.push(diag(
            Severity::Info,
            DiagnosticCode::CrlfLineEndings,
            format!(
                "{file}: uses Windows (CRLF) line endings; they are read as ordinary line breaks"
            ),
            i,
            i + 2,
        ));
    }
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| is_stray_control(c)) {
        let count = text.chars().filter(|&c| is_stray_control(c)).count();
        diagnostics.push(diag(
            Severity::Warning,
            DiagnosticCode::ControlCharacters,
            format!(
                "{file}: contains {count} control character(s) (first: U+{:04X} at byte {i}); kept as they are",
                c as u32
            ),
            i,
            i + c.len_utf8(),
        ));
    }
    Decoded {
        text,
        content_start,
        parseable: true,
        diagnostics,
    }
}

/// Control characters that have no business in article text (tabs and line breaks are fine).
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

/// NUL bytes, or many control bytes or invalid sequences early on, mean "not text".
fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    let invalid = invalid_utf8_byte_count(head);
    (control + invalid) * 10 > head.len()
}

fn invalid_utf8_byte_count(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return count,
            Err(e) => {
                let skip = match e.error_len() {
                    Some(n) => n,
                    // A sequence cut off at the end of the sample is not evidence of binary data.
                    None => return count,
                };
                count += skip;
                bytes = bytes.get(e.valid_up_to() + skip..).unwrap_or_default();
            }
        }
    }
}

/// Replaces each byte of every invalid UTF-8 sequence with `?`, reporting each run with its bytes.
fn repair_utf8(file: &str, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut offset = 0;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // SAFETY-free: the prefix was just validated.
                out.push_str(
                    std::str::from_utf8(rest.get(..good).unwrap_or_default()).unwrap_or_default(),
                );
                let bad = e.error_len().unwrap_or(rest.len() - good);
                let start = offset + good;
                let hex: Vec<String> = rest
                    .get(good..good + bad)
                    .unwrap_or_default()
                    .iter()
                    .map(|b| format!("0x{b:02X}"))
                    .collect();
                diagnostics.push(diag(
                    Severity::Warning,
                    DiagnosticCode::InvalidUtf8,
                    format!(
                        "{file}: byte(s) {} at offset {start} are not valid UTF-8; shown as '?'",
                        hex.join(" ")
                    ),
                    start,
                    start + bad,
                ));
                out.extend(std::iter::repeat_n('?', bad));
                offset += good + bad;
                rest = rest.get(good + bad..).unwrap_or_default();
            }
        }
    }
}

/// A same-length, printable stand-in for bytes that are not parsed (empty or binary files).
fn ascii_only(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_graphic() || b.is_ascii_whitespace() {
                b as char
            } else {
                '?'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(d: &Decoded) -> Vec<DiagnosticCode> {
        d.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn keeps_valid_utf8_untouched() {
        let d = decode("a.txt", "Stéphane \u{201c}hi\u{201d}".as_bytes());
        assert_eq!(d.text, "Stéphane \u{201c}hi\u{201d}");
        assert!(d.parseable && d.diagnostics.is_empty());
    }

    #[test]
    fn invalid_bytes_become_question_marks_at_the_same_offsets() {
        let d = decode("latin1.txt", b"caf\xE9 au lait");
        assert_eq!(d.text, "caf? au lait");
        assert_eq!(d.text.len(), 12);
        assert_eq!(codes(&d), [DiagnosticCode::InvalidUtf8]);
        let msg = &d.diagnostics[0];
        assert_eq!((msg.start, msg.end), (3, 4));
        assert!(
            msg.message.contains("latin1.txt") && msg.message.contains("0xE9"),
            "{}",
            msg.message
        );
    }

    #[test]
    fn bom_is_reported_and_skipped() {
        let d = decode("b.txt", b"\xEF\xBB\xBFTitle");
        assert_eq!(d.content_start, 3);
        assert_eq!(d.text.len(), 8);
        assert_eq!(codes(&d), [DiagnosticCode::ByteOrderMark]);
    }

    #[test]
    fn crlf_is_noted() {
        let d = decode("c.txt", b"Title\r\n\r\nBody text.");
        assert_eq!(codes(&d), [DiagnosticCode::CrlfLineEndings]);
        assert!(d.diagnostics[0].message.starts_with("c.txt:"));
    }

    #[test]
    fn empty_and_whitespace_files_are_not_parsed() {
        for input in [&b""[..], b"  \n\n"] {
            let d = decode("e.txt", input);
            assert!(!d.parseable);
            assert_eq!(codes(&d), [DiagnosticCode::EmptyFile]);
            assert_eq!(d.text.len(), input.len());
        }
    }

    #[test]
    fn binary_files_are_reported_whole() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        let d = decode("photo.txt", png);
        assert!(!d.parseable);
        assert_eq!(codes(&d), [DiagnosticCode::BinaryFile]);
        assert_eq!(
            (d.diagnostics[0].start, d.diagnostics[0].end),
            (0, png.len())
        );
        assert_eq!(d.text.len(), png.len());
    }

    #[test]
    fn stray_control_characters_are_reported() {
        let d = decode("v.txt", "one\u{7}two words here and more".as_bytes());
        assert!(d.parseable);
        assert_eq!(codes(&d), [DiagnosticCode::ControlCharacters]);
    }
}
