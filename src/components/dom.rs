//! A few lines of direct DOM building for the search results. Results are rebuilt wholesale on
//! every search, and building them through `web-sys` calls costs a small fraction of the wasm
//! that typed `view!` trees (with their build and rebuild code per shape) cost here. Text always
//! goes in as text nodes, never as HTML.
//!
//! A page of results makes about 1,500 DOM calls. Each name passed as `&str` is decoded from
//! UTF-8 into a new JS string, and each `document()` is a new reference to the document, so tag,
//! class and attribute names cross as JS strings made once (`names`) and elements are made from
//! one held document (an update's mean 5.13 → 4.64 ms). Most of what is left is the browser's
//! own work per node, not the calls: far fewer calls (copied skeletons, one call per highlighted
//! passage) measured no faster (BENCHMARKS.md).

use leptos::prelude::document;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // The document's and elements' calls, taking a name already in JS (and not catching: a
    // fixed tag, class or attribute name cannot make them throw).
    type NamedDocument;
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &NamedDocument, tag: &JsValue) -> web_sys::Element;
    type NamedElement;
    #[wasm_bindgen(method, setter = className)]
    fn set_class_name(this: &NamedElement, class: &JsValue);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &NamedElement, name: &JsValue, value: &str);
}

/// Names seen at most: they come from the code, not from the corpus, so a few dozen in all;
/// past this bound a name is passed as any string is.
const NAMES_KEPT: usize = 512;

thread_local! {
    static DOCUMENT: web_sys::Document = document();
    static NAMES: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

/// Calls `f` with `name` as a JS string, made at its first use.
fn with_name<R>(name: &str, f: impl FnOnce(&JsValue) -> R) -> R {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(js) = names.get(name) {
            return f(js);
        }
        let js = JsValue::from_str(name);
        let out = f(&js);
        if names.len() < NAMES_KEPT {
            names.insert(name.to_string(), js);
        }
        out
    })
}

/// An element under construction.
pub struct El(pub web_sys::Element);

pub fn el(tag: &str) -> El {
    DOCUMENT.with(|d| {
        let d: &NamedDocument = d.unchecked_ref();
        El(with_name(tag, |tag| d.create_element(tag)))
    })
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
        with_name(class, |c| self.calls().set_class_name(c));
        self
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        with_name(name, |n| self.calls().set_attribute(n, value));
        self
    }

    /// Appends `text` as a text node.
    pub fn text(self, text: &str) -> El {
        self.push_text(text);
        self
    }

    pub fn child(self, child: El) -> El {
        self.push(child);
        self
    }

    pub fn push(&self, child: El) {
        let _ = self.0.append_with_node_1(&child.0);
    }

    pub fn push_text(&self, text: &str) {
        let _ = self.0.append_with_str_1(text);
    }

    fn calls(&self) -> &NamedElement {
        self.0.unchecked_ref()
    }
}

/// A link to another view of the app (the window's click listener turns it into history
/// navigation without a reload).
pub fn link(href: &str, text: &str) -> El {
    el("a").attr("href", href).text(text)
}

/// Sets an ARIA state such as `aria-current` or `aria-busy` on `element`: `"true"`, or no
/// attribute when `on` is false (an empty value would not read as true).
pub fn set_state(element: &web_sys::Element, name: &str, on: bool) {
    let _ = match on {
        true => element.set_attribute(name, "true"),
        false => element.remove_attribute(name),
    };
}

/// Replaces `host`'s children with `children`, keeping keyboard focus on the element with the
/// same `data-key` if focus was inside (a facet link that was just followed, for instance).
pub fn fill(host: &web_sys::Element, children: Vec<El>) {
    keep_focus(host, || {
        host.set_text_content(None);
        for c in children {
            let _ = host.append_with_node_1(&c.0);
        }
    });
}

/// Runs `change` on `host`'s children; if keyboard focus was inside on an element with a
/// `data-key` and that element is gone (rebuilt, or moved) or now shows another key (a row
/// updated in place, `in_place::Rows`), focus goes to the element now there with the key.
pub fn keep_focus(host: &web_sys::Element, change: impl FnOnce()) {
    let active = document()
        .active_element()
        .filter(|a| host.contains(Some(a)));
    let key = active.as_ref().and_then(|a| a.get_attribute("data-key"));
    change();
    let Some(key) = key else {
        return;
    };
    let still = document().active_element().is_some_and(|a| {
        Some(&a) == active.as_ref()
            && host.contains(Some(&a))
            && a.get_attribute("data-key").as_ref() == Some(&key)
    });
    if still {
        return;
    }
    let sel = format!("[data-key=\"{}\"]", css_escape(&key));
    if let Some(el) = host.query_selector(&sel).ok().flatten() {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
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
