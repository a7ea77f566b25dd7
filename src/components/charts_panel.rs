//! The charts of the current view: figures by unit family, the timeline, entity mentions
//! by document and the series, with one bounded legend for the colours and marker shapes.

use std::rc::Rc;

use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::charts::{ChartSpec, Target};
use crate::components::chart_canvas::ChartCanvas;
use crate::data::CorpusHandle;
use crate::views::Derived;
use crate::web;

/// Props of [`ChartsPanel`]. The derived view compares by pointer (see `FacetsProps`).
#[derive(Properties)]
pub struct ChartsPanelProps {
    /// The corpus, for tooltips.
    pub corpus: CorpusHandle,
    /// The derived view: the charts and what their colours mean.
    pub derived: Rc<Derived>,
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

impl PartialEq for ChartsPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.derived, &other.derived)
            && self.corpus == other.corpus
            && self.dark == other.dark
            && self.selected == other.selected
            && self.onpick == other.onpick
            && self.empty == other.empty
    }
}

/// Scrolls the figures table into view: where "and N more" leads.
fn to_table(_: MouseEvent) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector("#table-heading") {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Every chart of the view.
#[function_component(ChartsPanel)]
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    web::mark("metricscope:charts-panel");
    let charts = &props.derived.charts;
    let colours = &props.derived.colours;
    // Each chart is keyed by its slot: a unit family, the timeline, the heat map, or the
    // series' rank. A filter that changes which series are longest then redraws the same
    // canvases instead of unmounting them and mounting new ones (a new canvas has to be
    // measured, which forces a layout of the whole page in the middle of the click).
    let chart = |key: String, spec: &Rc<ChartSpec>| {
        let more = match &**spec {
            ChartSpec::Figures(c) => c.more,
            _ => 0,
        };
        html! {
            <div class="chart-cell" {key}>
                <ChartCanvas
                    spec={spec.clone()}
                    corpus={props.corpus.clone()}
                    dark={props.dark}
                    selected={props.selected}
                    onpick={props.onpick.clone()}
                />
                if more > 0 {
                    <button type="button" class="link-button more-figures" onclick={to_table}>
                        { format!("and {more} more in the table") }
                    </button>
                }
            </div>
        }
    };
    let legend_title = if colours.by_sector {
        "Colour: the article's main sector"
    } else {
        "Colour: the article"
    };
    let html = html! {
        <section class="panel charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{ "Charts" }</h2>
            <p class="hint">
                { "Hover a mark for its sentence; click it to open the article there. The table below lists the same figures for keyboard and screen-reader use." }
            </p>
            <div class="legend" aria-label="Legend">
                <p class="legend-title">{ legend_title }</p>
                <ul class="legend-docs">
                    { for colours.groups.iter().enumerate().map(|(g, name)| html! {
                        <li>
                            <span class={classes!("swatch", format!("c{g}"))} aria-hidden="true" />
                            { name.clone() }
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
            if charts.figures.is_empty() {
                <div class="chart-empty">{ props.empty.clone() }</div>
            } else {
                <div class="chart-grid figure-grid">
                    { for charts.figures.iter().map(|s| chart(s.key(), s)) }
                </div>
            }
            <div class="chart-grid context-grid">
                { for charts.timeline.iter().map(|s| chart(s.key(), s)) }
                { for charts.heat.iter().map(|s| chart(s.key(), s)) }
            </div>
            <h3>{ "Series across documents and years" }</h3>
            if charts.series.is_empty() {
                <p class="muted small series-none">
                    { "No measure in view is cited for two or more different years, so there is no series to draw. Series appear when the same label and unit recur across years." }
                </p>
            } else {
                <div class="chart-grid series-grid">
                    { for charts.series.iter().enumerate().map(|(i, s)| chart(format!("series-{i}"), s)) }
                </div>
            }
        </section>
    };
    web::mark("metricscope:charts-panel-built");
    html
}
