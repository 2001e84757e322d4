//! Before the wasm runs, both pages show the default scenario's results from the build's static
//! markup (`src/bin/prerender.rs`); a link's or the autosave's scenario is not passed off as those
//! figures; and the app takes the markup over without a layout shift.

use serde_json::json;
use sitecost::chart::{render_svg, ChartKind};
use sitecost::model::{report, Scenario};

use crate::support::page::{Page, ALL_CHARTS};
use crate::support::server::Server;
use crate::support::webdriver::Browser;
use crate::support::{dist_dir, poll};

/// What the prerendered page shows: the summary, the results table's text, the hashprice
/// slider's value, and each chart image's source once loaded (`null` until then).
const PRERENDERED: &str = r#"
    const p = document.getElementById('prerendered');
    if (!p) return null;
    const images = [...p.querySelectorAll('figure[data-chart] img')];
    images.forEach(img => { img.loading = 'eager'; });
    return {
        summary: p.querySelector('#summary').textContent,
        table: p.querySelector('#results').textContent,
        hashprice: p.querySelector('#hashprice').value,
        charts: images.map(img => [img.closest('figure').dataset.chart, img.complete && img.naturalWidth > 0 ? img.getAttribute('src') : null]),
    };
"#;

/// A browser that never receives the app's wasm: what it shows is the static page alone.
fn without_wasm() -> Browser {
    let b = Browser::start();
    b.cdp("Network.enable", json!({}));
    b.cdp("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }));
    b
}

/// The SVG a chart image of the hosted page was given, as its file in `dist/`.
fn image_svg(src: &str) -> String {
    let name = src.strip_prefix("./").unwrap_or_else(|| panic!("{src} is not a file beside the page"));
    std::fs::read_to_string(dist_dir().join(name)).unwrap()
}

/// The SVG the page draws for `kind` from the defaults, as the static page carries it (one line).
fn default_svg(kind: ChartKind) -> String {
    render_svg(kind, &report(&Scenario::default())).replace('\n', " ")
}

#[test]
fn before_the_wasm_runs_the_hosted_page_shows_the_default_results_and_every_chart() {
    let server = Server::start(dist_dir(), "/");
    let b = without_wasm();
    b.goto(&server.url());
    let mut shown = serde_json::Value::Null;
    poll("the prerendered page with every chart image loaded", || {
        shown = b.exec(PRERENDERED, json!([]));
        shown["charts"].as_array().is_some_and(|c| c.len() == ALL_CHARTS.len() && c.iter().all(|c| c[1].is_string()))
    });
    // The app never started: the page is the build's markup.
    assert_eq!(b.exec("return document.querySelectorAll('canvas').length;", json!([])), json!(0));
    assert_eq!(shown["hashprice"], json!("39.83"));
    for (chart, src) in
        shown["charts"].as_array().unwrap().iter().map(|c| (c[0].as_str().unwrap(), c[1].as_str().unwrap()))
    {
        let kind = ALL_CHARTS.iter().position(|c| *c == chart).map(|i| ChartKind::ALL[i]).unwrap();
        assert_eq!(kind.name(), chart);
        assert_eq!(image_svg(src), default_svg(kind), "{chart}'s image is not the page's drawing of the defaults");
    }

    // The same figures as the app shows once it runs.
    let page = Page::open();
    assert_eq!(shown["summary"].as_str().unwrap(), page.text("#summary"));
    assert_eq!(shown["table"].as_str().unwrap(), page.text("#results"));
    assert!(page.text("#summary").contains("Texas (ERCOT)"), "the summary names the best region");
}

#[test]
fn the_single_file_carries_the_default_page_with_every_chart_inside_it() {
    let html = std::fs::read_to_string(dist_dir().join("sitecost.html")).unwrap();
    let body = &html[html.find("<div id=\"prerendered\">").expect("a prerendered page")..];
    assert!(body.contains("<table id=\"results\">"), "the results table");
    assert!(body.contains("<p id=\"summary\">"), "the summary");
    for kind in ChartKind::ALL {
        let image = format!("data-chart-image=\"{}\"", kind.name());
        let at = body.find(&image).unwrap_or_else(|| panic!("no image of {}", kind.name()));
        let tag = &body[body[..at].rfind('<').unwrap()..];
        let src = tag.split("src=\"data:image/svg+xml,").nth(1).expect("a data: URL").split('"').next().unwrap();
        let svg = src.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        let svg = svg.replace("%23", "#").replace("%25", "%");
        assert_eq!(svg, default_svg(kind), "{}'s image", kind.name());
    }
}

#[test]
fn a_link_or_an_autosave_hides_the_default_figures_until_the_app_shows_its_own() {
    let server = Server::start(dist_dir(), "/");
    let b = without_wasm();
    let hidden = "const p = document.getElementById('prerendered'); \
        return [getComputedStyle(p.querySelector('main')).visibility, getComputedStyle(p, '::after').content, \
                getComputedStyle(document.querySelector('header h1')).visibility];";
    b.goto(&server.url());
    assert_eq!(b.exec(hidden, json!([])), json!(["visible", "none", "visible"]), "the defaults, shown as such");
    b.goto(&format!("{}#s=anything", server.url()));
    b.exec("location.reload();", json!([]));
    poll("the page to reload", || b.exec("return document.readyState;", json!([])) == json!("complete"));
    assert_eq!(
        b.exec(hidden, json!([])),
        json!(["hidden", "\"Opening your scenario…\"", "visible"]),
        "a link's figures are on their way"
    );
    b.goto(&server.url());
    b.exec("localStorage.setItem('sitecost.scenario.v1', '{}'); location.reload();", json!([]));
    poll("the page to reload", || b.exec("return document.readyState;", json!([])) == json!("complete"));
    assert_eq!(b.exec(hidden, json!([]))[0], json!("hidden"), "the autosave's figures are on their way");
}

#[test]
fn the_app_takes_the_static_page_over_without_a_layout_shift() {
    for width in [1366, 390] {
        let b = Browser::start();
        b.set_window_size(width, 900);
        // Every shift from the first paint on, recorded before the page's own scripts run.
        let record = "window.shifts = []; new PerformanceObserver(list => { \
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value); \
        }).observe({ type: 'layout-shift', buffered: true });";
        b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": record }));
        let page = Page { browser: b, server: Some(Server::start(dist_dir(), "/")) };
        page.visit(&page.server.as_ref().unwrap().url());
        assert_eq!(page.browser.exec("return document.getElementById('prerendered');", json!([])), json!(null));
        std::thread::sleep(std::time::Duration::from_millis(500));
        let shifts: Vec<f64> = serde_json::from_value(page.browser.exec("return window.shifts;", json!([]))).unwrap();
        let total: f64 = shifts.iter().sum();
        assert!(total <= 0.02, "at {width} px the start shifted the layout by {total} ({shifts:?})");
        page.assert_no_console_errors();
    }
}
