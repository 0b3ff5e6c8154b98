//! The trained name tagger: an averaged structured perceptron over BILOU
//! tags, decoded with Viterbi under the BILOU constraints, run in two
//! passes (the second adds what the first found elsewhere in the article).
//!
//! Everything inference needs lives here and does no IO: the model and the
//! gazetteers are embedded in the binary and decoded once. Training lives
//! in `src/bin/lede-train.rs`; `MODEL_CARD.md` describes the shipped model.
//!
//! Architecture invariant: features are computed by [`features::extract`]
//! for both training and inference, so the two cannot drift apart.

pub mod candidates;
pub mod context;
pub mod evidence;
pub mod features;
pub mod forms;
pub mod gazetteer;
pub mod hash;
pub mod model;
pub mod post;
pub mod spellings;
pub mod tags;
pub mod viterbi;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use super::NameTagger;
use crate::entities::Entity;
use crate::text::Document;
use context::{flag, Context, Resources};
use model::Model;
use tags::{Part, NUM_TAGS};
use viterbi::{Bounds, Viterbi};

/// The embedded model: `models/names-full.lmod` by default, or
/// `models/names-open.lmod` (trained on openly licensed data only) with the
/// `open-model` cargo feature. See `MODEL_CARD.md`.
#[cfg(not(feature = "open-model"))]
pub const MODEL_BYTES: &[u8] = include_bytes!("../../../../models/names-full.lmod");
/// The embedded model (openly licensed training data only).
#[cfg(feature = "open-model")]
pub const MODEL_BYTES: &[u8] = include_bytes!("../../../../models/names-open.lmod");

/// The embedded gazetteers (`models/gazetteers.txt`).
pub const GAZETTEERS: &str = include_str!("../../../../models/gazetteers.txt");

/// The embedded word clusters (`models/clusters.txt`).
pub const CLUSTERS: &str = include_str!("../../../../models/clusters.txt");

/// A name tagger backed by a trained model.
#[derive(Clone, Debug)]
pub struct ModelTagger {
    model: Model,
    resources: Resources,
}

/// A run of candidate tokens, decoded on its own.
struct Run {
    /// Token indices.
    tokens: Range<usize>,
    /// What surrounds it in its sentence.
    bounds: Bounds,
    /// Its first row in the emission scores.
    at: usize,
    /// Some token must take certain tags (titles before a name).
    constrained: bool,
}

impl Run {
    /// The emission row of token `i` of this run.
    fn row<'e>(&self, emissions: &'e mut [f32], i: usize) -> Option<&'e mut [f32]> {
        let r = self.at + i.checked_sub(self.tokens.start)?;
        emissions.get_mut(r * NUM_TAGS..(r + 1) * NUM_TAGS)
    }
}

/// Reusable buffers for tagging one document.
#[derive(Default)]
struct Scratch {
    keys: Vec<u32>,
    candidates: Vec<bool>,
    viterbi: Viterbi,
    out: Vec<u8>,
    mask: Vec<u32>,
    /// Scores of the features of a word's own text and cluster, once per
    /// spelling of the document ([`Context::spellings`]): the row in
    /// `own_rows` of each spelling, `u32::MAX` before it is scored.
    own_at: Vec<u32>,
    /// The rows of `own_at`.
    own_rows: Vec<[f32; NUM_TAGS]>,
}

thread_local! {
    /// The scratch of the documents tagged on this thread, so that its
    /// buffers and tables are allocated once, not once per document.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Runs `f` with this thread's scratch (a fresh one while it is in use).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    let taken = SCRATCH.try_with(|cell| cell.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)));
    let mut s = taken.ok().and_then(Result::ok).unwrap_or_default();
    let r = f(&mut s);
    let _ = SCRATCH.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = s;
        }
    });
    r
}

impl ModelTagger {
    /// A tagger from a decoded model and its resources.
    pub fn new(model: Model, resources: Resources) -> ModelTagger {
        ModelTagger { model, resources }
    }

    /// The embedded model, decoded on first use; `None` if it is missing or
    /// malformed (the caller then falls back to rules).
    pub fn embedded() -> Option<&'static ModelTagger> {
        static TAGGER: OnceLock<Option<ModelTagger>> = OnceLock::new();
        TAGGER
            .get_or_init(|| {
                let model = Model::decode(MODEL_BYTES)?;
                Some(ModelTagger::new(
                    model,
                    Resources::new(GAZETTEERS, CLUSTERS),
                ))
            })
            .as_ref()
    }

    /// The features' resources (gazetteers, titles).
    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// The decoded model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// One tag per token of `doc`, after both passes. Only runs of
    /// [`candidates`] are scored and decoded; the second pass only adds the
    /// evidence features to the first pass's scores, and decodes again only
    /// the runs where some evidence disagrees with the first pass.
    pub fn tag_tokens(&self, doc: &Document, ctx: &Context) -> Vec<u8> {
        self.decode_document(doc, ctx).tags
    }

    /// Both passes over `doc`: the tags, and the scores and runs they were
    /// decoded from (for [`Decoded::confidence`]).
    fn decode_document(&self, doc: &Document, ctx: &Context) -> Decoded {
        with_scratch(|s| self.decode_with(doc, ctx, s))
    }

    /// [`Self::decode_document`] with scratch buffers.
    fn decode_with(&self, doc: &Document, ctx: &Context, s: &mut Scratch) -> Decoded {
        let n = doc.tokens.len();
        let mut tags = vec![tags::O; n];
        s.own_at.clear();
        s.own_at.resize(ctx.spelling_count, u32::MAX);
        s.own_rows.clear();
        // Scores of candidate tokens only, run after run.
        let mut emissions: Vec<f32> = Vec::new();
        let mut runs: Vec<Run> = Vec::new();
        for sentence in &doc.sentences {
            let range = sentence.tokens.start.min(n)..sentence.tokens.end.min(n);
            candidates::mark(doc, ctx, range.clone(), &mut s.candidates);
            let first_run = runs.len();
            let mut k = 0;
            while k < s.candidates.len() {
                if !s.candidates[k] {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < s.candidates.len() && s.candidates[k] {
                    k += 1;
                }
                let run = range.start + start..range.start + k;
                let bounds = Bounds {
                    outside_before: run.start > range.start,
                    outside_after: run.end < range.end,
                };
                let at = emissions.len() / NUM_TAGS;
                emissions.resize(emissions.len() + run.len() * NUM_TAGS, 0.0);
                let constrained = ctx.flags.get(run.clone()).is_some_and(|f| {
                    f.iter()
                        .any(|b| b & (flag::TITLE_BEFORE_NAME | flag::NAME_AFTER_TITLE) != 0)
                });
                runs.push(Run {
                    tokens: run,
                    bounds,
                    at,
                    constrained,
                });
            }
            for run in &runs[first_run..] {
                for i in run.tokens.clone() {
                    let (Some(f), Some(row)) = (ctx.forms.get(i), run.row(&mut emissions, i))
                    else {
                        continue;
                    };
                    // The word's cluster is a function of its text, so it
                    // belongs with the word's own features.
                    let cluster = ctx.clusters.get(i).copied().unwrap_or(context::NO_CLUSTER);
                    let spelling = ctx.spellings.get(i).map_or(usize::MAX, |&k| k as usize);
                    let at = match s.own_at.get(spelling) {
                        Some(&at) if at != u32::MAX => at as usize,
                        _ => {
                            let mut v = [0f32; NUM_TAGS];
                            s.keys.clear();
                            features::extract_word(f, cluster, &mut s.keys);
                            self.model.score(&s.keys, &mut v);
                            if let Some(slot) = s.own_at.get_mut(spelling) {
                                *slot = s.own_rows.len() as u32;
                            }
                            s.own_rows.push(v);
                            s.own_rows.len() - 1
                        }
                    };
                    if let Some(scores) = s.own_rows.get(at) {
                        row.copy_from_slice(scores);
                    }
                    s.keys.clear();
                    features::extract_context(ctx, range.clone(), i, None, &mut s.keys);
                    self.model.score(&s.keys, row);
                }
            }
        }
        for run in &runs {
            self.decode(ctx, &emissions, run, s, &mut tags);
        }
        let ev = evidence::evidence(ctx, &tags);
        for run in &runs {
            // Evidence that agrees with a token's own first-pass label
            // rarely changes anything; a run is decoded again only when
            // some evidence disagrees.
            let mut informed = false;
            for i in run.tokens.clone() {
                let e = ev.get(i).copied().unwrap_or(features::EVIDENCE_NONE);
                if e == features::EVIDENCE_NONE {
                    continue;
                }
                let own = tags
                    .get(i)
                    .and_then(|&t| tags::split(t))
                    .map_or(features::EVIDENCE_OUTSIDE, |(label, _)| label as u8 + 1);
                informed |= own != e;
                s.keys.clear();
                features::extract_evidence(ctx, i, e, &mut s.keys);
                if let Some(row) = run.row(&mut emissions, i) {
                    self.model.score(&s.keys, row);
                }
            }
            if informed {
                self.decode(ctx, &emissions, run, s, &mut tags);
            }
        }
        Decoded {
            tags,
            emissions,
            runs,
        }
    }

    /// Decodes `run` from its `emissions` into `tags[run.tokens]`, under
    /// the title constraints of `ctx`.
    fn decode(
        &self,
        ctx: &Context,
        emissions: &[f32],
        run: &Run,
        s: &mut Scratch,
        tags: &mut [u8],
    ) {
        let rows = run.at * NUM_TAGS..(run.at + run.tokens.len()) * NUM_TAGS;
        let scores = emissions.get(rows).unwrap_or(&[]);
        if run.constrained {
            title_mask(ctx, run, &mut s.mask);
        }
        let mask = run.constrained.then_some(s.mask.as_slice());
        s.viterbi.decode(
            scores,
            &self.model.transitions,
            mask,
            run.bounds,
            &mut s.out,
        );
        if let Some(dst) = tags.get_mut(run.tokens.clone()) {
            for (d, &t) in dst.iter_mut().zip(&s.out) {
                *d = t;
            }
        }
    }
}

/// The allowed tags of each token of `run` under the title constraints of
/// `ctx`: a title before a name is outside, the name starts a PERSON.
fn title_mask(ctx: &Context, run: &Run, mask: &mut Vec<u32>) {
    mask.clear();
    mask.extend(run.tokens.clone().map(|i| {
        let f = ctx.flags.get(i).copied().unwrap_or(0);
        if f & flag::TITLE_BEFORE_NAME != 0 {
            1 << tags::O
        } else if f & flag::NAME_AFTER_TITLE != 0 {
            1 << tags::tag(0, Part::Begin) | 1 << tags::tag(0, Part::Unit)
        } else {
            tags::ANY
        }
    }));
}

/// A decoded document: its tags and what they were decoded from.
struct Decoded {
    tags: Vec<u8>,
    emissions: Vec<f32>,
    runs: Vec<Run>,
}

impl Decoded {
    /// How much better the model scores the best reading of the run holding
    /// `mention` than the best reading with `mention` outside any name (in
    /// the model's score units; 0 when the mention is not inside one run).
    fn confidence(&self, tagger: &ModelTagger, ctx: &Context, mention: &Range<usize>) -> f32 {
        let k = self.runs.partition_point(|r| r.tokens.end <= mention.start);
        let Some(run) = self.runs.get(k) else {
            return 0.0;
        };
        if run.tokens.start > mention.start || run.tokens.end < mention.end {
            return 0.0;
        }
        let rows = run.at * NUM_TAGS..(run.at + run.tokens.len()) * NUM_TAGS;
        let scores = self.emissions.get(rows).unwrap_or(&[]);
        let mut mask = Vec::new();
        title_mask(ctx, run, &mut mask);
        let (mut v, mut out) = (Viterbi::default(), Vec::new());
        let trans = &tagger.model.transitions;
        let best = v.decode(scores, trans, Some(&mask), run.bounds, &mut out);
        for i in mention.clone() {
            if let Some(m) = mask.get_mut(i - run.tokens.start) {
                *m &= 1 << tags::O;
            }
        }
        let without = v.decode(scores, trans, Some(&mask), run.bounds, &mut out);
        if without.is_finite() {
            best - without
        } else {
            f32::INFINITY
        }
    }
}

impl NameTagger for ModelTagger {
    fn tag(&self, doc: &Document) -> Vec<Entity> {
        let ctx = Context::new(doc, &self.resources);
        let decoded = self.decode_document(doc, &ctx);
        let mentions = tags::spans(&decoded.tags)
            .into_iter()
            .filter_map(|(range, label)| Some((range, *tags::LABELS.get(label)?)))
            .collect();
        let confidence = |m: &Range<usize>| decoded.confidence(self, &ctx, m);
        post::finish(doc, &ctx, &self.resources.gazetteers, mentions, &confidence)
            .into_iter()
            .map(|(range, label)| Entity::new(doc.tokens_span(range), label))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Label;

    /// The names the embedded model finds, as `(text, label)`.
    fn names(text: &str) -> Vec<(String, Label)> {
        let Some(tagger) = ModelTagger::embedded() else {
            panic!("the embedded model must decode");
        };
        let doc = Document::new(text);
        let mut found: Vec<Entity> = tagger.tag(&doc);
        found.sort_by_key(|e| e.span.start);
        found
            .into_iter()
            .map(|e| (e.span.slice(text).to_string(), e.label))
            .collect()
    }

    fn has(found: &[(String, Label)], text: &str, label: Label) -> bool {
        found.iter().any(|(t, l)| t == text && *l == label)
    }

    #[test]
    fn embedded_model_decodes() {
        let tagger = ModelTagger::embedded().expect("model decodes");
        assert!(tagger.model().len() > 10_000);
        assert!(tagger.resources().gazetteers.len() > 10_000);
    }

    #[test]
    fn people_places_and_organisations_in_news() {
        let found = names(
            "Los Angeles Mayor Karen Bass said on Tuesday that the city would not back down. \
             The Department of Homeland Security did not respond.",
        );
        assert!(has(&found, "Karen Bass", Label::Person), "{found:?}");
        assert!(has(&found, "Los Angeles", Label::Place), "{found:?}");
        assert!(
            has(&found, "Department of Homeland Security", Label::Org),
            "{found:?}"
        );
        assert!(!found.iter().any(|(t, _)| t.contains("Mayor")), "{found:?}");
    }

    #[test]
    fn a_surname_alone_follows_the_full_name_earlier() {
        let found = names(
            "Senator Maria Okafor of Ohio visited the plant on Monday. \
             Okafor told workers the bill would pass.",
        );
        assert!(has(&found, "Maria Okafor", Label::Person), "{found:?}");
        assert!(has(&found, "Okafor", Label::Person), "{found:?}");
    }

    #[test]
    fn capitals_do_not_break_it() {
        let found = names(
            "MAYOR BASS VISITS SOUTH LOS ANGELES\n\n\
             Mayor Karen Bass toured South Los Angeles on Friday with council members.",
        );
        assert!(
            found
                .iter()
                .any(|(t, l)| t.contains("BASS") && *l == Label::Person),
            "{found:?}"
        );
        assert!(has(&found, "Karen Bass", Label::Person), "{found:?}");
    }

    #[test]
    fn titles_are_never_part_of_a_person() {
        let found = names("LA Mayor Karen Bass said the city would rebuild.");
        assert!(has(&found, "LA", Label::Place), "{found:?}");
        assert!(has(&found, "Karen Bass", Label::Person), "{found:?}");
        for (text, name) in [
            (
                "The plan was backed by Councilmember Teresa Vance on Monday.",
                "Teresa Vance",
            ),
            (
                "Police Chief Jim McDonnell told reporters the road was closed.",
                "Jim McDonnell",
            ),
            (
                "The bill was written by Sen. Maria Lopez last year.",
                "Maria Lopez",
            ),
            ("The letter was signed by President Ana Ruiz.", "Ana Ruiz"),
            (
                "Officials met Secretary of State Daniel Okafor in Lagos.",
                "Daniel Okafor",
            ),
            ("Texas Gov. Greg Abbott signed it.", "Greg Abbott"),
        ] {
            let found = names(text);
            assert!(has(&found, name, Label::Person), "{text}: {found:?}");
            for (t, l) in &found {
                if *l == Label::Person {
                    assert!(
                        crate::entities::names::titles::title_at(t.split(' ')).is_none(),
                        "{text}: {found:?}"
                    );
                }
            }
        }
        let found = names("Texas Gov. Greg Abbott signed it.");
        assert!(has(&found, "Texas", Label::Place), "{found:?}");
        // A bare title is no one.
        let found = names("The President said on Friday that the Mayor would respond.");
        assert!(found.iter().all(|(_, l)| *l != Label::Person), "{found:?}");
    }

    #[test]
    fn headlines_take_their_names_from_the_article() {
        let found = names(
            "COUNCIL VOTES TO REBUILD MARSHALL PARK POOL\n\n\
             The Oakland City Council voted on Monday to rebuild the pool at Marshall Park, \
             a project backed by Councilmember Teresa Vance.",
        );
        assert!(has(&found, "MARSHALL PARK", Label::Place), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|(t, _)| t.contains("COUNCIL") || t.contains("POOL")),
            "{found:?}"
        );
        let found = names(
            "Mayor Karen Bass spoke on Monday about the fires.\n\nARREST BASS NOW\n\n\
             Protesters outside City Hall carried signs.",
        );
        assert!(has(&found, "BASS", Label::Person), "{found:?}");
        let found = names(
            "Karen Bass Says Los Angeles Will Rebuild After Fires\n\n\
             Mayor Karen Bass said on Tuesday that the city would rebuild.",
        );
        assert!(
            found
                .iter()
                .all(|(t, _)| ["Karen Bass", "Los Angeles"].contains(&t.as_str())),
            "{found:?}"
        );
        assert!(has(&found, "Los Angeles", Label::Place), "{found:?}");
    }

    #[test]
    fn accented_names_at_line_starts_and_after_emoji() {
        let found = names("José Álvarez — a teacher — joined the board on Monday.");
        assert!(has(&found, "José Álvarez", Label::Person), "{found:?}");
        // The same name with its accents typed as combining marks.
        let text = "The board met Jose\u{301} A\u{301}lvarez on Monday.";
        let found = names(text);
        assert!(
            has(&found, "Jose\u{301} A\u{301}lvarez", Label::Person),
            "{found:?}"
        );
        let found = names("Émilie Dubois said the school would reopen.");
        assert!(has(&found, "Émilie Dubois", Label::Person), "{found:?}");
        let found = names("🇺🇸 Karen Bass thanked the firefighters.");
        assert!(has(&found, "Karen Bass", Label::Person), "{found:?}");
        let found = names("👩‍👩‍👧 Ngozi Adeyemi opened the clinic in Lagos.");
        assert!(has(&found, "Ngozi Adeyemi", Label::Person), "{found:?}");
    }

    #[test]
    fn text_without_names_has_none() {
        assert!(names("it rained all day and nobody went out.").is_empty());
        assert!(names("").is_empty());
        assert!(names("  \n\n ").is_empty());
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "🤨🤨🤨 \u{301}\u{301} ’’’ \"\"\" —",
            "A\nB\nC\nD",
            "ÉCOLE ÉTÉ ÅLAND İSTANBUL ß",
            "& Co & & Sons &",
            "A & B & C & Co Inc & D",
            "LA Mayor",
            "Mayor Mayor Sen. Gov. President",
            "Texas Gov. & Co Mayor Jones & Sons",
            "ARREST BASS\n\nBASS\n\nBass Bass Mayor BASS",
            "e\u{301}\u{301} A\u{308} \u{301}",
            &"Bass ".repeat(3000),
        ] {
            let _ = names(text);
        }
    }
}
