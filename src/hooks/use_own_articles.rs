//! `use_own_articles`: the reader's own articles over the embedded corpus. Files go to the
//! extraction worker; finished articles are queued in a [`Library`] and joined onto the
//! corpus on a timer, so a large import redraws the dashboard a few times a second at most;
//! each article is stored in IndexedDB as it arrives.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use extract::Corpus;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::own::bundle::write_bundle;
use crate::own::client::Extractor;
use crate::own::library::{Entry, Library};
use crate::own::protocol::Reply;
use crate::own::storage::{SetAside, Storage};
use crate::own::{check_file, Article, Refusal};
use crate::web;

/// How often finished articles join the dashboard during an import, in milliseconds.
const FLUSH_MS: u32 = 250;

/// Progress of the current (or last) import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files or articles answered.
    pub done: usize,
    /// Files or articles sent.
    pub total: usize,
    /// Whether these are stored articles being restored rather than new files.
    pub restoring: bool,
    /// Whether the reader cancelled it.
    pub cancelled: bool,
}

impl Progress {
    /// Whether work is still under way.
    pub fn running(&self) -> bool {
        self.done < self.total && !self.cancelled
    }

    /// The line under the progress bar.
    pub fn text(&self) -> String {
        let what = if self.restoring {
            "Restoring your articles"
        } else {
            "Reading files"
        };
        if self.cancelled {
            format!("Cancelled after {} of {}.", self.done, self.total)
        } else if self.running() {
            format!("{what}: {} of {} done…", self.done, self.total)
        } else {
            format!("{} of {} done.", self.done, self.total)
        }
    }
}

/// What the panel shows and can do.
#[derive(Clone)]
pub struct OwnArticlesHandle {
    /// The corpus the dashboard shows.
    pub corpus: Rc<Corpus>,
    /// "Doc 5 · Title" for each article, in order.
    pub labels: Rc<Vec<String>>,
    /// The import under way or last finished.
    pub progress: Option<Progress>,
    /// Files not added, each with its reason.
    pub refused: Rc<Vec<Refusal>>,
    /// Sentences for the reader (storage full, articles moved over, a failed worker).
    pub notes: Rc<Vec<String>>,
    /// Stored entries that could not be read.
    pub set_aside: Rc<Vec<SetAside>>,
    /// Adds files.
    pub add_files: Callback<Vec<web_sys::File>>,
    /// Adds pasted text, with a label.
    pub add_text: Callback<(String, String)>,
    /// Cancels the import under way.
    pub cancel: Callback<()>,
    /// Removes the article at this position.
    pub remove: Callback<usize>,
    /// Downloads every article as one file.
    pub download: Callback<()>,
    /// Downloads the entry set aside at this position.
    pub download_set_aside: Callback<usize>,
}

/// Whether a reply belongs to an import of new files or to restoring stored articles.
enum Origin {
    New,
    Stored(u32),
}

struct Inner {
    library: Library,
    extractor: Option<Extractor>,
    storage: Option<Storage>,
    next_id: u32,
    waiting: HashMap<u32, Origin>,
    progress: Option<Progress>,
    refused: Vec<Refusal>,
    notes: Vec<String>,
    set_aside: Vec<SetAside>,
    timer: Option<Timeout>,
}

type Shared = Rc<RefCell<Inner>>;

/// The reader's articles over `base`.
#[hook]
pub fn use_own_articles(base: Rc<Corpus>) -> OwnArticlesHandle {
    let update = use_force_update();
    let inner: Shared = use_mut_ref(move || Inner {
        library: Library::new(base),
        extractor: None,
        storage: None,
        next_id: 0,
        waiting: HashMap::new(),
        progress: None,
        refused: Vec::new(),
        notes: Vec::new(),
        set_aside: Vec::new(),
        timer: None,
    });
    let render: Rc<dyn Fn()> = Rc::new(move || update.force_update());

    // Opens storage once, moves old articles over, and restores the kept ones.
    {
        let (inner, render) = (inner.clone(), render.clone());
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let storage = match Storage::open().await {
                    Ok(s) => s,
                    Err(e) => {
                        inner.borrow_mut().notes.push(e.message());
                        render();
                        return;
                    }
                };
                let loaded = storage.load().await;
                inner.borrow_mut().storage = Some(storage);
                match loaded {
                    Ok(loaded) => {
                        {
                            let mut i = inner.borrow_mut();
                            i.notes.extend(loaded.note);
                            if !loaded.set_aside.is_empty() {
                                i.notes.push(format!(
                                    "{} saved entr{} could not be read. {} kept as {} and can be downloaded below; nothing new is written over {}.",
                                    loaded.set_aside.len(),
                                    if loaded.set_aside.len() == 1 { "y" } else { "ies" },
                                    if loaded.set_aside.len() == 1 { "It is" } else { "They are" },
                                    if loaded.set_aside.len() == 1 { "it was" } else { "they were" },
                                    if loaded.set_aside.len() == 1 { "it" } else { "them" },
                                ));
                            }
                            i.set_aside = loaded.set_aside;
                        }
                        if !loaded.articles.is_empty() {
                            start(&inner, &render, true, loaded.articles.len());
                            for (key, article) in loaded.articles {
                                send(&inner, &render, Origin::Stored(key), |x, id| {
                                    x.send_article(id, &article);
                                });
                            }
                        }
                    }
                    Err(e) => inner.borrow_mut().notes.push(e.message()),
                }
                render();
            });
        });
    }

    let add_files = {
        let (inner, render) = (inner.clone(), render.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            // Every file counts in the progress; those refused by size or type count as
            // done at once.
            start(&inner, &render, false, files.len());
            for file in files {
                match check_file(&file.name(), file.size() as u64) {
                    Ok(()) => send(&inner, &render, Origin::New, |x, id| x.send_file(id, &file)),
                    Err(r) => {
                        let mut i = inner.borrow_mut();
                        i.refused.push(r);
                        if let Some(p) = &mut i.progress {
                            p.done += 1;
                        }
                    }
                }
            }
            render();
        })
    };
    let add_text = {
        let (inner, render) = (inner.clone(), render.clone());
        Callback::from(move |(name, text): (String, String)| {
            start(&inner, &render, false, 1);
            send(&inner, &render, Origin::New, |x, id| {
                x.send_text(id, &name, &text);
            });
            render();
        })
    };
    let cancel = {
        let (inner, render) = (inner.clone(), render.clone());
        Callback::from(move |()| {
            {
                let mut i = inner.borrow_mut();
                if let Some(x) = i.extractor.take() {
                    x.terminate();
                }
                i.waiting.clear();
                if let Some(p) = &mut i.progress {
                    p.cancelled = true;
                }
                i.library.flush();
                i.timer = None;
            }
            render();
        })
    };
    let remove = {
        let (inner, render) = (inner.clone(), render.clone());
        Callback::from(move |idx: usize| {
            let gone = inner.borrow_mut().library.remove(idx);
            let storage = inner.borrow().storage.clone();
            if let (Some(key), Some(storage)) = (gone.and_then(|e| e.key), storage) {
                let inner = inner.clone();
                yew::platform::spawn_local(async move {
                    if let Err(e) = storage.delete(key).await {
                        inner.borrow_mut().notes.push(e.message());
                    }
                });
            }
            render();
        })
    };
    let download = {
        let inner = inner.clone();
        Callback::from(move |()| {
            let text = write_bundle(&inner.borrow().library.articles());
            web::download_text("my-articles.metricscope.json", "application/json", &text);
        })
    };
    let download_set_aside = {
        let inner = inner.clone();
        Callback::from(move |idx: usize| {
            if let Some(s) = inner.borrow().set_aside.get(idx) {
                web::download_text(&format!("set-aside-{}.txt", s.key), "text/plain", &s.raw);
            }
        })
    };

    let i = inner.borrow();
    OwnArticlesHandle {
        corpus: i.library.corpus(),
        labels: Rc::new(i.library.labels()),
        progress: i.progress.clone(),
        refused: Rc::new(i.refused.clone()),
        notes: Rc::new(i.notes.clone()),
        set_aside: Rc::new(i.set_aside.clone()),
        add_files,
        add_text,
        cancel,
        remove,
        download,
        download_set_aside,
    }
}

/// Counts `n` more items into the progress, starting a new import when none is running.
fn start(inner: &Shared, render: &Rc<dyn Fn()>, restoring: bool, n: usize) {
    let mut i = inner.borrow_mut();
    match &mut i.progress {
        Some(p) if p.running() => p.total += n,
        _ => {
            i.progress = Some(Progress {
                done: 0,
                total: n,
                restoring,
                cancelled: false,
            });
            if !restoring {
                i.refused.clear();
            }
        }
    }
    drop(i);
    ensure_worker(inner, render);
}

/// Starts the worker on first use.
fn ensure_worker(inner: &Shared, render: &Rc<dyn Fn()>) {
    if inner.borrow().extractor.is_some() {
        return;
    }
    let on_reply: Rc<dyn Fn(Reply)> = {
        let (inner, render) = (inner.clone(), render.clone());
        Rc::new(move |reply| on_reply(&inner, &render, reply))
    };
    let on_error: Rc<dyn Fn(String)> = {
        let (inner, render) = (inner.clone(), render.clone());
        Rc::new(move |message| {
            inner.borrow_mut().notes.push(message);
            render();
        })
    };
    match Extractor::spawn(on_reply, on_error) {
        Ok(x) => inner.borrow_mut().extractor = Some(x),
        Err(e) => inner.borrow_mut().notes.push(e),
    }
}

fn send(inner: &Shared, render: &Rc<dyn Fn()>, origin: Origin, post: impl FnOnce(&Extractor, u32)) {
    ensure_worker(inner, render);
    let mut i = inner.borrow_mut();
    let id = i.next_id;
    i.next_id += 1;
    i.waiting.insert(id, origin);
    if let Some(x) = &i.extractor {
        post(x, id);
    }
}

fn on_reply(inner: &Shared, render: &Rc<dyn Fn()>, reply: Reply) {
    let id = match &reply {
        Reply::Ready => return,
        Reply::Extracted { id, .. } | Reply::Bundle { id, .. } | Reply::Refused { id, .. } => *id,
    };
    // A reply to a cancelled request is dropped.
    let Some(origin) = inner.borrow_mut().waiting.remove(&id) else {
        return;
    };
    match reply {
        Reply::Ready => {}
        Reply::Extracted {
            article,
            corpus,
            note,
            ..
        } => {
            let mut i = inner.borrow_mut();
            if let Some(note) = note {
                i.notes.push(format!("“{}”: {note}", article.name));
            }
            let key = match origin {
                Origin::Stored(key) => Some(key),
                Origin::New => None,
            };
            if key.is_none() && i.library.contains(&article) {
                i.refused.push(Refusal {
                    name: article.name,
                    reason: "already added".to_owned(),
                });
            } else {
                if let (None, Some(storage)) = (key, i.storage.clone()) {
                    store(inner, storage, article.clone());
                }
                i.library.push(Entry {
                    key,
                    article,
                    part: Rc::new(*corpus),
                });
            }
        }
        Reply::Bundle { articles, .. } => {
            let fresh: Vec<Article> = {
                let i = inner.borrow();
                articles
                    .into_iter()
                    .filter(|a| !i.library.contains(a))
                    .collect()
            };
            start(inner, render, false, fresh.len());
            for article in fresh {
                send(inner, render, Origin::New, |x, id| {
                    x.send_article(id, &article);
                });
            }
        }
        Reply::Refused { refusal, .. } => inner.borrow_mut().refused.push(refusal),
    }
    let finished = {
        let mut i = inner.borrow_mut();
        if let Some(p) = &mut i.progress {
            p.done += 1;
        }
        !i.progress.as_ref().is_some_and(Progress::running)
    };
    if finished {
        inner.borrow_mut().library.flush();
        inner.borrow_mut().timer = None;
        render();
    } else if inner.borrow().timer.is_none() {
        let (inner2, render2) = (inner.clone(), render.clone());
        inner.borrow_mut().timer = Some(Timeout::new(FLUSH_MS, move || {
            {
                let mut i = inner2.borrow_mut();
                i.timer = None;
                i.library.flush();
            }
            render2();
        }));
    }
}

/// Stores a new article; on success records its key, on failure tells the reader (the
/// article stays on screen and in "Download my articles").
fn store(inner: &Shared, storage: Storage, article: Article) {
    let inner = inner.clone();
    yew::platform::spawn_local(async move {
        match storage.add(&article).await {
            Ok(key) => inner.borrow_mut().library.set_key(&article, key),
            Err(e) => {
                let message = e.message();
                let mut i = inner.borrow_mut();
                if !i.notes.contains(&message) {
                    i.notes.push(message);
                }
            }
        }
    });
}
