//! The pointer gestures on the drawing, as a state machine apart from the DOM. A press on a
//! node drags it and pins it where it is let go, or, released where it was pressed, is a
//! click that shows the node in the text. A press on the background pans the view, or,
//! released in place, clears the selection. With Shift held or in link mode, a press on a
//! node stretches a rubber band to the node it is released on, and draws a link.
//!
//! The pane turns pointer events into `press`, `move_to` and `release`, and does what the
//! returned `Step` says; hit-testing and drawing stay with it.

use super::viewport::{to_graph, Transform};
use crate::core::layout::P;

/// How far (in screen pixels, along either axis) a pointer may move between press and
/// release and still count as a click rather than a drag.
pub const CLICK_SLOP: f64 = 3.0;

/// Whether a press that moved by (`dx`, `dy`) screen pixels is a drag.
pub fn is_drag(dx: f64, dy: f64) -> bool {
    dx.abs().max(dy.abs()) > CLICK_SLOP
}

/// A pointer position in screen pixels, relative to the drawing area's corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub x: f64,
    pub y: f64,
}

/// What the pointer went down on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Node(usize),
    Background,
}

/// A gesture under way, from press to release.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gesture {
    /// A node pressed at `from`; `moved` once it went past the click slop.
    Node { i: usize, from: Screen, moved: bool },
    /// The background pressed at `from`, with the view as it was then.
    Pan { from: Screen, tf: Transform },
    /// A link being drawn from a node.
    Link { from: usize },
}

/// What the pane does after a pointer event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    Nothing,
    /// Show the rubber band from node `from` to graph point `to` (`None`: the node itself).
    Rubber {
        from: usize,
        to: Option<P>,
    },
    /// Put node `i` at graph point `to`.
    MoveNode {
        i: usize,
        to: P,
    },
    /// Pan the view to this transform.
    View(Transform),
    /// A node was dragged and let go: pin it where it is.
    Pin(usize),
    /// A node was clicked: show it in the text.
    ShowInText(usize),
    /// The background was clicked: nothing is selected.
    Deselect,
    /// The rubber band is let go: take it away, and draw a link when it ends on another node.
    EndLink {
        from: usize,
        to: Option<usize>,
    },
}

impl Gesture {
    /// A press of the main button on `target` at `at`; `link` when Shift is held or the pane
    /// is in link mode.
    pub fn press(target: Target, at: Screen, link: bool, tf: Transform) -> (Gesture, Step) {
        match target {
            Target::Node(i) if link => (
                Gesture::Link { from: i },
                Step::Rubber { from: i, to: None },
            ),
            Target::Node(i) => (
                Gesture::Node {
                    i,
                    from: at,
                    moved: false,
                },
                Step::Nothing,
            ),
            Target::Background => (Gesture::Pan { from: at, tf }, Step::Nothing),
        }
    }

    /// The pointer moved to `at` while pressed, the view being `tf`.
    pub fn move_to(&mut self, at: Screen, tf: Transform) -> Step {
        match self {
            Gesture::Node { i, from, moved } => {
                *moved = *moved || is_drag(at.x - from.x, at.y - from.y);
                if *moved {
                    Step::MoveNode {
                        i: *i,
                        to: to_graph(tf, (at.x, at.y)),
                    }
                } else {
                    Step::Nothing
                }
            }
            Gesture::Pan { from, tf: t } => Step::View(Transform {
                x: t.x + at.x - from.x,
                y: t.y + at.y - from.y,
                ..*t
            }),
            Gesture::Link { from } => Step::Rubber {
                from: *from,
                to: Some(to_graph(tf, (at.x, at.y))),
            },
        }
    }

    /// The pointer was let go at `at`; `under` says which node is there (asked only when a
    /// link is being drawn).
    pub fn release(self, at: Screen, under: impl FnOnce() -> Option<usize>) -> Step {
        match self {
            Gesture::Node { i, moved: true, .. } => Step::Pin(i),
            Gesture::Node { i, .. } => Step::ShowInText(i),
            Gesture::Pan { from, .. } if !is_drag(at.x - from.x, at.y - from.y) => Step::Deselect,
            Gesture::Pan { .. } => Step::Nothing,
            Gesture::Link { from } => Step::EndLink {
                from,
                to: under().filter(|&t| t != from),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TF: Transform = Transform {
        x: 10.0,
        y: 20.0,
        k: 2.0,
    };

    fn at(x: f64, y: f64) -> Screen {
        Screen { x, y }
    }

    #[test]
    fn a_press_that_moves_a_few_pixels_is_still_a_click() {
        assert!(!is_drag(0.0, 0.0));
        assert!(!is_drag(-3.0, 2.5));
        assert!(is_drag(3.5, 0.0));
        assert!(is_drag(0.0, -10.0));
        let (mut g, step) = Gesture::press(Target::Node(4), at(100.0, 100.0), false, TF);
        assert_eq!(step, Step::Nothing);
        assert_eq!(
            g.move_to(at(102.0, 99.0), TF),
            Step::Nothing,
            "a tremor moves nothing"
        );
        assert_eq!(
            g.release(at(102.0, 99.0), || panic!("no hit test")),
            Step::ShowInText(4)
        );
    }

    #[test]
    fn a_dragged_node_follows_the_pointer_in_graph_units_and_is_pinned() {
        let (mut g, _) = Gesture::press(Target::Node(1), at(100.0, 100.0), false, TF);
        assert_eq!(
            g.move_to(at(110.0, 120.0), TF),
            Step::MoveNode {
                i: 1,
                to: P { x: 50.0, y: 50.0 }
            }
        );
        // once a drag, back at the start it is still a drag
        assert!(matches!(
            g.move_to(at(100.0, 100.0), TF),
            Step::MoveNode { i: 1, .. }
        ));
        assert_eq!(g.release(at(100.0, 100.0), || None), Step::Pin(1));
    }

    #[test]
    fn the_background_pans_from_where_the_view_was_and_a_click_on_it_deselects() {
        let (mut g, _) = Gesture::press(Target::Background, at(50.0, 50.0), false, TF);
        assert_eq!(
            g.move_to(at(60.0, 45.0), TF),
            Step::View(Transform {
                x: 20.0,
                y: 15.0,
                k: 2.0
            })
        );
        // the pan is measured from the press, not from the last move
        assert_eq!(
            g.move_to(at(70.0, 50.0), TF),
            Step::View(Transform {
                x: 30.0,
                y: 20.0,
                k: 2.0
            })
        );
        assert_eq!(g.release(at(70.0, 50.0), || None), Step::Nothing);
        let (g, _) = Gesture::press(Target::Background, at(50.0, 50.0), false, TF);
        assert_eq!(g.release(at(51.0, 52.0), || None), Step::Deselect);
    }

    #[test]
    fn a_link_is_drawn_to_another_node_and_never_to_itself() {
        let (mut g, step) = Gesture::press(Target::Node(2), at(0.0, 0.0), true, TF);
        assert_eq!(step, Step::Rubber { from: 2, to: None });
        assert_eq!(
            g.move_to(at(30.0, 40.0), TF),
            Step::Rubber {
                from: 2,
                to: Some(P { x: 10.0, y: 10.0 })
            }
        );
        assert_eq!(
            g.release(at(30.0, 40.0), || Some(7)),
            Step::EndLink {
                from: 2,
                to: Some(7)
            }
        );
        let (g, _) = Gesture::press(Target::Node(2), at(0.0, 0.0), true, TF);
        assert_eq!(
            g.release(at(0.0, 0.0), || Some(2)),
            Step::EndLink { from: 2, to: None }
        );
        let (g, _) = Gesture::press(Target::Node(2), at(0.0, 0.0), true, TF);
        assert_eq!(
            g.release(at(0.0, 0.0), || None),
            Step::EndLink { from: 2, to: None }
        );
        // link mode on the background still pans
        let (g, _) = Gesture::press(Target::Background, at(0.0, 0.0), true, TF);
        assert!(matches!(g, Gesture::Pan { .. }));
    }
}
