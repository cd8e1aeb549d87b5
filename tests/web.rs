//! Web glue in a real browser (wasm-bindgen-test, headless Chromium): browser storage,
//! and DOM selections to byte offsets and back with emoji, combining marks, CJK and RTL.
#![cfg(target_arch = "wasm32")]

use gloss::core::annotation::ClaimFields;
use gloss::core::library::Article;
use gloss::core::offsets::{byte_to_utf16, Span};
use gloss::core::parse::{parse_str, Format};
use gloss::web::{selection, storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

const TEXT: &str = "Title 😀\nCafe\u{0301} 👩‍👩‍👧 said 漢字テスト. ראש הממשלה אמר. Done.";

/// Renders TEXT's blocks the way the article view does: runs with data-o / data-e.
fn render(text: &str, cuts: &[usize]) -> web_sys::Element {
    let root = doc().create_element("div").unwrap();
    let p = doc().create_element("p").unwrap();
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(text.len());
    for w in bounds.windows(2) {
        let el = doc()
            .create_element(if w[0] % 2 == 0 { "span" } else { "mark" })
            .unwrap();
        el.set_attribute("data-o", &w[0].to_string()).unwrap();
        el.set_attribute("data-e", &w[1].to_string()).unwrap();
        el.set_text_content(Some(&text[w[0]..w[1]]));
        p.append_child(&el).unwrap();
    }
    root.append_child(&p).unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    root
}

/// Puts the DOM selection at two byte offsets by hand (UTF-16 positions in text nodes).
fn select_bytes(root: &web_sys::Element, text: &str, a: usize, b: usize) {
    let segs = selection::segments(root);
    let point = |byte: usize| {
        let el = segs
            .iter()
            .find(|el| {
                let s: usize = el.get_attribute("data-o").unwrap().parse().unwrap();
                let e: usize = el.get_attribute("data-e").unwrap().parse().unwrap();
                s <= byte && byte < e || (byte == text.len() && e == byte)
            })
            .unwrap();
        let s: usize = el.get_attribute("data-o").unwrap().parse().unwrap();
        let e: usize = el.get_attribute("data-e").unwrap().parse().unwrap();
        (
            el.first_child().unwrap(),
            byte_to_utf16(&text[s..e], byte - s) as u32,
        )
    };
    let (sn, so) = point(a);
    let (en, eo) = point(b);
    let range = doc().create_range().unwrap();
    range.set_start(&sn, so).unwrap();
    range.set_end(&en, eo).unwrap();
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
}

#[wasm_bindgen_test]
fn selections_map_to_byte_offsets_in_hard_scripts() {
    let cuts = [TEXT.find("said").unwrap(), TEXT.find("ראש").unwrap()];
    let root = render(TEXT, &cuts);
    let needles = [
        "😀",
        "e\u{0301}",
        "👩‍👩‍👧",
        "漢字テスト",
        "ראש הממשלה",
        "Cafe\u{0301} 👩‍👩‍👧 said 漢字",
        "אמר. Done.",
    ];
    for needle in needles {
        let a = TEXT.find(needle).unwrap();
        let b = a + needle.len();
        select_bytes(&root, TEXT, a, b);
        let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
        assert_eq!(
            String::from(sel.to_string()),
            needle,
            "the DOM selection holds the needle"
        );
        assert_eq!(
            selection::selection_span(&root, TEXT),
            Some(Span::new(a, b)),
            "{needle}"
        );
        // and back: select_span puts the same text under the selection
        selection::clear_selection();
        assert!(selection::select_span(&root, TEXT, Span::new(a, b)));
        assert_eq!(String::from(sel.to_string()), needle);
    }
    root.remove();
}

#[wasm_bindgen_test]
fn a_point_between_runs_or_on_an_element_maps_sensibly() {
    let cut = TEXT.find("said").unwrap();
    let root = render(TEXT, &[cut]);
    let p = root.first_element_child().unwrap();
    let segs = selection::segments(&root);
    // (p, 1) is between the two runs: the start of the second
    assert_eq!(selection::point_to_byte(&segs, &p, 1, TEXT), Some(cut));
    // (p, 2) is after the last run: the end of the text
    assert_eq!(
        selection::point_to_byte(&segs, &p, 2, TEXT),
        Some(TEXT.len())
    );
    // a point inside a surrogate pair snaps to the character's start
    let first = segs[0].first_child().unwrap();
    let emoji = TEXT.find('😀').unwrap();
    assert_eq!(
        selection::point_to_byte(&segs, &first, (byte_to_utf16(TEXT, emoji) + 1) as u32, TEXT),
        Some(emoji)
    );
    // a collapsed selection is no selection
    select_bytes(&root, TEXT, 3, 3);
    assert_eq!(selection::selection_span(&root, TEXT), None);
    root.remove();
}

#[wasm_bindgen_test]
fn articles_round_trip_through_browser_storage() {
    let p = parse_str(TEXT, Some(Format::Text));
    let mut a = Article::new("web-test-1".into(), p, None, "2026-11-27T00:00:00Z");
    let s = TEXT.find("👩").unwrap();
    a.add_claim(
        "c1".into(),
        Span::new(s, s + 30),
        ClaimFields {
            claimant: "Ann".into(),
            ..Default::default()
        },
        "t",
    );
    storage::save_article(&a).unwrap();
    storage::save_index(&storage::Index {
        articles: vec![a.id.clone()],
        current: Some(a.id.clone()),
    })
    .unwrap();
    let loaded = storage::load().unwrap().expect("an index");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.current.as_deref(), Some("web-test-1"));
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].claims(), a.claims());
    assert_eq!(loaded.articles[0].doc.text(), TEXT);
    storage::delete_article(&a.id).unwrap();
    let again = storage::load().unwrap().unwrap();
    assert_eq!(again.articles.len(), 0);
    assert_eq!(
        again.problems.len(),
        1,
        "a missing article is reported, not ignored"
    );
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_such() {
    let st = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    // fill storage until the browser refuses
    let mut i = 0;
    for size in [1 << 20, 1 << 16, 1 << 10, 16] {
        let chunk = "x".repeat(size);
        while i < 10_000 && st.set_item(&format!("fill{i}"), &chunk).is_ok() {
            i += 1;
        }
    }
    assert!(i < 10_000, "storage never filled");
    let p = parse_str(&"Big text. ".repeat(100_000), Some(Format::Text));
    let a = Article::new("web-test-big".into(), p, None, "t");
    let err = storage::save_article(&a).unwrap_err();
    assert_eq!(err, storage::StorageError::Quota);
    assert!(err.to_string().contains("Export JSON"));
    st.clear().unwrap();
}
