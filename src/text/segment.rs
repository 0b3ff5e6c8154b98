//! Paragraphs and sentences over the token stream.
//!
//! Paragraphs: pasted web articles put each paragraph on its own line, with
//! or without blank lines between them; plain-text articles are sometimes
//! hard-wrapped, with paragraphs separated by blank lines. The second is
//! recognised (most blank-line blocks hold several long lines) and treated by
//! blocks; otherwise every line is a paragraph.
//!
//! Sentences never cross a paragraph. They end at `.`, `!`, `?` or an
//! ellipsis (taking closing quotes and brackets with them) when the next
//! token can open a sentence, and after an abbreviation that may end one
//! (`Inc.`, `U.S.`) only when a typical sentence opener follows.

use std::ops::Range;

use super::abbreviations::{self, AbbrevKind};
use super::token::{Gap, QuoteRole, Token, TokenKind};
use crate::span::Span;

/// Sentences longer than this are cut, so that no later stage sees an
/// unbounded sentence (a 1 MB line without punctuation).
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// A run of consecutive tokens: a paragraph or a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into the document's tokens.
    pub tokens: Range<usize>,
}

impl Segment {
    fn of(tokens: &[Token], range: Range<usize>) -> Segment {
        let start = tokens.get(range.start).map_or(0, |t| t.span.start);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .map_or(start, |t| t.span.end);
        Segment {
            span: Span::new(start, end),
            tokens: range,
        }
    }
}

/// Splits the tokens into paragraphs.
pub fn paragraphs(tokens: &[Token]) -> Vec<Segment> {
    let by_blocks = is_hard_wrapped(tokens);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate().skip(1) {
        let breaks = match t.gap {
            Gap::ParagraphBreak => true,
            Gap::LineBreak => !by_blocks,
            _ => false,
        };
        if breaks {
            out.push(Segment::of(tokens, start..i));
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(Segment::of(tokens, start..tokens.len()));
    }
    out
}

/// True when blank lines separate blocks and most blocks are several long
/// lines: a hard-wrapped text, whose paragraphs are the blocks.
fn is_hard_wrapped(tokens: &[Token]) -> bool {
    let mut blocks = 0usize;
    let mut wrapped = 0usize;
    let mut lines_in_block = 0usize;
    let mut short_inner_line = false;
    let mut line_start = 0usize;
    let mut prev_line_len = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        let new_line = i == 0 || t.gap >= Gap::LineBreak;
        if new_line && i > 0 {
            let prev_end = tokens.get(i - 1).map_or(line_start, |p| p.span.end);
            prev_line_len = prev_end.saturating_sub(line_start);
        }
        if i == 0 || t.gap == Gap::ParagraphBreak {
            if i > 0 {
                blocks += 1;
                wrapped += usize::from(lines_in_block >= 2 && !short_inner_line);
            }
            lines_in_block = 1;
            short_inner_line = false;
            line_start = t.span.start;
        } else if t.gap == Gap::LineBreak {
            // The line that just ended is an inner line of the block.
            short_inner_line |= prev_line_len < 40;
            lines_in_block += 1;
            line_start = t.span.start;
        }
    }
    if !tokens.is_empty() {
        blocks += 1;
        wrapped += usize::from(lines_in_block >= 2 && !short_inner_line);
    }
    blocks >= 2 && wrapped > 0 && wrapped * 2 >= blocks
}

/// Splits each paragraph into sentences.
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Segment]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(paragraphs.len() * 2);
    for p in paragraphs {
        let mut start = p.tokens.start;
        let mut i = p.tokens.start;
        while i < p.tokens.end {
            let mut end = i + 1;
            let mut split = false;
            if let Some(last) = tokens.get(i).filter(|t| ends_sentence(text, t)) {
                // Take closing quotes and brackets along.
                while end < p.tokens.end && tokens.get(end).is_some_and(|t| closes(text, t)) {
                    end += 1;
                }
                split = match tokens.get(end) {
                    Some(next) if end < p.tokens.end => {
                        can_open_sentence(text, next) && may_end_before(text, last, next)
                    }
                    _ => false,
                };
            }
            if !split && end - start >= MAX_SENTENCE_TOKENS {
                split = true;
            }
            if split {
                out.push(Segment::of(tokens, start..end));
                start = end;
            }
            i = end;
        }
        if start < p.tokens.end {
            out.push(Segment::of(tokens, start..p.tokens.end));
        }
    }
    out
}

/// Sentence-final punctuation, or an abbreviation whose full stop may double
/// as one.
fn ends_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Punct => {
            let s = t.text(text);
            s == "." || s.contains(['!', '?', '‽'])
        }
        TokenKind::Ellipsis => true,
        // Only the token's last byte and length matter: no slicing.
        TokenKind::Word => {
            text.as_bytes().get(t.span.end.wrapping_sub(1)) == Some(&b'.')
                && t.span.end.saturating_sub(t.span.start) > 1
        }
        _ => false,
    }
}

/// A closing quote or bracket touching the previous token.
fn closes(text: &str, t: &Token) -> bool {
    if t.gap != Gap::None {
        return false;
    }
    match t.kind {
        TokenKind::Quote(q) => q.role != QuoteRole::Open,
        TokenKind::Punct => matches!(t.text(text), ")" | "]"),
        _ => false,
    }
}

/// A token that can start a sentence.
fn can_open_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => t.text(text).chars().next().is_some_and(char::is_uppercase),
        TokenKind::Quote(q) => q.role != QuoteRole::Close,
        TokenKind::Punct => matches!(t.text(text), "(" | "["),
        TokenKind::Number
        | TokenKind::Emoji
        | TokenKind::Handle
        | TokenKind::Hashtag
        | TokenKind::Url
        | TokenKind::Dash
        | TokenKind::Symbol => true,
        _ => false,
    }
}

/// Whether the sentence may end at `last`, given the token that follows.
/// Abbreviations end one only when a typical opener follows.
fn may_end_before(text: &str, last: &Token, next: &Token) -> bool {
    if last.kind != TokenKind::Word {
        return true;
    }
    let word = last.text(text).trim_end_matches('.');
    let next_word = next.text(text);
    if word.contains('.') {
        // Dotted acronyms: U.S., a.m.
        return abbreviations::is_sentence_opener(next_word);
    }
    if word.chars().count() == 1 {
        return false; // an initial
    }
    match abbreviations::kind(word) {
        Some(AbbrevKind::Title) | Some(AbbrevKind::Month) => false,
        Some(AbbrevKind::Terminal) => abbreviations::is_sentence_opener(next_word),
        None => !word.eq_ignore_ascii_case("no"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let paras = paragraphs(&tokens);
        sentences(text, &tokens, &paras)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(&tokenize(text))
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Gen. Mark Milley met Sen. J. Smith at 3 p.m. on Friday. They talked."),
            [
                "Gen. Mark Milley met Sen. J. Smith at 3 p.m. on Friday.",
                "They talked."
            ]
        );
        assert_eq!(
            split("He lives in the U.S. The rest is history."),
            ["He lives in the U.S.", "The rest is history."]
        );
        assert_eq!(
            split("U.S. Army officials said so."),
            ["U.S. Army officials said so."]
        );
        assert_eq!(
            split("Apple Inc. The company said."),
            ["Apple Inc.", "The company said."]
        );
    }

    #[test]
    fn quotes_travel_with_their_sentence() {
        assert_eq!(
            split("“We are done.” She left. “Are you?” he asked. Yes!"),
            [
                "“We are done.”",
                "She left.",
                "“Are you?” he asked.",
                "Yes!"
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_do_not_split() {
        assert_eq!(
            split("It rose 4.5 percent. then fell"),
            ["It rose 4.5 percent. then fell"]
        );
    }

    #[test]
    fn lines_are_paragraphs_unless_hard_wrapped() {
        assert_eq!(
            paras("Headline\nFirst para.\n\nSecond para."),
            ["Headline", "First para.", "Second para."]
        );
        let wrapped = "This paragraph was wrapped by a text editor at a fixed\nwidth so its lines continue each other here.\n\nAnd this second paragraph was also wrapped at the very\nsame width by the same editor program.";
        assert_eq!(paras(wrapped).len(), 2);
        assert_eq!(split(wrapped).len(), 2);
    }

    #[test]
    fn crlf_and_empty() {
        assert_eq!(split("One.\r\nTwo."), ["One.", "Two."]);
        assert!(split("").is_empty());
        assert!(split("   \n ").is_empty());
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(1000);
        let tokens = tokenize(&text);
        let paras = paragraphs(&tokens);
        let sents = sentences(&text, &tokens, &paras);
        assert!(sents.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(sents.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
    }
}
