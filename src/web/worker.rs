//! Parsing a long input off the page's thread. `public/worker.js` (a module worker copied
//! next to the app) loads this same app's module, found from the page's own preload links,
//! and runs only `gloss_parse` (`core::wire::parse_for_page`): the page stays responsive
//! while a 20 MB article is read, and the person can cancel. Each job has a worker of its
//! own, ended when the job ends (its memory goes with it).

use crate::core::parse::{Format, Parsed};
use crate::core::wire;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why a job gave no article.
#[derive(Debug)]
pub enum JobError {
    /// The person cancelled it.
    Cancelled,
    /// No worker could run it (the page then parses on its own thread).
    Unavailable(String),
    /// The worker's answer could not be read.
    Damaged(String),
}

/// A job under way: cancel it with `cancel`.
#[derive(Clone)]
pub struct Job {
    worker: web_sys::Worker,
    reject: Rc<RefCell<Option<js_sys::Function>>>,
}

impl Job {
    pub fn cancel(&self) {
        self.worker.terminate();
        if let Some(r) = self.reject.borrow_mut().take() {
            let _ = r.call1(&JsValue::NULL, &JsValue::from_str("cancelled"));
        }
    }
}

/// The app's JavaScript module and WebAssembly files, as the page preloads them.
fn app_files() -> Option<(String, String)> {
    let doc = web_sys::window()?.document()?;
    let href = |sel: &str| -> Option<String> {
        let el = doc.query_selector(sel).ok()??;
        let a = el.dyn_into::<web_sys::HtmlLinkElement>().ok()?;
        Some(a.href())
    };
    Some((
        href("link[rel=modulepreload][href$='.js']")?,
        href("link[rel=preload][href$='.wasm']")?,
    ))
}

/// What a job gives: the parsed article and the record the worker made for it, if any.
pub type Answer = Result<(Parsed, Option<String>), JobError>;

/// Starts parsing `bytes` in a worker; the future gives the parsed article and its record
/// (made for `id`, `source_name` and `now`, as `core::wire::parse_for_page` says).
pub fn start(
    bytes: &[u8],
    format: Option<Format>,
    source_name: Option<&str>,
    id: &str,
    now: &str,
) -> Result<(Job, impl std::future::Future<Output = Answer>), JobError> {
    let (glue, wasm) = app_files()
        .ok_or_else(|| JobError::Unavailable("the app's files are not named in the page".into()))?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("worker.js", &opts)
        .map_err(|e| JobError::Unavailable(format!("{e:?}")))?;
    let reject = Rc::new(RefCell::new(None::<js_sys::Function>));
    let (w, rj) = (worker.clone(), reject.clone());
    let promise = js_sys::Promise::new(&mut move |resolve, reject| {
        let fail = reject.clone();
        let on_message = Closure::once_into_js(move |e: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
        let on_error = Closure::once_into_js(move |e: web_sys::Event| {
            let _ = fail.call1(&JsValue::NULL, &e);
        });
        w.set_onmessage(Some(on_message.unchecked_ref()));
        w.set_onerror(Some(on_error.unchecked_ref()));
        *rj.borrow_mut() = Some(reject);
    });
    let data = js_sys::Object::new();
    let input = js_sys::Uint8Array::from(bytes);
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(k), v);
    };
    set("glue", &glue.into());
    set("wasm", &wasm.into());
    set("bytes", &input);
    set(
        "format",
        &format.map_or(JsValue::NULL, |f| f.as_str().into()),
    );
    set(
        "name",
        &source_name.map_or(JsValue::NULL, JsValue::from_str),
    );
    set("id", &id.into());
    set("now", &now.into());
    worker
        .post_message_with_transfer(&data, &js_sys::Array::of1(&input.buffer()))
        .map_err(|e| JobError::Unavailable(format!("{e:?}")))?;
    let job = Job { worker, reject };
    let done = job.clone();
    let answer = async move {
        let out = wasm_bindgen_futures::JsFuture::from(promise).await;
        done.worker.terminate();
        done.reject.borrow_mut().take();
        let msg = match out {
            Ok(m) => m,
            Err(e) if e.as_string().as_deref() == Some("cancelled") => {
                return Err(JobError::Cancelled)
            }
            Err(e) => return Err(JobError::Unavailable(describe(&e))),
        };
        let ok = js_sys::Reflect::get(&msg, &"ok".into()).unwrap_or(JsValue::UNDEFINED);
        match ok.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => {
                wire::decode(&bytes.to_vec()).map_err(|e| JobError::Damaged(e.to_string()))
            }
            Err(_) => {
                let error =
                    js_sys::Reflect::get(&msg, &"error".into()).unwrap_or(JsValue::UNDEFINED);
                Err(JobError::Unavailable(describe(&error)))
            }
        }
    };
    Ok((job, answer))
}

fn describe(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            js_sys::Reflect::get(v, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "the worker stopped".into())
}

/// The worker's side: what `gloss_parse` (exported by the app's entry point) runs.
pub fn parse_in_worker(
    bytes: &[u8],
    format: Option<String>,
    source_name: Option<String>,
    id: &str,
    now: &str,
) -> Vec<u8> {
    let format = format.as_deref().and_then(Format::from_name);
    wire::parse_for_page(bytes, format, source_name, id, now)
}
