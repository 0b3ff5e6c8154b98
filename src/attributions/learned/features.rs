//! Features of the learned cue detector, computed the same way for training
//! (`lede-train attributions`) and inference, so the two cannot drift apart.
//!
//! A feature is a template number and one or two hashed values folded into
//! a 32-bit key (the name tagger's [`hash::key`]). Words are identified by
//! the case-insensitive hash [`Ctx`] already computed for its lexicon
//! lookups, so extracting a token's features allocates nothing and hashes
//! no string twice.

use std::ops::Range;

use super::super::clause::{ends_clause, modifiers_start};
use super::super::lexicon::*;
use super::super::source::Ctx;
use super::super::word_table;
use crate::entities::names::tagger::hash;
use crate::entities::Label;
use crate::text::{QuoteRole, TokenKind};

/// Template numbers (part of every key: never renumber without retraining).
mod t {
    pub const WORD: u64 = 1;
    pub const PREV: u64 = 2;
    pub const NEXT: u64 = 3;
    pub const PREV2: u64 = 4;
    pub const NEXT2: u64 = 5;
    pub const PREV_WORD: u64 = 6;
    pub const WORD_NEXT: u64 = 7;
    pub const SUFFIX3: u64 = 8;
    pub const SUFFIX4: u64 = 9;
    pub const SHAPE: u64 = 10;
    pub const LEXICON: u64 = 11;
    pub const CLASSES_PREV: u64 = 12;
    pub const CLASSES_NEXT: u64 = 13;
    pub const CLASSES_SUBJECT: u64 = 14;
    pub const WORD_CLASSES_PREV: u64 = 15;
    pub const WORD_CLASSES_NEXT: u64 = 16;
    pub const QUOTE_LEFT: u64 = 17;
    pub const QUOTE_RIGHT: u64 = 18;
    pub const POSITION: u64 = 19;
    pub const TO_END: u64 = 20;
    pub const SUBJECT: u64 = 21;
    pub const NAME_AFTER: u64 = 22;
    pub const WORD_SUBJECT: u64 = 23;
    pub const NEXT_NEXT2: u64 = 24;
    pub const CLASSES_NEXT2: u64 = 25;
    pub const WORD_QUOTE_RIGHT: u64 = 26;
    pub const WORD_POSITION: u64 = 27;
    pub const AHEAD: u64 = 28;
    pub const WORD_AHEAD: u64 = 29;
    pub const SUFFIX_NEXT: u64 = 30;
    pub const WORD_PREV2: u64 = 31;
}

/// The key of the cue detector's word-identity feature for a word whose
/// [`Ctx::word_hash`] is `h` (also the key of the candidate vocabulary).
pub fn word_key(h: u32) -> u32 {
    hash::key(t::WORD, u64::from(h), 0)
}

/// Stand-ins for tokens that are not words.
mod ident {
    pub const OUTSIDE: u64 = 1 << 40;
    pub const QUOTE_OPEN: u64 = OUTSIDE + 1;
    pub const QUOTE_CLOSE: u64 = OUTSIDE + 2;
    pub const QUOTE_EITHER: u64 = OUTSIDE + 3;
    pub const DASH: u64 = OUTSIDE + 4;
    pub const NUMBER: u64 = OUTSIDE + 5;
    pub const OTHER: u64 = OUTSIDE + 6;
}

/// What token `i` is, for its neighbours' features: its word, its
/// punctuation, or its kind; `OUTSIDE` beyond the sentence.
#[inline(always)]
fn ident(ctx: &Ctx, sent: &Range<usize>, i: usize) -> u64 {
    if !sent.contains(&i) {
        return ident::OUTSIDE;
    }
    let Some(t) = ctx.doc.tokens.get(i) else {
        return ident::OTHER;
    };
    match t.kind {
        TokenKind::Word => u64::from(ctx.word_hash(i)),
        TokenKind::Punct => u64::from(word_table::hash(t.span.slice(ctx.doc.text))),
        TokenKind::Quote(m) => match m.role {
            QuoteRole::Open => ident::QUOTE_OPEN,
            QuoteRole::Close => ident::QUOTE_CLOSE,
            _ => ident::QUOTE_EITHER,
        },
        TokenKind::Dash => ident::DASH,
        TokenKind::Number => ident::NUMBER,
        _ => ident::OTHER,
    }
}

/// Distance buckets: 0, 1, 2, 3–4, 5–8, 9–16, more.
fn bucket(d: usize) -> u64 {
    match d {
        0..=2 => d as u64,
        3..=4 => 3,
        5..=8 => 4,
        9..=16 => 5,
        _ => 6,
    }
}

/// The hash of the last `n` bytes of `word` (0 when shorter or not on a
/// character boundary).
fn suffix(word: &str, n: usize) -> u64 {
    if word.len() <= n {
        return 0;
    }
    word.get(word.len() - n..)
        .map_or(0, |s| u64::from(word_table::hash(s)))
}

/// A name label as a number.
fn label_code(label: Label) -> u64 {
    label as u64 + 1
}

/// The quotation marks around a candidate, found by the caller's scan of
/// its sentence (so no candidate searches for them).
#[derive(Clone, Copy, Debug, Default)]
pub struct Near {
    /// The last quotation mark before the candidate in its sentence.
    pub quote_left: Option<usize>,
    /// The first quotation mark after it in its sentence.
    pub quote_right: Option<usize>,
    /// True when the candidate lies inside a quotation.
    pub quoted: bool,
}

/// [`word_table::hash`] of `that` and `to`.
const THAT: u32 = word_table::hash_const("that");
const TO: u32 = word_table::hash_const("to");

/// The keys `hash::key(template, v, 0)` of the small values `v < N`,
/// computed at compile time: eight of a candidate's features have a few
/// values only, and their keys need no hashing per candidate.
const fn small_keys<const N: usize>(template: u64) -> [u32; N] {
    let mut keys = [0; N];
    let mut v = 0;
    while v < N {
        keys[v] = hash::key(template, v as u64, 0);
        v += 1;
    }
    keys
}

/// `hash::key(template, v, 0)`, from `keys` ([`small_keys`] of the
/// template) when `v` is small.
#[inline]
fn small_key<const N: usize>(keys: &[u32; N], template: u64, v: u64) -> u32 {
    usize::try_from(v)
        .ok()
        .and_then(|k| keys.get(k))
        .copied()
        .unwrap_or_else(|| hash::key(template, v, 0))
}

/// [`small_keys`] of the templates with few values.
const SHAPE_KEYS: [u32; 4] = small_keys(t::SHAPE);
const QUOTE_LEFT_KEYS: [u32; 32] = small_keys(t::QUOTE_LEFT);
const QUOTE_RIGHT_KEYS: [u32; 8] = small_keys(t::QUOTE_RIGHT);
const POSITION_KEYS: [u32; 8] = small_keys(t::POSITION);
const TO_END_KEYS: [u32; 8] = small_keys(t::TO_END);
const SUBJECT_KEYS: [u32; 32] = small_keys(t::SUBJECT);
const NAME_AFTER_KEYS: [u32; 32] = small_keys(t::NAME_AFTER);
const AHEAD_KEYS: [u32; 32] = small_keys(t::AHEAD);

/// Number of cue-detector features of a candidate.
pub const CUE_FEATURES: usize = 31;

/// Writes to `out` the keys of the cue-detector features of word token
/// `i`, in the sentence `sent` (token range), with the quotation marks
/// `near` it. `word_key` is [`word_key`] of the token, already computed by
/// the caller.
#[inline(never)]
pub fn cue(
    ctx: &Ctx,
    sent: &Range<usize>,
    i: usize,
    word_key: u32,
    near: &Near,
    out: &mut [u32; CUE_FEATURES],
) {
    let w0 = u64::from(ctx.word_hash(i));
    let at = |o: isize| {
        i.checked_add_signed(o)
            .map_or(ident::OUTSIDE, |j| ident(ctx, sent, j))
    };
    let (p1, n1, p2, n2) = (at(-1), at(1), at(-2), at(2));
    let classes = |j: Option<usize>| {
        j.filter(|j| sent.contains(j))
            .map_or(u64::MAX, |j| u64::from(ctx.classes(j).0))
    };
    let c_prev = classes(i.checked_sub(1));
    let c_next = classes(Some(i + 1));
    // The subject slot: before the auxiliaries and adverbs (`Bass has
    // repeatedly said`).
    let k = modifiers_start(ctx, i, sent.start);
    let subject = k.checked_sub(1).filter(|j| sent.contains(j));
    let c_subject = classes(subject);
    let subject_kind = match subject {
        None => 0,
        Some(j) => match ctx.entity_ending_at(j) {
            Some(e) => label_code(e.label),
            None if ctx.is_possessive(j) => 20,
            None if ctx.is_word(j) && is_capitalised(ctx.word(j)) => 21,
            None if ctx.is_word(j) && ctx.word(j).ends_with('s') => 22,
            None if ctx.is_word(j) => 23,
            None if ctx.is_punct(j, ",") => 24,
            None => 25,
        },
    };
    let name_after = ctx
        .entity_starting_at(i + 1)
        .filter(|e| e.span.end <= ctx.span(sent.end.saturating_sub(1)).end)
        .map_or(0, |e| label_code(e.label));
    let word = ctx.word(i);
    let shape = u64::from(is_capitalised(word)) | (u64::from(i == sent.start) << 1);
    let lexicon = ctx
        .cue_id(i)
        .map_or(0, |c| (u64::from(c.entry()) + 1) << 4 | c.form() as u64);
    // Nearest quotation marks on each side, within the sentence.
    let quote_left = near.quote_left.map_or(7, |j| bucket(i - j)) | u64::from(near.quoted) << 4;
    let quote_right = near.quote_right.map_or(7, |j| bucket(j - i));
    // What comes in the next few tokens: a quotation mark, a colon,
    // `that`, another clause word (`whether`, `how`), `to`.
    // (A word is neither a quotation mark, a colon nor a clause's end;
    // `that` and `to` are words.)
    let mut ahead = 0u64;
    for j in (i + 1..sent.end).take(4) {
        match ctx.doc.tokens.get(j).map(|t| t.kind) {
            Some(TokenKind::Word) => {
                let h = ctx.word_hash(j);
                if h == THAT {
                    ahead |= 4;
                } else if ctx.classes(j).has(CLAUSE_WORD) {
                    ahead |= 8;
                } else if h == TO {
                    ahead |= 16;
                }
            }
            Some(TokenKind::Quote(_)) => ahead |= 1,
            _ if ctx.is_punct(j, ":") => ahead |= 2,
            _ if ends_clause(ctx, j) => break,
            _ => {}
        }
    }
    let c_next2 = classes(Some(i + 2));
    let suffix3 = suffix(word, 3);
    let position = bucket(i - sent.start);
    *out = [
        word_key,
        hash::key(t::PREV, p1, 0),
        hash::key(t::NEXT, n1, 0),
        hash::key(t::PREV2, p2, 0),
        hash::key(t::NEXT2, n2, 0),
        hash::key(t::PREV_WORD, p1, w0),
        hash::key(t::WORD_NEXT, w0, n1),
        hash::key(t::NEXT_NEXT2, n1, n2),
        hash::key(t::SUFFIX3, suffix3, 0),
        hash::key(t::SUFFIX4, suffix(word, 4), 0),
        small_key(&SHAPE_KEYS, t::SHAPE, shape),
        hash::key(t::LEXICON, lexicon, 0),
        hash::key(t::CLASSES_PREV, c_prev, 0),
        hash::key(t::CLASSES_NEXT, c_next, 0),
        hash::key(t::CLASSES_SUBJECT, c_subject, subject_kind),
        hash::key(t::WORD_CLASSES_PREV, w0, c_prev),
        hash::key(t::WORD_CLASSES_NEXT, w0, c_next),
        small_key(&QUOTE_LEFT_KEYS, t::QUOTE_LEFT, quote_left),
        small_key(&QUOTE_RIGHT_KEYS, t::QUOTE_RIGHT, quote_right),
        small_key(&POSITION_KEYS, t::POSITION, position),
        small_key(
            &TO_END_KEYS,
            t::TO_END,
            bucket(sent.end.saturating_sub(i + 1)),
        ),
        small_key(&SUBJECT_KEYS, t::SUBJECT, subject_kind),
        small_key(&NAME_AFTER_KEYS, t::NAME_AFTER, name_after),
        hash::key(t::WORD_SUBJECT, w0, subject_kind),
        hash::key(t::CLASSES_NEXT2, c_next2, 0),
        hash::key(t::WORD_QUOTE_RIGHT, w0, quote_right),
        hash::key(t::WORD_POSITION, w0, position),
        small_key(&AHEAD_KEYS, t::AHEAD, ahead),
        hash::key(t::WORD_AHEAD, w0, ahead),
        hash::key(t::SUFFIX_NEXT, suffix3, n1),
        hash::key(t::WORD_PREV2, w0, p2),
    ];
}

/// Template numbers of the record features (a separate space from the cue
/// features: their keys go to another head).
mod r {
    pub const PATTERN: u64 = 101;
    pub const KIND: u64 = 102;
    pub const CUE_FIRST: u64 = 103;
    pub const CUE_LAST: u64 = 104;
    pub const PATTERN_CUE: u64 = 105;
    pub const STANCE: u64 = 106;
    pub const CUE_SCORE: u64 = 107;
    pub const PATTERN_CUE_SCORE: u64 = 108;
    pub const SOURCE_TYPE: u64 = 109;
    pub const PATTERN_SOURCE_TYPE: u64 = 110;
    pub const SOURCE_LENGTH: u64 = 111;
    pub const CONTENT_LENGTH: u64 = 112;
    pub const PATTERN_CONTENT_LENGTH: u64 = 113;
    pub const CONTENT_FIRST: u64 = 114;
    pub const NESTING: u64 = 115;
    pub const HEDGE: u64 = 116;
    pub const BEFORE_CUE: u64 = 117;
    pub const AFTER_CUE: u64 = 118;
    pub const CUE_TO_CONTENT: u64 = 119;
    pub const SOURCE_TO_CUE: u64 = 120;
    pub const CONTENT_PARTS: u64 = 121;
    pub const CUE_CONTENT_FIRST: u64 = 122;
    pub const SOURCE_FIRST: u64 = 123;
    pub const CUE_SOURCE_TYPE: u64 = 124;
    pub const CUE_CONTENT_LENGTH: u64 = 125;
    pub const CUE_TO_CONTENT_WORD: u64 = 126;
    pub const SCORE_NESTING: u64 = 127;
    pub const CONTENT_LAST: u64 = 128;
    pub const CUE_QUOTED: u64 = 129;
    pub const CONTENT_CUES: u64 = 130;
    pub const SCORE_SOURCE_TYPE: u64 = 131;
    pub const NESTED_AT: u64 = 132;
    pub const NESTED_AT_CUE: u64 = 133;
    pub const NEIGHBOURS: u64 = 134;
    pub const PREVIOUS_GAP: u64 = 135;
}

/// A signed distance bucket: sign and [`bucket`] of the size.
fn signed_bucket(d: isize) -> u64 {
    bucket(d.unsigned_abs()) | u64::from(d < 0) << 3
}

/// The cue score as a bucket relative to the threshold (`None`: not a
/// scored candidate).
fn score_bucket(score: Option<i32>, threshold: i32) -> u64 {
    match score {
        None => 0,
        Some(s) => {
            let m = s - threshold;
            1 + match m {
                i32::MIN..=-40 => 0,
                -39..=-20 => 1,
                -19..=-10 => 2,
                -9..=0 => 3,
                1..=10 => 4,
                11..=20 => 5,
                21..=40 => 6,
                _ => 7,
            }
        }
    }
}

/// What the record filter knows about one record.
pub struct RecordFacts {
    /// The record's nesting: bit 0 when another record's content holds its
    /// content, bit 1 when its content holds another's, bit 2 when its cue
    /// opens a holding record's content (`said they think …`).
    pub nesting: u64,
    /// The cue detector's score of the record's cue word (the best of its
    /// words), if one was scored.
    pub cue_score: Option<i32>,
    /// The cue detector's threshold.
    pub threshold: i32,
    /// True when the cue lies inside a quotation.
    pub cue_quoted: bool,
    /// Cue words the detector accepted inside the content.
    pub content_cues: usize,
    /// For a record nested in another's content, where its clause starts
    /// there (PolNeAR annotates `…, adding that …` and `…, who said …` as
    /// attributions of their own, `said they think …` as the outer one
    /// only): bits 0–3 what precedes it (1: it opens the holder, 2 a comma,
    /// 3 `, and`, 4 `and`/`but`/`or`, 5 `;`/`:`/dash, 6 a relative word, 7
    /// a quotation mark, 8 another word), bits 4–5 its distance in tokens
    /// from the holder's start (≤ 3, ≤ 10, more), bit 6 a source of its own
    /// inside the holder, bit 7 it runs to the holder's end; 0 when not
    /// nested.
    pub nested_at: u64,
    /// The records around it that compete for its words: bit 0 another
    /// record with the same content (two rules' or cues' readings), bit 1
    /// one overlapping it without either holding the other (a boundary
    /// disagreement).
    pub neighbours: u64,
    /// Tokens from the end of the content before it (the latest-starting
    /// record starting earlier) to its start, `None` for the first.
    pub previous_gap: Option<isize>,
}

/// Number of record-filter features of a record.
pub const RECORD_FEATURES: usize = 35;

/// Writes to `out` the keys of the record-filter features of `a`.
#[inline(never)]
pub fn record(
    ctx: &Ctx,
    a: &super::super::Attribution,
    facts: &RecordFacts,
    out: &mut [u32; RECORD_FEATURES],
) {
    let pattern = a.pattern as u64 + 1;
    let kind = a.kind as u64 + 1;
    let token_word = |i: usize| -> u64 {
        if i < ctx.len() {
            ident(ctx, &(0..ctx.len()), i)
        } else {
            ident::OUTSIDE
        }
    };
    let (cue_first, cue_last, before_cue, after_cue, cue_at) = match a.cue {
        Some(c) => {
            let f = ctx.token_at(c.start);
            let l = ctx.token_at(c.end).saturating_sub(1).max(f);
            (
                token_word(f),
                token_word(l),
                f.checked_sub(1).map_or(ident::OUTSIDE, token_word),
                token_word(l + 1),
                Some((f, l)),
            )
        }
        None => (0, 0, 0, 0, None),
    };
    let content_first = ctx.token_at(a.content.start);
    let content_end = ctx.token_at(a.content.end);
    let content_len = content_end.saturating_sub(content_first);
    let source_type = a.source_type.map_or(0, |t| t as u64 + 1);
    let (source_len, source_first, source_to_cue) = match a.source {
        Some(s) => {
            let f = ctx.token_at(s.start);
            let l = ctx.token_at(s.end);
            let d = cue_at.map_or(0, |(cf, _)| cf as isize - f as isize);
            (bucket(l.saturating_sub(f)), token_word(f), signed_bucket(d))
        }
        None => (7, 0, 15),
    };
    let cue_to_content = cue_at.map_or(15, |(cf, _)| {
        signed_bucket(content_first as isize - cf as isize)
    });
    let score = score_bucket(facts.cue_score, facts.threshold);
    let stance = a.stance as u64;
    *out = [
        hash::key(r::PATTERN, pattern, 0),
        hash::key(r::KIND, kind, pattern),
        hash::key(r::CUE_FIRST, cue_first, 0),
        hash::key(r::CUE_LAST, cue_last, 0),
        hash::key(r::PATTERN_CUE, pattern, cue_first),
        hash::key(r::STANCE, stance, pattern),
        hash::key(r::CUE_SCORE, score, 0),
        hash::key(r::PATTERN_CUE_SCORE, pattern, score),
        hash::key(r::SOURCE_TYPE, source_type, 0),
        hash::key(r::PATTERN_SOURCE_TYPE, pattern, source_type),
        hash::key(r::SOURCE_LENGTH, source_len, 0),
        hash::key(r::CONTENT_LENGTH, bucket(content_len), 0),
        hash::key(r::PATTERN_CONTENT_LENGTH, pattern, bucket(content_len)),
        hash::key(r::CONTENT_FIRST, token_word(content_first), 0),
        hash::key(r::NESTING, facts.nesting, pattern),
        hash::key(r::HEDGE, u64::from(a.hedge.is_some()), 0),
        hash::key(r::BEFORE_CUE, before_cue, 0),
        hash::key(r::AFTER_CUE, after_cue, 0),
        hash::key(r::CUE_TO_CONTENT, cue_to_content, pattern),
        hash::key(r::SOURCE_TO_CUE, source_to_cue, 0),
        hash::key(
            r::CONTENT_PARTS,
            a.content_parts.len().min(4) as u64,
            pattern,
        ),
        hash::key(r::CUE_CONTENT_FIRST, cue_first, token_word(content_first)),
        hash::key(r::SOURCE_FIRST, source_first, 0),
        hash::key(r::CUE_SOURCE_TYPE, cue_first, source_type),
        hash::key(r::CUE_CONTENT_LENGTH, cue_first, bucket(content_len)),
        hash::key(r::CUE_TO_CONTENT_WORD, cue_first, cue_to_content),
        hash::key(r::SCORE_NESTING, score, facts.nesting),
        hash::key(
            r::CONTENT_LAST,
            token_word(content_end.saturating_sub(1)),
            0,
        ),
        hash::key(r::CUE_QUOTED, facts.cue_quoted as u64, pattern),
        hash::key(r::CONTENT_CUES, bucket(facts.content_cues), pattern),
        hash::key(r::SCORE_SOURCE_TYPE, score, source_type),
        hash::key(r::NESTED_AT, facts.nested_at, pattern),
        hash::key(r::NESTED_AT_CUE, facts.nested_at & 0x0f, cue_first),
        hash::key(r::NEIGHBOURS, facts.neighbours, pattern),
        hash::key(
            r::PREVIOUS_GAP,
            facts.previous_gap.map_or(15, signed_bucket),
            pattern,
        ),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn keys(text: &str, word: &str) -> Vec<u32> {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let i = (0..ctx.len()).find(|&i| ctx.word(i) == word).unwrap();
        let sent = doc.sentences[0].tokens.clone();
        let mut out = [0; CUE_FEATURES];
        let key = word_key(ctx.word_hash(i));
        cue(&ctx, &sent, i, key, &Near::default(), &mut out);
        out.to_vec()
    }

    #[test]
    fn same_context_same_keys_and_case_does_not_matter() {
        let a = keys("The mayor voiced support for the plan.", "support");
        let b = keys("The mayor voiced support for the plan.", "support");
        assert_eq!(a, b);
        let upper = keys("THE MAYOR VOICED SUPPORT FOR THE PLAN.", "SUPPORT");
        // Word identities agree; only the shape differs.
        assert_eq!(a[0], upper[0]);
        let c = keys("The mayor voiced support against the plan.", "support");
        assert_eq!(a[0], c[0]);
        assert_ne!(a[2], c[2], "the next word differs");
    }

    /// The compile-time keys of small values are the hashed keys, and
    /// larger values fall back to hashing.
    #[test]
    fn small_value_keys_are_the_hashed_keys() {
        for v in 0..40u64 {
            assert_eq!(
                small_key(&AHEAD_KEYS, t::AHEAD, v),
                hash::key(t::AHEAD, v, 0)
            );
            assert_eq!(
                small_key(&SHAPE_KEYS, t::SHAPE, v),
                hash::key(t::SHAPE, v, 0)
            );
        }
        assert_eq!(
            small_key(&SUBJECT_KEYS, t::SUBJECT, u64::MAX),
            hash::key(t::SUBJECT, u64::MAX, 0)
        );
    }

    #[test]
    fn the_hash_the_keys_depend_on_is_unchanged() {
        // The shipped attribution model's keys were made with this hash:
        // if it changes, `lede-train attributions` must be run again.
        assert_eq!(hash::key(1, 2, 3), 0x4ec6_fa23, "{:#x}", hash::key(1, 2, 3));
    }
}
