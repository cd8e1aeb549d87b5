//! The pure core: document model, parsing, annotations, anchoring and file formats.
//! Nothing here may depend on leptos, web-sys or js-sys; everything is tested natively.

pub mod analyze;
pub mod anchor;
pub mod annotation;
pub mod claims;
pub mod details;
pub mod document;
pub mod extract;
pub mod fixes;
pub mod format;
pub mod graph;
pub mod handoff;
/// Force-directed layout: the `gloss-layout` crate in `src/core/layout/` (its own crate only
/// so that it can be optimised for speed; pure like the rest of the core).
pub use gloss_layout as layout;
pub mod library;
pub mod offsets;
pub mod page;
pub mod parse;
pub mod pipeline;
pub mod relations;
pub mod sentences;
pub mod sort;

/// The first `n` characters of `s` with white space folded, and "…" when cut: for list
/// items, labels and titles (the app, the graph drawing and the SVG export share it).
pub fn excerpt(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > n {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn excerpts_fold_space_and_cut_by_characters() {
        assert_eq!(super::excerpt(" a\n  b ", 10), "a b");
        assert_eq!(super::excerpt("😀😀😀", 2), "😀😀…");
        assert_eq!(super::excerpt("abc", 3), "abc");
    }
}
