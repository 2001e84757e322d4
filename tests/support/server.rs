//! A static file server on loopback for the browser tests: serves a folder under any URL prefix
//! and records every path requested, so tests can check what the page fetched.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

pub struct Server {
    pub port: u16,
    prefix: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>`; `prefix` starts and ends with `/`.
    pub fn start(root: PathBuf, prefix: &str) -> Server {
        assert!(prefix.starts_with('/') && prefix.ends_with('/'), "prefix {prefix:?}");
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (log, owned_prefix) = (requests.clone(), prefix.to_string());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, log, prefix) = (root.clone(), log.clone(), owned_prefix.clone());
                // One thread per connection: Chromium may open a connection and send nothing on it.
                thread::spawn(move || handle(stream, &root, &prefix, &log));
            }
        });
        Server { port, prefix: prefix.to_string(), requests }
    }

    /// The URL of the served folder's `index.html` directory.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }

    /// Every path requested so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn handle(mut stream: TcpStream, root: &Path, prefix: &str, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone a socket"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    // Drain the headers; the server answers GET only and needs none of them.
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 2 {
        line.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    log.lock().unwrap().push(target.clone());
    let path = target.split(['?', '#']).next().unwrap_or("");
    let file = path
        .strip_prefix(prefix)
        .filter(|rest| !rest.split('/').any(|part| part == ".."))
        .map(|rest| root.join(if rest.is_empty() { "index.html" } else { rest }));
    let response = match file.and_then(|f| std::fs::read(&f).ok().map(|body| (f, body))) {
        Some((f, body)) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                content_type(&f),
                body.len()
            );
            [head.into_bytes(), body].concat()
        }
        None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
    };
    let _ = stream.write_all(&response);
}
