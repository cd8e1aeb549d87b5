//! What the labels, roles and types of a brat file mean to Gloss: a text-bound is a claim,
//! a part of an attribution, an attribution's trigger, an entity of a class (or a "not an
//! entity" decision), or something Gloss does not know; a relation's type may name a
//! Gloss relation. Compared in any case, so `PERSON`, `Person` and `person` are one.

use crate::core::extract::Label;
use crate::core::relations::Relation;

/// What a text-bound's label makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Claim,
    Part(Part),
    /// An attribution event's trigger (`Attribution`, `Attribution-no-source`).
    Trigger,
    /// An entity of a class, or (`None`) a "not an entity" decision.
    Entity(Option<Label>),
    Unknown,
}

/// A part of an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Source,
    Cue,
    Content,
}

/// The part a label or role names (`Source`, `Cue`, `Content`), if any.
pub(super) fn part_of(name: &str) -> Option<Part> {
    [
        ("source", Part::Source),
        ("cue", Part::Cue),
        ("content", Part::Content),
    ]
    .into_iter()
    .find(|(n, _)| n.eq_ignore_ascii_case(name))
    .map(|(_, p)| p)
}

/// Whether an event's type or a trigger's label names an attribution: it begins with
/// `Attribution` (PolNeAR's `Attribution` and `Attribution-no-source`).
pub(super) fn is_attribution(name: &str) -> bool {
    name.get(..11)
        .is_some_and(|h| h.eq_ignore_ascii_case(super::ATTRIBUTION))
}

/// What a text-bound with this label is (PolNeAR's, Gloss's and brat's example labels).
pub(super) fn kind_of(label: &str) -> Kind {
    if let Some(p) = part_of(label) {
        return Kind::Part(p);
    }
    if is_attribution(label) {
        return Kind::Trigger;
    }
    const NAMES: &[(&str, Kind)] = &[
        ("claim", Kind::Claim),
        ("person", Kind::Entity(Some(Label::Person))),
        ("per", Kind::Entity(Some(Label::Person))),
        ("org", Kind::Entity(Some(Label::Org))),
        ("organization", Kind::Entity(Some(Label::Org))),
        ("organisation", Kind::Entity(Some(Label::Org))),
        ("gpe", Kind::Entity(Some(Label::Gpe))),
        ("place", Kind::Entity(Some(Label::Gpe))),
        ("loc", Kind::Entity(Some(Label::Loc))),
        ("location", Kind::Entity(Some(Label::Loc))),
        ("norp", Kind::Entity(Some(Label::Norp))),
        ("notentity", Kind::Entity(None)),
        ("not_entity", Kind::Entity(None)),
        ("not-entity", Kind::Entity(None)),
    ];
    NAMES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(label))
        .map_or(Kind::Unknown, |(_, k)| *k)
}

/// A Gloss relation from a brat relation's type, in any case, with `-` or `_`.
pub(super) fn relation_of(kind: &str) -> Option<Relation> {
    Relation::ALL.into_iter().find(|r| {
        let name = r.as_str();
        name.len() == kind.len()
            && name.bytes().zip(kind.bytes()).all(|(a, b)| {
                a == b.to_ascii_lowercase() || (a == b'_' && (b == b'-' || b == b' '))
            })
    })
}
