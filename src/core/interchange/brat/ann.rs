//! Reading a `.ann` file into its annotations, each checked the way brat checks it:
//! offsets inside the text, fragments apart, the text written after a text-bound the text
//! at its offsets, every id unique and every id named held by the file. Lines borrow from
//! the file; one pass over it, and each text-bound's words are compared at most once with
//! what the line holds, so the work is linear in the file's size.

use super::{BratError, LineProblem};
use crate::core::offsets::{CharIndex, CharSpan, Span};
use std::collections::HashMap;

/// A text-bound annotation (`T1\tLabel 0 5;7 9\ttext`).
#[derive(Debug)]
pub(super) struct TextBound<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub line: usize,
    /// Byte spans into the text as the `.ann` counts it, in the file's order.
    pub fragments: Vec<Span>,
}

/// An argument of an event or relation: `Role:Id`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Arg<'a> {
    pub role: &'a str,
    pub target: &'a str,
}

impl<'a> Arg<'a> {
    /// The role without the number brat gives a repeated role (`Content2` is a second
    /// `Content`).
    pub(super) fn base_role(&self) -> &'a str {
        let base = self.role.trim_end_matches(|c: char| c.is_ascii_digit());
        if base.is_empty() {
            self.role
        } else {
            base
        }
    }
}

/// An event (`E1\tType:T4 Role:T1 …`).
#[derive(Debug)]
pub(super) struct Event<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub line: usize,
    pub trigger: &'a str,
    pub args: Vec<Arg<'a>>,
}

/// A relation (`R1\tType Arg1:T1 Arg2:T2`).
#[derive(Debug)]
pub(super) struct Relation<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub line: usize,
    pub from: Arg<'a>,
    pub to: Arg<'a>,
}

/// An attribute (`A1\tName T1 Value`; a flag has no value).
#[derive(Debug)]
pub(super) struct Attribute<'a> {
    pub name: &'a str,
    pub line: usize,
    pub target: &'a str,
    pub value: Option<&'a str>,
}

/// A note (`#1\tAnnotatorNotes T1\ttext`).
#[derive(Debug)]
pub(super) struct Note<'a> {
    pub line: usize,
    pub target: &'a str,
    pub text: &'a str,
}

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ref {
    Text(usize),
    Event(usize),
    Relation(usize),
    /// An attribute, a note or a normalisation: nothing names these.
    Other,
}

/// The annotations of a file, by kind, in the file's order.
#[derive(Debug, Default)]
pub(super) struct Ann<'a> {
    pub texts: Vec<TextBound<'a>>,
    pub events: Vec<Event<'a>>,
    pub relations: Vec<Relation<'a>>,
    pub attributes: Vec<Attribute<'a>>,
    pub notes: Vec<Note<'a>>,
    /// Kinds of annotation Gloss has no place for (`Equiv`, normalisations), by kind.
    pub others: Vec<&'a str>,
    pub ids: HashMap<&'a str, Ref>,
}

impl<'a> Ann<'a> {
    pub(super) fn get(&self, id: &str) -> Option<Ref> {
        self.ids.get(id).copied()
    }
}

/// Reads `ann` against `text` (the `.txt` as brat counts it), `idx` its code-point index.
pub(super) fn read<'a>(ann: &'a str, text: &str, idx: &CharIndex) -> Result<Ann<'a>, BratError> {
    let lines: Vec<&str> = ann.split('\n').collect();
    let mut out = Ann::default();
    let mut i = 0;
    while let Some(&raw) = lines.get(i) {
        let line = i + 1;
        i += 1;
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if l.trim().is_empty() {
            continue;
        }
        let bad = |problem| BratError::Line { line, problem };
        let (id, rest) = l.split_once('\t').ok_or(bad(LineProblem::NoTab))?;
        if id.is_empty() || id.contains(char::is_whitespace) {
            return Err(bad(LineProblem::BadId));
        }
        // the data ends at the next tab; a text-bound's text or a note's follows it
        let (data, tail) = match rest.split_once('\t') {
            Some((d, t)) => (d, Some(t)),
            None => (rest, None),
        };
        let kind = id.chars().next().unwrap_or('?');
        let made = match kind {
            'T' => {
                let (label, offsets) = data
                    .split_once(' ')
                    .filter(|(l, _)| !l.is_empty())
                    .ok_or(bad(LineProblem::NoLabel))?;
                let fragments = fragments(offsets, line, id, idx)?;
                // the text as the raw line holds it, a `\r` before the line break included
                let raw_tail = tail.map(|_| raw.get(id.len() + data.len() + 2..).unwrap_or(""));
                check_text(text, &fragments, raw_tail, &lines, &mut i).map_err(|m| {
                    BratError::TextMismatch {
                        line,
                        id: id.to_string(),
                        expected: m.expected,
                        found: m.found,
                    }
                })?;
                out.texts.push(TextBound {
                    id,
                    label,
                    line,
                    fragments,
                });
                Some(Ref::Text(out.texts.len() - 1))
            }
            'E' => {
                let mut words = data.split_whitespace();
                let (kind, trigger) = words
                    .next()
                    .and_then(|w| w.split_once(':'))
                    .filter(|(k, t)| !k.is_empty() && !t.is_empty())
                    .ok_or(bad(LineProblem::NoTrigger))?;
                let args = words
                    .map(|w| arg(w).ok_or_else(|| bad(LineProblem::BadArgument(w.to_string()))))
                    .collect::<Result<Vec<_>, _>>()?;
                out.events.push(Event {
                    id,
                    kind,
                    line,
                    trigger,
                    args,
                });
                Some(Ref::Event(out.events.len() - 1))
            }
            'R' => {
                let mut words = data.split_whitespace();
                let kind = words.next().ok_or(bad(LineProblem::NoLabel))?;
                let args = words
                    .map(|w| arg(w).ok_or_else(|| bad(LineProblem::BadArgument(w.to_string()))))
                    .collect::<Result<Vec<_>, _>>()?;
                let [from, to] = args[..] else {
                    return Err(bad(LineProblem::RelationArguments));
                };
                if from.role == to.role {
                    return Err(bad(LineProblem::RelationArguments));
                }
                out.relations.push(Relation {
                    id,
                    kind,
                    line,
                    from,
                    to,
                });
                Some(Ref::Relation(out.relations.len() - 1))
            }
            'A' | 'M' => {
                let words: Vec<&str> = data.split_whitespace().collect();
                let (name, target, value) = match words[..] {
                    [n, t] => (n, t, None),
                    [n, t, v] => (n, t, Some(v)),
                    _ => return Err(bad(LineProblem::AttributeParts)),
                };
                out.attributes.push(Attribute {
                    name,
                    line,
                    target,
                    value,
                });
                Some(Ref::Other)
            }
            '#' => {
                let words: Vec<&str> = data.split_whitespace().collect();
                let [_, target] = words[..] else {
                    return Err(bad(LineProblem::NoteParts));
                };
                out.notes.push(Note {
                    line,
                    target,
                    text: tail.unwrap_or(""),
                });
                Some(Ref::Other)
            }
            'N' => {
                out.others
                    .push(data.split_whitespace().next().unwrap_or("normalization"));
                Some(Ref::Other)
            }
            // equivalences share the id `*`
            '*' => {
                out.others
                    .push(data.split_whitespace().next().unwrap_or("Equiv"));
                None
            }
            c => return Err(bad(LineProblem::UnknownKind(c))),
        };
        if let Some(r) = made {
            if out.ids.insert(id, r).is_some() {
                return Err(BratError::DuplicateId {
                    line,
                    id: id.to_string(),
                });
            }
        }
    }
    check_references(&out)?;
    Ok(out)
}

/// Every id an annotation names is in the file; an event's trigger is a text-bound.
fn check_references(ann: &Ann) -> Result<(), BratError> {
    let missing = |line: usize, id: &str, target: &str| BratError::UnknownId {
        line,
        id: id.to_string(),
        missing: target.to_string(),
    };
    for e in &ann.events {
        if !matches!(ann.get(e.trigger), Some(Ref::Text(_))) {
            return Err(missing(e.line, e.id, e.trigger));
        }
        if let Some(a) = e.args.iter().find(|a| ann.get(a.target).is_none()) {
            return Err(missing(e.line, e.id, a.target));
        }
    }
    for r in &ann.relations {
        for a in [r.from, r.to] {
            if ann.get(a.target).is_none() {
                return Err(missing(r.line, r.id, a.target));
            }
        }
    }
    for a in &ann.attributes {
        if ann.get(a.target).is_none() {
            return Err(missing(a.line, a.name, a.target));
        }
    }
    for n in &ann.notes {
        if ann.get(n.target).is_none() {
            return Err(missing(n.line, super::NOTES, n.target));
        }
    }
    Ok(())
}

/// `Role:Id`.
fn arg(w: &str) -> Option<Arg<'_>> {
    let (role, target) = w.split_once(':')?;
    (!role.is_empty() && !target.is_empty()).then_some(Arg { role, target })
}

/// `start end` pairs joined by `;`, as byte spans; each inside the text, none after its
/// end, no two overlapping.
fn fragments(
    offsets: &str,
    line: usize,
    id: &str,
    idx: &CharIndex,
) -> Result<Vec<Span>, BratError> {
    let bad = |problem| BratError::Line { line, problem };
    let mut out = Vec::new();
    for part in offsets.split(';') {
        let mut nums = part.split_whitespace().map(|n| {
            n.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| n.parse::<usize>().ok())
                .flatten()
        });
        let (Some(Some(start)), Some(Some(end)), None) = (nums.next(), nums.next(), nums.next())
        else {
            return Err(bad(LineProblem::BadOffsets));
        };
        if start > end {
            return Err(bad(LineProblem::StartAfterEnd { start, end }));
        }
        let span = idx
            .to_bytes(CharSpan { start, end })
            .ok_or_else(|| BratError::OutOfRange {
                line,
                id: id.to_string(),
                start,
                end,
                len: idx.len_chars(),
            })?;
        out.push(span);
    }
    let mut sorted = out.clone();
    crate::core::sort::sort_by_key(&mut sorted, |s| (s.start(), s.end()));
    if sorted.windows(2).any(|w| w[1].start() < w[0].end()) {
        return Err(bad(LineProblem::Overlapping));
    }
    Ok(out)
}

/// What a text-bound's text should have been, and what the file has.
struct Mismatch {
    expected: String,
    found: String,
}

/// Checks the text written after a text-bound against the text at its fragments, joined
/// by one space (brat's rule): the line must begin with it, and what follows must be
/// nothing or begin with white space. Words that run over a line break go on over the
/// next lines (`i` moves past them). No text written is brat's "fill it in from the text".
fn check_text(
    text: &str,
    fragments: &[Span],
    tail: Option<&str>,
    lines: &[&str],
    i: &mut usize,
) -> Result<(), Mismatch> {
    let Some(mut cur) = tail.filter(|t| !t.trim().is_empty()) else {
        return Ok(());
    };
    let expected = || {
        let s: Vec<&str> = fragments.iter().filter_map(|f| f.slice(text)).collect();
        crate::core::excerpt(&s.join(" "), 80)
    };
    let fail = |cur: &str| Mismatch {
        expected: expected(),
        found: crate::core::excerpt(cur, 80),
    };
    let original = cur;
    for (k, f) in fragments.iter().enumerate() {
        let Some(words) = f.slice(text) else {
            return Err(fail(original));
        };
        if k > 0 {
            cur = cur.strip_prefix(' ').ok_or_else(|| fail(original))?;
        }
        let mut pieces = words.split('\n').peekable();
        while let Some(piece) = pieces.next() {
            cur = cur.strip_prefix(piece).ok_or_else(|| fail(original))?;
            if pieces.peek().is_some() {
                // the words go on on the next line of the file
                if !(cur.is_empty() || cur == "\r") {
                    return Err(fail(original));
                }
                cur = lines.get(*i).ok_or_else(|| fail(original))?;
                *i += 1;
            }
        }
    }
    if cur.is_empty() || cur.starts_with(char::is_whitespace) {
        Ok(())
    } else {
        Err(fail(original))
    }
}
