//! Sentence boundaries inside one block of text, by rule: a sentence ends at `.`, `!`, `?`
//! or an ellipsis, plus any closing quotes or brackets, when white space and a sentence
//! opener follow. Abbreviations (Mr., Feb., St.), initials (J.), dotted acronyms (U.S.),
//! decimals and grouped numbers (3.5, 20,000) do not end a sentence. Linear time, no panics.

use super::offsets::Span;

/// Abbreviations that are followed by a name or a number, not by the end of a sentence.
const ABBREVIATIONS: crate::core::WordSet = crate::core::word_set!("mr|mrs|ms|mx|dr|prof|sr|jr|st|gen|gov|sen|rep|lt|col|capt|cpt|sgt|maj|adm|cmdr|rev|hon|pres|supt|det|insp|amb|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|vs|v|e.g|i.e|approx|ave|blvd|mt|ft|dept|univ|cf|al|ed|eds|est|inc|ltd|co|corp|bros|messrs|gens|reps|sens|govs|ph.d|a.m|p.m");

/// Abbreviations that are also words ("no", "art"), taken as abbreviations only before a
/// number: "No. 5", "Art. 12", "Vol. II".
const NUMBERED: crate::core::WordSet = crate::core::word_set!("no|nos|vol|fig|pp|ch|sec|art|op|nr");

/// Capitalised words that usually start a new sentence: after a dotted acronym ("U.S.") a
/// boundary is taken only when one of these follows.
const SENTENCE_STARTERS: crate::core::WordSet = crate::core::word_set!("The|A|An|He|She|It|They|We|I|You|This|That|These|Those|But|And|Or|So|Yet|In|On|At|As|If|When|While|After|Before|There|Here|His|Her|Its|Their|Our|My|However|Meanwhile|Still|Also|According|Officials|What|Why|How|Who");

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '「' | '『' | '¿' | '¡'
    )
}

/// Where the next character that may end a sentence is, from byte `from` of `s`, and the
/// character: found by byte (the ASCII ones are their byte; the others begin with one of
/// three bytes no other character's inside holds).
fn next_terminal(s: &str, from: usize) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    let mut p = from;
    while let Some(&b) = bytes.get(p) {
        match b {
            b'.' | b'!' | b'?' => return Some((p, char::from(b))),
            0xE2 | 0xE3 | 0xEF => {
                if let Some(c) = s.get(p..).and_then(|rest| rest.chars().next()) {
                    if matches!(c, '…' | '。' | '！' | '？') {
                        return Some((p, c));
                    }
                }
            }
            _ => {}
        }
        p += 1;
    }
    None
}

/// Splits `span` of `text` into sentences, appending trimmed, non-empty spans to `out`.
pub fn split_sentences(text: &str, span: Span, out: &mut Vec<Span>) {
    let Some(block) = span.slice(text) else {
        return;
    };
    let base = span.start();
    let mut start = 0usize; // relative to block
                            // the character at a byte offset of the block
    let char_at = |at: usize| block.get(at..).and_then(|rest| rest.chars().next());
    let mut i = 0;
    while let Some((at, c)) = next_terminal(block, i) {
        i = at;
        // the run of terminal punctuation ("?!", "...") and closers after it, and how many
        // characters it holds
        let mut j = i + c.len_utf8();
        let mut run = 1;
        while let Some(d) = char_at(j).filter(|d| matches!(d, '.' | '!' | '?' | '…')) {
            j += d.len_utf8();
            run += 1;
        }
        let single_dot = c == '.' && run == 1;
        let mut last = c;
        while let Some(d) = char_at(j).filter(|d| is_closer(*d)) {
            j += d.len_utf8();
            run += 1;
            last = d;
        }
        let end_rel = j;
        // CJK full stops need no following space
        let cjk = matches!(c, '。' | '！' | '？');
        let mut k = j;
        while let Some(d) = char_at(k).filter(|d| d.is_whitespace()) {
            k += d.len_utf8();
        }
        let had_space = k > j;
        let Some(next) = char_at(k) else {
            break; // the block's end closes the last sentence anyway
        };
        if !(had_space || cjk) {
            i = j;
            continue;
        }
        let next_word = word_at(block, k);
        let ellipsis = c == '…' || (run >= 3 && block[i..].starts_with("..."));
        let opener_ok = next.is_uppercase()
            || is_opener(next)
            || next.is_numeric()
            || (!next.is_lowercase() && next.is_alphabetic()); // scripts without case
        let boundary = if cjk {
            true
        } else if !opener_ok {
            false
        } else if ellipsis {
            // ("“… different people…” Clinton said.": as after "?" below)
            (next.is_uppercase() || is_opener(next))
                && !(is_closer(last) && signs_quotation(&block[k..], false))
        } else if single_dot && is_closer(last) && signs_quotation(&block[k..], true) {
            // "“… are missing.” Trump said.": a quotation closed by a full stop, then its
            // speaker, is one sentence too
            false
        } else if single_dot {
            let before = word_before(block, i);
            !is_abbreviation(before, next_word)
        } else if matches!(c, '?' | '!') && run > 1 && is_closer(last) {
            // "“Why now?” Graham asked.": the quotation's speaker closes its sentence
            !signs_quotation(&block[k..], false)
        } else {
            true
        };
        if boundary {
            push_trimmed(block, base, start, end_rel, out);
            start = k;
        }
        i = k;
    }
    push_trimmed(block, base, start, block.len(), out);
}

fn push_trimmed(block: &str, base: usize, a: usize, b: usize, out: &mut Vec<Span>) {
    let s = &block[a..b];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(Span::new(base + a + lead, base + a + lead + t.len()));
    }
}

/// The word (letters, digits, inner dots) that ends right before byte `at` of `s`.
fn word_before(s: &str, at: usize) -> &str {
    let head = &s[..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

/// Nouns that follow a news medium's name: "ITV television station", "CBS’s radio show"
/// (a hearer after "told", here and in `claims`).
pub(crate) const MEDIA_NOUNS: crate::core::WordSet = crate::core::word_set!(
    "television|TV|radio|station|network|channel|newspaper|paper|magazine|program|programme|\
     show|website|site|outlet|affiliate|broadcaster|podcast|agency|daily|weekly|interviewer|\
     correspondent|reporter|reporters|host|anchor"
);

/// Whether `rest` opens with a short name or a personal pronoun and a verb of saying
/// that ends the clause: "Graham asked.", "Mayor Ortiz said,", "She replied."; with
/// `full_stop`, a clause that ends the sentence ("Ortiz said." but not "He added, “…").
fn signs_quotation(rest: &str, full_stop: bool) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "asked",
        "says",
        "asks",
        "added",
        "replied",
        "wondered",
        "wrote",
        "continued",
        "told",
        "shouted",
        "tweeted",
        "explained",
        "noted",
        "insisted",
        "argued",
        "warned",
        "joked",
        "recalled",
        "responded",
        "answered",
        "exclaimed",
        "repeated",
        "countered",
        "retorted",
        "quipped",
        "remarked",
        "observed",
        "declared",
        "stated",
        "conceded",
        "admitted",
        "acknowledged",
        "demanded",
        "pleaded",
        "protested",
        "yelled",
        "cried",
        "whispered",
        "snapped",
        "adds",
        "writes",
        "tells",
    ];
    let mut words = rest.split_whitespace();
    // (up to five words of title and name: "US Senator Jo Lee said")
    for n in 0..6 {
        let Some(w) = words.next() else { return false };
        let bare = w.trim_end_matches(['.', ',', ';', '!', '?', ':']);
        if n > 0 && VERBS.contains(&bare) {
            return clause_ends(w, bare, full_stop)
                || words
                    .next()
                    .is_none_or(|w| adjuncts_end(w, words, full_stop));
        }
        if !w.chars().next().is_some_and(char::is_uppercase)
            || !w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
        {
            return false;
        }
    }
    false
}

/// Whether word `w` (`bare` without its closing punctuation) ends the speaker's clause:
/// with a full stop when `full_stop`, else with any of "." "," ";" "!" "?" ":".
fn clause_ends(w: &str, bare: &str, full_stop: bool) -> bool {
    if full_stop {
        w.ends_with('.')
    } else {
        bare.len() < w.len()
    }
}

/// When (day, time), where, how and to whom a quotation was said, closing the speaker's
/// clause: "…” Trump said Friday.", "Ortiz asked reporters later.", "she said in an
/// interview,", "Trump said on Twitter.", "Pence said in response to a question.". `first` is
/// the word after the verb; at most ten such words, the last one ending the clause
/// (`clause_ends`: with a full stop when `full_stop`). A capitalised word (a day, a place,
/// a network) may stand anywhere; after a preposition, up to three other words make its
/// phrase ("at a rally", "in response"), never a personal pronoun, which opens a new
/// clause: "…” Ortiz said in his speech he would win." is two sentences; but a clause of
/// when may have one as its subject, then up to six words ("said as he opened the vote.").
fn adjuncts_end<'a>(first: &'a str, rest: impl Iterator<Item = &'a str>, full_stop: bool) -> bool {
    const ADJUNCTS: crate::core::WordSet = crate::core::word_set!("an|a|the|his|her|their|its|interview|statement|speech|briefing|reporters|journalists|him|them|me|us|later|earlier|today|tonight|yesterday|again|then|last|this|week|night|morning|afternoon|evening|aloud|quietly|softly");
    const PREPOSITIONS: crate::core::WordSet = crate::core::word_set!("on|in|at|during|to|after|before|while|from|via|with|by|outside|inside|near|over|through|for|of|into");
    const SUBJECTS: crate::core::WordSet =
        crate::core::word_set!("i|he|she|it|we|they|you|there|that");
    // ("…” Sessions said as he opened the vote.": a clause of when, its subject a pronoun)
    const WHEN: crate::core::WordSet =
        crate::core::word_set!("as|while|when|after|before|until|once|since");
    let mut phrase: Option<usize> = None; // words after the last preposition
    let mut when: Option<usize> = None; // words of a clause of when
    let mut hearer = 0; // plain words of a hearer right after the verb ("asked Republican politicians")
    let mut last: &str = "";
    for w in std::iter::once(first).chain(rest).take(10) {
        let bare = w.trim_end_matches(['.', ',', ';']);
        let capitalised = bare.len() > 1
            && bare.starts_with(|c: char| c.is_ascii_uppercase())
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '’' || c == '\'');
        let opens_when = WHEN.contains(last) && SUBJECTS.contains(bare) && bare != "that";
        last = bare;
        let adjunct = if opens_when || when.is_some() {
            let n = when.get_or_insert(0);
            *n += 1;
            *n <= 7
                && bare
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '’' || c == '\'')
        } else if PREPOSITIONS.contains(bare) || WHEN.contains(bare) {
            phrase = Some(0);
            true
        } else if ADJUNCTS.contains(bare) || capitalised || MEDIA_NOUNS.contains(bare) {
            true
        } else if let Some(n) = phrase.as_mut() {
            *n += 1;
            // (a number may stand in it: "to a crowd of about 500")
            *n <= 3 && !SUBJECTS.contains(bare) && bare.chars().all(char::is_alphanumeric)
        } else if hearer < 2
            && bare.chars().all(|c| c.is_ascii_lowercase())
            && !SUBJECTS.contains(bare)
        {
            // (a hearer before any preposition: at most two plain words, the last of them
            // a plural or a noun of an audience, "asked Republican politicians.", "told
            // the crowd.")
            hearer += 1;
            let plural = bare.len() > 3 && bare.ends_with('s') && !bare.ends_with("ss");
            bare.len() == w.len() || plural || matches!(bare, "crowd" | "audience" | "press")
        } else {
            false
        };
        if !adjunct || bare.is_empty() {
            return false;
        }
        if bare.len() < w.len() {
            return clause_ends(w, bare, full_stop);
        }
    }
    false
}

fn word_at(s: &str, at: usize) -> &str {
    let tail = &s[at..];
    let end = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map(|(i, _)| i)
        .unwrap_or(tail.len());
    &tail[..end]
}

fn is_abbreviation(word: &str, next_word: &str) -> bool {
    // "Mekong-U.S." is judged by its last part
    let word = word.rsplit('-').next().unwrap_or(word);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if NUMBERED.contains(lower.as_str()) {
        // "No. 5", "Vol. II"; "he said no." ends a sentence
        return next_word.starts_with(|c: char| c.is_ascii_digit())
            || (!next_word.is_empty()
                && next_word
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')));
    }
    if ABBREVIATIONS.contains(lower.as_str()) {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    // an initial: "J." in "Antony J. Blinken"
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    // a dotted acronym: "U.S." ends a sentence only before a usual sentence opener
    if word.contains('.') && letters.iter().all(|c| c.is_alphabetic()) && letters.len() <= 4 {
        return !SENTENCE_STARTERS.contains(next_word);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|sp| &s[sp.start()..sp.end()]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One two. Three four! Five? Six"),
            vec!["One two.", "Three four!", "Five?", "Six"]
        );
    }

    #[test]
    fn regression_a_word_that_abbreviates_before_a_number_ends_a_sentence_elsewhere() {
        assert_eq!(
            split("The mayor said no. Ada Lind said yes. The No. 5 seed won. See Vol. II now. Read art. 12 first."),
            vec!["The mayor said no.", "Ada Lind said yes.", "The No. 5 seed won.", "See Vol. II now.", "Read art. 12 first."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones on Feb. 3 at St. Mark's. Antony J. Blinken spoke."),
            vec![
                "Mr. Smith met Dr. Jones on Feb. 3 at St. Mark's.",
                "Antony J. Blinken spoke."
            ]
        );
    }

    #[test]
    fn regression_a_quotation_closed_by_a_full_stop_then_its_speaker_is_one_sentence() {
        assert_eq!(
            split("“The dam is safe.” Mayor Ortiz said. “Aye!” US Senator Jo Ann Lee said as she opened the vote. “It leaks.” She said on Friday. “We wait.” He added, “We vote.” “Fine.” Ortiz said the plan was dead."),
            vec![
                "“The dam is safe.” Mayor Ortiz said.",
                "“Aye!” US Senator Jo Ann Lee said as she opened the vote.",
                "“It leaks.” She said on Friday.",
                "“We wait.”",
                "He added, “We vote.”",
                "“Fine.”",
                "Ortiz said the plan was dead."
            ]
        );
    }

    #[test]
    fn regression_a_question_quoted_then_its_speaker_is_one_sentence() {
        assert_eq!(
            split("“Why now?” Mayor Ortiz asked. “Stop!” She said. “Who?” Ortiz asked reporters later. “Go!” Ortiz said Friday, adding more. “Now?” Ortiz said the plan was dead. Why? The plan failed."),
            vec![
                "“Why now?” Mayor Ortiz asked.",
                "“Stop!” She said.",
                "“Who?” Ortiz asked reporters later.",
                "“Go!” Ortiz said Friday, adding more.",
                "“Now?”",
                "Ortiz said the plan was dead.",
                "Why?",
                "The plan failed."
            ]
        );
    }

    #[test]
    fn regression_a_quoted_question_then_its_speaker_with_where_and_how_is_one_sentence() {
        assert_eq!(
            split("“Why now?” Trump said on Twitter. “Who?” Ortiz asked at a rally in Des Moines on Friday. “How big?” Pence said in response to a question. “When?” Ortiz said in his speech he would win. “Now!” Ortiz said on a media call set up by unions. Done."),
            vec![
                "“Why now?” Trump said on Twitter.",
                "“Who?” Ortiz asked at a rally in Des Moines on Friday.",
                "“How big?” Pence said in response to a question.",
                "“When?”",
                "Ortiz said in his speech he would win.",
                "“Now!”",
                "Ortiz said on a media call set up by unions.",
                "Done."
            ]
        );
    }

    #[test]
    fn a_quoted_question_then_its_speaker_and_a_hearer_is_one_sentence() {
        assert_eq!(
            split("“Why now?” Ortiz asked city engineers. “Who?” Ortiz told the crowd. “Is it safe?” Ortiz said dams are built to last. Done."),
            vec![
                "“Why now?” Ortiz asked city engineers.",
                "“Who?” Ortiz told the crowd.",
                "“Is it safe?”",
                "Ortiz said dams are built to last.",
                "Done."
            ]
        );
    }

    #[test]
    fn regression_a_quotation_trailing_off_then_its_speaker_is_one_sentence() {
        assert_eq!(
            split("“We will look at many people…” Ortiz said. “Wait...” Mayor Ortiz asked. “Then…” Ortiz said the plan was dead. It ended… Then it began."),
            vec![
                "“We will look at many people…” Ortiz said.",
                "“Wait...” Mayor Ortiz asked.",
                "“Then…”",
                "Ortiz said the plan was dead.",
                "It ended…",
                "Then it began."
            ]
        );
    }

    #[test]
    fn dotted_acronyms() {
        assert_eq!(
            split("U.S. representatives met. He said the U.S. had a plan. It came from the U.S. The end."),
            vec!["U.S. representatives met.", "He said the U.S. had a plan.", "It came from the U.S.", "The end."]
        );
    }

    #[test]
    fn regression_hyphenated_acronym_mid_sentence() {
        // corpus 08: "co-chair of the Mekong-U.S. Partnership." was split in two
        assert_eq!(
            split("Work of the Mekong-U.S. Partnership. Next."),
            vec!["Work of the Mekong-U.S. Partnership.", "Next."]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            split("Prices rose 3.5 percent. Over 20,000 children. In 2022. Done"),
            vec![
                "Prices rose 3.5 percent.",
                "Over 20,000 children.",
                "In 2022.",
                "Done"
            ]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        assert_eq!(
            split("He said, \u{201c}We will win.\u{201d} Then he left. \"Go.\" She went."),
            vec![
                "He said, \u{201c}We will win.\u{201d}",
                "Then he left.",
                "\"Go.\"",
                "She went."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("Wait... and see. Then… Next one."),
            vec!["Wait... and see.", "Then…", "Next one."]
        );
    }

    #[test]
    fn cjk_and_other_scripts() {
        assert_eq!(
            split("今日は晴れ。明日は雨。"),
            vec!["今日は晴れ。", "明日は雨。"]
        );
        assert_eq!(
            split("שלום עולם. מה שלומך?"),
            vec!["שלום עולם.", "מה שלומך?"]
        );
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(
            split("It cost approx. five dollars. Fine."),
            vec!["It cost approx. five dollars.", "Fine."]
        );
    }

    #[test]
    fn degenerate_inputs() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
        assert_eq!(split("..."), vec!["..."]);
        assert_eq!(split("?! ?!"), vec!["?! ?!"]);
    }
}
