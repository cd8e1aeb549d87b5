//! schema.org `articleBody` as evidence. Many pages state their story's text in JSON-LD.
//! A block the frame hid that the stated body covers word for word is brought back; and
//! a page whose visible markup holds almost no story (rendered later by a script) gets its
//! story from the stated body, one paragraph per line.

/// Word trigrams of a text, hashed, sorted and deduplicated: a small set to look up in.
pub struct Shingles(Vec<u64>);

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

fn hash3(a: &str, b: &str, c: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [a, "\u{1}", b, "\u{1}", c] {
        for byte in part.bytes() {
            h ^= byte as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn trigrams(s: &str) -> Vec<u64> {
    let w: Vec<String> = words(s).collect();
    w.windows(3).map(|t| hash3(&t[0], &t[1], &t[2])).collect()
}

impl Shingles {
    pub fn of(body: &str) -> Shingles {
        let mut v = trigrams(body);
        v.sort_unstable();
        v.dedup();
        Shingles(v)
    }

    /// The share of a text's word trigrams found in the body (0 for under three words).
    pub fn coverage(&self, text: &str) -> f32 {
        let t = trigrams(text);
        if t.is_empty() {
            return 0.0;
        }
        let found = t.iter().filter(|h| self.0.binary_search(h).is_ok()).count();
        found as f32 / t.len() as f32
    }
}

/// The stated body as paragraphs: split at line breaks, white space folded, empty lines
/// left out. Entities were decoded when the JSON-LD was read.
pub fn paragraphs(body: &str) -> Vec<String> {
    body.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_counts_shared_trigrams() {
        let s = Shingles::of("The council voted on Tuesday to close the bridge for repairs.");
        assert_eq!(s.coverage("the council voted on Tuesday"), 1.0);
        assert_eq!(s.coverage("Subscribe now for one pound"), 0.0);
        assert_eq!(s.coverage("two words"), 0.0);
        assert!(s.coverage("The council voted on Monday to close the bridge") > 0.5);
    }

    #[test]
    fn paragraphs_are_lines() {
        assert_eq!(
            paragraphs("One.\n\n  Two  words.\r\nThree."),
            vec!["One.", "Two words.", "Three."]
        );
    }
}
