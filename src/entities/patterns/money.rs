//! MONEY: amounts with a currency.
//!
//! - A currency sign before the amount: `$4.5 million`, `$4.5m`, `€20`,
//!   `£3bn`, `US$5`, `HK$ 10`, `¥100`, `$1,200`, `$5-a-day`, `$4.5 MILLION`.
//! - An ISO code before or after: `USD 5 million`, `20 EUR`.
//! - A currency word after a number phrase: `20 euros`, `5 million
//!   dollars`, `a billion dollars`, `50 cents`, `millions of dollars`,
//!   `10 US dollars`, `100 pounds sterling`.
//! - A sign after the amount (European style): `20 €`, `50¢`.
//!
//! An approximator before the amount is part of the mention (`more than $4
//! million`). Plain `pounds` is a weight (QUANTITY) unless `sterling`
//! follows; British amounts are almost always written with `£`.

use super::number_phrase::{self, Shape};
use super::number_words::{parse_decimal, scale};
use super::starters;
use super::tokens::{scan, Claims, Toks};
use crate::entities::{Entity, Label};
use crate::text::word_table::WordTable;

/// Adds every MONEY mention over free tokens.
pub fn find(toks: &Toks, claims: &mut Claims, out: &mut Vec<Entity>) {
    scan(toks, claims, out, |t, i| {
        // A currency prefix (`US$`) is followed by a sign, a code is three
        // letters: other words start no amount.
        let start = t.can_start(i, starters::NUMBER | starters::APPROXIMATOR)
            || is_sign(t, i)
            || (t.is_word(i) && (is_sign(t, i + 1) || is_code(t.word(i))));
        start
            .then(|| money_at(t, i))
            .flatten()
            .map(|end| (end, Label::Money))
    });
}

/// The end of a MONEY mention starting at token `i`.
pub fn money_at(t: &Toks, i: usize) -> Option<usize> {
    if let Some(after) = number_phrase::approximator_end(t, i) {
        if let Some(end) = t.continues(after).then(|| amount_at(t, after)).flatten() {
            return Some(end);
        }
    }
    amount_at(t, i)
}

/// Currency words after an amount (singular and plural forms).
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "cent", "cents", "yen", "yuan", "renminbi", "rupee",
    "rupees", "peso", "pesos", "franc", "francs", "ruble", "rubles", "rouble", "roubles", "shekel",
    "shekels", "lira", "lire", "naira", "dinar", "dinars", "dirham", "dirhams", "riyal", "riyals",
    "rand", "baht", "krona", "kronor", "krone", "kroner", "zloty", "zlotys", "hryvnia", "hryvnias",
    "rupiah", "ringgit", "bucks", "pence", "bitcoin", "bitcoins",
];

/// ISO 4217 codes common in news (capitals only).
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "NZD", "HKD", "INR", "RUB",
    "SEK", "NOK", "DKK", "MXN", "BRL", "ZAR", "KRW", "SGD", "TRY", "ILS", "NGN", "UAH", "PLN",
];

/// Letters glued before `$` that say which dollar: `US$`, `HK$`, `A$`.
const DOLLAR_PREFIXES: &[&str] = &[
    "US", "U.S.", "A", "AU", "C", "CA", "HK", "NZ", "S", "NT", "R", "Mex", "Z",
];

/// Nationality words between an amount and `dollars`: `10 US dollars`.
const DOLLAR_NATIONS: &[&[&str]] = &[
    &["US"],
    &["U.S."],
    &["American"],
    &["Canadian"],
    &["Australian"],
    &["Singapore"],
    &["Taiwan"],
    &["Hong", "Kong"],
    &["New", "Zealand"],
    &["Jamaican"],
    &["Zimbabwean"],
];

/// True when token `i` is a currency sign.
/// True for a currency code: `USD`, `EUR`.
fn is_code(w: &str) -> bool {
    // Every code is three capital letters: most words fail the first test.
    w.len() == 3 && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase()) && CODES.contains(&w)
}

fn is_sign(t: &Toks, i: usize) -> bool {
    t.is_currency_sign(i)
}

/// An amount with its currency, without approximator, at token `i`.
fn amount_at(t: &Toks, i: usize) -> Option<usize> {
    // `US$5`: a prefix glued to the sign.
    let sign = if t.is_word(i)
        && DOLLAR_PREFIXES.contains(&t.word(i))
        && t.touches(i + 1)
        && is_sign(t, i + 1)
    {
        Some(i + 1)
    } else if is_sign(t, i) {
        Some(i)
    } else {
        None
    };
    if let Some(s) = sign {
        return t.continues(s + 1).then(|| figure_end(t, s + 1)).flatten();
    }
    if is_code(t.word(i)) && t.continues(i + 1) {
        return figure_end(t, i + 1);
    }
    let p = number_phrase::bare(t, i)?;
    let k = p.end;
    if !t.continues(k) {
        return None;
    }
    if p.shape == Shape::Vague {
        // `millions of dollars`, `hundreds of millions of euros`
        let of = t.is(k, "of") && t.continues(k + 1);
        return (of && currency_word_end(t, k + 1).is_some())
            .then(|| currency_word_end(t, k + 1))
            .flatten();
    }
    if p.shape == Shape::Fraction {
        return None;
    }
    if let Some(end) = currency_word_end(t, k) {
        return Some(end);
    }
    if is_code(t.word(k)) {
        return Some(k + 1);
    }
    // `20 €`, `50¢`: a sign after the amount, not before another amount.
    if p.shape == Shape::Digits && is_sign(t, k) && !t.is_number(k + 1) {
        return Some(k + 1);
    }
    None
}

/// The first words of currency names: the nations of [`DOLLAR_NATIONS`],
/// [`CURRENCY_WORDS`], `pound`.
static CURRENCY_STARTS: WordTable<256> = {
    let mut words = [("", 1u8); DOLLAR_NATIONS.len() + CURRENCY_WORDS.len() + 2];
    let mut n = 0;
    while n < DOLLAR_NATIONS.len() {
        words[n].0 = DOLLAR_NATIONS[n][0];
        n += 1;
    }
    let mut c = 0;
    while c < CURRENCY_WORDS.len() {
        words[n].0 = CURRENCY_WORDS[c];
        n += 1;
        c += 1;
    }
    words[n].0 = "pound";
    words[n + 1].0 = "pounds";
    WordTable::new(&words)
};

/// True when the word with packed key `key` may open a currency name
/// (every such word is short ASCII, so has a key).
fn opens_currency_word(key: u128) -> bool {
    key != 0 && CURRENCY_STARTS.get_key(key) != 0
}

/// The end of a currency word (with an optional nationality for dollars)
/// at token `k`.
fn currency_word_end(t: &Toks, k: usize) -> Option<usize> {
    if !opens_currency_word(t.key(k)) {
        return None;
    }
    for nation in DOLLAR_NATIONS {
        let fits = nation
            .iter()
            .enumerate()
            .all(|(n, w)| t.continues(k + n) && t.is(k + n, w));
        let d = k + nation.len();
        if fits && t.continues(d) && t.is_any(d, &["dollar", "dollars"]) {
            return Some(d + 1);
        }
    }
    if !t.continues(k) {
        return None;
    }
    if t.is_any(k, CURRENCY_WORDS) {
        return Some(k + 1);
    }
    // `pounds sterling`; plain `pounds` is a weight.
    let pounds = t.is_any(k, &["pound", "pounds"]);
    (pounds && t.continues(k + 1) && t.is(k + 1, "sterling")).then_some(k + 2)
}

/// The end of the figure after a sign or code: `4.5 million`, `4.5m`,
/// `3bn`, `1,200`, `5-a-day`, `10-20`.
fn figure_end(t: &Toks, j: usize) -> Option<usize> {
    let s = t.number(j);
    if s.is_empty() {
        // `$ five million`
        let p = number_phrase::bare(t, j)?;
        return matches!(p.shape, Shape::Words).then_some(p.end);
    }
    let plain = parse_decimal(s).is_some();
    let glued = magnitude_suffix(s);
    let hyphenated = split_hyphen_head(s).is_some_and(|h| parse_decimal(h).is_some());
    if !(plain || glued || hyphenated) {
        return None;
    }
    let mut end = j + 1;
    if plain {
        while t.continues(end) && scale(t.word(end)).is_some() {
            end += 1;
        }
    }
    Some(end)
}

/// True for a number with a glued magnitude: `4.5m`, `3bn`, `20K`,
/// `1.2tn`, `5B`.
fn magnitude_suffix(s: &str) -> bool {
    let digits = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    let (num, suffix) = s.split_at_checked(digits).unwrap_or(("", ""));
    parse_decimal(num).is_some()
        && ["m", "mn", "bn", "b", "k", "tn", "trn", "mln", "bln"]
            .iter()
            .any(|m| m.eq_ignore_ascii_case(suffix))
}

/// The part of a number token before its first hyphen (`5` in `5-a-day`).
fn split_hyphen_head(s: &str) -> Option<&str> {
    let at = s.find(crate::text::chars::is_hyphen)?;
    s.get(..at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Every MONEY mention in `text`, as text.
    fn money(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let t = Toks::new(&doc);
        let mut claims = Claims::new(t.len());
        let mut out = Vec::new();
        find(&t, &mut claims, &mut out);
        out.iter().map(|e| e.span.slice(text)).collect()
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn signs_before_amounts() {
        assert_eq!(
            money("The city approved $4.5 million, up from $4.5m last year."),
            ["$4.5 million", "$4.5m"]
        );
        assert_eq!(
            money("Tickets cost €20; the club owes £3bn and ¥100 buys a coffee."),
            ["€20", "£3bn", "¥100"]
        );
        assert_eq!(
            money("Aid of US$5 billion and HK$ 10 fares."),
            ["US$5 billion", "HK$ 10"]
        );
        assert_eq!(
            money("A bill of $1,200 for a $5-a-day plan."),
            ["$1,200", "$5-a-day"]
        );
        assert_eq!(money("THE DEAL IS WORTH $4.5 MILLION"), ["$4.5 MILLION"]);
        assert_eq!(money("Costs ran $10-20 per head."), ["$10-20"]);
    }

    #[test]
    fn currency_words_and_codes() {
        assert_eq!(
            money("He paid 20 euros, then 5 million dollars, then a billion dollars."),
            ["20 euros", "5 million dollars", "a billion dollars"]
        );
        assert_eq!(
            money("Fares rose 50 cents; the fund lost millions of dollars."),
            ["50 cents", "millions of dollars"]
        );
        assert_eq!(
            money("The loan was 10 US dollars, or USD 5 million, or 20 EUR."),
            ["10 US dollars", "USD 5 million", "20 EUR"]
        );
        assert_eq!(
            money("It cost 100 pounds sterling."),
            ["100 pounds sterling"]
        );
        assert_eq!(money("A bag of 100 pounds."), NONE);
        assert_eq!(money("The bill is 20 € in Paris."), ["20 €"]);
    }

    #[test]
    fn approximators_are_included() {
        assert_eq!(
            money("The project cost more than $4 million and about 300 dollars a day."),
            ["more than $4 million", "about 300 dollars"]
        );
    }

    #[test]
    fn not_money() {
        assert_eq!(money("The $ sign and $ alone."), NONE);
        assert_eq!(money("Dollars are strong; the euro fell."), NONE);
        assert_eq!(money("Two-thirds of dollars."), NONE);
        assert_eq!(money("$$$ and $abc."), NONE);
    }
}
