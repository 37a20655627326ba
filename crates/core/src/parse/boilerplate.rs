//! Page furniture that scrapers leave in article text: logos, share buttons, "None", rules.

use crate::text::word_count;

/// Whole lines that are never article text (compared lower-case, trailing `:`/`.` ignored).
const JUNK_LINES: &[&str] = &[
    "advertisement",
    "ad",
    "sponsored",
    "sponsored content",
    "none",
    "null",
    "undefined",
    "nan",
    "n/a",
    "skip to content",
    "skip to main content",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "tweet",
    "email",
    "e-mail",
    "print",
    "copy link",
    "link copied",
    "read more",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "menu",
    "search",
    "close",
    "loading",
    "loading...",
    "click here",
    "related",
    "related articles",
    "related stories",
    "related news",
    "more stories",
    "comments",
    "leave a comment",
    "listen to this article",
    "image",
    "photo",
    "video",
    "watch",
    "gallery",
    "back to top",
    "top stories",
    "most read",
    "trending",
    "follow us",
    "newsletter",
];

/// Line openings that mark a short line as furniture.
const JUNK_OPENINGS: &[&str] = &[
    "follow us",
    "subscribe to",
    "sign up for",
    "click here",
    "read more:",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "tags:",
    "share this:",
    "copyright",
    "©",
    "all rights reserved",
    "this article was",
    "cookies",
    "we use cookies",
    "listen to this",
];

/// Whether a unit is page furniture rather than article text.
pub fn is_boilerplate(s: &str) -> bool {
    let s = s.trim();
    // Rules and separators: "--", "***", "—", "• • •".
    if !s.chars().any(char::is_alphanumeric) {
        return true;
    }
    let lower = s.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', '!', ' ']);
    if JUNK_LINES.contains(&bare) {
        return true;
    }
    let words = word_count(s);
    // "Newsroom logo", "Reuters logo": the alt text of an image.
    if words <= 4 && (bare.ends_with(" logo") || bare.ends_with(" icon")) {
        return true;
    }
    // "3 min read", "5 minute read".
    if words <= 4
        && (bare.ends_with("min read")
            || bare.ends_with("minute read")
            || bare.ends_with("mins read"))
    {
        return true;
    }
    words <= 25 && JUNK_OPENINGS.iter().any(|o| lower.starts_with(o)) || is_breadcrumb(s)
}

/// "Home > World > Europe", "News » Politics": short items joined by arrows.
fn is_breadcrumb(s: &str) -> bool {
    let items: Vec<&str> = s.split(['>', '›', '»']).collect();
    items.len() >= 2 && items.iter().all(|i| (1..=4).contains(&word_count(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        for s in [
            "Home > World",
            "Newsroom logo",
            "None",
            "--",
            "***",
            "\u{2014}",
            "Advertisement",
            "Share this article",
            "4 min read",
            "Read more: UN team arrives",
            "© 2023 Example Media",
            "Tags: Armenia, UN",
        ] {
            assert!(is_boilerplate(s), "{s}");
        }
    }

    #[test]
    fn article_text() {
        for s in [
            "None of the residents were harmed.",
            "Agencies",
            "UN Mission Arrives in Karabakh Region",
            "Share prices fell on Friday.",
        ] {
            assert!(!is_boilerplate(s), "{s}");
        }
    }
}
