//! Lexing HTML: a forgiving tokenizer over `&str` that yields text, start tags (with an
//! allocation-free attribute iterator), end tags and the raw text of script-like elements,
//! and decodes character references. Every step moves forward, so a whole page is read in
//! one linear pass; a lone `<` is text, an unterminated tag or comment runs to the end.

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: super::Words = super::Words::new(
    "script|style|textarea|title|xmp|noscript|template|iframe|noembed|noframes|plaintext",
);

#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    Text(&'a str),
    Start(StartTag<'a>),
    /// An end tag's name as written.
    End(&'a str),
    /// The content of a raw-text element (script, style, title…), then its `End`.
    Raw(&'a str),
    /// Comments, doctypes and processing instructions.
    Other,
}

#[derive(Debug, PartialEq, Eq)]
pub struct StartTag<'a> {
    /// As written; compare with `eq_ignore_ascii_case`.
    pub name: &'a str,
    attrs: &'a str,
    pub self_closing: bool,
}

impl<'a> StartTag<'a> {
    /// Attributes as (name as written, raw value with quotes removed; `""` when bare).
    pub fn attrs(&self) -> Attrs<'a> {
        Attrs {
            rest: self.attrs.as_bytes(),
            src: self.attrs,
            at: 0,
        }
    }

    /// The raw value of the first attribute of that (lower-case) name.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

pub struct Attrs<'a> {
    src: &'a str,
    rest: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        let b = self.rest;
        let mut i = self.at;
        // skip white space, '/' and stray '=' (a name never starts with '=')
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/' || b[i] == b'=') {
            i += 1;
        }
        if i >= b.len() {
            self.at = i;
            return None;
        }
        let ks = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let key = &self.src[ks..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            self.at = i;
            return Some((key, ""));
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
            let q = b[i];
            let vs = i + 1;
            let mut j = vs;
            while j < b.len() && b[j] != q {
                j += 1;
            }
            i = (j + 1).min(b.len());
            &self.src[vs..j]
        } else {
            let vs = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            &self.src[vs..i]
        };
        self.at = i;
        Some((key, value))
    }
}

pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    /// After a raw-text start tag: its name, whose end tag closes the raw text.
    raw: Option<&'a str>,
    /// After raw text: the end tag to yield, and where the input goes on.
    pending_end: Option<(&'a str, usize)>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer {
            src,
            pos: 0,
            raw: None,
            pending_end: None,
        }
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;
    fn next(&mut self) -> Option<Token<'a>> {
        if let Some((name, to)) = self.pending_end.take() {
            self.pos = to;
            return Some(Token::End(name));
        }
        let src = self.src;
        if let Some(name) = self.raw.take() {
            let (content_end, after) = find_end_tag(src, self.pos, name);
            let raw = &src[self.pos..content_end];
            self.pending_end = Some((name, after));
            self.pos = content_end;
            return Some(Token::Raw(raw));
        }
        let bytes = src.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return None;
        }
        if bytes[start] != b'<' {
            let end = memchr_lt(bytes, start + 1);
            self.pos = end;
            return Some(Token::Text(&src[start..end]));
        }
        match tag_at(src, start) {
            Some((tok, end)) => {
                self.pos = end;
                if let Token::Start(t) = &tok {
                    if !t.self_closing && RAW_TEXT.position_ci(t.name).is_some() {
                        self.raw = Some(t.name);
                    }
                }
                Some(tok)
            }
            None => {
                // a lone '<' is text, up to the next '<'
                let end = memchr_lt(bytes, start + 1);
                self.pos = end;
                Some(Token::Text(&src[start..end]))
            }
        }
    }
}

fn memchr_lt(bytes: &[u8], from: usize) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .position(|&c| c == b'<')
        .map_or(bytes.len(), |p| from + p)
}

/// A tag at `src[at] == '<'` and where it ends; `None` when it is not a tag.
fn tag_at(src: &str, at: usize) -> Option<(Token<'_>, usize)> {
    let rest = &src[at..];
    if let Some(r) = rest.strip_prefix("<!--") {
        let end = r.find("-->").map_or(src.len(), |p| at + 4 + p + 3);
        return Some((Token::Other, end));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(src.len(), |p| at + p + 1);
        return Some((Token::Other, end));
    }
    let (end_tag, name_at) = if rest.starts_with("</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let rb = rest.as_bytes();
    if !rb.get(name_at)?.is_ascii_alphabetic() {
        return None;
    }
    let mut j = name_at;
    while j < rb.len() && !rb[j].is_ascii_whitespace() && rb[j] != b'/' && rb[j] != b'>' {
        j += 1;
    }
    let name = &rest[name_at..j];
    let attrs_at = j;
    let mut quote: Option<u8> = None;
    while j < rb.len() {
        let c = rb[j];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => break,
            None => {}
        }
        j += 1;
    }
    let end = if j < rb.len() { at + j + 1 } else { src.len() };
    if end_tag {
        return Some((Token::End(name), end));
    }
    let attrs = &rest[attrs_at..j.min(rest.len())];
    let self_closing = attrs.trim_end().ends_with('/');
    Some((
        Token::Start(StartTag {
            name,
            attrs,
            self_closing,
        }),
        end,
    ))
}

/// Finds `</name` (case-insensitive) from `from`; returns (content end, after the end tag).
fn find_end_tag(src: &str, from: usize, name: &str) -> (usize, usize) {
    let b = src.as_bytes();
    let n = name.len();
    let mut p = from;
    while let Some(q) = src[p..].find("</") {
        let at = p + q;
        let tail = &b[at + 2..];
        if tail.len() >= n
            && tail[..n].eq_ignore_ascii_case(name.as_bytes())
            && tail
                .get(n)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            let after = src[at..].find('>').map_or(src.len(), |r| at + r + 1);
            return (at, after);
        }
        p = at + 2;
    }
    (src.len(), src.len())
}

/// Latin-1 entity names, in code-point order from U+00A0.
const LATIN1: super::Words = super::Words::new(
    "nbsp|iexcl|cent|pound|curren|yen|brvbar|sect|uml|copy|ordf|laquo|not|shy|reg|macr|deg|plusmn|sup2|sup3|acute|micro|para|middot|cedil|sup1|ordm|raquo|frac14|frac12|frac34|iquest|Agrave|Aacute|Acirc|Atilde|Auml|Aring|AElig|Ccedil|Egrave|Eacute|Ecirc|Euml|Igrave|Iacute|Icirc|Iuml|ETH|Ntilde|Ograve|Oacute|Ocirc|Otilde|Ouml|times|Oslash|Ugrave|Uacute|Ucirc|Uuml|Yacute|THORN|szlig|agrave|aacute|acirc|atilde|auml|aring|aelig|ccedil|egrave|eacute|ecirc|euml|igrave|iacute|icirc|iuml|eth|ntilde|ograve|oacute|ocirc|otilde|ouml|divide|oslash|ugrave|uacute|ucirc|uuml|yacute|thorn|yuml",
);
const OTHER_ENTITIES: super::Words = super::Words::new("amp|lt|gt|quot|apos|ndash|mdash|hellip|lsquo|rsquo|sbquo|ldquo|rdquo|bdquo|bull|euro|trade|dagger|prime|Prime|thinsp|ensp|emsp|zwj|zwnj|lrm|rlm|minus|larr|rarr|OElig|oelig|Scaron|scaron|Yuml|circ|tilde");
/// The characters of `OTHER_ENTITIES`, in the same order.
const OTHER_CHARS: [char; 37] = [
    '&', '<', '>', '"', '\'', '–', '—', '…', '‘', '’', '‚', '“', '”', '„', '•', '€', '™', '†', '′',
    '″', '\u{2009}', '\u{2002}', '\u{2003}', '\u{200D}', '\u{200C}', '\u{200E}', '\u{200F}', '−',
    '←', '→', 'Œ', 'œ', 'Š', 'š', 'Ÿ', 'ˆ', '˜',
];

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        });
    }
    if let Some(p) = LATIN1.position(name) {
        return char::from_u32(0xA0 + p as u32);
    }
    OTHER_CHARS.get(OTHER_ENTITIES.position(name)?).copied()
}

/// Decodes character references; unknown ones stay as written.
pub fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        // An entity's name is short: look for its `;` in the next 33 bytes only, so a run
        // of `&` with no `;` is read once, not once per `&`.
        let semi = after.as_bytes()[..after.len().min(33)]
            .iter()
            .position(|&b| b == b';');
        match semi.and_then(|q| entity(&after[..q]).map(|c| (q, c))) {
            Some((q, c)) => {
                out.push(c);
                rest = &after[q + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_attributes() {
        let toks: Vec<Token> = Lexer::new(
            "<P class=\"a b\" id=x data-q='1>2' hidden>t<script>if(a<b)</x></script><!-- c --></p>< 3",
        )
        .collect();
        let Token::Start(p) = &toks[0] else { panic!() };
        assert_eq!(p.name, "P");
        assert_eq!(
            p.attrs().collect::<Vec<_>>(),
            vec![
                ("class", "a b"),
                ("id", "x"),
                ("data-q", "1>2"),
                ("hidden", "")
            ]
        );
        assert_eq!(toks[1], Token::Text("t"));
        assert_eq!(toks[3], Token::Raw("if(a<b)</x>"));
        assert_eq!(toks[4], Token::End("script"));
        assert_eq!(toks[5], Token::Other);
        assert_eq!(toks[6], Token::End("p"));
        assert_eq!(toks[7], Token::Text("< 3"));
    }

    #[test]
    fn entities_by_name() {
        assert_eq!(OTHER_CHARS.len(), OTHER_ENTITIES.iter().count());
        assert_eq!(LATIN1.iter().count(), 96);
        let mut out = String::new();
        decode_entities(
            "&amp;&quot;&apos;&tilde;&rarr;&nbsp;&yuml;&Agrave;&thinsp;&bogus;&amp|lt;",
            &mut out,
        );
        assert_eq!(out, "&\"'˜→\u{a0}ÿÀ\u{2009}&bogus;&amp|lt;");
    }

    #[test]
    fn malformed_input_ends() {
        for s in [
            "<",
            "<p",
            "<!--",
            "</",
            "<a href='x>",
            "<p =a ==b>",
            "<script>",
            "&#x;",
        ] {
            assert!(Lexer::new(s).count() <= s.len() + 2);
        }
    }
}
