//! Anchoring: the W3C Web Annotation TextQuoteSelector (exact text with a prefix and a
//! suffix) that travels with every position in files, so a reader can check that an
//! offset still points at the words it was made for, and (`locate`) finds those words
//! again when the text has changed.

use super::offsets::{ceil_boundary, floor_boundary, Span};

mod locate;
pub use locate::{
    locate, locate_all, Found, Located, Wanted, CHARS_PER_ERROR, MAX_CANDIDATES, MAX_CONTEXT_CHARS,
    MAX_FUZZY_QUOTE_CHARS, MIN_FUZZY_SCORE, POSITION_WEIGHT, PREFIX_WEIGHT, QUOTE_WEIGHT,
    SUFFIX_WEIGHT,
};

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// The quote of a span, with up to `CONTEXT_CHARS` code points of context on each side.
pub fn quote(text: &str, span: Span) -> Quote {
    let a = floor_boundary(text, span.start());
    let b = ceil_boundary(text, span.end()).max(a);
    let before = &text[..a];
    let pstart = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let after = &text[b..];
    let send = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map(|(i, _)| i)
        .unwrap_or(after.len());
    Quote {
        exact: text[a..b].to_string(),
        prefix: before[pstart..].to_string(),
        suffix: after[..send].to_string(),
    }
}

/// Whether `span` of `text` holds `q.exact`, and the context (where given) agrees.
/// A prefix or suffix may be shorter than the stored one only at the text's edges.
pub fn verify(text: &str, span: Span, q: &Quote) -> bool {
    let Some(exact) = span.slice(text) else {
        return false;
    };
    exact == q.exact
        && text[..span.start()].ends_with(q.prefix.as_str())
        && text[span.end()..].starts_with(q.suffix.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_has_context_and_verifies() {
        let text = "Before 😀 words. The claim is here. After words 漢字.";
        let a = text.find("The claim").unwrap();
        let span = Span::new(a, a + "The claim is here.".len());
        let q = quote(text, span);
        assert_eq!(q.exact, "The claim is here.");
        assert!(q.prefix.ends_with("words. "));
        assert!(q.suffix.starts_with(" After"));
        assert!(verify(text, span, &q));
        assert!(!verify(text, Span::new(a + 1, span.end()), &q));
        assert!(!verify("short", span, &q));
    }

    #[test]
    fn context_is_cut_at_32_code_points() {
        let text = format!("{}X{}", "é".repeat(40), "ü".repeat(40));
        let a = 80;
        let q = quote(&text, Span::new(a, a + 1));
        assert_eq!(q.prefix.chars().count(), 32);
        assert_eq!(q.suffix.chars().count(), 32);
    }
}
