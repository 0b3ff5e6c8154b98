//! What kind of source a mention is: a named person or organisation, an
//! anonymous source, a group, a document, the speaker themself, or a
//! pronoun still to resolve.
//!
//! Read from the mention's words: a name entity decides first (PERSON →
//! named person; ORG, PLACE (a government speaking) and MISC → named
//! organisation, or group for a plural like `Democrats`); then the head noun
//! (the last word before a complement: `a spokesperson [for the city]`) is
//! looked up in the team's lexicons below; a capitalised run with no entity
//! is a name (an organisation when it holds an organisation word or is an
//! acronym). A definite description of one body or office-holder (`the
//! teachers' union`, `the campaign`, `the mayor`) is typed as the named
//! organisation or person it stands for: it is specific, not anonymous.
//! Anything else is `unknown`.

use serde::Serialize;

use super::lexicon::*;
use super::source::Ctx;
use crate::entities::Label;
use crate::span::Span;

/// The type of a source. Serialised in snake case; `FirstPerson` as
/// `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    /// A person named in the text (`Karen Bass`), or a pronoun resolved to
    /// one.
    NamedPerson,
    /// A named organisation, government or outlet (`the Justice
    /// Department`, `CNN`).
    NamedOrg,
    /// An unnamed source (`a senior official`, `people familiar with the
    /// matter`, `a spokesperson`).
    Anonymous,
    /// A group of people (`residents`, `critics`, `Democrats`).
    Group,
    /// A document or record (`the report`, `a statement`, `the lawsuit`).
    Document,
    /// The speaker or writer themself (`I`, `we` in an interview).
    #[serde(rename = "self")]
    FirstPerson,
    /// A third-person or relative pronoun (`she`, `who`) not resolved to a
    /// named mention.
    Pronoun,
    /// A description the lexicons do not type (`the mayor`, `the company`).
    Unknown,
}

/// Types the source mention `span`.
pub fn classify(ctx: &Ctx, span: Span) -> SourceType {
    let first_token = ctx.token_at(span.start);
    let last_token = ctx.token_at(span.end).saturating_sub(1).max(first_token);
    if first_token == last_token {
        let w = ctx.word(first_token);
        if is_one_of(w, &["i", "we", "me", "us"]) {
            return SourceType::FirstPerson;
        }
        if is_one_of(
            w,
            &[
                "he", "she", "they", "it", "him", "her", "them", "who", "which",
            ],
        ) {
            return SourceType::Pronoun;
        }
        if w.eq_ignore_ascii_case("you") {
            return SourceType::Unknown;
        }
        // `One wrote that …`, `Another said …`: one of a crowd, unnamed.
        if is_one_of(w, &["one", "another", "someone", "somebody"]) {
            return SourceType::Anonymous;
        }
    }
    // The head: the last word before a complement preposition.
    let mut head_token = last_token;
    for i in first_token + 1..=last_token {
        if is_one_of(
            ctx.word(i),
            &["of", "for", "from", "at", "with", "in", "on", "close"],
        ) {
            // `two of the officials`: a quantity's head is what it counts.
            let counted = ctx.word(i).eq_ignore_ascii_case("of")
                && i == first_token + 1
                && (ctx.kind(first_token) == Some(crate::text::TokenKind::Number)
                    || is_one_of(
                        ctx.word(first_token),
                        &[
                            "one", "two", "three", "four", "five", "six", "several", "some",
                            "many", "most", "all", "both", "few", "none", "each", "dozens",
                        ],
                    ));
            if !counted {
                head_token = i - 1;
            }
            break;
        }
    }
    // A participle after the head modifies it: `a complaint filed [last
    // month]`, `the documents obtained [by the paper]`.
    if head_token > first_token
        && is_one_of(
            ctx.word(head_token),
            &[
                "filed",
                "released",
                "published",
                "obtained",
                "issued",
                "seen",
                "reviewed",
                "signed",
                "sent",
                "submitted",
                "posted",
                "made",
                "prepared",
                "commissioned",
                "cited",
                "quoted",
            ],
        )
    {
        head_token -= 1;
    }
    let head = ctx.word(head_token);
    // (The head token's classes, looked up when `Ctx` was built.)
    let head_classes = ctx.text_classes(head_token);
    if let Some(label) = ctx.label_of(span) {
        return match label {
            Label::Person => SourceType::NamedPerson,
            Label::Misc if head.ends_with('s') && head_classes.has(GROUP_NOUN) => SourceType::Group,
            Label::Handle => SourceType::NamedPerson,
            _ => SourceType::NamedOrg,
        };
    }
    if head_classes.has(DOCUMENT_NOUN) {
        return SourceType::Document;
    }
    if head_classes.has(ANONYMOUS_NOUN) || text_is_anonymous(ctx, first_token, last_token) {
        return SourceType::Anonymous;
    }
    if head_classes.has(GROUP_NOUN) || is_people_plural(ctx, head_token) {
        return SourceType::Group;
    }
    // A definite description of one organisation or office-holder: `the
    // teachers' union`, `the campaign`, `the mayor`. Specific, if unnamed.
    // (A possessive makes it definite too: `Okonjo's office`, `the
    // county's clerk`.)
    let definite = is_one_of(
        ctx.word(first_token),
        &["the", "his", "her", "their", "its"],
    ) || (first_token..head_token).any(|i| ctx.is_possessive(i));
    if definite && is_lowercase(head) {
        if head_classes.has(ORG_WORD)
            || is_one_of(
                head,
                &[
                    "company",
                    "firm",
                    "city",
                    "state",
                    "county",
                    "district",
                    "network",
                    "paper",
                    "newspaper",
                    "outlet",
                    "station",
                    "team",
                    "club",
                    "church",
                    "school",
                    "bank",
                    "league",
                    "venue",
                    "federation",
                    "airline",
                    "panel",
                    "retailer",
                    "studio",
                    "startup",
                    "platform",
                    "broadcaster",
                    "publisher",
                    "agency",
                    "utility",
                    "museum",
                ],
            )
        {
            return SourceType::NamedOrg;
        }
        // Offices the title list (which also reads names: `Mayor Bass`)
        // leaves out.
        if head_classes.has(TITLE)
            || is_one_of(
                head,
                &[
                    "clerk",
                    "treasurer",
                    "auditor",
                    "comptroller",
                    "controller",
                    "manager",
                    "prosecutor",
                    "coroner",
                    "warden",
                    "principal",
                    "administrator",
                    // Family: `her daughter`, `his widow`.
                    "daughter",
                    "son",
                    "wife",
                    "husband",
                    "mother",
                    "father",
                    "sister",
                    "brother",
                    "widow",
                    "widower",
                    "spouse",
                    "partner",
                    "niece",
                    "nephew",
                    "granddaughter",
                    "grandson",
                ],
            )
        {
            return SourceType::NamedPerson;
        }
    }
    let capitalised = (first_token..=head_token).all(|i| {
        let w = ctx.word(i);
        is_capitalised(w)
            || is_one_of(
                w,
                &[
                    "of", "the", "and", "&", "'s", "’s", "for", "de", "van", "von",
                ],
            )
            || !ctx.is_word(i)
    }) && is_capitalised(head);
    if capitalised {
        let org = (first_token..=head_token).any(|i| ctx.text_classes(i).has(ORG_WORD))
            || is_acronym(head)
            || ctx.text_classes(first_token).has(DETERMINER);
        return if org {
            SourceType::NamedOrg
        } else {
            SourceType::NamedPerson
        };
    }
    SourceType::Unknown
}

/// True for an acronym such as `CNN`, `FBI`, `U.N.`.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// `people familiar with`, `a person close to`, `those briefed on`: a vague
/// head with a telltale word after it.
fn text_is_anonymous(ctx: &Ctx, first: usize, last: usize) -> bool {
    let vague = (first..=last).any(|i| {
        is_one_of(
            ctx.word(i),
            &[
                "people",
                "person",
                "someone",
                "those",
                "individuals",
                "one",
                "two",
                "three",
            ],
        )
    });
    let telltale = (first..=last + 2).any(|i| {
        is_one_of(
            ctx.word(i),
            &[
                "familiar",
                "close",
                "knowledge",
                "knowledgeable",
                "briefed",
                "involved",
                "anonymity",
            ],
        )
    });
    vague && telltale
}

/// A plural noun for people that the group list leaves out, in lower case
/// or capitalised only by its sentence's start: `meteorologists`,
/// `Pediatricians`, `forecasters`.
fn is_people_plural(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    let sentence_start = ctx
        .doc
        .sentences
        .binary_search_by_key(&i, |s| s.tokens.start)
        .is_ok();
    if !(is_lowercase(w) || sentence_start && is_capitalised(w)) {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    ["ists", "ians"]
        .iter()
        .any(|suffix| lower.len() > suffix.len() + 3 && lower.ends_with(suffix))
        || is_one_of(
            w,
            &[
                "forecasters",
                "firefighters",
                "commuters",
                "passengers",
                "shoppers",
                "customers",
                "consumers",
                "tenants",
                "homeowners",
                "patients",
                "villagers",
                "locals",
                "migrants",
                "refugees",
                "veterans",
                "reporters",
                "readers",
                "viewers",
                "users",
                "followers",
                "officers",
                "agents",
                "soldiers",
                "troops",
            ],
        )
}

/// Head nouns of unnamed sources. Written by the team from news style
/// guides' treatment of anonymous sourcing.
pub fn is_anonymous_noun(word: &str) -> bool {
    classes(word).has(ANONYMOUS_NOUN)
}

/// Head nouns of groups of people speaking together.
pub fn is_group_noun(word: &str) -> bool {
    classes(word).has(GROUP_NOUN)
}

/// Head nouns of documents and records that "say" things.
pub fn is_document_noun(word: &str) -> bool {
    classes(word).has(DOCUMENT_NOUN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entity;
    use crate::text::Document;

    fn type_of(text: &str, mention: &str, entities: &[(&str, Label)]) -> SourceType {
        let doc = Document::new(text);
        let ents: Vec<Entity> = entities
            .iter()
            .map(|(n, l)| {
                let s = text.find(n).unwrap();
                Entity::new(Span::new(s, s + n.len()), *l)
            })
            .collect();
        let ctx = Ctx::new(&doc, &ents);
        let s = text.find(mention).unwrap();
        classify(&ctx, Span::new(s, s + mention.len()))
    }

    #[test]
    fn types_of_sources() {
        assert_eq!(
            type_of(
                "Ruth Adler said",
                "Ruth Adler",
                &[("Ruth Adler", Label::Person)]
            ),
            SourceType::NamedPerson
        );
        assert_eq!(
            type_of("Ruth Adler said", "Ruth Adler", &[]),
            SourceType::NamedPerson
        );
        assert_eq!(
            type_of(
                "the Tacoma Water Department said",
                "Tacoma Water Department",
                &[]
            ),
            SourceType::NamedOrg
        );
        assert_eq!(type_of("FEMA said", "FEMA", &[]), SourceType::NamedOrg);
        assert_eq!(
            type_of("a senior official said", "a senior official", &[]),
            SourceType::Anonymous
        );
        assert_eq!(
            type_of(
                "people familiar with the matter said",
                "people familiar with the matter",
                &[]
            ),
            SourceType::Anonymous
        );
        assert_eq!(
            type_of(
                "a spokesperson for the city said",
                "a spokesperson for the city",
                &[]
            ),
            SourceType::Anonymous
        );
        assert_eq!(
            type_of("residents said", "residents", &[]),
            SourceType::Group
        );
        assert_eq!(type_of("Critics said", "Critics", &[]), SourceType::Group);
        assert_eq!(
            type_of("the report said", "the report", &[]),
            SourceType::Document
        );
        assert_eq!(
            type_of("a statement said", "a statement", &[]),
            SourceType::Document
        );
        assert_eq!(type_of("I said", "I", &[]), SourceType::FirstPerson);
        assert_eq!(type_of("she said", "she", &[]), SourceType::Pronoun);
        // Definite descriptions stand for the person or body they name.
        assert_eq!(
            type_of("the mayor said", "the mayor", &[]),
            SourceType::NamedPerson
        );
        assert_eq!(
            type_of("the teachers' union said", "the teachers' union", &[]),
            SourceType::NamedOrg
        );
        assert_eq!(
            type_of("the ruling said", "the ruling", &[]),
            SourceType::Document
        );
        assert_eq!(
            type_of("the idea was", "the idea", &[]),
            SourceType::Unknown
        );
    }

    #[test]
    fn possessives_offices_and_participles() {
        // A possessive is as definite as `the`.
        assert_eq!(
            type_of("Okonjo's office said", "Okonjo's office", &[]),
            SourceType::NamedOrg
        );
        assert_eq!(
            type_of(
                "the county's prosecutor said",
                "the county's prosecutor",
                &[]
            ),
            SourceType::NamedPerson
        );
        assert_eq!(
            type_of("the city clerk said", "the city clerk", &[]),
            SourceType::NamedPerson
        );
        // A participle after the head does not hide it.
        assert_eq!(
            type_of(
                "a complaint filed last month said",
                "a complaint filed",
                &[]
            ),
            SourceType::Document
        );
        assert_eq!(
            type_of("the audit's authors wrote", "the audit's authors", &[]),
            SourceType::Group
        );
        assert_eq!(
            type_of(
                "a person with knowledge of the case said",
                "a person with knowledge of the case",
                &[]
            ),
            SourceType::Anonymous
        );
        // An office-holder without `the` or a possessive is no one in
        // particular.
        assert_eq!(type_of("a clerk said", "a clerk", &[]), SourceType::Unknown);
        // Quantities, family, people, one of a crowd.
        assert_eq!(
            type_of("two of the aides said", "two of the aides", &[]),
            SourceType::Anonymous
        );
        assert_eq!(
            type_of("her daughter said", "her daughter", &[]),
            SourceType::NamedPerson
        );
        assert_eq!(
            type_of("Meteorologists said", "Meteorologists", &[]),
            SourceType::Group
        );
        assert_eq!(type_of("One wrote", "One", &[]), SourceType::Anonymous);
        assert_eq!(
            type_of("the league said", "the league", &[]),
            SourceType::NamedOrg
        );
    }
}
