//! The app open in a browser, with helpers that speak the page's DOM contract.

use serde_json::{json, Value};

use super::server::Server;
use super::webdriver::Browser;

/// The `data-chart` names of the snapshot charts, at the top of the results.
pub const CHARTS: [&str; 3] = ["profit-vs-hashprice", "break-even", "profit-by-region"];

/// Every chart of the page, in page order: the snapshot charts, then the decision charts.
pub const ALL_CHARTS: [&str; 7] = [
    "profit-vs-hashprice",
    "break-even",
    "profit-by-region",
    "cumulative-cash",
    "payback",
    "stay-or-move",
    "sensitivity",
];

/// A browser showing the app, and the server it came from (none for `file://`).
pub struct Page {
    pub browser: Browser,
    pub server: Option<Server>,
}

/// Reads every `data-value` of the results table as (row, metric, value).
const READ_TABLE: &str = r#"
    return [...document.querySelectorAll('#results tr[data-region] td[data-metric]')].map(td =>
        [td.parentElement.dataset.region, td.dataset.metric, td.dataset.value]);
"#;

/// A checksum of a chart's pixels and how many of them are not white.
const CANVAS_PRINT: &str = r#"
    const c = document.querySelector(`figure[data-chart="${arguments[0]}"] canvas`);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let hash = 0, ink = 0;
    for (let i = 0; i < d.length; i += 4) {
        hash = (Math.imul(hash, 31) + d[i] * 7 + d[i + 1] * 13 + d[i + 2]) | 0;
        if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) ink++;
    }
    return [hash, ink];
"#;

impl Page {
    /// The hosted build, served from the root of a loopback server.
    pub fn open() -> Page {
        Page::open_hosted("/")
    }

    /// The hosted build, served under `prefix` (a sub-path such as `/reports/2026/sitecost/`).
    pub fn open_hosted(prefix: &str) -> Page {
        let server = Server::start(super::dist_dir(), prefix);
        let page = Page::load(&server.url());
        Page { server: Some(server), ..page }
    }

    /// The single-file build, opened from disk as a double-click would.
    pub fn open_single_file() -> Page {
        let file = super::dist_dir().join("sitecost.html");
        assert!(file.is_file(), "{} is missing: `make dist` writes it", file.display());
        Page::load(&format!("file://{}", file.display()))
    }

    /// Any URL of the app (a link, an embed) in a fresh browser.
    pub fn load(url: &str) -> Page {
        let browser = Browser::start();
        // Forget what the browser did before our page (its own new-tab page), so the
        // performance log holds only the page's requests.
        browser.goto("about:blank");
        browser.logs("performance");
        let page = Page { browser, server: None };
        page.visit(url);
        page
    }

    /// Opens `url` in this page's browser and waits for the app to render.
    pub fn visit(&self, url: &str) {
        self.browser.goto(url);
        self.browser.wait_until(
            "document.querySelectorAll('#results tr[data-region=total]').length === 1 \
             && document.querySelectorAll('figure[data-chart] canvas').length === 7 \
             && (location.hash.includes('embed') || document.getElementById('share-link'))",
            "the app to render its table and charts",
        );
    }

    /// Moves a range input the way a drag does: set its value and fire `input`.
    pub fn slide(&self, id: &str, value: f64) {
        self.browser.exec(
            "const el = document.getElementById(arguments[0]);
             el.value = String(arguments[1]);
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            json!([id, value]),
        );
    }

    /// Replaces a text field's content at once, as a paste does, with one `input` event.
    pub fn paste(&self, css: &str, text: &str) {
        self.browser.exec(
            "const el = document.querySelector(arguments[0]);
             el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            json!([css, text]),
        );
    }

    pub fn table(&self) -> Vec<(String, String, f64)> {
        let rows = self.browser.exec(READ_TABLE, json!([]));
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let value = r[2].as_str().unwrap();
                // "never": a month that does not come within the projection.
                let parsed = if value == "never" {
                    f64::INFINITY
                } else {
                    value.parse::<f64>().unwrap_or_else(|_| panic!("data-value {value:?} is not a number"))
                };
                (r[0].as_str().unwrap().to_string(), r[1].as_str().unwrap().to_string(), parsed)
            })
            .collect()
    }

    pub fn metric(&self, region: &str, metric: &str) -> f64 {
        self.table()
            .into_iter()
            .find(|(r, m, _)| r == region && m == metric)
            .unwrap_or_else(|| panic!("no {metric} for {region}"))
            .2
    }

    /// Scrolls `chart` into view (charts out of sight are drawn when they come near it), waits
    /// until it is drawn, and returns its print.
    pub fn drawn(&self, chart: &str) -> (i64, i64) {
        self.browser
            .exec(&format!("document.querySelector('figure[data-chart=\"{chart}\"]').scrollIntoView();"), json!([]));
        super::poll(&format!("{chart} to be drawn"), || self.canvas(chart).1 > 2000);
        self.canvas(chart)
    }

    pub fn canvas(&self, chart: &str) -> (i64, i64) {
        let v = self.browser.exec(CANVAS_PRINT, json!([chart]));
        (v[0].as_i64().unwrap(), v[1].as_i64().unwrap())
    }

    pub fn text(&self, css: &str) -> String {
        let v = self
            .browser
            .exec("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", json!([css]));
        v.as_str().unwrap_or_else(|| panic!("no element {css}")).to_string()
    }

    pub fn attr(&self, css: &str, name: &str) -> Value {
        self.browser.exec("return document.querySelector(arguments[0]).getAttribute(arguments[1]);", json!([css, name]))
    }

    /// Waits until the table differs from `before`.
    pub fn wait_table_change(&self, before: &[(String, String, f64)], what: &str) {
        super::poll(&format!("the table to change after {what}"), || self.table() != before);
    }

    /// Waits until a chart's pixels differ from `before`.
    pub fn wait_canvas_change(&self, chart: &str, before: (i64, i64)) {
        super::poll(&format!("{chart} to redraw"), || self.canvas(chart) != before);
    }

    pub fn assert_no_console_errors(&self) {
        let errors = self.browser.console_errors();
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }
}
