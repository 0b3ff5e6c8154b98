//! DATE: calendar dates and named days.
//!
//! The patterns live in four files: `months.rs` (month dates, seasons,
//! modifiers, quarters), `days.rs` (weekdays, named days, holidays),
//! `years.rs` (years, decades, centuries, ages) and `numeric.rs`
//! (`7/7/2025`, `2025-07-07`). This file tries them all at each token and keeps the
//! longest.
//!
//! - Month dates: `July 7, 2025`, `Jul. 7`, `Sept. 11`, `July 7th`,
//!   `7 July 2025`, `the 7th of July`, `July 2025`, `October, 1805`.
//! - Numeric dates: `2025-07-07`, `7/7/2025`, `07.07.2025`, `8-May-2006`,
//!   `9/11` (after `on`, `since`, `after` …), year ranges `2010-15`.
//! - Years, decades, centuries: `in 2025`, `since 1998`, `(2011)`,
//!   `the 2024 election`, `347 AD`, `2010 – 2015`, `the 1990s`, `the ’90s`,
//!   `the early 1990s`, `mid-1990s`, `the 19th century`, `19th-century`.
//! - Named days: `Monday`, `Tuesday, July 7`, `Tuesday night`, `yesterday`,
//!   `today`, `tomorrow morning`, holidays (`Christmas Eve`, `Labor Day`).
//! - Modified names: `last Tuesday`, `next March`, `early June`, `mid-July`,
//!   `late 2024`, `this summer`, `the summer of 2012`, `in the spring`.
//! - Business periods: `Q3`, `Q3 2025`, `fiscal 2024`, `FY2024`,
//!   `the third quarter of 2025`.
//! - Ages in apposition: `Jane Doe, 45, said` (an age is a DATE in OntoNotes).
//!
//! A bare month name needs date context, so names and verbs stay out:
//! `Theresa May said`, `the march on Friday`, `August Wilson`. It must be
//! capitalised and follow `in`, `since`, `until`, `during`, `early`,
//! `last` … (or `by`, `from`, `of`, `before`, `after` for months other than
//! May), or continue a list of dates (`in April, May and June`). A bare
//! year needs similar context and is never followed by a counted noun
//! (`in 2000 homes` is a QUANTITY). Relative periods measured in units
//! (`last week`, `two years ago`) are in [`super::periods`]; a part of the
//! day attached to a named day stays in the DATE (see [`super::times`]).

pub(super) mod days;
mod months;
mod numeric;
mod starts;
mod years;

use super::calendar::*;
use super::number_words::*;
use super::starters;
use super::tokens::{scan_starters, Claims, Toks};
use crate::entities::{Entity, Label};

use days::{holiday_at, named_day_at, weekday_at};
use months::{day_month_at, mid_word_at, modified_at, month_date_at, quarter_at, season_at};
use numeric::numeric_date_at;
use years::{age_at, century_at, decade_at, year_at};

/// Adds every DATE mention over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    let mut last_end: Option<usize> = None;
    let mask = starters::NUMBER | starters::CALENDAR | starters::HYPHENATED;
    scan_starters(toks, claims, out, mask, |t, i| {
        let listed = last_end.is_some_and(|e| continues_list(t, e, i));
        let end = date_at(t, i, listed)?;
        last_end = Some(end);
        Some((end, Label::Date))
    });
}

/// The end of a DATE mention starting at token `i`. `given` says the
/// context is already known to be about dates (a list of dates, or `the end
/// of …`), so bare months and years need nothing more.
///
/// Only the patterns that can open with token `i` run (see [`starts`]);
/// the longest match wins.
pub fn date_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
    let mut best = None;
    let mut keep = |end: Option<usize>| {
        if let Some(e) = end.filter(|&e| e > i) {
            best = Some(best.map_or(e, |b: usize| b.max(e)));
        }
    };
    if t.is_number(i) {
        let last = t.number(i).bytes().next_back().unwrap_or(0);
        // `7 July`, `7th of July`: a word follows.
        if t.is_word(i + 1) {
            keep(day_month_at(t, i));
        }
        keep(numeric_date_at(t, i, given));
        keep(year_at(t, i, given));
        // `1990s`, `’90s`.
        if matches!(last, b's' | b'S') {
            keep(decade_at(t, i));
        }
        // `19th`, `19th-century`.
        if last.is_ascii_alphabetic() {
            keep(century_at(t, i));
        }
        keep(age_at(t, i));
        return best;
    }
    if !t.is_word(i) {
        return None;
    }
    let hyphenated = t.can_start(i, starters::HYPHENATED);
    if hyphenated {
        keep(mid_word_at(t, i));
    }
    let key = t.key(i);
    let mut bits = starts::starts(key);
    // A determiner (`the`, `his`) opens a date only before a few words, a
    // number or a hyphenated word (`the twenty-first of May`).
    if bits & starts::ERA != 0
        && DETERMINERS.contains(&key)
        && !(t.is_number(i + 1)
            || t.can_start(i + 1, starters::HYPHENATED)
            || starts::may_follow_the(t.key(i + 1)))
    {
        bits = 0;
    }
    // A spelled ordinal with a hyphen: `twenty-first century`.
    if hyphenated {
        bits |= starts::ERA;
    }
    if bits & starts::MONTH != 0 {
        keep(month_date_at(t, i, given));
    }
    if bits & starts::WEEKDAY != 0 {
        keep(weekday_at(t, i));
    }
    if bits & starts::NAMED_DAY != 0 {
        keep(named_day_at(t, i));
    }
    if bits & starts::HOLIDAY != 0 {
        keep(holiday_at(t, i));
    }
    if bits & starts::QUARTER != 0 {
        keep(quarter_at(t, i));
    }
    if bits & starts::SEASON_OR_MODIFIED != 0 {
        keep(season_at(t, i, given));
        keep(modified_at(t, i));
    }
    if bits & starts::ERA != 0 {
        keep(day_month_at(t, i));
        keep(decade_at(t, i));
        // `the early 19th century`: `century` within three words.
        if (i + 1..=i + 3).any(|j| CENTURY.contains(&t.key(j))) {
            keep(century_at(t, i));
        }
    }
    if bits & starts::ERA_BEFORE_YEAR != 0 {
        keep(year_at(t, i, given));
    }
    best
}

/// The packed keys of `century` and `centuries`.
const CENTURY: [u128; 2] = [
    crate::text::word_table::const_key("century"),
    crate::text::word_table::const_key("centuries"),
];

/// The packed keys of the determiners that open dates: `the 1990s`,
/// `the summer`, `his twenties`.
const DETERMINERS: [u128; 7] = {
    use crate::text::word_table::const_key;
    [
        const_key("the"),
        const_key("his"),
        const_key("her"),
        const_key("its"),
        const_key("their"),
        const_key("our"),
        const_key("my"),
    ]
};

/// True when the tokens `from..to` only join two dates of a list
/// (`,`, `and`, `or`, `to`, `through`, a dash).
fn continues_list(t: &Toks, from: usize, to: usize) -> bool {
    if to <= from || to - from > 2 {
        return false;
    }
    (from..to).all(|k| {
        t.continues(k)
            && (t.is_comma(k)
                || t.is_dash(k)
                || t.is_punct(k, "/")
                || t.is_any(k, &["and", "or", "to", "through", "until", "till", "nor"]))
    })
}

// ----- building blocks -------------------------------------------------

/// A capitalised month name at token `i`.
fn month_at(t: &Toks, i: usize) -> Option<Month> {
    if t.is_capitalised(i) {
        month_of_key(t.key(i))
    } else {
        None
    }
}

/// A capitalised weekday name at token `i`.
fn is_weekday_at(t: &Toks, i: usize) -> bool {
    t.is_capitalised(i) && is_weekday(t.word(i))
}

/// A day of the month: `7`, `07`, `7th`, `21st`, or a range `15-17`.
fn day_at(t: &Toks, i: usize) -> Option<u32> {
    let s = t.number(i);
    let day = small_int(s)
        .filter(|_| s.len() <= 2)
        .or_else(|| numeric_ordinal(s))
        .or_else(|| {
            let (a, b) = split_hyphen(s)?;
            let a = small_int(a).filter(|_| a.len() <= 2)?;
            let b = small_int(b).filter(|_| b.len() <= 2)?;
            (b > a && b <= 31).then_some(a)
        })?;
    (1..=31).contains(&day).then_some(day)
}

/// A plain four-digit year at token `i` (1000–2100).
fn year_value(t: &Toks, i: usize) -> Option<u32> {
    let s = t.number(i);
    (s.len() == 4)
        .then(|| small_int(s))
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

/// The end of `[,] YEAR` starting at token `j`.
fn year_after(t: &Toks, j: usize) -> Option<usize> {
    if t.continues(j) && year_value(t, j).is_some() {
        return Some(j + 1);
    }
    let comma = t.continues(j) && t.is_comma(j);
    (comma && t.continues(j + 1) && year_value(t, j + 1).is_some()).then_some(j + 2)
}

/// The end of `[,|of] YEAR` after a month or season.
fn month_year_after(t: &Toks, j: usize) -> Option<usize> {
    year_after(t, j).or_else(|| {
        let of = t.continues(j) && t.is(j, "of");
        (of && t.continues(j + 1) && year_value(t, j + 1).is_some()).then_some(j + 2)
    })
}

/// A four-digit year from 1000 to 2100.
fn four_digit_year(p: &str) -> Option<u32> {
    small_int(p).filter(|y| p.len() == 4 && (1000..=2100).contains(y))
}

/// Splits at the first hyphen: `19th-century` → (`19th`, `century`).
fn split_first_hyphen(s: &str) -> Option<(&str, &str)> {
    if !may_have_hyphen(s) {
        return None;
    }
    let (at, c) = s
        .char_indices()
        .find(|&(_, c)| crate::text::chars::is_hyphen(c))?;
    Some((s.get(..at)?, s.get(at + c.len_utf8()..)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Every DATE mention in `text`, as text.
    pub(super) fn dates(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut claims = Claims::new(t.len());
        let mut out = Vec::new();
        find(&t, &mut claims, &mut out);
        out.iter().map(|e| e.span.slice(text)).collect()
    }

    pub(super) const NONE: [&str; 0] = [];

    /// [`date_at`] without the opening-word guards: every pattern at
    /// every token.
    fn date_at_unguarded(t: &Toks, i: usize, given: bool) -> Option<usize> {
        [
            month_date_at(t, i, given),
            day_month_at(t, i),
            weekday_at(t, i),
            numeric_date_at(t, i, given),
            year_at(t, i, given),
            decade_at(t, i),
            century_at(t, i),
            named_day_at(t, i),
            holiday_at(t, i),
            quarter_at(t, i),
            season_at(t, i, given),
            modified_at(t, i),
            mid_word_at(t, i),
            age_at(t, i),
        ]
        .into_iter()
        .flatten()
        .filter(|&e| e > i)
        .max()
    }

    #[test]
    fn guards_skip_only_patterns_that_cannot_match() {
        let texts = [
            "On Tuesday, July 7, 2025, and again the 7th of July, the council met.",
            "In the early 1990s and the nineteenth century, the twenty‐first of May.",
            "The third fiscal quarter of 2025, Q3 2024, FY2024 and fiscal 2023 closed.",
            "Last summer, the following Monday, mid-July and late 2024 were busy.",
            "Jane Doe, 45, said that in 347 AD and c. 1850 the town (2011) grew.",
            "On 7/7/2025 or 2025-07-07, between 2010-15, on Christmas Eve, New Year's Day.",
            "Yesterday morning the Sept. 11 panel met; the twenties roared; the ’90s.",
            "THE EARLY 1990S AND THE FIRST OF MAY; Thurs. night; St. Patrick's Day.",
            "the a an his her its our my this the the end of the year 19th-century",
            "On 7 July, the 1990s, ’90s, 19th century, 21st-century, 12 of May, 3 May 2020.",
            "7 7th 7TH 1990S 2000s' 5 of 12 on 12th January in 2025 (2011) 45, said 1999-2000",
            "The early twenty-first century, the 19th century, first century, late 5th century.",
            "In his twenties, her early 30s, its 1990s, their mid-1980s, our ’80s, my 20s.",
        ];
        for text in texts {
            let doc = crate::text::Document::new(text);
            let t = Toks::new(&doc);
            for i in 0..=t.len() {
                for given in [false, true] {
                    assert_eq!(
                        date_at(&t, i, given),
                        date_at_unguarded(&t, i, given),
                        "{text:?} at token {i} ({given})"
                    );
                }
            }
        }
    }
}
