//! Entity labels.

use serde::{Deserialize, Serialize};

/// The kind of an entity mention. Serialised in upper case (`"PERSON"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    /// A person: "Karen Bass" (not the title "Mayor").
    Person,
    /// An organisation: agencies, companies, parties, newsrooms, teams.
    Org,
    /// A place: countries, states, cities, facilities, regions.
    Place,
    /// Other names: nationalities, events, works, products, laws.
    Misc,
    /// A date or period: "July 7, 2025", "last Tuesday", "the 1990s".
    Date,
    /// A time of day: "3 p.m. ET".
    Time,
    /// An amount of money: "$4.5 million", "€20".
    Money,
    /// A percentage: "12%", "12 percent".
    Percent,
    /// A count or measure: "4,000", "about 90", "two miles", "hundreds".
    Quantity,
    /// A social-media handle: "@BillMelugin_".
    Handle,
    /// A hashtag: "#LAProtests".
    Hashtag,
    /// A link: "https://…", "pic.twitter.com/…".
    Url,
    /// An e-mail address.
    Email,
}

impl Label {
    /// Every label, in display order.
    pub const ALL: [Label; 13] = [
        Label::Person,
        Label::Org,
        Label::Place,
        Label::Misc,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Handle,
        Label::Hashtag,
        Label::Url,
        Label::Email,
    ];

    /// The label's name as serialised: `PERSON`, `ORG`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Handle => "HANDLE",
            Label::Hashtag => "HASHTAG",
            Label::Url => "URL",
            Label::Email => "EMAIL",
        }
    }

    /// Parses a serialised label name (`PERSON`, case-insensitive).
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(name))
    }

    /// True for the labels a name tagger produces (PERSON, ORG, PLACE, MISC).
    pub const fn is_name(self) -> bool {
        matches!(
            self,
            Label::Person | Label::Org | Label::Place | Label::Misc
        )
    }

    /// Precedence when two candidate mentions of equal length overlap:
    /// exact token types first, then numeric patterns, then names.
    pub const fn precedence(self) -> u8 {
        match self {
            Label::Url | Label::Email | Label::Handle | Label::Hashtag => 3,
            Label::Money | Label::Percent | Label::Date | Label::Time => 2,
            Label::Quantity => 1,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in Label::ALL {
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        assert_eq!(Label::parse("person"), Some(Label::Person));
        assert_eq!(Label::parse("PER"), None);
    }
}
