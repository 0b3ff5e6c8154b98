//! Everything the features of one document need, computed once per
//! document: word forms, gazetteer matches, titles (from the shared
//! lexicon, `names/titles.rs`), quotes, sentence starts, ALL-CAPS sentences
//! and document-level capitalisation evidence.

use std::collections::HashMap;

use super::hash::PreHashed;

use super::forms::{lower_hash, Form};
use super::gazetteer::{Gazetteers, Matches, Start, COMMON_START, NAME_START};
use super::spellings::Spellings;
use crate::entities::names::dateline;
use crate::entities::names::lexicon::class;
use crate::entities::names::titles;
use crate::entities::names::words::{self, class_of, is_capitalised_word};
use crate::entities::Label;
use crate::text::{Document, QuoteRole, TokenKind};

/// Gazetteers and word lists the features consult; built once per model.
#[derive(Clone, Debug, Default)]
pub struct Resources {
    /// Compiled gazetteers.
    pub gazetteers: Gazetteers,
    /// What the context needs of a word (its cluster, whether it may start
    /// a title, how a gazetteer match starts with it) by lower-form hash,
    /// in one table: one lookup per token.
    words: HashMap<u64, Word, PreHashed>,
}

/// The facts of one word that [`Resources`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Its cluster code ([`NO_CLUSTER`] when unknown).
    pub cluster: u16,
    /// It may start a title (first words of titles, with and without full
    /// stop).
    pub title_start: bool,
    /// How a gazetteer match starts with it.
    pub gazetteer: Start,
}

impl Default for Word {
    fn default() -> Word {
        Word {
            cluster: NO_CLUSTER,
            title_start: false,
            gazetteer: 0,
        }
    }
}

/// No cluster.
pub const NO_CLUSTER: u16 = u16::MAX;

impl Resources {
    /// Resources from the compiled gazetteer and cluster texts.
    pub fn new(gazetteer_text: &str, cluster_text: &str) -> Resources {
        let gazetteers = Gazetteers::parse(gazetteer_text);
        let mut words: HashMap<u64, Word, PreHashed> = HashMap::default();
        for (lower, code) in parse_clusters(cluster_text) {
            words.entry(lower).or_default().cluster = code;
        }
        for t in titles::first_words() {
            for lower in [lower_hash(t), lower_hash(&format!("{t}."))] {
                words.entry(lower).or_default().title_start = true;
            }
        }
        for &lower in gazetteers.first_words() {
            words.entry(lower).or_default().gazetteer = gazetteers.start(lower);
        }
        Resources { gazetteers, words }
    }

    /// The facts of the word with lower form `lower`.
    pub fn word(&self, lower: u64) -> Word {
        self.words.get(&lower).copied().unwrap_or_default()
    }

    /// The cluster of the word with lower form `lower`.
    pub fn cluster(&self, lower: u64) -> u16 {
        self.word(lower).cluster
    }

    /// True when the token with lower form `lower` may start a title.
    pub fn is_title_start(&self, lower: u64) -> bool {
        self.word(lower).title_start
    }
}

/// Parses `# cluster N` sections of one word a line, and the `# coarse`
/// line giving each cluster's coarse group. A word's code is
/// `coarse << 10 | cluster`.
fn parse_clusters(text: &str) -> HashMap<u64, u16, PreHashed> {
    let mut map = HashMap::default();
    let mut coarse: Vec<u16> = Vec::new();
    let mut current: Option<u16> = None;
    for line in text.lines() {
        if let Some(groups) = line.strip_prefix("# coarse ") {
            coarse = groups
                .split_whitespace()
                .filter_map(|g| g.parse().ok())
                .collect();
        } else if let Some(n) = line.strip_prefix("# cluster ") {
            current = n.trim().parse().ok().filter(|&c: &u16| c < 1024);
        } else if !line.starts_with('#') && !line.trim().is_empty() {
            if let Some(c) = current {
                let group = coarse.get(usize::from(c)).copied().unwrap_or(0) & 0x3f;
                map.insert(lower_hash(line.trim()), group << 10 | c);
            }
        }
    }
    map
}

/// The fine cluster of a cluster code.
pub const fn fine(code: u16) -> u16 {
    code & 0x3ff
}

/// The coarse group of a cluster code.
pub const fn coarse(code: u16) -> u16 {
    code >> 10
}

/// Per-token flags.
pub mod flag {
    /// First word of a sentence, or first after an opening quote or colon.
    pub const START: u16 = 1;
    /// Inside a quotation.
    pub const IN_QUOTE: u16 = 2;
    /// The sentence is written in capitals ("ARREST BASS").
    pub const CAPS_SENTENCE: u16 = 4;
    /// The previous token is a title.
    pub const AFTER_TITLE: u16 = 8;
    /// The token two back is a title and the previous one is capitalised
    /// ("Mayor Karen Bass": true for Bass).
    pub const AFTER_TITLE_NAME: u16 = 16;
    /// The token is part of a title ("Police Chief", "Secretary of State").
    pub const TITLE: u16 = 32;
    /// Most of the sentence is numbers (results tables, scores, prices).
    pub const NUMERIC_SENTENCE: u16 = 64;
    /// Part of a title that a name follows: never inside a name (decoding
    /// is constrained to `O`).
    pub const TITLE_BEFORE_NAME: u16 = 128;
    /// The first word of a name right after a title: starts a PERSON
    /// (decoding is constrained to `B`/`U` PERSON).
    pub const NAME_AFTER_TITLE: u16 = 256;
}

/// Document-level capitalisation evidence for a word: whether the same
/// word appears elsewhere capitalised in mid-sentence (bit 0) and whether
/// it appears elsewhere in lower case (bit 1). `NONE` for tokens without
/// letters.
pub mod doccap {
    /// Not a word.
    pub const NONE: u8 = 4;
}

/// The per-document context of the features.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Word forms, one per token.
    pub forms: Vec<Form>,
    /// Gazetteer matches, one per token.
    pub gazetteer: Vec<Matches>,
    /// [`flag`] bits, one per token.
    pub flags: Vec<u16>,
    /// [`doccap`] codes, one per token.
    pub doccap: Vec<u8>,
    /// Word cluster of each token ([`NO_CLUSTER`] when unknown).
    pub clusters: Vec<u16>,
    /// The spelling of each token (see [`Spellings`]): what depends on a
    /// token's text alone is the same for every token of its spelling.
    pub spellings: Vec<u32>,
    /// Number of distinct spellings.
    pub spelling_count: usize,
    /// The lower form of each token, numbered from 0 in order of first
    /// occurrence: tokens share one exactly when their
    /// [`Form::lower`]s are equal.
    pub lowers: Vec<u32>,
    /// Number of distinct lower forms.
    pub lower_count: usize,
}

impl Context {
    /// Computes the context of `doc`.
    pub fn new(doc: &Document, res: &Resources) -> Context {
        let n = doc.tokens.len();
        // Forms, word facts and lower-form ids once per spelling.
        let spellings = Spellings::of(doc);
        let mut spelled: Vec<(Form, Word, u32)> = Vec::with_capacity(spellings.len());
        let mut lower_ids: HashMap<u64, u32, PreHashed> =
            HashMap::with_capacity_and_hasher(spellings.len(), PreHashed::default());
        for &first in &spellings.first {
            let Some(t) = doc.tokens.get(first) else {
                continue;
            };
            let f = Form::of(t, doc.text);
            let next = lower_ids.len() as u32;
            let id = *lower_ids.entry(f.lower).or_insert(next);
            spelled.push((f, res.word(f.lower), id));
        }
        let of = |s: u32| spelled.get(s as usize).copied().unwrap_or_default();
        let forms: Vec<Form> = spellings.ids.iter().map(|&s| of(s).0).collect();
        let words: Vec<Word> = spellings.ids.iter().map(|&s| of(s).1).collect();
        let lower_of: Vec<u32> = spellings.ids.iter().map(|&s| of(s).2).collect();
        let lowers: Vec<u64> = forms.iter().map(|f| f.lower).collect();
        let starts: Vec<Start> = words.iter().map(|w| w.gazetteer).collect();
        let mut gazetteer = vec![0; n];
        let mut flags = vec![0u16; n];
        for sentence in &doc.sentences {
            let range = sentence.tokens.start.min(n)..sentence.tokens.end.min(n);
            if let (Some(out), Some(l), Some(s)) = (
                gazetteer.get_mut(range.clone()),
                lowers.get(range.clone()),
                starts.get(range.clone()),
            ) {
                res.gazetteers.matches_from(l, s, out);
            }
            mark_sentence(doc, &forms, &words, &res.gazetteers, range, &mut flags);
        }
        mark_quotes(doc, &mut flags);
        let lower_count = lower_ids.len();
        let doccap = doc_capitalisation(&forms, &flags, &lower_of, lower_count);
        let clusters = words.iter().map(|w| w.cluster).collect();
        Context {
            forms,
            gazetteer,
            flags,
            doccap,
            clusters,
            spelling_count: spellings.len(),
            spellings: spellings.ids,
            lowers: lower_of,
            lower_count,
        }
    }
}

/// Sentence starts, titles and ALL-CAPS sentences.
fn mark_sentence(
    doc: &Document,
    forms: &[Form],
    words: &[Word],
    gazetteers: &Gazetteers,
    range: std::ops::Range<usize>,
    flags: &mut [u16],
) {
    mark_titles(doc, words, gazetteers, range.clone(), flags);
    let (mut words, mut caps, mut numbers) = (0usize, 0usize, 0usize);
    let mut expect_start = true;
    // After a dateline's dash (`PORT AVERY — Crews …`) the sentence proper
    // starts.
    let dateline_dash = dateline::at(doc, range.start).map(|d| d.dash);
    for i in range.clone() {
        let (Some(t), Some(f)) = (doc.tokens.get(i), forms.get(i)) else {
            continue;
        };
        let mut bits = 0u16;
        numbers += usize::from(t.kind == TokenKind::Number);
        if t.is_wordlike() {
            if expect_start {
                bits |= flag::START;
                expect_start = false;
            }
            if f.casing.has_letter && f.chars > 1 {
                words += 1;
                caps += usize::from(f.casing.all_caps);
            }
        } else if matches!(t.kind, TokenKind::Quote(q) if q.role != QuoteRole::Close)
            || doc.token_text(i) == ":"
            || dateline_dash == Some(i)
        {
            expect_start = true;
        }
        if i > range.start && flags.get(i - 1).is_some_and(|b| b & flag::TITLE != 0) {
            bits |= flag::AFTER_TITLE;
        }
        if i > range.start + 1
            && flags.get(i - 2).is_some_and(|b| b & flag::TITLE != 0)
            && forms.get(i - 1).is_some_and(|p| p.casing.initial_upper)
        {
            bits |= flag::AFTER_TITLE_NAME;
        }
        if let Some(slot) = flags.get_mut(i) {
            *slot |= bits;
        }
    }
    let mut bits = 0;
    if words >= 2 && caps * 10 >= words * 6 {
        bits |= flag::CAPS_SENTENCE;
    }
    if numbers >= 2 && numbers * 10 >= range.len() * 3 {
        bits |= flag::NUMERIC_SENTENCE;
    }
    for slot in flags.get_mut(range).unwrap_or(&mut []) {
        *slot |= bits;
    }
}

/// Marks the words of titles (shared lexicon, longest match), and where a
/// chain of titles stands before a name ("LA Mayor Karen Bass", "Justice
/// Minister Ana Ruiz"), the titles as never inside a name and the next word
/// as the start of a PERSON. A known name that begins with a title is left
/// alone ("General Motors", "Prince Edward Island"), and so is a place at
/// the start of a title ("U.S." in "U.S. Attorney").
fn mark_titles(
    doc: &Document,
    words: &[Word],
    gazetteers: &Gazetteers,
    range: std::ops::Range<usize>,
    flags: &mut [u16],
) {
    let mut i = range.start;
    let mut any = false;
    while i < range.end {
        if words.get(i).is_some_and(|w| w.title_start) {
            if let Some(m) = words::title_from(doc, i, range.end) {
                for slot in flags.get_mut(i..i + m.words).unwrap_or(&mut []) {
                    *slot |= flag::TITLE;
                }
                any = true;
                i += m.words;
                continue;
            }
        }
        i += 1;
    }
    if !any {
        return;
    }
    let is_title = |flags: &[u16], i: usize| flags.get(i).is_some_and(|b| b & flag::TITLE != 0);
    let mut i = range.start;
    while i < range.end {
        if !is_title(flags, i) {
            i += 1;
            continue;
        }
        let chain = i;
        while i < range.end && is_title(flags, i) {
            i += 1;
        }
        let after = i;
        let known = words::known_at(doc, chain, range.end);
        if known.is_some_and(|(n, _)| chain + n > after)
            || !starts_name(doc, after, range.end)
            || shouted_common_word(doc, words, gazetteers, after)
        {
            continue;
        }
        let from = match known {
            Some((n, Label::Place)) => chain + n,
            _ => chain,
        };
        for slot in flags.get_mut(from..after).unwrap_or(&mut []) {
            *slot |= flag::TITLE_BEFORE_NAME;
        }
        if let Some(slot) = flags.get_mut(after) {
            *slot |= flag::NAME_AFTER_TITLE;
        }
    }
}

/// True when token `i` can start a name after a title: a capitalised word
/// that is not a head word, suffix, date, function word or speech verb
/// ("Mayor Karen", not "Mayor said" or "Justice Department").
fn starts_name(doc: &Document, i: usize, end: usize) -> bool {
    if i >= end || doc.tokens.get(i).map(|t| t.kind) != Some(TokenKind::Word) {
        return false;
    }
    let text = doc.token_text(i);
    let pronoun = matches!(
        text.to_ascii_lowercase().as_str(),
        "he" | "she" | "it" | "we" | "they" | "you" | "me" | "him" | "her" | "them"
    );
    is_capitalised_word(text)
        && !pronoun
        && class_of(doc, i)
            & (class::NAME_SUFFIX
                | class::ORG_HEAD
                | class::PLACE_HEAD
                | class::MISC_HEAD
                | class::CALENDAR
                | class::FUNCTION
                | class::SPEECH_VERB)
            == 0
}

/// True when token `i` is in capitals and, no listed name, is a common
/// word, an inflection of one or a past or `-ing` form: in `MAYOR RESIGNS`
/// or `SENATOR INDICTED` the capitals say nothing and no name follows the
/// title.
fn shouted_common_word(doc: &Document, words: &[Word], gazetteers: &Gazetteers, i: usize) -> bool {
    let start = words.get(i).map_or(0, |w| w.gazetteer);
    is_shouted_common(
        doc.token_text(i),
        start & NAME_START != 0,
        start & COMMON_START != 0,
        gazetteers,
    )
}

/// [`shouted_common_word`] for the word `text`, given whether the lists
/// hold it as a name (`named`) and as a common word (`common`).
pub(crate) fn is_shouted_common(
    text: &str,
    named: bool,
    common: bool,
    gazetteers: &Gazetteers,
) -> bool {
    if named || !words::is_all_caps(text) || text.chars().count() < 2 {
        return false;
    }
    common
        || gazetteers.inflects_common(text)
        || (text.chars().count() > 4 && (text.ends_with("ED") || text.ends_with("ING")))
}

/// Marks tokens inside quotation marks; quotations end with their paragraph.
fn mark_quotes(doc: &Document, flags: &mut [u16]) {
    for p in &doc.paragraphs {
        let mut open = false;
        for i in p.tokens.clone() {
            let Some(t) = doc.tokens.get(i) else { continue };
            if let TokenKind::Quote(q) = t.kind {
                if !q.double {
                    continue;
                }
                open = match q.role {
                    QuoteRole::Open => true,
                    QuoteRole::Close => false,
                    QuoteRole::Either => !open,
                };
            } else if open {
                if let Some(slot) = flags.get_mut(i) {
                    *slot |= flag::IN_QUOTE;
                }
            }
        }
    }
}

/// For every word, whether the same word appears elsewhere in the document
/// capitalised in mid-sentence, and whether it appears in lower case.
/// `lowers` numbers the tokens' lower forms (`lower_count` of them).
fn doc_capitalisation(
    forms: &[Form],
    flags: &[u16],
    lowers: &[u32],
    lower_count: usize,
) -> Vec<u8> {
    let informative_cap = |f: &Form, b: u16| {
        f.casing.initial_upper && !f.casing.all_caps && b & (flag::START | flag::CAPS_SENTENCE) == 0
    };
    let mut counts = vec![(0u32, 0u32); lower_count];
    for ((f, &b), &l) in forms.iter().zip(flags).zip(lowers) {
        if !f.casing.has_letter {
            continue;
        }
        if let Some(c) = counts.get_mut(l as usize) {
            c.0 += u32::from(informative_cap(f, b));
            c.1 += u32::from(f.casing.all_lower);
        }
    }
    forms
        .iter()
        .zip(flags)
        .zip(lowers)
        .map(|((f, &b), &l)| {
            if !f.casing.has_letter {
                return doccap::NONE;
            }
            let (cap, low) = counts.get(l as usize).copied().unwrap_or((0, 0));
            let cap = cap - u32::from(informative_cap(f, b));
            let low = low - u32::from(f.casing.all_lower);
            u8::from(cap > 0) | (u8::from(low > 0) << 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(text: &str) -> (Document<'_>, Context) {
        let res = Resources::new("# list city\nlos angeles\n", "# cluster 3\nbass\n");
        let doc = Document::new(text);
        let ctx = Context::new(&doc, &res);
        (doc, ctx)
    }

    #[test]
    fn headline_in_capitals_borrows_evidence_from_the_body() {
        let (doc, ctx) = context("ARREST BASS NOW\n\nMayor Karen Bass spoke in Los Angeles.");
        assert!(ctx.flags[0] & flag::CAPS_SENTENCE != 0);
        assert!(ctx.flags[4] & flag::CAPS_SENTENCE == 0);
        // "BASS" in the headline: Bass is capitalised mid-sentence below.
        assert_eq!(doc.token_text(1), "BASS");
        assert_eq!(ctx.doccap[1], 1);
        // "Bass" after "Mayor Karen": a name after a title.
        assert_eq!(doc.token_text(5), "Bass");
        assert!(ctx.flags[5] & flag::AFTER_TITLE_NAME != 0);
        assert!(ctx.flags[4] & flag::AFTER_TITLE != 0);
        assert!(ctx.gazetteer[8] != 0 && ctx.gazetteer[9] != 0);
        assert_eq!(
            (ctx.clusters[1], ctx.clusters[5], ctx.clusters[4]),
            (3, 3, NO_CLUSTER)
        );
        let res = Resources::new("", "# coarse 0 5\n# cluster 1\nbass\n");
        let code = res.cluster(lower_hash("Bass"));
        assert_eq!((fine(code), coarse(code)), (1, 5));
    }

    #[test]
    fn quotes_and_sentence_starts() {
        let (doc, ctx) = context("He said: “We will win.” Then Ana left.");
        let we = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "We")
            .unwrap_or(0);
        assert!(ctx.flags[we] & flag::IN_QUOTE != 0);
        assert!(ctx.flags[we] & flag::START != 0);
        assert!(ctx.flags[0] & flag::START != 0);
        let ana = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "Ana")
            .unwrap_or(0);
        assert!(ctx.flags[ana] & (flag::IN_QUOTE | flag::START) == 0);
    }
}
