//! Periods measured in units of time: DATE for days and longer, TIME for
//! hours and shorter.
//!
//! - Relative periods: `last week`, `this month`, `next year`, `the past
//!   decade`, `the past two years`, `the next few days`, `in recent years`,
//!   `the same day`, `earlier this year`, `late last year`, `the weekend`,
//!   `the past 24 hours` (TIME).
//! - Durations and distances in time: `two weeks`, `10 years`, `more than a
//!   decade`, `hundreds of years`, `two weeks ago`, `years ago`, `30 years
//!   old`, `a 30-year-old`, `five-year`, `30 minutes` (TIME), `half an hour`
//!   (TIME).
//! - Edges of a period: `the end of the year`, `the start of next month`,
//!   `the turn of the century`, `the end of May`.
//!
//! `a week`/`an hour` alone are too vague (`a day of mourning`); they count
//! after an approximator or a preposition of duration (`for a week`, `about
//! an hour`) or before `ago`, `later`, `earlier`, `old`.

use super::calendar::{is_season, time_unit, time_unit_of_key, TimeUnit, CLOCK_UNITS, DATE_UNITS};
use super::dates;
use super::number_phrase::{self, Shape};
use super::number_words::{may_have_hyphen, parse_decimal, small_cardinal, split_hyphen};
use super::starters;
use super::tokens::{scan_starters, Claims, Toks};
use crate::entities::{Entity, Label};
use crate::text::word_table::{self, WordTable};

/// Adds every period over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    let mask =
        starters::NUMBER | starters::APPROXIMATOR | starters::CALENDAR | starters::HYPHENATED;
    scan_starters(toks, claims, out, mask, period_at);
}

/// The end and label of a period starting at token `i`: the longest
/// match, the later pattern on a tie. Only the patterns that can open with
/// token `i` run (see [`PERIOD_STARTS`]).
pub fn period_at(t: &Toks, i: usize) -> Option<(usize, Label)> {
    let mut best: Option<(usize, Label)> = None;
    let mut keep = |found: Option<(usize, Label)>| {
        if let Some((e, label)) = found.filter(|&(e, _)| e > i) {
            if best.is_none_or(|(b, _)| e >= b) {
                best = Some((e, label));
            }
        }
    };
    let key = t.key(i);
    if key == THE {
        // `the end of …`, `the past week`, `the weekend`: nothing else
        // opens with `the`.
        let next = period_starts(t.key(i + 1));
        if next & EDGE != 0 {
            keep(edge_of_period_at(t, i));
        }
        if next & AFTER_THE != 0 {
            keep(relative_at(t, i));
        }
        return best;
    }
    let bits = period_starts(key);
    if bits & EDGE != 0 {
        keep(edge_of_period_at(t, i));
    }
    if bits & OPENS_RELATIVE != 0 {
        keep(relative_at(t, i));
    }
    if bits & OPENS_DURATION != 0 || t.can_start(i, starters::NUMBER | starters::APPROXIMATOR) {
        keep(duration_at(t, i));
    }
    let hyphen = if t.is_number(i) {
        may_have_hyphen(t.text(i))
    } else {
        t.can_start(i, starters::HYPHENATED)
    };
    if hyphen {
        keep(hyphenated_at(t, i));
    }
    best
}

/// The packed key of `the`.
const THE: u128 = word_table::const_key("the");

/// An edge of a period: `end`, `start` (of `the end of …`).
const EDGE: u8 = 1;
/// Opens a relative period without `the`: `last`, `early`, `recent`.
const OPENS_RELATIVE: u8 = 2;
/// May follow `the` in a relative period: `past`, `same`, `weekend`.
const AFTER_THE: u8 = 4;
/// Opens a duration besides numbers and approximators: a unit of time
/// (`years ago`), `couple`.
const OPENS_DURATION: u8 = 8;

/// The words that open periods (or follow their `the`), with the bits
/// above.
static PERIOD_STARTS: WordTable<256> = {
    const OPENERS: [&str; 5] = ["early", "late", "earlier", "later", "mid"];
    const N: usize = EDGES.len()
        + OPENERS.len()
        + 2 * RELATIVE.len()
        + 1
        + 2 * (DATE_UNITS.len() + CLOCK_UNITS.len())
        + 1;
    let mut words = [("", 0u8); N];
    let mut n = 0;
    let mut k = 0;
    while k < EDGES.len() {
        words[n] = (EDGES[k], EDGE);
        n += 1;
        k += 1;
    }
    k = 0;
    while k < OPENERS.len() {
        words[n] = (OPENERS[k], OPENS_RELATIVE);
        n += 1;
        k += 1;
    }
    k = 0;
    while k < RELATIVE.len() {
        words[n] = (RELATIVE[k], OPENS_RELATIVE);
        words[n + 1] = (RELATIVE[k], AFTER_THE);
        n += 2;
        k += 1;
    }
    words[n] = ("weekend", AFTER_THE);
    n += 1;
    k = 0;
    while k < DATE_UNITS.len() + CLOCK_UNITS.len() {
        let (one, many) = if k < DATE_UNITS.len() {
            DATE_UNITS[k]
        } else {
            CLOCK_UNITS[k - DATE_UNITS.len()]
        };
        words[n] = (one, OPENS_DURATION);
        words[n + 1] = (many, OPENS_DURATION);
        n += 2;
        k += 1;
    }
    words[n] = ("couple", OPENS_DURATION);
    WordTable::new(&words)
};

/// The bits of [`PERIOD_STARTS`] for the word with packed key `key`.
fn period_starts(key: u128) -> u8 {
    if key == 0 {
        0
    } else {
        PERIOD_STARTS.get_key(key)
    }
}

/// The unit of time at token `j` (in the same paragraph).
fn unit_at(t: &Toks, j: usize) -> Option<TimeUnit> {
    if t.continues(j) {
        time_unit_of_key(t.key(j))
    } else {
        None
    }
}

/// Relative modifiers before a unit of time (`last week`, `the past two
/// years`); `this` and `that` take no count.
pub(super) const RELATIVE: &[&str] = &[
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "following",
    "recent",
    "same",
    "upcoming",
    "this",
    "that",
    "final",
    "first",
];

/// `last week`, `the past two years`, `earlier this year`, `in recent
/// years`, `the next few days`, `the weekend`.
fn relative_at(t: &Toks, i: usize) -> Option<(usize, Label)> {
    let mut j = i;
    if t.is_any(j, &["early", "late", "earlier", "later", "mid"]) {
        j += 1;
        if !t.continues(j) {
            return None;
        }
    }
    let the = t.is(j, "the");
    if the {
        j += 1;
        if !t.continues(j) {
            return None;
        }
        // `the weekend`
        if t.is(j, "weekend") {
            return Some((j + 1, Label::Date));
        }
    }
    if !t.is_any(j, RELATIVE) || (j > i && !t.continues(j)) {
        return None;
    }
    let modifier = j;
    let this_or_that = t.is_any(modifier, &["this", "that"]);
    // `same`, `first`, `final` only after `the`: `the same day`.
    if t.is_any(modifier, &["same", "first", "final"]) && !the {
        return None;
    }
    if this_or_that && the {
        return None;
    }
    let mut k = modifier + 1;
    let mut counted = false;
    if !this_or_that {
        if let Some(end) = vague_count_end(t, k).filter(|_| t.continues(k)) {
            k = end;
            counted = true;
        } else if let Some(p) = number_phrase::bare(t, k).filter(|_| t.continues(k)) {
            if matches!(p.shape, Shape::Digits | Shape::Words) {
                k = p.end;
                counted = true;
            }
        }
    }
    // `last quarter`, `the next two quarters`
    if t.continues(k) && t.is_any(k, &["quarter", "quarters"]) && !t.is(modifier, "that") {
        let plural = t.is(k, "quarters");
        return (plural == counted).then_some((k + 1, Label::Date));
    }
    let unit = unit_at(t, k)?;
    // `this second term`: `second` is an ordinal unless counted.
    if t.is_any(k, &["second", "sec", "min"]) && !counted {
        return None;
    }
    // `last weeks` is not English; `the past weeks`, `recent years` are.
    let plural_ok = counted
        || (!this_or_that
            && (the || t.is_any(modifier, &["recent", "coming", "past", "previous"])));
    if unit.plural && !plural_ok {
        return None;
    }
    // `first day`, `final year` only with `the`, and no count.
    if t.is_any(modifier, &["first", "final"]) && counted {
        return None;
    }
    Some((k + 1, unit.label()))
}

/// `few`, `several`, `couple of`, `a couple of`, `many` before a unit
/// (the caller checks that token `k` continues the phrase).
fn vague_count_end(t: &Toks, k: usize) -> Option<usize> {
    if t.is_any(k, &["few", "several", "many"]) {
        return Some(k + 1);
    }
    if t.is(k, "a") && t.continues(k + 1) && t.is(k + 1, "few") {
        return Some(k + 2);
    }
    let a = usize::from(t.is(k, "a"));
    let c = k + a;
    let couple = (a == 0 || t.continues(c)) && t.is(c, "couple");
    (couple && t.continues(c + 1) && t.is(c + 1, "of")).then_some(c + 2)
}

/// Words after a duration that place it in time: `two weeks ago`.
fn placement_end(t: &Toks, j: usize) -> usize {
    if !t.continues(j) {
        return j;
    }
    if t.is_any(j, &["ago", "old", "earlier", "later", "back"]) {
        return j + 1;
    }
    if t.is(j, "from") && t.continues(j + 1) && t.is(j + 1, "now") {
        return j + 2;
    }
    // `a year and a half ago`
    let half = t.is(j, "and") && t.continues(j + 2) && t.is(j + 1, "a") && t.is(j + 2, "half");
    if half {
        return placement_end(t, j + 3);
    }
    j
}

/// Prepositions that make `a week`/`an hour` a duration.
const DURATION_CONTEXT: &[&str] = &[
    "for", "in", "within", "over", "after", "than", "once", "under", "just", "only", "nearly",
    "almost", "about", "around", "past", "last", "per",
];

/// `two weeks`, `two weeks ago`, `10 years old`, `more than a decade`,
/// `hundreds of years`, `years ago`, `half an hour`, `for a week`.
fn duration_at(t: &Toks, i: usize) -> Option<(usize, Label)> {
    // `years ago`, `decades ago`
    if let Some(u) = time_unit_of_key(t.key(i)) {
        let ago = t.continues(i + 1) && t.is(i + 1, "ago");
        return (u.plural && ago).then_some((i + 2, u.label()));
    }
    // `half an hour`, `half a century`
    if t.is(i, "half") && t.continues(i + 1) && t.is_any(i + 1, &["a", "an"]) {
        let u = unit_at(t, i + 2).filter(|u| !u.plural)?;
        return Some((placement_end(t, i + 3), u.label()));
    }
    let approx = number_phrase::approximator_end(t, i).filter(|&e| t.continues(e));
    let n = approx.unwrap_or(i);
    // `a few days`, `several years`, `a couple of weeks ago`
    if let Some(k) = vague_count_end(t, n).filter(|_| n == i || t.continues(n)) {
        let u = unit_at(t, k).filter(|u| u.plural)?;
        return Some((placement_end(t, k + 1), u.label()));
    }
    // `a week`, `an hour`, `about a year`
    if t.is_any(n, &["a", "an"]) && (n == i || t.continues(n)) {
        let u = unit_at(t, n + 1).filter(|u| !u.plural)?;
        if t.is(n + 1, "second") || t.is(n + 1, "sec") {
            return None; // `a second time`
        }
        let end = placement_end(t, n + 2);
        let before = t.prev(i).is_some_and(|p| t.is_any(p, DURATION_CONTEXT));
        return (approx.is_some() || before || end > n + 2).then_some((end, u.label()));
    }
    let p = number_phrase::parse(t, i)?;
    match p.shape {
        Shape::Digits | Shape::Words => {
            let u = unit_at(t, p.end)?;
            let one = (p.value - 1.0).abs() < f64::EPSILON;
            if u.plural == one {
                return None;
            }
            // `second` after a number is the unit only in the plural or
            // after `one`.
            Some((placement_end(t, p.end + 1), u.label()))
        }
        Shape::Vague => {
            // `hundreds of years`
            let of = t.continues(p.end) && t.is(p.end, "of");
            let u = unit_at(t, p.end + 1).filter(|u| u.plural && of)?;
            Some((placement_end(t, p.end + 2), u.label()))
        }
        Shape::Fraction => None,
    }
}

/// `30-year-old`, `10-day`, `24-hour`, `five-year`, `two-week-long`.
fn hyphenated_at(t: &Toks, i: usize) -> Option<(usize, Label)> {
    let s = t.text(i);
    let numeric = t.is_number(i);
    if !numeric && !t.is_word(i) {
        return None;
    }
    let mut parts = s.split(crate::text::chars::is_hyphen);
    let head = parts.next()?;
    let unit = time_unit(parts.next()?)?;
    let tail_ok = parts.all(|p| ["old", "long"].iter().any(|w| w.eq_ignore_ascii_case(p)));
    let number_ok = if numeric {
        parse_decimal(head).is_some()
    } else {
        small_cardinal(head).is_some_and(|v| v > 0) || split_hyphen(head).is_some()
    };
    (number_ok && tail_ok && !unit.plural).then_some((i + 1, unit.label()))
}

/// Words for the edge of a period: `the end of …`.
pub(super) const EDGES: &[&str] = &[
    "end",
    "beginning",
    "start",
    "middle",
    "rest",
    "remainder",
    "turn",
    "close",
];

/// `the end of the year`, `the start of next month`, `the end of May`,
/// `the turn of the century`, `the middle of the week`.
fn edge_of_period_at(t: &Toks, i: usize) -> Option<(usize, Label)> {
    let j = if t.is(i, "the") { i + 1 } else { i };
    let edge = (j == i || t.continues(j)) && t.is_any(j, EDGES);
    if !(edge && t.continues(j + 1) && t.is(j + 1, "of")) {
        return None;
    }
    let k = j + 2;
    if !t.continues(k) {
        return None;
    }
    // `the year`, `the century`, `the summer` (not `the end of the day`,
    // an idiom more often than a date).
    if t.is(k, "the") && t.continues(k + 1) && !t.is(k + 1, "day") {
        let w = t.word(k + 1);
        if time_unit(w).is_some_and(|u| !u.plural) || is_season(w) {
            let label = time_unit(w).map_or(Label::Date, TimeUnit::label);
            return Some((k + 2, label));
        }
    }
    if let Some((end, label)) = relative_at(t, k) {
        return Some((end, label));
    }
    dates::date_at(t, k, true).map(|end| (end, Label::Date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Every period in `text`, as (text, label).
    fn periods(text: &str) -> Vec<(&str, Label)> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut claims = Claims::new(t.len());
        let mut out = Vec::new();
        find(&t, &mut claims, &mut out);
        out.iter().map(|e| (e.span.slice(text), e.label)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        periods(text).into_iter().map(|(s, _)| s).collect()
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn guards_skip_only_patterns_that_cannot_match() {
        let texts = [
            "Over the past two years, the next few days and the weekend, it rained.",
            "At the end of the year, the start of next month, the turn of the century.",
            "Earlier this year, later this month, in recent years, the same day.",
            "Two weeks ago, 10 years old, more than a decade, hundreds of years.",
            "A couple of years back, half an hour, a 30-year-old, five‐year, 24-hour.",
            "For a week, about an hour, a year and a half ago, 5 1/2 years, years ago.",
            "THE END OF MAY; the the end; the last; a a; early early the past weeks.",
        ];
        for text in texts {
            let doc = Document::new(text);
            let t = Toks::new(&doc);
            for i in 0..=t.len() {
                let unguarded = [
                    edge_of_period_at(&t, i),
                    relative_at(&t, i),
                    duration_at(&t, i),
                    hyphenated_at(&t, i),
                ]
                .into_iter()
                .flatten()
                .filter(|&(e, _)| e > i)
                .max_by_key(|&(e, _)| e);
                assert_eq!(period_at(&t, i), unguarded, "{text:?} at token {i}");
            }
        }
    }

    #[test]
    fn every_opening_word_is_listed() {
        let bits = |w: &str| period_starts(word_table::key(w).unwrap_or(0));
        for w in EDGES {
            assert_ne!(bits(w) & EDGE, 0, "{w}");
        }
        for w in RELATIVE {
            assert_ne!(bits(w) & OPENS_RELATIVE, 0, "{w}");
            assert_ne!(bits(w) & AFTER_THE, 0, "{w}");
        }
        for (one, many) in DATE_UNITS.iter().chain(CLOCK_UNITS.iter()) {
            assert_ne!(bits(one) & OPENS_DURATION, 0, "{one}");
            assert_ne!(bits(many) & OPENS_DURATION, 0, "{many}");
        }
        assert_eq!(bits("said"), 0);
        assert_eq!(bits("the"), 0);
    }

    #[test]
    fn relative_periods() {
        assert_eq!(
            texts("Rents rose last year and will rise again next month."),
            ["last year", "next month"]
        );
        assert_eq!(
            texts("Over the past decade, and in recent years, crime fell."),
            ["the past decade", "recent years"]
        );
        assert_eq!(
            texts("The past two years were hard; the next few days matter."),
            ["The past two years", "the next few days"]
        );
        assert_eq!(
            texts("Earlier this year the city said it would act later this month."),
            ["Earlier this year", "later this month"]
        );
        assert_eq!(
            texts("Results came the same day, and over the weekend."),
            ["the same day", "the weekend"]
        );
        assert_eq!(
            periods("Police made 12 arrests in the past 24 hours."),
            [("the past 24 hours", Label::Time)]
        );
        assert_eq!(texts("The last weeks of the campaign."), ["The last weeks"]);
        assert_eq!(texts("He was the last man out."), NONE);
        assert_eq!(texts("This week's vote."), ["This week"]);
        assert_eq!(texts("We begin this second term today."), NONE);
        assert_eq!(
            texts("Profit fell last quarter and will rise over the next two quarters."),
            ["last quarter", "the next two quarters"]
        );
    }

    #[test]
    fn durations() {
        assert_eq!(
            texts("The strike lasted two weeks and ended 10 days ago."),
            ["two weeks", "10 days ago"]
        );
        assert_eq!(
            texts("For more than a decade, the mill was idle."),
            ["more than a decade"]
        );
        assert_eq!(
            texts("The ruins are hundreds of years old; it happened years ago."),
            ["hundreds of years old", "years ago"]
        );
        assert_eq!(
            periods("Firefighters needed half an hour, then 30 minutes more."),
            [("half an hour", Label::Time), ("30 minutes", Label::Time)]
        );
        assert_eq!(
            texts("The victim, a 30-year-old nurse, was 30 years old."),
            ["30-year-old", "30 years old"]
        );
        assert_eq!(
            texts("A five-year plan and a 24-hour vigil."),
            ["five-year", "24-hour"]
        );
        assert_eq!(
            texts("It stayed for a week, and a year later it closed."),
            ["a week", "a year later"]
        );
        assert_eq!(texts("It was a day of mourning."), NONE);
        assert_eq!(
            texts("A couple of years back, after a few days and several weeks, it fell."),
            ["A couple of years back", "a few days", "several weeks"]
        );
        assert_eq!(
            texts("It opened a year and a half ago and ran for 5 1/2 years."),
            ["a year and a half ago", "5 1/2 years"]
        );
        assert_eq!(texts("She won for a second time."), NONE);
        assert_eq!(
            texts("Two years, one year, one years."),
            ["Two years", "one year"]
        );
    }

    #[test]
    fn edges_of_periods() {
        assert_eq!(
            texts("The plant closes at the end of the year or the start of next month."),
            ["the end of the year", "the start of next month"]
        );
        assert_eq!(texts("Talks resume at the end of May."), ["the end of May"]);
        assert_eq!(texts("At the end of the day, he left."), NONE);
        assert_eq!(texts("The end of the road."), NONE);
    }
}
