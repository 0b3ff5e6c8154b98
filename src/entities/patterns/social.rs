//! HANDLE, HASHTAG, URL and EMAIL: the tokenizer already isolates them.

use crate::entities::{Entity, Label};
use crate::text::{Document, TokenKind};

/// Adds one entity per handle, hashtag, URL and e-mail token.
pub fn find(doc: &Document, out: &mut Vec<Entity>) {
    for t in &doc.tokens {
        let label = match t.kind {
            TokenKind::Handle => Label::Handle,
            TokenKind::Hashtag => Label::Hashtag,
            TokenKind::Url => Label::Url,
            TokenKind::Email => Label::Email,
            _ => continue,
        };
        out.push(Entity::new(t.span, label));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entity_per_token() {
        let text = "Follow @lede_news, #Lede, lede.example.org/x or mail desk@example.org.";
        let doc = Document::new(text);
        let mut out = Vec::new();
        find(&doc, &mut out);
        let got: Vec<(&str, Label)> = out.iter().map(|e| (e.span.slice(text), e.label)).collect();
        assert_eq!(
            got,
            [
                ("@lede_news", Label::Handle),
                ("#Lede", Label::Hashtag),
                ("lede.example.org/x", Label::Url),
                ("desk@example.org", Label::Email),
            ]
        );
    }
}
