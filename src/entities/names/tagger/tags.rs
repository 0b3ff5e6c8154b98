//! The tag set: BILOU over the four name labels, the transitions it
//! allows, and conversion between tag sequences and spans.
//!
//! Tag 0 is `O`; name label `l` (0 PERSON, 1 ORG, 2 PLACE, 3 MISC) has
//! `B = 1 + 4l`, `I = 2 + 4l`, `L = 3 + 4l`, `U = 4 + 4l`.

use std::ops::Range;

use crate::entities::Label;

/// Name labels in tag order.
pub const LABELS: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Misc];

/// Number of tags (O plus BILU for four labels).
pub const NUM_TAGS: usize = 17;

/// The outside tag.
pub const O: u8 = 0;

/// Position of a tag inside its mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// First token of a multi-token mention.
    Begin,
    /// Inner token.
    Inside,
    /// Last token of a multi-token mention.
    Last,
    /// A one-token mention.
    Unit,
}

/// The tag for `part` of a mention of label index `label` (0..4).
pub const fn tag(label: usize, part: Part) -> u8 {
    let p = match part {
        Part::Begin => 1,
        Part::Inside => 2,
        Part::Last => 3,
        Part::Unit => 4,
    };
    (label * 4 + p) as u8
}

/// Label index (0..4) and part of a tag; `None` for `O` or a bad tag.
pub const fn split(t: u8) -> Option<(usize, Part)> {
    if t == 0 || t as usize >= NUM_TAGS {
        return None;
    }
    let label = (t as usize - 1) / 4;
    let part = match (t - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((label, part))
}

/// True when `t` may start a sentence (O, B or U).
pub const fn can_start(t: u8) -> bool {
    !matches!(split(t), Some((_, Part::Inside | Part::Last)))
}

/// True when `t` may end a sentence (O, L or U).
pub const fn can_end(t: u8) -> bool {
    !matches!(split(t), Some((_, Part::Begin | Part::Inside)))
}

/// True when tag `to` may follow tag `from`.
pub const fn allowed(from: u8, to: u8) -> bool {
    match (split(from), split(to)) {
        (Some((a, Part::Begin | Part::Inside)), Some((b, Part::Inside | Part::Last))) => a == b,
        (Some((_, Part::Begin | Part::Inside)), _) => false,
        (_, Some((_, Part::Inside | Part::Last))) => false,
        _ => true,
    }
}

/// Every tag of label index `label` plus `O` (a mask over tags).
pub const fn label_or_outside_mask(label: usize) -> u32 {
    1 | (0b1111 << (1 + 4 * label))
}

/// The mask allowing every tag.
pub const ANY: u32 = (1 << NUM_TAGS) - 1;

/// Mentions (token ranges and label indices) in a valid tag sequence;
/// broken sequences are repaired leniently (a stray I or L starts a mention).
pub fn spans(tags: &[u8]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => {
                if let Some((s, l)) = open.take() {
                    out.push((s..i, l));
                }
            }
            Some((l, part)) => {
                if let Some((s, ol)) = open {
                    if ol != l || matches!(part, Part::Begin | Part::Unit) {
                        out.push((s..i, ol));
                        open = None;
                    }
                }
                let start = open.map_or(i, |(s, _)| s);
                match part {
                    Part::Begin | Part::Inside => open = Some((start, l)),
                    Part::Last | Part::Unit => {
                        out.push((start..i + 1, l));
                        open = None;
                    }
                }
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

/// Writes the BILU tags of a mention over `range` with label index `label`.
pub fn write_mention(tags: &mut [u8], range: Range<usize>, label: usize) {
    let (s, e) = (range.start, range.end);
    if e <= s || e > tags.len() {
        return;
    }
    if e - s == 1 {
        tags[s] = tag(label, Part::Unit);
        return;
    }
    for (k, t) in tags[s..e].iter_mut().enumerate() {
        *t = if k == 0 {
            tag(label, Part::Begin)
        } else if s + k == e - 1 {
            tag(label, Part::Last)
        } else {
            tag(label, Part::Inside)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for l in 0..4 {
            for p in [Part::Begin, Part::Inside, Part::Last, Part::Unit] {
                assert_eq!(split(tag(l, p)), Some((l, p)));
            }
        }
        assert_eq!(split(O), None);
        assert_eq!(split(17), None);
    }

    #[test]
    fn transitions_follow_bilou() {
        let b_per = tag(0, Part::Begin);
        let l_per = tag(0, Part::Last);
        let l_org = tag(1, Part::Last);
        assert!(allowed(b_per, l_per));
        assert!(!allowed(b_per, l_org));
        assert!(!allowed(b_per, O));
        assert!(!allowed(O, l_per));
        assert!(allowed(l_per, tag(1, Part::Unit)));
        assert!(!can_start(l_per) && can_start(b_per));
        assert!(!can_end(b_per) && can_end(l_per));
    }

    #[test]
    fn spans_from_tags_and_back() {
        let mut tags = vec![O; 7];
        write_mention(&mut tags, 1..3, 0);
        write_mention(&mut tags, 4..5, 2);
        write_mention(&mut tags, 5..7, 1);
        assert_eq!(spans(&tags), vec![(1..3, 0), (4..5, 2), (5..7, 1)]);
        // A broken sequence still yields mentions.
        let broken = [
            tag(1, Part::Inside),
            tag(1, Part::Last),
            O,
            tag(0, Part::Begin),
        ];
        assert_eq!(spans(&broken), vec![(0..2, 1), (3..4, 0)]);
    }
}
