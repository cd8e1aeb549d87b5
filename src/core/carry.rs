//! Carrying claims onto a text that changed: an imported file whose quotes no longer match
//! its offsets, another annotator's copy of the article, or a new version of an article
//! the person already annotated. Each claim is found again by its quote (`anchor::locate`:
//! the exact quote with its context, then an approximate match near where it was); one that
//! cannot be found is kept as an `Orphan` with its quote, never dropped, until the person
//! places it by selecting text (`Article::place_orphan`).

use super::anchor::{locate_all, quote, Found, Located, Quote, Wanted};
use super::annotation::Claim;
use super::library::{trim_span, Article};
use super::offsets::{CharIndex, CharSpan, Span};

/// A claim whose words were not found again in its article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// The claim as it was, with everything it held but its place: `claim.span` is
    /// empty at 0 until it is placed.
    pub claim: Claim,
    /// The words it was made on, with their context.
    pub quote: Quote,
}

/// A claim arriving from elsewhere, to be placed on a text.
#[derive(Clone, Debug)]
pub struct Incoming {
    /// The claim; its span is ignored (it is in the text it came from).
    pub claim: Claim,
    /// Its words and their context.
    pub quote: Quote,
    /// Where it was, in code points of the text it came from: where to look first.
    pub was: Option<CharSpan>,
}

/// What carrying claims onto a text did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Carried {
    /// Claims placed on the text, their spans in it.
    pub placed: Vec<Claim>,
    /// Claims whose words are not in the text.
    pub orphans: Vec<Orphan>,
    /// How many of `placed` were found where they were (`Found::Exact`), elsewhere with the
    /// same words (`Found::Moved`) or with words that changed (`Found::Fuzzy`).
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
}

impl Carried {
    /// In a person's words: "3 claims placed (1 found with changed words); 1 not found".
    pub fn summary(&self) -> String {
        let n = self.placed.len();
        let mut s = format!("{n} claim{} placed", if n == 1 { "" } else { "s" });
        if self.fuzzy > 0 {
            s.push_str(&format!(" ({} found with changed words)", self.fuzzy));
        }
        if !self.orphans.is_empty() {
            s.push_str(&format!(
                "; {} not found in the text, listed under Claims to place by hand",
                self.orphans.len()
            ));
        }
        s
    }
}

/// The most claims looked for in one text at a time: past it (a hostile or mistaken file
/// with many claims whose words are not at their places) the rest are kept as orphans
/// rather than searched for, so carrying never holds the page for long.
pub const MAX_LOOKED_FOR: usize = 2000;

/// Places each incoming claim on `text`: by its quote, looked for first where it was (the
/// text prepared once for all of them, `anchor::locate_all`). A place that holds only
/// white space is no place: the claim is an orphan.
pub fn carry(text: &str, incoming: Vec<Incoming>) -> Carried {
    let idx = CharIndex::new(text);
    let mut out = Carried::default();
    // where each was, as a byte offset in this text (the nearest character when the text
    // is shorter now)
    let hint = |was: Option<CharSpan>| {
        was.map(|w| {
            let at = w.start.min(idx.len_chars());
            idx.to_bytes(CharSpan { start: at, end: at })
                .map_or(text.len(), |s| s.start())
        })
    };
    let wanted: Vec<Wanted> = incoming
        .iter()
        .take(MAX_LOOKED_FOR)
        .filter(|i| !i.quote.exact.is_empty())
        .map(|i| Wanted {
            quote: i.quote.clone(),
            hint: hint(i.was),
        })
        .collect();
    let mut found = locate_all(text, &wanted).into_iter();
    for (
        n,
        Incoming {
            mut claim,
            quote,
            was,
        },
    ) in incoming.into_iter().enumerate()
    {
        let located = if n >= MAX_LOOKED_FOR {
            None
        } else if quote.exact.is_empty() {
            // a position without a quote (some tools write only that): taken as it is
            was.and_then(|w| idx.to_bytes(w)).map(|span| Located {
                span,
                found: Found::Exact,
                score: 1.0,
            })
        } else {
            found.next().flatten()
        };
        match located.and_then(|l| trim_span(text, l.span).map(|span| (span, l.found))) {
            Some((span, how)) => {
                match how {
                    Found::Exact => out.exact += 1,
                    Found::Moved => out.moved += 1,
                    Found::Fuzzy { .. } => out.fuzzy += 1,
                }
                claim.span = span;
                out.placed.push(claim);
            }
            None => {
                claim.span = Span::new(0, 0);
                out.orphans.push(Orphan { claim, quote });
            }
        }
    }
    out
}

/// An article's claims (and its orphans, which keep their quotes) as claims arriving at
/// another text: a new version of the article, or another annotator's copy.
pub fn incoming_from(a: &Article) -> Vec<Incoming> {
    let text = a.doc.text();
    let idx = CharIndex::new(text);
    let claims = a.claims().iter().map(|c| Incoming {
        claim: c.clone(),
        quote: quote(text, c.span),
        was: Some(idx.to_chars(c.span)),
    });
    let orphans = a.orphans().iter().map(|o| Incoming {
        claim: o.claim.clone(),
        quote: o.quote.clone(),
        was: None,
    });
    claims.chain(orphans).collect()
}

/// Carries `from`'s claims onto `onto` (a new version of the same article): placed claims
/// are added, the rest kept as orphans. Returns what happened, for the person.
pub fn carry_over(from: &Article, onto: &mut Article, now: &str) -> Carried {
    let carried = carry(onto.doc.text(), incoming_from(from));
    onto.add_placed(carried.placed.clone(), now);
    onto.add_orphans(carried.orphans.clone(), now);
    carried
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;
    use crate::core::parse::{parse_bytes as parse, Format};

    fn article(id: &str, text: &str) -> Article {
        Article::new(
            id.into(),
            parse(text.as_bytes(), Some(Format::Text)),
            None,
            "t0",
        )
    }

    fn tag(a: &mut Article, id: &str, words: &str) {
        let at = a.doc.text().find(words).unwrap();
        let fields = ClaimFields {
            claimant: "Ann Lee".into(),
            note: format!("note on {id}"),
            ..Default::default()
        };
        a.add_claim_by(
            id.into(),
            Span::new(at, at + words.len()),
            fields,
            Some("Ann".into()),
            "t1",
        )
        .unwrap();
    }

    #[test]
    fn a_new_version_keeps_claims_moved_changed_and_gone() {
        let mut old = article(
            "a",
            "Exports rose 40% last year, the minister said.\n\nWages fell in the north.\n\nThe port will close in May.",
        );
        tag(&mut old, "c1", "Exports rose 40% last year");
        tag(&mut old, "c2", "Wages fell in the north");
        tag(&mut old, "c3", "The port will close in May");
        let mut new = article(
            "b",
            "A paragraph was added at the top 😀.\n\nExports rose 40% last year, the minister said.\n\nWages fell in the North.",
        );
        let carried = carry_over(&old, &mut new, "t2");
        let words: Vec<&str> = new.claims().iter().map(|c| new.doc.slice(c.span)).collect();
        assert_eq!(words[0], "Exports rose 40% last year");
        assert_eq!(words[1], "Wages fell in the North");
        assert_eq!((carried.moved, carried.fuzzy), (1, 1));
        // the claim whose words are gone is an orphan, with all it held
        assert_eq!(new.orphans().len(), 1);
        let o = &new.orphans()[0];
        assert_eq!(o.quote.exact, "The port will close in May");
        assert_eq!(o.claim.fields.note, "note on c3");
        assert_eq!(o.claim.creator.as_deref(), Some("Ann"));
        assert!(carried.summary().contains("1 not found"));
        // placed by hand, it is a claim again with its note and creator
        let at = new.doc.text().find("A paragraph").unwrap();
        let placed = new
            .place_orphan("c3", Span::new(at, at + 11), "t3")
            .unwrap()
            .clone();
        assert_eq!(new.doc.slice(placed.span), "A paragraph");
        assert_eq!(placed.fields.note, "note on c3");
        assert!(new.orphans().is_empty());
    }

    #[test]
    fn ids_taken_get_fresh_ones_and_nothing_is_lost() {
        let text = "One claim here. Another claim there.";
        let mut mine = article("a", text);
        tag(&mut mine, "c1", "One claim here");
        let mut theirs = article("a", text);
        tag(&mut theirs, "c1", "Another claim there");
        let carried = carry(mine.doc.text(), incoming_from(&theirs));
        let ids = mine.add_placed(carried.placed, "t2");
        assert_eq!(ids, vec!["c1-2".to_string()]);
        assert_eq!(mine.claims().len(), 2);
    }
}
