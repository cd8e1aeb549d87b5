//! The `gloss analyze` report: one JSON object per article, offsets in code points, so
//! that the scorers in the shared corpus (Python `str` indices) read it directly. Also the
//! other lines the command line prints (`gloss page`, `gloss scores`), made here so that the
//! command line and the Python package print the very same objects.

use super::claims::Suggestion;
use super::document::{BlockKind, Diagnostic, Document};
use super::offsets::{CharIndex, CharSpan, Span};
use super::page::{Metadata, PageBlock};
use super::parse::Parsed;
use serde::Serialize;

/// The parts of a report a person may ask for (`gloss analyze --fields`). `offsetUnit`,
/// and in a batch `file`, are always written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Metadata,
    Format,
    Text,
    Paragraphs,
    Sentences,
    Entities,
    Claims,
    Diagnostics,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Title,
        Field::Metadata,
        Field::Format,
        Field::Text,
        Field::Paragraphs,
        Field::Sentences,
        Field::Entities,
        Field::Claims,
        Field::Diagnostics,
    ];

    /// The name of the field in the report, and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Metadata => "metadata",
            Field::Format => "format",
            Field::Text => "text",
            Field::Paragraphs => "paragraphs",
            Field::Sentences => "sentences",
            Field::Entities => "entities",
            Field::Claims => "claims",
            Field::Diagnostics => "diagnostics",
        }
    }
}

/// A set of fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fields(u16);

impl Fields {
    pub const ALL: Fields = Fields((1 << Field::ALL.len()) - 1);

    pub fn has(self, f: Field) -> bool {
        self.0 & (1 << f as u16) != 0
    }

    /// A comma-separated list of field names (`text,entities`); an unknown name is the
    /// error, as written.
    pub fn parse(list: &str) -> Result<Fields, String> {
        let mut set = 0u16;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let f = Field::ALL
                .into_iter()
                .find(|f| f.name() == name)
                .ok_or_else(|| name.to_string())?;
            set |= 1 << f as u16;
        }
        Ok(Fields(set))
    }
}

/// One article's report. Fields not asked for are left out; so are a claim's speaker,
/// cue and source when it has none.
#[derive(Serialize)]
pub struct Report<'a> {
    /// The file the article was read from, in a batch (`gloss analyze`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Option<&'a str>>,
    /// Headline, authors, date (ISO 8601), publisher, URL, language, description, as far
    /// as the page gives them (`{}` for text and Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<&'a Metadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(rename = "offsetUnit")]
    pub offset_unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<ReportBlock>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<CharSpan>>,
    /// Every mention; `entity` numbers the entity it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<ReportEntity<'a>>>,
    /// Each entity's fullest name, by its number (once, not with each mention).
    #[serde(rename = "entityNames", skip_serializing_if = "Option::is_none")]
    pub entity_names: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<Vec<ReportClaim>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagnostics: Option<&'a [Diagnostic]>,
}

#[derive(Serialize)]
pub struct ReportBlock {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct ReportEntity<'a> {
    pub text: &'a str,
    pub label: &'static str,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    /// Mentions of one entity share this number: its place in `entityNames`.
    pub entity: usize,
}

#[derive(Serialize)]
pub struct ReportClaim {
    /// The sentence holding the claim.
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The cue's words and where they are; none inside a quotation running on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<ReportCue>,
    /// The source as written in the sentence (name, description or pronoun), when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<CharSpan>,
    pub content: ReportContent,
    pub score: f32,
    pub reasons: Vec<&'static str>,
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
    One(CharSpan),
    Runs(Vec<CharSpan>),
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

/// The whole report of an article.
pub fn report(parsed: &Parsed) -> Report<'_> {
    report_of(parsed, Fields::ALL, None)
}

/// The report with the fields asked for (entities and claims are found only when asked
/// for), naming the file it came from when given.
pub fn report_of<'a>(parsed: &'a Parsed, fields: Fields, file: Option<&'a str>) -> Report<'a> {
    let doc: &Document = &parsed.document;
    let idx = CharIndex::new(doc.text());
    let found = (fields.has(Field::Entities) || fields.has(Field::Claims))
        .then(|| super::pipeline::findings(doc));
    let ask = |f: Field| fields.has(f).then_some(());
    let (mut entities, mut entity_names, mut claims) = (None, None, None);
    if let Some(found) = found {
        if fields.has(Field::Claims) {
            claims = Some(report_claims(doc, &idx, &found.suggestions));
        }
        if fields.has(Field::Entities) {
            entities = Some(
                found
                    .extraction
                    .mentions
                    .iter()
                    .map(|m| {
                        let CharSpan { start, end } = idx.to_chars(m.span);
                        ReportEntity {
                            text: doc.slice(m.span),
                            label: m.label.as_str(),
                            start,
                            end,
                            role: m.role.map(|r| doc.slice(r)),
                            entity: m.entity,
                        }
                    })
                    .collect(),
            );
            entity_names = Some(
                found
                    .extraction
                    .entities
                    .into_iter()
                    .map(|e| e.name)
                    .collect(),
            );
        }
    }
    Report {
        file,
        title: ask(Field::Title).map(|()| doc.title()),
        metadata: ask(Field::Metadata).map(|()| &parsed.metadata),
        format: ask(Field::Format).map(|()| parsed.format.as_str()),
        offset_unit: "codepoint",
        text: ask(Field::Text).map(|()| doc.text()),
        paragraphs: ask(Field::Paragraphs).map(|()| {
            doc.blocks()
                .iter()
                .filter(|b| b.kind != BlockKind::Title)
                .map(|b| {
                    let CharSpan { start, end } = idx.to_chars(b.span);
                    ReportBlock {
                        kind: b.kind,
                        start,
                        end,
                    }
                })
                .collect()
        }),
        sentences: ask(Field::Sentences)
            .map(|()| doc.sentences().iter().map(|s| idx.to_chars(*s)).collect()),
        claims,
        entities,
        entity_names,
        diagnostics: ask(Field::Diagnostics).map(|()| parsed.diagnostics.as_slice()),
    }
}

fn report_claims(doc: &Document, idx: &CharIndex, suggestions: &[Suggestion]) -> Vec<ReportClaim> {
    suggestions
        .iter()
        .zip(runs_on(suggestions))
        .map(|(c, contents)| {
            let CharSpan { start, end } = idx.to_chars(c.sentence);
            let mut spans: Vec<CharSpan> = contents.into_iter().map(|s| idx.to_chars(s)).collect();
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
                    let CharSpan { start, end } = idx.to_chars(s);
                    ReportCue {
                        start,
                        end,
                        text: doc.slice(s).to_string(),
                    }
                }),
                source: c.source.map(|s| idx.to_chars(s)),
                content,
                score: (c.worth.score * 100.0).round() / 100.0,
                reasons: c.worth.reasons.iter().map(|r| r.label()).collect(),
            }
        })
        .collect()
}

/// One line of `gloss page`: a web page's story and metadata (the Python package's
/// `main_text`), written by `to_json`.
#[derive(Serialize)]
pub struct PageLine<'a> {
    /// Every block of the page in reading order, kept or dropped (with why).
    pub blocks: &'a [PageBlock],
    /// The story: the kept blocks but the headline and figure captions, one a line.
    pub body: String,
    /// The file the page was read from, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    /// Headline, authors, date (ISO 8601), publisher, URL, language, description, as far as
    /// the page gives them.
    pub metadata: &'a Metadata,
}

impl PageLine<'_> {
    /// The line as JSON, its keys in name order at every level (through a `Value`), as the
    /// command line has always written it.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_value(self).and_then(|v| serde_json::to_string(&v))
    }
}

/// The `gloss page` line of a parsed page, naming the file it came from when given.
pub fn page_line<'a>(parsed: &'a Parsed, file: Option<&'a str>) -> PageLine<'a> {
    let body: Vec<&str> = parsed
        .page
        .iter()
        .filter(|b| b.kept() && !matches!(b.kind, BlockKind::Title | BlockKind::Caption))
        .map(|b| b.text.as_str())
        .collect();
    PageLine {
        blocks: &parsed.page,
        body: body.join("\n"),
        file,
        metadata: &parsed.metadata,
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
            let CharSpan { start, end } = idx.to_chars(c.sentence);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::{parse_str, Format};

    #[test]
    fn fields_are_read_by_name_and_an_unknown_one_is_named() {
        let f = Fields::parse("text, claims,").unwrap();
        assert!(f.has(Field::Text) && f.has(Field::Claims));
        assert!(!f.has(Field::Entities) && !f.has(Field::Title));
        assert_eq!(Fields::parse("text,colour"), Err("colour".to_string()));
        for field in Field::ALL {
            assert!(Fields::ALL.has(field));
            assert_eq!(Fields::parse(field.name()).map(|f| f.has(field)), Ok(true));
        }
    }

    #[test]
    fn a_report_finds_entities_and_claims_only_when_asked() {
        let p = parse_str(
            "Bridge\n\nThe mayor, Ana Silva, said the bridge cost 4 million euros.",
            Some(Format::Text),
        );
        let text = report_of(&p, Fields::parse("text").unwrap(), Some("a.txt"));
        assert!(text.entities.is_none() && text.claims.is_none() && text.title.is_none());
        assert_eq!(text.file, Some("a.txt"));
        let all = report(&p);
        let names = all.entity_names.as_ref().unwrap();
        let mentions = all.entities.as_ref().unwrap();
        assert!(mentions.iter().any(|m| names[m.entity] == "Ana Silva"));
        assert_eq!(
            all.claims.as_ref().unwrap()[0].speaker.as_deref(),
            Some("Ana Silva")
        );
    }
}
