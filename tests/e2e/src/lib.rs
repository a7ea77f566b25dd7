//! End-to-end harness: serves the release build on loopback and drives headless Chromium through chromedriver.
//!
//! `cargo xtask test` builds `dist/` and sets the environment this harness reads:
//! `METRICSCOPE_DIST` (the folder to serve), `METRICSCOPE_DIST_1000` (a build over 1,000
//! generated articles), `CHROMEDRIVER` (the driver binary) and `METRICSCOPE_SCREENSHOTS`
//! (where screenshots go).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

/// Chromium flags for a quiet, sandbox-free headless run on a machine with no network.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--hide-scrollbars",
];

/// The path in the environment variable `key`, which `cargo xtask test` sets.
pub fn env_path(key: &str) -> PathBuf {
    std::env::var_os(key).map(PathBuf::from).unwrap_or_else(|| {
        panic!("{key} is not set: run the end-to-end tests through `cargo xtask test`")
    })
}

/// A static file server for a folder, on a free loopback port, in a background thread.
/// It serves what a static host would: files by path, `index.html` for folders and for
/// paths with no extension (so deep links into the app load it), all under a URL prefix.
pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
}

impl StaticServer {
    /// Serves the folder in `METRICSCOPE_DIST`.
    pub fn dist() -> Self {
        Self::dist_from("METRICSCOPE_DIST")
    }

    /// Serves the release build named by the environment variable `key`, such as
    /// `METRICSCOPE_DIST_1000` (the build over 1,000 generated articles).
    pub fn dist_from(key: &str) -> Self {
        let dir = env_path(key);
        assert!(
            dir.join("index.html").is_file(),
            "{} ({key}) has no index.html: build it with `cargo xtask dist`",
            dir.display()
        );
        Self::serve(dir)
    }

    /// Serves `dir` at the root.
    pub fn serve(dir: PathBuf) -> Self {
        Self::serve_at(dir, "/")
    }

    /// Serves `dir` under `prefix` (which starts and ends with `/`), as a host does for an
    /// app deployed to a sub-path; anything outside the prefix is not found.
    pub fn serve_at(dir: PathBuf, prefix: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().expect("local address");
        let shared_prefix = prefix.to_owned();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dir = dir.clone();
                let prefix = shared_prefix.clone();
                std::thread::spawn(move || handle(stream, &dir, &prefix));
            }
        });
        Self {
            addr,
            prefix: prefix.to_owned(),
        }
    }

    /// The URL of `path` (relative to the prefix, starting with `/`) on this server.
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://{}{}{}",
            self.addr,
            self.prefix.trim_end_matches('/'),
            path
        )
    }
}

fn handle(mut stream: TcpStream, dir: &Path, prefix: &str) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers (the requests are GETs without bodies), noting whether the client
    // takes brotli.
    let mut line = String::new();
    let mut accepts_brotli = false;
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("br") {
            accepts_brotli = true;
        }
        line.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let inside = path
        .strip_prefix(prefix.trim_end_matches('/'))
        .filter(|rest| rest.is_empty() || rest.starts_with('/'));
    let mut encoding = "";
    let (status, body, mime) = match inside.and_then(|rest| resolve(dir, rest)) {
        Some(file) => {
            // A precompressed `FILE.br` beside the file is sent instead, as static hosts do
            // (nginx's brotli_static); `cargo xtask bench` writes them, the tests' builds have none.
            let mut br = file.clone().into_os_string();
            br.push(".br");
            let br = PathBuf::from(br);
            let source = if accepts_brotli && br.is_file() {
                encoding = "Content-Encoding: br\r\nVary: Accept-Encoding\r\n";
                &br
            } else {
                &file
            };
            match std::fs::read(source) {
                Ok(body) => ("200 OK", body, mime_of(&file)),
                Err(_) => ("500 Internal Server Error", Vec::new(), "text/plain"),
            }
        }
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\n{encoding}Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
    // Read to the end so the client sees a clean close.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.read(&mut [0u8; 64]);
}

fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = url_path.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return None;
    }
    let candidate = dir.join(relative);
    if candidate.is_file() {
        return Some(candidate);
    }
    let is_page = relative.is_empty() || Path::new(relative).extension().is_none();
    is_page.then(|| dir.join("index.html"))
}

fn mime_of(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// A headless Chromium session driven through its own chromedriver process.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium with a `width` × `height` window.
    pub async fn start(width: u32, height: u32) -> Self {
        let (driver, port) = start_chromedriver();
        let profile = fresh_profile_dir();
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| (*f).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!("--window-size={width},{height}"));
        args.push("--force-device-scale-factor=1".to_owned());
        let caps = json!({
            "goog:chromeOptions": { "args": args },
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let Value::Object(caps) = caps else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("start a Chromium session");
        Self {
            client,
            driver,
            profile,
        }
    }

    /// Console messages at level SEVERE since the last call (errors, failed loads, CSP violations).
    pub async fn console_errors(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("read the browser log");
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Saves a PNG screenshot as `name.png` in `METRICSCOPE_SCREENSHOTS` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = env_path("METRICSCOPE_SCREENSHOTS");
        std::fs::create_dir_all(&dir).expect("create the screenshot folder");
        let png = self.client.screenshot().await.expect("take a screenshot");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write the screenshot");
        path
    }

    /// Ends the session politely; `Drop` then stops chromedriver and its browser.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    /// Runs on success and on a failed assertion alike, so no browser outlives its test.
    /// chromedriver was started as the leader of its own process group, and Chromium is
    /// in that group, so one signal to the group stops both.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .status();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Starts chromedriver on a free port and waits for its start-up line, not for a fixed time.
fn start_chromedriver() -> (Child, u16) {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("find a free port")
        .port();
    let mut child = Command::new(env_path("CHROMEDRIVER"))
        .arg(format!("--port={port}"))
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start chromedriver");
    let stdout = child.stdout.take().expect("chromedriver stdout");
    let mut lines = BufReader::new(stdout).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) if line.contains("started successfully") => break,
            Some(Ok(_)) => continue,
            _ => panic!("chromedriver exited before it was ready"),
        }
    }
    // Keep draining its output so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, port)
}

fn fresh_profile_dir() -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("metricscope-e2e-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a browser profile folder");
    dir
}

/// chromedriver's log endpoint, which WebDriver itself does not define.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// Counts the canvas pixels that are not fully transparent, in the first canvas matching `selector`.
pub async fn painted_pixels(client: &Client, selector: &str) -> u64 {
    let script = r#"
        const canvas = document.querySelector(arguments[0]);
        if (!canvas || canvas.width === 0 || canvas.height === 0) { return 0; }
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) { painted++; } }
        return painted;
    "#;
    client
        .execute(script, vec![json!(selector)])
        .await
        .expect("count canvas pixels")
        .as_u64()
        .unwrap_or(0)
}

/// A JavaScript condition that holds once the dashboard has drawn its first chart.
pub const FIRST_CHART_DRAWN: &str = "document.querySelector('canvas.chart[data-marks]') !== null";

/// Runs `script` in the page and returns its result.
pub async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.expect("run a script")
}

/// Runs `condition` (a JavaScript expression) once per animation frame until it holds, for at
/// most `seconds`: waits on the page's state, never on a fixed delay.
pub async fn until_within(client: &Client, condition: &str, seconds: u32) {
    let script = format!(
        r#"
        const done = arguments[arguments.length - 1];
        const started = performance.now();
        const check = () => {{
            let ok = false;
            try {{ ok = !!({condition}); }} catch (e) {{ ok = false; }}
            if (ok) {{ done(true); }}
            else if (performance.now() - started > {seconds}000) {{ done(false); }}
            else {{ requestAnimationFrame(check); }}
        }};
        check();
        "#
    );
    let ok = client
        .execute_async(&script, vec![])
        .await
        .expect("run the wait script");
    assert_eq!(ok, json!(true), "timed out waiting for: {condition}");
}

/// [`until_within`] twenty seconds, long enough for a loaded machine.
pub async fn until(client: &Client, condition: &str) {
    until_within(client, condition, 20).await;
}

/// The text content of every element matching `css`, one element a line.
pub async fn text_of(client: &Client, css: &str) -> String {
    client
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent).join('\\n');",
            vec![json!(css)],
        )
        .await
        .expect("read the text")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The text the reader sees in the first element matching `css` (WebDriver's rendered text).
pub async fn shown_text(client: &Client, css: &str) -> String {
    client
        .find(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("find {css}: {e}"))
        .text()
        .await
        .expect("element text")
}

/// Opens `url` and waits until the dashboard has drawn its first chart.
pub async fn open_dashboard(client: &Client, url: &str) {
    client.goto(url).await.expect("open the page");
    until(client, FIRST_CHART_DRAWN).await;
}

/// Fails the test with every console error (failed loads, CSP violations, panics) since the
/// last call, if there is any.
pub async fn assert_no_console_errors(browser: &Browser) {
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Clicks the first element matching `css`.
pub async fn click(client: &Client, css: &str) {
    client
        .find(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("find {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// The number of figures the dashboard says it shows, above the charts.
pub async fn shown_count(client: &Client) -> usize {
    shown_text(client, ".shown-count")
        .await
        .trim()
        .parse()
        .expect("a number of figures")
}
