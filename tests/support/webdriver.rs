//! A minimal blocking WebDriver client for chromedriver and headless Chromium.
//!
//! WebDriver is JSON over HTTP; the handful of commands the tests need fit in this file, which
//! keeps an async runtime and a TLS stack out of the test build.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The W3C key that names an element in WebDriver responses.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Flags measured to work for headless Chromium as root on these machines; the
/// background-networking ones keep Chromium from calling out to a network we do not have.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
];

pub struct Browser {
    port: u16,
    session: String,
    driver: Child,
    profile: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free loopback port").port()
}

/// One HTTP/1.1 request, returning the parsed JSON body.
///
/// chromedriver keeps connections open whatever the request says, so the body is read by its
/// `Content-Length` (or chunk by chunk) rather than to the end of the stream.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("connect: {e}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    (&stream).write_all(request.as_bytes()).map_err(|e| format!("write: {e}"))?;
    let mut reader = BufReader::new(&stream);
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).map_err(|e| format!("read header: {e}"))?;
        let line = line.trim_end().to_ascii_lowercase();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        chunked |= line.starts_with("transfer-encoding:") && line.contains("chunked");
    }
    let mut raw = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).map_err(|e| format!("read chunk size: {e}"))?;
            let n = usize::from_str_radix(size.trim(), 16).map_err(|e| format!("chunk size {size:?}: {e}"))?;
            let mut chunk = vec![0; n + 2];
            reader.read_exact(&mut chunk).map_err(|e| format!("read chunk: {e}"))?;
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&chunk[..n]);
        }
    } else {
        let n = length.ok_or("a response without Content-Length")?;
        raw.resize(n, 0);
        reader.read_exact(&mut raw).map_err(|e| format!("read body: {e}"))?;
    }
    serde_json::from_slice(&raw).map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&raw)))
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

impl Browser {
    /// Starts chromedriver on a free port and a fresh headless Chromium session with its
    /// own profile directory.
    pub fn start() -> Browser {
        Browser::start_tracing(None)
    }

    /// [`Browser::start`], and with `trace_categories` Chromium's trace events of those
    /// categories arrive in the `performance` log (for the benchmark's breakdown).
    pub fn start_tracing(trace_categories: Option<&str>) -> Browser {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let port = free_port();
        let driver = Command::new(env_or("CHROMEDRIVER", "/usr/bin/chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (scripts/setup installs Debian's chromium-driver)");
        let deadline = Instant::now() + Duration::from_secs(30);
        while http(port, "GET", "/status", None).ok().and_then(|v| v["value"]["ready"].as_bool()) != Some(true) {
            assert!(Instant::now() < deadline, "chromedriver did not become ready on port {port}");
            sleep(Duration::from_millis(50));
        }
        let profile = std::env::temp_dir().join(format!(
            "sitecost-chromium-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let downloads = profile.join("downloads");
        let mut caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": env_or("CHROMIUM", "/usr/bin/chromium"),
                "args": args,
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false
                }
            },
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" }
        }}});
        if let Some(categories) = trace_categories {
            caps["capabilities"]["alwaysMatch"]["goog:chromeOptions"]["perfLoggingPrefs"] =
                json!({ "traceCategories": categories, "enableNetwork": false, "enablePage": false });
        }
        let mut browser = Browser { port, session: String::new(), driver, profile };
        let created = browser.command("POST", "/session", Some(caps)).expect("a Chromium session");
        browser.session = created["sessionId"].as_str().expect("a session id").to_string();
        browser
    }

    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let response = http(self.port, method, path, body.as_ref())?;
        let value = response["value"].clone();
        if let Some(error) = value.get("error") {
            return Err(format!("{error}: {}", value["message"]));
        }
        Ok(value)
    }

    fn session_command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        self.command(method, &format!("/session/{}{path}", self.session), body)
    }

    /// Where this browser saves downloads.
    pub fn downloads(&self) -> PathBuf {
        self.profile.join("downloads")
    }

    /// Waits for a finished download named `name` and returns its bytes.
    ///
    /// Chromium may create the file before it has written it, so "finished" means: the file is
    /// there, not empty, and no partial (`.crdownload`) file is left in the folder.
    pub fn downloaded(&self, name: &str) -> Vec<u8> {
        let dir = self.downloads();
        let path = dir.join(name);
        let listing = || {
            let names =
                std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()));
            names.map(|n| n.collect::<Vec<_>>().join(", ")).unwrap_or_default()
        };
        super::poll_or(&format!("the download {name}"), &listing, || {
            let partial = std::fs::read_dir(&dir)
                .map(|entries| entries.flatten().any(|e| e.path().extension().is_some_and(|x| x == "crdownload")))
                .unwrap_or(true);
            !partial && std::fs::metadata(&path).is_ok_and(|m| m.len() > 0)
        });
        std::fs::read(&path).unwrap()
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.session_command("POST", "/goog/cdp/execute", Some(json!({ "cmd": cmd, "params": params })))
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Resizes the browser window (the viewport follows).
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.session_command("POST", "/window/rect", Some(json!({ "width": width, "height": height })))
            .unwrap_or_else(|e| panic!("resize: {e}"));
    }

    pub fn goto(&self, url: &str) {
        self.session_command("POST", "/url", Some(json!({ "url": url }))).unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// Runs `script` as a function body with `arguments`, returning what it returns.
    pub fn exec(&self, script: &str, args: Value) -> Value {
        self.try_exec(script, args).unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs an asynchronous script; it finishes by calling its last argument with the result.
    pub fn exec_async(&self, script: &str) -> Value {
        self.exec_async_with(script, json!([]))
    }

    /// Like `exec_async`, with arguments before the callback.
    pub fn exec_async_with(&self, script: &str, args: Value) -> Value {
        self.session_command("POST", "/execute/async", Some(json!({ "script": script, "args": args })))
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
    }

    pub fn try_exec(&self, script: &str, args: Value) -> Result<Value, String> {
        self.session_command("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    pub fn find(&self, css: &str) -> String {
        let found = self
            .session_command("POST", "/element", Some(json!({ "using": "css selector", "value": css })))
            .unwrap_or_else(|e| panic!("find {css}: {e}"));
        found[ELEMENT_KEY].as_str().unwrap_or_else(|| panic!("no element id for {css} in {found}")).to_string()
    }

    /// Clicks an element as a user would, after scrolling it into view and letting two frames
    /// pass: blocks out of sight are not rendered (`content-visibility: auto`) until the frame
    /// after they come into view, and a click before that lands on their container.
    pub fn find_and_click(&self, css: &str) {
        let id = self.find(css);
        self.exec_async_with(
            "const [css, done] = arguments;
             document.querySelector(css).scrollIntoView({ block: 'center' });
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            json!([css]),
        );
        self.session_command("POST", &format!("/element/{id}/click"), Some(json!({})))
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Types into an element as a user would: one key event (and one `input` event) per character.
    pub fn send_keys(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.session_command("POST", &format!("/element/{id}/value"), Some(json!({ "text": text })))
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Selects everything in a text field and types `text` over it.
    pub fn retype(&self, css: &str, text: &str) {
        // U+E009 is Control held down, U+E000 releases every modifier.
        self.send_keys(css, &format!("\u{E009}a\u{E000}{text}"));
    }

    /// Polls a JavaScript expression until it is truthy, or fails the test naming `what`.
    pub fn wait_until(&self, expression: &str, what: &str) {
        let script = format!("return !!({expression});");
        super::poll(&format!("{what} ({expression})"), || {
            self.try_exec(&script, json!([])).ok() == Some(Value::Bool(true))
        });
    }

    /// Log entries of one kind (`browser` for the console, `performance` for DevTools events)
    /// since the last call.
    pub fn logs(&self, kind: &str) -> Vec<Value> {
        match self.session_command("POST", "/se/log", Some(json!({ "type": kind }))) {
            Ok(Value::Array(entries)) => entries,
            other => panic!("reading {kind} logs: {other:?}"),
        }
    }

    /// Console messages at level SEVERE (errors, failed loads, CSP violations, panics).
    pub fn console_errors(&self) -> Vec<String> {
        self.logs("browser")
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.command("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
