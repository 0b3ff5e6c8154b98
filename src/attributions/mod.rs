//! Source attributions: who said what.
//!
//! The pieces, each reusable by the fuller engine to come (indirect speech,
//! split and multi-paragraph quotes, social posts, anonymous sources):
//! - [`quotes`] pairs quotation marks into quotations, per paragraph;
//! - [`cues`] is the reporting-verb lexicon, with each verb's stance;
//! - [`source`] reads the source's mention next to a cue (names, pronouns,
//!   short noun phrases), with or without name entities;
//! - [`direct`] ties quotations to an adjacent cue and source;
//! - [`according_to`] handles `according to X`.
//!
//! [`find`] runs them and merges the results: sorted by content start, and
//! never the same content twice.

pub mod according_to;
pub mod cues;
pub mod direct;
pub mod lexicon;
pub mod quotes;
pub mod source;

use serde::{Deserialize, Serialize};

use crate::entities::Entity;
use crate::span::Span;
use crate::text::Document;

/// The kind of an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// Words in quotation marks attributed to a source.
    Direct,
    /// Reported speech without quotation marks: `X said (that) …`.
    Indirect,
    /// Reported speech containing a partial quote.
    Mixed,
    /// `according to X`, `X reports`, `per X`.
    AccordingTo,
    /// A social-media post pasted into the article, with its trailer.
    SocialPost,
}

/// One attribution: content, the cue that attributes it, and its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// What kind of attribution this is.
    pub kind: AttributionKind,
    /// The attributed content (for direct quotes: inside the marks).
    pub content: Span,
    /// The reporting verb or phrase (`said`, `according to`), if any.
    pub cue: Option<Span>,
    /// The source's mention (`Bass`, `a senior official`), if any.
    pub source: Option<Span>,
}

/// Finds the attributions in `doc`, using `entities` to recognise sources.
/// Returned in text order of their content (longer first on ties); they may
/// nest, but no two share the same content span.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Attribution> {
    let ctx = source::Ctx::new(doc, entities);
    let quotes = quotes::pair(doc);
    let mut direct = direct::attribute(&ctx, &quotes);
    let mut out = Vec::with_capacity(direct.len());
    for found in according_to::find(&ctx, &quotes) {
        match found.quote {
            // `According to Bass, "…"`: the quote takes the cue and source.
            Some(qi) => match direct
                .binary_search_by_key(&qi, |(i, _)| *i)
                .ok()
                .and_then(|k| direct.get_mut(k))
            {
                Some((_, a)) if a.cue.is_none() => {
                    a.cue = found.attribution.cue;
                    a.source = found.attribution.source;
                }
                Some(_) => {}
                None => out.push(Attribution {
                    kind: AttributionKind::Direct,
                    ..found.attribution
                }),
            },
            None => out.push(found.attribution),
        }
    }
    out.extend(direct.drain(..).map(|(_, a)| a));
    // Same content: keep the best-informed attribution.
    out.sort_by_key(|a| {
        (
            a.content.start,
            std::cmp::Reverse(a.content.end),
            a.cue.is_none(),
            a.source.is_none(),
        )
    });
    out.dedup_by_key(|a| a.content);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Label;

    /// `(kind, content, cue, source)` for every attribution, as text.
    type Row = (AttributionKind, String, Option<String>, Option<String>);

    fn rows_with(text: &str, entities: &[Entity]) -> Vec<Row> {
        let doc = Document::new(text);
        find(&doc, entities)
            .iter()
            .map(|a| {
                (
                    a.kind,
                    doc.slice(a.content).to_string(),
                    a.cue.map(|s| doc.slice(s).to_string()),
                    a.source.map(|s| doc.slice(s).to_string()),
                )
            })
            .collect()
    }

    fn rows(text: &str) -> Vec<Row> {
        rows_with(text, &[])
    }

    fn direct(content: &str, cue: &str, source: &str) -> Row {
        (
            AttributionKind::Direct,
            content.into(),
            Some(cue.into()),
            Some(source.into()),
        )
    }

    fn uncued(content: &str) -> Row {
        (AttributionKind::Direct, content.into(), None, None)
    }

    fn according(content: &str, source: &str) -> Row {
        (
            AttributionKind::AccordingTo,
            content.into(),
            Some("according to".into()),
            Some(source.into()),
        )
    }

    /// The span of `needle` in `text` as a PERSON entity.
    fn person(text: &str, needle: &str) -> Entity {
        let start = text.find(needle).unwrap();
        Entity::new(Span::new(start, start + needle.len()), Label::Person)
    }

    #[test]
    fn source_after_quote() {
        assert_eq!(
            rows("“We will hold the line,” Bass said."),
            [direct("We will hold the line,", "said", "Bass")]
        );
        assert_eq!(
            rows("\"The fire is not contained yet,\" the mayor said Tuesday."),
            [direct(
                "The fire is not contained yet,",
                "said",
                "the mayor"
            )]
        );
        assert_eq!(
            rows("“Nobody told us anything,” she said."),
            [direct("Nobody told us anything,", "said", "she")]
        );
        assert_eq!(
            rows("“We were never warned about the flooding” Bass told reporters."),
            [direct(
                "We were never warned about the flooding",
                "told",
                "Bass"
            )]
        );
        assert_eq!(
            rows("“Are we safe here?” a resident asked."),
            [direct("Are we safe here?", "asked", "a resident")]
        );
        assert_eq!(
            rows("“The road stays closed,” a spokesperson for the department said in a statement."),
            [direct(
                "The road stays closed,",
                "said",
                "a spokesperson for the department"
            )]
        );
    }

    #[test]
    fn verb_before_source() {
        assert_eq!(
            rows("“We will rebuild,” said Bass."),
            [direct("We will rebuild,", "said", "Bass")]
        );
        assert_eq!(
            rows("“We will rebuild,” said Karen Bass, the mayor of Los Angeles."),
            [direct("We will rebuild,", "said", "Karen Bass")]
        );
        assert_eq!(
            rows("“It is too early to tell,” added the fire chief."),
            [direct(
                "It is too early to tell,",
                "added",
                "the fire chief"
            )]
        );
    }

    #[test]
    fn cue_before_quote() {
        assert_eq!(
            rows("Bass said: “We will hold the line.”"),
            [direct("We will hold the line.", "said", "Bass")]
        );
        assert_eq!(
            rows("Bass said, \"We will hold the line.\""),
            [direct("We will hold the line.", "said", "Bass")]
        );
        assert_eq!(
            rows("The governor told CNN on Sunday: “The state will pay.”"),
            [direct("The state will pay.", "told", "The governor")]
        );
        assert_eq!(
            rows("Karen Bass, the mayor of Los Angeles, wrote: “Stay home tonight.”"),
            [direct("Stay home tonight.", "wrote", "Karen Bass")]
        );
    }

    #[test]
    fn titles_and_entities() {
        // Without entities, the title is stripped from the capitalised run.
        assert_eq!(
            rows("“We are ready,” Mayor Karen Bass said."),
            [direct("We are ready,", "said", "Karen Bass")]
        );
        assert_eq!(
            rows("Los Angeles Police Chief Jim McDonnell said: “Stay away from the area.”"),
            [direct("Stay away from the area.", "said", "Jim McDonnell")]
        );
        // With entities, the PERSON span is the source.
        let text = "“We are ready,” said Mayor Karen Bass of Los Angeles.";
        assert_eq!(
            rows_with(text, &[person(text, "Karen Bass")]),
            [direct("We are ready,", "said", "Karen Bass")]
        );
        let text = "“The curfew holds,” the mayor, Karen Bass, said.";
        assert_eq!(
            rows_with(text, &[person(text, "Karen Bass")]),
            [direct("The curfew holds,", "said", "the mayor")]
        );
    }

    #[test]
    fn tenses_and_stances() {
        for verb in [
            "says",
            "said",
            "added",
            "explained",
            "insisted",
            "claimed",
            "argued",
            "admitted",
            "acknowledged",
            "denied",
            "warned",
            "stated",
            "noted",
            "continued",
            "replied",
            "recalled",
            "wrote",
            "tweeted",
            "posted",
        ] {
            let text = format!("“The numbers do not add up,” Bass {verb}.");
            assert_eq!(
                rows(&text),
                [direct("The numbers do not add up,", verb, "Bass")],
                "{verb}"
            );
        }
        assert_eq!(
            rows("“We will be back,” she would later say."),
            [direct("We will be back,", "say", "she")]
        );
        assert_eq!(
            rows("“Nothing was hidden,” Bass has repeatedly insisted."),
            [direct("Nothing was hidden,", "insisted", "Bass")]
        );
        assert_eq!(
            rows("“The data is wrong,” Bass pointed out."),
            [direct("The data is wrong,", "pointed out", "Bass")]
        );
    }

    #[test]
    fn news_variants() {
        // Congressional style: party and state in brackets, then an aside.
        assert_eq!(
            rows("“The vote was rigged,” Rep. Jane Doe (D-Calif.), a member of the panel, said."),
            [direct("The vote was rigged,", "said", "Jane Doe")]
        );
        assert_eq!(
            rows("“We object,” Sen. John Roe, R-Ky., said Tuesday."),
            [direct("We object,", "said", "John Roe")]
        );
        // A paragraph ending in a colon introduces the next paragraph's quote.
        assert_eq!(
            rows("The chief continued:\n\n“We will find whoever did this.”"),
            [direct(
                "We will find whoever did this.",
                "continued",
                "The chief"
            )]
        );
        // Inverted verb at the start of a sentence.
        assert_eq!(
            rows("Said Bass: “Nobody is above the law.”"),
            [direct("Nobody is above the law.", "Said", "Bass")]
        );
        // Coordinated verbs share their subject.
        assert_eq!(
            rows("I laughed and said, “You cannot be serious.”"),
            [direct("You cannot be serious.", "said", "I")]
        );
        // A participle hangs on the main verb's source.
        assert_eq!(
            rows("Bass said no more, adding: “The rest is up to the council.”"),
            [direct("The rest is up to the council.", "adding", "Bass")]
        );
        // A noun in -ing after a determiner.
        assert_eq!(
            rows("“A state cannot ignore its voters,” said the ruling."),
            [direct(
                "A state cannot ignore its voters,",
                "said",
                "the ruling"
            )]
        );
        // A dash trailer names the source without a cue.
        assert_eq!(
            rows("“We deserve better than this.” — Jane Doe, 34, of Pasadena"),
            [(
                AttributionKind::Direct,
                "We deserve better than this.".into(),
                None,
                Some("Jane Doe".into())
            )]
        );
        // Titles of shows are not the words of whoever follows.
        assert!(rows("On “Face the Nation,” Bass said the city would recover.").is_empty());
        assert!(rows("Bass told “Fox News Sunday” that the city would recover.").is_empty());
        assert!(rows("Bass said on CBS's “Face the Nation.”").is_empty());
    }

    #[test]
    fn split_quote_halves_share_the_cue() {
        assert_eq!(
            rows("“We will,” she said, “hold the line.”"),
            [
                direct("We will,", "said", "she"),
                direct("hold the line.", "said", "she")
            ]
        );
    }

    #[test]
    fn quotes_without_cues() {
        // Speech without an adjacent cue: reported without cue or source.
        assert_eq!(
            rows("“Get out now. The water is rising.” The warning came too late."),
            [uncued("Get out now. The water is rising.")]
        );
        assert_eq!(
            rows("Bass spoke first. “We will hold the line,” she said. “Nobody leaves.”"),
            [
                direct("We will hold the line,", "said", "she"),
                uncued("Nobody leaves.")
            ]
        );
        // Scare quotes and titles are not attributions.
        assert!(rows("They rejected the so-called “plan” on Monday.").is_empty());
        assert!(rows("He called the report “fake news.”").is_empty());
        assert!(rows("The band played “Born in the USA” twice.").is_empty());
        assert!(rows("Officials dubbed it \"Operation Safe Streets\" last year.").is_empty());
    }

    #[test]
    fn reported_speech_after_a_quote_does_not_claim_it() {
        // A new sentence of indirect speech after a closed quote.
        assert_eq!(
            rows("“We are done.” Bass said the team would leave on Friday."),
            [uncued("We are done.")]
        );
        // A short quote inside a clause is not tied to the next verb.
        assert!(rows("The “plan” Bass said would work failed.").is_empty());
        assert!(rows("Bass said the “plan” would work.").is_empty());
        // Passive: the subject is the addressee, not the source.
        assert_eq!(
            rows("She was told: “You cannot stay here tonight.”"),
            [uncued("You cannot stay here tonight.")]
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            rows("Police say the man fled on foot, according to police."),
            [according("Police say the man fled on foot", "police")]
        );
        assert_eq!(
            rows("According to police, the man fled on foot."),
            [(
                AttributionKind::AccordingTo,
                "the man fled on foot".into(),
                Some("According to".into()),
                Some("police".into())
            )]
        );
        assert_eq!(
            rows("The man fled on foot, according to the Los Angeles Police Department."),
            [according(
                "The man fled on foot",
                "Los Angeles Police Department"
            )]
        );
        assert_eq!(
            rows("The curfew ends at dawn, according to a statement from the mayor's office."),
            [according("The curfew ends at dawn", "the mayor's office")]
        );
        assert_eq!(
            rows("The man, according to witnesses, fled on foot."),
            [according(
                "The man, according to witnesses, fled on foot",
                "witnesses"
            )]
        );
        // Content that is exactly a quotation becomes the quote's attribution.
        assert_eq!(
            rows("According to Bass, “the city is safe.”"),
            [(
                AttributionKind::Direct,
                "the city is safe.".into(),
                Some("According to".into()),
                Some("Bass".into())
            )]
        );
    }

    #[test]
    fn nested_quotes() {
        // An inner quotation without a cue of its own is left to the outer.
        assert_eq!(
            rows("“They put a ‘keep out’ sign on the door,” she said."),
            [direct(
                "They put a ‘keep out’ sign on the door,",
                "said",
                "she"
            )]
        );
        // With its own cue it is reported too.
        assert_eq!(
            rows("“Then he told me, ‘Get out of my house,’ and I left,” she said."),
            [
                direct(
                    "Then he told me, ‘Get out of my house,’ and I left,",
                    "said",
                    "she"
                ),
                direct("Get out of my house,", "told", "he"),
            ]
        );
    }

    #[test]
    fn unclosed_quotes_stay_in_their_paragraph() {
        let text =
            "“We will not leave our homes,\n\nOfficials said the roads were open.\n\nThe end.";
        assert_eq!(rows(text), [uncued("We will not leave our homes,")]);
        // A quotation continuing into the next paragraph (news style).
        let text =
            "“The first thing we saw was smoke.\n\n“Then the fire came over the hill,” she said.";
        assert_eq!(
            rows(text),
            [
                uncued("The first thing we saw was smoke."),
                direct("Then the fire came over the hill,", "said", "she")
            ]
        );
    }

    #[test]
    fn messy_text() {
        assert_eq!(
            rows("“We are so proud 🎉🔥,” she posted.\r\n\r\n“Thank you!” he replied."),
            [
                direct("We are so proud 🎉🔥,", "posted", "she"),
                direct("Thank you!", "replied", "he")
            ]
        );
        assert_eq!(
            rows("“WE WILL NOT BACK DOWN,” BASS SAID."),
            [direct("WE WILL NOT BACK DOWN,", "SAID", "BASS")]
        );
        assert!(rows("").is_empty());
        assert!(rows("\"").is_empty());
        assert!(rows("“”").is_empty());
    }

    #[test]
    fn output_is_sorted_and_unique() {
        let text = "According to Bass, “the city is safe,” she said. “We stay.” Police said: “Go.”";
        let doc = Document::new(text);
        let found = find(&doc, &[]);
        for pair in found.windows(2) {
            assert!(pair[0].content.start <= pair[1].content.start);
            assert_ne!(pair[0].content, pair[1].content);
        }
    }

    /// Random texts built from the pieces attribution rules look at; every
    /// result must be well formed.
    #[test]
    fn never_panics_and_spans_are_well_formed() {
        const PIECES: &[&str] = &[
            "\"",
            "“",
            "”",
            "'",
            "‘",
            "’",
            "«",
            "»",
            " ",
            " ",
            " ",
            "said",
            "Bass",
            "she",
            "the",
            "mayor",
            "according",
            "to",
            ",",
            ".",
            ":",
            "?",
            "(",
            ")",
            "—",
            "\n",
            "\r\n\r\n",
            "🎉",
            "é",
            "told",
            "reporters",
            "Mayor",
            "of",
            "and",
            "a",
            "spokesperson",
            "for",
            "We",
            "will",
            "hold",
            "'s",
            "officials",
            "was",
            "adding",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut total = 0;
        for _ in 0..3000 {
            let len = (next() % 60) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let doc = Document::new(&text);
            let found = find(&doc, &[]);
            total += found.len();
            for pair in found.windows(2) {
                assert!(pair[0].content.start <= pair[1].content.start, "{text:?}");
                assert_ne!(pair[0].content, pair[1].content, "{text:?}");
            }
            for a in &found {
                let spans = [Some(a.content), a.cue, a.source];
                for s in spans.into_iter().flatten() {
                    assert!(s.start < s.end && s.end <= text.len(), "{text:?} {a:?}");
                    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }
        assert!(total > 0, "the generator should produce some attributions");
    }

    #[test]
    fn a_megabyte_line_of_quote_marks_is_fast() {
        let unit = "“We will,” she said, \"and 'they' won't\" \" ";
        let text = unit.repeat(1_000_000 / unit.len());
        let start = std::time::Instant::now();
        let doc = Document::new(&text);
        let found = find(&doc, &[]);
        assert!(!found.is_empty());
        // Linear: well under a second even in a debug build.
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }
}
