//! The Gloss article file: one self-contained JSON file per article with its text,
//! structure, metadata and every annotation. Versioned (`format` + `version`), offsets in
//! Unicode code points (`offsetUnit`), each annotation carrying a W3C-style
//! TextPositionSelector and TextQuoteSelector. Described by `schema/gloss-article.schema.json`.
//! Reading a file either gives a complete `Article` or a typed, readable `ImportError`;
//! it never gives half an article.
//!
//! Cut by phase: `schema` (the file's types and their readers), `export`, `import` and
//! `error` (what an import can refuse, in a person's words).

mod error;
mod export;
mod import;
mod schema;

pub use error::ImportError;
pub use export::{export_article, export_article_with};
pub use import::{import_article, import_file, Imported};
pub(crate) use schema::{read_metadata, read_page};

pub const FORMAT_NAME: &str = "gloss.article";
pub const FORMAT_VERSION: u64 = 6;
pub const OFFSET_UNIT: &str = "codepoint";
/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// What a JSON file given to Gloss is, by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// A library backup (`core::backup`).
    Backup,
    /// A Gloss article file.
    Article,
    /// Web annotations (W3C, Hypothesis, Recogito) for an article already here.
    Annotations,
    /// None of Gloss's: read as an article file, it is refused with the reason.
    Other,
}

impl JsonKind {
    /// The kind of `bytes`, from their first 4,000 (the one sniffing an import, a dropped
    /// file and a folder's file share).
    pub fn of(bytes: &[u8]) -> JsonKind {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4000)]);
        if super::backup::looks_like_backup(&head) {
            JsonKind::Backup
        } else if looks_like_gloss_file(&head) {
            JsonKind::Article
        } else if super::interchange::w3c::looks_like_annotations(&head) {
            JsonKind::Annotations
        } else {
            JsonKind::Other
        }
    }
}

/// Whether some text looks like a Gloss file (for telling a pasted file from an article).
pub fn looks_like_gloss_file(s: &str) -> bool {
    let head: String = s.trim_start().chars().take(400).collect();
    head.starts_with('{') && head.contains("\"format\"") && head.contains(FORMAT_NAME)
}

#[cfg(test)]
mod tests;
