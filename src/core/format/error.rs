//! What an import can refuse, each in a person's words.

use super::{FORMAT_NAME, FORMAT_VERSION, OFFSET_UNIT};
use crate::core::library::PageMismatch;
use std::fmt;

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

pub(super) fn short(s: &str) -> String {
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
