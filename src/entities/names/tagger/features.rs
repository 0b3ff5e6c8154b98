//! Feature keys of one token: its word, shape and affixes, its neighbours,
//! titles, quotes, gazetteers, document-level capitalisation and (second
//! pass) the labels the same word received elsewhere in the article.
//!
//! A feature is a 32-bit key hashed from a template id and values; the model
//! maps keys to weight rows. Training and inference both call [`extract`],
//! so the two can never disagree.

use std::ops::Range;

use super::context::{coarse, doccap, fine, flag, Context, NO_CLUSTER};
use super::forms::{Form, AFFIXES};
use super::gazetteer::{position, LISTS};
use super::hash::key;

/// Template ids (stable: changing one invalidates trained models).
mod t {
    pub const BIAS: u64 = 1;
    pub const LOWER: u64 = 2;
    pub const RAW: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const PREFIX: u64 = 5; // + k
    pub const SUFFIX: u64 = 10; // + k
    pub const LOWER_AT: u64 = 20; // + offset index
    pub const SHAPE_AT: u64 = 30; // + offset index
    pub const BIGRAM_BEFORE: u64 = 40;
    pub const BIGRAM_AFTER: u64 = 41;
    pub const SHAPE_BEFORE: u64 = 42;
    pub const SHAPE_AFTER: u64 = 43;
    pub const START: u64 = 50;
    pub const IN_QUOTE: u64 = 51;
    pub const AFTER_TITLE: u64 = 52;
    pub const AFTER_TITLE_NAME: u64 = 53;
    pub const CAPS_SENTENCE: u64 = 54;
    pub const GAZETTEER: u64 = 60;
    pub const DOCCAP: u64 = 70;
    pub const DOCCAP_CAPS: u64 = 71;
    pub const EVIDENCE: u64 = 80;
    pub const EVIDENCE_SHAPE: u64 = 81;
    pub const LOWER_CAPS: u64 = 82;
    pub const WORD_BEFORE_SHAPE: u64 = 44;
    pub const SHAPE_WORD_AFTER: u64 = 45;
    pub const SHAPE_TRIGRAM: u64 = 46;
    pub const NUMERIC_SENTENCE: u64 = 55;
    pub const CLUSTER: u64 = 90;
    pub const CLUSTER_BEFORE: u64 = 91;
    pub const CLUSTER_AFTER: u64 = 92;
    pub const COARSE: u64 = 93;
    pub const COARSE_AROUND: u64 = 94;
}

/// Sentinels for positions before the first and after the last token.
const BEFORE: u64 = 0xB0;
const AFTER: u64 = 0xE0;

/// Second-pass evidence for a token: the label (index + 1) that most other
/// capitalised occurrences of the same word received in the first pass,
/// [`EVIDENCE_OUTSIDE`] when most were outside any name, or
/// [`EVIDENCE_NONE`] when there is no other occurrence.
pub type Evidence = u8;
/// No other capitalised occurrence.
pub const EVIDENCE_NONE: Evidence = 0;
/// Other occurrences were mostly not names.
pub const EVIDENCE_OUTSIDE: Evidence = 5;

/// Appends the feature keys of token `i` of sentence `sentence` to `out`.
/// `evidence` is the second-pass evidence of the token, if any.
pub fn extract(
    ctx: &Context,
    sentence: Range<usize>,
    i: usize,
    evidence: Option<Evidence>,
    out: &mut Vec<u32>,
) {
    let Some(f) = ctx.forms.get(i) else { return };
    extract_own(f, out);
    extract_rest(ctx, f, sentence, i, evidence, true, out);
}

/// The keys of [`extract`] beyond [`extract_own`]; those of the token's
/// word cluster only with `cluster`.
fn extract_rest(
    ctx: &Context,
    f: &Form,
    sentence: Range<usize>,
    i: usize,
    evidence: Option<Evidence>,
    cluster: bool,
    out: &mut Vec<u32>,
) {
    let flags = ctx.flags.get(i).copied().unwrap_or(0);
    let form_at = |offset: isize| -> Option<&Form> {
        let j = i.checked_add_signed(offset)?;
        if sentence.contains(&j) {
            ctx.forms.get(j)
        } else {
            None
        }
    };
    // Lower forms and shapes of the neighbours, from two before to two
    // after (sentinels outside the sentence).
    let [l2, l1, r1, r2] = [-2isize, -1, 1, 2]
        .map(|o| form_at(o).map_or(if o < 0 { BEFORE } else { AFTER }, |f| f.lower));
    let (s1, t1) = (
        form_at(-1).map_or(BEFORE, |f| f.shape),
        form_at(1).map_or(AFTER, |f| f.shape),
    );

    // The keys every token has, appended at once.
    out.extend_from_slice(&[
        key(t::LOWER_AT, l2, 0),
        key(t::LOWER_AT + 1, l1, 0),
        key(t::LOWER_AT + 2, r1, 0),
        key(t::LOWER_AT + 3, r2, 0),
        key(t::SHAPE_AT, s1, 0),
        key(t::SHAPE_AT + 1, t1, 0),
        key(t::BIGRAM_BEFORE, l1, f.lower),
        key(t::BIGRAM_AFTER, f.lower, r1),
        key(t::SHAPE_BEFORE, s1, f.shape),
        key(t::SHAPE_AFTER, f.shape, t1),
        key(t::WORD_BEFORE_SHAPE, l1, f.shape),
        key(t::SHAPE_WORD_AFTER, f.shape, r1),
        key(t::SHAPE_TRIGRAM, s1 ^ t1.rotate_left(17), f.shape),
    ]);

    let cluster_at = |o: isize| -> u64 {
        i.checked_add_signed(o)
            .filter(|j| sentence.contains(j))
            .and_then(|j| ctx.clusters.get(j).copied())
            .map_or(u64::from(NO_CLUSTER) + 1, u64::from)
    };
    if cluster {
        let c0 = ctx.clusters.get(i).copied().unwrap_or(NO_CLUSTER);
        extract_cluster(f, c0, out);
    }
    let (before, after) = (cluster_at(-1), cluster_at(1));
    let coarse_of = |c: u64| {
        if c > 0xffff {
            c
        } else {
            u64::from(coarse(c as u16))
        }
    };
    out.extend_from_slice(&[
        key(t::CLUSTER_BEFORE, before, 0),
        key(t::CLUSTER_AFTER, after, 0),
        key(t::COARSE_AROUND, coarse_of(before), coarse_of(after)),
    ]);

    if flags & flag::START != 0 {
        out.push(key(t::START, f.shape, 0));
    }
    if flags & flag::IN_QUOTE != 0 {
        out.push(key(t::IN_QUOTE, f.shape, 0));
    }
    if flags & flag::AFTER_TITLE != 0 {
        out.push(key(t::AFTER_TITLE, f.shape, 0));
    }
    if flags & flag::AFTER_TITLE_NAME != 0 {
        out.push(key(t::AFTER_TITLE_NAME, f.shape, 0));
    }
    if flags & flag::NUMERIC_SENTENCE != 0 {
        out.push(key(t::NUMERIC_SENTENCE, f.shape, 0));
        out.push(key(t::NUMERIC_SENTENCE, f.lower, 1));
    }
    let caps = flags & flag::CAPS_SENTENCE != 0;
    if caps {
        out.push(key(t::CAPS_SENTENCE, f.shape, 0));
        out.push(key(t::LOWER_CAPS, f.lower, 0));
    }

    let gazetteer = ctx.gazetteer.get(i).copied().unwrap_or(0);
    if gazetteer != 0 {
        for list in 0..LISTS.len() {
            let pos = position(gazetteer, list);
            if pos != 0 {
                let case = u64::from(f.casing.initial_upper);
                out.push(key(t::GAZETTEER, (list as u64) << 4 | u64::from(pos), case));
            }
        }
    }

    let dc = ctx.doccap.get(i).copied().unwrap_or(doccap::NONE);
    if dc != doccap::NONE {
        let case = u64::from(f.casing.initial_upper) | u64::from(f.casing.all_caps) << 1;
        out.push(key(t::DOCCAP, u64::from(dc), case));
        if caps {
            out.push(key(t::DOCCAP_CAPS, u64::from(dc), 0));
        }
    }

    if let Some(e) = evidence {
        extract_evidence(ctx, i, e, out);
    }
}

/// Appends the keys that depend only on the token's own text (its word,
/// shape and affixes): the same for every occurrence of the same string, so
/// the tagger scores them once per distinct word.
pub fn extract_own(f: &Form, out: &mut Vec<u32>) {
    out.push(key(t::BIAS, 0, 0));
    out.push(key(t::LOWER, f.lower, 0));
    if f.casing.has_letter && !f.casing.all_lower {
        out.push(key(t::RAW, f.raw, 0));
    }
    out.push(key(t::SHAPE, f.shape, 0));
    for k in 0..AFFIXES {
        // An affix as long as the word adds nothing to the word itself.
        if usize::from(f.chars) > k + 1 {
            if let (Some(&p), Some(&s)) = (f.prefix.get(k), f.suffix.get(k)) {
                if p != 0 {
                    out.push(key(t::PREFIX + k as u64, p, 0));
                }
                if s != 0 {
                    out.push(key(t::SUFFIX + k as u64, s, 0));
                }
            }
        }
    }
}

/// Appends the keys of the token's word cluster (`cluster`, from
/// [`Context::clusters`]), which depend on its word alone.
fn extract_cluster(f: &Form, cluster: u16, out: &mut Vec<u32>) {
    if cluster != NO_CLUSTER {
        out.push(key(t::CLUSTER, u64::from(fine(cluster)), f.shape));
        out.push(key(t::COARSE, u64::from(coarse(cluster)), f.shape));
    }
}

/// Appends the keys that depend only on the token's word: those of
/// [`extract_own`] and of its word cluster (`cluster`, from
/// [`Context::clusters`]). The same for every occurrence of the same
/// string, so the tagger scores them once per distinct word.
pub fn extract_word(f: &Form, cluster: u16, out: &mut Vec<u32>) {
    extract_own(f, out);
    extract_cluster(f, cluster, out);
}

/// Appends the keys of token `i` that depend on its context (everything
/// [`extract`] adds beyond [`extract_word`]).
pub fn extract_context(
    ctx: &Context,
    sentence: Range<usize>,
    i: usize,
    evidence: Option<Evidence>,
    out: &mut Vec<u32>,
) {
    let Some(f) = ctx.forms.get(i) else { return };
    extract_rest(ctx, f, sentence, i, evidence, false, out);
}

/// Appends only the second-pass evidence keys of token `i` (what
/// [`extract`] adds when given `evidence`).
pub fn extract_evidence(ctx: &Context, i: usize, evidence: Evidence, out: &mut Vec<u32>) {
    let Some(f) = ctx.forms.get(i) else { return };
    if evidence != EVIDENCE_NONE {
        out.push(key(t::EVIDENCE, u64::from(evidence), 0));
        out.push(key(t::EVIDENCE_SHAPE, u64::from(evidence), f.shape));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::names::tagger::context::Resources;
    use crate::text::Document;

    fn keys(text: &str, i: usize, evidence: Option<Evidence>) -> Vec<u32> {
        let res = Resources::new("# list given_name\nkaren\n", "");
        let doc = Document::new(text);
        let ctx = Context::new(&doc, &res);
        let mut out = Vec::new();
        let sentence = doc.sentences[0].tokens.clone();
        extract(&ctx, sentence, i, evidence, &mut out);
        out
    }

    #[test]
    fn neighbours_and_gazetteer_change_the_keys() {
        let a = keys("Mayor Karen Bass spoke.", 1, None);
        let b = keys("Mayor Karin Bass spoke.", 1, None);
        assert!(
            a.len() > b.len(),
            "Karen is a given name, Karin is not listed"
        );
        let c = keys("Mayor Karen Bass spoke.", 2, None);
        let d = keys("Rep. Karen Bass spoke.", 2, None);
        assert_ne!(c, d);
    }

    #[test]
    fn word_and_context_keys_add_up_to_all_keys() {
        let res = Resources::new(
            "# list given_name\nkaren\n# list city\nlos angeles\n",
            "# coarse 0 5\n# cluster 1\nbass\nmayor\n# cluster 0\nsaid\n",
        );
        let text = "Los Angeles Mayor Karen Bass said on Tuesday: “We will rebuild.” \
                    ARREST BASS NOW\n\nBass, 61, said it twice in 2023.";
        let doc = Document::new(text);
        let ctx = Context::new(&doc, &res);
        let mut clustered = 0;
        for s in &doc.sentences {
            for i in s.tokens.clone() {
                let mut all = Vec::new();
                extract(&ctx, s.tokens.clone(), i, Some(1), &mut all);
                let mut parts = Vec::new();
                extract_word(&ctx.forms[i], ctx.clusters[i], &mut parts);
                clustered += usize::from(
                    parts.len() > {
                        let mut own = Vec::new();
                        extract_own(&ctx.forms[i], &mut own);
                        own.len()
                    },
                );
                extract_context(&ctx, s.tokens.clone(), i, Some(1), &mut parts);
                all.sort_unstable();
                parts.sort_unstable();
                assert_eq!(all, parts, "token {i}");
            }
        }
        assert!(clustered >= 4, "Mayor, Bass, said and BASS have clusters");
    }

    #[test]
    fn evidence_adds_keys_only_when_present() {
        let plain = keys("Bass spoke.", 0, None);
        let none = keys("Bass spoke.", 0, Some(EVIDENCE_NONE));
        let person = keys("Bass spoke.", 0, Some(1));
        assert_eq!(plain, none);
        assert_eq!(person.len(), plain.len() + 2);
    }
}
