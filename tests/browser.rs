//! In-browser component tests: each renders into a fresh element in headless Chromium.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

use metricscope::components::app::App;

wasm_bindgen_test_configure!(run_in_browser);

/// A new, empty element attached to the body, so tests do not see each other's output.
fn fresh_host() -> Element {
    let document = gloo::utils::document();
    let host = document.create_element("div").expect("create div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

async fn render_app() -> Element {
    let host = fresh_host();
    yew::Renderer::<App>::with_root(host.clone()).render();
    yew::scheduler::flush().await;
    host
}

#[wasm_bindgen_test]
async fn app_lists_every_embedded_document_with_inferred_date() {
    let host = render_app().await;
    let items = host.query_selector_all("li.document").expect("query");
    assert_eq!(items.length(), 4);
    let text = host.text_content().unwrap_or_default();
    assert!(
        text.contains("Chinese Digitalization and Innovation"),
        "{text}"
    );
    assert!(
        text.contains("Pushing Innovation and Cooperation in The Chinese Tech Start-Up Sector"),
        "{text}"
    );
    let inferred = host
        .query_selector_all(".doc-date.inferred")
        .expect("query");
    assert_eq!(inferred.length(), 4);
}

#[wasm_bindgen_test]
async fn overview_chart_paints_pixels() {
    let host = render_app().await;
    let canvas: HtmlCanvasElement = host
        .query_selector("canvas.chart")
        .expect("query")
        .expect("a chart canvas")
        .dyn_into()
        .expect("a canvas");
    assert!(canvas.width() > 0 && canvas.height() > 0);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("context")
        .expect("2d context")
        .dyn_into()
        .expect("2d");
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("pixels")
        .data();
    let painted = data.chunks_exact(4).filter(|px| px[3] != 0).count();
    assert!(painted > 1000, "only {painted} pixels painted");
}
