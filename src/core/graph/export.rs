//! Graph files: GraphML and GEXF (for Gephi, yEd, networkx), Cytoscape.js JSON, a CSV of
//! claims, and a standalone SVG of a view. Every attribute of nodes and edges is written;
//! text is escaped for its format (XML, CSV with formula guard), never trusted.

use super::{ArticleInfo, Graph, NodeKind, Visible};
use crate::core::layout::P;
use crate::core::library::Article;
use crate::core::offsets::CharIndex;
use crate::core::page::Metadata;
use crate::core::rating::Scale;
use crate::core::relations::{End, Identities, Relation};
use std::fmt::Write;

/// What the graph pane exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The view as drawn.
    Svg,
    /// The view as drawn, as an image at twice its size.
    Png,
    GraphMl,
    Gexf,
    Cytoscape,
    /// The claims of the graph's scope.
    ClaimsCsv,
}

impl ExportKind {
    pub const ALL: [ExportKind; 6] = [
        ExportKind::Svg,
        ExportKind::Png,
        ExportKind::GraphMl,
        ExportKind::Gexf,
        ExportKind::Cytoscape,
        ExportKind::ClaimsCsv,
    ];

    /// Its button's label.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Svg => "SVG",
            ExportKind::Png => "PNG",
            ExportKind::GraphMl => "GraphML",
            ExportKind::Gexf => "GEXF",
            ExportKind::Cytoscape => "Cytoscape JSON",
            ExportKind::ClaimsCsv => "Claims CSV",
        }
    }

    /// The end of its file's name, after the article's or the library's name.
    pub fn file_suffix(self) -> &'static str {
        match self {
            ExportKind::Svg => "graph.svg",
            ExportKind::Png => "graph.png",
            ExportKind::GraphMl => "graph.graphml",
            ExportKind::Gexf => "graph.gexf",
            ExportKind::Cytoscape => "graph.cyjs.json",
            ExportKind::ClaimsCsv => "graph.claims.csv",
        }
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportKind::Svg => "image/svg+xml",
            ExportKind::Png => "image/png",
            ExportKind::GraphMl => "application/graphml+xml",
            ExportKind::Gexf => "application/gexf+xml",
            ExportKind::Cytoscape => "application/json",
            ExportKind::ClaimsCsv => "text/csv",
        }
    }
}

/// Fill colour of a node kind (the app's stylesheet uses the same).
pub fn kind_color(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "#2563eb",
        NodeKind::Org => "#7c3aed",
        NodeKind::Place => "#059669",
        NodeKind::Group => "#b45309",
        NodeKind::Claim => "#475569",
    }
}

/// Stroke colour and dash pattern of a relation.
pub fn relation_style(r: Relation) -> (&'static str, &'static str) {
    match r {
        Relation::Said => ("#64748b", ""),
        Relation::About => ("#94a3b8", "4 3"),
        Relation::CoMention => ("#cbd5e1", ""),
        Relation::Supports => ("#16a34a", ""),
        Relation::Contradicts => ("#dc2626", ""),
        Relation::RespondsTo => ("#0891b2", "6 3"),
        Relation::SameClaim => ("#7c3aed", "2 2"),
        Relation::Related => ("#334155", "1 3"),
    }
}

/// Radius of a node in the drawing: grows with the square root of its degree.
pub fn radius(degree: usize) -> f64 {
    (6.0 + 2.5 * (degree as f64).sqrt()).min(24.0)
}

/// Text for XML: the five special characters escaped, characters XML 1.0 forbids dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn position(positions: Option<&[P]>, i: usize) -> Option<P> {
    positions
        .and_then(|p| p.get(i))
        .copied()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
}

/// The names of an article's details every export carries, in order (the CSV's last
/// columns, GraphML's graph keys), and the names a claim node gives them.
pub const DETAIL_KEYS: [&str; 5] = ["headline", "authors", "published", "publisher", "url"];
const ARTICLE_KEYS: [&str; 5] = [
    "article_headline",
    "article_authors",
    "article_published",
    "article_publisher",
    "article_url",
];

/// The values of `DETAIL_KEYS`: authors with "; " between them, published as ISO 8601,
/// empty when the article does not say.
fn detail_values(m: &Metadata) -> [String; 5] {
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    [
        s(&m.headline),
        m.authors.join("; "),
        s(&m.published),
        s(&m.publisher),
        s(&m.url),
    ]
}

/// The details of an article every export carries: (name, value), empty ones left out.
pub fn article_details(m: &Metadata) -> Vec<(&'static str, String)> {
    DETAIL_KEYS
        .into_iter()
        .zip(detail_values(m))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

fn article_of<'a>(g: &'a Graph, id: &str) -> Option<&'a ArticleInfo> {
    g.articles.iter().find(|a| a.id == id)
}

/// The node attributes every format writes: (name, value), empty ones left out.
fn node_attrs(g: &Graph, i: usize) -> Vec<(&'static str, String)> {
    let n = &g.nodes[i];
    let mut v = vec![
        ("kind", n.kind.as_str().to_string()),
        ("degree", n.degree.to_string()),
        ("mentions", n.mentions.len().to_string()),
        ("articles", n.articles.join(" ")),
    ];
    if !n.aliases.is_empty() {
        v.push(("aliases", n.aliases.join("; ")));
    }
    if let Some(c) = &n.claim {
        v.extend([
            ("article", c.article.clone()),
            ("claim_id", c.claim.clone()),
            ("quote", c.quote.clone()),
            ("claimant", c.claimant.clone()),
            ("claim_type", c.kind.as_str().to_string()),
            ("status", c.status.as_str().to_string()),
            ("verdict", c.verdict.clone()),
            ("note", c.note.clone()),
            ("tags", c.tags.join(", ")),
        ]);
        // the details of the claim's article, so each claim says where it was published
        if let Some(a) = article_of(g, &c.article) {
            v.extend(ARTICLE_KEYS.into_iter().zip(detail_values(&a.metadata)));
        }
    }
    v.retain(|(_, s)| !s.is_empty());
    v
}

/// (name, GraphML type) of every node attribute.
const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("kind", "string"),
    ("degree", "int"),
    ("mentions", "int"),
    ("articles", "string"),
    ("aliases", "string"),
    ("article", "string"),
    ("claim_id", "string"),
    ("quote", "string"),
    ("claimant", "string"),
    ("claim_type", "string"),
    ("status", "string"),
    ("verdict", "string"),
    ("note", "string"),
    ("tags", "string"),
    ("article_headline", "string"),
    ("article_authors", "string"),
    ("article_published", "string"),
    ("article_publisher", "string"),
    ("article_url", "string"),
    ("x", "double"),
    ("y", "double"),
];
const EDGE_KEYS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("weight", "double"),
    ("drawn", "boolean"),
    ("link_id", "string"),
    ("edge_note", "string"),
];

fn edge_attrs(g: &Graph, i: usize) -> Vec<(&'static str, String)> {
    let e = &g.edges[i];
    let mut v = vec![
        ("relation", e.kind.as_str().to_string()),
        ("weight", e.weight.to_string()),
        ("drawn", e.link.is_some().to_string()),
    ];
    if let Some(l) = &e.link {
        v.push(("link_id", l.clone()));
    }
    if !e.note.is_empty() {
        v.push(("edge_note", e.note.clone()));
    }
    v
}

/// GraphML, with every attribute declared. The graph is directed (networkx refuses mixed
/// graphs); co-mentions, which have no direction, say so by their `relation`. The graph of
/// one article carries its details as graph data; every claim node carries its article's.
pub fn graphml(g: &Graph, positions: Option<&[P]>) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (k, t) in NODE_KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        );
    }
    for (k, t) in EDGE_KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        );
    }
    for k in DETAIL_KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"{k}\" for=\"graph\" attr.name=\"{k}\" attr.type=\"string\"/>"
        );
    }
    s.push_str("  <graph id=\"gloss\" edgedefault=\"directed\">\n");
    if let [one] = g.articles.as_slice() {
        for (k, v) in article_details(&one.metadata) {
            let _ = writeln!(s, "    <data key=\"{k}\">{}</data>", xml_escape(&v));
        }
    }
    for (i, n) in g.nodes.iter().enumerate() {
        let _ = writeln!(s, "    <node id=\"{}\">", xml_escape(&n.id));
        let _ = writeln!(
            s,
            "      <data key=\"label\">{}</data>",
            xml_escape(&n.label)
        );
        for (k, v) in node_attrs(g, i) {
            let _ = writeln!(s, "      <data key=\"{k}\">{}</data>", xml_escape(&v));
        }
        if let Some(p) = position(positions, i) {
            let _ = writeln!(
                s,
                "      <data key=\"x\">{:.2}</data>\n      <data key=\"y\">{:.2}</data>",
                p.x, p.y
            );
        }
        s.push_str("    </node>\n");
    }
    for (i, e) in g.edges.iter().enumerate() {
        let _ = writeln!(
            s,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml_escape(&g.nodes[e.from].id),
            xml_escape(&g.nodes[e.to].id)
        );
        for (k, v) in edge_attrs(g, i) {
            let _ = writeln!(s, "      <data key=\"{k}\">{}</data>", xml_escape(&v));
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (h(1), h(3), h(5))
}

/// GEXF 1.3 for Gephi: attributes declared per class, colours, sizes and positions in
/// the viz namespace, co-mentions undirected.
pub fn gexf(g: &Graph, positions: Option<&[P]>) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n  <meta><creator>Gloss</creator><description>Who claims what about whom</description></meta>\n  <graph defaultedgetype=\"directed\" mode=\"static\">\n    <attributes class=\"node\">\n",
    );
    fn gexf_type(t: &'static str) -> &'static str {
        match t {
            "int" => "integer",
            t => t,
        }
    }
    for (i, (k, t)) in NODE_KEYS.iter().enumerate() {
        if matches!(*k, "label" | "x" | "y") {
            continue;
        }
        let _ = writeln!(
            s,
            "      <attribute id=\"{i}\" title=\"{k}\" type=\"{}\"/>",
            gexf_type(t)
        );
    }
    s.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (i, (k, t)) in EDGE_KEYS.iter().enumerate() {
        if *k == "weight" {
            continue;
        }
        let _ = writeln!(
            s,
            "      <attribute id=\"{i}\" title=\"{k}\" type=\"{}\"/>",
            gexf_type(t)
        );
    }
    s.push_str("    </attributes>\n    <nodes>\n");
    let key_id =
        |keys: &[(&str, &str)], k: &str| keys.iter().position(|(n, _)| *n == k).unwrap_or(0);
    for (i, n) in g.nodes.iter().enumerate() {
        let _ = writeln!(
            s,
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>",
            xml_escape(&n.id),
            xml_escape(&n.label)
        );
        for (k, v) in node_attrs(g, i) {
            let _ = writeln!(
                s,
                "          <attvalue for=\"{}\" value=\"{}\"/>",
                key_id(NODE_KEYS, k),
                xml_escape(&v)
            );
        }
        let (r, gg, b) = rgb(kind_color(n.kind));
        let _ = writeln!(
            s,
            "        </attvalues>\n        <viz:color r=\"{r}\" g=\"{gg}\" b=\"{b}\"/>\n        <viz:size value=\"{:.1}\"/>",
            radius(n.degree)
        );
        if let Some(p) = position(positions, i) {
            let _ = writeln!(
                s,
                "        <viz:position x=\"{:.2}\" y=\"{:.2}\" z=\"0.0\"/>",
                p.x, -p.y
            );
        }
        s.push_str("      </node>\n");
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in g.edges.iter().enumerate() {
        let ty = if e.kind == Relation::CoMention {
            " type=\"undirected\""
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "      <edge id=\"e{i}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"{ty}>\n        <attvalues>",
            xml_escape(&g.nodes[e.from].id),
            xml_escape(&g.nodes[e.to].id),
            e.kind.label(),
            e.weight
        );
        for (k, v) in edge_attrs(g, i) {
            if k == "weight" {
                continue;
            }
            let _ = writeln!(
                s,
                "          <attvalue for=\"{}\" value=\"{}\"/>",
                key_id(EDGE_KEYS, k),
                xml_escape(&v)
            );
        }
        s.push_str("        </attvalues>\n      </edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

/// A JSON string literal (quotes and escapes by serde_json).
fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Cytoscape.js JSON (the `elements` that `cy.add()` and `cy.json()` take): every attribute
/// under `data` (numbers as numbers), layout positions under `position`; the graph's own
/// `data` lists its articles with their details.
pub fn cytoscape(g: &Graph, positions: Option<&[P]>) -> String {
    let mut s =
        String::from("{\n  \"format\": \"gloss.graph.cytoscape\",\n  \"data\": {\"articles\": [");
    for (i, a) in g.articles.iter().enumerate() {
        s.push_str(if i == 0 { "\n    " } else { ",\n    " });
        let _ = write!(s, "{{\"id\": {}, \"name\": {}", js(&a.id), js(&a.name));
        for (k, v) in article_details(&a.metadata) {
            if k == "authors" {
                let list: Vec<String> = a.metadata.authors.iter().map(|n| js(n)).collect();
                let _ = write!(s, ", \"authors\": [{}]", list.join(", "));
            } else {
                let _ = write!(s, ", \"{k}\": {}", js(&v));
            }
        }
        s.push('}');
    }
    s.push_str(if g.articles.is_empty() {
        "]},\n"
    } else {
        "\n  ]},\n"
    });
    s.push_str("  \"elements\": {\n    \"nodes\": [");
    for (i, n) in g.nodes.iter().enumerate() {
        s.push_str(if i == 0 { "\n" } else { ",\n" });
        let _ = write!(
            s,
            "      {{\"data\": {{\"id\": {}, \"label\": {}",
            js(&n.id),
            js(&n.label)
        );
        for (k, v) in node_attrs(g, i) {
            if matches!(k, "degree" | "mentions") {
                let _ = write!(s, ", \"{k}\": {v}");
            } else {
                let _ = write!(s, ", \"{k}\": {}", js(&v));
            }
        }
        s.push('}');
        if let Some(p) = position(positions, i) {
            let _ = write!(
                s,
                ", \"position\": {{\"x\": {}, \"y\": {}}}",
                round2(p.x),
                round2(p.y)
            );
        }
        s.push('}');
    }
    s.push_str("\n    ],\n    \"edges\": [");
    for (i, e) in g.edges.iter().enumerate() {
        s.push_str(if i == 0 { "\n" } else { ",\n" });
        let _ = write!(
            s,
            "      {{\"data\": {{\"id\": \"e{i}\", \"source\": {}, \"target\": {}, \"relation\": \"{}\", \"weight\": {}, \"drawn\": {}",
            js(&g.nodes[e.from].id),
            js(&g.nodes[e.to].id),
            e.kind.as_str(),
            e.weight,
            e.link.is_some()
        );
        if let Some(l) = &e.link {
            let _ = write!(s, ", \"link_id\": {}", js(l));
        }
        if !e.note.is_empty() {
            let _ = write!(s, ", \"edge_note\": {}", js(&e.note));
        }
        s.push_str("}}");
    }
    s.push_str("\n    ]\n  }\n}\n");
    s
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// One CSV field: quoted when needed; a leading `= + - @` (a spreadsheet formula) gets an
/// apostrophe so that opening the file never runs anything.
pub fn csv_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Claims of the given articles as CSV: id, the article's title (its name in the library),
/// where the claim is in the text (start and end, in code points, as the article file
/// counts), quote, claimant, type, status (the verdict's id) and verdict (its label on
/// `scale`), note, tags, evidence ("url (note)", "; " between), links ("contradicts → “the other
/// claim's words”; about → Ukraine", both directions), then the claim's article's details:
/// headline, authors ("; " between them), published, publisher, url.
pub fn claims_csv(articles: &[&Article], ids: &Identities, scale: &Scale) -> String {
    let mut s = String::from(
        "id,article,start,end,quote,claimant,type,status,verdict,note,tags,evidence,links,headline,authors,published,publisher,url\r\n",
    );
    for a in articles {
        let details = detail_values(a.metadata());
        let index = CharIndex::new(a.doc.text());
        // a link's other end as people read it: a claim by its words, an entity by name
        let end = |e: &End| match e {
            End::Claim(c) => a.claim(c).map_or_else(
                || c.clone(),
                |c| format!("“{}”", crate::core::excerpt(a.doc.slice(c.span), 80)),
            ),
            End::Entity(n) => ids.resolve(n).to_string(),
        };
        for c in a.claims() {
            let me = End::Claim(c.id.clone());
            let mut links: Vec<String> = Vec::new();
            for l in a.live_links() {
                if l.from == me {
                    links.push(format!("{} → {}", l.kind.as_str(), end(&l.to)));
                } else if l.to == me {
                    links.push(format!("{} ← {}", l.kind.as_str(), end(&l.from)));
                }
            }
            let at = index.to_chars(c.span);
            let row = [
                c.id.clone(),
                a.name.clone(),
                at.start.to_string(),
                at.end.to_string(),
                a.doc.slice(c.span).to_string(),
                c.fields.claimant.clone(),
                c.fields.kind.as_str().to_string(),
                c.fields.status.as_str().to_string(),
                scale.label(&c.fields.status),
                c.fields.note.clone(),
                c.fields.tags.join(", "),
                c.fields
                    .evidence
                    .iter()
                    .map(|e| match e.note.as_str() {
                        "" => e.url.clone(),
                        note => format!("{} ({note})", e.url),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                links.join("; "),
            ];
            let cells: Vec<String> = row.iter().chain(&details).map(|f| csv_field(f)).collect();
            s.push_str(&cells.join(","));
            s.push_str("\r\n");
        }
    }
    s
}

/// A standalone SVG of the nodes and edges a view shows, at the given positions, with a
/// legend: what the person sees, as a file.
pub fn svg(g: &Graph, vis: &Visible, positions: &[P]) -> String {
    svg_sized(g, vis, positions).0
}

/// `svg`, with the drawing's width and height (for rendering it to a PNG).
pub fn svg_sized(g: &Graph, vis: &Visible, positions: &[P]) -> (String, f64, f64) {
    let shown: Vec<usize> = (0..g.nodes.len())
        .filter(|&i| {
            vis.nodes.get(i).copied().unwrap_or(false) && position(Some(positions), i).is_some()
        })
        .collect();
    let (mut lx, mut ly, mut hx, mut hy) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (k, &i) in shown.iter().enumerate() {
        let p = positions[i];
        if k == 0 {
            (lx, ly, hx, hy) = (p.x, p.y, p.x, p.y);
        }
        lx = lx.min(p.x);
        ly = ly.min(p.y);
        hx = hx.max(p.x);
        hy = hy.max(p.y);
    }
    let m = 60.0;
    // the legend stands beside the drawing, right of the longest label (labels are drawn
    // right of their nodes; 6.5 px a character is wide enough for 11 px text)
    let label_end = |i: usize| {
        positions[i].x
            + radius(g.nodes[i].degree)
            + 3.0
            + crate::core::excerpt(&g.nodes[i].label, 40).chars().count() as f64 * 6.5
    };
    let right = shown.iter().map(|&i| label_end(i)).fold(hx, f64::max);
    let legend_rows = (NodeKind::ALL.len() + Relation::ALL.len()) as f64;
    let (x0, y0) = (lx - m, ly - m);
    let legend_x = right + 30.0;
    let w = legend_x + 170.0 - x0;
    let h = (hy - ly + 2.0 * m).max(legend_rows * 16.0 + 40.0);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x0:.1} {y0:.1} {w:.1} {h:.1}\" width=\"{w:.0}\" height=\"{h:.0}\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"#ffffff\"/>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#64748b\"/></marker></defs>\n"
    );
    for (i, e) in g.edges.iter().enumerate() {
        if !vis.edges.get(i).copied().unwrap_or(false) {
            continue;
        }
        let (Some(a), Some(b)) = (
            position(Some(positions), e.from),
            position(Some(positions), e.to),
        ) else {
            continue;
        };
        let (color, dash) = relation_style(e.kind);
        let width = if e.kind == Relation::CoMention {
            (0.5 + e.weight.sqrt() * 0.5).min(4.0)
        } else {
            1.6
        };
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let d = (dx * dx + dy * dy).sqrt().max(0.01);
        let r = radius(g.nodes[e.to].degree) + 2.0;
        let (ex, ey) = (b.x - dx / d * r, b.y - dy / d * r);
        let marker = if e.kind == Relation::CoMention {
            ""
        } else {
            " marker-end=\"url(#arrow)\""
        };
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        let _ = writeln!(
            s,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{ex:.1}\" y2=\"{ey:.1}\" stroke=\"{color}\" stroke-width=\"{width:.1}\"{dash}{marker}><title>{}</title></line>",
            a.x,
            a.y,
            xml_escape(e.kind.label())
        );
    }
    for &i in &shown {
        let n = &g.nodes[i];
        let p = positions[i];
        let r = radius(n.degree);
        let c = kind_color(n.kind);
        if n.kind == NodeKind::Claim {
            let _ = writeln!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" fill=\"{c}\"><title>{}</title></rect>",
                p.x - r,
                p.y - r,
                2.0 * r,
                2.0 * r,
                xml_escape(&n.label)
            );
        } else {
            let _ = writeln!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\" fill=\"{c}\"><title>{}</title></circle>",
                p.x,
                p.y,
                xml_escape(&n.label)
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#0f172a\">{}</text>",
            p.x + r + 3.0,
            p.y + 4.0,
            xml_escape(&crate::core::excerpt(&n.label, 40))
        );
    }
    // legend
    s.push_str("<g class=\"legend\">\n");
    let (lx, mut ly) = (legend_x + 10.0, y0 + 16.0);
    for k in NodeKind::ALL {
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            lx,
            ly,
            kind_color(k),
            lx + 10.0,
            ly + 4.0,
            k.label()
        );
        ly += 16.0;
    }
    for r in Relation::ALL {
        let (color, dash) = relation_style(r);
        let _ = writeln!(
            s,
            "<line x1=\"{:.1}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            lx - 5.0,
            lx + 6.0,
            lx + 10.0,
            ly + 4.0,
            r.label()
        );
        ly += 16.0;
    }
    s.push_str("</g>\n</svg>\n");
    (s, w, h)
}

#[cfg(test)]
mod kind_tests {
    use super::ExportKind;

    #[test]
    fn each_export_has_its_own_label_file_and_type() {
        let all = ExportKind::ALL;
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.label(), b.label());
                assert_ne!(a.file_suffix(), b.file_suffix());
            }
            assert!(a.file_suffix().starts_with("graph."));
        }
        assert!(ExportKind::Svg.mime().starts_with("image/"));
        assert_eq!(ExportKind::ClaimsCsv.file_suffix(), "graph.claims.csv");
        assert_eq!(ExportKind::Cytoscape.mime(), "application/json");
    }
}
