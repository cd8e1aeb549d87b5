//! From tags to mentions, and the model's mentions merged with the rules'.

use super::*;
use crate::core::extract::rules::party_and_state;

/// The model's mentions of one sentence, from its tags: a name ends on no connector, and
/// one ending on an event's head word ("... Act") is none. A name ends on a possessive
/// word unless the rules read on over it ("Labour's Shadow ..." is "Labour"; "Korean
/// People's Army" stays whole where the rules found it); a sentence's first word the rules
/// left out of the name that follows it is not the name's ("Pro-Beijing DAB's ..."); a
/// compass word alone is none ("the North").
pub(super) fn spans(tokens: &[Token], tags: &[u8], out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < tokens.len() {
        let c = tags.get(i).copied().unwrap_or(0);
        if c % 2 == 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while tags.get(j).copied() == Some(c + 1) {
            j += 1;
        }
        let next = j;
        // a possessive word ends the name unless the rules' mention goes on over it
        if let Some(k) = (i..j.saturating_sub(1)).find(|&k| {
            tokens[k].possessive
                && !tokens
                    .get(k + 1)
                    .is_some_and(|t| t.rule > 0 && t.rule % 2 == 0)
        }) {
            j = k + 1;
        }
        let mut start = i;
        if j - i >= 2
            && tokens[i].first
            && tokens[i].rule == 0
            && tokens.get(i + 1).is_some_and(|t| t.rule % 2 == 1)
        {
            start = i + 1;
        }
        let mut last = j - 1;
        while last > start && tokens[last].connector {
            last -= 1;
        }
        if tokens[last].event || (last == start && tokens[start].compass) {
            i = next;
            continue;
        }
        let label = match c {
            1 => Label::Person,
            3 => Label::Org,
            _ => Label::Gpe,
        };
        out.push(Mention {
            span: Span::new(tokens[start].span.start(), tokens[last].span.end()),
            label,
            role: None,
            entity: 0,
        });
        i = next;
    }
}

/// What the rest of the document says of the merged mentions (`out`, in text order) and
/// the rules' (`rules`): a rule mention nothing stands over comes back when the same words
/// stand elsewhere with its label, or, a one-word person, as the last word of a person
/// ("Putin" after "Vladimir Putin"); a one-word person of the model's (no rule person on
/// those words) goes when its word elsewhere only begins longer names ("Ream" after "Ream
/// Naval Base"); no person stands right after "the". In text order, none overlapping.
pub(super) fn by_document(text: &str, rules: &[RuleMention], out: Vec<Mention>) -> Vec<Mention> {
    // a mention's first and last words, when it has two or more
    let ends_of = |m: &Mention| -> Option<(&str, &str)> {
        let mut words = m.span.slice(text)?.split_whitespace();
        Some((words.next()?, words.next_back()?))
    };
    let mut named: HashSet<(&str, Label)> = HashSet::default();
    let mut surnames: HashSet<&str> = HashSet::default();
    let mut ends: HashSet<&str> = HashSet::default();
    let mut begins: HashSet<&str> = HashSet::default();
    for m in &out {
        if let Some(s) = m.span.slice(text) {
            named.insert((s, m.label));
        }
    }
    for m in out.iter().chain(rules.iter().map(|r| &r.mention)) {
        if let Some((first, last)) = ends_of(m) {
            begins.insert(first);
            ends.insert(last);
            if m.label == Label::Person {
                surnames.insert(last);
            }
        }
    }
    // a person of one word counts only when the rules found it so
    for r in rules.iter().filter(|r| r.mention.label == Label::Person) {
        if let Some(s) = r.mention.span.slice(text) {
            if !s.contains(char::is_whitespace) {
                ends.insert(s);
            }
        }
    }
    let rule_people: HashSet<(usize, usize)> = rules
        .iter()
        .filter(|r| r.mention.label == Label::Person)
        .map(|r| (r.mention.span.start(), r.mention.span.end()))
        .collect();
    let rule_person = |m: &Mention| rule_people.contains(&(m.span.start(), m.span.end()));
    // a person of more than four words is a headline's run of capitals ("Bernie Sanders
    // Promises Action On Immigration"): cut to the longest name it opens that is a person
    // elsewhere, else none
    let out: Vec<Mention> = out
        .into_iter()
        .filter_map(|mut m| {
            let s = m.span.slice(text)?;
            let long = s.split_whitespace().nth(4).is_some();
            // (in a headline in title case, "Anna Berg Wins Election" too)
            if m.label != Label::Person
                || !(long || s.split_whitespace().nth(2).is_some() && in_headline(text, m.span))
            {
                return Some(m);
            }
            let Some(cut) = s
                .match_indices(' ')
                .map(|(i, _)| i)
                .take(4)
                .filter(|&e| named.contains(&(&s[..e], Label::Person)))
                .last()
            else {
                return (!long).then_some(m);
            };
            m.span = Span::new(m.span.start(), m.span.start() + cut);
            Some(m)
        })
        .collect();
    // the surnames of the people the rules named in full after a title ("Mayor Bill de
    // Blasio"; a given name first is not enough: "Virginia Democratic primary voters")
    let titled_surnames: HashSet<&str> = rules
        .iter()
        .filter(|r| r.mention.label == Label::Person && r.mention.role.is_some())
        .filter_map(|r| Some(ends_of(&r.mention)?.1))
        .collect();
    // the names of states the rules read by their form ("Ostravia" of "the Republic of
    // Ostravia"): that word alone is the state, not a person
    let states: HashSet<&str> = rules
        .iter()
        .filter(|r| r.sure && r.mention.label == Label::Gpe)
        .filter_map(|r| {
            let (form, name) = r.mention.span.slice(text)?.split_once(" of ")?;
            let name = name.strip_prefix("the ").unwrap_or(name);
            (form.split_whitespace().any(|w| STATE_FORMS.contains(w))
                && !name.contains(char::is_whitespace))
            .then_some(name)
        })
        .collect();
    // the first words of organisations named in two or more words, a company's short
    // name ("Cardell" of "Cardell Foods"): not a place's name ("Boston" of "Boston
    // Globe"), nor a person's ("Trump" of "Trump Organization" after "Donald Trump")
    let lexicon = crate::core::extract::lexicon::get();
    // (the head and whether the name ends as a company's: "Foods", "Inc")
    let org_heads: HashMap<&str, bool> = out
        .iter()
        .chain(rules.iter().map(|r| &r.mention))
        .filter(|m| m.label == Label::Org)
        .filter_map(|m| ends_of(m))
        .filter(|(w, _)| {
            w.len() > 2
                && w.starts_with(|c: char| c.is_uppercase())
                && w.chars().any(char::is_lowercase)
                && w.chars().all(char::is_alphabetic)
                && !surnames.contains(w)
                && lexicon.kinds(w) == Kinds::default()
                && !lexicon.is_norp(w)
                && !lexicon.given.contains(w)
                && !COMMON_ORG_OPENERS.contains(w)
        })
        .fold(HashMap::default(), |mut heads, (w, last)| {
            let company = COMPANY_ENDS.contains(last) || CORP_SUFFIXES.contains(last);
            *heads.entry(w).or_insert(false) |= company;
            heads
        });
    // one-word places the rules named so: the same word the model takes for a person
    // elsewhere is that place ("a man from Castlegate" after "in Castlegate"), unless
    // a person of the article bears it as a surname
    let places_kept: HashSet<(usize, usize)> = out
        .iter()
        .filter(|m| m.label == Label::Gpe)
        .map(|m| (m.span.start(), m.span.end()))
        .collect();
    let rule_places: HashSet<&str> = rules
        .iter()
        .filter(|r| r.mention.label == Label::Gpe)
        .filter(|r| places_kept.contains(&(r.mention.span.start(), r.mention.span.end())))
        .filter_map(|r| r.mention.span.slice(text))
        .filter(|s| !s.contains(char::is_whitespace) && !surnames.contains(s))
        .collect();
    let out = out.into_iter().map(|mut m| {
        if m.label == Label::Person
            && !rule_places.is_empty()
            && !rule_person(&m)
            && m.span.slice(text).is_some_and(|s| rule_places.contains(s))
        {
            m.label = Label::Gpe;
        }
        // a company's short name alone is the company, not a person or place the model
        // took it for ("Cardell said" after "Cardell Foods"; a place the rules are sure
        // of stays one)
        // (only a company's: a place's name heads many an institution's, "Harlow
        // Rovers", "Boston Globe", and a person's too, "Obama Administration")
        if matches!(m.label, Label::Person | Label::Gpe)
            && !org_heads.is_empty()
            && m.span
                .slice(text)
                .and_then(|s| org_heads.get(s))
                .is_some_and(|&company| company)
            && !rules
                .iter()
                .any(|r| r.sure && r.mention.span == m.span && r.mention.label == m.label)
        {
            m.label = Label::Org;
        }
        if m.label == Label::Person
            && !states.is_empty()
            && !rule_person(&m)
            && m.span.slice(text).is_some_and(|s| states.contains(s))
        {
            m.label = Label::Gpe;
        }
        // a one-word name the rules read as such a surname is that person, not the
        // organisation the model took it for ("De Blasio" after "Mayor Bill de Blasio")
        if m.label == Label::Org
            && rule_person(&m)
            && m.span
                .slice(text)
                .is_some_and(|s| !s.contains(char::is_whitespace) && titled_surnames.contains(s))
        {
            m.label = Label::Person;
        }
        m
    });
    let mut kept: Vec<Mention> = out
        .filter(|m| {
            if m.span
                .slice(text)
                .is_some_and(|s| CORP_SUFFIXES.contains(s) || party_and_state(s))
            {
                // a legal form alone ("Corporation, Inc.") is no name, nor a lawmaker's
                // party and state ("D-Ill.")
                return false;
            }
            if m.label != Label::Person {
                return true;
            }
            if no_person_at(text, m.span) {
                return false;
            }
            if rule_person(m) {
                return true;
            }
            match m.span.slice(text) {
                Some(s) if !s.contains(char::is_whitespace) => {
                    !begins.contains(s) || ends.contains(s)
                }
                _ => true,
            }
        })
        .collect();
    let mut back = Vec::new();
    let mut j = 0;
    for r in rules.iter().filter(|r| !r.sure) {
        while kept
            .get(j)
            .is_some_and(|m| m.span.end() <= r.mention.span.start())
        {
            j += 1;
        }
        if kept
            .get(j)
            .is_some_and(|m| m.span.start() < r.mention.span.end())
        {
            continue;
        }
        let Some(s) = r.mention.span.slice(text) else {
            continue;
        };
        if r.mention.label == Label::Person && no_person_at(text, r.mention.span) {
            continue;
        }
        let again = named.contains(&(s, r.mention.label))
            || (r.mention.label == Label::Person
                && !s.contains(char::is_whitespace)
                && surnames.contains(s));
        if again {
            back.push(r.mention.clone());
        }
    }
    kept.extend(back);
    crate::core::sort::sort_by_key(&mut kept, |m| (m.span.start(), m.span.end()));
    kept.dedup_by(|b, a| a.span.overlaps(&b.span));
    kept
}

/// Words that open organisations' names and also stand alone for other things: a
/// company's short name is none of them ("National" of "National Grid").
const COMMON_ORG_OPENERS: crate::core::WordSet = crate::core::word_set!(
    "National|International|American|British|United|General|Federal|Royal|Central|\
     Democratic|Republican|Global|New|North|South|East|West|Northern|Southern|Eastern|\
     Western|First|Union|State|City|County|Supreme|High|World|European|Asian|African|\
     Council|Department|Ministry|Office|University|College|Bank|Institute|Party|House|\
     Senate|Congress|Court|Police|Army|Navy|Air|Foreign|Home|Public|Open|Free|Young|Old|\
     Great|Red|Green|Blue|White|Black|Grand|Saint|Mount|Lake|River|Port|Fort"
);

/// Whether `span` lies in a short line whose every word of four letters or more is
/// capitalised: a headline in title case ("Anna Berg Wins Election").
fn in_headline(text: &str, span: Span) -> bool {
    // (looked for within 200 bytes each side, so a long line costs no more)
    let mut from = span.start().saturating_sub(200);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = span.end().saturating_add(200).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let Some(start) = text[from..span.start()]
        .rfind('\n')
        .map(|i| from + i + 1)
        .or((from == 0).then_some(0))
    else {
        return false;
    };
    let Some(end) = text[span.end()..to]
        .find('\n')
        .map(|i| span.end() + i)
        .or((to == text.len()).then_some(to))
    else {
        return false;
    };
    end - start <= 200
        && text[start..end]
            .split_whitespace()
            .filter(|w| w.len() >= 4 && w.starts_with(|c: char| c.is_alphabetic()))
            .all(|w| w.starts_with(char::is_uppercase))
}

/// A name right after "the", or beginning with it, is no person's ("the Stanley Cup",
/// "The Kill"; a person is
/// "the late John Smith" or "the President, John Smith", with words between).
fn after_the(text: &str, span: Span) -> bool {
    if span.slice(text).is_some_and(|s| s.starts_with("The ")) {
        return true;
    }
    let before = text.get(..span.start()).unwrap_or("");
    before
        .strip_suffix(' ')
        .and_then(|b| b.strip_suffix("the").or_else(|| b.strip_suffix("The")))
        .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
}

/// Whether what stands at `span` names no person, whoever tagged it so: a name right
/// after "the", or a plural noun of people opening its sentence.
fn no_person_at(text: &str, span: Span) -> bool {
    after_the(text, span) || plural_noun_opening(text, span)
}

/// Whether `span` is one word opening its sentence, before a word in lower case, that
/// reads as a plural noun of people by its ending: "Opponents argued", "Scientists say",
/// "Migrants crossed" (names seldom end so; "-ers" and "-ors" do: "Sanders", "Connors"),
/// or is the plural of a role: "Witnesses said", "Voters want".
fn plural_noun_opening(text: &str, span: Span) -> bool {
    let Some(word) = span.slice(text) else {
        return false;
    };
    let before = text
        .get(..span.start())
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    let after = text.get(span.end()..).unwrap_or("");
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_ascii_lowercase())
        && (word.len() >= 7 && ["ents", "ants", "ists"].iter().any(|e| word.ends_with(e))
            || super::super::rules::plural_of_role(word))
        && (before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“', '”']))
        && after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_ascii_lowercase())
}

/// The model's mentions (in text order) and the rules' merged, as `decide` says.
pub(super) fn merge(rules: &[RuleMention], model: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = rules
        .iter()
        .filter(|r| r.sure)
        .map(|r| r.mention.clone())
        .collect();
    // the rules' mentions overlapping each model mention, by a pointer over both in order
    let mut k = 0;
    for mut m in model {
        while rules
            .get(k)
            .is_some_and(|r| r.mention.span.end() <= m.span.start())
        {
            k += 1;
        }
        let over = rules[k.min(rules.len())..]
            .iter()
            .take_while(|r| r.mention.span.start() < m.span.end());
        let mut keep = true;
        let mut same_place = false;
        let mut covered = 0;
        for r in over {
            if !r.mention.span.overlaps(&m.span) {
                continue;
            }
            covered += 1;
            if r.sure {
                keep = false;
            }
            if r.mention.span == m.span && matches!(r.mention.label, Label::Gpe | Label::Loc) {
                same_place = true;
                if m.label == Label::Gpe && r.mention.label == Label::Loc {
                    m.label = Label::Loc;
                }
            }
            if m.label == Label::Person && r.mention.label == Label::Person {
                m.role = r.mention.role.filter(|role| role.end() <= m.span.start());
            }
        }
        if covered >= 2 {
            // two of the rules' names run together ("the Office ... and the Department
            // ..."): the rules' names stand
            let parts = rules[k.min(rules.len())..]
                .iter()
                .take_while(|r| r.mention.span.start() < m.span.end())
                .filter(|r| r.mention.span.overlaps(&m.span));
            for r in parts {
                out.push(r.mention.clone());
            }
            continue;
        }
        // one word inside a longer name of the rules ("Army" of "Korean People's Army"):
        // the rules' name stands
        let inside = rules[k.min(rules.len())..]
            .iter()
            .take_while(|r| r.mention.span.start() < m.span.end())
            .find(|r| {
                r.mention.span.start() <= m.span.start()
                    && m.span.end() <= r.mention.span.end()
                    && r.mention.span != m.span
            });
        if let (Some(r), 1) = (inside, covered) {
            if keep && r.mention.label != Label::Norp {
                out.push(r.mention.clone());
            }
            continue;
        }
        if keep && (m.label != Label::Gpe || same_place) {
            out.push(m);
        }
    }
    // a person the rules name in two words or more stays where nothing was found over
    // it (the model, learnt from few texts, misses names of unfamiliar shapes)
    crate::core::sort::sort_by_key(&mut out, |m| (m.span.start(), m.span.end()));
    let mut kept = Vec::new();
    let mut j = 0;
    for r in rules
        .iter()
        .filter(|r| r.mention.label == Label::Person && r.several_words)
    {
        while out
            .get(j)
            .is_some_and(|m| m.span.end() <= r.mention.span.start())
        {
            j += 1;
        }
        let over = out
            .get(j)
            .is_some_and(|m| m.span.start() < r.mention.span.end());
        if !over {
            kept.push(r.mention.clone());
        }
    }
    out.extend(kept);
    crate::core::sort::sort_by_key(&mut out, |m| (m.span.start(), m.span.end()));
    out.dedup_by(|b, a| a.span.overlaps(&b.span));
    out
}
