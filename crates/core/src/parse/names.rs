//! Telling a person's name from an organisation's in bylines and credits.
//!
//! "By Ilham Karimli" names a person; "Posted by Balkan Periscope - Hellas" or "By Reuters" names
//! an outlet; "By Staff" names nobody in particular. The rules look at the shape of the name
//! (2–4 capitalised words, initials and particles allowed) and at words that only organisations
//! carry ("News", "Agency", "Press", …). They do not know any particular outlet beyond the
//! handful of wire services that sign copy with a bare name.

/// What a name in a byline or credit refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
    /// "Staff", "Editorial team", "admin": a role, not a name to record.
    Generic,
    /// Neither shape fits ("Sunday", "the end of"): not a name.
    Unknown,
}

/// Words that mark a name as an organisation's.
const ORG_WORDS: &[&str] = &[
    "agency",
    "agencies",
    "associated",
    "broadcasting",
    "bureau",
    "channel",
    "chronicle",
    "daily",
    "desk",
    "digest",
    "editorial",
    "foundation",
    "gazette",
    "group",
    "herald",
    "inc",
    "institute",
    "journal",
    "ltd",
    "magazine",
    "media",
    "network",
    "news",
    "newspaper",
    "newsroom",
    "observer",
    "online",
    "press",
    "radio",
    "review",
    "service",
    "telegraph",
    "times",
    "today",
    "tribune",
    "tv",
    "weekly",
    "wire",
    "world",
];

/// Wire services and pools that sign copy with a bare name.
const WIRE_SERVICES: &[&str] = &[
    "afp",
    "agence france-presse",
    "agencies",
    "anadolu",
    "ani",
    "ansa",
    "ap",
    "associated press",
    "bloomberg",
    "dpa",
    "efe",
    "ians",
    "kyodo",
    "pti",
    "reuters",
    "ria novosti",
    "tass",
    "upi",
    "xinhua",
    "yonhap",
];

/// Roles rather than names.
const GENERIC: &[&str] = &[
    "admin",
    "administrator",
    "anonymous",
    "contributor",
    "correspondent",
    "desk",
    "editor",
    "editorial board",
    "editorial team",
    "editors",
    "guest",
    "news desk",
    "our correspondent",
    "staff",
    "staff reporter",
    "staff writer",
    "team",
    "unknown",
    "web desk",
    "web team",
];

/// Last words that make a name a role ("HT Correspondent", "Senior Reporter", "Political
/// Editor"): whoever holds it, it is not a person's name.
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "editor",
    "editors",
    "writer",
    "writers",
    "staff",
    "desk",
    "bureau",
    "columnist",
    "contributor",
    "team",
];

/// Lower-case words allowed inside a personal name ("Ursula von der Leyen", "Ahmad al Sharaa").
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le",
    "ten", "ter", "van", "von",
];

/// Classifies a name (already trimmed, whitespace normalised).
pub fn classify(name: &str) -> NameKind {
    let lower = name.to_lowercase();
    let lower = lower.trim_matches(|c: char| c.is_ascii_punctuation() && c != '.');
    if GENERIC.contains(&lower) {
        return NameKind::Generic;
    }
    if lower
        .split_whitespace()
        .last()
        .is_some_and(|w| ROLE_WORDS.contains(&w))
    {
        return NameKind::Generic;
    }
    if WIRE_SERVICES.contains(&lower) {
        return NameKind::Organisation;
    }
    if looks_like_person(name) {
        return NameKind::Person;
    }
    let words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .map(String::from)
        .collect();
    let acronym =
        name.len() >= 2 && name.len() <= 6 && name.chars().all(|c| c.is_ascii_uppercase());
    let starts_upper = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if starts_upper && (acronym || words.iter().any(|w| ORG_WORDS.contains(&w.as_str()))) {
        NameKind::Organisation
    } else {
        NameKind::Unknown
    }
}

/// 2–4 words, each capitalised (or an initial, or a name particle), none an organisation word,
/// no digits and no separators such as " - " or "|".
pub fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "The Irish Times" is not a person; nor is "ABC North Coast" (an acronym among words).
    let acronym = |w: &&str| w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    let shouting = words.iter().all(acronym);
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        || (!shouting && words.iter().any(acronym))
    {
        return false;
    }
    if !(2..=5).contains(&words.len())
        || name
            .chars()
            .any(|c| c.is_ascii_digit() || "|/&@()".contains(c))
    {
        return false;
    }
    let is_initial = |w: &str| {
        let core = w.trim_end_matches('.');
        core.chars().count() <= 2 && core.chars().all(char::is_uppercase) && !core.is_empty()
    };
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(|c| c.is_alphabetic() || "'’-.".contains(c))
    };
    let first_last_ok = words.first().is_some_and(|w| capitalised(w))
        && words.last().is_some_and(|w| capitalised(w));
    let all_ok = words.iter().all(|w| {
        let lw = w.to_lowercase();
        !ORG_WORDS.contains(&lw.trim_end_matches(['.', ',']))
            && (capitalised(w) || is_initial(w) || PARTICLES.contains(&lw.as_str()))
    });
    first_last_ok && all_ok
}

/// A masthead on the first line of an article: a short name in title case that reads as an
/// outlet ("The Guardian", "The New Yorker", "Nation Media Group"), not a section label
/// ("World news") nor a person.
pub fn is_masthead(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let title_case = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || ["of", "and", "&", "on", "the"].contains(w)
    });
    (1..=5).contains(&words.len())
        && title_case
        && !line.ends_with(['.', ',', ':', ';', '!', '?'])
        && (words.first().is_some_and(|w| *w == "The") || classify(line) == NameKind::Organisation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people() {
        for n in [
            "Ilham Karimli",
            "Stephane Dujarric",
            "J. K. Rowling",
            "Ursula von der Leyen",
            "Seán O'Neill",
            "Mary-Jane Smith",
        ] {
            assert_eq!(classify(n), NameKind::Person, "{n}");
        }
    }

    #[test]
    fn organisations() {
        for n in [
            "Reuters",
            "AFP",
            "Agencies",
            "Trend News Agency",
            "The Associated Press",
            "Al Jazeera Media Network",
            "BBC",
        ] {
            assert_eq!(classify(n), NameKind::Organisation, "{n}");
        }
    }

    #[test]
    fn not_names() {
        for n in ["Sunday", "the end of the day", "Hellas", "2023"] {
            assert_eq!(classify(n), NameKind::Unknown, "{n}");
        }
    }

    #[test]
    fn roles() {
        for n in [
            "Staff",
            "staff writer",
            "Editorial Team",
            "admin",
            "HT Correspondent",
            "Political Editor",
        ] {
            assert_eq!(classify(n), NameKind::Generic, "{n}");
        }
    }
}
