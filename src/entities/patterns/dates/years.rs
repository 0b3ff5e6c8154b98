//! Years, decades, centuries and ages: `in 2025`, `(Garcia, 2011)`,
//! `c. 1818`, `the 2024 election`, `347 AD`, `2010 – 2015`, `the 1990s`,
//! `the ’90s`, `the sixties`, `the 19th century`, `Jane Doe, 45,`.
//!
//! A bare year needs context (a preposition, brackets, a citation, a
//! determiner before a noun, an event name, a line of its own), and is
//! never followed by a counted noun: `in 2000 homes` is a QUANTITY.

use super::*;

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
pub(super) fn year_at(t: &Toks, i: usize, given: bool) -> Option<usize> {
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
        && (crate::entities::patterns::quantity::is_unit(t.word(end))
            || time_unit_of_key(t.key(end)).is_some());
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
pub(super) fn year_context(t: &Toks, i: usize, end: usize) -> bool {
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
pub(super) fn range_end(s: &str, from: u32) -> Option<u32> {
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
pub(super) fn plausible_range(from: u32, to: u32) -> bool {
    from >= 1600 && to > from && to - from <= 100
}

/// `AD`, `BC`, `BCE`, `CE`, `B.C.`, `A.D.` (capitals only).
fn is_era(t: &Toks, j: usize) -> bool {
    let w = t.word(j);
    ["AD", "BC", "BCE", "CE", "A.D.", "B.C.", "B.C.E.", "C.E."].contains(&w)
}

/// `the 1990s`, `the ’90s`, `the early 1990s`, `1990s`, `’90s`,
/// `the 1990's`, `their 20s`.
pub(super) fn decade_at(t: &Toks, i: usize) -> Option<usize> {
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

/// Decades spelled out (also the words [`super::starts`] lets follow `the`).
pub(super) const SPELLED_DECADES: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// `twenties` … `nineties`: decades (or ages) after `the`, `their`, `early`.
fn is_spelled_decade(w: &str) -> bool {
    SPELLED_DECADES.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// `the 19th century`, `the late 20th century`, `the twentieth century`,
/// `21st-century`.
pub(super) fn century_at(t: &Toks, i: usize) -> Option<usize> {
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

/// An age in apposition: `Jane Doe, 45, said`, `The mayor, 58, took
/// office`: a number from 1 to 119 between commas, after a noun and before
/// a word.
pub(super) fn age_at(t: &Toks, i: usize) -> Option<usize> {
    const NOT_NOUNS: &[&str] = &["and", "or", "of", "the", "to", "in", "than", "at", "about"];
    let age =
        small_int(t.number(i)).is_some_and(|a| (1..=119).contains(&a) && t.number(i).len() <= 3);
    if !age {
        return None;
    }
    let before = t.prev(i).filter(|&p| t.is_comma(p)).and_then(|p| t.prev(p));
    let after_noun = before.is_some_and(|n| t.is_word(n) && !t.is_any(n, NOT_NOUNS));
    let comma_after = t.continues(i + 1) && t.is_comma(i + 1);
    let word_next = t.continues(i + 2) && t.is_word(i + 2) && !t.is_any(i + 2, &["and", "or"]);
    (age && after_noun && comma_after && word_next).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{dates, NONE};

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
    fn ages_in_apposition() {
        assert_eq!(dates("Maria Lopez, 45, said she was afraid."), ["45"]);
        assert_eq!(dates("Items 3, 45, and 6 are missing."), NONE);
        assert_eq!(dates("The mayor, 58, took office."), ["58"]);
        assert_eq!(dates("Dana Reyes, 34, of Tucson was held."), ["34"]);
        assert_eq!(dates("We counted apples, 12, and pears."), NONE);
    }
}
