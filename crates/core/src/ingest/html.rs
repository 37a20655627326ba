//! Saved web pages ("Save page as", `.html`): the article text extracted with `dom_smoothie` (a
//! port of Mozilla's Readability, the reader view of Firefox), and the metadata publishers put in
//! the page: JSON-LD `NewsArticle`/`Article` (headline, datePublished, dateModified, author,
//! publisher), Open Graph and `article:` meta tags, `<meta name=author>`, read by dom_smoothie;
//! `<link rel=canonical>` read here.
//!
//! The document's text is a plain-text rendition of the page: `Title:`, `Author:`, `Source:`,
//! `Published:`, `Updated:` and `URL:` lines for what the page's metadata states, a blank line,
//! then the extracted paragraphs. The ordinary parser reads it like any `Key: value` header, so
//! every value keeps a span (into this text) and names the line it came from. The saved page
//! itself stays on disk, unchanged.

use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;
use std::sync::LazyLock;

/// Whether `text` is an HTML page rather than an article that mentions a tag.
pub fn is_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body")))
}

static CANONICAL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?is)<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>"#).ok());
static HREF: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?is)\bhref\s*=\s*["']([^"']+)["']"#).ok());

/// `<link rel="canonical" href="…">`, attributes in any order.
fn canonical(html: &str) -> Option<String> {
    let link = CANONICAL.as_ref()?.find(html)?;
    let href = HREF.as_ref()?.captures(link.as_str())?.get(1)?;
    Some(href.as_str().trim().to_string())
}

/// The page as text (see the module comment), or `None` when no article could be extracted.
pub fn render(html: &str) -> Option<String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut r = Readability::new(html, None, Some(cfg)).ok()?;
    let a = r.parse().ok()?;
    let mut out = String::new();
    let mut line = |key: &str, value: Option<&str>| {
        if let Some(v) = value.map(one_line).filter(|v| !v.is_empty()) {
            out.push_str(&format!("{key}: {v}\n"));
        }
    };
    line("Title", Some(a.title.as_str()));
    // Readability's byline may keep the "By" of the page's byline element.
    let byline = a.byline.as_deref().map(|b| {
        let b = b.trim();
        b.strip_prefix("By ")
            .or_else(|| b.strip_prefix("by "))
            .unwrap_or(b)
    });
    line("Author", byline);
    line("Source", a.site_name.as_deref());
    line("Published", a.published_time.as_deref());
    line("Updated", a.modified_time.as_deref());
    let url = canonical(html).or(a.url.clone());
    line("URL", url.as_deref());
    line("Language", a.lang.as_deref());
    out.push('\n');
    for para in a.text_content.split('\n') {
        let p = para.trim();
        if !p.is_empty() {
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    Some(out)
}

/// Whitespace runs (line breaks included) made one space: a header value is one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
