//! DATE: calendar dates and named days.
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

use super::calendar::*;
use super::number_words::*;
use super::starters;
use super::tokens::{scan, Claims, Toks};
use crate::entities::{Entity, Label};

/// Adds every DATE mention over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    let mut last_end: Option<usize> = None;
    scan(toks, claims, out, |t, _, i| {
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

/// True when token `j` is a lower-case word that reads as a counted noun
/// (`homes`, `people`): a number before it is a count, not a year.
fn looks_counted(t: &Toks, j: usize) -> bool {
    const NOT_PLURAL: &[&str] = &[
        "was",
        "is",
        "has",
        "as",
        "this",
        "his",
        "its",
        "us",
        "thus",
        "plus",
        "whereas",
        "perhaps",
        "less",
        "across",
        "unless",
        "yes",
        "always",
        "towards",
        "afterwards",
        "news",
        "onwards",
        "upwards",
        "backwards",
        "forwards",
        "sometimes",
    ];
    const COUNTED: &[&str] = &[
        "people",
        "men",
        "women",
        "children",
        "police",
        "staff",
        "personnel",
        "cattle",
        "feet",
        "teeth",
        "mice",
        "geese",
        "sheep",
        "fish",
        "livestock",
        "crew",
        "head",
    ];
    if !t.continues(j) || !t.is_word(j) {
        return false;
    }
    let w = t.word(j);
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let lower_ends = |suffix: &str| {
        w.len() >= suffix.len()
            && w.get(w.len() - suffix.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(suffix))
    };
    // `schoolchildren`, `policemen`
    if COUNTED.iter().any(|c| lower_ends(c)) {
        return true;
    }
    // `census`, `crisis`, `class` are singular.
    let plural =
        lower_ends("s") && w.len() > 2 && !["ss", "us", "is"].iter().any(|e| lower_ends(e));
    plural && !t.is_any(j, NOT_PLURAL) && time_unit(w).is_none_or(|u| u.plural)
}

// ----- month dates -------------------------------------------------------

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
fn month_date_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
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
fn day_month_at(t: &Toks, i: usize) -> Option<usize> {
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

// ----- weekdays, named days and holidays -----------------------------------

/// Weekday abbreviations that are not also common words (`Wed.`,
/// `Thurs.`); `Sun.`, `Sat.`, `Mon.` are left out.
pub(super) const WEEKDAY_ABBREVIATIONS: &[&str] =
    &["Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri"];

/// The end of a weekday name at `i`: `Tuesday`, or `Tues.` with its full
/// stop.
fn weekday_end(t: &Toks, i: usize) -> Option<usize> {
    if is_weekday_at(t, i) {
        return Some(i + 1);
    }
    let abbreviated = t.is_capitalised(i) && t.is_any(i, WEEKDAY_ABBREVIATIONS);
    (abbreviated && t.touches(i + 1) && t.is_punct(i + 1, ".")).then_some(i + 2)
}

/// `Monday`, `Tuesday night`, `Tuesday, July 7, 2025`, `Sunday 7 July`,
/// `Thurs.`.
fn weekday_at(t: &Toks, i: usize) -> Option<usize> {
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
fn part_of_day_after(t: &Toks, j: usize) -> usize {
    if t.continues(j) && is_part_of_day(t.word(j)) {
        j + 1
    } else {
        j
    }
}

/// `yesterday`, `today`, `tomorrow`, with a part of the day.
fn named_day_at(t: &Toks, i: usize) -> Option<usize> {
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
fn holiday_at(t: &Toks, i: usize) -> Option<usize> {
    // `Johnnie Christmas` is a name.
    if !t.is_capitalised(i) || t.prev(i).is_some_and(|p| t.is_name_like(p)) {
        return None;
    }
    HOLIDAYS.iter().find_map(|words| {
        let all = words.iter().enumerate().all(|(k, w)| {
            let j = i + k;
            (k == 0 || t.continues(j)) && t.is_loose(j, w)
        });
        all.then_some(i + words.len())
    })
}

// ----- numeric dates -------------------------------------------------------

/// `2025-07-07`, `7/7/2025`, `07.07.2025`, `8-May-2006`, year ranges
/// (`2010-2015`, `2010-15`), and `9/11` after a date preposition.
fn numeric_date_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
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

/// A four-digit year from 1000 to 2100.
fn four_digit_year(p: &str) -> Option<u32> {
    small_int(p).filter(|y| p.len() == 4 && (1000..=2100).contains(y))
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

// ----- years, decades, centuries ---------------------------------------------

/// Words before a bare year that make it a date.
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "from",
    "before",
    "after",
    "by",
    "of",
    "circa",
    "c.",
    "ca.",
    "ca",
    "for",
    "around",
    "between",
    "year",
    "early",
    "late",
    "mid",
    "to",
    "into",
];

/// Determiners before a year used as a modifier: `the 2024 election`.
const YEAR_DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
];

/// Plurals that follow a year as an event, not as a count.
const YEAR_EVENTS: &[&str] = &[
    "elections",
    "olympics",
    "paralympics",
    "games",
    "midterms",
    "playoffs",
    "finals",
    "protests",
    "riots",
    "floods",
    "wildfires",
    "fires",
    "attacks",
    "talks",
    "polls",
    "primaries",
    "awards",
    "oscars",
    "emmys",
    "grammys",
    "hearings",
];

/// A year in date context: `in 2025`, `since 1998`, `(2011)`,
/// `Smith, 2011)`, `(Smith 2011;`, `c. 1818`, `2024's`, `the 2024
/// election`, `347 AD`, `AD 347`, `2010 – 2015`, `1871 – 72`, or a year
/// alone on its line (a dateline or heading).
fn year_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
    // `AD 347`
    if t.is_any(i, &["AD", "A.D."]) && t.is_capitalised(i) && t.continues(i + 1) {
        let y = small_int(t.number(i + 1)).filter(|y| (1..=2100).contains(y));
        return y.map(|_| i + 2);
    }
    // `347 AD`, `2000 BCE`: any whole number up to four digits.
    if let Some(y) = small_int(t.number(i)) {
        if y > 0 && t.continues(i + 1) && is_era(t, i + 1) {
            return Some(i + 2);
        }
    }
    // `c. 347`, `d. 96`: after a circa-style abbreviation any year will do.
    if let Some(y) = small_int(t.number(i)).filter(|&y| y > 0 && after_circa(t, i)) {
        let end = i + 1;
        if t.continues(end) && t.is_dash(end) && t.continues(end + 1) {
            let next = t.number(end + 1);
            let to = range_end(next, y).or(small_int(next).filter(|&z| z > y && z <= 2100));
            if to.is_some() {
                return Some(end + 2);
            }
        }
        return Some(end);
    }
    let y = year_value(t, i)?;
    let end = i + 1;
    let context = given || year_context(t, i, end);
    // `2010 – 2015`, `1871 – 72` (a dash token between)
    if t.continues(end) && t.is_dash(end) && t.continues(end + 1) {
        if let Some(to) = range_end(t.number(end + 1), y) {
            if (context && to - y <= 200) || plausible_range(y, to) {
                return Some(end + 2);
            }
        }
    }
    if t.is_possessive(end) {
        return Some(end);
    }
    // `1100 ft`, `a 2000 year old tradition`: a measure, not a year.
    let measure = t.continues(end)
        && (super::quantity::is_unit(t.word(end)) || time_unit(t.word(end)).is_some());
    // After a date in a list the year is a date even before a verb in -s
    // (`from 2010 to 2015 shows`).
    let counted = !given && looks_counted(t, end) && !t.is_any(end, YEAR_EVENTS);
    if measure || counted {
        return None;
    }
    let prev = t.prev(i);
    let determiner = prev.is_some_and(|p| t.is_any(p, YEAR_DETERMINERS) || t.is_possessive(p));
    let modifier = determiner && t.continues(end) && t.is_word(end);
    let alone =
        !t.continues(i) && (!t.continues(end) || (t.is_punct(end, ".") && !t.continues(end + 1)));
    // `Aberdeen, Scotland, 1859.`: a dateline-style year closing a sentence.
    let closing =
        prev.is_some_and(|p| t.is_comma(p)) && (!t.continues(end) || t.is_punct(end, "."));
    // `World Cup 2018`, `Vision 2030`, `Comic-Con 2015`: an event's year.
    let event = (1900..=2099).contains(&y) && prev.is_some_and(|p| t.is_name_like(p));
    (context || modifier || alone || closing || event).then_some(end)
}

/// True when a circa-style abbreviation comes right before token `i`:
/// `c. 1818`, `ca. 1907`, `b. 1950`, `d. 1990`, `(m. 1949; div. 1964)`.
/// Its full stop is a token of its own.
fn after_circa(t: &Toks, i: usize) -> bool {
    let Some(dot) = t.prev(i).filter(|&p| t.is_punct(p, ".") && t.touches(p)) else {
        return false;
    };
    dot.checked_sub(1)
        .is_some_and(|a| t.is_any(a, &["c", "ca", "b", "d", "m", "div", "r", "fl", "est"]))
}

/// Context before or around a year that makes it a date: a preposition
/// (`in`, `since`, `c.`, `d.`), brackets (`(2011)`), a citation
/// (`(Garcia, 2011)`, `(Garcia 2011;`).
fn year_context(t: &Toks, i: usize, end: usize) -> bool {
    let Some(prev) = t.prev(i) else {
        return false;
    };
    let closes = t.is_punct(end, ")") || t.is_punct(end, ";") || t.is_punct(end, "]");
    if t.is_any(prev, YEAR_CONTEXT) || t.is_punct(prev, "(") || t.is_punct(prev, "[") {
        return true;
    }
    if t.is_comma(prev) && closes {
        return true;
    }
    if after_circa(t, i) {
        return true;
    }
    // `(Garcia 2011;`, `(Garcia et al., 2011, p. 5)`, `(Smith 1994: 6)`
    let cites = closes || t.is_comma(end) || t.is_punct(end, ":");
    let author = t.is_name_like(prev) || t.is(prev, "al.") || t.is_comma(prev);
    cites && author && open_bracket_before(t, i)
}

/// True when a `(` or `[` opens within the two dozen tokens before `i` and
/// is not closed before it.
fn open_bracket_before(t: &Toks, i: usize) -> bool {
    let mut k = i;
    for _ in 0..24 {
        if !t.continues(k) {
            return false;
        }
        k -= 1;
        if t.is_punct(k, ")") || t.is_punct(k, "]") {
            return false;
        }
        if t.is_punct(k, "(") || t.is_punct(k, "[") {
            return true;
        }
    }
    false
}

/// The year a range ends with: `2015` or `15` after 2010, `00` after 1999.
fn range_end(s: &str, from: u32) -> Option<u32> {
    if let Some(to) = four_digit_year(s) {
        return (to > from).then_some(to);
    }
    let v = small_int(s).filter(|_| s.len() == 2)?;
    let century = from / 100 * 100;
    let to = if v > from % 100 {
        century + v
    } else {
        century + 100 + v
    };
    (to > from && to - from < 100).then_some(to)
}

/// A range of years that needs no context: both after 1600, at most a
/// century apart (`1600–1650`; page ranges such as `1087–1101` and prices
/// such as `1380-2075` stay out).
fn plausible_range(from: u32, to: u32) -> bool {
    from >= 1600 && to > from && to - from <= 100
}

/// `AD`, `BC`, `BCE`, `CE`, `B.C.`, `A.D.` (capitals only).
fn is_era(t: &Toks, j: usize) -> bool {
    let w = t.word(j);
    ["AD", "BC", "BCE", "CE", "A.D.", "B.C.", "B.C.E.", "C.E."].contains(&w)
}

/// `the 1990s`, `the ’90s`, `the early 1990s`, `1990s`, `’90s`,
/// `the 1990's`, `their 20s`.
fn decade_at(t: &Toks, i: usize) -> Option<usize> {
    let mut j = i;
    let determiner = t.is_any(i, &["the", "their", "his", "her", "its", "our", "my"]);
    if determiner {
        j += 1;
    }
    let modified = t.continues(j) && t.is_any(j, &["early", "mid", "late", "later"]);
    if modified {
        j += 1;
    }
    if j > i && !t.continues(j) {
        return None;
    }
    let s = t.number(j);
    let four = s.len() == 5
        && s.ends_with(['s', 'S'])
        && s.get(..4)
            .and_then(four_digit_year)
            .is_some_and(|y| y % 10 == 0);
    let apostrophe = s.starts_with(['\'', '\u{2019}']) && s.ends_with('s');
    let two = s.len() == 3
        && s.ends_with('s')
        && s.get(..2).and_then(small_int).is_some_and(|y| y % 10 == 0);
    let spelled = is_spelled_decade(t.word(j));
    if four || apostrophe || ((two || spelled) && (determiner || modified)) {
        return Some(j + 1);
    }
    // `the 1990's`: the possessive split off.
    if (determiner || modified)
        && year_value(t, j).is_some_and(|y| y % 10 == 0)
        && t.is_possessive(j + 1)
    {
        return Some(j + 2);
    }
    None
}

/// `twenties` … `nineties`: decades (or ages) after `the`, `their`, `early`.
fn is_spelled_decade(w: &str) -> bool {
    [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ]
    .iter()
    .any(|d| d.eq_ignore_ascii_case(w))
}

/// `the 19th century`, `the late 20th century`, `the twentieth century`,
/// `21st-century`.
fn century_at(t: &Toks, i: usize) -> Option<usize> {
    let s = t.number(i);
    if let Some((ord, rest)) = split_first_hyphen(s) {
        if numeric_ordinal(ord).is_some() && rest.eq_ignore_ascii_case("century") {
            return Some(i + 1);
        }
    }
    let mut j = i;
    if t.is(j, "the") {
        j += 1;
        if !t.continues(j) {
            return None;
        }
    }
    if t.is_any(j, &["early", "mid", "late"]) {
        j += 1;
        if !t.continues(j) {
            return None;
        }
    }
    let ordinal = numeric_ordinal(t.number(j))
        .or_else(|| spelled_ordinal(t.word(j)))
        .is_some_and(|v| (1..=30).contains(&v));
    let century = t.continues(j + 1) && t.is_any(j + 1, &["century", "centuries"]);
    if !(ordinal && century) {
        return None;
    }
    // `the 7th century BC`
    let era = t.continues(j + 2) && is_era(t, j + 2);
    Some(if era { j + 3 } else { j + 2 })
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

// ----- quarters, seasons, modifiers ------------------------------------------

/// `Q3`, `Q3 2025`, `fiscal 2024`, `fiscal year 2024`, `FY2024`,
/// `FY 2024`, `the third quarter of 2025`, `the fourth fiscal quarter`.
fn quarter_at(t: &Toks, i: usize) -> Option<usize> {
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
fn season_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
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
/// `early Tuesday morning`, `late last year` is in [`super::periods`].
fn modified_at(t: &Toks, i: usize) -> Option<usize> {
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
fn mid_word_at(t: &Toks, i: usize) -> Option<usize> {
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

/// An age in apposition: `Jane Doe, 45, said`.
fn age_at(t: &Toks, i: usize) -> Option<usize> {
    let age =
        small_int(t.number(i)).is_some_and(|a| (1..=119).contains(&a) && t.number(i).len() <= 3);
    let before = t.prev(i).filter(|&p| t.is_comma(p)).and_then(|p| t.prev(p));
    let after_name = before.is_some_and(|n| t.is_title_case(n));
    let comma_after = t.continues(i + 1) && t.is_comma(i + 1);
    (age && after_name && comma_after).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Every DATE mention in `text`, as text.
    fn dates(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut claims = Claims::new(t.len());
        let mut out = Vec::new();
        find(&t, &mut claims, &mut out);
        out.iter().map(|e| e.span.slice(text)).collect()
    }

    const NONE: [&str; 0] = [];

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
    fn years_need_context() {
        assert_eq!(
            dates("Prices have doubled since 1998 and fell in 2025."),
            ["1998", "2025"]
        );
        assert_eq!(
            dates("The study (Garcia, 2011) and a report (2019) agree."),
            ["2011", "2019"]
        );
        assert_eq!(
            dates("The 2024 election was close; 2024's turnout was high."),
            ["2024", "2024"]
        );
        assert_eq!(
            dates("It was built in 347 AD and rebuilt by 1200."),
            ["347 AD", "1200"]
        );
        assert_eq!(
            dates("Data from 2010 to 2015 shows a drop."),
            ["2010", "2015"]
        );
        assert_eq!(dates("Records for 2010 – 2015 are lost."), ["2010 – 2015"]);
        assert_eq!(dates("Crews rebuilt 2000 homes in 1500 days."), NONE);
        assert_eq!(dates("The crowd of 2025 people cheered."), NONE);
        assert_eq!(dates("Call 2025 now."), NONE);
        assert_eq!(dates("In 2000 homes, the power failed."), NONE);
    }

    #[test]
    fn years_in_scholarly_and_biographical_text() {
        assert_eq!(
            dates("Earlier work (see Okafor 2014; Lindqvist et al., 2011) disagrees."),
            ["2014", "2011"]
        );
        assert_eq!(
            dates("The bishop (c. 347 – 420) wrote it c. 1818, and died (d. 1990)."),
            ["347 – 420", "1818", "1990"]
        );
        assert_eq!(
            dates("Photographed c. 1871 – 72 in Ohio, Scotland, 1859."),
            ["1871 – 72", "1859"]
        );
        assert_eq!(
            dates("Fans gathered for World Cup 2018 and stayed from 1928 onwards."),
            ["2018", "1928"]
        );
        assert_eq!(
            dates("2013\n\nThe season opened in April."),
            ["2013", "April"]
        );
        assert_eq!(
            dates("An elevation of 1100 ft and a 2000 year old oak."),
            NONE
        );
        assert_eq!(
            dates("Pages 1087–1101 and prices of 1380-2075 apply."),
            NONE
        );
        assert_eq!(
            dates("The city census of 2010 and the 2010 census."),
            ["2010", "2010"]
        );
    }

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

    #[test]
    fn decades_and_centuries() {
        assert_eq!(
            dates("Crime peaked in the 1990s and again in the ’90s revival."),
            ["the 1990s", "the ’90s"]
        );
        assert_eq!(
            dates("Born in the early 1960s, she came of age in the mid-1980s."),
            ["the early 1960s", "mid-1980s"]
        );
        assert_eq!(
            dates("A 19th-century mill from the late 18th century survives."),
            ["19th-century", "the late 18th century"]
        );
        assert_eq!(dates("Both are in their 80s."), ["their 80s"]);
        assert_eq!(dates("He scored 80s on tests."), NONE);
    }

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
    fn business_periods_and_ages() {
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
        assert_eq!(dates("Maria Lopez, 45, said she was afraid."), ["45"]);
        assert_eq!(dates("Items 3, 45, and 6 are missing."), NONE);
    }
}
