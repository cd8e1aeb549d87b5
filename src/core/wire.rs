//! A parsed article as bytes, for the way back from the parsing worker (`web::worker`) to
//! the page: the text and the block and sentence offsets as they are (little-endian `u32`s),
//! so taking it in is a copy and a check, not a parse; the metadata and the page blocks as
//! JSON, written and read by the article file's own code (so the app carries no second
//! copy of it); then the article's stored record, when the worker made one. `decode`
//! checks everything (the bytes cross a boundary) and never panics.
//!
//! Layout: `GLW1`, the format (`u8`), the diagnostics (count, then severity `u8` and
//! message each), then `u32` length + bytes for each of: metadata and page JSON, text,
//! blocks (kind `u8`, start, end), sentences (start, end), record (length `u32::MAX`: none).

use crate::core::document::{Block, BlockKind, Diagnostic, Document, Severity};
use crate::core::format::{export_article, read_metadata, read_page};
use crate::core::library::Article;
use crate::core::offsets::Span;
use crate::core::page::{Metadata, PageBlock};
use crate::core::parse::{parse_bytes, Format, Parsed};
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 4] = b"GLW1";
const NONE: u32 = u32::MAX;

#[derive(Serialize)]
struct HeadOut<'a> {
    metadata: &'a Metadata,
    page: &'a [PageBlock],
}

#[derive(Deserialize)]
struct HeadIn {
    #[serde(deserialize_with = "read_metadata")]
    metadata: Metadata,
    #[serde(deserialize_with = "read_page")]
    page: Vec<PageBlock>,
}

const FORMATS: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];
const SEVERITIES: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

/// Why bytes could not be read back (a bug or a mismatched build, never the person's).
#[derive(Debug, PartialEq, Eq)]
pub struct WireError(pub &'static str);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the parsed article came back damaged ({})", self.0)
    }
}

const KINDS: [BlockKind; 7] = [
    BlockKind::Title,
    BlockKind::Heading,
    BlockKind::Paragraph,
    BlockKind::Item,
    BlockKind::Quote,
    BlockKind::Pre,
    BlockKind::Caption,
];

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

/// `parsed` (and the article's record, if made) as bytes.
pub fn encode(parsed: &Parsed, record: Option<&str>) -> Vec<u8> {
    let doc = &parsed.document;
    // (pretty, as the article file is written: the same code)
    let head = serde_json::to_string_pretty(&HeadOut {
        metadata: &parsed.metadata,
        page: &parsed.page,
    })
    .unwrap_or_default();
    let mut out = Vec::with_capacity(
        32 + head.len()
            + doc.text().len()
            + 9 * doc.blocks().len()
            + 8 * doc.sentences().len()
            + record.map_or(0, str::len),
    );
    out.extend_from_slice(MAGIC);
    // (matches, so a new variant must be given its byte; `decode` reads them by place
    // in `FORMATS`, `SEVERITIES` and `KINDS`)
    out.push(match parsed.format {
        Format::Text => 0,
        Format::Markdown => 1,
        Format::Html => 2,
    });
    put_len(&mut out, parsed.diagnostics.len());
    for d in &parsed.diagnostics {
        out.push(match d.severity {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Error => 2,
        });
        put_len(&mut out, d.message.len());
        out.extend_from_slice(d.message.as_bytes());
    }
    put_len(&mut out, head.len());
    out.extend_from_slice(head.as_bytes());
    put_len(&mut out, doc.text().len());
    out.extend_from_slice(doc.text().as_bytes());
    put_len(&mut out, doc.blocks().len());
    for b in doc.blocks() {
        out.push(match b.kind {
            BlockKind::Title => 0,
            BlockKind::Heading => 1,
            BlockKind::Paragraph => 2,
            BlockKind::Item => 3,
            BlockKind::Quote => 4,
            BlockKind::Pre => 5,
            BlockKind::Caption => 6,
        });
        put_len(&mut out, b.span.start());
        put_len(&mut out, b.span.end());
    }
    put_len(&mut out, doc.sentences().len());
    for s in doc.sentences() {
        put_len(&mut out, s.start());
        put_len(&mut out, s.end());
    }
    match record {
        Some(r) => {
            put_len(&mut out, r.len());
            out.extend_from_slice(r.as_bytes());
        }
        None => out.extend_from_slice(&NONE.to_le_bytes()),
    }
    out
}

/// What the parsing worker does with an input: parses it, makes the article the page will
/// make from it (same id, source and time: `Article::new` is deterministic) and that
/// article's stored record, and returns both as bytes. No record for an input the page
/// refuses (an error, or no text).
pub fn parse_for_page(
    bytes: &[u8],
    format: Option<Format>,
    source_name: Option<String>,
    id: &str,
    now: &str,
) -> Vec<u8> {
    let parsed = parse_bytes(bytes, format);
    let refused = parsed.document.blocks().is_empty()
        || parsed
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
    let record = (!refused).then(|| {
        let article = Article::new(id.to_string(), parsed.clone(), source_name, now);
        export_article(&article, &article.modified)
    });
    encode(&parsed, record.as_deref())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        let end = self.at.checked_add(n).ok_or(WireError("length"))?;
        let out = self.bytes.get(self.at..end).ok_or(WireError("cut short"))?;
        self.at = end;
        Ok(out)
    }
    fn u32(&mut self) -> Result<u32, WireError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn usize(&mut self) -> Result<usize, WireError> {
        self.u32().map(|n| n as usize)
    }
    /// A count of items of `size` bytes each, checked against what is left.
    fn count(&mut self, size: usize) -> Result<usize, WireError> {
        let n = self.usize()?;
        if n.saturating_mul(size) > self.bytes.len() - self.at {
            return Err(WireError("count"));
        }
        Ok(n)
    }
    /// One byte, read as a place in `table`.
    fn pick<T: Copy>(&mut self, table: &[T], what: &'static str) -> Result<T, WireError> {
        let i = usize::from(self.take(1)?[0]);
        table.get(i).copied().ok_or(WireError(what))
    }
    /// A length, then that many bytes of UTF-8.
    fn string(&mut self, what: &'static str) -> Result<String, WireError> {
        let n = self.usize()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| WireError(what))
    }
    fn span(&mut self) -> Result<Span, WireError> {
        let (start, end) = (self.usize()?, self.usize()?);
        if start > end {
            return Err(WireError("span"));
        }
        Ok(Span::new(start, end))
    }
}

/// Reads bytes made by `encode`: the parsed article and the record, if any.
pub fn decode(bytes: &[u8]) -> Result<(Parsed, Option<String>), WireError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != MAGIC {
        return Err(WireError("not a parsed article"));
    }
    let format = r.pick(&FORMATS, "format")?;
    let n = r.count(5)?;
    let mut diagnostics = Vec::with_capacity(n);
    for _ in 0..n {
        diagnostics.push(Diagnostic {
            severity: r.pick(&SEVERITIES, "severity")?,
            message: r.string("message")?,
        });
    }
    let n = r.usize()?;
    let head: HeadIn = serde_json::from_slice(r.take(n)?).map_err(|_| WireError("head"))?;
    let text = r.string("text")?;
    let n = r.count(9)?;
    let mut blocks = Vec::with_capacity(n);
    for _ in 0..n {
        blocks.push(Block {
            kind: r.pick(&KINDS, "block kind")?,
            span: r.span()?,
        });
    }
    let n = r.count(8)?;
    let mut sentences = Vec::with_capacity(n);
    for _ in 0..n {
        sentences.push(r.span()?);
    }
    let record = match r.u32()? {
        NONE => None,
        n => {
            Some(String::from_utf8(r.take(n as usize)?.to_vec()).map_err(|_| WireError("record"))?)
        }
    };
    if r.at != bytes.len() {
        return Err(WireError("trailing bytes"));
    }
    let document = Document::from_parts(text, blocks, sentences)
        .ok_or(WireError("offsets do not fit the text"))?;
    Ok((
        Parsed {
            document,
            format,
            diagnostics,
            metadata: head.metadata,
            page: head.page,
        },
        record,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_s_record_is_the_one_the_page_would_write() {
        let (text, format) = TEXTS[0];
        let bytes = parse_for_page(
            text.as_bytes(),
            Some(format),
            Some("n.txt".into()),
            "a1",
            "2026-01-01T00:00:00Z",
        );
        let (parsed, record) = decode(&bytes).unwrap();
        let article = Article::new(
            "a1".into(),
            parsed,
            Some("n.txt".into()),
            "2026-01-01T00:00:00Z",
        );
        assert_eq!(record.unwrap(), export_article(&article, &article.modified));
        // nothing to add: no record
        let (_, record) =
            decode(&parse_for_page(b"   ", Some(Format::Text), None, "a2", "t")).unwrap();
        assert_eq!(record, None);
    }

    const TEXTS: &[(&str, Format)] = &[
        ("Harbour news\n\nAda Brook said the pier opens in May. Ben said no.\n\n- one\n- two\n", Format::Text),
        ("# Title\n\nA paragraph with emoji 👩‍👩‍👧 and café, 東京, עברית.\n\n> quoted. Again.\n", Format::Markdown),
        ("<html><head><title>T</title><meta name=author content='Ann Lee'></head><body><nav>Home</nav><article><h1>Big news</h1><p>She said it. He did not.</p></article></body></html>", Format::Html),
        ("", Format::Text),
    ];

    #[test]
    fn a_parsed_article_comes_back_whole() {
        for (text, format) in TEXTS {
            let parsed = parse_bytes(text.as_bytes(), Some(*format));
            for record in [None, Some("{\"gloss\":1}")] {
                let (back, rec) = decode(&encode(&parsed, record)).unwrap();
                assert_eq!(back.document, parsed.document);
                assert_eq!(back.format, parsed.format);
                assert_eq!(back.diagnostics, parsed.diagnostics);
                assert_eq!(back.metadata, parsed.metadata);
                assert_eq!(back.page, parsed.page);
                assert_eq!(rec.as_deref(), record);
            }
        }
    }

    #[test]
    fn every_block_kind_format_and_severity_comes_back_as_itself() {
        // `encode` writes each by a match, `decode` reads it by its place in a table
        let text = "a b c d e f g".to_string();
        let blocks = KINDS
            .iter()
            .enumerate()
            .map(|(i, &kind)| Block {
                kind,
                span: Span::new(2 * i, 2 * i + 1),
            })
            .collect();
        let document = Document::from_parts(text, blocks, Vec::new()).unwrap();
        for (format, severity) in FORMATS.iter().zip(SEVERITIES.iter()) {
            let parsed = Parsed {
                document: document.clone(),
                format: *format,
                diagnostics: vec![Diagnostic {
                    severity: *severity,
                    message: "m".into(),
                }],
                metadata: Metadata::default(),
                page: Vec::new(),
            };
            let (back, _) = decode(&encode(&parsed, None)).unwrap();
            assert_eq!(back.document, document);
            assert_eq!(back.format, *format);
            assert_eq!(back.diagnostics, parsed.diagnostics);
        }
    }

    #[test]
    fn damaged_bytes_are_an_error_never_a_panic() {
        let parsed = parse_bytes(TEXTS[1].0.as_bytes(), Some(Format::Markdown));
        let good = encode(&parsed, Some("{}"));
        assert!(decode(&good).is_ok());
        // every cut, and every byte changed, reads back or fails cleanly
        for cut in 0..good.len() {
            assert!(decode(&good[..cut]).is_err());
        }
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x5a;
            let _ = decode(&bad);
        }
        assert_eq!(
            decode(b"nope").unwrap_err(),
            WireError("not a parsed article")
        );
        // a sentence off a character boundary (inside the emoji) is refused
        let doc = &parsed.document;
        let at = doc.text().find('👩').unwrap() + 1;
        assert!(Document::from_parts(
            doc.text().to_string(),
            doc.blocks().to_vec(),
            vec![Span::new(at, at + 2)]
        )
        .is_none());
    }
}
