//! brat standoff (<https://brat.nlplab.org/standoff.html>): an article as a `.txt` file and
//! its annotations as an `.ann` file beside it, the format of the brat annotation tool and
//! of corpora such as PolNeAR and PARC (attribution: who said what). Offsets in the `.ann`
//! count code points of the `.txt` (converted only through `CharIndex`).
//!
//! **What Gloss writes** (`export`):
//! - each claim: `T Claim start end\twords`, its type and verdict as attributes
//!   (`A Type T1 opinion`, `A Verdict T1 mostly-true`: brat attribute values are single
//!   words, and these ids are), and everything that is free text in one note,
//!   `#1\tAnnotatorNotes T1\tclaimant: Ana Lima | note: … | tag: budget | evidence: https://… | evidence note: … | id: c7`.
//!   Each value is escaped (`\\`, `\|`, `\n`, `\r`, `\t`) so a note is one line and reads
//!   back exactly (`notes`);
//! - a claim's attribution, shaped as PolNeAR's: `T Source`, `T Cue`, `T Content` (the
//!   claim's words: what Gloss judges is what was said) and a trigger `T Attribution` on the
//!   cue's words, joined by `E Attribution:T4 Cue:T2 Source:T1 Content:T3`. The source and
//!   cue come from the suggestion the claim was accepted from, while its claimant is still
//!   that suggestion's speaker; otherwise the source is the mention of the claimant nearest
//!   before the claim's end, if the claimant is named in the text, and there is no cue (the
//!   trigger then lies on the source);
//! - the entities as the person fixed them (`Article::entities`): `T PERSON`, `T ORG`,
//!   `T GPE`, `T LOC`, `T NORP`, and each "not an entity" decision as `T NotEntity`, so a
//!   name the person removed does not come back on import;
//! - links as relations, `R1\tsupports Arg1:T1 Arg2:T9`, with a note holding the link's id
//!   and note (and an entity end's name when its text-bound reads otherwise). An entity end
//!   is its entity's first mention; a link with an end that has no text-bound (a name the
//!   text never mentions) is written as a note on its other end (else on the first
//!   text-bound): `link: related | from: e:Ana Lima | to: e:Kyiv | id: l3`. A link that finds
//!   no text-bound at all (an article with none) is listed in `Brat::unwritten`, not lost
//!   silently.
//!
//! Text-bounds are cut at line breaks into fragments (`0 5;7 12`, the text joined by one
//! space, brat's own rule), so every annotation is one line. Times (a claim's or link's
//! `created`, `modified`) are not carried: what is imported is made at the import's time.
//!
//! **What Gloss reads** (`import`), all or nothing, linear in the input (but for what the
//! article's own rules cost: each entity decision is recorded apart from the others,
//! `fixes::record`, and each link checked against those before it, `Article::restore_link`,
//! both quadratic in their number):
//! - the text as the app reads a `.txt` (`parse::parse_bytes` as plain text); it must be
//!   UTF-8, and a byte-order mark counts as a character, as in brat;
//! - every text-bound is checked as brat checks it: offsets inside the text, fragments
//!   apart, and the text written after them the text at those offsets (a text-bound whose
//!   words run over a line break may go on over the next lines of the `.ann`, as PolNeAR's
//!   do; one with no text written is filled in from the `.txt`, as brat does);
//! - `Claim` text-bounds (any case) become claims over the span from their first fragment
//!   to their last, with `Type` and `Verdict` read back and the note's fields; a note that
//!   is not Gloss's fields is the claim's note as written;
//! - attributions: events whose type begins with `Attribution` (PolNeAR's `Attribution`,
//!   `Attribution-no-source`) or that have `Source`, `Cue` or `Content` roles (numbered
//!   roles such as `Content2` are the same role), and relations joining `Source`, `Cue` and
//!   `Content` text-bounds (grouped by their cue, else their content). Each is one claim:
//!   over its content (its cue's words when it has none), the speaker (the source's words)
//!   as claimant, the type its cue suggests (`claims::kind_for_cue`), and a note with the
//!   cue and any note on its parts. Content in fragments becomes the span from the first
//!   fragment to the last that lies in the first one's paragraph; fragments in other
//!   paragraphs are quoted in the note rather than stretch the claim over paragraphs (one
//!   fragment over paragraphs is kept whole, as the annotator marked it). An
//!   attribution whose content is exactly a `Claim`'s words is that claim's attribution (as
//!   Gloss writes them; of several claims on those words, the one whose claimant is its
//!   speaker, else one with none): it gives the claim a claimant when it has none, its notes
//!   join the claim's, and it makes no second claim;
//! - entity text-bounds (`PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, brat's `Person`,
//!   `Organization`, `Location`, any case) become the person's entity decisions, as if each
//!   had been marked by hand (`Article::fix_entities`), and `NotEntity` a "not an entity"
//!   decision; each must lie in one paragraph, and one overlapping another is left out;
//! - relations named as a Gloss relation (`supports`, `responds_to`, …) between claims and
//!   entities become links, and so do the link notes Gloss writes;
//! - ids: a claim or link keeps the id its note gives (two alike are an error), else is
//!   named after its annotation (`brat-T3`, `brat-E2`, `brat-R1`); the article's id comes
//!   from the two files' contents;
//! - whatever else the file holds (labels Gloss does not know, attributes other than `Type`
//!   and `Verdict`, equivalences, …) is counted in `ImportedBrat::skipped`, never lost
//!   without a word.

mod ann;
mod error;
mod export;
mod import;
mod labels;
mod notes;
#[cfg(test)]
mod tests;

pub use error::{BratError, BratFile, LineProblem};

/// Whether an `.ann` (its name without the extension) goes with a `.txt`: the same name, or
/// the text's name and an annotator's after `_` (PolNeAR names its files
/// `<article>_<annotator>.ann`).
pub fn goes_with(txt_stem: &str, ann_stem: &str) -> bool {
    ann_stem == txt_stem
        || ann_stem
            .strip_prefix(txt_stem)
            .is_some_and(|rest| rest.len() > 1 && rest.starts_with('_'))
}
pub use export::export;
pub use import::import;

use crate::core::library::Article;
use std::fmt;

/// The label of a claim's text-bound.
pub const CLAIM: &str = "Claim";
/// The attribute holding a claim's type (`ClaimType::as_str`).
pub const TYPE: &str = "Type";
/// The attribute holding a claim's verdict (the rating's id).
pub const VERDICT: &str = "Verdict";
/// The label of a "not an entity" decision's text-bound.
pub const NOT_ENTITY: &str = "NotEntity";
/// The type of an attribution event, and the label of its trigger.
pub const ATTRIBUTION: &str = "Attribution";
/// The note type brat shows on an annotation.
pub const NOTES: &str = "AnnotatorNotes";

/// An article in brat standoff: the two files' contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brat {
    /// The `.txt`: the article's text, exactly.
    pub txt: String,
    /// The `.ann`: one annotation a line, each line ending in a line break.
    pub ann: String,
    /// Ids of links that could not be written: the file has no text-bound to hold them.
    pub unwritten: Vec<String>,
}

/// What an import gives: the article, and what of the file it could not keep.
#[derive(Clone, Debug)]
pub struct ImportedBrat {
    /// The article: the `.txt`'s text, its claims, entity decisions and links.
    pub article: Article,
    /// How many attributions the file holds (events and joined relations), each a claim or
    /// the attribution of a `Claim`.
    pub attributions: usize,
    /// What was left out, by label and reason, in the order first met.
    pub skipped: Vec<Skipped>,
}

/// Some annotations of a file left out of the article, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The label, type or name as the file writes it (`Discuss`, `Equiv`, `AnnotatorNotes`).
    pub what: String,
    /// Why Gloss left them out.
    pub why: SkipReason,
    /// How many of them.
    pub count: usize,
}

/// Why annotations were left out of an imported article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// A text-bound's label is neither a claim, an entity class nor a part of an attribution.
    UnknownLabel,
    /// A source, cue, content or trigger that no attribution joins.
    NotInAttribution,
    /// An event that is not an attribution.
    UnknownEvent,
    /// A role of an attribution event other than source, cue and content.
    UnknownRole,
    /// A relation that is neither a Gloss relation nor joins parts of an attribution, or
    /// one whose ends are not claims and entities.
    UnknownRelation,
    /// An attribute other than a claim's `Type` and `Verdict`.
    UnknownAttribute,
    /// A note on something Gloss does not keep.
    NoteNotKept,
    /// Equivalences and normalisations: Gloss has nothing to hold them.
    NotKept,
    /// A claim or an entity over white space only.
    NoText,
    /// An entity whose words run over more than one paragraph.
    AcrossParagraphs,
    /// An entity overlapping another one (Gloss's entities never overlap).
    Overlapping,
    /// A link the same as one already read.
    RepeatedLink,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::UnknownLabel => "a label Gloss does not know",
            SkipReason::NotInAttribution => "part of no attribution",
            SkipReason::UnknownEvent => "an event that is not an attribution",
            SkipReason::UnknownRole => "a role an attribution does not have",
            SkipReason::UnknownRelation => "a relation Gloss does not know",
            SkipReason::UnknownAttribute => "an attribute Gloss does not know",
            SkipReason::NoteNotKept => "a note on something Gloss does not keep",
            SkipReason::NotKept => "something Gloss has no place for",
            SkipReason::NoText => "no words, only white space",
            SkipReason::AcrossParagraphs => "a name running over paragraphs",
            SkipReason::Overlapping => "an entity overlapping another",
            SkipReason::RepeatedLink => "a link already read",
        })
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} × “{}”: {}",
            self.count,
            crate::core::excerpt(&self.what, 40),
            self.why
        )
    }
}
