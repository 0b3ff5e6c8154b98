//! The text layer: tokens, sentences and paragraphs of news text, and offset
//! conversion for the boundary.

// Input-facing and checked on every fuzz input: no indexing that could panic.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

pub mod abbreviations;
pub mod chars;
pub mod offsets;
pub mod segment;
pub mod token;
pub mod word_table;

pub use offsets::{OffsetMap, OffsetUnit};
pub use segment::Segment;
pub use token::{Gap, QuoteMark, QuoteRole, Token, TokenKind};

use crate::span::Span;

/// A text with its tokens, paragraphs and sentences: what every later stage
/// reads.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The analysed text.
    pub text: &'t str,
    /// Tokens in text order; they never overlap.
    pub tokens: Vec<Token>,
    /// Paragraphs in text order, covering every token.
    pub paragraphs: Vec<Segment>,
    /// Sentences in text order, covering every token; none crosses a paragraph.
    pub sentences: Vec<Segment>,
}

impl<'t> Document<'t> {
    /// Tokenizes and segments `text`.
    pub fn new(text: &'t str) -> Self {
        let tokens = token::tokenize(text);
        let paragraphs = segment::paragraphs(&tokens);
        let sentences = segment::sentences(text, &tokens, &paragraphs);
        Document {
            text,
            tokens,
            paragraphs,
            sentences,
        }
    }

    /// The text of token `i` (`""` when out of range).
    pub fn token_text(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// The text under `span`.
    pub fn slice(&self, span: Span) -> &'t str {
        span.slice(self.text)
    }

    /// Index of the first token that ends after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    /// The byte span covering tokens `range` (empty at the range's start when
    /// the range is empty).
    pub fn tokens_span(&self, range: std::ops::Range<usize>) -> Span {
        let start = self
            .tokens
            .get(range.start)
            .map_or(self.text.len(), |t| t.span.start);
        match range.end.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some(last) if range.end > range.start => Span::new(start, last.span.end),
            _ => Span::new(start, start),
        }
    }
}
