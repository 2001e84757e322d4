//! `mount`: starts the app, in place of the prerendered page when the build put one in.

use wasm_bindgen::JsValue;

/// The id of the element holding the prerendered page (`src/bin/prerender.rs`), which the app
/// replaces once it has rendered (`use_takeover`).
pub const PRERENDERED_ID: &str = "prerendered";

/// The id of the element the app renders into over a prerendered page, hidden until it replaces it.
pub const APP_ROOT_ID: &str = "app";

/// Mounts `App`: over a prerendered page, in a hidden root just before it, so that no frame shows
/// both (its first effect swaps them); otherwise on `<body>`.
pub fn mount() -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    match document.get_element_by_id(PRERENDERED_ID) {
        Some(prerendered) => {
            let root = document.create_element("div")?;
            root.set_id(APP_ROOT_ID);
            root.set_attribute("hidden", "")?;
            prerendered.before_with_node_1(&root)?;
            yew::Renderer::<super::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<super::App>::new().render();
        }
    }
    Ok(())
}
