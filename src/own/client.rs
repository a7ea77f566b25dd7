//! The page's side of the extraction worker: starts it on first use (so its code is only
//! downloaded by readers who add an article), queues requests until it says it is ready,
//! and hands each reply to a callback. Cancelling an import ends the worker.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use super::protocol::{decode, field, Reply};
use super::Article;

/// The worker's loader script, built by trunk from `src/bin/worker.rs`.
const LOADER: &str = "metricscope-worker_loader.js";

/// A running worker.
pub struct Extractor {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    queue: Rc<RefCell<Vec<Object>>>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

/// Where the app's files are served from: the folder of the main wasm file, as the boot
/// script's tag names it, so a build under a sub-path finds its worker too.
fn asset_base() -> String {
    gloo::utils::document()
        .query_selector("script[data-metricscope-wasm]")
        .ok()
        .flatten()
        .and_then(|s| s.get_attribute("data-metricscope-wasm"))
        .and_then(|w| w.rsplit_once('/').map(|(dir, _)| format!("{dir}/")))
        .unwrap_or_default()
}

impl Extractor {
    /// Starts the worker. `on_reply` gets every reply but `Ready`; `on_error` a sentence
    /// when the worker fails (it could not load, or it crashed).
    pub fn spawn(
        on_reply: Rc<dyn Fn(Reply)>,
        on_error: Rc<dyn Fn(String)>,
    ) -> Result<Self, String> {
        let worker = Worker::new(&format!("{}{LOADER}", asset_base()))
            .map_err(|e| format!("the extractor could not start ({e:?})"))?;
        let ready = Rc::new(Cell::new(false));
        let queue: Rc<RefCell<Vec<Object>>> = Rc::default();
        let onmessage = {
            let (ready, queue, worker) = (ready.clone(), queue.clone(), worker.clone());
            let on_error = on_error.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let bytes = Uint8Array::new(&e.data()).to_vec();
                match decode(&bytes) {
                    Ok(Reply::Ready) => {
                        ready.set(true);
                        for request in queue.borrow_mut().drain(..) {
                            let _ = worker.post_message(&request);
                        }
                    }
                    Ok(reply) => on_reply(reply),
                    Err(why) => on_error(why),
                }
            })
        };
        let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let message = Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "it could not be loaded".to_owned());
            on_error(format!("The extractor stopped: {message}."));
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(Self {
            worker,
            ready,
            queue,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    fn send(&self, request: Object) {
        if self.ready.get() {
            let _ = self.worker.post_message(&request);
        } else {
            self.queue.borrow_mut().push(request);
        }
    }

    /// Asks for a file to be read and extracted; the worker reads it, not the page.
    pub fn send_file(&self, id: u32, file: &web_sys::File) {
        let request = request(id, &file.name());
        let _ = Reflect::set(&request, &field::FILE.into(), file);
        self.send(request);
    }

    /// Asks for pasted text to be checked and extracted.
    pub fn send_text(&self, id: u32, name: &str, text: &str) {
        let request = request(id, name);
        let _ = Reflect::set(&request, &field::TEXT.into(), &JsValue::from_str(text));
        self.send(request);
    }

    /// Asks for a kept article to be extracted.
    pub fn send_article(&self, id: u32, article: &Article) {
        let request = request(id, &article.name);
        let json = super::bundle::write_entry(article);
        let _ = Reflect::set(&request, &field::ARTICLE.into(), &JsValue::from_str(&json));
        self.send(request);
    }

    /// Stops the worker; requests not yet answered are dropped.
    pub fn terminate(&self) {
        self.worker.terminate();
    }
}

fn request(id: u32, name: &str) -> Object {
    let request = Object::new();
    let _ = Reflect::set(&request, &field::ID.into(), &JsValue::from(id));
    let _ = Reflect::set(&request, &field::NAME.into(), &JsValue::from_str(name));
    request
}
