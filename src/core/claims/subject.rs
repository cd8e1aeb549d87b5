//! Any noun phrase as the subject of a verb of saying or thinking whose statement follows
//! as a clause: "Other refugee advocates said that …", "About one in five say the economy
//! is …", "People briefed on the talks said …". The verb and its clause are the evidence,
//! so the subject needs no name, pronoun or speaker noun; it must read as one noun phrase
//! opening its clause.

use super::*;

/// The most words a subject noun phrase holds here.
const MAX_WORDS: usize = 7;

/// Verbs that say or think only with a clause after them, and read otherwise as seeing,
/// finding or meaning ("the sign reads", "the data show"): their subjects are left to the
/// rules that want a speaker.
pub(super) const AMBIGUOUS: crate::core::WordSet = crate::core::word_set!(
    "show|shows|showed|shown|find|finds|found|suggest|suggests|suggested|indicate|indicates|\
     indicated|see|sees|saw|seen|read|reads|mean|means|meant|reveal|reveals|revealed|point|\
     points|pointed|report|reports|reported|state|states|stated|note|notes|noted"
);

/// Words no subject noun phrase holds: verbs that would make it a clause of its own,
/// words that open clauses, and personal pronouns (their own rule reads them).
const NOT_IN_SUBJECT: crate::core::WordSet = crate::core::word_set!(
    "is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|can|could|should|\
     shall|may|might|must|that|which|who|whom|whose|what|when|where|while|why|how|if|because|\
     although|though|unless|whether|as|than|so|not|never|it|he|she|they|we|you|I|me|him|us|\
     them|there|here|then|also|only|just|even|still|yet|now|to|however|meanwhile|too|no"
);

/// Prepositions: none opens or ends a subject ("of the voters said", "erred in saying").
pub(super) const PREPOSITIONS: crate::core::WordSet = crate::core::word_set!(
    "of|in|on|at|for|by|with|from|after|before|upon|into|than|to|without|during|under|\
     over|through|against|between|among|like|please"
);

/// Words that open the subject of a clause after a verb of saying.
const CLAUSE_OPENERS: crate::core::WordSet = crate::core::word_set!(
    "the|a|an|this|these|those|his|her|its|their|our|my|your|some|many|most|no|all|every|\
     each|he|she|they|we|it|I|you|there|one|two|three|more|few|several|such|any|both|\
     neither|none|much|another|other|others|if|whether|what|how|why|when"
);

/// Whether a statement follows the cue at word `i` as a clause: "that", a colon or a
/// quotation mark, or a subject and a finite verb within six words ("say the economy is").
pub(super) fn clause_follows(text: &str, ws: &[Word], i: usize) -> bool {
    let Some(cue) = ws.get(i) else { return false };
    if statement_follows(text, cue.span) {
        return true;
    }
    let Some(first) = ws.get(i + 1) else {
        return false;
    };
    // (nothing but a space between the cue and the clause)
    if text.get(cue.span.end()..first.span.start()) != Some(" ") {
        return false;
    }
    let opens = CLAUSE_OPENERS.contains(first.text)
        || first
            .text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // ("say she stands": a singular pronoun and a verb in -s)
    let pronoun_verb = matches!(first.text, "he" | "she" | "it")
        && ws.get(i + 2).is_some_and(|w| {
            w.text.len() > 2
                && w.text.ends_with('s')
                && !w.text.ends_with("ss")
                && w.text.chars().all(|c| c.is_ascii_lowercase())
        });
    // ("said it’s", "say they’re", "said he’d": a pronoun's contraction holds the verb; the
    // word is cut before "’s", so the mark is read after it)
    let contracted = {
        let after = text.get(first.span.end()..).unwrap_or("");
        (CLITIC_HOSTS.contains(first.text) && (after.starts_with("’s") || after.starts_with("'s")))
            || CLITICS.iter().any(|c| first.text.ends_with(c))
    };
    pronoun_verb
        || contracted
        || opens
            && ws.iter().skip(i + 2).take(6).any(|w| {
                is_finite(w.text)
                    || (w.text.len() >= 4 && w.text.ends_with("ed") && !w.text.ends_with("eed"))
            })
}

/// Pronouns whose "’s" after a verb of saying is "is" or "has" ("said it’s", "say
/// there's"), never a possessive.
const CLITIC_HOSTS: crate::core::WordSet =
    crate::core::word_set!("it|he|she|that|there|what|who|here|everyone|nobody|somebody");

/// Contractions of a verb ("they’re", "we've", "she’d", "I’m", "they’ll").
const CLITICS: [&str; 10] = [
    "’re", "'re", "’ve", "'ve", "’d", "'d", "’m", "'m", "’ll", "'ll",
];

/// The noun phrase that opens its clause and ends with word `k - 1`, right before a verb
/// of saying or thinking: from the sentence's start (past a dateline) or the last comma,
/// colon, dash, bracket or quotation mark before it; `None` when those words do not read
/// as one noun phrase (a verb, a clause word or a pronoun among them, a preposition first,
/// no noun last, a word inside a quotation, more than `MAX_WORDS` words).
pub(super) fn noun_phrase_before(
    text: &str,
    ws: &[Word],
    quoted: &[bool],
    k: usize,
    opens_at: usize,
) -> Option<Span> {
    let last = k.checked_sub(1)?;
    let mut a = clause_start(text, ws, last, opens_at, MAX_WORDS)?;
    // (a conjunction opening the clause is not the subject's: "but most voters say"; nor
    // is "even": "Even the organiser of the rally said")
    while a < last
        && matches!(
            ws[a].text,
            "and" | "but" | "or" | "yet" | "even" | "And" | "But" | "Or" | "Yet" | "Even"
        )
    {
        a += 1;
    }
    let words = ws.get(a..k)?;
    // a measure opening a share or a number: "More than six in 10", "At least half of
    // voters", "Fewer than one in five" (its words are the subject's, read as no verb or
    // preposition)
    let skip = if words.len() > 2 && measure_at(words, 0) {
        2
    } else {
        0
    };
    // "… approved the plan and critics said": a clause before "and" is not the subject
    if let Some(and) = words
        .iter()
        .rposition(|w| matches!(w.text, "and" | "but" | "or"))
    {
        let verb_before = words[..and]
            .iter()
            .any(|w| w.text.ends_with("ed") && w.text.starts_with(char::is_lowercase));
        if verb_before {
            return None;
        }
    }
    let head = words.last()?;
    let first = words.first()?;
    let lower_first = words.get(skip)?.text.to_ascii_lowercase();
    let is_noun = |w: &str| {
        w.len() >= 2 && !adverb(w) && !DETERMINERS.contains(&w) && !NOT_NOUNS.contains(&w)
    };
    // a participle after a plural noun qualifies it ("people briefed on the talks",
    // "voters polled"), and so does one followed by its agent or a time ("a report
    // published Wednesday", "a study funded by the city": a clause's own verb, "X erred
    // in", would leave the verb of saying without a subject); otherwise it is the
    // clause's own verb
    let participle_ok = |j: usize| {
        let w = words[j].text;
        w.len() <= 4
            || !w.ends_with("ed")
            || !w.starts_with(char::is_lowercase)
            || j.checked_sub(1).is_some_and(|p| {
                let b = words[p].text;
                (b.ends_with('s') && !b.ends_with("ss")) || b.eq_ignore_ascii_case("people")
            })
            || j > 0
                && ws.get(a + j + 1).is_some_and(|n| {
                    matches!(
                        n.text,
                        "by" | "last" | "this" | "earlier" | "yesterday" | "today"
                    ) || super::TIME_NAMES.contains(n.text)
                })
    };
    // (a participle's phrase: "coming after more ambiguous remarks")
    let participle_first =
        lower_first.ends_with("ing") && first.text.starts_with(char::is_lowercase);
    // "sources close to her campaign", "people close to him", "aides loyal to the
    // senator": "to" and its object qualify the noun
    let close_to = |j: usize| {
        let at = |d: usize| j.checked_sub(d).map(|x| words[x].text);
        let close = |w: Option<&str>| w.is_some_and(close_word);
        (words[j].text == "to" && close(at(1)))
            || (matches!(words[j].text, "him" | "her" | "them" | "us")
                && at(1) == Some("to")
                && close(at(2)))
    };
    // ("Most of them", "some of us": a share of a group named before)
    let share_of = |j: usize| {
        matches!(words[j].text, "them" | "us" | "those")
            && j >= 2
            && words[j - 1].text == "of"
            && SHARE_HEADS.contains(&words[j - 2].text.to_ascii_lowercase())
    };
    let reads_as_one = words.iter().enumerate().skip(skip).all(|(j, w)| {
        (!NOT_IN_SUBJECT.contains(&w.text.to_ascii_lowercase()) || close_to(j) || share_of(j))
            // (a contraction: "they've", "you're"; no word: "--")
            && !w.text.contains(['’', '\''])
            && w.text.contains(char::is_alphanumeric)
            // (an adverb: "Clinton clearly erred in"; "Nearly half" opens one)
            && (j == 0 || !w.text.ends_with("ly"))
            && participle_ok(j)
    }) && !PREPOSITIONS.contains(&lower_first)
        && !participle_first
        && !PREPOSITIONS.contains(&head.text.to_ascii_lowercase())
        && (is_noun(head.text) || close_to(words.len() - 1) || share_of(words.len() - 1))
        && quoted.get(a..k).is_some_and(|q| q.iter().all(|q| !q));
    // (a participle last, after its noun, qualifies it: "A report published Wednesday
    // said" is "A report")
    let end = match words {
        [.., noun, h]
            if words.len() >= 3
                && h.text.len() > 4
                && h.text.ends_with("ed")
                && h.text.starts_with(char::is_lowercase) =>
        {
            noun
        }
        _ => head,
    };
    reads_as_one.then(|| Span::new(first.span.start(), end.span.end()))
}

/// A finite verb or auxiliary that shows a clause after a verb of saying ("say the economy
/// is", "said the plan would", "said they don't").
pub(super) fn is_finite(w: &str) -> bool {
    AUXILIARIES.contains(&w)
        || w.ends_with("n't")
        || w.ends_with("n’t")
        || IRREGULAR_PAST.contains(w)
}

/// Common irregular verbs' past tense forms that are seldom nouns or adjectives ("the
/// deal came late", "prices rose"): a clause's verb as surely as "-ed" is.
const IRREGULAR_PAST: crate::core::WordSet = crate::core::word_set!(
    "came|went|fell|rose|grew|won|lost|took|gave|knew|thought|began|became|held|kept|met|paid|ran|sent|spent|stood|brought|bought|caught|fought|taught|built|drove|wrote|spoke|broke|chose|stole|sold|struck|fled|sought|meant|felt|heard|told|made|got|did|saw|led|left|found|said"
);

/// Where the clause holding word `last` opens: the word after the last comma, colon,
/// dash, bracket or quotation mark before it, or the first at or after `opens_at`;
/// `None` when that is more than `max_words` words back.
fn clause_start(
    text: &str,
    ws: &[Word],
    last: usize,
    opens_at: usize,
    max_words: usize,
) -> Option<usize> {
    let mut a = last;
    while a > 0 && ws[a - 1].span.start() >= opens_at {
        let gap = text.get(ws[a - 1].span.end()..ws[a].span.start())?;
        // (a comma with no space after it is inside a number: "10,000")
        if gap != "," && gap.contains([',', ';', ':', '—', '–', '"', '“', '”', '(', ')']) {
            break;
        }
        if last - a + 1 >= max_words {
            return None;
        }
        a -= 1;
    }
    Some(a)
}

/// A plural noun phrase with a relative clause opening its clause right before a verb of
/// saying or thinking (word `k`): "Supporters who have heard from the campaign say …",
/// "Residents that live near the plant said …". The phrase before "who" or "that" is at
/// most four words ending in a plural; the relative clause one to ten words; no mark of
/// punctuation or quotation among them. `None` when the words do not read so.
pub(super) fn relative_phrase_before(
    text: &str,
    ws: &[Word],
    quoted: &[bool],
    k: usize,
    opens_at: usize,
) -> Option<Span> {
    let last = k.checked_sub(1)?;
    let mut a = clause_start(text, ws, last, opens_at, 17)?;
    // (opening the sentence or a clause after a comma, a colon or a dash)
    if a > 0
        && ws[a - 1].span.start() >= opens_at
        && !text[ws[a - 1].span.end()..ws[a].span.start()].contains([',', ';', ':', '—'])
    {
        return None;
    }
    while a < last && matches!(ws[a].text, "and" | "but" | "And" | "But" | "Yet" | "yet") {
        a += 1;
    }
    // (adverbs of degree before the verb are no part of the phrase: "… almost always say")
    let mut last = last;
    while last > a
        && matches!(
            ws[last].text,
            "almost"
                | "also"
                | "still"
                | "now"
                | "often"
                | "mostly"
                | "even"
                | "all"
                | "both"
                | "always"
                | "generally"
        )
    {
        last -= 1;
    }
    let r = (a + 1..last).find(|&r| matches!(ws[r].text, "who" | "that"))?;
    let head = ws[r - 1].text;
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && head.chars().skip(1).all(|c| c.is_lowercase());
    let phrase_ok = r - a <= 4
        && ws[a..r]
            .iter()
            .all(|w| !AUXILIARIES.contains(&w.text) && !PREPOSITIONS.contains(w.text));
    // (the relative clause's own words: a verb of its own and no second relative word)
    let clause = &ws[r + 1..=last];
    let clause_ok = (1..=10).contains(&clause.len())
        && !clause
            .iter()
            .any(|w| matches!(w.text, "who" | "that" | "which"));
    let unquoted = quoted.get(a..=last).is_some_and(|q| q.iter().all(|x| !x));
    (plural && phrase_ok && clause_ok && unquoted)
        .then(|| Span::new(ws[a].span.start(), ws[last].span.end()))
}

/// An adjective whose "to" and its object qualify the noun before it: "sources close to
/// her campaign", "aides loyal to the senator".
pub(super) fn close_word(w: &str) -> bool {
    matches!(
        w,
        "close"
            | "closest"
            | "closer"
            | "loyal"
            | "allied"
            | "friendly"
            | "sympathetic"
            | "opposed"
    )
}
