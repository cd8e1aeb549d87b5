//! The library: the articles a person has opened, each with its document and claims, and
//! every edit they can make to them. Pure data and rules; the web layer persists it.

use super::annotation::{Claim, ClaimFields};
use super::carry::Orphan;
use super::claims::{kind_for_cue, Suggestion};
use super::document::{BlockKind, Document};
use super::extract::{Extraction, Label};
use super::fixes::{self, EntityFix, FixError};
use super::offsets::{Span, TextEdit};
use super::page::{Dropped, Metadata, PageBlock};
use super::parse::{Format, Parsed};
use super::rating::{Scale, ScaleKind, Verdict};
use super::relations::{name_key, End, Identities, Link, LinkError, Relation};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// Blocks of a page are joined by this in the document text (the parser's rule).
pub const BLOCK_JOIN: &str = "\n\n";

/// One of a claim's links as it reads under the claim: "supports “…”" for a link from the
/// claim, "supports ← “…”" for one to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimLink {
    /// The link's id.
    pub link: String,
    pub text: String,
    pub note: String,
}

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
    /// What the page says about the article, or what the person wrote in.
    metadata: Metadata,
    /// Every block of a web page in reading order, kept or dropped; the kept ones are the
    /// document's blocks, joined by `BLOCK_JOIN`. Empty for text and Markdown. Shared, like
    /// the document, so a copy of the article (Undo keeps one per edit) costs little.
    page: Arc<Vec<PageBlock>>,
    /// The person's decisions on entities (`fixes`), sorted by span and apart.
    entity_fixes: Vec<EntityFix>,
    /// Claims whose words could not be found again in this text (`core::carry`): kept with
    /// their quote until the person places them by selecting text, never dropped.
    orphans: Vec<Orphan>,
}

/// Why a block of the page cannot be brought back or dropped. Nothing changes when refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockError {
    /// The article did not come from a web page: it has no page blocks.
    NoPage,
    OutOfRange {
        index: usize,
        len: usize,
    },
    /// Claims lie on (or across) the block: dropping it would take their words away.
    HoldsClaims {
        count: usize,
        quote: String,
    },
    /// It is the only block left in the article.
    LastBlock,
    /// The block's text cannot stand as a block of the article (empty, or not trimmed).
    Unusable {
        index: usize,
    },
}

impl fmt::Display for BlockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockError::NoPage => write!(f, "This article did not come from a web page, so it has no left-out blocks."),
            BlockError::OutOfRange { index, len } => write!(f, "There is no block {index} in this page (it has {len})."),
            BlockError::HoldsClaims { count: 1, quote } => write!(f, "This block holds a claim (“{quote}”), so it stays. Delete the claim first to drop the block."),
            BlockError::HoldsClaims { count, quote } => write!(f, "This block holds {count} claims (the first: “{quote}”), so it stays. Delete them first to drop the block."),
            BlockError::LastBlock => write!(f, "This is the only block left in the article, so it stays."),
            BlockError::Unusable { index } => write!(f, "Block {index} of the page has no text that can be put back."),
        }
    }
}

impl std::error::Error for BlockError {}

/// Why a list of page blocks does not belong to a document (a damaged file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageMismatch {
    /// The number of kept page blocks is not the number of the document's blocks.
    Count { kept: usize, blocks: usize },
    /// Kept block `index` (counting kept blocks) reads differently from the document's.
    Block {
        index: usize,
        page: String,
        document: String,
    },
    /// The kept blocks, joined, are not the document's text.
    Text,
}

impl fmt::Display for PageMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageMismatch::Count { kept, blocks } => write!(
                f,
                "the page keeps {kept} block(s) but the article has {blocks}"
            ),
            PageMismatch::Block {
                index,
                page,
                document,
            } => write!(
                f,
                "kept block {} of the page reads “{}” but the article's block there reads “{}”",
                index + 1,
                super::excerpt(page, 60),
                super::excerpt(document, 60)
            ),
            PageMismatch::Text => write!(
                f,
                "the page's kept blocks do not make up the article's text"
            ),
        }
    }
}

/// Checks that the kept blocks of `page` are exactly the blocks of `doc`, in order, and
/// that joined by `BLOCK_JOIN` they are its text. An empty page belongs to any document.
pub fn check_page(doc: &Document, page: &[PageBlock]) -> Result<(), PageMismatch> {
    if page.is_empty() {
        return Ok(());
    }
    // the kept blocks joined (the parser's own joining), with their places in the text
    let (joined, blocks) = super::parse::join_page(page);
    if blocks.len() != doc.blocks().len() {
        return Err(PageMismatch::Count {
            kept: blocks.len(),
            blocks: doc.blocks().len(),
        });
    }
    for (index, (p, b)) in blocks.iter().zip(doc.blocks()).enumerate() {
        let same_kind =
            p.kind == b.kind || (p.kind == BlockKind::Title && b.kind == BlockKind::Heading);
        let (page_text, text) = (&joined[p.span.start()..p.span.end()], doc.slice(b.span));
        if text != page_text || !same_kind {
            return Err(PageMismatch::Block {
                index,
                page: page_text.to_string(),
                document: text.to_string(),
            });
        }
    }
    if joined != doc.text() {
        return Err(PageMismatch::Text);
    }
    Ok(())
}

/// The document a page's kept blocks make: their texts joined by `BLOCK_JOIN`, one block
/// each (the parser's own joining, so the two cannot differ).
pub fn page_document(page: &[PageBlock]) -> Document {
    let (text, blocks) = super::parse::join_page(page);
    Document::new(text, blocks).0
}

/// The article's name before the person renames it: the document's title, else the
/// page's headline, else the first words.
fn derived_name(doc: &Document, metadata: &Metadata) -> String {
    match (doc.title(), metadata.headline.as_deref()) {
        (None, Some(h)) if !h.trim().is_empty() => super::excerpt(h, 80),
        _ => doc.display_name(),
    }
}

/// A claim taken out of an article, and the sentence of the suggestion it had been
/// accepted from: what undo needs to put both back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub claim: Claim,
    pub accepted: Option<Span>,
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
        let name = derived_name(&parsed.document, &parsed.metadata);
        // the parser's promise; a page that does not match its document is left out rather
        // than trusted, so bringing blocks back can never garble the text
        let page = match check_page(&parsed.document, &parsed.page) {
            Ok(()) => parsed.page,
            Err(_) => Vec::new(),
        };
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
            metadata: parsed.metadata,
            page: Arc::new(page),
            entity_fixes: Vec::new(),
            orphans: Vec::new(),
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
        crate::core::sort::sort_by(&mut claims, |a, b| a.order_key().cmp(&b.order_key()));
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
            metadata: Metadata::default(),
            page: Arc::default(),
            entity_fixes: Vec::new(),
            orphans: Vec::new(),
        }
    }

    /// Metadata and page blocks restored from a file; refused when the page's kept blocks
    /// are not the document's.
    pub fn with_page(
        mut self,
        metadata: Metadata,
        page: Vec<PageBlock>,
    ) -> Result<Self, PageMismatch> {
        check_page(&self.doc, &page)?;
        self.metadata = metadata;
        self.page = Arc::new(page);
        Ok(self)
    }

    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Every block of the page the article came from, kept or dropped (empty for text).
    pub fn page(&self) -> &[PageBlock] {
        &self.page
    }

    /// Whether some blocks of the page were left out of the article.
    pub fn has_dropped(&self) -> bool {
        self.page.iter().any(|b| !b.kept())
    }

    /// The person's edit of the details. A name the person has not chosen follows the
    /// headline (for an article with no title). False when nothing changed.
    pub fn set_metadata(&mut self, metadata: Metadata, now: &str) -> bool {
        if metadata == self.metadata {
            return false;
        }
        if self.name == derived_name(&self.doc, &self.metadata) {
            self.name = derived_name(&self.doc, &metadata);
        }
        self.metadata = metadata;
        self.touch(now);
        true
    }

    /// Brings block `index` of the page back into the article (`kept`) or drops it. The
    /// text is rebuilt from the kept blocks and every claim and decided sentence moves with
    /// its words. Refused, with nothing changed, when claims lie on a block to drop, or it
    /// is the last one. Suggestions follow from the new text.
    pub fn set_block_kept(
        &mut self,
        index: usize,
        kept: bool,
        now: &str,
    ) -> Result<(), BlockError> {
        if self.page.is_empty() {
            return Err(BlockError::NoPage);
        }
        let Some(block) = self.page.get(index) else {
            return Err(BlockError::OutOfRange {
                index,
                len: self.page.len(),
            });
        };
        if block.kept() == kept {
            return Ok(());
        }
        if kept && (block.text.is_empty() || block.text.trim() != block.text) {
            return Err(BlockError::Unusable { index });
        }
        let text = self.doc.text();
        let blocks = self.doc.blocks();
        let n = blocks.len();
        // the block's place among the document's blocks
        let j = self.page[..index].iter().filter(|b| b.kept()).count();
        let edit = if kept {
            let len = block.text.len();
            match blocks.get(j) {
                _ if n == 0 => TextEdit {
                    at: 0,
                    removed: text.len(),
                    inserted: len,
                },
                Some(b) => TextEdit {
                    at: b.span.start(),
                    removed: 0,
                    inserted: len + BLOCK_JOIN.len(),
                },
                None => TextEdit {
                    at: text.len(),
                    removed: 0,
                    inserted: BLOCK_JOIN.len() + len,
                },
            }
        } else {
            if n <= 1 {
                return Err(BlockError::LastBlock);
            }
            match (blocks.get(j), blocks.get(j + 1)) {
                (Some(b), Some(next)) => TextEdit {
                    at: b.span.start(),
                    removed: next.span.start() - b.span.start(),
                    inserted: 0,
                },
                (Some(_), None) => {
                    let at = blocks[j - 1].span.end();
                    TextEdit {
                        at,
                        removed: text.len() - at,
                        inserted: 0,
                    }
                }
                _ => {
                    return Err(BlockError::OutOfRange {
                        index,
                        len: self.page.len(),
                    })
                }
            }
        };
        // claims move with their words; one on a dropped block refuses the change
        let mut claims = self.claims.clone();
        let mut lost: Vec<&Claim> = Vec::new();
        for (c, old) in claims.iter_mut().zip(&self.claims) {
            match edit.map_span(c.span) {
                Some(s) => c.span = s,
                None => lost.push(old),
            }
        }
        if let Some(first) = lost.first() {
            return Err(BlockError::HoldsClaims {
                count: lost.len(),
                quote: super::excerpt(self.doc.slice(first.span), 50),
            });
        }
        // the new page, its text and blocks, from the kept blocks
        let mut page = Vec::clone(&self.page);
        page[index].dropped = if kept {
            None
        } else {
            Some(Dropped::Boilerplate)
        };
        let doc = page_document(&page);
        // the edit must describe exactly how the text changed, or spans would drift
        let new_text = doc.text();
        let same_edges = new_text.len() + edit.removed == text.len() + edit.inserted
            && new_text.get(..edit.at) == text.get(..edit.at)
            && new_text.get(edit.at + edit.inserted..) == text.get(edit.at + edit.removed..);
        if !same_edges || check_page(&doc, &page).is_err() {
            return Err(BlockError::Unusable { index });
        }
        // the edit moves offsets monotonically and no claim straddles removed text, so the
        // claims stay in document order (and decisions sorted) without sorting again
        let decisions = self
            .decisions
            .iter()
            .filter_map(|(s, d)| edit.map_span(*s).map(|s| (s, d.clone())))
            .collect();
        self.entity_fixes
            .retain_mut(|f| match edit.map_span(f.span) {
                Some(s) => {
                    f.span = s;
                    true
                }
                None => false,
            });
        self.doc = Arc::new(doc);
        self.page = Arc::new(page);
        self.claims = claims;
        self.decisions = decisions;
        self.touch(now);
        Ok(())
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
    pub fn pending(&self, suggestions: &[Suggestion]) -> Vec<Suggestion> {
        self.with_decision(suggestions, None)
    }

    /// The rejected suggestions, in their order (to list and restore them).
    pub fn rejected(&self, suggestions: &[Suggestion]) -> Vec<Suggestion> {
        self.with_decision(suggestions, Some(&Decision::Rejected))
    }

    fn with_decision(&self, suggestions: &[Suggestion], d: Option<&Decision>) -> Vec<Suggestion> {
        suggestions
            .iter()
            .filter(|s| self.decision(s.sentence) == d)
            .cloned()
            .collect()
    }

    /// Accepts a suggestion as a new claim `id` over its sentence: the claimant is the
    /// speaker, the type follows the cue ("accused": an accusation). The claim's id, or
    /// `None` when the sentence holds no text.
    pub fn accept(&mut self, s: &Suggestion, id: String, now: &str) -> Option<String> {
        let fields = ClaimFields {
            claimant: s.speaker.clone().unwrap_or_default(),
            kind: s
                .cue
                .and_then(|c| c.slice(self.doc.text()))
                .map(kind_for_cue)
                .unwrap_or_default(),
            ..Default::default()
        };
        self.accept_as(s.sentence, id, fields, now)
    }

    /// Accepts the suggestion at `sentence` as a new claim `id` with these fields.
    pub fn accept_as(
        &mut self,
        sentence: Span,
        id: String,
        fields: ClaimFields,
        now: &str,
    ) -> Option<String> {
        let id = self.add_claim(id, sentence, fields, now)?.id.clone();
        self.decide(sentence, Some(Decision::Accepted(id.clone())), now);
        Some(id)
    }

    /// Undoes acceptances: the claims go and their suggestions are pending again.
    pub fn unaccept(&mut self, ids: &[String], now: &str) {
        self.claims.retain(|c| !ids.contains(&c.id));
        self.decisions
            .retain(|(_, d)| !matches!(d, Decision::Accepted(id) if ids.contains(id)));
        self.touch(now);
    }

    /// A claim tagged by hand resolves the pending suggestions it matches: accepted, linked
    /// to the claim. It matches the suggestions of which it holds at least four fifths of
    /// what they state (their content, else their words), within one sentence of the text,
    /// when the stretch from the first one's words to the last one's holds at least four
    /// fifths of the claim: one suggestion tagged on its own, or a sentence holding two
    /// attributions tagged whole. The first resolved, if any.
    pub fn resolve(&mut self, claim: &str, suggestions: &[Suggestion], now: &str) -> Option<Span> {
        let span = self.claim(claim)?.span;
        let common = |a: Span, b: Span| {
            a.end()
                .min(b.end())
                .saturating_sub(a.start().max(b.start()))
        };
        let matched: Vec<Span> = suggestions
            .iter()
            .filter(|s| {
                let said = if s.content.is_empty() {
                    s.sentence
                } else {
                    s.content
                };
                self.decision(s.sentence).is_none() && common(span, said) * 5 >= said.len() * 4
            })
            .map(|s| s.sentence)
            .collect();
        // several only within one sentence of the text: a span running over sentences is
        // not a claim that any of them made
        let first_key = matched.first().copied();
        let sentence = first_key.and_then(|k| {
            self.doc
                .sentences()
                .iter()
                .find(|s| s.start() <= k.start() && k.end() <= s.end())
                .copied()
        });
        let matched: Vec<Span> = match sentence {
            Some(t) => matched
                .into_iter()
                .filter(|k| t.start() <= k.start() && k.end() <= t.end())
                .collect(),
            None => first_key.into_iter().collect(),
        };
        // the stretch from the first suggestion's words to the last's
        let (Some(first), Some(last)) = (
            matched.iter().map(|k| k.start()).min(),
            matched.iter().map(|k| k.end()).max(),
        ) else {
            return None;
        };
        if common(span, Span::new(first, last)) * 5 < span.len() * 4 {
            return None;
        }
        for &k in &matched {
            self.decide(k, Some(Decision::Accepted(claim.to_string())), now);
        }
        matched.first().copied()
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

    /// Decisions restored from a file (spans already validated). A suggestion accepted as a
    /// claim that is not there reads as rejected, as if its claim had been deleted here.
    pub fn with_decisions(mut self, mut decisions: Vec<(Span, Decision)>) -> Self {
        crate::core::sort::sort_by_key(&mut decisions, |d| d.0);
        decisions.dedup_by_key(|d| d.0);
        for (_, d) in &mut decisions {
            if matches!(d, Decision::Accepted(id) if self.claim(id).is_none()) {
                *d = Decision::Rejected;
            }
        }
        self.decisions = decisions;
        self
    }

    /// The person's decisions on entities, sorted by span.
    pub fn entity_fixes(&self) -> &[EntityFix] {
        &self.entity_fixes
    }

    /// Decides that `spans` are entities of `label`, or (`None`) not entities: a missed
    /// mention marked, a class changed, a false entity removed. Each span is trimmed and
    /// must lie in one block; refused, with nothing changed, otherwise.
    pub fn fix_entities(
        &mut self,
        spans: &[Span],
        label: Option<Label>,
        now: &str,
    ) -> Result<(), FixError> {
        let mut new = Vec::with_capacity(spans.len());
        for s in spans {
            let span = trim_span(self.doc.text(), *s).ok_or(FixError::Empty)?;
            fixes::check(&self.doc, span)?;
            new.push(EntityFix { span, label });
        }
        if new.is_empty() {
            return Err(FixError::Empty);
        }
        fixes::record(&mut self.entity_fixes, new);
        self.touch(now);
        Ok(())
    }

    /// Orphans restored from a file.
    pub fn with_orphans(mut self, orphans: Vec<Orphan>) -> Self {
        self.orphans = orphans;
        self
    }

    /// Entity decisions restored from a file (spans already validated).
    pub fn with_entity_fixes(mut self, fixes: Vec<EntityFix>) -> Self {
        fixes::record(&mut self.entity_fixes, fixes);
        self
    }

    /// What the extractor found, with the person's entity decisions applied.
    pub fn entities<'a>(&self, found: &'a Extraction) -> Cow<'a, Extraction> {
        if self.entity_fixes.is_empty() {
            Cow::Borrowed(found)
        } else {
            Cow::Owned(fixes::apply(&self.doc, found, &self.entity_fixes))
        }
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

    /// The links a file keeps: those whose claims exist or wait to be placed (orphans).
    pub fn kept_links(&self) -> impl Iterator<Item = &Link> {
        let kept = |e: &End| match e {
            End::Claim(id) => {
                self.claim(id).is_some() || self.orphans.iter().any(|o| o.claim.id == *id)
            }
            End::Entity(n) => !n.trim().is_empty(),
        };
        self.links
            .iter()
            .filter(move |l| kept(&l.from) && kept(&l.to))
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
                // a claim waiting to be placed keeps its links
                End::Claim(id)
                    if self.claim(id).is_none()
                        && !self.orphans.iter().any(|o| o.claim.id == *id) =>
                {
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

    /// Draws a link (see `check_link`); a new link's relation must fit its ends
    /// (`Relation::fits`), while links read from files and storage are kept as they are.
    pub fn add_link(&mut self, link: Link, ids: &Identities, now: &str) -> Result<(), LinkError> {
        if link.kind.drawable() && !link.kind.fits(&link.from, &link.to) {
            return Err(LinkError::DoesNotFit(link.kind));
        }
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
        crate::core::sort::sort(&mut entities);
        out.extend(entities.into_iter().map(End::Entity));
        out.retain(|e| match (e, from) {
            (End::Entity(a), End::Entity(b)) => !ids.same(a, b),
            _ => e != from,
        });
        out
    }

    /// The links of one claim, both directions, as people read them under the claim.
    pub fn claim_links(&self, claim: &str, ids: &Identities) -> Vec<ClaimLink> {
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
                ClaimLink {
                    link: l.id.clone(),
                    text,
                    note: l.note.clone(),
                }
            })
            .collect()
    }

    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// Signs a claim with its maker's name when it has none yet (`Library::annotator`;
    /// an empty name signs nothing).
    pub fn sign(&mut self, id: &str, name: &str) {
        let name = name.trim();
        if let Some(c) = self.claims.iter_mut().find(|c| c.id == id) {
            if c.creator.is_none() && !name.is_empty() {
                c.creator = Some(name.to_string());
            }
        }
    }

    /// Claims whose words were not found again in this text, in the order they came.
    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    /// Keeps claims that could not be placed (an import, a carry-over): listed until placed.
    /// An orphan whose id is already a claim's or an orphan's here gets a fresh id.
    pub fn add_orphans(&mut self, orphans: Vec<Orphan>, now: &str) {
        if orphans.is_empty() {
            return;
        }
        for mut o in orphans {
            o.claim.id = self.unused_claim_id(&o.claim.id);
            self.orphans.push(o);
        }
        self.touch(now);
    }

    /// Places an orphan on `span` (the words the person selected): it becomes a claim with
    /// everything it held. `None` when there is no such orphan or the span holds no text.
    pub fn place_orphan(&mut self, id: &str, span: Span, now: &str) -> Option<&Claim> {
        let i = self.orphans.iter().position(|o| o.claim.id == id)?;
        let span = trim_span(self.doc.text(), span)?;
        let mut claim = self.orphans.remove(i).claim;
        claim.span = span;
        claim.modified = now.to_string();
        let at = self.insert_in_order(claim);
        self.touch(now);
        self.claims.get(at)
    }

    /// Lets a claim waiting to be placed go (the person's choice; Undo brings it back).
    pub fn discard_orphan(&mut self, id: &str, now: &str) -> Option<Orphan> {
        let i = self.orphans.iter().position(|o| o.claim.id == id)?;
        let o = self.orphans.remove(i);
        self.touch(now);
        Some(o)
    }

    /// Adds claims made elsewhere (another annotator's copy, a carry-over), already placed
    /// on this text. A claim whose id is taken here gets a fresh one. Returns the ids given.
    pub fn add_placed(&mut self, claims: Vec<Claim>, now: &str) -> Vec<String> {
        let mut ids = Vec::with_capacity(claims.len());
        for mut c in claims {
            let Some(span) = trim_span(self.doc.text(), c.span) else {
                continue;
            };
            c.span = span;
            c.id = self.unused_claim_id(&c.id);
            ids.push(c.id.clone());
            self.insert_in_order(c);
        }
        if !ids.is_empty() {
            self.touch(now);
        }
        ids
    }

    /// Puts a claim among the others in document order (`Claim::order_key`); its index.
    fn insert_in_order(&mut self, claim: Claim) -> usize {
        let at = self
            .claims
            .partition_point(|c| c.order_key() < claim.order_key());
        self.claims.insert(at, claim);
        at
    }

    /// `id` if no claim or orphan here has it, else `id` with the first free `-2`, `-3`, …
    pub fn unused_claim_id(&self, id: &str) -> String {
        let taken = |x: &str| {
            self.claims.iter().any(|c| c.id == x) || self.orphans.iter().any(|o| o.claim.id == x)
        };
        if !taken(id) {
            return id.to_string();
        }
        (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|x| !taken(x))
            .unwrap_or_default()
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
        self.add_claim_by(id, span, fields, None, now)
    }

    /// `add_claim`, saying who made it (the annotator's name, `Library::annotator`).
    pub fn add_claim_by(
        &mut self,
        id: String,
        span: Span,
        fields: ClaimFields,
        creator: Option<String>,
        now: &str,
    ) -> Option<&Claim> {
        let span = trim_span(self.doc.text(), span)?;
        let claim = Claim {
            id,
            span,
            fields,
            created: now.to_string(),
            modified: now.to_string(),
            creator,
        };
        let at = self.insert_in_order(claim);
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

    /// Removes a claim. A suggestion accepted as this claim is rejected now: no decision
    /// ever names a claim that is gone. `restore_claim` undoes both.
    pub fn remove_claim(&mut self, id: &str, now: &str) -> Option<Removed> {
        let i = self.claims.iter().position(|c| c.id == id)?;
        let claim = self.claims.remove(i);
        let mut accepted = None;
        for (s, d) in &mut self.decisions {
            if *d == Decision::Accepted(claim.id.clone()) {
                *d = Decision::Rejected;
                accepted = Some(*s);
            }
        }
        self.touch(now);
        Some(Removed { claim, accepted })
    }

    /// Puts back a removed claim (undo), and its suggestion's acceptance. Ignored when a
    /// claim with its id exists.
    pub fn restore_claim(&mut self, removed: Removed, now: &str) {
        let Removed { claim, accepted } = removed;
        if self.claim(&claim.id).is_some() {
            return;
        }
        // unless the person has decided otherwise on the suggestion since
        if let Some(s) = accepted.filter(|s| self.decision(*s) == Some(&Decision::Rejected)) {
            self.decide(s, Some(Decision::Accepted(claim.id.clone())), now);
        }
        self.insert_in_order(claim);
        self.touch(now);
    }

    /// Takes in what another copy of this article holds and this one lacks: its claims and
    /// links whose ids are not here (a second tab's edits to the same article, saved while
    /// this tab's were not yet written). Nothing here is removed or changed; claims come only
    /// when both copies have the same text, so their spans mean the same words. Returns how
    /// many claims and links were added.
    pub fn absorb(&mut self, other: &Article, now: &str) -> usize {
        if other.doc.text() != self.doc.text() {
            return 0;
        }
        let mut added = 0;
        for c in &other.claims {
            // a claim the other copy placed since: no longer waiting here
            if let Some(i) = self.orphans.iter().position(|o| o.claim.id == c.id) {
                self.orphans.remove(i);
            }
            if self.claim(&c.id).is_none() {
                self.insert_in_order(c.clone());
                added += 1;
            }
        }
        for l in &other.links {
            if !self.links.iter().any(|k| k.id == l.id) {
                self.links.push(l.clone());
                added += 1;
            }
        }
        for o in &other.orphans {
            // one placed here since stays placed
            if self.claim(&o.claim.id).is_none()
                && !self.orphans.iter().any(|k| k.claim.id == o.claim.id)
            {
                self.orphans.push(o.clone());
                added += 1;
            }
        }
        if added > 0 {
            self.touch(now);
        }
        added
    }

    /// Its claims' verdicts, in document order.
    pub fn verdicts(&self) -> impl Iterator<Item = &Verdict> {
        self.claims.iter().map(|c| &c.fields.status)
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

/// The speakers of `suggestions` with how many each, most first (then by name): what
/// "accept all from one speaker" offers.
pub fn speakers(suggestions: &[Suggestion]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for name in suggestions.iter().filter_map(|s| s.speaker.as_deref()) {
        match out.iter_mut().find(|(n, _)| n == name) {
            Some((_, k)) => *k += 1,
            None => out.push((name.to_string(), 1)),
        }
    }
    crate::core::sort::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
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
    /// The rating scale the person judges claims on.
    pub scale: Scale,
    /// The person's name as an annotator, written as the creator of each claim they
    /// make; empty until they set it.
    pub annotator: String,
}

/// What taking in another scale did to the library's (`Library::take_scale`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScaleNews {
    /// Nothing: the verdicts are all on the library's scale.
    Same,
    /// The library had no verdicts yet, so it took the incoming scale whole.
    Adopted(Scale),
    /// These ratings (their labels) were added so the incoming verdicts keep their names.
    Added(Vec<String>),
}

impl ScaleNews {
    /// `done`, followed by what to tell the person of the scale, if anything.
    pub fn after(&self, done: &str) -> String {
        match self.sentence() {
            Some(s) => format!("{done} {s}"),
            None => done.to_string(),
        }
    }

    /// What to tell the person, if anything.
    pub fn sentence(&self) -> Option<String> {
        match self {
            ScaleNews::Same => None,
            ScaleNews::Adopted(s) => Some(format!(
                "Verdicts now use the file's rating scale ({}).",
                s.ratings()
                    .iter()
                    .map(|r| r.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            ScaleNews::Added(labels) => Some(format!(
                "Added to your rating scale so the file's verdicts keep their names: {}.",
                labels.join(", ")
            )),
        }
    }
}

/// Why an incoming article collides with one in the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    SameId(String),
    SameText(String),
    /// Another version of the same story (the same web address, or the same headline) with
    /// claims: another annotator's copy whose text was saved differently, for instance.
    SameStory(String),
}

impl Conflict {
    pub fn existing_id(&self) -> &str {
        match self {
            Conflict::SameId(id) | Conflict::SameText(id) | Conflict::SameStory(id) => id,
        }
    }
}

impl Library {
    pub fn new(articles: Vec<Article>) -> Library {
        Library {
            articles,
            identities: Identities::default(),
            scale: Scale::default(),
            annotator: String::new(),
        }
    }

    /// Whether any claim has been judged (a verdict other than unverified).
    pub fn has_verdicts(&self) -> bool {
        self.verdicts().any(|v| !v.is_unverified())
    }

    /// Every claim's verdict, article by article.
    pub fn verdicts(&self) -> impl Iterator<Item = &Verdict> {
        self.articles.iter().flat_map(Article::verdicts)
    }

    /// Takes in the scale `incoming`'s verdicts come from (`None`: a file from before
    /// rating scales, whose verdicts are the built-in statuses), before `incoming` is
    /// added. A library with no verdicts yet takes the file's scale whole; otherwise its
    /// scale stays and gains the ratings the incoming claims use that it lacks.
    pub fn take_scale(&mut self, from: Option<&Scale>, incoming: &Article) -> ScaleNews {
        let statuses = Scale::statuses();
        let from = from.unwrap_or(&statuses);
        if !self.has_verdicts() && *from != self.scale && from.kind != ScaleKind::Statuses {
            self.scale = from.clone();
            return ScaleNews::Adopted(from.clone());
        }
        let added = self.scale.keep_used(incoming.verdicts(), from);
        if added.is_empty() {
            ScaleNews::Same
        } else {
            ScaleNews::Added(added)
        }
    }

    /// Sets the scale the person chose; verdicts already given that it lacks are added to
    /// it (by their old names), so no claim loses its verdict. Returns those added.
    pub fn set_scale(&mut self, scale: Scale) -> Vec<String> {
        let old = std::mem::replace(&mut self.scale, scale);
        let used: Vec<Verdict> = self.verdicts().cloned().collect();
        self.scale.keep_used(&used, &old)
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
            .or_else(|| {
                self.earlier_version(incoming)
                    .map(|a| Conflict::SameStory(a.id.clone()))
            })
    }

    /// An annotated article `added` looks like a new version of: the same web address, or
    /// else the same headline (or name), with claims to carry over and a different text.
    /// The latest such article in the library, if any.
    pub fn earlier_version(&self, added: &Article) -> Option<&Article> {
        let url = added
            .metadata()
            .url
            .as_deref()
            .filter(|u| !u.trim().is_empty());
        let title = |a: &Article| {
            a.metadata()
                .headline
                .clone()
                .filter(|h| !h.trim().is_empty())
                .unwrap_or_else(|| a.name.clone())
        };
        let added_title = title(added);
        self.articles.iter().rev().find(|a| {
            a.id != added.id
                && (!a.claims().is_empty() || !a.orphans().is_empty())
                && a.doc.text() != added.doc.text()
                && match (url, a.metadata().url.as_deref()) {
                    (Some(u), Some(v)) => u == v,
                    // the same title alone could be another story: some of its claimed
                    // words must be in the new text too
                    _ => {
                        !added_title.trim().is_empty()
                            && title(a) == added_title
                            && a.claims().iter().any(|c| {
                                let words = a.doc.slice(c.span);
                                !words.trim().is_empty() && added.doc.text().contains(words)
                            })
                    }
                }
        })
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

/// The order stored articles load in, and what the library's index lists that is not
/// stored (storage keeps one entry per article and an index of their order).
#[derive(Debug, PartialEq)]
pub struct StoredOrder {
    /// The stored ones the index lists, in its order, then the stored ones it does not
    /// list, sorted by id so the order is stable: a damaged or missing index loses none.
    pub order: Vec<String>,
    /// Listed but not stored.
    pub missing: Vec<String>,
}

pub fn stored_order(listed: &[String], mut stored: Vec<String>) -> StoredOrder {
    crate::core::sort::sort(&mut stored);
    stored.dedup();
    let (mut order, mut missing) = (Vec::new(), Vec::new());
    let mut taken = vec![false; stored.len()];
    for id in listed {
        match stored.binary_search(id) {
            Ok(i) if !taken[i] => {
                taken[i] = true;
                order.push(id.clone());
            }
            Ok(_) => {}
            Err(_) => missing.push(id.clone()),
        }
    }
    order.extend(
        stored
            .into_iter()
            .zip(taken)
            .filter(|(_, t)| !t)
            .map(|(id, _)| id),
    );
    StoredOrder { order, missing }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Block;
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
    fn a_rating_scale_is_taken_from_files_and_changed_without_losing_verdicts() {
        let text = "Title\n\nThe mayor said the bridge opens in May.";
        let judged = |verdict: &str| {
            let mut a = article("a", text);
            let at = text.find("the bridge").unwrap();
            a.add_claim(
                "c1".into(),
                Span::new(at, at + 10),
                ClaimFields {
                    status: Verdict::new(verdict).unwrap(),
                    ..ClaimFields::default()
                },
                "t",
            );
            a
        };
        // a library with no verdicts takes a file's own scale whole
        let own = Scale::own("Correct\nWrong").unwrap();
        let mut lib = Library::new(vec![article("b", "Other text.")]);
        let incoming = judged("wrong");
        assert_eq!(
            lib.take_scale(Some(&own), &incoming),
            ScaleNews::Adopted(own.clone())
        );
        assert_eq!(lib.scale, own);
        lib.add(incoming);
        // with verdicts, it keeps its scale and adds what the file's claims use
        let mut other = judged("mostly-true");
        other.id = "z".into();
        let news = lib.take_scale(Some(&Scale::truth()), &other);
        assert_eq!(news, ScaleNews::Added(vec!["Mostly true".into()]));
        assert!(news.sentence().unwrap().contains("Mostly true"));
        assert_eq!(lib.scale.ratings().len(), 4);
        // an old file (no scale): the built-in statuses name its verdicts
        let old = judged("misleading");
        assert_eq!(
            lib.take_scale(None, &old),
            ScaleNews::Added(vec!["Misleading".into()])
        );
        assert_eq!(lib.take_scale(None, &old), ScaleNews::Same);
        // choosing another scale keeps the verdicts given
        let added = lib.set_scale(Scale::truth());
        assert_eq!(added, ["Wrong"]);
        assert_eq!(lib.scale.label(&Verdict::new("wrong").unwrap()), "Wrong");
    }

    #[test]
    fn absorb_takes_the_other_copys_new_claims_and_links_and_loses_nothing() {
        let text = "Title\n\nThe mayor said the bridge opens in May. Critics said it will not.";
        let base = article("a", text);
        let (mut tab_a, mut tab_b) = (base.clone(), base.clone());
        let at = |t: &str| {
            let s = text.find(t).unwrap();
            Span::new(s, s + t.len())
        };
        let now = "2026-01-02T00:00:00Z";
        tab_a.add_claim(
            "ca".into(),
            at("the bridge opens in May"),
            ClaimFields::default(),
            now,
        );
        tab_b.add_claim("cb".into(), at("it will not"), ClaimFields::default(), now);
        let rev = tab_a.revision;
        assert_eq!(tab_a.absorb(&tab_b, now), 1);
        let ids: Vec<&str> = tab_a.claims().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["ca", "cb"], "both claims, in document order");
        assert!(tab_a.revision > rev);
        // again: nothing new
        assert_eq!(tab_a.absorb(&tab_b, now), 0);
        // a copy with another text gives nothing: its spans would point at other words
        let other = article("a", "Another text entirely, said someone.");
        assert_eq!(tab_a.absorb(&other, now), 0);
        assert_eq!(tab_a.claims().len(), 2);
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
    fn another_version_of_an_annotated_story_is_found_by_address_or_headline() {
        let mut lib = Library::default();
        let mut old = article("a", "Harbour news\n\nThe pier will reopen in June.");
        lib.add(old.clone());
        // not annotated yet: nothing to carry, no other version
        let new = article(
            "b",
            "Harbour news\n\nThe pier will reopen in July, the council said.",
        );
        assert_eq!(lib.earlier_version(&new).map(|a| a.id.as_str()), None);
        // (a claim on words the new version still has)
        old.add_claim("c1".into(), Span::new(14, 34), ClaimFields::default(), "t");
        assert_eq!(old.doc.slice(Span::new(14, 34)), "The pier will reopen");
        lib.replace("a", old);
        // the same headline (the name, without details), another text
        assert_eq!(lib.earlier_version(&new).map(|a| a.id.as_str()), Some("a"));
        assert_eq!(lib.conflict(&new), Some(Conflict::SameStory("a".into())));
        // the same web address wins over a different headline
        let mut moved = article("c", "Another headline\n\nThe pier will reopen in July.");
        let mut m = moved.metadata().clone();
        m.url = Some("https://news.example/pier".into());
        moved.set_metadata(m.clone(), "t");
        assert_eq!(lib.earlier_version(&moved).map(|a| a.id.as_str()), None);
        let mut with_url = lib.get("a").unwrap().clone();
        with_url.set_metadata(m, "t");
        lib.replace("a", with_url);
        assert_eq!(
            lib.earlier_version(&moved).map(|a| a.id.as_str()),
            Some("a")
        );
        // an unrelated story is none, even under the same title
        let other = article("d", "Weather\n\nRain all week.");
        assert_eq!(lib.conflict(&other), None);
        let same_title = article("e", "Harbour news\n\nA new ferry starts on Monday.");
        assert_eq!(lib.conflict(&same_title), None);
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

    /// The sample article's suggestions, with an article of it.
    fn suggested() -> (Article, Vec<Suggestion>) {
        let a = article("s", include_str!("../../seeds/000_9d83cd3958c40a29.txt"));
        let x = crate::core::pipeline::findings(&a.doc);
        assert!(x.suggestions.len() > 4);
        (a, x.suggestions)
    }

    #[test]
    fn two_attributions_in_one_sentence_are_decided_apart() {
        let mut a = article(
            "two",
            "Title line here\nMayor Lena Ortiz said the bridge is safe, and Governor Paul Reyes said the tunnel is not.",
        );
        let sg: Vec<Suggestion> = crate::core::pipeline::findings(&a.doc)
            .suggestions
            .into_iter()
            .filter(Suggestion::attributed)
            .collect();
        assert_eq!(sg.len(), 2);
        a.decide(sg[0].sentence, Some(Decision::Rejected), "t");
        let pending = a.pending(&sg);
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].speaker.as_deref(), Some("Paul Reyes"));
        let id = a.accept(&pending[0], "c1".into(), "t").unwrap();
        // the claim holds the second attribution's words only
        let claim = a.claim(&id).unwrap();
        assert_eq!(
            a.doc.slice(claim.span),
            "Paul Reyes said the tunnel is not."
        );
        assert_eq!(a.rejected(&sg).len(), 1);
    }

    #[test]
    fn deleting_an_accepted_claim_rejects_its_suggestion_and_undo_accepts_it_again() {
        let (mut a, sg) = suggested();
        let s = &sg[0];
        let id = a.accept(s, "c1".into(), "t").unwrap();
        assert_eq!(
            a.decision(s.sentence),
            Some(&Decision::Accepted(id.clone()))
        );
        assert_eq!(
            a.claim(&id).unwrap().fields.claimant,
            s.speaker.clone().unwrap_or_default()
        );
        assert!(!a.pending(&sg).contains(s));
        let removed = a.remove_claim(&id, "t").unwrap();
        assert_eq!(removed.accepted, Some(s.sentence));
        assert_eq!(a.decision(s.sentence), Some(&Decision::Rejected));
        assert!(a.decisions().iter().all(|(_, d)| *d == Decision::Rejected));
        assert_eq!(a.rejected(&sg), std::slice::from_ref(s));
        a.restore_claim(removed, "t");
        assert_eq!(
            a.decision(s.sentence),
            Some(&Decision::Accepted(id.clone()))
        );
        // a claim deleted, its suggestion then restored by the person: undo keeps that
        let removed = a.remove_claim(&id, "t").unwrap();
        a.decide(s.sentence, None, "t");
        a.restore_claim(removed, "t");
        assert!(a.claim(&id).is_some());
        assert_eq!(a.decision(s.sentence), None);
    }

    #[test]
    fn rejections_are_listed_and_restored_and_acceptances_undone() {
        let (mut a, sg) = suggested();
        a.decide(sg[1].sentence, Some(Decision::Rejected), "t");
        a.decide(sg[3].sentence, Some(Decision::Rejected), "t");
        assert_eq!(a.rejected(&sg), [sg[1].clone(), sg[3].clone()]);
        assert_eq!(a.rejected_count(), 2);
        a.decide(sg[1].sentence, None, "t");
        assert_eq!(a.rejected(&sg), [sg[3].clone()]);
        assert!(a.pending(&sg).contains(&sg[1]));
        // several at once, and undone at once
        let ids: Vec<String> = [&sg[0], &sg[2]]
            .iter()
            .enumerate()
            .filter_map(|(i, s)| a.accept(s, format!("c{i}"), "t"))
            .collect();
        assert_eq!(ids.len(), 2);
        assert_eq!(a.claims().len(), 2);
        a.unaccept(&ids, "t");
        assert!(a.claims().is_empty());
        assert!(a.pending(&sg).contains(&sg[0]) && a.pending(&sg).contains(&sg[2]));
        assert_eq!(a.rejected_count(), 1);
    }

    #[test]
    fn speakers_are_offered_most_first() {
        let (_, sg) = suggested();
        let sp = speakers(&sg);
        assert!(!sp.is_empty());
        assert_eq!(
            sp.iter().map(|s| s.1).sum::<usize>(),
            sg.iter().filter(|s| s.speaker.is_some()).count()
        );
        assert!(sp
            .windows(2)
            .all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)));
        assert!(speakers(&[]).is_empty());
    }

    #[test]
    fn a_claim_tagged_by_hand_resolves_the_suggestion_it_matches() {
        let (mut a, sg) = suggested();
        let s = sg
            .iter()
            .find(|s| !s.content.is_empty() && s.content != s.sentence)
            .unwrap();
        // the statement alone, as a person selects it
        a.add_claim("h1".into(), s.content, ClaimFields::default(), "t");
        assert_eq!(a.resolve("h1", &sg, "t"), Some(s.sentence));
        assert_eq!(
            a.decision(s.sentence),
            Some(&Decision::Accepted("h1".into()))
        );
        // a few words of a sentence resolve nothing
        let other = sg.iter().find(|o| o.sentence != s.sentence).unwrap();
        let few = Span::new(other.sentence.start(), other.sentence.start() + 8);
        a.add_claim("h2".into(), few, ClaimFields::default(), "t");
        assert_eq!(a.resolve("h2", &sg, "t"), None);
        // nor does a span running far over the sentence
        let t = a.doc.text().len();
        let long = Span::new(other.sentence.start(), (other.sentence.end() + 400).min(t));
        a.add_claim("h3".into(), long, ClaimFields::default(), "t");
        assert_eq!(a.resolve("h3", &sg, "t"), None);
        // the whole sentence does, once
        a.add_claim("h4".into(), other.sentence, ClaimFields::default(), "t");
        assert_eq!(a.resolve("h4", &sg, "t"), Some(other.sentence));
        a.add_claim("h5".into(), other.sentence, ClaimFields::default(), "t");
        assert_eq!(a.resolve("h5", &sg, "t"), None, "already decided");
        assert_eq!(a.resolve("nope", &sg, "t"), None);
    }

    #[test]
    fn stored_articles_load_in_the_index_order_then_the_rest_and_none_is_lost() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let o = stored_order(&s(&["b", "gone", "a", "b"]), s(&["c", "a", "b", "d"]));
        assert_eq!(o.order, s(&["b", "a", "c", "d"]));
        assert_eq!(o.missing, s(&["gone"]));
        // no index at all: every stored entry, sorted
        let o = stored_order(&[], s(&["z", "y"]));
        assert_eq!(o.order, s(&["y", "z"]));
        assert!(o.missing.is_empty());
    }

    #[test]
    fn a_sentence_of_two_attributions_tagged_whole_resolves_both() {
        // once: each suggestion's words are less than four fifths of the sentence, so a
        // person tagging the whole sentence resolved neither
        let text = "Title line here\nMayor Lena Ortiz said the bridge is safe, and Governor Paul Reyes said the tunnel is not.";
        let mut a = article("two", text);
        let sg = crate::core::pipeline::findings(&a.doc).suggestions;
        assert_eq!(sg.len(), 2, "{sg:?}");
        let start = text.find("Mayor").unwrap();
        a.add_claim(
            "whole".into(),
            Span::new(start, text.len()),
            ClaimFields::default(),
            "t",
        );
        assert!(a.resolve("whole", &sg, "t").is_some());
        for s in &sg {
            assert_eq!(
                a.decision(s.sentence),
                Some(&Decision::Accepted("whole".into()))
            );
        }
    }

    #[test]
    fn a_file_never_leaves_a_suggestion_accepted_as_a_missing_claim() {
        let mut a = article("a", "Title\nOne said two. Three said four.");
        a.add_claim("c1".into(), Span::new(6, 19), ClaimFields::default(), "t");
        let s = a.doc.sentences().to_vec();
        let a = a.with_decisions(vec![
            (s[1], Decision::Accepted("c1".into())),
            (s[2], Decision::Accepted("gone".into())),
        ]);
        assert_eq!(a.decision(s[1]), Some(&Decision::Accepted("c1".into())));
        assert_eq!(a.decision(s[2]), Some(&Decision::Rejected));
    }

    #[test]
    fn entity_fixes_are_checked_kept_sorted_and_move_with_their_words() {
        use crate::core::extract::{extract, Label};
        let mut a = news();
        let t = a.doc.text().to_string();
        let word = |w: &str| {
            let i = t.find(w).unwrap();
            Span::new(i, i + w.len())
        };
        let rev = a.revision;
        // trimmed; refused across blocks and when blank, with nothing changed
        let padded = Span::new(word("Officials").start() - 1, word("Officials").end());
        a.fix_entities(&[padded], Some(Label::Org), "t").unwrap();
        assert_eq!(a.entity_fixes()[0].span, word("Officials"));
        assert!(a.revision > rev);
        let across = Span::new(word("safe").start(), word("Water").end());
        assert_eq!(
            a.fix_entities(&[across], Some(Label::Org), "t"),
            Err(FixError::CrossesBlocks)
        );
        assert_eq!(a.fix_entities(&[], None, "t"), Err(FixError::Empty));
        assert_eq!(
            a.fix_entities(&[Span::new(0, 0)], None, "t"),
            Err(FixError::Empty)
        );
        a.fix_entities(&[word("agency")], None, "t").unwrap();
        assert_eq!(a.entity_fixes().len(), 2);
        let x = extract(&a.doc);
        let fixed = a.entities(&x);
        assert!(fixed
            .mentions
            .iter()
            .any(|m| a.doc.slice(m.span) == "Officials" && m.label == Label::Org));
        // a block brought back before them: they stay on their words
        a.set_block_kept(0, true, "t").unwrap();
        let words: Vec<&str> = a
            .entity_fixes()
            .iter()
            .map(|f| a.doc.slice(f.span))
            .collect();
        assert_eq!(words, ["Officials", "agency"]);
        // no fixes: what was found, borrowed
        let plain = news();
        assert!(matches!(plain.entities(&x), Cow::Borrowed(_)));
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
        assert_eq!(a.describe_end(&c("c2"), &ids, 8), "“Putin…”");
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
            [ClaimLink {
                link: "l1".into(),
                text: "contradicts “Putin said four.”".into(),
                note: "n".into()
            }]
        );
        assert_eq!(
            a.claim_links("c2", &ids),
            [ClaimLink {
                link: "l1".into(),
                text: "contradicts ← “Kyiv said two.”".into(),
                note: "n".into()
            }]
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
        // a relation that does not fit its ends is refused when drawn, kept when read
        let nonsense = link("lx", c("c1"), e("Belgium"), Relation::Contradicts);
        assert_eq!(
            a.add_link(nonsense.clone(), &ids, "t"),
            Err(LinkError::DoesNotFit(Relation::Contradicts))
        );
        let mut old = a.clone();
        old.restore_link(nonsense, &ids).unwrap();
        assert_eq!(old.live_links().count(), a.live_links().count() + 1);
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

    /// An article from a web page: blocks as (kind, text, dropped), the kept ones joined.
    fn page_article(blocks: &[(BlockKind, &str, Option<Dropped>)], metadata: Metadata) -> Article {
        let page: Vec<PageBlock> = blocks
            .iter()
            .map(|(kind, text, dropped)| PageBlock {
                kind: *kind,
                text: text.to_string(),
                dropped: *dropped,
            })
            .collect();
        let parsed = Parsed {
            document: page_document(&page),
            format: Format::Html,
            diagnostics: Vec::new(),
            metadata,
            page,
        };
        Article::new("p".into(), parsed, Some("page.html".into()), "t0")
    }

    const FRAME: Option<Dropped> = Some(Dropped::Frame);
    const JUNK: Option<Dropped> = Some(Dropped::Boilerplate);

    fn news() -> Article {
        use BlockKind::*;
        page_article(
            &[
                (Paragraph, "Home | World | Sport", FRAME),
                (Title, "Dam opens 😀 early", None),
                (
                    Paragraph,
                    "The dam opened on Monday. Officials said it was safe.",
                    None,
                ),
                (Paragraph, "Advertisement", JUNK),
                (
                    Paragraph,
                    "Water levels fell by 3 metres, the agency said.",
                    None,
                ),
                (Paragraph, "Share on X", JUNK),
            ],
            Metadata::default(),
        )
    }

    fn claim_on(a: &mut Article, id: &str, words: &str) {
        let at = a.doc.text().find(words).unwrap();
        a.add_claim(
            id.into(),
            Span::new(at, at + words.len()),
            ClaimFields::default(),
            "t",
        )
        .unwrap();
    }

    fn quotes(a: &Article) -> Vec<(String, String)> {
        a.claims()
            .iter()
            .map(|c| (c.id.clone(), a.doc.slice(c.span).to_string()))
            .collect()
    }

    #[test]
    fn bringing_a_block_back_keeps_claims_on_their_words() {
        let mut a = news();
        claim_on(&mut a, "before", "Officials said it was safe.");
        claim_on(&mut a, "after", "Water levels fell by 3 metres");
        let water = a
            .doc
            .sentence_at(a.doc.text().find("Water").unwrap())
            .unwrap();
        a.decide(water, Some(Decision::Rejected), "t");
        let want = quotes(&a);
        let rev = a.revision;
        a.set_block_kept(3, true, "t1").unwrap();
        assert_eq!(
            a.doc.text(),
            "Dam opens 😀 early\n\nThe dam opened on Monday. Officials said it was safe.\n\nAdvertisement\n\nWater levels fell by 3 metres, the agency said."
        );
        assert_eq!(quotes(&a), want);
        assert_eq!(a.doc.blocks().len(), 4);
        assert!(a.revision > rev && a.modified == "t1");
        assert!(a.page()[3].kept());
        // the decided sentence moved with its words
        let (span, d) = &a.decisions()[0];
        assert_eq!(
            a.doc.slice(*span),
            "Water levels fell by 3 metres, the agency said."
        );
        assert_eq!(*d, Decision::Rejected);
        assert_eq!(a.decision(*span), Some(&Decision::Rejected));
        // frame at the start and boilerplate at the end come back too
        a.set_block_kept(0, true, "t2").unwrap();
        a.set_block_kept(5, true, "t3").unwrap();
        assert!(a
            .doc
            .text()
            .starts_with("Home | World | Sport\n\nDam opens"));
        assert!(a.doc.text().ends_with("the agency said.\n\nShare on X"));
        assert_eq!(quotes(&a), want);
        assert_eq!(check_page(&a.doc, a.page()), Ok(()));
        // and dropping them again gives the first text back, claims where they were
        for i in [0, 3, 5] {
            a.set_block_kept(i, false, "t4").unwrap();
        }
        assert_eq!(a.doc.text(), news().doc.text());
        assert_eq!(quotes(&a), want);
        assert_eq!(a.doc.title(), Some("Dam opens 😀 early"));
    }

    #[test]
    fn dropping_a_block_with_a_claim_is_refused_and_changes_nothing() {
        let mut a = news();
        claim_on(&mut a, "c", "Officials said it was safe.");
        let before = a.clone();
        let e = a.set_block_kept(2, false, "t").unwrap_err();
        assert_eq!(
            e,
            BlockError::HoldsClaims {
                count: 1,
                quote: "Officials said it was safe.".into()
            }
        );
        assert!(e.to_string().contains("holds a claim"), "{e}");
        assert_eq!(a, before);
        // a claim across two blocks holds the one between them too
        let mut a = news();
        a.set_block_kept(3, true, "t").unwrap();
        let t = a.doc.text().to_string();
        let (s, e) = (t.find("Officials").unwrap(), t.find("3 metres").unwrap());
        a.add_claim("x".into(), Span::new(s, e), ClaimFields::default(), "t");
        assert!(matches!(
            a.set_block_kept(3, false, "t"),
            Err(BlockError::HoldsClaims { count: 1, .. })
        ));
        // other blocks can go; the claim stays on its words
        let want = quotes(&a);
        a.set_block_kept(1, false, "t").unwrap();
        assert_eq!(quotes(&a), want);
        assert_eq!(a.doc.title(), None);
    }

    #[test]
    fn a_claim_across_the_place_of_a_returning_block_grows_to_hold_it() {
        let mut a = news();
        let t = a.doc.text().to_string();
        let (s, e) = (t.find("Officials").unwrap(), t.find(" the agency").unwrap());
        a.add_claim("x".into(), Span::new(s, e), ClaimFields::default(), "t");
        a.set_block_kept(3, true, "t").unwrap();
        let q = &quotes(&a)[0].1;
        assert!(
            q.starts_with("Officials") && q.contains("Advertisement") && q.ends_with("metres,"),
            "{q}"
        );
    }

    #[test]
    fn block_changes_that_cannot_be_made_say_why() {
        let mut a = news();
        let rev = a.revision;
        assert_eq!(
            a.set_block_kept(2, true, "t"),
            Ok(()),
            "already kept: nothing to do"
        );
        assert_eq!(a.revision, rev);
        assert_eq!(
            a.set_block_kept(9, true, "t"),
            Err(BlockError::OutOfRange { index: 9, len: 6 })
        );
        let mut text = article("a", "Title\nBody.");
        assert_eq!(text.set_block_kept(0, false, "t"), Err(BlockError::NoPage));
        let mut one = page_article(
            &[
                (BlockKind::Paragraph, "Only.", None),
                (BlockKind::Paragraph, " ", FRAME),
            ],
            Metadata::default(),
        );
        assert_eq!(
            one.set_block_kept(0, false, "t"),
            Err(BlockError::LastBlock)
        );
        assert_eq!(
            one.set_block_kept(1, true, "t"),
            Err(BlockError::Unusable { index: 1 })
        );
        for e in [
            BlockError::LastBlock,
            BlockError::NoPage,
            BlockError::Unusable { index: 1 },
        ] {
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn page_blocks_in_any_script_come_back_whole() {
        use BlockKind::*;
        let mut a = page_article(
            &[
                (Title, "漢字のニュース", None),
                (Paragraph, "נתניהו אמר שהמחירים יעלו.", JUNK),
                (Quote, "مرحبا بالعالم 👩‍👩‍👧", None),
                (Item, "e\u{0301}té 😀", FRAME),
                (Caption, "Фото: агентство", None),
            ],
            Metadata::default(),
        );
        claim_on(&mut a, "q", "بالعالم 👩‍👩‍👧");
        claim_on(&mut a, "cap", "агентство");
        let want = quotes(&a);
        a.set_block_kept(1, true, "t").unwrap();
        a.set_block_kept(3, true, "t").unwrap();
        assert_eq!(quotes(&a), want);
        assert_eq!(a.doc.blocks()[1].kind, Paragraph);
        assert_eq!(a.doc.blocks()[3].kind, Item);
        assert_eq!(a.doc.slice(a.doc.blocks()[3].span), "e\u{0301}té 😀");
        for c in a.claims() {
            assert!(c.span.is_valid_in(a.doc.text()));
        }
        a.set_block_kept(1, false, "t").unwrap();
        assert_eq!(quotes(&a), want);
    }

    #[test]
    fn the_headline_names_an_article_without_a_title() {
        let m = Metadata {
            headline: Some("  Dam opens   early ".into()),
            ..Default::default()
        };
        let a = page_article(
            &[(BlockKind::Paragraph, "The dam opened.", None)],
            m.clone(),
        );
        assert_eq!(a.name, "Dam opens early");
        assert_eq!(a.metadata(), &m);
        // a title in the text wins
        let a = page_article(
            &[
                (BlockKind::Title, "Dam", None),
                (BlockKind::Paragraph, "Text.", None),
            ],
            m,
        );
        assert_eq!(a.name, "Dam");
    }

    #[test]
    fn editing_details_bumps_the_revision_and_renames_only_unchosen_names() {
        let mut a = article("a", "No title here, just text.");
        assert!(a.metadata().is_empty());
        assert!(a.page().is_empty());
        let rev = a.revision;
        let m = Metadata {
            headline: Some("A headline".into()),
            authors: vec!["Ana Lima".into()],
            ..Default::default()
        };
        assert!(a.set_metadata(m.clone(), "t1"));
        assert_eq!(a.revision, rev + 1);
        assert_eq!(a.name, "A headline");
        assert!(!a.set_metadata(m.clone(), "t2"), "no change");
        assert_eq!(a.revision, rev + 1);
        // a name the person chose stays
        a.rename("My name", "t3");
        let m2 = Metadata {
            headline: Some("Another".into()),
            ..m
        };
        assert!(a.set_metadata(m2, "t4"));
        assert_eq!(a.name, "My name");
    }

    #[test]
    fn a_page_that_does_not_match_its_document_is_named() {
        let a = news();
        let mut page = a.page().to_vec();
        page[2].text = "Something else.".into();
        assert!(matches!(
            check_page(&a.doc, &page),
            Err(PageMismatch::Block { index: 1, .. })
        ));
        page[2].dropped = FRAME;
        assert_eq!(
            check_page(&a.doc, &page),
            Err(PageMismatch::Count { kept: 2, blocks: 3 })
        );
        assert_eq!(check_page(&a.doc, &[]), Ok(()));
        let mut kinds = a.page().to_vec();
        kinds[2].kind = BlockKind::Quote;
        assert!(check_page(&a.doc, &kinds).is_err());
        // a document with other text between its blocks
        let (doc, _) = Document::new(
            "A\n\n\nB".into(),
            vec![
                Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(0, 1),
                },
                Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(4, 5),
                },
            ],
        );
        let page = ["A", "B"].map(|t| PageBlock {
            kind: BlockKind::Paragraph,
            text: t.into(),
            dropped: None,
        });
        assert_eq!(check_page(&doc, &page), Err(PageMismatch::Text));
        assert!(PageMismatch::Text.to_string().contains("text"));
        // the parser's page is dropped rather than trusted when it does not match
        let mut p = crate::core::parse::parse_str(
            "<article><p>One of two paragraphs.</p><p>Two of two paragraphs.</p></article>",
            Some(Format::Html),
        );
        assert!(!p.page.is_empty());
        assert_eq!(check_page(&p.document, &p.page), Ok(()));
        let first = p.page.iter().position(|b| b.kept()).unwrap();
        p.page[first].text = "Uno.".into();
        assert!(Article::new("x".into(), p, None, "t").page().is_empty());
    }

    #[test]
    fn rename_normalises_and_refuses_empty() {
        let mut a = article("a", "Title\nBody.");
        assert!(!a.rename("   ", "t"));
        assert!(a.rename("  New   name ", "t"));
        assert_eq!(a.name, "New name");
    }
}
