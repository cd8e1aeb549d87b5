//! The browser's storage manager (`navigator.storage`): asking that the library be kept
//! (`persist()`), and the space it takes and has left (`estimate()`). Read by name through
//! `web::prop`: a few calls, no typed bindings to download.

use crate::web::prop;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Space used and available to this site, and whether the browser keeps it for good.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Space {
    pub used: f64,
    pub quota: f64,
    pub persistent: bool,
}

fn manager() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    Some(prop(&nav, "storage")).filter(|s| s.is_object())
}

/// Calls `manager.name()` and awaits the promise it returns.
async fn call(name: &str) -> Option<JsValue> {
    let m = manager()?;
    let f = prop(&m, name).dyn_into::<js_sys::Function>().ok()?;
    let p = f.call0(&m).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    JsFuture::from(p).await.ok()
}

/// Asks the browser to keep the library even when space runs low. True when it will.
pub async fn ask_persist() -> bool {
    if call("persisted").await.and_then(|v| v.as_bool()) == Some(true) {
        return true;
    }
    call("persist").await.and_then(|v| v.as_bool()) == Some(true)
}

/// What the site takes and may take (`None` where the browser does not say).
pub async fn space() -> Option<Space> {
    let e = call("estimate").await?;
    let persistent = call("persisted")
        .await
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    Some(Space {
        used: prop(&e, "usage").as_f64()?,
        quota: prop(&e, "quota").as_f64()?,
        persistent,
    })
}
