//! In-browser component tests: each renders the dashboard over the fixture corpus into a
//! fresh element in headless Chromium and drives it through the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};

use metricscope::components::dashboard::Dashboard;
use metricscope::components::dashboard::DashboardProps;
use metricscope::data::CorpusHandle;
use metricscope::fixture;

wasm_bindgen_test_configure!(run_in_browser);

/// Puts `query` in the page's URL, as a reader's link would.
fn set_query(query: &str) {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    window
        .history()
        .expect("history")
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .expect("replace state");
}

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

async fn render(query: &str) -> Element {
    render_corpus(query, CorpusHandle::new(fixture::corpus())).await
}

async fn render_corpus(query: &str, corpus: CorpusHandle) -> Element {
    set_query(query);
    let host = fresh_host();
    let props = DashboardProps {
        corpus,
        children: yew::Html::default(),
    };
    yew::Renderer::<Dashboard>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    host
}

/// Waits for the next animation frame (ResizeObserver callbacks run before it).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    yew::scheduler::flush().await;
}

fn find(host: &Element, css: &str) -> HtmlElement {
    host.query_selector(css)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .expect("an HTML element")
}

fn text(host: &Element, css: &str) -> String {
    find(host, css).text_content().unwrap_or_default()
}

fn count(host: &Element, css: &str) -> u32 {
    host.query_selector_all(css)
        .expect("valid selector")
        .length()
}

async fn click(host: &Element, css: &str) {
    find(host, css).click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn choosing_an_entity_narrows_the_table_counts_and_url() {
    let host = render("").await;
    assert_eq!(text(&host, ".shown-count"), "9");
    assert_eq!(count(&host, "tr.figure-row"), 9);
    // The count beside BYD says what choosing it leaves.
    assert_eq!(
        text(&host, "label:has(input[data-entity='byd']) .count"),
        "2"
    );
    click(&host, "input[data-entity='byd']").await;
    assert_eq!(text(&host, ".shown-count"), "2");
    assert_eq!(count(&host, "tr.figure-row"), 2);
    assert!(gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
        .contains("e=byd"));
    // All with Huawei too, in the same sentence: only the employees figure.
    click(&host, "input[name='match'][value='all']").await;
    click(&host, "input[data-entity='huawei']").await;
    assert_eq!(text(&host, ".shown-count"), "1");
    assert!(text(&host, "tr.figure-row").contains("more than 100,000"));
    // Wider scope: the same document.
    click(&host, "input[name='scope'][value='document']").await;
    assert_eq!(text(&host, ".shown-count"), "7");
    click(&host, "button.clear-all").await;
    assert_eq!(text(&host, ".shown-count"), "9");
}

#[wasm_bindgen_test]
async fn selecting_a_row_opens_the_reader_at_its_sentence() {
    let host = render("").await;
    click(&host, "tr.figure-row[data-metric='2']").await;
    next_frame().await;
    assert_eq!(
        text(&host, ".reader .sentence.current"),
        "BYD and Huawei employ more than 100,000 people."
    );
    assert_eq!(count(&host, ".reader .sentence.current .entity"), 2);
    assert_eq!(text(&host, ".reader .selected-figure"), "more than 100,000");
    assert!(find(&host, "tr.figure-row[data-metric='2']")
        .class_name()
        .contains("selected"));
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    assert!(
        search.contains("fig=alpha~") && search.contains("read=alpha~2"),
        "{search}"
    );
    click(&host, ".reader button.close").await;
    assert_eq!(count(&host, ".reader"), 0);
}

/// The fixture's three documents and nine figures, `copies` times over.
fn repeated_fixture(copies: u32) -> extract::Corpus {
    let base = fixture::corpus();
    let mut corpus = base.clone();
    let n_docs = u32::try_from(base.documents.len()).expect("few documents");
    for k in 1..copies {
        for doc in &base.documents {
            let mut copy = doc.clone();
            copy.id = format!("{}-{k}", doc.id);
            copy.title = format!("{} (copy {k})", doc.title);
            corpus.documents.push(copy);
        }
        for m in &base.metrics {
            let mut copy = m.clone();
            copy.doc += k * n_docs;
            corpus.metrics.push(copy);
        }
    }
    corpus
}

#[wasm_bindgen_test]
async fn a_large_corpus_pages_the_table_and_bounds_the_document_list() {
    let host = render_corpus("", CorpusHandle::new(repeated_fixture(20))).await;
    assert_eq!(text(&host, ".shown-count"), "180");
    assert_eq!(text(&host, "#table-heading"), "Figures (180)");
    // One page of rows, the pager says where it is, and Next moves on.
    assert_eq!(count(&host, "tr.figure-row"), 50);
    assert_eq!(text(&host, ".pager .page-status"), "1–50 of 180");
    click(&host, ".pager .next").await;
    assert_eq!(text(&host, ".pager .page-status"), "51–100 of 180");
    assert_eq!(count(&host, "tr.figure-row"), 50);
    // Sorting covers every row, not just the page: the largest money figure comes first.
    click(&host, "th.col-value button").await;
    click(&host, "th.col-value button").await;
    assert_eq!(text(&host, ".pager .page-status"), "1–50 of 180");
    assert!(text(&host, "tr.figure-row .surface").contains("858.8 billion yuan"));
    // Sixty documents: eight listed, the rest through the search box.
    assert_eq!(count(&host, "label.doc-item"), 8);
    assert!(text(&host, ".doc-more").starts_with("52 more"));
    let search: web_sys::HtmlInputElement =
        find(&host, "input.doc-search").dyn_into().expect("input");
    search.set_value("(copy 17)");
    search
        .dispatch_event(&web_sys::InputEvent::new("input").expect("event"))
        .expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(count(&host, "label.doc-item"), 3);
    // Sixty documents are coloured by sector, with one legend entry per sector.
    assert!(text(&host, ".legend-title").contains("sector"));
    assert!(count(&host, ".legend-docs li") <= 8);
}

#[wasm_bindgen_test]
async fn a_text_that_cannot_be_fetched_says_so_in_the_reader() {
    // Texts shipped as files that this test server does not have.
    let (shipped, _) = metricscope::shipped::split(fixture::corpus(), 0);
    let host = render_corpus("?read=beta~1", CorpusHandle::from_shipped(shipped)).await;
    // The table still quotes the sentence, from the shipped cited sentences.
    assert!(text(&host, "tr.figure-row[data-metric='4']").contains("36.2% of GDP"));
    assert_eq!(count(&host, ".reader"), 1);
    for _ in 0..600 {
        if count(&host, ".reader-status.error") > 0 {
            break;
        }
        next_frame().await;
    }
    let status = text(&host, ".reader-status.error");
    assert!(
        status.starts_with("The text of this article could not be loaded")
            && status.contains("404"),
        "{status}"
    );
}

#[wasm_bindgen_test]
async fn article_text_with_markup_is_shown_as_text() {
    let host = render("?read=gamma").await;
    // The fixture's third title contains "<b>"; it must appear literally, never as a tag.
    assert!(text(&host, "#reader-title").contains("<b>Beijing</b>"));
    assert_eq!(count(&host, "b"), 0);
}

#[wasm_bindgen_test]
async fn a_malformed_link_shows_a_note_and_keeps_what_it_can() {
    let host = render("?e=ghost,beijing&y=20x8&zz=1").await;
    let notes = text(&host, ".notes");
    assert!(notes.contains("unknown entity “ghost”"), "{notes}");
    assert!(notes.contains("year range “20x8”"), "{notes}");
    assert!(notes.contains("unknown part “zz”"), "{notes}");
    assert_eq!(text(&host, ".shown-count"), "1", "Beijing still applies");
    click(&host, ".notes button").await;
    assert_eq!(count(&host, ".notes"), 0);
}

#[wasm_bindgen_test]
async fn an_empty_view_offers_ways_out() {
    let host = render("?y=2023&u=percent").await;
    assert_eq!(text(&host, ".shown-count"), "0");
    let empty = text(&host, ".table-panel .empty");
    assert!(empty.contains("No figures match"), "{empty}");
    assert!(empty.contains("clear the year range"), "{empty}");
    click(&host, ".table-panel .empty .offers li:first-child button").await;
    assert_eq!(text(&host, ".shown-count"), "2", "the two percentages");
}

#[wasm_bindgen_test]
async fn sorting_by_a_header_reorders_rows() {
    let host = render("?u=percent").await;
    click(&host, "th.col-value button").await;
    assert_eq!(
        find(&host, "th.col-value")
            .get_attribute("aria-sort")
            .as_deref(),
        Some("ascending")
    );
    assert!(text(&host, ".table-panel tbody tr:first-child").contains("34.8%"));
    click(&host, "th.col-value button").await;
    assert!(text(&host, ".table-panel tbody tr:first-child").contains("36.2%"));
}

#[wasm_bindgen_test]
async fn charts_paint_and_carry_their_marks() {
    let host = render("").await;
    next_frame().await;
    next_frame().await;
    // Percent, percentage points, counts and money, the timeline, the heat map, one series.
    assert_eq!(count(&host, "canvas.chart"), 7);
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
    // The percentages chart has a mark per percentage figure.
    let marks = canvas.get_attribute("data-marks").unwrap_or_default();
    assert_eq!(
        marks.split(';').filter(|m| m.starts_with('m')).count(),
        2,
        "{marks}"
    );
}

#[wasm_bindgen_test]
async fn the_theme_toggle_sets_the_page_theme() {
    let host = render("").await;
    let root = gloo::utils::document_element();
    for _ in 0..3 {
        click(&host, "button.theme-toggle").await;
        if root.get_attribute("data-theme").as_deref() == Some("dark") {
            break;
        }
    }
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert!(text(&host, "button.theme-toggle").contains("dark"));
    // Back to automatic, for the other tests.
    click(&host, "button.theme-toggle").await;
    assert_eq!(root.get_attribute("data-theme"), None);
}

#[wasm_bindgen_test]
async fn measures_list_flag_and_open_a_disagreement() {
    // Every figure cited twice; one copy of the phones sold now says 30 million, not 50.
    let mut corpus = repeated_fixture(2);
    let n = fixture::corpus().metrics.len();
    corpus.metrics[n].value = 30e6;
    corpus.metrics[n].surface = "30 million".into();
    let host = render_corpus("", CorpusHandle::new(corpus)).await;
    // The figures table shows first; the Measures view is one click away.
    assert_eq!(count(&host, "tr.measure-row"), 0);
    assert!(count(&host, ".table-panel tbody tr") > 0);
    assert!(text(&host, "button.tab-measures").starts_with("Measures ("));
    click(&host, "button.tab-measures").await;
    assert_eq!(count(&host, ".table-panel"), 0);
    let key = "huawei|phones sold|count";
    let row = format!("tr.measure-row[data-measure='{key}']");
    assert!(count(&host, "tr.measure-row") >= 5);
    assert_eq!(text(&host, &format!("{row} .n-figures")), "2");
    assert_eq!(text(&host, &format!("{row} .n-flagged")), "⚠ 2");
    // Only that measure disagrees.
    assert_eq!(count(&host, "tr.measure-row.disputed"), 1);

    click(&host, &format!("{row} button.measure-open")).await;
    assert_eq!(count(&host, ".measure-open-view"), 1);
    assert_eq!(count(&host, "tr.citation-row"), 2);
    assert_eq!(count(&host, "tr.citation-row.flagged"), 2);
    assert_eq!(count(&host, ".pair .claim"), 2);
    assert!(text(&host, ".pair").contains("30 million"));
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    assert!(
        search.contains("m=huawei%7Cphones%20sold%7Ccount"),
        "{search}"
    );

    // The search box narrows the list; closing the measure clears it from the URL.
    let input: web_sys::HtmlInputElement = find(&host, "input.measure-search")
        .dyn_into()
        .expect("input");
    input.set_value("phones");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").expect("event"))
        .expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(count(&host, "tr.measure-row"), 1);
    click(&host, ".measure-head button").await;
    assert_eq!(count(&host, ".measure-open-view"), 0);
    assert!(gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
        .contains("tab=measures"));
    click(&host, "button.tab-figures").await;
    assert_eq!(count(&host, "tr.measure-row"), 0);
    assert!(count(&host, ".table-panel tbody tr") > 0);
}

#[wasm_bindgen_test]
fn svg_export_draws_the_chart_with_its_labels() {
    let corpus = fixture::corpus();
    let all: Vec<u32> = (0..u32::try_from(corpus.metrics.len()).expect("few")).collect();
    let chart =
        metricscope::charts::figures::build(&corpus, &all, extract::Unit::Currency, &[0, 1, 2])
            .expect("the fixture has money");
    let spec = metricscope::charts::ChartSpec::Figures(chart);
    let svg = metricscope::components::chart_canvas::to_svg(&spec, false, 640, None)
        .expect("a canvas context to measure text with");
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("Money in USD (log scale)"), "{svg}");
    assert!(svg.contains("1 USD = 7.3 CNY"), "{svg}");
    // Two money figures, two marks: circles (or carets for bounds) drawn into the document.
    assert!(
        svg.matches("<circle").count() + svg.matches("<polygon").count() >= 2,
        "{svg}"
    );
}
