//! Names in a list take the kind of the list: "New South Wales, Victoria and Tasmania" names
//! three places when the rules or the model know two of them.

use super::*;

/// How a list joins its members: a comma, "and", "or".
fn joins(text: &str, a: usize, b: usize) -> Option<bool> {
    match text.get(a..b)? {
        ", " => Some(false),
        " and " | ", and " | " or " | ", or " => Some(true),
        _ => None,
    }
}

/// The words no rule nor the model named (`unnamed`, single capitalised words in text
/// order) that stand in a list ("A, B and C", "A and B") with at least two names of one
/// kind, place or organisation, and none of another, take that kind. A run of commas with
/// no "and" or "or" is no list ("In Paris, Macron met …"), and people are never inferred:
/// a list of surnames has no kind a name's neighbours could tell.
pub(super) fn listed(text: &str, unnamed: &[Span], mentions: Vec<Mention>) -> Vec<Mention> {
    if unnamed.is_empty() || mentions.len() < 2 {
        return mentions;
    }
    // the mentions and the unnamed words no mention covers, in text order
    let mut items: Vec<(Span, Option<Label>)> = Vec::with_capacity(mentions.len());
    let mut u = unnamed.iter().peekable();
    for m in &mentions {
        while let Some(s) = u.next_if(|s| s.start() < m.span.start()) {
            if s.end() <= m.span.start() {
                items.push((*s, None));
            }
        }
        while u.next_if(|s| s.start() < m.span.end()).is_some() {}
        items.push((m.span, Some(m.label)));
    }
    items.extend(u.map(|s| (*s, None)));
    let mut added: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        // the list that opens at item i
        let mut j = i + 1;
        let mut conjunction = false;
        while let Some(c) = items
            .get(j)
            .and_then(|next| joins(text, items[j - 1].0.end(), next.0.start()))
        {
            conjunction |= c;
            j += 1;
        }
        let list = &items[i..j];
        let mut kind: Option<Label> = None;
        let mut known = 0;
        let mut agree = true;
        for (_, label) in list {
            let Some(l) = *label else { continue };
            let place = matches!(l, Label::Gpe | Label::Loc);
            let same = match kind {
                None => true,
                Some(k) => k == l || place && matches!(k, Label::Gpe | Label::Loc),
            };
            agree &= same && matches!(l, Label::Gpe | Label::Loc | Label::Org);
            if kind.is_none() || l == Label::Gpe {
                kind = Some(l);
            }
            known += 1;
        }
        if let (true, true, true, Some(kind)) = (conjunction, agree, known >= 2, kind) {
            for (span, _) in list.iter().filter(|(_, l)| l.is_none()) {
                added.push(Mention {
                    span: *span,
                    label: kind,
                    role: None,
                    entity: 0,
                });
            }
        }
        i = j;
    }
    if added.is_empty() {
        return mentions;
    }
    let mut out = mentions;
    out.extend(added);
    crate::core::sort::sort_by_key(&mut out, |m| (m.span.start(), m.span.end()));
    out
}
