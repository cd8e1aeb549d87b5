//! What Gloss's entity model reads of some texts, for its trainer
//! (`scripts/train-entities.py`): each `.txt` file named (read as plain text, like
//! `gloss analyze` reads it) gives one JSON line: `name`, its `sentences` (each word as
//! `[start, end, slot, connector, rule tag, [feature buckets], event head, possessive, first
//! word, compass word]`, offsets in code points,
//! slot 0 never scored, 1 may begin a name, 2 may only continue one) and the rules'
//! mentions (`rules`: `[start, end, label, sure, several words]`).
//!
//!     cargo run --release --example entity_features -- FILE.txt...

use gloss::core::extract::model::Slot;
use gloss::core::offsets::CharIndex;
use gloss::core::parse::{parse_str, Format};
use serde_json::json;
use std::path::Path;

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("entity_features: {path}: {e}");
                std::process::exit(1);
            }
        };
        let p = parse_str(&text, Some(Format::Text));
        let doc = &p.document;
        let at = CharIndex::new(doc.text());
        let r = gloss::core::extract::model_reading(doc);
        let sentences: Vec<_> = r
            .sentences
            .iter()
            .map(|s| {
                s.iter()
                    .map(|t| {
                        let c = at.to_chars(t.span);
                        let slot = match t.slot {
                            Slot::Never => 0,
                            Slot::Begin => 1,
                            Slot::Continue => 2,
                        };
                        json!([
                            c.start,
                            c.end,
                            slot,
                            t.connector,
                            t.rule,
                            t.features,
                            t.event,
                            t.possessive,
                            t.first,
                            t.compass
                        ])
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let rules: Vec<_> = r
            .rules
            .iter()
            .map(|m| {
                let c = at.to_chars(m.mention.span);
                json!([
                    c.start,
                    c.end,
                    m.mention.label.as_str(),
                    m.sure,
                    m.several_words
                ])
            })
            .collect();
        let name = Path::new(&path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let same = doc.text() == text;
        println!(
            "{}",
            json!({"name": name, "same_text": same, "sentences": sentences, "rules": rules})
        );
    }
}
