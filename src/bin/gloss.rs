//! `gloss`: the command line for the same core the app uses.
//!   gloss analyze FILE   prints one JSON object for the article (offsets in code points)

use gloss::core::{analyze, parse};
use std::process::ExitCode;

const USAGE: &str =
    "usage: gloss analyze FILE\n  FILE: a .txt, .md or .html article (- reads standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "analyze" => analyze_file(file),
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

fn analyze_file(path: &str) -> ExitCode {
    let bytes = if path == "-" {
        let mut v = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut v) {
            eprintln!("gloss: cannot read standard input: {e}");
            return ExitCode::from(1);
        }
        v
    } else {
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("gloss: cannot read {path}: {e}");
                return ExitCode::from(1);
            }
        }
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
