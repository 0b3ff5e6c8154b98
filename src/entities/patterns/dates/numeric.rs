//! Dates written in digits: `2025-07-07`, `7/7/2025`, `07.07.2025`,
//! `8-May-2006`, year ranges in one token (`2010-15`), and `9/11` after a
//! date preposition.

use super::years::{plausible_range, range_end, year_context};
use super::*;

/// `2025-07-07`, `7/7/2025`, `07.07.2025`, `8-May-2006`, year ranges
/// (`2010-2015`, `2010-15`), and `9/11` after a date preposition.
pub(super) fn numeric_date_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
    let s = t.number(i);
    if s.is_empty() || s.len() > 20 {
        return None;
    }
    let ok = if s.contains('/') {
        slash_date(s, given || after_date_preposition(t, i))
    } else if s.contains('.') {
        dotted_date(s)
    } else {
        hyphen_date(s, given || year_context(t, i, i + 1))
    };
    ok.then_some(i + 1)
}

/// True when token `i` follows `on`, `since`, `after`, `before`, `by`,
/// `until`, `during`, `in`.
fn after_date_preposition(t: &Toks, i: usize) -> bool {
    t.prev(i).is_some_and(|p| {
        t.is_any(
            p,
            &[
                "on", "since", "after", "before", "by", "until", "during", "in",
            ],
        )
    })
}

fn valid_month_day(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// The `N` parts of `s` split at `sep`, if there are exactly `N`.
fn split_exact<const N: usize>(s: &str, sep: impl Fn(char) -> bool) -> Option<[&str; N]> {
    let mut it = s.split(sep);
    let mut out = [""; N];
    for slot in out.iter_mut() {
        *slot = it.next()?;
    }
    it.next().is_none().then_some(out)
}

/// A whole number of one or two digits.
fn one_or_two(p: &str) -> Option<u32> {
    small_int(p).filter(|_| p.len() <= 2)
}

/// `7/7/2025`, `07/07/25`, `2025/07/07`; `9/11` only when `short_ok`.
fn slash_date(s: &str, short_ok: bool) -> bool {
    let slash = |c| c == '/';
    if let Some([a, b, c]) = split_exact(s, slash) {
        if four_digit_year(a).is_some() {
            return matches!((one_or_two(b), one_or_two(c)), (Some(m), Some(d)) if valid_month_day(m, d));
        }
        let year_ok = c.len() == 2 || four_digit_year(c).is_some();
        return year_ok
            && small_int(c).is_some()
            && matches!((one_or_two(a), one_or_two(b)),
                (Some(a), Some(b)) if valid_month_day(a, b) || valid_month_day(b, a));
    }
    if let Some([a, b]) = split_exact(s, slash) {
        return short_ok
            && matches!((one_or_two(a), one_or_two(b)), (Some(m), Some(d)) if valid_month_day(m, d));
    }
    false
}

/// `07.07.2025` (day, month, four-digit year).
fn dotted_date(s: &str) -> bool {
    match split_exact(s, |c| c == '.') {
        Some([d, m, y]) => {
            four_digit_year(y).is_some()
                && matches!((one_or_two(d), one_or_two(m)), (Some(d), Some(m)) if valid_month_day(m, d))
        }
        None => false,
    }
}

/// `2025-07-07`, `8-May-2006`, and year ranges `2010-2015`, `2010-15`,
/// `1999-00` (in context, or plausible on their own).
fn hyphen_date(s: &str, context: bool) -> bool {
    let hyphen = crate::text::chars::is_hyphen;
    if let Some([a, b, c]) = split_exact(s, hyphen) {
        if four_digit_year(a).is_some() {
            return matches!((one_or_two(b), one_or_two(c)), (Some(m), Some(d)) if valid_month_day(m, d));
        }
        let capital = b.chars().next().is_some_and(char::is_uppercase);
        return one_or_two(a).is_some_and(|d| (1..=31).contains(&d))
            && capital
            && month(b).is_some()
            && four_digit_year(c).is_some();
    }
    if let Some([a, b]) = split_exact(s, hyphen) {
        let Some(from) = four_digit_year(a) else {
            return false;
        };
        return range_end(b, from)
            .is_some_and(|to| (context && to - from <= 200) || plausible_range(from, to));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tests::{dates, NONE};

    #[test]
    fn numeric_dates() {
        assert_eq!(
            dates("The filing, dated 2025-07-07, cites 7/7/2025 and 07.07.2025."),
            ["2025-07-07", "7/7/2025", "07.07.2025"]
        );
        assert_eq!(dates("Posted 8-May-2006 by the desk."), ["8-May-2006"]);
        assert_eq!(
            dates("The 2010-15 drought and the 1998-99 season."),
            ["2010-15", "1998-99"]
        );
        assert_eq!(dates("Security changed after 9/11."), ["9/11"]);
        assert_eq!(dates("Open 24/7, the store sold 3/4 of its stock."), NONE);
        assert_eq!(dates("The score was 13/45/99."), NONE);
        assert_eq!(dates("Call 555-1234 or 2025-99-99."), NONE);
    }
}
