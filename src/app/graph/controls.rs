//! The pane's controls: scope, kinds, relations, search, zoom and exports.

use super::*;

/// The elements of the controls the pane changes later, held instead of looked up.
pub(super) struct Controls {
    /// "N nodes, M edges".
    pub count: web_sys::Element,
    /// Shown while one node's neighbourhood is focused.
    pub focus_bar: web_sys::Element,
    /// The selected node's inspector, rebuilt when the selection changes.
    pub inspector: web_sys::Element,
}

/// The bar (scope, search, drawing links, counts), the filters (their swatches are the
/// legend), the focus bar, the zoom buttons and the exports.
#[inline(never)] // one copy, however many callers
pub(super) fn build_controls(ui: &Ui, pane: &web_sys::Element, act: Rc<dyn Fn(Act)>) -> Controls {
    let top = ui.el(pane, "div", &[("class", "graph-top")]);
    let canvas = ui.el(pane, "div", &[("class", "graph-canvas")]);
    ui.svg(
        &canvas,
        "svg",
        &[
            ("id", SVG_ID),
            ("role", "group"),
            ("tabindex", "0"),
            ("aria-label", "Graph drawing: arrows pan it; Tab through nodes, Enter focuses a node, Space shows it in the text, arrows move it, l links it, p unpins it"),
        ],
    );
    let zoom = ui.el(
        &canvas,
        "div",
        &[
            ("class", "zoom"),
            ("role", "toolbar"),
            ("aria-label", "Zoom"),
        ],
    );
    let ex = ui.el(
        pane,
        "div",
        &[
            ("class", "graph-exports"),
            ("role", "toolbar"),
            ("aria-label", "Export graph"),
        ],
    );
    let inspector = ui.el(
        pane,
        "section",
        &[
            ("class", "inspector"),
            ("aria-label", "Selected node"),
            ("hidden", ""),
        ],
    );
    let a = |x: Act| -> Box<dyn Fn(web_sys::Event)> {
        let act = act.clone();
        Box::new(move |_| act(x.clone()))
    };
    let bar = ui.el(&top, "div", &[("class", "graph-bar")]);
    ui.el_text(&bar, "h2", &[], "Graph");
    let scope = ui.el(&bar, "fieldset", &[("class", "scope")]);
    ui.el_text(&scope, "legend", &[("class", "visually-hidden")], "Scope");
    for (label, s, on) in [("This article", false, true), ("Library", true, false)] {
        let l = ui.el(&scope, "label", &[]);
        let i = ui.el(&l, "input", &[("type", "radio"), ("name", "scope")]);
        if on {
            let _ = i.set_attribute("checked", "");
        }
        ui.on(&i, "change", a(Act::Library(s)));
        ui.text(&l, label);
    }
    let search = ui.el(
        &bar,
        "input",
        &[
            ("type", "search"),
            ("class", "graph-search"),
            ("placeholder", "Search nodes"),
            ("aria-label", "Search graph"),
        ],
    );
    let act1 = act.clone();
    ui.on(
        &search,
        "input",
        Box::new(move |e| act1(Act::Search(crate::web::dom::value_of(&e)))),
    );
    let act1 = act.clone();
    ui.check(
        &bar,
        "Draw links",
        &[("type", "checkbox")],
        false,
        Box::new(move |on| act1(Act::LinkMode(on))),
    );
    let count = ui.el(&bar, "span", &[("class", "count")]);

    // the filters fold into a disclosure, closed on a phone (where they would fill the
    // screen) and open on a wider one; the drawing is fitted again when it opens or closes
    let more = ui.el(&top, "details", &[("class", "graph-more")]);
    if !crate::app::phone::narrow() {
        let _ = more.set_attribute("open", "");
    }
    ui.el_text(&more, "summary", &[], "Filters");
    ui.on(&more, "toggle", a(Act::Fit));
    let filters = ui.el(&more, "div", &[("class", "graph-filters")]);
    // the boxes start as the pane's view starts
    let shown = View::default();
    // a checked box whose swatch (dot or line, styled as drawn) is the legend entry
    let swatch = |parent: &web_sys::Element,
                  shape: &str,
                  style: &str,
                  label: &str,
                  on: bool,
                  x: Box<dyn Fn(bool) -> Act>| {
        let act1 = act.clone();
        let l = ui.check(
            parent,
            "",
            &[("type", "checkbox")],
            on,
            Box::new(move |on| act1(x(on))),
        );
        l.set_class_name("swatch-label");
        ui.el(&l, "span", &[("class", shape), ("style", style)]);
        ui.text(&l, label);
    };
    let kinds = ui.el(&filters, "fieldset", &[]);
    ui.el_text(&kinds, "legend", &[], "Show");
    for k in NodeKind::ALL {
        let style = format!("background:{}", kind_color(k));
        swatch(
            &kinds,
            "dot",
            &style,
            k.label(),
            shown.kinds.contains(&k),
            Box::new(move |on| Act::Kind(k, on)),
        );
    }
    let rels = ui.el(&filters, "fieldset", &[]);
    ui.el_text(&rels, "legend", &[], "Relations");
    for r in Relation::ALL {
        let (color, dash) = relation_style(r);
        let style = format!(
            "border-top:2px {} {color}",
            if dash.is_empty() { "solid" } else { "dashed" }
        );
        swatch(
            &rels,
            "line",
            &style,
            r.label(),
            shown.relations.contains(&r),
            Box::new(move |on| Act::Rel(r, on)),
        );
    }
    let act1 = act.clone();
    ui.check(
        &rels,
        "Every co-mention",
        &[("type", "checkbox")],
        shown.all_co_mentions,
        Box::new(move |on| act1(Act::AllCoMentions(on))),
    );
    let act1 = act.clone();
    ui.check(
        &rels,
        "Hide unlinked",
        &[("type", "checkbox")],
        false,
        Box::new(move |on| act1(Act::HideIsolated(on))),
    );
    let focus_bar = ui.el(&top, "p", &[("class", "focus-bar"), ("hidden", "")]);
    ui.text(&focus_bar, "Showing one node’s neighbourhood. ");
    ui.button(
        &focus_bar,
        "Show all",
        &[("class", "small")],
        a(Act::ShowAll),
    );

    {
        ui.button(
            &zoom,
            "+",
            &[("class", "small"), ("aria-label", "Zoom in")],
            a(Act::Zoom(1.25)),
        );
        ui.button(
            &zoom,
            "−",
            &[("class", "small"), ("aria-label", "Zoom out")],
            a(Act::Zoom(0.8)),
        );
        ui.button(&zoom, "Fit", &[("class", "small")], a(Act::Fit));
        ui.button(&zoom, "Re-layout", &[("class", "small")], a(Act::Relayout));
    }
    {
        ui.el_text(&ex, "span", &[("class", "hint")], "Export:");
        for kind in ExportKind::ALL {
            ui.button(
                &ex,
                kind.label(),
                &[("class", "small")],
                a(Act::Export(kind)),
            );
        }
    }
    Controls {
        count,
        focus_bar,
        inspector,
    }
}
