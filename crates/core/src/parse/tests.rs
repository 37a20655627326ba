//! Whole-document parser tests on small articles written for the test, one rule at a time, plus
//! the invariants every parse must keep (no lost text, ordered non-overlapping blocks).

use crate::{parse_document, BlockKind, Document, SourceFile};

fn parse(text: &str) -> Document {
    parse_document(&SourceFile {
        name: "t.txt",
        bytes: text.as_bytes(),
        sidecar: None,
    })
}

/// Renders a parse as one line per block (`kind: text`) after a metadata line, for `check`.
fn render(d: &Document) -> String {
    let m = &d.meta;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    let mut out = format!(
        "title={} outlet={} authors=[{}] published={} updated={}\n",
        opt(m.title.as_ref().map(|f| f.value.clone())),
        opt(m.outlet.as_ref().map(|f| f.value.clone())),
        m.authors
            .iter()
            .map(|a| a.value.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        opt(m.published.as_ref().map(|f| f.value.to_string())),
        opt(m.updated.as_ref().map(|f| f.value.to_string())),
    );
    for b in &d.blocks {
        out += &format!("{}: {}\n", b.kind.as_str(), d.block_text(b));
    }
    out
}

/// Parses `text` and compares the rendering with `expected` (leading/trailing blank lines and
/// indentation of `expected` are ignored), then checks the invariants.
#[track_caller]
fn check(text: &str, expected: &str) {
    let d = parse(text);
    let want: String = expected
        .trim()
        .lines()
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    assert_eq!(render(&d), want, "input:\n{text}");
    assert_invariants(&d);
}

/// Blocks are in order, do not overlap, are trimmed, and with the diagnostics cover every
/// non-whitespace byte of the file.
pub(crate) fn assert_invariants(d: &Document) {
    let mut covered = vec![false; d.text.len()];
    let mut prev_end = 0;
    for b in &d.blocks {
        assert!(
            b.start < b.end && b.start >= prev_end,
            "bad block {b:?} in {}",
            d.file
        );
        let s = d.block_text(b);
        assert_eq!(s, s.trim(), "untrimmed block {b:?}");
        covered[b.start..b.end].iter_mut().for_each(|c| *c = true);
        prev_end = b.end;
    }
    for x in &d.diagnostics {
        covered[x.start..x.end].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in d.text.char_indices() {
        assert!(
            c.is_whitespace() || covered[i],
            "{}: byte {i} ({c:?}) is in no block or diagnostic",
            d.file
        );
    }
}

#[test]
fn headline_byline_body() {
    check(
        "Talks resume in Geneva\n\nBy Jane Doe and John Roe\nMarch 3, 2024\n\nNegotiators met again on Monday to discuss the ceasefire terms, officials said, as pressure grew on both sides.\n\nThe next round is due in April.",
        "
        title=Talks resume in Geneva outlet=- authors=[Jane Doe; John Roe] published=2024-03-03 updated=-
        headline: Talks resume in Geneva
        byline: By Jane Doe and John Roe
        dateline: March 3, 2024
        body: Negotiators met again on Monday to discuss the ceasefire terms, officials said, as pressure grew on both sides.
        body: The next round is due in April.
        ",
    );
}

#[test]
fn no_title_is_never_invented() {
    check(
        "Armenia, meanwhile, asked the court to act.\nThe mission will take place over the weekend, a spokesman said on Friday.",
        "
        title=- outlet=- authors=[] published=- updated=-
        body: Armenia, meanwhile, asked the court to act.
        body: The mission will take place over the weekend, a spokesman said on Friday.
        ",
    );
}

#[test]
fn title_with_nothing_else_before_the_body() {
    check(
        "Aid convoy reaches the region\n\nA convoy carrying food reached the region on Saturday.",
        "
        title=Aid convoy reaches the region outlet=- authors=[] published=- updated=-
        headline: Aid convoy reaches the region
        body: A convoy carrying food reached the region on Saturday.
        ",
    );
}

#[test]
fn date_glued_to_the_first_paragraph_is_split_off() {
    check(
        " Published: 2 October 2023 The mission arrived on Sunday.\n\nIt will stay a week.",
        "
        title=- outlet=- authors=[] published=2023-10-02 updated=-
        dateline: Published: 2 October 2023
        body: The mission arrived on Sunday.
        body: It will stay a week.
        ",
    );
}

#[test]
fn updated_and_published_lines() {
    check(
        "Updated: Oct. 3, 2023 10:15 GMT\nPublished: Oct. 2, 2023\n\nHeadline goes here\n\nBody paragraph with the news in it.",
        "
        title=Headline goes here outlet=- authors=[] published=2023-10-02 updated=2023-10-03
        dateline: Updated: Oct. 3, 2023 10:15 GMT
        dateline: Published: Oct. 2, 2023
        headline: Headline goes here
        body: Body paragraph with the news in it.
        ",
    );
}

#[test]
fn furniture_before_the_title_and_after_the_body() {
    check(
        "Home > World > Europe\nSkip to content\nFighting stops in the region\nShare this article\nThe ceasefire held overnight.\nAdvertisement\nMore fighting was reported later.\n--\nReporting by Jane Doe; Editing by John Roe\nTags: Europe, ceasefire",
        "
        title=Fighting stops in the region outlet=- authors=[] published=- updated=-
        boilerplate: Home > World > Europe
        boilerplate: Skip to content
        headline: Fighting stops in the region
        boilerplate: Share this article
        body: The ceasefire held overnight.
        boilerplate: Advertisement
        body: More fighting was reported later.
        boilerplate: --
        credit: Reporting by Jane Doe; Editing by John Roe
        boilerplate: Tags: Europe, ceasefire
        ",
    );
}

#[test]
fn share_bars_and_page_furniture() {
    check(
        "Dam talks stall again\nShare on Facebook Share on Twitter Email\nThe talks broke up without a deal on Monday, officials said.\nComments (12)\nThe next round is due in March.\nRelated Topics\nMost read\nSign up for our Africa newsletter",
        "
        title=Dam talks stall again outlet=- authors=[] published=- updated=-
        headline: Dam talks stall again
        boilerplate: Share on Facebook Share on Twitter Email
        body: The talks broke up without a deal on Monday, officials said.
        boilerplate: Comments (12)
        body: The next round is due in March.
        boilerplate: Related Topics
        boilerplate: Most read
        boilerplate: Sign up for our Africa newsletter
        ",
    );
}

#[test]
fn wire_dateline_gives_the_outlet() {
    check(
        "MOSCOW, Oct 2 (Reuters) - Russia said on Monday its peacekeepers would stay.\n\nThe ministry gave no details.",
        "
        title=- outlet=Reuters authors=[] published=- updated=-
        dateline: MOSCOW, Oct 2 (Reuters) -
        body: Russia said on Monday its peacekeepers would stay.
        body: The ministry gave no details.
        ",
    );
}

#[test]
fn standfirst_and_captions_in_the_header() {
    check(
        "Refugees cross into Armenia\nTens of thousands have left in a week, officials say.\nImage caption, Families wait at the border\nImage source, Getty Images\nBy Jane Doe\nBBC News, Goris\n\nThe road to Goris was full of cars on Sunday, with families carrying what they could, and aid groups handing out water and bread at the crossing.",
        "
        title=Refugees cross into Armenia outlet=BBC News authors=[Jane Doe] published=- updated=-
        headline: Refugees cross into Armenia
        standfirst: Tens of thousands have left in a week, officials say.
        caption: Image caption, Families wait at the border
        credit: Image source, Getty Images
        byline: By Jane Doe
        byline: BBC News, Goris
        body: The road to Goris was full of cars on Sunday, with families carrying what they could, and aid groups handing out water and bread at the crossing.
        ",
    );
}

#[test]
fn caption_with_credit_inside_the_body() {
    check(
        "The convoy left at dawn.\nTrucks wait at the crossing, October 1, 2023 / Example News Agency\nIt arrived by noon.",
        "
        title=- outlet=- authors=[] published=- updated=-
        body: The convoy left at dawn.
        caption: Trucks wait at the crossing, October 1, 2023
        credit: / Example News Agency
        body: It arrived by noon.
        ",
    );
}

#[test]
fn crlf_and_bom_files_parse_like_plain_ones() {
    let plain = parse("Title line here\n\nBy Jane Doe\n\nThe body of the article.\n");
    let windows = parse_document(&SourceFile {
        name: "t.txt",
        bytes:
            b"\xEF\xBB\xBFTitle line here\r\n\r\nBy Jane Doe\r\n\r\nThe body of the article.\r\n",
        sidecar: None,
    });
    let kinds = |d: &Document| {
        d.blocks
            .iter()
            .map(|b| (b.kind, d.block_text(b).to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&plain), kinds(&windows));
    assert_eq!(render(&plain), render(&windows));
    assert_invariants(&windows);
}

#[test]
fn body_free_file_gets_a_diagnostic() {
    let d = parse("Newsroom logo\nNone\n--");
    assert!(d.blocks.iter().all(|b| b.kind == BlockKind::Boilerplate));
    let msg = &d.diagnostics.last().unwrap().message;
    assert!(
        msg.starts_with("t.txt: no article body was recognised"),
        "{msg}"
    );
    assert_invariants(&d);
}

#[test]
fn invariants_hold_on_scrambled_inputs() {
    // Deterministic pseudo-random mixtures of article-like and hostile lines.
    let pieces = [
        "Headline of a story", "By Jane Doe October 2, 2023", "Last update: April 28, 2024 00:13",
        "None", "--", "A caption, October 1, 2023 / Some News Agency", " date 2023-11-08 Text glued on.",
        "MOSCOW (Reuters) - Words follow here.", "\u{a0}", "", "Ünïcödé — “quotes” ’n’ dashes.",
        "<script>alert(1)</script>", "Agencies", "\r", "Posted by  Site - Section", "x",
        "A long paragraph of body text that goes on and on with enough words to count as prose for the parser.",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..(state % 12) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text += pieces[(state % pieces.len() as u64) as usize];
            text += if state.is_multiple_of(3) {
                "\n\n"
            } else {
                "\n"
            };
        }
        assert_invariants(&parse(&text));
    }
}

#[test]
fn wire_service_layout() {
    check(
        "Azerbaijan lets UN team visit the region\n\nBy JANE DOE and JOHN ROE\nAssociated Press\nOctober 1, 2023, 4:15 AM\n\nBAKU, Azerbaijan (AP) — Azerbaijan's government said on Sunday that a UN team had arrived in the region for the first time in decades, officials and witnesses said.",
        "
        title=Azerbaijan lets UN team visit the region outlet=Associated Press authors=[JANE DOE; JOHN ROE] published=2023-10-01 updated=-
        headline: Azerbaijan lets UN team visit the region
        byline: By JANE DOE and JOHN ROE
        byline: Associated Press
        dateline: October 1, 2023, 4:15 AM
        dateline: BAKU, Azerbaijan (AP) —
        body: Azerbaijan's government said on Sunday that a UN team had arrived in the region for the first time in decades, officials and witnesses said.
        ",
    );
}

#[test]
fn newspaper_layout_with_a_bare_author_line() {
    check(
        "Armenia accuses Azerbaijan of ethnic cleansing\nTens of thousands flee as the enclave's government dissolves.\nJane Doe in Yerevan\nMon 25 Sep 2023 12.04 BST\nShare\n\nThe first refugees crossed into Armenia on Sunday, carrying what they could in cars and trucks along the only road out of the enclave, officials said.",
        "
        title=Armenia accuses Azerbaijan of ethnic cleansing outlet=- authors=[Jane Doe] published=2023-09-25 updated=-
        headline: Armenia accuses Azerbaijan of ethnic cleansing
        standfirst: Tens of thousands flee as the enclave's government dissolves.
        byline: Jane Doe in Yerevan
        dateline: Mon 25 Sep 2023 12.04 BST
        boilerplate: Share
        body: The first refugees crossed into Armenia on Sunday, carrying what they could in cars and trucks along the only road out of the enclave, officials said.
        ",
    );
}

#[test]
fn digital_layout_with_time_zones_and_relative_updates() {
    check(
        "UN to send mission to the region, first in 30 years\nBy Jane Doe\nOctober 1, 2023 4:07 AM GMT+4 Updated a year ago\n\nUNITED NATIONS, Sept 29 (Reuters) - The United Nations will send a mission to the region this weekend.",
        "
        title=UN to send mission to the region, first in 30 years outlet=Reuters authors=[Jane Doe] published=2023-10-01 updated=-
        headline: UN to send mission to the region, first in 30 years
        byline: By Jane Doe
        dateline: October 1, 2023 4:07 AM GMT+4 Updated a year ago
        dateline: UNITED NATIONS, Sept 29 (Reuters) -
        body: The United Nations will send a mission to the region this weekend.
        ",
    );
    check(
        "Thousands flee the enclave\nJane Doe, CNN\nReporting from Goris, Armenia\nPublished 10:15 AM EDT, Sun October 1, 2023\n\nCars lined the mountain road on Sunday.",
        "
        title=Thousands flee the enclave outlet=CNN authors=[Jane Doe] published=2023-10-01 updated=-
        headline: Thousands flee the enclave
        byline: Jane Doe, CNN
        dateline: Reporting from Goris, Armenia
        dateline: Published 10:15 AM EDT, Sun October 1, 2023
        body: Cars lined the mountain road on Sunday.
        ",
    );
}

#[test]
fn key_value_header_from_an_export() {
    check(
        "Title: UN mission reaches the region\nAuthor: Jane Doe\nSource: Example Wire\nDate: 2023-10-01\nURL: https://example.org/news/1\nLanguage: en\nTags: UN, aid\n\nA UN team arrived on Sunday.",
        "
        title=UN mission reaches the region outlet=Example Wire authors=[Jane Doe] published=2023-10-01 updated=-
        headline: Title: UN mission reaches the region
        byline: Author: Jane Doe
        byline: Source: Example Wire
        dateline: Date: 2023-10-01
        dateline: URL: https://example.org/news/1
        dateline: Language: en
        boilerplate: Tags: UN, aid
        body: A UN team arrived on Sunday.
        ",
    );
    let d = parse("Title: A\nURL: https://example.org/x\nLanguage: en\n\nBody here.");
    assert_eq!(d.meta.url.unwrap().value, "https://example.org/x");
    assert_eq!(d.meta.language.unwrap().value, "en");
}

#[test]
fn a_title_field_is_the_only_headline() {
    let d = parse("Title: The real title\n\nAnother short line\n\nBy Jane Doe\n\nThe body of the story follows here.");
    let headlines = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Headline)
        .count();
    assert_eq!(headlines, 1);
    assert_eq!(d.title(), Some("The real title"));
}

#[test]
fn crossheads_between_paragraphs_are_subheadings() {
    check(
        "Aid reaches the valley\n\n\
         By Jane Roe\n\n\
         Trucks carrying flour and medicine crossed the bridge on Monday morning, officials said, after a week of delays.\n\n\
         What happens next?\n\n\
         The convoy will return on Friday if the road stays open, the agency said in a statement.\n\n\
         Rebuilding the bridge\n\n\
         Engineers expect the repairs to take three months and to cost about two million dollars.",
        r#"
        title=Aid reaches the valley outlet=- authors=[Jane Roe] published=- updated=-
        headline: Aid reaches the valley
        byline: By Jane Roe
        body: Trucks carrying flour and medicine crossed the bridge on Monday morning, officials said, after a week of delays.
        subheading: What happens next?
        body: The convoy will return on Friday if the road stays open, the agency said in a statement.
        subheading: Rebuilding the bridge
        body: Engineers expect the repairs to take three months and to cost about two million dollars.
        "#,
    );
}

#[test]
fn short_lines_that_are_not_crossheads_stay_body() {
    // A quotation on its own line, a list of short items, and a last line with nothing after it.
    check(
        "Aid reaches the valley\n\n\
         By Jane Roe\n\n\
         Trucks carrying flour and medicine crossed the bridge on Monday morning, officials said, after a week of delays.\n\n\
         “We waited too long”\n\n\
         The supplies listed by the agency:\n\n\
         Flour and rice\n\n\
         Medicine for children\n\n\
         The convoy will return on Friday if the road stays open, the agency said in a statement.\n\n\
         More updates soon",
        r#"
        title=Aid reaches the valley outlet=- authors=[Jane Roe] published=- updated=-
        headline: Aid reaches the valley
        byline: By Jane Roe
        body: Trucks carrying flour and medicine crossed the bridge on Monday morning, officials said, after a week of delays.
        body: “We waited too long”
        body: The supplies listed by the agency:
        body: Flour and rice
        body: Medicine for children
        body: The convoy will return on Friday if the road stays open, the agency said in a statement.
        body: More updates soon
        "#,
    );
}

#[test]
fn accented_text_after_a_wire_dateline_does_not_panic() {
    // The window that looks for the agency is counted in bytes; here it ends inside `’`.
    let d = parse("Army statement\n\nMOSCOW, Oct. 2 (TASS) — L’armée a annoncé vendredi que les troupes resteraient.\n");
    assert_invariants(&d);
    assert_eq!(
        d.meta.outlet.as_ref().map(|f| f.value.as_str()),
        Some("TASS")
    );
    for pad in 0..12 {
        // Every alignment of the multi-byte characters against the 40-byte window.
        let text = format!(
            "MOSCOW, Oct.{} 2 (TASS) — L’armée a annoncé vendredi.",
            " ".repeat(pad)
        );
        assert_invariants(&parse(&text));
    }
}

#[test]
fn a_malformed_date_keeps_every_byte() {
    let d = parse("date 2023-11-1-09 The mission arrived on Sunday, officials said.\n\nMore text follows here.");
    assert_invariants(&d);
    assert_eq!(
        d.meta.published, None,
        "`2023-11-1-09` is not the first of November"
    );
}

/// Property tests: whatever the bytes, `parse_document` returns, and every non-whitespace byte
/// ends up in a block or a diagnostic. Case counts are small so `cargo test` stays quick.
mod properties {
    use super::assert_invariants;
    use crate::{parse_document, SourceFile};
    use proptest::prelude::*;

    fn parse_bytes(bytes: &[u8]) -> crate::Document {
        parse_document(&SourceFile {
            name: "p.txt",
            bytes,
            sidecar: None,
        })
    }

    /// Header lines of many shapes: every rule that reads a header gets exercised.
    const HEADER_LINES: &[&str] = &[
        "MOSCOW, Oct. 2 (TASS) — L’armée a annoncé vendredi",
        "KYIV, Ukraine (AP) — Officials said",
        "By Jane Doe and John Roe | Reuters | Updated Oct 3, 2023",
        "Published Monday, 2 October 2023, 10:15 GMT",
        "Last update: April 28, 2024 00:13",
        "date 2023-11-08 The United Nations said",
        "Title: UN mission arrives",
        "Posted by  Balkan Periscope - Hellas",
        "A convoy, October 1, 2023 / Trend News Agency",
        "Soldiers at a checkpoint. (AP Photo/Jane Doe)",
        "Home > World > Europe",
        "Updated 2 hours ago",
        "© 2024 Example Media",
        "Refugees arrive in Goris. REUTERS/Jane Doe",
    ];

    /// Characters of every UTF-8 length, and the ones news text is full of.
    const MULTIBYTE: &[&str] = &["é", "’", "—", "\u{a0}", "€", "😀", "ß", "\u{301}"];

    /// A short article around `line`, so the line is read as a header.
    fn article(line: &str) -> String {
        format!("Talks resume in Geneva\n\n{line}\n\nNegotiators met again on Monday to discuss the ceasefire terms, officials said, as pressure grew on both sides.\n")
    }

    #[test]
    fn multibyte_characters_at_every_offset_of_a_header_line() {
        for line in HEADER_LINES {
            for ch in MULTIBYTE {
                // Every character boundary: the text stays valid UTF-8.
                for (i, _) in line.char_indices() {
                    let mut l = (*line).to_string();
                    l.insert_str(i, ch);
                    assert_invariants(&parse_bytes(article(&l).as_bytes()));
                }
                // Every byte offset, even inside a character: invalid UTF-8 must be survived too.
                for i in 0..=line.len() {
                    let mut bytes = line.as_bytes().to_vec();
                    bytes.splice(i..i, ch.bytes());
                    let text = article("\u{0}").into_bytes();
                    let at = text.iter().position(|&b| b == 0).unwrap_or(0);
                    let mut all = text;
                    all.splice(at..=at, bytes);
                    assert_invariants(&parse_bytes(&all));
                }
            }
        }
    }

    /// Bytes drawn mostly from text-like material, so the rules get past their first checks.
    fn texty_bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            proptest::sample::select(HEADER_LINES).prop_map(|s| s.as_bytes().to_vec()),
            proptest::sample::select(MULTIBYTE).prop_map(|s| s.as_bytes().to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\n\n".to_vec()),
            Just(b"\r\n".to_vec()),
            "[A-Za-z0-9 ,.:;()/|-]{0,30}".prop_map(String::into_bytes),
            proptest::collection::vec(any::<u8>(), 0..8),
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    /// Lines of database exports and front matter, so every input kind is generated.
    const EXPORT_LINES: &[&str] = &[
        "HD Dam failure forces evacuation",
        "BY By Maria Santos",
        "WC 412 words",
        "PD 14 March 2024",
        "SN The Manila Times",
        "LP",
        "TD Rescue teams arrived at dawn.",
        "AN Document MNLTMS0020240314",
        "End of Document",
        "Load-Date: March 15, 2024",
        "Length: 523 words",
        "Byline: Conor Lally",
        "Body",
        "---",
        "title: \"Glacier: what we know\"",
        "author:",
        "  - \"[[Anna Keller]]\"",
        "created: 2024-06-02",
        "+++",
        "authors = [\"Tom Becker\", \"Lisa Park\"]",
    ];

    fn export_bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            4 => proptest::sample::select(EXPORT_LINES).prop_map(|s| format!("{s}\n").into_bytes()),
            2 => proptest::sample::select(HEADER_LINES).prop_map(|s| format!("{s}\n").into_bytes()),
            1 => proptest::sample::select(MULTIBYTE).prop_map(|s| s.as_bytes().to_vec()),
            1 => Just(b"\n".to_vec()),
            1 => proptest::collection::vec(any::<u8>(), 0..4),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Every input kind (exports with many articles, front matter): each document keeps the
        /// invariants, and for a UTF-8 file the articles' texts put together are the file.
        #[test]
        fn every_input_kind_parses_without_loss(bytes in export_bytes()) {
            let docs = crate::parse_file(&SourceFile { name: "x.txt", bytes: &bytes, sidecar: None });
            prop_assert!(!docs.is_empty());
            for d in &docs {
                assert_invariants(d);
            }
            // (A binary file's text is a printable stand-in of the same length.)
            let binary = docs.iter().flat_map(|d| &d.diagnostics).any(|x| x.code == crate::DiagnosticCode::BinaryFile);
            if let (Ok(file), false) = (std::str::from_utf8(&bytes), binary) {
                let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
                prop_assert_eq!(joined, file);
            }
        }

        #[test]
        fn any_bytes_parse_without_loss(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            assert_invariants(&parse_bytes(&bytes));
        }

        #[test]
        fn text_like_bytes_parse_without_loss(bytes in texty_bytes()) {
            assert_invariants(&parse_bytes(&bytes));
        }
    }
}

#[test]
fn every_value_names_the_rule_that_read_it() {
    let d = parse("The Guardian\nWorld news\nHundreds evacuated as wildfires spread across Rhodes\nBy Helena Smith\nUpdated Tue 18 Jul 2023 06.00 BST\n\nThe fire reached the coast on Tuesday, officials said, and thousands of tourists were moved by bus and boat to safety.\n");
    let rule = |p: &crate::Provenance| match p {
        crate::Provenance::Text { rule, .. } => rule.describe(),
        crate::Provenance::Sidecar => "sidecar",
    };
    let m = &d.meta;
    assert_eq!(
        m.title.as_ref().map(|f| rule(&f.source)),
        Some("headline line")
    );
    assert_eq!(m.outlet.as_ref().map(|f| rule(&f.source)), Some("masthead"));
    assert_eq!(m.authors.first().map(|f| rule(&f.source)), Some("byline"));
    assert_eq!(
        m.updated.as_ref().map(|f| rule(&f.source)),
        Some("date line")
    );
    assert_eq!(
        m.published.as_ref().map(|f| rule(&f.source)),
        Some("update date (the only date given)")
    );
    let footer = parse("Landslide blocks highway\nKathmandu, March 14\n\nA landslide blocked the main highway to Pokhara on Thursday, stranding hundreds of vehicles for hours, police said.\n\n© 2024 The Kathmandu Post. All rights reserved.\n");
    let outlet = footer.meta.outlet.as_ref().unwrap();
    assert_eq!(
        (outlet.value.as_str(), rule(&outlet.source)),
        ("The Kathmandu Post", "copyright line")
    );
}
