//! Entity groups: which mentions name the same person, organisation or
//! place. "LA Mayor Karen Bass", "Mayor Bass", "Bass" and "BASS" are one
//! person; "Immigration and Customs Enforcement (ICE)" and "ICE" one agency;
//! "Los Angeles" and "LA" one city. Each name mention (PERSON, ORG, PLACE,
//! MISC) belongs to exactly one [`Group`]; groups are ranked by salience.
//!
//! The stages, one module each, all bucketed by keys (no comparison of all
//! pairs of mentions, so a 10 MB text stays linear):
//! - [`normalize`]: a lookup key per mention (case, possessive, "the" and
//!   titles set aside), the title before a person remembered as a role;
//!   mentions with one key form a node ([`nodes`]);
//! - [`abbreviations`]: a committed table of common abbreviations (LA,
//!   U.S., UK, NYC …) folded into the key;
//! - [`acronyms`]: an acronym and its expansion, in brackets or by initials;
//! - [`short_names`]: "the University", "Harrow" for the longer name;
//! - [`variants`]: probable misspellings, merged and flagged;
//! - [`people`]: surname or given name → full name, and the ambiguity rule;
//! - [`roles`]: titles kept as roles; "the mayor" → the one mayor;
//! - [`handles`]: "@handle" paired with its name;
//! - [`salience`]: the ranking.
//!
//! Architecture invariant: a group never mixes labels, and two people who
//! share a surname are never merged: a single name that could mean either
//! stays in a group of its own, marked `ambiguous`.

pub mod abbreviations;
pub mod acronyms;
pub mod handles;
pub mod nodes;
pub mod normalize;
pub mod people;
pub mod roles;
pub mod salience;
pub mod short_names;
pub mod variants;

use crate::attributions::Attribution;
use crate::entities::{Entity, Label};
use crate::span::Span;
use crate::text::Document;

/// One entity of the article with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The label of every mention in the group.
    pub label: Label,
    /// The fullest name as written ("Karen Bass"; titles, "the" and
    /// possessives left out).
    pub name: Span,
    /// Indices into the entity list of its name mentions, in text order.
    pub mentions: Vec<usize>,
    /// The first mention of every other surface form ("Bass", "BASS").
    pub aliases: Vec<Span>,
    /// Titles written before its names, one per role ("Mayor", "former
    /// Sen.").
    pub roles: Vec<Span>,
    /// Role nouns that refer to it ("the mayor"); not entities.
    pub role_mentions: Vec<Span>,
    /// Its social handles, first mention of each ("@BillMelugin_").
    pub handles: Vec<Span>,
    /// Forms that are probable misspellings ("McAurthur Park").
    pub variants: Vec<Span>,
    /// Indices of the attributions whose source is one of its mentions.
    pub statements: Vec<usize>,
    /// How central it is, in thousandths (see [`salience`]).
    pub salience: u16,
    /// Byte offset of its first mention (name or role noun).
    pub first: usize,
    /// True when its mentions are a single name that fits several people
    /// ("Trump" with "Donald Trump" and "Melania Trump").
    pub ambiguous: bool,
    /// For an ambiguous group, the groups it could be part of.
    pub candidates: Vec<usize>,
}

impl Group {
    fn new(label: Label, first: usize) -> Self {
        Group {
            label,
            name: Span::default(),
            mentions: Vec::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            role_mentions: Vec::new(),
            handles: Vec::new(),
            variants: Vec::new(),
            statements: Vec::new(),
            salience: 0,
            first,
            ambiguous: false,
            candidates: Vec::new(),
        }
    }
}

/// The groups of an article and the group of each entity mention.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouping {
    /// Groups, most salient first once [`Grouping::rank`] has run (in
    /// order of first mention before).
    pub groups: Vec<Group>,
    /// For each entity, its group's index: every name mention has one, a
    /// HANDLE paired with a name has that name's group, others have none.
    pub of_entity: Vec<Option<usize>>,
}

/// Decisions about single mentions that node sets cannot express.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// Per form: a node whose set the mention joins instead of its own (an
    /// ambiguous surname resolved by its title or its position).
    pub to: Vec<Option<usize>>,
    /// Nodes left on their own because they fit several people, with the
    /// nodes of those people.
    pub ambiguous: Vec<(usize, Vec<usize>)>,
}

/// Groups the name mentions of `entities` (in text order, as
/// [`crate::entities::recognise`] returns them). Groups come in order of
/// first mention, unranked: [`Grouping::rank`] adds sources and salience.
pub fn group(doc: &Document, entities: &[Entity]) -> Grouping {
    let forms = normalize::forms(doc, entities);
    let (nodes, node_of) = nodes::build(&forms);
    let mut sets = nodes::Sets::new(&nodes);
    let mut variant = vec![false; nodes.len()];
    acronyms::link(doc, entities, &forms, &node_of, &nodes, &mut sets);
    short_names::link(doc, &forms, &nodes, &mut sets);
    variants::link(doc, &forms, &nodes, &mut sets, &mut variant);
    let mut overrides = Overrides {
        to: vec![None; forms.len()],
        ambiguous: Vec::new(),
    };
    people::link(doc, &forms, &nodes, &node_of, &mut sets, &mut overrides);

    let mut groups: Vec<Group> = Vec::new();
    let mut of_entity: Vec<Option<usize>> = vec![None; entities.len()];
    let mut group_of_root: nodes::FastMap<usize, usize> = nodes::FastMap::default();
    // The form that names each group: (not a variant, words, not capitals).
    let mut best: Vec<(usize, (bool, usize, bool))> = Vec::new();
    for (k, f) in forms.iter().enumerate() {
        let own = node_of.get(k).copied().unwrap_or(0);
        let node = overrides.to.get(k).copied().flatten().unwrap_or(own);
        let root = sets.find(node);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            let start = entities
                .get(f.entity)
                .map_or(f.name.start, |e| e.span.start);
            groups.push(Group::new(f.label, start));
            best.push((k, (false, 0, false)));
            groups.len() - 1
        });
        let Some(group) = groups.get_mut(g) else {
            continue;
        };
        group.mentions.push(f.entity);
        if let Some(slot) = of_entity.get_mut(f.entity) {
            *slot = Some(g);
        }
        let is_variant = variant.get(own).copied().unwrap_or(false);
        let rank = (!is_variant, f.words, !f.caps);
        if let Some(b) = best.get_mut(g) {
            if rank > b.1 {
                *b = (k, rank);
            }
        }
        let text = entities.get(f.entity).map_or(f.name, |e| e.span);
        if is_variant {
            push_distinct(&mut group.variants, text, doc.text);
        }
        push_distinct(&mut group.aliases, text, doc.text);
    }
    for (group, (k, _)) in groups.iter_mut().zip(&best) {
        if let Some(f) = forms.get(*k) {
            group.name = f.name;
        }
        let name = group.name.slice(doc.text);
        group.aliases.retain(|a| a.slice(doc.text) != name);
    }
    for (node, candidates) in &overrides.ambiguous {
        let root = sets.find(*node);
        let Some(&g) = group_of_root.get(&root) else {
            continue;
        };
        let mut others: Vec<usize> = candidates
            .iter()
            .filter_map(|&c| group_of_root.get(&sets.find(c)).copied())
            .filter(|&c| c != g)
            .collect();
        others.sort_unstable();
        others.dedup();
        if let Some(group) = groups.get_mut(g) {
            group.ambiguous = true;
            group.candidates = others;
        }
    }
    roles::attach(doc, entities, &forms, &of_entity, &mut groups);
    handles::attach(doc, entities, &forms, &mut of_entity, &mut groups);
    for g in &mut groups {
        if let Some(r) = g.role_mentions.first() {
            g.first = g.first.min(r.start);
        }
    }
    Grouping { groups, of_entity }
}

/// Adds `span` unless a span with the same text is there.
fn push_distinct(list: &mut Vec<Span>, span: Span, text: &str) {
    let s = span.slice(text);
    if !list.iter().any(|x| x.slice(text) == s) {
        list.push(span);
    }
}

impl Grouping {
    /// Records which group each attribution's source names (by span
    /// overlap of the source, or of the name a pronoun source refers to,
    /// with a PERSON or ORG name or a role noun), scores salience and sorts
    /// the
    /// groups, most salient first (ties: first mention first).
    pub fn rank(&mut self, doc: &Document, entities: &[Entity], attributions: &[Attribution]) {
        // Sources are people and organisations ("protesters outside City
        // Hall" is not City Hall speaking).
        let mut spans: Vec<(Span, usize)> = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            if !matches!(group.label, Label::Person | Label::Org) {
                continue;
            }
            spans.extend(
                group
                    .mentions
                    .iter()
                    .filter_map(|&m| entities.get(m).map(|e| (e.span, g))),
            );
            spans.extend(group.role_mentions.iter().map(|&s| (s, g)));
        }
        spans.sort_unstable();
        let named = |source: Span| {
            let at = spans.partition_point(|(s, _)| s.end <= source.start);
            spans
                .get(at..)
                .unwrap_or(&[])
                .iter()
                .take_while(|(s, _)| s.start < source.end)
                .map(|&(_, g)| g)
                .next()
        };
        for (a, attribution) in attributions.iter().enumerate() {
            // The source as written, else the name a pronoun refers to.
            let hit = attribution
                .source
                .and_then(named)
                .or_else(|| attribution.resolved_source.and_then(named));
            if let Some(group) = hit.and_then(|g| self.groups.get_mut(g)) {
                group.statements.push(a);
            }
        }
        let scores = salience::scores(doc, entities, &self.groups);
        for (g, s) in self.groups.iter_mut().zip(scores) {
            g.salience = s;
        }
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by_key(|&g| {
            self.groups
                .get(g)
                .map(|x| (std::cmp::Reverse(x.salience), x.first))
        });
        self.reorder(&order);
    }

    /// Keeps the entities whose `keep` flag is set (a label filter) and the
    /// groups that still have a mention, renumbering both. Groups are made
    /// over all entities first, so filtering never changes what is grouped.
    pub fn retain(&mut self, keep: &[bool]) {
        let mut new_index = Vec::with_capacity(keep.len());
        let mut next = 0;
        for &k in keep {
            new_index.push(k.then_some(next));
            next += usize::from(k);
        }
        for g in &mut self.groups {
            g.mentions = g
                .mentions
                .iter()
                .filter_map(|&m| new_index.get(m).copied().flatten())
                .collect();
        }
        let order: Vec<usize> = (0..self.groups.len())
            .filter(|&g| self.groups.get(g).is_some_and(|x| !x.mentions.is_empty()))
            .collect();
        self.of_entity = self
            .of_entity
            .iter()
            .zip(keep)
            .filter(|(_, &k)| k)
            .map(|(&g, _)| g)
            .collect();
        self.reorder(&order);
    }

    /// Keeps the groups listed in `order`, in that order, and renumbers
    /// every reference to them.
    fn reorder(&mut self, order: &[usize]) {
        let mut new_id = vec![None; self.groups.len()];
        for (new, &old) in order.iter().enumerate() {
            if let Some(slot) = new_id.get_mut(old) {
                *slot = Some(new);
            }
        }
        let mut old_groups: Vec<Option<Group>> = std::mem::take(&mut self.groups)
            .into_iter()
            .map(Some)
            .collect();
        self.groups = order
            .iter()
            .filter_map(|&old| old_groups.get_mut(old).and_then(Option::take))
            .collect();
        for g in &mut self.groups {
            g.candidates = g
                .candidates
                .iter()
                .filter_map(|&c| new_id.get(c).copied().flatten())
                .collect();
        }
        for slot in &mut self.of_entity {
            *slot = slot.and_then(|g| new_id.get(g).copied().flatten());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attributions::{AttributionKind, Pattern};

    /// The entities marked in `text`: each `(needle, label)` is found after
    /// the previous one.
    fn mark(text: &str, marks: &[(&str, Label)]) -> Vec<Entity> {
        let mut at = 0;
        let mut out = Vec::new();
        for (needle, label) in marks {
            let start = at + text[at..].find(needle).expect(needle);
            out.push(Entity::new(Span::new(start, start + needle.len()), *label));
            at = start + needle.len();
        }
        out
    }

    /// The groups as lists of mention texts, in order of first mention.
    fn grouped(text: &str, marks: &[(&str, Label)]) -> Vec<Vec<String>> {
        let doc = Document::new(text);
        let entities = mark(text, marks);
        let g = group(&doc, &entities);
        g.groups
            .iter()
            .map(|grp| {
                grp.mentions
                    .iter()
                    .map(|&m| entities[m].span.slice(text).to_string())
                    .collect()
            })
            .collect()
    }

    fn run(text: &str, marks: &[(&str, Label)]) -> (Grouping, Vec<Entity>) {
        let doc = Document::new(text);
        let entities = mark(text, marks);
        (group(&doc, &entities), entities)
    }

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| s.slice(text).to_string()).collect()
    }

    use Label::{Handle, Org, Person, Place};

    #[test]
    fn a_double_surname_whole_halved_or_written_apart() {
        let text = "Ana Delgado-Ruiz chairs the board. Delgado-Ruiz voted no. \
                    Delgado Ruiz left early, and Delgado came back. Luis Ortiz stayed.";
        assert_eq!(
            grouped(
                text,
                &[
                    ("Ana Delgado-Ruiz", Person),
                    ("Delgado-Ruiz", Person),
                    ("Delgado Ruiz", Person),
                    ("Delgado", Person),
                    ("Luis Ortiz", Person),
                ]
            ),
            [
                vec![
                    "Ana Delgado-Ruiz",
                    "Delgado-Ruiz",
                    "Delgado Ruiz",
                    "Delgado"
                ],
                vec!["Luis Ortiz"]
            ]
        );
    }

    #[test]
    fn surname_title_caps_and_possessive_join_the_full_name() {
        let text = "LA Mayor Karen Bass defended the plan. Mayor Bass said the city \
                    would act. Bass's office agreed. BASS SAID NOTHING MORE. Karen smiled.";
        let (g, _) = run(
            text,
            &[
                ("Karen Bass", Person),
                ("Bass", Person),
                ("Bass's", Person),
                ("BASS", Person),
                ("Karen", Person),
            ],
        );
        assert_eq!(g.groups.len(), 1);
        let bass = &g.groups[0];
        assert_eq!(bass.name.slice(text), "Karen Bass");
        assert_eq!(bass.mentions, [0, 1, 2, 3, 4]);
        assert_eq!(
            texts(text, &bass.aliases),
            ["Bass", "Bass's", "BASS", "Karen"]
        );
        assert_eq!(texts(text, &bass.roles), ["Mayor"]);
        assert!(!bass.ambiguous);
    }

    #[test]
    fn a_surname_may_come_before_the_full_name() {
        let text = "Padilla arrived late. Sen. Alex Padilla then spoke.";
        assert_eq!(
            grouped(text, &[("Padilla", Person), ("Alex Padilla", Person)]),
            [["Padilla", "Alex Padilla"]]
        );
    }

    #[test]
    fn people_sharing_a_surname_are_never_merged() {
        let text = "Donald Trump spoke first. Trump said the talks went well. Melania Trump \
                    visited a school. Later Trump left.";
        let (g, _) = run(
            text,
            &[
                ("Donald Trump", Person),
                ("Trump", Person),
                ("Melania Trump", Person),
                ("Trump", Person),
            ],
        );
        // The first "Trump" was written before Melania Trump was introduced.
        assert_eq!(g.groups[0].mentions, [0, 1]);
        assert_eq!(g.groups[1].mentions, [2]);
        let last = &g.groups[2];
        assert_eq!(last.mentions, [3]);
        assert!(last.ambiguous);
        assert_eq!(last.candidates, [0, 1]);
        assert!(!g.groups[0].ambiguous && !g.groups[1].ambiguous);
    }

    #[test]
    fn a_title_tells_two_people_apart() {
        let text = "President Donald Trump and first lady Melania Trump arrived. \
                    President Trump waved. Mrs. Trump did not.";
        let (g, _) = run(
            text,
            &[
                ("Donald Trump", Person),
                ("Melania Trump", Person),
                ("Trump", Person),
                ("Trump", Person),
            ],
        );
        assert_eq!(g.groups[0].mentions, [0, 2], "President Trump is Donald");
        assert_eq!(g.groups[1].mentions, [1]);
        assert!(g.groups[2].ambiguous, "Mrs. Trump could be either");
    }

    #[test]
    fn middle_names_and_initials() {
        assert_eq!(
            grouped(
                "Donald J. Trump signed it. Donald Trump left.",
                &[("Donald J. Trump", Person), ("Donald Trump", Person)]
            )
            .len(),
            1
        );
        assert_eq!(
            grouped(
                "George W. Bush met George H. W. Bush and George Bush.",
                &[
                    ("George W. Bush", Person),
                    ("George H. W. Bush", Person),
                    ("George Bush", Person)
                ]
            )
            .len(),
            3,
            "two middle initials: two people, and the short form is not guessed"
        );
    }

    #[test]
    fn labels_are_never_merged() {
        let text = "Michael Jordan flew to Jordan. Jordan scored. Jordan's king met him.";
        let (g, entities) = run(
            text,
            &[
                ("Michael Jordan", Person),
                ("Jordan", Place),
                ("Jordan", Person),
                ("Jordan", Place),
            ],
        );
        for grp in &g.groups {
            assert!(grp.mentions.iter().all(|&m| entities[m].label == grp.label));
        }
        assert_eq!(g.groups.len(), 2);
        assert_eq!(g.groups[0].mentions, [0, 2]);
        assert_eq!(g.groups[1].mentions, [1, 3]);
    }

    #[test]
    fn acronyms_in_brackets_and_by_initials() {
        let text = "Immigration and Customs Enforcement (ICE) detained 40 people. ICE said \
                    more raids would follow. The U.S. Department of Homeland Security \
                    declined to comment; DHS oversees the agency.";
        assert_eq!(
            grouped(
                text,
                &[
                    ("Immigration and Customs Enforcement", Org),
                    ("ICE", Org),
                    ("ICE", Org),
                    ("U.S. Department of Homeland Security", Org),
                    ("DHS", Org),
                ]
            ),
            [
                vec!["Immigration and Customs Enforcement", "ICE", "ICE"],
                vec!["U.S. Department of Homeland Security", "DHS"],
            ]
        );
        // Two expansions with the same initials: the acronym stays alone.
        let text = "The Animal Control Unit and the Arts Council of Utah met; ACU said no.";
        assert_eq!(
            grouped(
                text,
                &[
                    ("Animal Control Unit", Org),
                    ("Arts Council of Utah", Org),
                    ("ACU", Org)
                ]
            )
            .len(),
            3
        );
    }

    #[test]
    fn common_abbreviations_from_the_table() {
        let text = "Los Angeles police said LA would hire more officers. The United States \
                    and the U.S. Congress, America and the UK agreed; Britain signed.";
        assert_eq!(
            grouped(
                text,
                &[
                    ("Los Angeles", Place),
                    ("LA", Place),
                    ("United States", Place),
                    ("U.S. Congress", Org),
                    ("America", Place),
                    ("UK", Place),
                    ("Britain", Place),
                ]
            ),
            [
                vec!["Los Angeles", "LA"],
                vec!["United States", "America"],
                vec!["U.S. Congress"],
                vec!["UK", "Britain"],
            ]
        );
    }

    #[test]
    fn misspellings_are_grouped_and_flagged() {
        let text = "Crowds filled MacArthur Park. Police cleared McAurthur Park at noon and \
                    MacArthur Park reopened.";
        let (g, _) = run(
            text,
            &[
                ("MacArthur Park", Place),
                ("McAurthur Park", Place),
                ("MacArthur Park", Place),
            ],
        );
        assert_eq!(g.groups.len(), 1);
        assert_eq!(g.groups[0].name.slice(text), "MacArthur Park");
        assert_eq!(texts(text, &g.groups[0].variants), ["McAurthur Park"]);
        // Two real given names are two people.
        assert_eq!(
            grouped(
                "Mark Kelly met Mary Kelly.",
                &[("Mark Kelly", Person), ("Mary Kelly", Person)]
            )
            .len(),
            2
        );
    }

    #[test]
    fn handles_join_their_names() {
        let text = "Video posted by @BillMelugin_ showed the crowd.\n\n— Bill Melugin \
                    (@BillMelugin_) June 8, 2025\n\nAnother post came from @KarenBass, \
                    said Karen Bass.";
        let (g, entities) = run(
            text,
            &[
                ("@BillMelugin_", Handle),
                ("Bill Melugin", Person),
                ("@BillMelugin_", Handle),
                ("@KarenBass", Handle),
                ("Karen Bass", Person),
            ],
        );
        let melugin = g.of_entity[1].expect("a group");
        assert_eq!(g.of_entity[0], Some(melugin), "the earlier mention too");
        assert_eq!(g.of_entity[2], Some(melugin));
        assert_eq!(texts(text, &g.groups[melugin].handles), ["@BillMelugin_"]);
        assert_eq!(
            g.groups[melugin].mentions,
            [1],
            "handles are not name mentions"
        );
        let bass = g.of_entity[4].expect("a group");
        assert_eq!(g.of_entity[3], Some(bass), "the handle spells the name");
        assert_eq!(entities[3].label, Handle);
    }

    #[test]
    fn role_nouns_link_to_the_one_holder() {
        let text = "Mayor Karen Bass met Police Chief Jim McDonnell. The mayor said the city \
                    would act, and the chief agreed. The mayor of Long Beach did not.";
        let (g, _) = run(text, &[("Karen Bass", Person), ("Jim McDonnell", Person)]);
        assert_eq!(texts(text, &g.groups[0].role_mentions), ["The mayor"]);
        assert_eq!(texts(text, &g.groups[1].role_mentions), ["the chief"]);
        // Before the name too; `first` counts role nouns.
        let text = "The mayor spoke first. Later, Mayor Karen Bass took questions.";
        let (g, _) = run(text, &[("Karen Bass", Person)]);
        assert_eq!(texts(text, &g.groups[0].role_mentions), ["The mayor"]);
        assert_eq!(g.groups[0].first, 0);
        // Two mayors: "the mayor" is nobody in particular.
        let text = "Mayor Karen Bass and Mayor Rex Richardson spoke. The mayor left.";
        let (g, _) = run(text, &[("Karen Bass", Person), ("Rex Richardson", Person)]);
        assert!(g.groups.iter().all(|x| x.role_mentions.is_empty()));
        // A former mayor holds no current title.
        let text = "Former Mayor Eric Garcetti spoke. The mayor was away.";
        let (g, _) = run(text, &[("Eric Garcetti", Person)]);
        assert!(g.groups[0].role_mentions.is_empty());
        assert_eq!(texts(text, &g.groups[0].roles), ["Former Mayor"]);
    }

    #[test]
    fn a_title_standing_for_a_name() {
        let text = "President Joe Biden signed the bill. The President of the United States \
                    then left.";
        assert_eq!(
            grouped(
                text,
                &[
                    ("Joe Biden", Person),
                    ("President of the United States", Person)
                ]
            )
            .len(),
            1
        );
    }

    #[test]
    fn shortened_organisation_names() {
        let text = "The Pennsylvania State University announced cuts. Penn State said the \
                    University would hire. The House of Representatives voted; the House \
                    adjourned.";
        assert_eq!(
            grouped(
                text,
                &[
                    ("Pennsylvania State University", Org),
                    ("Penn State", Org),
                    ("University", Org),
                    ("House of Representatives", Org),
                    ("House", Org),
                ]
            ),
            [
                vec!["Pennsylvania State University", "Penn State", "University"],
                vec!["House of Representatives", "House"],
            ]
        );
    }

    #[test]
    fn an_organisation_called_by_its_first_word() {
        // A distinctive first word joins; a place's name does not.
        let text = "Northwind Grocers Inc. cut prices. Shares of Northwind fell. Texas \
                    Instruments reported it; Texas won.";
        assert_eq!(
            grouped(
                text,
                &[
                    ("Northwind Grocers Inc.", Org),
                    ("Northwind", Org),
                    ("Texas Instruments", Org),
                    ("Texas", Org),
                ]
            ),
            [
                vec!["Northwind Grocers Inc.", "Northwind"],
                vec!["Texas Instruments"],
                vec!["Texas"],
            ]
        );
    }

    #[test]
    fn ranking_sources_and_label_filtering() {
        let text = "Bass wins vote\n\nThe council backed Karen Bass on Monday. “We did it,” \
                    Bass said. Ann Lee, who voted no, left early.";
        let doc = Document::new(text);
        let entities = mark(
            text,
            &[
                ("Bass", Person),
                ("Karen Bass", Person),
                ("Monday", Label::Date),
                ("Bass", Person),
                ("Ann Lee", Person),
            ],
        );
        let source = text.find("Bass said").unwrap_or(0);
        let quote = Attribution::new(
            AttributionKind::Direct,
            Span::new(0, 1),
            None,
            Some(Span::new(source, source + 4)),
            Pattern::DirectCued,
        );
        // "she said", resolved to the name it refers to.
        let she = text.find("who voted").unwrap_or(0);
        let mut pronoun = Attribution::new(
            AttributionKind::Indirect,
            Span::new(0, 1),
            None,
            Some(Span::new(she, she + 3)),
            Pattern::IndirectPostposed,
        );
        pronoun.resolved_source = Some(entities[4].span);
        let mut g = group(&doc, &entities);
        g.rank(&doc, &entities, &[quote, pronoun]);
        assert_eq!(g.groups[0].mentions, [0, 1, 3]);
        assert_eq!(g.groups[0].statements, [0]);
        assert_eq!(g.groups[1].statements, [1], "through the resolved pronoun");
        assert!(g.groups[0].salience > g.groups[1].salience);
        assert_eq!(g.of_entity, [Some(0), Some(0), None, Some(0), Some(1)]);
        // Keep only Ann Lee and the date: indices are renumbered.
        g.retain(&[false, false, true, false, true]);
        assert_eq!(g.groups.len(), 1);
        assert_eq!(g.groups[0].mentions, [1]);
        assert_eq!(g.of_entity, [None, Some(0)]);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in ["", "\u{0}", "é", "THE THE THE", "the mayor the mayor"] {
            let doc = Document::new(text);
            let g = group(&doc, &[]);
            assert!(g.groups.is_empty());
        }
        // Entities off character boundaries or past the end are ignored.
        let text = "é Bass";
        let doc = Document::new(text);
        let bad = [
            Entity::new(Span::new(1, 2), Person),
            Entity::new(Span::new(3, 99), Person),
            Entity::new(Span::new(5, 3), Org),
        ];
        let g = group(&doc, &bad);
        assert!(
            g.of_entity.iter().all(Option::is_some),
            "every name has a group"
        );
        // A name with no word in it is grouped by its text.
        let text = "#Tag and #Tag";
        let doc = Document::new(text);
        let g = group(&doc, &mark(text, &[("#Tag", Org), ("#Tag", Org)]));
        assert_eq!(g.groups.len(), 1);
        assert_eq!(g.groups[0].name.slice(text), "#Tag");
    }
}
