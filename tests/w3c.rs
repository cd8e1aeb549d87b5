//! Web Annotations held to the W3C annotation-model test suite: the JSON Schemas the Web
//! Annotation Working Group's implementation reports were made with (web-platform-tests
//! `annotation-model/`, vendored byte for byte under `tests/w3c/annotation-model/`; where
//! they come from and their licence are in `tests/w3c/README.md`), run natively so Gloss's
//! W3C export is checked by the same assertions, not by a schema of our own.
//!
//! Every MUST assertion of `annotations/annotationMusts.test` and of
//! `annotations/3.1-model-musts.test` runs on every annotation. The optional assertions
//! (SHOULD and MAY) run only on annotations that use the feature they test (a creator, a
//! motivation, a textual body…), so they check that a feature Gloss writes is written
//! well without asking Gloss to write every feature.
//!
//! What the suite does not check: the shape of a Specific Resource's selectors. Its
//! `specificeResourceDetected` puts `anyOf` (selector, state…) beside a `$ref`, and draft-04
//! ignores keywords beside `$ref`, so a target with a `source` passes whatever its
//! selectors hold; the suite's selector assertions (`specificResource/4.2.4-…`) are not in
//! the copy vendored here. Gloss's own tests must hold the selectors' offsets.
#![cfg(not(target_arch = "wasm32"))]

use jsonschema::{Retrieve, Uri, Validator};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The vendored suite: `definitions/`, `annotations/`, `bodiesTargets/`.
fn suite_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/w3c/annotation-model")
}

/// The suite's schemas name each other by bare file name (`"id": "annotations.json"`,
/// `"$ref": "id.json#/definitions/stringUri"`), one flat namespace. Every schema is compiled
/// against this base, so each such name becomes `BASE` + name, which [`Definitions`] maps to
/// the vendored `definitions/` folder.
const BASE: &str = "https://annotation-model.invalid/";

/// Answers the suite's `$ref`s from the vendored `definitions/` folder and from nowhere else
/// (no network, no other path): a name that is not a file there is an error, so a missing
/// definition stops the validator from being built instead of letting an assertion pass.
struct Definitions {
    dir: PathBuf,
}

impl Retrieve for Definitions {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let whole = uri.as_str();
        let name = whole
            .strip_prefix(BASE)
            .map(|rest| rest.split('#').next().unwrap_or(rest))
            .filter(|name| !name.is_empty() && !name.contains('/') && !name.contains(".."))
            .ok_or_else(|| format!("{whole} is not a definitions file of the suite"))?;
        let text = std::fs::read_to_string(self.dir.join(name))
            .map_err(|e| format!("definitions/{name}: {e}"))?;
        Ok(serde_json::from_str(&text).map_err(|e| format!("definitions/{name}: {e}"))?)
    }
}

/// Compiles one assertion schema as the suite's own runner does (`scripts/JSONtest.js`,
/// which hands each assertion to ajv): draft-04, with `format` checked, as ajv does by
/// default (draft-04 leaves checking `uri` and `date-time` to the validator, so it is
/// switched on here rather than left to jsonschema's default).
fn compile(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .with_base_uri(BASE)
        .with_retriever(Definitions {
            dir: suite_dir().join("definitions"),
        })
        .build(schema)
        .unwrap_or_else(|e| panic!("the suite's schema {schema} does not compile: {e}"))
}

/// Reads a file of the vendored suite as JSON (`path` relative to `annotation-model/`).
fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(suite_dir().join(path))
        .unwrap_or_else(|e| panic!("tests/w3c/annotation-model/{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("tests/w3c/annotation-model/{path}: {e}"))
}

/// The validator of the assertion schema at `assertion_path` (relative to
/// `annotation-model/`, as the suite's `.test` files list them), its `$ref`s resolved from
/// the vendored `definitions/`.
fn validator(assertion_path: &str) -> Validator {
    compile(&read_json(assertion_path))
}

/// The feature an optional assertion tests; the assertion runs on an annotation that uses it.
#[derive(Clone, Copy)]
enum Feature {
    /// A key of the annotation itself (`creator`, `motivation`…).
    Annotation(&'static str),
    /// A key (`id`, `type`, `name`…) of one of the annotation's agents under `agent`
    /// (`creator` or `generator`) that is an object.
    Agent {
        agent: &'static str,
        key: &'static str,
    },
    /// A key of one of the annotation's bodies (or of a body Choice or Set's items).
    Body(&'static str),
}

impl Feature {
    /// Whether `annotation` uses this feature.
    fn used_by(self, annotation: &Value) -> bool {
        match self {
            Feature::Annotation(key) => annotation.get(key).is_some(),
            Feature::Agent { agent, key } => {
                members(annotation.get(agent)).any(|a| a.get(key).is_some())
            }
            Feature::Body(key) => members(annotation.get("body"))
                .flat_map(|b| std::iter::once(b).chain(members(b.get("items"))))
                .any(|b| b.get(key).is_some()),
        }
    }
}

/// A value that may be one item or an array of items, as items.
fn members(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    let many = value.and_then(Value::as_array);
    let one = if many.is_some() { None } else { value };
    many.into_iter().flatten().chain(one)
}

/// The optional assertions (`"expectedResult": "valid"`) Gloss's annotations are held to when
/// they use the feature: from `annotations/annotationOptionals.test`,
/// `annotations/annotationAgentOptionals.test` and `bodiesTargets/bodyOptionals.test`.
/// Left out: `bodyKeyFound` (says only that a body should be there), `bodyType` (wants a
/// body class from the model's list — Dataset, Image, Video, Sound, Text — which a
/// `TextualBody` is not), agents' `email` and `email_sha1` (an export should not carry
/// people's addresses), `generated` and the audience, rights, canonical, via and
/// stylesheet checks (add them here, vendoring their files, if Gloss starts writing those).
#[rustfmt::skip]
const OPTIONAL: &[Optional] = &[
    optional("annotations/3.3.1-annotationCreatorImplemented.json", Feature::Annotation("creator")),
    optional("annotations/3.3.1-singleAnnotationCreatorImplemented.json", Feature::Annotation("creator")),
    optional("annotations/3.3.1-annotationGeneratorImplemented.json", Feature::Annotation("generator")),
    optional("annotations/3.3.1-annotationCreatedImplemented.json", Feature::Annotation("created")),
    optional("annotations/3.3.1-annotationModifiedImplemented.json", Feature::Annotation("modified")),
    optional("annotations/3.3.5-annotationMotivationImplemented.json", Feature::Annotation("motivation")),
    optional("annotations/3.3.5-annotationSingleMotivationImplemented.json", Feature::Annotation("motivation")),
    optional("annotations/3.3.2-annotationCreatorAgentIdImplemented.json", creator("id")),
    optional("annotations/3.3.2-annotationCreatorAgentTypeImplemented.json", creator("type")),
    optional("annotations/3.3.2-annotationCreatorAgentNameImplemented.json", creator("name")),
    optional("annotations/3.3.2-annotationCreatorAgentSingleNameImplemented.json", creator("name")),
    optional("annotations/3.3.2-annotationCreatorAgentNicknameImplemented.json", creator("nickname")),
    optional("annotations/3.3.2-annotationCreatorAgentHomepageImplemented.json", creator("homepage")),
    optional("annotations/3.3.2-annotationGeneratorAgentIdImplemented.json", generator("id")),
    optional("annotations/3.3.2-annotationGeneratorAgentTypeImplemented.json", generator("type")),
    optional("annotations/3.3.2-annotationGeneratorAgentNameImplemented.json", generator("name")),
    optional("annotations/3.3.2-annotationGeneratorAgentSingleNameImplemented.json", generator("name")),
    optional("annotations/3.3.2-annotationGeneratorAgentNicknameImplemented.json", generator("nickname")),
    optional("annotations/3.3.2-annotationGeneratorAgentHomepageImplemented.json", generator("homepage")),
    optional("bodiesTargets/3.2.4-bodyETB.json", Feature::Body("value")),
    optional("bodiesTargets/3.2.4-bodyETBTypeTextualBody.json", Feature::Body("value")),
    optional("bodiesTargets/3.3.5-bodyPurpose.json", Feature::Body("purpose")),
];

/// One optional assertion of the suite and the feature whose use makes it apply.
#[derive(Clone, Copy)]
struct Optional {
    /// The assertion's file, relative to `annotation-model/`.
    path: &'static str,
    feature: Feature,
}

/// An [`Optional`] (keeps the table above to one line an assertion).
const fn optional(path: &'static str, feature: Feature) -> Optional {
    Optional { path, feature }
}

/// A key of the annotation's creator agent(s).
const fn creator(key: &'static str) -> Feature {
    Feature::Agent {
        agent: "creator",
        key,
    }
}

/// A key of the annotation's generator agent(s).
const fn generator(key: &'static str) -> Feature {
    Feature::Agent {
        agent: "generator",
        key,
    }
}

/// One assertion of the suite, compiled.
struct Assertion {
    /// Where it comes from and its title in the suite, e.g. `annotations/3.1-targetKeyFound.json
    /// (Annotation has a **_target_ key** - …)`.
    name: String,
    /// The suite's own words for a failure (`errorMessage`), when it has some.
    message: Option<String>,
    /// The feature it tests, for an optional assertion; `None` for a MUST (always runs).
    feature: Option<Feature>,
    validator: Validator,
}

impl Assertion {
    fn new(source: &str, schema: &Value, feature: Option<Feature>) -> Assertion {
        let text = |key: &str| schema.get(key).and_then(Value::as_str).map(str::trim);
        Assertion {
            name: match text("title") {
                Some(title) => format!("{source} ({title})"),
                None => source.to_string(),
            },
            message: text("errorMessage").map(str::to_string),
            feature,
            validator: compile(schema),
        }
    }
}

/// Every assertion, compiled once for all the tests: the MUSTs listed by the suite's own
/// `.test` files, then the chosen optional ones.
fn suite() -> &'static [Assertion] {
    static SUITE: OnceLock<Vec<Assertion>> = OnceLock::new();
    SUITE.get_or_init(|| {
        let mut all = Vec::new();
        let musts = read_json("annotations/annotationMusts.test");
        for path in musts["assertions"]
            .as_array()
            .expect("annotationMusts.test lists assertions")
        {
            let path = path.as_str().expect("an assertion path");
            all.push(Assertion::new(path, &read_json(path), None));
        }
        let model = read_json("annotations/3.1-model-musts.test");
        for schema in model["assertions"]
            .as_array()
            .expect("3.1-model-musts.test has assertions")
        {
            all.push(Assertion::new(
                "annotations/3.1-model-musts.test",
                schema,
                None,
            ));
        }
        for &Optional { path, feature } in OPTIONAL {
            let schema = read_json(path);
            assert_eq!(
                schema["expectedResult"], "valid",
                "{path} is expected to hold"
            );
            all.push(Assertion::new(path, &schema, Some(feature)));
        }
        all
    })
}

/// Cuts a validator's message short for a report line (at a character boundary).
fn shorten(message: &str) -> String {
    const MAX: usize = 200;
    match message.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message.to_string(),
    }
}

/// Runs every MUST assertion of the suite on `value`, and every chosen optional assertion
/// whose feature it uses, and returns the failures as `"assertion title: error"` (the
/// suite's file and title, its `errorMessage`, and where the validator found the fault).
/// Empty when the annotation passes.
pub fn check_annotation(value: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    for assertion in suite() {
        if assertion.feature.is_some_and(|f| !f.used_by(value)) {
            continue;
        }
        let found: Vec<String> = assertion
            .validator
            .iter_errors(value)
            .take(3)
            .map(|e| format!("at '{}': {}", e.instance_path, shorten(&e.to_string())))
            .collect();
        if found.is_empty() {
            continue;
        }
        let error = match &assertion.message {
            Some(message) => format!("{message} ({})", found.join("; ")),
            None => found.join("; "),
        };
        failures.push(format!("{}: {error}", assertion.name));
    }
    failures
}

/// The W3C model's Example 1 shape with a body and a target of our own: a textual body
/// commenting on a quotation picked out by both a quote and a position selector.
fn minimal() -> Value {
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/anno1",
        "type": "Annotation",
        "body": {
            "type": "TextualBody",
            "value": "The dam's height is given in feet here and in metres later.",
            "format": "text/plain",
            "language": "en"
        },
        "target": {
            "source": "http://example.org/page1",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": "rises 120 feet",
                    "prefix": "The new dam ",
                    "suffix": " above the river"
                },
                { "type": "TextPositionSelector", "start": 12, "end": 26 }
            ]
        }
    })
}

/// The same annotation with Gloss's optional features: who made it and with what, when,
/// why, and a body with a purpose.
fn full() -> Value {
    let mut a = minimal();
    a["creator"] = json!({
        "id": "http://example.org/user/ana",
        "type": "Person",
        "name": "Ana",
        "nickname": "ana",
        "homepage": "http://example.org/ana"
    });
    a["generator"] = json!({
        "id": "http://example.org/gloss",
        "type": "Software",
        "name": "Gloss",
        "nickname": "gloss",
        "homepage": "http://example.org/gloss"
    });
    a["created"] = json!("2026-11-27T10:15:00Z");
    a["modified"] = json!("2026-11-28T08:00:00+01:00");
    a["motivation"] = json!("assessing");
    a["body"]["purpose"] = json!("assessing");
    a
}

/// Panics unless some failure names the assertion from `source` (a suite file).
fn assert_fails_with(failures: &[String], source: &str) {
    assert!(
        failures.iter().any(|f| f.starts_with(source)),
        "expected a failure of {source}, got {failures:#?}"
    );
}

#[test]
fn every_assertion_compiles_from_the_vendored_files() {
    // 14 listed by annotationMusts.test, 4 inline in 3.1-model-musts.test, the optional ones.
    assert_eq!(suite().len(), 14 + 4 + OPTIONAL.len());
    // `validator` on its own resolves a `$ref` into definitions/ (id.json here).
    let id = validator("annotations/3.1-annotationIdValidated.json");
    assert!(id.is_valid(&json!({ "id": "http://example.org/anno1" })));
    assert!(
        !id.is_valid(&json!({ "id": "not a uri" })),
        "format uri is checked"
    );
    assert!(!id.is_valid(&json!({})));
}

#[test]
fn refs_resolve_only_to_the_vendored_definitions() {
    let definitions = Definitions {
        dir: suite_dir().join("definitions"),
    };
    let fetch = |uri: &str| definitions.retrieve(&Uri::parse(uri.to_string()).unwrap());
    assert!(fetch(&format!("{BASE}id.json")).is_ok());
    assert!(fetch(&format!("{BASE}missing.json")).is_err());
    assert!(fetch("https://www.w3.org/ns/anno.jsonld").is_err());
}

#[test]
fn minimal_annotation_passes() {
    assert_eq!(check_annotation(&minimal()), Vec::<String>::new());
}

#[test]
fn annotation_with_every_optional_feature_passes() {
    let failures = check_annotation(&full());
    assert_eq!(failures, Vec::<String>::new());
    // …and the optional assertions did run on it.
    let ran = suite()
        .iter()
        .filter(|a| a.feature.is_some_and(|f| f.used_by(&full())))
        .count();
    assert_eq!(ran, OPTIONAL.len());
}

#[test]
fn missing_target_fails() {
    let mut a = minimal();
    a.as_object_mut().unwrap().remove("target");
    let failures = check_annotation(&a);
    assert_fails_with(&failures, "annotations/3.1-targetKeyFound.json");
    assert!(
        failures.iter().any(|f| f.contains("Check target presence")),
        "{failures:#?}"
    );
}

#[test]
fn type_other_than_annotation_fails() {
    let mut a = minimal();
    a["type"] = json!("Note");
    let failures = check_annotation(&a);
    assert_fails_with(&failures, "annotations/3.1-annotationTypeValidated.json");
    assert!(
        failures.iter().any(|f| f.contains("Check type value")),
        "{failures:#?}"
    );
}

#[test]
fn body_and_body_value_together_fail() {
    let mut a = minimal();
    a["bodyValue"] = json!("A comment as a plain string.");
    let failures = check_annotation(&a);
    assert_fails_with(&failures, "annotations/3.2.5-notBodyBodyValue.json");
    assert_eq!(failures.len(), 1, "{failures:#?}");
}

#[test]
fn created_that_is_not_a_date_time_fails() {
    for created in [
        json!("27 November 2026"),
        json!("2026-11-27"),
        json!("2026-11-27T10:15:00"),
    ] {
        let mut a = minimal();
        a["created"] = created;
        let failures = check_annotation(&a);
        assert_fails_with(
            &failures,
            "annotations/3.3.1-annotationCreatedValidated.json",
        );
    }
}

#[test]
fn features_used_badly_fail_their_optional_assertion() {
    let mut a = full();
    a["motivation"] = json!("fact-checking");
    assert_fails_with(
        &check_annotation(&a),
        "annotations/3.3.5-annotationMotivationImplemented.json",
    );

    let mut a = full();
    a["creator"]["type"] = json!("User");
    assert_fails_with(
        &check_annotation(&a),
        "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
    );

    let mut a = full();
    a["body"]["type"] = json!("Note");
    assert_fails_with(
        &check_annotation(&a),
        "bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
    );

    let mut a = full();
    a["body"]["purpose"] = json!("verdict");
    assert_fails_with(
        &check_annotation(&a),
        "bodiesTargets/3.3.5-bodyPurpose.json",
    );
}

#[test]
fn target_that_is_no_resource_fails() {
    let mut a = minimal();
    a["target"] = json!({ "selector": { "type": "TextQuoteSelector", "exact": "rises 120 feet" } });
    assert_fails_with(
        &check_annotation(&a),
        "annotations/3.2-targetObjectsRecognized.json",
    );
}

/// Gloss's W3C export: every annotation of the collection passes the suite's MUST
/// assertions and the optional ones for what it uses; the suite does not look inside
/// selectors, so they are checked here as the model defines them (code points).
#[test]
fn gloss_w3c_export_validates() {
    use gloss::core::annotation::{ClaimFields, ClaimType};
    use gloss::core::interchange::w3c;
    use gloss::core::library::Article;
    use gloss::core::offsets::Span;
    use gloss::core::parse::{parse_bytes, Format};
    use gloss::core::rating::{Evidence, Scale, Verdict};

    let text = "Officials said 😀 exports rose 40% in 2024. 東京 grew. מחירים עלו, the minister said. Cafe\u{301} owners doubt it.";
    let mut a = Article::new(
        "a 1".into(),
        parse_bytes(text.as_bytes(), Some(Format::Text)),
        None,
        "2026-12-01T10:00:00Z",
    );
    let mut m = a.metadata().clone();
    m.url = Some("https://news.example/story?id=7".into());
    a.set_metadata(m, "2026-12-01T10:00:00Z");
    for (i, (words, who)) in [
        ("exports rose 40% in 2024", Some("Ann Lee")),
        ("東京 grew", None),
        ("מחירים עלו", Some("Bo")),
        ("Cafe\u{301} owners doubt it", Some("Ann Lee")),
    ]
    .into_iter()
    .enumerate()
    {
        let at = text.find(words).unwrap();
        let fields = ClaimFields {
            claimant: if i == 1 {
                String::new()
            } else {
                "the minister".into()
            },
            kind: ClaimType::Factual,
            status: Verdict::new(if i == 0 { "mostly-true" } else { "unverified" }).unwrap(),
            note: if i == 0 {
                "Check <b>this</b> & that".into()
            } else {
                String::new()
            },
            tags: if i == 0 {
                vec!["economy".into(), "trade".into()]
            } else {
                vec![]
            },
            evidence: if i == 0 {
                vec![Evidence {
                    url: "https://stats.example/t?a=1&b=2".into(),
                    note: "The table".into(),
                }]
            } else {
                vec![]
            },
        };
        a.add_claim_by(
            format!("c{i}"),
            Span::new(at, at + words.len()),
            fields,
            who.map(str::to_string),
            "2026-12-01T11:00:00Z",
        )
        .unwrap();
    }
    let collection: Value = serde_json::from_str(&w3c::export_collection(
        &a,
        &Scale::truth(),
        "2026-12-02T09:00:00Z",
    ))
    .unwrap();
    assert_eq!(collection["type"], "AnnotationCollection");
    let items: Vec<Value> = collection["first"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(items.len(), 4);
    let chars: Vec<char> = text.chars().collect();
    let mut failures = Vec::new();
    for item in &items {
        for failure in check_annotation(item) {
            failures.push(format!("{}: {failure}", item["id"]));
        }
        // the selectors, as the model defines them
        let sel = item["target"]["selector"].as_array().unwrap();
        let quote = sel
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = sel
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        for k in ["exact", "prefix", "suffix"] {
            assert!(quote[k].is_string(), "{k} is a string");
        }
        let (start, end) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        assert!(start <= end && end <= chars.len());
        let at: String = chars[start..end].iter().collect();
        assert_eq!(
            at,
            quote["exact"].as_str().unwrap(),
            "positions are code points"
        );
        assert_eq!(item["target"]["source"], "https://news.example/story?id=7");
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
