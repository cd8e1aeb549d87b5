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

/// Whether some text looks like a Gloss file (for telling a pasted file from an article).
pub fn looks_like_gloss_file(s: &str) -> bool {
    let head: String = s.trim_start().chars().take(400).collect();
    head.starts_with('{') && head.contains("\"format\"") && head.contains(FORMAT_NAME)
}

#[cfg(test)]
mod tests;
