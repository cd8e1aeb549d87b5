//! An article to its file.

use super::schema::*;
use super::*;
use crate::core::anchor::{quote, Quote};
use crate::core::annotation::Claim;
use crate::core::library::{Article, Decision};
use crate::core::offsets::{CharIndex, CharSpan};
use crate::core::rating::Scale;
use crate::core::relations::{End, Identities};

/// Writes an article as a Gloss article file (pretty JSON), with the person's decisions
/// on suggestions but not the suggestions themselves (they follow from the text).
pub fn export_article(a: &Article, exported: &str) -> String {
    export_article_with(a, exported, &[], &Identities::default(), None)
}

/// Writes an article with its suggested claims (as computed by `claims::suggest`, which
/// the app has at hand) and the person's decision on each, the library's entity identities
/// and its rating scale (what the file's verdicts mean, for another person's Gloss).
pub fn export_article_with(
    a: &Article,
    exported: &str,
    suggestions: &[crate::core::claims::Suggestion],
    ids: &Identities,
    scale: Option<&Scale>,
) -> String {
    let text = a.doc.text();
    let idx = CharIndex::new(text);
    let file = ArticleFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        offset_unit: OFFSET_UNIT.into(),
        generator: Some(concat!("Gloss ", env!("CARGO_PKG_VERSION")).into()),
        exported: Some(exported.into()),
        article: FileArticle {
            id: a.id.clone(),
            name: a.name.clone(),
            title: a.doc.title().map(str::to_string),
            source_format: a.format,
            source_name: a.source_name.clone(),
            created: a.created.clone(),
            modified: a.modified.clone(),
            text: text.to_string(),
            blocks: a
                .doc
                .blocks()
                .iter()
                .map(|b| {
                    let CharSpan { start, end } = idx.to_chars(b.span);
                    FileBlock {
                        kind: b.kind,
                        start,
                        end,
                    }
                })
                .collect(),
            metadata: a.metadata().clone(),
            page: a.page().to_vec(),
        },
        annotations: a
            .claims()
            .iter()
            .map(|c| {
                let CharSpan { start, end } = idx.to_chars(c.span);
                let q = quote(text, c.span);
                file_annotation(c, Some((start, end)), q)
            })
            .collect(),
        orphans: a
            .orphans()
            .iter()
            .map(|o| file_annotation(&o.claim, None, o.quote.clone()))
            .collect(),
        suggestions: Vec::new(),
        links: a
            .kept_links()
            .map(|l| FileLink {
                id: l.id.clone(),
                kind: l.kind.as_str().into(),
                from: file_end(&l.from),
                to: file_end(&l.to),
                note: l.note.clone(),
                created: l.created.clone(),
            })
            .collect(),
        entities: ids
            .entries()
            .map(|(name, entity)| FileAlias {
                name: name.into(),
                entity: entity.into(),
            })
            .collect(),
        entity_decisions: Vec::new(),
        // the scale, with any verdict the article's claims have that it lacks (one given
        // on another scale): a file never names a verdict its own scale does not hold
        rating_scale: scale.map(|s| {
            let mut s = s.clone();
            s.keep_used(a.verdicts(), &Scale::statuses());
            s
        }),
    };
    let mut file = file;
    file.suggestions = suggestions_of(a, &idx, suggestions);
    file.entity_decisions = a
        .entity_fixes()
        .iter()
        .map(|f| {
            let CharSpan { start, end } = idx.to_chars(f.span);
            FileEntityDecision {
                start,
                end,
                text: a.doc.slice(f.span).to_string(),
                label: f.label.map_or("none", |l| l.as_str()).into(),
            }
        })
        .collect();
    // serialising plain structs of strings and numbers cannot fail
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A claim as the file writes it: its fields, and where it is (`at`, code points; none for
/// an orphan) with its quote.
fn file_annotation(c: &Claim, at: Option<(usize, usize)>, q: Quote) -> FileAnnotation {
    let mut selector = Vec::with_capacity(2);
    if let Some((start, end)) = at {
        selector.push(Selector::TextPositionSelector { start, end });
    }
    selector.push(Selector::TextQuoteSelector {
        exact: q.exact,
        prefix: q.prefix,
        suffix: q.suffix,
    });
    FileAnnotation {
        id: c.id.clone(),
        kind: "claim".into(),
        created: c.created.clone(),
        modified: c.modified.clone(),
        claimant: c.fields.claimant.clone(),
        claim_type: c.fields.kind,
        status: c.fields.status.clone(),
        note: c.fields.note.clone(),
        tags: c.fields.tags.clone(),
        evidence: c.fields.evidence.clone(),
        creator: c.creator.clone(),
        target: FileTarget { selector },
    }
}

pub(super) fn file_end(e: &End) -> FileEnd {
    match e {
        End::Claim(id) => FileEnd::Claim(id.clone()),
        End::Entity(n) => FileEnd::Entity(n.clone()),
    }
}

/// Suggested claims with the person's decisions, for the file; decisions on sentences not
/// among `suggestions` are kept too.
pub(super) fn suggestions_of(
    a: &Article,
    idx: &CharIndex,
    suggestions: &[crate::core::claims::Suggestion],
) -> Vec<FileSuggestion> {
    let doc = &a.doc;
    let mut out: Vec<FileSuggestion> = suggestions
        .iter()
        .cloned()
        .map(|s| {
            let (decision, claim) = decision_of(a, a.decision(s.sentence));
            let CharSpan { start, end } = idx.to_chars(s.sentence);
            FileSuggestion {
                start,
                end,
                speaker: s.speaker,
                cue: s.cue.map(|c| doc.slice(c).to_string()),
                score: (s.worth.score * 100.0).round() / 100.0,
                decision,
                claim,
            }
        })
        .collect();
    // decisions on sentences no longer suggested are kept too
    for (span, d) in a.decisions() {
        let CharSpan { start, end } = idx.to_chars(*span);
        if !out.iter().any(|f| f.start == start && f.end == end) {
            let (decision, claim) = decision_of(a, Some(d));
            out.push(FileSuggestion {
                start,
                end,
                speaker: None,
                cue: None,
                score: 0.0,
                decision,
                claim,
            });
        }
    }
    crate::core::sort::sort_by_key(&mut out, |f| (f.start, f.end));
    out
}

/// A decision as the file writes it; a suggestion accepted as a claim that is gone reads as
/// rejected (the article never keeps one, but a file must not say otherwise).
pub(super) fn decision_of(a: &Article, d: Option<&Decision>) -> (FileDecision, Option<String>) {
    match d {
        Some(Decision::Accepted(id)) if a.claim(id).is_some() => {
            (FileDecision::Accepted, Some(id.clone()))
        }
        Some(_) => (FileDecision::Rejected, None),
        None => (FileDecision::Pending, None),
    }
}
