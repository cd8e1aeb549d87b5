//! The DOM boundary for offsets. The article view renders each run of text as an element
//! with `data-o` / `data-e` (the run's byte span in the core's text) holding one text node.
//! A DOM point (node, UTF-16 offset) becomes a byte offset here, and back; nowhere else.

use crate::core::offsets::{byte_to_utf16, utf16_to_byte, Span};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The rendered runs under `root`, in document order.
pub fn segments(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all("[data-o]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn bounds(el: &Element) -> Option<(usize, usize)> {
    let s = el.get_attribute("data-o")?.parse().ok()?;
    let e = el.get_attribute("data-e")?.parse().ok()?;
    (s <= e).then_some((s, e))
}

/// Byte offset of the DOM point (`node`, `offset`), where `offset` is a DOM offset (UTF-16
/// code units in a text node, a child index in an element). A point between runs maps to
/// the start of the next run; past the last run, to its end.
pub fn point_to_byte(segs: &[Element], node: &Node, offset: u32, text: &str) -> Option<usize> {
    let range = document()?.create_range().ok()?;
    let cmp = |el: &Element| -> i16 {
        if range.select_node_contents(el).is_err() {
            return 1;
        }
        range.compare_point(node, offset).unwrap_or(1)
    };
    let i = segs.partition_point(|el| cmp(el) > 0);
    let Some(el) = segs.get(i) else {
        return segs.last().and_then(bounds).map(|b| b.1);
    };
    let (s, e) = bounds(el)?;
    if cmp(el) < 0 {
        return Some(s);
    }
    range.set_start(el, 0).ok()?;
    range.set_end(node, offset).ok()?;
    let units = range.to_string().length() as usize;
    Some(s + utf16_to_byte(text.get(s..e)?, units))
}

/// The byte span of the current selection, when it touches `root` and is not empty.
pub fn selection_span(root: &Element, text: &str) -> Option<Span> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.range_count() == 0 || sel.is_collapsed() {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    if !range.intersects_node(root).unwrap_or(false) {
        return None;
    }
    let segs = segments(root);
    let a = point_to_byte(
        &segs,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
        text,
    )?;
    let b = point_to_byte(
        &segs,
        &range.end_container().ok()?,
        range.end_offset().ok()?,
        text,
    )?;
    let span = Span::new(a, b);
    (!span.is_empty()).then_some(span)
}

/// The DOM point for a byte offset: `at_end` picks the run that ends at `byte` over the
/// one that starts there.
fn byte_to_point(segs: &[Element], byte: usize, at_end: bool, text: &str) -> Option<(Node, u32)> {
    let i = segs.partition_point(|el| {
        bounds(el).is_some_and(|(_, e)| if at_end { e < byte } else { e <= byte })
    });
    let el = segs.get(i).or(segs.last())?;
    let (s, e) = bounds(el)?;
    let node = el.first_child()?;
    let inner = byte.clamp(s, e) - s;
    Some((node, byte_to_utf16(text.get(s..e)?, inner) as u32))
}

/// Makes `span` the page's selection (keyboard selection, tests). False if not rendered.
pub fn select_span(root: &Element, text: &str, span: Span) -> bool {
    let segs = segments(root);
    let (Some((sn, so)), Some((en, eo))) = (
        byte_to_point(&segs, span.start(), false, text),
        byte_to_point(&segs, span.end(), true, text),
    ) else {
        return false;
    };
    let Some(doc) = document() else { return false };
    let Ok(range) = doc.create_range() else {
        return false;
    };
    if range.set_start(&sn, so).is_err() || range.set_end(&en, eo).is_err() {
        return false;
    }
    let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return false;
    };
    let _ = sel.remove_all_ranges();
    sel.add_range(&range).is_ok()
}

pub fn clear_selection() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}

/// The highlight elements of one claim.
pub fn claim_marks(root: &Element, claim_id: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all("mark[data-claims]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter(|el| {
            el.get_attribute("data-claims")
                .is_some_and(|c| c.split(' ').any(|x| x == claim_id))
        })
        .collect()
}

/// Scrolls an element to the middle of the view: smoothly when it is near, at once when it
/// is screens away (a long article renders the parts passed on the way, which would move a
/// smooth scroll's goal under it).
pub fn scroll_into_view(el: &Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    let screen = web_sys::window()
        .and_then(|w| w.inner_height().ok()?.as_f64())
        .unwrap_or(800.0);
    let top = el.get_bounding_client_rect().top();
    let far = top < -2.0 * screen || top > 3.0 * screen;
    opts.set_behavior(if far {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls to a claim's first highlight and flashes all of them.
pub fn scroll_and_flash(root: &Element, claim_id: &str) -> bool {
    scroll_and_flash_runs(claim_marks(root, claim_id))
}

/// Scrolls to the rendered text of a byte span (an entity's mention) and flashes it. False
/// when the span is not rendered (yet).
pub fn scroll_to_span(root: &Element, span: Span) -> bool {
    scroll_and_flash_runs(
        segments(root)
            .into_iter()
            .filter(|el| bounds(el).is_some_and(|(s, e)| s < span.end() && e > span.start()))
            .collect(),
    )
}

/// Scrolls to the first of some rendered runs and flashes them all for 1.6 s, marking them
/// with `data-flash` meanwhile. False when there are none.
fn scroll_and_flash_runs(runs: Vec<Element>) -> bool {
    let Some(first) = runs.first() else {
        return false;
    };
    scroll_into_view(first);
    for m in &runs {
        let _ = m.class_list().remove_1("flash");
        // force a style flush so the animation restarts
        let _ = m.get_bounding_client_rect();
        let _ = m.class_list().add_1("flash");
        let _ = m.set_attribute("data-flash", "");
    }
    gloo_timers::callback::Timeout::new(1600, move || {
        for m in &runs {
            let _ = m.class_list().remove_1("flash");
            let _ = m.remove_attribute("data-flash");
        }
    })
    .forget();
    true
}
