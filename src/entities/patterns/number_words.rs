//! Numbers as news writes them: digits with separators (`4,000`, `4.5`) and
//! spelled-out numbers (`four`, `twenty-five`, `a dozen`, `two-thirds`).
//!
//! Word tests are case-insensitive and allocation-free; every function is
//! total (no panics, `None` for anything it does not understand).

use crate::text::chars::is_hyphen;
use crate::text::word_table::WordTable;

/// Spelled cardinals below twenty, by value.
pub(super) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Spelled tens from twenty, by value / 10 - 2.
pub(super) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Scale words and their values.
pub(super) const SCALES: [(&str, f64); 5] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Fraction words (singular and plural) and their denominators.
pub(super) const FRACTIONS: [(&str, &str, u32); 9] = [
    ("half", "halves", 2),
    ("third", "thirds", 3),
    ("quarter", "quarters", 4),
    ("fifth", "fifths", 5),
    ("sixth", "sixths", 6),
    ("seventh", "sevenths", 7),
    ("eighth", "eighths", 8),
    ("ninth", "ninths", 9),
    ("tenth", "tenths", 10),
];

/// Spelled ordinals, for centuries (`the nineteenth century`) and days
/// (`the first of May`).
pub(super) const ORDINALS: [&str; 31] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
];

/// [`ORDINALS`] by word, valued 1 to 31.
static ORDINAL_TABLE: WordTable<64> = {
    let mut words = [("", 0u8); ORDINALS.len()];
    let mut i = 0;
    while i < ORDINALS.len() {
        words[i] = (ORDINALS[i], i as u8 + 1);
        i += 1;
    }
    WordTable::new(&words)
};

fn index_ci(list: &[&str], word: &str) -> Option<usize> {
    list.iter().position(|w| w.eq_ignore_ascii_case(word))
}

/// The value of a spelled cardinal from zero to ninety-nine: `seven`,
/// `Forty`, `twenty-five` (any hyphen).
pub fn small_cardinal(word: &str) -> Option<u32> {
    // Cheap rejection first: this runs on most words of a text.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !(3..=14).contains(&word.len()) || !b"zotfsen".contains(&first) {
        return None;
    }
    if let Some(v) = index_ci(&UNITS, word) {
        return Some(v as u32);
    }
    if let Some(t) = index_ci(&TENS, word) {
        return Some(20 + 10 * t as u32);
    }
    let (tens, unit) = split_hyphen(word)?;
    let t = index_ci(&TENS, tens)?;
    let u = index_ci(&UNITS, unit).filter(|u| (1..10).contains(u))?;
    Some(20 + 10 * t as u32 + u as u32)
}

/// The value of a scale word: `hundred` … `trillion`.
pub fn scale(word: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// True for `dozen`.
pub fn is_dozen(word: &str) -> bool {
    word.eq_ignore_ascii_case("dozen")
}

/// True for vague plural amounts: `dozens`, `hundreds` … `trillions`
/// (`tens` only counts before `of thousands`, which the caller checks).
pub fn is_vague_plural(word: &str) -> bool {
    const PLURALS: [&str; 6] = [
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
    ];
    index_ci(&PLURALS, word).is_some()
}

/// The denominator of a fraction word: `half` → 2, `thirds` → 3.
pub fn fraction(word: &str) -> Option<u32> {
    FRACTIONS
        .iter()
        .find(|(one, many, _)| one.eq_ignore_ascii_case(word) || many.eq_ignore_ascii_case(word))
        .map(|&(_, _, d)| d)
}

/// The value of a hyphenated fraction: `two-thirds`, `one-half`,
/// `three-quarters`.
pub fn hyphenated_fraction(word: &str) -> Option<f64> {
    let (n, d) = split_hyphen(word)?;
    let n = small_cardinal(n).filter(|&v| v > 0)?;
    let d = fraction(d)?;
    Some(f64::from(n) / f64::from(d))
}

/// The value of a spelled ordinal up to thirty-first (`first`, `Twentieth`).
pub fn spelled_ordinal(word: &str) -> Option<u32> {
    match ORDINAL_TABLE.get(word) {
        0 => {}
        v => return Some(u32::from(v)),
    }
    // Any hyphen, not only ASCII: `twenty‐first`.
    let (tens, unit) = split_hyphen(word)?;
    let t = index_ci(&TENS, tens)?;
    let u = index_ci(&ORDINALS, unit).filter(|&u| u < 9)?;
    Some(20 + 10 * t as u32 + u as u32 + 1)
}

/// The value of a numeric ordinal: `3rd`, `21st`, `11th` (suffix in any
/// case; the suffix must fit the number loosely, so `22th` is accepted).
pub fn numeric_ordinal(token: &str) -> Option<u32> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suffix) = token.split_at_checked(digits)?;
    if num.is_empty() || num.len() > 4 {
        return None;
    }
    if !["st", "nd", "rd", "th", "d"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(suffix))
    {
        return None;
    }
    num.parse().ok()
}

/// True when `s` may contain a hyphen (`-`, or the UTF-8 lead byte of
/// U+2010/U+2011): a fast test before looking for one.
pub fn may_have_hyphen(s: &str) -> bool {
    s.bytes().any(|b| b == b'-' || b == 0xE2)
}

/// Splits `word` at its only hyphen: `twenty-five` → (`twenty`, `five`).
pub fn split_hyphen(word: &str) -> Option<(&str, &str)> {
    if !may_have_hyphen(word) {
        return None;
    }
    let (at, c) = word.char_indices().find(|&(_, c)| is_hyphen(c))?;
    let (head, rest) = word.split_at_checked(at)?;
    let tail = rest.get(c.len_utf8()..)?;
    if tail.chars().any(is_hyphen) {
        return None;
    }
    Some((head, tail))
}

/// The value of a plain decimal number: `4,000`, `4.5`, `1,200.50`, `007`.
/// Anything else (`3:30`, `7/7`, `1990s`, `1.2.3`, `4,00`) is `None`.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() || bytes.len() > 40 {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    // Thousands groups: the first of 1–3 digits, the rest of exactly 3.
    if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 {
            return None;
        }
        if !groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
    }
    if !int.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    let mut value = 0f64;
    for b in int.bytes().filter(u8::is_ascii_digit) {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut unit = 0.1;
    for b in frac.unwrap_or("").bytes() {
        value += f64::from(b - b'0') * unit;
        unit /= 10.0;
    }
    Some(value)
}

/// True when `s` is a whole number of ASCII digits (no separators).
pub fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The value of `s` when it is 1 to 4 plain digits.
pub fn small_int(s: &str) -> Option<u32> {
    if is_digits(s) && s.len() <= 4 {
        s.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelled_cardinals() {
        assert_eq!(small_cardinal("four"), Some(4));
        assert_eq!(small_cardinal("Nineteen"), Some(19));
        assert_eq!(small_cardinal("FORTY"), Some(40));
        assert_eq!(small_cardinal("twenty-five"), Some(25));
        assert_eq!(small_cardinal("ninety\u{2011}nine"), Some(99));
        assert_eq!(small_cardinal("twenty-zero"), None);
        assert_eq!(small_cardinal("five-twenty"), None);
        assert_eq!(small_cardinal("fourth"), None);
        assert_eq!(small_cardinal("twenty-five-six"), None);
    }

    #[test]
    fn scales_fractions_ordinals() {
        assert_eq!(scale("Million"), Some(1e6));
        assert_eq!(scale("millions"), None);
        assert!(is_vague_plural("Hundreds"));
        assert!(!is_vague_plural("hundred"));
        assert_eq!(fraction("thirds"), Some(3));
        assert_eq!(hyphenated_fraction("one-half"), Some(0.5));
        assert_eq!(hyphenated_fraction("Three-Quarters"), Some(0.75));
        assert_eq!(hyphenated_fraction("two-way"), None);
        assert_eq!(hyphenated_fraction("zero-thirds"), None);
        assert_eq!(spelled_ordinal("nineteenth"), Some(19));
        assert_eq!(spelled_ordinal("twenty-first"), Some(21));
        assert_eq!(spelled_ordinal("thirty-first"), Some(31));
        assert_eq!(spelled_ordinal("twenty-twelfth"), None);
        assert_eq!(numeric_ordinal("3rd"), Some(3));
        assert_eq!(numeric_ordinal("21ST"), Some(21));
        assert_eq!(numeric_ordinal("3km"), None);
        assert_eq!(numeric_ordinal("th"), None);
    }

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal("4,000"), Some(4000.0));
        assert_eq!(parse_decimal("1,200.5"), Some(1200.5));
        assert_eq!(parse_decimal("4.5"), Some(4.5));
        assert_eq!(parse_decimal("4,00"), None);
        assert_eq!(parse_decimal("1234,567"), None);
        assert_eq!(parse_decimal("3:30"), None);
        assert_eq!(parse_decimal("1990s"), None);
        assert_eq!(parse_decimal("1.2.3"), None);
        assert_eq!(parse_decimal(""), None);
        assert_eq!(parse_decimal(&"9".repeat(1000)), None);
        assert_eq!(small_int("2025"), Some(2025));
        assert_eq!(small_int("20250"), None);
    }
}
