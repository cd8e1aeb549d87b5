//! `gloss`: the command line for the same core the app uses.
//!   gloss analyze FILE   prints one JSON object for the article (offsets in code points)
//!   gloss page FILE...   prints one JSON line per web page: its story and metadata
//!   gloss scores FILE    prints one JSON line per claim found, suggested or not, with its
//!                        check-worthiness (for measuring it: scripts/bench-worth.py)

use gloss::core::document::BlockKind;
use gloss::core::{analyze, parse};
use std::process::ExitCode;

const USAGE: &str =
    "usage: gloss analyze FILE\n       gloss page FILE...\n       gloss scores FILE\n  \
    FILE: a .txt, .md or .html article (- reads standard input); page reads HTML pages \
    (.html, .htm, .html.gz is not read: decompress first)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "analyze" => analyze_file(file),
        [cmd, file] if cmd == "scores" => score_file(file),
        [cmd, files @ ..] if cmd == "page" && !files.is_empty() => page_files(files),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
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
        let body: Vec<&str> = parsed
            .page
            .iter()
            .filter(|b| b.kept() && !matches!(b.kind, BlockKind::Title | BlockKind::Caption))
            .map(|b| b.text.as_str())
            .collect();
        let line = serde_json::json!({
            "file": path,
            "metadata": parsed.metadata,
            "body": body.join("\n"),
            "blocks": parsed.page,
        });
        println!("{line}");
    }
    status
}

fn read(path: &str) -> Option<Vec<u8>> {
    if path == "-" {
        let mut v = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut v) {
            eprintln!("gloss: cannot read standard input: {e}");
            return None;
        }
        return Some(v);
    }
    match std::fs::read(path) {
        Ok(b) => Some(b),
        Err(e) => {
            eprintln!("gloss: cannot read {path}: {e}");
            None
        }
    }
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

fn analyze_file(path: &str) -> ExitCode {
    let Some(bytes) = read(path) else {
        return ExitCode::from(1);
    };
    let parsed = parse::parse_bytes(&bytes, parse::Format::from_file_name(path));
    match serde_json::to_string_pretty(&analyze::report(&parsed)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gloss: cannot write the report: {e}");
            ExitCode::from(1)
        }
    }
}
