//! The pane's gestures: pointer events fed to the core's gesture state machine
//! (`core::graph::gesture`) and its steps done, the wheel and the keys.

use super::*;
use crate::core::graph::gesture::{Gesture, Screen, Step, Target};

impl Pane {
    /// A pointer event's position on the drawing.
    fn screen(ev: &web_sys::PointerEvent) -> Screen {
        let (x, y) = on_svg(ev.client_x() as f64, ev.client_y() as f64);
        Screen { x, y }
    }

    pub(super) fn on_down(&mut self, ev: web_sys::Event) {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        if ev.button() != 0 {
            return;
        }
        if let Some(t) = self.hover_timer.take() {
            t.clear();
        }
        let target = node_of(ev.target()).map_or(Target::Background, Target::Node);
        let link = ev.shift_key() || self.link_mode;
        let (gesture, step) = Gesture::press(target, Self::screen(&ev), link, self.tf);
        self.drag = Some(gesture);
        self.take(step);
        if let Some(s) = svg_element() {
            let _ = s.set_pointer_capture(ev.pointer_id());
        }
        ev.prevent_default();
    }

    pub(super) fn on_move(&mut self, ev: web_sys::Event) {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        let tf = self.tf;
        let Some(step) = self.drag.as_mut().map(|g| g.move_to(Self::screen(&ev), tf)) else {
            return;
        };
        self.take(step);
    }

    pub(super) fn on_up(&mut self, ev: web_sys::Event) {
        let Some(g) = self.drag.take() else { return };
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        let (x, y) = (ev.client_x(), ev.client_y());
        let under = || {
            let el = document().element_from_point(x as f32, y as f32)?;
            node_of(Some(el.into()))
        };
        let step = g.release(Self::screen(&ev), under);
        self.take(step);
    }

    /// Does what a gesture's step says.
    fn take(&mut self, step: Step) {
        match step {
            Step::Nothing => {}
            Step::Rubber { from, to } => {
                let a = self.canvas.pos(from);
                self.canvas.set_rubber(Some((a, to.unwrap_or(a))));
            }
            Step::MoveNode { i, to } => self.canvas.set_pos(i, to),
            Step::View(t) => self.set_tf(t),
            Step::Pin(i) => self.pin(i, true),
            Step::ShowInText(i) => self.show_in_text(i),
            Step::Deselect => self.ctx.graph_node.set(None),
            Step::EndLink { from, to } => {
                self.canvas.set_rubber(None);
                if let Some(to) = to {
                    self.start_link(from, Some(to));
                }
            }
        }
    }

    pub(super) fn on_wheel(&mut self, ev: web_sys::Event) {
        let ev: web_sys::WheelEvent = ev.unchecked_into();
        ev.prevent_default();
        let at = on_svg(ev.client_x() as f64, ev.client_y() as f64);
        self.set_tf(zoom_at(self.tf, at, wheel_factor(ev.delta_y())));
    }

    pub(super) fn on_key(&mut self, ev: web_sys::Event) {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        let key = ev.key();
        let press = crate::web::key_press(&ev, &key);
        let Some(i) = node_of(ev.target()) else {
            // on the drawing itself: arrows pan the view
            if let Some(Command::Pan { dx, dy }) = keys::route(Place::GraphView, &press) {
                let t = self.tf;
                self.set_tf(Transform {
                    x: t.x + dx,
                    y: t.y + dy,
                    ..t
                });
                ev.prevent_default();
            }
            return;
        };
        match keys::route(Place::GraphNode, &press) {
            Some(Command::Nudge { dx, dy }) => {
                // screen pixels, whatever the zoom
                let p = self.canvas.pos(i);
                self.canvas.set_pos(
                    i,
                    P {
                        x: p.x + dx / self.tf.k,
                        y: p.y + dy / self.tf.k,
                    },
                );
                self.pin(i, true);
            }
            Some(Command::Focus) => self.act(Act::Focus(i)),
            Some(Command::ShowInText) => self.show_in_text(i),
            Some(Command::StartLink) => self.start_link(i, None),
            Some(Command::Unpin) => self.pin(i, false),
            Some(Command::ShowAll) => self.act(Act::ShowAll),
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
    }
}
