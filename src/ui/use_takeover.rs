//! `use_takeover`: once the app has rendered what the prerendered page shows, it takes its place.

use yew::prelude::*;

use super::mount::{APP_ROOT_ID, PRERENDERED_ID};

/// After the render in which `ready` is first true: removes the prerendered page and shows the
/// app's root, both before the next paint, so the page never shows both nor neither.
#[hook]
pub fn use_takeover(ready: bool) {
    use_effect_with(ready, |&ready| {
        if !ready {
            return;
        }
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            if let Some(prerendered) = d.get_element_by_id(PRERENDERED_ID) {
                prerendered.remove();
            }
            if let Some(root) = d.get_element_by_id(APP_ROOT_ID) {
                let _ = root.remove_attribute("hidden");
            }
        }
    });
}
