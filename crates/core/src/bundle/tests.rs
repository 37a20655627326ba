//! Bundle tests: round trips, each kind of damage refused with its own error, and no panic from
//! any single changed byte or any truncation of a small real bundle, nor from searching,
//! concordancing or comparing whatever still loads.

use super::{
    fingerprint_of, seal, Bundle, BundleError, BUNDLE_MAGIC, BUNDLE_VERSION, FIXED_HEADER,
};
use crate::entities::{recognize, KnowledgeBase};
use crate::{parse_document, SourceFile};

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
        Err(BundleError::Truncated { .. })
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

/// A small bundle of real text: the opening of two seed articles and a short article written for
/// the test with multi-byte characters, so spans can fall inside a character.
fn small_bundle() -> Bundle {
    let seed = |name: &str| {
        let path = format!("{}/{name}", crate::SEEDS_DIR);
        let text = std::fs::read_to_string(path).unwrap();
        let mut cut = 500.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.get(..cut).unwrap().to_string()
    };
    let texts = [
        ("001.txt", seed("001_1d5485b6803e7481.txt")),
        ("002.txt", seed("002_4123e98665d019c0.txt")),
        (
            "geneve.txt",
            "Genève talks resume\n\nGENEVA, Oct. 2 — L’armée a annoncé vendredi que les \
             négociations reprendraient, said Stéphane Dujarric of the United Nations."
                .to_string(),
        ),
    ];
    Bundle::new(
        texts
            .iter()
            .map(|(name, text)| {
                parse_document(&SourceFile {
                    name,
                    bytes: text.as_bytes(),
                    sidecar: None,
                })
            })
            .collect(),
    )
}

/// Gives `bytes` (a damaged bundle) the header of an intact one: the right length and the
/// checksum of its payload, so what is tested is the structural check behind the checksum.
fn reseal(bytes: &[u8]) -> Vec<u8> {
    seal(&bytes[BUNDLE_MAGIC.len() + 1 + FIXED_HEADER..])
}

/// Serializes `b` as it is, damaged or not, with a valid header.
fn sealed(b: &Bundle) -> Vec<u8> {
    b.to_bytes()
}

#[test]
fn each_kind_of_damage_is_refused_with_its_own_error() {
    let good = small_bundle();
    let bytes = good.to_bytes();
    assert_eq!(Bundle::from_bytes(&bytes).as_ref(), Ok(&good));

    // Truncated: the header announces more than arrived.
    let cut = Bundle::from_bytes(&bytes[..bytes.len() - 10]).unwrap_err();
    assert!(matches!(cut, BundleError::Truncated { expected, found } if found + 10 == expected));
    assert!(cut.to_string().contains("cut short"), "{cut}");
    // Random bytes: not a bundle.
    let random: Vec<u8> = (0..2000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(Bundle::from_bytes(&random), Err(BundleError::NotABundle));
    // Another version (the previous layout had no checksum).
    let mut old = bytes.clone();
    old[4] = 3;
    assert_eq!(
        Bundle::from_bytes(&old),
        Err(BundleError::WrongVersion {
            found: 3,
            expected: BUNDLE_VERSION
        })
    );
    // One changed byte of the payload.
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    let err = Bundle::from_bytes(&flipped).unwrap_err();
    assert!(matches!(err, BundleError::ChecksumMismatch { .. }));
    assert!(err.to_string().contains("checksum"), "{err}");

    // Counts that must agree: a mention list missing, a postings list missing.
    let mut b = good.clone();
    b.mentions.pop();
    assert_eq!(
        Bundle::from_bytes(&sealed(&b)),
        Err(BundleError::CountMismatch {
            what: "entity mention lists",
            expected: 3,
            found: 2
        })
    );
    let mut b = good.clone();
    b.index.postings.pop();
    assert!(matches!(
        Bundle::from_bytes(&sealed(&b)),
        Err(BundleError::CountMismatch { what, .. }) if what.contains("postings")
    ));
    let mut b = good.clone();
    b.documents.pop();
    assert!(matches!(
        Bundle::from_bytes(&sealed(&b)),
        Err(BundleError::CountMismatch {
            what: "search index documents",
            ..
        })
    ));

    // A token outside its sentence, though inside the text (found by the `bundle` fuzz target:
    // highlights then fell outside their passage).
    let mut b = good.clone();
    let last = b.index.docs[0].tokens.len() - 1;
    b.index.docs[0].tokens[last] = (0, 1);
    let err = Bundle::from_bytes(&sealed(&b)).unwrap_err();
    assert!(
        matches!(&err, BundleError::Inconsistent(why) if why.contains("sentences or token spans")),
        "{err:?}"
    );

    // An empty token (found by the fuzz target: an empty highlight).
    let mut b = good.clone();
    b.index.docs[0].tokens[0].1 = b.index.docs[0].tokens[0].0;
    assert!(matches!(
        Bundle::from_bytes(&sealed(&b)),
        Err(BundleError::Inconsistent(_))
    ));

    // Spans inside a character or past the text, for each kind of span.
    let doc = 2;
    let text = &good.documents[doc].text;
    let inside = text.find('è').unwrap() + 1;
    let past = text.len() + 1;
    type Damage = Box<dyn Fn(&mut Bundle)>;
    let damaged: [(&str, Damage); 5] = [
        (
            "block",
            Box::new(move |b| b.documents[doc].blocks[0].end = inside),
        ),
        (
            "entity mention",
            Box::new(move |b| b.mentions[doc][0].end = past),
        ),
        (
            "search token",
            Box::new(move |b| b.index.docs[doc].tokens[0].1 = inside as u32),
        ),
        (
            "sentence",
            Box::new(move |b| b.index.docs[doc].sentences[0].end = past as u32),
        ),
        (
            "diagnostic",
            Box::new(move |b| {
                b.documents[doc].diagnostics.push(crate::model::Diagnostic {
                    severity: crate::model::Severity::Info,
                    code: crate::model::DiagnosticCode::NoBody,
                    message: String::new(),
                    start: inside,
                    end: inside,
                })
            }),
        ),
    ];
    for (what, damage) in damaged {
        let mut b = good.clone();
        damage(&mut b);
        let err = Bundle::from_bytes(&sealed(&b)).unwrap_err();
        assert!(
            matches!(&err, BundleError::BadSpan { what: w, document, .. } if *w == what && document == "geneve"),
            "{what}: {err:?}"
        );
        assert!(err.to_string().contains("inside a character"), "{err}");
    }
}

#[test]
fn the_fingerprint_identifies_the_contents() {
    let a = small_bundle();
    let bytes = a.to_bytes();
    let back = Bundle::from_bytes(&bytes).unwrap();
    assert_eq!(back.fingerprint(), a.fingerprint());
    assert_eq!(fingerprint_of(&bytes), Ok(a.fingerprint()));
    let mut other = a.documents.clone();
    other.pop();
    assert_ne!(Bundle::new(other).fingerprint(), a.fingerprint());
}

#[test]
fn no_single_changed_byte_or_truncation_panics() {
    let bytes = small_bundle().to_bytes();
    let (mut loaded, mut refused) = (0, 0);
    for len in 0..bytes.len() {
        assert!(
            Bundle::from_bytes(&bytes[..len]).is_err(),
            "truncated at {len}"
        );
    }
    for at in 0..bytes.len() {
        for mask in [0x01u8, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[at] ^= mask;
            assert!(
                Bundle::from_bytes(&damaged).is_err(),
                "byte {at} ^ {mask:#x} passed the checksum"
            );
            // One mask suffices behind the checksum (the test's time is the app's work).
            if at < BUNDLE_MAGIC.len() + 1 + FIXED_HEADER || mask != 0x01 {
                continue;
            }
            // Behind a valid checksum: an error, or a bundle every part of the app can use.
            match Bundle::from_bytes(&reseal(&damaged)) {
                Ok(b) => {
                    loaded += 1;
                    // Comparison costs ~3 ms a bundle in a debug build: one damaged bundle in
                    // eight is compared (the fuzz target `bundle` compares every one).
                    crate::fuzzing::use_bundle(&b, at, at.is_multiple_of(8));
                }
                Err(_) => refused += 1,
            }
        }
    }
    // Both outcomes occur, so the test exercises both the checks and the use of what loads.
    assert!(
        loaded > 100 && refused > 100,
        "{loaded} loaded, {refused} refused"
    );
}

/// The bundle grows like its input, within a small factor: one long article made of the seed
/// articles, then of twice as much text. Sizes compared, not time.
#[test]
fn the_bundle_stays_within_a_small_factor_of_its_input() {
    let seeds: String = ["001_1d5485b6803e7481.txt", "002_4123e98665d019c0.txt"]
        .iter()
        .map(|name| std::fs::read_to_string(format!("{}/{name}", crate::SEEDS_DIR)).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let size = |copies: usize| {
        let text = vec![seeds.as_str(); copies].join("\n\n");
        let doc = parse_document(&SourceFile {
            name: "long.txt",
            bytes: text.as_bytes(),
            sidecar: None,
        });
        (text.len(), Bundle::new(vec![doc]).to_bytes().len())
    };
    let (one_in, one_out) = size(2);
    let (two_in, two_out) = size(4);
    assert!(one_out * 10 <= one_in * 25, "{one_out} bytes for {one_in}");
    assert!(two_out * 10 <= two_in * 25, "{two_out} bytes for {two_in}");
    assert!(two_out <= 2 * one_out, "{two_out} > 2 × {one_out}");
}

/// The entity table, aggregated the slow, obvious way from the mentions: per entity its total,
/// its count in each document and the names written for it.
#[test]
fn the_entity_table_aggregates_the_mentions() {
    use std::collections::BTreeMap;
    let b = small_bundle();
    type Acc = (usize, BTreeMap<usize, u32>, BTreeMap<String, usize>);
    let mut want: BTreeMap<(crate::entities::EntityType, String), Acc> = BTreeMap::new();
    for (d, doc) in b.documents.iter().enumerate() {
        for m in b.mentions_of(d) {
            let e = want.entry((m.kind, m.canonical.clone())).or_default();
            e.0 += 1;
            *e.1.entry(d).or_default() += 1;
            *e.2.entry(super::surface(m.text(&doc.text))).or_default() += 1;
        }
    }
    assert!(want.len() > 5, "the test bundle mentions several entities");
    assert_eq!(b.entities.rows.len(), want.len());
    for w in b.entities.rows.windows(2) {
        assert!(w[0].total >= w[1].total, "most mentioned first");
    }
    for row in &b.entities.rows {
        let (total, docs, names) = &want[&(row.kind, row.canonical.clone())];
        assert_eq!(row.total, *total);
        let docs: Vec<(u32, u32)> = docs.iter().map(|(&d, &n)| (d as u32, n)).collect();
        assert_eq!(row.docs, docs, "{}", row.canonical);
        let mut names_sorted = row.names.clone();
        names_sorted.sort();
        assert_eq!(names_sorted, names.keys().cloned().collect::<Vec<_>>());
        assert!(row.names.windows(2).all(|w| names[&w[0]] >= names[&w[1]]));
        let counted: Vec<u32> = row.names.iter().map(|n| names[n] as u32).collect();
        assert_eq!(row.name_mentions, counted, "{}", row.canonical);
    }
    // Every mention's row is its entity's.
    for (d, rows) in b.entities.mention_rows.iter().enumerate() {
        for (m, &r) in b.mentions_of(d).iter().zip(rows) {
            let row = &b.entities.rows[r as usize];
            assert_eq!((row.kind, &row.canonical), (m.kind, &m.canonical));
        }
    }
    // The `entity` facet: per document, the named entities it mentions.
    let facet = b
        .index
        .facet("entity")
        .expect("the entity facet is built in");
    for d in 0..b.documents.len() {
        let mut got: Vec<&str> = facet.doc_values(d).collect();
        got.sort();
        let mut expected: Vec<&str> = b
            .mentions_of(d)
            .iter()
            .filter(|m| m.kind.is_name())
            .map(|m| m.canonical.as_str())
            .collect();
        expected.sort();
        expected.dedup();
        assert_eq!(got, expected, "document {d}");
    }
    let un = crate::search::search(
        &b.index,
        &b.documents,
        "entity:\"united nations\"",
        &Default::default(),
    );
    let mentioning = (0..b.documents.len())
        .filter(|&d| {
            b.mentions_of(d)
                .iter()
                .any(|m| m.canonical == "United Nations")
        })
        .count();
    assert!(mentioning > 0);
    assert_eq!(un.total_docs, mentioning, "{:?}", un.notes);
}

#[test]
fn an_entity_table_that_disagrees_with_the_mentions_is_refused() {
    let good = small_bundle();
    type Damage = Box<dyn Fn(&mut Bundle)>;
    let damages: [(&str, Damage); 5] = [
        (
            "a mention in another entity's row",
            Box::new(|b| {
                let rows = &mut b.entities.mention_rows[0];
                let first = rows[0];
                let other = rows.iter().copied().find(|&r| r != first).unwrap();
                rows[0] = other;
            }),
        ),
        (
            "a row past the table",
            Box::new(|b| b.entities.mention_rows[0][0] = 10_000),
        ),
        (
            "a count that is not the mentions'",
            Box::new(|b| b.entities.rows[0].docs[0].1 += 1),
        ),
        (
            "a total that is not the counts'",
            Box::new(|b| b.entities.rows[0].total += 1),
        ),
        (
            "a name's count that is not its mentions'",
            Box::new(|b| b.entities.rows[0].name_mentions[0] += 1),
        ),
    ];
    for (what, damage) in damages {
        let mut b = good.clone();
        damage(&mut b);
        let err = Bundle::from_bytes(&sealed(&b)).unwrap_err();
        assert!(
            matches!(&err, BundleError::Inconsistent(why) if why.starts_with("entity table")),
            "{what}: {err:?}"
        );
    }
    let mut b = good.clone();
    b.entities.mention_rows.pop();
    assert!(matches!(
        Bundle::from_bytes(&sealed(&b)),
        Err(BundleError::CountMismatch { .. })
    ));
}

/// A document added at run time (with the mentions its adder recognised) is searchable, in the
/// entity table and the `entity` facet, and the bundle still passes its own load check.
#[test]
fn documents_added_at_run_time_join_every_table() {
    let b = small_bundle();
    let doc = parse_document(&SourceFile {
        name: "added.txt",
        bytes: "Ferry talks\n\nThe United Nations and Nikol Pashinyan met in Yerevan on \
                Monday to discuss the ferry."
            .as_bytes(),
        sidecar: None,
    });
    let mentions = super::mentions_for_bundle(&doc);
    assert!(!mentions.is_empty());
    let un_docs = b
        .entities
        .rows
        .iter()
        .find(|r| r.canonical == "United Nations")
        .map_or(0, |r| r.documents());
    let before = b.fingerprint();
    let b = b.extended(vec![doc], vec![mentions]);
    assert_ne!(b.fingerprint(), before, "the contents changed");
    let n = b.documents.len();
    assert_eq!((b.index.len(), b.mentions.len()), (n, n));
    assert_eq!(b.entities.mention_rows.len(), n);
    let back = Bundle::from_bytes(&b.to_bytes()).expect("an extended bundle still loads");
    assert_eq!(back, b);
    let un = back
        .entities
        .rows
        .iter()
        .find(|r| r.canonical == "United Nations")
        .unwrap();
    assert_eq!(un.count_in(n - 1), 1);
    assert_eq!(un.documents(), un_docs + 1);
    assert!(un.description.is_some(), "the description is kept");
    let found = crate::search::search(
        &back.index,
        &back.documents,
        "entity:\"united nations\" ferry",
        &Default::default(),
    );
    assert_eq!(found.hits.len(), 1, "{:?}", found.notes);
    assert_eq!(found.hits[0].id, "added");
}

/// The comparison worker's read: the documents and mentions alone, checked like the whole
/// bundle's, with the same fingerprint, and without ever decoding the search index (a bundle
/// whose index section is garbage still gives its documents).
#[test]
fn the_documents_are_read_without_the_index() {
    use super::Documents;
    let b = small_bundle();
    let bytes = b.to_bytes();
    let docs = Documents::from_bytes(&bytes).unwrap();
    assert_eq!(docs.documents, b.documents);
    assert_eq!(docs.mentions, b.mentions);
    assert_eq!(docs.fingerprint(), b.fingerprint());
    assert_eq!(docs.position("geneve"), Some(2));
    assert_eq!(docs.mentions_of(2), b.mentions_of(2));

    // The index is the last section: replace it with bytes that are no index at all.
    let payload = &bytes[BUNDLE_MAGIC.len() + 1 + FIXED_HEADER..];
    let sections = super::sections::split(payload).unwrap();
    let index_len = sections[3].len();
    let mut damaged = payload[..payload.len() - index_len].to_vec();
    damaged.extend(std::iter::repeat_n(0xffu8, index_len));
    let damaged = seal(&damaged);
    assert!(matches!(
        Bundle::from_bytes(&damaged),
        Err(BundleError::Corrupt(why)) if why.starts_with("search index")
    ));
    let read = Documents::from_bytes(&damaged).expect("the documents need no index");
    assert_eq!(
        (read.documents, read.mentions),
        (docs.documents, docs.mentions)
    );

    // What the documents carry is checked as the whole bundle's is.
    let mut bad = b.clone();
    bad.mentions[2][0].end = bad.documents[2].text.len() + 1;
    assert!(matches!(
        Documents::from_bytes(&sealed(&bad)),
        Err(BundleError::BadSpan {
            what: "entity mention",
            ..
        })
    ));
    for len in [0, 10, bytes.len() / 2, bytes.len() - 1] {
        assert!(Documents::from_bytes(&bytes[..len]).is_err());
    }
}

#[test]
fn sections_must_fill_the_payload_exactly() {
    let bytes = small_bundle().to_bytes();
    let payload = &bytes[BUNDLE_MAGIC.len() + 1 + FIXED_HEADER..];
    let mut longer = payload.to_vec();
    longer.push(0);
    assert_eq!(
        Bundle::from_bytes(&seal(&longer)),
        Err(BundleError::Corrupt("bytes after the last section".into()))
    );
    // A section whose length runs past the payload.
    let mut long_section = payload.to_vec();
    long_section[..8].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(matches!(
        Bundle::from_bytes(&seal(&long_section)),
        Err(BundleError::Corrupt(_))
    ));
    // A value that ends before its section does.
    let sections = super::sections::split(payload).unwrap();
    let mut padded = Vec::new();
    for (k, s) in sections.iter().enumerate() {
        let extra = usize::from(k == 0);
        padded.extend_from_slice(&((s.len() + extra) as u64).to_le_bytes());
        padded.extend_from_slice(s);
        padded.extend(std::iter::repeat_n(0u8, extra));
    }
    assert!(matches!(
        Bundle::from_bytes(&seal(&padded)),
        Err(BundleError::Corrupt(why)) if why.contains("after the documents")
    ));
}

mod sharded {
    use super::*;
    use crate::bundle::{Manifest, ShardOptions, Shards};
    use std::collections::HashMap;

    /// Small pieces, so even the test corpus has several chunks and shards.
    const TINY: ShardOptions = ShardOptions {
        index_shard_bytes: 300,
        chunk_bytes: 400,
    };

    fn files(s: &Shards) -> HashMap<String, Vec<u8>> {
        s.files.iter().cloned().collect()
    }

    fn read(s: &Shards, files: &HashMap<String, Vec<u8>>) -> Result<Bundle, BundleError> {
        Bundle::from_shards(&s.manifest, &|p| files.get(p).cloned())
    }

    #[test]
    fn a_names_file_naming_what_it_does_not_list_is_refused() {
        use crate::bundle::shards::NamesFile;
        use crate::entities::EntityType;
        let file = |docs: Vec<Vec<(u32, u32, u32)>>| NamesFile {
            entities: vec![(EntityType::Place, "Karabakh".into())],
            names: vec!["Karabakh".into(), "Garabagh".into()],
            docs,
        };
        let good = file(vec![vec![(0, 0, 2), (0, 1, 1)], vec![]]);
        assert_eq!(good.check(2), Ok(()));
        let names = good.doc_names(0);
        let used = &names[&(EntityType::Place, "Karabakh".to_string())];
        assert_eq!((used["Karabakh"], used["Garabagh"]), (2, 1));
        assert!(good.doc_names(1).is_empty() && good.doc_names(9).is_empty());
        // Another number of documents than the manifest's; an entity or a name past the lists.
        assert!(good.check(3).is_err());
        for bad in [vec![vec![(1, 0, 1)]], vec![vec![(0, 2, 1)]]] {
            let err = file(bad).check(1).unwrap_err();
            assert!(err.to_string().contains("names file"), "{err}");
        }
    }

    #[test]
    fn a_sharded_corpus_reads_back_as_its_bundle() {
        let b = small_bundle();
        let s = b.to_shards(&TINY);
        let m = Manifest::from_bytes(&s.manifest).unwrap();
        assert!(
            m.chunks.len() >= 2 && m.index_shards.len() >= 3,
            "{} chunks, {} shards",
            m.chunks.len(),
            m.index_shards.len()
        );
        // And the vocabulary, the entity file and the names file.
        assert_eq!(s.files.len(), m.chunks.len() + m.index_shards.len() + 3);
        let back = read(&s, &files(&s)).unwrap();
        let whole = Bundle::from_bytes(&b.to_bytes()).unwrap();
        assert_eq!(back, whole);
        assert_eq!(back.fingerprint(), whole.fingerprint());
        // The manifest alone lists the documents and the facets.
        assert_eq!(m.documents.len(), b.documents.len());
        assert_eq!(m.documents[2].id, "geneve");
        // Every facet but the entity facet, which is in the entity file with the table.
        let at = m.entity_facet.unwrap() as usize;
        let mut facets = m.facets.clone();
        facets.insert(at, b.index.facet("entity").unwrap().clone());
        assert_eq!(facets, b.index.facets);
        assert_eq!(m.entity_rows as usize, b.entities.rows.len());
        assert!(m.entities_file.path.starts_with("entities/"));
        assert!(m.names_file.path.starts_with("names/"));
        // Default sizes: the whole test corpus in one chunk and one shard.
        let one = b.to_shards(&ShardOptions::default());
        assert_eq!(one.files.len(), 5);
        assert_eq!(read(&one, &files(&one)).unwrap(), whole);
    }

    #[test]
    fn the_manifest_says_where_each_word_and_document_is() {
        let b = small_bundle();
        let s = b.to_shards(&TINY);
        let m = Manifest::from_bytes(&s.manifest).unwrap();
        let files = files(&s);
        let shard_words = |k: usize| -> Vec<String> {
            let bytes = &files[&m.index_shards[k].file.path];
            let payload = crate::bundle::open_sealed(bytes, b"PLXI").unwrap().payload;
            let shard: Vec<(u32, String, crate::search::index::packed::PackedPostings)> =
                postcard::from_bytes(payload).unwrap();
            shard.into_iter().map(|w| w.1).collect()
        };
        for w in &b.index.words {
            let k = m.shard_of(w).unwrap();
            assert!(shard_words(k).contains(w), "{w} is not in shard {k}");
            // Every word that starts with its first two letters is in a shard the prefix names.
            let prefix: String = w.chars().take(2).collect();
            let shards = m.shards_with_prefix(&prefix);
            assert!(
                shards.iter().any(|&k| shard_words(k).contains(w)),
                "{prefix}* misses {w}"
            );
        }
        for d in 0..b.documents.len() {
            let c = &m.chunks[m.chunk_of(d).unwrap()];
            assert!((c.first as usize..(c.first + c.count) as usize).contains(&d));
        }
        assert_eq!(m.chunk_of(b.documents.len()), None);
    }

    #[test]
    fn a_missing_stale_or_damaged_file_is_named() {
        let b = small_bundle();
        let s = b.to_shards(&TINY);
        let good = files(&s);
        let m = Manifest::from_bytes(&s.manifest).unwrap();
        let chunk = m.chunks[0].file.path.clone();
        let mut missing = good.clone();
        missing.remove(&chunk);
        let err = read(&s, &missing).unwrap_err();
        assert_eq!(err, BundleError::MissingFile(chunk.clone()));
        assert!(err.to_string().contains(&chunk), "{err}");
        // Another file at that path (a stale cache, another deployment's chunk).
        let mut stale = good.clone();
        stale.insert(chunk.clone(), good[&m.chunks[1].file.path].clone());
        assert_eq!(read(&s, &stale), Err(BundleError::StaleFile(chunk.clone())));
        // A damaged manifest is refused before anything is fetched.
        for len in [0, 5, s.manifest.len() / 2, s.manifest.len() - 1] {
            assert!(Manifest::from_bytes(&s.manifest[..len]).is_err());
        }
        let mut flipped = s.manifest.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(matches!(
            Manifest::from_bytes(&flipped),
            Err(BundleError::ChecksumMismatch { .. })
        ));
        // A bundle is not a manifest.
        assert_eq!(
            Manifest::from_bytes(&b.to_bytes()),
            Err(BundleError::NotABundle)
        );
    }

    /// Behind valid checksums, what the files say must still agree: a manifest whose chunks
    /// skip a document, or a shard that repeats a word, is refused.
    #[test]
    fn files_that_disagree_are_refused() {
        use crate::bundle::seal_with;
        let b = small_bundle();
        let s = b.to_shards(&TINY);
        let mut m = Manifest::from_bytes(&s.manifest).unwrap();
        m.chunks[1].first += 1;
        let resealed = seal_with(b"PLXM", &postcard::to_allocvec(&m).unwrap());
        assert!(matches!(
            Manifest::from_bytes(&resealed),
            Err(BundleError::Inconsistent(why)) if why.contains("out of order")
        ));
        let mut m = Manifest::from_bytes(&s.manifest).unwrap();
        m.vocabulary += 1;
        let resealed = seal_with(b"PLXM", &postcard::to_allocvec(&m).unwrap());
        assert!(matches!(
            Bundle::from_shards(&resealed, &|p| files(&s).get(p).cloned()),
            Err(BundleError::Inconsistent(why)) if why.contains("in no index shard")
        ));
    }

    /// Documents added at run time shard like the others.
    #[test]
    fn an_extended_bundle_shards_too() {
        let b = small_bundle();
        let doc = parse_document(&SourceFile {
            name: "more.txt",
            bytes: b"More talks\n\nThe United Nations met again in Geneva on Friday.",
            sidecar: None,
        });
        let mentions = super::super::mentions_for_bundle(&doc);
        let b = b.extended(vec![doc], vec![mentions]);
        let s = b.to_shards(&TINY);
        assert_eq!(read(&s, &files(&s)).unwrap(), b);
    }
}

/// Searching a sharded corpus loaded piece by piece (`LazyBundle`) gives what searching the
/// whole bundle gives, having loaded only what the query and its shown results need.
mod lazy {
    use super::*;
    use crate::bundle::{LazyBundle, Need, ShardOptions, Shards};
    use crate::search::{
        kwic, search, KwicOptions, KwicSort, Mode, Options, SearchResults, Selection,
    };
    use std::collections::HashMap;

    /// Small pieces, so the corpus has dozens of shards and chunks.
    const SMALL: ShardOptions = ShardOptions {
        index_shard_bytes: 1500,
        chunk_bytes: 3000,
    };

    /// 60 recombined articles (the synthetic generator, seed 3) and two without a title.
    fn corpus() -> &'static (Bundle, Shards, HashMap<String, Vec<u8>>) {
        static CORPUS: std::sync::OnceLock<(Bundle, Shards, HashMap<String, Vec<u8>>)> =
            std::sync::OnceLock::new();
        CORPUS.get_or_init(|| {
            let mut paths: Vec<_> = std::fs::read_dir(crate::SEEDS_DIR)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            let seeds: Vec<crate::Document> = paths
                .iter()
                .map(|p| {
                    parse_document(&SourceFile {
                        name: "seed.txt",
                        bytes: &std::fs::read(p).unwrap(),
                        sidecar: None,
                    })
                })
                .collect();
            let mut docs: Vec<crate::Document> = crate::synth::generate(&seeds, 60, 3)
                .iter()
                .map(|a| {
                    parse_document(&SourceFile {
                        name: &format!("{}.txt", a.stem),
                        bytes: a.text.as_bytes(),
                        sidecar: Some(("s.toml", a.sidecar.as_bytes())),
                    })
                })
                .collect();
            for (name, text) in [
                ("untitled_a.txt", "the mission reached the corridor on friday and the convoy waited for hours at the checkpoint near the border."),
                ("untitled_b.txt", "the mission reached the corridor on friday and the convoy waited for hours at the checkpoint near the border."),
            ] {
                docs.push(parse_document(&SourceFile { name, bytes: text.as_bytes(), sidecar: None }));
            }
            let b = Bundle::from_bytes(&Bundle::new(docs).to_bytes()).unwrap();
            let s = b.to_shards(&SMALL);
            let files = s.files.iter().cloned().collect();
            (b, s, files)
        })
    }

    fn load(lazy: &mut LazyBundle, needs: &[Need]) {
        let files = &corpus().2;
        for &n in needs {
            let path = lazy.file(n).unwrap().path.clone();
            lazy.add(n, &files[&path]).unwrap();
        }
    }

    /// Loads what `query` needs, searches, loads the shown results' chunks, searches again.
    fn lazy_search(lazy: &mut LazyBundle, query: &str, opts: &Options) -> SearchResults {
        for _ in 0..4 {
            let needs = lazy.query_needs(query, opts);
            if needs.is_empty() {
                break;
            }
            load(lazy, &needs);
        }
        assert_eq!(lazy.query_needs(query, opts), [], "{query}: needs settle");
        let run =
            |lazy: &LazyBundle| search(&lazy.bundle().index, &lazy.bundle().documents, query, opts);
        let first = run(lazy);
        let needs = lazy.results_needs(&first);
        load(lazy, &needs);
        let second = run(lazy);
        assert_eq!(lazy.results_needs(&second), []);
        second
    }

    #[test]
    fn the_entity_file_alone_gives_the_names_the_whole_corpus_uses() {
        let (b, s, _) = corpus();
        let mut lazy = LazyBundle::from_manifest(&s.manifest).unwrap();
        assert_eq!(lazy.named_ways(), None);
        let needs = lazy.entity_needs();
        load(&mut lazy, &needs);
        assert!(!lazy.has_document(0), "no article was read");
        let labels = crate::label::labels(&b.documents);
        let usage = crate::entities::alias_usage((0..b.documents.len()).map(|i| {
            (
                labels[i].as_str(),
                b.documents[i].text.as_str(),
                b.mentions_of(i),
            )
        }));
        let want = crate::entities::NamedWays::of(&usage);
        assert!(want.len() >= 3, "{want:?}");
        assert!(want
            .iter()
            .all(|w| w.names().count() >= 2 && w.sources >= 1));
        assert_eq!(lazy.named_ways(), Some(want.as_slice()));
    }

    #[test]
    fn the_names_file_alone_gives_the_names_some_articles_use() {
        let (b, s, files) = corpus();
        let mut lazy = LazyBundle::from_manifest(&s.manifest).unwrap();
        // Every other article (what an overview of some outlets reads), and none.
        let some: Vec<usize> = (0..b.documents.len()).step_by(2).collect();
        assert_eq!(lazy.alias_usage_in(&some), None);
        let needs = lazy.names_needs();
        assert_eq!(needs, [Need::Names]);
        let fingerprint = lazy.bundle().fingerprint.clone();
        load(&mut lazy, &needs);
        assert!(!lazy.has_document(0), "no article was read");
        assert_eq!(
            lazy.bundle().fingerprint,
            fingerprint,
            "the bundle is the same"
        );
        assert_eq!(lazy.names_needs(), []);
        let labels = crate::label::labels(&b.documents);
        let usage = |docs: &[usize]| {
            crate::entities::alias_usage(docs.iter().map(|&i| {
                (
                    labels[i].as_str(),
                    b.documents[i].text.as_str(),
                    b.mentions_of(i),
                )
            }))
        };
        let want = usage(&some);
        assert!(want.len() >= 3, "{want:?}");
        assert_eq!(lazy.alias_usage_in(&some), Some(want));
        assert_eq!(lazy.alias_usage_in(&[]), Some(Vec::new()));
        // The names file is checked like the others: another file in its place is refused.
        let mut fresh = LazyBundle::from_manifest(&s.manifest).unwrap();
        let other = &files[&fresh.file(Need::Entities).unwrap().path];
        assert!(matches!(
            fresh.add(Need::Names, other),
            Err(BundleError::StaleFile(_))
        ));
    }

    #[test]
    fn the_manifest_alone_gives_labels_and_facets() {
        let (b, s, _) = corpus();
        let lazy = LazyBundle::from_manifest(&s.manifest).unwrap();
        assert_eq!(lazy.labels(), crate::label::labels(&b.documents));
        assert!(lazy
            .labels()
            .iter()
            .any(|l| l.starts_with("Untitled: the mission")));
        // The facets but the entity facet's values, which come with the entity table.
        let facets = &lazy.bundle().index.facets;
        assert_eq!(facets.len(), b.index.facets.len());
        for (got, want) in facets.iter().zip(&b.index.facets) {
            if got.name == "entity" {
                assert!(got.values.is_empty() && !want.values.is_empty());
            } else {
                assert_eq!(got, want);
            }
        }
        assert!(lazy.bundle().entities.rows.is_empty());
        assert!(!lazy.has_document(0) && !lazy.is_complete());
        let m = lazy.manifest();
        assert!(
            m.index_shards.len() >= 10 && m.chunks.len() >= 10,
            "{} shards, {} chunks",
            m.index_shards.len(),
            m.chunks.len()
        );
    }

    #[test]
    fn a_word_loads_one_shard_and_the_chunks_shown() {
        let (b, s, _) = corpus();
        let mut lazy = LazyBundle::from_manifest(&s.manifest).unwrap();
        let opts = Options {
            limit: 5,
            ..Options::default()
        };
        let needs = lazy.query_needs("lachin", &opts);
        assert_eq!(needs.len(), 2, "one shard and the entity file: {needs:?}");
        // Counting only the outlets, the shard alone.
        let outlets = Options {
            facets: Some(vec!["outlet".into()]),
            ..opts.clone()
        };
        assert_eq!(lazy.query_needs("lachin", &outlets).len(), 1);
        assert_eq!(
            lazy.query_needs("lachin entity:karabakh", &outlets).last(),
            Some(&Need::Entities)
        );
        let r = lazy_search(&mut lazy, "lachin", &opts);
        assert_eq!(r, search(&b.index, &b.documents, "lachin", &opts));
        assert!(r.hits.len() == 5 && !r.hits[0].passages.is_empty());
        let loaded = |lazy: &LazyBundle| {
            (0..lazy.manifest().chunks.len())
                .filter(|&k| lazy.has(Need::Chunk(k)))
                .count()
        };
        assert!(loaded(&lazy) <= 5, "{} chunks", loaded(&lazy));
        // Filtering only (no words): no passages, so no chunk.
        let before = loaded(&lazy);
        let outlet = b.index.facet("outlet").unwrap().values[0].clone();
        let filter = Options {
            selected: vec![Selection {
                facet: "outlet".into(),
                value: outlet,
            }],
            ..opts.clone()
        };
        let r = lazy_search(&mut lazy, "", &filter);
        assert!(!r.hits.is_empty() && r.hits.iter().all(|h| h.passages.is_empty()));
        assert_eq!(r, search(&b.index, &b.documents, "", &filter));
        assert_eq!(loaded(&lazy), before);
        // A misspelt word loads the vocabulary, then the corrected word's shard.
        assert_eq!(
            lazy.query_needs("Azerbajan", &opts),
            lazy.query_needs("azerbajan", &opts)
        );
        let r = lazy_search(&mut lazy, "Azerbajan", &opts);
        assert_eq!(r.corrected_query.as_deref(), Some("Azerbaijan"));
        assert!(lazy.has(Need::Vocabulary));
        assert_eq!(r, search(&b.index, &b.documents, "Azerbajan", &opts));
        // Everything loaded: the bundle itself, fingerprint included.
        let rest = lazy.all_needs();
        assert!(lazy.bytes_of(&rest) > 0);
        load(&mut lazy, &rest);
        assert!(lazy.is_complete());
        let whole = lazy.into_bundle().unwrap();
        assert_eq!(&whole, b);
        assert_eq!(whole.fingerprint(), b.fingerprint());
    }

    #[test]
    fn a_stale_or_damaged_file_is_refused_by_name() {
        let (_, s, files) = corpus();
        let mut lazy = LazyBundle::from_manifest(&s.manifest).unwrap();
        let chunk0 = lazy.file(Need::Chunk(0)).unwrap().path.clone();
        let chunk1 = lazy.file(Need::Chunk(1)).unwrap().path.clone();
        assert_eq!(
            lazy.add(Need::Chunk(0), &files[&chunk1]),
            Err(BundleError::StaleFile(chunk0.clone()))
        );
        assert!(BundleError::StaleFile(chunk0.clone())
            .to_string()
            .contains(&chunk0));
        assert!(!lazy.has(Need::Chunk(0)));
        lazy.add(Need::Chunk(0), &files[&chunk0]).unwrap();
        assert!(lazy.has_document(0));
        assert!(lazy.into_bundle().is_err(), "not everything is loaded");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 32, failure_persistence: None, ..Default::default() })]

        /// The concordance, loaded piece by piece, is the whole corpus's: in corpus order it
        /// reads only the chunks of the lines it lists.
        #[test]
        fn a_lazy_concordance_is_the_full_concordance(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "the", "ethnic", "corridor", "re*", "\"the mission\"", "Azerbajan", "-russia",
                "outlet:times",
            ][..]), 1..3),
            limit in 1usize..40,
            sort in proptest::sample::select(&[KwicSort::Document, KwicSort::Left, KwicSort::Right][..]),
        ) {
            let q = pieces.join(" ");
            let (b, s, _) = corpus();
            let opts = KwicOptions { limit, sort, ..KwicOptions::default() };
            let mut lazy = LazyBundle::from_manifest(&s.manifest).unwrap();
            for _ in 0..4 {
                let needs = lazy.query_needs(&q, &Options::default());
                load(&mut lazy, &needs);
            }
            let needs = lazy.kwic_needs(&q, &opts);
            load(&mut lazy, &needs);
            let want = kwic(&b.index, &b.documents, &q, &opts);
            let got = kwic(&lazy.bundle().index, &lazy.bundle().documents, &q, &opts);
            if sort == KwicSort::Document {
                let shown: std::collections::BTreeSet<usize> = want.lines.iter().map(|l| l.doc).collect();
                let chunks: std::collections::BTreeSet<usize> =
                    shown.iter().map(|&d| lazy.manifest().chunk_of(d).unwrap()).collect();
                let loaded = (0..lazy.manifest().chunks.len()).filter(|&k| lazy.has(Need::Chunk(k))).count();
                proptest::prop_assert_eq!(loaded, chunks.len(), "only the listed lines' chunks");
            }
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, failure_persistence: None, ..Default::default() })]

        /// Whatever the query (words, forms, prefixes, phrases, OR, negation, typos, fields,
        /// facet choices, names expanded with their aliases), mode and facets counted, the
        /// lazily loaded corpus answers exactly as the whole one.
        #[test]
        fn a_lazy_search_is_the_full_search(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "the", "ethnic", "corridor", "lachin", "armenian*", "re*", "refugees", "said",
                "karabakh", "Azerbajan", "coridor", "azerbaijan", "zzzz", "OR", "-russia",
                "-the", "\"ethnic cleansing\"", "\"the mission\"", "outlet:times", "after:2023-10",
                "entity:karabakh", "-entity:azerbaijan", "UN", "pashinyan", "Aliyev",
            ][..]), 1..5),
            limit in 1usize..25,
            passages in proptest::bool::ANY,
            outlet in proptest::option::of(0usize..4),
            listed in proptest::bool::ANY,
            aliases in proptest::bool::ANY,
        ) {
            let (b, s, _) = corpus();
            let mut lazy = LazyBundle::from_manifest(&s.manifest).unwrap();
            let typed = pieces.join(" ");
            // Expanded with the manifest's name groups, before the entity file.
            let q = if aliases {
                use crate::aliases::{expand_aliases, Expand};
                let all = Expand::All;
                let full = expand_aliases(&typed, &b.entities.name_groups(), all);
                let got = expand_aliases(&typed, &lazy.bundle().entities.name_groups(), all);
                proptest::prop_assert_eq!(&got, &full);
                got.query
            } else {
                typed
            };
            let selected = outlet
                .and_then(|k| b.index.facet("outlet")?.values.get(k).cloned())
                .map(|value| vec![Selection { facet: "outlet".into(), value }])
                .unwrap_or_default();
            let mode = if passages { Mode::Passages } else { Mode::Documents };
            // The facets the search view lists, or every facet.
            let facets = listed.then(|| vec!["outlet".to_string(), "author".to_string()]);
            let opts = Options { mode, limit, selected, facets, ..Options::default() };
            let got = lazy_search(&mut lazy, &q, &opts);
            proptest::prop_assert_eq!(got, search(&b.index, &b.documents, &q, &opts));
        }
    }
}
