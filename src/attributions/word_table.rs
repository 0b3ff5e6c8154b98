//! A small case-insensitive hash table from fixed words to values, for the
//! word lists every token is looked up in (cue verbs, word classes).
//!
//! Open addressing with linear probing over a power-of-two slot array at
//! most half full; the hash is FNV-1a over the ASCII-lowercased bytes,
//! so lookups allocate nothing and `SAID` finds `said`. A slot holds the
//! word's folded bytes and its value, so a lookup costs one pass over the
//! word and, on a hit, one comparison within the slot.

/// FNV-1a over the bytes with bit 5 set (`A` and `a` hash alike; so do a
/// few punctuation pairs, which only costs a comparison).
pub fn hash(word: &str) -> u32 {
    hash_bytes(word.as_bytes())
}

/// [`hash`] of a word's bytes.
#[inline]
pub fn hash_bytes(word: &[u8]) -> u32 {
    #[inline(always)]
    fn step(h: u32, b: u8) -> u32 {
        (h ^ u32::from(b | 0x20)).wrapping_mul(0x0100_0193)
    }
    let mut h: u32 = 0x811c_9dc5;
    // Four bytes a turn (every token is hashed: the loop's own overhead
    // was a good part of the cost); the same bytes in the same order.
    let mut quads = word.chunks_exact(4);
    for quad in &mut quads {
        if let [a, b, c, d] = *quad {
            h = step(step(step(step(h, a), b), c), d);
        }
    }
    for &b in quads.remainder() {
        h = step(h, b);
    }
    h
}

/// [`hash`] at compile time, for the words a feature compares hashes
/// with.
pub const fn hash_const(word: &str) -> u32 {
    let bytes = word.as_bytes();
    let mut h: u32 = 0x811c_9dc5;
    let mut k = 0;
    while k < bytes.len() {
        h = (h ^ (bytes[k] | 0x20) as u32).wrapping_mul(0x0100_0193);
        k += 1;
    }
    h
}

/// A table from words (ASCII case-insensitive) to `V`.
pub struct WordTable<V: Copy> {
    /// The words, their case-folded bytes and their values, in open
    /// addressing: a lookup reads one slot (no pointer to a key or a value
    /// to follow, which was most of the cost of looking up every token).
    slots: Vec<Slot<V>>,
    /// The words by index, for comparing words too long to fold into a
    /// slot.
    words: Vec<&'static str>,
    mask: usize,
}

/// Longest word whose folded bytes a slot holds.
const INLINE: usize = 16;

/// One slot of a [`WordTable`].
#[derive(Clone, Copy)]
struct Slot<V: Copy> {
    /// The word's [`hash`].
    hash: u32,
    /// 1 + the word's index in `words`; 0 for an empty slot.
    index: u32,
    /// The word's length in bytes.
    len: u32,
    /// The word's ASCII-lowercased bytes (zero-padded), when it has at
    /// most [`INLINE`] of them.
    folded: [u8; INLINE],
    /// The word's value.
    value: V,
}

impl<V: Copy> Slot<V> {
    /// True when the slot holds `word` (whose [`hash`] is `h`), ignoring
    /// ASCII case.
    #[inline]
    fn holds(&self, word: &[u8], h: u32, words: &[&'static str]) -> bool {
        if self.hash != h || self.len as usize != word.len() {
            return false;
        }
        match self.folded.get(..word.len()) {
            Some(folded) => word
                .iter()
                .zip(folded)
                .all(|(b, &f)| b.to_ascii_lowercase() == f),
            None => (self.index as usize)
                .checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|w| w.as_bytes().eq_ignore_ascii_case(word)),
        }
    }
}

impl<V: Copy> WordTable<V> {
    /// Builds the table; when a word comes twice, `merge` combines the
    /// values (the first stays when it returns `None`).
    pub fn new(words: &[(&'static str, V)], merge: impl Fn(V, V) -> V) -> Self {
        // Empty slots hold some value that is never read.
        let Some(&(_, filler)) = words.first() else {
            return WordTable {
                slots: Vec::new(),
                words: Vec::new(),
                mask: 0,
            };
        };
        // At most half full: a slot is a few dozen bytes, and lookups that
        // miss stop at the first empty slot.
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: Vec::with_capacity(size),
            words: Vec::with_capacity(words.len()),
            mask: size - 1,
        };
        let mut slots: Vec<Option<Slot<V>>> = vec![None; size];
        for &(word, value) in words {
            let h = hash(word);
            let mut i = h as usize & table.mask;
            loop {
                match slots.get_mut(i) {
                    Some(Some(slot)) if slot.holds(word.as_bytes(), h, &table.words) => {
                        slot.value = merge(slot.value, value);
                        break;
                    }
                    Some(Some(_)) => i = (i + 1) & table.mask,
                    Some(empty) => {
                        table.words.push(word);
                        let mut folded = [0; INLINE];
                        if word.len() <= INLINE {
                            for (f, b) in folded.iter_mut().zip(word.bytes()) {
                                *f = b.to_ascii_lowercase();
                            }
                        }
                        *empty = Some(Slot {
                            hash: h,
                            index: u32::try_from(table.words.len()).unwrap_or(0),
                            len: u32::try_from(word.len()).unwrap_or(u32::MAX),
                            folded,
                            value,
                        });
                        break;
                    }
                    None => break,
                }
            }
        }
        table.slots = slots
            .into_iter()
            .map(|s| {
                s.unwrap_or(Slot {
                    hash: 0,
                    index: 0,
                    len: 0,
                    folded: [0; INLINE],
                    value: filler,
                })
            })
            .collect();
        table
    }

    /// The value for `word` (ASCII case-insensitive).
    pub fn get(&self, word: &str) -> Option<V> {
        self.get_hashed(word, hash(word))
    }

    /// [`WordTable::get`] with the word's [`hash`] already known.
    #[inline]
    pub fn get_hashed(&self, word: &str, h: u32) -> Option<V> {
        self.get_hashed_bytes(word.as_bytes(), h)
    }

    /// [`WordTable::get_hashed`] of a word's bytes.
    #[inline]
    pub fn get_hashed_bytes(&self, word: &[u8], h: u32) -> Option<V> {
        let mut i = h as usize & self.mask;
        loop {
            let slot = self.slots.get(i)?;
            if slot.index == 0 {
                return None;
            }
            if slot.holds(word, h, &self.words) {
                return Some(slot.value);
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_whatever_their_case() {
        let t = WordTable::new(&[("said", 1), ("told", 2), ("said", 4)], |a, b| a | b);
        assert_eq!(t.get("said"), Some(5));
        assert_eq!(t.get("SAID"), Some(5));
        assert_eq!(t.get("Told"), Some(2));
        assert_eq!(t.get("sad"), None);
        assert_eq!(t.get(""), None);
    }

    #[test]
    fn hash_is_fnv1a_of_the_case_folded_bytes() {
        let plain = |w: &str| {
            w.bytes().fold(0x811c_9dc5_u32, |h, b| {
                (h ^ u32::from(b | 0x20)).wrapping_mul(0x0100_0193)
            })
        };
        for w in [
            "",
            "a",
            "said",
            "Said",
            "told",
            "reportedly",
            "e-mail",
            "Élise",
            "spokespeople",
        ] {
            assert_eq!(hash(w), plain(w), "{w}");
            assert_eq!(hash_const(w), plain(w), "{w}");
        }
    }

    #[test]
    fn long_short_and_non_ascii_words() {
        let long = "counterrevolutionaries"; // longer than a slot holds
        let sixteen = "misrepresenting!"; // exactly a slot's bytes
        let t = WordTable::new(
            &[(long, 1), (sixteen, 2), ("Élise", 3), ("ab", 4), ("a", 5)],
            |a, b| a + b,
        );
        assert_eq!(t.get("COUNTERREVOLUTIONARIES"), Some(1));
        assert_eq!(t.get("counterrevolutionarie"), None);
        assert_eq!(t.get("counterrevolutionariesx"), None);
        assert_eq!(t.get("Misrepresenting!"), Some(2));
        assert_eq!(t.get("misrepresenting"), None);
        assert_eq!(t.get("éLISE"), None, "only ASCII letters fold");
        assert_eq!(t.get("ÉLISE"), Some(3));
        assert_eq!(t.get("AB"), Some(4));
        assert_eq!(t.get("ab\0"), None);
        assert_eq!(t.get("A"), Some(5));
        let empty: WordTable<u8> = WordTable::new(&[], |a, _| a);
        assert_eq!(empty.get("said"), None);
    }

    #[test]
    fn many_words_stay_findable() {
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let leaked: Vec<(&'static str, usize)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (&*Box::leak(w.clone().into_boxed_str()), i))
            .collect();
        let t = WordTable::new(&leaked, |a, _| a);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w), Some(i));
        }
        assert_eq!(t.get("w500"), None);
    }
}
