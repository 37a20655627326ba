//! Entity recognition: people, organisations, places, groups, dates and numbers in any article.
//!
//! Two layers. The knowledge base (`kb.rs`, data in `data/entities.toml`) knows the entities of
//! this news beat by all their names, with who uses which form. The rules know none of them:
//! capitalised sequences with titles, organisation and place heads and attribution cues
//! (`names.rs`), a world lexicon of countries and demonyms (`lexicon.rs`), date and number
//! grammars (`dates.rs`, `numbers.rs`), and document-level reasoning (`coref.rs`: a surname links
//! to the full name; a name keeps one type in a document). `combine.rs` joins neighbours
//! ("UN" + "World Food Program", "Karabakh" + "Armenians") and applies parenthetical aliases.
//!
//! Every mention is a byte span of the original file, with its type, canonical entity and the
//! layer that found it. `usage.rs` summarises mentions per entity and per outlet (which name each
//! outlet uses); `eval.rs` scores mentions against gold annotations.

mod combine;
mod coref;
mod dates;
pub mod eval;
mod gazetteer;
mod kb;
mod lexicon;
mod names;
pub(crate) mod numbers;
mod places;
mod sorted_list;
mod tokens;
pub mod usage;
mod words;

pub use kb::{Alias, Entity, KnowledgeBase};
pub use usage::{
    alias_usage, alias_usage_of, doc_names, preferred_by, summarize, AliasCount, BySource,
    DocNames, EntitySummary, EntityUsage, NamedWays, OutletUsage, SOURCES_LISTED,
};

use crate::model::{BlockKind, Document, Provenance};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::HashSet;
use tokens::Token;

/// What a mention names. Names first, then values (see `ANNOTATION.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Place,
    Norp,
    Date,
    Number,
}

impl EntityType {
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Norp,
        EntityType::Date,
        EntityType::Number,
    ];

    /// "PERSON", "ORG", …: the name in the gold format and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Norp => "NORP",
            EntityType::Date => "DATE",
            EntityType::Number => "NUMBER",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// PERSON, ORG, PLACE or NORP (as opposed to DATE and NUMBER values).
    pub fn is_name(self) -> bool {
        !matches!(self, EntityType::Date | EntityType::Number)
    }
}

/// Which layer found a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// Matched an alias in the knowledge base (or a known person's surname).
    KnowledgeBase,
    /// Found by the general rules, lexicon, grammars or the document's own metadata.
    Rules,
}

/// One mention of an entity in a document.
///
/// `(kind, canonical)` identifies the entity across documents: every alias of an entity gets
/// the same canonical name, so it is the key for entity panels, facets and matrices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// UTF-8 byte offsets into the original file, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The entity's canonical name; for dates an ISO date when the text pins one down,
    /// otherwise the text in lower case; for numbers the value in digits.
    pub canonical: String,
    pub layer: Layer,
}

impl Mention {
    /// The mention's surface text in the document it came from.
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.start..self.end).unwrap_or("")
    }
}

/// Finds every entity mention in a parsed document, in text order. `kb: None` runs the rules
/// alone (what an article about an unfamiliar subject gets).
///
/// All blocks except boilerplate are read; a byline author is a PERSON and a credited outlet an
/// ORG, because the parser says so.
pub fn recognize(doc: &Document, kb: Option<&KnowledgeBase>) -> Vec<Mention> {
    // Credits and bylines are lists of names, not headlines: their capitals are not Title Case.
    let blocks: Vec<Block> = doc
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Boilerplate)
        .map(|b| Block {
            start: b.start,
            end: b.end,
            headline_like: !matches!(b.kind, BlockKind::Credit | BlockKind::Byline),
        })
        .collect();
    let mut known = Vec::new();
    let text_span = |p: &Provenance| match *p {
        Provenance::Text { start, end, .. } => Some((start, end)),
        Provenance::Sidecar => None,
    };
    for a in &doc.meta.authors {
        if let Some((s, e)) = text_span(&a.source) {
            known.push((s, e, EntityType::Person, a.value.clone()));
        }
    }
    if let Some(o) = &doc.meta.outlet {
        if let Some((s, e)) = text_span(&o.source) {
            known.push((s, e, EntityType::Org, o.value.clone()));
        }
    }
    run(&doc.text, &blocks, &known, kb)
}

/// Finds every entity mention in a plain text, read as one paragraph.
pub fn recognize_text(text: &str, kb: Option<&KnowledgeBase>) -> Vec<Mention> {
    run(text, &[Block::whole(text)], &[], kb)
}

/// A stretch of text recognition reads (a block of the parsed document).
#[derive(Debug, Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
    /// May be written in Title Case (a headline, not a credit line).
    headline_like: bool,
}

impl Block {
    fn whole(text: &str) -> Block {
        Block {
            start: 0,
            end: text.len(),
            headline_like: true,
        }
    }
}

/// How sure a rule is of a name's type; a name takes its strongest reading in the document.
pub(crate) type Strength = u8;
pub(crate) const WEAK: Strength = 1;
pub(crate) const MEDIUM: Strength = 2;
pub(crate) const STRONG: Strength = 3;
/// Knowledge base, lexicon, metadata and grammars: not revised by document-level votes.
pub(crate) const FIXED: Strength = 4;

/// A mention under construction: a token range.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub a: usize,
    pub b: usize,
    pub kind: EntityType,
    pub canonical: String,
    pub layer: Layer,
    pub strength: Strength,
}

/// The working state of recognition over one document.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    /// Tokens already inside a mention.
    pub claimed: Vec<bool>,
    pub found: Vec<Found>,
    /// Per block: written in Title Case, where capitals say nothing.
    pub title_case: Vec<bool>,
    /// Words seen in lower case somewhere in the document ("security" makes a sentence-initial
    /// "Security" a common word).
    pub lower_words: HashSet<&'a str>,
    pub kb: Option<&'a KnowledgeBase>,
    /// Tokens and name units the rules have looked at: a measure of work that tests compare
    /// across input sizes (recognition must stay linear; no wall-clock in tests).
    pub work: Cell<u64>,
}

impl<'a> Ctx<'a> {
    /// Token k, or a token that matches nothing past the end.
    pub fn t(&self, k: usize) -> &Token<'a> {
        self.count(1);
        tokens::at(&self.toks, k)
    }

    /// Token k is inside a mention already (past the end counts as taken).
    pub fn is_claimed(&self, k: usize) -> bool {
        self.claimed.get(k).copied().unwrap_or(true)
    }

    pub fn free(&self, a: usize, b: usize) -> bool {
        a < b
            && self
                .claimed
                .get(a..b)
                .is_some_and(|c| !c.iter().any(|&c| c))
    }

    /// Records a mention if none of its tokens is taken yet.
    pub fn claim(&mut self, f: Found) -> bool {
        if !self.free(f.a, f.b) {
            return false;
        }
        if let Some(c) = self.claimed.get_mut(f.a..f.b) {
            c.iter_mut().for_each(|c| *c = true);
        }
        self.found.push(f);
        true
    }

    /// The text of tokens a..b, exactly as written.
    pub fn surface(&self, a: usize, b: usize) -> &'a str {
        let end = b.checked_sub(1).map_or(0, |l| self.t(l).end);
        self.text.get(self.t(a).start..end).unwrap_or("")
    }

    /// The place of the world list that tokens a..b name, if any (no allocation unless the
    /// name spans a line break or a run of spaces).
    pub fn place(&self, a: usize, b: usize) -> Option<places::PlaceKind> {
        let surface = self.surface(a, b);
        if surface.contains(|c: char| c.is_whitespace() && c != ' ') || surface.contains("  ") {
            places::place(&crate::text::normalize_space(surface))
        } else {
            places::place(surface)
        }
    }

    /// The text of tokens a..b with whitespace runs made single spaces.
    pub fn normalized(&self, a: usize, b: usize) -> String {
        crate::text::normalize_space(self.surface(a, b))
    }

    /// Token k if it is in the same block as token `of`.
    pub fn tok_in(&self, k: usize, of: usize) -> Option<&Token<'a>> {
        self.count(1);
        let block = self.toks.get(of)?.block;
        self.toks.get(k).filter(|t| t.block == block)
    }

    /// The token before k in the same block.
    pub fn prev(&self, k: usize) -> Option<&Token<'a>> {
        k.checked_sub(1).and_then(|p| self.tok_in(p, k))
    }

    /// Adds to the work done.
    pub fn count(&self, steps: usize) {
        self.work.set(self.work.get().saturating_add(steps as u64));
    }

    /// Byte span of found mention `f`.
    pub fn span_of(&self, f: &Found) -> (usize, usize) {
        let end = f.b.checked_sub(1).map_or(0, |l| self.t(l).end);
        (self.t(f.a).start, end)
    }
}

fn run(
    text: &str,
    blocks: &[Block],
    known: &[(usize, usize, EntityType, String)],
    kb: Option<&KnowledgeBase>,
) -> Vec<Mention> {
    run_counting(text, blocks, known, kb).0
}

/// Recognition, and the work it took (see `Ctx::work`).
fn run_counting(
    text: &str,
    blocks: &[Block],
    known: &[(usize, usize, EntityType, String)],
    kb: Option<&KnowledgeBase>,
) -> (Vec<Mention>, u64) {
    let mut toks = Vec::new();
    for (
        i,
        &Block {
            start: s, end: e, ..
        },
    ) in blocks.iter().enumerate()
    {
        if s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e) {
            tokens::tokenize_into(text, s, e, i as u32, &mut toks);
        }
    }
    let lower_words = toks
        .iter()
        .filter(|t| t.is_lowercase())
        .map(|t| t.text)
        .collect();
    let mut cx = Ctx {
        text,
        claimed: vec![false; toks.len()],
        title_case: names::title_case_blocks(&toks, blocks.len())
            .into_iter()
            .zip(blocks)
            .map(|(title_case, b)| title_case && b.headline_like)
            .collect(),
        toks,
        found: Vec::new(),
        lower_words,
        kb,
        work: Cell::new(0),
    };
    // Names the document's metadata vouches for (byline authors, credited outlets).
    for (s, e, kind, value) in known {
        let a = cx.toks.partition_point(|t| t.start < *s);
        let b = cx.toks.partition_point(|t| t.start < *e);
        if a < b && cx.t(a).start == *s && cx.t(b - 1).end == *e {
            let (canonical, layer) = kb
                .and_then(|kb| {
                    let (end, &i) = kb.gazetteer.longest_at(&cx.toks, a, |_| true)?;
                    (end == b && kb.entity(i).kind == *kind)
                        .then(|| (kb.entity(i).canonical.clone(), Layer::KnowledgeBase))
                })
                .unwrap_or_else(|| (crate::text::normalize_space(value), Layer::Rules));
            cx.claim(Found {
                a,
                b,
                kind: *kind,
                canonical,
                layer,
                strength: FIXED,
            });
        }
    }
    // Values before names, so that "Sunday", "Last week" or "Forty" never start a name.
    let claimed = cx.claimed.clone();
    let unclaimed = |k: usize| claimed.get(k) == Some(&false);
    for m in dates::find(text, &cx.toks, &unclaimed) {
        cx.claim(Found {
            a: m.a,
            b: m.b,
            kind: EntityType::Date,
            canonical: m.canonical,
            layer: Layer::Rules,
            strength: FIXED,
        });
    }
    let claimed = cx.claimed.clone();
    let unclaimed = |k: usize| claimed.get(k) == Some(&false);
    for m in numbers::find(text, &cx.toks, &unclaimed) {
        cx.claim(Found {
            a: m.a,
            b: m.b,
            kind: EntityType::Number,
            canonical: m.canonical,
            layer: Layer::Rules,
            strength: FIXED,
        });
    }
    if let Some(kb) = kb {
        match_kb(&mut cx, kb);
    }
    names::recognize(&mut cx);
    combine::apply(&mut cx);
    let mut out: Vec<Mention> = cx
        .found
        .iter()
        .map(|f| Mention {
            start: cx.span_of(f).0,
            end: cx.span_of(f).1,
            kind: f.kind,
            canonical: f.canonical.clone(),
            layer: f.layer,
        })
        .collect();
    out.sort_by_key(|m| (m.start, m.end));
    (out, cx.work.get())
}

/// The work recognising a plain text takes (tests of linearity).
#[cfg(test)]
fn work_for(text: &str, kb: Option<&KnowledgeBase>) -> u64 {
    run_counting(text, &[Block::whole(text)], &[], kb).1
}

/// The knowledge-base layer: aliases (longest first), then lone surnames of known people.
fn match_kb(cx: &mut Ctx, kb: &KnowledgeBase) {
    let mut i = 0;
    while i < cx.toks.len() {
        let hit = kb
            .gazetteer
            .longest_at(&cx.toks, i, |k| !cx.is_claimed(k))
            .map(|(end, &e)| (end, e));
        if let Some((end, e)) = hit {
            let entity = kb.entity(e);
            // "Washington Post", "Azerbaijan Airlines", "European Parliament": a place or group
            // right before an organisation head is part of the organisation's name; the rules
            // decide ("Azerbaijani Defense Ministry" still splits: "Defense" is no head).
            let head_after = cx.tok_in(end, i).is_some_and(|n| {
                n.space_before
                    && n.is_capitalised()
                    && !cx.is_claimed(end)
                    && words::is_in(n.text, &words::ORG_HEADS)
            });
            // Likewise an acronym before a head: "EU Council" when the base does not know it.
            let head_after_acronym = entity.kind == EntityType::Org
                && end == i + 1
                && cx.t(i).is_acronym()
                && cx.tok_in(end, i).is_some_and(|n| {
                    n.space_before
                        && n.is_capitalised()
                        && !cx.is_claimed(end)
                        && words::is_in(n.text, &words::ORG_HEADS)
                });
            let defer = (head_after && matches!(entity.kind, EntityType::Place | EntityType::Norp))
                || head_after_acronym;
            if !defer {
                cx.claim(Found {
                    a: i,
                    b: end,
                    kind: entity.kind,
                    canonical: entity.canonical.clone(),
                    layer: Layer::KnowledgeBase,
                    strength: FIXED,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    // "Aliyev" on its own: the Aliyev already named in this document, or the only one known.
    let named: Vec<u32> = cx
        .found
        .iter()
        .filter(|f| f.kind == EntityType::Person && f.layer == Layer::KnowledgeBase)
        .filter_map(|f| kb.index_of(f.kind, &f.canonical))
        .collect();
    for i in 0..cx.toks.len() {
        let t = *cx.t(i);
        if cx.is_claimed(i) || !t.is_capitalised() {
            continue;
        }
        // A surname stands alone: "Elnur Aliyev" is somebody else.
        let capital_neighbour =
            |k: Option<&Token>| k.is_some_and(|n| n.is_capitalised() && !n.is_possessive());
        if capital_neighbour(
            cx.prev(i)
                .filter(|_| t.space_before && !cx.is_claimed(i - 1)),
        ) || capital_neighbour(cx.tok_in(i + 1, i).filter(|n| n.space_before))
        {
            continue;
        }
        let person = named
            .iter()
            .copied()
            .find(|&p| kb.entity(p).surname.as_deref() == Some(t.text))
            .or_else(|| kb.person_by_surname(t.text));
        if let Some(p) = person {
            cx.claim(Found {
                a: i,
                b: i + 1,
                kind: EntityType::Person,
                canonical: kb.entity(p).canonical.clone(),
                layer: Layer::KnowledgeBase,
                strength: FIXED,
            });
        }
    }
}

#[cfg(test)]
mod tests;
