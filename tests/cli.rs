//! The command line, run as a user would: `gloss analyze PATH...` prints one JSON line per
//! article.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

/// A folder of this test run's own, removed when the test is done with it, pass or fail.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gloss(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn analyze_prints_title_text_paragraphs_and_sentences_in_code_points() {
    let out = gloss(&[
        "analyze",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_9d83cd3958c40a29.txt"
        ),
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    assert_eq!(
        v["title"],
        "Uncertain Path to Peace: The Complex Dynamics of Ukraine-Russia Negotiations"
    );
    assert_eq!(v["offsetUnit"], "codepoint");
    let last = v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .nth(3)
        .unwrap();
    let s: String = text
        [last["start"].as_u64().unwrap() as usize..last["end"].as_u64().unwrap() as usize]
        .iter()
        .collect();
    assert_eq!(s, "The unfolding situation continues to probe the international community’s resolve in supporting Ukraine amid persistent aggression from Russia.");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 12);
}

#[test]
fn analyze_reads_html_and_markdown_like_the_app() {
    let html = gloss(&[
        "analyze",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/corpus/07-blinken-austin-kyiv-visit.html"
        ),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&html.stdout).unwrap();
    assert_eq!(v["format"], "html");
    assert!(!v["text"].as_str().unwrap().contains('<'));
    let scratch = Scratch::new("gloss-cli");
    let dir = &scratch.0;
    let md = dir.join("a.md");
    std::fs::write(&md, "# Head *line*\n\nA [link](http://x) here. Next.").unwrap();
    let v: serde_json::Value =
        serde_json::from_slice(&gloss(&["analyze", md.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(v["title"], "Head line");
    assert_eq!(v["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_usage_and_missing_files_fail_clearly() {
    let out = gloss(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    let out = gloss(&["analyze", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    // the error has its line in the output too, naming the file
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["file"], "/no/such/file.txt");
    assert!(v["error"].as_str().unwrap().contains("cannot read"));
    for bad in [
        &["analyze"][..],
        &["analyze", "--fields", "text,colour", "x.txt"],
        &["analyze", "--jobs", "0", "x.txt"],
        &["analyze", "--frobnicate", "x.txt"],
    ] {
        let out = gloss(bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage"),
            "{bad:?}"
        );
    }
    let out = gloss(&["analyze", "--fields", "text,colour", "x.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no field called \"colour\""));
}

fn lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_batch_writes_what_each_file_alone_writes_in_order_on_every_core() {
    let root = env!("CARGO_MANIFEST_DIR");
    let scratch = Scratch::new("gloss-cli-batch");
    let dir = scratch.0.clone();
    let sub = dir.join("more");
    std::fs::create_dir_all(&sub).unwrap();
    // a folder: its articles by path (subfolders too), other files and hidden ones left out
    let fixtures = format!("{root}/tests/fixtures/corpus");
    let mut copied = Vec::new();
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt" || e == "html") {
            copied.push(p);
        }
    }
    copied.sort();
    assert!(copied.len() >= 4);
    for (i, p) in copied.iter().enumerate() {
        let into = if i % 2 == 0 { &dir } else { &sub };
        std::fs::copy(p, into.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("notes.csv"), "not,an,article").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "Hidden.").unwrap();
    let folder = dir.to_str().unwrap();
    let seed = format!("{root}/seeds/000_9d83cd3958c40a29.txt");
    let missing = "/no/such/article.txt";
    for jobs in ["1", "2", "4"] {
        let out = gloss(&["analyze", "--jobs", jobs, &seed, missing, folder]);
        assert_eq!(out.status.code(), Some(1), "one file is missing");
        let batch = lines(&out);
        assert_eq!(batch.len(), 2 + copied.len());
        // each line is what the file gives on its own
        let mut expected = vec![lines(&gloss(&["analyze", &seed]))[0].clone()];
        expected.push(lines(&gloss(&["analyze", missing]))[0].clone());
        let mut files: Vec<String> = Vec::new();
        for (i, p) in copied.iter().enumerate() {
            let into = if i % 2 == 0 { &dir } else { &sub };
            files.push(
                into.join(p.file_name().unwrap())
                    .to_string_lossy()
                    .into_owned(),
            );
        }
        files.sort();
        for f in &files {
            let alone = gloss(&["analyze", f]);
            assert!(alone.status.success());
            expected.push(lines(&alone)[0].clone());
        }
        assert_eq!(batch, expected, "--jobs {jobs}");
        let named: Vec<serde_json::Value> = batch
            .iter()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["file"].clone())
            .collect();
        assert_eq!(
            named[2..],
            files
                .iter()
                .map(|f| serde_json::json!(f))
                .collect::<Vec<_>>()[..]
        );
    }
    // a folder with no articles says so, in its place
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = gloss(&["analyze", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&lines(&out)[0]).unwrap();
    assert!(v["error"].as_str().unwrap().contains("no .txt"));
}

#[test]
fn fields_choose_the_parts_of_the_report() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_9d83cd3958c40a29.txt"
    );
    let all: serde_json::Value = serde_json::from_slice(&gloss(&["analyze", seed]).stdout).unwrap();
    // (sorted: the order of a JSON object is not part of the report)
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&all),
        [
            "claims",
            "diagnostics",
            "entities",
            "entityNames",
            "file",
            "format",
            "metadata",
            "offsetUnit",
            "paragraphs",
            "sentences",
            "text",
            "title"
        ]
    );
    let some: serde_json::Value =
        serde_json::from_slice(&gloss(&["analyze", "--fields", "claims,entities", seed]).stdout)
            .unwrap();
    assert_eq!(
        keys(&some),
        ["claims", "entities", "entityNames", "file", "offsetUnit"]
    );
    // the same entities and claims as in the whole report
    assert_eq!(some["entities"], all["entities"]);
    assert_eq!(some["claims"], all["claims"]);
    // each entity's name once, by its number; each mention's words as written
    let names = all["entityNames"].as_array().unwrap();
    for m in all["entities"].as_array().unwrap() {
        assert!(m["entity"].as_u64().unwrap() < names.len() as u64);
        assert!(m.get("name").is_none());
    }
    assert!(names.iter().any(|n| n == "Vladimir Putin"));
    // a factual claim has no speaker or cue written
    let factual = all["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == "factual")
        .unwrap();
    assert!(factual.get("speaker").is_none() && factual.get("cue").is_none());
    let text_only: serde_json::Value =
        serde_json::from_slice(&gloss(&["analyze", "--fields=text", seed]).stdout).unwrap();
    assert_eq!(keys(&text_only), ["file", "offsetUnit", "text"]);
}

#[test]
fn page_prints_a_json_line_per_page_with_story_and_metadata() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages/");
    let a = format!("{dir}pattern-news-frame.html");
    let b = format!("{dir}pattern-split-body.html");
    let out = gloss(&["page", &a, &b]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], a.as_str());
    assert_eq!(
        lines[0]["metadata"]["headline"],
        "Harbour bridge to close for repairs"
    );
    let body = lines[0]["body"].as_str().unwrap();
    assert!(body.starts_with("The old harbour bridge in Gullhaven"));
    assert!(!body.contains("Harbour bridge to close for repairs"));
    assert!(!body.contains("The bridge was built in 1911"));
    assert!(lines[0]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["dropped"] == "frame"));
    assert_eq!(lines[1]["metadata"]["authors"][1], "Sun-hee Park");
    let missing = gloss(&["page", "/no/such/page.html"]);
    assert!(!missing.status.success());
}

/// Writes `text` to a file named `name` in a directory of its own for this test run; the
/// directory goes when the `Scratch` is dropped.
fn temp_text(dir: &str, name: &str, text: &str) -> (Scratch, std::path::PathBuf) {
    let scratch = Scratch::new(dir);
    let path = scratch.0.join(name);
    std::fs::write(&path, text).unwrap();
    (scratch, path)
}

#[test]
fn scores_prints_a_json_line_per_claim_suggested_or_not() {
    let (_scratch, path) = temp_text(
        "gloss-cli-scores",
        "lines.txt",
        "Lines\n\nThe town spent 4 million euros on its new bridge last year.\n\nHello there.\n",
    );
    let out = gloss(&["scores", path.to_str().unwrap()]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // the title, the claim with an amount, and the greeting: each in its own block
    let blocks: Vec<u64> = lines.iter().map(|l| l["block"].as_u64().unwrap()).collect();
    assert_eq!(blocks, [0, 1, 2]);
    assert_eq!(lines[1]["suggested"], true);
    assert_eq!(lines[2]["suggested"], false);
    assert!(lines[1]["score"].as_f64().unwrap() > lines[2]["score"].as_f64().unwrap());
    assert!(lines[1]["reasons"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
}

#[test]
fn analyze_gives_the_cue_as_a_span_and_a_running_quotation_as_several_content_spans() {
    let (_scratch, path) = temp_text(
        "gloss-cli-runs",
        "runs.txt",
        "Bridge news\n\nThe mayor, Renée Dubois, said on Monday: “The bridge opens in May. \
         It cost less than planned.” The council agreed.\n",
    );
    let out = gloss(&["analyze", path.to_str().unwrap()]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let cut = |s: &serde_json::Value| -> String {
        text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    let claims = v["claims"].as_array().unwrap();
    let said = &claims[0];
    assert_eq!(said["speaker"], "Renée Dubois");
    // the cue: its words and where they are, in code points
    assert_eq!(said["cue"]["text"], "said");
    assert_eq!(cut(&said["cue"]), "said");
    // the quotation runs on into the next sentence: both are its content
    let runs: Vec<String> = said["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(cut)
        .collect();
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert!(runs[0].contains("The bridge opens in May."));
    assert_eq!(runs[1], "It cost less than planned.”");
    // the sentence it runs on to is still a claim of its own, with no cue
    assert_eq!(claims[1]["speaker"], "Renée Dubois");
    assert!(claims[1]["cue"].is_null());
    assert_eq!(cut(&claims[1]["content"]), "It cost less than planned.”");
    // one sentence, one span
    assert_eq!(claims[2]["cue"]["text"], "agreed");
    assert!(claims[2]["content"].is_object());
}
