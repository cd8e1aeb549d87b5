//! Hostile and odd inputs of about 1 MB each, in every format Gloss parses: deep nesting,
//! unclosed constructs, long runs of one character or entity. Shared by the native test
//! (`tests/hostile.rs`: no panic, every span on a character boundary) and the criterion
//! benchmark (`benches/hostile.rs`: each parsed in linear time).

use gloss::core::parse::Format;

/// One hostile input: a name for reports, its format and its text.
pub struct Shape {
    pub name: &'static str,
    pub format: Format,
    pub text: String,
}

/// About `SIZE` bytes of `unit` repeated.
fn fill(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len().max(1) + 1)
}

/// `open` repeated, then `close` repeated as many times, filling about `size` bytes.
fn nest(open: &str, close: &str, size: usize) -> String {
    let n = size / (open.len() + close.len()) + 1;
    let mut s = open.repeat(n);
    s.push_str(&close.repeat(n));
    s
}

/// Every shape, each about `size` bytes.
pub fn shapes(size: usize) -> Vec<Shape> {
    use Format::{Html, Markdown, Text};
    let shape = |name, format, text| Shape { name, format, text };
    let style = format!(
        "<html><body><p>Story.</p><style hidden>{}</style></body></html>",
        fill("p{color:red} ", size)
    );
    vec![
        shape("html nested div", Html, nest("<div>", "</div>", size)),
        shape(
            "html nested li ul",
            Html,
            nest("<li><ul>", "</ul></li>", size),
        ),
        shape("html nested span", Html, nest("<span>", "</span>", size)),
        shape("html unclosed div", Html, fill("<div>", size)),
        shape("html unclosed p", Html, fill("<p>a", size)),
        shape("html stray closing", Html, fill("</div>", size)),
        shape(
            "html nested table",
            Html,
            nest("<table><tr><td>", "</td></tr></table>", size),
        ),
        shape("html nested a", Html, nest("<a href=x>", "</a>", size)),
        shape("html hidden style", Html, style),
        shape(
            "html nbsp",
            Html,
            format!("<p>{}</p>", fill("&nbsp;", size)),
        ),
        shape(
            "html ampersands",
            Html,
            format!("<p>{}</p>", fill("&", size)),
        ),
        shape("html lt", Html, fill("<", size)),
        shape(
            "html unclosed comment",
            Html,
            format!("<p>a</p><!--{}", fill("-", size)),
        ),
        shape(
            "html attributes",
            Html,
            format!("<p {}>a</p>", fill("a=\"b\" ", size)),
        ),
        shape(
            "html unclosed attribute",
            Html,
            format!("<p a=\"{}", fill("x", size)),
        ),
        shape(
            "html script",
            Html,
            format!("<script>{}", fill("</scrip", size)),
        ),
        shape("html headings", Html, fill("<h1>a</h2>", size)),
        shape(
            "html words",
            Html,
            format!("<p>{}</p>", fill("word ", size)),
        ),
        shape("markdown image openers", Markdown, fill("![", size)),
        shape("markdown link openers", Markdown, fill("[", size)),
        shape("markdown nested brackets", Markdown, nest("[", "]", size)),
        shape("markdown link destinations", Markdown, fill("[a](", size)),
        shape("markdown emphasis", Markdown, fill("*", size)),
        shape("markdown underscores", Markdown, fill("_a", size)),
        shape("markdown backticks", Markdown, fill("`", size)),
        shape("markdown quotes", Markdown, fill(">", size)),
        shape("markdown lists", Markdown, fill("- ", size)),
        shape("markdown headings", Markdown, fill("#", size)),
        shape("markdown fences", Markdown, fill("```\n", size)),
        shape("markdown autolinks", Markdown, fill("<a", size)),
        shape("markdown html", Markdown, nest("<div>", "</div>", size)),
        shape("markdown lines", Markdown, fill("a\n", size)),
        shape("text one word", Text, fill("a", size)),
        shape("text abbreviations", Text, fill("Mr. ", size)),
        shape("text quotes", Text, fill("\"", size)),
        shape("text newlines", Text, fill("\n", size)),
        shape("text blank lines", Text, fill("a\n\n", size)),
        shape("text periods", Text, fill(".", size)),
        shape("text cjk", Text, fill("新闻报道说", size)),
        shape("text capitals", Text, fill("Aa ", size)),
    ]
}
