//! Runs of characters of one class in a text (words, white space), read fast: an ASCII
//! byte is classed by a table made at compile time, any other character by a function
//! of the character. The scans that cut every sentence into words share it.

/// A class of characters: a table of the bytes for ASCII, a function for the rest.
#[derive(Clone, Copy)]
pub(crate) struct Class {
    /// For each byte: 1 an ASCII character of the class, 0 one not of it, 2 a byte of a
    /// longer character (asked of `other`), so a run of ASCII is read one compare a byte.
    bytes: [u8; 256],
    other: fn(char) -> bool,
}

impl Class {
    /// The class of the ASCII bytes `ascii` says and of the other characters `other` says.
    pub(crate) const fn new(ascii: [bool; 128], other: fn(char) -> bool) -> Class {
        let mut bytes = [2u8; 256];
        let mut i = 0;
        while i < 128 {
            bytes[i] = ascii[i] as u8;
            i += 1;
        }
        Class { bytes, other }
    }

    /// Whether `c` is of the class.
    #[cfg(test)]
    pub(crate) fn has(&self, c: char) -> bool {
        if c.is_ascii() {
            self.bytes[c as usize] == 1
        } else {
            (self.other)(c)
        }
    }

    /// The end of the run from byte `i` of `s` of characters that are of the class
    /// (`inside`) or are not (`!inside`): `i` itself when the character there is not such,
    /// or `i` is the end (or not on a character).
    pub(crate) fn run_end(&self, s: &str, mut i: usize, inside: bool) -> usize {
        let bytes = s.as_bytes();
        let want = u8::from(inside);
        loop {
            let rest = bytes.get(i..).unwrap_or_default();
            i += rest
                .iter()
                .position(|&b| self.bytes[usize::from(b)] != want)
                .unwrap_or(rest.len());
            match bytes.get(i) {
                Some(&b) if !b.is_ascii() => {
                    match s.get(i..).and_then(|rest| rest.chars().next()) {
                        Some(c) if (self.other)(c) == inside => i += c.len_utf8(),
                        _ => return i,
                    }
                }
                _ => return i,
            }
        }
    }

    /// The runs of `s` of characters of the class (`inside`) or of characters not of it
    /// (`!inside`), in order, as byte ranges.
    pub(crate) fn runs<'s>(
        &'s self,
        s: &'s str,
        inside: bool,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        let mut i = 0;
        std::iter::from_fn(move || {
            let start = self.run_end(s, i, !inside);
            let end = self.run_end(s, start, inside);
            i = end;
            (end > start).then_some((start, end))
        })
    }
}

/// The table of the ASCII bytes `of` says are of a class (`of` is called at compile time).
macro_rules! ascii_table {
    ($b:ident => $e:expr) => {{
        let mut t = [false; 128];
        let mut i = 0;
        while i < 128 {
            let $b = i as u8;
            t[i] = $e;
            i += 1;
        }
        t
    }};
}
pub(crate) use ascii_table;

/// White space, as `char::is_whitespace` says (`str::split_whitespace` cuts there).
pub(crate) const WHITE_SPACE: Class = Class::new(
    ascii_table!(b => matches!(b, b' ' | b'\t'..=b'\r')),
    char::is_whitespace,
);

/// Letters and digits, as `char::is_alphanumeric` says.
pub(crate) const ALPHANUMERIC: Class = Class::new(
    ascii_table!(b => b.is_ascii_alphanumeric()),
    char::is_alphanumeric,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_the_standard_library_on_every_ascii_character() {
        for b in 0..128u8 {
            let c = char::from(b);
            assert_eq!(WHITE_SPACE.has(c), c.is_whitespace(), "{b}");
            assert_eq!(ALPHANUMERIC.has(c), c.is_alphanumeric(), "{b}");
        }
        for c in ['\u{a0}', '\u{2003}', 'é', '’', '—', '中'] {
            assert_eq!(WHITE_SPACE.has(c), c.is_whitespace(), "{c}");
            assert_eq!(ALPHANUMERIC.has(c), c.is_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn runs_of_white_space_cut_as_split_whitespace() {
        for s in [
            "",
            " ",
            "a",
            " two  words ",
            "tab\tnew\nline\r\x0bvt\x0cff",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next",
            "“quoted,” — dash’s",
        ] {
            let mine: Vec<&str> = WHITE_SPACE.runs(s, false).map(|(a, b)| &s[a..b]).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(mine, std, "{s:?}");
        }
    }
}
