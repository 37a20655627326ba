//! Parts of the hand-built DOM (`dom.rs`) that are kept from one search to the next and
//! updated in place: a list whose children are matched by key, and an optional element at a
//! fixed place. What did not change keeps its nodes, so the browser neither builds nor lays it
//! out again, and a link that keeps its place keeps keyboard focus.

use super::dom::El;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// The children of `host`, one per key, each shown from a value of type `T`.
pub struct Keyed<T> {
    host: web_sys::Element,
    shown: Vec<(String, web_sys::Element, T)>,
}

impl<T: PartialEq> Keyed<T> {
    /// An empty `host` whose children this list will own.
    pub fn new(host: &El) -> Self {
        Keyed {
            host: host.0.clone(),
            shown: Vec::new(),
        }
    }

    /// Shows `wanted` in its order. A key shown before keeps its element: `update(element, old,
    /// new)` is called when its value changed. A new key's element comes from `build`; keys no
    /// longer wanted lose theirs.
    pub fn show(
        &mut self,
        wanted: Vec<(String, T)>,
        build: impl Fn(&T) -> El,
        update: impl Fn(&web_sys::Element, &T, &T),
    ) {
        let mut old: HashMap<String, (web_sys::Element, T)> = self
            .shown
            .drain(..)
            .map(|(key, el, value)| (key, (el, value)))
            .collect();
        let mut next: Option<web_sys::Node> = self.host.first_child();
        for (key, value) in wanted {
            let el = match old.remove(&key) {
                Some((el, before)) => {
                    if before != value {
                        update(&el, &before, &value);
                    }
                    el
                }
                None => build(&value).0,
            };
            // In place already: the cursor moves past it. Otherwise it goes here (moving an
            // element is cheaper than rebuilding it, and only out-of-order ones move).
            if next.as_ref() == Some(el.unchecked_ref::<web_sys::Node>()) {
                next = el.next_sibling();
            } else {
                let _ = self.host.insert_before(&el, next.as_ref());
            }
            self.shown.push((key, el, value));
        }
        for (el, _) in old.into_values() {
            el.remove();
        }
    }
}

/// An element that is shown or not, always at the same place (before an empty comment node
/// that marks it, which the browser neither styles nor lays out), rebuilt only when the value
/// it shows changes.
pub struct Slot<T> {
    anchor: web_sys::Node,
    shown: Option<(T, web_sys::Element)>,
}

impl<T: PartialEq> Slot<T> {
    /// A slot at the end of `parent`'s children so far.
    pub fn new(parent: &El) -> Self {
        let anchor: web_sys::Node = leptos::prelude::document().create_comment("").into();
        let _ = parent.0.append_child(&anchor);
        Slot {
            anchor,
            shown: None,
        }
    }

    /// Shows `want` (built by `build`), or nothing.
    pub fn show(&mut self, want: Option<T>, build: impl Fn(&T) -> El) {
        if self.shown.as_ref().map(|(v, _)| v) == want.as_ref() {
            return;
        }
        if let Some((_, el)) = self.shown.take() {
            el.remove();
        }
        if let Some(value) = want {
            let el = build(&value).0;
            if let Some(parent) = self.anchor.parent_node() {
                let _ = parent.insert_before(&el, Some(&self.anchor));
            }
            self.shown = Some((value, el));
        }
    }
}
