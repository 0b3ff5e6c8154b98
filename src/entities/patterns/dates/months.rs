//! Dates built on month names and other calendar words: `July 7, 2025`,
//! `7 July 2025`, `the 7th of July`, `July 2025`, a bare `May` in context,
//! seasons, `last March`, `early June`, `mid-July`, quarters and fiscal
//! years.

use super::days::{part_of_day_after, weekday_end};
use super::years::decade_at;
use super::*;

/// Prepositions and modifiers that make a bare month a date.
const STRONG_MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "every",
];

/// Prepositions that make a bare month a date unless it is `May`, which
/// after them is more often the politician (`a speech by May`).
const WEAK_MONTH_CONTEXT: &[&str] = &[
    "by", "from", "of", "before", "after", "between", "around", "to", "into", "on",
];

/// `July 7, 2025`, `Jul. 7`, `July 2025`, and a bare `July` in context.
pub(super) fn month_date_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
    let m = month_at(t, i)?;
    let j = i + 1;
    if t.continues(j) && day_at(t, j).is_some() {
        return Some(year_after(t, j + 1).unwrap_or(j + 1));
    }
    if let Some(end) = month_year_after(t, j) {
        return Some(end);
    }
    // A bare abbreviation needs its full stop (`in Sept.`); `Jan` alone is
    // a name.
    if m.abbreviated && !t.text(i).ends_with('.') {
        return None;
    }
    let context = given
        || t.prev(i).is_some_and(|p| {
            t.is_any(p, STRONG_MONTH_CONTEXT) || (m.number != 5 && t.is_any(p, WEAK_MONTH_CONTEXT))
        });
    // `since April Ryan joined`: a name follows.
    let name_follows =
        t.continues(j) && t.is_name_like(j) && month(t.word(j)).is_none() && !is_weekday(t.word(j));
    (context && !name_follows).then_some(j)
}

/// `7 July 2025`, `7th July`, `the 7th of July`, `the first of May`.
pub(super) fn day_month_at(t: &Toks, i: usize) -> Option<usize> {
    let the = t.is(i, "the") && t.continues(i + 1);
    let d = if the { i + 1 } else { i };
    let numeric = day_at(t, d).is_some();
    let spelled = the && spelled_ordinal(t.word(d)).is_some_and(|v| v <= 31);
    if !numeric && !spelled {
        return None;
    }
    let mut m = d + 1;
    if t.continues(m) && t.is(m, "of") {
        m += 1;
    } else if spelled || (the && !t.number(d).ends_with(|c: char| c.is_alphabetic())) {
        // `the first May` is not a date; `the 7 July` is odd.
        return None;
    }
    month_at(t, m).filter(|_| t.continues(m))?;
    Some(year_after(t, m + 1).unwrap_or(m + 1))
}

/// `Q3`, `Q3 2025`, `fiscal 2024`, `fiscal year 2024`, `FY2024`,
/// `FY 2024`, `the third quarter of 2025`, `the fourth fiscal quarter`.
pub(super) fn quarter_at(t: &Toks, i: usize) -> Option<usize> {
    let w = t.word(i);
    let b = w.as_bytes();
    if b.len() == 2 && (b[0] == b'Q' || b[0] == b'q') && (b'1'..=b'4').contains(&b[1]) {
        // `Q3` alone is also a quartile: it needs a year or a preposition.
        if let Some(end) = year_after(t, i + 1) {
            return Some(end);
        }
        let context = t.prev(i).is_some_and(|p| {
            t.is_any(
                p,
                &[
                    "in", "during", "for", "this", "last", "next", "of", "by", "since",
                ],
            )
        });
        return context.then_some(i + 1);
    }
    if w.len() >= 4 && w.len() <= 6 && w.get(..2).is_some_and(|p| p == "FY") {
        let digits = w.get(2..).unwrap_or("");
        if is_digits(digits) && (digits.len() == 2 || digits.len() == 4) {
            return Some(i + 1);
        }
    }
    if w == "FY" {
        return year_after(t, i + 1).filter(|&e| e == i + 2);
    }
    if t.is(i, "fiscal") && t.continues(i + 1) {
        let j = if t.is(i + 1, "year") { i + 2 } else { i + 1 };
        return year_after(t, j).filter(|&e| e == j + 1);
    }
    // `the third quarter of 2025`, `the second fiscal quarter`
    let j = if t.is(i, "the") { i + 1 } else { i };
    if j > i && !t.continues(j) {
        return None;
    }
    if !t.is_any(j, &["first", "second", "third", "fourth", "final"]) {
        return None;
    }
    let fiscal = t.continues(j + 1) && t.is_any(j + 1, &["fiscal", "financial"]);
    let q = if fiscal { j + 2 } else { j + 1 };
    if !(t.continues(q) && t.is(q, "quarter")) {
        return None;
    }
    match month_year_after(t, q + 1) {
        Some(end) => Some(end),
        None => fiscal.then_some(q + 1),
    }
}

/// Prepositions before a season that make it a period of the year.
const SEASON_CONTEXT: &[&str] = &[
    "in",
    "during",
    "by",
    "since",
    "until",
    "till",
    "through",
    "throughout",
    "over",
    "before",
    "after",
    "for",
    "until",
];

/// `summer 2012`, `the summer of 2012`, `in the spring`, `during winter`.
pub(super) fn season_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
    let the = t.is(i, "the") && t.continues(i + 1);
    let s = if the { i + 1 } else { i };
    if !is_season(t.word(s)) {
        return None;
    }
    if let Some(end) = month_year_after(t, s + 1) {
        return Some(end);
    }
    // `the fall of Rome`: not a season.
    if t.continues(s + 1) && t.is(s + 1, "of") {
        return None;
    }
    let context = given || t.prev(i).is_some_and(|p| t.is_any(p, SEASON_CONTEXT));
    context.then_some(s + 1)
}

/// `last Tuesday`, `next March`, `early June`, `late 2024`, `this summer`,
/// `early Tuesday morning`, `the following autumn` (`late last year`, a
/// unit of time, is a period: see `periods.rs`).
pub(super) fn modified_at(t: &Toks, i: usize) -> Option<usize> {
    // `the following autumn`, `the previous Monday`
    if t.is(i, "the") && t.continues(i + 1) && t.is_any(i + 1, &["following", "previous"]) {
        return modified_at(t, i + 1).filter(|&e| e > i + 2);
    }
    let edge = t.is_any(i, &["early", "mid", "late"]);
    let relative = t.is_any(
        i,
        &[
            "last",
            "next",
            "this",
            "past",
            "coming",
            "following",
            "previous",
        ],
    );
    let j = i + 1;
    if !(edge || relative) || !t.continues(j) {
        return None;
    }
    if let Some(end) = weekday_end(t, j) {
        return Some(part_of_day_after(t, end));
    }
    if month_at(t, j).is_some() {
        return month_date_at(t, j, true);
    }
    if is_season(t.word(j)) {
        return Some(month_year_after(t, j + 1).unwrap_or(j + 1));
    }
    if edge {
        if year_value(t, j).is_some() {
            return Some(j + 1);
        }
        if t.is_any(j, &["yesterday", "today", "tomorrow"]) {
            return Some(part_of_day_after(t, j + 1));
        }
        return decade_at(t, j);
    }
    None
}

/// `mid-July`, `mid-2024`, `mid-1990s`, `mid-March 2025`, `post-2015`,
/// `pre-war` is not one.
pub(super) fn mid_word_at(t: &Toks, i: usize) -> Option<usize> {
    let (head, tail) = split_first_hyphen(t.word(i))?;
    let prefix = ["mid", "pre", "post"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(head));
    if !prefix {
        return None;
    }
    let month_tail = month(tail)
        .filter(|m| !m.abbreviated || tail.len() > 3)
        .is_some()
        && tail.chars().next().is_some_and(char::is_uppercase);
    if month_tail {
        return Some(year_after(t, i + 1).unwrap_or(i + 1));
    }
    let year = four_digit_year(tail).is_some();
    let decade = tail.len() == 5
        && tail.ends_with('s')
        && tail
            .get(..4)
            .and_then(four_digit_year)
            .is_some_and(|y| y % 10 == 0);
    let other = is_season(tail) || tail.eq_ignore_ascii_case("century");
    (year || decade || other).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{dates, NONE};

    #[test]
    fn month_dates() {
        assert_eq!(
            dates("The protest began on July 7, 2025, outside City Hall."),
            ["July 7, 2025"]
        );
        assert_eq!(
            dates("Officers were deployed Jul. 7 and again on Sept. 11."),
            ["Jul. 7", "Sept. 11"]
        );
        assert_eq!(
            dates("She was born 7 July 1980 and moved in July 2025."),
            ["7 July 1980", "July 2025"]
        );
        assert_eq!(
            dates("The law took effect on the 1st of March and expires March 15th."),
            ["the 1st of March", "March 15th"]
        );
        assert_eq!(
            dates("By October, 1805 the fleet had sailed."),
            ["October, 1805"]
        );
        assert_eq!(
            dates("THE RALLY IS SET FOR JULY 7, 2025 IN DENVER"),
            ["JULY 7, 2025"]
        );
        assert_eq!(
            dates("Hearings run March 15-17 in Austin."),
            ["March 15-17"]
        );
    }

    #[test]
    fn bare_months_need_context() {
        assert_eq!(
            dates("The measure passed in May and will be reviewed by June."),
            ["May", "June"]
        );
        assert_eq!(dates("Theresa May said the vote would go ahead."), NONE);
        assert_eq!(dates("A speech by May drew criticism."), NONE);
        assert_eq!(dates("August Wilson wrote the play."), NONE);
        assert_eq!(dates("Will March lead the team?"), NONE);
        assert_eq!(dates("Activists joined the march on Friday."), ["Friday"]);
        assert_eq!(
            dates("Sales rose in April, May and June."),
            ["April", "May", "June"]
        );
        assert_eq!(dates("She has worked there since April Ryan left."), NONE);
        assert_eq!(
            dates("Jan Smith arrived; Jan 5 is the deadline."),
            ["Jan 5"]
        );
    }

    #[test]
    fn modified_names() {
        assert_eq!(
            dates("He resigned last Tuesday and leaves next March."),
            ["last Tuesday", "next March"]
        );
        assert_eq!(
            dates("Work starts in early June, pauses mid-July and ends late 2024."),
            ["early June", "mid-July", "late 2024"]
        );
        assert_eq!(
            dates("Talks collapsed early Tuesday morning."),
            ["early Tuesday morning"]
        );
        assert_eq!(
            dates("The park closed this summer after floods in the summer of 2012."),
            ["this summer", "the summer of 2012"]
        );
        assert_eq!(dates("Planting begins in the spring."), ["the spring"]);
        assert_eq!(dates("After the fall of the regime, prices rose."), NONE);
        assert_eq!(dates("Leaves fall in autumn."), ["autumn"]);
        assert_eq!(
            dates("The following autumn he left; post-2015 rules and the sixties differ."),
            ["The following autumn", "post-2015", "the sixties"]
        );
        assert_eq!(
            dates("Built in the 7th century BC."),
            ["the 7th century BC"]
        );
    }

    #[test]
    fn business_periods() {
        assert_eq!(
            dates("Profit rose in Q3 2025 and in fiscal 2024, and FY2023 too."),
            ["Q3 2025", "fiscal 2024", "FY2023"]
        );
        assert_eq!(
            dates("Sales fell in the third quarter of 2025."),
            ["the third quarter of 2025"]
        );
        assert_eq!(dates("He scored in the third quarter."), NONE);
        assert_eq!(
            dates("Sales rose in Q2; the third quartile, Q3, is 7."),
            ["Q2"]
        );
    }
}
