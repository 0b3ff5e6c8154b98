//! Which date patterns a word can open, decided by one table lookup, so
//! that [`super::date_at`] runs only the patterns that can match at a token
//! instead of all of them at every `the`, `a` or number.
//!
//! The word lists of the patterns stay the authority; the tests below
//! check that every word that opens one of them has its bit here.

use super::super::calendar::HOLIDAYS;
use super::super::number_words::ORDINALS;
use super::years::SPELLED_DECADES;
use crate::text::word_table::{const_key, WordTable};

/// A month name or abbreviation: `July`, `Sept.` (month dates).
pub(super) const MONTH: u8 = 1;
/// A weekday or its abbreviation: `Tuesday`, `Thurs` (weekday dates).
pub(super) const WEEKDAY: u8 = 2;
/// `yesterday`, `today`, `tomorrow`.
pub(super) const NAMED_DAY: u8 = 4;
/// The first word of a holiday: `Christmas`, `New`, `St.`.
pub(super) const HOLIDAY: u8 = 8;
/// Opens a business quarter: `Q3`, `FY`, `fiscal`, `the`, `third`.
pub(super) const QUARTER: u8 = 16;
/// Opens a season or a modified name: `the`, `summer`, `last`, `early`.
pub(super) const SEASON_OR_MODIFIED: u8 = 32;
/// Opens a decade, a century or `the 7th of July`: `the`, `his`, `early`,
/// `nineteenth`.
pub(super) const ERA: u8 = 64;
/// `AD`, `A.D.` before a year.
pub(super) const ERA_BEFORE_YEAR: u8 = 128;

/// The words listed here, besides holidays and spelled ordinals.
const LISTED: &[(&str, u8)] = &[
    ("january", MONTH),
    ("february", MONTH),
    ("march", MONTH),
    ("april", MONTH),
    ("may", MONTH),
    ("june", MONTH),
    ("july", MONTH),
    ("august", MONTH),
    ("september", MONTH),
    ("october", MONTH),
    ("november", MONTH),
    ("december", MONTH),
    ("jan", MONTH),
    ("feb", MONTH),
    ("febr", MONTH),
    ("mar", MONTH),
    ("apr", MONTH),
    ("jun", MONTH),
    ("jul", MONTH),
    ("aug", MONTH),
    ("sep", MONTH),
    ("sept", MONTH),
    ("oct", MONTH),
    ("nov", MONTH),
    ("dec", MONTH),
    ("jan.", MONTH),
    ("feb.", MONTH),
    ("febr.", MONTH),
    ("mar.", MONTH),
    ("apr.", MONTH),
    ("jun.", MONTH),
    ("jul.", MONTH),
    ("aug.", MONTH),
    ("sep.", MONTH),
    ("sept.", MONTH),
    ("oct.", MONTH),
    ("nov.", MONTH),
    ("dec.", MONTH),
    ("monday", WEEKDAY),
    ("tuesday", WEEKDAY),
    ("wednesday", WEEKDAY),
    ("thursday", WEEKDAY),
    ("friday", WEEKDAY),
    ("saturday", WEEKDAY),
    ("sunday", WEEKDAY),
    ("mondays", WEEKDAY),
    ("tuesdays", WEEKDAY),
    ("wednesdays", WEEKDAY),
    ("thursdays", WEEKDAY),
    ("fridays", WEEKDAY),
    ("saturdays", WEEKDAY),
    ("sundays", WEEKDAY),
    ("tue", WEEKDAY),
    ("tues", WEEKDAY),
    ("wed", WEEKDAY),
    ("weds", WEEKDAY),
    ("thu", WEEKDAY),
    ("thur", WEEKDAY),
    ("thurs", WEEKDAY),
    ("fri", WEEKDAY),
    ("yesterday", NAMED_DAY),
    ("today", NAMED_DAY),
    ("tomorrow", NAMED_DAY),
    ("q1", QUARTER),
    ("q2", QUARTER),
    ("q3", QUARTER),
    ("q4", QUARTER),
    ("fy", QUARTER),
    ("fiscal", QUARTER),
    ("the", QUARTER | SEASON_OR_MODIFIED | ERA),
    ("first", QUARTER),
    ("second", QUARTER),
    ("third", QUARTER),
    ("fourth", QUARTER),
    ("final", QUARTER),
    ("spring", SEASON_OR_MODIFIED),
    ("summer", SEASON_OR_MODIFIED),
    ("autumn", SEASON_OR_MODIFIED),
    ("fall", SEASON_OR_MODIFIED),
    ("winter", SEASON_OR_MODIFIED),
    ("early", SEASON_OR_MODIFIED | ERA),
    ("mid", SEASON_OR_MODIFIED | ERA),
    ("late", SEASON_OR_MODIFIED | ERA),
    ("last", SEASON_OR_MODIFIED),
    ("next", SEASON_OR_MODIFIED),
    ("this", SEASON_OR_MODIFIED),
    ("past", SEASON_OR_MODIFIED),
    ("coming", SEASON_OR_MODIFIED),
    ("following", SEASON_OR_MODIFIED),
    ("previous", SEASON_OR_MODIFIED),
    ("their", ERA),
    ("his", ERA),
    ("her", ERA),
    ("its", ERA),
    ("our", ERA),
    ("my", ERA),
    ("later", ERA),
    ("ad", ERA_BEFORE_YEAR),
    ("a.d.", ERA_BEFORE_YEAR),
];

/// Number of entries of [`STARTS`]: the list, holidays, spelled ordinals.
const ENTRIES: usize = LISTED.len() + HOLIDAYS.len() + ORDINALS.len();

/// Every date-opening word with its pattern bits.
static STARTS: WordTable<512> = {
    let mut words = [("", 0u8); ENTRIES];
    let mut n = 0;
    while n < LISTED.len() {
        words[n] = LISTED[n];
        n += 1;
    }
    let mut h = 0;
    while h < HOLIDAYS.len() {
        words[n] = (HOLIDAYS[h][0], HOLIDAY);
        n += 1;
        h += 1;
    }
    let mut o = 0;
    while o < ORDINALS.len() {
        words[n] = (ORDINALS[o], ERA);
        n += 1;
        o += 1;
    }
    WordTable::new(&words)
};

/// The date patterns the word with packed key `key` can open (0 for none,
/// and for the key 0 of long or non-ASCII words).
#[inline]
pub(super) fn starts(key: u128) -> u8 {
    if key == 0 {
        return 0;
    }
    let bits = STARTS.get_key(key);
    // `FY2024`: any word beginning with `fy` may be a fiscal year.
    if key & 0xFFFF == const_key("fy") {
        bits | QUARTER
    } else {
        bits
    }
}

/// Words that may follow `the` in a date: `the third quarter`, `the
/// summer`, `the following Monday`, `the early 1990s`, `the twenties`,
/// `the nineteenth century`, `the first of May` (numbers and hyphenated
/// words are taken separately).
static AFTER_THE: WordTable<128> = {
    const OTHERS: [&str; 12] = [
        "final",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "following",
        "previous",
        "early",
        "mid",
        "late",
        "later",
    ];
    let mut words = [("", 1u8); OTHERS.len() + SPELLED_DECADES.len() + ORDINALS.len()];
    let mut n = 0;
    while n < OTHERS.len() {
        words[n].0 = OTHERS[n];
        n += 1;
    }
    let mut d = 0;
    while d < SPELLED_DECADES.len() {
        words[n].0 = SPELLED_DECADES[d];
        n += 1;
        d += 1;
    }
    let mut o = 0;
    while o < ORDINALS.len() {
        words[n].0 = ORDINALS[o];
        n += 1;
        o += 1;
    }
    WordTable::new(&words)
};

/// True when the word with packed key `key` may follow `the` in a date.
#[inline]
pub(super) fn may_follow_the(key: u128) -> bool {
    key != 0 && AFTER_THE.get_key(key) != 0
}

#[cfg(test)]
mod tests {
    use super::super::super::calendar::{MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};
    use super::super::days::WEEKDAY_ABBREVIATIONS;
    use super::*;
    use crate::text::word_table::key;

    fn bits(word: &str) -> u8 {
        starts(key(word).unwrap_or(0))
    }

    #[test]
    fn every_month_and_weekday_opens_its_pattern() {
        for m in MONTHS {
            assert_ne!(bits(m) & MONTH, 0, "{m}");
        }
        for (a, _) in MONTH_ABBREVIATIONS {
            assert_ne!(bits(a) & MONTH, 0, "{a}");
            assert_ne!(bits(&format!("{a}.")) & MONTH, 0, "{a}.");
        }
        for d in WEEKDAYS {
            assert_ne!(bits(d) & WEEKDAY, 0, "{d}");
            assert_ne!(bits(&format!("{d}s")) & WEEKDAY, 0, "{d}s");
        }
        for d in WEEKDAY_ABBREVIATIONS {
            assert_ne!(bits(d) & WEEKDAY, 0, "{d}");
        }
    }

    #[test]
    fn holidays_ordinals_and_fiscal_years_open_theirs() {
        for h in HOLIDAYS {
            assert_ne!(bits(h[0]) & HOLIDAY, 0, "{}", h[0]);
        }
        for o in ORDINALS {
            assert_ne!(bits(o) & ERA, 0, "{o}");
            assert!(may_follow_the(key(o).unwrap_or(0)), "{o}");
        }
        assert_ne!(bits("FY2024") & QUARTER, 0);
        assert_ne!(bits("Q3") & QUARTER, 0);
        assert_ne!(bits("The") & ERA, 0);
    }

    #[test]
    fn common_words_open_nothing() {
        for w in [
            "said", "police", "a", "an", "and", "of", "Mayor", "Marchers",
        ] {
            assert_eq!(bits(w), 0, "{w}");
        }
        assert!(!may_follow_the(key("city").unwrap_or(0)));
        assert!(!may_follow_the(0));
    }
}
