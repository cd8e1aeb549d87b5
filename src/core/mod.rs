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
pub mod layout;
pub mod library;
pub mod offsets;
pub mod parse;
pub mod pipeline;
pub mod relations;
pub mod sentences;
