//! Verdicts on claims and the rating scale they come from. The person chooses the scale
//! for the library: Gloss's built-in statuses, a true-to-false scale as fact-checkers use,
//! or their own labels. A claim keeps its verdict's id (`Verdict`); the scale gives it a
//! label and a tone (its colour). The library keeps its scale, files carry it, and a verdict
//! no scale knows is still read and shown (its id, made readable), so nothing is lost.

use super::annotation::named;
use serde::{Deserialize, Serialize};

/// The longest verdict id and rating label.
pub const MAX_ID: usize = 40;
pub const MAX_LABEL: usize = 60;
/// The most ratings a person's own scale may have.
pub const MAX_RATINGS: usize = 12;
/// The most ratings a scale read from a file or the store may have.
pub const MAX_READ: usize = 500;

/// A verdict: the id of a rating (`unverified`, `mostly-true`, `pants-on-fire`): 1 to 40
/// lower-case ASCII letters, digits and dashes. The default, `unverified`, is the first
/// rating of every scale: not judged yet.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Verdict(String);

pub const UNVERIFIED: &str = "unverified";

impl Default for Verdict {
    fn default() -> Self {
        Verdict(UNVERIFIED.into())
    }
}

impl Verdict {
    /// A verdict id, when it is one (see the type).
    pub fn new(id: &str) -> Option<Verdict> {
        let ok = !id.is_empty()
            && id.len() <= MAX_ID
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Verdict(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Not judged yet.
    pub fn is_unverified(&self) -> bool {
        self.0 == UNVERIFIED
    }

    /// The id made readable, for a verdict no scale names: "pants-on-fire" → "Pants on fire".
    pub fn readable(&self) -> String {
        let s = self.0.replace('-', " ");
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
}

impl TryFrom<String> for Verdict {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Verdict::new(&s).ok_or_else(|| {
            format!(
                "the verdict \"{}\" is not a rating id (1 to {MAX_ID} lower-case letters, digits and dashes)",
                crate::core::excerpt(&s, 40)
            )
        })
    }
}

impl From<Verdict> for String {
    fn from(v: Verdict) -> String {
        v.0
    }
}

named!(
    /// How a verdict reads at a glance: its colour in the app, the report and the graph.
    /// `Plain`: a label that says none of the others.
    Tone {
        Plain = ("plain", "Plain"),
        Open = ("open", "Not judged yet"),
        Good = ("good", "Holds up"),
        Mixed = ("mixed", "Partly holds up, or needs context"),
        Bad = ("bad", "Does not hold up"),
    }
);

impl Tone {
    /// Its CSS class: `tone-good`, ...
    pub fn class(&self) -> &'static str {
        match self {
            Tone::Open => "tone-open",
            Tone::Good => "tone-good",
            Tone::Mixed => "tone-mixed",
            Tone::Bad => "tone-bad",
            Tone::Plain => "tone-plain",
        }
    }

    /// The tone a label's words suggest: "Mostly false" and "Half true" are mixed,
    /// "Pants on fire" and "Incorrect" bad, "Accurate" good; "not", "no" or "un…" before
    /// a good word leave it plain.
    pub fn of_label(label: &str) -> Tone {
        let lower = label.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |set: &[&str]| words.iter().any(|w| set.iter().any(|s| w.starts_with(s)));
        if has(&[
            "mostly",
            "half",
            "part",
            "mixed",
            "mislead",
            "disput",
            "exaggerat",
            "context",
            "unprov",
            "cherry",
            "distort",
            "spin",
        ]) {
            Tone::Mixed
        } else if has(&[
            "false",
            "wrong",
            "fake",
            "incorrect",
            "inaccurate",
            "pants",
            "untrue",
            "fabricat",
            "debunk",
            "lie",
            "bogus",
            "baseless",
            "hoax",
        ]) {
            Tone::Bad
        } else if words.iter().any(|w| matches!(*w, "not" | "no"))
            || has(&["unverif", "unconfirm", "unsupport"])
        {
            Tone::Plain
        } else if has(&[
            "true", "correct", "accurate", "support", "confirm", "verified", "right", "fact",
        ]) {
            Tone::Good
        } else {
            Tone::Plain
        }
    }
}

/// One rating of a scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub id: Verdict,
    pub label: String,
    #[serde(default)]
    pub tone: Tone,
}

impl Rating {
    fn new(id: &str, label: &str, tone: Tone) -> Rating {
        Rating {
            id: Verdict(id.into()),
            label: label.into(),
            tone,
        }
    }
}

named!(
    /// Which scale: one of the two built in, or the person's own labels.
    ScaleKind {
        Statuses = ("statuses", "Gloss statuses (unverified, supported, disputed, false, misleading)"),
        Truth = ("truth", "True to false (true, mostly true, half true, mostly false, false)"),
        Own = ("own", "Your own labels"),
    }
);

/// Why a person's own labels cannot make a scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScaleError {
    NoLabels,
    TooMany(usize),
    TooLong(String),
    Twice(String),
}

impl std::fmt::Display for ScaleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScaleError::NoLabels => write!(f, "Write at least one label, one per line."),
            ScaleError::TooMany(n) => {
                write!(
                    f,
                    "A scale has at most {MAX_RATINGS} labels; this one has {n}."
                )
            }
            ScaleError::TooLong(l) => write!(
                f,
                "“{}” is longer than {MAX_LABEL} characters.",
                crate::core::excerpt(l, 40)
            ),
            ScaleError::Twice(l) => write!(f, "“{l}” is on the scale twice."),
        }
    }
}

/// The ratings a claim may get, in order; the first is always `unverified`. Files and the
/// store write `{kind, ratings}`; reading one checks it (`Scale::checked`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScaleParts")]
pub struct Scale {
    pub kind: ScaleKind,
    ratings: Vec<Rating>,
}

/// A scale as read, before it is checked.
#[derive(Deserialize)]
struct ScaleParts {
    kind: ScaleKind,
    ratings: Vec<Rating>,
}

impl TryFrom<ScaleParts> for Scale {
    type Error = String;
    fn try_from(p: ScaleParts) -> Result<Scale, String> {
        Scale::checked(p.kind, p.ratings)
    }
}

impl Default for Scale {
    fn default() -> Self {
        Scale::statuses()
    }
}

impl Scale {
    /// Gloss's built-in statuses (the verdicts of article files before version 5).
    pub fn statuses() -> Scale {
        Scale {
            kind: ScaleKind::Statuses,
            ratings: vec![
                Rating::new(UNVERIFIED, "Unverified", Tone::Open),
                Rating::new("supported", "Supported", Tone::Good),
                Rating::new("disputed", "Disputed", Tone::Mixed),
                Rating::new("false", "False", Tone::Bad),
                Rating::new("misleading", "Misleading", Tone::Mixed),
            ],
        }
    }

    /// True, mostly true, half true, mostly false, false.
    pub fn truth() -> Scale {
        Scale {
            kind: ScaleKind::Truth,
            ratings: vec![
                Rating::new(UNVERIFIED, "Not rated yet", Tone::Open),
                Rating::new("true", "True", Tone::Good),
                Rating::new("mostly-true", "Mostly true", Tone::Good),
                Rating::new("half-true", "Half true", Tone::Mixed),
                Rating::new("mostly-false", "Mostly false", Tone::Bad),
                Rating::new("false", "False", Tone::Bad),
            ],
        }
    }

    /// The person's own labels, one per line (or separated by commas when on one line),
    /// after "Not rated yet"; each label's id is its words in lower case joined by dashes
    /// and its tone is what its words suggest (`Tone::of_label`).
    pub fn own(labels: &str) -> Result<Scale, ScaleError> {
        let parts: Vec<&str> = if labels.contains('\n') {
            labels.lines().collect()
        } else {
            labels.split(',').collect()
        };
        let mut ratings = vec![Rating::new(UNVERIFIED, "Not rated yet", Tone::Open)];
        for label in parts.into_iter().map(str::trim).filter(|l| !l.is_empty()) {
            if label.chars().count() > MAX_LABEL {
                return Err(ScaleError::TooLong(label.into()));
            }
            let id = slug(label);
            if ratings
                .iter()
                .any(|r| r.id.0 == id || r.label.eq_ignore_ascii_case(label))
            {
                return Err(ScaleError::Twice(label.into()));
            }
            ratings.push(Rating {
                id: Verdict(id),
                label: label.into(),
                tone: Tone::of_label(label),
            });
        }
        match ratings.len() - 1 {
            0 => Err(ScaleError::NoLabels),
            n if n > MAX_RATINGS => Err(ScaleError::TooMany(n)),
            _ => Ok(Scale {
                kind: ScaleKind::Own,
                ratings,
            }),
        }
    }

    /// A scale read from a file: its ratings checked (ids, labels, no id twice), with
    /// `unverified` put first when the file left it out; what makes it no scale is told.
    pub fn checked(kind: ScaleKind, ratings: Vec<Rating>) -> Result<Scale, String> {
        let mut out: Vec<Rating> = Vec::with_capacity(ratings.len() + 1);
        for r in ratings {
            let label = r.label.trim();
            if label.is_empty() || label.chars().count() > MAX_LABEL {
                return Err(format!(
                    "the rating {} needs a label of 1 to {MAX_LABEL} characters",
                    r.id.0
                ));
            }
            if out.iter().any(|o| o.id == r.id) {
                return Err(format!("the rating {} is on the scale twice", r.id.0));
            }
            out.push(Rating {
                label: label.into(),
                ..r
            });
        }
        // a scale read back may hold more than a person types (verdicts kept from other
        // scales); the bound only keeps a hostile file small
        if out.len() > MAX_READ {
            return Err(format!(
                "a scale has at most {MAX_READ} ratings; this one has {}",
                out.len()
            ));
        }
        if !out.iter().any(|r| r.id.is_unverified()) {
            out.insert(0, Rating::new(UNVERIFIED, "Not rated yet", Tone::Open));
        }
        Ok(Scale { kind, ratings: out })
    }

    /// The scale a person chose: a built-in one, or their own `labels`.
    pub fn of_kind(kind: ScaleKind, labels: &str) -> Result<Scale, ScaleError> {
        match kind {
            ScaleKind::Statuses => Ok(Scale::statuses()),
            ScaleKind::Truth => Ok(Scale::truth()),
            ScaleKind::Own => Scale::own(labels),
        }
    }

    /// The verdicts a claim with verdict `v` may be given: the scale's, and `v` itself
    /// when the scale lacks it (so editing a claim never changes its verdict by itself).
    pub fn offered(&self, v: &Verdict) -> Vec<Rating> {
        let mut r = self.ratings.clone();
        if self.get(v).is_none() {
            r.push(Rating {
                id: v.clone(),
                label: v.readable(),
                tone: Tone::Plain,
            });
        }
        r
    }

    pub fn ratings(&self) -> &[Rating] {
        &self.ratings
    }

    pub fn get(&self, v: &Verdict) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.id == *v)
    }

    /// What people read for a verdict: its rating's label, else its id made readable.
    pub fn label(&self, v: &Verdict) -> String {
        self.get(v)
            .map_or_else(|| v.readable(), |r| r.label.clone())
    }

    pub fn tone(&self, v: &Verdict) -> Tone {
        self.get(v).map_or(Tone::Plain, |r| r.tone)
    }

    /// Its place on the scale (for sorting and grouping); verdicts off the scale after.
    pub fn position(&self, v: &Verdict) -> usize {
        self.ratings
            .iter()
            .position(|r| r.id == *v)
            .unwrap_or(self.ratings.len())
    }

    /// The own labels as the person wrote them, one per line (without "Not rated yet").
    pub fn own_text(&self) -> String {
        self.ratings
            .iter()
            .filter(|r| !r.id.is_unverified())
            .map(|r| r.label.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Adds each verdict in `used` that this scale lacks, labelled as `from` labels it (or
    /// readable), so claims judged on another scale keep their verdicts' names. Returns
    /// the labels added; the scale becomes the person's own when any were.
    pub fn keep_used<'a>(
        &mut self,
        used: impl IntoIterator<Item = &'a Verdict>,
        from: &Scale,
    ) -> Vec<String> {
        let mut added = Vec::new();
        for v in used {
            if self.get(v).is_some() {
                continue;
            }
            let r = from.get(v).cloned().unwrap_or_else(|| Rating {
                id: v.clone(),
                label: v.readable(),
                tone: Tone::Plain,
            });
            added.push(r.label.clone());
            self.ratings.push(r);
        }
        if !added.is_empty() {
            self.kind = ScaleKind::Own;
        }
        added
    }
}

/// A label's id: its letters and digits in lower case, words joined by dashes, at most
/// `MAX_ID` bytes; a label with no letter or digit gets `rating`.
fn slug(label: &str) -> String {
    let mut s = String::new();
    for w in label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if s.len() + w.len() + 1 > MAX_ID {
            break;
        }
        if !s.is_empty() {
            s.push('-');
        }
        s.push_str(&w.to_ascii_lowercase());
    }
    if s.is_empty() {
        // labels in other scripts: an id from the label's characters
        let h = crate::core::stored::fingerprint(label);
        s = format!("rating-{:x}", h & 0xffff_ffff);
    }
    s
}

/// How many claims have a verdict, and its label on the scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictCount {
    pub verdict: Verdict,
    pub label: String,
    pub count: usize,
}

/// How many of `verdicts` are each verdict, in `scale`'s order (verdicts off the scale
/// after, by id); only those that occur.
pub fn count_verdicts<'a>(
    verdicts: impl IntoIterator<Item = &'a Verdict>,
    scale: &Scale,
) -> Vec<VerdictCount> {
    let mut out: Vec<VerdictCount> = Vec::new();
    for v in verdicts {
        match out.iter_mut().find(|c| c.verdict == *v) {
            Some(c) => c.count += 1,
            None => out.push(VerdictCount {
                verdict: v.clone(),
                label: scale.label(v),
                count: 1,
            }),
        }
    }
    crate::core::sort::sort_by_key(&mut out, |c| {
        (scale.position(&c.verdict), c.verdict.clone())
    });
    out
}

/// Evidence for a verdict: a source's address and what it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub url: String,
    #[serde(default)]
    pub note: String,
}

impl Evidence {
    /// The address when it may open as a link (`http` or `https`; see `details::link_url`).
    pub fn link(&self) -> Option<&str> {
        crate::core::details::link_url(&self.url)
    }

    /// Evidence as the claim form gives it, trimmed: entries with neither address nor note
    /// are dropped; an address must be an http(s) link, else the error names it.
    pub fn cleaned(list: impl IntoIterator<Item = Evidence>) -> Result<Vec<Evidence>, String> {
        let mut out = Vec::new();
        for e in list {
            let (url, note) = (e.url.trim(), e.note.trim());
            if url.is_empty() && note.is_empty() {
                continue;
            }
            if url.is_empty() {
                return Err(format!(
                    "The evidence “{}” needs a source address (https://…).",
                    crate::core::excerpt(note, 40)
                ));
            }
            if crate::core::details::link_url(url).is_none() {
                return Err(format!(
                    "“{}” is not a web address: evidence links start with https:// or http://.",
                    crate::core::excerpt(url, 60)
                ));
            }
            out.push(Evidence {
                url: url.into(),
                note: note.into(),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_ids_are_checked_and_made_readable() {
        assert!(Verdict::new("mostly-true").is_some());
        for bad in ["", "Mostly true", "a_b", "x".repeat(41).as_str(), "véri"] {
            assert!(Verdict::new(bad).is_none(), "{bad:?}");
        }
        assert_eq!(
            Verdict::new("pants-on-fire").unwrap().readable(),
            "Pants on fire"
        );
        assert!(Verdict::default().is_unverified());
        // serde reads and writes the id, and refuses what is not one
        let v: Verdict = serde_json::from_str("\"half-true\"").unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"half-true\"");
        assert!(serde_json::from_str::<Verdict>("\"<b>\"").is_err());
    }

    #[test]
    fn the_built_in_scales_start_unrated() {
        for s in [Scale::statuses(), Scale::truth()] {
            assert!(s.ratings()[0].id.is_unverified());
        }
        let t = Scale::truth();
        let ids: Vec<&str> = t.ratings().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "unverified",
                "true",
                "mostly-true",
                "half-true",
                "mostly-false",
                "false"
            ]
        );
        assert_eq!(t.label(&Verdict::new("half-true").unwrap()), "Half true");
    }

    #[test]
    fn own_labels_make_a_scale_with_ids_and_tones() {
        let s =
            Scale::own("Correct\nMostly correct\n\n  Needs context \nPants on fire\nNot proven")
                .unwrap();
        let got: Vec<(&str, &str, Tone)> = s
            .ratings()
            .iter()
            .map(|r| (r.id.as_str(), r.label.as_str(), r.tone))
            .collect();
        assert_eq!(
            got,
            [
                ("unverified", "Not rated yet", Tone::Open),
                ("correct", "Correct", Tone::Good),
                ("mostly-correct", "Mostly correct", Tone::Mixed),
                ("needs-context", "Needs context", Tone::Mixed),
                ("pants-on-fire", "Pants on fire", Tone::Bad),
                ("not-proven", "Not proven", Tone::Plain),
            ]
        );
        assert_eq!(s.kind, ScaleKind::Own);
        assert_eq!(
            s.own_text(),
            "Correct\nMostly correct\nNeeds context\nPants on fire\nNot proven"
        );
        assert_eq!(Scale::own("a, b ,c").unwrap().ratings().len(), 4);
        // labels in other scripts still get ids
        let ar = Scale::own("صحيح\nخطأ").unwrap();
        assert_eq!(ar.ratings().len(), 3);
        assert_ne!(ar.ratings()[1].id, ar.ratings()[2].id);
        assert!(ar.ratings()[1].id.as_str().starts_with("rating-"));
    }

    #[test]
    fn bad_own_labels_are_told() {
        assert_eq!(Scale::own(" \n "), Err(ScaleError::NoLabels));
        assert_eq!(
            Scale::own("True\ntrue"),
            Err(ScaleError::Twice("true".into()))
        );
        assert!(matches!(
            Scale::own(&"x\n".repeat(3)),
            Err(ScaleError::Twice(_))
        ));
        let many: String = (0..13).map(|i| format!("r{i}\n")).collect();
        assert_eq!(Scale::own(&many), Err(ScaleError::TooMany(13)));
        assert!(matches!(
            Scale::own(&"y".repeat(61)),
            Err(ScaleError::TooLong(_))
        ));
        assert!(ScaleError::TooMany(13).to_string().contains("at most 12"));
    }

    #[test]
    fn verdicts_from_another_scale_are_kept_with_their_names() {
        let mut s = Scale::truth();
        let old = Scale::statuses();
        let used = [
            Verdict::new("false").unwrap(),
            Verdict::new("misleading").unwrap(),
            Verdict::new("made-up").unwrap(),
        ];
        let added = s.keep_used(&used, &old);
        assert_eq!(added, ["Misleading", "Made up"]);
        assert_eq!(s.kind, ScaleKind::Own);
        assert_eq!(s.tone(&used[1]), Tone::Mixed);
        assert_eq!(s.position(&used[2]), 7);
        assert_eq!(s.position(&Verdict::new("nowhere").unwrap()), 8);
        assert!(s.keep_used(&used, &old).is_empty(), "once is enough");
    }

    #[test]
    fn a_scale_from_a_file_is_checked() {
        let r = |id: &str, label: &str| Rating::new(id, label, Tone::Plain);
        let s = Scale::checked(ScaleKind::Own, vec![r("ok", " OK ")]).unwrap();
        assert_eq!(s.ratings().len(), 2, "unverified put first");
        assert_eq!(s.ratings()[1].label, "OK");
        assert!(Scale::checked(ScaleKind::Own, vec![r("ok", "A"), r("ok", "B")]).is_err());
        assert!(Scale::checked(ScaleKind::Own, vec![r("ok", " ")]).is_err());
    }

    #[test]
    fn scales_are_checked_when_read() {
        let own = Scale::own("Right\nWrong").unwrap();
        let json = serde_json::to_string(&own).unwrap();
        assert_eq!(serde_json::from_str::<Scale>(&json).unwrap(), own);
        let twice = r#"{"kind":"own","ratings":[{"id":"a","label":"A"},{"id":"a","label":"B"}]}"#;
        let e = serde_json::from_str::<Scale>(twice)
            .unwrap_err()
            .to_string();
        assert!(e.contains("twice"), "{e}");
    }

    #[test]
    fn a_scale_grown_past_what_a_person_types_still_reads_back() {
        let mut s = Scale::own(&(0..12).map(|i| format!("r{i}\n")).collect::<String>()).unwrap();
        let used: Vec<Verdict> = ["supported", "disputed", "false", "misleading"]
            .iter()
            .map(|v| Verdict::new(v).unwrap())
            .collect();
        s.keep_used(&used, &Scale::statuses());
        assert_eq!(s.ratings().len(), 17);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Scale>(&json).unwrap(), s);
    }

    #[test]
    fn a_claim_is_offered_its_own_verdict_even_off_the_scale() {
        let t = Scale::truth();
        let off = Verdict::new("misleading").unwrap();
        let offered = t.offered(&off);
        assert_eq!(offered.len(), 7);
        assert_eq!(offered[6].label, "Misleading");
        assert_eq!(t.offered(&Verdict::default()).len(), 6);
        assert_eq!(Scale::of_kind(ScaleKind::Truth, "ignored").unwrap(), t);
        assert_eq!(
            Scale::of_kind(ScaleKind::Own, ""),
            Err(ScaleError::NoLabels)
        );
    }

    #[test]
    fn evidence_must_be_a_web_link() {
        let rows = |v: &[(&str, &str)]| -> Vec<Evidence> {
            v.iter()
                .map(|(a, b)| Evidence {
                    url: a.to_string(),
                    note: b.to_string(),
                })
                .collect()
        };
        let ok = Evidence::cleaned(rows(&[
            (" https://example.org/report ", " the figures "),
            ("", ""),
        ]))
        .unwrap();
        assert_eq!(
            ok,
            [Evidence {
                url: "https://example.org/report".into(),
                note: "the figures".into()
            }]
        );
        assert!(Evidence::cleaned(rows(&[("javascript:alert(1)", "")]))
            .unwrap_err()
            .contains("not a web address"));
        assert!(Evidence::cleaned(rows(&[("", "a note alone")]))
            .unwrap_err()
            .contains("needs a source address"));
        let kept = Evidence {
            url: "ftp://x".into(),
            note: String::new(),
        };
        assert_eq!(kept.link(), None, "read from a file, kept, but not a link");
    }
}
