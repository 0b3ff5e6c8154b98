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
    if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        let mut title = String::with_capacity(word.len());
        title.push_str(&word[..1]);
        title.push_str(&word[1..].to_ascii_lowercase());
        return kind_exact(&title);
    }
    kind_exact(word)
}

fn kind_exact(word: &str) -> Option<AbbrevKind> {
    if MONTHS.contains(&word) {
        Some(AbbrevKind::Month)
    } else if TITLES.contains(&word) {
        Some(AbbrevKind::Title)
    } else if TERMINALS.contains(&word) {
        Some(AbbrevKind::Terminal)
    } else {
        None
    }
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
