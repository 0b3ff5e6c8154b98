//! Whether capital letters carry information in a sentence.
//!
//! In prose a capital marks a name; in an ALL-CAPS headline, a Title Case
//! headline or a short heading every word has one, so capitals say nothing
//! and names must come from elsewhere (titles, word lists, the rest of the
//! article). Shared by the rule tagger and the trained tagger, so both read
//! a sentence the same way.

use crate::text::{Document, Gap, TokenKind};

/// Whether capital letters carry information in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    /// Ordinary prose.
    Cased,
    /// A short heading or caption on its own line: capitalised runs are
    /// read as in prose, but each needs evidence beyond its capitals.
    Heading,
    /// Title Case headline: acronyms still stand out.
    Title,
    /// ALL CAPS: no signal at all.
    Upper,
}

impl Casing {
    /// True when capitals say nothing about names (ALL CAPS, Title Case).
    pub const fn is_uncased(self) -> bool {
        matches!(self, Casing::Title | Casing::Upper)
    }
}

/// Reads the capitals of tokens `start..end` of `doc` (a sentence): mostly
/// ALL CAPS, Title Case with no lower-case content word, a heading, or
/// ordinary prose. `is_minor(i)` tells whether the lower-case word `i` is a
/// function word or particle (`of`, `the`, `de`), which Title Case leaves in
/// lower case; it is only asked when the answer matters.
pub fn sentence_casing(
    doc: &Document,
    start: usize,
    end: usize,
    is_minor: impl Fn(usize) -> bool,
) -> Casing {
    sentence_casing_with(doc, start, end, is_minor, |i| {
        WordCase::of(doc.token_text(i))
    })
}

/// [`sentence_casing`] given the [`WordCase`] of each word token (`case_of`,
/// for a caller that has them at hand).
pub fn sentence_casing_with(
    doc: &Document,
    start: usize,
    end: usize,
    is_minor: impl Fn(usize) -> bool,
    mut case_of: impl FnMut(usize) -> WordCase,
) -> Casing {
    let (mut words, mut upper, mut capital, mut long_upper) = (0usize, 0usize, 0usize, false);
    let mut lower_words = 0usize;
    let word = |i: usize| doc.tokens.get(i).map(|t| t.kind) == Some(TokenKind::Word);
    for i in start..end {
        if !word(i) {
            continue;
        }
        let w = case_of(i);
        if w.letters < 2 {
            continue;
        }
        words += 1;
        if !w.any_lower {
            upper += 1;
            long_upper |= w.letters >= 4;
        } else if w.first_upper {
            capital += 1;
        } else {
            lower_words += 1;
        }
    }
    if words == 0 {
        return Casing::Cased;
    }
    if (upper >= 2 && upper * 10 >= words * 6) || (words == upper && long_upper) {
        return Casing::Upper;
    }
    let could_be_heading = words <= 4 && capital >= 1;
    let could_be_title = words >= 5 && capital >= 4;
    if !(could_be_heading || could_be_title) {
        return Casing::Cased;
    }
    // Any lower-case content word makes it prose.
    if lower_words > 0 {
        let lower_content = (start..end).any(|i| {
            word(i) && {
                let w = case_of(i);
                w.letters >= 2 && !w.first_upper && w.any_lower && !is_minor(i)
            }
        });
        if lower_content {
            return Casing::Cased;
        }
    }
    if could_be_heading && is_heading(doc, start, end) {
        Casing::Heading
    } else if could_be_title {
        Casing::Title
    } else {
        Casing::Cased
    }
}

/// The case facts of one word, read in one pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordCase {
    /// Number of alphabetic characters.
    pub letters: usize,
    /// Some character is lower case.
    pub any_lower: bool,
    /// The first character is upper case.
    pub first_upper: bool,
}

impl WordCase {
    /// The case facts of `text`.
    pub fn of(text: &str) -> WordCase {
        // One pass over ASCII (words are short: a plain loop beats
        // vectorised counting): `c | 0x20` is a lower-case letter exactly
        // when `c` is a letter.
        let b = text.as_bytes();
        let (mut letters, mut any_lower) = (0usize, false);
        for &c in b {
            if !c.is_ascii() {
                return WordCase::of_chars(text);
            }
            letters += usize::from((c | 0x20).wrapping_sub(b'a') < 26);
            any_lower |= c.wrapping_sub(b'a') < 26;
        }
        WordCase {
            letters,
            any_lower,
            first_upper: b.first().is_some_and(u8::is_ascii_uppercase),
        }
    }

    /// [`WordCase::of`] for any text.
    fn of_chars(text: &str) -> WordCase {
        WordCase {
            letters: text.chars().filter(|c| c.is_alphabetic()).count(),
            any_lower: text.chars().any(char::is_lowercase),
            first_upper: text.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// A line of its own without closing punctuation: a heading or caption.
pub fn is_heading(doc: &Document, start: usize, end: usize) -> bool {
    let own_line = |i: usize| doc.tokens.get(i).is_none_or(|t| t.gap >= Gap::LineBreak);
    let unpunctuated = end.checked_sub(1).is_some_and(|last| {
        !matches!(
            doc.tokens.get(last).map(|t| t.kind),
            Some(TokenKind::Punct | TokenKind::Ellipsis | TokenKind::Quote(_))
        )
    });
    (start == 0 || own_line(start)) && own_line(end) && unpunctuated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::names::lexicon::{self, class, Key};

    fn casing_of(text: &str) -> Casing {
        let doc = Document::new(text);
        let minor = |i: usize| {
            lexicon::word_class(Key::of(doc.token_text(i)).as_str())
                & (class::FUNCTION | class::PARTICLE)
                != 0
        };
        sentence_casing(&doc, 0, doc.tokens.len(), minor)
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        for text in [
            "", "a", "Z", "@[`{", "FBI", "iPhone", "O'Brien", "N.Y.", "x1-Y2", "mid-2024", "ÉCOLE",
        ] {
            let (a, b) = (WordCase::of(text), WordCase::of_chars(text));
            assert_eq!(
                (a.letters, a.any_lower, a.first_upper),
                (b.letters, b.any_lower, b.first_upper),
                "{text:?}"
            );
        }
        for c in 0u8..128 {
            let text = [b'A', c, b'b'];
            let text = std::str::from_utf8(&text).unwrap_or("");
            let (a, b) = (WordCase::of(text), WordCase::of_chars(text));
            assert_eq!((a.letters, a.any_lower), (b.letters, b.any_lower), "{c}");
        }
    }

    #[test]
    fn headlines_headings_and_prose() {
        assert_eq!(
            casing_of("COUNCIL VOTES TO REBUILD MARSHALL PARK POOL"),
            Casing::Upper
        );
        assert_eq!(
            casing_of("Karen Bass Says Los Angeles Will Rebuild After Fires"),
            Casing::Title
        );
        assert_eq!(casing_of("Photos of the Day"), Casing::Heading);
        assert_eq!(
            casing_of("LA Mayor Rosa Quintero vows to keep branch libraries open"),
            Casing::Cased
        );
        assert_eq!(
            casing_of("The council voted on Monday to rebuild the pool."),
            Casing::Cased
        );
        assert_eq!(casing_of(""), Casing::Cased);
        assert!(Casing::Upper.is_uncased() && !Casing::Heading.is_uncased());
    }
}
