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
mod years;

use super::calendar::*;
use super::number_words::*;
use super::starters;
use super::tokens::{scan, Claims, Toks};
use crate::entities::{Entity, Label};

use days::{holiday_at, named_day_at, weekday_at};
use months::{day_month_at, mid_word_at, modified_at, month_date_at, quarter_at, season_at};
use numeric::numeric_date_at;
use years::{age_at, century_at, decade_at, year_at};

/// Adds every DATE mention over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    let mut last_end: Option<usize> = None;
    scan(toks, claims, out, |t, i| {
        let mask = starters::NUMBER | starters::CALENDAR | starters::HYPHENATED;
        if !t.can_start(i, mask) {
            return None;
        }
        let listed = last_end.is_some_and(|e| continues_list(t, e, i));
        let end = date_at(t, i, listed)?;
        last_end = Some(end);
        Some((end, Label::Date))
    });
}

/// The end of a DATE mention starting at token `i`. `given` says the
/// context is already known to be about dates (a list of dates, or `the end
/// of …`), so bare months and years need nothing more.
pub fn date_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
    let candidates = [
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
    ];
    candidates.into_iter().flatten().filter(|&e| e > i).max()
}

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
        month(t.word(i))
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
}
