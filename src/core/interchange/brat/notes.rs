//! The fields Gloss writes in a brat note: a claim's claimant, note, tags and evidence and
//! its id, a link's id and note. brat attributes hold one word, so free text goes in the
//! note (`#1\tAnnotatorNotes T1\t…`) as `key: value` parts joined by ` | `, each value
//! escaped (`\\`, `\|`, `\n`, `\r`, `\t`) so that a note is one line, a `|` in a value never
//! splits it, and every value reads back exactly. A note that is not such fields is words a
//! person wrote (`NoteKind`).

use super::labels::relation_of;
use crate::core::relations::{End, Relation};

/// What a part of a note holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Key {
    /// The claim's or link's id in Gloss.
    Id,
    Claimant,
    Note,
    /// One tag (a part each).
    Tag,
    /// One piece of evidence's address (a part each).
    Evidence,
    /// What the evidence before it shows.
    EvidenceNote,
    /// A link written as a note: its relation (`Relation::as_str`).
    Link,
    /// A link's end as `End::encode` writes it (`c:` claim id, `e:` entity name).
    From,
    To,
    /// Who made the claim (the annotator's name).
    Creator,
}

impl Key {
    const ALL: [Key; 10] = [
        Key::Id,
        Key::Claimant,
        Key::Note,
        Key::Tag,
        Key::Evidence,
        Key::EvidenceNote,
        Key::Link,
        Key::From,
        Key::To,
        Key::Creator,
    ];

    pub(super) fn as_str(self) -> &'static str {
        match self {
            Key::Id => "id",
            Key::Claimant => "claimant",
            Key::Note => "note",
            Key::Tag => "tag",
            Key::Evidence => "evidence",
            Key::EvidenceNote => "evidence note",
            Key::Link => "link",
            Key::From => "from",
            Key::To => "to",
            Key::Creator => "creator",
        }
    }

    fn parse(s: &str) -> Option<Key> {
        let s = s.trim();
        Key::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

/// One `key: value` part of a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Field {
    pub key: Key,
    pub value: String,
}

impl Field {
    pub(super) fn new(key: Key, value: impl Into<String>) -> Field {
        Field {
            key,
            value: value.into(),
        }
    }
}

/// The note's text for `fields`, in their order.
pub(super) fn write(fields: &[Field]) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        out.push_str(f.key.as_str());
        out.push_str(": ");
        escape(&f.value, &mut out);
    }
    out
}

/// The fields of a note Gloss wrote; `None` when some part of it is not a `key: value`
/// Gloss knows, so that a note written by a person in brat is read as free text.
pub(super) fn read(note: &str) -> Option<Vec<Field>> {
    if note.trim().is_empty() {
        return None;
    }
    let parts = split(note);
    let last = parts.len().saturating_sub(1);
    let mut out = Vec::with_capacity(parts.len());
    for (i, part) in parts.into_iter().enumerate() {
        // the separator is " | ": one space each side belongs to it
        let part = if i > 0 {
            part.strip_prefix(' ').unwrap_or(part)
        } else {
            part
        };
        let part = if i < last {
            part.strip_suffix(' ').unwrap_or(part)
        } else {
            part
        };
        let (key, value) = part.split_once(':')?;
        let key = Key::parse(key)?;
        let value = value.strip_prefix(' ').unwrap_or(value);
        out.push(Field {
            key,
            value: unescape(value),
        });
    }
    Some(out)
}

/// The parts between unescaped `|`s, escapes left in.
fn split(note: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in note.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => {
                parts.push(&note[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&note[start..]);
    parts
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
}

/// Undoes `escape`; a backslash before anything else is kept as written.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('|') => out.push('|'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// What a note holds.
pub(super) enum NoteKind {
    /// A link Gloss wrote as a note.
    Link(LinkNote),
    /// Fields Gloss wrote (a claim's or a relation's).
    Fields(Vec<Field>),
    /// Words a person wrote.
    Free,
}

/// A link read from a note: `link`, `from` and `to` all there and readable.
pub(super) struct LinkNote {
    pub kind: Relation,
    pub from: End,
    pub to: End,
    pub id: Option<String>,
    pub note: String,
}

/// What a note's text holds: a link Gloss wrote, fields Gloss wrote, or a person's words.
pub(super) fn kind(text: &str) -> NoteKind {
    let Some(fields) = read(text) else {
        return NoteKind::Free;
    };
    let get = |k: Key| fields.iter().find(|f| f.key == k).map(|f| f.value.as_str());
    let Some(link) = get(Key::Link) else {
        return NoteKind::Fields(fields);
    };
    let (Some(kind), Some(Some(from)), Some(Some(to))) = (
        relation_of(link),
        get(Key::From).map(End::decode),
        get(Key::To).map(End::decode),
    ) else {
        return NoteKind::Free;
    };
    NoteKind::Link(LinkNote {
        kind,
        from,
        to,
        id: get(Key::Id).map(str::to_string),
        note: get(Key::Note).unwrap_or("").to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_value_reads_back_exactly() {
        let values = [
            "",
            " lead and trail ",
            "a | b",
            "back\\slash\\",
            "\\|",
            "line\nbreak\r\n\ttab",
            "😀 漢字 שלום e\u{301}",
            "key: like",
            "|",
            "\\",
        ];
        for v in values {
            let fields = vec![
                Field::new(Key::Claimant, v),
                Field::new(Key::Note, v),
                Field::new(Key::Tag, v),
            ];
            let text = write(&fields);
            assert!(!text.contains(['\n', '\r', '\t']), "{text:?}");
            assert_eq!(read(&text), Some(fields), "{text:?}");
        }
    }

    #[test]
    fn a_note_written_by_hand_is_not_fields() {
        assert_eq!(read("Should line 38 be part of 36?"), None);
        assert_eq!(read("claimant: Ana | see me"), None);
        assert_eq!(read("mood: sunny"), None);
        assert_eq!(read("   "), None);
        // keys in any case, a value without its space
        assert_eq!(
            read("Claimant:Ana|TAG: x"),
            Some(vec![
                Field::new(Key::Claimant, "Ana"),
                Field::new(Key::Tag, "x")
            ])
        );
    }
}
