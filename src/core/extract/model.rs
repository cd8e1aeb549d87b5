//! The learned part of the entity extractor: a small averaged perceptron, trained on GUM
//! (`scripts/train-entities.py`, weights in `model/entities.bin`, see `model/README.md`),
//! that reads each sentence's words left to right and tags them as the beginning or the
//! inside of a person, organisation or place, or outside any. It reads what the rules
//! found (each word's rule tag is one of its features), the lexicons' flags, the words
//! around and their shapes, so it learns where the rules guess wrong ("Clean Rivers Now
//! said" is no person). What the rules surely know stays theirs (`sure`): a lexicon's
//! whole entry, a person after a title. Groups (NORP) are the rules' alone.
//!
//! Only capitalised words, words inside a rule's mention and the connectors and numbers
//! after them are scored; every other word is outside at no cost. Linear in the text;
//! never panics (a damaged weight file leaves the rules' mentions as they are).

use super::*;
use std::sync::OnceLock;

/// Tags: outside, then the beginning and inside of a person, an organisation, a place.
pub const CLASSES: usize = 7;
/// A word's rule tag: outside, or the beginning or inside of one of the five labels.
pub const RULE_TAGS: usize = 11;
/// Feature buckets: a feature's hash keeps this many bits.
const BUCKET_BITS: u32 = 16;
const MAGIC: &[u8] = b"GLNER1";

/// What the model may do with a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Outside any name, unscored (a lower-case word, punctuation).
    Never,
    /// May begin or continue a name (a capitalised word, a word of a rule's mention).
    Begin,
    /// May only continue a name ("of", "&", a number).
    Continue,
}

/// One word of a sentence as the model reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub slot: Slot,
    /// A connector or a sign ("of", "&"): a name does not end on it.
    pub connector: bool,
    /// A head word of events, works and laws ("War", "Act"): a name ending on it is none
    /// of the model's classes.
    pub event: bool,
    /// The rule tag (`rule_tag`).
    pub rule: u8,
    /// It ends in a possessive ("Labour's"): a name of the model's ends on it unless the
    /// rules read on over it ("People's Army").
    pub possessive: bool,
    /// The sentence's first word (after quotation marks and brackets).
    pub first: bool,
    /// A compass word ("North"): alone it is no name.
    pub compass: bool,
    /// The feature buckets (none for a `Slot::Never` word).
    pub features: Vec<u32>,
}

/// A rule's mention and whether the rules surely know it (a lexicon's whole entry, a
/// person after a title).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMention {
    pub mention: Mention,
    pub sure: bool,
    /// Its words are two or more.
    pub several_words: bool,
}

/// A document as the model reads it: its sentences' words, and the rules' mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub sentences: Vec<Vec<Token>>,
    pub rules: Vec<RuleMention>,
}

/// The tag a rule mention gives its words: 1 + 2 × label + (0 first word, 1 later words).
fn rule_tag(label: Label, first: bool) -> u8 {
    let l = match label {
        Label::Person => 0,
        Label::Org => 1,
        Label::Gpe => 2,
        Label::Loc => 3,
        Label::Norp => 4,
    };
    1 + 2 * l + u8::from(!first)
}

/// FNV-1a over a feature's template and parts, folded to `BUCKET_BITS`.
struct Fnv(u64);

impl Fnv {
    fn new(template: u8) -> Fnv {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn bytes(&mut self, s: &[u8]) -> &mut Fnv {
        for &b in s {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    /// `s` in lower case (as `str::to_lowercase` writes it).
    fn lower(&mut self, s: &str) -> &mut Fnv {
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
    fn shape(&mut self, s: &str) -> &mut Fnv {
        let mut last = 0u8;
        let mut n = 0;
        for c in s.chars() {
            let k = if c.is_uppercase() {
                b'X'
            } else if c.is_lowercase() {
                b'x'
            } else if c.is_numeric() {
                b'd'
            } else if c.is_ascii() {
                c as u8
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
    fn done(&self) -> u32 {
        ((self.0 ^ (self.0 >> 32)) as u32) & ((1 << BUCKET_BITS) - 1)
    }
}

/// The last three characters of a word, in lower case.
fn suffix(s: &str) -> &str {
    let mut idx = s.len();
    for (k, (i, _)) in s.char_indices().rev().enumerate() {
        idx = i;
        if k == 2 {
            break;
        }
    }
    &s[idx..]
}

/// The lexicon and shape flags of a word, one bit each.
fn flags(t: &Tok, lex: &lexicon::Lexicon, lower_words: &HashSet<String>) -> u32 {
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
    bits.iter()
        .enumerate()
        .fold(0, |acc, (k, &b)| acc | (u32::from(b) << k))
}

/// One sentence's words, with each word's rule tag and whether its mention is sure, and
/// whether it is in a role the rules read before a person ("Foreign Minister").
struct Tagged<'a> {
    toks: Vec<Tok<'a>>,
    tags: Vec<(u8, bool)>,
    in_role: Vec<bool>,
}

/// Tokenizes a sentence and gives each word its rule tag (`rules` in text order; `next_rule`
/// the first that may still hold a word).
fn tag_sentence<'a>(
    text: &'a str,
    sentence: Span,
    rules: &[RuleMention],
    next_rule: &mut usize,
) -> Tagged<'a> {
    let toks = tokenize(text, sentence);
    let mut tags = Vec::with_capacity(toks.len());
    let mut in_role = Vec::with_capacity(toks.len());
    let mut last_mention = usize::MAX;
    for t in &toks {
        while rules
            .get(*next_rule)
            .is_some_and(|r| r.mention.span.end() <= t.start)
        {
            *next_rule += 1;
        }
        // a role comes right before its person, so it is the next mention's
        in_role.push(rules.get(*next_rule).is_some_and(|r| {
            r.mention
                .role
                .is_some_and(|role| role.start() <= t.start && t.end <= role.end())
        }));
        let tag = match rules.get(*next_rule) {
            Some(r) if r.mention.span.start() <= t.start && t.end <= r.mention.span.end() => {
                let first = last_mention != *next_rule;
                last_mention = *next_rule;
                (rule_tag(r.mention.label, first), r.sure)
            }
            _ => (0, false),
        };
        tags.push(tag);
    }
    Tagged {
        toks,
        tags,
        in_role,
    }
}

/// The labels (one bit each, as `rule_tag` numbers them) the rules give a word anywhere in
/// the document: "Lee" named a person once is likely one again.
fn document_labels<'a>(sentences: &[Tagged<'a>]) -> HashMap<&'a str, u8> {
    let mut out: HashMap<&str, u8> = HashMap::new();
    for s in sentences {
        for (t, &(tag, _)) in s.toks.iter().zip(&s.tags) {
            if tag > 0 && t.cap() {
                *out.entry(t.text).or_default() |= 1 << ((tag - 1) / 2);
            }
        }
    }
    out
}

/// What the model reads of one sentence: its words, their slots and features.
///
/// With weights, it also tags the words as it reads them (`Weights::tag` would give the
/// same tags) and keeps no features: a word that can only continue a name after a word
/// outside one ("of" after "the") is outside at no cost, and one buffer holds the features.
fn read_sentence(
    s: &Tagged,
    doc_labels: &HashMap<&str, u8>,
    lower_words: &HashSet<String>,
    weights: Option<&Weights>,
) -> (Vec<Token>, Vec<u8>) {
    let lex = lexicon::get();
    let toks = &s.toks;
    let tags = &s.tags;
    // the first word after opening quotation marks and brackets
    let first_word = toks.iter().position(|t| t.word).unwrap_or(toks.len());
    let slots: Vec<(Slot, bool)> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| {
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
        })
        .collect();
    // the flags of the words scored and of their neighbours, when first asked for (most
    // words are neither): u32::MAX is not yet read (flags use 22 bits)
    let flag: Vec<std::cell::Cell<u32>> = toks
        .iter()
        .map(|_| std::cell::Cell::new(u32::MAX))
        .collect();
    let flag_of = |j: usize| -> u32 {
        match (flag.get(j), toks.get(j)) {
            (Some(c), Some(t)) => {
                if c.get() == u32::MAX {
                    c.set(flags(t, lex, lower_words));
                }
                c.get()
            }
            _ => 0,
        }
    };
    let mut tags_out = Vec::with_capacity(if weights.is_some() { toks.len() } else { 0 });
    let mut prev = 0u8;
    let mut buf: Vec<u32> = Vec::with_capacity(48);
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        let (rule, sure) = tags.get(i).copied().unwrap_or((0, false));
        let (slot, connector) = slots.get(i).copied().unwrap_or((Slot::Never, false));
        buf.clear();
        let skip =
            slot == Slot::Never || (weights.is_some() && slot == Slot::Continue && prev == 0);
        if !skip {
            let features = &mut buf;
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
            let flag_at = |k: isize| -> u32 {
                let j = i as isize + k;
                if j < 0 {
                    return 0;
                }
                flag_of(j as usize)
            };
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
            let at_start = i == first_word;
            if at_start {
                f(Fnv::new(10).shape(t.text));
            }
            for (tpl, k) in [(11u8, 0isize), (12, -1), (13, 1)] {
                let bits = flag_at(k);
                for b in 0..32u8 {
                    if bits & (1 << b) != 0 {
                        f(Fnv::new(tpl).bytes(&[b]));
                    }
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
        }
        let features = match weights {
            Some(w) => {
                prev = if skip {
                    0
                } else {
                    w.choose(prev, slot, rule, &buf)
                };
                tags_out.push(prev);
                Vec::new()
            }
            None => buf.clone(),
        };
        out.push(Token {
            span: Span::new(t.start, t.end),
            slot,
            connector,
            event: EVENT_HEADS.contains(t.text),
            rule,
            possessive: t.possessive,
            first: i == first_word,
            compass: COMPASS.contains(t.text),
            features,
        });
    }
    (out, tags_out)
}

/// Whether the rules surely know a mention: a lexicon's whole entry, a person after a
/// title or with a given name first and a surname, an acronym, a brand, an organisation by its context (`push_sure`), a group,
/// and places (the model, learning from few texts, found places worse
/// than the rules on texts of other genres).
fn sure(text: &str, m: &Mention, st: &ScanState) -> bool {
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
                        .is_some_and(|w| lex.org_words.contains(w)))
        }),
    }
}

/// What the model reads of a document, given the rules' mentions (in text order) and the
/// scan's state (the words the article writes in lower case, the sure mentions).
pub(super) fn read(doc: &Document, mentions: &[Mention], st: &ScanState) -> Reading {
    let mut sentences = Vec::new();
    let rules = read_each(doc, mentions, st, None, |s, _| sentences.push(s));
    Reading { sentences, rules }
}

/// `read`, each sentence's words given to `each` as soon as read, with their tags when
/// `weights` are given (`read_sentence`); returns the rules' mentions.
fn read_each(
    doc: &Document,
    mentions: &[Mention],
    st: &ScanState,
    weights: Option<&Weights>,
    mut each: impl FnMut(Vec<Token>, Vec<u8>),
) -> Vec<RuleMention> {
    let lower_words = &st.lower_words;
    let text = doc.text();
    let rules: Vec<RuleMention> = mentions
        .iter()
        .map(|m| RuleMention {
            mention: m.clone(),
            sure: sure(text, m, st),
            several_words: m.span.slice(text).is_some_and(|s| s.contains(' ')),
        })
        .collect();
    let mut next = 0;
    let tagged: Vec<Tagged> = doc
        .sentences()
        .iter()
        .map(|s| tag_sentence(text, *s, &rules, &mut next))
        .collect();
    let doc_labels = document_labels(&tagged);
    for s in &tagged {
        let (tokens, tags) = read_sentence(s, &doc_labels, lower_words, weights);
        each(tokens, tags);
    }
    rules
}

/// The weights: tag transitions, the previous tag with the word's rule tag, and the
/// hashed features' rows (most buckets have none).
pub struct Weights {
    trans: [[i16; CLASSES]; CLASSES],
    prev_rule: [[[i16; CLASSES]; RULE_TAGS]; CLASSES],
    /// Per bucket: 0 for none, else 1 + its row.
    slots: Vec<u16>,
    rows: Vec<[i8; CLASSES]>,
}

/// Why a weight file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeightsError {
    /// It does not start as a weight file of this version does.
    NotWeights,
    /// It ends before its last row.
    Truncated,
    /// A row's bucket is beyond the table.
    BadBucket,
}

impl std::fmt::Display for WeightsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WeightsError::NotWeights => "the entity model's weights are not in its format",
            WeightsError::Truncated => "the entity model's weights end too soon",
            WeightsError::BadBucket => "the entity model's weights name a feature out of range",
        })
    }
}

/// Reads bytes in order, each read checked.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Result<u8, WeightsError> {
        let v = *self.b.get(self.at).ok_or(WeightsError::Truncated)?;
        self.at += 1;
        Ok(v)
    }
    fn i8(&mut self) -> Result<i8, WeightsError> {
        Ok(self.u8()? as i8)
    }
    fn i16(&mut self) -> Result<i16, WeightsError> {
        Ok(i16::from_le_bytes([self.u8()?, self.u8()?]))
    }
    fn varint(&mut self) -> Result<u32, WeightsError> {
        let mut v = 0u32;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(WeightsError::NotWeights)
    }
}

impl Weights {
    /// Reads a weight file: the magic, the bucket bits, the transitions and the previous
    /// tag with the rule tag (i16, little-endian), then the rows (each its bucket's distance from the last, as a
    /// varint, and a weight per tag).
    pub fn parse(bytes: &[u8]) -> Result<Weights, WeightsError> {
        if !bytes.starts_with(MAGIC) {
            return Err(WeightsError::NotWeights);
        }
        let mut r = Reader {
            b: bytes,
            at: MAGIC.len(),
        };
        if u32::from(r.u8()?) != BUCKET_BITS
            || usize::from(r.u8()?) != CLASSES
            || usize::from(r.u8()?) != RULE_TAGS
        {
            return Err(WeightsError::NotWeights);
        }
        let mut trans = [[0i16; CLASSES]; CLASSES];
        for row in trans.iter_mut() {
            for w in row.iter_mut() {
                *w = r.i16()?;
            }
        }
        let mut prev_rule = [[[0i16; CLASSES]; RULE_TAGS]; CLASSES];
        for by_rule in prev_rule.iter_mut() {
            for row in by_rule.iter_mut() {
                for w in row.iter_mut() {
                    *w = r.i16()?;
                }
            }
        }
        let n = r.varint()? as usize;
        let buckets = 1usize << BUCKET_BITS;
        if n >= buckets {
            return Err(WeightsError::BadBucket);
        }
        let mut slots = vec![0u16; buckets];
        let mut rows = Vec::with_capacity(n);
        let mut bucket = 0usize;
        for k in 0..n {
            bucket += r.varint()? as usize;
            let slot = slots.get_mut(bucket).ok_or(WeightsError::BadBucket)?;
            let mut row = [0i8; CLASSES];
            for w in row.iter_mut() {
                *w = r.i8()?;
            }
            *slot = (k + 1) as u16;
            rows.push(row);
        }
        Ok(Weights {
            trans,
            prev_rule,
            slots,
            rows,
        })
    }

    /// The static score of each tag for a word.
    fn scores(&self, features: &[u32]) -> [i32; CLASSES] {
        let mut s = [0i32; CLASSES];
        for &f in features {
            let slot = self.slots.get(f as usize).copied().unwrap_or(0) as usize;
            if let Some(row) = slot.checked_sub(1).and_then(|k| self.rows.get(k)) {
                for (a, &w) in s.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
            }
        }
        s
    }

    /// The tags of one sentence, read left to right: each word's best tag allowed after
    /// the one before (inside a class only after its beginning or inside; a `Continue`
    /// word never begins one); the first best on a tie.
    pub fn tag(&self, tokens: &[Token]) -> Vec<u8> {
        let mut out = Vec::with_capacity(tokens.len());
        let mut prev = 0u8;
        for t in tokens {
            prev = if t.slot == Slot::Never {
                0
            } else {
                self.choose(prev, t.slot, t.rule, &t.features)
            };
            out.push(prev);
        }
        out
    }

    /// A word's best tag after `prev`, of those allowed (see `tag`).
    fn choose(&self, prev: u8, slot: Slot, rule: u8, features: &[u32]) -> u8 {
        let base = self.scores(features);
        let prev = usize::from(prev).min(CLASSES - 1);
        let rule = usize::from(rule).min(RULE_TAGS - 1);
        let mut best = 0usize;
        let mut best_score = i32::MIN;
        for (c, &b) in base.iter().enumerate() {
            let allowed = c == 0
                || (c % 2 == 1 && slot == Slot::Begin)
                || (c % 2 == 0 && prev != 0 && prev.div_ceil(2) == c / 2);
            if !allowed {
                continue;
            }
            let score =
                b + i32::from(self.trans[prev][c]) + i32::from(self.prev_rule[prev][rule][c]);
            if score > best_score {
                best_score = score;
                best = c;
            }
        }
        best as u8
    }
}

/// The weights shipped with Gloss (`None` if they could not be read, which a test rules out).
pub fn weights() -> Option<&'static Weights> {
    static W: OnceLock<Option<Weights>> = OnceLock::new();
    W.get_or_init(|| Weights::parse(include_bytes!("model/entities.bin")).ok())
        .as_ref()
}

/// The model's mentions of one sentence, from its tags: a name ends on no connector, and
/// one ending on an event's head word ("... Act") is none. A name ends on a possessive
/// word unless the rules read on over it ("Labour's Shadow ..." is "Labour"; "Korean
/// People's Army" stays whole where the rules found it); a sentence's first word the rules
/// left out of the name that follows it is not the name's ("Pro-Beijing DAB's ..."); a
/// compass word alone is none ("the North").
fn spans(tokens: &[Token], tags: &[u8], out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < tokens.len() {
        let c = tags.get(i).copied().unwrap_or(0);
        if c % 2 == 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while tags.get(j).copied() == Some(c + 1) {
            j += 1;
        }
        let next = j;
        // a possessive word ends the name unless the rules' mention goes on over it
        if let Some(k) = (i..j.saturating_sub(1)).find(|&k| {
            tokens[k].possessive
                && !tokens
                    .get(k + 1)
                    .is_some_and(|t| t.rule > 0 && t.rule % 2 == 0)
        }) {
            j = k + 1;
        }
        let mut start = i;
        if j - i >= 2
            && tokens[i].first
            && tokens[i].rule == 0
            && tokens.get(i + 1).is_some_and(|t| t.rule % 2 == 1)
        {
            start = i + 1;
        }
        let mut last = j - 1;
        while last > start && tokens[last].connector {
            last -= 1;
        }
        if tokens[last].event || (last == start && tokens[start].compass) {
            i = next;
            continue;
        }
        let label = match c {
            1 => Label::Person,
            3 => Label::Org,
            _ => Label::Gpe,
        };
        out.push(Mention {
            span: Span::new(tokens[start].span.start(), tokens[last].span.end()),
            label,
            role: None,
            entity: 0,
        });
        i = next;
    }
}

/// What the rest of the document says of the merged mentions (`out`, in text order) and
/// the rules' (`rules`): a rule mention nothing stands over comes back when the same words
/// stand elsewhere with its label, or, a one-word person, as the last word of a person
/// ("Putin" after "Vladimir Putin"); a one-word person of the model's (no rule person on
/// those words) goes when its word elsewhere only begins longer names ("Ream" after "Ream
/// Naval Base"). In text order, none overlapping.
fn by_document(text: &str, rules: &[RuleMention], out: Vec<Mention>) -> Vec<Mention> {
    let words = |m: &Mention| -> Vec<&str> {
        m.span
            .slice(text)
            .map(|s| s.split_whitespace().collect())
            .unwrap_or_default()
    };
    let mut named: HashSet<(&str, Label)> = HashSet::new();
    let mut surnames: HashSet<&str> = HashSet::new();
    let mut ends: HashSet<&str> = HashSet::new();
    let mut begins: HashSet<&str> = HashSet::new();
    for m in &out {
        if let Some(s) = m.span.slice(text) {
            named.insert((s, m.label));
        }
    }
    for m in out.iter().chain(rules.iter().map(|r| &r.mention)) {
        let w = words(m);
        if let (Some(first), Some(last)) = (w.first(), w.last()) {
            if w.len() >= 2 {
                begins.insert(first);
                ends.insert(last);
                if m.label == Label::Person {
                    surnames.insert(last);
                }
            }
        }
    }
    // a person of one word counts only when the rules found it so
    for r in rules.iter().filter(|r| r.mention.label == Label::Person) {
        if let Some(s) = r.mention.span.slice(text) {
            if !s.contains(char::is_whitespace) {
                ends.insert(s);
            }
        }
    }
    let rule_people: HashSet<(usize, usize)> = rules
        .iter()
        .filter(|r| r.mention.label == Label::Person)
        .map(|r| (r.mention.span.start(), r.mention.span.end()))
        .collect();
    let rule_person = |m: &Mention| rule_people.contains(&(m.span.start(), m.span.end()));
    let mut kept: Vec<Mention> = out
        .into_iter()
        .filter(|m| {
            if m.label != Label::Person || rule_person(m) {
                return true;
            }
            match m.span.slice(text) {
                Some(s) if !s.contains(char::is_whitespace) => {
                    !begins.contains(s) || ends.contains(s)
                }
                _ => true,
            }
        })
        .collect();
    let mut back = Vec::new();
    let mut j = 0;
    for r in rules.iter().filter(|r| !r.sure) {
        while kept
            .get(j)
            .is_some_and(|m| m.span.end() <= r.mention.span.start())
        {
            j += 1;
        }
        if kept
            .get(j)
            .is_some_and(|m| m.span.start() < r.mention.span.end())
        {
            continue;
        }
        let Some(s) = r.mention.span.slice(text) else {
            continue;
        };
        let again = named.contains(&(s, r.mention.label))
            || (r.mention.label == Label::Person
                && !s.contains(char::is_whitespace)
                && surnames.contains(s));
        if again {
            back.push(r.mention.clone());
        }
    }
    kept.extend(back);
    crate::core::sort::sort_by_key(&mut kept, |m| (m.span.start(), m.span.end()));
    kept.dedup_by(|b, a| a.span.overlaps(&b.span));
    kept
}

/// The mentions of a document: the model's people and organisations over the rules'
/// `mentions` (in text order), the rules' sure ones (`sure`) kept over the model's. A
/// place of the model's stands only where the rules found the same words (places are the
/// rules'); a model name over two of the rules' or one word inside one of theirs gives way
/// to theirs; a person the rules name in two words or more stays where nothing else was
/// found over it. A person keeps the role the rules read before the name. In text order,
/// none overlapping.
pub(super) fn decide(doc: &Document, mentions: Vec<Mention>, st: &ScanState) -> Vec<Mention> {
    let Some(w) = weights() else {
        return mentions;
    };
    let mut model = Vec::new();
    let rules = read_each(doc, &mentions, st, Some(w), |s, tags| {
        spans(&s, &tags, &mut model);
    });
    by_document(doc.text(), &rules, merge(&rules, model))
}

/// `decide` over a reading with given weights (the trainer's decisions are checked
/// against this).
pub fn decide_with(w: &Weights, text: &str, reading: &Reading) -> Vec<Mention> {
    let mut model = Vec::new();
    for s in &reading.sentences {
        let tags = w.tag(s);
        spans(s, &tags, &mut model);
    }
    by_document(text, &reading.rules, merge(&reading.rules, model))
}

/// The model's mentions (in text order) and the rules' merged, as `decide` says.
fn merge(rules: &[RuleMention], model: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = rules
        .iter()
        .filter(|r| r.sure)
        .map(|r| r.mention.clone())
        .collect();
    // the rules' mentions overlapping each model mention, by a pointer over both in order
    let mut k = 0;
    for mut m in model {
        while rules
            .get(k)
            .is_some_and(|r| r.mention.span.end() <= m.span.start())
        {
            k += 1;
        }
        let over = rules[k.min(rules.len())..]
            .iter()
            .take_while(|r| r.mention.span.start() < m.span.end());
        let mut keep = true;
        let mut same_place = false;
        let mut covered = 0;
        for r in over {
            if !r.mention.span.overlaps(&m.span) {
                continue;
            }
            covered += 1;
            if r.sure {
                keep = false;
            }
            if r.mention.span == m.span && matches!(r.mention.label, Label::Gpe | Label::Loc) {
                same_place = true;
                if m.label == Label::Gpe && r.mention.label == Label::Loc {
                    m.label = Label::Loc;
                }
            }
            if m.label == Label::Person && r.mention.label == Label::Person {
                m.role = r.mention.role.filter(|role| role.end() <= m.span.start());
            }
        }
        if covered >= 2 {
            // two of the rules' names run together ("the Office ... and the Department
            // ..."): the rules' names stand
            let parts = rules[k.min(rules.len())..]
                .iter()
                .take_while(|r| r.mention.span.start() < m.span.end())
                .filter(|r| r.mention.span.overlaps(&m.span));
            for r in parts {
                out.push(r.mention.clone());
            }
            continue;
        }
        // one word inside a longer name of the rules ("Army" of "Korean People's Army"):
        // the rules' name stands
        let inside = rules[k.min(rules.len())..]
            .iter()
            .take_while(|r| r.mention.span.start() < m.span.end())
            .find(|r| {
                r.mention.span.start() <= m.span.start()
                    && m.span.end() <= r.mention.span.end()
                    && r.mention.span != m.span
            });
        if let (Some(r), 1) = (inside, covered) {
            if keep && r.mention.label != Label::Norp {
                out.push(r.mention.clone());
            }
            continue;
        }
        if keep && (m.label != Label::Gpe || same_place) {
            out.push(m);
        }
    }
    // a person the rules name in two words or more stays where nothing was found over
    // it (the model, learnt from few texts, misses names of unfamiliar shapes)
    crate::core::sort::sort_by_key(&mut out, |m| (m.span.start(), m.span.end()));
    let mut kept = Vec::new();
    let mut j = 0;
    for r in rules
        .iter()
        .filter(|r| r.mention.label == Label::Person && r.several_words)
    {
        while out
            .get(j)
            .is_some_and(|m| m.span.end() <= r.mention.span.start())
        {
            j += 1;
        }
        let over = out
            .get(j)
            .is_some_and(|m| m.span.start() < r.mention.span.end());
        if !over {
            kept.push(r.mention.clone());
        }
    }
    out.extend(kept);
    crate::core::sort::sort_by_key(&mut out, |m| (m.span.start(), m.span.end()));
    out.dedup_by(|b, a| a.span.overlaps(&b.span));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::{parse_str, Format};

    fn found(text: &str) -> Vec<(String, Label)> {
        let p = parse_str(text, Some(Format::Text));
        entities(&p.document)
            .into_iter()
            .map(|m| (p.document.slice(m.span).to_string(), m.label))
            .collect()
    }

    #[test]
    fn the_shipped_weights_read() {
        let w = weights().expect("model/entities.bin reads");
        assert!(!w.rows.is_empty());
    }

    #[test]
    fn damaged_weights_are_refused_without_a_panic() {
        let bytes = include_bytes!("model/entities.bin");
        for cut in [0, 3, MAGIC.len() + 2, 100, bytes.len() / 2, bytes.len() - 1] {
            assert!(Weights::parse(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert_eq!(
            Weights::parse(b"not a weight file").err(),
            Some(WeightsError::NotWeights)
        );
    }

    /// The trainer's own decisions on hand-written sentences (`--parity`): Gloss makes
    /// the same ones, so the weights are read and applied as they were learnt.
    #[test]
    fn gloss_decides_as_the_trainer_did() {
        for line in include_str!("model/parity.tsv").lines() {
            let (text, expected) = line.split_once('\t').expect("a tab");
            let p = parse_str(text, Some(Format::Text));
            let got: Vec<String> = entities(&p.document)
                .iter()
                .map(|m| format!("{}:{}:{}", m.span.start(), m.span.end(), m.label.as_str()))
                .collect();
            let want: Vec<&str> = expected.split_whitespace().collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// Tagging while reading (the extractor's way, features only where needed) decides as
    /// tagging a whole reading does (the trainer's way).
    #[test]
    fn tagging_while_reading_equals_tagging_a_reading() {
        let text = include_str!("../../../seeds/000_9d83cd3958c40a29.txt");
        let p = parse_str(text, Some(Format::Text));
        let w = weights().expect("weights");
        let reading = model_reading(&p.document);
        assert_eq!(
            decide_with(w, p.document.text(), &reading),
            entities(&p.document)
        );
    }

    #[test]
    fn an_organisation_without_an_org_word_is_no_person() {
        let v = found("Clean Rivers Now said the spill had killed fish along the river.");
        assert!(
            v.contains(&("Clean Rivers Now".into(), Label::Org)),
            "{v:?}"
        );
        let v = found("Dr. Ann Lee, a researcher at Greenway Labs, told reporters that Kessler Holdings had paid.");
        assert!(v.contains(&("Ann Lee".into(), Label::Person)), "{v:?}");
        assert!(
            v.contains(&("Kessler Holdings".into(), Label::Org)),
            "{v:?}"
        );
        assert!(!v.iter().any(|(_, l)| *l == Label::Person && v.len() < 2));
    }

    #[test]
    fn a_place_outside_the_lexicon_is_found() {
        let v = found("Maria Okafor of Harbour Watch met officials in Tallinburg on Friday.");
        assert!(v.contains(&("Tallinburg".into(), Label::Gpe)), "{v:?}");
        assert!(v.contains(&("Maria Okafor".into(), Label::Person)), "{v:?}");
        assert!(
            !v.iter()
                .any(|(s, l)| s.contains("Harbour") && *l == Label::Person),
            "{v:?}"
        );
    }

    #[test]
    fn what_the_rules_surely_know_stays() {
        let v = found("President Joe Biden spoke in Washington; the United Nations replied.");
        assert!(v.contains(&("Joe Biden".into(), Label::Person)), "{v:?}");
        assert!(v.contains(&("United Nations".into(), Label::Org)), "{v:?}");
        assert!(v.contains(&("Washington".into(), Label::Gpe)), "{v:?}");
    }

    #[test]
    fn a_name_found_elsewhere_in_the_document_stays() {
        let v = found("Vladimir Petrov met the envoys on Monday. Later, while Petrov appears inclined towards a deal, the outcome is unclear.");
        assert_eq!(
            v.iter()
                .filter(|(s, l)| s == "Petrov" && *l == Label::Person)
                .count(),
            1,
            "{v:?}"
        );
        let v = found("She became the youngest Tidewater Council member. The Tidewater Council met again on Friday.");
        assert_eq!(
            v.iter()
                .filter(|(s, l)| s == "Tidewater Council" && *l == Label::Org)
                .count(),
            2,
            "{v:?}"
        );
    }

    #[test]
    fn a_compass_word_alone_is_no_name() {
        let v = found("The clash came after North and South Korea exchanged fire. The South retaliated at once.");
        assert!(
            !v.iter().any(|(s, _)| s == "North" || s == "South"),
            "{v:?}"
        );
    }

    #[test]
    fn a_possessive_or_a_sentence_opener_is_not_absorbed_into_a_name() {
        let v = found("Labour's Shadow Home Secretary Yvonne Carter said her party would act.");
        assert!(!v.iter().any(|(s, _)| s.contains("Shadow")), "{v:?}");
        let v = found(
            "Gerald Moss of KPF spoke first. Hardline KPF's Anna Reyes and Tom Rook were elected.",
        );
        assert!(!v.iter().any(|(s, _)| s.starts_with("Hardline")), "{v:?}");
    }

    #[test]
    fn a_word_that_only_begins_longer_names_is_no_person_alone() {
        let v = found("Crews worked at Tallow Naval Base on the coast. She asked about buildings torn down at Tallow without notice.");
        assert!(!v.contains(&("Tallow".into(), Label::Person)), "{v:?}");
    }

    #[test]
    fn offsets_stay_on_characters_in_any_script() {
        for text in [
            "Emoji 😀 and Zoë Ñúñez visited São Paulo with the Société Générale team — 東京 too.",
            "שלום Ana Lima said. مرحبا Carlos Ruiz of Banco Nube e\u{301} replied in Lisbon.",
            "😀😀 X Y Z 😀 & of the And De La 東京 Ω Ωmega said \u{202e}Lee\u{202c} Ann.",
            "",
            "&&& of of of The The . . . ' ’s 's",
        ] {
            let p = parse_str(text, Some(Format::Text));
            let doc = &p.document;
            let ms = entities(doc);
            for m in &ms {
                assert!(m.span.is_valid_in(doc.text()), "{text}: {m:?}");
                assert!(m.span.start() < m.span.end());
            }
            assert!(ms.windows(2).all(|w| w[0].span.end() <= w[1].span.start()));
        }
    }
}
