//! The speaker rules: for each cue word of a sentence, who it attributes the statement to.
//! Each rule is a named function over one sentence (`Sentence`) and one cue (`Cue`) that
//! returns an attribution (`Found`), or says the word is no attribution here, or leaves it
//! to the next rule (`Verdict`). `Sentence::attribution` tries them in order.

use super::scan::{Found, LastSubject};
use super::*;
use crate::core::hash::KeyedMap as HashMap;

/// A person's name as the article gives it in full, anything else as written.
pub(super) fn full_name(full_names: &HashMap<String, String>, name: &str, label: Label) -> String {
    if label != Label::Person {
        return name.to_string();
    }
    person_name(full_names, name)
}

/// One sentence as the rules read it, with what the sentences before left.
pub(super) struct Sentence<'a> {
    pub text: &'a str,
    pub span: Span,
    pub ws: &'a [Word<'a>],
    /// Where its own words begin: past a dateline ("LAGOS (AFP) – ").
    pub opens_at: usize,
    /// Its mentions (a dateline's place left out), in text order.
    pub ms: &'a [&'a Mention],
    /// For each word, whether it is inside a quotation.
    pub quoted: &'a [bool],
    /// The sentence is a title or a heading (which capitalises its words).
    pub in_heading: bool,
    pub people: &'a People,
    pub full_names: &'a HashMap<String, String>,
    /// The people named lately, for "he" and "she".
    pub recent: &'a Recent,
    /// The last thing named as a source, for "it".
    pub last_thing: Option<&'a (String, Span)>,
    /// The last sentence's subject when it is a thing and the sentence attributed nothing
    /// ("The report also gave details."), for "It" opening this one.
    pub last_subject: Option<&'a LastSubject>,
    /// The last plural subject ("A and B"), for "they".
    pub last_plural: Option<&'a str>,
}

/// A cue word being read.
struct Cue {
    /// Its index among the sentence's words.
    i: usize,
    span: Span,
    /// Its lower-case form.
    lw: String,
    /// A noun-like form ("reports") with no object after it: it needs a named subject.
    strict: bool,
}

/// What a rule makes of a word.
pub(super) enum Verdict {
    /// An attribution.
    Is(Found),
    /// No attribution here: the next word is read.
    Not,
    /// This rule does not decide: the next rule is tried.
    Undecided,
}

use Verdict::{Is, Not, Undecided};

/// Words after "spoke" that bring no statement: "spoke on the phone", "speaking to reporters".
const AFTER_SPEAKING: crate::core::WordSet = crate::core::word_set!(
    "to|with|on|at|in|for|from|during|after|before|by|out|up|briefly|again|only"
);

/// Words after "found" that make it locating, not a finding: "found in", "found dead".
const AFTER_LOCATING: crate::core::WordSet = crate::core::word_set!(
    "in|at|on|near|inside|among|across|under|guilty|dead|alive|out|himself|herself|\
     themselves|itself"
);

/// Words that may follow a subject right before its verb, besides the gap words: a place
/// adverb, a reflexive, a floating quantifier ("Officials here say", "The men themselves
/// said", "The two both said").
const AFTER_SUBJECT: crate::core::WordSet =
    crate::core::word_set!("here|there|themselves|himself|herself|itself|both");

/// An adverb between an auxiliary and its verb: "also", "widely", "first".
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also" | "later" | "first" | "previously" | "since" | "then" | "already" | "just" | "once"
    ) || (adverb(w) && w.chars().all(|c| c.is_ascii_lowercase()))
}

/// Verbs of showing, which a record does: "the survey shows", "records show".
const SHOWING: crate::core::WordSet = crate::core::word_set!(
    "show|shows|showed|showing|indicate|indicates|indicated|reveal|reveals|revealed|confirm|\
     confirms|confirmed"
);

/// Records, the subjects of verbs of showing: "polls show", "the data indicate".
const RECORDS: crate::core::WordSet = crate::core::word_set!(
    "poll|polls|polling|survey|surveys|records|record|data|report|reports|study|studies|\
     analysis|analyses|figures|numbers|documents|document|footage|video|videos|emails|email|\
     filings|filing|research|results|findings|statistics|census|tally|count|audit|review|\
     investigation|photos|photo|photographs|images|estimates|projections|forecast|forecasts|\
     models|tests|evidence|memo|memos|transcript|transcripts|logs|receipts|returns|\
     disclosures|recording|recordings|information|reporting|testing|calculations|map|maps|\
     chart|charts|graph|list|letters|files|minutes|evaluation|assessment|inquiry|probe"
);

/// Head nouns of a poll of opinion, a source of the figures it holds ("In a CNN poll, …").
const POLLS: [&str; 4] = ["poll", "polls", "survey", "surveys"];

/// Words after a poll's head that leave it the head: a time, a place, a margin, a clause
/// it qualifies ("in the polls ahead of the caucus", "in polls since May").
const AFTER_POLL: crate::core::WordSet = crate::core::word_set!(
    "ahead|last|this|earlier|since|among|over|through|during|before|after|until|across|\
     with|taken|out|so|far|respectively|alone|nationally|nationwide|statewide|overall"
);

/// Words no phrase naming a poll holds, before its head or after it: a clause's verbs,
/// pronouns and linking words ("in Iowa when polls closed", "in the survey is").
const NOT_IN_POLL: crate::core::WordSet = crate::core::word_set!(
    "is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must|do|\
     does|did|not|who|whom|which|that|when|while|where|because|if|and|or|but|to|it|he|she|\
     they|we|I|you|his|her|their|our|its|him|them|us|than|as|what|how|why"
);

/// Words no record's phrase holds: a clause's verbs, auxiliaries and pronouns ("the
/// data it has show" is a clause of its own).
const NOT_IN_RECORD: crate::core::WordSet = crate::core::word_set!(
    "is|are|was|were|has|have|had|will|would|who|which|that|it|he|she|they|we|I|do|does|did|\
     not|can|could|may|might|should|must"
);

/// Words after a record that leave it the phrase's head: a preposition or a participle
/// ("Polls in New Hampshire", "records compiled by X", "the report published Tuesday").
const RECORD_QUALIFIERS: crate::core::WordSet = crate::core::word_set!(
    "of|in|from|by|on|for|at|there|released|published|compiled|conducted|obtained|reviewed|\
     filed|issued|taken|made|posted|seen"
);

/// Means of speaking or writing after "by": "said by telephone", "wrote by email".
const MEANS: crate::core::WordSet = crate::core::word_set!(
    "phone|telephone|email|e-mail|text|video|videoconference|video-link|satellite|mail|fax|\
     radio|webcam|skype|zoom|teleconference|videolink|speakerphone|cellphone"
);

/// Nouns for a person, the subject of a participle after them: "a man saying".
const PERSON_NOUNS: crate::core::WordSet = crate::core::word_set!(
    "man|woman|person|boy|girl|child|friend|hostage|voter|resident|worker|student|mother|\
     father|wife|husband|son|daughter|doctor|patient|victim|witness|citizen|neighbor|\
     neighbour|veteran|soldier|guard|teacher|parent|caller|supporter|critic|fan|member|\
     leader|expert|candidate|senator|governor|president|mayor|host|anchor|someone|anyone|\
     everyone|nobody|one|majority|percent|minority|plurality|crowd|audience|public|\
     regulator|prosecutor|investigator|inspector|auditor|negotiator|diplomat|minister|judge|\
     scientist|researcher|economist|lawmaker|legislator"
);

/// Prepositions that put a word in a phrase of its own: "in the poll".
const PREPOSITION_WORDS: crate::core::WordSet =
    crate::core::word_set!("in|of|on|at|for|by|from|with|to|about|into|over|under|after|before");

/// Words that end a clause's subject on their left: "though a review of records shows".
const SUBJECT_BREAKS: crate::core::WordSet = crate::core::word_set!(
    "and|but|or|that|while|because|though|although|as|where|if|when|since|whether|than|so"
);

/// Whether a noun phrase's head names people: a person noun, singular or plural
/// ("voters"), a role ("aides") or a group that speaks ("officials").
fn names_people(head: &str) -> bool {
    PERSON_NOUNS.contains(head.strip_suffix('s').unwrap_or(head))
        || ROLE_NOUNS.contains(head)
        || GROUP_SPEAKERS.contains(&head)
}

/// Cue forms that are also nouns in the singular: "a conference call", "the final say".
const NOUN_CUES: crate::core::WordSet = crate::core::word_set!(
    "call|claim|comment|report|promise|view|mention|retort|signal|show|say|think|feel|\
     statement|warning|pledge|vow|boast|threat|demand|plea|denial|request|complaint|\
     admission|estimate|forecast|response|reply|answer|appeal|charge|argument|assertion|\
     accusation|criticism|praise|suggestion|proposal|recommendation|announcement"
);

/// Whether a singular noun phrase's head names a person ("the senator", "the spokesman"),
/// not a body or a thing that may be "it" ("the ministry", "the report").
pub(super) fn names_a_person(head: &str) -> bool {
    PERSON_NOUNS.contains(head)
        || ROLE_NOUNS.contains(head)
        || matches!(
            head,
            "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "official"
                | "police"
                | "magnate"
                | "mogul"
                | "tycoon"
                | "billionaire"
                | "businessman"
                | "businesswoman"
                | "executive"
                | "nominee"
                | "front-runner"
                | "frontrunner"
                | "incumbent"
                | "challenger"
        )
}

/// Things written or said that a participle describes: "issued a statement saying".
const ARTIFACTS: crate::core::WordSet = crate::core::word_set!(
    "statement|letter|release|memo|email|e-mail|message|note|video|post|tweet|ad|advertisement|\
     petition|response|op-ed|column|notice|editorial|announcement|speech|remarks|filing|brief"
);

/// Verbs of issuing something written or said: "released a letter saying".
const ISSUING: crate::core::WordSet = crate::core::word_set!(
    "issued|released|sent|posted|published|tweeted|wrote|delivered|put|gave|made|filed|signed|\
     circulated|shared|aired|ran|launched|issue|issues|release|releases|send|sends|post|posts|\
     publish|publishes|give|gives|make|makes|file|files"
);

/// Auxiliaries and common irregular past forms that end a sentence-opening description:
/// "His chief aide had …", "The party leaders met …".
const MAIN_VERBS: crate::core::WordSet = crate::core::word_set!(
    "has|had|have|is|was|are|were|did|does|will|would|could|can|should|may|might|also|made|\
     gave|took|went|came|sent|put|kept|left|held|met|spent|began"
);

impl<'a> Sentence<'a> {
    pub fn full_name(&self, name: &str, label: Label) -> String {
        full_name(self.full_names, name, label)
    }

    fn slice(&self, s: Span) -> &'a str {
        &self.text[s.start()..s.end()]
    }

    /// The sentence's mention of exactly `sp`, if there is one.
    fn mention_on(&self, sp: Span) -> Option<&'a Mention> {
        let at = self.ms.partition_point(|m| m.span.start() < sp.start());
        self.ms.get(at).copied().filter(|m| m.span == sp)
    }

    /// Whether the word at which mention `m` starts is outside a quotation (the word found
    /// by binary search, so a long sentence stays linear).
    fn unquoted(&self, m: &Mention) -> bool {
        self.unquoted_at(m.span.start())
    }

    /// Whether the word at byte `at` stands outside any quotation.
    fn unquoted_at(&self, at: usize) -> bool {
        let j = self.ws.partition_point(|w| w.span.start() < at);
        self.quoted.get(j).is_some_and(|q| !q)
    }

    /// An attribution to the source a mention names.
    fn found_at(&self, m: &Mention, cue: Span) -> Found {
        Found::new(
            self.full_name(self.slice(m.span), m.label),
            Some(m.span),
            cue,
        )
    }

    /// An attribution to the description `sp` as written, named by its words
    /// (`description_name`).
    fn found_described(&self, sp: Span, cue: Span) -> Found {
        Found::new(description_name(self.slice(sp)), Some(sp), cue)
    }

    /// The mention (not a group's) that ends with word `end_word` or holds it.
    fn mention_ending_at(&self, end_word: usize) -> Option<&'a Mention> {
        let w = self.ws.get(end_word)?;
        self.ms
            .iter()
            .copied()
            .filter(|m| m.label != Label::Norp)
            .find(|m| {
                m.span.end() == w.span.end()
                    || (m.span.start() <= w.span.start() && w.span.end() <= m.span.end())
            })
    }

    /// Who word `i` attributes a statement to, if it is a cue; `founds` are the sentence's
    /// attributions before it.
    pub fn attribution(&self, i: usize, founds: &[Found]) -> Verdict {
        let (ws, text) = (self.ws, self.text);
        let w = &ws[i];
        let first_upper = w
            .text
            .as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii_uppercase());
        if w.text.eq_ignore_ascii_case("according") {
            if let Is(f) = self.according_to(i) {
                return Is(f);
            }
        }
        if is_in_word(w.text) {
            return self.in_poll(i, founds);
        }
        // (a cue is one in any case: most words are none, and need no lower-case copy)
        if !is_cue(w.text) {
            return Not;
        }
        let lw = w.text.to_ascii_lowercase();
        if needs_to(&lw) && ws.get(i + 1).is_none_or(|x| x.text != "to") {
            return Not;
        }
        let next = ws.get(i + 1).map_or("", |x| x.text);
        let rest = &text[w.span.end()..self.span.end()];
        // a cue's form in another sense: speaking or finding with no statement, naming,
        // founding, a noun
        if self.other_sense(i, &lw, next, rest) {
            return Not;
        }
        // a capitalised cue mid-sentence is a name or a title ("Prime Minister's
        // Questions"), except in a headline, which capitalises its words
        if first_upper && i > 0 && !self.in_heading {
            return Not;
        }
        // a bare form before a role qualifies it: "White House press secretary", "the
        // report author" (a verb's object would have its article: "urge the secretary");
        // a past is no bare form ("…,” said spokesman X")
        if (!lw.ends_with('s') || lw.ends_with("ss"))
            && !lw.ends_with("ed")
            && cues::finite_form(&lw) != Some(true)
            && !lw.ends_with("ing")
            && !next.ends_with('s')
            && ROLE_NOUNS.contains(next)
            && ws
                .get(i + 1)
                .is_some_and(|x| &text[w.span.end()..x.span.start()] == " ")
        {
            return Not;
        }
        // a participle after an article or a possessive qualifies a noun: "the alleged
        // shooter", "his stated aim", "a reported deal", "Trump's continued strength",
        // "the senator's alleged affair" (words are cut before "'s": a contraction, "it's
        // reported", stays a verb)
        if lw.ends_with("ed") && i > 0 {
            let before = ws[i - 1].text.to_ascii_lowercase();
            let gap = &text[ws[i - 1].span.end()..w.span.start()];
            let article = gap == " " && ARTICLES.contains(&before);
            // (only what the possessor did not say: "Trump's proposed ban" was his word)
            let possessor = matches!(gap, "'s " | "’s " | "' " | "’ ")
                && matches!(lw.as_str(), "continued" | "alleged" | "reported")
                && !matches!(
                    before.as_str(),
                    "it" | "that"
                        | "there"
                        | "he"
                        | "she"
                        | "what"
                        | "who"
                        | "here"
                        | "where"
                        | "let"
                );
            if article || possessor {
                return Not;
            }
        }
        // a cue's form that is also a noun, after an article and a word in the singular,
        // ends a noun phrase: "a conference call", "the debunked claim", "the final say" (a
        // singular subject would take "calls"; not a share or people: "a third say", "the
        // women say")
        // (after a preposition the phrase may qualify the subject: "People across the
        // country say")
        if i >= 2
            && NOUN_CUES.contains(&lw)
            && ARTICLES.contains(&ws[i - 2].text.to_ascii_lowercase())
            && !(i >= 3 && {
                let p = ws[i - 3].text.to_ascii_lowercase();
                subject::PREPOSITIONS.contains(&p)
                    || matches!(
                        p.as_str(),
                        "around" | "across" | "throughout" | "within" | "outside" | "near"
                    )
            })
            && {
                let noun = ws[i - 1].text;
                noun.len() > 2
                    && noun.chars().all(|c| c.is_lowercase() || c == '-')
                    && (!noun.ends_with('s') || noun.ends_with("ss"))
                    && !adverb(noun)
                    && !NOT_NOUNS.contains(&noun)
                    && !SHARE_HEADS.contains(&noun)
                    && !matches!(noun, "men" | "women" | "people" | "children" | "police")
            }
            && text[ws[i - 2].span.end()..w.span.start()]
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        {
            return Not;
        }
        if matches!(lw.as_str(), "state" | "states") && self.state_is_noun(i) {
            return Not;
        }
        let span = w.span;
        // "</tweet>": a tag's name in markup left in the text
        if text[..span.start()].ends_with('<') || text[..span.start()].ends_with("</") {
            return Not;
        }
        // "media reports", "police posts": a noun more often than a cue; only a named or
        // pronoun subject right before makes it one ... unless "that" follows, as a verb's
        // clause does: "a new survey shows that" ... or an object opens after it as a
        // verb's does: "a new poll shows Clinton ahead", "the survey shows a lead", "the
        // data show how …"
        // (an object pronoun after "call": "critics call him a liar", "others call it a
        // farce"; "the call it made" has no article after "it")
        let calls = matches!(lw.as_str(), "call" | "calls");
        let object_follows = ws.get(i + 1).is_some_and(|x| {
            text[span.end()..x.span.start()] == *" "
                && (matches!(
                    x.text,
                    "that" | "how" | "what" | "why" | "whether" | "a" | "an" | "the"
                ) || (lw.ends_with('s')
                    && !lw.ends_with("ss")
                    && x.text.starts_with(char::is_uppercase)
                    && !not_a_name(x.text))
                    || (calls && matches!(x.text, "him" | "them" | "us" | "me"))
                    || (calls
                        && x.text == "it"
                        && ws.get(i + 2).is_some_and(|y| {
                            matches!(y.text, "a" | "an" | "the")
                                || text[x.span.end()..y.span.start()].contains(['"', '“'])
                        })))
        });
        let cue = Cue {
            i,
            span,
            strict: is_nounish(&lw) && !object_follows,
            lw,
        };
        if let Some(f) = self.with_subject_participle(&cue) {
            return Is(f);
        }
        let own_subject_only = match self.after_another(&cue, founds) {
            Another::None => false,
            Another::SameSubject(f) => return Is(f),
            Another::Not => return Not,
            Another::OwnSubjectOnly(only) => only,
        };
        if let Some(f) = self.passive_by(&cue) {
            return Is(f);
        }
        let k = self.subject_end(i);
        if self.is_passive(&cue, k) {
            return Not;
        }
        let gap = match k {
            0 => "",
            _ => skip_parenthesis(&text[ws[k - 1].span.end()..span.start()]),
        };
        let gap_clean = k > 0
            && (!gap.contains([',', '"', '“', '”', ':', ';', '—', '(', ')']) || is_aside(gap));
        if !gap_clean {
            if let Some(f) = self.appositive(&cue, k) {
                return Is(f);
            }
            // "The poll, released on Wednesday by X, showed …": the record before the aside
            if let Some(f) = self.evidence_before_aside(&cue, k) {
                return Is(f);
            }
            // "Many speakers — including A, B and C — said", "Economists, like their
            // rivals, say": an aside between dashes, or one of comparison or inclusion
            // between commas, after the subject; the subject ends before it
            if let Some(k2) = self.before_aside(k, &cue) {
                if let Is(f) = self.subject_before(&cue, k2, founds) {
                    return Is(f);
                }
            }
        } else {
            match self.subject_before(&cue, k, founds) {
                Undecided => {}
                v => return v,
            }
        }
        if own_subject_only {
            return Not;
        }
        let inverted = self.is_inverted(&cue);
        if inverted {
            if let Some(f) = self.inverted_source(&cue) {
                return Is(f);
            }
            if let Some(f) = self.inverted_pronoun(&cue) {
                return Is(f);
            }
        }
        // a pronoun subject with the cue later on: "She sought clarification … and observed"
        if cue.strict {
            return Not;
        }
        if let Some(f) = self.opening_pronoun(&cue, founds) {
            return Is(f);
        }
        match self.sentence_subject(&cue, founds) {
            Some(f) => Is(f),
            None => Not,
        }
    }

    /// Whether the cue form at word `i` (`lw`, lower case; `next` the word after it,
    /// `rest` the sentence after it) is used in a sense that reports nothing: speaking
    /// with no statement ("they spoke on the phone"), finding as locating ("found in the
    /// region", "was found dead"), finding or founding a thing ("found a way", "helped
    /// found Fox News"), a noun ("a strong
    /// showing", "his thinking", "a key speaking slot"), naming ("a company called Acme")
    /// or going on ("continued a contest").
    fn other_sense(&self, i: usize, lw: &str, next: &str, rest: &str) -> bool {
        let (ws, text) = (self.ws, self.text);
        let w = &ws[i];
        let speaks = matches!(lw, "speak" | "speaks" | "spoke" | "speaking" | "spoken");
        let finds = matches!(lw, "found" | "find" | "finds");
        if speaks
            && (next.is_empty() || AFTER_SPEAKING.contains(next))
            && !rest.contains(['"', '“', ':'])
        {
            return true;
        }
        if finds && AFTER_LOCATING.contains(next) {
            return true;
        }
        // "recalls 1.1 million fryers", "recalled its cars": taking back goods, no
        // statement (a number, or a determiner and no clause after it; "recalled that",
        // "recalled how", "“…,” she recalled" report)
        if matches!(lw, "recall" | "recalls" | "recalled" | "recalling")
            && (next.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    next,
                    "about"
                        | "around"
                        | "nearly"
                        | "almost"
                        | "some"
                        | "more"
                        | "all"
                        | "its"
                        | "their"
                        | "thousands"
                        | "hundreds"
                        | "millions"
                ) && !subject::clause_follows(text, ws, i))
        {
            return true;
        }
        // "as surveys continued.": going on, with no quotation before nor statement after
        // ("“…,” he continued." reports)
        if lw == "continued"
            && next.is_empty()
            && !rest.contains(['"', '“', ':'])
            && !text[self.span.start()..w.span.start()].contains(['"', '”', '“'])
        {
            return true;
        }
        // "hasn't found a way", "found a new line of attack", "helped found Fox News":
        // finding or founding a thing, no statement (a clause after it is one: "found the
        // plan would fail")
        if finds
            && i > 0
            && (matches!(ws[i - 1].text, "helped" | "help" | "helps")
                || matches!(next, "a" | "an") && !subject::clause_follows(text, ws, i))
        {
            return true;
        }
        // "a strong showing", "Clinton's showing in the state": the noun
        if lw == "showing"
            && i > 1
            && (ARTICLES.contains(&ws[i - 2].text.to_ascii_lowercase())
                || matches!(&text[ws[i - 1].span.end()..w.span.start()], "'s " | "’s "))
        {
            return true;
        }
        // "his thinking", "the saying goes", "a key speaking slot": a gerund after an
        // article or a possessive pronoun is a noun ("Clinton's supporting" may be "is")
        if lw.ends_with("ing") && i > 0 && &text[ws[i - 1].span.end()..w.span.start()] == " " {
            let article = |x: &Word| ARTICLES.contains(&x.text.to_ascii_lowercase());
            // (or after an article and an adjective, before the noun: "a key speaking slot")
            let adjective = i > 1
                && article(&ws[i - 2])
                && ws[i - 1].text.chars().all(|c| c.is_ascii_lowercase())
                && ws.get(i + 1).is_some_and(|x| {
                    &text[w.span.end()..x.span.start()] == " "
                        && x.text.chars().all(|c| c.is_ascii_lowercase())
                        && !x.text.ends_with("ly")
                        && !SAID_OBJECTS.contains(x.text)
                        && is_common_noun(x.text)
                });
            if article(&ws[i - 1]) || adjective {
                return true;
            }
        }
        // "the dispute over", "a two-year dispute": any other form right after an
        // article, or after an article and a number's modifier joined by a hyphen, is a
        // noun ("her" may be an object: "heard her say"); a noun of saying before
        // "that" may hold what is said ("made the point that …")
        if i > 0 && !lw.ends_with("ed") && !lw.ends_with("ing") {
            let spaced = |a: &Word, b: &Word| &text[a.span.end()..b.span.start()] == " ";
            let article =
                |x: &Word| x.text != "her" && ARTICLES.contains(&x.text.to_ascii_lowercase());
            // (a number first: "two-year", "600-home"; "the co-founder says" is the head)
            let hyphened = |x: &Word| {
                x.text
                    .split_once('-')
                    .is_some_and(|(n, rest)| !rest.is_empty() && is_cardinal(n))
            };
            let before = &ws[i - 1];
            if spaced(before, w)
                && (article(before) && next != "that"
                    || i > 1
                        && hyphened(before)
                        && article(&ws[i - 2])
                        && spaced(&ws[i - 2], before))
            {
                return true;
            }
        }
        // "has support from 52 percent", "with backing from the party", "has the warning
        // of": a cue's form after "has" or "with" and before "from" or "of" is a noun
        // (not a participle: "has said from the start that" is the verb)
        if i > 0
            && matches!(next, "from" | "of" | "among" | "across" | "within")
            && (lw.ends_with("ing") || is_nounish(lw))
            && ["has", "have", "had", "having", "with", "without"]
                .iter()
                .any(|h| ws[i - 1].text.eq_ignore_ascii_case(h))
        {
            return true;
        }
        // "Lerer reported from Los Angeles.": a wire story's credit line, whoever wrote
        // it, says nothing
        if matches!(lw, "reported" | "reports" | "reporting")
            && next == "from"
            && rest.split_whitespace().count() <= 5
            && !rest.contains([',', '"', '“', ':'])
        {
            return true;
        }
        // (a person right before the verb, its subject: a pronoun, or a person named)
        let person_before = || {
            i > 0
                && ({
                    let w = ws[i - 1].text;
                    PRONOUNS_PERSON.contains(&w)
                        || PRONOUNS_PLURAL.contains(&w)
                        || matches!(w, "who" | "I" | "we" | "We")
                } || self
                    .ms
                    .iter()
                    .any(|m| m.label == Label::Person && m.span.end() == ws[i - 1].span.end()))
        };
        // "She showed no emotion": a person showing a thing, no finding (a clause after
        // it is one: "he showed the claim was false")
        let shows = matches!(lw, "show" | "shows" | "showed" | "shown" | "showing");
        if shows
            && person_before()
            && matches!(
                next,
                "no" | "little" | "any" | "some" | "a" | "an" | "his" | "her" | "their" | "great"
            )
            // ("showed no sign that …": a finding after all)
            && !ws[i + 1..].iter().take(5).any(|x| x.text == "that")
        {
            return true;
        }
        // "the firms shared a postal address": things sharing a thing, not words (a
        // person shares what they think or a document: "shared her views", "shared a
        // syllabus")
        let shares = matches!(lw, "share" | "shares" | "shared" | "sharing");
        if shares
            && !person_before()
            && matches!(
                next,
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "one"
            )
            && !subject::clause_follows(text, ws, i)
            && !ws[i + 1..]
                .iter()
                .take(5)
                .any(|x| THINGS_SAID.contains(x.text))
        {
            return true;
        }
        // "agreed a $2 billion loan", "agreed a ceasefire": an agreement made on a thing,
        // no statement ("agreed that …", "agreed the plan was fair" are; after "the" it
        // may be either, and stays one)
        if matches!(lw, "agree" | "agrees" | "agreed" | "agreeing")
            && (matches!(next, "a" | "an" | "new" | "terms")
                || next.starts_with(|c: char| c.is_ascii_digit() || c == '$'))
        {
            return true;
        }
        match lw {
            // ("called off the talks": cancelled)
            "called" => next == "off" || self.names(i),
            "continued" => !self.goes_on_speaking(i, rest),
            _ => false,
        }
    }

    /// Whether "called" at word `i` names rather than says: "a company called Acme", "a
    /// play called “Sons”", "the so-called plan" (a singular noun right before, in a phrase
    /// an indefinite article opens up to three words back: "a special convention beer
    /// called"; "they called", "later called", "lawmakers called it", "the letter called
    /// Oz a quack" are verbs).
    fn names(&self, i: usize) -> bool {
        let (ws, text) = (self.ws, self.text);
        let w = &ws[i];
        if i == 0 || &text[ws[i - 1].span.end()..w.span.start()] != " " {
            return false;
        }
        let before = ws[i - 1].text;
        // (or an acronym: "one PAC called Stop Hillary")
        let acronym =
            (2..=5).contains(&before.len()) && before.bytes().all(|b| b.is_ascii_uppercase());
        let noun = (acronym
            || before.len() > 2
                && before.chars().all(|c| c.is_ascii_lowercase())
                && !before.ends_with("ly")
                && (!before.ends_with('s') || before.ends_with("ss"))
                && !NAMING_NOT_NOUNS.contains(before))
            && ws[i.saturating_sub(4)..i - 1].iter().any(|x| {
                matches!(
                    x.text,
                    "a" | "an" | "A" | "An" | "one" | "One" | "another" | "Another"
                )
            });
        // (a name, with its article or not, that ends the phrase: "a movement called the
        // People's Party"; one with a complement after it is called something: "a
        // senator called the President a liar", "one lawmaker called Trump “a menace”")
        let ends_phrase = |from: usize| {
            let name_end = ws[from..]
                .iter()
                .take_while(|n| n.text.starts_with(char::is_uppercase))
                .last()
                .map_or(w.span.end(), |n| n.span.end());
            let rest = text.get(name_end..self.span.end()).unwrap_or("");
            let next = rest.split_whitespace().next().unwrap_or("");
            !rest.trim_start().starts_with(['"', '“', '\'', '‘'])
                && !matches!(next, "a" | "an" | "the")
        };
        let name_follows = ws.get(i + 1).is_some_and(|x| {
            text[w.span.end()..x.span.start()]
                .trim_start()
                .starts_with(['"', '“', '\'', '‘'])
                || x.text.starts_with(char::is_uppercase) && ends_phrase(i + 1)
                || matches!(x.text, "a" | "an")
                || x.text == "the"
                    && ws
                        .get(i + 2)
                        .is_some_and(|n| n.text.starts_with(char::is_uppercase))
                    && ends_phrase(i + 2)
        });
        before == "so" || noun && name_follows
    }

    /// Whether "continued" at word `i` (`rest` the sentence after it) reports speech: at
    /// a quotation ("“…,” he continued.", "He continued: “…”", "“…,” continued X",
    /// "Continued X: …"), or handing on to the verb after it, whose subject is this one's
    /// ("continued to urge", "continued by saying"); "she continued to interject" leaves
    /// that verb to decide, "continued a fierce contest" says nothing.
    fn goes_on_speaking(&self, i: usize, rest: &str) -> bool {
        let after = rest.trim_start();
        let before = self.text[self.span.start()..self.ws[i].span.start()].trim_end();
        after.is_empty()
            || i == 0
            || after.contains(':')
            || after.starts_with("to ")
            || after
                .strip_prefix("by ")
                .and_then(|a| a.split_whitespace().next())
                .is_some_and(|v| v.trim_end_matches(',').ends_with("ing"))
            || after.starts_with([',', '.', '"', '“', '”', '—'])
            || before.ends_with([',', '"', '”', '’', '\''])
    }

    /// "in" a poll or a survey, which says what the clause the phrase qualifies states:
    /// "In a CNN poll released Monday, 50 percent chose …", "Jo Lee leads in the latest
    /// polls", "she trails him in the average of New Hampshire polls by 9 points". The
    /// phrase runs from the word after "in" to its head (`POLLS`), at most eight words
    /// with no mark between them but a slash or a hyphen, and no clause's word; the head is
    /// no other noun's modifier ("poll workers"). It opens the sentence and a comma ends
    /// it, or it closes the sentence (a participle, a time, a place or a margin may
    /// follow), or a comma follows it after a clause of four words or more. Who made the
    /// poll speaks ("a survey from X"), else the poll as written.
    fn in_poll(&self, i: usize, founds: &[Found]) -> Verdict {
        let (ws, text) = (self.ws, self.text);
        let gap = |a: usize, b: usize| &text[ws[a].span.end()..ws[b].span.start()];
        let poll = |w: &str| POLLS.iter().any(|p| w.eq_ignore_ascii_case(p));
        let mut head = i + 1;
        loop {
            let Some(w) = ws.get(head) else { return Not };
            if head - i > 8
                || !gap(head - 1, head)
                    .chars()
                    .all(|c| c == ' ' || c == '/' || c == '-')
            {
                return Not;
            }
            if poll(w.text) {
                break;
            }
            // (a preposition opens another phrase: "mired in fourth in most surveys")
            if NOT_IN_POLL.contains(w.text)
                || matches!(
                    w.text,
                    "in" | "on" | "at" | "for" | "from" | "by" | "with" | "into" | "about"
                )
            {
                return Not;
            }
            head += 1;
        }
        let next = ws.get(head + 1);
        // ("poll workers", "the survey is"): the head qualifies a noun or has a verb
        if next.is_some_and(|n| {
            gap(head, head + 1) == " "
                && !(AFTER_POLL.contains(n.text)
                    || TIME_NAMES.contains(n.text)
                    || RECORD_QUALIFIERS.contains(n.text))
        }) {
            return Not;
        }
        // the words after the head up to a comma or the end: a participle, a time, a
        // place, a margin ("released Monday", "in Iowa", "by nearly 9 points")
        // (nine words at most: a word "in" costs a few steps, however long the sentence)
        let tail_end = (head + 1..ws.len().min(head + 10))
            .find(|&k| gap(k - 1, k).contains([',', ';', ':', '(', ')', '—', '–']))
            .unwrap_or(ws.len());
        let tail = &ws[head + 1..tail_end];
        let comma_after = tail_end < ws.len() && gap(tail_end - 1, tail_end).contains(',');
        let plain_tail = tail.len() <= 8 && tail.iter().all(|w| !NOT_IN_POLL.contains(w.text));
        if !plain_tail {
            return Not;
        }
        let before = &text[self.opens_at.min(ws[i].span.start())..ws[i].span.start()];
        let opening = poll_opens(before);
        // the clause the phrase closes: four words or more, the first of them none that
        // makes it a phrase or a clause of another's ("Of the voters in the survey, …",
        // "While he runs third in most polls, …", "Depending on …")
        let clause_before = founds.is_empty()
            && before.split_whitespace().count() >= 4
            && before.split_whitespace().next().is_some_and(|w| {
                !OPENING_PREPOSITIONS.contains(w)
                    && !SUBORDINATORS.contains(w)
                    && w != "Of"
                    && !w.ends_with("ing")
            });
        let closes = tail_end == ws.len();
        let fits = if opening {
            // ("In the polls, anyway.": a statement of three words or more after it)
            comma_after && ws.len() - tail_end >= 3
        } else {
            // ("Jo Lee, the leader in the polls, said": a clause, not a name's aside)
            ws[i].text == "in" && clause_before && (closes || comma_after && !before.contains(','))
        };
        if !fits {
            return Not;
        }
        let cue = ws[i].span;
        let last = if opening || closes {
            tail_end - 1
        } else {
            head
        };
        let sp = Span::new(ws[i + 1].span.start(), ws[last].span.end());
        let core = Span::new(ws[i + 1].span.start(), ws[head].span.end());
        Is(self.made_by(core, cue).map_or_else(
            || Found::new(self.slice(core).to_string(), Some(sp), cue),
            |mut f| {
                f.source = Some(sp);
                f
            },
        ))
    }

    /// "according to X": a mention, the lower-case phrase ("according to police", "according
    /// to federal statistics"), or the capitalised words after it (an unknown source).
    fn according_to(&self, i: usize) -> Verdict {
        let (ws, text) = (self.ws, self.text);
        if ws.get(i + 1).is_none_or(|x| x.text != "to") {
            return Undecided;
        }
        let cue = Span::new(ws[i].span.start(), ws[i + 1].span.end());
        // "went according to plan": as planned, no one's word
        if ws
            .get(i + 2)
            .is_some_and(|x| matches!(x.text, "plan" | "schedule" | "script"))
        {
            return Not;
        }
        // ("according to American military officials": a group's name qualifies a noun)
        if let Some(m) = self.ms.iter().find(|m| {
            m.label != Label::Norp
                && ws
                    .get(i + 2)
                    .is_some_and(|x| m.span.start() == x.span.start())
        }) {
            return Is(self.found_at(m, cue));
        }
        // "according to the AP": a name after a determiner; "according to a State
        // Department official": a description a name qualifies
        if let (Some(det), Some(m)) = (
            ws.get(i + 2).filter(|d| DETERMINERS.contains(&d.text)),
            self.ms.iter().find(|m| {
                ws.get(i + 3)
                    .is_some_and(|x| m.span.start() == x.span.start())
            }),
        ) {
            let noun = ws
                .get(ws.partition_point(|x| x.span.start() < m.span.end()))
                .filter(|w| {
                    text[m.span.end()..w.span.start()] == *" "
                        && w.text.len() > 2
                        && w.text.chars().all(|c| c.is_lowercase() || c == '-')
                        && !NOT_NOUNS.contains(&w.text)
                        && !is_cue(w.text)
                        && !matches!(w.text, "that" | "and" | "but" | "from" | "in" | "on" | "at")
                });
            return Is(match noun {
                Some(w) => {
                    let sp = Span::new(det.span.start(), w.span.end());
                    self.found_described(sp, cue)
                }
                None => self.found_at(m, cue),
            });
        }
        if ws
            .get(i + 2)
            .is_some_and(|x| x.text.chars().next().is_some_and(char::is_lowercase))
        {
            if let Some(mut sp) = phrase_after(text, ws, i + 2, true) {
                // ("a recent report from X": a record's noun, though a cue's form, ends
                // the phrase)
                let next = ws.partition_point(|x| x.span.start() < sp.end());
                if let Some(w) = ws
                    .get(next)
                    .filter(|w| RECORDS.contains(w.text) && text[sp.end()..w.span.start()] == *" ")
                {
                    sp = Span::new(sp.start(), w.span.end());
                }
                // ("according to spokesperson Jo Lee", "campaign manager Jo Lee": the
                // description's name right after it speaks)
                // (a title between too: "according to former Sen. Jo Lee")
                let title_gap = |g: &str| {
                    g.starts_with(' ')
                        && g.ends_with(' ')
                        && g.split_whitespace().count() <= 2
                        && g.split_whitespace()
                            .all(|w| w.starts_with(char::is_uppercase))
                };
                // ("according to the council's finance officer, Jo Lee, …": the person
                // in apposition after the description speaks)
                let apposed = |g: &str, after: &str| {
                    after.starts_with(',')
                        && g.strip_suffix(", ").is_some_and(|d| {
                            !d.contains([',', '"', '“', '”', ';', ':', '(', ')'])
                                && d.split_whitespace().count() <= 6
                                && d.split_whitespace().all(|w| {
                                    w.starts_with(|c: char| {
                                        c.is_lowercase() || c == '\'' || c == '’'
                                    })
                                })
                        })
                };
                if let Some(m) = self.ms.iter().find(|m| {
                    m.label != Label::Norp
                        && m.span.start() > sp.end()
                        && (title_gap(&text[sp.end()..m.span.start()])
                            || m.label == Label::Person
                                && apposed(&text[sp.end()..m.span.start()], &text[m.span.end()..]))
                }) {
                    let mut f = self.found_at(m, cue);
                    f.source = Some(Span::new(sp.start(), m.span.end()));
                    return Is(f);
                }
                return Is(self.made_by(sp, cue).unwrap_or_else(|| {
                    Found::new(self.record_name(i + 2, sp).to_string(), Some(sp), cue)
                }));
            }
        }
        // (a comma ends it: "According to Variety, Trump brought …")
        let cap: Vec<&Word> = ws[i + 2..]
            .iter()
            .enumerate()
            .take_while(|(j, x)| {
                x.text.chars().next().is_some_and(|c| c.is_uppercase())
                    && (*j == 0 || !text[ws[i + 1 + j].span.end()..x.span.start()].contains(','))
            })
            .map(|(_, x)| x)
            .collect();
        if let (Some(f), Some(l)) = (cap.first(), cap.last()) {
            // ("American military officials": lower-case nouns the names qualify, joined
            // by spaces, the last a plural)
            let mut last = i + 1 + cap.len();
            while cap.len() <= 2
                && last + 1 < ws.len()
                && last - (i + 1 + cap.len()) < 3
                && text[ws[last].span.end()..ws[last + 1].span.start()] == *" "
                && {
                    let x = ws[last + 1].text;
                    is_common_noun(x) && !is_cue(x) && !is_gap_word(x)
                }
            {
                last += 1;
            }
            while last > i + 1 + cap.len() && !ws[last].text.ends_with('s') {
                last -= 1;
            }
            let l = if last > i + 1 + cap.len() {
                &ws[last]
            } else {
                l
            };
            // ("according to Kalmar's statistics agency": what the name owns is the
            // source)
            let owned = (last == i + 1 + cap.len())
                .then(|| {
                    owned_words(text, l.span.end(), 3)
                        .into_iter()
                        .take_while(|(w, _)| is_common_noun(w))
                        .last()
                        .map(|(_, end)| end)
                })
                .flatten();
            let sp = Span::new(f.span.start(), owned.unwrap_or(l.span.end()));
            return Is(Found::new(self.slice(sp).to_string(), Some(sp), cue));
        }
        // any other phrase, up to a mark (not a quotation mark: "the “Medicare for all”
        // document") or a clause's word: "according to new Crowdpac
        // research", "according to ouest-france.fr", "according to her plan"
        let Some(first) = ws.get(i + 2) else {
            return Undecided;
        };
        let mut last = i + 2;
        while last + 1 < ws.len()
            && last - (i + 2) < 10
            && !text[ws[last].span.end()..ws[last + 1].span.start()]
                .contains([',', ';', ':', '(', ')', '—', '–'])
            && !matches!(
                ws[last + 1].text,
                "that" | "which" | "who" | "whom" | "whose" | "and"
            )
            && !AUXILIARIES.contains(&ws[last + 1].text)
        {
            last += 1;
        }
        let sp = Span::new(first.span.start(), ws[last].span.end());
        Is(Found::new(self.slice(sp).to_string(), Some(sp), cue))
    }

    /// Whether "state" or "states" at word `i` is the noun, not the verb: after a
    /// determiner, a number, a name, a conjunction or a comma ("the state", "15 states",
    /// "Rust Belt states", "federal and state offices", "Vermont, states that vote"), or
    /// before a noun it qualifies ("state lawmakers"). The verb has a subject of its own
    /// right before it and its statement or a clause word after ("the report states that").
    fn state_is_noun(&self, i: usize) -> bool {
        let (ws, text) = (self.ws, self.text);
        let before = i.checked_sub(1).and_then(|k| ws.get(k));
        let after_noun_marker = before.is_some_and(|p| {
            let gap = &text[p.span.end()..ws[i].span.start()];
            gap.contains(',')
                || p.text.starts_with(|c: char| c.is_ascii_digit())
                || (i > 1 && p.text.starts_with(char::is_uppercase))
                || {
                    let lw = p.text.to_ascii_lowercase();
                    ARTICLES.contains(&lw) || NOUN_MARKERS.contains(&lw)
                }
        });
        let before_noun = ws.get(i + 1).is_some_and(|n| {
            text[ws[i].span.end()..n.span.start()] == *" "
                && n.text.starts_with(char::is_lowercase)
                && !matches!(
                    n.text,
                    "that"
                        | "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "our"
                        | "this"
                        | "these"
                        | "how"
                        | "what"
                        | "why"
                        | "whether"
                        | "in"
                        | "to"
                        | "on"
                        | "at"
                        | "for"
                        | "as"
                        | "so"
                        | "clearly"
                        | "only"
                        | "also"
                        | "simply"
                        | "flatly"
                        | "plainly"
                        | "explicitly"
                )
        });
        after_noun_marker || before_noun
    }

    /// The name of the record or group `sp` after "according to" names (its first word
    /// at `from`): without a participle qualifying its noun, "a study" of "a study
    /// published on Wednesday in …", "a memo" of "a memo released Friday" (not a clause's
    /// subject and verb: "a fact sheet lawmakers released", "a speech Mrs. Clinton gave").
    fn record_name(&self, from: usize, sp: Span) -> &'a str {
        let ws = self.ws;
        let end = ws.partition_point(|x| x.span.start() < sp.end());
        let cut = (from + 2..(from + 4).min(end)).find(|&k| {
            ed_form(ws[k].text)
                && ws[k - 1].text.starts_with(|c: char| c.is_lowercase())
                // ("a newly uncovered email": after an adverb it qualifies the noun to come)
                && !adverb(ws[k - 1].text)
        });
        let to = cut.map_or(sp.end(), |k| ws[k - 1].span.end());
        self.text.get(sp.start()..to).unwrap_or_default()
    }

    /// "according to a count by the AP", "a poll conducted in May by X", "an email from X":
    /// the source is the whole phrase, and who made the thing it names speaks. `sp` is the
    /// phrase after "according to" (its determiner and noun); up to three words may stand
    /// between it and "by" or "from": a participle, a time and its preposition.
    fn made_by(&self, sp: Span, cue: Span) -> Option<Found> {
        let ws = self.ws;
        let mut k = ws.partition_point(|x| x.span.start() < sp.end());
        let gap_word = |w: &str| {
            w.len() > 3 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
                || matches!(w, "in" | "on" | "last" | "this" | "week" | "month" | "year")
                || TIME_NAMES.contains(w)
        };
        let mut skipped = 0;
        while ws.get(k).is_some_and(|w| gap_word(w.text)) && skipped < 3 {
            k += 1;
            skipped += 1;
        }
        if !ws.get(k).is_some_and(|w| matches!(w.text, "by" | "from")) {
            return None;
        }
        k += 1;
        let at = ws.get(k)?.span.start();
        let after_the = ws
            .get(k + 1)
            .filter(|_| matches!(ws[k].text, "the" | "The"))
            .map(|w| w.span.start());
        // (or after "the" and a description in lower case: "from the market research
        // firm X")
        let described = |m: &Mention| {
            after_the.is_some_and(|a| {
                let words = self.text.get(a..m.span.start()).unwrap_or("");
                let n = words.split_whitespace().count();
                (1..=4).contains(&n)
                    && words.ends_with(' ')
                    && words
                        .split_whitespace()
                        .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            })
        };
        let m = self.ms.iter().find(|m| {
            m.label != Label::Norp
                && (m.span.start() == at || Some(m.span.start()) == after_the || described(m))
        })?;
        // (nothing but words between: no clause or quotation ends inside)
        let between = &self.text[sp.end()..m.span.start()];
        if between.contains(|c: char| !(c.is_alphanumeric() || c.is_whitespace())) {
            return None;
        }
        let mut f = self.found_at(m, cue);
        f.source = Some(Span::new(sp.start(), m.span.end()));
        Some(f)
    }

    /// "…, with X stating: …": a participle with its own named subject.
    fn with_subject_participle(&self, cue: &Cue) -> Option<Found> {
        let (ws, text, i) = (self.ws, self.text, cue.i);
        if !cue.lw.ends_with("ing") || i < 2 {
            return None;
        }
        let after_with = |sp: Span| {
            let at = ws.partition_point(|x| x.span.start() < sp.start());
            at > 0
                && matches!(ws[at - 1].text, "with" | "With")
                && text[sp.end()..cue.span.start()].trim().is_empty()
        };
        if let Some(m) = self.mention_ending_at(i - 1).filter(|m| after_with(m.span)) {
            return Some(self.found_at(m, cue.span));
        }
        // (or a share, "…, with three in 10 saying …", "with 13 percent backing …"; or
        // people saying, "with most voters saying …"; "with all precincts reporting" and
        // "with the economy adding jobs" report nothing)
        let sp = description_core(text, ws, i).filter(|sp| after_with(*sp))?;
        let head = ws[i - 1].text;
        let share = is_cardinal(head)
            || head == "percent"
            || text[..cue.span.start()].trim_end().ends_with('%');
        (share || (names_people(head) && is_saying(&cue.lw)))
            .then(|| self.found_described(sp, cue.span))
    }

    /// A second attribution in the sentence: a second verb of the same subject takes it,
    /// and its statement follows it ("X denied A and vowed B", "X said A, adding B"); any
    /// other needs a subject of its own right before it ("X said A, and critics fear B"),
    /// except a verb of saying, which may also be inverted. A stance in the statement of a
    /// verb of saying is part of what was said ("X said Y hopes B"); in a clause of its own
    /// it is another attribution.
    fn after_another(&self, cue: &Cue, founds: &[Found]) -> Another {
        let (ws, text, i, lw) = (self.ws, self.text, cue.i, cue.lw.as_str());
        let Some(last) = founds.last() else {
            return Another::None;
        };
        let participle =
            lw.ends_with("ing") && text[ws[i - 1].span.end()..cue.span.start()].trim() == ",";
        let joined = i > 1
            && matches!(ws[i - 1].text, "and" | "but" | "then")
            && text[ws[i - 2].span.end()..ws[i - 1].span.start()]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '”' | '’'))
                .is_empty();
        // "X, noting A, said B": the main verb after a participle set off by commas
        // right after its subject is that subject's too
        let after_aside = is_saying(lw)
            && text[ws[i - 1].span.end()..cue.span.start()].trim() == ","
            && text
                .get(..last.cue.start())
                .is_some_and(|t| t.trim_end().ends_with(','))
            && last.source.is_some_and(|s| {
                text.get(s.end()..last.cue.start())
                    .is_some_and(|g| skip_parenthesis(g).trim() == ",")
            })
            && text
                .get(last.cue.end()..cue.span.start())
                .is_some_and(|b| !b.contains(['"', '“', '”', ';']) && b.matches(',').count() == 1);
        // (any cue of the same form as the first is a second verb of its subject: "X says
        // A but argues B", "X said the plan was flawed and blamed B": in news the subject
        // that reports goes on, more often than the statement's own)
        let same_form = || {
            cues::finite_form(self.slice(last.cue))
                .is_some_and(|f| Some(f) == cues::finite_form(lw))
        };
        if (joined && (is_saying(lw) || same_form())) || participle || after_aside {
            let mut f = Found::new(last.speaker.clone(), last.source, cue.span);
            f.follows = true;
            return Another::SameSubject(f);
        }
        if lw.ends_with("ing") {
            return Another::Not;
        }
        let between = text.get(last.cue.end()..cue.span.start()).unwrap_or("");
        let own_clause = [
            ", and ",
            ", but ",
            "; ",
            ", while ",
            " while ",
            ", whereas ",
        ]
        .iter()
        .any(|b| between.contains(b));
        if !is_saying(lw) && !own_clause {
            return Another::Not;
        }
        Another::OwnSubjectOnly(!is_saying(lw))
    }

    /// A passive with its agent: "as noted by X" (a person among the next two mentions
    /// first).
    fn passive_by(&self, cue: &Cue) -> Option<Found> {
        // "by" right after the verb, or after a few words of time or manner when the verb
        // is a passive's ("was endorsed the day before by X")
        let reach = if self.is_passive(cue, self.subject_end(cue.i)) {
            6
        } else {
            1
        };
        let by = self
            .ws
            .iter()
            .skip(cue.i + 1)
            .take(reach)
            .take_while(|x| {
                !self.text[cue.span.end()..x.span.start()].contains([',', ';', ':', '"', '“', '”'])
            })
            .find(|x| x.text == "by")?;
        let by_at = self
            .ws
            .partition_point(|x| x.span.start() < by.span.start());
        // ("continued by saying, “… the Supreme Court”": a manner, not an agent; the
        // agent is named right after "by", in a few words and outside a quotation)
        if self
            .ws
            .get(by_at + 1)
            .is_some_and(|x| x.text.ends_with("ing"))
        {
            return None;
        }
        // ("said by telephone on NBC's …", "told reporters by email": a means, not an agent)
        let means = self.ws[by_at + 1..]
            .iter()
            .find(|x| !matches!(x.text, "a" | "an" | "the"))
            .is_some_and(|x| MEANS.contains(&x.text.to_ascii_lowercase()));
        if means {
            return None;
        }
        let near = |m: &&&Mention| {
            let between = &self.text[by.span.end()..m.span.start()];
            between.split_whitespace().count() <= 3
                && !between.contains([',', '"', '“', '”', ':', ';', '(', '—'])
        };
        let after: Vec<&&Mention> = self
            .ms
            .iter()
            .filter(|m| m.span.start() >= by.span.end() && m.label != Label::Norp)
            .take(2)
            .filter(|m| near(m))
            .collect();
        let m = after
            .iter()
            .find(|m| m.label == Label::Person)
            .or(after.first())?;
        Some(self.found_at(m, cue.span))
    }

    /// Where the subject before the verb at word `i` ends (the index after its last word):
    /// past gap words ("has", "also"), a verb that passes its subject on ("X wants to say",
    /// "X has yet to explain", "X is expected to announce") and a short parenthesis after
    /// the subject ("X (D-Ohio) said").
    fn subject_end(&self, i: usize) -> usize {
        let (ws, text) = (self.ws, self.text);
        let mut k = i;
        loop {
            if k > 0 && is_gap_word(ws[k - 1].text) {
                k -= 1;
                continue;
            }
            // "Officials here say", "the men themselves said", "The two both said": a
            // place adverb, a reflexive or a floating quantifier right after the subject
            if k > 1
                && AFTER_SUBJECT.contains(ws[k - 1].text)
                && text[ws[k - 2].span.end()..ws[k - 1].span.start()]
                    .chars()
                    .all(char::is_whitespace)
            {
                k -= 1;
                continue;
            }
            // "Proponents of the bill, however, say": an aside set off by commas
            if let Some(j) = (k.saturating_sub(4)..k)
                .find(|&j| j > 0 && is_aside(&text[ws[j - 1].span.end()..ws[k].span.start()]))
            {
                k = j;
                continue;
            }
            if k > 1
                && ws[k - 1].text == "to"
                && (is_control(ws[k - 2].text)
                    || (ws[k - 2].text == "yet" && k > 2 && is_gap_word(ws[k - 3].text)))
                && text[ws[k - 2].span.end()..ws[k - 1].span.start()]
                    .chars()
                    .chain(text[ws[k - 1].span.end()..ws[k].span.start()].chars())
                    .all(char::is_whitespace)
            {
                k -= 2;
                continue;
            }
            if k > 1 {
                let gap = text[ws[k - 1].span.end()..ws[k].span.start()].trim();
                // "(D-Wis.)": an abbreviation's dot before the bracket
                if gap.trim_start_matches('.').starts_with(')') {
                    let back = text[self.span.start()..ws[k - 1].span.end()].rfind('(');
                    if let Some(open) = back.map(|b| self.span.start() + b) {
                        let inside = ws[..k].iter().rposition(|x| x.span.end() <= open);
                        if let Some(j) = inside.filter(|&j| k - 1 - j <= 4) {
                            k = j + 1;
                            continue;
                        }
                    }
                }
            }
            return k;
        }
    }

    /// A passive ("deaths were reported", "he was asked") names no source before it.
    fn is_passive(&self, cue: &Cue, k: usize) -> bool {
        let (ws, i) = (self.ws, cue.i);
        // (past adverbs between: "was also endorsed", "is widely thought")
        let mut j = i;
        while j > 1 && i - j < 3 && is_adverb(ws[j - 1].text) {
            j -= 1;
        }
        j > 0
            && (k < j || matches!(ws[j - 1].text, "be" | "been" | "being"))
            && matches!(
                ws[j - 1].text,
                "was" | "were" | "is" | "are" | "be" | "been" | "being"
            )
            && (cue.lw.ends_with("ed")
                || matches!(
                    cue.lw.as_str(),
                    "told"
                        | "said"
                        | "found"
                        | "shown"
                        | "known"
                        | "thought"
                        | "written"
                        | "felt"
                        | "heard"
                        | "seen"
                        | "sought"
                        | "spoken"
                        | "understood"
                        | "meant"
                        | "read"
                ))
            // (nothing but words and spaces between: '"…, he is," said X' is no passive;
            // read last, only for an auxiliary before a participle)
            && self.text[ws[j - 1].span.end()..cue.span.start()]
                .chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '-')
    }

    /// A subject set off by an appositive: "Donald Trump, her Republican opponent,
    /// bemoaned", "…,” Scott Pruitt, the attorney general of Oklahoma, said" ("…, R-Ky.,
    /// said": an abbreviation's dot before the comma; "X, opening the museum on Saturday,
    /// said": the comma after words the verb may follow); or a name set off as the
    /// appositive of a description: "A lawyer for the outlets, Jo Kim, said".
    fn appositive(&self, cue: &Cue, k: usize) -> Option<Found> {
        let (ws, text, i) = (self.ws, self.text, cue.i);
        let comma_before = |j: usize| {
            text[ws[j].span.end()..cue.span.start()]
                .trim()
                .trim_start_matches('.')
                == ","
        };
        let comma_word = (k > 1)
            .then(|| [k - 1, i - 1].into_iter().find(|&j| comma_before(j)))
            .flatten()?;
        if let Some(m) = appositive_subject(text, ws, self.ms, self.quoted, comma_word) {
            let m = self.person_in_apposition(m, cue.span).unwrap_or(m);
            return Some(self.found_at(m, cue.span));
        }
        let m = self.mention_ending_at(k - 1).filter(|m| {
            // (a title before the name goes with it: ", Agriculture Secretary Jo Lee,", ",
            // senator Jo Lee,")
            let lead = &text[self.span.start()..m.span.start()];
            let head = match lead.rfind(',') {
                Some(c)
                    if !lead[c + 1..].trim().is_empty()
                        && (is_title_run(&lead[c + 1..]) || ends_in_role(&lead[c + 1..])) =>
                {
                    let at = self.span.start() + c + 1;
                    Span::new(
                        at + (lead[c + 1..].len() - lead[c + 1..].trim_start().len()),
                        m.span.end(),
                    )
                }
                _ => m.span,
            };
            m.label == Label::Person
                && text[self.span.start()..head.start()]
                    .trim_end()
                    .ends_with(',')
                && {
                    let at = ws.partition_point(|w| w.span.start() < head.start());
                    description_before(text, ws, at).is_some()
                        || self.role_at(at)
                        || self.opening_phrase_before(head)
                }
        });
        match m {
            Some(m) => Some(self.found_at(m, cue.span)),
            None => self.description_before_aside(cue),
        }
    }

    /// A description opening the sentence, then an aside between commas that is a
    /// relative or participle clause, right before the cue: "The official, who spoke on
    /// condition of anonymity, said …", "One attendee, speaking for others, said …"; or
    /// after a short opening phrase of place or time ("In Paris, the minister, who …,
    /// said").
    fn description_before_aside(&self, cue: &Cue) -> Option<Found> {
        let (ws, text) = (self.ws, self.text);
        let mut first = ws.partition_point(|w| w.span.start() < self.opens_at);
        if ws
            .get(first)
            .is_some_and(|w| OPENING_PREPOSITIONS.contains(w.text))
        {
            first = (first + 1..cue.i.min(first + 6))
                .find(|&j| text[ws[j - 1].span.end()..ws[j].span.start()].trim() == ",")?;
        }
        // (or opening a clause after a comma and a conjunction: "A, but the agency, which
        // …, said"; the nearest few words before the cue, so a run-on stays linear)
        if let Some(c) = (first.max(cue.i.saturating_sub(40))..cue.i)
            .rev()
            .find(|&c| {
                c > first
                    && matches!(ws[c].text, "but" | "and" | "while" | "yet")
                    && text[ws[c - 1].span.end()..ws[c].span.start()].trim() == ","
            })
        {
            first = c + 1;
        }
        // (the first comma, with its description before it and the aside after it)
        let j = (first + 1..cue.i.min(first + 7))
            .find(|&j| text[ws[j - 1].span.end()..ws[j].span.start()].trim() == ",")?;
        let described =
            description_before(text, ws, j).filter(|sp| sp.start() == ws[first].span.start());
        let aside = text[ws[j].span.start()..cue.span.start()].trim_end();
        let opener = ws[j].text;
        let relative = matches!(opener, "who" | "whose" | "which");
        // ("The company, founded in 1990, said": a participle's clause)
        let clause = relative
            || ed_form(opener)
            || opener.len() > 4
                && opener.ends_with("ing")
                && opener.starts_with(char::is_lowercase);
        // (or a name no rule knew, in capitals, before a relative clause: "Aldmoor, which
        // is owned by …, said")
        let sp = described.or_else(|| {
            let words = &ws[first..j];
            let run = Span::new(ws[first].span.start(), ws[j - 1].span.end());
            (relative
                && !self.ms.iter().any(|m| m.span.overlaps(&run))
                && words.len() <= 4
                && words
                    .iter()
                    .all(|w| w.text.starts_with(char::is_uppercase) && !not_a_name(w.text))
                && !matches!(
                    ws[first].text,
                    "The" | "This" | "That" | "These" | "Those" | "It"
                ))
            .then_some(run)
        })?;
        let closed = aside.strip_suffix(',').is_some_and(|a| {
            !a.contains(['"', '“', '”', ',', ';', ':', '(', ')', '—'])
                && a.split_whitespace().count() <= 30
        });
        if !(clause && closed && !self.quoted[j]) {
            return None;
        }
        Some(match described {
            Some(_) => self.found_described(sp, cue.span),
            None => Found::new(self.slice(sp).to_string(), Some(sp), cue.span),
        })
    }

    /// Whether the sentence opens with a plain phrase of two to twelve words, then a comma,
    /// right before `name`: "One of the authors of the report, Jo Lee, said" (the phrase
    /// describes the person in apposition after it).
    fn opening_phrase_before(&self, name: Span) -> bool {
        let before = self.text[self.opens_at..name.start()].trim_end();
        // (after a quotation: "“…,” Rep. Jo Lee's chief of staff, Ana Cruz, told X")
        let before = match before.rfind(['”', '"']) {
            Some(q) if before[..q].ends_with([',', '!', '?']) && before.starts_with(['“', '"']) => {
                before[q..].trim_start_matches(['”', '"']).trim_start()
            }
            _ => before,
        };
        before.strip_suffix(',').is_some_and(|d| {
            !d.contains(['"', '“', '”', ',', ';', ':', '(', ')'])
                && (2..=12).contains(&d.split_whitespace().count())
        })
    }

    /// Whether the words before word `at` (a person's name after a comma) are a role at an
    /// organisation or a place, whose name ends them: "the director of the FBI, James
    /// Comey,", "a spokeswoman for Acme, Ana Reyes,", "the mayor of Tulsa, Jo Lee,"
    /// wherever they stand in the sentence ("On Wednesday, however, the director of …").
    fn role_at(&self, at: usize) -> bool {
        let ws = self.ws;
        let Some(name) = at.checked_sub(1).and_then(|j| self.mention_ending_at(j)) else {
            return false;
        };
        if !matches!(name.label, Label::Org | Label::Gpe) {
            return false;
        }
        let first = ws.partition_point(|w| w.span.start() < name.span.start());
        let Some(mut p) = first.checked_sub(1) else {
            return false;
        };
        if ws[p].text == "the" {
            let Some(q) = p.checked_sub(1) else {
                return false;
            };
            p = q;
        }
        matches!(ws[p].text, "of" | "for" | "at" | "with" | "from")
            && description_before(self.text, ws, p).is_some()
    }

    /// Where the subject ends when an aside between dashes stands between it and the cue
    /// (`k`: the word after the aside): the word after the subject's last, when the aside
    /// is a short phrase with no quotation mark, no other dash and no verb of saying; an
    /// aside between commas before a verb of saying and its clause is
    /// `before_comma_aside`'s.
    fn before_aside(&self, k: usize, cue: &Cue) -> Option<usize> {
        let (ws, text) = (self.ws, self.text);
        let dash = |g: &str| matches!(g.trim(), "—" | "–" | "--" | "―");
        if k == 0 {
            return None;
        }
        // (a comma's aside only before a verb of saying or thinking and its statement as a
        // clause: "Critics, including X, argued the plan fails")
        if text[ws[k - 1].span.end()..cue.span.start()].trim() == "," {
            return (!cue.lw.ends_with("ing") && subject::clause_follows(text, ws, cue.i))
                .then(|| self.before_comma_aside(k))
                .flatten();
        }
        if !dash(&text[ws[k - 1].span.end()..cue.span.start()]) {
            return None;
        }
        // the opening dash: the last one before, within sixteen words
        let open = (k.saturating_sub(16).max(1)..k - 1)
            .rev()
            .find(|&j| dash(&text[ws[j - 1].span.end()..ws[j].span.start()]))?;
        let aside = &text[ws[open].span.start()..ws[k - 1].span.end()];
        let plain = !aside.contains(['"', '“', '”', '—', '–', '―', ';', ':', '(', ')'])
            && !aside.contains("--")
            && (open..k).all(|x| !is_cue(ws[x].text));
        let before = &text[ws[open - 1].span.end()..ws[open].span.start()];
        (plain && before.trim() != "" && !before.contains(',')).then_some(open)
    }

    /// Where the subject ends when an aside of comparison or inclusion stands between
    /// commas before the cue ("Democratic economists, like their Republican
    /// counterparts, say …"; `k`: the word after the aside): the word after the subject's
    /// last, when the aside is a short phrase with no quotation mark and no verb of saying.
    fn before_comma_aside(&self, k: usize) -> Option<usize> {
        let (ws, text) = (self.ws, self.text);
        const OPENERS: crate::core::WordSet =
            crate::core::word_set!("like|unlike|including|alongside|among|besides");
        // the opening comma: the last one before, within twelve words
        let open = (k.saturating_sub(12).max(1)..k - 1)
            .rev()
            .find(|&j| text[ws[j - 1].span.end()..ws[j].span.start()].trim() == ",")?;
        let aside = &text[ws[open].span.start()..ws[k - 1].span.end()];
        // (after a plural noun: "hawks, like Rubio,", not "this week, including X,")
        let plain = OPENERS.contains(ws[open].text)
            && ws[open - 1].text.ends_with('s')
            && !aside.contains(['"', '“', '”', '—', '–', '―', ';', ':', '(', ')'])
            && (open..k).all(|x| !is_cue(ws[x].text));
        plain.then_some(open)
    }

    /// The person named in apposition right after `m`, a name inside a description
    /// ("A spokeswoman for the Justice Department, Ana Reyes, said"; "The head of Acme,
    /// Jo Lee, said"): `m` is an organisation or a place after a preposition, and the
    /// person stands alone between commas before the cue.
    fn person_in_apposition(&self, m: &Mention, cue: Span) -> Option<&'a Mention> {
        let text = self.text;
        if m.label == Label::Person {
            return None;
        }
        let at = self.ws.partition_point(|w| w.span.start() < m.span.start());
        let mut b = at.checked_sub(1)?;
        if matches!(self.ws[b].text, "the" | "a" | "an") {
            b = b.checked_sub(1)?;
        }
        if !matches!(
            self.ws[b].text,
            "of" | "for" | "at" | "with" | "from" | "in" | "to"
        ) {
            return None;
        }
        self.ms
            .iter()
            .copied()
            .find(|p| p.span.start() > m.span.end() && p.span.end() <= cue.start())
            .filter(|p| {
                p.label == Label::Person
                    && text[m.span.end()..p.span.start()].trim() == ","
                    && text[p.span.end()..cue.start()].trim() == ","
            })
    }

    /// A record as the subject of a verb of showing: "the survey shows a small gap", "Polls
    /// in New Hampshire show …", "Federal records compiled by X show", "…, records show.",
    /// "a report published Tuesday showed", "no public information showing whether …". The
    /// noun phrase opens its clause and ends right before word `k`; its head (its last
    /// word, or the word a preposition or participle qualifies) is a record
    /// (`RECORDS`). With "showing", the record is right before it.
    fn evidence_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        if !SHOWING.contains(&cue.lw) {
            return None;
        }
        let (ws, text) = (self.ws, self.text);
        let last = k.checked_sub(1)?;
        let record = |w: &str| RECORDS.contains(&w.to_ascii_lowercase());
        if cue.lw.ends_with("ing") {
            // the record and the determiner or adjectives before it: "no public information"
            if !record(ws[last].text) || last + 1 != cue.i {
                return None;
            }
            let mut a = last;
            while a > 0
                && last - a < 3
                && text[ws[a - 1].span.end()..ws[a].span.start()] == *" "
                && ws[a - 1].text.chars().all(|c| c.is_ascii_lowercase())
                && !PREPOSITION_WORDS.contains(ws[a - 1].text)
                && !MAIN_VERBS.contains(ws[a - 1].text)
            {
                a -= 1;
                if ARTICLES.contains(ws[a].text) || ws[a].text == "no" {
                    break;
                }
            }
            let sp = Span::new(ws[a].span.start(), ws[last].span.end());
            return Some(self.found_described(sp, cue.span));
        }
        // the phrase: back to the clause's opening, at most twelve words
        let mut a = last;
        while a > 0 && last - a < 11 && ws[a - 1].span.start() >= self.opens_at {
            let gap = &text[ws[a - 1].span.end()..ws[a].span.start()];
            if gap.contains([',', ';', ':', '—', '–', '"', '“', '”', '(', ')'])
                || SUBJECT_BREAKS.contains(ws[a - 1].text)
                || is_cue(ws[a - 1].text)
            {
                break;
            }
            a -= 1;
        }
        while a < last && matches!(ws[a].text, "But" | "And" | "Yet" | "So" | "Still") {
            a += 1;
        }
        let words = &ws[a..k];
        if self.quoted[a..k].iter().any(|q| *q)
            || words.iter().any(|w| NOT_IN_RECORD.contains(w.text))
        {
            return None;
        }
        // the head: the first record followed by the verb, a preposition or a participle
        let head = words.iter().enumerate().position(|(j, w)| {
            record(w.text)
                && words
                    .get(j + 1)
                    .is_none_or(|n| RECORD_QUALIFIERS.contains(n.text))
        })?;
        // (a determiner or adjectives may come before it, never a preposition)
        if words[..head]
            .iter()
            .any(|w| PREPOSITION_WORDS.contains(w.text))
        {
            return None;
        }
        // (a time after a participle is the phrase's: "a report published Tuesday")
        let end = if k < cue.i
            && ws[last].text.ends_with("ed")
            && !text[ws[last].span.end()..cue.span.start()]
                .contains([',', ';', ':', '—', '(', ')', '"', '“', '”'])
        {
            cue.i - 1
        } else {
            last
        };
        let sp = Span::new(words[0].span.start(), ws[end].span.end());
        Some(self.found_described(sp, cue.span))
    }

    /// "The poll, released on Wednesday night by X, showed …": a record set off by an aside
    /// that opens with a participle, before a verb of showing (`k`: the word after the
    /// aside); or any noun phrase so set off before a verb of saying or finding whose
    /// statement follows as a clause ("Her study, published last year, found that …").
    fn evidence_before_aside(&self, cue: &Cue, k: usize) -> Option<Found> {
        let showing = SHOWING.contains(&cue.lw);
        if cue.lw.ends_with("ing")
            || !showing
                // (a verb of finding or seeing says only with "that" after it)
                && (subject::AMBIGUOUS.contains(&cue.lw)
                    && self.ws.get(cue.i + 1).is_none_or(|w| w.text != "that")
                    || !subject::clause_follows(self.text, self.ws, cue.i))
        {
            return None;
        }
        let (ws, text) = (self.ws, self.text);
        // (the aside ends right before the cue, whatever the subject's end was read as:
        // "published last year," ends on a time)
        let comma_before = |k: usize| text[ws[k - 1].span.end()..cue.span.start()].trim() == ",";
        let k = if cue.i > 0 && comma_before(cue.i) {
            cue.i
        } else {
            k
        };
        if k == 0 || !comma_before(k) {
            return None;
        }
        let open = (k.saturating_sub(16).max(1)..k)
            .rev()
            .find(|&j| text[ws[j - 1].span.end()..ws[j].span.start()].trim() == ",")?;
        let first = ws[open].text;
        let participle = first.len() > 4
            && first.starts_with(char::is_lowercase)
            && (first.ends_with("ed") || matches!(first, "taken" | "seen" | "done" | "made"));
        // (the participle may be a cue's: "published", "reported")
        if !participle
            || self.quoted[open]
            || (open + 1..k).any(|j| is_cue(ws[j].text) || self.quoted[j])
        {
            return None;
        }
        if showing {
            self.evidence_subject(cue, open)
        } else {
            self.noun_phrase_before(open, cue)
        }
    }

    /// Whether the phrase `sp` is a verb's object: right after a word that is no
    /// preposition, conjunction or determiner, with nothing but a space between ("started
    /// out their ninth debate", "flipped his choice").
    fn is_object(&self, sp: Span) -> bool {
        let (ws, text) = (self.ws, self.text);
        let at = ws.partition_point(|w| w.span.start() < sp.start());
        let Some(prev) = at.checked_sub(1).map(|p| &ws[p]) else {
            return false;
        };
        text[prev.span.end()..sp.start()] == *" "
            && prev.text.chars().all(|c| c.is_ascii_lowercase())
            && !PREPOSITION_WORDS.contains(prev.text)
            && !SUBJECT_BREAKS.contains(prev.text)
            && !ARTICLES.contains(prev.text)
            && !matches!(
                prev.text,
                "of" | "among" | "between" | "like" | "than" | "then" | "who" | "which"
            )
    }

    /// The subject right before the verb (word `k - 1`, nothing but spaces between), tried
    /// as each kind of subject in turn.
    fn subject_before(&self, cue: &Cue, k: usize, founds: &[Found]) -> Verdict {
        let (ws, text) = (self.ws, self.text);
        let prev = &ws[k - 1];
        // "X issued a statement saying …": the statement is X's; the sentence's subject
        // speaks
        if cue.lw.ends_with("ing")
            && k >= 3
            && ARTIFACTS.contains(prev.text)
            && DETERMINERS.contains(&ws[k - 2].text)
            && ISSUING.contains(ws[k - 3].text)
        {
            // (a name, else the noun phrase, right before the verb of issuing and any
            // words between: "X later issued")
            let mut end = k - 3;
            while end > 0 && is_gap_word(ws[end - 1].text) {
                end -= 1;
            }
            if let Some(m) = end.checked_sub(1).and_then(|e| self.mention_ending_at(e)) {
                return Is(self.found_at(m, cue.span));
            }
            // ("she sent an email saying": the pronoun as the rules for pronouns read it)
            if let Some(f) = (end > 0)
                .then(|| self.pronoun_subject(cue, end, founds))
                .flatten()
            {
                return Is(f);
            }
            if let Some(f) = self.noun_phrase_before(end, cue) {
                return Is(f);
            }
        }
        // a pronoun right after a noun opens a relative clause: "the best one I know",
        // "experts we spoke to"
        if matches!(prev.text, "I" | "we" | "they" | "you")
            && k >= 2
            && text[ws[k - 2].span.end()..prev.span.start()]
                .trim()
                .is_empty()
            && ends_noun_phrase(ws[k - 2].text)
        {
            return Not;
        }
        if let Some(f) = self.evidence_subject(cue, k) {
            return Is(f);
        }
        if let Some(f) = self.close_to_subject(cue, k) {
            return Is(f);
        }
        match self.named_subject(cue, k) {
            Undecided => {}
            v => return v,
        }
        if let Some(f) = self.pronoun_subject(cue, k, founds) {
            return Is(f);
        }
        if cue.strict {
            return Not;
        }
        let rules = [
            Self::unknown_name_subject,
            Self::relative_subject,
            Self::phrase_subject,
        ];
        // ("Sanders started out their ninth debate saying …", "X flipped his choice –
        // saying": a participle's subject is the clause's, not a verb's object before it)
        // (an object that is people is the participle's subject: "a poll found voters
        // saying …")
        let object = |f: &Found| {
            cue.lw.ends_with("ing")
                && f.source.is_some_and(|sp| {
                    let head = self.slice(sp).rsplit(' ').next().unwrap_or("");
                    self.is_object(sp) && !head.ends_with('s') && !names_people(head)
                })
        };
        match rules
            .iter()
            .find_map(|rule| rule(self, cue, k))
            .filter(|f| !object(f))
        {
            Some(f) => Is(f),
            None => Undecided,
        }
    }

    /// A mention right before the verb, unless it only modifies a noun: "the Geneva talks",
    /// "at the Senate hearings" (for a noun-like cue), "Clinton’s remarks", "Ohio state
    /// senator" (a noun-like form after a possessor or a place, unless a statement follows).
    fn named_subject(&self, cue: &Cue, k: usize) -> Verdict {
        let (ws, text) = (self.ws, self.text);
        let Some(m) = self.mention_ending_at(k - 1) else {
            return Undecided;
        };
        let at = ws.partition_point(|w| w.span.start() < m.span.start());
        // "Senator Chris Murphy of Connecticut said", "Jo Lee from Acme said": a name after
        // "of" or "from" tells where a person named right before it is from (whatever the
        // extractor took it for: "Mayor Ann Ruiz of Dayton"); the person speaks, unless
        // a description governs them ("A spokesman for Jo Lee of Ohio said": the
        // description's rules read it)
        // (and with an article: "Dr. Jo Lee of the University of Leeds said")
        if let Some(p) = self.person_from(at) {
            let p_at = ws.partition_point(|w| w.span.start() < p.span.start());
            if governed(ws, p_at) {
                return Undecided;
            }
            let mut f = self.found_at(p, cue.span);
            f.source = f.source.map(|s| Span::new(s.start(), m.span.end()));
            return Is(f);
        }
        let modifier = at > 0
            && (governed(ws, at)
                || DETERMINERS.contains(&ws[at - 1].text)
                || text[ws[at - 1].span.end()..].starts_with(['’', '\'']));
        if cue.strict && modifier {
            return Not;
        }
        let possessed = text
            .get(m.span.end()..cue.span.start())
            .is_some_and(|g| g.starts_with(['’', '\'']));
        let place = matches!(m.label, Label::Gpe | Label::Loc);
        if is_nounish(&cue.lw) && (possessed || place) && !statement_follows(text, cue.span) {
            return Not;
        }
        // "Some delegates at the convention in Philadelphia said", "protest organizers in
        // Cleveland say": a place after a preposition ends the subject, whose head is
        // before it
        // (its noun phrase, if the rules for descriptions read one; else the place; any
        // name after "in" or "at" is a place or an institution, whatever the extractor took
        // it for: "Some delegates at the meeting in Kelso said")
        // (a preposition right before it, in its phrase: "Taking it in, Trump said" is not)
        let governs =
            at > 0 && governed(ws, at) && text[ws[at - 1].span.end()..m.span.start()] == *" ";
        // (an adjective of direction may stand between: "farmers in southern Ostravia")
        let located = governs && matches!(ws[at - 1].text, "in" | "at" | "across" | "near")
            || at > 1
                && matches!(
                    ws[at - 1].text,
                    "northern" | "southern" | "eastern" | "western" | "central" | "rural"
                )
                && matches!(ws[at - 2].text, "in" | "at" | "across" | "near");
        if (place && governs || located) && !cue.strict {
            if let Some(f) = self.phrase_subject(cue, k) {
                return Is(f);
            }
            // ("Dr. Jo Lee of the Marine Institute in Galway said": the person the chain
            // of names after prepositions qualifies)
            if let Some(f) = self.person_before_chain(m, cue.span) {
                return Is(f);
            }
        }
        Is(self.found_at(m, cue.span))
    }

    /// The person named right before "of" or "from" (perhaps with "the", or "at the")
    /// that opens the name at word `at`: "Jo Lee of Acme", "Dr. Jo Lee of the University
    /// of Leeds" (whatever the extractor took the name for), outside quotation marks.
    fn person_from(&self, at: usize) -> Option<&Mention> {
        let ws = self.ws;
        let prep = match at.checked_sub(1).map(|a| ws[a].text) {
            Some("of" | "from") => at - 1,
            Some("the") if at > 2 && matches!(ws[at - 2].text, "of" | "from" | "at") => at - 2,
            _ => return None,
        };
        let before = prep.checked_sub(1)?;
        self.mention_ending_at(before).filter(|p| {
            p.label == Label::Person
                && p.span.end() == ws[before].span.end()
                && self.text[p.span.end()..ws[prep].span.start()] == *" "
                && self.unquoted(p)
        })
    }

    /// The person a chain of names after prepositions qualifies, `m` its last name: "Dr.
    /// Jo Lee of the Marine Institute in Galway" (`m` Galway); at most three links, each
    /// a preposition of place or belonging, perhaps with "the", right after the name
    /// before it. The source runs from the person to `m`.
    fn person_before_chain(&self, m: &Mention, cue: Span) -> Option<Found> {
        let (ws, text) = (self.ws, self.text);
        let mut cur = m;
        for _ in 0..3 {
            let at = ws.partition_point(|w| w.span.start() < cur.span.start());
            let mut prep = at.checked_sub(1)?;
            if ws[prep].text == "the" {
                prep = prep.checked_sub(1)?;
            }
            if !matches!(ws[prep].text, "of" | "from" | "in" | "at") || prep == 0 {
                return None;
            }
            let before = self.mention_ending_at(prep - 1).filter(|b| {
                b.span.end() == ws[prep - 1].span.end()
                    && text[b.span.end()..ws[prep].span.start()] == *" "
                    && self.unquoted(b)
            })?;
            if before.label == Label::Person {
                let p_at = ws.partition_point(|w| w.span.start() < before.span.start());
                if governed(ws, p_at) {
                    return None;
                }
                let mut f = self.found_at(before, cue);
                f.source = f.source.map(|s| Span::new(s.start(), m.span.end()));
                return Some(f);
            }
            cur = before;
        }
        None
    }

    /// A noun that "close to" (or "loyal to" …) and a name qualify, whatever the cue:
    /// "People close to the Clintons felt", "aides loyal to Ruiz said" (the name was the
    /// speaker).
    fn close_to_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        let ws = self.ws;
        let to = (k.saturating_sub(4)..k.saturating_sub(1))
            .rev()
            .find(|&j| {
                j > 0
                    && ws[j].text == "to"
                    && subject::close_word(ws[j - 1].text)
                    && ws[j + 1..k].iter().all(|w| {
                        w.text.starts_with(char::is_uppercase) || DETERMINERS.contains(&w.text)
                    })
            })?;
        // (what follows "to" is a name, written so: a description's rules read the rest)
        ws[to + 1..k]
            .iter()
            .any(|w| w.text.starts_with(char::is_uppercase))
            .then(|| self.noun_phrase_before(k, cue))
            .flatten()
    }

    /// A pronoun or a title as the subject: "he", "she", "the Secretary" stand for a person
    /// named earlier in this sentence ("Trump commented on what he described as …"), the
    /// one holder of the title, or the latest person of the pronoun's gender, else stay as
    /// written (never guessed); "they" for the last plural subject; "they", "we", "I" and
    /// "you" naming no one stay as written; "it" for the last thing named as a source.
    fn pronoun_subject(&self, cue: &Cue, k: usize, founds: &[Found]) -> Option<Found> {
        let (ws, people) = (self.ws, self.people);
        let prev = &ws[k - 1];
        let at = |who: Option<(String, Span)>| who.map(|(n, sp)| Found::new(n, Some(sp), cue.span));
        if PRONOUNS_PERSON.contains(&prev.text) || TITLE_SUBJECTS.contains(&prev.text) {
            let here = founds.iter().rev().find_map(|f| {
                let sp = f.source?;
                self.mention_on(sp)
                    .filter(|m| m.label == Label::Person)
                    .map(|_| (f.speaker.clone(), sp))
            });
            let here = here.filter(|(n, _)| people.fits(prev.text, n));
            // "As for Trump, he said …": a person named before the pronoun in this
            // sentence's own words (not a quotation's), the nearest that fits
            // (the nearest few: a run-on sentence of a megabyte stays linear)
            let earlier = || {
                self.ms
                    .iter()
                    .rev()
                    .filter(|m| m.label == Label::Person && m.span.end() <= prev.span.start())
                    .take(4)
                    .filter(|m| self.unquoted(m))
                    .map(|m| (self.full_name(self.slice(m.span), m.label), m.span))
                    .find(|(n, _)| people.fits(prev.text, n))
            };
            // a pronoun opening a clause of its own ("While X said A, he said B"; "As for
            // X, he said") is the source as written of what follows it; one inside
            // another's statement ("X says he is determined") is that statement's
            let own_clause = k < 2
                || self.text[ws[k - 2].span.end()..prev.span.start()].contains([',', ';'])
                || matches!(ws[k - 2].text, "and" | "but" | "while" | "although");
            if own_clause {
                if let Some((n, sp)) = here.or_else(earlier) {
                    let mut f = Found::new(n, Some(sp), cue.span);
                    f.written = Some(prev.span);
                    return Some(f);
                }
            } else if let Some(f) = at(here) {
                return Some(f);
            }
            let title = title_before(ws, k)
                .and_then(|t| people.holder(&t))
                .map(|p| (p.name.clone(), p.span));
            let latest = || {
                self.recent
                    .for_pronoun(prev.text, people)
                    .map(|p| (p.name.clone(), p.span))
            };
            if let Some(f) = at(title.or_else(latest)) {
                return Some(f);
            }
            if PRONOUNS_PERSON.contains(&prev.text) {
                return Some(Found::new(prev.text.to_string(), Some(prev.span), cue.span));
            }
        }
        if PRONOUNS_PLURAL.contains(&prev.text) {
            if let Some(n) = self.last_plural {
                return Some(Found::new(n.to_string(), None, cue.span));
            }
        }
        if matches!(
            prev.text,
            "they" | "They" | "we" | "We" | "I" | "you" | "You"
        ) {
            return Some(Found::new(prev.text.to_string(), Some(prev.span), cue.span));
        }
        if PRONOUNS_THING.contains(&prev.text) {
            // "The company expects A, it said in a filing": "it" set off after the
            // statement stands for an organisation, or a description in the singular after
            // "the", speaking earlier in this sentence (the pronoun is the source as
            // written); else for the last thing named as a source
            let set_off = self.text[self.span.start()..prev.span.start()]
                .trim_end()
                .ends_with(',');
            let here = founds.iter().rev().filter(|_| set_off).find_map(|f| {
                let sp = f.source.filter(|sp| sp.end() <= prev.span.start())?;
                let written = self.slice(sp);
                let thing = match self.mention_on(sp) {
                    Some(m) => m.label == Label::Org,
                    None => {
                        (written.starts_with("the ") || written.starts_with("The "))
                            && (!written.ends_with('s') || written.ends_with("ss"))
                    }
                };
                thing.then(|| (f.speaker.clone(), sp))
            });
            if let Some(mut f) = at(here) {
                f.written = Some(prev.span);
                return Some(f);
            }
            // ("The report also gave details. It said …": "It" opening the sentence stands
            // for the last one's subject)
            // (so does "it" right after a quotation that opens the sentence: "“A,” it
            // said")
            let before = self.text[self.span.start()..prev.span.start()].trim_end();
            let after_quote =
                prev.text == "it" && before.starts_with(['"', '“']) && before.ends_with(['"', '”']);
            let opens = prev.span.start() == self.opens_at && prev.text == "It" || after_quote;
            let subject = self
                .last_subject
                .filter(|s| opens && (!s.speaker_only || SAYING_PLAIN.contains(&cue.lw)))
                .map(|s| (s.name.clone(), s.span));
            return at(self.last_thing.cloned().or(subject));
        }
        None
    }

    /// A proper noun the extractor did not know: "The Guardian cited".
    fn unknown_name_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        let (ws, text) = (self.ws, self.text);
        let prev = &ws[k - 1];
        let function_word = matches!(
            prev.text,
            "It" | "He"
                | "She"
                | "They"
                | "We"
                | "I"
                | "You"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "There"
                | "Who"
                | "Which"
        );
        if !prev.text.chars().next().is_some_and(|c| c.is_uppercase())
            || function_word
            || not_a_name(prev.text)
            || GROUP_SPEAKERS.contains(&prev.text)
            || TITLE_SUBJECTS.contains(&prev.text)
        {
            return None;
        }
        let mut a = k - 1;
        while a > 0
            && ws[a - 1]
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
            && !not_a_name(ws[a - 1].text)
            && text[ws[a - 1].span.end()..ws[a].span.start()]
                .trim()
                .is_empty()
        {
            a -= 1;
        }
        let sp = Span::new(ws[a].span.start(), prev.span.end());
        // ("Jo Lee of Berenberg warned": a name no lexicon knows after "of" tells where the
        // person before it is from, as a known one does, `named_subject`)
        if let Some(p) = self.person_from(a) {
            let p_at = ws.partition_point(|w| w.span.start() < p.span.start());
            if !governed(ws, p_at) {
                let mut f = self.found_at(p, cue.span);
                f.source = f.source.map(|s| Span::new(s.start(), sp.end()));
                return Some(f);
            }
        }
        Some(Found::new(self.slice(sp).to_string(), Some(sp), cue.span))
    }

    /// A relative clause: "X, who said …", "voters who believe …"; the source as written is
    /// the pronoun, the speaker its antecedent (a mention or a description).
    fn relative_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        let (ws, text) = (self.ws, self.text);
        let prev = &ws[k - 1];
        if !matches!(prev.text, "who" | "which") || k < 2 {
            return None;
        }
        let gap = text[ws[k - 2].span.end()..prev.span.start()].trim();
        if gap != "," && !gap.is_empty() {
            return None;
        }
        let mut f = match self.mention_ending_at(k - 2) {
            Some(m) => self.found_at(m, cue.span),
            None => {
                let sp = description_before(text, ws, k - 1)?;
                self.found_described(sp, cue.span)
            }
        };
        f.written = Some(prev.span);
        Some(f)
    }

    /// A noun phrase as the subject, by the first of the rules for one that reads it: a
    /// description, a group, any noun phrase opening its clause, a plural with its
    /// relative clause.
    fn phrase_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        self.description_subject(cue, k)
            .or_else(|| self.group_subject(cue, k))
            .or_else(|| self.noun_phrase_subject(cue, k))
            .or_else(|| self.relative_phrase_subject(cue, k))
    }

    /// A description: "the developer said", "a spokeswoman for the campaign said".
    fn description_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        let sp = description_before(self.text, self.ws, k)?;
        Some(self.found_described(sp, cue.span))
    }

    /// Any noun phrase opening its clause before a verb of saying or thinking whose
    /// statement follows as a clause ("Other refugee advocates said that …"; `subject`).
    fn noun_phrase_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        // (a finite verb: a participle's subject is not the words before it)
        if cue.lw.ends_with("ing")
            || subject::AMBIGUOUS.contains(&cue.lw)
            || !subject::clause_follows(self.text, self.ws, cue.i)
        {
            return None;
        }
        self.noun_phrase_before(k, cue)
    }

    /// A plural noun phrase and its relative clause opening the clause before a verb of
    /// saying or thinking whose statement follows as a clause ("Supporters who have heard
    /// from the campaign say …"; `subject::relative_phrase_before`).
    fn relative_phrase_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        if cue.lw.ends_with("ing")
            || subject::AMBIGUOUS.contains(&cue.lw)
            || !subject::clause_follows(self.text, self.ws, cue.i)
        {
            return None;
        }
        let sp =
            subject::relative_phrase_before(self.text, self.ws, self.quoted, k, self.opens_at)?;
        Some(self.found_described(sp, cue.span))
    }

    /// The noun phrase opening its clause and ending right before word `k`, as the
    /// source (`subject::noun_phrase_before`).
    fn noun_phrase_before(&self, k: usize, cue: &Cue) -> Option<Found> {
        let sp = subject::noun_phrase_before(self.text, self.ws, self.quoted, k, self.opens_at)?;
        // ("Trump at the time said": a person named first, then a preposition's phrase, is
        // the subject; the phrase is a time or a place)
        let person_first = self.ms.iter().find(|m| {
            m.span.start() == sp.start()
                && m.label == Label::Person
                && self
                    .text
                    .get(m.span.end()..sp.end())
                    .and_then(|r| r.split_whitespace().next())
                    .is_some_and(|w| subject::PREPOSITIONS.contains(w))
        });
        Some(match person_first {
            Some(m) => self.found_at(m, cue.span),
            None => self.found_described(sp, cue.span),
        })
    }

    /// A group as the subject ("officials", "critics"): the noun phrase, up to three words
    /// back, from a determiner or adjective.
    fn group_subject(&self, cue: &Cue, k: usize) -> Option<Found> {
        let (ws, text) = (self.ws, self.text);
        let prev = &ws[k - 1];
        if !GROUP_SPEAKERS.contains(&prev.text) {
            return None;
        }
        let mut a = k - 1;
        while a > 0
            && k - 1 - a < 3
            && !matches!(
                ws[a - 1].text.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "and" | "that" | "but" | "which" | "who" | "as" | "if"
            )
            && !text[ws[a - 1].span.end()..ws[a].span.start()]
                .contains([',', '"', '“', '”', ';', ':', '(', ')', '—', '–', '―'])
            // (a hyphen standing alone is a dash: "ideals - critics")
            && !matches!(ws[a - 1].text, "-" | "--")
        {
            a -= 1;
        }
        let a = measure_start(ws, a);
        let sp = Span::new(ws[a].span.start(), prev.span.end());
        Some(Found::new(self.slice(sp).to_string(), Some(sp), cue.span))
    }

    /// A verb of saying that may come before its subject: after a quotation or a comma, or
    /// opening the sentence ("…,” said X", "Said X: …").
    fn is_inverted(&self, cue: &Cue) -> bool {
        let before = self.text[self.span.start()..cue.span.start()].trim_end();
        // (a comma closing a relative clause ends an aside after the subject: "the
        // agency, which regulates drugs, said …")
        // (so does one opening with a participle after a name or a short noun phrase:
        // "The company, founded in 1990, said …", "Jo Lee, speaking on radio, said …")
        let relative = before.strip_suffix(',').is_some_and(|b| {
            b.rsplit_once(',').is_some_and(|(subject, aside)| {
                aside.split_whitespace().next().is_some_and(|w| {
                    matches!(w, "who" | "which" | "whose")
                        || (ed_form(w)
                            || w.len() > 5
                                && w.ends_with("ing")
                                && w.bytes().all(|b| b.is_ascii_lowercase()))
                            && short_subject(subject)
                })
            })
        });
        !relative
            && (before.ends_with([',', '"', '”', '’', '\'']) || cue.i == 0)
            && SAY.contains(&cue.lw.as_str())
            // ("…, X, told POLITICO": after "told", the hearer)
            && !(cue.lw == "told" && before.ends_with(','))
    }

    /// The source after an inverted cue: a mention after a title or a description ("said
    /// Rep. X"), or a phrase that is a name or closes the clause ("…, said the minister.",
    /// "said a spokesman in a statement"; "said the videos show" opens the statement).
    fn inverted_source(&self, cue: &Cue) -> Option<Found> {
        let (ws, text, sentence) = (self.ws, self.text, self.span);
        // ("said his campaign manager X": a determiner may open the description, and so
        // may a possessive: "said Clinton's top foreign policy aide X"; two roles may be
        // joined: "said lobbyist and GOP strategist X")
        let described = |between: &str| {
            let b = between.trim_start();
            let rest = b
                .split_once(' ')
                .filter(|(det, rest)| {
                    // ("said Florida's Rick Wilson": a possessive alone is the description)
                    !rest.trim().is_empty()
                        && (DETERMINERS.contains(det)
                            || det.len() > 3
                                && (det.ends_with("’s") || det.ends_with("'s"))
                                && det.starts_with(char::is_uppercase))
                })
                .map_or(b, |(_, rest)| rest);
            is_description_run(rest)
                || rest.split_once(" and ").is_some_and(|(one, two)| {
                    is_description_run(one) && ends_in_role(two.trim_end())
                })
        };
        // ("A, one of its members, said Trump will win", "said Trump's plan is": a name
        // before an auxiliary or as a possessive opens the statement; it is its subject)
        // ("said Gates described the role": before a cue, too)
        let opens_statement = |sp: Span| {
            let rest = text[sp.end()..sentence.end()].trim_start();
            rest.starts_with(['’', '\''])
                || rest
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| AUXILIARIES.contains(&w) || is_cue(w))
        };
        if let Some(m) = self.ms.iter().find(|m| {
            m.label != Label::Norp
                && !opens_statement(m.span)
                && m.span.start() >= cue.span.end()
                && (is_title_run(&text[cue.span.end()..m.span.start()])
                    || described(&text[cue.span.end()..m.span.start()]))
        }) {
            // ("said GOP strategist Jo Lee": an organisation qualifies the description of
            // the person who speaks)
            return Some(self.found_qualified(m, cue.span));
        }
        let closes_clause = |sp: Span| {
            let rest = text[sp.end()..sentence.end()].trim_start();
            let next = rest.split_whitespace().next().unwrap_or("");
            rest.is_empty()
                || rest.starts_with([',', '.', ';', ':', '—', '(', '”', '"'])
                || matches!(
                    next,
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "of"
                        | "to"
                        | "for"
                        | "from"
                        | "with"
                        | "who"
                        | "last"
                        | "this"
                        | "earlier"
                )
        };
        // (after a quotation, the source may be described at length: "…,” said one
        // former city hall aide.")
        let after_quote = text[sentence.start()..cue.span.start()]
            .trim_end()
            .ends_with([',', '"', '”', '’', '\'']);
        let sp = phrase_after(text, ws, cue.i + 1, after_quote).filter(|sp| {
            // (`said, “Let me …`: a quotation's first words are no source; "said he'd
            // like to …": a pronoun opens the statement, as its subject)
            let first = self.slice(*sp).split(['’', '\'', ' ']).next().unwrap_or("");
            !text[cue.span.end()..sp.start()].contains(['"', '“', '‘', ':'])
                && !SUBJECT_PRONOUNS.contains(first)
                && first != "it"
                && (text[sp.start()..].starts_with(char::is_uppercase) && !opens_statement(*sp)
                    || closes_clause(*sp))
        })?;
        // ("said a former spokesman for the ministry, Jo Lee, who …": the person in
        // apposition to the description, perhaps after what it is of, speaks)
        let apposed = |between: &str| {
            let b = between.trim();
            b == ","
                || b.strip_suffix(',').is_some_and(|of| {
                    of.split_whitespace().count() <= 8
                        && !of.contains([',', '"', '“', '”', ';', ':', '(', ')'])
                        && of.split_whitespace().next().is_some_and(|w| {
                            matches!(w, "for" | "at" | "of" | "with" | "from" | "in" | "to")
                        })
                })
        };
        if let Some(p) = self.ms.iter().find(|p| {
            p.label == Label::Person
                && p.span.start() > sp.end()
                && apposed(&text[sp.end()..p.span.start()])
                && text[p.span.end()..sentence.end()]
                    .trim_start()
                    .starts_with([',', '.', ';'])
        }) {
            let mut f = self.found_at(p, cue.span);
            f.source = Some(Span::new(sp.start(), p.span.end()));
            return Some(f);
        }
        Some(Found::new(self.slice(sp).to_string(), Some(sp), cue.span))
    }

    /// "the judge said" where the article names one judge ("Judge Ann Lee"): the speaker
    /// is that person, the words as written stay the source. A role in lower case after
    /// "the", one word, whose title only one person holds; else `f` as it was.
    pub fn held_title(&self, mut f: Found) -> Found {
        let Some(sp) = f.source.filter(|s| s.end() <= f.cue.start()) else {
            return f;
        };
        let written = self.slice(sp);
        let Some(role) = written
            .strip_prefix("the ")
            .or_else(|| written.strip_prefix("The "))
        else {
            return f;
        };
        if role.is_empty() || !role.bytes().all(|b| b.is_ascii_lowercase()) {
            return f;
        }
        let title = role[..1].to_ascii_uppercase() + &role[1..];
        if let Some(p) = self.people.holder(&title) {
            f.speaker = p.name.clone();
        }
        f
    }

    /// A subject of two noun phrases joined by "and", the first opening the sentence, speaks
    /// as one: "Sanders and his supporters argue", "Lee and Park said", "Politicians and
    /// even some technologists say". `f`, found for the second, is widened over the first.
    pub fn coordinated(&self, mut f: Found) -> Found {
        let (text, ws) = (self.text, self.ws);
        let Some(src) = f.source.filter(|s| s.end() <= f.cue.start()) else {
            return f;
        };
        if f.written.is_some() {
            return f;
        }
        let mut j = ws.partition_point(|w| w.span.start() < src.start());
        if j > 0 && matches!(ws[j - 1].text, "even" | "also") {
            j -= 1;
        }
        let Some(and) = j.checked_sub(1).filter(|&a| a > 0 && ws[a].text == "and") else {
            return f;
        };
        // (no comma before "and": "A, and B said" is two clauses)
        if !text[ws[and - 1].span.end()..ws[and].span.start()]
            .trim_start_matches(['’', '\'', 's'])
            .trim()
            .is_empty()
        {
            return f;
        }
        let gap = |a: usize, b: usize| text[a..b].trim().is_empty();
        let first = self
            .ms
            .iter()
            .find(|m| {
                m.span.end() <= ws[and].span.start() && gap(m.span.end(), ws[and].span.start())
            })
            .map(|m| (m.span, self.full_name(self.slice(m.span), m.label)))
            .or_else(|| {
                let d = description_before(text, ws, and).or_else(|| {
                    // (a bare plural opening the sentence: "Politicians and …")
                    let w = &ws[and - 1];
                    let plural = and == 1
                        && w.text.len() > 3
                        && w.text.ends_with('s')
                        && w.text.starts_with(char::is_uppercase)
                        && w.text.chars().skip(1).all(char::is_lowercase)
                        && !not_a_name(w.text);
                    plural.then_some(w.span)
                })?;
                Some((d, self.slice(d).to_string()))
            });
        let Some((first, name)) = first else {
            return f;
        };
        let opens = text[self.opens_at.max(self.span.start())..first.start()]
            .split_whitespace()
            .all(|w| CONNECTIVES.contains(w.trim_end_matches(',')));
        if opens && self.unquoted_at(first.start()) {
            f.speaker = format!("{name} and {}", f.speaker);
            f.source = Some(Span::new(first.start(), src.end()));
        }
        f
    }

    /// "…,” said he.": a pronoun after an inverted cue that closes the clause (in "said it
    /// was" it opens the statement) stands for the latest person, or the last thing.
    fn inverted_pronoun(&self, cue: &Cue) -> Option<Found> {
        let (ws, text) = (self.ws, self.text);
        let j = cue.i + 1;
        let rest = ws.get(j)?;
        let closes = ws.get(j + 1).is_none_or(|x| {
            text[rest.span.end()..x.span.start()].contains([',', '.', ';', ':', '—'])
        });
        if !closes {
            return None;
        }
        let who = if PRONOUNS_PERSON.contains(&rest.text) {
            self.recent
                .for_pronoun(rest.text, self.people)
                .map(|p| (p.name.clone(), p.span))
        } else if PRONOUNS_THING.contains(&rest.text) {
            self.last_thing.cloned()
        } else {
            None
        };
        let (n, sp) = who?;
        Some(Found::new(n, Some(sp), cue.span))
    }

    /// A pronoun or a title opening a sentence with no other attribution, its cue later
    /// on: "She sought clarification … and observed".
    fn opening_pronoun(&self, cue: &Cue, founds: &[Found]) -> Option<Found> {
        let (ws, people) = (self.ws, self.people);
        let first = ws
            .first()
            .filter(|f| PRONOUNS_PERSON.contains(&f.text) || TITLE_SUBJECTS.contains(&f.text))
            .filter(|_| founds.is_empty())?;
        let title = TITLE_SUBJECTS
            .contains(&first.text)
            .then(|| title_before(ws, 1))
            .flatten()
            .and_then(|t| people.holder(&t));
        let p = title.or_else(|| self.recent.for_pronoun(first.text, people))?;
        Some(Found::new(p.name.clone(), Some(p.span), cue.span))
    }

    /// A participle after the main clause, or a verb of saying well into a sentence with no
    /// other attribution: the sentence's subject, an unquoted mention in its first four
    /// words ("Sybiha took a stance, urging …"; "from claiming asylum" is no participle
    /// clause).
    fn sentence_subject(&self, cue: &Cue, founds: &[Found]) -> Option<Found> {
        let (ws, text, i, lw) = (self.ws, self.text, cue.i, cue.lw.as_str());
        let and_verb = i > 0 && matches!(ws[i - 1].text, "and" | "but");
        // ("X made news by saying …", "After saying …, X left": a gerund after "by",
        // "after" or "before" is the subject's act; after any other preposition it may be
        // an object's, "barred him from claiming")
        let subject_gerund = lw.ends_with("ing")
            && matches!(
                ws[i.saturating_sub(1)].text,
                "by" | "after" | "before" | "After" | "Before"
            );
        let after_preposition = i > 0 && governed(ws, i) && !subject_gerund;
        if !founds.is_empty()
            || after_preposition
            || !(lw.ends_with("ing") || (i > 3 && (is_saying(lw) || and_verb)))
        {
            return None;
        }
        // ("After the Paris attacks, Trump released …", "In Ames, Iowa, on Sunday, Mrs.
        // Clinton tried …": after an opening phrase, the subject follows its comma)
        let opening_phrase = ws.first().is_some_and(|w| {
            OPENING_PREPOSITIONS.contains(w.text) || SUBORDINATORS.contains(w.text)
        });
        let after_comma = opening_phrase
            .then(|| {
                self.ms
                    .iter()
                    .filter(|m| m.label != Label::Norp && m.span.start() < cue.span.start())
                    .find(|m| {
                        let before = text[self.span.start()..m.span.start()].trim_end();
                        // (or a title between: "On Monday, Police Chief Ann Lee urged …")
                        // (read in the last words only: a run-on sentence of a megabyte
                        // stays linear)
                        let titled = || {
                            let from = (before.len().saturating_sub(64)..before.len())
                                .find(|&b| before.is_char_boundary(b))
                                .unwrap_or(before.len());
                            m.label == Label::Person
                                && before[from..].rsplit_once(',').is_some_and(|(_, t)| {
                                    t.trim_start().starts_with(char::is_uppercase)
                                        && is_description_run(t)
                                })
                        };
                        (before.ends_with(',') || titled())
                            && !text[m.span.end()..cue.span.start()]
                                .trim_start()
                                .starts_with(',')
                    })
            })
            .flatten();
        // (a name ending the opening phrase, at most three words before its comma, is
        // where or when, no subject: "In Paris, the minister, who …, said", "For Clinton
        // allies, …"; "When X did take Y on, he …" has a clause)
        // ("Even X, a supporter, said": "Even" alone opens no phrase)
        let comma = (opening_phrase
            && ws
                .first()
                .is_some_and(|w| !matches!(w.text, "Even" | "Almost" | "Nearly")))
        .then(|| text[self.span.start()..cue.span.start()].find(','))
        .flatten()
        .map(|c| self.span.start() + c);
        let in_phrase = |m: &Mention| {
            comma.is_some_and(|c| {
                m.span.end() <= c && text[m.span.end()..c].split_whitespace().count() <= 3
            })
        };
        let m = after_comma
            .or_else(|| {
                self.ms
                    .iter()
                    .find(|m| m.label != Label::Norp && !in_phrase(m))
            })
            .filter(|m| {
                let from = if after_comma.is_some() {
                    text[self.span.start()..m.span.start()]
                        .rfind(',')
                        .map_or(self.span.start(), |c| self.span.start() + c + 1)
                } else {
                    self.span.start()
                };
                self.unquoted(m)
                    && m.span.start() < cue.span.start()
                    && text[from..m.span.start()].split_whitespace().count() <= 4
            });
        // ("Europe's data regulators fined …, saying": a name owning the people who are
        // the subject is no subject)
        if let Some(owned) = m.and_then(|m| self.owned_people(m, cue.span, after_comma.is_some())) {
            return owned;
        }
        match m {
            Some(m) => match self.person_in_apposition(m, cue.span) {
                Some(p) => Some(self.found_at(p, cue.span)),
                // ("Former Arkansas Gov. Mike Huckabee, for his part, is labeling …")
                None => Some(self.found_qualified(m, cue.span)),
            },
            None => self.opening_description(cue),
        }
    }

    /// When mention `m` owns people before the cue ("Europe's data regulators", "Gore's
    /// close friends and allies"; not "Trump's tweet", whose maker speaks), who speaks: the
    /// person in apposition to them ("Sanders's campaign manager, Jeff Weaver,"), else
    /// the people as written when the name opens the sentence (`after_comma`: after an
    /// opening phrase), else no one (`Some(None)`). `None` when `m` owns no people.
    fn owned_people(&self, m: &Mention, cue: Span, after_comma: bool) -> Option<Option<Found>> {
        let text = self.text;
        if m.span.end() > cue.start() {
            return None;
        }
        let (mut end, mut people) = (None, false);
        for (word, word_end) in owned_words(text, m.span.end(), 5) {
            if word.is_empty()
                || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                || AUXILIARIES.contains(&word)
                || is_cue(word)
                || is_gap_word(word)
                || CLAUSE_WORDS.contains(word)
            {
                break;
            }
            people |= names_people(word);
            if word != "and" {
                end = Some(word_end);
            }
        }
        let end = end.filter(|_| people)?;
        let desc = Span::new(m.span.start(), end);
        // (or named right after the role: "the Journal's deputy editor Bret Stephens")
        let apposed = self.ms.iter().find(|p| {
            p.label == Label::Person
                && p.span.start() >= end
                && match &text[end..p.span.start()] {
                    ", " => text[p.span.end()..].starts_with(','),
                    gap => gap == " ",
                }
        });
        if let Some(p) = apposed {
            let mut f = self.found_at(p, cue);
            f.source = Some(Span::new(desc.start(), p.span.end()));
            return Some(Some(f));
        }
        // (the name opens the sentence, perhaps after an opening phrase's comma)
        let opens = after_comma
            || matches!(
                text[self.opens_at.min(m.span.start())..m.span.start()].trim(),
                "" | "The" | "the"
            );
        Some(opens.then(|| Found::new(self.slice(desc).to_string(), Some(desc), cue)))
    }

    /// The attribution to mention `m`, or, when `m` is an organisation or a place that
    /// qualifies a person's title ("GOP strategist Jo Lee", "Arkansas Gov. Mike
    /// Huckabee"), to that person, the source running from `m` to the person.
    fn found_qualified(&self, m: &Mention, cue: Span) -> Found {
        let text = self.text;
        let person = (m.label != Label::Person)
            .then(|| {
                self.ms.iter().find(|p| {
                    p.label == Label::Person
                        && p.span.start() > m.span.end()
                        // (on the cue's side: a subject before it, an inverted one after)
                        && (m.span.end() > cue.start() || p.span.end() <= cue.start())
                        && is_description_run(&text[m.span.end()..p.span.start()])
                })
            })
            .flatten();
        match person {
            Some(p) => {
                let mut f = self.found_at(p, cue);
                f.source = Some(Span::new(m.span.start(), p.span.end()));
                f
            }
            None => self.found_at(m, cue),
        }
    }

    /// A participle after a comma, or a second verb after "and" or "but", whose clause
    /// opens with a description: "His chief aide doubled down on the attacks, saying …",
    /// "The company keeps its books closed but says …" (the description is the speaker).
    fn opening_description(&self, cue: &Cue) -> Option<Found> {
        let (ws, text, i) = (self.ws, self.text, cue.i);
        // (a parenthesis may close before the comma: "fined it €380 million ($410
        // million), saying")
        let participle = cue.lw.ends_with("ing")
            && is_saying(&cue.lw)
            && i > 1
            && matches!(
                text[ws[i - 1].span.end()..cue.span.start()].trim(),
                "," | "),"
            );
        // ("The company keeps its books closed but says …": the subject's second verb)
        let second_verb = is_saying(&cue.lw)
            && !cue.lw.ends_with("ing")
            && i > 2
            && matches!(ws[i - 1].text, "and" | "but")
            && text[ws[i - 2].span.end()..ws[i - 1].span.start()].trim().is_empty()
            // (with its statement as a clause: "and recalled the figure of …" reports none)
            && subject::clause_follows(text, ws, i);
        if !(participle || second_verb) || self.quoted.first().copied().unwrap_or(true) {
            return None;
        }
        let first = ws.first()?.span.start();
        // the description ends before the main verb, a few words in (perhaps a day
        // between: "Europe's regulators on Thursday fined …")
        (2..=5.min(i - 1)).find_map(|j| {
            let sp = description_before(text, ws, j).filter(|sp| sp.start() == first)?;
            let day =
                ws[j].text == "on" && ws.get(j + 1).is_some_and(|d| weekday(d.text)) && j + 2 < i;
            let verb = ws[if day { j + 2 } else { j }].text;
            let verb_like = verb.len() > 3 && verb.ends_with("ed")
                || MAIN_VERBS.contains(verb)
                // ("The company keeps …": a verb in "-s" after a singular description)
                || second_verb
                    && verb.len() > 3
                    && verb.ends_with('s')
                    && !verb.ends_with("ss")
                    && verb.starts_with(|c: char| c.is_ascii_lowercase())
                    && !ws[j - 1].text.ends_with('s');
            verb_like.then(|| self.found_described(sp, cue.span))
        })
    }

    /// After the cues: a quotation signed after a dash ("“…” ― Jane Roe").
    pub fn signed(&self) -> Option<Found> {
        let (name, sp, dash) = signed_quotation(self.text, self.span, self.ms)?;
        let name = match self.ms.iter().find(|m| m.span == sp) {
            Some(m) => self.full_name(&name, m.label),
            None => name,
        };
        Some(Found::new(name, Some(sp), dash))
    }

    /// After the cues: a name and a colon opening the sentence ("Mayor Ortiz: The levy will
    /// hold", "Q: Did you know?"); the colon is the cue.
    pub fn colon_opening(&self) -> Option<Found> {
        let (sp, colon) = colon_source(self.text, self.ws, self.span)?;
        // ("Rubio: Finish second.", "Carson: A miracle.": a list's label and a few words
        // of the writer's; a transcript's speaker is in capitals, "TRUMP: Wrong.", and a
        // headline's is short, "Khans: Trump stirs 'ugliness'")
        let shouted = !self.slice(sp).chars().any(char::is_lowercase);
        let words_after = self
            .ws
            .iter()
            .filter(|w| w.span.start() >= colon.end())
            .count();
        if words_after <= 3 && !shouted && !self.in_heading {
            return None;
        }
        let name = match self.ms.iter().find(|m| m.span == sp) {
            // (a place heads a list or a section: "Iowa: A, B, C")
            Some(m) if matches!(m.label, Label::Gpe | Label::Loc) => return None,
            Some(m) => self.full_name(self.slice(sp), m.label),
            None => self.slice(sp).to_string(),
        };
        let mut f = Found::new(name, Some(sp), colon);
        f.written = Some(sp);
        Some(f)
    }
}

/// What an earlier attribution in the sentence makes of a cue.
enum Another {
    /// There is none.
    None,
    /// A second verb of the same subject: its attribution.
    SameSubject(Found),
    /// No attribution.
    Not,
    /// It may be one, with a subject of its own (`true`: only so, not inverted).
    OwnSubjectOnly(bool),
}

/// Lower-case words before "called" that are no noun it names: pronouns, auxiliaries,
/// adverbs of time, conjunctions ("they called", "has called", "then called").
const NAMING_NOT_NOUNS: crate::core::WordSet = crate::core::word_set!(
    "they|she|you|who|which|that|and|but|has|have|had|was|were|also|then|later|once|twice|first|again|never|ever|all|both|not|just|still|been|being"
);

/// Nouns of words and thoughts a person shares: "shared her views", "shared a statement".
const THINGS_SAID: crate::core::WordSet = crate::core::word_set!(
    "view|views|thoughts|thought|concern|concerns|story|stories|message|messages|details|\
     information|experience|experiences|news|statement|letter|post|tweet|video|photo|\
     memories|memory|insights|findings|results|data|plans|plan|vision|hopes|fears|opinion|\
     opinions|perspective|account|testimony|remarks|words|advice|feelings|belief|beliefs|\
     conviction|assessment|analysis|report|email|note|update|recollection|anecdote|\
     anxiety|frustration|excitement|worries|worry|doubts|sentiments|sentiment|joy|grief"
);

/// Prepositions, conjunctions and relative words: each ends a noun phrase ("according to
/// Iowa voters in …", "officials who").
const PHRASE_ENDERS: crate::core::WordSet =
    crate::core::word_set!("and|but|or|from|in|on|at|for|of|who|with|by|to|as|that|than");

/// Whether a word may be a lower-case common noun inside a noun phrase: three letters or
/// more, lower case (or a hyphen), and no determiner, pronoun, quantifier, preposition,
/// conjunction or relative word ("military" in "American military officials", "slot" in
/// "a key speaking slot").
fn is_common_noun(x: &str) -> bool {
    x.len() > 2
        && x.chars().all(|c| c.is_lowercase() || c == '-')
        && !NOT_NOUNS.contains(&x)
        && !DETERMINERS.contains(&x)
        && !PHRASE_ENDERS.contains(x)
}

/// An article or a possessive pronoun: what opens a noun phrase ("the alleged shooter",
/// "their states").
const ARTICLES: crate::core::WordSet =
    crate::core::word_set!("the|a|an|his|her|its|their|our|my|your");

/// Words after which "state" is the noun, besides `ARTICLES`: "these states", "federal and
/// state offices", "swing states".
const NOUN_MARKERS: crate::core::WordSet = crate::core::word_set!("this|these|those|each|every|other|many|several|all|both|most|some|which|whose|and|or|of|in|across|federal|local|swing|battleground|key|member|home|nation|police");

/// Words that open a clause or a phrase after a noun: where the people a name owns end
/// ("Europe's regulators on Thursday", "Gore's friends who …").
const CLAUSE_WORDS: crate::core::WordSet = crate::core::word_set!(
    "on|in|at|of|for|with|from|to|by|who|that|which|whose|as|after|before|during|over"
);

/// Whether `subject`, the words before an aside, reads as a short noun phrase opening a
/// sentence: a name in capitals ("Jo Lee", "Acme Foods") or a determiner and at most four
/// words ("The company"), with no comma, quotation mark or auxiliary ("The plan is bad").
fn short_subject(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    let name = words.len() <= 4 && words.iter().all(|w| w.starts_with(char::is_uppercase));
    let phrase = words.len() <= 5
        && matches!(
            *first,
            "The" | "A" | "An" | "Its" | "His" | "Her" | "Their" | "This"
        )
        && !rest.iter().any(|w| AUXILIARIES.contains(w));
    !subject.contains([',', '"', '“', '”']) && (name || phrase)
}

/// The words a name owns after its "'s" (`name_end`: where the name ends in `text`), at
/// most `max`, each with where it ends in `text`, its closing punctuation left out; they
/// stop after a word punctuation closes ("Kalmar's statistics agency, …"). None when no
/// "'s" follows the name.
fn owned_words(text: &str, name_end: usize, max: usize) -> Vec<(&str, usize)> {
    let after = text.get(name_end..).unwrap_or("");
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return Vec::new();
    };
    let mut at = text.len() - rest.len();
    let mut out = Vec::new();
    for w in rest.split(' ').take(max) {
        let word =
            w.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
        out.push((word, at + word.len()));
        if word.len() != w.len() {
            break;
        }
        at += w.len() + 1;
    }
    out
}
