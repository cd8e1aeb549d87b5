//! schema.org `articleBody`: many pages state their story's text in JSON-LD. A page whose
//! visible markup holds almost no story (a script would render it later) gets its story
//! from the stated body, one paragraph per line. (Bringing back frame blocks that the
//! stated body covers was tried and measured: no change on either development set, so it
//! is not here.)

/// The stated body as paragraphs: split at line breaks, white space folded, empty lines
/// left out. Entities were decoded when the JSON-LD was read.
pub fn paragraphs(body: &str) -> Vec<String> {
    body.lines()
        .filter_map(crate::core::details::fold)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_lines() {
        assert_eq!(
            paragraphs("One.\n\n  Two  words.\r\nThree."),
            vec!["One.", "Two words.", "Three."]
        );
    }
}
