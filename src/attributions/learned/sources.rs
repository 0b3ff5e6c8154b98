//! Choosing each record's source among several readings: the rule's own,
//! none, and what the other source readers propose around the cue (its
//! subject past auxiliaries and complements, the noun phrase after it, the
//! clause's subject, a possessor, the nearest name, a participle's
//! subject, the subject of the sentence before a bare quotation …). A
//! learned ranker ([`features`] below, head `CHOOSER` of the model) picks
//! one; the rule's reading wins ties.
//!
//! Every reader is a rule; only the choice is learned.

use std::ops::Range;

use super::super::clause::{sentence_subject, source_of_participle};
use super::super::lexicon::*;
use super::super::source::{np_backward, np_forward, Ctx};
use super::super::Attribution;
use super::generic;
use crate::entities::names::tagger::hash;
use crate::entities::Label;
use crate::span::Span;

/// Who proposed a candidate (bits of [`Candidate::from`]).
pub mod from {
    /// The record's own source.
    pub const CURRENT: u32 = 1 << 0;
    /// No source.
    pub const NONE: u32 = 1 << 1;
    /// The cue's subject, past auxiliaries and complements.
    pub const SUBJECT: u32 = 1 << 2;
    /// (Unused: was the rules' plain subject reader.)
    pub const BEFORE: u32 = 1 << 3;
    /// The noun phrase after the cue.
    pub const AFTER: u32 = 1 << 4;
    /// The subject of the cue's clause.
    pub const CLAUSE: u32 = 1 << 5;
    /// The possessor of a noun cue.
    pub const POSSESSOR: u32 = 1 << 6;
    /// The noun phrase right before the cue.
    pub const ADJACENT: u32 = 1 << 7;
    /// The last name before the cue in its sentence.
    pub const NAME_BEFORE: u32 = 1 << 8;
    /// The first name after the cue in its sentence.
    pub const NAME_AFTER: u32 = 1 << 9;
    /// The subject of the clause a participle hangs on.
    pub const PARTICIPLE: u32 = 1 << 10;
    /// The subject of the sentence before the content.
    pub const PREVIOUS: u32 = 1 << 11;
    /// The subject of the sentence after the content.
    pub const NEXT: u32 = 1 << 12;
}

/// One possible source of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The mention (`None`: no source).
    pub span: Option<Span>,
    /// Who proposed it (bits of [`from`]).
    pub from: u32,
}

/// True for the records whose source the chooser reconsiders: all but
/// cued quotations (their source is right nine times in ten, and choosing
/// costs time), `according to`/`per` and the rules' `X reports`/`X has
/// learned` (the source is the cue's own by construction), dash trailers,
/// pasted posts, transcript turns (the label is the speaker) and bare
/// quotations (with no cue, a source from a neighbouring sentence is a
/// guess).
pub fn worth_choosing(a: &Attribution) -> bool {
    use super::super::{AttributionKind, Pattern};
    let by_construction =
        a.kind == AttributionKind::AccordingTo && a.pattern != Pattern::LearnedCue;
    !by_construction
        && !matches!(
            a.pattern,
            Pattern::DirectCued
                | Pattern::SocialPost
                | Pattern::AccordingTo
                | Pattern::Per
                | Pattern::DirectTrailer
                | Pattern::DirectBare
                | Pattern::TranscriptTurn
        )
}

/// The sentence (token range) holding token `i`.
fn sentence_of(ctx: &Ctx, i: usize) -> Range<usize> {
    let s = &ctx.doc.sentences;
    let k = s.partition_point(|x| x.tokens.end <= i);
    s.get(k)
        .map_or(i..i, |x| x.tokens.start..x.tokens.end.min(ctx.len()))
}

/// The candidate sources of `a` (the record's own first, then none).
/// A mention inside the content is never its source (`The plan seemed
/// doomed`: the plan is what the impression is about).
#[inline(never)]
pub fn candidates(ctx: &Ctx, a: &Attribution, out: &mut Vec<Candidate>) {
    out.clear();
    let in_content = |s: Span| a.content_parts.iter().any(|p| p.overlaps(s));
    let mut add = |span: Option<Span>, bit: u32| {
        if span.is_some_and(in_content) {
            return;
        }
        match out.iter_mut().find(|c| c.span == span) {
            Some(c) => c.from |= bit,
            None => out.push(Candidate { span, from: bit }),
        }
    };
    add(a.source, from::CURRENT);
    add(None, from::NONE);
    let content_first = ctx.token_at(a.content.start);
    if let Some(cue) = a.cue {
        let f = ctx.token_at(cue.start);
        let l = ctx.token_at(cue.end).max(f + 1);
        let sent = sentence_of(ctx, f);
        let (s, e) = (sent.start, sent.end);
        if sent.contains(&f) {
            add(generic::subject(ctx, f, s, e), from::SUBJECT);
            add(np_forward(ctx, l, e).map(|(x, _)| x), from::AFTER);
            // The clause's subject, for a coordinated cue (`Bass denounced
            // the plan and said`, `…, voiced support`).
            let k = super::super::clause::modifiers_start(ctx, f, s);
            let coordinated =
                k > s && (ctx.is_punct(k - 1, ",") || is_one_of(ctx.word(k - 1), &["and", "but"]));
            if coordinated {
                add(sentence_subject(ctx, s, f), from::CLAUSE);
            }
            add(generic::possessor(ctx, f, s), from::POSSESSOR);
            add(
                f.checked_sub(1).and_then(|p| np_backward(ctx, p, s)),
                from::ADJACENT,
            );
            if ctx.word(f).ends_with("ing") {
                add(source_of_participle(ctx, f, s), from::PARTICIPLE);
            }
            let names = ctx.names();
            let start = ctx.span(s).start;
            let before = ctx.span(f).start;
            let k = names.partition_point(|n| n.span.end <= before);
            let person_or_org = |l: Label| matches!(l, Label::Person | Label::Org);
            add(
                names[..k]
                    .iter()
                    .rev()
                    .take_while(|n| n.span.start >= start)
                    .find(|n| person_or_org(n.label))
                    .map(|n| n.span),
                from::NAME_BEFORE,
            );
            let after = ctx.span(l.saturating_sub(1)).end;
            let end = ctx.span(e.saturating_sub(1)).end;
            let k = names.partition_point(|n| n.span.start < after);
            add(
                names[k..]
                    .iter()
                    .take_while(|n| n.span.end <= end)
                    .find(|n| person_or_org(n.label))
                    .map(|n| n.span),
                from::NAME_AFTER,
            );
        }
    }
    if a.cue.is_some() {
        return;
    }
    // Around a content without a cue: the speaker of a bare quotation is
    // often the subject of the sentence before or after it.
    let here = sentence_of(ctx, content_first);
    if here.start > 0 {
        let prev = sentence_of(ctx, here.start - 1);
        add(sentence_subject(ctx, prev.start, prev.end), from::PREVIOUS);
    }
    let last = ctx.token_at(a.content.end).saturating_sub(1);
    let end_sent = sentence_of(ctx, last);
    if end_sent.end < ctx.len() {
        let next = sentence_of(ctx, end_sent.end);
        add(sentence_subject(ctx, next.start, next.end), from::NEXT);
    }
}

/// Template numbers of the chooser's features.
mod t {
    pub const FROM: u64 = 201;
    pub const FROM_PATTERN: u64 = 202;
    pub const BIT_PATTERN: u64 = 203;
    pub const TYPE: u64 = 204;
    pub const TYPE_PATTERN: u64 = 205;
    pub const LENGTH: u64 = 206;
    pub const DISTANCE: u64 = 207;
    pub const INSIDE: u64 = 208;
    pub const FIRST: u64 = 209;
    pub const LAST: u64 = 210;
    pub const LABEL: u64 = 211;
    pub const BIT_CUE: u64 = 212;
    pub const NONE_CUE: u64 = 213;
    pub const BIT_TYPE: u64 = 214;
}

/// What the features read of a candidate mention, looked up once.
struct Mention {
    /// Its first token.
    first: usize,
    /// Its last token (at least `first`).
    last: usize,
    /// The label of the name entity ending it, if any.
    label: Option<Label>,
}

impl Mention {
    fn new(ctx: &Ctx, s: Span) -> Self {
        let first = ctx.token_at(s.start);
        let last = ctx.token_at(s.end).saturating_sub(1).max(first);
        Mention {
            first,
            last,
            label: ctx.label_of(s),
        }
    }

    /// A cheap type of the mention (cheaper than
    /// [`source_type::classify`], which the chooser would call for every
    /// candidate): the name label ending it, or its first word's classes
    /// and its last word's shape.
    fn kind(&self, ctx: &Ctx) -> u64 {
        if let Some(label) = self.label {
            return label as u64 + 1;
        }
        let first = ctx.classes(self.first).0 & (SUBJECT_PRONOUN | DETERMINER | CLAUSE_WORD);
        let last = ctx.word(self.last);
        let shape = u32::from(is_capitalised(last)) | u32::from(last.ends_with('s')) << 1;
        u64::from(first) << 4 | u64::from(shape) | 1 << 40
    }
}

/// What the features of every candidate of one record share.
pub struct RecordView {
    /// The record's pattern, as a feature value.
    pattern: u64,
    /// The cue's first token (`usize::MAX` without a cue).
    cue_first: usize,
    /// The hash of the cue's first word (0 without a cue).
    cue_word: u64,
    /// The record's content.
    content: Span,
}

impl RecordView {
    /// Looks up what the candidates of `a` share.
    pub fn new(ctx: &Ctx, a: &Attribution) -> Self {
        let cue_first = a.cue.map_or(usize::MAX, |s| ctx.token_at(s.start));
        RecordView {
            pattern: a.pattern as u64 + 1,
            cue_first,
            cue_word: u64::from(ctx.word_hash(cue_first)),
            content: a.content,
        }
    }

    /// Appends the keys of candidate `c` (see [`features`]).
    pub fn features(&self, ctx: &Ctx, c: &Candidate, out: &mut Vec<u32>) {
        let (pattern, cue_first, cue_word) = (self.pattern, self.cue_first, self.cue_word);
        let from = u64::from(c.from);
        let mention = c.span.map(|s| (s, Mention::new(ctx, s)));
        let kind = mention.as_ref().map_or(0, |(_, m)| m.kind(ctx));
        out.push(hash::key(t::FROM, from, 0));
        out.push(hash::key(t::FROM_PATTERN, from, pattern));
        for bit in 0..13 {
            if c.from & (1 << bit) != 0 {
                out.push(hash::key(t::BIT_PATTERN, bit, pattern));
                out.push(hash::key(t::BIT_CUE, bit, cue_word));
                out.push(hash::key(t::BIT_TYPE, bit, kind));
            }
        }
        out.push(hash::key(t::TYPE, kind, 0));
        out.push(hash::key(t::TYPE_PATTERN, kind, pattern));
        match mention {
            None => out.push(hash::key(t::NONE_CUE, cue_word, pattern)),
            Some((s, m)) => {
                let (f, l) = (m.first, m.last);
                out.push(hash::key(t::LENGTH, (l - f).min(8) as u64, 0));
                let d = if cue_first == usize::MAX {
                    99
                } else {
                    let signed = cue_first as isize - l as isize;
                    signed.clamp(-12, 12) as u64 & 0xff
                };
                out.push(hash::key(t::DISTANCE, d, pattern));
                out.push(hash::key(
                    t::INSIDE,
                    u64::from(self.content.contains(s)),
                    pattern,
                ));
                out.push(hash::key(t::FIRST, u64::from(ctx.word_hash(f)), 0));
                out.push(hash::key(t::LAST, u64::from(ctx.word_hash(l)), 0));
                let label = m.label.map_or(0, |l| l as u64 + 1);
                out.push(hash::key(t::LABEL, label, 0));
            }
        }
    }
}

/// Appends the keys of candidate `c` of record `a`.
#[inline(never)]
pub fn features(ctx: &Ctx, a: &Attribution, c: &Candidate, out: &mut Vec<u32>) {
    RecordView::new(ctx, a).features(ctx, c, out);
}
