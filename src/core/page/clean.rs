//! Boilerplate left inside the story's region: blocks under elements named as share
//! bars, related links, promotions or comments; lists of links; short lines that are the
//! page talking about itself ("Advertisement", "Sign up", "Read more"); a byline or
//! dateline repeated as a paragraph. General English and page-structure rules only.

use super::tree::{flag, Kind, RawBlock, NONE};

/// Short blocks that start like these are the page's own furniture, not the story.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "paid content",
    "share this",
    "share on",
    "share article",
    "share via",
    "share:",
    "follow us",
    "follow on",
    "sign up",
    "signup",
    "subscribe",
    "newsletter",
    "read more",
    "read next",
    "read also",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "related content",
    "related coverage",
    "more from",
    "more on this",
    "more stories",
    "most read",
    "most popular",
    "trending",
    "recommended",
    "you may also like",
    "you might also like",
    "click here",
    "watch:",
    "listen to this",
    "listen:",
    "getty images",
    "image copyright",
    "image caption",
    "media caption",
    "copyright ©",
    "all rights reserved",
    "©",
    "comments",
    "leave a comment",
    "log in",
    "sign in",
    "accept cookies",
    "we use cookies",
    "this site uses cookies",
    "skip to",
    "back to top",
    "print this",
    "email this",
    "loading",
    "continue reading",
    "updated",
    "published",
    "posted",
    "last updated",
    "tags:",
    "topics:",
    "advert",
    "this slideshow requires",
    "like this story",
    "like this article",
    "tell us what you think",
    "photo:",
    "photograph:",
    "photos:",
    "credit:",
    "image:",
    "(ap photo",
    "ap photo/",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "show caption",
    "open in app",
];

/// Whole lines that are a page's controls.
const CONTROLS: &[&str] = &[
    "caption",
    "close",
    "open",
    "next",
    "previous",
    "prev",
    "menu",
    "search",
    "expand",
    "collapse",
    "more",
    "less",
    "share",
    "tweet",
    "email",
    "print",
    "comment",
    "reply",
    "like",
    "follow",
    "play",
    "pause",
    "video",
    "audio",
    "gallery",
    "view gallery",
    "back",
    "top",
    "home",
];

/// "Image 3 of 23", "1 / 12": a gallery's counter.
fn is_counter(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let numbers = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count();
    words.len() <= 5
        && numbers >= 1
        && numbers < words.len()
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || ["of", "/", "image", "photo", "slide", "picture"]
                    .contains(&w.to_lowercase().as_str())
        })
}

/// An unrendered shortcode: "[button link=… ] Send us…".
fn is_shortcode(t: &str) -> bool {
    t.starts_with('[') && t.find(']').is_some_and(|e| t[..e].contains('='))
}

fn starts_like_furniture(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > 12 {
        return false;
    }
    let lower = text.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if CONTROLS.contains(&bare) || is_counter(&lower) || is_shortcode(text.trim()) {
        return true;
    }
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    FURNITURE.iter().any(|f| {
        t.starts_with(f)
            && t[f.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || f.ends_with(':'))
    })
}

/// Why a block inside the region is not part of the story, if it is not.
pub fn is_boilerplate(b: &RawBlock, boiler_at: u32, region_top: u32, authors: &[String]) -> bool {
    if boiler_at != NONE && (region_top == NONE || boiler_at > region_top) {
        return true;
    }
    let density = b.link_chars as f32 / b.chars.max(1) as f32;
    if density > 0.5 && (b.chars < 400 || b.kind == Kind::Item) {
        return true;
    }
    if starts_like_furniture(&b.text) {
        return true;
    }
    let words = b.text.split_whitespace().count();
    if b.flags & (flag::BYLINE | flag::DATE) != 0 && words <= 16 {
        return true;
    }
    if words <= 10
        && b.text
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("by "))
    {
        let rest = &b.text[3..];
        if authors.is_empty() || authors.iter().any(|a| rest.contains(a.as_str())) {
            return true;
        }
    }
    if words <= 8 && super::meta::iso_date(&b.text).is_some() {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_short_and_starts_the_line() {
        assert!(starts_like_furniture("Advertisement"));
        assert!(starts_like_furniture("ADVERTISEMENT"));
        assert!(starts_like_furniture("Sign up for our newsletter"));
        assert!(starts_like_furniture("Read more: Storm hits coast"));
        assert!(!starts_like_furniture("Subscribers said the price rose."));
        assert!(starts_like_furniture("Image 1 of 23"));
        assert!(starts_like_furniture("Caption"));
        assert!(!starts_like_furniture("1 5040"));
        assert!(starts_like_furniture(
            "[button link=\"x\" type=\"big\"] Send us your review"
        ));
        assert!(!starts_like_furniture("[Reuters] The talks went on."));
        assert!(!starts_like_furniture("Close to 40 people were hurt."));
        assert!(!starts_like_furniture(
            "Advertisement revenue fell by a third last year, the company said in a filing on Monday."
        ));
    }
}
