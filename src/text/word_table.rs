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
    let raw = raw_key(word)?;
    is_ascii(raw).then(|| lower(raw))
}

/// The bytes of a word of at most [`MAX_LEN`] bytes, as they are, packed
/// little-endian into a `u128` (zero-padded).
#[inline]
pub fn raw_key(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    let n = b.len();
    // Two overlapping loads instead of a byte loop or a copy.
    let u64_at = |at: usize| {
        b.get(at..at + 8)
            .and_then(|s| s.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let u32_at = |at: usize| {
        b.get(at..at + 4)
            .and_then(|s| s.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    };
    let packed = match n {
        0 => 0,
        1..=3 => {
            let byte = |i: usize| u128::from(b.get(i).copied().unwrap_or(0));
            byte(0) | byte(1) << 8 | byte(2) << 16
        }
        4..=7 => {
            let tail = u64::from(u32_at(n - 4)) >> (8 * (8 - n));
            u128::from(u64::from(u32_at(0)) | tail << 32)
        }
        8 => u128::from(u64_at(0)),
        9..=MAX_LEN => {
            let tail = u64_at(n - 8) >> (8 * (MAX_LEN - n));
            u128::from(u64_at(0)) | u128::from(tail) << 64
        }
        _ => return None,
    };
    Some(packed)
}

/// Every byte's top bit.
const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
/// `0x01` in every byte.
const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;

/// True when every packed byte is ASCII.
#[inline]
pub fn is_ascii(raw: u128) -> bool {
    raw & HIGH == 0
}

/// ASCII lower case of all packed bytes at once (the bytes must be ASCII).
#[inline]
pub fn lower(raw: u128) -> u128 {
    // With every byte below 0x80 no addition carries into the next byte:
    // the top bit of `raw + (0x80 - b'A')` says `byte >= b'A'`, that of
    // `raw + (0x80 - b'Z' - 1)` says `byte > b'Z'`.
    let at_least_a = raw.wrapping_add(ONES * u128::from(0x80 - b'A'));
    let above_z = raw.wrapping_add(ONES * u128::from(0x80 - b'Z' - 1));
    let upper = at_least_a & !above_z & HIGH;
    raw | (upper >> 2)
}

/// True when an ASCII packed word contains byte `b` (itself ASCII and not
/// 0, so the zero padding never matches).
#[inline]
pub fn contains_byte(raw: u128, b: u8) -> bool {
    let x = raw ^ (ONES * u128::from(b));
    let low7 = !HIGH;
    // A byte of `x` is zero exactly when its top bit stays clear here.
    let nonzero = ((x & low7).wrapping_add(low7) | x) & HIGH;
    nonzero != HIGH
}

/// [`key`] for a compile-time word (which must be short ASCII).
// Evaluated at compile time: a bad index is a build error, never a panic.
#[allow(clippy::indexing_slicing)]
pub const fn const_key(word: &str) -> u128 {
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
    // Evaluated at compile time: a bad index is a build error, never a panic.
    #[allow(clippy::indexing_slicing)]
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
