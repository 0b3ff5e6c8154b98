//! The learned part of the attribution engine, where rules cannot reach.
//!
//! The rules ([`super::direct`], [`super::indirect`], …) know a lexicon of
//! reporting verbs. News attributes with many more words than that:
//! nominal and action cues (`support for`, `criticism of`, `called for`,
//! `vowed`), beliefs (`hopes`, `fears`), impressions (`seemed`). A cue
//! detector learned from annotated news finds them: an averaged perceptron
//! over hashed features of each candidate word ([`features`]), whose
//! positive words are turned into records by the same clause reading the
//! rules use ([`generic`]).
//!
//! Candidates are cheap to find: a word outside quotation marks that is a
//! lexicon cue or belongs to the learned cue vocabulary (words that were
//! cues often enough in training). Only candidates are scored, so the cost
//! is a hash lookup per word plus a couple of dozen lookups per candidate.
//!
//! The model ([`model`]) is trained by `lede-train attributions` on the
//! PolNeAR training split and embedded in the binary; a build with the
//! `open-model` feature embeds none (PolNeAR has no licence, see
//! `MODEL_CARD.md`) and the engine is then rules only.

pub mod features;
pub mod generic;
pub mod model;
pub mod sources;

use std::sync::OnceLock;

use super::lexicon::*;
use super::source::Ctx;
use model::Linear;

/// The embedded model (`models/attributions.lmod`), absent from the
/// `open-model` build.
#[cfg(not(feature = "open-model"))]
pub const MODEL_BYTES: Option<&[u8]> = Some(include_bytes!("../../../models/attributions.lmod"));
/// The embedded model: none in the `open-model` build.
#[cfg(feature = "open-model")]
pub const MODEL_BYTES: Option<&[u8]> = None;

/// Head numbers in the model file.
pub mod heads {
    /// The cue detector's weights.
    pub const CUE: usize = 0;
    /// The candidate vocabulary (a set of word keys; weights unused).
    pub const VOCABULARY: usize = 1;
    /// The record filter's weights: is the content right?
    pub const RECORD: usize = 2;
    /// The source filter's weights: are the content and source right?
    pub const SOURCE: usize = 3;
    /// The source chooser's weights (see [`super::sources`]).
    pub const CHOOSER: usize = 4;
}

/// A decoded attribution model.
#[derive(Clone, Debug)]
pub struct Model {
    /// Scores candidate cue words.
    pub cue: Linear,
    /// Word keys ([`features::word_key`]) worth scoring.
    pub vocabulary: Linear,
    /// Scores every record (rules' and learned cues') for a right
    /// content; a record scoring at most its threshold is dropped. Empty:
    /// no filter.
    pub record: Linear,
    /// Scores every record for a right content and source; likewise.
    pub source: Linear,
    /// Ranks each record's candidate sources. Empty: the rules' source.
    pub chooser: Linear,
}

impl Model {
    /// Decodes a model file; `None` if it is malformed or incomplete.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let mut heads = model::decode(bytes)?.into_iter();
        let cue = heads.next()?;
        let vocabulary = heads.next()?;
        let record = heads.next().unwrap_or_default();
        let source = heads.next().unwrap_or_default();
        let chooser = heads.next().unwrap_or_default();
        Some(Model {
            cue,
            vocabulary,
            record,
            source,
            chooser,
        })
    }

    /// The embedded model, decoded on first use; `None` in the
    /// `open-model` build (or if the file is malformed).
    pub fn embedded() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL
            .get_or_init(|| MODEL_BYTES.and_then(Model::decode))
            .as_ref()
    }
}

/// Word classes that are never the word carrying a cue (function words;
/// `has`, `is` and `to` may belong to a cue, but next to a word that
/// carries it).
const FUNCTION_CLASSES: u32 = SUBJECT_PRONOUN
    | OBJECT_PRONOUN
    | DETERMINER
    | AUXILIARY
    | STOP_PREPOSITION
    | NP_PREPOSITION
    | CLAUSE_WORD
    | BE_FORM
    | VERB_MODIFIER
    | TIME_WORD;

/// The candidate cue word at token `i`, if it is one: its
/// [`features::word_key`]. `vocabulary` is the learned vocabulary (`None`
/// while training collects it: then every content word is a candidate).
#[inline(never)]
pub fn candidate(ctx: &Ctx, quoted: &[bool], i: usize, vocabulary: Option<&Linear>) -> Option<u32> {
    if !ctx.is_word(i) || quoted.get(i).copied().unwrap_or(true) {
        return None;
    }
    let classes = ctx.classes(i);
    if classes.0 & FUNCTION_CLASSES != 0 && !classes.has(HEDGE_ADVERB) {
        return None;
    }
    // A capitalised word inside a sentence is a name (or a headline's
    // word), unless the lexicon knows it.
    let line_start = ctx.doc.tokens.get(i).is_some_and(|t| {
        matches!(
            t.gap,
            crate::text::Gap::LineBreak | crate::text::Gap::ParagraphBreak
        )
    });
    let first = i == 0 || line_start || !ctx.is_word(i - 1) && !ctx.is_punct(i - 1, ",");
    if !first && is_capitalised(ctx.word(i)) && !ctx.may_be_cue(i) {
        return None;
    }
    let key = features::word_key(ctx.word_hash(i));
    let known = match vocabulary {
        Some(v) => v.contains(key) || ctx.may_be_cue(i),
        None => true,
    };
    known.then_some(key)
}

/// Every candidate cue word of the document with its score, in text order
/// (`threshold` of the model decides which are cues).
#[inline(never)]
pub fn score_cues(ctx: &Ctx, quoted: &[bool], model: &Model) -> Vec<(usize, i32)> {
    let mut out = Vec::new();
    let mut keys = Vec::with_capacity(32);
    for sent in &ctx.doc.sentences {
        let range = sent.tokens.start..sent.tokens.end.min(ctx.len());
        for i in range.clone() {
            let Some(key) = candidate(ctx, quoted, i, Some(&model.vocabulary)) else {
                continue;
            };
            keys.clear();
            features::cue(ctx, quoted, &range, i, key, &mut keys);
            out.push((i, model.cue.score(&keys)));
        }
    }
    out
}

/// The record-filter features of every record of `records` (in order);
/// `scores` are the cue detector's scores by token (ascending).
#[inline(never)]
pub fn record_features(
    ctx: &Ctx,
    records: &[super::Attribution],
    scores: &[(usize, i32)],
    quoted: &[bool],
    model: &Model,
) -> Vec<Vec<u32>> {
    let accepted: Vec<usize> = scores
        .iter()
        .filter(|&&(_, s)| s > model.cue.threshold)
        .map(|&(i, _)| i)
        .collect();
    // Contents sorted, to find nesting by binary search.
    let mut contents: Vec<crate::span::Span> = records.iter().map(|a| a.content).collect();
    contents.sort_unstable();
    let score_of = |i: usize| {
        let k = scores.partition_point(|&(t, _)| t < i);
        scores.get(k).filter(|&&(t, _)| t == i).map(|&(_, s)| s)
    };
    records
        .iter()
        .map(|a| {
            let c = a.content;
            let k = contents.partition_point(|x| x.start < c.start);
            let inside = contents[..k]
                .iter()
                .rev()
                .take(8)
                .any(|x| x.contains(c) && *x != c);
            let holds = contents[k..]
                .iter()
                .take(8)
                .take_while(|x| x.start < c.end)
                .any(|x| c.contains(*x) && *x != c);
            let cue_score = a.cue.and_then(|cue| {
                let first = ctx.token_at(cue.start);
                let last = ctx.token_at(cue.end);
                (first..last.max(first + 1)).filter_map(score_of).max()
            });
            let cue_token = a.cue.map(|cue| ctx.token_at(cue.start));
            let (cs, ce) = (ctx.token_at(c.start), ctx.token_at(c.end));
            let content_cues = accepted.partition_point(|&i| i < ce)
                - accepted.partition_point(|&i| i < cs);
            let facts = features::RecordFacts {
                nesting: u64::from(inside) | u64::from(holds) << 1,
                cue_score,
                threshold: model.cue.threshold,
                cue_quoted: cue_token.is_some_and(|i| quoted.get(i).copied().unwrap_or(false)),
                content_cues,
            };
            let mut keys = Vec::with_capacity(24);
            features::record(ctx, a, &facts, &mut keys);
            keys
        })
        .collect()
}

/// What a training run collects besides the records (each list aligned
/// with the records: nothing is filtered while training).
#[derive(Clone, Debug, Default)]
pub struct Training {
    /// The record filter's features of each record (before the source
    /// choice).
    pub records: Vec<Vec<u32>>,
    /// Each record's candidate sources (before the choice) with their
    /// chooser features.
    pub sources: Vec<Vec<(Option<crate::span::Span>, Vec<u32>)>>,
    /// The source filter's features of each record (after the choice).
    pub chosen: Vec<Vec<u32>>,
}

/// The learned passes over the rules' and learned cues' records (already
/// enriched): the record filter drops records unlikely to be right, the
/// chooser picks each survivor's source, and the source filter drops
/// those whose source is unlikely to be right. With `training`, nothing is
/// dropped and the filters' features are collected instead.
pub fn refine(
    ctx: &Ctx,
    records: &mut Vec<super::Attribution>,
    scores: &[(usize, i32)],
    quoted: &[bool],
    model: &Model,
    mut training: Option<&mut Training>,
) {
    let filter = |records: &mut Vec<super::Attribution>,
                  head: &Linear,
                  sink: Option<&mut Vec<Vec<u32>>>| {
        if sink.is_none() && head.is_empty() {
            return;
        }
        let features = record_features(ctx, records, scores, quoted, model);
        match sink {
            Some(sink) => *sink = features,
            None => {
                let mut keep = features.iter().map(|f| head.score(f) > head.threshold);
                records.retain(|_| keep.next().unwrap_or(true));
            }
        }
    };
    filter(records, &model.record, training.as_deref_mut().map(|t| &mut t.records));
    if choose_sources(ctx, records, model, training.as_deref_mut()) {
        super::enrich(ctx, records);
    }
    filter(records, &model.source, training.map(|t| &mut t.chosen));
}

/// Sets each record's source to the chooser's pick among its candidates
/// (with `training`, also collects the candidates).
#[inline(never)]
/// Returns true when some source changed.
pub fn choose_sources(
    ctx: &Ctx,
    records: &mut [super::Attribution],
    model: &Model,
    mut training: Option<&mut Training>,
) -> bool {
    let choose = !model.chooser.is_empty();
    if !choose && training.is_none() {
        return false;
    }
    let mut changed = false;
    let mut candidates = Vec::new();
    let mut keys = Vec::with_capacity(48);
    for a in records.iter_mut() {
        sources::candidates(ctx, a, &mut candidates);
        let mut best: Option<(i32, Option<crate::span::Span>)> = None;
        let mut listed = Vec::new();
        for c in &candidates {
            keys.clear();
            sources::features(ctx, a, c, &mut keys);
            if training.is_some() {
                listed.push((c.span, keys.clone()));
            }
            if choose {
                let s = model.chooser.score(&keys);
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, c.span));
                }
            }
        }
        if let Some(t) = training.as_deref_mut() {
            t.sources.push(listed);
        }
        if let Some((_, span)) = best {
            if a.source != span {
                a.source = span;
                a.resolved_source = None;
                changed = true;
            }
        }
    }
    changed
}
