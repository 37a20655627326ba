//! A web worker the page starts on first use (the comparison engine, the ingest worker): the
//! messages posted before it says `"ready"` wait, in order, and go out when it does; after an
//! error it is stopped, and the next message starts it afresh.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

pub struct WorkerLink {
    /// Its loader script (Trunk's loader shim), relative to the page's `<base>`.
    url: &'static str,
    worker: Option<Worker>,
    ready: bool,
    queued: Vec<JsValue>,
}

impl WorkerLink {
    pub const fn new(url: &'static str) -> WorkerLink {
        WorkerLink {
            url,
            worker: None,
            ready: false,
            queued: Vec::new(),
        }
    }

    /// Posts `message`, starting the worker first if needed: `on_message` then gets every
    /// message it sends but `"ready"` (pass each to [`WorkerLink::take_ready`] first), and
    /// `on_error` runs when it fails to load or stops. `Err` when the browser cannot start it.
    pub fn post(
        &mut self,
        message: JsValue,
        on_message: fn(JsValue),
        on_error: fn(),
    ) -> Result<(), ()> {
        if self.worker.is_none() {
            let worker = Worker::new(self.url).map_err(|_| ())?;
            let m =
                Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| on_message(ev.data()));
            worker.set_onmessage(Some(m.as_ref().unchecked_ref()));
            m.forget();
            let e = Closure::<dyn Fn(web_sys::Event)>::new(move |_| on_error());
            worker.set_onerror(Some(e.as_ref().unchecked_ref()));
            e.forget();
            self.worker = Some(worker);
        }
        match (&self.worker, self.ready) {
            (Some(w), true) => {
                let _ = w.post_message(&message);
            }
            _ => self.queued.push(message),
        }
        Ok(())
    }

    /// `true` when `data` is the worker's `"ready"`: the waiting messages are sent.
    pub fn take_ready(&mut self, data: &JsValue) -> bool {
        if data.as_string().as_deref() != Some("ready") {
            return false;
        }
        self.ready = true;
        if let Some(w) = &self.worker {
            for m in std::mem::take(&mut self.queued) {
                let _ = w.post_message(&m);
            }
        }
        true
    }

    /// Stops the worker and forgets what waited; the next message starts a new one.
    pub fn stop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.ready = false;
        self.queued.clear();
    }
}
