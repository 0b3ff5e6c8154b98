//! The output invariants, as one checkable function.
//!
//! Property tests (`tests/properties.rs`) and the fuzzer (`fuzz/`) both call
//! [`check`]; keeping the list in one place means a new field with spans gets
//! checked everywhere at once. Cheap enough to run on every generated input.

use crate::analysis::Analysis;
use crate::report::Report;
use crate::span::Span;
use crate::text::{OffsetMap, OffsetUnit};

/// Checks every invariant of `analysis` for `text`; the error says which one
/// failed and where.
pub fn check(text: &str, analysis: &Analysis) -> Result<(), String> {
    let span_ok = |what: &str, s: Span| -> Result<(), String> {
        if s.start > s.end || s.end > text.len() {
            return Err(format!(
                "{what} {s:?} lies outside the text ({} bytes)",
                text.len()
            ));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("{what} {s:?} splits a character"));
        }
        Ok(())
    };
    for e in &analysis.entities {
        span_ok("entity", e.span)?;
        if e.span.is_empty() {
            return Err(format!("empty entity at {:?}", e.span));
        }
    }
    for pair in analysis.entities.windows(2) {
        if pair[0].span.end > pair[1].span.start {
            return Err(format!(
                "entities overlap or are out of order: {:?} then {:?}",
                pair[0], pair[1]
            ));
        }
    }
    for a in &analysis.attributions {
        span_ok("attribution content", a.content)?;
        for part in &a.content_parts {
            span_ok("content part", *part)?;
            if !a.content.contains(*part) {
                return Err(format!(
                    "content part {part:?} outside its content {:?}",
                    a.content
                ));
            }
        }
        let parts = [a.cue, a.source, a.resolved_source, a.hedge];
        for s in parts.into_iter().flatten() {
            span_ok("attribution part", s)?;
        }
        if let Some(post) = &a.post {
            for s in [post.author, post.handle, post.date, post.link]
                .into_iter()
                .flatten()
            {
                span_ok("post part", s)?;
            }
        }
        if !(0.0..=1.0).contains(&a.confidence) {
            return Err(format!("confidence {} outside 0..=1", a.confidence));
        }
    }
    for c in &analysis.hedged_claims {
        span_ok("hedged claim", c.content)?;
        span_ok("hedge", c.hedge)?;
    }
    for s in analysis.sentences.iter().chain(&analysis.tokens) {
        span_ok("sentence or token", *s)?;
    }
    // The report's text is the slice under its offsets, in every unit, and
    // offsets convert back to the same bytes.
    for unit in [OffsetUnit::Utf16, OffsetUnit::CodePoints, OffsetUnit::Bytes] {
        let report = Report::new(text, analysis, unit);
        let map = OffsetMap::new(text, unit);
        for (e, core) in report.entities.iter().zip(&analysis.entities) {
            let back = Span::new(map.to_byte(e.start), map.to_byte(e.end));
            if back != core.span || back.slice(text) != e.text {
                return Err(format!(
                    "{unit:?} offsets of {:?} do not round-trip",
                    core.span
                ));
            }
        }
    }
    Ok(())
}
