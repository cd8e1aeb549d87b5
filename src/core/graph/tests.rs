//! The graph's native tests.

use super::*;
use crate::core::annotation::ClaimFields;
use crate::core::extract::extract;
use crate::core::parse::parse_str;
use crate::core::rating::Scale;
use crate::core::relations::{Identities, Link};

const TEXT: &str = "Talks stall\nDonald Trump said Ukraine must cede land. Zelenskyy said Ukraine will never give up territory. Trump met President Vladimir Putin in Alaska.";

fn article() -> Article {
    let mut a = Article::new("a1".into(), parse_str(TEXT, None), None, "t");
    let t = a.doc.text().to_string();
    let s1 = t.find("Ukraine must").unwrap();
    let s2 = t.find("Ukraine will").unwrap();
    let fields = |who: &str| ClaimFields {
        claimant: who.into(),
        ..Default::default()
    };
    a.add_claim(
        "c1".into(),
        Span::new(s1, s1 + 22),
        fields("Donald Trump"),
        "t",
    )
    .unwrap();
    a.add_claim(
        "c2".into(),
        Span::new(s2, s2 + 38),
        fields("Zelenskyy"),
        "t",
    )
    .unwrap();
    a
}

/// The neighbours of node `i` over the edges a default view shows.
fn shown_neighbours(g: &Graph, i: usize) -> Vec<usize> {
    let keep = view::strongest_co_mentions(g);
    let mut out: Vec<usize> = g
        .edges
        .iter()
        .enumerate()
        .filter(|(k, e)| keep[*k] && (e.from == i || e.to == i))
        .map(|(_, e)| if e.from == i { e.to } else { e.from })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn mentioned_together_is_thinned_to_each_nodes_strongest_unless_all_are_asked_for() {
    let text = "Summit ends\nDonald Trump met Vladimir Putin in Paris. Emmanuel Macron, Olaf Scholz and Giorgia Meloni joined them in Paris with NATO and the European Union. Later Trump and Putin spoke again in Rome.";
    let a = Article::new("a2".into(), parse_str(text, None), None, "t");
    let x = extract(&a.doc);
    let g = graph_of(&a, &x, &Identities::default());
    let co: Vec<usize> = (0..g.edges.len())
        .filter(|&k| g.edges[k].kind == Relation::CoMention)
        .collect();
    assert!(co.len() > 3, "the sample has co-mentions to thin");
    let thin = View::default().apply(&g);
    let all = View {
        all_co_mentions: true,
        ..View::default()
    }
    .apply(&g);
    assert!(co.iter().all(|&k| all.edges[k]));
    let kept: Vec<usize> = co.iter().copied().filter(|&k| thin.edges[k]).collect();
    assert!(kept.len() < co.len());
    // a kept co-mention is one of the strongest of one of its ends
    let rank = |node: usize, k: usize| {
        co.iter()
            .filter(|&&o| {
                let e = &g.edges[o];
                (e.from == node || e.to == node)
                    && (e.weight > g.edges[k].weight || (e.weight == g.edges[k].weight && o < k))
            })
            .count()
    };
    for &k in &kept {
        let e = &g.edges[k];
        assert!(
            rank(e.from, k) < view::STRONGEST_CO_MENTIONS
                || rank(e.to, k) < view::STRONGEST_CO_MENTIONS
        );
    }
    // and every node mentioned with another keeps one
    for &k in &co {
        let e = &g.edges[k];
        for n in [e.from, e.to] {
            assert!(kept
                .iter()
                .any(|&o| g.edges[o].from == n || g.edges[o].to == n));
        }
    }
    // other relations are never thinned
    assert!((0..g.edges.len())
        .filter(|&k| g.edges[k].kind != Relation::CoMention)
        .all(|k| thin.edges[k]));
}

/// The graph of one article with its extraction.
fn graph_of(a: &Article, x: &Extraction, ids: &Identities) -> Graph {
    build(
        &[Source {
            article: a,
            extraction: Some(x),
        }],
        ids,
        &Scale::statuses(),
    )
}

#[test]
fn the_graph_follows_the_persons_entity_decisions() {
    use crate::core::extract::{extract, Label};
    let mut a = article();
    let x = extract(&a.doc);
    let kind = |g: &Graph, id: &str| g.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
    let g = graph_of(&a, &x, &Identities::default());
    assert_eq!(kind(&g, "e:alaska"), Some(NodeKind::Place));
    assert_eq!(kind(&g, "e:ukraine"), Some(NodeKind::Place));
    let at = |a: &Article, w: &str| {
        let t = a.doc.text();
        t.match_indices(w)
            .map(|(i, _)| Span::new(i, i + w.len()))
            .collect::<Vec<_>>()
    };
    // a class changed (every mention), a false entity removed, a missed one marked
    let ukraine = at(&a, "Ukraine");
    a.fix_entities(&ukraine, Some(Label::Org), "t").unwrap();
    a.fix_entities(&at(&a, "Alaska"), None, "t").unwrap();
    a.fix_entities(&at(&a, "Talks"), Some(Label::Norp), "t")
        .unwrap();
    let g = graph_of(&a, &x, &Identities::default());
    assert_eq!(kind(&g, "e:ukraine"), Some(NodeKind::Org));
    let u = g.nodes.iter().find(|n| n.id == "e:ukraine").unwrap();
    assert_eq!(u.mentions.len(), 2);
    assert_eq!(kind(&g, "e:alaska"), None, "removed, with its edges");
    assert!(g
        .edges
        .iter()
        .all(|e| g.nodes[e.from].id != "e:alaska" && g.nodes[e.to].id != "e:alaska"));
    assert_eq!(kind(&g, "e:talks"), Some(NodeKind::Group));
    // Putin keeps his co-mention with Trump, whose sentence lost Alaska
    let putin = g
        .nodes
        .iter()
        .position(|n| n.label.contains("Putin"))
        .unwrap();
    assert!(g
        .edges
        .iter()
        .any(|e| e.kind == Relation::CoMention && (e.from == putin || e.to == putin)));
}

#[test]
fn zoom_keeps_the_point_under_the_pointer_and_panning_brings_nodes_into_view() {
    use crate::core::layout::P;
    let t = Transform {
        x: 40.0,
        y: -20.0,
        k: 1.5,
    };
    let at = (300.0, 200.0);
    let under = to_graph(t, at);
    for f in [wheel_factor(-120.0), wheel_factor(120.0), 1.25, 0.8] {
        let z = zoom_at(t, at, f);
        let again = to_graph(z, at);
        assert!((again.x - under.x).abs() < 1e-9 && (again.y - under.y).abs() < 1e-9);
    }
    // in and out by the same wheel turn cancel; the zoom stays in range
    assert!((wheel_factor(-50.0) * wheel_factor(50.0) - 1.0).abs() < 1e-12);
    assert!(wheel_factor(-100.0) > 1.0 && wheel_factor(100.0) < 1.0);
    assert_eq!(zoom_at(t, at, 1000.0).k, 8.0);
    assert_eq!(zoom_at(t, at, 1e-6).k, 0.05);
    // about the graph origin (the zoom buttons), the pan stays
    let z = zoom_at(t, (t.x, t.y), 1.25);
    assert_eq!((z.x, z.y), (t.x, t.y));
    // a shown point stays put; one off the area is centred at the same zoom
    assert_eq!(bring_into_view(t, P { x: 10.0, y: 30.0 }, 600.0, 400.0), t);
    let c = bring_into_view(t, P { x: 1000.0, y: 30.0 }, 600.0, 400.0);
    assert_eq!(
        c,
        Transform {
            x: 300.0 - 1500.0,
            y: 200.0 - 45.0,
            k: 1.5
        }
    );
}

#[test]
fn links_drawn_between_nodes_live_in_their_claims_article() {
    let a = article();
    let mut b = Article::new("a2".into(), parse_str(TEXT, None), None, "t");
    let s = b.doc.text().find("Ukraine must").unwrap();
    b.add_claim(
        "c9".into(),
        Span::new(s, s + 22),
        ClaimFields::default(),
        "t",
    )
    .unwrap();
    let g = build(
        &[
            Source {
                article: &a,
                extraction: None,
            },
            Source {
                article: &b,
                extraction: None,
            },
        ],
        &Identities::default(),
        &Scale::statuses(),
    );
    let (c1, c2) = (
        g.claim_node("a1", "c1").unwrap(),
        g.claim_node("a1", "c2").unwrap(),
    );
    let (c9, trump) = (
        g.claim_node("a2", "c9").unwrap(),
        g.node("e:donald trump").unwrap(),
    );
    let zel = g.node("e:zelenskyy").unwrap();
    let d = g.draft_link(c1, Some(c2), Some("a2")).unwrap();
    assert_eq!(
        d,
        LinkDraft {
            article: "a1".into(),
            from: End::Claim("c1".into()),
            to: Some(End::Claim("c2".into())),
            kind: Relation::Contradicts,
        }
    );
    // an entity to a claim: the claim's article, "said"; a claim alone: its article
    let d = g.draft_link(trump, Some(c9), Some("a1")).unwrap();
    assert_eq!((d.article.as_str(), d.kind), ("a2", Relation::Said));
    assert_eq!(d.from, End::Entity("Donald Trump".into()));
    let d = g.draft_link(c9, None, None).unwrap();
    assert_eq!(
        (d.article.as_str(), d.to, d.kind),
        ("a2", None, Relation::Related)
    );
    // two entities live in the open article, and need one
    let d = g.draft_link(trump, Some(zel), Some("a1")).unwrap();
    assert_eq!((d.article.as_str(), d.kind), ("a1", Relation::Related));
    assert!(g.draft_link(trump, Some(zel), None).is_err());
    // claims of two articles cannot be linked; a vanished node is refused
    assert!(g.draft_link(c1, Some(c9), Some("a1")).is_err());
    assert!(g.draft_link(g.nodes.len(), None, Some("a1")).is_err());
}

fn link(from: End, to: End, kind: Relation) -> Link {
    Link {
        id: "l1".into(),
        from,
        to,
        kind,
        note: "opposite".into(),
        created: "t".into(),
    }
}

#[test]
fn claims_claimants_entities_and_links() {
    let mut a = article();
    let ids = Identities::default();
    a.add_link(
        link(
            End::Claim("c2".into()),
            End::Claim("c1".into()),
            Relation::Contradicts,
        ),
        &ids,
        "t",
    )
    .unwrap();
    let x = extract(&a.doc);
    let g = graph_of(&a, &x, &ids);
    let trump = g.node("e:donald trump").expect("Trump");
    let zel = g.node("e:zelenskyy").expect("Zelenskyy");
    let ukraine = g.node("e:ukraine").expect("Ukraine");
    let c1 = g.claim_node("a1", "c1").unwrap();
    let c2 = g.claim_node("a1", "c2").unwrap();
    assert_eq!(g.nodes[trump].kind, NodeKind::Person);
    assert_eq!(g.nodes[ukraine].kind, NodeKind::Place);
    assert_eq!(g.nodes[trump].mentions.len(), 2, "Donald Trump, Trump");
    assert!(g.nodes[trump].aliases.contains(&"Trump".to_string()));
    let has = |f: usize, t: usize, k: Relation| {
        g.edges
            .iter()
            .any(|e| e.from == f && e.to == t && e.kind == k)
    };
    assert!(has(trump, c1, Relation::Said));
    assert!(has(zel, c2, Relation::Said));
    assert!(has(c1, ukraine, Relation::About));
    assert!(has(c2, c1, Relation::Contradicts));
    let contra = g
        .edges
        .iter()
        .find(|e| e.kind == Relation::Contradicts)
        .unwrap();
    assert_eq!(contra.note, "opposite");
    assert_eq!(contra.link.as_deref(), Some("l1"));
    // Trump and Ukraine share one sentence; Trump, Putin and Alaska another
    let co = |a: usize, b: usize| {
        g.edges
            .iter()
            .find(|e| e.kind == Relation::CoMention && e.from == a.min(b) && e.to == a.max(b))
            .map(|e| e.weight)
    };
    assert_eq!(co(trump, ukraine), Some(1.0));
    assert_eq!(co(trump, g.node("e:vladimir putin").unwrap()), Some(1.0));
    let degree: usize = g.nodes.iter().map(|n| n.degree).sum();
    assert_eq!(degree, 2 * g.edges.len());
    // deterministic
    assert_eq!(g, graph_of(&a, &x, &ids));
}

#[test]
fn merged_entities_are_one_node_across_articles() {
    let a = article();
    let mut b = Article::new(
        "a2".into(),
        parse_str("Other\nThe president Trump spoke in Kyiv.", None),
        None,
        "t",
    );
    b.add_claim(
        "c9".into(),
        Span::new(6, 20),
        ClaimFields {
            claimant: "D. Trump".into(),
            ..Default::default()
        },
        "t",
    )
    .unwrap();
    let (xa, xb) = (extract(&a.doc), extract(&b.doc));
    let src = [
        Source {
            article: &a,
            extraction: Some(&xa),
        },
        Source {
            article: &b,
            extraction: Some(&xb),
        },
    ];
    let mut ids = Identities::default();
    let g = build(&src, &ids, &Scale::statuses());
    assert!(g.node("e:d trump").is_some(), "not merged yet");
    ids.merge("D. Trump", "Donald Trump");
    let g = build(&src, &ids, &Scale::statuses());
    assert!(g.node("e:d trump").is_none());
    let t = g.node("e:donald trump").unwrap();
    assert_eq!(g.nodes[t].articles, ["a1", "a2"]);
    assert!(g.nodes[t].aliases.contains(&"d trump".to_string()));
    let c9 = g.claim_node("a2", "c9").unwrap();
    assert!(g
        .edges
        .iter()
        .any(|e| e.from == t && e.to == c9 && e.kind == Relation::Said));
    ids.split("D. Trump");
    assert!(
        build(&src, &ids, &Scale::statuses())
            .node("e:d trump")
            .is_some(),
        "split again"
    );
}

#[test]
fn a_rebuilt_graph_keeps_its_picture_and_its_pins() {
    let mut a = article();
    let x = extract(&a.doc);
    let ids = Identities::default();
    let mut memory = Placement::new();
    let first = graph_of(&a, &x, &ids);
    let l1 = lay_out(&first, &mut memory);
    assert_eq!(memory.len(), first.nodes.len());
    // pin Putin somewhere else, add a link: the rest is nudged, Putin stays
    let putin = first.node("e:vladimir putin").unwrap();
    let spot = crate::core::layout::P {
        x: 500.0,
        y: -300.0,
    };
    memory.insert(
        first.nodes[putin].id.clone(),
        Placed {
            at: spot,
            pinned: true,
        },
    );
    a.add_link(
        link(
            End::Claim("c1".into()),
            End::Entity("Alaska".into()),
            Relation::About,
        ),
        &ids,
        "t",
    )
    .unwrap();
    let second = graph_of(&a, &x, &ids);
    let l2 = lay_out(&second, &mut memory);
    assert_eq!(l2.positions[second.node("e:vladimir putin").unwrap()], spot);
    let extent = l1
        .positions
        .iter()
        .map(|p| p.x.hypot(p.y))
        .fold(0.0, f64::max);
    let zel = (
        first.node("e:zelenskyy").unwrap(),
        second.node("e:zelenskyy").unwrap(),
    );
    let (p, q) = (l1.positions[zel.0], l2.positions[zel.1]);
    assert!(
        (p.x - q.x).hypot(p.y - q.y) < extent * 0.25,
        "nudged, not reshuffled"
    );
}

#[test]
fn hover_lights_shown_neighbours_and_fit_frames_the_shown_nodes() {
    let a = article();
    let x = extract(&a.doc);
    let g = graph_of(&a, &x, &Identities::default());
    let zel = g.node("e:zelenskyy").unwrap();
    let all = View::default().apply(&g);
    let lit = all.neighbourhood(&g, zel).unwrap();
    // over the edges shown by default ("mentioned together" thinned to the strongest)
    let mut expect = shown_neighbours(&g, zel);
    expect.push(zel);
    expect.sort();
    assert_eq!(
        (0..g.nodes.len()).filter(|&i| lit[i]).collect::<Vec<_>>(),
        expect
    );
    assert!(all.neighbourhood(&g, 999).is_none());
    // a hidden relation lights nothing
    let said_hidden = View {
        relations: vec![Relation::CoMention],
        ..View::default()
    }
    .apply(&g);
    let lit = said_hidden.neighbourhood(&g, zel).unwrap();
    // (only co-mentions light up: Zelenskyy's said edges are hidden)
    let co = g.neighbours(zel, &[Relation::CoMention]).len();
    assert!(g.neighbours(zel, &Relation::ALL).len() > co);
    assert_eq!(lit.iter().filter(|&&b| b).count(), 1 + co);
    // fitting: every shown node lands inside the area, left of the label room
    use crate::core::layout::P;
    let pos: Vec<P> = (0..g.nodes.len())
        .map(|i| P {
            x: i as f64 * 37.0 - 300.0,
            y: (i % 5) as f64 * 90.0,
        })
        .collect();
    let Transform { x: tx, y: ty, k } = all.fit(&pos, 800.0, 500.0);
    for p in &pos {
        let (sx, sy) = (tx + k * p.x, ty + k * p.y);
        assert!(
            (0.0..=800.0 - 100.0).contains(&sx) && (0.0..=500.0).contains(&sy),
            "{sx},{sy}"
        );
    }
    // a phone's pane (374 px): the drawing keeps most of the width, and every node still
    // lands inside it with room for a label beside the outermost
    assert_eq!(super::view::label_room(800.0), 220.0);
    assert_eq!(super::view::label_room(520.0), 220.0);
    assert!((super::view::label_room(374.0) - 112.2).abs() < 1e-9);
    let wide = all.fit(&pos, 800.0, 500.0).k;
    let Transform { x: tx, y: ty, k } = all.fit(&pos, 374.0, 560.0);
    let span = pos.iter().map(|p| p.x).fold(f64::MIN, f64::max)
        - pos.iter().map(|p| p.x).fold(f64::MAX, f64::min);
    assert!(
        k * span >= 0.69 * 374.0,
        "the drawing takes {} of 374 px",
        k * span
    );
    assert!(k > wide * 0.3, "{k} vs {wide}");
    for p in &pos {
        let (sx, sy) = (tx + k * p.x, ty + k * p.y);
        assert!(
            (50.0..=374.0 - 50.0).contains(&sx) && (0.0..=560.0).contains(&sy),
            "{sx},{sy}"
        );
    }
    let none = View {
        kinds: vec![],
        ..View::default()
    }
    .apply(&g);
    assert_eq!(
        none.fit(&pos, 800.0, 500.0),
        Transform {
            x: 400.0,
            y: 250.0,
            k: 1.0
        }
    );
}

#[test]
fn views_filter_search_and_focus() {
    let a = article();
    let x = extract(&a.doc);
    let g = graph_of(&a, &x, &Identities::default());
    let all = View::default().apply(&g);
    assert!(all.nodes.iter().all(|&v| v));
    let claims_only = View {
        kinds: vec![NodeKind::Claim],
        ..View::default()
    }
    .apply(&g);
    assert!(g
        .nodes
        .iter()
        .zip(&claims_only.nodes)
        .all(|(n, &v)| v == (n.kind == NodeKind::Claim)));
    assert!(claims_only.edges.iter().all(|&v| !v));
    let zel = g.node("e:zelenskyy").unwrap();
    let focus = View {
        focus: Some(zel),
        ..View::default()
    }
    .apply(&g);
    let shown: Vec<usize> = (0..g.nodes.len()).filter(|&i| focus.nodes[i]).collect();
    let mut expect = shown_neighbours(&g, zel);
    expect.push(zel);
    expect.sort();
    assert_eq!(shown, expect);
    let found = View {
        search: "putin".into(),
        ..View::default()
    }
    .apply(&g);
    assert!(found.nodes[g.node("e:vladimir putin").unwrap()]);
    assert!(!found.nodes[g.node("e:zelenskyy").unwrap()]);
    let no_co = View {
        relations: vec![Relation::Said],
        hide_isolated: true,
        ..View::default()
    }
    .apply(&g);
    assert!(!no_co.nodes[g.node("e:vladimir putin").unwrap()]);
    assert!(no_co.nodes[zel]);
}

#[test]
fn an_entity_node_carries_the_id_the_articles_markup_carries() {
    let a = article();
    let x = extract(&a.doc);
    let mut ids = Identities::default();
    let g = graph_of(&a, &x, &ids);
    // every entity of the extraction is found in the graph by its one id, and only entity
    // nodes carry one
    for e in &x.entities {
        let id = ids.id(&e.name).expect("a name with a key");
        let n = g.nodes.iter().find(|n| n.entity.as_ref() == Some(&id));
        assert!(n.is_some_and(|n| n.id == id.as_str()), "{}", e.name);
    }
    assert!(g
        .nodes
        .iter()
        .all(|n| n.entity.is_some() == (n.kind != NodeKind::Claim)));
    // merged names share the node and the id
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).take(2).collect();
    ids.merge(names[0], names[1]);
    let g = graph_of(&a, &x, &ids);
    let id = ids.id(names[0]).unwrap();
    assert_eq!(ids.id(names[1]).as_ref(), Some(&id));
    assert_eq!(
        g.nodes
            .iter()
            .filter(|n| n.entity.as_ref() == Some(&id))
            .count(),
        1
    );
}

#[test]
fn a_claim_node_says_who_claims_what_in_a_few_words() {
    let a = article();
    let x = extract(&a.doc);
    let g = graph_of(&a, &x, &Identities::default());
    let label = |claimant: &str| {
        g.nodes
            .iter()
            .find(|n| n.claim.as_ref().is_some_and(|c| c.claimant == claimant))
            .map(Node::short_label)
    };
    // a name by its last word, then the claim's first words
    assert_eq!(
        label("Donald Trump").as_deref(),
        Some("Trump: Ukraine must cede land")
    );
    assert_eq!(
        label("Zelenskyy").as_deref(),
        Some("Zelenskyy: Ukraine will never give…")
    );
    let entity = g.nodes.iter().find(|n| n.kind != NodeKind::Claim).unwrap();
    assert_eq!(entity.short_label(), entity.label);
}
