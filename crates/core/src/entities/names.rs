//! The name rules: capitalised sequences, and what their words and neighbours say they are.
//!
//! A sequence is a run of capitalised words (and acronyms), joined by spaces, by hyphens
//! ("Nagorno-Karabakh"), by particles ("de", "von"), after an organisation or place head or a
//! title by "of", "for", "to the" ("International Court of Justice", "Sea of Azov", "President of
//! Azerbaijan"), and by "and" when an organisation head follows ("Relief and Works Agency").
//! Then, in order:
//! - a sentence-initial word is only a name if it is known, or followed by more name words
//!   that are not common words ("Security Council" yes, "Ethnic cleansing" no);
//! - a compass word in front makes a place ("Eastern Ghouta");
//! - a country or demonym in front is tagged on its own before a title or a state body
//!   ("Azerbaijani | Defense Ministry", "U.S. | Secretary of State | Antony Blinken");
//! - a trailing plural demonym makes a group ("Karabakh Armenians"); an organisation head makes
//!   an ORG; titles are stripped and what follows is a PERSON; a place head makes a PLACE;
//! - anything else is typed by its neighbours (`classify_unknown`): "in X", "X region", "X said",
//!   "spokesman X", "a reporter for X", then by its shape (a given name, a surname ending).
//!
//! Document-level decisions (one type per name, surnames, sentence-initial words, headlines)
//! are in `coref.rs`.

use super::lexicon::{lexicon, Form, LexEntry};
use super::tokens::{self, Token};
use super::words::{self, is_in};
use super::{coref, Ctx, EntityType, Strength, FIXED, MEDIUM, STRONG, WEAK};

/// Not typed by its own context: a name only if another mention in the document types it.
pub(super) const UNSURE: Strength = 0;

/// A name candidate from the rules, before document-level decisions.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub a: usize,
    pub b: usize,
    /// `None`: typed later from its cues (`classify_unknown`) and the rest of the document.
    pub kind: Option<EntityType>,
    pub strength: Strength,
    pub canonical: Option<String>,
    /// A lone word at the start of a sentence: a name only if the document confirms it.
    pub pending: bool,
}

/// One word of a sequence: a token, or a lexicon name of several tokens ("Soviet Union").
#[derive(Debug, Clone, Copy)]
struct Unit {
    a: usize,
    b: usize,
    lex: Option<LexEntry>,
    join: Join,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    First,
    Space,
    Hyphen,
    /// "of", "for", "to the" between this unit and the previous one.
    Connector,
    /// "and" inside an organisation's name ("Relief and Works Agency").
    And,
}

/// Blocks in Title Case ("UN Mission Arrives in Karabakh Region After 30-Year Break").
pub(super) fn title_case_blocks(toks: &[Token], n: usize) -> Vec<bool> {
    // Per block: (words, capitalised words of four letters or more, lower-case ones).
    let mut counts = vec![(0u32, 0u32, 0u32); n];
    for t in toks.iter().filter(|t| t.is_word()) {
        let Some(c) = counts.get_mut(t.block as usize) else {
            continue;
        };
        c.0 += 1;
        if t.text.chars().count() < 4 || is_in(t.text, &words::STOP) || t.is_acronym() {
            continue;
        }
        if t.is_capitalised() {
            c.1 += 1;
        } else {
            c.2 += 1;
        }
    }
    counts
        .into_iter()
        .map(|(words, caps, lower)| caps >= 3 && lower == 0 && words <= 20)
        .collect()
}

/// Runs of two or more upper-case words with a long one ("UNITED NATIONS, AFP"): shouting,
/// not acronyms.
fn shouted(toks: &[Token]) -> Vec<bool> {
    let upper = |t: &Token| t.is_acronym() && !t.text.contains('.');
    let mut out = vec![false; toks.len()];
    // Runs of upper-case words in one block: [start, end).
    let mut run: Option<(usize, usize)> = None;
    let flush = |r: Option<(usize, usize)>, out: &mut Vec<bool>| {
        let Some((a, b)) = r else { return };
        let run = toks.get(a..b).unwrap_or_default();
        if b - a >= 2 && run.iter().any(|t| t.text.chars().count() >= 5) {
            if let Some(x) = out.get_mut(a..b) {
                x.iter_mut().for_each(|x| *x = true);
            }
        }
    };
    for (k, t) in toks.iter().enumerate() {
        run = match run {
            Some((a, b)) if upper(t) && tokens::at(toks, a).block == t.block => Some((a, b + 1)),
            _ if upper(t) => {
                flush(run, &mut out);
                Some((k, k + 1))
            }
            _ => {
                flush(run, &mut out);
                None
            }
        };
    }
    flush(run, &mut out);
    out
}

/// Wire datelines: upper-case words opening a block, before a comma or a bracketed agency
/// ("MOSCOW (AA) –", "BAKU, Azerbaijan, September 21.", "UNITED NATIONS, AFP"); two places
/// filed from are joined by a slash ("BRASÍLIA/MEXICO CITY —").
fn datelines(cx: &Ctx, cands: &mut Vec<Cand>) {
    let toks = &cx.toks;
    let upper = |t: &Token| t.is_acronym() && !t.text.contains('.') && t.text.len() >= 3;
    for (i, t) in toks.iter().enumerate() {
        let first = i == 0 || cx.t(i - 1).block != t.block;
        if !first {
            continue;
        }
        // Each place is a few words: never scan further (keeps long shouted blocks linear).
        let mut places = Vec::new();
        let mut a = i;
        loop {
            let mut j = a;
            // "PORT OF SPAIN": short words inside a place.
            let inner = |t: &Token| t.is_acronym() && !t.text.contains('.');
            // "LA PAZ", "EL PASO": a short first word when another follows.
            let short_first = |k: usize| {
                k == a
                    && cx.tok_in(k, i).is_some_and(inner)
                    && cx.tok_in(k + 1, i).is_some_and(upper)
            };
            while j < a + 6
                && cx
                    .tok_in(j, i)
                    .is_some_and(|t| upper(t) || (j > a && inner(t)) || short_first(j))
                && !cx.is_claimed(j)
            {
                j += 1;
            }
            let words = toks.get(a..j).unwrap_or_default();
            // A word of four letters or more, or two short ones ("LA PAZ"); not "UN" or "AP".
            let letters: usize = words.iter().map(|t| t.text.chars().count()).sum();
            let long = words.iter().any(|t| t.text.chars().count() >= 4)
                || (words.len() >= 2 && letters >= 5);
            if j == a || !long {
                places.clear();
                break;
            }
            places.push((a, j));
            let slash = cx.tok_in(j, i).is_some_and(|s| s.text == "/");
            if !slash || places.len() >= 3 {
                break;
            }
            a = j + 1;
        }
        let after = places
            .last()
            .and_then(|&(_, j)| cx.tok_in(j, i))
            .map(|t| t.text);
        if !matches!(after, Some("," | "(" | "—" | "–" | "-")) {
            continue;
        }
        // "MOSCOW (Reuters) —", "ANKARA, Jan 23 (Reuters) -": the bracket after a dateline (and
        // its date, which the date rules have taken) names the agency.
        let bracket = places.last().and_then(|&(_, j)| {
            (j..j + 6)
                .take_while(|&k| {
                    cx.tok_in(k, i)
                        .is_some_and(|t| t.text == "," || t.text == "(" || cx.is_claimed(k))
                })
                .find(|&k| cx.t(k).text == "(")
        });
        if let Some(j) = bracket {
            let close = (j + 2..j + 5).find(|&k| cx.tok_in(k, i).is_some_and(|t| t.text == ")"));
            if let Some(close) = close {
                let inside = toks.get(j + 1..close).unwrap_or_default();
                if inside
                    .iter()
                    .all(|t| t.is_capitalised() && !cx.is_claimed(j + 1))
                {
                    cands.push(Cand {
                        a: j + 1,
                        b: close,
                        kind: Some(EntityType::Org),
                        // Not another name of the place before it (`combine.rs`).
                        strength: FIXED,
                        canonical: None,
                        pending: false,
                    });
                }
            }
        }
        for (a, j) in places {
            let canonical = toks
                .get(a..j)
                .unwrap_or_default()
                .iter()
                .map(|t| {
                    let mut c = t.text.chars();
                    c.next().map_or(String::new(), |f| {
                        f.to_string() + &c.as_str().to_lowercase()
                    })
                })
                .collect::<Vec<_>>()
                .join(" ");
            cands.push(Cand {
                a,
                b: j,
                kind: Some(EntityType::Place),
                strength: STRONG,
                canonical: Some(canonical),
                pending: false,
            });
        }
    }
}

pub(super) fn recognize(cx: &mut Ctx) {
    let n = cx.toks.len();
    // Lexicon names starting at each token (only where a name can start).
    let lex: Vec<Option<(usize, LexEntry)>> = (0..n)
        .map(|i| {
            if cx.is_claimed(i) || !cx.t(i).is_capitalised() {
                return None;
            }
            lexicon()
                .gazetteer
                .longest_at(&cx.toks, i, |k| !cx.is_claimed(k))
                .map(|(e, v)| (e, *v))
        })
        .collect();
    let shout = shouted(&cx.toks);
    let mut cands = Vec::new();
    datelines(cx, &mut cands);
    let mut i = 0;
    let mut skip = shout;
    for c in &cands {
        if let Some(s) = skip.get_mut(c.a..c.b) {
            s.iter_mut().for_each(|s| *s = true);
        }
    }
    while i < n {
        let title_case = cx.title_case.get(cx.t(i).block as usize) == Some(&true);
        if !name_start(cx, i) || skip.get(i) == Some(&true) || title_case {
            i += 1;
            continue;
        }
        let units = sequence(cx, &lex, i);
        let end = units.last().map_or(i + 1, |u| u.b);
        analyse(cx, &units, &mut cands);
        i = end.max(i + 1);
    }
    // "Hanbit Semiconductor Co.", "Acme Inc.": a company's abbreviated legal form keeps its dot.
    for c in cands.iter_mut().filter(|c| c.kind == Some(EntityType::Org)) {
        let abbreviated = cx
            .t(c.b.saturating_sub(1))
            .in_ci(&["co", "corp", "inc", "ltd", "bhd"]);
        if abbreviated
            && cx
                .tok_in(c.b, c.a)
                .is_some_and(|d| d.text == "." && !d.space_before)
        {
            c.b += 1;
        }
    }
    // Type the unknown candidates from their own cues.
    for c in cands.iter_mut().filter(|c| c.kind.is_none() && !c.pending) {
        let (kind, strength, b) = classify_unknown(cx, c.a, c.b);
        c.kind = Some(kind);
        c.strength = strength;
        c.b = b;
    }
    coref::resolve(cx, cands, &lex);
}

/// A capitalised word or acronym that no mention has taken.
fn name_start(cx: &Ctx, k: usize) -> bool {
    let t = cx.t(k);
    !cx.is_claimed(k) && t.is_capitalised() && !t.is_possessive()
}

fn unit_at(lex: &[Option<(usize, LexEntry)>], k: usize, join: Join) -> Unit {
    let (b, lex) = match lex.get(k) {
        Some(&Some((b, e))) => (b, Some(e)),
        _ => (k + 1, None),
    };
    Unit { a: k, b, lex, join }
}

/// Connector words inside a name ("of", "of the", "for", "for the", "to", "to the", "on the"):
/// how many tokens.
fn connector(cx: &Ctx, k: usize) -> Option<usize> {
    let t = cx.toks.get(k)?;
    if !t.space_before || !(t.is("of") || t.is("for") || t.is("to") || t.is("on")) {
        return None;
    }
    if cx
        .tok_in(k + 1, k)
        .is_some_and(|n| n.space_before && n.is("the"))
    {
        return Some(2);
    }
    Some(1)
}

/// After "and" at token k: a run of capitalised words that ends with an organisation head
/// ("Relief and Works Agency"), so the "and" is inside one name.
fn and_joins(cx: &Ctx, k: usize) -> bool {
    let and = cx.toks.get(k);
    if !and.is_some_and(|t| (t.is("and") || t.text == "&") && t.space_before) {
        return false;
    }
    let mut j = k + 1;
    while j <= k + MAX_UNITS && cx.tok_in(j, k).is_some_and(|t| t.space_before) && name_start(cx, j)
    {
        j += 1;
    }
    j > k + 1 && is_in(cx.t(j - 1).text, &words::ORG_HEADS)
}

/// After a possessive at token k: a run of capitalised words that ends with an organisation head
/// ("Farmers' Association", "Children's Fund").
fn possessive_joins(cx: &Ctx, k: usize) -> bool {
    let mut j = k;
    while j < k + 4 && cx.tok_in(j, k).is_some_and(|t| t.space_before) && name_start(cx, j) {
        j += 1;
    }
    j > k && is_in(cx.t(j - 1).text, &words::ORG_HEADS)
}

/// The most units a name has. A longer run of capitalised words is cut into names of at most
/// this size: no real name is that long, and the bound keeps the analysis of each sequence (which
/// may split and re-read it) constant, so recognition stays linear on a run of thousands of
/// capitalised words or acronyms.
const MAX_UNITS: usize = 16;

/// The longest sequence of name units from token i (at most `MAX_UNITS`).
fn sequence(cx: &Ctx, lex: &[Option<(usize, LexEntry)>], i: usize) -> Vec<Unit> {
    let mut last = unit_at(lex, i, Join::First);
    let mut units = vec![last];
    // Inside the "of ..." tail of an organisation or place name, more connectors may follow
    // ("Office for the Coordination of Humanitarian Affairs").
    let mut in_tail = false;
    while units.len() < MAX_UNITS {
        if let Some(&l) = units.last() {
            last = l;
        }
        let j = last.b;
        let Some(t) = cx.tok_in(j, i) else { break };
        if t.space_before && name_start(cx, j) && !t.sentence_start {
            units.push(unit_at(lex, j, Join::Space));
            continue;
        }
        // "RFE/RL": two acronyms are one name.
        if t.text == "/"
            && !t.space_before
            && cx.t(last.b - 1).is_acronym()
            && cx
                .tok_in(j + 1, i)
                .is_some_and(|n| !n.space_before && n.is_acronym() && !cx.is_claimed(j + 1))
        {
            if let Some(l) = units.last_mut() {
                l.b = j + 2;
            }
            continue;
        }
        // "Nagorno-Karabakh", "Secretary-General".
        if t.text == "-" && !t.space_before {
            if cx.tok_in(j + 1, i).is_some_and(|n| !n.space_before) && name_start(cx, j + 1) {
                units.push(unit_at(lex, j + 1, Join::Hyphen));
                continue;
            }
            let glued = |k: usize| cx.tok_in(k, i).filter(|n| !n.space_before);
            // "Han Ki-jeong", "Park Sung-ho": a two-syllable given name after a family name.
            let syllable = |w: &str| (2..=5).contains(&w.chars().count());
            if units.len() >= 2
                && last.b - last.a == 1
                && last.lex.is_none()
                && syllable(last_tok_text(cx, last))
                && glued(j + 1).is_some_and(|n| {
                    n.is_lowercase() && syllable(n.text) && !is_in(n.text, &words::HYPHEN_SUFFIXES)
                })
                && !cx.is_claimed(j + 1)
            {
                if let Some(l) = units.last_mut() {
                    l.b = j + 2;
                }
                continue;
            }
            // "Dunkwa-on-Offin", "Stratford-upon-Avon", "Frankfurt-am-Main": one place.
            if glued(j + 1).is_some_and(|p| p.is_lowercase() && is_in(p.text, &words::PLACE_LINKS))
                && glued(j + 2).is_some_and(|h| h.text == "-")
                && glued(j + 3).is_some()
                && name_start(cx, j + 3)
            {
                if let Some(l) = units.last_mut() {
                    l.b = j + 4;
                    l.lex = None;
                }
                continue;
            }
            break;
        }
        // "Offin Basin Farmers' Association", "European Patients' Forum", "UN Children's Fund":
        // a possessive inside an organisation's name.
        // (A common noun owns: "Farmers'", "Children's", "Fishermen's"; "Khalifa Haftar's Libyan
        // National Army" is a person and his organisation.)
        let owner = cx.t(j - 1);
        let plural = ["men", "ren"].iter().any(|e| owner.text.ends_with(e));
        let common_owner = cx.lower_words.contains(owner.text.to_lowercase().as_str())
            || is_in(owner.text, &words::COMMON_CAPS)
            || plural
            || matches!(t.text, "'" | "’");
        if (t.is_possessive() || (matches!(t.text, "'" | "’") && owner.text.ends_with('s')))
            && common_owner
            && !t.space_before
            && last.lex.is_none()
            && cx.place(units.first().map_or(i, |u| u.a), j).is_none()
            && possessive_joins(cx, j + 1)
        {
            units.push(unit_at(lex, j + 1, Join::Space));
            continue;
        }
        // "Mr. Smith", "John F. Kennedy": an abbreviation or an initial and its dot.
        let last_tok = cx.t(last.b - 1);
        if t.text == "."
            && !t.space_before
            && last.b - last.a == 1
            && (last_tok.text.chars().count() == 1
                || last_tok.in_ci(&[
                    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "sen", "rep",
                    "gov", "prof", "st",
                ]))
            && cx.tok_in(j + 1, i).is_some_and(|n| n.space_before)
            && name_start(cx, j + 1)
        {
            units.push(unit_at(lex, j + 1, Join::Space));
            continue;
        }
        // "Charles de Gaulle", "Bashar al-Assad".
        if t.space_before
            && t.is_lowercase()
            && is_in(t.text, &words::PARTICLES)
            && last.lex.is_none()
        {
            if let Some(n) = cx.tok_in(j + 1, i) {
                if n.space_before && name_start(cx, j + 1) {
                    units.push(unit_at(lex, j + 1, Join::Space));
                    continue;
                }
                // "von der Leyen", "de la Cruz".
                if n.space_before
                    && n.is_lowercase()
                    && is_in(n.text, &words::PARTICLES)
                    && cx.tok_in(j + 2, i).is_some_and(|m| m.space_before)
                    && name_start(cx, j + 2)
                {
                    units.push(unit_at(lex, j + 2, Join::Space));
                    continue;
                }
                if n.text == "-"
                    && !n.space_before
                    && cx.tok_in(j + 2, i).is_some_and(|m| !m.space_before)
                    && name_start(cx, j + 2)
                {
                    units.push(unit_at(lex, j + 2, Join::Space));
                    continue;
                }
            }
        }
        // "International Court of Justice", "Sea of Azov", "Assistant to the President".
        // A company's legal form or plural business word takes no "of" ("Vistula Resource
        // Partners of Warsaw" is a company and a place); "Port of Spain", "Bay of Bengal" do.
        let headed = last.lex.is_none()
            && !word_in(cx, last, &words::LEGAL_FORMS)
            && (is_org_head(cx, last)
                || is_title(cx, last)
                || is_place_head(cx, last)
                || word_in(cx, last, &words::PLACE_FIRST));
        if headed || in_tail {
            if let Some(len) = connector(cx, j) {
                // "Council on Foreign Relations", but not "the Security Council on Sudan".
                let on_place = cx.t(j).is("on") && lex.get(j + len).is_some_and(Option::is_some);
                if cx.tok_in(j + len, i).is_some_and(|n| n.space_before)
                    && name_start(cx, j + len)
                    && !on_place
                {
                    in_tail |= !is_title(cx, last);
                    units.push(unit_at(lex, j + len, Join::Connector));
                    continue;
                }
            }
        }
        // "Federal Institute for Drugs and Medical Devices", "Ministry of Trade, Industry and
        // Energy": inside the tail of an organisation's name, "and" and a listing comma go on.
        if in_tail && last.lex.is_none() {
            let and = t.space_before && (t.is("and") || t.text == "&");
            let next_spaced = cx.tok_in(j + 1, i).is_some_and(|n| n.space_before);
            if and && next_spaced && name_start(cx, j + 1) {
                units.push(unit_at(lex, j + 1, Join::And));
                continue;
            }
            let listing = t.text == ","
                && next_spaced
                && name_start(cx, j + 1)
                && cx
                    .tok_in(j + 2, i)
                    .is_some_and(|a| a.is("and") || a.text == ",");
            if listing {
                units.push(unit_at(lex, j + 1, Join::And));
                continue;
            }
        }
        // "Relief and Works Agency" (but "European Union and Turkish Airlines" are two).
        if !units.iter().any(|&u| is_org_head(cx, u)) && last.lex.is_none() && and_joins(cx, j) {
            units.push(unit_at(lex, j + 1, Join::And));
            continue;
        }
        break;
    }
    units
}

/// Unit k, or a unit of no tokens (which is no word, title or head) past the end.
fn nth(u: &[Unit], k: usize) -> Unit {
    u.get(k).copied().unwrap_or(Unit {
        a: 0,
        b: 0,
        lex: None,
        join: Join::First,
    })
}

/// Units from k on (none past the end).
fn from(u: &[Unit], k: usize) -> &[Unit] {
    u.get(k..).unwrap_or_default()
}

/// Units before k (all of them past the end).
fn upto(u: &[Unit], k: usize) -> &[Unit] {
    u.get(..k).unwrap_or(u)
}

fn single<'a>(cx: &'a Ctx, u: Unit) -> Option<&'a Token<'a>> {
    (u.b - u.a == 1 && u.lex.is_none()).then(|| cx.t(u.a))
}

fn word_in(cx: &Ctx, u: Unit, list: &words::WordSet) -> bool {
    single(cx, u).is_some_and(|t| !t.is_acronym() && is_in(t.text, list))
}

fn is_title(cx: &Ctx, u: Unit) -> bool {
    word_in(cx, u, &words::TITLES)
}

fn is_org_head(cx: &Ctx, u: Unit) -> bool {
    // Legal forms are written in capitals: "Hallbergen Pharma AG", "Grupo Bimbo SA".
    word_in(cx, u, &words::ORG_HEADS)
        || single(cx, u).is_some_and(|t| t.is_acronym() && is_in(t.text, &words::LEGAL_FORMS))
}

fn is_place_head(cx: &Ctx, u: Unit) -> bool {
    word_in(cx, u, &words::PLACE_HEADS)
}

/// The unit whose word says what kind of organisation or place this is: the last one, or the
/// one before the first connector ("Court" in "International Court of Justice").
fn head(units: &[Unit]) -> Unit {
    match units.iter().skip(1).position(|u| u.join == Join::Connector) {
        Some(p) => nth(units, p),
        None => nth(units, units.len().saturating_sub(1)),
    }
}

fn org_named(cx: &Ctx, units: &[Unit]) -> bool {
    let media_first = word_in(cx, nth(units, 0), &words::ORG_FIRST);
    let last = nth(units, units.len().saturating_sub(1));
    units.len() >= 2 && (is_org_head(cx, head(units)) || is_org_head(cx, last) || media_first)
}

/// A state body: "Defense Ministry", and a lone "Navy" or "Army" after a nationality
/// ("Brazilian | Navy").
fn gov_named(cx: &Ctx, units: &[Unit]) -> bool {
    // ("European Parliament" stays one name: the lone split is for forces and police.)
    let lone = units.len() == 1
        && single(cx, nth(units, 0))
            .is_some_and(|t| t.in_ci(&["navy", "army", "police", "military", "coastguard"]));
    (org_named(cx, units) || lone) && word_in(cx, head(units), &words::GOV_HEADS)
}

fn place_named(cx: &Ctx, units: &[Unit]) -> bool {
    units.len() >= 2
        && (is_place_head(cx, head(units)) || word_in(cx, nth(units, 0), &words::PLACE_FIRST))
}

fn is_plural_group(u: &Unit) -> bool {
    u.lex.is_some_and(|l| l.form == Form::Plural)
}

/// Words (space-separated) in a run of units: a hyphenated compound is one word (the first unit
/// always starts one).
fn word_count(units: &[Unit]) -> usize {
    let rest = from(units, 1).iter().filter(|u| u.join != Join::Hyphen);
    usize::from(!units.is_empty()) + rest.count()
}

fn span(units: &[Unit]) -> (usize, usize) {
    (nth(units, 0).a, nth(units, units.len().saturating_sub(1)).b)
}

fn push(cands: &mut Vec<Cand>, units: &[Unit], kind: Option<EntityType>, strength: Strength) {
    if units.is_empty() {
        return;
    }
    let (a, b) = span(units);
    cands.push(Cand {
        a,
        b,
        kind,
        strength,
        canonical: None,
        pending: false,
    });
}

fn push_lex(cands: &mut Vec<Cand>, u: Unit) {
    if let Some(l) = u.lex {
        cands.push(Cand {
            a: u.a,
            b: u.b,
            kind: Some(l.kind()),
            strength: FIXED,
            canonical: Some(l.canonical.to_string()),
            pending: false,
        });
    }
}

/// Decides what a sequence of units names; may split it. The first unit is read as the start of
/// a name whatever joined it to what came before (the rest of a split is no longer a
/// continuation).
fn analyse(cx: &Ctx, units: &[Unit], cands: &mut Vec<Cand>) {
    cx.count(units.len());
    let mut u = units;
    // "The World Court", sentence-initial "However", "In": not part of the name.
    while let Some(t) = u.first().and_then(|&f| single(cx, f)) {
        let stop = is_in(t.text, &words::STOP)
            && !t.is_acronym()
            && (t.sentence_start || t.is("The") || t.is("A") || t.is("An"));
        if !stop {
            break;
        }
        u = from(u, 1);
    }
    if u.is_empty() {
        return;
    }
    // "The Hague", "British Columbia", "Rio de Janeiro", "(in) Mexico City": a place of the world
    // list at the start of the sequence, before any other reading splits it. "The" counts when
    // the list has it ("The Hague").
    for v in [units, u] {
        let place_end = (2..=v.len().min(6))
            .rev()
            .find(|&k| cx.place(nth(v, 0).a, nth(v, k - 1).b).is_some());
        if let Some(k) = place_end {
            push(cands, upto(v, k), Some(EntityType::Place), STRONG);
            return analyse(cx, from(v, k), cands);
        }
    }
    let first = nth(u, 0);
    let first_tok = cx.t(first.a);
    // "Lawmaker Hana-Rawhiti Maipi-Clarke", "Economist Grace Lin said": a sentence-initial job
    // noun used as a title; the person follows.
    if first_tok.sentence_start
        && !is_title(cx, first)
        && single(cx, first).is_some_and(|t| !t.is_acronym() && words::is_job(t.text))
        && nth(u, 1).join == Join::Space
    {
        let rest = from(u, 1);
        if rest.iter().any(|x| x.lex.is_some()) || org_named(cx, rest) || place_named(cx, rest) {
            return analyse(cx, rest, cands);
        }
        return push(cands, rest, Some(EntityType::Person), STRONG);
    }
    if first_tok.sentence_start
        && first.lex.is_none()
        && !is_title(cx, first)
        && !first_tok.is_acronym()
    {
        if word_count(u) == 1 {
            let (a, b) = span(u);
            cands.push(Cand {
                a,
                b,
                kind: None,
                strength: WEAK,
                canonical: None,
                pending: true,
            });
            return;
        }
        // "Ethnic Armenians fled": a common word that happens to start the sentence (but "De
        // Vries called": a name's particle).
        let lower = first_tok.text.to_lowercase();
        let common =
            cx.lower_words.contains(lower.as_str()) && !is_in(first_tok.text, &words::PARTICLES);
        if common && !org_named(cx, u) && !place_named(cx, u) && nth(u, 1).join == Join::Space {
            return analyse(cx, from(u, 1), cands);
        }
    }
    let n = u.len();
    let last = nth(u, n - 1);
    // "Eastern Ghouta", "Western Europe", "Upper Karabakh".
    if n >= 2
        && word_in(cx, first, &words::DIRECTIONS)
        && nth(u, 1).join == Join::Space
        && !org_named(cx, u)
        && !is_plural_group(&last)
        && !is_title(cx, nth(u, 1))
        && from(u, 1)
            .iter()
            .all(|x| x.lex.is_none_or(|l| l.form == Form::Place))
    {
        return push(cands, u, Some(EntityType::Place), STRONG);
    }
    if u.iter().all(|x| x.lex.is_some()) {
        // Each lexicon name on its own ("Armenia-Azerbaijan", "Russian Federation Ukraine").
        for &x in u {
            push_lex(cands, x);
        }
        return;
    }
    // "Afro-Colombian", "Anglo-Irish": a compound group name.
    if n == 2
        && word_in(cx, first, &words::GROUP_PREFIXES)
        && last.join == Join::Hyphen
        && last.lex.is_some_and(|l| l.kind() == EntityType::Norp)
    {
        return push(cands, u, Some(EntityType::Norp), STRONG);
    }
    if first.lex.is_some() {
        let rest = from(u, 1);
        // "Niger Delta", "Sinai Peninsula", "Congo Basin": a country's name and a feature.
        if rest.len() == 1
            && first.lex.is_some_and(|l| l.form == Form::Place)
            && is_place_head(cx, nth(rest, 0))
            && nth(rest, 0).join == Join::Space
        {
            return push(cands, u, Some(EntityType::Place), STRONG);
        }
        if matches!(
            nth(rest, 0).join,
            Join::Hyphen | Join::Connector | Join::And
        ) {
            push_lex(cands, first);
            return analyse(cx, rest, cands);
        }
        if gov_named(cx, rest) {
            // "Azerbaijani Defense Ministry" → NORP + ORG.
            push_lex(cands, first);
            return push(cands, rest, Some(EntityType::Org), STRONG);
        }
        // "Azerbaijani President Ilham Aliyev", "European Commission President Ursula von der
        // Leyen": what comes before the title, then the person.
        if let Some(p) = title_split(cx, u).filter(|_| !org_named(cx, rest)) {
            analyse(cx, upto(u, p), cands);
            return title_led(cx, from(u, p), cands);
        }
        if org_named(cx, u) {
            // "European Union", "Turkish Airlines".
            return push(cands, u, Some(EntityType::Org), STRONG);
        }
        if is_plural_group(&last) {
            return push(cands, u, Some(EntityType::Norp), STRONG);
        }
        push_lex(cands, first);
        return analyse(cx, rest, cands);
    }
    if n >= 2 && is_plural_group(&last) && last.join == Join::Space {
        // "Karabakh Armenians", "Nagorno-Karabakh Armenians".
        return push(cands, u, Some(EntityType::Norp), STRONG);
    }
    if org_named(cx, u) {
        // "... of the Presidential Administration Hikmet Hajiyev": a name after the last head.
        let h = (0..n)
            .rev()
            .find(|&k| is_org_head(cx, nth(u, k)))
            .unwrap_or(n - 1);
        if h + 1 < n && h > 0 && nth(u, h + 1).join == Join::Space {
            push(cands, upto(u, h + 1), Some(EntityType::Org), STRONG);
            return analyse(cx, from(u, h + 1), cands);
        }
        return push(cands, u, Some(EntityType::Org), STRONG);
    }
    if is_title(cx, first) {
        return title_led(cx, u, cands);
    }
    // "Deputy governor Jonathan Heath", "the lawyer Victoria Park": a given name after a job is a
    // person whatever the last word could head.
    let job_before = cx
        .prev(first.a)
        .is_some_and(|p| p.is_lowercase() && is_in(p.text, &words::PERSON_NOUNS));
    if job_before && n == 2 && single(cx, first).is_some_and(|t| words::is_given_name(t.text)) {
        return push(cands, u, Some(EntityType::Person), STRONG);
    }
    if place_named(cx, u) {
        return push(cands, u, Some(EntityType::Place), STRONG);
    }
    // "United Nations Secretary-General Antonio Guterres": a name, a title, a person.
    if let Some(p) = title_split(cx, u) {
        analyse(cx, upto(u, p), cands);
        return title_led(cx, from(u, p), cands);
    }
    // "Imran Baloch", "Dawn French": a given name and one nationality word is a person.
    if n == 2
        && single(cx, first).is_some_and(|t| words::is_given_name(t.text))
        && last.lex.is_some_and(|l| l.form == Form::Adjective)
        && last.join == Join::Space
    {
        return push(cands, u, Some(EntityType::Person), MEDIUM);
    }
    // A lexicon name inside ("Trend Azerbaijan"): split there, unless the sentence says the
    // whole is a company ("Virgin Australia said it", "shares in Air Mauritius").
    if let Some(p) = u.iter().position(|x| x.lex.is_some()) {
        if p + 1 == n && p > 0 && last.lex.is_some_and(|l| l.form == Form::Place) {
            let (a, b) = span(u);
            let (kind, strength, _) = classify_unknown(cx, a, b);
            if kind == EntityType::Org && strength >= MEDIUM {
                return push(cands, u, Some(EntityType::Org), strength);
            }
        }
        analyse(cx, upto(u, p), cands);
        return analyse(cx, from(u, p), cands);
    }
    // "the Aghdam-Khankendi border": two names.
    let after = cx.tok_in(last.b, first.a);
    if from(u, 1).iter().any(|x| x.join == Join::Hyphen)
        && after.is_some_and(|t| {
            t.space_before && t.is_lowercase() && is_in(t.text, &words::RELATION_NOUNS)
        })
    {
        let mut start = 0;
        for k in 1..=n {
            if k == n || nth(u, k).join == Join::Hyphen {
                analyse(cx, u.get(start..k).unwrap_or_default(), cands);
                start = k;
            }
        }
        return;
    }
    if n == 1 && first.lex.is_none() && first.b - first.a == 3 && cx.t(first.a).is_acronym() {
        // "RFE/RL"
        return push(cands, u, Some(EntityType::Org), MEDIUM);
    }
    if let Some(t) = single(cx, first).filter(|_| n == 1) {
        if t.is_acronym() {
            if t.text.chars().filter(|c| c.is_alphabetic()).count() <= 6
                && !is_in(t.text, &words::NOT_ORG_ACRONYMS)
            {
                push(cands, u, Some(EntityType::Org), MEDIUM);
            }
            return;
        }
        if [
            &words::GENERIC,
            &words::TITLES,
            &words::ORG_HEADS,
            &words::STOP,
        ]
        .iter()
        .any(|l| is_in(t.text, l))
        {
            return;
        }
    }
    // "UN Charter", "UN Mission": an acronym before words that do not make an organisation name.
    if let Some(t) = single(cx, first).filter(|t| n > 1 && t.is_acronym()) {
        // "MT Karimun Star", "MV Ever Given": a vessel's prefix is no organisation.
        if !is_in(t.text, &words::NOT_ORG_ACRONYMS) {
            push(cands, upto(u, 1), Some(EntityType::Org), MEDIUM);
        }
        return analyse(cx, from(u, 1), cands);
    }
    push(cands, u, None, WEAK);
}

/// Where a title starts inside a sequence and a name follows it: "UN | Secretary-General |
/// Antonio Guterres".
fn title_split(cx: &Ctx, u: &[Unit]) -> Option<usize> {
    let p = (1..u.len()).find(|&p| is_title(cx, nth(u, p)) && nth(u, p).join == Join::Space)?;
    let after = from(u, p)
        .iter()
        .position(|&x| !is_title(cx, x))
        .map(|q| p + q)?;
    (nth(u, after).join == Join::Space).then_some(p)
}

/// "Foreign Minister Jeyhun Bayramov" → PERSON "Jeyhun Bayramov"; "President of Azerbaijan" →
/// whatever "Azerbaijan" is; "Prime Minister" alone → nothing.
fn title_led(cx: &Ctx, units: &[Unit], cands: &mut Vec<Cand>) {
    let mut k = 0;
    while k < units.len() && is_title(cx, nth(units, k)) {
        if k > 0 && nth(units, k).join == Join::Connector && org_named(cx, from(units, k)) {
            break;
        }
        k += 1;
    }
    // "the High Atlas", "State Street": words that only build titles ("High Commissioner",
    // "State Secretary") are no title on their own.
    if from(units, 0)
        .iter()
        .take(k)
        .all(|&u| word_in(cx, u, &words::TITLE_BUILDERS))
    {
        return push(cands, units, None, WEAK);
    }
    let rest = from(units, k);
    if rest.is_empty() {
        return;
    }
    let first = nth(rest, 0);
    let acronym = rest.len() == 1 && single(cx, first).is_some_and(|t| t.is_acronym());
    if first.join == Join::Connector || first.lex.is_some() || org_named(cx, rest) || acronym {
        return analyse(cx, rest, cands);
    }
    push(cands, rest, Some(EntityType::Person), STRONG);
}

/// Types a name the sequence rules could not: from the words around it, then from its shape.
/// Returns the type, how sure (`UNSURE`: only if the document confirms it), and the end (a
/// route noun after it joins the name).
pub(super) fn classify_unknown(cx: &Ctx, a: usize, b: usize) -> (EntityType, Strength, usize) {
    let toks = &cx.toks;
    let at = |k: usize| cx.tok_in(k, a);
    let before = |k: usize| a.checked_sub(k).and_then(|p| cx.tok_in(p, a));
    let name_words = name_words(cx, a, b);
    let words = name_words.len().max(1);
    // "the tanker Ever Glory", "the Hong Kong-flagged Joseph Schulte": a ship's name, which is
    // no entity of the guidelines.
    if before(1).is_some_and(|p| {
        (p.is_lowercase() && is_in(p.text, &words::VESSEL_NOUNS))
            || (p.is("flagged") && before(2).is_some_and(|h| h.text == "-"))
    }) {
        return (EntityType::Person, UNSURE, b);
    }
    // "the Lachin road": the route noun is part of the name.
    if at(b)
        .is_some_and(|n| n.space_before && n.is_lowercase() && is_in(n.text, &words::ROUTE_NOUNS))
    {
        return (EntityType::Place, STRONG, b + 1);
    }
    // "the Karabakh region", "the Karabakh (Garabagh) region".
    let mut k = b;
    if at(k).is_some_and(|t| t.text == "(") {
        if let Some(close) =
            (k + 1..(k + 6).min(toks.len())).find(|&j| at(j).is_some_and(|t| t.text == ")"))
        {
            k = close + 1;
        }
    }
    if at(k).is_some_and(|n| n.is_lowercase() && is_in(n.text, &words::PLACE_NOUNS)) {
        return (EntityType::Place, STRONG, b);
    }
    // "Aghdam, Azerbaijan" (but "Volaro, Europe's biggest airline": an apposition).
    if at(b).is_some_and(|c| c.text == ",")
        && lexicon()
            .gazetteer
            .longest_at(toks, b + 1, |j| cx.tok_in(j, a).is_some())
            .is_some_and(|(end, e)| {
                e.form == Form::Place && !at(end).is_some_and(|p| p.is_possessive())
            })
    {
        return (EntityType::Place, STRONG, b);
    }
    // "the Civil Contract party", "the Armenpress news agency", "Kremlin spokesperson",
    // "media outlet Meduza".
    let org_noun = |k: usize| {
        at(k)
            .is_some_and(|n| n.space_before && n.is_lowercase() && is_in(n.text, &words::ORG_NOUNS))
    };
    let modifier = at(b).is_some_and(|n| {
        n.space_before
            && n.in_ci(&[
                "news",
                "media",
                "state",
                "television",
                "tv",
                "radio",
                "press",
            ])
    });
    let spokesman = at(b)
        .is_some_and(|n| n.space_before && n.in_ci(&["spokesman", "spokeswoman", "spokesperson"]));
    let after_noun = before(1).is_some_and(|p| {
        p.is_lowercase() && is_in(p.text, &words::ORG_NOUNS) && !p.in_ci(&["party", "movement"])
    });
    // A lone sentence-initial word may be a common noun ("Tanker operator", "Rescue chief"):
    // what follows it is then weaker evidence.
    let lone_start = b == a + 1 && cx.t(a).sentence_start && {
        let w = cx.t(a).text;
        is_in(w, &words::COMMON_CAPS) || cx.lower_words.contains(w.to_lowercase().as_str())
    };
    let after_strength = if lone_start { MEDIUM } else { STRONG };
    if org_noun(b) || (modifier && org_noun(b + 1)) || spokesman {
        return (EntityType::Org, after_strength, b);
    }
    if after_noun {
        return (EntityType::Org, STRONG, b);
    }
    // "wrote on Facebook", "wrote on his Twitter": a platform.
    let det = before(1).is_some_and(|d| d.in_ci(&["his", "her", "their", "its", "the"])) as usize;
    if before(1 + det).is_some_and(|p| p.is("on"))
        && before(2 + det).is_some_and(|v| {
            v.in_ci(&[
                "wrote",
                "posted",
                "said",
                "tweeted",
                "published",
                "shared",
                "announced",
                "reported",
                "written",
                "posts",
                "writes",
            ])
        })
    {
        return (EntityType::Org, STRONG, b);
    }
    // "a reporter for Al Jazeera", "an analyst at Sterling Ashcombe Capital".
    if before(1).is_some_and(|p| p.in_ci(&["for", "with", "at", "of"]))
        && before(2).is_some_and(|p| {
            is_in(p.text, &words::MEDIA_NOUNS) || is_in(p.text, &words::STAFF_NOUNS)
        })
    {
        return (EntityType::Org, STRONG, b);
    }
    // "The unions Filt-CGIL and Uiltrasporti", "airlines such as Ryanair", "roasters including
    // Nestlé": organisations named after a plural of what they are.
    if org_plural_before(cx, a) {
        return (EntityType::Org, STRONG, b);
    }
    // "a group calling itself NightVeil", "the committee, known as Copom", "a village called
    // Imlil": the noun before says what the name is.
    if let Some(kind) = named_as(cx, a) {
        return (kind, STRONG, b);
    }
    // "head of commodity research at Rabobank", "a senior economist at Banco Sabadell": a job
    // held at an organisation (a place of the world list stays a place).
    if before(1).is_some_and(|p| p.is("at")) && cx.place(a, b).is_none() && role_before(cx, a - 1) {
        return (EntityType::Org, MEDIUM, b);
    }
    // "Reporting by Stanley Widianto; Writing by John Geddie": credits name people.
    if before(1).is_some_and(|p| p.is_ci("by"))
        && before(2).is_some_and(|p| is_in(p.text, &words::CREDIT_VERBS))
    {
        return (EntityType::Person, STRONG, b);
    }
    // "spokesman Stephane Dujarric", "Prime Minister, Nikol Pashinian", "\"president,\" Samvel".
    let mut j = 1;
    while j < 4
        && before(j).is_some_and(|p| matches!(p.text, "," | "\"" | "“" | "”" | "'" | "‘" | "’"))
    {
        j += 1;
    }
    if before(j).is_some_and(|p| {
        p.is_word()
            && !p.is_acronym()
            && (words::is_job(p.text) || (p.is_capitalised() && is_in(p.text, &words::TITLES)))
    }) {
        return (EntityType::Person, STRONG, b);
    }
    let place = cx.place(a, b).is_some();
    // What follows the name: a speech verb, "who" or "which", "it" after the verb.
    let mut n = b;
    if at(n).is_some_and(|c| c.text == ",") {
        n += 1;
    }
    let said = at(n).is_some_and(|v| v.is_lowercase() && is_in(v.text, &words::ATTRIBUTION));
    // "Maersk said it would", "Hanbit said its": an organisation speaks of itself as "it".
    let said_it = said && at(n + 1).is_some_and(|w| w.is("it") || w.is("its"));
    let which = n > b && at(n).is_some_and(|w| w.is("which"));
    // "Hallbergen shares fell", "Codelco chairman Máximo Pacheco", "Fluminense president":
    // people have no shares and no chairman.
    let possessive = usize::from(at(b).is_some_and(|t| t.is_possessive()));
    // ("Orbán's chief of staff" is a person's aide.)
    let corporate_noun = at(b + possessive)
        .is_some_and(|w| w.is_lowercase() && is_in(w.text, &words::CORPORATE_NOUNS))
        && !at(b + possessive + 1).is_some_and(|o| o.is("of"));
    // A town's name may be a company's too ("Bendigo chief executive", "Bendigo shares"); a
    // place has a chief of police but no chief executive and no shares.
    let only_companies = at(b + possessive).is_some_and(|w| {
        w.in_ci(&["shares", "shareholders", "stock", "ceo"])
            || (w.is("chief") && at(b + possessive + 1).is_some_and(|e| e.is("executive")))
    });
    let corporate = (corporate_noun && !place) || only_companies;
    let shares_in = before(1).is_some_and(|p| p.in_ci(&["in", "of"]))
        && before(2).is_some_and(|p| p.in_ci(&["shares", "stake", "stakes", "shareholders"]));
    // "Kestrel Ridge, a gold company", "Petrobras, the state oil company,", "Ryanair, Europe's
    // biggest airline," (but "In Seville, the city council opened": a place, then the sentence).
    let opener = if at(b + 1).is_some_and(|d| d.in_ci(&["a", "an", "the"])) {
        Some(b + 2)
    } else if at(b + 1).is_some_and(|w| w.is_capitalised())
        && at(b + 2).is_some_and(|p| p.is_possessive())
    {
        Some(b + 3)
    } else {
        None
    };
    let apposition =
        at(b).is_some_and(|c| c.text == ",") && opener.is_some_and(|o| appositive_org(cx, a, o));
    if shares_in || apposition {
        return (EntityType::Org, STRONG, b);
    }
    if ((said_it || which) && !place) || corporate {
        return (EntityType::Org, after_strength, b);
    }
    // "said Grace Lin, an analyst", "Ekai Lomuria, a herder near Lodwar", "Mostafa Waziri,
    // secretary-general of ...": a person described.
    // ("the Bosphorus, navy spokesman Dmytro Pletenchuk said": the job introduces the next name.)
    let described = at(b).is_some_and(|c| c.text == ",")
        && (b + 1..b + 5)
            .take_while(|&k| at(k).is_some_and(|w| w.is_lowercase() || w.text == "-"))
            .filter(|&k| at(k).is_some_and(|w| !w.in_ci(&["a", "an", "the"])))
            .take(3)
            .any(|k| {
                at(k).is_some_and(|w| is_in(w.text, &words::PERSON_NOUNS))
                    && !at(k + 1).is_some_and(|n| n.is_capitalised())
            });
    if described && !place {
        return (EntityType::Person, STRONG, b);
    }
    // "Refugees reached Goris", "the army entered Lachin": movement to or from a place.
    if before(1).is_some_and(|p| p.is_lowercase() && is_in(p.text, &words::MOTION_VERBS)) && !place
    {
        return (EntityType::Place, MEDIUM, b);
    }
    // "Karabakh (Garabagh)": another name of the name before the bracket, which the
    // parenthetical rule (`combine.rs`) types; kept as a guess until then.
    if before(1).is_some_and(|p| p.text == "(")
        && before(2).is_some_and(|p| p.is_capitalised())
        && at(b).is_some_and(|p| p.text == ")")
    {
        return (EntityType::Place, WEAK, b);
    }
    // "southwest of Marrakech", "the village of Tafeghaghte".
    if before(1).is_some_and(|p| p.is("of"))
        && before(2).is_some_and(|p| {
            p.is_lowercase()
                && (is_in(p.text, &words::DIRECTIONS) || is_in(p.text, &words::PLACE_NOUNS))
        })
    {
        return (EntityType::Place, STRONG, b);
    }
    // "Ethiopian Sisay Lemma took the men's race", "Kenyan Hellen Obiri": a nationality before a
    // name of two or three words (not "the Ethiopian ...", a group's or a thing's name).
    let nationality = before(1).is_some_and(|p| p.is_capitalised())
        && lexicon()
            .gazetteer
            .longest_at(toks, a - 1, |j| j + 1 == a)
            .is_some_and(|(end, e)| end == a && e.form == Form::Adjective)
        && !before(2).is_some_and(|d| d.in_ci(&["the", "a", "an"]) || d.is_possessive())
        && (2..=3).contains(&words);
    let said_before = before(1).is_some_and(|p| p.in_ci(&["said", "says", "added", "explained"]));
    let who = n > b && at(n).is_some_and(|w| w.is("who"));
    let given = words >= 2
        && name_words
            .first()
            .is_some_and(|w| words::is_given_name(w.text));
    // "the centre on Réunion said", "officials in Tula said": after a preposition the name is
    // not who speaks.
    let object = before(1).is_some_and(|p| {
        p.is_lowercase()
            && p.in_ci(&[
                "on", "in", "at", "from", "near", "of", "for", "to", "with", "by",
            ])
    });
    if ((said && !object)
        || who
        || given
        || said_before
        || nationality
        || has_surname_shape(cx.t(b.saturating_sub(1))))
        && !place
    {
        return (EntityType::Person, MEDIUM, b);
    }
    // A city or region of the world list: sure after "in", "near", "from"; otherwise a reading
    // that a person's name in the document outranks ("Valdivia" after "Rocío Valdivia").
    let det = usize::from(before(1).is_some_and(|d| d.is("the")));
    let prep = before(1 + det).is_some_and(|p| {
        (p.is_lowercase() || p.sentence_start) && is_in(p.text, &words::PLACE_PREPS)
    }) && !at(b).is_some_and(|t| t.is_possessive());
    if place {
        return (EntityType::Place, if prep { STRONG } else { MEDIUM }, b);
    }
    // "Hajiyev told AFP" makes AFP the listener; "Trend reports" makes Trend an agency.
    let reports = at(b).is_some_and(|v| v.in_ci(&["reports", "reported", "informs", "reporting"]))
        && !at(b + 1).is_some_and(|w| w.is("by"));
    if before(1).is_some_and(|p| p.is("told")) || reports {
        return (EntityType::Org, MEDIUM, b);
    }
    // Common words capitalised ("Olympic Winter Games", "the Strip"): no guess.
    if has_common_word(cx, &name_words) {
        return (EntityType::Place, UNSURE, b);
    }
    // "Thutmose III", "Charles III": a regnal number after a name.
    if words >= 2 && name_words.last().is_some_and(|w| is_roman_numeral(w.text)) {
        return (EntityType::Person, MEDIUM, b);
    }
    // "from Brekka to Osmo", "sailed to Batam", "flights to Vienna": "to" after a place or a
    // journey ("rebates to Sony" is no place).
    let to_place = before(1 + det).is_some_and(|p| p.is("to"))
        && (2 + det..5 + det).any(|k| {
            before(k).is_some_and(|w| w.is("from") || is_in(w.text, &words::JOURNEY_WORDS))
        });
    // "in Goris", "in the Alps".
    if prep || to_place {
        return (EntityType::Place, MEDIUM, b);
    }
    // No evidence: no guess. The name counts only if another mention in the document types it
    // (one name, one type), never by default.
    let guess = if words >= 2 {
        EntityType::Person
    } else {
        EntityType::Place
    };
    (guess, UNSURE, b)
}

pub(super) fn has_surname_shape(t: &Token) -> bool {
    t.is_capitalised() && words::has_surname_ending(t.text)
}

/// "II", "III", "XIV": a regnal number (not "I" or "X" alone, which are words and letters).
fn is_roman_numeral(w: &str) -> bool {
    w.len() >= 2 && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Before token a: a plural of an organisation noun, directly ("the unions Filt-CGIL") or before
/// "such as", "including", "like" in the same clause ("airlines such as Ryanair", "Processors in
/// Scotland, including Lunar Freezing").
fn org_plural_before(cx: &Ctx, a: usize) -> bool {
    let before = |k: usize| a.checked_sub(k).and_then(|p| cx.tok_in(p, a));
    let plural =
        |t: &Token| (t.is_lowercase() || t.sentence_start) && words::is_org_noun_plural(t.text);
    if before(1).is_some_and(plural) {
        return true;
    }
    let lead = if before(1).is_some_and(|p| p.in_ci(&["including", "like"])) {
        1
    } else if before(1).is_some_and(|p| p.is("as")) && before(2).is_some_and(|p| p.is("such")) {
        2
    } else {
        return false;
    };
    // Back over a comma and a few words of the clause ("Processors in Scotland, including").
    (lead + 1..lead + 6)
        .map_while(|k| before(k).filter(|t| !matches!(t.text, "." | ";" | ":" | "(" | ")")))
        .any(plural)
}

/// "a group calling itself X", "the committee, known as X", "a village called X", "a farmer named
/// X": the type the noun before "called"/"named"/"known as"/"calling itself" gives X.
fn named_as(cx: &Ctx, a: usize) -> Option<EntityType> {
    let before = |k: usize| a.checked_sub(k).and_then(|p| cx.tok_in(p, a));
    let lead = if before(1).is_some_and(|p| p.in_ci(&["called", "named", "dubbed"])) {
        1
    } else if before(1).is_some_and(|p| p.in_ci(&["as", "itself", "themselves"]))
        && before(2).is_some_and(|p| p.in_ci(&["known", "calling", "calls", "called"]))
    {
        2
    } else {
        return None;
    };
    if before(lead).is_some_and(|p| p.in_ci(&["calling", "calls"])) {
        return Some(EntityType::Org);
    }
    (lead + 1..lead + 4)
        .map_while(|k| before(k).filter(|t| t.is_lowercase() || t.text == ","))
        .find_map(|t| {
            if is_in(t.text, &words::ORG_NOUNS) || words::is_org_noun_plural(t.text) {
                Some(EntityType::Org)
            } else if is_in(t.text, &words::PLACE_NOUNS) {
                Some(EntityType::Place)
            } else if is_in(t.text, &words::PERSON_NOUNS) {
                Some(EntityType::Person)
            } else {
                None
            }
        })
}

/// A job in the few words before token k ("head of commodity research at", "chief economist
/// at", "a lawyer at"): what follows "at" is where the job is held.
fn role_before(cx: &Ctx, k: usize) -> bool {
    (1..6)
        .map_while(|j| {
            k.checked_sub(j)
                .and_then(|p| cx.tok_in(p, k))
                .filter(|t| t.is_lowercase())
        })
        .any(|t| is_in(t.text, &words::STAFF_NOUNS) || is_in(t.text, &words::PERSON_NOUNS))
}

/// A name made with a common word ("Olympic Winter Games", "the Strip", "Second World War"): the
/// name of a thing or an event, which no rule guesses a type for.
pub(super) fn has_common_word(cx: &Ctx, name_words: &[&Token]) -> bool {
    name_words.iter().any(|w| {
        let lower = w.text.to_lowercase();
        is_in(w.text, &words::COMMON_CAPS) || cx.lower_words.contains(lower.as_str())
    })
}

/// The words of tokens a..b (a hyphenated compound is one word).
pub(super) fn name_words<'t, 'a>(cx: &'t Ctx<'a>, a: usize, b: usize) -> Vec<&'t Token<'a>> {
    cx.toks
        .get(a..b)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(k, t)| t.is_word() && (*k == 0 || t.space_before))
        .map(|(_, t)| t)
        .collect()
}

fn last_tok_text<'a>(cx: &Ctx<'a>, u: Unit) -> &'a str {
    cx.t(u.b.saturating_sub(1)).text
}

/// Words after the head of a noun phrase that start its complement ("a unit of ...", "a
/// company based in ...").
const PHRASE_ENDS: &[&str] = &[
    "of",
    "in",
    "for",
    "at",
    "with",
    "from",
    "owned",
    "based",
    "controlled",
];

/// From token o: a noun phrase that ends with an organisation noun and then ends ("a gold
/// company.", "the vaccine alliance, which", "a Bogotá-based legal centre,"), not a clause that
/// goes on ("the city council opened shelters").
fn appositive_org(cx: &Ctx, a: usize, o: usize) -> bool {
    let at = |k: usize| cx.tok_in(k, a);
    let mut last_word: Option<&Token> = None;
    let mut k = o;
    while k < o + 7 {
        let Some(t) = at(k) else { break };
        let compound =
            t.is_capitalised() && at(k + 1).is_some_and(|h| h.text == "-" && !h.space_before);
        // "a unit of internet giant Kakao": the phrase's head comes before its complement.
        if t.space_before && t.in_ci(PHRASE_ENDS) {
            break;
        }
        if t.is_lowercase() || compound {
            last_word = Some(t);
        } else if t.text != "-" {
            break;
        }
        k += 1;
    }
    let ends = at(k).is_none_or(|t| {
        matches!(t.text, "," | "." | ";" | ":" | ")")
            || t.in_ci(&["which", "that", "whose"])
            || t.in_ci(PHRASE_ENDS)
    });
    ends && last_word.is_some_and(|w| is_in(w.text, &words::ORG_NOUNS))
}
