//! The rating scale the person chooses (`core::rating`).

use super::*;

impl Ctx {
    /// The rating scale the person chose (`labels`: their own, one per line); verdicts
    /// already given that it lacks stay, under their names.
    pub fn choose_scale(&self, kind: ScaleKind, labels: &str) -> bool {
        let scale = match Scale::of_kind(kind, labels) {
            Ok(s) => s,
            Err(e) => {
                self.fail(format!("The rating scale was not changed: {e}"));
                return false;
            }
        };
        let mut kept = Vec::new();
        self.library.update(|l| kept = l.set_scale(scale));
        self.persist();
        let mut text = "Rating scale saved: the claim form offers its verdicts.".to_string();
        if !kept.is_empty() {
            text.push_str(&format!(
                " Verdicts already given that it lacks are kept: {}.",
                kept.join(", ")
            ));
        }
        self.say(text);
        true
    }
}
