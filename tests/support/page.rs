//! The app open in a browser, with helpers that speak the page's DOM contract.

use serde_json::{json, Value};
use sitecost::chart::ChartKind;
use sitecost::model::Report;

use super::server::Server;
use super::webdriver::Browser;

/// The `data-chart` names of the snapshot charts, at the top of the results.
pub const CHARTS: [&str; 3] = ["profit-vs-hashprice", "break-even", "profit-by-region"];

/// Every chart of the page, in page order: the snapshot charts, then the decision charts.
pub const ALL_CHARTS: [&str; 8] = [
    "profit-vs-hashprice",
    "break-even",
    "profit-by-region",
    "cumulative-cash",
    "payback",
    "stay-or-move",
    "sensitivity",
    "price-duration",
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

/// For each shape `[x0, y0, x1, y1, r, g, b]` of `arguments[1]` (a box in CSS pixels and a
/// colour), whether `arguments[0]`'s canvas shows that colour within `arguments[2]` per channel
/// somewhere in the box; and the canvas's width in CSS pixels (the app draws at the device pixel
/// ratio, 1 to 3).
const CANVAS_SHAPES: &str = r#"
    const [chart, shapes, tolerance] = arguments;
    const c = document.querySelector(`figure[data-chart="${chart}"] canvas`);
    const ratio = Math.min(3, Math.max(1, devicePixelRatio));
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const near = (i, r, g, b) => Math.abs(d[i] - r) <= tolerance && Math.abs(d[i + 1] - g) <= tolerance
        && Math.abs(d[i + 2] - b) <= tolerance && d[i + 3] === 255;
    const found = shapes.map(([x0, y0, x1, y1, r, g, b]) => {
        const [left, top] = [Math.max(0, Math.floor(x0 * ratio)), Math.max(0, Math.floor(y0 * ratio))];
        const [right, bottom] = [Math.min(c.width, Math.ceil(x1 * ratio)), Math.min(c.height, Math.ceil(y1 * ratio))];
        for (let y = top; y < bottom; y++) {
            for (let x = left; x < right; x++) {
                if (near((y * c.width + x) * 4, r, g, b)) return true;
            }
        }
        return false;
    });
    return [Math.round(c.width / ratio), found];
"#;

/// The chart whose `<figure>` has `data-chart="{chart}"`.
pub fn chart_kind(chart: &str) -> ChartKind {
    ChartKind::ALL.into_iter().find(|k| k.name() == chart).unwrap_or_else(|| panic!("no chart {chart}"))
}

/// The shapes that `kind` of `report`, drawn `width` CSS pixels wide, paints in one colour over
/// whole pixels, each as its box (CSS pixels) and its colour blended over white as a canvas
/// shows it: bars, dots and map cells at least 3 px across, and straight lines 2 px wide or more
/// (legend samples, ticks). White shapes (the background) are left out. Read from the chart's
/// own drawing, rendered to SVG here with the cursor left out, as the page draws it; the page
/// lays a chart out as the SVG does, text aside.
pub fn chart_shapes(kind: ChartKind, report: &Report, width: u32) -> Vec<([f64; 4], [u8; 3])> {
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    let data = kind.data(report);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, data.size_at(width)).into_drawing_area();
        data.draw_framed(&area, None).expect("drawing to an SVG string cannot fail");
        area.present().expect("presenting an SVG string cannot fail");
    }
    let mut shapes = Vec::new();
    for element in svg.split('<').skip(1) {
        let attr = |name: &str| element.split(&format!(" {name}=\"")).nth(1).and_then(|v| v.split('"').next());
        let number = |name: &str| attr(name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        let (x, y, w, h, r) = (number("x"), number("y"), number("width"), number("height"), number("r"));
        let (cx, cy) = (number("cx"), number("cy"));
        let (bounds, paint) = match element.split([' ', '/', '>']).next() {
            Some("rect") if w >= 3.0 && h >= 3.0 => ([x, y, x + w, y + h], attr("fill")),
            Some("circle") if r >= 3.0 => ([cx - r, cy - r, cx + r, cy + r], attr("fill")),
            Some("polyline") if number("stroke-width") >= 2.0 => {
                let points: Vec<(f64, f64)> = attr("points")
                    .unwrap_or_default()
                    .split_whitespace()
                    .filter_map(|p| p.split_once(',').and_then(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?))))
                    .collect();
                let xs = || points.iter().map(|p| p.0);
                let ys = || points.iter().map(|p| p.1);
                let (x0, x1) = (xs().fold(f64::MAX, f64::min), xs().fold(f64::MIN, f64::max));
                let (y0, y1) = (ys().fold(f64::MAX, f64::min), ys().fold(f64::MIN, f64::max));
                let straight = x0 == x1 || y0 == y1;
                if !straight || (x1 - x0) + (y1 - y0) < 3.0 {
                    continue;
                }
                let reach = number("stroke-width") / 2.0 + 1.0;
                ([x0 - reach, y0 - reach, x1 + reach, y1 + reach], attr("stroke"))
            }
            _ => continue,
        };
        let Some(hex) = paint.and_then(|p| p.strip_prefix('#')).filter(|h| h.len() == 6) else { continue };
        let opacity = attr("opacity").and_then(|v| v.parse::<f64>().ok()).unwrap_or(1.0);
        let channel = |k: usize| {
            let c = f64::from(u8::from_str_radix(&hex[k..k + 2], 16).expect("a hex colour"));
            (255.0 + (c - 255.0) * opacity).round() as u8
        };
        let color = [channel(0), channel(2), channel(4)];
        if color.iter().any(|&c| c < 245) {
            shapes.push((bounds, color));
        }
    }
    shapes
}

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
            &format!(
                "document.querySelectorAll('#results tr[data-region=total]').length === 1 \
                 && document.querySelectorAll('figure[data-chart] canvas').length === {} \
                 && (location.hash.includes('embed') || document.getElementById('share-link'))",
                ALL_CHARTS.len()
            ),
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

    /// Picks `value` in the `<select>` `id` the way a user does (a `change` event).
    pub fn choose(&self, id: &str, value: &str) {
        self.browser.exec(
            "const el = document.getElementById(arguments[0]);
             el.value = arguments[1];
             el.dispatchEvent(new Event('change', { bubbles: true }));",
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
                // "never": a month that does not come within the projection; "none": no
                // break-even (a site without power). Both read as infinity.
                let parsed = if value == "never" || value == "none" {
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
    /// until it shows `report`'s chart, and returns its print.
    pub fn drawn(&self, chart: &str, report: &Report) -> (i64, i64) {
        self.browser
            .exec(&format!("document.querySelector('figure[data-chart=\"{chart}\"]').scrollIntoView();"), json!([]));
        self.wait_shows(chart, report);
        self.canvas(chart)
    }

    /// The colours of `report`'s chart that `chart`'s canvas shows in none of the shapes the
    /// chart paints them in (see [`chart_shapes`]): none when it shows that chart, all of them
    /// when it is blank.
    pub fn missing_colors(&self, chart: &str, report: &Report) -> Vec<[u8; 3]> {
        let width = self.browser.exec(CANVAS_SHAPES, json!([chart, [], 0]))[0].as_u64().expect("a width") as u32;
        let shapes = chart_shapes(chart_kind(chart), report, width);
        assert!(!shapes.is_empty(), "{chart} at {width} px has no shape to look for");
        let arguments: Vec<Value> =
            shapes.iter().map(|([x0, y0, x1, y1], [r, g, b])| json!([x0, y0, x1, y1, r, g, b])).collect();
        // Alpha blending on a canvas may round a channel a step or two off the exact blend.
        let found = self.browser.exec(CANVAS_SHAPES, json!([chart, arguments, 3]));
        let found = found[1].as_array().expect("one answer per shape");
        let mut missing: Vec<[u8; 3]> = Vec::new();
        for (_, color) in &shapes {
            let seen = shapes.iter().zip(found).any(|((_, c), f)| c == color && *f == json!(true));
            if !seen && !missing.contains(color) {
                missing.push(*color);
            }
        }
        missing
    }

    /// Waits until `chart`'s canvas shows `report`'s chart: every colour it paints is there.
    pub fn wait_shows(&self, chart: &str, report: &Report) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let missing = self.missing_colors(chart, report);
            if missing.is_empty() {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "{chart} does not show its chart: no pixel of {missing:?}");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// The text of `chart`'s caption, without its buttons.
    pub fn caption(&self, chart: &str) -> String {
        let text = self.browser.exec(
            "return [...document.querySelector(`figure[data-chart=\"${arguments[0]}\"] figcaption`).childNodes]
                 .filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('');",
            json!([chart]),
        );
        text.as_str().unwrap_or_else(|| panic!("no caption for {chart}")).to_string()
    }

    /// Each chart's [`Page::canvas`] print once every one of them is drawn (near charts draw in
    /// the browser's idle time, after the page is ready).
    pub fn drawn_prints(&self, charts: &[&str]) -> Vec<(i64, i64)> {
        let mut prints = Vec::new();
        super::poll("the charts to be drawn", || {
            prints = charts.iter().map(|c| self.canvas(c)).collect::<Vec<_>>();
            prints.iter().all(|&(checksum, _)| checksum != 0)
        });
        prints
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
