//! Pattern entities: DATE, TIME, MONEY, PERCENT, QUANTITY from rules over
//! tokens; HANDLE, HASHTAG, URL and EMAIL straight from their tokens.

pub mod social;

use super::Entity;
use crate::text::Document;

/// Every pattern entity in the document (they may overlap; the caller
/// resolves overlaps).
pub fn find(doc: &Document) -> Vec<Entity> {
    let mut out = Vec::new();
    social::find(doc, &mut out);
    out
}
