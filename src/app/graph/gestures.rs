//! The pane's gestures: dragging a node, panning, drawing a link, the wheel and the keys.

use super::*;

#[derive(Clone, Copy)]
pub(super) enum Drag {
    Node {
        i: usize,
        x: f64,
        y: f64,
        moved: bool,
    },
    Pan {
        x: f64,
        y: f64,
        tf: Transform,
    },
    Link {
        from: usize,
    },
}

impl Pane {
    pub(super) fn on_down(&mut self, ev: web_sys::Event) {
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        if ev.button() != 0 {
            return;
        }
        if let Some(t) = self.hover_timer.take() {
            t.clear();
        }
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        self.drag = Some(match node_of(ev.target()) {
            Some(i) if ev.shift_key() || self.link_mode => {
                let p = self.canvas.pos(i);
                self.canvas.set_rubber(Some((p, p)));
                Drag::Link { from: i }
            }
            Some(i) => Drag::Node {
                i,
                x,
                y,
                moved: false,
            },
            None => Drag::Pan { x, y, tf: self.tf },
        });
        if let Some(s) = svg_element() {
            let _ = s.set_pointer_capture(ev.pointer_id());
        }
        ev.prevent_default();
    }

    pub(super) fn on_move(&mut self, ev: web_sys::Event) {
        let Some(d) = self.drag else { return };
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        match d {
            Drag::Node {
                i,
                x: x0,
                y: y0,
                moved,
            } => {
                let moved = moved || keys::is_drag(x - x0, y - y0);
                if moved {
                    self.canvas.set_pos(i, to_world(x, y, self.tf));
                }
                self.drag = Some(Drag::Node {
                    i,
                    x: x0,
                    y: y0,
                    moved,
                });
            }
            Drag::Pan {
                x: x0,
                y: y0,
                tf: t,
            } => self.set_tf(Transform {
                x: t.x + x - x0,
                y: t.y + y - y0,
                ..t
            }),
            Drag::Link { from } => {
                let (a, b) = (self.canvas.pos(from), to_world(x, y, self.tf));
                self.canvas.set_rubber(Some((a, b)));
            }
        }
    }

    pub(super) fn on_up(&mut self, ev: web_sys::Event) {
        let Some(d) = self.drag.take() else { return };
        let ev: web_sys::PointerEvent = ev.unchecked_into();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        match d {
            Drag::Node { i, moved: true, .. } => self.pin(i, true),
            Drag::Node {
                i, moved: false, ..
            } => self.show_in_text(i),
            Drag::Pan { x: x0, y: y0, .. } => {
                if (x - x0).abs().max((y - y0).abs()) < 3.0 {
                    self.ctx.graph_node.set(None);
                }
            }
            Drag::Link { from } => {
                self.canvas.set_rubber(None);
                let under = document()
                    .element_from_point(x as f32, y as f32)
                    .map(web_sys::EventTarget::from);
                if let Some(to) = node_of(under).filter(|&t| t != from) {
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
