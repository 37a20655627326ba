//! Tests of each analysis on small texts written for them. Each `check_*` renders what an
//! analysis found as short lines, so a failing test shows the whole picture.

use super::*;
use crate::{parse_document, SourceFile};

/// A document from body text; `meta` is sidecar TOML (`published = "2023-11-08"`).
fn doc(name: &str, text: &str, meta: &str) -> Document {
    let sidecar = format!("{name}.toml");
    parse_document(&SourceFile {
        name: &format!("{name}.txt"),
        bytes: text.as_bytes(),
        sidecar: (!meta.is_empty()).then_some((sidecar.as_str(), meta.as_bytes())),
    })
}

/// Aligned pairs as "A-text || B-text (kind)".
fn check_aligned(a: &str, b: &str, expected: &[&str]) {
    let docs = [doc("a", a, ""), doc("b", b, "")];
    let c = compare_with(&docs, None);
    let got: Vec<String> = c
        .aligned
        .iter()
        .map(|p| format!("{} || {} ({:?})", p.a.text, p.b.text, p.kind))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn aligns_reordered_passages() {
    check_aligned(
        "The mission will assess humanitarian needs in the region around Goris.\n\n\
         Forty buses were dispatched by Baku to the border zone on Monday.\n\n\
         The weather in the capital was unusually warm for the season.",
        "Officials said talks on trade would resume next spring in Vienna.\n\n\
         Forty buses were dispatched by Baku to the border zone on Monday.\n\n\
         The mission will assess humanitarian needs in the region around Goris.",
        &[
            "The mission will assess humanitarian needs in the region around Goris. || \
             The mission will assess humanitarian needs in the region around Goris. (Verbatim)",
            "Forty buses were dispatched by Baku to the border zone on Monday. || \
             Forty buses were dispatched by Baku to the border zone on Monday. (Verbatim)",
        ],
    );
}

#[test]
fn aligns_lightly_edited_copy_and_ignores_punctuation() {
    check_aligned(
        "The UN spokesman, Stephane Dujarric, said the mission would assess the needs of \
         people remaining in the territory.",
        "UN spokesman Stephane Dujarric said that the mission would assess the needs of the \
         people remaining in the territory!",
        &[
            "The UN spokesman, Stephane Dujarric, said the mission would assess the needs of \
           people remaining in the territory. || UN spokesman Stephane Dujarric said that the \
           mission would assess the needs of the people remaining in the territory! (NearVerbatim)",
        ],
    );
    // Nothing in common: nothing aligned.
    check_aligned(
        "Armenia asked the court to order the withdrawal of troops from civilian areas.",
        "Forty buses were dispatched by Baku to the border zone on Monday morning.",
        &[],
    );
}

#[test]
fn adjacent_matches_merge_into_one_passage_with_a_word_diff() {
    let a = "Azerbaijan has denied these allegations and promised to protect civilians. \
             Russia announced it had delivered 50 tonnes of food to Karabakh.";
    let b = "Azerbaijan has strongly denied these allegations and promised to protect civilians. \
             Russia announced it had delivered 50 tonnes of food to the region of Karabakh.";
    let docs = [doc("a", a, ""), doc("b", b, "")];
    let c = compare_with(&docs, None);
    assert_eq!(c.aligned.len(), 1, "{:#?}", c.aligned);
    let p = &c.aligned[0];
    assert_eq!((p.a.start, p.a.end), (0, a.len()));
    let ops: Vec<String> = p
        .diff
        .iter()
        .map(|o| format!("{:?}:{}", o.op, o.text))
        .collect();
    assert_eq!(
        ops,
        [
            "Same:Azerbaijan has",
            "Added:strongly",
            "Same:denied these allegations and promised to protect civilians. Russia announced \
             it had delivered 50 tonnes of food to",
            "Added:the region of",
            "Same:Karabakh",
        ]
    );
    assert_eq!(c.shared[0].a_fraction, 1.0);
    assert_eq!(c.overlap, [[1.0, 1.0], [1.0, 1.0]]);
}

/// Quotes as "kind speaker=>canonical (resolution) verb: text".
fn check_quotes(text: &str, expected: &[&str]) {
    let docs = [
        doc("a", text, ""),
        doc("b", "Nothing to see here at all.", ""),
    ];
    let c = compare_with(&docs, None);
    let got: Vec<String> = c
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{:?} {}=>{} ({:?}) {}: {}",
                q.kind,
                q.speaker.as_deref().unwrap_or("-"),
                q.canonical.as_deref().unwrap_or("-"),
                q.resolution,
                q.verb.as_deref().unwrap_or("-"),
                q.text
            )
        })
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn direct_quotes_straight_curly_and_split() {
    check_quotes(
        "“We haven’t had access there for about 30 years,” Stephane Dujarric said. \
         \"It is very important,\" he added, \"that we can get in.\"",
        &[
            "Direct Stephane Dujarric=>Stephane Dujarric (Named) said: We haven’t had access \
             there for about 30 years",
            "Direct he=>Stephane Dujarric (Pronoun) added: It is very important",
            "Direct he=>Stephane Dujarric (Pronoun) added: that we can get in.",
        ],
    );
    // Inverted attribution, and an unattributed quote continuing the paragraph's one speaker.
    check_quotes(
        "“The mission will take place over the weekend,” said spokesman Ola Berg. \
         “It will go by air.”",
        &[
            "Direct spokesman Ola Berg=>Ola Berg (Named) said: The mission will take place over \
             the weekend",
            "Direct spokesman Ola Berg=>Ola Berg (Continued) said: It will go by air.",
        ],
    );
    // A scare quote is not speech.
    check_quotes("Russia keeps 2,000 \"peacekeepers\" in the region.", &[]);
}

#[test]
fn reported_speech_patterns() {
    check_quotes(
        "Hikmet Hajiyev told AFP that Baku could not accept these accusations.",
        &[
            "Reported Hikmet Hajiyev=>Hikmet Hajiyev (Named) told: Baku could not accept these \
           accusations",
        ],
    );
    check_quotes(
        "The mission will arrive on Sunday, according to a UN spokesman.",
        &[
            "Reported a UN spokesman=>- (Descriptive) according to: The mission will arrive on \
           Sunday",
        ],
    );
    check_quotes(
        "Armenia’s Prime Minister, Nikol Pashinian, has accused Azerbaijan of ethnic cleansing.",
        &[
            "Reported Nikol Pashinian=>Nikol Pashinian (Named) accused: Azerbaijan of ethnic \
           cleansing",
        ],
    );
    check_quotes(
        "Azerbaijan’s Foreign Minister stated that aid would be provided to the region.",
        &[
            "Reported Azerbaijan’s Foreign Minister=>- (Descriptive) stated: aid would be \
           provided to the region",
        ],
    );
    check_quotes(
        "The United Nations will send a mission to the region for the first time, a spokesman \
         said on Friday.",
        &["Reported a spokesman=>- (Descriptive) said: The United Nations will send a mission to \
           the region for the first time"],
    );
    // "claimed" and "denied" are kept as written: the verb is framing too.
    check_quotes(
        "The ministry denied the reports of shelling. Ilham Aliyev claimed that the roads were open.",
        &[
            "Reported The ministry=>- (Descriptive) denied: the reports of shelling",
            "Reported Ilham Aliyev=>Ilham Aliyev (Named) claimed: the roads were open",
        ],
    );
}

#[test]
fn pronouns_resolve_only_when_unambiguous() {
    // The previous paragraph names one person: resolved. A surname alone is the full name.
    check_quotes(
        "Jeyhun Bayramov addressed the assembly on Tuesday.\n\n\
         He said the talks would continue. Bayramov added that aid was arriving.",
        &[
            "Reported He=>Jeyhun Bayramov (Pronoun) said: the talks would continue",
            "Reported Bayramov=>Jeyhun Bayramov (Named) added: aid was arriving",
        ],
    );
    // Two people in the paragraph before: unknown, never guessed.
    check_quotes(
        "Ararat Mirzoyan met Jeyhun Bayramov in Geneva.\n\n\
         He said the meeting had been useful.",
        &["Reported He=>- (Unknown) said: the meeting had been useful"],
    );
    // Two paragraphs back is too far.
    check_quotes(
        "Ararat Mirzoyan spoke first in Geneva.\n\n\
         The meeting lasted two hours.\n\n\
         He said the meeting had been useful.",
        &["Reported He=>- (Unknown) said: the meeting had been useful"],
    );
}

#[test]
fn entity_mentions_resolve_speakers_when_given() {
    let docs = [
        doc("a", "Nikol Pashinian said the talks had failed.", ""),
        doc("b", "Nikol Pashinyan said the border was calm.", ""),
    ];
    // With the knowledge base, both spellings are one entity.
    let c = compare(&docs);
    let names: Vec<&str> = c
        .quotes
        .iter()
        .filter_map(|q| q.canonical.as_deref())
        .collect();
    assert_eq!(names, ["Nikol Pashinyan", "Nikol Pashinyan"]);
    assert_eq!(c.speakers.len(), 1);
    assert_eq!(c.speakers[0].counts, [1, 1]);
    // Without it, the spelling variants still share one row of the speakers table.
    let c = compare_with(&docs, None);
    assert_eq!(c.speakers.len(), 1, "{:#?}", c.speakers);
    assert_eq!(c.speakers[0].quotes, [vec![0], vec![1]]);
}

/// Framing hits as "topic/frame: text [voice]".
fn check_frames(text: &str, expected: &[&str]) {
    let docs = [
        doc("a", text, ""),
        doc("b", "Nothing to see here at all.", ""),
    ];
    let c = compare_with(&docs, None);
    let got: Vec<String> = c
        .frames
        .iter()
        .map(|h| {
            format!(
                "{}/{}: {} [{:?}{}]",
                h.topic,
                h.frame,
                h.text,
                h.voice,
                if h.negated { ", negated" } else { "" }
            )
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn lexicon_matches_inflections_voice_and_negation() {
    check_frames(
        "Troops attacked the town and the separatists fled after the anti-terror measures.",
        &[
            "operation/attack: attacked [Own]",
            "authorities/separatists: separatists [Own]",
            "departure/flight: fled [Own]",
            "operation/counter-terrorism: anti-terror measures [Own]",
        ],
    );
    check_frames(
        "Residents have not been forced out, officials said of the “ethnic cleansing” claims.",
        &[
            "departure/expulsion: forced out [Own, negated]",
            "departure/ethnic-cleansing: ethnic cleansing [Quoted]",
        ],
    );
    // Longest match wins within a topic; a capitalised word mid-sentence is part of a name.
    check_frames(
        "The voluntary exodus was handled by the State Migration Service.",
        &["departure/voluntary: voluntary exodus [Own]"],
    );
}

#[test]
fn frame_table_counts_per_document() {
    let docs = [
        doc(
            "a",
            "The offensive began at dawn. Another offensive followed.",
            "",
        ),
        doc("b", "The anti-terror measures ended the next day.", ""),
    ];
    let c = compare_with(&docs, None);
    let rows: Vec<String> = c
        .frame_table
        .iter()
        .map(|r| format!("{}/{} {:?}", r.topic, r.frame, r.own))
        .collect();
    assert_eq!(
        rows,
        [
            "operation/counter-terrorism [0, 1]",
            "operation/military-operation [2, 0]"
        ]
    );
}

/// Number groups as "key: text=low..high, … [disagree]".
fn check_numbers(a: &str, b: &str, expected: &[&str]) {
    let docs = [doc("a", a, ""), doc("b", b, "")];
    let c = compare_with(&docs, None);
    let got: Vec<String> = c
        .numbers
        .iter()
        .map(|g| {
            let ms: Vec<String> = g
                .mentions
                .iter()
                .map(|m| match m.high {
                    Some(h) => format!("{}={}..{}", m.text, m.low, h),
                    None => format!("{}={}..", m.text, m.low),
                })
                .collect();
            format!(
                "{}: {}{}",
                g.key,
                ms.join(", "),
                if g.disagree { " [disagree]" } else { "" }
            )
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn numbers_group_and_agree_with_qualifiers() {
    check_numbers(
        "The UN will have access to the region for the first time in about 30 years.",
        "It is the first time in 30 years that the UN has access to the region.",
        &["year: about 30 years=27..33, 30 years=30..30"],
    );
    check_numbers(
        "Russia said it delivered more than 50 tonnes of food to Karabakh.",
        "Russia delivered 50 tonnes of food to Karabakh on Saturday.",
        &["tonne of food: more than 50 tonnes of food=50.., 50 tonnes of food=50..50"],
    );
}

#[test]
fn numbers_that_disagree() {
    check_numbers(
        "Russia has 2,000 peacekeepers stationed in the region under the ceasefire.",
        "Russia has about 1,500 peacekeepers stationed in the region under the ceasefire.",
        &[
            "peacekeeper: 2,000 peacekeepers=2000..2000, about 1,500 peacekeepers=1350..1650 \
           [disagree]",
        ],
    );
    // The duration of one event named two ways by the framing lexicon.
    check_numbers(
        "The 24-hour anti-terror operation ended on Wednesday.",
        "Azerbaijan regained the region after a two-day military offensive.",
        &["duration of operation: 24-hour=1..1, two-day=2..2 [disagree]"],
    );
    // Different things counted: no group. Dates are not quantities.
    check_numbers(
        "Forty buses left on September 20, 2023 for the border.",
        "Forty trucks left in 2020 for the border.",
        &[],
    );
}

/// Timeline events as "text=from..to (basis)" and the republished flag.
fn check_timeline(text: &str, published: &str, expected: &[&str]) {
    let meta = if published.is_empty() {
        String::new()
    } else {
        format!("published = \"{published}\"")
    };
    let docs = [doc("a", text, &meta), doc("b", "Nothing to see here.", "")];
    let c = compare_with(&docs, None);
    let got: Vec<String> = c.timeline[0]
        .events
        .iter()
        .map(|e| {
            let show = |d: Option<Date>| d.map_or("?".to_string(), |d| d.to_string());
            format!(
                "{}={}..{} ({:?})",
                e.text,
                show(e.from),
                show(e.to),
                e.basis
            )
        })
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn relative_dates_resolve_against_the_published_date() {
    // 2023-11-08 was a Wednesday.
    check_timeline(
        "The mission will arrive this weekend. Talks began on Monday and ended last week. \
         The court ruled on September 20 and in 2020.",
        "2023-11-08",
        &[
            "this weekend=2023-11-11..2023-11-12 (Published)",
            "Monday=2023-11-06..2023-11-06 (Published)",
            "last week=2023-10-30..2023-11-05 (Published)",
            "September 20=2023-09-20..2023-09-20 (Published)",
            "2020=2020-01-01..2020-12-31 (Absolute)",
        ],
    );
    check_timeline(
        "A team will fly in on Friday. Aid arrived yesterday.",
        "2023-11-08",
        &[
            "Friday=2023-11-10..2023-11-10 (Published)",
            "yesterday=2023-11-07..2023-11-07 (Published)",
        ],
    );
    // No published date: relative dates stay unresolved; absolute ones do not need it.
    check_timeline(
        "It happened on Friday, October 6, 2023 and again on Saturday.",
        "",
        &[
            "Friday, October 6, 2023=2023-10-06..2023-10-06 (Absolute)",
            "Saturday=?..? (Unresolved)",
        ],
    );
}

#[test]
fn flags_possible_republication() {
    let original = doc(
        "orig",
        "A mission sent by the United Nations arrived on Sunday in the Karabakh region after an \
         invitation by the government of Azerbaijan.",
        "published = \"2023-10-02\"",
    );
    let copy = doc(
        "copy",
        "The United Nations is set to send a mission to the Karabakh region this weekend at the \
         invitation of the government of Azerbaijan.",
        "published = \"2023-11-08\"",
    );
    let c = compare_with(&[original, copy], None);
    let flags: Vec<(bool, usize)> = c
        .timeline
        .iter()
        .map(|t| (t.republished, t.evidence.len()))
        .collect();
    assert_eq!(flags, [(false, 0), (true, 1)]);
    let e = &c.timeline[1].evidence[0];
    assert_eq!(
        (e.kind.as_str(), e.other_date.to_string(), e.gap_days),
        ("relative_date", "2023-10-01".to_string(), 41)
    );
}

#[test]
fn flags_a_stale_lead() {
    let earlier = doc(
        "wire",
        "Officials said the 24-hour anti-terror operation from September 19-20 ended the fighting.",
        "published = \"2023-09-21\"",
    );
    let later = doc(
        "later",
        "Azerbaijan has regained control of the region after a military offensive.",
        "published = \"2023-11-09\"",
    );
    let c = compare_with(&[earlier, later], None);
    assert!(!c.timeline[0].republished);
    assert!(c.timeline[1].republished);
    assert_eq!(c.timeline[1].evidence[0].kind, "stale_lead");
    assert_eq!(c.timeline[1].evidence[0].gap_days, 51);
}

#[test]
fn sources_group_documents_by_outlet() {
    let docs = [
        doc("a", "One text here.", "outlet = \"Agence X\""),
        doc("b", "Another text here.", "outlet = \"agence x\""),
        doc("c", "A third text here.", ""),
    ];
    let c = compare_with(&docs, None);
    let s: Vec<(String, Vec<String>)> = c
        .sources
        .iter()
        .map(|s| (s.label.clone(), s.docs.clone()))
        .collect();
    assert_eq!(
        s,
        [
            (
                "Agence X".to_string(),
                vec!["a".to_string(), "b".to_string()]
            ),
            ("c".to_string(), vec!["c".to_string()]),
        ]
    );
    assert_eq!(
        c.docs.iter().map(|d| d.source).collect::<Vec<_>>(),
        [0, 0, 1]
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let odd = [
        "",
        "“",
        "\"\"\" \" “” ”“ «»",
        "On Friday. On Saturday, he said. She said.",
        "2,000- 1990s 19- -20 September 31 February 30, 2023 tens of of thousands",
        "May. may May 5 5 May 2023 Xankəndi 中文 Ереван said “он сказал”",
        "he said he said he said",
        "a-b-c- -- — – … ...",
        "The 24-hour-long two-day-old thirty-five forty- dozen dozens a dozen",
        "According to, according to according to",
    ];
    let docs: Vec<Document> = odd
        .iter()
        .enumerate()
        .map(|(i, t)| doc(&format!("d{i}"), t, "published = \"2023-11-08\""))
        .collect();
    let c = compare_with(&docs, None);
    assert_eq!(c.timeline.len(), odd.len());
    let c = compare(&docs);
    assert_eq!(c.docs.len(), odd.len());
    // An empty comparison is empty.
    let c = compare(&[]);
    assert!(c.aligned.is_empty() && c.quotes.is_empty() && c.timeline.is_empty());
}

#[test]
fn fragments_of_the_seeds_do_not_panic() {
    let dir = crate::SEEDS_DIR;
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&p).unwrap());
        }
    }
    texts.sort();
    // Fragments cut anywhere (at character boundaries): quotes left open, dates cut in half.
    let mut docs = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let bounds: Vec<usize> = t.char_indices().map(|(k, _)| k).collect();
        for (j, start) in bounds.iter().step_by(173).enumerate() {
            let end = bounds
                .get(bounds.partition_point(|&b| b < start + 611))
                .copied();
            let frag = t.get(*start..end.unwrap_or(t.len())).unwrap();
            docs.push(doc(
                &format!("f{i}_{j}"),
                frag,
                "published = \"2023-10-02\"",
            ));
        }
    }
    for chunk in docs.chunks(6) {
        let c = compare(chunk);
        assert_eq!(c.docs.len(), chunk.len());
    }
}

/// The comparison worker sends its result to the page as postcard bytes: every field must come
/// back as it went (postcard is not self-describing, so a skipped or reordered field would not).
#[test]
fn comparison_round_trips_through_postcard() {
    let docs = [
        doc(
            "a",
            "Forty buses were dispatched by Baku on Monday, the ministry said.\n\n\
             “We will not leave,” said Anna Petrosyan, calling it ethnic cleansing.",
            "published = \"2023-10-02\"\noutlet = \"Alpha\"",
        ),
        doc(
            "b",
            "Forty buses were sent by Baku on Monday to the border.\n\n\
             About 50 buses left, officials said, after the anti-terror measures.",
            "published = \"2023-10-03\"",
        ),
    ];
    let c = compare_with(&docs, None);
    assert!(!c.aligned.is_empty() && !c.quotes.is_empty() && !c.frames.is_empty());
    let bytes = postcard::to_allocvec(&c).expect("serializes");
    let back: Comparison = postcard::from_bytes(&bytes).expect("deserializes");
    assert_eq!(back, c);
}

/// The reader asks for one article alone, to highlight its framing words.
#[test]
fn a_single_article_compares_without_pairs() {
    let docs = [doc(
        "a",
        "The separatists laid down arms after the anti-terror measures, and thousands fled.",
        "",
    )];
    let c = compare_with(&docs, None);
    assert!(c.aligned.is_empty() && c.shared.is_empty());
    let frames: Vec<&str> = c.frames.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(frames, ["separatists", "anti-terror measures", "fled"]);
    assert_eq!(c.overlap, vec![vec![1.0]]);
}

/// Number groups as "key flag: text, text".
fn numbers(docs: &[Document]) -> Vec<String> {
    compare_with(docs, None)
        .numbers
        .iter()
        .map(|g| {
            let flag = match (g.disagree, g.conflict) {
                (_, true) => " CONFLICT",
                (true, false) => " DIFFER",
                _ => "",
            };
            let ms: Vec<String> = g
                .mentions
                .iter()
                .map(|m| format!("{}:{}", m.doc, m.text))
                .collect();
            format!("{}{flag}: {}", g.key, ms.join(", "))
        })
        .collect()
}

#[test]
fn facts_group_by_what_they_count_and_the_event() {
    // People killed, displaced and a blockade's length, worded three ways.
    let docs = [
        doc(
            "wire",
            "At least 12 people were killed when the dam failed, and about 2,000 residents \
             were evacuated from the valley. Protesters began a 48-hour blockade of the road.",
            "",
        ),
        doc(
            "local",
            "The death toll has risen to 15 people. About 1,200 residents were relocated from \
             the valley. Villagers began a three-day blockade of the road.",
            "",
        ),
        doc(
            "biz",
            "The dam failure left 15 dead. The company said 40 workers were injured.",
            "",
        ),
    ];
    assert_eq!(
        numbers(&docs),
        [
            "people killed DIFFER: wire:At least 12 people, local:15 people, biz:15 dead",
            "people displaced CONFLICT: wire:about 2,000 residents, local:About 1,200 residents",
            "duration of blockade CONFLICT: wire:48-hour, local:three-day",
        ]
    );
}

/// One line of `n` sentences with everything the analyses look at: quotes, speech verbs,
/// names, numbers, dates, framing words and no line break (a fuzzed 5 MB line took 37 s);
/// optionally without sentence ends or quotation marks.
fn long_line(n: usize, sentence_breaks: bool, quotes: bool) -> String {
    let end = if sentence_breaks { "." } else { "" };
    let (open, close) = if quotes { ("“", ",”") } else { ("", "") };
    (0..n)
        .map(|i| {
            format!(
                "{open}The offensive killed {} people on Sunday{close} said Ola Berg{end} About {} \
                 residents were evacuated in March 2023 according to a UN spokesman{end} The \
                 ministry denied that 3{} tonnes of food arrived last week{end} ",
                i % 97,
                i % 13 + 2,
                i % 10
            )
        })
        .collect()
}

/// Steps of work to compare a long single-line article with a seed-like article.
fn steps_for(text: &str) -> u64 {
    let docs = [
        doc("long", text, "published = 2023-10-02"),
        doc(
            "seed",
            "“We haven’t had access there for about 30 years,” Stephane Dujarric said on \
             Friday. The offensive killed 200 people, and about 2,000 residents were evacuated. \
             Forty buses were dispatched by Baku to the border zone on Monday.",
            "published = 2023-09-30",
        ),
    ];
    super::work::take();
    let c = compare_with(&docs, None);
    assert_eq!(c.docs.len(), 2);
    super::work::take()
}

#[test]
fn work_grows_linearly_with_one_long_line() {
    // Speech verbs with no speaker before them, in one endless sentence: each verb once
    // re-read the whole sentence before it.
    let unattributed =
        |n: usize| "the cold wind over the hills said little and 3 boats sank ".repeat(n);
    let inputs: [(&str, &dyn Fn(usize) -> String); 4] = [
        ("sentences", &|n| long_line(n, true, true)),
        ("no sentence ends", &|n| long_line(n, false, true)),
        ("no quotation marks", &|n| long_line(n, false, false)),
        ("unattributed verbs", &unattributed),
    ];
    for (what, line) in inputs {
        let small = steps_for(&line(100));
        let large = steps_for(&line(400));
        // Four times the text: about four times the work (a little over for the bag sizes).
        assert!(
            large <= small * 5,
            "{what}: {small} steps for 100 repetitions, {large} for 400"
        );
    }
}

#[test]
fn odd_dates_and_damaged_spans_do_not_panic() {
    // Dates beyond the calendar's range (once unwrap/expect in the timeline).
    let docs = [
        doc(
            "a",
            "The bridge was built 300 years ago. It fell 100000 days ago, or 5000 months ago.",
            "published = 2023-10-02",
        ),
        doc(
            "b",
            "The bridge was built 300 years ago, the mayor said on Friday.",
            "published = 1800-01-02",
        ),
    ];
    let c = compare_with(&docs, None);
    assert_eq!(c.timeline.len(), 2);
    // Block spans inside a character or past the end (a damaged bundle that still decodes).
    let mut damaged = doc(
        "c",
        "L’armée a annoncé vendredi que 12 personnes sont mortes.",
        "",
    );
    for b in &mut damaged.blocks {
        b.start += 1; // inside the curly apostrophe's bytes
        b.end += 100;
    }
    let c = compare_with(&[damaged, docs[0].clone()], None);
    assert_eq!(c.docs.len(), 2);
}

/// The lexicon `build.rs` compiled to postcard is the TOML's, read at test time.
#[test]
fn the_compiled_lexicon_is_the_toml() {
    let toml = super::Lexicon::from_toml(include_str!("../../data/framing.toml"))
        .expect("the shipped lexicon is valid");
    assert!(toml.topics.len() > 3);
    assert_eq!(super::lexicon(), &toml);
}

/// Every frame of the lexicon says whose wording it typically is, and either cites where that
/// is documented (with an address to read it at) or says plainly that no source was checked.
#[test]
fn every_frame_says_whose_wording_it_is_and_where_that_is_documented() {
    for t in &super::lexicon().topics {
        for (f, a) in t.frames.iter().map(|f| (f, &f.attribution)) {
            assert!(!a.note.is_empty(), "{}/{} has no note", t.id, f.id);
            if a.source.is_empty() {
                assert!(
                    a.url.is_empty(),
                    "{}/{}: an address without a source",
                    t.id,
                    f.id
                );
                assert!(
                    a.note.contains("No published source checked"),
                    "{}/{}: no source, and the note does not say so",
                    t.id,
                    f.id
                );
            } else {
                assert!(
                    a.url.starts_with("https://") || a.url.starts_with("http://"),
                    "{}/{}: the source has no address to read it at",
                    t.id,
                    f.id
                );
            }
        }
    }
}
