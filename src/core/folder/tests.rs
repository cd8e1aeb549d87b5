use super::*;
use crate::core::annotation::ClaimFields;
use crate::core::article_file::{article_file, Making};
use crate::core::backup::{apply, export_library, plan, Take};
use crate::core::format::export_article_with;
use crate::core::library::Library;
use crate::core::offsets::Span;
use crate::core::rating::Verdict;
use proptest::prelude::*;

const NOW: &str = "2026-12-03T10:00:00.000Z";
const LATER: &str = "2026-12-04T10:00:00.000Z";

/// Stories of our own, with emoji, combining marks, CJK and right-to-left text.
const BRIDGE: &str = "A bridge for Łódź 🌉\n\n\
    The mayor, Ana Silva, said the bridge cost 4 million euros. \
    \"We will open it in May,\" she said. Critics said the café\u{301} owners lost 漢字 sales.\n";
const RIVER: &str = "River levels rise\n\n\
    Officials said the river rose 2 metres on Tuesday. The agency, שלום Water, said it \
    warned towns in March.\n";
const SCHOOL: &str = "<html><head><title>School budget</title></head><body><nav>Home | Menu</nav>\
    <article><h1>School budget cut</h1><p>The council said it would cut the school budget \
    by 12 percent next year, the largest cut since 2009.</p></article></body></html>";

/// The article file the batch makes of `text`, as read from `name`.
fn batch_file(text: &str, name: &str) -> String {
    let format = Format::from_file_name(name);
    let parsed = parse_bytes(text.as_bytes(), format);
    let id = batch_id(text.as_bytes(), format, Some(name));
    article_file(
        parsed,
        &Making {
            id: &id,
            now: NOW,
            source_name: Some(name),
        },
    )
    .expect("an article")
}

fn read(files: &[(&str, &[u8])]) -> Read {
    let mut folder = Folder::new(NOW);
    for (path, bytes) in files {
        folder.take(path, bytes);
    }
    folder.finish()
}

fn names(r: &Read) -> Vec<String> {
    r.backup.articles.iter().map(|a| a.name.clone()).collect()
}

#[test]
fn a_folders_name_is_what_its_paths_share() {
    assert_eq!(name(["out/a.json", "out/sub/b.txt"].into_iter()), "out");
    assert_eq!(name(["out\\a.json"].into_iter()), "out");
    assert_eq!(name(["out/a.json", "other/b.txt"].into_iter()), "the files");
    assert_eq!(name(["a.json"].into_iter()), "a.json");
    assert_eq!(name(std::iter::empty()), "the files");
    assert_eq!(name(["/a.json"].into_iter()), "the files");
}

#[test]
fn kinds_by_path() {
    assert_eq!(kind("out/a.1.gloss.json"), Kind::GlossFile);
    assert_eq!(kind("out/A.JSONLD"), Kind::GlossFile);
    assert_eq!(kind("out/sub/page.HTML"), Kind::Page(Format::Html));
    assert_eq!(kind("out/notes.md"), Kind::Page(Format::Markdown));
    assert_eq!(kind("out/story.txt"), Kind::Page(Format::Text));
    assert_eq!(kind("out/.DS_Store"), Kind::Other);
    assert_eq!(kind("out/.git/config.json"), Kind::Other);
    assert_eq!(kind("out\\.hidden\\a.txt"), Kind::Other);
    assert_eq!(kind("out/photo.png"), Kind::Other);
    assert_eq!(kind("out/noext"), Kind::Other);
}

#[test]
fn a_batch_folder_becomes_a_library_in_path_order_with_each_file_left_out_named() {
    let bridge = batch_file(BRIDGE, "bridge.txt");
    let river = batch_file(RIVER, "river.txt");
    let lib = Library::new(vec![Article::new(
        "x".into(),
        parse_bytes(b"Other\n\nSomething else.", None),
        None,
        NOW,
    )]);
    let backup = export_library(&lib, None, NOW);
    let r = read(&[
        ("out/river.2.gloss.json", river.as_bytes()),
        ("out/bridge.1.gloss.json", bridge.as_bytes()),
        ("out/sub/school.html", SCHOOL.as_bytes()),
        (
            "out/w3c.json",
            br#"{"@context": "http://www.w3.org/ns/anno.jsonld"}"#,
        ),
        ("out/lib.json", backup.as_bytes()),
        ("out/cut.gloss.json", &bridge.as_bytes()[..bridge.len() / 2]),
        ("out/binary.txt", &[0u8, 159, 146, 150, 0, 0, 1, 2, 0, 0]),
        ("out/empty.md", b"   \n\n"),
        ("out/.DS_Store", b"\0\0\0"),
        ("out/cover.png", b"\x89PNG"),
    ]);
    assert_eq!(
        names(&r),
        [
            "A bridge for Łódź 🌉",
            "River levels rise",
            "School budget cut"
        ]
    );
    assert_eq!(
        r.backup.current.as_deref(),
        Some(r.backup.articles[0].id.as_str())
    );
    assert_eq!(r.ignored, 2);
    let left: Vec<(&str, String)> = r
        .left_out
        .iter()
        .map(|l| (l.path.as_str(), l.why.to_string()))
        .collect();
    let paths: Vec<&str> = left.iter().map(|l| l.0).collect();
    assert_eq!(
        paths,
        [
            "out/binary.txt",
            "out/cut.gloss.json",
            "out/empty.md",
            "out/lib.json",
            "out/w3c.json"
        ]
    );
    assert!(matches!(r.left_out[1].why, Left::Unreadable(_)), "{left:?}");
    assert!(matches!(r.left_out[2].why, Left::Refused(Refused::Empty)));
    assert_eq!(r.left_out[3].why, Left::Backup);
    assert_eq!(r.left_out[4].why, Left::NotGlossFile);
    assert!(r.left_out[0].to_string().starts_with("“out/binary.txt” ("));
    // a page is read as the app opens it: the story without the page's frame
    let school = &r.backup.articles[2];
    assert!(!school.doc.text().contains("Menu"));
    assert_eq!(school.source_name.as_deref(), Some("out/sub/school.html"));
    assert_eq!(school.created, NOW);
    // the batch's articles are as the file holds them, text and all
    assert_eq!(
        r.backup.articles[0].doc.text(),
        import_file(bridge.as_bytes()).unwrap().article.doc.text()
    );
}

#[test]
fn a_page_and_its_batch_file_are_one_article_and_the_file_is_kept() {
    let file = batch_file(BRIDGE, "bridge.txt");
    let r = read(&[
        ("a/bridge.txt", BRIDGE.as_bytes()),
        ("b/bridge.1.gloss.json", file.as_bytes()),
    ]);
    assert_eq!(r.backup.articles.len(), 1);
    assert_eq!(
        r.backup.articles[0].source_name.as_deref(),
        Some("bridge.txt")
    );
    assert_eq!(
        r.left_out,
        [LeftOut {
            path: "a/bridge.txt".into(),
            why: Left::Twice {
                kept: "b/bridge.1.gloss.json".into()
            }
        }]
    );
}

#[test]
fn of_two_files_of_one_article_the_one_changed_last_is_kept() {
    let mut a = import_file(batch_file(BRIDGE, "bridge.txt").as_bytes())
        .unwrap()
        .article;
    let early = export_article_with(&a, NOW, &[], &Identities::default(), None);
    a.add_claim(
        "c1".into(),
        Span::new(26, 60),
        ClaimFields::default(),
        LATER,
    )
    .expect("a claim");
    let late = export_article_with(&a, LATER, &[], &Identities::default(), None);
    for files in [
        [
            ("x/1.json", early.as_bytes()),
            ("x/2.json", late.as_bytes()),
        ],
        [
            ("x/1.json", late.as_bytes()),
            ("x/2.json", early.as_bytes()),
        ],
    ] {
        let r = read(&files);
        assert_eq!(r.backup.articles.len(), 1);
        assert_eq!(
            r.backup.articles[0].claims().len(),
            1,
            "the later copy is kept"
        );
        assert_eq!(r.left_out.len(), 1);
        assert!(
            matches!(&r.left_out[0].why, Left::Twice { kept } if files.iter().any(|f| f.0 == kept && f.1 == late.as_bytes()))
        );
    }
}

#[test]
fn verdicts_from_files_with_other_scales_keep_their_names() {
    let own = Scale::own("Solid\nShaky").unwrap();
    let mut a = import_file(batch_file(BRIDGE, "a.txt").as_bytes())
        .unwrap()
        .article;
    let solid = ClaimFields {
        status: Verdict::new("solid").unwrap(),
        ..ClaimFields::default()
    };
    a.add_claim("c1".into(), Span::new(26, 60), solid, NOW)
        .unwrap();
    let mut b = import_file(batch_file(RIVER, "b.txt").as_bytes())
        .unwrap()
        .article;
    let false_ = ClaimFields {
        status: Verdict::new("false").unwrap(),
        ..ClaimFields::default()
    };
    b.add_claim("c1".into(), Span::new(19, 60), false_, NOW)
        .unwrap();
    let ids = Identities::default();
    let fa = export_article_with(&a, NOW, &[], &ids, Some(&own));
    let fb = export_article_with(&b, NOW, &[], &ids, Some(&Scale::statuses()));
    let r = read(&[("1.json", fa.as_bytes()), ("2.json", fb.as_bytes())]);
    let scale = r.backup.scale.expect("the first file's scale");
    let label = |id: &str| {
        scale
            .get(&Verdict::new(id).unwrap())
            .map(|r| r.label.clone())
    };
    assert_eq!(label("solid").as_deref(), Some("Solid"));
    assert_eq!(
        label("false").as_deref(),
        Some("False"),
        "the statuses' own label"
    );
}

#[test]
fn the_folder_imports_through_the_backups_plan_and_a_second_import_may_keep_the_work_here() {
    let files = [
        batch_file(BRIDGE, "bridge.txt"),
        batch_file(RIVER, "river.txt"),
    ];
    let folder = || {
        read(&[
            ("o/1.json", files[0].as_bytes()),
            ("o/2.json", files[1].as_bytes()),
        ])
    };
    let mut lib = Library::new(Vec::new());
    let first = folder();
    let p = plan(&lib, &first.backup);
    assert_eq!(p.adds.len(), 2);
    let open = apply(&mut lib, first.backup, Take::All);
    assert_eq!(open.as_deref(), Some(lib.articles()[0].id.as_str()));
    // the person accepts a claim; the same folder imported again would replace it
    let id = lib.articles()[0].id.clone();
    lib.get_mut(&id)
        .unwrap()
        .add_claim(
            "c1".into(),
            Span::new(26, 60),
            ClaimFields::default(),
            LATER,
        )
        .unwrap();
    let again = folder();
    let p = plan(&lib, &again.backup);
    assert_eq!((p.adds.len(), p.replaces.len()), (0, 2));
    assert_eq!(p.replaces.iter().map(|r| r.lost).sum::<usize>(), 1);
    // … unless only new articles are taken
    apply(&mut lib, again.backup, Take::OnlyNew);
    assert_eq!(lib.articles().len(), 2);
    assert_eq!(lib.get(&id).unwrap().claims().len(), 1);
    // a third article comes in beside them
    let more = read(&[
        ("o/3.json", batch_file(SCHOOL, "s.html").as_bytes()),
        ("o/1.json", files[0].as_bytes()),
    ]);
    apply(&mut lib, more.backup, Take::OnlyNew);
    assert_eq!(lib.articles().len(), 3);
    assert_eq!(lib.get(&id).unwrap().claims().len(), 1);
}

#[test]
fn files_not_read_are_listed_in_the_readers_words() {
    let mut folder = Folder::new(NOW);
    folder.not_read(
        "o/big.json",
        "“big.json” is too large (40.0 MB; the limit is 32 MB).".into(),
    );
    folder.ignore();
    let r = folder.finish();
    assert!(r.backup.articles.is_empty() && r.backup.current.is_none());
    assert_eq!(r.ignored, 1);
    assert_eq!(
        r.left_out[0].to_string(),
        "“o/big.json” (“big.json” is too large (40.0 MB; the limit is 32 MB).)"
    );
}

proptest! {
    /// Any bytes under any name: no panic, and every file is an article, left out or
    /// ignored, each once.
    #[test]
    fn every_file_is_accounted_for(
        files in prop::collection::vec(
            ("[a-z.]{0,3}/[a-zé.]{0,6}\\.(json|txt|md|html|png|JSON)", prop::collection::vec(any::<u8>(), 0..300)),
            0..12,
        )
    ) {
        let mut folder = Folder::new(NOW);
        for (path, bytes) in &files {
            folder.take(path, bytes);
        }
        let r = folder.finish();
        prop_assert_eq!(r.backup.articles.len() + r.left_out.len() + r.ignored, files.len());
        let mut ids: Vec<&str> = r.backup.articles.iter().map(|a| a.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), r.backup.articles.len());
    }
}

/// How long the one quadratic step takes on a large folder (a figure, not a test):
/// `cargo test --release --lib core::folder::tests::figure -- --ignored --nocapture`
#[test]
#[ignore]
fn figure_ten_thousand_articles() {
    let mut folder = Folder::new(NOW);
    for i in 0..10_000 {
        let text = format!("Story {i}\n\nThe council said {i} homes were built.");
        folder.take(&format!("o/{i:05}.txt"), text.as_bytes());
    }
    let t = std::time::Instant::now();
    let r = folder.finish();
    assert_eq!(r.backup.articles.len(), 10_000);
    println!("finish over 10,000 articles: {:?}", t.elapsed());
}

/// A newcomer the same as two kept articles (one by text, one by id) leaves one of the
/// three, never two articles with one id.
#[test]
fn one_file_the_same_as_two_others_leaves_one_article() {
    let mut x = import_file(batch_file(BRIDGE, "x.txt").as_bytes())
        .unwrap()
        .article;
    // "a": a page with text X; "b": an article file with id k and text Y; "c": the
    // earlier export of k, with text X
    x.id = "k".into();
    let c = export_article_with(&x, NOW, &[], &Identities::default(), None);
    let mut y = import_file(batch_file(RIVER, "y.txt").as_bytes())
        .unwrap()
        .article;
    y.id = "k".into();
    y.modified = LATER.into();
    let b = export_article_with(&y, LATER, &[], &Identities::default(), None);
    let r = read(&[
        ("f/a.txt", BRIDGE.as_bytes()),
        ("f/b.json", b.as_bytes()),
        ("f/c.json", c.as_bytes()),
    ]);
    let ids: Vec<&str> = r.backup.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["k"], "{:?}", r.left_out);
    assert_eq!(
        r.backup.articles[0].doc.text(),
        y.doc.text(),
        "the one changed last"
    );
    assert_eq!(r.left_out.len(), 2);
    assert!(r.left_out.iter().all(|l| l.why
        == Left::Twice {
            kept: "f/b.json".into()
        }));
}

/// The scale is the first file's in path order, whatever order the files came in.
#[test]
fn the_scale_is_the_first_in_path_order() {
    let own = Scale::own("Solid\nShaky").unwrap();
    let other = Scale::own("Sound\nUnsound").unwrap();
    let a = import_file(batch_file(BRIDGE, "a.txt").as_bytes())
        .unwrap()
        .article;
    let b = import_file(batch_file(RIVER, "b.txt").as_bytes())
        .unwrap()
        .article;
    let ids = Identities::default();
    let fa = export_article_with(&a, NOW, &[], &ids, Some(&own));
    let fb = export_article_with(&b, NOW, &[], &ids, Some(&other));
    for files in [
        [("1.json", fa.as_bytes()), ("2.json", fb.as_bytes())],
        [("2.json", fb.as_bytes()), ("1.json", fa.as_bytes())],
    ] {
        let scale = read(&files).backup.scale.expect("a scale");
        assert_eq!(scale, own);
    }
}
