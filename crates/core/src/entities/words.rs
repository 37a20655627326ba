//! Closed word lists the rules use: general English and news-writing vocabulary, not names.
//!
//! All lists are lower-case and compared case-insensitively. They describe how names are used
//! (titles before people, heads of organisation names, prepositions before places), so they carry
//! over to articles about any subject.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a fast hash for the fixed word tables (lookups never insert text from articles, so
/// hash flooding is not a concern; SipHash was a tenth of recognition time).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastHash = BuildHasherDefault<Fnv>;
pub type FastSet<K> = HashSet<K, FastHash>;
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastHash>;

/// Capitalised only because they start a sentence (or a headline): never the start of a name.
#[rustfmt::skip]
pub static STOP: WordSet = WordSet::new(&[
    "a", "about", "above", "according", "across", "additionally", "after", "afterwards", "again",
    "against", "ahead", "all", "almost", "already", "also", "although", "amid", "amidst", "among",
    "an", "and", "another", "any", "anyone", "anything", "are", "as", "asked", "at", "back",
    "because", "before", "behind", "being", "below", "beside", "besides", "between", "beyond",
    "both", "but", "by", "can", "certainly", "clearly", "consequently", "could", "currently",
    "despite", "did", "do", "does", "doing", "down", "during", "each", "earlier", "either", "else",
    "even", "eventually", "ever", "every", "everyone", "everything", "except", "few", "finally",
    "first", "following", "for", "formerly", "from", "further", "furthermore", "had", "has",
    "have", "having", "he", "hence", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "however", "i", "if", "in", "including", "indeed", "initially", "inside", "instead",
    "into", "is", "it", "its", "itself", "just", "last", "lastly", "later", "latest", "least",
    "less", "let", "like", "likewise", "many", "may", "maybe", "me", "meanwhile", "might", "more",
    "moreover", "most", "mostly", "much", "must", "my", "near", "nearly", "neither", "never",
    "nevertheless", "next", "no", "none", "nonetheless", "nor", "not", "nothing", "now", "of",
    "off", "often", "on", "once", "one", "only", "or", "other", "others", "otherwise", "our",
    "ours", "out", "outside", "over", "overall", "per", "perhaps", "please", "previously",
    "rather", "recently", "regardless", "second", "several", "shall", "she", "should", "shortly",
    "similarly", "since", "so", "some", "someone", "something", "sometimes", "soon", "still",
    "subsequently", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "thereafter", "therefore", "these", "they", "third", "this", "those", "though",
    "through", "throughout", "thus", "to", "together", "too", "toward", "towards", "under",
    "unless", "unlike", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were",
    "what", "whatever", "when", "whenever", "where", "whereas", "whether", "which", "while", "who",
    "whoever", "whom", "whose", "why", "will", "with", "within", "without", "would", "yes", "yet",
    "you", "your", "yours",
]);

/// Titles and roles written before a name ("President Ilham Aliyev", "Foreign Minister
/// Jeyhun Bayramov"): outside the PERSON span. Includes the words that build compound titles
/// ("Secretary of State", "Minister of Foreign Affairs").
#[rustfmt::skip]
pub static TITLES: WordSet = WordSet::new(&[
    "acting", "admiral", "adviser", "advisor", "affairs", "aide", "ambassador", "archbishop",
    "assistant", "attorney", "bishop", "brig", "brigadier", "capt", "captain", "cardinal",
    "catholicos", "chair", "chairman", "chairperson", "chairwoman", "chancellor", "chief", "col",
    "colonel", "commander", "commissioner", "coordinator", "councillor", "councilor", "crown",
    "defence", "defense", "deputy", "director", "dr", "economy", "emir", "envoy", "executive",
    "field", "first", "foreign", "former", "gen", "general", "gov", "governor", "head", "high",
    "interior", "judge", "king", "lady", "leader", "lieutenant", "lord", "lt", "major", "marshal",
    "mayor", "minister", "miss", "mr", "mrs", "ms", "mufti", "ombudsman", "patriarch", "permanent",
    "pope", "premier", "president", "president-elect", "presidential", "press", "prime", "prince",
    "princess", "prof", "professor", "prosecutor", "queen", "rabbi", "rep", "representative",
    "rev", "reverend", "secretary", "sen", "senator", "sergeant", "sgt", "sheikh", "sir",
    "special", "speaker", "spokesman", "spokesperson", "spokeswoman", "state", "sultan",
    "undersecretary", "vice",
]);

/// Lower-case nouns that introduce a person's name right after them, with at most a comma or
/// quote between ("spokesman Stephane Dujarric", "the UN spokesman, Stephane Dujarric").
#[rustfmt::skip]
pub static PERSON_NOUNS: WordSet = WordSet::new(&[
    "activist", "adviser", "advisor", "aide", "ambassador", "analyst", "author", "brother",
    "chairman", "chief", "colleague", "commander", "correspondent", "counterpart", "daughter",
    "deputy", "diplomat", "director", "envoy", "expert", "father", "governor", "husband",
    "journalist", "lawmaker", "lawyer", "leader", "mayor", "minister", "mother", "negotiator",
    "official", "premier", "president", "professor", "prosecutor", "representative", "researcher",
    "secretary", "senator", "sister", "son", "speaker", "spokesman", "spokesperson", "spokeswoman",
    "wife", "writer",
]);

/// Last words of organisation names ("Foreign Ministry", "Security Council", "World Court").
#[rustfmt::skip]
pub static ORG_HEADS: WordSet = WordSet::new(&[
    "academy", "administration", "agency", "airlines", "airways", "alliance", "army", "assembly",
    "association", "authority", "bank", "battalion", "board", "brigade", "broadcasting", "bureau",
    "cabinet", "center", "centre", "channel", "church", "club", "coalition", "college", "command",
    "commission", "committee", "company", "confederation", "congress", "consulate", "corporation",
    "corps", "council", "court", "crescent", "cross", "department", "directorate", "division",
    "duma", "embassy", "federation", "force", "forces", "forum", "foundation", "front", "fund",
    "gazette", "group", "guard", "herald", "inc", "initiative", "institute", "institution",
    "international", "journal", "league", "ltd", "ministry", "movement", "nations", "navy",
    "network", "news", "observatory", "office", "organisation", "organization", "parliament",
    "partnership", "party", "patriarchate", "police", "post", "press", "program", "programme",
    "radio", "regiment", "republic", "school", "secretariat", "senate", "service", "services",
    "society", "telegraph", "television", "times", "tribunal", "tribune", "tv", "union",
    "university", "watch",
]);

/// Organisation heads of a state's own bodies: "Azerbaijani Defense Ministry" is the NORP
/// "Azerbaijani" plus the ORG "Defense Ministry" (the country word is tagged on its own).
#[rustfmt::skip]
pub static GOV_HEADS: WordSet = WordSet::new(&[
    "administration", "army", "cabinet", "command", "consulate", "department", "embassy", "force",
    "forces", "government", "guard", "ministry", "navy", "office", "parliament", "police",
    "service", "services",
]);

/// Last words of place names ("Lachin Corridor", "Caspian Sea").
#[rustfmt::skip]
pub static PLACE_HEADS: WordSet = WordSet::new(&[
    "airport", "avenue", "basin", "bay", "bridge", "canal", "canyon", "coast", "corridor",
    "county", "delta", "desert", "district", "gorge", "governorate", "gulf", "heights",
    "highlands", "highway", "hills", "island", "islands", "krai", "lake", "mountain", "mountains",
    "oblast", "ocean", "pass", "peninsula", "plain", "plateau", "prefecture", "province", "range",
    "region", "river", "road", "sea", "square", "strait", "street", "strip", "valley",
]);

/// First words of place names ("Mount Ararat", "Lake Sevan").
#[rustfmt::skip]
pub static PLACE_FIRST: WordSet = WordSet::new(&[
    "cape", "fort", "gulf", "lake", "mount", "port", "saint",
]);

/// Lower-case route nouns that belong to the name before them ("the Lachin road").
#[rustfmt::skip]
pub static ROUTE_NOUNS: WordSet = WordSet::new(&[
    "corridor", "highway", "motorway", "road", "route",
]);

/// Lower-case nouns after a name that say it is a place ("the Karabakh region").
#[rustfmt::skip]
pub static PLACE_NOUNS: WordSet = WordSet::new(&[
    "area", "border", "borders", "capital", "city", "district", "enclave", "exclave", "frontier",
    "oblast", "province", "region", "territory", "town", "valley", "village",
]);

/// First words of broadcasters' names ("Channel One", "Radio Liberty").
#[rustfmt::skip]
pub static MEDIA_FIRST: WordSet = WordSet::new(&["channel", "radio", "television", "tv"]);

/// Lower-case nouns after a name that say it is an organisation ("the Civil Contract party").
#[rustfmt::skip]
pub static ORG_NOUNS: WordSet = WordSet::new(&[
        "account", "agency", "alliance", "bloc", "broadcaster", "channel", "coalition", "company",
    "daily", "faction", "firm", "magazine", "microblog", "militia", "movement", "newspaper",
    "outlet", "party", "platform", "portal", "website",
]);

/// Nouns after "X-Y" that make it two names ("the Aghdam-Khankendi border").
#[rustfmt::skip]
pub static RELATION_NOUNS: WordSet = WordSet::new(&[
    "accord", "agreement", "axis", "border", "conflict", "deal", "dialogue", "frontier", "highway",
    "line", "negotiations", "peace", "pipeline", "railway", "relations", "road", "route", "summit",
    "talks", "ties", "treaty", "war",
]);

/// Media roles: "a reporter for X" makes X an organisation.
#[rustfmt::skip]
pub static MEDIA_NOUNS: WordSet = WordSet::new(&[
    "anchor", "columnist", "commentator", "correspondent", "editor", "journalist", "presenter",
    "producer", "reporter",
]);

/// Speech verbs after a name ("Dujarric said", "Hajiyev told AFP").
#[rustfmt::skip]
pub static ATTRIBUTION: WordSet = WordSet::new(&[
    "acknowledged", "added", "admitted", "argued", "asserted", "commented", "continued",
    "emphasised", "emphasized", "explained", "insisted", "noted", "recalled", "remarked",
    "replied", "said", "says", "stressed", "tells", "told", "tweeted", "wrote",
]);

/// Prepositions that put a place after them ("in Goris", "to Nagorno-Karabakh").
#[rustfmt::skip]
pub static PLACE_PREPS: WordSet = WordSet::new(&[
    "across", "from", "in", "inside", "into", "near", "outside", "throughout", "to", "toward",
    "towards", "via",
]);

/// Capitalised common nouns that are not names on their own ("the Constitution", "the Court").
#[rustfmt::skip]
pub static GENERIC: WordSet = WordSet::new(&[
    "accord", "accords", "act", "agreement", "amendment", "annex", "article", "bill", "charter",
    "chapter", "code", "constitution", "convention", "declaration", "decree", "internet", "law",
    "protocol", "resolution", "section", "statute", "treaty",
]);

/// Lower-case particles inside people's names ("Charles de Gaulle", "Ursula von der Leyen").
#[rustfmt::skip]
pub static PARTICLES: WordSet = WordSet::new(&[
    "al", "bin", "da", "das", "de", "del", "der", "di", "dos", "du", "el", "ibn", "la", "le",
    "van", "von",
]);

/// Family-name endings common in the languages of the region and beyond: a single unknown name
/// with one of them is more likely a person than a place.
#[rustfmt::skip]
pub const SURNAME_ENDINGS: &[&str] = &[
    "yan", "yants", "ov", "ova", "ev", "eva", "yev", "yeva", "enko", "sky", "ski", "skaya", "vich",
    "vych", "ovic", "ović", "dze", "shvili", "oglu", "oğlu", "zade", "zadeh", "yuk", "chuk",
];

/// Words after which a list of nationality adjectives names languages, not groups.
#[rustfmt::skip]
pub static LANGUAGE_CUES: WordSet = WordSet::new(&[
    "language", "languages", "dialect", "dialects",
]);

/// Verbs and prepositions before a language name ("in English.", "translated into Russian").
#[rustfmt::skip]
pub static LANGUAGE_PREPS: WordSet = WordSet::new(&[
    "in", "into", "speak", "speaks", "speaking", "spoke", "from",
]);

/// Compass words that start place names ("Eastern Ghouta", "Western Europe", "Upper Karabakh").
#[rustfmt::skip]
pub static DIRECTIONS: WordSet = WordSet::new(&[
    "central", "east", "eastern", "greater", "lower", "north", "north-east", "northeast",
    "northern", "north-west", "northwest", "south", "south-east", "southeast", "southern",
    "south-west", "southwest", "upper", "west", "western",
]);

/// Common words that are capitalised in names of things, events and documents but are not
/// people's names: a multi-word name made with one of them and no other cue is not guessed to
/// be a person ("Olympic Winter Games", "Member States", "Solemn Appeal").
#[rustfmt::skip]
pub static COMMON_CAPS: WordSet = WordSet::new(&[
    "academy", "accord", "act", "action", "affairs", "agency", "agenda", "agreement", "aid", "air",
    "airport", "alliance", "anniversary", "appeal", "army", "assembly", "association", "avenue",
    "award", "bank", "basin", "bay", "bill", "black", "blue", "board", "border", "bridge",
    "building", "bureau", "cabinet", "campaign", "capital", "center", "centre", "championship",
    "channel", "charter", "church", "city", "club", "coalition", "coast", "code", "college",
    "command", "commission", "committee", "communications", "community", "company", "conference",
    "congress", "constitution", "convention", "corporation", "corridor", "council", "county",
    "court", "crisis", "cross", "culture", "cup", "customs", "daily", "day", "declaration",
    "defence", "defense", "democracy", "department", "development", "district", "document", "east",
    "economic", "economy", "education", "election", "elections", "embassy", "emergency", "empire",
    "energy", "federal", "federation", "festival", "finance", "first", "force", "forces",
    "foreign", "forum", "foundation", "free", "freedom", "front", "fund", "future", "games",
    "general", "global", "golden", "government", "grand", "great", "green", "group", "guard",
    "gulf", "hall", "health", "heritage", "high", "holy", "hospital", "house", "human",
    "humanitarian", "independence", "independent", "information", "initiative", "institute",
    "intelligence", "interior", "international", "island", "islands", "journal", "justice",
    "kingdom", "lake", "lakes", "law", "league", "liberty", "library", "media", "member",
    "members", "memorandum", "migration", "ministry", "mission", "monument", "mosque", "mountain",
    "mountains", "movement", "museum", "national", "nations", "navy", "near", "network", "new",
    "news", "north", "ocean", "office", "old", "olympic", "olympics", "operation", "order",
    "organisation", "organization", "palace", "park", "parliament", "party", "peace", "people",
    "plan", "police", "policy", "popular", "port", "post", "power", "press", "prize", "program",
    "programme", "progress", "project", "protocol", "province", "public", "radio", "red", "reform",
    "refugees", "region", "relief", "report", "republic", "resolution", "revolution", "rights",
    "river", "road", "royal", "school", "sea", "second", "security", "senate", "service",
    "session", "society", "solemn", "south", "special", "sport", "square", "state", "statement",
    "states", "station", "strategy", "street", "strip", "summer", "summit", "supreme", "system",
    "television", "times", "tower", "trade", "treaty", "tribunal", "trust", "union", "united",
    "unity", "university", "valley", "village", "war", "watch", "week", "west", "white", "winter",
    "women", "world", "year", "youth",
]);

/// Acronyms that are not organisations ("SMS", "GDP", "GMT").
#[rustfmt::skip]
pub static NOT_ORG_ACRONYMS: WordSet = WordSet::new(&[
    "aids", "am", "amd", "azn", "ceo", "covid", "dna", "eur", "faq", "gdp", "gmt", "gps", "hiv",
    "hq", "id", "idp", "idps", "ok", "pdf", "pm", "pr", "rub", "sms", "suv", "tv", "uav", "uavs",
    "url", "usd", "utc", "vip",
]);

/// Given names, one word each (`data/given_names.txt`).
pub fn is_given_name(word: &str) -> bool {
    static NAMES: OnceLock<FastSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            include_str!("../../data/given_names.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect()
        })
        .contains(word)
}

/// A closed list of lower-case words, looked up case-insensitively by hashing (the lists are
/// consulted for nearly every token, so a linear scan would dominate recognition time).
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FastSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 24];
        let Some(lower) = ascii_lower(word, &mut buf) else {
            return false;
        };
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(lower)
    }
}

/// `word` in ASCII lower case, in `buf` (no allocation); `None` if it is longer than the buffer.
/// ASCII case mapping keeps UTF-8 valid.
pub fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let dst = buf.get_mut(..word.len())?;
    for (d, b) in dst.iter_mut().zip(word.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    std::str::from_utf8(dst).ok()
}

pub fn is_in(word: &str, set: &WordSet) -> bool {
    set.contains(word)
}

pub fn has_surname_ending(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().count() >= 5 && SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
}
