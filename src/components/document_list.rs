//! The list of documents in the corpus: title, date (marked when inferred) and size.

use yew::prelude::*;

use crate::data::{date_label, CorpusHandle};

/// Props of [`DocumentList`].
#[derive(Properties, PartialEq)]
pub struct DocumentListProps {
    /// The corpus whose documents to list.
    pub corpus: CorpusHandle,
}

/// One row per document.
#[function_component(DocumentList)]
pub fn document_list(props: &DocumentListProps) -> Html {
    html! {
        <ul class="documents">
            { for props.corpus.documents.iter().map(|doc| {
                let date = date_label(&doc.date);
                let inferred = matches!(doc.date.basis, extract::DateBasis::Inferred);
                html! {
                    <li class="document" key={doc.id.clone()} data-doc={doc.id.clone()}>
                        <span class="doc-title">{ doc.title.clone() }</span>
                        <span
                            class={classes!("doc-date", inferred.then_some("inferred"))}
                            title={doc.date.note.clone().unwrap_or_default()}
                        >
                            { date }
                        </span>
                        <span class="doc-size">
                            { format!("{} sentences", doc.sentences.len()) }
                        </span>
                    </li>
                }
            }) }
        </ul>
    }
}
