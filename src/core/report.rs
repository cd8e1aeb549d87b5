//! The report of an article's claims, for an editor or for readers: the article's headline,
//! publisher, authors, date and link, counts by verdict, then each claim with its quote,
//! claimant, verdict, type, note and tags, grouped by claimant or by verdict. Written as
//! Markdown and as a standalone HTML document with its own print style. Every piece of
//! text from the article or the person is escaped, and only http and https links are made.

use super::annotation::ClaimType;
use super::details::{byline, fold, link_url, readable_date};
use super::rating::{count_verdicts, Evidence, Scale, Tone, Verdict, VerdictCount};
// text made safe in HTML, in elements and in quoted attributes (the graph exports' escaper)
use super::graph::export::xml_escape as esc;
use super::library::Article;

/// How the claims are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    Claimant,
    Verdict,
}

impl GroupBy {
    pub const ALL: [GroupBy; 2] = [GroupBy::Claimant, GroupBy::Verdict];

    /// The name in form values.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Claimant => "claimant",
            GroupBy::Verdict => "verdict",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GroupBy::Claimant => "By claimant",
            GroupBy::Verdict => "By verdict",
        }
    }

    pub fn parse(s: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

/// The heading of the group of claims no one is named for.
pub const NO_CLAIMANT: &str = "No claimant named";

/// One claim as the report gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its id in the article, for the app to show it in the text.
    pub id: String,
    /// Its words, whitespace folded.
    pub quote: String,
    pub claimant: String,
    pub status: Verdict,
    /// The verdict's label and tone on the library's scale.
    pub verdict: String,
    pub tone: Tone,
    pub kind: ClaimType,
    pub note: String,
    pub tags: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// Claims under one heading: a claimant, or a verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub heading: String,
    pub entries: Vec<Entry>,
}

/// "1 claim", "3 claims".
pub fn claims_count(n: usize) -> String {
    if n == 1 {
        "1 claim".to_string()
    } else {
        format!("{n} claims")
    }
}

/// What is said of one claim under its quote, as plain text: its verdict; its claimant
/// where the heading does not name it (grouped by verdict, or no claimant); its type; its
/// tags. The HTML and the app show them joined with " · ", the Markdown labels each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts<'a> {
    pub verdict: &'a str,
    pub claimant: Option<&'a str>,
    pub kind: &'static str,
    /// The tags, comma-separated; `None` when there are none.
    pub tags: Option<String>,
}

impl Facts<'_> {
    /// "False · The minister · Factual · economy".
    pub fn line(&self) -> String {
        let mut parts = vec![self.verdict.to_string()];
        parts.extend(self.claimant.map(str::to_string));
        parts.push(self.kind.to_string());
        parts.extend(self.tags.clone());
        parts.join(" · ")
    }
}

/// The report of one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The headline, else the article's name in the library.
    pub title: String,
    pub publisher: Option<String>,
    /// "By A and B".
    pub byline: Option<String>,
    /// The date as people read it ("5 March 2024"), else as given.
    pub published: Option<String>,
    /// The canonical link, only when it is http or https.
    pub url: Option<String>,
    /// The verdicts that some claim has, in the scale's order.
    pub counts: Vec<VerdictCount>,
    pub claims: usize,
    pub by: GroupBy,
    pub groups: Vec<Group>,
}

impl Report {
    /// The report of `a`'s claims, in text order within each group. Groups by claimant come
    /// in the order each claimant is first quoted (the claims no one is named for last);
    /// groups by verdict in `scale`'s order, each verdict named as `scale` names it.
    pub fn of(a: &Article, scale: &Scale, by: GroupBy) -> Report {
        let m = a.metadata();
        let entries: Vec<Entry> = a
            .claims()
            .iter()
            .map(|c| Entry {
                id: c.id.clone(),
                quote: fold(a.doc.slice(c.span)).unwrap_or_default(),
                claimant: fold(&c.fields.claimant).unwrap_or_default(),
                status: c.fields.status.clone(),
                verdict: scale.label(&c.fields.status),
                tone: scale.tone(&c.fields.status),
                kind: c.fields.kind,
                note: c.fields.note.trim().to_string(),
                tags: c.fields.tags.clone(),
                evidence: c.fields.evidence.clone(),
            })
            .collect();
        let counts = count_verdicts(entries.iter().map(|e| &e.status), scale);
        let mut groups: Vec<Group> = Vec::new();
        match by {
            GroupBy::Claimant => {
                for e in &entries {
                    let heading = if e.claimant.is_empty() {
                        NO_CLAIMANT
                    } else {
                        e.claimant.as_str()
                    };
                    match groups.iter_mut().find(|g| g.heading == heading) {
                        Some(g) => g.entries.push(e.clone()),
                        None => groups.push(Group {
                            heading: heading.to_string(),
                            entries: vec![e.clone()],
                        }),
                    }
                }
                // the unattributed last (a stable partition keeps the rest in order)
                let (named, none): (Vec<Group>, Vec<Group>) =
                    groups.into_iter().partition(|g| g.heading != NO_CLAIMANT);
                groups = named.into_iter().chain(none).collect();
            }
            GroupBy::Verdict => {
                for c in &counts {
                    groups.push(Group {
                        heading: c.label.clone(),
                        entries: entries
                            .iter()
                            .filter(|e| e.status == c.verdict)
                            .cloned()
                            .collect(),
                    });
                }
            }
        }
        let title = m
            .headline
            .as_deref()
            .and_then(fold)
            .or_else(|| fold(&a.name))
            .unwrap_or_else(|| "Untitled article".to_string());
        Report {
            title,
            publisher: m.publisher.as_deref().and_then(fold),
            byline: byline(&m.authors),
            published: m
                .published
                .as_deref()
                .map(|d| readable_date(d).unwrap_or_else(|| d.to_string())),
            url: m.url.as_deref().and_then(link_url).map(str::to_string),
            counts,
            claims: entries.len(),
            by,
            groups,
        }
    }

    /// The line under the title: publisher, byline and date, as many as are known.
    pub fn source_line(&self) -> String {
        [&self.publisher, &self.byline, &self.published]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// What is said of claim `e` under its quote.
    pub fn facts<'a>(&self, e: &'a Entry) -> Facts<'a> {
        let who = if e.claimant.is_empty() {
            NO_CLAIMANT
        } else {
            e.claimant.as_str()
        };
        let claimant = (self.by == GroupBy::Verdict || e.claimant.is_empty()).then_some(who);
        Facts {
            verdict: &e.verdict,
            claimant,
            kind: e.kind.label(),
            tags: (!e.tags.is_empty()).then(|| e.tags.join(", ")),
        }
    }

    /// "3 claims: 1 False, 2 Unverified".
    pub fn summary(&self) -> String {
        if self.claims == 0 {
            return "No claims tagged yet.".to_string();
        }
        let n = claims_count(self.claims);
        let counts: Vec<String> = self
            .counts
            .iter()
            .map(|c| format!("{} {}", c.count, c.label))
            .collect();
        format!("{n}: {}.", counts.join(", "))
    }

    /// The report as Markdown (CommonMark): text escaped so that nothing in it is read as
    /// markup.
    pub fn markdown(&self) -> String {
        let mut out = format!("# Claims in “{}”\n\n", md(&self.title));
        let line = self.source_line();
        if !line.is_empty() {
            out.push_str(&md(&line));
            out.push_str("  \n");
        }
        if let Some(u) = &self.url {
            out.push_str(&format!("<{}>\n", u.replace(['<', '>', ' '], "")));
        }
        out.push('\n');
        out.push_str(&md(&self.summary()));
        out.push('\n');
        for g in &self.groups {
            out.push_str(&format!("\n## {}\n", md(&g.heading)));
            for e in &g.entries {
                out.push_str(&format!("\n> “{}”\n\n", md(&e.quote)));
                let f = self.facts(e);
                let mut facts = vec![format!("**Verdict:** {}", md(f.verdict))];
                facts.extend(f.claimant.map(|who| format!("**Claimant:** {}", md(who))));
                facts.push(format!("**Type:** {}", f.kind));
                facts.extend(f.tags.map(|t| format!("**Tags:** {}", md(&t))));
                out.push_str(&format!("- {}\n", facts.join(" · ")));
                if !e.note.is_empty() {
                    out.push_str(&format!(
                        "- **Note:** {}\n",
                        md(&fold(&e.note).unwrap_or_default())
                    ));
                }
                for ev in &e.evidence {
                    let note = fold(&ev.note)
                        .map(|n| format!("{} ", md(&n)))
                        .unwrap_or_default();
                    // an autolink only for http(s); any other address stays text
                    let at = match ev.link() {
                        Some(u) => format!("<{}>", u.replace(['<', '>', ' '], "")),
                        None => md(&ev.url),
                    };
                    out.push_str(&format!("- **Evidence:** {note}{at}\n"));
                }
            }
        }
        out.push_str("\n---\nMade with Gloss.\n");
        out
    }

    /// The report as a standalone HTML document: its own print style, and a content
    /// security policy that lets it load and run nothing.
    pub fn html(&self) -> String {
        let mut out = String::with_capacity(4096);
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str(&format!(
            "<title>Claims in “{}”</title>\n",
            esc(&self.title)
        ));
        out.push_str(REPORT_STYLE);
        out.push_str("</head>\n<body>\n<header>\n");
        out.push_str(&format!("<h1>Claims in “{}”</h1>\n", esc(&self.title)));
        let line = self.source_line();
        if !line.is_empty() {
            out.push_str(&format!("<p class=\"source\">{}</p>\n", esc(&line)));
        }
        if let Some(u) = &self.url {
            out.push_str(&format!(
                "<p class=\"link\"><a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a></p>\n",
                esc(u)
            ));
        }
        out.push_str(&format!(
            "<p class=\"summary\">{}</p>\n</header>\n",
            esc(&self.summary())
        ));
        for g in &self.groups {
            out.push_str(&format!("<section>\n<h2>{}</h2>\n", esc(&g.heading)));
            for e in &g.entries {
                // the verdict set apart, then the rest of the facts' line
                let line = self.facts(e).line();
                let rest = line.get(e.verdict.len()..).unwrap_or("");
                out.push_str(&format!(
                    "<article class=\"claim {}\">\n<blockquote>“{}”</blockquote>\n<p class=\"facts\"><span class=\"verdict\">{}</span>{}</p>\n",
                    e.tone.class(),
                    esc(&e.quote),
                    esc(&e.verdict),
                    esc(rest)
                ));
                if !e.note.is_empty() {
                    out.push_str(&format!("<p class=\"note\">{}</p>\n", esc(&e.note)));
                }
                if !e.evidence.is_empty() {
                    out.push_str("<ul class=\"evidence\">\n");
                    for ev in &e.evidence {
                        let note = fold(&ev.note)
                            .map(|n| format!("{} ", esc(&n)))
                            .unwrap_or_default();
                        match ev.link() {
                            Some(u) => out.push_str(&format!(
                                "<li>{note}<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a></li>\n",
                                esc(u)
                            )),
                            None => out.push_str(&format!("<li>{note}{}</li>\n", esc(&ev.url))),
                        }
                    }
                    out.push_str("</ul>\n");
                }
                out.push_str("</article>\n");
            }
            out.push_str("</section>\n");
        }
        out.push_str("<footer>Made with Gloss.</footer>\n</body>\n</html>\n");
        out
    }
}

/// The HTML report's style, for the screen and for paper.
const REPORT_STYLE: &str = "<style>
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.6rem; line-height: 1.25; margin-bottom: .3rem; }
h2 { font: 600 1rem system-ui, sans-serif; text-transform: uppercase; letter-spacing: .05em; color: #555; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
.source, .link, .summary, .facts, footer { font-family: system-ui, sans-serif; font-size: .9rem; color: #555; }
.link a { color: #1f5fa8; word-break: break-all; }
article { margin: 1rem 0 1.4rem; break-inside: avoid; }
blockquote { margin: 0; padding-left: .8rem; border-left: 3px solid #c9931a; font-size: 1.05rem; }
.facts { margin: .35rem 0 0; }
.verdict { font-weight: 600; color: #1d1d1f; }
.tone-bad .verdict { color: #a01d22; }
.tone-mixed .verdict { color: #8a5200; }
.tone-good .verdict { color: #1f6b35; }
.evidence { margin: .3rem 0 0; padding-left: 1.2rem; font-family: system-ui, sans-serif; font-size: .9rem; }
.evidence a { color: #1f5fa8; word-break: break-all; }
.note { margin: .3rem 0 0; white-space: pre-wrap; }
footer { margin-top: 2rem; border-top: 1px solid #ddd; padding-top: .5rem; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } .link a { color: inherit; } }
</style>
";

/// Text made literal in Markdown: whitespace folded to single spaces (so no line starts a
/// block), each character that could open inline markup escaped, and a leading list or
/// heading marker too.
pub fn md(s: &str) -> String {
    let s = fold(s).unwrap_or_default();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        let opens_block = i == 0 && matches!(c, '-' | '+' | '=' | '>' | '#');
        if opens_block
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '&'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. " or "1) " at the start would open an ordered list
    if let Some(p) = out.find(|c: char| !c.is_ascii_digit()) {
        if p > 0 && out[p..].starts_with(['.', ')']) {
            out.insert(p, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::ClaimFields;
    use crate::core::offsets::Span;
    use crate::core::page::Metadata;
    use crate::core::parse::parse_str;

    const TEXT: &str = "Talks resume\nThe minister said exports rose 4% in 2024. The opposition called the figure false. Critics warned <b>prices</b> would rise. The minister added that wages rose too.";

    fn article() -> Article {
        let mut a = Article::new("a1".into(), parse_str(TEXT, None), None, "t");
        let claim = |a: &mut Article, id: &str, words: &str, who: &str, status: &str| {
            let start = TEXT.find(words).unwrap();
            let fields = ClaimFields {
                claimant: who.into(),
                status: Verdict::new(status).unwrap(),
                note: if id == "c2" {
                    "Checked:\n  the <script>alert(1)</script> figure".into()
                } else {
                    String::new()
                },
                tags: if id == "c1" {
                    vec!["economy".into()]
                } else {
                    Vec::new()
                },
                ..ClaimFields::default()
            };
            a.add_claim(
                id.into(),
                Span::new(start, start + words.len()),
                fields,
                "t",
            )
            .unwrap();
        };
        claim(
            &mut a,
            "c1",
            "exports rose 4% in 2024",
            "The minister",
            "false",
        );
        claim(
            &mut a,
            "c2",
            "the figure false",
            "The opposition",
            "supported",
        );
        claim(&mut a, "c3", "<b>prices</b> would rise", "", "unverified");
        claim(&mut a, "c4", "wages rose too", "The minister", "unverified");
        a
    }

    #[test]
    fn claims_are_grouped_by_claimant_in_order_of_first_quote_with_no_claimant_last() {
        let r = Report::of(&article(), &Scale::statuses(), GroupBy::Claimant);
        let heads: Vec<&str> = r.groups.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(heads, ["The minister", "The opposition", NO_CLAIMANT]);
        let ids: Vec<&str> = r.groups[0].entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c4"], "text order within a group");
        assert_eq!(r.groups[0].entries[0].quote, "exports rose 4% in 2024");
        assert_eq!(r.summary(), "4 claims: 2 Unverified, 1 Supported, 1 False.");
    }

    #[test]
    fn claims_are_grouped_by_verdict_in_the_scales_order() {
        let r = Report::of(&article(), &Scale::statuses(), GroupBy::Verdict);
        let heads: Vec<&str> = r.groups.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(heads, ["Unverified", "Supported", "False"]);
        assert_eq!(r.groups[0].entries.len(), 2);
        assert_eq!(r.claims, 4);
        // under a verdict's heading the claimant is named; the no-claimant claim says so
        assert_eq!(
            r.facts(&r.groups[2].entries[0]).line(),
            "False · The minister · Factual · economy"
        );
        assert_eq!(r.facts(&r.groups[0].entries[0]).claimant, Some(NO_CLAIMANT));
        let by_claimant = Report::of(&article(), &Scale::statuses(), GroupBy::Claimant);
        assert_eq!(
            by_claimant.facts(&by_claimant.groups[0].entries[1]).line(),
            "Unverified · Factual"
        );
    }

    #[test]
    fn the_head_comes_from_the_articles_details_and_only_web_links_are_made() {
        let mut a = article();
        assert_eq!(
            Report::of(&a, &Scale::statuses(), GroupBy::Claimant).title,
            a.name
        );
        a.set_metadata(
            Metadata {
                headline: Some("Exports  rise".into()),
                authors: vec!["Ann Lee".into(), "Bo Kim".into()],
                published: Some("2024-03-05".into()),
                publisher: Some("The Daily".into()),
                url: Some("javascript:alert(1)".into()),
                ..Metadata::default()
            },
            "t",
        );
        let r = Report::of(&a, &Scale::statuses(), GroupBy::Claimant);
        assert_eq!(r.title, "Exports rise");
        assert_eq!(
            r.source_line(),
            "The Daily · By Ann Lee and Bo Kim · 5 March 2024"
        );
        assert_eq!(r.url, None, "a javascript: link is no link");
        assert!(!r.html().contains("javascript"));
        let mut m = a.metadata().clone();
        m.url = Some("https://example.org/a?b=1&c=\"2\"".into());
        a.set_metadata(m, "t");
        let html = Report::of(&a, &Scale::statuses(), GroupBy::Claimant).html();
        assert!(html.contains(
            "href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noopener noreferrer\""
        ));
    }

    #[test]
    fn html_escapes_every_text_and_runs_nothing() {
        let html = Report::of(&article(), &Scale::statuses(), GroupBy::Verdict).html();
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&lt;b&gt;prices&lt;/b&gt; would rise"));
        assert!(html.contains("default-src 'none'"));
        assert!(html.contains("<h2>False</h2>"));
        // the claimant shows under each quote when the groups are verdicts
        assert!(html
            .contains("<span class=\"verdict\">False</span> · The minister · Factual · economy"));
        assert!(html.contains("@media print"));
    }

    #[test]
    fn markdown_reads_as_the_report_and_nothing_in_it_is_markup() {
        let md_text = Report::of(&article(), &Scale::statuses(), GroupBy::Claimant).markdown();
        assert!(md_text.starts_with("# Claims in “Talks resume”\n"));
        assert!(md_text.contains("\n## The minister\n\n> “exports rose 4% in 2024”\n\n- **Verdict:** False · **Type:** Factual · **Tags:** economy\n"));
        assert!(md_text.contains("> “\\<b\\>prices\\</b\\> would rise”"));
        assert!(
            md_text.contains("- **Note:** Checked: the \\<script\\>alert(1)\\</script\\> figure\n")
        );
        assert!(md_text.contains(&format!("## {NO_CLAIMANT}")));
    }

    #[test]
    fn markdown_escapes_markers_that_would_open_blocks_or_links() {
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("- not a list"), "\\- not a list");
        assert_eq!(md("1. not a list"), "1\\. not a list");
        assert_eq!(
            md("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(md("a\n\n> b"), "a \\> b");
        assert_eq!(md("2024 was"), "2024 was");
        assert_eq!(md("😀 *ok* ü"), "😀 \\*ok\\* ü");
    }

    #[test]
    fn an_article_with_no_claims_says_so() {
        let a = Article::new("a".into(), parse_str("Just text.", None), None, "t");
        let r = Report::of(&a, &Scale::statuses(), GroupBy::Claimant);
        assert!(r.groups.is_empty());
        assert_eq!(r.summary(), "No claims tagged yet.");
        assert!(r.markdown().contains("No claims tagged yet."));
    }
}
