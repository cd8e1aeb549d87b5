use super::*;
use crate::core::carry::carry;
use crate::core::parse::{parse_bytes as parse, Format};

const TEXT: &str = "Officials said 😀 exports rose 40% in 2024. 東京 grew fast. \
מחירים עלו, the minister said. Cafe\u{301} owners doubt it.";

fn article() -> Article {
    let mut a = Article::new(
        "art 1".into(),
        parse(TEXT.as_bytes(), Some(Format::Text)),
        None,
        "2026-12-01T10:00:00Z",
    );
    let tag = |a: &mut Article, id: &str, words: &str, fields: ClaimFields, who: Option<&str>| {
        let at = a.doc.text().find(words).unwrap();
        a.add_claim_by(
            id.into(),
            Span::new(at, at + words.len()),
            fields,
            who.map(str::to_string),
            "2026-12-01T11:00:00Z",
        )
        .unwrap();
    };
    tag(
        &mut a,
        "c1",
        "exports rose 40% in 2024",
        ClaimFields {
            claimant: "Officials".into(),
            kind: ClaimType::Factual,
            status: Verdict::new("mostly-true").unwrap(),
            note: "Check the \"trade\" <b>figures</b>.".into(),
            tags: vec!["economy".into(), "trade".into()],
            evidence: vec![Evidence {
                url: "https://stats.example/trade".into(),
                note: "The yearly table".into(),
            }],
        },
        Some("Ann Lee"),
    );
    tag(&mut a, "c2", "東京 grew fast", ClaimFields::default(), None);
    tag(
        &mut a,
        "c3",
        "מחירים עלו",
        ClaimFields {
            claimant: "the minister".into(),
            kind: ClaimType::Opinion,
            ..Default::default()
        },
        Some("Bo"),
    );
    tag(
        &mut a,
        "c4",
        "Cafe\u{301} owners doubt it",
        ClaimFields::default(),
        Some("Ann Lee"),
    );
    a
}

fn parsed(a: &Article) -> Value {
    serde_json::from_str(&export_collection(
        a,
        &Scale::truth(),
        "2026-12-02T09:00:00Z",
    ))
    .unwrap()
}

#[test]
fn a_collection_holds_one_annotation_per_claim_in_code_points() {
    let a = article();
    let v = parsed(&a);
    assert_eq!(v["@context"], CONTEXT);
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 4);
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    let c1 = &items[0];
    assert_eq!(c1["type"], "Annotation");
    assert_eq!(c1["id"], "urn:gloss:claim:art%201:c1");
    assert_eq!(c1["creator"]["name"], "Ann Lee");
    assert_eq!(c1["target"]["source"], "urn:gloss:article:art%201");
    let sel = c1["target"]["selector"].as_array().unwrap();
    assert_eq!(sel[0]["exact"], "exports rose 40% in 2024");
    // code points: the emoji before the quote counts one
    let start = TEXT[..TEXT.find("exports").unwrap()].chars().count();
    assert_eq!(sel[1]["start"], start);
    assert_eq!(
        sel[1]["end"],
        start + "exports rose 40% in 2024".chars().count()
    );
    let purposes: Vec<&str> = c1["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(
        purposes,
        [
            "identifying",
            "classifying",
            "classifying",
            "commenting",
            "tagging",
            "tagging",
            "linking"
        ]
    );
    assert_eq!(c1["body"][2]["label"], "Mostly true");
    // no creator known: none written
    assert!(items[1].get("creator").is_none());
}

#[test]
fn the_canonical_url_is_the_source() {
    let mut a = article();
    let mut m = a.metadata().clone();
    m.url = Some("https://news.example/story".into());
    a.set_metadata(m, "t");
    let v = parsed(&a);
    assert_eq!(
        v["first"]["items"][0]["target"]["source"],
        "https://news.example/story"
    );
}

#[test]
fn a_round_trip_gives_back_every_claim() {
    let a = article();
    let json = export_collection(&a, &Scale::truth(), "2026-12-02T09:00:00Z");
    let read = import(json.as_bytes()).unwrap();
    assert_eq!(read.tool, Tool::Gloss);
    assert_eq!(read.source.as_deref(), Some("urn:gloss:article:art%201"));
    assert!(targets(&a, read.source.as_deref().unwrap()));
    assert!(!targets(&a, "urn:gloss:article:1"));
    assert!(read.skipped.is_empty());
    let carried = carry(a.doc.text(), read.items);
    assert!(carried.orphans.is_empty());
    assert_eq!(carried.exact, 4);
    let mut back = carried.placed;
    crate::core::sort::sort_by_key(&mut back, |c| c.span.start());
    assert_eq!(back, a.claims().to_vec());
}

#[test]
fn a_claim_waiting_to_be_placed_travels_with_its_quote_alone() {
    let mut a = article();
    let gone = carry(
        "Nothing of it here.",
        crate::core::carry::incoming_from(&a)
            .into_iter()
            .take(1)
            .collect(),
    );
    let mut o = gone.orphans;
    o[0].claim.id = "o1".into();
    a.add_orphans(o, "t");
    let v = parsed(&a);
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    let sel = items[4]["target"]["selector"].as_array().unwrap();
    assert_eq!(sel.len(), 1, "a quote, no position");
    assert_eq!(sel[0]["exact"], "exports rose 40% in 2024");
    // read back onto a text without those words: waiting again, nothing lost
    let read = import(serde_json::to_string(&v).unwrap().as_bytes()).unwrap();
    let back = carry("Other words entirely.", read.items);
    assert_eq!(back.orphans.len(), 5);
    assert_eq!(back.orphans[4].claim.id, "o1");
}

#[test]
fn hypothesis_annotations_import_as_claims() {
    // the shape of Hypothesis's API (`/api/search` rows), with text written here
    let h = r#"{"total": 2, "rows": [
      {"id": "AbC123", "created": "2026-11-30T08:00:00.000000+00:00",
       "updated": "2026-11-30T09:00:00.000000+00:00", "user": "acct:ann_lee@hypothes.is",
       "uri": "https://news.example/story", "text": "Is this **true**?",
       "tags": ["economy", "check"], "group": "__world__",
       "target": [{"source": "https://news.example/story", "selector": [
         {"type": "RangeSelector", "startContainer": "/main[1]/p[1]", "startOffset": 0,
          "endContainer": "/main[1]/p[1]", "endOffset": 20},
         {"type": "TextPositionSelector", "start": 120, "end": 144},
         {"type": "TextQuoteSelector", "exact": "exports rose 40% in 2024",
          "prefix": "Officials said 😀 ", "suffix": ". 東京 grew"}]}]},
      {"id": "PageNote1", "user": "acct:bo@hypothes.is", "uri": "https://news.example/story",
       "text": "A note on the whole page", "tags": [], "target": [{"source": "https://news.example/story"}]}
    ]}"#;
    let read = import(h.as_bytes()).unwrap();
    assert_eq!(read.tool, Tool::Hypothesis);
    assert_eq!(read.items.len(), 1);
    assert_eq!(read.skipped.len(), 1, "the page note has no passage");
    let c = &read.items[0].claim;
    assert_eq!(c.creator.as_deref(), Some("ann_lee"));
    assert_eq!(c.fields.note, "Is this **true**?");
    assert_eq!(c.fields.tags, ["economy", "check"]);
    assert_eq!(c.modified, "2026-11-30T09:00:00.000000+00:00");
    let a = article();
    let carried = carry(a.doc.text(), read.items);
    assert_eq!(
        a.doc.slice(carried.placed[0].span),
        "exports rose 40% in 2024"
    );
}

#[test]
fn recogito_annotations_import_as_claims() {
    // Recogito's W3C export shape: a list of annotations, comments, tags and entity classes
    let r = r##"[{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
      "id": "#4a8b-recogito", "generator": {"name": "RecogitoJS"},
      "body": [
        {"type": "TextualBody", "value": "Numbers look off", "purpose": "commenting",
         "creator": {"id": "http://example.org/u/ann", "name": "Ann"}},
        {"type": "TextualBody", "value": "economy", "purpose": "tagging"},
        {"type": "TextualBody", "value": "PLACE", "purpose": "classifying"}],
      "target": {"selector": [
        {"type": "TextQuoteSelector", "exact": "東京 grew fast"},
        {"type": "TextPositionSelector", "start": 43, "end": 55}]}}]"##;
    let read = import(r.as_bytes()).unwrap();
    assert_eq!(read.tool, Tool::Recogito);
    let c = &read.items[0].claim;
    assert_eq!(c.fields.note, "Numbers look off");
    assert_eq!(c.fields.tags, ["economy", "PLACE"]);
    let a = article();
    let carried = carry(a.doc.text(), read.items);
    assert_eq!(a.doc.slice(carried.placed[0].span), "東京 grew fast");
}

#[test]
fn a_position_alone_places_a_claim() {
    let start = TEXT[..TEXT.find("東京").unwrap()].chars().count();
    let j = format!(
        r#"{{"type": "Annotation", "body": "A note", "target": {{"source": "x",
        "selector": {{"type": "TextPositionSelector", "start": {start}, "end": {}}}}}}}"#,
        start + 2
    );
    let read = import(j.as_bytes()).unwrap();
    let a = article();
    let carried = carry(a.doc.text(), read.items);
    assert_eq!(a.doc.slice(carried.placed[0].span), "東京");
}

#[test]
fn bad_files_are_named_and_change_nothing() {
    assert!(matches!(
        import(b"{not json"),
        Err(W3cError::NotJson { .. })
    ));
    assert_eq!(import(b"{\"a\": 1}").unwrap_err(), W3cError::NotAnnotations);
    assert_eq!(
        import(br#"[{"type": "Annotation", "target": "https://x.example/"}]"#).unwrap_err(),
        W3cError::NothingToPlace { skipped: 1 }
    );
    let e = import(br#"[{"type": "Annotation", "target": "https://x.example/"}]"#).unwrap_err();
    assert!(e.to_string().contains("nothing to place"));
}

#[test]
fn annotations_are_told_from_gloss_files() {
    let a = article();
    assert!(looks_like_annotations(&export_collection(
        &a,
        &Scale::truth(),
        "t"
    )));
    // a Gloss file is told apart first (the app asks `looks_like_gloss_file` before this)
    let file = crate::core::format::export_article(&a, "t");
    assert!(crate::core::format::looks_like_gloss_file(&file));
    assert!(!looks_like_annotations("Plain text about an Annotation"));
}

proptest::proptest! {
    #[test]
    fn import_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
        let _ = import(&bytes);
    }

    #[test]
    fn import_never_panics_on_annotation_shapes(exact in "\\PC{0,20}", start in 0usize..200, end in 0usize..200, purpose in "[a-z]{0,12}") {
        let j = serde_json::json!([{"type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": purpose, "value": exact}],
            "target": {"selector": [{"type": "TextQuoteSelector", "exact": exact},
                                    {"type": "TextPositionSelector", "start": start, "end": end}]}}]);
        if let Ok(read) = import(j.to_string().as_bytes()) {
            let carried = carry(TEXT, read.items);
            for c in carried.placed {
                proptest::prop_assert!(TEXT.is_char_boundary(c.span.start()) && TEXT.is_char_boundary(c.span.end()));
            }
        }
    }
}
