//! Smoke test: the release build loads in Chromium, lists the corpus, paints a chart, logs no errors.

use e2e::{painted_pixels, Browser, StaticServer};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn release_build_loads_lists_titles_and_paints_a_chart() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;

    client.goto(&server.url("/")).await.expect("open the page");
    client
        .wait()
        .for_element(Locator::Css("label.doc-item"))
        .await
        .expect("the document facet appears");

    let text = client
        .find(Locator::Css("body"))
        .await
        .expect("body")
        .text()
        .await
        .expect("body text");
    for title in [
        "Chinese Digitalization and Innovation",
        "Pushing Innovation and Cooperation in The Chinese Tech Start-Up Sector",
        "China’s Tech Industry Reengages with Private Sector: A Strategic Pivot Towards Innovation",
    ] {
        assert!(text.contains(title), "missing title {title:?} in:\n{text}");
    }
    assert_eq!(
        client
            .find_all(Locator::Css("label.doc-item"))
            .await
            .expect("documents")
            .len(),
        4
    );

    client
        .wait()
        .for_element(Locator::Css("canvas.chart[data-marks]"))
        .await
        .expect("a chart is drawn");
    let painted = painted_pixels(client, "canvas.chart").await;
    assert!(
        painted > 1000,
        "the chart canvas is blank ({painted} pixels painted)"
    );

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    browser.screenshot("smoke-1280").await;
    browser.close().await;
}
