//! What a number counts: the counted noun normalised (people, residents, victims, the dead →
//! people) and the event people are counted in (killed, injured, missing, displaced, rescued,
//! arrested), read from the words around the number. "At least 12 people were killed", "15
//! dead" and "the death toll has risen to 15" all count people killed; "about 2,000 residents
//! were evacuated" and "1,200 residents were relocated" people displaced; killed and evacuated
//! never merge.
//!
//! General English, not one story's words: the tables name events news counts people in.

/// Events people are counted in, and the words (folded, as written) that name them.
const EVENTS: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed",
            "killing",
            "kill",
            "kills",
            "dead",
            "died",
            "die",
            "dies",
            "dying",
            "death",
            "deaths",
            "toll",
            "fatalities",
            "fatality",
            "drowned",
            "perished",
            "bodies",
            "lives",
        ],
    ),
    (
        "injured",
        &[
            "injured",
            "injuring",
            "injuries",
            "wounded",
            "wounding",
            "hurt",
            "hospital",
            "hospitalised",
            "hospitalized",
        ],
    ),
    ("missing", &["missing", "unaccounted"]),
    (
        "displaced",
        &[
            "evacuated",
            "evacuating",
            "evacuate",
            "evacuation",
            "evacuees",
            "relocated",
            "relocating",
            "displaced",
            "homeless",
            "fled",
            "fleeing",
            "uprooted",
            "resettled",
            // "forced from their homes", "left without homes", "in shelters"
            "homes",
            "shelters",
        ],
    ),
    ("rescued", &["rescued", "rescuing", "rescue", "saved"]),
    (
        "arrested",
        &["arrested", "arresting", "arrests", "detained", "detaining"],
    ),
];

/// Nouns (singular) that name people. Counted in an event, they all count people.
const PEOPLE: &[&str] = &[
    "person",
    "resident",
    "passenger",
    "victim",
    "civilian",
    "villager",
    "inhabitant",
    "individual",
    "worker",
    "miner",
    "child",
    "adult",
    "man",
    "woman",
    "migrant",
    "refugee",
    "tourist",
    "student",
    "patient",
    "survivor",
    "soldier",
    "crew",
    "fisherman",
    "protester",
    "protestor",
    "employee",
    "evacuee",
    "pilgrim",
    "citizen",
    "dead",
    "body",
    "casualty",
    "injured",
    "wounded",
    "missing",
];

/// People nouns that say nothing about who the people are: counted alone, they are "person".
const GENERIC: &[&str] = &[
    "person",
    "resident",
    "civilian",
    "victim",
    "inhabitant",
    "individual",
    "villager",
    "casualty",
];

/// Words between which a number's event is looked for: beyond them is another clause.
const CLAUSE_WORDS: &[&str] = &["while", "but", "whereas", "although", "and"];

/// How far from the number an event word may be.
pub(crate) const EVENT_REACH: usize = 6;
/// How far back a number with no counted noun looks for its event ("the death toll from
/// Sunday's ferry disaster has risen to 14").
pub(crate) const SUBJECT_REACH: usize = 12;

/// The event a word names.
fn event_of(word: &str) -> Option<&'static str> {
    EVENTS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(e, _)| *e)
}

/// The singular of a folded noun ("people" → "person", "allies" → "ally", "arms" → "arm").
pub(crate) fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    let irregular = match w.as_str() {
        "people" => Some("person"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "fishermen" => Some("fisherman"),
        "bodies" => Some("body"),
        "casualties" => Some("casualty"),
        _ => None,
    };
    if let Some(s) = irregular {
        return s.to_string();
    }
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    if w.ends_with("ss") {
        return w;
    }
    w.strip_suffix('s').map_or(w.clone(), str::to_string)
}

/// Is this singular noun a kind of people?
pub(crate) fn is_people(noun: &str) -> bool {
    PEOPLE.contains(&noun)
}

/// The group key of a people noun counted with no event: "person" for the generic ones.
pub(crate) fn people_key(noun: &str) -> &str {
    if GENERIC.contains(&noun) {
        "person"
    } else {
        noun
    }
}

/// The key of people counted in an event.
pub(crate) fn event_key(event: &str) -> String {
    format!("people {event}")
}

/// A sentence's words and the text between each word and the next (what the event search
/// needs to see clause boundaries).
pub(crate) struct Words<'a> {
    pub words: &'a [&'a str],
    pub gaps: &'a [&'a str],
}

impl Words<'_> {
    fn word(&self, k: usize) -> &str {
        self.words.get(k).copied().unwrap_or("")
    }

    /// Punctuation between word `k` and the next ends a clause.
    fn clause_break_after(&self, k: usize) -> bool {
        self.gaps
            .get(k)
            .is_some_and(|g| g.chars().any(|c| ",;:()".contains(c)))
    }

    /// The event named nearest the counted phrase `first..=last` (words of the phrase itself
    /// aside, except its head `head`), within its clause: after it first, then before it.
    /// `reach_before` is how far back to look.
    pub fn event(
        &self,
        first: usize,
        last: usize,
        head: Option<usize>,
        reach_before: usize,
    ) -> Option<(&'static str, usize)> {
        if let Some(e) = head.and_then(|h| event_of(self.word(h)).map(|e| (e, h))) {
            return Some(e);
        }
        let mut after = None;
        let mut k = last;
        while !self.clause_break_after(k) && k < last.saturating_add(EVENT_REACH) {
            k += 1;
            let w = self.word(k);
            if w.is_empty() || CLAUSE_WORDS.contains(&w) {
                break;
            }
            if let Some(e) = event_of(w) {
                after = Some((e, k, k - last));
                break;
            }
        }
        let mut before = None;
        let mut k = first;
        while k > 0 && first - k < reach_before {
            k -= 1;
            let w = self.word(k);
            if self.clause_break_after(k) || CLAUSE_WORDS.contains(&w) {
                break;
            }
            if let Some(e) = event_of(w) {
                before = Some((e, k, first - k));
                break;
            }
        }
        match (after, before) {
            (Some(a), Some(b)) if b.2 < a.2 => Some((b.0, b.1)),
            (Some(a), _) => Some((a.0, a.1)),
            (None, Some(b)) => Some((b.0, b.1)),
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(sentence: &str, number: &str) -> Option<&'static str> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let gaps: Vec<&str> = vec![" "; words.len()];
        let at = words.iter().position(|w| *w == number)?;
        let w = Words {
            words: &words,
            gaps: &gaps,
        };
        w.event(at, at + 1, Some(at + 1), EVENT_REACH).map(|e| e.0)
    }

    #[test]
    fn events_around_a_number() {
        assert_eq!(
            event("at least 12 people were killed", "12"),
            Some("killed")
        );
        assert_eq!(event("leaving 15 dead", "15"), Some("killed"));
        assert_eq!(
            event("about 1200 residents were relocated", "1200"),
            Some("displaced")
        );
        assert_eq!(
            event("officials evacuated about 2000 residents", "2000"),
            Some("displaced")
        );
        assert_eq!(
            event("9 people were killed and 23 people were injured", "23"),
            Some("injured")
        );
        assert_eq!(
            event("9 people were killed and 23 people were injured", "9"),
            Some("killed")
        );
        assert_eq!(
            event("some 2000 people were forced from their homes", "2000"),
            Some("displaced")
        );
        assert_eq!(event("the ferry was carrying 212 passengers", "212"), None);
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("years"), "year");
        assert_eq!(singular("People"), "person");
        assert_eq!(singular("allies"), "ally");
        assert_eq!(singular("arms"), "arm");
        assert_eq!(singular("children"), "child");
        assert_eq!(people_key("residents"), "residents");
        assert_eq!(people_key(&singular("residents")), "person");
    }
}
