//! Parsing: bytes of a .txt, .md or .html file (or pasted text) in, a `Document` plus
//! diagnostics out. Parsing never fails and never panics: empty, binary, malformed or huge
//! input still yields a document (possibly empty) and says what happened.

mod html;
mod markdown;
mod plain;

/// The text and blocks a web page's kept blocks make (`library::page_document` builds on it).
pub(crate) use html::join as join_page;

use super::document::{Block, Diagnostic, Document};
use super::page::{Metadata, PageBlock};
use serde::{Deserialize, Serialize};

/// Inputs larger than this are cut (with a warning) so the page stays responsive.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format named by a file name's extension, if it names one.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guesses the format of text with no file name (a paste).
    pub fn sniff(text: &str) -> Format {
        let head: String = text
            .chars()
            .take(2048)
            .collect::<String>()
            .to_ascii_lowercase();
        let t = head.trim_start();
        if t.starts_with("<!doctype html")
            || t.starts_with("<html")
            || (t.starts_with('<')
                && ["<p>", "<p ", "<div", "<body", "<article", "<h1", "<br"]
                    .iter()
                    .any(|tag| head.contains(tag)))
        {
            return Format::Html;
        }
        let md_lines = text
            .lines()
            .take(200)
            .filter(|l| {
                let l = l.trim_start();
                l.starts_with("# ") || l.starts_with("## ") || l.starts_with("```")
            })
            .count();
        let md_links = head.matches("](").count();
        if md_lines > 0 || md_links > 1 {
            Format::Markdown
        } else {
            Format::Text
        }
    }

    /// The format `as_str` names.
    pub fn from_name(name: &str) -> Option<Format> {
        [Format::Text, Format::Markdown, Format::Html]
            .into_iter()
            .find(|f| f.as_str() == name)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// A parsed input: the document and what the parser has to say about the input.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub document: Document,
    pub format: Format,
    pub diagnostics: Vec<Diagnostic>,
    /// What the page says about the article (empty for plain text and Markdown).
    pub metadata: Metadata,
    /// Every block of a web page in reading order, kept or dropped; the kept ones are the
    /// document's blocks. Empty for plain text and Markdown (all of it is the article).
    pub page: Vec<PageBlock>,
}

/// Parses raw bytes. `format` is the caller's knowledge (from a file name); `None` sniffs.
pub fn parse_bytes(bytes: &[u8], format: Option<Format>) -> Parsed {
    let mut diags = Vec::new();
    let text = decode(bytes, &mut diags);
    let mut parsed = parse_str(&text, format);
    diags.append(&mut parsed.diagnostics);
    parsed.diagnostics = diags;
    parsed
}

/// Parses text already decoded.
pub fn parse_str(input: &str, format: Option<Format>) -> Parsed {
    let mut diags = Vec::new();
    let mut input = input;
    if input.len() > MAX_INPUT_BYTES {
        let cut = super::offsets::floor_boundary(input, MAX_INPUT_BYTES);
        diags.push(Diagnostic::warning(format!(
            "The input is {:.1} MB; only the first {} MB were read.",
            input.len() as f64 / 1e6,
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
        input = &input[..cut];
    }
    let format = format.unwrap_or_else(|| Format::sniff(input));
    let mut metadata = Metadata::default();
    let mut page = Vec::new();
    let (text, blocks): (String, Vec<Block>) = match format {
        Format::Text => plain::parse(input, &mut diags),
        Format::Markdown => markdown::parse(input, &mut diags),
        Format::Html => {
            let story = html::parse(input, &mut diags);
            metadata = story.metadata;
            page = story.page;
            (story.text, story.blocks)
        }
    };
    if text.trim().is_empty() {
        diags.push(Diagnostic::warning(
            "The article is empty: there is no text to read.",
        ));
    }
    let (document, mut more) = Document::new(text, blocks);
    diags.append(&mut more);
    if document.title().is_none() && !document.blocks().is_empty() {
        diags.push(Diagnostic::info(
            "No headline was found; the first words name the article.",
        ));
    }
    Parsed {
        document,
        format,
        diagnostics: diags,
        metadata,
        page,
    }
}

/// Bytes to text: strips a BOM, decodes UTF-16 when marked, replaces invalid UTF-8, and
/// refuses binary data (NUL bytes or mostly control characters) with an error diagnostic.
fn decode(bytes: &[u8], diags: &mut Vec<Diagnostic>) -> String {
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let probe = &bytes[..bytes.len().min(8192)];
    let controls = probe
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
        .count();
    if probe.contains(&0) || controls * 10 > probe.len() {
        diags.push(Diagnostic::error(
            "This looks like a binary file, not an article: open a .txt, .md or .html file.",
        ));
        return String::new();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let bad = s.matches('\u{FFFD}').count();
            diags.push(Diagnostic::warning(format!(
                "The file is not valid UTF-8: {bad} unreadable character(s) were replaced with �."
            )));
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_sniffing() {
        assert_eq!(Format::from_file_name("a.HTML"), Some(Format::Html));
        assert_eq!(Format::from_file_name("a.md"), Some(Format::Markdown));
        assert_eq!(Format::from_file_name("noext"), None);
        assert_eq!(Format::sniff("<!DOCTYPE html><p>x</p>"), Format::Html);
        assert_eq!(Format::sniff("# Title\n\ntext"), Format::Markdown);
        assert_eq!(Format::sniff("Just text. <b> maybe"), Format::Text);
    }

    #[test]
    fn binary_input_is_refused_with_an_error() {
        let p = parse_bytes(&[0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2, 3], None);
        assert!(p.document.text().is_empty());
        assert!(p
            .diagnostics
            .iter()
            .any(|d| d.severity == super::super::document::Severity::Error));
    }

    #[test]
    fn empty_input_gives_an_empty_document() {
        let p = parse_bytes(b"", None);
        assert!(p.document.blocks().is_empty());
        assert!(!p.diagnostics.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let p = parse_bytes(b"Caf\xe9 au lait.\n", Some(Format::Text));
        assert!(p.document.text().contains('\u{FFFD}'));
        assert!(p.diagnostics.iter().any(|d| d.message.contains("UTF-8")));
    }

    #[test]
    fn utf16_and_bom_are_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi there.".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(parse_bytes(&bytes, None).document.text(), "Hi there.");
        assert_eq!(parse_bytes(b"\xEF\xBB\xBFHi.", None).document.text(), "Hi.");
    }
}
