//! Phone and small screens: the top bar's menu, the bottom tab bar that picks which panel
//! shows as a sheet over the article, and Tag claim under a finger. The style sheet's phone
//! section (narrower than 900px) lays the sheets out and hides the menu button and the tab
//! bar on wider screens, where the panels stand beside the article.

use super::state::{Ctx, FormTarget, Panel};
use crate::core::offsets::Span;
use crate::web::dom::Ui;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The panel shown over the article on a phone (the graph is `Ctx::graph_open`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    Read,
    Library,
    Claims,
}

impl Sheet {
    /// `main.layout`'s `data-sheet`, which the style sheet shows it by.
    pub fn name(self) -> &'static str {
        match self {
            Sheet::Read => "",
            Sheet::Library => "library",
            Sheet::Claims => "claims",
        }
    }
}

/// Whether the page is laid out for a phone: the width where the style sheet's phone
/// section begins.
pub fn narrow() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 900.0)
}

/// The selection as Tag claim was pressed, and when (`web::perf_now`, ms).
#[derive(Clone, Copy)]
struct Press {
    span: Span,
    at_ms: f64,
}

thread_local! {
    static PRESSED: Cell<Option<Press>> = const { Cell::new(None) };
}

/// Tag claim: the words selected, or those selected as the finger came down if the tap has
/// cleared the selection since (a press a moment ago, not one left from a drag away).
pub fn tag_claim(ctx: Ctx) {
    let at_press = PRESSED
        .take()
        .filter(|p| crate::web::perf_now() - p.at_ms < 2000.0);
    match at_press {
        Some(p) if ctx.read_selection().is_none() => {
            ctx.selected.set(None);
            ctx.panel.set(Panel::Claim(FormTarget::New(p.span)));
        }
        _ => ctx.start_tagging(),
    }
}

/// The bottom tab bar, an island made with `web::dom` into its static slot in `App`'s view:
/// Article, Library, Claims (with their count), Graph, the one pressed that shows. Hidden
/// (class `selecting`) while words are selected, when Tag claim takes its place.
pub const TABS_ID: &str = "tabs";

/// Fills the tab bar once the page is built and keeps it up to date; listens for the
/// menu's taps, the sheets' and Tag claim's press (one listener each on the document).
pub fn mount(ctx: Ctx, sheet: RwSignal<Sheet>, menu: RwSignal<bool>) {
    let mut bar: Option<TabBar> = None;
    Effect::new(move |_| {
        let (s, graph) = (sheet.get(), ctx.graph_open.get());
        let selecting = ctx.pending_span.with(Option::is_some);
        let count = ctx.with_current(|a| a.claims().len()).unwrap_or(0);
        if bar.is_none() {
            bar = document()
                .get_element_by_id(TABS_ID)
                .zip(Ui::new())
                .map(|(nav, ui)| build(ctx, sheet, ui, nav));
        }
        let Some(TabBar {
            nav,
            buttons,
            count: n,
            ..
        }) = &bar
        else {
            return;
        };
        let _ = nav.class_list().toggle_with_force("selecting", selecting);
        for (b, tab) in buttons.iter().zip(TABS) {
            let on = tab.sheet == s && tab.graph == graph;
            let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
        n.set_text_content(Some(&count.to_string()));
    });
    listen(ctx, sheet, menu);
}

/// One tab: its label, the sheet it shows, whether it shows the graph.
struct Tab {
    label: &'static str,
    sheet: Sheet,
    graph: bool,
}

const TABS: [Tab; 4] = [
    Tab {
        label: "Article",
        sheet: Sheet::Read,
        graph: false,
    },
    Tab {
        label: "Library",
        sheet: Sheet::Library,
        graph: false,
    },
    Tab {
        label: "Claims ",
        sheet: Sheet::Claims,
        graph: false,
    },
    Tab {
        label: "Graph",
        sheet: Sheet::Read,
        graph: true,
    },
];

/// The tab bar as built: the elements it changes later (`_ui` keeps its handlers alive).
struct TabBar {
    _ui: Ui,
    nav: Element,
    buttons: Vec<Element>,
    count: Element,
}

#[inline(never)]
fn build(ctx: Ctx, sheet: RwSignal<Sheet>, ui: Ui, nav: Element) -> TabBar {
    let buttons: Vec<Element> = TABS
        .iter()
        .map(
            |&Tab {
                 label,
                 sheet: s,
                 graph,
             }| {
                ui.button(
                    &nav,
                    label,
                    &[],
                    Box::new(move |_| {
                        sheet.set(s);
                        if ctx.graph_open.get_untracked() != graph {
                            ctx.graph_open.set(graph);
                        }
                    }),
                )
            },
        )
        .collect();
    let count = ui.el(&buttons[2], "span", &[("class", "count")]);
    TabBar {
        _ui: ui,
        nav,
        buttons,
        count,
    }
}

/// Taps and clicks on the page as the phone layout needs them: the menu button opens and
/// closes the menu; a choice in it closes it (then, on a phone, the report or the new
/// article panel is shown from its top, with no sheet or graph over it); a tap beside the
/// open menu (on the toolbar's backdrop) closes it; an article picked in the library sheet
/// (the open one too) or a claim shown in the text from the claims sheet brings the article
/// back. Tag claim's press keeps the selection.
#[inline(never)]
fn listen(ctx: Ctx, sheet: RwSignal<Sheet>, menu: RwSignal<bool>) {
    let target = |ev: &web_sys::Event| ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let near = |el: &Element, sel: &str| el.closest(sel).ok().flatten().is_some();
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(el) = target(&ev) else { return };
        if near(&el, ".menu-button") {
            menu.update(|m| *m = !*m);
        } else if near(&el, ".more button") {
            menu.set(false);
            sheet.set(Sheet::Read);
            // after the button's own handler
            request_animation_frame(move || {
                if narrow() && (ctx.report_open.get_untracked() || ctx.show_new.get_untracked()) {
                    ctx.graph_open.set(false);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            });
        } else if el.class_list().contains("toolbar") {
            menu.set(false);
        } else if near(&el, ".article-item .open, .claim button.quote") {
            sheet.set(Sheet::Read);
        }
    });
    let on_press = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if target(&ev).is_some_and(|el| near(&el, ".toolbar > .primary")) {
            let at = ctx.read_selection().map(|span| Press {
                span,
                at_ms: crate::web::perf_now(),
            });
            PRESSED.set(at);
        }
    });
    let d = document();
    let _ = d.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let _ = d.add_event_listener_with_callback("pointerdown", on_press.as_ref().unchecked_ref());
    // for the app's lifetime
    on_click.forget();
    on_press.forget();
}
