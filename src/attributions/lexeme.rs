//! What the attribution rules need to know about each word, found with one
//! lookup: its cue-verb entry ([`super::cues`]) and its word classes
//! ([`super::lexicon`]). Every token of a document is looked up once, when
//! [`super::source::Ctx`] is built, so this is the engine's per-token cost.

use std::sync::OnceLock;

use super::cues::{self, CueId};
use super::lexicon::{self, Classes};
use super::word_table::WordTable;

/// A word's cue entry and classes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lexeme {
    /// The cue-verb form it is, if any.
    pub cue: Option<CueId>,
    /// Its word classes.
    pub classes: Classes,
}

/// The lengths in bytes of the words that may be cues.
const CUE_LENGTHS: std::ops::RangeInclusive<usize> = 2..=14;

/// The combined table, built once from the cue forms and the class lists.
fn table() -> &'static WordTable<Lexeme> {
    static TABLE: OnceLock<WordTable<Lexeme>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // (A cue form is two to fourteen bytes long: a lookup of a word of
        // any other length finds no cue, decided here once rather than at
        // every token.)
        let mut words: Vec<(&'static str, Lexeme)> = cues::forms()
            .into_iter()
            .map(|(w, id)| {
                (
                    w,
                    Lexeme {
                        cue: CUE_LENGTHS.contains(&w.len()).then_some(id),
                        classes: Classes::default(),
                    },
                )
            })
            .collect();
        words.extend(lexicon::class_words().map(|(w, bit)| {
            (
                w,
                Lexeme {
                    cue: None,
                    classes: Classes(bit),
                },
            )
        }));
        WordTable::new(&words, |a, b| Lexeme {
            cue: match (a.cue, b.cue) {
                (Some(x), Some(y)) => Some(cues::merge_forms(x, y)),
                (x, y) => x.or(y),
            },
            classes: Classes(a.classes.0 | b.classes.0),
        })
    })
}

/// The lexeme of `word` (ASCII case-insensitive).
pub fn lexeme(word: &str) -> Lexeme {
    lexeme_hashed(word, super::word_table::hash(word))
}

/// [`lexeme`] with the word's [`super::word_table::hash`] already known
/// (the learned features reuse it as the word's identity).
pub fn lexeme_hashed(word: &str, h: u32) -> Lexeme {
    Lexemes::get().lexeme_hashed(word, h)
}

/// The lexeme table, fetched once for a run of lookups (one lookup per
/// token of a document: the `OnceLock` check is then paid once).
#[derive(Clone, Copy)]
pub struct Lexemes(&'static WordTable<Lexeme>);

impl Lexemes {
    /// The table (built on first use).
    pub fn get() -> Self {
        Lexemes(table())
    }

    /// [`lexeme_hashed`] in this table.
    #[inline]
    pub fn lexeme_hashed(self, word: &str, h: u32) -> Lexeme {
        self.lexeme_of_bytes(word.as_bytes(), h, || word)
    }

    /// [`lexeme_hashed`] of a word's bytes; `word` gives its text, needed
    /// for the few words the class rules look at (Ctx reads every token's
    /// bytes without checking character boundaries it knows are there).
    #[inline]
    pub fn lexeme_of_bytes<'w>(
        self,
        bytes: &[u8],
        h: u32,
        word: impl FnOnce() -> &'w str,
    ) -> Lexeme {
        if bytes.is_empty() || bytes.len() > 16 {
            return Lexeme::default();
        }
        let mut l = self.0.get_hashed_bytes(bytes, h).unwrap_or_default();
        // The rules only touch words ending in `.` or `y`.
        if matches!(bytes.last(), Some(b'.' | b'y')) {
            l.classes = lexicon::with_rules(word(), l.classes);
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attributions::lexicon::{DETERMINER, TITLE, VERB_MODIFIER};

    #[test]
    fn one_lookup_gives_cue_and_classes() {
        let said = lexeme("Said");
        assert_eq!(said.cue, cues::lookup_id("said"));
        assert!(said.cue.is_some());
        assert!(lexeme("the").classes.has(DETERMINER));
        assert!(lexeme("the").cue.is_none());
        assert!(lexeme("Gen.").classes.has(TITLE));
        assert!(lexeme("reportedly").classes.has(VERB_MODIFIER));
        assert_eq!(lexeme("zebra"), Lexeme::default());
        // Agrees with the separate lookups for every cue form.
        for (form, _) in cues::forms() {
            assert_eq!(lexeme(form).cue, cues::lookup_id(form), "{form}");
        }
    }
}
