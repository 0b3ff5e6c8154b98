//! Abbreviations that keep their full stop, and how they behave at the end of
//! a sentence. Lists written by the team from common news style (AP style
//! titles, months, US state abbreviations, company suffixes).

/// How an abbreviation behaves before a possible sentence break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Comes before a name and never ends a sentence (`Mr.`, `Gen.`, `Sen.`).
    Title,
    /// Can end a sentence (`Inc.`, `Jr.`, `Calif.`, `etc.`).
    Terminal,
    /// A month (`Jan.`, `Sept.`): usually followed by a day.
    Month,
}

/// Titles that precede names.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Sen", "Rep", "Reps", "Sens", "Gov", "Lt", "Col",
    "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Maj", "Brig", "Cmdr", "Cdr", "Gens", "Pres",
    "Supt", "Det", "Insp", "Rev", "Fr", "Hon", "Amb", "Atty", "Msgr", "Sra", "Ste", "Mt", "Ft",
    "Pt", "Vol", "Fig", "Sec", "Secs", "Spc", "Ens", "Dep",
];

/// Abbreviations that may end a sentence.
const TERMINALS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "St", "Bros", "Jr", "Sr", "Esq", "Ph", "etc", "vs", "v", "al",
    "approx", "dept", "Dept", "est", "Ave", "Blvd", "Rd", "Hwy", "Sq", "Univ", "Assn", "Intl",
    "Govt", // US state abbreviations (AP style).
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Month abbreviations (AP style plus common variants).
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// The kind of `word` (without its full stop), if it is a known abbreviation.
/// ALL-CAPS forms (`GEN.`, `INC.`) count too.
pub fn kind(word: &str) -> Option<AbbrevKind> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEN {
        return None;
    }
    let mut buf = [0u8; MAX_LEN];
    for (d, &s) in buf.iter_mut().zip(bytes) {
        *d = s;
    }
    if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        // Title-cased: `GEN` is looked up as `Gen`.
        for d in buf.iter_mut().take(bytes.len()).skip(1) {
            *d = d.to_ascii_lowercase();
        }
    }
    kind_of_key(u64::from_le_bytes(buf))
}

/// The longest abbreviation, in bytes.
const MAX_LEN: usize = 8;

/// Packs a (short, case-sensitive) word like [`kind`] does.
// Evaluated at compile time: a bad index is a build error, never a panic.
#[allow(clippy::indexing_slicing)]
const fn pack(word: &str) -> u64 {
    let bytes = word.as_bytes();
    assert!(bytes.len() <= MAX_LEN);
    let mut k = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        k |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

/// Every abbreviation with its kind, months first, then titles, then
/// terminals (a word in two lists takes the first).
// Evaluated at compile time: a bad index is a build error, never a panic.
#[allow(clippy::indexing_slicing)]
static KEYS: [(u64, AbbrevKind); MONTHS.len() + TITLES.len() + TERMINALS.len()] = {
    let mut out = [(0u64, AbbrevKind::Month); MONTHS.len() + TITLES.len() + TERMINALS.len()];
    let mut n = 0;
    let lists: [(&[&str], AbbrevKind); 3] = [
        (MONTHS, AbbrevKind::Month),
        (TITLES, AbbrevKind::Title),
        (TERMINALS, AbbrevKind::Terminal),
    ];
    let mut l = 0;
    while l < lists.len() {
        let (words, kind) = lists[l];
        let mut w = 0;
        while w < words.len() {
            out[n] = (pack(words[w]), kind);
            n += 1;
            w += 1;
        }
        l += 1;
    }
    out
};

/// The kind of the word packed in `key` (first list wins, as in the
/// `MONTHS`, `TITLES`, `TERMINALS` order).
fn kind_of_key(key: u64) -> Option<AbbrevKind> {
    KEYS.iter().find(|&&(k, _)| k == key).map(|&(_, kind)| kind)
}

/// Capitalised words that commonly open a sentence: after an abbreviation
/// that may end a sentence (`in the U.S. The …`), one of these means it did.
pub fn is_sentence_opener(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "But",
        "And",
        "Or",
        "In",
        "On",
        "At",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "My",
        "There",
        "Then",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "If",
        "So",
        "Yet",
        "Still",
        "Meanwhile",
        "However",
        "Also",
        "Some",
        "Many",
        "Most",
        "For",
        "With",
        "Now",
        "Last",
        "Earlier",
        "Later",
        "What",
        "Why",
        "How",
        "Who",
        "Officials",
        "Police",
    ];
    OPENERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind("Gen"), Some(AbbrevKind::Title));
        assert_eq!(kind("Inc"), Some(AbbrevKind::Terminal));
        assert_eq!(kind("Sept"), Some(AbbrevKind::Month));
        assert_eq!(kind("Bass"), None);
        assert_eq!(kind("GEN"), Some(AbbrevKind::Title));
        assert!(is_sentence_opener("The"));
    }
}
