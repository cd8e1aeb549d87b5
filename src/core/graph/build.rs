//! Articles, their extractions and the entity identities to nodes and edges.

use super::*;
use crate::core::rating::Scale;
use crate::core::relations::{name_key, Identities};
use std::collections::HashMap;

/// Builds the graph of the given articles.
/// The graph of these articles, entities as `ids` make them one, verdicts named by `scale`.
pub fn build(sources: &[Source], ids: &Identities, scale: &Scale) -> Graph {
    let mut b = Builder {
        ids,
        nodes: Vec::new(),
        index: HashMap::new(),
        edges: Vec::new(),
        edge_index: HashMap::new(),
    };
    for s in sources {
        b.add_article(s);
    }
    let mut g = b.finish();
    for c in g.nodes.iter_mut().filter_map(|n| n.claim.as_mut()) {
        c.verdict = scale.label(&c.status);
    }
    g.articles = sources
        .iter()
        .map(|s| ArticleInfo {
            id: s.article.id.clone(),
            name: s.article.name.clone(),
            metadata: s.article.metadata().clone(),
        })
        .collect();
    g
}

struct Builder<'a> {
    ids: &'a Identities,
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
    /// Edges in the order first found (deterministic, as the sources are read in order);
    /// a repeat adds its weight to the first.
    edges: Vec<Edge>,
    /// "from to kind link" → index in `edges`.
    edge_index: HashMap<String, usize>,
}

impl Builder<'_> {
    /// The node of the entity a name belongs to, made if new.
    fn entity(&mut self, name: &str, kind: NodeKind) -> Option<usize> {
        let canonical = self.ids.resolve(name).trim().to_string();
        // an entity's node id is its one id (the article's markup carries the same)
        let entity = self.ids.id(name)?;
        let id = entity.to_string();
        if let Some(&i) = self.index.get(&id) {
            // a kind from the extractor beats the default guess for a bare claimant
            if self.nodes[i].kind == NodeKind::Person
                && kind != NodeKind::Person
                && self.nodes[i].mentions.is_empty()
            {
                self.nodes[i].kind = kind;
            }
            return Some(i);
        }
        let i = self.nodes.len();
        self.index.insert(id.clone(), i);
        self.nodes.push(Node {
            id,
            entity: Some(entity),
            kind,
            aliases: self.ids.aliases(&canonical),
            label: canonical,
            mentions: Vec::new(),
            articles: Vec::new(),
            degree: 0,
            claim: None,
        });
        Some(i)
    }

    fn edge(
        &mut self,
        from: usize,
        to: usize,
        kind: Relation,
        weight: f64,
        note: &str,
        link: Option<&str>,
    ) {
        if from == to {
            return;
        }
        // undirected relations are stored one way round
        let (from, to) = if kind == Relation::CoMention && from > to {
            (to, from)
        } else {
            (from, to)
        };
        let key = format!("{from} {to} {} {}", kind.as_str(), link.unwrap_or(""));
        match self.edge_index.get(&key) {
            Some(&k) => {
                let e = &mut self.edges[k];
                e.weight += weight;
                if e.note.is_empty() {
                    e.note = note.to_string();
                }
            }
            None => {
                self.edge_index.insert(key, self.edges.len());
                self.edges.push(Edge {
                    from,
                    to,
                    kind,
                    weight,
                    note: note.to_string(),
                    link: link.filter(|l| !l.is_empty()).map(str::to_string),
                });
            }
        }
    }

    fn add_article(&mut self, s: &Source) {
        let a = s.article;
        let text = a.doc.text();
        let note_article = |nodes: &mut Vec<Node>, i: usize| {
            if !nodes[i].articles.contains(&a.id) {
                nodes[i].articles.push(a.id.clone());
            }
        };
        // entities and their mentions
        let mut mention_node: Vec<Option<usize>> = Vec::new();
        if let Some(found) = s.extraction {
            // the person's entity decisions (a class changed, a false entity removed, a
            // missed mention marked) apply to what the extractor found
            let x = &*a.entities(found);
            let mut entity_node = Vec::with_capacity(x.entities.len());
            for e in &x.entities {
                let i = self.entity(&e.name, NodeKind::of(e.label));
                if let Some(i) = i {
                    note_article(&mut self.nodes, i);
                    // surface forms other than the name are aliases too
                    for &m in &e.mentions {
                        if let Some(m) = x.mentions.get(m) {
                            let w = text.get(m.span.start()..m.span.end()).unwrap_or("");
                            let k = name_key(w);
                            let node = &mut self.nodes[i];
                            if !k.is_empty()
                                && k != name_key(&node.label)
                                && !node.aliases.contains(&w.to_string())
                            {
                                node.aliases.push(w.to_string());
                            }
                        }
                    }
                }
                entity_node.push(i);
            }
            mention_node = x
                .mentions
                .iter()
                .map(|m| entity_node.get(m.entity).copied().flatten())
                .collect();
            for (m, n) in x.mentions.iter().zip(&mention_node) {
                if let Some(n) = *n {
                    self.nodes[n].mentions.push(Mention {
                        article: a.id.clone(),
                        span: m.span,
                    });
                }
            }
            // co-mentions: each sentence adds 1 to every pair of entities in it
            let mut k = 0;
            let sentences = a.doc.sentences();
            for sent in sentences {
                let mut here: Vec<usize> = Vec::new();
                while k < x.mentions.len() && x.mentions[k].span.start() < sent.end() {
                    if x.mentions[k].span.start() >= sent.start() {
                        if let Some(n) = mention_node[k] {
                            here.push(n);
                        }
                    }
                    k += 1;
                }
                crate::core::sort::sort(&mut here);
                here.dedup();
                for (p, &u) in here.iter().enumerate() {
                    for &v in &here[p + 1..] {
                        self.edge(u, v, Relation::CoMention, 1.0, "", None);
                    }
                }
            }
        }
        // claims: said (from the claimant) and about (entities named inside the claim)
        // the node of each claim, in the article's claim order
        let mut claim_node: Vec<usize> = Vec::with_capacity(a.claims().len());
        for c in a.claims() {
            let id = claim_node_id(&a.id, &c.id);
            let i = self.nodes.len();
            self.index.insert(id.clone(), i);
            let quote = a.doc.slice(c.span).to_string();
            self.nodes.push(Node {
                id,
                entity: None,
                kind: NodeKind::Claim,
                label: quote.split_whitespace().collect::<Vec<_>>().join(" "),
                aliases: Vec::new(),
                mentions: vec![Mention {
                    article: a.id.clone(),
                    span: c.span,
                }],
                articles: vec![a.id.clone()],
                degree: 0,
                claim: Some(ClaimInfo {
                    article: a.id.clone(),
                    claim: c.id.clone(),
                    quote,
                    claimant: c.fields.claimant.clone(),
                    kind: c.fields.kind,
                    status: c.fields.status.clone(),
                    verdict: String::new(),
                    note: c.fields.note.clone(),
                    tags: c.fields.tags.clone(),
                }),
            });
            claim_node.push(i);
            let speaker = if c.fields.claimant.trim().is_empty() {
                None
            } else {
                let s = self.entity(&c.fields.claimant, NodeKind::Person);
                if let Some(s) = s {
                    note_article(&mut self.nodes, s);
                    self.edge(s, i, Relation::Said, 1.0, "", None);
                }
                s
            };
            if let Some(x) = s.extraction {
                let from = x
                    .mentions
                    .partition_point(|m| m.span.start() < c.span.start());
                for (m, n) in x.mentions[from..].iter().zip(&mention_node[from..]) {
                    if m.span.start() >= c.span.end() {
                        break;
                    }
                    if let Some(n) = *n {
                        if m.span.end() <= c.span.end() && Some(n) != speaker {
                            self.edge(i, n, Relation::About, 1.0, "", None);
                        }
                    }
                }
            }
        }
        // the links people drew
        for l in a.live_links() {
            let end = |e: &End, b: &mut Self| match e {
                End::Claim(id) => a
                    .claims()
                    .iter()
                    .position(|c| c.id == *id)
                    .and_then(|k| claim_node.get(k).copied()),
                End::Entity(name) => {
                    let n = b.entity(name, NodeKind::Person);
                    if let Some(n) = n {
                        note_article(&mut b.nodes, n);
                    }
                    n
                }
            };
            if let (Some(f), Some(t)) = (end(&l.from, self), end(&l.to, self)) {
                self.edge(f, t, l.kind, 1.0, &l.note, Some(&l.id));
            }
        }
    }

    fn finish(mut self) -> Graph {
        let edges = std::mem::take(&mut self.edges);
        for e in &edges {
            self.nodes[e.from].degree += 1;
            self.nodes[e.to].degree += 1;
        }
        for n in &mut self.nodes {
            crate::core::sort::sort(&mut n.articles);
            crate::core::sort::sort(&mut n.aliases);
            n.aliases.dedup();
        }
        Graph {
            nodes: self.nodes,
            edges,
            articles: Vec::new(),
        }
    }
}
