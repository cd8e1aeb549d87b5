//! The article file's types as serde reads and writes them, and their hand-written readers.

use crate::core::annotation::ClaimType;
use crate::core::document::BlockKind;
use crate::core::page::{Dropped, Metadata, PageBlock};
use crate::core::parse::Format;
use crate::core::rating::{Evidence, Scale, Verdict};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The article file as this version writes it (`FORMAT_VERSION`) and reads every version
/// (fields later versions added default when absent).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ArticleFile {
    pub(super) format: String,
    pub(super) version: u64,
    pub(super) offset_unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) generator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) exported: Option<String>,
    pub(super) article: FileArticle,
    pub(super) annotations: Vec<FileAnnotation>,
    /// Version 2: the suggested claims and the person's decision on each. Absent in v1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) suggestions: Vec<FileSuggestion>,
    /// Version 3: links drawn between claims and entities. Absent before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) links: Vec<FileLink>,
    /// Version 3: entity identity (names merged into an entity). Absent before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) entities: Vec<FileAlias>,
    /// Version 4: the person's decisions on entities (brat-style fixes). Absent before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) entity_decisions: Vec<FileEntityDecision>,
    /// Version 5: the rating scale the verdicts (`status`) come from. Absent before (the
    /// built-in statuses) and in the library's own records (the library keeps its scale).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) rating_scale: Option<Scale>,
    /// Version 6: claims whose words were not found again in the text, each with its
    /// quote (and where it was, if known), kept until the person places them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) orphans: Vec<FileAnnotation>,
}

/// "These words are an entity of this class" (`label` PERSON, ORG, GPE, LOC or NORP), or
/// "they are not an entity" (`label` "none").
#[derive(Serialize, Deserialize)]
pub(super) struct FileEntityDecision {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The words, as a check that the offsets still point at them.
    pub(super) text: String,
    pub(super) label: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct FileLink {
    pub(super) id: String,
    /// "supports", "contradicts", "responds_to", "same_claim", "about", "said", "related".
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) from: FileEnd,
    pub(super) to: FileEnd,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) note: String,
    #[serde(default)]
    pub(super) created: String,
}

/// `{"claim": "<annotation id>"}` or `{"entity": "<name>"}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum FileEnd {
    Claim(String),
    Entity(String),
}

/// A name and the entity (canonical name) it belongs to.
#[derive(Serialize, Deserialize)]
pub(super) struct FileAlias {
    pub(super) name: String,
    pub(super) entity: String,
}

/// The person's decision on a suggestion, as the file writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum FileDecision {
    Pending,
    Accepted,
    Rejected,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct FileSuggestion {
    /// The sentence the suggestion is about (code points).
    pub(super) start: usize,
    pub(super) end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) cue: Option<String>,
    #[serde(default)]
    pub(super) score: f32,
    pub(super) decision: FileDecision,
    /// The claim made from it, when accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) claim: Option<String>,
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
pub(super) struct FileArticle {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<String>,
    pub(super) source_format: Format,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) source_name: Option<String>,
    pub(super) created: String,
    pub(super) modified: String,
    pub(super) text: String,
    pub(super) blocks: Vec<FileBlock>,
    /// Version 4: headline, authors, date, publisher, URL, language, description.
    #[serde(
        default,
        skip_serializing_if = "Metadata::is_empty",
        deserialize_with = "read_metadata"
    )]
    pub(super) metadata: Metadata,
    /// Version 4: every block of the web page, kept or dropped; the kept ones are `blocks`.
    /// Each is `PageBlock`'s own serde form: `kind`, `text`, and `dropped` ("frame" or
    /// "boilerplate") when the block is not part of the article.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "read_page"
    )]
    pub(super) page: Vec<PageBlock>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct FileBlock {
    pub(super) kind: BlockKind,
    pub(super) start: usize,
    pub(super) end: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct FileAnnotation {
    pub(super) id: String,
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) created: String,
    pub(super) modified: String,
    pub(super) claimant: String,
    pub(super) claim_type: ClaimType,
    /// The verdict's id: before version 5 one of the built-in statuses.
    pub(super) status: Verdict,
    pub(super) note: String,
    pub(super) tags: Vec<String>,
    /// Version 5: sources for the verdict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) evidence: Vec<Evidence>,
    /// Version 6: who made the claim (the annotator's name), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) creator: Option<String>,
    pub(super) target: FileTarget,
}

#[derive(Serialize, Deserialize)]
pub(super) struct FileTarget {
    pub(super) selector: Vec<Selector>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
pub(super) enum Selector {
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
pub(super) struct Probe {
    #[serde(default)]
    pub(super) format: Option<Loose>,
    #[serde(default)]
    pub(super) version: Option<Loose>,
    #[serde(default)]
    pub(super) offset_unit: Option<Loose>,
}

/// Any JSON value, keeping only strings and whole numbers (what the envelope needs).
pub(super) enum Loose {
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
