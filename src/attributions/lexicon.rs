//! Small closed word classes the attribution rules read: determiners,
//! pronouns, auxiliaries, prepositions, clause words, titles. Written by the
//! team from ordinary English grammar and AP-style news usage. All lookups are
//! ASCII case-insensitive (ALL-CAPS articles still match) and allocate
//! nothing.

use std::cmp::Ordering;

/// Compares two words ASCII case-insensitively (the order of the lowercased
/// bytes). Used to search the sorted cue table.
pub fn cmp_ci(a: &str, b: &str) -> Ordering {
    let a = a.bytes().map(|c| c.to_ascii_lowercase());
    let b = b.bytes().map(|c| c.to_ascii_lowercase());
    a.cmp(b)
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

/// Subject pronouns that can be a source (`"…," she said`).
pub fn is_subject_pronoun(word: &str) -> bool {
    is_one_of(word, &["he", "she", "they", "i", "we", "it", "you"])
}

/// Object pronouns that can follow `told` (`told him`, `told us`).
pub fn is_object_pronoun(word: &str) -> bool {
    is_one_of(word, &["him", "her", "them", "me", "us", "you", "it"])
}

/// Words that open a noun phrase: articles, possessives, quantifiers and
/// number words. (`that`/`this` are left out: they open clauses as often.)
pub fn is_determiner(word: &str) -> bool {
    is_one_of(
        word,
        &[
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
        ],
    )
}

/// Auxiliaries, modals and the adverbs news puts between a source and its
/// verb (`Bass has said`, `she would later say`, `he also told`).
pub fn is_verb_modifier(word: &str) -> bool {
    if is_one_of(
        word,
        &[
            "has", "have", "had", "would", "will", "could", "can", "may", "might", "should", "did",
            "does", "do", "also", "later", "then", "once", "first", "again", "just", "further",
            "since", "earlier", "often", "still", "even", "never", "already", "not", "ve", "d",
            "ll",
        ],
    ) {
        return true;
    }
    // `-ly` adverbs: `reportedly`, `flatly`, `previously` (lower case only, so
    // that names like `Kelly` are not skipped).
    is_lowercase(word) && word.len() > 4 && word.ends_with("ly") && !is_one_of(word, &["only"])
}

/// Auxiliaries and modals that license a base-form cue (`would say`).
pub fn is_auxiliary(word: &str) -> bool {
    is_one_of(
        word,
        &[
            "would", "will", "could", "can", "may", "might", "should", "did", "does", "do", "to",
        ],
    )
}

/// Prepositions that end a noun phrase (`said Bass in a statement`). `of` is
/// not here: it joins names (`Department of Justice`) and heads to their
/// complements (`the mayor of Los Angeles`).
pub fn is_stop_preposition(word: &str) -> bool {
    is_one_of(
        word,
        &[
            "in", "on", "to", "by", "into", "during", "over", "under", "about", "against",
            "through", "without", "within", "via", "per", "near", "like", "with", "after",
            "before", "until", "than", "upon", "outside", "inside", "amid", "across", "toward",
            "towards", "as",
        ],
    )
}

/// Prepositions that may continue a noun phrase with a complement
/// (`a spokesperson for the department`, `a statement from the mayor`).
pub fn is_np_preposition(word: &str) -> bool {
    is_one_of(word, &["of", "for", "from"])
}

/// Prepositions that may also continue a noun phrase whose end is already
/// known (a cue follows it): `"…?" a narrator in the ad asks`.
pub fn is_bounded_np_preposition(word: &str) -> bool {
    is_np_preposition(word) || is_one_of(word, &["in", "at", "with", "on", "inside", "near"])
}

/// Words that open a clause: a noun phrase never runs through them.
pub fn is_clause_word(word: &str) -> bool {
    is_one_of(
        word,
        &[
            "that", "who", "whom", "whose", "which", "what", "when", "where", "while", "because",
            "since", "if", "whether", "though", "although", "but", "so", "or", "nor", "and", "yet",
            "unless", "once", "is", "are", "was", "were", "be", "been", "being", "not", "there",
            "here", "how", "why", "this",
        ],
    )
}

/// Sentence adverbs and connectives that sit before a subject (`Later, she
/// said`, `Meanwhile officials said`): a backward noun phrase stops there.
pub fn is_sentence_adverb(word: &str) -> bool {
    is_one_of(
        word,
        &[
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
        ],
    )
}

/// Words that follow a plural source but are not part of its head
/// (`officials familiar with`, `people close to`, `sources speaking on`).
pub fn is_postnominal(word: &str) -> bool {
    is_one_of(
        word,
        &[
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
        ],
    )
}

/// Days and other time words: they end a name run (`said Bass Tuesday`).
pub fn is_time_word(word: &str) -> bool {
    is_one_of(
        word,
        &[
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
        ],
    )
}

/// Titles and role words written before a person's name (`Mayor Karen
/// Bass`, `Police Chief Jim Doe`): not part of the source span. Abbreviated
/// titles are matched with or without their full stop.
pub fn is_title(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    is_one_of(
        bare,
        &[
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
        ],
    )
}

/// Words that make a capitalised run an organisation rather than a titled
/// person (`Justice Department`, `Police Chief's Office`): titles are not
/// stripped from such runs.
pub fn is_org_word(word: &str) -> bool {
    is_one_of(
        word,
        &[
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
        ],
    )
}

/// Nouns for the medium of an attribution (`according to a statement from
/// the mayor's office`): the source is the noun phrase after `from`/`by`.
pub fn is_medium_noun(word: &str) -> bool {
    is_one_of(
        word,
        &[
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
        ],
    )
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
