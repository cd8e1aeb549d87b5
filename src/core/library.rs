//! The library: the articles a person has opened, each with its document and claims, and
//! every edit they can make to them. Pure data and rules; the web layer persists it.

use super::annotation::{Claim, ClaimFields};
use super::document::Document;
use super::offsets::Span;
use super::parse::{Format, Parsed};
use super::relations::{name_key, End, Identities, Link, LinkError, Relation};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    pub name: String,
    pub format: Format,
    /// The file it came from, if any.
    pub source_name: Option<String>,
    pub created: String,
    pub modified: String,
    pub doc: Arc<Document>,
    /// Always in document order (`Claim::order_key`).
    claims: Vec<Claim>,
    /// Bumped on every change; the storage layer saves articles whose revision moved.
    pub revision: u64,
    /// The person's decisions on suggested claims, by the suggestion's sentence span.
    decisions: Vec<(Span, Decision)>,
    /// Links a person drew between this article's claims and entities, in drawing order.
    links: Vec<Link>,
}

/// What a person decided about a suggested claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Accepted as the claim with this id.
    Accepted(String),
    Rejected,
}

impl Article {
    pub fn new(id: String, parsed: Parsed, source_name: Option<String>, now: &str) -> Article {
        let name = parsed.document.display_name();
        Article {
            id,
            name,
            format: parsed.format,
            source_name,
            created: now.to_string(),
            modified: now.to_string(),
            doc: Arc::new(parsed.document),
            claims: Vec::new(),
            revision: 1,
            decisions: Vec::new(),
            links: Vec::new(),
        }
    }

    /// An article restored from a file: claims are put in document order.
    #[allow(clippy::too_many_arguments)]
    pub fn restore(
        id: String,
        name: String,
        format: Format,
        source_name: Option<String>,
        created: String,
        modified: String,
        doc: Document,
        mut claims: Vec<Claim>,
    ) -> Article {
        claims.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        Article {
            id,
            name,
            format,
            source_name,
            created,
            modified,
            doc: Arc::new(doc),
            claims,
            revision: 1,
            decisions: Vec::new(),
            links: Vec::new(),
        }
    }

    pub fn decisions(&self) -> &[(Span, Decision)] {
        &self.decisions
    }

    pub fn decision(&self, sentence: Span) -> Option<&Decision> {
        // kept sorted by `decide` and `with_decisions`
        self.decisions
            .binary_search_by_key(&sentence, |d| d.0)
            .ok()
            .map(|i| &self.decisions[i].1)
    }

    /// The suggestions not yet accepted or rejected, in their order.
    pub fn pending(
        &self,
        suggestions: &[super::claims::Suggestion],
    ) -> Vec<super::claims::Suggestion> {
        suggestions
            .iter()
            .filter(|s| self.decision(s.sentence).is_none())
            .cloned()
            .collect()
    }

    pub fn rejected_count(&self) -> usize {
        self.decisions
            .iter()
            .filter(|d| d.1 == Decision::Rejected)
            .count()
    }

    /// Records (or, with `None`, forgets) a decision on the suggestion at `sentence`.
    pub fn decide(&mut self, sentence: Span, decision: Option<Decision>, now: &str) {
        self.decisions.retain(|(s, _)| *s != sentence);
        if let Some(d) = decision {
            let at = self.decisions.partition_point(|(s, _)| *s < sentence);
            self.decisions.insert(at, (sentence, d));
        }
        self.touch(now);
    }

    /// Decisions restored from a file (spans already validated).
    pub fn with_decisions(mut self, mut decisions: Vec<(Span, Decision)>) -> Self {
        decisions.sort_by_key(|d| d.0);
        decisions.dedup_by_key(|d| d.0);
        self.decisions = decisions;
        self
    }

    /// Every link, including ones whose claim was deleted (kept so that undo restores them).
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// The links whose claims all exist: what the graph shows and files hold.
    pub fn live_links(&self) -> impl Iterator<Item = &Link> {
        self.links
            .iter()
            .filter(|l| self.end_exists(&l.from) && self.end_exists(&l.to))
    }

    fn end_exists(&self, e: &End) -> bool {
        match e {
            End::Claim(id) => self.claim(id).is_some(),
            End::Entity(n) => !n.trim().is_empty(),
        }
    }

    /// Checks a link against this article: both ends exist, they differ, the type can be
    /// drawn, and the same link is not there yet (ends compared by entity identity).
    pub fn check_link(
        &self,
        from: &End,
        to: &End,
        kind: Relation,
        ids: &Identities,
    ) -> Result<(), LinkError> {
        if !kind.drawable() {
            return Err(LinkError::NotDrawable);
        }
        for e in [from, to] {
            match e {
                End::Claim(id) if self.claim(id).is_none() => {
                    return Err(LinkError::MissingClaim(id.clone()))
                }
                End::Entity(n) if n.trim().is_empty() => return Err(LinkError::EmptyEntity),
                _ => {}
            }
        }
        let same = |a: &End, b: &End| match (a, b) {
            (End::Claim(x), End::Claim(y)) => x == y,
            (End::Entity(x), End::Entity(y)) => ids.same(x, y),
            _ => false,
        };
        if same(from, to) {
            return Err(LinkError::SameEnds);
        }
        if self
            .links
            .iter()
            .any(|l| l.kind == kind && same(&l.from, from) && same(&l.to, to))
        {
            return Err(LinkError::Duplicate);
        }
        Ok(())
    }

    /// Draws a link (see `check_link`).
    pub fn add_link(&mut self, link: Link, ids: &Identities, now: &str) -> Result<(), LinkError> {
        self.restore_link(link, ids)?;
        self.touch(now);
        Ok(())
    }

    /// Puts back a link read from a file, by the same rules as drawing one, without
    /// counting it as an edit.
    pub fn restore_link(&mut self, link: Link, ids: &Identities) -> Result<(), LinkError> {
        self.check_link(&link.from, &link.to, link.kind, ids)?;
        self.links.push(link);
        Ok(())
    }

    pub fn remove_link(&mut self, id: &str, now: &str) -> Option<Link> {
        let i = self.links.iter().position(|l| l.id == id)?;
        let l = self.links.remove(i);
        self.touch(now);
        Some(l)
    }

    /// How an end of a link reads in a list: a claim as its quote (cut to `n` characters),
    /// an entity as the name of the entity it belongs to.
    pub fn describe_end(&self, e: &End, ids: &Identities, n: usize) -> String {
        match e {
            End::Claim(id) => self
                .claim(id)
                .map(|c| format!("“{}”", crate::core::excerpt(self.doc.slice(c.span), n)))
                .unwrap_or_else(|| id.clone()),
            End::Entity(name) => ids.resolve(name).to_string(),
        }
    }

    /// What a link from `from` can go to: the article's other claims in document order,
    /// then the entities (the given names, and claimants), each entity once by identity and
    /// sorted. `to`, the end a drawing already chose, is always among them.
    pub fn link_targets<'a>(
        &'a self,
        names: impl IntoIterator<Item = &'a str>,
        ids: &Identities,
        from: &End,
        to: Option<&'a End>,
    ) -> Vec<End> {
        let mut out: Vec<End> = self
            .claims
            .iter()
            .map(|c| End::Claim(c.id.clone()))
            .collect();
        // each entity once, by identity key (the first name seen), then sorted by name
        let mut entities: Vec<(String, String)> = Vec::new();
        let claimants = self.claims.iter().map(|c| c.fields.claimant.as_str());
        let drawn = match to {
            Some(End::Entity(n)) => Some(n.as_str()),
            _ => None,
        };
        for n in names.into_iter().chain(claimants).chain(drawn) {
            let name = ids.resolve(n).trim();
            let key = name_key(name);
            if !key.is_empty() && !entities.iter().any(|(k, _)| *k == key) {
                entities.push((key, name.to_string()));
            }
        }
        let mut entities: Vec<String> = entities.into_iter().map(|(_, n)| n).collect();
        entities.sort();
        out.extend(entities.into_iter().map(End::Entity));
        out.retain(|e| match (e, from) {
            (End::Entity(a), End::Entity(b)) => !ids.same(a, b),
            _ => e != from,
        });
        out
    }

    /// The links of one claim, both directions, as (link id, what it says, note): "supports
    /// “…”" for a link from the claim, "supports ← “…”" for one to it.
    pub fn claim_links(&self, claim: &str, ids: &Identities) -> Vec<(String, String, String)> {
        let me = End::Claim(claim.to_string());
        self.live_links()
            .filter(|l| l.from == me || l.to == me)
            .map(|l| {
                let text = if l.from == me {
                    format!("{} {}", l.kind.label(), self.describe_end(&l.to, ids, 50))
                } else {
                    format!(
                        "{} ← {}",
                        l.kind.label(),
                        self.describe_end(&l.from, ids, 50)
                    )
                };
                (l.id.clone(), text, l.note.clone())
            })
            .collect()
    }

    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    fn touch(&mut self, now: &str) {
        self.modified = now.to_string();
        self.revision += 1;
    }

    /// Adds a claim over `span` (snapped to char boundaries, trimmed of white space).
    /// Returns `None` when the span holds no text.
    pub fn add_claim(
        &mut self,
        id: String,
        span: Span,
        fields: ClaimFields,
        now: &str,
    ) -> Option<&Claim> {
        let span = trim_span(self.doc.text(), span)?;
        let claim = Claim {
            id,
            span,
            fields,
            created: now.to_string(),
            modified: now.to_string(),
        };
        let at = self
            .claims
            .partition_point(|c| c.order_key() < claim.order_key());
        self.claims.insert(at, claim);
        self.touch(now);
        self.claims.get(at)
    }

    pub fn update_claim(&mut self, id: &str, fields: ClaimFields, now: &str) -> bool {
        let Some(c) = self.claims.iter_mut().find(|c| c.id == id) else {
            return false;
        };
        if c.fields == fields {
            return true;
        }
        c.fields = fields;
        c.modified = now.to_string();
        self.touch(now);
        true
    }

    pub fn remove_claim(&mut self, id: &str, now: &str) -> Option<Claim> {
        let i = self.claims.iter().position(|c| c.id == id)?;
        let c = self.claims.remove(i);
        self.touch(now);
        Some(c)
    }

    /// Puts back a removed claim (undo). Ignored when a claim with its id exists.
    pub fn restore_claim(&mut self, claim: Claim, now: &str) {
        if self.claim(&claim.id).is_some() {
            return;
        }
        let at = self
            .claims
            .partition_point(|c| c.order_key() < claim.order_key());
        self.claims.insert(at, claim);
        self.touch(now);
    }

    pub fn rename(&mut self, name: &str, now: &str) -> bool {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name == self.name {
            return false;
        }
        self.name = name;
        self.touch(now);
        true
    }
}

/// A span snapped to char boundaries and trimmed of white space; `None` if nothing is left.
pub fn trim_span(text: &str, span: Span) -> Option<Span> {
    let a = super::offsets::floor_boundary(text, span.start());
    let b = super::offsets::ceil_boundary(text, span.end());
    let s = text.get(a..b)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new(a + lead, a + lead + t.len()))
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    articles: Vec<Article>,
    /// Which entity names are one entity, across all articles.
    pub identities: Identities,
}

/// Why an incoming article collides with one in the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    SameId(String),
    SameText(String),
}

impl Conflict {
    pub fn existing_id(&self) -> &str {
        match self {
            Conflict::SameId(id) | Conflict::SameText(id) => id,
        }
    }
}

impl Library {
    pub fn new(articles: Vec<Article>) -> Library {
        Library {
            articles,
            identities: Identities::default(),
        }
    }
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Article> {
        self.articles.iter_mut().find(|a| a.id == id)
    }
    pub fn add(&mut self, article: Article) {
        self.articles.push(article);
    }
    pub fn remove(&mut self, id: &str) -> Option<Article> {
        let i = self.articles.iter().position(|a| a.id == id)?;
        Some(self.articles.remove(i))
    }
    /// Whether `incoming` is already here: the same id, or the very same text.
    pub fn conflict(&self, incoming: &Article) -> Option<Conflict> {
        if let Some(a) = self.get(&incoming.id) {
            return Some(Conflict::SameId(a.id.clone()));
        }
        self.articles
            .iter()
            .find(|a| a.doc.text() == incoming.doc.text())
            .map(|a| Conflict::SameText(a.id.clone()))
    }
    /// Replaces the article `id` in place with `incoming` (which keeps its own id).
    pub fn replace(&mut self, id: &str, mut incoming: Article) {
        match self.articles.iter().position(|a| a.id == id) {
            Some(i) => {
                incoming.revision = self.articles[i].revision + 1;
                self.articles[i] = incoming;
            }
            None => self.articles.push(incoming),
        }
    }
    /// Adds `incoming` beside an existing one: a new id and a name not already taken.
    pub fn add_copy(&mut self, mut incoming: Article, new_id: String) {
        incoming.id = new_id;
        let base = incoming.name.clone();
        let mut n = 2;
        while self.articles.iter().any(|a| a.name == incoming.name) {
            incoming.name = format!("{base} ({n})");
            n += 1;
        }
        self.articles.push(incoming);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_str;

    fn article(id: &str, text: &str) -> Article {
        Article::new(
            id.into(),
            parse_str(text, None),
            None,
            "2026-01-01T00:00:00Z",
        )
    }

    #[test]
    fn claims_stay_in_document_order_and_undo_restores() {
        let mut a = article("a", "Title\nOne two three. Four five six.");
        let t = a.doc.text().to_string();
        let four = t.find("Four").unwrap();
        a.add_claim(
            "c2".into(),
            Span::new(four, t.len()),
            ClaimFields::default(),
            "t1",
        )
        .unwrap();
        a.add_claim("c1".into(), Span::new(6, 20), ClaimFields::default(), "t2")
            .unwrap();
        let ids: Vec<_> = a.claims().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c2"]);
        let rev = a.revision;
        let removed = a.remove_claim("c1", "t3").unwrap();
        assert!(a.revision > rev);
        a.restore_claim(removed, "t4");
        assert_eq!(a.claims().len(), 2);
        assert_eq!(a.claims()[0].id, "c1");
    }

    #[test]
    fn blank_spans_are_refused_and_spans_trimmed() {
        let mut a = article("a", "Title\nOne two.  Three.");
        assert!(a
            .add_claim("x".into(), Span::new(14, 16), ClaimFields::default(), "t")
            .is_none());
        let span = a
            .add_claim("y".into(), Span::new(5, 15), ClaimFields::default(), "t")
            .unwrap()
            .span;
        assert_eq!(a.doc.slice(span), "One two.");
    }

    #[test]
    fn update_only_bumps_on_change() {
        let mut a = article("a", "Title\nOne two.");
        a.add_claim("x".into(), Span::new(6, 9), ClaimFields::default(), "t")
            .unwrap();
        let rev = a.revision;
        assert!(a.update_claim("x", ClaimFields::default(), "t2"));
        assert_eq!(a.revision, rev);
        let f = ClaimFields {
            claimant: "Someone".into(),
            ..Default::default()
        };
        assert!(a.update_claim("x", f, "t3"));
        assert_eq!(a.revision, rev + 1);
        assert!(!a.update_claim("nope", ClaimFields::default(), "t"));
    }

    #[test]
    fn conflicts_replace_and_copies() {
        let mut lib = Library::default();
        lib.add(article("a", "Same text here."));
        let same_id = article("a", "Other text.");
        assert_eq!(lib.conflict(&same_id), Some(Conflict::SameId("a".into())));
        let same_text = article("b", "Same text here.");
        assert_eq!(
            lib.conflict(&same_text),
            Some(Conflict::SameText("a".into()))
        );
        lib.add_copy(same_text.clone(), "c".into());
        assert_eq!(lib.articles().len(), 2);
        assert_ne!(lib.articles()[0].name, lib.articles()[1].name);
        lib.replace("a", same_id);
        assert_eq!(lib.get("a").unwrap().doc.text(), "Other text.");
        assert!(lib.remove("c").is_some());
        assert_eq!(lib.articles().len(), 1);
    }

    #[test]
    fn decisions_filter_pending_suggestions() {
        let mut a = article("a", "Title\nOne said two. Three said four. Five said six.");
        let x = crate::core::pipeline::findings(&a.doc);
        let s: Vec<Span> = a.doc.sentences()[1..].to_vec();
        a.decide(s[2], Some(Decision::Rejected), "t");
        a.decide(s[0], Some(Decision::Accepted("c".into())), "t");
        assert_eq!(a.decision(s[2]), Some(&Decision::Rejected));
        assert_eq!(a.decision(s[1]), None);
        assert_eq!(a.rejected_count(), 1);
        let pending: Vec<Span> = a
            .pending(&x.suggestions)
            .iter()
            .map(|p| p.sentence)
            .collect();
        assert!(!pending.contains(&s[0]) && !pending.contains(&s[2]));
        a.decide(s[2], None, "t");
        assert_eq!(a.rejected_count(), 0);
    }

    #[test]
    fn link_targets_and_claim_links_read_as_people_see_them() {
        use crate::core::relations::{End, Identities, Link, Relation};
        let mut a = article("a", "Title\nKyiv said two. Putin said four.");
        let f = |who: &str| ClaimFields {
            claimant: who.into(),
            ..Default::default()
        };
        a.add_claim("c1".into(), Span::new(6, 20), f("Kyiv"), "t")
            .unwrap();
        a.add_claim("c2".into(), Span::new(21, 37), f("Vladimir Putin"), "t")
            .unwrap();
        let mut ids = Identities::default();
        ids.merge("Putin", "Vladimir Putin");
        let c = |s: &str| End::Claim(s.into());
        let e = |s: &str| End::Entity(s.into());
        // other claims first, then entities once each by identity (the first name seen),
        // sorted by name
        let t = a.link_targets(
            ["Putin", "Kremlin", "the Kremlin", "KYIV"],
            &ids,
            &c("c1"),
            None,
        );
        assert_eq!(
            t,
            [c("c2"), e("KYIV"), e("Kremlin"), e("Vladimir Putin")],
            "{t:?}"
        );
        // from an entity: not itself; a drawn end is always offered
        let t = a.link_targets([], &ids, &e("putin"), Some(&e("NATO")));
        assert_eq!(t, [c("c1"), c("c2"), e("Kyiv"), e("NATO")]);
        assert_eq!(a.describe_end(&c("c2"), &ids, 8), "“Putin sa…”");
        assert_eq!(a.describe_end(&e("putin"), &ids, 8), "Vladimir Putin");
        a.add_link(
            Link {
                id: "l1".into(),
                from: c("c1"),
                to: c("c2"),
                kind: Relation::Contradicts,
                note: "n".into(),
                created: "t".into(),
            },
            &ids,
            "t",
        )
        .unwrap();
        assert_eq!(
            a.claim_links("c1", &ids),
            [(
                "l1".into(),
                "contradicts “Putin said four.”".into(),
                "n".into()
            )]
        );
        assert_eq!(
            a.claim_links("c2", &ids),
            [(
                "l1".into(),
                "contradicts ← “Kyiv said two.”".into(),
                "n".into()
            )]
        );
        assert!(a.claim_links("zz", &ids).is_empty());
    }

    #[test]
    fn link_rules() {
        use crate::core::relations::{End, Identities, Link, LinkError, Relation};
        let mut a = article("a", "Title\nOne said two. Three said four.");
        a.add_claim("c1".into(), Span::new(6, 19), ClaimFields::default(), "t")
            .unwrap();
        a.add_claim("c2".into(), Span::new(20, 36), ClaimFields::default(), "t")
            .unwrap();
        let mut ids = Identities::default();
        let link = |id: &str, from: End, to: End, kind| Link {
            id: id.into(),
            from,
            to,
            kind,
            note: String::new(),
            created: "t".into(),
        };
        let c = |s: &str| End::Claim(s.into());
        let e = |s: &str| End::Entity(s.into());
        assert_eq!(
            a.add_link(
                link("l1", c("c1"), c("c1"), Relation::Contradicts),
                &ids,
                "t"
            ),
            Err(LinkError::SameEnds)
        );
        assert_eq!(
            a.add_link(
                link("l1", c("c1"), c("zz"), Relation::Contradicts),
                &ids,
                "t"
            ),
            Err(LinkError::MissingClaim("zz".into()))
        );
        assert_eq!(
            a.add_link(link("l1", c("c1"), c("c2"), Relation::CoMention), &ids, "t"),
            Err(LinkError::NotDrawable)
        );
        let rev = a.revision;
        a.add_link(
            link("l1", c("c1"), c("c2"), Relation::Contradicts),
            &ids,
            "t",
        )
        .unwrap();
        assert!(a.revision > rev);
        assert_eq!(
            a.add_link(
                link("l2", c("c1"), c("c2"), Relation::Contradicts),
                &ids,
                "t"
            ),
            Err(LinkError::Duplicate)
        );
        // the other direction, or another type, is another link
        a.add_link(
            link("l2", c("c2"), c("c1"), Relation::RespondsTo),
            &ids,
            "t",
        )
        .unwrap();
        // entity ends compare by identity
        a.add_link(
            link("l3", c("c1"), e("Donald Trump"), Relation::About),
            &ids,
            "t",
        )
        .unwrap();
        ids.merge("Trump", "Donald Trump");
        assert_eq!(
            a.add_link(link("l4", c("c1"), e("trump"), Relation::About), &ids, "t"),
            Err(LinkError::Duplicate)
        );
        assert_eq!(
            a.add_link(
                link("l4", e("Trump"), e("Donald Trump"), Relation::Related),
                &ids,
                "t"
            ),
            Err(LinkError::SameEnds)
        );
        // a deleted claim hides its links; undo brings them back
        let gone = a.remove_claim("c2", "t").unwrap();
        assert_eq!(a.live_links().count(), 1);
        assert_eq!(a.links().len(), 3);
        a.restore_claim(gone, "t");
        assert_eq!(a.live_links().count(), 3);
        assert!(a.remove_link("l2", "t").is_some());
        assert!(a.remove_link("l2", "t").is_none());
    }

    #[test]
    fn rename_normalises_and_refuses_empty() {
        let mut a = article("a", "Title\nBody.");
        assert!(!a.rename("   ", "t"));
        assert!(a.rename("  New   name ", "t"));
        assert_eq!(a.name, "New name");
    }
}
