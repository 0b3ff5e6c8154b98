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
    /// Settings: the head's bias is the bit set of the rules
    /// ([`super::super::Pattern`] numbers) whose records the filters may
    /// drop (learned cues' records always may).
    pub const SETTINGS: usize = 5;
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
    /// The rules ([`super::Pattern`] numbers, as bits) whose records the
    /// filters may drop.
    pub filtered: u32,
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
        let filtered = heads.next().map_or(u32::MAX, |h| h.bias as u32);
        Some(Model {
            cue,
            vocabulary,
            record,
            source,
            chooser,
            filtered,
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
#[inline]
pub fn candidate(ctx: &Ctx, quoted: &[bool], i: usize, vocabulary: Option<&Linear>) -> Option<u32> {
    // Most tokens stop here (function words, punctuation), inlined in the
    // caller's loop over every token. (Other tokens than words have no
    // classes.)
    let classes = ctx.classes(i);
    if classes.0 & FUNCTION_CLASSES != 0 && !classes.has(HEDGE_ADVERB) {
        return None;
    }
    if !ctx.is_word(i) || quoted.get(i).copied().unwrap_or(true) {
        return None;
    }
    content_candidate(ctx, i, vocabulary)
}

/// [`candidate`] for a content word outside quotation marks.
#[inline]
fn content_candidate(ctx: &Ctx, i: usize, vocabulary: Option<&Linear>) -> Option<u32> {
    // Most content words are not in the vocabulary: one lookup, inlined in
    // the caller's loop, rules them out before the tests that read the
    // text.
    let key = features::word_key(ctx.word_hash(i));
    let known = match vocabulary {
        Some(v) => ctx.may_be_cue(i) || v.contains(key),
        None => true,
    };
    if !known {
        return None;
    }
    known_candidate(ctx, i, key)
}

/// [`content_candidate`] for a word in the vocabulary or the lexicon
/// (`key` its [`features::word_key`]).
#[inline(never)]
fn known_candidate(ctx: &Ctx, i: usize, key: u32) -> Option<u32> {
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
    if ctx
        .cue_word(i)
        .is_some_and(|c| ctx.is_physical_phrasal(i, c))
    {
        return None;
    }
    // `Privacy advocates say`: a plural noun before the verb of saying.
    if ctx
        .cue_word(i)
        .is_some_and(|c| super::indirect::is_subject_noun(ctx, i, c))
    {
        return None;
    }
    // `wrote in a note to clients`: after an article the word is a noun
    // (58 of PolNeAR train's 19,831 cues follow one).
    if i > 0 && is_one_of(ctx.word(i - 1), &["a", "an", "the"]) {
        return None;
    }
    // `her proposed budget`, `their stated goal`: a past form after a
    // possessive is an adjective.
    if i > 0
        && is_one_of(
            ctx.word(i - 1),
            &["his", "her", "their", "its", "our", "my", "your"],
        )
        && ctx.cue_word(i).is_some_and(|c| {
            matches!(
                c.form,
                super::cues::Form::Past | super::cues::Form::Participle
            )
        })
    {
        return None;
    }
    (!super::hedges::is_hedge_passive(ctx, i)).then_some(key)
}

/// Calls `f` with every candidate cue word of the document (in text
/// order) and its features; `vocabulary` as in [`candidate`]. Training and
/// inference both read candidates through this.
pub fn each_candidate(
    ctx: &Ctx,
    quoted: &[bool],
    vocabulary: Option<&Linear>,
    mut f: impl FnMut(usize, &[u32]),
) {
    // The document's quotation marks, ascending; each sentence reads its
    // own from there.
    let marks = ctx.quote_marks();
    let mut keys = [0; features::CUE_FEATURES];
    for sent in &ctx.doc.sentences {
        let range = sent.tokens.start..sent.tokens.end.min(ctx.len());
        let quotes = super::source::within(marks, range.clone());
        let mut next_quote = 0;
        for i in range.clone() {
            let Some(key) = candidate(ctx, quoted, i, vocabulary) else {
                continue;
            };
            while quotes.get(next_quote).is_some_and(|&q| q <= i) {
                next_quote += 1;
            }
            let near = features::Near {
                quote_left: next_quote
                    .checked_sub(1)
                    .and_then(|k| quotes.get(k).copied()),
                quote_right: quotes.get(next_quote).copied(),
                quoted: quoted.get(i).copied().unwrap_or(false),
            };
            features::cue(ctx, &range, i, key, &near, &mut keys);
            f(i, &keys);
        }
    }
}

/// Every candidate cue word of the document with its score, in text order
/// (`threshold` of the model decides which are cues).
pub fn score_cues(ctx: &Ctx, quoted: &[bool], model: &Model) -> Vec<(usize, i32)> {
    let mut out = Vec::with_capacity(ctx.len() / 4);
    each_candidate(ctx, quoted, Some(&model.vocabulary), |i, keys| {
        out.push((i, model.cue.score(keys)));
    });
    out
}

/// Computes record-filter features against one set of records (for their
/// nesting) and the cue scores.
pub struct RecordFeatures<'a, 'c, 'd, 't> {
    ctx: &'c Ctx<'d, 't>,
    scores: &'a [(usize, i32)],
    quoted: &'a [bool],
    threshold: i32,
    /// Cue words the detector accepted, ascending.
    accepted: Vec<usize>,
    /// The records' contents, sorted.
    contents: Vec<crate::span::Span>,
    /// The records' contents and rules, by content start.
    records: Vec<(crate::span::Span, super::Pattern)>,
}

impl<'a, 'c, 'd, 't> RecordFeatures<'a, 'c, 'd, 't> {
    /// Ready to compute features of `records` (`scores`: the cue detector's
    /// scores by token, ascending).
    pub fn new(
        ctx: &'c Ctx<'d, 't>,
        records: &[super::Attribution],
        scores: &'a [(usize, i32)],
        quoted: &'a [bool],
        model: &Model,
    ) -> Self {
        let threshold = model.cue.threshold;
        let mut accepted = Vec::with_capacity(scores.len());
        accepted.extend(
            scores
                .iter()
                .filter(|&&(_, s)| s > threshold)
                .map(|&(i, _)| i),
        );
        let mut contents: Vec<crate::span::Span> = records.iter().map(|a| a.content).collect();
        contents.sort_unstable();
        let mut sorted: Vec<_> = records.iter().map(|a| (a.content, a.pattern)).collect();
        sorted.sort_unstable_by_key(|&(c, _)| c.start);
        RecordFeatures {
            records: sorted,
            ctx,
            scores,
            quoted,
            threshold,
            accepted,
            contents,
        }
    }

    fn score_of(&self, i: usize) -> Option<i32> {
        let k = self.scores.partition_point(|&(t, _)| t < i);
        self.scores
            .get(k)
            .filter(|&&(t, _)| t == i)
            .map(|&(_, s)| s)
    }

    /// True when content `c` lies inside another record's content.
    pub fn inside(&self, c: crate::span::Span) -> bool {
        self.outer(c).any(|_| true)
    }

    /// The records whose contents hold content `c` (looking at most 8
    /// back from where `c` starts), the latest-starting first.
    fn holding(
        &self,
        c: crate::span::Span,
    ) -> impl Iterator<Item = &(crate::span::Span, super::Pattern)> + '_ {
        self.holding_at(self.records_upto(c), c)
    }

    /// How many records start at or before content `c` starts.
    fn records_upto(&self, c: crate::span::Span) -> usize {
        self.records.partition_point(|x| x.0.start <= c.start)
    }

    /// [`RecordFeatures::holding`], with `k` its [`RecordFeatures::records_upto`].
    fn holding_at(
        &self,
        k: usize,
        c: crate::span::Span,
    ) -> impl Iterator<Item = &(crate::span::Span, super::Pattern)> + '_ {
        let before = self.records.get(..k).unwrap_or_default();
        before
            .iter()
            .rev()
            .take(8)
            .filter(move |x| x.0.contains(c) && x.0 != c)
    }

    /// The patterns of the records holding content `c`.
    fn outer(&self, c: crate::span::Span) -> impl Iterator<Item = super::Pattern> + '_ {
        self.holding(c).map(|x| x.1)
    }

    /// Where a nested record's clause starts inside its holder (see
    /// [`features::RecordFacts::nested_at`]; 0 when not nested).
    #[cfg(test)]
    fn nested_at(&self, a: &super::Attribution) -> u64 {
        // The nearest record content holding the content.
        let holder = self.holding(a.content).map(|x| x.0).max_by_key(|h| h.start);
        self.nested_in(holder, a)
    }

    /// [`RecordFeatures::nested_at`], given the nearest record content
    /// holding the content of `a` (`None`: not nested).
    fn nested_in(&self, holder: Option<crate::span::Span>, a: &super::Attribution) -> u64 {
        let ctx = self.ctx;
        let Some(h) = holder else {
            return 0;
        };
        let start = [Some(a.content), a.cue, a.source]
            .iter()
            .flatten()
            .map(|s| s.start)
            .min()
            .unwrap_or(a.content.start);
        let (hs, s) = (ctx.token_at(h.start), ctx.token_at(start));
        if s <= hs {
            return 1;
        }
        let before = s - 1;
        let w = ctx.word(before);
        let boundary = if ctx.is_punct(before, ",") {
            2
        } else if ["and", "but", "or"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            if before > hs && ctx.is_punct(before - 1, ",") {
                3
            } else {
                4
            }
        } else if ctx.is_punct(before, ";")
            || ctx.is_punct(before, ":")
            || ctx.kind(before) == Some(crate::text::TokenKind::Dash)
        {
            5
        } else if ["who", "which", "that", "whom", "whose"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            6
        } else if ctx.is_quote(before) {
            7
        } else {
            8
        };
        let distance = match s - hs {
            0..=3 => 0,
            4..=10 => 1,
            _ => 2,
        };
        let own_source = a.source.is_some_and(|x| h.contains(x));
        let tail = ctx.token_at(a.content.end) >= ctx.token_at(h.end);
        boundary | distance << 4 | u64::from(own_source) << 6 | u64::from(tail) << 7
    }

    /// [`features::RecordFacts::neighbours`] of content `c`: the records
    /// starting at most 8 before or after it are looked at.
    #[cfg(test)]
    fn neighbours(&self, c: crate::span::Span) -> u64 {
        self.neighbours_at(self.contents_before(c), c)
    }

    /// How many record contents start before content `c` starts.
    fn contents_before(&self, c: crate::span::Span) -> usize {
        self.contents.partition_point(|x| x.start < c.start)
    }

    /// [`RecordFeatures::neighbours`], with `k` the
    /// [`RecordFeatures::contents_before`] content `c`.
    fn neighbours_at(&self, k: usize, c: crate::span::Span) -> u64 {
        let before = self
            .contents
            .get(k.saturating_sub(8)..k)
            .unwrap_or_default();
        let after = self.contents.get(k..).unwrap_or_default();
        let around = before
            .iter()
            .chain(after.iter().take_while(|x| x.start < c.end).take(9));
        let (mut same, mut crossing) = (0, false);
        for x in around {
            if *x == c {
                same += 1;
            } else if x.start < c.end && c.start < x.end && !x.contains(c) && !c.contains(*x) {
                crossing = true;
            }
        }
        u64::from(same > 1) | u64::from(crossing) << 1
    }

    /// [`features::RecordFacts::previous_gap`] of content `c`.
    #[cfg(test)]
    fn previous_gap(&self, c: crate::span::Span) -> Option<isize> {
        self.previous_gap_at(self.contents_before(c), c)
    }

    /// [`RecordFeatures::previous_gap`], with `k` the
    /// [`RecordFeatures::contents_before`] content `c`.
    fn previous_gap_at(&self, k: usize, c: crate::span::Span) -> Option<isize> {
        let previous = self.contents.get(k.checked_sub(1)?)?;
        let ctx = self.ctx;
        Some(ctx.token_at(c.start) as isize - ctx.token_at(previous.end) as isize)
    }

    /// True for a rule's record framed by `according to`/`per`
    /// (`According to Chen, the inspection found …`): the learned passes
    /// keep it as the rules read it. PolNeAR rarely annotates such nested
    /// records, so the filters would learn to drop them and the chooser to
    /// give them the outer source, but a reader expects the inner one.
    pub fn framed(&self, a: &super::Attribution) -> bool {
        use super::Pattern;
        a.pattern != Pattern::LearnedCue
            && self
                .outer(a.content)
                .any(|o| matches!(o, Pattern::AccordingTo | Pattern::Per))
    }

    /// The features of record `a`.
    pub fn keys(&self, a: &super::Attribution) -> [u32; features::RECORD_FEATURES] {
        let ctx = self.ctx;
        let c = a.content;
        // (Where `c` falls among the contents and the records, found once
        // for all the facts below.)
        let k = self.contents_before(c);
        let kr = self.records_upto(c);
        // The records holding `c`, read once: is there one, the nearest
        // (the latest start; the earliest in record order among equals, as
        // `max_by_key` over them latest first), and does the cue open one
        // (`They said they think …`: PolNeAR annotates the outer
        // attribution only).
        let cue_first = a.cue.map(|cue| ctx.token_at(cue.start));
        let (mut inside, mut holder, mut opens_outer) = (false, None, false);
        for x in self.holding_at(kr, c) {
            inside = true;
            if holder.is_none_or(|h: crate::span::Span| x.0.start >= h.start) {
                holder = Some(x.0);
            }
            opens_outer |= cue_first.is_some_and(|f| f <= ctx.token_at(x.0.start) + 3);
        }
        let holds = self.contents[k..]
            .iter()
            .take(8)
            .take_while(|x| x.start < c.end)
            .any(|x| c.contains(*x) && *x != c);
        let cue_tokens = a.cue.map(|cue| {
            let first = ctx.token_at(cue.start);
            (first, ctx.token_at(cue.end).max(first + 1))
        });
        let cue_score = cue_tokens.and_then(|(f, l)| (f..l).filter_map(|i| self.score_of(i)).max());
        let (cs, ce) = (ctx.token_at(c.start), ctx.token_at(c.end));
        let content_cues =
            self.accepted.partition_point(|&i| i < ce) - self.accepted.partition_point(|&i| i < cs);
        let facts = features::RecordFacts {
            nesting: u64::from(inside) | u64::from(holds) << 1 | u64::from(opens_outer) << 2,
            cue_score,
            threshold: self.threshold,
            cue_quoted: cue_tokens
                .is_some_and(|(f, _)| self.quoted.get(f).copied().unwrap_or(false)),
            content_cues,
            nested_at: self.nested_in(holder, a),
            neighbours: self.neighbours_at(k, c),
            previous_gap: self.previous_gap_at(k, c),
        };
        let mut keys = [0; features::RECORD_FEATURES];
        features::record(ctx, a, &facts, &mut keys);
        keys
    }
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
    /// Whether the filters may drop each record.
    pub may_drop: Vec<bool>,
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
    let collect = training.is_some();
    let filters = collect || !model.record.is_empty() || !model.source.is_empty();
    // (Records the filters never score keep zero keys.)
    let mut keys: Vec<[u32; features::RECORD_FEATURES]> = Vec::new();
    let mut may_drop: Vec<bool> = Vec::new();
    let mut framed: Vec<bool> = Vec::new();
    if filters {
        let f = RecordFeatures::new(ctx, records, scores, quoted, model);
        framed = records.iter().map(|a| f.framed(a)).collect();
        may_drop = records
            .iter()
            .zip(&framed)
            .map(|(a, &framed)| !framed && may_drop_rule(model, a))
            .collect();
        // The filters only score the records they may drop: the others
        // need no features (unless training collects them all).
        keys = records
            .iter()
            .zip(&may_drop)
            .map(|(a, &d)| {
                if collect || d {
                    f.keys(a)
                } else {
                    [0; features::RECORD_FEATURES]
                }
            })
            .collect();
        match training.as_deref_mut() {
            Some(t) => {
                t.records = keys.iter().map(|k| k.to_vec()).collect();
                t.may_drop.clone_from(&may_drop);
            }
            None if !model.record.is_empty() => {
                let head = &model.record;
                let keep: Vec<bool> = keys
                    .iter()
                    .zip(&may_drop)
                    .map(|(k, &d)| !d || head.score(k) > head.threshold)
                    .collect();
                let mut flags = keep.iter();
                records.retain(|_| flags.next().copied().unwrap_or(true));
                let mut flags = keep.iter();
                keys.retain(|_| flags.next().copied().unwrap_or(true));
                let mut flags = keep.iter();
                may_drop.retain(|_| flags.next().copied().unwrap_or(true));
                let mut flags = keep.iter();
                framed.retain(|_| flags.next().copied().unwrap_or(true));
            }
            None => {}
        }
    }
    let changed = choose_sources(ctx, records, &framed, model, training.as_deref_mut());
    if changed.iter().any(|&c| c) {
        for (a, _) in records.iter_mut().zip(&changed).filter(|(_, &c)| c) {
            a.source_type = a.source.map(|s| super::source_type::classify(ctx, s));
        }
        super::coref::resolve(ctx, records);
        if filters {
            // Only the records whose source changed need new features.
            let f = RecordFeatures::new(ctx, records, scores, quoted, model);
            let needed = changed
                .iter()
                .zip(&may_drop)
                .map(|(&c, &d)| c && (collect || d));
            for ((k, a), c) in keys.iter_mut().zip(records.iter()).zip(needed) {
                if c {
                    *k = f.keys(a);
                }
            }
        }
    }
    match training {
        Some(t) => t.chosen = keys.iter().map(|k| k.to_vec()).collect(),
        None if !model.source.is_empty() => {
            let head = &model.source;
            let keep: Vec<bool> = keys
                .iter()
                .zip(&may_drop)
                .map(|(k, &d)| !d || head.score(k) > head.threshold)
                .collect();
            let mut flags = keep.iter();
            records.retain(|_| flags.next().copied().unwrap_or(true));
        }
        None => {}
    }
}

/// True when the filters of `model` may drop record `a` (unless framed,
/// see [`RecordFeatures::framed`]): a learned cue's record or a filtered
/// rule's.
fn may_drop_rule(model: &Model, a: &super::Attribution) -> bool {
    a.pattern == super::Pattern::LearnedCue || model.filtered & (1 << (a.pattern as u32)) != 0
}

/// Sets each record's source to the chooser's pick among its candidates
/// (with `training`, also collects the candidates); `framed` records
/// (aligned with `records`, may be empty) keep theirs. Returns, for each
/// record, whether its source changed.
#[inline(never)]
pub fn choose_sources(
    ctx: &Ctx,
    records: &mut [super::Attribution],
    framed: &[bool],
    model: &Model,
    mut training: Option<&mut Training>,
) -> Vec<bool> {
    let mut changed = vec![false; records.len()];
    let choose = !model.chooser.is_empty();
    if !choose && training.is_none() {
        return changed;
    }
    let mut candidates = Vec::new();
    let mut keys = Vec::with_capacity(48);
    for (k, (a, changed)) in records.iter_mut().zip(changed.iter_mut()).enumerate() {
        if !sources::worth_choosing(a) || framed.get(k).copied().unwrap_or(false) {
            if let Some(t) = training.as_deref_mut() {
                t.sources.push(Vec::new());
            }
            continue;
        }
        sources::candidates(ctx, a, &mut candidates);
        let view = sources::RecordView::new(ctx, a);
        let mut best: Option<(i32, Option<crate::span::Span>)> = None;
        let mut listed = Vec::new();
        for c in &candidates {
            keys.clear();
            view.features(ctx, c, &mut keys);
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
                *changed = true;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `MODEL=open` (`--features open-model`) must ship no model trained on
    /// PolNeAR (research-only licence): attribution is then rules only.
    #[test]
    fn only_the_full_build_embeds_the_polnear_model() {
        if cfg!(feature = "open-model") {
            assert!(MODEL_BYTES.is_none());
            assert!(Model::embedded().is_none());
        } else {
            let model = Model::embedded().expect("the full build embeds a decodable model");
            assert!(!model.cue.is_empty() && !model.vocabulary.is_empty());
        }
    }

    /// Where a nested record's clause starts inside its holder tells the
    /// filters a report of its own (`…, adding that …`, `…, who said …`)
    /// from a clause of the holder's content (`said they think …`).
    #[test]
    fn nested_records_know_where_they_start() {
        use super::super::{Attribution, AttributionKind, Pattern};
        let text = "Ruiz said the budget was late, adding that the council would meet on Friday. \
                    Ruiz said they think the council will meet.";
        let doc = crate::text::Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let span = |s: &str, from: usize| {
            let start = text[from..].find(s).map_or(0, |k| k + from);
            crate::span::Span::new(start, start + s.len())
        };
        let record = |content: &str, cue: &str, source: Option<&str>, from: usize| {
            Attribution::new(
                AttributionKind::Indirect,
                span(content, from),
                Some(span(cue, from)),
                source.map(|s| span(s, from)),
                Pattern::IndirectPreposed,
            )
        };
        let second = text.find("Ruiz said they").unwrap_or(0);
        let records = [
            record(
                "the budget was late, adding that the council would meet on Friday",
                "said",
                Some("Ruiz"),
                0,
            ),
            record("that the council would meet on Friday", "adding", None, 0),
            record(
                "they think the council will meet",
                "said",
                Some("Ruiz"),
                second,
            ),
            record("the council will meet", "think", Some("they"), second),
        ];
        let model = empty_model();
        let quoted = vec![false; ctx.len()];
        let f = RecordFeatures::new(&ctx, &records, &[], &quoted, &model);
        let at: Vec<u64> = records.iter().map(|a| f.nested_at(a)).collect();
        assert_eq!(at[0], 0, "the holder is not nested");
        // After a comma, past the holder's fourth token, to its end.
        assert_eq!(at[1], 2 | 1 << 4 | 1 << 7);
        assert_eq!(at[2], 0);
        // The inner clause (its source `they`) opens the holder.
        assert_eq!(at[3], 1);
    }

    /// A model with empty heads: record features need its thresholds only.
    fn empty_model() -> Model {
        Model {
            cue: model::Linear::default(),
            vocabulary: model::Linear::default(),
            record: model::Linear::default(),
            source: model::Linear::default(),
            chooser: model::Linear::default(),
            filtered: 0,
        }
    }

    /// Two readings of the same words and a boundary disagreement are
    /// visible to the filter, as is the gap from the content before.
    #[test]
    fn records_know_their_competitors() {
        use super::super::{Attribution, AttributionKind, Pattern};
        let text = "Officials said the bridge would reopen soon, the mayor told reporters. \
                    Crews warned that the river was rising fast.";
        let doc = crate::text::Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let span = |s: &str| {
            let start = text.find(s).unwrap_or(0);
            crate::span::Span::new(start, start + s.len())
        };
        let record = |content: &str, cue: &str, pattern: Pattern| {
            Attribution::new(
                AttributionKind::Indirect,
                span(content),
                Some(span(cue)),
                None,
                pattern,
            )
        };
        let records = [
            // Two boundaries for `said`'s content: the second crosses the
            // mayor's.
            record(
                "the bridge would reopen soon",
                "said",
                Pattern::IndirectPreposed,
            ),
            record(
                "Officials said the bridge would reopen soon",
                "told",
                Pattern::IndirectPostposed,
            ),
            record(
                "the bridge would reopen soon, the mayor told",
                "said",
                Pattern::LearnedCue,
            ),
            // The same content read twice, by a rule and a learned cue.
            record(
                "that the river was rising fast",
                "warned",
                Pattern::IndirectPreposed,
            ),
            record(
                "that the river was rising fast",
                "warned",
                Pattern::LearnedCue,
            ),
        ];
        let model = empty_model();
        let quoted = vec![false; ctx.len()];
        let f = RecordFeatures::new(&ctx, &records, &[], &quoted, &model);
        let near: Vec<u64> = records.iter().map(|a| f.neighbours(a.content)).collect();
        assert_eq!(near[0], 0, "held by one record, crossing none");
        assert_eq!(near[1], 2, "crosses the learned reading");
        assert_eq!(near[2], 2);
        assert_eq!(near[3], 1);
        assert_eq!(near[4], 1);
        assert_eq!(f.previous_gap(records[1].content), None, "the first");
        // `Crews warned` lies between the mayor's sentence and the content.
        let gap = f.previous_gap(records[3].content);
        assert!(gap.is_some_and(|g| g > 0), "{gap:?}");
    }

    /// Whatever the build, a passive hedge is no cue candidate: `is said
    /// to` reports no one's words.
    #[test]
    fn passive_hedges_are_no_candidates() {
        let text = "The council is said to favor a new stadium.";
        let doc = crate::text::Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let quoted = vec![false; ctx.len()];
        let said = (0..ctx.len()).find(|&i| ctx.word(i) == "said");
        assert!(said.is_some_and(|i| candidate(&ctx, &quoted, i, None).is_none()));
        let plain = crate::text::Document::new("The council said it favors a new stadium.");
        let ctx = Ctx::new(&plain, &[]);
        let quoted = vec![false; ctx.len()];
        let said = (0..ctx.len()).find(|&i| ctx.word(i) == "said");
        assert!(said.is_some_and(|i| candidate(&ctx, &quoted, i, None).is_some()));
    }
}
