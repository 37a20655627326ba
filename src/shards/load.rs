//! Reading a sharded corpus's files in the page: the manifest ([`open`]) and each file as it
//! arrives ([`arrived`]), decoded and checked by `LazyBundle`; the views' snapshot is made
//! again once a batch of files is in, and the whole bundle is handed to the page once every
//! file is. All of it runs behind one split point (`wasm_split`, as the pages in
//! `src/lazy_pages.rs`): this code and the decoders and checks of the manifest and its files
//! are a module the page fetches only when `corpus.bin` is a manifest.

use super::{with, State, STATE};
use crate::lazy_pages::LoadFailed;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use parallax_core::bundle::{LazyBundle, Need};
use parallax_core::Bundle;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

/// What the page says when the code that reads the corpus's files cannot be fetched.
const UNLOADED: &str = "The code that reads this site's corpus files could not be loaded: the connection may be down, or the site was updated since this tab opened it. Reload the page.";

/// Called once the whole corpus is loaded (or with why it could not be read).
type OnFull = Rc<dyn Fn(Result<Arc<Bundle>, String>)>;

/// What the split module is asked to do (one entry point, so that it is one module).
pub enum Op {
    Open {
        bytes: Vec<u8>,
        changed: RwSignal<u64>,
        on_full: OnFull,
    },
    Arrived {
        need: Need,
        path: String,
        got: Result<Vec<u8>, String>,
    },
}

/// A sentence for people, or the corpus as first loaded (for `Op::Open`).
type Done = Result<Option<Arc<Bundle>>, String>;

#[wasm_split(shards, fallible, wasm_split_path = ::leptos::wasm_split)]
fn run(op: Op) -> Result<Done, LoadFailed> {
    Ok(match op {
        Op::Open {
            bytes,
            changed,
            on_full,
        } => start(&bytes, changed, on_full).map(Some),
        Op::Arrived { need, path, got } => {
            add(need, &path, got);
            Ok(None)
        }
    })
}

/// Reads the manifest `bytes`; the page then reads the corpus it describes, piece by piece, and
/// `on_full` gets the whole corpus once a view has loaded it all. Gives the corpus as the
/// manifest alone describes it, or why it cannot be read (a sentence ending without a stop).
pub async fn open(
    bytes: Vec<u8>,
    changed: RwSignal<u64>,
    on_full: impl Fn(Result<Arc<Bundle>, String>) + 'static,
) -> Result<Arc<Bundle>, String> {
    let on_full: OnFull = Rc::new(on_full);
    match run(Op::Open {
        bytes,
        changed,
        on_full,
    })
    .await
    {
        Ok(Ok(Some(b))) => Ok(b),
        Ok(Ok(None)) => Err(String::new()),
        Ok(Err(why)) => Err(why),
        Err(LoadFailed) => Err(UNLOADED.trim_end_matches('.').to_string()),
    }
}

fn start(bytes: &[u8], changed: RwSignal<u64>, on_full: OnFull) -> Result<Arc<Bundle>, String> {
    let lazy = LazyBundle::from_manifest(bytes).map_err(|e| e.to_string())?;
    let snapshot = Arc::new(lazy.bundle().clone());
    let labels = Rc::new(lazy.labels().to_vec());
    super::SERVED_KEY.with(|k| k.set(Some(lazy.manifest_checksum())));
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            lazy,
            snapshot: snapshot.clone(),
            stale: false,
            labels,
            in_flight: HashSet::new(),
            queue: Default::default(),
            fetching: 0,
            failed: None,
            waiting: Vec::new(),
            changed,
            on_full,
        })
    });
    Ok(snapshot)
}

/// A file has been fetched (or could not be): adds it, and once nothing is in flight, makes
/// the views' snapshot again and runs the views waiting.
pub(super) async fn arrived(need: Need, path: String, got: Result<Vec<u8>, String>) {
    if run(Op::Arrived { need, path, got }).await.is_err() {
        // The reading code itself could not be fetched: every view waiting says so.
        let changed = with(|s| {
            s.in_flight.remove(&need);
            s.failed.get_or_insert_with(|| UNLOADED.to_string());
            s.changed
        });
        if let Some(changed) = changed {
            changed.update(|n| *n += 1);
        }
    }
}

fn add(need: Need, path: &str, got: Result<Vec<u8>, String>) {
    let done = with(|s| {
        s.in_flight.remove(&need);
        let added = match got {
            Ok(bytes) => s.lazy.add(need, &bytes).map_err(|e| e.to_string()),
            Err(why) => Err(format!(
                "the corpus file “{path}” could not be loaded: {why}"
            )),
        };
        match added {
            Ok(()) => s.stale = true,
            Err(why) => {
                s.failed.get_or_insert(format!(
                    "Part of the corpus could not be read: {why}. Reload the page; if it keeps failing, the site needs rebuilding."
                ));
            }
        }
        s.in_flight.is_empty()
    });
    if done != Some(true) {
        return;
    }
    // A batch has arrived: a complete corpus replaces this one; waiting views run again.
    if with(|s| s.lazy.is_complete()) == Some(true) {
        if let Some(s) = STATE.with(|s| s.borrow_mut().take()) {
            let full = s
                .lazy
                .into_bundle()
                .map(Arc::new)
                .map_err(|e| format!("The corpus could not be read: {e}."));
            (s.on_full)(full);
        }
        return;
    }
    let (waiting, changed) = with(|s| {
        if s.stale {
            s.snapshot = Arc::new(s.lazy.bundle().clone());
            s.stale = false;
        }
        (std::mem::take(&mut s.waiting), s.changed)
    })
    .unzip();
    for f in waiting.into_iter().flatten() {
        f();
    }
    if let Some(changed) = changed {
        changed.update(|n| *n += 1);
    }
}
