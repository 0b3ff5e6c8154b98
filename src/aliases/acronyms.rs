//! Acronyms and their expansions, from the article itself: an acronym in
//! brackets right after a name ("Immigration and Customs Enforcement
//! (ICE)"), or an acronym whose letters are the initials of exactly one
//! longer name of its label in the article ("DHS" and "U.S. Department of
//! Homeland Security", "WHO" and "World Health Organisation"). People are
//! never acronyms.

use super::abbreviations;
use super::nodes::{FastMap, Node, Sets};
use super::normalize::Form;
use crate::entities::names::lexicon::{self, Key};
use crate::entities::{Entity, Label};
use crate::text::Document;

/// Longest acronym, in letters.
const MAX_LETTERS: usize = 8;

/// The letters of an acronym-shaped word, lower case ("ICE" → `ice`,
/// "U.N." → `un`): two to eight capital letters, full stops allowed.
pub fn letters(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        match c {
            '.' => {}
            c if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
            _ => return None,
        }
    }
    (2..=MAX_LETTERS).contains(&out.len()).then_some(out)
}

/// Words skipped by initials ("Department of Homeland Security" → DHS).
fn is_minor(word: &str) -> bool {
    matches!(
        word,
        "of" | "and"
            | "the"
            | "for"
            | "&"
            | "on"
            | "in"
            | "at"
            | "to"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "y"
            | "a"
            | "an"
            | "del"
            | "der"
            | "und"
    )
}

/// The initials a longer name may be abbreviated to, lower case, without
/// repeats: with and without its minor words, its hyphenated parts, and a
/// leading place ("U.S.").
pub fn initials(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    // Per word, once: is it a minor word, and its letters if it is an
    // acronym itself.
    let facts: Vec<(bool, Option<String>)> = words
        .iter()
        .map(|w| (is_minor(Key::of(w).as_str()), letters(w)))
        .collect();
    let initial = |p: &str, s: &mut String| {
        if let Some(c) = p.chars().find(|c| c.is_alphanumeric()) {
            s.extend(c.to_lowercase());
        }
    };
    let of = |from: usize, minor: bool, parts: bool| -> String {
        let mut s = String::new();
        for (w, (is_minor_word, acronym)) in words.iter().zip(&facts).skip(from) {
            if !minor && *is_minor_word {
                continue;
            }
            if let Some(l) = acronym {
                s.push_str(l);
                continue;
            }
            if parts {
                for p in w.split('-') {
                    initial(p, &mut s);
                }
            } else {
                initial(w, &mut s);
            }
        }
        s
    };
    push(of(0, false, true));
    push(of(0, false, false));
    push(of(0, true, true));
    if let Some((first, rest)) = words.split_first() {
        let key = Key::of(first);
        if rest.len() >= 2 && (lexicon::is_place(key.as_str()) || abbreviations::is_known(first)) {
            push(of(1, false, true));
        }
    }
    out
}

/// Merges acronyms with their expansions.
pub fn link(
    doc: &Document,
    entities: &[Entity],
    forms: &[Form],
    node_of: &[usize],
    nodes: &[Node],
    sets: &mut Sets,
) {
    let acronym = |f: &Form| {
        if f.words == 1 {
            letters(f.name.slice(doc.text))
        } else {
            None
        }
    };
    // In brackets right after the other: "Customs Enforcement (ICE)".
    for (k, pair) in forms.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        if a.label != b.label || a.label == Label::Person || b.entity != a.entity + 1 {
            continue;
        }
        let (Some(ea), Some(eb)) = (entities.get(a.entity), entities.get(b.entity)) else {
            continue;
        };
        let between = doc.text.get(ea.span.end..eb.span.start).unwrap_or("");
        let after = doc.text.get(eb.span.end..).unwrap_or("");
        if between.trim() != "(" || !after.trim_start().starts_with(')') {
            continue;
        }
        let pair = match (acronym(a), acronym(b)) {
            (Some(l), None) if b.words >= 2 => Some((l, b)),
            (None, Some(l)) if a.words >= 2 => Some((l, a)),
            _ => None,
        };
        // The acronym starts like its expansion: "Boston Red Sox of Major
        // League Baseball (MLB)" is a name cut too long, not an expansion.
        let fits = pair.is_some_and(|(l, long)| {
            let first = long
                .tokens
                .clone()
                .map(|t| doc.token_text(t))
                .find(|w| !is_minor(Key::of(w).as_str()))
                .and_then(|w| w.chars().next())
                .map(|c| c.to_ascii_lowercase());
            first.is_some() && l.chars().next() == first
        });
        if fits {
            if let (Some(&na), Some(&nb)) = (node_of.get(k), node_of.get(k + 1)) {
                sets.union(na, nb);
            }
        }
    }
    // Initials of exactly one longer name of the label.
    let mut expansions: FastMap<(Label, String), Vec<usize>> = FastMap::default();
    for (i, n) in nodes.iter().enumerate() {
        if n.label == Label::Person {
            continue;
        }
        let Some(f) = forms.get(n.rep).filter(|f| f.words >= 2) else {
            continue;
        };
        let words: Vec<&str> = f
            .tokens
            .clone()
            .map(|t| doc.token_text(t))
            .filter(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '&')
            })
            .collect();
        for s in initials(&words) {
            let list = expansions.entry((n.label, s)).or_default();
            if list.len() < 4 {
                list.push(i);
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        if n.label == Label::Person {
            continue;
        }
        let Some(l) = forms.get(n.rep).and_then(acronym) else {
            continue;
        };
        let Some(list) = expansions.get(&(n.label, l)) else {
            continue;
        };
        let mut roots: Vec<usize> = list.iter().map(|&m| sets.find(m)).collect();
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

    #[test]
    fn acronym_shapes() {
        assert_eq!(letters("ICE").as_deref(), Some("ice"));
        assert_eq!(letters("U.N.").as_deref(), Some("un"));
        assert_eq!(letters("Ice"), None);
        assert_eq!(letters("I"), None);
        assert_eq!(letters("ABCDEFGHI"), None);
    }

    #[test]
    fn initials_of_expansions() {
        let has = |words: &[&str], acr: &str| initials(words).iter().any(|s| s == acr);
        assert!(has(
            &["Immigration", "and", "Customs", "Enforcement"],
            "ice"
        ));
        assert!(has(
            &["U.S.", "Department", "of", "Homeland", "Security"],
            "dhs"
        ));
        assert!(has(
            &["U.S.", "Department", "of", "Homeland", "Security"],
            "usdhs"
        ));
        assert!(has(&["Anti-Defamation", "League"], "adl"));
        assert!(has(&["World", "Health", "Organisation"], "who"));
        assert!(has(&["Los", "Angeles", "Police", "Department"], "lapd"));
        assert!(has(&["New", "South", "Wales"], "nsw"));
        assert!(!has(&["Karen", "Bass"], "ice"));
    }
}
