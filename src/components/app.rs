//! The root component: decodes the embedded corpus once and lays out the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::document_list::DocumentList;
use crate::data::{embedded_corpus, CorpusHandle};

/// The whole dashboard.
#[function_component(App)]
pub fn app() -> Html {
    // Decoded once per page load; the memo has no dependencies.
    let corpus = use_memo((), |_| embedded_corpus().map(|c| CorpusHandle(Rc::new(c))));

    let body = match &*corpus {
        Ok(corpus) => html! {
            <>
                <section class="panel" aria-labelledby="documents-heading">
                    <h2 id="documents-heading">
                        { format!("Documents ({})", corpus.documents.len()) }
                    </h2>
                    <DocumentList corpus={corpus.clone()} />
                </section>
            </>
        },
        Err(message) => html! {
            <p class="error" role="alert">{ message.clone() }</p>
        },
    };

    html! {
        <>
            <header class="masthead">
                <h1>{ "Metricscope" }</h1>
                <p class="tagline">
                    { "The figures cited in articles about China's technology sector, with the sentence behind each." }
                </p>
            </header>
            <main id="main">{ body }</main>
        </>
    }
}
