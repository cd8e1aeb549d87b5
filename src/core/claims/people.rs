//! Who "he", "she" and "the Secretary" stand for. Before the scan, `People` learns from the
//! whole text each person's gender (an honorific before the name, a noun for people in
//! apposition to it, the text's own he or she in a sentence about that one person, and the
//! general given-name list, in that order of weight) and who holds each title ("Secretary of State Ann Lee": the Secretary of State,
//! and the Secretary when no one else is). During the scan, `Recent` keeps the people
//! named lately, so a pronoun goes to the latest one it can stand for.

use crate::core::hash::KeyedMap as HashMap;

use crate::core::document::Document;
use crate::core::extract::{given_name_gender, is_title, Gender, Label, Mention};
use crate::core::offsets::Span;

/// The gender a personal pronoun refers with.
pub(super) fn pronoun_gender(w: &str) -> Option<Gender> {
    match w {
        "he" | "He" | "him" | "his" | "His" | "himself" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Honorifics that say a person's gender: "Mrs. Lee", "Sir Paul".
fn honorific_gender(w: &str) -> Option<Gender> {
    match w.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Brother" | "Monsieur" | "Herr"
        | "Señor" | "Senor" | "Sheikh" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Madam" | "Madame" | "Mme" | "Dame" | "Lady" | "Queen"
        | "Princess" | "Sister" | "Frau" | "Señora" | "Senora" => Some(Gender::Female),
        _ => None,
    }
}

/// Evidence for one person's gender: weights for female and male.
#[derive(Clone, Copy, Default)]
struct Votes {
    female: u32,
    male: u32,
}

impl Votes {
    fn add(&mut self, g: Gender, weight: u32) {
        match g {
            Gender::Female => self.female += weight,
            Gender::Male => self.male += weight,
        }
    }
    fn verdict(self) -> Option<Gender> {
        match self.female.cmp(&self.male) {
            std::cmp::Ordering::Greater => Some(Gender::Female),
            std::cmp::Ordering::Less => Some(Gender::Male),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// A person the text named, and where.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Person {
    pub name: String,
    pub span: Span,
}

/// Who holds a title: one person, or several (then the title names no one).
enum Holder {
    One(Person),
    Several,
}

/// What the text says about its people, learnt once before the scan.
#[derive(Default)]
pub(super) struct People {
    genders: HashMap<String, Gender>,
    /// A title as written before a name ("Under Secretary"), and its last word
    /// ("Secretary"), to whoever holds it.
    holders: HashMap<String, Holder>,
}

/// Nouns for people that say their gender: "spokeswoman", "wife", "son".
fn noun_gender(w: &str) -> Option<Gender> {
    match w {
        "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" | "councilwoman"
        | "policewoman" | "sportswoman" | "actress" | "mother" | "wife" | "daughter" | "sister"
        | "grandmother" | "widow" | "niece" | "aunt" | "woman" | "girl" | "heiress" | "duchess"
        | "baroness" | "headmistress" | "stepmother" => Some(Gender::Female),
        // (not "spokesman", "chairman" and their like: news calls women so too, "Trump
        // spokesman Hope Hicks")
        "father" | "husband" | "son" | "brother" | "grandfather" | "widower" | "nephew"
        | "uncle" | "boy" | "duke" | "baron" | "stepfather" => Some(Gender::Male),
        _ => None,
    }
}

/// The gender a noun for people in apposition to the name at `span` says: right before it
/// ("spokeswoman Ann Lee", "his wife, Ann Lee"), or after it and a comma, in a phrase with
/// an article or a possessive ("Ann Lee, a ministry spokeswoman, said"; "Tom Lee, the
/// son of …"). Not a noun "of" someone before the name: "the wife of Tom Lee" is not his.
fn apposed_gender(text: &str, span: Span) -> Option<Gender> {
    let before = text.get(..span.start())?.trim_end();
    let before = before.strip_suffix(',').unwrap_or(before);
    let prev = before
        .rsplit(char::is_whitespace)
        .next()
        .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()));
    if let Some(g) = prev.and_then(noun_gender) {
        return Some(g);
    }
    let after = text.get(span.end()..)?.strip_prefix(", ")?;
    let mut words = after.split_whitespace().take(5);
    let first = words.next()?;
    if !matches!(first, "a" | "an" | "the" | "his" | "her" | "their" | "its")
        && !first.ends_with("'s")
        && !first.ends_with("’s")
    {
        return None;
    }
    for w in words {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        if let Some(g) = noun_gender(bare) {
            return Some(g);
        }
        if bare.len() < w.len() || matches!(bare, "of" | "for" | "at" | "who" | "with" | "in") {
            return None;
        }
    }
    None
}

/// The capitalised words (and "of") right before `at`, nearest last, at most `max`.
fn words_before(text: &str, at: usize, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let head = text.get(..at).unwrap_or("");
    for w in head.rsplit(|c: char| c.is_whitespace()).skip(1) {
        if out.len() >= max || w.is_empty() {
            break;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || w == "of") || w.ends_with([',', ';', ':', '"', '“', '”', ')']) {
            break;
        }
        out.push(w);
    }
    out.reverse();
    // skip the leading text when the run starts at "of"
    while out.first() == Some(&"of") {
        out.remove(0);
    }
    out
}

/// Learning who is who, in slices: each person mention (honorifics, given names, titles),
/// then each sentence (the text's own he and she). `ClaimScan` runs it in slices before
/// its first sentence.
#[derive(Default)]
pub(super) struct Learning {
    votes: HashMap<String, Votes>,
    holders: HashMap<String, Holder>,
    /// The next mention to learn from (first loop), then the next sentence (second).
    next_mention: usize,
    next_sentence: usize,
    /// The second loop's place in the mentions.
    cursor: usize,
}

/// The first person mention at or after `k`.
fn person_at(mentions: &[Mention], mut k: usize) -> usize {
    while mentions.get(k).is_some_and(|m| m.label != Label::Person) {
        k += 1;
    }
    k
}

impl Learning {
    /// Learns from up to `max` more mentions or sentences; true when all are done.
    /// `full_name` gives a person mention's full name ("Lee" -> "Ann Lee").
    pub fn step(
        &mut self,
        doc: &Document,
        mentions: &[Mention],
        full_name: impl Fn(&str) -> String,
        max: usize,
    ) -> bool {
        let text = doc.text();
        if self.next_mention < mentions.len() {
            let end = self.next_mention.saturating_add(max).min(mentions.len());
            for m in mentions[self.next_mention..end]
                .iter()
                .filter(|m| m.label == Label::Person)
            {
                self.mention(text, m, &full_name);
            }
            self.next_mention = end;
            return false;
        }
        // the text's own he and she: a sentence about one person, with pronouns of one
        // gender after the name
        let sentences = doc.sentences();
        let end = self.next_sentence.saturating_add(max).min(sentences.len());
        for &s in &sentences[self.next_sentence..end] {
            let mut k = person_at(mentions, self.cursor);
            while mentions.get(k).is_some_and(|m| m.span.start() < s.start()) {
                k = person_at(mentions, k + 1);
            }
            let mut named: Option<(String, usize)> = None;
            let mut alone = true;
            while let Some(m) = mentions.get(k).filter(|m| m.span.end() <= s.end()) {
                k = person_at(mentions, k + 1);
                let n = full_name(doc.slice(m.span));
                match &named {
                    Some((x, _)) if *x != n => alone = false,
                    Some(_) => {}
                    None => named = Some((n, m.span.end())),
                }
            }
            self.cursor = k;
            let Some((name, after)) = named.filter(|_| alone) else {
                continue;
            };
            let tail = text.get(after..s.end()).unwrap_or("");
            let mut seen = Votes::default();
            for w in tail.split(|c: char| !c.is_alphabetic()) {
                if let Some(g) = pronoun_gender(w) {
                    seen.add(g, 1);
                }
            }
            if let (Some(g), true) = (seen.verdict(), seen.female == 0 || seen.male == 0) {
                self.votes.entry(name).or_default().add(g, 1);
            }
        }
        self.next_sentence = end;
        end >= sentences.len()
    }

    fn mention(&mut self, text: &str, m: &Mention, full_name: &impl Fn(&str) -> String) {
        let Some(written) = m.span.slice(text) else {
            return;
        };
        let name = full_name(written);
        let v = self.votes.entry(name.clone()).or_default();
        if let Some(g) = written
            .split_whitespace()
            .next()
            .and_then(given_name_gender)
        {
            v.add(g, 2);
        }
        let before = words_before(text, m.span.start(), 5);
        if let Some(g) = before.last().and_then(|w| honorific_gender(w)) {
            v.add(g, 100);
        }
        if let Some(g) = apposed_gender(text, m.span) {
            v.add(g, 50);
        }
        // the longest title right before the name: "Deputy Secretary of State"
        let title = (0..before.len())
            .map(|i| before[i..].join(" "))
            .find(|t| is_title(t) || (!t.contains(' ') && is_title_word(t)));
        if let Some(t) = title {
            let last = head_word(&t).to_string();
            let person = Person {
                name: name.clone(),
                span: m.span,
            };
            for key in [t, last] {
                let e = self
                    .holders
                    .entry(key)
                    .or_insert_with(|| Holder::One(person.clone()));
                if matches!(e, Holder::One(p) if p.name != person.name) {
                    *e = Holder::Several;
                }
            }
        }
    }

    pub fn finish(self) -> People {
        People {
            genders: self
                .votes
                .into_iter()
                .filter_map(|(n, v)| Some((n, v.verdict()?)))
                .collect(),
            holders: self.holders,
        }
    }
}

impl People {
    pub fn gender(&self, name: &str) -> Option<Gender> {
        self.genders.get(name).copied()
    }

    /// Whether `pronoun` can stand for the person called `name`: a gendered pronoun not
    /// for someone known to be of the other.
    pub fn fits(&self, pronoun: &str, name: &str) -> bool {
        match (pronoun_gender(pronoun), self.gender(name)) {
            (Some(p), Some(g)) => p == g,
            _ => true,
        }
    }

    /// The one person who holds `title` ("Under Secretary", or "Secretary" when only one
    /// person in the text is any kind of Secretary).
    pub fn holder(&self, title: &str) -> Option<&Person> {
        [title, head_word(title)]
            .into_iter()
            .find_map(|t| self.holders.get(t))
            .and_then(|h| match h {
                Holder::One(p) => Some(p),
                Holder::Several => None,
            })
    }
}

/// The word a title is named by: "Secretary" in "Under Secretary" and "Secretary of State".
fn head_word(title: &str) -> &str {
    let before_of = title.split(" of ").next().unwrap_or(title);
    before_of.rsplit(' ').next().unwrap_or(before_of)
}

/// One-word titles that stand for their holder as a subject: "the Ambassador said".
pub(super) fn is_title_word(w: &str) -> bool {
    super::TITLE_SUBJECTS.contains(&w)
}

/// The people named lately, the latest last.
#[derive(Default)]
pub(super) struct Recent {
    people: Vec<Person>,
}

/// How many people back a pronoun may reach.
const RECENT: usize = 4;

impl Recent {
    pub fn note(&mut self, name: String, span: Span) {
        self.people.retain(|p| p.name != name);
        if self.people.len() >= RECENT {
            self.people.remove(0);
        }
        self.people.push(Person { name, span });
    }

    pub fn clear(&mut self) {
        self.people.clear();
    }

    /// The latest person `pronoun` can stand for ("she" skips a man named after her).
    pub fn for_pronoun(&self, pronoun: &str, people: &People) -> Option<&Person> {
        self.people
            .iter()
            .rev()
            .find(|p| people.fits(pronoun, &p.name))
    }
}
