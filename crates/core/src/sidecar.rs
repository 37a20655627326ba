//! Curator sidecars: `corpus/<stem>.toml` adds or corrects an article's metadata.
//!
//! Keys: `title`, `outlet`, `authors` (array), `published`, `updated` (`YYYY-MM-DD`, quoted or a
//! TOML date), `url`, `language`, `notes`. Sidecar values win over what the parser found in the
//! text; each replacement is noted in a diagnostic so the reader can see both.
use crate::model::*;

/// The keys a sidecar may set.
const KEYS: &[&str] = &[
    "title",
    "outlet",
    "authors",
    "published",
    "updated",
    "url",
    "language",
    "notes",
];

fn note(doc: &mut Document, severity: Severity, code: DiagnosticCode, message: String) {
    // Sidecar problems are about another file: no span in the article.
    doc.diagnostics.push(Diagnostic {
        severity,
        code,
        message,
        start: 0,
        end: 0,
    });
}

/// Reads the sidecar `name` and applies its values to `doc`. Problems become diagnostics.
pub fn apply(doc: &mut Document, name: &str, bytes: &[u8]) {
    let Ok(src) = std::str::from_utf8(bytes) else {
        let msg = format!("{name}: the sidecar is not valid UTF-8; its values were ignored");
        return note(doc, Severity::Error, DiagnosticCode::SidecarInvalid, msg);
    };
    let table: toml::Table = match src.parse() {
        Ok(t) => t,
        Err(e) => {
            let why = e.to_string().replace('\n', " ");
            let msg = format!(
                "{name}: the sidecar is not valid TOML ({}); its values were ignored",
                why.trim()
            );
            return note(doc, Severity::Error, DiagnosticCode::SidecarInvalid, msg);
        }
    };
    for (key, value) in &table {
        if !KEYS.contains(&key.as_str()) {
            let msg = format!(
                "{name}: unknown key `{key}` ignored (known keys: {})",
                KEYS.join(", ")
            );
            note(doc, Severity::Warning, DiagnosticCode::SidecarInvalid, msg);
            continue;
        }
        if let Err(why) = set(doc, name, key, value) {
            let msg = format!("{name}: `{key}` {why}; the value was ignored");
            note(doc, Severity::Warning, DiagnosticCode::SidecarInvalid, msg);
        }
    }
}

fn string(value: &toml::Value) -> Result<String, String> {
    match value {
        toml::Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
        toml::Value::String(_) => Err("is empty".into()),
        other => Err(format!("must be a string, not a {}", other.type_str())),
    }
}

fn date(value: &toml::Value) -> Result<Date, String> {
    let s = match value {
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::String(s) => s.trim().to_string(),
        other => {
            return Err(format!(
                "must be a date (YYYY-MM-DD), not a {}",
                other.type_str()
            ))
        }
    };
    s.parse()
}

/// Sets one key; reports a replaced text value.
fn set(doc: &mut Document, name: &str, key: &str, value: &toml::Value) -> Result<(), String> {
    let sidecar = |v| Field {
        value: v,
        source: Provenance::Sidecar,
    };
    let replaced: Option<String> = match key {
        "authors" => {
            let list = match value {
                toml::Value::Array(items) => {
                    items.iter().map(string).collect::<Result<Vec<_>, _>>()?
                }
                toml::Value::String(_) => vec![string(value)?],
                other => {
                    return Err(format!(
                        "must be an array of names, not a {}",
                        other.type_str()
                    ))
                }
            };
            let old: Vec<String> = doc.meta.authors.iter().map(|a| a.value.clone()).collect();
            doc.meta.authors = list.into_iter().map(sidecar).collect();
            (!old.is_empty()).then(|| old.join(", "))
        }
        "published" | "updated" => {
            let slot = if key == "published" {
                &mut doc.meta.published
            } else {
                &mut doc.meta.updated
            };
            let old = slot.replace(Field {
                value: date(value)?,
                source: Provenance::Sidecar,
            });
            old.filter(|o| o.source != Provenance::Sidecar)
                .map(|o| o.value.to_string())
        }
        _ => {
            let v = string(value)?;
            let slot = match key {
                "title" => &mut doc.meta.title,
                "outlet" => &mut doc.meta.outlet,
                "url" => &mut doc.meta.url,
                "language" => &mut doc.meta.language,
                _ => &mut doc.meta.notes,
            };
            slot.replace(sidecar(v)).map(|o| o.value)
        }
    };
    if let Some(old) = replaced {
        let msg = format!("{name}: `{key}` from the sidecar replaces “{old}” found in the text");
        note(doc, Severity::Info, DiagnosticCode::SidecarOverride, msg);
    }
    Ok(())
}

/// The metadata keys a user corrects in the page (the others stay as the sidecar has them).
pub const EDITABLE: &[&str] = &["title", "outlet", "authors", "published", "updated"];

/// A sidecar with corrections applied to `existing` (the file's sidecar, if it has one):
/// `edits` are `(key, value)` for keys of [`EDITABLE`]; an empty value removes the key, so the
/// value found in the text shows again. `authors` holds one name per line (or `;`-separated);
/// dates are `YYYY-MM-DD`. Other keys of `existing` are kept. `Err` says which value is wrong.
pub fn corrected(existing: Option<&[u8]>, edits: &[(&str, &str)]) -> Result<String, String> {
    let mut table: toml::Table = existing
        .and_then(|b| std::str::from_utf8(b).ok())
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    for &(key, value) in edits {
        if !EDITABLE.contains(&key) {
            return Err(format!("`{key}` cannot be corrected here"));
        }
        let value = value.trim();
        if value.is_empty() {
            table.remove(key);
            continue;
        }
        let v = match key {
            "authors" => toml::Value::Array(
                value
                    .split(['\n', ';'])
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(|n| toml::Value::String(n.to_string()))
                    .collect(),
            ),
            "published" | "updated" => {
                let v = toml::Value::String(value.to_string());
                date(&v).map_err(|_| format!("{key}: “{value}” is not a date (YYYY-MM-DD)"))?;
                v
            }
            _ => toml::Value::String(value.to_string()),
        };
        table.insert(key.to_string(), v);
    }
    Ok(table.to_string())
}

#[cfg(test)]
mod tests {
    use crate::{parse_document, DiagnosticCode, Provenance, SourceFile};

    fn parse_with(sidecar: &str) -> crate::Document {
        let text = "Title of the piece\n\nBy Jane Doe October 2, 2023\n\nBody text of the article goes here.";
        parse_document(&SourceFile {
            name: "a.txt",
            bytes: text.as_bytes(),
            sidecar: Some(("a.toml", sidecar.as_bytes())),
        })
    }

    #[test]
    fn sidecar_values_win_and_are_marked() {
        let d =
            parse_with("outlet = \"Example Times\"\npublished = 2023-10-01\nlanguage = \"en\"\n");
        let outlet = d.meta.outlet.as_ref().unwrap();
        assert_eq!(
            (outlet.value.as_str(), outlet.source),
            ("Example Times", Provenance::Sidecar)
        );
        assert_eq!(
            d.meta.published.as_ref().unwrap().value.to_string(),
            "2023-10-01"
        );
        assert_eq!(d.meta.language.as_ref().unwrap().value, "en");
        // Text values the sidecar did not touch keep their provenance.
        assert!(matches!(
            d.meta.title.as_ref().unwrap().source,
            Provenance::Text { .. }
        ));
        let overrides: Vec<&str> = d
            .diagnostics
            .iter()
            .filter(|x| x.code == DiagnosticCode::SidecarOverride)
            .map(|x| x.message.as_str())
            .collect();
        assert_eq!(
            overrides,
            ["a.toml: `published` from the sidecar replaces “2023-10-02” found in the text"]
        );
    }

    #[test]
    fn bad_sidecars_are_reported_by_name_and_change_nothing() {
        let d = parse_with("outlet = \"unterminated\n");
        assert_eq!(d.meta.outlet, None);
        let msg = &d
            .diagnostics
            .iter()
            .find(|x| x.code == DiagnosticCode::SidecarInvalid)
            .unwrap()
            .message;
        assert!(
            msg.starts_with("a.toml: the sidecar is not valid TOML"),
            "{msg}"
        );
        assert_eq!(
            d.meta.published.as_ref().unwrap().value.to_string(),
            "2023-10-02"
        );
    }

    #[test]
    fn bad_values_and_unknown_keys_are_reported_one_by_one() {
        let d = parse_with("published = \"yesterday\"\ncolour = \"red\"\nauthors = [\"A. Writer\", \"B. Writer\"]\n");
        let msgs: Vec<&str> = d
            .diagnostics
            .iter()
            .filter(|x| x.code == DiagnosticCode::SidecarInvalid)
            .map(|x| x.message.as_str())
            .collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs
            .iter()
            .any(|m| m.contains("`published`") && m.contains("yesterday")));
        assert!(msgs.iter().any(|m| m.contains("unknown key `colour`")));
        let authors: Vec<&str> = d.meta.authors.iter().map(|a| a.value.as_str()).collect();
        assert_eq!(authors, ["A. Writer", "B. Writer"]);
        assert_eq!(
            d.meta.published.as_ref().unwrap().value.to_string(),
            "2023-10-02"
        );
    }

    #[test]
    fn corrections_become_a_sidecar_the_parser_reads() {
        let existing = b"url = \"https://example.org/a\"\noutlet = \"Old Name\"\n";
        let toml = super::corrected(
            Some(existing),
            &[
                ("title", "A \"quoted\" title"),
                ("outlet", ""),
                ("authors", "Ann Lee\nBo Ray"),
                ("published", "2023-10-05"),
            ],
        )
        .unwrap();
        let d = parse_with(&toml);
        let m = &d.meta;
        assert_eq!(m.title.as_ref().unwrap().value, "A \"quoted\" title");
        assert_eq!(m.title.as_ref().unwrap().source, Provenance::Sidecar);
        // The emptied outlet is no longer set by the sidecar; the url is kept.
        assert_eq!(m.outlet, None);
        assert_eq!(m.url.as_ref().unwrap().value, "https://example.org/a");
        let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
        assert_eq!(authors, ["Ann Lee", "Bo Ray"]);
        assert_eq!(
            m.published.as_ref().unwrap().value.to_string(),
            "2023-10-05"
        );
        assert_eq!(
            super::corrected(None, &[("published", "last week")]),
            Err("published: “last week” is not a date (YYYY-MM-DD)".into())
        );
    }
}
