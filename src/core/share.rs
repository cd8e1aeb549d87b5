//! Share links: an article and its claims carried in a page address's fragment
//! (`#share=…`), which a browser keeps to itself and never sends to a server, so the
//! article travels from one person's Gloss to another's without being stored anywhere.
//!
//! A link is `share=<version>.<kind>.<contents>`: version `1`; kind `a` (the whole Gloss
//! article file, as `format::export_article_with` writes it) or `n` (notes only: the file
//! without the article's text and page, with a hash of the text, for an article whose
//! whole file would make too long a link); the contents are the file's bytes packed with
//! raw deflate (RFC 1951) and followed by an eight-byte check (`fnv1a64` of the bytes,
//! big-endian), then written in base64url without padding (RFC 4648 §5), whose letters,
//! digits, `-` and `_` pass through addresses, chat apps and mail untouched.
//!
//! The check is there because raw deflate has none: a link cut or changed on the way
//! (a character dropped by a chat app, one mistyped) would otherwise often unpack into
//! other bytes; with it, a damaged link is refused as damaged, never opened as something
//! else. It adds 11 characters.
//!
//! Reading a link never trusts it: every character is checked, what it unpacks to is
//! capped at `format::MAX_IMPORT_BYTES` (a small link that would unpack to gigabytes is
//! refused once the cap is reached, holding no more than the cap), and every problem is a
//! `ShareError` in a person's words. The file a link gives is then read by
//! `format::import_file` like any other file, which checks everything in it.

use crate::core::format::MAX_IMPORT_BYTES;
use crate::core::stored::fnv1a64;
use serde_json::{Map, Value};
use std::fmt;

/// What every share link starts with (after the `#` of the address).
pub const LINK_PREFIX: &str = "share=";

/// The version of the link format this Gloss writes and the newest it reads.
pub const LINK_VERSION: u64 = 1;

/// The longest link (`share=…`, counted in characters) that `encode_with_limit` is asked to
/// make for *Copy link*: 32,000.
///
/// The fragment stays in the browser, so the limits of servers (8 KB for many: the 8,190
/// bytes of Apache's request line, the 8 KB buffers of nginx; RFC 9110 asks only for 8,000)
/// and of old Internet Explorer (2,083) do not apply. What matters is what browsers open
/// and what the places people paste links into keep:
/// - Chromium opens addresses up to 2 MB (`kMaxURLChars`, 2,097,152 characters) but shows
///   at most 32 KiB of one (`kMaxURLDisplayChars`, 32,768); Firefox opens longer ones and
///   shows up to 65,536 in its address bar; Safari opens longer ones still.
/// - Chat and mail keep less: a Slack message holds up to 40,000 characters; many chat
///   apps cut far shorter messages (Discord's 2,000), which no article's file would fit.
///
/// 32,000 stays under Chromium's 32,768 with room for the page's own address in front of
/// the `#`, so the whole address shows and survives anywhere that keeps 32 KiB. Measured
/// with this codec: a plain-text article's link takes about 0.6 characters for each byte of
/// its text (deflate packs English to about two fifths, base64 writes four characters for
/// three bytes), so an article of up to some 50 KB of text travels whole (a news article
/// is typically 5 to 10 KB; the Blinken corpus page with its page blocks, three claims and
/// suggestions makes a link of 5,146 characters), and the notes of a far longer one.
pub const PORTABLE_LINK_CHARS: usize = 32_000;

/// How much of an article a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// The whole article file: text, structure, details, claims, links.
    Whole,
    /// The file without the article's text and page, with a hash of the text: the person
    /// opening it opens the article too, and the claims are laid on it.
    NotesOnly,
}

impl LinkKind {
    /// The letter a link names its kind with.
    fn letter(self) -> char {
        match self {
            LinkKind::Whole => 'a',
            LinkKind::NotesOnly => 'n',
        }
    }
}

/// A share link, ready to follow a page's address and a `#`: `share=1.a.…`. Only letters,
/// digits and `.`, `=`, `-`, `_`, so its length in characters is its length in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    text: String,
    kind: LinkKind,
}

impl Link {
    /// The link's text, `share=…` (without the `#`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the link carries the whole file or the notes only.
    pub fn kind(&self) -> LinkKind {
        self.kind
    }

    /// The link's length in characters.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the link is empty: never, it always has at least its prefix.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A hash of an article's text: FNV-1a, 64 bits, over the text's UTF-8 bytes.
///
/// It tells whether the article a person opened is the one notes were made on. It is a
/// check, not a seal: whoever makes a link chooses everything in it anyway, and the claims
/// laid on the text are each checked against it when the file is read (their quotes must
/// read there), so only an accidental match matters, which 64 bits make a chance of one in
/// 2^64 for two different texts. FNV-1a is five lines, one multiply per byte (a
/// 100 KB text in well under a millisecond); SHA-256 would be a hundred lines and tables for
/// a guarantee against forgery that this check does not need. Written in a link's notes
/// as `"fnv1a64:"` and sixteen hex digits, so that a later version can name another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TextHash(u64);

/// How a text hash is named in a link's notes, before its hex digits.
const TEXT_HASH_NAME: &str = "fnv1a64:";

/// The key of the text hash in a link's notes.
const TEXT_HASH_KEY: &str = "textHash";

impl TextHash {
    /// Whether `text` is the text this hash was made from.
    pub fn matches(self, text: &str) -> bool {
        text_hash(text) == self
    }

    /// The hash as a link's notes write it: `fnv1a64:` and sixteen hex digits.
    fn written(self) -> String {
        format!("{TEXT_HASH_NAME}{:016x}", self.0)
    }

    /// A hash as a link's notes write it; `None` for anything else.
    fn read(s: &str) -> Option<TextHash> {
        let hex = s.strip_prefix(TEXT_HASH_NAME)?;
        if hex.len() != 16 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(hex, 16).ok().map(TextHash)
    }
}

impl fmt::Display for TextHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written())
    }
}

/// The hash of an article's text (`Document::text`), as a notes-only link carries it.
pub fn text_hash(text: &str) -> TextHash {
    TextHash(fnv1a64(text.as_bytes()))
}

/// What a link held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub kind: SharedKind,
}

/// A link's contents, by its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SharedKind {
    /// A whole Gloss article file (JSON), to read with `format::import_file`.
    Whole(String),
    /// The notes of an article (its file without the text and page, JSON) and the hash of
    /// the text they were made on: the person opens the article, then `restore` makes the
    /// whole file from the notes and its text.
    NotesOnly {
        notes_json: String,
        text_hash: TextHash,
    },
}

/// How a link is damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// A character that no link holds, and where in the contents (counted in characters).
    BadCharacter { found: char, at: usize },
    /// The contents end where no whole byte can end: characters were cut or added.
    BadEnd,
    /// The contents do not unpack.
    Unreadable,
    /// The contents unpack, but not to what was packed: they changed on the way.
    CheckFailed,
    /// The contents unpack to something that is not text.
    NotText,
    /// A version 1 link of another kind than `a` and `n`.
    UnknownKind { found: String },
    /// Notes that are not an article file's without its text, with the text's hash.
    BadNotes,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::BadCharacter { found, at } => write!(
                f,
                "it holds “{}” (character {} of its contents), which Gloss links never hold",
                found.escape_debug(),
                at + 1
            ),
            Damage::BadEnd => write!(f, "its end was cut short or added to"),
            Damage::Unreadable => write!(f, "its contents cannot be unpacked"),
            Damage::CheckFailed => write!(f, "its contents were changed on the way"),
            Damage::NotText => write!(f, "its contents are not text"),
            Damage::UnknownKind { found } => write!(
                f,
                "its kind, \"{}\", is not one Gloss makes",
                crate::core::excerpt(found, 20)
            ),
            Damage::BadNotes => write!(
                f,
                "its notes are not a Gloss article's or do not say which text they belong to"
            ),
        }
    }
}

/// Why a link could not be made or read. Every message names the problem in a person's
/// words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The address holds no Gloss share link.
    NotGlossLink,
    /// A link of a later version than this Gloss reads.
    NewerVersion { found: u64 },
    /// A link cut, changed or mistyped on the way.
    Damaged(Damage),
    /// A link that would unpack to more than the largest file Gloss reads.
    TooLarge { limit: usize },
    /// Even the notes alone make a link longer than the limit asked for.
    TooLong { chars: usize, limit: usize },
    /// What was to be shared is not a Gloss article file with a text (for making a link).
    NotArticleFile,
    /// The article opened is not the one the notes were made on.
    TextDiffers,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotGlossLink => write!(f, "This address holds no Gloss share link."),
            ShareError::NewerVersion { found } => write!(
                f,
                "This link was made by a newer version of Gloss (link version {found}; this Gloss reads version {LINK_VERSION}); update this page to open it."
            ),
            ShareError::Damaged(d) => write!(
                f,
                "This link is damaged: {d}. Ask for it again and copy all of it."
            ),
            ShareError::TooLarge { limit } => write!(
                f,
                "This link's article unpacks to more than {} MB, more than Gloss opens.",
                limit / (1024 * 1024)
            ),
            ShareError::TooLong { chars, limit } => write!(
                f,
                "This article's claims make too long a link even without its text ({chars} characters; links over {limit} may not open everywhere). Export the article as a file instead."
            ),
            ShareError::NotArticleFile => write!(
                f,
                "This article could not be made into a link: it is not a Gloss article file."
            ),
            ShareError::TextDiffers => write!(
                f,
                "These claims were made on another text: open the same article (the same version of it) and try again."
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// How hard deflate packs: miniz's level 9, the highest of zlib's scale. On an article
/// file of 20 KB, level 10 packs to the same size, level 6 to 0.5% more, level 1 to 30%
/// more; level 9 packs it in half a millisecond (natively, optimised).
const DEFLATE_LEVEL: u8 = 9;

/// The length of the check after the packed bytes.
const CHECK_BYTES: usize = 8;

/// A link carrying the whole article file `file_json` (kind `a`), however long.
pub fn encode(file_json: &str) -> Link {
    link_of(LinkKind::Whole, file_json.as_bytes())
}

/// A link for *Copy link*: the whole file when its link is at most `limit` characters
/// (`PORTABLE_LINK_CHARS`), else the notes only (kind `n`); `TooLong` when even those
/// exceed it, `NotArticleFile` when `file_json` has no article text to leave out.
pub fn encode_with_limit(file_json: &str, limit: usize) -> Result<Link, ShareError> {
    let whole = encode(file_json);
    if whole.len() <= limit {
        return Ok(whole);
    }
    let notes = link_of(LinkKind::NotesOnly, notes_only(file_json)?.as_bytes());
    if notes.len() <= limit {
        Ok(notes)
    } else {
        Err(ShareError::TooLong {
            chars: notes.len(),
            limit,
        })
    }
}

/// `share=1.<kind>.` and the packed, checked, written bytes.
fn link_of(kind: LinkKind, bytes: &[u8]) -> Link {
    let mut packed = miniz_oxide::deflate::compress_to_vec(bytes, DEFLATE_LEVEL);
    packed.extend_from_slice(&fnv1a64(bytes).to_be_bytes());
    let mut text = format!("{LINK_PREFIX}{LINK_VERSION}.{}.", kind.letter());
    base64url::write(&packed, &mut text);
    Link { text, kind }
}

/// The notes of an article file: the file without `article.text` and `article.page`, with
/// the text's hash as `textHash` (compact JSON). Everything else stays, so that the notes
/// with the text put back are the article's file again (`restore`).
fn notes_only(file_json: &str) -> Result<String, ShareError> {
    let mut file: Map<String, Value> =
        serde_json::from_str(file_json).map_err(|_| ShareError::NotArticleFile)?;
    let article = match file.get_mut("article") {
        Some(Value::Object(a)) => a,
        _ => return Err(ShareError::NotArticleFile),
    };
    let hash = match article.remove("text") {
        Some(Value::String(text)) => text_hash(&text),
        _ => return Err(ShareError::NotArticleFile),
    };
    article.remove("page");
    file.insert(TEXT_HASH_KEY.into(), Value::String(hash.written()));
    serde_json::to_string(&file).map_err(|_| ShareError::NotArticleFile)
}

/// The article file from a link's notes and the text of the article the person opened:
/// the notes with the text put back, to read with `format::import_file` (which checks
/// every claim's quote against the text). `TextDiffers` when `text` is not the text the
/// notes were made on; `Damaged` when the notes are not an article file's.
pub fn restore(notes_json: &str, text: &str) -> Result<String, ShareError> {
    let damaged = || ShareError::Damaged(Damage::BadNotes);
    let mut file: Map<String, Value> = serde_json::from_str(notes_json).map_err(|_| damaged())?;
    let hash = match file.remove(TEXT_HASH_KEY) {
        Some(Value::String(h)) => TextHash::read(&h).ok_or_else(damaged)?,
        _ => return Err(damaged()),
    };
    if !hash.matches(text) {
        return Err(ShareError::TextDiffers);
    }
    match file.get_mut("article") {
        Some(Value::Object(a)) => {
            a.insert("text".into(), Value::String(text.into()));
        }
        _ => return Err(damaged()),
    }
    serde_json::to_string(&file).map_err(|_| damaged())
}

/// Reads a share link: the fragment of an address, with or without its `#` (white space
/// around it is ignored). Never panics; takes time linear in the link's length and memory
/// at most `MAX_IMPORT_BYTES` beyond it.
pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
    let link = fragment.trim();
    let link = link.strip_prefix('#').unwrap_or(link);
    let rest = link
        .strip_prefix(LINK_PREFIX)
        .ok_or(ShareError::NotGlossLink)?;
    let mut parts = rest.splitn(3, '.');
    let (Some(version), Some(kind), Some(contents)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(ShareError::NotGlossLink);
    };
    let version = read_version(version).ok_or(ShareError::NotGlossLink)?;
    if version > LINK_VERSION {
        return Err(ShareError::NewerVersion { found: version });
    }
    let kind = match kind {
        "a" => LinkKind::Whole,
        "n" => LinkKind::NotesOnly,
        other => {
            return Err(ShareError::Damaged(Damage::UnknownKind {
                found: other.into(),
            }))
        }
    };
    let json = unpack(contents)?;
    Ok(Shared {
        kind: match kind {
            LinkKind::Whole => SharedKind::Whole(json),
            LinkKind::NotesOnly => {
                let text_hash =
                    hash_of_notes(&json).ok_or(ShareError::Damaged(Damage::BadNotes))?;
                SharedKind::NotesOnly {
                    notes_json: json,
                    text_hash,
                }
            }
        },
    })
}

/// A link's version: a whole number from 1 that a `u64` holds, in digits only.
fn read_version(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|v| *v >= 1)
}

/// A link's contents to the text packed in them: base64url read, inflated with its output
/// capped, checked and read as UTF-8.
fn unpack(contents: &str) -> Result<String, ShareError> {
    let bytes = base64url::read(contents).map_err(ShareError::Damaged)?;
    let Some(split) = bytes.len().checked_sub(CHECK_BYTES) else {
        return Err(ShareError::Damaged(Damage::Unreadable));
    };
    let (packed, check) = bytes.split_at(split);
    let out = miniz_oxide::inflate::decompress_to_vec_with_limit(packed, MAX_IMPORT_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                limit: MAX_IMPORT_BYTES,
            },
            _ => ShareError::Damaged(Damage::Unreadable),
        })?;
    if fnv1a64(&out).to_be_bytes() != check {
        return Err(ShareError::Damaged(Damage::CheckFailed));
    }
    String::from_utf8(out).map_err(|_| ShareError::Damaged(Damage::NotText))
}

/// The text hash a link's notes carry, if they carry one: read with the rest of the notes
/// skipped, not built (what unpacks may be 32 MB).
fn hash_of_notes(notes_json: &str) -> Option<TextHash> {
    #[derive(serde::Deserialize)]
    struct Head {
        #[serde(rename = "textHash")]
        text_hash: String,
    }
    let head: Head = serde_json::from_str(notes_json).ok()?;
    TextHash::read(&head.text_hash)
}

/// base64url without padding (RFC 4648 §5): three bytes to four characters of
/// `A–Z a–z 0–9 - _`; read strictly (any other character, a length no bytes make, or
/// bits set after the last byte is refused), so that a character cut, added or changed
/// into another is caught here when it can be, before unpacking.
mod base64url {
    use super::Damage;

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// Appends `bytes` written in base64url to `out`.
    pub(super) fn write(bytes: &[u8], out: &mut String) {
        out.reserve(bytes.len().div_ceil(3) * 4);
        let letter = |v: u32| char::from(ALPHABET[(v & 63) as usize]);
        for chunk in bytes.chunks(3) {
            let b = |i: usize| chunk.get(i).map_or(0, |b| u32::from(*b));
            let v = b(0) << 16 | b(1) << 8 | b(2);
            // one byte makes two characters, two make three, three make four
            for k in 0..=chunk.len() {
                out.push(letter(v >> (18 - 6 * k)));
            }
        }
    }

    /// The value of a base64url character.
    fn value(c: char) -> Option<u32> {
        let v = match c {
            'A'..='Z' => u32::from(c) - u32::from('A'),
            'a'..='z' => u32::from(c) - u32::from('a') + 26,
            '0'..='9' => u32::from(c) - u32::from('0') + 52,
            '-' => 62,
            '_' => 63,
            _ => return None,
        };
        Some(v)
    }

    /// The bytes `s` writes in base64url.
    pub(super) fn read(s: &str) -> Result<Vec<u8>, Damage> {
        let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
        let (mut acc, mut bits) = (0u32, 0u32);
        for (at, c) in s.chars().enumerate() {
            let v = value(c).ok_or(Damage::BadCharacter { found: c, at })?;
            acc = (acc << 6 | v) & 0xFFF;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
            }
        }
        // a last group of one character holds no whole byte; the bits after the last byte
        // are zero in a link as written
        if bits >= 6 || acc & ((1 << bits) - 1) != 0 {
            return Err(Damage::BadEnd);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::{ClaimFields, ClaimType};
    use crate::core::format::{export_article_with, import_file};
    use crate::core::library::Article;
    use crate::core::offsets::Span;
    use crate::core::parse::{parse_str, Format};
    use crate::core::rating::{Evidence, Scale, Verdict};
    use crate::core::relations::{End, Identities, Link as Relation, Relation as Kind};

    const NOW: &str = "2026-11-27T00:00:00.000Z";

    /// A real web page (a corpus article) with details, a dropped block, three claims in
    /// several scripts, two links, identities, decisions on suggestions and a scale.
    fn page_article() -> (Article, String) {
        let html = include_str!("../../tests/fixtures/corpus/07-blinken-austin-kyiv-visit.html");
        let html = format!(
            "<html><head><title>Kyiv visit</title><meta name=\"author\" content=\"Ana Lima\">\
             <link rel=\"canonical\" href=\"https://example.com/kyiv?x=1&amp;y=2\"></head>\
             <body><nav><a href=\"/\">Home</a> | <a href=\"/w\">World</a></nav>{html}\
             <p>נתניהו אמר שהמחירים יעלו 😀. 漢字テスト。 Cafe\u{301} au lait.</p></body></html>"
        );
        let mut a = Article::new(
            "art1".into(),
            parse_str(&html, Some(Format::Html)),
            None,
            NOW,
        );
        let _ = a.set_block_kept(1, false, NOW);
        let t = a.doc.text().to_string();
        let sentences: Vec<Span> = a.doc.sentences().to_vec();
        let fields = |claimant: &str, kind| ClaimFields {
            claimant: claimant.into(),
            kind,
            status: Verdict::new("disputed").unwrap(),
            note: "<script>alert(1)</script> «note»".into(),
            tags: vec!["war".into(), "漢字".into()],
            evidence: vec![Evidence {
                url: "https://example.org/a?b=1&c=2".into(),
                note: "the source".into(),
            }],
        };
        a.add_claim(
            "c1".into(),
            sentences[2],
            fields("Blinken", ClaimType::Factual),
            NOW,
        )
        .unwrap();
        let h = t.find("נתניהו").unwrap();
        let e = t.find("。").unwrap() + "。".len();
        a.add_claim(
            "c2".into(),
            Span::new(h, e),
            fields("נתניהו", ClaimType::Prediction),
            NOW,
        )
        .unwrap();
        let c = t.find("Cafe\u{301}").unwrap();
        a.add_claim(
            "c3".into(),
            Span::new(c, t.len()),
            ClaimFields::default(),
            NOW,
        )
        .unwrap();
        let mut ids = Identities::default();
        ids.merge("Blinken", "Antony Blinken");
        for (id, from, to, kind) in [
            (
                "l1",
                End::Claim("c2".into()),
                End::Claim("c1".into()),
                Kind::Contradicts,
            ),
            (
                "l2",
                End::Claim("c1".into()),
                End::Entity("Blinken".into()),
                Kind::About,
            ),
        ] {
            let link = Relation {
                id: id.into(),
                from,
                to,
                kind,
                note: "see both".into(),
                created: NOW.into(),
            };
            a.add_link(link, &ids, NOW).unwrap();
        }
        let x = crate::core::extract::extract(&a.doc);
        let sugg = crate::core::claims::suggest(&a.doc, &x.mentions);
        let json = export_article_with(&a, NOW, &sugg, &ids, Some(&Scale::statuses()));
        (a, json)
    }

    fn whole(shared: Shared) -> String {
        match shared.kind {
            SharedKind::Whole(json) => json,
            other => panic!("not a whole file: {other:?}"),
        }
    }

    fn notes(shared: Shared) -> (String, TextHash) {
        match shared.kind {
            SharedKind::NotesOnly {
                notes_json,
                text_hash,
            } => (notes_json, text_hash),
            other => panic!("not notes: {other:?}"),
        }
    }

    /// The link's contents with `f` applied to its bytes, written back.
    fn with_bytes(link: &Link, f: impl Fn(&mut Vec<u8>)) -> String {
        let (head, contents) = link.as_str().rsplit_once('.').unwrap();
        let mut bytes = base64url::read(contents).unwrap();
        f(&mut bytes);
        let mut out = format!("{head}.");
        base64url::write(&bytes, &mut out);
        out
    }

    #[test]
    fn a_real_export_travels_whole_and_imports_the_same() {
        let (a, json) = page_article();
        assert!(a.has_dropped() && !a.metadata().is_empty() && a.links().len() == 2);
        let link = encode(&json);
        assert_eq!(link.kind(), LinkKind::Whole);
        assert!(link.as_str().starts_with("share=1.a."));
        assert!(link
            .as_str()
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=.-_".contains(&b)));
        // packed: well under the file's size even in base64
        assert!(
            link.len() * 2 < json.len(),
            "{} vs {}",
            link.len(),
            json.len()
        );
        let address = format!("https://gloss.example/#{link}");
        let back = whole(decode(address.split_once('#').unwrap().1).unwrap());
        assert_eq!(back, json);
        let b = import_file(back.as_bytes()).unwrap();
        assert_eq!(b.article.claims(), a.claims());
        assert_eq!(b.article.doc.text(), a.doc.text());
        assert_eq!(b.article.metadata(), a.metadata());
        assert_eq!(b.article.page(), a.page());
        assert_eq!(b.article.links(), a.links());
        assert_eq!(b.identities.resolve("Blinken"), "Antony Blinken");
        // with its '#', and with white space around it from a paste
        assert_eq!(whole(decode(&format!(" #{link}\n")).unwrap()), json);
        assert!(encode_with_limit(&json, PORTABLE_LINK_CHARS).unwrap() == link);
    }

    #[test]
    fn notes_only_leave_out_the_text_and_page_and_come_back_with_the_text() {
        let (a, json) = page_article();
        let link = encode_with_limit(&json, encode(&json).len() - 1).unwrap();
        assert_eq!(link.kind(), LinkKind::NotesOnly);
        assert!(link.as_str().starts_with("share=1.n."));
        let (notes_json, hash) = notes(decode(link.as_str()).unwrap());
        assert_eq!(hash, text_hash(a.doc.text()));
        assert!(hash.matches(a.doc.text()) && !hash.matches("another text"));
        let v: Value = serde_json::from_str(&notes_json).unwrap();
        assert!(v["article"].get("text").is_none() && v["article"].get("page").is_none());
        assert_eq!(v["textHash"], hash.to_string());
        assert_eq!(
            v["article"]["metadata"]["url"],
            json_of(&json)["article"]["metadata"]["url"]
        );
        assert_eq!(v["annotations"], json_of(&json)["annotations"]);
        // the notes are not a file until their text is back
        assert!(import_file(notes_json.as_bytes()).is_err());
        assert_eq!(
            restore(&notes_json, "another text"),
            Err(ShareError::TextDiffers)
        );
        let file = restore(&notes_json, a.doc.text()).unwrap();
        let b = import_file(file.as_bytes()).unwrap();
        assert_eq!(b.article.claims(), a.claims());
        assert_eq!(b.article.doc.text(), a.doc.text());
        assert_eq!(b.article.doc.blocks(), a.doc.blocks());
        assert_eq!(b.article.metadata(), a.metadata());
        assert_eq!(b.article.links(), a.links());
        assert!(b.article.page().is_empty());
        assert_eq!(
            restore("{\"article\":{}}", a.doc.text()),
            Err(ShareError::Damaged(Damage::BadNotes))
        );
    }

    fn json_of(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn a_link_over_the_limit_falls_back_to_notes_then_gives_up() {
        let (_, json) = page_article();
        let whole_len = encode(&json).len();
        assert_eq!(
            encode_with_limit(&json, whole_len).unwrap().kind(),
            LinkKind::Whole
        );
        let n = encode_with_limit(&json, whole_len - 1).unwrap();
        assert_eq!(n.kind(), LinkKind::NotesOnly);
        assert!(n.len() < whole_len);
        assert_eq!(encode_with_limit(&json, n.len()).unwrap(), n);
        let e = encode_with_limit(&json, n.len() - 1).unwrap_err();
        assert_eq!(
            e,
            ShareError::TooLong {
                chars: n.len(),
                limit: n.len() - 1
            }
        );
        assert!(
            e.to_string().contains("Export the article as a file"),
            "{e}"
        );
        // what is not an article file is never cut down to notes
        for bad in ["", "[1]", "{\"article\":{}}", "{\"article\":{\"text\":3}}"] {
            assert_eq!(
                encode_with_limit(bad, 5),
                Err(ShareError::NotArticleFile),
                "{bad}"
            );
            assert_eq!(whole(decode(encode(bad).as_str()).unwrap()), bad);
        }
    }

    #[test]
    fn a_long_article_travels_as_notes_within_the_portable_limit() {
        // 1,000 sentences of made-up words (about 100 KB, which deflate packs poorly) with
        // a claim on every tenth: too long for a whole link, short enough as notes
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut word = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 2 + (seed % 9) as usize;
            (0..len)
                .map(|k| char::from(b'a' + ((seed >> (5 * k)) % 26) as u8))
                .collect::<String>()
        };
        let text: String = (0..1000)
            .map(|i| {
                let words: Vec<String> = (0..12).map(|_| word()).collect();
                format!("Sentence {i} {} 漢字 😀 שלום. ", words.join(" "))
            })
            .collect();
        let mut a = Article::new(
            "long".into(),
            parse_str(&text, Some(Format::Text)),
            None,
            NOW,
        );
        let t = a.doc.text().to_string();
        let starts: Vec<usize> = t.match_indices("Sentence").map(|(i, _)| i).collect();
        for (k, w) in starts.windows(2).enumerate().step_by(10) {
            a.add_claim(
                format!("c{k}"),
                Span::new(w[0], w[1]),
                ClaimFields::default(),
                NOW,
            )
            .unwrap();
        }
        let json = export_article_with(&a, NOW, &[], &Identities::default(), None);
        assert!(encode(&json).len() > PORTABLE_LINK_CHARS);
        let link = encode_with_limit(&json, PORTABLE_LINK_CHARS).unwrap();
        assert_eq!(link.kind(), LinkKind::NotesOnly);
        let (notes_json, hash) = notes(decode(link.as_str()).unwrap());
        assert!(hash.matches(&t));
        let b = import_file(restore(&notes_json, &t).unwrap().as_bytes()).unwrap();
        assert_eq!(b.article.claims(), a.claims());
    }

    #[test]
    fn links_of_a_newer_gloss_ask_for_an_update() {
        for link in [
            "share=2.a.AAAA",
            "#share=2.z.!!",
            "share=18446744073709551615.a.",
        ] {
            let e = decode(link).unwrap_err();
            assert!(matches!(e, ShareError::NewerVersion { .. }), "{link}");
            assert!(
                e.to_string()
                    .contains("made by a newer version of Gloss (link version")
                    && e.to_string().contains("update this page"),
                "{e}"
            );
        }
        assert_eq!(
            decode("share=7.a.x"),
            Err(ShareError::NewerVersion { found: 7 })
        );
    }

    #[test]
    fn what_is_not_a_link_is_not_gloss() {
        for s in [
            "",
            "#",
            "share",
            "share=",
            "share=1",
            "share=1.a",
            "sharE=1.a.AAAA",
            "x=1&share=1.a.AAAA",
            "share=0.a.AAAA",
            "share=-1.a.AAAA",
            "share=+1.a.AAAA",
            "share=1x.a.AAAA",
            "share=18446744073709551616.a.AAAA",
            "share=١.a.AAAA",
            "https://gloss.example/#share=1.a.AAAA",
        ] {
            assert_eq!(decode(s), Err(ShareError::NotGlossLink), "{s:?}");
        }
        assert_eq!(
            decode("share=1.zip.AAAA"),
            Err(ShareError::Damaged(Damage::UnknownKind {
                found: "zip".into()
            }))
        );
    }

    #[test]
    fn damaged_links_are_refused_as_damaged() {
        let (_, json) = page_article();
        let link = encode(&json);
        let s = link.as_str();
        let damaged = |s: &str| match decode(s) {
            Err(ShareError::Damaged(d)) => d,
            other => panic!("{s:.60}: {other:?}"),
        };
        // a character that is not base64url, where it is
        let at = s.len() - 100;
        let bad = format!("{}%{}", &s[..at], &s[at + 1..]);
        let head = "share=1.a.".len();
        assert_eq!(
            damaged(&bad),
            Damage::BadCharacter {
                found: '%',
                at: at - head
            }
        );
        let bad = format!("{}😀{}", &s[..at], &s[at + 1..]);
        assert!(matches!(
            damaged(&bad),
            Damage::BadCharacter { found: '😀', .. }
        ));
        assert!(damaged(&bad).to_string().contains("😀"));
        // padding and standard base64's letters are not ours
        assert!(matches!(
            damaged(&format!("{s}=")),
            Damage::BadCharacter { found: '=', .. }
        ));
        assert!(matches!(
            damaged(&format!("{}+", &s[..s.len() - 1])),
            Damage::BadCharacter { found: '+', .. }
        ));
        // cut short: by every count of characters from the end, from one to all
        for cut in 1..s.len() - head {
            let e = decode(&s[..s.len() - cut]).unwrap_err();
            assert!(matches!(e, ShareError::Damaged(_)), "cut {cut}: {e:?}");
        }
        // cut by whole bytes (a base64 that reads, but a stream cut short)
        for cut in [1, 8, 9, 100] {
            let t = with_bytes(&link, |b| b.truncate(b.len() - cut));
            assert!(
                matches!(decode(&t), Err(ShareError::Damaged(_))),
                "cut {cut}"
            );
        }
        // a character added
        assert!(matches!(
            decode(&format!("{s}A")),
            Err(ShareError::Damaged(_))
        ));
        // every single byte changed, one at a time, at spread places: refused, unless the
        // change still unpacks to the very same file (a copy from another place holding
        // the same words), which the check proves
        let n = base64url::read(&s[head..]).unwrap().len();
        for at in (0..n).step_by(7).chain([n - 1]) {
            for flip in [1u8, 0x80, 0xff] {
                let t = with_bytes(&link, |b| b[at] ^= flip);
                match decode(&t) {
                    Err(ShareError::Damaged(_)) => {}
                    Ok(same) => assert_eq!(whole(same), json, "byte {at} ^ {flip}"),
                    Err(e) => panic!("byte {at} ^ {flip}: {e:?}"),
                }
            }
        }
        // a byte added after the stream's end is not read: the same file, as the check says
        let t = with_bytes(&link, |b| b.insert(b.len() - CHECK_BYTES, 0));
        assert_eq!(whole(decode(&t).unwrap()), json);
        let e = ShareError::Damaged(Damage::CheckFailed);
        assert_eq!(
            e.to_string(),
            "This link is damaged: its contents were changed on the way. Ask for it again and copy all of it."
        );
    }

    #[test]
    fn contents_that_are_not_text_are_damaged() {
        let mut link = format!("{LINK_PREFIX}1.a.");
        let bytes = [0xffu8, 0xfe, 0x00];
        let mut packed = miniz_oxide::deflate::compress_to_vec(&bytes, 9);
        packed.extend_from_slice(&fnv1a64(&bytes).to_be_bytes());
        base64url::write(&packed, &mut link);
        assert_eq!(decode(&link), Err(ShareError::Damaged(Damage::NotText)));
        // notes without a text hash
        let notes = encode("{\"article\":{}}")
            .as_str()
            .replacen(".a.", ".n.", 1);
        assert_eq!(decode(&notes), Err(ShareError::Damaged(Damage::BadNotes)));
        // fewer bytes than the check
        assert_eq!(
            decode("share=1.a.AAAA"),
            Err(ShareError::Damaged(Damage::Unreadable))
        );
    }

    /// A link of `bytes` packed as they are, with their check.
    fn raw_link(kind: char, packed: &[u8], check: u64) -> String {
        let mut link = format!("{LINK_PREFIX}1.{kind}.");
        let mut b = packed.to_vec();
        b.extend_from_slice(&check.to_be_bytes());
        base64url::write(&b, &mut link);
        link
    }

    #[test]
    fn a_zip_bomb_is_refused_at_the_cap() {
        // a stream of some 32 KB that would unpack to one byte past the cap
        let big = vec![b' '; MAX_IMPORT_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec(&big, 9);
        assert!(packed.len() < 40_000, "{}", packed.len());
        let link = raw_link('a', &packed, fnv1a64(&big));
        let e = decode(&link).unwrap_err();
        assert_eq!(
            e,
            ShareError::TooLarge {
                limit: MAX_IMPORT_BYTES
            }
        );
        assert!(e.to_string().contains("more than 32 MB"), "{e}");
        // the cap itself is allowed
        let at = &big[..MAX_IMPORT_BYTES];
        let link = raw_link(
            'a',
            &miniz_oxide::deflate::compress_to_vec(at, 9),
            fnv1a64(at),
        );
        assert_eq!(whole(decode(&link).unwrap()).len(), MAX_IMPORT_BYTES);
    }

    #[test]
    fn base64url_reads_what_it_writes_and_nothing_else() {
        // RFC 4648's test vectors, without padding
        for (bytes, text) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut s = String::new();
            base64url::write(bytes.as_bytes(), &mut s);
            assert_eq!(s, text);
            assert_eq!(base64url::read(text).unwrap(), bytes.as_bytes());
        }
        // the URL-safe letters where standard base64 has '+' and '/'
        let mut s = String::new();
        base64url::write(&[0xfb, 0xff, 0xbf], &mut s);
        assert_eq!(s, "-_-_");
        assert_eq!(base64url::read("-_-_").unwrap(), [0xfb, 0xff, 0xbf]);
        let all: Vec<u8> = (0..=255).collect();
        let mut s = String::new();
        base64url::write(&all, &mut s);
        assert_eq!(base64url::read(&s).unwrap(), all);
        // a lone last character, or bits set after the last byte
        for bad in ["Z", "Zm9vY", "Zh", "Zm9", "Zm9vYh"] {
            assert_eq!(base64url::read(bad), Err(Damage::BadEnd), "{bad}");
        }
        assert_eq!(base64url::read("Zm9"), Err(Damage::BadEnd));
        for (bad, found, at) in [
            ("Zm9v+", '+', 4),
            ("Zm=", '=', 2),
            ("a b", ' ', 1),
            ("é", 'é', 0),
        ] {
            assert_eq!(
                base64url::read(bad),
                Err(Damage::BadCharacter { found, at })
            );
        }
    }

    #[test]
    fn text_hashes_are_fnv1a_64() {
        // the FNV test suite's values
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
        let h = text_hash("漢字 😀 שלום");
        assert_eq!(h.to_string().len(), "fnv1a64:".len() + 16);
        assert_eq!(TextHash::read(&h.to_string()), Some(h));
        for bad in [
            "",
            "fnv1a64:",
            "fnv1a64:123",
            "sha256:0123456789abcdef",
            "fnv1a64:+123456789abcdef",
            "fnv1a64:0123456789abcdeg",
        ] {
            assert_eq!(TextHash::read(bad), None, "{bad}");
        }
        assert!(h.matches("漢字 😀 שלום"));
        // the same letters in another form are another text
        assert!(!text_hash("Cafe\u{301}").matches("Caf\u{e9}"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod prop {
    use super::*;
    use crate::core::annotation::{ClaimFields, ClaimType};
    use crate::core::format::{export_article, import_file};
    use crate::core::library::Article;
    use crate::core::offsets::Span;
    use crate::core::parse::{parse_str, Format};
    use proptest::prelude::*;

    const NOW: &str = "2026-11-27T00:00:00.000Z";

    /// Text of words in several scripts: Latin with combining marks, emoji (with ZWJ and
    /// skin tones), CJK, Hebrew and Arabic, with spaces, punctuation and new lines.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-zA-Z]{1,8}",
            Just("e\u{301}".to_string()),
            Just("😀".to_string()),
            Just("👩\u{200d}💻".to_string()),
            Just("👍🏽".to_string()),
            "[漢字テスト東京]{1,4}",
            "[שלוםעברית]{1,5}",
            "[مرحبا]{1,5}",
            Just(" ".to_string()),
            Just(". ".to_string()),
            Just("“quoted” ".to_string()),
            Just("\n\n".to_string()),
            Just("\"\\\u{7}".to_string()),
        ];
        proptest::collection::vec(piece, 1..120).prop_map(|v| v.concat())
    }

    /// An article of `text` with claims over the byte ranges asked for (snapped to
    /// characters and trimmed by `add_claim`; ranges holding no text make no claim).
    fn article(text: &str, spans: &[(usize, usize, u8, String)]) -> Article {
        let mut a = Article::new("a".into(), parse_str(text, Some(Format::Text)), None, "t");
        let len = a.doc.text().len();
        for (k, (x, y, kind, note)) in spans.iter().enumerate() {
            let (s, e) = (x % (len + 1), y % (len + 1));
            let fields = ClaimFields {
                claimant: note.chars().rev().collect(),
                kind: ClaimType::ALL[usize::from(*kind) % ClaimType::ALL.len()],
                note: note.clone(),
                tags: vec![note.clone()],
                ..ClaimFields::default()
            };
            let _ = a.add_claim(format!("c{k}"), Span::new(s.min(e), s.max(e)), fields, "t");
        }
        a
    }

    fn spans() -> impl Strategy<Value = Vec<(usize, usize, u8, String)>> {
        proptest::collection::vec(
            (any::<usize>(), any::<usize>(), any::<u8>(), "\\PC{0,12}"),
            0..8,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn article_files_come_back_byte_for_byte(t in text(), s in spans()) {
            let a = article(&t, &s);
            let json = export_article(&a, NOW);
            let link = encode(&json);
            match decode(link.as_str()).unwrap().kind {
                SharedKind::Whole(back) => prop_assert_eq!(back, json.clone()),
                other => prop_assert!(false, "{:?}", other),
            }
            // as notes, every claim comes back onto the same text
            let too_long = matches!(encode_with_limit(&json, 0), Err(ShareError::TooLong { .. }));
            prop_assert!(too_long);
            let n = link_of(LinkKind::NotesOnly, notes_only(&json).unwrap().as_bytes());
            let SharedKind::NotesOnly { notes_json, text_hash } = decode(n.as_str()).unwrap().kind else {
                return Err(TestCaseError::fail("not notes"));
            };
            prop_assert!(text_hash.matches(a.doc.text()));
            let b = import_file(restore(&notes_json, a.doc.text()).unwrap().as_bytes()).unwrap();
            prop_assert_eq!(b.article.claims(), a.claims());
            prop_assert_eq!(encode_with_limit(&json, n.len()).unwrap().kind(), if link.len() <= n.len() { LinkKind::Whole } else { LinkKind::NotesOnly });
        }

        #[test]
        fn any_fragment_is_read_or_refused_without_a_panic(
            s in prop_oneof![
                "\\PC{0,80}",
                "share=1\\.[an]\\.[A-Za-z0-9_-]{0,200}",
                "share=[0-9]{1,3}\\.[a-z]{0,2}\\.[A-Za-z0-9_=+/.-]{0,60}",
            ]
        ) {
            let _ = decode(&s);
            let _ = decode(&format!("#{s}"));
        }

        #[test]
        fn changed_links_are_refused(t in text(), at in any::<usize>(), c in "[A-Za-z0-9_-]") {
            let json = export_article(&article(&t, &[]), NOW);
            let link = encode(&json);
            let head = "share=1.a.".len();
            let s = link.as_str();
            let at = head + at % (s.len() - head);
            prop_assume!(&s[at..at + 1] != c.as_str());
            let changed = format!("{}{}{}", &s[..at], c, &s[at + 1..]);
            let (changed, cut) = (decode(&changed), decode(&s[..at]));
            // refused, or the very same file (the check proves it)
            match changed {
                Err(ShareError::Damaged(_)) => {}
                Ok(Shared { kind: SharedKind::Whole(back) }) => prop_assert_eq!(back, json),
                other => prop_assert!(false, "{:?}", other),
            }
            prop_assert!(matches!(cut, Err(ShareError::Damaged(_))), "{:?}", cut);
        }
    }
}
