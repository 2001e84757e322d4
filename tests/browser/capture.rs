//! A full-page capture (DevTools' "Capture full size screenshot") of the default page shows every
//! chart drawn, every region's controls, the tables, panels and footnote, not blank boxes.

use serde_json::json;

use crate::support::page::{Page, ALL_CHARTS};

/// For each selector, the share of the capture's pixels inside that element's box (in page
/// coordinates) that are not the page's white or its grey background: blank boxes score ~0.
const INKED: &str = "const [png, selectors, done] = arguments;
    const bytes = Uint8Array.fromBase64(png);
    createImageBitmap(new Blob([bytes], { type: 'image/png' })).then(bitmap => {
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        done(selectors.map(css => {
            const r = document.querySelector(css).getBoundingClientRect();
            const [x, y] = [Math.round(r.left + scrollX), Math.round(r.top + scrollY)];
            const [w, h] = [Math.round(r.width), Math.round(r.height)];
            const data = ctx.getImageData(x, y, w, h).data;
            let inked = 0;
            for (let i = 0; i < data.length; i += 4) {
                if (Math.min(data[i], data[i + 1], data[i + 2]) < 200) inked++;
            }
            return inked / (w * h);
        }));
    });";

#[test]
fn a_full_page_capture_two_seconds_after_load_shows_every_chart_and_region() {
    let page = Page::open();
    let b = &page.browser;
    b.set_window_size(1366, 768);
    page.visit(&page.server.as_ref().unwrap().url());
    std::thread::sleep(std::time::Duration::from_secs(2));
    let shot = b.cdp("Page.captureScreenshot", json!({ "format": "png", "captureBeyondViewport": true }));
    let png = shot["data"].as_str().unwrap();
    let mut selectors: Vec<String> = ALL_CHARTS.iter().map(|c| format!("figure[data-chart={c}] canvas")).collect();
    selectors.extend(["kazakhstan", "siberia"].map(|id| format!("#price-{id}")));
    selectors.extend(["#stay-or-move tbody", ".share .buttons", "footer ul"].map(String::from));
    let inked: Vec<f64> = serde_json::from_value(b.exec_async_with(INKED, json!([png, selectors]))).unwrap();
    for (css, share) in selectors.iter().zip(&inked) {
        // A drawn chart inks well over 2 % of its box (axes, labels, bars or lines); a slider its
        // track; a table its figures. Blank, each is 0.
        assert!(*share > 0.02, "{css} is blank in the capture ({share:.4} inked)");
    }
    // The capture was taken beyond the viewport: the last chart lies far below it.
    let last = b.exec(
        "return document.querySelector('figure[data-chart=price-duration]').getBoundingClientRect().top > innerHeight;",
        json!([]),
    );
    assert_eq!(last, json!(true));
    page.assert_no_console_errors();
}
