//! What the model reads of a document: each sentence's words with their rule tags, the
//! lexicons' flags, shapes and neighbours, hashed into features (`Fnv`) for the trainer;
//! with weights, it tags as it reads, adding the features' rows summed ahead (`sums`,
//! `Weights::choose_scored`).

use super::sums::{add, word_scores, Role, AFTER_END, BEFORE_START};
use super::*;

/// FNV-1a over a feature's template and parts, folded to `BUCKET_BITS`.
pub(super) struct Fnv(u64);

impl Fnv {
    pub(super) fn new(template: u8) -> Fnv {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    pub(super) fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    pub(super) fn bytes(&mut self, s: &[u8]) -> &mut Fnv {
        for &b in s {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    /// `s` in lower case (as `str::to_lowercase` writes it).
    pub(super) fn lower(&mut self, s: &str) -> &mut Fnv {
        if s.is_ascii() {
            for &b in s.as_bytes() {
                self.byte(b.to_ascii_lowercase());
            }
            self.byte(0xff);
            return self;
        }
        for c in s.chars() {
            if c.is_ascii() {
                self.byte(c.to_ascii_lowercase() as u8);
            } else {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        self.byte(b);
                    }
                }
            }
        }
        self.byte(0xff);
        self
    }
    /// The word's shape: X upper, x lower, d digit, other characters as they are, a run
    /// of one kind written once ("Xx", "X.X.", "d"); at most 8 marks.
    pub(super) fn shape(&mut self, s: &str) -> &mut Fnv {
        let mut last = 0u8;
        let mut n = 0;
        for c in s.chars() {
            let k = if c.is_ascii() {
                match c as u8 {
                    b'A'..=b'Z' => b'X',
                    b'a'..=b'z' => b'x',
                    b'0'..=b'9' => b'd',
                    b => b,
                }
            } else if c.is_uppercase() {
                b'X'
            } else if c.is_lowercase() {
                b'x'
            } else if c.is_numeric() {
                b'd'
            } else {
                b'o'
            };
            if k != last {
                self.byte(k);
                last = k;
                n += 1;
                if n == 8 {
                    break;
                }
            }
        }
        self.byte(0xff);
        self
    }
    pub(super) fn done(&self) -> u32 {
        ((self.0 ^ (self.0 >> 32)) as u32) & ((1 << BUCKET_BITS) - 1)
    }
}

/// The last three characters of a word, in lower case.
pub(super) fn suffix(s: &str) -> &str {
    let mut idx = s.len();
    for (k, (i, _)) in s.char_indices().rev().enumerate() {
        idx = i;
        if k == 2 {
            break;
        }
    }
    &s[idx..]
}

/// The flag of a possessive word (`flags`).
pub(super) const POSSESSIVE: u32 = 1 << 13;

/// The lexicon and shape flags of a word, one bit each.
pub(super) fn flags(t: &Tok, lex: &lexicon::Lexicon, lower_words: &HashSet<String>) -> u32 {
    let w = t.text;
    let kinds = lex.kinds(w);
    let bits = [
        lex.given.contains(w),
        lex.org_words.contains(w),
        lex.is_gpe(w),
        kinds.has(Kinds::CITY),
        kinds.has(Kinds::REGION),
        lex.is_norp(w),
        lex.titles.contains(w),
        kinds.has(Kinds::ORG),
        NEVER.contains(w),
        STARTERS.contains(w),
        t.cap() && lower_words.contains(w.to_lowercase().as_str()),
        t.word && t.acronym(),
        camel_case(w),
        t.possessive,
        LOC_HEADS.contains(w) || FACILITY_HEADS.contains(w),
        SETTLEMENT_HEADS.contains(w),
        EVENT_HEADS.contains(w),
        COMPASS.contains(w),
        SPEECH_AFTER.contains(w),
        PLACE_PREPOSITIONS.contains(w),
        ORG_NOUNS.contains(w),
        t.initial(),
    ];
    let flags = bits
        .iter()
        .enumerate()
        .fold(0, |acc, (k, &b)| acc | (u32::from(b) << k));
    debug_assert_eq!(flags & POSSESSIVE != 0, t.possessive);
    flags
}

/// Each word's flags (`flags`), and with weights the rows it adds (`word_scores`), as the
/// document's words first ask for them: a word is looked up in the lexicons once, however
/// often the document writes it. All but the possessive flag follow from the word's text
/// alone (a word token begins with a letter or digit, any other token is one sign), so
/// the text is the key.
pub(super) struct WordFlags<'a, 's> {
    lex: &'static lexicon::Lexicon,
    lower_words: &'s HashSet<String>,
    /// Each word's place in `words`.
    by_word: HashMap<&'a str, usize>,
    words: Vec<Word<'a>>,
}

/// A word of the document, as `WordFlags` keeps it.
struct Word<'a> {
    /// The word, not possessive.
    tok: Tok<'a>,
    /// Its flags, the possessive one left out, read when first asked for (a word two
    /// away from the one scored needs none).
    plain: Option<u32>,
    /// Its rows as the word scored, the one before and the one after (`Role::Own`,
    /// `Before`, `After`: several rows and its flags each), summed when first asked for;
    /// the other roles are one row each, added as they come.
    scores: [Option<Scores>; 3],
}

impl<'a, 's> WordFlags<'a, 's> {
    pub(super) fn new(lower_words: &'s HashSet<String>) -> WordFlags<'a, 's> {
        WordFlags {
            lex: lexicon::get(),
            lower_words,
            by_word: HashMap::default(),
            words: Vec::new(),
        }
    }

    /// The word's place in `words`, made when first asked for.
    fn entry(&mut self, t: &Tok<'a>) -> usize {
        let words = &mut self.words;
        *self.by_word.entry(t.text).or_insert_with(|| {
            words.push(Word {
                tok: Tok {
                    possessive: false,
                    ..*t
                },
                plain: None,
                scores: [None; 3],
            });
            words.len() - 1
        })
    }

    /// The flags of the word at `e` in `words`, the possessive one left out.
    fn plain(&mut self, e: usize) -> u32 {
        let (lex, lower_words) = (self.lex, self.lower_words);
        self.words.get_mut(e).map_or(0, |w| {
            *w.plain
                .get_or_insert_with(|| flags(&w.tok, lex, lower_words))
        })
    }
}

/// The words of one sentence with their places in a `WordFlags`, found when first asked
/// for (most words are never asked: only those scored and their neighbours are).
struct Around<'t, 'a, 'w, 's> {
    toks: &'t [Tok<'a>],
    /// Each word's place in `words.words`; `usize::MAX` until asked for.
    entries: Vec<usize>,
    words: &'w mut WordFlags<'a, 's>,
}

impl<'a> Around<'_, 'a, '_, '_> {
    fn entry(&mut self, j: usize) -> Option<usize> {
        let e = self.entries.get_mut(j)?;
        if *e == usize::MAX {
            *e = self.words.entry(self.toks.get(j)?);
        }
        Some(*e)
    }

    /// The flags of the word at `j` (0 past the sentence's ends).
    fn flags(&mut self, j: usize) -> u32 {
        let possessive = self.toks.get(j).is_some_and(|t| t.possessive);
        let plain = self.entry(j).map_or(0, |e| self.words.plain(e));
        if possessive {
            plain | POSSESSIVE
        } else {
            plain
        }
    }

    /// Adds the rows the word at `j` adds in `role` (for the roles of several rows,
    /// summed when first asked for); false past the sentence's ends.
    fn add(&mut self, j: usize, role: Role, w: &Weights, s: &mut Scores) -> bool {
        let Some(t) = self.toks.get(j) else {
            return false;
        };
        let kept = match role {
            Role::Own => 0,
            Role::Before => 1,
            Role::After => 2,
            // (one row: as cheap to add again as to keep, and no entry for the word)
            _ => {
                add(s, &word_scores(w, t.text, 0, role));
                return true;
            }
        };
        let Some(e) = self.entry(j) else {
            return false;
        };
        let plain = self.words.plain(e);
        let Some(word) = self.words.words.get_mut(e) else {
            return false;
        };
        let text = word.tok.text;
        let Some(slot) = word.scores.get_mut(kept) else {
            return false;
        };
        add(
            s,
            slot.get_or_insert_with(|| word_scores(w, text, plain, role)),
        );
        true
    }
}

/// The static scores of the word at `i` (what `Weights::scores` makes of the features
/// `read_sentence` reads for it), from the sums of `sums`.
fn summed_scores(
    w: &Weights,
    around: &mut Around,
    tags: &[(u8, bool)],
    i: usize,
    at_start: bool,
    seen: u8,
) -> Scores {
    let fx = &*w.fixed;
    let toks = around.toks;
    let (rule, sure) = tags.get(i).copied().unwrap_or((0, false));
    let r = usize::from(rule);
    let mut s = fx.bias;
    // the word itself: 1, 2, 3, 11, 10 at the start, 17
    around.add(i, Role::Own, w, &mut s);
    if at_start {
        around.add(i, Role::Start, w, &mut s);
    }
    if rule == 0 {
        around.add(i, Role::OwnRule0, w, &mut s);
    }
    if let Some(t) = toks.get(i) {
        if rule != 0 {
            w.add_row(&mut s, Fnv::new(17).bytes(&[rule]).shape(t.text).done());
        }
        if t.possessive {
            add(&mut s, &fx.possessive[0]);
        }
    }
    // the word before (4, 8, 12, 21) and the word after (5, 9, 13, 20)
    add_side(w, around, &mut s, i.checked_sub(1), rule, &BEFORE);
    add_side(w, around, &mut s, Some(i + 1), rule, &AFTER);
    // two before, two after: 6, 7
    if !i
        .checked_sub(2)
        .is_some_and(|j| around.add(j, Role::TwoBefore, w, &mut s))
    {
        add(&mut s, &fx.edge[0]);
    }
    if !around.add(i + 2, Role::TwoAfter, w, &mut s) {
        add(&mut s, &fx.edge[3]);
    }
    // the rule tags: 14, 15, 16, 18, 19; the labels seen: 22, 23
    let before = match i.checked_sub(1) {
        Some(j) => tags.get(j).map_or(AFTER_END, |t| t.0),
        None => BEFORE_START,
    };
    let after = tags.get(i + 1).map_or(AFTER_END, |t| t.0);
    let (sure, start) = (u8::from(sure), u8::from(at_start));
    table_row(w, &mut s, fx.rule.get(r), 14, &[rule]);
    table_row(
        w,
        &mut s,
        fx.tag_before.get(usize::from(before)),
        15,
        &[before],
    );
    table_row(
        w,
        &mut s,
        fx.tag_after.get(usize::from(after)),
        16,
        &[after],
    );
    let rule_sure = fx.rule_sure.get(r).map(|x| &x[usize::from(sure)]);
    table_row(w, &mut s, rule_sure, 18, &[rule, sure]);
    let rule_start = fx.rule_start.get(r).map(|x| &x[usize::from(start)]);
    table_row(w, &mut s, rule_start, 19, &[rule, start]);
    let seen_at = usize::from(seen);
    table_row(w, &mut s, fx.seen.get(seen_at), 22, &[seen]);
    let seen_rule = fx.seen_rule.get(seen_at).and_then(|x| x.get(r));
    table_row(w, &mut s, seen_rule, 23, &[seen, rule]);
    s
}

/// The word on one side of the word scored, as `summed_scores` reads it: its roles, the
/// template that reads it with the scored word's rule tag, and where its possessive flag
/// and the sentence's edge stand in `Fixed`.
struct Side {
    after: bool,
    role: Role,
    role_rule0: Role,
    with_rule: u8,
    possessive: usize,
    edge: usize,
}

const BEFORE: Side = Side {
    after: false,
    role: Role::Before,
    role_rule0: Role::BeforeRule0,
    with_rule: 21,
    possessive: 1,
    edge: 1,
};

const AFTER: Side = Side {
    after: true,
    role: Role::After,
    role_rule0: Role::AfterRule0,
    with_rule: 20,
    possessive: 2,
    edge: 2,
};

/// Adds what the word at `j`, beside the word scored (of rule tag `rule`), adds on its
/// `side`, or the sentence's edge there.
#[inline(always)]
fn add_side(
    w: &Weights,
    around: &mut Around,
    s: &mut Scores,
    j: Option<usize>,
    rule: u8,
    side: &Side,
) {
    let fx = &*w.fixed;
    match j.and_then(|j| Some((j, around.toks.get(j)?))) {
        Some((j, n)) => {
            around.add(j, side.role, w, s);
            if rule == 0 {
                around.add(j, side.role_rule0, w, s);
            } else {
                w.add_row(
                    s,
                    Fnv::new(side.with_rule).bytes(&[rule]).lower(n.text).done(),
                );
            }
            if n.possessive {
                add(s, &fx.possessive[side.possessive]);
            }
        }
        None => {
            add(s, &fx.edge[side.edge]);
            let at_edge = if side.after {
                &fx.rule_last
            } else {
                &fx.rule_first
            };
            table_row(
                w,
                s,
                at_edge.get(usize::from(rule)),
                side.with_rule,
                &[rule],
            );
        }
    }
}

/// Adds a row summed ahead (`Fixed`), or, for a number beyond its table, the feature's
/// row itself.
fn table_row(w: &Weights, s: &mut Scores, summed: Option<&Scores>, template: u8, parts: &[u8]) {
    match summed {
        Some(x) => add(s, x),
        None => w.add_row(s, Fnv::new(template).bytes(parts).done()),
    }
}

/// The document's words (each sentence's in turn, kept without their text) with each
/// word's rule tag and whether its mention is sure, and whether it is in a role the rules
/// read before a person ("Foreign Minister").
pub(super) struct Tagged<'a, 's> {
    text: &'a str,
    all: AllTokens<'s>,
    tags: Vec<(u8, bool)>,
    in_role: Vec<bool>,
}

/// The document's words, as the rules' scan cut them, each given its rule tag (`rules` in
/// text order).
pub(super) fn tag_document<'a, 's>(
    doc: &'a Document,
    tokens: &'s SentenceTokens,
    rules: &[RuleMention],
) -> Tagged<'a, 's> {
    let all = tokens.read(doc.text(), doc.sentences());
    let mut tags = Vec::with_capacity(all.kept.len());
    let mut in_role = Vec::with_capacity(all.kept.len());
    // the first rule that may still hold a word
    let mut next_rule = 0;
    let mut from = 0;
    for &end in all.ends.iter() {
        let mut last_mention = usize::MAX;
        for t in all.kept.get(from..end).unwrap_or(&[]) {
            while rules
                .get(next_rule)
                .is_some_and(|r| r.mention.span.end() <= t.start())
            {
                next_rule += 1;
            }
            // a role comes right before its person, so it is the next mention's
            in_role.push(rules.get(next_rule).is_some_and(|r| {
                r.mention
                    .role
                    .is_some_and(|role| role.start() <= t.start() && t.end() <= role.end())
            }));
            let tag = match rules.get(next_rule) {
                Some(r)
                    if r.mention.span.start() <= t.start() && t.end() <= r.mention.span.end() =>
                {
                    let first = last_mention != next_rule;
                    last_mention = next_rule;
                    (rule_tag(r.mention.label, first), r.sure)
                }
                _ => (0, false),
            };
            tags.push(tag);
        }
        from = end;
    }
    Tagged {
        text: doc.text(),
        all,
        tags,
        in_role,
    }
}

/// The labels (one bit each, as `rule_tag` numbers them) the rules give a word anywhere in
/// the document: "Lee" named a person once is likely one again.
pub(super) fn document_labels<'a>(tagged: &Tagged<'a, '_>) -> HashMap<&'a str, u8> {
    let mut out: HashMap<&str, u8> = HashMap::default();
    for (k, &(tag, _)) in tagged.all.kept.iter().zip(&tagged.tags) {
        if tag > 0 {
            let t = k.tok(tagged.text);
            if t.cap() {
                *out.entry(t.text).or_default() |= 1 << ((tag - 1) / 2);
            }
        }
    }
    out
}

/// One sentence of a `Tagged` document: its words, their rule tags and roles.
pub(super) struct TaggedSentence<'t, 'a> {
    toks: &'t [Tok<'a>],
    tags: &'t [(u8, bool)],
    in_role: &'t [bool],
}

impl<'a> Tagged<'a, '_> {
    /// Each sentence's words, in turn, given to `each` (one buffer holds the words).
    pub(super) fn each_sentence(&self, mut each: impl FnMut(&TaggedSentence<'_, 'a>)) {
        let mut toks: Vec<Tok<'a>> = Vec::new();
        let mut a = 0;
        for &b in self.all.ends.iter() {
            let r = a.min(b)..b;
            toks.clear();
            toks.extend(
                self.all
                    .kept
                    .get(r.clone())
                    .unwrap_or(&[])
                    .iter()
                    .map(|k| k.tok(self.text)),
            );
            each(&TaggedSentence {
                toks: &toks,
                tags: self.tags.get(r.clone()).unwrap_or(&[]),
                in_role: self.in_role.get(r).unwrap_or(&[]),
            });
            a = b;
        }
    }
}

/// What the model reads of one sentence: its words, their slots and features.
///
/// With weights, it also tags the words as it reads them (`Weights::tag` would give the
/// same tags) from the rows summed ahead (`summed_scores`), and keeps no features: a word
/// that can only continue a name after a word outside one ("of" after "the") is outside at
/// no cost.
pub(super) fn read_sentence<'a>(
    s: &TaggedSentence<'_, 'a>,
    doc_labels: &HashMap<&str, u8>,
    word_flags: &mut WordFlags<'a, '_>,
    weights: Option<&Weights>,
) -> (Vec<Token>, Vec<u8>) {
    let toks = s.toks;
    let tags = s.tags;
    // the first word after opening quotation marks and brackets
    let first_word = toks.iter().position(|t| t.word).unwrap_or(toks.len());
    // a word's slot, and whether it is a connector
    let slot_of = |i: usize, t: &Tok| -> (Slot, bool) {
        let rule = tags.get(i).map(|t| t.0).unwrap_or(0);
        let connector = t.connector() || matches!(t.text, "&" | "-");
        let slot = if s.in_role.get(i).copied().unwrap_or(false) {
            Slot::Never
        } else if (t.word && t.cap()) || rule > 0 {
            Slot::Begin
        } else if connector || (t.word && t.text.starts_with(|c: char| c.is_ascii_digit())) {
            Slot::Continue
        } else {
            Slot::Never
        };
        (slot, connector)
    };
    // the words scored and their neighbours, looked up when first asked for (most words
    // are neither)
    let mut around = Around {
        toks,
        entries: vec![usize::MAX; toks.len()],
        words: word_flags,
    };
    let mut tags_out = Vec::with_capacity(if weights.is_some() { toks.len() } else { 0 });
    let mut prev = 0u8;
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        let (rule, sure) = tags.get(i).copied().unwrap_or((0, false));
        let (slot, connector) = slot_of(i, t);
        let at_start = i == first_word;
        let features = match weights {
            // tagged as read, from the rows summed ahead; no features kept
            Some(w) => {
                let skip = slot == Slot::Never || (slot == Slot::Continue && prev == 0);
                prev = if skip {
                    0
                } else {
                    let seen = doc_labels.get(t.text).copied().unwrap_or(0);
                    let base = summed_scores(w, &mut around, tags, i, at_start, seen);
                    w.choose_scored(prev, slot, rule, base)
                };
                tags_out.push(prev);
                Vec::new()
            }
            None if slot == Slot::Never => Vec::new(),
            None => features(&mut around, tags, i, at_start, (rule, sure), doc_labels),
        };
        out.push(Token {
            span: Span::new(t.start, t.end),
            slot,
            connector,
            // (a word never scored is in no name: what it is heads nothing)
            event: slot != Slot::Never && EVENT_HEADS.contains(t.text),
            rule,
            possessive: t.possessive,
            first: i == first_word,
            compass: slot != Slot::Never && COMPASS.contains(t.text),
            features,
        });
    }
    (out, tags_out)
}

/// The features of the word at `i` as the trainer reads them: its text, shape and flags,
/// its neighbours', the rule tags around it and the labels the rules give it anywhere,
/// each hashed with its template's number.
fn features(
    around: &mut Around,
    tags: &[(u8, bool)],
    i: usize,
    at_start: bool,
    (rule, sure): (u8, bool),
    doc_labels: &HashMap<&str, u8>,
) -> Vec<u32> {
    let toks = around.toks;
    let mut features = Vec::with_capacity(48);
    let word = |k: isize| -> Option<&Tok> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            toks.get(j as usize)
        }
    };
    let tag_at = |k: isize| -> u8 {
        let j = i as isize + k;
        if j < 0 {
            return 12;
        }
        tags.get(j as usize).map(|t| t.0).unwrap_or(13)
    };
    let mut flag_at = |k: isize| -> u32 {
        let j = i as isize + k;
        if j < 0 {
            return 0;
        }
        around.flags(j as usize)
    };
    let t = toks[i];
    let mut f = |h: &Fnv| features.push(h.done());
    f(&Fnv::new(0));
    f(Fnv::new(1).lower(t.text));
    f(Fnv::new(2).lower(suffix(t.text)));
    f(Fnv::new(3).shape(t.text));
    for (tpl, k) in [(4u8, -1isize), (5, 1), (6, -2), (7, 2)] {
        match word(k) {
            Some(w) => f(Fnv::new(tpl).lower(w.text)),
            None => f(Fnv::new(tpl).bytes(b"<edge>")),
        }
    }
    for (tpl, k) in [(8u8, -1isize), (9, 1)] {
        match word(k) {
            Some(w) => f(Fnv::new(tpl).shape(w.text)),
            None => f(Fnv::new(tpl).bytes(b"<edge>")),
        }
    }
    if at_start {
        f(Fnv::new(10).shape(t.text));
    }
    for (tpl, k) in [(11u8, 0isize), (12, -1), (13, 1)] {
        // each flag set, lowest first
        let mut bits = flag_at(k);
        while bits != 0 {
            let b = bits.trailing_zeros() as u8;
            f(Fnv::new(tpl).bytes(&[b]));
            bits &= bits - 1;
        }
    }
    f(Fnv::new(14).bytes(&[rule]));
    f(Fnv::new(15).bytes(&[tag_at(-1)]));
    f(Fnv::new(16).bytes(&[tag_at(1)]));
    f(Fnv::new(17).bytes(&[rule]).shape(t.text));
    f(Fnv::new(18).bytes(&[rule, u8::from(sure)]));
    f(Fnv::new(19).bytes(&[rule, u8::from(at_start)]));
    match word(1) {
        Some(w) => f(Fnv::new(20).bytes(&[rule]).lower(w.text)),
        None => f(Fnv::new(20).bytes(&[rule])),
    }
    match word(-1) {
        Some(w) => f(Fnv::new(21).bytes(&[rule]).lower(w.text)),
        None => f(Fnv::new(21).bytes(&[rule])),
    }
    let seen = doc_labels.get(t.text).copied().unwrap_or(0);
    f(Fnv::new(22).bytes(&[seen]));
    f(Fnv::new(23).bytes(&[seen, rule]));
    features
}

/// Whether the rules surely know a mention: a lexicon's whole entry, a person after a
/// title or with a given name first and a surname, an acronym, a brand, an organisation by
/// its context or "Federal" first (`push_sure`), its head word or its legal form, a group,
/// and places (the model, learning from few texts, found places worse
/// than the rules on texts of other genres).
pub(super) fn sure(text: &str, m: &Mention, st: &ScanState) -> bool {
    let lex = lexicon::get();
    if st.sure.contains(&(m.span.start(), m.span.end())) {
        return true;
    }
    match m.label {
        Label::Person => {
            m.role.is_some()
                || m.span.slice(text).is_some_and(|s| {
                    s.contains(' ') && s.split(' ').next().is_some_and(|f| lex.given.contains(f))
                })
        }
        Label::Norp | Label::Gpe | Label::Loc => true,
        Label::Org => m.span.slice(text).is_some_and(|s| {
            lex.kinds(s).has(Kinds::ORG)
                || lex.kinds(s).has(Kinds::GPE)
                || lex.is_gpe(s)
                || (s.contains(' ')
                    && s.rsplit(' ')
                        .next()
                        .is_some_and(|w| lex.org_words.contains(w) || CORP_SUFFIXES.contains(w)))
        }),
    }
}

/// What the model reads of a document, given the rules' mentions (in text order) and the
/// scan's state (the words the article writes in lower case, the sure mentions).
pub(in crate::core::extract) fn read(
    doc: &Document,
    mentions: &[Mention],
    st: &ScanState,
) -> Reading {
    let mut sentences = Vec::new();
    let rules = read_each(doc, mentions, st, None, |s, _| sentences.push(s));
    Reading { sentences, rules }
}

/// `read`, each sentence's words given to `each` as soon as read, with their tags when
/// `weights` are given (`read_sentence`); returns the rules' mentions.
pub(super) fn read_each(
    doc: &Document,
    mentions: &[Mention],
    st: &ScanState,
    weights: Option<&Weights>,
    mut each: impl FnMut(Vec<Token>, Vec<u8>),
) -> Vec<RuleMention> {
    let text = doc.text();
    let rules: Vec<RuleMention> = mentions
        .iter()
        .map(|m| RuleMention {
            mention: m.clone(),
            sure: sure(text, m, st),
            several_words: m.span.slice(text).is_some_and(|s| s.contains(' ')),
        })
        .collect();
    let tagged = tag_document(doc, &st.tokens, &rules);
    let doc_labels = document_labels(&tagged);
    let mut word_flags = WordFlags::new(&st.lower_words);
    tagged.each_sentence(|s| {
        let (tokens, tags) = read_sentence(s, &doc_labels, &mut word_flags, weights);
        each(tokens, tags);
    });
    rules
}

/// For each word of the document the model may score: its scores from its features
/// hashed one by one (the trainer's way), and summed ahead (the extractor's).
#[cfg(test)]
pub(super) fn scores_both_ways(
    doc: &Document,
    mentions: &[Mention],
    st: &ScanState,
    w: &Weights,
) -> Vec<(Scores, Scores)> {
    let text = doc.text();
    let rules: Vec<RuleMention> = mentions
        .iter()
        .map(|m| RuleMention {
            mention: m.clone(),
            sure: sure(text, m, st),
            several_words: false,
        })
        .collect();
    let tagged = tag_document(doc, &st.tokens, &rules);
    let doc_labels = document_labels(&tagged);
    let mut word_flags = WordFlags::new(&st.lower_words);
    let mut out = Vec::new();
    tagged.each_sentence(|s| {
        let first_word = s.toks.iter().position(|t| t.word).unwrap_or(s.toks.len());
        let mut around = Around {
            toks: s.toks,
            entries: vec![usize::MAX; s.toks.len()],
            words: &mut word_flags,
        };
        for (i, t) in s.toks.iter().enumerate() {
            let tag = s.tags.get(i).copied().unwrap_or((0, false));
            let at_start = i == first_word;
            let hashed = features(&mut around, s.tags, i, at_start, tag, &doc_labels);
            let seen = doc_labels.get(t.text).copied().unwrap_or(0);
            let summed = summed_scores(w, &mut around, s.tags, i, at_start, seen);
            out.push((w.scores(&hashed), summed));
        }
    });
    out
}
