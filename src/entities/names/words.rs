//! Word-level tests shared by the rule tagger, the document memory and
//! the trained tagger's rules: is a word capitalised like a name, an
//! acronym, an initial; which known name or title starts at a token.

use super::lexicon::{self, class, list, Key};
use super::titles::{self, MAX_TITLE_WORDS};
use crate::entities::Label;
use crate::text::{Document, TokenKind};

/// Most words in a phrase looked up in the lists at once.
pub const MAX_LOOKUP_WORDS: usize = 6;

/// The [`class`] bits of token `i` of `doc` (0 for tokens that are not words).
pub fn class_of(doc: &Document, i: usize) -> u16 {
    if doc.tokens.get(i).map(|t| t.kind) != Some(TokenKind::Word) {
        return 0;
    }
    lexicon::word_class(Key::of(doc.token_text(i)).as_str())
}

/// The longest title starting at token `i` of `doc`, over adjacent words
/// before `end`.
pub fn title_at(doc: &Document, i: usize, end: usize) -> Option<titles::TitleMatch> {
    if class_of(doc, i) & class::TITLE_START == 0 {
        return None;
    }
    title_from(doc, i, end)
}

/// [`title_at`] without the first-word test (for callers that made it).
pub fn title_from(doc: &Document, i: usize, end: usize) -> Option<titles::TitleMatch> {
    let words = (i..end.min(i + MAX_TITLE_WORDS))
        .take_while(|&j| doc.tokens.get(j).map(|t| t.kind) == Some(TokenKind::Word))
        .map(|j| doc.token_text(j));
    titles::title_at(words)
}

/// The longest known place, organisation or demonym starting at token `i`
/// of `doc` (before `end`): its length in tokens and label.
pub fn known_at(doc: &Document, i: usize, end: usize) -> Option<(usize, Label)> {
    let mut key = Key::new();
    let mut best = None;
    for j in i..end.min(i + MAX_LOOKUP_WORDS) {
        let text = doc.token_text(j);
        let is_word = doc.tokens.get(j).map(|t| t.kind) == Some(TokenKind::Word);
        let possessive = matches!(text, "'s" | "’s");
        if !(is_word || text == "&") || (j == i && possessive) || !key.push(text) {
            break;
        }
        let k = key.as_str();
        if let Some(label) = known_label(k) {
            best = Some((j + 1 - i, label));
        }
        let goes_on = list::PLACE_GOES_ON | list::ORG_GOES_ON | list::DEMONYM_GOES_ON;
        if lexicon::lists_of(k) & goes_on == 0 {
            break;
        }
    }
    best
}

/// True for a word that can be part of a name in cased text.
pub fn is_capitalised_word(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    // `Texas-based`, `Anti-war`: adjectives, not names.
    if let Some((head, tail)) = text.rsplit_once('-') {
        let tail_lower = tail.chars().next().is_some_and(char::is_lowercase);
        if tail_lower
            && (lexicon::is_adjective_suffix(tail)
                || matches!(
                    Key::of(head.split('-').next().unwrap_or("")).as_str(),
                    "anti" | "pro" | "ex" | "non" | "post" | "pre" | "mid" | "self" | "neo"
                ))
        {
            return false;
        }
    }
    // `D-Calif.`, `R-Texas`: party and state tags, not names.
    if matches!(text.get(..2), Some("D-" | "R-" | "I-")) {
        return false;
    }
    if first.is_uppercase() {
        // The pronoun I and its contractions; lone letters other than
        // initials are not names either.
        let pronoun = first == 'I' && (text.len() == 1 || text[1..].starts_with(['\'', '’']));
        return !pronoun && text.chars().count() > 1;
    }
    // `al-Assad`, `iPhone`, `eBay`.
    let rest = &text[first.len_utf8()..];
    match text.split_once('-') {
        Some((prefix, after)) => {
            lexicon::is_name_prefix(prefix) && after.chars().next().is_some_and(char::is_uppercase)
        }
        None => rest.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The label of a name in the word lists.
pub fn known_label(key: &str) -> Option<Label> {
    if key.is_empty() {
        return None;
    }
    let lists = lexicon::lists_of(key);
    if lists & list::PLACE != 0 {
        Some(Label::Place)
    } else if lists & list::ORG != 0 {
        Some(Label::Org)
    } else if lexicon::is_demonym(key) {
        Some(Label::Misc)
    } else {
        None
    }
}

/// Capital letters only (2–8 letters; dots, `&` and hyphens allowed):
/// `FBI`, `U.S.`, `AT&T`, `AFL-CIO`. Model numbers (`SX40`) are not.
pub fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && text.chars().next().is_some_and(char::is_uppercase)
        && text
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '&' | '-'))
}

/// Letters in capitals only (at least two): `FBI`, `HEMPSTEAD`, `N.Y.`.
pub fn is_all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// `CDs`, `NGOs`, `MPs`: plurals of common-noun acronyms.
pub fn is_plural_acronym(text: &str) -> bool {
    text.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && is_acronym(stem))
}

/// An initial: one capital letter and a full stop (`J.`).
pub fn is_initial(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

/// The letters of an acronym, for matching initials (`F.B.I.` → `fbi`).
pub fn acronym_key(text: &str) -> Key {
    let mut key = Key::new();
    let mut buf = [0u8; 4];
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        key.push_glued(c.encode_utf8(&mut buf));
    }
    key
}
