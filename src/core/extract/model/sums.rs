//! The model's scores added up ahead of time. A perceptron's score for a word is the sum of
//! its features' rows, and most features follow from one word's text alone (its lower
//! case, suffix, shape and lexicon flags, as the word scored or as a neighbour) or from a
//! small number (a rule tag, the labels seen): those rows are summed once, per word of the
//! document (`word_scores`, kept for the roles of several rows: the word scored and its
//! neighbours on each side) or per number when the weights are read (`Fixed`), and a word
//! scored adds a dozen sums instead of hashing and looking up some 35 features. Integer
//! sums in another order: the same scores, so the same tags, as `read_sentence`'s features
//! give (`tagging_while_reading_equals_tagging_a_reading`).

use super::read::{suffix, Fnv, POSSESSIVE};
use super::*;

/// A score for each tag.
pub(super) type Scores = [i32; CLASSES];

/// Adds `b` to `a`, tag by tag.
pub(super) fn add(a: &mut Scores, b: &Scores) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// The tags `read_sentence` gives a place before the sentence's start and after its end.
pub(super) const BEFORE_START: u8 = 12;
pub(super) const AFTER_END: u8 = 13;

/// The rows of the features that follow from a number alone, summed when the weights are
/// read (the templates as `read_sentence` numbers them).
pub(super) struct Fixed {
    /// 0: every word's.
    pub(super) bias: Scores,
    /// 14: the word's rule tag.
    pub(super) rule: [Scores; RULE_TAGS],
    /// 15 and 16: the rule tag before and after (`BEFORE_START`, `AFTER_END` past the
    /// sentence's ends).
    pub(super) tag_before: [Scores; 14],
    pub(super) tag_after: [Scores; 14],
    /// 18: the rule tag and whether the rules are sure.
    pub(super) rule_sure: [[Scores; 2]; RULE_TAGS],
    /// 19: the rule tag and whether the word opens the sentence.
    pub(super) rule_start: [[Scores; 2]; RULE_TAGS],
    /// 20 and 21: the rule tag with no word after, or before.
    pub(super) rule_last: [Scores; RULE_TAGS],
    pub(super) rule_first: [Scores; RULE_TAGS],
    /// 22 and 23: the labels the rules give the word anywhere, alone and with its rule tag.
    pub(super) seen: [Scores; 32],
    pub(super) seen_rule: [[Scores; RULE_TAGS]; 32],
    /// No word two before, one before, one after, two after (templates 6, 4 and 8, 5 and
    /// 9, 7).
    pub(super) edge: [Scores; 4],
    /// The possessive flag of the word, the one before, the one after (11, 12, 13).
    pub(super) possessive: [Scores; 3],
}

impl Fixed {
    /// The sums, from the weight file's rows.
    pub(super) fn of(w: &Rows) -> Fixed {
        let row = |h: &Fnv| {
            let mut s = [0; CLASSES];
            w.add(&mut s, h.done());
            s
        };
        let by_rule = |tpl: u8| std::array::from_fn(|r| row(Fnv::new(tpl).bytes(&[r as u8])));
        let by_tag = |tpl: u8| std::array::from_fn(|t| row(Fnv::new(tpl).bytes(&[t as u8])));
        let by_rule_and = |tpl: u8| {
            std::array::from_fn(|r| {
                std::array::from_fn(|b| row(Fnv::new(tpl).bytes(&[r as u8, b as u8])))
            })
        };
        let edge = |tpl: u8| Fnv::new(tpl).bytes(b"<edge>").done();
        let edges = |tpls: &[u8]| {
            let mut s = [0; CLASSES];
            for &t in tpls {
                w.add(&mut s, edge(t));
            }
            s
        };
        let bit = POSSESSIVE.trailing_zeros() as u8;
        Fixed {
            bias: row(&Fnv::new(0)),
            rule: by_rule(14),
            tag_before: by_tag(15),
            tag_after: by_tag(16),
            rule_sure: by_rule_and(18),
            rule_start: by_rule_and(19),
            rule_last: by_rule(20),
            rule_first: by_rule(21),
            seen: std::array::from_fn(|s| row(Fnv::new(22).bytes(&[s as u8]))),
            seen_rule: std::array::from_fn(|s| {
                std::array::from_fn(|r| row(Fnv::new(23).bytes(&[s as u8, r as u8])))
            }),
            edge: [edges(&[6]), edges(&[4, 8]), edges(&[5, 9]), edges(&[7])],
            possessive: [11, 12, 13].map(|tpl| row(Fnv::new(tpl).bytes(&[bit]))),
        }
    }
}

/// Where a word stands from the word scored, and so which of its rows it adds; the
/// `*Rule0` ones also read the scored word's rule tag, for the commonest tag, none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// The word scored: its lower case, suffix, shape, flags (templates 1, 2, 3, 11).
    Own,
    /// Its shape with rule tag 0 (17).
    OwnRule0,
    /// It opens the sentence: its shape (10).
    Start,
    /// One before: lower case, shape, flags (4, 8, 12); after a word of rule tag 0 (21).
    Before,
    BeforeRule0,
    /// One after: lower case, shape, flags (5, 9, 13); before a word of rule tag 0 (20).
    After,
    AfterRule0,
    /// Two before, two after: lower case (6, 7).
    TwoBefore,
    TwoAfter,
}

/// A word's rows in one role, from its text and its flags without the possessive one.
pub(super) fn word_scores(w: &Weights, text: &str, plain_flags: u32, role: Role) -> Scores {
    let mut s = [0; CLASSES];
    let flags = |s: &mut Scores, tpl: u8| {
        let mut bits = plain_flags & !POSSESSIVE;
        while bits != 0 {
            let b = bits.trailing_zeros() as u8;
            w.add_row(s, Fnv::new(tpl).bytes(&[b]).done());
            bits &= bits - 1;
        }
    };
    let lower = |tpl: u8| Fnv::new(tpl).lower(text).done();
    let shape = |tpl: u8| Fnv::new(tpl).shape(text).done();
    match role {
        Role::Own => {
            w.add_row(&mut s, lower(1));
            w.add_row(&mut s, Fnv::new(2).lower(suffix(text)).done());
            w.add_row(&mut s, shape(3));
            flags(&mut s, 11);
        }
        Role::OwnRule0 => w.add_row(&mut s, Fnv::new(17).bytes(&[0]).shape(text).done()),
        Role::Start => w.add_row(&mut s, shape(10)),
        Role::Before => {
            w.add_row(&mut s, lower(4));
            w.add_row(&mut s, shape(8));
            flags(&mut s, 12);
        }
        Role::BeforeRule0 => w.add_row(&mut s, Fnv::new(21).bytes(&[0]).lower(text).done()),
        Role::After => {
            w.add_row(&mut s, lower(5));
            w.add_row(&mut s, shape(9));
            flags(&mut s, 13);
        }
        Role::AfterRule0 => w.add_row(&mut s, Fnv::new(20).bytes(&[0]).lower(text).done()),
        Role::TwoBefore => w.add_row(&mut s, lower(6)),
        Role::TwoAfter => w.add_row(&mut s, lower(7)),
    }
    s
}
