//! Hosting under a sub-path: a release built with `--public-url /metricscope/` works when served there.

use e2e::{painted_pixels, Browser, StaticServer};
use fantoccini::Locator;

/// The prefix `cargo xtask test` builds the sub-path release for.
const PREFIX: &str = "/metricscope/";

#[tokio::test(flavor = "multi_thread")]
async fn release_built_for_a_sub_path_loads_there() {
    let dir = std::env::var_os("METRICSCOPE_DIST_SUBPATH")
        .map(std::path::PathBuf::from)
        .expect("METRICSCOPE_DIST_SUBPATH is not set: run through `cargo xtask test`");
    let server = StaticServer::serve_at(dir, PREFIX);
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;

    client.goto(&server.url("/")).await.expect("open the page");
    client
        .wait()
        .for_element(Locator::Css("main canvas"))
        .await
        .expect("the app renders a chart under the sub-path");
    assert!(painted_pixels(client, "main canvas").await > 1000);
    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "console errors under {PREFIX}: {errors:#?}"
    );
    browser.close().await;
}
