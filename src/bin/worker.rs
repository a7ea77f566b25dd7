//! The extraction worker: a second wasm binary, loaded in a Web Worker only when a reader
//! adds an article. It reads files, turns saved web pages into articles and runs the
//! extractor, so the page stays responsive; see `metricscope::own::protocol`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Reflect, Uint8Array};
    use metricscope::own::bundle::read_entry;
    use metricscope::own::protocol::{encode, field, process, Input, Reply};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
        let bytes = Uint8Array::from(encode(reply).as_slice());
        // The buffer is transferred, not copied.
        let _ = scope.post_message_with_transfer(&bytes, &Array::of1(&bytes.buffer()));
    }

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let onmessage = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let get = |key: &str| Reflect::get(&data, &key.into()).ok();
            let id = get(field::ID).and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
            let name = get(field::NAME)
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let input = if let Some(file) = get(field::FILE).and_then(|f| f.dyn_into::<File>().ok())
            {
                let bytes = FileReaderSync::new()
                    .and_then(|r| r.read_as_array_buffer(&file))
                    .map(|buf| Uint8Array::new(&buf).to_vec());
                match bytes {
                    Ok(bytes) => Input::Bytes(bytes),
                    Err(_) => Input::Bytes(Vec::new()),
                }
            } else if let Some(text) = get(field::TEXT).and_then(|t| t.as_string()) {
                Input::Bytes(text.into_bytes())
            } else {
                match get(field::ARTICLE)
                    .and_then(|a| a.as_string())
                    .as_deref()
                    .and_then(read_entry)
                {
                    Some(article) => Input::Stored(article),
                    None => Input::Bytes(Vec::new()),
                }
            };
            post(&scope, &process(id, &name, input));
        })
    };
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&scope, &Reply::Ready);
}

/// Natively there is no worker to run; the binary exists for the wasm build.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("metricscope-worker runs in a browser's Web Worker; build it with trunk.");
}
