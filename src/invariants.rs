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
    check_groups(analysis, &span_ok)?;
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

/// Entity groups: they point at real entities of their own label, every
/// name has one, entities point back, and the groups are ranked.
fn check_groups(
    analysis: &Analysis,
    span_ok: &dyn Fn(&str, Span) -> Result<(), String>,
) -> Result<(), String> {
    let (entities, groups) = (&analysis.entities, &analysis.groups);
    if analysis.entity_groups.len() != entities.len() {
        return Err("entity_groups and entities differ in length".into());
    }
    for (id, g) in groups.iter().enumerate() {
        if g.mentions.is_empty() {
            return Err(format!("group {id} has no mention"));
        }
        for &m in &g.mentions {
            let e = entities
                .get(m)
                .ok_or(format!("group {id} mentions entity {m}, out of range"))?;
            if e.label != g.label {
                return Err(format!("group {id} mixes labels: {:?}", e.label));
            }
            if analysis.entity_groups.get(m) != Some(&Some(id)) {
                return Err(format!("entity {m} does not point back to group {id}"));
            }
        }
        let spans = [g.name].into_iter().chain(
            [
                &g.aliases,
                &g.roles,
                &g.role_mentions,
                &g.handles,
                &g.variants,
            ]
            .into_iter()
            .flatten()
            .copied(),
        );
        for s in spans {
            span_ok("group span", s)?;
        }
        span_ok("group first", Span::new(g.first, g.first))?;
        let bad = |v: &[usize], n: usize| v.iter().any(|&x| x >= n);
        if bad(&g.candidates, groups.len()) || g.candidates.contains(&id) {
            return Err(format!("group {id} has a bad candidate"));
        }
        if bad(&g.statements, analysis.attributions.len()) || g.salience > 1000 {
            return Err(format!("group {id} has a bad statement or salience"));
        }
    }
    if groups.windows(2).any(|p| p[0].salience < p[1].salience) {
        return Err("groups are not sorted by salience".into());
    }
    for (i, (e, g)) in entities.iter().zip(&analysis.entity_groups).enumerate() {
        match g {
            None if e.label.is_name() => return Err(format!("name entity {i} has no group")),
            Some(g) if groups.get(*g).is_none() => return Err(format!("entity {i}: no group {g}")),
            _ => {}
        }
    }
    Ok(())
}
