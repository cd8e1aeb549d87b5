//! `gloss analyze` over many articles: the files and folders named, read and analysed on
//! every core, one JSON line per article written in the order of the files, an error line
//! for an article that fails (the batch goes on).

use super::progress::Progress;
use gloss::core::analyze::{self, Fields};
use gloss::core::parse;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// The extensions read from a folder (a file named on its own is read whatever its name).
const ARTICLE_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

/// One article to analyse: standard input, or a file as it is named in the output.
pub enum Source {
    Stdin,
    File {
        name: String,
        bytes: u64,
    },
    /// A path that could not be listed, kept so that its error has its place in the output.
    Unlisted {
        name: String,
        error: String,
    },
}

impl Source {
    pub fn name(&self) -> &str {
        match self {
            Source::Stdin => "-",
            Source::File { name, .. } | Source::Unlisted { name, .. } => name,
        }
    }

    fn bytes(&self) -> u64 {
        match self {
            Source::File { bytes, .. } => *bytes,
            _ => 0,
        }
    }
}

/// The articles the arguments name, in order: a folder gives its article files (those
/// with an extension in `ARTICLE_EXTENSIONS`, in its subfolders too, hidden ones left
/// out) sorted by path.
pub fn sources(args: &[String]) -> Vec<Source> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                let before = out.len();
                if let Err(error) = walk(path, &mut files) {
                    out.push(Source::Unlisted {
                        name: arg.clone(),
                        error: format!("cannot list {arg}: {error}"),
                    });
                }
                files.sort();
                out.extend(files.into_iter().map(|(p, bytes)| Source::File {
                    name: p.to_string_lossy().into_owned(),
                    bytes,
                }));
                if out.len() == before {
                    out.push(Source::Unlisted {
                        name: arg.clone(),
                        error: format!("no .txt, .md, .html or .htm files in {arg}"),
                    });
                }
            }
            Ok(m) => out.push(Source::File {
                name: arg.clone(),
                bytes: m.len(),
            }),
            // reading it names the problem, in its place
            Err(_) => out.push(Source::File {
                name: arg.clone(),
                bytes: 0,
            }),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, u64)>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let meta = std::fs::metadata(&path)?;
        if meta.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push((path, meta.len()));
        }
    }
    Ok(())
}

/// What became of one article: its report as one JSON line, or what went wrong.
enum Outcome {
    Line(Vec<u8>),
    Failed(String),
}

/// Reads standard input or a file.
pub fn read(source: &Source) -> Result<Vec<u8>, String> {
    match source {
        Source::Stdin => {
            let mut v = Vec::new();
            io::Read::read_to_end(&mut io::stdin(), &mut v)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(v)
        }
        Source::File { name, .. } => {
            std::fs::read(name).map_err(|e| format!("cannot read {name}: {e}"))
        }
        Source::Unlisted { error, .. } => Err(error.clone()),
    }
}

fn analyze_one(source: &Source, fields: Fields) -> Outcome {
    let bytes = match read(source) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e),
    };
    let name = source.name();
    // parsing never panics; if a bug makes it, this article fails and the batch goes on
    let run = std::panic::catch_unwind(|| {
        let format = match source {
            Source::Stdin => None,
            _ => parse::Format::from_file_name(name),
        };
        let parsed = parse::parse_bytes(&bytes, format);
        let mut line = serde_json::to_vec(&analyze::report_of(&parsed, fields, Some(name)))?;
        line.push(b'\n');
        Ok::<_, serde_json::Error>(line)
    });
    match run {
        Ok(Ok(line)) => Outcome::Line(line),
        Ok(Err(e)) => Outcome::Failed(format!("cannot write the report of {name}: {e}")),
        Err(_) => Outcome::Failed(format!(
            "Gloss failed on {name} (an internal error: please report it with the file)"
        )),
    }
}

/// The error line for an article in the output, in its place.
fn error_line(name: &str, error: &str) -> Vec<u8> {
    let mut line = serde_json::json!({ "file": name, "error": error }).to_string();
    line.push('\n');
    line.into_bytes()
}

/// How a batch went.
pub struct Summary {
    pub articles: usize,
    pub failed: usize,
}

/// Analyses every source on `jobs` threads and writes each one's line to `out` in the
/// order of `sources`, as soon as it and those before it are done. Stops early only when
/// `out` cannot be written.
pub fn run(
    sources: &[Source],
    fields: Fields,
    jobs: usize,
    out: &mut impl Write,
    mut progress: Option<Progress>,
) -> io::Result<Summary> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut failed = 0;
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|scope| -> io::Result<()> {
        for _ in 0..jobs.clamp(1, sources.len().max(1)) {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = sources.get(i) else { break };
                if stop.load(Ordering::Relaxed)
                    || tx.send((i, analyze_one(source, fields))).is_err()
                {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut written = 0;
        let result = (|| {
            for (i, outcome) in rx.iter() {
                waiting.insert(i, outcome);
                while let Some(outcome) = waiting.remove(&written) {
                    let source = &sources[written];
                    let line = match outcome {
                        Outcome::Line(line) => line,
                        Outcome::Failed(error) => {
                            failed += 1;
                            if let Some(p) = progress.as_mut() {
                                p.clear();
                            }
                            eprintln!("gloss: {error}");
                            error_line(source.name(), &error)
                        }
                    };
                    out.write_all(&line)?;
                    written += 1;
                    if let Some(p) = progress.as_mut() {
                        p.advance(source.bytes());
                    }
                }
            }
            out.flush()
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        if let Some(p) = progress.as_mut() {
            p.clear();
        }
        result
    })?;
    Ok(Summary {
        articles: sources.len(),
        failed,
    })
}

/// How many threads to use: one per core.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The total size of the files, for the progress bar.
pub fn total_bytes(sources: &[Source]) -> u64 {
    sources.iter().map(Source::bytes).sum()
}
