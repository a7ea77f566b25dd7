//! The table of every figure in view: the accessible twin of the charts. Sortable by any
//! column; a row is selected with a click, Enter or Space, like clicking a chart mark.

use std::rc::Rc;

use yew::prelude::*;

use crate::data::CorpusHandle;
use crate::format::{period_label, qualifier_label, unit_label, with_unit};
use crate::state::{Action, Column, Sort};
use crate::views::{comparable_value, entity_names, figure_key};

/// Rows rendered before "show all", so a huge corpus stays responsive.
const PAGE: usize = 200;

/// Props of [`FigureTable`].
#[derive(Properties, PartialEq)]
pub struct FigureTableProps {
    /// The corpus.
    pub corpus: CorpusHandle,
    /// Metric indices, already in table order.
    pub rows: Rc<Vec<u32>>,
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
    let show_all = use_state(|| false);
    let corpus = &props.corpus;
    let shown = if *show_all {
        props.rows.len()
    } else {
        props.rows.len().min(PAGE)
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
            <h2 id="table-heading">{ format!("Figures ({})", props.rows.len()) }</h2>
            <div class="table-scroll">
                <table class="figures">
                    <caption class="visually-hidden">
                        { "Every figure in the current filter. Select a row to open its sentence in the reader; column headers sort." }
                    </caption>
                    <thead>
                        <tr>{ for Column::ALL.into_iter().map(header) }</tr>
                    </thead>
                    <tbody>
                        { for props.rows.iter().take(shown).map(|&i| {
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
                            let quote = doc.map(|d| quote_with_figure(d, m)).unwrap_or_default();
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
                                        <span class={classes!("swatch", format!("c{}", m.doc % 8))} aria-hidden="true" />
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
            if shown < props.rows.len() {
                <button type="button" class="link-button" onclick={ { let show_all = show_all.clone(); move |_| show_all.set(true) } }>
                    { format!("Show all {} figures", props.rows.len()) }
                </button>
            }
        </section>
    }
}

/// The sentence with the figure itself emphasised.
fn quote_with_figure(doc: &extract::Document, m: &extract::Metric) -> Html {
    let sentence = doc.sentence_text(m.sentence as usize);
    let Some(start) = doc
        .sentences
        .get(m.sentence as usize)
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
