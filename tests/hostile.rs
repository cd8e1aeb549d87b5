//! Hostile and odd inputs (`hostile/shapes.rs`) parse without panic into a document whose
//! every span is on a character boundary. Their speed is a figure, not a test:
//! `cargo bench --bench hostile`.
#![cfg(not(target_arch = "wasm32"))]

use gloss::core::parse::parse_str;

mod hostile {
    pub mod shapes;
}

#[test]
fn hostile_shapes_parse_into_valid_documents() {
    for s in hostile::shapes::shapes(64 * 1024) {
        let p = parse_str(&s.text, Some(s.format));
        let d = &p.document;
        for b in d.blocks() {
            assert!(
                b.span.is_valid_in(d.text()),
                "{}: block {:?}",
                s.name,
                b.span
            );
        }
        for sentence in d.sentences() {
            assert!(sentence.is_valid_in(d.text()), "{}: sentence", s.name);
        }
    }
}
