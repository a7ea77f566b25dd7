//! The root component: decodes the embedded corpus once and hands it to the dashboard.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::dashboard::Dashboard;
use crate::data::{embedded_corpus, CorpusHandle};

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    // Decoded once per page load; the memo has no dependencies.
    let corpus = use_memo((), |_| embedded_corpus().map(|c| CorpusHandle(Rc::new(c))));
    match &*corpus {
        Ok(corpus) => html! { <Dashboard corpus={corpus.clone()} /> },
        Err(message) => html! {
            <main id="main">
                <h1>{ "Metricscope" }</h1>
                <p class="error" role="alert">{ message.clone() }</p>
            </main>
        },
    }
}
