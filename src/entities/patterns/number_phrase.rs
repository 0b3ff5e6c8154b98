//! Number phrases over tokens: the shared front half of MONEY, PERCENT,
//! QUANTITY and durations.
//!
//! A phrase is an optional approximator (`about`, `more than`, `up to`)
//! followed by one of
//! - digits with optional scale words: `4,000`, `4.5 million`;
//! - spelled numbers: `four`, `twenty five`, `one hundred and twenty`,
//!   `a dozen`, `a billion`, `two and a half`, `half a million`;
//! - vague amounts: `dozens`, `hundreds`, `tens of thousands`,
//!   `several hundred`, `a few thousand`;
//! - fractions: `two-thirds`, `a third (of)`, `three quarters (of)`,
//!   `half (the|of …)`; the `of` stays outside the phrase.
//!
//! The approximator belongs to the mention (`about 90`, `more than $4
//! million`), as in OntoNotes.

use super::number_words::*;
use super::tokens::Toks;
use crate::text::word_table;

/// The shape of a number phrase, which callers use to decide whether it is
/// worth reporting on its own (`one` is usually a pronoun; `half` needs
/// context).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Digits, possibly scaled: `4,000`, `4.5 million`.
    Digits,
    /// Spelled out: `four`, `a dozen`, `two hundred`.
    Words,
    /// An imprecise amount: `hundreds`, `tens of thousands`.
    Vague,
    /// A fraction: `two-thirds`, `a quarter`, `half`.
    Fraction,
}

/// A number phrase found at some token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberPhrase {
    /// First token of the number itself (after any approximator).
    pub number_start: usize,
    /// One past the last token.
    pub end: usize,
    /// True when an approximator precedes the number.
    pub approx: bool,
    /// What kind of number it is.
    pub shape: Shape,
    /// Its value (fractions are below 1; vague amounts give their scale).
    pub value: f64,
}

impl NumberPhrase {
    /// True for a lone `one`/`One` (no approximator, no scale): usually a
    /// pronoun or determiner (`one of the officers`, `no one`, `one day`).
    pub fn is_lone_one(&self, toks: &Toks) -> bool {
        !self.approx && self.end == self.number_start + 1 && toks.is(self.number_start, "one")
    }
}

/// Approximators, longest first within a shared first word.
pub(super) const APPROXIMATORS: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["greater", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["upwards", "of"],
    &["close", "to"],
    &["just", "over"],
    &["just", "under"],
    &["just", "below"],
    &["just", "above"],
    &["well", "over"],
    &["well", "above"],
    &["well", "below"],
    &["an", "estimated"],
    &["about"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["nearly"],
    &["almost"],
    &["some"],
    &["over"],
    &["under"],
    &["below"],
    &["above"],
    &["exactly"],
    &["precisely"],
    &["barely"],
    &["circa"],
];

/// The end of an approximator starting at token `i`, if one starts there.
pub fn approximator_end(toks: &Toks, i: usize) -> Option<usize> {
    if !toks.may_start_approximator(i) {
        return None;
    }
    // The first word is looked up by packed key (an approximator's first
    // word is a short ASCII word, so `is` and key equality agree); the
    // approximators opening with it are then tried in list order.
    let first = toks.key(i);
    if first == 0 {
        return None;
    }
    let mut next = APPROXIMATOR_FIRST.get_key(first);
    while let Some(words) = usize::from(next)
        .checked_sub(1)
        .and_then(|a| APPROXIMATORS.get(a))
    {
        let rest = words.iter().enumerate().skip(1).all(|(k, w)| {
            let j = i + k;
            toks.continues(j) && toks.is(j, w)
        });
        if rest {
            return Some(i + words.len());
        }
        next = APPROXIMATOR_NEXT
            .get(usize::from(next) - 1)
            .copied()
            .unwrap_or(0);
    }
    None
}

/// The packed keys of `a` and `an`.
const A: u128 = word_table::const_key("a");
const AN: u128 = word_table::const_key("an");

/// The words after `a`/`an` in a number phrase: `a few`, `a dozen`, `a
/// million`, `a third of`.
static AFTER_ARTICLE: word_table::WordTable<64> = {
    let mut words = [("", 1u8); 2 + SCALES.len() + 2 * FRACTIONS.len()];
    words[0].0 = "few";
    words[1].0 = "dozen";
    let mut n = 2;
    let mut k = 0;
    while k < SCALES.len() {
        words[n].0 = SCALES[k].0;
        n += 1;
        k += 1;
    }
    k = 0;
    while k < FRACTIONS.len() {
        words[n].0 = FRACTIONS[k].0;
        words[n + 1].0 = FRACTIONS[k].1;
        n += 2;
        k += 1;
    }
    word_table::WordTable::new(&words)
};

/// True when the word with packed key `key` may follow `a`/`an` in a
/// number phrase.
fn follows_article(key: u128) -> bool {
    key != 0 && AFTER_ARTICLE.get_key(key) != 0
}

/// The packed key of each approximator's first word.
const APPROXIMATOR_KEYS: [u128; APPROXIMATORS.len()] = {
    let mut keys = [0u128; APPROXIMATORS.len()];
    let mut a = 0;
    while a < APPROXIMATORS.len() {
        keys[a] = word_table::const_key(APPROXIMATORS[a][0]);
        a += 1;
    }
    keys
};

/// For each first word, 1 + the index of the first approximator opening
/// with it.
static APPROXIMATOR_FIRST: word_table::WordTable<128> = {
    let mut words = [("", 0u8); APPROXIMATORS.len()];
    let mut n = 0;
    let mut a = 0;
    while a < APPROXIMATORS.len() {
        let mut seen = false;
        let mut b = 0;
        while b < a {
            seen = seen || APPROXIMATOR_KEYS[b] == APPROXIMATOR_KEYS[a];
            b += 1;
        }
        if !seen {
            words[n] = (APPROXIMATORS[a][0], a as u8 + 1);
            n += 1;
        }
        a += 1;
    }
    word_table::WordTable::new(words.split_at(n).0)
};

/// For each approximator, 1 + the index of the next one opening with the
/// same word (0 for none), so that they are tried in list order.
const APPROXIMATOR_NEXT: [u8; APPROXIMATORS.len()] = {
    let mut next = [0u8; APPROXIMATORS.len()];
    let mut a = 0;
    while a < APPROXIMATORS.len() {
        let mut b = a + 1;
        while b < APPROXIMATORS.len() {
            if APPROXIMATOR_KEYS[b] == APPROXIMATOR_KEYS[a] {
                next[a] = b as u8 + 1;
                break;
            }
            b += 1;
        }
        a += 1;
    }
    next
};

/// A number phrase starting at token `i`, approximator included.
pub fn parse(toks: &Toks, i: usize) -> Option<NumberPhrase> {
    if let Some(after) = approximator_end(toks, i) {
        if toks.continues(after) {
            if let Some(mut p) = bare(toks, after) {
                p.approx = true;
                return Some(p);
            }
        }
    }
    bare(toks, i)
}

/// A number phrase starting exactly at token `i` (no approximator).
pub fn bare(toks: &Toks, i: usize) -> Option<NumberPhrase> {
    let phrase = |end, shape, value| NumberPhrase {
        number_start: i,
        end,
        approx: false,
        shape,
        value,
    };
    if !toks.may_start_number(i) {
        return None;
    }
    if toks.is_number(i) {
        let mut value = parse_decimal(toks.text(i))?;
        let mut next = i + 1;
        // `5 1/2`: a mixed fraction.
        if let Some(f) = simple_fraction(toks.number(next)).filter(|_| toks.continues(next)) {
            value += f;
            next += 1;
        }
        let (end, value) = scales_after(toks, next, value);
        return Some(phrase(end, Shape::Digits, value));
    }
    let w = toks.word(i);
    if w.is_empty() {
        return None;
    }
    // `a` and `an` (the commonest starters) count only before `few`, a
    // scale, `dozen` or a fraction.
    let first = toks.key(i);
    if (first == A || first == AN) && !follows_article(toks.key(i + 1)) {
        return None;
    }
    if let Some(v) = hyphenated_fraction(w) {
        return Some(phrase(i + 1, Shape::Fraction, v));
    }
    if let Some(end) = vague_end(toks, i) {
        let value = scale(w.trim_end_matches(['s', 'S'])).unwrap_or(12.0);
        return Some(phrase(end, Shape::Vague, value));
    }
    if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        return article_phrase(toks, i).map(|(end, shape, v)| phrase(end, shape, v));
    }
    if w.eq_ignore_ascii_case("half") {
        return half_phrase(toks, i).map(|(end, shape, v)| phrase(end, shape, v));
    }
    spelled(toks, i).map(|(end, shape, v)| phrase(end, shape, v))
}

/// The value of `1/2`, `3/4`: a proper fraction with a small denominator.
fn simple_fraction(s: &str) -> Option<f64> {
    let (n, d) = s.split_once('/')?;
    let n: u32 = small_int(n)?;
    let d: u32 = small_int(d).filter(|&d| (2..=10).contains(&d) && d > n)?;
    Some(f64::from(n) / f64::from(d))
}

/// Multiplies by the scale words from token `j` on (`4.5 million`).
fn scales_after(toks: &Toks, mut j: usize, mut value: f64) -> (usize, f64) {
    while toks.continues(j) {
        match scale(toks.word(j)) {
            Some(s) => value *= s,
            None => break,
        }
        j += 1;
    }
    (j, value)
}

/// `dozens`, `hundreds of thousands`, `tens of millions`, `several hundred`,
/// `a few thousand`, `many millions`.
fn vague_end(toks: &Toks, i: usize) -> Option<usize> {
    let w = toks.word(i);
    // `tens` only counts in `tens of thousands` (checked below).
    let mut j = if is_vague_plural(w) || w.eq_ignore_ascii_case("tens") {
        i + 1
    } else {
        let k = if toks.is(i, "a") && toks.continues(i + 1) && toks.is(i + 1, "few") {
            i + 2
        } else if toks.is_any(i, &["several", "few", "many"]) {
            i + 1
        } else {
            return None;
        };
        let next = toks.word(k);
        let scaled = scale(next).is_some() || is_dozen(next) || is_vague_plural(next);
        if !toks.continues(k) || !scaled {
            return None;
        }
        k + 1
    };
    // `… of thousands`, `… of millions`.
    let mut extended = false;
    while toks.continues(j + 1)
        && toks.is(j, "of")
        && toks.is_any(j + 1, &["thousands", "millions", "billions", "trillions"])
    {
        j += 2;
        extended = true;
    }
    if toks.is(i, "tens") && !extended {
        return None;
    }
    Some(j)
}

/// `a dozen`, `a million`, `a hundred thousand`, `a third of`,
/// `a quarter of`.
fn article_phrase(toks: &Toks, i: usize) -> Option<(usize, Shape, f64)> {
    let j = i + 1;
    if !toks.continues(j) {
        return None;
    }
    let w = toks.word(j);
    if is_dozen(w) {
        return Some((j + 1, Shape::Words, 12.0));
    }
    if let Some(s) = scale(w) {
        let (end, v) = scales_after(toks, j + 1, s);
        return Some((end, Shape::Words, v));
    }
    if let Some(d) = fraction(w).filter(|&d| d > 2) {
        if toks.continues(j + 1) && toks.is(j + 1, "of") {
            return Some((j + 1, Shape::Fraction, 1.0 / f64::from(d)));
        }
    }
    None
}

/// `half a million` (a number) or `half` before `of`, `the`, `a` and
/// possessives (a fraction: `half the city`). Elsewhere (`second half`,
/// `in half`) it is not a quantity.
fn half_phrase(toks: &Toks, i: usize) -> Option<(usize, Shape, f64)> {
    const BEFORE: &[&str] = &[
        "of", "the", "a", "an", "its", "their", "his", "her", "our", "your", "all", "them",
        "those", "these", "that", "this",
    ];
    let j = i + 1;
    if !toks.continues(j) || !toks.is_any(j, BEFORE) {
        return None;
    }
    if toks.is_any(j, &["a", "an"]) && toks.continues(j + 1) {
        if let Some(s) = scale(toks.word(j + 1)) {
            let (end, v) = scales_after(toks, j + 2, s * 0.5);
            return Some((end, Shape::Words, v));
        }
    }
    if toks
        .prev(i)
        .is_some_and(|p| toks.is_any(p, &["first", "second", "other", "in", "a", "the"]))
    {
        return None;
    }
    Some((j, Shape::Fraction, 0.5))
}

/// Spelled numbers: `four`, `twenty five`, `one hundred and twenty`,
/// `three million`, `two dozen`, `two and a half`, `two thirds (of)`.
fn spelled(toks: &Toks, i: usize) -> Option<(usize, Shape, f64)> {
    let first = small_cardinal(toks.word(i))?;
    // `two thirds of`, `three quarters of`, `one half of`.
    if let Some(d) = fraction(toks.word(i + 1)) {
        if first > 0 && toks.continues(i + 1) && toks.continues(i + 2) && toks.is(i + 2, "of") {
            return Some((i + 2, Shape::Fraction, f64::from(first) / f64::from(d)));
        }
    }
    let mut total = 0f64;
    let mut current = f64::from(first);
    // True when the last word was a bare tens word (`twenty`), so a unit may
    // follow as a separate word (`twenty five`).
    let mut after_tens = first >= 20 && first % 10 == 0;
    // True when the last word was a scale, so `and` + units may follow.
    let mut after_scale = false;
    let mut j = i + 1;
    while toks.continues(j) {
        let w = toks.word(j);
        if let Some(v) = small_cardinal(w) {
            if after_tens && (1..10).contains(&v) {
                current += f64::from(v);
                after_tens = false;
            } else if after_scale {
                current += f64::from(v);
                after_tens = v >= 20 && v % 10 == 0;
                after_scale = false;
            } else {
                break;
            }
        } else if let Some(s) = scale(w) {
            if current == 0.0 {
                current = 1.0;
            }
            if s < 1e3 {
                current *= s;
            } else {
                total += current * s;
                current = 0.0;
            }
            after_scale = true;
            after_tens = false;
        } else if is_dozen(w) {
            current *= 12.0;
            j += 1;
            break;
        } else if w.eq_ignore_ascii_case("and")
            && toks.continues(j + 1)
            && toks.continues(j + 2)
            && toks.is(j + 1, "a")
            && toks.is(j + 2, "half")
        {
            current += 0.5;
            j += 3;
            // `two and a half million`
            let (end, v) = scales_after(toks, j, total + current);
            return Some((end, Shape::Words, v));
        } else if w.eq_ignore_ascii_case("and")
            && after_scale
            && toks.continues(j + 1)
            && small_cardinal(toks.word(j + 1)).is_some()
        {
            // `one hundred and twenty`: the `and` is taken with the units.
        } else {
            break;
        }
        j += 1;
    }
    Some((j, Shape::Words, total + current))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    #[test]
    fn approximators_found_by_first_word_match_a_plain_scan() {
        let text = "At least 5, at most 6, as many as 7, as much as $8, as few as 9, \
                    as little as 1, as well as, just over 2, just under 3, well above 4, \
                    an estimated 5, about 6, some 7, over 8, AS MANY AS 9, up to 10, as as.";
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut found = 0;
        for i in 0..=t.len() {
            let plain = APPROXIMATORS.iter().find_map(|words| {
                let all = words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| (k == 0 || t.continues(i + k)) && t.is(i + k, w));
                all.then_some(i + words.len())
            });
            assert_eq!(approximator_end(&t, i), plain, "at token {i}");
            found += usize::from(plain.is_some());
        }
        assert_eq!(found, 18, "`just over` holds `over` too");
    }

    /// The phrase found at the first token, as (text, shape, value, approx).
    fn at0(text: &str) -> Option<(String, Shape, f64, bool)> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        parse(&t, 0).map(|p| {
            (
                doc.slice(t.span(0..p.end)).to_string(),
                p.shape,
                p.value,
                p.approx,
            )
        })
    }

    fn text_of(text: &str) -> Option<String> {
        at0(text).map(|p| p.0)
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(
            at0("4,000 people marched"),
            Some(("4,000".into(), Shape::Digits, 4000.0, false))
        );
        assert_eq!(
            at0("4.5 million residents"),
            Some(("4.5 million".into(), Shape::Digits, 4.5e6, false))
        );
        assert_eq!(text_of("1.2 BILLION doses"), Some("1.2 BILLION".into()));
        assert_eq!(text_of("3:30 in the afternoon"), None);
    }

    #[test]
    fn approximators_are_included() {
        assert_eq!(
            at0("about 90 protesters"),
            Some(("about 90".into(), Shape::Digits, 90.0, true))
        );
        assert_eq!(
            text_of("more than 4,000 people"),
            Some("more than 4,000".into())
        );
        assert_eq!(text_of("up to two dozen"), Some("up to two dozen".into()));
        assert_eq!(text_of("at least a dozen"), Some("at least a dozen".into()));
        assert_eq!(text_of("About 90"), Some("About 90".into()));
        assert_eq!(text_of("about the budget"), None);
        assert_eq!(text_of("more than enough"), None);
    }

    #[test]
    fn spelled_numbers() {
        assert_eq!(at0("four people").map(|p| p.2), Some(4.0));
        assert_eq!(at0("Twenty five officers").map(|p| p.2), Some(25.0));
        assert_eq!(
            at0("one hundred and twenty homes"),
            Some(("one hundred and twenty".into(), Shape::Words, 120.0, false))
        );
        assert_eq!(
            at0("two thousand five hundred signatures").map(|p| p.2),
            Some(2500.0)
        );
        assert_eq!(at0("three million people").map(|p| p.2), Some(3e6));
        assert_eq!(at0("a billion dollars").map(|p| p.2), Some(1e9));
        assert_eq!(at0("a dozen witnesses").map(|p| p.2), Some(12.0));
        assert_eq!(at0("two dozen").map(|p| p.2), Some(24.0));
        assert_eq!(at0("two and a half miles").map(|p| p.2), Some(2.5));
        assert_eq!(at0("half a million").map(|p| p.2), Some(5e5));
        assert_eq!(text_of("five six seven"), Some("five".into()));
        assert_eq!(text_of("twenty twenty"), Some("twenty".into()));
        assert_eq!(text_of("a man"), None);
        assert_eq!(text_of("hundred"), None);
    }

    #[test]
    fn vague_amounts() {
        assert_eq!(
            at0("hundreds of protesters"),
            Some(("hundreds".into(), Shape::Vague, 100.0, false))
        );
        assert_eq!(
            text_of("tens of thousands of people"),
            Some("tens of thousands".into())
        );
        assert_eq!(
            text_of("hundreds of millions of dollars"),
            Some("hundreds of millions".into())
        );
        assert_eq!(
            text_of("several hundred people"),
            Some("several hundred".into())
        );
        assert_eq!(
            text_of("a few thousand fans"),
            Some("a few thousand".into())
        );
        assert_eq!(text_of("over a dozen arrests"), Some("over a dozen".into()));
        assert_eq!(text_of("tens of people"), None);
        assert_eq!(text_of("several people"), None);
    }

    #[test]
    fn fractions() {
        assert_eq!(
            at0("three-quarters of voters"),
            Some(("three-quarters".into(), Shape::Fraction, 0.75, false))
        );
        assert_eq!(text_of("a third of the budget"), Some("a third".into()));
        assert_eq!(text_of("a third term"), None);
        assert_eq!(
            text_of("three quarters of homes"),
            Some("three quarters".into())
        );
        assert_eq!(text_of("half the city"), Some("half".into()));
        assert_eq!(text_of("half-time"), None);
        assert_eq!(text_of("half"), None);
    }

    #[test]
    fn half_after_ordinal_is_not_a_quantity() {
        let doc = Document::new("in the second half of the game");
        let t = Toks::new(&doc);
        assert_eq!(parse(&t, 3), None);
    }

    #[test]
    fn lone_one() {
        let doc = Document::new("one of the officers and more than one");
        let t = Toks::new(&doc);
        assert!(parse(&t, 0).is_some_and(|p| p.is_lone_one(&t)));
        assert!(parse(&t, 5).is_some_and(|p| !p.is_lone_one(&t)));
    }
}
