//! Metadata from what a page says about itself, most reliable source first: schema.org
//! JSON-LD, then Open Graph and other meta tags, then the page itself (its main heading,
//! a visible byline, the first `<time>`). The `<title>` is the last resort, and never with
//! the site's name.

use super::json::{self, Json};
use super::tree::RawMeta;
use super::Metadata;
use crate::core::details::{digits, parse_date, IsoDate, Zone};

/// The page's JSON-LD article, as far as it goes.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    language: Option<String>,
    description: Option<String>,
    body: Option<String>,
}

/// Everything but what needs the page's blocks: `h1` (the page's main heading) and
/// `byline` (the text of a visible byline) come from there.
pub struct Found {
    pub metadata: Metadata,
    /// schema.org `articleBody`, when the page gives one.
    pub article_body: Option<String>,
}

/// Meta tags naming the authors, the most reliable first.
const AUTHOR_KEYS: super::Words =
    super::Words::new("author|article:author|parsely-author|sailthru.author|dc.creator|byl");
/// Meta tags giving the publication date, the most reliable first.
const DATE_KEYS: super::Words = super::Words::new("article:published_time|datepublished|parsely-pub-date|sailthru.date|dc.date.issued|dc.date|dcterms.created|pubdate|publishdate|publish-date|publish_date|date|datecreated");

pub fn metadata(raw: &RawMeta, h1: Option<&str>, byline: Option<&str>) -> Found {
    let ld = raw
        .json_ld
        .iter()
        .filter_map(|s| json::parse(s))
        .find_map(|v| find_article(&v, 0))
        .unwrap_or_default();
    let meta = |keys: &'static str| first_meta(raw, super::Words::new(keys));
    let site = ld
        .publisher
        .or_else(|| meta("og:site_name|application-name"));
    let headline = ld
        .headline
        .or_else(|| meta("og:title|twitter:title").map(|t| strip_site(&t, site.as_deref())))
        .or_else(|| meta("parsely-title"))
        .or_else(|| h1.map(str::to_string))
        .or_else(|| raw.title.as_deref().map(|t| strip_site(t, site.as_deref())))
        .filter(|h| !h.is_empty());
    let mut authors = ld.authors;
    for key in AUTHOR_KEYS.iter() {
        if !authors.is_empty() {
            break;
        }
        if let Some(a) = meta(key) {
            authors = split_names(&a);
        }
    }
    if authors.is_empty() {
        authors = byline.map(split_names).unwrap_or_default();
    }
    let published = ld
        .published
        .as_deref()
        .and_then(iso_date)
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|k| meta(k).as_deref().and_then(iso_date))
        })
        .or_else(|| raw.times.iter().find_map(|t| iso_date(t)));
    let url = raw
        .canonical
        .clone()
        .or_else(|| meta("og:url"))
        .or(ld.url)
        .filter(|u| is_web_url(u));
    let language = raw
        .lang
        .clone()
        .or_else(|| meta("og:locale").map(|l| l.replace('_', "-")))
        .or_else(|| meta("content-language|dc.language|language"))
        .or(ld.language)
        .map(|l| l.split(',').next().unwrap_or("").trim().to_string())
        .filter(|l| is_language_tag(l));
    let description = ld
        .description
        .or_else(|| meta("og:description|description|twitter:description"))
        .filter(|d| !d.is_empty());
    Found {
        metadata: Metadata {
            headline,
            authors,
            published,
            publisher: site,
            url,
            language,
            description,
        },
        article_body: ld.body.filter(|b| b.len() > 200),
    }
}

/// The value of the first of `keys` (in their order) that a meta tag gives, not empty.
#[inline(never)]
fn first_meta(raw: &RawMeta, keys: super::Words) -> Option<String> {
    keys.iter().find_map(|key| {
        raw.metas
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.clone())
    })
}

fn is_web_url(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && !l.contains(char::is_whitespace)
}

fn is_language_tag(l: &str) -> bool {
    !l.is_empty()
        && l.len() <= 35
        && l.split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && l.split('-')
            .next()
            .is_some_and(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

const ARTICLE_TYPES: super::Words = super::Words::new("article|newsarticle|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|backgroundnewsarticle|reviewnewsarticle|blogposting|socialmediaposting|liveblogposting|scholarlyarticle|techarticle|report");

/// Whether a JSON-LD `@type` names an article (ASCII case ignored, `schema:` prefixes too).
fn is_article_type(mut t: &str) -> bool {
    while t
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("schema:"))
    {
        t = &t[7..];
    }
    ARTICLE_TYPES.position_ci(t).is_some()
}

/// The first article object in a JSON-LD value (also inside `@graph` and arrays).
fn find_article(v: &Json, depth: usize) -> Option<LdArticle> {
    if depth > 8 {
        return None;
    }
    match v {
        Json::Arr(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Json::Obj(_) => {
            let is_article = match v.get("@type") {
                Some(Json::Str(s)) => is_article_type(s),
                Some(Json::Arr(a)) => a
                    .iter()
                    .any(|t| matches!(t, Json::Str(s) if is_article_type(s))),
                _ => false,
            };
            if is_article {
                return Some(read_article(v));
            }
            if let Some(g) = v.get("@graph") {
                if let Some(a) = find_article(g, depth + 1) {
                    return Some(a);
                }
            }
            v.get("mainEntity")
                .or_else(|| v.get("mainEntityOfPage"))
                .and_then(|m| find_article(m, depth + 1))
        }
        _ => None,
    }
}

fn text_of(v: Option<&Json>) -> Option<String> {
    match v? {
        Json::Str(s) => {
            let mut out = String::new();
            super::lex::decode_entities(s, &mut out);
            crate::core::details::fold(&out)
        }
        Json::Arr(a) => a.iter().find_map(|x| text_of(Some(x))),
        o @ Json::Obj(_) => text_of(o.get("name")).or_else(|| text_of(o.get("@value"))),
        _ => None,
    }
}

fn names_of(v: Option<&Json>, out: &mut Vec<String>) {
    match v {
        Some(Json::Arr(a)) => a.iter().for_each(|x| names_of(Some(x), out)),
        Some(Json::Str(s)) => out.extend(split_names(s)),
        Some(o @ Json::Obj(_)) => {
            if let Some(n) = text_of(o.get("name")) {
                out.extend(split_names(&n));
            }
        }
        _ => {}
    }
}

fn read_article(v: &Json) -> LdArticle {
    let mut authors = Vec::new();
    names_of(v.get("author"), &mut authors);
    if authors.is_empty() {
        names_of(v.get("creator"), &mut authors);
    }
    dedupe(&mut authors);
    let url = text_of(v.get("url")).or_else(|| match v.get("mainEntityOfPage") {
        Some(Json::Str(s)) => Some(s.clone()),
        Some(o @ Json::Obj(_)) => text_of(o.get("@id")).or_else(|| text_of(o.get("url"))),
        _ => None,
    });
    let body = match v.get("articleBody") {
        Some(Json::Str(s)) => Some(s.clone()),
        _ => None,
    };
    LdArticle {
        headline: text_of(v.get("headline")).or_else(|| text_of(v.get("name"))),
        authors,
        published: text_of(v.get("datePublished")).or_else(|| text_of(v.get("dateCreated"))),
        publisher: v
            .get("publisher")
            .and_then(|p| text_of(Some(p)))
            .or_else(|| text_of(v.get("sourceOrganization"))),
        url,
        language: text_of(v.get("inLanguage")),
        description: text_of(v.get("description")),
        body,
    }
}

fn dedupe(names: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    names.retain(|n| {
        let k = n.to_lowercase();
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
}

/// "By Ann Lee and Bo Chen, Reuters" → ["Ann Lee", "Bo Chen"]: names in a byline, without
/// URLs, handles, dates or a trailing role.
pub fn split_names(s: &str) -> Vec<String> {
    let s = s.trim();
    let by = s
        .get(..3)
        .is_some_and(|p| p.eq_ignore_ascii_case("by ") || p.eq_ignore_ascii_case("by:"));
    let s = if by { &s[3..] } else { s };
    let mut out = Vec::new();
    for piece in s.split([',', ';', '|', '&', '\n']) {
        for part in piece.split(" and ") {
            let p = part
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let words = p.split_whitespace().count();
            let looks_like_name = (1..=5).contains(&words)
                && !super::has(p, "://")
                && !p.starts_with("www.")
                && !p.starts_with('@')
                && p.chars().next().is_some_and(|c| c.is_uppercase())
                && !p.chars().any(|c| c.is_ascii_digit());
            if looks_like_name {
                out.push(p.to_string());
            }
        }
    }
    dedupe(&mut out);
    out
}

/// "Story title | Site" → "Story title": drops the part that names the site (or, with no
/// known site, a short last part after a separator).
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let t = title.trim();
    let site_l = site.map(str::to_lowercase).filter(|s| !s.is_empty());
    // a part of the title that names the site (or is named by it)
    let names_site = |part: &str| {
        let p = part.trim().to_lowercase();
        site_l
            .as_deref()
            .is_some_and(|s| super::has(s, &p) || super::has(&p, s))
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "] {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let short =
                tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3;
            if names_site(tail) || (site.is_none() && short) {
                return strip_site(head, site);
            }
            if let Some((head2, tail2)) = t.split_once(sep) {
                if names_site(head2) {
                    return tail2.trim().to_string();
                }
            }
        }
    }
    t.to_string()
}

pub(super) const MONTHS: super::Words =
    super::Words::new("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec");

/// A date in ISO 8601: `YYYY-MM-DD`, or with its time as `YYYY-MM-DDTHH:MM:SS` plus the
/// zone when the source gives one. Reads ISO forms, `YYYYMMDD`, "October 8, 2019",
/// "8 Oct 2019" and RFC 2822 dates. `None` when it is not a date.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let date = |year, month, day| {
        ((1800..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then(|| {
                IsoDate {
                    year,
                    month,
                    day,
                    time: None,
                    zone: Zone::Unstated,
                }
                .to_iso()
            })
    };
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        // ISO 8601 is read by the one reader the details form uses; a space may stand for
        // the `T`, and a time or zone it cannot read leaves the date alone
        let mut t = s.to_string();
        if t.as_bytes().get(10) == Some(&b' ') {
            t.replace_range(10..11, "T");
        }
        let d = parse_date(&t).or_else(|_| parse_date(t.get(..10).unwrap_or("")));
        return d
            .ok()
            .filter(|d| date(d.year, d.month, d.day).is_some())
            .map(|d| d.to_iso());
    }
    if let (8, Some(y), Some(m), Some(d)) =
        (b.len(), digits(b, 0, 4), digits(b, 4, 2), digits(b, 6, 2))
    {
        return date(y, m, d);
    }
    // month names: "October 8, 2019", "8 Oct. 2019", "Tue, 08 Oct 2019 12:00:00 GMT"
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = |w: &str| w.get(..3).and_then(|p| MONTHS.position_ci(p));
    let month_at = words.iter().position(|w| month_of(w).is_some())?;
    let m = month_of(words[month_at])? as u32 + 1;
    let number = |i: usize| -> Option<u32> {
        let t = words
            .get(i)?
            .trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!t.is_empty() && t.bytes().all(|c| c.is_ascii_digit())).then(|| t.parse().ok())?
    };
    let before = month_at.checked_sub(1).and_then(number);
    let (after, after2) = (number(month_at + 1), number(month_at + 2));
    let (d, y) = match (before, after, after2) {
        (Some(d), Some(y), _) if d <= 31 && y >= 1000 => (d, y),
        (_, Some(d), Some(y)) if d <= 31 && y >= 1000 => (d, y),
        _ => return None,
    };
    date(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso() {
        assert_eq!(
            iso_date("2019-10-08T12:30:00+0000").as_deref(),
            Some("2019-10-08T12:30:00+00:00")
        );
        assert_eq!(
            iso_date("2019-10-08T12:30:00.000Z").as_deref(),
            Some("2019-10-08T12:30:00Z")
        );
        assert_eq!(iso_date("2019-10-08").as_deref(), Some("2019-10-08"));
        assert_eq!(
            iso_date("2019-10-08 09:05").as_deref(),
            Some("2019-10-08T09:05:00")
        );
        assert_eq!(iso_date("20191008").as_deref(), Some("2019-10-08"));
        assert_eq!(iso_date("October 8, 2019").as_deref(), Some("2019-10-08"));
        assert_eq!(
            iso_date("Tue, 08 Oct 2019 12:00:00 GMT").as_deref(),
            Some("2019-10-08")
        );
        assert_eq!(iso_date("8 Sept. 2019").as_deref(), Some("2019-09-08"));
        assert_eq!(iso_date("2019-13-40"), None);
        assert_eq!(iso_date("yesterday"), None);
        assert_eq!(iso_date("é"), None);
    }

    #[test]
    fn article_types() {
        for t in [
            "NewsArticle",
            "schema:Article",
            "SCHEMA:schema:blogposting",
            "Report",
        ] {
            assert!(is_article_type(t), "{t}");
        }
        for t in [
            "WebPage",
            "schema:",
            "Articles",
            " NewsArticle",
            "schemé:Article",
        ] {
            assert!(!is_article_type(t), "{t}");
        }
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            split_names("By Ann Lee and Bo Chen, Reuters"),
            vec!["Ann Lee", "Bo Chen", "Reuters"]
        );
        assert_eq!(split_names("https://example.com/ann"), Vec::<String>::new());
        assert_eq!(split_names("by Zoë Ünal"), vec!["Zoë Ünal"]);
    }

    #[test]
    fn site_names_leave_titles() {
        assert_eq!(
            strip_site(
                "Storm hits coast | The Daily Bugle",
                Some("The Daily Bugle")
            ),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site(
                "Daily Bugle - Storm hits the coast hard",
                Some("Daily Bugle")
            ),
            "Storm hits the coast hard"
        );
        assert_eq!(
            strip_site("Storm hits the coast - Bugle", None),
            "Storm hits the coast"
        );
        assert_eq!(
            strip_site("Storm - a story of a coast", Some("Bugle")),
            "Storm - a story of a coast"
        );
    }
}
