//! Constant-time, case-insensitive lookup of short ASCII words in a fixed
//! word list, built at compile time.
//!
//! The recognisers ask "is this token one of these few hundred words?" for
//! most tokens of a text; a `match` on strings or a linear `contains` does
//! that one comparison per list word. Here a word of up to 16 ASCII bytes is
//! packed, lower-cased, into a `u128`; one multiply picks a slot of an
//! open-addressing table, and a lookup costs a couple of integer compares.

/// The longest word (in bytes) a table can hold.
pub const MAX_LEN: usize = 16;

/// A word of at most [`MAX_LEN`] ASCII bytes, lower-cased and packed
/// little-endian into a `u128` (zero-padded; the empty word is 0).
#[inline]
pub fn key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEN {
        return None;
    }
    let mut buf = [0u8; MAX_LEN];
    let mut ascii = true;
    for (d, &s) in buf.iter_mut().zip(bytes) {
        ascii &= s.is_ascii();
        *d = s.to_ascii_lowercase();
    }
    ascii.then(|| u128::from_le_bytes(buf))
}

/// [`key`] for a compile-time word (which must be short ASCII).
const fn const_key(word: &str) -> u128 {
    let bytes = word.as_bytes();
    assert!(bytes.len() <= MAX_LEN, "word too long for a word table");
    let mut k = 0u128;
    let mut i = 0;
    while i < bytes.len() {
        assert!(bytes[i].is_ascii(), "word tables hold ASCII words");
        k |= (bytes[i].to_ascii_lowercase() as u128) << (8 * i);
        i += 1;
    }
    k
}

/// The slot of `key` in a table of `2^bits` slots.
#[inline]
const fn slot(key: u128, bits: u32) -> usize {
    let lo = key as u64;
    let hi = (key >> 64) as u64;
    let h = (lo ^ hi.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> (64 - bits)) as usize
}

/// A set of words with a small value each (class flags, an index), keyed
/// case-insensitively. `N` is the number of slots: a power of two at least
/// twice the number of words.
pub struct WordTable<const N: usize> {
    keys: [u128; N],
    values: [u8; N],
}

impl<const N: usize> WordTable<N> {
    /// Builds the table at compile time. A word listed twice gets the union
    /// (bitwise or) of its values; no value may be 0 (0 means "absent").
    pub const fn new(words: &[(&str, u8)]) -> Self {
        assert!(N.is_power_of_two() && N >= 2 * words.len());
        let bits = N.trailing_zeros();
        let mut keys = [0u128; N];
        let mut values = [0u8; N];
        let mut w = 0;
        while w < words.len() {
            let (word, value) = words[w];
            assert!(value != 0 && !word.is_empty());
            let k = const_key(word);
            let mut s = slot(k, bits);
            loop {
                if values[s] == 0 {
                    keys[s] = k;
                    values[s] = value;
                    break;
                }
                if keys[s] == k {
                    values[s] |= value;
                    break;
                }
                s = (s + 1) & (N - 1);
            }
            w += 1;
        }
        WordTable { keys, values }
    }

    /// The value of the word with packed key `key` (0 when absent).
    #[inline]
    pub fn get_key(&self, key: u128) -> u8 {
        let bits = N.trailing_zeros();
        let mut s = slot(key, bits);
        // The table is at most half full, so a probe always meets an empty
        // slot; the bound only guards against a logic error.
        for _ in 0..N {
            match (self.values.get(s), self.keys.get(s)) {
                (Some(&v), Some(&k)) if v != 0 => {
                    if k == key {
                        return v;
                    }
                }
                _ => return 0,
            }
            s = (s + 1) & (N - 1);
        }
        0
    }

    /// The value of `word` in any ASCII case (0 when absent).
    #[inline]
    pub fn get(&self, word: &str) -> u8 {
        key(word).map_or(0, |k| self.get_key(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTHS: WordTable<32> = WordTable::new(&[
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("may", 5),
        ("sept.", 9),
        ("may", 64),
    ]);

    #[test]
    fn lookups_ignore_ascii_case() {
        assert_eq!(MONTHS.get("March"), 3);
        assert_eq!(MONTHS.get("FEBRUARY"), 2);
        assert_eq!(MONTHS.get("Sept."), 9);
        assert_eq!(
            MONTHS.get("may"),
            5 | 64,
            "a repeated word gets both values"
        );
        assert_eq!(MONTHS.get("Marc"), 0);
        assert_eq!(MONTHS.get("marchh"), 0);
        assert_eq!(MONTHS.get(""), 0);
        assert_eq!(MONTHS.get("Mär"), 0);
        assert_eq!(MONTHS.get(&"march".repeat(10)), 0);
    }

    #[test]
    fn keys_pack_lower_case() {
        assert_eq!(key("Ab"), key("aB"));
        assert_ne!(key("ab"), key("ab."));
        assert_eq!(key("é"), None);
        assert_eq!(key(&"x".repeat(17)), None);
        assert_eq!(
            key("x".repeat(16).as_str()),
            Some(const_key(&"x".repeat(16)))
        );
    }
}
