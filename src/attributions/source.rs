//! Finding the source's mention next to a cue: a name, a pronoun or a short
//! noun phrase.
//!
//! Without a part-of-speech tagger, a noun phrase is read from closed word
//! classes ([`super::lexicon`]): it may open with a determiner, runs through
//! capitalised words, ordinary lower-case words, the possessive `'s` and one
//! or two complement prepositions (`a spokesperson for the department`), and
//! stops at clause words, auxiliaries, other prepositions and punctuation.
//!
//! The span reported is the phrase's head, kept tight:
//! - a name entity (PERSON, ORG, …) ending the phrase wins, so titles drop
//!   out (`Mayor Karen Bass` → `Karen Bass`);
//! - without entities, a capitalised run ending the phrase is the name, with
//!   leading titles stripped (`Los Angeles Mayor Karen Bass` → `Karen Bass`)
//!   and the determiner dropped (`the Los Angeles Police Department` → `Los
//!   Angeles Police Department`);
//! - otherwise the whole common-noun phrase is the source, complement
//!   included (`the mayor`, `a spokesperson for the department`);
//! - appositives after a comma are never part of the span (`Karen Bass, the
//!   mayor of Los Angeles,` → `Karen Bass`), except that a name in
//!   apposition to a description names it (`the mayor, Karen Bass,` →
//!   `Karen Bass`).

use std::borrow::Cow;

use super::cues::{self, CueVerb, Form};
use super::lexicon::*;
use crate::entities::{Entity, Label};
use crate::span::Span;
use crate::text::{Document, TokenKind};

/// Longest noun phrase read as a source, in tokens.
pub const MAX_NP_TOKENS: usize = 8;

/// Longest source phrase read exactly or backwards from its cue, where a
/// name with its complement runs long (`the U.S. Attorney's Office for the
/// Eastern District of Kentucky`).
const MAX_SOURCE_NP_TOKENS: usize = MAX_NP_TOKENS + 4;

/// The word classes of [`Ctx::phrase_words`] (with `in`).
const PHRASE_CLASSES: u32 = HEDGE_ADVERB | BE_FORM | ATTRIBUTING;

/// [`super::word_table::hash`] of `in`.
const IN: u32 = super::word_table::hash_const("in");

/// The part of `tokens` (token indices, ascending, as [`Ctx::cue_words`]
/// and the other lists give them) that lies in `range`.
pub fn within(tokens: &[usize], range: std::ops::Range<usize>) -> &[usize] {
    let lo = tokens.partition_point(|&i| i < range.start);
    let hi = tokens.partition_point(|&i| i < range.end);
    tokens.get(lo..hi).unwrap_or_default()
}

/// The bytes of text a [`Ctx::token_at`] block covers (a power of two).
const BLOCK: usize = 16;

/// The document and its name entities, with the token-level questions the
/// attribution rules ask.
pub struct Ctx<'d, 't> {
    /// The analysed document.
    pub doc: &'d Document<'t>,
    /// Name-like entities (PERSON, ORG, PLACE, MISC, HANDLE) in text order.
    names: Cow<'d, [Entity]>,
    /// What the rules ask of every token, looked up once (one record a
    /// token, so a token's questions touch one cache line).
    info: Vec<TokenInfo>,
    /// The tokens that may be cues ([`Ctx::may_be_cue`]), ascending.
    cue_words: Vec<usize>,
    /// The quotation-mark tokens, ascending.
    quote_marks: Vec<usize>,
    /// The words that may open a hedge or an `according to`-type phrase
    /// ([`Ctx::phrase_words`]), ascending.
    phrase_words: Vec<usize>,
    /// The start of every token, for [`Ctx::token_at`] (empty for a text
    /// too long for `u32` offsets).
    starts: Vec<u32>,
    /// For every [`BLOCK`] bytes of text, the number of tokens starting
    /// before the block: [`Ctx::token_at`] starts there and steps over the
    /// few tokens starting inside the block (empty with `starts`).
    blocks: Vec<u32>,
    /// False when the names' ends are not in order (overlapping entities
    /// passed in): [`Ctx::entity_ending_at`] then searches them.
    ends_ordered: bool,
}

/// The per-token facts [`Ctx`] computes once.
#[derive(Clone, Copy, Debug, Default)]
struct TokenInfo {
    /// The case-insensitive hash of a word token (0 for other tokens).
    hash: u32,
    /// The word classes of a word token (none for other tokens).
    classes: Classes,
    /// The cue lexicon entry of a word token.
    cue: Option<cues::CueId>,
    /// 1 + the index of the name entity starting where the token starts
    /// (0: none).
    entity_start: u32,
    /// 1 + the index of the name entity ending where the token ends (0:
    /// none).
    entity_end: u32,
}

impl<'d, 't> Ctx<'d, 't> {
    /// Wraps `doc`; keeps the entities that can be sources, in text order.
    pub fn new(doc: &'d Document<'t>, entities: &'d [Entity]) -> Self {
        let names = if entities.windows(2).all(|w| w[0].span <= w[1].span)
            && entities.iter().all(|e| is_source_label(e.label))
        {
            Cow::Borrowed(entities)
        } else {
            let mut v: Vec<Entity> = Vec::with_capacity(entities.len());
            v.extend(
                entities
                    .iter()
                    .copied()
                    .filter(|e| is_source_label(e.label)),
            );
            // (Entities usually come in order: the filter keeps it, and a
            // sorted list needs no sort's scratch buffer.)
            if !v.is_sorted_by_key(|e| e.span) {
                v.sort_by_key(|e| e.span);
            }
            Cow::Owned(v)
        };
        let ends_ordered = names.windows(2).all(|w| w[0].span.end <= w[1].span.end);
        let lexemes = super::lexeme::Lexemes::get();
        let bytes = doc.text.as_bytes();
        let (mut cue_words, mut quote_marks, mut phrase_words) =
            (Vec::new(), Vec::new(), Vec::new());
        let info: Vec<TokenInfo> = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let mut ti = TokenInfo::default();
                if t.kind == TokenKind::Word {
                    // (A token's span lies on character boundaries: its
                    // bytes need no check, its text only for the rare class
                    // rule.)
                    let word = bytes.get(t.span.start..t.span.end).unwrap_or_default();
                    let h = super::word_table::hash_bytes(word);
                    let l = lexemes.lexeme_of_bytes(word, h, || t.span.slice(doc.text));
                    ti.hash = h;
                    ti.classes = l.classes;
                    ti.cue = l.cue;
                    if l.cue.is_some() {
                        cue_words.push(k);
                    }
                    if l.classes.has(PHRASE_CLASSES) || h == IN {
                        phrase_words.push(k);
                    }
                } else if matches!(t.kind, TokenKind::Quote(_)) {
                    quote_marks.push(k);
                }
                ti
            })
            .collect();
        let (starts, blocks) = if u32::try_from(doc.text.len()).is_ok() {
            let starts: Vec<u32> = doc.tokens.iter().map(|t| t.span.start as u32).collect();
            let mut blocks = Vec::with_capacity(doc.text.len() / BLOCK + 1);
            let mut k = 0;
            for b in 0..=doc.text.len() / BLOCK {
                let o = (b * BLOCK) as u32;
                while starts.get(k).is_some_and(|&s| s < o) {
                    k += 1;
                }
                blocks.push(k as u32);
            }
            (starts, blocks)
        } else {
            (Vec::new(), Vec::new())
        };
        let mut ctx = Ctx {
            doc,
            names,
            info,
            cue_words,
            quote_marks,
            phrase_words,
            starts,
            blocks,
            ends_ordered,
        };
        ctx.mark_names();
        ctx
    }

    /// Notes on each token the first name (in text order) starting where
    /// it starts and, when the names' ends are in order, the first ending
    /// where it ends. (Names are few: each is found with
    /// [`Ctx::token_at`] rather than merged with every token.)
    fn mark_names(&mut self) {
        for k in 0..self.names.len() {
            let Some(e) = self.names.get(k).copied() else {
                break;
            };
            let index = u32::try_from(k + 1).unwrap_or(0);
            let first = self.token_at(e.span.start);
            let starts_here = |t: &crate::text::Token| t.span.start == e.span.start;
            if self.doc.tokens.get(first).is_some_and(starts_here) {
                if let Some(ti) = self.info.get_mut(first).filter(|ti| ti.entity_start == 0) {
                    ti.entity_start = index;
                }
            }
            if !self.ends_ordered {
                continue;
            }
            // The token ending where the name ends is the last one
            // starting before that end (tokens do not overlap).
            let Some(last) = self.token_at(e.span.end).checked_sub(1) else {
                continue;
            };
            let ends_here = |t: &crate::text::Token| t.span.end == e.span.end;
            if self.doc.tokens.get(last).is_some_and(ends_here) {
                if let Some(ti) = self.info.get_mut(last).filter(|ti| ti.entity_end == 0) {
                    ti.entity_end = index;
                }
            }
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// The text of token `i` (`""` out of range).
    pub fn word(&self, i: usize) -> &'t str {
        self.doc.token_text(i)
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// The span of token `i` (empty at the end of the text when out of range).
    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens.get(i).map_or_else(
            || Span::new(self.doc.text.len(), self.doc.text.len()),
            |t| t.span,
        )
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// True when token `i` is punctuation with exactly this text.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.word(i) == p
    }

    /// True when token `i` is a quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Quote(_)))
    }

    /// The word classes of token `i` (none for non-words).
    pub fn classes(&self, i: usize) -> Classes {
        self.info
            .get(i)
            .map_or_else(Classes::default, |t| t.classes)
    }

    /// The word classes of token `i`'s text, whatever its kind: the same as
    /// [`classes`] of [`Ctx::word`], without the lookup for most words.
    pub fn text_classes(&self, i: usize) -> Classes {
        let w = self.word(i);
        if self.is_word(i) && w.len() <= 16 {
            self.classes(i)
        } else {
            classes(w)
        }
    }

    /// The case-insensitive hash of word token `i` (0 for other tokens).
    pub fn word_hash(&self, i: usize) -> u32 {
        self.info.get(i).map_or(0, |t| t.hash)
    }

    /// The lexicon entry of the cue word at token `i`, if it is one.
    pub fn cue_id(&self, i: usize) -> Option<cues::CueId> {
        self.info.get(i).and_then(|t| t.cue)
    }

    /// True when token `i` is a form of a reporting verb (a cheap test
    /// before [`Ctx::cue`]).
    pub fn may_be_cue(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.cue.is_some())
    }

    /// The tokens that may be cues ([`Ctx::may_be_cue`]), ascending: listed
    /// once, so the passes reading cue words visit those alone.
    pub fn cue_words(&self) -> &[usize] {
        &self.cue_words
    }

    /// The quotation-mark tokens ([`Ctx::is_quote`]), ascending.
    pub fn quote_marks(&self) -> &[usize] {
        &self.quote_marks
    }

    /// The words that may open a hedge (a hedge adverb, a form of `be`) or
    /// a phrase naming a source (`according`, `per`, `in`), ascending:
    /// the hedge and `according to` passes visit those alone.
    pub fn phrase_words(&self) -> &[usize] {
        &self.phrase_words
    }

    /// The reporting verb token `i` is a form of, ignoring particles.
    pub fn cue_word(&self, i: usize) -> Option<CueVerb> {
        cues::verb(self.cue_id(i)?)
    }

    /// The reporting verb at token `i`, if it is one (a phrasal cue only
    /// when its particle follows).
    pub fn cue(&self, i: usize) -> Option<CueVerb> {
        let cue = self.cue_word(i)?;
        match cue.particle {
            Some(p) if !self.word(i + 1).eq_ignore_ascii_case(p) => None,
            None if self.is_physical_phrasal(i, cue) => None,
            _ => Some(cue),
        }
    }

    /// True when the cue at token `i` heads a phrasal verb that names no
    /// speech: a verb of force (`knocks out power`, `ripped off the cover`;
    /// `knocked the plan` is speech) or `called off` (cancelled).
    pub fn is_physical_phrasal(&self, i: usize, cue: CueVerb) -> bool {
        // (The particle first: `cue` runs on every token, and most cue
        // words have none after them.)
        let particle = self.word(i + 1);
        (is_one_of(particle, &["out", "down", "off", "up", "over"])
            && is_one_of(
                cue.lemma,
                &[
                    "knock", "rip", "blast", "slam", "bash", "push", "press", "snap",
                ],
            ))
            // `the show was called off`: cancelled.
            || (cue.lemma == "call" && is_one_of(particle, &["off"]))
    }

    /// True when a PERSON name ends at token `i`.
    pub fn person_ends_at(&self, i: usize) -> bool {
        self.entity_ending_at(i)
            .is_some_and(|e| e.label == crate::entities::Label::Person)
    }

    /// The span of the cue at token `i` (with its particle).
    pub fn cue_span(&self, i: usize, cue: CueVerb) -> Span {
        let span = self.span(i);
        if cue.particle.is_some() {
            span.cover(self.span(i + 1))
        } else {
            span
        }
    }

    /// Index of the token after the cue at `i` (after its particle).
    pub fn after_cue(&self, i: usize, cue: CueVerb) -> usize {
        i + 1 + usize::from(cue.particle.is_some())
    }

    /// The name entity ending exactly where token `i` ends.
    pub fn entity_ending_at(&self, i: usize) -> Option<Entity> {
        if self.ends_ordered {
            let k = self.info.get(i)?.entity_end.checked_sub(1)?;
            return self.names.get(k as usize).copied();
        }
        let end = self.doc.tokens.get(i)?.span.end;
        let k = self.names.partition_point(|e| e.span.end < end);
        self.names.get(k).copied().filter(|e| e.span.end == end)
    }

    /// The name entity starting exactly where token `i` starts.
    pub fn entity_starting_at(&self, i: usize) -> Option<Entity> {
        let k = self.info.get(i)?.entity_start.checked_sub(1)?;
        self.names.get(k as usize).copied()
    }

    /// The name entities (PERSON, ORG, PLACE, MISC, HANDLE) in text order.
    pub fn names(&self) -> &[Entity] {
        &self.names
    }

    /// The label of the name entity that ends `span` and lies inside it.
    pub fn label_of(&self, span: Span) -> Option<Label> {
        let k = self.names.partition_point(|e| e.span.end < span.end);
        self.names
            .get(k)
            .filter(|e| e.span.end == span.end && e.span.start >= span.start)
            .map(|e| e.label)
    }

    /// Index of the first token at or after byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        if self.starts.len() == self.doc.tokens.len() {
            // Past the last block (and past `u32`), offsets are past every
            // start.
            let (Some(&first), Ok(o)) = (self.blocks.get(offset / BLOCK), u32::try_from(offset))
            else {
                return self.starts.len();
            };
            let mut k = first as usize;
            while self.starts.get(k).is_some_and(|&s| s < o) {
                k += 1;
            }
            k
        } else {
            self.doc.tokens.partition_point(|t| t.span.start < offset)
        }
    }

    /// True for a capitalised word token (a possible name part).
    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && is_capitalised(self.word(i)) && !self.text_classes(i).has(DETERMINER)
    }

    /// True for the apostrophe of a plural possessive (`teachers' union`):
    /// glued to a word ending in `s`, before a word.
    fn is_plural_possessive(&self, i: usize) -> bool {
        let glued = self
            .doc
            .tokens
            .get(i)
            .is_some_and(|t| t.gap == crate::text::Gap::None);
        let next_spaced = self
            .doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.gap == crate::text::Gap::Space && t.kind == TokenKind::Word);
        glued
            && next_spaced
            && i > 0
            && self.is_word(i - 1)
            && self.word(i - 1).ends_with(['s', 'S'])
    }

    /// True for the possessive `'s` / `’s` token.
    pub fn is_possessive(&self, i: usize) -> bool {
        // (`'s` has two bytes, `’s` four: the length test on the span
        // spares most words the comparisons, and the bytes need no
        // character-boundary check. `\xE2\x80\x99` is `’`.)
        let Some(t) = self.doc.tokens.get(i) else {
            return false;
        };
        t.kind == TokenKind::Word
            && matches!(t.span.end.wrapping_sub(t.span.start), 2 | 4)
            && matches!(
                self.doc.text.as_bytes().get(t.span.start..t.span.end),
                Some(b"'s" | b"\xE2\x80\x99s" | b"'S" | b"\xE2\x80\x99S")
            )
    }
}

/// Entity labels that can be a source.
fn is_source_label(label: Label) -> bool {
    label.is_name() || label == Label::Handle
}

/// How a token can take part in a noun phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// `the`, `a`, `his`, `two`.
    Det,
    /// A capitalised word, number or handle: part of a name.
    Name,
    /// A lower-case word.
    Noun,
    /// `'s`.
    Possessive,
    /// `of`, `for`, `from` (and `in`, `at`, `with`… when the end is known).
    Prep,
    /// A lower-case `-ing`/`-ed` word while reading greedily: a noun after a
    /// determiner (`the ruling`), otherwise the end of the phrase
    /// (`officials involved`, `a man wearing`).
    Participle,
    /// `and` or `&` (between names).
    And,
    /// Anything that ends a noun phrase.
    Stop,
}

/// How strictly to read words: `Greedy` when the phrase's end is not known
/// and must be found (verbs and participles end it); `Bounded` when a cue
/// already marks the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Greedy,
    Bounded,
}

/// [`super::word_table::hash`] of `has`, `have`, `had` and `not`: most
/// words differ in hash, sparing them the text comparisons.
const HAVE_NOT: [u32; 4] = [
    super::word_table::hash_const("has"),
    super::word_table::hash_const("have"),
    super::word_table::hash_const("had"),
    super::word_table::hash_const("not"),
];

fn part(ctx: &Ctx, i: usize, mode: Mode) -> Part {
    match ctx.kind(i) {
        Some(TokenKind::Number) | Some(TokenKind::Handle) => return Part::Name,
        Some(TokenKind::Punct) if ctx.word(i) == "&" => return Part::And,
        // `the teachers' union`: a plural possessive's apostrophe.
        Some(TokenKind::Quote(m)) if !m.double && ctx.is_plural_possessive(i) => {
            return Part::Possessive
        }
        Some(TokenKind::Word) => {}
        _ => return Part::Stop,
    }
    let w = ctx.word(i);
    if ctx.is_possessive(i) {
        return Part::Possessive;
    }
    let c = ctx.classes(i);
    if c.has(DETERMINER) {
        return Part::Det;
    }
    if w.eq_ignore_ascii_case("and") {
        return Part::And;
    }
    let prep = match mode {
        Mode::Greedy => c.has(NP_PREPOSITION),
        Mode::Bounded => c.has(NP_PREPOSITION | BOUNDED_NP_PREPOSITION),
    };
    if prep {
        return Part::Prep;
    }
    if c.has(CLAUSE_WORD | STOP_PREPOSITION | AUXILIARY | OBJECT_PRONOUN | SUBJECT_PRONOUN)
        || (HAVE_NOT.contains(&ctx.word_hash(i)) && is_one_of(w, &["has", "have", "had", "not"]))
    {
        return Part::Stop;
    }
    if let Some(cue) = ctx.cue_word(i) {
        // Past forms are verbs (`said`); `-s` forms may be plural nouns
        // (`the reports`), base forms nouns (`a statement`, `the post`).
        let verbal = match mode {
            Mode::Greedy => cue.form != Form::Base,
            Mode::Bounded => matches!(cue.form, Form::Past | Form::Progressive),
        };
        if verbal {
            return Part::Stop;
        }
    }
    if is_capitalised(w) {
        if c.has(TIME_WORD | SENTENCE_ADVERB) {
            return Part::Stop;
        }
        return Part::Name;
    }
    if c.has(SENTENCE_ADVERB | TIME_WORD | VERB_MODIFIER) {
        return Part::Stop;
    }
    if mode == Mode::Greedy {
        if c.has(POSTNOMINAL) {
            return Part::Stop;
        }
        // (`filing`, `briefing`, `recording` are documents.)
        if w.len() > 5 && (w.ends_with("ing") || w.ends_with("ed")) && !c.has(DOCUMENT_NOUN) {
            return Part::Participle;
        }
    }
    Part::Noun
}

/// True when a noun phrase may go on from `prev` (already in the phrase) to
/// token `i` of part `p`.
fn continues(ctx: &Ctx, prev: Part, i: usize, p: Part, mode: Mode) -> bool {
    match p {
        Part::Stop => false,
        Part::Participle => prev == Part::Det,
        // A determiner only after a preposition (`for the department`) or
        // a person and `and` (`Bass and other critics`).
        Part::Det => prev == Part::Prep || prev == Part::And,
        Part::Name | Part::Noun => true,
        Part::Possessive => matches!(prev, Part::Name | Part::Noun),
        Part::Prep => {
            let next = part(ctx, i + 1, mode);
            matches!(prev, Part::Name | Part::Noun)
                && matches!(next, Part::Det | Part::Name | Part::Noun)
        }
        Part::And => {
            prev == Part::Name
                && (ctx.is_cap(i + 1)
                    || matches!(part(ctx, i + 1, mode), Part::Det | Part::Noun)
                        && i > 0
                        && ctx.person_ends_at(i - 1))
        }
    }
}

/// `Its general manager, Colin Ashby,`, `a spokesman for the council,
/// Adam Greer,`: when the aside between the comma at token `open` and the
/// one at `close` is exactly a name (PERSON, ORG …) and the phrase
/// starting at token `start` before it is a description (it opens with a
/// determiner or a lower-case word, and no person's name ends it), the
/// name is the source's.
pub fn named_aside(ctx: &Ctx, start: usize, open: usize, close: usize) -> Option<Span> {
    let name = apposed_name(ctx, start, open)?;
    (close > open + 1 && name.span.end == ctx.span(close - 1).end).then_some(name.span)
}

/// The name (PERSON, ORG …) right after the comma at token `open` when
/// the phrase from token `start` to that comma is a description
/// ([`is_description`]): the name in apposition that names it.
fn apposed_name(ctx: &Ctx, start: usize, open: usize) -> Option<Entity> {
    let head = open.checked_sub(1)?;
    let name = ctx
        .entity_starting_at(open + 1)
        .filter(|n| is_source_label(n.label))?;
    is_description(ctx, start, head).then_some(name)
}

/// True when tokens `start..=head` describe rather than name: they open
/// with a determiner, a lower-case word or a possessive, and no person's
/// name ends them.
fn is_description(ctx: &Ctx, start: usize, head: usize) -> bool {
    // (`Apple's chief executive`: a name's possessive opens one too.)
    let opens = !ctx.is_cap(start)
        || is_one_of(
            ctx.word(start),
            &["a", "an", "the", "its", "his", "her", "their", "our", "my"],
        )
        || (start..head).any(|k| ctx.is_possessive(k)) && !ctx.is_cap(head);
    opens && head >= start && ctx.is_word(head) && !ctx.person_ends_at(head)
}

/// The source in tokens `s..=e` when they form exactly one noun phrase (a
/// cue marks the end): `"…," a spokesperson for the department said`. An
/// appositive after a comma is allowed and left out of the span.
pub fn np_exact(ctx: &Ctx, s: usize, e: usize) -> Option<Span> {
    if e < s || e - s >= MAX_NP_TOKENS + 24 {
        return None;
    }
    // `Karen Bass, the mayor of Los Angeles,` / `Rep. Jane Doe (D-Calif.)`
    // → read up to the aside; the rest must be a comma- or bracket-enclosed
    // aside of words.
    let mut end = e;
    let aside = (s..=e).find(|&i| ctx.is_punct(i, ",") || ctx.is_punct(i, "("));
    if let Some(open) = aside {
        let closed = ctx.is_punct(e, ",") || ctx.is_punct(e, ")");
        if open == s || !closed || e - open < 2 {
            return None;
        }
        // Asides may follow each other: `Rep. Jane Doe (D-Calif.), a
        // member of the panel,`.
        let aside_ok = (open + 1..e).all(|i| match ctx.kind(i) {
            Some(TokenKind::Word | TokenKind::Number | TokenKind::Dash) => true,
            Some(TokenKind::Punct) => {
                !matches!(ctx.word(i), ";" | ":") && !ctx.word(i).contains(['?', '!'])
            }
            _ => false,
        });
        if !aside_ok {
            return None;
        }
        if let Some(name) = named_aside(ctx, s, open, e) {
            return Some(name);
        }
        end = open - 1;
    }
    if end - s >= MAX_SOURCE_NP_TOKENS {
        return None;
    }
    if s == end && ctx.is_word(s) && ctx.text_classes(s).has(SUBJECT_PRONOUN) {
        return Some(ctx.span(s));
    }
    if let Some(ent) = ctx.entity_starting_at(s) {
        if ent.span.end == ctx.span(end).end {
            return Some(ent.span);
        }
    }
    let mut prev = match part(ctx, s, Mode::Bounded) {
        p @ (Part::Det | Part::Name | Part::Noun) => p,
        _ => return None,
    };
    for i in s + 1..=end {
        let p = part(ctx, i, Mode::Bounded);
        if !continues(ctx, prev, i, p, Mode::Bounded) {
            return None;
        }
        prev = p;
    }
    if !matches!(prev, Part::Name | Part::Noun) {
        return None;
    }
    Some(head(ctx, s, end))
}

/// The noun phrase starting at token `s` (up to `limit`, exclusive), read
/// greedily: `said [a spokesperson for the department] in a statement`.
/// Returns the source span and the index after the phrase.
pub fn np_forward(ctx: &Ctx, s: usize, limit: usize) -> Option<(Span, usize)> {
    if s >= limit {
        return None;
    }
    if ctx.is_word(s) && ctx.text_classes(s).has(SUBJECT_PRONOUN) {
        return Some((ctx.span(s), s + 1));
    }
    let mut prev = match part(ctx, s, Mode::Greedy) {
        p @ (Part::Det | Part::Name | Part::Noun) => p,
        _ => return None,
    };
    let mut end = s; // last token that can end the phrase
    let mut i = s + 1;
    // A name opening the phrase is taken whole (`said Maria do Céu
    // Ferreira`, whose lower-case particle would end a run of names).
    if let Some(ent) = ctx.entity_starting_at(s) {
        let after = ctx.token_at(ent.span.end);
        if after > s + 1 && after <= limit {
            prev = Part::Name;
            end = after - 1;
            i = after;
        }
    }
    while i < limit && i - s < MAX_NP_TOKENS {
        // Tokens inside a name entity are taken whole.
        if let Some(ent) = ctx.entity_starting_at(i) {
            if matches!(prev, Part::Det | Part::Prep | Part::Name | Part::Noun) {
                let after = ctx.token_at(ent.span.end);
                if after <= limit {
                    prev = Part::Name;
                    end = after - 1;
                    i = after;
                    continue;
                }
            }
        }
        let mut p = part(ctx, i, Mode::Greedy);
        // `the attacks`, `the reports`, `a note`: a plain or -s form after
        // a determiner is a noun.
        if p == Part::Stop
            && prev == Part::Det
            && ctx
                .cue(i)
                .is_some_and(|c| matches!(c.form, Form::Present | Form::Base))
        {
            p = Part::Noun;
        }
        if !continues(ctx, prev, i, p, Mode::Greedy) {
            break;
        }
        if p == Part::Participle {
            p = Part::Noun;
        }
        if matches!(p, Part::Name | Part::Noun) {
            end = i;
        }
        prev = p;
        i += 1;
    }
    if matches!(part(ctx, end, Mode::Greedy), Part::Det) && end == s {
        return None;
    }
    // `confirmed by her daughter, Claire Abernathy-Stone.`: a name in
    // apposition names the description.
    if ctx.is_punct(end + 1, ",") {
        if let Some(name) = apposed_name(ctx, s, end + 1) {
            let after = ctx.token_at(name.span.end);
            let closes = after >= limit
                || ctx.is_punct(after, ",")
                || ctx.is_punct(after, ".")
                || ctx.is_punct(after, ")");
            if after <= limit && closes {
                return Some((name.span, after));
            }
        }
    }
    Some((head(ctx, s, end), end + 1))
}

/// The noun phrase ending at token `e` (not before `floor`), read backwards:
/// `[the mayor's office] said:`. A determiner opens the phrase unless a
/// complement preposition comes before it (`a spokesperson for the city`).
pub fn np_backward(ctx: &Ctx, e: usize, floor: usize) -> Option<Span> {
    if e < floor {
        return None;
    }
    if ctx.is_word(e) && ctx.text_classes(e).has(SUBJECT_PRONOUN) {
        return Some(ctx.span(e));
    }
    if let Some(ent) = ctx.entity_ending_at(e) {
        // A name is the source unless it is a complement (`a spokesperson for
        // the LAPD`).
        let first = ctx.token_at(ent.span.start);
        let mut before = first.checked_sub(1);
        if let Some(b) = before.filter(|&b| b >= floor && part(ctx, b, Mode::Bounded) == Part::Det)
        {
            before = b.checked_sub(1);
        }
        let is_complement = before
            .filter(|&b| b >= floor)
            .is_some_and(|b| part(ctx, b, Mode::Bounded) == Part::Prep);
        if !is_complement {
            return Some(ent.span);
        }
    }
    let mut next = match part(ctx, e, Mode::Bounded) {
        p @ (Part::Name | Part::Noun) => p,
        // `the mother of three`: a number word ending a phrase is its noun.
        Part::Det if !is_one_of(ctx.word(e), &["the", "a", "an", "no"]) => Part::Noun,
        _ => return None,
    };
    let mut s = e;
    // `and` after a person's name joins them to a group (`Bass and other
    // critics`, `Bass and the council`).
    let and_person = |j: usize| j > floor && ctx.person_ends_at(j - 1);
    // Before a complement preposition only a short head may come (`a senior
    // official at`); more words mean the preposition belongs to a clause
    // (`The ad uses footage of Clinton`), and the phrase starts after it.
    let mut prep: Option<usize> = None;
    let mut words_before_prep = 0;
    while s > floor && e - s + 1 < MAX_SOURCE_NP_TOKENS {
        let j = s - 1;
        let p = part(ctx, j, Mode::Bounded);
        let ok = match p {
            Part::Name | Part::Noun | Part::Possessive | Part::Det => true,
            Part::Prep => matches!(next, Part::Det | Part::Name | Part::Noun),
            // `Bass and Ruiz`; `Bass and other critics`.
            Part::And => j > floor && (next == Part::Name && ctx.is_cap(j - 1) || and_person(j)),
            Part::Stop | Part::Participle => false,
        };
        if !ok {
            break;
        }
        if p == Part::Prep {
            prep = Some(j);
            words_before_prep = 0;
        } else if prep.is_some()
            && (p == Part::Noun
                || p == Part::Name && !matches!(next, Part::Name | Part::Possessive))
        {
            // (A name counts once: `the U.S. Attorney's Office for …`.)
            words_before_prep += 1;
            if words_before_prep > 2 {
                s = prep.map_or(s, |k| k + 1);
                break;
            }
        }
        s = j;
        next = p;
        // A determiner opens the phrase unless a complement preposition
        // comes before it.
        if p == Part::Det
            && !(j > floor
                && (part(ctx, j - 1, Mode::Bounded) == Part::Prep
                    || part(ctx, j - 1, Mode::Bounded) == Part::And && and_person(j - 1)))
        {
            break;
        }
    }
    // Never start on a preposition or conjunction.
    while s < e
        && matches!(
            part(ctx, s, Mode::Bounded),
            Part::Prep | Part::And | Part::Possessive
        )
    {
        s += 1;
    }
    Some(head(ctx, s, e))
}

/// The head of the noun phrase in tokens `s..=e` (see the module doc).
fn head(ctx: &Ctx, s: usize, e: usize) -> Span {
    // The core ends before the first complement preposition (`of` between
    // capitalised words joins a name instead: `Department of Justice`).
    let mut core_end = e;
    for i in s + 1..e {
        if part(ctx, i, Mode::Bounded) == Part::Prep {
            // (`Karen Bass of Los Angeles`, with `Karen Bass` a known name, is
            // a name and its complement.)
            let joins_name = ctx.word(i).eq_ignore_ascii_case("of")
                && ctx.is_cap(i - 1)
                && ctx.is_cap(i + 1)
                && ctx.entity_ending_at(i - 1).is_none();
            if !joins_name {
                core_end = i - 1;
                break;
            }
        }
    }
    if let Some(ent) = ctx.entity_ending_at(core_end) {
        if ent.span.start >= ctx.span(s).start {
            return ent.span;
        }
    }
    if !ctx.is_cap(core_end) && ctx.kind(core_end) != Some(TokenKind::Handle) {
        // A common-noun phrase: the whole phrase with its complement.
        return ctx.span(s).cover(ctx.span(e));
    }
    // The capitalised run ending the core, joined by `of`, `&`, `and`, `'s`.
    let mut run_start = core_end;
    while run_start > s {
        let j = run_start - 1;
        let joins = ctx.is_cap(j)
            || ((ctx.word(j).eq_ignore_ascii_case("of")
                || ctx.is_possessive(j)
                || ctx.word(j) == "&")
                && j > s
                && ctx.is_cap(j - 1));
        if !joins {
            break;
        }
        run_start = j;
    }
    // Strip leading titles when a personal name follows them (but not from
    // `Justice Department`: a name does not end in an organisation word).
    if let Some(last_title) = (run_start..core_end)
        .rev()
        .find(|&i| ctx.text_classes(i).has(TITLE))
    {
        let name_follows = (last_title + 1..=core_end).all(|i| {
            ctx.is_cap(i) && !ctx.text_classes(i).has(TITLE) && !ctx.text_classes(i).has(ORG_WORD)
        });
        if name_follows {
            run_start = last_title + 1;
        }
    }
    ctx.span(run_start).cover(ctx.span(core_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_token(doc: &Document, word: &str) -> usize {
        (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == word)
            .unwrap()
    }

    fn forward(text: &str, from: &str) -> Option<String> {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let s = find_token(&doc, from);
        np_forward(&ctx, s, doc.tokens.len()).map(|(span, _)| doc.slice(span).to_string())
    }

    fn backward(text: &str, to: &str) -> Option<String> {
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let e = find_token(&doc, to);
        np_backward(&ctx, e, 0).map(|span| doc.slice(span).to_string())
    }

    #[test]
    fn forward_phrases_stop_at_adjuncts() {
        assert_eq!(
            forward("said Karen Bass, the mayor.", "Karen").as_deref(),
            Some("Karen Bass")
        );
        assert_eq!(
            forward(
                "said a spokesperson for the department in a statement.",
                "a"
            )
            .as_deref(),
            Some("a spokesperson for the department")
        );
        assert_eq!(
            forward("said Bass on Tuesday.", "Bass").as_deref(),
            Some("Bass")
        );
        assert_eq!(
            forward("said Bass Tuesday.", "Bass").as_deref(),
            Some("Bass")
        );
        assert_eq!(
            forward("said officials familiar with the plan.", "officials").as_deref(),
            Some("officials")
        );
        assert_eq!(forward("said she.", "she").as_deref(), Some("she"));
        assert_eq!(forward("said , then", ",").as_deref(), None);
        // A document ending in `-ing` is a noun, not a participle.
        assert_eq!(
            forward("according to the company's proxy filing.", "the").as_deref(),
            Some("the company's proxy filing")
        );
    }

    #[test]
    fn backward_phrases_start_at_determiners() {
        assert_eq!(
            backward("In a brief statement the mayor's office said:", "office").as_deref(),
            Some("the mayor's office")
        );
        assert_eq!(
            backward("Late on Tuesday a spokesperson for the city said:", "city").as_deref(),
            Some("a spokesperson for the city")
        );
        assert_eq!(
            backward("Later, police said:", "police").as_deref(),
            Some("police")
        );
        assert_eq!(
            backward("Los Angeles Mayor Karen Bass said:", "Bass").as_deref(),
            Some("Karen Bass")
        );
        assert_eq!(
            backward(
                "Meanwhile the Los Angeles Police Department said:",
                "Department"
            )
            .as_deref(),
            Some("Los Angeles Police Department")
        );
        assert_eq!(
            backward("The Justice Department said:", "Department").as_deref(),
            Some("Justice Department")
        );
    }

    #[test]
    fn exact_phrases_with_appositives() {
        let text = "Karen Bass, the mayor of Los Angeles, said";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let comma2 = find_token(&doc, "said") - 1;
        assert_eq!(
            np_exact(&ctx, 0, comma2).map(|s| doc.slice(s)),
            Some("Karen Bass")
        );
        assert_eq!(
            np_exact(&ctx, 0, 1).map(|s| doc.slice(s)),
            Some("Karen Bass")
        );
        // Not a phrase: a clause word inside.
        let text = "the plan that officials said";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        assert_eq!(np_exact(&ctx, 0, 3), None);
    }

    #[test]
    fn token_lists_agree_with_the_per_token_questions() {
        let text = "According to police, the mayor said on Tuesday that \"the plan\" \
                    was dead, per two aides, in a statement.";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let words = |ps: &[usize]| ps.iter().map(|&i| ctx.word(i)).collect::<Vec<_>>();
        let all =
            |keep: &dyn Fn(usize) -> bool| (0..ctx.len()).filter(|&i| keep(i)).collect::<Vec<_>>();
        assert_eq!(ctx.cue_words(), all(&|i| ctx.may_be_cue(i)));
        assert!(words(ctx.cue_words()).contains(&"said"));
        assert_eq!(ctx.quote_marks(), all(&|i| ctx.is_quote(i)));
        assert_eq!(ctx.quote_marks().len(), 2);
        assert_eq!(
            ctx.phrase_words(),
            all(&|i| ctx.classes(i).has(PHRASE_CLASSES) || ctx.word_hash(i) == IN)
        );
        assert_eq!(words(ctx.phrase_words()), ["According", "was", "per", "in"]);
        // Quotation marks and punctuation are no words: hash 0, no classes.
        for i in all(&|i| !ctx.is_word(i)) {
            assert_eq!(
                (ctx.word_hash(i), ctx.classes(i).0),
                (0, 0),
                "{}",
                ctx.word(i)
            );
            assert!(!ctx.may_be_cue(i));
        }
        // A list's part within a token range.
        let said = ctx.cue_words().iter().position(|&i| ctx.word(i) == "said");
        let k = ctx.cue_words()[said.unwrap()];
        assert_eq!(within(ctx.cue_words(), k..k + 1), [k]);
        assert!(within(ctx.cue_words(), 0..k).iter().all(|&i| i < k));
        assert!(within(ctx.cue_words(), k + 1..k + 1).is_empty());
    }

    /// Each token knows the first name starting where it starts and the
    /// first ending where it ends, also when several names share a start.
    #[test]
    fn tokens_know_the_names_at_their_edges() {
        let text = "Mayor Karen Bass met Los Angeles Police Chief Jim McDonnell \
                    in Los Angeles on Friday.";
        let doc = Document::new(text);
        let span = |s: &str, nth: usize| {
            let start = text.match_indices(s).nth(nth).map_or(0, |(k, _)| k);
            Span::new(start, start + s.len())
        };
        let ents = [
            Entity::new(span("Karen Bass", 0), Label::Person),
            Entity::new(span("Los Angeles", 0), Label::Place),
            Entity::new(span("Los Angeles Police", 0), Label::Org),
            Entity::new(span("Jim McDonnell", 0), Label::Person),
            Entity::new(span("Los Angeles", 1), Label::Place),
            // Not a name: never a source.
            Entity::new(span("Friday", 0), Label::Date),
        ];
        let ctx = Ctx::new(&doc, &ents);
        let names = ctx.names();
        assert_eq!(names.len(), 5);
        for (i, t) in doc.tokens.iter().enumerate() {
            let starting = names.iter().find(|e| e.span.start == t.span.start);
            let ending = names.iter().find(|e| e.span.end == t.span.end);
            assert_eq!(ctx.entity_starting_at(i).as_ref(), starting, "token {i}");
            assert_eq!(ctx.entity_ending_at(i).as_ref(), ending, "token {i}");
        }
        let la = doc
            .tokens
            .iter()
            .position(|t| t.span.start == span("Los", 0).start);
        assert_eq!(
            la.and_then(|i| ctx.entity_starting_at(i)).map(|e| e.label),
            Some(Label::Place),
            "the shorter name sharing a start comes first"
        );
    }

    /// Both apostrophes and both cases make a possessive `'s`; other short
    /// words do not.
    #[test]
    fn possessives_with_either_apostrophe() {
        let text = "The mayor's aide and the MAYOR\u{2019}S office said so as well.";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        let found: Vec<&str> = (0..ctx.len())
            .filter(|&i| ctx.is_possessive(i))
            .map(|i| ctx.word(i))
            .collect();
        assert_eq!(found, ["'s", "\u{2019}S"]);
        assert!(!ctx.is_possessive(ctx.len()));
    }

    /// The block index must give what a search over the starts gives, at
    /// every offset (inside tokens, in gaps, past the end).
    #[test]
    fn token_at_finds_the_first_token_at_or_after_an_offset() {
        let text = "Officials at the ministry\u{2019}s press office said on Tuesday, \
                    \u{201c}We\u{2019}ll review it\u{201d} \u{2014} but gave no date. \
                    Supercalifragilistically long words span blocks.";
        let doc = Document::new(text);
        let ctx = Ctx::new(&doc, &[]);
        for offset in 0..text.len() + 40 {
            let expected = doc.tokens.partition_point(|t| t.span.start < offset);
            assert_eq!(ctx.token_at(offset), expected, "offset {offset}");
        }
        assert_eq!(ctx.token_at(usize::MAX), doc.tokens.len());
        let empty = Document::new("");
        assert_eq!(Ctx::new(&empty, &[]).token_at(0), 0);
    }

    #[test]
    fn entities_give_the_span() {
        let text = "Mayor Karen Bass said";
        let doc = Document::new(text);
        let ents = [Entity::new(Span::new(6, 16), Label::Person)];
        let ctx = Ctx::new(&doc, &ents);
        assert_eq!(
            np_backward(&ctx, 2, 0).map(|s| doc.slice(s)),
            Some("Karen Bass")
        );
        assert_eq!(
            np_exact(&ctx, 0, 2).map(|s| doc.slice(s)),
            Some("Karen Bass")
        );
        // A name inside a complement is not the head.
        let text = "a spokesperson for the LAPD said";
        let doc = Document::new(text);
        let ents = [Entity::new(Span::new(23, 27), Label::Org)];
        let ctx = Ctx::new(&doc, &ents);
        assert_eq!(
            np_backward(&ctx, 4, 0).map(|s| doc.slice(s)),
            Some("a spokesperson for the LAPD")
        );
    }
}
