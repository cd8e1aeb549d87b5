//! Gloss: a news-claim annotator that runs entirely in the browser.
//!
//! - `core`: the pure core (document model, parsing, pages, entities, claims, anchoring,
//!   library, graph and layout, the file formats, the command line's report), free of any
//!   browser dependency and tested natively.
//! - `web` (wasm only): the browser glue (storage, files, DOM selection, workers, the
//!   islands' element builder and the graph's drawing).
//! - `app` (wasm only): the Leptos components and the islands they hold.
//!
//! `ARCHITECTURE.md` is the map.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod web;
