//! The output contract: an [`Analysis`] with offsets in a chosen unit and the
//! text of every span, ready to serialise (JSON for the CLI, JS objects for
//! the wasm API). The TypeScript types in `src/wasm.rs` and the README
//! describe the same shape; keep the three in step.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::attributions::{AttributionKind, SourceType, Stance};
use crate::entities::Label;
use crate::span::Span;
use crate::text::{OffsetMap, OffsetUnit};

/// A converted span with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpanView<'t> {
    /// Start offset, in the report's unit.
    pub start: usize,
    /// End offset (exclusive), in the report's unit.
    pub end: usize,
    /// The text under the span.
    pub text: &'t str,
}

/// An entity mention as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityView<'t> {
    /// Start offset, in the report's unit.
    pub start: usize,
    /// End offset (exclusive), in the report's unit.
    pub end: usize,
    /// The entity label.
    pub label: Label,
    /// The mention's text.
    pub text: &'t str,
    /// Index into `groups` of the entity this mentions, or `null` (DATE,
    /// MONEY … and unpaired handles have none).
    pub group: Option<usize>,
}

/// An attribution as reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributionView<'t> {
    /// `direct`, `indirect`, `mixed`, `according_to` or `social_post`.
    pub kind: AttributionKind,
    /// The attributed content (the cover of `content_parts`).
    pub content: SpanView<'t>,
    /// The content's pieces (one unless a quote is split or runs over
    /// several paragraphs).
    pub content_parts: Vec<SpanView<'t>>,
    /// The reporting verb or phrase, or `null`.
    pub cue: Option<SpanView<'t>>,
    /// The source mention as written, or `null`.
    pub source: Option<SpanView<'t>>,
    /// `named_person`, `named_org`, `anonymous`, `group`, `document`,
    /// `self`, `pronoun` (unresolved) or `unknown`; `null` without a source.
    pub source_type: Option<SourceType>,
    /// For a pronoun source, the named mention it refers to, or `null`.
    pub resolved_source: Option<SpanView<'t>>,
    /// The cue's stance: `neutral`, `assertive`, `concessive`, `negative`,
    /// `written`, `question` or `belief`.
    pub stance: Stance,
    /// A hedge on the attribution (`reportedly`), or `null`.
    pub hedge: Option<SpanView<'t>>,
    /// Heuristic confidence in `0..=1`, rounded to two decimals (as an
    /// `f64`, so JSON and JS numbers read the same: `0.88`, not
    /// `0.8799999952316284`).
    pub confidence: f64,
    /// Index into `groups` of the person or organisation the source names
    /// (directly or through `resolved_source`), or `null`.
    pub source_group: Option<usize>,
    /// The trailer of a social post (`social_post` only), or `null`.
    pub post: Option<PostView<'t>>,
}

// `confidence` is never NaN, so equality is reflexive.
impl Eq for AttributionView<'_> {}

/// The trailer parts of a pasted social post; each may be `null`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PostView<'t> {
    /// The author's display name.
    pub author: Option<SpanView<'t>>,
    /// The author's handle (`@name`).
    pub handle: Option<SpanView<'t>>,
    /// The posting date as written.
    pub date: Option<SpanView<'t>>,
    /// The post's link.
    pub link: Option<SpanView<'t>>,
}

/// A claim hedged without a source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HedgedClaimView<'t> {
    /// The claim (its sentence).
    pub content: SpanView<'t>,
    /// The hedge (`reportedly`, `is said to`).
    pub hedge: SpanView<'t>,
}

/// A salience score in thousandths, reported as a number in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Salience(pub u16);

impl Serialize for Salience {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(f64::from(self.0) / 1000.0)
    }
}

/// An entity group as reported: one person, organisation or place with
/// all its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupView<'t> {
    /// Its index in `groups` (groups are sorted by salience, highest first).
    pub id: usize,
    /// The label of all its mentions.
    pub label: Label,
    /// The fullest name as written ("Karen Bass").
    pub name: &'t str,
    /// Its other surface forms, in order of appearance ("Bass", "BASS").
    pub aliases: Vec<&'t str>,
    /// Indices into `entities` of its name mentions.
    pub mentions: Vec<usize>,
    /// Titles written before its names ("Mayor", "former Sen.").
    pub roles: Vec<&'t str>,
    /// Role nouns that refer to it ("the mayor"); not in `entities`.
    pub role_mentions: Vec<SpanView<'t>>,
    /// Its social handles ("@BillMelugin_").
    pub handles: Vec<&'t str>,
    /// Surface forms that are probable misspellings ("McAurthur Park").
    pub variants: Vec<&'t str>,
    /// Indices into `attributions` of what it is the source of.
    pub statements: Vec<usize>,
    /// How central it is to the article, 0 to 1.
    pub salience: Salience,
    /// Offset of its first mention (name or role noun).
    pub first: usize,
    /// True when it is a single name that fits several people; see
    /// `candidates`.
    pub ambiguous: bool,
    /// For an ambiguous group, the ids of the groups it could belong to.
    pub candidates: Vec<usize>,
}

/// Everything reported for one text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report<'t> {
    /// Lede's version.
    pub version: &'static str,
    /// The unit of every offset in this report.
    pub offsets: OffsetUnit,
    /// Entity mentions in text order.
    pub entities: Vec<EntityView<'t>>,
    /// Attributions in text order.
    pub attributions: Vec<AttributionView<'t>>,
    /// Claims hedged without a source, in text order.
    pub hedged_claims: Vec<HedgedClaimView<'t>>,
    /// Entity groups, most salient first.
    pub groups: Vec<GroupView<'t>>,
    /// Sentences, when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SpanView<'t>>>,
    /// Tokens, when requested.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<SpanView<'t>>>,
}

impl<'t> Report<'t> {
    /// Converts `analysis` of `text` to offsets in `unit`.
    pub fn new(text: &'t str, analysis: &Analysis, unit: OffsetUnit) -> Self {
        let map = OffsetMap::new(text, unit);
        let view = |s: Span| SpanView {
            start: map.to_unit(s.start),
            end: map.to_unit(s.end),
            text: s.slice(text),
        };
        let optional =
            |spans: &[Span]| (!spans.is_empty()).then(|| spans.iter().map(|&s| view(s)).collect());
        let texts = |spans: &[Span]| spans.iter().map(|s| s.slice(text)).collect();
        let group_of = |i: usize| analysis.entity_groups.get(i).copied().flatten();
        // The group each attribution's source names.
        let mut source_group = vec![None; analysis.attributions.len()];
        for (g, group) in analysis.groups.iter().enumerate() {
            for &a in &group.statements {
                if let Some(slot) = source_group.get_mut(a) {
                    *slot = Some(g);
                }
            }
        }
        Report {
            version: crate::VERSION,
            offsets: unit,
            entities: analysis
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityView {
                    start: map.to_unit(e.span.start),
                    end: map.to_unit(e.span.end),
                    label: e.label,
                    text: e.span.slice(text),
                    group: group_of(i),
                })
                .collect(),
            attributions: analysis
                .attributions
                .iter()
                .enumerate()
                .map(|(i, a)| AttributionView {
                    kind: a.kind,
                    content: view(a.content),
                    content_parts: a.content_parts.iter().map(|&p| view(p)).collect(),
                    cue: a.cue.map(view),
                    source: a.source.map(view),
                    source_type: a.source_type,
                    resolved_source: a.resolved_source.map(view),
                    stance: a.stance,
                    hedge: a.hedge.map(view),
                    confidence: (f64::from(a.confidence) * 100.0).round() / 100.0,
                    post: a.post.map(|p| PostView {
                        author: p.author.map(view),
                        handle: p.handle.map(view),
                        date: p.date.map(view),
                        link: p.link.map(view),
                    }),
                    source_group: source_group.get(i).copied().flatten(),
                })
                .collect(),
            groups: analysis
                .groups
                .iter()
                .enumerate()
                .map(|(id, g)| GroupView {
                    id,
                    label: g.label,
                    name: g.name.slice(text),
                    aliases: texts(&g.aliases),
                    mentions: g.mentions.clone(),
                    roles: texts(&g.roles),
                    role_mentions: g.role_mentions.iter().map(|&s| view(s)).collect(),
                    handles: texts(&g.handles),
                    variants: texts(&g.variants),
                    statements: g.statements.clone(),
                    salience: Salience(g.salience),
                    first: map.to_unit(g.first),
                    ambiguous: g.ambiguous,
                    candidates: g.candidates.clone(),
                })
                .collect(),
            hedged_claims: analysis
                .hedged_claims
                .iter()
                .map(|c| HedgedClaimView {
                    content: view(c.content),
                    hedge: view(c.hedge),
                })
                .collect(),
            sentences: optional(&analysis.sentences),
            tokens: optional(&analysis.tokens),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyse, Options};

    #[test]
    fn offsets_follow_the_unit() {
        let text = "🤨 see example.org";
        let analysis = analyse(text, &Options::default());
        let bytes = Report::new(text, &analysis, OffsetUnit::Bytes);
        let utf16 = Report::new(text, &analysis, OffsetUnit::Utf16);
        let cps = Report::new(text, &analysis, OffsetUnit::CodePoints);
        assert_eq!((bytes.entities[0].start, bytes.entities[0].end), (9, 20));
        assert_eq!((utf16.entities[0].start, utf16.entities[0].end), (7, 18));
        assert_eq!((cps.entities[0].start, cps.entities[0].end), (6, 17));
        assert_eq!(cps.entities[0].text, "example.org");
    }
}
