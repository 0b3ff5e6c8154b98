//! Word lists for recognising names: gazetteers, given names, demonyms,
//! known organisations, and the small closed lists (name heads, connectors,
//! function words) that rules and statistical taggers both use as features.
//!
//! Every lookup goes through a [`Key`], the lists' common form: lower case,
//! straight apostrophes, single spaces between words, no full stop at the end
//! of a word (`St. Louis` → `st louis`, `U.S.` → `u.s`). Keys live in a stack
//! buffer, so lookups never allocate.
//!
//! The large lists are sorted text files in `data/` (one entry a line),
//! searched in place by binary search: no start-up cost and no per-entry
//! pointers in the wasm. Their sources and licences are in `data/README.md`.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Longest key, in bytes; longer phrases are never in a list.
pub const MAX_KEY_BYTES: usize = 64;

/// A phrase in the lists' lookup form, built word by word on the stack.
#[derive(Clone, Copy)]
pub struct Key {
    buf: [u8; MAX_KEY_BYTES],
    len: usize,
    words: usize,
}

impl Default for Key {
    fn default() -> Self {
        Key::new()
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({:?})", self.as_str())
    }
}

impl Key {
    /// An empty key.
    pub const fn new() -> Self {
        Key {
            buf: [0; MAX_KEY_BYTES],
            len: 0,
            words: 0,
        }
    }

    /// The key of one word (empty when it does not fit).
    pub fn of(word: &str) -> Self {
        let mut key = Key::new();
        key.push(word);
        key
    }

    /// The key so far.
    pub fn as_str(&self) -> &str {
        // Only whole UTF-8 characters are ever written.
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }

    /// Number of words pushed.
    pub const fn words(&self) -> usize {
        self.words
    }

    /// True when nothing has been pushed (or nothing fitted).
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends a word (a possessive `'s` joins the previous word). Returns
    /// false, leaving the key unchanged, when the word does not fit.
    pub fn push(&mut self, word: &str) -> bool {
        let saved = (self.len, self.words);
        let possessive = matches!(word, "'s" | "’s" | "'S" | "’S");
        if self.len > 0 && !possessive && !self.put(' ') {
            return false;
        }
        let word = match word.strip_suffix('.') {
            Some(w) if !w.is_empty() => w,
            _ => word,
        };
        for c in word.chars() {
            let ok = if c == '’' {
                self.put('\'')
            } else if c.is_ascii() {
                self.put(c.to_ascii_lowercase())
            } else {
                c.to_lowercase().all(|l| self.put(l))
            };
            if !ok {
                (self.len, self.words) = saved;
                return false;
            }
        }
        self.words += 1;
        true
    }

    /// Appends `text` lower-cased to the last word, with no space (for
    /// initials: `I`, `C`, `E` → `ice`). Counts as a word.
    pub fn push_glued(&mut self, text: &str) -> bool {
        let saved = (self.len, self.words);
        for c in text.chars() {
            if !c.to_lowercase().all(|l| self.put(l)) {
                (self.len, self.words) = saved;
                return false;
            }
        }
        self.words += 1;
        true
    }

    fn put(&mut self, c: char) -> bool {
        let n = c.len_utf8();
        match self.buf.get_mut(self.len..self.len + n) {
            Some(slot) => {
                c.encode_utf8(slot);
                self.len += n;
                true
            }
            None => false,
        }
    }

    /// A 64-bit fingerprint of the key (FNV-1a), for document-level maps.
    pub fn fingerprint(&self) -> u64 {
        fingerprint(self.as_str())
    }
}

/// FNV-1a over the bytes of `s`: a cheap, deterministic fingerprint.
pub fn fingerprint(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A sorted list of keys, one per line, searched in place.
#[derive(Clone, Copy, Debug)]
pub struct WordList(&'static str);

impl WordList {
    /// True when `key` is an entry.
    pub fn contains(&self, key: &str) -> bool {
        self.lower_bound(key) == Some(key)
    }

    /// The first entry not less than `probe`.
    fn lower_bound(&self, probe: &str) -> Option<&'static str> {
        let text = self.0;
        let bytes = text.as_bytes();
        // Invariant: `lo` and `hi` are line starts (or the end of the text).
        let (mut lo, mut hi) = (0, text.len());
        let mut best = None;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = bytes
                .get(lo..mid)
                .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
                .map_or(lo, |p| lo + p + 1);
            let end = bytes
                .get(start..hi)
                .and_then(|b| b.iter().position(|&c| c == b'\n'))
                .map_or(hi, |p| start + p);
            let line = text.get(start..end).unwrap_or("");
            match line.as_bytes().cmp(probe.as_bytes()) {
                Ordering::Less => lo = end + 1,
                Ordering::Equal => return Some(line),
                Ordering::Greater => {
                    best = Some(line);
                    hi = start;
                }
            }
        }
        best
    }

    /// The entries, in order (for tests and tools).
    pub fn entries(&self) -> impl Iterator<Item = &'static str> {
        self.0.lines()
    }
}

/// Countries, US states and world cities (GeoNames, CC BY 4.0).
pub const PLACES: WordList = WordList(include_str!("data/places.txt"));
/// Regions, continents, provinces, seas, alternative country names and
/// place acronyms, written by the team.
pub const REGIONS: WordList = WordList(include_str!("data/regions.txt"));
/// Common US first names (1990 US Census, public domain).
pub const GIVEN_NAMES: WordList = WordList(include_str!("data/given_names.txt"));
/// Given names (and East Asian family names, which come first) from around
/// the world, written by the team.
pub const WORLD_GIVEN_NAMES: WordList = WordList(include_str!("data/given_names_world.txt"));
/// Nationalities, religions, languages and party adjectives (MISC), written
/// by the team.
pub const DEMONYMS: WordList = WordList(include_str!("data/demonyms.txt"));
/// Organisations whose names carry no head word (`Pentagon`, `Reuters`,
/// `FBI`), written by the team.
pub const ORGS: WordList = WordList(include_str!("data/orgs.txt"));

/// Bit flags of the large lists, so that one lookup ([`lists_of`]) answers
/// for all of them.
pub mod list {
    /// A place ([`super::PLACES`] or [`super::REGIONS`]).
    pub const PLACE: u8 = 1;
    /// A given name.
    pub const GIVEN_NAME: u8 = 1 << 1;
    /// A demonym (singular form).
    pub const DEMONYM: u8 = 1 << 2;
    /// A known organisation.
    pub const ORG: u8 = 1 << 3;
    /// Some place continues after these words (`new` → `new york`).
    pub const PLACE_GOES_ON: u8 = 1 << 4;
    /// Some organisation continues after these words.
    pub const ORG_GOES_ON: u8 = 1 << 5;
    /// Some demonym continues after these words.
    pub const DEMONYM_GOES_ON: u8 = 1 << 6;
}

/// Every large list `key` belongs to (or may continue into), as [`list`]
/// bits. The lists are indexed by fingerprint once, on first use, so a
/// lookup costs one hash of the key.
pub fn lists_of(key: &str) -> u8 {
    type Table = HashMap<u64, u8, BuildHasherDefault<Prehashed>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::default();
        let lists = [
            (PLACES, list::PLACE, list::PLACE_GOES_ON),
            (REGIONS, list::PLACE, list::PLACE_GOES_ON),
            (GIVEN_NAMES, list::GIVEN_NAME, 0),
            (WORLD_GIVEN_NAMES, list::GIVEN_NAME, 0),
            (DEMONYMS, list::DEMONYM, list::DEMONYM_GOES_ON),
            (ORGS, list::ORG, list::ORG_GOES_ON),
        ];
        for (words, bit, goes_on) in lists {
            for entry in words.entries() {
                *table.entry(fingerprint(entry)).or_default() |= bit;
                if goes_on != 0 {
                    for (at, _) in entry.match_indices(' ') {
                        let prefix = entry.get(..at).unwrap_or("");
                        *table.entry(fingerprint(prefix)).or_default() |= goes_on;
                    }
                }
            }
        }
        table
    });
    table.get(&fingerprint(key)).copied().unwrap_or(0)
}

/// True for a known place (`los angeles`, `u.s`, `middle east`).
pub fn is_place(key: &str) -> bool {
    lists_of(key) & list::PLACE != 0
}

/// True for a common given name (`karen`, `mohammed`, `xi`).
pub fn is_given_name(key: &str) -> bool {
    lists_of(key) & list::GIVEN_NAME != 0
}

/// True for a known organisation.
pub fn is_known_org(key: &str) -> bool {
    lists_of(key) & list::ORG != 0
}

/// True for a nationality, religion, language or party word, singular or
/// plural (`mexican`, `mexicans`, `democrats`).
pub fn is_demonym(key: &str) -> bool {
    lists_of(key) & list::DEMONYM != 0
        || key
            .strip_suffix('s')
            .is_some_and(|k| k.len() > 2 && lists_of(k) & list::DEMONYM != 0)
}

/// A small sorted list searched with `binary_search`.
fn in_sorted(list: &[&str], key: &str) -> bool {
    list.binary_search(&key).is_ok()
}

/// Last words that make a name an organisation (`… Department`, `… Inc.`).
const ORG_HEADS: &[&str] = &[
    "academy",
    "administration",
    "ag",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bancorp",
    "band",
    "bank",
    "board",
    "brigade",
    "brigades",
    "broadcasting",
    "bureau",
    "bv",
    "cabinet",
    "cartel",
    "caucus",
    "center",
    "centre",
    "chamber",
    "chronicle",
    "church",
    "circuit",
    "club",
    "co",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "communications",
    "company",
    "congress",
    "consulate",
    "cooperative",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "dept",
    "embassy",
    "enforcement",
    "enterprises",
    "examiner",
    "exchange",
    "fc",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "gazette",
    "gmbh",
    "government",
    "group",
    "guard",
    "herald",
    "holdings",
    "hospital",
    "house",
    "inc",
    "industries",
    "inquirer",
    "institute",
    "institution",
    "insurance",
    "journal",
    "league",
    "legislature",
    "llc",
    "llp",
    "ltd",
    "magazine",
    "marines",
    "media",
    "militia",
    "ministry",
    "mission",
    "motors",
    "movement",
    "museum",
    "navy",
    "network",
    "networks",
    "news",
    "newspaper",
    "nv",
    "office",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "party",
    "patrol",
    "pharmaceuticals",
    "plc",
    "police",
    "post",
    "press",
    "protection",
    "radio",
    "railway",
    "records",
    "reserve",
    "review",
    "school",
    "secretariat",
    "senate",
    "service",
    "services",
    "society",
    "spa",
    "studios",
    "systems",
    "technologies",
    "telegraph",
    "television",
    "times",
    "treasury",
    "tribunal",
    "tribune",
    "trust",
    "tv",
    "union",
    "united",
    "university",
];

/// First words that make `X of Y` an organisation (`Bank of America`).
const ORG_OF_HEADS: &[&str] = &[
    "academy",
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "bank",
    "board",
    "bureau",
    "center",
    "centre",
    "chamber",
    "church",
    "college",
    "commission",
    "committee",
    "confederation",
    "conference",
    "congress",
    "council",
    "court",
    "daughters",
    "department",
    "federation",
    "friends",
    "fund",
    "house",
    "institute",
    "knights",
    "league",
    "library",
    "ministry",
    "museum",
    "office",
    "order",
    "organization",
    "party",
    "school",
    "society",
    "sons",
    "union",
    "university",
];

/// Last words that make a name a place (`… County`, `… River`).
const PLACE_HEADS: &[&str] = &[
    "airport",
    "arena",
    "ave",
    "avenue",
    "base",
    "bay",
    "beach",
    "blvd",
    "borough",
    "boulevard",
    "bridge",
    "building",
    "canal",
    "canyon",
    "castle",
    "cathedral",
    "channel",
    "coast",
    "county",
    "creek",
    "desert",
    "falls",
    "forest",
    "freeway",
    "gulf",
    "hall",
    "harbor",
    "harbour",
    "heights",
    "highway",
    "hills",
    "hwy",
    "island",
    "islands",
    "isles",
    "lake",
    "lakes",
    "mosque",
    "mountain",
    "mountains",
    "ocean",
    "palace",
    "parish",
    "park",
    "peninsula",
    "plains",
    "plaza",
    "prefecture",
    "prison",
    "province",
    "rd",
    "region",
    "river",
    "road",
    "sea",
    "springs",
    "square",
    "st",
    "stadium",
    "station",
    "strait",
    "street",
    "synagogue",
    "territory",
    "tower",
    "township",
    "valley",
    "village",
];

/// First words that make a name a place (`Lake Tahoe`, `Mount Everest`,
/// `Gulf of Mexico`, `San Ysidro`).
const PLACE_FIRST_HEADS: &[&str] = &[
    "bay", "camp", "cape", "fort", "ft", "gulf", "isle", "lake", "las", "los", "mount", "mt",
    "port", "puerto", "san", "santa", "sao", "sea", "strait", "são",
];

/// Words before a place that keep it a place (`Northern California`).
const DIRECTIONS: &[&str] = &[
    "central",
    "downtown",
    "east",
    "eastern",
    "greater",
    "lower",
    "metro",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "upper",
    "west",
    "western",
];

/// Last words of other names (MISC): laws, events, awards, wars.
const MISC_HEADS: &[&str] = &[
    "accord",
    "accords",
    "act",
    "agreement",
    "amendment",
    "award",
    "awards",
    "bowl",
    "championship",
    "championships",
    "convention",
    "cup",
    "day",
    "doctrine",
    "festival",
    "games",
    "marathon",
    "massacre",
    "olympics",
    "open",
    "plan",
    "prize",
    "revolution",
    "series",
    "summit",
    "tournament",
    "treaty",
    "trophy",
    "uprising",
    "war",
    "wars",
];

/// Lower-case words that may sit inside a name between capitalised words
/// (`Ursula von der Leyen`, `Rio de Janeiro`, `Mohammed bin Salman`).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "st", "ter", "van", "von", "y",
];

/// Last parts of hyphenated adjectives made from names (`Texas-based`),
/// and prefixes of such adjectives (`anti-Trump` is still a name inside,
/// `Anti-war` is not a name).
const ADJECTIVE_SUFFIXES: &[&str] = &[
    "affiliated",
    "aligned",
    "allied",
    "area",
    "backed",
    "based",
    "born",
    "bound",
    "brokered",
    "built",
    "centric",
    "class",
    "controlled",
    "dominated",
    "era",
    "esque",
    "established",
    "friendly",
    "funded",
    "held",
    "inspired",
    "led",
    "level",
    "like",
    "linked",
    "made",
    "owned",
    "ruled",
    "run",
    "size",
    "speaking",
    "sponsored",
    "style",
    "themed",
    "type",
    "wide",
];

/// Lower-case prefixes that start a name inside one hyphenated word
/// (`al-Assad`, `el-Sisi`, `bin-Laden`).
const NAME_PREFIXES: &[&str] = &[
    "ad", "al", "an", "as", "ash", "at", "az", "bin", "el", "ibn",
];

/// Suffixes that end a person's name (`Jr.`, `III`).
const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "sr", "v"];

/// Capitalised words that are not names at the start of a sentence (or
/// anywhere, for pronouns): function words, pronouns, common openers and
/// news furniture ("Breaking", "Updated").
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "acting",
    "additionally",
    "after",
    "afternoon",
    "afterward",
    "again",
    "against",
    "ago",
    "ah",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "amid",
    "among",
    "an",
    "analysis",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "asked",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "besides",
    "between",
    "beyond",
    "both",
    "breaking",
    "but",
    "by",
    "can",
    "click",
    "could",
    "dear",
    "despite",
    "did",
    "do",
    "does",
    "done",
    "down",
    "dozen",
    "dozens",
    "during",
    "each",
    "earlier",
    "editor",
    "eight",
    "either",
    "eleven",
    "else",
    "even",
    "evening",
    "ever",
    "every",
    "everyone",
    "everything",
    "exclusive",
    "few",
    "fifty",
    "finally",
    "first",
    "five",
    "follow",
    "following",
    "for",
    "former",
    "forty",
    "four",
    "from",
    "further",
    "furthermore",
    "get",
    "go",
    "good",
    "got",
    "had",
    "half",
    "has",
    "have",
    "having",
    "he",
    "hello",
    "her",
    "here",
    "hers",
    "herself",
    "hey",
    "hi",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "hundred",
    "hundreds",
    "i",
    "if",
    "in",
    "including",
    "indeed",
    "inside",
    "instead",
    "interim",
    "internet",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "late",
    "later",
    "latest",
    "least",
    "less",
    "let",
    "like",
    "listen",
    "live",
    "many",
    "may",
    "maybe",
    "me",
    "meanwhile",
    "might",
    "million",
    "millions",
    "more",
    "moreover",
    "morning",
    "most",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "next",
    "nine",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "often",
    "oh",
    "ok",
    "okay",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "opinion",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "ours",
    "out",
    "outside",
    "over",
    "overall",
    "perhaps",
    "photo",
    "please",
    "plus",
    "rather",
    "read",
    "related",
    "see",
    "seven",
    "several",
    "shall",
    "share",
    "she",
    "should",
    "since",
    "six",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "sorry",
    "still",
    "subscribe",
    "such",
    "ten",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "thirty",
    "this",
    "those",
    "though",
    "thousand",
    "thousands",
    "three",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "together",
    "tomorrow",
    "tonight",
    "too",
    "toward",
    "towards",
    "twelve",
    "twenty",
    "two",
    "under",
    "unless",
    "unlike",
    "until",
    "up",
    "update",
    "updated",
    "upon",
    "us",
    "very",
    "via",
    "video",
    "was",
    "watch",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
];

/// Verbs of saying that follow a source (`Bass said`).
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "asserted",
    "claimed",
    "commented",
    "confirmed",
    "contended",
    "continued",
    "declared",
    "denied",
    "explained",
    "insisted",
    "maintained",
    "noted",
    "posted",
    "remarked",
    "replied",
    "reported",
    "responded",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "testified",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// Prepositions after which an unknown single name is a place (`in Gaza`).
const PLACE_PREPOSITIONS: &[&str] = &[
    "across",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "throughout",
];

/// Day and month names (and time zones): the DATE and TIME recognisers own
/// them.
const CALENDAR_WORDS: &[&str] = &[
    "am",
    "apr",
    "april",
    "aug",
    "august",
    "bst",
    "cet",
    "cst",
    "dec",
    "december",
    "edt",
    "est",
    "et",
    "feb",
    "february",
    "fri",
    "friday",
    "gmt",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "march",
    "may",
    "mon",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "pdt",
    "pm",
    "pst",
    "pt",
    "sat",
    "saturday",
    "sep",
    "sept",
    "september",
    "sun",
    "sunday",
    "thu",
    "thurs",
    "thursday",
    "tue",
    "tues",
    "tuesday",
    "utc",
    "wed",
    "wednesday",
];

/// True when a name ending in `word` is an organisation.
pub fn is_org_head(word: &str) -> bool {
    in_sorted(ORG_HEADS, word)
}

/// True when `word of …` is an organisation (`bank`, `department`).
pub fn is_org_of_head(word: &str) -> bool {
    in_sorted(ORG_OF_HEADS, word)
}

/// True when a name ending in `word` is a place.
pub fn is_place_head(word: &str) -> bool {
    in_sorted(PLACE_HEADS, word)
}

/// True when a name starting with `word` is a place (`lake`, `mount`).
pub fn is_place_first_head(word: &str) -> bool {
    in_sorted(PLACE_FIRST_HEADS, word)
}

/// True for compass words that keep a following place a place.
pub fn is_direction(word: &str) -> bool {
    in_sorted(DIRECTIONS, word)
}

/// True when a name ending in `word` is another name (MISC: laws, events).
pub fn is_misc_head(word: &str) -> bool {
    in_sorted(MISC_HEADS, word)
}

/// True for lower-case particles inside names (`de`, `von`, `bin`).
pub fn is_particle(word: &str) -> bool {
    in_sorted(PARTICLES, word)
}

/// True for the last part of a hyphenated adjective (`based` in
/// `Texas-based`).
pub fn is_adjective_suffix(part: &str) -> bool {
    in_sorted(ADJECTIVE_SUFFIXES, part)
}

/// True for lower-case prefixes of names (`al` in `al-Assad`).
pub fn is_name_prefix(part: &str) -> bool {
    in_sorted(NAME_PREFIXES, part)
}

/// True for name suffixes (`jr`, `iii`).
pub fn is_name_suffix(word: &str) -> bool {
    in_sorted(NAME_SUFFIXES, word)
}

/// True for function words and other capitalised non-names.
pub fn is_function_word(word: &str) -> bool {
    in_sorted(FUNCTION_WORDS, word)
}

/// True for verbs of saying (`said`, `told`).
pub fn is_speech_verb(word: &str) -> bool {
    in_sorted(SPEECH_VERBS, word)
}

/// True for prepositions that introduce places (`in`, `from`).
pub fn is_place_preposition(word: &str) -> bool {
    in_sorted(PLACE_PREPOSITIONS, word)
}

/// True for day and month names.
pub fn is_calendar_word(word: &str) -> bool {
    in_sorted(CALENDAR_WORDS, word)
}

/// Bit flags of the closed word classes, so that a tagger can look a token
/// up once ([`word_class`]) instead of once per list.
pub mod class {
    /// [`super::is_function_word`].
    pub const FUNCTION: u16 = 1;
    /// [`super::is_particle`].
    pub const PARTICLE: u16 = 1 << 1;
    /// [`super::is_calendar_word`].
    pub const CALENDAR: u16 = 1 << 2;
    /// [`super::is_speech_verb`].
    pub const SPEECH_VERB: u16 = 1 << 3;
    /// [`super::is_org_head`].
    pub const ORG_HEAD: u16 = 1 << 4;
    /// [`super::is_org_of_head`].
    pub const ORG_OF_HEAD: u16 = 1 << 5;
    /// [`super::is_place_head`].
    pub const PLACE_HEAD: u16 = 1 << 6;
    /// [`super::is_place_first_head`].
    pub const PLACE_FIRST_HEAD: u16 = 1 << 7;
    /// [`super::is_misc_head`].
    pub const MISC_HEAD: u16 = 1 << 8;
    /// [`super::is_direction`].
    pub const DIRECTION: u16 = 1 << 9;
    /// [`super::is_name_suffix`].
    pub const NAME_SUFFIX: u16 = 1 << 10;
    /// [`super::is_place_preposition`].
    pub const PLACE_PREPOSITION: u16 = 1 << 11;
    /// The first word of a title ([`crate::entities::names::titles`]).
    pub const TITLE_START: u16 = 1 << 12;
}

/// A hasher for keys that already are fingerprints.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Every closed class `key` belongs to, as [`class`] bits (0 for none).
/// The table is built once, on first use.
pub fn word_class(key: &str) -> u16 {
    type Table = HashMap<u64, u16, BuildHasherDefault<Prehashed>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::default();
        let lists: [(&[&str], u16); 12] = [
            (FUNCTION_WORDS, class::FUNCTION),
            (PARTICLES, class::PARTICLE),
            (CALENDAR_WORDS, class::CALENDAR),
            (SPEECH_VERBS, class::SPEECH_VERB),
            (ORG_HEADS, class::ORG_HEAD),
            (ORG_OF_HEADS, class::ORG_OF_HEAD),
            (PLACE_HEADS, class::PLACE_HEAD),
            (PLACE_FIRST_HEADS, class::PLACE_FIRST_HEAD),
            (MISC_HEADS, class::MISC_HEAD),
            (DIRECTIONS, class::DIRECTION),
            (NAME_SUFFIXES, class::NAME_SUFFIX),
            (PLACE_PREPOSITIONS, class::PLACE_PREPOSITION),
        ];
        for (list, bit) in lists {
            for word in list {
                *table.entry(fingerprint(word)).or_default() |= bit;
            }
        }
        for word in super::titles::first_words() {
            *table.entry(fingerprint(word)).or_default() |= class::TITLE_START;
        }
        table
    });
    table.get(&fingerprint(key)).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted_normalised(name: &str, entries: impl Iterator<Item = &'static str>) {
        let mut prev: Option<&str> = None;
        for e in entries {
            assert!(!e.is_empty(), "{name}: empty entry");
            let mut key = Key::new();
            for w in e.split(' ') {
                assert!(key.push(w), "{name}: {e:?} does not fit a key");
            }
            assert_eq!(key.as_str(), e, "{name}: {e:?} is not in lookup form");
            if let Some(p) = prev {
                assert!(p < e, "{name}: {p:?} before {e:?} is out of order");
            }
            prev = Some(e);
        }
    }

    #[test]
    fn lists_are_sorted_and_normalised() {
        for (name, list) in [
            ("places", PLACES),
            ("regions", REGIONS),
            ("given", GIVEN_NAMES),
            ("world given", WORLD_GIVEN_NAMES),
            ("demonyms", DEMONYMS),
            ("orgs", ORGS),
        ] {
            assert_sorted_normalised(name, list.entries());
            assert!(list.0.ends_with('\n'), "{name}: needs a final newline");
        }
        for (name, list) in [
            ("org heads", ORG_HEADS),
            ("org of heads", ORG_OF_HEADS),
            ("place heads", PLACE_HEADS),
            ("place first heads", PLACE_FIRST_HEADS),
            ("directions", DIRECTIONS),
            ("misc heads", MISC_HEADS),
            ("particles", PARTICLES),
            ("suffixes", NAME_SUFFIXES),
            ("adjective suffixes", ADJECTIVE_SUFFIXES),
            ("name prefixes", NAME_PREFIXES),
            ("function words", FUNCTION_WORDS),
            ("speech verbs", SPEECH_VERBS),
            ("place prepositions", PLACE_PREPOSITIONS),
            ("calendar", CALENDAR_WORDS),
        ] {
            assert_sorted_normalised(name, list.iter().copied());
        }
    }

    #[test]
    fn keys_normalise_case_stops_apostrophes_and_possessives() {
        let mut k = Key::new();
        for w in ["St.", "George", "’s"] {
            assert!(k.push(w));
        }
        assert_eq!(k.as_str(), "st george's");
        assert_eq!(k.words(), 3);
        assert_eq!(Key::of("U.S.").as_str(), "u.s");
        assert_eq!(Key::of("SÃO").as_str(), "são");
        assert_eq!(Key::of(".").as_str(), ".");
        let long = "x".repeat(MAX_KEY_BYTES + 1);
        assert!(Key::of(&long).is_empty());
        let mut k = Key::of("los");
        assert!(!k.push(&long));
        assert_eq!(k.as_str(), "los");
    }

    #[test]
    fn gazetteer_lookups() {
        assert!(is_place("los angeles"));
        assert!(is_place("u.s"));
        assert!(is_place("mexico"));
        assert!(is_place("sao paulo") && is_place("são paulo"));
        assert!(is_place("middle east"));
        assert!(!is_place("bass"));
        assert_ne!(lists_of("los") & list::PLACE_GOES_ON, 0);
        assert_ne!(lists_of("new") & list::PLACE_GOES_ON, 0);
        assert_eq!(lists_of("bass"), 0);
        assert_eq!(lists_of("los angeles") & list::PLACE_GOES_ON, 0);
        assert!(is_given_name("karen") && is_given_name("mohammed"));
        assert!(!is_given_name("will"), "common words are left out");
        assert!(is_demonym("mexican") && is_demonym("mexicans") && is_demonym("democrats"));
        assert!(!is_demonym("mexico"));
        assert!(is_known_org("fbi") && is_known_org("pentagon"));
    }

    #[test]
    fn word_classes_match_the_lists() {
        assert_eq!(word_class("the"), class::FUNCTION);
        assert_eq!(word_class("said"), class::SPEECH_VERB);
        assert_ne!(word_class("department") & class::ORG_HEAD, 0);
        assert_ne!(word_class("mayor") & class::TITLE_START, 0);
        assert_ne!(word_class("police") & class::TITLE_START, 0);
        assert_eq!(word_class("bass"), 0);
        for w in FUNCTION_WORDS.iter().chain(SPEECH_VERBS).chain(PARTICLES) {
            assert_ne!(word_class(w), 0, "{w}");
        }
    }

    #[test]
    fn binary_search_finds_every_entry_and_nothing_else() {
        let list = WordList("a\nab\nb b\nc\n");
        for e in ["a", "ab", "b b", "c"] {
            assert!(list.contains(e), "{e}");
        }
        for e in ["", "aa", "b", "d", "0"] {
            assert!(!list.contains(e), "{e}");
        }
        assert!(!WordList("").contains("a"));
        for e in REGIONS.entries() {
            assert!(REGIONS.contains(e));
        }
    }
}
