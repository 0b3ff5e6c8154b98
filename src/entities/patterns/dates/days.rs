//! Named days: weekdays (`Tuesday`, `Tuesday night`, `Tuesday, July 7,
//! 2025`, `Thurs.`), `yesterday`, `today`, `tomorrow` and holidays
//! (`Christmas Eve`, `Labor Day`).

use super::months::{day_month_at, month_date_at};
use super::*;

/// Weekday abbreviations that are not also common words (`Wed.`,
/// `Thurs.`); `Sun.`, `Sat.`, `Mon.` are left out.
pub(in crate::entities::patterns) const WEEKDAY_ABBREVIATIONS: &[&str] =
    &["Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri"];

/// The end of a weekday name at `i`: `Tuesday`, or `Tues.` with its full
/// stop.
pub(super) fn weekday_end(t: &Toks, i: usize) -> Option<usize> {
    if is_weekday_at(t, i) {
        return Some(i + 1);
    }
    let abbreviated = t.is_capitalised(i) && t.is_any(i, WEEKDAY_ABBREVIATIONS);
    (abbreviated && t.touches(i + 1) && t.is_punct(i + 1, ".")).then_some(i + 2)
}

/// `Monday`, `Tuesday night`, `Tuesday, July 7, 2025`, `Sunday 7 July`,
/// `Thurs.`.
pub(super) fn weekday_at(t: &Toks, i: usize) -> Option<usize> {
    let j = weekday_end(t, i)?;
    let k = if t.continues(j) && t.is_comma(j) {
        j + 1
    } else {
        j
    };
    if t.continues(k) {
        if let Some(end) = month_date_at(t, k, false).or_else(|| day_month_at(t, k)) {
            if end > k + 1 || day_at(t, k).is_some() {
                return Some(end);
            }
        }
    }
    Some(part_of_day_after(t, j))
}

/// Extends a named day over a following part of the day (`night`).
pub(super) fn part_of_day_after(t: &Toks, j: usize) -> usize {
    if t.continues(j) && is_part_of_day(t.word(j)) {
        j + 1
    } else {
        j
    }
}

/// `yesterday`, `today`, `tomorrow`, with a part of the day.
pub(super) fn named_day_at(t: &Toks, i: usize) -> Option<usize> {
    // `USA Today`, `News Today` are titles.
    let title = t.is_title_case(i)
        && t.prev(i).is_some_and(|p| {
            let acronym = t.word(p).len() >= 2 && t.word(p).bytes().all(|b| b.is_ascii_uppercase());
            t.is_name_like(p) || acronym
        });
    (t.is_any(i, &["yesterday", "today", "tomorrow"]) && !title)
        .then(|| part_of_day_after(t, i + 1))
}

/// A holiday from [`HOLIDAYS`], capitalised.
pub(super) fn holiday_at(t: &Toks, i: usize) -> Option<usize> {
    // `Johnnie Christmas` is a name.
    if !t.is_capitalised(i) || t.prev(i).is_some_and(|p| t.is_name_like(p)) {
        return None;
    }
    // First words are short ASCII without apostrophes: for them `is_loose`
    // is equality of packed keys.
    let first = t.key(i);
    HOLIDAYS
        .iter()
        .zip(HOLIDAY_KEYS.iter())
        .filter(|&(_, &k)| k == first)
        .find_map(|(words, _)| {
            let rest = words.iter().enumerate().skip(1).all(|(k, w)| {
                let j = i + k;
                t.continues(j) && t.is_loose(j, w)
            });
            rest.then_some(i + words.len())
        })
}

/// The packed key of each holiday's first word.
static HOLIDAY_KEYS: [u128; HOLIDAYS.len()] = {
    let mut keys = [0u128; HOLIDAYS.len()];
    let mut h = 0;
    while h < HOLIDAYS.len() {
        let first = HOLIDAYS[h][0];
        let mut b = 0;
        while b < first.len() {
            assert!(
                first.as_bytes()[b] != b'\'',
                "first words take no apostrophe"
            );
            b += 1;
        }
        keys[h] = crate::text::word_table::const_key(first);
        h += 1;
    }
    keys
};

#[cfg(test)]
mod tests {
    use super::super::tests::{dates, NONE};

    #[test]
    fn weekdays_and_named_days() {
        assert_eq!(
            dates("The council met Monday and will vote Tuesday, July 8, 2025."),
            ["Monday", "Tuesday, July 8, 2025"]
        );
        assert_eq!(
            dates("Shots were fired Tuesday night; police returned yesterday morning."),
            ["Tuesday night", "yesterday morning"]
        );
        assert_eq!(
            dates("Today, the mayor said tomorrow would be calmer."),
            ["Today", "tomorrow"]
        );
        assert_eq!(
            dates("Shops close on Christmas Eve and New Year’s Day."),
            ["Christmas Eve", "New Year’s Day"]
        );
        assert_eq!(dates("Stores open on Sundays."), ["Sundays"]);
        assert_eq!(
            dates("Exams end Thurs. and resume Tues. night."),
            ["Thurs.", "Tues. night"]
        );
        assert_eq!(
            dates("USA Today reported it; the artist Johnnie Christmas drew it."),
            NONE
        );
    }
}
