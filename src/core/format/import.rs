//! A file to an article: all or nothing.

use super::error::short;
use super::schema::*;
use super::*;
use crate::core::anchor::{verify, Quote};
use crate::core::annotation::{Claim, ClaimFields};
use crate::core::carry::{carry, Incoming, Orphan};
use crate::core::document::{Block, Document};
use crate::core::fixes::{parse_label, EntityFix};
use crate::core::library::{Article, Decision};
use crate::core::offsets::{CharIndex, CharSpan, Span};
use crate::core::rating::Scale;
use crate::core::relations::{End, Identities, Link, Relation};

/// Reads a Gloss article file. All or nothing: any problem gives an `ImportError`.
pub fn import_article(bytes: &[u8]) -> Result<Article, ImportError> {
    import_file(bytes).map(|f| f.article)
}

/// What an article file holds: the article, and what it carries for the library.
#[derive(Debug)]
pub struct Imported {
    pub article: Article,
    /// The entity identities (to be absorbed into the library's).
    pub identities: Identities,
    /// The rating scale its verdicts come from (version 5 files written for people).
    pub scale: Option<Scale>,
    /// How many claims were not at their offsets and were found again by their quotes
    /// (the article's `orphans` are those that were not).
    pub placed_again: usize,
}

/// Reads a Gloss article file with the entity identities and the rating scale it
/// carries. All or nothing.
pub fn import_file(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    // First the envelope (format, version, unit), read leniently so that each problem gets
    // its own message; then the whole file, typed.
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ImportError::NotGloss,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            detail: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or("")
                .to_string(),
        },
    })?;
    match probe.format {
        Some(Loose::Str(f)) if f == FORMAT_NAME => {}
        Some(Loose::Str(f)) => return Err(ImportError::WrongFormat { found: f }),
        _ => return Err(ImportError::NotGloss),
    }
    let version = match probe.version {
        Some(Loose::Int(v)) if v >= 1 => v,
        _ => return Err(ImportError::BadVersion),
    };
    if version > FORMAT_VERSION {
        return Err(ImportError::NewerVersion { found: version });
    }
    match probe.offset_unit {
        Some(Loose::Str(u)) if u == OFFSET_UNIT => {}
        Some(Loose::Str(u)) => return Err(ImportError::BadUnit { found: u }),
        _ => {
            return Err(ImportError::Invalid {
                detail: "missing field `offsetUnit`".into(),
            })
        }
    }
    let file: ArticleFile = serde_json::from_slice(bytes).map_err(|e| ImportError::Invalid {
        detail: e.to_string(),
    })?;
    from_file(file, version)
}

pub(super) fn from_file(file: ArticleFile, version: u64) -> Result<Imported, ImportError> {
    // the scale the verdicts come from: the file's own (v5), else the built-in statuses,
    // which were the only verdicts before version 5
    let scale = file.rating_scale;
    let statuses = Scale::statuses();
    let known = match (&scale, version) {
        (Some(s), _) => Some(s),
        (None, v) if v < 5 => Some(&statuses),
        // the library's own records: any verdict id, the library's scale names it
        (None, _) => None,
    };
    let fa = file.article;
    let text = fa.text;
    let idx = CharIndex::new(&text);
    let len = idx.len_chars();
    let mut blocks = Vec::with_capacity(fa.blocks.len());
    for b in &fa.blocks {
        match idx.to_bytes(CharSpan {
            start: b.start,
            end: b.end,
        }) {
            Some(span) => blocks.push(Block { kind: b.kind, span }),
            None => {
                return Err(ImportError::BlockOutOfRange {
                    start: b.start,
                    end: b.end,
                    len,
                })
            }
        }
    }
    let mut claims: Vec<Claim> = Vec::with_capacity(file.annotations.len());
    // claims whose quote is not at their offsets (the text was re-saved, a word or its
    // white space changed): found again by quote
    let mut wandering: Vec<Incoming> = Vec::new();
    // claims the file lists as orphans stay orphans: they were looked for on this very
    // text (near where they were) and not found, so looking again, with no place to look
    // near, would place them elsewhere; the person places them (`Article::place_orphan`),
    // and a file read and written again is the same file
    let mut kept_orphans: Vec<Orphan> = Vec::new();
    let mut seen: Vec<String> = Vec::with_capacity(file.annotations.len());
    let orphans = file.orphans.into_iter().map(|an| (an, true));
    for (an, orphan) in file
        .annotations
        .into_iter()
        .map(|an| (an, false))
        .chain(orphans)
    {
        if an.kind != "claim" {
            return Err(ImportError::Invalid {
                detail: format!(
                    "annotation \"{}\" has the unknown type \"{}\"",
                    short(&an.id),
                    short(&an.kind)
                ),
            });
        }
        if seen.contains(&an.id) {
            return Err(ImportError::DuplicateId { annotation: an.id });
        }
        seen.push(an.id.clone());
        let mut pos = None;
        let mut q = None;
        for s in an.target.selector {
            match s {
                Selector::TextPositionSelector { start, end } => pos = Some((start, end)),
                Selector::TextQuoteSelector {
                    exact,
                    prefix,
                    suffix,
                } => {
                    q = Some(Quote {
                        exact,
                        prefix,
                        suffix,
                    })
                }
            }
        }
        // an orphan needs only its quote; a claim, its place as well
        let Some(q) = q.filter(|_| orphan || pos.is_some()) else {
            return Err(ImportError::MissingSelector { annotation: an.id });
        };
        if let Some(k) = known.filter(|k| k.get(&an.status).is_none()) {
            let names: Vec<&str> = k.ratings().iter().map(|r| r.id.as_str()).collect();
            return Err(ImportError::Invalid {
                detail: format!(
                    "annotation \"{}\" has the verdict \"{}\", which is not on the file's rating scale ({})",
                    short(&an.id),
                    an.status.as_str(),
                    names.join(", ")
                ),
            });
        }
        let was = pos.map(|(start, end)| CharSpan { start, end });
        let span = was
            .and_then(|w| idx.to_bytes(w))
            .filter(|s| verify(&text, *s, &q));
        let claim = Claim {
            id: an.id,
            span: span.unwrap_or(Span::new(0, 0)),
            fields: ClaimFields {
                claimant: an.claimant,
                kind: an.claim_type,
                status: an.status,
                note: an.note,
                tags: an.tags,
                evidence: an.evidence,
            },
            created: an.created,
            modified: an.modified,
            creator: an.creator,
        };
        match span {
            _ if orphan => kept_orphans.push(Orphan {
                claim: Claim {
                    span: Span::new(0, 0),
                    ..claim
                },
                quote: q,
            }),
            Some(_) => claims.push(claim),
            None => wandering.push(Incoming {
                claim,
                quote: q,
                was,
            }),
        }
    }
    // found again where the words now are, or kept as orphans
    let carried = carry(&text, wandering);
    let placed_again = carried.placed.len();
    claims.extend(carried.placed);
    let mut decisions = Vec::new();
    for sg in &file.suggestions {
        let span = match idx.to_bytes(CharSpan {
            start: sg.start,
            end: sg.end,
        }) {
            Some(span) => span,
            None => {
                return Err(ImportError::OffsetsOutOfRange {
                    annotation: format!("suggestion {}–{}", sg.start, sg.end),
                    start: sg.start,
                    end: sg.end,
                    len,
                })
            }
        };
        match (sg.decision, &sg.claim) {
            (FileDecision::Accepted, Some(id)) => {
                decisions.push((span, Decision::Accepted(id.clone())))
            }
            (FileDecision::Rejected, _) => decisions.push((span, Decision::Rejected)),
            (FileDecision::Pending, _) | (FileDecision::Accepted, None) => {}
        }
    }
    let mut fixes = Vec::with_capacity(file.entity_decisions.len());
    for d in &file.entity_decisions {
        let name = || format!("entity decision {}–{}", d.start, d.end);
        let span = match idx.to_bytes(CharSpan {
            start: d.start,
            end: d.end,
        }) {
            Some(span) if !span.is_empty() => span,
            _ => {
                return Err(ImportError::OffsetsOutOfRange {
                    annotation: name(),
                    start: d.start,
                    end: d.end,
                    len,
                })
            }
        };
        let found = span.slice(&text).unwrap_or("");
        if found != d.text {
            return Err(ImportError::QuoteMismatch {
                annotation: name(),
                expected: d.text.clone(),
                found: found.to_string(),
            });
        }
        let label = match d.label.as_str() {
            "none" => None,
            l => Some(parse_label(l).ok_or_else(|| ImportError::Invalid {
                detail: format!("{} has the unknown class \"{}\"", name(), short(l)),
            })?),
        };
        fixes.push(EntityFix { span, label });
    }
    let ids = Identities::from_entries(
        file.entities
            .iter()
            .map(|e| (e.name.as_str(), e.entity.as_str())),
    );
    let (doc, _repairs) = Document::new(text, blocks);
    let mut article = Article::restore(
        fa.id,
        fa.name,
        fa.source_format,
        fa.source_name,
        fa.created,
        fa.modified,
        doc,
        claims,
    )
    .with_decisions(decisions)
    .with_entity_fixes(fixes)
    .with_page(fa.metadata, fa.page)
    .map_err(ImportError::PageMismatch)?
    .with_orphans(carried.orphans.into_iter().chain(kept_orphans).collect());
    // links are checked by the same rules as drawing one
    let mut ids_seen: Vec<String> = Vec::with_capacity(file.links.len());
    for fl in file.links {
        let bad = |why: String| ImportError::Invalid {
            detail: format!("link \"{}\" {why}", short(&fl.id)),
        };
        if ids_seen.contains(&fl.id) {
            return Err(bad("appears twice".into()));
        }
        ids_seen.push(fl.id.clone());
        let kind = Relation::parse(&fl.kind)
            .ok_or_else(|| bad(format!("has the unknown type \"{}\"", short(&fl.kind))))?;
        let end = |e: FileEnd| match e {
            FileEnd::Claim(id) => End::Claim(id),
            FileEnd::Entity(n) => End::Entity(n),
        };
        let link = Link {
            id: fl.id.clone(),
            from: end(fl.from),
            to: end(fl.to),
            kind,
            note: fl.note,
            created: fl.created,
        };
        article
            .restore_link(link, &ids)
            .map_err(|e| bad(format!("is not valid: {e}")))?;
    }
    Ok(Imported {
        article,
        identities: ids,
        scale,
        placed_again,
    })
}
