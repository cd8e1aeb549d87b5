//! Claims: a span of an article's text tagged with claimant, type, verdict, note, tags and
//! evidence.
//! Spans are byte spans into the article's text (see `offsets`); files convert them.

use super::offsets::Span;
use super::rating::{Evidence, Verdict};
use super::relations::EntityId;
use serde::{Deserialize, Serialize};

/// A closed set of named values: each variant's `name` (files, form values, CSS classes,
/// CSV) is written once, and serde reads and writes that name; `label` is what people read.
macro_rules! named {
    ($(#[$m:meta])* $ty:ident { $first:ident = ($fname:literal, $flabel:literal), $($v:ident = ($name:literal, $label:literal)),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(into = "&'static str", try_from = "String")]
        pub enum $ty {
            #[default]
            $first,
            $($v),*
        }

        impl $ty {
            pub const ALL: &'static [$ty] = &[$ty::$first, $($ty::$v),*];

            /// The name in files, form values, CSS classes and the CSV.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $ty::$first => $fname,
                    $($ty::$v => $name),*
                }
            }

            /// The name people read.
            pub fn label(&self) -> &'static str {
                match self {
                    $ty::$first => $flabel,
                    $($ty::$v => $label),*
                }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|t| t.as_str() == s)
            }
        }

        impl From<$ty> for &'static str {
            fn from(v: $ty) -> &'static str {
                v.as_str()
            }
        }

        impl TryFrom<String> for $ty {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                let names: Vec<&str> = Self::ALL.iter().map(|t| t.as_str()).collect();
                $ty::parse(&s).ok_or_else(|| {
                    format!("unknown {} \"{}\", expected one of {}", stringify!($ty), crate::core::excerpt(&s, 40), names.join(", "))
                })
            }
        }
    };
}
pub(crate) use named;

named!(
    /// What kind of statement a claim is.
    ClaimType {
        Factual = ("factual", "Factual"),
        Opinion = ("opinion", "Opinion"),
        Prediction = ("prediction", "Prediction"),
        Promise = ("promise", "Promise"),
        Accusation = ("accusation", "Accusation"),
        Other = ("other", "Other"),
    }
);

/// What a person fills in on the claim form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimFields {
    pub claimant: String,
    pub kind: ClaimType,
    /// The verdict, a rating of the library's scale (`rating::Scale`).
    pub status: Verdict,
    pub note: String,
    pub tags: Vec<String>,
    /// Sources for the verdict.
    pub evidence: Vec<Evidence>,
}

impl ClaimFields {
    /// Tags from a comma-separated field: trimmed, empty ones dropped, duplicates removed.
    pub fn parse_tags(s: &str) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for t in s.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            if !tags.iter().any(|x| x == t) {
                tags.push(t.to_string());
            }
        }
        tags
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub id: String,
    pub span: Span,
    pub fields: ClaimFields,
    /// RFC 3339 timestamps, supplied by the caller (the core has no clock).
    pub created: String,
    pub modified: String,
    /// Who made it: the annotator's name as they set it (`Library::annotator`), or `None`
    /// when not known (claims made before names, files that do not say).
    pub creator: Option<String>,
}

impl Claim {
    /// Document order: by start, the longer first when two start together, then by id.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (
            self.span.start(),
            std::cmp::Reverse(self.span.end()),
            &self.id,
        )
    }
}

/// A part of a block for rendering: a run of text covered by the same set of claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// Ids of the claims covering this run, outermost first; empty for plain text.
    pub claims: Vec<String>,
    /// The entity mention covering this run, if any.
    pub entity: Option<MarkOf>,
}

/// Which entity a mention belongs to, and its class, as a run of text carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkOf {
    /// The class's short name (`PERSON`, `ORG`, ...), the style sheet's `ent-<label>`.
    pub label: &'static str,
    /// The entity's index in the open article's extraction (where its hover text is).
    pub entity: usize,
    /// Its one id, as the graph knows it; `None` for a name with no key.
    pub id: Option<EntityId>,
}

/// A span marked as an entity mention, for `segments_with`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityMark {
    pub span: Span,
    pub of: MarkOf,
}

/// Cuts `range` into runs where the set of covering claims is constant. Claims must be in
/// document order (as `Article` keeps them). Overlapping and nested claims are supported;
/// O((k + m) log m) for m claims overlapping the range.
pub fn segments(range: Span, claims: &[Claim]) -> Vec<Segment> {
    segments_with(range, claims, &[])
}

/// Like `segments`, also cut at entity mentions (sorted, not overlapping each other).
pub fn segments_with(range: Span, claims: &[Claim], marks: &[EntityMark]) -> Vec<Segment> {
    let hits: Vec<&Claim> = claims
        .iter()
        .filter(|c| !c.span.is_empty() && c.span.overlaps(&range))
        .collect();
    let first = marks.partition_point(|m| m.span.end() <= range.start());
    let ents: Vec<&EntityMark> = marks[first..]
        .iter()
        .take_while(|m| m.span.start() < range.end())
        .filter(|m| m.span.overlaps(&range))
        .collect();
    let mut cuts: Vec<usize> = vec![range.start(), range.end()];
    for c in &hits {
        cuts.push(c.span.start().clamp(range.start(), range.end()));
        cuts.push(c.span.end().clamp(range.start(), range.end()));
    }
    for m in &ents {
        cuts.push(m.span.start().clamp(range.start(), range.end()));
        cuts.push(m.span.end().clamp(range.start(), range.end()));
    }
    crate::core::sort::sort(&mut cuts);
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let span = Span::new(w[0], w[1]);
        if span.is_empty() {
            continue;
        }
        let ids: Vec<String> = hits
            .iter()
            .filter(|c| c.span.start() <= span.start() && span.end() <= c.span.end())
            .map(|c| c.id.clone())
            .collect();
        let entity = ents
            .iter()
            .find(|m| m.span.start() <= span.start() && span.end() <= m.span.end())
            .map(|m| m.of.clone());
        match out.last_mut() {
            Some(Segment {
                span: prev,
                claims,
                entity: e,
            }) if *claims == ids && *e == entity => {
                *prev = Span::new(prev.start(), span.end());
            }
            _ => out.push(Segment {
                span,
                claims: ids,
                entity,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, a: usize, b: usize) -> Claim {
        Claim {
            id: id.into(),
            span: Span::new(a, b),
            fields: ClaimFields::default(),
            created: String::new(),
            modified: String::new(),
            creator: None,
        }
    }

    #[test]
    fn no_claims_one_segment() {
        let s = segments(Span::new(5, 10), &[]);
        assert_eq!(
            s,
            vec![Segment {
                span: Span::new(5, 10),
                claims: vec![],
                entity: None
            }]
        );
    }

    #[test]
    fn nested_and_overlapping_claims() {
        let claims = vec![claim("a", 0, 10), claim("b", 2, 4), claim("c", 8, 15)];
        let s = segments(Span::new(0, 12), &claims);
        let got: Vec<(usize, usize, Vec<&str>)> = s
            .iter()
            .map(|g| {
                (
                    g.span.start(),
                    g.span.end(),
                    g.claims.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 2, vec!["a"]),
                (2, 4, vec!["a", "b"]),
                (4, 8, vec!["a"]),
                (8, 10, vec!["a", "c"]),
                (10, 12, vec!["c"]),
            ]
        );
    }

    #[test]
    fn claims_outside_the_range_are_ignored() {
        let s = segments(Span::new(20, 30), &[claim("a", 0, 10), claim("e", 25, 25)]);
        assert_eq!(s.len(), 1);
        assert!(s[0].claims.is_empty());
    }

    #[test]
    fn entity_marks_cut_segments_too() {
        let claims = vec![claim("a", 0, 10)];
        let marks = vec![
            EntityMark {
                span: Span::new(4, 8),
                of: MarkOf {
                    label: "PERSON",
                    entity: 7,
                    id: None,
                },
            },
            EntityMark {
                span: Span::new(12, 14),
                of: MarkOf {
                    label: "GPE",
                    entity: 2,
                    id: None,
                },
            },
        ];
        let s = segments_with(Span::new(0, 15), &claims, &marks);
        let got: Vec<(usize, usize, usize, Option<usize>)> = s
            .iter()
            .map(|g| {
                (
                    g.span.start(),
                    g.span.end(),
                    g.claims.len(),
                    g.entity.as_ref().map(|e| e.entity),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 4, 1, None),
                (4, 8, 1, Some(7)),
                (8, 10, 1, None),
                (10, 12, 0, None),
                (12, 14, 0, Some(2)),
                (14, 15, 0, None)
            ]
        );
    }

    #[test]
    fn tags_are_cleaned() {
        assert_eq!(
            ClaimFields::parse_tags(" a, b ,,a, c d "),
            vec!["a", "b", "c d"]
        );
    }
}
