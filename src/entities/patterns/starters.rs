//! Which words can start a pattern, decided once per token.
//!
//! Each recogniser tries its patterns at every free token; most tokens
//! (`said`, `police`) cannot start any of them. [`classify`] sorts a word
//! into a few classes with one `match` on its lower-cased form, so the
//! recognisers skip the rest at the cost of a bit test. The word lists of
//! the recognisers stay the authority on what matches; the tests below
//! check that every word that begins one of their patterns is classified
//! here, so the two cannot drift apart unnoticed.

use super::number_words::{hyphenated_fraction, may_have_hyphen, small_cardinal};

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
    let mut flags = 0;
    if may_have_hyphen(w) {
        flags |= HYPHENATED;
        if small_cardinal(w).is_some() || hyphenated_fraction(w).is_some() {
            flags |= NUMBER;
        }
    }
    let mut buf = [0u8; 16];
    let Some(lower) = lower_ascii(w, &mut buf) else {
        return flags;
    };
    flags
        | match lower {
            "zero" | "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight"
            | "nine" | "ten" | "eleven" | "twelve" | "thirteen" | "fourteen" | "fifteen"
            | "sixteen" | "seventeen" | "eighteen" | "nineteen" | "twenty" | "thirty" | "forty"
            | "fifty" | "sixty" | "seventy" | "eighty" | "ninety" | "dozens" | "hundreds"
            | "thousands" | "millions" | "billions" | "trillions" | "tens" => NUMBER,
            "a" | "half" | "several" | "few" | "many" => NUMBER | CALENDAR,
            "an" => NUMBER | CALENDAR | APPROXIMATOR,
            "close" => APPROXIMATOR | CALENDAR,
            "more" | "less" | "fewer" | "greater" | "at" | "up" | "as" | "upwards" | "just"
            | "well" | "about" | "around" | "approximately" | "roughly" | "nearly" | "almost"
            | "some" | "over" | "under" | "below" | "above" | "exactly" | "precisely"
            | "barely" | "circa" => APPROXIMATOR,
            // Months, full and abbreviated (with or without the full stop).
            "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august"
            | "september" | "october" | "november" | "december" | "jan" | "feb" | "febr"
            | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
            | "jan." | "feb." | "febr." | "mar." | "apr." | "jun." | "jul." | "aug." | "sep."
            | "sept." | "oct." | "nov." | "dec." => CALENDAR,
            // Weekdays, plurals and abbreviations.
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            | "mondays" | "tuesdays" | "wednesdays" | "thursdays" | "fridays" | "saturdays"
            | "sundays" | "tue" | "tues" | "wed" | "weds" | "thu" | "thur" | "thurs" | "fri" => {
                CALENDAR
            }
            // Seasons, parts of the day, named days and clock words.
            "spring" | "summer" | "autumn" | "fall" | "winter" | "morning" | "afternoon"
            | "evening" | "night" | "yesterday" | "today" | "tomorrow" | "tonight" | "noon"
            | "midnight" | "midday" => CALENDAR,
            // Units of time (periods: `years ago`).
            "day" | "days" | "week" | "weeks" | "weekend" | "weekends" | "fortnight"
            | "fortnights" | "month" | "months" | "year" | "years" | "decade" | "decades"
            | "century" | "centuries" | "millennium" | "millennia" | "hour" | "hours"
            | "minute" | "minutes" | "second" | "seconds" | "hr" | "hrs" | "min" | "mins"
            | "sec" | "secs" => CALENDAR,
            // Determiners and modifiers that open dates and periods.
            "the" | "their" | "his" | "her" | "its" | "our" | "my" | "early" | "mid" | "late"
            | "earlier" | "later" | "last" | "next" | "this" | "that" | "past" | "coming"
            | "following" | "previous" | "recent" | "same" | "upcoming" | "final" | "first"
            | "third" | "fourth" | "couple" | "fiscal" | "fy" | "ad" | "a.d." | "q1" | "q2"
            | "q3" | "q4" | "end" | "beginning" | "start" | "middle" | "rest" | "remainder"
            | "turn" => CALENDAR,
            // First words of holidays.
            "christmas" | "new" | "thanksgiving" | "easter" | "good" | "black" | "cyber"
            | "super" | "halloween" | "hanukkah" | "chanukah" | "passover" | "ramadan"
            | "diwali" | "juneteenth" | "kwanzaa" | "yom" | "rosh" | "eid" | "memorial"
            | "labor" | "labour" | "independence" | "veterans" | "presidents" | "election"
            | "inauguration" | "mother" | "father" | "valentine" | "st." | "boxing"
            | "bastille" | "canada" | "australia" | "anzac" | "remembrance" | "armistice"
            | "d-day" => CALENDAR,
            _ if is_fiscal_year(lower) => CALENDAR,
            _ => 0,
        }
}

/// `fy2024`, `fy24` (already lower-cased).
fn is_fiscal_year(lower: &str) -> bool {
    lower
        .strip_prefix("fy")
        .is_some_and(|d| (d.len() == 2 || d.len() == 4) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// `w` in ASCII lower case, in `buf`, when it is short ASCII.
fn lower_ascii<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = w.as_bytes();
    if bytes.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..bytes.len())?;
    for (d, s) in out.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
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
