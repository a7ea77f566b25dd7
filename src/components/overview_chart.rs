//! A canvas showing the overview chart, drawn with plotters at the device pixel ratio.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::charts::measured::Measured;
use crate::charts::overview::{draw, Bar, Palette};
use crate::data::CorpusHandle;

/// Props of [`OverviewChart`].
#[derive(Properties, PartialEq)]
pub struct OverviewChartProps {
    /// The corpus to summarise.
    pub corpus: CorpusHandle,
}

/// CSS size of the chart; the canvas backing store is this times the device pixel ratio.
const CSS_WIDTH: u32 = 640;
const CSS_HEIGHT: u32 = 260;

/// Sentences per document, as a bar chart.
#[function_component(OverviewChart)]
pub fn overview_chart(props: &OverviewChartProps) -> Html {
    let canvas_ref = use_node_ref();
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with(props.corpus.clone(), move |corpus| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                paint(&canvas, corpus);
            }
        });
    }
    html! {
        <canvas
            ref={canvas_ref}
            class="chart"
            role="img"
            aria-label="Bar chart: number of sentences in each document"
        />
    }
}

fn paint(canvas: &HtmlCanvasElement, corpus: &CorpusHandle) {
    let window = web_sys::window();
    let scale = window
        .as_ref()
        .map_or(1.0, web_sys::Window::device_pixel_ratio)
        .max(1.0);
    let dark = window
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    canvas.set_width((f64::from(CSS_WIDTH) * scale).round() as u32);
    canvas.set_height((f64::from(CSS_HEIGHT) * scale).round() as u32);
    let bars: Vec<Bar> = corpus
        .documents
        .iter()
        .map(|d| Bar {
            label: d.title.clone(),
            value: d.sentences.len() as f64,
        })
        .collect();
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return;
    };
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let root = Measured::new(backend, context).into_drawing_area();
    let palette = if dark { Palette::DARK } else { Palette::LIGHT };
    if let Err(e) = draw(&root, "Sentences per document", &bars, palette, scale) {
        gloo::console::error!(format!("drawing the overview chart failed: {e}"));
    }
}
