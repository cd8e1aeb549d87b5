//! The web app's entry point (built for wasm32 by Trunk): mount the app, or the benchmark
//! page with `?bench`. On other targets this binary does nothing; see `gloss` for the CLI.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        return; // in the parsing worker (`public/worker.js`): only `gloss_parse` runs there
    }
    if gloss::web::query_param("bench").is_some() {
        leptos::mount::mount_to_body(gloss::app::BenchPage);
    } else {
        leptos::mount::mount_to_body(gloss::app::App);
    }
}

/// The parsing worker's one entry (`gloss::web::worker`): the input parsed, with the
/// article's record, as `core::wire` bytes.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn gloss_parse(
    bytes: &[u8],
    format: Option<String>,
    name: Option<String>,
    id: String,
    now: String,
) -> Vec<u8> {
    gloss::web::worker::parse_in_worker(bytes, format, name, &id, &now)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gloss-web is the browser app: build it with `trunk build` (see README).");
}
