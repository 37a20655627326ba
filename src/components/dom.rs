//! A few lines of direct DOM building for the search results. Results are rebuilt wholesale on
//! every search, and building them through `web-sys` calls costs a small fraction of the wasm
//! that typed `view!` trees (with their build and rebuild code per shape) cost here. Text always
//! goes in as text nodes, never as HTML.

use leptos::prelude::document;

/// An element under construction.
pub struct El(pub web_sys::Element);

pub fn el(tag: &str) -> El {
    El(document()
        .create_element(tag)
        .expect("creating an element with a fixed tag name"))
}

/// An SVG element: SVG needs its own namespace (an HTML `<rect>` draws nothing). Give it classes
/// with `attr("class", …)`: `className` is read-only on SVG elements.
pub fn svg(tag: &str) -> El {
    El(document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
        .expect("creating an SVG element with a fixed tag name"))
}

impl El {
    pub fn class(self, class: &str) -> El {
        self.0.set_class_name(class);
        self
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets one CSS property through CSSOM. Never a `style` attribute: the Content-Security-Policy
    /// (`style-src 'self'`, see index.html) refuses those, but allows CSSOM.
    pub fn style(self, property: &str, value: &str) -> El {
        use wasm_bindgen::JsCast;
        if let Some(html) = self.0.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.style().set_property(property, value);
        }
        self
    }

    /// Appends `text` as a text node.
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    pub fn child(self, child: El) -> El {
        let _ = self.0.append_with_node_1(&child.0);
        self
    }

    pub fn push(&self, child: El) {
        let _ = self.0.append_with_node_1(&child.0);
    }

    pub fn push_text(&self, text: &str) {
        let _ = self.0.append_with_str_1(text);
    }
}

/// A link to another view of the app (the window's click listener turns it into history
/// navigation without a reload).
pub fn link(href: &str, text: &str) -> El {
    el("a").attr("href", href).text(text)
}

/// Replaces `host`'s children with `children`, keeping keyboard focus on the element with the
/// same `data-key` if focus was inside (a facet link that was just followed, for instance).
pub fn fill(host: &web_sys::Element, children: Vec<El>) {
    let focused = document()
        .active_element()
        .filter(|a| host.contains(Some(a)))
        .and_then(|a| a.get_attribute("data-key"));
    host.set_text_content(None);
    for c in children {
        let _ = host.append_with_node_1(&c.0);
    }
    if let Some(key) = focused {
        let sel = format!("[data-key=\"{}\"]", css_escape(&key));
        if let Some(el) = host.query_selector(&sel).ok().flatten() {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }
}

/// The page's HTML elements matching a CSS selector, in document order.
pub fn html_elements(selector: &str) -> Vec<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let Ok(list) = document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Escapes a value for a double-quoted CSS attribute selector.
fn css_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\0' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
