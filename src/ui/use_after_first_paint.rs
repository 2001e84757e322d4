//! `use_after_first_paint`: false on the first render, true once the browser has painted it.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Whether the first render has been painted: a zero-delay timer runs after the browser has
/// had its turn, so what is built behind this flag does not delay the first paint.
#[hook]
pub fn use_after_first_paint() -> bool {
    // Rendering natively, or over the prerendered page, everything is built at once: there is
    // no first paint to hurry, and controls built later would move what the page already shows.
    let painted = use_state(|| !super::startup::in_browser() || super::prerendered());
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let timer = Timeout::new(0, move || painted.set(true));
            move || drop(timer)
        });
    }
    *painted
}
