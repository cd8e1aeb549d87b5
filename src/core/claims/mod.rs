//! Claim suggestions (pure core): attributed statements (speaker, cue, content) and
//! checkable factual statements with a check-worthiness score and its reasons.
//! Speakers are entities found by `extract`, common-noun subjects ("officials"), or
//! pronouns resolved to the last compatible speaker. Rule-based, linear, never panics.

use super::document::{BlockKind, Document};
use super::extract::{dateline_len, Label, Mention};
use super::hash::KeyedMap;
use super::offsets::Span;
use super::runs::{ascii_table, Class};
use super::sentences::MEDIA_NOUNS;

mod cues;
mod described;
mod people;
mod rules;
mod scan;
mod subject;
mod worth;
pub use cues::kind_for_cue;
use cues::{is_control, is_cue, is_nounish, is_saying, needs_to};
use people::{Learning, People, Recent};
pub use scan::ClaimScan;
pub use worth::{Reason, Worth};

/// Verbs that may come before their subject: "…,” said the minister.
const SAY: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "stated",
    "asked",
    "continued",
    "warned",
    "noted",
    "insisted",
    "explained",
    "argued",
    "recalled",
    "responded",
    "replied",
    "countered",
    "acknowledged",
    "admitted",
    "declared",
    "observed",
    "remarked",
    "quipped",
    "joked",
    "tweeted",
    "cautioned",
    "conceded",
    "complained",
    "claimed",
    "suggested",
    "predicted",
    "announced",
    "reported",
    "asks",
    "adds",
    "writes",
    "notes",
    "explains",
];
/// The cue words read in one sentence at most (see `ClaimScan::sentence`).
const MAX_CUES: usize = 24;

/// Whether `w` is a day of the week ("Monday").
fn weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// A word allowed between a subject and its verb: those below, an adverb in -ly, a day.
fn is_gap_word(w: &str) -> bool {
    BETWEEN.contains(&w)
        || weekday(w)
        // a modal or a negated auxiliary: "can", "should", "didn’t", "won’t"
        || matches!(w, "can" | "should" | "must" | "shall")
        || ((w.ends_with("n’t") || w.ends_with("n't"))
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '’' || c == '\''))
        || (adverb(w) && w.chars().all(|c| c.is_ascii_lowercase()))
        || matches!(
            w,
            "long"
                | "now"
                | "too"
                | "on"
                | "today"
                | "yesterday"
                | "last"
                | "this"
                | "week"
                | "month"
                | "year"
                | "weekend"
                | "afternoon"
                | "night"
                | "morning"
                | "evening"
                | "privately"
                | "often"
                | "even"
                | "just"
                | "always"
                | "first"
                | "initially"
                | "himself"
                | "herself"
                | "itself"
                | "themselves"
        )
}

/// Words allowed between a subject and its verb: "has firmly stated", "also noted".
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "firmly",
    "repeatedly",
    "again",
    "once",
    "previously",
    "publicly",
    "earlier",
    "recently",
    "already",
    "reportedly",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "further",
    "strongly",
    "separately",
    "both",
    "all",
    "not",
    "never",
    "still",
    "similarly",
    "quickly",
];
const PRONOUNS_PERSON: &[&str] = &["he", "she", "He", "She"];
const PRONOUNS_PLURAL: &[&str] = &["they", "They"];
const PRONOUNS_THING: &[&str] = &["it", "It"];

/// Personal pronouns that open a clause as its subject ("said he'd like", "said she and
/// her peers …").
const SUBJECT_PRONOUNS: crate::core::WordSet = crate::core::word_set!("he|she|they|we|I|you");

fn is_pronoun(w: &str) -> bool {
    PRONOUNS_PERSON.contains(&w) || PRONOUNS_PLURAL.contains(&w) || PRONOUNS_THING.contains(&w)
}
/// Common-noun speakers: "officials said", "critics say".
const GROUP_SPEAKERS: &[&str] = &[
    "officials",
    "official",
    "media",
    "government",
    "police",
    "experts",
    "analysts",
    "critics",
    "sources",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ministry",
    "authorities",
    "report",
    "letter",
    "statement",
    "document",
    "observers",
    "residents",
    "witnesses",
    "researchers",
    "agency",
    "Officials",
];
/// A title used as a subject refers to the last person who spoke: "The Deputy urged".
const TITLE_SUBJECTS: &[&str] = &[
    "Deputy",
    "Secretary",
    "President",
    "Minister",
    "Ambassador",
    "Chancellor",
    "Premier",
    "Governor",
    "Mayor",
    "Senator",
    "Spokesperson",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The words the suggestion is about, which decisions on it are kept by and a claim
    /// made from it holds: its sentence, or when the sentence holds several attributions,
    /// this one's source, cue and content.
    pub sentence: Span,
    /// The statement itself: what follows the cue ("that …"), or the quotation.
    pub content: Span,
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    /// The source as written in this sentence (a name, a description or a pronoun), when
    /// it is here; `speaker_span` may point at an earlier mention a pronoun resolves to.
    pub source: Option<Span>,
    pub cue: Option<Span>,
    /// Check-worthiness, 0 to 1, and its reasons.
    pub worth: Worth,
}

impl Suggestion {
    pub fn attributed(&self) -> bool {
        self.speaker.is_some()
    }

    /// Attributed statements, and factual ones at or above `FACTUAL_THRESHOLD`.
    pub fn worth_suggesting(&self) -> bool {
        self.attributed() || self.worth.score >= FACTUAL_THRESHOLD
    }
}

/// How check-worthy some words are on their own (a claim's words, outside the scan):
/// `attributed` when someone is named as saying them.
pub fn worth_of_sentence(words: &str, attributed: bool) -> Worth {
    worth::Facts::of(words, 0).worth(attributed)
}

/// Factual sentences at or above this check-worthiness are suggested as claims.
pub const FACTUAL_THRESHOLD: f32 = 0.4;

struct Word<'a> {
    span: Span,
    text: &'a str,
}

fn words(text: &str, s: Span) -> Vec<Word<'_>> {
    // about one word in six bytes of English
    let mut out = Vec::with_capacity(s.len() / 6 + 4);
    let Some(sl) = s.slice(text) else { return out };
    for (a, i) in WORD_PART.runs(sl, true) {
        let w = sl.get(a..i).unwrap_or("");
        // (most words end in a letter or digit other than "s": nothing to cut)
        let w = match w.as_bytes().last() {
            Some(&b) if b.is_ascii_alphanumeric() && b != b's' => w,
            _ => {
                let w = w.trim_end_matches(['\'', '’']);
                w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w)
            }
        };
        out.push(Word {
            span: Span::new(s.start() + a, s.start() + a + w.len()),
            text: w,
        });
    }
    out
}

/// The characters of a word (`words`): letters, digits, apostrophes and hyphens.
const WORD_PART: Class = Class::new(
    ascii_table!(b => b.is_ascii_alphanumeric() || b == b'\'' || b == b'-'),
    |c| c.is_alphanumeric() || c == '’',
);

/// `span` widened by one byte at an end that splits a `''` pair.
fn whole_pairs(text: &str, span: Span) -> Span {
    let b = text.as_bytes();
    let pair = |at: usize| at > 0 && b.get(at - 1) == Some(&b'\'') && b.get(at) == Some(&b'\'');
    let start = if pair(span.start()) {
        span.start() - 1
    } else {
        span.start()
    };
    let end = if pair(span.end()) {
        span.end() + 1
    } else {
        span.end()
    };
    Span::new(start, end)
}

/// `text` with every `''` read as a quotation mark: `" ` where it closes a quotation (after
/// a letter or punctuation), ` "` where it opens one (after a space or bracket, or at the
/// start). Same length, so offsets do not move. `None` when there is no `''`.
fn plain_quotes(text: &str) -> Option<String> {
    if !text.contains("''") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\'' && it.peek() == Some(&'\'') {
            it.next();
            let opens = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['));
            out.push_str(if opens { " \"" } else { "\" " });
            prev = Some('"');
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    Some(out)
}

/// Whether `gap` between a subject and its verb is only an aside set off by commas:
/// ", however,", ", for their part,", ", in turn,".
fn is_aside(gap: &str) -> bool {
    const ASIDES: crate::core::WordSet = crate::core::word_set!(
        "however|too|though|meanwhile|instead|nonetheless|nevertheless|moreover|therefore|\
         furthermore|likewise|also|then|in turn|of course|in fact|for example|for instance|\
         for their part|for his part|for her part|for its part|in particular|by contrast|\
         in contrast|in response|on the other hand|at least|at the time|in general"
    );
    let g = gap.trim();
    g.len() > 2
        && g.len() < 24
        && g.starts_with(',')
        && g.ends_with(',')
        && ASIDES.contains(g[1..g.len() - 1].trim())
}

/// The words between a subject and its verb without a short parenthesis right after the
/// subject ("X (D-Ohio) said"): what follows its closing bracket.
fn skip_parenthesis(gap: &str) -> &str {
    let g = gap.trim_start();
    match g.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((inside, rest)) if inside.len() <= 40 && !inside.contains(['(', '"', '“', '”']) => {
            rest
        }
        _ => g.trim_start_matches(|c: char| c == ')' || c.is_whitespace()),
    }
}

/// A description as a speaker's name, without its article: "a Russian official" is
/// "Russian official".
fn description_name(d: &str) -> String {
    ["a ", "an ", "the ", "A ", "An ", "The "]
        .iter()
        .find_map(|a| d.strip_prefix(a))
        .unwrap_or(d)
        .to_string()
}

/// Whether a quotation is open after `text[from..to]`, given whether it was open before:
/// curly marks open and close; a straight one opens after a space or a bracket and closes
/// after a word (or, in an open quotation, after a comma or a stop and a space).
fn quotes_through(text: &str, from: usize, to: usize, mut inside: bool) -> bool {
    let Some(part) = text.get(from..to) else {
        return inside;
    };
    // no quotation mark: nothing changes ('“' and '”' begin with 0xE2 in UTF-8)
    if !part.bytes().any(|b| b == b'"' || b == 0xE2) {
        return inside;
    }
    let mut prev = text[..from].chars().next_back();
    // the last character before `prev` that is not a space
    let mut before_space = text[..from].trim_end().chars().next_back();
    for c in part.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            // (an open quotation closes on a mark after its clause's comma or stop and a
            // space: "… this, " Ana said", or after a quotation inside it: "… 'Okay,' " Ana
            // said")
            '"' => {
                let spaced = prev.is_none_or(|p| p.is_whitespace() || p == '(');
                let closes_clause = inside
                    && prev.is_some_and(char::is_whitespace)
                    && before_space
                        .is_some_and(|b| matches!(b, ',' | '.' | '?' | '!' | ';' | '\'' | '’'));
                inside = spaced && !closes_clause;
            }
            _ => {}
        }
        if !c.is_whitespace() {
            before_space = Some(c);
        }
        prev = Some(c);
    }
    inside
}

/// The named subject before an appositive that ends with word `last` (followed by a comma
/// and the verb): the name right before the appositive's first comma, which opens the
/// sentence or follows a comma or a closing quotation mark. The appositive runs up to
/// fourteen words, with commas but no quotation marks, brackets, colons or semicolons.
fn appositive_subject<'m>(
    text: &str,
    ws: &[Word],
    ms: &[&'m Mention],
    quoted: &[bool],
    last: usize,
) -> Option<&'m Mention> {
    let end = ws.get(last)?.span.end();
    let first = last.saturating_sub(24);
    let lo = ws.get(first)?.span.start();
    ms.iter()
        .copied()
        .filter(|m| m.label != Label::Norp && m.span.start() >= lo && m.span.end() < end)
        .filter(|m| {
            // a party and state in brackets may come first: "X (D-Ohio), chairman of …,"
            let between = skip_parenthesis(&text[m.span.end()..end]);
            between.trim_start().starts_with(',')
                && !between.contains(['"', '“', '”', '(', ')', ':', ';'])
                && between.split_whitespace().count() >= 2
        })
        .filter(|m| {
            let Some(at) = ws.iter().position(|w| w.span.start() >= m.span.start()) else {
                return false;
            };
            // titles and a short description before the name belong to it: "Senate
            // Majority Leader X", "Conservative economist X", "North Carolina's X"
            let mut b = at;
            while b > 0
                && at - b < 4
                && {
                    let gap = &text[ws[b - 1].span.end()..ws[b].span.start()];
                    gap.chars().all(|c| c.is_whitespace() || c == '.')
                        || m.label == Label::Person && matches!(gap.trim_end(), "’s" | "'s")
                }
                && (is_title_run(ws[b - 1].text) || is_description_run(ws[b - 1].text))
                && !not_a_name(ws[b - 1].text)
                && !matches!(ws[b - 1].text, "and" | "but" | "that" | "while" | "as")
            {
                b -= 1;
            }
            // (and the article of a description: "the economist X")
            if b > 0 && b < at && matches!(ws[b - 1].text, "the" | "The" | "a" | "A" | "an" | "An")
            {
                b -= 1;
            }
            let before = text[..ws[b].span.start()].trim_end();
            // (a place after an opening phrase's place is where, no subject: "In
            // Beaumont, Texas, X was …")
            let where_at = matches!(m.label, Label::Gpe | Label::Loc)
                && ws
                    .first()
                    .is_some_and(|w| OPENING_PREPOSITIONS.contains(w.text))
                && text[ws[0].span.start()..m.span.start()]
                    .matches(',')
                    .count()
                    == 1;
            !quoted[at]
                && !where_at
                && (b == 0
                    || before.ends_with([',', '”', '"', '—', '―', '–', '-'])
                    || ws.get(b.wrapping_sub(1)).is_some_and(|w| {
                        matches!(w.text, "and" | "but" | "that" | "while" | "as")
                                // (a sentence's opening conjunction: "And X's Jo Lee, …")
                                || b == 1 && matches!(w.text, "And" | "But" | "Yet" | "So")
                    }))
        })
        .min_by_key(|m| (m.label != Label::Person, m.span.start()))
}

/// A lower-case word that may end a noun phrase (so a pronoun after it opens a relative
/// clause): not a function word, a cue, an adverb or a verb's auxiliary.
fn ends_noun_phrase(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && !NOT_NOUNS.contains(&w)
        && !PHRASE_BREAKS.contains(&w)
        && !BETWEEN.contains(&w)
        && !adverb(w)
        && (!is_cue(w) || is_nounish(w))
        && !matches!(
            w,
            "because"
                | "since"
                | "until"
                | "though"
                | "although"
                | "unless"
                | "whether"
                | "how"
                | "why"
                | "where"
                | "now"
                | "yes"
                | "say"
                | "says"
                | "said"
                | "before"
                | "after"
                | "what"
                | "whom"
                | "whose"
                | "yet"
                | "like"
                | "than"
                | "once"
        )
}

/// A person's full name for one written name: "Lee" -> "Ann Lee" when the text names her
/// in full; a name of several words stands as written.
fn person_name(full_names: &KeyedMap<String, String>, name: &str) -> String {
    if name.contains(' ') {
        return name.to_string();
    }
    full_names
        .get(name)
        .cloned()
        .unwrap_or_else(|| name.to_string())
}

/// The title ending right before word `k` ("the Under Secretary underscored" gives
/// "Under Secretary"): its capitalised words, when the last is a title used as a subject.
fn title_before(ws: &[Word], k: usize) -> Option<String> {
    let last = ws.get(k.checked_sub(1)?)?;
    if !TITLE_SUBJECTS.contains(&last.text) {
        return None;
    }
    let mut from = k - 1;
    while from > 0
        && ws[from - 1]
            .text
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && ws[from - 1].text != "The"
        && ws[from - 1].span.end() + 1 == ws[from].span.start()
    {
        from -= 1;
    }
    Some(
        ws[from..k]
            .iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Only titles and initials: "Rep.", "Mr.", "Foreign Minister" (capitalised words, dots).
fn is_title_run(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 3
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        })
}

/// A short description before a name, after an inverted cue: "said 9/11 widow", "said
/// Conservative economist" (up to four words, no punctuation but dots, hyphens and
/// slashes, no function word).
fn is_description_run(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    // (a cue's form in lower case right before a role is a noun's: "press secretary")
    let role_at = words
        .last()
        .filter(|w| ROLE_NOUNS.contains(&w.to_ascii_lowercase()))
        .map(|_| words.len().saturating_sub(2));
    !words.is_empty()
        && words.len() <= 4
        && words.iter().enumerate().all(|(k, w)| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '/' | '’' | '\''))
                && !DETERMINERS.contains(w)
                && !PHRASE_BREAKS.contains(w)
                && !NOT_NOUNS.contains(w)
                && (!is_cue(w) || (role_at == Some(k) && w.starts_with(char::is_lowercase)))
        })
}

/// Whether `run` is a short description ending in a role or a title, in any case:
/// "senator", "syndicated radio host", "party chairwoman" (not "including").
fn ends_in_role(run: &str) -> bool {
    let Some(last) = run.split_whitespace().last() else {
        return false;
    };
    let lower = last.to_ascii_lowercase();
    let title = || {
        let mut t = String::with_capacity(last.len());
        let mut cs = lower.chars();
        t.extend(cs.next().map(|c| c.to_ascii_uppercase()));
        t.extend(cs);
        crate::core::extract::is_title(&t)
    };
    is_description_run(run)
        && (ROLE_NOUNS.contains(&lower) || ROLE_HEADS.contains(&lower) || title())
}

/// Capitalised words that open sentences but name no one: "In", "After", "August",
/// "I’m".
fn not_a_name(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "In", "On", "At", "For", "With", "By", "From", "After", "Before", "During", "As", "If",
        "When", "While", "Since", "But", "And", "Or", "So", "Yet", "Still", "Also", "Then", "Now",
        "Even", "Just", "Asked", "What", "Why", "How", "Where", "Here", "Today", "Yes", "No",
        "Not", "Some", "Many", "Most", "All", "Both", "Each", "Every", "Such", "Our", "Their",
        "His", "Her", "Its", "My", "Your",
    ];
    WORDS.contains(&w) || TIME_NAMES.contains(w) || (w.contains(['’', '\'']) && !apostrophe_name(w))
}

/// A name with an apostrophe inside, a capital after it: "O'Neill", "D’Souza" (a
/// contraction has a small letter there: "It's", "Don't").
fn apostrophe_name(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.split(['’', '\''])
            .nth(1)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The phrase that names a source after its cue ("said Rep. Joe Doe", "said the ruling",
/// "according to police"): capitalised words (titles and initials too), or a determiner
/// and up to three lower-case words (six when `long`: after a quotation, "…,” said one
/// former city hall aide"), or (after "according to") up to three lower-case words; it
/// ends at punctuation. `from` is the index of its first word.
fn phrase_after(text: &str, ws: &[Word], from: usize, long: bool) -> Option<Span> {
    let first = ws.get(from)?;
    let joined = |a: usize, b: usize| {
        let gap = &text[ws[a].span.end()..ws[b].span.start()];
        // ("the New York Times/CBS News poll": two names joined by a slash)
        gap == "/" || gap.chars().all(|c| c.is_whitespace() || c == '.')
    };
    // ("the company's chief executive": a possessive's ending, which words leave out, in a
    // description; "Florida's Rick Wilson" is the person's name and no more)
    let joined_owned = |a: usize, b: usize| {
        joined(a, b) || matches!(&text[ws[a].span.end()..ws[b].span.start()], "’s " | "'s ")
    };
    let upper = |w: &Word| w.text.chars().next().is_some_and(char::is_uppercase);
    let mut end = from;
    if upper(first) {
        // "said Tuesday", "said In …": a date or a word opening the statement names no one
        if not_a_name(first.text) {
            return None;
        }
        while end + 1 < ws.len() && end - from < 5 && upper(&ws[end + 1]) && joined(end, end + 1) {
            end += 1;
        }
    } else {
        // "said of the plan", "said on Monday": a preposition opens no one's name
        if NO_NAME_OPENERS.contains(first.text) {
            return None;
        }
        let det = DETERMINERS.contains(&first.text) || QUANTIFIERS.contains(&first.text);
        // ("said one of the advisers", "said some of those present": a share of a group,
        // the group's words as many as a description's)
        let share_of = det
            && QUANTIFIERS.contains(&first.text)
            && ws.get(from + 1).is_some_and(|w| w.text == "of")
            && ws
                .get(from + 2)
                .is_some_and(|w| DETERMINERS.contains(&w.text))
            && joined(from, from + 1)
            && joined(from + 1, from + 2);
        if share_of {
            end = from + 2;
        }
        let limit = match (det, long) {
            (true, true) => 6,
            (true, false) => 3,
            _ => 2,
        } + if share_of { 2 } else { 0 };
        // a lower-case word in "-ed" after the noun, not before a preposition or a time: a
        // verb in the past ("the family deserved better"), not a participle qualifying the
        // noun ("a report released Tuesday", "an official involved in the talks")
        let past_verb = |j: usize| {
            ws.get(j).is_some_and(|v| {
                ed_form(v.text)
                    && joined(j - 1, j)
                    // ("a newly uncovered email": after an adverb, it qualifies the noun)
                    && !adverb(ws[j - 1].text)
            }) && ws.get(j + 1).is_some_and(|n| {
                joined(j, j + 1)
                    // ("the playbook's court-released Trump University": a name or an
                    // adverb after it, "documents reported previously by", is no object)
                    && n.text.starts_with(|c: char| c.is_ascii_lowercase())
                    && !adverb(n.text)
                    && !NO_NAME_OPENERS.contains(n.text)
                    && !matches!(
                        n.text,
                        "last" | "this" | "earlier" | "yesterday" | "today" | "late" | "early"
                    )
            })
        };
        while end + 1 < ws.len()
            && end - from < limit
            && !(end > from && past_verb(end + 1))
            // "one GOP source": a name may qualify the noun after a quantifier
            && (det || !upper(&ws[end + 1]))
            && !matches!(
                ws[end + 1].text,
                "that"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "of"
                    | "for"
                    | "and"
                    | "but"
                    | "as"
                    | "with"
                    | "from"
                    | "by"
                    | "who"
                    | "which"
            )
            && !AUXILIARIES.contains(&ws[end + 1].text)
            && !is_cue(ws[end + 1].text)
            && joined_owned(end, end + 1)
        {
            end += 1;
        }
        // "said the levy would hold": a subject and its verb open the statement (not a
        // verb after a comma: "Fundraising, according to the campaign, has surged")
        if ws
            .get(end + 1)
            .is_some_and(|x| AUXILIARIES.contains(&x.text) && joined(end, end + 1))
        {
            return None;
        }
        // "said the family deserved better": a verb in the past after the noun makes it the
        // statement's subject
        if end > from && past_verb(end + 1) {
            return None;
        }
        let head = ws[end].text;
        if NOT_NOUNS.contains(&head) || DETERMINERS.contains(&head) || head.len() < 3 {
            return None;
        }
        // "said nothing", "said so": what is said, not who says it
        if SAID_OBJECTS.contains(first.text) {
            return None;
        }
        if PRONOUNS_PERSON.contains(&first.text)
            || PRONOUNS_PLURAL.contains(&first.text)
            || (NOT_NOUNS.contains(&first.text) && !QUANTIFIERS.contains(&first.text))
        {
            return None;
        }
    }
    Some(Span::new(first.span.start(), ws[end].span.end()))
}

/// A word in "-ly" that is an adverb, not a noun ("family", "rally", "supply").
/// Whether `w` is a word in lower case in "-ed" of five letters or more, not in "-eed"
/// ("released", "involved"; not "need", "agreed"): a verb's past or its participle.
fn ed_form(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
}

fn adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family" | "rally" | "supply" | "assembly" | "anomaly" | "monopoly" | "reply" | "tally"
        )
}

/// Auxiliaries and modals: after a noun phrase they make it a clause's subject.
const AUXILIARIES: &[&str] = &[
    "would", "will", "could", "can", "should", "may", "might", "must", "is", "was", "were", "are",
    "has", "have", "had", "did", "does", "do",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "The",
    "A", "An", "His", "Her", "Its", "Their", "Our", "This", "That", "These", "Those",
];

/// Lower-case words that end no noun phrase a source could be.
const NOT_NOUNS: &[&str] = &[
    "who", "which", "that", "it", "he", "she", "they", "we", "i", "you", "there", "and", "or",
    "but", "not", "also", "then", "so", "as", "if", "when", "while", "what", "all", "both", "more",
    "most", "some", "many", "much", "other", "others", "one", "ones", "same", "such", "own",
    "first", "last", "next", "new", "old", "only", "just", "very", "well",
];

/// A noun phrase starting at word `start` is the object of a preposition, so no subject:
/// "in many cases reporting", "of chemicals found".
fn governed(ws: &[Word], start: usize) -> bool {
    // ("About three in 10 said": "about" before a number means roughly)
    let roughly = start > 0
        && ws[start - 1].text.eq_ignore_ascii_case("about")
        && ws.get(start).is_some_and(|w| is_cardinal(w.text));
    start > 0
        && !roughly
        && matches!(
            ws[start - 1].text,
            "in" | "on"
                | "at"
                | "for"
                | "with"
                | "from"
                | "by"
                | "of"
                | "to"
                | "about"
                | "into"
                | "over"
                | "under"
                | "after"
                | "before"
                | "during"
                | "than"
                | "among"
                | "against"
                | "In"
                | "On"
                | "At"
                | "For"
                | "With"
                | "From"
                | "By"
                | "Of"
                | "To"
                | "About"
                | "After"
                | "Before"
                | "During"
                | "Among"
        )
}

/// Words that open a noun phrase as a determiner does: "one questioner", "many voters".
const QUANTIFIERS: &[&str] = &[
    "one", "two", "three", "four", "five", "many", "some", "several", "most", "few", "all", "both",
    "each", "every", "another", "other", "One", "Two", "Three", "Four", "Five", "Many", "Some",
    "Several", "Most", "Few", "All", "Both", "Each", "Every", "Another", "Other",
];

/// Prepositions that open no one's name after an inverted cue: "said on Monday", "said over
/// the phone".
const NO_NAME_OPENERS: crate::core::WordSet = crate::core::word_set!(
    "of|on|in|at|about|to|for|from|with|after|over|via|through|during|by|into|outside|inside|\
     near|under|before|while|upon|across"
);

/// Words that end a noun phrase before its verb, not inside it.
/// (a hyphen standing alone is a dash: "ideals - critics")
const PHRASE_BREAKS: &[&str] = &[
    "-", "--", "that", "who", "which", "and", "or", "but", "to", "of", "in", "on", "for", "by",
    "with", "was", "is", "were", "are", "as", "at", "from", "if", "when", "than",
];

/// Words in -s that are no plural noun: "perhaps", "always", "its".
const NOT_PLURALS: &[&str] = &[
    "perhaps",
    "always",
    "sometimes",
    "nevertheless",
    "afterwards",
    "besides",
    "thus",
    "unless",
    "whereas",
    "regardless",
    "across",
    "towards",
    "this",
    "his",
    "its",
    "hers",
    "ours",
    "yours",
    "theirs",
    "plus",
    "was",
    "has",
    "does",
    "is",
    "less",
    "yes",
    "news",
    "whereabouts",
    "various",
    "numerous",
    "previous",
    "serious",
    "famous",
    "obvious",
];

/// A description of a source right before its verb: a determiner or a quantifier, up to
/// four words, a lower-case noun last ("the campaign", "a senior official", "many
/// lawmakers"), widened once over "of" / "for" / "at" to the noun phrase it belongs to ("a
/// spokeswoman for the campaign"); or a bare plural ("Republican lawmakers", "critics"), or
/// a share ("73 percent"). `k` is the index of the first word after the subject.
fn description_before(text: &str, ws: &[Word], k: usize) -> Option<Span> {
    let sp = description_unmeasured(text, ws, k)?;
    let start = ws.partition_point(|w| w.span.start() < sp.start());
    Some(Span::new(
        ws[measure_start(ws, start)].span.start(),
        sp.end(),
    ))
}

/// Whether words `a` and `a + 1` are a measure opening a share or a number: "more than",
/// "fewer than", "less than", "at least", "at most".
fn measure_at(ws: &[Word], a: usize) -> bool {
    ws.get(a..a + 2).is_some_and(|p| {
        let m = p[0].text;
        (["more", "fewer", "less"]
            .iter()
            .any(|x| m.eq_ignore_ascii_case(x))
            && p[1].text == "than")
            || (m.eq_ignore_ascii_case("at") && matches!(p[1].text, "least" | "most"))
    })
}

/// Where a phrase starting at word `at` starts with the measure before it: "At least half
/// of residents", "more than 200 officials" (a phrase cut inside the measure, "least half
/// of residents", too); `at` when there is none.
fn measure_start(ws: &[Word], at: usize) -> usize {
    if at >= 2 && measure_at(ws, at - 2) {
        at - 2
    } else if at >= 1 && measure_at(ws, at - 1) {
        at - 1
    } else {
        at
    }
}

/// `description_before` without a measure before it.
fn description_unmeasured(text: &str, ws: &[Word], k: usize) -> Option<Span> {
    let inner = description_core(text, ws, k)?;
    let start = ws.partition_point(|w| w.span.start() < inner.start());
    if !governed(ws, start) {
        return Some(inner);
    }
    // "officials from both parties", "others in the community": the noun phrase the
    // prepositional phrase belongs to, a description itself or a word opening the sentence
    // ("Officials", "Others")
    let prep = start - 1;
    // "With Democratic leaders worried about …, X": the phrase after an opening "With" is
    // its participle's subject
    if prep == 0 && matches!(ws[0].text, "With" | "Without") {
        return Some(inner);
    }
    if !matches!(
        ws[prep].text,
        "of" | "from" | "in" | "at" | "for" | "with" | "on"
    ) || prep == 0
        || text[ws[prep - 1].span.end()..ws[prep].span.start()].trim() != ""
    {
        return None;
    }
    let outer = description_core(text, ws, prep).filter(|o| {
        let at = ws.partition_point(|w| w.span.start() < o.start());
        !governed(ws, at)
    });
    let head = &ws[prep - 1];
    // ("Half of the voters", "Most of those polled")
    let share = SHARE_HEADS.contains(&head.text.to_ascii_lowercase());
    let opener = prep == 1
        && (share
            || head.text.len() > 3
                && head.text.ends_with('s')
                && head.text.chars().skip(1).all(char::is_lowercase)
                && !not_a_name(head.text));
    let from = outer
        .map(|o| o.start())
        .or(opener.then_some(head.span.start()))?;
    Some(Span::new(from, inner.end()))
}

/// Words after "said" that are what is said, not who says it: "said nothing", "said so".
const SAID_OBJECTS: crate::core::WordSet = crate::core::word_set!(
    "nothing|something|anything|everything|little|much|so|yes|no|otherwise|goodbye|hello|\
     thanks|sorry"
);

/// Nouns of a person's role or work, which a noun before them qualifies: "the press
/// secretary", "a campaign spokesman".
const ROLE_NOUNS: crate::core::WordSet = crate::core::word_set!(
    "secretary|aide|author|officer|official|spokesman|spokeswoman|spokesperson|adviser|head|\
     advisor|director|chief|staffer|assistant|writer|reporter|analyst|agent|manager|editor|\
     producer|consultant|strategist|attorney|lawyer|officials|aides|staffers|advisers"
);

/// Nouns of a person's role that may stand before a name, beside `ROLE_NOUNS` and the
/// titles: "radio host X", "party chairwoman X".
const ROLE_HEADS: crate::core::WordSet = crate::core::word_set!(
    "host|anchor|chairman|chairwoman|chair|founder|leader|commentator|columnist|economist|\
     historian|pollster|activist|correspondent|professor|researcher|scholar|candidate"
);

/// Heads of a share before "of": "Half of the voters", "Most of those polled".
const SHARE_HEADS: crate::core::WordSet =
    crate::core::word_set!("half|most|many|some|majority|third|quarter|all|none|percent|each|both");

/// Quantifiers that stand for people as the subject of a verb of saying: "Some say".
const PEOPLE_QUANTIFIERS: crate::core::WordSet =
    crate::core::word_set!("some|many|others|most|few|several|both|all");

/// Cardinal numbers in words, the parts of a hyphenated one ("twenty-four").
const CARDINALS: crate::core::WordSet = crate::core::word_set!(
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|\
     fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|\
     eighty|ninety"
);

/// Sentence adverbs and conjunctions that open a sentence: "But", "Meanwhile", "Still".
const CONNECTIVES: crate::core::WordSet = crate::core::word_set!(
    "But|And|Yet|So|Still|Also|Meanwhile|However|Moreover|Separately|Similarly|Instead|\
     Indeed|Now|Today|Then|Overall|Plus|Further|Furthermore|Additionally|Previously|Earlier|Later"
);

/// Prepositions that open a short phrase before a subject, no statement: "In the poll, …".
const OPENING_PREPOSITIONS: crate::core::WordSet = crate::core::word_set!(
    "In|On|At|During|After|Before|For|With|From|Among|Under|Since|Despite|Across|Overall"
);

/// Words that open a phrase setting the scene of a statement, not the statement:
/// "Asked about …", "Pressed on …", "Speaking to …", "As for …", "Regarding …".
const SCENE_OPENERS: crate::core::WordSet = crate::core::word_set!(
    "Asked|Pressed|Questioned|Speaking|Responding|Reacting|Referring|Addressing|Commenting|Writing|Appearing|Interviewed|Regarding|Concerning"
);

/// A cardinal number in digits ("73", "1,200", "4.5") or in words, hyphenated or not
/// ("six", "Twenty-four").
fn is_cardinal(w: &str) -> bool {
    let digits = w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    digits
        || (!w.is_empty()
            && w.split('-')
                .all(|part| part.len() <= 9 && CARDINALS.contains(&part.to_ascii_lowercase())))
}

/// Words of measure before a number: "about three in 10", "nearly 40 percent".
const ROUGHLY: &[&str] = &[
    "about", "nearly", "almost", "roughly", "around", "over", "some",
];

/// Where a share or a quantity starting at word `n` starts with a word of measure before
/// it: "About three in 10", "nearly 40 percent".
fn roughly_from(text: &str, ws: &[Word], n: usize) -> usize {
    match n.checked_sub(1).map(|j| &ws[j]) {
        Some(w)
            if ROUGHLY.contains(&w.text.to_ascii_lowercase().as_str())
                && text.get(w.span.end()..ws[n].span.start()) == Some(" ") =>
        {
            w.span.start()
        }
        _ => ws[n].span.start(),
    }
}

/// `description_before` without widening over a preposition: `None` also when the
/// phrase found is a preposition's object.
fn description_core(text: &str, ws: &[Word], k: usize) -> Option<Span> {
    let last = ws.get(k.checked_sub(1)?)?;
    // a share: "26% say", "Six in 10 say"
    if is_cardinal(last.text) {
        if k >= 3
            && ws[k - 2].text == "in"
            && is_cardinal(ws[k - 3].text)
            && text[ws[k - 3].span.end()..last.span.start()].trim() == "in"
        {
            return Some(Span::new(roughly_from(text, ws, k - 3), last.span.end()));
        }
        if text[last.span.end()..].starts_with('%') {
            return Some(Span::new(last.span.start(), last.span.end() + 1));
        }
    }
    // "Some say", "Others argued", "…, and many believe": a quantifier that stands for
    // people, opening the sentence or its clause
    if last.text.len() <= 7
        && PEOPLE_QUANTIFIERS.contains(&last.text.to_ascii_lowercase())
        && (k == 1
            || text[ws[k - 2].span.end()..last.span.start()].contains([',', ';'])
            || matches!(ws[k - 2].text, "and" | "but" | "while"))
    {
        return Some(last.span);
    }
    let head_ok = |w: &Word| {
        w.text.len() > 2
            && w.text.chars().all(|c| c.is_lowercase() || c == '-')
            && !NOT_NOUNS.contains(&w.text)
            && !is_cue(w.text)
            // (no preposition heads a phrase: "The board barred Varga from claiming")
            && !subject::PREPOSITIONS.contains(w.text)
    };
    if !head_ok(last) {
        return None;
    }
    let clean = |a: usize, b: usize| {
        !text[ws[a].span.end()..ws[b].span.start()]
            .contains([',', '"', '“', '”', '(', ')', ':', ';', '—', '―', '–'])
    };
    // a possessive opens a noun phrase as a determiner does: "Clinton’s team"
    let possessive = |w: &Word| {
        let after = &text[w.span.end()..];
        after.starts_with("’s ") || after.starts_with("'s ")
    };
    // ("noted that experts say": "that" and "this" open no plural's phrase)
    let plural_head = last.text.len() > 3
        && last.text.ends_with('s')
        && !last.text.ends_with("ss")
        && !last.text.ends_with("us");
    let opens = |w: &Word| {
        (DETERMINERS.contains(&w.text)
            && !(plural_head && matches!(w.text, "that" | "this" | "That" | "This")))
            || QUANTIFIERS.contains(&w.text)
            || possessive(w)
    };
    let det_at = |end: usize| -> Option<usize> {
        (end.saturating_sub(4)..=end).rev().find(|&j| {
            opens(&ws[j])
                && (j..end).all(|x| clean(x, x + 1))
                // (a cue's form in lower case right before a role is a noun's: "the
                // press secretary", "the White House press secretary")
                && (j + 1..end).all(|x| {
                    !PHRASE_BREAKS.contains(&ws[x].text)
                        && (!is_cue(ws[x].text)
                            || (x + 1 == end
                                && ws[x].text.starts_with(char::is_lowercase)
                                && ROLE_NOUNS.contains(&ws[end].text.to_ascii_lowercase())))
                })
        })
    };
    let Some(mut start) = det_at(k - 1).filter(|&d| d < k - 1) else {
        // "73 percent said", "Sixty-six percent said"
        if last.text == "percent" && k >= 2 && is_cardinal(ws[k - 2].text) {
            return Some(Span::new(roughly_from(text, ws, k - 2), last.span.end()));
        }
        // a bare plural, with the capitalised words before it: "Senate Democrats" is a
        // name, "Republican lawmakers say" a description
        let plural = plural_head && !NOT_PLURALS.contains(&last.text);
        if !plural {
            // "…, analyst says": a bare role set off by a comma or opening the sentence,
            // as headlines and their decks write it
            let bare_role = ROLE_NOUNS.contains(last.text)
                && (k == 1 || text[ws[k - 2].span.end()..last.span.start()].trim() == ",");
            return bare_role.then_some(last.span);
        }
        let mut a = k - 1;
        while a > 0
            && k - a < 5
            && clean(a - 1, a)
            && ws[a - 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !DETERMINERS.contains(&ws[a - 1].text)
            && !is_pronoun(ws[a - 1].text)
            && !matches!(
                ws[a - 1].text,
                "I" | "We" | "You" | "But" | "And" | "As" | "If" | "When"
            )
            // (nor a word opening the sentence before its subject: "In Ohio voters")
            && !OPENING_PREPOSITIONS.contains(ws[a - 1].text)
            && !CONNECTIVES.contains(ws[a - 1].text)
            && !SUBORDINATORS.contains(ws[a - 1].text)
        {
            a -= 1;
        }
        // "…, top local lawmakers said": small words before a plural set off by a comma
        // (or opening the sentence) describe it
        if a == k - 1 {
            let mut b = a;
            while b > 0
                && k - b < 3
                && clean(b - 1, b)
                && ws[b - 1].text.chars().all(|c| c.is_lowercase() || c == '-')
                && !NOT_NOUNS.contains(&ws[b - 1].text)
                && !PHRASE_BREAKS.contains(&ws[b - 1].text)
                && !is_cue(ws[b - 1].text)
                && !is_gap_word(ws[b - 1].text)
            {
                b -= 1;
            }
            // (or after a relative "that": "the wall that homeland security experts say")
            let set_off = b == 0 || !clean(b - 1, b) || ws[b - 1].text == "that";
            if b < a && set_off {
                a = b;
            }
        }
        return Some(Span::new(ws[a].span.start(), last.span.end()));
    };
    // a determiner before a quantifier is the phrase's: "the two companies", "its three
    // founders"
    if start > 0
        && QUANTIFIERS.contains(&ws[start].text)
        && DETERMINERS.contains(&ws[start - 1].text)
        && clean(start - 1, start)
    {
        start -= 1;
    }
    // the whole name of a possessor: "Hillary Clinton’s campaign"
    if possessive(&ws[start]) {
        let upper = |w: &Word| w.text.chars().next().is_some_and(char::is_uppercase);
        while start > 0 && upper(&ws[start]) && upper(&ws[start - 1]) && clean(start - 1, start) {
            start -= 1;
        }
        // "the valley’s water board"
        if start > 0 && DETERMINERS.contains(&ws[start - 1].text) && clean(start - 1, start) {
            start -= 1;
        }
    }
    // "a spokeswoman for the campaign": the phrase the last one belongs to
    if start >= 2
        && matches!(ws[start - 1].text, "for" | "of" | "at" | "with")
        && clean(start - 1, start)
    {
        if let Some(outer) = start
            .checked_sub(2)
            .and_then(det_at)
            .filter(|&d| d < start - 1)
        {
            if clean(start - 2, start - 1) {
                start = outer;
            }
        }
    }
    Some(Span::new(ws[start].span.start(), last.span.end()))
}

/// A sentence that ends with a closing quotation mark, a dash and a name (capitalised
/// words, initials; an entity found there is taken whole): the name, its span and the
/// dash's span.
fn signed_quotation(text: &str, sentence: Span, ms: &[&Mention]) -> Option<(String, Span, Span)> {
    let s = text.get(sentence.start()..sentence.end())?;
    let body = s.trim_end().trim_end_matches('.');
    let dash_at = body.rfind(['―', '—', '–'])?;
    let before = body[..dash_at].trim_end();
    if !before.ends_with(['”', '"']) {
        return None;
    }
    let dash_len = body[dash_at..].chars().next()?.len_utf8();
    let after = &body[dash_at + dash_len..];
    let name = after.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        });
    if !ok {
        return None;
    }
    let start = sentence.start() + dash_at + dash_len + (after.len() - after.trim_start().len());
    let sp = Span::new(start, start + name.len());
    let sp = ms
        .iter()
        .find(|m| m.span.start() >= sp.start() && m.span.end() <= sp.end())
        .filter(|m| m.label == Label::Person)
        .map_or(sp, |m| m.span);
    let dash = Span::new(
        sentence.start() + dash_at,
        sentence.start() + dash_at + dash_len,
    );
    Some((text[sp.start()..sp.end()].to_string(), sp, dash))
}

/// The statement "according to" a source reports: what precedes it ("A, according to X"),
/// or after a sentence-opening "According to X," what follows the source's comma.
fn according_content(text: &str, sentence: Span, cue: Span, source: Option<Span>) -> Option<Span> {
    let before = text[sentence.start()..cue.start()]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '-' | '('));
    // ("In addition, according to X, …": a short opening phrase says nothing)
    let opener = before.split_whitespace().count() <= 3
        && before.split_whitespace().next().is_some_and(|w| {
            OPENING_PREPOSITIONS.contains(w) || CONNECTIVES.contains(w.trim_end_matches(','))
        });
    // ("It has not gone unnoticed: according to polls, A": a colon or semicolon ends the
    // clause before; the phrase opens the next)
    let own_clause = before.ends_with([':', ';']);
    // "Fundraising, according to the campaign, has surged": the phrase set off inside
    // its clause, between the subject and its verb; the sentence is what is said (one
    // span holds it, the phrase too)
    let rest = &text[cue.end()..sentence.end()];
    if let Some(comma) = rest.find(',') {
        let verb = rest[comma + 1..].split_whitespace().next().unwrap_or("");
        let verb_next = AUXILIARIES.contains(&verb)
            || (verb.len() > 4
                && verb.ends_with("ed")
                && verb.bytes().all(|b| b.is_ascii_lowercase()));
        if verb_next
            && text[sentence.start()..cue.start()]
                .trim_end()
                .ends_with(',')
            && (1..=6).contains(&before.split_whitespace().count())
            && !opener
            && !own_clause
            && rest[..comma].split_whitespace().count() <= 12
        {
            return Some(sentence);
        }
    }
    if before.split_whitespace().count() >= 2 && !opener && !own_clause {
        let lead = before.len() - before.trim_start().len();
        return Some(Span::new(
            sentence.start() + lead,
            sentence.start() + before.len(),
        ));
    }
    // the source runs to the first comma (a short phrase, no quotation) after the source
    // found ("According to the treasurer, Jo Lee, …": a name in apposition is part of it)
    let from = source
        .filter(|s| {
            s.start() >= cue.end()
                && s.end() <= sentence.end()
                && text[s.start()..s.end()].contains(", ")
                && text[s.end()..].starts_with(',')
        })
        .map_or(0, |s| s.end() - cue.end());
    let comma = from + rest[from..].find(',')?;
    if rest[..comma].split_whitespace().count() > 16 || rest[..comma].contains(['"', '“']) {
        return None;
    }
    let after = &rest[comma + 1..];
    let t = after.trim_start();
    (t.split_whitespace().count() >= 2).then(|| Span::new(sentence.end() - t.len(), sentence.end()))
}

/// A sentence opening with up to five capitalised words and a colon, a statement after
/// it: the words' span and the colon's. Labels ("Note:", "Update:", "Related:"), words
/// that name no one and the name a salutation addresses ("Dear Ana:") are no source.
fn colon_source(text: &str, ws: &[Word], sentence: Span) -> Option<(Span, Span)> {
    // (credit lines and teasers too: "Contributing: A. Reporter", "Plus: what it means")
    const LABELS: crate::core::WordSet = crate::core::word_set!(
        "Note|Update|Updated|Related|Correction|Clarification|Editor|Photo|Photos|Video|Watch|Read|See|More|Source|Sources|Report|Reports|Credit|Caption|Tags|Topics|Share|Follow|Click|Advertisement|Subscribe|Listen|Transcript|Excerpt|Breaking|Warning|Disclosure|Contributing|Contributors|Byline|BYLINE|Email|EMAIL|Plus|PLUS|Revealed|Remember|Answer|Question|UPDATE|NOTE|RELATED|CORRECTION|WATCH|READ|VIDEO|PHOTO"
    );
    let first = ws.first()?;
    // a transcript's paragraph may open with a quotation mark: "“WALLACE: Let's start"
    if !text[sentence.start()..first.span.start()]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“'))
        .is_empty()
        || LABELS.contains(first.text)
        || not_a_name(first.text)
        // a salutation ("Dear Ana:") addresses its name; the name says nothing
        || matches!(first.text, "Dear" | "DEAR")
    {
        return None;
    }
    let upper = |w: &Word| w.text.chars().next().is_some_and(char::is_uppercase);
    let mut end = 0;
    loop {
        let after = &text[ws[end].span.end()..];
        if after.starts_with(": ") {
            break;
        }
        let next = ws.get(end + 1)?;
        if end >= 4
            || !upper(next)
            || !text[ws[end].span.end()..next.span.start()]
                .chars()
                .all(|c| c.is_whitespace() || c == '.')
        {
            return None;
        }
        end += 1;
    }
    let colon_at = ws[end].span.end();
    if ws.len() < end + 3 || !ws[..=end].iter().all(upper) {
        return None;
    }
    Some((
        Span::new(first.span.start(), colon_at),
        Span::new(colon_at, colon_at + 1),
    ))
}

/// What follows a cue to the end of the sentence, without a leading "that" ("adding that
/// …"); the sentence when nothing does.
fn content_after(text: &str, sentence: Span, cue: Span) -> Span {
    let rest = &text[cue.end().min(sentence.end())..sentence.end()];
    let t = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == ',');
    let t = &t[lead_to_that(t, is_saying(&text[cue.start()..cue.end()]))..];
    // (only the full stop after "…, a source said." is nothing said)
    if !t.chars().any(char::is_alphanumeric) {
        return sentence;
    }
    Span::new(sentence.end() - t.len(), sentence.end())
}

/// Whether a statement opens right after a cue: "that", a colon or a quotation mark.
fn statement_follows(text: &str, cue: Span) -> bool {
    let rest = text[cue.end()..].trim_start_matches([' ', ',']);
    rest.starts_with("that ") || rest.starts_with([':', '"', '“', '\''])
}

/// How far the statement after a cue starts into `after`: past "that", and past a short
/// time, place or hearer before it ("said on Monday that", "told reporters this week
/// that", "told CNN that"); 0 when no "that" follows such words.
fn lead_to_that(after: &str, saying: bool) -> usize {
    const LEAD: &[&str] = &[
        "on",
        "in",
        "at",
        "during",
        "last",
        "this",
        "next",
        "earlier",
        "later",
        "week",
        "month",
        "year",
        "night",
        "morning",
        "afternoon",
        "evening",
        "today",
        "yesterday",
        "me",
        "us",
        "him",
        "her",
        "them",
        "reporters",
        "journalists",
        // (hearers: "told analysts on a call that …", "told lawmakers that …")
        "analysts",
        "investors",
        "shareholders",
        "lawmakers",
        "legislators",
        "supporters",
        "members",
        "staff",
        "employees",
        "workers",
        "delegates",
        "students",
        "viewers",
        "listeners",
        "a",
        "an",
        "the",
        "statement",
        "interview",
        "conference",
        "press",
        "news",
        "briefing",
        "call",
        "phone",
        "email",
        "letter",
        "video",
        "speech",
        "rally",
        "also",
        "again",
        "repeatedly",
        "privately",
        "publicly",
        "with",
        "to",
        "by",
        "from",
        "after",
        "before",
        "start",
        "outset",
        "beginning",
        "since",
        "then",
    ];
    let mut at = 0;
    let mut prev = "";
    let mut in_phrase = false;
    let mut words = after.split_inclusive(' ').enumerate().peekable();
    while let Some((n, w)) = words.next() {
        let word = w.trim_end().trim_end_matches(',');
        // ("responded to that tweet", "said in that interview": after a preposition,
        // "that" points at a thing)
        if word == "that" && n > 0 && subject::PREPOSITIONS.contains(prev) {
            return 0;
        }
        if word == "that" {
            // ("think that can be reversed": "that" is the statement's subject)
            // (a singular verb or a modal after it)
            let subject = words.peek().is_some_and(|(_, next)| {
                matches!(
                    next.trim_end(),
                    "is" | "was"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                        | "has"
                        | "had"
                )
            });
            // ("said it that night": "that" before a time points at it)
            let time = words.peek().is_some_and(|(_, next)| {
                matches!(
                    next.trim_end().trim_end_matches(['.', ',']),
                    "night"
                        | "day"
                        | "week"
                        | "month"
                        | "year"
                        | "morning"
                        | "evening"
                        | "afternoon"
                        | "time"
                )
            });
            // ("said in a documentary that showed …": after a phrase, "that" before a verb
            // in the past opens a relative clause)
            let relative = at > 0
                && words.peek().is_some_and(|(_, next)| {
                    let next = next.trim_end();
                    next.len() > 3
                        && next.ends_with("ed")
                        && next.chars().all(|c| c.is_ascii_lowercase())
                });
            return if subject || time || relative {
                0
            } else {
                at + w.len()
            };
        }
        // (a name may be a show's in quotation marks, or a possessor: "told ABC’s “Good
        // Morning America” that")
        let name = word
            .trim_start_matches(['"', '“'])
            .trim_end_matches(['"', '”', ','])
            .trim_end_matches("’s")
            .trim_end_matches("'s");
        // (after a verb of saying, inside a phrase a preposition opened right after it, any
        // plain word: "said at a Post-sponsored tech conference that"; "agreed to hear
        // cases that", "believes in journalism that" open relative clauses)
        let plain = in_phrase
            && saying
            && !w.trim_end().ends_with(',')
            && word.len() > 1
            && word.chars().any(char::is_alphabetic)
            && word.chars().all(|c| c.is_lowercase() || c == '-')
            && !matches!(word, "and" | "but" | "or" | "which" | "who" | "what")
            // (inside the phrase a cue's bare form is a noun: "wrote in a note to clients
            // that", "said in its annual report that", "in a blog post on Monday that"; not
            // after "to", nor a past or a participle)
            && (!is_cue(word)
                || prev != "to" && !word.ends_with("ed") && !word.ends_with("ing"));
        let lead = LEAD.contains(&word)
            || plain
            || (name.starts_with(char::is_uppercase)
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-')));
        if n >= 10 || !lead {
            return 0;
        }
        in_phrase |= n == 0 && matches!(word, "on" | "in" | "at" | "during");
        prev = word;
        at += w.len();
    }
    0
}

/// Whether the cue at `cue` is "in" (a poll's, `Sentence::in_poll`).
fn is_in_poll(text: &str, cue: Span) -> bool {
    text.get(cue.start()..cue.end()).is_some_and(is_in_word)
}

/// Whether a word is "in", the one word besides the cues and "according" that may open
/// an attribution (a poll's: "In a CNN poll, …").
pub(super) fn is_in_word(w: &str) -> bool {
    w == "in" || w == "In"
}

/// Whether a phrase after `before` (the sentence's words before it) opens its clause: no
/// words, or one connective ("But in a new poll, …"), and quotation marks or a dash.
fn poll_opens(before: &str) -> bool {
    let mut words = before
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (None, _) => true,
        (Some(w), None) => CONNECTIVES.contains(w),
        _ => false,
    }
}

/// What a poll says (`Sentence::in_poll`): the clause after the phrase when it opens the
/// sentence ("In a CNN poll released Monday, A"), else the clause before "in", from
/// `scope`'s start ("A in the latest polls", "A in January polls, although B").
fn poll_content(text: &str, scope: Span, cue: Span, source: Option<Span>) -> Span {
    let before = &text[scope.start()..cue.start()];
    if poll_opens(before) {
        let from = source.map_or(cue.end(), |s| s.end()).min(scope.end());
        let rest = &text[from..scope.end()];
        return match rest.find(',') {
            Some(comma) => {
                let after = &rest[comma + 1..];
                let lead = after.len() - after.trim_start().len();
                Span::new(from + comma + 1 + lead, scope.end())
            }
            None => scope,
        };
    }
    let lead = before.len() - before.trim_start().len();
    let kept = before.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    Span::new(scope.start() + lead, scope.start() + kept.len().max(lead))
}

/// Whether the cue at `cue` is "according to" (the one cue of two words).
fn is_according(text: &str, cue: Span) -> bool {
    text.get(cue.start()..cue.end())
        .is_some_and(|c| c.eq_ignore_ascii_case("according to"))
}

/// What is said: the statement after the cue ("said that …", "told reporters: …"), or the
/// one before it when the cue and its source close the sentence ("…,” X said on Monday")
/// or follow a closed quotation. The whole sentence when neither side says anything.
fn content_span(text: &str, sentence: Span, cue: Span, source: Option<Span>) -> Span {
    let words = |sp: Span| text[sp.start()..sp.end()].split_whitespace().count();
    if is_according(text, cue) {
        if let Some(sp) = according_content(text, sentence, cue, source) {
            return sp;
        }
    }
    let after_start = source
        .filter(|s| s.start() >= cue.end())
        .map_or(cue.end(), |s| s.end())
        .min(sentence.end());
    let after_text = &text[after_start..sentence.end()];
    let lead = after_text.len()
        - after_text
            .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == ',')
            .len();
    let mut a = after_start + lead;
    let mut to_that = lead_to_that(
        &text[a..sentence.end()],
        is_saying(&text[cue.start()..cue.end()]),
    );
    let cue_is = |forms: &[&str]| {
        forms
            .iter()
            .any(|v| text[cue.start()..cue.end()].eq_ignore_ascii_case(v))
    };
    // "told reporters he would run", "tells CNN on Sunday she will": the hearer is no part
    // of the statement, which opens at its subject
    // (not after a quotation before the cue: "“A,” X told a crowd that …" is A)
    if to_that == 0
        && cue_is(&["told", "tells", "tell", "telling"])
        && !text
            .get(sentence.start()..cue.start())
            .is_some_and(|b| b.contains(['"', '”']) || b.contains("''"))
    {
        to_that = hearer_lead(&text[a..sentence.end()]);
    }
    a += to_that;
    let after = Span::new(a, sentence.end());
    // "X said that …": what follows is what is said, whatever precedes
    if to_that > 0 && words(after) >= 3 {
        return after;
    }
    // "A, X said Tuesday in Paris, noting …", "A, X said, adding …": after the cue only a
    // time or a place, then a participle's own statement
    let after_is_adjunct = {
        let t = &text[a..sentence.end()];
        let (clause, rest) = t.split_once(',').unwrap_or((t, ""));
        let participle = |s: &str| {
            s.split_whitespace()
                .next()
                .is_some_and(|w| is_participle(w.trim_end_matches([',', ':'])))
        };
        // (a time or a place: "Tuesday", "in Paris", "on Monday", "last week")
        let adjunct = clause.split_whitespace().count() <= 4
            && clause
                .split_whitespace()
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase) || ADJUNCT_OPENERS.contains(w));
        let comma_first = text[after_start..a].contains(',');
        is_saying(&text[cue.start()..cue.end()])
            && ((comma_first && participle(t)) || (adjunct && participle(rest)))
    };
    // "A, she said in a video message to the convention.": only an adjunct after the cue
    let adjunct_to_end = adjunct_to_end(text, sentence, cue, a, after_text);
    // "A, X told The Associated Press on Monday": after "told", a hearer (a name, or
    // "reporters") and perhaps a time or a place, then the end, is no statement
    let told_hearer =
        cue_is(&["told", "tells", "tell"]) && hearer_then_adjunct(&text[a..sentence.end()]);
    let before_end = source
        .filter(|s| s.end() <= cue.start() && s.start() >= sentence.start())
        .map_or(cue.start(), |s| s.start());
    // a statement before its source is set off from it: "…,” X said", "A, X said"; "But A
    // and B say" is one subject
    let raw_before = text[sentence.start()..before_end].trim_end();
    // (", as noted by X", ", as X said": "as" is no part of the statement)
    let as_aside = raw_before.ends_with(", as");
    let unmarked = raw_before;
    let raw_before = raw_before.strip_suffix(" as").unwrap_or(raw_before);
    // (a clause before a semicolon is one of its own: "A; most said B" is B)
    let mut set_off =
        raw_before.ends_with([',', '"', '“', '”', '’', '\'', '—', '–', '―', '-', ':', ')']);
    let mut before_text = if as_aside { raw_before } else { unmarked }
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '—' || c == '-');
    // "…, Foreign Minister X said": a title before the name belongs to the source
    // (or "“…,” Mayor X said": after a closing quotation mark, kept)
    if let Some(comma) = last_mark(before_text) {
        let mark = before_text[comma..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        let keep = if before_text[comma..].starts_with(',') {
            comma
        } else {
            comma + mark
        };
        let tail = before_text[comma + mark..]
            .split_whitespace()
            .collect::<Vec<_>>();
        // ("“…,” Daily News opinion editor X told": a description before the name, too)
        let described = source.is_some_and(|s| {
            s.start() == before_end && text[s.start()..].starts_with(char::is_uppercase)
        }) && before_text[comma + mark..].starts_with(' ')
            && before_text[dateline_len(before_text)..].starts_with(['"', '“', '‘', '\''])
            && is_description_run({
                // ("“…,” the mayor's adviser X said": with its article)
                let d = before_text[comma + mark..].trim_start();
                ["the ", "a ", "an ", "his ", "her ", "their ", "its "]
                    .iter()
                    .find_map(|a| d.strip_prefix(a))
                    .unwrap_or(d)
            });
        // (a title may hold "of": "Director of Government Affairs X")
        let titled = tail.len() <= 6
            && tail
                .first()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && tail
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "and"));
        // ("“…,” Rep. Jo Lee's chief of staff, Ana Cruz, told X": a description the source
        // stands in apposition to, set off by commas)
        // (the source set off by commas right before the cue, the phrase before it ending
        // in a comma, holding no quotation mark or clause break)
        let source_apposed = source.is_some_and(|s| {
            s.start() == before_end
                && text[s.end()..cue.start()].trim() == ","
                && text[sentence.start()..before_end].trim_end().ends_with(',')
        }) && !before_text[comma + mark..].contains(['"', '“', '”', ';', ':']);
        let apposed = source_apposed
            && before_text[..comma].trim_end().ends_with(['"', '”', ','])
            && tail.len() <= 12;
        // ("A, his top aide, Jo Lee, told X", "A, the bank's chief economist, Ann Lee,
        // said": with no quotation, a role opening with a possessive or an article, ending
        // in a role's noun)
        let apposed_role = source_apposed && tail.len() <= 6 && {
            let d = before_text[comma + mark..].trim_start();
            let (det, rest) = d.split_once(' ').unwrap_or((d, ""));
            let owner = det.ends_with("'s") || det.ends_with("’s");
            (owner || matches!(det, "his" | "her" | "their" | "its" | "the" | "a" | "an"))
                && is_description_run(rest)
                && ends_in_role(rest)
        };
        if !tail.is_empty() && (described && tail.len() <= 5 || titled || apposed || apposed_role) {
            before_text = before_text[..keep].trim_end();
            set_off = true;
        }
    }
    let lead = dateline_len(before_text);
    let before = Span::new(
        sentence.start() + lead,
        sentence.start() + before_text.len().max(lead),
    );
    let before_text = &before_text[lead..];
    let quote_closes = before_text.ends_with(['”', '"', '’', '\''])
        || before_text.ends_with(",”")
        || before_text.ends_with(",\"");
    let after_quotes = text[a..sentence.end()].starts_with(['“', '"']);
    // "A, he said, and B", "A, the researchers reported, even after B": the source and
    // cue set off by commas inside the statement, which goes on after them with a
    // conjunction, a preposition or an adverb, no subject of its own
    let aside = text[sentence.start()..before_end].trim_end().ends_with(',')
        && after_text.starts_with(',')
        && text[a..sentence.end()]
            .split_whitespace()
            .next()
            .is_some_and(|w| STATEMENT_GOES_ON.contains(w));
    // "A, X said, a policy that would …": a noun phrase in apposition to the statement
    // before, after the cue and a comma, is no statement of its own
    let apposed_after = after_text.trim_start().starts_with(',') && {
        let mut t = text[a..sentence.end()].split_whitespace();
        t.next().is_some_and(|w| matches!(w, "a" | "an"))
            && t.take(5)
                .any(|w| matches!(w, "that" | "which" | "who" | "whose"))
    };
    // "According to the Herald, X said …": the reporting phrase is no statement
    let according = before_text.starts_with("According to") && !before_text.contains(['"', '“']);
    // "In the poll, 26% say …": a short opening phrase is no statement ("At least four
    // people have died" is a clause: a number's limit, then its verb)
    let limit_then_verb = (before_text.starts_with("At least ")
        || before_text.starts_with("At most "))
        && before_text
            .split_whitespace()
            .skip(3)
            .any(|w| AUXILIARIES.contains(&w) || w.len() > 4 && w.ends_with("ed"));
    let opening = !before_text.contains(['"', '“', '”', ','])
        && words(before) <= 6
        && before_text
            .split_whitespace()
            .next()
            .is_some_and(|w| OPENING_PREPOSITIONS.contains(w))
        && !limit_then_verb;
    // "Asked about the emails, she said …", "As for Trump, he said …": a phrase that sets
    // the scene of what is said opens the sentence, however long
    let scene = !before_text.contains(['"', '“', '”'])
        && (before_text
            .split_whitespace()
            .next()
            .is_some_and(|w| SCENE_OPENERS.contains(w))
            || before_text.starts_with("As for ")
            || before_text.starts_with("As to "));
    // "The company spokesman, X, said …", "A spokeswoman for the Justice Department, X,
    // said …": a role set off before the name is the source's description, no statement
    // (each of these is read only where it can change the answer: they are pure)
    let role = || {
        if before_text.contains(['"', '“', '”', ',']) {
            return false;
        }
        let mut w: Vec<&str> = before_text.split_whitespace().collect();
        // (after a conjunction: "But a spokeswoman for …, X, said")
        if w.first()
            .is_some_and(|f| matches!(*f, "But" | "And" | "Yet" | "So"))
        {
            w.remove(0);
        }
        let is_role = |x: &&str| ROLE_NOUNS.contains(&x.to_ascii_lowercase());
        // (the role, then what it is of: capitalised words)
        let of_a_name = |r: usize| {
            w.get(r + 1)
                .is_some_and(|p| matches!(*p, "of" | "for" | "at" | "with" | "to"))
                && w.len() > r + 2
                && w[r + 2..].iter().all(|x| {
                    x.starts_with(char::is_uppercase) || matches!(*x, "the" | "of" | "and")
                })
        };
        w.len() <= 8
            && w.first().is_some_and(|f| {
                matches!(
                    f.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
                )
            })
            && (w.len() <= 6 && w.last().is_some_and(is_role)
                || (1..w.len().min(4)).any(|r| is_role(&w[r]) && of_a_name(r)))
    };
    // "Wednesday on Fox News Channel’s “Hannity,” Newt Gingrich said …": a short opening
    // phrase naming a show or a paper in quotation marks is no statement
    let reporting = || according || opening || scene || role() || show_opening(before_text);
    // "…, Clinton said, “I do take responsibility.”": a quotation opening right after the
    // cue is what is said, not the scene before the source
    let quoted_after = after_quotes && !quote_closes && words(after) >= 1;
    // "“You winning?” she said, but …": a whole quotation before its source is what is
    // said, however short
    let whole_quote = quote_closes
        // (a pair of apostrophes read as a quotation mark is a space and the mark)
        && before_text.trim_start().starts_with(['“', '"', '\''])
        && words(before) >= 1
        && !after_quotes;
    // "…, said X, an adviser to the campaign": a source after its cue follows what it said
    let inverted = source.is_some_and(|s| s.start() >= cue.end());
    // "The plan, as noted by X, is costly": the statement goes on after the aside (a time
    // or a place may end the aside: "as X said last week, is …")
    // (a conjunction or adverb alone opens no statement, "And, as X reported, A" is A; nor
    // does a preposition: "In Paris, as X said, A")
    let subject = before_text.split_whitespace().find(|w| {
        !matches!(
            w.trim_end_matches(','),
            "And" | "But" | "So" | "Yet" | "Or" | "Still" | "However" | "Now" | "Then"
        )
    });
    // (so does one set off by commas alone: "The problem, he said, is that …")
    let goes_on = (as_aside || text[sentence.start()..before_end].trim_end().ends_with(','))
        && subject.is_some_and(|w| !OPENING_PREPOSITIONS.contains(w))
        && after_text.split_once(',').is_some_and(|(aside, rest)| {
            // (the subject's verb goes on after the aside: "is costly", "will pass")
            aside.split_whitespace().count() <= 4
                && rest.split_whitespace().nth(1).is_some()
                && rest
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| AUXILIARIES.contains(&w))
        });
    if goes_on {
        Span::new(before.start(), sentence.end())
    } else if (words(before) >= 3 || whole_quote)
        && set_off
        && !quoted_after
        && (words(after) <= 4
            || after_is_adjunct
            || adjunct_to_end
            || told_hearer
            // ("A, analysts say; in 2012, B": a semicolon ends the source's clause)
            || after_text.trim_start().starts_with(';')
            || (quote_closes && !after_quotes)
            || aside
            || apposed_after
            || inverted)
        && !reporting()
    {
        before
    } else if words(after) >= 3 {
        after
    } else {
        sentence
    }
}

/// Whether only a place, a time, a means or a clause of when follows a plain verb of
/// saying (`cue`), from byte `a` to the end of `sentence`: "A, she said in a video message
/// to the convention.", "A, he said as he left.". Not when what precedes the cue opens with
/// a clause of time, condition or concession or with a preposition ("Even after A, X said
/// …" is no statement of X's), nor when the source is set off inside the statement ("A, X
/// said, by B"; `after_text` is what follows the cue and source).
fn adjunct_to_end(text: &str, sentence: Span, cue: Span, a: usize, after_text: &str) -> bool {
    // (the cheap tests first: most cues are no plain verb of saying, or are followed by
    // a comma)
    if !SAYING_PLAIN.contains(&text[cue.start()..cue.end()])
        || after_text.trim_start().starts_with(',')
    {
        return false;
    }
    let t = text[a..sentence.end()].trim_end_matches(['.', '!', '?', ' ']);
    let t = without_quoted_title(t);
    if t.contains(['"', '“', '”', ',', ';', ':', '—', '(', ')']) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let opens_statement = text[sentence.start()..cue.start()]
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .find(|w| !CONNECTIVES.contains(w))
        .is_some_and(|w| {
            !SUBORDINATORS.contains(w)
                && !OPENING_PREPOSITIONS.contains(w)
                && !ADJUNCT_CLAUSE_OPENERS.contains(w)
        });
    opens_statement
        && (2..=14).contains(&words.len())
        && ADJUNCT_CLAUSE_OPENERS.contains(words[0])
        // ("at least six planes" is a subject)
        && !matches!(words[1], "least" | "most")
        && !words.contains(&"that")
}

/// Whether nothing is said after the cue of a verb of saying: the sentence ends there, or
/// only a day, a time, a place, a means or a hearer follows ("A, he said.", "A, he said
/// Saturday.", "A, he said in an interview on Saturday.", "A, he told reporters.").
fn nothing_said_after(text: &str, sentence: Span, cue: Span) -> bool {
    let after_text = &text[cue.end().min(sentence.end())..sentence.end()];
    let a = sentence.end() - after_text.trim_start().len();
    let rest = &text[a..sentence.end()];
    let told = matches!(&text[cue.start()..cue.end()], "told" | "tells" | "tell");
    !rest.chars().any(char::is_alphanumeric)
        || TIME_NAMES.contains(rest.trim_end_matches(['.', '!', '?']))
        || adjunct_to_end(text, sentence, cue, a, after_text)
        || told && hearer_then_adjunct(rest)
}

/// `t` without a title in quotation marks closing it after a comma: "in his 2012 book,
/// “An American Son.”" is "in his 2012 book" (up to six words, each capitalised or a
/// short function word).
fn without_quoted_title(t: &str) -> &str {
    let closed = t.trim_end_matches(['.', '!', '?', ' ', '"', '”', '\'']);
    if closed.len() == t.len() {
        return t;
    }
    let Some((head, title)) = closed.rsplit_once(", ") else {
        return t;
    };
    let title = title.trim_start_matches(['"', '“', '\'', ' ']);
    let words: Vec<&str> = title.split_whitespace().collect();
    let titled = (1..=6).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    *w,
                    "a" | "an" | "the" | "of" | "and" | "in" | "on" | "for" | "to"
                )
        })
        && !title.contains(['"', '“', '”', ',']);
    if titled && title.len() < closed.len() - head.len() {
        head
    } else {
        t
    }
}

/// Whether `after` (what follows "told") is a hearer and perhaps a time or a place, then
/// nothing or a participle's own clause: "The Associated Press on Monday.", "the Valley
/// Ledger in an interview last week.", "reporters.", "“Fox and Friends,” adding that …".
/// A hearer is up to six capitalised words (perhaps after "the" or "a", perhaps quoted,
/// with "of", "&" or "and" inside), or "reporters" or "journalists".
fn hearer_then_adjunct(after: &str) -> bool {
    let ws: Vec<&str> = after
        .split_whitespace()
        .map(|w| {
            w.trim_start_matches(['"', '“'])
                .trim_end_matches(['.', ',', '!', '?', ';', '"', '”'])
        })
        .collect();
    let press = |w: &str| matches!(w, "reporters" | "journalists");
    let mut n = usize::from(
        ws.first()
            .is_some_and(|w| matches!(*w, "the" | "The" | "a")),
    );
    while n < ws.len()
        && n < 6
        && (ws[n].starts_with(char::is_uppercase)
            || n > 0
                && matches!(ws[n], "of" | "&" | "and")
                && ws
                    .get(n + 1)
                    .is_some_and(|w| w.starts_with(char::is_uppercase)))
    {
        n += 1;
    }
    if n == 0 && ws.first().is_some_and(|w| press(w)) {
        n = 1;
    }
    // ("told Britain’s ITV television station", "told the BBC’s radio programme": a
    // medium's own nouns after its name)
    if n > 0 {
        n += ws[n..]
            .iter()
            .take(3)
            .take_while(|w| MEDIA_NOUNS.contains(w))
            .count();
    }
    let hearer = ws[..n]
        .iter()
        .any(|w| w.starts_with(char::is_uppercase) || press(w));
    hearer
        && (n == ws.len()
            || ws.len() - n <= 6 && ADJUNCT_OPENERS.contains(ws[n])
            || is_participle(ws[n]))
}

/// A short opening phrase whose one quotation is a name, not a statement: at most ten
/// words, the quotation of at most four words after a possessive or a preposition ("on
/// Fox News Channel’s “Hannity,”", "in an interview with “Meet the Press,”"), and nothing
/// after it but a comma.
fn show_opening(before: &str) -> bool {
    let Some(open) = before.find(['“', '"']) else {
        return false;
    };
    let (head, quoted) = before.split_at(open);
    let mark = quoted.chars().next().map_or(1, char::len_utf8);
    let inner = &quoted[mark..];
    let Some(close) = inner.find(['”', '"']) else {
        return false;
    };
    let (name, rest) = inner.split_at(close);
    // (the closing mark, then nothing but a comma)
    let rest = rest
        .get(rest.chars().next().map_or(1, char::len_utf8)..)
        .unwrap_or("");
    let last = head.split_whitespace().next_back().unwrap_or("");
    let named_after = last.ends_with("’s")
        || last.ends_with("'s")
        || matches!(last, "on" | "in" | "to" | "at" | "with" | "of" | "told");
    !head.trim().is_empty()
        && named_after
        && before.split_whitespace().count() <= 10
        && (1..=4).contains(&name.split_whitespace().count())
        && name.trim_start().starts_with(char::is_uppercase)
        && rest.trim_matches([',', ' ']).is_empty()
}

/// How far a statement after "told" starts into `after` when a hearer comes first: a
/// hearer (a name of up to six capitalised words, perhaps followed by a plural, "Ohio
/// voters"; up to three words after "the" or "a", "a crowd"; or "reporters", "him"),
/// perhaps a short time or place ("on Sunday", "in Miami Tuesday", "yesterday"), then a
/// subject pronoun or "that" opening the statement ("reporters he would run", "CNN on
/// Sunday she will", "a crowd in Ohio that …"); 0 otherwise.
fn hearer_lead(after: &str) -> usize {
    const SUBJECTS: &[&str] = &["he", "she", "they", "we", "I", "it", "there", "you"];
    // words that end a hearer of ordinary words: "the story of how he …" is no hearer
    const NOT_HEARER: &[&str] = &[
        "of", "how", "what", "why", "when", "where", "who", "which", "whom", "whether", "if",
        "about", "to", "for", "with", "and", "or", "but", "as", "than",
    ];
    // each word with its start in `after`
    let mut ws: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for part in after.split_inclusive(' ').take(14) {
        let w = part.trim_end();
        if !w.is_empty() {
            ws.push((at, w));
        }
        at += part.len();
    }
    let word = |k: usize| ws.get(k).map_or("", |&(_, w)| w);
    let opens = |k: usize| SUBJECTS.contains(&word(k)) || word(k) == "that";
    // a word of the hearer or of a time or place: none of the statement's openings, no
    // function word, no sign ("2012," "“is"), no participle ("after hinting that")
    let plain = |k: usize| {
        let w = word(k);
        !w.is_empty()
            && !opens(k)
            && !NOT_HEARER.contains(&w)
            && !ADJUNCT_OPENERS.contains(w)
            && !is_participle(w)
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let capital = |k: usize| word(k).starts_with(char::is_uppercase);
    let determiner = matches!(word(0), "the" | "The" | "a" | "an");
    let mut n = 0;
    if determiner {
        while n < 4 && (n == 0 || plain(n)) {
            n += 1;
        }
    } else if capital(0) {
        while n < 6 && capital(n) && plain(n) {
            n += 1;
        }
        // "Ohio voters", "Fox News viewers": a plural after the name
        let w = word(n);
        if plain(n)
            && w.len() >= 5
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.chars().all(|c| c.is_ascii_lowercase())
        {
            n += 1;
        }
    } else if matches!(
        word(0),
        "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them"
    ) {
        n = 1;
    } else {
        // "told local radio station Radio Kol that", "told state television that": a kind
        // in lower case and perhaps a name, then "that"
        let mut j = 0;
        while j < 4 && plain(j) && !capital(j) {
            j += 1;
        }
        while j < 10 && plain(j) && capital(j) {
            j += 1;
        }
        if word(j) == "that" {
            n = j;
        }
    }
    if n == 0 || (determiner && n == 1) {
        return 0;
    }
    // a short time or place: "on Sunday", "in Miami Tuesday" (a preposition and one to
    // three words), "yesterday", "last week"
    let w = word(n);
    if ADJUNCT_OPENERS.contains(w) {
        let preposition = matches!(
            w,
            "in" | "at"
                | "on"
                | "during"
                | "after"
                | "before"
                | "from"
                | "outside"
                | "inside"
                | "near"
        );
        let mut k = n + 1;
        while k < n + 4 && plain(k) {
            k += 1;
        }
        if preposition && k == n + 1 {
            return 0;
        }
        n = k;
    }
    match ws.get(n) {
        // ("that is", "that was": "that" is the statement's subject, no joint)
        Some(&(_, "that")) => match ws.get(n + 1) {
            Some(&(start, next))
                if !matches!(
                    next,
                    "is" | "was" | "are" | "were" | "will" | "would" | "has" | "had" | "have"
                ) =>
            {
                start
            }
            _ => 0,
        },
        Some(&(start, w)) if SUBJECTS.contains(&w) && ws.len() > n + 1 => start,
        _ => 0,
    }
}

/// A present participle opening a clause of its own: "adding", "noting", "reminding".
fn is_participle(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ing") && w.starts_with(char::is_lowercase)
}

/// Words that open a time or a place after a verb of saying: "said on Monday", "said in
/// Paris", "said last week".
const ADJUNCT_OPENERS: crate::core::WordSet = crate::core::word_set!(
    "in|at|on|during|after|before|from|outside|inside|near|last|this|next|earlier|later|today|yesterday|tonight|again|also|late|early"
);

/// Words that go on with a statement after its source and cue set off by commas ("A, he
/// said, and B", "A, officials said, despite B", "A, she said, even after B"): a
/// conjunction, a preposition, an adverb; never a subject.
const STATEMENT_GOES_ON: crate::core::WordSet = crate::core::word_set!(
    "and|but|so|although|though|because|even|after|before|despite|amid|while|whereas|since|\
     unless|until|with|without|following|than|due|largely|mainly|mostly|partly|especially|\
     particularly|not|rather|only|just|in|on|at|for|from|by|as|if|when|once|except|including|\
     unlike|compared"
);

/// The plain verbs of saying and writing, whose statement a place or a time may follow.
const SAYING_PLAIN: crate::core::WordSet =
    crate::core::word_set!("said|says|say|added|adds|wrote|writes|told|tells");

/// Words that open a clause of time, condition, cause or concession, or an adverbial
/// phrase, before a main clause: "Although …", "Even after …", "Almost a week after …".
const SUBORDINATORS: crate::core::WordSet = crate::core::word_set!(
    "Although|Though|If|When|Whenever|While|As|Since|Because|Until|Unless|Once|Even|Almost|Nearly|Whether|Where|Whereas|Having|Following|Amid|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Last|This|Next|Earlier|Later|Yesterday|Today|Tonight"
);

/// Words that open a place, a time, a means or a clause of when after a verb of saying,
/// to the end of the sentence: "said in a statement", "said as he left".
const ADJUNCT_CLAUSE_OPENERS: crate::core::WordSet = crate::core::word_set!(
    "in|at|on|during|after|before|from|outside|inside|near|via|through|while|when|as|upon|by|over|to"
);

/// The last comma or quotation mark of `s` (not an apostrophe inside a word: "mayor's").
fn last_mark(s: &str) -> Option<usize> {
    let mut next: Option<char> = None;
    for (i, c) in s.char_indices().rev() {
        let in_word = c == '\''
            && next.is_some_and(char::is_alphanumeric)
            && s[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if matches!(c, ',' | '”' | '"' | '\'') && !in_word {
            return Some(i);
        }
        next = Some(c);
    }
    None
}

/// The speaker to propose for a claim tagged by hand on `span`: that of the attribution
/// whose words hold the selection (the innermost content holding it, else the smallest
/// set of words a suggestion is kept by), else of the attribution whose content, then
/// words, share most with it. A sentence may hold several attributions, so the sentence alone does not
/// say who speaks.
pub fn speaker_for(suggestions: &[Suggestion], span: Span) -> Option<&str> {
    let holds = |s: Span| s.start() <= span.start() && span.end() <= s.end();
    let shared = |s: Span| {
        s.end()
            .min(span.end())
            .saturating_sub(s.start().max(span.start()))
    };
    let attributed = || suggestions.iter().filter(|s| s.speaker.is_some());
    attributed()
        .filter(|s| holds(s.content))
        .min_by_key(|s| s.content.len())
        .or_else(|| {
            attributed()
                .filter(|s| holds(s.sentence))
                .min_by_key(|s| s.sentence.len())
        })
        .or_else(|| {
            attributed()
                .filter(|s| shared(s.sentence) > 0)
                .max_by_key(|s| (shared(s.content), shared(s.sentence)))
        })
        .and_then(|s| s.speaker.as_deref())
}

/// Suggests the claims of a document, given its entity mentions (from `extract::entities`).
pub fn suggest(doc: &Document, mentions: &[Mention]) -> Vec<Suggestion> {
    let mut scan = ClaimScan::new(doc, mentions);
    while !scan.step(doc, mentions, usize::MAX) {}
    scan.finish()
}

#[cfg(test)]
mod tests;

/// The months and the days of the week: a time, never a name.
const TIME_NAMES: crate::core::WordSet = crate::core::word_set!("January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");
