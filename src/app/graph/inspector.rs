//! The inspector: what the selected node is, and what can be done with it.

use super::*;

/// What the selected node is, with buttons to focus on it and link it, and for entities
/// the forms to merge it into another entity, give it an alias, and split merged names off.
#[allow(clippy::too_many_arguments)]
#[inline(never)] // one copy, however many callers
pub(super) fn build_inspector(
    ui: &Ui,
    root: &web_sys::Element,
    n: &crate::core::graph::Node,
    i: usize,
    neighbours: usize,
    focused: bool,
    merged: &[String],
    names: &[&str],
    act: Rc<dyn Fn(Act)>,
) {
    let s = |k: usize| if k == 1 { "" } else { "s" };
    ui.el_text(root, "h3", &[], &excerpt(&n.label, 120));
    ui.el_text(
        root,
        "p",
        &[("class", "meta")],
        &format!(
            "{} · {} mention{} · {} neighbour{} · {} article{}",
            n.kind.as_str(),
            n.mentions.len(),
            s(n.mentions.len()),
            neighbours,
            s(neighbours),
            n.articles.len(),
            s(n.articles.len())
        ),
    );
    if let Some(c) = &n.claim {
        let who = if c.claimant.is_empty() {
            "Unattributed"
        } else {
            c.claimant.as_str()
        };
        ui.el_text(
            root,
            "p",
            &[("class", "meta")],
            &format!("{who} · {} · {}", c.kind.label(), c.verdict),
        );
    }
    if !n.aliases.is_empty() {
        ui.el_text(
            root,
            "p",
            &[("class", "meta")],
            &format!("Also written: {}", n.aliases.join(", ")),
        );
    }
    let send = |x: Act| -> Box<dyn Fn(web_sys::Event)> {
        let act = act.clone();
        Box::new(move |_| act(x.clone()))
    };
    let buttons = ui.el(root, "div", &[("class", "actions")]);
    ui.button(
        &buttons,
        if focused { "Show all" } else { "Focus" },
        &[("class", "small")],
        send(Act::Focus(i)),
    );
    ui.button(&buttons, "Link…", &[("class", "small")], send(Act::Link(i)));
    if n.kind == NodeKind::Claim {
        return;
    }
    // each form's action made from its own input's value when it is sent
    type MakeAct = fn(String, String) -> Act;
    let forms: [(&str, &str, &str, MakeAct); 2] = [
        ("merge", "Merge into", "Merge", |from, into| Act::Merge {
            from,
            into,
        }),
        ("alias", "Add alias", "Add", |name, alias| Act::Alias {
            name,
            alias,
        }),
    ];
    for (class, label, button, make) in forms {
        let form = ui.el(root, "form", &[("class", class)]);
        let l = ui.el(&form, "label", &[]);
        ui.text(&l, label);
        let attrs: &[(&str, &str)] = if class == "merge" {
            &[
                ("type", "text"),
                ("list", "entity-names"),
                ("autocomplete", "off"),
            ]
        } else {
            &[("type", "text"), ("autocomplete", "off")]
        };
        let input: web_sys::HtmlInputElement = ui.el(&l, "input", attrs).unchecked_into();
        ui.el_text(
            &form,
            "button",
            &[("class", "small"), ("type", "submit")],
            button,
        );
        let (act, name) = (act.clone(), n.label.clone());
        ui.on(
            &form,
            "submit",
            Box::new(move |e: web_sys::Event| {
                e.prevent_default();
                act(make(name.clone(), input.value()))
            }),
        );
    }
    if !merged.is_empty() {
        let list = ui.el(
            root,
            "ul",
            &[("class", "merged"), ("aria-label", "Merged names")],
        );
        for m in merged {
            let li = ui.el(&list, "li", &[]);
            ui.text(&li, &format!("{m} "));
            ui.button(
                &li,
                "Split off",
                &[("class", "small")],
                send(Act::Split(m.clone())),
            );
        }
        let li = ui.el(&list, "li", &[]);
        ui.button(
            &li,
            "Split all",
            &[("class", "small")],
            send(Act::Split(n.label.clone())),
        );
    }
    let dl = ui.el(root, "datalist", &[("id", "entity-names")]);
    for name in names {
        ui.el(&dl, "option", &[("value", name)]);
    }
}
