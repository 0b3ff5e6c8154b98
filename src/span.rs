//! Byte ranges into the analysed text.

use serde::Serialize;

/// A half-open byte range `start..end` into the analysed text.
///
/// The core works in UTF-8 byte offsets only: they index `&str` directly and
/// cost nothing to compute. Conversion to UTF-16 or code points happens once, at
/// the boundary ([`crate::report`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (callers keep `start <= end`).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no text.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text under the span, or `""` if the span does not fall on character
    /// boundaries of `text` (never panics).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(1, 5)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(0, 9));
    }

    #[test]
    fn slice_never_panics() {
        let text = "é!";
        assert_eq!(Span::new(0, 2).slice(text), "é");
        assert_eq!(Span::new(1, 2).slice(text), "");
        assert_eq!(Span::new(0, 99).slice(text), "");
    }
}
