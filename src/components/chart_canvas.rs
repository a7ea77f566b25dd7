//! One chart on a canvas: drawn at the device pixel ratio, redrawn on resize and theme
//! change, with a text tooltip on hover, a click that opens the mark's sentence, and
//! PNG/SVG export.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

use crate::charts::measured::Measured;
use crate::charts::surface::Surface;
use crate::charts::{nearest, ChartSpec, Ink, Mark, Palette, Target};
use crate::data::CorpusHandle;
use crate::hooks::use_element_width::use_element_width;
use crate::provenance::describe;
use crate::web;

/// Props of [`ChartCanvas`].
#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    /// What to draw.
    pub spec: Rc<ChartSpec>,
    /// The corpus, for tooltips.
    pub corpus: CorpusHandle,
    /// Dark theme colours.
    pub dark: bool,
    /// The selected mark, ringed.
    #[prop_or_default]
    pub selected: Option<Target>,
    /// Called when a mark is clicked.
    pub onpick: Callback<Target>,
}

/// A chart with hover tooltips and click-through to the sentence.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    web::mark("metricscope:chart-render");
    let box_ref = use_node_ref();
    let canvas_ref = use_node_ref();
    let tip_ref = use_node_ref();
    let width = use_element_width(box_ref.clone());
    let marks: Rc<RefCell<Vec<Mark>>> = use_mut_ref(Vec::new);
    let hover = use_state_eq(|| None::<Target>);

    {
        let canvas_ref = canvas_ref.clone();
        let marks = marks.clone();
        use_effect_with(
            (props.spec.clone(), props.dark, width, props.selected),
            move |(spec, dark, width, selected)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    if *width > 0 {
                        web::mark("metricscope:chart-draw-start");
                        let drawn = paint(&canvas, spec, *dark, *width, *selected);
                        // The marks, in CSS pixels, as data on the canvas: what a script or
                        // an end-to-end test needs to find and click a mark.
                        let _ = canvas.set_attribute("data-marks", &describe_marks(&drawn));
                        *marks.borrow_mut() = drawn;
                        web::mark("metricscope:chart-drawn");
                        web::measure(
                            &format!("metricscope:draw:{}", spec.key()),
                            "metricscope:chart-draw-start",
                            "metricscope:chart-drawn",
                        );
                    }
                }
            },
        );
    }

    // Pointer position in backend pixels: CSS offset times the canvas's scale.
    let to_backend = |canvas: &HtmlCanvasElement, e: &MouseEvent| -> (f64, f64) {
        let css_w = f64::from(canvas.client_width().max(1));
        let k = f64::from(canvas.width()) / css_w;
        (f64::from(e.offset_x()) * k, f64::from(e.offset_y()) * k)
    };

    let onmousemove = {
        let (canvas_ref, tip_ref, marks, hover) = (
            canvas_ref.clone(),
            tip_ref.clone(),
            marks.clone(),
            hover.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let (x, y) = to_backend(&canvas, &e);
            let hit = nearest(&marks.borrow(), x, y).map(|m| m.target);
            hover.set(hit);
            if let Some(tip) = tip_ref.cast::<HtmlElement>() {
                // Placed through the CSSOM, which the page's CSP allows (style attributes
                // in markup are what it forbids). Flipped left near the right edge.
                let css_w = canvas.client_width();
                let left = if e.offset_x() > css_w / 2 {
                    e.offset_x() - 16 - tip.offset_width()
                } else {
                    e.offset_x() + 16
                };
                let style = tip.style();
                let _ = style.set_property("left", &format!("{}px", left.max(0)));
                let _ = style.set_property("top", &format!("{}px", e.offset_y() + 16));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let onclick = {
        let (canvas_ref, marks, onpick) = (canvas_ref.clone(), marks, props.onpick.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let (x, y) = to_backend(&canvas, &e);
            if let Some(mark) = nearest(&marks.borrow(), x, y) {
                onpick.emit(mark.target);
            }
        })
    };
    let onpng = {
        let (canvas_ref, stem) = (canvas_ref.clone(), props.spec.file_stem());
        Callback::from(move |_: MouseEvent| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                if let Ok(url) = canvas.to_data_url() {
                    web::download_url(&format!("metricscope-{stem}.png"), &url);
                }
            }
        })
    };
    let onsvg = {
        let (spec, dark, selected) = (props.spec.clone(), props.dark, props.selected);
        Callback::from(move |_: MouseEvent| {
            let w = width.max(320);
            let Some(svg) = to_svg(&spec, dark, w, selected) else {
                return;
            };
            web::download_text(
                &format!("metricscope-{}.svg", spec.file_stem()),
                "image/svg+xml",
                &svg,
            );
        })
    };

    let tip = hover.and_then(|t| describe(&props.corpus, t));
    html! {
        <figure class="chart-figure">
            <div class="chart-box" ref={box_ref}>
                <canvas
                    ref={canvas_ref}
                    class={classes!("chart", hover.is_some().then_some("pointing"))}
                    role="img"
                    aria-label={props.spec.aria_label()}
                    {onmousemove}
                    {onmouseleave}
                    {onclick}
                />
                <div
                    ref={tip_ref}
                    class={classes!("tooltip", tip.is_none().then_some("hidden"))}
                    role="tooltip"
                    aria-hidden="true"
                >
                    if let Some(tip) = tip {
                        <strong class="tip-heading">{ tip.heading }</strong>
                        <span class="tip-detail">{ tip.detail }</span>
                        <q class="tip-quote">{ tip.quote }</q>
                        <span class="tip-source">{ tip.source }</span>
                        <span class="tip-hint">{ "Click to open the sentence" }</span>
                    }
                </div>
            </div>
            <figcaption class="chart-actions">
                <button type="button" class="link-button" onclick={onpng}>{ "PNG" }</button>
                <button type="button" class="link-button" onclick={onsvg}>{ "SVG" }</button>
            </figcaption>
        </figure>
    }
}

fn palette(dark: bool) -> Palette {
    if dark {
        Palette::DARK
    } else {
        Palette::LIGHT
    }
}

/// "m12@100,200;e3@40,50;c4-1@10,20": kind (metric, event, cell), id, CSS position.
fn describe_marks(marks: &[Mark]) -> String {
    let scale = web::device_pixel_ratio();
    marks
        .iter()
        .map(|m| {
            let (x, y) = (
                (f64::from(m.x) / scale).round(),
                (f64::from(m.y) / scale).round(),
            );
            match m.target {
                Target::Metric(i) => format!("m{i}@{x},{y}"),
                Target::Event(i) => format!("e{i}@{x},{y}"),
                Target::Cell { entity, doc } => format!("c{entity}-{doc}@{x},{y}"),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Sizes the canvas for `width` CSS pixels at the device pixel ratio and draws `spec`.
fn paint(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    dark: bool,
    width: u32,
    selected: Option<Target>,
) -> Vec<Mark> {
    let scale = web::device_pixel_ratio();
    let height = spec.height(width);
    // Resizing a canvas reallocates its backing store; only do it when the size changes
    // (the background fill clears it otherwise).
    let (w, h) = (
        (f64::from(width) * scale).round() as u32,
        (f64::from(height) * scale).round() as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    // plotters' own text measurement in wasm sets inline styles, which the CSP blocks;
    // `Measured` measures with the canvas context instead.
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return Vec::new();
    };
    let Some(canvas_backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
    else {
        return Vec::new();
    };
    let backend = Measured::new(Surface::Canvas(canvas_backend), context);
    let root = backend.into_drawing_area();
    let ink = Ink {
        palette: palette(dark),
        scale,
    };
    match spec.draw(&root, &ink, selected) {
        Ok(marks) => marks,
        Err(e) => {
            gloo::console::error!(format!("drawing a chart failed: {e}"));
            Vec::new()
        }
    }
}

/// The chart as an SVG document, `width` CSS pixels wide, or `None` when the browser
/// gives no canvas context to measure its text with.
///
/// It is drawn through the same [`Surface`] type as the canvas, so the charts' drawing
/// code is compiled once, and its text is measured as the canvas measures it.
pub fn to_svg(
    spec: &ChartSpec,
    dark: bool,
    width: u32,
    selected: Option<Target>,
) -> Option<String> {
    let measure = gloo::utils::document()
        .create_element("canvas")
        .ok()?
        .dyn_into::<HtmlCanvasElement>()
        .ok()?
        .get_context("2d")
        .ok()
        .flatten()?
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    let mut svg = String::new();
    {
        let backend = Measured::new(
            Surface::Svg(SVGBackend::with_string(
                &mut svg,
                (width, spec.height(width)),
            )),
            measure,
        );
        let root = backend.into_drawing_area();
        let ink = Ink {
            palette: palette(dark),
            scale: 1.0,
        };
        let _ = spec.draw(&root, &ink, selected);
    }
    Some(svg)
}
