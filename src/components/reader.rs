//! The reader: a document's text with the chosen sentence highlighted and scrolled into
//! view, entities and figures marked, and a keyword search with matches in context.
//! Text is always rendered as text nodes, whatever the article contains.
//!
//! A large corpus ships its texts as files (see `crate::shipped`): the reader fetches the
//! open document's text from the site, showing that it is loading, and says so plainly when
//! it cannot.

use std::rc::Rc;

use extract::{Corpus, Document};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::data::{date_label, CorpusHandle};
use crate::format::shorten;
use crate::state::{Action, ReaderAt};
use crate::views::figure_key;

/// Most search matches listed in context.
const MAX_MATCHES: usize = 50;

/// Props of [`Reader`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReaderProps {
    /// The corpus.
    pub corpus: CorpusHandle,
    /// The open document's position.
    pub doc: u32,
    /// Where to open it.
    pub at: ReaderAt,
    /// The selected figure, emphasised.
    pub selected: Option<u32>,
    /// Closing and selecting go through here.
    pub onaction: Callback<Action>,
}

/// A marked range of a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marking {
    Entity(u32),
    Figure(u32),
}

/// Entity mentions and figures of `doc`, as (start, end, marking), sorted.
fn markings(corpus: &Corpus, doc: u32) -> Vec<(usize, usize, Marking)> {
    let mut out = Vec::new();
    for (e, entity) in corpus.entities.iter().enumerate() {
        for m in entity.mentions.iter().filter(|m| m.doc == doc) {
            out.push((
                m.span.start as usize,
                m.span.end as usize,
                Marking::Entity(u32::try_from(e).unwrap_or(u32::MAX)),
            ));
        }
    }
    for (i, m) in corpus.metrics.iter().enumerate() {
        if m.doc == doc {
            out.push((
                m.span.start as usize,
                m.span.end as usize,
                Marking::Figure(u32::try_from(i).unwrap_or(u32::MAX)),
            ));
        }
    }
    out.sort_unstable_by_key(|&(s, e, _)| (s, e));
    out
}

/// Byte ranges of `query` in `text`, ignoring ASCII case (which keeps byte offsets valid).
fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let q = query.trim().to_ascii_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let hay = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = hay.get(from..).and_then(|h| h.find(&q)) {
        let s = from + at;
        out.push((s, s + q.len()));
        from = s + q.len();
    }
    out
}

/// The open document's text, when it is fetched from the site.
#[derive(Clone, Debug, PartialEq)]
enum Fetched {
    /// Not needed: the corpus carries the text.
    Embedded,
    /// On its way.
    Loading,
    /// Arrived: the document with its text.
    Loaded(Rc<Document>),
    /// Could not be fetched.
    Failed(String),
}

/// Fetches `path` (relative to the page) as text.
async fn fetch_text(path: String) -> Result<String, String> {
    let response = gloo::net::http::Request::get(&path)
        .send()
        .await
        .map_err(|e| format!("the request failed ({e})"))?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    response
        .text()
        .await
        .map_err(|e| format!("the text could not be read ({e})"))
}

/// The reader panel.
#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let fetched = use_state(|| Fetched::Embedded);
    {
        let fetched = fetched.clone();
        use_effect_with((props.corpus.clone(), props.doc), move |(corpus, d)| {
            let file = corpus.text_file(*d).map(str::to_owned);
            let doc = corpus.documents.get(*d as usize).cloned();
            match (file, doc) {
                (Some(path), Some(mut doc)) => {
                    fetched.set(Fetched::Loading);
                    yew::platform::spawn_local(async move {
                        let result = fetch_text(path).await;
                        fetched.set(match result {
                            // The spans were computed on exactly this text at build time;
                            // anything else is a stale or foreign file.
                            Ok(text)
                                if doc.sentences.last().is_none_or(|s| {
                                    text.is_char_boundary(s.span.end as usize)
                                        && (s.span.end as usize) <= text.len()
                                }) =>
                            {
                                doc.text = text;
                                Fetched::Loaded(Rc::new(doc))
                            }
                            Ok(_) => Fetched::Failed(
                                "the file does not match this build of the corpus".to_owned(),
                            ),
                            Err(e) => Fetched::Failed(e),
                        });
                    });
                }
                _ => fetched.set(Fetched::Embedded),
            }
        });
    }
    let body = |loaded: Option<Rc<Document>>| {
        html! {
            <ReaderBody
                corpus={props.corpus.clone()}
                doc={props.doc}
                at={props.at.clone()}
                selected={props.selected}
                onaction={props.onaction.clone()}
                {loaded}
            />
        }
    };
    match &*fetched {
        Fetched::Loaded(doc) if doc.id == props.corpus.documents.get(props.doc as usize).map_or("", |d| d.id.as_str()) => body(Some(doc.clone())),
        Fetched::Embedded if props.corpus.text_file(props.doc).is_none() => body(None),
        Fetched::Failed(e) => waiting(props, &format!("The text of this article could not be loaded: {e}. Check the connection and open it again."), true),
        _ => waiting(props, "Loading the article…", false),
    }
}

/// The reader's frame while the text is loading or when it failed.
fn waiting(props: &ReaderProps, message: &str, failed: bool) -> Html {
    let onclose = {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(Action::CloseReader))
    };
    let title = props
        .corpus
        .documents
        .get(props.doc as usize)
        .map(|d| d.title.clone())
        .unwrap_or_default();
    html! {
        <aside class="reader" aria-labelledby="reader-title" aria-busy={(!failed).to_string()}>
            <header class="reader-head">
                <div>
                    <h2 id="reader-title">{ title }</h2>
                </div>
                <button type="button" class="close" aria-label="Close the reader" onclick={onclose}>{ "×" }</button>
            </header>
            <p class={classes!("reader-status", failed.then_some("error"))} role={if failed { "alert" } else { "status" }}>
                { message.to_owned() }
            </p>
        </aside>
    }
}

/// Props of [`ReaderBody`]: the reader's, plus the fetched document when there is one.
#[derive(Properties, PartialEq, Clone)]
struct ReaderBodyProps {
    corpus: CorpusHandle,
    doc: u32,
    at: ReaderAt,
    selected: Option<u32>,
    onaction: Callback<Action>,
    loaded: Option<Rc<Document>>,
}

/// The reader over a document whose text is at hand.
#[function_component(ReaderBody)]
fn reader_body(props: &ReaderBodyProps) -> Html {
    let body_ref = use_node_ref();
    let panel_ref = use_node_ref();
    let query = use_state(String::new);
    let corpus = &props.corpus;
    let marks = use_memo((corpus.clone(), props.doc), |(c, d)| markings(c, *d));
    let matches = use_memo(
        (
            corpus.clone(),
            props.loaded.clone(),
            props.doc,
            (*query).clone(),
        ),
        |(c, loaded, d, q)| {
            loaded
                .as_deref()
                .or_else(|| c.documents.get(*d as usize))
                .map(|doc| find_all(&doc.text, q))
                .unwrap_or_default()
        },
    );

    // Scroll the chosen sentence into view and move focus to the panel, so keyboard users
    // land in the text they asked for.
    {
        let (body_ref, panel_ref) = (body_ref.clone(), panel_ref.clone());
        use_effect_with((props.at.clone(), props.selected), move |(at, _)| {
            if let Some(panel) = panel_ref.cast::<HtmlElement>() {
                let _ = panel.focus();
            }
            let target = at.sentence.and_then(|s| {
                body_ref
                    .cast::<HtmlElement>()?
                    .query_selector(&format!("[data-sentence='{s}']"))
                    .ok()?
            });
            if let Some(el) = target {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            } else if let Some(body) = body_ref.cast::<HtmlElement>() {
                body.set_scroll_top(0);
            }
        });
    }

    let Some(doc) = props
        .loaded
        .as_deref()
        .or_else(|| corpus.documents.get(props.doc as usize))
    else {
        return Html::default();
    };
    let onclose = {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(Action::CloseReader))
    };
    let onkeydown = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                onaction.emit(Action::CloseReader);
                // Back to the table row that opened it, if any.
                if let Ok(Some(row)) =
                    gloo::utils::document().query_selector("tr.figure-row.selected")
                {
                    if let Ok(row) = row.dyn_into::<HtmlElement>() {
                        let _ = row.focus();
                    }
                }
            }
        })
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let jump = |sentence: usize| {
        let body_ref = body_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = body_ref.cast::<HtmlElement>().and_then(|b| {
                b.query_selector(&format!("[data-sentence='{sentence}']"))
                    .ok()
                    .flatten()
            }) {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        })
    };

    let meta = [
        Some(format!("Doc {}", props.doc + 1)),
        Some(date_label(&doc.date)),
        doc.author.clone(),
        doc.publisher.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");

    let sentence_of = |pos: usize| {
        doc.sentences
            .iter()
            .position(|s| s.span.range().contains(&pos))
    };

    html! {
        <aside
            class="reader"
            aria-labelledby="reader-title"
            tabindex="-1"
            ref={panel_ref}
            {onkeydown}
        >
            <header class="reader-head">
                <div>
                    <h2 id="reader-title">{ doc.title.clone() }</h2>
                    <p class="muted small">{ meta }</p>
                </div>
                <button type="button" class="close" aria-label="Close the reader" onclick={onclose}>{ "×" }</button>
            </header>
            <div class="reader-search">
                <input
                    type="search"
                    placeholder="Search this article"
                    aria-label="Search this article"
                    value={(*query).clone()}
                    {oninput}
                />
                if !query.trim().is_empty() {
                    <p class="muted small" role="status">
                        { match matches.len() { 0 => "No matches".to_owned(), 1 => "1 match".to_owned(), n => format!("{n} matches") } }
                    </p>
                    <ul class="matches">
                        { for matches.iter().take(MAX_MATCHES).map(|&(s, e)| {
                            let sentence = sentence_of(s).unwrap_or(0);
                            html! {
                                <li>
                                    <button type="button" class="link-button match-context" onclick={jump(sentence)}>
                                        { context(&doc.text, s, e) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </div>
            <div class="reader-body" ref={body_ref}>
                { for doc.paragraphs.iter().enumerate().map(|(p, _)| html! {
                    <p key={p}>
                        { for doc.sentences.iter().enumerate()
                            .filter(|(_, s)| s.paragraph as usize == p)
                            .map(|(i, _)| sentence_html(props, doc, i, &marks, &matches)) }
                    </p>
                }) }
            </div>
            if !doc.removed.is_empty() {
                <details class="removed">
                    <summary>{ format!("{} line(s) of page furniture removed", doc.removed.len()) }</summary>
                    <ul>
                        { for doc.removed.iter().map(|r| html! { <li>{ shorten(&r.text, 120) }</li> }) }
                    </ul>
                </details>
            }
        </aside>
    }
}

/// Up to 40 characters either side of a match, with the match emphasised.
fn context(text: &str, s: usize, e: usize) -> Html {
    let before: String = text[..s]
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[e..].chars().take(40).collect();
    html! { <>{ "…" }{ before }<mark class="match">{ &text[s..e] }</mark>{ after }{ "…" }</> }
}

fn sentence_html(
    props: &ReaderBodyProps,
    doc: &Document,
    i: usize,
    marks: &Rc<Vec<(usize, usize, Marking)>>,
    matches: &Rc<Vec<(usize, usize)>>,
) -> Html {
    let span = doc.sentences[i].span.range();
    let current = props.at.sentence == Some(u32::try_from(i).unwrap_or(u32::MAX));
    // Every boundary of a marking or match inside the sentence splits it into pieces;
    // each piece carries the classes of whatever covers it.
    let inside = |s: usize, e: usize| s < span.end && e > span.start;
    let local_marks: Vec<(usize, usize, Marking)> = marks
        .iter()
        .copied()
        .filter(|&(s, e, _)| inside(s, e))
        .collect();
    let local_matches: Vec<(usize, usize)> = matches
        .iter()
        .copied()
        .filter(|&(s, e)| inside(s, e))
        .collect();
    let mut cuts = vec![span.start, span.end];
    for &(s, e, _) in &local_marks {
        cuts.extend([s.max(span.start), e.min(span.end)]);
    }
    for &(s, e) in &local_matches {
        cuts.extend([s.max(span.start), e.min(span.end)]);
    }
    cuts.retain(|&c| doc.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let corpus = &props.corpus;
    let pieces = cuts.windows(2).map(|w| {
        let (a, b) = (w[0], w[1]);
        let text = doc.text.get(a..b).unwrap_or("").to_owned();
        let covering = |s: usize, e: usize| s <= a && b <= e;
        let entity = local_marks.iter().find_map(|&(s, e, m)| match m {
            Marking::Entity(x) if covering(s, e) => Some(x),
            _ => None,
        });
        let figure = local_marks.iter().find_map(|&(s, e, m)| match m {
            Marking::Figure(x) if covering(s, e) => Some(x),
            _ => None,
        });
        let matched = local_matches.iter().any(|&(s, e)| covering(s, e));
        if entity.is_none() && figure.is_none() && !matched {
            return html! { { text } };
        }
        let entity_info = entity.and_then(|e| corpus.entities.get(e as usize));
        let title = match (entity_info, figure) {
            (Some(e), _) => format!("{} ({})", e.name, e.kind.key()),
            (None, Some(_)) => "A cited figure: click to select it".to_owned(),
            _ => String::new(),
        };
        let onclick = figure.and_then(|f| {
            let m = corpus.metrics.get(f as usize)?;
            let key = figure_key(corpus, f)?;
            let onaction = props.onaction.clone();
            let sentence = m.sentence;
            Some(Callback::from(move |_: MouseEvent| {
                onaction.emit(Action::Select {
                    key: key.clone(),
                    sentence,
                });
            }))
        });
        html! {
            <span
                class={classes!(
                    entity_info.map(|e| format!("entity kind-{}", e.kind.key())),
                    figure.map(|_| "figure"),
                    (figure.is_some() && figure == props.selected).then_some("selected-figure"),
                    matched.then_some("match"),
                )}
                {title}
                {onclick}
            >
                { text }
            </span>
        }
    });
    html! {
        <>
            <span
                class={classes!("sentence", current.then_some("current"))}
                data-sentence={i.to_string()}
            >
                { for pieces }
            </span>
            { " " }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_ascii_case_and_finds_every_match() {
        assert_eq!(find_all("Huawei and HUAWEI", "huawei"), [(0, 6), (11, 17)]);
        assert!(find_all("abc", "  ").is_empty());
        assert_eq!(find_all("中国 BYD", "byd"), [(7, 10)]);
    }
}
