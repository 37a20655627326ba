//! The name rules: capitalised sequences, and what their words and neighbours say they are.
//!
//! A sequence is a run of capitalised words (and acronyms), joined by spaces, by hyphens
//! ("Nagorno-Karabakh"), by particles ("de", "von") and, after an organisation head or a title,
//! by "of", "for", "to the" ("International Court of Justice", "President of Azerbaijan").
//! Then, in order:
//! - a sentence-initial word is only a name if it is known, or followed by more name words
//!   that are not common words ("Security Council" yes, "Ethnic cleansing" no);
//! - a country or demonym in front is tagged on its own before a title or a state body
//!   ("Azerbaijani | Defense Ministry", "U.S. | Secretary of State | Antony Blinken");
//! - a sequence ending with an organisation head is an ORG; titles are stripped and what
//!   follows is a PERSON; a place head makes a PLACE; a trailing plural demonym makes a group
//!   ("Karabakh Armenians");
//! - anything else is typed by its neighbours (`classify_unknown`): "in X", "X region", "X said",
//!   "spokesman X", "a reporter for X", and finally by its shape.
//!
//! Document-level decisions (one type per name, surnames, sentence-initial words, headlines)
//! are in `coref.rs`.

use super::lexicon::{lexicon, Form, LexEntry};
use super::tokens::Token;
use super::words::{self, is_in};
use super::{coref, Ctx, EntityType, MEDIUM, STRONG, WEAK};

/// A name candidate from the rules, before document-level decisions.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub a: usize,
    pub b: usize,
    /// `None`: typed later from its cues (`cue_kind`) and the rest of the document.
    pub kind: Option<EntityType>,
    pub strength: u8,
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
}

/// Blocks in Title Case ("UN Mission Arrives in Karabakh Region After 30-Year Break").
pub(super) fn title_case_blocks(toks: &[Token], n: usize) -> Vec<bool> {
    let mut caps = vec![0u32; n];
    let mut lower = vec![0u32; n];
    let mut words = vec![0u32; n];
    for t in toks.iter().filter(|t| t.is_word()) {
        let b = t.block as usize;
        words[b] += 1;
        if t.text.chars().count() < 4 || is_in(t.text, words::STOP) || t.is_acronym() {
            continue;
        }
        if t.is_capitalised() {
            caps[b] += 1;
        } else {
            lower[b] += 1;
        }
    }
    (0..n)
        .map(|b| caps[b] >= 3 && lower[b] == 0 && words[b] <= 20)
        .collect()
}

pub(super) fn recognize(cx: &mut Ctx) {
    let n = cx.toks.len();
    // Lexicon names starting at each token (only where a name can start).
    let lex: Vec<Option<(usize, LexEntry)>> = (0..n)
        .map(|i| {
            if cx.claimed[i] || !cx.toks[i].is_capitalised() {
                return None;
            }
            lexicon()
                .gazetteer
                .longest_at(&cx.toks, i, |k| !cx.claimed[k])
                .map(|(e, v)| (e, *v))
        })
        .collect();
    let mut cands = Vec::new();
    let mut i = 0;
    while i < n {
        if !name_start(cx, i) || cx.title_case[cx.toks[i].block as usize] {
            i += 1;
            continue;
        }
        let units = sequence(cx, &lex, i);
        let end = units.last().map_or(i + 1, |u| u.b);
        analyse(cx, &units, &mut cands);
        i = end.max(i + 1);
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
    let t = &cx.toks[k];
    !cx.claimed[k] && t.is_capitalised() && !t.is_possessive()
}

fn unit_at(cx: &Ctx, lex: &[Option<(usize, LexEntry)>], k: usize, join: Join) -> Unit {
    match lex[k] {
        Some((b, e)) => Unit {
            a: k,
            b,
            lex: Some(e),
            join,
        },
        None => Unit {
            a: k,
            b: k + 1,
            lex: None,
            join,
        },
    }
    .clamp_to(cx)
}

impl Unit {
    fn clamp_to(self, cx: &Ctx) -> Unit {
        debug_assert!(self.b <= cx.toks.len());
        self
    }
}

/// Connector words allowed inside a name after a head or title ("of", "of the", "for",
/// "to the", "on the"): how many tokens.
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
    (!t.is("on")).then_some(1)
}

/// The longest sequence of name units from token i.
fn sequence(cx: &Ctx, lex: &[Option<(usize, LexEntry)>], i: usize) -> Vec<Unit> {
    let mut units = vec![unit_at(cx, lex, i, Join::First)];
    loop {
        let last = *units.last().unwrap();
        let j = last.b;
        let Some(t) = cx.tok_in(j, i) else { break };
        // "Stephane Dujarric", "UN World Food Program".
        if t.space_before && name_start(cx, j) && !t.sentence_start {
            units.push(unit_at(cx, lex, j, Join::Space));
            continue;
        }
        // "Nagorno-Karabakh", "Secretary-General".
        if t.text == "-" && !t.space_before {
            if cx.tok_in(j + 1, i).is_some_and(|n| !n.space_before) && name_start(cx, j + 1) {
                units.push(unit_at(cx, lex, j + 1, Join::Hyphen));
                continue;
            }
            break;
        }
        // "Mr. Smith", "John F. Kennedy": an abbreviation or an initial and its dot.
        let last_tok = &cx.toks[last.b - 1];
        if t.text == "."
            && !t.space_before
            && last.b - last.a == 1
            && (last_tok.text.chars().count() == 1
                || is_in(
                    last_tok.text,
                    &[
                        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "sen", "rep",
                        "gov", "prof", "st",
                    ],
                ))
            && cx.tok_in(j + 1, i).is_some_and(|n| n.space_before)
            && name_start(cx, j + 1)
        {
            units.push(unit_at(cx, lex, j + 1, Join::Space));
            continue;
        }
        // "Charles de Gaulle", "Bashar al-Assad".
        if t.space_before
            && t.is_lowercase()
            && is_in(t.text, words::PARTICLES)
            && last.lex.is_none()
        {
            if let Some(n) = cx.tok_in(j + 1, i) {
                if n.space_before && name_start(cx, j + 1) {
                    units.push(unit_at(cx, lex, j + 1, Join::Space));
                    continue;
                }
                if n.text == "-"
                    && !n.space_before
                    && cx.tok_in(j + 2, i).is_some_and(|m| !m.space_before)
                    && name_start(cx, j + 2)
                {
                    units.push(unit_at(cx, lex, j + 2, Join::Space));
                    continue;
                }
            }
        }
        // "International Court of Justice", "Assistant to the President of Azerbaijan".
        if last.lex.is_none() && (is_org_head(cx, last) || is_title(cx, last)) {
            if let Some(len) = connector(cx, j) {
                if cx.tok_in(j + len, i).is_some_and(|n| n.space_before) && name_start(cx, j + len)
                {
                    units.push(unit_at(cx, lex, j + len, Join::Connector));
                    continue;
                }
            }
        }
        break;
    }
    units
}

fn single<'a>(cx: &'a Ctx, u: Unit) -> Option<&'a Token<'a>> {
    (u.b - u.a == 1 && u.lex.is_none()).then(|| &cx.toks[u.a])
}

fn is_title(cx: &Ctx, u: Unit) -> bool {
    single(cx, u).is_some_and(|t| !t.is_acronym() && is_in(t.text, words::TITLES))
}

fn is_org_head(cx: &Ctx, u: Unit) -> bool {
    single(cx, u).is_some_and(|t| !t.is_acronym() && is_in(t.text, words::ORG_HEADS))
}

/// The unit whose word says what kind of organisation or place this is: the last one, or the
/// one before the first connector ("Court" in "International Court of Justice").
fn head(units: &[Unit]) -> Unit {
    match units.iter().position(|u| u.join == Join::Connector) {
        Some(p) if p > 0 => units[p - 1],
        _ => units[units.len() - 1],
    }
}

fn org_named(cx: &Ctx, units: &[Unit]) -> bool {
    units.len() >= 2 && is_org_head(cx, head(units))
}

fn gov_named(cx: &Ctx, units: &[Unit]) -> bool {
    org_named(cx, units) && single(cx, head(units)).is_some_and(|t| is_in(t.text, words::GOV_HEADS))
}

fn place_named(cx: &Ctx, units: &[Unit]) -> bool {
    if units.len() < 2 {
        return false;
    }
    let last =
        single(cx, units[units.len() - 1]).is_some_and(|t| is_in(t.text, words::PLACE_HEADS));
    let first = single(cx, units[0]).is_some_and(|t| is_in(t.text, words::PLACE_FIRST));
    last || first
}

fn is_plural_group(u: &Unit) -> bool {
    u.lex.is_some_and(|l| l.form == Form::Plural)
}

/// Words (space-separated) in a run of units: a hyphenated compound is one word.
fn word_count(units: &[Unit]) -> usize {
    units.iter().filter(|u| u.join != Join::Hyphen).count()
}

fn span(units: &[Unit]) -> (usize, usize) {
    (units[0].a, units[units.len() - 1].b)
}

fn push(
    cands: &mut Vec<Cand>,
    units: &[Unit],
    kind: Option<EntityType>,
    strength: u8,
    canonical: Option<String>,
) {
    if units.is_empty() {
        return;
    }
    let (a, b) = span(units);
    cands.push(Cand {
        a,
        b,
        kind,
        strength,
        canonical,
        pending: false,
    });
}

fn push_lex(cands: &mut Vec<Cand>, u: Unit) {
    if let Some(l) = u.lex {
        cands.push(Cand {
            a: u.a,
            b: u.b,
            kind: Some(l.kind()),
            strength: super::FIXED,
            canonical: Some(l.canonical.to_string()),
            pending: false,
        });
    }
}

/// Decides what a sequence of units names; may split it.
fn analyse(cx: &Ctx, units: &[Unit], cands: &mut Vec<Cand>) {
    let mut u = units;
    // "The World Court", sentence-initial "However", "In": not part of the name.
    while let Some(t) = u.first().and_then(|&f| single(cx, f)) {
        let stop = is_in(t.text, words::STOP)
            && !t.is_acronym()
            && (t.sentence_start || t.is("The") || t.is("A") || t.is("An"));
        if !stop {
            break;
        }
        u = &u[1..];
    }
    if u.is_empty() {
        return;
    }
    // After a stripped connector-joined unit, the rest starts afresh.
    let first_tok = &cx.toks[u[0].a];
    if first_tok.sentence_start && u[0].lex.is_none() && !is_title(cx, u[0]) {
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
        let lower = first_tok.text.to_lowercase();
        let common = cx.lower_words.contains(lower.as_str());
        if common && !org_named(cx, u) && !place_named(cx, u) && u[1].join == Join::Space {
            return analyse_rest(cx, &u[1..], cands);
        }
    }
    let n = u.len();
    if u.iter().all(|x| x.lex.is_some()) {
        // "Karabakh Armenians"-style groups need a place first; otherwise each name on its own
        // ("Armenia-Azerbaijan").
        for &x in u {
            push_lex(cands, x);
        }
        return;
    }
    if u[0].lex.is_some() {
        let rest = &u[1..];
        if rest[0].join == Join::Hyphen || rest[0].join == Join::Connector {
            push_lex(cands, u[0]);
            return analyse_rest(cx, rest, cands);
        }
        if is_title(cx, rest[0]) && !org_named(cx, rest) {
            push_lex(cands, u[0]);
            return title_led(cx, rest, cands);
        }
        if gov_named(cx, rest) {
            // "Azerbaijani Defense Ministry" → NORP + ORG.
            push_lex(cands, u[0]);
            return push(cands, rest, Some(EntityType::Org), STRONG, None);
        }
        if org_named(cx, u) {
            // "European Union", "Turkish Airlines".
            return push(cands, u, Some(EntityType::Org), STRONG, None);
        }
        if is_plural_group(&u[n - 1]) {
            return push(cands, u, Some(EntityType::Norp), STRONG, None);
        }
        push_lex(cands, u[0]);
        return analyse_rest(cx, rest, cands);
    }
    if n >= 2 && is_plural_group(&u[n - 1]) && u[n - 1].join == Join::Space {
        // "Karabakh Armenians", "Nagorno-Karabakh Armenians".
        return push(cands, u, Some(EntityType::Norp), STRONG, None);
    }
    if org_named(cx, u) {
        return push(cands, u, Some(EntityType::Org), STRONG, None);
    }
    if is_title(cx, u[0]) {
        return title_led(cx, u, cands);
    }
    if place_named(cx, u) {
        return push(cands, u, Some(EntityType::Place), STRONG, None);
    }
    // A lexicon name inside ("Trend Azerbaijan"): split there.
    if let Some(p) = u.iter().position(|x| x.lex.is_some()) {
        analyse_rest(cx, &u[..p], cands);
        return analyse_rest(cx, &u[p..], cands);
    }
    // "the Aghdam-Khankendi border": two names.
    let after = cx.tok_in(u[n - 1].b, u[0].a);
    if u.iter().any(|x| x.join == Join::Hyphen)
        && after.is_some_and(|t| {
            t.space_before && t.is_lowercase() && is_in(t.text, words::RELATION_NOUNS)
        })
    {
        let mut start = 0;
        for k in 1..=n {
            if k == n || u[k].join == Join::Hyphen {
                analyse_rest(cx, &u[start..k], cands);
                start = k;
            }
        }
        return;
    }
    if let Some(t) = single(cx, u[0]).filter(|_| n == 1) {
        if t.is_acronym() {
            if t.text.chars().filter(|c| c.is_alphabetic()).count() <= 6 {
                push(cands, u, Some(EntityType::Org), MEDIUM, None);
            }
            return;
        }
        if is_in(t.text, words::GENERIC)
            || is_in(t.text, words::TITLES)
            || is_in(t.text, words::ORG_HEADS)
            || is_in(t.text, words::STOP)
        {
            return;
        }
    }
    // "UN Charter", "UN Mission": an acronym before words that do not make an organisation name.
    if let Some(t) = single(cx, u[0]).filter(|t| t.is_acronym() && n > 1) {
        let _ = t;
        push(cands, &u[..1], Some(EntityType::Org), MEDIUM, None);
        return analyse_rest(cx, &u[1..], cands);
    }
    push(cands, u, None, WEAK, None);
}

/// Analyses units that follow a split: no longer the start of anything.
fn analyse_rest(cx: &Ctx, units: &[Unit], cands: &mut Vec<Cand>) {
    if units.is_empty() {
        return;
    }
    let mut owned: Vec<Unit> = units.to_vec();
    owned[0].join = Join::First;
    analyse(cx, &owned, cands);
}

/// "Foreign Minister Jeyhun Bayramov" → PERSON "Jeyhun Bayramov"; "President of Azerbaijan" →
/// whatever "Azerbaijan" is; "Prime Minister" alone → nothing.
fn title_led(cx: &Ctx, units: &[Unit], cands: &mut Vec<Cand>) {
    let k = units.iter().take_while(|&&u| is_title(cx, u)).count();
    let rest = &units[k..];
    if rest.is_empty() {
        return;
    }
    if rest[0].join == Join::Connector || rest[0].lex.is_some() || org_named(cx, rest) {
        return analyse_rest(cx, rest, cands);
    }
    if rest.len() == 1 && single(cx, rest[0]).is_some_and(|t| t.is_acronym()) {
        return analyse_rest(cx, rest, cands);
    }
    push(cands, rest, Some(EntityType::Person), STRONG, None);
}

/// Types a name the sequence rules could not: from the words around it, then from its shape.
/// Returns the type, how sure, and the end (a route noun after it joins the name).
pub(super) fn classify_unknown(cx: &Ctx, a: usize, b: usize) -> (EntityType, u8, usize) {
    let toks = &cx.toks;
    let at = |k: usize| cx.tok_in(k, a);
    let before = |k: usize| a.checked_sub(k).and_then(|p| cx.tok_in(p, a));
    let words = toks[a..b]
        .iter()
        .filter(|t| t.is_word() && (t.space_before || t.start == toks[a].start))
        .count()
        .max(1);
    // "the Lachin road": the route noun is part of the name.
    if let Some(n) =
        at(b).filter(|n| n.space_before && n.is_lowercase() && is_in(n.text, words::ROUTE_NOUNS))
    {
        let _ = n;
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
    if at(k).is_some_and(|n| n.is_lowercase() && is_in(n.text, words::PLACE_NOUNS)) {
        return (EntityType::Place, STRONG, b);
    }
    // "Aghdam, Azerbaijan".
    if at(b).is_some_and(|c| c.text == ",")
        && lexicon()
            .gazetteer
            .longest_at(toks, b + 1, |j| cx.tok_in(j, a).is_some())
            .is_some_and(|(_, e)| e.form == Form::Place)
    {
        return (EntityType::Place, STRONG, b);
    }
    // "a reporter for Al Jazeera".
    if before(1).is_some_and(|p| p.in_ci(&["for", "with", "at", "of"]))
        && before(2).is_some_and(|p| is_in(p.text, words::MEDIA_NOUNS))
    {
        return (EntityType::Org, STRONG, b);
    }
    // "spokesman Stephane Dujarric", "Prime Minister, Nikol Pashinian", "\"president,\" Samvel".
    let mut j = 1;
    while before(j).is_some_and(|p| matches!(p.text, "," | "\"" | "“" | "”" | "'" | "‘" | "’"))
        && j < 4
    {
        j += 1;
    }
    if before(j).is_some_and(|p| {
        p.is_word()
            && (is_in(p.text, words::PERSON_NOUNS)
                || (p.is_capitalised() && is_in(p.text, words::TITLES)))
            && !p.is_acronym()
    }) {
        return (EntityType::Person, STRONG, b);
    }
    // "Dujarric said", "Hikmet Hajiyev, said", "X, who".
    let mut n = b;
    if at(n).is_some_and(|c| c.text == ",") {
        n += 1;
    }
    let said = at(n).is_some_and(|v| v.is_lowercase() && is_in(v.text, words::ATTRIBUTION));
    let who = n > b && at(n).is_some_and(|w| w.is("who"));
    let surname = has_surname_shape(&toks[b - 1]);
    if said || who || surname {
        return (EntityType::Person, MEDIUM, b);
    }
    // "Hajiyev told AFP" makes AFP the listener.
    if before(1).is_some_and(|p| p.is("told")) {
        return (EntityType::Org, MEDIUM, b);
    }
    if before(1).is_some_and(|p| p.is_lowercase() && is_in(p.text, words::PLACE_PREPS))
        && !at(b).is_some_and(|t| t.is_possessive())
    {
        return (EntityType::Place, MEDIUM, b);
    }
    if words >= 2 {
        (EntityType::Person, WEAK, b)
    } else {
        (EntityType::Place, WEAK, b)
    }
}

pub(super) fn has_surname_shape(t: &Token) -> bool {
    t.is_capitalised() && words::has_surname_ending(t.text)
}
