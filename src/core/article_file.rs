//! An article file made outside the app: by the Python package (`gloss.to_article_file`) or
//! a batch over an archive. It holds the article the app would make from the same bytes,
//! and the suggestions the app would find in it, each with its decision pending, so that
//! the file opens in Gloss with its suggestions ready for the person to accept or reject.
//!
//! The app refuses the same inputs this refuses (`refusal`), with the same words.

use super::details::{parse_date, DateError};
use super::format::export_article_with;
use super::hash::FastHasher;
use super::library::Article;
use super::parse::{Format, Parsed};
use super::relations::Identities;
use std::fmt;
use std::hash::Hasher;

/// Why no article file was made: the input is one the app refuses to open (the first two,
/// in the app's words), or what was given in place of the app's clock and ids is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The parser says the bytes are not an article (binary data); its message.
    Unreadable(String),
    /// There is no text in it to annotate.
    Empty,
    /// The time given is not an ISO 8601 date and time (the app sorts and shows it).
    BadTime { given: String, why: DateError },
    /// The id given is empty (the app finds articles by id).
    NoId,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Unreadable(message) => f.write_str(message),
            Refused::Empty => f.write_str("There is no text in that article, so nothing was added."),
            Refused::BadTime { given, why } => write!(
                f,
                "The time \"{}\" is not an ISO 8601 date and time ({why}); write it as 2024-03-05T10:00:00.000Z.",
                super::excerpt(given, 40)
            ),
            Refused::NoId => f.write_str("The article's id is empty; give it an id, or none for one made from the input."),
        }
    }
}

impl std::error::Error for Refused {}

/// Whether the app would refuse this parsed input as an article, and why: the parser's
/// first error, else an empty text.
pub fn refusal(parsed: &Parsed) -> Option<Refused> {
    if let Some(d) = parsed
        .diagnostics
        .iter()
        .find(|d| d.severity == super::document::Severity::Error)
    {
        return Some(Refused::Unreadable(d.message.clone()));
    }
    parsed
        .document
        .blocks()
        .is_empty()
        .then_some(Refused::Empty)
}

/// What the app takes from its clock and its ids when it opens a file, given here instead.
#[derive(Clone, Copy, Debug)]
pub struct Making<'a> {
    /// The article's id (`batch_id` makes one from the input).
    pub id: &'a str,
    /// When it was made (RFC 3339, as the app writes it: `2024-03-05T10:00:00.000Z`): its
    /// created, modified and exported time.
    pub now: &'a str,
    /// The name of the file it was read from, kept as the app keeps an opened file's.
    pub source_name: Option<&'a str>,
}

/// An id for the article made from these bytes, read as `format`, from the file named: the
/// same input gives the same id, so that importing a batch made again offers to replace
/// the articles it made before rather than adding them twice. (A fast hash, not a
/// cryptographic one: two inputs meeting by chance is one in 2^64 for each pair.)
pub fn batch_id(bytes: &[u8], format: Option<Format>, source_name: Option<&str>) -> String {
    let mut h = FastHasher::default();
    h.write(bytes);
    h.write_u8(0xFF);
    h.write_u8(format.map_or(0, |f| f as u8 + 1));
    h.write(source_name.unwrap_or("").as_bytes());
    h.write_usize(bytes.len());
    format!("batch-{:016x}", h.finish())
}

/// The article file (pretty JSON, as the app exports it) of a parsed input, with its
/// suggestions pending; refused as the app refuses to open it.
pub fn article_file(parsed: Parsed, making: &Making<'_>) -> Result<String, Refused> {
    if let Some(why) = refusal(&parsed) {
        return Err(why);
    }
    match parse_date(making.now) {
        Ok(date) if date.time.is_some() => {}
        Ok(_) => {
            return Err(Refused::BadTime {
                given: making.now.to_string(),
                why: DateError::Time,
            })
        }
        Err(why) => {
            return Err(Refused::BadTime {
                given: making.now.to_string(),
                why,
            })
        }
    }
    if making.id.trim().is_empty() {
        return Err(Refused::NoId);
    }
    let article = Article::new(
        making.id.to_string(),
        parsed,
        making.source_name.map(str::to_string),
        making.now,
    );
    let found = super::pipeline::findings(&article.doc);
    Ok(export_article_with(
        &article,
        making.now,
        &found.suggestions,
        &Identities::default(),
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analyze::report;
    use crate::core::format::import_article;
    use crate::core::offsets::CharSpan;
    use crate::core::parse::parse_bytes;

    const NOW: &str = "2026-01-02T03:04:05.000Z";

    fn making<'a>(id: &'a str) -> Making<'a> {
        Making {
            id,
            now: NOW,
            source_name: Some("a.txt"),
        }
    }

    /// A text with emoji, combining marks, CJK and right-to-left words before its claims, so
    /// that code points and bytes differ.
    const TEXT: &str = "Bridge 🌉 cafe\u{301} 東京 שלום\n\n\
        The mayor, Ana Silva, said the bridge cost 4 million euros. \
        \"We will open it in May,\" she said. Critics said it was late.";

    #[test]
    fn the_file_imports_with_the_reports_claims_as_pending_suggestions() {
        let parsed = parse_bytes(TEXT.as_bytes(), None);
        let claims: Vec<(usize, usize)> = report(&parsed)
            .claims
            .unwrap_or_default()
            .iter()
            .map(|c| (c.start, c.end))
            .collect();
        assert!(!claims.is_empty());
        let json = article_file(parsed.clone(), &making("batch-1")).unwrap();
        let article = import_article(json.as_bytes()).unwrap();
        assert_eq!(article.id, "batch-1");
        assert_eq!(article.doc.text(), parsed.document.text());
        assert_eq!(article.source_name.as_deref(), Some("a.txt"));
        assert_eq!(
            (article.created.as_str(), article.modified.as_str()),
            (NOW, NOW)
        );
        assert!(article.decisions().is_empty() && article.claims().is_empty());
        // the file lists the report's claims (same sentences, in code points), none decided
        let file: serde_json::Value = serde_json::from_str(&json).unwrap();
        let listed: Vec<(usize, usize)> = file["suggestions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                assert_eq!(s["decision"], "pending");
                let at = |k: &str| s[k].as_u64().unwrap() as usize;
                (at("start"), at("end"))
            })
            .collect();
        assert_eq!(listed, claims);
        let idx = crate::core::offsets::CharIndex::new(article.doc.text());
        let (start, end) = listed[0];
        let first = idx.to_bytes(CharSpan { start, end }).unwrap();
        assert!(first
            .slice(article.doc.text())
            .unwrap()
            .contains("Ana Silva"));
    }

    #[test]
    fn the_file_fits_the_article_file_schema() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../schema/gloss-article.schema.json")).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        for (bytes, format) in [
            (TEXT.as_bytes(), None),
            (
                b"<p>The mayor said the bridge cost 4 million euros.</p>".as_slice(),
                Some(Format::Html),
            ),
        ] {
            let json = article_file(parse_bytes(bytes, format), &making("batch-3")).unwrap();
            let file: serde_json::Value = serde_json::from_str(&json).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&file)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
    }

    #[test]
    fn a_web_page_keeps_its_page_blocks_and_metadata() {
        let html = "<html><head><title>Dam</title><meta property=\"og:site_name\" content=\"River News\"></head>\
            <body><nav><a href=\"/\">Home</a></nav><article><h1>Dam opens</h1>\
            <p>The engineer, Rui Costa, said the dam holds 3 million cubic metres of water.</p>\
            <p>It opened on Monday after four years of work on the river.</p></article></body></html>";
        let parsed = parse_bytes(html.as_bytes(), Some(Format::Html));
        let json = article_file(parsed.clone(), &making("batch-2")).unwrap();
        let article = import_article(json.as_bytes()).unwrap();
        assert_eq!(article.page(), parsed.page.as_slice());
        assert_eq!(article.metadata(), &parsed.metadata);
        assert_eq!(article.format, Format::Html);
    }

    #[test]
    fn binary_and_empty_inputs_are_refused_in_the_apps_words() {
        let binary = parse_bytes(&[0, 1, 2, 3, 0, 0, 7, 8], None);
        match article_file(binary, &making("x")) {
            Err(Refused::Unreadable(m)) => assert!(m.contains("binary"), "{m}"),
            other => panic!("{other:?}"),
        }
        let empty = parse_bytes(b"  \n\n ", None);
        assert_eq!(article_file(empty, &making("x")), Err(Refused::Empty));
        assert!(Refused::Empty.to_string().contains("no text"));
    }

    #[test]
    fn a_time_that_is_not_iso_8601_or_an_empty_id_is_refused() {
        let parsed = parse_bytes(TEXT.as_bytes(), None);
        for bad in ["yesterday", "2026-02-30T00:00:00Z", "2026-01-02"] {
            let m = Making {
                now: bad,
                ..making("x")
            };
            let err = article_file(parsed.clone(), &m).unwrap_err();
            assert!(matches!(err, Refused::BadTime { .. }), "{bad}");
            assert!(err.to_string().contains(bad), "{err}");
        }
        assert_eq!(article_file(parsed, &making(" ")), Err(Refused::NoId));
    }

    #[test]
    fn the_batch_id_follows_the_input_and_its_name() {
        let id = batch_id(b"A text.", None, Some("a.txt"));
        assert!(id.starts_with("batch-") && id.len() == "batch-".len() + 16);
        assert_eq!(id, batch_id(b"A text.", None, Some("a.txt")));
        assert_ne!(id, batch_id(b"A text!", None, Some("a.txt")));
        assert_ne!(id, batch_id(b"A text.", None, Some("b.txt")));
        assert_ne!(id, batch_id(b"A text.", Some(Format::Text), Some("a.txt")));
    }
}
