//! The two builds where users put them: the single file opened from disk, the hosted build under a sub-path.

use crate::support::page::{Page, ALL_CHARTS};
use serde_json::{json, Value};

/// Every URL the page asked the network stack for, from the DevTools events that chromedriver
/// records in its performance log.
fn requested_urls(page: &Page) -> Vec<String> {
    page.browser
        .logs("performance")
        .iter()
        .filter_map(|entry| serde_json::from_str::<Value>(entry["message"].as_str()?).ok())
        .filter(|m| m["message"]["method"] == "Network.requestWillBeSent")
        .filter_map(|m| m["message"]["params"]["request"]["url"].as_str().map(str::to_string))
        .collect()
}

/// The page works: every chart is drawn and the table reacts to a slider.
fn assert_page_works(page: &Page) {
    let expected = sitecost::model::report(&sitecost::model::Scenario::default());
    for chart in ALL_CHARTS {
        page.drawn(chart, &expected);
    }
    let before = page.table();
    page.slide("hashprice", 70.0);
    page.wait_table_change(&before, "the hashprice slider");
    page.assert_no_console_errors();
}

#[test]
fn the_single_file_works_from_disk_and_requests_nothing_else() {
    let page = Page::open_single_file();
    assert_page_works(&page);
    let own = page.browser.exec("return location.href.split('#')[0];", json!([])).as_str().unwrap().to_string();
    assert!(own.starts_with("file://") && own.ends_with("/sitecost.html"), "{own}");
    let urls = requested_urls(&page);
    assert!(urls.contains(&own), "the log holds the page's own load: {urls:?}");
    // The icon is a data: URI inside the file; nothing else may be asked for.
    let foreign: Vec<&String> = urls.iter().filter(|u| **u != own && !u.starts_with("data:")).collect();
    assert!(foreign.is_empty(), "the single file requested {foreign:?}");
}

#[test]
fn the_hosted_build_boots_under_a_sub_path_and_requests_only_its_own_files() {
    let prefix = "/reports/2026/sitecost/";
    let page = Page::open_hosted(prefix);
    assert_page_works(&page);
    let server = page.server.as_ref().unwrap();
    let dist = crate::support::dist_dir();
    let requests = server.requests();
    assert!(requests.iter().any(|r| r.ends_with(".wasm")), "the wasm came from the sub-path: {requests:?}");
    for path in &requests {
        let file = path.strip_prefix(prefix).unwrap_or_else(|| panic!("{path} is outside {prefix}"));
        let file = if file.is_empty() { "index.html" } else { file };
        assert!(dist.join(file).is_file(), "{path} is not one of the page's own files");
    }
    // And the browser asked for nothing beyond this server.
    let origin = format!("http://127.0.0.1:{}{prefix}", server.port);
    let foreign: Vec<String> =
        requested_urls(&page).into_iter().filter(|u| !u.starts_with(&origin) && !u.starts_with("data:")).collect();
    assert!(foreign.is_empty(), "requests beyond the page's own files: {foreign:?}");
}

/// Asks the page to fetch another origin and an inline script to run, and returns the CSP
/// directives that refused them; an empty list would mean the policy is missing or open.
fn refused_directives(page: &Page) -> Vec<String> {
    let v = page.browser.exec_async(
        "const done = arguments[arguments.length - 1];
         const seen = [];
         document.addEventListener('securitypolicyviolation', e => seen.push(e.effectiveDirective));
         const s = document.createElement('script');
         s.textContent = 'window.__injected = true';
         document.head.appendChild(s);
         fetch('http://127.0.0.1:9/').catch(() => {}).finally(() => setTimeout(() => done(seen), 100));",
    );
    serde_json::from_value(v).unwrap()
}

#[test]
fn both_builds_carry_a_policy_that_refuses_connections_and_foreign_scripts() {
    for page in [Page::open_single_file(), Page::open_hosted("/")] {
        let policy = page
            .browser
            .exec("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content;", json!([]));
        let policy = policy.as_str().unwrap();
        assert!(policy.starts_with("default-src 'none'"), "{policy}");
        assert!(policy.contains("'wasm-unsafe-eval'") && !policy.contains("unsafe-inline"), "{policy}");
        let refused = refused_directives(&page);
        assert!(refused.contains(&"connect-src".to_string()), "the fetch was not refused: {refused:?}");
        assert!(refused.contains(&"script-src-elem".to_string()), "the inline script was not refused: {refused:?}");
        assert_eq!(page.browser.exec("return window.__injected === undefined;", json!([])), json!(true));
        // Those two refusals were ours; drain them, then the app itself must have caused none.
        let errors: Vec<String> = page
            .browser
            .console_errors()
            .into_iter()
            .filter(|e| !e.contains("127.0.0.1:9") && !e.contains("inline script"))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
