//! Shared helpers for the browser tests: a WebDriver client, a static file server, the built app.
#![allow(dead_code)]

pub mod link;
pub mod page;
pub mod server;
pub mod webdriver;

use std::path::PathBuf;

/// The release build that `make dist` writes, which every browser test loads.
pub fn dist_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: run `make test` (or `make dist` before `cargo test`)",
        dir.display()
    );
    dir
}

/// Calls `done` every 20 ms until it is true, failing the test after 15 s with `what`.
pub fn poll(what: &str, done: impl FnMut() -> bool) {
    poll_or(what, &String::new, done)
}

/// [`poll`], and on a timeout also says what `state` tells then (what there was instead).
pub fn poll_or(what: &str, state: &dyn Fn() -> String, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "timed out waiting for {what} {}", state());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
