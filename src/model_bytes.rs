//! The byte format shared by Lede's embedded model files: little-endian
//! fixed-width numbers and LEB128 varints, read through a bounds-checked
//! cursor so that a truncated or corrupt file decodes to `None`, never a
//! panic. Both the name model (`entities::names::tagger::model`) and the
//! attribution model (`attributions::learned::model`) use it.

/// Appends `v` as an unsigned LEB128 varint (7 bits a byte, low first).
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A bounds-checked reader over a model file's bytes.
pub struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'b [u8]) -> Reader<'b> {
        Reader { bytes, pos: 0 }
    }

    /// The next `n` bytes, or `None` past the end.
    pub fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    /// True when every byte has been read (a model file has no trailer).
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// The next byte.
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    /// The next four bytes, for the caller's `from_le_bytes`.
    pub fn four(&mut self) -> Option<[u8; 4]> {
        self.take(4)?.try_into().ok()
    }

    /// The next little-endian `i16`.
    pub fn i16(&mut self) -> Option<i16> {
        let b: [u8; 2] = self.take(2)?.try_into().ok()?;
        Some(i16::from_le_bytes(b))
    }

    /// The next little-endian `u32`.
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.four()?))
    }

    /// The next LEB128 varint; `None` if it runs past five bytes or the end.
    pub fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut out = Vec::new();
        for v in values {
            put_varint(&mut out, v);
        }
        let mut r = Reader::new(&out);
        for v in values {
            assert_eq!(r.varint(), Some(v));
        }
        assert_eq!(r.u8(), None);
    }

    #[test]
    fn truncated_input_reads_as_none() {
        let mut r = Reader::new(&[0x80, 0x80]);
        assert_eq!(r.varint(), None);
        let mut r = Reader::new(&[1, 2, 3]);
        assert_eq!(r.u32(), None);
        assert_eq!(Reader::new(&[0x34, 0x12]).i16(), Some(0x1234));
        // Six continuation bytes overflow a u32.
        assert_eq!(Reader::new(&[0xff; 6]).varint(), None);
    }
}
