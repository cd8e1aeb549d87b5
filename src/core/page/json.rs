//! A small JSON reader for the page's JSON-LD: values as a tree of vectors (objects keep
//! their keys in order, no map), nesting bounded, one pass. The app's files are read by
//! serde; this one exists because `serde_json::Value` brings a B-tree map and its
//! deserializer into the download for a few fields of metadata.

#[derive(Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, unread (JSON-LD metadata needs none).
    Number,
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Deeper nesting than this is refused (the value is `None`).
const MAX_DEPTH: usize = 64;

impl Json {
    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Parses one JSON value (white space around it allowed); `None` when it is not JSON.
pub fn parse(s: &str) -> Option<Json> {
    let mut p = Parser {
        b: s.as_bytes(),
        s,
        at: 0,
    };
    let v = p.value(0)?;
    p.ws();
    (p.at == p.b.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.at < self.b.len() && self.b[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn word(&mut self, w: &str, v: Json) -> Option<Json> {
        self.s[self.at..].starts_with(w).then(|| {
            self.at += w.len();
            v
        })
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.at)? {
            b'{' => {
                self.at += 1;
                let mut m = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Obj(m));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    let v = self.value(depth + 1)?;
                    m.push((k, v));
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b'}').then_some(Json::Obj(m));
                }
            }
            b'[' => {
                self.at += 1;
                let mut a = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Arr(a));
                }
                loop {
                    a.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b']').then_some(Json::Arr(a));
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'n' => self.word("null", Json::Null),
            c if c == b'-' || c.is_ascii_digit() => {
                while self.at < self.b.len()
                    && matches!(
                        self.b[self.at],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.at += 1;
                }
                Some(Json::Number)
            }
            _ => None,
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.at..self.at + 4)?;
        let v = u32::from_str_radix(h, 16).ok()?;
        self.at += 4;
        Some(v)
    }

    fn string(&mut self) -> Option<String> {
        if self.b.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.b[self.at..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\')?;
            out.push_str(&self.s[self.at..self.at + run]);
            self.at += run;
            if self.b[self.at] == b'"' {
                self.at += 1;
                return Some(out);
            }
            self.at += 1;
            // the escaped character may be any character (not only ASCII): step over all of it
            let escaped = self.s.get(self.at..)?.chars().next()?;
            let e = if escaped.is_ascii() { escaped as u8 } else { 0 };
            self.at += escaped.len_utf8();
            match e {
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b'r' => out.push('\r'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'u' => {
                    let mut c = self.hex4()?;
                    if (0xD800..0xDC00).contains(&c) && self.s[self.at..].starts_with("\\u") {
                        self.at += 2;
                        let lo = self.hex4()?;
                        c = 0x10000 + ((c - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                    }
                    out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                }
                0 => out.push(escaped),
                other => out.push(other as char),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_ld_holds() {
        let v = parse(
            r#" {"@type":["NewsArticle"],"n":-1.5e3,"ok":true,"x":null,
            "headline":"A \"quoted\" caf\u00e9 \ud83d\ude00\n","a":[{"name":"Ann"}]} "#,
        )
        .unwrap();
        assert_eq!(
            v.get("headline"),
            Some(&Json::Str("A \"quoted\" café 😀\n".into()))
        );
        assert_eq!(v.get("n"), Some(&Json::Number));
        assert!(
            matches!(v.get("a"), Some(Json::Arr(a)) if a[0].get("name") == Some(&Json::Str("Ann".into())))
        );
    }

    #[test]
    fn malformed_or_deep_input_is_none() {
        for s in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "\"abc",
            "{\"a\":1}x",
            "tru",
            "\"\\u12\"",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
        assert_eq!(parse(&"[".repeat(100_000)), None);
        // an escaped non-ASCII character is kept whole, never cut
        assert_eq!(parse("\"a\\é😀b\""), Some(Json::Str("aé😀b".into())));
        assert!(parse(&format!("{}1{}", "[".repeat(60), "]".repeat(60))).is_some());
    }
}
