//! Several annotators on one article: each person's claims are a layer, told apart by
//! the claim's creator (`Claim::creator`). Another person's copy of the article merges in
//! as their layer (`merge_copy`, found again by quote where the text differs), never
//! losing a claim; layers can be shown or hidden (`visible`).

use super::agreement::{Layer, Mark};
use super::annotation::Claim;
use super::carry::{carry, incoming_from, Carried, Incoming};
use super::library::Article;

/// Who made a claim, as layers are told apart: a name, or no name (claims made before
/// the person set one, or files that do not say).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Maker(pub Option<String>);

impl Maker {
    pub fn of(c: &Claim) -> Maker {
        Maker(c.creator.clone().filter(|n| !n.trim().is_empty()))
    }

    /// How the layer is named to the person.
    pub fn label(&self) -> String {
        match &self.0 {
            Some(n) => n.clone(),
            None => "No name".into(),
        }
    }

    /// A value for a form control or a file: the name, or empty for no name.
    pub fn key(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }

    pub fn from_key(key: &str) -> Maker {
        Maker((!key.is_empty()).then(|| key.to_string()))
    }
}

/// A layer: one maker and how many claims they made here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerCount {
    pub maker: Maker,
    pub claims: usize,
}

/// The layers of these claims, in the order their makers first appear.
pub fn makers(claims: &[Claim]) -> Vec<LayerCount> {
    let mut out: Vec<LayerCount> = Vec::new();
    for c in claims {
        let m = Maker::of(c);
        match out.iter_mut().find(|l| l.maker == m) {
            Some(l) => l.claims += 1,
            None => out.push(LayerCount {
                maker: m,
                claims: 1,
            }),
        }
    }
    out
}

/// The claims of the layers not hidden.
pub fn visible(claims: &[Claim], hidden: &[Maker]) -> Vec<Claim> {
    if hidden.is_empty() {
        return claims.to_vec();
    }
    claims
        .iter()
        .filter(|c| !hidden.contains(&Maker::of(c)))
        .cloned()
        .collect()
}

/// What merging another annotator's copy did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Their claims placed on this text (ids renamed where taken here).
    pub added: usize,
    /// Their claims this article holds already (the same claim, by the same maker, on
    /// the same words with the same fields): not added twice.
    pub already: usize,
    /// Their claims whose words are not in this text: kept as orphans.
    pub orphans: usize,
    /// Claims found with changed words.
    pub fuzzy: usize,
}

impl Merged {
    pub fn summary(&self, whose: &str) -> String {
        let mut s = format!(
            "Added {} claim{} from {whose}",
            self.added,
            if self.added == 1 { "" } else { "s" }
        );
        if self.already > 0 {
            s.push_str(&format!("; {} were here already", self.already));
        }
        if self.fuzzy > 0 {
            s.push_str(&format!("; {} found with changed words", self.fuzzy));
        }
        if self.orphans > 0 {
            s.push_str(&format!(
                "; {} not found in the text, listed under Claims to place by hand",
                self.orphans
            ));
        }
        s.push('.');
        s
    }
}

/// Merges `theirs` (another annotator's copy of this article: the same text, or one their
/// claims can be found again in) into `mine`. Every claim of theirs is added, as a claim
/// or an orphan, unless `mine` holds the very same one. Nothing of `mine` changes.
pub fn merge_copy(mine: &mut Article, theirs: &Article, now: &str) -> Merged {
    merge_incoming(mine, incoming_from(theirs), now)
}

/// Adds claims arriving from elsewhere (another person's copy, web annotations) to `mine`:
/// each found again by its quote, kept as an orphan when not found, and left out when
/// `mine` holds the very same claim already (so bringing a file in twice adds nothing).
pub fn merge_incoming(mine: &mut Article, incoming: Vec<Incoming>, now: &str) -> Merged {
    let text = mine.doc.text();
    let mut already = 0;
    let incoming: Vec<_> = incoming
        .into_iter()
        .filter(|i| {
            let same = mine.claims().iter().any(|c| {
                c.creator == i.claim.creator
                    && c.fields == i.claim.fields
                    && text.get(c.span.start()..c.span.end()) == Some(i.quote.exact.as_str())
            }) || mine.orphans().iter().any(|o| {
                o.claim.creator == i.claim.creator
                    && o.claim.fields == i.claim.fields
                    && o.quote.exact == i.quote.exact
            });
            already += usize::from(same);
            !same
        })
        .collect();
    let Carried {
        placed,
        orphans,
        fuzzy,
        ..
    } = carry(mine.doc.text(), incoming);
    let merged = Merged {
        added: placed.len(),
        already,
        orphans: orphans.len(),
        fuzzy,
    };
    mine.add_placed(placed, now);
    mine.add_orphans(orphans, now);
    merged
}

/// The tag a ruling puts on the claim that stands (`adjudicate`): the place is settled, so
/// the agreement leaves it out, and anyone reading the file sees it was ruled on.
pub const ADJUDICATED: &str = "adjudicated";

fn ruled(c: &Claim) -> bool {
    c.fields.tags.iter().any(|t| t == ADJUDICATED)
}

/// The article's layers as the agreement measure takes them (`core::agreement`): one per
/// maker, in the order they first appear, each claim a mark with its type and verdict;
/// claims a ruling settled (`ADJUDICATED`) are left out.
pub fn agreement_layers(a: &Article) -> Vec<Layer> {
    let open: Vec<Claim> = a.claims().iter().filter(|c| !ruled(c)).cloned().collect();
    makers(&open)
        .into_iter()
        .map(|l| Layer {
            annotator: l.maker.label(),
            marks: open
                .iter()
                .filter(|c| Maker::of(c) == l.maker)
                .map(|c| Mark {
                    id: c.id.clone(),
                    span: c.span,
                    kind: c.fields.kind.as_str().to_string(),
                    verdict: c.fields.status.as_str().to_string(),
                })
                .collect(),
        })
        .collect()
}

/// The person's ruling on a place where annotators differ (the claims `ids` there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ruling {
    /// Keep this claim; the others there go.
    Keep(String),
    /// One claim in their place: the words all of them cover, the first one's claimant,
    /// type and verdict, everyone's notes (each under its maker's name), tags and
    /// evidence, made by all of them.
    Merge,
    /// None of them stands: they all go.
    Reject,
}

/// Applies a ruling to the claims `ids` (one place of the agreement): the claim that stands
/// is tagged `ADJUDICATED`. Returns how many claims went. Undo puts them back (the app keeps
/// the article as it was).
pub fn adjudicate(a: &mut Article, ids: &[String], ruling: &Ruling, now: &str) -> usize {
    let there: Vec<Claim> = ids.iter().filter_map(|id| a.claim(id).cloned()).collect();
    if there.is_empty() {
        return 0;
    }
    let gone: Vec<&Claim> = match ruling {
        Ruling::Keep(keep) => {
            // a claim no longer there (a stale view): nothing is ruled
            let Some(c) = there.iter().find(|c| c.id == *keep) else {
                return 0;
            };
            if !ruled(c) {
                let mut fields = c.fields.clone();
                fields.tags.push(ADJUDICATED.into());
                a.update_claim(keep, fields, now);
            }
            there.iter().filter(|c| c.id != *keep).collect()
        }
        Ruling::Reject => there.iter().collect(),
        Ruling::Merge => {
            let first = &there[0];
            let mut fields = first.fields.clone();
            let start = there.iter().map(|c| c.span.start()).min().unwrap_or(0);
            let end = there.iter().map(|c| c.span.end()).max().unwrap_or(0);
            let mut notes = Vec::new();
            let mut names: Vec<String> = Vec::new();
            for c in &there {
                let who = Maker::of(c).label();
                if !names.contains(&who) {
                    names.push(who.clone());
                }
                if !c.fields.note.trim().is_empty() {
                    notes.push(format!("{who}: {}", c.fields.note.trim()));
                }
                if fields.claimant.trim().is_empty() {
                    fields.claimant = c.fields.claimant.clone();
                }
                for t in &c.fields.tags {
                    if !fields.tags.contains(t) {
                        fields.tags.push(t.clone());
                    }
                }
                for e in &c.fields.evidence {
                    if !fields.evidence.contains(e) {
                        fields.evidence.push(e.clone());
                    }
                }
            }
            fields.note = notes.join("\n\n");
            if !fields.tags.iter().any(|t| t == ADJUDICATED) {
                fields.tags.push(ADJUDICATED.into());
            }
            let mut merged = first.clone();
            merged.fields = fields;
            merged.span = crate::core::offsets::Span::new(start, end);
            merged.creator = Some(names.join(" & "));
            merged.modified = now.to_string();
            let n = there.len();
            for c in &there {
                a.remove_claim(&c.id, now);
            }
            a.add_placed(vec![merged], now);
            return n - 1;
        }
    };
    let n = gone.len();
    for c in gone {
        a.remove_claim(&c.id, now);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;
    use crate::core::offsets::Span;
    use crate::core::parse::{parse_bytes as parse, Format};

    const TEXT: &str =
        "The mayor said crime fell 20%. Critics said it rose. 👍 The budget doubled.";

    fn copy(who: Option<&str>, tags: &[(&str, &str)]) -> Article {
        let mut a = Article::new(
            "a1".into(),
            parse(TEXT.as_bytes(), Some(Format::Text)),
            None,
            "t0",
        );
        for (id, words) in tags {
            let at = TEXT.find(words).unwrap();
            a.add_claim_by(
                (*id).into(),
                Span::new(at, at + words.len()),
                ClaimFields::default(),
                who.map(str::to_string),
                "t1",
            );
        }
        a
    }

    #[test]
    fn another_annotators_copy_merges_as_a_layer_without_losing_a_claim() {
        let mut mine = copy(Some("Ann"), &[("c1", "crime fell 20%"), ("c2", "it rose")]);
        let theirs = copy(
            Some("Bo"),
            &[
                ("c1", "The mayor said crime fell 20%"),
                ("c9", "The budget doubled"),
            ],
        );
        let m = merge_copy(&mut mine, &theirs, "t2");
        assert_eq!(m.added, 2);
        assert_eq!(mine.claims().len(), 4);
        let layers = makers(mine.claims());
        assert_eq!(
            layers,
            vec![
                LayerCount {
                    maker: Maker(Some("Bo".into())),
                    claims: 2
                },
                LayerCount {
                    maker: Maker(Some("Ann".into())),
                    claims: 2
                },
            ]
        );
        // their c1 took a fresh id: both claims kept
        assert!(mine.claim("c1-2").is_some());
        // merging the same copy again adds nothing
        let again = merge_copy(&mut mine, &theirs, "t3");
        assert_eq!((again.added, again.already), (0, 2));
        // nor do claims of theirs that wait to be placed here, brought in twice
        let cy = copy(Some("Cy"), &[("c5", "it rose")]);
        let mut gone = copy(None, &[]);
        let waiting = crate::core::carry::carry("No such words.", incoming_from(&cy)).orphans;
        gone.add_orphans(waiting, "t4");
        let mut twice = copy(Some("Cy"), &[]);
        twice.add_orphans(gone.orphans().to_vec(), "t4");
        let first = merge_copy(&mut gone, &twice, "t5");
        assert_eq!((first.orphans, first.already), (0, 1));
        // hiding a layer hides its claims only
        let shown = visible(mine.claims(), &[Maker(Some("Bo".into()))]);
        assert_eq!(shown.len(), 2);
        assert!(shown.iter().all(|c| c.creator.as_deref() == Some("Ann")));
        assert!(m.summary("Bo").starts_with("Added 2 claims from Bo"));
    }

    #[test]
    fn disagreements_are_ruled_on_keep_merge_or_reject() {
        let mut a = copy(Some("Ann"), &[("c1", "crime fell 20%")]);
        let bo = copy(Some("Bo"), &[("c2", "The mayor said crime fell 20%")]);
        merge_copy(&mut a, &bo, "t2");
        let layers = agreement_layers(&a);
        assert_eq!(layers.len(), 2);
        let found = crate::core::agreement::agreement(&layers);
        let unit = &found.units[0];
        let ids: Vec<String> = unit.marks.iter().map(|m| m.id.clone()).collect();
        assert_eq!(ids.len(), 2);
        // keep one: the other goes
        let mut keep = a.clone();
        // a claim not there (a stale view) rules nothing
        assert_eq!(
            adjudicate(&mut keep, &ids, &Ruling::Keep("gone".into()), "t3"),
            0
        );
        assert_eq!(keep.claims().len(), 2);
        assert_eq!(
            adjudicate(&mut keep, &ids, &Ruling::Keep("c1".into()), "t3"),
            1
        );
        assert_eq!(keep.claims().len(), 1);
        assert_eq!(keep.claims()[0].id, "c1");
        assert_eq!(keep.claims()[0].fields.tags, [ADJUDICATED]);
        // the place is settled: the agreement no longer lists it
        let settled = crate::core::agreement::agreement(&agreement_layers(&keep));
        assert!(settled.disagreements.is_empty());
        // merge: one claim over both spans, made by both
        let mut merged = a.clone();
        let mut ann = merged.claim("c1").unwrap().fields.clone();
        ann.note = "check police data".into();
        merged.update_claim("c1", ann, "t3");
        adjudicate(&mut merged, &ids, &Ruling::Merge, "t4");
        assert_eq!(merged.claims().len(), 1);
        let m = &merged.claims()[0];
        assert_eq!(merged.doc.slice(m.span), "The mayor said crime fell 20%");
        // in text order: Bo's claim starts first
        assert_eq!(m.creator.as_deref(), Some("Bo & Ann"));
        assert_eq!(m.fields.note, "Ann: check police data");
        // reject: none stands
        let mut none = a.clone();
        assert_eq!(adjudicate(&mut none, &ids, &Ruling::Reject, "t5"), 2);
        assert!(none.claims().is_empty());
    }

    #[test]
    fn no_name_is_a_layer_of_its_own() {
        let a = copy(None, &[("c1", "it rose")]);
        let l = makers(a.claims());
        assert_eq!(l[0].maker.label(), "No name");
        assert_eq!(Maker::from_key(l[0].maker.key()), l[0].maker);
    }
}
