//! The claim scan: sentence by sentence, who said what, with what one sentence leaves
//! the next.

use super::*;

/// A claim scan that can run in slices of sentences (like `extract::EntityScan`), so a long
/// article never blocks the page: `step` until done, then `finish`.
pub struct ClaimScan {
    /// Full names for surnames and given names: "Sybiha" -> "Andrii Sybiha".
    full_names: std::collections::HashMap<String, String>,
    /// Genders and title holders, learnt from the whole text.
    people: People,
    /// Learning `people` from the whole text, before the first sentence is scanned.
    learning: Option<Learning>,
    out: Vec<Suggestion>,
    /// What one sentence leaves the next.
    carry: Carry,
    next: usize,
    /// The text with each pair of apostrophes that stands for a quotation mark (''like
    /// this'', the plain-text convention of some newswires) read as one: the same length,
    /// so every offset holds. `None` when the text has none.
    plain_quotes: Option<String>,
}

/// An attribution found in a sentence: who speaks (as the text names them, resolved), the
/// mention of the source when there is one, and the cue.
pub(super) struct Found {
    speaker: String,
    source: Option<Span>,
    cue: Span,
}

/// What the scan of one sentence leaves the next: who spoke or was named lately, and
/// whether a quotation or a colon's statement goes on.
pub(super) struct Carry {
    /// The people named lately, for "he" and "she".
    recent: Recent,
    /// The last thing named as a source, for "it" (one sentence back).
    last_thing: Option<(String, Span)>,
    last_plural: Option<String>,
    /// Who speaks in the quotation open at the end of the last sentence.
    quote_open_speaker: Option<(String, Span)>,
    /// A quotation is open at the end of the last sentence ("“A. B.” …" over sentences).
    quote_open: bool,
    /// The last sentence ended with a quotation open or a colon, so the quotation may go
    /// on in the next paragraph ("X said: ¶ “…”", "“A ¶ “B.”").
    runs_on: bool,
    /// The last sentence ended with a cue and a colon ("The governor added:"), so the next
    /// paragraph is what was said, quotation marks or not.
    colon_cue: bool,
    /// The block of the last sentence.
    last_block: usize,
    /// Sentences since a person was last named (past three, "he" and "she" are no one's).
    since_person: usize,
}

impl Default for Carry {
    fn default() -> Carry {
        Carry {
            recent: Recent::default(),
            last_thing: None,
            last_plural: None,
            quote_open_speaker: None,
            quote_open: false,
            runs_on: false,
            colon_cue: false,
            last_block: usize::MAX,
            since_person: 0,
        }
    }
}

impl ClaimScan {
    pub fn new(doc: &Document, mentions: &[Mention]) -> ClaimScan {
        let text = doc.text();
        let mut full_names = std::collections::HashMap::new();
        for m in mentions.iter().filter(|m| m.label == Label::Person) {
            let full = &text[m.span.start()..m.span.end()];
            if full.contains(' ') {
                for w in full.split_whitespace() {
                    full_names
                        .entry(w.to_string())
                        .or_insert_with(|| full.to_string());
                }
            }
        }
        ClaimScan {
            full_names,
            people: People::default(),
            learning: Some(Learning::default()),
            out: Vec::new(),
            carry: Carry::default(),
            next: 0,
            plain_quotes: plain_quotes(text),
        }
    }

    /// How many of the document's sentences have been scanned.
    pub fn scanned(&self) -> usize {
        self.next
    }

    /// Scans up to `max` more sentences (first learning who is who from up to `max` more
    /// mentions or sentences, while that is under way); true when all are done.
    pub fn step(&mut self, doc: &Document, mentions: &[Mention], max: usize) -> bool {
        if let Some(learning) = &mut self.learning {
            let names = &self.full_names;
            if !learning.step(doc, mentions, |n| person_name(names, n), max) {
                return false;
            }
            if let Some(l) = self.learning.take() {
                self.people = l.finish();
            }
        }
        let sentences = doc.sentences();
        let end = self.next.saturating_add(max).min(sentences.len());
        for &sentence in &sentences[self.next..end] {
            self.sentence(doc, mentions, sentence);
        }
        self.next = end;
        end >= sentences.len()
    }

    pub fn finish(self) -> Vec<Suggestion> {
        self.out
    }

    fn sentence(&mut self, doc: &Document, mentions: &[Mention], sentence: Span) {
        let text = self.plain_quotes.as_deref().unwrap_or(doc.text());
        let full_names = &self.full_names;
        let full_name = |name: &str, label: Label| -> String {
            if label != Label::Person {
                return name.to_string();
            }
            person_name(full_names, name)
        };
        // an attribution to the source a mention names
        let found_at = |m: &Mention, cue: Span| Found {
            speaker: full_name(&text[m.span.start()..m.span.end()], m.label),
            source: Some(m.span),
            cue,
        };
        let mut out = std::mem::take(&mut self.out);
        let people = &self.people;
        let Carry {
            mut recent,
            mut last_thing,
            mut last_plural,
            mut quote_open_speaker,
            mut quote_open,
            runs_on,
            colon_cue: colon_before,
            mut last_block,
            mut since_person,
        } = std::mem::take(&mut self.carry);
        since_person += 1;
        if since_person > 3 {
            recent.clear();
        }
        let block = doc.block_at(sentence.start()).unwrap_or(usize::MAX);
        let s_text = sentence.slice(text).unwrap_or("");
        if block != last_block {
            last_block = block;
            // a quotation goes on in a new paragraph that opens with a quotation mark, and
            // a paragraph after "X added:" is X's words
            if !(runs_on && s_text.starts_with(['"', '“']) || colon_before) {
                quote_open_speaker = None;
            }
            quote_open = colon_before && quote_open_speaker.is_some();
        }
        let ws = words(text, sentence);
        // mentions are in text order: find this sentence's by binary search
        let first = mentions.partition_point(|m| m.span.start() < sentence.start());
        // (a dateline's place is no one's mention: "WASHINGTON — X said")
        let after_dateline = sentence.start() + dateline_len(s_text);
        let ms: Vec<&Mention> = mentions[first..]
            .iter()
            .take_while(|m| m.span.start() < sentence.end())
            .filter(|m| m.span.end() <= sentence.end() && m.span.start() >= after_dateline)
            .collect();
        let mention_ending_at = |end_word: usize| -> Option<&Mention> {
            let w = ws.get(end_word)?;
            ms.iter()
                .copied()
                .filter(|m| m.label != Label::Norp)
                .find(|m| {
                    m.span.end() == w.span.end()
                        || (m.span.start() <= w.span.start() && w.span.end() <= m.span.end())
                })
        };
        // a plural subject at the start: "Secretary A and Secretary B met …"
        if let (Some(a), Some(b)) = (ms.first(), ms.get(1)) {
            let between = &text[a.span.end()..b.span.start()];
            if a.label == Label::Person
                && b.label == Label::Person
                && between.contains(" and ")
                && between.len() < 24
            {
                last_plural = Some(format!(
                    "{} and {}",
                    full_name(&text[a.span.start()..a.span.end()], a.label),
                    full_name(&text[b.span.start()..b.span.end()], b.label)
                ));
            }
        }
        // (speaker, speaker span, cue) of each attribution found in the sentence
        let mut founds: Vec<Found> = Vec::new();
        // the cues of those whose statement is after the cue, whatever precedes
        let mut follows: Vec<Span> = Vec::new();
        // (cue, source) where the source as written is not the speaker's mention: the
        // relative pronoun of "X, who said …"
        let mut written: Vec<(Span, Span)> = Vec::new();
        let in_heading = doc
            .blocks()
            .get(block)
            .is_some_and(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading));
        // words inside a quotation: a cue there is the quoted speaker's, not a report
        // (a quotation open at the end of the last sentence goes on here)
        let open_before = quote_open;
        let quoted: Vec<bool> = {
            let mut inside = quote_open;
            let mut at = sentence.start();
            ws.iter()
                .map(|w| {
                    inside = quotes_through(text, at, w.span.start(), inside);
                    at = w.span.start();
                    inside
                })
                .collect()
        };
        quote_open = quotes_through(
            text,
            ws.last().map_or(sentence.start(), |w| w.span.start()),
            sentence.end(),
            quoted.last().copied().unwrap_or(quote_open),
        );
        // a headline's "Name: statement" is that name's, whatever cues the statement holds
        // ("Pence: Trump Was ‘Mocking’ Clinton")
        let headline_colon = in_heading
            .then(|| colon_source(text, &ws, sentence))
            .flatten()
            .map(|(_, colon)| colon);
        let mut cues_seen = 0;
        for (i, w) in ws.iter().enumerate() {
            if quoted[i] || headline_colon.is_some_and(|c| w.span.start() > c.start()) {
                continue;
            }
            let first_upper = w
                .text
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_uppercase());
            if !first_upper && !is_cue(w.text) && w.text != "according" {
                continue;
            }
            let lw = w.text.to_ascii_lowercase();
            // a sentence holds a few attributions: past `MAX_CUES` cue words it is no prose
            // (a run-on of a megabyte), and reading each cue's statement in it would make
            // the scan quadratic
            if lw == "according" || is_cue(&lw) {
                cues_seen += 1;
                if cues_seen > MAX_CUES {
                    break;
                }
            }
            // "according to X"
            if lw == "according" && ws.get(i + 1).is_some_and(|x| x.text == "to") {
                if let Some(m) = ms.iter().find(|m| {
                    ws.get(i + 2)
                        .is_some_and(|x| m.span.start() == x.span.start())
                }) {
                    let name = full_name(&text[m.span.start()..m.span.end()], m.label);
                    founds.push(Found {
                        speaker: name,
                        source: Some(m.span),
                        cue: Span::new(w.span.start(), ws[i + 1].span.end()),
                    });
                    continue;
                }
                // an unknown source: the capitalised words after "according to", or the
                // phrase ("according to police", "according to federal statistics")
                if ws
                    .get(i + 2)
                    .is_some_and(|x| x.text.chars().next().is_some_and(char::is_lowercase))
                {
                    if let Some(sp) = phrase_after(text, &ws, i + 2) {
                        founds.push(Found {
                            speaker: text[sp.start()..sp.end()].to_string(),
                            source: Some(sp),
                            cue: Span::new(w.span.start(), ws[i + 1].span.end()),
                        });
                        continue;
                    }
                }
                let cap: Vec<&Word> = ws[i + 2..]
                    .iter()
                    .take_while(|x| x.text.chars().next().is_some_and(|c| c.is_uppercase()))
                    .collect();
                if let (Some(f), Some(l)) = (cap.first(), cap.last()) {
                    founds.push(Found {
                        speaker: text[f.span.start()..l.span.end()].to_string(),
                        source: Some(Span::new(f.span.start(), l.span.end())),
                        cue: Span::new(w.span.start(), ws[i + 1].span.end()),
                    });
                    continue;
                }
            }
            if !is_cue(&lw) || (needs_to(&lw) && ws.get(i + 1).is_none_or(|x| x.text != "to")) {
                continue;
            }
            // a capitalised cue mid-sentence is a name or a title ("Prime Minister's
            // Questions"), except in a headline, which capitalises its words
            if first_upper && i > 0 && !in_heading {
                continue;
            }
            let cue = w.span;
            // "</tweet>": a tag's name in markup left in the text
            if text[..cue.start()].ends_with('<') || text[..cue.start()].ends_with("</") {
                continue;
            }
            // "media reports", "police posts": a noun more often than a cue; only a named
            // or pronoun subject right before makes it one
            // ... unless "that" follows, as a verb's clause does: "a new survey shows that"
            // ... or an object opens after it as a verb's does: "a new poll shows Clinton
            // ahead", "the survey shows a lead", "the data show how …"
            let object_follows = ws.get(i + 1).is_some_and(|x| {
                text[cue.end()..x.span.start()] == *" "
                    && (matches!(
                        x.text,
                        "that" | "how" | "what" | "why" | "whether" | "a" | "an" | "the"
                    ) || (lw.ends_with('s')
                        && !lw.ends_with("ss")
                        && x.text.starts_with(char::is_uppercase)
                        && !not_a_name(x.text)))
            });
            let strict = is_nounish(&lw) && !object_follows;
            // "…, with X stating: …": a participle with its own named subject
            if lw.ends_with("ing") && i >= 2 {
                if let Some(m) = mention_ending_at(i - 1).filter(|m| {
                    let at = ws.partition_point(|x| x.span.start() < m.span.start());
                    at > 0
                        && matches!(ws[at - 1].text, "with" | "With")
                        && text[m.span.end()..cue.start()].trim().is_empty()
                }) {
                    founds.push(found_at(m, cue));
                    continue;
                }
            }
            // a second attribution in the sentence: a second verb of the same subject takes
            // it, and its statement follows it ("X denied A and vowed B", "X said A, adding
            // B"); any other needs a subject of its own right before it ("X said A, and
            // critics fear B"), except a verb of saying, which may also be inverted
            let mut own_subject_only = false;
            if let Some(Found {
                speaker: n,
                source: sp,
                cue: last_cue,
            }) = founds.last()
            {
                let participle =
                    lw.ends_with("ing") && text[ws[i - 1].span.end()..cue.start()].trim() == ",";
                let joined = i > 1
                    && matches!(ws[i - 1].text, "and" | "but" | "then")
                    && text[ws[i - 2].span.end()..ws[i - 1].span.start()]
                        .trim_matches(|c: char| {
                            c.is_whitespace() || matches!(c, ',' | '"' | '”' | '’')
                        })
                        .is_empty();
                if (joined && is_saying(&lw)) || participle {
                    let (n, sp) = (n.clone(), *sp);
                    founds.push(Found {
                        speaker: n,
                        source: sp,
                        cue,
                    });
                    follows.push(cue);
                    continue;
                }
                if lw.ends_with("ing") {
                    continue;
                }
                // a stance in the statement of a verb of saying is part of what was said
                // ("X said Y hopes B"); in a clause of its own it is another attribution
                let between = text.get(last_cue.end()..cue.start()).unwrap_or("");
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
                if !is_saying(&lw) && !own_clause {
                    continue;
                }
                own_subject_only = !is_saying(&lw);
            }
            // passive: "as noted by X"
            if ws.get(i + 1).is_some_and(|x| x.text == "by") {
                let after: Vec<&&Mention> = ms
                    .iter()
                    .filter(|m| m.span.start() >= ws[i + 1].span.end() && m.label != Label::Norp)
                    .take(2)
                    .collect();
                let pick = after
                    .iter()
                    .find(|m| m.label == Label::Person)
                    .or(after.first());
                if let Some(m) = pick {
                    founds.push(found_at(m, cue));
                    continue;
                }
            }
            // the subject before the verb
            let mut k = i;
            loop {
                if k > 0 && is_gap_word(ws[k - 1].text) {
                    k -= 1;
                    continue;
                }
                // the subject of a verb that passes it on: "X wants to say", "X has yet
                // to explain", "X is expected to announce"
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
                // a short parenthesis after the subject: "X (D-Ohio) said"
                if k > 1 {
                    let gap = text[ws[k - 1].span.end()..ws[k].span.start()].trim();
                    // "(D-Wis.)": an abbreviation's dot before the bracket
                    if gap.trim_start_matches('.').starts_with(')') {
                        let back = text[sentence.start()..ws[k - 1].span.end()].rfind('(');
                        if let Some(open) = back.map(|b| sentence.start() + b) {
                            let inside = ws[..k].iter().rposition(|x| x.span.end() <= open);
                            if let Some(j) = inside.filter(|&j| k - 1 - j <= 4) {
                                k = j + 1;
                                continue;
                            }
                        }
                    }
                }
                break;
            }
            // a passive ("deaths were reported", "he was asked") names no source before it
            let passive = i > 0
                && (k < i || matches!(ws[i - 1].text, "be" | "been" | "being"))
                && matches!(
                    ws[i - 1].text,
                    "was" | "were" | "is" | "are" | "be" | "been" | "being"
                )
                && (lw.ends_with("ed")
                    || matches!(
                        lw.as_str(),
                        "told" | "said" | "found" | "shown" | "known" | "thought" | "written"
                    ));
            if passive {
                continue;
            }
            let gap_clean = k > 0
                && !skip_parenthesis(&text[ws[k - 1].span.end()..cue.start()])
                    .contains([',', '"', '“', '”', ':', ';', '—', '(', ')']);
            // a subject set off by an appositive: "Donald Trump, her Republican opponent,
            // bemoaned", "…,” Scott Pruitt, the attorney general of Oklahoma, said"
            // ("…, R-Ky., said": an abbreviation's dot before the comma; "X, opening the
            // museum on Saturday, said": the comma after words the verb may follow)
            let comma_before = |j: usize| {
                text[ws[j].span.end()..cue.start()]
                    .trim()
                    .trim_start_matches('.')
                    == ","
            };
            let comma_word = (k > 1)
                .then(|| [k - 1, i - 1].into_iter().find(|&j| comma_before(j)))
                .flatten();
            if let Some(comma_word) = comma_word.filter(|_| !gap_clean) {
                if let Some(m) = appositive_subject(text, &ws, &ms, &quoted, comma_word) {
                    founds.push(found_at(m, cue));
                    continue;
                }
                // a name set off as the appositive of a description: "A lawyer for the
                // outlets, Jo Kim, said"
                if let Some(m) = mention_ending_at(k - 1).filter(|m| {
                    m.label == Label::Person
                        && text[sentence.start()..m.span.start()]
                            .trim_end()
                            .ends_with(',')
                        && description_before(
                            text,
                            &ws,
                            ws.partition_point(|w| w.span.start() < m.span.start()),
                        )
                        .is_some()
                }) {
                    founds.push(found_at(m, cue));
                    continue;
                }
            }
            if gap_clean {
                let prev = &ws[k - 1];
                // a pronoun right after a noun opens a relative clause: "the best one I
                // know", "experts we spoke to"
                if matches!(prev.text, "I" | "we" | "they" | "you")
                    && k >= 2
                    && text[ws[k - 2].span.end()..prev.span.start()]
                        .trim()
                        .is_empty()
                    && ends_noun_phrase(ws[k - 2].text)
                {
                    continue;
                }
                if let Some(m) = mention_ending_at(k - 1) {
                    // "the Geneva talks", "at the Senate hearings": a name modifying a
                    // noun-like form is no subject
                    let at = ws.partition_point(|w| w.span.start() < m.span.start());
                    let modifier = at > 0
                        && (governed(&ws, at)
                            || DETERMINERS.contains(&ws[at - 1].text)
                            || text[ws[at - 1].span.end()..].starts_with(['’', '\'']));
                    if strict && modifier {
                        continue;
                    }
                    // "Clinton’s remarks", "Ohio state senator": a noun-like form after a
                    // possessor or a place is a noun, unless a statement follows it
                    let possessed = text
                        .get(m.span.end()..cue.start())
                        .is_some_and(|g| g.starts_with(['’', '\'']));
                    let place = matches!(m.label, Label::Gpe | Label::Loc);
                    if is_nounish(&lw) && (possessed || place) && !statement_follows(text, cue) {
                        continue;
                    }
                    founds.push(found_at(m, cue));
                    continue;
                }
                if PRONOUNS_PERSON.contains(&prev.text) || TITLE_SUBJECTS.contains(&prev.text) {
                    // a person named earlier in this sentence comes first: "Trump commented
                    // on what he described as …"
                    let here = founds.iter().rev().find_map(
                        |Found {
                             speaker: n,
                             source: sp,
                             ..
                         }| {
                            let sp = (*sp)?;
                            let at = ms.partition_point(|m| m.span.start() < sp.start());
                            ms.get(at)
                                .filter(|m| m.span == sp && m.label == Label::Person)
                                .map(|_| (n.clone(), sp))
                        },
                    );
                    let here = here.filter(|(n, _)| people.fits(prev.text, n));
                    // a title stands for the one person who holds it, else the latest
                    let title = title_before(&ws, k)
                        .and_then(|t| people.holder(&t))
                        .map(|p| (p.name.clone(), p.span));
                    let latest = || {
                        recent
                            .for_pronoun(prev.text, people)
                            .map(|p| (p.name.clone(), p.span))
                    };
                    if let Some((n, sp)) = here.or(title).or_else(latest) {
                        founds.push(Found {
                            speaker: n,
                            source: Some(sp),
                            cue,
                        });
                        continue;
                    }
                    // no one to stand for: the pronoun stays as written, never guessed
                    if PRONOUNS_PERSON.contains(&prev.text) {
                        founds.push(Found {
                            speaker: prev.text.to_string(),
                            source: Some(prev.span),
                            cue,
                        });
                        continue;
                    }
                }
                if PRONOUNS_PLURAL.contains(&prev.text) {
                    if let Some(n) = &last_plural {
                        founds.push(Found {
                            speaker: n.clone(),
                            source: None,
                            cue,
                        });
                        continue;
                    }
                }
                // "they", "we", "I", "you" standing for no one named: as written
                if matches!(
                    prev.text,
                    "they" | "They" | "we" | "We" | "I" | "you" | "You"
                ) {
                    founds.push(Found {
                        speaker: prev.text.to_string(),
                        source: Some(prev.span),
                        cue,
                    });
                    continue;
                }
                if PRONOUNS_THING.contains(&prev.text) {
                    if let Some((n, sp)) = &last_thing {
                        founds.push(Found {
                            speaker: n.clone(),
                            source: Some(*sp),
                            cue,
                        });
                        continue;
                    }
                }
                if strict {
                    continue;
                }
                // a proper noun the extractor did not know: "The Guardian cited"
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
                if prev.text.chars().next().is_some_and(|c| c.is_uppercase())
                    && !function_word
                    && !not_a_name(prev.text)
                    && !GROUP_SPEAKERS.contains(&prev.text)
                    && !TITLE_SUBJECTS.contains(&prev.text)
                {
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
                    founds.push(Found {
                        speaker: text[sp.start()..sp.end()].to_string(),
                        source: Some(sp),
                        cue,
                    });
                    continue;
                }
                // a relative clause: "X, who said …", "voters who believe …"; the source as
                // written is the pronoun, the speaker its antecedent
                if matches!(prev.text, "who" | "which") && k >= 2 {
                    let gap = text[ws[k - 2].span.end()..prev.span.start()].trim();
                    if gap == "," || gap.is_empty() {
                        if let Some(m) = mention_ending_at(k - 2) {
                            founds.push(found_at(m, cue));
                            written.push((cue, prev.span));
                            continue;
                        }
                        if let Some(sp) = description_before(text, &ws, k - 1) {
                            founds.push(Found {
                                speaker: description_name(&text[sp.start()..sp.end()]),
                                source: Some(sp),
                                cue,
                            });
                            written.push((cue, prev.span));
                            continue;
                        }
                    }
                }
                // a description: "the developer said", "a spokeswoman for the campaign said"
                if let Some(sp) = description_before(text, &ws, k) {
                    founds.push(Found {
                        speaker: description_name(&text[sp.start()..sp.end()]),
                        source: Some(sp),
                        cue,
                    });
                    continue;
                }
                if GROUP_SPEAKERS.contains(&prev.text) {
                    // the noun phrase: up to three words back, from a determiner or adjective
                    let mut a = k - 1;
                    while a > 0
                        && k - 1 - a < 3
                        && !matches!(
                            ws[a - 1].text.to_ascii_lowercase().as_str(),
                            "the"
                                | "a"
                                | "an"
                                | "and"
                                | "that"
                                | "but"
                                | "which"
                                | "who"
                                | "as"
                                | "if"
                        )
                        && !text[ws[a - 1].span.end()..ws[a].span.start()]
                            .contains([',', '"', '“', '”'])
                    {
                        a -= 1;
                    }
                    let sp = Span::new(ws[a].span.start(), prev.span.end());
                    founds.push(Found {
                        speaker: text[sp.start()..sp.end()].to_string(),
                        source: Some(sp),
                        cue,
                    });
                    continue;
                }
            }
            if own_subject_only {
                continue;
            }
            // inverted, after a quotation or a comma, or opening the sentence: "…,” said X",
            // "Said X: …"
            let before = text[sentence.start()..cue.start()].trim_end();
            let inverted_ok = (before.ends_with([',', '"', '”', '’', '\'']) || i == 0)
                && SAY.contains(&lw.as_str());
            if inverted_ok {
                // a title may stand before the name the extractor found: "said Rep. X"
                if let Some(m) = ms.iter().find(|m| {
                    m.label != Label::Norp
                        && m.span.start() >= cue.end()
                        && (is_title_run(&text[cue.end()..m.span.start()])
                            || is_description_run(&text[cue.end()..m.span.start()]))
                }) {
                    founds.push(found_at(m, cue));
                    continue;
                }
                // a description after the cue closes its clause ("…, said the minister.",
                // "said a spokesman in a statement"); "said the videos show" opens the
                // statement
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
                if let Some(sp) = phrase_after(text, &ws, i + 1).filter(|sp| {
                    text[sp.start()..].starts_with(char::is_uppercase) || closes_clause(*sp)
                }) {
                    founds.push(Found {
                        speaker: text[sp.start()..sp.end()].to_string(),
                        source: Some(sp),
                        cue,
                    });
                    continue;
                }
            }
            // "…,” said he.": the pronoun closes the clause (in "said it was" it opens
            // the statement)
            let closes = |j: usize| {
                ws.get(j + 1).is_none_or(|x| {
                    text[ws[j].span.end()..x.span.start()].contains([',', '.', ';', ':', '—'])
                })
            };
            if let Some(rest) = ws.get(i + 1).filter(|_| inverted_ok && closes(i + 1)) {
                if PRONOUNS_PERSON.contains(&rest.text) || PRONOUNS_THING.contains(&rest.text) {
                    let who = if PRONOUNS_PERSON.contains(&rest.text) {
                        recent
                            .for_pronoun(rest.text, people)
                            .map(|p| (p.name.clone(), p.span))
                    } else {
                        last_thing.clone()
                    };
                    if let Some((n, sp)) = who {
                        founds.push(Found {
                            speaker: n,
                            source: Some(sp),
                            cue,
                        });
                        continue;
                    }
                }
            }
            // a pronoun subject with the cue later on: "She sought clarification … and observed"
            if strict {
                continue;
            }
            if let Some(first) = ws
                .first()
                .filter(|f| PRONOUNS_PERSON.contains(&f.text) || TITLE_SUBJECTS.contains(&f.text))
                .filter(|_| founds.is_empty())
            {
                let title = TITLE_SUBJECTS
                    .contains(&first.text)
                    .then(|| title_before(&ws, 1))
                    .flatten()
                    .and_then(|t| people.holder(&t));
                if let Some(p) = title.or_else(|| recent.for_pronoun(first.text, people)) {
                    founds.push(Found {
                        speaker: p.name.clone(),
                        source: Some(p.span),
                        cue,
                    });
                    continue;
                }
            }
            // a participle after the main clause: "Sybiha took a stance, urging …": the sentence's subject
            let and_verb = i > 0 && ws[i - 1].text == "and";
            // ("from claiming asylum" is no participle clause)
            let after_preposition = i > 0 && governed(&ws, i);
            if founds.is_empty()
                && !after_preposition
                && (lw.ends_with("ing") || (i > 3 && (is_saying(&lw) || and_verb)))
            {
                let unquoted = |m: &&Mention| {
                    ws.iter()
                        .position(|w| w.span.start() >= m.span.start())
                        .is_some_and(|j| !quoted[j])
                };
                if let Some(m) = ms.iter().find(|m| m.label != Label::Norp).filter(|m| {
                    unquoted(m)
                        && m.span.start() < cue.start()
                        && text[sentence.start()..m.span.start()]
                            .split_whitespace()
                            .count()
                            <= 4
                }) {
                    founds.push(found_at(m, cue));
                    continue;
                }
            }
        }
        inner_source_speaks(text, sentence, &mut founds, &follows);
        // a quotation signed after a dash: "“…” ― Jane Roe"
        if founds.is_empty() {
            if let Some((name, sp, dash)) = signed_quotation(text, sentence, &ms) {
                let name = match ms.iter().find(|m| m.span == sp) {
                    Some(m) => full_name(&name, m.label),
                    None => name,
                };
                founds.push(Found {
                    speaker: name,
                    source: Some(sp),
                    cue: dash,
                });
            }
        }
        // a name and a colon opening the sentence: "Mayor Ortiz: The levy will hold",
        // "Q: Did you know?"
        if founds.is_empty() && !open_before {
            if let Some((sp, colon)) = colon_source(text, &ws, sentence) {
                let name = match ms.iter().find(|m| m.span == sp) {
                    Some(m) => full_name(&text[sp.start()..sp.end()], m.label),
                    None => text[sp.start()..sp.end()].to_string(),
                };
                founds.push(Found {
                    speaker: name,
                    source: Some(sp),
                    cue: colon,
                });
                written.push((colon, sp));
            }
        }
        let quoted_start = s_text.starts_with(['"', '“', '‘']) || open_before;
        // (speaker, speaker span, cue) of each attribution here; none, or a quotation going
        // on from the last sentence
        let atts: Vec<(Option<String>, Option<Span>, Option<Span>)> = if !founds.is_empty() {
            founds
                .into_iter()
                .map(|f| (Some(f.speaker), f.source, Some(f.cue)))
                .collect()
        } else {
            match &quote_open_speaker {
                Some((n, sp)) if quoted_start => vec![(Some(n.clone()), Some(*sp), None)],
                _ => vec![(None, None, None)],
            }
        };
        let quotes = s_text.contains('"') || s_text.contains('“') || s_text.contains('”');
        let colon_cue = atts.iter().any(|a| {
            a.2.is_some_and(|c| {
                text.get(c.end()..sentence.end())
                    .is_some_and(|r| r.trim() == ":")
            })
        });
        for (speaker, speaker_span, _) in &atts {
            // remember who speaks, for pronouns and running quotations
            // a pronoun left as written stands for no one to remember
            let named = speaker.as_deref().filter(|n| !is_pronoun(n));
            if let (Some(n), Some(sp)) = (named.map(str::to_string), *speaker_span) {
                let at = mentions.partition_point(|m| m.span.start() < sp.start());
                let label = mentions.get(at).filter(|m| m.span == sp).map(|m| m.label);
                if label == Some(Label::Person) {
                    recent.note(n.clone(), sp);
                    since_person = 0;
                } else {
                    last_thing = Some((n.clone(), sp));
                }
                // (a quotation still open at the end goes on with its speaker)
                quote_open_speaker =
                    (quotes || s_text.trim_end().ends_with(':') || quote_open).then_some((n, sp));
            } else if !quoted_start {
                quote_open_speaker = None;
            }
            if speaker.is_none() {
                // "it" only reaches back one sentence
                last_thing = None;
                // everyone named, the last one latest
                for m in ms.iter().filter(|m| m.label == Label::Person) {
                    let n = full_name(&text[m.span.start()..m.span.end()], m.label);
                    recent.note(n, m.span);
                    since_person = 0;
                }
            }
        }
        let facts = worth::Facts::of(s_text, ms.len());
        // each attribution's source as written here, and its content
        let mut parts: Vec<(Option<Span>, Span)> = atts
            .iter()
            .map(|(_, speaker_span, cue)| {
                // the mention found, or the pronoun or title next to the cue when it stands
                // for someone named before
                let rewritten = cue.and_then(|c| written.iter().find(|w| w.0 == c).map(|w| w.1));
                let source = match (*speaker_span, *cue) {
                    _ if rewritten.is_some() => rewritten,
                    (Some(sp), _)
                        if sp.start() >= sentence.start() && sp.end() <= sentence.end() =>
                    {
                        Some(sp)
                    }
                    // (the nearest of the six words before the cue, then the one after)
                    (Some(_), Some(c)) => ws
                        .iter()
                        .rev()
                        .filter(|w| w.span.end() <= c.start())
                        .take(6)
                        .chain(ws.iter().find(|w| w.span.start() >= c.end()))
                        .find(|w| is_pronoun(w.text) || TITLE_SUBJECTS.contains(&w.text))
                        .map(|w| w.span),
                    _ => None,
                };
                // the statement lies after any other attribution's cue before this one:
                // "X said A, and Y said B" gives Y nothing of A
                let scope = match *cue {
                    Some(c) => {
                        let start = source
                            .filter(|s| s.start() >= sentence.start())
                            .map_or(c.start(), |s| s.start().min(c.start()));
                        let from = atts
                            .iter()
                            .filter_map(|a| a.2)
                            .filter(|o| *o != c && o.end() <= start)
                            .map(|o| o.end())
                            .max()
                            .unwrap_or(sentence.start());
                        Span::new(from.max(sentence.start()), sentence.end())
                    }
                    None => sentence,
                };
                let content = match *cue {
                    Some(c) if follows.contains(&c) || rewritten.is_some() => {
                        content_after(text, sentence, c)
                    }
                    // after another attribution, what precedes the cue is that one's
                    Some(c) if scope.start() > sentence.start() => {
                        let end = source
                            .filter(|s| s.start() >= c.end())
                            .map_or(c.end(), |s| s.end());
                        content_after(text, sentence, Span::new(c.start(), end))
                    }
                    Some(c) => content_span(text, scope, c, source),
                    None => sentence,
                };
                (source.filter(|_| cue.is_some()), content)
            })
            .collect();
        end_at_next_attribution(text, &atts, &mut parts, &follows);
        // the words a suggestion is about, by which decisions on it are kept: the sentence,
        // or with several attributions in it, each one's source, cue and content
        let mut made: Vec<Suggestion> = Vec::with_capacity(atts.len());
        for ((speaker, speaker_span, cue), (source, content)) in atts.into_iter().zip(parts) {
            let key = if made.is_empty() && cue.is_none() {
                sentence
            } else {
                // a second verb's words are its own, not its subject's
                let own_source = source.filter(|_| !cue.is_some_and(|c| follows.contains(&c)));
                [own_source, cue]
                    .into_iter()
                    .flatten()
                    .filter(|s| s.start() >= sentence.start() && s.end() <= sentence.end())
                    .fold(content, |a, b| {
                        Span::new(a.start().min(b.start()), a.end().max(b.end()))
                    })
            };
            let worth = facts.worth(speaker.is_some());
            // a span cut inside a pair of apostrophes read as one quotation mark holds both
            let (key, content) = match &self.plain_quotes {
                Some(_) => (
                    whole_pairs(doc.text(), key),
                    whole_pairs(doc.text(), content),
                ),
                None => (key, content),
            };
            if made.iter().any(|m| m.sentence == key) {
                continue;
            }
            made.push(Suggestion {
                sentence: key,
                content,
                speaker,
                speaker_span,
                source,
                cue,
                worth,
            });
        }
        if made.len() == 1 {
            made[0].sentence = sentence;
        }
        crate::core::sort::sort_by_key(&mut made, |m| (m.sentence.start(), m.sentence.end()));
        out.extend(made);
        self.out = out;
        self.carry = Carry {
            recent,
            last_thing,
            last_plural,
            quote_open_speaker,
            runs_on: quote_open || s_text.trim_end().ends_with(':'),
            colon_cue,
            quote_open,
            last_block,
            since_person,
        };
    }
}

/// Several attributions in a sentence: a statement ends where the next attribution in its
/// own clause begins ("X said A, and Y said B"; "X denied A and said B"), but holds one
/// nested in it ("X said that Y believes B"). `atts` are (speaker, source, cue) and `parts`
/// (source as written, content), one for each.
pub(super) fn end_at_next_attribution(
    text: &str,
    atts: &[(Option<String>, Option<Span>, Option<Span>)],
    parts: &mut [(Option<Span>, Span)],
    follows: &[Span],
) {
    if atts.len() > 1 {
        for j in 0..atts.len() {
            let Some(cue) = atts[j].2 else { continue };
            let (_, content) = parts[j];
            let next = (0..atts.len())
                .filter(|&o| o != j)
                .filter_map(|o| {
                    let c = atts[o].2?;
                    let start = if follows.contains(&c) {
                        c.start()
                    } else {
                        parts[o].0.map_or(c.start(), |s| s.start().min(c.start()))
                    };
                    Some((start, atts[o].0 == atts[j].0))
                })
                .filter(|&(start, _)| start >= cue.end() && start > content.start())
                .min();
            if let Some((start, same)) = next.filter(|&(start, _)| start < content.end()) {
                let between = &text[cue.end()..start];
                if same
                    || between.contains([',', ';', '—'])
                    || between.contains(" and ")
                    || between.contains(" but ")
                {
                    let cut = text[content.start()..start].trim_end_matches(|c: char| {
                        c.is_whitespace() || matches!(c, ',' | ';' | '—' | '-')
                    });
                    // a title before the next source is the next source's: "…, and
                    // Governor"
                    let mut cut = cut;
                    for _ in 0..3 {
                        match cut.rsplit_once(' ') {
                            Some((head, w))
                                if w.chars().next().is_some_and(char::is_uppercase)
                                    && w.chars().all(|c| c.is_alphabetic() || c == '.') =>
                            {
                                cut = head
                            }
                            _ => break,
                        }
                    }
                    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
                    let cut = cut
                        .strip_suffix(" and")
                        .or_else(|| cut.strip_suffix(" but"))
                        .or_else(|| cut.strip_suffix(" with"))
                        .unwrap_or(cut)
                        .trim_end_matches(|c: char| c.is_whitespace() || c == ',');
                    if !cut.is_empty() {
                        parts[j].1 = Span::new(content.start(), content.start() + cut.len());
                    }
                }
            }
        }
    }
}

/// "According to the Herald, Professor X said …": the inner source speaks; the outer one
/// only reports that it did. The outer attribution, opening the sentence, gives way to an
/// inner one with a cue and a source of its own after it.
pub(super) fn inner_source_speaks(
    text: &str,
    sentence: Span,
    founds: &mut Vec<Found>,
    follows: &[Span],
) {
    if founds.len() > 1 {
        let according = |c: &Span| text[c.start()..c.end()].eq_ignore_ascii_case("according to");
        if let Some(Found {
            source: Some(outer),
            cue,
            ..
        }) = founds.first().filter(|f| according(&f.cue))
        {
            let (outer, cue) = (*outer, *cue);
            let inner = founds.iter().skip(1).any(
                |Found {
                     source: sp, cue: c, ..
                 }| {
                    !according(c)
                        && sp.is_some_and(|sp| sp.start() >= outer.end())
                        && !follows.contains(c)
                },
            );
            let opens = text[sentence.start()..cue.start()].trim().is_empty();
            if inner && opens {
                founds.remove(0);
            }
        }
    }
}
