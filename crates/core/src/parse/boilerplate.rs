//! Page furniture that scrapers leave in article text: logos, share bars, comment counts,
//! "Related Topics" and sign-up prompts, "None", rules. Recognition reads no furniture, so names
//! in it ("Share on Facebook") never become entities.

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
    "related topics",
    "related content",
    "related coverage",
    "more on this story",
    "more on this",
    "more from this section",
    "most popular",
    "most viewed",
    "most shared",
    "editor's picks",
    "editors' picks",
    "recommended",
    "recommended stories",
    "recommended for you",
    "you may also like",
    "you might also like",
    "read next",
    "up next",
    "latest news",
    "latest stories",
    "in other news",
    "image caption",
    "media caption",
    "show more",
    "show comments",
    "view comments",
    "add a comment",
    "join the conversation",
    "skip advert",
    "continue reading",
    "continue reading below",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "scroll to continue",
    "open in app",
    "download the app",
    "listen",
    "bookmark",
    "subscribe now",
    "reprints",
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
    "more on this story",
    "related topics",
    "get our",
    "get the latest",
    "sign up to",
    "register for",
    "don't miss",
    "story continues",
    "article continues",
    "advertisement -",
];

/// Words of a share bar or a comment counter ("Share on Facebook Share on Twitter Email",
/// "Share this with WhatsApp Messenger Copy this link", "Comments (12)"): a short line made of
/// these words only, with at least one of `SHARE_ACTIONS`, is furniture.
const SHARE_BAR_WORDS: &[&str] = &[
    "share",
    "sharing",
    "this",
    "article",
    "story",
    "page",
    "post",
    "on",
    "via",
    "with",
    "to",
    "and",
    "or",
    "by",
    "the",
    "your",
    "friends",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "messenger",
    "flipboard",
    "bluesky",
    "threads",
    "mastodon",
    "print",
    "copy",
    "copied",
    "link",
    "save",
    "saved",
    "gift",
    "comment",
    "comments",
    "tweet",
    "send",
    "sms",
    "more",
    "options",
    "open",
    "in",
    "new",
    "window",
    "app",
];

/// The words that make a line of `SHARE_BAR_WORDS` a share bar ("Share this" alone is already a
/// junk line; "on the page" is not furniture).
const SHARE_ACTIONS: &[&str] = &[
    "share",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "messenger",
    "email",
    "e-mail",
    "print",
    "tweet",
    "comments",
    "comment",
    "flipboard",
    "bluesky",
    "copy",
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
    words <= 25 && JUNK_OPENINGS.iter().any(|o| lower.starts_with(o))
        || is_breadcrumb(s)
        || is_share_bar(&lower)
}

/// "Share on Facebook Share on Twitter Email", "Comments (12)": share and comment controls only
/// (counts in digits allowed).
fn is_share_bar(lower: &str) -> bool {
    let mut action = false;
    let mut words = 0;
    for w in lower.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•')) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if !SHARE_BAR_WORDS.contains(&w) {
            return false;
        }
        action |= SHARE_ACTIONS.contains(&w);
        words += 1;
        if words > 24 {
            return false;
        }
    }
    action
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
            "Share on Facebook Share on Twitter Email",
            "Share this with Email Facebook Messenger Twitter Pinterest WhatsApp LinkedIn Copy this link",
            "Facebook | X | WhatsApp | Copy link",
            "Comments (12)",
            "12 comments",
            "Related Topics",
            "More on this story",
            "Most read",
            "Sign up for our morning briefing",
            "Story continues below advertisement",
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
            "Facebook and Twitter removed the posts.",
            "Comments on the bill close on Friday.",
            "Print newspapers are struggling.",
            "Save the Children said the camp was full.",
            "Related talks open in Geneva on Monday.",
        ] {
            assert!(!is_boilerplate(s), "{s}");
        }
    }
}
