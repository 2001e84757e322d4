//! Saving text the page made (CSV, SVG, JSON) as a file download, with no network request.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `contents` as a download named `file_name`, through a temporary object URL.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys_array(contents);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    download_url(file_name, &url)?;
    Url::revoke_object_url(&url)
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

/// Reports a failed download on the console; the page itself carries on.
pub fn log_failure(what: &str, error: &JsValue) {
    web_sys::console::error_2(&format!("sitecost: {what} failed").into(), error);
}

fn js_sys_array(contents: &str) -> JsValue {
    let array = js_sys::Array::new();
    array.push(&JsValue::from_str(contents));
    array.into()
}
