//! The dashboard over a 1,000-article corpus (`METRICSCOPE_DIST_1000`, built from the folder in
//! `METRICSCOPE_CORPUS_1000`): an entity filter gives the figures counted independently from
//! the extractor's output, a document's text arrives from the site only when the reader opens
//! it, and the page stays a few screens tall. Screenshots at 1280 and 375 px.

use std::collections::BTreeMap;
use std::path::PathBuf;

use e2e::{env_path, js, open_dashboard, painted_pixels, until, Browser, StaticServer};
use fantoccini::{Client, Locator};
use serde_json::json;

/// The corpus extracted the way `build.rs` does it: every `*.txt` of the folder in name
/// order, with its `metadata.toml`. The extractor is the app's input, not its filter logic:
/// what the dashboard should show is counted here from the extractor's output directly.
fn extracted() -> extract::Corpus {
    let dir = env_path("METRICSCOPE_CORPUS_1000");
    let meta: BTreeMap<String, extract::SourceMeta> =
        std::fs::read_to_string(dir.join("metadata.toml"))
            .ok()
            .map(|t| toml::from_str(&t).expect("metadata.toml parses"))
            .unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read the corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let sources: Vec<extract::Source> = paths
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(p).expect("read an article");
            let (mut source, _) = extract::Source::from_bytes(name.clone(), &bytes);
            source.meta = meta.get(&name).cloned().unwrap_or_default();
            source
        })
        .collect();
    extract::extract(&sources)
}

/// The figures whose own sentence mentions entity `e` (the dashboard's default scope), as
/// metric indices: a mention in the sentence, or the figure naming the entity itself.
fn figures_about(corpus: &extract::Corpus, e: usize) -> Vec<u32> {
    let mentioned: std::collections::HashSet<(u32, u32)> = corpus.entities[e]
        .mentions
        .iter()
        .map(|m| (m.doc, m.sentence))
        .collect();
    let e = u32::try_from(e).expect("entity index");
    corpus
        .metrics
        .iter()
        .enumerate()
        .filter(|(_, m)| mentioned.contains(&(m.doc, m.sentence)) || m.entities.contains(&e))
        .map(|(i, _)| u32::try_from(i).expect("metric index"))
        .collect()
}

async fn open(browser: &Browser, server: &StaticServer) {
    open_dashboard(&browser.client, &server.url("/")).await;
}

/// Metric indices drawn on the figure charts, from their `data-marks`.
async fn drawn_metrics(client: &Client) -> Vec<u32> {
    let marks = js(
        client,
        "return [...document.querySelectorAll('.figure-grid canvas.chart')].map(c => c.dataset.marks || '').join(';');",
    )
    .await;
    marks
        .as_str()
        .unwrap_or_default()
        .split(';')
        .filter_map(|m| m.strip_prefix('m')?.split('@').next()?.parse().ok())
        .collect()
}

/// How far down the page the table starts, in screens of the window's height.
async fn screens_above_table(client: &Client) -> f64 {
    js(
        client,
        "return (document.querySelector('.table-panel').getBoundingClientRect().top + window.scrollY) / window.innerHeight;",
    )
    .await
    .as_f64()
    .expect("a number")
}

#[tokio::test(flavor = "multi_thread")]
async fn entity_filter_gives_the_independently_counted_figures() {
    let corpus = extracted();
    // The company with the most figures in its sentences: a filter that keeps many charts.
    let (entity, expected) = corpus
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == extract::EntityKind::Company)
        .map(|(i, _)| (i, figures_about(&corpus, i)))
        .max_by_key(|(i, f)| (f.len(), std::cmp::Reverse(*i)))
        .expect("the corpus names companies");
    assert!(
        expected.len() > 5 && expected.len() < corpus.metrics.len(),
        "a useful filter"
    );
    let id = corpus.entities[entity].id.clone();
    let name = corpus.entities[entity].name.clone();

    let server = StaticServer::dist_from("METRICSCOPE_DIST_1000");
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server).await;
    assert_eq!(
        js(
            client,
            "return document.querySelector('.shown-count').textContent.trim();"
        )
        .await,
        json!(corpus.metrics.len().to_string())
    );

    // Find the entity through the search box, as a reader would among hundreds.
    let search = client
        .find(Locator::Css("input.entity-search"))
        .await
        .expect("entity search");
    search.send_keys(&name).await.expect("type the name");
    let checkbox = format!("input[data-entity='{id}']");
    until(
        client,
        &format!("document.querySelector(\"{checkbox}\") !== null"),
    )
    .await;
    client
        .find(Locator::Css(&checkbox))
        .await
        .expect("the entity's checkbox")
        .click()
        .await
        .expect("tick it");
    until(
        client,
        &format!(
            "document.querySelector('.shown-count').textContent.trim() === '{}'",
            expected.len()
        ),
    )
    .await;
    until(
        client,
        &format!(
            "document.querySelector('#table-heading').textContent.trim() === 'Figures ({})'",
            expected.len()
        ),
    )
    .await;
    // Every figure drawn is one of the expected ones, and charts do draw some.
    until(
        client,
        "document.querySelector('.figure-grid canvas.chart[data-marks]') !== null",
    )
    .await;
    let drawn = drawn_metrics(client).await;
    assert!(!drawn.is_empty(), "the charts draw the filtered figures");
    for m in &drawn {
        assert!(
            expected.contains(m),
            "figure {m} is drawn but not about {name}"
        );
    }
    // The table's first page holds expected figures only.
    let rows = js(
        client,
        "return [...document.querySelectorAll('tr.figure-row')].map(r => Number(r.dataset.metric));",
    )
    .await;
    let rows: Vec<u32> = serde_json::from_value(rows).expect("row ids");
    assert_eq!(rows.len(), expected.len().min(50));
    assert!(rows.iter().all(|r| expected.contains(r)));

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reader_fetches_a_document_text_on_demand() {
    let corpus = extracted();
    let server = StaticServer::dist_from("METRICSCOPE_DIST_1000");
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server).await;
    let texts_fetched =
        "performance.getEntriesByType('resource').filter(r => r.name.includes('/texts/')).length";
    assert_eq!(
        js(client, &format!("return {texts_fetched};")).await,
        json!(0),
        "no text is fetched before the reader opens"
    );

    // Open the first row of the table in the reader.
    let row = client
        .find(Locator::Css("tr.figure-row"))
        .await
        .expect("a table row");
    let metric: usize = row
        .attr("data-metric")
        .await
        .expect("attribute")
        .expect("data-metric")
        .parse()
        .expect("a number");
    row.click().await.expect("open the row");
    until(
        client,
        "document.querySelector('.reader .sentence.current') !== null",
    )
    .await;
    assert_eq!(
        js(client, &format!("return {texts_fetched};")).await,
        json!(1)
    );

    // The reader shows the whole article, including sentences no figure or event cites
    // (which only the fetched text has).
    let d = corpus.metrics[metric].doc;
    let doc = &corpus.documents[d as usize];
    let body = js(
        client,
        "return document.querySelector('.reader-body').textContent;",
    )
    .await;
    let body = body.as_str().unwrap_or_default();
    let cited: std::collections::HashSet<u32> = corpus
        .metrics
        .iter()
        .filter(|m| m.doc == d)
        .map(|m| m.sentence)
        .chain(
            corpus
                .events
                .iter()
                .filter(|e| e.doc == d)
                .map(|e| e.sentence),
        )
        .collect();
    let uncited: Vec<&str> = (0..doc.sentences.len())
        .filter(|i| !cited.contains(&u32::try_from(*i).unwrap_or(u32::MAX)))
        .map(|i| doc.sentence_text(i))
        .collect();
    assert!(!uncited.is_empty(), "the article has uncited sentences");
    for sentence in uncited {
        assert!(
            body.contains(sentence.trim()),
            "the reader lacks {sentence:?}"
        );
    }
    let title = js(
        client,
        "return document.querySelector('#reader-title').textContent;",
    )
    .await;
    assert_eq!(title, json!(doc.title));

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn page_stays_a_few_screens_tall_at_laptop_and_phone_widths() {
    let server = StaticServer::dist_from("METRICSCOPE_DIST_1000");
    for (width, height, name) in [(1280, 800, "scale-1000-1280"), (375, 812, "scale-1000-375")] {
        let browser = Browser::start(width, height).await;
        let client = &browser.client;
        open(&browser, &server).await;
        until(
            client,
            "document.querySelectorAll('canvas.chart[data-marks]').length >= 3",
        )
        .await;
        browser.screenshot(name).await;
        let screens = screens_above_table(client).await;
        // A phone stacks the filters above the charts behind a button, so it gets more room.
        let limit = if width > 800 { 3.2 } else { 8.0 };
        assert!(
            screens <= limit,
            "at {width} px the table starts {screens:.1} screens down"
        );
        let total = js(client, "return document.documentElement.scrollHeight;")
            .await
            .as_f64()
            .expect("a number");
        assert!(
            total < f64::from(height) * 40.0,
            "at {width} px the page is {total} px tall"
        );
        assert!(painted_pixels(client, "canvas.chart").await > 1000);
        js(
            client,
            "document.querySelector('.table-panel').scrollIntoView(); return 0;",
        )
        .await;
        browser.screenshot(&format!("{name}-table")).await;
        let errors = browser.console_errors().await;
        assert!(errors.is_empty(), "console errors: {errors:#?}");
        browser.close().await;
    }
}
