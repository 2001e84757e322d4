//! `use_debounced_link`: the scenario's link for the share panel, encoded once a burst of changes ends.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::model::codec::encode_link;
use crate::model::Scenario;

/// How long after the last change the link is encoded again: with fifty hourly profiles a link
/// runs to 180 KB, and encoding it and writing it into the share panel on every event of a drag
/// cost a few milliseconds each.
const LINK_DELAY_MS: u32 = 150;

/// The link of `scenario` (the text after `s=`), at once on the first render and then
/// [`LINK_DELAY_MS`] after the last change.
#[hook]
pub fn use_debounced_link(scenario: &Scenario) -> Rc<str> {
    let link = use_state(|| Rc::<str>::from(encode_link(scenario)));
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let link = link.clone();
        use_effect_with(scenario.clone(), move |scenario| {
            let scenario = scenario.clone();
            // Replacing the timer drops (cancels) the previous one.
            *timer.borrow_mut() = Some(Timeout::new(LINK_DELAY_MS, move || {
                let encoded = Rc::<str>::from(encode_link(&scenario));
                if *link != encoded {
                    link.set(encoded);
                }
            }));
        });
    }
    (*link).clone()
}
