//! Saving text the page made (CSV, SVG, JSON) as a file download, with no network request.

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlAnchorElement;
use yew::Callback;

/// Offers `contents` as a download named `file_name`, through an object URL revoked once the
/// click has started the download.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let url = ObjectUrl::from(Blob::new_with_options(contents, Some(mime)));
    download_url(file_name, &url)
}

/// Offers what `url` (an object or `data:` URL) holds as a download named `file_name`.
pub fn download_url(file_name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// A click handler that downloads the text `contents` makes at the time of the click; a
/// failure is logged as `what` failing.
pub fn on_click_download<E>(
    file_name: &'static str,
    mime: &'static str,
    what: &'static str,
    contents: impl Fn() -> String + 'static,
) -> Callback<E> {
    Callback::from(move |_| {
        if let Err(e) = download_text(file_name, mime, &contents()) {
            log_failure(what, &e);
        }
    })
}

/// Reports a failed download on the console; the page itself carries on.
pub fn log_failure(what: &str, error: &JsValue) {
    web_sys::console::error_2(&format!("sitecost: {what} failed").into(), error);
}
