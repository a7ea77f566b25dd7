//! The table of every figure in view: the accessible twin of the charts. Sorting covers every
//! row (it happens in `views::derive`); the table shows one page at a time. A row is selected
//! with a click, Enter or Space, like clicking a chart mark.

use std::rc::Rc;

use yew::prelude::*;

use crate::data::CorpusHandle;
use crate::format::{period_label, qualifier_label, unit_label, with_unit};
use crate::state::{Action, Column, Sort};
use crate::views::{comparable_value, entity_names, figure_key, page_of, Derived};

/// Props of [`FigureTable`].
#[derive(Properties, PartialEq)]
pub struct FigureTableProps {
    /// The corpus.
    pub corpus: CorpusHandle,
    /// The derived view: its rows, in table order, and their colours.
    pub derived: Rc<Derived>,
    /// The sort order, for the headers.
    pub sort: Sort,
    /// The selected metric.
    pub selected: Option<u32>,
    /// Sorting and selecting go through here.
    pub onaction: Callback<Action>,
}

/// The figures table.
#[function_component(FigureTable)]
pub fn figure_table(props: &FigureTableProps) -> Html {
    // The page, and the derived view it was chosen in: a new filter or sort starts again at
    // the first page, with no second render to reset it.
    let page = use_state(|| (0usize, 0usize));
    let this_view = Rc::as_ptr(&props.derived) as usize;
    let current = if page.1 == this_view { page.0 } else { 0 };
    let corpus = &props.corpus;
    let rows = &props.derived.rows;
    let colours = &props.derived.colours;
    let paging = page_of(rows.len(), current);
    let goto = |p: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set((p, this_view)))
    };
    let pager = html! {
        <nav class="pager" aria-label="Table pages">
            <button type="button" class="prev" disabled={paging.page == 0} onclick={goto(paging.page.saturating_sub(1))}>{ "‹ Previous" }</button>
            <span class="page-status">
                { format!("{}–{} of {}", paging.start + usize::from(paging.end > paging.start), paging.end, rows.len()) }
            </span>
            <button type="button" class="next" disabled={paging.page + 1 >= paging.pages} onclick={goto(paging.page + 1)}>{ "Next ›" }</button>
        </nav>
    };
    let header = |col: Column| {
        let sorted = props.sort.column == col;
        let aria = match (sorted, props.sort.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let arrow = match (sorted, props.sort.descending) {
            (false, _) => "",
            (true, false) => " ▲",
            (true, true) => " ▼",
        };
        let onaction = props.onaction.clone();
        html! {
            <th scope="col" aria-sort={aria} class={format!("col-{}", col.key())}>
                <button type="button" class="sort" onclick={move |_| onaction.emit(Action::SortBy(col))}>
                    { col.label() }{ arrow }
                </button>
            </th>
        }
    };
    let select = |i: u32| -> Option<Action> {
        let m = corpus.metrics.get(i as usize)?;
        Some(Action::Select {
            key: figure_key(corpus, i)?,
            sentence: m.sentence,
        })
    };
    html! {
        <section class="panel table-panel" aria-labelledby="table-heading">
            <h2 id="table-heading">{ format!("Figures ({})", rows.len()) }</h2>
            if paging.pages > 1 { { pager.clone() } }
            <div class="table-scroll">
                <table class="figures">
                    <caption class="visually-hidden">
                        { "Every figure in the current filter. Select a row to open its sentence in the reader; column headers sort." }
                    </caption>
                    <thead>
                        <tr>{ for Column::ALL.into_iter().map(header) }</tr>
                    </thead>
                    <tbody>
                        { for rows[paging.start..paging.end].iter().map(|&i| {
                            let m = &corpus.metrics[i as usize];
                            let doc = corpus.documents.get(m.doc as usize);
                            let action = select(i);
                            let onclick = {
                                let (onaction, action) = (props.onaction.clone(), action.clone());
                                Callback::from(move |_: MouseEvent| {
                                    if let Some(a) = action.clone() { onaction.emit(a); }
                                })
                            };
                            let onkeydown = {
                                let (onaction, action) = (props.onaction.clone(), action);
                                Callback::from(move |e: KeyboardEvent| {
                                    if e.key() == "Enter" || e.key() == " " {
                                        e.prevent_default();
                                        if let Some(a) = action.clone() { onaction.emit(a); }
                                    }
                                })
                            };
                            let selected = props.selected == Some(i);
                            let quote = quote_with_figure(corpus.sentence(m.doc, m.sentence), doc, m);
                            // Money also shows its dollar value, as the chart draws it.
                            let normalised = (m.unit == extract::Unit::Currency)
                                .then(|| format!("≈ {}", with_unit(comparable_value(m), m.unit)));
                            html! {
                                <tr
                                    key={i}
                                    tabindex="0"
                                    data-metric={i.to_string()}
                                    class={classes!("figure-row", selected.then_some("selected"))}
                                    aria-selected={selected.to_string()}
                                    {onclick}
                                    {onkeydown}
                                >
                                    <td class="col-value">
                                        <span class="surface">{ m.surface.clone() }</span>
                                        if let Some(n) = normalised {
                                            <span class="normalised">{ n }</span>
                                        }
                                    </td>
                                    <td data-label="Unit">{ unit_label(m) }</td>
                                    <td data-label="Qualifier">{ qualifier_label(m.qualifier) }</td>
                                    <td data-label="Measures">{ m.label.clone() }</td>
                                    <td data-label="Period" title={m.period.inherited.then_some("* inherited from an earlier figure in the text")}>{ period_label(&m.period) }</td>
                                    <td data-label="Entities">{ entity_names(corpus, m) }</td>
                                    <td class="col-quote">{ quote }</td>
                                    <td class="col-document">
                                        <span class={classes!("swatch", format!("c{}", colours.of(m.doc)))} aria-hidden="true" />
                                        <span title={doc.map(|d| d.title.clone()).unwrap_or_default()}>
                                            { doc.map(|d| format!("Doc {} · {}", m.doc + 1, crate::format::shorten(&d.title, 48))).unwrap_or_default() }
                                        </span>
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if paging.pages > 1 { { pager } }
        </section>
    }
}

/// The sentence with the figure itself emphasised.
fn quote_with_figure(sentence: &str, doc: Option<&extract::Document>, m: &extract::Metric) -> Html {
    let Some(start) = doc
        .and_then(|d| d.sentences.get(m.sentence as usize))
        .map(|s| s.span.start as usize)
    else {
        return html! { { sentence.to_owned() } };
    };
    // The figure's span is in document coordinates; shift it into the sentence.
    let s = (m.span.start as usize).checked_sub(start);
    let e = (m.span.end as usize).checked_sub(start);
    match (s, e) {
        (Some(s), Some(e))
            if s <= e
                && e <= sentence.len()
                && sentence.is_char_boundary(s)
                && sentence.is_char_boundary(e) =>
        {
            html! {
                <>
                    { &sentence[..s] }<mark class="fig">{ &sentence[s..e] }</mark>{ &sentence[e..] }
                </>
            }
        }
        _ => html! { { sentence.to_owned() } },
    }
}
