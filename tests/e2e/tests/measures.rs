//! The Measures view over a corpus written for it (`tests/e2e/fixtures/measures-corpus`,
//! built into `METRICSCOPE_DIST_MEASURES`): three articles cite the same measures, with two
//! planted disagreements (BYD's March 2024 deliveries, two against one; Xiaomi's 2024
//! deliveries, one against one) and near-misses that agree once rounding and qualifiers are
//! read. The view lists the groups, opening one shows its citations by period, and the
//! planted disagreements, and only those, are flagged. Screenshots at 1280 and 375 px.

use e2e::{click, js, until, Browser, StaticServer};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

/// The measure rows as (key, figures, documents, flagged) in table order.
async fn rows(client: &Client) -> Vec<(String, u64, u64, String)> {
    let v = js(
        client,
        "return [...document.querySelectorAll('tr.measure-row')].map(r => [r.dataset.measure, +r.querySelector('.n-figures').textContent, +r.querySelector('.n-docs').textContent, r.querySelector('.n-flagged').textContent.trim()]);",
    )
    .await;
    v.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap_or_default().to_owned(),
                r[1].as_u64().unwrap_or(0),
                r[2].as_u64().unwrap_or(0),
                r[3].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

const DELIVERIES: &str = "byd|vehicles|count";
const XIAOMI: &str = "xiaomi|cars|count";

#[tokio::test(flavor = "multi_thread")]
async fn measures_group_open_by_period_and_flag_only_the_planted_disagreements() {
    let server = StaticServer::dist_from("METRICSCOPE_DIST_MEASURES");
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    client.goto(&server.url("/")).await.expect("open the page");
    // The figures table shows first; the Measures view is the second tab.
    until(
        client,
        "document.querySelector('button.tab-measures') !== null",
    )
    .await;
    click(client, "button.tab-measures").await;
    until(client, "document.querySelector('tr.measure-row') !== null").await;
    until(client, "location.search.includes('tab=measures')").await;

    // The groups: every measure the articles cite, with its counts.
    let listed = rows(client).await;
    let find = |key: &str| {
        listed
            .iter()
            .find(|r| r.0 == key)
            .unwrap_or_else(|| panic!("{key} is not listed in {listed:#?}"))
            .clone()
    };
    assert_eq!(find(DELIVERIES).1, 3, "three citations of BYD's deliveries");
    assert_eq!(find(DELIVERIES).2, 3, "from three documents");
    assert_eq!(find(XIAOMI).1, 2);
    assert_eq!(find("huawei|revenue|currency").1, 2);
    let share = listed
        .iter()
        .find(|r| r.0.starts_with("byd|") && r.0.ends_with("|percent share"))
        .unwrap_or_else(|| panic!("BYD's share is listed in {listed:#?}"));
    assert_eq!(share.1, 2);
    // Most cited first.
    assert_eq!(listed[0].0, DELIVERIES);
    js(
        client,
        "document.querySelector('.measures-panel').scrollIntoView(); return true;",
    )
    .await;
    browser.screenshot("measures-list-1280").await;

    // Only the planted disagreements are flagged: one of three, and both of one against one.
    let flagged: Vec<(String, String)> = listed
        .iter()
        .filter(|r| r.3 != "—")
        .map(|r| (r.0.clone(), r.3.clone()))
        .collect();
    assert_eq!(
        flagged,
        [
            (DELIVERIES.to_owned(), "⚠ 1".to_owned()),
            (XIAOMI.to_owned(), "⚠ 2".to_owned())
        ],
        "{listed:#?}"
    );

    // Search narrows the list.
    let search = client
        .find(Locator::Css("input.measure-search"))
        .await
        .expect("the search box");
    search.send_keys("huawei").await.expect("type");
    until(
        client,
        "[...document.querySelectorAll('tr.measure-row')].every(r => r.dataset.measure.startsWith('huawei|'))",
    )
    .await;
    search.clear().await.expect("clear");
    search.send_keys(" ").await.expect("type");
    until(
        client,
        "document.querySelectorAll('tr.measure-row').length > 3",
    )
    .await;

    // Open BYD's deliveries from the keyboard: its citations by period, the flagged one, the
    // disagreement side by side, the chart's marks, and the key in the URL.
    let button = client
        .find(Locator::Css(&format!(
            "tr.measure-row[data-measure='{DELIVERIES}'] button.measure-open"
        )))
        .await
        .expect("the open button");
    button.send_keys("\u{E007}").await.expect("press Enter");
    until(
        client,
        &format!("document.querySelector(\".measure-open-view[data-open-measure='{DELIVERIES}']\") !== null"),
    )
    .await;
    let citations = js(
        client,
        "return [...document.querySelectorAll('tr.citation-row')].map(r => [r.cells[0].textContent, r.cells[1].textContent, r.classList.contains('flagged')]);",
    )
    .await;
    let citations = citations.as_array().expect("citations");
    assert_eq!(citations.len(), 3, "{citations:?}");
    for c in citations {
        assert_eq!(c[0], "March 2024", "{c:?}");
        let flagged = c[2].as_bool().unwrap_or(false);
        assert_eq!(
            flagged,
            c[1].as_str().unwrap_or_default().starts_with("210,000"),
            "only the rival tally's 210,000 is flagged: {c:?}"
        );
    }
    let pair = js(
        client,
        "return [...document.querySelectorAll('.pair .claim')].map(q => q.textContent);",
    )
    .await;
    let pair: Vec<&str> = pair
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(pair.len(), 2, "one disagreement, two sentences: {pair:?}");
    assert!(pair
        .iter()
        .any(|q| q.contains("210,000") && q.contains("A rival tally of car sales")));
    assert!(pair.iter().any(|q| q.contains("300,000")));
    until(
        client,
        "(document.querySelector('.measure-open-view canvas.chart')?.dataset.marks || '').split(';').filter(m => m.startsWith('m')).length === 3",
    )
    .await;
    let url = client.current_url().await.expect("url");
    assert!(
        url.as_str().contains("m=byd%7Cvehicles%7Ccount"),
        "the open measure is in the URL: {url}"
    );
    js(
        client,
        "document.querySelector('.measure-open-view').scrollIntoView(); return true;",
    )
    .await;
    browser.screenshot("measures-1280").await;

    // A citation row opens the reader at its sentence.
    let row = client
        .find(Locator::Css("tr.citation-row.flagged"))
        .await
        .expect("the flagged citation");
    row.send_keys("\u{E007}").await.expect("press Enter");
    until(
        client,
        "document.querySelector('.reader') !== null && document.querySelector('.reader').textContent.includes('210,000')",
    )
    .await;

    // The link reproduces the open measure; a malformed one is skipped with a note.
    client
        .goto(&server.url("/?m=byd%7Cvehicles%7Ccount"))
        .await
        .expect("reload with the link");
    until(
        client,
        &format!("document.querySelector(\".measure-open-view[data-open-measure='{DELIVERIES}']\") !== null"),
    )
    .await;
    client
        .goto(&server.url("/?m=nonsense&tab=measures"))
        .await
        .expect("open a bad link");
    until(
        client,
        "document.querySelector('.notes') !== null && document.querySelector('.notes').textContent.includes('measure “nonsense”') && document.querySelector('tr.measure-row') !== null",
    )
    .await;

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;

    // A phone-sized window: the same view, as cards.
    let browser = Browser::start(375, 812).await;
    let client = &browser.client;
    client
        .goto(&server.url("/?m=xiaomi%7Ccars%7Ccount"))
        .await
        .expect("open the page");
    until(
        client,
        "document.querySelector('.measure-open-view canvas.chart[data-marks]') !== null",
    )
    .await;
    let flagged = js(
        client,
        "return document.querySelectorAll('tr.citation-row.flagged').length;",
    )
    .await;
    assert_eq!(flagged, json!(2), "one against one: both flagged");
    js(
        client,
        "document.querySelector('.measure-open-view').scrollIntoView(); return true;",
    )
    .await;
    browser.screenshot("measures-375").await;
    js(
        client,
        "document.querySelector('.pair').scrollIntoView(); return true;",
    )
    .await;
    browser.screenshot("measures-pair-375").await;
    client
        .goto(&server.url("/?tab=measures"))
        .await
        .expect("open the page");
    until(client, "document.querySelector('tr.measure-row') !== null").await;
    js(
        client,
        "document.querySelector('.measures-panel').scrollIntoView(); return true;",
    )
    .await;
    browser.screenshot("measures-list-375").await;
    let overflow = js(
        client,
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    )
    .await;
    assert_eq!(overflow, json!(0), "nothing is wider than a phone's screen");
    browser.close().await;
}

/// Over 1,000 generated articles (`METRICSCOPE_DIST_1000`): the list stays bounded, an open
/// measure lists a bounded number of citations and pairs, and a flag is a fact about the
/// corpus, so choosing an entity does not change what is flagged.
#[tokio::test(flavor = "multi_thread")]
async fn measures_at_scale_are_bounded_and_flags_ignore_the_filter() {
    let server = StaticServer::dist_from("METRICSCOPE_DIST_1000");
    for (width, height) in [(1280, 900), (375, 812)] {
        let browser = Browser::start(width, height).await;
        let client = &browser.client;
        client
            .goto(&server.url("/?tab=measures"))
            .await
            .expect("open the page");
        until(client, "document.querySelector('tr.measure-row') !== null").await;
        let listed = rows(client).await;
        assert!(!listed.is_empty() && listed.len() <= 25, "{}", listed.len());
        let heading = js(
            client,
            "return document.querySelector('#measures-heading').textContent;",
        )
        .await;
        let total: usize = heading
            .as_str()
            .and_then(|h| h.trim_start_matches("Measures (").strip_suffix(')'))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a count in {heading}"));
        if total > listed.len() {
            until(
                client,
                "(document.querySelector('.measures-panel .more')?.textContent || '').includes('more measures')",
            )
            .await;
        }
        js(
            client,
            "document.querySelector('.measures-panel').scrollIntoView(); return true;",
        )
        .await;
        browser
            .screenshot(&format!("measures-1000-list-{width}"))
            .await;

        // The most disputed measure, opened.
        let disputed = listed
            .iter()
            .filter(|r| r.3 != "—")
            .max_by_key(|r| r.3.trim_start_matches("⚠ ").parse::<u64>().unwrap_or(0))
            .unwrap_or(&listed[0])
            .clone();
        let button = client
            .find(Locator::Css(&format!(
                "tr.measure-row[data-measure='{}'] button.measure-open",
                disputed.0
            )))
            .await
            .expect("the open button");
        button.click().await.expect("open the measure");
        until(
            client,
            "document.querySelector('.measure-open-view canvas.chart[data-marks]') !== null",
        )
        .await;
        let (n_rows, n_pairs) = {
            let v = js(
                client,
                "return [document.querySelectorAll('tr.citation-row').length, document.querySelectorAll('.pair').length];",
            )
            .await;
            (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0))
        };
        assert!((1..=100).contains(&n_rows), "{n_rows} citation rows");
        assert!(n_pairs <= 20, "{n_pairs} pairs");
        js(
            client,
            "document.querySelector('.measure-open-view').scrollIntoView(); return true;",
        )
        .await;
        browser
            .screenshot(&format!("measures-1000-open-{width}"))
            .await;
        if width == 375 {
            let overflow = js(
                client,
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            )
            .await;
            assert_eq!(overflow, json!(0), "nothing is wider than a phone's screen");
        }

        // Choosing an entity changes which measures are listed, never what is flagged.
        // At phone width the facets sit in a closed drawer, so the box is clicked from script.
        js(
            client,
            "document.querySelector('input[data-entity]').click(); return true;",
        )
        .await;
        until(client, "location.search.includes('e=')").await;
        until(client, "document.querySelector('tr.measure-row') !== null").await;
        let after = rows(client).await;
        for row in &after {
            if let Some(before) = listed.iter().find(|r| r.0 == row.0) {
                assert_eq!(
                    before.3, row.3,
                    "the flags of {} moved with the filter",
                    row.0
                );
                assert_eq!(before.1, row.1, "{} keeps every citation", row.0);
            }
        }
        let errors = browser.console_errors().await;
        assert!(errors.is_empty(), "console errors: {errors:#?}");
        browser.close().await;
    }
}
