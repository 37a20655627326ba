//! Document-level decisions: one type per name, surnames that point back to full names, and the
//! words whose capital says nothing (sentence starts, Title Case headlines), which are names only
//! if the rest of the document names them.

use super::gazetteer::Gazetteer;
use super::lexicon::LexEntry;
use super::names::{
    classify_unknown, has_common_word, has_surname_shape, name_words, Cand, UNSURE,
};
use super::words::{self, is_in};
use super::{Ctx, EntityType, Found, Layer, FIXED, MEDIUM, STRONG};
use std::collections::HashMap;

pub(super) fn resolve(cx: &mut Ctx, mut cands: Vec<Cand>, lex: &[Option<(usize, LexEntry)>]) {
    let words_in = |cx: &Ctx, c: &Cand| name_words(cx, c.a, c.b).len();
    // One type per multi-word name: its strongest reading anywhere in the document.
    vote(cx, &mut cands, |c| words_in(cx, c) >= 2);
    // A sentence-initial word with a strong cue of its own takes part in the votes
    // ("Fluminense president ..." as well as "from Fluminense").
    for c in cands.iter_mut().filter(|c| c.pending) {
        let (kind, strength, b) = classify_unknown(cx, c.a, c.b);
        if strength >= STRONG {
            c.kind = Some(kind);
            c.strength = strength;
            c.b = b;
            c.pending = false;
        }
    }
    // Short forms: "Dujarric" after "Stephane Dujarric", "Mensah-Bonsu" after "Abena
    // Mensah-Bonsu", "De Vries" after "Anneke de Vries", "Hanbit" after "Hanbit Semiconductor Co.".
    let mut short: HashMap<String, (EntityType, String)> = HashMap::new();
    let full_names: Vec<(usize, usize, EntityType, String)> = cands
        .iter()
        .filter(|c| !c.pending && words_in(cx, c) >= 2)
        .filter_map(|c| {
            let kind = c
                .kind
                .filter(|k| matches!(k, EntityType::Person | EntityType::Org))?;
            let full = c
                .canonical
                .clone()
                .unwrap_or_else(|| cx.normalized(c.a, c.b));
            Some((c.a, c.b, kind, full))
        })
        .chain(
            cx.found
                .iter()
                .filter(|f| f.kind == EntityType::Person && f.b - f.a >= 2)
                .map(|f| (f.a, f.b, f.kind, f.canonical.clone())),
        )
        .collect();
    for (a, b, kind, full) in full_names {
        for form in short_forms(cx, a, b, kind) {
            short.entry(form).or_insert_with(|| (kind, full.clone()));
        }
    }
    for c in cands.iter_mut().filter(|c| c.strength < FIXED) {
        // A strong reading of another type stands ("Escondida mine" is no surname).
        let strong_other = c.strength >= STRONG && !c.pending && c.kind != Some(EntityType::Person);
        if strong_other || words_in(cx, c) > 2 || (c.pending && compound_start(cx, c.a, c.b)) {
            continue;
        }
        if let Some((kind, full)) = short.get(&cx.normalized(c.a, c.b)) {
            if *full != cx.normalized(c.a, c.b) {
                c.kind = Some(*kind);
                c.strength = STRONG;
                c.canonical = Some(full.clone());
                c.pending = false;
            }
        }
    }
    vote(cx, &mut cands, |_| true);
    lists(cx, &mut cands);
    cands.retain(|c| c.pending || c.strength > UNSURE);
    let mut pending = Vec::new();
    for c in cands {
        match c.kind {
            Some(kind) if !c.pending => {
                let canonical = c.canonical.unwrap_or_else(|| cx.normalized(c.a, c.b));
                cx.claim(Found {
                    a: c.a,
                    b: c.b,
                    kind,
                    canonical,
                    layer: Layer::Rules,
                    strength: c.strength,
                });
            }
            _ => pending.push(c),
        }
    }
    // What the document itself has named, for sentence starts and headlines.
    let mut known: Gazetteer<(EntityType, String)> = Gazetteer::default();
    for f in cx.found.iter().filter(|f| f.kind.is_name()) {
        let surface = cx.surface(f.a, f.b);
        known.insert(surface, (f.kind, f.canonical.clone()));
        // "Ulaanbaatar" after the dateline "ULAANBAATAR".
        if f.canonical != surface && f.canonical.to_lowercase() == surface.to_lowercase() {
            known.insert(&f.canonical, (f.kind, f.canonical.clone()));
        }
    }
    for (s, (kind, full)) in &short {
        known.insert(s, (*kind, full.clone()));
    }
    for c in pending {
        if compound_start(cx, c.a, c.b) {
            continue;
        }
        let hit = known
            .longest_at(&cx.toks, c.a, |_| true)
            .filter(|&(end, _)| end == c.b)
            .map(|(_, v)| v.clone());
        // A strong cue of its own also does ("Kremlin spokesperson Dmitry Peskov").
        let cued = Some(classify_unknown(cx, c.a, c.b)).filter(|&(_, s, _)| s >= STRONG);
        if let Some((kind, canonical)) = hit {
            claim(cx, c.a, c.b, kind, canonical);
        } else if let Some((kind, _, b)) = cued {
            let canonical = cx.normalized(c.a, b);
            claim(cx, c.a, b, kind, canonical);
        } else if has_surname_shape(cx.t(c.b - 1))
            && cx
                .tok_in(c.b, c.a)
                .is_some_and(|v| is_in(v.text, &words::ATTRIBUTION))
        {
            let canonical = cx.normalized(c.a, c.b);
            claim(cx, c.a, c.b, EntityType::Person, canonical);
        }
    }
    headlines(cx, &known, lex);
}

/// "Art-crime expert" at a sentence start: the first half of a compound word, not a name
/// ("Canada-based" is a name with a suffix).
fn compound_start(cx: &Ctx, a: usize, b: usize) -> bool {
    cx.tok_in(b, a)
        .is_some_and(|h| h.text == "-" && !h.space_before)
        && cx.tok_in(b + 1, a).is_some_and(|w| {
            !w.space_before && w.is_lowercase() && !is_in(w.text, &words::HYPHEN_SUFFIXES)
        })
}

/// The short forms a full name may be referred to by later in the document: for a person the
/// surname (a hyphenated one whole; with its particle, capitalised or not: "de Vries", "De Vries",
/// "dos Santos"), for an organisation its first word when that word is distinctive ("Hanbit").
fn short_forms(cx: &Ctx, a: usize, b: usize, kind: EntityType) -> Vec<String> {
    let mut out = Vec::new();
    // Word starts: tokens after whitespace (a hyphenated compound is one word).
    let starts: Vec<usize> = (a..b).filter(|&k| k == a || cx.t(k).space_before).collect();
    let Some(&last) = starts.last() else {
        return out;
    };
    if starts.len() < 2 {
        return out;
    }
    match kind {
        EntityType::Person => {
            out.push(cx.normalized(last, b));
            // "Valdivia" for "Rocío Valdivia Paredes": Spanish and Portuguese names put the
            // family name first among two.
            if let [_, middle, _] = starts.as_slice() {
                let t = cx.t(*middle);
                if t.is_capitalised() && !words::is_given_name(t.text) {
                    out.push(cx.normalized(*middle, last));
                }
            }
            if let Some(&p) = starts.iter().find(|&&k| {
                k > a && cx.t(k).is_lowercase() && is_in(cx.t(k).text, &words::PARTICLES)
            }) {
                let with_particle = cx.normalized(p, b);
                let next = starts.iter().copied().find(|&k| k > p).unwrap_or(b);
                let end = starts.iter().copied().find(|&k| k > next).unwrap_or(b);
                for form in [with_particle, cx.normalized(p, end)] {
                    out.push(capitalise(&form));
                    out.push(form);
                }
            }
        }
        // "Indus" after "Indus River": a feature by its own name.
        EntityType::Place => {
            let head = cx.t(b.saturating_sub(1));
            if starts.len() == 2 && is_in(head.text, &words::PLACE_HEADS) && !head.is_lowercase() {
                out.push(cx.normalized(a, last));
            }
        }
        EntityType::Org => {
            let first = cx.t(a);
            let end = starts.get(1).copied().unwrap_or(b);
            let distinctive = end == a + 1
                && first.is_capitalised()
                && !first.is_acronym()
                && !first.sentence_start
                && !is_in(first.text, &words::COMMON_CAPS)
                && !is_in(first.text, &words::ORG_FIRST)
                && !is_in(first.text, &words::DIRECTIONS)
                && !is_in(first.text, &words::STOP)
                && !words::is_given_name(first.text)
                && super::lexicon::lookup(first.text).is_none()
                && super::places::place(first.text).is_none()
                && !cx.lower_words.contains(first.text.to_lowercase().as_str());
            if distinctive {
                out.push(first.text.to_string());
            }
            // "Aurora Andes" for "Aurora Andes Gold Corp": the words before the first one that
            // says what the company does or is ("Gold" is used in lower case here, "Corp" is a
            // legal form).
            let generic = |k: usize| {
                let t = cx.t(k);
                is_in(t.text, &words::LEGAL_FORMS)
                    || is_in(t.text, &words::ORG_HEADS)
                    || is_in(t.text, &words::COMMON_CAPS)
                    || !t.is_capitalised()
                    || cx.lower_words.contains(t.text.to_lowercase().as_str())
            };
            if let Some(cut) = starts.iter().position(|&k| generic(k)) {
                if cut >= 2 && !first.sentence_start {
                    if let Some(&end) = starts.get(cut) {
                        out.push(cx.normalized(a, end));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

fn claim(cx: &mut Ctx, a: usize, b: usize, kind: EntityType, canonical: String) {
    cx.claim(Found {
        a,
        b,
        kind,
        canonical,
        layer: Layer::Rules,
        strength: MEDIUM,
    });
}

/// Names listed together are of one kind: "routes to Vienna, Split and Olbia", "across
/// Andalusia, Extremadura and the Alentejo", "The National Cyber Security Centre and Europol".
/// A name with no reading of its own takes the type its typed neighbours in the list agree on.
/// A pair whose typed member is a country or a nationality does not count ("Norway and
/// Equinor" is a country and a company).
fn lists(cx: &Ctx, cands: &mut [Cand]) {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| cands.get(i).map_or(0, |c| c.a));
    // Chains of candidates joined by ",", "and", "or" (and "the"): [start, end) in `order`.
    let joined = |x: &Cand, y: &Cand| {
        if y.a <= x.b || y.a > x.b + 3 || cx.t(x.a).block != cx.t(y.a).block {
            return false;
        }
        let between: Vec<&str> = cx
            .toks
            .get(x.b..y.a)
            .unwrap_or_default()
            .iter()
            .map(|t| t.text)
            .filter(|w| !matches!(*w, "the" | "neighbouring" | "neighboring" | "nearby"))
            .collect();
        matches!(
            between.as_slice(),
            [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"]
        )
    };
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() {
            let (Some(x), Some(y)) = (
                order.get(end - 1).and_then(|&i| cands.get(i)),
                order.get(end).and_then(|&i| cands.get(i)),
            ) else {
                break;
            };
            if !joined(x, y) {
                break;
            }
            end += 1;
        }
        let members: Vec<usize> = order.get(start..end).unwrap_or_default().to_vec();
        start = end;
        if members.len() < 2 {
            continue;
        }
        let typed = |c: &Cand| !c.pending && c.strength >= MEDIUM && c.kind.is_some();
        let kinds: Vec<(EntityType, u8)> = members
            .iter()
            .filter_map(|&i| cands.get(i))
            .filter(|c| typed(c))
            .filter_map(|c| c.kind.map(|k| (k, c.strength)))
            .collect();
        let Some(&(kind, _)) = kinds.first() else {
            continue;
        };
        let agree = kinds.iter().all(|&(k, _)| k == kind);
        let pair_of_country = members.len() == 2 && kinds.iter().any(|&(_, s)| s >= FIXED);
        if !agree || pair_of_country || kinds.len() == members.len() {
            continue;
        }
        for &i in &members {
            let thing = cands
                .get(i)
                .is_some_and(|c| has_common_word(cx, &name_words(cx, c.a, c.b)));
            if let Some(c) = cands.get_mut(i).filter(|c| !typed(c) && !thing) {
                c.kind = Some(kind);
                c.strength = MEDIUM;
                c.pending = false;
            }
        }
    }
}

/// Gives every candidate with the same text (among those `which` selects) the type of its
/// strongest occurrence.
fn vote(cx: &Ctx, cands: &mut [Cand], which: impl Fn(&Cand) -> bool) {
    let mut best: HashMap<String, (u8, EntityType)> = HashMap::new();
    for c in cands.iter().filter(|c| !c.pending && which(c)) {
        if let Some(kind) = c.kind {
            let e = best
                .entry(cx.normalized(c.a, c.b))
                .or_insert((c.strength, kind));
            if c.strength > e.0 {
                *e = (c.strength, kind);
            }
        }
    }
    for c in cands
        .iter_mut()
        .filter(|c| !c.pending && c.strength < FIXED && which(c))
    {
        if let Some(&(strength, kind)) = best.get(&cx.normalized(c.a, c.b)) {
            if strength > c.strength || c.kind == Some(kind) {
                c.kind = Some(kind);
                c.strength = strength.max(c.strength);
            }
        }
    }
}

/// Title Case blocks: only names the document knows from elsewhere, lexicon names, acronyms
/// and organisation names ("Trend News Agency").
fn headlines(
    cx: &mut Ctx,
    known: &Gazetteer<(EntityType, String)>,
    lex: &[Option<(usize, LexEntry)>],
) {
    let mut i = 0;
    while i < cx.toks.len() {
        let t = *cx.t(i);
        let title_case = cx.title_case.get(t.block as usize) == Some(&true);
        if !title_case || cx.is_claimed(i) || !t.is_capitalised() {
            i += 1;
            continue;
        }
        if let Some((end, (kind, canonical))) = known.longest_at(&cx.toks, i, |k| !cx.is_claimed(k))
        {
            let (kind, canonical) = (*kind, canonical.clone());
            claim(cx, i, end, kind, canonical);
            i = end;
            continue;
        }
        if let Some(&Some((end, e))) = lex.get(i) {
            if cx.free(i, end) {
                cx.claim(Found {
                    a: i,
                    b: end,
                    kind: e.kind(),
                    canonical: e.canonical.to_string(),
                    layer: Layer::Rules,
                    strength: FIXED,
                });
                i = end;
                continue;
            }
        }
        if t.is_acronym() && t.text.chars().filter(|c| c.is_alphabetic()).count() <= 6 {
            let canonical = t.text.to_string();
            claim(cx, i, i + 1, EntityType::Org, canonical);
            i += 1;
            continue;
        }
        // A run of capitalised words ending with an organisation head.
        let mut end = i + 1;
        while cx
            .tok_in(end, i)
            .is_some_and(|n| n.space_before && n.is_capitalised() && !cx.is_claimed(end))
        {
            end += 1;
        }
        let starts_ok = !is_in(t.text, &words::STOP);
        if starts_ok && end - i >= 2 && is_in(cx.t(end - 1).text, &words::ORG_HEADS) {
            let canonical = cx.normalized(i, end);
            claim(cx, i, end, EntityType::Org, canonical);
            i = end;
            continue;
        }
        i += 1;
    }
}
