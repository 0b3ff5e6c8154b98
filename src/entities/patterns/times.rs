//! TIME: clock times and parts of today.
//!
//! - Clock times: `3 p.m.`, `3pm`, `3:30 PM EDT`, `15:00`, `6:00am`,
//!   `3.30pm`, `10 a.m. local time`, `three o'clock`, `1500 GMT`, `noon`,
//!   `12 midnight`. A time zone or `local time` after the clock time is part
//!   of the mention.
//! - Parts of a day relative to another: `this morning`, `tonight`, `last
//!   night`, `early this afternoon`, `later tonight`, `that night`, `the
//!   following morning`.
//!
//! Convention (shared with [`super::dates`]): a phrase that names a day is a
//! DATE even with a part of the day attached (`Tuesday night`, `yesterday
//! morning`, `early Tuesday`); a part of the day relative to now with no day
//! named (`this morning`, `tonight`, `last night`) and clock times are TIME.
//! `3 p.m. Tuesday` is a TIME followed by a DATE. Spans measured in hours or
//! minutes (`the past 24 hours`, `30 minutes`) are TIME too; they are found
//! with the other periods in [`super::periods`].

use super::calendar::{is_part_of_day, is_zone, is_zone_region};
use super::number_words::{is_digits, small_cardinal, small_int};
use super::starters;
use super::tokens::{scan_starters, Claims, Toks};
use crate::entities::{Entity, Label};

/// Adds every TIME mention over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    let mask = starters::NUMBER | starters::CALENDAR;
    scan_starters(toks, claims, out, mask, |t, i| {
        time_at(t, i).map(|end| (end, Label::Time))
    });
}

/// The end of a TIME mention starting at token `i`.
pub fn time_at(t: &Toks, i: usize) -> Option<usize> {
    if let Some(end) = clock_at(t, i) {
        return Some(zone_end(t, end));
    }
    part_of_today_at(t, i)
}

/// `3 p.m.`, `3:30`, `noon`, `three o'clock`, `1500 GMT` (without the zone,
/// except for the 24-hour `1500 GMT` form that needs it).
fn clock_at(t: &Toks, i: usize) -> Option<usize> {
    if t.is_any(i, &["noon", "midnight", "midday"]) {
        return Some(i + 1);
    }
    if t.may_start_number(i) && small_cardinal(t.word(i)).is_some_and(|h| (1..=12).contains(&h)) {
        return meridiem_end(t, i + 1).or_else(|| oclock_end(t, i + 1));
    }
    let text = t.number(i);
    if text.is_empty() {
        return None;
    }
    // `12 noon`, `12 midnight`.
    if text == "12" && t.continues(i + 1) && t.is_any(i + 1, &["noon", "midnight"]) {
        return Some(i + 2);
    }
    // A meridiem glued to the number: `3pm`, `6:00am`, `3.30PM`.
    if let Some(base) = strip_meridiem(text) {
        return clock_value(base, true).then_some(i + 1);
    }
    if let Some(end) = meridiem_end(t, i + 1) {
        return clock_value(text, true).then_some(end);
    }
    if let Some(end) = oclock_end(t, i + 1) {
        return small_int(text)
            .is_some_and(|h| (1..=12).contains(&h))
            .then_some(end);
    }
    // 24-hour `1500 GMT`: four digits need a zone.
    if text.len() == 4 && is_digits(text) {
        let valid = small_int(text).is_some_and(|v| v / 100 < 24 && v % 100 < 60);
        let zoned = t.continues(i + 1) && is_zone(t.word(i + 1));
        return (valid && zoned).then_some(i + 1);
    }
    // `15:00`, `3:30`: colon times; a title-case word before (`John 3:16`,
    // `Psalm 23:4`) makes it a reference instead.
    if text.contains(':') && clock_value(text, false) {
        let reference = t.prev(i).is_some_and(|p| t.is_name_like(p));
        return (!reference).then_some(i + 1);
    }
    None
}

/// True when `s` reads as a time of day: `3` or `3.30` with a meridiem,
/// `3:30`, `15:00`, `3:30:15`.
fn clock_value(s: &str, meridiem: bool) -> bool {
    let mut parts = s.split([':', '.']);
    let hour = parts.next().and_then(small_int);
    let rest: [Option<&str>; 3] = [parts.next(), parts.next(), parts.next()];
    let Some(hour) = hour else { return false };
    let two_digits = |p: &str| p.len() == 2 && small_int(p).is_some_and(|m| m < 60);
    let shape_ok = match rest {
        [None, None, None] => meridiem,
        [Some(m), None, None] => two_digits(m) && (meridiem || s.contains(':')),
        [Some(m), Some(sec), None] => two_digits(m) && two_digits(sec) && !s.contains('.'),
        _ => false,
    };
    let hour_ok = if meridiem {
        (1..=12).contains(&hour) || (hour == 0 && rest[0].is_some())
    } else {
        hour <= 24
    };
    shape_ok && hour_ok && s.len() <= 8
}

/// The number part of a token with a glued meridiem (`3pm` → `3`).
fn strip_meridiem(text: &str) -> Option<&str> {
    for suffix in ["am", "pm", "a.m", "p.m"] {
        let cut = text.len().checked_sub(suffix.len())?;
        if text.is_char_boundary(cut) {
            let (base, tail) = text.split_at(cut);
            if tail.eq_ignore_ascii_case(suffix) && !base.is_empty() {
                return Some(base);
            }
        }
    }
    None
}

/// The end of `a.m.`/`pm`/`P.M` starting at token `j`.
fn meridiem_end(t: &Toks, j: usize) -> Option<usize> {
    if !t.continues(j) {
        return None;
    }
    if t.is_any(j, &["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]) {
        return Some(j + 1);
    }
    // `P.M` at the end of a text splits as `P.` `M`; `p.m` as `p` `.` `m`.
    if t.is_any(j, &["a.", "p."]) && t.touches(j + 1) && t.is(j + 1, "m") {
        return Some(j + 2);
    }
    if t.is_any(j, &["a", "p"])
        && t.touches(j + 1)
        && t.is_punct(j + 1, ".")
        && t.touches(j + 2)
        && t.is(j + 2, "m")
    {
        return Some(j + 3);
    }
    None
}

/// The end of `o'clock` at token `j`.
fn oclock_end(t: &Toks, j: usize) -> Option<usize> {
    let oclock = t.continues(j) && (t.is_loose(j, "o'clock") || t.is(j, "oclock"));
    oclock.then_some(j + 1)
}

/// Extends a clock time over a following zone: `ET`, `GMT`, `local time`,
/// `Eastern`, `Pacific Time`, `Eastern Standard Time`.
fn zone_end(t: &Toks, end: usize) -> usize {
    if !t.continues(end) {
        return end;
    }
    if is_zone(t.word(end)) {
        return end + 1;
    }
    if t.is(end, "local") && t.continues(end + 1) && t.is(end + 1, "time") {
        return end + 2;
    }
    if t.is_capitalised(end) && is_zone_region(t.word(end)) {
        let mut j = end + 1;
        if t.continues(j) && t.is_any(j, &["Standard", "Daylight"]) {
            j += 1;
        }
        if t.continues(j) && t.is(j, "time") {
            return j + 1;
        }
        // `Eastern Standard` alone is not a zone; `Eastern` is.
        return if j == end + 1 { j } else { end };
    }
    end
}

/// `tonight`, `this morning`, `last night`, with `early`/`late`/`earlier`/
/// `later` before them.
fn part_of_today_at(t: &Toks, i: usize) -> Option<usize> {
    let j = if t.is_any(i, &["early", "late", "earlier", "later"]) && t.continues(i + 1) {
        i + 1
    } else {
        i
    };
    if t.is(j, "tonight") {
        return Some(j + 1);
    }
    if !t.continues(j + 1) {
        return None;
    }
    let this = t.is(j, "this") && t.is_any(j + 1, &["morning", "afternoon", "evening"]);
    let last = t.is(j, "last") && t.is_any(j + 1, &["night", "evening"]);
    let that = t.is(j, "that") && is_part_of_day(t.word(j + 1));
    if this || last || that {
        return Some(j + 2);
    }
    // `the following morning`, `the previous night`, `the same evening`
    let relative = t.is(j, "the")
        && t.is_any(j + 1, &["following", "previous", "next", "same"])
        && t.continues(j + 2)
        && is_part_of_day(t.word(j + 2));
    relative.then_some(j + 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Every TIME mention in `text`, as text.
    fn times(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut claims = Claims::new(t.len());
        let mut out = Vec::new();
        find(&t, &mut claims, &mut out);
        out.iter().map(|e| e.span.slice(text)).collect()
    }

    #[test]
    fn clock_times_with_meridiem_and_zone() {
        assert_eq!(
            times("The vote is set for 3 p.m. ET on Tuesday."),
            ["3 p.m. ET"]
        );
        assert_eq!(
            times("Polls closed at 8:30 PM EDT and results came at 11pm."),
            ["8:30 PM EDT", "11pm"]
        );
        assert_eq!(
            times("The curfew starts at 10 a.m. local time, police said."),
            ["10 a.m. local time"]
        );
        assert_eq!(
            times("She arrived at 6:00am and left at 3.30PM."),
            ["6:00am", "3.30PM"]
        );
        assert_eq!(
            times("Launch is at 9 a.m. Pacific Time, weather permitting."),
            ["9 a.m. Pacific Time"]
        );
        assert_eq!(times("SHOTS RANG OUT AT 3 P.M. FRIDAY"), ["3 P.M."]);
        assert_eq!(times("The call ended at 10:55 P.M"), ["10:55 P.M"]);
    }

    #[test]
    fn twenty_four_hour_and_named_times() {
        assert_eq!(
            times("The ceasefire began at 15:00 and held past midnight."),
            ["15:00", "midnight"]
        );
        assert_eq!(
            times("Markets reopen at noon; the strike ends at 12 midnight."),
            ["noon", "12 midnight"]
        );
        assert_eq!(times("The alert was issued at 1500 GMT."), ["1500 GMT"]);
        assert_eq!(
            times("Doors open at three o’clock and close at 5 o'clock."),
            ["three o’clock", "5 o'clock"]
        );
    }

    #[test]
    fn parts_of_today() {
        assert_eq!(
            times("The mayor said this morning that crews worked late last night."),
            ["this morning", "late last night"]
        );
        assert_eq!(times("Tonight, the council meets again."), ["Tonight"]);
        assert_eq!(times("He will speak later tonight."), ["later tonight"]);
        assert_eq!(
            times("He died the following morning; that night the city mourned."),
            ["the following morning", "that night"]
        );
    }

    #[test]
    fn not_times() {
        // Scores, verses, counts, days with a part of the day (DATE), and
        // a bare hour without a meridiem.
        assert_eq!(times("Chelsea won 3:1 on aggregate."), Vec::<&str>::new());
        assert_eq!(times("Read John 3:16 aloud."), Vec::<&str>::new());
        assert_eq!(
            times("The team scored 3 points in 2025."),
            Vec::<&str>::new()
        );
        assert_eq!(times("Police arrived Tuesday night."), Vec::<&str>::new());
        assert_eq!(times("We meet at 3 tomorrow."), Vec::<&str>::new());
        assert_eq!(times("I am 25:99 sure"), Vec::<&str>::new());
        assert_eq!(times("1500 people attended."), Vec::<&str>::new());
        assert_eq!(times("Chapter 13 am I right"), Vec::<&str>::new());
        assert_eq!(times("Last night's game"), ["Last night"]);
    }
}
