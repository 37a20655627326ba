//! NUMBER: cardinal numbers and measured quantities that are not dates.
//!
//! Digits ("2,000", "3.5", "1.5 million"), spelled-out numbers ("Forty", "twenty-five",
//! "two hundred"), "a dozen", vague quantities ("thousands", "tens of thousands", "tens of
//! tons"), a leading approximator ("over 800", "about a dozen") and a following unit
//! ("50 tonnes", "5%"). The canonical value is the number in digits; vague quantities keep their
//! words. Ordinals, times of day, years and the numbers inside names ("F-16", "Resolution 2334")
//! are not numbers here.

use super::tokens::{at, TokKind, Token};
use super::words::{ascii_lower, FastMap, WordSet};
use std::sync::OnceLock;

/// Number words below twenty, indexed by value (also read by `compare::facts`).
pub(crate) const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// Tens words from twenty, `TENS[k]` is `20 + 10k`.
pub(crate) const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Single words before a number that belong to the quantity ("over 800", "about 30 years").
/// Multi-word comparisons ("more than 50 tonnes") stay outside the span.
pub static APPROXIMATORS: WordSet = WordSet::new(&[
    "about",
    "almost",
    "approximately",
    "around",
    "nearly",
    "over",
    "roughly",
    "some",
]);

/// Units of measure written after a number: part of a NUMBER span.
static UNITS: WordSet = WordSet::new(&[
    "acres",
    "barrels",
    "centimetres",
    "centimeters",
    "cm",
    "dollars",
    "drams",
    "euros",
    "feet",
    "gallons",
    "grams",
    "hectares",
    "kg",
    "kilograms",
    "kilometres",
    "kilometers",
    "km",
    "kilos",
    "litres",
    "liters",
    "manats",
    "meters",
    "metres",
    "miles",
    "mile",
    "percent",
    "pounds",
    "roubles",
    "rubles",
    "tonnes",
    "tonne",
    "tons",
    "ton",
    // Currencies written after the number ("8.2 billion yen", "10 billion shillings").
    "baht",
    "birr",
    "cedis",
    "dinars",
    "dirhams",
    "dong",
    "francs",
    "hryvnias",
    "kronor",
    "kroner",
    "lira",
    "naira",
    "pesos",
    "rand",
    "reais",
    "ringgit",
    "riyals",
    "rupees",
    "rupiah",
    "shillings",
    "tenge",
    "won",
    "yen",
    "yuan",
    "zlotys",
    "kronur",
    "krona",
    "koruna",
    "forint",
    "lei",
    "soles",
    "kwacha",
    "taka",
    "tugriks",
    "lari",
    "meticais",
    "cents",
    // Energy and temperature.
    "degrees",
    "gigawatts",
    "kilowatts",
    "megawatts",
]);

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Vague quantities in words: the canonical form is the text.
static VAGUE: WordSet = WordSet::new(&[
    "billions",
    "dozens",
    "hundreds",
    "millions",
    "tens",
    "thousands",
]);

/// Nouns that label a number inside a name ("Article 5", "Resolution 2334", "Flight 17").
static LABELS: WordSet = WordSet::new(&[
    "article",
    "chapter",
    "flight",
    "no",
    "number",
    "page",
    "paragraph",
    "point",
    "resolution",
    "room",
    "route",
    "section",
    "vol",
    "volume",
]);

/// Number words and their values, looked up once per token.
fn number_word(w: &str) -> Option<f64> {
    static MAP: OnceLock<FastMap<&'static str, f64>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let ones = ONES.iter().enumerate().map(|(i, w)| (*w, i as f64));
        let tens = TENS
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, (i as f64 + 2.0) * 10.0));
        ones.chain(tens).collect()
    });
    let mut buf = [0u8; 24];
    map.get(ascii_lower(w, &mut buf)?).copied()
}

/// A token's number value, computed once at tokenisation: digits ("2,000", "3.5"; not "2nd",
/// "1990s") or one number word ("forty").
pub fn token_value(text: &str, kind: TokKind) -> Option<f64> {
    match kind {
        TokKind::Num => {
            let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let value: f64 = digits.replace(',', "").parse().ok()?;
            let unit = text.get(digits.len()..).unwrap_or("");
            if unit.is_empty() {
                return Some(value);
            }
            // "46C", "5km", "$3bn": a measure with its unit glued on (never "2nd" or "1990s").
            let factor = GLUED_UNITS
                .iter()
                .find(|(u, _)| unit.eq_ignore_ascii_case(u))
                .map(|&(_, f)| f)?;
            Some(value * factor)
        }
        TokKind::Word if (3..=9).contains(&text.len()) => number_word(text),
        _ => None,
    }
}

/// Currency signs written before the number ("$5 million", "₦12 billion").
const CURRENCY_SIGNS: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₦", "₩", "₺", "₽", "₱", "₫", "₪", "R$",
];

/// Units written glued to digits ("46C", "104F", "5km", "$3bn"), with the factor they multiply
/// the value by: temperatures, lengths, weights, speeds, power, and the money scales.
const GLUED_UNITS: &[(&str, f64)] = &[
    ("c", 1.0),
    ("f", 1.0),
    ("km", 1.0),
    ("kg", 1.0),
    ("cm", 1.0),
    ("mm", 1.0),
    ("mph", 1.0),
    ("kmh", 1.0),
    ("kw", 1.0),
    ("mw", 1.0),
    ("gw", 1.0),
    ("ha", 1.0),
    ("m", 1e6),
    ("bn", 1e9),
];

fn ones(t: &Token) -> Option<f64> {
    t.number.filter(|v| t.kind == TokKind::Word && *v < 20.0)
}

fn tens(t: &Token) -> Option<f64> {
    t.number.filter(|v| t.kind == TokKind::Word && *v >= 20.0)
}

fn scale(w: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(s, _)| w.eq_ignore_ascii_case(s))
        .map(|&(_, v)| v)
}

/// The value of a digit token ("2,000", "3.5", "46C"); `None` for "2nd", "1990s".
pub fn digits_value(t: &Token) -> Option<f64> {
    t.number.filter(|_| t.kind == TokKind::Num)
}

/// A number starting at token `i`, in digits or words, with a scale word ("1.5 million",
/// "two hundred", "twenty-five", "a dozen"): its end (exclusive) and value.
pub fn number_at(toks: &[Token], i: usize, usable: &dyn Fn(usize) -> bool) -> Option<(usize, f64)> {
    let t = toks.get(i)?;
    if !usable(i) {
        return None;
    }
    let next_word = |k: usize| {
        toks.get(k)
            .filter(|n| n.space_before && n.block == t.block && usable(k))
    };
    if let Some(v) = digits_value(t) {
        let mut end = i + 1;
        let mut value = v;
        if let Some(s) = next_word(end).and_then(|n| scale(n.text)) {
            value *= s;
            end += 1;
        }
        return Some((end, value));
    }
    if t.kind != TokKind::Word {
        return None;
    }
    // "a dozen", "half a dozen", "a hundred".
    if t.is_ci("a") || t.is_ci("half") {
        let (k, factor) = if t.is_ci("half") && next_word(i + 1).is_some_and(|n| n.is_ci("a")) {
            (i + 2, 0.5)
        } else if t.is_ci("a") {
            (i + 1, 1.0)
        } else {
            return None;
        };
        let n = next_word(k)?;
        if n.is_ci("dozen") {
            return Some((k + 1, 12.0 * factor));
        }
        if factor == 1.0 {
            if let Some(s) = scale(n.text) {
                return Some((k + 1, s));
            }
        }
        return None;
    }
    // Words: "forty", "twenty-five", "two hundred and fifty", "three thousand", "two dozen".
    let mut total = 0.0;
    let mut current = 0.0;
    let mut end = i;
    let mut k = i;
    let mut any = false;
    while let Some(w) = toks.get(k).filter(|w| usable(k) && w.block == t.block) {
        if k > i && !w.space_before {
            break;
        }
        if let Some(v) = tens(w) {
            if any && current % 100.0 != 0.0 {
                break;
            }
            current += v;
            k += 1;
            // "twenty-five"
            if toks
                .get(k)
                .is_some_and(|h| h.text == "-" && !h.space_before)
                && toks.get(k + 1).is_some_and(|u| {
                    !u.space_before && ones(u).is_some_and(|o| o > 0.0 && o < 10.0)
                })
            {
                current += ones(at(toks, k + 1)).unwrap_or(0.0);
                k += 2;
            }
        } else if let Some(v) = ones(w) {
            if any && current % 100.0 != 0.0 {
                break;
            }
            current += v;
            k += 1;
        } else if any && w.is_ci("dozen") {
            current *= 12.0;
            k += 1;
        } else if let Some(s) = scale(w.text).filter(|_| any) {
            if s == 100.0 {
                current *= s;
            } else {
                total += current * s;
                current = 0.0;
            }
            k += 1;
        } else if any
            && w.is_ci("and")
            && current >= 100.0
            && toks
                .get(k + 1)
                .is_some_and(|n| ones(n).is_some() || tens(n).is_some())
        {
            k += 1;
            continue;
        } else {
            break;
        }
        any = true;
        end = k;
    }
    any.then_some((end, total + current))
}

/// Digits for a value: "2000", "3.5".
pub fn canonical_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v}");
        s
    }
}

/// A NUMBER found in the tokens: token range and canonical value.
pub struct NumberMatch {
    pub a: usize,
    pub b: usize,
    pub canonical: String,
}

/// Finds every NUMBER among the usable tokens, left to right, without overlaps.
pub fn find(text: &str, toks: &[Token], usable: &dyn Fn(usize) -> bool) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match number_here(text, toks, i, usable) {
            Some(m) => {
                i = m.b;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

fn number_here(
    text: &str,
    toks: &[Token],
    i: usize,
    usable: &dyn Fn(usize) -> bool,
) -> Option<NumberMatch> {
    let t = at(toks, i);
    if !usable(i) {
        return None;
    }
    let same = |k: usize| toks.get(k).filter(|n| n.block == t.block && usable(k));
    // An approximator is part of the span only if a quantity follows it.
    let approx = t.kind == TokKind::Word && t.in_set(&APPROXIMATORS);
    let mut q = if approx { i + 1 } else { i };
    if approx && !same(q).is_some_and(|n| n.space_before) {
        return None;
    }
    // "about $1.50": the sign between the approximator and the number is in the span.
    if approx
        && same(q).is_some_and(|s| CURRENCY_SIGNS.contains(&s.text))
        && same(q + 1).is_some_and(|n| !n.space_before && n.kind == TokKind::Num)
    {
        q += 1;
    }
    if let Some(m) = vague_at(text, toks, q, usable) {
        return Some(NumberMatch { a: i, ..m });
    }
    let (mut end, value) = number_at(toks, q, usable)?;
    let first = at(toks, q);
    if !plausible(toks, q, end, usable) {
        return None;
    }
    // A currency sign glued before the number belongs to it: "$5 million", and the country
    // letters glued before the sign: "A$3.1 billion", "US$40".
    let mut a = i;
    if !approx
        && i > 0
        && CURRENCY_SIGNS.contains(&at(toks, i - 1).text)
        && !first.space_before
        && usable(i - 1)
    {
        a = i - 1;
        let sign = at(toks, a);
        let letters = a.checked_sub(1).map(|p| (p, at(toks, p)));
        if let Some((p, w)) = letters {
            if w.is_word()
                && w.block == sign.block
                && !sign.space_before
                && w.text.len() <= 2
                && w.text.chars().all(|c| c.is_ascii_uppercase())
                && usable(p)
            {
                a = p;
            }
        }
    }
    // A unit after it: "50 tonnes", "5%", "20 per cent", "10 square kilometres".
    if let Some(n) = same(end) {
        if n.text == "%" && !n.space_before {
            end += 1;
        } else if n.space_before
            && ((n.is_ci("per") && same(end + 1).is_some_and(|c| c.is_ci("cent")))
                || ((n.is_ci("square") || n.is_ci("cubic"))
                    && same(end + 1).is_some_and(|u| u.in_set(&UNITS))))
        {
            end += 2;
        } else if (n.space_before && n.in_set(&UNITS)) || n.text == "°" {
            end += 1;
        }
    }
    // "45.8 degrees Celsius", "46°C", "46 °F": the scale belongs to the measure.
    let last = at(toks, end.saturating_sub(1));
    if last.is_ci("degrees") || last.text == "°" {
        if let Some(s) =
            same(end).filter(|s| s.in_ci(&["celsius", "fahrenheit", "centigrade", "c", "f"]))
        {
            // Spaced after the word ("degrees Celsius"), glued after the sign ("°C").
            if s.space_before == last.is_ci("degrees") {
                end += 1;
            }
        }
    }
    Some(NumberMatch {
        a,
        b: end,
        canonical: canonical_value(value),
    })
}

/// Rejects numbers that are not quantities: "one" as a pronoun, identifiers ("F-16"), times
/// ("00:13"), labels ("Article 5"), hyphenated compounds ("three-member"), ordinals.
fn plausible(toks: &[Token], q: usize, end: usize, usable: &dyn Fn(usize) -> bool) -> bool {
    let t = at(toks, q);
    let prev = q
        .checked_sub(1)
        .map(|p| at(toks, p))
        .filter(|p| p.block == t.block);
    let next = toks.get(end).filter(|n| n.block == t.block);
    // An age: "a 3,000-year-old workshop", "a 34-year-old climber" (a number, a unit, "old").
    let glued = |k: usize| {
        toks.get(k)
            .filter(|n| n.block == t.block && !n.space_before)
    };
    if glued(end).is_some_and(|h| h.text == "-")
        && glued(end + 1).is_some_and(|u| u.is_word())
        && glued(end + 2).is_some_and(|h| h.text == "-")
        && glued(end + 3).is_some_and(|o| o.is_ci("old"))
    {
        return false;
    }
    if t.kind == TokKind::Num {
        // Identifier: "COVID-19", "F-16", "Su-25".
        if let Some(p) = prev {
            if p.text == "-"
                && !t.space_before
                && q >= 2
                && at(toks, q - 2).kind == TokKind::Word
                && !p.space_before
            {
                return false;
            }
            if p.text == ":" && !t.space_before {
                return false;
            }
            // "Article 5", "the number 9 shirt".
            if p.kind == TokKind::Word
                && (p.is_capitalised() || p.is_ci("number"))
                && p.in_set(&LABELS)
            {
                return false;
            }
        }
        if let Some(n) = next {
            if n.text == ":"
                && !n.space_before
                && toks
                    .get(end + 1)
                    .is_some_and(|m| m.kind == TokKind::Num && !m.space_before)
            {
                return false;
            }
            if n.in_ci(&["am", "pm", "a.m.", "p.m.", "gmt", "utc", "hrs"]) {
                return false;
            }
        }
        return true;
    }
    // Spelled-out numbers. A capitalised one inside a name is part of the name: "Channel One".
    if t.is_capitalised()
        && !t.sentence_start
        && prev.is_some_and(|p| p.is_capitalised() && t.space_before)
    {
        return false;
    }
    if end == q + 1 && t.is_ci("one") {
        // "no one", "one of", "one another", "the one who": not a count.
        if prev.is_some_and(|p| {
            p.in_ci(&[
                "no", "any", "every", "each", "the", "this", "that", "which", "such", "some",
                "anyone", "someone",
            ])
        }) {
            return false;
        }
        if next.is_none_or(|n| {
            !n.is_lowercase()
                || n.in_ci(&[
                    "of", "another", "who", "which", "that", "else", "or", "and", "is", "was",
                    "has",
                ])
        }) {
            return false;
        }
    }
    // "three-member", "two-thirds": a compound adjective, not a count (durations are dates).
    if next.is_some_and(|n| n.text == "-" && !n.space_before)
        && toks
            .get(end + 1)
            .is_some_and(|w| !w.space_before && usable(end + 1))
    {
        return false;
    }
    true
}

/// "thousands", "tens of thousands", "tens of tons", "dozens": vague quantities in words.
fn vague_at(
    text: &str,
    toks: &[Token],
    i: usize,
    usable: &dyn Fn(usize) -> bool,
) -> Option<NumberMatch> {
    let t = toks.get(i)?;
    if !usable(i) || t.kind != TokKind::Word {
        return None;
    }
    // "several thousand", "a few hundred", "many thousands".
    let few = if t.is_ci("a") { 2 } else { 1 };
    let fuzzy = (t.in_ci(&["several", "many", "few"])
        || (t.is_ci("a") && toks.get(i + 1).is_some_and(|f| f.is_ci("few"))))
        && toks.get(i + few).is_some_and(|s| {
            s.space_before && usable(i + few) && (scale(s.text).is_some() || s.in_set(&VAGUE))
        });
    if fuzzy {
        let end = i + few + 1;
        let canonical = lower_span(text, t.start, at(toks, end - 1).end);
        return Some(NumberMatch {
            a: i,
            b: end,
            canonical,
        });
    }
    if !t.in_set(&VAGUE) {
        return None;
    }
    let same = |k: usize| {
        toks.get(k)
            .filter(|n| n.block == t.block && n.space_before && usable(k))
    };
    let mut end = i + 1;
    // "tens of thousands", "hundreds of millions", "tens of tons".
    if same(end).is_some_and(|o| o.is_ci("of"))
        && same(end + 1).is_some_and(|w| w.in_set(&VAGUE) || w.in_set(&UNITS))
    {
        end += 2;
    } else if t.is_ci("tens") {
        return None;
    }
    let canonical = lower_span(text, t.start, at(toks, end - 1).end);
    Some(NumberMatch {
        a: i,
        b: end,
        canonical,
    })
}

/// The text between two offsets, spaces normalised, in lower case.
fn lower_span(text: &str, start: usize, end: usize) -> String {
    crate::text::normalize_space(text.get(start..end).unwrap_or("")).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokens::tokenize;

    fn check(text: &str, expected: &[&str]) {
        let toks = tokenize(text);
        let got: Vec<String> = find(text, &toks, &|_| true)
            .iter()
            .map(|m| {
                format!(
                    "{}={}",
                    text.get(toks[m.a].start..toks[m.b - 1].end).unwrap(),
                    m.canonical
                )
            })
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn digits_words_and_quantities() {
        check(
            "With 2,000 peacekeepers and 22,000 rounds",
            &["2,000=2000", "22,000=22000"],
        );
        check(
            "Forty buses and six armored vehicles",
            &["Forty=40", "six=6"],
        );
        check(
            "twenty-five people, two hundred and fifty more",
            &["twenty-five=25", "two hundred and fifty=250"],
        );
        check("a team of about a dozen people", &["about a dozen=12"]);
        check("over 800 small arms", &["over 800=800"]);
        check("more than 50 tonnes of food", &["50 tonnes=50"]);
        check(
            "$1.5 million and 5% and 20 per cent",
            &["$1.5 million=1500000", "5%=5", "20 per cent=20"],
        );
        check(
            "tens of thousands of people, thousands of refugees, tens of tons of aid",
            &[
                "tens of thousands=tens of thousands",
                "thousands=thousands",
                "tens of tons=tens of tons",
            ],
        );
    }

    #[test]
    fn temperatures_and_glued_units() {
        check(
            "temperatures near 46C, a record 45.8 degrees Celsius, 104°F and 12 °C",
            &[
                "46C=46",
                "45.8 degrees Celsius=45.8",
                "104°F=104",
                "12 °C=12",
            ],
        );
        check("a 5km queue and a $3bn loan", &["5km=5", "$3bn=3000000000"]);
        check(
            "costs about $1.50 a dose; about 7 billion kronur",
            &["about $1.50=1.5", "about 7 billion kronur=7000000000"],
        );
        check("in the 1990s, the 2nd round", &[]);
    }

    #[test]
    fn not_numbers() {
        check(
            "no one came, one of them, at 00:13, an F-16, Article 5",
            &[],
        );
        check("the first and 2nd time, a three-member team", &[]);
        check("one person", &["one=1"]);
    }
}
