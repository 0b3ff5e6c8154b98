//! A small committed table of common abbreviations and other names of the
//! same place or body ("LA" = "Los Angeles", "U.S." = "United States" =
//! "America", "Britain" = "United Kingdom"), so that the forms share one
//! lookup key. Abbreviations the article spells out itself ("Immigration
//! and Customs Enforcement (ICE)") are matched from the article by
//! [`super::acronyms`]; this table covers what articles do not spell out.
//!
//! Sources: US state and territory codes from USPS Publication 28
//! (Appendix B, two-letter state abbreviations); the state abbreviations of
//! the AP Stylebook ("Calif.", "Fla."); Australian state codes (Australia
//! Post); country and city short forms written by the team from common
//! news usage. One deliberate choice: "LA" is Los Angeles (as in news
//! text), Louisiana is "La.".

/// Abbreviations as written, full stops and spaces removed, case kept
/// ("U.S." → `US`, "Calif." → `Calif`), with the lookup key of the full
/// name. Sorted by abbreviation (byte order).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("AK", "alaska"),
    ("AL", "alabama"),
    ("AR", "arkansas"),
    ("AZ", "arizona"),
    ("Ala", "alabama"),
    ("Ariz", "arizona"),
    ("Ark", "arkansas"),
    ("BC", "british columbia"),
    ("CA", "california"),
    ("CO", "colorado"),
    ("CT", "connecticut"),
    ("Cal", "california"),
    ("Calif", "california"),
    ("Colo", "colorado"),
    ("Conn", "connecticut"),
    ("DC", "washington d.c"),
    ("DE", "delaware"),
    ("DPRK", "north korea"),
    ("DRC", "democratic republic of the congo"),
    ("Del", "delaware"),
    ("EU", "european union"),
    ("FL", "florida"),
    ("Fla", "florida"),
    ("GA", "georgia"),
    ("Ga", "georgia"),
    ("HI", "hawaii"),
    ("IA", "iowa"),
    ("ID", "idaho"),
    ("IL", "illinois"),
    ("IN", "indiana"),
    ("Ill", "illinois"),
    ("Ind", "indiana"),
    ("KS", "kansas"),
    ("KY", "kentucky"),
    ("Kan", "kansas"),
    ("Kans", "kansas"),
    ("Ky", "kentucky"),
    ("LA", "los angeles"),
    ("La", "louisiana"),
    ("MA", "massachusetts"),
    ("MD", "maryland"),
    ("ME", "maine"),
    ("MI", "michigan"),
    ("MN", "minnesota"),
    ("MO", "missouri"),
    ("MS", "mississippi"),
    ("MT", "montana"),
    ("Mass", "massachusetts"),
    ("Md", "maryland"),
    ("Mich", "michigan"),
    ("Minn", "minnesota"),
    ("Miss", "mississippi"),
    ("Mo", "missouri"),
    ("Mont", "montana"),
    ("NC", "north carolina"),
    ("ND", "north dakota"),
    ("NE", "nebraska"),
    ("NH", "new hampshire"),
    ("NJ", "new jersey"),
    ("NM", "new mexico"),
    ("NOLA", "new orleans"),
    ("NSW", "new south wales"),
    ("NT", "northern territory"),
    ("NV", "nevada"),
    ("NY", "new york"),
    ("NYC", "new york city"),
    ("Neb", "nebraska"),
    ("Nev", "nevada"),
    ("OH", "ohio"),
    ("OK", "oklahoma"),
    ("OR", "oregon"),
    ("Okla", "oklahoma"),
    ("Ore", "oregon"),
    ("PA", "pennsylvania"),
    ("PR", "puerto rico"),
    ("PRC", "china"),
    ("Pa", "pennsylvania"),
    ("QC", "quebec"),
    ("QLD", "queensland"),
    ("Qld", "queensland"),
    ("RI", "rhode island"),
    ("ROK", "south korea"),
    ("SC", "south carolina"),
    ("SD", "south dakota"),
    ("SF", "san francisco"),
    ("TN", "tennessee"),
    ("TX", "texas"),
    ("Tas", "tasmania"),
    ("Tenn", "tennessee"),
    ("UAE", "united arab emirates"),
    ("UK", "united kingdom"),
    ("UN", "united nations"),
    ("US", "united states"),
    ("USA", "united states"),
    ("USSR", "soviet union"),
    ("UT", "utah"),
    ("VA", "virginia"),
    ("VT", "vermont"),
    ("Va", "virginia"),
    ("Vt", "vermont"),
    ("WA", "washington"),
    ("WI", "wisconsin"),
    ("WV", "west virginia"),
    ("WVa", "west virginia"),
    ("WY", "wyoming"),
    ("Wash", "washington"),
    ("Wis", "wisconsin"),
    ("Wyo", "wyoming"),
];

/// Other full names of the same place or body, in lookup form (lower case,
/// no final full stops), with the key they share. Sorted.
const SYNONYMS: &[(&str, &str)] = &[
    ("america", "united states"),
    ("britain", "united kingdom"),
    ("czechia", "czech republic"),
    ("democratic people's republic of korea", "north korea"),
    ("district of columbia", "washington d.c"),
    ("great britain", "united kingdom"),
    ("holland", "netherlands"),
    ("ivory coast", "cote d'ivoire"),
    ("people's republic of china", "china"),
    ("philly", "philadelphia"),
    ("republic of korea", "south korea"),
    ("russian federation", "russia"),
    ("united states of america", "united states"),
    ("vegas", "las vegas"),
];

/// The longest abbreviation looked up, in letters.
const MAX_ABBREVIATION: usize = 6;

/// The shared lookup key of a name that the table knows: `surface` is the
/// name as written, `key` its lookup form, `words` its word count. `None`
/// when the name is not in the table.
pub fn canonical(surface: &str, key: &str, words: usize) -> Option<&'static str> {
    if words <= 3 {
        let mut buf = [0u8; MAX_ABBREVIATION];
        if let Some(compact) = compact(surface, &mut buf) {
            if let Ok(i) = ABBREVIATIONS.binary_search_by(|(a, _)| (*a).cmp(compact)) {
                return ABBREVIATIONS.get(i).map(|(_, full)| *full);
            }
        }
    }
    SYNONYMS
        .binary_search_by(|(s, _)| (*s).cmp(key))
        .ok()
        .and_then(|i| SYNONYMS.get(i))
        .map(|(_, full)| *full)
}

/// True when `surface` (full stops removed) is an abbreviation in the
/// table ("U.S.", "Calif.").
pub fn is_known(surface: &str) -> bool {
    let mut buf = [0u8; MAX_ABBREVIATION];
    compact(surface, &mut buf)
        .is_some_and(|c| ABBREVIATIONS.binary_search_by(|(a, _)| (*a).cmp(c)).is_ok())
}

/// `surface` without full stops and spaces, when it is short and ASCII
/// letters only ("N. Y." → `NY`).
fn compact<'b>(surface: &str, buf: &'b mut [u8; MAX_ABBREVIATION]) -> Option<&'b str> {
    let mut n = 0;
    for b in surface.bytes() {
        match b {
            b'.' | b' ' => {}
            b if b.is_ascii_alphabetic() => {
                *buf.get_mut(n)? = b;
                n += 1;
            }
            _ => return None,
        }
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for pair in ABBREVIATIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for pair in SYNONYMS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for (a, _) in ABBREVIATIONS {
            assert!(a.len() <= MAX_ABBREVIATION, "{a}");
        }
    }

    #[test]
    fn abbreviations_keep_their_case() {
        assert_eq!(canonical("LA", "la", 1), Some("los angeles"));
        assert_eq!(canonical("La.", "la", 1), Some("louisiana"));
        assert_eq!(canonical("U.S.", "u.s", 1), Some("united states"));
        assert_eq!(canonical("U. S.", "u s", 2), Some("united states"));
        assert_eq!(canonical("USA", "usa", 1), Some("united states"));
        assert_eq!(canonical("Calif.", "calif", 1), Some("california"));
        assert_eq!(canonical("NYC", "nyc", 1), Some("new york city"));
        assert_eq!(canonical("us", "us", 1), None);
        assert_eq!(canonical("Bass", "bass", 1), None);
    }

    #[test]
    fn other_names_of_the_same_place() {
        assert_eq!(canonical("Britain", "britain", 1), Some("united kingdom"));
        assert_eq!(
            canonical("Great Britain", "great britain", 2),
            Some("united kingdom")
        );
        assert_eq!(canonical("America", "america", 1), Some("united states"));
        assert_eq!(canonical("Los Angeles", "los angeles", 2), None);
    }

    #[test]
    fn known_abbreviations() {
        assert!(is_known("U.S."));
        assert!(is_known("NSW"));
        assert!(!is_known("ICE"));
        assert!(!is_known("Department"));
    }
}
