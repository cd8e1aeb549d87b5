//! The web app's entry point (built for wasm32 by Trunk): mount the app, or the benchmark
//! page with `?bench`. On other targets this binary does nothing; see `gloss` for the CLI.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if gloss::web::query_param("bench").is_some() {
        leptos::mount::mount_to_body(gloss::app::BenchPage);
    } else {
        leptos::mount::mount_to_body(gloss::app::App);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gloss-web is the browser app: build it with `trunk build` (see README).");
}
