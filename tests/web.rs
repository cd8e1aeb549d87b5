//! Web glue in a real browser (wasm-bindgen-test, headless Chromium): the library in
//! IndexedDB (and its move from localStorage),
//! and DOM selections to byte offsets and back with emoji, combining marks, CJK and RTL.
#![cfg(target_arch = "wasm32")]

use gloss::core::annotation::ClaimFields;
use gloss::core::format::export_article;
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

/// Empties the app's IndexedDB stores (a test's fresh start).
async fn clear_store() {
    use storage::idb::{db, Tx, ARTICLES, META};
    let db = db().await.unwrap();
    let tx = Tx::new(&db, true).unwrap();
    tx.store(ARTICLES).unwrap().clear().unwrap();
    tx.store(META).unwrap().clear().unwrap();
    tx.finish().await.unwrap();
}

fn article_with_claim(id: &str) -> Article {
    let p = parse_str(TEXT, Some(Format::Text));
    let mut a = Article::new(id.into(), p, None, "2026-11-27T00:00:00Z");
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
    a
}

fn batch(write: &[&str], delete: &[&str], index: &[&str]) -> storage::Batch {
    let ids = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    storage::Batch {
        write: ids(write),
        delete: ids(delete),
        identities: None,
        index: storage::Index {
            articles: ids(index),
            current: index.first().map(|s| s.to_string()),
            scale: None,
            annotator: None,
        },
    }
}

// one test: the steps share the page's one database
#[wasm_bindgen_test]
async fn the_library_round_trips_through_indexeddb_and_moves_in_from_localstorage() {
    clear_store().await;
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.clear().unwrap();
    assert!(storage::load().await.unwrap().is_none(), "a first visit");

    // an old localStorage library moves in whole, a damaged entry as it was
    let a = article_with_claim("web-test-1");
    let json = export_article(&a, &a.modified);
    ls.set_item("gloss.article.v1.web-test-1", &json).unwrap();
    ls.set_item("gloss.article.v1.web-broken", "{\"format\": \"glo")
        .unwrap();
    ls.set_item(
        "gloss.index.v1",
        r#"{"articles":["web-test-1"],"current":"web-test-1"}"#,
    )
    .unwrap();
    ls.set_item("gloss.entities.v1", r#"[["ann","Ann Lee"]]"#)
        .unwrap();
    ls.set_item("other", "kept").unwrap();
    let loaded = storage::load().await.unwrap().expect("the moved library");
    assert_eq!(loaded.articles.len(), 1);
    assert_eq!(loaded.articles[0].claims(), a.claims());
    assert_eq!(loaded.articles[0].doc.text(), TEXT);
    assert_eq!(loaded.current.as_deref(), Some("web-test-1"));
    assert_eq!(
        loaded.identities.key("Ann"),
        loaded.identities.key("Ann Lee")
    );
    assert_eq!(loaded.damaged.len(), 1);
    assert_eq!(loaded.damaged[0].raw, "{\"format\": \"glo");
    assert_eq!(
        loaded.fingerprints,
        [("web-test-1".into(), storage::fingerprint(&json))]
    );
    assert_eq!(ls.length().unwrap(), 1, "only the other key is left");
    assert_eq!(ls.get_item("other").unwrap().as_deref(), Some("kept"));

    // a write is given what the store holds, inside its transaction
    let mut b = article_with_claim("web-test-2");
    b.rename("Second", "t");
    let mut given = Vec::new();
    let saved = storage::commit(
        batch(
            &["web-test-1", "web-test-2"],
            &[],
            &["web-test-2", "web-test-1"],
        ),
        |id, stored| {
            given.push((id.to_string(), stored.is_some()));
            let art = if id == "web-test-1" { &a } else { &b };
            Some((export_article(art, &art.modified), art.revision))
        },
    )
    .await
    .unwrap();
    assert_eq!(
        given,
        [("web-test-1".into(), true), ("web-test-2".into(), false)]
    );
    assert_eq!(saved.len(), 2);
    let loaded = storage::load().await.unwrap().unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["web-test-2", "web-test-1"], "in the index's order");
    assert_eq!(
        storage::read_record("web-test-2")
            .await
            .unwrap()
            .map(|r| storage::fingerprint(&r)),
        Some(saved[1].fingerprint)
    );

    // the index lists only what is stored when the write ends: not an article whose text
    // is not given, nor one another tab deleted
    storage::commit(
        batch(&["web-gone"], &[], &["web-gone", "web-ghost", "web-test-1"]),
        |_, _| None,
    )
    .await
    .unwrap();
    let loaded = storage::load().await.unwrap().unwrap();
    assert!(
        loaded.problems.iter().all(|p| !p.contains("missing")),
        "{:?}",
        loaded.problems
    );
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["web-test-1", "web-test-2"],
        "listed first, then the rest"
    );

    // deleted in one transaction with the index; a record deleted behind the index's back
    // is reported as missing, not ignored
    storage::commit(batch(&[], &["web-test-2"], &["web-test-1"]), |_, _| None)
        .await
        .unwrap();
    storage::delete_record("web-test-1").await.unwrap();
    let again = storage::load().await.unwrap().unwrap();
    assert_eq!(again.articles.len(), 0);
    assert!(
        again
            .problems
            .iter()
            .any(|p| p.contains("(web-test-1) is missing")),
        "{:?}",
        again.problems
    );
    storage::delete_record("web-broken").await.unwrap();
    clear_store().await;

    // a newer Gloss opening the library at a higher version: this page lets go of it (so
    // the other is not blocked) and says why it no longer saves
    let newer = web_sys::window()
        .unwrap()
        .indexed_db()
        .unwrap()
        .unwrap()
        .open_with_u32(storage::idb::DB_NAME, 2)
        .unwrap();
    let opened = js_sys::Promise::new(&mut |resolve, reject| {
        newer.set_onsuccess(Some(&resolve));
        newer.set_onblocked(Some(&reject));
        newer.set_onerror(Some(&reject));
    });
    wasm_bindgen_futures::JsFuture::from(opened)
        .await
        .expect("opened, not blocked by this page's connection");
    let err = storage::read_record("web-test-1").await.unwrap_err();
    assert_eq!(
        err,
        storage::StorageError::Other(storage::idb::UPDATED.into())
    );
    assert!(err.to_string().contains("reload this tab"));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_such() {
    let e = web_sys::DomException::new_with_message_and_name(
        "The quota has been exceeded.",
        "QuotaExceededError",
    )
    .unwrap();
    let err = storage::idb::classify(e.into());
    assert_eq!(err, storage::StorageError::Quota);
    assert!(err.to_string().contains("Export JSON"));
    let other =
        web_sys::DomException::new_with_message_and_name("disk broke", "UnknownError").unwrap();
    assert_eq!(
        storage::idb::classify(other.into()),
        storage::StorageError::Other("disk broke".into())
    );
}
