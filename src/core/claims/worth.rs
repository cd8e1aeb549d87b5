//! Check-worthiness: how much a sentence is worth a fact-checker's time, 0 to 1, with the
//! reasons as words. A fact-checker ranks first what can be checked and matters if false
//! (ClaimBuster, Hassan et al. 2017; CLEF CheckThat! 2018–2023): specific numbers, amounts
//! and dates, comparisons and records, causes, accusations of wrongdoing, statistics, laws
//! and votes, past events; and last what cannot be checked: hedged opinions, questions,
//! promises and predictions, greetings, scene-setting, very short sentences.
//!
//! Each sign of either kind found in the sentence adds its weight to a log-odds, and the
//! score is its logistic, so scores spread over the whole range and never clip. The words
//! are general English, chosen from general knowledge, not from any corpus.

use crate::core::hash::{FastMap, WordFilter};
use crate::core::runs::WHITE_SPACE;
use crate::core::{word_set, WordSet};
use std::sync::OnceLock;

/// Something in a sentence that makes it more, or less, worth checking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// "$3 billion", "12 percent", "two million".
    Amount,
    /// "45 people", "three times".
    Number,
    /// "in 2019", "on 4 March", "since the 1990s".
    Date,
    /// "more than", "the highest", "doubled", "a record".
    Comparison,
    /// "because", "led to", "as a result of", "due to".
    Cause,
    /// "accused", "lied", "fraud", "illegal", "failed to".
    Accusation,
    /// "rate", "average", "poll", "unemployment".
    Statistic,
    /// "law", "voted", "signed", "court", "treaty".
    Official,
    /// "killed", "arrested", "resigned", "won".
    Event,
    /// Entities named in the sentence.
    Named,
    /// A speaker is given for the statement.
    Attributed,
    /// "may", "perhaps", "I think", "hopefully".
    Hedge,
    /// Evaluative or prescriptive words with nothing to check: "a great plan", "we must".
    Opinion,
    /// Ends with a question mark.
    Question,
    /// "will", "going to", "plans to".
    Future,
    /// "thank you", "good evening", "welcome".
    Greeting,
    /// Weather, dress, a crowd, a stage: "He smiled and waved to the crowd."
    Scene,
    /// Fewer than six words.
    Short,
}

impl Reason {
    /// How the reason reads in the suggestions panel and in `gloss analyze`.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Amount => "an amount or percentage",
            Reason::Number => "a specific number",
            Reason::Date => "a date",
            Reason::Comparison => "a comparison or record",
            Reason::Cause => "a cause and effect",
            Reason::Accusation => "an accusation of wrongdoing",
            Reason::Statistic => "statistics",
            Reason::Official => "a law, vote or ruling",
            Reason::Event => "a past event",
            Reason::Named => "named actors",
            Reason::Attributed => "a named source",
            Reason::Hedge => "hedged",
            Reason::Opinion => "opinion only",
            Reason::Question => "a question",
            Reason::Future => "a promise or prediction",
            Reason::Greeting => "a greeting",
            Reason::Scene => "scene-setting",
            Reason::Short => "too short",
        }
    }

    /// Whether the reason makes the sentence more worth checking (else less).
    pub fn raises(self) -> bool {
        self.weight() > 0.0
    }

    /// Its weight on the log-odds of being worth checking.
    fn weight(self) -> f32 {
        match self {
            Reason::Amount => 1.4,
            Reason::Number => 1.0,
            Reason::Date => 0.4,
            Reason::Comparison => 0.8,
            Reason::Cause => 0.4,
            Reason::Accusation => 0.9,
            Reason::Statistic => 0.6,
            Reason::Official => 0.5,
            Reason::Event => 0.6,
            Reason::Named => 0.3,
            Reason::Attributed => 0.4,
            Reason::Hedge => -0.8,
            Reason::Opinion => -0.6,
            Reason::Question => -1.5,
            Reason::Future => -0.6,
            Reason::Greeting => -1.5,
            Reason::Scene => -0.6,
            Reason::Short => -0.8,
        }
    }
}

/// The log-odds of a plain sentence with none of the reasons: about 0.21.
const BIAS: f32 = -1.3;

/// A check-worthiness score, 0 to 1, and the reasons for it in `Reason` order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Worth {
    pub score: f32,
    pub reasons: Vec<Reason>,
}

impl Worth {
    /// The reasons as the panel shows them: "a specific number, named actors".
    pub fn describe(&self) -> String {
        let labels: Vec<&str> = self.reasons.iter().map(|r| r.label()).collect();
        labels.join(", ")
    }
}

/// The signs found in one sentence, before whether it is attributed is known.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    found: [bool; REASONS],
    words: usize,
}

const REASONS: usize = Reason::Short as usize + 1;

const AMOUNT_WORDS: WordSet = word_set!(
    "percent|percentage|million|millions|billion|billions|trillion|trillions|dollars|euros|\
     pounds|cents|tonnes|tons|barrels|kilometres|kilometers|miles|acres|hectares"
);
const NUMBER_WORDS: WordSet = word_set!(
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|\
     fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|\
     twice|thrice|half|quarter|tenfold"
);
const DATE_WORDS: WordSet = word_set!(
    "january|february|april|june|july|august|september|october|november|december|\
     monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|decade|decades|\
     century|annual|annually|quarterly"
);
const COMPARISON_WORDS: WordSet = word_set!(
    "than|highest|lowest|largest|biggest|smallest|fastest|slowest|longest|shortest|most|least|\
     fewest|record|doubled|tripled|quadrupled|halved|increased|decreased|rose|risen|fell|fallen|\
     dropped|declined|grew|grown|surged|soared|plunged|plummeted|jumped|shrank|outnumber|\
     outnumbered|exceeded|exceeds|surpassed|compared|unprecedented|majority|minority"
);
const CAUSE_WORDS: WordSet = word_set!(
    "because|caused|causes|causing|therefore|consequently|hence|blamed|blames|responsible|\
     attributed|triggered|resulted|contributed"
);
const ACCUSATION_WORDS: WordSet = word_set!(
    "accused|accuses|accusing|accusation|accusations|allegation|allegations|alleged|allegedly|\
     lied|liar|liars|fraud|fraudulent|illegal|illegally|unlawful|unlawfully|corrupt|\
     corruption|violated|violates|violating|violation|violations|bribe|bribes|bribery|stole|\
     stolen|theft|embezzled|embezzlement|laundering|abuse|abused|abuses|crime|crimes|criminal|\
     charged|indicted|convicted|guilty|misled|misleading|falsely|false|rigged|cheated|\
     cover-up|scandal|smuggling|looted|tortured|massacre|genocide|breach|breached"
);
const STATISTIC_WORDS: WordSet = word_set!(
    "rate|rates|average|median|survey|surveys|poll|polls|statistics|data|figures|unemployment|\
     inflation|deficit|debt|gdp|census|population|budget|tax|taxes|wages|income|incomes|\
     salaries|jobs|growth|turnout|emissions|casualties|deaths|fatalities|victims|cases|prices|\
     spending|revenue|profits|losses|exports|imports|per"
);
const OFFICIAL_WORDS: WordSet = word_set!(
    "law|laws|bill|bills|legislation|voted|vote|votes|ballot|referendum|passed|signed|treaty|\
     ruling|ruled|court|courts|constitution|constitutional|regulation|regulations|amendment|\
     resolution|sanctions|decree|verdict|sentenced|veto|vetoed|ratified|banned|ban|elected|\
     election|officially"
);
const EVENT_WORDS: WordSet = word_set!(
    "killed|adopted|launched|visited|announced|approved|resigned|fired|arrested|won|lost|\
     occupied|transferred|abducted|captured|attacked|held|invaded|detained|deported|released|\
     shot|bombed|destroyed|seized|withdrew|closed|opened|appointed|dismissed|founded|built|\
     collapsed|struck|died|wounded|injured|evacuated|displaced"
);
const HEDGE_WORDS: WordSet = word_set!(
    "may|might|perhaps|possibly|probably|maybe|hopefully|seems|seem|seemed|apparently|arguably|\
     supposedly|presumably|somewhat|guess|suppose|reckon|imagine"
);
const OPINION_WORDS: WordSet = word_set!(
    "great|greatest|good|bad|wonderful|terrible|horrible|awful|amazing|beautiful|tremendous|\
     incredible|fantastic|disgrace|disgraceful|ridiculous|sad|nice|proud|love|hate|stupid|smart|\
     best|worst|brilliant|excellent|outstanding|disaster|disastrous|shameful|pathetic|\
     magnificent|glorious|remarkable|extraordinary|important|wrong|fair|unfair|crazy|\
     weak|strong|happy|unhappy|deserve|deserves|believe|believes|must|should|ought"
);
const FUTURE_WORDS: WordSet = word_set!(
    "will|shall|gonna|tomorrow|soon|upcoming|intend|intends|vow|vows|pledge|\
     pledges|promise|promises|predict|predicts|expect|expects|forecast"
);
const GREETING_WORDS: WordSet = word_set!(
    "thank|thanks|welcome|hello|congratulations|congratulate|goodbye|applause|laughter|cheers|\
     pleasure|honored|honoured|privilege|greetings|condolences"
);
const SCENE_WORDS: WordSet = word_set!(
    "sunny|rain|raining|rainy|snow|snowing|cloudy|drizzle|breeze|chilly|sunshine|sunset|sunrise|\
     wore|wearing|dressed|smiled|smiling|waved|waving|laughed|nodded|sat|stood|walked|\
     crowd|crowds|gathered|podium|audience|backdrop|tonight|scenery|hall"
);

/// Each word of the lists above with the reasons it is a sign of, one bit each: a word
/// of a sentence is one lookup, not one walk per list (and most words none: the filter
/// rules them out).
fn signs() -> &'static (WordFilter, FastMap<&'static str, u32>) {
    static SIGNS: OnceLock<(WordFilter, FastMap<&'static str, u32>)> = OnceLock::new();
    SIGNS.get_or_init(|| {
        let sets: [(WordSet, Reason); 14] = [
            (AMOUNT_WORDS, Reason::Amount),
            (NUMBER_WORDS, Reason::Number),
            (DATE_WORDS, Reason::Date),
            (COMPARISON_WORDS, Reason::Comparison),
            (CAUSE_WORDS, Reason::Cause),
            (ACCUSATION_WORDS, Reason::Accusation),
            (STATISTIC_WORDS, Reason::Statistic),
            (OFFICIAL_WORDS, Reason::Official),
            (EVENT_WORDS, Reason::Event),
            (HEDGE_WORDS, Reason::Hedge),
            (OPINION_WORDS, Reason::Opinion),
            (FUTURE_WORDS, Reason::Future),
            (GREETING_WORDS, Reason::Greeting),
            (SCENE_WORDS, Reason::Scene),
        ];
        let mut m: FastMap<&'static str, u32> = FastMap::default();
        let mut filter = WordFilter::default();
        for (set, reason) in sets {
            for w in set.words() {
                *m.entry(w).or_default() |= 1 << reason as u32;
                filter.insert(w.as_bytes());
            }
        }
        (filter, m)
    })
}

impl Facts {
    /// The signs in one sentence, `mentions` being the entities named in it.
    pub fn of(sentence: &str, mentions: usize) -> Facts {
        let mut f = Facts::default();
        // (room for most words from the start: the three are swapped word by word)
        let mut lower = String::with_capacity(32);
        // the last two words, lower-cased, for phrases
        let mut prev = String::with_capacity(32);
        let mut prev2 = String::with_capacity(32);
        // what the sentence holds at all, read once: a sign of money or per cent (or a
        // byte that may begin one), an apostrophe, a sign that joins parts; a word checks
        // for what the sentence holds
        let (mut money, mut apostrophe, mut joins) = (false, false, false);
        for b in sentence.bytes() {
            match b {
                b'%' | b'$' | 0xC2 => money = true,
                b'\'' => apostrophe = true,
                b'-' | b'/' => joins = true,
                // ("’", "€", "–" and "—" begin with 0xE2)
                0xE2 => (money, apostrophe) = (true, true),
                _ => {}
            }
        }
        // (the parts `str::split_whitespace` gives)
        let parts = WHITE_SPACE.runs(sentence, false);
        for (i, chunk) in parts.filter_map(|(a, b)| sentence.get(a..b)).enumerate() {
            // (most words are bare: a letter or digit at each end)
            let bare = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
            let core = if bare(chunk.as_bytes().first()) && bare(chunk.as_bytes().last()) {
                chunk
            } else {
                chunk.trim_matches(|c: char| !c.is_alphanumeric())
            };
            if core.is_empty() {
                continue;
            }
            f.words += 1;
            // (the bytes first: '€' and '£', '¥' begin with 0xE2 and 0xC2 in UTF-8)
            if money
                && !f.found[Reason::Amount as usize]
                && chunk
                    .bytes()
                    .any(|b| matches!(b, b'%' | b'$' | 0xC2 | 0xE2))
                && chunk.contains(['%', '$', '€', '£', '¥'])
                && chunk.contains(|c: char| c.is_ascii_digit())
            {
                f.found[Reason::Amount as usize] = true;
            }
            // "’ll", "'ll", "let's": a future or a proposal
            if apostrophe
                && (core.ends_with("'ll")
                    || core.ends_with("’ll")
                    || matches!(core, "let's" | "Let's" | "let’s" | "Let’s"))
            {
                f.found[Reason::Future as usize] = true;
            }
            let core = if apostrophe {
                core.strip_suffix("'s")
                    .or_else(|| core.strip_suffix("’s"))
                    .unwrap_or(core)
            } else {
                core
            };
            if core.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                f.found[numeral(core) as usize] = true;
            }
            lower.clear();
            // with whether the word joins parts ("well-known", "50/50", "Paris–Berlin")
            let joined = if core.is_ascii() {
                lower.push_str(core);
                lower.make_ascii_lowercase();
                joins && core.bytes().any(|b| matches!(b, b'-' | b'/'))
            } else {
                lower.extend(core.chars().flat_map(char::to_lowercase));
                // (the bytes first: '–' and '—' begin with 0xE2 in UTF-8)
                lower.bytes().any(|b| matches!(b, b'-' | b'/' | 0xE2))
            };
            // "May" in the middle of a sentence is the month, "March" a month anywhere
            if (core == "May" && i > 0) || core == "March" {
                f.found[Reason::Date as usize] = true;
            } else {
                f.word(&lower);
                if joined {
                    for part in lower.split(['-', '/', '–', '—']).filter(|p| *p != lower) {
                        f.word(part);
                    }
                }
            }
            f.phrase(&prev2, &prev, &lower);
            // a verb in the past tense: something happened
            if i > 0 && past_tense(core, &lower) {
                f.found[Reason::Event as usize] = true;
            }
            std::mem::swap(&mut prev2, &mut prev);
            std::mem::swap(&mut prev, &mut lower);
        }
        let end = sentence.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
        });
        if end.ends_with('?') {
            f.found[Reason::Question as usize] = true;
        }
        if mentions > 0 {
            f.found[Reason::Named as usize] = true;
        }
        // a number is also an amount when the amount word names it; one of them counts
        if f.found[Reason::Amount as usize] {
            f.found[Reason::Number as usize] = false;
        }
        // evaluative words count against a sentence only when nothing in it can be checked
        let checkable = [
            Reason::Amount,
            Reason::Number,
            Reason::Comparison,
            Reason::Cause,
            Reason::Accusation,
            Reason::Statistic,
        ];
        if checkable.iter().any(|r| f.found[*r as usize]) {
            f.found[Reason::Opinion as usize] = false;
        }
        f.found[Reason::Short as usize] = f.words < 6;
        f
    }

    fn word(&mut self, w: &str) {
        let (filter, signs) = signs();
        if !filter.may_hold(w.as_bytes()) {
            return;
        }
        if let Some(&bits) = signs.get(w) {
            for (i, found) in self.found.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    *found = true;
                }
            }
        }
    }

    /// Phrases of two or three words: "led to", "as a result", "I think", "going to".
    fn phrase(&mut self, a: &str, b: &str, c: &str) {
        // by the last word first: most words end no phrase
        let reason = match c {
            "to" => match b {
                "led" | "lead" | "leads" | "leading" | "due" | "owing" => Some(Reason::Cause),
                "failed" | "fails" | "refused" => Some(Reason::Accusation),
                "going" | "plan" | "plans" | "planning" | "want" | "wants" | "need" | "hopes" => {
                    Some(Reason::Future)
                }
                _ => None,
            },
            "of" => (b == "result").then_some(Reason::Cause),
            "in" => matches!(b, "resulted" | "results").then_some(Reason::Cause),
            "cent" => (b == "per").then_some(Reason::Amount),
            "think" | "believe" | "hope" | "guess" | "feel" | "suspect" | "doubt" => {
                matches!(b, "i" | "we").then_some(Reason::Hedge)
            }
            "opinion" | "view" => matches!(b, "my" | "our").then_some(Reason::Hedge),
            "us" => (b == "let").then_some(Reason::Future),
            "evening" | "morning" | "afternoon" | "night" => {
                (b == "good").then_some(Reason::Greeting)
            }
            "and" => (b == "ladies").then_some(Reason::Greeting),
            "result" if (a, b) == ("as", "a") => Some(Reason::Cause),
            _ => None,
        };
        if let Some(r) = reason {
            self.found[r as usize] = true;
        }
    }

    /// The sentence's worth, for a statement with a speaker given or not.
    pub fn worth(&self, attributed: bool) -> Worth {
        if !attributed
            && self.words < 4
            && !ALL.iter().any(|r| r.raises() && self.found[*r as usize])
        {
            // "Source 1": too short to state anything
            return Worth {
                score: 0.0,
                reasons: vec![Reason::Short],
            };
        }
        let mut reasons = Vec::new();
        let mut logit = BIAS;
        for (i, r) in ALL.iter().enumerate() {
            let on = if *r == Reason::Attributed {
                attributed
            } else {
                self.found[i]
            };
            if on {
                logit += r.weight();
                reasons.push(*r);
            }
        }
        Worth {
            score: 1.0 / (1.0 + (-logit).exp()),
            reasons,
        }
    }
}

/// Every reason, in order.
const ALL: [Reason; REASONS] = [
    Reason::Amount,
    Reason::Number,
    Reason::Date,
    Reason::Comparison,
    Reason::Cause,
    Reason::Accusation,
    Reason::Statistic,
    Reason::Official,
    Reason::Event,
    Reason::Named,
    Reason::Attributed,
    Reason::Hedge,
    Reason::Opinion,
    Reason::Question,
    Reason::Future,
    Reason::Greeting,
    Reason::Scene,
    Reason::Short,
];

/// A regular past tense or participle in lower case inside a sentence ("approved";
/// "cut" is not caught), not a word that only ends like one ("indeed", "need"), nor a
/// verb of saying or thinking ("noted", "claimed"): reporting is not the event.
fn past_tense(core: &str, lower: &str) -> bool {
    core.starts_with(|c: char| c.is_lowercase())
        && lower.len() >= 5
        && lower.ends_with("ed")
        && !matches!(
            lower,
            "indeed" | "needed" | "proceed" | "exceed" | "succeed" | "embed"
        )
        && !super::cues::is_cue(lower)
}

/// A word that starts with a digit: a year ("2019", "1990s") or an ordinal ("4th") is a
/// date, anything else ("45", "20,000", "3.5") a number.
fn numeral(w: &str) -> Reason {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[digits..];
    let year = digits == 4 && matches!(w.get(..2), Some("18" | "19" | "20"));
    if year && (rest.is_empty() || rest == "s") {
        return Reason::Date;
    }
    if digits <= 2 && matches!(rest, "st" | "nd" | "rd" | "th") {
        return Reason::Date;
    }
    Reason::Number
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(s: &str) -> f32 {
        Facts::of(s, 0).worth(false).score
    }

    fn reasons(s: &str) -> Vec<Reason> {
        Facts::of(s, 0).worth(false).reasons
    }

    #[test]
    fn a_number_and_a_comparison_rank_above_a_hedged_opinion() {
        let fact =
            "Exports to the region rose by 40 percent last year, more than in any year since 2008.";
        let opinion = "I think it might be a wonderful idea, perhaps.";
        assert!(
            score(fact) > score(opinion) + 0.4,
            "{} {}",
            score(fact),
            score(opinion)
        );
        assert!(reasons(fact).contains(&Reason::Amount));
        assert!(reasons(fact).contains(&Reason::Comparison));
        assert!(reasons(opinion).contains(&Reason::Hedge));
        assert!(score(fact) >= 0.8);
        assert!(score(opinion) <= 0.15);
    }

    #[test]
    fn a_causal_claim_ranks_above_scene_setting() {
        let cause =
            "The bridge closed because the river flooded the road, which led to long delays.";
        let scene = "The mayor smiled and waved to the crowd gathered under a grey sky.";
        assert!(
            score(cause) > score(scene) + 0.2,
            "{} {}",
            score(cause),
            score(scene)
        );
        assert_eq!(reasons(cause), vec![Reason::Cause, Reason::Event]);
        assert!(reasons(scene).contains(&Reason::Scene));
    }

    #[test]
    fn an_accusation_ranks_above_a_greeting() {
        let accusation =
            "The auditor accused the council of hiding illegal payments to a contractor.";
        let greeting = "Good evening, and thank you all for coming to the town hall.";
        assert!(score(accusation) > score(greeting) + 0.3);
        assert!(reasons(accusation).contains(&Reason::Accusation));
        assert!(reasons(greeting).contains(&Reason::Greeting));
        assert!(score(greeting) < 0.1);
    }

    #[test]
    fn questions_promises_and_short_sentences_rank_low() {
        let plain = "The committee met in the capital to discuss the new rules.";
        for low in [
            "Who will pay for the new rules in the capital?",
            "We are going to make the new rules much better.",
            "It was quiet.",
        ] {
            assert!(
                score(low) < score(plain),
                "{low}: {} vs {}",
                score(low),
                score(plain)
            );
        }
        // a fragment states nothing; a short one with a sign in it may
        assert_eq!(reasons("See the list."), vec![Reason::Short]);
        assert_eq!(score("See the list."), 0.0);
        assert!(score("Source 1") < 0.3);
        assert!(score("She lied twice.") > score("See the list."));
    }

    #[test]
    fn years_and_ordinals_are_dates_and_may_is_a_month_inside_a_sentence() {
        assert_eq!(
            reasons("The treaty was drafted in 1990 and again in the 1990s."),
            vec![Reason::Date, Reason::Official, Reason::Event]
        );
        assert!(
            reasons("The office reopened in May after repairs to the roof.")
                .contains(&Reason::Date)
        );
        assert!(
            reasons("Ministers may discuss the roof at a meeting next week.")
                .contains(&Reason::Hedge)
        );
        assert!(
            reasons("The 45 workers were sent home before the storm.").contains(&Reason::Number)
        );
    }

    #[test]
    fn an_attribution_raises_the_score_and_says_so() {
        let f = Facts::of("The plan is sound and the budget is large.", 1);
        let (plain, said) = (f.worth(false), f.worth(true));
        assert!(said.score > plain.score);
        assert!(said.reasons.contains(&Reason::Attributed));
        assert_eq!(said.describe(), "statistics, named actors, a named source");
        // short attributed statements are not cut to nothing
        assert!(Facts::of("It is wrong.", 1).worth(true).score > 0.0);
    }

    #[test]
    fn a_past_tense_is_an_event_but_a_verb_of_saying_is_not() {
        assert!(reasons("The council approved the new parking plan.").contains(&Reason::Event));
        assert!(
            !reasons("The mayor noted that the parking plan works well.").contains(&Reason::Event)
        );
        assert!(
            !reasons("The problem lies in the design of the parking plan.")
                .contains(&Reason::Accusation)
        );
        assert!(
            !reasons("The delay cast doubt on the parking plan for the town.")
                .contains(&Reason::Hedge)
        );
        assert!(reasons("I doubt that the parking plan will ever open.").contains(&Reason::Hedge));
        assert_eq!(
            reasons("We must finish the parking plan for the town."),
            vec![Reason::Opinion]
        );
    }

    #[test]
    fn every_reason_is_listed_once_in_order() {
        for (i, r) in ALL.iter().enumerate() {
            assert_eq!(*r as usize, i);
        }
    }
}
