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
        let h = if self.0 == 0 {
            crate::fnv::FNV1A_START
        } else {
            self.0
        };
        self.0 = crate::fnv::fnv1a_more(h, bytes);
    }
}

pub type FastHash = BuildHasherDefault<Fnv>;
pub type FastSet<K> = HashSet<K, FastHash>;
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastHash>;

/// Capitalised only because they start a sentence (or a headline): never the start of a name.
#[rustfmt::skip]
pub static STOP: WordSet = WordSet::new(&[
    "a", "about", "above", "according", "across", "additionally",
    "after", "afterwards", "again", "against", "ahead", "all", "almost", "already", "also",
    "although", "amid", "amidst", "among", "an", "and", "another", "any", "anyone", "anything",
    "are", "as", "asked", "at", "back", "because", "before", "behind", "being", "below", "beside",
    "besides", "between", "beyond", "both", "but", "by", "can", "certainly", "clearly",
    "consequently", "could", "currently", "despite", "did", "do", "does",
    "doing", "down", "during", "each", "earlier", "either", "else",
    "even", "eventually", "ever", "every", "everyone", "everything", "except", "few", "finally",
    "first", "following", "for", "formerly", "from", "further", "furthermore", "had",
    "has", "have", "having", "he", "hence", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "however", "i", "if", "in", "including", "indeed", "initially", "inside",
    "instead", "into", "is", "it", "its", "itself", "just", "last", "lastly", "later", "latest",
    "least", "less", "let", "like", "likewise", "many", "may", "maybe", "me", "meanwhile", "might",
    "more", "moreover", "most", "mostly", "much", "must", "my", "near", "nearly", "neither",
    "never", "nevertheless", "next", "no", "none", "nonetheless", "nor", "not", "nothing", "now",
    "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "otherwise", "our",
    "ours", "out", "outside", "over", "overall", "per", "perhaps", "please",
    "previously", "rather", "recently", "regardless",
    "second", "several", "shall", "she", "shortly", "should", "similarly",
    "since", "so", "some", "someone", "something", "sometimes", "soon", "still",
    "subsequently", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "thereafter", "therefore", "these", "they", "third", "this",
    "those", "though", "through", "throughout", "thus", "to", "together", "too",
    "toward", "towards", "under", "unless", "unlike", "until", "up",
    "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
    "whenever", "where", "whereas", "whether", "which", "while", "who", "whoever", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yes", "yet", "you",
    "your", "yours",
    // Modifiers that open sentences before a name ("Rival Virgin Australia said", "Budget
    // carrier Jetstar", "Fellow striker Vinícius").
    "rival", "rivals", "fellow", "budget", "parent", "compatriot",
]);

/// Titles and roles written before a name ("President Ilham Aliyev", "Foreign Minister
/// Jeyhun Bayramov"): outside the PERSON span. Includes the words that build compound titles
/// ("Secretary of State", "Minister of Foreign Affairs").
#[rustfmt::skip]
pub static TITLES: WordSet = WordSet::new(&[
    "acting", "admiral", "adviser", "advisor", "affairs", "aide", "ambassador", "archbishop",
    "assistant", "attorney", "attorney-general", "auditor", "ayatollah", "bishop", "brig",
    "brigadier", "capt", "captain", "cardinal", "catholicos", "ceo", "chair", "chairman",
    "chairperson", "chairwoman", "chancellor", "chief", "chief-executive", "coach", "col",
    "colonel", "commander", "commissioner", "commissioner-general", "coordinator", "councillor",
    "councilor", "crown", "dame", "defence", "defender", "defense", "deputy", "director",
    "director-general", "dr", "economy", "emir", "envoy", "executive", "field", "first", "foreign",
    "former", "forward", "gen", "general", "goalkeeper", "gov", "governor", "governor-general",
    "head", "high", "imam", "inspector", "interior", "judge", "justice", "king", "lady", "leader",
    "lieutenant", "lord", "lt", "magistrate", "major", "manager", "marshal", "mayor", "midfielder",
    "minister", "miss", "mr", "mrs", "ms", "mufti", "officer", "ombudsman", "pastor", "patriarch",
    "permanent", "pope", "premier", "president", "president-elect", "presidential", "press",
    "prime", "prince", "princess", "prof", "professor", "prosecutor", "queen", "rabbi", "rear",
    "rector", "registrar", "rep", "representative", "rev", "reverend", "secretary",
    "secretary-general", "sen", "senator", "sergeant", "sgt", "sheikh", "sheriff", "sir",
    "speaker", "special", "spokesman", "spokesperson", "spokeswoman", "state", "striker", "sultan",
    "superintendent", "treasurer", "undersecretary", "vice", "winger",
]);

/// Title words that only build titles with others ("High Commissioner", "State Secretary",
/// "Foreign Minister"): alone before a name they make no title ("the High Atlas").
#[rustfmt::skip]
pub static TITLE_BUILDERS: WordSet = WordSet::new(&[
    "acting", "affairs", "crown", "defence", "defense", "economy", "executive", "field", "first",
    "foreign", "high", "interior", "permanent", "special", "state", "vice", "former", "press",
]);

/// Lower-case nouns that introduce a person's name right after them, with at most a comma or
/// quote between ("spokesman Stephane Dujarric", "the UN spokesman, Stephane Dujarric").
#[rustfmt::skip]
pub static PERSON_NOUNS: WordSet = WordSet::new(&[
    "activist", "actor", "actress", "adviser", "advisor", "aide", "ally", "ambassador", "analyst",
    "archaeologist", "artist", "aunt", "author", "banker", "boss", "brother", "campaigner",
    "candidate", "captain", "skipper", "chairman", "chairperson", "chairwoman", "chancellor", "chef", "chief", "climber",
    "coach", "colleague", "colonel", "commander", "congressman", "congresswoman", "correspondent",
    "councillor", "councilor", "counterpart", "cousin", "daughter", "defender", "deputy",
    "detective", "diplomat", "director", "director-general", "doctor", "economist", "engineer",
    "envoy", "executive", "expert", "farmer", "father", "filmmaker", "fisherman", "forward",
    "founder", "friend", "general", "goalkeeper", "governor", "head", "herder", "historian",
    "husband", "inspector", "journalist", "judge", "justice", "lawmaker", "lawyer", "leader",
    "lecturer", "legislator", "manager", "mayor", "midfielder", "minister", "mother", "mp",
    "negotiator", "neighbor", "neighbour", "novelist", "nurse", "oceanographer", "officer",
    "official", "opponent", "organiser", "organizer", "owner", "partner", "photographer", "player",
    "poet", "predecessor", "premier", "president", "professor", "prosecutor", "representative",
    "researcher", "resident", "runner", "scientist", "secretary", "secretary-general",
    "senator", "singer", "sister", "soldier", "son", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "striker", "student", "successor", "survivor", "teacher", "trader", "treasurer",
    "uncle", "vice-president", "victim", "volunteer", "widow", "wife", "winger", "witness",
    "worker", "writer",
]);

/// Last words of organisation names ("Foreign Ministry", "Security Council", "World Court").
#[rustfmt::skip]
pub static ORG_HEADS: WordSet = WordSet::new(&[
    "academy", "administration", "ag", "agency", "airlines", "airways", "alliance", "army", "asa",
    "assembly", "association", "authority", "b.v.", "bank", "battalion", "board", "brigade",
    "brigades", "broadcasting", "bureau", "bv", "cabinet", "capital", "government", "center", "centre", "cf",
    "chamber", "channel", "charity", "church", "clinic", "club", "co", "coalition", "college",
    "command", "commissariat", "commission", "committee", "communications", "company",
    "confederation", "congress", "conservatory", "consulate", "cooperative", "corp", "corporation",
    "corps", "council", "court", "crescent", "cross", "customs", "department", "directorate",
    "division", "duma", "electronics", "embassy", "exchange", "fc", "federation", "force",
    "forces", "forum", "foundation", "front", "fund", "gazette", "gendarmerie", "gmbh", "group",
    "guard", "herald", "holdings", "hospital", "inc", "industries", "initiative", "inspectorate",
    "institute", "institution", "insurance", "international", "investments", "journal", "jury",
    "laboratories", "labs", "league", "library", "lines", "llc", "logistics", "ltd", "militia",
    "ministry", "mission", "motors", "movement", "museum", "n.v.", "nations", "navy", "network",
    "news", "nv", "observatory", "office", "ombudsman", "orchestra", "organisation",
    "organization", "oyj", "parliament", "partners", "partnership", "party", "patriarchate",
    "petroleum", "pharma", "pharmaceuticals", "plc", "police", "ports", "post", "press", "program",
    "programme", "prosecution", "prosecutors", "radio", "railways", "regiment", "republic",
    "reserve", "resources", "s.a.", "s.p.a.", "sa", "school", "secretariat", "securities",
    "semiconductor", "semiconductors", "senate", "service", "services", "shipping", "society",
    "spa", "steel", "syndicate", "systems", "technologies", "telecom", "telegraph", "television",
    "terminals", "times", "treasury", "tribunal", "tribune", "trust", "tv", "union", "university",
    "ventures", "watch", "workers", "nation", "consulting", "consultancy", "entertainment",
    "biotech", "solutions", "software", "analytics", "studios", "foods",
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
    "airport", "archipelago", "arena", "atoll", "avenue", "barrage", "basin", "bay", "beach",
    "bight", "bridge", "canal", "canyon", "channel", "coast", "corridor", "county", "cove",
    "creek", "dam", "delta", "desert", "district", "dunes", "estuary", "falls", "fjord", "forest",
    "glacier", "glen", "gorge", "governorate", "gulf", "harbor", "harbour", "heath", "heights",
    "highlands", "highway", "hills", "hut", "island", "islands", "isthmus", "krai", "lagoon",
    "lake", "lakes", "marshes", "massif", "moor", "mountain", "mountains", "oasis", "oblast",
    "ocean", "park", "pass", "peak", "peninsula", "plain", "plains", "plateau", "plaza",
    "prefecture", "province", "range", "rapids", "reef", "region", "reservoir", "river", "road",
    "sea", "sound", "springs", "square", "stadium", "steppe", "strait", "straits", "street",
    "strip", "valley", "volcano", "wetlands",
]);

/// First words of place names ("Mount Ararat", "Lake Sevan").
#[rustfmt::skip]
pub static PLACE_FIRST: WordSet = WordSet::new(&[
    "bay", "cabo", "cape", "fort", "glen", "gulf", "ilha", "isla", "isle", "lago", "lake", "loch",
    "mont", "monte", "mount", "mt", "playa", "plaza", "port", "porto", "puerto", "rio", "río",
    "saint", "san", "sankt", "santa", "sierra", "são",
]);

/// Ships before their names ("the tanker Ever Glory"): what follows is a vessel's name.
#[rustfmt::skip]
pub static VESSEL_NOUNS: WordSet = WordSet::new(&[
    "tanker", "vessel", "ship", "freighter", "bulker", "trawler", "yacht", "containership",
    "warship", "frigate", "destroyer", "submarine",
]);

/// Lower-case route nouns that belong to the name before them ("the Lachin road").
#[rustfmt::skip]
pub static ROUTE_NOUNS: WordSet = WordSet::new(&[
    "corridor", "highway", "motorway", "road", "route",
]);

/// Lower-case nouns after a name that say it is a place ("the Karabakh region").
#[rustfmt::skip]
pub static PLACE_NOUNS: WordSet = WordSet::new(&[
    "airport", "area", "basin", "border", "borders", "camp", "canton", "capital", "cities", "city",
    "coast", "counties", "countryside", "county", "delta", "district", "districts", "enclave",
    "exclave", "frontier", "glacier", "hamlet", "hills", "island", "islands", "lake", "mine",
    "mountains", "municipality", "neighborhood", "neighbourhood", "oblast", "peninsula", "port",
    "prefecture", "province", "provinces", "region", "regions", "river", "settlement", "square",
    "stadium", "state", "states", "suburb", "territory", "town", "towns", "township", "valley",
    "village", "villages",
]);

/// First words of organisations' names ("Channel One", "Radio Liberty", "Air France", "Banco
/// Santander", "Real Madrid").
#[rustfmt::skip]
pub static ORG_FIRST: WordSet = WordSet::new(&[
    "air", "atletico", "atlético", "banca", "banco", "banque", "channel", "club", "deutsche",
    "dynamo", "groupe", "grupo", "institut", "instituto", "olympique", "partido", "radio", "real",
    "sindicato", "société", "sporting", "television", "tv", "universidad", "universidade",
    "université", "università",
]);

/// Legal forms of companies ("AG", "GmbH", "S.A.", "plc"): the end of a company's name.
#[rustfmt::skip]
pub static LEGAL_FORMS: WordSet = WordSet::new(&[
    "ab", "ag", "asa", "bhd", "bv", "b.v.", "co", "corp", "gmbh", "inc", "kg", "kk", "llc", "llp",
    "s.a.s.", "s.l.", "s.r.l.", "ltda", "s.a.b.", "a.s.", "oy", "pt", "tbk",
    "lp", "ltd", "nv", "n.v.", "oyj", "plc", "pte", "sa", "s.a.", "sas", "se", "spa", "s.p.a.",
    "srl", "lines", "partners", "holdings", "capital", "group", "ventures", "investments",
    "industries", "resources",
]);

/// Lower-case nouns after a name that say it is an organisation ("the Civil Contract party").
#[rustfmt::skip]
pub static ORG_NOUNS: WordSet = WordSet::new(&[
    "account", "agency", "airline", "alliance", "association", "authority", "bank", "bloc",
    "brand", "broadcaster", "carrier", "channel", "charity", "chipmaker", "club", "coalition",
    "committee", "company", "conglomerate", "consortium", "cooperative", "corporation", "council",
    "court", "daily", "designer", "developer", "exchange", "exporter", "faction", "federation",
    "firm", "foundation", "fund", "giant", "group", "hospital", "institute", "insurer", "league",
    "lender", "magazine", "maker", "manufacturer", "microblog", "militia", "miner", "ministry",
    "movement", "multinational", "newspaper", "ngo", "nonprofit", "operator", "organisation",
    "organization", "outlet", "party", "platform", "portal", "processor", "producer", "regulator",
    "retailer", "startup", "subsidiary", "supplier", "syndicate", "team", "union", "unit",
    "university", "utility", "watchdog", "website", "roaster", "refiner", "shipper", "automaker",
    "carmaker", "broker", "brokerage", "publisher", "laboratory", "studio", "gang", "centre",
    "center", "network", "franchise", "consultancy",
]);

/// A plural of an organisation noun ("the unions X and Y", "airlines such as X", "roasters
/// including X"): "companies" → "company", "unions" → "union".
pub fn is_org_noun_plural(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = ascii_lower(word, &mut buf) else {
        return false;
    };
    if let Some(stem) = w.strip_suffix("ies") {
        let mut one = [0u8; 24];
        let Some(dst) = one.get_mut(..stem.len() + 1) else {
            return false;
        };
        for (d, b) in dst
            .iter_mut()
            .zip(stem.bytes().chain(std::iter::once(b'y')))
        {
            *d = b;
        }
        return std::str::from_utf8(dst).is_ok_and(|s| ORG_NOUNS.contains(s));
    }
    w.strip_suffix('s')
        .is_some_and(|stem| !stem.ends_with('s') && ORG_NOUNS.contains(stem))
}

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

/// Jobs held at an organisation: "an analyst at X" makes X an organisation.
#[rustfmt::skip]
pub static STAFF_NOUNS: WordSet = WordSet::new(&[
    "analysts", "economists", "engineers", "executives", "lawyers", "managers", "officials",
    "researchers", "scientists", "strategists", "traders", "workers", "employees", "directors",
    "students", "staff",
    "analyst", "economist", "engineer", "executive", "lawyer", "manager", "official", "partner",
    "professor", "researcher", "scientist", "spokesman", "spokesperson", "spokeswoman",
    "strategist", "trader", "worker", "employee", "director", "fellow", "lecturer", "student",
    "founder", "co-founder", "chairman", "chairwoman", "owner",
]);

/// Nouns after an organisation's name that only an organisation has ("Hallbergen shares",
/// "Codelco chairman Máximo Pacheco"): a person has no shares and no chief executive.
#[rustfmt::skip]
pub static CORPORATE_NOUNS: WordSet = WordSet::new(&[
    "shares", "shareholders", "stock", "chairman", "chairwoman", "chairperson", "ceo",
    "chief", "board", "headquarters", "subsidiary", "spokesperson", "spokesman", "spokeswoman",
    "employees", "staff", "management", "founder", "owners", "president", "director",
    "directors", "executives", "members",
]);

/// Credits before "by": "Reporting by", "Editing by", "Additional reporting by".
#[rustfmt::skip]
pub static CREDIT_VERBS: WordSet = WordSet::new(&[
    "reporting", "editing", "writing", "compiled", "edited", "written", "produced", "translated",
    "additional", "photographs", "photography", "photos", "graphics", "research", "interviews",
]);

/// Speech verbs after a name ("Dujarric said", "Hajiyev told AFP").
#[rustfmt::skip]
pub static ATTRIBUTION: WordSet = WordSet::new(&[
    "acknowledged", "added", "admitted", "argued", "asserted", "commented", "continued",
    "emphasised", "emphasized", "explained", "insisted", "noted", "recalled", "remarked",
    "replied", "said", "says", "stressed", "tells", "told", "tweeted", "wrote",
]);

/// Verbs of movement whose object is a place ("reached Goris", "fled Khartoum").
#[rustfmt::skip]
pub static MOTION_VERBS: WordSet = WordSet::new(&[
    "reached", "reaching", "visited", "visiting", "entered", "entering", "fled", "fleeing",
    "toured", "evacuated", "shelled", "bombed", "captured", "recaptured", "liberated", "stormed",
    "invaded", "flooded", "struck", "hit", "arrived", "landed", "departed",
]);

/// Words of travel before "to" and a place ("flew to Vienna", "routes to Split").
#[rustfmt::skip]
pub static JOURNEY_WORDS: WordSet = WordSet::new(&[
    "flew", "flown", "flights", "flight", "travelled", "traveled", "travel", "returned", "moved",
    "went", "headed", "sailed", "drove", "bound", "route", "routes", "crossing", "trip",
    "journey", "deported", "evacuated", "relocated", "fled", "marched", "walked", "ferry",
    "road", "trains", "buses",
]);

/// Prepositions that put a place after them ("in Goris", "to Nagorno-Karabakh").
#[rustfmt::skip]
pub static PLACE_PREPS: WordSet = WordSet::new(&[
    "across", "along", "from", "in", "inside", "into", "near", "outside", "throughout", "toward",
    "towards",
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
    "abu", "al", "ben", "bin", "bint", "da", "das", "de", "del", "della", "der", "des", "di", "do",
    "dos", "du", "e", "el", "ibn", "la", "le", "ould", "ten", "ter", "van", "von", "y", "zu",
]);

/// Lower-case words between hyphens inside a place name ("Dunkwa-on-Offin",
/// "Stratford-upon-Avon", "Frankfurt-am-Main", "Saint-Martin-de-Ré").
#[rustfmt::skip]
pub static PLACE_LINKS: WordSet = WordSet::new(&[
    "on", "upon", "under", "by", "in", "le", "la", "les", "de", "du", "des", "en", "sur", "am",
    "an", "im", "bei", "del", "di", "of", "the",
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
    "programme", "progress", "project", "rescue", "fire", "protocol", "province", "public", "radio", "red", "reform",
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
    "mt", "mv", "ms", "ss", "hms", "uss", "rv",
    "url", "usd", "utc", "vip",
]);

/// A job or role written before a person's name: the closed list `PERSON_NOUNS`, and the
/// professions by their endings ("volcanologist", "geographer", "physician", "economist").
pub fn is_job(word: &str) -> bool {
    if is_in(word, &PERSON_NOUNS) {
        return true;
    }
    let lower = word.to_lowercase();
    lower.chars().count() >= 7
        && ["ologist", "ographer", "ician", "ist"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// First parts of compound group names ("Afro-Colombian", "Anglo-Irish", "Sino-Tibetan").
#[rustfmt::skip]
pub static GROUP_PREFIXES: WordSet = WordSet::new(&[
    "afro", "anglo", "arab", "euro", "franco", "greco", "indo", "italo", "judeo", "latino", "pan",
    "russo", "sino", "turco",
]);

/// Lower-case words glued after a hyphen that make an adjective of a name ("Bogotá-based",
/// "Kremlin-backed", "Soviet-era"), not the second half of a given name ("Ki-jeong").
#[rustfmt::skip]
pub static HYPHEN_SUFFIXES: WordSet = WordSet::new(&[
    "based", "born", "led", "run", "owned", "backed", "linked", "made", "era", "style", "bound",
    "wide", "like", "funded", "held", "free", "only", "old", "area", "level", "class", "type",
    "size", "ish", "esque", "ward", "wards", "long",
]);

/// Given names across languages, one word each (`data/given_names.txt`, generated by
/// `data/gen/gazetteers.py`).
pub fn is_given_name(word: &str) -> bool {
    static NAMES: super::sorted_list::SortedList =
        super::sorted_list::SortedList::new(include_str!("../../data/given_names.txt"));
    NAMES.get(word).is_some()
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
