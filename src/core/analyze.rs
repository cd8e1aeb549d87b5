//! The `gloss analyze` report: one JSON object per article, offsets in code points, so
//! that the scorers in the shared corpus (Python `str` indices) read it directly.

use super::claims::Suggestion;
use super::document::{BlockKind, Diagnostic, Document};
use super::offsets::{CharIndex, Span};
use super::page::Metadata;
use super::parse::Parsed;
use serde::Serialize;

#[derive(Serialize)]
pub struct Report<'a> {
    pub title: Option<&'a str>,
    /// Headline, authors, date (ISO 8601), publisher, URL, language, description, as far
    /// as the page gives them (`{}` for text and Markdown).
    pub metadata: &'a Metadata,
    pub format: &'static str,
    #[serde(rename = "offsetUnit")]
    pub offset_unit: &'static str,
    pub text: &'a str,
    pub paragraphs: Vec<ReportBlock>,
    pub sentences: Vec<ReportSpan>,
    pub entities: Vec<ReportEntity>,
    pub claims: Vec<ReportClaim>,
    pub diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
pub struct ReportBlock {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct ReportEntity {
    pub text: String,
    pub label: &'static str,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Mentions of one entity share this number.
    pub entity: usize,
    /// The entity's fullest name.
    pub name: String,
}

#[derive(Serialize)]
pub struct ReportClaim {
    /// The sentence holding the claim.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub speaker: Option<String>,
    /// The cue's words and where they are; none inside a quotation running on.
    pub cue: Option<ReportCue>,
    /// The source as written in the sentence (name, description or pronoun), when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<ReportSpan>,
    pub content: ReportContent,
    pub score: f32,
    pub reasons: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct ReportSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct ReportCue {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// What was said: one span, or when a quotation runs on over the next sentences (claims
/// of the same speaker with no cue of their own, listed after this one too), this
/// claim's content and each of theirs, in text order.
#[derive(Serialize)]
#[serde(untagged)]
pub enum ReportContent {
    One(ReportSpan),
    Runs(Vec<ReportSpan>),
}

/// For each claim, the contents of the claims that carry its quotation on: those right
/// after an attribution with a cue that have its speaker, the same mention of it, and
/// no cue.
fn runs_on(claims: &[Suggestion]) -> Vec<Vec<Span>> {
    let mut out: Vec<Vec<Span>> = claims.iter().map(|c| vec![c.content]).collect();
    let mut head: Option<usize> = None;
    for (i, c) in claims.iter().enumerate() {
        let goes_on = head.and_then(|h| claims.get(h)).is_some_and(|h| {
            c.cue.is_none()
                && c.speaker.is_some()
                && c.speaker == h.speaker
                && c.speaker_span == h.speaker_span
        });
        match head {
            Some(h) if goes_on => {
                if let Some(spans) = out.get_mut(h) {
                    spans.push(c.content);
                }
            }
            _ => head = (c.cue.is_some() && c.speaker.is_some()).then_some(i),
        }
    }
    out
}

fn cp(idx: &CharIndex, s: Span) -> (usize, usize) {
    // spans in a Document are always on char boundaries; 0 is a safe fallback
    (
        idx.byte_to_char(s.start()).unwrap_or(0),
        idx.byte_to_char(s.end()).unwrap_or(0),
    )
}

pub fn report(parsed: &Parsed) -> Report<'_> {
    let doc: &Document = &parsed.document;
    let idx = CharIndex::new(doc.text());
    let found = super::pipeline::findings(doc);
    let extraction = &found.extraction;
    let mentions = &extraction.mentions;
    Report {
        title: doc.title(),
        metadata: &parsed.metadata,
        format: parsed.format.as_str(),
        offset_unit: "codepoint",
        text: doc.text(),
        paragraphs: doc
            .blocks()
            .iter()
            .filter(|b| b.kind != BlockKind::Title)
            .map(|b| {
                let (start, end) = cp(&idx, b.span);
                ReportBlock {
                    kind: b.kind,
                    start,
                    end,
                }
            })
            .collect(),
        sentences: doc
            .sentences()
            .iter()
            .map(|s| {
                let (start, end) = cp(&idx, *s);
                ReportSpan { start, end }
            })
            .collect(),
        claims: found
            .suggestions
            .iter()
            .zip(runs_on(&found.suggestions))
            .map(|(c, contents)| {
                let (start, end) = cp(&idx, c.sentence);
                let mut spans: Vec<ReportSpan> = contents
                    .into_iter()
                    .map(|s| {
                        let (start, end) = cp(&idx, s);
                        ReportSpan { start, end }
                    })
                    .collect();
                let content = match spans.len() {
                    1 => ReportContent::One(spans.remove(0)),
                    _ => ReportContent::Runs(spans),
                };
                ReportClaim {
                    start,
                    end,
                    kind: if c.attributed() {
                        "attributed"
                    } else {
                        "factual"
                    },
                    speaker: c.speaker.clone(),
                    cue: c.cue.map(|s| {
                        let (start, end) = cp(&idx, s);
                        ReportCue {
                            start,
                            end,
                            text: doc.slice(s).to_string(),
                        }
                    }),
                    source: c.source.map(|s| {
                        let (start, end) = cp(&idx, s);
                        ReportSpan { start, end }
                    }),
                    content,
                    score: (c.worth.score * 100.0).round() / 100.0,
                    reasons: c.worth.reasons.iter().map(|r| r.label()).collect(),
                }
            })
            .collect(),
        entities: mentions
            .iter()
            .map(|m| {
                let (start, end) = cp(&idx, m.span);
                ReportEntity {
                    text: doc.slice(m.span).to_string(),
                    label: m.label.as_str(),
                    start,
                    end,
                    role: m.role.map(|r| doc.slice(r).to_string()),
                    entity: m.entity,
                    name: extraction.entities[m.entity].name.clone(),
                }
            })
            .collect(),
        diagnostics: &parsed.diagnostics,
    }
}

/// One line of `gloss scores`: a claim the scan found in a sentence, suggested or not, with
/// its check-worthiness; `block` is the index of its block among all blocks (the title
/// included), so that a text of one statement a paragraph maps back line by line.
#[derive(Serialize)]
pub struct ScoreLine {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub attributed: bool,
    pub suggested: bool,
    pub score: f32,
    pub reasons: Vec<&'static str>,
}

/// Every claim of the document with its score, in text order.
pub fn scores(parsed: &Parsed) -> Vec<ScoreLine> {
    let doc: &Document = &parsed.document;
    let idx = CharIndex::new(doc.text());
    let blocks = doc.blocks();
    super::pipeline::every_claim(doc)
        .into_iter()
        .map(|c| {
            let (start, end) = cp(&idx, c.sentence);
            let block = blocks.partition_point(|b| b.span.end() < c.sentence.end());
            ScoreLine {
                block,
                start,
                end,
                attributed: c.attributed(),
                suggested: c.worth_suggesting(),
                score: (c.worth.score * 100.0).round() / 100.0,
                reasons: c.worth.reasons.iter().map(|r| r.label()).collect(),
            }
        })
        .collect()
}
