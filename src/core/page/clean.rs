//! Boilerplate left inside the story's region: blocks under elements named as share
//! bars, related links, promotions or comments; lists of links; short lines that are the
//! page talking about itself ("Advertisement", "Sign up", "Read more"); a byline or
//! dateline repeated as a paragraph. General English and page-structure rules only.

use super::tree::{flag, Kind, RawBlock, NONE};

/// Short blocks that start like these are the page's own furniture, not the story.
const FURNITURE: super::Words = super::Words::new("advertisement|advertising|sponsored|sponsored content|paid content|share this|share on|share article|share via|share:|follow us|follow on|sign up|signup|subscribe|newsletter|read more|read next|read also|see also|related:|related articles|related stories|related content|related coverage|more from|more on this|more stories|most read|most popular|trending|recommended|you may also like|you might also like|click here|watch:|listen to this|listen:|getty images|image copyright|image caption|media caption|copyright ©|all rights reserved|©|comments|leave a comment|log in|sign in|accept cookies|we use cookies|this site uses cookies|skip to|back to top|print this|email this|loading|continue reading|updated|published|posted|last updated|tags:|topics:|advert|this slideshow requires|like this story|like this article|tell us what you think|photo:|photograph:|photos:|credit:|image:|(ap photo|ap photo/|enlarge this image|toggle caption|hide caption|show caption|open in app|credit|more great|you may like|you may also|post a comment|related |recommended for you|don't miss|editor's picks");

/// Calls to act that stay furniture even as a longer line.
const CALLS: super::Words = super::Words::new("subscribe to|subscribe now|sign up for|sign up to|sign up now|get our|follow us|download our|download the|click here|like us on|join our|support our|become a member");

/// Picture credits, wherever they stand in a short line.
const CREDITS: super::Words = super::Words::new("getty images|shutterstock|photo by |photograph by |/ap photo|ap photo/|afp via getty|/reuters|reuters/|/afp|image source");

/// Whole lines that are a page's controls.
const CONTROLS: super::Words = super::Words::new("caption|close|open|next|previous|prev|menu|search|expand|collapse|more|less|share|tweet|email|print|comment|reply|like|follow|play|pause|video|audio|gallery|view gallery|back|top|home");

/// Words of a gallery's counter beside its numbers.
const COUNTER_WORDS: super::Words = super::Words::new("of|/|image|photo|slide|picture");

/// What a number alone counts in "12 comments".
const COUNTS: super::Words = super::Words::new("comments|comment|replies|shares");

/// "Image 3 of 23", "1 / 12": a gallery's counter.
fn is_counter(t: &str) -> bool {
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let numbers = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count();
    words.len() <= 5
        && numbers >= 1
        && numbers < words.len()
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || COUNTER_WORDS.contains(&w.to_lowercase())
        })
}

/// An unrendered shortcode: "[button link=… ] Send us…".
fn is_shortcode(t: &str) -> bool {
    t.starts_with('[') && t.find(']').is_some_and(|e| t[..e].contains('='))
}

fn starts_like_furniture(text: &str) -> bool {
    let words = text.split_whitespace().count();
    // furniture is a short line: a long run without spaces is no credit or counter either
    if words > 25 || text.len() > 400 {
        return false;
    }
    // lower case, copied only when it differs (a page of many short blocks allocates less)
    let lower: std::borrow::Cow<str> = if text.chars().any(char::is_uppercase) {
        text.to_lowercase().into()
    } else {
        text.into()
    };
    let head = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    if CALLS.any_prefix(head) {
        return true;
    }
    if words > 12 {
        return false;
    }
    if words <= 10 && CREDITS.any_in(&lower) {
        return true;
    }
    // "0 Comments", "12 comments"
    if let Some((n, rest)) = head.split_once(' ') {
        if n.chars().all(|c| c.is_ascii_digit()) && COUNTS.contains(rest.trim()) {
            return true;
        }
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if CONTROLS.contains(bare) || is_counter(&lower) || is_shortcode(text.trim()) {
        return true;
    }
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    let furniture = FURNITURE.prefixes_of(t).any(|f| {
        t[f.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || f.ends_with(':'))
    });
    furniture
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
        && b.text.len() <= 400
        && b.text
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("by "))
    {
        let rest = &b.text[3..];
        if authors.is_empty() || authors.iter().any(|a| super::has(rest, a)) {
            return true;
        }
    }
    if words <= 12 && is_date_line(&b.text) {
        return true;
    }
    false
}

/// A line that is a date and little else: "Published 4 March 2025, 10:04", "Updated Nov. 18".
fn is_date_line(t: &str) -> bool {
    // (every date has a digit: most lines are ruled out without reading a date)
    if !t.bytes().any(|b| b.is_ascii_digit()) || super::meta::iso_date(t).is_none() {
        return false;
    }
    // and "|", which cannot stand in a word list
    const DATE_WORDS: super::Words = super::Words::new("published|updated|posted|last|on|at|am|pm|a.m.|p.m.|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|cet|cest|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|-|–|—|/|of");
    let others = t
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == ',' || c == '.' || c == '(' || c == ')')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| w != "|" && !DATE_WORDS.contains(w))
        .filter(|w| !super::meta::MONTHS.any_prefix(w))
        .count();
    others == 0
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
        assert!(starts_like_furniture("Subscribe to the Courier and stay informed with more of your favourite writers every day."));
        assert!(starts_like_furniture(
            "Natalie Berg | Bloomberg | Getty Images"
        ));
        assert!(starts_like_furniture("0 Comments"));
        assert!(!starts_like_furniture(
            "Credited with saving the pier, she retired."
        ));
    }

    #[test]
    fn date_lines_are_dates_alone() {
        assert!(is_date_line("Published Monday, Nov. 18, 2019"));
        assert!(is_date_line("4 March 2025 at 10:04 GMT"));
        assert!(!is_date_line("— The Senate (@Senate) October 9, 2018"));
        assert!(is_date_line("Updated | 4 March 2025"));
        assert!(!starts_like_furniture(
            "Advertisement revenue fell by a third last year, the company said in a filing on Monday."
        ));
    }
}
