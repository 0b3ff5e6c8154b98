//! Small closed word classes the attribution rules read: determiners,
//! pronouns, auxiliaries, prepositions, clause words, titles. Written by the
//! team from ordinary English grammar and AP-style news usage. All lookups are
//! ASCII case-insensitive (ALL-CAPS articles still match) and allocate
//! nothing.
//!
//! Every word is looked up once in one table ([`classes`]) that gives all
//! its classes as bits; [`super::source::Ctx`] keeps those bits per token,
//! so the noun-phrase reader tests classes without comparing strings.

use std::cmp::Ordering;
use std::sync::OnceLock;

use super::word_table::{self, WordTable};

/// Compares two words ASCII case-insensitively (the order of the lowercased
/// bytes).
pub fn cmp_ci(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}

/// True when `word` equals one of `list` (ASCII case-insensitive).
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when the word starts with an upper-case letter (`Bass`, `LAPD`,
/// `Élise`).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word starts with a lower-case letter.
pub fn is_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// The word classes of one word, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(pub u32);

impl Classes {
    /// True when the word is in `class` (one of the class constants).
    pub const fn has(self, class: u32) -> bool {
        self.0 & class != 0
    }
}

/// Bit of [`is_subject_pronoun`].
pub const SUBJECT_PRONOUN: u32 = 1 << 0;

/// Bit of [`is_object_pronoun`].
pub const OBJECT_PRONOUN: u32 = 1 << 1;

/// Bit of [`is_determiner`].
pub const DETERMINER: u32 = 1 << 2;

/// Bit of [`is_verb_modifier`].
pub const VERB_MODIFIER: u32 = 1 << 3;

/// Bit of [`is_auxiliary`].
pub const AUXILIARY: u32 = 1 << 4;

/// Bit of [`is_stop_preposition`].
pub const STOP_PREPOSITION: u32 = 1 << 5;

/// Bit of [`is_np_preposition`].
pub const NP_PREPOSITION: u32 = 1 << 6;

/// Bit of [`is_bounded_np_preposition`].
pub const BOUNDED_NP_PREPOSITION: u32 = 1 << 7;

/// Bit of [`is_clause_word`].
pub const CLAUSE_WORD: u32 = 1 << 8;

/// Bit of [`is_sentence_adverb`].
pub const SENTENCE_ADVERB: u32 = 1 << 9;

/// Bit of [`is_postnominal`].
pub const POSTNOMINAL: u32 = 1 << 10;

/// Bit of [`is_time_word`].
pub const TIME_WORD: u32 = 1 << 11;

/// Bit of [`is_title`].
pub const TITLE: u32 = 1 << 12;

/// Bit of [`is_org_word`].
pub const ORG_WORD: u32 = 1 << 13;

/// Bit of [`is_medium_noun`].
pub const MEDIUM_NOUN: u32 = 1 << 14;
/// Bit of head nouns of unnamed sources (`a senior official`, `sources`).
pub const ANONYMOUS_NOUN: u32 = 1 << 15;
/// Bit of head nouns of groups of people speaking together (`residents`, `critics`).
pub const GROUP_NOUN: u32 = 1 << 16;
/// Bit of head nouns of documents and records that "say" things (`the report`).
pub const DOCUMENT_NOUN: u32 = 1 << 17;
/// Bit of adverbs that hedge a claim (`reportedly`, `allegedly`).
pub const HEDGE_ADVERB: u32 = 1 << 18;
/// Bit of words that open an attributing phrase: `according` (to), `per`.
pub const ATTRIBUTING: u32 = 1 << 19;
/// Bit of the forms of `be` that start a hedge (`is said to`).
pub const BE_FORM: u32 = 1 << 20;

/// The words of class [`SUBJECT_PRONOUN`]; see [`is_subject_pronoun`].
const SUBJECT_PRONOUN_WORDS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

/// The words of class [`OBJECT_PRONOUN`]; see [`is_object_pronoun`].
const OBJECT_PRONOUN_WORDS: &[&str] = &["him", "her", "them", "me", "us", "you", "it"];

/// The words of class [`DETERMINER`]; see [`is_determiner`].
const DETERMINER_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "another",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "some",
    "several",
    "many",
    "most",
    "few",
    "both",
    "all",
    "each",
    "other",
    "these",
    "those",
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
    "dozens",
    "hundreds",
    "thousands",
    "no",
];

/// The words of class [`VERB_MODIFIER`]; see [`is_verb_modifier`].
const VERB_MODIFIER_WORDS: &[&str] = &[
    "has", "have", "had", "would", "will", "could", "can", "may", "might", "should", "did", "does",
    "do", "also", "later", "then", "once", "first", "again", "just", "further", "since", "earlier",
    "often", "still", "even", "never", "already", "not", "ve", "d", "ll", "long", "always", "ever",
    "now", "both",
];

/// The words of class [`AUXILIARY`]; see [`is_auxiliary`].
const AUXILIARY_WORDS: &[&str] = &[
    "would", "will", "could", "can", "may", "might", "should", "did", "does", "do", "to",
];

/// The words of class [`STOP_PREPOSITION`]; see [`is_stop_preposition`].
const STOP_PREPOSITION_WORDS: &[&str] = &[
    "in", "on", "to", "by", "into", "during", "over", "under", "about", "against", "through",
    "without", "within", "via", "per", "near", "like", "with", "after", "before", "until", "than",
    "upon", "outside", "inside", "amid", "across", "toward", "towards", "as",
];

/// The words of class [`NP_PREPOSITION`]; see [`is_np_preposition`].
const NP_PREPOSITION_WORDS: &[&str] = &["of", "for", "from"];

/// The words of class [`BOUNDED_NP_PREPOSITION`]; see [`is_bounded_np_preposition`].
const BOUNDED_NP_PREPOSITION_WORDS: &[&str] = &["in", "at", "with", "on", "inside", "near"];

/// The words of class [`CLAUSE_WORD`]; see [`is_clause_word`].
const CLAUSE_WORD_WORDS: &[&str] = &[
    "that", "who", "whom", "whose", "which", "what", "when", "where", "while", "because", "since",
    "if", "whether", "though", "although", "but", "so", "or", "nor", "and", "yet", "unless",
    "once", "is", "are", "was", "were", "be", "been", "being", "not", "there", "here", "how",
    "why", "this",
];

/// The words of class [`SENTENCE_ADVERB`]; see [`is_sentence_adverb`].
const SENTENCE_ADVERB_WORDS: &[&str] = &[
    "then",
    "later",
    "also",
    "now",
    "still",
    "however",
    "meanwhile",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "instead",
    "again",
    "finally",
    "afterward",
    "afterwards",
    "separately",
    "previously",
    "similarly",
    "likewise",
    "indeed",
    "moreover",
    "but",
    "and",
    "or",
    "so",
    "as",
    "when",
    "while",
    "after",
    "before",
    "because",
    "though",
    "although",
    "if",
    "once",
    "where",
    "since",
    "until",
    "thus",
    "hence",
    "therefore",
    "nonetheless",
    "nevertheless",
    "otherwise",
    "here",
    "there",
];

/// The words of class [`POSTNOMINAL`]; see [`is_postnominal`].
const POSTNOMINAL_WORDS: &[&str] = &[
    "familiar",
    "close",
    "knowledgeable",
    "involved",
    "briefed",
    "speaking",
    "who",
    "present",
    "said",
    "says",
];

/// The words of class [`TIME_WORD`]; see [`is_time_word`].
const TIME_WORD_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "last",
    "earlier",
    "later",
    "recently",
];

/// The words of class [`TITLE`]; see [`is_title`].
const TITLE_WORDS: &[&str] = &[
    "mayor",
    "president",
    "vice",
    "senator",
    "sen",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "ambassador",
    "commissioner",
    "councilmember",
    "councilman",
    "councilwoman",
    "supervisor",
    "sheriff",
    "deputy",
    "detective",
    "det",
    "officer",
    "chief",
    "judge",
    "justice",
    "attorney",
    "general",
    "gen",
    "col",
    "colonel",
    "lt",
    "lieutenant",
    "sgt",
    "sergeant",
    "capt",
    "captain",
    "cmdr",
    "commander",
    "adm",
    "admiral",
    "maj",
    "major",
    "dr",
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "prof",
    "professor",
    "rev",
    "reverend",
    "father",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "coach",
    "assistant",
    "associate",
    "press",
    "superintendent",
    "trooper",
    "inspector",
    "presidential",
    "candidate",
    "nominee",
    "sir",
    "dame",
    "lord",
    "lady",
    "hon",
    "engineer",
    "pastor",
    "rabbi",
    "imam",
    "bishop",
    "dean",
    "principal",
    "nurse",
    "firefighter",
    "councillor",
    "alderman",
    "alderwoman",
    "lawmaker",
    "analyst",
    "economist",
    "professor",
];

/// The words of class [`ORG_WORD`]; see [`is_org_word`].
const ORG_WORD_WORDS: &[&str] = &[
    "department",
    "office",
    "council",
    "committee",
    "agency",
    "ministry",
    "house",
    "court",
    "party",
    "times",
    "news",
    "post",
    "press",
    "association",
    "union",
    "board",
    "commission",
    "service",
    "services",
    "university",
    "institute",
    "center",
    "centre",
    "bureau",
    "administration",
    "campaign",
    "police",
    "force",
    "army",
    "navy",
    "guard",
    "corps",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "company",
    "group",
    "foundation",
    "coalition",
    "network",
    "journal",
    "tribune",
    "herald",
    "senate",
    "congress",
    "assembly",
    "government",
    "school",
    "college",
    "hospital",
];

/// The words of class [`MEDIUM_NOUN`]; see [`is_medium_noun`].
const MEDIUM_NOUN_WORDS: &[&str] = &[
    "statement",
    "statements",
    "report",
    "reports",
    "data",
    "figures",
    "records",
    "documents",
    "filing",
    "filings",
    "memo",
    "email",
    "e-mail",
    "letter",
    "post",
    "tweet",
    "transcript",
    "analysis",
    "survey",
    "poll",
    "estimate",
    "estimates",
    "release",
    "complaint",
    "copy",
    "video",
    "recording",
    "announcement",
    "study",
    "review",
    "count",
    "tally",
    "interview",
    "testimony",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "official",
    "officials",
];

/// Head nouns of unnamed sources (`a senior official`, `sources`). Written by
/// the team from news style guides' treatment of anonymous sourcing.
const ANONYMOUS_NOUN_WORDS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "insider",
    "insiders",
    "staffer",
    "staffers",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "representative",
    "representatives",
    "diplomat",
    "diplomats",
    "someone",
    "confidant",
    "confidants",
    "associate",
    "associates",
    "operative",
    "operatives",
    "strategist",
    "strategists",
    "whistleblower",
    "employee",
    "employees",
    "investigator",
    "investigators",
    "officer",
    "officers",
];

/// Head nouns of groups of people speaking together (`residents`, `critics`).
const GROUP_NOUN_WORDS: &[&str] = &[
    "residents",
    "critics",
    "protesters",
    "protestors",
    "demonstrators",
    "voters",
    "supporters",
    "opponents",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "progressives",
    "experts",
    "analysts",
    "economists",
    "scientists",
    "researchers",
    "activists",
    "advocates",
    "lawmakers",
    "legislators",
    "witnesses",
    "neighbors",
    "neighbours",
    "parents",
    "students",
    "teachers",
    "doctors",
    "nurses",
    "workers",
    "members",
    "leaders",
    "observers",
    "pollsters",
    "historians",
    "scholars",
    "fans",
    "families",
    "victims",
    "survivors",
    "farmers",
    "owners",
    "executives",
    "investors",
    "citizens",
    "americans",
    "people",
    "others",
    "many",
    "some",
    "both",
    "police",
    "authorities",
    "prosecutors",
    "attorneys",
    "lawyers",
    "candidates",
    "delegates",
    "donors",
    "allies",
    "rivals",
    "detractors",
    "skeptics",
    "environmentalists",
    "unions",
    "groups",
    "organizers",
    "organisers",
    "campaigners",
    "politicians",
    "engineers",
    "physicians",
    "educators",
    "authors",
    "writers",
    "employees",
    "majority",
    "public",
];

/// Head nouns of documents and records that "say" things (`the report`).
const DOCUMENT_NOUN_WORDS: &[&str] = &[
    "report",
    "reports",
    "statement",
    "statements",
    "lawsuit",
    "suit",
    "memo",
    "memorandum",
    "letter",
    "study",
    "poll",
    "polls",
    "survey",
    "surveys",
    "complaint",
    "filing",
    "filings",
    "documents",
    "document",
    "records",
    "data",
    "analysis",
    "indictment",
    "ruling",
    "order",
    "bill",
    "law",
    "email",
    "e-mail",
    "emails",
    "post",
    "tweet",
    "tweets",
    "video",
    "transcript",
    "release",
    "website",
    "book",
    "article",
    "editorial",
    "ad",
    "advertisement",
    "chart",
    "figures",
    "estimate",
    "estimates",
    "findings",
    "review",
    "audit",
    "guidance",
    "proposal",
    "platform",
    "policy",
    "budget",
    "affidavit",
    "motion",
    "verdict",
    "decision",
    "opinion",
    "paper",
    "map",
    "footage",
    "recording",
    "message",
    "notice",
    "warrant",
    "petition",
    "resolution",
    "rules",
    "guidelines",
    "manual",
    "census",
    "count",
    "tally",
    "database",
    "statistics",
    "minutes",
    "forecast",
    "assessment",
    "investigation",
    "inquiry",
];

/// Adverbs that hedge a claim (`reportedly`, `allegedly`).
const HEDGE_ADVERB_WORDS: &[&str] = &[
    "allegedly",
    "reportedly",
    "purportedly",
    "supposedly",
    "apparently",
    "ostensibly",
    "rumoredly",
    "reputedly",
];

/// Words that open an attributing phrase: `according` (to), `per`.
const ATTRIBUTING_WORDS: &[&str] = &["according", "per"];

/// The forms of `be` that start a hedge (`is said to`, `was reported to`).
const BE_FORM_WORDS: &[&str] = &["is", "are", "was", "were"];

/// Every class list with its bit.
const CLASS_LISTS: &[(&[&str], u32)] = &[
    (SUBJECT_PRONOUN_WORDS, SUBJECT_PRONOUN),
    (OBJECT_PRONOUN_WORDS, OBJECT_PRONOUN),
    (DETERMINER_WORDS, DETERMINER),
    (VERB_MODIFIER_WORDS, VERB_MODIFIER),
    (AUXILIARY_WORDS, AUXILIARY),
    (STOP_PREPOSITION_WORDS, STOP_PREPOSITION),
    (NP_PREPOSITION_WORDS, NP_PREPOSITION),
    (BOUNDED_NP_PREPOSITION_WORDS, BOUNDED_NP_PREPOSITION),
    (CLAUSE_WORD_WORDS, CLAUSE_WORD),
    (SENTENCE_ADVERB_WORDS, SENTENCE_ADVERB),
    (POSTNOMINAL_WORDS, POSTNOMINAL),
    (TIME_WORD_WORDS, TIME_WORD),
    (TITLE_WORDS, TITLE),
    (ORG_WORD_WORDS, ORG_WORD),
    (MEDIUM_NOUN_WORDS, MEDIUM_NOUN),
    (ANONYMOUS_NOUN_WORDS, ANONYMOUS_NOUN),
    (GROUP_NOUN_WORDS, GROUP_NOUN),
    (DOCUMENT_NOUN_WORDS, DOCUMENT_NOUN),
    (HEDGE_ADVERB_WORDS, HEDGE_ADVERB),
    (ATTRIBUTING_WORDS, ATTRIBUTING),
    (BE_FORM_WORDS, BE_FORM),
];

/// Every listed word with its class bit (a word may come several times).
pub fn class_words() -> impl Iterator<Item = (&'static str, u32)> {
    CLASS_LISTS
        .iter()
        .flat_map(|(list, bit)| list.iter().map(move |w| (*w, *bit)))
}

/// The class table: every listed word with all its classes, built once.
fn table() -> &'static WordTable<u32> {
    static TABLE: OnceLock<WordTable<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words: Vec<(&'static str, u32)> = class_words().collect();
        WordTable::new(&words, |a, b| a | b)
    })
}

/// The classes of `word` (ASCII case-insensitive; an abbreviated title is
/// matched with or without its full stop, `Gen.` as `gen`).
pub fn classes(word: &str) -> Classes {
    with_rules(word, lookup(word, word_table::hash(word)))
}

/// Adds to the listed classes `c` of `word` the classes given by rules: a
/// title written with its full stop (`Gen.`), and `-ly` adverbs as verb
/// modifiers (`reportedly`, `flatly`; lower case only, so that names like
/// `Kelly` are not taken).
pub fn with_rules(word: &str, mut c: Classes) -> Classes {
    if let Some(bare) = word.strip_suffix('.') {
        c.0 |= lookup(bare, word_table::hash(bare)).0 & TITLE;
    }
    if word.len() > 4
        && word.as_bytes().last() == Some(&b'y')
        && word.ends_with("ly")
        && is_lowercase(word)
        && !word.eq_ignore_ascii_case("only")
    {
        c.0 |= VERB_MODIFIER;
    }
    c
}

fn lookup(word: &str, h: u32) -> Classes {
    if word.is_empty() || word.len() > 16 {
        return Classes(0);
    }
    Classes(table().get_hashed(word, h).unwrap_or(0))
}

/// Subject pronouns that can be a source (`"…," she said`).
pub fn is_subject_pronoun(word: &str) -> bool {
    classes(word).has(SUBJECT_PRONOUN)
}

/// Object pronouns that can follow `told` (`told him`, `told us`).
pub fn is_object_pronoun(word: &str) -> bool {
    classes(word).has(OBJECT_PRONOUN)
}

/// Words that open a noun phrase: articles, possessives, quantifiers and
/// number words. (`that`/`this` are left out: they open clauses as often.)
pub fn is_determiner(word: &str) -> bool {
    classes(word).has(DETERMINER)
}

/// Auxiliaries, modals and the adverbs news puts between a source and its
/// verb (`Bass has said`, `she would later say`, `he also told`), and any
/// lower-case `-ly` adverb (`reportedly`, `flatly`).
pub fn is_verb_modifier(word: &str) -> bool {
    classes(word).has(VERB_MODIFIER)
}

/// Auxiliaries and modals that license a base-form cue (`would say`).
pub fn is_auxiliary(word: &str) -> bool {
    classes(word).has(AUXILIARY)
}

/// Prepositions that end a noun phrase (`said Bass in a statement`). `of` is
/// not here: it joins names (`Department of Justice`) and heads to their
/// complements (`the mayor of Los Angeles`).
pub fn is_stop_preposition(word: &str) -> bool {
    classes(word).has(STOP_PREPOSITION)
}

/// Prepositions that may continue a noun phrase with a complement
/// (`a spokesperson for the department`, `a statement from the mayor`).
pub fn is_np_preposition(word: &str) -> bool {
    classes(word).has(NP_PREPOSITION)
}

/// Prepositions that may also continue a noun phrase whose end is already
/// known (a cue follows it): `"…?" a narrator in the ad asks`.
pub fn is_bounded_np_preposition(word: &str) -> bool {
    classes(word).has(NP_PREPOSITION | BOUNDED_NP_PREPOSITION)
}

/// Words that open a clause: a noun phrase never runs through them.
pub fn is_clause_word(word: &str) -> bool {
    classes(word).has(CLAUSE_WORD)
}

/// Sentence adverbs and connectives that sit before a subject (`Later, she
/// said`, `Meanwhile officials said`): a backward noun phrase stops there.
pub fn is_sentence_adverb(word: &str) -> bool {
    classes(word).has(SENTENCE_ADVERB)
}

/// Words that follow a plural source but are not part of its head
/// (`officials familiar with`, `people close to`, `sources speaking on`).
pub fn is_postnominal(word: &str) -> bool {
    classes(word).has(POSTNOMINAL)
}

/// Days and other time words: they end a name run (`said Bass Tuesday`).
pub fn is_time_word(word: &str) -> bool {
    classes(word).has(TIME_WORD)
}

/// Titles and role words written before a person's name (`Mayor Karen
/// Bass`, `Police Chief Jim Doe`): not part of the source span. Abbreviated
/// titles are matched with or without their full stop.
pub fn is_title(word: &str) -> bool {
    classes(word).has(TITLE)
}

/// Words that make a capitalised run an organisation rather than a titled
/// person (`Justice Department`, `Police Chief's Office`): titles are not
/// stripped from such runs.
pub fn is_org_word(word: &str) -> bool {
    classes(word).has(ORG_WORD)
}

/// Nouns for the medium of an attribution (`according to a statement from
/// the mayor's office`): the source is the noun phrase after `from`/`by`.
pub fn is_medium_noun(word: &str) -> bool {
    classes(word).has(MEDIUM_NOUN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_classes() {
        assert!(is_subject_pronoun("She"));
        assert!(is_subject_pronoun("THEY"));
        assert!(!is_subject_pronoun("her"));
        assert!(is_determiner("The"));
        assert!(is_title("Gen."));
        assert!(is_title("MAYOR"));
        assert!(!is_title("Bass"));
        assert_eq!(cmp_ci("Said", "said"), Ordering::Equal);
        assert_eq!(cmp_ci("add", "Added"), Ordering::Less);
    }

    #[test]
    fn ly_adverbs_but_not_names() {
        assert!(is_verb_modifier("reportedly"));
        assert!(is_verb_modifier("has"));
        assert!(!is_verb_modifier("Kelly"));
        assert!(!is_verb_modifier("only"));
    }
}
