//! One name mention in comparable form: the words of the name once a
//! leading "the", a trailing possessive and (for people) titles are set
//! aside, folded to one lookup key so that "BASS", "Bass" and "Bass's"
//! compare equal, plus the title written before a person's name ("Mayor
//! Karen Bass"), remembered as a role.

use std::ops::Range;
use std::sync::OnceLock;

use super::abbreviations;
use super::nodes::{FastMap, FastSet};
use crate::entities::names::lexicon::{self, fingerprint, Key};
use crate::entities::names::titles::{self, TitleKind};
use crate::entities::{Entity, Label};
use crate::span::Span;
use crate::text::{Document, Gap, TokenKind};

/// A title written before a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Title {
    /// The title as written, with a "former" before it ("former Mayor").
    pub span: Span,
    /// Fingerprint of the title's canonical form (`sen.` and `senator`
    /// agree), for comparing roles.
    pub role: u64,
    /// Fingerprint of the title's head word when a role noun may use it
    /// alone ("chief" for "Police Chief", "secretary" for "Secretary of
    /// State"); none for deputies ("Vice President" is not "the
    /// president").
    pub head: Option<u64>,
    /// True for a past holder ("former Mayor", "ex-President").
    pub former: bool,
    /// The title's kind (honorifics are not roles).
    pub kind: TitleKind,
}

/// A name mention prepared for grouping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// Index of the mention in the entity list.
    pub entity: usize,
    /// The mention's label.
    pub label: Label,
    /// Tokens of the name words (never empty).
    pub tokens: Range<usize>,
    /// The name as written, without "the", possessive or title.
    pub name: Span,
    /// Number of words in the name.
    pub words: usize,
    /// Fingerprint of the name's lookup key (after the abbreviation table).
    pub key: u64,
    /// Fingerprint of the first word's key.
    pub first_word: u64,
    /// Fingerprint of the last word's key, a suffix ("Jr.") set aside.
    pub last_word: u64,
    /// Every letter is upper case ("BASS", "ICE").
    pub caps: bool,
    /// A title before a person's name.
    pub title: Option<Title>,
    /// For a PERSON mention that is a title and no name ("President of the
    /// United States", "Speaker"), the role's fingerprint.
    pub role_phrase: Option<u64>,
}

/// Reusable buffers, so preparing a mention does not allocate.
#[derive(Default)]
struct Scratch {
    key: String,
    word: String,
}

/// What a mention's own tokens say, whatever surrounds it: the same text
/// with the same label always gives the same shape, so each distinct name
/// is worked out once per document. Token positions are relative to the
/// mention's first token.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// Where a title before the mention would end (after "the").
    title_at: usize,
    /// The name words.
    start: usize,
    end: usize,
    /// A title inside the mention: its tokens, kind, role and head.
    inner: Option<(usize, usize, TitleKind, u64, Option<u64>)>,
    /// The role when the mention is a title and no name.
    role_phrase: Option<u64>,
    /// The name starts with a lower-case word.
    lower_start: bool,
    words: usize,
    key: u64,
    first_word: u64,
    last_word: u64,
    caps: bool,
    /// No word in it: the name is the mention's whole text.
    opaque: bool,
}

/// Prepares name mentions (PERSON, ORG, PLACE, MISC) of `entities`, in
/// their order. `entities` are in text order; one pass over the tokens.
pub fn forms(doc: &Document, entities: &[Entity]) -> Vec<Form> {
    let mut scratch = Scratch::default();
    let mut shapes: FastMap<(Label, u64, usize), Option<Shape>> = FastMap::default();
    let mut out = Vec::with_capacity(entities.len());
    let mut t = 0;
    for (i, e) in entities.iter().enumerate() {
        if !e.label.is_name() {
            continue;
        }
        // Entities are in text order, so the token cursor only moves forward.
        t = advance(doc, t, e.span.start);
        let mut end = t;
        while doc
            .tokens
            .get(end)
            .is_some_and(|k| k.span.start < e.span.end)
        {
            end += 1;
        }
        let id = (e.label, fingerprint(e.span.slice(doc.text)), end - t);
        let shape = *shapes
            .entry(id)
            .or_insert_with(|| shape(doc, e.label, t..end, &mut scratch));
        // A name with no word in it ("#Tag" tagged as a name) is its own text.
        let s = shape.unwrap_or_else(|| opaque(e.span.slice(doc.text), end - t));
        out.push(form(doc, i, e, t, s));
    }
    out
}

fn advance(doc: &Document, mut t: usize, offset: usize) -> usize {
    while doc.tokens.get(t).is_some_and(|k| k.span.end <= offset) {
        t += 1;
    }
    // Entities may overlap earlier tokens only when unsorted; fall back.
    if doc.tokens.get(t).is_some_and(|k| k.span.start > offset) && t > 0 {
        t = doc.token_at_or_after(offset);
    }
    t
}

/// True for a word-like token that can be part of a name key.
fn is_word(doc: &Document, t: usize) -> bool {
    doc.tokens.get(t).is_some_and(|k| {
        matches!(k.kind, TokenKind::Word | TokenKind::Number) || doc.token_text(t) == "&"
    })
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// A mention from its shape and its context (the title before it).
fn form(doc: &Document, entity: usize, e: &Entity, t: usize, s: Shape) -> Form {
    let r = t + s.start..t + s.end;
    let mut title = None;
    let mut role_phrase = s.role_phrase;
    if e.label == Label::Person {
        title = match s.inner {
            Some((at, n, kind, role, head)) => Some(Title {
                span: doc.tokens_span(t + at..t + at + n),
                role,
                head,
                former: false,
                kind,
            }),
            None => title_before(doc, t + s.title_at),
        };
        // "President [of the United States]" tagged without its title:
        // the mention is the rest of a role, not a name.
        if s.lower_start && role_phrase.is_none() {
            role_phrase = title
                .filter(|t| !t.former && t.kind != TitleKind::Honorific)
                .map(|t| t.role);
        }
    }
    Form {
        entity,
        label: e.label,
        name: if s.opaque {
            e.span
        } else {
            doc.tokens_span(r.clone())
        },
        tokens: r,
        words: s.words,
        key: s.key,
        first_word: s.first_word,
        last_word: s.last_word,
        caps: s.caps,
        title,
        role_phrase,
    }
}

/// The shape of a mention without words: keyed by its whole text.
fn opaque(text: &str, tokens: usize) -> Shape {
    let key = lookup_fingerprint(text);
    Shape {
        title_at: 0,
        start: 0,
        end: tokens,
        inner: None,
        role_phrase: None,
        lower_start: false,
        words: 1,
        key,
        first_word: key,
        last_word: key,
        caps: false,
        opaque: true,
    }
}

/// The shape of a mention over `tokens`, or `None` when it has no word.
fn shape(
    doc: &Document,
    label: Label,
    tokens: Range<usize>,
    scratch: &mut Scratch,
) -> Option<Shape> {
    let base = tokens.start;
    let mut r = tokens;
    // Only words count: trim punctuation at either end.
    while r.start < r.end && !is_word(doc, r.start) {
        r.start += 1;
    }
    while r.end > r.start && (!is_word(doc, r.end - 1) || is_possessive(doc.token_text(r.end - 1)))
    {
        r.end -= 1;
    }
    if r.is_empty() {
        return None;
    }
    if r.len() > 1 && doc.token_text(r.start).eq_ignore_ascii_case("the") {
        r.start += 1;
    }
    let title_at = r.start - base;
    let mut inner = None;
    let mut role_phrase = None;
    if label == Label::Person {
        // A title inside the mention ("Mayor Bass" tagged whole), set
        // aside when a name follows it.
        while may_start_title(doc.token_text(r.start)) {
            let words = (r.start..r.end).map(|k| doc.token_text(k));
            let Some(m) = titles::title_at(words) else {
                break;
            };
            let span = doc.tokens_span(r.start..r.start + m.words);
            let rest = r.start + m.words;
            let name_follows = rest < r.end
                && doc
                    .token_text(rest)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if !name_follows {
                // "President of the United States": a role, not a name.
                if m.kind != TitleKind::Honorific {
                    role_phrase = Some(role_key(span.slice(doc.text).split_whitespace()));
                }
                break;
            }
            let t = make_title(doc, span, false, m.kind);
            inner = Some((r.start - base, m.words, m.kind, t.role, t.head));
            r.start = rest;
        }
    }
    let lower_start = doc
        .token_text(r.start)
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let name = doc.tokens_span(r.clone());
    let mut words = 0;
    let mut caps = true;
    let mut letters = 0;
    scratch.key.clear();
    let (mut first_word, mut last_word) = (0, 0);
    for k in r.clone() {
        if !is_word(doc, k) {
            continue;
        }
        let text = doc.token_text(k);
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            caps &= !c.is_lowercase();
        }
        fold_word(text, &mut scratch.word);
        let suffix = words > 0 && lexicon::is_name_suffix(&scratch.word);
        canonical_word(&mut scratch.word, words == 0, label);
        // "U.S. Congress" is "United States Congress".
        if label != Label::Person && r.len() > 1 && looks_abbreviated(text) {
            if let Some(full) = abbreviations::canonical(text, "", 1) {
                scratch.word.clear();
                scratch.word.push_str(full);
            }
        }
        if !scratch.key.is_empty() {
            scratch.key.push(' ');
        }
        scratch.key.push_str(&scratch.word);
        let fp = fingerprint(&scratch.word);
        if words == 0 {
            first_word = fp;
        }
        if !suffix {
            last_word = fp;
        }
        words += 1;
    }
    // People are never abbreviated: "Cal" or "Del" may be a first name.
    let canonical = (label != Label::Person)
        .then(|| abbreviations::canonical(name.slice(doc.text), &scratch.key, words))
        .flatten();
    Some(Shape {
        title_at,
        start: r.start - base,
        end: r.end - base,
        inner,
        role_phrase,
        lower_start,
        words,
        key: fingerprint(canonical.unwrap_or(&scratch.key)),
        first_word,
        last_word,
        caps: caps && letters >= 2,
        opaque: false,
    })
}

/// True for a word written as an abbreviation: with a full stop ("U.S.",
/// "Calif.") or in capitals ("LA", "UK").
fn looks_abbreviated(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && (word.contains('.') || word.chars().all(|c| !c.is_lowercase()))
}

/// The title that ends just before token `t` ("Mayor" in "LA Mayor Karen
/// Bass", "Secretary of State" before "Marco Rubio"), longest first.
fn title_before(doc: &Document, t: usize) -> Option<Title> {
    // A title is on the same line, touching the name with a space.
    if doc.tokens.get(t).is_none_or(|k| k.gap != Gap::Space) {
        return None;
    }
    let before = t.checked_sub(1).and_then(|p| doc.tokens.get(p));
    if before.is_none_or(|k| k.kind != TokenKind::Word) {
        return None;
    }
    for n in (1..=titles::MAX_TITLE_WORDS).rev() {
        let Some(start) = t.checked_sub(n) else {
            continue;
        };
        if !may_start_title(doc.token_text(start)) {
            continue;
        }
        let words = (start..t).map(|k| doc.token_text(k));
        let Some(m) = titles::title_at(words) else {
            continue;
        };
        if m.words != n {
            continue;
        }
        let prev = start.checked_sub(1).map(|p| doc.token_text(p));
        let former = prev.is_some_and(|w| {
            ["former", "ex", "late", "then", "outgoing"]
                .iter()
                .any(|f| w.eq_ignore_ascii_case(f))
        });
        let first = if former { start - 1 } else { start };
        let span = doc.tokens_span(first..t);
        return Some(make_title(doc, span, former, m.kind));
    }
    None
}

/// True when `word` is the first word of some title: a cheap test before
/// [`titles::title_at`] (a hash of the word in lookup form, no buffer).
pub fn may_start_title(word: &str) -> bool {
    static FIRST: OnceLock<FastSet<u64>> = OnceLock::new();
    let first = FIRST.get_or_init(|| titles::first_words().map(fingerprint).collect());
    first.contains(&lookup_fingerprint(word))
}

/// The fingerprint of `word`'s lookup key (lower case, final full stop
/// dropped, typographic apostrophe straightened), as
/// [`fingerprint`]`(Key::of(word))` gives it.
fn lookup_fingerprint(word: &str) -> u64 {
    let word = match word.strip_suffix('.') {
        Some(w) if !w.is_empty() => w,
        _ => word,
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut bytes = [0u8; 4];
    for c in word.chars() {
        if c.is_ascii() {
            // The common case: one byte, no Unicode case tables.
            h = (h ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(0x0100_0000_01b3);
            continue;
        }
        let c = if c == '’' { '\'' } else { c };
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut bytes).as_bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    h
}

fn make_title(doc: &Document, span: Span, former: bool, kind: TitleKind) -> Title {
    let text = span.slice(doc.text);
    let words: Vec<&str> = text.split_whitespace().skip(usize::from(former)).collect();
    Title {
        span,
        role: role_key(words.iter().copied()),
        head: role_head(&words),
        former,
        kind,
    }
}

/// The head of a title of several words, for [`Title::head`].
pub fn role_head(words: &[&str]) -> Option<u64> {
    if words.len() < 2 {
        return None;
    }
    let deputy = words.first().is_some_and(|w| {
        [
            "vice",
            "deputy",
            "assistant",
            "associate",
            "acting",
            "lieutenant",
            "lt",
            "lt.",
            "under",
            "interim",
        ]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d))
    });
    if deputy {
        return None;
    }
    let of = words.iter().position(|w| w.eq_ignore_ascii_case("of"));
    let head = match of {
        Some(i) => words.get(i.checked_sub(1)?),
        None => words.last(),
    }?;
    Some(role_key([*head]))
}

/// Fingerprint of a title's canonical form: abbreviations spelt out
/// ("Sen." → "senator", "Lt. Gov." → "lieutenant governor").
pub fn role_key<'a>(words: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut key = String::new();
    for w in words {
        let k = Key::of(w);
        let full = spelt_out(k.as_str());
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(full);
    }
    fingerprint(&key)
}

/// The full word for an abbreviated title word.
fn spelt_out(word: &str) -> &str {
    match word {
        "sen" | "sens" => "senator",
        "gov" => "governor",
        "rep" | "reps" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "sec" => "secretary",
        "atty" => "attorney",
        "supt" => "superintendent",
        "det" => "detective",
        "sgt" => "sergeant",
        "capt" => "captain",
        "col" => "colonel",
        "cmdr" => "commander",
        "adm" => "admiral",
        "insp" => "inspector",
        "prof" => "professor",
        "rev" => "reverend",
        "fr" => "father",
        "msgr" => "monsignor",
        "amb" => "ambassador",
        "maj" => "major",
        "cpl" => "corporal",
        "pvt" => "private",
        "spokesman" | "spokeswoman" => "spokesperson",
        "chairman" | "chairwoman" | "chairperson" => "chair",
        "congressman" | "congresswoman" | "congressmember" => "representative",
        "councilman" | "councilwoman" | "councilmember" => "council member",
        "assemblyman" | "assemblywoman" => "assemblymember",
        other => other,
    }
}

/// `word` in key form into `out`: lower case, Latin diacritics folded,
/// typographic apostrophe straightened, a final full stop dropped
/// (`U.S.` → `u.s`, `Ivanović` → `ivanovic`, `&` → `and`).
pub fn fold_word(word: &str, out: &mut String) {
    out.clear();
    if word == "&" {
        out.push_str("and");
        return;
    }
    let word = match word.strip_suffix('.') {
        Some(w) if !w.is_empty() => w,
        _ => word,
    };
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '’' || c == 'ʼ' {
            out.push('\'');
        } else {
            match fold_char(c) {
                Some(s) => out.push_str(s),
                None => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Latin letters with diacritics to their base letters (lower case).
fn fold_char(c: char) -> Option<&'static str> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return None,
    })
}

/// Spelling variants that name the same thing: British and American
/// spellings, and abbreviated place words ("St." first is Saint, last is
/// Street).
fn canonical_word(word: &mut String, first: bool, label: Label) {
    let replacement = match word.as_str() {
        "organisation" => "organization",
        "centre" => "center",
        "defence" => "defense",
        "labour" => "labor",
        "programme" => "program",
        "st" | "saint" if first && label != Label::Person => "saint",
        "mt" | "mount" if first => "mount",
        "ft" | "fort" if first => "fort",
        "st" if !first => "street",
        "ave" if !first => "avenue",
        "blvd" if !first => "boulevard",
        "rd" if !first => "road",
        _ => return,
    };
    word.clear();
    word.push_str(replacement);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, label: Label, needle: &str) -> Option<Form> {
        let doc = Document::new(text);
        let start = text.find(needle)?;
        let e = Entity::new(Span::new(start, start + needle.len()), label);
        forms(&doc, &[e]).pop()
    }

    fn key_of(text: &str, label: Label, needle: &str) -> u64 {
        one(text, label, needle).map_or(0, |f| f.key)
    }

    #[test]
    fn case_possessive_and_article_do_not_change_the_key() {
        let bass = key_of("Karen Bass spoke.", Label::Person, "Bass");
        assert_eq!(
            key_of("BASS SAID NO.", Label::Person, "BASS"),
            bass,
            "all caps"
        );
        assert_eq!(
            key_of("It is Bass's plan.", Label::Person, "Bass's"),
            bass,
            "possessive inside the span"
        );
        assert_eq!(
            key_of("It is Bass’s plan.", Label::Person, "Bass’s"),
            bass,
            "curly possessive"
        );
        assert_ne!(key_of("Karen Base spoke.", Label::Person, "Base"), bass);
        let ice = key_of("He met the ICE agents.", Label::Org, "the ICE");
        assert_eq!(ice, key_of("ICE agents came.", Label::Org, "ICE"));
    }

    #[test]
    fn diacritics_and_spellings_fold() {
        assert_eq!(
            key_of("Vane Ivanović wrote.", Label::Person, "Vane Ivanović"),
            key_of("Vane Ivanovic wrote.", Label::Person, "Vane Ivanovic")
        );
        assert_eq!(
            key_of(
                "the World Health Organisation said",
                Label::Org,
                "World Health Organisation"
            ),
            key_of(
                "the World Health Organization said",
                Label::Org,
                "World Health Organization"
            )
        );
        assert_eq!(
            key_of("in St. Louis today", Label::Place, "St. Louis"),
            key_of("in Saint Louis today", Label::Place, "Saint Louis")
        );
    }

    #[test]
    fn titles_before_a_person_are_remembered() {
        let text = "LA Mayor Karen Bass and former Sen. Ann Lee met Secretary of State Marco Diaz.";
        let bass = one(text, Label::Person, "Karen Bass").and_then(|f| f.title);
        let bass = bass.map(|t| (t.span.slice(text), t.former));
        assert_eq!(bass, Some(("Mayor", false)));
        let lee = one(text, Label::Person, "Ann Lee").and_then(|f| f.title);
        assert_eq!(
            lee.map(|t| (t.span.slice(text), t.former)),
            Some(("former Sen.", true))
        );
        let diaz = one(text, Label::Person, "Marco Diaz").and_then(|f| f.title);
        assert_eq!(diaz.map(|t| t.span.slice(text)), Some("Secretary of State"));
        assert_eq!(
            lee.map(|t| t.role),
            Some(role_key(["Senator"])),
            "Sen. is spelt out"
        );
        // A title inside a PERSON span is set aside too.
        let inside = one("Mayor Bass spoke.", Label::Person, "Mayor Bass");
        assert_eq!(
            inside.as_ref().map(|f| f.name.slice("Mayor Bass spoke.")),
            Some("Bass")
        );
        assert!(inside.and_then(|f| f.title).is_some());
        // Not across a line break, and not for organisations.
        assert!(one("the Mayor\nKaren Bass", Label::Person, "Karen Bass")
            .and_then(|f| f.title)
            .is_none());
    }

    #[test]
    fn first_and_last_words_skip_suffixes() {
        let text = "Martin Luther King Jr. spoke.";
        let f = one(text, Label::Person, "Martin Luther King Jr.");
        let king = one("King spoke.", Label::Person, "King");
        assert_eq!(f.as_ref().map(|f| f.words), Some(4));
        assert_eq!(f.map(|f| f.last_word), king.map(|k| k.first_word));
    }

    #[test]
    fn lookup_fingerprints_match_keys() {
        for w in ["Gov.", "POLICE", "secretary", "Ms.", "Émir", "O’Neill", "x"] {
            assert_eq!(
                lookup_fingerprint(w),
                fingerprint(Key::of(w).as_str()),
                "{w}"
            );
        }
        assert!(may_start_title("Police"));
        assert!(may_start_title("SEN."));
        assert!(!may_start_title("Karen"));
    }

    #[test]
    fn caps_needs_two_letters() {
        assert!(one("BASS SAID", Label::Person, "BASS").is_some_and(|f| f.caps));
        assert!(!one("Bass said", Label::Person, "Bass").is_some_and(|f| f.caps));
        assert!(!one("A said", Label::Person, "A").is_some_and(|f| f.caps));
    }
}
