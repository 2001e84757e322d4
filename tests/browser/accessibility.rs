//! Accessibility: axe-core's rules, run in the page, find no violation on the full page, on a phone, an embed and a page of 50 regions.

use std::path::PathBuf;

use serde_json::json;
use sitecost::model::codec::{encode_link, fragment_of};
use sitecost::model::{Action, Scenario};

use crate::support::page::Page;
use crate::support::server::Server;

/// The hosted build opened at `fragment` (a link or an embed) in a fresh browser.
fn open_at(fragment: &str) -> Page {
    let server = Server::start(crate::support::dist_dir(), "/");
    let page = Page::load(&format!("{}{fragment}", server.url()));
    Page { server: Some(server), ..page }
}

/// axe-core's script, which `scripts/setup` installs with npm into the tools directory.
fn axe_script() -> String {
    let tools = std::env::var_os("SITECOST_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cache/sitecost-tools"));
    let file = tools.join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e} (`make setup` installs axe-core there)", file.display()))
}

/// Runs every axe-core rule on the page as it is now and returns the violations, one line each:
/// the rule, its impact, what it asks for and the first elements that break it.
fn violations(page: &Page) -> Vec<String> {
    // WebDriver runs the script through the DevTools protocol, which the page's
    // Content-Security-Policy (scripts by hash only) does not govern.
    page.browser.exec(&axe_script(), json!([]));
    assert_eq!(page.browser.exec("return typeof axe.run;", json!([])), json!("function"), "axe-core is loaded");
    let found = page.browser.exec_async(
        "const done = arguments[arguments.length - 1];
         axe.run(document, { resultTypes: ['violations'] }).then(
             r => done(r.violations.map(v => {
                 const where = v.nodes.slice(0, 6).map(n => n.target.join(' ')).join(', ');
                 const more = v.nodes.length > 6 ? ` and ${v.nodes.length - 6} more` : '';
                 return `${v.id} (${v.impact}, ${v.nodes.length} elements): ${v.help}: ${where}${more}`;
             })),
             e => done([`axe-core failed: ${e}`]));",
    );
    found.as_array().expect("a list of violations").iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

/// Waits until the controls built after the first paint are there: one name field per region.
fn wait_for_controls(page: &Page, regions: usize) {
    page.browser.wait_until(
        &format!(
            "document.querySelectorAll('input.name').length === {regions} \
             && document.getElementById('import-sites') && document.getElementById('reset')"
        ),
        "the region controls, the import and the share panel",
    );
}

fn assert_no_violations(page: &Page, what: &str) {
    let found = violations(page);
    assert!(found.is_empty(), "axe-core finds {} violations on {what}:\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_page_has_no_accessibility_violations() {
    let page = Page::open();
    wait_for_controls(&page, 6);
    assert_no_violations(&page, "the default page");
}

#[test]
fn an_embed_has_no_accessibility_violations() {
    let page = open_at(&fragment_of(&encode_link(&Scenario::default()), true));
    page.browser.wait_until("document.getElementById('open-full')", "the embed's link to the full explorer");
    assert_eq!(page.browser.exec("return document.querySelectorAll('input, select').length;", json!([])), json!(0));
    assert_no_violations(&page, "an embed");
}

#[test]
fn a_page_of_50_regions_has_no_accessibility_violations() {
    let mut scenario = Scenario::default();
    while scenario.regions.len() < 50 {
        scenario.apply(&Action::AddRegion).unwrap();
    }
    let page = open_at(&fragment_of(&encode_link(&scenario), false));
    wait_for_controls(&page, 50);
    assert_no_violations(&page, "a page of 50 regions");
}

#[test]
fn the_page_on_a_phone_has_no_accessibility_violations() {
    let page = Page::open();
    let phone = json!({ "width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": true });
    page.browser.cdp("Emulation.setDeviceMetricsOverride", phone);
    wait_for_controls(&page, 6);
    page.browser.wait_until(
        "getComputedStyle(document.getElementById('live-summary')).display === 'flex'",
        "the live summary at 390 px",
    );
    assert_no_violations(&page, "the page at 390 × 844");
}
