//! Inter-annotator agreement: several people marked claims in the same article text, each
//! person's marks a layer. How far do they agree on where the claims are (span F1 between
//! each pair, exact and overlapping), and, where they marked the same claim, on its type and
//! its verdict (Cohen's kappa for each pair, Krippendorff's alpha over everyone)? And where
//! exactly do they differ, so that a person can adjudicate (keep one, merge, reject)?
//!
//! Spans are byte offsets into the one text all layers share. Marks are paired by a sweep
//! over their starts, so the work (time and memory) is O(n log n + p) for n marks in all
//! and p overlapping pairs of marks between layers (p is about n when each person's marks
//! rarely overlap each other, as claims do; it grows to n² only when everyone marks the
//! whole text many times).

use super::graph::export::csv_field;
use super::offsets::{CharIndex, Span};
use super::sort::sort_by;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One mark of one person: a claim, as the caller converts it (its id, where it is, its
/// type's id and its verdict's id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The claim's id, to find it again when adjudicating.
    pub id: String,
    /// Where it is, in bytes of the shared text.
    pub span: Span,
    /// The claim type's id.
    pub kind: String,
    /// The verdict's id.
    pub verdict: String,
}

/// One person's marks on the text, in any order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    /// Who marked them, as the export names them.
    pub annotator: String,
    pub marks: Vec<Mark>,
}

/// How well one layer's spans match another's: `matched` marks paired one to one, of
/// `a_marks` and `b_marks`. A is the reference: recall is the share of A's marks that B
/// found, precision the share of B's marks that A has. F1, their harmonic mean, is
/// 2·matched / (a_marks + b_marks), the same whichever layer is the reference. A share of
/// nothing is `None`, not NaN: recall when A has no marks, precision when B has none, F1
/// when neither has any.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpanScore {
    pub matched: usize,
    pub a_marks: usize,
    pub b_marks: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl SpanScore {
    fn new(matched: usize, a_marks: usize, b_marks: usize) -> SpanScore {
        let share = |part: usize, whole: usize| (whole > 0).then(|| part as f64 / whole as f64);
        SpanScore {
            matched,
            a_marks,
            b_marks,
            precision: share(matched, b_marks),
            recall: share(matched, a_marks),
            f1: share(2 * matched, a_marks + b_marks),
        }
    }
}

/// The agreement of two annotators (`a` < `b`, indices into the layers).
#[derive(Clone, Debug, PartialEq)]
pub struct PairAgreement {
    pub a: usize,
    pub b: usize,
    /// Marks with the same start and end, paired one to one.
    pub exact: SpanScore,
    /// Marks that share at least one byte, paired one to one by largest overlap first (see
    /// `agreement`).
    pub overlap: SpanScore,
    /// Cohen's kappa of the types of the overlap's pairs; `None` without pairs.
    pub type_kappa: Option<f64>,
    /// Cohen's kappa of the verdicts of the overlap's pairs; `None` without pairs.
    pub verdict_kappa: Option<f64>,
}

/// One mark as a unit or a disagreement lists it: whose (an index into the layers), which
/// (an index into that layer's marks) and its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkRef {
    pub annotator: usize,
    pub index: usize,
    pub id: String,
}

/// One place the annotators marked, or some of them: the marks joined by the pairwise
/// overlap matchings (if A's mark is paired with B's and B's with C's, all three are one
/// unit), or a mark no one else's was paired with, alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// From the first start of its marks to the last end.
    pub span: Span,
    /// Its marks by annotator, then in text order. An annotator may have more than one here
    /// (two of theirs each paired with a different person's mark of the same claim); their
    /// first is their value for alpha.
    pub marks: Vec<MarkRef>,
}

impl Unit {
    /// The annotators (of `layers` in all) with no mark here.
    pub fn lacking(&self, layers: usize) -> Vec<usize> {
        (0..layers)
            .filter(|&l| !self.marks.iter().any(|m| m.annotator == l))
            .collect()
    }
}

/// How the annotators differ at a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DisagreementKind {
    /// Someone has no mark there (`Unit::lacking` says who).
    Missing,
    /// The marks do not all have the same start and end.
    Span,
    /// The marks do not all have the same type.
    Type,
    /// The marks do not all have the same verdict.
    Verdict,
}

impl DisagreementKind {
    /// Its name in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            DisagreementKind::Missing => "missing",
            DisagreementKind::Span => "span",
            DisagreementKind::Type => "type",
            DisagreementKind::Verdict => "verdict",
        }
    }
}

/// A unit where the annotators differ, in one way (a unit that differs in several ways is
/// listed once for each), with the marks to choose from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// The index of the unit in `Agreement::units`.
    pub unit: usize,
    pub kind: DisagreementKind,
    /// The unit's marks.
    pub marks: Vec<MarkRef>,
}

/// Everything `agreement` finds.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// Each pair of annotators, (0, 1), (0, 2), …, (1, 2), ….
    pub pairs: Vec<PairAgreement>,
    /// Krippendorff's alpha (nominal) of the types over the units.
    pub type_alpha: Option<f64>,
    /// Krippendorff's alpha (nominal) of the verdicts over the units.
    pub verdict_alpha: Option<f64>,
    /// The units in text order (by start, then end).
    pub units: Vec<Unit>,
    /// Where the annotators differ, in the units' order; at one unit: missing, span, type,
    /// verdict.
    pub disagreements: Vec<Disagreement>,
}

/// The agreement of the layers.
///
/// Exact matches pair marks with the same span one to one. Overlap matches pair marks that
/// share at least one byte (or have the same span: an empty mark shares no byte, but still
/// meets its twin), one to one, greedily: of all overlapping pairs, the one sharing the
/// most bytes first, then the next that pairs two marks still free, and so on (ties go to
/// the earlier mark of A, then of B). Why greedy by overlap: a pairing that maximises the
/// count or the total overlap (the Hungarian method) costs O(n³), too slow for a 5,000-claim
/// layer; greedy costs O(p log p) for p overlapping pairs, pairs each mark with the one that
/// says the most of the same words (which is what a person means by "the same claim"), is
/// deterministic, and, since a person's claims rarely overlap each other, is almost always
/// the best pairing anyway. It also pairs a layer with a copy of itself mark for mark.
///
/// Types and verdicts are compared on the overlap's pairs: Cohen's kappa for each pair of
/// annotators, Krippendorff's alpha over everyone (see `Unit` for the units and
/// `krippendorff_alpha` for the figure).
pub fn agreement(layers: &[Layer]) -> Agreement {
    let orders: Vec<Vec<usize>> = layers.iter().map(text_order).collect();
    let starts: Vec<usize> = layers
        .iter()
        .scan(0, |at, l| {
            let first = *at;
            *at += l.marks.len();
            Some(first)
        })
        .collect();
    let total = layers.iter().map(|l| l.marks.len()).sum();
    let mut sets = Sets::new(total);
    let mut pairs = Vec::new();
    for (a, (la, oa)) in layers.iter().zip(&orders).enumerate() {
        for (b, (lb, ob)) in layers.iter().zip(&orders).enumerate().skip(a + 1) {
            let matches = overlap_matches(la, oa, lb, ob);
            for m in &matches {
                sets.join(starts[a] + m.a, starts[b] + m.b);
            }
            let kinds = matches
                .iter()
                .map(|m| (&*la.marks[m.a].kind, &*lb.marks[m.b].kind));
            let verdicts = matches
                .iter()
                .map(|m| (&*la.marks[m.a].verdict, &*lb.marks[m.b].verdict));
            pairs.push(PairAgreement {
                a,
                b,
                exact: SpanScore::new(
                    exact_matches(la, oa, lb, ob),
                    la.marks.len(),
                    lb.marks.len(),
                ),
                overlap: SpanScore::new(matches.len(), la.marks.len(), lb.marks.len()),
                type_kappa: cohen_kappa(kinds),
                verdict_kappa: cohen_kappa(verdicts),
            });
        }
    }
    let units = units(layers, &orders, &starts, &mut sets);
    let values = |pick: fn(&Mark) -> &str| -> Vec<Vec<&str>> {
        units
            .iter()
            .map(|u| {
                // each annotator's first mark in the unit (marks are by annotator)
                let mut out = Vec::new();
                let mut last = None;
                for r in &u.marks {
                    if last != Some(r.annotator) {
                        last = Some(r.annotator);
                        out.push(pick(&layers[r.annotator].marks[r.index]));
                    }
                }
                out
            })
            .collect()
    };
    let type_alpha = krippendorff_alpha(&values(|m| &m.kind));
    let verdict_alpha = krippendorff_alpha(&values(|m| &m.verdict));
    let disagreements = disagreements(layers, &units);
    Agreement {
        pairs,
        type_alpha,
        verdict_alpha,
        units,
        disagreements,
    }
}

/// A layer's mark indices by span (start, then end), equal spans in the layer's order.
fn text_order(l: &Layer) -> Vec<usize> {
    let mut o: Vec<usize> = (0..l.marks.len()).collect();
    sort_by(&mut o, |&x, &y| l.marks[x].span.cmp(&l.marks[y].span));
    o
}

/// The bytes two spans share.
fn shared(x: Span, y: Span) -> usize {
    x.end()
        .min(y.end())
        .saturating_sub(x.start().max(y.start()))
}

/// Marks with the same span paired one to one: a merge of the two text orders.
fn exact_matches(a: &Layer, oa: &[usize], b: &Layer, ob: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (oa.get(i), ob.get(j)) {
        match a.marks[x].span.cmp(&b.marks[y].span) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A mark of A paired with a mark of B (indices into their layers' marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Match {
    a: usize,
    b: usize,
}

/// Two marks that could be paired: their ranks in their layers' text orders and the bytes
/// they share.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    shared: usize,
    a: usize,
    b: usize,
}

/// Every pair of overlapping marks of A and B, by a sweep over the starts: each mark, as it
/// comes, meets the other layer's marks that started before it and have not ended (the
/// ones that ended are dropped then, once each), so the work is the marks plus the pairs.
/// Empty marks share no byte with anything; each meets the other layer's empty mark at
/// the same place, the k-th at a place the k-th.
fn candidates(a: &Layer, oa: &[usize], b: &Layer, ob: &[usize]) -> Vec<Candidate> {
    let span_a = |r: usize| a.marks[oa[r]].span;
    let span_b = |r: usize| b.marks[ob[r]].span;
    let mut out = Vec::new();
    let (mut live_a, mut live_b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    loop {
        let take_a = match (i < oa.len(), j < ob.len()) {
            (true, true) => span_a(i).start() <= span_b(j).start(),
            (true, false) => true,
            (false, true) => false,
            (false, false) => break,
        };
        if take_a {
            let s = span_a(i);
            if !s.is_empty() {
                live_b.retain(|&r| span_b(r).end() > s.start());
                out.extend(live_b.iter().map(|&r| Candidate {
                    shared: shared(s, span_b(r)),
                    a: i,
                    b: r,
                }));
                live_a.push(i);
            }
            i += 1;
        } else {
            let s = span_b(j);
            if !s.is_empty() {
                live_a.retain(|&r| span_a(r).end() > s.start());
                out.extend(live_a.iter().map(|&r| Candidate {
                    shared: shared(span_a(r), s),
                    a: r,
                    b: j,
                }));
                live_b.push(j);
            }
            j += 1;
        }
    }
    let empty_a: Vec<usize> = (0..oa.len()).filter(|&r| span_a(r).is_empty()).collect();
    let empty_b: Vec<usize> = (0..ob.len()).filter(|&r| span_b(r).is_empty()).collect();
    let (mut p, mut q) = (0, 0);
    while let (Some(&x), Some(&y)) = (empty_a.get(p), empty_b.get(q)) {
        match span_a(x).start().cmp(&span_b(y).start()) {
            std::cmp::Ordering::Less => p += 1,
            std::cmp::Ordering::Greater => q += 1,
            std::cmp::Ordering::Equal => {
                out.push(Candidate {
                    shared: 0,
                    a: x,
                    b: y,
                });
                p += 1;
                q += 1;
            }
        }
    }
    out
}

/// The overlap matching of A and B (see `agreement`).
fn overlap_matches(a: &Layer, oa: &[usize], b: &Layer, ob: &[usize]) -> Vec<Match> {
    let mut cands = candidates(a, oa, b, ob);
    sort_by(&mut cands, |x, y| {
        y.shared
            .cmp(&x.shared)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let (mut used_a, mut used_b) = (vec![false; oa.len()], vec![false; ob.len()]);
    let mut out = Vec::new();
    for c in cands {
        if !used_a[c.a] && !used_b[c.b] {
            used_a[c.a] = true;
            used_b[c.b] = true;
            out.push(Match {
                a: oa[c.a],
                b: ob[c.b],
            });
        }
    }
    out
}

/// Cohen's kappa of paired labels (A's, B's): (po − pe) / (1 − pe), po the share of pairs
/// with the same label, pe the share expected by chance, Σ over labels of (A's share of
/// it × B's share of it). `None` without pairs. When both gave one and the same label to
/// everything, pe = po = 1 and the formula is 0/0: that is perfect agreement, so 1.0.
/// Computed on counts (n pairs, `agree` the same, ca and cb each label's counts):
/// (n·agree − Σ ca·cb) / (n² − Σ ca·cb).
fn cohen_kappa<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Option<f64> {
    // label → (count in A, count in B)
    let mut counts: BTreeMap<&str, (u128, u128)> = BTreeMap::new();
    let (mut n, mut agree) = (0u128, 0u128);
    for (x, y) in pairs {
        n += 1;
        agree += u128::from(x == y);
        counts.entry(x).or_default().0 += 1;
        counts.entry(y).or_default().1 += 1;
    }
    if n == 0 {
        return None;
    }
    let chance: u128 = counts.values().map(|(ca, cb)| ca * cb).sum();
    if chance == n * n {
        return Some(1.0);
    }
    Some(((n * agree) as f64 - chance as f64) / ((n * n - chance) as f64))
}

/// Krippendorff's alpha for nominal values, from the coincidence matrix (Krippendorff 2011,
/// "Computing Krippendorff's Alpha-Reliability"): each unit's values (one per annotator
/// who has one; the others are missing). Only units with two or more values are
/// pairable; m_u values in unit u, n_uc of them c, n all pairable values, n_c of them c.
/// alpha = 1 − D_o / D_e, which comes to
/// 1 − (n − 1) · Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1)  /  (n² − Σ_c n_c²)
/// (the numerator's sum is the coincidences of different values, the denominator's the
/// pairs of different values all the pairable values make).
/// Edge cases: `None` with fewer than 2 pairable values (nothing to compare). When every
/// value is the same, the expected disagreement is 0 and so is the observed one (there is
/// no other value to disagree with), 0/0: we call that perfect agreement, 1.0, though
/// Krippendorff leaves alpha undefined there.
pub fn krippendorff_alpha(units: &[Vec<&str>]) -> Option<f64> {
    let mut totals: BTreeMap<&str, u128> = BTreeMap::new();
    let mut n = 0u128;
    let mut observed = 0.0;
    for values in units {
        if values.len() < 2 {
            continue;
        }
        // the unit's values with their counts: a unit has few values, one per annotator
        let mut here: Vec<(&str, u128)> = Vec::new();
        for &v in values {
            match here.iter_mut().find(|(w, _)| *w == v) {
                Some((_, c)) => *c += 1,
                None => here.push((v, 1)),
            }
        }
        let m = values.len() as u128;
        let same: u128 = here.iter().map(|(_, c)| c * c).sum();
        observed += (m * m - same) as f64 / (m - 1) as f64;
        n += m;
        for (v, c) in here {
            *totals.entry(v).or_default() += c;
        }
    }
    if n < 2 {
        return None;
    }
    let expected = n * n - totals.values().map(|c| c * c).sum::<u128>();
    if expected == 0 {
        return Some(1.0);
    }
    Some(1.0 - (n - 1) as f64 * observed / expected as f64)
}

/// Union-find over all the marks of all layers (numbered layer by layer), with path
/// halving and union by size: near-constant time per step.
struct Sets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn join(&mut self, x: usize, y: usize) {
        let (mut x, mut y) = (self.find(x), self.find(y));
        if x == y {
            return;
        }
        if self.size[x] < self.size[y] {
            std::mem::swap(&mut x, &mut y);
        }
        self.parent[y] = x;
        self.size[x] += self.size[y];
    }
}

/// The units: the sets of joined marks, each with its marks by annotator then in text
/// order, sorted by their spans.
fn units(layers: &[Layer], orders: &[Vec<usize>], starts: &[usize], sets: &mut Sets) -> Vec<Unit> {
    let mut of_root: Vec<Option<usize>> = vec![None; sets.parent.len()];
    let mut units: Vec<Unit> = Vec::new();
    for (l, (layer, order)) in layers.iter().zip(orders).enumerate() {
        for &i in order {
            let mark = &layer.marks[i];
            let root = sets.find(starts[l] + i);
            let r = MarkRef {
                annotator: l,
                index: i,
                id: mark.id.clone(),
            };
            match of_root[root] {
                Some(u) => {
                    let unit: &mut Unit = &mut units[u];
                    unit.span = Span::new(
                        unit.span.start().min(mark.span.start()),
                        unit.span.end().max(mark.span.end()),
                    );
                    unit.marks.push(r);
                }
                None => {
                    of_root[root] = Some(units.len());
                    units.push(Unit {
                        span: mark.span,
                        marks: vec![r],
                    });
                }
            }
        }
    }
    sort_by(&mut units, |x, y| x.span.cmp(&y.span));
    units
}

/// The disagreements at each unit, in the units' order.
fn disagreements(layers: &[Layer], units: &[Unit]) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for (k, u) in units.iter().enumerate() {
        let marks: Vec<&Mark> = u
            .marks
            .iter()
            .map(|r| &layers[r.annotator].marks[r.index])
            .collect();
        let differ = |f: fn(&Mark) -> &str| marks.windows(2).any(|w| f(w[0]) != f(w[1]));
        let kinds = [
            (
                DisagreementKind::Missing,
                !u.lacking(layers.len()).is_empty(),
            ),
            (
                DisagreementKind::Span,
                marks.windows(2).any(|w| w[0].span != w[1].span),
            ),
            (DisagreementKind::Type, differ(|m| &m.kind)),
            (DisagreementKind::Verdict, differ(|m| &m.verdict)),
        ];
        for (kind, _) in kinds.into_iter().filter(|(_, yes)| *yes) {
            out.push(Disagreement {
                unit: k,
                kind,
                marks: u.marks.clone(),
            });
        }
    }
    out
}

/// A figure in a CSV cell: as Rust writes it (the shortest form that reads back the same),
/// or empty when undefined. Numbers need no formula guard: a leading "-" is a sign.
fn number(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// The figures as CSV (RFC 4180: fields quoted when needed, CRLF between records; a text
/// that begins like a formula is guarded, as the graph's export does) for a spreadsheet, in
/// three tables one after the other, an empty row between them, every row as wide as the
/// widest so the file stays rectangular:
/// the pairs (annotators' names, their marks, then matched, precision, recall and F1,
/// exact then overlapping, then the kappas of type and verdict; an empty cell is a figure
/// that is undefined); the alphas and the count of units; the disagreements, a row for each
/// mark (annotator, mark id, type, verdict, the marked words) and, for a missing one, a row
/// for each annotator who has no mark there, each row with the unit's number (from 1) and
/// its place in code points, as the files count. `layers` and `text` are the ones
/// `agreement` was given; a mark or annotator they do not have is left out, nothing fails.
pub fn to_csv(agreement: &Agreement, layers: &[Layer], text: &str) -> String {
    let name = |l: usize| layers.get(l).map_or("", |l| l.annotator.as_str());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let words = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    rows.push(words(&[
        "annotator a",
        "annotator b",
        "marks a",
        "marks b",
        "exact matched",
        "exact precision",
        "exact recall",
        "exact f1",
        "overlap matched",
        "overlap precision",
        "overlap recall",
        "overlap f1",
        "type kappa",
        "verdict kappa",
    ]));
    for p in &agreement.pairs {
        let mut row = vec![
            csv_field(name(p.a)),
            csv_field(name(p.b)),
            p.exact.a_marks.to_string(),
            p.exact.b_marks.to_string(),
        ];
        for s in [p.exact, p.overlap] {
            row.push(s.matched.to_string());
            row.extend([s.precision, s.recall, s.f1].map(number));
        }
        row.extend([p.type_kappa, p.verdict_kappa].map(number));
        rows.push(row);
    }
    rows.push(Vec::new());
    rows.push(words(&["figure", "value"]));
    rows.push(vec!["type alpha".into(), number(agreement.type_alpha)]);
    rows.push(vec![
        "verdict alpha".into(),
        number(agreement.verdict_alpha),
    ]);
    rows.push(vec!["units".into(), agreement.units.len().to_string()]);
    rows.push(Vec::new());
    rows.push(words(&[
        "unit",
        "start",
        "end",
        "disagreement",
        "annotator",
        "mark",
        "type",
        "verdict",
        "quote",
    ]));
    let index = CharIndex::new(text);
    for d in &agreement.disagreements {
        let Some(unit) = agreement.units.get(d.unit) else {
            continue;
        };
        let at = index.to_chars(unit.span);
        let head = [
            (d.unit + 1).to_string(),
            at.start.to_string(),
            at.end.to_string(),
            d.kind.as_str().to_string(),
        ];
        for r in &d.marks {
            let Some(m) = layers.get(r.annotator).and_then(|l| l.marks.get(r.index)) else {
                continue;
            };
            let mut row = head.to_vec();
            row.extend(
                [
                    name(r.annotator),
                    &m.id,
                    &m.kind,
                    &m.verdict,
                    m.span.slice(text).unwrap_or(""),
                ]
                .map(csv_field),
            );
            rows.push(row);
        }
        if d.kind == DisagreementKind::Missing {
            for l in unit.lacking(layers.len()) {
                let mut row = head.to_vec();
                row.push(csv_field(name(l)));
                rows.push(row);
            }
        }
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut s = String::new();
    for mut row in rows {
        row.resize(width, String::new());
        let _ = write!(s, "{}\r\n", row.join(","));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mark(id: &str, start: usize, end: usize, kind: &str, verdict: &str) -> Mark {
        Mark {
            id: id.into(),
            span: Span::new(start, end),
            kind: kind.into(),
            verdict: verdict.into(),
        }
    }

    fn layer(annotator: &str, marks: Vec<Mark>) -> Layer {
        Layer {
            annotator: annotator.into(),
            marks,
        }
    }

    fn close(x: Option<f64>, want: f64) -> bool {
        x.is_some_and(|x| (x - want).abs() < 1e-12)
    }

    #[test]
    fn span_f1_counts_exact_and_overlapping_pairs() {
        // A: [0,10) [20,30) [40,50); B: [0,10) [20,30) [44,55) [38,42), given out of order.
        // Exact: a1=b1, a2=b2 → matched 2.
        //   precision = 2/|B| = 2/4 = 0.5, recall = 2/|A| = 2/3, F1 = 2·2/(3+4) = 4/7.
        // Overlapping: a3 shares 6 bytes with [44,55) ([44,50)) and 2 with [38,42) ([40,42)):
        //   largest first pairs a3 with [44,55); [38,42) stays alone → matched 3.
        //   precision = 3/4, recall = 3/3 = 1, F1 = 2·3/(3+4) = 6/7.
        let a = layer(
            "Ann",
            vec![
                mark("a3", 40, 50, "fact", "true"),
                mark("a1", 0, 10, "fact", "true"),
                mark("a2", 20, 30, "fact", "true"),
            ],
        );
        let b = layer(
            "Ben",
            vec![
                mark("b4", 38, 42, "fact", "true"),
                mark("b1", 0, 10, "fact", "true"),
                mark("b3", 44, 55, "fact", "true"),
                mark("b2", 20, 30, "fact", "true"),
            ],
        );
        let r = agreement(&[a, b]);
        let p = &r.pairs[0];
        assert_eq!((p.a, p.b), (0, 1));
        assert_eq!(
            (p.exact.matched, p.exact.a_marks, p.exact.b_marks),
            (2, 3, 4)
        );
        assert!(close(p.exact.precision, 0.5));
        assert!(close(p.exact.recall, 2.0 / 3.0));
        assert!(close(p.exact.f1, 4.0 / 7.0));
        assert_eq!(p.overlap.matched, 3);
        assert!(close(p.overlap.precision, 0.75));
        assert!(close(p.overlap.recall, 1.0));
        assert!(close(p.overlap.f1, 6.0 / 7.0));
        // units: {a1,b1} {a2,b2} {b4} [38,42) {a3,b3} [40,55), in text order
        let spans: Vec<(usize, usize)> = r
            .units
            .iter()
            .map(|u| (u.span.start(), u.span.end()))
            .collect();
        assert_eq!(spans, [(0, 10), (20, 30), (38, 42), (40, 55)]);
        let ids: Vec<&str> = r.units[3].marks.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a3", "b3"]);
    }

    #[test]
    fn overlap_pairs_go_to_the_largest_overlap_first() {
        // A1 [0,10) A2 [8,20); B1 [5,12) shares 5 with A1 and 4 with A2; B2 [0,6) 6 with A1.
        // Largest first: A1–B2 (6); A1–B1 (5) is taken; A2–B1 (4). Two pairs.
        let a = layer(
            "A",
            vec![mark("A1", 0, 10, "x", "v"), mark("A2", 8, 20, "x", "v")],
        );
        let b = layer(
            "B",
            vec![mark("B1", 5, 12, "x", "v"), mark("B2", 0, 6, "x", "v")],
        );
        let r = agreement(&[a, b]);
        assert_eq!(r.pairs[0].overlap.matched, 2);
        let units: Vec<Vec<&str>> = r
            .units
            .iter()
            .map(|u| u.marks.iter().map(|m| m.id.as_str()).collect())
            .collect();
        assert_eq!(units, [vec!["A1", "B2"], vec!["A2", "B1"]]);
        // touching spans share no byte; empty spans meet only their twin
        let a = layer(
            "A",
            vec![mark("a", 0, 5, "x", "v"), mark("e", 7, 7, "x", "v")],
        );
        let b = layer(
            "B",
            vec![
                mark("b", 5, 9, "x", "v"),
                mark("e1", 7, 7, "x", "v"),
                mark("e2", 7, 7, "x", "v"),
            ],
        );
        let r = agreement(&[a, b]);
        assert_eq!(r.pairs[0].overlap.matched, 1);
        assert_eq!(r.pairs[0].exact.matched, 1);
        assert_eq!(r.units.len(), 4);
    }

    /// Ten units marked at the same spans by two annotators, types and verdicts below.
    fn ten_units() -> [Layer; 2] {
        // [A's type, B's type, A's verdict, B's verdict]
        let rows = [
            ["fact", "fact", "true", "true"],
            ["fact", "fact", "true", "true"],
            ["fact", "fact", "true", "true"],
            ["fact", "fact", "true", "mixed"],
            ["fact", "opinion", "false", "false"],
            ["opinion", "fact", "false", "false"],
            ["opinion", "fact", "false", "mixed"],
            ["opinion", "opinion", "mixed", "true"],
            ["opinion", "opinion", "mixed", "mixed"],
            ["opinion", "opinion", "mixed", "mixed"],
        ];
        // annotator `side`: 0 for A, 1 for B
        let layer_of = |name: &str, side: usize| {
            let marks = rows
                .iter()
                .enumerate()
                .map(|(u, row)| {
                    mark(
                        &format!("{name}{u}"),
                        u * 10,
                        u * 10 + 5,
                        row[side],
                        row[side + 2],
                    )
                })
                .collect();
            layer(name, marks)
        };
        [layer_of("a", 0), layer_of("b", 1)]
    }

    #[test]
    fn kappa_and_alpha_of_two_annotators_by_hand() {
        let r = agreement(&ten_units());
        let p = &r.pairs[0];
        // Types:        B fact  B opinion
        //   A fact         4       1        A: fact 5, opinion 5
        //   A opinion      2       3        B: fact 6, opinion 4
        // po = 7/10; pe = (5·6 + 5·4)/100 = 0.5; kappa = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        assert!(close(p.type_kappa, 0.4), "{:?}", p.type_kappa);
        // Verdicts:     B true  B false  B mixed
        //   A true         3       0        1     A: true 4, false 3, mixed 3
        //   A false        0       2        1     B: true 4, false 2, mixed 4
        //   A mixed        1       0        2
        // po = 7/10; pe = (4·4 + 3·2 + 3·4)/100 = 0.34;
        // kappa = (0.7 − 0.34)/(1 − 0.34) = 0.36/0.66 = 6/11.
        assert!(close(p.verdict_kappa, 6.0 / 11.0), "{:?}", p.verdict_kappa);
        // Alpha of the types: n = 20 values, fact 5 + 6 = 11, opinion 9;
        //   expected: n² − Σ n_c² = 400 − (121 + 81) = 198;
        //   observed: 3 units differ, each (m² − Σ n_uc²)/(m − 1) = (4 − 2)/1 = 2 → 6;
        //   alpha = 1 − (n − 1)·6/198 = 1 − 114/198 = 84/198 = 14/33.
        assert!(close(r.type_alpha, 14.0 / 33.0), "{:?}", r.type_alpha);
        // Alpha of the verdicts: true 8, false 5, mixed 7: expected 400 − (64 + 25 + 49) = 262;
        //   observed 3 units · 2 = 6; alpha = 1 − 19·6/262 = 148/262 = 74/131.
        assert!(
            close(r.verdict_alpha, 74.0 / 131.0),
            "{:?}",
            r.verdict_alpha
        );
    }

    #[test]
    fn alpha_of_krippendorffs_nominal_example() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", 4 observers ×
        // 12 units, nominal, with missing values (0 = missing):
        let data: [[u8; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        // Unit 12 has one value, not pairable: n = 3 + 8·4 + 3 + 2 = 40.
        // n_c: 1 → 9, 2 → 13, 3 → 10, 4 → 5, 5 → 3; Σ n_c² = 81 + 169 + 100 + 25 + 9 = 384;
        //   expected: 40² − 384 = 1216.
        // Observed, units that differ: unit 2 {2,2,3,2}: (16 − 10)/3 = 2;
        //   unit 6 {1,2,3,4}: (16 − 4)/3 = 4; unit 8 {1,1,2,1}: (16 − 10)/3 = 2 → 8.
        // alpha = 1 − 39·8/1216 = 1 − 312/1216 = 0.74342…
        let layers: Vec<Layer> = data
            .iter()
            .enumerate()
            .map(|(o, row)| {
                let marks = row
                    .iter()
                    .enumerate()
                    .filter(|(_, &v)| v != 0)
                    .map(|(u, v)| {
                        mark(&format!("{o}-{u}"), u * 10, u * 10 + 5, &v.to_string(), "x")
                    })
                    .collect();
                layer(&format!("observer {}", o + 1), marks)
            })
            .collect();
        let r = agreement(&layers);
        assert_eq!(r.units.len(), 12);
        assert!(
            close(r.type_alpha, 1.0 - 312.0 / 1216.0),
            "{:?}",
            r.type_alpha
        );
        assert_eq!(format!("{:.3}", r.type_alpha.unwrap_or(0.0)), "0.743");
        // every verdict the same: no disagreement expected or observed → 1
        assert_eq!(r.verdict_alpha, Some(1.0));
    }

    #[test]
    fn perfect_agreement_is_one_and_nothing_shared_is_none() {
        let [a, _] = ten_units();
        let mut b = a.clone();
        b.annotator = "b".into();
        let r = agreement(&[a.clone(), b]);
        let p = &r.pairs[0];
        assert_eq!((p.exact.f1, p.overlap.f1), (Some(1.0), Some(1.0)));
        assert_eq!((p.type_kappa, p.verdict_kappa), (Some(1.0), Some(1.0)));
        assert_eq!((r.type_alpha, r.verdict_alpha), (Some(1.0), Some(1.0)));
        assert!(r.disagreements.is_empty());
        // one label for everything on both sides: pe = po = 1, still perfect agreement
        let one = layer("c", vec![mark("c1", 0, 5, "fact", "true")]);
        let same = layer("d", vec![mark("d1", 0, 5, "fact", "true")]);
        let r = agreement(&[one, same]);
        assert_eq!(r.pairs[0].type_kappa, Some(1.0));
        assert_eq!(r.type_alpha, Some(1.0));
        // no shared spans: F1 0, kappa and alpha undefined
        let x = layer("x", vec![mark("x1", 0, 5, "fact", "true")]);
        let y = layer("y", vec![mark("y1", 10, 15, "opinion", "false")]);
        let r = agreement(&[x.clone(), y]);
        let p = &r.pairs[0];
        assert_eq!((p.exact.f1, p.overlap.f1), (Some(0.0), Some(0.0)));
        assert_eq!((p.type_kappa, p.verdict_kappa), (None, None));
        assert_eq!((r.type_alpha, r.verdict_alpha), (None, None));
        // no marks on either side: F1, precision and recall undefined, not NaN
        let r = agreement(&[layer("e", vec![]), layer("f", vec![])]);
        let p = &r.pairs[0];
        assert_eq!(
            (p.overlap.precision, p.overlap.recall, p.overlap.f1),
            (None, None, None)
        );
        // none on one side: recall of nothing is undefined, precision and F1 are 0
        let r = agreement(&[layer("e", vec![]), x]);
        let p = &r.pairs[0];
        assert_eq!(
            (p.exact.precision, p.exact.recall, p.exact.f1),
            (Some(0.0), None, Some(0.0))
        );
        // no layers, one layer
        let r = agreement(&[]);
        assert!(r.pairs.is_empty() && r.units.is_empty() && r.type_alpha.is_none());
        let r = agreement(&[a]);
        assert!(r.pairs.is_empty() && r.disagreements.is_empty() && r.type_alpha.is_none());
        assert_eq!(r.units.len(), 10);
    }

    #[test]
    fn disagreements_come_in_text_order_with_their_kinds() {
        // unit 0 [0,10): all three, B's verdict differs       → verdict
        // unit 1 [20,30): B starts at 22                      → span
        // unit 2 [40,50): only A                              → missing
        // unit 3 [60,70): A and B, B's type differs, no C     → missing, type
        let a = layer(
            "A",
            vec![
                mark("a4", 60, 70, "fact", "true"),
                mark("a3", 40, 50, "fact", "true"),
                mark("a2", 20, 30, "fact", "true"),
                mark("a1", 0, 10, "fact", "true"),
            ],
        );
        let b = layer(
            "B",
            vec![
                mark("b4", 60, 70, "opinion", "true"),
                mark("b2", 22, 30, "fact", "true"),
                mark("b1", 0, 10, "fact", "false"),
            ],
        );
        let c = layer(
            "C",
            vec![
                mark("c2", 20, 30, "fact", "true"),
                mark("c1", 0, 10, "fact", "true"),
            ],
        );
        let r = agreement(&[a, b, c]);
        use DisagreementKind::*;
        let got: Vec<(usize, DisagreementKind)> =
            r.disagreements.iter().map(|d| (d.unit, d.kind)).collect();
        assert_eq!(
            got,
            [
                (0, Verdict),
                (1, Span),
                (2, Missing),
                (3, Missing),
                (3, Type)
            ]
        );
        let who: Vec<(usize, &str)> = r.disagreements[0]
            .marks
            .iter()
            .map(|m| (m.annotator, m.id.as_str()))
            .collect();
        assert_eq!(who, [(0, "a1"), (1, "b1"), (2, "c1")]);
        assert_eq!(r.units[3].lacking(3), [2]);
        assert_eq!(r.units[2].lacking(3), [1, 2]);
        // the pairs: (A,B), (A,C), (B,C)
        let pairs: Vec<(usize, usize)> = r.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, [(0, 1), (0, 2), (1, 2)]);
        assert_eq!(r.pairs[1].exact.matched, 2);
    }

    #[test]
    fn the_csv_quotes_guards_and_counts_code_points() {
        let text = "Il a dit 😀 «e\u{301}» — 東京は晴れ。 שלום עולם ok";
        let at = |s: &str| {
            let i = text.find(s).unwrap_or(0);
            (i, i + s.len())
        };
        let (t0, t1) = at("東京は晴れ");
        let (h0, h1) = at("שלום");
        let (e0, e1) = at("«e\u{301}»");
        let a = layer(
            "=Ann, \"the\" first",
            vec![
                mark("=cmd", t0, t1, "fact", "true"),
                mark("a2", h0, h1, "-opinion", "true"),
                mark("a3", e0, e1, "fact", "true"),
            ],
        );
        let b = layer(
            "Ben",
            vec![
                mark("b1", t0, t1, "opinion", "true"),
                mark("b3", e0, e1, "fact", "true"),
            ],
        );
        let layers = [a, b];
        let r = agreement(&layers);
        let csv = to_csv(&r, &layers, text);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        // 14 fields in every record (commas outside quotes)
        let fields = |l: &str| {
            let mut quoted = false;
            1 + l
                .chars()
                .filter(|&ch| {
                    quoted ^= ch == '"';
                    ch == ',' && !quoted
                })
                .count()
        };
        assert_eq!(lines.last(), Some(&""));
        assert!(
            lines[..lines.len() - 1].iter().all(|l| fields(l) == 14),
            "{csv}"
        );
        // The pair: exact 2 of 3 and 2 → precision 1, recall 2/3, F1 4/5 (the same for
        // the overlap). Types of the pairs: (fact, opinion), (fact, fact): po = 1/2;
        // A fact 2, B fact 1 and opinion 1: pe = (2·1 + 0·1)/4 = 1/2 → kappa 0.
        // Verdicts all "true" → 1. Type alpha: units {fact, opinion}, {fact, fact}, {opinion
        // alone, not pairable}: n = 4, fact 3, opinion 1; expected 16 − (9 + 1) = 6;
        // observed (4 − 2)/1 = 2; alpha = 1 − 3·2/6 = 0.
        assert_eq!(
            lines[1],
            "\"'=Ann, \"\"the\"\" first\",Ben,3,2,2,1,0.6666666666666666,0.8,2,1,0.6666666666666666,0.8,0,1"
        );
        assert!(csv.contains("\r\ntype alpha,0,"), "{csv}");
        assert!(csv.contains("verdict alpha,1,"), "{csv}");
        assert!(csv.contains("units,3,"), "{csv}");
        // «é» is at code points 11..15 (the é is two), 東京は晴れ at 18..23, שלום at 25..29
        let c = |s: &str| text[..text.find(s).unwrap_or(0)].chars().count();
        assert_eq!((c("«"), c("東"), c("ש")), (11, 18, 25));
        assert!(
            csv.contains(
                "2,18,23,type,\"'=Ann, \"\"the\"\" first\",'=cmd,fact,true,東京は晴れ,,,,,\r\n"
            ),
            "{csv}"
        );
        assert!(
            csv.contains("2,18,23,type,Ben,b1,opinion,true,東京は晴れ,,,,,\r\n"),
            "{csv}"
        );
        assert!(csv.contains(",'-opinion,true,שלום,"), "{csv}");
        assert!(csv.contains("3,25,29,missing,Ben,,,,,,,,,\r\n"), "{csv}");
        // a mismatched agreement and layers export what they can
        let short = to_csv(&r, &[], "");
        assert!(short.contains("units,3"));
    }

    #[test]
    fn five_thousand_claims_per_layer_are_quick() {
        // three layers of 5,000 claims of one sentence each, each person's boundaries a few
        // bytes off, some claims left out
        let mut seed = 11u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut present = vec![false; 5000];
        let mut layers = Vec::new();
        for l in 0..3 {
            let mut marks = Vec::new();
            for (k, here) in present.iter_mut().enumerate() {
                if next() % 10 == 0 {
                    continue;
                }
                *here = true;
                let start = k * 100 + next() % 5;
                let end = k * 100 + 60 + next() % 5;
                let kind = ["fact", "opinion", "prediction"][next() % 3];
                marks.push(mark(&format!("{l}-{k}"), start, end, kind, "unverified"));
            }
            layers.push(layer(&format!("p{l}"), marks));
        }
        let clock = std::time::Instant::now();
        let r = agreement(&layers);
        let took = clock.elapsed();
        eprintln!("agreement of 3 × ~4,500 claims: {took:?}");
        assert_eq!(r.units.len(), present.iter().filter(|&&p| p).count());
        assert!(r
            .pairs
            .iter()
            .all(|p| p.overlap.f1.is_some_and(|f| f > 0.85)));
        assert_eq!(r.verdict_alpha, Some(1.0));
        assert!(r.type_alpha.is_some_and(|a| a.abs() < 0.1));
    }

    /// Every overlapping pair, the slow way.
    fn brute_candidates(a: &Layer, oa: &[usize], b: &Layer, ob: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, &x) in oa.iter().enumerate() {
            for (j, &y) in ob.iter().enumerate() {
                let (s, t) = (a.marks[x].span, b.marks[y].span);
                if shared(s, t) > 0 {
                    out.push((i, j));
                }
            }
        }
        out
    }

    fn arb_layer(name: &'static str) -> impl Strategy<Value = Layer> {
        prop::collection::vec((0usize..200, 0usize..30, 0usize..3, 0usize..3), 0..40).prop_map(
            move |v| {
                let marks = v
                    .into_iter()
                    .enumerate()
                    .map(|(k, (start, len, kind, verdict))| {
                        mark(
                            &format!("{name}{k}"),
                            start,
                            start + len,
                            ["fact", "opinion", "=x"][kind],
                            ["true", "false", "mixed"][verdict],
                        )
                    })
                    .collect();
                layer(name, marks)
            },
        )
    }

    proptest! {
        #[test]
        fn a_layer_agrees_with_itself(l in arb_layer("a"), copies in 1usize..3) {
            let mut layers = vec![l.clone()];
            for k in 0..copies {
                let mut c = l.clone();
                c.annotator = format!("copy {k}");
                layers.push(c);
            }
            let r = agreement(&layers);
            let full = (!l.marks.is_empty()).then_some(1.0);
            for p in &r.pairs {
                prop_assert_eq!(p.exact.f1, full);
                prop_assert_eq!(p.overlap.f1, full);
                prop_assert_eq!(p.type_kappa, full);
                prop_assert_eq!(p.verdict_kappa, full);
            }
            prop_assert_eq!(r.type_alpha, full);
            prop_assert_eq!(r.verdict_alpha, full);
            prop_assert!(r.disagreements.is_empty());
            prop_assert_eq!(r.units.len(), l.marks.len());
        }

        #[test]
        fn random_layers_never_panic_and_keep_their_bounds(
            a in arb_layer("a"), b in arb_layer("b"), c in arb_layer("c"),
        ) {
            let (oa, ob) = (text_order(&a), text_order(&b));
            let mut fast: Vec<(usize, usize)> = candidates(&a, &oa, &b, &ob)
                .into_iter()
                .filter(|c| c.shared > 0)
                .map(|c| (c.a, c.b))
                .collect();
            fast.sort();
            prop_assert_eq!(fast, brute_candidates(&a, &oa, &b, &ob));
            let layers = [a, b, c];
            let r = agreement(&layers);
            for p in &r.pairs {
                for s in [p.exact, p.overlap] {
                    prop_assert!(s.matched <= s.a_marks.min(s.b_marks));
                    prop_assert!(s.f1.is_none_or(|f| (0.0..=1.0).contains(&f)));
                }
                prop_assert!(p.exact.matched <= p.overlap.matched + p.exact.a_marks);
                for k in [p.type_kappa, p.verdict_kappa] {
                    prop_assert!(k.is_none_or(|k| k.is_finite() && k <= 1.0 + 1e-12));
                }
            }
            for x in [r.type_alpha, r.verdict_alpha] {
                prop_assert!(x.is_none_or(|x| x.is_finite() && x <= 1.0 + 1e-12));
            }
            // every mark is in exactly one unit, and units come in text order
            let mut seen: Vec<(usize, usize)> = r
                .units
                .iter()
                .flat_map(|u| u.marks.iter().map(|m| (m.annotator, m.index)))
                .collect();
            seen.sort();
            let all: Vec<(usize, usize)> = layers
                .iter()
                .enumerate()
                .flat_map(|(l, x)| (0..x.marks.len()).map(move |i| (l, i)))
                .collect();
            prop_assert_eq!(seen, all);
            prop_assert!(r.units.windows(2).all(|w| w[0].span <= w[1].span));
            prop_assert!(r.disagreements.windows(2).all(|w| w[0].unit <= w[1].unit));
            let csv = to_csv(&r, &layers, "short text 😀");
            prop_assert!(csv.ends_with("\r\n"));
        }
    }
}
