//! Web glue: the only place that talks to the browser. Components call these functions; the
//! core never does. `storage` (IndexedDB, the journal, other tabs), `files` (in and out),
//! `selection` (DOM selection and byte offsets), `viewport` (what is near the screen),
//! `worker` (parsing off the page's thread), `handoff` (Send to Gloss), `dom` (the islands'
//! element builder), `graph_view` (the graph's SVG drawing); here: clock, ids, query
//! parameters, the service worker.

pub mod dom;
pub mod files;
pub mod folder;
pub mod graph_view;
pub mod handoff;
pub mod selection;
pub mod share;
pub mod storage;
pub mod viewport;
pub mod worker;

use wasm_bindgen::{JsCast, JsValue};

/// The current time as RFC 3339 (what the core stores in `created`/`modified`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A fresh id: time plus randomness, base 36, with a prefix ("c" for claims, "a" for articles).
pub fn new_id(prefix: &str) -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("{prefix}{}{}", base36(t), base36(r))
}

fn base36(mut n: u64) -> String {
    const D: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut s = Vec::new();
    loop {
        s.push(D[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Milliseconds since navigation start (for the benchmark page and timings).
pub fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The page's query string parameter `name`, if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// A property of a browser object, read by name: one binding (`Reflect.get`) serves plain
/// reads that a typed web-sys getter would each add as an import (with its glue) to the
/// download. `undefined` when it cannot be read.
pub fn prop(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A string on `window` (for the benchmark page's input), if present.
pub fn global_string(name: &str) -> Option<String> {
    let w = web_sys::window()?;
    js_sys::Reflect::get(&w, &name.into()).ok()?.as_string()
}

/// Registers the service worker (offline use). Failure only means no offline support.
/// Opens the browser's print dialog (the style sheet's print rules say what is printed).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

pub fn register_service_worker() {
    let Some(w) = web_sys::window() else { return };
    let nav = w.navigator();
    if js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        let _ = nav.service_worker().register("./sw.js");
    }
}

/// A keyboard event as `core::keys` reads it (`key` is the event's `key()`, kept by the
/// caller).
pub fn key_press<'a>(ev: &web_sys::KeyboardEvent, key: &'a str) -> crate::core::keys::KeyPress<'a> {
    crate::core::keys::KeyPress {
        key,
        shift: ev.shift_key(),
        ctrl: ev.ctrl_key(),
        alt: ev.alt_key(),
        meta: ev.meta_key(),
    }
}

/// Whether a key pressed in a form cancels it (`core::keys`: Escape).
pub fn cancels(ev: &web_sys::KeyboardEvent) -> bool {
    let key = ev.key();
    crate::core::keys::route(crate::core::keys::Place::Form, &key_press(ev, &key))
        == Some(crate::core::keys::Command::Cancel)
}

/// The element that has the focus, unless the focus rests on the page's body.
pub fn focused() -> Option<web_sys::HtmlElement> {
    let d = web_sys::window()?.document()?;
    let el = d.active_element()?;
    if d.body().is_some_and(|b| b.is_same_node(Some(&el))) {
        return None;
    }
    el.dyn_into().ok()
}

/// The first element matching a CSS selector, as a focusable element.
pub fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// Gives the focus to the first of `candidates` that is still in the page, without
/// scrolling to it (where the focus goes back to when a form closes or an item goes).
pub fn focus_first(candidates: impl IntoIterator<Item = Option<web_sys::HtmlElement>>) {
    if let Some(el) = candidates.into_iter().flatten().find(|e| e.is_connected()) {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

/// True when keyboard focus is in a text field (so single-key shortcuts stay out of the way).
pub fn focus_in_text_field() -> bool {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.is_content_editable())
}

/// Resolves in a task of its own (a zero timeout): what comes after runs once the browser
/// has had a turn to handle input and paint.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        } else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
