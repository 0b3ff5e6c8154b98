//! Roles: the titles written before a person's names ("Mayor" in "LA Mayor
//! Karen Bass") are kept on the person's group, and a role noun ("the
//! mayor", "The Secretary") is linked to the one person holding that title
//! in the article.
//!
//! Role nouns are not entities (the entity layer holds names), so they are
//! reported as the group's `role_mentions`: spans from "the" to the end of
//! the title. A role noun is linked only when exactly one person carries
//! that title (a "former" title does not count), and not when a name or
//! "of" follows it ("the mayor of Chicago" may be someone else).

use super::nodes::{FastMap, FastSet};
use super::normalize::{may_start_title, role_key, Form};
use super::people::role_of;
use super::Group;
use crate::entities::names::titles::{self, TitleKind};
use crate::entities::{Entity, Label};
use crate::span::Span;
use crate::text::{Document, TokenKind};

/// Marks a title held by more than one group.
const SHARED: usize = usize::MAX;
/// Keeps head-word keys apart from whole-title keys in one map.
const HEAD: u64 = 0x5bd1_e995_5bd1_e995;

/// Records the titles of every person group (as written, one per role)
/// and links role nouns to their holders.
pub fn attach(
    doc: &Document,
    entities: &[Entity],
    forms: &[Form],
    of_entity: &[Option<usize>],
    groups: &mut [Group],
) {
    let mut holders: FastMap<u64, usize> = FastMap::default();
    let mut seen: FastSet<(usize, u64, bool)> = FastSet::default();
    for f in forms.iter().filter(|f| f.label == Label::Person) {
        let (Some(title), Some(g)) = (f.title, of_entity.get(f.entity).copied().flatten()) else {
            continue;
        };
        if title.kind == TitleKind::Honorific {
            continue;
        }
        if seen.insert((g, title.role, title.former)) {
            if let Some(group) = groups.get_mut(g) {
                group.roles.push(title.span);
            }
        }
        if let Some(role) = role_of(f) {
            for key in [Some(role), title.head.map(|h| h ^ HEAD)]
                .into_iter()
                .flatten()
            {
                let holder = holders.entry(key).or_insert(g);
                if *holder != g {
                    *holder = SHARED;
                }
            }
        }
    }
    if holders.is_empty() {
        return;
    }
    let mut cursor = 0;
    for (t, token) in doc.tokens.iter().enumerate() {
        if token.span.len() != 3
            || !doc.token_text(t).eq_ignore_ascii_case("the")
            || !may_start_title(doc.token_text(t + 1))
        {
            continue;
        }
        let words = (t + 1..(t + 1 + titles::MAX_TITLE_WORDS).min(doc.tokens.len()))
            .map(|k| doc.token_text(k));
        let Some(m) = titles::title_at(words) else {
            continue;
        };
        if m.kind == TitleKind::Honorific {
            continue;
        }
        let title = doc.tokens_span(t + 1..t + 1 + m.words);
        // Not inside a name ("The President's Council").
        while entities
            .get(cursor)
            .is_some_and(|e| e.span.end <= title.start)
        {
            cursor += 1;
        }
        if entities.get(cursor).is_some_and(|e| e.span.overlaps(title)) {
            continue;
        }
        let next = t + 1 + m.words;
        let next_text = doc.token_text(next);
        let followed_by_name = doc.tokens.get(next).is_some_and(|k| {
            k.kind == TokenKind::Word && next_text.chars().next().is_some_and(char::is_uppercase)
        });
        if followed_by_name || next_text.eq_ignore_ascii_case("of") {
            continue;
        }
        // The title as written ("the police chief"), or the head of one
        // ("the chief" for "Police Chief Jim McDonnell").
        let role = role_key(title.slice(doc.text).split_whitespace());
        let Some(&g) = holders.get(&role).or_else(|| holders.get(&(role ^ HEAD))) else {
            continue;
        };
        if let Some(group) = groups.get_mut(g) {
            group
                .role_mentions
                .push(Span::new(token.span.start, title.end));
        }
    }
}
