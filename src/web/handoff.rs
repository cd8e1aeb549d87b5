//! *Send to Gloss* in the browser: the bookmarklet's `href` for the address Gloss is served
//! from, and receiving a page from the window that opened Gloss at `#receive`. The rules
//! (origins, fields, sizes) are the core's (`core::handoff`); this module only reads the
//! browser's message events into plain data, and nothing it receives is ever rendered.

use crate::core::handoff::{
    self, Field, Incoming, Page, Problem, Verdict, MAX_URL_BYTES, READY, RECEIVE_HASH, TIMEOUT_MS,
    VERSION,
};
use crate::core::parse::MAX_INPUT_BYTES;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::prop;

/// The bookmarklet for this copy of Gloss (its own origin and path), or `None` when Gloss
/// is not served over http or https.
pub fn bookmarklet_href() -> Option<String> {
    let loc = web_sys::window()?.location();
    handoff::bookmarklet(&text(&loc, "origin")?, &text(&loc, "pathname")?)
}

/// Whether Gloss was opened to receive a page (`…#receive`).
pub fn is_receiving() -> bool {
    web_sys::window()
        .and_then(|w| text(&w.location(), "hash"))
        .is_some_and(|h| h == RECEIVE_HASH)
}

type Done = Box<dyn FnOnce(Result<Page, Problem>)>;

/// What is held while waiting; dropped (listener removed, timer cancelled) when done.
struct Waiting {
    done: Done,
    listener: Closure<dyn FnMut(web_sys::Event)>,
    /// The timeout's id and its callback.
    timer: Option<(i32, Closure<dyn FnMut()>)>,
}

type State = Rc<RefCell<Option<Waiting>>>;

/// Ends the wait, once: the listener goes, the timer is cancelled, `done` is called.
#[inline(never)]
fn finish(state: &State, outcome: Result<Page, Problem>) {
    let Some(waiting) = state.borrow_mut().take() else {
        return;
    };
    if let Some(w) = web_sys::window() {
        let _ = w.remove_event_listener_with_callback(
            "message",
            waiting.listener.as_ref().unchecked_ref(),
        );
        if let Some((id, _)) = waiting.timer {
            w.clear_timeout_with_handle(id);
        }
    }
    (waiting.done)(outcome);
}

/// Waits for the page from the window that opened this one: tells it Gloss is ready,
/// accepts the first page message or refuses it, and gives up after `TIMEOUT_MS`. `done` is
/// called exactly once. The `#receive` fragment goes at once, so a reload does not wait.
pub fn receive(done: Done) {
    let Some(w) = web_sys::window() else { return };
    forget_fragment(&w);
    let opener = prop(&w, "opener");
    if opener.is_null() || opener.is_undefined() {
        done(Err(Problem::NoOpener));
        return;
    }
    // a window of another origin: only postMessage and closed may be used on it
    let opener: web_sys::Window = opener.unchecked_into();
    if closed(&opener) {
        done(Err(Problem::OpenerClosed));
        return;
    }
    let state: State = Rc::new(RefCell::new(None));
    let on_message = {
        let state = state.clone();
        let opener = opener.clone();
        move |ev: web_sys::Event| match handoff::judge(incoming(&ev, &opener)) {
            Verdict::Ignore => {}
            Verdict::Accept(page) => finish(&state, Ok(page)),
            Verdict::Refuse(problem) => finish(&state, Err(problem)),
        }
    };
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(on_message);
    if w.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
        .is_err()
    {
        done(Err(Problem::NoOpener));
        return;
    }
    *state.borrow_mut() = Some(Waiting {
        done,
        listener,
        timer: None,
    });
    // nothing secret in it, and the opener's origin cannot be known: any target
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"type".into(), &READY.into());
    let _ = js_sys::Reflect::set(&ready, &"version".into(), &VERSION.into());
    if opener.post_message(&ready, "*").is_err() {
        finish(&state, Err(Problem::OpenerClosed));
        return;
    }
    let on_time = {
        let state = state.clone();
        Closure::once(move || {
            let closed = closed(&opener);
            finish(
                &state,
                Err(if closed {
                    Problem::OpenerClosed
                } else {
                    Problem::TimedOut
                }),
            )
        })
    };
    // the window's own timer (an import the app has already), cleared when done
    let id = w.set_timeout_with_callback_and_timeout_and_arguments_0(
        on_time.as_ref().unchecked_ref(),
        TIMEOUT_MS as i32,
    );
    if let (Ok(id), Some(waiting)) = (id, state.borrow_mut().as_mut()) {
        waiting.timer = Some((id, on_time));
    };
}

/// A text property (`None` when it is not text).
fn text(target: &JsValue, name: &str) -> Option<String> {
    prop(target, name).as_string()
}

/// Whether a window is closed (or cannot say: then it is taken as gone).
fn closed(w: &JsValue) -> bool {
    let c = prop(w, "closed");
    c.is_undefined() || c.is_truthy()
}

/// The message event as plain data for `core::handoff::judge` (its fields read by name, so
/// the listener shares the plain `Event` closure type with the app's other handlers).
fn incoming(ev: &web_sys::Event, opener: &web_sys::Window) -> Incoming {
    let data = prop(ev, "data");
    Incoming {
        from_opener: js_sys::Object::is(&prop(ev, "source"), opener),
        origin: text(ev, "origin").unwrap_or_default(),
        kind: field(&data, "type", 64),
        version: field(&data, "version", 64),
        url: field(&data, "url", MAX_URL_BYTES),
        html: field(&data, "html", MAX_INPUT_BYTES),
    }
}

/// One field of the message's data. Text longer than `limit` UTF-16 units (each at least
/// one byte of UTF-8) is reported by length, never copied.
fn field(data: &JsValue, name: &str, limit: usize) -> Field {
    // on anything but an object (null, a string…) `Reflect.get` throws: no field
    let Ok(v) = js_sys::Reflect::get(data, &name.into()) else {
        return Field::Absent;
    };
    if v.is_undefined() {
        return Field::Absent;
    }
    let kind = v.js_typeof().as_string().unwrap_or_default();
    match kind.as_str() {
        "string" => {
            let s: &js_sys::JsString = v.unchecked_ref();
            let units = s.length() as usize;
            if units > limit {
                Field::LongText(units)
            } else {
                Field::Text(String::from(s))
            }
        }
        "number" => Field::Number(v.as_f64().unwrap_or(f64::NAN)),
        _ => Field::Other(kind),
    }
}

/// Drops `#receive` from the address without reloading.
fn forget_fragment(w: &web_sys::Window) {
    let loc = w.location();
    let url = format!(
        "{}{}",
        text(&loc, "pathname").unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
