//! Probable misspellings: two names of one label, at least six letters
//! long, a small edit distance apart ("McAurthur Park" and "MacArthur
//! Park") are one entity; the rarer form is flagged as a variant.
//!
//! Candidates are found without comparing all pairs: every name is indexed
//! under itself and each one-character deletion of it, and only names that
//! share an index entry are compared (two names within one substitution,
//! or one insertion plus one deletion, always share one). Known places,
//! organisations and given names are real names, not misspellings of each
//! other ("Colombia" and "Columbia"), and a changed word of under five
//! letters, a plural or a regnal number makes another name ("Mark Kelly"
//! and "Mary Kelly", "Chatham Islands", "Abbas II").

use super::acronyms;
use super::nodes::{Node, Sets};
use super::normalize::{fold_word, Form};
use crate::entities::names::lexicon;
use crate::entities::Label;
use crate::text::Document;

/// Shortest name compared, in letters.
const MIN_LETTERS: usize = 6;
/// Shortest word that may be misspelt, in letters.
const MIN_WORD_LETTERS: usize = 5;
/// Longest name compared, in characters.
const MAX_CHARS: usize = 40;
/// Names sharing one index entry beyond this many are not compared.
const MAX_BUCKET: usize = 8;

/// Merges nodes that are probable misspellings of each other; marks the
/// rarer node of each pair in `variant`.
pub fn link(doc: &Document, forms: &[Form], nodes: &[Node], sets: &mut Sets, variant: &mut [bool]) {
    let mut keys: Vec<(usize, Vec<char>)> = Vec::new();
    let mut word = String::new();
    for (i, n) in nodes.iter().enumerate() {
        let Some(f) = forms.get(n.rep) else { continue };
        if f.words == 1 && acronyms::letters(f.name.slice(doc.text)).is_some() {
            continue;
        }
        let mut key: Vec<char> = Vec::new();
        for t in f.tokens.clone() {
            let text = doc.token_text(t);
            if !text.chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            fold_word(text, &mut word);
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(word.chars());
        }
        let letters = key.iter().filter(|c| c.is_alphabetic()).count();
        if letters >= MIN_LETTERS && key.len() <= MAX_CHARS {
            keys.push((i, key));
        }
    }
    // Index entries: (fingerprint of the key or a one-deletion of it, key).
    let mut entries: Vec<(u64, u32)> = Vec::new();
    let mut prefix: Vec<u64> = Vec::new();
    for (k, (node, key)) in keys.iter().enumerate() {
        let salt = nodes.get(*node).map_or(0, |n| n.label as u64);
        // FNV-1a over characters; prefix states make each deletion cheap.
        prefix.clear();
        let mut h = FNV_OFFSET ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for &c in key {
            prefix.push(h);
            h = fnv(h, c);
        }
        prefix.push(h);
        let k = u32::try_from(k).unwrap_or(u32::MAX);
        for skip in 0..=key.len() {
            let mut h = prefix.get(skip).copied().unwrap_or(0);
            for &c in key.get(skip + 1..).unwrap_or(&[]) {
                h = fnv(h, c);
            }
            entries.push((h, k));
        }
    }
    entries.sort_unstable();
    entries.dedup();
    let mut start = 0;
    while start < entries.len() {
        let fp = entries.get(start).map_or(0, |e| e.0);
        let mut end = start;
        while entries.get(end).is_some_and(|e| e.0 == fp) {
            end += 1;
        }
        let run = entries.get(start..end).unwrap_or(&[]);
        if run.len() <= MAX_BUCKET {
            for (x, a) in run.iter().enumerate() {
                for b in run.iter().skip(x + 1) {
                    let (Some(ka), Some(kb)) = (keys.get(a.1 as usize), keys.get(b.1 as usize))
                    else {
                        continue;
                    };
                    consider(ka, kb, nodes, sets, variant);
                }
            }
        }
        start = end;
    }
}

fn consider(
    (na, ka): &(usize, Vec<char>),
    (nb, kb): &(usize, Vec<char>),
    nodes: &[Node],
    sets: &mut Sets,
    variant: &mut [bool],
) {
    let (Some(a), Some(b)) = (nodes.get(*na), nodes.get(*nb)) else {
        return;
    };
    if a.label != b.label || sets.same(*na, *nb) || !probable_misspelling(a.label, ka, kb) {
        return;
    }
    if sets.union(*na, *nb) {
        // The rarer form (then the later one) is the variant.
        let rarer = if (a.forms.len(), std::cmp::Reverse(a.first))
            < (b.forms.len(), std::cmp::Reverse(b.first))
        {
            *na
        } else {
            *nb
        };
        if let Some(v) = variant.get_mut(rarer) {
            *v = true;
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step over a character.
fn fnv(h: u64, c: char) -> u64 {
    (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
}

/// True when `a` and `b` (lookup keys of one label) are probably one name
/// spelt two ways.
pub fn probable_misspelling(label: Label, a: &[char], b: &[char]) -> bool {
    let words = |k: &[char]| k.iter().filter(|&&c| c == ' ').count();
    let digits =
        |k: &[char]| -> Vec<char> { k.iter().filter(|c| c.is_ascii_digit()).copied().collect() };
    let letters = |k: &[char]| k.iter().filter(|c| c.is_alphabetic()).count();
    if letters(a).min(letters(b)) < MIN_LETTERS {
        return false;
    }
    if words(a) != words(b) || digits(a) != digits(b) {
        return false;
    }
    let limit = if a.len().min(b.len()) < 10 { 1 } else { 2 };
    if distance(a, b, limit) > limit {
        return false;
    }
    let sa: String = a.iter().collect();
    let sb: String = b.iter().collect();
    let known = |k: &str| match label {
        Label::Place => lexicon::is_place(k),
        Label::Org => lexicon::is_known_org(k),
        Label::Misc => lexicon::is_demonym(k),
        _ => false,
    };
    if known(&sa) && known(&sb) {
        return false;
    }
    // Word by word: two real given names or places are two names, a
    // plural is another thing ("Chatham Island", "Chatham Islands") and a
    // regnal number or suffix another person ("Abbas I", "Abbas II").
    for (wa, wb) in sa.split(' ').zip(sb.split(' ')) {
        if wa == wb {
            continue;
        }
        let real = |w: &str| lexicon::is_given_name(w) || lexicon::is_place(w);
        let plural = |a: &str, b: &str| b.strip_suffix('s') == Some(a) && !a.ends_with('s');
        let numbered = |w: &str| lexicon::is_name_suffix(w) || is_roman(w);
        // A short word changed is another word ("Mark", "Mary").
        let short = |w: &str| w.chars().count() < MIN_WORD_LETTERS;
        if (real(wa) && real(wb))
            || plural(wa, wb)
            || plural(wb, wa)
            || numbered(wa)
            || numbered(wb)
            || short(wa)
            || short(wb)
        {
            return false;
        }
    }
    true
}

/// True for a small roman numeral (`i` to `xx`), in lookup form.
fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// Levenshtein distance of `a` and `b`, or `limit + 1` when it is larger.
pub fn distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(c0) = cur.get_mut(0) {
            *c0 = i + 1;
        }
        let mut best = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(usize::MAX) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(usize::MAX) + 1;
            let ins = cur.get(j).copied().unwrap_or(usize::MAX) + 1;
            let v = sub.min(del).min(ins);
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
            best = best.min(v);
        }
        if best > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(usize::MAX).min(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance(&chars("kitten"), &chars("sitting"), 5), 3);
        assert_eq!(
            distance(&chars("mcaurthur park"), &chars("macarthur park"), 2),
            2
        );
        assert_eq!(distance(&chars("abc"), &chars("abcdef"), 2), 3);
        assert_eq!(distance(&chars(""), &chars(""), 1), 0);
    }

    #[test]
    fn misspellings_and_real_names() {
        let m = |l, a: &str, b: &str| probable_misspelling(l, &chars(a), &chars(b));
        assert!(m(Label::Place, "mcaurthur park", "macarthur park"));
        assert!(m(Label::Person, "karen bass", "karren bass"));
        assert!(!m(Label::Person, "karen bass", "karen bas"), "short word");
        assert!(m(Label::Person, "tedeschi", "tedeschy"));
        assert!(
            !m(Label::Person, "mark kelly", "mary kelly"),
            "two given names"
        );
        assert!(
            !m(Label::Place, "austria", "australia"),
            "too far for its length"
        );
        assert!(!m(Label::Place, "route 66a", "route 65a"), "numbers differ");
        assert!(!m(Label::Person, "bass", "base"), "too short");
        assert!(
            !m(Label::Person, "ann lee", "ann leeds park"),
            "word counts differ"
        );
        assert!(
            !m(Label::Place, "chatham island", "chatham islands"),
            "plural"
        );
        assert!(
            !m(Label::Person, "shah abbas i", "shah abbas ii"),
            "regnal numbers"
        );
    }
}
