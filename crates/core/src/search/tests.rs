//! `check()`-style tests of search on small corpora written for each test.

use super::*;
use crate::model::{Block, BlockKind, Date, Document, Field, Metadata, Provenance};

/// A document whose paragraphs (separated by blank lines) are body blocks; a first line starting
/// with `# ` is the headline.
fn doc(id: &str, text: &str, outlet: &str, authors: &[&str], published: &str) -> Document {
    let mut blocks = Vec::new();
    let mut at = 0;
    for (k, para) in text.split("\n\n").enumerate() {
        let (kind, skip) = if k == 0 && para.starts_with("# ") {
            (BlockKind::Headline, 2)
        } else {
            (BlockKind::Body, 0)
        };
        blocks.push(Block {
            kind,
            start: at + skip,
            end: at + para.len(),
        });
        at += para.len() + 2;
    }
    let field = |v: String| Field {
        value: v,
        source: Provenance::Sidecar,
    };
    Document {
        id: id.into(),
        file: format!("{id}.txt"),
        text: text.into(),
        meta: Metadata {
            outlet: (!outlet.is_empty()).then(|| field(outlet.into())),
            authors: authors.iter().map(|a| field(a.to_string())).collect(),
            published: published.parse::<Date>().ok().map(|d| Field {
                value: d,
                source: Provenance::Sidecar,
            }),
            ..Metadata::default()
        },
        blocks,
        diagnostics: Vec::new(),
    }
}

fn corpus() -> Vec<Document> {
    vec![
        doc(
            "a",
            "# Refugees reach Goris\n\nThousands of refugees crossed the Lachin corridor. Stéphane Dujarric said the U.N. would help.\n\nThe refugee exodus continued.",
            "Daily Sabah",
            &["Ilham Karimli"],
            "2023-10-02",
        ),
        doc(
            "b",
            "Armenia accused Azerbaijan of ethnic cleansing. Baku denied the ethnic cleansing claim.\n\nRussia's peacekeepers stayed.",
            "Balkan Periscope - Hellas",
            &[],
            "2023-09-24",
        ),
        doc(
            "c",
            "The mission will assess humanitarian needs. Ethnic Armenians left; cleansing was alleged.\n\nThe Lachin road was open.",
            "Daily Sabah",
            &["Jane Doe", "Ilham Karimli"],
            "2023-10-12",
        ),
        doc(
            "d",
            "Aid arrived by air. Nothing else.",
            "",
            &[],
            "",
        ),
    ]
}

/// Each hit as `id: passage [highlight] …` (best passage only), then the notes.
fn check(query: &str, expected: &[&str]) {
    check_with(query, &Options::default(), expected)
}

fn check_with(query: &str, opts: &Options, expected: &[&str]) {
    let docs = corpus();
    let index = Index::build(&docs);
    let r = search(&index, &docs, query, opts);
    let mut got: Vec<String> = Vec::new();
    let show = |d: &Document, p: &Passage| {
        let mut s = String::new();
        let mut at = p.start;
        for &(a, b) in &p.highlights {
            s.push_str(d.slice(at, a));
            s.push_str(&format!("[{}]", d.slice(a, b)));
            at = b;
        }
        s.push_str(d.slice(at, p.end));
        s
    };
    for h in &r.hits {
        let d = &docs[h.doc];
        got.push(match h.passages.first() {
            Some(p) => format!("{}: {}", h.id, show(d, p)),
            None => h.id.clone(),
        });
    }
    for p in &r.passages {
        got.push(format!("{}: {}", p.id, show(&docs[p.doc], &p.passage)));
    }
    for n in &r.notes {
        got.push(format!("note: {n}"));
    }
    if let Some(c) = &r.corrected_query {
        got.push(format!("corrected: {c}"));
    }
    assert_eq!(got, expected, "for {query:?}");
}

#[test]
fn words_fold_and_stem() {
    check(
        "stephane",
        &["a: [Stéphane] Dujarric said the U.N. would help."],
    );
    check("REFUGEE", &["a: [Refugees] reach Goris"]);
    check("UN", &["a: Stéphane Dujarric said the [U.N]. would help."]);
}

#[test]
fn and_of_words_and_ranking() {
    // Both words needed; c has "Lachin" but not "corridor".
    check(
        "lachin corridor",
        &["a: Thousands of refugees crossed the [Lachin] [corridor]."],
    );
    // "cleansing" twice in b, once in c: b first.
    check(
        "cleansing",
        &[
            "b: Armenia accused Azerbaijan of ethnic [cleansing].",
            "c: Ethnic Armenians left; [cleansing] was alleged.",
        ],
    );
    // The rarer word counts more ("peacekeepers": 1 document, "lachin": 2); at equal counts the
    // shorter document ranks first (c is shorter than a).
    check(
        "lachin OR peacekeepers",
        &[
            "b: Russia's [peacekeepers] stayed.",
            "c: The [Lachin] road was open.",
            "a: Thousands of refugees crossed the [Lachin] corridor.",
        ],
    );
}

#[test]
fn phrases_are_exact_and_inside_one_sentence() {
    check(
        "\"ethnic cleansing\"",
        &["b: Armenia accused Azerbaijan of [ethnic cleansing]."],
    );
    // "refugee" quoted is that word only; unquoted it also finds "refugees".
    check("\"refugee\"", &["a: The [refugee] exodus continued."]);
    // "left; cleansing" is adjacent but "assess humanitarian needs. Ethnic" crosses a sentence.
    check("\"needs ethnic\"", &["note: Nothing matches this query."]);
    check("Nagorno-Karabakh", &["note: Nothing matches this query."]);
    check(
        "\"armenians left\"",
        &["c: Ethnic [Armenians left]; cleansing was alleged."],
    );
}

#[test]
fn prefix_exclude_or() {
    check("peacekeep*", &["b: Russia's [peacekeepers] stayed."]);
    check(
        "cleansing -russia",
        &["c: Ethnic Armenians left; [cleansing] was alleged."],
    );
    check("-cleansing -refugees", &["d"]);
    // One occurrence each, in a headline and in a body sentence; b is the shorter document.
    check(
        "goris OR baku",
        &[
            "b: [Baku] denied the ethnic cleansing claim.",
            "a: Refugees reach [Goris]",
        ],
    );
}

#[test]
fn fields_and_dates() {
    check(
        "outlet:sabah cleansing",
        &["c: Ethnic Armenians left; [cleansing] was alleged."],
    );
    check("author:\"jane doe\"", &["c"]);
    check("author:karim*", &["a", "c"]);
    check("outlet:\"Balkan Periscope - Hellas\"", &["b"]);
    check("after:2023-10-01 before:2023-10-12", &["a"]);
    check("after:2023-10", &["a", "c"]);
    check("before:2023", &["note: Nothing matches this query."]);
}

#[test]
fn typos_are_corrected_only_when_nothing_matches() {
    check(
        "Dujarirc",
        &[
            "a: Stéphane [Dujarric] said the U.N. would help.",
            "note: No results for “Dujarirc”; showing results for “Dujarric”.",
            "corrected: Dujarric",
        ],
    );
    check(
        "peacekepers stayed",
        &[
            "b: Russia's [peacekeepers] [stayed].",
            "note: No results for “peacekepers stayed”; showing results for “peacekeepers stayed”.",
            "corrected: peacekeepers stayed",
        ],
    );
    // Short words are not corrected.
    check("gors", &["note: Nothing matches this query."]);
}

#[test]
fn malformed_queries_still_answer() {
    check(
        "\"ethnic cleansing",
        &[
            "b: Armenia accused Azerbaijan of [ethnic cleansing].",
            "note: A quote was not closed; the words after it were searched as a phrase.",
        ],
    );
    check(
        "- air",
        &["d: Aid arrived by [air].", "note: A lone “-” was ignored."],
    );
    for q in [
        "", "-", "\"", "OR", "*", "a:b:c", "before:", "((", "-\"\"", "NOT NOT", "é*", "'s",
    ] {
        let docs = corpus();
        let index = Index::build(&docs);
        let _ = search(&index, &docs, q, &Options::default());
        let _ = kwic(&index, &docs, q, &KwicOptions::default());
    }
}

#[test]
fn empty_query_lists_everything_and_facets_filter() {
    check("", &["a", "b", "c", "d"]);
    let opts = Options {
        selected: vec![Selection {
            facet: "outlet".into(),
            value: "Daily Sabah".into(),
        }],
        ..Options::default()
    };
    check_with("", &opts, &["a", "c"]);
    let docs = corpus();
    let index = Index::build(&docs);
    let r = search(&index, &docs, "", &opts);
    let outlets: Vec<(String, usize, bool)> = r.facets[0]
        .values
        .iter()
        .map(|v| (v.value.clone(), v.count, v.selected))
        .collect();
    // The outlet facet ignores its own selection, so other outlets stay visible.
    assert_eq!(
        outlets,
        [
            ("Daily Sabah".into(), 2, true),
            ("Balkan Periscope - Hellas".into(), 1, false)
        ]
    );
    assert_eq!(r.facets[0].missing, 1);
    let authors: Vec<(String, usize)> = r.facets[1]
        .values
        .iter()
        .map(|v| (v.value.clone(), v.count))
        .collect();
    assert_eq!(
        authors,
        [("Ilham Karimli".into(), 2), ("Jane Doe".into(), 1)]
    );
    assert_eq!(r.dates.unit, DateUnit::Day);
    assert_eq!(r.dates.bins.iter().map(|b| b.count).sum::<usize>(), 2);
    assert_eq!(r.total_docs, 2);
    assert_eq!(r.corpus_docs, 4);
}

#[test]
fn custom_facets_join_the_same_mechanism() {
    let docs = corpus();
    let mut index = Index::build(&docs);
    index.set_facet(Facet::new(
        "entity",
        [
            vec!["Lachin corridor".to_string()],
            vec![],
            vec!["Lachin corridor".to_string()],
        ],
    ));
    let r = search(&index, &docs, "entity:lachin", &Options::default());
    let ids: Vec<&str> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    let entity = r.facets.iter().find(|f| f.name == "entity").unwrap();
    assert_eq!(entity.values[0].count, 2);
}

#[test]
fn passage_mode_lists_every_matching_sentence() {
    let opts = Options {
        mode: Mode::Passages,
        ..Options::default()
    };
    check_with(
        "ethnic cleansing",
        &opts,
        &[
            "b: Armenia accused Azerbaijan of [ethnic] [cleansing].",
            "b: Baku denied the [ethnic] [cleansing] claim.",
            "c: [Ethnic] Armenians left; [cleansing] was alleged.",
        ],
    );
    let docs = corpus();
    let index = Index::build(&docs);
    let r = search(&index, &docs, "ethnic cleansing", &opts);
    assert_eq!((r.total_passages, r.total_docs), (Some(3), 2));
    // In document mode the count is of sentences with any of the words.
    let r = search(&index, &docs, "ethnic cleansing", &Options::default());
    assert_eq!((r.total_passages, r.total_docs), (Some(3), 2));
    check_with(
        "lachin refugees",
        &opts,
        &["a: Thousands of [refugees] crossed the [Lachin] corridor."],
    );
    check_with(
        "armenians road",
        &opts,
        &["note: No single sentence contains everything searched for; 1 document contains it across sentences."],
    );
}

#[test]
fn kwic_centres_and_sorts() {
    let docs = corpus();
    let index = Index::build(&docs);
    let lines = |sort| {
        kwic(
            &index,
            &docs,
            "the",
            &KwicOptions {
                width: 12,
                sort,
                limit: 100,
            },
        )
        .lines
        .iter()
        .map(|l| format!("{}|{}|{}", l.left, l.keyword, l.right))
        .collect::<Vec<_>>()
    };
    assert_eq!(
        lines(KwicSort::Document),
        [
            "…crossed |the| Lachin…",
            "…said |the| U.N. would…",
            "|The| refugee…",
            "…Baku denied |the| ethnic…",
            "|The| mission will…",
            "|The| Lachin road…",
        ]
    );
    assert_eq!(
        lines(KwicSort::Right)[..3],
        [
            "…Baku denied |the| ethnic…",
            "…crossed |the| Lachin…",
            "|The| Lachin road…"
        ]
    );
    assert_eq!(
        lines(KwicSort::Left)[3..5],
        ["…crossed |the| Lachin…", "…Baku denied |the| ethnic…"]
    );
}

#[test]
fn added_documents_and_round_trips_match_a_fresh_build() {
    let docs = corpus();
    let built = Index::build(&docs);
    let mut grown = Index::build(&docs[..2]);
    for d in &docs[2..] {
        grown.add(d);
    }
    assert_eq!(grown, built);
    let bytes = postcard::to_allocvec(&built).unwrap();
    let back: Index = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back, built);
    assert_eq!(bytes.len(), built.serialized_len());
}

/// Random queries made of the query language's pieces never panic, in any mode, and every
/// highlight lies inside its passage.
#[test]
fn random_queries_never_panic() {
    const PIECES: [&str; 24] = [
        "\"",
        "-",
        " OR ",
        "*",
        "outlet:",
        "author:",
        "before:",
        "after:2023-10",
        " ",
        "ethnic",
        "cleansing",
        "é",
        "’s",
        "(",
        ":",
        "NOT ",
        "U.N.",
        "2,000",
        "“",
        "refugee",
        "lachin",
        "-",
        "zzz",
        "x",
    ];
    let docs = corpus();
    let index = Index::build(&docs);
    let mut state = 12345u64;
    for _ in 0..3000 {
        let mut q = String::new();
        for _ in 0..(state % 7) {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            q.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
        }
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        // Both modes, each concordance order: highlights inside passages, lines in texts.
        for salt in 0..6 {
            crate::fuzzing::run_query(&index, &docs, &q, &[], salt);
        }
    }
}

#[test]
fn a_damaged_index_is_refused_on_load() {
    let docs = corpus();
    let mut index = Index::build(&docs);
    index.postings[0].positions[0] = 10_000;
    let bytes = postcard::to_allocvec(&index).unwrap();
    let back = postcard::from_bytes::<Index>(&bytes).unwrap();
    let err = back.check().unwrap_err();
    assert!(
        err.to_string()
            .contains("a token position past the document's tokens"),
        "{err}"
    );
}

/// A query of any length does the work of one of `MAX_QUERY_WORDS` words: the parsed query of
/// a 20 KB query (the kind that took seconds) is the same as that of one ten times longer, and
/// the search results agree. Sizes compared, not time.
#[test]
fn a_long_query_is_cut_to_the_word_limit() {
    use super::query::{Term, MAX_QUERY_WORDS};
    let docs = corpus();
    let index = Index::build(&docs);
    for unit in [
        "a* ",
        "mission OR ",
        "\"un mission ",
        "zzqxy ",
        "outlet:x ",
        "- ",
    ] {
        let short = unit.repeat(20_000 / unit.len());
        let long = unit.repeat(200_000 / unit.len());
        let (a, b) = (parse(&short, &["outlet"]), parse(&long, &["outlet"]));
        assert_eq!(a, b, "{unit:?}");
        let words: usize = a
            .clauses
            .iter()
            .flat_map(|c| &c.any_of)
            .map(|t| match t {
                Term::Text(t) => t.slots.len(),
                _ => 1,
            })
            .sum();
        assert!(words <= MAX_QUERY_WORDS, "{unit:?}: {words} words");
        assert!(
            a.notes.len() <= 3,
            "{unit:?}: each note once: {:?}",
            a.notes
        );
        let opts = Options::default();
        assert_eq!(
            search(&index, &docs, &short, &opts).total_docs,
            search(&index, &docs, &long, &opts).total_docs
        );
    }
}

/// A corpus with many equal scores (sentences of the seeds recombined) for the ranking
/// properties: 80 synthetic articles, parsed once.
fn recombined() -> &'static (Vec<Document>, Index) {
    static CORPUS: std::sync::OnceLock<(Vec<Document>, Index)> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = crate::SEEDS_DIR;
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let parse = |name: &str, bytes: &[u8], sidecar: Option<(&str, &[u8])>| {
            crate::parse_document(&crate::SourceFile {
                name,
                bytes,
                sidecar,
            })
        };
        let seeds: Vec<Document> = paths
            .iter()
            .map(|p| parse("seed.txt", &std::fs::read(p).unwrap(), None))
            .collect();
        let docs: Vec<Document> = crate::synth::generate(&seeds, 80, 7)
            .iter()
            .map(|a| {
                parse(
                    &format!("{}.txt", a.stem),
                    a.text.as_bytes(),
                    Some(("s.toml", a.sidecar.as_bytes())),
                )
            })
            .collect();
        let index = Index::build(&docs);
        (docs, index)
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, failure_persistence: None, ..Default::default() })]

    /// The first k documents (and passages) a search returns are the first k of the full
    /// ranking, whatever k, query and mode; leaving the passage total out changes nothing else.
    #[test]
    fn the_top_k_are_the_start_of_the_full_ranking(
        words in proptest::collection::vec(0usize..12, 1..4),
        ops in proptest::collection::vec(0usize..5, 3),
        k in 0usize..30,
        passages in proptest::bool::ANY,
    ) {
        const WORDS: [&str; 12] = [
            "the", "ethnic", "corridor", "lachin", "armenian*", "refugees", "said", "karabakh",
            "mission", "un", "humanitarian", "azerbaijan",
        ];
        let mut q = String::new();
        for (i, &w) in words.iter().enumerate() {
            let word = WORDS[w];
            match ops.get(i).copied().unwrap_or(0) {
                1 if i > 0 => q.push_str(" OR "),
                2 if i > 0 => q.push_str(" -"),
                3 => q.push('"'),
                _ => q.push(' '),
            }
            q.push_str(word);
            if ops.get(i) == Some(&3) {
                q.push_str(" the\"");
            }
        }
        let (docs, index) = recombined();
        let mode = if passages { Mode::Passages } else { Mode::Documents };
        let run = |limit: usize, count_passages: bool| {
            search(index, docs, &q, &Options { mode, limit, count_passages, ..Options::default() })
        };
        let full = run(usize::MAX, true);
        // The full ranking: every match, best score first, ties by document number.
        if !passages {
            proptest::prop_assert_eq!(full.hits.len(), full.total_docs);
            let ordered = full.hits.windows(2).all(|w| {
                w[0].score > w[1].score || (w[0].score == w[1].score && w[0].doc < w[1].doc)
            });
            proptest::prop_assert!(ordered, "best first, ties by document");
        }
        let top = run(k, true);
        proptest::prop_assert_eq!(&top.hits[..], &full.hits[..k.min(full.hits.len())]);
        proptest::prop_assert_eq!(&top.passages[..], &full.passages[..k.min(full.passages.len())]);
        proptest::prop_assert_eq!(
            (top.total_docs, top.total_passages, &top.facets, &top.dates),
            (full.total_docs, full.total_passages, &full.facets, &full.dates)
        );
        let uncounted = run(k, false);
        proptest::prop_assert_eq!(&uncounted.hits, &top.hits);
        if !passages {
            proptest::prop_assert_eq!(uncounted.total_passages, None);
        }
        // Counting only some facets gives those facets' counts, and changes nothing else.
        let author_only = search(index, docs, &q, &Options {
            mode,
            limit: k,
            facets: Some(vec!["author".into(), "no such facet".into()]),
            ..Options::default()
        });
        let author: Vec<_> = full.facets.iter().filter(|f| f.name == "author").cloned().collect();
        proptest::prop_assert_eq!(&author_only.facets, &author);
        proptest::prop_assert_eq!(
            (&author_only.hits, &author_only.passages, author_only.total_passages, &author_only.dates),
            (&top.hits, &top.passages, top.total_passages, &top.dates)
        );
    }

    /// Each facet's counts are those of the documents the query finds with that facet's own
    /// choices left out, counted one document at a time; the date histogram and the totals
    /// cover the documents found. Over a facet with many values too (the articles' words).
    #[test]
    fn facet_counts_are_those_of_the_documents_found(
        words in proptest::collection::vec(0usize..8, 0..3),
        negate in proptest::bool::ANY,
        chosen in proptest::collection::vec((0usize..3, 0usize..40), 0..4),
        passages in proptest::bool::ANY,
    ) {
        const WORDS: [&str; 8] = ["the", "ethnic", "corridor", "lachin", "said", "mission", "un", "refugees"];
        let mut q: Vec<String> = words.iter().map(|&w| WORDS[w].to_string()).collect();
        if negate && q.len() > 1 {
            q[1] = format!("-{}", q[1]);
        }
        let q = q.join(" ");
        let (docs, index) = with_word_facet();
        let facet_names = ["outlet", "author", "word"];
        let selected: Vec<Selection> = chosen
            .iter()
            .filter_map(|&(f, v)| {
                let facet = index.facet(facet_names[f])?;
                let value = facet.values.get(v % facet.values.len().max(1))?;
                Some(Selection { facet: facet_names[f].into(), value: value.clone() })
            })
            .collect();
        let mode = if passages { Mode::Passages } else { Mode::Documents };
        let found = |selected: Vec<Selection>| {
            let r = search(index, docs, &q, &Options { mode, limit: usize::MAX, selected, ..Options::default() });
            let mut found: Vec<usize> = r.hits.iter().map(|h| h.doc).chain(r.passages.iter().map(|p| p.doc)).collect();
            found.sort();
            found.dedup();
            found
        };
        let r = search(index, docs, &q, &Options { mode, limit: 0, selected: selected.clone(), ..Options::default() });
        let all = found(selected.clone());
        proptest::prop_assert_eq!(r.total_docs, all.len());
        let binned: usize = r.dates.bins.iter().map(|b| b.count).sum();
        proptest::prop_assert_eq!(binned + r.dates.undated, all.len());
        proptest::prop_assert_eq!(r.facets.len(), index.facets().len());
        for (f, counts) in index.facets().iter().zip(&r.facets) {
            let own: Vec<&str> = selected.iter().filter(|s| s.facet == f.name).map(|s| s.value.as_str()).collect();
            let others: Vec<Selection> = selected.iter().filter(|s| s.facet != f.name).cloned().collect();
            let mut per_value = vec![0usize; f.values.len()];
            let mut missing = 0;
            for d in found(others) {
                let values = f.docs.get(d).map_or(&[][..], Vec::as_slice);
                missing += usize::from(values.is_empty());
                for &id in values {
                    per_value[id as usize] += 1;
                }
            }
            let mut want: Vec<(String, usize, bool)> = f
                .values
                .iter()
                .zip(per_value)
                .filter(|(v, c)| *c > 0 || own.contains(&v.as_str()))
                .map(|(v, c)| (v.clone(), c, own.contains(&v.as_str())))
                .collect();
            want.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let got: Vec<(String, usize, bool)> = counts.values.iter().map(|v| (v.value.clone(), v.count, v.selected)).collect();
            proptest::prop_assert_eq!(&counts.name, &f.name);
            proptest::prop_assert_eq!(got, want, "{}", f.name);
            proptest::prop_assert_eq!(counts.missing, missing, "{}", f.name);
        }
    }

    /// A phrase's occurrences (merged slot by slot, buffers reused across documents) are those
    /// of the plain method: each start checked by binary search, sentences by `sentence_of`.
    #[test]
    fn phrase_occurrences_are_those_of_the_plain_method(
        words in proptest::collection::vec(0usize..10, 2..4),
        exact in proptest::bool::ANY,
    ) {
        const WORDS: [&str; 10] = [
            "the", "ethnic", "cleansing", "lachin", "corridor", "of", "said", "in", "a", "refugee",
        ];
        let phrase: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        // Unquoted, a hyphenated compound is a phrase of any forms of its words.
        let q = if exact { format!("\"{}\"", phrase.join(" ")) } else { phrase.join("-") };
        let (_, index) = recombined();
        let query = parse(&q, &[]);
        let m = eval::Matcher::new(index, &query, &mut Vec::new());
        let slots = &m.terms[0].slots;
        proptest::prop_assert_eq!(slots.len(), phrase.len(), "{}", q);
        for d in 0..index.len() as u32 {
            let plain = plain_occurrences(index, slots, d);
            proptest::prop_assert_eq!(m.terms[0].tf[d as usize] as usize, plain.len());
            proptest::prop_assert_eq!(m.occurrences(0, d), plain);
        }
    }
}

/// `recombined()` with a third facet of many values: each article's distinct words among its
/// first twenty tokens (a value for some articles, none for others).
fn with_word_facet() -> &'static (Vec<Document>, Index) {
    static CORPUS: std::sync::OnceLock<(Vec<Document>, Index)> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let (docs, index) = recombined();
        let mut index = index.clone();
        let words = docs.iter().enumerate().map(|(d, doc)| {
            if d % 7 == 3 {
                return Vec::new();
            }
            let mut w: Vec<String> = tokenize::tokens(&doc.text)
                .into_iter()
                .take(20)
                .map(|t| t.word)
                .collect();
            w.sort();
            w.dedup();
            w
        });
        index.set_facet(Facet::new("word", words));
        (docs.clone(), index)
    })
}

/// Phrase occurrences as the search first found them, kept as the reference.
fn plain_occurrences(index: &Index, slots: &[Vec<u32>], doc: u32) -> Vec<(u32, u32)> {
    let positions = |words: &Vec<u32>| {
        let mut out: Vec<u32> = words
            .iter()
            .flat_map(|&w| index.postings[w as usize].in_doc(doc).to_vec())
            .collect();
        out.sort();
        out
    };
    let starts = positions(&slots[0]);
    let rest: Vec<Vec<u32>> = slots[1..].iter().map(positions).collect();
    let entry = &index.docs[doc as usize];
    let len = slots.len() as u32;
    starts
        .into_iter()
        .filter(|&p| {
            rest.iter()
                .enumerate()
                .all(|(k, pos)| pos.binary_search(&(p + 1 + k as u32)).is_ok())
                && entry.sentence_of(p) == entry.sentence_of(p + len - 1)
        })
        .map(|p| (p, p + len))
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]
    /// Galloping forward from the previous find gives what a binary search of the whole list
    /// gives, for any ascending sequence of documents asked.
    #[test]
    fn postings_walked_in_order_are_found_as_by_binary_search(
        mut docs in proptest::collection::vec(0u32..300, 0..120),
        mut asked in proptest::collection::vec(0u32..320, 0..80),
    ) {
        docs.sort();
        docs.dedup();
        asked.sort();
        let mut p = index::Postings { docs: docs.clone(), offsets: vec![0], positions: Vec::new() };
        for &d in &docs {
            p.positions.extend([d * 2, d * 2 + 1]);
            p.offsets.push(p.positions.len() as u32);
        }
        let mut cursor = 0;
        for &d in &asked {
            proptest::prop_assert_eq!(p.in_doc_from(d, &mut cursor), p.in_doc(d), "{}", d);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, failure_persistence: None, ..Default::default() })]
    /// A concordance of `limit` lines is the first `limit` of the whole concordance, and its
    /// total is the whole one's, in every order (in document order the occurrences past the
    /// lines shown are only counted).
    #[test]
    fn a_limited_concordance_is_the_start_of_the_whole(
        word in 0usize..6,
        sort in 0usize..3,
        limit in 0usize..40,
    ) {
        const WORDS: [&str; 6] = ["the", "ethnic", "corridor", "\"ethnic cleansing\"", "armenian*", "said OR refugees"];
        let (docs, index) = recombined();
        let sort = [KwicSort::Document, KwicSort::Left, KwicSort::Right][sort];
        let run = |limit| kwic(index, docs, WORDS[word], &KwicOptions { sort, limit, ..KwicOptions::default() });
        let (whole, part) = (run(usize::MAX), run(limit));
        proptest::prop_assert_eq!(part.total, whole.total);
        proptest::prop_assert_eq!(whole.lines.len(), whole.total);
        proptest::prop_assert_eq!(&part.lines[..], &whole.lines[..limit.min(whole.lines.len())]);
    }
}
