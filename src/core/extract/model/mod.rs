//! The learned part of the entity extractor: a small averaged perceptron, trained on GUM
//! (`scripts/train-entities.py`, weights in `model/entities.bin`, see `model/README.md`),
//! that reads each sentence's words left to right and tags them as the beginning or the
//! inside of a person, organisation or place, or outside any. It reads what the rules
//! found (each word's rule tag is one of its features), the lexicons' flags, the words
//! around and their shapes, so it learns where the rules guess wrong ("Clean Rivers Now
//! said" is no person). What the rules surely know stays theirs (`sure`): a lexicon's
//! whole entry, a person after a title. Groups (NORP) are the rules' alone.
//!
//! Only capitalised words, words inside a rule's mention and the connectors and numbers
//! after them are scored; every other word is outside at no cost. Linear in the text;
//! never panics (a damaged weight file leaves the rules' mentions as they are).

mod decide;
mod read;
mod sums;
mod weights;

use super::*;
use decide::{by_document, merge, spans};
pub(super) use read::read;
use read::read_each;
use std::sync::OnceLock;
use sums::{Fixed, Scores};
use weights::Rows;
pub use weights::{Weights, WeightsError};

/// Tags: outside, then the beginning and inside of a person, an organisation, a place.
pub const CLASSES: usize = 7;
/// A word's rule tag: outside, or the beginning or inside of one of the five labels.
pub const RULE_TAGS: usize = 11;
/// Feature buckets: a feature's hash keeps this many bits.
const BUCKET_BITS: u32 = 16;
const MAGIC: &[u8] = b"GLNER1";

/// What the model may do with a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Outside any name, unscored (a lower-case word, punctuation).
    Never,
    /// May begin or continue a name (a capitalised word, a word of a rule's mention).
    Begin,
    /// May only continue a name ("of", "&", a number).
    Continue,
}

/// One word of a sentence as the model reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub slot: Slot,
    /// A connector or a sign ("of", "&"): a name does not end on it.
    pub connector: bool,
    /// A head word of events, works and laws ("War", "Act"): a name ending on it is none
    /// of the model's classes.
    pub event: bool,
    /// The rule tag (`rule_tag`).
    pub rule: u8,
    /// It ends in a possessive ("Labour's"): a name of the model's ends on it unless the
    /// rules read on over it ("People's Army").
    pub possessive: bool,
    /// The sentence's first word (after quotation marks and brackets).
    pub first: bool,
    /// A compass word ("North"): alone it is no name.
    pub compass: bool,
    /// The feature buckets (none for a `Slot::Never` word).
    pub features: Vec<u32>,
}

/// A rule's mention and whether the rules surely know it (a lexicon's whole entry, a
/// person after a title).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMention {
    pub mention: Mention,
    pub sure: bool,
    /// Its words are two or more.
    pub several_words: bool,
}

/// A document as the model reads it: its sentences' words, and the rules' mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub sentences: Vec<Vec<Token>>,
    pub rules: Vec<RuleMention>,
}

/// The tag a rule mention gives its words: 1 + 2 × label + (0 first word, 1 later words).
fn rule_tag(label: Label, first: bool) -> u8 {
    let l = match label {
        Label::Person => 0,
        Label::Org => 1,
        Label::Gpe => 2,
        Label::Loc => 3,
        Label::Norp => 4,
    };
    1 + 2 * l + u8::from(!first)
}

/// The weights shipped with Gloss (`None` if they could not be read, which a test rules out).
pub fn weights() -> Option<&'static Weights> {
    static W: OnceLock<Option<Weights>> = OnceLock::new();
    W.get_or_init(|| Weights::parse(include_bytes!("entities.bin")).ok())
        .as_ref()
}

/// The mentions of a document: the model's people and organisations over the rules'
/// `mentions` (in text order), the rules' sure ones (`sure`) kept over the model's. Places
/// are the rules' alone: a place of the model's may stand only on the rules' own place,
/// and every place of theirs is sure, so theirs stands (the model's place tags still
/// shape its other tags, so the trainer keeps them); a model name over two of the rules' or one word inside one of theirs gives way
/// to theirs; a person the rules name in two words or more stays where nothing else was
/// found over it. A person keeps the role the rules read before the name. In text order,
/// none overlapping.
pub(super) fn decide(doc: &Document, mentions: Vec<Mention>, st: &ScanState) -> Vec<Mention> {
    let Some(w) = weights() else {
        return mentions;
    };
    let mut model = Vec::new();
    let rules = read_each(doc, &mentions, st, Some(w), |s, tags| {
        spans(&s, &tags, &mut model);
    });
    by_document(doc.text(), &rules, merge(&rules, model))
}

/// `decide` over a reading with given weights (the trainer's decisions are checked
/// against this).
pub fn decide_with(w: &Weights, text: &str, reading: &Reading) -> Vec<Mention> {
    let mut model = Vec::new();
    for s in &reading.sentences {
        let tags = w.tag(s);
        spans(s, &tags, &mut model);
    }
    by_document(text, &reading.rules, merge(&reading.rules, model))
}

#[cfg(test)]
mod tests;
