//! Tokens for news text.
//!
//! One left-to-right pass over the characters. Tokens keep byte spans into the
//! text and never overlap; whitespace and control characters are skipped but
//! remembered as the [`Gap`] before the next token. The rules that matter for
//! news: abbreviations and initials keep their full stop (`U.S.`, `Gen.`,
//! `J.`), numbers keep their separators (`4,000`, `4.5`, `3:30`, `7/7/2025`),
//! hyphenated names stay whole (`MS-13`), the possessive `'s` is split off,
//! and URLs (with or without a scheme, even glued to the previous word as in
//! `line.pic.twitter.com/…`), e-mail addresses, handles, hashtags and emoji
//! sequences are single tokens.

use super::abbreviations;
use super::chars::*;
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits after a letter), with inner hyphens and apostrophes;
    /// an abbreviation or initial includes its full stop.
    Word,
    /// Starts with a digit: `4,000`, `4.5`, `3:30`, `1990s`, `3rd`, `’90s`.
    Number,
    /// A quotation mark.
    Quote(QuoteMark),
    /// An em dash, en dash, `--` or a free-standing hyphen.
    Dash,
    /// `…` or `...`.
    Ellipsis,
    /// Other punctuation; runs of `!` and `?` are one token.
    Punct,
    /// A currency sign or other symbol.
    Symbol,
    /// An emoji sequence (ZWJ sequences, modifiers and flags are one token).
    Emoji,
    /// A URL, with or without a scheme.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle, `@name` (or `@name@instance.social`).
    Handle,
    /// A hashtag, `#name`.
    Hashtag,
}

/// A quotation mark: double or single, and whether it opens or closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    /// `"`, `“`, `”`, `„`, `«`, `»` (versus the single marks).
    pub double: bool,
    /// Opening, closing, or undecidable from the characters around it.
    pub role: QuoteRole,
    /// True for the typographic (curly) and guillemet marks.
    pub curly: bool,
}

/// Whether a quotation mark opens or closes a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteRole {
    /// Opens a quotation.
    Open,
    /// Closes a quotation.
    Close,
    /// A straight mark between two non-space characters.
    Either,
}

/// The white space before a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// The token touches the previous one (or starts the text).
    None,
    /// Spaces or tabs, no line break.
    Space,
    /// One line break.
    LineBreak,
    /// A blank line (two or more line breaks).
    ParagraphBreak,
}

/// A token: its byte span, kind and the white space before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// White space between the previous token and this one.
    pub gap: Gap,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// True for words and numbers.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// What follows the ASCII run of a plain word ([`Scanner::plain_word_end`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum After {
    /// Nothing more of the word.
    Nothing,
    /// A full stop that may belong to it.
    Stop,
    /// Possibly more of it.
    More,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    scan(text, true)
}

/// [`tokenize`], with or without the shortcut for plain words (tests
/// compare the two).
fn scan(text: &str, plain_words: bool) -> Vec<Token> {
    let mut scanner = Scanner {
        text,
        pos: 0,
        tokens: Vec::with_capacity(text.len() / 5 + 1),
        gap: Gap::None,
        plain_words,
    };
    scanner.run();
    scanner.tokens
}

struct Scanner<'t> {
    text: &'t str,
    pos: usize,
    tokens: Vec<Token>,
    gap: Gap,
    /// Take [`Scanner::plain_word_end`] (always, except in tests).
    plain_words: bool,
}

impl<'t> Scanner<'t> {
    fn run(&mut self) {
        while let Some(c) = self.peek() {
            if is_space(c) {
                self.skip_space();
                continue;
            }
            let start = self.pos;
            let kind = self.scan_token(c);
            debug_assert!(self.pos > start, "tokenizer made no progress");
            if self.pos <= start {
                // Defensive: never loop forever, whatever the input.
                self.pos = start + c.len_utf8();
            }
            self.tokens.push(Token {
                span: Span::new(start, self.pos),
                kind,
                gap: self.gap,
            });
            self.gap = Gap::None;
        }
    }

    // ----- small helpers -------------------------------------------------

    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    #[inline]
    fn peek(&self) -> Option<char> {
        self.peek_at(self.pos)
    }

    #[inline]
    fn peek_at(&self, byte: usize) -> Option<char> {
        // Most text is ASCII: no UTF-8 decoding for it.
        match self.text.as_bytes().get(byte) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.text.get(byte..).and_then(|s| s.chars().next()),
            None => None,
        }
    }

    fn prev_char(&self, byte: usize) -> Option<char> {
        self.text.get(..byte).and_then(|s| s.chars().next_back())
    }

    fn bump(&mut self, c: char) {
        self.pos += c.len_utf8();
    }

    fn skip_space(&mut self) {
        let mut breaks = 0;
        let mut last_was_cr = false;
        while let Some(c) = self.peek() {
            if !is_space(c) {
                break;
            }
            if c == '\n' && last_was_cr {
                // CRLF is one line break.
            } else if c == '\u{2029}' {
                breaks += 2;
            } else if is_line_break(c) {
                breaks += 1;
            }
            last_was_cr = c == '\r';
            self.bump(c);
        }
        let gap = match breaks {
            0 => Gap::Space,
            1 => Gap::LineBreak,
            _ => Gap::ParagraphBreak,
        };
        self.gap = self.gap.max(gap);
    }

    /// Consumes characters while `pred` holds; returns the end position.
    fn eat_while(&mut self, pred: impl Fn(char) -> bool) -> usize {
        while let Some(c) = self.peek() {
            if !pred(c) {
                break;
            }
            self.bump(c);
        }
        self.pos
    }

    fn starts_with_ci(&self, at: usize, prefix: &str) -> bool {
        self.text
            .as_bytes()
            .get(at..at + prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    }

    /// True when a URL glued to the previous word starts at `at`
    /// (`line.pic.twitter.com/…`, `wall.https://…`).
    fn glued_url_at(&self, at: usize) -> bool {
        match self.text.as_bytes().get(at) {
            Some(b'h' | b'H') => {
                self.starts_with_ci(at, "http://") || self.starts_with_ci(at, "https://")
            }
            Some(b'p' | b'P') => {
                self.starts_with_ci(at, "pic.twitter.com/") || self.starts_with_ci(at, "pic.x.com/")
            }
            _ => false,
        }
    }

    // ----- token kinds ---------------------------------------------------

    fn scan_token(&mut self, c: char) -> TokenKind {
        if let Some((end, after)) = self.plain_word_end(c).filter(|_| self.plain_words) {
            let start = self.pos;
            self.pos = end;
            match after {
                After::Nothing => {}
                After::Stop => self.abbreviation_stop(start),
                After::More => {
                    self.eat_more_word_chars(start);
                    self.word_rest(start);
                }
            }
            return TokenKind::Word;
        }
        let at_boundary = self
            .prev_char(self.pos)
            .is_none_or(|p| !is_word_char(p) && p != '@')
            || self.glued_url_at(self.pos);
        if at_boundary && matches!(c, 'h' | 'H' | 'w' | 'W') {
            if let Some(end) = self.scheme_url_end() {
                self.pos = end;
                return TokenKind::Url;
            }
        }
        if c.is_ascii_alphanumeric() && at_boundary && self.may_be_address() {
            if let Some(end) = self.email_end() {
                self.pos = end;
                return TokenKind::Email;
            }
            if let Some(end) = self.domain_url_end() {
                self.pos = end;
                return TokenKind::Url;
            }
        }
        match c {
            '@' => self
                .handle()
                .unwrap_or_else(|| self.single(c, TokenKind::Punct)),
            '#' | '＃' => self
                .hashtag()
                .unwrap_or_else(|| self.single(c, TokenKind::Punct)),
            _ if c.is_numeric() => self.number(),
            _ if is_word_char(c) && !is_continuation(c) => self.word(),
            _ if is_apostrophe(c) && self.decade_after_apostrophe() => TokenKind::Number,
            _ if is_apostrophe(c)
                && self.prev_char(self.pos).is_some_and(is_word_char)
                && self.is_possessive_s(self.pos + c.len_utf8()) =>
            {
                // The possessive split off its word: `Bass` `'s`.
                self.pos += c.len_utf8() + 1;
                TokenKind::Word
            }
            _ if is_quote(c) => {
                let mark = self.quote_mark(c);
                self.single(c, TokenKind::Quote(mark))
            }
            '.' => {
                if self.rest().starts_with("...") {
                    self.eat_while(|c| c == '.');
                    TokenKind::Ellipsis
                } else {
                    self.single(c, TokenKind::Punct)
                }
            }
            '…' => self.single(c, TokenKind::Ellipsis),
            '!' | '?' | '‽' => {
                self.eat_while(|c| matches!(c, '!' | '?' | '‽'));
                TokenKind::Punct
            }
            _ if is_dash(c) => self.single(c, TokenKind::Dash),
            _ if is_hyphen(c) => {
                self.eat_while(is_hyphen);
                TokenKind::Dash
            }
            _ if is_regional_indicator(c) => {
                self.bump(c);
                if self.peek().is_some_and(is_regional_indicator) {
                    self.bump(self.peek().unwrap_or(' '));
                }
                self.eat_while(is_continuation);
                TokenKind::Emoji
            }
            _ if is_pictographic(c) => self.emoji(),
            _ if is_currency(c) => self.single(c, TokenKind::Symbol),
            _ if c.is_ascii_punctuation() || is_general_punctuation(c) => {
                self.single(c, TokenKind::Punct)
            }
            _ => {
                // Any other symbol, or a stray combining mark: one token with
                // the marks that follow it.
                self.bump(c);
                self.eat_while(is_continuation);
                TokenKind::Symbol
            }
        }
    }

    /// The end of the run of ASCII letters and digits of a word starting
    /// with the ASCII letter `c` here, when the general rules would read
    /// the run as a word and nothing else (most words of news text), and
    /// what comes after it: nothing more when a space, one of `,;)"!?` or
    /// the end of the text follows; a full stop before one of those (the
    /// end of a sentence, or an abbreviation: [`Scanner::abbreviation_stop`]
    /// decides); or more of the word ([`Scanner::word_rest`]) after any
    /// other character but `.:@_%+-`. Every URL, address or glued link the
    /// general rules look for needs one of those in or right after the
    /// run, a `.` followed by a letter or digit, so they would find none.
    #[inline]
    fn plain_word_end(&self, c: char) -> Option<(usize, After)> {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut i = self.pos + 1;
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        let ends = |b: Option<&u8>| {
            matches!(
                b,
                None | Some(b' ' | b'\n' | b'\r' | b'\t' | b',' | b';' | b')' | b'"' | b'!' | b'?')
            )
        };
        match bytes.get(i) {
            Some(b'.') if ends(bytes.get(i + 1)) => Some((i, After::Stop)),
            b if ends(b) => Some((i, After::Nothing)),
            Some(b'.' | b':' | b'@' | b'_' | b'%' | b'+' | b'-') => None,
            _ => Some((i, After::More)),
        }
    }

    fn single(&mut self, c: char, kind: TokenKind) -> TokenKind {
        self.bump(c);
        kind
    }

    /// A word: letters and digits, inner hyphens and apostrophes, an
    /// abbreviation's full stop, `AT&T`.
    fn word(&mut self) -> TokenKind {
        let start = self.pos;
        self.eat_word_chars();
        self.word_rest(start);
        TokenKind::Word
    }

    /// The rest of the word starting at `start`, after its word characters:
    /// inner hyphens and apostrophes, `&` between capitals, a full stop.
    fn word_rest(&mut self, start: usize) {
        while let Some(c) = self.peek() {
            let after = self.pos + c.len_utf8();
            let next = self.peek_at(after);
            let next_is_word = next.is_some_and(|n| is_word_char(n) && !is_continuation(n));
            if is_hyphen(c) && next_is_word {
                self.bump(c);
                self.eat_while(is_word_char);
            } else if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
                if self.is_possessive_s(after) {
                    break;
                }
                self.bump(c);
                self.eat_while(is_word_char);
            } else if c == '&'
                && next.is_some_and(|n| n.is_ascii_uppercase())
                && self
                    .prev_char(self.pos)
                    .is_some_and(|p| p.is_ascii_uppercase())
            {
                // AT&T, S&P, Q&A
                self.bump(c);
                self.eat_while(is_word_char);
            } else if c == '.' {
                self.abbreviation_stop(start);
                break;
            } else {
                break;
            }
        }
    }

    /// Word characters, stopping where a URL glued to the word begins
    /// (`nowpic.twitter.com/…`, `wallhttps://…`).
    fn eat_word_chars(&mut self) {
        let start = self.pos;
        // ASCII letters and digits first, a byte at a time.
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !b.is_ascii_alphanumeric()
                || (self.pos > start
                    && matches!(b, b'p' | b'h' | b'H')
                    && self.glued_url_at(self.pos))
            {
                break;
            }
            self.pos += 1;
        }
        self.eat_more_word_chars(start);
    }

    /// [`Scanner::eat_word_chars`] after the ASCII letters and digits of
    /// the word starting at `start`.
    fn eat_more_word_chars(&mut self, start: usize) {
        while let Some(c) = self.peek() {
            if !is_word_char(c)
                || (self.pos > start && matches!(c, 'p' | 'h' | 'H') && self.glued_url_at(self.pos))
            {
                break;
            }
            self.bump(c);
        }
    }

    /// `'s` followed by a non-letter: the possessive, split from the word.
    fn is_possessive_s(&self, s_at: usize) -> bool {
        matches!(self.peek_at(s_at), Some('s' | 'S'))
            && self.peek_at(s_at + 1).is_none_or(|c| !is_word_char(c))
    }

    /// At a full stop after a word: keep it when the word is an
    /// abbreviation, an initial or a dotted acronym (`U.S.`, `a.m.`).
    fn abbreviation_stop(&mut self, word_start: usize) {
        // A party and state after a politician's name: the state decides
        // (`D-Calif.`, `R-N.Y.`, `I-Vt.`).
        let whole = &self.text[word_start..self.pos];
        let word = match whole.as_bytes() {
            [b'D' | b'R' | b'I', b'-', ..] => whole.get(2..).unwrap_or(whole),
            _ => whole,
        };
        let dot_end = self.pos + 1;
        if self.glued_url_at(dot_end) {
            return;
        }
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        let next = self.peek_at(dot_end);
        let next2 = next.and_then(|n| self.peek_at(dot_end + n.len_utf8()));
        if single_letter && next.is_some_and(char::is_alphabetic) && next2 == Some('.') {
            // Dotted acronym: U.S., U.S.A., a.m., e.g., D.C.
            self.pos = dot_end;
            while let (Some(l), Some('.')) = (self.peek(), self.peek_at(self.pos + 1)) {
                if !l.is_alphabetic() || l.len_utf8() != 1 {
                    break;
                }
                self.pos += 2;
            }
            return;
        }
        // (An initial stands alone: `Plan-B.` ends a sentence.)
        let keep =
            (single_letter && word.len() == whole.len() && word.chars().all(char::is_uppercase))
                || abbreviations::kind(word).is_some()
                || (matches!(word, "No" | "no" | "NO") && self.digit_after_space(dot_end));
        if keep {
            self.pos = dot_end;
        }
    }

    fn digit_after_space(&self, at: usize) -> bool {
        let rest = self.text.get(at..).unwrap_or("");
        rest.trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
    }

    /// A number: digits with inner separators (`4,000`, `4.5`, `3:30`,
    /// `7/7/2025`, `2025-07-07`) and a glued suffix (`1990s`, `3rd`, `10km`).
    fn number(&mut self) -> TokenKind {
        self.eat_while(char::is_numeric);
        while let Some(c) = self.peek() {
            let next = self.peek_at(self.pos + c.len_utf8());
            if matches!(c, '.' | ',' | ':' | '/') || is_hyphen(c) {
                if next.is_some_and(|n| n.is_ascii_digit()) {
                    self.bump(c);
                    self.eat_while(char::is_numeric);
                    continue;
                }
                if is_hyphen(c) && next.is_some_and(char::is_alphabetic) {
                    // 30-year-old, 10-day
                    self.bump(c);
                    self.eat_while(is_word_char);
                    continue;
                }
            }
            break;
        }
        // Suffix letters: 1990s, 3rd, 10km, 5G, 3pm.
        if self.peek().is_some_and(char::is_alphabetic) {
            self.eat_while(is_word_char);
            while let Some(c) = self.peek() {
                let next = self.peek_at(self.pos + c.len_utf8());
                if is_hyphen(c) && next.is_some_and(is_word_char) {
                    self.bump(c);
                    self.eat_while(is_word_char);
                } else {
                    break;
                }
            }
        }
        TokenKind::Number
    }

    /// `’90s`: an apostrophe standing for a century.
    fn decade_after_apostrophe(&mut self) -> bool {
        let b = self.rest().as_bytes();
        let quote_len = self.peek().map_or(1, char::len_utf8);
        let tail = b.get(quote_len..).unwrap_or(&[]);
        let ok = matches!(tail, [d1, d2, b's', ..] if d1.is_ascii_digit() && d2.is_ascii_digit())
            && tail.get(3).is_none_or(|c| !c.is_ascii_alphanumeric());
        if ok {
            self.pos += quote_len + 3;
        }
        ok
    }

    fn quote_mark(&self, c: char) -> QuoteMark {
        let double = matches!(
            c,
            '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '＂' | '〝' | '〞'
        );
        let curly = !matches!(c, '"' | '\'' | '＂');
        let role = match c {
            '“' | '‘' | '„' | '‚' | '‟' | '‛' | '«' | '‹' | '〝' => QuoteRole::Open,
            '”' | '’' | '»' | '›' | '〞' => QuoteRole::Close,
            _ => {
                let before = self.prev_char(self.pos);
                let after = self.peek_at(self.pos + c.len_utf8());
                let space_before = before.is_none_or(|p| {
                    is_space(p)
                        || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
                        || is_quote(p)
                });
                let space_after = after.is_none_or(|n| {
                    is_space(n) || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '…')
                });
                match (space_before, space_after) {
                    (true, false) => QuoteRole::Open,
                    (false, true) => QuoteRole::Close,
                    _ => QuoteRole::Either,
                }
            }
        };
        QuoteMark {
            double,
            role,
            curly,
        }
    }

    /// An emoji: a pictograph with its modifiers, selectors, keycaps and
    /// ZWJ-joined partners.
    fn emoji(&mut self) -> TokenKind {
        if let Some(c) = self.peek() {
            self.bump(c);
        }
        loop {
            self.eat_while(|c| is_continuation(c) && c != '\u{200D}');
            if self.peek() == Some('\u{200D}')
                && self.peek_at(self.pos + 3).is_some_and(is_pictographic)
            {
                self.pos += 3;
                if let Some(c) = self.peek() {
                    self.bump(c);
                }
                continue;
            }
            break;
        }
        TokenKind::Emoji
    }

    /// `@name`: ASCII letters, digits and underscores, after a non-word
    /// character; `@name@instance.social` for the fediverse.
    fn handle(&mut self) -> Option<TokenKind> {
        let start = self.pos;
        let name_end = scan_ascii(self.text, start + 1, |b| {
            b.is_ascii_alphanumeric() || b == b'_'
        });
        if name_end == start + 1 {
            return None;
        }
        // A handle stops where a word would go on (`@foo·bar` is not a handle).
        if self
            .peek_at(name_end)
            .is_some_and(|c| is_word_char(c) && !c.is_ascii())
        {
            return None;
        }
        self.pos = name_end;
        if self.peek() == Some('@') {
            // Mastodon: `@name@instance.social`.
            if let Some(end) = domain_end(self.text, name_end + 1) {
                self.pos = end;
            }
        } else if self.peek() == Some('.') {
            // Bluesky: `@name.bsky.social`, `@example.com`.
            if let Some(end) = domain_end(self.text, start + 1) {
                self.pos = end;
            }
        }
        Some(TokenKind::Handle)
    }

    /// `#name`: word characters and underscores with at least one letter.
    fn hashtag(&mut self) -> Option<TokenKind> {
        let start = self.pos;
        let hash_len = self.peek().map_or(1, char::len_utf8);
        let mut end = start + hash_len;
        let mut has_letter = false;
        for c in self.text[end..].chars() {
            if is_word_char(c) || c == '_' {
                has_letter |= c.is_alphabetic() || c == '_';
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if !has_letter {
            return None;
        }
        self.pos = end;
        Some(TokenKind::Hashtag)
    }

    /// `http://…`, `https://…` or `www.…`: the end of the URL starting here.
    fn scheme_url_end(&self) -> Option<usize> {
        let at = self.pos;
        let body = if self.starts_with_ci(at, "https://") {
            at + 8
        } else if self.starts_with_ci(at, "http://") {
            at + 7
        } else if self.starts_with_ci(at, "www.") {
            at
        } else {
            return None;
        };
        domain_end(self.text, body)?;
        Some(url_tail_end(self.text, body))
    }

    /// False when no e-mail address or bare domain can start here: both
    /// need a `.` or `@` within the run of address characters (`a-z`, digits,
    /// `._%+-`) at the current position. Most words fail this at once.
    fn may_be_address(&self) -> bool {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'.' | b'@' => return true,
                b'_' | b'%' | b'+' | b'-' => {}
                _ if b.is_ascii_alphanumeric() => {}
                _ => return false,
            }
            i += 1;
        }
        false
    }

    /// `name@example.org`.
    fn email_end(&self) -> Option<usize> {
        let at = self.pos;
        let local_end = scan_ascii(self.text, at, |b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
        });
        if self.text.as_bytes().get(local_end) != Some(&b'@') || local_end == at {
            return None;
        }
        domain_end(self.text, local_end + 1)
    }

    /// A bare domain with a known top-level domain, and its path:
    /// `example.org/a?b=c`, `pic.twitter.com/TEZ7kcMNHs`, `bit.ly/x`.
    fn domain_url_end(&self) -> Option<usize> {
        let at = self.pos;
        let host_end = domain_end(self.text, at)?;
        let host = &self.text[at..host_end];
        let tld = host.rsplit('.').next().unwrap_or("");
        let has_path = self.text.as_bytes().get(host_end) == Some(&b'/');
        if !(is_safe_tld(tld) || (is_tld(tld) && has_path)) {
            return None;
        }
        // A URL glued to a word (`line.pic.twitter.com/…`, `nowpic.twitter.com/…`)
        // is not one host: let the word scanner stop before it.
        let glued_inside = ["pic.twitter.com", "pic.x.com"]
            .iter()
            .any(|g| host.get(1..).is_some_and(|rest| rest.contains(g)));
        if glued_inside {
            return None;
        }
        let path_follows = matches!(
            self.text.as_bytes().get(host_end),
            Some(b'/' | b':' | b'?' | b'#')
        );
        Some(if path_follows {
            url_tail_end(self.text, host_end)
        } else {
            host_end
        })
    }
}

/// The end of a run of ASCII bytes matching `pred`, from `at`.
fn scan_ascii(text: &str, at: usize, pred: impl Fn(u8) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while bytes.get(i).is_some_and(|&b| pred(b)) {
        i += 1;
    }
    i
}

/// A host name starting at `at` (`label(.label)+`, last label a TLD made of
/// letters), followed by a non-word character. Returns its end.
fn domain_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut labels = 0;
    let mut last_label;
    loop {
        let label_start = i;
        i = scan_ascii(text, i, |b| b.is_ascii_alphanumeric() || b == b'-');
        if i == label_start {
            return None;
        }
        labels += 1;
        last_label = (label_start, i);
        if bytes.get(i) == Some(&b'.')
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric())
        {
            i += 1;
        } else {
            break;
        }
    }
    let tld = &text[last_label.0..last_label.1];
    let after_is_word = text
        .get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(is_word_char);
    if labels < 2 || tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) || after_is_word
    {
        return None;
    }
    Some(i)
}

/// The end of a URL's port, path, query and fragment starting at `at`, with
/// trailing sentence punctuation and unbalanced closing brackets trimmed.
fn url_tail_end(text: &str, at: usize) -> usize {
    let mut end = at;
    for (i, c) in text[at..].char_indices() {
        if is_space(c)
            || matches!(
                c,
                '<' | '>'
                    | '"'
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '`'
                    | '{'
                    | '}'
                    | '|'
                    | '\\'
                    | '^'
                    | '«'
                    | '»'
            )
            || is_dash(c)
            || is_pictographic(c)
        {
            break;
        }
        end = at + i + c.len_utf8();
    }
    // Trim trailing punctuation that belongs to the sentence.
    loop {
        let url = &text[..end];
        let Some(last) = url.chars().next_back() else {
            break;
        };
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
            ')' => url[at..].matches('(').count() < url[at..].matches(')').count(),
            ']' => url[at..].matches('[').count() < url[at..].matches(']').count(),
            _ => false,
        };
        if !trim || end <= at {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '‟'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '＂'
            | '〝'
            | '〞'
    )
}

fn is_general_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2016..=0x2027 | 0x2030..=0x205E | 0x00A1..=0x00BF | 0x3000..=0x303F | 0xFF01..=0xFF0F)
}

/// Top-level domains trusted without a path (`example.org`).
fn is_safe_tld(tld: &str) -> bool {
    const SAFE: &[&str] = &[
        "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "ca", "au", "de", "fr",
        "eu", "info", "biz", "tv", "ly", "gg", "ai", "app", "dev", "news", "xyz", "ru", "cn", "jp",
        "br", "ch", "nz", "ie", "es", "nl", "se", "dk", "fi", "pl", "mx", "ar", "za", "kr", "gov",
        "social", "online", "site", "blog", "media", "press", "tech", "cc", "fm", "ua", "il",
    ];
    const ANY_CASE: &[&str] = &["com", "org", "net", "gov", "edu"];
    SAFE.contains(&tld) || ANY_CASE.iter().any(|t| t.eq_ignore_ascii_case(tld))
}

/// Other real top-level domains that are also English words (`in`, `is`,
/// `me`): only a URL when a path follows (`bit.me/x`).
fn is_tld(tld: &str) -> bool {
    const WORDLIKE: &[&str] = &[
        "in", "is", "it", "me", "to", "no", "be", "us", "so", "at", "am", "do", "go", "my", "by",
        "id", "im", "la", "ma", "mo", "ms", "pe", "pm", "st", "tk", "ws", "gl", "ps", "sh", "vc",
    ];
    WORDLIKE.contains(&tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn plain_words_are_read_as_the_general_rules_read_them() {
        let texts = [
            "He said, \"we will\" (not) win! Really? Yes; and\tthen\r\nmore",
            "go to http://x.org or https: or www.example.com now",
            "see nowpic.twitter.com/abc and wallhttps://t.co/x; mail ana@x.org, hi",
            "Bass's plan, O'Brien’s AT&T S&P Q&A MS-13 rock-and-roll U.S. a.m. J. No. 5",
            "x http h w www hxxp pic pic.x.com/a 3rd 1990s ’90s AbC9 9AbC e\u{301}cole",
            "café naïve Zoë 🤨 #tag @user ana@ @ana word\u{2019}s word’ end",
            "a",
            "ab,",
            "http",
            "www",
            "p",
            "h",
            "",
            "He left. Gen. Smith and Mr. Jones, Jr. met Sen. Ana at 3 p.m. No. 5 and no. more",
            "www. http. pic. x. A. I. U.S. e.g. etc., ok.\" fine.) end.",
            "Trump’s don’t O’Brien café naïve AT&T Q&A x&y rock-n-roll x_y x%y x+y a@b.c a:b",
            "Bass’ Jones' ’s word\u{301}s wordpic.twitter.com/x wordhttps://x.org cafépic.x.com/a",
        ];
        for text in texts {
            assert_eq!(tokenize(text), scan(text, false), "{text:?}");
        }
        // Every ASCII byte after a word, and before it; and characters
        // beyond ASCII.
        let others = "’‘“”—–…é\u{301}🤨«»‐‑ʼ\u{A0}\u{200B}€ß";
        for b in (0u8..128).map(char::from).chain(others.chars()) {
            for text in [
                format!("word{} next", b),
                format!("x{}word ok", b),
                format!("http{}//a.org", b),
                format!("word.{}next", b),
                format!("Mr.{}Smith", b),
                format!("www.{}x.org", b),
                format!("AT{}T ok", b),
                format!("pic{}twitter.com/x", b),
            ] {
                assert_eq!(tokenize(&text), scan(&text, false), "{text:?}");
            }
        }
    }

    #[test]
    fn party_and_state_after_a_name() {
        assert_eq!(
            words("Doe (D-Calif.) and Roe, R-N.Y., and Poe, D-N.M., said"),
            [
                "Doe", "(", "D-Calif.", ")", "and", "Roe", ",", "R-N.Y.", ",", "and", "Poe", ",",
                "D-N.M.", ",", "said"
            ]
        );
        assert_eq!(
            words("a well-known. Then"),
            ["a", "well-known", ".", "Then"]
        );
        assert_eq!(words("Plan-B. Then"), ["Plan-B", ".", "Then"]);
        assert_eq!(words("R-B. Then"), ["R-B", ".", "Then"]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            words("Gen. J. Smith met U.S. officials at 3 p.m."),
            [
                "Gen.",
                "J.",
                "Smith",
                "met",
                "U.S.",
                "officials",
                "at",
                "3",
                "p.m."
            ]
        );
        assert_eq!(
            words("Sen. Mr. Dr. Jul. 7"),
            ["Sen.", "Mr.", "Dr.", "Jul.", "7"]
        );
        assert_eq!(words("He left."), ["He", "left", "."]);
        assert_eq!(words("No. 5 and no."), ["No.", "5", "and", "no", "."]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            words("4,000 people, 4.5 million, at 3:30, on 7/7/2025."),
            [
                "4,000", "people", ",", "4.5", "million", ",", "at", "3:30", ",", "on", "7/7/2025",
                "."
            ]
        );
        assert_eq!(
            words("the 1990s and ’90s, 3rd, a 30-year-old"),
            [
                "the",
                "1990s",
                "and",
                "’90s",
                ",",
                "3rd",
                ",",
                "a",
                "30-year-old"
            ]
        );
        assert_eq!(toks("$4.5")[0], ("$", TokenKind::Symbol));
        assert_eq!(words("12%"), ["12", "%"]);
    }

    #[test]
    fn hyphens_apostrophes_possessives() {
        assert_eq!(
            words("MS-13 and Jean-Luc O'Brien's don’t Bass’s"),
            ["MS-13", "and", "Jean-Luc", "O'Brien", "'s", "don’t", "Bass", "’s"]
        );
        assert_eq!(words("AT&T"), ["AT&T"]);
    }

    #[test]
    fn quotes_dashes_ellipses() {
        let t = toks("“We will,” she said — \"go\"... now…");
        assert!(matches!(
            t[0].1,
            TokenKind::Quote(QuoteMark {
                role: QuoteRole::Open,
                double: true,
                ..
            })
        ));
        assert!(matches!(
            t[4].1,
            TokenKind::Quote(QuoteMark {
                role: QuoteRole::Close,
                ..
            })
        ));
        assert_eq!(t[7], ("—", TokenKind::Dash));
        assert!(matches!(
            t[8].1,
            TokenKind::Quote(QuoteMark {
                role: QuoteRole::Open,
                curly: false,
                ..
            })
        ));
        assert!(matches!(
            t[10].1,
            TokenKind::Quote(QuoteMark {
                role: QuoteRole::Close,
                ..
            })
        ));
        assert_eq!(t[11], ("...", TokenKind::Ellipsis));
        assert_eq!(t[13], ("…", TokenKind::Ellipsis));
        assert_eq!(words("a -- b - c"), ["a", "--", "b", "-", "c"]);
    }

    #[test]
    fn social_tokens() {
        let t = toks("— Bill Melugin (@BillMelugin_) July 7, 2025 #LA email me@example.org");
        assert!(t.contains(&("@BillMelugin_", TokenKind::Handle)));
        assert!(t.contains(&("#LA", TokenKind::Hashtag)));
        assert!(t.contains(&("me@example.org", TokenKind::Email)));
        let t = toks("Ask @alanruiz.bsky.social or @example.com. Or @city_hall.");
        assert!(t.contains(&("@alanruiz.bsky.social", TokenKind::Handle)));
        assert!(t.contains(&("@example.com", TokenKind::Handle)));
        assert!(t.contains(&("@city_hall", TokenKind::Handle)));
        assert_eq!(toks("#1")[0], ("#", TokenKind::Punct));
    }

    #[test]
    fn urls() {
        assert_eq!(
            toks("see https://example.org/a?b=c.")[1],
            ("https://example.org/a?b=c", TokenKind::Url)
        );
        assert_eq!(
            toks("(example.org/a?b=c)")[1],
            ("example.org/a?b=c", TokenKind::Url)
        );
        assert_eq!(
            toks("go to www.example.com, now")[2],
            ("www.example.com", TokenKind::Url)
        );
        assert_eq!(
            toks("hold the line.pic.twitter.com/TEZ7kcMNHs"),
            [
                ("hold", TokenKind::Word),
                ("the", TokenKind::Word),
                ("line", TokenKind::Word),
                (".", TokenKind::Punct),
                ("pic.twitter.com/TEZ7kcMNHs", TokenKind::Url)
            ]
        );
        assert_eq!(
            toks("wall.https://t.co/x1")[2],
            ("https://t.co/x1", TokenKind::Url)
        );
        assert_eq!(toks("pic.twitter.com/TEZ7kcMNHs")[0].1, TokenKind::Url);
        // Word-like TLDs need a path; ordinary sentences are untouched.
        assert_eq!(words("it.is fine"), ["it", ".", "is", "fine"]);
        assert_eq!(toks("bit.ly/abc")[0].1, TokenKind::Url);
        // A dash glued to a link (a pasted post's trailer) is not part of it.
        assert_eq!(
            toks("pic.twitter.com/Ab12— Nora")[..2],
            [
                ("pic.twitter.com/Ab12", TokenKind::Url),
                ("—", TokenKind::Dash)
            ]
        );
        assert_eq!(toks("Amazon.com's")[0], ("Amazon.com", TokenKind::Url));
    }

    #[test]
    fn emoji_sequences() {
        assert_eq!(
            toks("👩‍👩‍👧 🇺🇸 👍🏽 ❤️ Bass"),
            [
                ("👩‍👩‍👧", TokenKind::Emoji),
                ("🇺🇸", TokenKind::Emoji),
                ("👍🏽", TokenKind::Emoji),
                ("❤️", TokenKind::Emoji),
                ("Bass", TokenKind::Word)
            ]
        );
        assert_eq!(words("🇺🇸Bass"), ["🇺🇸", "Bass"]);
    }

    #[test]
    fn combining_marks_stay_in_words() {
        assert_eq!(words("Jose\u{301} said"), ["Jose\u{301}", "said"]);
        assert_eq!(words("\u{301}x"), ["\u{301}", "x"]);
    }

    #[test]
    fn gaps() {
        let t = tokenize("a b\r\nc\n\nd\0e");
        let gaps: Vec<Gap> = t.iter().map(|t| t.gap).collect();
        assert_eq!(
            gaps,
            [
                Gap::None,
                Gap::Space,
                Gap::LineBreak,
                Gap::ParagraphBreak,
                Gap::Space
            ]
        );
    }

    #[test]
    fn spans_are_exact_and_ordered() {
        let text = "“Hi,” 🤨 said e\u{301}. @x #y http://a.b/c?d";
        let tokens = tokenize(text);
        for pair in tokens.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
        for t in &tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.span.is_empty());
        }
    }
}
