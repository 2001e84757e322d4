//! `use_clipboard`: copying text or an image to the clipboard, and a sentence saying how it went.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Copies to the clipboard on a click, and says how the last copy went.
pub struct Clipboard {
    /// The sentence about the last copy, for a live region (empty before the first).
    pub status: String,
    set_status: UseStateHandle<String>,
}

impl Clipboard {
    /// A click handler that writes `text()`, made at the click, to the clipboard; where that is
    /// refused, the text stays selectable on the page and the status says where to find it (`what`).
    pub fn copy_on_click(&self, text: impl Fn() -> String + 'static, what: &'static str) -> Callback<MouseEvent> {
        let status = self.set_status.clone();
        Callback::from(move |_| {
            let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else { return };
            let (text, status) = (text(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(clipboard.write_text(&text)).await {
                    Ok(_) => status.set(format!("{what} copied.")),
                    Err(_) => {
                        status.set(format!("The browser refused the clipboard: select the {what} below and copy it."))
                    }
                }
            });
        })
    }

    /// A click handler that puts the PNG `png()` promises on the clipboard (`ClipboardItem`,
    /// made within the click, as Safari requires); where the browser refuses or cannot, the
    /// status points to the download instead.
    pub fn copy_image_on_click(
        &self,
        png: impl Fn() -> Result<js_sys::Promise, String> + 'static,
        what: &'static str,
    ) -> Callback<MouseEvent> {
        let status = self.set_status.clone();
        Callback::from(move |_| {
            let written = png().map_err(JsValue::from).and_then(|png| {
                let record = js_sys::Object::new();
                js_sys::Reflect::set(&record, &"image/png".into(), &png)?;
                let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)?;
                let clipboard = web_sys::window().ok_or("no window")?.navigator().clipboard();
                Ok(clipboard.write(&js_sys::Array::of1(&item)))
            });
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match written {
                    Ok(copy) => JsFuture::from(copy).await.is_ok(),
                    Err(_) => false,
                };
                match copied {
                    true => status.set(format!("{what} copied as an image.")),
                    false => status
                        .set(format!("The browser refused to copy the {what} as an image: download its PNG instead.")),
                }
            });
        })
    }
}

#[hook]
pub fn use_clipboard() -> Clipboard {
    let set_status = use_state(String::new);
    Clipboard { status: (*set_status).clone(), set_status }
}
