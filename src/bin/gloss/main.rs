//! `gloss`: the command line for the same core the app uses.
//!   gloss analyze [--fields LIST] [--jobs N] PATH...
//!                        one JSON line per article (offsets in code points), files and
//!                        folders analysed on every core
//!   gloss page FILE...   prints one JSON line per web page: its story and metadata
//!   gloss scores FILE    prints one JSON line per claim found, suggested or not, with its
//!                        check-worthiness (for measuring it: scripts/bench-worth.py)

mod batch;
mod progress;

use gloss::core::analyze::{self, Field, Fields};
use gloss::core::parse;
use std::process::ExitCode;

const USAGE: &str = "usage: gloss analyze [--fields LIST] [--jobs N] PATH...
       gloss page FILE...
       gloss scores FILE
  analyze: one JSON line per article, in the order given: {\"file\", \"offsetUnit\", and the
    fields}; an article that cannot be read or analysed gives {\"file\", \"error\"} and the
    others go on (exit status 1). Offsets are in code points.
    PATH     a .txt, .md or .html article, a folder (its .txt, .md, .markdown, .html and .htm
             files, in subfolders too, by path), or - (standard input)
    --fields which parts to write, comma separated (default: all): FIELDS
    --jobs   how many articles at once (default: one per core)
  page: one JSON line per web page (.html, .htm; .html.gz is not read: decompress first)";

fn usage() -> String {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    USAGE.replace("FIELDS", &names.join(","))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, rest @ ..] if cmd == "analyze" => match AnalyzeArgs::parse(rest) {
            Ok(a) => analyze_files(a),
            Err(e) => {
                eprintln!("gloss: {e}\n{}", usage());
                ExitCode::from(2)
            }
        },
        [cmd, file] if cmd == "scores" => score_file(file),
        [cmd, files @ ..] if cmd == "page" && !files.is_empty() => page_files(files),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{}", usage());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{}", usage());
            ExitCode::from(2)
        }
    }
}

/// `gloss analyze`'s arguments.
struct AnalyzeArgs {
    fields: Fields,
    jobs: usize,
    paths: Vec<String>,
}

impl AnalyzeArgs {
    fn parse(args: &[String]) -> Result<AnalyzeArgs, String> {
        let mut a = AnalyzeArgs {
            fields: Fields::ALL,
            jobs: batch::cores(),
            paths: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| it.next().cloned())
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag {
                "--fields" => {
                    a.fields = Fields::parse(&value()?)
                        .map_err(|name| format!("no field called \"{name}\""))?
                }
                "--jobs" | "-j" => {
                    let v = value()?;
                    a.jobs = v
                        .parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| format!("--jobs takes a number above 0, not \"{v}\""))?
                }
                "--" => {
                    a.paths.extend(it.by_ref().cloned());
                }
                f if f.starts_with("--") => return Err(format!("no option {f}")),
                _ => a.paths.push(arg.clone()),
            }
        }
        if a.paths.is_empty() {
            return Err("name at least one article or folder".into());
        }
        Ok(a)
    }
}

fn analyze_files(args: AnalyzeArgs) -> ExitCode {
    let sources = batch::sources(&args.paths);
    let progress = (sources.len() > 1)
        .then(|| progress::Progress::on_terminal(sources.len(), batch::total_bytes(&sources)))
        .flatten();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    match batch::run(&sources, args.fields, args.jobs, &mut out, progress) {
        Ok(s) if s.failed == 0 => ExitCode::SUCCESS,
        Ok(s) => {
            if s.articles > 1 {
                eprintln!("gloss: {} of {} articles failed", s.failed, s.articles);
            }
            ExitCode::from(1)
        }
        // standard output closed early (`| head`): nothing more to say
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(1),
        Err(e) => {
            eprintln!("gloss: cannot write the reports: {e}");
            ExitCode::from(1)
        }
    }
}

/// One JSON line per page: `file`, `metadata`, `body` (the kept blocks but the headline
/// and figure captions, one per line) and `blocks` (every block of the page, kept or dropped).
fn page_files(paths: &[String]) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in paths {
        let Some(bytes) = read(path) else {
            status = ExitCode::from(1);
            continue;
        };
        let parsed = parse::parse_bytes(&bytes, Some(parse::Format::Html));
        let line = match analyze::page_line(&parsed, Some(path)).to_json() {
            Ok(line) => line,
            Err(e) => {
                eprintln!("gloss: cannot write the page of {path}: {e}");
                status = ExitCode::from(1);
                continue;
            }
        };
        println!("{line}");
    }
    status
}

/// One JSON line per claim the scan finds, suggested or not, with its check-worthiness.
fn score_file(path: &str) -> ExitCode {
    let Some(bytes) = read(path) else {
        return ExitCode::from(1);
    };
    let parsed = parse::parse_bytes(&bytes, parse::Format::from_file_name(path));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in analyze::scores(&parsed) {
        let Ok(json) = serde_json::to_string(&line) else {
            return ExitCode::from(1);
        };
        if std::io::Write::write_all(&mut out, format!("{json}\n").as_bytes()).is_err() {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

fn read(path: &str) -> Option<Vec<u8>> {
    let source = match path {
        "-" => batch::Source::Stdin,
        _ => batch::Source::File {
            name: path.to_string(),
            bytes: 0,
        },
    };
    batch::read(&source)
        .map_err(|e| eprintln!("gloss: {e}"))
        .ok()
}
