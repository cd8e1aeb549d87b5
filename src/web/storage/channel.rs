//! Tabs of one library hear of each other's writes on a `BroadcastChannel("gloss")`: after
//! a transaction is written, its writer announces each article (id and fingerprint), each
//! deleted article, new identities and a new rating scale; a tab that hears it reads the record and passes it
//! on as a `Change`. The writing tab does not hear itself.

use super::{Change, Index};
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::BroadcastChannel;

const NAME: &str = "gloss";

thread_local! {
    /// The page's one channel, kept for its life (a dropped channel hears nothing).
    static CHANNEL: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// What a write announces.
pub enum Note {
    /// An article's record was written, holding the text with this fingerprint.
    Written(String, u64),
    Deleted(String),
    Identities,
    /// The library's rating scale (in the index).
    Scale,
}

impl Note {
    /// As sent: one line, the kind first ("a <fingerprint> <id>", "d <id>", "i").
    fn encode(&self) -> String {
        match self {
            Note::Written(id, fp) => format!("a {fp:x} {id}"),
            Note::Deleted(id) => format!("d {id}"),
            Note::Identities => "i".into(),
            Note::Scale => "s".into(),
        }
    }

    fn decode(s: &str) -> Option<Note> {
        let (kind, rest) = s.split_once(' ').unwrap_or((s, ""));
        match kind {
            "a" => {
                let (fp, id) = rest.split_once(' ')?;
                Some(Note::Written(
                    id.to_string(),
                    u64::from_str_radix(fp, 16).ok()?,
                ))
            }
            "d" if !rest.is_empty() => Some(Note::Deleted(rest.to_string())),
            "i" => Some(Note::Identities),
            "s" => Some(Note::Scale),
            _ => None,
        }
    }
}

fn channel() -> Option<BroadcastChannel> {
    CHANNEL.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = BroadcastChannel::new(NAME).ok();
        }
        c.clone()
    })
}

/// Tells the other tabs what was just written.
pub fn announce(notes: &[Note]) {
    if let Some(ch) = channel() {
        for n in notes {
            let _ = ch.post_message(&JsValue::from_str(&n.encode()));
        }
    }
}

/// Calls `f` with every change other tabs write to the library, read from the store after
/// their note arrives. For the page's lifetime.
pub fn listen(f: impl Fn(Change) + 'static) {
    let Some(ch) = channel() else {
        return;
    };
    let f = std::rc::Rc::new(f);
    let on = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(note) = crate::web::prop(&ev, "data")
            .as_string()
            .as_deref()
            .and_then(Note::decode)
        else {
            return;
        };
        let f = f.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let change = match note {
                Note::Written(id, _) => match super::read_record(&id).await {
                    Ok(json) => Change::Article { id, json },
                    Err(_) => return,
                },
                Note::Deleted(id) => Change::Article { id, json: None },
                Note::Identities => match super::read_identities().await {
                    Ok(Some(ids)) => Change::Identities(ids),
                    _ => return,
                },
                Note::Scale => match super::read_index().await {
                    Ok(Some(Index { scale: Some(s), .. })) => Change::Scale(s),
                    _ => return,
                },
            };
            f(change);
        });
    });
    let _ = ch.add_event_listener_with_callback("message", on.as_ref().unchecked_ref());
    on.forget();
}
