//! Calendar and clock words: months, weekdays, seasons, parts of the day,
//! units of time, holidays and time zones. Lists written by the team from
//! the Gregorian calendar, AP style abbreviations and common US/UK holidays;
//! time-zone abbreviations from the IANA time-zone database's common names.

use crate::entities::Label;
use crate::text::word_table::WordTable;

/// A month name: `July`, `Jul.`, `Sept`, `JULY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    /// 1 for January … 12 for December.
    pub number: u8,
    /// True for an abbreviation (`Jul.`, `Sept`): needs a day or year next
    /// to count as a date.
    pub abbreviated: bool,
}

pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// AP style abbreviations and common variants, with their month numbers.
pub(super) const MONTH_ABBREVIATIONS: [(&str, u8); 13] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];

/// The month named by `word`, any case (callers check capitalisation).
pub fn month(word: &str) -> Option<Month> {
    let number = MONTH_TABLE.get(word);
    if number != 0 {
        return Some(Month {
            number,
            abbreviated: false,
        });
    }
    let bare = word.strip_suffix('.').unwrap_or(word);
    let number = MONTH_ABBREVIATION_TABLE.get(bare);
    (number != 0).then_some(Month {
        number,
        abbreviated: true,
    })
}

/// [`month`] of the word with packed key `key`
/// ([`crate::text::word_table::key`]; 0 for no short ASCII word).
pub fn month_of_key(key: u128) -> Option<Month> {
    if key == 0 {
        return None;
    }
    let number = MONTH_TABLE.get_key(key);
    if number != 0 {
        return Some(Month {
            number,
            abbreviated: false,
        });
    }
    // Drop a final full stop: the last non-zero byte of the packed word.
    let last = (127 - key.leading_zeros()) / 8 * 8;
    let bare = if (key >> last) & 0xFF == u128::from(b'.') {
        key & !(0xFF << last)
    } else {
        key
    };
    let number = if bare == 0 {
        0
    } else {
        MONTH_ABBREVIATION_TABLE.get_key(bare)
    };
    (number != 0).then_some(Month {
        number,
        abbreviated: true,
    })
}

/// [`MONTHS`] by word, valued 1 to 12.
static MONTH_TABLE: WordTable<32> = {
    let mut words = [("", 0u8); MONTHS.len()];
    let mut i = 0;
    while i < MONTHS.len() {
        words[i] = (MONTHS[i], i as u8 + 1);
        i += 1;
    }
    WordTable::new(&words)
};

/// [`MONTH_ABBREVIATIONS`] by word (each listed once).
static MONTH_ABBREVIATION_TABLE: WordTable<32> = WordTable::new(&MONTH_ABBREVIATIONS);

pub(super) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a weekday name or its plural (`Tuesday`, `Sundays`), any case.
pub fn is_weekday(word: &str) -> bool {
    let singular = word
        .strip_suffix('s')
        .or_else(|| word.strip_suffix('S'))
        .unwrap_or(word);
    WEEKDAYS
        .iter()
        .any(|d| d.eq_ignore_ascii_case(word) || d.eq_ignore_ascii_case(singular))
}

/// True for a season: `spring`, `summer`, `autumn`, `fall`, `winter`.
pub fn is_season(word: &str) -> bool {
    ["spring", "summer", "autumn", "fall", "winter"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(word))
}

/// True for a part of the day: `morning`, `afternoon`, `evening`, `night`.
pub fn is_part_of_day(word: &str) -> bool {
    ["morning", "afternoon", "evening", "night"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(word))
}

/// A unit of time, as used in periods and durations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeUnit {
    /// True for the plural (`weeks`).
    pub plural: bool,
    /// True for hours, minutes and seconds: periods measured in them are
    /// TIME, longer ones DATE.
    pub clock: bool,
}

impl TimeUnit {
    /// The label of a period measured in this unit.
    pub fn label(self) -> Label {
        if self.clock {
            Label::Time
        } else {
            Label::Date
        }
    }
}

/// Units of a day or longer: (singular, plural).
pub(super) const DATE_UNITS: [(&str, &str); 9] = [
    ("day", "days"),
    ("week", "weeks"),
    ("weekend", "weekends"),
    ("fortnight", "fortnights"),
    ("month", "months"),
    ("year", "years"),
    ("decade", "decades"),
    ("century", "centuries"),
    ("millennium", "millennia"),
];

/// Units shorter than a day: (singular, plural).
pub(super) const CLOCK_UNITS: [(&str, &str); 6] = [
    ("hour", "hours"),
    ("minute", "minutes"),
    ("second", "seconds"),
    ("hr", "hrs"),
    ("min", "mins"),
    ("sec", "secs"),
];

/// The unit of time named by `word` (`weeks`, `Hour`).
pub fn time_unit(word: &str) -> Option<TimeUnit> {
    let v = TIME_UNIT_TABLE.get(word);
    (v != 0).then_some(TimeUnit {
        plural: v & UNIT_PLURAL != 0,
        clock: v & UNIT_CLOCK != 0,
    })
}

/// [`time_unit`] of the word with packed key `key`
/// ([`crate::text::word_table::key`]; 0 for no short ASCII word), so a
/// token's key computed once serves every test.
pub fn time_unit_of_key(key: u128) -> Option<TimeUnit> {
    let v = if key == 0 {
        0
    } else {
        TIME_UNIT_TABLE.get_key(key)
    };
    (v != 0).then_some(TimeUnit {
        plural: v & UNIT_PLURAL != 0,
        clock: v & UNIT_CLOCK != 0,
    })
}

/// Flags of [`TIME_UNIT_TABLE`] values: present, plural, clock.
const UNIT_FOUND: u8 = 1;
const UNIT_PLURAL: u8 = 2;
const UNIT_CLOCK: u8 = 4;

/// [`DATE_UNITS`] and [`CLOCK_UNITS`] by word (no word is listed twice).
static TIME_UNIT_TABLE: WordTable<64> = {
    let mut words = [("", 0u8); 2 * (DATE_UNITS.len() + CLOCK_UNITS.len())];
    let mut n = 0;
    let mut i = 0;
    while i < DATE_UNITS.len() + CLOCK_UNITS.len() {
        let ((one, many), clock) = if i < DATE_UNITS.len() {
            (DATE_UNITS[i], 0)
        } else {
            (CLOCK_UNITS[i - DATE_UNITS.len()], UNIT_CLOCK)
        };
        words[n] = (one, UNIT_FOUND | clock);
        words[n + 1] = (many, UNIT_FOUND | UNIT_PLURAL | clock);
        n += 2;
        i += 1;
    }
    WordTable::new(&words)
};

/// Holidays and named days, as token sequences (`'s` is the possessive
/// token, matched with either apostrophe). Matched case-insensitively;
/// the first word must be capitalised.
pub const HOLIDAYS: &[&[&str]] = &[
    &["Christmas", "Eve"],
    &["Christmas", "Day"],
    &["Christmas"],
    &["New", "Year", "'s", "Eve"],
    &["New", "Year", "'s", "Day"],
    &["New", "Year", "'s"],
    &["Thanksgiving", "Day"],
    &["Thanksgiving"],
    &["Easter", "Sunday"],
    &["Easter", "Monday"],
    &["Easter"],
    &["Good", "Friday"],
    &["Black", "Friday"],
    &["Cyber", "Monday"],
    &["Super", "Tuesday"],
    &["Halloween"],
    &["Hanukkah"],
    &["Chanukah"],
    &["Passover"],
    &["Ramadan"],
    &["Diwali"],
    &["Juneteenth"],
    &["Kwanzaa"],
    &["Yom", "Kippur"],
    &["Rosh", "Hashanah"],
    &["Eid", "al-Fitr"],
    &["Eid", "al-Adha"],
    &["Memorial", "Day"],
    &["Labor", "Day"],
    &["Labour", "Day"],
    &["Independence", "Day"],
    &["Veterans", "Day"],
    &["Presidents", "Day"],
    &["Election", "Day"],
    &["Inauguration", "Day"],
    &["Mother", "'s", "Day"],
    &["Father", "'s", "Day"],
    &["Valentine", "'s", "Day"],
    &["St.", "Patrick", "'s", "Day"],
    &["Boxing", "Day"],
    &["Bastille", "Day"],
    &["Canada", "Day"],
    &["Australia", "Day"],
    &["Anzac", "Day"],
    &["Remembrance", "Day"],
    &["Armistice", "Day"],
    &["D-Day"],
];

/// Time-zone abbreviations written after clock times (exact case).
const ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "AKST", "AKDT",
    "HST", "AST", "ADT", "NST", "NDT", "GMT", "UTC", "Z", "BST", "IST", "CET", "CEST", "EET",
    "EEST", "WET", "WEST", "MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "ACDT",
    "AWST", "NZST", "NZDT",
];

/// True for a time-zone abbreviation (`ET`, `GMT`; exact case, so the word
/// `et` or `cet` in running text is not one).
pub fn is_zone(word: &str) -> bool {
    ZONES.contains(&word)
}

/// True for a regional zone name (`Eastern` in `3 p.m. Eastern`).
pub fn is_zone_region(word: &str) -> bool {
    [
        "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Hawaii", "Alaska",
    ]
    .iter()
    .any(|z| z.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        assert_eq!(
            month("JULY"),
            Some(Month {
                number: 7,
                abbreviated: false
            })
        );
        assert_eq!(
            month("Sept."),
            Some(Month {
                number: 9,
                abbreviated: true
            })
        );
        assert_eq!(month("Jul").map(|m| m.number), Some(7));
        assert_eq!(month("Mayor"), None);
        assert_eq!(month("."), None);
    }

    #[test]
    fn words() {
        assert!(is_weekday("Tuesday") && is_weekday("SUNDAYS") && !is_weekday("Tues"));
        assert!(is_season("Fall") && !is_season("falls"));
        assert!(is_part_of_day("night"));
        assert_eq!(
            time_unit("Weeks").map(|u| (u.plural, u.label())),
            Some((true, Label::Date))
        );
        assert_eq!(time_unit("hour").map(TimeUnit::label), Some(Label::Time));
        assert_eq!(time_unit("weekly"), None);
        for w in [
            "July", "Sept.", "sept", "SEP.", "Jan..", ".", "", "Mayor", "é.", "Dec.", "dec",
        ] {
            let key = crate::text::word_table::key(w).unwrap_or(0);
            assert_eq!(month_of_key(key), month(w), "{w}");
        }
        for w in ["Weeks", "hour", "weekly", "", "é", "millennia", "centuries"] {
            let key = crate::text::word_table::key(w).unwrap_or(0);
            assert_eq!(time_unit_of_key(key), time_unit(w), "{w}");
        }
        assert!(is_zone("EDT") && !is_zone("edt"));
        assert!(is_zone_region("pacific"));
    }
}
