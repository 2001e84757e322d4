//! User-defined regions in the built page: add, rename (hostile names stay text), import, remove, restore, sort.

use crate::support::page::Page;
use serde_json::json;

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

/// The region ids of the results table's rows, top to bottom.
fn row_ids(page: &Page) -> Vec<String> {
    let v = page.browser.exec(
        "return [...document.querySelectorAll('#results tbody tr[data-region]')].map(tr => tr.dataset.region);",
        json!([]),
    );
    serde_json::from_value(v).unwrap()
}

#[test]
fn an_added_region_with_a_hostile_name_shows_literally_everywhere() {
    let page = Page::open();
    let b = &page.browser;
    // Count alerts instead of letting one block the page, and count elements before and after.
    b.exec("window.__alerts = 0; window.alert = () => { window.__alerts += 1; };", json!([]));
    let elements_before = b.exec("return document.querySelectorAll('img, script, iframe, b').length;", json!([]));

    b.find_and_click("#add-region");
    b.wait_until("document.querySelector('#results tr[data-region=\"new-site\"]')", "the new region's row");
    for id in ["price-new-site", "cap-new-site", "uptime-new-site", "name-new-site", "remove-new-site"] {
        b.wait_until(&format!("document.getElementById('{id}')"), id);
    }
    page.paste("#name-new-site", HOSTILE);
    b.wait_until(
        &format!(
            "document.querySelector('#results tr[data-region=\"new-site\"] th').textContent.startsWith({})",
            json!(HOSTILE)
        ),
        "the hostile name in the table",
    );
    let legend = b.exec(
        "return [...document.querySelectorAll('figure[data-chart=\"profit-vs-hashprice\"] [data-legend] li')].map(li => li.textContent);",
        json!([]),
    );
    assert!(legend.as_array().unwrap().contains(&json!(HOSTILE)), "legend: {legend}");
    assert_eq!(b.exec("return document.getElementById('name-new-site').value;", json!([])), json!(HOSTILE));
    assert!(page.text("fieldset[data-region=\"new-site\"] legend").contains(HOSTILE));

    // Renaming keeps the id: the DOM contract still finds the region's controls.
    page.paste("#name-new-site", "\"; DROP TABLE");
    b.wait_until(
        "document.querySelector('#results tr[data-region=\"new-site\"] th').textContent.startsWith('\"; DROP TABLE')",
        "the second name",
    );
    let emoji = "🚀".repeat(60);
    page.paste("#name-new-site", &emoji);
    b.wait_until(
        &format!(
            "document.querySelector('#results tr[data-region=\"new-site\"] th').textContent.startsWith({})",
            json!(emoji)
        ),
        "the emoji name",
    );
    page.slide("price-new-site", 0.03);
    b.wait_until(
        "document.querySelector('tr[data-region=\"new-site\"] td[data-metric=allocated_mw]').dataset.value !== '0'",
        "the cheap new site to get fleet",
    );
    // Now the best region, its name goes into the page title, as text.
    page.paste("#name-new-site", HOSTILE);
    b.wait_until(&format!("document.title === {}", json!(format!("sitecost \u{2014} best: {HOSTILE}"))), "the title");

    // The source note is the region's citation in the footnote, as text too.
    page.paste("#note-new-site", "<b>Broker sheet</b>, May 2026");
    b.wait_until(
        "document.getElementById('sources').textContent.includes('<b>Broker sheet</b>, May 2026')",
        "the note in the sources",
    );

    assert_eq!(b.exec("return window.__alerts;", json!([])), json!(0), "an alert fired");
    assert_eq!(
        b.exec("return document.querySelectorAll('img, script, iframe, b').length;", json!([])),
        elements_before
    );
    // A 60-emoji name must not widen the page beyond the window.
    assert_eq!(b.exec("return document.documentElement.scrollWidth <= window.innerWidth;", json!([])), json!(true));
    page.assert_no_console_errors();
}

#[test]
fn a_csv_import_previews_errors_and_adds_only_the_good_rows() {
    let page = Page::open();
    let b = &page.browser;
    let csv = "name,price_usd_per_kwh,cap_mw,uptime_pct,source\n\
               Paraguay hydro,0.03,80,98,\"Broker sheet, 2026\"\n\
               Bad price,abc,10,90,\n\
               North Dakota flare,0.02,40,92,\n\
               Texas (ERCOT),0.05,10,90,\n";
    page.paste("#import-sites-text", csv);
    b.wait_until("document.querySelectorAll('#import-preview tbody tr').length === 4", "the preview");
    assert!(page.text("#import-preview tr[data-line=\"3\"]").contains("\u{201c}abc\u{201d} is not a number"));
    assert!(page.text("#import-preview tr[data-line=\"5\"]").contains("duplicate name"));
    assert_eq!(row_ids(&page).len(), 6, "nothing changes before confirming");
    assert_eq!(page.text("#import-sites-confirm"), "Add 2 sites");
    b.find_and_click("#import-sites-confirm");
    b.wait_until("document.querySelectorAll('#results tbody tr[data-region]').length === 8", "two new rows");
    let ids = row_ids(&page);
    assert_eq!(&ids[6..], ["paraguay-hydro", "north-dakota-flare"]);
    assert_eq!(page.attr("tr[data-region=\"paraguay-hydro\"] td[data-metric=allocated_mw]", "data-value"), json!("80"));
    assert_eq!(b.exec("return document.getElementById('import-preview');", json!([])), json!(null));
    page.assert_no_console_errors();
}

#[test]
fn removing_a_seed_region_can_be_undone_and_seeds_restored() {
    let page = Page::open();
    let b = &page.browser;
    b.find_and_click("#remove-texas");
    b.wait_until("!document.querySelector('#results tr[data-region=texas]')", "Texas to go");
    assert!(page.text("#removed-notice").contains("Removed Texas (ERCOT)."));
    b.find_and_click("#undo-remove");
    b.wait_until("document.querySelector('#results tr[data-region=texas]')", "Texas to come back");
    assert_eq!(row_ids(&page), ["kazakhstan", "texas", "wyoming", "new-york", "georgia", "siberia"]);

    b.find_and_click("#remove-siberia");
    b.wait_until("!document.querySelector('#results tr[data-region=siberia]')", "Siberia to go");
    b.find_and_click("#remove-kazakhstan");
    b.wait_until("!document.querySelector('#results tr[data-region=kazakhstan]')", "Kazakhstan to go");
    b.find_and_click("#restore-seeds");
    b.wait_until("document.querySelectorAll('#results tbody tr[data-region]').length === 6", "the seeds back");
    // Restored seeds come back at the end, in seed order.
    assert_eq!(row_ids(&page), ["texas", "wyoming", "new-york", "georgia", "kazakhstan", "siberia"]);
    // The restored seeds carry their defaults: Kazakhstan's 100 MW cap.
    assert_eq!(b.exec("return document.getElementById('cap-kazakhstan-value').value;", json!([])), json!("100"));

    b.find_and_click("#up-kazakhstan");
    b.wait_until(
        "document.querySelector('#results tbody tr:nth-child(4)').dataset.region === 'kazakhstan'",
        "the move up",
    );
    page.assert_no_console_errors();
}

#[test]
fn the_table_sorts_by_any_column() {
    let page = Page::open();
    let b = &page.browser;
    let margins = |page: &Page| -> Vec<f64> {
        let v = page.browser.exec(
            "return [...document.querySelectorAll('#results tbody td[data-metric=margin_usd_per_mw_day]')].map(td => +td.dataset.value);",
            json!([]),
        );
        serde_json::from_value(v).unwrap()
    };
    b.find_and_click("button[data-sort=margin_usd_per_mw_day]");
    b.wait_until("document.querySelector('th[aria-sort=ascending]')", "an ascending sort");
    let up = margins(&page);
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "{up:?}");
    b.find_and_click("button[data-sort=margin_usd_per_mw_day]");
    b.wait_until("document.querySelector('th[aria-sort=descending]')", "a descending sort");
    let down = margins(&page);
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
    b.find_and_click("button[data-sort=name]");
    b.wait_until("document.querySelector('#results tbody tr').dataset.region === 'georgia'", "names A to Z");
    // The total stays last, whatever the order.
    assert_eq!(
        b.exec("return [...document.querySelectorAll('#results tr')].pop().dataset.region;", json!([])),
        json!("total")
    );
    page.assert_no_console_errors();
}
