//! Share links in the browser: the page's own address to put a link's fragment on, the
//! fragment Gloss was opened with, dropping it once read, and copying a link to the
//! clipboard. What a link holds is the core's (`core::share`).

use super::prop;
use wasm_bindgen::{JsCast, JsValue};

/// This page's address without its fragment: where a share link points.
pub fn page_address() -> Option<String> {
    let loc = web_sys::window()?.location();
    Some(format!(
        "{}{}{}",
        loc.origin().ok()?,
        loc.pathname().ok()?,
        loc.search().unwrap_or_default()
    ))
}

/// The fragment Gloss was opened with, when it is a share link (`#share=…`).
pub fn opened_with() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let frag = hash.strip_prefix('#').unwrap_or(&hash);
    frag.starts_with(crate::core::share::LINK_PREFIX)
        .then(|| frag.to_string())
}

/// Drops the fragment from the address without reloading, so a reload does not offer the
/// shared article again.
pub fn forget_fragment() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let loc = w.location();
    let url = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Calls `f` whenever the address's fragment changes (a link pasted into this tab's
/// address bar opens without reloading the page). Listens for the page's lifetime.
pub fn on_fragment_change(f: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(w) = web_sys::window() else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(f);
    let _ = w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Puts `text` on the clipboard (`navigator.clipboard.writeText`, read by name through
/// `prop` rather than a typed binding); an error says why it could not.
pub async fn copy(text: &str) -> Result<(), String> {
    let nav = web_sys::window()
        .map(|w| JsValue::from(w.navigator()))
        .ok_or("no window")?;
    let clipboard = prop(&nav, "clipboard");
    let write: js_sys::Function = prop(&clipboard, "writeText")
        .dyn_into()
        .map_err(|_| "this browser gives no clipboard here".to_string())?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| "the clipboard refused".to_string())?
        .dyn_into()
        .map_err(|_| "the clipboard refused".to_string())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying".to_string())
}
