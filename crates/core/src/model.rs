//! The parsed-document data model shared by the parser, the bundle, the CLI and the app.
//!
//! Every span is a pair of UTF-8 byte offsets into the original file (`start..end`,
//! end exclusive). `Document::text` has exactly the same length as the original bytes, so a span
//! means the same thing in both (see `decode` for how invalid bytes keep that true).
use serde::{Deserialize, Serialize};

pub use crate::date::Date;

/// One article, as parsed from one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the file stem (`000_c89f353285aead65` for `000_c89f353285aead65.txt`).
    pub id: String,
    /// The file name as given (no directories).
    pub file: String,
    /// The decoded original text, byte-for-byte the same length as the file.
    pub text: String,
    pub meta: Metadata,
    /// Blocks in file order; they never overlap.
    pub blocks: Vec<Block>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Article metadata. Each value remembers where it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<Field<String>>,
    pub outlet: Option<Field<String>>,
    pub authors: Vec<Field<String>>,
    pub published: Option<Field<Date>>,
    pub updated: Option<Field<Date>>,
    pub url: Option<Field<String>>,
    pub language: Option<Field<String>>,
    pub notes: Option<Field<String>>,
}

/// A metadata value and its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field<T> {
    pub value: T,
    pub source: Provenance,
}

/// Where a metadata value came from. (Externally tagged: the binary bundle format needs that.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Found in the article text at this span, by this rule.
    Text {
        start: usize,
        end: usize,
        rule: Rule,
    },
    /// Given by the curator in the `<stem>.toml` sidecar file.
    Sidecar,
}

/// The parser's rule that read a metadata value, so a reader can tell how much to trust it
/// ("outlet: copyright line" is weaker evidence than "outlet: byline").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The headline-shaped line at the top (`# Title` in Markdown).
    Headline,
    /// A byline: `By …`, `Written by …`, `Posted by …`.
    Byline,
    /// A name on a line of its own in the header (`Helena Smith in Athens`, `Nation Media Group`).
    NameLine,
    /// An outlet's name above the title.
    Masthead,
    /// A `Key: value` line, front matter, or a saved page's metadata.
    FieldLine,
    /// A database export's field code (`HD`, `BY`, `PD`, `SN`).
    FieldCode,
    /// A credit line of parts (`Name / TNN / Updated: …`, `Source: Xinhua | 2024-03-14`).
    CreditLine,
    /// A date line, labelled or not (`Published 5 Sep 2024`, `Tue 18 Jul 2023 06.00 BST`).
    Dateline,
    /// A wire dateline: `MOSCOW, Oct. 2 (TASS) —`.
    WireDateline,
    /// A copyright line: `© 2024 The Kathmandu Post`.
    CopyrightLine,
    /// An outlet's name alone at the end of the article.
    ClosingName,
    /// A date in the article's URL (`/2024/01/23/`).
    UrlDate,
    /// An update date, taken as the article's date because no other is given.
    OnlyDate,
}

impl Rule {
    /// How the app and `parse --json` name the rule: "copyright line".
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Headline => "headline line",
            Rule::Byline => "byline",
            Rule::NameLine => "name line in the header",
            Rule::Masthead => "masthead",
            Rule::FieldLine => "labelled field",
            Rule::FieldCode => "export field code",
            Rule::CreditLine => "credit line",
            Rule::Dateline => "date line",
            Rule::WireDateline => "wire dateline",
            Rule::CopyrightLine => "copyright line",
            Rule::ClosingName => "outlet name at the end",
            Rule::UrlDate => "date in the URL",
            Rule::OnlyDate => "update date (the only date given)",
        }
    }
}

/// A run of text with one role in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// The role a block plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's title.
    Headline,
    /// A summary line between the headline and the body.
    Standfirst,
    /// Who wrote or posted the article ("By Jane Doe", "Posted by Outlet").
    Byline,
    /// Where and when: "date 2023-11-08", "Last update: April 28, 2024 00:13", "MOSCOW (Reuters) -".
    Dateline,
    /// The text under a photo.
    Caption,
    /// Whom a photo or the article is credited to ("Trend News Agency", "Agencies").
    Credit,
    /// A paragraph of the article proper.
    Body,
    /// A heading inside the body (a crosshead), between paragraphs of prose.
    Subheading,
    /// Page furniture that is not part of the article ("Newsroom logo", "None", "--").
    Boilerplate,
}

impl BlockKind {
    pub const ALL: [BlockKind; 9] = [
        BlockKind::Headline,
        BlockKind::Standfirst,
        BlockKind::Byline,
        BlockKind::Dateline,
        BlockKind::Caption,
        BlockKind::Credit,
        BlockKind::Body,
        BlockKind::Subheading,
        BlockKind::Boilerplate,
    ];

    /// Whether the block carries what the article says (searched, aligned, compared). Bylines,
    /// datelines, credits and page furniture are about the article, not part of it.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            BlockKind::Headline
                | BlockKind::Standfirst
                | BlockKind::Caption
                | BlockKind::Body
                | BlockKind::Subheading
        )
    }

    /// The name used in JSON and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::Body => "body",
            BlockKind::Subheading => "subheading",
            BlockKind::Boilerplate => "boilerplate",
        }
    }
}

/// Something the parser wants a person to know about a file. Never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: DiagnosticCode,
    /// A sentence that names the file and the problem.
    pub message: String,
    /// The bytes concerned (may be empty, e.g. for an empty file).
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// What a diagnostic is about, for programs (the message is for people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticCode {
    EmptyFile,
    BinaryFile,
    InvalidUtf8,
    ByteOrderMark,
    CrlfLineEndings,
    ControlCharacters,
    NoBody,
    SidecarInvalid,
    SidecarOverride,
    /// The file was not UTF-8: the encoding it was decoded from (spans refer to the decoded text).
    Encoding,
    /// The text was extracted from a saved web page (spans refer to the extracted text).
    ExtractedText,
    /// One article of a file that holds several (a news-database export).
    ExportArticle,
}

impl Metadata {
    /// The text spans the values were read from (sidecar values have none).
    pub fn text_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let strings = [
            &self.title,
            &self.outlet,
            &self.url,
            &self.language,
            &self.notes,
        ]
        .into_iter()
        .flatten()
        .chain(&self.authors)
        .map(|f| f.source);
        let dates = [&self.published, &self.updated]
            .into_iter()
            .flatten()
            .map(|f| f.source);
        strings.chain(dates).filter_map(|p| match p {
            Provenance::Text { start, end, .. } => Some((start, end)),
            Provenance::Sidecar => None,
        })
    }
}

impl Document {
    /// The text of a span of this document.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        self.slice(block.start, block.end)
    }

    /// The article proper: body blocks only.
    pub fn body_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Body)
    }

    /// Number of words in the body (whitespace-separated runs containing a letter or digit).
    pub fn word_count(&self) -> usize {
        self.body_blocks()
            .map(|b| crate::text::word_count(self.block_text(b)))
            .sum()
    }

    /// The title if the article has one, otherwise `None` (never invented).
    pub fn title(&self) -> Option<&str> {
        self.meta.title.as_ref().map(|f| f.value.as_str())
    }

    /// A short excerpt of the first body paragraph, for listing untitled articles.
    pub fn lede(&self, max_chars: usize) -> String {
        let first = self
            .body_blocks()
            .next()
            .map(|b| self.block_text(b))
            .unwrap_or("");
        crate::text::excerpt(first, max_chars)
    }
}
