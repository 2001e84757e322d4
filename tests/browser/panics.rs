//! A panic in the release build's wasm reaches the console with its message and where it happened.

use serde_json::json;

use crate::support::page::Page;

#[test]
fn a_panic_reaches_the_console_with_its_message() {
    let page = Page::open();
    page.browser.wait_until("document.getElementById('export-sites')", "the sites import");
    page.browser.logs("browser");
    // The app has no way to panic on purpose, so one is caused from outside, behind Yew's back:
    // Yew inserts the import preview before the paragraph of the export button, and with that
    // paragraph taken out of the page the insertion fails and Yew panics.
    page.browser.exec("document.getElementById('export-sites').parentElement.remove();", json!([]));
    page.paste("#import-sites-text", "name,price_usd_per_kwh,cap_mw,uptime_pct\nAnywhere,0.05,10,90\n");
    let mut errors = Vec::new();
    crate::support::poll("the panic on the console", || {
        errors.extend(page.browser.console_errors());
        errors.iter().any(|e| e.contains("panicked at"))
    });
    // The panic hook's message: where it happened, the panic's own message, and the stack.
    let panic = errors.iter().find(|e| e.contains("panicked at")).unwrap();
    assert!(panic.contains("failed to insert node before next sibling"), "{panic}");
    assert!(panic.contains("Stack:"), "{panic}");
}
