//! Mentions to entities: a surname or initials refer back to the name in full.

use super::*;

pub(super) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !CONNECTORS.contains(w))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Adds `name` to the names under `key`, once.
fn add_once<'t>(names: &mut HashMap<&'t str, Vec<&'t str>>, key: &'t str, name: &'t str) {
    let v = names.entry(key).or_default();
    if !v.contains(&name) {
        v.push(name);
    }
}

/// Groups mentions into entities: a person's surname or given name alone joins the full
/// name it belongs to (when only one full name fits); an acronym joins its expansion;
/// "the president" joins the one person titled President, if there is exactly one.
pub fn cluster(doc: &Document, mut mentions: Vec<Mention>) -> Extraction {
    let text = doc.text();
    let slice = |m: &Mention| &text[m.span.start()..m.span.end()];
    // "the president" where exactly one person was titled President (a vice president is
    // not "the president")
    let presidents: HashSet<&str> = mentions
        .iter()
        .filter(|m| {
            m.label == Label::Person
                && m.role.is_some_and(|r| {
                    let role = &text[r.start()..r.end()];
                    role.contains("President") && !role.contains("Vice")
                })
        })
        .map(slice)
        .filter(|n| n.contains(' '))
        .collect();
    if presidents.len() == 1 {
        for pat in ["the president", "The president"] {
            let mut from = 0;
            while let Some(p) = text[from..].find(pat) {
                let a = from + p + 4;
                let span = Span::new(a, a + "president".len());
                let next = text[span.end()..].chars().find(|c| !c.is_whitespace());
                // (a whole word: not "the presidential campaign")
                let whole = !text[span.end()..].starts_with(char::is_alphanumeric);
                if whole
                    && !next.is_some_and(|c| c.is_uppercase())
                    && !mentions.iter().any(|m| m.span.overlaps(&span))
                {
                    mentions.push(Mention {
                        span,
                        label: Label::Person,
                        role: None,
                        entity: 0,
                    });
                }
                from = span.end();
            }
        }
        crate::core::sort::sort_by_key(&mut mentions, |m| (m.span.start(), m.span.end()));
    }
    // word of a full name -> the full names it belongs to; initials -> organisation
    let mut people_by_word: HashMap<&str, Vec<&str>> = HashMap::default();
    let mut org_by_initials: HashMap<String, &str> = HashMap::default();
    // first word of an organisation's name -> its names ("Cardell" -> "Cardell Foods")
    let mut orgs_by_head: HashMap<&str, Vec<&str>> = HashMap::default();
    for m in &mentions {
        let name = &text[m.span.start()..m.span.end()];
        if m.label == Label::Person && name.contains(' ') {
            for w in name.split_whitespace() {
                add_once(&mut people_by_word, w, name);
            }
        }
        if m.label == Label::Org && name.contains(' ') {
            let name = name.trim_start_matches("the ");
            org_by_initials.entry(initials(name)).or_insert(name);
            if let Some(head) = name.split_whitespace().next() {
                add_once(&mut orgs_by_head, head, name);
            }
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    // (the keys are the text's own words: a name is copied once, for its entity)
    let mut by_key: HashMap<(Label, &str), usize> = HashMap::default();
    for (i, m) in mentions.iter_mut().enumerate() {
        let raw = &text[m.span.start()..m.span.end()];
        let key: &str = match m.label {
            Label::Person if raw.eq_ignore_ascii_case("president") => {
                presidents.iter().next().copied().unwrap_or_default()
            }
            Label::Person if !raw.contains(' ') => match people_by_word.get(raw).map(Vec::as_slice)
            {
                Some([one]) => one,
                _ => raw,
            },
            Label::Org
                if !raw.contains(' ')
                    && raw
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(|c| c.is_uppercase()) =>
            {
                org_by_initials
                    .get(&raw.replace('.', ""))
                    .copied()
                    .unwrap_or(raw)
            }
            // a company's short name joins its full name when only one begins so
            Label::Org if !raw.contains(' ') => match orgs_by_head.get(raw).map(Vec::as_slice) {
                Some([one]) => one,
                _ => raw,
            },
            _ => raw,
        };
        let id = *by_key.entry((m.label, key)).or_insert_with(|| {
            entities.push(Entity {
                label: m.label,
                name: key.to_string(),
                role: None,
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        m.entity = id;
        let e = &mut entities[id];
        e.mentions.push(i);
        if e.role.is_none() {
            e.role = m.role.map(|r| text[r.start()..r.end()].to_string());
        }
    }
    Extraction { mentions, entities }
}
