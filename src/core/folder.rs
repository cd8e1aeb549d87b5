//! A folder brought in as a library in one step: the article files a batch made over an
//! archive (`core::article_file`: the Python package, the Spark job), article files
//! exported from Gloss, and pages (`.txt`, `.md`, `.html`, …) opened as the app opens a
//! file. `Folder` takes the files one at a time, reads what it can and says why it left
//! each other one out; `finish` gives a `Backup` that `backup::plan` previews and
//! `backup::apply` imports, as for a library backup, so nothing changes before the
//! person has seen what will.

use std::fmt;

use super::article_file::{batch_id, refusal, Refused};
use super::backup::Backup;
use super::format::{import_file, ImportError, JsonKind};
use super::library::Article;
use super::parse::{parse_bytes, Format};
use super::rating::Scale;
use super::relations::Identities;
use super::stored::fnv1a64;

/// What a file in a folder is taken for, by its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.json` or `.jsonld`: a Gloss article file, or else left out with the reason.
    GlossFile,
    /// A page or a text, opened as the app opens a file of its kind.
    Page(Format),
    /// Hidden (a name or folder starting with a dot) or of another kind (an image, a
    /// spreadsheet): not read at all.
    Other,
}

/// What `path` (as the browser gives it: `folder/sub/name.ext`) is taken for.
pub fn kind(path: &str) -> Kind {
    if path.split(['/', '\\']).any(|part| part.starts_with('.')) {
        return Kind::Other;
    }
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".json") || lower.ends_with(".jsonld") {
        return Kind::GlossFile;
    }
    match Format::from_file_name(path) {
        Some(f) => Kind::Page(f),
        None => Kind::Other,
    }
}

/// The name a folder's files share (the first part of their paths), else "the files"
/// (several folders dropped together).
pub fn name<'a>(mut paths: impl Iterator<Item = &'a str>) -> String {
    let first = |p: &'a str| p.split(['/', '\\']).next().unwrap_or("");
    let Some(name) = paths.next().map(first).filter(|n| !n.is_empty()) else {
        return "the files".into();
    };
    if paths.all(|p| first(p) == name) {
        name.to_string()
    } else {
        "the files".into()
    }
}

/// Why a file of the folder was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Left {
    /// The browser could not read it, or it is too large; the reader's words.
    NotRead(String),
    /// JSON that is not a Gloss article file.
    NotGlossFile,
    /// A library backup: it is imported on its own.
    Backup,
    /// A Gloss article file that cannot be read.
    Unreadable(ImportError),
    /// A page the app would refuse to open (binary data, no text).
    Refused(Refused),
    /// The same article (its id, or its very text) as a file kept instead: the Gloss
    /// file over the page, else the one changed last.
    Twice { kept: String },
}

impl fmt::Display for Left {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Left::NotRead(why) => f.write_str(why),
            Left::NotGlossFile => f.write_str("not a Gloss article file"),
            Left::Backup => {
                f.write_str("a library backup; import it by itself with Import library")
            }
            Left::Unreadable(e) => write!(f, "{e}"),
            Left::Refused(r) => write!(f, "{r}"),
            Left::Twice { kept } => write!(f, "the same article as “{kept}”, which is kept"),
        }
    }
}

/// A file left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub path: String,
    pub why: Left,
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” ({})", self.path, self.why)
    }
}

/// An article read from the folder, with where it came from.
struct Found {
    path: String,
    article: Article,
    /// Read from a Gloss article file (which may hold suggestions and decisions), not a page.
    from_file: bool,
    /// The rating scale its file names (`None`: the built-in statuses, or a page).
    scale: Option<Scale>,
    /// Hashes of its id and its text, to find two of one article quickly.
    id_hash: u64,
    hash: u64,
}

impl Found {
    fn new(path: &str, article: Article, from_file: bool, scale: Option<Scale>) -> Found {
        Found {
            path: path.to_string(),
            scale,
            id_hash: fnv1a64(article.id.as_bytes()),
            hash: fnv1a64(article.doc.text().as_bytes()),
            article,
            from_file,
        }
    }

    /// Whether `other` is the same article: its id, or its very text.
    fn same(&self, other: &Found) -> bool {
        (self.id_hash == other.id_hash && self.article.id == other.article.id)
            || (self.hash == other.hash && self.article.doc.text() == other.article.doc.text())
    }

    /// Which of two copies of one article is kept: the Gloss file over the page, else the
    /// one changed last.
    fn better_than(&self, other: &Found) -> bool {
        (self.from_file, self.article.modified.as_str())
            > (other.from_file, other.article.modified.as_str())
    }
}

/// A folder being read, one file at a time.
pub struct Folder {
    now: String,
    found: Vec<Found>,
    left_out: Vec<LeftOut>,
    ignored: usize,
    identities: Identities,
}

/// What reading a folder gave: a backup of its articles (in the order of their paths,
/// the first of them open), and the files left out.
#[derive(Debug)]
pub struct Read {
    pub backup: Backup,
    /// In the order of their paths.
    pub left_out: Vec<LeftOut>,
    /// Hidden files and files of other kinds, not read.
    pub ignored: usize,
}

impl Folder {
    /// A folder whose pages become articles made at `now` (the app's clock).
    pub fn new(now: &str) -> Folder {
        Folder {
            now: now.to_string(),
            found: Vec::new(),
            left_out: Vec::new(),
            ignored: 0,
            identities: Identities::default(),
        }
    }

    /// Takes one file of the folder, read whole.
    pub fn take(&mut self, path: &str, bytes: &[u8]) {
        match kind(path) {
            Kind::Other => self.ignored += 1,
            Kind::GlossFile => self.take_gloss_file(path, bytes),
            Kind::Page(format) => {
                let parsed = parse_bytes(bytes, Some(format));
                if let Some(why) = refusal(&parsed) {
                    return self.leave(path, Left::Refused(why));
                }
                // the id the batch gives the same input read under the same path: the same
                // folder imported again finds this article by id (the batch's own article
                // file of it, made under another path, is found by its text)
                let id = batch_id(bytes, Some(format), Some(path));
                let article = Article::new(id, parsed, Some(path.to_string()), &self.now);
                self.found.push(Found::new(path, article, false, None));
            }
        }
    }

    /// A file not taken: skipped by its kind (`kind` says `Other`) without reading it.
    pub fn ignore(&mut self) {
        self.ignored += 1;
    }

    /// A file that could not be read, in the reader's words.
    pub fn not_read(&mut self, path: &str, why: String) {
        self.leave(path, Left::NotRead(why));
    }

    fn leave(&mut self, path: &str, why: Left) {
        self.left_out.push(LeftOut {
            path: path.to_string(),
            why,
        });
    }

    fn take_gloss_file(&mut self, path: &str, bytes: &[u8]) {
        match JsonKind::of(bytes) {
            JsonKind::Backup => return self.leave(path, Left::Backup),
            JsonKind::Annotations | JsonKind::Other => return self.leave(path, Left::NotGlossFile),
            JsonKind::Article => {}
        }
        let imported = match import_file(bytes) {
            Ok(i) => i,
            Err(e) => return self.leave(path, Left::Unreadable(e)),
        };
        self.identities.absorb(imported.identities.entries());
        self.found
            .push(Found::new(path, imported.article, true, imported.scale));
    }

    /// The articles in the order of their paths, each once (`Found::same`, `better_than`).
    pub fn finish(self) -> Read {
        let Folder {
            mut found,
            mut left_out,
            ignored,
            identities,
            ..
        } = self;
        super::sort::sort_by(&mut found, |a, b| a.path.cmp(&b.path));
        // each article against those kept (none of which is `same` as another): quadratic
        // in the articles, but each comparison is of two pairs of hashes (10,000 articles,
        // 50 million: 41 ms natively)
        let mut kept: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            let matches: Vec<usize> = (0..kept.len()).filter(|&i| kept[i].same(&f)).collect();
            let Some(&at) = matches.first() else {
                kept.push(f);
                continue;
            };
            // the newcomer may be one with two kept (one by id, one by text): of all of
            // them the best stays, in the first one's place, and the others are left out
            let mut group = vec![f];
            for &i in matches.iter().rev() {
                group.push(kept.remove(i));
            }
            let best = (1..group.len()).fold(0, |b, i| {
                if group[i].better_than(&group[b]) {
                    i
                } else {
                    b
                }
            });
            let stays = group.swap_remove(best);
            for goes in group {
                left_out.push(LeftOut {
                    path: goes.path,
                    why: Left::Twice {
                        kept: stays.path.clone(),
                    },
                });
            }
            kept.insert(at, stays);
        }
        let scale = joined_scale(&kept);
        super::sort::sort_by(&mut left_out, |a, b| a.path.cmp(&b.path));
        let articles: Vec<Article> = kept.into_iter().map(|f| f.article).collect();
        let current = articles.first().map(|a| a.id.clone());
        Read {
            backup: Backup {
                articles,
                identities,
                current,
                scale,
            },
            left_out,
            ignored,
        }
    }
}

/// The scale of the first article (in path order) whose file names one; the verdicts of
/// the others, from another scale or the built-in statuses, are added to it by their own
/// names (`Scale::keep_used`). `None` when no file names a scale.
fn joined_scale(kept: &[Found]) -> Option<Scale> {
    let mut ours = kept.iter().find_map(|f| f.scale.clone())?;
    let statuses = Scale::statuses();
    for f in kept.iter().filter(|f| f.from_file) {
        let theirs = f.scale.as_ref().unwrap_or(&statuses);
        if *theirs != ours {
            ours.keep_used(f.article.verdicts(), theirs);
        }
    }
    Some(ours)
}

#[cfg(test)]
mod tests;
