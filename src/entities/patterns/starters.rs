//! Which words can start a pattern, decided once per token.
//!
//! Each recogniser tries its patterns at every free token; most tokens
//! (`said`, `police`) cannot start any of them. [`classify`] sorts a word
//! into a few classes with one table lookup of its lower-cased form, so the
//! recognisers skip the rest at the cost of a bit test. The word lists of
//! the recognisers stay the authority on what matches; the tests below
//! check that every word that begins one of their patterns is classified
//! here, so the two cannot drift apart unnoticed.

use super::number_words::{hyphenated_fraction, may_have_hyphen, small_cardinal};
use crate::text::word_table::{self, WordTable};

/// Can start a number phrase: `four`, `a`, `half`, `dozens`, `tens`.
pub const NUMBER: u8 = 1;
/// Is the first word of an approximator: `about`, `more`, `at`.
pub const APPROXIMATOR: u8 = 2;
/// Can start a date, time or period: `July`, `Tuesday`, `the`, `last`,
/// `early`, `noon`, `years`, `Christmas`.
pub const CALENDAR: u8 = 4;
/// Contains a hyphen: `mid-July`, `five-year`, `two-mile`.
pub const HYPHENATED: u8 = 8;

/// The classes of word `w` (any case), as a set of the flags above.
pub fn classify(w: &str) -> u8 {
    classify_with_key(w).0
}

/// [`classify`], and the word's packed lower-case key
/// ([`word_table::key`], 0 for long or non-ASCII words), computed together.
pub fn classify_with_key(w: &str) -> (u8, u128) {
    // Short ASCII words (nearly all): one packed value for every test.
    if let Some(raw) = word_table::raw_key(w).filter(|&r| word_table::is_ascii(r)) {
        let mut flags = 0;
        if word_table::contains_byte(raw, b'-') {
            flags |= hyphen_flags(w);
        }
        let key = word_table::lower(raw);
        let class = match STARTERS.get_key(key) {
            0 if is_fiscal_year_key(key) => flags | CALENDAR,
            class => flags | class,
        };
        return (class, key);
    }
    // Long or non-ASCII words are in no list.
    if may_have_hyphen(w) {
        (hyphen_flags(w), 0)
    } else {
        (0, 0)
    }
}

/// The classes of a word that may hold a hyphen.
fn hyphen_flags(w: &str) -> u8 {
    if small_cardinal(w).is_some() || hyphenated_fraction(w).is_some() {
        HYPHENATED | NUMBER
    } else {
        HYPHENATED
    }
}

/// The starter words and their classes.
static STARTERS: WordTable<512> = WordTable::new(&[
    // Numbers and vague amounts.
    ("zero", NUMBER),
    ("one", NUMBER),
    ("two", NUMBER),
    ("three", NUMBER),
    ("four", NUMBER),
    ("five", NUMBER),
    ("six", NUMBER),
    ("seven", NUMBER),
    ("eight", NUMBER),
    ("nine", NUMBER),
    ("ten", NUMBER),
    ("eleven", NUMBER),
    ("twelve", NUMBER),
    ("thirteen", NUMBER),
    ("fourteen", NUMBER),
    ("fifteen", NUMBER),
    ("sixteen", NUMBER),
    ("seventeen", NUMBER),
    ("eighteen", NUMBER),
    ("nineteen", NUMBER),
    ("twenty", NUMBER),
    ("thirty", NUMBER),
    ("forty", NUMBER),
    ("fifty", NUMBER),
    ("sixty", NUMBER),
    ("seventy", NUMBER),
    ("eighty", NUMBER),
    ("ninety", NUMBER),
    ("dozens", NUMBER),
    ("hundreds", NUMBER),
    ("thousands", NUMBER),
    ("millions", NUMBER),
    ("billions", NUMBER),
    ("trillions", NUMBER),
    ("tens", NUMBER),
    ("a", NUMBER | CALENDAR),
    ("half", NUMBER | CALENDAR),
    ("several", NUMBER | CALENDAR),
    ("few", NUMBER | CALENDAR),
    ("many", NUMBER | CALENDAR),
    ("an", NUMBER | CALENDAR | APPROXIMATOR),
    ("close", APPROXIMATOR | CALENDAR),
    ("more", APPROXIMATOR),
    ("less", APPROXIMATOR),
    ("fewer", APPROXIMATOR),
    ("greater", APPROXIMATOR),
    ("at", APPROXIMATOR),
    ("up", APPROXIMATOR),
    ("as", APPROXIMATOR),
    ("upwards", APPROXIMATOR),
    ("just", APPROXIMATOR),
    ("well", APPROXIMATOR),
    ("about", APPROXIMATOR),
    ("around", APPROXIMATOR),
    ("approximately", APPROXIMATOR),
    ("roughly", APPROXIMATOR),
    ("nearly", APPROXIMATOR),
    ("almost", APPROXIMATOR),
    ("some", APPROXIMATOR),
    ("over", APPROXIMATOR),
    ("under", APPROXIMATOR),
    ("below", APPROXIMATOR),
    ("above", APPROXIMATOR),
    ("exactly", APPROXIMATOR),
    ("precisely", APPROXIMATOR),
    ("barely", APPROXIMATOR),
    ("circa", APPROXIMATOR),
    ("january", CALENDAR),
    ("february", CALENDAR),
    ("march", CALENDAR),
    ("april", CALENDAR),
    ("may", CALENDAR),
    ("june", CALENDAR),
    ("july", CALENDAR),
    ("august", CALENDAR),
    ("september", CALENDAR),
    ("october", CALENDAR),
    ("november", CALENDAR),
    ("december", CALENDAR),
    ("jan", CALENDAR),
    ("feb", CALENDAR),
    ("febr", CALENDAR),
    ("mar", CALENDAR),
    ("apr", CALENDAR),
    ("jun", CALENDAR),
    ("jul", CALENDAR),
    ("aug", CALENDAR),
    ("sep", CALENDAR),
    ("sept", CALENDAR),
    ("oct", CALENDAR),
    ("nov", CALENDAR),
    ("dec", CALENDAR),
    ("jan.", CALENDAR),
    ("feb.", CALENDAR),
    ("febr.", CALENDAR),
    ("mar.", CALENDAR),
    ("apr.", CALENDAR),
    ("jun.", CALENDAR),
    ("jul.", CALENDAR),
    ("aug.", CALENDAR),
    ("sep.", CALENDAR),
    ("sept.", CALENDAR),
    ("oct.", CALENDAR),
    ("nov.", CALENDAR),
    ("dec.", CALENDAR),
    ("monday", CALENDAR),
    ("tuesday", CALENDAR),
    ("wednesday", CALENDAR),
    ("thursday", CALENDAR),
    ("friday", CALENDAR),
    ("saturday", CALENDAR),
    ("sunday", CALENDAR),
    ("mondays", CALENDAR),
    ("tuesdays", CALENDAR),
    ("wednesdays", CALENDAR),
    ("thursdays", CALENDAR),
    ("fridays", CALENDAR),
    ("saturdays", CALENDAR),
    ("sundays", CALENDAR),
    ("tue", CALENDAR),
    ("tues", CALENDAR),
    ("wed", CALENDAR),
    ("weds", CALENDAR),
    ("thu", CALENDAR),
    ("thur", CALENDAR),
    ("thurs", CALENDAR),
    ("fri", CALENDAR),
    ("spring", CALENDAR),
    ("summer", CALENDAR),
    ("autumn", CALENDAR),
    ("fall", CALENDAR),
    ("winter", CALENDAR),
    ("morning", CALENDAR),
    ("afternoon", CALENDAR),
    ("evening", CALENDAR),
    ("night", CALENDAR),
    ("yesterday", CALENDAR),
    ("today", CALENDAR),
    ("tomorrow", CALENDAR),
    ("tonight", CALENDAR),
    ("noon", CALENDAR),
    ("midnight", CALENDAR),
    ("midday", CALENDAR),
    ("day", CALENDAR),
    ("days", CALENDAR),
    ("week", CALENDAR),
    ("weeks", CALENDAR),
    ("weekend", CALENDAR),
    ("weekends", CALENDAR),
    ("fortnight", CALENDAR),
    ("fortnights", CALENDAR),
    ("month", CALENDAR),
    ("months", CALENDAR),
    ("year", CALENDAR),
    ("years", CALENDAR),
    ("decade", CALENDAR),
    ("decades", CALENDAR),
    ("century", CALENDAR),
    ("centuries", CALENDAR),
    ("millennium", CALENDAR),
    ("millennia", CALENDAR),
    ("hour", CALENDAR),
    ("hours", CALENDAR),
    ("minute", CALENDAR),
    ("minutes", CALENDAR),
    ("second", CALENDAR),
    ("seconds", CALENDAR),
    ("hr", CALENDAR),
    ("hrs", CALENDAR),
    ("min", CALENDAR),
    ("mins", CALENDAR),
    ("sec", CALENDAR),
    ("secs", CALENDAR),
    ("the", CALENDAR),
    ("their", CALENDAR),
    ("his", CALENDAR),
    ("her", CALENDAR),
    ("its", CALENDAR),
    ("our", CALENDAR),
    ("my", CALENDAR),
    ("early", CALENDAR),
    ("mid", CALENDAR),
    ("late", CALENDAR),
    ("earlier", CALENDAR),
    ("later", CALENDAR),
    ("last", CALENDAR),
    ("next", CALENDAR),
    ("this", CALENDAR),
    ("that", CALENDAR),
    ("past", CALENDAR),
    ("coming", CALENDAR),
    ("following", CALENDAR),
    ("previous", CALENDAR),
    ("recent", CALENDAR),
    ("same", CALENDAR),
    ("upcoming", CALENDAR),
    ("final", CALENDAR),
    ("first", CALENDAR),
    ("third", CALENDAR),
    ("fourth", CALENDAR),
    ("couple", CALENDAR),
    ("fiscal", CALENDAR),
    ("fy", CALENDAR),
    ("ad", CALENDAR),
    ("a.d.", CALENDAR),
    ("q1", CALENDAR),
    ("q2", CALENDAR),
    ("q3", CALENDAR),
    ("q4", CALENDAR),
    ("end", CALENDAR),
    ("beginning", CALENDAR),
    ("start", CALENDAR),
    ("middle", CALENDAR),
    ("rest", CALENDAR),
    ("remainder", CALENDAR),
    ("turn", CALENDAR),
    ("christmas", CALENDAR),
    ("new", CALENDAR),
    ("thanksgiving", CALENDAR),
    ("easter", CALENDAR),
    ("good", CALENDAR),
    ("black", CALENDAR),
    ("cyber", CALENDAR),
    ("super", CALENDAR),
    ("halloween", CALENDAR),
    ("hanukkah", CALENDAR),
    ("chanukah", CALENDAR),
    ("passover", CALENDAR),
    ("ramadan", CALENDAR),
    ("diwali", CALENDAR),
    ("juneteenth", CALENDAR),
    ("kwanzaa", CALENDAR),
    ("yom", CALENDAR),
    ("rosh", CALENDAR),
    ("eid", CALENDAR),
    ("memorial", CALENDAR),
    ("labor", CALENDAR),
    ("labour", CALENDAR),
    ("independence", CALENDAR),
    ("veterans", CALENDAR),
    ("presidents", CALENDAR),
    ("election", CALENDAR),
    ("inauguration", CALENDAR),
    ("mother", CALENDAR),
    ("father", CALENDAR),
    ("valentine", CALENDAR),
    ("st.", CALENDAR),
    ("boxing", CALENDAR),
    ("bastille", CALENDAR),
    ("canada", CALENDAR),
    ("australia", CALENDAR),
    ("anzac", CALENDAR),
    ("remembrance", CALENDAR),
    ("armistice", CALENDAR),
    ("d-day", CALENDAR),
]);

/// `fy2024`, `fy24` as a packed lower-case key (see [`word_table::key`]).
fn is_fiscal_year_key(key: u128) -> bool {
    if key & 0xFFFF != u128::from(u16::from_le_bytes(*b"fy")) {
        return false;
    }
    let bytes = key.to_le_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let lower = bytes.get(..len).and_then(|b| std::str::from_utf8(b).ok());
    lower.is_some_and(is_fiscal_year)
}

/// `fy2024`, `fy24` (already lower-cased).
fn is_fiscal_year(lower: &str) -> bool {
    lower
        .strip_prefix("fy")
        .is_some_and(|d| (d.len() == 2 || d.len() == 4) && d.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::patterns::{calendar, dates, number_phrase, number_words, periods};

    fn has(w: &str, flag: u8) -> bool {
        classify(w) & flag != 0
    }

    #[test]
    fn classes() {
        assert_eq!(classify("said"), 0);
        assert!(has("Four", NUMBER));
        assert!(has("twenty-five", NUMBER | HYPHENATED));
        assert!(has("two-thirds", NUMBER));
        assert!(has("mid-July", HYPHENATED) && !has("mid-July", NUMBER));
        assert!(has("ABOUT", APPROXIMATOR));
        assert!(has("Sept.", CALENDAR));
        assert!(has("FY2024", CALENDAR));
        assert!(!has("FY20245", CALENDAR));
        assert!(has("an", NUMBER) && has("an", APPROXIMATOR));
        assert_eq!(classify("Jose\u{301}"), 0);
        assert_eq!(classify(&"a".repeat(40)), 0);
    }

    /// Every list word that can begin a pattern is classified.
    #[test]
    fn lexicons_are_covered() {
        for w in number_words::UNITS.iter().chain(number_words::TENS.iter()) {
            assert!(has(w, NUMBER), "{w}");
        }
        for a in number_phrase::APPROXIMATORS {
            assert!(a.first().is_some_and(|h| has(h, APPROXIMATOR)), "{a:?}");
        }
        for m in calendar::MONTHS {
            assert!(has(m, CALENDAR), "{m}");
        }
        for (m, _) in calendar::MONTH_ABBREVIATIONS {
            assert!(has(m, CALENDAR) && has(&format!("{m}."), CALENDAR), "{m}");
        }
        for d in calendar::WEEKDAYS {
            assert!(has(d, CALENDAR) && has(&format!("{d}s"), CALENDAR), "{d}");
        }
        for d in dates::days::WEEKDAY_ABBREVIATIONS {
            assert!(has(d, CALENDAR), "{d}");
        }
        for (one, many) in calendar::DATE_UNITS
            .iter()
            .chain(calendar::CLOCK_UNITS.iter())
        {
            assert!(has(one, CALENDAR) && has(many, CALENDAR), "{one}");
        }
        for h in calendar::HOLIDAYS {
            assert!(h.first().is_some_and(|w| has(w, CALENDAR)), "{h:?}");
        }
        for w in periods::RELATIVE.iter().chain(periods::EDGES.iter()) {
            assert!(has(w, CALENDAR), "{w}");
        }
        for w in [
            "spring", "fall", "morning", "night", "noon", "tonight", "Q3", "AD",
        ] {
            assert!(has(w, CALENDAR), "{w}");
        }
    }
}
