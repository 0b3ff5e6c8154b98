//! PERCENT: `12%`, `12 %`, `12 percent`, `12 per cent`, `12 pct`, `12pc`,
//! `12-percent`, `12.5 percentage points`, `twelve percent`, `10-15%`.
//! An approximator before the number is part of the mention (`about
//! 12%`), as for money and quantities.

use super::number_phrase::{self, Shape};
use super::number_words::parse_decimal;
use super::starters;
use super::tokens::{scan_starters, Claims, Toks};
use crate::entities::{Entity, Label};

/// Adds every PERCENT mention over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    let mask = starters::NUMBER | starters::APPROXIMATOR;
    scan_starters(toks, claims, out, mask, |t, i| {
        percent_at(t, i).map(|end| (end, Label::Percent))
    });
}

/// The end of a PERCENT mention starting at token `i`.
pub fn percent_at(t: &Toks, i: usize) -> Option<usize> {
    if let Some(after) = number_phrase::approximator_end(t, i) {
        if let Some(end) = t.continues(after).then(|| figure_at(t, after)).flatten() {
            return Some(end);
        }
    }
    figure_at(t, i)
}

/// A number and its percent sign or word, at token `i`.
fn figure_at(t: &Toks, i: usize) -> Option<usize> {
    let s = t.number(i);
    if !s.is_empty() && glued_percent(s) {
        return Some(i + 1);
    }
    let k = if let Some(p) = number_phrase::bare(t, i) {
        if !matches!(p.shape, Shape::Digits | Shape::Words) {
            return None;
        }
        p.end
    } else if is_range(s) {
        i + 1
    } else {
        return None;
    };
    if !t.continues(k) {
        return None;
    }
    if t.is_punct(k, "%") || t.is_punct(k, "％") {
        return Some(k + 1);
    }
    if t.is_any(k, &["percent", "pct", "pc"]) {
        return Some(k + 1);
    }
    if t.is(k, "per") && t.continues(k + 1) && t.is(k + 1, "cent") {
        return Some(k + 2);
    }
    if t.is(k, "percentage") && t.continues(k + 1) && t.is_any(k + 1, &["point", "points"]) {
        return Some(k + 2);
    }
    if t.is_any(k, &["percentage-point", "percentage-points"]) {
        return Some(k + 1);
    }
    None
}

/// `12pc`, `12-percent`, `12-per-cent`, `3-percentage-point`.
fn glued_percent(s: &str) -> bool {
    let digits = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    let Some((num, tail)) = s.split_at_checked(digits) else {
        return false;
    };
    let tail = tail
        .strip_prefix(crate::text::chars::is_hyphen)
        .unwrap_or(tail);
    parse_decimal(num).is_some()
        && ["pc", "percent", "per-cent", "percentage-point", "pct"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(tail))
}

/// A range token such as `10-15` or `2.5-3`.
fn is_range(s: &str) -> bool {
    super::number_words::split_hyphen(s)
        .is_some_and(|(a, b)| parse_decimal(a).is_some() && parse_decimal(b).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Every PERCENT mention in `text`, as text.
    fn percents(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut claims = Claims::new(t.len());
        let mut out = Vec::new();
        find(&t, &mut claims, &mut out);
        out.iter().map(|e| e.span.slice(text)).collect()
    }

    #[test]
    fn signs_and_words() {
        assert_eq!(
            percents("Turnout rose 12% to 12 percent, or 12 per cent in the UK."),
            ["12%", "12 percent", "12 per cent"]
        );
        assert_eq!(
            percents("Rates climbed 12.5 percentage points; about twelve percent agreed."),
            ["12.5 percentage points", "about twelve percent"]
        );
        assert_eq!(
            percents("A 3-percent raise, 5pc growth, a 10-15% drop and 7 % inflation."),
            ["3-percent", "5pc", "10-15%", "7 %"]
        );
        assert_eq!(percents("SUPPORT FELL TO 40 PERCENT"), ["40 PERCENT"]);
        assert_eq!(percents("more than 50% of voters"), ["more than 50%"]);
    }

    #[test]
    fn not_percent() {
        assert_eq!(percents("The percent sign % alone."), Vec::<&str>::new());
        assert_eq!(percents("Hundreds percent."), Vec::<&str>::new());
        assert_eq!(percents("12 per day"), Vec::<&str>::new());
    }
}
