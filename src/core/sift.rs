//! Finding and sorting claims: a claim list filtered by words, verdict, type, claimant and
//! tag and sorted by place, verdict, type, claimant or check-worthiness; the counts each
//! filter offers (an overview of the article's claims); and the places a search finds in
//! the article's text.

use super::annotation::{Claim, ClaimType};
use super::claims::Worth;
use super::offsets::Span;
use super::rating::{count_verdicts, Scale, Verdict, VerdictCount};
use super::report::NO_CLAIMANT;

/// How the claim list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// As the claims stand in the text.
    #[default]
    Place,
    /// The verdict scale's order, then place.
    Verdict,
    Type,
    /// Claimant by name (no claimant last), then place.
    Claimant,
    /// Most check-worthy first (`claims::Worth` of the claim's words), then place.
    Worth,
}

impl SortBy {
    pub const ALL: [SortBy; 5] = [
        SortBy::Place,
        SortBy::Verdict,
        SortBy::Type,
        SortBy::Claimant,
        SortBy::Worth,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Place => "place",
            SortBy::Verdict => "verdict",
            SortBy::Type => "type",
            SortBy::Claimant => "claimant",
            SortBy::Worth => "worth",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Place => "Order in the text",
            SortBy::Verdict => "Verdict",
            SortBy::Type => "Type",
            SortBy::Claimant => "Claimant",
            SortBy::Worth => "Check-worthiness",
        }
    }

    pub fn parse(s: &str) -> Option<SortBy> {
        SortBy::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// What the claim list shows: every filter left empty shows every claim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    /// Words the quote, claimant, note or a tag must hold (any case).
    pub words: String,
    pub status: Option<Verdict>,
    pub kind: Option<ClaimType>,
    /// A claimant as written (folded whitespace; "" for the claims with none).
    pub claimant: Option<String>,
    pub tag: Option<String>,
    pub sort: SortBy,
}

impl ClaimQuery {
    /// A filter's value as its control holds it (`ANY` when open).
    pub fn value(&self, f: Filter) -> String {
        match f {
            Filter::Verdict => self.status.as_ref().map_or(ANY, |s| s.as_str()).to_string(),
            Filter::Type => self.kind.map_or(ANY, |k| k.as_str()).to_string(),
            Filter::Claimant => match self.claimant.as_deref() {
                None => ANY.to_string(),
                Some("") => NO_ONE.to_string(),
                Some(c) => c.to_string(),
            },
            Filter::Tag => self.tag.clone().unwrap_or_default(),
        }
    }

    /// Sets a filter from its control's value (`ANY`, or a value `value` would give).
    pub fn set(&mut self, f: Filter, v: &str) {
        match f {
            Filter::Verdict => self.status = Verdict::new(v),
            Filter::Type => self.kind = ClaimType::parse(v),
            Filter::Claimant => {
                self.claimant = match v {
                    ANY => None,
                    NO_ONE => Some(String::new()),
                    c => Some(c.to_string()),
                }
            }
            Filter::Tag => self.tag = Some(v.to_string()).filter(|t| !t.is_empty()),
        }
    }

    /// Whether only some claims can show.
    pub fn filters(&self) -> bool {
        !self.words.trim().is_empty()
            || self.status.is_some()
            || self.kind.is_some()
            || self.claimant.is_some()
            || self.tag.is_some()
    }
}

/// One of the claim list's filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Verdict,
    Type,
    Claimant,
    Tag,
}

impl Filter {
    pub const ALL: [Filter; 4] = [Filter::Verdict, Filter::Type, Filter::Claimant, Filter::Tag];

    /// The filter's name (its control's label).
    pub fn label(self) -> &'static str {
        match self {
            Filter::Verdict => "Verdict",
            Filter::Type => "Type",
            Filter::Claimant => "Claimant",
            Filter::Tag => "Tag",
        }
    }

    /// The option that leaves it open.
    pub fn any(self) -> &'static str {
        match self {
            Filter::Verdict => "Any verdict",
            Filter::Type => "Any type",
            Filter::Claimant => "Any claimant",
            Filter::Tag => "Any tag",
        }
    }
}

/// A filter's value that leaves it open.
pub const ANY: &str = "";
/// The claimant filter's value for the claims with no claimant.
pub const NO_ONE: &str = "\u{1}none";

/// One option of a filter: its value and what it reads ("Disputed (2)").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A claim's claimant as the filters compare it: whitespace folded.
pub fn claimant_of(c: &Claim) -> String {
    c.fields
        .claimant
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How check-worthy a claim's words are (0–1).
pub fn worth_of(c: &Claim, text: &str) -> Worth {
    let words = c.span.slice(text).unwrap_or("");
    super::claims::worth_of_sentence(words, !c.fields.claimant.trim().is_empty())
}

/// The claims the query shows, as indices into `claims`, in its order (verdicts in
/// `scale`'s order).
pub fn sift(claims: &[Claim], text: &str, q: &ClaimQuery, scale: &Scale) -> Vec<usize> {
    let words = q.words.trim().to_lowercase();
    let mut out: Vec<usize> = (0..claims.len())
        .filter(|&i| {
            let c = &claims[i];
            let f = &c.fields;
            q.status.as_ref().is_none_or(|s| f.status == *s)
                && q.kind.is_none_or(|k| f.kind == k)
                && q.claimant.as_ref().is_none_or(|w| claimant_of(c) == *w)
                && q.tag.as_ref().is_none_or(|t| f.tags.iter().any(|x| x == t))
                && (words.is_empty()
                    || [
                        c.span.slice(text).unwrap_or(""),
                        f.claimant.as_str(),
                        f.note.as_str(),
                    ]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&words))
                    || f.tags.iter().any(|t| t.to_lowercase().contains(&words)))
        })
        .collect();
    let place = |i: &usize| (claims[*i].span.start(), claims[*i].span.end());
    match q.sort {
        SortBy::Place => super::sort::sort_by_key(&mut out, place),
        SortBy::Verdict => super::sort::sort_by_key(&mut out, |i| {
            (scale.position(&claims[*i].fields.status), place(i))
        }),
        SortBy::Type => super::sort::sort_by_key(&mut out, |i| {
            let k = claims[*i].fields.kind;
            (ClaimType::ALL.iter().position(|x| *x == k), place(i))
        }),
        SortBy::Claimant => super::sort::sort_by_key(&mut out, |i| {
            let who = claimant_of(&claims[*i]).to_lowercase();
            (who.is_empty(), who, place(i))
        }),
        SortBy::Worth => {
            let scores: Vec<u32> = claims
                .iter()
                .map(|c| (worth_of(c, text).score * 10_000.0) as u32)
                .collect();
            super::sort::sort_by_key(&mut out, |i| (std::cmp::Reverse(scores[*i]), place(i)))
        }
    }
    out
}

/// How many claims each filter value holds: the filters' options and the overview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// In the scale's order (verdicts off the scale after), only those some claim has.
    pub statuses: Vec<VerdictCount>,
    pub kinds: Vec<(ClaimType, usize)>,
    /// Most claims first, then by name; "" for the claims with no claimant, last.
    pub claimants: Vec<(String, usize)>,
    /// Most claims first, then by name.
    pub tags: Vec<(String, usize)>,
}

impl Facets {
    /// A filter's options besides `ANY`, each with its count.
    pub fn choices(&self, f: Filter) -> Vec<Choice> {
        let choice = |value: &str, label: &str, n: &usize| Choice {
            value: value.to_string(),
            label: format!("{label} ({n})"),
        };
        match f {
            Filter::Verdict => self
                .statuses
                .iter()
                .map(|v| choice(v.verdict.as_str(), &v.label, &v.count))
                .collect(),
            Filter::Type => self
                .kinds
                .iter()
                .map(|(k, n)| choice(k.as_str(), k.label(), n))
                .collect(),
            Filter::Claimant => self
                .claimants
                .iter()
                .map(|(c, n)| match c.as_str() {
                    "" => choice(NO_ONE, NO_CLAIMANT, n),
                    c => choice(c, c, n),
                })
                .collect(),
            Filter::Tag => self.tags.iter().map(|(t, n)| choice(t, t, n)).collect(),
        }
    }

    /// The claims at a glance: "1 Supported, 2 Disputed. By claimant: Ann Lee 2, Bo 1."
    /// (the four with most claims).
    pub fn overview(&self) -> String {
        let statuses: Vec<String> = self
            .statuses
            .iter()
            .map(|v| format!("{} {}", v.count, v.label))
            .collect();
        let who: Vec<String> = self
            .claimants
            .iter()
            .take(4)
            .map(|(c, n)| format!("{} {n}", if c.is_empty() { NO_CLAIMANT } else { c }))
            .collect();
        format!("{}. By claimant: {}.", statuses.join(", "), who.join(", "))
    }
}

/// The counts of `claims`, verdicts named and ordered by `scale`.
pub fn facets(claims: &[Claim], scale: &Scale) -> Facets {
    let statuses = count_verdicts(claims.iter().map(|c| &c.fields.status), scale);
    let kinds = ClaimType::ALL
        .iter()
        .map(|&k| (k, claims.iter().filter(|c| c.fields.kind == k).count()))
        .filter(|x| x.1 > 0)
        .collect();
    let count = |names: &mut dyn Iterator<Item = String>| {
        let mut v: Vec<(String, usize)> = Vec::new();
        for n in names {
            match v.iter_mut().find(|x| x.0 == n) {
                Some(x) => x.1 += 1,
                None => v.push((n, 1)),
            }
        }
        super::sort::sort_by_key(&mut v, |x| {
            (x.0.is_empty(), std::cmp::Reverse(x.1), x.0.to_lowercase())
        });
        v
    };
    Facets {
        statuses,
        kinds,
        claimants: count(&mut claims.iter().map(claimant_of)),
        tags: count(&mut claims.iter().flat_map(|c| c.fields.tags.iter().cloned())),
    }
}

/// At most this many places are found in a text.
pub const MAX_FOUND: usize = 1000;

/// Where `query` stands in `text`, ignoring case (character by character, so every span
/// is the text's own), not overlapping, in order; at most `MAX_FOUND`. Linear in the text
/// for a query of a few words.
pub fn find_in_text(text: &str, query: &str) -> Vec<Span> {
    let q: Vec<char> = query.trim().chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    if q.is_empty() {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() && out.len() < MAX_FOUND {
        // the query's lower-cased characters against the text's, one text character (which
        // may lower-case to several) at a time
        let (mut j, mut k, mut ok) = (i, 0, true);
        while ok && k < q.len() {
            let Some(&(_, c)) = chars.get(j) else {
                ok = false;
                break;
            };
            for lc in c.to_lowercase() {
                if q.get(k) != Some(&lc) {
                    ok = false;
                    break;
                }
                k += 1;
            }
            j += 1;
        }
        if ok {
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            out.push(Span::new(chars[i].0, end));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;

    fn v(id: &str) -> Verdict {
        Verdict::new(id).unwrap()
    }

    const TEXT: &str = "Exports rose 40% in 2024, the minister said. İstanbul grew. Critics doubt it. The minister said wages rose.";

    fn claim(
        id: &str,
        words: &str,
        who: &str,
        status: Verdict,
        kind: ClaimType,
        tags: &[&str],
    ) -> Claim {
        let at = TEXT.find(words).unwrap();
        Claim {
            id: id.into(),
            span: Span::new(at, at + words.len()),
            fields: ClaimFields {
                claimant: who.into(),
                kind,
                status,
                note: if id == "c3" {
                    "see the budget".into()
                } else {
                    String::new()
                },
                tags: tags.iter().map(|t| t.to_string()).collect(),
                evidence: Vec::new(),
            },
            created: String::new(),
            modified: String::new(),
            creator: None,
        }
    }

    fn claims() -> Vec<Claim> {
        vec![
            claim(
                "c1",
                "Exports rose 40% in 2024",
                "The  minister",
                v("false"),
                ClaimType::Factual,
                &["economy"],
            ),
            claim(
                "c2",
                "Critics doubt it",
                "",
                v("unverified"),
                ClaimType::Opinion,
                &[],
            ),
            claim(
                "c3",
                "wages rose",
                "The minister",
                v("unverified"),
                ClaimType::Factual,
                &["economy", "labour"],
            ),
        ]
    }

    #[test]
    fn filters_narrow_and_every_filter_empty_shows_all() {
        let cs = claims();
        let q = |f: &dyn Fn(&mut ClaimQuery)| {
            let mut q = ClaimQuery::default();
            f(&mut q);
            sift(&cs, TEXT, &q, &Scale::statuses())
        };
        assert_eq!(q(&|_| {}), [0, 1, 2]);
        assert_eq!(q(&|q| q.status = Some(v("unverified"))), [1, 2]);
        assert_eq!(q(&|q| q.kind = Some(ClaimType::Opinion)), [1]);
        assert_eq!(
            q(&|q| q.claimant = Some("The minister".into())),
            [0, 2],
            "whitespace folded"
        );
        assert_eq!(q(&|q| q.claimant = Some(String::new())), [1], "no claimant");
        assert_eq!(q(&|q| q.tag = Some("labour".into())), [2]);
        assert_eq!(q(&|q| q.words = "BUDGET".into()), [2], "the note, any case");
        assert_eq!(q(&|q| q.words = "econ".into()), [0, 2], "a tag");
        assert_eq!(q(&|q| q.words = "rose".into()), [0, 2], "the quote");
        assert_eq!(
            q(&|q| {
                q.words = "rose".into();
                q.status = Some(v("false"));
            }),
            [0],
            "filters combine"
        );
        assert!(!ClaimQuery::default().filters());
    }

    #[test]
    fn sorts_by_verdict_type_claimant_and_worth_keep_text_order_on_ties() {
        let cs = claims();
        let by = |sort| {
            sift(
                &cs,
                TEXT,
                &ClaimQuery {
                    sort,
                    ..ClaimQuery::default()
                },
                &Scale::statuses(),
            )
        };
        assert_eq!(by(SortBy::Place), [0, 1, 2]);
        assert_eq!(by(SortBy::Verdict), [1, 2, 0], "Unverified before False");
        assert_eq!(by(SortBy::Type), [0, 2, 1]);
        assert_eq!(by(SortBy::Claimant), [0, 2, 1], "no claimant last");
        // a number and a year raise check-worthiness above an opinion
        let w = by(SortBy::Worth);
        assert_eq!(w[0], 0);
        assert!(worth_of(&cs[0], TEXT).score > worth_of(&cs[1], TEXT).score);
    }

    #[test]
    fn facets_count_each_value_for_the_filters_and_the_overview() {
        let f = facets(&claims(), &Scale::statuses());
        let counts: Vec<(&str, usize)> = f
            .statuses
            .iter()
            .map(|c| (c.verdict.as_str(), c.count))
            .collect();
        assert_eq!(counts, [("unverified", 2), ("false", 1)]);
        // on a true-to-false scale the same verdicts read as that scale names them
        let t = facets(&claims(), &Scale::truth());
        assert_eq!(
            t.overview(),
            format!("2 Not rated yet, 1 False. By claimant: The minister 2, {NO_CLAIMANT} 1.")
        );
        assert_eq!(f.kinds, [(ClaimType::Factual, 2), (ClaimType::Opinion, 1)]);
        assert_eq!(
            f.claimants,
            [("The minister".to_string(), 2), (String::new(), 1)]
        );
        assert_eq!(
            f.tags,
            [("economy".to_string(), 2), ("labour".to_string(), 1)]
        );
        assert_eq!(
            f.overview(),
            format!("2 Unverified, 1 False. By claimant: The minister 2, {NO_CLAIMANT} 1.")
        );
        let labels = |flt| {
            f.choices(flt)
                .into_iter()
                .map(|c| c.label)
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(Filter::Verdict), ["Unverified (2)", "False (1)"]);
        assert_eq!(
            labels(Filter::Claimant),
            ["The minister (2)".to_string(), format!("{NO_CLAIMANT} (1)")]
        );
    }

    #[test]
    fn a_filters_control_value_round_trips_through_the_query() {
        let f = facets(&claims(), &Scale::statuses());
        for flt in Filter::ALL {
            for c in f.choices(flt) {
                let mut q = ClaimQuery::default();
                q.set(flt, &c.value);
                assert!(q.filters(), "{flt:?} {}", c.value);
                assert_eq!(q.value(flt), c.value);
                q.set(flt, ANY);
                assert_eq!(q, ClaimQuery::default());
            }
        }
        // the claimant filter's "no claimant" is its own value, not "any"
        let mut q = ClaimQuery::default();
        q.set(Filter::Claimant, NO_ONE);
        assert_eq!(sift(&claims(), TEXT, &q, &Scale::statuses()), [1]);
    }

    #[test]
    fn the_text_is_searched_in_any_case_with_its_own_offsets() {
        let found = find_in_text(TEXT, "the MINISTER");
        assert_eq!(found.len(), 2);
        for s in &found {
            assert_eq!(s.slice(TEXT).unwrap().to_lowercase(), "the minister");
        }
        // a character that lower-cases to two (İ → i̇) keeps the text's offsets
        let i = find_in_text(TEXT, "i̇stanbul");
        assert_eq!(i.len(), 1);
        assert_eq!(i[0].slice(TEXT), Some("İstanbul"));
        assert_eq!(find_in_text("😀 ab 😀 AB", "ab").len(), 2);
        assert_eq!(find_in_text("aaaa", "aa").len(), 2, "not overlapping");
        assert!(find_in_text(TEXT, "  ").is_empty());
        assert!(find_in_text(TEXT, "nowhere").is_empty());
        assert_eq!(find_in_text(&"ab ".repeat(5000), "ab").len(), MAX_FOUND);
    }
}
