//! The dashboard as a reader uses it, in headless Chromium: filter by an entity, follow a
//! chart mark to its sentence, reload and share the URL, go back and forward, survive a
//! broken link, and look right at phone and laptop widths in both themes.

use e2e::{
    assert_no_console_errors, js, open_dashboard, painted_pixels, shown_count, shown_text, until,
    Browser, StaticServer, FIRST_CHART_DRAWN,
};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, Locator};
use serde_json::json;

/// Waits until the figure count above the charts reads `shown`.
async fn until_shown(client: &Client, shown: &dyn std::fmt::Display) {
    until(
        client,
        &format!("document.querySelector('.shown-count').textContent.trim() === '{shown}'"),
    )
    .await;
}

/// Opens `path` and waits until the dashboard has drawn its first chart.
async fn open(browser: &Browser, server: &StaticServer, path: &str) {
    open_dashboard(&browser.client, &server.url(path)).await;
}

/// Table rows as (metric id, entities cell, quote cell).
async fn rows(client: &Client) -> Vec<(String, String, String)> {
    let v = js(
        client,
        "return [...document.querySelectorAll('tr.figure-row')].map(r => [r.dataset.metric, r.cells[5].textContent, r.cells[6].textContent]);",
    )
    .await;
    serde_json::from_value(v).expect("rows")
}

/// All metric marks drawn on the figure charts, as (metric id, canvas index, x, y).
async fn metric_marks(client: &Client) -> Vec<(String, usize, f64, f64)> {
    let v = js(
        client,
        r#"
        const out = [];
        document.querySelectorAll('canvas.chart').forEach((c, i) => {
            for (const m of (c.dataset.marks || '').split(';')) {
                const [id, at] = m.split('@');
                if (!id || !id.startsWith('m')) continue;
                const [x, y] = at.split(',').map(Number);
                out.push([id.slice(1), i, x, y]);
            }
        });
        return out;
        "#,
    )
    .await;
    serde_json::from_value(v).expect("marks")
}

/// The metric ids drawn on the unit-family charts (not the series, which repeat them).
async fn figure_chart_ids(client: &Client) -> Vec<String> {
    let v = js(
        client,
        r#"
        const grid = document.querySelector('.charts .chart-grid');
        const ids = [];
        grid.querySelectorAll('canvas.chart').forEach(c => {
            for (const m of (c.dataset.marks || '').split(';')) {
                if (m.startsWith('m')) ids.push(m.split('@')[0].slice(1));
            }
        });
        return ids.sort();
        "#,
    )
    .await;
    serde_json::from_value(v).expect("ids")
}

#[tokio::test(flavor = "multi_thread")]
async fn selecting_an_entity_narrows_charts_table_and_counts() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server, "/").await;

    let total = shown_count(client).await;
    assert!(total > 0, "the default corpus has figures");
    assert_eq!(rows(client).await.len(), total);
    assert_eq!(figure_chart_ids(client).await.len(), total);

    // Beijing: the count beside it is the number of figures the filter will keep.
    let expected: usize = shown_text(client, "label:has(input[data-entity='beijing']) .count")
        .await
        .parse()
        .expect("a count");
    assert!(expected > 0 && expected < total, "{expected} of {total}");
    let before = js(
        client,
        "return document.querySelector('.charts canvas.chart').toDataURL();",
    )
    .await;

    client
        .find(Locator::Css("input[data-entity='beijing']"))
        .await
        .expect("the Beijing checkbox")
        .click()
        .await
        .expect("click it");
    until_shown(client, &expected).await;

    // The table: exactly those figures, each from a sentence that names Beijing.
    let table = rows(client).await;
    assert_eq!(table.len(), expected);
    for (_, entities, quote) in &table {
        assert!(entities.contains("Beijing"), "entities {entities:?}");
        assert!(quote.contains("Beijing"), "quote {quote:?}");
    }
    // The charts: the same figures, redrawn.
    let mut table_ids: Vec<String> = table.iter().map(|r| r.0.clone()).collect();
    table_ids.sort();
    assert_eq!(figure_chart_ids(client).await, table_ids);
    let after = js(
        client,
        "return document.querySelector('.charts canvas.chart').toDataURL();",
    )
    .await;
    assert_ne!(before, after, "the first chart was redrawn");
    // The counts: the filter chip, the URL, and the checkbox.
    assert!(shown_text(client, ".chips").await.contains("Beijing"));
    let url = client.current_url().await.expect("url");
    assert!(url.query().unwrap_or("").contains("e=beijing"), "{url}");

    // Clear all brings every figure back.
    client
        .find(Locator::Css("button.clear-all"))
        .await
        .expect("clear all")
        .click()
        .await
        .expect("click");
    until_shown(client, &total).await;
    assert_no_console_errors(&browser).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn clicking_a_chart_mark_opens_the_reader_at_its_sentence() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server, "/").await;

    let marks = metric_marks(client).await;
    let (id, canvas_index, x, y) = marks.first().cloned().expect("a metric mark");
    let canvas = client
        .find_all(Locator::Css("canvas.chart"))
        .await
        .expect("canvases")
        .into_iter()
        .nth(canvas_index)
        .expect("the mark's canvas");
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&canvas).expect("element")],
        )
        .await
        .expect("scroll");
    let size = js(
        client,
        &format!("const c = document.querySelectorAll('canvas.chart')[{canvas_index}]; return [c.clientWidth, c.clientHeight];"),
    )
    .await;
    let (w, h): (f64, f64) = serde_json::from_value(size).expect("size");
    // WebDriver offsets are from the element's centre.
    let (dx, dy) = (x - w / 2.0, y - h / 2.0);

    // Hover: the tooltip shows the value as written, the sentence and the document.
    let hover = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
        element: canvas.clone(),
        duration: None,
        x: dx,
        y: dy,
    });
    client.perform_actions(hover).await.expect("hover");
    until(
        client,
        "document.querySelector('.tooltip:not(.hidden) .tip-quote') !== null",
    )
    .await;
    let quote = shown_text(client, ".tooltip:not(.hidden) .tip-quote").await;
    let source = shown_text(client, ".tooltip:not(.hidden) .tip-source").await;
    assert!(source.starts_with("Doc "), "{source}");
    assert!(!quote.is_empty());

    // Click: the reader opens at that sentence, highlighted, with entities marked.
    let click = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveToElement {
            element: canvas,
            duration: None,
            x: dx,
            y: dy,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(click).await.expect("click the mark");
    client
        .wait()
        .for_element(Locator::Css(".reader .sentence.current"))
        .await
        .expect("the reader opens");
    let current = shown_text(client, ".reader .sentence.current").await;
    assert_eq!(current.trim(), quote.trim().trim_matches(['“', '”', '"']));
    let title = shown_text(client, "#reader-title").await;
    assert!(source.contains(&title), "{source:?} names {title:?}");
    // The sentence is in view inside the reader.
    let visible = js(
        client,
        r#"const s = document.querySelector('.reader .sentence.current').getBoundingClientRect();
           const b = document.querySelector('.reader-body').getBoundingClientRect();
           return s.bottom > b.top && s.top < b.bottom;"#,
    )
    .await;
    assert_eq!(visible, json!(true));
    // The table row of the same figure is selected, and the URL names it.
    until(
        client,
        &format!("document.querySelector('tr.figure-row.selected')?.dataset.metric === '{id}'"),
    )
    .await;
    let url = client.current_url().await.expect("url");
    assert!(url.query().unwrap_or("").contains("fig="), "{url}");
    assert!(url.query().unwrap_or("").contains("read="), "{url}");
    browser.screenshot("reader-1280-light").await;
    assert_no_console_errors(&browser).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reloading_the_url_restores_filters_selection_reader_and_sort() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server, "/").await;

    // Filter to counts, sort by value (descending), and select a row with the keyboard.
    client
        .find(Locator::Css("input[data-unit='count']"))
        .await
        .expect("the counts checkbox")
        .click()
        .await
        .expect("click");
    let counts: usize = shown_text(client, "label:has(input[data-unit='count']) .count")
        .await
        .parse()
        .expect("count");
    until_shown(client, &counts).await;
    for _ in 0..2 {
        client
            .find(Locator::Css("th.col-value button"))
            .await
            .expect("value header")
            .click()
            .await
            .expect("sort");
    }
    until(
        client,
        "document.querySelector('th.col-value').getAttribute('aria-sort') === 'descending'",
    )
    .await;
    let row = client
        .find(Locator::Css("tr.figure-row:nth-child(2)"))
        .await
        .expect("second row");
    let id = row
        .attr("data-metric")
        .await
        .expect("attr")
        .expect("metric id");
    row.send_keys("\u{E007}")
        .await
        .expect("press Enter on the row");
    client
        .wait()
        .for_element(Locator::Css(".reader .sentence.current"))
        .await
        .expect("the reader opens");
    let sentence = shown_text(client, ".reader .sentence.current").await;
    let order_before = rows(client).await;
    let url = client.current_url().await.expect("url");

    client.goto(url.as_str()).await.expect("reload the URL");
    browser
        .client
        .wait()
        .for_element(Locator::Css(".reader .sentence.current"))
        .await
        .expect("the reader is open again");
    assert_eq!(shown_count(client).await, counts);
    assert_eq!(
        shown_text(client, ".reader .sentence.current").await,
        sentence
    );
    assert_eq!(
        rows(client).await,
        order_before,
        "same rows in the same order"
    );
    until(
        client,
        &format!("document.querySelector('tr.figure-row.selected')?.dataset.metric === '{id}'"),
    )
    .await;
    let checked = js(
        client,
        "return document.querySelector(\"input[data-unit='count']\").checked;",
    )
    .await;
    assert_eq!(checked, json!(true));
    assert_eq!(
        js(
            client,
            "return document.querySelector('th.col-value').getAttribute('aria-sort');"
        )
        .await,
        json!("descending")
    );
    assert_no_console_errors(&browser).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn back_and_forward_step_through_filter_changes() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server, "/").await;
    let total = shown_count(client).await;

    let percent: usize = shown_text(client, "label:has(input[data-unit='percent']) .count")
        .await
        .parse()
        .expect("count");
    client
        .find(Locator::Css("input[data-unit='percent']"))
        .await
        .expect("percent")
        .click()
        .await
        .expect("click");
    until_shown(client, &percent).await;
    let china: usize = shown_text(client, "label:has(input[data-entity='china']) .count")
        .await
        .parse()
        .expect("count");
    client
        .find(Locator::Css("input[data-entity='china']"))
        .await
        .expect("china")
        .click()
        .await
        .expect("click");
    until_shown(client, &china).await;

    client.back().await.expect("back");
    until_shown(client, &percent).await;
    assert_eq!(
        js(
            client,
            "return document.querySelector(\"input[data-entity='china']\").checked;"
        )
        .await,
        json!(false)
    );
    client.back().await.expect("back");
    until_shown(client, &total).await;
    client.forward().await.expect("forward");
    until_shown(client, &percent).await;
    assert_eq!(
        js(
            client,
            "return document.querySelector(\"input[data-unit='percent']\").checked;"
        )
        .await,
        json!(true)
    );
    assert_no_console_errors(&browser).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_link_opens_the_dashboard_with_a_note() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(
        &browser,
        &server,
        "/?e=ghost,beijing&y=20x8&scope=planet&fig=nowhere~1&zz=%FF",
    )
    .await;
    let notes = shown_text(client, ".notes").await;
    for expected in [
        "unknown entity “ghost”",
        "year range “20x8”",
        "scope “planet”",
        "unknown part “zz”",
    ] {
        assert!(notes.contains(expected), "{expected:?} not in {notes:?}");
    }
    // What was valid still applies, and the charts are drawn.
    let beijing = js(
        client,
        "return document.querySelector(\"input[data-entity='beijing']\").checked;",
    )
    .await;
    assert_eq!(beijing, json!(true));
    assert!(painted_pixels(client, ".charts canvas.chart").await > 1000);
    // The URL is rewritten to what was understood.
    let url = client.current_url().await.expect("url");
    assert_eq!(url.query(), Some("e=beijing"));
    assert_no_console_errors(&browser).await;
    browser.close().await;
}

async fn set_theme(client: &Client, dark: bool) {
    let want = if dark { "dark" } else { "light" };
    for _ in 0..3 {
        let now = js(
            client,
            "return document.documentElement.dataset.theme || 'auto';",
        )
        .await;
        if now == json!(want) {
            return;
        }
        client
            .find(Locator::Css("button.theme-toggle"))
            .await
            .expect("theme toggle")
            .click()
            .await
            .expect("click");
    }
    let now = js(
        client,
        "return document.documentElement.dataset.theme || 'auto';",
    )
    .await;
    assert_eq!(now, json!(want));
}

/// Chromium's window cannot be narrower than 500 px, so the phone width is an iframe of
/// exactly 375 × 812 CSS pixels: the page inside sees a 375 px viewport, media queries
/// included, and the screenshot is of that frame alone.
struct Phone {
    width: u32,
    height: u32,
}

impl Phone {
    async fn open(&self, browser: &Browser, server: &StaticServer) {
        let client = &browser.client;
        // The host page must share the app's origin (Chromium shows an error page for a
        // loopback frame inside about:blank); a missing .txt is the server's plain 404 page,
        // which has no CSP to forbid the frame.
        client
            .goto(&server.url("/phone-frame-host.txt"))
            .await
            .expect("host page");
        // Drain the log of that expected 404 (and the host page's favicon 404), so later
        // checks see only the app's messages.
        let errors: Vec<String> = browser
            .console_errors()
            .await
            .into_iter()
            .filter(|e| !e.contains("phone-frame-host.txt") && !e.contains("/favicon.ico "))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // Enter the frame only once its page has loaded, so the context is the app's document.
        let loaded = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 document.body.style.margin = '0';
                 const f = document.createElement('iframe');
                 f.width = arguments[1]; f.height = arguments[2];
                 f.style.border = '0'; f.style.display = 'block';
                 f.onload = () => done(true);
                 f.src = arguments[0];
                 document.body.appendChild(f);",
                vec![
                    json!(server.url("/")),
                    json!(self.width),
                    json!(self.height),
                ],
            )
            .await
            .expect("add the frame");
        assert_eq!(loaded, json!(true));
        client.enter_frame(0).await.expect("enter the frame");
        client
            .wait()
            .for_element(Locator::Css(".shown-count"))
            .await
            .expect("the dashboard renders in the frame");
        until(client, FIRST_CHART_DRAWN).await;
    }

    async fn screenshot(&self, browser: &Browser, name: &str) {
        let client = &browser.client;
        client.enter_parent_frame().await.expect("leave the frame");
        let png = client
            .find(Locator::Css("iframe"))
            .await
            .expect("the frame")
            .screenshot()
            .await
            .expect("screenshot the frame");
        let dir = std::path::PathBuf::from(
            std::env::var_os("METRICSCOPE_SCREENSHOTS").expect("METRICSCOPE_SCREENSHOTS is set"),
        );
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
        client.enter_frame(0).await.expect("back into the frame");
    }
}

async fn theme_shots(browser: &Browser, phone: Option<&Phone>, width: u32) {
    let client = &browser.client;
    for dark in [false, true] {
        set_theme(client, dark).await;
        // The charts redraw in the theme's colours: the canvas background follows.
        let bg = if dark { "[31,31,31]" } else { "[255,255,255]" };
        until(
            client,
            &format!("JSON.stringify([...document.querySelector('.charts canvas.chart').getContext('2d').getImageData(1,1,1,1).data.slice(0,3)]) === '{bg}'"),
        )
        .await;
        let theme = if dark { "dark" } else { "light" };
        let name = format!("dashboard-{width}-{theme}");
        match phone {
            Some(p) => p.screenshot(browser, &name).await,
            None => {
                browser.screenshot(&name).await;
            }
        }
    }
    // The lower charts and the table, in the light theme, for review.
    set_theme(client, false).await;
    for (css, part) in [(".context-grid", "charts"), ("#table-heading", "table")] {
        client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'start'});",
                vec![json!(css)],
            )
            .await
            .expect("scroll");
        let name = format!("dashboard-{width}-light-{part}");
        match phone {
            Some(p) => p.screenshot(browser, &name).await,
            None => {
                browser.screenshot(&name).await;
            }
        }
    }
    set_theme(client, true).await;
    // Nothing overflows the viewport's width.
    let overflow = js(
        client,
        "return document.documentElement.scrollWidth - window.innerWidth;",
    )
    .await;
    assert!(
        overflow.as_i64().unwrap_or(1) <= 0,
        "page overflows by {overflow}px at {width}"
    );
    // With the reader open, in dark.
    client
        .find(Locator::Css("tr.figure-row"))
        .await
        .expect("a row")
        .click()
        .await
        .expect("select");
    client
        .wait()
        .for_element(Locator::Css(".reader .sentence.current"))
        .await
        .expect("reader");
    let name = format!("reader-{width}-dark");
    match phone {
        Some(p) => p.screenshot(browser, &name).await,
        None => {
            browser.screenshot(&name).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn screenshots_at_laptop_and_phone_widths_in_both_themes() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    open(&browser, &server, "/").await;
    theme_shots(&browser, None, 1280).await;
    assert_no_console_errors(&browser).await;
    browser.close().await;

    let browser = Browser::start(1280, 900).await;
    let phone = Phone {
        width: 375,
        height: 812,
    };
    phone.open(&browser, &server).await;
    let inner = js(&browser.client, "return window.innerWidth;").await;
    assert_eq!(inner, json!(375), "the page sees a phone-width viewport");
    // The filters fold away behind a button on a phone.
    assert_eq!(
        js(
            &browser.client,
            "return getComputedStyle(document.querySelector('.facets')).display;"
        )
        .await,
        json!("none")
    );
    theme_shots(&browser, Some(&phone), 375).await;
    // The host page's own favicon request 404s too; the app links its own favicon.
    let errors: Vec<String> = browser
        .console_errors()
        .await
        .into_iter()
        .filter(|e| !e.contains("/favicon.ico ") && !e.contains("phone-frame-host.txt"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
}

/// Prints the timings BENCHMARKS.md records. Run with
/// `cargo test -p e2e --test dashboard timings -- --nocapture` against a release build.
/// `METRICSCOPE_TIMING_CLICK` names the checkbox to click (a CSS selector; the "counts" unit
/// by default), e.g. `input[data-entity]` for the first entity of a large corpus.
#[tokio::test(flavor = "multi_thread")]
async fn timings() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server, "/").await;
    let first = js(
        client,
        "return performance.getEntriesByName('metricscope:chart-drawn')[0].startTime;",
    )
    .await
    .as_f64()
    .expect("a first-chart mark");
    // Each step clicks the "counts" unit checkbox (alternately narrowing to counts and
    // back to everything), then watches animation frames until the charts have been
    // redrawn: `drawn` is click to the last chart drawn (or to the dashboard's render when
    // no chart needed drawing), `framed` is click to the first animation frame after that
    // (the frame that shows it).
    let default_click = "input[data-unit='count']";
    let selector = std::env::var("METRICSCOPE_TIMING_CLICK").unwrap_or(default_click.to_owned());
    let script = r#"
        const done = arguments[arguments.length - 1];
        const box = document.querySelector(arguments[0]);
        const drawn = [], framed = [], phases = [], redraws = [];
        const n = 60;
        let i = 0;
        const marks = () => performance.getEntriesByName('metricscope:chart-drawn');
        const step = () => {
            if (i === n) { window.__phases = phases; window.__redraws = redraws; done([drawn, framed]); return; }
            const before = marks().length;
            const t0 = performance.now();
            box.click();
            // Charts draw in effects after the render that needs them; a chart that mounts
            // may first learn its width from a resize observer a frame or two later. So the
            // click is done once the dashboard has rendered and then three frames pass with
            // no new mark of the app's: on a loaded machine the draws may spread over more
            // frames, and counting quiet frames (not frames since the render) waits for them.
            // A click whose charts did not change (they are keyed, so narrowing only unmounts
            // some) draws nothing: it is done when the dashboard has rendered.
            const frameTimes = [];
            let quietFrames = 0;
            let seen = -1;
            const after = (name) => performance.getEntriesByName(name).filter(e => e.startTime >= t0);
            const appMarks = () => performance.getEntriesByType('mark').filter(e => e.startTime >= t0 && e.name.startsWith('metricscope:')).length;
            const wait = (now) => {
                frameTimes.push(now);
                const rendered = after('metricscope:render');
                const count = appMarks();
                if (rendered.length && count === seen) { quietFrames++; } else { quietFrames = 0; }
                seen = count;
                if (quietFrames >= 3) {
                    const m = marks();
                    const redrew = m.length > before;
                    const end = redrew ? m[m.length - 1].startTime : rendered[rendered.length - 1].startTime;
                    drawn.push(end - t0);
                    redraws.push(redrew);
                    const first = (name) => { const e = after(name); return e.length ? e[0].startTime - t0 : -1; };
                    phases.push([first('metricscope:render'), first('metricscope:derived'), first('metricscope:rendered'), first('metricscope:chart-draw-start'), after('metricscope:chart-draw-start').length]);
                    framed.push(frameTimes.find(t => t >= end) - t0);
                    i++;
                    setTimeout(step, 0);
                } else if (frameTimes.length > 120) {
                    drawn.push(NaN); framed.push(NaN); redraws.push(false); i++; setTimeout(step, 0);
                } else {
                    requestAnimationFrame(wait);
                }
            };
            requestAnimationFrame(wait);
        };
        step();
    "#;
    let v = client
        .execute_async(script, vec![json!(selector)])
        .await
        .expect("time clicks");
    // A click that drew nothing comes back as NaN, which JSON carries as null.
    let (drawn, framed): (Vec<Option<f64>>, Vec<Option<f64>>) =
        serde_json::from_value(v).expect("timings");
    let stats = |xs: &[Option<f64>]| {
        let mut xs: Vec<f64> = xs
            .iter()
            .flatten()
            .copied()
            .filter(|x| x.is_finite())
            .collect();
        xs.sort_by(f64::total_cmp);
        let pick = |q: f64| xs[((xs.len() as f64 - 1.0) * q).round() as usize];
        (xs.len(), pick(0.5), pick(0.95))
    };
    let (n, d50, d95) = stats(&drawn);
    let (_, f50, f95) = stats(&framed);
    println!("navigation to first chart drawn: {first:.1} ms");
    // Where the time goes: click to the dashboard's render, and to the first chart's draw.
    let phases: Vec<(f64, f64, f64, f64, u32)> =
        serde_json::from_value(js(client, "return window.__phases;").await).expect("phases");
    let median = |mut xs: Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
    };
    let render = median(phases.iter().map(|p| p.0).collect());
    let computed = median(phases.iter().map(|p| p.1).collect());
    let specs = median(phases.iter().map(|p| p.2).collect());
    let first_draw = median(phases.iter().map(|p| p.3).collect());
    println!(
        "medians from the click: dashboard render {render:.2} ms, derived {computed:.2} ms, \
         DOM rendered {specs:.2} ms, first chart draw starts {first_draw:.2} ms"
    );
    println!("filter click to charts redrawn ({n} clicks): median {d50:.2} ms, p95 {d95:.2} ms");
    // Even clicks narrow the view to counts (charts unmount; the rest are unchanged and not
    // redrawn); odd clicks widen it back (the money and percentage charts mount and draw).
    let narrow: Vec<Option<f64>> = drawn.iter().step_by(2).copied().collect();
    let widen: Vec<Option<f64>> = drawn.iter().skip(1).step_by(2).copied().collect();
    let (_, n50, n95) = stats(&narrow);
    let (_, w50, w95) = stats(&widen);
    println!("  narrowing clicks: median {n50:.2} ms, p95 {n95:.2} ms; widening clicks: median {w50:.2} ms, p95 {w95:.2} ms");
    println!("filter click to next animation frame: median {f50:.2} ms, p95 {f95:.2} ms");
    let redraws: Vec<bool> =
        serde_json::from_value(js(client, "return window.__redraws;").await).expect("redraws");
    println!(
        "clicks that redrew a chart: {} of {n}",
        redraws.iter().filter(|r| **r).count()
    );
    assert!(n >= 50, "most clicks finished within 120 frames");
    assert!(
        selector != default_click || redraws.iter().skip(1).step_by(2).all(|r| *r),
        "every widening click draws the charts it brings back"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn charts_redraw_at_the_new_size_when_the_window_resizes() {
    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    open(&browser, &server, "/").await;
    let size = "const c = document.querySelector('.charts canvas.chart'); return [c.width, c.clientWidth, window.devicePixelRatio];";
    let (before, _, _): (u32, u32, f64) =
        serde_json::from_value(js(client, size).await).expect("size");
    client
        .set_window_size(900, 900)
        .await
        .expect("resize the window");
    // The backing store follows the displayed width times the device pixel ratio.
    until(
        client,
        &format!(
            "(() => {{ const c = document.querySelector('.charts canvas.chart');
                 return c.width !== {before} && Math.abs(c.width - Math.round(c.clientWidth * devicePixelRatio)) <= 1; }})()"
        ),
    )
    .await;
    let (after, css, dpr): (u32, u32, f64) =
        serde_json::from_value(js(client, size).await).expect("size");
    // At 900 px the figure charts go from two columns to one, so they may grow: what
    // matters is that the backing store followed the new size.
    assert_ne!(after, before, "{before} → {after}");
    assert!((f64::from(after) - f64::from(css) * dpr).abs() <= 1.0);
    assert!(painted_pixels(client, ".charts canvas.chart").await > 1000);
    assert_no_console_errors(&browser).await;
    browser.close().await;
}
