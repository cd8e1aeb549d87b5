//! An organisation spoken of by its kind or its short name: "the company said", "the
//! council said" stand for the article's one organisation of that kind, when that one was
//! the organisation named last before it (otherwise the description stays as written);
//! "Meridale said" for "Meridale Life Sciences".

use super::*;

/// Nouns of organisations' kinds that news uses alone, after "the", for an organisation
/// named before by a name holding the noun ("Aldermoor District Council" … "the council
/// said"). General English, not taken from any corpus.
const KINDS: crate::core::WordSet = crate::core::word_set!(
    "council|agency|ministry|department|university|college|bank|union|club|committee|\
     commission|board|authority|institute|foundation|trust|association|federation|league|\
     police|hospital|court|party|service|society|network|museum|school|academy|charity|\
     corporation|group|regulator|tribunal|parliament|assembly|senate|congress|army|navy"
);

/// The organisations an article speaks of by their kind.
#[derive(Default)]
pub(super) struct OrgKinds {
    /// The article's one company, by a name ending as a company's ("Ostrander Kitchen
    /// Systems", "Acme Inc."): "the company" and "the firm" stand for it.
    company: Option<String>,
    /// By a kind's noun in lower case, the one organisation whose name holds it (`None`
    /// when two do).
    kinds: KeyedMap<String, Option<String>>,
}

impl OrgKinds {
    /// The kinds of the organisations named in the article (`names`: each name once,
    /// without a leading "the").
    pub(super) fn of<'a>(names: impl Iterator<Item = &'a str>) -> OrgKinds {
        let mut out = OrgKinds::default();
        let mut companies: Vec<&str> = Vec::new();
        for full in names {
            let words: Vec<&str> = full.split(' ').collect();
            if words.len() < 2 {
                continue;
            }
            if words
                .last()
                .is_some_and(|last| crate::core::extract::ends_company(last))
                && !companies.contains(&full)
            {
                companies.push(full);
            }
            for w in words.iter().filter(|w| w.starts_with(char::is_uppercase)) {
                let kind = w.to_lowercase();
                if !KINDS.contains(&kind) {
                    continue;
                }
                let one = out
                    .kinds
                    .entry(kind)
                    .or_insert_with(|| Some(full.to_string()));
                if one.as_deref() != Some(full) {
                    *one = None;
                }
            }
        }
        if let [one] = companies[..] {
            out.company = Some(one.to_string());
        }
        out
    }

    /// The organisation the source as written at `source` stands for: by its kind
    /// (`by_kind`), or the full name of the short name it is (`org_names`).
    pub(super) fn speaker(
        &self,
        org_names: &KeyedMap<String, String>,
        mentions: &[Mention],
        text: &str,
        source: Option<Span>,
    ) -> Option<String> {
        let source = source?;
        self.by_kind(org_names, mentions, text, source)
            .or_else(|| full_name_of_short(org_names, mentions, text, source))
    }

    /// "the company" or "the firm" for the article's one company, "the <kind>" for its one
    /// organisation of that kind, when that organisation (or its short name, by
    /// `org_names`) is the organisation named last before it ("Forbes … the company
    /// says" is no other company's).
    fn by_kind(
        &self,
        org_names: &KeyedMap<String, String>,
        mentions: &[Mention],
        text: &str,
        source: Span,
    ) -> Option<String> {
        let written = source.slice(text)?;
        let (the, kind) = written.split_once(' ')?;
        if !the.eq_ignore_ascii_case("the") {
            return None;
        }
        let kind = kind.to_ascii_lowercase();
        let one = match kind.as_str() {
            "company" | "firm" => self.company.as_ref(),
            _ => self.kinds.get(&kind)?.as_ref(),
        }?;
        // (among the last 64 mentions: a megabyte of "the company said" stays linear)
        let before = mentions.partition_point(|m| m.span.start() < source.start());
        let last = mentions[..before]
            .iter()
            .rev()
            .take(64)
            .find(|m| m.label == Label::Org)?
            .span
            .slice(text)?
            .trim_start_matches("the ");
        (last == one || org_names.get(last) == Some(one)).then(|| one.clone())
    }
}

/// The full name of the organisation whose short name is the mention at `source`
/// ("Meridale said" after "Meridale Life Sciences").
fn full_name_of_short(
    org_names: &KeyedMap<String, String>,
    mentions: &[Mention],
    text: &str,
    source: Span,
) -> Option<String> {
    let at = mentions.partition_point(|m| m.span.start() < source.start());
    mentions
        .get(at)
        .filter(|m| m.span == source && m.label == Label::Org)?
        .span
        .slice(text)
        .and_then(|name| org_names.get(name))
        .cloned()
}
