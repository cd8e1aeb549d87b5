//! Cues of attribution: verbs of saying, of stance and of attitude, by lemma, with every
//! inflected form made by English morphology (and the irregular ones written out). The
//! list is general English, the classes of PARC's and PolNeAR's guidelines (speech acts,
//! beliefs, intentions, stances, findings, media); no entry is taken from a corpus.

use super::super::annotation::ClaimType;

/// What a cue says about the attributed statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    Say,
    Accuse,
    Promise,
    Predict,
    Opinion,
}

/// (lemma, past, present participle, class): an empty form is regular.
const LEMMAS: &[(&str, &str, &str, CueClass)] = {
    use CueClass::*;
    &[
        ("say", "said", "", Say),
        ("tell", "told", "", Say),
        ("state", "", "", Say),
        ("mention", "", "", Say),
        ("note", "", "", Say),
        ("indicate", "", "", Say),
        ("acknowledge", "", "", Say),
        ("claim", "", "", Say),
        ("add", "", "", Say),
        ("argue", "", "", Opinion),
        ("insist", "", "", Say),
        ("announce", "", "", Say),
        ("declare", "", "", Say),
        ("assert", "", "", Say),
        ("report", "", "", Say),
        ("confirm", "", "", Say),
        ("deny", "", "", Say),
        ("explain", "", "", Say),
        ("write", "wrote", "", Say),
        ("reiterate", "", "", Say),
        ("repeat", "", "", Say),
        ("emphasize", "", "", Say),
        ("emphasise", "", "", Say),
        ("stress", "", "", Say),
        ("suggest", "", "", Say),
        ("comment", "", "", Say),
        ("remark", "", "", Say),
        ("maintain", "", "", Say),
        ("concede", "", "", Say),
        ("highlight", "", "", Say),
        ("underscore", "", "", Say),
        ("inform", "", "", Say),
        ("recall", "", "", Say),
        ("observe", "", "", Say),
        ("cite", "", "", Say),
        ("quote", "", "", Say),
        ("admit", "admitted", "admitting", Say),
        ("reveal", "", "", Say),
        ("disclose", "", "", Say),
        ("describe", "", "", Say),
        ("ask", "", "", Say),
        ("answer", "", "", Say),
        ("reply", "", "", Say),
        ("respond", "", "", Say),
        ("agree", "agreed", "agreeing", Say),
        ("disagree", "disagreed", "disagreeing", Say),
        ("question", "", "", Say),
        ("testify", "", "", Say),
        ("contend", "", "", Say),
        ("counter", "", "", Say),
        ("retort", "", "", Say),
        ("tweet", "", "", Say),
        ("post", "", "", Say),
        ("joke", "", "", Say),
        ("quip", "quipped", "quipping", Say),
        ("boast", "", "", Say),
        ("complain", "", "", Say),
        ("lament", "", "", Say),
        ("clarify", "", "", Say),
        ("signal", "", "", Say),
        ("hint", "", "", Say),
        ("imply", "", "", Say),
        ("point", "", "", Say),
        ("recount", "", "", Say),
        ("conclude", "", "", Say),
        ("find", "found", "", Say),
        ("show", "showed", "", Say),
        ("estimate", "", "", Predict),
        ("predict", "", "", Predict),
        ("forecast", "forecast", "", Predict),
        ("warn", "", "", Predict),
        ("caution", "", "", Predict),
        ("threaten", "", "", Predict),
        ("expect", "", "", Predict),
        ("accuse", "", "", Accuse),
        ("allege", "", "", Accuse),
        ("charge", "", "", Accuse),
        ("criticize", "", "", Accuse),
        ("criticise", "", "", Accuse),
        ("condemn", "", "", Accuse),
        ("blame", "", "", Accuse),
        ("attack", "", "", Accuse),
        ("slam", "slammed", "slamming", Accuse),
        ("blast", "", "", Accuse),
        ("mock", "", "", Accuse),
        ("dismiss", "", "", Accuse),
        ("reject", "", "", Opinion),
        ("oppose", "", "", Opinion),
        ("defend", "", "", Opinion),
        ("endorse", "", "", Opinion),
        ("praise", "", "", Opinion),
        ("hail", "", "", Opinion),
        ("welcome", "", "", Opinion),
        ("urge", "", "", Say),
        ("demand", "", "", Say),
        ("call", "", "", Say),
        ("recommend", "", "", Say),
        ("propose", "", "", Say),
        ("promise", "", "", Promise),
        ("pledge", "", "", Promise),
        ("vow", "", "", Promise),
        ("assure", "", "", Promise),
        ("reassure", "", "", Promise),
        ("guarantee", "guaranteed", "guaranteeing", Promise),
        ("believe", "", "", Opinion),
        ("think", "thought", "", Opinion),
        ("feel", "felt", "", Opinion),
        ("fear", "", "", Opinion),
        ("worry", "", "", Opinion),
        ("hope", "", "", Opinion),
        ("doubt", "", "", Opinion),
        ("wonder", "", "", Opinion),
        ("know", "knew", "", Opinion),
        ("want", "", "", Opinion),
        ("consider", "", "", Opinion),
        ("express", "", "", Say),
        ("voice", "", "", Say),
        ("discuss", "", "", Say),
        ("read", "read", "", Say),
        ("share", "", "", Say),
        ("relay", "", "", Say),
        ("preview", "", "", Say),
        ("press", "", "", Say),
        ("speak", "spoke", "", Say),
    ]
};

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

/// Every cue form (lower case), with its class.
fn table() -> &'static std::collections::HashMap<String, CueClass> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<String, CueClass>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: std::collections::HashMap<String, CueClass> = LEMMAS
            .iter()
            .flat_map(|&(l, p, i, c)| forms(l, p, i).into_iter().map(move |f| (f, c)))
            .collect();
        // "…,” he continued: only the past tense reports; "continues to" does not
        m.insert("continued".to_string(), CueClass::Say);
        m
    })
}

/// The class of a cue word (any case), if it is one.
pub fn class_of(word: &str) -> Option<CueClass> {
    // cue forms are 3 to 12 letters: most words are answered without hashing
    if word.len() < 3 || word.len() > 12 {
        return None;
    }
    let lower;
    let w = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = word.to_ascii_lowercase();
        lower.as_str()
    } else {
        word
    };
    table().get(w).copied()
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
];

/// A form that is as likely a noun as a verb (see `NOUNISH`).
pub fn is_nounish(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    NOUNISH.iter().any(|l| w == *l || forms(l, "", "")[1] == w)
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
