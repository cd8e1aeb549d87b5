//! Capitalised runs to classified mentions: the rules, with the lexicons.

use super::*;

/// A single capitalised word the lexicons do not know.
pub(super) struct Pending {
    pub(super) span: Span,
    /// What the words around it say: "X said" is a person's, "the X" an organisation's.
    pub(super) guess: Option<Label>,
}

/// The state of an entity scan, kept between slices (see `EntityScan`).
#[derive(Default)]
pub(super) struct ScanState {
    /// Words seen in lower case somewhere in the article.
    pub(super) lower_words: HashSet<String>,
    pub(super) out: Vec<Mention>,
    /// Single capitalised words left unclassified, resolved in a second pass: a person's
    /// surname, else what their context says they are (`Pending::guess`), else nothing.
    pub(super) pending: Vec<Pending>,
    /// The single capitalised words left unclassified after the second pass, in text
    /// order: a list may tell what they are (`lists`).
    pub(super) unnamed: Vec<Span>,
    /// Acronyms the article defines for lower-case words ("compact fluorescent lamps
    /// (CFLs)"): terms, not organisations.
    pub(super) plain_acronyms: HashSet<String>,
    /// Single words that are likely places (a city of the lexicon, a word after "in"),
    /// unless the article names a person with that word: resolved in a second pass.
    pub(super) weak_places: Vec<Span>,
    /// The spans (start, end) of the mentions the rules surely know (`push_sure`).
    pub(super) sure: HashSet<(usize, usize)>,
    /// The tokens of the sentences scanned, for the model.
    pub(super) tokens: SentenceTokens,
    /// The names of storms ("Phailin" of "Cyclone Phailin"): no mention of the article's
    /// is one of them.
    pub(super) storms: HashSet<String>,
}

pub(super) struct Extractor<'a> {
    pub(super) text: &'a str,
    pub(super) lex: &'static lexicon::Lexicon,
    pub(super) st: &'a mut ScanState,
    /// The current sentence is in Title Case (a headline): capitals say little there.
    pub(super) title_case: bool,
    /// The capitalised run being classified and the words around it.
    pub(super) run: RunContext<'a>,
}

/// Where a run of capitalised words sits: its span, the word before it and the tokens
/// after it (up to four), for the rules that read context ("the X", "X, a charity").
#[derive(Default)]
pub(super) struct RunContext<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) before: Option<&'a str>,
    pub(super) after: Vec<Tok<'a>>,
    /// The run is all that stands between quotation marks.
    pub(super) quoted: bool,
    /// The run follows "the town of", "a suburb of", "the mayor of": it names a place.
    pub(super) place_of: bool,
}

/// The tokens' words joined by a space: the text itself when one space parts each of them
/// there (as it does in most names), so most lookups make no string.
pub(super) fn phrase<'t>(text: &'t str, toks: &[Tok]) -> std::borrow::Cow<'t, str> {
    let in_text = |t: &Tok| {
        text.get(t.start..t.end)
            .is_some_and(|w| std::ptr::eq(w.as_ptr(), t.text.as_ptr()) && w.len() == t.text.len())
    };
    let spaced = toks.iter().all(in_text)
        && toks
            .windows(2)
            .all(|w| text.get(w[0].end..w[1].start) == Some(" "));
    if let (true, Some(f), Some(l)) = (spaced, toks.first(), toks.last()) {
        if let Some(p) = text.get(f.start..l.end) {
            return std::borrow::Cow::Borrowed(p);
        }
    }
    let mut s = String::new();
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(t.text);
    }
    std::borrow::Cow::Owned(s)
}

/// The most particles a name holds in a row ("de la", "van der").
const MAX_PARTICLES: usize = 3;
/// The most words of a capitalised run read as a whole: longer runs are cut at their
/// connectors ("Office of the United Nations High Commissioner for Human Rights" is 10).
const MAX_RUN_WORDS: usize = 24;

/// Whether `before` ends with an age set off by commas, then "of": "Jo Smith, 52, of "
/// (the place one is from follows).
fn age_then_of(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(", of") else {
        return false;
    };
    let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits) && rest[..rest.len() - digits].ends_with(", ")
}

/// Whether a capitalised word is the plural of a role a person has ("Analysts", "Brokers",
/// "Coaches", "Lobbyists"): a group of people, no one's name.
pub(super) fn plural_of_role(w: &str) -> bool {
    if !w.ends_with('s') {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    let Some(one) = lower.strip_suffix('s') else {
        return false;
    };
    PERSON_ROLES.contains(one)
        || one
            .strip_suffix('e')
            .is_some_and(|o| o.ends_with(['h', 'x', 's']) && PERSON_ROLES.contains(o))
        || (one.len() > 4 && one.ends_with("ist"))
}

/// Plurals of kinds of place that follow names joined by "and" ("Marren and Dunley
/// counties"), and the class of those names.
const PLURAL_PLACE_KINDS: [(&str, Label); 9] = [
    ("counties", Label::Gpe),
    ("states", Label::Gpe),
    ("provinces", Label::Gpe),
    ("cities", Label::Gpe),
    ("towns", Label::Gpe),
    ("districts", Label::Gpe),
    ("boroughs", Label::Gpe),
    ("rivers", Label::Loc),
    ("islands", Label::Loc),
];

/// Whether a word is a Roman number a monarch or pope bears, II to XXIII ("III",
/// "XVI"): no "I", which is a pronoun.
fn regnal_number(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// The first word from `i` on in `toks` that is no connector (`toks.len()` if none).
fn past_connectors(toks: &[Tok], mut i: usize) -> usize {
    while toks.get(i).is_some_and(|t| t.connector()) {
        i += 1;
    }
    i
}

impl<'a> Extractor<'a> {
    /// Pushes a mention the rules surely know (an acronym, a CamelCase brand, an
    /// organisation by its context, one named before a person): the model keeps it.
    pub(super) fn push_sure(&mut self, toks: &[Tok], label: Label) {
        if let (Some(f), Some(l)) = (toks.first(), toks.last()) {
            self.st.sure.insert((f.start, l.end));
        }
        self.push(toks, label, None);
    }

    pub(super) fn push(&mut self, toks: &[Tok], label: Label, role: Option<Span>) {
        if let (Some(f), Some(l)) = (toks.first(), toks.last()) {
            self.st.out.push(Mention {
                span: Span::new(f.start, l.end),
                label,
                role,
                entity: 0,
            });
        }
    }

    pub(super) fn title_len_at(&self, toks: &[Tok], i: usize) -> usize {
        if !toks
            .get(i)
            .is_some_and(|t| self.lex.title_first.contains(t.text))
        {
            return 0;
        }
        for k in (1..=self.lex.title_max_words.min(toks.len().saturating_sub(i))).rev() {
            // (a title before a name takes no possessive: "King's College", "Queen's
            // University" are names of their own; "the Secretary of State's emails" names
            // no one after the title)
            if toks[i + k - 1].possessive && toks.get(i + k).is_some_and(|n| n.cap()) {
                continue;
            }
            if self
                .lex
                .titles
                .contains(&*phrase(self.text, &toks[i..i + k]))
            {
                return k;
            }
        }
        0
    }

    /// Whether `t` labels a caption's credit or source, as a colon after it says: "Image:
    /// Nick Moreau", "… Ahmed Mohamed Image: Twitter" (no name, nor part of the one
    /// before it).
    fn caption_label(&self, t: &Tok) -> bool {
        CAPTION_LABELS.contains(t.text) && self.text[t.end..].starts_with(':')
    }

    /// Lexicon and structure classes of a whole phrase: ORG, GPE, LOC, NORP.
    pub(super) fn known(&self, toks: &[Tok]) -> Option<Label> {
        let p = phrase(self.text, toks);
        let lex = self.lex;
        let kinds = lex.kinds(&p);
        if kinds.has(Kinds::ORG) {
            return Some(Label::Org);
        }
        if kinds.has(Kinds::GPE) {
            return Some(Label::Gpe);
        }
        if kinds.has(Kinds::REGION) {
            return Some(Label::Loc);
        }
        if lex.is_norp_of(&p, kinds) {
            return Some(Label::Norp);
        }
        let first = toks.first()?.text;
        let last = toks.last()?.text;
        let n = toks.len();
        // a title, perhaps a name (a given name, or one word), then a surname that is also a
        // place's head word: a person ("Judge Ana Park", "Mayor Jo Hill", "Sen. Hill"),
        // whatever the head word says
        if SURNAME_PLACE_HEADS.contains(last) || SURNAMES_TOO.contains(last) {
            let titles = self.title_len_at(toks, 0);
            if titles > 0 && (n <= titles + 2 || self.lex.given.contains(toks[titles].text)) {
                return None;
            }
        }
        if n >= 2 && kinds.has(Kinds::CITY) && !LOC_HEADS.contains(last) {
            return Some(Label::Gpe);
        }
        // "East Los Angeles", "Northern Ontario", "New South Wales": a part of a known place
        let mut k = 0;
        while k + 1 < n && (COMPASS.contains(toks[k].text) || toks[k].text == "New") {
            k += 1;
            let rest = lex.kinds(&phrase(self.text, &toks[k..]));
            if rest.has(Kinds::GPE) {
                return Some(Label::Gpe);
            }
            if rest.has(Kinds::REGION) {
                return Some(Label::Loc);
            }
        }
        // a head word names the whole run only when no "for" or "and" joins two names in it
        let one_name = !toks
            .iter()
            .any(|t| matches!(t.text, "for" | "and" | "&" | "on"));
        if one_name && self.federal_body(toks) {
            return Some(Label::Org);
        }
        if n >= 2 && one_name && SETTLEMENT_HEADS.contains(last) {
            return Some(Label::Gpe);
        }
        if n >= 2 && one_name && FACILITY_HEADS.contains(last) && !lex.org_words.contains(first) {
            return Some(Label::Loc);
        }
        // "Homeland Security Departments": the plural of an organisation word (not a
        // surname: "Kathryn Waters")
        let singular = last
            .strip_suffix("ies")
            .map(|s| format!("{s}y"))
            .or_else(|| last.strip_suffix('s').map(str::to_string));
        if n >= 2
            && one_name
            && !lex.given.contains(first)
            && singular
                .as_deref()
                .is_some_and(|w| w != last && lex.org_words.contains(w))
        {
            return Some(Label::Org);
        }
        // organisations: "X Party", "Home Office", "Department of Defense", "Office of the Spokesperson"
        let two_last = (n >= 2).then(|| phrase(self.text, &toks[n - 2..]));
        if n >= 2
            && (lex.org_words.contains(last)
                || CORP_SUFFIXES.contains(last)
                || two_last
                    .as_deref()
                    .is_some_and(|t| lex.org_words.contains(t)))
        {
            return Some(Label::Org);
        }
        if toks
            .windows(2)
            .any(|w| lex.org_words.contains(w[0].text) && (w[1].text == "of" || w[1].text == "for"))
        {
            return Some(Label::Org);
        }
        // "County Tyrone", "County Durham": a county by its name after the word (its
        // council is an organisation, read above)
        if n == 2 && first == "County" && toks[1].cap() {
            return Some(Label::Gpe);
        }
        if n >= 2
            && (LOC_HEADS.contains(last)
                // (not an event named after the place: "the Gulf War")
                || (LOC_LEADS.contains(first)
                    && !lex.titles.contains(first)
                    && !EVENT_HEADS.contains(last))
                || (SURNAME_PLACE_HEADS.contains(last) && !lex.given.contains(first)))
        {
            return Some(Label::Loc);
        }
        // "East Java", "North Bridgton": a compass word before a name no one bears is a
        // part of a place (two words only: "West Ham United", "Southern Baptist
        // Convention" name more than a place)
        if n == 2
            && PLACE_COMPASS.contains(first)
            && toks[1].cap()
            && !lex.given.contains(last)
            && !EVENT_HEADS.contains(last)
        {
            return Some(Label::Gpe);
        }
        if n == 1
            && toks[0].acronym()
            && !NEVER.contains(first)
            && !not_an_org_acronym(first)
            && !self.st.plain_acronyms.contains(first)
            && !self.shouted_word(first)
        {
            return Some(Label::Org);
        }
        None
    }

    /// The tokens of a person's name at the end of `toks`: given name, initials, surname, suffix.
    /// A surname's particles count with it: "Charles de Gaulle", "Osama bin Laden".
    pub(super) fn name_tail(toks: &[Tok]) -> usize {
        let n = toks.len();
        let mut i = n;
        if i > 1 && NAME_SUFFIXES.contains(toks[i - 1].text) {
            i -= 1;
        }
        i = i.saturating_sub(1);
        // (the particles before the surname, then the given name they follow)
        let mut j = i;
        while j > 0 && i - j < MAX_PARTICLES && NAME_PARTICLES.contains(toks[j - 1].text) {
            j -= 1;
        }
        let particles = j < i && j > 0 && toks[j - 1].cap() && !toks[j - 1].connector();
        if particles {
            i = j - 1;
        }
        while i > 0 && toks[i - 1].initial() {
            i -= 1;
        }
        if !particles && i > 0 && toks[i - 1].cap() && !toks[i - 1].connector() {
            i -= 1;
        }
        i
    }

    /// Whether the connector at `i` is a particle inside a person's name: "de" in "Charles
    /// de Gaulle", "bin" in "Mohammed bin Salman": a capitalised word on either side (or
    /// another particle after it: "Maria de la Cruz").
    fn name_particle(toks: &[Tok], i: usize) -> bool {
        let particle = |k: usize| toks.get(k).is_some_and(|t| NAME_PARTICLES.contains(t.text));
        // (a name holds a few particles at most: no walk over a run of thousands)
        let (mut a, mut b) = (i, i);
        while a > 0 && i - a < MAX_PARTICLES && particle(a - 1) {
            a -= 1;
        }
        while b - i < MAX_PARTICLES && particle(b) {
            b += 1;
        }
        let name = |k: usize| toks.get(k).is_some_and(|t| t.cap() && !t.connector());
        b > i && a > 0 && name(a - 1) && name(b)
    }

    /// The longest known names in `toks`, from the left, each as `known` classes it.
    fn push_known_parts(&mut self, toks: &[Tok]) {
        let mut a = 0;
        while a < toks.len() {
            let found = (a + 1..=toks.len())
                .rev()
                .find_map(|b| Some((b, self.known(&toks[a..b])?)));
            match found {
                Some((b, label)) => {
                    self.push(&toks[a..b], label, None);
                    a = b;
                }
                None => a += 1,
            }
        }
    }

    /// Classifies each part of `toks` between the words where `cut` holds (those words
    /// left out).
    fn classify_parts(&mut self, toks: &[Tok], cut: impl Fn(usize) -> bool) {
        let mut part = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if cut(i) {
                self.classify(&std::mem::take(&mut part));
            } else {
                part.push(*t);
            }
        }
        self.classify(&part);
    }

    pub(super) fn classify(&mut self, toks: &[Tok]) {
        if toks.is_empty() {
            return;
        }
        // a run longer than any name is several names, or none: its parts between
        // connectors are read alone (and no rule below reads a long run once per "and")
        if toks.len() > MAX_RUN_WORDS {
            if toks.iter().any(|t| t.connector()) {
                self.classify_parts(toks, |i| toks[i].connector());
            }
            return;
        }
        // a storm is no one: "Cyclone Phailin", "Hurricane Ida", "Tropical Storm Alma"
        // (its name alone later is no one either: `ScanState::storms`)
        if let Some(k) = storm_name_at(toks) {
            let (a, b) = (toks[k].start, toks[toks.len() - 1].end);
            self.st.storms.insert(self.text[a..b].to_string());
            return;
        }
        // a firm's name of names joined by "&": "Marks & Spencer", "Procter & Gamble"
        // (not two people's: "Jo Lee & Ole Brandt", a given name and more on a side)
        let amp = toks.iter().position(|t| t.text == "&");
        let a_person = |side: &[Tok]| {
            side.len() >= 2
                && side
                    .first()
                    .is_some_and(|t| self.lex.given.contains(t.text))
        };
        if let Some(k) = amp.filter(|&k| a_person(&toks[..k]) || a_person(&toks[k + 1..])) {
            self.classify(&toks[..k]);
            self.classify(&toks[k + 1..]);
            return;
        }
        if toks.len() <= 5
            && amp.is_some_and(|k| toks[k + 1..].iter().all(|t| t.text != "&"))
            && toks.iter().all(|t| t.cap() || t.text == "&")
            && toks.first().is_some_and(Tok::cap)
            && toks.last().is_some_and(Tok::cap)
        {
            self.push(toks, Label::Org, None);
            return;
        }
        // a state by its form: "the Republic of Ostravia", "the Kingdom of Lesotho",
        // "Grand Duchy of Luxembourg" (the name after "of" in capitals, no connector)
        if let Some(form) = toks.iter().position(|t| STATE_FORMS.contains(t.text)) {
            // (the name may open with "the": "Democratic Republic of the Congo")
            let mut name = toks.get(form + 2..).unwrap_or_default();
            if name.len() > 1 && name[0].text == "the" {
                name = &name[1..];
            }
            if toks.get(form + 1).is_some_and(|t| t.text == "of")
                && toks[..form].iter().all(|t| t.cap())
                && !name.is_empty()
                && name.iter().all(|t| t.cap() && !t.connector())
                && !toks[..toks.len() - 1].iter().any(|t| t.possessive)
            {
                self.push_sure(toks, Label::Gpe);
                return;
            }
        }
        // a plural of a title names no one: "Senators", "Republican Senators" (but "the
        // Kansas City Chiefs" is a team's name, and "Queens" a place)
        if let Some((last, before)) = toks.split_last() {
            // (a rank's plural names places and teams: "Queens", "Kings County")
            let plural_title = last.text.strip_suffix('s').is_some_and(|stem| {
                self.lex.titles.contains(stem)
                    && !matches!(
                        stem,
                        "Queen" | "King" | "Prince" | "Princess" | "Duke" | "Lord"
                    )
            });
            if plural_title
                && before
                    .iter()
                    .all(|t| self.lex.is_norp(t.text) || party_word(t.text))
            {
                if !before.is_empty() {
                    self.classify(before);
                }
                return;
            }
        }
        // "St. Louis", "St Paul" after a preposition of place, or a known "Saint …": a
        // town named for a saint (not "met St. John")
        // (not a saint's church, school or hospital: "St. Ann's Church", "St. Anselm
        // College")
        if let [saint, name] = toks {
            if matches!(saint.text, "St." | "St")
                && name.cap()
                && !name.possessive
                && self.run.end == name.end
                && (self.run.before.is_some_and(|b| {
                    PLACE_PREPOSITIONS.contains(b) || MOTION_PREPOSITIONS.contains(b)
                }) || self.lex.kinds(&format!("Saint {}", name.text)) != Kinds::default())
            {
                self.push(toks, Label::Gpe, None);
                return;
            }
        }
        // a time zone written out is no name: "Eastern Standard Time", "British Summer
        // Time", "Greenwich Mean Time" (their abbreviations are in `NEVER`)
        if let [.., kind, last] = toks {
            if last.text == "Time"
                && matches!(kind.text, "Standard" | "Daylight" | "Summer" | "Mean")
            {
                return;
            }
        }
        // "Name of the X Party": a name, then what it belongs to
        if let Some(k) = toks.iter().position(|t| t.text == "of") {
            let before = toks[..k].last().map(|t| t.text).unwrap_or("");
            let structural = self.lex.org_words.contains(before)
                || self.lex.titles.contains(before)
                || LOC_LEADS.contains(before)
                || before.ends_with('s') && self.lex.titles.contains(&before[..before.len() - 1]);
            let r = past_connectors(toks, k + 1);
            if k > 0 && !structural && r < toks.len() {
                self.classify(&toks[..k]);
                self.classify(&toks[r..]);
                return;
            }
        }
        // "Marren and Dunley counties", "the Oska and Tern rivers": names of one word each,
        // joined by "and" before the plural of a kind of place, are places
        if let [a, and, b] = toks {
            let kind = self
                .run
                .after
                .first()
                .filter(|_| b.end == self.run.end)
                .and_then(|t| PLURAL_PLACE_KINDS.iter().find(|(k, _)| *k == t.text));
            // (not compass words: "Northern and Northeastern states")
            let named = |t: &Tok| t.cap() && !COMPASS.contains(t.text) && !t.text.ends_with("ern");
            if let Some((_, label)) = kind.filter(|_| and.text == "and" && named(a) && named(b)) {
                self.push_sure(&toks[..1], *label);
                self.push_sure(&toks[2..], *label);
                return;
            }
        }
        // "A and B": two names when what follows "and" is a name of its own
        if let Some(k) = toks.iter().position(|t| t.text == "and") {
            let r = past_connectors(toks, k + 1);
            let right = &toks[r..];
            if self.one_body_across_and(toks, k, right) {
                // "the Food and Drug Administration", "the Department of Health and Human
                // Services" (without the article that opens a sentence: "The Securities
                // and Exchange Commission")
                let from = usize::from(toks[0].text == "The");
                self.push(&toks[from..], Label::Org, None);
                return;
            }
            if !right.is_empty() && (self.known(right).is_some() || self.title_len_at(right, 0) > 0)
            {
                self.classify(&toks[..k]);
                self.classify(right);
                return;
            }
        }
        // a state's abbreviation after a town and a comma: "Irvine, Calif.", "Concord,
        // N.H." (with its dot)
        if let [t] = toks {
            if self.after_a_town(t) {
                let dot =
                    usize::from(!t.text.ends_with('.') && self.text[t.end..].starts_with('.'));
                let state = Tok {
                    end: t.end + dot,
                    text: &self.text[t.start..t.end + dot],
                    ..*t
                };
                self.push_sure(&[state], Label::Gpe);
                return;
            }
        }
        if let Some(label) = self.known(toks) {
            if (toks.len() == 1 && toks[0].acronym()) || self.federal_body(toks) {
                // "KCNA": an acronym of no defined term is an organisation's; "Federal
                // Reserve" a federal body
                self.push_sure(toks, label);
            } else {
                self.push(toks, label, None);
            }
            return;
        }
        if self.named_by_org_noun(toks) || self.named_by_company_title(toks) {
            // "the Kommersant newspaper", "the domestic Yonhap news agency", "Cofinec
            // chairman Jo Lee"
            self.push_sure(toks, Label::Org);
            return;
        }
        // "the World Cup", "the American Revolutionary War": an event, no entity
        if toks.len() >= 2
            && toks.last().is_some_and(|t| EVENT_HEADS.contains(t.text))
            && !toks
                .first()
                .is_some_and(|t| self.lex.given.contains(t.text))
            && self.title_len_at(toks, 0) == 0
        {
            return;
        }
        // an organisation or place named before a person without a title: "the Refugee
        // Council Jane Roe" is the council and the person
        if toks.len() >= 3 && !toks.iter().any(|t| t.connector() && t.text != "of") {
            for k in (1..toks.len() - 1).rev() {
                let rest = &toks[k + 1..];
                // ... or two words that read only as a name: "the United States Hamdullah
                // Mohib" (no organisation word, title or word the article writes in lower case)
                let name_shaped = |t: &Tok| {
                    t.cap()
                        && !t.acronym()
                        && !self.lex.org_words.contains(t.text)
                        && !self.lex.titles.contains(t.text)
                        && !self.written_in_lower_case(t.text)
                };
                let headed = (self.lex.org_words.contains(toks[k].text)
                    || FACILITY_HEADS.contains(toks[k].text))
                    && self.lex.given.contains(rest[0].text);
                let two_names = rest.len() == 2
                    && rest.iter().all(name_shaped)
                    && (0..=k).all(|p| self.title_len_at(toks, p) == 0);
                if rest.len() <= 3 && (headed || two_names) && self.known(rest).is_none() {
                    if let Some(label) = self.known(&toks[..=k]) {
                        self.push_sure(&toks[..=k], label);
                        self.classify(rest);
                        // the name after it is surely one too
                        if let Some(m) = self.st.out.last() {
                            if m.span.start() == rest[0].start {
                                self.st.sure.insert((m.span.start(), m.span.end()));
                            }
                        }
                        return;
                    }
                }
            }
        }
        // a title, perhaps after a place, group or organisation: "NATO Secretary-General Mark Rutte"
        for p in 0..toks.len().min(4) {
            let tl = self.title_len_at(toks, p);
            if tl == 0 || toks[..p].iter().any(|t| t.connector()) {
                continue;
            }
            // a title word closing a name after a given name is a surname: "Charlie King",
            // "John Major"; so it is when an appositive gives the person's role ("Dana
            // King, a former director")
            if p > 0
                && p + tl == toks.len()
                && tl == 1
                && (self.lex.given.contains(toks[p - 1].text) || self.described_as_person(toks))
            {
                self.push_sure(toks, Label::Person);
                return;
            }
            if p > 0 {
                // (of words before the title that are no known name, the known parts:
                // "Republican" and "Idaho" in "Take Idaho Republican Sens. Mike Crapo"; but
                // a given name first makes the title word a surname: "Martin Luther King Jr.")
                if let Some(label) = self.known(&toks[..p]) {
                    self.push(&toks[..p], label, None);
                } else if p > 1 && self.lex.given.contains(toks[0].text) {
                    continue;
                } else if !self.title_case
                    && COMPANY_TITLES.contains(&phrase(self.text, &toks[p..p + tl]))
                    && self.could_name_org(&toks[..p])
                {
                    // a title only a company gives: "Cofinec CEO Stephen Frater", "Goldman
                    // Sachs Chairman Jo Lee"
                    self.push_sure(&toks[..p], Label::Org);
                } else {
                    self.push_known_parts(&toks[..p]);
                }
            }
            let mut q = p + tl;
            loop {
                let more = self.title_len_at(toks, q);
                if more > 0 && q + more < toks.len() {
                    q += more;
                } else if toks.get(q).is_some_and(|t| t.text == "of") && q + 1 < toks.len() {
                    // "Head of Presidential Administration Andriy Yermak": the name is the
                    // tail; "Emperor of the United States", "King of Athens": a place's
                    let r = past_connectors(toks, q + 1);
                    if let Some(label @ (Label::Gpe | Label::Loc | Label::Org)) =
                        toks.get(r..).and_then(|rest| self.known(rest))
                    {
                        self.push(&toks[r..], label, None);
                        return;
                    }
                    let rest = &toks[q + 1..];
                    q = q + 1 + Self::name_tail(rest).min(rest.len().saturating_sub(1));
                    break;
                } else {
                    break;
                }
            }
            // the name ends at a connector that is no particle of it; after "and", another
            // name: "Sen. Jo Lee and Ana Cruz"
            let cut = (q..toks.len()).find(|&i| {
                toks[i].connector() && !Self::name_particle(toks, i) || toks[i].text == "&"
            });
            let after_and = cut.filter(|&c| matches!(toks[c].text, "and" | "&"));
            let rest = &toks[q..cut.unwrap_or(toks.len())];
            let after = after_and.map(|c| toks.get(past_connectors(toks, c + 1)..).unwrap_or(&[]));
            if rest.is_empty() || (cut.is_some() && after.is_none()) {
                // two titles of one person: "former Ohio Gov. and Party Chairman Jo Lee" (a
                // title after "and"; not "Justice and Home Affairs")
                let titled = |a: &[Tok]| (0..a.len().min(4)).any(|k| self.title_len_at(a, k) > 0);
                if let Some(after) = after.filter(|a| titled(a)) {
                    self.classify(after);
                }
                return;
            }
            if rest.iter().all(|t| self.lex.titles.contains(t.text)) {
                return;
            }
            // a word that only qualifies a title is none alone: "Former Florida governor
            // Jeb Bush" (its run ends before "governor") is the place
            if p == 0 && toks[..q].iter().all(|t| TITLE_QUALIFIERS.contains(t.text)) {
                self.classify(rest);
                if let Some(after) = after {
                    self.classify(after);
                }
                return;
            }
            // (a given name opens the whole name, middle names and all: "Justice Sandra Day
            // O'Connor"; else the name is its tail: "Head of Presidential Administration
            // Andriy Yermak")
            let whole = rest.len() <= 4
                && self.lex.given.contains(rest[0].text)
                && rest.iter().all(|t| t.cap() || t.connector());
            let start = if whole { q } else { q + Self::name_tail(rest) };
            let role = Some(Span::new(toks[p].start, toks[q - 1].end));
            self.push(&toks[start..q + rest.len()], Label::Person, role);
            if let Some(after) = after {
                self.classify(after);
            }
            return;
        }
        // a given name, then a surname with its particles: "Charles de Gaulle", "Mohammed
        // bin Salman" (not "Banco de España")
        // (or any one word before particles that only persons' names hold: "Pieter van
        // Aalst", "Ursula von der Leyen", "Ahmed ibn Saud")
        let persons_particle =
            |t: &Tok| matches!(t.text, "van" | "von" | "bin" | "ibn" | "der" | "den");
        if (3..=5).contains(&toks.len())
            && (self.lex.given.contains(toks[0].text)
                || toks[0].cap() && !toks[0].connector() && persons_particle(&toks[1]))
            && (1..toks.len()).all(|i| !toks[i].connector() || Self::name_particle(toks, i))
            && toks.iter().any(|t| t.connector())
            && Self::name_tail(toks) == 0
        {
            self.push(toks, Label::Person, None);
            return;
        }
        // runs joined by connectors that are no single name: classify the parts (first cut
        // where no particle of a name stands: "Maria de la Cruz and Jo Lee")
        if toks.iter().any(|t| t.connector()) {
            let hard = |i: usize| toks[i].connector() && !Self::name_particle(toks, i);
            let at_particles = !(0..toks.len()).any(hard);
            self.classify_parts(toks, |i| toks[i].connector() && (at_particles || hard(i)));
            return;
        }
        if toks.len() == 1 {
            let t = toks[0];
            if NEVER.contains(t.text) || CORP_SUFFIXES.contains(t.text) || party_and_state(t.text) {
                return;
            }
            if self.lex.given.contains(t.text) {
                // a given name alone ("Daniel said") is a person, outside headlines
                if !self.title_case {
                    self.push(toks, Label::Person, None);
                }
                return;
            }
            if COMPASS.contains(t.text)
                && t.start == self.run.start
                && self.run.before.is_some_and(|b| b == "the")
                && !self.title_case
            {
                // "the West", "the South": a region
                self.push(toks, Label::Loc, None);
                return;
            }
            if camel_case(t.text) {
                // "YouTube", "LibriVox": a brand or organisation
                self.push_sure(toks, Label::Org);
                return;
            }
            if self.led_by(&t, ORG_LEADS)
                && !self.title_case
                && t.text.chars().all(char::is_alphabetic)
            {
                // "tyre giant Pirelli", "the daily Kommersant"
                self.push_sure(toks, Label::Org);
                return;
            }
            // a role's plural is no name: "Analysts said", "Brokers said" (not "Sanders")
            if plural_of_role(t.text) {
                return;
            }
            // "Shares in Harwick fell", "a stake in Harwick": what is owned in shares is a
            // company, not the place "in" would make it (a place the lexicon knows stays
            // one: "shares in London")
            if t.start == self.run.start
                && self.run.before == Some("in")
                && self.lex.kinds(t.text) == Kinds::default()
                && t.text.chars().all(char::is_alphabetic)
                && self
                    .text_before(t.start)
                    .strip_suffix("in")
                    .map(str::trim_end)
                    .is_some_and(|b| {
                        ["shares", "Shares", "stake", "stakes", "shareholding"]
                            .iter()
                            .any(|w| b.ends_with(w))
                    })
            {
                self.push_sure(toks, Label::Org);
                return;
            }
            // (not a word before a number: "in Case 22-506", "in Chapter 3", "in Room 101")
            let after_preposition = t.start == self.run.start
                && self
                    .run
                    .before
                    .is_some_and(|b| PLACE_PREPOSITIONS.contains(b))
                && !self
                    .run
                    .after
                    .first()
                    .is_some_and(|a| a.text.starts_with(|c: char| c.is_ascii_digit()));
            let feature = COMPASS.contains(t.text) || LOC_HEADS.contains(t.text);
            // a place name is a word in letters, not a code ("L2") nor a discipline
            // ("Linguistics") nor a doctrine ("Buddhism")
            let shaped = t.text.chars().all(char::is_alphabetic)
                && t.text.chars().skip(1).any(char::is_lowercase)
                && !["ics", "ism", "ology", "ture"]
                    .iter()
                    .any(|x| t.text.ends_with(x));
            // "eastern Zaire", "the capital Grozny", "Stansted airport" (not "the central
            // Transylvanian town", "this Democratic county", nor "Huge stadium lights")
            let adjective = ["ic", "ian", "ican", "ish", "ese", "ern"]
                .iter()
                .any(|x| t.text.ends_with(x));
            let place_word = !self.lex.is_norp(t.text)
                && !adjective
                && !self.lex.org_words.contains(t.text)
                && !self.lex.titles.contains(t.text)
                && !self.sentence_case_word(&t)
                && (self.led_by(&t, PLACE_LEADS)
                    // "in the capital, Drovno"
                    // ("Jo Smith, 52, of Marbury": where one is from, after one's age)
                    || t.start == self.run.start && {
                        let before = self.text_before(t.start);
                        ["the capital,", "its capital,", "their capital,"]
                            .iter()
                            .any(|l| before.ends_with(l))
                            || age_then_of(before)
                    }
                    || (t.end == self.run.end
                        && self
                            .run
                            .after
                            .first()
                            .is_some_and(|a| PLACE_AFTER.contains(a.text))));
            if self.lex.cities.contains(t.text)
                || ((after_preposition
                    || place_word
                    || (self.run.place_of && t.start == self.run.start))
                    && !self.title_case
                    && !feature
                    && shaped)
            {
                self.st.weak_places.push(Span::new(t.start, t.end));
            } else {
                let next = self.run.after.iter().find(|a| a.word).map(|a| a.text);
                let guess = if self.title_case || !shaped {
                    None
                } else if next.is_some_and(|n| SPEECH_AFTER.contains(n))
                    || (person_apposed(&self.run.after)
                        && !self.lex.org_words.contains(t.text)
                        && !LOC_HEADS.contains(t.text)
                        && !SETTLEMENT_HEADS.contains(t.text))
                    || (self.run.before.is_some_and(|b| SPEECH_AFTER.contains(b))
                        && self
                            .run
                            .after
                            .first()
                            .is_none_or(|a| matches!(a.text, "." | "," | ";")))
                {
                    // "X said", "X, 45,", "X, who …", "…,” said X."
                    Some(Label::Person)
                } else if let Some(label) = described_then_speaks(&self.run.after) {
                    if label == Label::Org {
                        // the text says what it is: "Teck, the Canadian mining company,"
                        self.push_sure(toks, label);
                        return;
                    }
                    Some(label)
                } else if firm_clause_after(&self.run.after) {
                    // "Aldmoor, which is owned by …", "Norton, which declined to comment":
                    // what is owned, employs or declines is a firm or a body
                    Some(Label::Org)
                } else if self.before_a_place(toks) {
                    Some(Label::Gpe)
                } else {
                    None
                };
                self.st.pending.push(Pending {
                    span: Span::new(t.start, t.end),
                    guess,
                });
            }
            return;
        }
        // a leading place or group before a name: "Ukrainian negotiator" is cut by case already.
        // Names of two to four capitalised words are people.
        let described = self.described_as_person(toks);
        let last_is_title = !described
            && toks
                .last()
                .is_some_and(|t| self.lex.titles.contains(t.text));
        let ordinary = toks.iter().all(|t| self.written_in_lower_case(t.text));
        if toks.len() <= 4
            && !last_is_title
            && !ordinary
            && !self.title_case
            // (a generation after a name is no acronym: "Jo Lee III")
            && toks.iter().enumerate().all(|(j, t)| {
                !t.acronym()
                    || t.initial()
                    || j + 1 == toks.len()
                        && j >= 2
                        && NAME_SUFFIXES.contains(t.text)
                        // (a person's: after a given name or an initial, not "World War II")
                        && (self.lex.given.contains(toks[0].text)
                            || toks[..j].iter().any(Tok::initial))
                    // (a monarch's or pope's number after a given name: "Leopold III",
                    // "Louis XVI"; not "Title IX")
                    || j == 1
                        && toks.len() == 2
                        && self.lex.given.contains(toks[0].text)
                        && regnal_number(t.text)
            })
        {
            let whole = toks.first().is_some_and(|f| f.start == self.run.start)
                && toks.last().is_some_and(|l| l.end == self.run.end);
            if whole && self.run.quoted {
                // "Growing Up", “Half the World”: a title in quotation marks
                return;
            }
            // (after a place: "Ohio Democrat John Kerr")
            let place = (toks.len() >= 4)
                .then(|| self.known(&toks[..1]))
                .flatten()
                .filter(|l| matches!(l, Label::Gpe | Label::Loc));
            let g = usize::from(place.is_some());
            if let [group, first, _, ..] = &toks[g..] {
                if self.lex.is_norp(group.text)
                    && self.lex.given.contains(first.text)
                    && !self.lex.is_norp(first.text)
                {
                    // "American Dennis Mitchell", "Republican Bob Dole": a group or
                    // nationality, then a person named with a given name
                    if let Some(label) = place {
                        self.push(&toks[..1], label, None);
                    }
                    self.push(&toks[g..=g], Label::Norp, None);
                    self.push(&toks[g + 1..], Label::Person, None);
                    return;
                }
            }
            let given = toks
                .first()
                .is_some_and(|f| self.lex.given.contains(f.text));
            // "New York Democratic voters", "Ohio Labour councillors": a known place, then a
            // party's adjective, are two names ("the Ohio Republican" may be a person, and
            // stays one group's name)
            if let [place @ .., last] = toks {
                if party_word(last.text) && !place.is_empty() && !given {
                    if let Some(label) = self
                        .known(place)
                        .filter(|l| matches!(l, Label::Gpe | Label::Loc))
                    {
                        self.push(place, label, None);
                        self.push(std::slice::from_ref(last), Label::Norp, None);
                        return;
                    }
                }
            }
            if !given && toks.last().is_some_and(|l| self.lex.is_norp(l.text)) {
                // "Latin American", "Theravada Buddhist": a group
                self.push(toks, Label::Norp, None);
                return;
            }
            if self.run.place_of
                && toks.first().is_some_and(|f| f.start == self.run.start)
                && !given
                && toks.iter().all(|t| t.cap())
            {
                // "the town of Den Haag", "the state of New Mexico"
                self.push(toks, Label::Gpe, None);
                return;
            }
            let label = if described {
                // "Charlie King, a former executive director of …": a person, whatever
                // the words of the name
                self.push_sure(toks, Label::Person);
                return;
            } else if self.names_a_group(toks) {
                Label::Org
            } else if !given && self.of_a_person(toks) {
                // "Raymond Chan of People Power": what a person is of is a group or a place
                Label::Org
            } else if !given && self.before_a_place(toks) {
                // "Mountain View, California": a town named by its state or country
                Label::Gpe
            } else {
                Label::Person
            };
            if label == Label::Person {
                self.push(toks, label, None);
            } else {
                self.push_sure(toks, label);
            }
            return;
        }
        // longer runs: the known head, if any, else nothing
        let mut i = 0;
        while i < toks.len() {
            let mut hit = 0;
            for k in (1..=(toks.len() - i).min(4)).rev() {
                if let Some(label) = self.known(&toks[i..i + k]) {
                    self.push(&toks[i..i + k], label, None);
                    hit = k;
                    break;
                }
            }
            i += hit.max(1);
        }
    }

    /// Whether a run of capitalised words that would pass for a person's name reads as an
    /// organisation instead: a noun such as "firm" or "daily" right before it, or no given
    /// name first, and "the" before it ("the Civic
    /// Passion"), a place or nationality before its last word ("Ontario Ghostbusters"), an appositive
    /// that says so after it ("X, a charity"), or a company's possession ("X's
    /// shareholders").
    pub(super) fn names_a_group(&self, toks: &[Tok]) -> bool {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return false;
        };
        let at_start = first.start == self.run.start;
        if self.lex.given.contains(first.text) {
            return false;
        }
        if at_start && self.led_by(first, ORG_LEADS) {
            // "the daily Le Monde", "tyre giant Pirelli"
            return true;
        }
        let at_end = last.end == self.run.end;
        // "The developer, Harrowgate Living, said": set off by commas after an
        // organisation's noun and its article
        if at_start && at_end && self.run.after.first().is_some_and(|c| c.text == ",") {
            if let Some(b) = self.text_before(first.start).strip_suffix(',') {
                let mut w = b.split_whitespace().rev();
                if w.next().is_some_and(|n| ORG_NOUNS.contains(n))
                    && w.next().is_some_and(|a| matches!(a, "the" | "The"))
                {
                    return true;
                }
            }
        }
        if at_start && self.run.before.is_some_and(|b| b == "the" || b == "The") {
            return true;
        }
        // a place, group or organisation before the last word (a surname may be a place:
        // "Jack London")
        if toks[..toks.len() - 1].iter().any(|t| {
            self.lex.is_gpe(t.text)
                || self.lex.is_norp(t.text)
                || self.lex.cities.contains(t.text)
                || self.lex.orgs.contains(t.text)
        }) {
            return true;
        }
        if !at_end {
            return false;
        }
        let after = &self.run.after;
        if last.possessive {
            return after
                .first()
                .is_some_and(|w| ORG_POSSESSIONS.contains(w.text));
        }
        // "X, a charity", "X, the local football club"
        after.first().is_some_and(|c| c.text == ",")
            && after
                .get(1)
                .is_some_and(|d| matches!(d.text, "a" | "an" | "the"))
            && after[2..]
                .iter()
                .take(2)
                .any(|w| ORG_NOUNS.contains(w.text))
    }

    /// Whether `toks` end the run and an appositive naming a person's role follows: "X, a
    /// former executive director of …", "X, director of …", "X, the party's spokesman".
    pub(super) fn described_as_person(&self, toks: &[Tok]) -> bool {
        let after = &self.run.after;
        if toks.len() < 2
            || toks.last().is_none_or(|l| l.end != self.run.end)
            || after.first().is_none_or(|c| c.text != ",")
        {
            return false;
        }
        let words: Vec<&str> = after[1..]
            .iter()
            .take_while(|w| w.word || w.text.starts_with(['’', '\'']))
            .filter(|w| w.word)
            .map(|w| w.text)
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        let opened = matches!(*first, "a" | "an" | "the");
        if opened {
            // (a role within three words; an organisation's noun only right before it,
            // "the party spokesman", not "a company whose chief …")
            let near = &words[1..words.len().min(4)];
            near.iter()
                .position(|w| PERSON_ROLES.contains(w))
                .is_some_and(|j| {
                    !near[..j.saturating_sub(1)]
                        .iter()
                        .any(|o| ORG_NOUNS.contains(o))
                })
        } else {
            PERSON_ROLES.contains(first) && words.get(1).is_some_and(|w| *w == "of" || *w == "at")
        }
    }

    /// "Federal Reserve", "Federal Bureau of Prisons": a federal body, whatever its head
    /// (not a title's run: "Federal Reserve Chair Janet Yellen"; nor a law: "Federal
    /// Records Act"). The rules surely know it: the model keeps it.
    fn federal_body(&self, toks: &[Tok]) -> bool {
        matches!(toks, [first, second, ..]
            if first.text == "Federal" && !LOC_HEADS.contains(second.text))
            && toks.last().is_some_and(|l| !EVENT_HEADS.contains(l.text))
            && (0..toks.len()).all(|k| self.title_len_at(toks, k) == 0)
    }

    /// The text before byte `at`, without the space that ends it.
    fn text_before(&self, at: usize) -> &'a str {
        self.text.get(..at).unwrap_or("").trim_end()
    }

    /// Whether `t` opens the run right after a word of `leads`, not in the possessive
    /// ("the daily Le Monde", not "the paper's Robert Costa").
    pub(super) fn led_by(&self, t: &Tok, leads: crate::core::WordSet) -> bool {
        let before = self.text_before(t.start);
        t.start == self.run.start
            && self.run.before.is_some_and(|b| leads.contains(b))
            && !before.ends_with("'s")
            && !before.ends_with("’s")
    }

    /// Whether `toks` end the run and name what the lower-case noun after them is:
    /// "the Kommersant newspaper", "the Yonhap news agency", "the Voss company". Not a
    /// person's ("the Dole campaign" is no organisation's noun), a place's or a group's
    /// ("the Moscow newspaper", "the Russian company": the rules know those words), nor in
    /// a headline, nor a word joined by a hyphen or one that reads as an adjective
    /// ("Virginia-based", "Islamist").
    fn named_by_org_noun(&self, toks: &[Tok]) -> bool {
        if self.title_case || toks.last().is_none_or(|l| l.end != self.run.end) {
            return false;
        }
        let after = &self.run.after;
        let head = match after.first() {
            Some(w) if ORG_MODIFIERS.contains(w.text) => after.get(1),
            w => w,
        };
        head.is_some_and(|h| ORG_FOLLOWERS.contains(h.text)) && self.could_name_org(toks)
    }

    /// Whether `toks` end the run and a lower-case title only a company gives comes
    /// between them and a name: "Cofinec chairman Jo Lee", "Acme chief executive Ann
    /// Roe", "Tesla co-founder Ann Roe" (not "spokesman" or "adviser", which a person has:
    /// "Obama spokesman Josh Earnest"; not "president", which a region has).
    fn named_by_company_title(&self, toks: &[Tok]) -> bool {
        if self.title_case || toks.last().is_none_or(|l| l.end != self.run.end) {
            return false;
        }
        let after = &self.run.after;
        let role = match after.first().map(|w| w.text) {
            Some("chief") if after.get(1).is_some_and(|w| w.text == "executive") => 2,
            Some(w) if COMPANY_TITLES.contains(w) => 1,
            _ => return false,
        };
        after.get(role).is_some_and(|n| n.cap()) && self.could_name_org(toks)
    }

    /// Whether `toks`, found before a noun or title that says an organisation's name
    /// stands there, could be that name: no given name, place, group, title or word the
    /// article writes in lower case, no adjective ("Islamist") or hyphened word
    /// ("Virginia-based"), and no lone word that opens the sentence ("His company",
    /// "Neither company", "Tobacco company X").
    fn could_name_org(&self, toks: &[Tok]) -> bool {
        let Some(first) = toks.first() else {
            return false;
        };
        !self.lex.given.contains(first.text)
            && !self.sentence_case_word(first)
            && (first.start != self.run.start || !self.run_opens_clause() || toks.len() > 1)
            && toks.iter().all(|t| {
                t.connector()
                    || (!t.text.contains('-')
                        && !["ic", "ian", "ican", "ish", "ese", "ist"]
                            .iter()
                            .any(|x| t.text.ends_with(x))
                        && !self.lex.is_gpe(t.text)
                        && !self.lex.is_norp(t.text)
                        && !self.lex.cities.contains(t.text)
                        && !self.lex.titles.contains(t.text))
            })
    }

    /// Whether "and" at `k` joins two halves of one body's name: a plain word before it
    /// (after a lower-case word, or after "of") and an organisation named by its head word
    /// after it ("the Food and Drug Administration", "Department of Health and Human
    /// Services"; not "Diplock and Browning and War Office", the names of a case). Not two
    /// names: a word the rules know ("Google and Apple Inc"), a given name, a title, an
    /// acronym or a word of a person's name the article gave before ("Obama and Clinton
    /// Foundation") stands alone; so do two names after "and the" ("the AFT and the
    /// National Education Association") and a paper or channel, which lists name
    /// ("Quinnipiac and Fox News").
    fn one_body_across_and(&self, toks: &[Tok], k: usize, right: &[Tok]) -> bool {
        let (Some(w), Some(head)) = (k.checked_sub(1).and_then(|i| toks.get(i)), right.last())
        else {
            return false;
        };
        // (a lone word after a lower-case word that joins no list: "the", "federal",
        // "in"; or after "The")
        let after_the = || {
            self.text_before(self.run.start)
                .strip_suffix("The")
                .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
        };
        let opens = (k == 1
            && toks[0].start == self.run.start
            && (after_the()
                || self.run.before.is_some_and(|b| {
                    b.starts_with(|c: char| c.is_lowercase())
                        && !matches!(b, "and" | "or" | "v" | "vs")
                })))
            || (k == 2 && toks[0].text == "The");
        (opens || (k >= 3 && toks[k - 2].text == "of"))
            && right.len() >= 2
            && right.iter().all(|t| t.text != "and")
            && toks.get(k + 1).is_some_and(|t| t.start == right[0].start)
            && !MEDIA_HEADS.contains(head.text)
            && w.cap()
            && !w.acronym()
            && !w.possessive
            && self.lex.org_words.contains(head.text)
            && !self.lex.given.contains(w.text)
            && !self.lex.titles.contains(w.text)
            && self.known(std::slice::from_ref(w)).is_none()
            && self.known(right) == Some(Label::Org)
            // (among the last 200 mentions: a bounded look, so a hostile text of such
            // names stays linear)
            && !self.st.out.iter().rev().take(200).any(|m| {
                m.label == Label::Person
                    && self
                        .text
                        .get(m.span.start()..m.span.end())
                        .is_some_and(|n| n.split(' ').any(|x| x == w.text))
            })
    }

    /// Whether the run opens its sentence or a quotation, where any word has a capital:
    /// no word and no comma, semicolon or dash comes before it ("Tobacco company X" and
    /// "(Neither company" open one; "Earlier, Acme chairman Jo Lee" does not).
    fn run_opens_clause(&self) -> bool {
        self.run.before.is_none()
            && !self
                .text_before(self.run.start)
                .ends_with([',', ';', '—', '–'])
    }

    /// Whether `toks` open the run right after a person's name and "of": "Ann Lee of
    /// Civic Passion".
    pub(super) fn of_a_person(&self, toks: &[Tok]) -> bool {
        let Some(first) = toks.first() else {
            return false;
        };
        self.st.out.last().is_some_and(|m| {
            m.label == Label::Person
                && self
                    .text
                    .get(m.span.end()..first.start)
                    .is_some_and(|g| g.trim() == "of")
        })
    }

    /// Whether `toks` end the run and a comma and a known place follow: "Irving, Texas",
    /// "Mountain View, California".
    pub(super) fn before_a_place(&self, toks: &[Tok]) -> bool {
        let after = &self.run.after;
        toks.last().is_some_and(|l| l.end == self.run.end)
            && after.first().is_some_and(|c| c.text == ",")
            && after.get(1).is_some_and(|p| {
                p.word
                    && (self.lex.is_gpe(p.text)
                        || US_STATES_SHORT.contains(p.text.trim_end_matches('.'))
                        || after.get(2).is_some_and(|q| {
                            q.word && self.lex.is_gpe(&format!("{} {}", p.text, q.text))
                        }))
            })
    }

    /// Whether `t` is a state's abbreviation right after a capitalised word and a comma:
    /// "Irvine, Calif.", "Ann Arbor, Mich", "Concord, N.H." (not "Miss Lee", "Ill.").
    fn after_a_town(&self, t: &Tok) -> bool {
        US_STATES_SHORT.contains(t.text.trim_end_matches('.'))
            && self
                .text_before(t.start)
                .strip_suffix(',')
                .and_then(|b| b.split_whitespace().next_back())
                .is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// An upper-case word the document also writes in lower case, long enough to be no
    /// acronym: "WHEREAS", "THEREFORE", "BREAKING" are shouted words, not organisations.
    pub(super) fn shouted_word(&self, w: &str) -> bool {
        w.len() >= 5 && self.written_in_lower_case(w)
    }

    /// Whether the article also writes `w` in lower case somewhere: a common word, not a
    /// name ("Means" of "By Any Means").
    pub(super) fn written_in_lower_case(&self, w: &str) -> bool {
        self.st.lower_words.contains(w.to_lowercase().as_str())
    }

    /// A capitalised word that starts a sentence only because it starts it.
    pub(super) fn sentence_case_word(&self, t: &Tok) -> bool {
        if STARTERS.contains(t.text) {
            return true;
        }
        // (a contraction of one: "We're", "It's", "They've")
        if let Some((head, _)) = t.text.split_once(['\'', '’']) {
            if STARTERS.contains(head) {
                return true;
            }
        }
        self.written_in_lower_case(t.text)
            && !self.lex.is_gpe(t.text)
            && !self.lex.orgs.contains(t.text)
    }

    pub(super) fn sentence(&mut self, sentence: Span) {
        let toks = tokenize(self.text, sentence);
        let is_line = !super::truecase::ends_in_stop(self.text, sentence);
        // each line's title case, by where it ends (most sentences are one line; "…
        // Invasion Of Iraq⏎See photos from the debate below:" is a headline, then not)
        // (each token read once, whatever the number of lines)
        let mut lines: Vec<(usize, bool)> = Vec::new();
        let mut from = sentence.start();
        let mut t0 = 0;
        let breaks = self.text[sentence.start()..sentence.end()]
            .match_indices('\n')
            .map(|(k, _)| sentence.start() + k)
            .chain([sentence.end()]);
        for at in breaks {
            let t1 = t0 + toks[t0..].partition_point(|t| t.start < at);
            let line = Span::new(from, at);
            let titled = title_case(self.text, &toks[t0..t1], line, |w| {
                STARTERS.contains(w)
                    || self.lex.titles.contains(w)
                    || self.lex.org_words.contains(w)
                    || self.written_in_lower_case(w)
            });
            lines.push((at, titled && (at < sentence.end() || is_line)));
            (from, t0) = (at + 1, t1);
        }
        self.title_case = lines.first().is_some_and(|l| l.1);
        let mut line_at = 0;
        let mut i = 0;
        let mut first_word = true;
        // a dateline: its place in capitals, then the story ("WASHINGTON — …")
        if let Some(d) = dateline(&self.text[sentence.start()..sentence.end()]) {
            let (place_end, end) = (sentence.start() + d.place_end, sentence.start() + d.len);
            let place: Vec<Tok> = toks
                .iter()
                .take_while(|t| t.end <= place_end && (t.word || t.text == "," || t.text == "."))
                .copied()
                .filter(|t| t.word)
                .collect();
            if !place.is_empty() {
                self.push(&place, Label::Gpe, None);
            }
            // ("(Reuters)": the agency that filed the story)
            if let Some(a) = d.agency {
                let (a0, a1) = (sentence.start() + a.start(), sentence.start() + a.end());
                let agency: Vec<Tok> = toks
                    .iter()
                    .filter(|t| t.word && t.start >= a0 && t.end <= a1)
                    .copied()
                    .collect();
                if !agency.is_empty() {
                    self.push_sure(&agency, Label::Org);
                }
            }
            while toks.get(i).is_some_and(|t| t.start < end) {
                i += 1;
            }
        }
        // a byline: its names are people ("By Ana Lima and Bo Chen")
        if i == 0 && is_line && whole_line(self.text, sentence) {
            if let Some((names, end)) = self.byline(&toks) {
                for name in names {
                    if let Some(name) = toks.get(name) {
                        self.push_sure(name, Label::Person);
                    }
                }
                i = end;
            }
        }
        while i < toks.len() {
            let t = toks[i];
            if !t.word {
                if !matches!(t.text, "\"" | "“" | "‘" | "'" | "(" | "[") {
                    first_word = false;
                }
                i += 1;
                continue;
            }
            let at_start = first_word;
            first_word = false;
            // a salutation: "Dear" is no name's, the name after it a person's
            if at_start && t.text == "Dear" {
                if let Some(name) = self.salutation(&toks, i) {
                    if let Some(name) = toks.get(name.clone()) {
                        self.push_sure(name, Label::Person);
                    }
                    i = name.end;
                } else {
                    i += 1;
                }
                continue;
            }
            let starts_known = || {
                (2..=3).any(|k| {
                    i + k <= toks.len()
                        && toks[i..i + k].iter().all(|x| x.word)
                        && self
                            .known(&toks[i..i + k])
                            .is_some_and(|l| l != Label::Person)
                        && !STARTERS.contains(t.text)
                })
            };
            // (a title before a name opens it even when the article writes the title in
            // lower case elsewhere: "President Clinton …" and "the president's plan")
            let titles_a_name = || {
                let k = self.title_len_at(&toks, i);
                k > 0
                    && toks.get(i + k).is_some_and(|n| {
                        // (not a place or a body the title is of: "Former Florida
                        // governor", "Former CIA director")
                        n.cap()
                            && n.word
                            && !n.acronym()
                            && !self.lex.is_norp(n.text)
                            && self.lex.kinds(n.text) == Kinds::default()
                            && !self.lex.org_words.contains(n.text)
                    })
            };
            if !t.cap()
                || NEVER.contains(t.text)
                || self.caption_label(&t)
                || (at_start && self.sentence_case_word(&t) && !starts_known() && !titles_a_name())
            {
                i += 1;
                continue;
            }
            // grow the run: capitalised words, connectors between them
            let mut j = i + 1;
            let mut end = i + 1;
            while j < toks.len() {
                let prev = toks[j - 1];
                let u = toks[j];
                // ("the New York-based Human Rights Watch": two names)
                if name_part(&prev).is_some() {
                    break;
                }
                if prev.possessive && !(u.cap() && self.lex.org_words.contains(u.text)) {
                    break;
                }
                // (a name does not go on over a line break: "… Invasion Of Iraq⏎See
                // photos")
                if self.text[prev.end..u.start].contains('\n') {
                    break;
                }
                if u.cap() && !NEVER.contains(u.text) && !self.caption_label(&u) {
                    j += 1;
                    end = j;
                } else if u.connector() || u.text == "&" && toks.get(j + 1).is_some_and(Tok::cap) {
                    j += 1;
                } else {
                    break;
                }
            }
            // "New York-based", "Hong Kong-listed", "Kowalski-led": the name before the
            // hyphen, the rest no part of it
            // (a copy only then: most runs are read where they lie)
            let cut: Vec<Tok>;
            let run: &[Tok] = match name_part(&toks[end - 1]) {
                Some(named) => {
                    cut = toks[i..end - 1].iter().copied().chain([named]).collect();
                    &cut
                }
                None => &toks[i..end],
            };
            self.run = RunContext {
                start: t.start,
                end: run.last().map_or(toks[end - 1].end, |l| l.end),
                before: i
                    .checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .filter(|b| b.word)
                    .map(|b| b.text),
                after: toks[end..].iter().take(7).copied().collect(),
                // (a straight quotation mark right after a word or a comma closes a
                // quotation: in `so," Ines Varga, a lawyer,` the name is no title)
                quoted: i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|q| {
                    matches!(q.text, "“" | "‘")
                        || (q.text == "\""
                            && (i < 2 || toks.get(i - 2).is_none_or(|b| b.end < q.start)))
                }) && toks
                    .get(end)
                    .is_some_and(|q| matches!(q.text, "\"" | "”" | "’" | ",")),
                place_of: i >= 2 && toks[i - 1].text == "of" && PLACE_OF.contains(toks[i - 2].text),
            };
            // (the runs are in text order: the line's index only moves on)
            while line_at + 1 < lines.len() && t.start >= lines[line_at].0 {
                line_at += 1;
            }
            self.title_case = lines.get(line_at).is_some_and(|l| l.1);
            self.classify(run);
            i = end;
        }
        self.st.tokens.push(&toks);
    }
}

/// Whether `span` of `text` is a whole line: nothing but spaces between it and the line
/// breaks (or the ends of the text) around it.
fn whole_line(text: &str, span: Span) -> bool {
    let before = text.get(..span.start()).unwrap_or("");
    let after = text.get(span.end()..).unwrap_or("");
    let blank = |c: char| c == ' ' || c == '\t';
    let before = before.trim_end_matches(blank);
    let after = after.trim_start_matches(blank);
    (before.is_empty() || before.ends_with(['\n', '\r']))
        && (after.is_empty() || after.starts_with(['\n', '\r']))
}

/// The name before a hyphen and a participle that makes it a modifier ("York" of
/// "York-based", "Kong" of "Kong-listed"), as a token of its own; `None` for any other
/// token.
fn name_part<'a>(t: &Tok<'a>) -> Option<Tok<'a>> {
    if !t.word || !t.text.as_bytes().contains(&b'-') {
        return None;
    }
    let (name, rest) = t.text.rsplit_once('-')?;
    let lower = HYPHEN_AFTER_NAME.contains(rest);
    let named = name.chars().next().is_some_and(char::is_uppercase);
    (lower && named).then(|| Tok {
        end: t.start + name.len(),
        text: name,
        ..*t
    })
}

/// A party and a state as US papers tag a lawmaker: "(D-Ill.)", "(R-Texas)": no name.
pub(super) fn party_and_state(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && matches!(b[0], b'D' | b'R' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(|c| c.is_ascii_lowercase() || *c == b'.')
}

/// Whether the words after a name (`after`) are what follows a person's: an age set off
/// by commas ("Wang, 45, a veteran dissident") or "who" after a comma ("Van Moer, who
/// succeeded …").
fn person_apposed(after: &[Tok]) -> bool {
    match after {
        [comma, who, ..] if comma.text == "," && who.text == "who" => true,
        [comma, age, close, ..] => {
            comma.text == ","
                && close.text == ","
                && (1..=3).contains(&age.text.len())
                && age.text.bytes().all(|b| b.is_ascii_digit())
                && age.text.parse::<u8>().is_ok_and(|n| (1..=120).contains(&n))
        }
        _ => false,
    }
}

/// The words after a name open a relative clause that only a firm or a body fits: ", which"
/// and, within three words, a verb of owning, employing, making or selling, or of being
/// founded or based ("Aldmoor, which is owned by …", "Norton, which declined to comment").
fn firm_clause_after(after: &[Tok]) -> bool {
    const FIRM_VERBS: crate::core::WordSet = crate::core::word_set!(
        "owned|owns|employs|employed|makes|made|sells|sold|operates|runs|publishes|produces|manufactures|declined|declines|founded|based|headquartered|acquired|listed|traded|reported|announced|said|says"
    );
    match after {
        [comma, which, rest @ ..] if comma.text == "," && which.text == "which" => rest
            .iter()
            .filter(|t| t.word)
            .take(3)
            .any(|t| FIRM_VERBS.contains(t.text)),
        _ => false,
    }
}

/// The words after a name are a description between commas and then a speech verb:
/// "Purcell, a Republican, said", "Varga, 54, said" (a person); "Teck, the Canadian mining
/// company, says" (an organisation: its description's head is an organisation noun).
fn described_then_speaks(after: &[Tok]) -> Option<Label> {
    let [comma, opens, rest @ ..] = after else {
        return None;
    };
    let description = || rest.iter().take_while(|t| t.text != ",");
    let described = comma.text == ","
        && (matches!(opens.text, "a" | "an" | "the")
            || opens.text.bytes().all(|b| b.is_ascii_digit()))
        && rest
            .windows(2)
            .any(|w| w[0].text == "," && w[1].word && SPEECH_AFTER.contains(w[1].text))
        && description().all(|t| t.word || matches!(t.text, "'" | "’" | "-"));
    if !described {
        None
    } else if description().any(|t| ORG_NOUNS.contains(t.text)) {
        Some(Label::Org)
    } else {
        Some(Label::Person)
    }
}

/// Whether the words of `line` (a line of a sentence, or all of it, without its full
/// stop) are in title case, a headline's or a label's: most of its words of four letters
/// or more capitalised, and no word of content in lower case ("beat", "yesterday"),
/// which title case capitalises. A line that writes one is a sentence without its stop
/// ("Tim Berg beat Jo Hale 6-3 6-4", a caption, an item), whose capitals say what they
/// say in any sentence. Nor is a line none of whose capitalised words is `common` (a
/// sentence's opening word, a title, an organisation's word, or one the article writes in
/// lower case): it names only. `toks` are the line's tokens.
fn title_case(text: &str, toks: &[Tok], line: Span, common: impl Fn(&str) -> bool) -> bool {
    // (a full stop inside closing quotation marks ends a sentence too: "… America.''")
    if text[line.start()..line.end()]
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['.', '!', '?'])
    {
        return false;
    }
    let (mut long, mut caps) = (0, 0);
    for t in toks.iter().filter(|t| t.word) {
        if t.text.chars().count() >= 4 {
            if lower_content_word(t.text) {
                return false;
            }
            long += 1;
            caps += usize::from(t.cap());
        }
    }
    // (a headline capitalises common words: a line of capitalised words none of which is
    // one is a line of names, "8. Ivan Garcia (Cuba) 20.96")
    long >= 2 && caps * 10 >= long * 6 && toks.iter().any(|t| t.word && t.cap() && common(t.text))
}

/// Words of four letters or more that title case leaves in lower case: prepositions and
/// conjunctions ("Talks With Kyiv Stall After Vote" may write "with", "after").
const TITLE_LOWER: crate::core::WordSet = crate::core::word_set!(
    "with|from|into|onto|upon|over|about|after|against|among|amid|amidst|around|before|behind|below|beneath|beside|besides|between|beyond|despite|during|except|inside|like|near|outside|past|since|than|that|through|throughout|till|toward|towards|under|underneath|unlike|until|unto|versus|within|without|along|across|when|where|while|once|unless|whether|though|although|because|also|just|even|only|then"
);

/// A word of content written in lower case: all its letters small (not a brand's
/// "iPhone"), not a preposition or conjunction title case leaves small.
fn lower_content_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && w.chars()
            .all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
        && !TITLE_LOWER.contains(w)
}

/// Where a storm's name starts in a run that opens with a storm's word ("Cyclone
/// Phailin", "Tropical Storm Alma", "Super Typhoon Haiyan"), if it does.
fn storm_name_at(toks: &[Tok]) -> Option<usize> {
    let k = toks.iter().take(3).position(|t| {
        matches!(
            t.text,
            "Hurricane" | "Cyclone" | "Typhoon" | "Storm" | "Superstorm"
        )
    })?;
    let opening = toks[..k]
        .iter()
        .all(|t| matches!(t.text, "Tropical" | "Super" | "Severe" | "Post-Tropical"));
    // (one word names a storm: "Storm Lake" is a town)
    let name = toks.get(k + 1).filter(|_| toks.len() == k + 2)?;
    let place = LOC_HEADS.contains(name.text) || FACILITY_HEADS.contains(name.text);
    (opening && !place).then_some(k + 1)
}

/// A party's adjective before a title that the nationality lexicon (`Lexicon::is_norp`:
/// "Republican", "Democrat", "Conservative", "Liberal") lacks: "Democratic Governors",
/// "Labour Ministers", "GOP Senators".
fn party_word(w: &str) -> bool {
    matches!(w, "Democratic" | "Labour" | "GOP")
}
