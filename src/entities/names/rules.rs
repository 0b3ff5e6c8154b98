//! A first, rule-based name recogniser: runs of capitalised words classified
//! by titles, gazetteers and context.
//!
//! Two passes over the document, both linear in the number of tokens:
//!
//! 1. In sentences where capitals carry meaning, runs of capitalised words
//!    (with lower-case particles and connectors inside, `Rio de Janeiro`,
//!    `Bank of America`) are split at titles (`LA Mayor Karen Bass` → `LA`,
//!    `Karen Bass`) and classified from their own words: gazetteers, head
//!    words (`… Department`), given names, acronyms, and the words around
//!    them (`X said`, `in X`).
//! 2. What pass 1 was sure of becomes document memory (`Karen Bass` makes a
//!    later `Bass` a PERSON; `Immigration and Customs Enforcement` makes
//!    `ICE` an ORG). Undecided candidates are resolved with it, and
//!    sentences where capitals say nothing (ALL CAPS, Title Case headlines)
//!    are read from word lists and memory alone.

use super::casing::{self, Casing};
use super::lexicon::{self, class, Key};
use super::memory::{self, find, Memory, Reader};
use super::titles::{self, TitleKind};
use super::words::{
    self, acronym_key, is_acronym, is_all_caps, is_capitalised_word, is_initial, is_plural_acronym,
    known_label,
};
use super::NameTagger;
use crate::entities::{Entity, Label};
use crate::span::Span;
use crate::text::{Document, QuoteRole, TokenKind};

/// Rule-based name tagger.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleTagger;

impl NameTagger for RuleTagger {
    fn tag(&self, doc: &Document) -> Vec<Entity> {
        Tagging::new(doc).run()
    }
}

/// How sure a label is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Confidence {
    /// From weak context (`the X` → ORG): outvoted by any [`Self::Guess`].
    Hint,
    /// From context that often misleads (`in X` → PLACE, `X said` → PERSON).
    Guess,
    /// From the words themselves or a title: also teaches the document.
    Sure,
}

/// Where a resolved label came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// The name's own words, a title, or document memory.
    Sure,
    /// Context around this mention.
    Guess,
    /// Nothing but its shape (one word → ORG, two or three → PERSON).
    Default,
}

/// A candidate name found in pass 1.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// Token range.
    start: usize,
    end: usize,
    label: Option<(Label, Confidence)>,
    /// A single word at the start of a sentence: dropped unless something
    /// other than its capital letter says it is a name.
    needs_evidence: bool,
    /// An unknown acronym: ORG unless its expansion says otherwise.
    acronym: bool,
}

/// A run of capitalised words before classification.
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
    /// Title right before the piece.
    title: Option<TitleKind>,
    /// A capitalised title right after the piece (`Apple CEO …`).
    before_title: bool,
    /// Starts where any word is capitalised (sentence start, after a quote).
    initial: bool,
    /// Label implied by the connector that joined it (`Bank of America`).
    joined: Option<Label>,
    /// Holds a lower-case connector (`of`, `and`): never a PERSON.
    has_connector: bool,
}

/// The label most often voted for `fp` (the earliest label on ties).
fn majority(votes: &[(u64, Label)], fp: u64) -> Option<Label> {
    let from = votes.partition_point(|&(k, _)| k < fp);
    let group = votes.get(from..)?;
    let group = group.get(..group.partition_point(|&(k, _)| k == fp))?;
    let mut best: Option<(usize, Label)> = None;
    for run in group.chunk_by(|a, b| a.1 == b.1) {
        let label = run.first()?.1;
        if best.is_none_or(|(n, _)| run.len() > n) {
            best = Some((run.len(), label));
        }
    }
    best.map(|(_, l)| l)
}

/// What pass 1 asks of every token, worked out once.
#[derive(Clone, Copy, Debug, Default)]
struct TokenInfo {
    /// [`lexicon::class`] bits of the word.
    class: u16,
    /// The word can be part of a name in cased text.
    capitalised: bool,
}

struct Tagging<'d, 't> {
    doc: &'d Document<'t>,
    info: Vec<TokenInfo>,
    candidates: Vec<Candidate>,
    /// Token ranges read without capitals in pass 2.
    uncased: Vec<(usize, usize, Casing)>,
    memory: Memory,
    out: Vec<Entity>,
    /// Set while reading a heading: every candidate needs evidence.
    evidence_only: bool,
}

impl<'d, 't> Tagging<'d, 't> {
    fn new(doc: &'d Document<'t>) -> Self {
        let info = (0..doc.tokens.len())
            .map(|i| {
                if doc.tokens.get(i).map(|t| t.kind) != Some(TokenKind::Word) {
                    return TokenInfo::default();
                }
                let text = doc.token_text(i);
                TokenInfo {
                    class: lexicon::word_class(Key::of(text).as_str()),
                    capitalised: is_capitalised_word(text),
                }
            })
            .collect();
        Tagging {
            doc,
            info,
            candidates: Vec::new(),
            uncased: Vec::new(),
            memory: Memory::default(),
            out: Vec::new(),
            evidence_only: false,
        }
    }

    fn run(mut self) -> Vec<Entity> {
        let mut pieces = Vec::new();
        for s in &self.doc.sentences {
            let (start, end) = (s.tokens.start, s.tokens.end);
            let minor = |i: usize| self.is(i, class::FUNCTION | class::PARTICLE);
            match casing::sentence_casing(self.doc, start, end, minor) {
                casing @ (Casing::Cased | Casing::Heading) => {
                    self.evidence_only = casing == Casing::Heading;
                    pieces.clear();
                    self.collect_pieces(start, end, &mut pieces);
                    self.join_pieces(&mut pieces);
                    for p in &pieces {
                        self.classify(*p);
                    }
                }
                casing => self.uncased.push((start, end, casing)),
            }
        }
        self.remember();
        self.resolve();
        let uncased = std::mem::take(&mut self.uncased);
        for (start, end, casing) in uncased {
            self.read_uncased(start, end, casing);
        }
        // Two passes may reach the same words (a heading read from memory and
        // again as uncased text): keep one mention per place, the longest.
        self.out.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut kept: Vec<Entity> = Vec::with_capacity(self.out.len());
        for e in self.out {
            if kept.last().is_none_or(|k| k.span.end <= e.span.start) {
                kept.push(e);
            }
        }
        kept
    }

    // ----- token helpers -------------------------------------------------

    fn text(&self, i: usize) -> &'t str {
        self.doc.token_text(i)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    fn key(&self, i: usize) -> Key {
        Key::of(self.text(i))
    }

    /// The lookup key of tokens `start..end` (empty when too long).
    fn key_of(&self, start: usize, end: usize) -> Key {
        let mut key = Key::new();
        for i in start..end {
            if !key.push(self.text(i)) {
                return Key::new();
            }
        }
        key
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.doc.tokens_span(start..end)
    }

    fn emit(&mut self, start: usize, end: usize, label: Label) {
        if start < end {
            self.out.push(Entity::new(self.span(start, end), label));
        }
    }

    // ----- pass 1: capitalised runs -------------------------------------

    /// True for a word that can be part of a name in cased text.
    fn is_capitalised(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.capitalised)
    }

    /// True when token `i` belongs to any of the [`class`] `bits`.
    fn is(&self, i: usize, bits: u16) -> bool {
        self.info.get(i).is_some_and(|t| t.class & bits != 0)
    }

    /// True for a word whose capital starts a new name (not a suffix,
    /// head word, date or function word).
    fn starts_name(&self, i: usize) -> bool {
        if !self.is_capitalised(i) {
            return false;
        }
        !self.is(
            i,
            class::NAME_SUFFIX
                | class::ORG_HEAD
                | class::PLACE_HEAD
                | class::MISC_HEAD
                | class::CALENDAR
                | class::FUNCTION,
        )
    }

    /// The longest title starting at token `i`, over adjacent words.
    fn title_at(&self, i: usize, end: usize) -> Option<titles::TitleMatch> {
        if !self.is(i, class::TITLE_START) {
            return None;
        }
        words::title_from(self.doc, i, end)
    }

    /// The longest known place, organisation or demonym starting at `i`:
    /// its length in tokens and label.
    fn known_at(&self, i: usize, end: usize) -> Option<(usize, Label)> {
        words::known_at(self.doc, i, end)
    }

    /// True when token `i` starts a sentence or a quotation, where every
    /// word is capitalised.
    fn at_sentence_start(&self, i: usize, sentence_start: usize) -> bool {
        let mut j = i;
        while j > sentence_start {
            j -= 1;
            match self.kind(j) {
                Some(TokenKind::Quote(q)) if q.role != QuoteRole::Close => return true,
                Some(TokenKind::Punct) if self.text(j) == ":" => return true,
                Some(TokenKind::Word | TokenKind::Number) => return false,
                Some(TokenKind::Handle | TokenKind::Hashtag | TokenKind::Url) => return false,
                _ => {}
            }
        }
        true
    }

    /// Splits a cased sentence into runs of capitalised words, cut at titles.
    fn collect_pieces(&self, start: usize, end: usize, pieces: &mut Vec<Piece>) {
        let mut i = start;
        let mut title: Option<TitleKind> = None;
        while i < end {
            if !self.is_word(i) {
                title = None;
                i += 1;
                continue;
            }
            if let Some(m) = self.title_at(i, end) {
                let after = i + m.words;
                let known_longer = self.known_at(i, end).is_some_and(|(n, _)| n > m.words);
                let capitalised = self.is_capitalised(i);
                if !known_longer && self.starts_name(after) {
                    if capitalised {
                        if let Some(last) = pieces.last_mut() {
                            if last.end == i {
                                last.before_title = true;
                            }
                        }
                    }
                    title = Some(m.kind);
                    i = after;
                    continue;
                }
                // A title with no name after it ("the Mayor said") is not a
                // name either, unless a connector ties it to one
                // (`Department of Justice`).
                let connector =
                    |j: usize| j >= start && matches!(self.key(j).as_str(), "of" | "for" | "and");
                let after_connector = i > start
                    && (connector(i - 1)
                        || (self.key(i - 1).as_str() == "the"
                            && i > start + 1
                            && connector(i - 2)));
                if !known_longer && capitalised && !after_connector {
                    title = None;
                    i = after;
                    continue;
                }
            }
            if !self.is_capitalised(i) {
                title = None;
                i += 1;
                continue;
            }
            if self.is(i, class::CALENDAR) || self.is_pronoun(i) {
                title = None;
                i += 1;
                continue;
            }
            let piece_start = i;
            // A known name may hold words that end runs (`USA Today`).
            let mut j = match self.known_at(piece_start, end) {
                Some((n, _)) if self.is_capitalised(piece_start + n - 1) => piece_start + n,
                _ => i + 1,
            };
            while j < end {
                match self.continues_run(piece_start, j, end) {
                    // Never past the sentence.
                    Some(next) if next <= end => j = next,
                    _ => break,
                }
            }
            pieces.push(Piece {
                start: piece_start,
                end: j,
                title: title.take(),
                before_title: false,
                initial: self.at_sentence_start(piece_start, start),
                joined: None,
                has_connector: false,
            });
            i = j;
        }
    }

    /// A lower-case particle such as `de` or `von`.
    fn is_particle(&self, i: usize) -> bool {
        self.is(i, class::PARTICLE) && self.text(i).bytes().all(|c| c.is_ascii_lowercase())
    }

    fn is_pronoun(&self, i: usize) -> bool {
        matches!(
            self.key(i).as_str(),
            "he" | "she" | "it" | "we" | "they" | "you" | "me" | "him" | "her" | "them"
        )
    }

    /// Whether the run that started at `start` goes on at token `j`; returns
    /// the index after what it takes in.
    fn continues_run(&self, start: usize, j: usize, end: usize) -> Option<usize> {
        let text = self.text(j);
        if text == "I" {
            // `World War I`, `Level I Trauma Center`; not `Bass I think`.
            let numeral = self.is(j - 1, class::MISC_HEAD) || self.is_capitalised(j + 1);
            return numeral.then_some(j + 1);
        }
        if self.is_capitalised(j) {
            if let Some(m) = self.title_at(j, end) {
                let known_longer = self.known_at(j, end).is_some_and(|(n, _)| n > m.words);
                // A title before a name, or a title ending the run ("the
                // Afghan Ambassador to …"), is not part of it.
                let after = j + m.words;
                let possessive = matches!(self.text(after), "'s" | "’s");
                if !known_longer
                    && (self.starts_name(after) || !(self.is_capitalised(after) || possessive))
                {
                    return None;
                }
            }
            if self.is(j, class::CALENDAR) {
                // `Theresa May` but not `Tuesday`.
                let prev = self.key(j - 1);
                let month_as_surname = self.key(j).as_str() == "may"
                    && j == start + 1
                    && lexicon::is_given_name(prev.as_str());
                return month_as_surname.then_some(j + 1);
            }
            if self.is_pronoun(j) || (self.is(j, class::FUNCTION) && !is_acronym(text)) {
                return None;
            }
            return Some(j + 1);
        }
        // Particles inside names: `Rio de Janeiro`, `Ursula von der Leyen`.
        let mut k = j;
        while k < end && k < j + 2 && self.is_particle(k) {
            k += 1;
        }
        if k > j && self.is_capitalised(k) && self.text(k - 1) != "St" {
            return Some(k + 1);
        }
        // `Procter & Gamble`.
        if text == "&" && self.is_capitalised(j + 1) {
            return Some(j + 2);
        }
        // `Sheriff's Department`, `Children's Hospital`: a possessive inside
        // an organisation name (but not `Tim Kaine's Senate seat`).
        let owner = self.key(j - 1);
        let owner_is_generic = self.is(j - 1, class::TITLE_START)
            || matches!(
                owner.as_str(),
                "women" | "children" | "men" | "people" | "veterans" | "workers" | "attorney"
            );
        if matches!(text, "'s" | "’s")
            && owner_is_generic
            && self.is_capitalised(j + 1)
            && self.is(j + 1, class::ORG_HEAD)
        {
            return Some(j + 2);
        }
        None
    }

    /// Joins runs across `of`, `for`, `on` and `and` when the words around
    /// say it is one organisation or place (`Bank of America`,
    /// `Immigration and Customs Enforcement`).
    fn join_pieces(&self, pieces: &mut Vec<Piece>) {
        let mut w = 0;
        for r in 0..pieces.len() {
            let Some(&next) = pieces.get(r) else { break };
            if w > 0 {
                if let Some(prev) = pieces.get_mut(w - 1) {
                    if let Some(label) = self.join_label(prev, &next) {
                        prev.end = next.end;
                        prev.joined = Some(label);
                        prev.has_connector = true;
                        prev.before_title = next.before_title;
                        continue;
                    }
                }
            }
            if let Some(slot) = pieces.get_mut(w) {
                *slot = next;
            }
            w += 1;
        }
        pieces.truncate(w);
    }

    fn join_label(&self, a: &Piece, b: &Piece) -> Option<Label> {
        if b.title.is_some() || b.initial || a.before_title || b.start <= a.end {
            return None;
        }
        if b.start - a.end > 2 {
            return None;
        }
        let (g0, g1) = (self.key(a.end), self.key(a.end + 1));
        let words: &[&str] = if b.start - a.end == 1 {
            &[g0.as_str()]
        } else {
            &[g0.as_str(), g1.as_str()]
        };
        let a_last = self.key(a.end - 1);
        let a_last = a_last.as_str();
        let b_last = self.last_head_key(b.start, b.end);
        let a_person_like = a.title.is_some() || lexicon::is_given_name(self.key(a.start).as_str());
        match words {
            ["of"] | ["of", "the"] | ["for"] | ["for", "the"] | ["on"] => {
                // `Bank of America`, `Court of Appeals for the District of
                // Columbia Circuit`, `District of Columbia Circuit`.
                if lexicon::is_org_of_head(a_last)
                    || lexicon::is_org_head(a_last)
                    || a.joined == Some(Label::Org)
                    || (!a_person_like && lexicon::is_org_head(b_last.as_str()))
                {
                    Some(Label::Org)
                } else if matches!(
                    a_last,
                    "gulf"
                        | "bay"
                        | "sea"
                        | "strait"
                        | "isle"
                        | "cape"
                        | "lake"
                        | "republic"
                        | "kingdom"
                        | "commonwealth"
                        | "state"
                        | "city"
                        | "islands"
                        | "province"
                ) && words.first() == Some(&"of")
                {
                    Some(Label::Place)
                } else if matches!(
                    a_last,
                    "battle" | "bill" | "declaration" | "treaty" | "siege" | "day"
                ) && words.first() == Some(&"of")
                {
                    Some(Label::Misc)
                } else {
                    None
                }
            }
            ["and"] => {
                // `Immigration and Customs Enforcement`, but not `Apple Inc
                // and Alphabet Inc`.
                let a_key = self.key_of(a.start, a.end);
                (lexicon::is_org_head(b_last.as_str())
                    && !lexicon::is_org_head(a_last)
                    && a.joined.is_none()
                    && !a_person_like
                    && !lexicon::is_place(a_key.as_str()))
                .then_some(Label::Org)
            }
            _ => None,
        }
    }

    /// The key of the last word of `start..end` that is not a name suffix
    /// (`Jr.`, `III`).
    fn last_head_key(&self, start: usize, end: usize) -> Key {
        let mut i = end;
        while i > start + 1 && self.is(i - 1, class::NAME_SUFFIX) {
            i -= 1;
        }
        self.key(i.saturating_sub(1).max(start))
    }

    /// Classifies one run from its words and context; may split it.
    fn classify(&mut self, mut p: Piece) {
        use Confidence::*;
        // Known names first: `The Hague`, `New York`, `General Motors`.
        let full = self.key_of(p.start, p.end);
        if let Some(label) = known_label(full.as_str()) {
            return self.push(p.start, p.end, Some((label, Sure)), false);
        }
        // Leading articles and function words are not part of the name.
        let mut stripped_the = false;
        let mut stripped = false;
        while p.start < p.end {
            let k = self.key(p.start);
            // Inside a sentence a capital says more: `Will Carling`.
            let article = matches!(k.as_str(), "the" | "a" | "an");
            if lexicon::is_function_word(k.as_str()) && (p.initial || article) {
                stripped_the |= k.as_str() == "the";
                stripped = true;
                p.start += 1;
                p.initial = false;
            } else {
                break;
            }
        }
        // Trailing particles or connectors never end a name.
        while p.end > p.start && !self.is_capitalised(p.end - 1) {
            p.end -= 1;
        }
        if p.start >= p.end {
            return;
        }
        if p.start > 0 && self.key(p.start - 1).as_str() == "the" {
            stripped_the = true;
        }
        let n = p.end - p.start;
        let full = self.key_of(p.start, p.end);
        let first = self.key(p.start);
        let last = self.last_head_key(p.start, p.end);
        let (first, last) = (first.as_str(), last.as_str());
        if stripped {
            if let Some(label) = known_label(full.as_str()) {
                return self.push(p.start, p.end, Some((label, Sure)), false);
            }
        }
        // A lone compass word (`the West`), initial or plural acronym
        // (`CDs`) is not a name here; nor is a bare title (`the President`).
        if n == 1
            && (lexicon::is_direction(first)
                || (lexicon::is_place_head(first)
                    && p.start.checked_sub(1).and_then(|i| self.kind(i))
                        == Some(TokenKind::Number))
                || lexicon::is_function_word(first)
                || lexicon::is_name_suffix(first)
                || matches!(
                    first,
                    "inc" | "corp" | "co" | "llc" | "ltd" | "plc" | "llp" | "gmbh"
                )
                || is_initial(self.text(p.start))
                || is_plural_acronym(self.text(p.start)))
        {
            return;
        }
        if self.title_at(p.start, p.end).is_some_and(|m| m.words == n) {
            return;
        }
        if (p.start..p.end).all(|i| is_all_caps(self.text(i))) {
            // A dateline: `HEMPSTEAD, N.Y. —`.
            if p.initial && self.text(p.end) == "," && self.is_state_or_country(p.end + 1) {
                return self.push(p.start, p.end, Some((Label::Place, Sure)), false);
            }
            // Shouted words inside prose (`SAVE A QUARTER`) are read like
            // ALL CAPS text.
            let (from, to) = self.capitals_around(p.start, p.end);
            if n >= 2 || to - from > n {
                self.uncased
                    .push((from.min(p.start), to.max(p.end), Casing::Upper));
                return;
            }
        }
        let sure = |label| Some((label, Sure));
        let mut label = None;
        if let Some(joined) = p.joined {
            label = sure(joined);
        } else if n >= 2 && lexicon::is_org_head(last) {
            label = sure(Label::Org);
        } else if p.title.is_some() {
            label = sure(Label::Person);
        } else if n >= 2 && (lexicon::is_place_head(last) || lexicon::is_place_first_head(first)) {
            label = sure(Label::Place);
        } else if n >= 2 && lexicon::is_misc_head(last) && !lexicon::is_given_name(first) {
            label = sure(Label::Misc);
        } else if n >= 2
            && lexicon::is_direction(first)
            && lexicon::is_place(self.key_of(p.start + 1, p.end).as_str())
        {
            label = sure(Label::Place);
        } else if !p.has_connector && (2..=4).contains(&n) && self.looks_like_person(p) {
            label = sure(Label::Person);
        } else if n == 1 && is_all_caps(self.text(p.start)) {
            // Long words in capitals inside prose are mostly shouting
            // ("VERY fast"); known acronyms were found above.
            let letters = self
                .text(p.start)
                .chars()
                .filter(|c| c.is_alphabetic())
                .count();
            if letters >= 5 {
                return self.push(p.start, p.end, None, true);
            }
            self.push(p.start, p.end, sure(Label::Org), false);
            if let Some(c) = self.candidates.last_mut() {
                c.acronym = true;
            }
            return;
        } else if n == 1 && lexicon::is_given_name(first) {
            label = Some((Label::Person, if p.initial { Guess } else { Sure }));
        } else if n >= 2 {
            if let Some(split) = self.split_after_place(p) {
                return self.push_split(p, split);
            }
        }
        if label.is_none() {
            label = self.context_label(p, stripped_the);
        }
        let needs_evidence = p.initial && n == 1 && label.is_none_or(|(_, c)| c < Sure);
        self.push(p.start, p.end, label, needs_evidence);
    }

    /// The run of words in capitals (of any length, `A` included) around
    /// `start..end`.
    fn capitals_around(&self, start: usize, end: usize) -> (usize, usize) {
        let upper =
            |i: usize| self.is_word(i) && (is_all_caps(self.text(i)) || self.text(i) == "A");
        let mut from = start;
        while from > 0 && upper(from - 1) {
            from -= 1;
        }
        let mut to = end;
        while upper(to) {
            to += 1;
        }
        (from, to)
    }

    /// True when token `i` starts a US state (or its abbreviation) or a
    /// country: what follows a town in a dateline or an address.
    fn is_state_or_country(&self, i: usize) -> bool {
        self.known_at(i, i + 3)
            .is_some_and(|(_, label)| label == Label::Place)
    }

    /// Given name first, or a middle initial, or a name suffix.
    fn looks_like_person(&self, p: Piece) -> bool {
        let first = self.key(p.start);
        if lexicon::is_given_name(first.as_str()) {
            return true;
        }
        let inner_initial = (p.start..p.end.saturating_sub(1)).any(|i| is_initial(self.text(i)));
        let suffix = self.is(p.end - 1, class::NAME_SUFFIX);
        inner_initial || suffix
    }

    /// A known place followed by more words: `California Democrats` (place,
    /// MISC), `Ohio Gov.` is handled by titles; `Los Angeles Lakers` is an
    /// organisation. Returns where to split and the labels.
    fn split_after_place(&self, p: Piece) -> Option<(usize, Option<Label>, Label)> {
        let (n, label) = self.known_at(p.start, p.end)?;
        if label != Label::Place || n >= p.end - p.start {
            return None;
        }
        let at = p.start + n;
        let rest = self.key_of(at, p.end);
        if lexicon::is_demonym(rest.as_str()) {
            return Some((at, Some(Label::Place), Label::Misc));
        }
        let rest_len = p.end - at;
        let headless = !self.has_head(at, p.end);
        if (2..=3).contains(&rest_len) && headless {
            // `Ambassador to the United States Hamdullah Mohib`.
            return Some((at, Some(Label::Place), Label::Person));
        }
        Some((p.end, None, Label::Org))
    }

    /// True when the last word of `start..end` is an organisation, place or
    /// MISC head word.
    fn has_head(&self, start: usize, end: usize) -> bool {
        let last = self.last_head_key(start, end);
        let last = last.as_str();
        lexicon::is_org_head(last) || lexicon::is_place_head(last) || lexicon::is_misc_head(last)
    }

    fn push_split(&mut self, p: Piece, (at, head, tail): (usize, Option<Label>, Label)) {
        use Confidence::*;
        match head {
            Some(head) => {
                self.push(p.start, at, Some((head, Sure)), false);
                self.push(at, p.end, Some((tail, Sure)), false);
            }
            None => self.push(p.start, p.end, Some((tail, Guess)), false),
        }
    }

    /// Labels from the words around an otherwise unknown run.
    fn context_label(&self, p: Piece, after_the: bool) -> Option<(Label, Confidence)> {
        use Confidence::*;
        let n = p.end - p.start;
        let next = self.key(p.end);
        let prev = p.start.checked_sub(1).map_or(Key::new(), |i| self.key(i));
        let prev_is_word = p.start.checked_sub(1).is_some_and(|i| self.is_word(i));
        let person_sized = (2..=3).contains(&n) && !p.has_connector;
        if person_sized
            && (lexicon::is_speech_verb(next.as_str())
                || (lexicon::is_speech_verb(prev.as_str()) && prev_is_word))
        {
            return Some((Label::Person, Sure));
        }
        // `Eau Claire, Wis.`, `Hempstead, N.Y.`: a town before its state.
        if next.as_str() == "," && self.is_state_or_country(p.end + 1) {
            return Some((Label::Place, Guess));
        }
        // A lone surname speaking (`Hahn said`); organisations that speak
        // mostly come with `the` (`the FBI said`).
        if n == 1 && !after_the && lexicon::is_speech_verb(next.as_str()) {
            return Some((Label::Person, Guess));
        }
        if n == 1 && self.is(p.start, class::ORG_HEAD) {
            return Some((Label::Org, Guess));
        }
        if p.before_title || after_the {
            return Some((Label::Org, Hint));
        }
        if n == 1 && (lexicon::is_place_preposition(prev.as_str()) || prev.as_str() == "at") {
            return Some((Label::Place, Guess));
        }
        if n >= 2 && lexicon::is_demonym(self.key(p.start).as_str()) {
            return Some((Label::Misc, Guess));
        }
        None
    }

    fn push(
        &mut self,
        start: usize,
        end: usize,
        label: Option<(Label, Confidence)>,
        needs_evidence: bool,
    ) {
        if start < end {
            let needs_evidence = needs_evidence
                || (self.evidence_only && label.is_none_or(|(_, c)| c < Confidence::Sure));
            self.candidates.push(Candidate {
                start,
                end,
                label,
                needs_evidence,
                acronym: false,
            });
        }
    }

    // ----- document memory -------------------------------------------------

    fn remember(&mut self) {
        let mut memory = Memory::default();
        for c in &self.candidates {
            let Some((label, Confidence::Sure)) = c.label else {
                continue;
            };
            if c.acronym {
                continue;
            }
            let key = self.key_of(c.start, c.end);
            if key.is_empty() {
                continue;
            }
            memory.names.push((key.fingerprint(), label));
            if label == Label::Person {
                memory.learn_person_words(self.doc, c.start..c.end);
            } else if c.end - c.start >= 2 {
                if label == Label::Org {
                    self.remember_org_word(c, &mut memory);
                }
                let initials = memory::initials(self.doc, c.start..c.end);
                if initials.words() >= 2 {
                    memory.acronyms.push((initials.fingerprint(), label));
                }
            }
        }
        memory.seal();
        // Acronyms take the label of their expansion (`NMI` after `Northern
        // Mariana Islands` is a place), then teach the document too.
        let mut candidates = std::mem::take(&mut self.candidates);
        for c in candidates.iter_mut().filter(|c| c.acronym) {
            let key = acronym_key(self.text(c.start));
            let label = memory.acronym(&key).unwrap_or(Label::Org);
            c.label = Some((label, Confidence::Sure));
            memory.names.push((self.key(c.start).fingerprint(), label));
        }
        self.candidates = candidates;
        memory.seal();
        self.memory = memory;
    }

    /// The first word of a two- or three-word organisation named by a head
    /// word (`Hofstra University`, `Boeing Co.`), when that word is not
    /// itself a place, a given name, a title or a common word.
    fn remember_org_word(&self, c: &Candidate, memory: &mut Memory) {
        let n = c.end - c.start;
        let first = self.key(c.start);
        let generic = self.is(
            c.start,
            class::FUNCTION
                | class::DIRECTION
                | class::TITLE_START
                | class::ORG_HEAD
                | class::PLACE_HEAD
                | class::PLACE_FIRST_HEAD
                | class::MISC_HEAD,
        ) || lexicon::lists_of(first.as_str()) != 0
            || lexicon::is_demonym(first.as_str());
        let headed = self.is(c.end - 1, class::ORG_HEAD);
        if (2..=3).contains(&n) && headed && !generic && self.is_capitalised(c.start) {
            memory.org_words.push(first.fingerprint());
        }
    }

    /// Pass 2 over pass-1 candidates: memory, then guesses, then defaults.
    fn resolve(&mut self) {
        let candidates = std::mem::take(&mut self.candidates);
        // Context guesses about the same name are pooled, so one name gets
        // one label across the document (`Chelsea explosion` … `in
        // Chelsea`). A hint counts once, a guess twice.
        let mut votes: Vec<(u64, Label)> = Vec::new();
        for c in &candidates {
            let weight = match c.label {
                Some((_, Confidence::Hint)) => 1,
                Some((_, Confidence::Guess)) => 2,
                _ => continue,
            };
            if let Some((label, _)) = c.label {
                let fp = self.key_of(c.start, c.end).fingerprint();
                votes.extend(std::iter::repeat_n((fp, label), weight));
            }
        }
        votes.sort_unstable();
        // Longer names first: a two-word name found by its shape alone
        // (`Valeska Paris`) still makes its words people's names
        // (`Paris claims …`). Then single words, then sentence starts,
        // which also take what the same words were inside sentences
        // (`Politifact did …` then `Politifact ruled …`).
        let mut seen = Vec::new();
        for pass in 0..3 {
            for c in &candidates {
                let n = c.end - c.start;
                let this_pass = match (c.needs_evidence, n) {
                    (false, 2..) => 0,
                    (false, _) => 1,
                    (true, _) => 2,
                };
                if this_pass != pass {
                    continue;
                }
                let fp = self.key_of(c.start, c.end).fingerprint();
                let resolved = match self.resolve_one(c) {
                    Some((label, Source::Sure)) => Some((label, Source::Sure)),
                    Some((label, source)) => Some((majority(&votes, fp).unwrap_or(label), source)),
                    None if pass == 2 => find(&seen, fp).map(|l| (l, Source::Sure)),
                    None => None,
                };
                let Some((label, source)) = resolved else {
                    continue;
                };
                self.emit(c.start, c.end, label);
                if pass < 2 {
                    seen.push((fp, label));
                }
                if pass == 0 && source == Source::Default && label == Label::Person {
                    // Only words no list knows: `Air France` must not make
                    // `France` a person.
                    let mut words = Memory::default();
                    words.learn_person_words(self.doc, c.start..c.end);
                    let unknown: Vec<u64> = (c.start..c.end)
                        .map(|i| self.key(i))
                        .filter(|k| {
                            lexicon::lists_of(k.as_str()) == 0 && !lexicon::is_demonym(k.as_str())
                        })
                        .map(|k| k.fingerprint())
                        .filter(|fp| words.person_words.contains(fp))
                        .collect();
                    self.memory.person_words.extend(unknown);
                }
            }
            if pass == 0 {
                self.memory.person_words.sort_unstable();
                self.memory.person_words.dedup();
            }
            if pass == 1 {
                seen.sort_by_key(|&(k, _)| k);
                seen.dedup_by_key(|&mut (k, _)| k);
            }
        }
        self.memory.seen = seen;
    }

    /// A candidate's label and where it came from; `None` drops it.
    fn resolve_one(&self, c: &Candidate) -> Option<(Label, Source)> {
        let key = self.key_of(c.start, c.end);
        let n = c.end - c.start;
        // `Michael Jordan … Jordan said`: a person's surname that is also a
        // place is the person in this document.
        if n == 1
            && c.label == Some((Label::Place, Confidence::Sure))
            && self.memory.person_word(&key)
        {
            return Some((Label::Person, Source::Sure));
        }
        if let Some((label, Confidence::Sure)) = c.label {
            return Some((label, Source::Sure));
        }
        if let Some(label) = self.memory.name(&key) {
            return Some((label, Source::Sure));
        }
        if n == 1 && self.memory.person_word(&key) {
            return Some((Label::Person, Source::Sure));
        }
        if n == 1 && self.memory.org_word(&key) {
            return Some((Label::Org, Source::Sure));
        }
        if n == 1 && is_acronym(self.text(c.start)) {
            if let Some(label) = self.memory.acronym(&acronym_key(self.text(c.start))) {
                return Some((label, Source::Sure));
            }
        }
        if c.needs_evidence {
            return None;
        }
        if let Some((label, _)) = c.label {
            return Some((label, Source::Guess));
        }
        let has_connector = (c.start..c.end).any(|i| !self.is_capitalised(i));
        let label = match n {
            1 => Label::Org,
            2 | 3 if !has_connector => Label::Person,
            _ => Label::Org,
        };
        Some((label, Source::Default))
    }

    // ----- pass 2: text without capitals ---------------------------------

    /// Reads a sentence (or a shouted run) whose capitals say nothing: only
    /// titles, lists and document memory find names.
    fn read_uncased(&mut self, start: usize, end: usize, casing: Casing) {
        let mut found = Vec::new();
        {
            let class = |i: usize| self.info.get(i).map_or(0, |t| t.class);
            let reader = Reader {
                doc: self.doc,
                memory: &self.memory,
                class: &class,
            };
            reader.read(start, end, casing, &mut found);
        }
        for (range, label) in found {
            self.emit(range.start, range.end, label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `[Karen Bass](PERSON) said` into the text and expected names.
    fn parse(marked: &str) -> (String, Vec<(String, Label)>) {
        let mut text = String::new();
        let mut expected = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find("](").expect("unclosed [");
            let end = after[close..].find(')').expect("unclosed (") + close;
            let name = &after[..close];
            let label = Label::parse(&after[close + 2..end]).expect("bad label");
            text.push_str(name);
            expected.push((name.to_string(), label));
            rest = &after[end + 1..];
        }
        text.push_str(rest);
        (text, expected)
    }

    fn names(text: &str) -> Vec<(String, Label)> {
        let doc = Document::new(text);
        let mut found = RuleTagger.tag(&doc);
        found.sort_by_key(|e| e.span.start);
        found
            .iter()
            .map(|e| (e.span.slice(text).to_string(), e.label))
            .collect()
    }

    /// Checks that exactly the marked names are found, in order.
    fn check(marked: &str) {
        let (text, expected) = parse(marked);
        assert_eq!(names(&text), expected, "in {text:?}");
    }

    #[test]
    fn titles_stay_outside_person_names() {
        check("[LA](PLACE) Mayor [Karen Bass](PERSON) said the city would not back down.");
        check("The bill was written by Sen. [Maria Lopez](PERSON) and signed by President [Biden](PERSON).");
        check("Police Chief [Jim McDonnell](PERSON) spoke to reporters in [Los Angeles](PLACE).");
        check(
            "On stage, [Apple](ORG) CEO [Tim Cook](PERSON) and former Secretary of State \
             [Hillary Clinton](PERSON) listened.",
        );
        check("[Supreme Court](ORG) Justice [Elena Kagan](PERSON) wrote the dissent.");
        check("The president said the Mayor would respond.");
    }

    #[test]
    fn connectors_inside_organisations_and_places() {
        check(
            "Agents from the [Department of Homeland Security](ORG) and \
             [Immigration and Customs Enforcement](ORG) met [Bank of America](ORG) staff.",
        );
        check("Ships crossed the [Gulf of Mexico](PLACE) toward [Rio de Janeiro](PLACE).");
        check("[Ursula von der Leyen](PERSON) visited the [Los Angeles County Sheriff's Department](ORG).");
        check("Mayor [Karen Bass](PERSON) of [Los Angeles](PLACE) spoke.");
    }

    #[test]
    fn sentence_starts_need_evidence() {
        check("The crowd grew. But the police stayed. Residents watched from balconies.");
        check("He said it was over. In the end, they left.");
        check("Breaking: Fire spreads near the freeway.");
        check("[Mexico](PLACE) closed its border. Officials did not comment.");
    }

    #[test]
    fn acronyms_are_organisations_unless_places() {
        check("Agents from [ICE](ORG) and the [FBI](ORG) joined the [LAPD](ORG) across the [US](PLACE).");
        check("The [Northern Mariana Islands](PLACE) sent aid. The [NMI](PLACE) governor agreed.");
        check("Service was VERY fast and the food was great.");
        check("SAVE A QUARTER of the cost, the adviser said.");
    }

    #[test]
    fn demonyms_and_parties_are_misc() {
        check("[Mexican](MISC) and [American](MISC) flags flew as [Democrats](MISC) and [Republicans](MISC) argued.");
        check("[California](PLACE) [Democrats](MISC) backed the plan.");
    }

    #[test]
    fn context_decides_unknown_names() {
        check("The hearing ended when [Oyelaran Fadipe](PERSON) said the vote was unfair.");
        check("She grew up in [Tarzana](PLACE) before moving.");
        check("Reporters asked about the [Zorvex](ORG) deal.");
    }

    #[test]
    fn one_name_gets_one_label_across_the_document() {
        check(
            "Crews reached the [Marlowe](PLACE) blast site. Residents in [Marlowe](PLACE) \
             were told to stay inside.",
        );
        check(
            "The [Clean Water Pact](ORG) rules face a test. Judges will weigh the \
             [Clean Water Pact](ORG) next week.",
        );
    }

    #[test]
    fn party_tags_datelines_and_possessives_inside_names() {
        check("Rep. [Ana Ruiz](PERSON) (D-Calif.) voted no.");
        check("[NEWPORT NEWS](PLACE), [Va.](PLACE) - The vote was close.");
        check("[Tim Kaine](PERSON)'s [Senate](ORG) seat is open.");
        check("[HEMPSTEAD](PLACE), [N.Y.](PLACE) — The debate began late.");
        check("She met an adviser in [Eau Claire](PLACE), [Wis.](PLACE), last week.");
        check("A reporter for [USA Today](ORG) saw her.");
        check(
            "The [U.S. Court of Appeals for the District of Columbia Circuit](ORG) heard it, \
             as did [Apple Inc](ORG) and [Alphabet Inc.](ORG)",
        );
    }

    #[test]
    fn document_memory_links_later_mentions() {
        check(
            "[Karen Bass](PERSON) visited the shelter. Later, [Bass](PERSON) said the city \
             would help. [Bass](PERSON) thanked volunteers.",
        );
        check(
            "[Oyelaran Fadipe](PERSON) said the vote was unfair.\n\nSOURCES SAY \
             [FADIPE](PERSON) WILL RESIGN",
        );
        check(
            "Guards at [Quillon University](ORG) stopped her. Her trip to [Quillon](ORG) \
             was short.",
        );
    }

    #[test]
    fn possessives_are_not_part_of_names() {
        check("After [Karen Bass](PERSON) spoke, [Bass](PERSON)'s office confirmed it.");
    }

    #[test]
    fn all_caps_text_uses_lists_and_memory_only() {
        check("[Karen Bass](PERSON) spoke on Monday.\n\nARREST [BASS](PERSON) NOW");
        check("PROTESTERS MARCH IN [LOS ANGELES](PLACE) AS [ICE](ORG) RAIDS CONTINUE");
        check("MAYOR [KAREN BASS](PERSON) SPEAKS");
        check("[Karen Bass](PERSON) Says [Los Angeles](PLACE) Will Rebuild After Fires");
    }

    #[test]
    fn social_tokens_and_emoji() {
        check("Follow @KarenBass and #LAProtests at https://example.org for updates.");
        check("🇺🇸 [Karen Bass](PERSON) thanked the firefighters.");
    }

    #[test]
    fn dates_pronouns_and_adjectives_are_not_names() {
        check("On Monday, July 7, I met the council.");
        check("The [Hong Kong](PLACE) team met [Texas](PLACE) officials.");
        check("A Texas-based company and an anti-war group met.");
        check("Former [British](MISC) Prime Minister [Theresa May](PERSON) spoke in May.");
    }

    /// The tagger's contract on any document: no panic, spans on token
    /// boundaries, no overlaps, name labels only.
    fn assert_contract(text: &str) {
        let doc = Document::new(text);
        let mut found = RuleTagger.tag(&doc);
        found.sort_by_key(|e| e.span.start);
        for pair in found.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{text:?}");
        }
        for e in &found {
            let starts = doc.tokens.iter().any(|t| t.span.start == e.span.start);
            let ends = doc.tokens.iter().any(|t| t.span.end == e.span.end);
            assert!(starts && ends, "{text:?}");
            assert!(e.label.is_name());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        /// Words that exercise every rule: titles, connectors, lists,
        /// acronyms, possessives, quotes, emoji and odd characters.
        const PARTS: &[&str] = &[
            "Karen",
            "Bass",
            "BASS",
            "Mayor",
            "Sen.",
            "Police",
            "Chief",
            "of",
            "the",
            "The",
            "and",
            "&",
            "'s",
            "’s",
            "de",
            "von",
            "Los",
            "Angeles",
            "LA",
            "ICE",
            "FBI",
            "Department",
            "said",
            "in",
            "May",
            "Monday",
            "I",
            "“",
            "”",
            "\"",
            ".",
            ",",
            ":",
            "—",
            "🇺🇸",
            "@x",
            "#y",
            "https://e.org/a",
            "U.S.",
            "J.",
            "Jr.",
            "al-Assad",
            "Texas-based",
            "é",
            "\u{301}",
            "\n",
            "\n\n",
            "Secretary",
            "State",
            "Inc.",
        ];

        proptest! {
            #[test]
            fn any_mix_of_name_parts_keeps_the_contract(
                picks in proptest::collection::vec(0..PARTS.len(), 0..40),
                spaces in proptest::collection::vec(any::<bool>(), 40),
            ) {
                let mut text = String::new();
                for (n, &i) in picks.iter().enumerate() {
                    if spaces.get(n).copied().unwrap_or(false) {
                        text.push(' ');
                    }
                    text.push_str(PARTS.get(i).copied().unwrap_or(""));
                }
                super::assert_contract(&text);
            }

            #[test]
            fn any_text_keeps_the_contract(text in "\\PC{0,120}") {
                super::assert_contract(&text);
            }
        }
    }

    #[test]
    fn spans_never_overlap_and_sit_on_token_boundaries() {
        let samples = [
            "LA Mayor Karen Bass of Los Angeles and the Bank of America Corp. met NATO.",
            "“Karen Bass,” said Sen. Alex Padilla (D-Calif.) — ARREST BASS NOW 🇺🇸🇺🇸",
            "U.S. Attorney General Pam Bondi's Justice Department and the U.N. General Assembly",
            "de van von der of and & 's The The The Bass Bass BASS",
            "",
        ];
        for text in samples {
            assert_contract(text);
        }
    }
}
