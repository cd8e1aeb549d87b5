//! The W3C Web Annotation Data Model (JSON-LD), out and in.
//!
//! Out: an article's claims as an `AnnotationCollection` whose one page holds an
//! `Annotation` per claim. Each targets a `SpecificResource`: the article's canonical URL
//! where it has one (else `urn:gloss:article:<id>`), with a `TextQuoteSelector` and a
//! `TextPositionSelector` in code points. Its bodies:
//! - the claimant: a `TextualBody` with the purpose `identifying`;
//! - the claim type and the verdict: `SpecificResource`s with the purpose `classifying`
//!   whose `source` is `urn:gloss:claim-type:<id>` or `urn:gloss:verdict:<id>`, with the
//!   scale's label as `label` for a person reading the file;
//! - the note: a `TextualBody` with the purpose `commenting`;
//! - each tag: a `TextualBody` with the purpose `tagging`;
//! - each piece of evidence: a `SpecificResource` with the purpose `linking`, its `source`
//!   the address and its `label` what it shows.
//!
//! With `creator` (a `Person` with the annotator's name), `created`, `modified` and
//! `generator` (Gloss). The annotation-model test suite's schemas check the output
//! (`tests/w3c.rs`).
//!
//! In: a collection, a page, a list or one annotation, from Gloss or any other tool, and
//! the export shapes of Hypothesis (its API's annotations, alone, as a list or as `rows`)
//! and Recogito (W3C annotations with `commenting`, `tagging` and `classifying` bodies).
//! Each annotation with a text quote or a position becomes an `Incoming` claim for
//! `core::carry`, which finds its words in the article; any other is counted as skipped,
//! with why. Everything read is text: nothing is evaluated or rendered.

use crate::core::anchor::{quote, Quote};
use crate::core::annotation::{Claim, ClaimFields, ClaimType};
use crate::core::carry::Incoming;
use crate::core::excerpt;
use crate::core::library::Article;
use crate::core::offsets::{CharIndex, CharSpan, Span};
use crate::core::rating::{Evidence, Scale, Verdict};
use serde_json::{json, Map, Value};
use std::fmt;

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const TYPE_IRI: &str = "urn:gloss:claim-type:";
const VERDICT_IRI: &str = "urn:gloss:verdict:";
/// Files larger than this are refused before they are read.
pub const MAX_BYTES: usize = crate::core::format::MAX_IMPORT_BYTES;

/// The article's claims as a W3C `AnnotationCollection` (pretty JSON-LD).
pub fn export_collection(a: &Article, scale: &Scale, exported: &str) -> String {
    let items: Vec<Value> = annotations(a, scale, exported);
    let id = format!("urn:gloss:collection:{}", iri_part(&a.id));
    let doc = json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": format!("Claims in “{}”", a.name),
        "total": items.len(),
        "generated": exported,
        "generator": generator(),
        "first": {
            "id": format!("{id}:page1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Each claim as a standalone W3C `Annotation` (each with its own `@context`), then each
/// claim waiting to be placed (an orphan), whose target has its quote and no position.
pub fn annotations(a: &Article, scale: &Scale, exported: &str) -> Vec<Value> {
    let text = a.doc.text();
    let idx = CharIndex::new(text);
    let source = source_of(a);
    let placed = a.claims().iter().map(|c| {
        let CharSpan { start, end } = idx.to_chars(c.span);
        annotation(
            a,
            c,
            quote(text, c.span),
            Some((start, end)),
            &source,
            scale,
            exported,
        )
    });
    let waiting = a
        .orphans()
        .iter()
        .map(|o| annotation(a, &o.claim, o.quote.clone(), None, &source, scale, exported));
    placed.chain(waiting).collect()
}

/// Whether `source` (an annotation target's) names this article: its web address, or the
/// IRI Gloss's export gives an article without one.
pub fn targets(a: &Article, source: &str) -> bool {
    source == source_of(a) || a.metadata().url.as_deref() == Some(source)
}

/// The IRI the annotations target: the article's canonical web address when it has one.
fn source_of(a: &Article) -> String {
    match a
        .metadata()
        .url
        .as_deref()
        .and_then(crate::core::details::link_url)
    {
        Some(url) => url.to_string(),
        None => format!("urn:gloss:article:{}", iri_part(&a.id)),
    }
}

fn generator() -> Value {
    json!({
        "id": "urn:gloss:software",
        "type": "Software",
        "name": concat!("Gloss ", env!("CARGO_PKG_VERSION")),
    })
}

/// One claim as an `Annotation`: its quote, and where it is (code points) unless it waits
/// to be placed.
fn annotation(
    a: &Article,
    c: &Claim,
    q: Quote,
    at: Option<(usize, usize)>,
    source: &str,
    scale: &Scale,
    exported: &str,
) -> Value {
    let f = &c.fields;
    let mut body = Vec::new();
    if !f.claimant.trim().is_empty() {
        body.push(textual("identifying", &f.claimant));
    }
    body.push(json!({
        "type": "SpecificResource",
        "purpose": "classifying",
        "source": format!("{TYPE_IRI}{}", f.kind.as_str()),
        "label": f.kind.label(),
    }));
    body.push(json!({
        "type": "SpecificResource",
        "purpose": "classifying",
        "source": format!("{VERDICT_IRI}{}", f.status.as_str()),
        "label": scale.label(&f.status),
    }));
    if !f.note.trim().is_empty() {
        body.push(textual("commenting", &f.note));
    }
    for t in &f.tags {
        body.push(textual("tagging", t));
    }
    for e in f.evidence.iter().filter(|e| e.link().is_some()) {
        let mut link = json!({
            "type": "SpecificResource",
            "purpose": "linking",
            "source": e.url,
        });
        if !e.note.is_empty() {
            link["label"] = Value::String(e.note.clone());
        }
        body.push(link);
    }
    let created = when(&c.created, exported);
    let mut anno = json!({
        "@context": CONTEXT,
        "id": format!("urn:gloss:claim:{}:{}", iri_part(&a.id), iri_part(&c.id)),
        "type": "Annotation",
        "motivation": "assessing",
        "created": created,
        "modified": when(&c.modified, created),
        "generator": generator(),
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": q.exact,
                    "prefix": q.prefix,
                    "suffix": q.suffix,
                },
            ],
        },
    });
    if let (Some((start, end)), Some(Value::Array(sel))) =
        (at, anno.pointer_mut("/target/selector"))
    {
        sel.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
    }
    if let Some(name) = c.creator.as_deref().filter(|n| !n.trim().is_empty()) {
        anno["creator"] = json!({ "type": "Person", "name": name });
    }
    anno
}

fn textual(purpose: &str, value: &str) -> Value {
    json!({ "type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain" })
}

/// A timestamp as the model wants it (xsd:dateTime); an empty one (claims from old files)
/// is the export's time.
fn when<'a>(t: &'a str, fallback: &'a str) -> &'a str {
    if t.trim().is_empty() {
        fallback
    } else {
        t
    }
}

/// An id made safe inside an IRI: letters, digits and `-._~` kept, the rest percent-encoded.
fn iri_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Which tool a file of annotations came from, as far as its shape tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Gloss,
    Hypothesis,
    Recogito,
    /// Any other W3C Web Annotation producer.
    Other,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::Gloss => "Gloss",
            Tool::Hypothesis => "Hypothesis",
            Tool::Recogito => "Recogito",
            Tool::Other => "W3C Web Annotation",
        }
    }
}

/// Annotations read from a file, ready to be placed on an article by `core::carry`.
#[derive(Debug)]
pub struct Annotations {
    pub tool: Tool,
    /// The web address (or Gloss article IRI) most of them target, if any.
    pub source: Option<String>,
    pub items: Vec<Incoming>,
    /// Annotations that could not become claims, each with why (a page note, no text).
    pub skipped: Vec<String>,
}

/// Why a file could not be read as annotations. Nothing is changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum W3cError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        detail: String,
    },
    /// JSON, but neither W3C annotations nor Hypothesis's or Recogito's.
    NotAnnotations,
    /// Annotations, but none of them on a text quote or position.
    NothingToPlace {
        skipped: usize,
    },
}

impl fmt::Display for W3cError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            W3cError::TooLarge { bytes } => write!(
                f,
                "The file is {} MB; annotation files up to {} MB can be read.",
                bytes / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            W3cError::NotJson { detail } => write!(f, "The file is not valid JSON ({detail})."),
            W3cError::NotAnnotations => f.write_str(
                "The file holds no web annotations (W3C, Hypothesis or Recogito) that Gloss can read.",
            ),
            W3cError::NothingToPlace { skipped } => write!(
                f,
                "None of the file's {skipped} annotation{} is on a passage of text, so there is nothing to place.",
                if *skipped == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Whether some JSON text looks like web annotations rather than a Gloss file or backup.
pub fn looks_like_annotations(s: &str) -> bool {
    let head: String = s.trim_start().chars().take(2000).collect();
    (head.starts_with('{') || head.starts_with('['))
        && (head.contains("\"Annotation")
            || head.contains("anno.jsonld")
            || head.contains("\"rows\"")
            || (head.contains("\"target\"") && head.contains("\"selector\"")))
}

/// Reads web annotations. All or nothing: an error changes nothing.
pub fn import(bytes: &[u8]) -> Result<Annotations, W3cError> {
    if bytes.len() > MAX_BYTES {
        return Err(W3cError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let v: Value = serde_json::from_slice(bytes).map_err(|e| W3cError::NotJson {
        detail: e.to_string(),
    })?;
    let list = items_of(&v).ok_or(W3cError::NotAnnotations)?;
    let tool = tool_of(list);
    let mut out = Annotations {
        tool,
        source: None,
        items: Vec::new(),
        skipped: Vec::new(),
    };
    let mut sources: Vec<(String, usize)> = Vec::new();
    for (n, item) in list.iter().enumerate() {
        match read_one(item, n, tool) {
            Ok((incoming, source)) => {
                if let Some(s) = source {
                    match sources.iter_mut().find(|(k, _)| *k == s) {
                        Some((_, c)) => *c += 1,
                        None => sources.push((s, 1)),
                    }
                }
                out.items.push(incoming);
            }
            Err(why) => out.skipped.push(why),
        }
    }
    if out.items.is_empty() {
        return Err(if out.skipped.is_empty() {
            W3cError::NotAnnotations
        } else {
            W3cError::NothingToPlace {
                skipped: out.skipped.len(),
            }
        });
    }
    out.source = sources
        .into_iter()
        .fold(None::<(String, usize)>, |best, (s, c)| match best {
            Some((b, bc)) if bc >= c => Some((b, bc)),
            _ => Some((s, c)),
        })
        .map(|(s, _)| s);
    Ok(out)
}

/// The annotations in whatever shape holds them.
fn items_of(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Array(a) => Some(a),
        Value::Object(o) => {
            // a collection's first page, a page, Hypothesis's search result
            if let Some(first) = o.get("first").filter(|f| f.is_object()) {
                return items_of(first);
            }
            for key in ["items", "rows", "annotations"] {
                if let Some(Value::Array(a)) = o.get(key) {
                    return Some(a);
                }
            }
            (o.contains_key("target") || o.contains_key("selector"))
                .then_some(std::slice::from_ref(v))
        }
        _ => None,
    }
}

fn tool_of(list: &[Value]) -> Tool {
    let Some(first) = list.first() else {
        return Tool::Other;
    };
    let s = |k: &str| first.get(k).and_then(Value::as_str).unwrap_or("");
    let generator = first
        .get("generator")
        .and_then(|g| g.get("name").or(Some(g)))
        .and_then(Value::as_str)
        .unwrap_or("");
    if generator.starts_with("Gloss") || s("id").starts_with("urn:gloss:") {
        Tool::Gloss
    } else if first.get("uri").is_some() && first.get("user").is_some() {
        Tool::Hypothesis
    } else if generator.to_ascii_lowercase().contains("recogito") || s("id").contains("recogito") {
        Tool::Recogito
    } else {
        Tool::Other
    }
}

/// One annotation as a claim arriving, with the source it targets; or why it is skipped.
fn read_one(item: &Value, n: usize, tool: Tool) -> Result<(Incoming, Option<String>), String> {
    let Some(o) = item.as_object() else {
        return Err(format!("item {} is not an annotation", n + 1));
    };
    let (quote, was, source) = read_target(o).ok_or_else(|| {
        format!(
            "annotation {} is not on a passage of text (it has no text quote or position)",
            n + 1
        )
    })?;
    let mut fields = ClaimFields::default();
    let mut notes: Vec<String> = Vec::new();
    let bodies = o.get("body").map(as_list).unwrap_or_default();
    for b in bodies {
        read_body(b, &mut fields, &mut notes);
    }
    // bodyValue: a note; Hypothesis: `text` and `tags`
    if let Some(v) = o.get("bodyValue").and_then(Value::as_str) {
        notes.push(v.to_string());
    }
    if tool == Tool::Hypothesis {
        if let Some(v) = o.get("text").and_then(Value::as_str) {
            notes.push(v.to_string());
        }
        for t in o.get("tags").map(as_list).unwrap_or_default() {
            add_tag(&mut fields.tags, t.as_str().unwrap_or(""));
        }
    }
    fields.note = notes
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let creator = read_creator(o.get("creator").or_else(|| o.get("user")));
    let text_of = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let modified = match text_of("modified") {
        m if m.is_empty() => text_of("updated"),
        m => m,
    };
    let claim = Claim {
        id: claim_id(&text_of("id"), n),
        span: Span::new(0, 0),
        fields,
        created: text_of("created"),
        modified,
        creator,
    };
    Ok((Incoming { claim, quote, was }, source))
}

/// The target's quote (or, with a position alone, an empty quote the position fills in),
/// where it was, and its source.
fn read_target(o: &Map<String, Value>) -> Option<(Quote, Option<CharSpan>, Option<String>)> {
    let targets = o.get("target").map(as_list).unwrap_or_default();
    for t in targets {
        let source = t
            .get("source")
            .and_then(|s| s.as_str().or_else(|| s.get("id").and_then(Value::as_str)))
            .map(str::to_string);
        let mut q = None;
        let mut pos = None;
        for s in t.get("selector").map(as_list).unwrap_or_default() {
            read_selector(s, &mut q, &mut pos);
        }
        if q.is_some() || pos.is_some() {
            let q = q.unwrap_or(Quote {
                exact: String::new(),
                prefix: String::new(),
                suffix: String::new(),
            });
            return Some((q, pos, source));
        }
    }
    None
}

fn read_selector(s: &Value, q: &mut Option<Quote>, pos: &mut Option<CharSpan>) {
    let text = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    match s.get("type").and_then(Value::as_str) {
        Some("TextQuoteSelector") if q.is_none() && !text("exact").is_empty() => {
            *q = Some(Quote {
                exact: text("exact"),
                prefix: text("prefix"),
                suffix: text("suffix"),
            })
        }
        Some("TextPositionSelector") if pos.is_none() => {
            let n = |k: &str| {
                s.get(k)
                    .and_then(Value::as_u64)
                    .and_then(|v| usize::try_from(v).ok())
            };
            if let (Some(start), Some(end)) = (n("start"), n("end")) {
                if start <= end {
                    *pos = Some(CharSpan { start, end });
                }
            }
        }
        // a selector refined by another (Hypothesis nests none; others may)
        _ => {}
    }
    if let Some(r) = s.get("refinedBy") {
        read_selector(r, q, pos);
    }
}

fn read_body(b: &Value, f: &mut ClaimFields, notes: &mut Vec<String>) {
    let purposes: Vec<&str> = b
        .get("purpose")
        .map(as_list)
        .unwrap_or_default()
        .into_iter()
        .filter_map(Value::as_str)
        .collect();
    let purpose = purposes.first().copied().unwrap_or("");
    let value = b.get("value").and_then(Value::as_str).map(str::trim);
    let source = b
        .get("source")
        .and_then(|s| s.as_str().or_else(|| s.get("id").and_then(Value::as_str)))
        .or_else(|| b.get("id").and_then(Value::as_str))
        .unwrap_or("");
    let label = b.get("label").and_then(Value::as_str).unwrap_or("").trim();
    match (purpose, value) {
        ("identifying", Some(v)) if f.claimant.is_empty() => f.claimant = v.to_string(),
        ("tagging", Some(v)) => add_tag(&mut f.tags, v),
        ("classifying", Some(v)) => add_tag(&mut f.tags, v),
        ("classifying", None) => {
            if let Some(k) = source.strip_prefix(TYPE_IRI).and_then(ClaimType::parse) {
                f.kind = k;
            } else if let Some(v) = source.strip_prefix(VERDICT_IRI).and_then(Verdict::new) {
                f.status = v;
            } else if !label.is_empty() {
                add_tag(&mut f.tags, label);
            }
        }
        ("linking", _) | (_, None) if crate::core::details::link_url(source).is_some() => {
            f.evidence.push(Evidence {
                url: source.to_string(),
                note: value.unwrap_or(label).to_string(),
            })
        }
        // commenting, replying, describing, or no purpose: what the person wrote
        (_, Some(v)) if !v.is_empty() => notes.push(v.to_string()),
        _ => {}
    }
}

fn add_tag(tags: &mut Vec<String>, t: &str) {
    let t = excerpt(t.trim(), 80);
    if !t.is_empty() && !tags.contains(&t) {
        tags.push(t);
    }
}

/// A creator as a name: a string, an agent's `name` or `nickname`, or Hypothesis's
/// `acct:name@host`.
fn read_creator(v: Option<&Value>) -> Option<String> {
    let v = v?;
    let v = match v {
        Value::Array(a) => a.first()?,
        v => v,
    };
    let name = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => ["name", "nickname", "id"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))?,
        _ => return None,
    };
    let name = name
        .strip_prefix("acct:")
        .map(|a| a.split('@').next().unwrap_or(a))
        .unwrap_or(name)
        .trim();
    (!name.is_empty()).then(|| excerpt(name, 80))
}

/// A claim id from an annotation's IRI: Gloss's own claim id back, else a short, stable
/// id made from the IRI (`w` and its FNV-1a hash), else one from its place in the file.
fn claim_id(iri: &str, n: usize) -> String {
    if let Some(rest) = iri.strip_prefix("urn:gloss:claim:") {
        if let Some((_, claim)) = rest.rsplit_once(':') {
            let id = percent_decode(claim);
            if !id.is_empty() {
                return id;
            }
        }
    }
    if iri.is_empty() {
        format!("w{}", n + 1)
    } else {
        format!(
            "w{:x}",
            crate::core::stored::fnv1a64(iri.as_bytes()) & 0xffff_ffff_ffff
        )
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |x: u8| (x as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).and_then(|x| hex(*x)),
            b.get(i + 2).and_then(|x| hex(*x)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (x, _, _) => {
                out.push(x);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        v => vec![v],
    }
}

#[cfg(test)]
mod tests;
