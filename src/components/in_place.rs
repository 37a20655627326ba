//! Parts of the hand-built DOM (`dom.rs`) that are kept from one search to the next and
//! updated in place: a list whose rows keep their elements, and an optional element at a fixed
//! place. The browser then neither builds, restyles nor lays out again what did not change.

use super::dom::El;

/// The children of `host`, one row per value shown, each row built once with handles `P` on the
/// parts that change (a link, its text) and then updated through them.
///
/// Rows are matched by place, not by key: when a filter's values reorder (their counts change
/// with every query) a row shows another value rather than moving. Moving elements made the
/// browser restyle and lay out each moved subtree again, most of a search's style work at
/// 10,000 articles (BENCHMARKS.md); the caller gives keyboard focus back to a followed value
/// that now shows elsewhere (`dom::keep_focus`, by `data-key`).
pub struct Rows<T, P> {
    host: web_sys::Element,
    shown: Vec<Row<T, P>>,
}

struct Row<T, P> {
    element: web_sys::Element,
    parts: P,
    value: T,
}

impl<T: PartialEq, P> Rows<T, P> {
    /// An empty `host` whose children these rows will be.
    pub fn new(host: &El) -> Self {
        Rows {
            host: host.0.clone(),
            shown: Vec::new(),
        }
    }

    /// Shows `wanted` in its order. A row shown before keeps its element: `update(element,
    /// parts, old, new)` is called when its value changed. Rows past the old ones come from
    /// `build`; rows past the wanted ones are removed.
    pub fn show(
        &mut self,
        wanted: impl IntoIterator<Item = T>,
        build: impl Fn(&T) -> (El, P),
        update: impl Fn(&web_sys::Element, &mut P, &T, &T),
    ) {
        let mut count = 0;
        for value in wanted {
            match self.shown.get_mut(count) {
                Some(row) => {
                    if row.value != value {
                        update(&row.element, &mut row.parts, &row.value, &value);
                        row.value = value;
                    }
                }
                None => {
                    let (el, parts) = build(&value);
                    let _ = self.host.append_with_node_1(&el.0);
                    self.shown.push(Row {
                        element: el.0,
                        parts,
                        value,
                    });
                }
            }
            count += 1;
        }
        // Every wanted value has a row by now, so `count` is at most the rows shown.
        for row in self.shown.drain(count..) {
            row.element.remove();
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
