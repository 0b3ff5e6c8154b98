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

pub mod context;
pub mod evidence;
pub mod features;
pub mod forms;
pub mod gazetteer;
pub mod hash;
pub mod model;
pub mod tags;
pub mod titles;
pub mod viterbi;

use std::ops::Range;
use std::sync::OnceLock;

use super::NameTagger;
use crate::entities::Entity;
use crate::text::Document;
use context::{Context, Resources};
use features::Evidence;
use model::Model;
use tags::NUM_TAGS;
use viterbi::Viterbi;

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

/// A name tagger backed by a trained model.
#[derive(Clone, Debug)]
pub struct ModelTagger {
    model: Model,
    resources: Resources,
}

/// Reusable buffers for tagging one document.
#[derive(Default)]
struct Scratch {
    keys: Vec<u32>,
    emissions: Vec<f32>,
    viterbi: Viterbi,
    out: Vec<u8>,
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
                Some(ModelTagger::new(model, Resources::new(GAZETTEERS)))
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

    /// One tag per token of `doc`, after both passes.
    pub fn tag_tokens(&self, doc: &Document, ctx: &Context) -> Vec<u8> {
        let n = doc.tokens.len();
        let mut tags = vec![tags::O; n];
        let mut scratch = Scratch::default();
        for s in &doc.sentences {
            let range = s.tokens.start.min(n)..s.tokens.end.min(n);
            self.decode(ctx, range, None, &mut scratch, &mut tags);
        }
        let ev = evidence::evidence(ctx, &tags);
        for s in &doc.sentences {
            let range = s.tokens.start.min(n)..s.tokens.end.min(n);
            let informed = ev
                .get(range.clone())
                .is_some_and(|e| e.iter().any(|&x| x != features::EVIDENCE_NONE));
            if informed {
                self.decode(ctx, range, Some(&ev), &mut scratch, &mut tags);
            }
        }
        tags
    }

    /// Tags one sentence into `tags[range]`.
    fn decode(
        &self,
        ctx: &Context,
        range: Range<usize>,
        evidence: Option<&[Evidence]>,
        s: &mut Scratch,
        tags: &mut [u8],
    ) {
        s.emissions.clear();
        s.emissions.resize(range.len() * NUM_TAGS, 0.0);
        for (k, i) in range.clone().enumerate() {
            s.keys.clear();
            let e = evidence.and_then(|ev| ev.get(i).copied());
            features::extract(ctx, range.clone(), i, e, &mut s.keys);
            if let Some(row) = s.emissions.get_mut(k * NUM_TAGS..(k + 1) * NUM_TAGS) {
                self.model.score(&s.keys, row);
            }
        }
        s.viterbi
            .decode(&s.emissions, &self.model.transitions, None, &mut s.out);
        if let Some(dst) = tags.get_mut(range) {
            for (d, &t) in dst.iter_mut().zip(&s.out) {
                *d = t;
            }
        }
    }
}

impl NameTagger for ModelTagger {
    fn tag(&self, doc: &Document) -> Vec<Entity> {
        let ctx = Context::new(doc, &self.resources);
        let tags = self.tag_tokens(doc, &ctx);
        tags::spans(&tags)
            .into_iter()
            .filter_map(|(range, label)| {
                let label = *tags::LABELS.get(label)?;
                Some(Entity::new(doc.tokens_span(range), label))
            })
            .collect()
    }
}
