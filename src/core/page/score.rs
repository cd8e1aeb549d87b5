//! Which part of the page is the story. Paragraph-like blocks vote for the elements above
//! them (more for longer text and more commas, less further up); an element's votes are
//! cut by how much of its text is links and moved by what its class and id say. The best
//! element, grown to the ancestor that holds most of its close rivals and joined by
//! siblings that score nearly as well, is the story's region. The method is the one
//! Readability made standard; every step is a pass over nodes or blocks.

use super::tree::{flag, Kind, RawBlock, Tag, Tree, NONE};

/// The story's region: subtrees of the tree, as node ranges `[start, end)`.
pub struct Region {
    pub ranges: Vec<(u32, u32)>,
    /// The chosen element (the region's main subtree), `NONE` when the page had no
    /// paragraph text to choose by.
    pub top: u32,
}

impl Region {
    pub fn holds(&self, node: u32) -> bool {
        self.ranges.iter().any(|&(s, e)| s <= node && node < e)
    }
}

/// Totals of text and link text under each node.
pub struct Sizes {
    pub text: Vec<u32>,
    pub links: Vec<u32>,
    /// Some block below ends like a sentence.
    pub prose: Vec<bool>,
    /// Marked as boilerplate or frame, but holding the page's main part: half of its
    /// text, or its `<main>` or `itemprop=articleBody` (a wrapper named "with-sidebar",
    /// a form around the whole page).
    pub cancelled: Vec<bool>,
}

/// How much class and id names are trusted. Readability's lesson: when trusting them
/// leaves almost no story, a site named its story's wrapper "widget" or "sidebar"; read
/// again trusting less.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Boilerplate names mark their elements and move scores.
    Names,
    /// Only frame tags and roles mark elements; names still move scores.
    Tags,
    /// Only frame tags and roles, and no score from names.
    Nothing,
}

impl Sizes {
    /// The innermost element above a block that marks it as boilerplate or frame (and is
    /// not cancelled), or `NONE`.
    pub fn boiler_of(&self, tree: &Tree, b: &RawBlock, trust: Trust) -> u32 {
        let mut at = b.boiler_at;
        let mut steps = 0;
        while at != NONE && steps < 64 {
            let node = &tree.nodes[at as usize];
            let marks = match trust {
                Trust::Names => node.boiler,
                Trust::Tags | Trust::Nothing => node.frame,
            };
            if marks && !self.cancelled[at as usize] {
                return at;
            }
            at = node.parent;
            steps += 1;
        }
        NONE
    }
}

pub fn sizes(tree: &Tree) -> Sizes {
    let n = tree.nodes.len();
    let mut text = vec![0u32; n];
    let mut links = vec![0u32; n];
    let mut prose = vec![false; n];
    for b in &tree.blocks {
        if let Some(p) = prose.get_mut(b.owner as usize) {
            *p |= b.text.ends_with('.') || super::has(&b.text, ". ");
        }
        if let Some(t) = text.get_mut(b.owner as usize) {
            *t += b.chars;
        }
        if let Some(l) = links.get_mut(b.owner as usize) {
            *l += b.link_chars;
        }
    }
    for i in (1..n).rev() {
        let p = tree.nodes[i].parent as usize;
        if p < n {
            text[p] += text[i];
            links[p] += links[i];
            prose[p] |= prose[i];
        }
    }
    let mut main = vec![false; n];
    for i in (1..n).rev() {
        let node = &tree.nodes[i];
        if node.tag == Tag::Main
            || node.flags & flag::BODY != 0
                && !tree.nodes[node.parent as usize].flags & flag::BODY != 0
        {
            main[i] = true;
        }
        if main[i] {
            if let Some(m) = main.get_mut(node.parent as usize) {
                *m = true;
            }
        }
    }
    // the largest <article> below each node
    let mut article = vec![0u32; n];
    for i in (1..n).rev() {
        if tree.nodes[i].tag == Tag::Article {
            article[i] = article[i].max(text[i]);
        }
        let p = tree.nodes[i].parent as usize;
        if p < n {
            article[p] = article[p].max(article[i]);
        }
    }
    let total = text.first().copied().unwrap_or(0) as u64;
    let cancelled = (0..n)
        .map(|i| {
            let t = text[i] as u64;
            let node = &tree.nodes[i];
            let prose = node.weak && t >= 400 && (links[i] as u64) * 5 < t && prose[i];
            node.boiler
                && (main[i]
                    || prose
                    || (total >= 200 && t * 2 >= total)
                    || (t > 0 && article[i] as u64 * 5 >= t * 4))
        })
        .collect();
    Sizes {
        text,
        links,
        prose,
        cancelled,
    }
}

fn base_score(tag: Tag) -> f32 {
    match tag {
        Tag::Div => 5.0,
        Tag::Pre | Tag::Cell | Tag::Blockquote => 3.0,
        Tag::Address | Tag::List | Tag::Li | Tag::Form | Tag::Dd | Tag::Dt => -3.0,
        Tag::H1 | Tag::Heading => -5.0,
        _ => 0.0,
    }
}

pub fn choose(tree: &Tree, sizes: &Sizes, trust: Trust) -> Region {
    let nodes = &tree.nodes;
    let n = nodes.len();
    let mut score = vec![f32::NAN; n];
    // the prose text of paragraph-like blocks under each node (links left out), for growing
    // the region below
    let mut good = vec![0u64; n];
    for b in &tree.blocks {
        if !matches!(b.kind, Kind::Paragraph | Kind::Quote | Kind::Pre)
            || b.chars < 25
            || sizes.boiler_of(tree, b, trust) != NONE
        {
            continue;
        }
        if let Some(g) = good.get_mut(b.owner as usize) {
            *g += (b.chars - b.link_chars.min(b.chars)) as u64;
        }
        let commas = b
            .text
            .chars()
            .filter(|&c| c == ',' || c == '，' || c == '、')
            .count();
        let vote = 1.0 + commas as f32 + (b.chars / 100).min(3) as f32;
        let mut at = nodes.get(b.owner as usize).map_or(NONE, |o| o.parent);
        let mut level = 0;
        while at != NONE && level < 5 {
            let node = &nodes[at as usize];
            if node.tag == Tag::Html {
                break;
            }
            let s = &mut score[at as usize];
            if s.is_nan() {
                *s = base_score(node.tag)
                    + if trust == Trust::Nothing {
                        0.0
                    } else {
                        node.weight as f32
                    };
            }
            *s += match level {
                0 => vote,
                1 => vote / 2.0,
                l => vote / (l as f32 * 3.0),
            };
            at = node.parent;
            level += 1;
        }
    }
    let density = |i: usize| {
        let t = sizes.text[i];
        if t == 0 {
            0.0
        } else {
            sizes.links[i] as f32 / t as f32
        }
    };
    for (i, s) in score.iter_mut().enumerate() {
        if !s.is_nan() {
            *s *= 1.0 - density(i);
        }
    }
    let scored = |i: u32| i != NONE && !score[i as usize].is_nan();
    // the best five, best first (ties: the earlier node)
    let mut best: Vec<u32> = Vec::with_capacity(6);
    for i in 0..n as u32 {
        if !scored(i) {
            continue;
        }
        let s = score[i as usize];
        let at = best
            .iter()
            .position(|&b| score[b as usize] < s)
            .unwrap_or(best.len());
        if at < 5 {
            best.insert(at, i);
            best.truncate(5);
        }
    }
    let Some(&first) = best.first() else {
        return Region {
            ranges: vec![(0, n as u32)],
            top: NONE,
        };
    };
    let mut top = first;
    let top_score = score[top as usize];
    // an ancestor shared by most of the close rivals holds a story split in parts
    let rivals: Vec<u32> = best[1..]
        .iter()
        .copied()
        .filter(|&b| score[b as usize] >= 0.75 * top_score)
        .collect();
    if rivals.len() >= 3 {
        let mut p = nodes[top as usize].parent;
        while p != NONE && nodes[p as usize].tag != Tag::Html {
            let holds = rivals
                .iter()
                .filter(|&&r| p <= r && r < nodes[p as usize].end)
                .count();
            if holds >= 3 {
                top = p;
                break;
            }
            p = nodes[p as usize].parent;
        }
    }
    // climb while the parent's score rises (more of the story may lie beside)
    let mut last = if scored(top) {
        score[top as usize]
    } else {
        top_score
    };
    let threshold = last / 3.0;
    let mut p = nodes[top as usize].parent;
    while p != NONE && nodes[p as usize].tag != Tag::Html {
        if !scored(p) {
            p = nodes[p as usize].parent;
            continue;
        }
        let ps = score[p as usize];
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        p = nodes[p as usize].parent;
    }
    // an only child stands for its parent
    loop {
        let p = nodes[top as usize].parent;
        if p == NONE || p == 0 || children(tree, p).count() != 1 {
            break;
        }
        top = p;
    }
    // grow to an ancestor that holds much more prose and is itself mostly prose: a story
    // cut in sections whose parts are cousins, not siblings
    for i in (1..n).rev() {
        let p = nodes[i].parent as usize;
        if p < n {
            good[p] += good[i];
        }
    }
    let mut p = nodes[top as usize].parent;
    while p != NONE && p != 0 {
        let gp = good[p as usize];
        if gp * 2 < sizes.text[p as usize] as u64 {
            // no longer mostly prose: the page around the story
            break;
        }
        if gp >= good[top as usize] * 2 {
            top = p;
        }
        p = nodes[p as usize].parent;
    }
    let top_final = if scored(top) {
        score[top as usize]
    } else {
        top_score
    };
    let mut ranges = vec![(top, nodes[top as usize].end)];
    let parent = nodes[top as usize].parent;
    if parent != NONE {
        let threshold = (top_final * 0.2).max(10.0);
        for s in children(tree, parent) {
            if s == top {
                continue;
            }
            let node = &nodes[s as usize];
            let marked = if trust == Trust::Names {
                node.boiler
            } else {
                node.frame
            };
            if marked && !sizes.cancelled[s as usize] {
                continue;
            }
            let keep = if scored(s) && score[s as usize] >= threshold {
                true
            } else if node.tag == Tag::P {
                let len = sizes.text[s as usize];
                let d = density(s as usize);
                (len > 80 && d < 0.25)
                    || (len > 0 && len <= 80 && d == 0.0 && sizes.prose[s as usize])
            } else {
                false
            };
            if keep {
                ranges.push((s, node.end));
            }
        }
    }
    Region { ranges, top }
}

/// The element children of a node, in order.
pub fn children(tree: &Tree, parent: u32) -> impl Iterator<Item = u32> + '_ {
    let end = tree.nodes[parent as usize].end;
    let mut at = parent + 1;
    std::iter::from_fn(move || {
        if at >= end || at as usize >= tree.nodes.len() {
            return None;
        }
        let c = at;
        at = tree.nodes[c as usize].end.max(c + 1);
        Some(c)
    })
}
