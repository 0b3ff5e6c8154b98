//! A small, fast, deterministic hash (FxHash-style mixing with a final
//! avalanche) for feature keys and gazetteer entries.
//!
//! Features are never stored as strings: the tagger hashes the characters of
//! each token once and combines those hashes, so extracting a token's
//! features allocates nothing. Training and inference share this code, so a
//! key means the same feature on both sides.

use std::hash::{BuildHasherDefault, Hasher as StdHasher};

const MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

/// An incremental hash state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hasher(u64);

impl Hasher {
    /// A fresh state; `seed` separates otherwise equal inputs (feature
    /// templates, gazetteer sequences).
    pub const fn new(seed: u64) -> Self {
        Hasher(seed.wrapping_mul(MULTIPLIER) ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// Mixes in one value.
    #[inline]
    pub const fn add(self, x: u64) -> Self {
        Hasher((self.0.rotate_left(5) ^ x).wrapping_mul(MULTIPLIER))
    }

    /// The final, well-mixed value.
    #[inline]
    pub const fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// Folds a 64-bit hash into a non-zero 32-bit feature key (zero marks an
/// empty slot in the model's table).
#[inline]
pub const fn feature_key(h: u64) -> u32 {
    let k = (h ^ (h >> 32)) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// The key of a feature: a template id and up to two hashed values.
#[inline]
pub const fn key(template: u64, a: u64, b: u64) -> u32 {
    feature_key(Hasher::new(template).add(a).add(b).finish())
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub struct Identity(u64);

impl StdHasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Build hasher for maps keyed by values that are already hashes.
pub type PreHashed = BuildHasherDefault<Identity>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_templates_and_values() {
        assert_ne!(key(1, 7, 0), key(2, 7, 0));
        assert_ne!(key(1, 7, 0), key(1, 8, 0));
        assert_ne!(key(1, 7, 8), key(1, 8, 7));
        assert_eq!(key(3, 5, 6), key(3, 5, 6));
        assert_ne!(feature_key(0), 0);
    }
}
