//! The distinct spellings of a document's tokens, so that what depends only
//! on a token's text (its word forms, its facts in the word tables, the
//! scores of its own features) is computed once per spelling: an article
//! repeats its words (`the`, `said`, the names it is about), and fewer than
//! half the tokens of a PolNeAR train article are the first of their
//! spelling.

use super::hash::Hasher;
use crate::text::{Document, TokenKind};

/// Seed of the spelling hashes.
const SEED: u64 = 0x5e;

/// The spelling of every token of a document: tokens share a spelling
/// when their texts are the same and both or neither are words (all a
/// token's [`Form`](super::forms::Form) depends on).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spellings {
    /// The spelling of each token, numbered from 0 in order of first
    /// occurrence.
    pub ids: Vec<u32>,
    /// The first token of each spelling.
    pub first: Vec<usize>,
}

impl Spellings {
    /// The spellings of the tokens of `doc`.
    pub fn of(doc: &Document) -> Spellings {
        let n = doc.tokens.len();
        let bits = (2 * n).next_power_of_two().max(16).trailing_zeros();
        let mask = (1usize << bits) - 1;
        // Open addressing: spelling + 1 in each used slot, 0 when empty.
        let mut slots = vec![0u32; 1 << bits];
        let mut keys: Vec<u64> = Vec::new();
        let bytes = doc.text.as_bytes();
        let mut out = Spellings {
            ids: Vec::with_capacity(n),
            first: Vec::new(),
        };
        for (i, t) in doc.tokens.iter().enumerate() {
            let word = t.kind == TokenKind::Word;
            let k = key(bytes, t.span.start, t.span.end, word);
            // The top bits of a Fibonacci product are well mixed.
            let mut at = (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize;
            let id = loop {
                let Some(slot) = slots.get_mut(at) else {
                    break None;
                };
                let Some(id) = slot.checked_sub(1) else {
                    // A new spelling.
                    let id = out.first.len() as u32;
                    *slot = id + 1;
                    out.first.push(i);
                    keys.push(k);
                    break Some(id);
                };
                // A short key is the text itself; a long one a hash, so
                // the texts are compared.
                let same = keys.get(id as usize) == Some(&k)
                    && (k & LONG == 0
                        || out.first.get(id as usize).is_some_and(|&f| {
                            doc.tokens
                                .get(f)
                                .is_some_and(|o| o.span.slice(doc.text) == t.span.slice(doc.text))
                        }));
                if same {
                    break Some(id);
                }
                at = (at + 1) & mask;
            };
            // The table is never full (at most n of 2n slots are used).
            out.ids.push(id.unwrap_or(0));
        }
        out
    }

    /// Number of distinct spellings.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    /// True for a document without tokens.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }
}

/// Marks the key of a token of eight bytes or more (a hash).
const LONG: u64 = 1 << 63;

/// The key of the token `text[start..end]`: for up to seven bytes the
/// bytes themselves with the length and `word` (so equal keys are equal
/// spellings), for more a hash marked [`LONG`] (equal keys must still be
/// compared).
fn key(text: &[u8], start: usize, end: usize, word: bool) -> u64 {
    let len = end.saturating_sub(start);
    let flag = u64::from(word) << 59;
    let bytes = text.get(start..end).unwrap_or(&[]);
    if len < 8 {
        // Eight bytes from the token's start when the text has them, the
        // bytes past its end masked off.
        let v = little_endian(text.get(start..start + 8).unwrap_or(bytes));
        return v & ((1u64 << (8 * len)) - 1) | (len as u64) << 56 | flag;
    }
    let mut h = Hasher::new(SEED);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = h.add(little_endian(c));
    }
    let rest = little_endian(chunks.remainder());
    h.add(rest).add(len as u64).finish() & !(0xf << 59) | flag | LONG
}

/// Up to eight bytes as a little-endian number (missing high bytes zero).
fn little_endian(bytes: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(bytes) {
        Ok(b) => u64::from_le_bytes(b),
        Err(_) => bytes.iter().rev().fold(0u64, |v, &c| v << 8 | u64::from(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_words_share_a_spelling() {
        let text = "Bass said the plan was good. The plan, Bass said, was the city's plan.";
        let doc = Document::new(text);
        let s = Spellings::of(&doc);
        assert_eq!(s.ids.len(), doc.tokens.len());
        for i in 0..doc.tokens.len() {
            for j in 0..doc.tokens.len() {
                let same = doc.token_text(i) == doc.token_text(j);
                assert_eq!(s.ids[i] == s.ids[j], same, "{i} {j}");
            }
            let first = s.first[s.ids[i] as usize];
            assert!(first <= i && doc.token_text(first) == doc.token_text(i));
        }
        // "the" and "The" differ; "plan" comes three times.
        assert!(s.len() < doc.tokens.len());
        assert_eq!(Spellings::of(&Document::new("")), Spellings::default());
    }

    #[test]
    fn long_and_non_ascii_texts_compare_whole() {
        // Same first eight bytes, different lengths and endings.
        let text = "internationally internationalist internationally José Jose\u{301} José";
        let doc = Document::new(text);
        let s = Spellings::of(&doc);
        assert_eq!(s.ids, vec![0, 1, 0, 2, 3, 2]);
    }
}
