//! Data-driven tests: annotated example articles in `tests/examples/*.txt`.
//!
//! Each file is an article written by the team with inline markup:
//!
//! - `[Karen Bass](PERSON)` — an entity mention and its label;
//! - `{We will hold the line}(direct 1)` — the content of attribution 1 and its
//!   kind (`direct`, `indirect`, `mixed`, `according_to`, `social_post`);
//!   several content markups with the same number are the parts of a split
//!   or multi-paragraph quote;
//! - `{said}(cue 1)` and `{[Bass](PERSON)}(source 1)` — its cue and source.
//!
//! Optional, checked only where written:
//! - `key=value` after the number of a content markup: `source_type`
//!   (`named_person`, `anonymous`, `self`, …) and `stance` (`assertive`, …),
//!   e.g. `{…}(indirect 2 source_type=anonymous stance=negative)`;
//! - `{Karen Bass}(resolved 1)` — the named mention a pronoun source refers
//!   to; `{reportedly}(hedge 1)` — a hedge on attribution 1;
//! - `{…}(author 1)`, `(handle 1)`, `(date 1)`, `(link 1)` — a social post's
//!   trailer parts;
//! - `{…}(claim 9)` with `{reportedly}(hedge 9)` — a hedged claim without a
//!   source (a number used by no attribution). Hedged claims are always
//!   compared: the analysis must report exactly those annotated.
//!
//! Markup nests. `\[`, `\]`, `\{`, `\}` and `\\` are literal characters.
//! Lines starting with `#` are comments and are removed with their line
//! break; `#! labels: DATE TIME` restricts the entity comparison to those
//! labels and `#! attributions: off` skips the attribution comparison.
//!
//! Entity groups are checked by directives over mention texts (entities
//! that carry a group, handles included, and role nouns such as "the
//! mayor"):
//! - `#! group: Karen Bass | Bass | BASS | the mayor` — one group has
//!   exactly these texts;
//! - `#! separate: Donald Trump | Melania Trump` — no group holds two of
//!   these texts;
//! - `#! ambiguous: Trump` — the mentions with this text are in a group
//!   marked ambiguous.
//!
//! `EXAMPLES=21 cargo test --test examples` runs only the files whose name
//! contains `21`.
//!
//! The harness strips the markup, analyses the plain text and requires the
//! entities and attributions to match exactly. A failure prints both sides
//! as markup, so a regression reads like the article. A new bug becomes a new
//! example file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use lede::{analyse, Analysis, AttributionKind, Label, Options, Span};

/// One attribution as annotated: kind, content (its parts), cue, source.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    kind: Option<String>,
    content: Option<Span>,
    parts: Vec<Span>,
    cue: Option<Span>,
    source: Option<Span>,
}

/// The optional details of an annotated attribution (checked when set).
#[derive(Clone, Debug, Default)]
struct Details {
    source_type: Option<String>,
    stance: Option<String>,
    resolved: Option<Span>,
    hedge: Option<Span>,
    author: Option<Span>,
    handle: Option<Span>,
    date: Option<Span>,
    link: Option<Span>,
    /// A hedged claim's content (`claim N`).
    claim: Option<Span>,
}

/// An example file after parsing.
struct Example {
    text: String,
    entities: Vec<(Span, Label)>,
    attributions: BTreeMap<u32, Expected>,
    details: BTreeMap<u32, Details>,
    labels: Option<Vec<Label>>,
    check_attributions: bool,
    /// Group directives, in file order.
    groups: Vec<GroupCheck>,
}

/// A group directive.
#[derive(Clone, Debug, PartialEq, Eq)]
enum GroupCheck {
    /// These texts are exactly one group.
    Together(Vec<String>),
    /// No group holds two of these texts.
    Apart(Vec<String>),
    /// This text's group is marked ambiguous.
    Ambiguous(String),
}

fn texts_of(value: &str) -> Vec<String> {
    value
        .split('|')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn parse(source: &str) -> Result<Example, String> {
    let mut text = String::new();
    let mut entities = Vec::new();
    let mut attributions: BTreeMap<u32, Expected> = BTreeMap::new();
    let mut details: BTreeMap<u32, Details> = BTreeMap::new();
    let mut labels = None;
    let mut check_attributions = true;
    let mut groups = Vec::new();
    // Open brackets: (kind of bracket, start offset in the plain text).
    let mut open: Vec<(char, usize)> = Vec::new();

    let mut body = String::new();
    for line in source.split_inclusive('\n') {
        if let Some(directive) = line.strip_prefix("#!") {
            let (key, value) = directive
                .split_once(':')
                .ok_or_else(|| format!("bad directive: {line:?}"))?;
            match key.trim() {
                "labels" => {
                    let parsed: Result<Vec<Label>, String> = value
                        .split_whitespace()
                        .map(|l| Label::parse(l).ok_or_else(|| format!("unknown label {l}")))
                        .collect();
                    labels = Some(parsed?);
                }
                "attributions" => check_attributions = value.trim() != "off",
                "group" => groups.push(GroupCheck::Together(texts_of(value))),
                "separate" => groups.push(GroupCheck::Apart(texts_of(value))),
                "ambiguous" => groups.push(GroupCheck::Ambiguous(value.trim().to_string())),
                other => return Err(format!("unknown directive {other:?}")),
            }
        } else if !line.starts_with('#') {
            body.push_str(line);
        }
    }

    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let escaped = chars.next().ok_or("dangling backslash")?;
                text.push(escaped);
            }
            '[' | '{' => open.push((c, text.len())),
            ']' | '}' => {
                let (bracket, start) = open
                    .pop()
                    .ok_or_else(|| format!("unmatched {c:?} at {:?}", tail(&text)))?;
                if (bracket == '[') != (c == ']') {
                    return Err(format!(
                        "mismatched {bracket:?} and {c:?} at {:?}",
                        tail(&text)
                    ));
                }
                if chars.next() != Some('(') {
                    return Err(format!("expected '(' after {c:?} at {:?}", tail(&text)));
                }
                let mut tag = String::new();
                for t in chars.by_ref() {
                    if t == ')' {
                        break;
                    }
                    tag.push(t);
                }
                let span = Span::new(start, text.len());
                if bracket == '[' {
                    let label =
                        Label::parse(tag.trim()).ok_or_else(|| format!("unknown label {tag:?}"))?;
                    entities.push((span, label));
                } else {
                    let mut words = tag.split_whitespace();
                    let (Some(role), Some(id)) = (words.next(), words.next()) else {
                        return Err(format!("expected `role N` in {tag:?}"));
                    };
                    let id: u32 = id
                        .parse()
                        .map_err(|_| format!("bad attribution number in {tag:?}"))?;
                    let detail = details.entry(id).or_default();
                    for pair in words {
                        match pair.split_once('=') {
                            Some(("source_type", v)) => detail.source_type = Some(v.to_string()),
                            Some(("stance", v)) => detail.stance = Some(v.to_string()),
                            _ => return Err(format!("unknown attribute {pair:?} in {tag:?}")),
                        }
                    }
                    match role {
                        "resolved" => detail.resolved = Some(span),
                        "hedge" => detail.hedge = Some(span),
                        "author" => detail.author = Some(span),
                        "handle" => detail.handle = Some(span),
                        "date" => detail.date = Some(span),
                        "link" => detail.link = Some(span),
                        "claim" => detail.claim = Some(span),
                        "cue" => attributions.entry(id).or_default().cue = Some(span),
                        "source" => attributions.entry(id).or_default().source = Some(span),
                        kind => {
                            let entry = attributions.entry(id).or_default();
                            entry.kind = Some(kind.to_string());
                            entry.parts.push(span);
                            entry.parts.sort();
                            entry.content = entry
                                .parts
                                .first()
                                .zip(entry.parts.last())
                                .map(|(f, l)| Span::new(f.start, l.end));
                        }
                    }
                }
            }
            _ => text.push(c),
        }
    }
    if let Some((bracket, _)) = open.pop() {
        return Err(format!("unclosed {bracket:?}"));
    }
    // A hedged claim's number belongs to no attribution.
    attributions.retain(|id, a| {
        a.content.is_some()
            || a.cue.is_some()
            || a.source.is_some()
            || details.get(id).is_none_or(|d| d.claim.is_none())
    });
    for (id, a) in &attributions {
        if a.content.is_none() {
            return Err(format!(
                "attribution {id} has a cue or source but no content"
            ));
        }
    }
    entities.sort();
    Ok(Example {
        text,
        entities,
        attributions,
        details,
        labels,
        check_attributions,
        groups,
    })
}

/// Checks the group directives against `analysis`; problems are appended.
fn check_groups(text: &str, analysis: &Analysis, checks: &[GroupCheck], problems: &mut String) {
    // Every grouped mention (entities that carry a group, handles
    // included, and role nouns): (text, group).
    let mut mentions: Vec<(&str, usize)> = Vec::new();
    for (e, g) in analysis.entities.iter().zip(&analysis.entity_groups) {
        if let Some(g) = g {
            mentions.push((e.span.slice(text), *g));
        }
    }
    for (g, group) in analysis.groups.iter().enumerate() {
        for r in &group.role_mentions {
            mentions.push((r.slice(text), g));
        }
    }
    let groups_of = |t: &str| {
        let mut v: Vec<usize> = mentions
            .iter()
            .filter(|(x, _)| *x == t)
            .map(|&(_, g)| g)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let describe = |g: usize| {
        let mut texts: Vec<&str> = Vec::new();
        for &(t, x) in &mentions {
            if x == g && !texts.contains(&t) {
                texts.push(t);
            }
        }
        let ambiguous = analysis.groups.get(g).is_some_and(|x| x.ambiguous);
        format!(
            "{{{}}}{}",
            texts.join(" | "),
            if ambiguous { " (ambiguous)" } else { "" }
        )
    };
    for check in checks {
        match check {
            GroupCheck::Together(texts) => {
                let mut all: Vec<usize> = texts.iter().flat_map(|t| groups_of(t)).collect();
                all.sort_unstable();
                all.dedup();
                let mut wanted: Vec<&str> = texts.iter().map(String::as_str).collect();
                wanted.sort_unstable();
                let exact = all.iter().any(|g| {
                    let mut got: Vec<&str> = mentions
                        .iter()
                        .filter(|&&(_, x)| x == *g)
                        .map(|&(t, _)| t)
                        .collect();
                    got.sort_unstable();
                    got.dedup();
                    got == wanted
                });
                if !exact {
                    let found: Vec<String> = all.iter().map(|&g| describe(g)).collect();
                    let _ = writeln!(
                        problems,
                        "group {{{}}} expected; found {}",
                        texts.join(" | "),
                        if found.is_empty() {
                            "no such mention".to_string()
                        } else {
                            found.join(", ")
                        }
                    );
                }
            }
            GroupCheck::Apart(texts) => {
                for (i, a) in texts.iter().enumerate() {
                    for b in texts.iter().skip(i + 1) {
                        let (ga, gb) = (groups_of(a), groups_of(b));
                        if ga.is_empty() || gb.is_empty() {
                            let _ = writeln!(problems, "separate: no mention {a:?} or {b:?}");
                        } else if let Some(g) = ga.iter().find(|g| gb.contains(g)) {
                            let _ = writeln!(
                                problems,
                                "{a:?} and {b:?} must be apart; grouped in {}",
                                describe(*g)
                            );
                        }
                    }
                }
            }
            GroupCheck::Ambiguous(t) => {
                let gs = groups_of(t);
                let marked = gs
                    .iter()
                    .any(|&g| analysis.groups.get(g).is_some_and(|x| x.ambiguous));
                if !marked {
                    let found: Vec<String> = gs.iter().map(|&g| describe(g)).collect();
                    let _ = writeln!(
                        problems,
                        "{t:?} should be ambiguous; found {}",
                        found.join(", ")
                    );
                }
            }
        }
    }
}

fn tail(text: &str) -> &str {
    let cut = text.char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    &text[cut..]
}

fn kind_name(kind: AttributionKind) -> &'static str {
    match kind {
        AttributionKind::Direct => "direct",
        AttributionKind::Indirect => "indirect",
        AttributionKind::Mixed => "mixed",
        AttributionKind::AccordingTo => "according_to",
        AttributionKind::SocialPost => "social_post",
    }
}

/// Renders entity spans as inline markup over `text`, for readable failures.
fn render_entities(text: &str, entities: &[(Span, Label)]) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for (span, label) in entities {
        if span.start < pos {
            continue;
        }
        out.push_str(&text[pos..span.start]);
        let _ = write!(out, "[{}]({})", span.slice(text), label.as_str());
        pos = span.end;
    }
    out.push_str(&text[pos..]);
    out
}

fn describe(text: &str, a: &Expected) -> String {
    let show = |s: Option<Span>| s.map_or("—".to_string(), |s| format!("{:?}", s.slice(text)));
    let content = if a.parts.len() > 1 {
        a.parts
            .iter()
            .map(|&p| show(Some(p)))
            .collect::<Vec<_>>()
            .join(" + ")
    } else {
        show(a.content)
    };
    format!(
        "{} content={} cue={} source={}",
        a.kind.as_deref().unwrap_or("?"),
        content,
        show(a.cue),
        show(a.source)
    )
}

fn check(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let example = parse(&source)?;
    let analysis = analyse(&example.text, &Options::default());
    let mut problems = String::new();

    let wanted = |l: Label| example.labels.as_ref().is_none_or(|ls| ls.contains(&l));
    let expected: Vec<(Span, Label)> = example
        .entities
        .iter()
        .copied()
        .filter(|(_, l)| wanted(*l))
        .collect();
    let got: Vec<(Span, Label)> = analysis
        .entities
        .iter()
        .map(|e| (e.span, e.label))
        .filter(|(_, l)| wanted(*l))
        .collect();
    if expected != got {
        let _ = writeln!(
            problems,
            "entities differ.\n  expected: {}\n  got:      {}",
            render_entities(&example.text, &expected).replace('\n', "\n            "),
            render_entities(&example.text, &got).replace('\n', "\n            ")
        );
        for e in expected.iter().filter(|e| !got.contains(e)) {
            let _ = writeln!(
                problems,
                "  missing: [{}]({})",
                e.0.slice(&example.text),
                e.1.as_str()
            );
        }
        for e in got.iter().filter(|e| !expected.contains(e)) {
            let _ = writeln!(
                problems,
                "  extra:   [{}]({})",
                e.0.slice(&example.text),
                e.1.as_str()
            );
        }
    }

    if example.check_attributions {
        let mut expected: Vec<Expected> = example.attributions.values().cloned().collect();
        let mut got: Vec<Expected> = analysis
            .attributions
            .iter()
            .map(|a| Expected {
                kind: Some(kind_name(a.kind).to_string()),
                content: Some(a.content),
                parts: a.content_parts.clone(),
                cue: a.cue,
                source: a.source,
            })
            .collect();
        expected.sort();
        got.sort();
        if expected != got {
            let _ = writeln!(problems, "attributions differ.");
            for a in expected.iter().filter(|a| !got.contains(a)) {
                let _ = writeln!(problems, "  missing: {}", describe(&example.text, a));
            }
            for a in got.iter().filter(|a| !expected.contains(a)) {
                let _ = writeln!(problems, "  extra:   {}", describe(&example.text, a));
            }
        }
        check_details(&example, &analysis, &mut problems);
    }
    check_groups(&example.text, &analysis, &example.groups, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The serialised name of an enum value (`"named_person"` → `named_person`).
fn name_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}

/// Checks the optional details written in the example: source types,
/// stances, resolved pronouns, hedges, post trailers, and hedged claims.
fn check_details(example: &Example, analysis: &lede::Analysis, problems: &mut String) {
    let text = &example.text;
    let show = |s: Option<Span>| s.map_or("—".to_string(), |s| format!("{:?}", s.slice(text)));
    for (id, want) in &example.attributions {
        let Some(d) = example.details.get(id) else {
            continue;
        };
        let Some(a) = analysis
            .attributions
            .iter()
            .find(|a| Some(a.content) == want.content && a.content_parts == want.parts)
        else {
            continue; // Already reported as missing.
        };
        let mut differ = |what: &str, want: String, got: String| {
            if want != got {
                let _ = writeln!(
                    problems,
                    "attribution {id} ({}): {what} expected {want}, got {got}",
                    show(Some(a.content))
                );
            }
        };
        if let Some(t) = &d.source_type {
            differ(
                "source_type",
                t.clone(),
                a.source_type.map_or("null".into(), |t| name_of(&t)),
            );
        }
        if let Some(st) = &d.stance {
            differ("stance", st.clone(), name_of(&a.stance));
        }
        if d.resolved.is_some() {
            differ("resolved", show(d.resolved), show(a.resolved_source));
        }
        if d.hedge.is_some() {
            differ("hedge", show(d.hedge), show(a.hedge));
        }
        let post = a.post.unwrap_or_default();
        for (what, want, got) in [
            ("author", d.author, post.author),
            ("handle", d.handle, post.handle),
            ("date", d.date, post.date),
            ("link", d.link, post.link),
        ] {
            if want.is_some() {
                differ(what, show(want), show(got));
            }
        }
    }
    let mut want_claims: Vec<(Span, Option<Span>)> = example
        .details
        .values()
        .filter_map(|d| d.claim.map(|c| (c, d.hedge)))
        .collect();
    let mut got_claims: Vec<(Span, Option<Span>)> = analysis
        .hedged_claims
        .iter()
        .map(|c| (c.content, Some(c.hedge)))
        .collect();
    want_claims.sort();
    got_claims.sort();
    if want_claims != got_claims {
        let _ = writeln!(problems, "hedged claims differ.");
        for (c, h) in want_claims.iter().filter(|c| !got_claims.contains(c)) {
            let _ = writeln!(problems, "  missing: {} hedge={}", show(Some(*c)), show(*h));
        }
        for (c, h) in got_claims.iter().filter(|c| !want_claims.contains(c)) {
            let _ = writeln!(problems, "  extra:   {} hedge={}", show(Some(*c)), show(*h));
        }
    }
}

#[test]
fn annotated_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples");
    // `EXAMPLES=2` runs only the files whose name contains `2`.
    let only = std::env::var("EXAMPLES").ok();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/examples exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| {
            only.as_deref().is_none_or(|o| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(o))
            })
        })
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 5 || only.is_some(),
        "expected the example articles in {}",
        dir.display()
    );
    let mut failures = String::new();
    for path in &paths {
        if let Err(e) = check(path) {
            let _ = writeln!(
                failures,
                "\n=== {}\n{e}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) failed:{failures}",
        failures.matches("\n=== ").count()
    );
}

#[test]
fn markup_parser() {
    let ex = parse("# comment\n#! labels: PERSON\n“{Hi}(direct 1),” {said}(cue 1) {[Ann \\[A\\] Lee](PERSON)}(source 1).\n")
        .expect("parses");
    assert_eq!(ex.text, "“Hi,” said Ann [A] Lee.\n");
    assert_eq!(ex.entities.len(), 1);
    assert_eq!(ex.entities[0].0.slice(&ex.text), "Ann [A] Lee");
    let a = &ex.attributions[&1];
    assert_eq!(a.kind.as_deref(), Some("direct"));
    assert_eq!(a.content.map(|s| s.slice(&ex.text)), Some("Hi"));
    assert_eq!(a.source.map(|s| s.slice(&ex.text)), Some("Ann [A] Lee"));
    assert_eq!(ex.labels, Some(vec![Label::Person]));
    let ex = parse("#! group: Karen Bass | Bass\n#! separate: A | B\n#! ambiguous: Trump\nx\n")
        .expect("parses");
    assert_eq!(
        ex.groups,
        [
            GroupCheck::Together(vec!["Karen Bass".into(), "Bass".into()]),
            GroupCheck::Apart(vec!["A".into(), "B".into()]),
            GroupCheck::Ambiguous("Trump".into()),
        ]
    );
    assert!(parse("[x](NOPE)").is_err());
    assert!(parse("{x}(cue 1)").is_err());
    assert!(parse("[x").is_err());
}
