//! Hourly prices in the page: Texas's ERCOT profile in the table, and a profile imported, confirmed, kept in the link and cleared.

use crate::support::month_and_day;
use crate::support::page::Page;
use sitecost::model::{report, Action, Scenario};

#[test]
fn an_imported_hourly_profile_changes_the_figures_and_survives_the_link() {
    let page = Page::open();
    // Texas's seed profile: the page shows the model's hours mined and price paid.
    let r = report(&Scenario::default());
    assert_eq!(page.metric("texas", "mined_hours_pct"), r.rows[1].mined_hours_pct);
    assert!(page.metric("texas", "mined_hours_pct") < 100.0, "a flexible site skips the dear hours");
    assert!(page.text("#profile-texas").contains("ERCOT"), "the assumption and the source are stated");

    // 24 hours for Wyoming: half at 2 ¢, half at $100/MWh (10 ¢), one bad row first.
    let mut csv = String::from("timestamp,usd_per_mwh\n2025-07-01T00:00Z,abc\n");
    for h in 0..24 {
        csv.push_str(&format!("2025-07-01T{h:02}:00Z,{}\n", if h < 12 { 20 } else { 100 }));
    }
    page.choose("prices-region", "wyoming");
    page.paste("#import-prices-text", &csv);
    page.browser.wait_until(
        "document.querySelector('#import-prices-preview li[data-line=\"2\"]') !== null",
        "the bad row named by its line",
    );
    assert!(page.attr("#import-prices-confirm", "disabled").as_bool().unwrap_or(true), "nothing to confirm yet");
    page.paste("#import-prices-text", &csv.replace("2025-07-01T00:00Z,abc\n", ""));
    page.browser.wait_until("!document.getElementById('import-prices-confirm').disabled", "a clean preview");
    assert_eq!(page.text("#import-prices-preview [data-stat=count]"), "24");
    let before = page.table();
    page.browser.find_and_click("#import-prices-confirm");
    page.wait_table_change(&before, "the confirmed profile");

    let mut s = Scenario::default();
    let rows: Vec<(Option<u8>, f64)> = (0..24).map(|h| (Some(7), if h < 12 { 0.02 } else { 0.1 })).collect();
    s.apply(&Action::SetPriceProfile("wyoming".into(), rows)).unwrap();
    // The price-duration chart follows the region picked in the panel, now that it has hours.
    s.apply(&Action::SetPriceDurationRegion(Some("wyoming".into()))).unwrap();
    let expected = report(&s);
    assert_eq!(expected.price_duration, Some(2));
    page.drawn("price-duration", &expected);
    assert_eq!(page.metric("wyoming", "mined_hours_pct"), 50.0);
    assert_eq!(page.metric("wyoming", "margin_usd_per_mw_day"), expected.rows[2].margin_usd_per_mw_day);
    assert_eq!(
        page.browser.exec("return document.getElementById('price-wyoming-value').value;", serde_json::json!([])),
        "0.06"
    );

    // The link carries the profile: a fresh page shows the same table.
    let table = page.table();
    page.browser.wait_until("location.hash.includes('*0_24_')", "the address bar to carry the profile");
    let link = page.browser.exec("return location.href;", serde_json::json!([])).as_str().unwrap().to_string();
    let fresh = Page::load(&link);
    assert_eq!(fresh.table(), table);

    // Clear: Wyoming is flat again at 6 ¢.
    page.choose("prices-region", "wyoming");
    let before = page.table();
    page.browser.find_and_click("#clear-prices");
    page.wait_table_change(&before, "the cleared profile");
    assert_eq!(page.metric("wyoming", "mined_hours_pct"), 100.0, "flat 6 ¢ is below 6.88 ¢: every hour");
    page.assert_no_console_errors();
}

#[test]
fn a_pasted_year_is_read_in_full_but_neither_it_nor_its_problems_laid_out_at_once() {
    let page = Page::open();
    // 8 760 hours for Wyoming: a year, too long to lay out in a text area at typing speed.
    let mut csv = String::from("timestamp,usd_per_mwh\n");
    for h in 0..8760 {
        let (month, day) = month_and_day(h / 24);
        csv.push_str(&format!("2025-{month:02}-{day:02}T{:02}:00Z,{}\n", h % 24, 20 + h % 80));
    }
    page.choose("prices-region", "wyoming");
    // A year of bad rows: every one counted, the file's problem and the first 99 lines listed.
    page.paste("#import-prices-text", &csv.replace(",", ",x").replacen(",xusd", ",usd", 1));
    page.browser.wait_until("document.querySelector('#import-prices-preview .more') !== null", "the problems");
    assert!(page.text("#import-prices-preview .error").starts_with("8,761 problems"));
    assert!(page.text("#import-prices-preview li:first-child").starts_with("0 valid price rows"));
    let listed = page.browser.exec(
        "return [...document.querySelectorAll('#import-prices-preview li[data-line]')].map(li => li.dataset.line);",
        serde_json::json!([]),
    );
    assert_eq!(listed, serde_json::json!((2..101).map(|l: u32| l.to_string()).collect::<Vec<_>>()));
    assert_eq!(page.text("#import-prices-preview .more"), "and 8,661 more, not listed");
    page.paste("#import-prices-text", &csv);
    page.browser.wait_until("!document.getElementById('import-prices-confirm').disabled", "a clean preview");
    assert_eq!(page.text("#import-prices-preview [data-stat=count]"), "8,760");
    assert_eq!(
        page.browser.exec("return document.getElementById('import-prices-text').value;", serde_json::json!([])),
        "",
        "the area is emptied rather than laid out"
    );
    assert!(page.text(".price-import .held").starts_with("8,761 lines read"), "{}", page.text(".price-import .held"));
    // A short paste is shown again, and the note goes.
    page.paste("#import-prices-text", "timestamp,usd_per_mwh\n2025-07-01T00:00Z,20\n");
    page.browser.wait_until("document.querySelector('.price-import .held') === null", "the note gone");
    assert_eq!(
        page.browser.exec("return document.getElementById('import-prices-text').value;", serde_json::json!([])),
        "timestamp,usd_per_mwh\n2025-07-01T00:00Z,20\n"
    );
    page.assert_no_console_errors();
}
