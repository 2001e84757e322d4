//! `use_title`: the document's title names the best region.

use yew::prelude::*;

fn set_title(best: &Option<String>) {
    let title = match best {
        Some(name) => format!("sitecost \u{2014} best: {name}"),
        None => "sitecost \u{2014} no region pays".to_string(),
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}

/// Sets the title whenever the best region changes, through the DOM's text API like every name.
#[hook]
pub fn use_title(best: Option<String>) {
    use_effect_with(best, set_title);
}
