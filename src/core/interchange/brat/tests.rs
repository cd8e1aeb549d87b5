use super::*;
use crate::core::annotation::{ClaimFields, ClaimType};
use crate::core::extract::{extract, Label};
use crate::core::offsets::Span;
use crate::core::parse::parse_str;
use crate::core::pipeline::findings;
use crate::core::rating::{Evidence, Verdict};
use crate::core::relations::{End, Identities, Link, LinkError, Relation};
use proptest::prelude::*;

const NOW: &str = "2026-03-01T10:00:00Z";
const LATER: &str = "2026-03-02T10:00:00Z";

const TEXT: &str = "Dam talks in Kyiv 😀\n\nPresident Ana Lima said the dam is safe. Critics said it will fail by 2030.\n\n東京都は新しい橋を建設すると発表した。\n\nנתניהו אמר שהמחירים יעלו.\n\nClean Rivers Now warned that water levels fell by 3 metres, e\u{301}té.\n";

/// The byte span of the first `words` in `text`.
fn at(text: &str, words: &str) -> Span {
    let s = text.find(words).expect(words);
    Span::new(s, s + words.len())
}

/// The code-point offsets of the `nth` (from 0) `words` in `text`, as brat writes them.
fn chars(text: &str, words: &str, nth: usize) -> (usize, usize) {
    let (b, _) = text.match_indices(words).nth(nth).expect(words);
    let start = text[..b].chars().count();
    (start, start + words.chars().count())
}

/// An article of `TEXT` with claims of every kind, entity decisions and links.
fn judged() -> (
    crate::core::library::Article,
    Vec<crate::core::claims::Suggestion>,
) {
    let mut a = crate::core::library::Article::new(
        "a1".into(),
        parse_str(TEXT, Some(crate::core::parse::Format::Text)),
        Some("dam.txt".into()),
        NOW,
    );
    let t = TEXT;
    a.fix_entities(&[at(t, "Kyiv")], Some(Label::Loc), NOW)
        .unwrap();
    a.fix_entities(&[at(t, "東京都")], Some(Label::Gpe), NOW)
        .unwrap();
    a.fix_entities(&[at(t, "נתניהו")], Some(Label::Person), NOW)
        .unwrap();
    a.fix_entities(&[at(t, "Dam")], None, NOW).unwrap();
    let suggestions = findings(&a.doc).suggestions;
    let ana = suggestions
        .iter()
        .find(|s| s.speaker.as_deref() == Some("Ana Lima"))
        .unwrap();
    assert_eq!(a.accept(ana, "c-ana".into(), NOW).as_deref(), Some("c-ana"));
    // signed by its maker (several annotators): the name goes round too
    a.sign("c-ana", "Ann Lee");
    let critics = suggestions
        .iter()
        .find(|s| s.speaker.as_deref() == Some("Critics"))
        .unwrap();
    a.accept(critics, "c-critics".into(), NOW).unwrap();
    // the person changed the claimant: the suggestion's source no longer says who
    let mut f = a.claim("c-critics").unwrap().fields.clone();
    f.claimant = "The critics' group".into();
    f.kind = ClaimType::Prediction;
    f.status = Verdict::new("false").unwrap();
    a.update_claim("c-critics", f, NOW);
    let add = |a: &mut crate::core::library::Article, id: &str, span: Span, fields| {
        a.add_claim(id.into(), span, fields, NOW).unwrap();
    };
    add(
        &mut a,
        "c-warn",
        at(t, "water levels fell by 3 metres, e\u{301}té"),
        ClaimFields {
            claimant: "Clean Rivers Now".into(),
            status: Verdict::new("mostly-true").unwrap(),
            evidence: vec![
                Evidence {
                    url: "https://example.org/levels?a=1|2".into(),
                    note: "gauge readings | 2025".into(),
                },
                Evidence {
                    url: "https://example.org/b".into(),
                    note: String::new(),
                },
            ],
            ..ClaimFields::default()
        },
    );
    add(
        &mut a,
        "c-cjk",
        at(t, "東京都は新しい橋を建設すると発表した。"),
        ClaimFields {
            claimant: "東京都".into(),
            kind: ClaimType::Promise,
            status: Verdict::new("pants-on-fire").unwrap(),
            note: "a | b \\ c\nnext line\ttab 😀 | claimant: not a field".into(),
            tags: vec!["橋".into(), "budget, 2026".into(), "x|y".into()],
            ..ClaimFields::default()
        },
    );
    add(
        &mut a,
        "c-rtl",
        at(t, "נתניהו אמר שהמחירים יעלו."),
        ClaimFields {
            claimant: "נתניהו".into(),
            kind: ClaimType::Opinion,
            ..ClaimFields::default()
        },
    );
    // over a paragraph break: written as two fragments, read back whole
    let s = t.find("it will fail").unwrap();
    let e = t.find("新しい").unwrap();
    add(&mut a, "c-span", Span::new(s, e), ClaimFields::default());
    let ids = Identities::default();
    let link = |id: &str, from: End, to: End, kind, note: &str| Link {
        id: id.into(),
        from,
        to,
        kind,
        note: note.into(),
        created: NOW.into(),
    };
    let c = |id: &str| End::Claim(id.into());
    let e = |n: &str| End::Entity(n.into());
    for l in [
        link(
            "l1",
            c("c-critics"),
            c("c-ana"),
            Relation::Contradicts,
            "see | this\nand \\ that",
        ),
        link("l2", c("c-ana"), e("Ana Lima"), Relation::About, ""),
        // an entity the text never names: a note on the claim's text-bound
        link(
            "l3",
            c("c-cjk"),
            e("Tokyo Metropolis"),
            Relation::About,
            "東京",
        ),
        // one end named, one not
        link("l4", e("Kyiv"), e("Mars Colony"), Relation::Related, ""),
        // an end named otherwise than its mention reads
        link(
            "l5",
            c("c-warn"),
            e("clean rivers now"),
            Relation::About,
            "",
        ),
        link("l6", c("c-rtl"), c("c-cjk"), Relation::RespondsTo, ""),
    ] {
        a.add_link(l, &ids, NOW).unwrap();
    }
    (a, suggestions)
}

type ClaimView = (String, String, ClaimFields, Option<String>);

fn claims_of(a: &crate::core::library::Article) -> Vec<ClaimView> {
    a.claims()
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                a.doc.slice(c.span).to_string(),
                c.fields.clone(),
                c.creator.clone(),
            )
        })
        .collect()
}

fn links_of(a: &crate::core::library::Article) -> Vec<(String, End, End, Relation, String)> {
    a.links()
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                l.from.clone(),
                l.to.clone(),
                l.kind,
                l.note.clone(),
            )
        })
        .collect()
}

fn entities_of(a: &crate::core::library::Article) -> Vec<(String, Label)> {
    let found = extract(&a.doc);
    a.entities(&found)
        .mentions
        .iter()
        .map(|m| (a.doc.slice(m.span).to_string(), m.label))
        .collect()
}

#[test]
fn an_article_goes_to_brat_and_comes_back_the_same() {
    let (a, suggestions) = judged();
    let ids = Identities::default();
    let out = export(&a, &extract(&a.doc), &suggestions, &ids);
    assert_eq!(out.txt, TEXT);
    assert!(out.unwritten.is_empty());
    // every line one annotation
    for line in out.ann.lines() {
        let (id, _) = line.split_once('\t').expect(line);
        assert!(
            id.starts_with(['T', 'A', 'E', 'R', '#']),
            "{line:?} in\n{}",
            out.ann
        );
    }
    assert!(out.ann.ends_with('\n'));
    // attributions: the accepted suggestion's source and cue; claimants named in the text
    let events: Vec<&str> = out.ann.lines().filter(|l| l.starts_with('E')).collect();
    assert_eq!(events.len(), 4, "{}", out.ann);
    assert!(out.ann.contains("\tCue "), "{}", out.ann);
    assert!(out.ann.contains("\tSource "), "{}", out.ann);
    assert!(out.ann.contains("\tNotEntity "), "{}", out.ann);
    assert!(out.ann.contains("\tLOC "), "{}", out.ann);
    assert!(out.ann.contains("A2\tVerdict T1 unverified"), "{}", out.ann);
    // code points, not bytes: "Kyiv" is at 13, after one emoji-free title word run
    let (s, e) = chars(TEXT, "東京都は", 0);
    assert!(
        out.ann.contains(&format!("\tGPE {s} {}\t東京都", e - 1)),
        "{}",
        out.ann
    );
    // the claim across a paragraph break is two fragments, its text joined by a space
    assert!(
        out.ann.contains("it will fail by 2030. 東京都は\n"),
        "{}",
        out.ann
    );

    let back = import(out.txt.as_bytes(), &out.ann, "dam.txt", LATER).unwrap();
    assert_eq!(back.skipped, vec![], "{}", out.ann);
    assert_eq!(back.attributions, 4);
    let b = &back.article;
    assert_eq!(b.doc.text(), a.doc.text());
    assert_eq!(claims_of(b), claims_of(&a));
    assert_eq!(links_of(b), links_of(&a));
    assert_eq!(entities_of(b), entities_of(&a));
    assert!(entities_of(&a).contains(&("Kyiv".into(), Label::Loc)));
    assert!(!entities_of(&a).iter().any(|(n, _)| n == "Dam"));
    assert_eq!(b.claims()[0].created, LATER);
    assert_eq!(b.source_name.as_deref(), Some("dam.txt"));
    // the same pair gives the same article id, another pair another
    let again = import(out.txt.as_bytes(), &out.ann, "dam.txt", LATER).unwrap();
    assert_eq!(again.article.id, b.id);
    assert!(b.id.starts_with("brat-"));
    let other = import(out.txt.as_bytes(), "", "dam.txt", LATER).unwrap();
    assert_ne!(other.article.id, b.id);
    // and the article read back goes round again
    let twice = export(b, &extract(&b.doc), &[], &ids);
    let back = import(twice.txt.as_bytes(), &twice.ann, "dam.txt", LATER).unwrap();
    assert_eq!(claims_of(&back.article), claims_of(&a));
    assert_eq!(links_of(&back.article), links_of(&a));
}

#[test]
fn a_link_with_nowhere_to_go_is_listed_not_lost() {
    let mut a = crate::core::library::Article::new(
        "a".into(),
        parse_str("Nothing named here at all.", None),
        None,
        NOW,
    );
    let ids = Identities::default();
    a.add_link(
        Link {
            id: "l1".into(),
            from: End::Entity("Mars".into()),
            to: End::Entity("Venus".into()),
            kind: Relation::Related,
            note: String::new(),
            created: NOW.into(),
        },
        &ids,
        NOW,
    )
    .unwrap();
    let out = export(&a, &extract(&a.doc), &[], &ids);
    assert_eq!(out.ann, "");
    assert_eq!(out.unwritten, ["l1"]);
}

const POLNEAR_TEXT: &str = "Mayor Ana Lima: Bridge Will Open in May\n\nMayor Ana Lima told reporters on Monday that the bridge will open in May.\n\n“The work is nearly done,” Lima said. “We only need the paint.”\n\nThe council fears the cost will rise, according to a memo. “It is a worry,” the memo said.\n\n“And the paint is late.”\n\nA banner read “No more delays.”\n";

/// A `.ann` shaped as PolNeAR's: triggers over the cue, events joining source, cue and
/// content, an attribution without a source, discontinuous content, an annotator's note
/// and a flag label Gloss does not know.
fn polnear_ann() -> String {
    let t = POLNEAR_TEXT;
    let tb = |id: &str, label: &str, words: &str, nth: usize| {
        let (s, e) = chars(t, words, nth);
        format!("{id}\t{label} {s} {e}\t{words}\n")
    };
    let mut ann = String::new();
    // the headline: "Mayor Ana Lima: Bridge Will Open in May"
    ann += &tb("T1", "Source", "Mayor Ana Lima", 0);
    ann += &tb("T2", "Cue", ":", 0);
    ann += &tb("T3", "Content", "Bridge Will Open in May", 0);
    ann += &tb("T4", "Attribution", ":", 0);
    ann += "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
    // told … that
    ann += &tb("T5", "Source", "Mayor Ana Lima", 1);
    ann += &tb("T6", "Cue", "told", 0);
    ann += &tb("T7", "Content", "the bridge will open in May", 0);
    ann += &tb("T8", "Attribution", "told", 0);
    ann += "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n";
    // a quote around its cue: one content in two fragments
    let (a, b) = chars(t, "“The work is nearly done,”", 0);
    let (c, d) = chars(t, "“We only need the paint.”", 0);
    ann += &format!(
        "T9\tContent {a} {b};{c} {d}\t“The work is nearly done,” “We only need the paint.”\n"
    );
    ann += &tb("T10", "Cue", "said", 0);
    ann += &tb("T11", "Source", "Lima", 2);
    ann += &tb("T12", "Attribution", "said", 0);
    ann += "E3\tAttribution:T12 Source:T11 Cue:T10 Content:T9\n";
    ann += "#1\tAnnotatorNotes T9\tShould the second quote be its own attribution?\n";
    // no source: a cue and its content
    ann += &tb("T13", "Content", "the cost will rise", 0);
    ann += &tb("T14", "Cue", "fears", 0);
    ann += &tb("T15", "Attribution-no-source", "fears", 0);
    ann += "E4\tAttribution-no-source:T15 Content:T13 Cue:T14\n";
    // a source shared with the next, content going on in the next paragraph (Content2)
    ann += &tb("T16", "Source", "a memo", 0);
    ann += &tb("T17", "Cue", "according to", 0);
    ann += &tb("T18", "Attribution", "according to", 0);
    ann += "E5\tAttribution:T18 Cue:T17 Source:T16 Content:T13\n";
    ann += &tb("T19", "Content", "“It is a worry,”", 0);
    ann += &tb("T20", "Content", "“And the paint is late.”", 0);
    ann += &tb("T21", "Cue", "said", 1);
    ann += &tb("T22", "Source", "the memo", 0);
    ann += &tb("T23", "Attribution", "said", 1);
    ann += "E6\tAttribution:T23 Cue:T21 Source:T22 Content:T19 Content2:T20\n";
    // an annotator's flag, and an attribution with nothing but its trigger
    ann += &tb("T24", "Discuss", "A banner read", 0);
    ann += &tb("T25", "Attribution-no-source", "read", 0);
    ann += "E7\tAttribution-no-source:T25 \n";
    ann
}

#[test]
fn polnear_attributions_become_claims_with_their_speakers() {
    let ann = polnear_ann();
    let got = import(POLNEAR_TEXT.as_bytes(), &ann, "bridge.txt", NOW).unwrap();
    assert_eq!(got.attributions, 7);
    let a = &got.article;
    assert_eq!(a.claims().len(), 7);
    let by_id = |id: &str| {
        let c = a
            .claim(id)
            .unwrap_or_else(|| panic!("{id} in {:?}", claims_of(a)));
        (a.doc.slice(c.span).to_string(), c.fields.clone())
    };
    let (words, f) = by_id("brat-E1");
    assert_eq!(words, "Bridge Will Open in May");
    assert_eq!(f.claimant, "Mayor Ana Lima");
    assert_eq!(f.note, "Cue: “:”");
    let (words, f) = by_id("brat-E2");
    assert_eq!(words, "the bridge will open in May");
    assert_eq!(f.claimant, "Mayor Ana Lima");
    // the fragments of one paragraph: the quote whole, its cue inside
    let (words, f) = by_id("brat-E3");
    assert_eq!(
        words,
        "“The work is nearly done,” Lima said. “We only need the paint.”"
    );
    assert_eq!(f.claimant, "Lima");
    assert!(f.note.contains("Cue: “said”"), "{}", f.note);
    assert!(f.note.contains("its own attribution?"), "{}", f.note);
    // no source: no claimant; the type from the cue
    let (words, f) = by_id("brat-E4");
    assert_eq!(words, "the cost will rise");
    assert_eq!(f.claimant, "");
    assert_eq!(f.kind, crate::core::claims::kind_for_cue("fears"));
    let (_, f) = by_id("brat-E5");
    assert_eq!(f.claimant, "a memo");
    // content going on in another paragraph is quoted, not spanned
    let (words, f) = by_id("brat-E6");
    assert_eq!(words, "“It is a worry,”");
    assert_eq!(f.claimant, "the memo");
    assert!(
        f.note
            .contains("another paragraph: ““And the paint is late.””"),
        "{}",
        f.note
    );
    // nothing but a trigger: the trigger's words
    let (words, f) = by_id("brat-E7");
    assert_eq!(words, "read");
    assert_eq!(f.claimant, "");
    assert_eq!(
        got.skipped,
        vec![Skipped {
            what: "Discuss".into(),
            why: SkipReason::UnknownLabel,
            count: 1
        }]
    );
    assert!(got.skipped[0].to_string().contains("Discuss"));
    assert!(a.entity_fixes().is_empty());
}

#[test]
fn attributions_joined_by_relations_are_read_too() {
    let t = "The mayor said the bridge is safe.";
    let tb = |id: &str, label: &str, words: &str| {
        let (s, e) = chars(t, words, 0);
        format!("{id}\t{label} {s} {e}\t{words}\n")
    };
    let ann = tb("T1", "Source", "The mayor")
        + &tb("T2", "Cue", "said")
        + &tb("T3", "Content", "the bridge is safe")
        + "R1\tSOURCE Arg1:T2 Arg2:T1\nR2\tCONTENT Arg1:T2 Arg2:T3\n"
        + &tb("T4", "Content", "bridge")
        + &tb("T5", "Source", "mayor")
        + "R3\tSource Arg1:T4 Arg2:T5\n"
        + &tb("T6", "Cue", "is")
        + "*\tEquiv T1 T5\n";
    let got = import(t.as_bytes(), &ann, "m.txt", NOW).unwrap();
    assert_eq!(got.attributions, 2);
    let claims = claims_of(&got.article);
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(claims[0].0, "brat-T2");
    assert_eq!(claims[0].1, "the bridge is safe");
    assert_eq!(claims[0].2.claimant, "The mayor");
    assert_eq!(claims[1].0, "brat-T4");
    assert_eq!(claims[1].2.claimant, "mayor");
    let skipped: Vec<(&str, SkipReason)> = got
        .skipped
        .iter()
        .map(|s| (s.what.as_str(), s.why))
        .collect();
    assert_eq!(
        skipped,
        [
            ("Cue", SkipReason::NotInAttribution),
            ("Equiv", SkipReason::NotKept)
        ]
    );
}

#[test]
fn claims_tagged_in_brat_read_their_attributes_and_notes() {
    let t = "Title line\n\nThe levy raised 2 million. Nobody paid it.";
    let tb = |id: &str, label: &str, words: &str| {
        let (s, e) = chars(t, words, 0);
        format!("{id}\t{label} {s} {e}\t{words}\n")
    };
    let ann = tb("T1", "claim", "The levy raised 2 million.")
        + "A1\tTYPE T1 Opinion\nA2\tverdict T1 Mostly-True\nA3\tNegated T1\n"
        + "#1\tAnnotatorNotes T1\tChecked against the budget.\n"
        + &tb("T2", "CLAIM", "Nobody paid it.")
        + &tb("T3", "Person", "Nobody")
        + "R1\tabout Arg1:T2 Arg2:T3\n"
        + "R2\tsupports Arg1:T2 Arg2:T1\n"
        + "R3\tcauses Arg1:T2 Arg2:T1\n"
        + "#2\tAnnotatorNotes T3\tnot a person really\n";
    // text written with two spaces that are not in the text: a mismatch
    let spaced = ann.replace("\tNobody paid it.", "\t  Nobody paid it.");
    assert!(matches!(
        import(t.as_bytes(), &spaced, "x", NOW),
        Err(BratError::TextMismatch { line: 6, .. })
    ));
    let got = import(t.as_bytes(), &ann, "x", NOW).unwrap();
    let a = &got.article;
    let c = a.claim("brat-T1").unwrap();
    assert_eq!(c.fields.kind, ClaimType::Opinion);
    assert_eq!(c.fields.status.as_str(), "mostly-true");
    assert_eq!(c.fields.note, "Checked against the budget.");
    let ends: Vec<(End, End, Relation)> = a
        .links()
        .iter()
        .map(|l| (l.from.clone(), l.to.clone(), l.kind))
        .collect();
    assert_eq!(
        ends,
        [
            (
                End::Claim("brat-T2".into()),
                End::Entity("Nobody".into()),
                Relation::About
            ),
            (
                End::Claim("brat-T2".into()),
                End::Claim("brat-T1".into()),
                Relation::Supports
            ),
        ]
    );
    assert_eq!(a.entity_fixes().len(), 1);
    let skipped: Vec<(&str, SkipReason)> = got
        .skipped
        .iter()
        .map(|s| (s.what.as_str(), s.why))
        .collect();
    assert_eq!(
        skipped,
        [
            ("Negated", SkipReason::UnknownAttribute),
            ("causes", SkipReason::UnknownRelation),
            (NOTES, SkipReason::NoteNotKept),
        ]
    );
}

#[test]
fn entities_in_brat_become_the_persons_decisions() {
    let t = "Ana Lima met Bob in Paris.\n\nThe French delegation left.";
    let tb = |id: &str, label: &str, words: &str| {
        let (s, e) = chars(t, words, 0);
        format!("{id}\t{label} {s} {e}\t{words}\n")
    };
    let (s, _) = chars(t, "Paris.", 0);
    let (_, e) = chars(t, "The", 0);
    let ann = tb("T1", "Person", "Ana Lima")
        + &tb("T2", "PER", "Bob")
        + &tb("T3", "Location", "Paris")
        + &tb("T4", "NORP", "French")
        + &tb("T5", "Organization", "Lima met")
        + &tb("T6", "notentity", "delegation")
        + &format!("T7\tGPE {s} {e}\tParis.\n\nThe\n")
        + &tb("T8", "Thing", "met");
    let got = import(t.as_bytes(), &ann, "x", NOW).unwrap();
    let fixes: Vec<(String, Option<Label>)> = got
        .article
        .entity_fixes()
        .iter()
        .map(|f| (got.article.doc.slice(f.span).to_string(), f.label))
        .collect();
    assert_eq!(
        fixes,
        [
            ("Ana Lima".to_string(), Some(Label::Person)),
            ("Bob".into(), Some(Label::Person)),
            ("Paris".into(), Some(Label::Loc)),
            ("French".into(), Some(Label::Norp)),
            ("delegation".into(), None),
        ]
    );
    let skipped: Vec<(&str, SkipReason)> = got
        .skipped
        .iter()
        .map(|s| (s.what.as_str(), s.why))
        .collect();
    assert_eq!(
        skipped,
        [
            ("GPE", SkipReason::AcrossParagraphs),
            ("Organization", SkipReason::Overlapping),
            ("Thing", SkipReason::UnknownLabel),
        ]
    );
}

#[test]
fn offsets_count_code_points_and_a_byte_order_mark() {
    // emoji (two UTF-16 units, four bytes), a combining mark, CJK, right to left
    let t = "😀 e\u{301}té 漢字 שלום end";
    let tb = |words: &str| {
        let (s, e) = chars(t, words, 0);
        format!("T1\tClaim {s} {e}\t{words}\n")
    };
    for words in ["e\u{301}té", "漢字", "שלום", "end", "😀"] {
        let got = import(t.as_bytes(), &tb(words), "x", NOW).unwrap();
        let c = &got.article.claims()[0];
        assert_eq!(got.article.doc.slice(c.span), words);
    }
    // brat counts the mark as a character; the article's text starts after it
    let with_bom = format!("\u{FEFF}{t}");
    let (s, e) = chars(&with_bom, "漢字", 0);
    let got = import(
        with_bom.as_bytes(),
        &format!("T1\tClaim {s} {e}\t漢字\n"),
        "x",
        NOW,
    )
    .unwrap();
    assert_eq!(got.article.doc.text(), t);
    let c = &got.article.claims()[0];
    assert_eq!(got.article.doc.slice(c.span), "漢字");
}

#[test]
fn words_over_a_line_break_may_go_on_over_lines_of_the_ann() {
    // PolNeAR writes a text-bound over a paragraph break with the break in it
    let t = "He said: “One.\n\nTwo.”\n";
    let (s, e) = chars(t, "“One.\n\nTwo.”", 0);
    let ann = format!("T1\tContent {s} {e}\t“One.\n\nTwo.”\nT2\tCue 3 7\tsaid\nT3\tAttribution 3 7\tsaid\nE1\tAttribution:T3 Cue:T2 Content:T1\n");
    let got = import(t.as_bytes(), &ann, "x", NOW).unwrap();
    assert_eq!(got.attributions, 1);
    // one fragment over paragraphs is spanned whole, as the annotator marked it
    let c = &got.article.claims()[0];
    assert_eq!(got.article.doc.slice(c.span), "“One.\n\nTwo.”");
    assert_eq!(c.fields.note, "Cue: “said”");
    // with Windows line ends in both files
    let t2 = t.replace('\n', "\r\n");
    let (s, e) = chars(&t2, "“One.\r\n\r\nTwo.”", 0);
    let ann2 = format!("T1\tClaim {s} {e}\t“One.\r\n\r\nTwo.”\r\n");
    let got = import(t2.as_bytes(), &ann2, "x", NOW).unwrap();
    assert_eq!(
        got.article.doc.slice(got.article.claims()[0].span),
        "“One.\r\n\r\nTwo.”"
    );
    // a continuation that does not match is a mismatch, not a guess
    let bad = format!("T1\tClaim {s} {e}\t“One.\r\n\r\nThree.”\r\n");
    assert!(matches!(
        import(t2.as_bytes(), &bad, "x", NOW),
        Err(BratError::TextMismatch { line: 1, .. })
    ));
    // no text written: brat fills it in from the .txt
    let got = import(t.as_bytes(), "T1\tClaim 3 7\nT2\tClaim 0 2\t \n", "x", NOW).unwrap();
    assert_eq!(got.article.claims().len(), 2);
}

#[test]
fn every_problem_is_named_with_its_line() {
    let t = "Ana said the dam is safe. 😀 Done.";
    let ok = "T1\tClaim 9 24\tthe dam is safe\n";
    assert!(import(t.as_bytes(), ok, "x", NOW).is_ok());
    let line = |ann: &str| import(t.as_bytes(), ann, "x", NOW).unwrap_err();
    let cases: Vec<(&str, BratError)> = vec![
        (
            "\n\nT1 Claim 9 24 the dam",
            BratError::Line {
                line: 3,
                problem: LineProblem::NoTab,
            },
        ),
        (
            "X1\tClaim 9 24\tthe dam is safe",
            BratError::Line {
                line: 1,
                problem: LineProblem::UnknownKind('X'),
            },
        ),
        (
            "T1\tClaim\tthe",
            BratError::Line {
                line: 1,
                problem: LineProblem::NoLabel,
            },
        ),
        (
            "T1\tClaim 9 x\tthe",
            BratError::Line {
                line: 1,
                problem: LineProblem::BadOffsets,
            },
        ),
        (
            "T1\tClaim -1 3\tthe",
            BratError::Line {
                line: 1,
                problem: LineProblem::BadOffsets,
            },
        ),
        (
            "T1\tClaim 24 9\tthe",
            BratError::Line {
                line: 1,
                problem: LineProblem::StartAfterEnd { start: 24, end: 9 },
            },
        ),
        (
            "T1\tClaim 9 16;12 20\tthe dam i dam is s",
            BratError::Line {
                line: 1,
                problem: LineProblem::Overlapping,
            },
        ),
        (
            "T1\tClaim 30 99\tDone.",
            BratError::OutOfRange {
                line: 1,
                id: "T1".into(),
                start: 30,
                end: 99,
                len: 33,
            },
        ),
        (
            "T1\tClaim 9 24\tthe dam is SAFE",
            BratError::TextMismatch {
                line: 1,
                id: "T1".into(),
                expected: "the dam is safe".into(),
                found: "the dam is SAFE".into(),
            },
        ),
        (
            "T1\tClaim 9 24\tthe dam is safely",
            BratError::TextMismatch {
                line: 1,
                id: "T1".into(),
                expected: "the dam is safe".into(),
                found: "the dam is safely".into(),
            },
        ),
        // discontinuous: the fragments' text joined by one space, nothing else
        (
            "T1\tClaim 9 16;20 24\tthe dam...safe",
            BratError::TextMismatch {
                line: 1,
                id: "T1".into(),
                expected: "the dam safe".into(),
                found: "the dam...safe".into(),
            },
        ),
        (
            "T1\tClaim 9 24\tthe dam is safe\nT1\tClaim 0 3\tAna",
            BratError::DuplicateId {
                line: 2,
                id: "T1".into(),
            },
        ),
        (
            "E1\tAttribution:T9 Content:T1",
            BratError::UnknownId {
                line: 1,
                id: "E1".into(),
                missing: "T9".into(),
            },
        ),
        (
            "T1\tClaim 0 3\tAna\nE1\tAttribution T1",
            BratError::Line {
                line: 2,
                problem: LineProblem::NoTrigger,
            },
        ),
        (
            "T1\tClaim 0 3\tAna\nE1\tAttribution:T1 Content",
            BratError::Line {
                line: 2,
                problem: LineProblem::BadArgument("Content".into()),
            },
        ),
        (
            "T1\tClaim 0 3\tAna\nR1\tsupports Arg1:T1",
            BratError::Line {
                line: 2,
                problem: LineProblem::RelationArguments,
            },
        ),
        (
            "T1\tClaim 0 3\tAna\nA1\tVerdict",
            BratError::Line {
                line: 2,
                problem: LineProblem::AttributeParts,
            },
        ),
        (
            "T1\tClaim 0 3\tAna\n#1\tAnnotatorNotes\tnote",
            BratError::Line {
                line: 2,
                problem: LineProblem::NoteParts,
            },
        ),
        (
            "T1\tClaim 0 3\tAna\nA1\tVerdict T1 Not_A_Rating",
            BratError::BadValue {
                line: 2,
                name: "Verdict".into(),
                value: "Not_A_Rating".into(),
            },
        ),
        (
            "T1\tClaim 0 3\tAna\nA1\tType T1 rumour",
            BratError::BadValue {
                line: 2,
                name: "Type".into(),
                value: "rumour".into(),
            },
        ),
        (
            "T1\tClaim 0 3\tAna\n#1\tAnnotatorNotes T1\tid: c1\nT2\tClaim 9 12\tthe\n#2\tAnnotatorNotes T2\tid: c1",
            BratError::DuplicateGlossId {
                line: 3,
                id: "c1".into(),
            },
        ),
        (
            "T1\tClaim 0 3\tAna\n#1\tAnnotatorNotes T1\tlink: supports | from: c:T1 | to: c:nothing",
            BratError::BadLink {
                line: 2,
                why: LinkError::MissingClaim("T1".into()),
            },
        ),
    ];
    for (ann, want) in cases {
        let got = line(ann);
        assert_eq!(got, want, "{ann:?}");
        assert!(got.to_string().len() > 20, "{got}");
    }
}

#[test]
fn the_txt_must_be_text_brat_can_count() {
    let e = import(b"Caf\xe9 au lait.", "", "x", NOW).unwrap_err();
    assert_eq!(e, BratError::NotUtf8 { at: 3 });
    let e = import(b"\0\0\0\0binary", "", "x", NOW).unwrap_err();
    assert!(matches!(e, BratError::Unreadable { .. }), "{e:?}");
    assert!(e.to_string().contains("binary"), "{e}");
    let big = vec![b'a'; crate::core::parse::MAX_INPUT_BYTES + 1];
    assert!(matches!(
        import(&big, "", "x", NOW),
        Err(BratError::TooLarge {
            file: BratFile::Txt,
            ..
        })
    ));
    // an empty pair is an empty article
    let got = import(b"", "", "x", NOW).unwrap();
    assert!(got.article.claims().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any `.ann`, made of brat's own pieces and junk, against any text: an article or an
    /// error, never a panic; every claim and decision on the text's characters.
    #[test]
    fn any_input_reads_without_panic(
        text in proptest::collection::vec(proptest::sample::select(vec![
            "Ana", " ", "said", ".", "\n", "\n\n", "😀", "e\u{301}", "漢字", "שלום", "\r\n", "“", "”", "\t", "\u{FEFF}",
        ]), 0..40).prop_map(|v| v.concat()),
        lines in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(vec![
                "T1", "T2", "E1", "R1", "A1", "#1", "*", "N1", "M1", "X", "\t", " ", ";", ":",
                "0", "1", "2", "3", "5", "10", "99", "Claim", "Source", "Cue", "Content",
                "Attribution", "PERSON", "NotEntity", "Type", "Verdict", "opinion",
                "mostly-true", "Arg1:T1", "Arg2:T2", "Content:T1", "Source:T2", "Cue:T1",
                "Attribution:T1", "AnnotatorNotes", "id: c1", "link: about", " | ", "from: c:c1",
                "to: e:Ana", "supports", "Ana", "said", "😀", "\n", "\\", "|",
            ]), 0..14).prop_map(|v| v.concat()),
            0..10,
        ),
    ) {
        let ann = lines.join("\n");
        if let Ok(got) = import(text.as_bytes(), &ann, "x", NOW) {
            let a = &got.article;
            for c in a.claims() {
                prop_assert!(c.span.is_valid_in(a.doc.text()));
                prop_assert!(c.span.end() <= a.doc.text().len());
            }
            for f in a.entity_fixes() {
                prop_assert!(f.span.is_valid_in(a.doc.text()));
            }
            // and what was read writes out again and reads back
            let out = export(a, &extract(&a.doc), &[], &Identities::default());
            let again = import(out.txt.as_bytes(), &out.ann, "x", NOW);
            prop_assert!(again.is_ok(), "{:?}\n{}", again.err(), out.ann);
        }
    }

    /// Files of well-formed lines (text-bounds quoting their text, events, relations,
    /// attributes and notes naming them) over any text: read, or refused for a reason
    /// (a value that is no verdict, two ends the same); what is read goes round again the
    /// same.
    #[test]
    fn well_formed_files_read_and_go_round(
        (text, lines) in proptest::collection::vec(proptest::sample::select(vec![
            "Ana", " ", "said", ". ", "\n", "\n\n", "😀", "e\u{301}", "漢字", "שלום", "“", "”", "\t", "\r\n",
        ]), 1..30).prop_map(|v| v.concat()).prop_flat_map(|text| {
            let n = text.chars().count();
            let line = (0usize..8, 0..=n, 0..=n, 0usize..6, 0usize..6, 0usize..12);
            (Just(text), proptest::collection::vec(line, 0..16))
        }),
    ) {
        let chars: Vec<char> = text.chars().collect();
        let labels = ["Claim", "Source", "Cue", "Content", "Attribution", "PERSON", "NotEntity", "ORG", "Discuss"];
        let values = ["opinion", "mostly-true", "Bad Value", "promise", "false", "x"];
        let notes = ["id: c1", "claimant: Ana | tag: t | evidence: https://e.org | evidence note: n", "free words",
            "link: about | from: c:c1 | to: e:Ana", "link: related | from: e:Ana | to: e:Bo", "note: a\\|b", "id: l1 | note: x"];
        let mut ann = String::new();
        let mut t = 0;
        for (i, &(kind, a, b, x, y, z)) in lines.iter().enumerate() {
            let (a, b) = (a.min(b), a.max(b));
            let words: String = chars[a..b].iter().collect();
            let tid = |k: usize| format!("T{}", 1 + k % t.max(1));
            match kind {
                0..=2 => {
                    t += 1;
                    let label = labels[(x + y + z) % labels.len()];
                    if z % 5 == 0 && b > a + 2 {
                        // two fragments, their text joined by a space
                        let m = a + (b - a) / 2;
                        let (l, r): (String, String) = (chars[a..m].iter().collect(), chars[m + 1..b].iter().collect());
                        ann += &format!("T{t}\t{label} {a} {m};{} {b}\t{l} {r}\n", m + 1);
                    } else {
                        ann += &format!("T{t}\t{label} {a} {b}\t{words}\n");
                    }
                }
                3 if t > 0 => ann += &format!("E{i}\tAttribution:{} Source:{} Cue:{} Content:{}\n", tid(x), tid(y), tid(z), tid(x + y)),
                4 if t > 1 => ann += &format!("R{i}\t{} Arg1:{} Arg2:{}\n", ["supports", "about", "Source", "causes", "related"][z % 5], tid(x), tid(y)),
                5 if t > 0 => ann += &format!("A{i}\t{} {} {}\n", ["Type", "Verdict", "Negated"][z % 3], tid(x), values[y]),
                6 if t > 0 => ann += &format!("#{i}\tAnnotatorNotes {}\t{}\n", tid(x), notes[z % notes.len()]),
                _ => {}
            }
        }
        if let Ok(got) = import(text.as_bytes(), &ann, "x", NOW) {
            let a = &got.article;
            let out = export(a, &extract(&a.doc), &[], &Identities::default());
            let again = import(out.txt.as_bytes(), &out.ann, "x", NOW);
            prop_assert!(again.is_ok(), "{:?}\n{}\nfrom\n{}", again.as_ref().err(), out.ann, ann);
            let again = again.unwrap();
            prop_assert_eq!(claims_of(&again.article), claims_of(a), "{}", out.ann);
            // a link with no text-bound to hold it is named, not lost without a word
            let mut written = links_of(a);
            written.retain(|l| !out.unwritten.contains(&l.0));
            prop_assert_eq!(links_of(&again.article), written, "{}", out.ann);
        }
    }

    /// Claims anywhere in any text, with any words in their fields, come back the same.
    #[test]
    fn any_claims_come_back_the_same(
        text in proptest::collection::vec(proptest::sample::select(vec![
            "Word", " ", ". ", "\n", "\n\n", "😀", "👩‍👩‍👧", "e\u{301}", "漢字", "。", "שלום", "مرحبا", "“", "”", "\t",
        ]), 1..40).prop_map(|v| v.concat()),
        spans in proptest::collection::vec((0usize..400, 0usize..400), 0..6),
        words in proptest::sample::select(vec!["", "a | b", "\\|", "x\ny", "😀 e\u{301}", " lead", "claimant: no"]),
    ) {
        let mut a = crate::core::library::Article::new(
            "p".into(),
            parse_str(&text, Some(crate::core::parse::Format::Text)),
            None,
            NOW,
        );
        for (i, (s, e)) in spans.into_iter().enumerate() {
            let fields = ClaimFields {
                claimant: words.to_string(),
                note: words.to_string(),
                tags: if words.is_empty() { vec![] } else { vec![words.to_string()] },
                ..ClaimFields::default()
            };
            a.add_claim(format!("c{i}"), Span::new(s.min(text.len()), e.min(text.len())), fields, NOW);
        }
        let out = export(&a, &extract(&a.doc), &[], &Identities::default());
        let back = import(out.txt.as_bytes(), &out.ann, "p", NOW).unwrap();
        prop_assert_eq!(claims_of(&back.article), claims_of(&a));
    }
}

/// PolNeAR's attributions, read from a folder of its `.txt` and `.ann` pairs
/// (`GLOSS_POLNEAR_DIR`, e.g. `data/dev` with `text/` and `attributions/`, or one folder
/// holding both): every attribution event is read, and each is a claim.
#[test]
#[ignore = "needs GLOSS_POLNEAR_DIR: a folder of PolNeAR .txt and .ann pairs"]
fn polnear_attributions_are_all_read() {
    use std::path::{Path, PathBuf};
    let Ok(dir) = std::env::var("GLOSS_POLNEAR_DIR") else {
        eprintln!("GLOSS_POLNEAR_DIR is not set");
        return;
    };
    let dir = PathBuf::from(dir);
    let files = |d: &Path, ext: &str| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        v.retain(|p| p.extension().is_some_and(|e| e == ext));
        v.sort();
        v
    };
    let (texts, anns) = if dir.join("attributions").is_dir() {
        (dir.join("text"), dir.join("attributions"))
    } else {
        (dir.clone(), dir.clone())
    };
    let texts = files(&texts, "txt");
    let (mut pairs, mut events, mut read, mut claims, mut skipped) = (0, 0, 0, 0, 0);
    let started = std::time::Instant::now();
    for ann_path in files(&anns, "ann") {
        let stem = ann_path.file_stem().unwrap().to_string_lossy().to_string();
        // PolNeAR names an annotation `<article>_<annotator>.ann`
        let txt_path = texts
            .iter()
            .find(|t| {
                let s = t.file_stem().unwrap().to_string_lossy();
                stem == s
                    || stem
                        .strip_prefix(s.as_ref())
                        .is_some_and(|r| r.starts_with('_'))
            })
            .unwrap_or_else(|| panic!("no .txt for {}", ann_path.display()));
        let txt = std::fs::read(txt_path).unwrap();
        let ann = std::fs::read_to_string(&ann_path).unwrap();
        let here = ann
            .lines()
            .filter(|l| {
                l.split_once('\t').is_some_and(|(id, rest)| {
                    id.starts_with('E')
                        && rest
                            .get(..11)
                            .is_some_and(|h| h.eq_ignore_ascii_case("attribution"))
                })
            })
            .count();
        let got = import(&txt, &ann, &stem, NOW)
            .unwrap_or_else(|e| panic!("{}: {e}", ann_path.display()));
        assert_eq!(got.attributions, here, "{}", ann_path.display());
        pairs += 1;
        events += here;
        read += got.attributions;
        claims += got.article.claims().len();
        skipped += got.skipped.iter().map(|s| s.count).sum::<usize>();
    }
    println!(
        "{pairs} pairs: {events} attribution events in the files, {read} attributions read, {claims} claims, {skipped} annotations skipped, in {:.2?}",
        started.elapsed()
    );
    assert!(pairs > 0, "no .ann files in {}", dir.display());
    assert_eq!(read, events);
    assert_eq!(claims, events);
}

#[test]
fn an_ann_goes_with_its_text_or_an_annotators_copy_of_it() {
    assert!(super::goes_with("story", "story"));
    assert!(super::goes_with("story", "story_ann2"));
    assert!(!super::goes_with("story", "story_"));
    assert!(!super::goes_with("story", "storyline"));
    assert!(!super::goes_with("story_ann2", "story"));
}
