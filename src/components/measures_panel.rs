//! The Measures view: every measure in view as a table row (figures, documents, periods,
//! latest value, spread with a small inline chart, disagreements), searchable and sortable;
//! the open measure's chart of every citation by period, its citations table, and its
//! disagreements as two sentences side by side. The tables are the keyboard route.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::Target;
use crate::components::chart_canvas::ChartCanvas;
use crate::data::{date_label, CorpusHandle};
use crate::format::{qualifier_label, shorten, with_unit};
use crate::measures::{search, Measure, MeasureSort, SPARK_POINTS};
use crate::state::Action;
use crate::views::{figure_key, Derived, MeasureView};

/// Measures listed before the reader searches or narrows the filter.
pub const MEASURE_ROWS: usize = 25;

/// Citations listed for the open measure, the disagreeing ones first in line.
pub const CITATION_ROWS: usize = 100;

/// Disagreements shown side by side for the open measure.
pub const PAIRS_SHOWN: usize = 20;

/// Props of [`MeasuresPanel`].
#[derive(Properties, PartialEq)]
pub struct MeasuresPanelProps {
    /// The corpus.
    pub corpus: CorpusHandle,
    /// The derived view, with its measures.
    pub derived: Rc<Derived>,
    /// The open measure, when one is.
    pub open: Option<Rc<MeasureView>>,
    /// Dark theme.
    pub dark: bool,
    /// The selected mark.
    pub selected: Option<Target>,
    /// Opening measures and selecting citations go through here.
    pub onaction: Callback<Action>,
    /// A chart mark was clicked.
    pub onpick: Callback<Target>,
}

/// The Measures view.
#[function_component(MeasuresPanel)]
pub fn measures_panel(props: &MeasuresPanelProps) -> Html {
    let query = use_state(String::new);
    let sort = use_state(MeasureSort::default);
    let list = &props.derived.measures.list;
    let in_view = &props.derived.measures.in_view;
    let found = search(list, &query, *sort);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let onsort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            sort.set(MeasureSort::from_key(&select.value()).unwrap_or_default());
        })
    };
    let open_key = props.open.as_ref().map(|v| v.measure.key.clone());
    let row = |i: usize| {
        let m = &list[i];
        let action = Action::OpenMeasure(
            (open_key.as_deref() != Some(m.key.as_str())).then(|| m.key.clone()),
        );
        let onclick = {
            let (onaction, action) = (props.onaction.clone(), action);
            Callback::from(move |_: MouseEvent| onaction.emit(action.clone()))
        };
        let is_open = open_key.as_deref() == Some(m.key.as_str());
        html! {
            <tr key={m.key.clone()} data-measure={m.key.clone()} class={classes!("measure-row", is_open.then_some("open"), (m.n_flagged > 0).then_some("disputed"))}>
                <th scope="row">
                    <button type="button" class="link-button measure-open" aria-expanded={is_open.to_string()} {onclick}>
                        { m.title() }
                    </button>
                    <span class="family">{ m.family.clone() }</span>
                    if let Some(&n) = in_view.get(i).filter(|&&n| n as usize != m.citations.len()) {
                        <span class="in-view">{ format!("{n} in the current filter") }</span>
                    }
                </th>
                <td data-label="Figures" class="n-figures">{ m.citations.len() }</td>
                <td data-label="Documents" class="n-docs">{ m.n_docs }</td>
                <td data-label="Periods">{ periods(m) }</td>
                <td data-label="Latest">{ latest(&props.corpus, m) }</td>
                <td data-label="Spread">{ spread(&props.corpus, m) }{ sparkline(m) }</td>
                <td data-label="Disagreements" class="n-flagged">
                    if m.n_flagged > 0 {
                        <span class="flag">{ format!("⚠ {}", m.n_flagged) }</span>
                    } else {
                        { "—" }
                    }
                </td>
            </tr>
        }
    };
    let shown = found.len().min(MEASURE_ROWS);
    html! {
        <section class="panel measures-panel" aria-labelledby="measures-heading">
            <h2 id="measures-heading">{ format!("Measures ({})", list.len()) }</h2>
            <p class="hint">
                { "Figures grouped by what they measure across documents. Two citations of one measure and period disagree when no value fits both, once rounding, units and qualifiers are read (“about” allows 10% either side). Disagreements are judged over the whole corpus, so the filter chooses which measures are listed but not what is flagged." }
            </p>
            <div class="measures-tools">
                <label>
                    <span class="visually-hidden">{ "Search measures" }</span>
                    <input type="search" class="measure-search" placeholder="Search measures" value={(*query).clone()} {oninput} />
                </label>
                <label>
                    { "Sort by " }
                    <select class="measure-sort" onchange={onsort}>
                        { for MeasureSort::ALL.into_iter().map(|s| html! {
                            <option value={s.key()} selected={*sort == s}>{ s.key() }</option>
                        }) }
                    </select>
                </label>
            </div>
            if let Some(view) = &props.open {
                { open_measure(props, view) }
            }
            <div class="table-scroll">
                <table class="measures">
                    <caption class="visually-hidden">{ "Measures in the current filter. Open one to see its citations by period." }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Measure" }</th>
                            <th scope="col">{ "Figures" }</th>
                            <th scope="col">{ "Docs" }</th>
                            <th scope="col">{ "Periods" }</th>
                            <th scope="col">{ "Latest" }</th>
                            <th scope="col">{ "Spread" }</th>
                            <th scope="col">{ "Disagree" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for found[..shown].iter().map(|&i| row(i)) }
                    </tbody>
                </table>
            </div>
            if found.len() > shown {
                <p class="more">{ format!("and {} more measures: search to find one", found.len() - shown) }</p>
            }
            if found.is_empty() {
                <p class="empty">{ "No measure matches." }</p>
            }
        </section>
    }
}

/// The open measure: chart, citations and disagreements.
fn open_measure(props: &MeasuresPanelProps, view: &Rc<MeasureView>) -> Html {
    let corpus = &props.corpus;
    let m = &view.measure;
    let select = |i: u32| -> Option<Action> {
        let metric = corpus.metrics.get(i as usize)?;
        Some(Action::Select {
            key: figure_key(corpus, i)?,
            sentence: metric.sentence,
        })
    };
    let legend = match &*view.chart {
        crate::charts::ChartSpec::Measure(c) => c.legend.clone(),
        _ => Vec::new(),
    };
    let close = {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(Action::OpenMeasure(None)))
    };
    let outside_note = |i: u32| {
        if view.is_outside(i) {
            html! { <span class="outside">{ " (not in the current filter)" }</span> }
        } else {
            html! {}
        }
    };
    let citation = |i: u32, flagged: bool, period: &str| {
        let metric = &corpus.metrics[i as usize];
        let doc = corpus.documents.get(metric.doc as usize);
        let action = select(i);
        let onclick = {
            let (onaction, action) = (props.onaction.clone(), action.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(a) = action.clone() {
                    onaction.emit(a);
                }
            })
        };
        let onkeydown = {
            let (onaction, action) = (props.onaction.clone(), action);
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    if let Some(a) = action.clone() {
                        onaction.emit(a);
                    }
                }
            })
        };
        html! {
            <tr key={i} tabindex="0" data-metric={i.to_string()} class={classes!("citation-row", flagged.then_some("flagged"))} {onclick} {onkeydown}>
                <td data-label="Period">{ if period.is_empty() { "—".to_owned() } else { period.to_owned() } }</td>
                <td data-label="Value">
                    { metric.surface.clone() }
                    if metric.qualifier != extract::Qualifier::Exact {
                        <span class="qualifier">{ format!(" ({})", qualifier_label(metric.qualifier)) }</span>
                    }
                </td>
                <td data-label="Source">{ doc.map(|d| shorten(&d.title, 40)).unwrap_or_default() }{ outside_note(i) }</td>
                <td data-label="Date">{ doc.map(|d| date_label(&d.date)).unwrap_or_default() }</td>
                <td data-label="Disagrees">{ if flagged { "⚠ yes" } else { "" } }</td>
            </tr>
        }
    };
    let side = |i: u32| {
        let metric = &corpus.metrics[i as usize];
        let doc = corpus.documents.get(metric.doc as usize);
        html! {
            <blockquote class="claim" data-metric={i.to_string()}>
                <p>{ corpus.sentence(metric.doc, metric.sentence).to_owned() }</p>
                <footer>
                    <strong>{ metric.surface.clone() }</strong>
                    { " · " }{ doc.map(|d| d.title.clone()).unwrap_or_default() }
                    { " · " }{ doc.map(|d| date_label(&d.date)).unwrap_or_default() }
                    { outside_note(i) }
                </footer>
            </blockquote>
        }
    };
    // In period order, at most CITATION_ROWS: the disagreeing citations first claim their
    // places, and the others fill the rest.
    let n_flagged = (m.n_flagged as usize).min(CITATION_ROWS);
    let (mut flagged_seen, mut others) = (0, 0);
    let listed: Vec<&crate::measures::Citation> = m
        .citations
        .iter()
        .filter(|c| {
            if c.flagged {
                flagged_seen += 1;
                flagged_seen <= CITATION_ROWS
            } else {
                others += 1;
                others <= CITATION_ROWS - n_flagged
            }
        })
        .collect();
    html! {
        <div class="measure-open-view" data-open-measure={m.key.clone()}>
            <div class="measure-head">
                <h3>{ m.title() }</h3>
                <button type="button" class="link-button" onclick={close}>{ "Close measure" }</button>
            </div>
            <div class="measure-body">
                <div class="chart-cell">
                    <ChartCanvas
                        spec={view.chart.clone()}
                        corpus={corpus.clone()}
                        dark={props.dark}
                        selected={props.selected}
                        onpick={props.onpick.clone()}
                    />
                    <ul class="legend" aria-label="Sources">
                        { for legend.iter().enumerate().map(|(k, name)| html! {
                            <li><span class={classes!("swatch", format!("c{k}"))} aria-hidden="true" />{ shorten(name, 40) }</li>
                        }) }
                        <li><span class="swatch flag-box" aria-hidden="true" />{ "disagrees" }</li>
                    </ul>
                </div>
                <div class="table-scroll">
                    <table class="citations">
                        <caption class="visually-hidden">{ "Every citation of this measure by period. Select a row to open its sentence." }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Period" }</th>
                                <th scope="col">{ "Value" }</th>
                                <th scope="col">{ "Source" }</th>
                                <th scope="col">{ "Date" }</th>
                                <th scope="col">{ "Disagrees" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for listed.iter().map(|c| citation(c.metric, c.flagged, &c.period)) }
                        </tbody>
                    </table>
                    if m.citations.len() > listed.len() {
                        <p class="more">{ format!("and {} more citations: the chart shows every one", m.citations.len() - listed.len()) }</p>
                    }
                </div>
            </div>
            if !view.pairs.is_empty() {
                <h4>{ format!("Disagreements ({})", view.pairs.len()) }</h4>
                <ul class="disagreements">
                    { for view.pairs.iter().take(PAIRS_SHOWN).map(|&(a, b)| html! {
                        <li class="pair" key={format!("{a}-{b}")}>{ side(a) }{ side(b) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}

fn periods(m: &Measure) -> String {
    match &m.span {
        None => "—".to_owned(),
        Some((a, b)) if a == b => a.clone(),
        Some((a, b)) => format!("{a} – {b} ({})", m.n_periods),
    }
}

fn latest(corpus: &CorpusHandle, m: &Measure) -> String {
    m.latest
        .and_then(|i| corpus.metrics.get(i as usize))
        .map(|x| format!("{} ({})", x.surface, x.period.label().unwrap_or_default()))
        .unwrap_or_else(|| "—".to_owned())
}

fn spread(corpus: &CorpusHandle, m: &Measure) -> String {
    let unit = m
        .citations
        .first()
        .and_then(|c| corpus.metrics.get(c.metric as usize))
        .map(|x| x.unit);
    match (m.spread, unit) {
        (Some((lo, hi)), Some(u)) if lo == hi => with_unit(lo, u),
        (Some((lo, hi)), Some(u)) => format!("{} – {}", with_unit(lo, u), with_unit(hi, u)),
        _ => "—".to_owned(),
    }
}

/// A bounded inline SVG line of the median value of the latest periods.
fn sparkline(m: &Measure) -> Html {
    if m.spark.len() < 2 {
        return html! {};
    }
    let (lo, hi) = crate::charts::extent(m.spark.iter().copied());
    let span = if hi > lo { hi - lo } else { 1.0 };
    let n = m.spark.len().min(SPARK_POINTS);
    let step = 60.0 / (n - 1) as f64;
    let points: Vec<String> = m
        .spark
        .iter()
        .enumerate()
        .map(|(k, v)| {
            format!(
                "{:.1},{:.1}",
                k as f64 * step,
                14.0 - (v - lo) / span * 12.0
            )
        })
        .collect();
    html! {
        <svg class="spark" viewBox="0 0 60 16" width="60" height="16" aria-hidden="true">
            <polyline points={points.join(" ")} />
        </svg>
    }
}
