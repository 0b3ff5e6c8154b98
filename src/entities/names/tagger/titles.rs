//! Titles that stand before a person's name ("Mayor Karen Bass",
//! "Sen. Alex Padilla").
//!
//! A small list kept inside the tagger until the shared titles lexicon
//! (`names/titles.rs`) lands; the two should then be merged. Written by the
//! team from common news style; lower case, without the full stop.

/// Lower-cased titles, without a trailing full stop.
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "general",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "president",
    "vice",
    "minister",
    "secretary",
    "judge",
    "justice",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "coach",
    "officer",
    "sheriff",
    "attorney",
    "commissioner",
    "councilman",
    "councilwoman",
    "councilmember",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "maj",
    "major",
    "rev",
    "reverend",
    "father",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "speaker",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ceo",
    "founder",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "pitcher",
    "quarterback",
    "actor",
    "actress",
    "singer",
    "rapper",
    "author",
    "detective",
    "agent",
    "deputy",
    "superintendent",
    "premier",
    "dictator",
    "emperor",
];

/// True when `lower` (a lower-cased token, full stop allowed) is a title.
pub fn is_title(lower: &str) -> bool {
    let word = lower.strip_suffix('.').unwrap_or(lower);
    TITLES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_and_without_full_stop() {
        assert!(is_title("sen."));
        assert!(is_title("mayor"));
        assert!(!is_title("said"));
    }
}
