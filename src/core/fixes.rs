//! The person's fixes to the entities the extractor found, as in brat: a missed mention
//! marked, a class changed, a false entity removed. Each fix is a decision on a span of the
//! text ("this is an organisation", "this is not an entity"), stored in the article
//! (`library::Article::fix_entities`) and applied to every extraction of it (`apply`), so
//! the underlines, the tooltips and the graph follow. Pure; never panics.

use super::document::Document;
use super::extract::{cluster, Extraction, Label, Mention};
use super::offsets::Span;

/// Every class, in the order the legend shows them.
pub const LABELS: [Label; 5] = [
    Label::Person,
    Label::Org,
    Label::Gpe,
    Label::Loc,
    Label::Norp,
];

/// A class from its code ("PERSON", "ORG", "GPE", "LOC", "NORP").
pub fn parse_label(s: &str) -> Option<Label> {
    LABELS.into_iter().find(|l| l.as_str() == s)
}

/// The person's decision on one span: an entity of `label`, or (`None`) not an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityFix {
    pub span: Span,
    pub label: Option<Label>,
}

/// Why a span cannot be marked. Nothing changes when refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixError {
    /// The span holds no text (or none is selected).
    Empty,
    /// The span runs over more than one block of the article.
    CrossesBlocks,
}

impl std::fmt::Display for FixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FixError::Empty => "Select the words of a name first, or click an underlined name.",
            FixError::CrossesBlocks => {
                "A name lies within one paragraph; select words of one paragraph."
            }
        })
    }
}

/// Adds decisions to `fixes` (kept sorted and apart): each new one replaces every earlier
/// decision it overlaps, so the latest word on any text wins.
pub fn record(fixes: &mut Vec<EntityFix>, new: impl IntoIterator<Item = EntityFix>) {
    for f in new {
        fixes.retain(|o| !o.span.overlaps(&f.span) && o.span != f.span);
        let at = fixes.partition_point(|o| o.span < f.span);
        fixes.insert(at, f);
    }
}

/// The extraction as the person corrected it: mentions found that overlap a decision give
/// way to it; a decision with a class becomes a mention of that class (keeping the role of
/// the mention found on the very same words); then mentions are grouped into entities
/// again. `fixes` must be sorted and apart (as `record` keeps them).
pub fn apply(doc: &Document, found: &Extraction, fixes: &[EntityFix]) -> Extraction {
    let text = doc.text();
    let mut mentions: Vec<Mention> = Vec::with_capacity(found.mentions.len() + fixes.len());
    let mut i = 0;
    for m in &found.mentions {
        while i < fixes.len() && fixes[i].span.end() <= m.span.start() {
            i += 1;
        }
        let hit = fixes[i..]
            .iter()
            .take_while(|f| f.span.start() < m.span.end())
            .any(|f| f.span.overlaps(&m.span) || f.span == m.span);
        if !hit {
            mentions.push(m.clone());
        }
    }
    for f in fixes {
        let Some(label) = f.label else { continue };
        if f.span.is_empty() || f.span.slice(text).is_none() {
            continue;
        }
        let role = found
            .mentions
            .iter()
            .find(|m| m.span == f.span && label == Label::Person)
            .and_then(|m| m.role);
        mentions.push(Mention {
            span: f.span,
            label,
            role,
            entity: 0,
        });
    }
    crate::core::sort::sort_by_key(&mut mentions, |m| (m.span.start(), m.span.end()));
    cluster(doc, mentions)
}

/// Checks a span the person wants to mark: some text, within one block.
pub fn check(doc: &Document, span: Span) -> Result<(), FixError> {
    if span.is_empty() {
        return Err(FixError::Empty);
    }
    match doc.blocks().iter().find(|b| b.span.contains(span.start())) {
        Some(b) if span.end() <= b.span.end() => Ok(()),
        _ => Err(FixError::CrossesBlocks),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::extract::extract;
    use crate::core::parse::parse_str;

    fn at(doc: &Document, words: &str) -> Span {
        let s = doc.text().find(words).unwrap();
        Span::new(s, s + words.len())
    }

    fn names(doc: &Document, x: &Extraction) -> Vec<(String, Label)> {
        x.mentions
            .iter()
            .map(|m| (doc.slice(m.span).to_string(), m.label))
            .collect()
    }

    const TEXT: &str = "Dam talks\nPresident Ana Lima met Clean Rivers Now in Kyiv at 10 GMT. Lima said the Oval Office agreed.";

    #[test]
    fn a_class_changed_a_false_entity_removed_and_a_missed_one_marked() {
        let doc = parse_str(TEXT, None).document;
        let found = extract(&doc);
        let before = names(&doc, &found);
        assert!(before.contains(&("Kyiv".into(), Label::Gpe)), "{before:?}");
        let mut fixes = Vec::new();
        record(
            &mut fixes,
            [
                EntityFix {
                    span: at(&doc, "Kyiv"),
                    label: Some(Label::Org),
                },
                EntityFix {
                    span: at(&doc, "Clean Rivers Now"),
                    label: Some(Label::Org),
                },
                EntityFix {
                    span: at(&doc, "GMT"),
                    label: None,
                },
            ],
        );
        let x = apply(&doc, &found, &fixes);
        let after = names(&doc, &x);
        assert!(after.contains(&("Kyiv".into(), Label::Org)), "{after:?}");
        assert!(after.contains(&("Clean Rivers Now".into(), Label::Org)));
        assert!(!after.iter().any(|(n, _)| n.contains("GMT")));
        assert!(!after
            .iter()
            .any(|(n, _)| n.contains("Clean") && n != "Clean Rivers Now"));
        // the entities follow the mentions
        assert!(x.entities.iter().any(|e| e.name == "Clean Rivers Now"));
        assert_eq!(
            x.entities.iter().find(|e| e.name == "Ana Lima"),
            found.entities.iter().find(|e| e.name == "Ana Lima"),
            "untouched: {found:?}"
        );
        // a person marked a person again keeps the role found with the name
        let mut again = fixes.clone();
        record(
            &mut again,
            [EntityFix {
                span: at(&doc, "Ana Lima"),
                label: Some(Label::Person),
            }],
        );
        let y = apply(&doc, &found, &again);
        let role = |x: &Extraction| {
            x.entities
                .iter()
                .find(|e| e.name == "Ana Lima")
                .and_then(|e| e.role.clone())
        };
        assert_eq!(role(&y), Some("President".into()));
        // sorted and apart, as segments_with needs
        for w in x.mentions.windows(2) {
            assert!(w[0].span.end() <= w[1].span.start());
        }
        // the same fixes again change nothing more
        assert_eq!(apply(&doc, &x, &fixes), x);
        // no fixes: the extraction as found
        assert_eq!(apply(&doc, &found, &[]), found);
    }

    #[test]
    fn the_latest_decision_on_any_words_wins() {
        let doc = parse_str(TEXT, None).document;
        let mut fixes = Vec::new();
        let clean = at(&doc, "Clean Rivers");
        record(
            &mut fixes,
            [EntityFix {
                span: clean,
                label: Some(Label::Person),
            }],
        );
        let whole = at(&doc, "Clean Rivers Now");
        record(
            &mut fixes,
            [EntityFix {
                span: whole,
                label: Some(Label::Org),
            }],
        );
        assert_eq!(
            fixes,
            [EntityFix {
                span: whole,
                label: Some(Label::Org)
            }]
        );
        record(
            &mut fixes,
            [
                EntityFix {
                    span: at(&doc, "Kyiv"),
                    label: None,
                },
                EntityFix {
                    span: at(&doc, "Ana"),
                    label: None,
                },
            ],
        );
        let spans: Vec<Span> = fixes.iter().map(|f| f.span).collect();
        let mut sorted = spans.clone();
        sorted.sort();
        assert_eq!(spans, sorted);
        // removing part of a name found removes the mention found there
        let x = apply(&doc, &extract(&doc), &fixes);
        assert!(!names(&doc, &x)
            .iter()
            .any(|(n, _)| n.contains("Ana") || n == "Kyiv"));
    }

    #[test]
    fn marks_are_checked_and_labels_read() {
        let doc = parse_str("Title\nOne block.\n\nAnother block.", None).document;
        assert_eq!(check(&doc, at(&doc, "One")), Ok(()));
        assert_eq!(check(&doc, Span::new(3, 3)), Err(FixError::Empty));
        let s = doc.text().find("block.").unwrap();
        let e = doc.text().find("Another").unwrap() + 3;
        assert_eq!(check(&doc, Span::new(s, e)), Err(FixError::CrossesBlocks));
        assert!(!FixError::CrossesBlocks.to_string().is_empty());
        for l in LABELS {
            assert_eq!(parse_label(l.as_str()), Some(l));
        }
        assert_eq!(parse_label("none"), None);
        // a fix outside the text is ignored, never a panic
        let wild = [EntityFix {
            span: Span::new(900, 905),
            label: Some(Label::Org),
        }];
        assert!(apply(&doc, &Extraction::default(), &wild)
            .mentions
            .is_empty());
    }
}
