//! Which parts of a long page are near the screen: an `IntersectionObserver` over
//! placeholder elements, each carrying its number in `data-part`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Calls back with a placeholder's part number once it comes within `margin` (a CSS
/// margin, "1500px 0px") of the viewport, then stops watching it. Disconnects when dropped.
pub struct Near {
    observer: IntersectionObserver,
    _callback: Closure<dyn Fn(js_sys::Array, IntersectionObserver)>,
}

impl Near {
    pub fn new(margin: &str, on_near: impl Fn(usize) + 'static) -> Option<Near> {
        let callback = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                for entry in entries.iter() {
                    let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                        continue;
                    };
                    if !entry.is_intersecting() {
                        continue;
                    }
                    let target = entry.target();
                    observer.unobserve(&target);
                    if let Some(part) = target
                        .get_attribute("data-part")
                        .and_then(|p| p.parse().ok())
                    {
                        on_near(part);
                    }
                }
            },
        );
        let init = IntersectionObserverInit::new();
        init.set_root_margin(margin);
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
                .ok()?;
        Some(Near {
            observer,
            _callback: callback,
        })
    }

    /// Watches every element under `root` that `selector` finds.
    pub fn watch_all(&self, root: &Element, selector: &str) {
        let Ok(found) = root.query_selector_all(selector) else {
            return;
        };
        for i in 0..found.length() {
            if let Some(el) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                self.observer.observe(&el);
            }
        }
    }
}

impl Drop for Near {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
