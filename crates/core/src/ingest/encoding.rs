//! Bytes in any common encoding → text: UTF-8 (with or without a byte-order mark) is kept byte
//! for byte by `decode`; UTF-16 with a byte-order mark and legacy single-byte files (Windows-1252,
//! Latin-1 and the other encodings browsers detect) are decoded with `encoding_rs`, the legacy
//! ones after `chardetng` (Firefox's detector) has said which encoding they are in.
//!
//! A decoded file's text is no longer the file's bytes, so its spans refer to the decoded text;
//! an `Encoding` diagnostic says so and names the encoding assumed (the file itself is unchanged
//! on disk and is what "the original" means).

use crate::decode::{decode, Decoded};
use crate::model::{Diagnostic, DiagnosticCode, Severity};
use encoding_rs::{Encoding, UTF_8};

/// Decodes a file's bytes, whatever their encoding. Never fails.
pub fn decode_any(file: &str, bytes: &[u8]) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        if enc != UTF_8 {
            let body = bytes.get(bom..).unwrap_or_default();
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            let why = format!("its byte-order mark says {}", enc.name());
            return decoded_from(file, &text, enc, &why, had_errors);
        }
    }
    if !is_legacy(bytes) {
        return decode(file, bytes);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // UTF-8 was ruled out above; the detector only chooses among legacy encodings.
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    decoded_from(file, &text, enc, "detected from its bytes", had_errors)
}

/// Not UTF-8: some byte sequences are invalid, none of its non-ASCII characters is valid UTF-8,
/// and it has no NUL bytes (which mean binary data, or UTF-16 without a byte-order mark).
fn is_legacy(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() || bytes.contains(&0) {
        return false;
    }
    let mut rest = bytes;
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    while !rest.is_empty() {
        let (good, skip) = match std::str::from_utf8(rest) {
            Ok(s) => (s, rest.len()),
            Err(e) => {
                let good = rest.get(..e.valid_up_to()).unwrap_or_default();
                let bad = e.error_len().unwrap_or(rest.len() - good.len());
                invalid += bad;
                // `good` was just validated.
                (
                    std::str::from_utf8(good).unwrap_or_default(),
                    good.len() + bad,
                )
            }
        };
        valid_multibyte += good.chars().filter(|c| !c.is_ascii()).count();
        rest = rest.get(skip..).unwrap_or_default();
    }
    // A UTF-8 file with a stray byte is still UTF-8 (repaired and reported by `decode`).
    invalid > 0 && valid_multibyte * 4 < invalid
}

fn decoded_from(
    file: &str,
    text: &str,
    enc: &'static Encoding,
    why: &str,
    had_errors: bool,
) -> Decoded {
    let mut d = decode(file, text.as_bytes());
    let lossy = if had_errors {
        "; some bytes could not be decoded and show as \u{fffd}"
    } else {
        ""
    };
    d.diagnostics.insert(
        0,
        Diagnostic {
            severity: Severity::Info,
            code: DiagnosticCode::Encoding,
            message: format!(
                "{file}: not UTF-8; read as {} ({why}){lossy}. Positions refer to the decoded text",
                enc.name()
            ),
            start: 0,
            end: 0,
        },
    );
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_accents_and_curly_quotes() {
        // "Café “Nöel” — déjà" in Windows-1252.
        let bytes = b"Caf\xe9 \x93N\xf6el\x94 \x97 d\xe9j\xe0 vu, the mayor said on Tuesday.";
        let d = decode_any("old.txt", bytes);
        assert!(d.text.starts_with("Café “Nöel” — déjà vu"), "{}", d.text);
        assert_eq!(d.diagnostics[0].code, DiagnosticCode::Encoding);
        assert!(
            d.diagnostics[0].message.contains("windows-1252"),
            "{:?}",
            d.diagnostics
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Título “x”".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode_any("w.txt", &bytes);
        assert_eq!(d.text, "Título “x”");
        assert!(d.diagnostics[0].message.contains("UTF-16LE"));
        assert!(d.parseable);
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8_same_length() {
        let bytes = "Café “x” \u{2014} "
            .bytes()
            .chain([0xE9])
            .collect::<Vec<_>>();
        let d = decode_any("u.txt", &bytes);
        assert_eq!(d.text.len(), bytes.len());
        assert!(d
            .diagnostics
            .iter()
            .all(|x| x.code != DiagnosticCode::Encoding));
    }

    #[test]
    fn plain_utf8_and_bom_unchanged() {
        let d = decode_any("a.txt", "\u{feff}Café".as_bytes());
        assert_eq!(d.text, "\u{feff}Café");
        assert_eq!(d.content_start, 3);
    }
}
