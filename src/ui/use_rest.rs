//! `use_rest`: whether the page rests from input — `html.resting` and the charts far out of sight
//! drawn after a second without input, undone by the next input.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::paint_queue::set_resting;

/// How long the page waits after an input before it counts as resting.
const REST_AFTER_MS: u32 = 1000;

/// The events that end a rest: the page's inputs.
const INPUTS: [&str; 4] = ["input", "change", "keydown", "pointerdown"];

/// Marks the page resting after [`REST_AFTER_MS`] without input (from its first render), so that
/// what is skipped during input (`content-visibility` on the stay-or-move table, charts far out
/// of sight) is laid out and drawn for a full-page capture or a reader who scrolls.
#[hook]
pub fn use_rest() {
    use_effect_with((), |_| {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let rest = {
            let (root, timer) = (root.clone(), timer.clone());
            move || {
                let root = root.clone();
                *timer.borrow_mut() = Some(Timeout::new(REST_AFTER_MS, move || {
                    if let Some(root) = &root {
                        let _ = root.class_list().add_1("resting");
                    }
                    set_resting(true);
                }));
            }
        };
        rest();
        let document = web_sys::window().and_then(|w| w.document()).expect("a document");
        // Before the input reaches its control: the class is gone before the page re-renders.
        let options = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
        let listeners: Vec<EventListener> = INPUTS
            .into_iter()
            .map(|event| {
                let (root, rest) = (root.clone(), rest.clone());
                EventListener::new_with_options(&document, event, options, move |_| {
                    if let Some(root) = root.as_ref().filter(|r| r.class_list().contains("resting")) {
                        let _ = root.class_list().remove_1("resting");
                        set_resting(false);
                    }
                    rest();
                })
            })
            .collect();
        move || drop((listeners, timer))
    });
}
