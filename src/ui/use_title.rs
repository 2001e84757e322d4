//! `use_title`: the document's title names the best region.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long the title waits after the best region last changed: nobody reads a tab's title
/// during a burst of input, and setting it is a slow browser call (a few tenths of a
/// millisecond, paid by every jump that changes the best region).
const TITLE_DELAY_MS: u32 = 150;

fn set_title(best: &Option<String>) {
    let title = match best {
        Some(name) => format!("sitecost \u{2014} best: {name}"),
        None => "sitecost \u{2014} no region pays".to_string(),
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}

/// Sets the title, through the DOM's text API like every name, once the best region has held
/// for [`TITLE_DELAY_MS`].
#[hook]
pub fn use_title(best: Option<String>) {
    let timer = use_mut_ref(|| None::<Timeout>);
    use_effect_with(best, move |best| {
        let best = best.clone();
        // Replacing the timer drops (cancels) the previous one.
        *timer.borrow_mut() = Some(Timeout::new(TITLE_DELAY_MS, move || set_title(&best)));
    });
}
