//! Titles and roles that come before a person's name ("Mayor Karen Bass",
//! "Sen. Maria Lopez", "spokeswoman Ana Ruiz"). A title is evidence that a
//! name follows, and it is never part of the PERSON mention.
//!
//! Shared by the rule tagger, the statistical tagger's features and alias
//! grouping. Matching ignores case and a word's final full stop (`Gov.`,
//! `gov`, `GOV.` are one title); multiword titles match the longest phrase
//! (`Police Chief`, `Secretary of State`, `Lt. Gov.`).
//!
//! List written by the team from common news style (AP titles, government,
//! military, police, religious and royal ranks, business and newsroom roles).

use super::lexicon::Key;

/// What kind of title a word or phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// Courtesy titles: Mr., Mrs., Ms., Dr., Prof., Sir.
    Honorific,
    /// Elected and appointed office: President, Mayor, Sen., Minister.
    Political,
    /// Courts and prosecutors: Judge, Justice, District Attorney.
    Judicial,
    /// Armed forces ranks: Gen., Col., Sgt.
    Military,
    /// Police, sheriffs and other law enforcement: Police Chief, Officer.
    Police,
    /// Clergy: Pope, Rev., Rabbi, Imam.
    Religious,
    /// Monarchs and nobility: King, Queen, Prince, Emir.
    Royal,
    /// Companies and organisations: CEO, Chairman, Director.
    Business,
    /// Roles and occupations written before a name: spokesperson, coach.
    Role,
}

/// A title found at the start of a word sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TitleMatch {
    /// How many words the title spans.
    pub words: usize,
    /// What kind of title it is.
    pub kind: TitleKind,
}

/// The most words a title spans.
pub const MAX_TITLE_WORDS: usize = 4;

use TitleKind::*;

/// Titles in lookup form (lower case, no final full stops), sorted.
const TITLES: &[(&str, TitleKind)] = &[
    ("actor", Role),
    ("actress", Role),
    ("adm", Military),
    ("admiral", Military),
    ("adviser", Role),
    ("advisor", Role),
    ("agent", Police),
    ("amb", Political),
    ("ambassador", Political),
    ("anchor", Role),
    ("archbishop", Religious),
    ("assemblyman", Political),
    ("assemblymember", Political),
    ("assemblywoman", Political),
    ("assistant chief", Police),
    ("associate justice", Judicial),
    ("attorney general", Judicial),
    ("atty", Judicial),
    ("author", Role),
    ("ayatollah", Religious),
    ("baron", Royal),
    ("baroness", Royal),
    ("bishop", Religious),
    ("brig gen", Military),
    ("brigadier general", Military),
    ("brigadier-general", Military),
    ("capt", Military),
    ("captain", Military),
    ("cardinal", Religious),
    ("ceo", Business),
    ("cfo", Business),
    ("chair", Business),
    ("chairman", Business),
    ("chairperson", Business),
    ("chairwoman", Business),
    ("chancellor", Political),
    ("chief", Police),
    ("chief executive", Business),
    ("chief executive officer", Business),
    ("chief financial officer", Business),
    ("chief judge", Judicial),
    ("chief justice", Judicial),
    ("chief of staff", Political),
    ("chief operating officer", Business),
    ("city attorney", Judicial),
    ("cmdr", Military),
    ("co-founder", Business),
    ("coach", Role),
    ("col", Military),
    ("colonel", Military),
    ("commander", Military),
    ("commissioner", Political),
    ("congressman", Political),
    ("congressmember", Political),
    ("congresswoman", Political),
    ("coo", Business),
    ("corporal", Military),
    ("council member", Political),
    ("council president", Political),
    ("councilman", Political),
    ("councilmember", Political),
    ("councilwoman", Political),
    ("cpl", Military),
    ("crown prince", Royal),
    ("cto", Business),
    ("dame", Honorific),
    ("defence minister", Political),
    ("defence secretary", Political),
    ("defender", Role),
    ("defense minister", Political),
    ("defense secretary", Political),
    ("deputy", Police),
    ("deputy chief", Police),
    ("deputy mayor", Political),
    ("deputy prime minister", Political),
    ("det", Police),
    ("detective", Police),
    ("dictator", Political),
    ("director", Business),
    ("director-general", Political),
    ("district attorney", Judicial),
    ("dr", Honorific),
    ("duchess", Royal),
    ("duke", Royal),
    ("emir", Royal),
    ("emperor", Royal),
    ("empress", Royal),
    ("executive director", Business),
    ("father", Religious),
    ("field marshal", Military),
    ("finance minister", Political),
    ("fire chief", Police),
    ("first lady", Political),
    ("foreign minister", Political),
    ("foreign secretary", Political),
    ("founder", Business),
    ("fr", Religious),
    ("gen", Military),
    ("general", Military),
    ("goalkeeper", Role),
    ("gov", Political),
    ("governor", Political),
    ("grand ayatollah", Religious),
    ("head coach", Role),
    ("health minister", Political),
    ("health secretary", Political),
    ("home secretary", Political),
    ("hon", Honorific),
    ("house speaker", Political),
    ("imam", Religious),
    ("insp", Police),
    ("inspector", Police),
    ("inspector general", Judicial),
    ("interior minister", Political),
    ("judge", Judicial),
    ("justice", Judicial),
    ("king", Royal),
    ("lady", Honorific),
    ("lawmaker", Political),
    ("leader", Political),
    ("lieutenant", Military),
    ("lieutenant governor", Political),
    ("lieutenant-colonel", Military),
    ("lieutenant-general", Military),
    ("lieutenant-governor", Political),
    ("lord", Honorific),
    ("lt", Military),
    ("lt col", Military),
    ("lt gen", Military),
    ("lt gov", Political),
    ("lt governor", Political),
    ("madam", Honorific),
    ("maj", Military),
    ("maj gen", Military),
    ("major general", Military),
    ("major-general", Military),
    ("majority leader", Political),
    ("majority whip", Political),
    ("manager", Role),
    ("managing director", Business),
    ("mayor", Political),
    ("midfielder", Role),
    ("minister", Political),
    ("minority leader", Political),
    ("minority whip", Political),
    ("monsignor", Religious),
    ("mr", Honorific),
    ("mrs", Honorific),
    ("ms", Honorific),
    ("msgr", Religious),
    ("mx", Honorific),
    ("national security adviser", Political),
    ("officer", Police),
    ("pastor", Religious),
    ("patriarch", Religious),
    ("pitcher", Role),
    ("police chief", Police),
    ("police commissioner", Police),
    ("pope", Religious),
    ("premier", Political),
    ("president", Political),
    ("president-elect", Political),
    ("press secretary", Political),
    ("prime minister", Political),
    ("prince", Royal),
    ("princess", Royal),
    ("prof", Honorific),
    ("professor", Honorific),
    ("prosecutor", Judicial),
    ("pvt", Military),
    ("quarterback", Role),
    ("queen", Royal),
    ("rabbi", Religious),
    ("rapper", Role),
    ("rear adm", Military),
    ("rep", Political),
    ("representative", Political),
    ("reps", Political),
    ("rev", Religious),
    ("reverend", Religious),
    ("sec", Political),
    ("secretary", Political),
    ("secretary general", Political),
    ("secretary of defense", Political),
    ("secretary of state", Political),
    ("secretary-general", Political),
    ("sen", Political),
    ("senator", Political),
    ("sens", Political),
    ("sergeant", Military),
    ("sgt", Military),
    ("sheikh", Religious),
    ("sheriff", Police),
    ("singer", Role),
    ("sir", Honorific),
    ("solicitor general", Judicial),
    ("spc", Military),
    ("speaker", Political),
    ("special agent", Police),
    ("special counsel", Judicial),
    ("spokesman", Role),
    ("spokesperson", Role),
    ("spokeswoman", Role),
    ("staff sgt", Military),
    ("state rep", Political),
    ("state representative", Political),
    ("state sen", Political),
    ("state senator", Political),
    ("striker", Role),
    ("sultan", Royal),
    ("superintendent", Police),
    ("supervisor", Political),
    ("supreme leader", Political),
    ("supt", Police),
    ("surgeon general", Political),
    ("treasury secretary", Political),
    ("trooper", Police),
    ("tsar", Royal),
    ("u.s attorney", Judicial),
    ("u.s district judge", Judicial),
    ("undersheriff", Police),
    ("vice adm", Military),
    ("vice president", Political),
    ("vice president-elect", Political),
    ("vice-president", Political),
];

/// The kind of a one-word title (`"Gov."`, `"mayor"`, `"CEO"`).
pub fn title_kind(word: &str) -> Option<TitleKind> {
    lookup(Key::of(word).as_str())
}

/// The longest title at the start of `words` (`["Police", "Chief", "Jim"]`
/// → two words, [`TitleKind::Police`]).
pub fn title_at<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<TitleMatch> {
    let mut key = Key::new();
    let mut best = None;
    for (i, word) in words.into_iter().take(MAX_TITLE_WORDS).enumerate() {
        if !key.push(word) {
            break;
        }
        let probe = key.as_str();
        let at = TITLES.partition_point(|(t, _)| *t < probe);
        let Some(&(title, kind)) = TITLES.get(at) else {
            break;
        };
        if title == probe {
            best = Some(TitleMatch { words: i + 1, kind });
        }
        // Stop when no longer title starts with these words.
        let continues = TITLES
            .get(at..)
            .unwrap_or(&[])
            .iter()
            .take_while(|(t, _)| t.starts_with(probe))
            .any(|(t, _)| t.as_bytes().get(probe.len()) == Some(&b' '));
        if !continues {
            break;
        }
    }
    best
}

/// The first word of every title (`police` for `police chief`), in lookup
/// form: a cheap first test before [`title_at`].
pub fn first_words() -> impl Iterator<Item = &'static str> {
    TITLES.iter().map(|(t, _)| t.split(' ').next().unwrap_or(t))
}

fn lookup(key: &str) -> Option<TitleKind> {
    TITLES
        .binary_search_by(|(t, _)| t.cmp(&key))
        .ok()
        .and_then(|i| TITLES.get(i))
        .map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_in_lookup_form() {
        for pair in TITLES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for (t, _) in TITLES {
            let mut key = Key::new();
            for w in t.split(' ') {
                key.push(w);
            }
            assert_eq!(key.as_str(), *t);
            assert!(t.split(' ').count() <= MAX_TITLE_WORDS);
        }
    }

    #[test]
    fn single_words_ignore_case_and_full_stops() {
        assert_eq!(title_kind("Gov."), Some(Political));
        assert_eq!(title_kind("GOV"), Some(Political));
        assert_eq!(title_kind("mayor"), Some(Political));
        assert_eq!(title_kind("Sgt."), Some(Military));
        assert_eq!(title_kind("CEO"), Some(Business));
        assert_eq!(title_kind("spokeswoman"), Some(Role));
        assert_eq!(title_kind("Pope"), Some(Religious));
        assert_eq!(title_kind("Karen"), None);
        assert_eq!(title_kind(""), None);
    }

    #[test]
    fn longest_multiword_title_wins() {
        let m = title_at(["Police", "Chief", "Jim", "McDonnell"]);
        assert_eq!(
            m,
            Some(TitleMatch {
                words: 2,
                kind: Police
            })
        );
        assert_eq!(
            title_at(["Chief", "Justice", "John"]).map(|m| m.words),
            Some(2)
        );
        assert_eq!(
            title_at(["Secretary", "of", "State", "Marco"]).map(|m| m.words),
            Some(3)
        );
        assert_eq!(
            title_at(["Secretary", "of", "Labor"]).map(|m| m.words),
            Some(1)
        );
        assert_eq!(title_at(["Lt.", "Gov.", "Eleni"]).map(|m| m.words), Some(2));
        assert_eq!(
            title_at(["Vice", "President", "JD"]).map(|m| m.kind),
            Some(Political)
        );
        assert_eq!(title_at(["Vice", "Media"]), None);
        assert_eq!(title_at(["Karen", "Bass"]), None);
        assert_eq!(title_at([]), None);
    }
}
