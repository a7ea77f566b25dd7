//! The root component: the embedded corpus, decoded once, plus the reader's own articles
//! (extracted in a Web Worker and kept in IndexedDB), handed to the dashboard.

use yew::prelude::*;

use crate::components::dashboard::Dashboard;
use crate::components::own_articles::OwnArticles;
use crate::data::{embedded, CorpusHandle};
use crate::hooks::use_own_articles::use_own_articles;
use crate::web;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    // Decoded once per page load; the memo has no dependencies.
    let embedded = use_memo((), |_| {
        web::mark("metricscope:decode-start");
        let decoded = embedded().map(CorpusHandle::from_shipped);
        web::mark("metricscope:decoded");
        decoded
    });
    match &*embedded {
        Ok(base) => html! { <WithOwnArticles base={base.clone()} /> },
        Err(message) => html! {
            <main id="main">
                <h1>{ "Metricscope" }</h1>
                <p class="error" role="alert">{ message.clone() }</p>
            </main>
        },
    }
}

#[derive(Properties, PartialEq)]
struct WithOwnArticlesProps {
    base: CorpusHandle,
}

/// The dashboard over the embedded corpus and the reader's articles.
#[function_component(WithOwnArticles)]
fn with_own_articles(props: &WithOwnArticlesProps) -> Html {
    let own = use_own_articles(props.base.shared());
    // The shipped cited sentences and text files stay with the corpus; the reader's own
    // documents, appended after the shipped ones, carry their own text.
    // (Equality of the handle is identity of the corpus, so this costs nothing per render.)
    let corpus = props.base.with_corpus(own.corpus.clone());
    html! {
        <Dashboard corpus={corpus}>
            <OwnArticles
                labels={own.labels.clone()}
                progress={own.progress.clone()}
                refused={own.refused.clone()}
                notes={own.notes.clone()}
                set_aside={own.set_aside.clone()}
                onfiles={own.add_files.clone()}
                onpaste={own.add_text.clone()}
                oncancel={own.cancel.clone()}
                onremove={own.remove.clone()}
                ondownload={own.download.clone()}
                ondownloadsetaside={own.download_set_aside}
            />
        </Dashboard>
    }
}
