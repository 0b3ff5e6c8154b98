//! Lede: named entities and source attributions in news articles.
//!
//! The pipeline, one module per stage:
//! [`text`] (tokens, sentences, paragraphs, offsets) →
//! [`entities`] (names and pattern types) →
//! [`aliases`] (mentions of one entity grouped) →
//! [`attributions`] (who said what) →
//! [`analysis`] (the front door, [`analyse`]) →
//! [`report`] (offsets converted for output).
//!
//! The core does no IO, never panics and is deterministic. Offsets inside
//! are UTF-8 bytes; [`report::Report`] converts them to UTF-16 code units
//! (JavaScript), code points (Python) or keeps bytes.
//!
//! ```
//! let text = "“We will hold the line,” said Mayor Karen Bass.";
//! let analysis = lede::analyse(text, &lede::Options::default());
//! let report = lede::report::Report::new(text, &analysis, lede::OffsetUnit::CodePoints);
//! println!("{} entities", report.entities.len());
//! ```

// "Never panics" is enforced, not just promised: no unwrap/expect outside
// tests (unit tests may unwrap freely). Indexing and slicing are denied in
// `text` and `invariants` (their own attributes); elsewhere not yet: the
// remaining sites (mostly the tagger's Viterbi tables) index by
// construction-bounded positions and are covered by the property tests and
// the fuzzer.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod aliases;
pub mod analysis;
pub mod attributions;
#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
pub mod entities;
pub mod invariants;
pub mod model_bytes;
pub mod report;
pub mod span;
pub mod tape;
pub mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use aliases::Group;
pub use analysis::{analyse, Analysis, Options};
pub use attributions::{Attribution, AttributionKind};
pub use entities::{Entity, Label};
pub use span::Span;
pub use text::OffsetUnit;

/// Lede's version (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
