//! Rules over neighbouring mentions, after both layers have run.
//!
//! - "X (Y)": Y is another name of X ("United Nations (UN)", "Karabakh (Garabagh)",
//!   "Republic of Nagorno-Karabakh (Artsakh)"); every other Y in the document follows.
//! - An acronym organisation directly before an organisation is its parent and part of the name
//!   ("UN World Food Program", "U.N. Security Council").
//! - A place directly before a plural group noun names a group ("Karabakh Armenians").
//! - Nationality adjectives listed after "languages", or after "in"/"into" at the end of a
//!   phrase, are languages, which are not annotated ("in four languages – Azerbaijani, Armenian").
//! - A state body named by the rules gets its country ("Azerbaijan's Foreign Ministry" →
//!   "Ministry of Foreign Affairs of Azerbaijan").

use super::lexicon::{self, Form};
use super::words::{self, is_in};
use super::{tokens, Ctx, EntityType, Found, Layer, FIXED};
use std::collections::HashMap;

pub(super) fn apply(cx: &mut Ctx) {
    cx.found.sort_by_key(|f| f.a);
    parenthetical_aliases(cx);
    merge_neighbours(cx);
    drop_languages(cx);
    state_bodies(cx);
}

fn parenthetical_aliases(cx: &mut Ctx) {
    let mut aliases: HashMap<String, (EntityType, String)> = HashMap::new();
    for i in 1..cx.found.len() {
        let Some(y) = cx.found.get(i) else { break };
        let enclosed = y.a > 0
            && cx.prev(y.a).is_some_and(|t| t.text == "(")
            && cx.tok_in(y.b, y.a).is_some_and(|t| t.text == ")");
        // The writer equates the two names: that overrides a lexicon or knowledge-base reading
        // of the bracketed one ("Republic of Nagorno-Karabakh (Artsakh)": the republic, not the
        // region).
        if !enclosed || !y.kind.is_name() {
            continue;
        }
        let acronym = y.b - y.a == 1 && cx.t(y.a).is_acronym();
        // An acronym names the nearest preceding name whose initials spell it ("UN Relief and
        // Works Agency for Palestine Refugees in the Near East (UNRWA)"); any other word names
        // the name right before the bracket ("Karabakh (Garabagh)").
        let x = if acronym {
            let letters: Vec<char> = cx
                .t(y.a)
                .text
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect();
            cx.found
                .get(..i)
                .unwrap_or_default()
                .iter()
                .rev()
                .take(3)
                .take_while(|x| cx.t(x.a).block == cx.t(y.a).block)
                .find(|x| x.kind.is_name() && spells(&initials(cx, x), &letters))
        } else {
            cx.found
                .get(i - 1)
                .filter(|x| x.b + 1 == y.a && x.kind.is_name())
        };
        let Some(x) = x else { continue };
        if y.strength >= FIXED && !(x.kind == EntityType::Org && y.kind != EntityType::Org) {
            continue;
        }
        let (kind, canonical) = (x.kind, x.canonical.clone());
        aliases.insert(cx.surface(y.a, y.b).to_string(), (kind, canonical.clone()));
        if let Some(y) = cx.found.get_mut(i) {
            y.kind = kind;
            y.canonical = canonical;
        }
    }
    if aliases.is_empty() {
        return;
    }
    let text = cx.text;
    let toks = &cx.toks;
    for f in cx.found.iter_mut() {
        if f.layer != Layer::Rules || f.strength >= FIXED || !f.kind.is_name() {
            continue;
        }
        let end = f.b.checked_sub(1).map_or(0, |l| tokens::at(toks, l).end);
        let surface = text.get(tokens::at(toks, f.a).start..end).unwrap_or("");
        if let Some((kind, canonical)) = aliases.get(surface) {
            f.kind = *kind;
            f.canonical = canonical.clone();
        }
    }
}

/// Capital initials of a name's words; an acronym inside counts with all its letters.
fn initials(cx: &Ctx, f: &Found) -> Vec<char> {
    let mut out = Vec::new();
    for t in cx.toks.get(f.a..f.b).unwrap_or_default() {
        if t.is_acronym() {
            out.extend(t.text.chars().filter(|c| c.is_alphabetic()));
        } else if t.is_capitalised() {
            out.extend(t.text.chars().next());
        }
    }
    out
}

/// The acronym's letters appear in order among the initials, starting with the first.
fn spells(initials: &[char], letters: &[char]) -> bool {
    if letters.len() < 2 || initials.first() != letters.first() {
        return false;
    }
    let mut it = initials.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}

fn merge_neighbours(cx: &mut Ctx) {
    let mut out: Vec<Found> = Vec::with_capacity(cx.found.len());
    for f in std::mem::take(&mut cx.found) {
        if let Some(prev) = out.last_mut() {
            let adjacent =
                prev.b == f.a && cx.t(f.a).space_before && cx.t(f.a).block == cx.t(prev.a).block;
            if adjacent {
                // "UN" + "World Food Program".
                if prev.kind == EntityType::Org
                    && f.kind == EntityType::Org
                    && prev.b - prev.a == 1
                    && cx.t(prev.a).is_acronym()
                {
                    prev.b = f.b;
                    prev.canonical = f.canonical;
                    prev.layer = f.layer;
                    prev.strength = prev.strength.max(f.strength);
                    continue;
                }
                // "Karabakh" + "Armenians".
                let group =
                    lexicon::lookup(cx.surface(f.a, f.b)).filter(|l| l.form == Form::Plural);
                if prev.kind == EntityType::Place && f.kind == EntityType::Norp && group.is_some() {
                    let surface = cx.normalized(prev.a, f.b);
                    let kb_group = cx.kb.and_then(|kb| {
                        kb.entities().iter().find(|e| {
                            e.kind == EntityType::Norp
                                && e.aliases.iter().any(|a| a.name == surface)
                        })
                    });
                    prev.canonical = match kb_group {
                        Some(e) => e.canonical.clone(),
                        None => format!("{} {}", cx.surface(prev.a, prev.b), f.canonical),
                    };
                    prev.b = f.b;
                    prev.kind = EntityType::Norp;
                    prev.layer = if kb_group.is_some() {
                        Layer::KnowledgeBase
                    } else {
                        Layer::Rules
                    };
                    continue;
                }
            }
        }
        out.push(f);
    }
    cx.found = out;
}

fn drop_languages(cx: &mut Ctx) {
    let is_adjective = |cx: &Ctx, f: &Found| {
        f.kind == EntityType::Norp
            && f.b - f.a == 1
            && lexicon::lookup(cx.surface(f.a, f.b)).is_some_and(|l| l.form == Form::Adjective)
    };
    let mut keep = vec![true; cx.found.len()];
    for (k, f) in cx.found.iter().enumerate() {
        if !is_adjective(cx, f) {
            continue;
        }
        // Walk back over a list of adjectives: "languages – Azerbaijani, Armenian, English, and".
        let mut j = f.a;
        let mut language = false;
        while let Some(p) = cx.prev(j) {
            let pk = j - 1;
            if is_in(p.text, &words::LANGUAGE_CUES) {
                language = true;
                break;
            }
            let listy = matches!(p.text, "," | "–" | "—" | "-" | ":" | "and" | "or")
                || (p.is_capitalised()
                    && lexicon::lookup(p.text).is_some_and(|l| l.form == Form::Adjective));
            if !listy || f.a - pk > 12 {
                break;
            }
            j = pk;
        }
        // "in English.", "translated into Russian,".
        let after = cx.tok_in(f.b, f.a);
        let phrase_end = after.is_none_or(|n| !n.is_word() || n.is("and") || n.is("or"));
        let before = cx
            .prev(f.a)
            .is_some_and(|p| p.is_lowercase() && is_in(p.text, &words::LANGUAGE_PREPS));
        if language || (before && phrase_end) {
            if let Some(x) = keep.get_mut(k) {
                *x = false;
            }
        }
    }
    let mut keep = keep.into_iter();
    cx.found.retain(|_| keep.next().unwrap_or(true));
}

/// "Foreign Ministry" → "Ministry of Foreign Affairs"; with the country of the sentence when one
/// is named before it ("Azerbaijan's Foreign Ministry", "Azerbaijani Defense Ministry", "The
/// Azerbaijani authorities ordered the State Migration Service").
fn state_bodies(cx: &mut Ctx) {
    /// How far back, in tokens, the country of a state body may be named.
    const REACH: usize = 60;
    for k in 0..cx.found.len() {
        let Some(f) = cx.found.get(k) else { break };
        if f.kind != EntityType::Org || f.layer != Layer::Rules || f.strength >= FIXED {
            continue;
        }
        let last = cx.t(f.b.saturating_sub(1));
        let body = [
            "ministry",
            "service",
            "services",
            "police",
            "army",
            "forces",
            "parliament",
            "government",
            "embassy",
        ];
        if !last.in_ci(&body) {
            continue;
        }
        let mut name = cx.normalized(f.a, f.b);
        if last.is_ci("ministry") && f.b - f.a == 2 {
            let field = cx.t(f.a).text;
            let field = match field.to_ascii_lowercase().as_str() {
                "foreign" => "Foreign Affairs".to_string(),
                "defence" => "Defense".to_string(),
                _ => field.to_string(),
            };
            name = format!("Ministry of {field}");
        }
        // The start of its sentence, at most REACH tokens back (bounded, so a document of one
        // endless sentence stays linear).
        let mut from = f.a;
        while from > 0
            && f.a - from < REACH
            && !cx.t(from).sentence_start
            && cx.t(from - 1).block == cx.t(f.a).block
        {
            from -= 1;
        }
        // The nearest country or nationality before it in that stretch.
        let country = cx
            .found
            .get(..k)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|g| g.a >= from && cx.t(g.a).block == cx.t(f.a).block)
            .filter(|g| matches!(g.kind, EntityType::Place | EntityType::Norp))
            .find_map(|g| lexicon::lookup(cx.surface(g.a, g.b)).and_then(|l| l.place));
        if let Some(c) = country {
            name = format!("{name} of {c}");
        }
        if let Some(f) = cx.found.get_mut(k) {
            f.canonical = name;
        }
    }
}
