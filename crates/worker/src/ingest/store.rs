//! The files a user added, kept in this browser's IndexedDB (database `parallax`, store `files`,
//! one record per file: `name` (its content name, the key), `original`, `bytes` and, when it has
//! one, `sidecar` and `edited`, the metadata keys corrected in the page; a served article's
//! corrections are a record `edit:<file name>` with `sidecar` and `edited`). Nothing is ever sent anywhere; every failure is a sentence for the page.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use parallax_core::ingest::batch::{sidecar_name, InputFile};
use parallax_worker::served::scope;
use parallax_worker::session::{Correction, Kept};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransaction, IdbTransactionMode,
};

const DB: &str = "parallax";
const STORE: &str = "files";

/// Why storing failed, as a sentence: a full storage is said so.
fn describe(what: &str, error: Option<web_sys::DomException>) -> String {
    match error {
        Some(e) if e.name() == "QuotaExceededError" => format!(
            "{what}: this browser's storage for the site is full. The articles are shown until you reload; remove some to make room."
        ),
        Some(e) => format!("{what}: {} ({}).", e.message(), e.name()),
        None => format!("{what}: this browser refused to store them (private browsing, or storage turned off)."),
    }
}

/// Waits for a request; its result, or its error.
async fn finished(req: &IdbRequest, what: &str) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    match outcome {
        Ok(_) => req.result().map_err(|_| describe(what, None)),
        Err(_) => Err(describe(what, req.error().ok().flatten())),
    }
}

/// Waits for a transaction to commit.
async fn committed(tx: &IdbTransaction, what: &str) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
        tx.set_onerror(Some(&reject));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| describe(what, tx.error()))
}

async fn open(what: &str) -> Result<IdbDatabase, String> {
    let factory = scope()
        .indexed_db()
        .ok()
        .flatten()
        .ok_or_else(|| describe(what, None))?;
    let req = factory
        .open_with_u32(DB, 1)
        .map_err(|_| describe(what, None))?;
    let upgrade = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let db = Reflect::get(&ev, &"target".into())
            .and_then(|t| Reflect::get(&t, &"result".into()))
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let params = IdbObjectStoreParameters::new();
            params.set_key_path(&JsValue::from_str("name"));
            let _ = db.create_object_store_with_optional_parameters(STORE, &params);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = finished(&req, what).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>()
        .map_err(|_| describe(what, None))
}

fn transaction(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
    what: &str,
) -> Result<IdbTransaction, String> {
    db.transaction_with_str_and_mode(STORE, mode)
        .map_err(|_| describe(what, None))
}

/// The key of a served article's corrections (the files' keys are content names, which never
/// start so).
const EDIT_PREFIX: &str = "edit:";

/// What the browser kept: the added files (`(original name, file, keys corrected in the
/// page)`, in key order) and the corrections of served articles.
pub struct Loaded {
    pub files: Vec<(String, InputFile, Vec<String>)>,
    pub edits: Vec<(String, Correction)>,
}

/// A record's corrected keys: a list of them, or `true` from a version that kept no list (every
/// editable key, then).
fn edited_keys(v: Option<JsValue>) -> Vec<String> {
    match v {
        Some(v) if v.as_bool() == Some(true) => parallax_core::sidecar::EDITABLE
            .iter()
            .map(|k| k.to_string())
            .collect(),
        Some(v) if Array::is_array(&v) => Array::from(&v)
            .iter()
            .filter_map(|k| k.as_string())
            .collect(),
        _ => Vec::new(),
    }
}

fn keys_array(keys: &[String]) -> JsValue {
    keys.iter()
        .map(|k| JsValue::from_str(k))
        .collect::<Array>()
        .into()
}

/// Everything kept.
pub async fn load() -> Result<Loaded, String> {
    let what = "Your added articles could not be read back from this browser";
    let db = open(what).await?;
    let tx = transaction(&db, IdbTransactionMode::Readonly, what)?;
    let store = tx.object_store(STORE).map_err(|_| describe(what, None))?;
    let all = finished(&store.get_all().map_err(|_| describe(what, None))?, what).await?;
    let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).ok();
    let mut out = Loaded {
        files: Vec::new(),
        edits: Vec::new(),
    };
    for record in Array::from(&all).iter() {
        let name = get(&record, "name").and_then(|v| v.as_string());
        let sidecar = get(&record, "sidecar").and_then(|v| v.dyn_into::<Uint8Array>().ok());
        if let (Some(file), Some(bytes)) = (
            name.as_deref().and_then(|n| n.strip_prefix(EDIT_PREFIX)),
            &sidecar,
        ) {
            let correction = Correction {
                sidecar: bytes.to_vec(),
                keys: edited_keys(get(&record, "edited")),
            };
            out.edits.push((file.to_string(), correction));
            continue;
        }
        let (Some(name), Some(bytes)) = (
            name,
            get(&record, "bytes").and_then(|v| v.dyn_into::<Uint8Array>().ok()),
        ) else {
            continue;
        };
        let original = get(&record, "original")
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| name.clone());
        let edited = edited_keys(get(&record, "edited"));
        let sidecar = sidecar.map(|b| (sidecar_name(&name), b.to_vec()));
        out.files.push((
            original,
            InputFile {
                name,
                bytes: bytes.to_vec(),
                sidecar,
            },
            edited,
        ));
    }
    db.close();
    Ok(out)
}

/// Keeps these files (one transaction: all or none).
pub async fn put(kept: &[Kept]) -> Result<(), String> {
    let what = "Your added articles could not be kept in this browser";
    let db = open(what).await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite, what)?;
    let store = tx.object_store(STORE).map_err(|_| describe(what, None))?;
    for k in kept {
        let record = Object::new();
        let set = |key: &str, v: &JsValue| Reflect::set(&record, &JsValue::from_str(key), v);
        let _ = set("name", &JsValue::from_str(&k.file.name));
        let _ = set("original", &JsValue::from_str(&k.original));
        let _ = set("bytes", &Uint8Array::from(k.file.bytes.as_slice()));
        if let Some((_, b)) = &k.file.sidecar {
            let _ = set("sidecar", &Uint8Array::from(b.as_slice()));
        }
        let _ = set("edited", &keys_array(&k.edited));
        store.put(&record).map_err(|_| describe(what, None))?;
    }
    let result = committed(&tx, what).await;
    db.close();
    result
}

/// Forgets one kept file, or all of them (`None`).
pub async fn remove(name: Option<&str>) -> Result<(), String> {
    let what = "Your added articles could not be removed from this browser";
    let db = open(what).await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite, what)?;
    let store = tx.object_store(STORE).map_err(|_| describe(what, None))?;
    match name {
        Some(n) => store.delete(&JsValue::from_str(n)),
        None => store.clear(),
    }
    .map_err(|_| describe(what, None))?;
    let result = committed(&tx, what).await;
    db.close();
    result
}

/// Keeps the corrections of a served article.
pub async fn put_edit(file: &str, correction: &Correction) -> Result<(), String> {
    let what = "Your corrections could not be kept in this browser";
    let db = open(what).await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite, what)?;
    let store = tx.object_store(STORE).map_err(|_| describe(what, None))?;
    let record = Object::new();
    let _ = Reflect::set(
        &record,
        &"name".into(),
        &JsValue::from_str(&format!("{EDIT_PREFIX}{file}")),
    );
    let _ = Reflect::set(
        &record,
        &"sidecar".into(),
        &Uint8Array::from(correction.sidecar.as_slice()),
    );
    let _ = Reflect::set(&record, &"edited".into(), &keys_array(&correction.keys));
    store.put(&record).map_err(|_| describe(what, None))?;
    let result = committed(&tx, what).await;
    db.close();
    result
}
