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

/// Days in each month of 2025 (not a leap year), the year of the tests' and benches' hourly prices.
const MONTH_DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// The calendar month (1..=12) and day of month (1..) of a day of 2025 (0..365).
pub fn month_and_day(day_of_year: usize) -> (u8, usize) {
    let mut day = day_of_year;
    for (i, &days) in MONTH_DAYS.iter().enumerate() {
        if day < days {
            return (i as u8 + 1, day + 1);
        }
        day -= days;
    }
    (12, 31)
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
