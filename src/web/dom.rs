//! A small element builder for the graph pane's controls: elements with attributes, text
//! (always as text nodes) and event handlers boxed behind one type. Leptos views compile
//! each attribute and handler into its own generic code; this costs a fraction of that for
//! panels that are mostly static. The handlers live as long as their `Ui`.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

type Handler = Closure<dyn Fn(Event)>;

pub struct Ui {
    doc: web_sys::Document,
    handlers: RefCell<Vec<Handler>>,
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A new element with attributes, not yet in the page; in the SVG namespace when `svg`.
pub fn make(
    doc: &web_sys::Document,
    svg: bool,
    tag: &str,
    attrs: &[(&str, &str)],
) -> Option<Element> {
    let e = if svg {
        doc.create_element_ns(Some(SVG_NS), tag)
    } else {
        doc.create_element(tag)
    }
    .ok()?;
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    Some(e)
}

impl Ui {
    pub fn new() -> Option<Ui> {
        Some(Ui {
            doc: web_sys::window()?.document()?,
            handlers: RefCell::new(Vec::new()),
        })
    }

    fn add(&self, parent: &Element, svg: bool, tag: &str, attrs: &[(&str, &str)]) -> Element {
        let e = make(&self.doc, svg, tag, attrs).unwrap_or_else(|| parent.clone());
        let _ = parent.append_child(&e);
        e
    }

    /// A new element appended to `parent`.
    pub fn el(&self, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Element {
        self.add(parent, false, tag, attrs)
    }

    /// A new SVG element appended to `parent`.
    pub fn svg(&self, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Element {
        self.add(parent, true, tag, attrs)
    }

    /// Text appended to `parent`, as a text node.
    pub fn text(&self, parent: &Element, s: &str) {
        let t = self.doc.create_text_node(s);
        let _ = parent.append_child(&t);
    }

    /// An element holding only text.
    pub fn el_text(&self, parent: &Element, tag: &str, attrs: &[(&str, &str)], s: &str) -> Element {
        let e = self.el(parent, tag, attrs);
        self.text(&e, s);
        e
    }

    pub fn on(&self, el: &Element, event: &str, f: Box<dyn Fn(Event)>) {
        let c = Closure::wrap(f);
        let _ = el.add_event_listener_with_callback(event, c.as_ref().unchecked_ref());
        self.handlers.borrow_mut().push(c);
    }

    /// A button with a click handler.
    pub fn button(
        &self,
        parent: &Element,
        label: &str,
        attrs: &[(&str, &str)],
        f: Box<dyn Fn(Event)>,
    ) -> Element {
        let b = self.el_text(parent, "button", attrs, label);
        self.on(&b, "click", f);
        b
    }

    /// A labelled checkbox (or radio) calling `f` with its new state.
    pub fn check(
        &self,
        parent: &Element,
        label: &str,
        attrs: &[(&str, &str)],
        checked: bool,
        f: Box<dyn Fn(bool)>,
    ) -> Element {
        let l = self.el(parent, "label", &[]);
        let i = self.el(&l, "input", attrs);
        if let Some(i) = i.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_checked(checked);
        }
        self.on(&i, "change", Box::new(move |e| f(checked_of(&e))));
        self.text(&l, label);
        l
    }
}

/// The value of the input an event came from.
pub fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

pub fn checked_of(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}
