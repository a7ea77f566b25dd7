//! The charts of the current view: figures by unit family, the timeline, entity mentions
//! by document and the series, with one legend for the colours and marker shapes.

use std::rc::Rc;

use extract::Unit;
use yew::prelude::*;

use crate::charts::{figures, heatmap, series, timeline, ChartSpec, Target};
use crate::components::chart_canvas::ChartCanvas;
use crate::data::CorpusHandle;
use crate::provenance::doc_name;
use crate::views::View;

/// Props of [`ChartsPanel`].
#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    /// The corpus.
    pub corpus: CorpusHandle,
    /// The current view.
    pub view: Rc<View>,
    /// Documents in view (the document facet's choice, or all).
    pub docs: Rc<Vec<u32>>,
    /// Entities chosen in the filter, shown first in the heat map.
    pub chosen: Rc<Vec<u32>>,
    /// Dark theme.
    pub dark: bool,
    /// The selected mark.
    pub selected: Option<Target>,
    /// A mark was clicked.
    pub onpick: Callback<Target>,
    /// Shown instead of the figure charts when no figure matches.
    #[prop_or_default]
    pub empty: Html,
}

struct Specs {
    figures: Vec<Rc<ChartSpec>>,
    timeline: Rc<ChartSpec>,
    heat: Rc<ChartSpec>,
    series: Vec<Rc<ChartSpec>>,
}

/// Every chart of the view.
#[function_component(ChartsPanel)]
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    let specs = use_memo(
        (
            props.corpus.clone(),
            props.view.clone(),
            props.docs.clone(),
            props.chosen.clone(),
        ),
        |(corpus, view, docs, chosen)| {
            let specs = Specs {
                figures: Unit::ALL
                    .into_iter()
                    .filter_map(|u| figures::build(corpus, &view.figures, u))
                    .map(|c| Rc::new(ChartSpec::Figures(c)))
                    .collect(),
                timeline: Rc::new(ChartSpec::Timeline(timeline::build(corpus, &view.events))),
                heat: Rc::new(ChartSpec::Heat(heatmap::build(
                    corpus,
                    docs,
                    &view.entity_mentions,
                    chosen,
                ))),
                series: series::build(corpus, &view.figures)
                    .into_iter()
                    .map(|s| Rc::new(ChartSpec::Series(s)))
                    .collect(),
            };
            crate::web::mark("metricscope:specs-built");
            specs
        },
    );
    let chart = |spec: &Rc<ChartSpec>| {
        html! {
            <ChartCanvas
                key={spec.key()}
                spec={spec.clone()}
                corpus={props.corpus.clone()}
                dark={props.dark}
                selected={props.selected}
                onpick={props.onpick.clone()}
            />
        }
    };
    let corpus = &props.corpus;
    html! {
        <section class="panel charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{ "Charts" }</h2>
            <p class="hint">
                { "Hover a mark for its sentence; click it to open the article there. The table below lists the same figures for keyboard and screen-reader use." }
            </p>
            <div class="legend" aria-label="Legend">
                <ul class="legend-docs">
                    { for props.docs.iter().map(|&d| html! {
                        <li>
                            <span class={classes!("swatch", format!("c{}", d % 8))} aria-hidden="true" />
                            { doc_name(corpus, d) }
                        </li>
                    }) }
                </ul>
                <ul class="legend-marks">
                    <li><span class="glyph" aria-hidden="true">{ "●" }</span>{ "exact" }</li>
                    <li><span class="glyph" aria-hidden="true">{ "◎" }</span>{ "about" }</li>
                    <li><span class="glyph" aria-hidden="true">{ "▶┄" }</span>{ "more than / at least (lower bound)" }</li>
                    <li><span class="glyph" aria-hidden="true">{ "┄◀" }</span>{ "up to / less than / nearly (upper bound)" }</li>
                    <li><span class="glyph" aria-hidden="true">{ "● ○ ◆" }</span>{ "events: happened, forecast, target" }</li>
                    <li><span class="glyph" aria-hidden="true">{ "*" }</span>{ "period inherited from an earlier figure (“the same timeframe”)" }</li>
                </ul>
            </div>
            if specs.figures.is_empty() {
                <div class="chart-empty">{ props.empty.clone() }</div>
            } else {
                <div class="chart-grid figure-grid">
                    { for specs.figures.iter().map(chart) }
                </div>
            }
            <div class="chart-grid context-grid">
                { chart(&specs.timeline) }
                { chart(&specs.heat) }
            </div>
            <h3>{ "Series across documents and years" }</h3>
            if specs.series.is_empty() {
                <p class="muted small series-none">
                    { "No measure in view is cited for two or more different years, so there is no series to draw. Series appear when the same label and unit recur across years." }
                </p>
            } else {
                <div class="chart-grid series-grid">
                    { for specs.series.iter().map(chart) }
                </div>
            }
        </section>
    }
}
