//! A small case-insensitive hash table from fixed words to values, for the
//! word lists every token is looked up in (cue verbs, word classes).
//!
//! Open addressing with linear probing over a power-of-two slot array at
//! most a quarter full; the hash is FNV-1a over the ASCII-lowercased bytes,
//! so lookups allocate nothing and `SAID` finds `said`. A lookup costs one
//! pass over the word and, on a hit, one comparison.

/// A table from words (ASCII case-insensitive) to `V`.
pub struct WordTable<V: Copy> {
    /// Per slot: the word's hash in the high half, its index + 1 into
    /// `entries` in the low half; 0 for an empty slot. The hash spares the
    /// string comparison on most probes.
    slots: Vec<u64>,
    entries: Vec<(&'static str, V)>,
    mask: usize,
}

/// FNV-1a over the bytes with bit 5 set (`A` and `a` hash alike; so do a
/// few punctuation pairs, which only costs a comparison).
pub fn hash(word: &str) -> u32 {
    #[inline(always)]
    fn step(h: u32, b: u8) -> u32 {
        (h ^ u32::from(b | 0x20)).wrapping_mul(0x0100_0193)
    }
    let mut h: u32 = 0x811c_9dc5;
    // Four bytes a turn (every token is hashed: the loop's own overhead
    // was a good part of the cost); the same bytes in the same order.
    let mut quads = word.as_bytes().chunks_exact(4);
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

impl<V: Copy> WordTable<V> {
    /// Builds the table; when a word comes twice, `merge` combines the
    /// values (the first stays when it returns `None`).
    pub fn new(words: &[(&'static str, V)], merge: impl Fn(V, V) -> V) -> Self {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![0; size],
            entries: Vec::with_capacity(words.len()),
            mask: size - 1,
        };
        for &(word, value) in words {
            match table.position(word) {
                Some(k) => {
                    if let Some(entry) = table.entries.get_mut(k) {
                        entry.1 = merge(entry.1, value);
                    }
                }
                None => {
                    let h = hash(word);
                    let mut slot = h as usize & table.mask;
                    while table.slots.get(slot).is_some_and(|&s| s != 0) {
                        slot = (slot + 1) & table.mask;
                    }
                    table.entries.push((word, value));
                    let index = u64::try_from(table.entries.len()).unwrap_or(0);
                    if let Some(s) = table.slots.get_mut(slot) {
                        *s = (u64::from(h) << 32) | index;
                    }
                }
            }
        }
        table
    }

    /// The index of `word` (whose [`hash`] is `h`) in `entries`.
    fn position_hashed(&self, word: &str, h: u32) -> Option<usize> {
        let mut slot = h as usize & self.mask;
        loop {
            let s = *self.slots.get(slot)?;
            if s == 0 {
                return None;
            }
            if (s >> 32) as u32 == h {
                let k = ((s & 0xffff_ffff) as usize).checked_sub(1)?;
                if self
                    .entries
                    .get(k)
                    .is_some_and(|e| e.0.eq_ignore_ascii_case(word))
                {
                    return Some(k);
                }
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// The index of `word` in `entries`, if present.
    fn position(&self, word: &str) -> Option<usize> {
        self.position_hashed(word, hash(word))
    }

    /// The value for `word` (ASCII case-insensitive).
    pub fn get(&self, word: &str) -> Option<V> {
        self.get_hashed(word, hash(word))
    }

    /// [`WordTable::get`] with the word's [`hash`] already known.
    pub fn get_hashed(&self, word: &str, h: u32) -> Option<V> {
        self.position_hashed(word, h)
            .and_then(|k| self.entries.get(k))
            .map(|e| e.1)
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
        }
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
