//! Values the app derives from the loaded corpus once and shares between views (the article
//! labels, the entity index), derived again when the corpus changes (articles added in the page).

use parallax_core::Bundle;
use std::cell::RefCell;
use std::thread::LocalKey;

/// A cache slot: the value and the fingerprint of the bundle it was derived from.
pub type Slot<T> = RefCell<Option<(u64, T)>>;

/// The value in `slot` if it was derived from this `bundle`, else `derive()`'s, kept in `slot`.
pub fn cached<T: Clone>(
    slot: &'static LocalKey<Slot<T>>,
    bundle: &Bundle,
    derive: impl FnOnce() -> T,
) -> T {
    let fingerprint = bundle.fingerprint();
    slot.with(|cell| {
        let mut cell = cell.borrow_mut();
        match &*cell {
            Some((f, value)) if *f == fingerprint => value.clone(),
            _ => {
                let value = derive();
                *cell = Some((fingerprint, value.clone()));
                value
            }
        }
    })
}
