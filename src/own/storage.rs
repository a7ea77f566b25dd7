//! Where a reader's articles are kept: IndexedDB, one entry per article, as JSON text.
//!
//! Plain `web-sys` rather than a wrapper crate: four operations are needed (open, read all,
//! add, delete), each a request awaited through a small promise, and the quota error has to
//! be told apart by its `DOMException` name, which wrappers hide behind their own error types.
//!
//! Keys come from the store's auto-increment counter, so adding never writes over an
//! existing entry: an entry that cannot be read is left where it is, listed, and offered
//! as a download. Articles kept in localStorage by earlier versions move over once.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransaction, IdbTransactionMode,
};

use super::bundle::{read_entry, read_legacy, write_entry};
use super::{Article, LEGACY_STORAGE_KEY};

const DB_NAME: &str = "metricscope";
const DB_VERSION: u32 = 1;
const STORE: &str = "articles";

/// An entry that is not a readable article: kept, never overwritten, downloadable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Its key in the store.
    pub key: u32,
    /// What it holds, as text.
    pub raw: String,
}

/// Why storing failed, in a reader's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota for this site is used up.
    Full,
    /// Storage is unavailable or failed for another reason.
    Other(String),
}

impl StoreError {
    /// A sentence for the reader.
    pub fn message(&self) -> String {
        match self {
            StoreError::Full => "This browser's storage for this site is full, so the newest articles are shown but not kept: download them (\"Download my articles\") before you leave, or remove some.".to_owned(),
            StoreError::Other(why) => format!("This browser would not keep the articles ({why}); they are shown until you leave. Download them to keep them."),
        }
    }
}

fn error_of(value: &JsValue) -> StoreError {
    let name = js_sys::Reflect::get(value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return StoreError::Full;
    }
    let message = js_sys::Reflect::get(value, &"message".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    StoreError::Other(if message.is_empty() { name } else { message })
}

/// Resolves with a request's result, or rejects with its error.
async fn wait(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let r = request.clone();
        let ok = wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = request.clone();
        let fail = wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
            let error = r
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Resolves when a transaction commits, or rejects with its error (a quota error shows up
/// here, when the data is written).
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let done = wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let fail = wasm_bindgen::closure::Closure::once_into_js(move |_: web_sys::Event| {
            let error = t.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(done.unchecked_ref()));
        tx.set_onabort(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

/// The open database.
#[derive(Clone, Debug)]
pub struct Storage {
    db: IdbDatabase,
}

/// What was found in storage when the page opened.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Readable articles with their keys, in the order they were added.
    pub articles: Vec<(u32, Article)>,
    /// Entries that are not readable articles.
    pub set_aside: Vec<SetAside>,
    /// Something to tell the reader (articles moved from localStorage, or why not).
    pub note: Option<String>,
}

impl Storage {
    /// Opens (and on first use creates) the database.
    pub async fn open() -> Result<Self, StoreError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StoreError::Other("IndexedDB is not available".to_owned()))?;
        let request = factory
            .open_with_u32(DB_NAME, DB_VERSION)
            .map_err(|e| error_of(&e))?;
        let upgrade = wasm_bindgen::closure::Closure::once_into_js({
            let request = request.clone();
            move |_: web_sys::Event| {
                if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                    if !db.object_store_names().contains(STORE) {
                        let params = IdbObjectStoreParameters::new();
                        params.set_auto_increment(true);
                        let _ = db.create_object_store_with_optional_parameters(STORE, &params);
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let db = wait(&request)
            .await
            .map_err(|e| error_of(&e))?
            .dyn_into::<IdbDatabase>()
            .map_err(|_| StoreError::Other("the database did not open".to_owned()))?;
        Ok(Self { db })
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
        self.db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(|e| error_of(&e))
    }

    /// Every entry, sorted into readable articles and entries set aside; articles still in
    /// localStorage are moved in first.
    pub async fn load(&self) -> Result<Loaded, StoreError> {
        let note = self.migrate().await;
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
        let keys = wait(&store.get_all_keys().map_err(|e| error_of(&e))?)
            .await
            .map_err(|e| error_of(&e))?;
        let values = wait(&store.get_all().map_err(|e| error_of(&e))?)
            .await
            .map_err(|e| error_of(&e))?;
        let (keys, values) = (Array::from(&keys), Array::from(&values));
        let mut loaded = Loaded {
            note,
            ..Loaded::default()
        };
        for (key, value) in keys.iter().zip(values.iter()) {
            let Some(key) = key.as_f64().map(|k| k as u32) else {
                continue;
            };
            let raw = value.as_string().unwrap_or_else(|| {
                js_sys::JSON::stringify(&value).map_or_else(|_| String::new(), String::from)
            });
            match value.as_string().as_deref().and_then(read_entry) {
                Some(article) => loaded.articles.push((key, article)),
                None => loaded.set_aside.push(SetAside { key, raw }),
            }
        }
        Ok(loaded)
    }

    /// Moves the articles earlier versions kept in localStorage into the store, once: the
    /// old key is removed only after the store has committed them. An unreadable old value
    /// is moved as it is, so it is set aside rather than lost.
    async fn migrate(&self) -> Option<String> {
        let local = web_sys::window()?.local_storage().ok()??;
        let old = local.get_item(LEGACY_STORAGE_KEY).ok()??;
        let entries: Vec<String> = match read_legacy(&old) {
            Some(articles) => articles.iter().map(write_entry).collect(),
            None => vec![old],
        };
        let n = entries.len();
        match self.put_all(&entries).await {
            Ok(_) => {
                let _ = local.remove_item(LEGACY_STORAGE_KEY);
                Some(format!(
                    "{n} article(s) saved by an earlier version were moved to this browser's database."
                ))
            }
            Err(e) => Some(e.message()),
        }
    }

    async fn put_all(&self, entries: &[String]) -> Result<Vec<u32>, StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
        let mut requests = Vec::new();
        for entry in entries {
            requests.push(
                store
                    .add(&JsValue::from_str(entry))
                    .map_err(|e| error_of(&e))?,
            );
        }
        committed(&tx).await.map_err(|e| error_of(&e))?;
        Ok(requests
            .iter()
            .filter_map(|r| r.result().ok().and_then(|k| k.as_f64()).map(|k| k as u32))
            .collect())
    }

    /// Stores one article; returns its key.
    pub async fn add(&self, article: &Article) -> Result<u32, StoreError> {
        self.put_all(&[write_entry(article)])
            .await?
            .first()
            .copied()
            .ok_or_else(|| StoreError::Other("no key was given".to_owned()))
    }

    /// Deletes the entry under `key`.
    pub async fn delete(&self, key: u32) -> Result<(), StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
        store
            .delete(&JsValue::from(key))
            .map_err(|e| error_of(&e))?;
        committed(&tx).await.map_err(|e| error_of(&e))
    }
}
