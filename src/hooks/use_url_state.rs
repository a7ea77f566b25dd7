//! The dashboard state, mirrored in the URL: decoded from it at start-up and on
//! back/forward, written to it after every change (a new history entry for a reader's
//! action, an in-place rewrite for a restore, so Back never loops).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::data::CorpusHandle;
use crate::index::CorpusIndex;
use crate::state::{Action, HistoryMode, State};
use crate::url;
use crate::web::current_query;

/// The reducer behind the dashboard, kept in step with `location.search`.
#[hook]
pub fn use_url_state(corpus: CorpusHandle, index: Rc<CorpusIndex>) -> UseReducerHandle<State> {
    let state = {
        let (corpus, index) = (corpus.clone(), index.clone());
        use_reducer_eq(move || url::decode(&current_query(), &corpus, &index))
    };
    let query = url::encode(&state);
    use_effect_with((query, state.history), |(query, mode)| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if current_query() == *query {
            return;
        }
        let href = window.location().pathname().unwrap_or_default();
        let hash = window.location().hash().unwrap_or_default();
        let target = if query.is_empty() {
            format!("{href}{hash}")
        } else {
            format!("{href}?{query}{hash}")
        };
        if let Ok(history) = window.history() {
            let none = wasm_bindgen::JsValue::NULL;
            let _ = match mode {
                HistoryMode::Push => history.push_state_with_url(&none, "", Some(&target)),
                HistoryMode::Replace => history.replace_state_with_url(&none, "", Some(&target)),
            };
        }
    });
    {
        let dispatcher = state.dispatcher();
        use_effect_with((corpus, index), move |(corpus, index)| {
            let (corpus, index) = (corpus.clone(), index.clone());
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                let restored = url::decode(&current_query(), &corpus, &index);
                dispatcher.dispatch(Action::Restore(Box::new(restored)));
            });
            move || drop(listener)
        });
    }
    state
}
