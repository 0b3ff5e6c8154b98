//! Document memory, and reading text whose capitals say nothing.
//!
//! What a tagger was sure of in ordinary prose becomes the article's
//! memory: whole names and their labels (`Karen Bass` PERSON, `Marshall
//! Park` PLACE), the first and last words of people's names (so `BASS`
//! alone is a PERSON), and the initials of multiword names (`ICE` after
//! `Immigration and Customs Enforcement`). Sentences where capitals carry
//! no information (ALL CAPS, Title Case headlines, shouted runs in prose)
//! are then read from titles, word lists and this memory alone
//! ([`Reader`]), which keeps them free of junk names like `COUNCIL VOTES`.
//!
//! Shared by the rule tagger (which fills the memory from its sure
//! candidates) and the trained tagger (which fills it from its decoded
//! mentions in cased sentences).

use std::ops::Range;

use super::casing::Casing;
use super::lexicon::{self, class, Key};
use super::titles;
use super::words::{acronym_key, is_acronym, is_capitalised_word, known_at, title_at};
use super::words::{is_initial, MAX_LOOKUP_WORDS};
use crate::entities::Label;
use crate::text::{Document, TokenKind};

/// Document memory: names an article has established.
#[derive(Default, Debug, Clone)]
pub struct Memory {
    /// Fingerprints of whole names and their labels.
    pub names: Vec<(u64, Label)>,
    /// Fingerprints of first and last words of people's names.
    pub person_words: Vec<u64>,
    /// Fingerprints of the distinctive first words of organisations
    /// (`Hofstra` of `Hofstra University`).
    pub org_words: Vec<u64>,
    /// Fingerprints of the initials of multiword names.
    pub acronyms: Vec<(u64, Label)>,
    /// Fingerprints of every name found inside a sentence, however it was
    /// labelled.
    pub seen: Vec<(u64, Label)>,
}

impl Memory {
    /// Sorts and deduplicates the lists for lookup; for a name learnt with
    /// several labels, the first learnt is kept.
    pub fn seal(&mut self) {
        // Stable sort keeps the first label seen for a name.
        self.names.sort_by_key(|&(k, _)| k);
        self.names.dedup_by_key(|&mut (k, _)| k);
        self.person_words.sort_unstable();
        self.person_words.dedup();
        self.org_words.sort_unstable();
        self.org_words.dedup();
        self.acronyms.sort_by_key(|&(k, _)| k);
        self.acronyms.dedup_by_key(|&mut (k, _)| k);
        self.seen.sort_by_key(|&(k, _)| k);
        self.seen.dedup_by_key(|&mut (k, _)| k);
    }

    /// Learns a mention `tokens` of `doc` with `label`: its whole name, the
    /// first and last words of a person, the initials of a multiword name.
    /// Call [`Memory::seal`] before looking anything up.
    pub fn learn(&mut self, doc: &Document, tokens: Range<usize>, label: Label) {
        let mut key = Key::new();
        for i in tokens.clone() {
            if !key.push(doc.token_text(i)) {
                return;
            }
        }
        if key.is_empty() {
            return;
        }
        self.names.push((key.fingerprint(), label));
        if label == Label::Person {
            self.learn_person_words(doc, tokens);
        } else if tokens.len() >= 2 {
            let initials = initials(doc, tokens);
            if initials.words() >= 2 {
                self.acronyms.push((initials.fingerprint(), label));
            }
        }
    }

    /// Learns the first and last words of a person's name `tokens`, for
    /// later mentions of the surname (or given name) alone.
    pub fn learn_person_words(&mut self, doc: &Document, tokens: Range<usize>) {
        let mut words = tokens.filter(|&i| {
            let text = doc.token_text(i);
            is_capitalised_word(text)
                && !is_initial(text)
                && lexicon::word_class(Key::of(text).as_str())
                    & (class::NAME_SUFFIX | class::PARTICLE)
                    == 0
        });
        let (first, last) = (words.next(), words.next_back());
        for i in first.into_iter().chain(last) {
            self.person_words
                .push(Key::of(doc.token_text(i)).fingerprint());
        }
    }

    /// The label of a whole name.
    pub fn name(&self, key: &Key) -> Option<Label> {
        find(&self.names, key.fingerprint())
    }

    /// The label of the name whose initials are `key`.
    pub fn acronym(&self, key: &Key) -> Option<Label> {
        find(&self.acronyms, key.fingerprint())
    }

    /// The label of a name seen inside a sentence.
    pub fn seen(&self, key: &Key) -> Option<Label> {
        find(&self.seen, key.fingerprint())
    }

    /// True for the first or last word of a person's name.
    pub fn person_word(&self, key: &Key) -> bool {
        self.person_words.binary_search(&key.fingerprint()).is_ok()
    }

    /// True for the distinctive first word of an organisation.
    pub fn org_word(&self, key: &Key) -> bool {
        self.org_words.binary_search(&key.fingerprint()).is_ok()
    }
}

/// The label of `k` in a sorted map.
pub fn find(map: &[(u64, Label)], k: u64) -> Option<Label> {
    map.binary_search_by_key(&k, |&(k, _)| k)
        .ok()
        .and_then(|i| map.get(i))
        .map(|&(_, l)| l)
}

/// The initials of the capitalised words in `tokens` (`ice`).
pub fn initials(doc: &Document, tokens: Range<usize>) -> Key {
    let mut initials = Key::new();
    let mut buf = [0u8; 4];
    for i in tokens.filter(|&i| is_capitalised_word(doc.token_text(i))) {
        if let Some(ch) = doc.token_text(i).chars().next() {
            initials.push_glued(ch.encode_utf8(&mut buf));
        }
    }
    initials
}

/// Reads text whose capitals say nothing: only titles, word lists and
/// document memory find names.
pub struct Reader<'a, 't> {
    /// The document.
    pub doc: &'a Document<'t>,
    /// What the rest of the article established.
    pub memory: &'a Memory,
    /// The [`class`] bits of a token.
    pub class: &'a dyn Fn(usize) -> u16,
}

impl Reader<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.doc.token_text(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).map(|t| t.kind) == Some(TokenKind::Word)
    }

    fn is(&self, i: usize, bits: u16) -> bool {
        (self.class)(i) & bits != 0
    }

    fn key(&self, i: usize) -> Key {
        Key::of(self.text(i))
    }

    /// The names in tokens `start..end` read with `casing` (Title Case lets
    /// acronyms and headed runs stand out), appended to `out` as token
    /// ranges and labels, in order and never overlapping.
    pub fn read(
        &self,
        start: usize,
        end: usize,
        casing: Casing,
        out: &mut Vec<(Range<usize>, Label)>,
    ) {
        let mut i = start;
        while i < end {
            if !self.is_word(i) {
                i += 1;
                continue;
            }
            let key = self.key(i);
            let k = key.as_str();
            if self.is(
                i,
                class::FUNCTION | class::PARTICLE | class::SPEECH_VERB | class::CALENDAR,
            ) {
                i += 1;
                continue;
            }
            if let Some(m) = title_at(self.doc, i, end) {
                let after = i + m.words;
                let known_longer = known_at(self.doc, i, end).is_some_and(|(n, _)| n > m.words);
                if !known_longer && self.plain_word(after, end) {
                    let len = self.person_length(after, end);
                    out.push((after..after + len, Label::Person));
                    i = after + len;
                    continue;
                }
            }
            if let Some((n, label)) = known_at(self.doc, i, end) {
                out.push((i..i + n, label));
                i += n;
                continue;
            }
            let remembered = self.remembered_at(i, end);
            if let Some((n, label)) = remembered.filter(|&(n, _)| n > 1) {
                out.push((i..i + n, label));
                i += n;
                continue;
            }
            if lexicon::is_given_name(k) && self.plain_word(i + 1, end) {
                let len = 1 + self.person_length(i + 1, end);
                out.push((i..i + len, Label::Person));
                i += len;
                continue;
            }
            if let Some((n, label)) = remembered {
                out.push((i..i + n, label));
                i += n;
                continue;
            }
            if casing == Casing::Title {
                if let Some((n, label)) = self.headed_run_at(i, end) {
                    out.push((i..i + n, label));
                    i += n;
                    continue;
                }
            }
            if self.memory.person_word(&key) {
                out.push((i..i + 1, Label::Person));
            } else if casing == Casing::Title && is_acronym(self.text(i)) {
                let label = self
                    .memory
                    .acronym(&acronym_key(self.text(i)))
                    .unwrap_or(Label::Org);
                out.push((i..i + 1, label));
            }
            i += 1;
        }
    }

    /// In Title Case text, a run of capitalised words ending in an
    /// organisation or place head (`Civic Party`, `Hong Kong Island`).
    fn headed_run_at(&self, i: usize, end: usize) -> Option<(usize, Label)> {
        let mut j = i;
        while j < end
            && j < i + MAX_LOOKUP_WORDS
            && self.plain_word(j, end)
            && is_capitalised_word(self.text(j))
        {
            j += 1;
        }
        (i + 2..=j).rev().find_map(|stop| {
            let last = self.key(stop - 1);
            if lexicon::is_org_head(last.as_str()) {
                Some((stop - i, Label::Org))
            } else if lexicon::is_place_head(last.as_str()) {
                Some((stop - i, Label::Place))
            } else {
                None
            }
        })
    }

    /// A word that can be part of a name in uncased text.
    fn plain_word(&self, i: usize, end: usize) -> bool {
        if i >= end || !self.is_word(i) {
            return false;
        }
        !(self.is(
            i,
            class::FUNCTION | class::SPEECH_VERB | class::CALENDAR | class::PARTICLE,
        ) || (self.is(i, class::TITLE_START) && titles::title_kind(self.text(i)).is_some()))
    }

    /// How many words from `i` make a person's name in uncased text: a given
    /// name takes the next word (and a middle initial) with it.
    fn person_length(&self, i: usize, end: usize) -> usize {
        if !lexicon::is_given_name(self.key(i).as_str()) {
            return 1;
        }
        let initial = |j: usize| {
            let t = self.text(j);
            t.len() <= 3 && t.ends_with('.')
        };
        if initial(i + 1) && self.plain_word(i + 2, end) {
            3
        } else if self.plain_word(i + 1, end) {
            2
        } else {
            1
        }
    }

    /// The longest remembered name (up to four words) starting at `i`.
    fn remembered_at(&self, i: usize, end: usize) -> Option<(usize, Label)> {
        let mut key = Key::new();
        let mut best = None;
        for j in i..end.min(i + 4) {
            if !self.is_word(j) || !key.push(self.text(j)) {
                break;
            }
            if let Some(label) = self.memory.name(&key).or_else(|| self.memory.seen(&key)) {
                best = Some((j + 1 - i, label));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::names::words::class_of;

    /// Learns every `(phrase, label)` from the first line, then reads the
    /// second line as uncased text.
    fn read(body: &str, learnt: &[(&str, Label)], headline: &str, casing: Casing) -> Vec<String> {
        let text = format!("{body}\n\n{headline}");
        let doc = Document::new(&text);
        let mut memory = Memory::default();
        for (phrase, label) in learnt {
            let start = body.find(phrase).unwrap_or(0);
            let first = doc.tokens.partition_point(|t| t.span.start < start);
            let n = Document::new(phrase).tokens.len();
            memory.learn(&doc, first..first + n, *label);
        }
        memory.seal();
        let class = |i: usize| class_of(&doc, i);
        let reader = Reader {
            doc: &doc,
            memory: &memory,
            class: &class,
        };
        let from = doc
            .tokens
            .partition_point(|t| t.span.start < body.len() + 2);
        let mut out = Vec::new();
        reader.read(from, doc.tokens.len(), casing, &mut out);
        out.into_iter()
            .map(|(r, l)| format!("{}/{}", doc.tokens_span(r).slice(&text), l.as_str()))
            .collect()
    }

    #[test]
    fn capitals_headline_takes_names_from_the_article() {
        let body = "The Oakland City Council voted to rebuild the pool at Marshall Park, \
                    backed by Councilmember Teresa Vance.";
        let learnt = [
            ("Oakland City Council", Label::Org),
            ("Marshall Park", Label::Place),
            ("Teresa Vance", Label::Person),
        ];
        assert_eq!(
            read(
                body,
                &learnt,
                "COUNCIL VOTES TO REBUILD MARSHALL PARK POOL",
                Casing::Upper
            ),
            ["MARSHALL PARK/PLACE"]
        );
        assert_eq!(
            read(body, &learnt, "ARREST VANCE NOW", Casing::Upper),
            ["VANCE/PERSON"]
        );
        assert_eq!(
            read(body, &learnt, "MAYOR WEBB VISITS OAKLAND", Casing::Upper),
            ["WEBB/PERSON", "OAKLAND/PLACE"]
        );
    }

    #[test]
    fn initials_of_a_learnt_name() {
        let body = "Agents of Immigration and Customs Enforcement arrived.";
        let learnt = [("Immigration and Customs Enforcement", Label::Org)];
        assert_eq!(
            read(
                body,
                &learnt,
                "Protests Grow As Crowds Face ICE Agents Downtown",
                Casing::Title
            ),
            ["ICE/ORG"]
        );
    }
}
