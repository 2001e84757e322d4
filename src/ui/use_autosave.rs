//! `use_autosave`: the scenario kept where a reload finds it, in storage and in the address bar.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::storage;
use super::use_window_event::use_window_event;
use crate::model::codec::{encode_link, encode_link_whole, fragment_of};
use crate::model::Scenario;

/// How long the autosave and the address bar wait after the last change: browsers throttle
/// pages that rewrite their URL on every frame of a drag, and a storage write per frame is
/// wasted work.
const SAVE_DELAY_MS: u32 = 150;

/// The scenario waiting to be kept, and the timer that will keep it.
#[derive(Default)]
struct PendingSave {
    /// The scenario to keep, encoded only when kept: with many hourly profiles its links are
    /// long.
    scenario: Option<Scenario>,
    timer: Option<Timeout>,
}

fn replace_address_fragment(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        // A refused update only leaves an older scenario in the address bar; the autosave has it.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// Writes the pending scenario to storage and the address bar; returns why storage cannot
/// be used, if it cannot, or `None` when nothing was pending.
fn flush(pending: &RefCell<PendingSave>) -> Option<Option<String>> {
    let scenario = {
        let mut pending = pending.borrow_mut();
        pending.timer = None;
        pending.scenario.take()?
    };
    replace_address_fragment(&fragment_of(&encode_link(&scenario), false));
    Some(storage::save(&encode_link_whole(&scenario)).err())
}

/// Keeps the scenario in the address bar (its link) and in storage (its link with hourly
/// profiles whole), unless `enabled` is false, and returns why storage cannot be used, if it
/// cannot (`problem` at first). With `kept`, the scenario the page opened with is already what a
/// reload finds, and only changes are kept: encoding a year of hourly prices at start-up is a
/// long task for nothing.
///
/// Both are written once a burst of changes ends ([`SAVE_DELAY_MS`] after the last), not on
/// every frame of a drag, and at once when the page is hidden or closed, which may never run
/// the timer, so a reload never loses a change.
#[hook]
pub fn use_autosave(scenario: &Scenario, enabled: bool, problem: Option<String>, kept: bool) -> Option<String> {
    let problem = use_state(|| problem);
    let pending = use_mut_ref(PendingSave::default);
    let opening = use_mut_ref(|| kept);
    {
        let (problem, pending) = (problem.clone(), pending.clone());
        use_effect_with(scenario.clone(), move |scenario| {
            if enabled && !std::mem::replace(&mut *opening.borrow_mut(), false) {
                let timer = {
                    let pending = pending.clone();
                    Timeout::new(SAVE_DELAY_MS, move || {
                        if let Some(now) = flush(&pending) {
                            if now != *problem {
                                problem.set(now);
                            }
                        }
                    })
                };
                // Replacing the timer drops (cancels) the previous one.
                *pending.borrow_mut() = PendingSave { scenario: Some(scenario.clone()), timer: Some(timer) };
            }
        });
    }
    use_window_event("pagehide", move |_| {
        flush(&pending);
    });
    (*problem).clone()
}
