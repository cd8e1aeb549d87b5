//! The pure core: document model, parsing, annotations, anchoring and file formats.
//! Nothing here may depend on leptos, web-sys or js-sys; everything is tested natively.

pub mod analyze;
pub mod anchor;
pub mod annotation;
pub mod claims;
pub mod document;
pub mod extract;
pub mod format;
pub mod graph;
/// Force-directed layout: the `gloss-layout` crate in `src/core/layout/` (its own crate only
/// so that it can be optimised for speed; pure like the rest of the core).
pub use gloss_layout as layout;
pub mod library;
pub mod offsets;
pub mod parse;
pub mod pipeline;
pub mod relations;
pub mod sentences;
