//! The autosave and the address bar: kept when the page is hidden, a pasted link loads, an embed writes nothing.

use serde_json::{json, Value};
use sitecost::model::codec::{encode_link, fragment_of};
use sitecost::model::{Action, Scenario};

use crate::support::page::Page;
use crate::support::server::Server;

/// The autosave as the page reads it back.
fn saved(page: &Page) -> Value {
    page.browser.exec("return localStorage.getItem('sitecost.scenario.v1');", json!([]))
}

fn address(page: &Page) -> String {
    page.browser.exec("return location.href;", json!([])).as_str().unwrap().to_string()
}

/// The region ids of the results table, in order.
fn row_ids(page: &Page) -> Vec<String> {
    let ids = page.browser.exec(
        "return [...document.querySelectorAll('#results tbody tr[data-region]')].map(tr => tr.dataset.region);",
        json!([]),
    );
    ids.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[test]
fn a_change_is_kept_when_the_page_is_hidden_before_the_save_delay_ends() {
    let page = Page::open();
    // Opened on the defaults with nothing saved, a reload finds them anyway: nothing is written
    // before a change (encoding a year of hourly prices at start-up would be a long task).
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(saved(&page), Value::Null, "the opening defaults were written");
    let (before_save, before_address) = (saved(&page), address(&page));
    // Hold back every timer of the save delay, 150 ms, so that only `pagehide` can save.
    page.browser.exec(
        "const later = window.setTimeout;
         window.heldDelays = 0;
         window.setTimeout = (f, ms, ...rest) => ms === 150 ? (window.heldDelays++, 0) : later(f, ms, ...rest);",
        json!([]),
    );
    let table = page.table();
    page.slide("hashprice", 70.0);
    page.wait_table_change(&table, "the hashprice slider");
    assert_eq!(
        page.browser.exec("return window.heldDelays;", json!([])),
        json!(2),
        "the save and the share panel's link each wait 150 ms"
    );
    assert_eq!(saved(&page), before_save, "nothing is saved before the delay ends");
    assert_eq!(address(&page), before_address, "the address bar waits as well");

    page.browser.exec("window.dispatchEvent(new Event('pagehide'));", json!([]));
    let link = saved(&page).as_str().expect("a saved scenario").to_string();
    assert_ne!(Value::from(link.clone()), before_save, "pagehide saves the change at once");
    assert!(address(&page).ends_with(&fragment_of(&link, false)), "the address bar holds the same link");
    // The plain address opens what was saved.
    let table = page.table();
    page.visit(&page.server.as_ref().unwrap().url());
    assert_eq!(page.table(), table, "a reload shows the change");
    page.assert_no_console_errors();
}

#[test]
fn a_link_pasted_into_the_address_bar_of_the_open_page_loads_its_scenario() {
    let page = Page::open();
    assert!(row_ids(&page).contains(&"siberia".to_string()));
    let mut scenario = Scenario::default();
    let siberia = scenario.regions.iter().position(|r| &*r.id == "siberia").expect("a seed region Siberia");
    scenario.apply(&Action::RemoveRegion(siberia)).unwrap();
    // Only the fragment changes: no reload, a `hashchange`.
    page.browser.exec("location.hash = arguments[0];", json!([fragment_of(&encode_link(&scenario), false)]));
    page.browser.wait_until("!document.querySelector('#results tr[data-region=siberia]')", "the pasted scenario");
    let expected: Vec<String> = scenario.regions.iter().map(|r| r.id.to_string()).collect();
    let mut shown = row_ids(&page);
    shown.retain(|id| id != "total");
    shown.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(shown, expected_sorted);
    assert!(
        page.browser.exec("return document.getElementById('banner');", json!([])).is_null(),
        "a good link says nothing"
    );
    page.assert_no_console_errors();
}

#[test]
fn an_embed_never_writes_the_autosave() {
    let server = Server::start(crate::support::dist_dir(), "/");
    let page = Page::load(&server.url());
    // This browser's own scenario, saved after a change.
    let table = page.table();
    page.slide("fleet-mw", 900.0);
    page.wait_table_change(&table, "the fleet size");
    page.browser.wait_until("localStorage.getItem('sitecost.scenario.v1') !== null", "the change's autosave");
    let own = saved(&page);
    let own_rows = row_ids(&page);

    let mut scenario = Scenario::default();
    scenario.apply(&Action::RemoveRegion(0)).unwrap();
    // A new document, not a `hashchange` of the open one (which would load the link into it).
    page.browser.goto("about:blank");
    page.visit(&format!("{}{}", server.url(), fragment_of(&encode_link(&scenario), true)));
    assert!(page.browser.exec("return document.getElementById('open-full');", json!([])).is_object(), "an embed");
    assert_ne!(row_ids(&page), own_rows, "the embed shows its link's scenario");
    // Well past the save delay, and hidden: still nothing written.
    std::thread::sleep(std::time::Duration::from_millis(600));
    page.browser.exec("window.dispatchEvent(new Event('pagehide'));", json!([]));
    assert_eq!(saved(&page), own, "the embed wrote the autosave");

    page.visit(&server.url());
    assert_eq!(row_ids(&page), own_rows, "this browser's own scenario is still there");
    page.assert_no_console_errors();
}

#[test]
fn a_page_opened_from_a_link_keeps_its_scenario_for_the_bare_address() {
    let server = Server::start(crate::support::dist_dir(), "/");
    let mut scenario = Scenario::default();
    scenario.apply(&Action::RemoveRegion(0)).unwrap();
    let page = Page::load(&format!("{}{}", server.url(), fragment_of(&encode_link(&scenario), false)));
    page.browser.wait_until("localStorage.getItem('sitecost.scenario.v1') !== null", "the link's autosave");
    let rows = row_ids(&page);
    assert_eq!(rows.len(), scenario.regions.len(), "the link's regions");
    page.browser.goto("about:blank");
    page.visit(&server.url());
    assert_eq!(row_ids(&page), rows, "the bare address opens the link's scenario");
    page.assert_no_console_errors();
}
