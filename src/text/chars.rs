//! Character classes the tokenizer needs, kept small and table-free.

/// Combining marks, joiners and selectors that continue the preceding
/// character (accents typed as separate code points, ZWJ/ZWNJ, variation
/// selectors, skin-tone modifiers, tag characters, the soft hyphen).
#[inline]
pub fn is_continuation(c: char) -> bool {
    // Called for every character: nothing below the soft hyphen qualifies.
    if (c as u32) < 0xAD {
        return false;
    }
    is_continuation_above_ascii(c)
}

/// [`is_continuation`] for characters from U+00AD up.
#[inline(never)]
fn is_continuation_above_ascii(c: char) -> bool {
    matches!(c as u32,
        0x00AD
        | 0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C..=0x200D
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// A character that can be part of a word: letters, digits (any script) and
/// continuation marks.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_continuation(c)
}

/// Pictographic characters that start an emoji (approximation of Unicode's
/// Extended_Pictographic plus regional indicators).
pub fn is_pictographic(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
        | 0x2194..=0x21AA | 0x231A..=0x23FF | 0x24C2 | 0x25AA..=0x25FE
        | 0x2600..=0x27BF | 0x2934..=0x2935 | 0x2B05..=0x2BFF
        | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x1F000..=0x1F3FA | 0x1F400..=0x1FAFF)
}

/// Regional indicator letters: pairs of them are flags.
pub fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Characters treated as space: Unicode white space, plus zero-width space,
/// the byte-order mark and control characters (NUL and friends are data to
/// skip, not tokens).
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        // ASCII white space and control characters (DEL included).
        return c <= ' ' || c == '\u{7F}';
    }
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control()
}

/// Characters that end a line.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Dashes that separate clauses (not the hyphen).
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}'
    )
}

/// Hyphens that join the parts of a word (`MS-13`, `Jean-Luc`).
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes that can sit inside a word (`O'Brien`, `don’t`, `Bass's`).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Currency symbols.
pub fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₽'
            | '₩'
            | '¢'
            | '₿'
            | '₪'
            | '₺'
            | '₦'
            | '₱'
            | '₫'
            | '₴'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_word_char('é'));
        assert!(is_word_char('\u{301}'));
        assert!(is_word_char('ऊ'));
        assert!(!is_word_char('🤨'));
        assert!(is_pictographic('🤨'));
        assert!(is_pictographic('❤'));
        assert!(is_space('\0'));
        assert!(is_space('\u{A0}'));
        assert!(is_line_break('\r'));
        assert!(is_dash('—'));
        assert!(!is_dash('-'));
        assert!(is_currency('€'));
    }

    /// The ASCII fast paths agree with the general definitions.
    #[test]
    fn ascii_fast_paths_agree() {
        for c in (0u8..=0x7F)
            .map(char::from)
            .chain(['\u{AD}', '\u{AC}', '\u{301}'])
        {
            let space = c.is_whitespace()
                || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
                || c.is_control();
            assert_eq!(is_space(c), space, "{c:?}");
            let word = c.is_alphanumeric() || is_continuation_above_ascii(c);
            assert_eq!(is_word_char(c), word, "{c:?}");
            let cont = u32::from(c) >= 0xAD && is_continuation_above_ascii(c);
            assert_eq!(is_continuation(c), cont, "{c:?}");
        }
        assert!(is_continuation('\u{AD}') && !is_continuation('\u{AC}'));
    }
}
