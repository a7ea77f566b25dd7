//! "Your own article": paste text or drop a .txt file; the same extractor runs in the
//! browser, the article joins the corpus, and it stays in localStorage until removed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::own::{accept, OwnArticle, MAX_BYTES};

/// Props of [`OwnArticles`].
#[derive(Properties, PartialEq)]
pub struct OwnArticlesProps {
    /// The reader's articles, with the document label each became ("Doc 5 · Title").
    pub articles: Rc<Vec<(OwnArticle, String)>>,
    /// A note about storage (unreadable saved articles, storage full).
    #[prop_or_default]
    pub note: Option<String>,
    /// Adds an article; the string is a note to show about it (repairs, markup).
    pub onadd: Callback<(OwnArticle, Option<String>)>,
    /// Removes the article at this position.
    pub onremove: Callback<usize>,
}

/// The panel for adding and removing one's own articles.
#[function_component(OwnArticles)]
pub fn own_articles(props: &OwnArticlesProps) -> Html {
    let text = use_state(String::new);
    let message = use_state(|| None::<Result<String, String>>);
    let dragging = use_state(|| false);
    let pending: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);

    // Accepts bytes from any source and hands a valid article up.
    let submit = {
        let (message, onadd, text) = (message.clone(), props.onadd.clone(), text.clone());
        Rc::new(
            move |name: String, bytes: Vec<u8>| match accept(&name, &bytes) {
                Ok((body, note)) => {
                    onadd.emit((
                        OwnArticle {
                            name: name.clone(),
                            text: body,
                        },
                        note.clone(),
                    ));
                    let done = format!("Added “{name}”.");
                    message.set(Some(Ok(match note {
                        Some(n) => format!("{done} {n}"),
                        None => done,
                    })));
                    text.set(String::new());
                }
                Err(why) => message.set(Some(Err(why))),
            },
        )
    };
    let read_file = {
        let (submit, pending, message) = (submit.clone(), pending, message.clone());
        Rc::new(move |file: web_sys::File| {
            let file = gloo::file::File::from(file);
            let name = file.name();
            // Refuse before reading a huge file into memory.
            if file.size() > MAX_BYTES as u64 {
                message.set(Some(Err(format!(
                    "“{name}” is {:.1} MB; articles up to {} MB are accepted.",
                    file.size() as f64 / 1_048_576.0,
                    MAX_BYTES / 1_048_576
                ))));
                return;
            }
            let submit = submit.clone();
            let message = message.clone();
            let reader = gloo::file::callbacks::read_as_bytes(&file, move |result| match result {
                Ok(bytes) => submit(name, bytes),
                Err(e) => message.set(Some(Err(format!("The file could not be read: {e}")))),
            });
            *pending.borrow_mut() = Some(reader);
        })
    };

    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let onpaste_add = {
        let (text, submit) = (text.clone(), submit);
        Callback::from(move |_: MouseEvent| {
            let n = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("pasted article");
            let name: String = n.chars().take(60).collect();
            submit(format!("{}.txt", name.trim()), text.as_bytes().to_vec());
        })
    };
    let onfile = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file);
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
        let (dragging, read_file, message) = (dragging.clone(), read_file, message.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            match e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                Some(file) => read_file(file),
                None => message.set(Some(Err("Drop a .txt file, or paste the text.".to_owned()))),
            }
        })
    };

    html! {
        <details class="own panel-lite" open={!props.articles.is_empty() || props.note.is_some()}>
            <summary>
                { "Add your own article" }
                if !props.articles.is_empty() {
                    { format!(" ({} added)", props.articles.len()) }
                }
            </summary>
            <div
                class={classes!("dropzone", dragging.then_some("dragging"))}
                {ondragover}
                {ondragleave}
                {ondrop}
            >
                <p class="muted small">
                    { format!("Paste the text, or drop or choose a .txt file (up to {} MB). It is read by the same extractor, in your browser, and kept in this browser until you remove it. Nothing is uploaded.", MAX_BYTES / 1_048_576) }
                </p>
                <textarea
                    class="own-text"
                    rows="5"
                    aria-label="Article text"
                    placeholder="Headline\n\nThe article text…"
                    value={(*text).clone()}
                    {oninput}
                />
                <div class="own-actions">
                    <button type="button" class="own-add" disabled={text.trim().is_empty()} onclick={onpaste_add}>
                        { "Add pasted text" }
                    </button>
                    <label class="file-label">
                        { "Choose a .txt file " }
                        <input type="file" accept=".txt,text/plain" onchange={onfile} />
                    </label>
                </div>
            </div>
            if let Some(msg) = &*message {
                {
                    match msg {
                        Ok(ok) => html! { <p class="own-ok" role="status">{ ok.clone() }</p> },
                        Err(err) => html! { <p class="own-error" role="alert">{ err.clone() }</p> },
                    }
                }
            }
            if let Some(note) = &props.note {
                <p class="own-error" role="alert">{ note.clone() }</p>
            }
            if !props.articles.is_empty() {
                <ul class="own-list">
                    { for props.articles.iter().enumerate().map(|(i, (a, label))| {
                        let onremove = props.onremove.clone();
                        html! {
                            <li key={format!("{i}-{}", a.name)}>
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
