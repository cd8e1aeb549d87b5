//! The relationship graph of the sample article and its exports, read back by real
//! parsers: GraphML and GEXF with roxmltree (and GraphML with networkx when Python has it),
//! Cytoscape JSON with serde_json, the claims CSV with a strict RFC 4180 reader.
#![cfg(not(target_arch = "wasm32"))]

use gloss::core::annotation::ClaimFields;
use gloss::core::extract::extract;
use gloss::core::graph::export::{claims_csv, cytoscape, gexf, graphml, svg};
use gloss::core::graph::{build, Graph, NodeKind, Source, View};
use gloss::core::layout::{layout, seed_positions, Params, P};
use gloss::core::library::Article;
use gloss::core::offsets::Span;
use gloss::core::parse::parse_str;
use gloss::core::rating::Scale;
use gloss::core::relations::{End, Identities, Link, Relation};
use std::collections::HashMap;

const SAMPLE: &str = include_str!("../seeds/000_9d83cd3958c40a29.txt");

/// The Playwright scenario, natively: Zelenskyy's and the Russian official's claims,
/// linked as contradicting, plus hostile text in every field a file carries.
fn sample() -> (Article, Identities) {
    let mut a = Article::new("sample".into(), parse_str(SAMPLE, None), None, "t");
    let t = a.doc.text().to_string();
    let span = |s: &str| {
        let i = t.find(s).unwrap();
        Span::new(i, i + s.len())
    };
    let f = |who: &str, note: &str| ClaimFields {
        claimant: who.into(),
        note: note.into(),
        tags: vec!["territory".into(), "=cmd|' /C calc'!A0".into()],
        ..Default::default()
    };
    a.add_claim(
        "z".into(),
        span("relinquishing territory is not an option"),
        f(
            "Volodymyr Zelenskyy",
            "<script>alert(1)</script> \"quoted\", & more",
        ),
        "t",
    )
    .unwrap();
    a.add_claim(
        "r".into(),
        span("without an agreement on territorial issues, a resolution remains elusive"),
        f("A Russian official", "line\nbreak"),
        "t",
    )
    .unwrap();
    let ids = Identities::default();
    a.add_link(
        Link {
            id: "l1".into(),
            from: End::Claim("z".into()),
            to: End::Claim("r".into()),
            kind: Relation::Contradicts,
            note: "<img src=x onerror=alert(1)>".into(),
            created: "t".into(),
        },
        &ids,
        "t",
    )
    .unwrap();
    (a, ids)
}

fn graph() -> (Graph, Vec<P>) {
    let (a, ids) = sample();
    let x = extract(&a.doc);
    let g = build(
        &[Source {
            article: &a,
            extraction: Some(&x),
        }],
        &ids,
        &Scale::statuses(),
    );
    let edges = g.layout_edges();
    let start = seed_positions(g.nodes.len(), &edges, &[], Params::default().spring_length);
    let pos = layout(g.nodes.len(), &edges, &start, &[], &Params::default()).positions;
    (g, pos)
}

#[test]
fn the_sample_graph_has_both_claimants_and_the_contradiction() {
    let (g, _) = graph();
    let zel = g.node("e:volodymyr zelenskyy").expect("Zelenskyy's node");
    assert_eq!(g.nodes[zel].kind, NodeKind::Person);
    assert!(
        g.nodes[zel].mentions.len() >= 2,
        "both mentions of Zelenskyy"
    );
    let official = g
        .node("e:a russian official")
        .expect("the official as claimant");
    let (z, r) = (
        g.claim_node("sample", "z").unwrap(),
        g.claim_node("sample", "r").unwrap(),
    );
    let has = |f, t, k| {
        g.edges
            .iter()
            .any(|e| e.from == f && e.to == t && e.kind == k)
    };
    assert!(has(zel, z, Relation::Said));
    assert!(has(official, r, Relation::Said));
    assert!(has(z, r, Relation::Contradicts));
    // people, organisations and places of the text are there, linked by co-mention
    for (id, kind) in [
        ("e:vladimir putin", NodeKind::Person),
        ("e:kyiv", NodeKind::Place),
        ("e:nato", NodeKind::Org),
    ] {
        let i = g.node(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(g.nodes[i].kind, kind, "{id}");
    }
    assert!(g
        .edges
        .iter()
        .any(|e| e.kind == Relation::CoMention && e.weight >= 2.0));
}

fn xml_counts(doc: &roxmltree::Document, node: &str, edge: &str) -> (usize, usize) {
    let count = |tag: &str| {
        doc.descendants()
            .filter(|n| n.is_element() && n.tag_name().name() == tag)
            .count()
    };
    (count(node), count(edge))
}

#[test]
fn graphml_reads_back_with_every_attribute() {
    let (g, pos) = graph();
    let xml = graphml(&g, Some(&pos));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    assert_eq!(
        xml_counts(&doc, "node", "edge"),
        (g.nodes.len(), g.edges.len())
    );
    // keys by id, then every node's data
    let keys: HashMap<&str, &str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .map(|n| (n.attribute("id").unwrap(), n.attribute("for").unwrap()))
        .collect();
    for n in doc.descendants().filter(|n| n.has_tag_name("node")) {
        let data: HashMap<&str, String> = n
            .children()
            .filter(|c| c.has_tag_name("data"))
            .map(|c| {
                (
                    c.attribute("key").unwrap(),
                    c.text().unwrap_or("").to_string(),
                )
            })
            .collect();
        assert!(data.keys().all(|k| keys.get(k) == Some(&"node")));
        let i = g.node(n.attribute("id").unwrap()).unwrap();
        assert_eq!(data["label"], g.nodes[i].label);
        assert_eq!(data["kind"], g.nodes[i].kind.as_str());
        assert_eq!(data["degree"], g.nodes[i].degree.to_string());
        assert!(data.contains_key("x") && data.contains_key("y"));
        if let Some(c) = &g.nodes[i].claim {
            assert_eq!(data["note"], c.note, "hostile text comes back as text");
            assert_eq!(data["claimant"], c.claimant);
        }
    }
    let contra: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("edge")
                && n.children().any(|c| {
                    c.attribute("key") == Some("relation") && c.text() == Some("contradicts")
                })
        })
        .collect();
    assert_eq!(contra.len(), 1);
    assert_eq!(contra[0].attribute("source"), Some("c:sample/z"));
    let note = contra[0]
        .children()
        .find(|c| c.attribute("key") == Some("edge_note"))
        .and_then(|c| c.text());
    assert_eq!(note, Some("<img src=x onerror=alert(1)>"));
}

#[test]
fn graphml_opens_in_networkx() {
    let ok = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("python3 with networkx is not on this machine: skipped");
        return;
    }
    let (g, pos) = graph();
    let path = std::env::temp_dir().join(format!("gloss-{}.graphml", std::process::id()));
    std::fs::write(&path, graphml(&g, Some(&pos))).unwrap();
    let script = r#"
import sys, json, networkx as nx
g = nx.read_graphml(sys.argv[1])
kinds = sorted({d["kind"] for _, d in g.nodes(data=True)})
rel = sorted({d["relation"] for *_, d in g.edges(data=True)})
c = [(u, v, d) for u, v, d in g.edges(data=True) if d["relation"] == "contradicts"]
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "kinds": kinds,
  "relations": rel, "contradicts": [c[0][0], c[0][1], c[0][2]["weight"], c[0][2]["drawn"]],
  "degree_type": type(g.nodes["e:volodymyr zelenskyy"]["degree"]).__name__}))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["nodes"], g.nodes.len());
    assert_eq!(v["edges"], g.edges.len());
    let mut kinds: Vec<&str> = g.nodes.iter().map(|n| n.kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(v["kinds"], serde_json::json!(kinds));
    assert_eq!(
        v["contradicts"],
        serde_json::json!(["c:sample/z", "c:sample/r", 1.0, true])
    );
    assert_eq!(v["degree_type"], "int");
}

#[test]
fn gexf_reads_back_with_attributes_and_viz() {
    let (g, pos) = graph();
    let xml = gexf(&g, Some(&pos));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GEXF");
    assert_eq!(
        xml_counts(&doc, "node", "edge"),
        (g.nodes.len(), g.edges.len())
    );
    let titles: HashMap<(String, String), String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("attribute"))
        .map(|n| {
            let class = n.parent().unwrap().attribute("class").unwrap().to_string();
            (
                (class, n.attribute("id").unwrap().to_string()),
                n.attribute("title").unwrap().to_string(),
            )
        })
        .collect();
    for n in doc.descendants().filter(|n| n.has_tag_name("node")) {
        let i = g.node(n.attribute("id").unwrap()).unwrap();
        assert_eq!(n.attribute("label"), Some(g.nodes[i].label.as_str()));
        let vals: HashMap<String, String> = n
            .descendants()
            .filter(|c| c.has_tag_name("attvalue"))
            .map(|c| {
                let key = ("node".to_string(), c.attribute("for").unwrap().to_string());
                (
                    titles[&key].clone(),
                    c.attribute("value").unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(vals["kind"], g.nodes[i].kind.as_str());
        assert!(n.descendants().any(|c| c.tag_name().name() == "position"));
        assert!(n.descendants().any(|c| c.tag_name().name() == "color"));
    }
    let undirected = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge") && n.attribute("type") == Some("undirected"))
        .count();
    assert_eq!(
        undirected,
        g.edges
            .iter()
            .filter(|e| e.kind == Relation::CoMention)
            .count()
    );
    assert!(doc
        .descendants()
        .any(|n| n.has_tag_name("edge") && n.attribute("label") == Some("contradicts")));
}

#[test]
fn cytoscape_json_reads_back() {
    let (g, pos) = graph();
    let v: serde_json::Value = serde_json::from_str(&cytoscape(&g, Some(&pos))).unwrap();
    let nodes = v["elements"]["nodes"].as_array().unwrap();
    let edges = v["elements"]["edges"].as_array().unwrap();
    assert_eq!((nodes.len(), edges.len()), (g.nodes.len(), g.edges.len()));
    let ids: Vec<&str> = nodes
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    for e in edges {
        assert!(ids.contains(&e["data"]["source"].as_str().unwrap()));
        assert!(ids.contains(&e["data"]["target"].as_str().unwrap()));
        assert!(e["data"]["relation"].is_string() && e["data"]["weight"].is_number());
    }
    let z = nodes
        .iter()
        .find(|n| n["data"]["id"] == "c:sample/z")
        .unwrap();
    assert_eq!(z["data"]["kind"], "claim");
    assert_eq!(z["data"]["claimant"], "Volodymyr Zelenskyy");
    assert!(z["position"]["x"].is_number());
}

/// A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.
fn read_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'));
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "rows end in CRLF");
    rows
}

#[test]
fn claims_csv_reads_back_and_guards_formulas() {
    let (a, ids) = sample();
    let rows = read_csv(&claims_csv(&[&a], &ids, &Scale::statuses()));
    assert_eq!(
        rows[0],
        [
            "id",
            "article",
            "start",
            "end",
            "quote",
            "claimant",
            "type",
            "status",
            "verdict",
            "note",
            "tags",
            "evidence",
            "links",
            "headline",
            "authors",
            "published",
            "publisher",
            "url"
        ]
    );
    assert!(rows[1..]
        .iter()
        .all(|r| r.len() == 18 && r[13..].iter().all(String::is_empty)));
    assert_eq!(rows.len(), 3);
    // the article by its title, not its internal id
    assert!(rows[1..].iter().all(|r| r[1] == a.name));
    let r = rows.iter().find(|r| r[0] == "r").unwrap();
    assert_eq!(r[5], "A Russian official");
    assert_eq!(r[7], "unverified");
    assert_eq!(r[8], "Unverified", "the verdict as the scale names it");
    assert_eq!(r[9], "line\nbreak");
    let z = rows.iter().find(|r| r[0] == "z").unwrap();
    assert_eq!(z[4], "relinquishing territory is not an option");
    // where it is, in code points: the text's characters from start to end are the quote
    let (start, end): (usize, usize) = (z[2].parse().unwrap(), z[3].parse().unwrap());
    let quoted: String = a.doc.text().chars().skip(start).take(end - start).collect();
    assert_eq!(quoted, z[4]);
    // a linked claim by its words, not its id
    assert_eq!(r[12], format!("contradicts ← “{}”", z[4]));
    assert_eq!(z[9], "<script>alert(1)</script> \"quoted\", & more");
    assert_eq!(
        z[10], "territory, =cmd|' /C calc'!A0",
        "not at the start: no guard needed"
    );
    assert_eq!(z[12], format!("contradicts → “{}”", r[4]));
    assert_eq!(gloss::core::graph::export::csv_field("=1+1"), "'=1+1");
}

#[test]
fn svg_of_a_view_is_well_formed_and_holds_only_text() {
    let (g, pos) = graph();
    let vis = View::default().apply(&g);
    let s = svg(&g, &vis, &pos);
    let doc = roxmltree::Document::parse(&s).expect("well-formed SVG");
    assert!(!doc
        .descendants()
        .any(|n| n.has_tag_name("script") || n.attributes().any(|a| a.name().starts_with("on"))));
    let shapes = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") || n.has_tag_name("rect"))
        .count();
    // every node, the background and the legend's five kinds
    assert_eq!(shapes, g.nodes.len() + 1 + 5);
    let focus = View {
        focus: g.node("e:volodymyr zelenskyy"),
        ..View::default()
    };
    let small = svg(&g, &focus.apply(&g), &pos);
    assert!(small.len() < s.len());
}

#[test]
fn the_stylesheet_draws_relations_in_the_exports_colours() {
    use gloss::core::graph::export::relation_style;
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).unwrap();
    for r in Relation::ALL {
        let (color, dash) = relation_style(r);
        let sel = format!("#graph-svg .rel-{} {{", r.as_str());
        let rule = css
            .lines()
            .find(|l| l.starts_with(&sel))
            .unwrap_or_else(|| panic!("no rule for {}", r.as_str()));
        assert!(rule.contains(&format!("stroke: {color};")), "{rule}");
        if !dash.is_empty() {
            assert!(
                rule.contains(&format!("stroke-dasharray: {dash};")),
                "{rule}"
            );
        }
        assert_eq!(
            rule.contains("marker-end"),
            r != Relation::CoMention,
            "{rule}"
        );
    }
}

/// Two articles with their own details (one hostile), each with a claim: the library's
/// graph and CSV.
fn two_articles() -> (Vec<Article>, Graph) {
    use gloss::core::page::Metadata;
    let mut out = Vec::new();
    for (id, text, m) in [
        (
            "a1",
            "First article text. The dam opened on Monday.",
            Metadata {
                headline: Some("Dam opens 😀".into()),
                authors: vec!["Ana Lima".into(), "نور الهدى".into()],
                published: Some("2024-03-05".into()),
                publisher: Some("The Daily <b>&</b> \"Co\"".into()),
                url: Some("https://example.com/dam?a=1&b=2".into()),
                ..Default::default()
            },
        ),
        (
            "a2",
            "Second article text. Water levels fell, the agency said.",
            Metadata {
                headline: Some("=HYPERLINK(\"x\")".into()),
                published: Some("2024-03-06T10:00:00Z".into()),
                ..Default::default()
            },
        ),
    ] {
        let mut a = Article::new(id.into(), parse_str(text, None), None, "t");
        a.set_metadata(m, "t");
        let at = text.find(". ").unwrap() + 2;
        a.add_claim(
            "c".into(),
            Span::new(at, text.len()),
            ClaimFields::default(),
            "t",
        )
        .unwrap();
        out.push(a);
    }
    let sources: Vec<Source> = out
        .iter()
        .map(|a| Source {
            article: a,
            extraction: None,
        })
        .collect();
    let g = build(&sources, &Identities::default(), &Scale::statuses());
    (out, g)
}

#[test]
fn exports_carry_each_articles_details() {
    let (arts, g) = two_articles();
    assert_eq!(g.articles.len(), 2);
    // CSV: each row its own article's details, formula guarded
    let refs: Vec<&Article> = arts.iter().collect();
    let rows = read_csv(&claims_csv(
        &refs,
        &Identities::default(),
        &Scale::statuses(),
    ));
    let a1 = rows
        .iter()
        .find(|r| r[17].starts_with("https://example.com/dam"))
        .unwrap();
    assert_eq!(
        a1[13..],
        [
            "Dam opens 😀",
            "Ana Lima; نور الهدى",
            "2024-03-05",
            "The Daily <b>&</b> \"Co\"",
            "https://example.com/dam?a=1&b=2"
        ]
    );
    let a2 = rows.iter().find(|r| r[17].is_empty()).unwrap();
    assert_eq!(a2[13], "'=HYPERLINK(\"x\")");
    assert_eq!(a2[15], "2024-03-06T10:00:00Z");
    assert_eq!(a2[14], "");

    // GraphML: claim nodes carry their article's details, declared as node keys
    let xml = graphml(&g, None);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    let key_for = |id: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("key") && n.attribute("id") == Some(id))
            .and_then(|n| n.attribute("for"))
    };
    assert_eq!(key_for("article_publisher"), Some("node"));
    assert_eq!(key_for("headline"), Some("graph"));
    let data_of = |node: &str, key: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("node") && n.attribute("id") == Some(node))
            .and_then(|n| {
                n.children()
                    .find(|c| c.attribute("key") == Some(key))
                    .and_then(|c| c.text().map(str::to_string))
            })
    };
    assert_eq!(
        data_of("c:a1/c", "article_publisher").as_deref(),
        Some("The Daily <b>&</b> \"Co\"")
    );
    assert_eq!(data_of("c:a2/c", "article_publisher"), None);
    assert_eq!(
        data_of("c:a2/c", "article_published").as_deref(),
        Some("2024-03-06T10:00:00Z")
    );
    // several articles: no graph-level details (they would belong to one of them)
    let graph_el = doc.descendants().find(|n| n.has_tag_name("graph")).unwrap();
    assert!(!graph_el.children().any(|c| c.has_tag_name("data")));
    // one article: its details on the graph
    let one = build(
        &[Source {
            article: &arts[0],
            extraction: None,
        }],
        &Identities::default(),
        &Scale::statuses(),
    );
    let xml1 = graphml(&one, None);
    let doc1 = roxmltree::Document::parse(&xml1).unwrap();
    let graph_data: HashMap<&str, &str> = doc1
        .descendants()
        .find(|n| n.has_tag_name("graph"))
        .unwrap()
        .children()
        .filter(|c| c.has_tag_name("data"))
        .map(|c| (c.attribute("key").unwrap(), c.text().unwrap_or("")))
        .collect();
    assert_eq!(graph_data["headline"], "Dam opens 😀");
    assert_eq!(graph_data["authors"], "Ana Lima; نور الهدى");
    assert_eq!(graph_data["url"], "https://example.com/dam?a=1&b=2");

    // GEXF: declared node attributes with values on the claims
    let gx = gexf(&g, None);
    let gdoc = roxmltree::Document::parse(&gx).expect("well-formed GEXF");
    let attr_id = gdoc
        .descendants()
        .find(|n| n.has_tag_name("attribute") && n.attribute("title") == Some("article_headline"))
        .and_then(|n| n.attribute("id"))
        .expect("declared");
    let value = gdoc
        .descendants()
        .find(|n| n.has_tag_name("node") && n.attribute("id") == Some("c:a1/c"))
        .and_then(|n| {
            n.descendants()
                .find(|c| c.has_tag_name("attvalue") && c.attribute("for") == Some(attr_id))
        })
        .and_then(|c| c.attribute("value"));
    assert_eq!(value, Some("Dam opens 😀"));

    // Cytoscape: the graph's data lists its articles, authors as a list
    let v: serde_json::Value = serde_json::from_str(&cytoscape(&g, None)).unwrap();
    let list = v["data"]["articles"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], "a1");
    assert_eq!(
        list[0]["authors"],
        serde_json::json!(["Ana Lima", "نور الهدى"])
    );
    assert_eq!(list[0]["publisher"], "The Daily <b>&</b> \"Co\"");
    assert!(list[1].get("authors").is_none());
    let c1 = v["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["data"]["id"] == "c:a1/c")
        .unwrap();
    assert_eq!(c1["data"]["article_url"], "https://example.com/dam?a=1&b=2");
    // an empty graph's data is still valid JSON
    let empty: serde_json::Value =
        serde_json::from_str(&cytoscape(&Graph::default(), None)).unwrap();
    assert_eq!(empty["data"]["articles"], serde_json::json!([]));
}
