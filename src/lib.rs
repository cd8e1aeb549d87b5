//! Gloss: a news-claim annotator that runs entirely in the browser.
//!
//! - `core`: the pure core (document model, parsing, claims, anchoring, file format),
//!   free of any browser dependency and tested natively.
//! - `web` (wasm only): the browser glue (storage, files, DOM selection, service worker).
//! - `app` (wasm only): the Leptos components.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod web;
