//! QUANTITY: counts and measures that no other pattern took.
//!
//! The span is the number phrase with its approximator and its unit of
//! measure, but not the counted noun: `[about 90] protesters`,
//! `[4,000] people`, `[over a dozen] arrests`, `[hundreds] of homes`,
//! `[tens of thousands]`, `[two-thirds] of voters`, `[two miles]`,
//! `[10km]`, `[a 10-foot] wall` → `10-foot`, `[1.2 million]`,
//! `[5 square miles]`, `[90 degrees Fahrenheit]`.
//!
//! Left out: numbers inside dates, times, money and percentages (claimed
//! earlier), ordinals (`third`, `3rd`), a lone `one` (a pronoun or
//! determiner far more often than a count: `one of the officers`, `no
//! one`), year-like numbers (`2025`) unless a counted noun follows, ranks
//! (`No. 5`, `#1`), numbers in names (`Route 66`, `the Big Ten`), list
//! markers at the start of a line (`1.`), phone numbers, scores (`2-1`).

use super::number_phrase::{self, Shape};
use super::number_words::{parse_decimal, small_cardinal, small_int};
use super::starters;
use super::tokens::{scan_starters, Claims, Toks};
use crate::entities::{Entity, Label};
use crate::text::{abbreviations, Gap, TokenKind};

/// Adds every QUANTITY mention over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    let mask = starters::NUMBER | starters::APPROXIMATOR | starters::HYPHENATED;
    scan_starters(toks, claims, out, mask, |t, i| {
        quantity_at(t, i).map(|end| (end, Label::Quantity))
    });
}

/// Units of measure written as words after a number (any case).
const UNITS: &[&str] = &[
    "mile",
    "miles",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "km",
    "kms",
    "metre",
    "metres",
    "meter",
    "meters",
    "centimetre",
    "centimetres",
    "centimeter",
    "centimeters",
    "cm",
    "millimetre",
    "millimetres",
    "millimeter",
    "millimeters",
    "mm",
    "foot",
    "feet",
    "ft",
    "inch",
    "inches",
    "yard",
    "yards",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "pound",
    "pounds",
    "lb",
    "lbs",
    "ounce",
    "ounces",
    "oz",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "kg",
    "kgs",
    "gram",
    "grams",
    "milligram",
    "milligrams",
    "mg",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "gallon",
    "gallons",
    "litre",
    "litres",
    "liter",
    "liters",
    "millilitre",
    "millilitres",
    "milliliter",
    "milliliters",
    "ml",
    "barrel",
    "barrels",
    "bushel",
    "bushels",
    "degree",
    "degrees",
    "watt",
    "watts",
    "kilowatt",
    "kilowatts",
    "megawatt",
    "megawatts",
    "gigawatt",
    "gigawatts",
    "kilowatt-hour",
    "kilowatt-hours",
    "megawatt-hour",
    "megawatt-hours",
    "kw",
    "mw",
    "gw",
    "kwh",
    "mwh",
    "gwh",
    "volt",
    "volts",
    "calorie",
    "calories",
    "knot",
    "knots",
    "mph",
    "kph",
    "km/h",
    "decibel",
    "decibels",
    "byte",
    "bytes",
    "kilobyte",
    "kilobytes",
    "megabyte",
    "megabytes",
    "gigabyte",
    "gigabytes",
    "terabyte",
    "terabytes",
    "kb",
    "mb",
    "gb",
    "tb",
    "light-year",
    "light-years",
];

/// Unit abbreviations glued to digits (`10km`, `5kg`, `100m`); single
/// letters only in lower case, so `5G` and `3D` stay out.
const GLUED_UNITS: &[&str] = &[
    "km", "kms", "kg", "kgs", "mm", "cm", "mi", "ft", "lb", "lbs", "mph", "kph", "kmh", "mg", "ml",
    "kw", "mw", "gw", "kwh", "mwh", "gwh", "gb", "mb", "tb", "kb", "hz", "khz", "mhz", "ghz", "oz",
];

/// True when `w` is a unit of measure.
pub fn is_unit(w: &str) -> bool {
    UNITS.iter().any(|u| u.eq_ignore_ascii_case(w))
}

/// The end of a unit of measure starting at token `j`: `miles`, `square
/// miles`, `cubic feet`, `miles per hour`, `degrees Celsius`.
fn unit_end(t: &Toks, j: usize) -> Option<usize> {
    if !t.continues(j) {
        return None;
    }
    let (u, end) = if t.is_any(j, &["square", "cubic", "sq"]) && t.continues(j + 1) {
        (j + 1, j + 2)
    } else {
        (j, j + 1)
    };
    if !is_unit(t.word(u)) {
        return None;
    }
    // `miles per hour`, `km an hour`
    if t.continues(end + 1)
        && t.is_any(end, &["per", "an", "a"])
        && t.is_any(end + 1, &["hour", "second", "minute", "day"])
    {
        return Some(end + 2);
    }
    if t.is_any(u, &["degree", "degrees"])
        && t.continues(end)
        && t.is_any(
            end,
            &["Fahrenheit", "Celsius", "centigrade", "F", "C", "Kelvin"],
        )
    {
        return Some(end + 1);
    }
    Some(end)
}

/// A number token with a glued or hyphenated unit: `10km`, `5kg`, `100m`,
/// `10-foot`, `5-mile`, `6-foot-tall`; or a spelled one: `two-mile`.
fn unit_token(t: &Toks, i: usize) -> bool {
    let s = t.text(i);
    if t.is_number(i) {
        let digits = s
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
            .count();
        let Some((num, tail)) = s.split_at_checked(digits) else {
            return false;
        };
        if parse_decimal(num).is_none() {
            return false;
        }
        if GLUED_UNITS.iter().any(|u| u.eq_ignore_ascii_case(tail)) || tail == "m" || tail == "g" {
            return true;
        }
        return tail
            .strip_prefix(crate::text::chars::is_hyphen)
            .is_some_and(hyphen_unit);
    }
    if t.is_word(i) {
        let Some(at) = s.find(crate::text::chars::is_hyphen) else {
            return false;
        };
        let (head, rest) = s.split_at(at);
        let rest = rest
            .strip_prefix(crate::text::chars::is_hyphen)
            .unwrap_or("");
        return small_cardinal(head).is_some_and(|v| v > 0) && hyphen_unit(rest);
    }
    false
}

/// `foot`, `mile-long`, `foot-tall`: a unit, optionally followed by a
/// dimension word.
fn hyphen_unit(rest: &str) -> bool {
    let mut parts = rest.split(crate::text::chars::is_hyphen);
    let unit_ok = parts.next().is_some_and(is_unit);
    unit_ok
        && parts.all(|p| {
            ["long", "tall", "wide", "high", "deep", "thick"]
                .iter()
                .any(|d| d.eq_ignore_ascii_case(p))
        })
}

/// The end of a QUANTITY mention starting at token `i`.
pub fn quantity_at(t: &Toks, i: usize) -> Option<usize> {
    if unit_token(t, i) && !in_name(t, i) {
        return Some(i + 1);
    }
    let p = number_phrase::parse(t, i)?;
    if let Some(end) = unit_end(t, p.end) {
        if matches!(p.shape, Shape::Digits | Shape::Words) {
            return Some(end);
        }
    }
    if p.approx {
        return Some(p.end);
    }
    let single = p.end == p.number_start + 1;
    match p.shape {
        Shape::Digits if single => plain_number_ok(t, i).then_some(p.end),
        Shape::Words if single => spelled_number_ok(t, i, &p).then_some(p.end),
        Shape::Words => (!t.is_name_like(i)).then_some(p.end),
        _ => Some(p.end),
    }
}

/// A lone digit number that is a count: not a year, rank, list marker,
/// part of a name or of a phone number.
fn plain_number_ok(t: &Toks, i: usize) -> bool {
    let s = t.number(i);
    let year_like = s.len() == 4 && small_int(s).is_some_and(|y| (1000..=2100).contains(&y));
    if year_like && !counted_after(t, i + 1) {
        return false;
    }
    if in_name(t, i) {
        return false;
    }
    let prev = t.prev(i);
    if prev.is_some_and(|p| t.is_any(p, &["No.", "no.", "No", "number", "#", "Nos."])) {
        return false;
    }
    if prev.is_some_and(|p| t.is_punct(p, "#")) {
        return false;
    }
    // `1.` or `2)` opening a line: a list marker.
    let line_start = !t.continues(i) || t.gap(i) >= Gap::LineBreak;
    if line_start && (t.is_punct(i + 1, ".") || t.is_punct(i + 1, ")")) && t.touches(i + 1) {
        return false;
    }
    // `(555) 555-1234`: the area code of a phone number.
    let phone = prev.is_some_and(|p| t.is_punct(p, "("))
        && t.is_punct(i + 1, ")")
        && t.is_number(i + 2)
        && t.text(i + 2).contains(['-', '.']);
    !phone
}

/// Capitalised words that open a sentence before a count (`Only 12`,
/// `By 2030`), beside the common openers the text layer knows.
const OPENERS_BEFORE_NUMBERS: &[&str] = &[
    "Only",
    "All",
    "By",
    "From",
    "Of",
    "To",
    "Just",
    "Another",
    "Each",
    "Every",
    "Both",
    "Since",
    "Until",
    "Within",
    "During",
    "Between",
    "Among",
    "Including",
    "Up",
    "Top",
    "Exactly",
];

/// True when a Title-case word comes right before token `i` and is part of
/// a name with it (`Route 66`, `Apollo 11`, `Boeing 737`); at the start of
/// a sentence, unless the word is a common opener (`The 12`, `Only 4`).
fn in_name(t: &Toks, i: usize) -> bool {
    t.prev(i).is_some_and(|p| {
        let opener = t.starts_sentence(p)
            && (abbreviations::is_sentence_opener(t.word(p))
                || t.is_any(p, OPENERS_BEFORE_NUMBERS));
        t.is_title_case(p) && t.kind(p) == Some(TokenKind::Word) && !opener
    })
}

/// A lone spelled number that is a count: not `one`, not in a name (`the
/// Big Ten`, `Four Seasons`).
fn spelled_number_ok(t: &Toks, i: usize, p: &number_phrase::NumberPhrase) -> bool {
    if p.is_lone_one(t) || t.is_name_like(i) || in_name(t, i) {
        return false;
    }
    // `zero` is a count only before a noun (`zero tolerance` is not).
    !t.is(i, "zero")
}

/// True when token `j` reads as a counted noun after a number.
fn counted_after(t: &Toks, j: usize) -> bool {
    if !t.continues(j) || !t.is_word(j) {
        return false;
    }
    let w = t.word(j);
    let lower = w.chars().next().is_some_and(char::is_lowercase);
    lower
        && (w.ends_with('s')
            || t.is_any(
                j,
                &[
                    "people", "men", "women", "children", "police", "staff", "feet",
                ],
            ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Every QUANTITY mention in `text`, as text.
    fn quantities(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut claims = Claims::new(t.len());
        let mut out = Vec::new();
        find(&t, &mut claims, &mut out);
        out.iter().map(|e| e.span.slice(text)).collect()
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn counts_without_the_noun() {
        assert_eq!(
            quantities("About 90 protesters and 4,000 people marched; four were held."),
            ["About 90", "4,000", "four"]
        );
        assert_eq!(
            quantities("Police made over a dozen arrests as hundreds gathered."),
            ["over a dozen", "hundreds"]
        );
        assert_eq!(
            quantities("Tens of thousands fled, and 1.2 million lost power."),
            ["Tens of thousands", "1.2 million"]
        );
        assert_eq!(
            quantities(
                "Two-thirds of voters and a third of the council agreed; half the city slept."
            ),
            ["Two-thirds", "a third", "half"]
        );
        assert_eq!(
            quantities("The two men and twenty-five women met three hundred residents."),
            ["two", "twenty-five", "three hundred"]
        );
        assert_eq!(
            quantities("AT LEAST 40 HOMES WERE DESTROYED"),
            ["AT LEAST 40"]
        );
    }

    #[test]
    fn measures_include_the_unit() {
        assert_eq!(
            quantities("The fire spread two miles and burned 5 square miles of brush."),
            ["two miles", "5 square miles"]
        );
        assert_eq!(
            quantities("Winds of 60 miles per hour and 90 degrees Fahrenheit heat."),
            ["60 miles per hour", "90 degrees Fahrenheit"]
        );
        assert_eq!(
            quantities("A 10-foot wall, a two-mile route and a 10km run."),
            ["10-foot", "two-mile", "10km"]
        );
        assert_eq!(quantities("It weighed 100 pounds."), ["100 pounds"]);
        assert_eq!(quantities("The 5G network and 3D film."), NONE);
    }

    #[test]
    fn not_quantities() {
        assert_eq!(
            quantities("One of the officers said no one was hurt."),
            NONE
        );
        assert_eq!(quantities("He finished third, the 3rd time."), NONE);
        assert_eq!(
            quantities("Take Route 66 past Apollo 11 to the Big Ten game."),
            NONE
        );
        assert_eq!(quantities("She ranked No. 5 and #1 this year."), NONE);
        assert_eq!(quantities("The Four Seasons hotel."), NONE);
        assert_eq!(quantities("Apollo 11 landed. Chapter 11 followed."), NONE);
        assert_eq!(
            quantities("Only 12 came. The 40 who stayed sang."),
            ["12", "40"]
        );
        assert_eq!(quantities("Call (555) 555-1234 today."), NONE);
        assert_eq!(quantities("The score was 2-1 in 2025."), NONE);
        assert_eq!(quantities("1. Bring water\n2. Bring food"), NONE);
        assert_eq!(quantities("The MS-13 gang and COVID-19."), NONE);
        assert_eq!(quantities("In the second half, he cut it in half."), NONE);
        assert_eq!(quantities("A zero tolerance policy."), NONE);
    }

    #[test]
    fn year_like_numbers_count_only_before_a_noun() {
        assert_eq!(quantities("Crews rebuilt 2000 homes."), ["2000"]);
        assert_eq!(quantities("Call 2025 now."), NONE);
    }
}
