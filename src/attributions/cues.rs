//! The reporting-verb lexicon: which words can attribute speech or writing,
//! in which inflected form, and with what stance.
//!
//! The stance is the verb's attitude towards the content (a journalist's
//! `insisted` or `admitted` is not a neutral `said`); it is kept with every
//! cue so that later stages can report it. Verbs and classes written by the
//! team from AP-style guidance on attribution verbs.

use std::sync::OnceLock;

use serde::Serialize;

use super::lexicon::is_one_of;
use super::word_table::WordTable;

/// The attitude a reporting verb conveys towards what it attributes.
/// Serialised in snake case (`neutral`, `assertive`, …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Plain reporting: `said`, `told`, `added`, `explained` (and the stance
    /// of an attribution without a cue).
    #[default]
    Neutral,
    /// The source presses a claim: `insisted`, `claimed`, `argued`, `warned`.
    Assertive,
    /// The source gives ground: `admitted`, `acknowledged`, `conceded`.
    Concessive,
    /// The source rejects something: `denied`, `rejected`, `disputed`.
    Negative,
    /// Written rather than spoken: `wrote`, `tweeted`, `posted`.
    Written,
    /// A question: `asked`, `wondered`.
    Question,
    /// A belief or expectation rather than speech: `thinks`, `believes`,
    /// `hopes`, `fears`.
    Belief,
}

/// The inflected form of a cue word, which decides where it can attribute:
/// finite forms stand alone (`she said`), base forms need an auxiliary
/// (`she would say`), participles follow a subject in a reduced clause
/// (`Clinton, asking: "…"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `say`, `tell`.
    Base,
    /// `says`, `tells`.
    Present,
    /// `said`, `told` (also the past participle when it is the same word).
    Past,
    /// A past participle that differs from the past: `written`, `spoken`.
    Participle,
    /// `saying`, `telling`.
    Progressive,
}

impl Form {
    /// True for forms that can head a clause on their own.
    pub const fn is_finite(self) -> bool {
        matches!(self, Form::Present | Form::Past)
    }
}

/// A reporting verb as found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueVerb {
    /// The verb's dictionary form (`say`, `point out`).
    pub lemma: &'static str,
    /// Its stance.
    pub stance: Stance,
    /// The form this occurrence has.
    pub form: Form,
    /// A particle that must follow for the verb to be a cue (`pointed out`).
    pub particle: Option<&'static str>,
    /// True when the verb also attributes reported speech without quotation
    /// marks (`said the plan failed`); false for verbs of delivery that
    /// attribute only quotations (`laughed`, `shouted`, `continued`).
    pub reports: bool,
    /// True for forms that attribute reported speech less often than not
    /// (`thought`, `wants`): only after `I` or `we` (`I thought`).
    pub weak: bool,
    /// True for forms that are more often nouns (`the states`, `his
    /// remarks`): without marks they attribute only before `that`.
    pub noun_like: bool,
}

/// Verbs that attribute quotations but not reported speech: with no marks
/// they describe a manner or an act (`she laughed`, `he continued working`).
const QUOTE_ONLY: &[&str] = &[
    "continue",
    "laugh",
    "sigh",
    "shout",
    "yell",
    "scream",
    "sing",
    "joke",
    "quip",
    "cry",
    "chant",
    "mutter",
    "whisper",
    "exclaim",
    "begin",
    "go",
    "chime",
    "greet",
    "recite",
    "interject",
    "muse",
    "read",
    "speak",
    "answer",
    "quote",
    "snap",
    "thunder",
    "grumble",
    "beg",
    "plead",
    "text",
    "email",
    "blog",
    "elaborate",
    "summarize",
    "recount",
    "query",
    "inquire",
];

/// One lexicon entry: lemma, stance and its forms (base, 3rd person present,
/// past, past participle, -ing), and an optional required particle.
struct Entry {
    forms: [&'static str; 5],
    stance: Stance,
    particle: Option<&'static str>,
}

const fn e(forms: [&'static str; 5], stance: Stance) -> Entry {
    Entry {
        forms,
        stance,
        particle: None,
    }
}

const fn phrasal(forms: [&'static str; 5], stance: Stance, particle: &'static str) -> Entry {
    Entry {
        forms,
        stance,
        particle: Some(particle),
    }
}

use Stance::*;

/// The reporting verbs. Forms: base, 3sg present, past, past participle, -ing.
#[rustfmt::skip]
const ENTRIES: &[Entry] = &[
    // Neutral.
    e(["say", "says", "said", "said", "saying"], Neutral),
    e(["tell", "tells", "told", "told", "telling"], Neutral),
    e(["add", "adds", "added", "added", "adding"], Neutral),
    e(["explain", "explains", "explained", "explained", "explaining"], Neutral),
    e(["state", "states", "stated", "stated", "stating"], Neutral),
    e(["note", "notes", "noted", "noted", "noting"], Neutral),
    e(["continue", "continues", "continued", "continued", "continuing"], Neutral),
    e(["reply", "replies", "replied", "replied", "replying"], Neutral),
    e(["recall", "recalls", "recalled", "recalled", "recalling"], Neutral),
    e(["respond", "responds", "responded", "responded", "responding"], Neutral),
    e(["answer", "answers", "answered", "answered", "answering"], Neutral),
    e(["remark", "remarks", "remarked", "remarked", "remarking"], Neutral),
    phrasal(["put", "puts", "put", "put", "putting"], Neutral, "it"),
    e(["observe", "observes", "observed", "observed", "observing"], Neutral),
    e(["announce", "announces", "announced", "announced", "announcing"], Neutral),
    e(["report", "reports", "reported", "reported", "reporting"], Neutral),
    e(["confirm", "confirms", "confirmed", "confirmed", "confirming"], Neutral),
    e(["describe", "describes", "described", "described", "describing"], Neutral),
    e(["recount", "recounts", "recounted", "recounted", "recounting"], Neutral),
    e(["repeat", "repeats", "repeated", "repeated", "repeating"], Neutral),
    e(["testify", "testifies", "testified", "testified", "testifying"], Neutral),
    e(["whisper", "whispers", "whispered", "whispered", "whispering"], Neutral),
    e(["shout", "shouts", "shouted", "shouted", "shouting"], Neutral),
    e(["yell", "yells", "yelled", "yelled", "yelling"], Neutral),
    e(["scream", "screams", "screamed", "screamed", "screaming"], Neutral),
    e(["sing", "sings", "sang", "sung", "singing"], Neutral),
    e(["joke", "jokes", "joked", "joked", "joking"], Neutral),
    e(["quip", "quips", "quipped", "quipped", "quipping"], Neutral),
    e(["laugh", "laughs", "laughed", "laughed", "laughing"], Neutral),
    e(["agree", "agrees", "agreed", "agreed", "agreeing"], Neutral),
    e(["conclude", "concludes", "concluded", "concluded", "concluding"], Neutral),
    e(["suggest", "suggests", "suggested", "suggested", "suggesting"], Neutral),
    e(["recommend", "recommends", "recommended", "recommended", "recommending"], Neutral),
    e(["promise", "promises", "promised", "promised", "promising"], Neutral),
    e(["urge", "urges", "urged", "urged", "urging"], Neutral),
    e(["exclaim", "exclaims", "exclaimed", "exclaimed", "exclaiming"], Neutral),
    e(["speak", "speaks", "spoke", "spoken", "speaking"], Neutral),
    e(["mutter", "mutters", "muttered", "muttered", "muttering"], Neutral),
    e(["chant", "chants", "chanted", "chanted", "chanting"], Neutral),
    e(["cry", "cries", "cried", "cried", "crying"], Neutral),
    e(["begin", "begins", "began", "begun", "beginning"], Neutral),
    e(["comment", "comments", "commented", "commented", "commenting"], Neutral),
    e(["mention", "mentions", "mentioned", "mentioned", "mentioning"], Neutral),
    e(["reiterate", "reiterates", "reiterated", "reiterated", "reiterating"], Neutral),
    e(["elaborate", "elaborates", "elaborated", "elaborated", "elaborating"], Neutral),
    e(["clarify", "clarifies", "clarified", "clarified", "clarifying"], Neutral),
    e(["summarize", "summarizes", "summarized", "summarized", "summarizing"], Neutral),
    e(["muse", "muses", "mused", "mused", "musing"], Neutral),
    e(["sigh", "sighs", "sighed", "sighed", "sighing"], Neutral),
    e(["interject", "interjects", "interjected", "interjected", "interjecting"], Neutral),
    e(["pledge", "pledges", "pledged", "pledged", "pledging"], Neutral),
    e(["plead", "pleads", "pleaded", "pleaded", "pleading"], Neutral),
    e(["beg", "begs", "begged", "begged", "begging"], Neutral),
    e(["greet", "greets", "greeted", "greeted", "greeting"], Neutral),
    e(["recite", "recites", "recited", "recited", "reciting"], Neutral),
    e(["quote", "quotes", "quoted", "quoted", "quoting"], Neutral),
    e(["speculate", "speculates", "speculated", "speculated", "speculating"], Neutral),
    e(["call", "calls", "called", "called", "calling"], Neutral),
    e(["reveal", "reveals", "revealed", "revealed", "revealing"], Neutral),
    e(["indicate", "indicates", "indicated", "indicated", "indicating"], Neutral),
    e(["signal", "signals", "signaled", "signaled", "signaling"], Neutral),
    e(["estimate", "estimates", "estimated", "estimated", "estimating"], Neutral),
    e(["cite", "cites", "cited", "cited", "citing"], Neutral),
    e(["show", "shows", "showed", "shown", "showing"], Neutral),
    e(["find", "finds", "found", "found", "finding"], Neutral),
    e(["propose", "proposes", "proposed", "proposed", "proposing"], Neutral),
    e(["praise", "praises", "praised", "praised", "praising"], Neutral),
    e(["endorse", "endorses", "endorsed", "endorsed", "endorsing"], Neutral),
    e(["thank", "thanks", "thanked", "thanked", "thanking"], Neutral),
    e(["welcome", "welcomes", "welcomed", "welcomed", "welcoming"], Neutral),
    e(["applaud", "applauds", "applauded", "applauded", "applauding"], Neutral),
    e(["hail", "hails", "hailed", "hailed", "hailing"], Neutral),
    e(["tout", "touts", "touted", "touted", "touting"], Neutral),
    e(["express", "expresses", "expressed", "expressed", "expressing"], Neutral),
    e(["advise", "advises", "advised", "advised", "advising"], Neutral),
    e(["remind", "reminds", "reminded", "reminded", "reminding"], Neutral),
    e(["inform", "informs", "informed", "informed", "informing"], Neutral),
    e(["learn", "learns", "learned", "learned", "learning"], Neutral),
    e(["seek", "seeks", "sought", "sought", "seeking"], Neutral),
    e(["offer", "offers", "offered", "offered", "offering"], Neutral),
    e(["discuss", "discusses", "discussed", "discussed", "discussing"], Neutral),
    e(["disclose", "discloses", "disclosed", "disclosed", "disclosing"], Neutral),
    e(["recognize", "recognizes", "recognized", "recognized", "recognizing"], Neutral),
    e(["highlight", "highlights", "highlighted", "highlighted", "highlighting"], Neutral),
    e(["underscore", "underscores", "underscored", "underscored", "underscoring"], Neutral),
    e(["commit", "commits", "committed", "committed", "committing"], Neutral),
    e(["encourage", "encourages", "encouraged", "encouraged", "encouraging"], Neutral),
    e(["lobby", "lobbies", "lobbied", "lobbied", "lobbying"], Neutral),
    e(["advocate", "advocates", "advocated", "advocated", "advocating"], Neutral),
    e(["champion", "champions", "championed", "championed", "championing"], Neutral),
    e(["embrace", "embraces", "embraced", "embraced", "embracing"], Neutral),
    e(["commend", "commends", "commended", "commended", "commending"], Neutral),
    e(["congratulate", "congratulates", "congratulated", "congratulated", "congratulating"], Neutral),
    e(["confide", "confides", "confided", "confided", "confiding"], Neutral),
    phrasal(["point", "points", "pointed", "pointed", "pointing"], Neutral, "out"),
    phrasal(["refer", "refers", "referred", "referred", "referring"], Neutral, "to"),
    phrasal(["talk", "talks", "talked", "talked", "talking"], Neutral, "about"),
    phrasal(["go", "goes", "went", "gone", "going"], Neutral, "on"),
    phrasal(["chime", "chimes", "chimed", "chimed", "chiming"], Neutral, "in"),
    // Assertive.
    e(["insist", "insists", "insisted", "insisted", "insisting"], Assertive),
    e(["claim", "claims", "claimed", "claimed", "claiming"], Assertive),
    e(["argue", "argues", "argued", "argued", "arguing"], Assertive),
    e(["warn", "warns", "warned", "warned", "warning"], Assertive),
    e(["assert", "asserts", "asserted", "asserted", "asserting"], Assertive),
    e(["declare", "declares", "declared", "declared", "declaring"], Assertive),
    e(["stress", "stresses", "stressed", "stressed", "stressing"], Assertive),
    e(["emphasize", "emphasizes", "emphasized", "emphasized", "emphasizing"], Assertive),
    e(["emphasise", "emphasises", "emphasised", "emphasised", "emphasising"], Assertive),
    e(["maintain", "maintains", "maintained", "maintained", "maintaining"], Assertive),
    e(["contend", "contends", "contended", "contended", "contending"], Assertive),
    e(["allege", "alleges", "alleged", "alleged", "alleging"], Assertive),
    e(["boast", "boasts", "boasted", "boasted", "boasting"], Assertive),
    e(["vow", "vows", "vowed", "vowed", "vowing"], Assertive),
    e(["counter", "counters", "countered", "countered", "countering"], Assertive),
    e(["retort", "retorts", "retorted", "retorted", "retorting"], Assertive),
    e(["caution", "cautions", "cautioned", "cautioned", "cautioning"], Assertive),
    e(["demand", "demands", "demanded", "demanded", "demanding"], Assertive),
    e(["charge", "charges", "charged", "charged", "charging"], Assertive),
    e(["complain", "complains", "complained", "complained", "complaining"], Assertive),
    e(["predict", "predicts", "predicted", "predicted", "predicting"], Assertive),
    e(["swear", "swears", "swore", "sworn", "swearing"], Assertive),
    e(["proclaim", "proclaims", "proclaimed", "proclaimed", "proclaiming"], Assertive),
    e(["affirm", "affirms", "affirmed", "affirmed", "affirming"], Assertive),
    e(["assure", "assures", "assured", "assured", "assuring"], Assertive),
    e(["snap", "snaps", "snapped", "snapped", "snapping"], Assertive),
    e(["scoff", "scoffs", "scoffed", "scoffed", "scoffing"], Assertive),
    e(["thunder", "thunders", "thundered", "thundered", "thundering"], Assertive),
    e(["grumble", "grumbles", "grumbled", "grumbled", "grumbling"], Assertive),
    e(["opine", "opines", "opined", "opined", "opining"], Assertive),
    e(["defend", "defends", "defended", "defended", "defending"], Assertive),
    e(["accuse", "accuses", "accused", "accused", "accusing"], Assertive),
    e(["blame", "blames", "blamed", "blamed", "blaming"], Assertive),
    e(["threaten", "threatens", "threatened", "threatened", "threatening"], Assertive),
    e(["push", "pushes", "pushed", "pushed", "pushing"], Assertive),
    e(["press", "presses", "pressed", "pressed", "pressing"], Assertive),
    e(["refute", "refutes", "refuted", "refuted", "refuting"], Assertive),
    e(["rebut", "rebuts", "rebutted", "rebutted", "rebutting"], Assertive),
    phrasal(["shoot", "shoots", "shot", "shot", "shooting"], Assertive, "back"),
    phrasal(["fire", "fires", "fired", "fired", "firing"], Assertive, "back"),
    // Concessive.
    e(["admit", "admits", "admitted", "admitted", "admitting"], Concessive),
    e(["acknowledge", "acknowledges", "acknowledged", "acknowledged", "acknowledging"], Concessive),
    e(["concede", "concedes", "conceded", "conceded", "conceding"], Concessive),
    e(["confess", "confesses", "confessed", "confessed", "confessing"], Concessive),
    e(["lament", "laments", "lamented", "lamented", "lamenting"], Concessive),
    e(["apologize", "apologizes", "apologized", "apologized", "apologizing"], Concessive),
    e(["apologise", "apologises", "apologised", "apologised", "apologising"], Concessive),
    // Negative.
    e(["deny", "denies", "denied", "denied", "denying"], Negative),
    e(["reject", "rejects", "rejected", "rejected", "rejecting"], Negative),
    e(["dispute", "disputes", "disputed", "disputed", "disputing"], Negative),
    e(["object", "objects", "objected", "objected", "objecting"], Negative),
    e(["disagree", "disagrees", "disagreed", "disagreed", "disagreeing"], Negative),
    e(["protest", "protests", "protested", "protested", "protesting"], Negative),
    e(["criticize", "criticizes", "criticized", "criticized", "criticizing"], Negative),
    e(["criticise", "criticises", "criticised", "criticised", "criticising"], Negative),
    e(["attack", "attacks", "attacked", "attacked", "attacking"], Negative),
    e(["blast", "blasts", "blasted", "blasted", "blasting"], Negative),
    e(["slam", "slams", "slammed", "slammed", "slamming"], Negative),
    e(["denounce", "denounces", "denounced", "denounced", "denouncing"], Negative),
    e(["condemn", "condemns", "condemned", "condemned", "condemning"], Negative),
    e(["decry", "decries", "decried", "decried", "decrying"], Negative),
    e(["mock", "mocks", "mocked", "mocked", "mocking"], Negative),
    e(["dismiss", "dismisses", "dismissed", "dismissed", "dismissing"], Negative),
    e(["question", "questions", "questioned", "questioned", "questioning"], Negative),
    e(["challenge", "challenges", "challenged", "challenged", "challenging"], Negative),
    e(["rebuke", "rebukes", "rebuked", "rebuked", "rebuking"], Negative),
    e(["ridicule", "ridicules", "ridiculed", "ridiculed", "ridiculing"], Negative),
    e(["lambaste", "lambastes", "lambasted", "lambasted", "lambasting"], Negative),
    e(["oppose", "opposes", "opposed", "opposed", "opposing"], Negative),
    e(["refuse", "refuses", "refused", "refused", "refusing"], Negative),
    e(["decline", "declines", "declined", "declined", "declining"], Negative),
    e(["doubt", "doubts", "doubted", "doubted", "doubting"], Negative),
    e(["fault", "faults", "faulted", "faulted", "faulting"], Negative),
    e(["chide", "chides", "chided", "chided", "chiding"], Negative),
    e(["scold", "scolds", "scolded", "scolded", "scolding"], Negative),
    e(["bash", "bashes", "bashed", "bashed", "bashing"], Negative),
    e(["rip", "rips", "ripped", "ripped", "ripping"], Negative),
    e(["knock", "knocks", "knocked", "knocked", "knocking"], Negative),
    e(["regret", "regrets", "regretted", "regretted", "regretting"], Negative),
    // Written.
    e(["write", "writes", "wrote", "written", "writing"], Written),
    e(["tweet", "tweets", "tweeted", "tweeted", "tweeting"], Written),
    e(["post", "posts", "posted", "posted", "posting"], Written),
    e(["text", "texts", "texted", "texted", "texting"], Written),
    e(["email", "emails", "emailed", "emailed", "emailing"], Written),
    e(["blog", "blogs", "blogged", "blogged", "blogging"], Written),
    e(["read", "reads", "read", "read", "reading"], Written),
    // Beliefs and expectations.
    e(["think", "thinks", "thought", "thought", "thinking"], Belief),
    e(["believe", "believes", "believed", "believed", "believing"], Belief),
    e(["feel", "feels", "felt", "felt", "feeling"], Belief),
    e(["hope", "hopes", "hoped", "hoped", "hoping"], Belief),
    e(["fear", "fears", "feared", "feared", "fearing"], Belief),
    e(["worry", "worries", "worried", "worried", "worrying"], Belief),
    e(["expect", "expects", "expected", "expected", "expecting"], Belief),
    e(["know", "knows", "knew", "known", "knowing"], Belief),
    e(["want", "wants", "wanted", "wanted", "wanting"], Belief),
    e(["suspect", "suspects", "suspected", "suspected", "suspecting"], Belief),
    e(["support", "supports", "supported", "supported", "supporting"], Belief),
    e(["favor", "favors", "favored", "favored", "favoring"], Belief),
    e(["prefer", "prefers", "preferred", "preferred", "preferring"], Belief),
    e(["admire", "admires", "admired", "admired", "admiring"], Belief),
    e(["love", "loves", "loved", "loved", "loving"], Belief),
    e(["hate", "hates", "hated", "hated", "hating"], Belief),
    e(["trust", "trusts", "trusted", "trusted", "trusting"], Belief),
    e(["distrust", "distrusts", "distrusted", "distrusted", "distrusting"], Belief),
    e(["dislike", "dislikes", "disliked", "disliked", "disliking"], Belief),
    e(["assume", "assumes", "assumed", "assumed", "assuming"], Belief),
    e(["imagine", "imagines", "imagined", "imagined", "imagining"], Belief),
    // Questions.
    e(["ask", "asks", "asked", "asked", "asking"], Question),
    e(["wonder", "wonders", "wondered", "wondered", "wondering"], Question),
    e(["inquire", "inquires", "inquired", "inquired", "inquiring"], Question),
    e(["query", "queries", "queried", "queried", "querying"], Question),
];

/// Every inflected form with its entry, form kind and flags. A word that
/// is two forms (`read`: base and past) keeps its finite reading, the one
/// that can attribute on its own; see [`merge_forms`].
pub fn forms() -> Vec<(&'static str, CueId)> {
    const KINDS: [Form; 5] = [
        Form::Base,
        Form::Present,
        Form::Past,
        Form::Participle,
        Form::Progressive,
    ];
    let mut forms = Vec::with_capacity(ENTRIES.len() * 5);
    for (idx, entry) in ENTRIES.iter().enumerate() {
        for (k, form) in entry.forms.iter().enumerate() {
            // A participle equal to the past is recorded once, as past.
            if k == 3 && *form == entry.forms[2] {
                continue;
            }
            let mut flags = 0;
            if !QUOTE_ONLY.contains(&entry.forms[0]) {
                flags |= REPORTS;
            }
            if is_one_of(form, WEAK_FORMS) {
                flags |= WEAK;
            }
            if is_one_of(form, NOUN_FORMS) {
                flags |= NOUN_LIKE;
            }
            let id = CueId {
                entry: u16::try_from(idx).unwrap_or(u16::MAX),
                form: KINDS[k],
                flags,
            };
            forms.push((*form, id));
        }
    }
    forms
}

/// Of two readings of one word, the finite one (else the first).
pub fn merge_forms(a: CueId, b: CueId) -> CueId {
    if b.form.is_finite() && !a.form.is_finite() {
        b
    } else {
        a
    }
}

/// The form table, built once.
fn table() -> &'static WordTable<CueId> {
    static TABLE: OnceLock<WordTable<CueId>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(&forms(), merge_forms))
}

/// [`CueId`] flag: attributes reported speech, not only quotations.
const REPORTS: u8 = 1;
/// [`CueId`] flag: one of [`WEAK_FORMS`].
const WEAK: u8 = 2;
/// [`CueId`] flag: one of [`NOUN_FORMS`].
const NOUN_LIKE: u8 = 4;

/// A cue word found in the text, in four bytes: its lexicon entry, form
/// and flags. Cheap to store per token ([`super::source::Ctx`] does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueId {
    entry: u16,
    form: Form,
    flags: u8,
}

impl CueId {
    /// The lexicon entry's index (a stable number for learned features).
    pub fn entry(self) -> u16 {
        self.entry
    }

    /// The inflected form.
    pub fn form(self) -> Form {
        self.form
    }
}

/// The lexicon entry and form of `word`, if it is a cue (case-insensitive).
pub fn lookup_id(word: &str) -> Option<CueId> {
    if word.len() < 2 || word.len() > 14 {
        return None;
    }
    table().get(word)
}

/// The reporting verb of a [`CueId`].
pub fn verb(id: CueId) -> Option<CueVerb> {
    let entry = ENTRIES.get(usize::from(id.entry))?;
    Some(CueVerb {
        lemma: entry.forms[0],
        stance: entry.stance,
        form: id.form,
        particle: entry.particle,
        reports: id.flags & REPORTS != 0,
        weak: id.flags & WEAK != 0,
        noun_like: id.flags & NOUN_LIKE != 0,
    })
}

/// Forms that attribute reported speech less often than not outside
/// quotation marks (under half of their uses were attributions on the
/// PolNeAR training split): `thought` (a noun as often), `supports`,
/// `knew`.
/// They still attribute quotations, and reported speech after `I`/`we`.
const WEAK_FORMS: &[&str] = &[
    "find",
    "felt",
    "knew",
    "thought",
    "expects",
    "support",
    "supports",
    "call",
    "maintained",
    "believed",
    "attack",
    "charges",
    "comment",
    "favored",
    "push",
    "state",
    "thanks",
];

/// Forms that are usually nouns in news text.
const NOUN_FORMS: &[&str] = &[
    "states",
    "attacks",
    "comments",
    "remarks",
    "questions",
    "pledge",
    "pledges",
    "threats",
    "answers",
    "objects",
    "signals",
    "estimates",
    "promises",
    "demands",
    "reads",
    "texts",
    "posts",
    "quotes",
    "cites",
    "hails",
    "blasts",
    "slams",
    "welcomes",
    "favors",
    "fears",
    "doubts",
    "challenges",
    "protests",
];

/// The reporting verb `word` is a form of, if any (case-insensitive).
/// Phrasal cues are returned with their particle; the caller checks that it
/// follows.
pub fn lookup(word: &str) -> Option<CueVerb> {
    lookup_id(word).and_then(verb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_stances() {
        let said = lookup("said").unwrap();
        assert_eq!(
            (said.lemma, said.form, said.stance),
            ("say", Form::Past, Neutral)
        );
        assert_eq!(lookup("Says").unwrap().form, Form::Present);
        assert_eq!(lookup("TOLD").unwrap().lemma, "tell");
        assert_eq!(lookup("insisted").unwrap().stance, Assertive);
        assert_eq!(lookup("acknowledged").unwrap().stance, Concessive);
        assert_eq!(lookup("denies").unwrap().stance, Negative);
        assert_eq!(lookup("tweeted").unwrap().stance, Written);
        assert_eq!(lookup("written").unwrap().form, Form::Participle);
        assert_eq!(lookup("asking").unwrap().form, Form::Progressive);
        assert_eq!(lookup("pointed").unwrap().particle, Some("out"));
        assert!(lookup("walked").is_none());
        assert!(lookup("").is_none());
    }

    #[test]
    fn table_is_searchable() {
        // Every listed form is found, whatever its case.
        for entry in ENTRIES {
            for form in entry.forms {
                assert!(lookup(form).is_some(), "{form}");
                assert!(lookup(&form.to_ascii_uppercase()).is_some(), "{form}");
            }
        }
    }
}
