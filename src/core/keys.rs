//! Which key does what, and where: the one router of the app's keys. Each keyboard
//! handler in the app says where the key was pressed (`Place`) and does the `Command` this
//! returns, or nothing; no handler decides by itself which keys it owns. With it, the
//! arithmetic the keys drive: the next sentence for `j` / `k` and the steps of the graph's
//! arrows. (The pointer's gestures on the graph are `graph::gesture`.)

use super::offsets::Span;

/// A key as pressed: its `KeyboardEvent.key` and modifiers.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub shift: bool,
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
}

/// Where a key was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Anywhere on the page not listed below (the window's handler).
    Page,
    /// The page, with the focus in a text field or with Ctrl, Alt or Meta held: the
    /// field's keys are the person's, but Escape still closes the form.
    PageTyping,
    /// The article (focused).
    Article,
    /// A form (the claim form, the link form, renaming an article).
    Form,
    /// A suggestion in the suggestions list (the item itself, not one of its buttons).
    Suggestion,
    /// The graph's drawing, on no node.
    GraphView,
    /// A node of the graph (focused).
    GraphNode,
}

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    /// `c`: tag the selected words as a claim.
    TagSelection,
    /// `e`: edit the selected claim.
    EditClaim,
    /// `Delete`: delete the selected claim (with Undo).
    DeleteClaim,
    /// `Escape` on the page: close the form, the dialogs, and deselect.
    Dismiss,
    /// Ctrl+Z (Cmd+Z) outside text fields: undo the last edit.
    Undo,
    /// Ctrl+Shift+Z or Ctrl+Y outside text fields: redo the last edit undone.
    Redo,
    /// `Escape` in a form: cancel it.
    Cancel,
    /// `j` / `k` (with Shift, `J` / `K`: extend or shrink by one): the next or previous
    /// sentence (`next_sentence`).
    Sentence { forward: bool, extend: bool },
    /// Shift+arrows (with Ctrl: by a word): move the selection's end by a character.
    Adjust { forward: bool, word: bool },
    /// `Enter` on a suggestion.
    Accept,
    /// `Delete` on a suggestion (with Undo).
    Reject,
    /// `e` on a suggestion: open it in the claim form.
    EditSuggestion,
    /// Arrows on the drawing: pan by this many screen pixels.
    Pan { dx: f64, dy: f64 },
    /// Arrows on a node: move it (and pin it) by this many screen pixels.
    Nudge { dx: f64, dy: f64 },
    /// `Enter` on a node: show it and its neighbours only.
    Focus,
    /// `Space` on a node: show its first mention in the text.
    ShowInText,
    /// `l` on a node: draw a link from it.
    StartLink,
    /// `p` on a node: unpin it.
    Unpin,
    /// `Escape` on a node: show the whole graph again.
    ShowAll,
}

/// Arrow steps in screen pixels: panning the drawing, and moving a node (Shift: the larger).
pub const PAN_STEP: f64 = 40.0;
pub const PAN_STEP_LARGE: f64 = 160.0;
pub const NUDGE_STEP: f64 = 10.0;
pub const NUDGE_STEP_LARGE: f64 = 40.0;

/// The command of a key pressed at a place, if it has one there.
pub fn route(place: Place, k: &KeyPress) -> Option<Command> {
    let arrow = || match k.key {
        "ArrowLeft" => Some((-1.0, 0.0)),
        "ArrowRight" => Some((1.0, 0.0)),
        "ArrowUp" => Some((0.0, -1.0)),
        "ArrowDown" => Some((0.0, 1.0)),
        _ => None,
    };
    match place {
        // a text field's own Ctrl+Z is its own: it comes here as `PageTyping`
        Place::Page if (k.ctrl || k.meta) && !k.alt => match k.key {
            "z" | "Z" if k.shift => Some(Command::Redo),
            // "Z" without Shift: Caps Lock
            "z" | "Z" => Some(Command::Undo),
            "y" | "Y" => Some(Command::Redo),
            _ => route(Place::PageTyping, k),
        },
        Place::Page if k.alt => route(Place::PageTyping, k),
        Place::Page => match k.key {
            "c" => Some(Command::TagSelection),
            "e" => Some(Command::EditClaim),
            "Delete" | "Backspace" => Some(Command::DeleteClaim),
            "Escape" => Some(Command::Dismiss),
            _ => None,
        },
        Place::PageTyping | Place::Form => (k.key == "Escape").then_some(Command::Cancel),
        Place::Article => {
            if (k.ctrl && !k.shift) || k.meta || k.alt {
                return None;
            }
            match k.key {
                "j" | "J" | "k" | "K" => Some(Command::Sentence {
                    forward: k.key.eq_ignore_ascii_case("j"),
                    extend: k.shift,
                }),
                "ArrowRight" | "ArrowLeft" if k.shift => Some(Command::Adjust {
                    forward: k.key == "ArrowRight",
                    word: k.ctrl,
                }),
                _ => None,
            }
        }
        Place::Suggestion => match k.key {
            "Enter" => Some(Command::Accept),
            "Delete" | "Backspace" => Some(Command::Reject),
            "e" => Some(Command::EditSuggestion),
            _ => None,
        },
        // the drawing moves against the arrow: ArrowLeft shows what is to the left
        Place::GraphView => arrow().map(|(x, y)| {
            let s = if k.shift { PAN_STEP_LARGE } else { PAN_STEP };
            Command::Pan {
                dx: -x * s,
                dy: -y * s,
            }
        }),
        Place::GraphNode => {
            if let Some((x, y)) = arrow() {
                let s = if k.shift {
                    NUDGE_STEP_LARGE
                } else {
                    NUDGE_STEP
                };
                return Some(Command::Nudge {
                    dx: x * s,
                    dy: y * s,
                });
            }
            match k.key {
                "Enter" => Some(Command::Focus),
                " " => Some(Command::ShowInText),
                "l" => Some(Command::StartLink),
                "p" => Some(Command::Unpin),
                "Escape" => Some(Command::ShowAll),
                _ => None,
            }
        }
    }
}

/// The selection `j` / `k` make from the `current` one over a document's `sentences`
/// (in text order): with nothing selected, the first (forward) or last sentence; else the
/// next or previous sentence, or with `extend`, the selection grown by the next sentence
/// (forward) or shrunk by its last one, keeping at least one. `None`: nothing to move to.
pub fn next_sentence(
    sentences: &[Span],
    current: Option<Span>,
    forward: bool,
    extend: bool,
) -> Option<Span> {
    let Some(cur) = current else {
        return if forward {
            sentences.first().copied()
        } else {
            sentences.last().copied()
        };
    };
    if forward {
        let i = sentences.partition_point(|s| s.start() < cur.end());
        sentences.get(i).map(|s| {
            if extend {
                Span::new(cur.start(), s.end())
            } else {
                *s
            }
        })
    } else if extend {
        let j = sentences.partition_point(|s| s.end() < cur.end());
        (j > 0 && sentences[j - 1].end() > cur.start())
            .then(|| Span::new(cur.start(), sentences[j - 1].end()))
    } else {
        let i = sentences.partition_point(|s| s.end() <= cur.start());
        i.checked_sub(1).map(|k| sentences[k])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            ..KeyPress::default()
        }
    }

    #[test]
    fn each_place_owns_its_keys_and_no_others() {
        assert_eq!(route(Place::Page, &key("c")), Some(Command::TagSelection));
        assert_eq!(route(Place::Page, &key("j")), None, "j is the article's");
        let ctrl_c = KeyPress {
            ctrl: true,
            ..key("c")
        };
        assert_eq!(route(Place::Page, &ctrl_c), None, "Ctrl+C copies");
        let ctrl = |k: &'static str, shift: bool, meta: bool| KeyPress {
            ctrl: !meta,
            meta,
            shift,
            ..key(k)
        };
        assert_eq!(
            route(Place::Page, &ctrl("z", false, false)),
            Some(Command::Undo)
        );
        assert_eq!(
            route(Place::Page, &ctrl("z", false, true)),
            Some(Command::Undo),
            "Cmd+Z"
        );
        assert_eq!(
            route(Place::Page, &ctrl("Z", true, false)),
            Some(Command::Redo)
        );
        assert_eq!(
            route(Place::Page, &ctrl("y", false, false)),
            Some(Command::Redo)
        );
        assert_eq!(
            route(Place::Page, &ctrl("Z", false, false)),
            Some(Command::Undo),
            "Caps Lock"
        );
        assert_eq!(
            route(Place::PageTyping, &ctrl("z", false, false)),
            None,
            "a text field undoes its own typing"
        );
        assert_eq!(route(Place::PageTyping, &key("c")), None);
        assert_eq!(
            route(Place::PageTyping, &key("Escape")),
            Some(Command::Cancel)
        );
        assert_eq!(route(Place::Form, &key("Escape")), Some(Command::Cancel));
        assert_eq!(route(Place::Form, &key("Enter")), None);
        assert_eq!(
            route(
                Place::Article,
                &KeyPress {
                    shift: true,
                    ..key("J")
                }
            ),
            Some(Command::Sentence {
                forward: true,
                extend: true
            })
        );
        assert_eq!(
            route(Place::Article, &key("ArrowRight")),
            None,
            "plain arrows scroll"
        );
        let word = KeyPress {
            shift: true,
            ctrl: true,
            ..key("ArrowLeft")
        };
        assert_eq!(
            route(Place::Article, &word),
            Some(Command::Adjust {
                forward: false,
                word: true
            })
        );
        assert_eq!(
            route(Place::Suggestion, &key("Backspace")),
            Some(Command::Reject)
        );
        assert_eq!(route(Place::Suggestion, &key("c")), None);
        assert_eq!(
            route(Place::GraphNode, &key("Escape")),
            Some(Command::ShowAll)
        );
        assert_eq!(route(Place::GraphView, &key("Escape")), None);
    }

    #[test]
    fn arrows_pan_against_and_nudge_along_their_direction() {
        assert_eq!(
            route(Place::GraphView, &key("ArrowLeft")),
            Some(Command::Pan {
                dx: PAN_STEP,
                dy: -0.0
            })
        );
        let big_down = KeyPress {
            shift: true,
            ..key("ArrowDown")
        };
        assert_eq!(
            route(Place::GraphView, &big_down),
            Some(Command::Pan {
                dx: -0.0,
                dy: -PAN_STEP_LARGE
            })
        );
        assert_eq!(
            route(Place::GraphNode, &big_down),
            Some(Command::Nudge {
                dx: 0.0,
                dy: NUDGE_STEP_LARGE
            })
        );
    }

    #[test]
    fn j_and_k_walk_grow_and_shrink_by_sentences() {
        let s = [Span::new(0, 10), Span::new(11, 20), Span::new(21, 30)];
        assert_eq!(next_sentence(&s, None, true, false), Some(s[0]));
        assert_eq!(next_sentence(&s, None, false, false), Some(s[2]));
        assert_eq!(next_sentence(&s, Some(s[0]), true, false), Some(s[1]));
        assert_eq!(next_sentence(&s, Some(s[2]), true, false), None);
        assert_eq!(next_sentence(&s, Some(s[1]), false, false), Some(s[0]));
        assert_eq!(next_sentence(&s, Some(s[0]), false, false), None);
        // a selection inside a sentence moves to the next whole one
        assert_eq!(
            next_sentence(&s, Some(Span::new(12, 14)), true, false),
            Some(s[2])
        );
        let two = Span::new(0, 20);
        assert_eq!(next_sentence(&s, Some(s[0]), true, true), Some(two));
        assert_eq!(next_sentence(&s, Some(two), false, true), Some(s[0]));
        assert_eq!(
            next_sentence(&s, Some(s[0]), false, true),
            None,
            "one stays"
        );
        assert_eq!(next_sentence(&[], None, true, false), None);
    }
}
