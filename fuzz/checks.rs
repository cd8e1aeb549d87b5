//! What each fuzz target checks, as plain functions of the input bytes: called by the
//! cargo-fuzz targets (`fuzz_targets/*.rs`) and, natively, by `tests/fuzz_regressions.rs`
//! over the seeds and every input that once failed (`fuzz/seeds/<target>/`,
//! `fuzz/regressions/<target>/`). A failed check panics.

// Each target uses one check; the native test uses them all.
#![allow(dead_code)]

use gloss::core::annotation::ClaimFields;
use gloss::core::backup::{apply, export_library, plan, read_backup, Take};
use gloss::core::folder::Folder;
use gloss::core::format::{export_article_with, import_file};
use gloss::core::graph::export::{claims_csv, gexf, graphml, svg};
use gloss::core::graph::{build, Source, View};
use gloss::core::library::{Article, Library};
use gloss::core::offsets::{floor_boundary, Span};
use gloss::core::parse::{parse_bytes, Format};
use gloss::core::pipeline::{extraction, findings, Findings};
use gloss::core::relations::Identities;

/// Every target by name, for the native test.
pub const TARGETS: [(&str, fn(&[u8])); 8] = [
    ("parse", parse),
    ("import", import),
    ("roundtrip", roundtrip),
    ("suggest", suggest),
    ("exports", exports),
    ("backup", backup),
    ("wire", wire),
    ("interchange", interchange),
];

/// Other tools' files and share links (`core::interchange`, `core::share`): any bytes as web
/// annotations (whose claims, carried onto a text, land on its characters), as a brat pair
/// (split at the first NUL: `.txt` before, `.ann` after; an article read holds valid
/// claims), and as a share link; never a panic.
pub fn interchange(data: &[u8]) {
    use gloss::core::carry::carry;
    use gloss::core::interchange::{brat, w3c};
    const TEXT: &str = "The mayor said 😀 crime fell 20%. Critics said it rose. 東京 grew. שלום.";
    if let Ok(read) = w3c::import(data) {
        for c in carry(TEXT, read.items).placed {
            assert!(c.span.is_valid_in(TEXT), "claim {:?}", c.span);
        }
    }
    let (txt, ann) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (TEXT.as_bytes(), data),
    };
    if let Ok(read) = brat::import(txt, &String::from_utf8_lossy(ann), "f", "t") {
        let a = read.article;
        for c in a.claims() {
            assert!(c.span.is_valid_in(a.doc.text()), "claim {:?}", c.span);
        }
    }
    let _ = gloss::core::share::decode(&String::from_utf8_lossy(data));
}

/// The parsing worker's answer (`core::wire`): any bytes decode to an error or an article
/// that encodes and decodes to itself, never a panic; any input parsed comes back whole.
pub fn wire(data: &[u8]) {
    use gloss::core::wire::{decode, encode};
    if let Ok((parsed, record)) = decode(data) {
        let (again, rec) =
            decode(&encode(&parsed, record.as_deref())).expect("encode's bytes decode");
        assert_eq!(again.document, parsed.document);
        assert_eq!(rec, record);
    }
    let parsed = parse_bytes(data, None);
    let (back, _) = decode(&encode(&parsed, None)).expect("a parsed input comes back");
    assert_eq!(back.document, parsed.document);
    assert_eq!(back.page, parsed.page);
}

/// Any bytes, in each format (the first byte picks it, or sniffing): parsing never panics
/// and every block and sentence is a valid span of the text.
pub fn parse(data: &[u8]) {
    let (format, bytes) = match data.split_first() {
        Some((b, rest)) => match b % 4 {
            0 => (Some(Format::Text), rest),
            1 => (Some(Format::Markdown), rest),
            2 => (Some(Format::Html), rest),
            _ => (None, rest),
        },
        None => (None, data),
    };
    let p = parse_bytes(bytes, format);
    let d = &p.document;
    for b in d.blocks() {
        assert!(b.span.is_valid_in(d.text()), "block {:?}", b.span);
    }
    for s in d.sentences() {
        assert!(s.is_valid_in(d.text()), "sentence {s:?}");
    }
}

/// Any bytes as a Gloss article file: the import never panics; it gives a whole article,
/// whose claims are valid spans of its text, or a typed error.
pub fn import(data: &[u8]) {
    if let Ok(f) = import_file(data) {
        let a = f.article;
        for c in a.claims() {
            assert!(c.span.is_valid_in(a.doc.text()), "claim {:?}", c.span);
        }
    }
}

/// Any bytes as a library backup: a backup that reads holds valid claims; imported into
/// an empty library, every article of it is there; planning it against the library it
/// makes changes nothing; exported, it reads again, and exporting that gives the same bytes.
/// The same bytes as the files of a folder: each one an article, left out or skipped, and
/// the articles import whole.
pub fn backup(data: &[u8]) {
    let mut folder = Folder::new("2026-01-01T00:00:00.000Z");
    for path in [
        "f/a.gloss.json",
        "f/a.html",
        "f/b/a.txt",
        "f/a.md",
        "f/.a.json",
    ] {
        folder.take(path, data);
    }
    let read = folder.finish();
    assert_eq!(
        read.backup.articles.len() + read.left_out.len() + read.ignored,
        5
    );
    let n = read.backup.articles.len();
    let mut lib = Library::default();
    apply(&mut lib, read.backup, Take::All);
    assert_eq!(
        lib.articles().len(),
        n,
        "every article of the folder is in the library"
    );
    let Ok(b) = read_backup(data) else {
        return;
    };
    for a in &b.articles {
        for c in a.claims() {
            assert!(c.span.is_valid_in(a.doc.text()), "claim {:?}", c.span);
        }
    }
    let mut lib = Library::default();
    let p = plan(&lib, &b);
    assert_eq!(p.adds.len() + p.replaces.len(), b.articles.len());
    let n = b.articles.len();
    let current = apply(&mut lib, b, Take::All);
    assert_eq!(
        lib.articles().len(),
        n,
        "every article of the backup is in the library"
    );
    let first = export_library(&lib, current.as_deref(), "t");
    let again = match read_backup(first.as_bytes()) {
        Ok(x) => x,
        Err(e) => panic!("an exported library does not read: {e}"),
    };
    let before = lib.clone();
    let _ = plan(&lib, &again);
    assert_eq!(lib, before, "planning changes nothing");
    let mut lib2 = Library::default();
    let current2 = apply(&mut lib2, again, Take::All);
    assert_eq!(export_library(&lib2, current2.as_deref(), "t"), first);
}

/// Import then export is a fixed point: a file that imports, exported, imported again and
/// exported again gives the same bytes, entity identities and rating scale included.
pub fn roundtrip(data: &[u8]) {
    let Ok(f) = import_file(data) else {
        return;
    };
    let ids = Identities::from_entries(f.identities.entries());
    let first = export_article_with(&f.article, "t", &[], &ids, f.scale.as_ref());
    let g = match import_file(first.as_bytes()) {
        Ok(x) => x,
        Err(e) => panic!("an exported file does not import: {e}"),
    };
    let ids_b = Identities::from_entries(g.identities.entries());
    let second = export_article_with(&g.article, "t", &[], &ids_b, g.scale.as_ref());
    assert_eq!(first, second);
}

/// Any text through the whole suggestion pipeline (entities, then claims): no panic, and
/// every span it gives is on character boundaries of the text.
pub fn suggest(data: &[u8]) {
    let p = parse_bytes(data, Some(Format::Text));
    findings_on_boundaries(p.document.text(), &findings(&p.document), "");
}

/// Every span of `f`, the findings of `text`, is on character boundaries of the text
/// (`what` names the text in a failure).
pub fn findings_on_boundaries(text: &str, f: &Findings, what: &str) {
    for m in &f.extraction.mentions {
        assert!(m.span.is_valid_in(text), "{what}: mention {:?}", m.span);
        if let Some(r) = m.role {
            assert!(r.is_valid_in(text), "{what}: role {r:?}");
        }
    }
    for s in &f.suggestions {
        let spans = [
            Some(s.sentence),
            Some(s.content),
            s.speaker_span,
            s.source,
            s.cue,
        ];
        for span in spans.into_iter().flatten() {
            assert!(span.is_valid_in(text), "{what}: suggestion span {span:?}");
        }
    }
}

/// Any text, with claims on it whose claimants and notes are cut from it, through the
/// graph and every export: GraphML, GEXF and SVG are well-formed XML holding no script;
/// the claims CSV reads back cell by cell, and no cell starts a formula.
pub fn exports(data: &[u8]) {
    let p = parse_bytes(data, Some(Format::Text));
    let mut a = Article::new("fuzz".into(), p, None, "t");
    let text = a.doc.text().to_string();
    let n = text.len();
    let piece = |k: usize| {
        let s = floor_boundary(&text, n * k / 7);
        let e = floor_boundary(&text, n * (k + 1) / 7);
        text[s..e.max(s)].to_string()
    };
    for i in 0..3usize {
        let s = floor_boundary(&text, n * i / 4);
        let e = floor_boundary(&text, n * (i + 1) / 3);
        let fields = ClaimFields {
            claimant: piece(i),
            note: piece(i + 3),
            ..ClaimFields::default()
        };
        a.add_claim(format!("c{i}"), Span::new(s, e.max(s)), fields, "t");
    }
    let ext = extraction(&a.doc);
    let ids = Identities::default();
    let sources = [Source {
        article: &a,
        extraction: Some(&ext),
    }];
    let g = build(&sources, &ids, &gloss::core::rating::Scale::statuses());
    let pos: Vec<_> = (0..g.nodes.len())
        .map(|i| gloss::core::layout::P {
            x: i as f64,
            y: (i * 7 % 13) as f64,
        })
        .collect();
    check_xml(&graphml(&g, Some(&pos)), "GraphML");
    check_xml(&gexf(&g, Some(&pos)), "GEXF");
    check_xml(&svg(&g, &View::default().apply(&g), &pos), "SVG");
    for cell in csv_cells(&claims_csv(
        &[&a],
        &ids,
        &gloss::core::rating::Scale::statuses(),
    )) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "formula cell {cell:?}"
        );
    }
}

fn check_xml(s: &str, what: &str) {
    let doc = match roxmltree::Document::parse(s) {
        Ok(d) => d,
        Err(e) => panic!("{what} is not well-formed: {e}"),
    };
    let script = doc
        .descendants()
        .any(|n| n.has_tag_name("script") || n.attributes().any(|a| a.name().starts_with("on")));
    assert!(!script, "{what} holds script");
}

/// The cells of a CSV as RFC 4180 reads them; panics on a quote inside an unquoted cell,
/// an unterminated quoted cell, or a CR without LF.
fn csv_cells(csv: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut chars = csv.chars().peekable();
    while chars.peek().is_some() {
        let mut cell = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                    None => panic!("unterminated quoted cell"),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' || c == '\r' || c == '\n' {
                    break;
                }
                assert!(c != '"', "quote in an unquoted cell");
                cell.push(c);
                chars.next();
            }
        }
        cells.push(cell);
        match chars.next() {
            Some(',') | Some('\n') | None => {}
            Some('\r') => assert_eq!(chars.next(), Some('\n'), "CR without LF"),
            Some(c) => panic!("junk {c:?} after a cell"),
        }
    }
    cells
}
