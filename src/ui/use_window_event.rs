//! `use_window_event`: a listener on the window for as long as the component is mounted.

use gloo_events::EventListener;
use yew::prelude::*;

/// Calls `handler` on every `event` the window fires, until the component unmounts.
///
/// The handler of the first render is the one kept, so it must hold only handles that stay
/// valid across renders (dispatchers, state setters, shared cells), not values of one render.
#[hook]
pub fn use_window_event<F>(event: &'static str, handler: F)
where
    F: FnMut(&Event) + 'static,
{
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a window");
        let listener = EventListener::new(&window, event, handler);
        move || drop(listener)
    });
}
