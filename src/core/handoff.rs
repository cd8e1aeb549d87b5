//! *Send to Gloss*: the bookmarklet that hands a news page to Gloss, and the rules Gloss
//! applies to what it receives. Pure: the web layer (`web::handoff`) reads the browser's
//! message event into an [`Incoming`] of plain data, and [`judge`] decides.
//!
//! The exchange, with origins checked both ways:
//! 1. On the news page the bookmarklet opens `GLOSS_URL#receive` in a new window and listens.
//! 2. Gloss, opened that way, posts [`READY`] to `window.opener` (nothing secret in it).
//! 3. The bookmarklet answers only a [`READY`] whose `event.source` is the window it opened
//!    and whose `event.origin` is exactly Gloss's origin, and sends [`PAGE`] (`url`, `html`)
//!    with Gloss's origin as `targetOrigin`, so no other site can read the page.
//! 4. Gloss accepts [`PAGE`] only from `window.opener`, and only when the URL it claims has
//!    the origin the browser reports for the sender (`event.origin`). Every field is
//!    type-checked and size-limited; the HTML only ever goes to the parser.

use super::parse::MAX_INPUT_BYTES;
use std::fmt::Write;

/// The fragment that makes Gloss wait for a page from the window that opened it.
pub const RECEIVE_HASH: &str = "#receive";
/// Message type Gloss sends to the opener when it is ready to receive.
pub const READY: &str = "gloss:ready";
/// Message type of a page sent by the bookmarklet.
pub const PAGE: &str = "gloss:page";
/// The version of the exchange; a message of any other version is refused.
pub const VERSION: f64 = 1.0;
/// How long Gloss waits for the page once it has said it is ready.
pub const TIMEOUT_MS: u32 = 10_000;
/// The longest URL accepted (browsers allow about 2 MB, news pages use a few hundred bytes).
pub const MAX_URL_BYTES: usize = 8 * 1024;

/// The bookmarklet's code. `GLOSS_ORIGIN` and `GLOSS_URL` are replaced by JavaScript string
/// literals. It sends nothing until Gloss, in the window it opened, says it is ready.
const TEMPLATE: &str = concat!(
    "(()=>{",
    "const g=GLOSS_ORIGIN,w=window.open(GLOSS_URL,\"_blank\");",
    "if(!w){window.alert(\"Send to Gloss: the browser blocked the new window. ",
    "Allow pop-ups for this site, then click the bookmark again.\");return}",
    "const f=e=>{",
    "if(e.source!==w||e.origin!==g||!e.data||e.data.type!==\"gloss:ready\")return;",
    "window.removeEventListener(\"message\",f);",
    "w.postMessage({type:\"gloss:page\",version:1,url:location.href,",
    "html:document.documentElement.outerHTML},g)};",
    "window.addEventListener(\"message\",f);",
    "setTimeout(()=>window.removeEventListener(\"message\",f),60000)",
    "})()"
);

/// The bookmarklet's `href` for Gloss served at `origin` + `path` (the page's
/// `location.origin` and `location.pathname`). `None` when Gloss is not served over http
/// or https (a file, a sandbox): no window could check its origin then.
pub fn bookmarklet(origin: &str, path: &str) -> Option<String> {
    if origin_of(origin).as_deref() != Some(origin) || !path.starts_with('/') {
        return None;
    }
    if path
        .bytes()
        .any(|b| b <= b' ' || b == b'#' || b == b'?' || b >= 0x7f)
    {
        return None;
    }
    let url = format!("{origin}{path}{RECEIVE_HASH}");
    let code = TEMPLATE
        .replace("GLOSS_ORIGIN", &js_string(origin))
        .replace("GLOSS_URL", &js_string(&url));
    Some(format!("javascript:{}", percent_encode(&code)))
}

/// A JavaScript string literal of `s` (checked printable ASCII: only `"` and `\\` to escape).
fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Percent-encodes what a URL may change or read specially (`%`, `#`, spaces, quotes,
/// brackets, anything outside printable ASCII), so the browser runs exactly `code`.
fn percent_encode(code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    for b in code.bytes() {
        let plain = b.is_ascii_graphic() && !b"%#\"<>[]\\^`{|}".contains(&b);
        if plain {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// The origin (`scheme://host[:port]`, as browsers serialise it) of an http or https URL;
/// `None` for any other scheme or a URL with no usable host. Default ports are dropped and
/// the scheme and host lower-cased, so it compares equal to the browser's `event.origin`.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let default_port = if scheme.eq_ignore_ascii_case("http") {
        80
    } else if scheme.eq_ignore_ascii_case("https") {
        443
    } else {
        return None;
    };
    // read by bytes: every delimiter is ASCII, and a usable host is ASCII
    let rest = rest.as_bytes();
    let end = rest
        .iter()
        .position(|c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    let host_port = match authority.iter().rposition(|&c| c == b'@') {
        Some(at) => &authority[at + 1..],
        None => authority,
    };
    let (host, port) = if host_port.first() == Some(&b'[') {
        let close = host_port.iter().position(|&c| c == b']')?;
        let port = match &host_port[close + 1..] {
            [] => None,
            [b':', p @ ..] => Some(p),
            _ => return None,
        };
        let inside = &host_port[1..close];
        let ok = !inside.is_empty()
            && inside
                .iter()
                .all(|c| c.is_ascii_hexdigit() || matches!(c, b':' | b'.'));
        (ok.then_some(&host_port[..=close])?, port)
    } else {
        let (host, port) = match host_port.iter().position(|&c| c == b':') {
            Some(i) => (&host_port[..i], Some(&host_port[i + 1..])),
            None => (host_port, None),
        };
        let ok = !host.is_empty()
            && host
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_'));
        (ok.then_some(host)?, port)
    };
    let port = match port {
        None | Some([]) => None,
        Some(p) => {
            if p.len() > 5 || !p.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let n = p.iter().fold(0, |n, c| n * 10 + u32::from(c - b'0'));
            if n > 65535 {
                return None;
            }
            (n != default_port).then_some(n)
        }
    };
    let mut origin = String::from(if default_port == 80 {
        "http://"
    } else {
        "https://"
    });
    origin.extend(host.iter().map(|c| char::from(c.to_ascii_lowercase())));
    if let Some(p) = port {
        let _ = write!(origin, ":{p}");
    }
    Some(origin)
}

/// One field of a received message, as the web layer found it. Text longer than the limit
/// is not copied out of the browser: only its length (in UTF-16 units) is reported.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Absent,
    Text(String),
    /// Text of this many UTF-16 units, too long to read.
    LongText(usize),
    Number(f64),
    /// Anything else, by its JavaScript type (`"object"`, `"boolean"`, …).
    Other(String),
}

impl Field {
    fn describe(&self) -> String {
        match self {
            Field::Absent => "missing".into(),
            Field::Text(_) | Field::LongText(_) => "text".into(),
            Field::Number(_) => "a number".into(),
            Field::Other(t) => format!("of type {t}"),
        }
    }
}

/// A message event, as plain data: who sent it and the fields of its `data`.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    /// Whether `event.source` is `window.opener`.
    pub from_opener: bool,
    /// `event.origin`, as the browser reports it.
    pub origin: String,
    pub kind: Field,
    pub version: Field,
    pub url: Field,
    pub html: Field,
}

/// A page handed over and accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub url: String,
    /// The sender's origin (equal to the URL's).
    pub origin: String,
    pub html: String,
}

/// Why no page was opened. Each reads as a sentence for the person.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Gloss was opened at `#receive` but not by a page (typed, bookmarked, reloaded), or
    /// the site cut the link between its window and Gloss's.
    NoOpener,
    /// The page that opened Gloss was closed before it sent anything.
    OpenerClosed,
    TimedOut,
    /// A page message from a window other than the one that opened Gloss.
    NotOpener {
        origin: String,
    },
    /// A sender that is not an http or https page (a file, a sandboxed frame: `null`).
    NotWeb {
        origin: String,
    },
    Version {
        found: String,
    },
    Field {
        name: &'static str,
        found: String,
    },
    BadUrl,
    TooLarge {
        units: usize,
    },
    Empty,
    /// The URL the message claims is not on the origin that sent it.
    OriginMismatch {
        claimed: String,
        sender: String,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NOTHING: &str = "Nothing was added.";
        match self {
            Problem::NoOpener => write!(f, "Send to Gloss: no page opened this window, so there is nothing to receive. Click the Send to Gloss bookmark on a news page (some sites do not let another window talk to theirs; then save the page and open the file instead)."),
            Problem::OpenerClosed => write!(f, "Send to Gloss: the page that opened this window was closed before it sent anything. {NOTHING}"),
            Problem::TimedOut => write!(f, "Send to Gloss: no page arrived within {} seconds. Click the bookmark on the news page again. {NOTHING}", TIMEOUT_MS / 1000),
            Problem::NotOpener { origin } => write!(f, "Send to Gloss refused a page from {origin}: it came from a window other than the page that opened Gloss. {NOTHING}"),
            Problem::NotWeb { origin } => write!(f, "Send to Gloss refused a page from “{origin}”: only pages of http and https sites are taken. Open a saved file with New article instead. {NOTHING}"),
            Problem::Version { found } => write!(f, "Send to Gloss refused a page sent by another version of the bookmarklet ({found}). Drag the Send to Gloss link to your bookmarks again. {NOTHING}"),
            Problem::Field { name, found } => write!(f, "Send to Gloss refused a page whose {name} is {found}, not text. {NOTHING}"),
            Problem::BadUrl => write!(f, "Send to Gloss refused a page whose address is not a web address. {NOTHING}"),
            Problem::TooLarge { units } => write!(f, "Send to Gloss refused a page of about {:.1} MB: the limit is {} MB. {NOTHING}", *units as f64 / 1e6, MAX_INPUT_BYTES / (1024 * 1024)),
            Problem::Empty => write!(f, "Send to Gloss received an empty page. {NOTHING}"),
            Problem::OriginMismatch { claimed, sender } => write!(f, "Send to Gloss refused a page that says it is from {claimed} but was sent by {sender}. {NOTHING}"),
        }
    }
}

/// What to do with a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Not a Gloss page message (another script's chatter): not ours to answer.
    Ignore,
    Accept(Page),
    Refuse(Problem),
}

/// Decides on a received message: accepted only from the opener, of this version, with
/// text fields within their limits and a URL on the sender's own origin.
pub fn judge(msg: Incoming) -> Verdict {
    if msg.kind != Field::Text(PAGE.into()) {
        return Verdict::Ignore;
    }
    match check(msg) {
        Ok(page) => Verdict::Accept(page),
        Err(p) => Verdict::Refuse(p),
    }
}

fn check(msg: Incoming) -> Result<Page, Problem> {
    if !msg.from_opener {
        return Err(Problem::NotOpener { origin: msg.origin });
    }
    if origin_of(&msg.origin).as_deref() != Some(msg.origin.as_str()) {
        return Err(Problem::NotWeb { origin: msg.origin });
    }
    if msg.version != Field::Number(VERSION) {
        return Err(Problem::Version {
            found: msg.version.describe(),
        });
    }
    let url = match msg.url {
        Field::Text(u) => u,
        Field::LongText(_) => return Err(Problem::BadUrl),
        other => {
            return Err(Problem::Field {
                name: "address",
                found: other.describe(),
            })
        }
    };
    if url.len() > MAX_URL_BYTES || url.bytes().any(|b| b <= b' ' || b == 0x7f) {
        return Err(Problem::BadUrl);
    }
    let claimed = origin_of(&url).ok_or(Problem::BadUrl)?;
    if claimed != msg.origin {
        return Err(Problem::OriginMismatch {
            claimed,
            sender: msg.origin,
        });
    }
    let html = match msg.html {
        Field::Text(h) if h.len() > MAX_INPUT_BYTES => {
            return Err(Problem::TooLarge { units: h.len() })
        }
        Field::Text(h) => h,
        Field::LongText(units) => return Err(Problem::TooLarge { units }),
        other => {
            return Err(Problem::Field {
                name: "HTML",
                found: other.describe(),
            })
        }
    };
    if html.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(Page {
        url,
        origin: msg.origin,
        html,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &str = "http://127.0.0.1:8001";

    fn page_msg(origin: &str, url: &str) -> Incoming {
        Incoming {
            from_opener: true,
            origin: origin.into(),
            kind: Field::Text(PAGE.into()),
            version: Field::Number(1.0),
            url: Field::Text(url.into()),
            html: Field::Text("<html><body><p>Story.</p></body></html>".into()),
        }
    }

    fn refused(msg: Incoming) -> Problem {
        match judge(msg) {
            Verdict::Refuse(p) => p,
            v => panic!("expected a refusal, got {v:?}"),
        }
    }

    /// What the browser runs: the href without `javascript:`, percent-decoded.
    fn decode(href: &str) -> String {
        let s = href.strip_prefix("javascript:").expect("a javascript: URL");
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("ascii");
                out.push(u8::from_str_radix(hex, 16).expect("hex"));
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn bookmarklet_targets_the_exact_origin_and_the_receive_url() {
        let href = bookmarklet("http://127.0.0.1:8080", "/gloss/").expect("http is fine");
        assert!(href.starts_with("javascript:"));
        // nothing a URL parser would split, fold or decode differently
        let body = &href["javascript:".len()..];
        assert!(!body.contains(['#', ' ', '"', '\n']));
        assert!(body
            .match_indices('%')
            .all(|(i, _)| body[i + 1..].len() >= 2
                && body.as_bytes()[i + 1].is_ascii_hexdigit()
                && body.as_bytes()[i + 2].is_ascii_hexdigit()));
        let code = decode(&href);
        assert!(
            code.contains(r#"const g="http://127.0.0.1:8080""#),
            "{code}"
        );
        assert!(code.contains(r#"window.open("http://127.0.0.1:8080/gloss/#receive","_blank")"#));
        // sends only to Gloss's origin, only to the window it opened, only once Gloss is ready
        assert!(code.contains("e.source!==w||e.origin!==g"));
        assert!(code.contains("e.data.type!==\"gloss:ready\""));
        assert!(code.ends_with("g)};window.addEventListener(\"message\",f);setTimeout(()=>window.removeEventListener(\"message\",f),60000)})()"));
        assert!(code.contains("url:location.href,html:document.documentElement.outerHTML"));
        assert!(code.contains(&format!("type:\"{PAGE}\",version:{VERSION}")));
        assert_eq!(code.matches('(').count(), code.matches(')').count());
        assert_eq!(code.matches('{').count(), code.matches('}').count());
    }

    #[test]
    fn bookmarklet_needs_a_web_origin_and_a_plain_path() {
        assert!(bookmarklet("https://gloss.example", "/").is_some());
        assert_eq!(bookmarklet("null", "/index.html"), None);
        assert_eq!(bookmarklet("file://", "/home/x/index.html"), None);
        assert_eq!(bookmarklet("https://gloss.example/", "/"), None);
        assert_eq!(bookmarklet("https://Gloss.example", "/"), None);
        assert_eq!(bookmarklet("https://gloss.example", "x"), None);
        assert_eq!(bookmarklet("https://gloss.example", "/a b"), None);
        // a quote in the path stays inside the string literal
        let code = decode(&bookmarklet("https://gloss.example", "/it's/").expect("fine"));
        assert!(code.contains(r#""https://gloss.example/it's/#receive""#));
    }

    #[test]
    fn origins_are_serialised_as_browsers_do() {
        let o = |u: &str| origin_of(u);
        assert_eq!(
            o("https://www.Example.com/news/a?b#c"),
            Some("https://www.example.com".into())
        );
        assert_eq!(
            o("HTTP://example.com:80/"),
            Some("http://example.com".into())
        );
        assert_eq!(
            o("https://example.com:443"),
            Some("https://example.com".into())
        );
        assert_eq!(o("http://127.0.0.1:8001/story.html"), Some(NEWS.into()));
        assert_eq!(
            o("http://user:pw@example.com:8080/x"),
            Some("http://example.com:8080".into())
        );
        assert_eq!(o("http://[::1]:3000/x"), Some("http://[::1]:3000".into()));
        assert_eq!(o("http://[::1]/"), Some("http://[::1]".into()));
        assert_eq!(o("http://example.com:/"), Some("http://example.com".into()));
        assert_eq!(
            o("http://example.com:08080/"),
            Some("http://example.com:8080".into())
        );
        for bad in [
            "ftp://example.com/",
            "file:///home/x.html",
            "javascript:alert(1)",
            "data:text/html,<p>",
            "null",
            "http://",
            "http:///x",
            "http://exa mple.com/",
            "http://example.com:99999/",
            "http://example.com:8a/",
            "http://[::1/",
            "http://[::1]x/",
            "http://exämple.com/",
            "",
        ] {
            assert_eq!(o(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_page_from_the_opener_on_its_own_origin_is_accepted() {
        let Verdict::Accept(page) = judge(page_msg(NEWS, "http://127.0.0.1:8001/story.html"))
        else {
            panic!("accepted")
        };
        assert_eq!(page.url, "http://127.0.0.1:8001/story.html");
        assert_eq!(page.origin, NEWS);
        assert!(page.html.contains("Story."));
    }

    #[test]
    fn other_messages_are_not_ours() {
        let mut m = page_msg(NEWS, "http://127.0.0.1:8001/");
        m.kind = Field::Absent;
        assert_eq!(judge(m.clone()), Verdict::Ignore);
        m.kind = Field::Text("webpackHotUpdate".into());
        assert_eq!(judge(m.clone()), Verdict::Ignore);
        m.from_opener = false;
        m.kind = Field::Other("object".into());
        assert_eq!(judge(m), Verdict::Ignore);
    }

    #[test]
    fn a_page_from_another_window_is_refused() {
        let mut m = page_msg(NEWS, "http://127.0.0.1:8001/story.html");
        m.from_opener = false;
        let p = refused(m);
        assert_eq!(
            p,
            Problem::NotOpener {
                origin: NEWS.into()
            }
        );
        assert!(p
            .to_string()
            .contains("window other than the page that opened Gloss"));
    }

    #[test]
    fn a_url_on_another_origin_than_the_sender_is_refused() {
        for (claimed, want) in [
            ("https://www.example.com/story", "https://www.example.com"),
            ("https://127.0.0.1:8001/story", "https://127.0.0.1:8001"),
            ("http://127.0.0.1:8002/story", "http://127.0.0.1:8002"),
            ("http://localhost:8001/story", "http://localhost:8001"),
        ] {
            let p = refused(page_msg(NEWS, claimed));
            assert_eq!(
                p,
                Problem::OriginMismatch {
                    claimed: want.into(),
                    sender: NEWS.into()
                }
            );
            let text = p.to_string();
            assert!(text.contains(want) && text.contains(NEWS), "{text}");
        }
    }

    #[test]
    fn senders_that_are_not_web_pages_are_refused() {
        for origin in [
            "null",
            "file://",
            "chrome-extension://abc",
            "HTTP://127.0.0.1:8001",
        ] {
            let p = refused(page_msg(origin, "http://127.0.0.1:8001/"));
            assert_eq!(
                p,
                Problem::NotWeb {
                    origin: origin.into()
                }
            );
        }
    }

    #[test]
    fn every_field_is_type_checked() {
        let ok = page_msg(NEWS, "http://127.0.0.1:8001/a");
        let mut m = ok.clone();
        m.version = Field::Absent;
        assert!(matches!(refused(m), Problem::Version { .. }));
        let mut m = ok.clone();
        m.version = Field::Number(2.0);
        let p = refused(m);
        assert!(p.to_string().contains("(a number)"), "{p}");
        let mut m = ok.clone();
        m.version = Field::Text("1".into());
        assert!(matches!(refused(m), Problem::Version { .. }));
        let mut m = ok.clone();
        m.url = Field::Number(3.0);
        assert_eq!(
            refused(m),
            Problem::Field {
                name: "address",
                found: "a number".into()
            }
        );
        let mut m = ok.clone();
        m.url = Field::Other("object".into());
        assert!(matches!(
            refused(m),
            Problem::Field {
                name: "address",
                ..
            }
        ));
        let mut m = ok.clone();
        m.html = Field::Absent;
        assert_eq!(
            refused(m),
            Problem::Field {
                name: "HTML",
                found: "missing".into()
            }
        );
        let mut m = ok.clone();
        m.html = Field::Other("object".into());
        assert!(refused(m).to_string().contains("HTML is of type object"));
        let mut m = ok;
        m.html = Field::Text("  \n ".into());
        assert_eq!(refused(m), Problem::Empty);
    }

    #[test]
    fn sizes_are_limited() {
        let ok = page_msg(NEWS, "http://127.0.0.1:8001/a");
        let mut m = ok.clone();
        m.html = Field::LongText(MAX_INPUT_BYTES + 1);
        let p = refused(m);
        assert!(matches!(p, Problem::TooLarge { .. }));
        assert!(p.to_string().contains("the limit is 32 MB"), "{p}");
        let mut m = ok.clone();
        m.html = Field::Text("x".repeat(MAX_INPUT_BYTES + 1));
        assert!(matches!(refused(m), Problem::TooLarge { .. }));
        let mut m = ok.clone();
        m.url = Field::Text(format!(
            "http://127.0.0.1:8001/{}",
            "a".repeat(MAX_URL_BYTES)
        ));
        assert_eq!(refused(m), Problem::BadUrl);
        let mut m = ok.clone();
        m.url = Field::LongText(10_000_000);
        assert_eq!(refused(m), Problem::BadUrl);
        let mut m = ok;
        m.url = Field::Text("http://127.0.0.1:8001/a\nb".into());
        assert_eq!(refused(m), Problem::BadUrl);
    }

    #[test]
    fn every_problem_reads_as_a_sentence() {
        for p in [
            Problem::NoOpener,
            Problem::OpenerClosed,
            Problem::TimedOut,
            Problem::BadUrl,
            Problem::Empty,
        ] {
            let s = p.to_string();
            assert!(s.starts_with("Send to Gloss") && s.ends_with('.'), "{s}");
        }
        assert!(Problem::TimedOut.to_string().contains("10 seconds"));
    }
}
