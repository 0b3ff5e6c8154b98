//! Gazetteers: lists of known names (countries, cities, given names …)
//! matched case-insensitively over token sequences.
//!
//! The lists are compiled offline by `tools/compile_gazetteers.py` into
//! `models/gazetteers.txt` (sources and licences in `MODEL_CARD.md`). Each
//! entry is tokenized by Lede's own tokenizer when the lists are loaded, so a
//! multi-word entry ("st. louis", "new york city") matches exactly the tokens
//! the tagger sees.

use std::collections::HashMap;

use super::forms::lower_hash;
use super::hash::{Hasher, PreHashed};
use crate::text::token;

/// The lists, in the order of their bits in [`Matches`].
pub const LISTS: [&str; 8] = [
    "country",
    "us_state",
    "region",
    "city",
    "given_name",
    "surname",
    "title",
    "common",
];

/// Longest entry, in tokens, that is matched.
pub const MAX_TOKENS: usize = 6;

/// Flag of a sequence that starts a longer entry.
const PREFIX: u16 = 1 << 15;

/// Seed of entry-sequence hashes.
const SEQUENCE: u64 = 0x51;

/// Where a token sits in the longest match of each list: three bits per
/// list, 0 = no match, 1 = first, 2 = inside, 3 = last, 4 = the whole entry.
pub type Matches = u32;

/// Place lists: a lower-case member can still be a place ("mexico").
pub const PLACE_LISTS: [&str; 4] = ["country", "us_state", "region", "city"];

/// Person-name lists.
pub const NAME_LISTS: [&str; 2] = ["given_name", "surname"];

/// The bits of [`Matches`] (all position codes) of the lists named.
pub fn list_mask(names: &[&str]) -> u32 {
    LISTS
        .iter()
        .enumerate()
        .filter(|(_, l)| names.contains(l))
        .fold(0, |m, (k, _)| m | 0b111 << (3 * k))
}

/// [`list_mask`] of [`PLACE_LISTS`] (lists 0–3, checked by a test).
const PLACE_MASK: u32 = 0o7777;
/// [`list_mask`] of [`NAME_LISTS`] (lists 4–5).
const NAME_MASK: u32 = 0o77 << 12;
/// [`list_mask`] of the common words (list 7).
const COMMON_MASK: u32 = 0o7 << 21;

/// True when a token in `m` is in a place list, or in a person-name list
/// without being a common word: a word list vouches for it as a name.
pub const fn vouches(m: Matches) -> bool {
    m & PLACE_MASK != 0 || (m & NAME_MASK != 0 && m & COMMON_MASK == 0)
}

/// True when a token in `m` is in a person-name list (given names,
/// surnames), common word or not.
pub const fn is_name(m: Matches) -> bool {
    m & NAME_MASK != 0
}

/// True when a token in `m` is in the given-name list.
pub const fn is_given_name(m: Matches) -> bool {
    m & (0o7 << 12) != 0
}

/// True when a token in `m` is one of the most frequent English words.
pub const fn is_common(m: Matches) -> bool {
    m & COMMON_MASK != 0
}

/// The position code of list `list` in `m` (0 when unmatched).
pub const fn position(m: Matches, list: usize) -> u32 {
    (m >> (3 * list)) & 0b111
}

/// Compiled gazetteers.
#[derive(Clone, Debug, Default)]
pub struct Gazetteers {
    /// Sequence hash → bit mask of the lists holding the entry.
    entries: HashMap<u64, u16, PreHashed>,
    /// Longest entry in tokens.
    max_tokens: usize,
    /// Lower-form hashes of the first words of entries.
    first_words: Vec<u64>,
}

/// What a word contributes when a match starts at it: the lists holding
/// it as a one-word entry and whether longer entries start with it (0 when
/// no entry starts with it). See [`Gazetteers::start`].
pub type Start = u16;

/// [`Start`] bits of a one-word entry in the given-name or surname list
/// (lists 4–5).
pub const NAME_START: Start = 1 << 4 | 1 << 5;
/// [`Start`] bit of a one-word entry in the common words (list 7).
pub const COMMON_START: Start = 1 << 7;

/// Hash of a token sequence, extended one token at a time.
#[derive(Clone, Copy, Debug)]
struct Sequence(Hasher);

impl Sequence {
    fn new() -> Self {
        Sequence(Hasher::new(SEQUENCE))
    }
    fn push(self, lower: u64) -> Self {
        Sequence(self.0.add(lower))
    }
    fn key(self) -> u64 {
        self.0.finish()
    }
}

impl Gazetteers {
    /// Parses the compiled text: `# list NAME` starts a section, other `#`
    /// lines are comments, every other line is one entry. Unknown lists are
    /// skipped.
    pub fn parse(text: &str) -> Gazetteers {
        let mut g = Gazetteers::default();
        let mut list: Option<usize> = None;
        for line in text.lines() {
            if let Some(name) = line.strip_prefix("# list ") {
                list = LISTS.iter().position(|l| *l == name.trim());
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some(bit) = list else { continue };
            g.insert(line.trim(), bit);
        }
        g
    }

    fn insert(&mut self, entry: &str, list: usize) {
        // Entries are lower case; the tokenizer keeps the full stop of
        // capitalised abbreviations ("St. Louis"), so tokenize them
        // capitalised, as they appear in text.
        let entry = &capitalise_words(entry);
        let tokens = token::tokenize(entry);
        if tokens.is_empty() || tokens.len() > MAX_TOKENS {
            return;
        }
        let mut seq = Sequence::new();
        for (k, t) in tokens.iter().enumerate() {
            let lower = lower_hash(t.span.slice(entry));
            if k == 0 {
                self.first_words.push(lower);
            }
            seq = seq.push(lower);
            if k + 1 < tokens.len() {
                // Matching may go on past this prefix.
                *self.entries.entry(seq.key()).or_insert(0) |= PREFIX;
            }
        }
        *self.entries.entry(seq.key()).or_insert(0) |= 1 << list;
        self.max_tokens = self.max_tokens.max(tokens.len());
    }

    /// Number of distinct entries.
    pub fn len(&self) -> usize {
        self.entries.values().filter(|&&m| m & !PREFIX != 0).count()
    }

    /// True when no list was loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The lower-form hashes of the words that start entries (unsorted,
    /// possibly repeated): the only words whose [`Gazetteers::start`] is
    /// not 0.
    pub fn first_words(&self) -> &[u64] {
        &self.first_words
    }

    /// What a match starting at the word with lower form `lower` begins
    /// with (callers look it up once per word, together with the word's
    /// other facts).
    pub fn start(&self, lower: u64) -> Start {
        let key = Sequence::new().push(lower).key();
        self.entries.get(&key).copied().unwrap_or(0)
    }

    /// True when `word` is an inflection of one of the most frequent
    /// English words that the list lacks in this form (`Approves`,
    /// `Rebuilds`, `Pledged`: the list has `approve`): in a Title Case
    /// headline such a word is as common as its stem.
    pub fn inflects_common(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let is_common = |stem: &str| {
            stem.chars().count() >= 3 && self.start(lower_hash(stem)) & COMMON_START != 0
        };
        let stripped = |suffix: &str| lower.strip_suffix(suffix);
        stripped("ies").is_some_and(|s| is_common(&format!("{s}y")))
            || ["s", "es", "d", "ed", "ing"]
                .iter()
                .any(|suffix| stripped(suffix).is_some_and(is_common))
            || stripped("ing").is_some_and(|s| is_common(&format!("{s}e")))
    }

    /// Marks the longest match of every list over `lowers` (the lower-form
    /// hashes of consecutive tokens), writing one [`Matches`] per token.
    pub fn matches(&self, lowers: &[u64], out: &mut [Matches]) {
        let starts: Vec<Start> = lowers.iter().map(|&l| self.start(l)).collect();
        self.matches_from(lowers, &starts, out);
    }

    /// [`Gazetteers::matches`] given the [`Gazetteers::start`] of every
    /// token: a match is only looked up further where one starts.
    pub fn matches_from(&self, lowers: &[u64], starts: &[Start], out: &mut [Matches]) {
        for m in out.iter_mut() {
            *m = 0;
        }
        if self.entries.is_empty() {
            return;
        }
        for (start, &first) in starts.iter().enumerate().take(lowers.len()) {
            if first == 0 {
                continue;
            }
            // For each list, the longest length matched from `start`; the
            // lists matched at all, as bits.
            let mut longest = [0usize; LISTS.len()];
            let mut matched = first & LIST_BITS;
            for_each_bit(first & LIST_BITS, |list| set(&mut longest, list, 1));
            if first & PREFIX != 0 {
                let mut seq = Sequence::new().push(lowers.get(start).copied().unwrap_or(0));
                let max = self.max_tokens.min(lowers.len() - start);
                for (len, &lower) in (2..=max).zip(lowers.get(start + 1..).unwrap_or(&[])) {
                    seq = seq.push(lower);
                    let Some(&mask) = self.entries.get(&seq.key()) else {
                        break;
                    };
                    matched |= mask & LIST_BITS;
                    for_each_bit(mask & LIST_BITS, |list| set(&mut longest, list, len));
                    if mask & PREFIX == 0 {
                        break;
                    }
                }
            }
            for_each_bit(matched, |list| {
                let len = longest.get(list).copied().unwrap_or(0);
                let span = out.get_mut(start..start + len).unwrap_or(&mut []);
                if span.iter().any(|m| position(*m, list) != 0) {
                    return; // an earlier, overlapping match of this list wins
                }
                let n = span.len();
                for (k, m) in span.iter_mut().enumerate() {
                    let code = if n == 1 {
                        4
                    } else if k == 0 {
                        1
                    } else if k + 1 == n {
                        3
                    } else {
                        2
                    };
                    *m |= code << (3 * list);
                }
            });
        }
    }
}

/// The bits of the lists in an entry's mask.
const LIST_BITS: u16 = (1 << LISTS.len()) - 1;

/// Calls `f` with the index of every set bit of `bits`, lowest first.
#[inline]
fn for_each_bit(mut bits: u16, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

/// `longest[list] = len`.
#[inline]
fn set(longest: &mut [usize], list: usize, len: usize) {
    if let Some(slot) = longest.get_mut(list) {
        *slot = len;
    }
}

/// `st. louis` → `St. Louis`.
fn capitalise_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for c in s.chars() {
        if at_start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        at_start = c == ' ';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    const LISTS_TEXT: &str = "# test lists\n# list city\nnew york\nst. louis\nyork\n\
                              # list country\ngeorgia\n# list us_state\ngeorgia\nnew york\n";

    fn matches(text: &str) -> Vec<Matches> {
        let g = Gazetteers::parse(LISTS_TEXT);
        let doc = Document::new(text);
        let lowers: Vec<u64> = (0..doc.tokens.len())
            .map(|i| lower_hash(doc.token_text(i)))
            .collect();
        let mut out = vec![0; lowers.len()];
        g.matches(&lowers, &mut out);
        out
    }

    #[test]
    fn longest_match_per_list_any_case() {
        let city = 3;
        let m = matches("She flew from NEW YORK to St. Louis");
        assert_eq!(position(m[3], city), 1);
        assert_eq!(position(m[4], city), 3);
        assert_eq!(position(m[4], 1), 3, "New York is a state too");
        assert_eq!(position(m[6], city), 1);
        assert_eq!(position(m[7], city), 3);
        assert_eq!(m[0], 0);
    }

    #[test]
    fn one_entry_in_several_lists() {
        let m = matches("Georgia");
        assert_eq!(position(m[0], 1), 4);
        assert_eq!(position(m[0], 0), 4);
        assert_eq!(position(m[0], 3), 0);
    }

    #[test]
    fn list_masks_follow_the_list_order() {
        assert_eq!(PLACE_MASK, list_mask(&PLACE_LISTS));
        assert_eq!(NAME_MASK, list_mask(&NAME_LISTS));
        assert_eq!(COMMON_MASK, list_mask(&["common"]));
        assert_eq!(0o7 << 12, list_mask(&["given_name"]));
        let position = |name: &str| LISTS.iter().position(|l| *l == name).unwrap_or(99);
        assert_eq!(
            NAME_START,
            1 << position("given_name") | 1 << position("surname")
        );
        assert_eq!(COMMON_START, 1 << position("common"));
        let m = matches("Georgia");
        assert!(vouches(m[0]));
    }

    #[test]
    fn unknown_lists_and_comments_are_skipped() {
        let g = Gazetteers::parse("# list nonsense\nfoo\n# comment\n# list city\nparis\n");
        assert_eq!(g.len(), 1);
    }
}
