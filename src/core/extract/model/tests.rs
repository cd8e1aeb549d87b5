use super::*;
use crate::core::parse::{parse_str, Format};

fn found(text: &str) -> Vec<(String, Label)> {
    let p = parse_str(text, Some(Format::Text));
    entities(&p.document)
        .into_iter()
        .map(|m| (p.document.slice(m.span).to_string(), m.label))
        .collect()
}

#[test]
fn the_shipped_weights_read() {
    let w = weights().expect("model/entities.bin reads");
    assert!(!w.table.rows.is_empty());
}

#[test]
fn damaged_weights_are_refused_without_a_panic() {
    let bytes = include_bytes!("entities.bin");
    for cut in [0, 3, MAGIC.len() + 2, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(Weights::parse(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    assert_eq!(
        Weights::parse(b"not a weight file").err(),
        Some(WeightsError::NotWeights)
    );
}

/// The trainer's own decisions on hand-written sentences (`--parity`): Gloss makes
/// the same ones, so the weights are read and applied as they were learnt.
#[test]
fn gloss_decides_as_the_trainer_did() {
    for line in include_str!("parity.tsv").lines() {
        let (text, expected) = line.split_once('\t').expect("a tab");
        let p = parse_str(text, Some(Format::Text));
        let got: Vec<String> = entities(&p.document)
            .iter()
            .map(|m| format!("{}:{}:{}", m.span.start(), m.span.end(), m.label.as_str()))
            .collect();
        let want: Vec<&str> = expected.split_whitespace().collect();
        assert_eq!(got, want, "{text}");
    }
}

/// The seed, the corpus's texts and sentences with possessives, names at a sentence's ends
/// and words outside ASCII.
const TEXTS: [&str; 7] = [
    include_str!("../../../../seeds/000_9d83cd3958c40a29.txt"),
    include_str!("../../../../tests/fixtures/corpus/01-hk-legislative-election.txt"),
    include_str!("../../../../tests/fixtures/corpus/02-uk-asylum-questionnaire.txt"),
    include_str!("../../../../tests/fixtures/corpus/03-north-korea-quasi-state-of-war.txt"),
    include_str!("../../../../tests/fixtures/corpus/07-blinken-austin-kyiv-visit.txt"),
    include_str!("../../../../tests/fixtures/corpus/08-sherman-cambodia-visit.txt"),
    "Labour's Shadow Chancellor met Renée Dubois. Dubois's aide, Jo Lee, said so. \
     Ask Lee. “Ōsaka’s mayor, Ken Ito,” said Sun-hee Park of the Korea Herald 🚢 in 東京. \
     North. The Workers' Party of Korea and O'Brien & Co. agreed with שלום Cohen.",
];

/// Tagging while reading (the extractor's way: features only where needed, their rows
/// summed ahead by word) decides as tagging a whole reading does (the trainer's way: every
/// feature hashed and looked up), on the seed, the corpus's texts and sentences with
/// possessives, names at a sentence's ends, and words outside ASCII.
#[test]
fn tagging_while_reading_equals_tagging_a_reading() {
    let w = weights().expect("weights");
    for text in TEXTS {
        let p = parse_str(text, Some(Format::Text));
        let reading = model_reading(&p.document);
        assert_eq!(
            decide_with(w, p.document.text(), &reading),
            crate::core::extract::scan::decided_entities(&p.document),
            "{}",
            text.chars().take(40).collect::<String>()
        );
    }
}

/// Each word's scores summed ahead (`sums`) are those of its features hashed one by one.
#[test]
fn scores_summed_ahead_equal_the_features_rows() {
    let w = weights().expect("weights");
    for text in TEXTS {
        let p = parse_str(text, Some(Format::Text));
        let doc = &*crate::core::extract::read_as(&p.document);
        let mut scan = EntityScan::new(doc);
        while !scan.step(doc, usize::MAX) {}
        let (mentions, st) = scan.finish_rules(doc);
        let both = read::scores_both_ways(doc, &mentions, &st, w);
        assert!(both.len() > 20);
        for (k, (hashed, summed)) in both.iter().enumerate() {
            assert_eq!(
                hashed,
                summed,
                "word {k} of {}",
                text.chars().take(40).collect::<String>()
            );
        }
    }
}

#[test]
fn an_organisation_without_an_org_word_is_no_person() {
    let v = found("Clean Rivers Now said the spill had killed fish along the river.");
    assert!(
        v.contains(&("Clean Rivers Now".into(), Label::Org)),
        "{v:?}"
    );
    let v = found("Dr. Ann Lee, a researcher at Greenway Labs, told reporters that Kessler Holdings had paid.");
    assert!(v.contains(&("Ann Lee".into(), Label::Person)), "{v:?}");
    assert!(
        v.contains(&("Kessler Holdings".into(), Label::Org)),
        "{v:?}"
    );
    // no person made of an organisation's name
    for name in ["Clean Rivers Now", "Kessler Holdings", "Greenway Labs"] {
        assert!(!v.contains(&(name.into(), Label::Person)), "{name}: {v:?}");
    }
}

#[test]
fn a_place_outside_the_lexicon_is_found() {
    let v = found("Maria Okafor of Harbour Watch met officials in Tallinburg on Friday.");
    assert!(v.contains(&("Tallinburg".into(), Label::Gpe)), "{v:?}");
    assert!(v.contains(&("Maria Okafor".into(), Label::Person)), "{v:?}");
    assert!(
        !v.iter()
            .any(|(s, l)| s.contains("Harbour") && *l == Label::Person),
        "{v:?}"
    );
}

#[test]
fn what_the_rules_surely_know_stays() {
    let v = found("President Joe Biden spoke in Washington; the United Nations replied.");
    assert!(v.contains(&("Joe Biden".into(), Label::Person)), "{v:?}");
    assert!(v.contains(&("United Nations".into(), Label::Org)), "{v:?}");
    assert!(v.contains(&("Washington".into(), Label::Gpe)), "{v:?}");
}

#[test]
fn a_name_found_elsewhere_in_the_document_stays() {
    let v = found("Vladimir Petrov met the envoys on Monday. Later, while Petrov appears inclined towards a deal, the outcome is unclear.");
    assert_eq!(
        v.iter()
            .filter(|(s, l)| s == "Petrov" && *l == Label::Person)
            .count(),
        1,
        "{v:?}"
    );
    let v = found("She became the youngest Tidewater Council member. The Tidewater Council met again on Friday.");
    assert_eq!(
        v.iter()
            .filter(|(s, l)| s == "Tidewater Council" && *l == Label::Org)
            .count(),
        2,
        "{v:?}"
    );
}

#[test]
fn a_compass_word_alone_is_no_name() {
    let v = found(
        "The clash came after North and South Korea exchanged fire. The South retaliated at once.",
    );
    assert!(
        !v.iter().any(|(s, _)| s == "North" || s == "South"),
        "{v:?}"
    );
}

#[test]
fn a_possessive_or_a_sentence_opener_is_not_absorbed_into_a_name() {
    let v = found("Labour's Shadow Home Secretary Yvonne Carter said her party would act.");
    assert!(!v.iter().any(|(s, _)| s.contains("Shadow")), "{v:?}");
    let v = found(
        "Gerald Moss of KPF spoke first. Hardline KPF's Anna Reyes and Tom Rook were elected.",
    );
    assert!(!v.iter().any(|(s, _)| s.starts_with("Hardline")), "{v:?}");
}

#[test]
fn a_word_that_only_begins_longer_names_is_no_person_alone() {
    let v = found("Crews worked at Tallow Naval Base on the coast. She asked about buildings torn down at Tallow without notice.");
    assert!(!v.contains(&("Tallow".into(), Label::Person)), "{v:?}");
}

#[test]
fn offsets_stay_on_characters_in_any_script() {
    for text in [
        "Emoji 😀 and Zoë Ñúñez visited São Paulo with the Société Générale team — 東京 too.",
        "שלום Ana Lima said. مرحبا Carlos Ruiz of Banco Nube e\u{301} replied in Lisbon.",
        "😀😀 X Y Z 😀 & of the And De La 東京 Ω Ωmega said \u{202e}Lee\u{202c} Ann.",
        "",
        "&&& of of of The The . . . ' ’s 's",
    ] {
        let p = parse_str(text, Some(Format::Text));
        let doc = &p.document;
        let ms = entities(doc);
        for m in &ms {
            assert!(m.span.is_valid_in(doc.text()), "{text}: {m:?}");
            assert!(m.span.start() < m.span.end());
        }
        assert!(ms.windows(2).all(|w| w[0].span.end() <= w[1].span.start()));
    }
}
