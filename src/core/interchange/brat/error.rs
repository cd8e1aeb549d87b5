//! What a brat import can refuse, each in a person's words, with the line of the `.ann`
//! where it is.

use crate::core::excerpt;
use crate::core::relations::LinkError;
use std::fmt;

/// Which of the two files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BratFile {
    Txt,
    Ann,
}

impl fmt::Display for BratFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BratFile::Txt => ".txt",
            BratFile::Ann => ".ann",
        })
    }
}

/// Why a line of the `.ann` cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// No tab after the annotation's id.
    NoTab,
    /// The id is empty or holds white space.
    BadId,
    /// The id starts with a letter no brat annotation has.
    UnknownKind(char),
    /// A text-bound, relation, attribute or note without its label or type.
    NoLabel,
    /// Offsets that are not `start end` pairs of whole numbers, joined by `;`.
    BadOffsets,
    /// A fragment whose start is after its end.
    StartAfterEnd { start: usize, end: usize },
    /// Two fragments of one text-bound overlap.
    Overlapping,
    /// An event without `Type:Trigger`.
    NoTrigger,
    /// An argument that is not `Role:Id`.
    BadArgument(String),
    /// A relation needs two arguments with different roles.
    RelationArguments,
    /// An attribute is `Name Target` or `Name Target Value`.
    AttributeParts,
    /// A note is `Type Target`, then a tab and its text.
    NoteParts,
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineProblem::NoTab => write!(f, "there is no tab after the annotation's id"),
            LineProblem::BadId => write!(f, "the annotation's id is empty or holds a space"),
            LineProblem::UnknownKind(c) => {
                write!(f, "ids start with T, E, R, A, M, N, # or *, not “{c}”")
            }
            LineProblem::NoLabel => write!(f, "the label or type is missing"),
            LineProblem::BadOffsets => write!(
                f,
                "the offsets are not pairs of whole numbers like “12 20” (fragments joined by “;”)"
            ),
            LineProblem::StartAfterEnd { start, end } => {
                write!(f, "a fragment starts at {start}, after its end at {end}")
            }
            LineProblem::Overlapping => write!(f, "two fragments of the annotation overlap"),
            LineProblem::NoTrigger => write!(f, "an event starts with Type:Trigger"),
            LineProblem::BadArgument(a) => {
                write!(f, "“{}” is not an argument like Role:T1", excerpt(a, 40))
            }
            LineProblem::RelationArguments => write!(
                f,
                "a relation has exactly two arguments with different roles, like Arg1:T1 Arg2:T2"
            ),
            LineProblem::AttributeParts => write!(
                f,
                "an attribute is a name, the annotation it is on and maybe a value"
            ),
            LineProblem::NoteParts => write!(
                f,
                "a note is a type and the annotation it is on, then a tab and its text"
            ),
        }
    }
}

/// Why a brat pair could not be imported. Nothing is imported when any of these happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BratError {
    TooLarge {
        file: BratFile,
        bytes: usize,
        limit: usize,
    },
    /// The `.txt` is not UTF-8 (brat's encoding); `at` is the first bad byte.
    NotUtf8 { at: usize },
    /// The app would not open the `.txt` (a binary file): the parser's words.
    Unreadable { reason: String },
    /// Reading the `.txt` as the app does changed its text, so offsets would not hold.
    TextChanged,
    /// A line that is not brat standoff.
    Line { line: usize, problem: LineProblem },
    /// Two annotations with one id.
    DuplicateId { line: usize, id: String },
    /// An annotation names one the file does not hold (or a trigger that is no text-bound).
    UnknownId {
        line: usize,
        id: String,
        missing: String,
    },
    /// Offsets past the end of the text (in code points).
    OutOfRange {
        line: usize,
        id: String,
        start: usize,
        end: usize,
        len: usize,
    },
    /// The text written in the `.ann` is not the `.txt`'s text at those offsets.
    TextMismatch {
        line: usize,
        id: String,
        expected: String,
        found: String,
    },
    /// A claim's `Type` or `Verdict` that is not one.
    BadValue {
        line: usize,
        name: String,
        value: String,
    },
    /// Two claims, or two links, with one id in Gloss (in their notes).
    DuplicateGlossId { line: usize, id: String },
    /// A link Gloss refuses (a claim that is not there, two ends the same, …).
    BadLink { line: usize, why: LinkError },
}

impl fmt::Display for BratError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use BratError::*;
        match self {
            TooLarge { file, bytes, limit } => write!(
                f,
                "The {file} file is too large to import ({:.1} MB; the limit is {} MB).",
                *bytes as f64 / 1e6,
                limit / (1024 * 1024)
            ),
            NotUtf8 { at } => write!(
                f,
                "The .txt file is not UTF-8 text (byte {at} is not), so brat's offsets cannot be counted in it."
            ),
            Unreadable { reason } => write!(f, "The .txt file cannot be opened: {reason}"),
            TextChanged => write!(
                f,
                "The .txt file's text changes when it is read, so the annotations' offsets would not point at their words."
            ),
            Line { line, problem } => write!(f, "Line {line} of the .ann file: {problem}."),
            DuplicateId { line, id } => write!(
                f,
                "Line {line} of the .ann file: the id “{}” is used twice.",
                excerpt(id, 40)
            ),
            UnknownId { line, id, missing } => write!(
                f,
                "Line {line} of the .ann file: “{}” names “{}”, which is not a fitting annotation of the file.",
                excerpt(id, 40),
                excerpt(missing, 40)
            ),
            OutOfRange { line, id, start, end, len } => write!(
                f,
                "Line {line} of the .ann file: “{}” points at characters {start}–{end}, past the end of the text ({len} characters).",
                excerpt(id, 40)
            ),
            TextMismatch { line, id, expected, found } => write!(
                f,
                "Line {line} of the .ann file: “{}” quotes “{}” but the text there reads “{}”.",
                excerpt(id, 40),
                excerpt(found, 60),
                excerpt(expected, 60)
            ),
            BadValue { line, name, value } => write!(
                f,
                "Line {line} of the .ann file: “{}” is not a claim's {}.",
                excerpt(value, 40),
                name.to_lowercase()
            ),
            DuplicateGlossId { line, id } => write!(
                f,
                "Line {line} of the .ann file: another claim or link already has the id “{}”.",
                excerpt(id, 40)
            ),
            BadLink { line, why } => write!(f, "Line {line} of the .ann file: {why}"),
        }
    }
}

impl std::error::Error for BratError {}
