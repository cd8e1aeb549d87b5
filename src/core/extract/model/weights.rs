//! The weight file (`entities.bin`): read and checked (`Weights::parse`, never a panic),
//! and the perceptron's choice of a word's tag.

use super::*;

/// The weights: tag transitions, the previous tag with the word's rule tag, and the
/// hashed features' rows (most buckets have none).
pub struct Weights {
    trans: [[i16; CLASSES]; CLASSES],
    prev_rule: [[[i16; CLASSES]; RULE_TAGS]; CLASSES],
    pub(super) table: Rows,
    /// The rows of the features that follow from a number alone, summed.
    pub(super) fixed: Box<Fixed>,
}

/// The hashed features' rows, by bucket.
pub(super) struct Rows {
    /// Per bucket: 0 for none, else 1 + its row.
    slots: Vec<u16>,
    pub(super) rows: Vec<[i8; CLASSES]>,
}

impl Rows {
    /// Adds a feature's row (if it has one) to `s`.
    pub(super) fn add(&self, s: &mut Scores, feature: u32) {
        let slot = self.slots.get(feature as usize).copied().unwrap_or(0) as usize;
        if let Some(row) = slot.checked_sub(1).and_then(|k| self.rows.get(k)) {
            for (a, &w) in s.iter_mut().zip(row) {
                *a += i32::from(w);
            }
        }
    }
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
pub(super) struct Reader<'a> {
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
            // buckets rise: a gap of 0 after the first row, or one past the table, is no file
            let gap = r.varint()? as usize;
            if k > 0 && gap == 0 {
                return Err(WeightsError::BadBucket);
            }
            bucket = bucket.checked_add(gap).ok_or(WeightsError::BadBucket)?;
            let slot = slots.get_mut(bucket).ok_or(WeightsError::BadBucket)?;
            let mut row = [0i8; CLASSES];
            for w in row.iter_mut() {
                *w = r.i8()?;
            }
            *slot = (k + 1) as u16;
            rows.push(row);
        }
        let table = Rows { slots, rows };
        let fixed = Box::new(Fixed::of(&table));
        Ok(Weights {
            trans,
            prev_rule,
            table,
            fixed,
        })
    }

    /// Adds a feature's row (if it has one) to `s`.
    pub(super) fn add_row(&self, s: &mut Scores, feature: u32) {
        self.table.add(s, feature);
    }

    /// The static score of each tag for a word.
    pub(super) fn scores(&self, features: &[u32]) -> Scores {
        let mut s = [0i32; CLASSES];
        for &f in features {
            self.add_row(&mut s, f);
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
    pub(super) fn choose(&self, prev: u8, slot: Slot, rule: u8, features: &[u32]) -> u8 {
        self.choose_scored(prev, slot, rule, self.scores(features))
    }

    /// `choose`, given the word's static scores (`scores`, or the sums of `sums`).
    pub(super) fn choose_scored(&self, prev: u8, slot: Slot, rule: u8, base: Scores) -> u8 {
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
