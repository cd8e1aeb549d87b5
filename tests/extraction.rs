//! Extraction quality, measured by the shared corpus's own scorers on `gloss analyze`
//! output (the targets), and the sample article's required entities and speakers.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn analyze(path: &std::path::Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("analyze")
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A scratch folder removed when the test is done with it, pass or fail.
struct RemoveOnDrop(std::path::PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `gloss analyze` on the five corpus articles and a scorer over them.
fn score(scorer: &str) -> serde_json::Value {
    let corpus = root().join("../shared/corpus");
    assert!(
        corpus.join(scorer).exists(),
        "the shared corpus is missing at {corpus:?}"
    );
    let dir = std::env::temp_dir().join(format!("gloss-score-{}-{scorer}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let _cleanup = RemoveOnDrop(dir.clone());
    let mut args = vec![corpus.join(scorer).to_string_lossy().to_string()];
    for n in ["01", "02", "03", "07", "08"] {
        let article = std::fs::read_dir(corpus.join("articles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name().unwrap().to_string_lossy().starts_with(n)
                    && p.extension().is_some_and(|e| e == "txt")
            })
            .unwrap();
        let pred = dir.join(format!("{n}.json"));
        std::fs::write(&pred, analyze(&article).to_string()).unwrap();
        args.push(pred.to_string_lossy().to_string());
        args.push(
            corpus
                .join(format!("labels/{n}.gold.json"))
                .to_string_lossy()
                .to_string(),
        );
    }
    args.push("--json".into());
    let out = Command::new("python3")
        .args(&args)
        .output()
        .expect("python3 runs the corpus scorers");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn entities_meet_the_targets_overall_and_per_class() {
    let s = score("score.py");
    for class in ["ALL", "PER", "ORG", "LOC"] {
        let exact = s["exact"][class]["f1"].as_f64().unwrap();
        let lenient = s["lenient"][class]["f1"].as_f64().unwrap();
        eprintln!("{class}: exact F1 {exact:.3}, lenient F1 {lenient:.3}");
        assert!(exact >= 0.85, "{class} exact F1 {exact:.3} < 0.85");
        assert!(lenient >= 0.90, "{class} lenient F1 {lenient:.3} < 0.90");
    }
}

#[test]
fn claims_meet_the_targets() {
    let s = score("score_claims.py");
    let f1 = s["attributed_f1"].as_f64().unwrap();
    let acc = s["attribution_accuracy"].as_f64().unwrap();
    eprintln!("attributed F1 {f1:.3}, attribution accuracy {acc:.3}");
    assert!(f1 >= 0.85, "attributed F1 {f1}");
    assert!(acc >= 0.80, "attribution accuracy {acc}");
}

#[test]
fn the_sample_yields_its_people_organisations_places_and_speakers() {
    let v = analyze(&root().join("seeds/000_9d83cd3958c40a29.txt"));
    let has = |label: &str, text: &str| {
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["label"] == label && e["text"] == text)
    };
    for p in [
        "Donald Trump",
        "Vladimir Putin",
        "Steve Witkoff",
        "Jared Kushner",
        "Rustem Umerov",
        "Volodymyr Zelenskyy",
        "Andrii Sybiha",
        "Yuri Ushakov",
        "Mark Rutte",
    ] {
        assert!(has("PERSON", p), "person {p}");
    }
    for o in [
        "Kremlin",
        "NATO",
        "European Commission",
        "UN General Assembly",
        "G8",
    ] {
        assert!(has("ORG", o), "organisation {o}");
    }
    for g in [
        "Ukraine", "Russia", "Florida", "Kyiv", "Moscow", "Geneva", "Belgium",
    ] {
        assert!(has("GPE", g), "place {g}");
    }
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let speaker_of = |needle: &str| -> Option<String> {
        v["claims"].as_array().unwrap().iter().find_map(|c| {
            let s: String = text
                [c["start"].as_u64().unwrap() as usize..c["end"].as_u64().unwrap() as usize]
                .iter()
                .collect();
            s.contains(needle)
                .then(|| c["speaker"].as_str().map(str::to_string))
                .flatten()
        })
    };
    for (needle, who) in [
        ("reasonably constructive", "Donald Trump"),
        (
            "without an agreement on territorial issues",
            "Russian official",
        ),
        ("relinquishing territory", "Volodymyr Zelenskyy"),
        ("cease wasting", "Andrii Sybiha"),
        ("readiness to escalate", "Vladimir Putin"),
        ("recent military successes", "Yuri Ushakov"),
        ("sabotage the peace efforts", "Vladimir Putin"),
        ("continue military support", "Mark Rutte"),
    ] {
        assert_eq!(
            speaker_of(needle).as_deref(),
            Some(who),
            "speaker of “{needle}”"
        );
    }
    // titles kept as roles, out of names
    let sybiha = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "Andrii Sybiha")
        .unwrap();
    assert_eq!(sybiha["role"], "Foreign Minister");
}
