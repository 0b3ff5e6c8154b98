//! Word forms: the hashes of one token that features are built from,
//! computed once per token without allocating.

use super::hash::Hasher;
use crate::text::{Token, TokenKind};

/// How many prefixes and suffixes (1..=AFFIXES characters) are hashed.
pub const AFFIXES: usize = 4;

/// Seeds of the per-token hashes.
const LOWER: u64 = 0x10;
const RAW: u64 = 0x11;
const SHAPE: u64 = 0x12;
const PREFIX: u64 = 0x13;
const SUFFIX: u64 = 0x14;

/// Casing and content of a token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Casing {
    /// The token contains a letter.
    pub has_letter: bool,
    /// The first letter is upper case (`Bass`, `BASS`, `McCain`).
    pub initial_upper: bool,
    /// Every letter is upper case, and there are at least two.
    pub all_caps: bool,
    /// Every letter is lower case.
    pub all_lower: bool,
    /// Some letter is upper case (`Bass`, `iPhone`, `eBay`).
    pub has_upper: bool,
}

/// The hashed forms of one token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Form {
    /// Lower-cased text, digits folded to `0`, curly apostrophes straight.
    pub lower: u64,
    /// The text as written (digits folded).
    pub raw: u64,
    /// Character classes with runs collapsed: `Xx`, `X.X.`, `d,d`, `xXx`.
    pub shape: u64,
    /// Lower-cased prefixes of 1..=AFFIXES characters (0 past the word's end).
    pub prefix: [u64; AFFIXES],
    /// Lower-cased suffixes of 1..=AFFIXES characters (0 past the word's end).
    pub suffix: [u64; AFFIXES],
    /// Casing facts.
    pub casing: Casing,
    /// Length in characters (saturating at 255).
    pub chars: u8,
}

fn fold(c: char) -> char {
    match c {
        '’' | '‘' | '`' | 'ʼ' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        c if c.is_numeric() => '0',
        c => c,
    }
}

fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        fold(c)
    }
}

/// Hash of the lower-cased, folded form of `s` (what gazetteer entries and
/// word features are keyed by).
pub fn lower_hash(s: &str) -> u64 {
    let mut h = Hasher::new(LOWER);
    for c in composed(s) {
        let f = fold(c);
        if f.is_ascii() {
            h = h.add(f.to_ascii_lowercase() as u64);
        } else {
            for l in f.to_lowercase() {
                h = h.add(l as u64);
            }
        }
    }
    h.finish()
}

impl Form {
    /// The forms of `token` in `text`.
    pub fn of(token: &Token, text: &str) -> Form {
        let s = token.span.slice(text);
        let word = matches!(token.kind, TokenKind::Word);
        if s.is_ascii() {
            Form::of_ascii(s.as_bytes(), word)
        } else {
            Form::of_chars(s, word)
        }
    }

    /// [`Form::of`] for text in ASCII, where composing accents, folding and
    /// case are byte operations (most tokens of English news).
    fn of_ascii(s: &[u8], word: bool) -> Form {
        let mut lower = Hasher::new(LOWER);
        let mut raw = Hasher::new(RAW);
        let mut shape = Hasher::new(SHAPE);
        let mut prefix = [0u64; AFFIXES];
        let mut pre = Hasher::new(PREFIX);
        let mut last_class = 0u8;
        let (mut letters, mut upper_letters, mut lower_letters) = (0usize, 0usize, 0usize);
        let mut initial_upper = false;
        for (k, &c) in s.iter().enumerate() {
            let f = match c {
                b'`' => b'\'',
                b'0'..=b'9' => b'0',
                c => c,
            };
            raw = raw.add(u64::from(f));
            let class = match c {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => f,
            };
            if class != last_class {
                shape = shape.add(u64::from(class));
                last_class = class;
            }
            if c.is_ascii_alphabetic() {
                if letters == 0 {
                    initial_upper = c.is_ascii_uppercase();
                }
                letters += 1;
                upper_letters += usize::from(c.is_ascii_uppercase());
                lower_letters += usize::from(c.is_ascii_lowercase());
            }
            let l = u64::from(f.to_ascii_lowercase());
            lower = lower.add(l);
            if word {
                if let Some(p) = prefix.get_mut(k) {
                    pre = pre.add(l);
                    *p = pre.finish();
                }
            }
        }
        let chars = s.len();
        let has_letter = letters > 0;
        let casing = Casing {
            has_letter,
            initial_upper,
            all_caps: has_letter && upper_letters >= 2 && lower_letters == 0,
            all_lower: has_letter && upper_letters == 0,
            has_upper: upper_letters > 0,
        };
        let mut suffix = [0u64; AFFIXES];
        if word {
            let mut suf = Hasher::new(SUFFIX);
            for (slot, &c) in suffix.iter_mut().zip(s.iter().rev()) {
                let f = match c {
                    b'`' => b'\'',
                    b'0'..=b'9' => b'0',
                    c => c,
                };
                suf = suf.add(u64::from(f.to_ascii_lowercase()));
                *slot = suf.finish();
            }
        }
        Form {
            lower: lower.finish(),
            raw: raw.finish(),
            shape: shape.finish(),
            prefix,
            suffix,
            casing,
            chars: chars.min(255) as u8,
        }
    }

    /// [`Form::of`] for any text.
    fn of_chars(s: &str, word: bool) -> Form {
        let mut lower = Hasher::new(LOWER);
        let mut raw = Hasher::new(RAW);
        let mut shape = Hasher::new(SHAPE);
        let mut prefix = [0u64; AFFIXES];
        let mut pre = Hasher::new(PREFIX);
        let mut last_class = '\0';
        let mut casing = Casing {
            all_lower: true,
            ..Casing::default()
        };
        let mut upper_letters = 0usize;
        let mut chars = 0usize;
        // The last AFFIXES characters, for the suffixes.
        let mut tail = ['\0'; AFFIXES];
        for c in composed(s) {
            let f = fold(c);
            raw = raw.add(f as u64);
            let k = class(c);
            if k != last_class {
                shape = shape.add(k as u64);
                last_class = k;
            }
            if c.is_alphabetic() {
                if !casing.has_letter {
                    casing.initial_upper = c.is_uppercase();
                }
                casing.has_letter = true;
                if c.is_uppercase() {
                    upper_letters += 1;
                    casing.all_lower = false;
                    casing.has_upper = true;
                } else if c.is_lowercase() {
                    casing.all_caps = false;
                }
            }
            if f.is_ascii() {
                let l = f.to_ascii_lowercase() as u64;
                lower = lower.add(l);
                pre = pre.add(l);
            } else {
                for l in f.to_lowercase() {
                    lower = lower.add(l as u64);
                    pre = pre.add(l as u64);
                }
            }
            if let Some(p) = prefix.get_mut(chars) {
                *p = pre.finish();
            }
            if let Some(slot) = tail.get_mut(chars % AFFIXES) {
                *slot = c;
            }
            chars += 1;
        }
        casing.all_caps = casing.has_letter && upper_letters >= 2 && casing.all_caps_candidate(s);
        casing.all_lower &= casing.has_letter;
        let mut suffix = [0u64; AFFIXES];
        let mut suf = Hasher::new(SUFFIX);
        for k in 0..AFFIXES.min(chars) {
            // The k-th character from the end.
            let c = tail.get((chars - 1 - k) % AFFIXES).copied().unwrap_or('\0');
            let f = fold(c);
            if f.is_ascii() {
                suf = suf.add(f.to_ascii_lowercase() as u64);
            } else {
                for l in f.to_lowercase() {
                    suf = suf.add(l as u64);
                }
            }
            if let Some(slot) = suffix.get_mut(k) {
                *slot = suf.finish();
            }
        }
        // Prefixes and suffixes are for words; punctuation only needs its form.
        if !word {
            prefix = [0; AFFIXES];
            suffix = [0; AFFIXES];
        }
        Form {
            lower: lower.finish(),
            raw: raw.finish(),
            shape: shape.finish(),
            prefix,
            suffix,
            casing,
            chars: chars.min(255) as u8,
        }
    }
}

/// Latin letters with a combining accent typed as a separate code point
/// ("e" + U+0301), and the precomposed letter they make ("é"): for each
/// mark, the base letters and, in the same order, the composed letters.
const COMPOSE: &[(char, &str, &str)] = &[
    ('\u{300}', "aeiouynAEIOUYN", "àèìòùỳǹÀÈÌÒÙỲǸ"),
    (
        '\u{301}',
        "aeiouyncszrglkAEIOUYNCSZRGLK",
        "áéíóúýńćśźŕǵĺḱÁÉÍÓÚÝŃĆŚŹŔǴĹḰ",
    ),
    ('\u{302}', "aeiouycszgAEIOUYCSZG", "âêîôûŷĉŝẑĝÂÊÎÔÛŶĈŜẐĜ"),
    ('\u{303}', "aeiouynAEIOUYN", "ãẽĩõũỹñÃẼĨÕŨỸÑ"),
    ('\u{304}', "aeiouygAEIOUYG", "āēīōūȳḡĀĒĪŌŪȲḠ"),
    ('\u{306}', "aeiougAEIOUG", "ăĕĭŏŭğĂĔĬŎŬĞ"),
    ('\u{307}', "ezgcIEZGC", "ėżġċİĖŻĠĊ"),
    ('\u{308}', "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
    ('\u{30a}', "auAU", "åůÅŮ"),
    (
        '\u{30c}',
        "aeiouncszrdltgAEIOUNCSZRDLTG",
        "ǎěǐǒǔňčšžřďľťǧǍĚǏǑǓŇČŠŽŘĎĽŤǦ",
    ),
    ('\u{327}', "cstgklnrCSTGKLNR", "çşţģķļņŗÇŞŢĢĶĻŅŖ"),
    ('\u{328}', "aeiouAEIOU", "ąęįǫųĄĘĮǪŲ"),
];

/// True for the combining diacritical marks (U+0300–U+036F).
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The characters of `s` with combining accents composed onto the letter
/// before them where a precomposed letter exists ("José" typed with U+0301
/// reads as "José"); other combining marks are dropped, so a name has the
/// same word features however its accents were typed.
pub fn composed(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = s.chars().peekable();
    std::iter::from_fn(move || loop {
        let c = chars.next()?;
        if is_combining(c) {
            continue;
        }
        let Some(&mark) = chars.peek().filter(|&&m| is_combining(m)) else {
            return Some(c);
        };
        let composed = COMPOSE
            .iter()
            .find(|(m, _, _)| *m == mark)
            .and_then(|(_, bases, out)| {
                let k = bases.chars().position(|b| b == c)?;
                out.chars().nth(k)
            });
        if let Some(x) = composed {
            chars.next();
            return Some(x);
        }
        return Some(c);
    })
}

impl Casing {
    /// No lower-case letter in `s`.
    fn all_caps_candidate(&self, s: &str) -> bool {
        !s.chars().any(char::is_lowercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn forms(text: &str) -> Vec<Form> {
        let doc = Document::new(text);
        doc.tokens.iter().map(|t| Form::of(t, text)).collect()
    }

    #[test]
    fn case_variants_share_the_lower_form() {
        let f = forms("Bass BASS bass");
        assert_eq!(f[0].lower, f[1].lower);
        assert_eq!(f[1].lower, f[2].lower);
        assert_ne!(f[0].raw, f[1].raw);
        assert!(f[0].casing.initial_upper && !f[0].casing.all_caps);
        assert!(f[1].casing.all_caps);
        assert!(f[2].casing.all_lower);
    }

    #[test]
    fn shapes_collapse_runs() {
        let f = forms("Karen Bass U.S. 1,200 Jo");
        assert_eq!(f[0].shape, f[1].shape);
        assert_eq!(f[0].shape, f[4].shape);
        assert_ne!(f[0].shape, f[2].shape);
        // Digits fold: 1,200 and 3,400 look the same.
        assert_eq!(forms("3,400")[0].raw, f[3].raw);
    }

    #[test]
    fn affixes_match_across_case() {
        let f = forms("Washington washingTON");
        assert_eq!(f[0].prefix, f[1].prefix);
        assert_eq!(f[0].suffix, f[1].suffix);
        assert_ne!(f[0].prefix[3], 0);
        let short = forms("Jo");
        assert_eq!(short[0].prefix[2], 0);
    }

    #[test]
    fn combining_accents_read_as_precomposed_letters() {
        // "José Álvarez" typed with U+0301 after the base letters.
        let decomposed = forms("Jose\u{301} A\u{301}lvarez Zoe\u{308}");
        let precomposed = forms("José Álvarez Zoë");
        assert_eq!(decomposed, precomposed);
        assert_eq!(lower_hash("A\u{301}lvarez"), lower_hash("álvarez"));
        // A mark with no precomposed letter is dropped; a stray one too.
        assert_eq!(forms("q\u{301}x")[0].lower, forms("qx")[0].lower);
        assert_eq!(composed("\u{301}\u{301}a").collect::<String>(), "a");
        for (mark, bases, out) in COMPOSE {
            assert_eq!(bases.chars().count(), out.chars().count(), "{mark:?}");
        }
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        let text = "Mayor Karen Bass, 61, told KTLA on 3/4: `We're rebuilding` -- \
                    U.S. iPhone eBay O'Brien MCCAIN A I x 1,200 $5.99 #tag @user \
                    http://example.com/a?b=1 mid-2024 ALL-CAPS e.g. (see) Jo.";
        let doc = Document::new(text);
        for t in &doc.tokens {
            let s = t.span.slice(text);
            assert!(s.is_ascii());
            for word in [true, false] {
                assert_eq!(
                    Form::of_ascii(s.as_bytes(), word),
                    Form::of_chars(s, word),
                    "{s:?} word={word}"
                );
            }
        }
        for s in ["", "\0", "`", "``A", "ab`cD9", "Z", "zz", "AB", "A1B2"] {
            assert_eq!(Form::of_ascii(s.as_bytes(), true), Form::of_chars(s, true));
        }
    }

    #[test]
    fn curly_and_straight_apostrophes_agree() {
        let f = forms("O’Brien O'Brien");
        assert_eq!(f[0].lower, f[1].lower);
        assert_eq!(lower_hash("o'brien"), f[0].lower);
    }
}
