//! People: a surname or given name alone ("Bass", "Karen") joins the full
//! name seen earlier or later in the article ("Karen Bass"), and full names
//! that differ only by a middle name or initial ("Donald J. Trump", "Donald
//! Trump") are one person. A double surname stands for its person whole,
//! halved or written apart ("Ana Delgado-Ruiz": "Delgado-Ruiz", "Delgado",
//! "Delgado Ruiz").
//!
//! When a single name fits several people ("Trump" with "Donald Trump" and
//! "Melania Trump"), each mention is resolved on its own: by its title
//! ("President Trump" when only one of them was called President), or by
//! being written before the second person was introduced. What stays
//! unresolved forms its own group, marked ambiguous, with the people it
//! could mean: two people are never merged.

use super::nodes::{FastMap, Node, Sets};
use super::normalize::{fold_word, Form};
use super::Overrides;
use crate::entities::names::lexicon::fingerprint;
use crate::entities::names::titles::TitleKind;
use crate::entities::Label;
use crate::text::Document;

/// The most people a single name is compared with (bounds the work on
/// very long texts, where "John" may fit hundreds).
const MAX_CANDIDATES: usize = 16;

/// Marks a candidate list that reached [`MAX_CANDIDATES`].
const CROWDED: usize = usize::MAX;

/// A full name's set, as a candidate for single names.
struct Person {
    /// The set's root node.
    root: usize,
    /// Offset of its first full-name mention.
    introduced: usize,
    /// Roles (title fingerprints) written before its names.
    roles: Vec<u64>,
}

/// Links the PERSON nodes of `nodes` in `sets`; ambiguous single names go
/// to `out`.
pub fn link(
    doc: &Document,
    forms: &[Form],
    nodes: &[Node],
    node_of: &[usize],
    sets: &mut Sets,
    out: &mut Overrides,
) {
    let rep = |n: &Node| forms.get(n.rep);
    let full = |n: &Node| {
        n.label == Label::Person && rep(n).is_some_and(|f| f.words >= 2 && f.role_phrase.is_none())
    };

    // Full names with the same first and last word.
    let mut by_ends: FastMap<(u64, u64), Vec<usize>> = FastMap::default();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(f) = rep(n).filter(|_| full(n)) {
            by_ends
                .entry((f.first_word, f.last_word))
                .or_default()
                .push(i);
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        let Some(f) = rep(n).filter(|_| full(n)) else {
            continue;
        };
        let Some(same) = by_ends.get(&(f.first_word, f.last_word)) else {
            continue;
        };
        if same.first() != Some(&i) || same.len() < 2 {
            continue;
        }
        // "George W. Bush" and "George H. W. Bush" are two people: merge
        // only when at most one middle initial is written.
        let mut middles: Vec<char> = same
            .iter()
            .filter_map(|&m| nodes.get(m).and_then(rep))
            .filter_map(|f| middle_initial(doc, f))
            .collect();
        middles.sort_unstable();
        middles.dedup();
        if middles.len() <= 1 {
            for &m in same {
                sets.union(i, m);
            }
        }
    }

    // A double surname's halves ("Delgado-Ruiz": "Delgado", "Ruiz"), each
    // standing for its person alone, and both written apart ("Delgado
    // Ruiz").
    let halves: Vec<Option<[u64; 2]>> = nodes
        .iter()
        .map(|n| {
            rep(n)
                .filter(|_| full(n))
                .and_then(|f| surname_halves(doc, f))
        })
        .collect();
    for (j, h) in halves.iter().enumerate() {
        let Some(apart) = h.and_then(|[a, b]| by_ends.get(&(a, b))) else {
            continue;
        };
        for &i in apart {
            if nodes.get(i).and_then(rep).is_some_and(|f| f.words == 2) {
                sets.union(i, j);
            }
        }
    }
    // The people, by root, with their roles and first full mention.
    let mut people: Vec<Person> = Vec::new();
    let mut person_of_root: FastMap<usize, usize> = FastMap::default();
    for (i, n) in nodes.iter().enumerate() {
        if !full(n) {
            continue;
        }
        let root = sets.find(i);
        let p = *person_of_root.entry(root).or_insert_with(|| {
            people.push(Person {
                root,
                introduced: n.first,
                roles: Vec::new(),
            });
            people.len() - 1
        });
        if let Some(person) = people.get_mut(p) {
            person.introduced = person.introduced.min(n.first);
            for f in n.forms.iter().filter_map(|&k| forms.get(k)) {
                if let Some(role) = role_of(f) {
                    if !person.roles.contains(&role) {
                        person.roles.push(role);
                    }
                }
            }
        }
    }
    let mut by_word: FastMap<u64, Vec<usize>> = FastMap::default();
    // Every full name in a set counts ("Bill Smith" and "William Smith").
    for (i, n) in nodes.iter().enumerate() {
        let Some(f) = rep(n).filter(|_| full(n)) else {
            continue;
        };
        let root = sets.find(i);
        let Some(&p) = person_of_root.get(&root) else {
            continue;
        };
        let split = halves.get(i).copied().flatten().unwrap_or([0, 0]);
        for word in [f.first_word, f.last_word, split[0], split[1]] {
            if word == 0 {
                continue;
            }
            let list = by_word.entry(word).or_default();
            if list.len() > MAX_CANDIDATES {
                continue;
            }
            if !list.contains(&p) {
                // Past the cap, a name is too common to resolve: mark it.
                list.push(if list.len() == MAX_CANDIDATES {
                    CROWDED
                } else {
                    p
                });
            }
        }
    }

    // Single names.
    for (i, n) in nodes.iter().enumerate() {
        if n.label != Label::Person || full(n) {
            continue;
        }
        let Some(f) = rep(n).filter(|f| f.role_phrase.is_none()) else {
            continue;
        };
        let Some(candidates) = by_word.get(&f.first_word) else {
            continue;
        };
        match candidates.as_slice() {
            [] => {}
            [p] => {
                if let Some(person) = people.get(*p) {
                    sets.union(i, person.root);
                }
            }
            many => {
                let mut unresolved = false;
                for &k in &n.forms {
                    let Some(mention) = forms.get(k) else {
                        continue;
                    };
                    let crowded = many.contains(&CROWDED);
                    match resolve(mention, many, &people).filter(|_| !crowded) {
                        Some(root) => {
                            if let Some(slot) = out.to.get_mut(k) {
                                *slot = Some(root);
                            }
                        }
                        None => unresolved = true,
                    }
                }
                if unresolved {
                    let roots = many
                        .iter()
                        .filter_map(|&p| people.get(p).map(|q| q.root))
                        .collect();
                    out.ambiguous.push((i, roots));
                }
            }
        }
    }
    link_role_phrases(forms, nodes, node_of, sets, out);
}

/// The fingerprints of the two halves of a full name's hyphenated
/// surname ("Delgado-Ruiz"), when it has one.
fn surname_halves(doc: &Document, f: &Form) -> Option<[u64; 2]> {
    let last = doc.token_text(f.tokens.end.checked_sub(1)?);
    let (a, b) = last.split_once('-')?;
    let mut word = String::new();
    fold_word(last, &mut word);
    if fingerprint(&word) != f.last_word || b.contains('-') {
        return None;
    }
    let mut half = |part: &str| {
        fold_word(part, &mut word);
        (word.chars().filter(|c| c.is_alphabetic()).count() >= 2).then(|| fingerprint(&word))
    };
    Some([half(a)?, half(b)?])
}

/// A title standing for a name ("President of the United States") joins
/// the one person written with that title ("President Trump").
fn link_role_phrases(
    forms: &[Form],
    nodes: &[Node],
    node_of: &[usize],
    sets: &mut Sets,
    out: &Overrides,
) {
    let ambiguous: Vec<usize> = out.ambiguous.iter().map(|(n, _)| *n).collect();
    let mut holders: FastMap<u64, Option<usize>> = FastMap::default();
    for (k, f) in forms.iter().enumerate() {
        let Some(role) = role_of(f).filter(|_| f.label == Label::Person && f.role_phrase.is_none())
        else {
            continue;
        };
        let own = node_of.get(k).copied().unwrap_or(0);
        let node = out.to.get(k).copied().flatten().unwrap_or(own);
        if node == own && ambiguous.contains(&own) {
            continue;
        }
        let root = sets.find(node);
        let holder = holders.entry(role).or_insert(Some(root));
        if *holder != Some(root) {
            *holder = None;
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        let role = forms.get(n.rep).and_then(|f| f.role_phrase);
        if let Some(Some(root)) = role.and_then(|r| holders.get(&r)) {
            sets.union(i, *root);
        }
    }
}

/// The one person among `candidates` that `mention` can mean, if any.
fn resolve(mention: &Form, candidates: &[usize], people: &[Person]) -> Option<usize> {
    let pick = |keep: &dyn Fn(&Person) -> bool| {
        let mut found = candidates
            .iter()
            .filter_map(|&p| people.get(p))
            .filter(|p| keep(p));
        match (found.next(), found.next()) {
            (Some(p), None) => Some(p.root),
            _ => None,
        }
    };
    if let Some(role) = role_of(mention) {
        if let Some(root) = pick(&|p| p.roles.contains(&role)) {
            return Some(root);
        }
    }
    let at = mention.name.start;
    pick(&|p| p.introduced <= at)
}

/// The role of a mention's title, when it is a current role (not
/// "former", not a courtesy title such as "Mr.").
pub fn role_of(f: &Form) -> Option<u64> {
    f.title
        .filter(|t| !t.former && t.kind != TitleKind::Honorific)
        .map(|t| t.role)
}

/// The first letter of a full name's second word, when it has three or
/// more words ("W" in "George W. Bush").
fn middle_initial(doc: &Document, f: &Form) -> Option<char> {
    if f.words < 3 {
        return None;
    }
    let second = f
        .tokens
        .clone()
        .filter(|&t| {
            doc.token_text(t)
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
        .nth(1)?;
    doc.token_text(second)
        .chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
}
