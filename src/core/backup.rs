//! The library backup file (`gloss.library`, version 1): every article, each written as its
//! own Gloss article file so one reader serves both, the entity identities, and which
//! article was open. Reading is all or nothing (`read_backup`); `plan` says what importing
//! would add and replace before anything changes, and `apply` does it.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

use super::format::{export_article, import_article, ImportError};
use super::library::{Article, Library};
use super::rating::Scale;
use super::relations::Identities;

pub const BACKUP_FORMAT: &str = "gloss.library";
pub const BACKUP_VERSION: u64 = 1;
/// A whole library may be large, but a file this size is no backup Gloss wrote.
pub const MAX_BACKUP_BYTES: usize = 256 * 1024 * 1024;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    exported: &'a str,
    current: Option<&'a str>,
    /// Pairs of a name and the entity it is one with.
    identities: Vec<(&'a str, &'a str)>,
    /// The library's rating scale (absent in backups from before rating scales).
    #[serde(rename = "ratingScale")]
    rating_scale: &'a Scale,
    articles: Vec<Box<RawValue>>,
}

#[derive(Deserialize)]
struct FileIn {
    format: String,
    version: u64,
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    identities: Vec<(String, String)>,
    #[serde(default, rename = "ratingScale")]
    rating_scale: Option<Scale>,
    articles: Vec<Box<RawValue>>,
}

/// Just the envelope, read first so a wrong kind of file gets its own message.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    version: Option<u64>,
}

/// A library read from a backup file.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub articles: Vec<Article>,
    pub identities: Identities,
    pub current: Option<String>,
    /// The scale its verdicts come from (`None`: the built-in statuses).
    pub scale: Option<Scale>,
}

#[derive(Debug)]
pub enum BackupError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotJson(String),
    NotABackup,
    Version(u64),
    /// An article in the file that cannot be read; `index` counts from 1.
    Article {
        index: usize,
        error: ImportError,
    },
    /// Two articles in the file with one id.
    DuplicateId(String),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {} MB, more than the {} MB a library backup may be.",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            BackupError::NotJson(e) => write!(f, "The file is not valid JSON ({e})."),
            BackupError::NotABackup => write!(
                f,
                "This file is not a Gloss library backup: it has no \"format\": \"{BACKUP_FORMAT}\"."
            ),
            BackupError::Version(v) => write!(
                f,
                "This library backup is version {v}; this Gloss reads version {BACKUP_VERSION}. A newer Gloss wrote it."
            ),
            BackupError::Article { index, error } => {
                write!(f, "Article {index} in the backup cannot be read: {error}")
            }
            BackupError::DuplicateId(id) => write!(
                f,
                "The backup holds two articles with the id {id}, so it was not written by Gloss as it is."
            ),
        }
    }
}

impl std::error::Error for BackupError {}

/// Writes the whole library as one backup file.
pub fn export_library(lib: &Library, current: Option<&str>, exported: &str) -> String {
    let articles = lib
        .articles()
        .iter()
        .filter_map(|a| RawValue::from_string(export_article(a, exported)).ok())
        .collect();
    let file = FileOut {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exported,
        current,
        identities: lib.identities.entries().collect(),
        rating_scale: &lib.scale,
        articles,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Whether text looks like a library backup (to send a dropped or pasted file the right way).
pub fn looks_like_backup(s: &str) -> bool {
    let head: String = s.trim_start().chars().take(200).collect();
    head.starts_with('{') && head.contains("\"format\"") && head.contains(BACKUP_FORMAT)
}

/// Reads a backup file. All or nothing: any article that cannot be read is an error that
/// says which one and why.
pub fn read_backup(bytes: &[u8]) -> Result<Backup, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BACKUP_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let probe: Probe =
        serde_json::from_slice(bytes).map_err(|e| BackupError::NotJson(e.to_string()))?;
    if probe.format.as_deref() != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match probe.version {
        Some(BACKUP_VERSION) => {}
        Some(v) => return Err(BackupError::Version(v)),
        None => return Err(BackupError::NotABackup),
    }
    let file: FileIn =
        serde_json::from_slice(bytes).map_err(|e| BackupError::NotJson(e.to_string()))?;
    debug_assert_eq!(file.format, BACKUP_FORMAT);
    debug_assert_eq!(file.version, BACKUP_VERSION);
    let mut articles: Vec<Article> = Vec::with_capacity(file.articles.len());
    for (i, raw) in file.articles.iter().enumerate() {
        let a = import_article(raw.get().as_bytes()).map_err(|error| BackupError::Article {
            index: i + 1,
            error,
        })?;
        if articles.iter().any(|b| b.id == a.id) {
            return Err(BackupError::DuplicateId(a.id));
        }
        articles.push(a);
    }
    let identities = Identities::from_entries(
        file.identities
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str())),
    );
    Ok(Backup {
        articles,
        identities,
        current: file.current,
        scale: file.rating_scale,
    })
}

/// An article of the backup that takes the place of one in the library.
#[derive(Clone, Debug, PartialEq)]
pub struct Replacement {
    /// The name in the library now.
    pub name: String,
    /// The name in the backup.
    pub incoming: String,
    pub claims_now: usize,
    pub claims_incoming: usize,
    /// Claims and links of the library's copy that the backup's copy lacks, or holds in an
    /// older version: the work importing would lose.
    pub lost: usize,
}

impl Replacement {
    /// What putting `incoming` in the place of the library's `here` does (a backup's
    /// article, or one imported file of an article already in the library).
    pub fn of(here: &Article, incoming: &Article) -> Replacement {
        Replacement {
            name: here.name.clone(),
            incoming: incoming.name.clone(),
            claims_now: here.claims().len(),
            claims_incoming: incoming.claims().len(),
            lost: work_lost(here, incoming),
        }
    }
}

/// What importing a backup would do, for the person to see before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Names of the articles added.
    pub adds: Vec<String>,
    pub replaces: Vec<Replacement>,
    /// Articles in the library that the backup does not hold: they stay as they are.
    pub kept: usize,
    /// Entity names the backup makes one with another that the library did not.
    pub new_identities: usize,
}

/// The claims and links of `here` that `incoming` lacks, or holds as they were before
/// `here`'s last edit (timestamps are ISO 8601 in UTC, so they compare as text).
fn work_lost(here: &Article, incoming: &Article) -> usize {
    let claims = here
        .claims()
        .iter()
        .filter(|c| {
            incoming
                .claim(&c.id)
                .is_none_or(|b| b.modified < c.modified || b.fields != c.fields || b.span != c.span)
        })
        .count();
    let links = here
        .links()
        .iter()
        .filter(|l| !incoming.links().iter().any(|b| b == *l))
        .count();
    claims + links
}

/// The library article each article of the backup takes the place of, if any: the one
/// with its id, or else one with its very same text that no other article of the backup
/// takes by id or has taken by text already. So two copies of one text in a backup stay
/// two articles, and each article of the library is replaced at most once.
fn targets(lib: &Library, backup: &Backup) -> Vec<Option<String>> {
    let by_id = |id: &str| backup.articles.iter().any(|b| b.id == id);
    let mut taken: Vec<String> = Vec::new();
    backup
        .articles
        .iter()
        .map(|a| {
            if lib.get(&a.id).is_some() {
                return Some(a.id.clone());
            }
            let here = lib.articles().iter().find(|h| {
                h.doc.text() == a.doc.text() && !by_id(&h.id) && !taken.contains(&h.id)
            })?;
            taken.push(here.id.clone());
            Some(here.id.clone())
        })
        .collect()
}

/// What importing `backup` into `lib` would add and replace (see `targets`).
pub fn plan(lib: &Library, backup: &Backup) -> Plan {
    let mut adds = Vec::new();
    let mut replaces = Vec::new();
    let mut touched: Vec<&str> = Vec::new();
    for (a, target) in backup.articles.iter().zip(targets(lib, backup)) {
        match target.as_deref().and_then(|id| lib.get(id)) {
            Some(here) => {
                touched.push(here.id.as_str());
                replaces.push(Replacement::of(here, a));
            }
            None => adds.push(a.name.clone()),
        }
    }
    let kept = lib
        .articles()
        .iter()
        .filter(|a| !touched.contains(&a.id.as_str()))
        .count();
    let new_identities = backup
        .identities
        .entries()
        .filter(|(name, entity)| !lib.identities.same(name, entity))
        .count();
    Plan {
        adds,
        replaces,
        kept,
        new_identities,
    }
}

/// Which of a backup's articles an import takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// Every one: added, or in the place of the one here it replaces.
    All,
    /// Only those not here yet: the library's copies stay as they are.
    OnlyNew,
}

/// Imports `backup` into `lib` as `plan` described: each article added, or put in the place
/// of the one it replaces (keeping its own id, which no other article here has) unless
/// `take` keeps the library's; identities joined. Returns the id of the backup's open
/// article when it is in the library after.
pub fn apply(lib: &mut Library, backup: Backup, take: Take) -> Option<String> {
    lib.identities.absorb(backup.identities.entries());
    let targets = targets(lib, &backup);
    for (a, target) in backup.articles.into_iter().zip(targets) {
        if target.is_some() && take == Take::OnlyNew {
            continue;
        }
        // the verdicts keep their names (see `Library::take_scale`)
        lib.take_scale(backup.scale.as_ref(), &a);
        match target {
            Some(id) => lib.replace(&id, a),
            None => lib.add(a),
        }
    }
    backup.current.filter(|id| lib.get(id).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;
    use crate::core::offsets::Span;
    use crate::core::parse::parse_str;

    const NOW: &str = "2026-12-02T10:00:00Z";
    const LATER: &str = "2026-12-03T10:00:00Z";

    fn article(id: &str, text: &str) -> Article {
        Article::new(
            id.into(),
            parse_str(text, None),
            Some(format!("{id}.txt")),
            NOW,
        )
    }

    fn library() -> Library {
        let mut a = article(
            "a1",
            "Title A\nThe café’s owner said 漢字 and שלום 👋🏽 matter.",
        );
        let fields = ClaimFields::default();
        a.add_claim("c1".into(), Span::new(8, 20), fields, NOW)
            .expect("a claim on the text");
        let b = article("b2", "Title B\nThe bridge opened on Monday.");
        let mut lib = Library::new(vec![a, b]);
        lib.identities.merge("Ann Lee", "A. Lee");
        lib
    }

    #[test]
    fn a_library_round_trips_with_nothing_lost() {
        let lib = library();
        let json = export_library(&lib, Some("b2"), NOW);
        assert!(looks_like_backup(&json));
        let b = read_backup(json.as_bytes()).expect("its own backup reads");
        assert_eq!(b.current.as_deref(), Some("b2"));
        assert_eq!(b.articles.len(), 2);
        for (x, y) in lib.articles().iter().zip(&b.articles) {
            assert_eq!(x.id, y.id);
            assert_eq!(x.doc.text(), y.doc.text());
            assert_eq!(x.claims(), y.claims());
        }
        assert!(b.identities.same("Ann Lee", "A. Lee"));
        // and again: a fixed point
        let mut again = Library::new(b.articles);
        again.identities = b.identities;
        assert_eq!(export_library(&again, Some("b2"), NOW), json);
    }

    #[test]
    fn the_plan_says_what_is_added_and_replaced_before_anything_changes() {
        let mut lib = library();
        let json = export_library(&lib, None, NOW);
        let backup = read_backup(json.as_bytes()).expect("reads");
        // the library goes on after the backup: a1's copy here is newer
        let now = lib.get("a1").map(|a| a.claims().len());
        assert_eq!(now, Some(1));
        lib.get_mut("a1").map(|a| a.rename("Renamed", LATER));
        let edit = ClaimFields {
            note: "checked again".into(),
            ..ClaimFields::default()
        };
        lib.get_mut("a1").map(|a| a.update_claim("c1", edit, LATER));
        lib.add(article("c3", "Title C\nOnly here."));
        let before = lib.clone();
        let p = plan(&lib, &backup);
        assert_eq!(lib, before, "planning changes nothing");
        assert!(p.adds.is_empty());
        assert_eq!(p.replaces.len(), 2);
        assert_eq!(p.replaces[0].name, "Renamed");
        assert_eq!(p.replaces[0].lost, 1, "the claim edited since the backup");
        assert_eq!(p.replaces[1].lost, 0);
        assert_eq!(p.kept, 1);
        assert_eq!(p.new_identities, 0);

        let mut empty = Library::default();
        let p = plan(&empty, &backup);
        assert_eq!(p.adds.len(), 2);
        assert_eq!(p.new_identities, 1);
        assert_eq!(apply(&mut empty, backup, Take::All), None);
        assert_eq!(empty.articles().len(), 2);
        assert!(empty.identities.same("A. Lee", "Ann Lee"));
    }

    #[test]
    fn apply_replaces_by_id_or_by_text_and_never_duplicates_an_id() {
        let mut lib = library();
        // the same text under another id in the library
        let mut other = Library::new(vec![article("zz", "Title B\nThe bridge opened on Monday.")]);
        other.identities = Identities::default();
        let backup = read_backup(export_library(&lib, Some("a1"), NOW).as_bytes()).expect("reads");
        assert_eq!(apply(&mut other, backup, Take::All), Some("a1".into()));
        let ids: Vec<&str> = other.articles().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b2", "a1"], "b2 took zz's place, a1 was added");
        // importing a backup into the library it came from changes no article's content
        let backup = read_backup(export_library(&lib, None, NOW).as_bytes()).expect("reads");
        let texts: Vec<String> = lib
            .articles()
            .iter()
            .map(|a| a.doc.text().to_string())
            .collect();
        apply(&mut lib, backup, Take::All);
        let after: Vec<String> = lib
            .articles()
            .iter()
            .map(|a| a.doc.text().to_string())
            .collect();
        assert_eq!(texts, after);
    }

    #[test]
    fn two_copies_of_one_text_stay_two_articles() {
        let copy = |id: &str| article(id, "Title B\nThe bridge opened on Monday.");
        let lib = Library::new(vec![copy("x1"), copy("y2")]);
        let backup = || read_backup(export_library(&lib, None, NOW).as_bytes()).expect("reads");
        // restored into an empty library: both
        let mut empty = Library::default();
        assert_eq!(plan(&empty, &backup()).adds.len(), 2);
        apply(&mut empty, backup(), Take::All);
        assert_eq!(empty.articles().len(), 2);
        // into a library holding the text once under another id: one replaced, one added
        let mut one = Library::new(vec![copy("z3")]);
        let p = plan(&one, &backup());
        assert_eq!((p.replaces.len(), p.adds.len(), p.kept), (1, 1, 0));
        apply(&mut one, backup(), Take::All);
        let ids: Vec<&str> = one.articles().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x1", "y2"]);
        // into the library it came from: each replaced by its own id
        let mut same = lib.clone();
        let p = plan(&same, &backup());
        assert_eq!((p.replaces.len(), p.adds.len()), (2, 0));
        apply(&mut same, backup(), Take::All);
        assert_eq!(same.articles().len(), 2);
    }

    #[test]
    fn the_rating_scale_travels_with_the_backup() {
        let mut lib = library();
        let own = Scale::own("Right\nWrong").unwrap();
        lib.set_scale(own.clone());
        let json = export_library(&lib, None, NOW);
        let b = read_backup(json.as_bytes()).unwrap();
        assert_eq!(b.scale.as_ref(), Some(&own));
        let mut fresh = Library::default();
        apply(&mut fresh, b, Take::All);
        assert_eq!(fresh.scale, own, "a library with no verdicts takes it");
        // a backup from before scales reads, its verdicts the built-in statuses
        let old = json.replacen("\"ratingScale\"", "\"unknownField\"", 1);
        assert_eq!(read_backup(old.as_bytes()).unwrap().scale, None);
    }

    #[test]
    fn a_bad_backup_names_the_problem() {
        let lib = library();
        let json = export_library(&lib, None, NOW);
        let e = |s: &str| read_backup(s.as_bytes()).expect_err("refused").to_string();
        assert!(e("not json").contains("not valid JSON"));
        assert!(e("{\"format\":\"gloss.article\",\"version\":4}")
            .contains("not a Gloss library backup"));
        assert!(e(&json.replace("\"version\": 1", "\"version\": 9")).contains("version 9"));
        // one damaged article: the whole import is refused and says which
        let broken = json.replacen("\"version\": 6", "\"version\": 99", 1);
        assert_ne!(broken, json);
        assert!(e(&broken).starts_with("Article 1 in the backup"));
        let twice = json.replacen("\"id\": \"b2\"", "\"id\": \"a1\"", 1);
        assert!(e(&twice).contains("two articles with the id a1"));
    }
}
