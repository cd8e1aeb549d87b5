//! The Gloss article file: one self-contained JSON file per article with its text,
//! structure, metadata and every annotation. Versioned (`format` + `version`), offsets in
//! Unicode code points (`offsetUnit`), each annotation carrying a W3C-style
//! TextPositionSelector and TextQuoteSelector. Described by `schema/gloss-article.schema.json`.
//! Reading a file either gives a complete `Article` or a typed, readable `ImportError`;
//! it never gives half an article.

use super::anchor::{quote, verify, Quote};
use super::annotation::{Claim, ClaimFields, ClaimStatus, ClaimType};
use super::document::{Block, BlockKind, Document};
use super::fixes::{parse_label, EntityFix};
use super::library::{Article, Decision, PageMismatch};
use super::offsets::{CharIndex, CharSpan};
use super::page::{Dropped, Metadata, PageBlock};
use super::parse::Format;
use super::relations::{End, Identities, Link, Relation};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const FORMAT_NAME: &str = "gloss.article";
pub const FORMAT_VERSION: u64 = 4;
pub const OFFSET_UNIT: &str = "codepoint";
/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// The article file as this version writes it (`FORMAT_VERSION`) and reads every version
/// (fields later versions added default when absent).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ArticleFile {
    format: String,
    version: u64,
    offset_unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    generator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported: Option<String>,
    article: FileArticle,
    annotations: Vec<FileAnnotation>,
    /// Version 2: the suggested claims and the person's decision on each. Absent in v1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<FileSuggestion>,
    /// Version 3: links drawn between claims and entities. Absent before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    links: Vec<FileLink>,
    /// Version 3: entity identity (names merged into an entity). Absent before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    entities: Vec<FileAlias>,
    /// Version 4: the person's decisions on entities (brat-style fixes). Absent before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    entity_decisions: Vec<FileEntityDecision>,
}

/// "These words are an entity of this class" (`label` PERSON, ORG, GPE, LOC or NORP), or
/// "they are not an entity" (`label` "none").
#[derive(Serialize, Deserialize)]
struct FileEntityDecision {
    start: usize,
    end: usize,
    /// The words, as a check that the offsets still point at them.
    text: String,
    label: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileLink {
    id: String,
    /// "supports", "contradicts", "responds_to", "same_claim", "about", "said", "related".
    #[serde(rename = "type")]
    kind: String,
    from: FileEnd,
    to: FileEnd,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
    #[serde(default)]
    created: String,
}

/// `{"claim": "<annotation id>"}` or `{"entity": "<name>"}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FileEnd {
    Claim(String),
    Entity(String),
}

/// A name and the entity (canonical name) it belongs to.
#[derive(Serialize, Deserialize)]
struct FileAlias {
    name: String,
    entity: String,
}

/// The person's decision on a suggestion, as the file writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FileDecision {
    Pending,
    Accepted,
    Rejected,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileSuggestion {
    /// The sentence the suggestion is about (code points).
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cue: Option<String>,
    #[serde(default)]
    score: f32,
    decision: FileDecision,
    /// The claim made from it, when accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    claim: Option<String>,
}

/// Reads a file's `metadata` (v4): the fields of `Metadata`'s own serde form, by name, with
/// one reader for its text fields where the derived reader inlines one per field (a
/// fraction of the download). Unknown fields are ignored and a field given twice is an
/// error, as with the derived reader.
pub(crate) fn read_metadata<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Metadata, D::Error> {
    use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = Metadata;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("struct Metadata")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Metadata, A::Error> {
            const NAMES: [&str; 7] = [
                "headline",
                "authors",
                "published",
                "publisher",
                "url",
                "language",
                "description",
            ];
            let mut m = Metadata::default();
            let mut seen = [false; 7];
            while let Some(key) = map.next_key::<String>()? {
                let Some(i) = NAMES.iter().position(|n| *n == key) else {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                };
                if std::mem::replace(&mut seen[i], true) {
                    return Err(A::Error::duplicate_field(NAMES[i]));
                }
                let text = match i {
                    1 => {
                        m.authors = map.next_value()?;
                        continue;
                    }
                    0 => &mut m.headline,
                    2 => &mut m.published,
                    3 => &mut m.publisher,
                    4 => &mut m.url,
                    5 => &mut m.language,
                    _ => &mut m.description,
                };
                *text = map.next_value()?;
            }
            Ok(m)
        }
    }
    d.deserialize_map(Fields)
}

/// Reads a file's `page` (v4): a list of `PageBlock`s in their own serde form (`kind`,
/// `text`, `dropped` as "frame" or "boilerplate"), with the readers the file already has
/// for a block's kind and for optional text, where the derived readers brought their own
/// for the list, the block and `Dropped`. Unknown fields are ignored; a missing `kind` or
/// `text`, a field given twice or another `dropped` is refused, as with the derived readers.
pub(crate) fn read_page<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<PageBlock>, D::Error> {
    use serde::de::{Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
    struct Block;
    impl<'de> Visitor<'de> for Block {
        type Value = PageBlock;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("struct PageBlock")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageBlock, A::Error> {
            const NAMES: [&str; 3] = ["kind", "text", "dropped"];
            let (mut kind, mut text, mut dropped) = (None, None, None);
            let mut seen = [false; 3];
            while let Some(key) = map.next_key::<String>()? {
                let Some(i) = NAMES.iter().position(|n| *n == key) else {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                };
                if std::mem::replace(&mut seen[i], true) {
                    return Err(A::Error::duplicate_field(NAMES[i]));
                }
                match i {
                    0 => kind = Some(map.next_value::<BlockKind>()?),
                    1 => text = map.next_value::<Option<String>>()?,
                    _ => dropped = map.next_value::<Option<String>>()?,
                }
            }
            let dropped = match dropped.as_deref() {
                None => None,
                Some("frame") => Some(Dropped::Frame),
                Some("boilerplate") => Some(Dropped::Boilerplate),
                Some(other) => {
                    return Err(A::Error::unknown_variant(other, &["frame", "boilerplate"]))
                }
            };
            Ok(PageBlock {
                kind: kind.ok_or_else(|| A::Error::missing_field("kind"))?,
                text: text.ok_or_else(|| A::Error::missing_field("text"))?,
                dropped,
            })
        }
    }
    impl<'de> serde::de::DeserializeSeed<'de> for Block {
        type Value = PageBlock;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<PageBlock, D::Error> {
            d.deserialize_map(self)
        }
    }
    struct Blocks;
    impl<'de> Visitor<'de> for Blocks {
        type Value = Vec<PageBlock>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of page blocks")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<PageBlock>, A::Error> {
            let mut page = Vec::new();
            while let Some(b) = seq.next_element_seed(Block)? {
                page.push(b);
            }
            Ok(page)
        }
    }
    d.deserialize_seq(Blocks)
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileArticle {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    source_format: Format,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_name: Option<String>,
    created: String,
    modified: String,
    text: String,
    blocks: Vec<FileBlock>,
    /// Version 4: headline, authors, date, publisher, URL, language, description.
    #[serde(
        default,
        skip_serializing_if = "Metadata::is_empty",
        deserialize_with = "read_metadata"
    )]
    metadata: Metadata,
    /// Version 4: every block of the web page, kept or dropped; the kept ones are `blocks`.
    /// Each is `PageBlock`'s own serde form: `kind`, `text`, and `dropped` ("frame" or
    /// "boilerplate") when the block is not part of the article.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "read_page"
    )]
    page: Vec<PageBlock>,
}

#[derive(Serialize, Deserialize)]
struct FileBlock {
    kind: BlockKind,
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileAnnotation {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    created: String,
    modified: String,
    claimant: String,
    claim_type: ClaimType,
    status: ClaimStatus,
    note: String,
    tags: Vec<String>,
    target: FileTarget,
}

#[derive(Serialize, Deserialize)]
struct FileTarget {
    selector: Vec<Selector>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
enum Selector {
    TextPositionSelector {
        start: usize,
        end: usize,
    },
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
}

/// The envelope of any JSON object: read first to tell "not ours" from "damaged".
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Probe {
    #[serde(default)]
    format: Option<Loose>,
    #[serde(default)]
    version: Option<Loose>,
    #[serde(default)]
    offset_unit: Option<Loose>,
}

/// Any JSON value, keeping only strings and whole numbers (what the envelope needs).
enum Loose {
    Str(String),
    Int(u64),
    Other,
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Str(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Int(v))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Loose, E> {
                Ok(Loose::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Loose, E> {
                Ok(Loose::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Loose, E> {
                Ok(Loose::Other)
            }
            fn visit_unit<E>(self) -> Result<Loose, E> {
                Ok(Loose::Other)
            }
            fn visit_none<E>(self) -> Result<Loose, E> {
                Ok(Loose::Other)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Loose, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Loose, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Loose::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// Why a file could not be imported. Every message names the problem in a person's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    NotGloss,
    WrongFormat {
        found: String,
    },
    NewerVersion {
        found: u64,
    },
    BadVersion,
    BadUnit {
        found: String,
    },
    Invalid {
        detail: String,
    },
    BlockOutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    OffsetsOutOfRange {
        annotation: String,
        start: usize,
        end: usize,
        len: usize,
    },
    QuoteMismatch {
        annotation: String,
        expected: String,
        found: String,
    },
    MissingSelector {
        annotation: String,
    },
    DuplicateId {
        annotation: String,
    },
    /// The page blocks the file keeps are not the article's blocks and text.
    PageMismatch(PageMismatch),
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        t.push('…');
    }
    t
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportError::*;
        match self {
            TooLarge { bytes, limit } => write!(
                f,
                "The file is too large to import ({:.1} MB; the limit is {} MB).",
                *bytes as f64 / 1e6,
                limit / (1024 * 1024)
            ),
            Empty => write!(f, "The file is empty."),
            NotJson { line, column, detail } => write!(
                f,
                "The file is not valid JSON (line {line}, column {column}: {detail})."
            ),
            NotGloss => write!(
                f,
                "This JSON file is not a Gloss article: it has no \"format\": \"{FORMAT_NAME}\"."
            ),
            WrongFormat { found } => write!(
                f,
                "This file is in the format \"{}\", not a Gloss article (\"{FORMAT_NAME}\").",
                short(found)
            ),
            NewerVersion { found } => write!(
                f,
                "This file was made by a newer Gloss (format version {found}); this Gloss reads versions up to {FORMAT_VERSION}. Update Gloss to open it."
            ),
            BadVersion => write!(f, "The file's \"version\" is missing or not a whole number."),
            BadUnit { found } => write!(
                f,
                "The file counts offsets in \"{}\"; Gloss files count them in \"{OFFSET_UNIT}\".",
                short(found)
            ),
            Invalid { detail } => write!(f, "The file is damaged: {detail}."),
            BlockOutOfRange { start, end, len } => write!(
                f,
                "The file is damaged: a paragraph at {start}–{end} lies outside the article's {len} characters."
            ),
            OffsetsOutOfRange { annotation, start, end, len } => write!(
                f,
                "Annotation \"{}\" points at characters {start}–{end}, outside the article's {len} characters.",
                short(annotation)
            ),
            QuoteMismatch { annotation, expected, found } => write!(
                f,
                "Annotation \"{}\" quotes \"{}\" but the text there reads \"{}\".",
                short(annotation),
                short(expected),
                short(found)
            ),
            MissingSelector { annotation } => write!(
                f,
                "Annotation \"{}\" has no TextPositionSelector and TextQuoteSelector.",
                short(annotation)
            ),
            DuplicateId { annotation } => write!(
                f,
                "The file is damaged: two annotations share the id \"{}\".",
                short(annotation)
            ),
            PageMismatch(m) => write!(f, "The file is damaged: {m}."),
        }
    }
}

impl std::error::Error for ImportError {}

/// Writes an article as a Gloss article file (pretty JSON), with the person's decisions
/// on suggestions but not the suggestions themselves (they follow from the text).
pub fn export_article(a: &Article, exported: &str) -> String {
    export_article_with(a, exported, &[], &Identities::default())
}

/// Writes an article with its suggested claims (as computed by `claims::suggest`, which
/// the app has at hand) and the person's decision on each.
pub fn export_article_with(
    a: &Article,
    exported: &str,
    suggestions: &[super::claims::Suggestion],
    ids: &Identities,
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
                let q = quote(text, c.span);
                let CharSpan { start, end } = idx.to_chars(c.span);
                FileAnnotation {
                    id: c.id.clone(),
                    kind: "claim".into(),
                    created: c.created.clone(),
                    modified: c.modified.clone(),
                    claimant: c.fields.claimant.clone(),
                    claim_type: c.fields.kind,
                    status: c.fields.status,
                    note: c.fields.note.clone(),
                    tags: c.fields.tags.clone(),
                    target: FileTarget {
                        selector: vec![
                            Selector::TextPositionSelector { start, end },
                            Selector::TextQuoteSelector {
                                exact: q.exact,
                                prefix: q.prefix,
                                suffix: q.suffix,
                            },
                        ],
                    },
                }
            })
            .collect(),
        suggestions: Vec::new(),
        links: a
            .live_links()
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

fn file_end(e: &End) -> FileEnd {
    match e {
        End::Claim(id) => FileEnd::Claim(id.clone()),
        End::Entity(n) => FileEnd::Entity(n.clone()),
    }
}

/// Suggested claims with the person's decisions, for the file; decisions on sentences not
/// among `suggestions` are kept too.
fn suggestions_of(
    a: &Article,
    idx: &CharIndex,
    suggestions: &[super::claims::Suggestion],
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
fn decision_of(a: &Article, d: Option<&Decision>) -> (FileDecision, Option<String>) {
    match d {
        Some(Decision::Accepted(id)) if a.claim(id).is_some() => {
            (FileDecision::Accepted, Some(id.clone()))
        }
        Some(_) => (FileDecision::Rejected, None),
        None => (FileDecision::Pending, None),
    }
}

/// Whether some text looks like a Gloss file (for telling a pasted file from an article).
pub fn looks_like_gloss_file(s: &str) -> bool {
    let head: String = s.trim_start().chars().take(400).collect();
    head.starts_with('{') && head.contains("\"format\"") && head.contains(FORMAT_NAME)
}

/// Reads a Gloss article file. All or nothing: any problem gives an `ImportError`.
pub fn import_article(bytes: &[u8]) -> Result<Article, ImportError> {
    import_file(bytes).map(|(a, _)| a)
}

/// Reads a Gloss article file with the entity identities it carries (to be absorbed into
/// the library's). All or nothing.
pub fn import_file(bytes: &[u8]) -> Result<(Article, Identities), ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    // First the envelope (format, version, unit), read leniently so that each problem gets
    // its own message; then the whole file, typed.
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ImportError::NotGloss,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            detail: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or("")
                .to_string(),
        },
    })?;
    match probe.format {
        Some(Loose::Str(f)) if f == FORMAT_NAME => {}
        Some(Loose::Str(f)) => return Err(ImportError::WrongFormat { found: f }),
        _ => return Err(ImportError::NotGloss),
    }
    let version = match probe.version {
        Some(Loose::Int(v)) if v >= 1 => v,
        _ => return Err(ImportError::BadVersion),
    };
    if version > FORMAT_VERSION {
        return Err(ImportError::NewerVersion { found: version });
    }
    match probe.offset_unit {
        Some(Loose::Str(u)) if u == OFFSET_UNIT => {}
        Some(Loose::Str(u)) => return Err(ImportError::BadUnit { found: u }),
        _ => {
            return Err(ImportError::Invalid {
                detail: "missing field `offsetUnit`".into(),
            })
        }
    }
    let file: ArticleFile = serde_json::from_slice(bytes).map_err(|e| ImportError::Invalid {
        detail: e.to_string(),
    })?;
    from_file(file)
}

fn from_file(file: ArticleFile) -> Result<(Article, Identities), ImportError> {
    let fa = file.article;
    let text = fa.text;
    let idx = CharIndex::new(&text);
    let len = idx.len_chars();
    let mut blocks = Vec::with_capacity(fa.blocks.len());
    for b in &fa.blocks {
        match idx.to_bytes(CharSpan {
            start: b.start,
            end: b.end,
        }) {
            Some(span) => blocks.push(Block { kind: b.kind, span }),
            None => {
                return Err(ImportError::BlockOutOfRange {
                    start: b.start,
                    end: b.end,
                    len,
                })
            }
        }
    }
    let mut claims: Vec<Claim> = Vec::with_capacity(file.annotations.len());
    for an in file.annotations {
        if an.kind != "claim" {
            return Err(ImportError::Invalid {
                detail: format!(
                    "annotation \"{}\" has the unknown type \"{}\"",
                    short(&an.id),
                    short(&an.kind)
                ),
            });
        }
        if claims.iter().any(|c| c.id == an.id) {
            return Err(ImportError::DuplicateId { annotation: an.id });
        }
        let mut pos = None;
        let mut q = None;
        for s in an.target.selector {
            match s {
                Selector::TextPositionSelector { start, end } => pos = Some((start, end)),
                Selector::TextQuoteSelector {
                    exact,
                    prefix,
                    suffix,
                } => {
                    q = Some(Quote {
                        exact,
                        prefix,
                        suffix,
                    })
                }
            }
        }
        let (Some((start, end)), Some(q)) = (pos, q) else {
            return Err(ImportError::MissingSelector { annotation: an.id });
        };
        let span = match idx.to_bytes(CharSpan { start, end }) {
            Some(span) => span,
            None => {
                return Err(ImportError::OffsetsOutOfRange {
                    annotation: an.id,
                    start,
                    end,
                    len,
                })
            }
        };
        if !verify(&text, span, &q) {
            let found = span.slice(&text).unwrap_or("").to_string();
            return Err(ImportError::QuoteMismatch {
                annotation: an.id,
                expected: q.exact,
                found,
            });
        }
        claims.push(Claim {
            id: an.id,
            span,
            fields: ClaimFields {
                claimant: an.claimant,
                kind: an.claim_type,
                status: an.status,
                note: an.note,
                tags: an.tags,
            },
            created: an.created,
            modified: an.modified,
        });
    }
    let mut decisions = Vec::new();
    for sg in &file.suggestions {
        let span = match idx.to_bytes(CharSpan {
            start: sg.start,
            end: sg.end,
        }) {
            Some(span) => span,
            None => {
                return Err(ImportError::OffsetsOutOfRange {
                    annotation: format!("suggestion {}–{}", sg.start, sg.end),
                    start: sg.start,
                    end: sg.end,
                    len,
                })
            }
        };
        match (sg.decision, &sg.claim) {
            (FileDecision::Accepted, Some(id)) => {
                decisions.push((span, Decision::Accepted(id.clone())))
            }
            (FileDecision::Rejected, _) => decisions.push((span, Decision::Rejected)),
            (FileDecision::Pending, _) | (FileDecision::Accepted, None) => {}
        }
    }
    let mut fixes = Vec::with_capacity(file.entity_decisions.len());
    for d in &file.entity_decisions {
        let name = || format!("entity decision {}–{}", d.start, d.end);
        let span = match idx.to_bytes(CharSpan {
            start: d.start,
            end: d.end,
        }) {
            Some(span) if !span.is_empty() => span,
            _ => {
                return Err(ImportError::OffsetsOutOfRange {
                    annotation: name(),
                    start: d.start,
                    end: d.end,
                    len,
                })
            }
        };
        let found = span.slice(&text).unwrap_or("");
        if found != d.text {
            return Err(ImportError::QuoteMismatch {
                annotation: name(),
                expected: d.text.clone(),
                found: found.to_string(),
            });
        }
        let label = match d.label.as_str() {
            "none" => None,
            l => Some(parse_label(l).ok_or_else(|| ImportError::Invalid {
                detail: format!("{} has the unknown class \"{}\"", name(), short(l)),
            })?),
        };
        fixes.push(EntityFix { span, label });
    }
    let ids = Identities::from_entries(
        file.entities
            .iter()
            .map(|e| (e.name.as_str(), e.entity.as_str())),
    );
    let (doc, _repairs) = Document::new(text, blocks);
    let mut article = Article::restore(
        fa.id,
        fa.name,
        fa.source_format,
        fa.source_name,
        fa.created,
        fa.modified,
        doc,
        claims,
    )
    .with_decisions(decisions)
    .with_entity_fixes(fixes)
    .with_page(fa.metadata, fa.page)
    .map_err(ImportError::PageMismatch)?;
    // links are checked by the same rules as drawing one
    let mut ids_seen: Vec<String> = Vec::with_capacity(file.links.len());
    for fl in file.links {
        let bad = |why: String| ImportError::Invalid {
            detail: format!("link \"{}\" {why}", short(&fl.id)),
        };
        if ids_seen.contains(&fl.id) {
            return Err(bad("appears twice".into()));
        }
        ids_seen.push(fl.id.clone());
        let kind = Relation::parse(&fl.kind)
            .ok_or_else(|| bad(format!("has the unknown type \"{}\"", short(&fl.kind))))?;
        let end = |e: FileEnd| match e {
            FileEnd::Claim(id) => End::Claim(id),
            FileEnd::Entity(n) => End::Entity(n),
        };
        let link = Link {
            id: fl.id.clone(),
            from: end(fl.from),
            to: end(fl.to),
            kind,
            note: fl.note,
            created: fl.created,
        };
        article
            .restore_link(link, &ids)
            .map_err(|e| bad(format!("is not valid: {e}")))?;
    }
    Ok((article, ids))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::offsets::Span;
    use crate::core::parse::parse_str;

    const NOW: &str = "2026-11-27T00:00:00.000Z";

    fn sample() -> Article {
        let text = "Emoji 😀 test\nThe café’s owner said “prices will rise 3.5%”. נתניהו אמר. 漢字テスト。";
        let mut a = Article::new(
            "art1".into(),
            parse_str(text, None),
            Some("x.txt".into()),
            NOW,
        );
        let t = a.doc.text().to_string();
        let s = t.find("The café").unwrap();
        let e = t.find("”.").unwrap() + "”.".len();
        a.add_claim(
            "c1".into(),
            Span::new(s, e),
            ClaimFields {
                claimant: "The owner".into(),
                kind: ClaimType::Prediction,
                status: ClaimStatus::Disputed,
                note: "<script>alert(1)</script>".into(),
                tags: vec!["prices".into(), "café".into()],
            },
            NOW,
        );
        let h = t.find("נתניהו").unwrap();
        a.add_claim(
            "c2".into(),
            Span::new(h, t.len()),
            ClaimFields::default(),
            NOW,
        );
        a
    }

    #[test]
    fn export_import_round_trip_is_exact() {
        let a = sample();
        let json = export_article(&a, NOW);
        let b = import_article(json.as_bytes()).expect("imports");
        assert_eq!(b.doc.text(), a.doc.text());
        assert_eq!(b.doc.blocks(), a.doc.blocks());
        assert_eq!(b.claims(), a.claims());
        assert_eq!(
            (b.id.as_str(), b.name.as_str()),
            (a.id.as_str(), a.name.as_str())
        );
        assert_eq!(export_article(&b, NOW), json);
    }

    #[test]
    fn offsets_are_code_points() {
        let a = sample();
        let v: serde_json::Value = serde_json::from_str(&export_article(&a, NOW)).unwrap();
        let text: Vec<char> = v["article"]["text"].as_str().unwrap().chars().collect();
        let sel = &v["annotations"][0]["target"]["selector"];
        let (s, e) = (
            sel[0]["start"].as_u64().unwrap() as usize,
            sel[0]["end"].as_u64().unwrap() as usize,
        );
        let quoted: String = text[s..e].iter().collect();
        assert_eq!(quoted, sel[1]["exact"].as_str().unwrap());
        assert_eq!(v["offsetUnit"], "codepoint");
    }

    fn err_of(json: &str) -> ImportError {
        import_article(json.as_bytes()).expect_err("must fail")
    }

    fn tweak(f: impl Fn(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value =
            serde_json::from_str(&export_article(&sample(), NOW)).unwrap();
        f(&mut v);
        v.to_string()
    }

    #[test]
    fn bad_files_give_specific_errors() {
        assert!(matches!(err_of("not json"), ImportError::NotJson { .. }));
        assert_eq!(err_of(""), ImportError::Empty);
        assert_eq!(err_of("[1,2]"), ImportError::NotGloss);
        assert_eq!(
            err_of(r#"{"type":"FeatureCollection"}"#),
            ImportError::NotGloss
        );
        assert!(matches!(
            err_of(r#"{"format":"other","version":1}"#),
            ImportError::WrongFormat { .. }
        ));
        assert_eq!(
            err_of(&tweak(|v| v["version"] = 99.into())),
            ImportError::NewerVersion { found: 99 }
        );
        assert_eq!(
            err_of(&tweak(|v| v["version"] = "1".into())),
            ImportError::BadVersion
        );
        assert!(matches!(
            err_of(&tweak(|v| v["offsetUnit"] = "utf16".into())),
            ImportError::BadUnit { .. }
        ));
        assert!(matches!(
            err_of(&tweak(
                |v| v["annotations"][0]["target"]["selector"][0]["end"] = 100000.into()
            )),
            ImportError::OffsetsOutOfRange { .. }
        ));
        assert!(matches!(
            err_of(&tweak(
                |v| v["annotations"][0]["target"]["selector"][1]["exact"] = "something else".into()
            )),
            ImportError::QuoteMismatch { .. }
        ));
        assert!(matches!(
            err_of(&tweak(|v| v["article"]["blocks"][0]["end"] = 100000.into())),
            ImportError::BlockOutOfRange { .. }
        ));
        assert!(matches!(
            err_of(&tweak(|v| v["annotations"][1]["id"] = "c1".into())),
            ImportError::DuplicateId { .. }
        ));
        assert!(matches!(
            err_of(&tweak(|v| v["annotations"][0]["status"] = "maybe".into())),
            ImportError::Invalid { .. }
        ));
        assert!(matches!(
            err_of(&tweak(
                |v| v["annotations"][0]["target"]["selector"] = serde_json::json!([])
            )),
            ImportError::MissingSelector { .. }
        ));
        let big = vec![b' '; MAX_IMPORT_BYTES + 1];
        assert!(matches!(
            import_article(&big),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn error_messages_are_readable() {
        let e = err_of(&tweak(|v| v["version"] = 7.into()));
        assert!(e.to_string().contains("newer Gloss"));
        let e = err_of(&tweak(|v| {
            v["annotations"][0]["target"]["selector"][1]["exact"] = "x".into()
        }));
        assert!(e.to_string().contains("quotes \"x\""), "{e}");
    }

    #[test]
    fn decisions_on_suggestions_round_trip_in_version_2() {
        let mut a = sample();
        let sentences: Vec<Span> = a.doc.sentences().to_vec();
        a.decide(sentences[1], Some(Decision::Rejected), NOW);
        a.decide(sentences[2], Some(Decision::Accepted("c2".into())), NOW);
        let x = crate::core::extract::extract(&a.doc);
        let sugg = crate::core::claims::suggest(&a.doc, &x.mentions);
        let json = export_article_with(&a, NOW, &sugg, &Identities::default());
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["version"], FORMAT_VERSION);
        assert!(v["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["decision"] == "pending"));
        assert!(v["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["decision"] == "rejected"));
        let b = import_article(json.as_bytes()).unwrap();
        assert_eq!(b.decisions(), a.decisions());
        assert_eq!(
            export_article_with(&b, NOW, &sugg, &Identities::default()),
            json
        );
        // storage keeps the decisions without the suggestions
        let stored = import_article(export_article(&a, NOW).as_bytes()).unwrap();
        assert_eq!(stored.decisions(), a.decisions());
    }

    #[test]
    fn version_1_files_still_import() {
        let a = sample();
        let mut v: serde_json::Value = serde_json::from_str(&export_article(&a, NOW)).unwrap();
        v["version"] = 1.into();
        v.as_object_mut().unwrap().remove("suggestions");
        let b = import_article(v.to_string().as_bytes()).expect("a v1 file imports");
        assert_eq!(b.claims(), a.claims());
        assert!(b.decisions().is_empty());
    }

    fn linked() -> (Article, Identities) {
        let mut a = sample();
        let mut ids = Identities::default();
        ids.merge("owner", "The café’s owner");
        let l = |id: &str, from: End, to: End, kind| Link {
            id: id.into(),
            from,
            to,
            kind,
            note: "see <b>both</b>".into(),
            created: NOW.into(),
        };
        a.add_link(
            l(
                "l1",
                End::Claim("c2".into()),
                End::Claim("c1".into()),
                Relation::Contradicts,
            ),
            &ids,
            NOW,
        )
        .unwrap();
        a.add_link(
            l(
                "l2",
                End::Claim("c1".into()),
                End::Entity("owner".into()),
                Relation::About,
            ),
            &ids,
            NOW,
        )
        .unwrap();
        (a, ids)
    }

    #[test]
    fn links_and_entities_round_trip_in_version_3() {
        let (a, ids) = linked();
        let json = export_article_with(&a, NOW, &[], &ids);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["version"], FORMAT_VERSION);
        assert_eq!(v["links"][0]["type"], "contradicts");
        assert_eq!(v["links"][0]["from"]["claim"], "c2");
        assert_eq!(v["links"][1]["to"]["entity"], "owner");
        assert_eq!(v["entities"][0]["entity"], "The café’s owner");
        let (b, ids_b) = import_file(json.as_bytes()).unwrap();
        assert_eq!(b.links(), a.links());
        assert_eq!(ids_b.resolve("Owner"), "The café’s owner");
        assert_eq!(export_article_with(&b, NOW, &[], &ids_b), json);
        // a deleted claim's links are not written
        let mut c = a.clone();
        c.remove_claim("c2", NOW);
        let v: serde_json::Value =
            serde_json::from_str(&export_article_with(&c, NOW, &[], &ids)).unwrap();
        assert_eq!(v["links"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn version_2_files_still_import() {
        let (a, ids) = linked();
        let mut v: serde_json::Value =
            serde_json::from_str(&export_article_with(&a, NOW, &[], &ids)).unwrap();
        v["version"] = 2.into();
        let o = v.as_object_mut().unwrap();
        o.remove("links");
        o.remove("entities");
        let (b, ids_b) = import_file(v.to_string().as_bytes()).expect("a v2 file imports");
        assert_eq!(b.claims(), a.claims());
        assert!(b.links().is_empty() && ids_b.is_empty());
    }

    #[test]
    fn version_3_files_still_import() {
        let (a, ids) = linked();
        let mut v: serde_json::Value =
            serde_json::from_str(&export_article_with(&a, NOW, &[], &ids)).unwrap();
        v["version"] = 3.into();
        let (b, ids_b) = import_file(v.to_string().as_bytes()).expect("a v3 file imports");
        assert_eq!(b.claims(), a.claims());
        assert_eq!(b.links(), a.links());
        assert_eq!(ids_b.resolve("owner"), "The café’s owner");
        assert!(b.metadata().is_empty() && b.page().is_empty());
    }

    /// A web page's article: a title, paragraphs in several scripts, dropped frame and
    /// boilerplate, metadata, and a claim after a dropped block.
    fn page_sample() -> Article {
        use crate::core::document::BlockKind::*;
        let page: Vec<PageBlock> = [
            (Title, "Dam opens 😀 early"),
            (Paragraph, "Home | 漢字 | שלום"),
            (Paragraph, "The dam opened on Monday."),
            (Paragraph, "Advertisement"),
            (Paragraph, "נתניהו אמר שהמחירים יעלו. 漢字テスト。"),
        ]
        .into_iter()
        .map(|(kind, text)| PageBlock {
            kind,
            text: text.into(),
            dropped: None,
        })
        .collect();
        let p = crate::core::parse::Parsed {
            document: crate::core::library::page_document(&page),
            format: Format::Html,
            diagnostics: Vec::new(),
            page,
            metadata: Metadata {
                headline: Some("Dam opens 😀 early".into()),
                authors: vec!["Ana Lima".into(), "نور الهدى".into(), "李雷".into()],
                published: Some("2024-03-05T10:00:00+01:00".into()),
                publisher: Some("The <Daily> & Co".into()),
                url: Some("https://example.com/dam?x=1&y=2".into()),
                language: Some("en-GB".into()),
                description: Some("A dam, \"early\".".into()),
            },
        };
        let mut a = Article::new("page1".into(), p, Some("dam.htm".into()), NOW);
        a.set_block_kept(1, false, NOW).unwrap();
        a.set_block_kept(3, false, NOW).unwrap();
        let t = a.doc.text().to_string();
        let s = t.find("נתניהו").unwrap();
        a.add_claim(
            "c1".into(),
            Span::new(s, t.len()),
            ClaimFields::default(),
            NOW,
        );
        a
    }

    #[test]
    fn metadata_and_page_blocks_round_trip_in_version_4() {
        let a = page_sample();
        let json = export_article(&a, NOW);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["version"], 4);
        let m = &v["article"]["metadata"];
        assert_eq!(m["authors"][1], "نور الهدى");
        assert_eq!(m["published"], "2024-03-05T10:00:00+01:00");
        assert_eq!(m["publisher"], "The <Daily> & Co");
        assert!(m.get("description").is_some());
        let page = v["article"]["page"].as_array().unwrap();
        assert_eq!(page.len(), 5);
        assert_eq!(page[1]["dropped"], "boilerplate");
        assert!(
            page[0].get("dropped").is_none(),
            "kept blocks carry no `dropped`"
        );
        assert_eq!(page[0]["kind"], "title");
        let b = import_article(json.as_bytes()).expect("imports");
        assert_eq!(b.metadata(), a.metadata());
        assert_eq!(b.page(), a.page());
        assert_eq!(b.claims(), a.claims());
        assert_eq!(export_article(&b, NOW), json);
        // and blocks still come back after the trip, claims on their words
        let mut b = b;
        b.set_block_kept(3, true, NOW).unwrap();
        assert_eq!(
            b.doc.slice(b.claims()[0].span),
            "נתניהו אמר שהמחירים יעלו. 漢字テスト。"
        );
        // a pasted text writes neither
        let v: serde_json::Value = serde_json::from_str(&export_article(&sample(), NOW)).unwrap();
        assert!(v["article"].get("metadata").is_none() && v["article"].get("page").is_none());
    }

    /// `read_metadata` reads exactly what `Metadata`'s derived serde form writes and reads:
    /// every field (the struct literal fails to compile when a field is added, so this test
    /// and the reader follow it), nulls, unknown fields; a field given twice or of the wrong
    /// type is refused by both.
    #[test]
    fn the_metadata_reader_agrees_with_the_derived_one() {
        let full = Metadata {
            headline: Some("Dam opens \"early\" 😀".into()),
            authors: vec!["Ana Lima".into(), "نور".into()],
            published: Some("2024-03-05".into()),
            publisher: Some("The Paper".into()),
            url: Some("https://example.com/a".into()),
            language: Some("en-GB".into()),
            description: Some("A dam.".into()),
        };
        let ours = |json: &str| {
            read_metadata(&mut serde_json::Deserializer::from_str(json)).map_err(|e| e.to_string())
        };
        let derived =
            |json: &str| serde_json::from_str::<Metadata>(json).map_err(|e| e.to_string());
        let written = serde_json::to_string(&full).unwrap();
        assert_eq!(ours(&written), Ok(full.clone()));
        for json in [
            written.as_str(),
            "{}",
            r#"{"headline": null, "authors": [], "later": {"x": [1, 2]}, "url": "u"}"#,
            r#"{"description": "d", "language": "fr"}"#,
        ] {
            assert_eq!(ours(json), derived(json), "{json}");
        }
        for bad in [
            r#"{"headline": "a", "headline": "b"}"#,
            r#"{"authors": "Ana"}"#,
            r#"{"published": 2024}"#,
            r#""text""#,
        ] {
            assert!(ours(bad).is_err() && derived(bad).is_err(), "{bad}");
        }
    }

    /// `read_page` reads exactly what `PageBlock`'s derived serde form writes and reads: every
    /// field and every `Dropped` (the struct literal and the match fail to compile when
    /// either gains one, so this test and the reader follow), unknown fields; a missing or
    /// doubled field, an unknown `dropped` or a wrong type is refused by both.
    #[test]
    fn the_page_reader_agrees_with_the_derived_one() {
        let all = [None, Some(Dropped::Frame), Some(Dropped::Boilerplate)];
        for d in all.iter().flatten() {
            match d {
                Dropped::Frame | Dropped::Boilerplate => {}
            }
        }
        let page: Vec<PageBlock> = all
            .into_iter()
            .map(|dropped| PageBlock {
                kind: BlockKind::Caption,
                text: "Foto: \"漢字\" 😀".into(),
                dropped,
            })
            .collect();
        let ours = |json: &str| {
            read_page(&mut serde_json::Deserializer::from_str(json)).map_err(|e| e.to_string())
        };
        let derived =
            |json: &str| serde_json::from_str::<Vec<PageBlock>>(json).map_err(|e| e.to_string());
        let written = serde_json::to_string(&page).unwrap();
        assert_eq!(ours(&written), Ok(page));
        for json in [
            written.as_str(),
            "[]",
            r#"[{"text": "a", "kind": "title", "dropped": null, "later": [1]}]"#,
        ] {
            assert_eq!(ours(json), derived(json), "{json}");
        }
        for bad in [
            r#"[{"kind": "paragraph"}]"#,
            r#"[{"text": "a"}]"#,
            r#"[{"kind": "paragraph", "text": "a", "text": "b"}]"#,
            r#"[{"kind": "paragraph", "text": "a", "dropped": "maybe"}]"#,
            r#"[{"kind": "poem", "text": "a"}]"#,
            r#"[{"kind": "paragraph", "text": 1}]"#,
            r#"{"kind": "paragraph", "text": "a"}"#,
        ] {
            assert!(ours(bad).is_err() && derived(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_page_that_does_not_match_the_text_is_refused() {
        let base = export_article(&page_sample(), NOW);
        let bad = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v: serde_json::Value = serde_json::from_str(&base).unwrap();
            f(&mut v);
            import_article(v.to_string().as_bytes()).expect_err("must fail")
        };
        let e = bad(&|v| v["article"]["page"][2]["text"] = "Something else.".into());
        assert!(
            matches!(e, ImportError::PageMismatch(PageMismatch::Block { .. })),
            "{e:?}"
        );
        assert!(e.to_string().contains("Something else."), "{e}");
        let e = bad(&|v| v["article"]["page"][1]["dropped"] = serde_json::Value::Null);
        assert!(
            matches!(e, ImportError::PageMismatch(PageMismatch::Count { .. })),
            "{e:?}"
        );
        let e = bad(&|v| v["article"]["page"][1]["dropped"] = "maybe".into());
        assert!(matches!(e, ImportError::Invalid { .. }), "{e:?}");
        let e = bad(&|v| v["article"]["metadata"]["authors"] = "Ana".into());
        assert!(matches!(e, ImportError::Invalid { .. }), "{e:?}");
    }

    #[test]
    fn bad_links_are_refused_and_named() {
        let (a, ids) = linked();
        let base = export_article_with(&a, NOW, &[], &ids);
        let bad = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v: serde_json::Value = serde_json::from_str(&base).unwrap();
            f(&mut v);
            import_article(v.to_string().as_bytes())
                .expect_err("must fail")
                .to_string()
        };
        let e = bad(&|v| v["links"][0]["to"] = serde_json::json!({"claim": "nope"}));
        assert!(e.contains("l1") && e.contains("nope"), "{e}");
        let e = bad(&|v| v["links"][0]["type"] = "hates".into());
        assert!(e.contains("unknown type"), "{e}");
        let e = bad(&|v| v["links"][1]["id"] = "l1".into());
        assert!(e.contains("twice"), "{e}");
        let e = bad(&|v| v["links"][0]["to"] = serde_json::json!({"claim": "c2"}));
        assert!(e.contains("two different ends"), "{e}");
        let e = bad(&|v| v["links"][0]["type"] = "co_mention".into());
        assert!(e.contains("derived"), "{e}");
        let e = bad(&|v| v["links"][0]["from"] = serde_json::json!({"person": "x"}));
        assert!(!e.is_empty());
    }

    #[test]
    fn bad_decisions_are_refused() {
        assert!(matches!(
            err_of(&tweak(
                |v| v["suggestions"] =
                    serde_json::json!([{"start": 0, "end": 99999, "decision": "rejected"}])
            )),
            ImportError::OffsetsOutOfRange { .. }
        ));
        assert!(matches!(
            err_of(&tweak(
                |v| v["suggestions"] =
                    serde_json::json!([{"start": 0, "end": 1, "decision": "maybe"}])
            )),
            ImportError::Invalid { .. }
        ));
    }

    #[test]
    fn entity_decisions_round_trip_in_version_4() {
        use crate::core::extract::Label;
        let mut a = sample();
        let t = a.doc.text().to_string();
        let at = |w: &str| {
            let i = t.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        a.fix_entities(&[at("café’s owner")], Some(Label::Person), NOW)
            .unwrap();
        a.fix_entities(&[at("נתניהו")], None, NOW).unwrap();
        a.fix_entities(&[at("漢字")], Some(Label::Gpe), NOW)
            .unwrap();
        let json = export_article(&a, NOW);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let d = v["entityDecisions"].as_array().unwrap();
        assert_eq!(d.len(), 3);
        assert_eq!(d[0]["text"], "café’s owner");
        assert_eq!(d[0]["label"], "PERSON");
        assert_eq!(d[1]["label"], "none");
        assert_eq!(d[2]["label"], "GPE");
        // offsets in code points
        let cps: Vec<char> = t.chars().collect();
        let (s, e) = (
            d[1]["start"].as_u64().unwrap() as usize,
            d[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(cps[s..e].iter().collect::<String>(), "נתניהו");
        let b = import_article(json.as_bytes()).unwrap();
        assert_eq!(b.entity_fixes(), a.entity_fixes());
        assert_eq!(export_article(&b, NOW), json);
        // a file without them (every older file) has none
        assert!(import_article(export_article(&sample(), NOW).as_bytes())
            .unwrap()
            .entity_fixes()
            .is_empty());
    }

    #[test]
    fn bad_entity_decisions_are_refused() {
        let with = |d: serde_json::Value| err_of(&tweak(move |v| v["entityDecisions"] = d.clone()));
        assert!(matches!(
            with(serde_json::json!([{"start": 0, "end": 99999, "text": "x", "label": "ORG"}])),
            ImportError::OffsetsOutOfRange { .. }
        ));
        assert!(matches!(
            with(serde_json::json!([{"start": 2, "end": 2, "text": "", "label": "ORG"}])),
            ImportError::OffsetsOutOfRange { .. }
        ));
        assert!(matches!(
            with(serde_json::json!([{"start": 0, "end": 5, "text": "Nope!", "label": "ORG"}])),
            ImportError::QuoteMismatch { .. }
        ));
        let e = with(serde_json::json!([{"start": 0, "end": 5, "text": "Emoji", "label": "<b>X"}]));
        assert!(matches!(e, ImportError::Invalid { .. }));
        assert!(e.to_string().contains("unknown class"), "{e}");
        assert!(matches!(
            with(serde_json::json!([{"start": 0, "end": 5, "label": "ORG"}])),
            ImportError::Invalid { .. }
        ));
    }

    #[test]
    fn a_suggestion_is_never_written_accepted_as_a_claim_that_is_gone() {
        let mut a = sample();
        let s = a.doc.sentences()[1];
        let id = a
            .accept_as(s, "c9".into(), ClaimFields::default(), NOW)
            .unwrap();
        let accepted = |a: &Article| {
            let v: serde_json::Value = serde_json::from_str(&export_article(a, NOW)).unwrap();
            v["suggestions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s["decision"].as_str().unwrap().to_string(),
                        s["claim"].as_str().map(str::to_string),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(accepted(&a), [("accepted".into(), Some(id.clone()))]);
        a.remove_claim(&id, NOW);
        assert_eq!(accepted(&a), [("rejected".into(), None)]);
        // a file that names a claim it does not hold
        let json = tweak(|v| {
            v["suggestions"] =
                serde_json::json!([{"start": 0, "end": 5, "decision": "accepted", "claim": "gone"}])
        });
        let b = import_article(json.as_bytes()).unwrap();
        assert_eq!(b.decisions()[0].1, Decision::Rejected);
    }

    #[test]
    fn gloss_files_are_recognised_in_pastes() {
        assert!(looks_like_gloss_file(&export_article(&sample(), NOW)));
        assert!(!looks_like_gloss_file("Some article text"));
    }
}
