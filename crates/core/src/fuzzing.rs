//! Harnesses shared by the fuzz targets (`fuzz/`) and the property tests: each takes arbitrary
//! input, runs one part of the engine the way the CLI or the app does, and panics only when
//! something that must hold does not (the fuzzer and proptest report any panic). Compiled for
//! tests and with the `fuzzing` feature only.

// A harness reports a broken invariant by panicking: that is its job.
#![allow(
    clippy::string_slice,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use crate::bundle::{seal, Bundle};
use crate::compare::compare_with;
use crate::entities::{recognize, KnowledgeBase};
use crate::model::Document;
use crate::search::{kwic, search, Index, KwicOptions, KwicSort, Mode, Options, Selection};
use crate::{parse_document, SourceFile};

/// Parses `data` as an article file; a 0 byte, when there is one, splits off a sidecar (the
/// bytes after it), so sidecars are fuzzed too. Checks the document's spans.
pub fn parse_bytes(data: &[u8]) -> Document {
    let (article, sidecar) = match data.iter().position(|&b| b == 0) {
        Some(i) => (data.get(..i).unwrap_or(data), data.get(i + 1..)),
        None => (data, None),
    };
    let doc = parse_document(&SourceFile {
        name: "fuzz.txt",
        bytes: article,
        sidecar: sidecar.map(|s| ("fuzz.toml", s)),
    });
    // The text keeps the file's length unless a diagnostic says it is not the file's bytes
    // (a decoded legacy encoding, a page's extracted text, one article of an export).
    let transformed = doc.diagnostics.iter().any(|d| {
        matches!(
            d.code,
            crate::model::DiagnosticCode::Encoding
                | crate::model::DiagnosticCode::ExtractedText
                | crate::model::DiagnosticCode::ExportArticle
        )
    });
    if !transformed {
        assert_eq!(
            doc.text.len(),
            article.len(),
            "the text keeps the file's length"
        );
    }
    check_spans(&doc);
    doc
}

/// Every span of a parsed document is a slice of its text: blocks (in order, not overlapping),
/// diagnostics and metadata provenance.
pub fn check_spans(doc: &Document) {
    let slice = |what: &str, s: usize, e: usize| {
        assert!(
            doc.text.get(s..e).is_some(),
            "{what} {s}..{e} is not a slice of the text"
        );
    };
    let mut prev_end = 0;
    for b in &doc.blocks {
        slice("block", b.start, b.end);
        assert!(b.start >= prev_end, "block {b:?} overlaps the one before");
        prev_end = b.end;
    }
    for d in &doc.diagnostics {
        slice("diagnostic", d.start, d.end);
    }
    for (start, end) in doc.meta.text_spans() {
        slice("metadata value", start, end);
    }
}

/// Recognises the entities of `data` parsed as an article; every mention is a slice of the text.
pub fn entities(data: &[u8]) {
    let doc = parse_bytes(data);
    for m in recognize(&doc, Some(KnowledgeBase::builtin())) {
        assert!(
            doc.text.get(m.start..m.end).is_some(),
            "mention {}..{} is not a slice of the text",
            m.start,
            m.end
        );
    }
}

/// Compares two articles: `data` split at its first 0xFF byte (never in UTF-8), or in half.
pub fn compare_pair(data: &[u8]) {
    let at = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(at.min(data.len()));
    let b = b.get(1..).unwrap_or(b);
    let docs = [parse_bytes(a), parse_bytes(b)];
    compare_with(&docs, None);
}

/// Decodes `data` as a bundle, then as the payload of a bundle behind a valid header (so the
/// load check behind the checksum is reached); whatever loads is searched and compared.
pub fn bundle_bytes(data: &[u8]) {
    for bytes in [data.to_vec(), seal(data)] {
        if let Ok(b) = Bundle::from_bytes(&bytes) {
            use_bundle(&b, data.len(), true);
        }
        // The worker's read of the same bytes: what loads, it compares.
        if let Ok(d) = crate::bundle::Documents::from_bytes(&bytes) {
            if d.documents.len() >= 2 {
                compare_with(&d.documents, Some(&d.mentions));
            }
        }
    }
    // The same bytes as a sharded corpus's manifest.
    let _ = crate::bundle::Manifest::from_bytes(data);
}

/// What the app does with a loaded bundle: search, concordance and, with `compare`, comparison.
/// `salt` picks the query, so that across many bundles each kind of query is tried.
pub fn use_bundle(b: &Bundle, salt: usize, compare: bool) {
    let queries = ["un mission", "\"the mission\"", "gen*", "-un talks", ""];
    let q = queries.get(salt % queries.len()).copied().unwrap_or("");
    run_query(&b.index, &b.documents, q, &[], salt);
    // The entity table's numbers are what the entity views index with.
    for (d, rows) in b.entities.mention_rows.iter().enumerate() {
        for &r in rows {
            let row = b.entities.rows.get(r as usize).expect("a checked row");
            assert!(row.count_in(d) > 0, "row {r} counts document {d}");
        }
    }
    if let Some(name) = b.entities.name_groups().first().and_then(|g| g.first()) {
        run_query(
            &b.index,
            &b.documents,
            &format!("entity:\"{name}\""),
            &[],
            salt,
        );
    }
    if compare && b.documents.len() >= 2 {
        compare_with(&b.documents, Some(&b.mentions));
    }
}

/// A small corpus and its index, to search.
pub struct Corpus {
    pub docs: Vec<Document>,
    pub index: Index,
}

impl Corpus {
    pub fn new(files: &[(&str, &[u8])]) -> Corpus {
        let docs: Vec<Document> = files
            .iter()
            .map(|(name, bytes)| {
                parse_document(&SourceFile {
                    name,
                    bytes,
                    sidecar: None,
                })
            })
            .collect();
        let index = Index::build(&docs);
        Corpus { docs, index }
    }
}

/// Parses `data` as a query and runs it as search (both modes) and concordance; every
/// highlight lies inside its passage and every concordance line's span is a slice of its text.
pub fn query(corpus: &Corpus, data: &[u8]) {
    let q = String::from_utf8_lossy(data);
    run_query(&corpus.index, &corpus.docs, &q, &[], data.len());
}

/// A URL query string (`q=…&outlet=…&author=…&mode=passages&sort=left`) decoded the way the app
/// hands its parts to the core: the query, facet selections (any name, any value), mode and
/// concordance order. (The app's own `url_state.rs` needs the browser and is not fuzzed here.)
pub fn url_query(corpus: &Corpus, data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let mut q = String::new();
    let mut selected = Vec::new();
    let mut salt = 0;
    for pair in s.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "q" => q = v.to_string(),
            "mode" => salt += usize::from(v == "passages"),
            "sort" => salt += 2 * usize::from(v == "left") + 4 * usize::from(v == "right"),
            _ => selected.push(Selection {
                facet: k.to_string(),
                value: v.to_string(),
            }),
        }
    }
    run_query(&corpus.index, &corpus.docs, &q, &selected, salt);
}

/// Runs `q` as search (mode from `salt`) and concordance (order from `salt / 2`) and checks the
/// spans of what comes back.
pub(crate) fn run_query(
    index: &Index,
    docs: &[Document],
    q: &str,
    selected: &[Selection],
    salt: usize,
) {
    let mode = if salt.is_multiple_of(2) {
        Mode::Documents
    } else {
        Mode::Passages
    };
    let opts = Options {
        mode,
        selected: selected.to_vec(),
        ..Options::default()
    };
    let r = search(index, docs, q, &opts);
    let passages = r
        .hits
        .iter()
        .flat_map(|h| h.passages.iter())
        .chain(r.passages.iter().map(|p| &p.passage));
    for p in passages {
        for &(a, b) in &p.highlights {
            assert!(
                p.start <= a && a < b && b <= p.end,
                "highlight {a}..{b} outside its passage or empty, for {q:?}"
            );
        }
    }
    let sort = match salt / 2 % 3 {
        0 => KwicSort::Document,
        1 => KwicSort::Left,
        _ => KwicSort::Right,
    };
    let k = kwic(
        index,
        docs,
        q,
        &KwicOptions {
            sort,
            ..KwicOptions::default()
        },
    );
    for l in &k.lines {
        let text = docs.get(l.doc).map(|d| d.text.as_str());
        assert!(
            text.is_some_and(|t| t.get(l.start..l.end).is_some()),
            "concordance line {}..{} of {} is not a slice of its text",
            l.start,
            l.end,
            l.id
        );
    }
}

/// Property tests: the harnesses above on generated inputs, a bounded number of cases each so
/// `cargo test` stays quick (the fuzz targets run the same harnesses for hours).
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// Pieces that make the rules fire and the byte offsets tricky: multi-byte characters,
    /// datelines, bylines, quotes, dates, numbers, all-caps runs, line breaks of every kind.
    const PIECES: &[&str] = &[
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "  ",
        "\t",
        ".",
        ",",
        ":",
        "—",
        "–",
        "-",
        "’",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "é",
        "ü",
        "Ж",
        "ЕРЕВАН",
        "日本",
        "🙂",
        "\u{feff}",
        "\u{a0}",
        "\0",
        "By Jane Doe",
        "MOSCOW, Oct. 2 (TASS) — ",
        "L’armée a annoncé vendredi",
        "UN",
        "U.N.",
        "United Nations",
        "Karabakh",
        "Armenia",
        "said",
        "the",
        "mission",
        "2023-11-1-09",
        "October 2, 2023",
        "Oct. 2",
        "12 октября",
        "100000 days ago",
        "built 300 years ago",
        "1,200",
        "3.5",
        "30",
        "ABC DEF",
        "Photo: Reuters",
        "Updated:",
        "Title: ",
        "outlet = \"x\"",
        "published = 2023-10-02",
        "\"quoted words\", he said.",
        "*",
        "OR",
        "-",
        "outlet:",
        "after:",
    ];

    fn article() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
    }

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            article().prop_map(String::into_bytes),
            prop::collection::vec(any::<u8>(), 0..600),
        ]
    }

    fn seeds() -> &'static Corpus {
        static CORPUS: OnceLock<Corpus> = OnceLock::new();
        CORPUS.get_or_init(|| {
            Corpus::new(&[
                (
                    "a.txt",
                    include_bytes!("../../../tests/seeds/001_1d5485b6803e7481.txt"),
                ),
                (
                    "b.txt",
                    include_bytes!("../../../tests/seeds/002_4123e98665d019c0.txt"),
                ),
            ])
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn parsing_any_bytes_keeps_every_span_in_the_text(data in bytes()) {
            parse_bytes(&data);
        }

        #[test]
        fn queries_and_url_states_never_panic(q in article(), raw in bytes()) {
            query(seeds(), q.as_bytes());
            query(seeds(), &raw);
            url_query(seeds(), format!("q={q}&outlet={q}&mode=passages").as_bytes());
            url_query(seeds(), &raw);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn recognition_and_comparison_never_panic(a in bytes(), b in bytes()) {
            entities(&a);
            let mut pair = a.clone();
            pair.push(0xFF);
            pair.extend_from_slice(&b);
            compare_pair(&pair);
        }

        #[test]
        fn a_damaged_bundle_is_refused_or_usable(texts in prop::collection::vec(article(), 1..3), at in any::<usize>(), mask in 1u8..) {
            let docs: Vec<Document> = texts.iter().map(|t| parse_bytes(t.as_bytes())).collect();
            let mut ids = std::collections::HashSet::new();
            let docs: Vec<Document> = docs.into_iter().enumerate().map(|(i, mut d)| { d.id = format!("d{i}"); ids.insert(i); d }).collect();
            let bytes = Bundle::new(docs).to_bytes();
            let payload_at = 4 + 1 + 16;
            let mut payload = bytes.get(payload_at..).unwrap_or_default().to_vec();
            if !payload.is_empty() {
                let i = at % payload.len();
                payload[i] ^= mask;
            }
            bundle_bytes(&payload);
        }
    }
}
