//! Cues of attribution: verbs of saying, of stance and of attitude, by lemma, with every
//! inflected form made by English morphology (and the irregular ones written out). The
//! list is general English, the classes of PARC's and PolNeAR's guidelines (speech acts,
//! beliefs, intentions, stances, findings, media); no entry is taken from a corpus.

use super::super::annotation::ClaimType;
use crate::core::hash::{FastMap, WordFilter};

/// What a cue says about the attributed statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    Say,
    Accuse,
    Promise,
    Predict,
    Opinion,
}

/// One lemma a line: lemma, past, present participle ("-" when regular), class letter
/// (s say, a accuse, p promise, f predict, o opinion). One string, not a table of string
/// slices: a third of the download for the same words.
const LEMMAS: &str = "\
say said - s\n\
tell told - s\n\
state - - s\n\
mention - - s\n\
note - - s\n\
indicate - - s\n\
acknowledge - - s\n\
claim - - s\n\
add - - s\n\
argue - - o\n\
insist - - s\n\
announce - - s\n\
declare - - s\n\
assert - - s\n\
report - - s\n\
confirm - - s\n\
deny - - s\n\
explain - - s\n\
write wrote - s\n\
reiterate - - s\n\
repeat - - s\n\
emphasize - - s\n\
emphasise - - s\n\
stress - - s\n\
suggest - - s\n\
comment - - s\n\
remark - - s\n\
maintain - - s\n\
concede - - s\n\
highlight - - s\n\
underscore - - s\n\
inform - - s\n\
recall - - s\n\
observe - - s\n\
cite - - s\n\
quote - - s\n\
admit admitted admitting s\n\
reveal - - s\n\
disclose - - s\n\
describe - - s\n\
ask - - s\n\
answer - - s\n\
reply - - s\n\
respond - - s\n\
agree agreed agreeing s\n\
disagree disagreed disagreeing s\n\
question - - s\n\
testify - - s\n\
contend - - s\n\
counter - - s\n\
retort - - s\n\
tweet - - s\n\
post - - s\n\
joke - - s\n\
quip quipped quipping s\n\
boast - - s\n\
complain - - s\n\
lament - - s\n\
clarify - - s\n\
signal - - s\n\
hint - - s\n\
imply - - s\n\
point - - s\n\
recount - - s\n\
conclude - - s\n\
find found - s\n\
show showed - s\n\
estimate - - f\n\
predict - - f\n\
forecast forecast - f\n\
warn - - f\n\
caution - - f\n\
threaten - - f\n\
expect - - f\n\
accuse - - a\n\
allege - - a\n\
charge - - a\n\
criticize - - a\n\
criticise - - a\n\
condemn - - a\n\
blame - - a\n\
attack - - a\n\
slam slammed slamming a\n\
blast - - a\n\
mock - - a\n\
dismiss - - a\n\
reject - - o\n\
oppose - - o\n\
defend - - o\n\
endorse - - o\n\
praise - - o\n\
hail - - o\n\
welcome - - o\n\
urge - - s\n\
demand - - s\n\
call - - s\n\
recommend - - s\n\
propose - - s\n\
promise - - p\n\
pledge - - p\n\
vow - - p\n\
assure - - p\n\
reassure - - p\n\
guarantee guaranteed guaranteeing p\n\
believe - - o\n\
think thought - o\n\
feel felt - o\n\
fear - - o\n\
worry - - o\n\
hope - - o\n\
doubt - - o\n\
wonder - - o\n\
know knew - o\n\
want - - o\n\
consider - - o\n\
express - - s\n\
voice - - s\n\
discuss - - s\n\
read read - s\n\
share - - s\n\
relay - - s\n\
preview - - s\n\
press - - s\n\
speak spoke - s\n\
plan planned planning o\n\
intend - - o\n\
aim - - o\n\
seek sought - o\n\
refuse - - o\n\
decline - - o\n\
decide - - o\n\
commit committed committing p\n\
swear swore - p\n\
support - - o\n\
favor - - o\n\
favour - - o\n\
prefer preferred preferring o\n\
advocate - - o\n\
champion - - o\n\
applaud - - o\n\
laud - - o\n\
tout - - o\n\
thank - - o\n\
commend - - o\n\
denounce - - a\n\
decry - - a\n\
assail - - a\n\
lambaste - - a\n\
chastise - - a\n\
rebuke - - a\n\
scold - - a\n\
deride - - a\n\
ridicule - - a\n\
challenge - - o\n\
dispute - - o\n\
label labeled labeling o\n\
dub dubbed dubbing o\n\
brand - - o\n\
portray - - o\n\
characterize - - o\n\
characterise - - o\n\
compare - - o\n\
liken - - o\n\
echo - - s\n\
recognize - - o\n\
recognise - - o\n\
learn - - o\n\
realize - - o\n\
realise - - o\n\
understand understood - o\n\
assume - - o\n\
suspect - - o\n\
reckon - - o\n\
envision - - o\n\
anticipate - - f\n\
imagine - - o\n\
remember - - o\n\
view - - o\n\
regard - - o\n\
deem - - o\n\
shout - - s\n\
yell - - s\n\
chant - - s\n\
scream - - s\n\
exclaim - - s\n\
whisper - - s\n\
retweet - - s\n\
proclaim - - s\n\
affirm - - s\n\
reaffirm - - s\n\
vouch - - s\n\
plead pleaded - s\n\
beg begged begging s\n\
implore - - s\n\
encourage - - s\n\
instruct - - s\n\
remind - - s\n\
refer referred referring s\n\
talk - - s\n\
brag bragged bragging s\n\
speculate - - f\n\
posit - - s\n\
confess - - s\n\
scoff - - a\n\
calculate - - f\n\
determine - - s\n\
illustrate - - s\n\
outline - - s\n\
chronicle - - s\n\
invoke - - s";

fn class_letter(c: &str) -> CueClass {
    match c {
        "a" => CueClass::Accuse,
        "p" => CueClass::Promise,
        "f" => CueClass::Predict,
        "o" => CueClass::Opinion,
        _ => CueClass::Say,
    }
}

/// (lemma, past, participle, class) of each line of `LEMMAS`.
fn lemmas() -> impl Iterator<Item = (&'static str, &'static str, &'static str, CueClass)> {
    LEMMAS.lines().filter_map(|l| {
        let mut f = l.split(' ');
        let lemma = f.next()?;
        let regular = |x: &'static str| if x == "-" { "" } else { x };
        let past = regular(f.next()?);
        let ing = regular(f.next()?);
        Some((lemma, past, ing, class_letter(f.next()?)))
    })
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

/// The forms of one lemma: itself, third person, past, participle.
fn forms(lemma: &str, past: &str, ing: &str) -> [String; 4] {
    let third =
        if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
            format!("{lemma}es")
        } else if ends_consonant_y(lemma) {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}s")
        };
    let past = if !past.is_empty() {
        past.to_string()
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if ends_consonant_y(lemma) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    };
    let ing = if !ing.is_empty() {
        ing.to_string()
    } else if lemma.ends_with('e') && !lemma.ends_with("ee") {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    };
    [lemma.to_string(), third, past, ing]
}

/// What the scanner needs to know about one word form (lower case): the cue class, and
/// the word lists below it belongs to. One table made once, so each word of an article is
/// one lookup, never a walk over the lists making forms.
#[derive(Clone, Copy, Default)]
struct Entry {
    class: Option<CueClass>,
    nounish: bool,
    needs_to: bool,
    control: bool,
    /// A cue's past form ("said", "warned") or its present's third person ("says").
    past: bool,
    third: bool,
}

/// Every cue form and every form of the lists below, with what it is; with a filter of
/// those forms, which rules out most words with no hashing.
fn table() -> &'static (WordFilter, FastMap<String, Entry>) {
    static TABLE: std::sync::OnceLock<(WordFilter, FastMap<String, Entry>)> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: FastMap<String, Entry> = FastMap::default();
        for (l, p, i, c) in lemmas() {
            // (the forms are the bare one, the third person, the past, the participle)
            for (n, f) in forms(l, p, i).into_iter().enumerate() {
                let e = m.entry(f).or_default();
                e.class = Some(c);
                e.needs_to |= BEFORE_TO.contains(&l);
                e.third |= n == 1;
                e.past |= n == 2;
            }
        }
        // "…,” he continued: only the past tense reports; "continues to" does not
        let continued = m.entry("continued".to_string()).or_default();
        continued.class = Some(CueClass::Say);
        continued.past = true;
        for l in NOUNISH {
            let [bare, third, ..] = forms(l, "", "");
            for f in [bare, third] {
                m.entry(f).or_default().nounish = true;
            }
        }
        for entry in CONTROL.split_whitespace() {
            let mut parts = entry.split('/');
            let lemma = parts.next().unwrap_or("");
            let past = parts.next().unwrap_or("");
            let ing = parts.next().unwrap_or("");
            for f in forms(lemma, past, ing) {
                m.entry(f).or_default().control = true;
            }
        }
        let mut filter = WordFilter::default();
        for f in m.keys() {
            filter.insert(f.as_bytes());
        }
        (filter, m)
    })
}

/// What `word` (any case) is in the table, if anything.
fn lookup(word: &str) -> Option<Entry> {
    // the table's forms are 2 to 16 letters: most words are answered without hashing
    if word.len() < 2 || word.len() > 16 {
        return None;
    }
    let (filter, table) = table();
    // (the forms are in lower case)
    if !filter.may_hold_lower_case_of(word.as_bytes()) {
        return None;
    }
    // (lowered on the stack: the forms are 16 bytes at most)
    let mut lower = [0u8; 16];
    let w = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = lower.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).ok()?
    } else {
        word
    };
    table.get(w).copied()
}

/// The class of a cue word (any case), if it is one.
pub fn class_of(word: &str) -> Option<CueClass> {
    // cue forms are 3 to 14 letters
    if word.len() < 3 || word.len() > 14 {
        return None;
    }
    lookup(word).and_then(|e| e.class)
}

/// A cue's finite form (any case), if it is one: `true` for the past ("warned", "said",
/// "thought"), `false` for the present's third person ("warns", "argues").
pub fn finite_form(word: &str) -> Option<bool> {
    let e = lookup(word).filter(|e| e.class.is_some())?;
    if e.past {
        Some(true)
    } else if e.third {
        Some(false)
    } else {
        None
    }
}

/// Lemmas whose bare and "-s" forms are also everyday nouns ("media reports", "police
/// posts"): as those forms they are cues only after a named or pronoun subject.
const NOUNISH: &[&str] = &[
    "report",
    "post",
    "question",
    "point",
    "charge",
    "call",
    "demand",
    "show",
    "claim",
    "hope",
    "fear",
    "doubt",
    "comment",
    "answer",
    "remark",
    "note",
    "attack",
    "quote",
    "reply",
    "estimate",
    "forecast",
    "promise",
    "pledge",
    "vow",
    "blast",
    "joke",
    "tweet",
    "signal",
    "hint",
    "counter",
    "find",
    "read",
    "share",
    "press",
    "voice",
    "state",
    "concern",
    "caution",
    "question",
    "praise",
    "blame",
    "mock",
    "dismiss",
    "welcome",
    "hail",
    "defend",
    "guarantee",
    "boast",
    "complain",
    "lament",
    "relay",
    "preview",
    "discuss",
    "express",
    "worry",
    "cite",
    "plan",
    "aim",
    "decline",
    "support",
    "favor",
    "favour",
    "advocate",
    "champion",
    "thank",
    "rebuke",
    "ridicule",
    "challenge",
    "dispute",
    "label",
    "brand",
    "echo",
    "suspect",
    "view",
    "regard",
    "shout",
    "chant",
    "scream",
    "whisper",
    "retweet",
    "talk",
    "outline",
    "chronicle",
];

/// A form that is as likely a noun as a verb (see `NOUNISH`).
pub fn is_nounish(word: &str) -> bool {
    lookup(word).is_some_and(|e| e.nounish)
}

/// Lemmas that report an intention only before an infinitive: "aims to", "committed to",
/// "declined to comment", "plans to" (not "aimed at", "committed $3 billion", "sales
/// declined", "planned the route").
const BEFORE_TO: &[&str] = &["aim", "commit", "decline", "plan", "intend"];

/// A form of a lemma that is a cue only when "to" follows (see `BEFORE_TO`).
pub fn needs_to(word: &str) -> bool {
    lookup(word).is_some_and(|e| e.needs_to)
}

/// Verbs and adjectives that take a subject's infinitive, so the cue after "to" has their
/// subject: "wants to", "continues to insist", "has to explain", "is likely to say". Each
/// lemma is `lemma`, or `lemma/past/participle` when irregular; bare words stand as they
/// are.
const CONTROL: &str = "want wish need try seem appear continue begin/began/beginning start \
hope plan/planned/planning refuse decline fail agree promise vow threaten attempt intend \
expect prepare choose/chose/choosing decide aim seek/sought tend use go/went/going \
have/had/having get/got/getting manage rush move work struggle hesitate dare bother care \
love like hate prefer/preferred/preferring pledge pretend offer ask \
begun chosen gone able unable likely unlikely willing unwilling eager ready reluctant \
about set due";

/// A word that passes its subject on to an infinitive after it (see `CONTROL`).
pub fn is_control(word: &str) -> bool {
    word.len() >= 3
        && !word.bytes().any(|b| b.is_ascii_uppercase())
        && lookup(word).is_some_and(|e| e.control)
}

/// A cue of saying ("said", "told", "added"), as opposed to stance or attitude.
pub fn is_saying(word: &str) -> bool {
    class_of(word) == Some(CueClass::Say)
}

pub fn is_cue(word: &str) -> bool {
    class_of(word).is_some()
}

/// The claim type a cue suggests: "accused" an accusation, "promised" a promise.
pub fn kind_for_cue(cue: &str) -> ClaimType {
    match class_of(cue.split_whitespace().next().unwrap_or("")) {
        Some(CueClass::Accuse) => ClaimType::Accusation,
        Some(CueClass::Promise) => ClaimType::Promise,
        Some(CueClass::Predict) => ClaimType::Prediction,
        Some(CueClass::Opinion) => ClaimType::Opinion,
        _ => ClaimType::Factual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        for w in [
            "said", "says", "saying", "told", "claims", "claiming", "argues", "arguing", "notes",
            "asks", "adding", "citing", "explains", "calling", "slammed", "blasts", "hopes",
            "worried", "worries", "denies", "denied", "admitted", "tweeted", "wrote", "Says",
            "Slams", "thought", "quipped", "agreeing", "urging",
        ] {
            assert!(is_cue(w), "{w}");
        }
        for w in ["the", "slamed", "sayed", "table", "saids"] {
            assert!(!is_cue(w), "{w}");
        }
        // the filter before the table reads words in lower case: every form is
        let (filter, forms) = table();
        for f in forms.keys() {
            assert!(!f.bytes().any(|b| b.is_ascii_uppercase()), "{f}");
            assert!(filter.may_hold_lower_case_of(f.to_ascii_uppercase().as_bytes()));
        }
    }

    #[test]
    fn nounish_forms() {
        assert!(is_nounish("reports"));
        assert!(is_nounish("Posts"));
        assert!(!is_nounish("reported"));
        assert!(!is_nounish("said"));
    }

    #[test]
    fn classes_give_claim_types() {
        assert_eq!(kind_for_cue("accused"), ClaimType::Accusation);
        assert_eq!(kind_for_cue("vowed"), ClaimType::Promise);
        assert_eq!(kind_for_cue("warns"), ClaimType::Prediction);
        assert_eq!(kind_for_cue("believes"), ClaimType::Opinion);
        assert_eq!(kind_for_cue("said"), ClaimType::Factual);
    }
}
