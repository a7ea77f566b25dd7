//! The dashboard benchmark: first chart, bytes before it, and filter clicks, in headless Chromium.
//!
//! `cargo xtask bench` builds the release builds and runs this with `LABEL=DIST` arguments,
//! `CHROMEDRIVER` set, and optionally `LIGHTHOUSE` (the Lighthouse command-line script) and
//! `CHROME_PATH` for Lighthouse runs. It reads the page's own performance marks
//! (`metricscope:*`) and reports the ones it finds, so marks the app adds later show up
//! without changing this file, and expected ones that are missing are reported as absent.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use e2e::{Browser, StaticServer};
use fantoccini::wd::TimeoutConfiguration;
use serde::Deserialize;
use serde_json::{json, Value};

/// Options from the command line.
struct Options {
    builds: Vec<(String, PathBuf)>,
    loads: usize,
    clicks: usize,
    /// Wall-clock budget for one size's clicks; what is measured by then is reported.
    click_budget: Duration,
    lighthouse: Vec<String>,
    lighthouse_runs: usize,
}

fn main() {
    let options = match parse(std::env::args().skip(1).collect()) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("bench: {message}");
            eprintln!(
                "usage: bench [--loads N] [--clicks N] [--click-budget SECONDS] [--lighthouse LABEL,...] [--lighthouse-runs N] LABEL=DIST..."
            );
            std::process::exit(2);
        }
    };
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let mut results = Vec::new();
    for (label, dir) in &options.builds {
        println!("\n=== {label} articles: {}", dir.display());
        let result = runtime.block_on(measure(dir.clone(), &options));
        result.print(label);
        let lighthouse = if options.lighthouse.contains(label) {
            lighthouse(dir.clone(), options.lighthouse_runs)
        } else {
            Vec::new()
        };
        results.push((label.clone(), result, lighthouse));
    }
    print_summary(&results);
}

fn parse(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options {
        builds: Vec::new(),
        loads: 5,
        clicks: 60,
        click_budget: Duration::from_secs(480),
        lighthouse: Vec::new(),
        lighthouse_runs: 3,
    };
    let mut iter = args.into_iter();
    let number = |v: Option<String>, name: &str| -> Result<usize, String> {
        v.and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("{name} needs a whole number"))
    };
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--loads" => options.loads = number(iter.next(), "--loads")?.max(1),
            "--clicks" => options.clicks = number(iter.next(), "--clicks")?.max(2),
            "--click-budget" => {
                options.click_budget =
                    Duration::from_secs(number(iter.next(), "--click-budget")? as u64);
            }
            "--lighthouse-runs" => {
                options.lighthouse_runs = number(iter.next(), "--lighthouse-runs")?.max(1);
            }
            "--lighthouse" => {
                options.lighthouse = iter
                    .next()
                    .ok_or("--lighthouse needs labels, e.g. 4,1000")?
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            other => {
                let (label, dir) = other
                    .split_once('=')
                    .ok_or_else(|| format!("expected LABEL=DIST, got `{other}`"))?;
                options.builds.push((label.to_owned(), PathBuf::from(dir)));
            }
        }
    }
    if options.builds.is_empty() {
        return Err("no build to measure".to_owned());
    }
    Ok(options)
}

/// What one page load reports.
#[derive(Deserialize)]
struct Load {
    /// The first `metricscope:chart-drawn` mark, from navigation start.
    drawn: f64,
    /// The animation frame after it: the first chart on screen.
    painted: f64,
    /// Bytes on the wire (Resource Timing `encodedBodySize`: brotli where it was served so)
    /// and decoded, of the document and every resource that finished before `drawn`.
    wire: f64,
    decoded: f64,
    files: Vec<(String, f64, f64)>,
}

/// One filter click.
#[derive(Deserialize)]
struct Click {
    /// Click to the last chart drawn (or to the dashboard's render when no chart redrew).
    drawn: Option<f64>,
    /// Click to the animation frame that shows it.
    framed: Option<f64>,
    /// Every `metricscope:` mark after the click: name and time from the click.
    marks: Vec<(String, f64)>,
    /// Every `metricscope:` measure after the click: name and duration.
    measures: Vec<(String, f64)>,
    /// Long animation frames (over 50 ms) that overlap the click, summed: script time,
    /// style and layout forced by scripts, and the frame's own style, layout and paint.
    #[serde(default)]
    loaf: Option<Loaf>,
}

/// The browser's long-animation-frame entries for one click, summed.
#[derive(Deserialize, Default, Clone, Copy)]
struct Loaf {
    frames: f64,
    duration: f64,
    script: f64,
    forced: f64,
    render: f64,
}

struct Measured {
    loads: Vec<Load>,
    clicks: Vec<Click>,
    entity: String,
    page_height: f64,
}

async fn measure(dir: PathBuf, options: &Options) -> Measured {
    let server = StaticServer::serve(dir);
    let browser = Browser::start(1280, 900).await;
    let client = &browser.client;
    // Large corpora load slowly: give scripts and page loads minutes, not seconds.
    let long = Duration::from_secs(600);
    client
        .update_timeouts(TimeoutConfiguration::new(Some(long), Some(long), None))
        .await
        .expect("set timeouts");
    let mut loads = Vec::new();
    for _ in 0..options.loads {
        client.goto(&server.url("/")).await.expect("open the page");
        let v = client
            .execute_async(FIRST_CHART, vec![])
            .await
            .expect("wait for the first chart");
        let Some(load) = serde_json::from_value::<Option<Load>>(v).expect("a load record") else {
            panic!("no chart was drawn within ten minutes of navigation");
        };
        // Printed as it comes: at 10,000 articles a load can take minutes.
        println!(
            "  load {}: first chart drawn at {:.0} ms",
            loads.len() + 1,
            load.drawn
        );
        loads.push(load);
    }
    let page_height = client
        .execute("return document.documentElement.scrollHeight;", vec![])
        .await
        .expect("page height")
        .as_f64()
        .unwrap_or(f64::NAN);
    let entity = client
        .execute(
            "const b = document.querySelector('input[data-entity]'); return b ? b.dataset.entity : null;",
            vec![],
        )
        .await
        .expect("find an entity checkbox");
    let entity = entity.as_str().expect("an entity checkbox").to_owned();
    // Clicks run in batches of ten (an even number, so selecting and clearing alternate
    // across batches), so a slow corpus stops at the budget with what it measured instead
    // of hitting the script time-out with nothing.
    let started = std::time::Instant::now();
    let mut clicks: Vec<Click> = Vec::new();
    while clicks.len() < options.clicks && started.elapsed() < options.click_budget {
        let batch = (options.clicks - clicks.len()).min(10);
        let v = client
            .execute_async(CLICKS, vec![json!(entity), json!(batch)])
            .await
            .expect("time the clicks");
        let more: Vec<Click> = serde_json::from_value(v).expect("click records");
        clicks.extend(more);
    }
    if clicks.len() < options.clicks {
        println!(
            "  PARTIAL: {} of {} clicks measured within the {} s budget",
            clicks.len(),
            options.clicks,
            options.click_budget.as_secs()
        );
    }
    browser.close().await;
    Measured {
        loads,
        clicks,
        entity,
        page_height,
    }
}

/// Waits (on animation frames, up to ten minutes) for the first chart, then reports timings
/// and the bytes fetched before it.
const FIRST_CHART: &str = r#"
    const done = arguments[arguments.length - 1];
    const started = performance.now();
    const poll = (now) => {
        const m = performance.getEntriesByName('metricscope:chart-drawn');
        if (m.length) {
            const drawn = m[0].startTime;
            const nav = performance.getEntriesByType('navigation')[0];
            const before = performance.getEntriesByType('resource').filter(r => r.responseEnd <= drawn);
            const all = [nav, ...before];
            done({
                drawn,
                painted: now,
                wire: all.reduce((s, r) => s + r.encodedBodySize, 0),
                decoded: all.reduce((s, r) => s + r.decodedBodySize, 0),
                files: all.map(r => [new URL(r.name).pathname, r.encodedBodySize, r.decodedBodySize]),
            });
        } else if (now - started > 600000) {
            done(null);
        } else {
            requestAnimationFrame(poll);
        }
    };
    requestAnimationFrame(poll);
"#;

/// Clicks the entity checkbox `arguments[0]` `arguments[1]` times (alternately selecting and
/// clearing it). After each click it watches animation frames until the dashboard has rendered
/// and three frames have passed with no new mark, so charts the app draws over several frames
/// are counted too. Marks and measures are cleared before each click.
const CLICKS: &str = r#"
    const done = arguments[arguments.length - 1];
    const entity = arguments[0], n = arguments[1];
    const box = () => document.querySelector(`input[data-entity="${CSS.escape(entity)}"]`);
    const out = [];
    const ours = (type) => performance.getEntriesByType(type).filter(e => e.name.startsWith('metricscope:'));
    // Long animation frames (Chromium 123+) say how much of a slow frame was script, forced
    // style and layout, and the frame's own rendering.
    const loafs = [];
    try {
        new PerformanceObserver((l) => loafs.push(...l.getEntries())).observe({ type: 'long-animation-frame' });
    } catch (e) { /* not supported: the field stays empty */ }
    const loafOf = (t0, end) => {
        const f = loafs.filter(e => e.startTime + e.duration >= t0 && e.startTime <= end + 50);
        const sum = (g) => f.reduce((s, e) => s + g(e), 0);
        return {
            frames: f.length,
            duration: sum(e => e.duration),
            script: sum(e => e.scripts.reduce((s, x) => s + x.duration, 0)),
            forced: sum(e => e.scripts.reduce((s, x) => s + (x.forcedStyleAndLayoutDuration || 0), 0)),
            render: sum(e => e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
        };
    };
    let i = 0;
    const step = () => {
        if (i === n) { done(out); return; }
        performance.clearMarks();
        performance.clearMeasures();
        const t0 = performance.now();
        box().click();
        let quiet = 0, seen = 0, frames = 0;
        const frameTimes = [];
        const wait = (now) => {
            frames++;
            frameTimes.push(now);
            const marks = ours('mark');
            const rendered = marks.some(m => m.name === 'metricscope:render');
            if (marks.length === seen && rendered) { quiet++; } else { quiet = 0; }
            seen = marks.length;
            if (quiet >= 3 || frames > 600) {
                const drawn = marks.filter(m => m.name === 'metricscope:chart-drawn');
                const ends = drawn.length ? drawn : marks.filter(m => m.name === 'metricscope:render');
                const end = ends.length ? ends[ends.length - 1].startTime : NaN;
                out.push({
                    drawn: frames > 600 ? null : end - t0,
                    // The first frame that starts after the last mark is the one that shows it.
                    framed: frames > 600 ? null : frameTimes.find(t => t >= end) - t0,
                    marks: marks.map(m => [m.name, m.startTime - t0]),
                    measures: ours('measure').map(m => [m.name, m.duration]),
                    loaf: loafOf(t0, end),
                });
                i++;
                setTimeout(step, 0);
            } else {
                requestAnimationFrame(wait);
            }
        };
        requestAnimationFrame(wait);
    };
    step();
"#;

/// The `q` quantile (nearest rank) of the finite values, or NaN when there are none.
fn quantile(values: impl IntoIterator<Item = f64>, q: f64) -> f64 {
    let mut xs: Vec<f64> = values.into_iter().filter(|x| x.is_finite()).collect();
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_by(f64::total_cmp);
    xs[((xs.len() as f64 - 1.0) * q).round() as usize]
}

/// Phases of a click the issue asks about, each with the mark or measure names that would
/// time it, in the order the app would emit them.
const PHASES: &[(&str, &[&str])] = &[
    ("reducer", &["metricscope:reduced", "metricscope:reduce"]),
    (
        "derive",
        &[
            "metricscope:derived",
            "metricscope:derive",
            "metricscope:view-computed",
        ],
    ),
    ("dashboard render", &["metricscope:render"]),
    ("chart data", &["metricscope:specs-built"]),
    (
        "DOM committed",
        &["metricscope:dom-committed", "metricscope:rendered"],
    ),
    ("first chart draw starts", &["metricscope:chart-draw-start"]),
    ("first chart drawn", &["metricscope:chart-drawn"]),
];

impl Measured {
    fn print(&self, label: &str) {
        let drawn: Vec<f64> = self.loads.iter().map(|l| l.drawn).collect();
        let painted: Vec<f64> = self.loads.iter().map(|l| l.painted).collect();
        println!(
            "navigation to first chart drawn ({} loads): median {:.0} ms, p95 {:.0} ms; painted frame: median {:.0} ms",
            drawn.len(),
            quantile(drawn.iter().copied(), 0.5),
            quantile(drawn.iter().copied(), 0.95),
            quantile(painted.iter().copied(), 0.5),
        );
        if let Some(load) = self.loads.last() {
            println!(
                "fetched before the first chart: {:.1} KiB on the wire, {:.1} KiB decoded",
                load.wire / 1024.0,
                load.decoded / 1024.0
            );
            for (path, wire, decoded) in &load.files {
                println!("  {path:<60} {wire:>12.0} {decoded:>12.0}");
            }
        }
        println!("page height after load: {:.0} px", self.page_height);
        let (d50, d95) = self.click_stats(|c| c.drawn);
        let (f50, f95) = self.click_stats(|c| c.framed);
        println!(
            "{label}: entity `{}` clicked {} times: click to charts redrawn median {d50:.1} ms, p95 {d95:.1} ms; to the frame showing it median {f50:.1} ms, p95 {f95:.1} ms",
            self.entity,
            self.clicks.len()
        );
        println!(
            "where a click's time goes (median ms from the click to each mark; count per click):"
        );
        for (name, (median, count)) in self.mark_offsets() {
            println!("  {name:<40} {median:>9.2} ms  x{count:.1}");
        }
        for (name, (median, p95)) in self.measure_durations() {
            println!("  measure {name:<32} median {median:>8.2} ms, p95 {p95:>8.2} ms");
        }
        let loafs: Vec<Loaf> = self.clicks.iter().filter_map(|c| c.loaf).collect();
        if !loafs.is_empty() {
            let med = |f: fn(&Loaf) -> f64| quantile(loafs.iter().map(f), 0.5);
            println!(
                "  long animation frames per click (medians): {:.1} frames, {:.1} ms long, {:.1} ms script, {:.1} ms forced style and layout, {:.1} ms rendering",
                med(|l| l.frames),
                med(|l| l.duration),
                med(|l| l.script),
                med(|l| l.forced),
                med(|l| l.render)
            );
        }
        let (draw50, draw95, n) = self.chart_draws();
        println!(
            "  chart draws (start to drawn, each): median {draw50:.2} ms, p95 {draw95:.2} ms, {n:.1} per click"
        );
        let offsets = self.mark_offsets();
        for (phase, names) in PHASES {
            match names.iter().find(|n| offsets.contains_key(**n)) {
                Some(name) => println!(
                    "  phase {phase:<24} by {:>9.2} ms ({name})",
                    offsets[*name].0
                ),
                None => println!(
                    "  phase {phase:<24} absent (no mark named {})",
                    names.join(" or ")
                ),
            }
        }
    }

    fn click_stats(&self, f: impl Fn(&Click) -> Option<f64>) -> (f64, f64) {
        let xs: Vec<f64> = self.clicks.iter().filter_map(&f).collect();
        (
            quantile(xs.iter().copied(), 0.5),
            quantile(xs.iter().copied(), 0.95),
        )
    }

    /// For each mark name: the median time from the click to its first occurrence, and how
    /// many times it occurs per click on average.
    fn mark_offsets(&self) -> BTreeMap<String, (f64, f64)> {
        let mut firsts: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for click in &self.clicks {
            let mut seen = BTreeMap::new();
            for (name, t) in &click.marks {
                seen.entry(name.clone()).or_insert(*t);
                *counts.entry(name.clone()).or_default() += 1;
            }
            for (name, t) in seen {
                firsts.entry(name).or_default().push(t);
            }
        }
        let n = self.clicks.len().max(1) as f64;
        firsts
            .into_iter()
            .map(|(name, ts)| {
                let count = counts[&name] as f64 / n;
                (name, (quantile(ts, 0.5), count))
            })
            .collect()
    }

    fn measure_durations(&self) -> BTreeMap<String, (f64, f64)> {
        let mut all: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for click in &self.clicks {
            for (name, d) in &click.measures {
                all.entry(name.clone()).or_default().push(*d);
            }
        }
        all.into_iter()
            .map(|(name, ds)| {
                let stats = (quantile(ds.iter().copied(), 0.5), quantile(ds, 0.95));
                (name, stats)
            })
            .collect()
    }

    /// Each chart draw's duration: a `chart-draw-start` mark paired with the next `chart-drawn`.
    fn chart_draws(&self) -> (f64, f64, f64) {
        let mut durations = Vec::new();
        for click in &self.clicks {
            let mut start = None;
            for (name, t) in &click.marks {
                match name.as_str() {
                    "metricscope:chart-draw-start" => start = Some(*t),
                    "metricscope:chart-drawn" => {
                        if let Some(s) = start.take() {
                            durations.push(t - s);
                        }
                    }
                    _ => {}
                }
            }
        }
        let per_click = durations.len() as f64 / self.clicks.len().max(1) as f64;
        (
            quantile(durations.iter().copied(), 0.5),
            quantile(durations, 0.95),
            per_click,
        )
    }
}

/// One Lighthouse run's figures.
struct LighthouseRun {
    score: f64,
    lcp: f64,
    tbt: f64,
    fcp: f64,
    bytes: f64,
}

/// Runs Lighthouse (its default mobile profile: simulated slow 4G, 4× CPU slowdown) `runs`
/// times against `dir`, one Chromium at a time, and returns what each run reported.
fn lighthouse(dir: PathBuf, runs: usize) -> Vec<LighthouseRun> {
    let Some(cli) = std::env::var_os("LIGHTHOUSE") else {
        println!("Lighthouse: LIGHTHOUSE is not set, skipped");
        return Vec::new();
    };
    let server = StaticServer::serve(dir);
    let url = server.url("/");
    let mut out = Vec::new();
    for run in 0..runs {
        let report =
            std::env::temp_dir().join(format!("metricscope-lh-{}-{run}.json", std::process::id()));
        let mut child = Command::new("node")
            .arg(&cli)
            .arg(&url)
            .args([
                "--quiet",
                "--only-categories=performance",
                "--output=json",
                "--max-wait-for-load=300000",
            ])
            .arg(format!("--output-path={}", report.display()))
            .arg(format!(
                "--chrome-flags={}",
                [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                ]
                .join(" ")
            ))
            .stdin(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start Lighthouse (node)");
        let status = child.wait().expect("wait for Lighthouse");
        // Lighthouse stops its Chromium itself; this catches one left behind by a crash.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
        let parsed = std::fs::read_to_string(&report)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok());
        let _ = std::fs::remove_file(&report);
        let Some(v) = parsed.filter(|_| status.success()) else {
            println!("Lighthouse run {run} failed ({status})");
            continue;
        };
        if let Some(err) = v["runtimeError"]["message"].as_str() {
            println!("Lighthouse run {run}: {err}");
        }
        let audit = |name: &str| {
            v["audits"][name]["numericValue"]
                .as_f64()
                .unwrap_or(f64::NAN)
        };
        let r = LighthouseRun {
            score: v["categories"]["performance"]["score"]
                .as_f64()
                .map_or(f64::NAN, |s| s * 100.0),
            lcp: audit("largest-contentful-paint"),
            tbt: audit("total-blocking-time"),
            fcp: audit("first-contentful-paint"),
            bytes: audit("total-byte-weight"),
        };
        println!(
            "Lighthouse run {run}: performance {:.0}, FCP {:.0} ms, LCP {:.0} ms, TBT {:.0} ms, {:.0} KiB",
            r.score,
            r.fcp,
            r.lcp,
            r.tbt,
            r.bytes / 1024.0
        );
        out.push(r);
    }
    out
}

fn print_summary(results: &[(String, Measured, Vec<LighthouseRun>)]) {
    println!("\n=== summary (medians; p95 where given)\n");
    println!("| articles | first chart drawn | p95 | bytes before it (wire / decoded) | entity click to repaint p50 | p95 | clicks | to the frame p50 / p95 | page height |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (label, m, _) in results {
        let drawn = m.loads.iter().map(|l| l.drawn);
        let wire = quantile(m.loads.iter().map(|l| l.wire), 0.5);
        let decoded = quantile(m.loads.iter().map(|l| l.decoded), 0.5);
        let (d50, d95) = m.click_stats(|c| c.drawn);
        let (f50, f95) = m.click_stats(|c| c.framed);
        println!(
            "| {label} | {:.0} ms | {:.0} ms | {:.1} KiB / {:.1} KiB | {d50:.1} ms | {d95:.1} ms | {} | {f50:.1} / {f95:.1} ms | {:.0} px |",
            quantile(drawn.clone(), 0.5),
            quantile(drawn, 0.95),
            wire / 1024.0,
            decoded / 1024.0,
            m.clicks.len(),
            m.page_height
        );
    }
    if results.iter().any(|(_, _, lh)| !lh.is_empty()) {
        println!(
            "\n| articles | Lighthouse mobile performance | LCP | TBT | FCP | total bytes | runs |"
        );
        println!("|---:|---:|---:|---:|---:|---:|---:|");
        for (label, _, lh) in results.iter().filter(|(_, _, lh)| !lh.is_empty()) {
            let med = |f: fn(&LighthouseRun) -> f64| quantile(lh.iter().map(f), 0.5);
            println!(
                "| {label} | {:.0} | {:.1} s | {:.0} ms | {:.1} s | {:.0} KiB | {} |",
                med(|r| r.score),
                med(|r| r.lcp) / 1000.0,
                med(|r| r.tbt),
                med(|r| r.fcp) / 1000.0,
                med(|r| r.bytes) / 1024.0,
                lh.len()
            );
        }
    }
}
