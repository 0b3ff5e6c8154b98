//! Training samples: a gold document tokenized by Lede, its gold tags as
//! per-token masks of allowed tags, and its feature ids.

use std::collections::HashMap;
use std::ops::Range;

use lede::corpus::{Gold, GoldDoc};
use lede::entities::names::tagger::candidates;
use lede::entities::names::tagger::context::{Context, Resources};
use lede::entities::names::tagger::features;
use lede::entities::names::tagger::tags::{self, LABELS, NUM_TAGS};
use lede::text::Document;

/// Feature key → dense id, with occurrence counts.
#[derive(Default)]
pub struct Index {
    ids: HashMap<u32, u32>,
    keys: Vec<u32>,
}

impl Index {
    /// The id of `key`, adding it if new.
    pub fn id(&mut self, key: u32) -> u32 {
        let next = self.keys.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.keys.push(key);
        }
        id
    }

    /// Keys by id.
    pub fn keys(&self) -> &[u32] {
        &self.keys
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

/// How gold mentions lined up with Lede's tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct Alignment {
    /// Gold name mentions.
    pub names: usize,
    /// Names whose edges fall inside a token.
    pub off_token: usize,
    /// Names that cross a sentence boundary.
    pub cross_sentence: usize,
    /// Names with a token that is not a name candidate.
    pub unreachable: usize,
}

impl Alignment {
    pub fn add(&mut self, o: Alignment) {
        self.names += o.names;
        self.off_token += o.off_token;
        self.cross_sentence += o.cross_sentence;
        self.unreachable += o.unreachable;
    }
}

/// One training document.
pub struct Sample {
    /// Sentences as token ranges.
    pub sentences: Vec<Range<usize>>,
    /// Gold: allowed tags per token (one bit per tag).
    pub masks: Vec<u32>,
    /// What inference allows per token: any tag for name candidates, only
    /// `O` for the rest (see `tagger::candidates`).
    pub free: Vec<u32>,
    /// First-pass feature ids, token by token.
    pub feats: Vec<u32>,
    /// `feats[offs[i]..offs[i + 1]]` are token `i`'s.
    pub offs: Vec<u32>,
    /// Second-pass evidence feature ids (filled in after the first pass).
    pub ev_feats: Vec<u32>,
    /// Offsets into `ev_feats`.
    pub ev_offs: Vec<u32>,
    /// Feature context (kept to compute evidence).
    pub ctx: Context,
}

impl Sample {
    /// Token `i`'s first-pass features.
    pub fn features(&self, i: usize) -> &[u32] {
        let (a, b) = (self.offs[i] as usize, self.offs[i + 1] as usize);
        &self.feats[a..b]
    }

    /// Token `i`'s evidence features (empty before the first pass).
    pub fn evidence(&self, i: usize) -> &[u32] {
        match (self.ev_offs.get(i), self.ev_offs.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.ev_feats[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.masks.len()
    }

    /// Sets the evidence features from first-pass `tags`.
    pub fn set_evidence(&mut self, tags: &[u8], index: &mut Index) {
        let ev = lede::entities::names::tagger::evidence::evidence(&self.ctx, tags);
        self.ev_feats.clear();
        self.ev_offs.clear();
        self.ev_offs.push(0);
        let mut keys = Vec::new();
        for (i, &e) in ev.iter().enumerate() {
            keys.clear();
            features::extract_evidence(&self.ctx, i, e, &mut keys);
            self.ev_feats.extend(keys.iter().map(|&k| index.id(k)));
            self.ev_offs.push(self.ev_feats.len() as u32);
        }
    }
}

/// Tokenizes `doc`, computes its masks and feature keys.
pub fn build(doc: &GoldDoc, res: &Resources) -> (Sample, Vec<u32>, Alignment) {
    let d = Document::new(&doc.text);
    let n = d.tokens.len();
    let ctx = Context::new(&d, res);
    let outside = if doc.has_misc {
        1
    } else {
        tags::label_or_outside_mask(3)
    };
    let mut masks = vec![outside; n];
    let mut stats = Alignment::default();
    let sentence_of = {
        let mut v = vec![0usize; n];
        for (k, s) in d.sentences.iter().enumerate() {
            for i in s.tokens.clone() {
                if let Some(x) = v.get_mut(i) {
                    *x = k;
                }
            }
        }
        v
    };
    let mut mentions = doc.mentions.clone();
    // Unknown first, then MISC-or-outside, then names (later ones win).
    mentions.sort_by_key(|m| match m.gold {
        Gold::Unknown => 0,
        Gold::MiscOrOutside => 1,
        Gold::Name(_) => 2,
    });
    for m in &mentions {
        let s = d.tokens.partition_point(|t| t.span.end <= m.span.start);
        let e = d.tokens.partition_point(|t| t.span.start < m.span.end);
        if s >= e {
            continue;
        }
        let exact =
            d.tokens[s].span.start == m.span.start && d.tokens[e - 1].span.end == m.span.end;
        let same_sentence = sentence_of[s] == sentence_of[e - 1];
        match m.gold {
            Gold::Name(label) => {
                stats.names += 1;
                if !exact {
                    stats.off_token += 1;
                } else if !same_sentence {
                    stats.cross_sentence += 1;
                }
                if exact && same_sentence {
                    let l = LABELS.iter().position(|&x| x == label).unwrap_or(0);
                    let mut t = vec![tags::O; e - s];
                    tags::write_mention(&mut t, 0..e - s, l);
                    for (k, tag) in t.into_iter().enumerate() {
                        masks[s + k] = 1 << tag;
                    }
                } else {
                    masks[s..e].iter_mut().for_each(|x| *x = tags::ANY);
                }
            }
            Gold::MiscOrOutside => {
                if same_sentence {
                    masks[s..e]
                        .iter_mut()
                        .for_each(|x| *x = tags::label_or_outside_mask(3));
                } else {
                    masks[s..e].iter_mut().for_each(|x| *x = tags::ANY);
                }
            }
            Gold::Unknown => masks[s..e].iter_mut().for_each(|x| *x = tags::ANY),
        }
    }
    // Inference decodes only candidate tokens; train the same way. A gold
    // name that reaches outside the candidates cannot be produced, so its
    // candidate tokens may take any tag.
    let mut free = vec![1u32; n];
    let mut cand = Vec::new();
    for s in &d.sentences {
        let range = s.tokens.start.min(n)..s.tokens.end.min(n);
        candidates::mark(&d, &ctx, range.clone(), &mut cand);
        for (k, &c) in cand.iter().enumerate() {
            if c {
                free[range.start + k] = tags::ANY;
            }
        }
    }
    for m in &mentions {
        let s = d.tokens.partition_point(|t| t.span.end <= m.span.start);
        let e = d.tokens.partition_point(|t| t.span.start < m.span.end);
        if s < e && free[s..e].contains(&1) {
            stats.unreachable += usize::from(matches!(m.gold, Gold::Name(_)));
            for i in s..e {
                masks[i] = if free[i] == 1 { 1 } else { tags::ANY };
            }
        }
    }
    for (m, &f) in masks.iter_mut().zip(&free) {
        if f == 1 {
            *m = 1;
        }
    }
    let mut keys = Vec::with_capacity(n * 36);
    let mut offs = Vec::with_capacity(n + 1);
    offs.push(0u32);
    let mut sentences = Vec::with_capacity(d.sentences.len());
    for s in &d.sentences {
        let range = s.tokens.start.min(n)..s.tokens.end.min(n);
        for i in range.clone() {
            features::extract(&ctx, range.clone(), i, None, &mut keys);
            offs.push(keys.len() as u32);
        }
        sentences.push(range);
    }
    debug_assert_eq!(offs.len(), n + 1);
    let _ = NUM_TAGS;
    (
        Sample {
            sentences,
            masks,
            free,
            feats: Vec::new(),
            offs,
            ev_feats: Vec::new(),
            ev_offs: Vec::new(),
            ctx,
        },
        keys,
        stats,
    )
}
