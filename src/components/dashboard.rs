//! The dashboard for one corpus: state from the URL, derived views, and the page layout
//! (filters, summary, charts, the figures table or the Measures view, reader).

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::Target;
use crate::components::charts_panel::ChartsPanel;
use crate::components::facets::Facets;
use crate::components::figure_table::FigureTable;
use crate::components::measures_panel::MeasuresPanel;
use crate::components::reader::Reader;
use crate::data::CorpusHandle;
use crate::export;
use crate::hooks::use_theme::{use_theme, ThemePref};
use crate::hooks::use_url_state::use_url_state;
use crate::index::CorpusIndex;
use crate::provenance::sentence_of;
use crate::state::{Action, ReaderAt, Tab};
use crate::url;
use crate::views::{derive, figure_key, find_figure, measure_view, Derived, MeasureView};
use crate::web;

/// Props of [`Dashboard`].
#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    /// The corpus to explore.
    pub corpus: CorpusHandle,
    /// Shown under the masthead (e.g. the "your own article" panel).
    #[prop_or_default]
    pub children: Html,
}

/// Filters, charts, table and reader over one corpus.
#[function_component(Dashboard)]
pub fn dashboard(props: &DashboardProps) -> Html {
    web::mark("metricscope:render");
    let corpus = props.corpus.clone();
    let index: Rc<CorpusIndex> = use_memo(corpus.clone(), |c| {
        let index = CorpusIndex::new(c);
        web::mark("metricscope:indexed");
        index
    });
    let state = use_url_state(corpus.clone(), index.clone());
    let theme = use_theme();
    let filters_open = use_state(|| false);

    // The one derived-data layer: recomputed when the filter or the sort changes.
    let derived: Rc<Derived> = (*use_memo(
        (
            corpus.clone(),
            index.clone(),
            state.filter.clone(),
            state.sort,
        ),
        |(c, i, f, s)| {
            web::mark("metricscope:derive-start");
            let d = derive(c, i, f, *s);
            web::mark("metricscope:derived");
            web::measure(
                "metricscope:derive",
                "metricscope:derive-start",
                "metricscope:derived",
            );
            d
        },
    ))
    .clone();

    // The open measure's chart and disagreements: derived from `derived`, only when the
    // filter, the open measure or the tab changes, and only while the Measures view shows.
    let open_measure: Option<Rc<MeasureView>> = (*use_memo(
        (
            corpus.clone(),
            derived.clone(),
            state.measure.clone(),
            state.tab,
        ),
        |(c, d, key, tab)| {
            (*tab == Tab::Measures)
                .then(|| key.as_deref().and_then(|k| measure_view(c, d, k)))
                .flatten()
        },
    ))
    .clone();

    // Effects run once the DOM shows this render: the end of a click's DOM phase.
    // The dependency is the view's address: comparing two views field by field would cost
    // more than the render.
    use_effect_with(Rc::as_ptr(&derived) as usize, |_| {
        web::mark("metricscope:rendered");
    });

    // Callbacks that stay the same across renders, so a child whose other props did not
    // change is not rendered again.
    let onaction = use_callback(state.dispatcher(), |a: Action, dispatcher| {
        web::mark("metricscope:action");
        dispatcher.dispatch(a);
    });
    let onpick = use_callback(
        (onaction.clone(), corpus.clone()),
        |t: Target, (onaction, corpus)| {
            let action = match t {
                Target::Metric(i) => {
                    let sentence = corpus.metrics.get(i as usize).map(|m| m.sentence);
                    figure_key(corpus, i)
                        .zip(sentence)
                        .map(|(key, sentence)| Action::Select { key, sentence })
                }
                other => sentence_of(corpus, other).and_then(|(doc, sentence)| {
                    Some(Action::Open(ReaderAt {
                        doc: corpus.documents.get(doc as usize)?.id.clone(),
                        sentence: Some(sentence),
                    }))
                }),
            };
            if let Some(a) = action {
                onaction.emit(a);
            }
        },
    );

    let selected = state.selected.as_ref().and_then(|k| find_figure(&index, k));
    let reader_doc = state
        .reader
        .as_ref()
        .and_then(|r| Some((index.doc(&r.doc)?, r.clone())));
    let total = derived.total;
    let shown = derived.view.figures.len();

    let act = |a: Action| {
        let onaction = onaction.clone();
        Callback::from(move |_: MouseEvent| onaction.emit(a.clone()))
    };
    let empty = empty_state(&derived, &act);

    let oncsv = {
        let (corpus, derived) = (corpus.clone(), derived.clone());
        Callback::from(move |_: MouseEvent| {
            web::download_text(
                "metricscope-figures.csv",
                "text/csv",
                &export::to_csv(&corpus, &derived.rows, &derived.measures.flagged),
            );
        })
    };
    let onjson = {
        let (corpus, derived, link) = (corpus.clone(), derived.clone(), url::encode(&state));
        Callback::from(move |_: MouseEvent| {
            web::download_text(
                "metricscope-figures.json",
                "application/json",
                &export::to_json(&corpus, &derived.rows, &derived.measures.flagged, &link),
            );
        })
    };
    let theme_label = match theme.pref {
        ThemePref::Auto => "Theme: automatic",
        ThemePref::Light => "Theme: light",
        ThemePref::Dark => "Theme: dark",
    };
    let oncycle = {
        let cb = theme.oncycle.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let toggle_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| filters_open.set(!*filters_open))
    };
    let active = derived.chips.len();

    let page = html! {
        <div class={classes!("app", reader_doc.is_some().then_some("reading"))}>
            <header class="masthead">
                <div class="brand">
                    <h1>{ "Metricscope" }</h1>
                    <p class="tagline">
                        { "The figures cited in articles about China's technology sector, with the sentence behind each." }
                    </p>
                </div>
                <button type="button" class="theme-toggle" aria-label={format!("{theme_label}; change theme")} onclick={oncycle}>
                    { theme_label }
                </button>
            </header>
            { props.children.clone() }
            if !state.notes.is_empty() {
                <div class="notes" role="status">
                    <ul>
                        { for state.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                    </ul>
                    <button type="button" class="link-button" onclick={act(Action::DismissNotes)}>{ "Dismiss" }</button>
                </div>
            }
            <div class="layout">
                <button
                    type="button"
                    class="filters-toggle"
                    aria-expanded={filters_open.to_string()}
                    aria-controls="filters"
                    onclick={toggle_filters}
                >
                    { if active > 0 { format!("Filters ({active} active)") } else { "Filters".to_owned() } }
                </button>
                <aside id="filters" class={classes!("facets", filters_open.then_some("open"))} aria-labelledby="filters-heading">
                    <Facets
                        corpus={corpus.clone()}
                        derived={derived.clone()}
                        filter={state.filter.clone()}
                        onaction={onaction.clone()}
                    />
                </aside>
                <main id="main" class="content">
                    <section class="summary" aria-live="polite">
                        <p class="counts">
                            <strong class="shown-count">{ shown }</strong>
                            { format!(" of {total} figures") }
                            { format!(" · {} events", derived.view.events.len()) }
                        </p>
                        if !derived.chips.is_empty() {
                            <ul class="chips" aria-label="Active filters">
                                { for derived.chips.iter().cloned().map(|(label, action)| html! {
                                    <li>
                                        <button type="button" class="chip" aria-label={format!("Remove filter {label}")} onclick={act(action)}>
                                            { label }<span aria-hidden="true">{ " ×" }</span>
                                        </button>
                                    </li>
                                }) }
                            </ul>
                        }
                        <div class="exports">
                            <button type="button" onclick={oncsv} disabled={shown == 0}>{ "Export CSV" }</button>
                            <button type="button" onclick={onjson} disabled={shown == 0}>{ "Export JSON" }</button>
                        </div>
                    </section>
                    <ChartsPanel
                        corpus={corpus.clone()}
                        derived={derived.clone()}
                        dark={theme.dark}
                        selected={selected.map(Target::Metric)}
                        onpick={onpick.clone()}
                        empty={empty.clone()}
                    />
                    <div class="view-tabs" role="group" aria-label="View">
                        { for Tab::ALL.into_iter().map(|tab| {
                            let label = match tab {
                                Tab::Figures => format!("Figures ({shown})"),
                                Tab::Measures => format!("Measures ({})", derived.measures.list.len()),
                            };
                            html! {
                                <button
                                    type="button"
                                    class={classes!("view-tab", format!("tab-{}", tab.key()))}
                                    aria-pressed={(state.tab == tab).to_string()}
                                    aria-controls="view"
                                    onclick={act(Action::ShowTab(tab))}
                                >
                                    { label }
                                </button>
                            }
                        }) }
                    </div>
                    <div id="view">
                        if state.tab == Tab::Measures {
                            <MeasuresPanel
                                corpus={corpus.clone()}
                                derived={derived.clone()}
                                open={open_measure}
                                dark={theme.dark}
                                selected={selected.map(Target::Metric)}
                                onaction={onaction.clone()}
                                onpick={onpick.clone()}
                            />
                        } else if shown == 0 {
                            <section class="panel table-panel">
                                <h2>{ "Figures (0)" }</h2>
                                { empty }
                            </section>
                        } else {
                            <FigureTable
                                corpus={corpus.clone()}
                                derived={derived.clone()}
                                sort={state.sort}
                                {selected}
                                onaction={onaction.clone()}
                            />
                        }
                    </div>
                </main>
                if let Some((doc, at)) = reader_doc {
                    <Reader corpus={corpus.clone()} {doc} {at} {selected} onaction={onaction.clone()} />
                }
            </div>
        </div>
    };
    web::mark("metricscope:dashboard-built");
    page
}

/// What to say, and offer, when no figure matches.
fn empty_state(derived: &Derived, act: &dyn Fn(Action) -> Callback<MouseEvent>) -> Html {
    if derived.total == 0 {
        return html! {
            <p class="empty">{ "This corpus has no extracted figures yet. Add an article above, or check back when the extractor has run." }</p>
        };
    }
    html! {
        <div class="empty" role="status">
            <p><strong>{ "No figures match." }</strong>{ " Try one of these:" }</p>
            <ul class="offers">
                { for derived.offers.iter().map(|(label, a)| html! {
                    <li><button type="button" class="link-button" onclick={act(a.clone())}>{ label.clone() }</button></li>
                }) }
                <li><button type="button" class="link-button" onclick={act(Action::ClearAll)}>{ "clear all filters" }</button></li>
            </ul>
        </div>
    }
}
