//! Social handles of a person or organisation: a handle in brackets right
//! after a name, as in a post trailer ("Bill Melugin (@BillMelugin_)"), or
//! a handle spelling a name of the article ("@KarenBass"). Every mention of
//! the same handle then belongs to that group; the HANDLE mention carries
//! the group, and the group lists the handle under `handles` (not under
//! `mentions`, which holds names of one label).

use super::nodes::FastMap;
use super::normalize::Form;
use super::Group;
use crate::entities::names::lexicon::fingerprint;
use crate::entities::{Entity, Label};
use crate::text::Document;

/// Marks a spelling shared by several groups.
const SHARED: usize = usize::MAX;

/// Ties HANDLE mentions to groups.
pub fn attach(
    doc: &Document,
    entities: &[Entity],
    forms: &[Form],
    of_entity: &mut [Option<usize>],
    groups: &mut [Group],
) {
    if !entities.iter().any(|e| e.label == Label::Handle) {
        return;
    }
    // Names spelt as a handle would be: "karenbass".
    let mut spelt: FastMap<u64, usize> = FastMap::default();
    let mut buf = String::new();
    for f in forms {
        if !matches!(f.label, Label::Person | Label::Org)
            || (f.label == Label::Person && f.words < 2)
        {
            continue;
        }
        let Some(g) = of_entity.get(f.entity).copied().flatten() else {
            continue;
        };
        squash(f.name.slice(doc.text), &mut buf);
        if buf.len() < 3 {
            continue;
        }
        let slot = spelt.entry(fingerprint(&buf)).or_insert(g);
        if *slot != g {
            *slot = SHARED;
        }
    }
    // Handles in brackets after a name first, so that an earlier mention
    // of the same handle finds its owner too.
    let paired_with = |i: usize, e: &Entity| {
        let (p, n) = i
            .checked_sub(1)
            .and_then(|p| entities.get(p).map(|n| (p, n)))?;
        let between = doc.text.get(n.span.end..e.span.start).unwrap_or("");
        (matches!(n.label, Label::Person | Label::Org) && between.trim() == "(").then_some(p)
    };
    let mut owner: FastMap<String, usize> = FastMap::default();
    for (i, e) in entities.iter().enumerate() {
        if e.label != Label::Handle {
            continue;
        }
        if let Some(g) = paired_with(i, e).and_then(|p| of_entity.get(p).copied().flatten()) {
            owner
                .entry(e.span.slice(doc.text).to_lowercase())
                .or_insert(g);
        }
    }
    for (i, e) in entities.iter().enumerate() {
        if e.label != Label::Handle {
            continue;
        }
        let text = e.span.slice(doc.text);
        let paired = paired_with(i, e).and_then(|p| of_entity.get(p).copied().flatten());
        let group = paired
            .or_else(|| owner.get(&text.to_lowercase()).copied())
            .or_else(|| {
                squash(text, &mut buf);
                let trimmed = buf.trim_end_matches(|c: char| c.is_ascii_digit());
                spelt
                    .get(&fingerprint(trimmed))
                    .copied()
                    .filter(|&g| g != SHARED)
            });
        let Some(g) = group else { continue };
        if let Some(slot) = of_entity.get_mut(i) {
            *slot = Some(g);
        }
        if let Some(group) = groups.get_mut(g) {
            let known = group
                .handles
                .iter()
                .any(|h| h.slice(doc.text).eq_ignore_ascii_case(text));
            if !known {
                group.handles.push(e.span);
            }
        }
    }
}

/// Letters and digits of `text`, lower case ("@Bill_Melugin" and "Bill
/// Melugin" → `billmelugin`).
fn squash(text: &str, out: &mut String) {
    out.clear();
    out.extend(
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
}
