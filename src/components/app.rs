//! The root component: the embedded corpus, decoded once, plus the reader's own articles
//! (extracted in the browser and kept in localStorage), handed to the dashboard.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::dashboard::Dashboard;
use crate::components::own_articles::OwnArticles;
use crate::data::{embedded, CorpusHandle};
use crate::own::{parse_stored, to_stored, OwnArticle, STORAGE_KEY};
use crate::web;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    // Decoded once per page load; the memo has no dependencies.
    let embedded = use_memo((), |_| embedded().map(CorpusHandle::from_shipped));
    let stored = use_memo((), |_| parse_stored(web::load(STORAGE_KEY).as_deref()));
    let own = use_state(|| Rc::new(stored.0.clone()));
    let note = use_state(|| stored.1.clone());

    // The corpus the dashboard sees: the embedded one, plus each own article extracted
    // into it. Recomputed only when the reader adds or removes an article.
    let corpus = use_memo((own.clone(), embedded.clone()), |(own, embedded)| {
        let Ok(base) = &**embedded else {
            return None;
        };
        if own.is_empty() {
            return Some(base.clone());
        }
        let mut corpus = (**base).clone();
        for a in own.iter() {
            extract::extract_into(
                &mut corpus,
                extract::Source::new(a.name.clone(), a.text.clone()),
            );
        }
        Some(base.with_corpus(corpus))
    });

    let save = {
        let (own, note) = (own.clone(), note.clone());
        move |list: Vec<OwnArticle>| {
            let stored = if list.is_empty() {
                web::forget(STORAGE_KEY);
                true
            } else {
                web::store(STORAGE_KEY, &to_stored(&list))
            };
            note.set((!stored).then(|| {
                "This browser would not store the article (storage is full or disabled); it stays until you reload.".to_owned()
            }));
            own.set(Rc::new(list));
        }
    };
    let onadd = {
        let (own, save) = (own.clone(), save.clone());
        Callback::from(move |(article, _note): (OwnArticle, Option<String>)| {
            let mut list = (**own).clone();
            list.push(article);
            save(list);
        })
    };
    let onremove = {
        let own = own.clone();
        Callback::from(move |i: usize| {
            let mut list = (**own).clone();
            if i < list.len() {
                list.remove(i);
            }
            save(list);
        })
    };

    let (Ok(base), Some(corpus)) = (&*embedded, (*corpus).clone()) else {
        let message = match &*embedded {
            Err(m) => m.clone(),
            Ok(_) => "The corpus could not be built.".to_owned(),
        };
        return html! {
            <main id="main">
                <h1>{ "Metricscope" }</h1>
                <p class="error" role="alert">{ message }</p>
            </main>
        };
    };
    let first_own = base.documents.len();
    let labels: Rc<Vec<(OwnArticle, String)>> = Rc::new(
        own.iter()
            .enumerate()
            .map(|(i, a)| {
                let label = corpus
                    .documents
                    .get(first_own + i)
                    .map_or(a.name.clone(), |d| {
                        format!("Doc {} · {}", first_own + i + 1, d.title)
                    });
                (a.clone(), label)
            })
            .collect(),
    );
    html! {
        <Dashboard corpus={corpus}>
            <OwnArticles articles={labels} note={(*note).clone()} {onadd} {onremove} />
        </Dashboard>
    }
}
