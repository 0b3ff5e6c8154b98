//! A read-only view of the document's tokens for the pattern recognisers,
//! and the claim mask that keeps their mentions from overlapping.
//!
//! Every accessor takes a token index and answers "no" (or `""`) when the
//! index is out of range, so the recognisers can look ahead and behind
//! without bounds checks and never panic.

use std::ops::Range;

use super::starters;
use crate::entities::{Entity, Label};
use crate::span::Span;
use crate::text::{Document, Gap, TokenKind};

/// Token `i` starts a paragraph.
const PARAGRAPH_START: u8 = 1;
/// Token `i` starts a sentence.
const SENTENCE_START: u8 = 2;

/// The class bit of a currency sign (`$`, `€`), beside the
/// [`starters`] classes of words.
const CURRENCY_SIGN: u8 = 0x80;

/// What the recognisers read of one token, gathered once per document so
/// that the many word tests per token cost a length check and a compare.
#[derive(Clone, Copy, Debug)]
struct Item<'t> {
    text: &'t str,
    kind: TokenKind,
    gap: Gap,
    /// `PARAGRAPH_START`, `SENTENCE_START`.
    starts: u8,
    /// The word's classes from [`starters::classify`]; numbers are
    /// [`starters::NUMBER`].
    class: u8,
    /// The word's packed lower-case key
    /// ([`crate::text::word_table::key`]), 0 for other
    /// tokens and for long or non-ASCII words.
    key: u128,
}

/// Tokens of one document, with case-insensitive word tests.
pub struct Toks<'d, 't> {
    doc: &'d Document<'t>,
    items: Vec<Item<'t>>,
    /// The indices of the tokens in any [`STARTER_CLASSES`] class, in
    /// order: the only tokens [`scan_starters`] visits.
    starters: Vec<u32>,
}

/// Every [`starters`] class a scan may ask for.
const STARTER_CLASSES: u8 =
    starters::NUMBER | starters::APPROXIMATOR | starters::CALENDAR | starters::HYPHENATED;

impl<'d, 't> Toks<'d, 't> {
    /// A view of `doc`, remembering where paragraphs and sentences start.
    pub fn new(doc: &'d Document<'t>) -> Self {
        let mut items: Vec<Item<'t>> = doc
            .tokens
            .iter()
            .map(|t| {
                let text = t.span.slice(doc.text);
                let (class, key) = match t.kind {
                    TokenKind::Number => (starters::NUMBER, 0),
                    TokenKind::Word => starters::classify_with_key(text),
                    TokenKind::Symbol
                        if text
                            .chars()
                            .next()
                            .is_some_and(crate::text::chars::is_currency) =>
                    {
                        (CURRENCY_SIGN, 0)
                    }
                    _ => (0, 0),
                };
                Item {
                    text,
                    kind: t.kind,
                    gap: t.gap,
                    starts: 0,
                    class,
                    key,
                }
            })
            .collect();
        for p in &doc.paragraphs {
            if let Some(it) = items.get_mut(p.tokens.start) {
                it.starts |= PARAGRAPH_START | SENTENCE_START;
            }
        }
        for s in &doc.sentences {
            if let Some(it) = items.get_mut(s.tokens.start) {
                it.starts |= SENTENCE_START;
            }
        }
        let starters = (0u32..)
            .zip(&items)
            .filter(|(_, it)| it.class & STARTER_CLASSES != 0)
            .map(|(i, _)| i)
            .collect();
        Toks {
            doc,
            items,
            starters,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'t str {
        self.items.get(i).map_or("", |it| it.text)
    }

    /// The packed lower-case key of word `i`
    /// ([`crate::text::word_table::key`]): equal to `key(w)` exactly when
    /// [`Toks::is`]`(i, w)` holds, for a short ASCII `w`; 0 when token `i`
    /// is no short ASCII word.
    pub fn key(&self, i: usize) -> u128 {
        self.items.get(i).map_or(0, |it| it.key)
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.items.get(i).map(|it| it.kind)
    }

    /// The white space before token `i`.
    pub fn gap(&self, i: usize) -> Gap {
        self.items.get(i).map_or(Gap::ParagraphBreak, |it| it.gap)
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// True when token `i` is a number.
    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// The text of token `i` when it is a word, else `""`.
    pub fn word(&self, i: usize) -> &'t str {
        match self.items.get(i) {
            Some(it) if it.kind == TokenKind::Word => it.text,
            _ => "",
        }
    }

    /// The text of token `i` when it is a number, else `""`.
    pub fn number(&self, i: usize) -> &'t str {
        match self.items.get(i) {
            Some(it) if it.kind == TokenKind::Number => it.text,
            _ => "",
        }
    }

    /// Token `i` is the word `w`, in any ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        let t = self.word(i);
        t.len() == w.len() && t.eq_ignore_ascii_case(w)
    }

    /// Token `i` is one of `words`, in any ASCII case.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let t = self.word(i);
        !t.is_empty()
            && words
                .iter()
                .any(|w| t.len() == w.len() && t.eq_ignore_ascii_case(w))
    }

    /// Token `i` is the word `w` with `’` and `'` taken alike, in any ASCII
    /// case (`o’clock`, `Year’s`).
    pub fn is_loose(&self, i: usize, w: &str) -> bool {
        let t = self.word(i);
        if t.is_ascii() {
            return t.len() == w.len() && t.eq_ignore_ascii_case(w);
        }
        let norm = |c: char| {
            if matches!(c, '\u{2019}' | '\u{02BC}') {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        };
        !t.is_empty() && t.chars().map(norm).eq(w.chars().map(norm))
    }

    /// Token `i` is the possessive `'s` split off its word.
    pub fn is_possessive(&self, i: usize) -> bool {
        self.touches(i) && self.is_loose(i, "'s")
    }

    /// Token `i` is punctuation or a symbol spelled exactly `s`.
    pub fn is_punct(&self, i: usize, s: &str) -> bool {
        matches!(
            self.kind(i),
            Some(TokenKind::Punct | TokenKind::Symbol | TokenKind::Dash)
        ) && self.text(i) == s
    }

    /// Token `i` is a comma.
    pub fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",")
    }

    /// Token `i` is a dash or free-standing hyphen (ranges: `2010 – 2015`).
    pub fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Dash)
    }

    /// Token `i` exists and belongs to the same paragraph as token `i - 1`:
    /// multi-token patterns never cross a paragraph.
    pub fn continues(&self, i: usize) -> bool {
        i > 0
            && self
                .items
                .get(i)
                .is_some_and(|it| it.starts & PARAGRAPH_START == 0)
    }

    /// Token `i` exists, continues the paragraph and touches token `i - 1`.
    pub fn touches(&self, i: usize) -> bool {
        self.continues(i) && self.gap(i) == Gap::None
    }

    /// True when token `i` is in one of the [`starters`] classes `mask`
    /// (a fast filter, computed once per token).
    pub fn can_start(&self, i: usize, mask: u8) -> bool {
        self.items.get(i).is_some_and(|it| it.class & mask != 0)
    }

    /// Token `i` is a currency sign: a symbol such as `$`, `€`, `£`.
    pub fn is_currency_sign(&self, i: usize) -> bool {
        self.can_start(i, CURRENCY_SIGN)
    }

    /// Token `i` may start a number phrase: a number, or a word such as
    /// `four`, `a`, `half`, `dozens`.
    pub fn may_start_number(&self, i: usize) -> bool {
        self.can_start(i, starters::NUMBER)
    }

    /// Token `i` is the first word of an approximator (`about`, `more`).
    pub fn may_start_approximator(&self, i: usize) -> bool {
        self.can_start(i, starters::APPROXIMATOR)
    }

    /// Token `i` opens a sentence (or a paragraph).
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.items
            .get(i)
            .is_some_and(|it| it.starts & SENTENCE_START != 0)
    }

    /// The token before `i` in the same paragraph, if any.
    pub fn prev(&self, i: usize) -> Option<usize> {
        if self.continues(i) {
            Some(i - 1)
        } else {
            None
        }
    }

    /// Token `i` is a word whose first letter is upper case.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` is a capitalised word with lower-case letters after the
    /// first (`Route`, not `ROUTE` or `route`): in running text, a name or a
    /// sentence opener.
    pub fn is_title_case(&self, i: usize) -> bool {
        self.is_capitalised(i) && self.text(i).chars().skip(1).any(char::is_lowercase)
    }

    /// Token `i` is a title-case word in mid-sentence: most likely part of
    /// a name (`Route 66`, `Four Seasons`).
    pub fn is_name_like(&self, i: usize) -> bool {
        self.is_title_case(i) && !self.starts_sentence(i)
    }

    /// Byte span of tokens `range`.
    pub fn span(&self, range: Range<usize>) -> Span {
        self.doc.tokens_span(range)
    }
}

/// Which tokens already belong to a pattern mention, so that a later
/// recogniser never overlaps an earlier one.
pub struct Claims {
    taken: Vec<bool>,
}

impl Claims {
    /// No token claimed yet.
    pub fn new(len: usize) -> Self {
        Claims {
            taken: vec![false; len],
        }
    }

    /// True when token `i` is free (out-of-range tokens are never free).
    pub fn is_free(&self, i: usize) -> bool {
        self.taken.get(i).is_some_and(|t| !t)
    }

    /// True when every token in `range` is free (and the range is not empty).
    pub fn all_free(&self, range: Range<usize>) -> bool {
        !range.is_empty()
            && self
                .taken
                .get(range)
                .is_some_and(|ts| ts.iter().all(|t| !t))
    }

    /// Claims `range` for a mention of `label` and records it, unless a token
    /// in it is already taken. Returns whether it was recorded.
    pub fn claim(
        &mut self,
        toks: &Toks,
        range: Range<usize>,
        label: Label,
        out: &mut Vec<Entity>,
    ) -> bool {
        if !self.all_free(range.clone()) {
            return false;
        }
        if let Some(ts) = self.taken.get_mut(range.clone()) {
            ts.iter_mut().for_each(|t| *t = true);
        }
        out.push(Entity::new(toks.span(range), label));
        true
    }
}

/// [`scan`] over only the tokens in one of the [`starters`] classes
/// `mask` (number, approximator, calendar, hyphenated): the others are
/// never visited.
pub fn scan_starters(
    toks: &Toks,
    claims: &mut Claims,
    out: &mut Vec<Entity>,
    mask: u8,
    mut matcher: impl FnMut(&Toks, usize) -> Option<(usize, Label)>,
) {
    debug_assert_eq!(mask & !STARTER_CLASSES, 0, "not a starter class");
    // The first token not yet covered by a mention found here.
    let mut next = 0;
    for &at in &toks.starters {
        let i = at as usize;
        if i < next || !toks.can_start(i, mask) || !claims.is_free(i) {
            continue;
        }
        if let Some((end, label)) = matcher(toks, i) {
            if end > i && claims.claim(toks, i..end, label, out) {
                next = end;
            }
        }
    }
}

/// Runs `matcher` at every free token, left to right; each match `start..end`
/// (with `end > start`) is claimed with the label it returns, unless it
/// runs into a claimed token, and scanning resumes after it.
pub fn scan(
    toks: &Toks,
    claims: &mut Claims,
    out: &mut Vec<Entity>,
    mut matcher: impl FnMut(&Toks, usize) -> Option<(usize, Label)>,
) {
    let mut i = 0;
    while i < toks.len() {
        if claims.is_free(i) {
            if let Some((end, label)) = matcher(toks, i) {
                if end > i && claims.claim(toks, i..end, label, out) {
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors_are_total() {
        let doc = Document::new("In MAY, Route 66.\n\nNext");
        let t = Toks::new(&doc);
        assert!(t.is(1, "may"));
        assert!(!t.is(99, "may"));
        assert_eq!(t.text(99), "");
        assert!(t.is_comma(2));
        assert!(t.is_capitalised(1) && !t.is_title_case(1));
        assert!(t.is_name_like(3));
        assert!(!t.is_name_like(0));
        assert!(t.starts_sentence(0));
        assert!(!t.continues(0));
        assert!(t.continues(1));
        assert!(!t.continues(6), "a blank line starts a new paragraph");
        assert!(t.touches(2) && !t.touches(1));
    }

    #[test]
    fn loose_apostrophes() {
        let doc = Document::new("at five o’clock on New Year's Eve");
        let t = Toks::new(&doc);
        assert!(t.is_loose(2, "O'CLOCK"));
        assert!(t.is_possessive(6));
        assert!(!t.is_possessive(2));
    }

    #[test]
    fn claims_never_overlap() {
        let doc = Document::new("one two three");
        let t = Toks::new(&doc);
        let mut c = Claims::new(t.len());
        let mut out = Vec::new();
        assert!(c.claim(&t, 0..2, Label::Quantity, &mut out));
        assert!(!c.claim(&t, 1..3, Label::Date, &mut out));
        assert!(!c.claim(&t, 3..4, Label::Date, &mut out));
        assert!(c.claim(&t, 2..3, Label::Date, &mut out));
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].span.slice(doc.text), "one two");
    }
}
