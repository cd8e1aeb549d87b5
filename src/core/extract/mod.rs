//! Entity extraction: people, organisations, places (GPE, LOC) and groups (NORP), by rule
//! over capitalised runs in each sentence, with general lexicons (`lexicon/`). Titles and
//! roles are kept out of names ("Foreign Minister Andrii Sybiha" gives the person and the
//! role); a surname alone refers back to the person named in full. Pure, linear in the
//! text, never panics.

//!
//! Cut by phase: the model here (labels, mentions, entities); `tokens` (words and their
//! shapes), `rules` (capitalised runs to classified mentions), `byline` (a byline line's
//! names, a salutation's name), `scan` (the scan in slices over a document), `model` (the
//! learned tagger that decides over the rules' guesses), `cluster` (mentions to entities),
//! `truecase` (shouted lines read in their usual case first); fixed word lists in
//! `lexicon::words`, the lexicons themselves in `lexicon/`.

mod byline;
mod cluster;
mod lexicon;
mod lists;
pub mod model;
mod rules;
mod scan;
mod tokens;
mod truecase;

pub use cluster::cluster;
use lexicon::words::*;
pub use lexicon::Gender;
use lexicon::Kinds;
use rules::*;
pub use scan::{
    dateline, dateline_len, entities, extract, model_reading, rule_entities, EntityScan,
};
use tokens::*;
pub use truecase::read_as;

use super::document::Document;
use super::hash::{KeyedMap as HashMap, KeyedSet as HashSet};
use super::offsets::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Label {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "GPE")]
    Gpe,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "NORP")]
    Norp,
}

impl Label {
    /// The class as people read it.
    pub fn name(&self) -> &'static str {
        match self {
            Label::Person => "Person",
            Label::Org => "Organisation",
            Label::Gpe => "Place",
            Label::Loc => "Location",
            Label::Norp => "Group or nationality",
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
        }
    }
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub label: Label,
    /// The title or role written before a person ("Foreign Minister"), if any.
    pub role: Option<Span>,
    /// Index of the entity this mention belongs to (see `cluster`).
    pub entity: usize,
}

/// An entity of one article: all mentions of the same person, organisation or place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub label: Label,
    /// The fullest name used ("Donald Trump" for "Trump"; the expansion for an acronym).
    pub name: String,
    /// A role given anywhere ("President"), for persons.
    pub role: Option<String>,
    /// Indices into the mention list, in text order.
    pub mentions: Vec<usize>,
}

/// Mentions and the entities they form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

impl Extraction {
    /// One line about an entity: class, name, role, and its mentions as written, e.g.
    /// "Person: Donald Trump (President) · 3 mentions: Donald Trump, Trump".
    pub fn describe(&self, text: &str, entity: usize) -> String {
        const TIP_FORMS: usize = 8;
        let Some(e) = self.entities.get(entity) else {
            return String::new();
        };
        let mut tip = format!("{}: {}", e.label.name(), e.name);
        if let Some(r) = &e.role {
            tip.push_str(&format!(" ({r})"));
        }
        let n = e.mentions.len();
        tip.push_str(&format!(" · {n} mention{}", if n == 1 { "" } else { "s" }));
        // the ways it is written, the first `TIP_FORMS` of them: an entity named thousands
        // of ways in a long article still reads in one line, and costs one pass
        let mut written: Vec<&str> = Vec::new();
        let mut more = false;
        for m in e.mentions.iter().filter_map(|&i| self.mentions.get(i)) {
            let w = text.get(m.span.start()..m.span.end()).unwrap_or("");
            if !written.contains(&w) {
                if written.len() == TIP_FORMS {
                    more = true;
                    break;
                }
                written.push(w);
            }
        }
        if written.len() > 1 {
            tip.push_str(&format!(": {}", written.join(", ")));
            if more {
                tip.push_str(", …");
            }
        }
        tip
    }

    /// Every entity's hover text (`describe`), by entity: made once for an extraction, as
    /// each is a pass over the entity's mentions (made per mention shown, a long article's
    /// rendering would be quadratic in its mentions).
    pub fn tooltips(&self, text: &str) -> Vec<String> {
        (0..self.entities.len())
            .map(|e| self.describe(text, e))
            .collect()
    }
}

/// The gender a given name usually has, from the general given-name list.
pub fn given_name_gender(name: &str) -> Option<Gender> {
    lexicon::get().given_gender.get(name).copied()
}

/// A role or title as English news writes it before a name ("Secretary of State").
pub fn is_title(phrase: &str) -> bool {
    lexicon::get().titles.contains(phrase)
}

#[cfg(test)]
mod tests;

/// Whether `w` ends a company's name: a word of trade ("Systems", "Foods") or a legal form
/// ("Inc.", "Ltd").
pub(crate) fn ends_company(w: &str) -> bool {
    lexicon::words::COMPANY_ENDS.contains(w)
        || lexicon::words::CORP_SUFFIXES.contains(w.trim_end_matches('.'))
}
