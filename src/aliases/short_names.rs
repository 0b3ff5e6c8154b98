//! Organisations called by part of their name:
//! - the distinctive words without the heads: "Harrow" for "Harrow
//!   School", "Wikimedia" for "Wikimedia Foundation", and clipped forms of
//!   them: "Penn State" for "Pennsylvania State University" (each word a
//!   prefix of at least three letters);
//! - the head alone: "the University" for "Pennsylvania State University",
//!   "the House" for "House of Representatives", and a newspaper's
//!   nameplate word: "the Ledger" for "the Savannah Ledger", "the Times"
//!   for "The New York Times".
//!
//! - the first word alone, when it is distinctive: "Northwind" for
//!   "Northwind Grocers Inc.".
//!
//! A short name joins a longer one only when exactly one longer name
//! fits. Places are left alone: "San Francisco Bay" and "Coron Island" are
//! not the city or the town.

use super::nodes::{FastMap, Node, Sets};
use super::normalize::{fold_word, Form};
use crate::entities::names::lexicon;
use crate::entities::Label;
use crate::text::Document;

/// Shortest clipped word ("Penn" for "Pennsylvania").
const MIN_PREFIX: usize = 3;
/// Most longer names kept per index entry.
const MAX_CANDIDATES: usize = 4;

/// The words of a node's representative name, folded.
fn words_of(doc: &Document, f: &Form) -> Vec<String> {
    let mut out = Vec::new();
    for t in f.tokens.clone() {
        let text = doc.token_text(t);
        if text.chars().next().is_some_and(char::is_alphanumeric) {
            let mut w = String::new();
            fold_word(text, &mut w);
            out.push(w);
        }
    }
    out
}

/// Last words of newspapers' names, which papers go by on their own
/// ("the Ledger", "the Globe"), that the organisation lexicon does not
/// already hold as heads (it has `times`, `post`, `herald`, `journal` …).
/// They are heads here only: in the tagger's lexicon, "Star" or "Register"
/// ending a name would say little.
const NAMEPLATES: &[&str] = &[
    "bulletin", "courier", "dispatch", "globe", "ledger", "observer", "register", "sentinel",
    "star",
];

/// True when `word` (folded) ends an organisation's name as its head.
fn is_head(label: Label, word: &str) -> bool {
    label == Label::Org && (lexicon::is_org_head(word) || NAMEPLATES.contains(&word))
}

/// True when `word` (folded) can stand for the organisation whose name
/// it opens: not a head, place, given name, nationality or function word
/// ("Boston" alone is the city or a team, not "Boston Globe").
fn is_distinctive(word: &str) -> bool {
    word.chars().count() >= MIN_PREFIX
        && !is_head(Label::Org, word)
        && !lexicon::is_place(word)
        && !lexicon::is_given_name(word)
        && !lexicon::is_demonym(word)
        && !lexicon::is_function_word(word)
        && !lexicon::is_direction(word)
}

/// Where longer names wait for short ones: label, word count of the core
/// and the first letters of its first word.
type Bucket = (Label, usize, String);

/// Bucket of a core.
fn bucket(label: Label, words: &[String]) -> Bucket {
    let start: String = words
        .first()
        .map(|w| w.chars().take(MIN_PREFIX).collect())
        .unwrap_or_default();
    (label, words.len(), start)
}

/// True when each of `short` is `long`'s word or a prefix of it of at
/// least [`MIN_PREFIX`] letters.
fn clips(short: &[String], long: &[String]) -> bool {
    short.len() == long.len()
        && short
            .iter()
            .zip(long)
            .all(|(s, l)| s == l || (s.chars().count() >= MIN_PREFIX && l.starts_with(s.as_str())))
}

/// Links short ORG nodes to the one longer name they shorten.
pub fn link(doc: &Document, forms: &[Form], nodes: &[Node], sets: &mut Sets) {
    // Longer names by the bucket of their core (words before the heads).
    let mut cores: FastMap<Bucket, Vec<(usize, Vec<String>)>> = FastMap::default();
    // (label, head word) → organisations it names on its own.
    let mut heads: FastMap<(Label, String), Vec<usize>> = FastMap::default();
    // First word → longer organisations it opens ("Northwind" for
    // "Northwind Grocers Inc.").
    let mut firsts: FastMap<String, Vec<usize>> = FastMap::default();
    let mut words: Vec<Option<Vec<String>>> = vec![None; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        if n.label != Label::Org {
            continue;
        }
        let Some(f) = forms.get(n.rep) else { continue };
        let w = words_of(doc, f);
        if w.len() >= 2 {
            let mut core = w.len();
            while core > 1 && w.get(core - 1).is_some_and(|x| is_head(n.label, x)) {
                core -= 1;
            }
            let core_words: Vec<String> = w.iter().take(core).cloned().collect();
            if core < w.len() && !core_words.first().is_some_and(|x| is_head(n.label, x)) {
                let list = cores.entry(bucket(n.label, &core_words)).or_default();
                if list.len() < MAX_CANDIDATES {
                    list.push((i, core_words));
                }
            }
            if let Some(first) = w.first().filter(|x| is_distinctive(x)) {
                let list = firsts.entry(first.clone()).or_default();
                if list.len() < MAX_CANDIDATES && !list.contains(&i) {
                    list.push(i);
                }
            }
            if n.label == Label::Org {
                let last = w.last().filter(|x| is_head(n.label, x));
                let first = w
                    .first()
                    .filter(|x| lexicon::is_org_of_head(x) && w.get(1).is_some_and(|o| o == "of"));
                for head in [last, first].into_iter().flatten() {
                    let list = heads.entry((n.label, head.clone())).or_default();
                    if list.len() < MAX_CANDIDATES && !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        if let Some(slot) = words.get_mut(i) {
            *slot = Some(w);
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        let Some(w) = words.get(i).and_then(Option::as_ref) else {
            continue;
        };
        let mut targets: Vec<usize> = Vec::new();
        if let Some(list) = cores.get(&bucket(n.label, w)) {
            targets.extend(
                list.iter()
                    .filter(|(m, core)| *m != i && clips(w, core))
                    .map(|(m, _)| *m),
            );
        }
        if let ([one], Some(list)) = (w.as_slice(), heads.get(&(n.label, w.concat()))) {
            if targets.is_empty() && is_head(n.label, one) {
                targets.extend(list.iter().copied());
            }
        }
        if let ([one], Some(list)) = (w.as_slice(), firsts.get(w.concat().as_str())) {
            if targets.is_empty() && is_distinctive(one) {
                targets.extend(list.iter().copied().filter(|&m| m != i));
            }
        }
        let mut roots: Vec<usize> = targets.iter().map(|&m| sets.find(m)).collect();
        roots.sort_unstable();
        roots.dedup();
        if let [root] = roots.as_slice() {
            sets.union(i, *root);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn clipped_words() {
        assert!(clips(&words("penn state"), &words("pennsylvania state")));
        assert!(clips(&words("harrow"), &words("harrow")));
        assert!(!clips(&words("pe state"), &words("pennsylvania state")));
        assert!(!clips(&words("penn"), &words("pennsylvania state")));
    }
}
