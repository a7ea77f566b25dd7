//! "Your own articles": choose or drop many files or a whole folder (.txt, .md, saved web
//! pages), or paste text. The extractor runs in a Web Worker with a progress bar, refused
//! files are listed with their reasons, and the articles are kept in this browser until
//! removed, or carried to another one with "Download my articles".

use std::rc::Rc;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DragEvent, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry,
    HtmlInputElement, HtmlTextAreaElement,
};
use yew::prelude::*;

use crate::hooks::use_own_articles::Progress;
use crate::own::storage::SetAside;
use crate::own::{Refusal, MAX_BYTES};

/// Props of [`OwnArticles`].
#[derive(Properties, PartialEq)]
pub struct OwnArticlesProps {
    /// "Doc 5 · Title" for each of the reader's articles.
    pub labels: Rc<Vec<String>>,
    /// The import under way, or the last one.
    #[prop_or_default]
    pub progress: Option<Progress>,
    /// Files not added, with their reasons.
    #[prop_or_default]
    pub refused: Rc<Vec<Refusal>>,
    /// Sentences about storage and the worker.
    #[prop_or_default]
    pub notes: Rc<Vec<String>>,
    /// Stored entries that could not be read.
    #[prop_or_default]
    pub set_aside: Rc<Vec<SetAside>>,
    /// Adds files.
    pub onfiles: Callback<Vec<File>>,
    /// Adds pasted text: a label and the text.
    pub onpaste: Callback<(String, String)>,
    /// Cancels the import.
    pub oncancel: Callback<()>,
    /// Removes the article at this position.
    pub onremove: Callback<usize>,
    /// Downloads every article as one file.
    pub ondownload: Callback<()>,
    /// Downloads the entry set aside at this position.
    pub ondownloadsetaside: Callback<usize>,
}

/// Every file under the dropped entries, folders walked.
async fn files_of(mut stack: Vec<FileSystemEntry>) -> Vec<File> {
    let mut files = Vec::new();
    while let Some(entry) = stack.pop() {
        if entry.is_file() {
            let entry: FileSystemFileEntry = entry.unchecked_into();
            let promise = Promise::new(&mut |ok: Function, fail: Function| {
                entry.file_with_callback_and_callback(&ok, &fail);
            });
            if let Ok(file) = JsFuture::from(promise).await {
                files.push(file.unchecked_into());
            }
        } else if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            // readEntries gives a batch at a time, and an empty batch at the end.
            loop {
                let promise = Promise::new(&mut |ok: Function, fail: Function| {
                    let _ = reader.read_entries_with_callback_and_callback(&ok, &fail);
                });
                let Ok(batch) = JsFuture::from(promise).await else {
                    break;
                };
                let batch = Array::from(&batch);
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter().map(JsCast::unchecked_into));
            }
        }
    }
    files.sort_by_key(File::name);
    files
}

/// The panel for adding and removing one's own articles.
#[function_component(OwnArticles)]
pub fn own_articles(props: &OwnArticlesProps) -> Html {
    let text = use_state(String::new);
    let dragging = use_state(|| false);

    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let onpaste_add = {
        let (text, onpaste) = (text.clone(), props.onpaste.clone());
        Callback::from(move |_: MouseEvent| {
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("pasted article");
            let label: String = first.chars().take(60).collect();
            onpaste.emit((format!("{}.txt", label.trim()), (*text).clone()));
            text.set(String::new());
        })
    };
    let onfile = {
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(list) = input.files() {
                let files: Vec<File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
                onfiles.emit(files);
            }
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, onfiles) = (dragging.clone(), props.onfiles.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let Some(data) = e.data_transfer() else {
                return;
            };
            // Entries (which include folders) must be taken during the event.
            let items = data.items();
            let entries: Vec<FileSystemEntry> = (0..items.length())
                .filter_map(|i| items.get(i))
                .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
                .collect();
            if entries.is_empty() {
                if let Some(list) = data.files() {
                    onfiles.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
                }
                return;
            }
            let onfiles = onfiles.clone();
            yew::platform::spawn_local(async move {
                onfiles.emit(files_of(entries).await);
            });
        })
    };

    let n = props.labels.len();
    let busy = props.progress.as_ref().is_some_and(Progress::running);
    html! {
        <details class="own panel-lite" open={n > 0 || busy || !props.notes.is_empty() || !props.refused.is_empty()}>
            <summary>
                { "Add your own articles" }
                if n > 0 {
                    { format!(" ({n} added)") }
                }
            </summary>
            <div
                class={classes!("dropzone", dragging.then_some("dragging"))}
                {ondragover}
                {ondragleave}
                {ondrop}
            >
                <p class="muted small">
                    { format!("Choose or drop files or a whole folder: .txt, .md, or saved web pages (.html, .htm), up to {} MB each; or paste the text. They are read by the same extractor, in your browser, and kept in this browser until you remove them. Nothing is uploaded.", MAX_BYTES / 1_048_576) }
                </p>
                <textarea
                    class="own-text"
                    rows="5"
                    aria-label="Article text"
                    placeholder="Headline\n\nThe article text, or a web page's HTML…"
                    value={(*text).clone()}
                    {oninput}
                />
                <div class="own-actions">
                    <button type="button" class="own-add" disabled={text.trim().is_empty()} onclick={onpaste_add}>
                        { "Add pasted text" }
                    </button>
                    <label class="file-label">
                        { "Choose files " }
                        <input
                            type="file"
                            multiple=true
                            accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                            onchange={onfile}
                        />
                    </label>
                    if n > 0 {
                        <button type="button" class="own-download" onclick={props.ondownload.reform(|_| ())}>
                            { "Download my articles" }
                        </button>
                    }
                </div>
            </div>
            if let Some(p) = &props.progress {
                <div class="own-progress" role="status" aria-live="polite">
                    <progress max={p.total.to_string()} value={p.done.to_string()} aria-label="Import progress" />
                    <span class="own-progress-text">
                        { p.text() }
                    </span>
                    if busy {
                        <button type="button" class="own-cancel" onclick={props.oncancel.reform(|_| ())}>
                            { "Cancel" }
                        </button>
                    }
                </div>
            }
            if !props.refused.is_empty() {
                <div class="own-error" role="alert">
                    <p>{ format!("{} file(s) not added:", props.refused.len()) }</p>
                    <ul class="own-refused">
                        { for props.refused.iter().map(|r| html! {
                            <li><strong>{ r.name.clone() }</strong>{ format!(": {}", r.reason) }</li>
                        }) }
                    </ul>
                </div>
            }
            { for props.notes.iter().map(|note| html! { <p class="own-error own-note" role="alert">{ note.clone() }</p> }) }
            if !props.set_aside.is_empty() {
                <ul class="own-set-aside">
                    { for props.set_aside.iter().enumerate().map(|(i, s)| {
                        let ondownload = props.ondownloadsetaside.clone();
                        html! {
                            <li key={s.key}>
                                { format!("Unreadable entry {} ({} characters) ", s.key, s.raw.chars().count()) }
                                <button type="button" class="link-button" onclick={move |_| ondownload.emit(i)}>{ "Download it" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if n > 0 {
                <ul class="own-list">
                    { for props.labels.iter().enumerate().map(|(i, label)| {
                        let onremove = props.onremove.clone();
                        html! {
                            <li key={format!("{i}-{label}")}>
                                <span>{ label.clone() }</span>
                                <button type="button" class="link-button" aria-label={format!("Remove {label}")} onclick={move |_| onremove.emit(i)}>
                                    { "Remove" }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </details>
    }
}
