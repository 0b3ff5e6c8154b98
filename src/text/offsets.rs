//! Offset conversion at the boundary: UTF-8 bytes ↔ UTF-16 code units or code
//! points.
//!
//! ASCII text converts for free (the offsets are the same in every unit).
//! Otherwise a sparse table holds the converted offset at every 64th byte, so
//! building it is one pass, it takes an eighth of a byte per text byte, and a
//! conversion scans at most one block. Exact under emoji, ZWJ sequences,
//! combining marks, CRLF and RTL text: every character is counted in the
//! target unit whatever it is.

use serde::{Deserialize, Serialize};

/// The unit in which offsets are reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes (the native unit of the core).
    Bytes,
    /// UTF-16 code units: JavaScript string indices (`text.slice(start, end)`).
    #[default]
    Utf16,
    /// Unicode scalar values: Python `str` indices, Rust `chars()` positions.
    #[serde(rename = "codepoints")]
    CodePoints,
}

impl OffsetUnit {
    /// Parses `bytes`, `utf16` or `codepoints` (as written on the command line).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "bytes" => Some(OffsetUnit::Bytes),
            "utf16" => Some(OffsetUnit::Utf16),
            "codepoints" => Some(OffsetUnit::CodePoints),
            _ => None,
        }
    }

    /// Length of `c` in this unit.
    pub fn char_len(self, c: char) -> usize {
        match self {
            OffsetUnit::Bytes => c.len_utf8(),
            OffsetUnit::Utf16 => c.len_utf16(),
            OffsetUnit::CodePoints => 1,
        }
    }

    /// Length of `s` in this unit.
    pub fn str_len(self, s: &str) -> usize {
        match self {
            OffsetUnit::Bytes => s.len(),
            _ if s.is_ascii() => s.len(),
            _ => s.chars().map(|c| self.char_len(c)).sum(),
        }
    }
}

const BLOCK: usize = 64;

/// Converts offsets of one text between UTF-8 bytes and another unit.
#[derive(Clone, Debug)]
pub struct OffsetMap<'t> {
    text: &'t str,
    unit: OffsetUnit,
    /// `marks[j]` is the offset, in `unit`, of byte `block_start(j)`: the
    /// last character boundary at or before `j * BLOCK`. Empty when the
    /// conversion is the identity.
    marks: Vec<usize>,
}

impl<'t> OffsetMap<'t> {
    /// Builds the map for `text` in `unit` (one pass; free for ASCII text).
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        let mut marks = Vec::new();
        if unit != OffsetUnit::Bytes && !text.is_ascii() {
            marks.reserve(text.len() / BLOCK + 1);
            let mut units = 0usize;
            let mut next_mark = 0usize;
            for (i, c) in text.char_indices() {
                // Every mark that falls inside this character (or on its
                // start) resolves to the boundary `i`.
                let end = i + c.len_utf8();
                while next_mark < end {
                    marks.push(units);
                    next_mark += BLOCK;
                }
                units += unit.char_len(c);
            }
            while next_mark <= text.len() {
                marks.push(units);
                next_mark += BLOCK;
            }
        }
        OffsetMap { text, unit, marks }
    }

    /// The unit this map converts to.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// Converts a byte offset to the target unit. A byte offset inside a
    /// character counts from that character's start; offsets past the end
    /// clamp to the end of the text.
    pub fn to_unit(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.marks.is_empty() {
            return byte;
        }
        let j = byte / BLOCK;
        let from = block_start(self.text, j * BLOCK);
        let to = floor_boundary(self.text, byte);
        let mark = self.marks.get(j).copied().unwrap_or_default();
        mark + self
            .unit
            .str_len(self.text.get(from..to).unwrap_or_default())
    }

    /// Converts an offset in the target unit back to a byte offset. An offset
    /// inside a character (half of a surrogate pair) maps to that character's
    /// start; offsets past the end clamp to the end of the text.
    pub fn to_byte(&self, offset: usize) -> usize {
        if self.marks.is_empty() {
            return offset.min(self.text.len());
        }
        let j = self
            .marks
            .partition_point(|&m| m <= offset)
            .saturating_sub(1);
        let mut units = self.marks.get(j).copied().unwrap_or_default();
        let start = block_start(self.text, j * BLOCK);
        for (i, c) in self.text.get(start..).unwrap_or_default().char_indices() {
            let next = units + self.unit.char_len(c);
            if next > offset {
                return start + i;
            }
            units = next;
        }
        self.text.len()
    }
}

/// The last character boundary at or before `i` (clamped to the text).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn block_start(text: &str, mark: usize) -> usize {
    floor_boundary(text, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character boundary, its UTF-16 and code-point offsets, computed
    /// the slow way.
    fn reference(text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let (mut u16s, mut cps) = (0, 0);
        for (i, c) in text.char_indices() {
            out.push((i, u16s, cps));
            u16s += c.len_utf16();
            cps += 1;
        }
        out.push((text.len(), u16s, cps));
        out
    }

    fn check(text: &str) {
        let utf16 = OffsetMap::new(text, OffsetUnit::Utf16);
        let cps = OffsetMap::new(text, OffsetUnit::CodePoints);
        for (byte, u, c) in reference(text) {
            assert_eq!(utf16.to_unit(byte), u, "utf16 of byte {byte} in {text:?}");
            assert_eq!(
                cps.to_unit(byte),
                c,
                "codepoints of byte {byte} in {text:?}"
            );
            assert_eq!(utf16.to_byte(u), byte, "byte of utf16 {u} in {text:?}");
            assert_eq!(cps.to_byte(c), byte, "byte of codepoint {c} in {text:?}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let map = OffsetMap::new("Karen Bass said", OffsetUnit::Utf16);
        assert_eq!(map.to_unit(6), 6);
        assert_eq!(map.to_byte(6), 6);
        assert_eq!(map.to_unit(99), 15);
    }

    #[test]
    fn every_code_path() {
        // One-, two-, three- and four-byte characters; astral ones are two
        // UTF-16 units. Repeated so the text crosses many blocks.
        check(&"_ £ ऊ 🤨 ".repeat(40));
        check("👩‍👩‍👧 e\u{301} \r\n שלום עולם 🇺🇸 x");
        check("");
        check("é");
        check(&"🤨".repeat(70));
    }

    #[test]
    fn inside_a_character_snaps_back() {
        let text = "a🤨b";
        let utf16 = OffsetMap::new(text, OffsetUnit::Utf16);
        assert_eq!(utf16.to_unit(2), 1); // byte 2 is inside the emoji
        assert_eq!(utf16.to_byte(2), 1); // unit 2 is its low surrogate
        assert_eq!(utf16.to_byte(3), 5);
    }

    #[test]
    fn units_parse() {
        assert_eq!(
            OffsetUnit::parse("codepoints"),
            Some(OffsetUnit::CodePoints)
        );
        assert_eq!(OffsetUnit::parse("chars"), None);
    }
}
