//! Reports outside the page: `sitecost-render` on a scenario the page exported writes the
//! page's own downloads, byte for byte.

use std::process::Command;

use crate::support::page::{Page, ALL_CHARTS};

/// Clicks `button` and returns the download it makes, removing the file so that the next
/// download of the same name is not renamed.
fn download(page: &Page, button: &str, name: &str) -> Vec<u8> {
    page.browser.find_and_click(button);
    let bytes = page.browser.downloaded(name);
    std::fs::remove_file(page.browser.downloads().join(name)).unwrap();
    bytes
}

#[test]
fn sitecost_render_writes_the_pages_downloads_byte_for_byte() {
    let page = Page::open();
    let out = page.browser.downloads().join("rendered");
    for (round, changes) in [("default", &[][..]), ("edited", &[("hashprice", 55.0), ("price-texas", 0.052)][..])] {
        for &(id, value) in changes {
            let before = page.table();
            page.slide(id, value);
            page.wait_table_change(&before, id);
        }
        let scenario = download(&page, "#export-json", "sitecost-scenario.json");
        let file = page.browser.downloads().join(format!("{round}.json"));
        std::fs::write(&file, scenario).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_sitecost-render"))
            .args([file.to_str().unwrap(), "--out", out.join(round).to_str().unwrap()])
            .output()
            .unwrap();
        assert!(output.status.success(), "{round}: {}", String::from_utf8_lossy(&output.stderr));
        let rendered = |name: &str| std::fs::read(out.join(round).join(name)).unwrap();
        for chart in ALL_CHARTS {
            let name = format!("sitecost-{chart}.svg");
            let svg = download(&page, &format!("#export-svg-{chart}"), &name);
            assert!(svg == rendered(&name), "{round}: {name} differs from the page's download");
        }
        for (button, name) in
            [("#export-csv", "sitecost-results.csv"), ("#export-stay-or-move", "sitecost-stay-or-move.csv")]
        {
            assert!(download(&page, button, name) == rendered(name), "{round}: {name} differs");
        }
        let summary = String::from_utf8(rendered("summary.md")).unwrap();
        assert!(summary.contains(&page.text("#summary")), "{round}: {summary}");
    }
}

/// Replaces the clipboard with one that keeps what it is given in `window.copied`, or refuses
/// while `window.refuseCopy` is set.
const FAKE_CLIPBOARD: &str = "Object.defineProperty(navigator, 'clipboard', { value: {
    write: items => window.refuseCopy ? Promise.reject(new DOMException('denied', 'NotAllowedError'))
        : (window.copied = items, Promise.resolve()) } });";

#[test]
fn a_chart_copies_as_a_png_or_says_the_browser_refused() {
    let page = Page::open();
    let b = &page.browser;
    b.exec(FAKE_CLIPBOARD, serde_json::json!([]));
    b.find_and_click("#copy-png-profit-by-region");
    b.wait_until("window.copied !== undefined", "the copy");
    let copied = b.exec_async(
        "const done = arguments[arguments.length - 1];
         const item = window.copied[0];
         item.getType('image/png').then(blob => blob.arrayBuffer()).then(bytes =>
             done({ types: item.types, head: Array.from(new Uint8Array(bytes).slice(0, 24)) }));",
    );
    assert_eq!(copied["types"], serde_json::json!(["image/png"]));
    let head: Vec<u8> = serde_json::from_value(copied["head"].clone()).unwrap();
    assert_eq!(&head[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(head[16..20].try_into().unwrap()), 1280, "twice the page's 640 px");
    let status = "#copy-png-profit-by-region ~ .copy-status";
    b.wait_until(
        &format!("document.querySelector('{status}').textContent === 'chart copied as an image.'"),
        "the status",
    );

    b.exec("window.refuseCopy = true;", serde_json::json!([]));
    b.find_and_click("#copy-png-break-even");
    let refused = "The browser refused to copy the chart as an image: download its PNG instead.";
    b.wait_until(
        &format!("document.querySelector('#copy-png-break-even ~ .copy-status').textContent === '{refused}'"),
        "the refusal",
    );
    page.assert_no_console_errors();
}
