//! `use_staged`: how much of a long first render to show yet, one stage more after each paint.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Counts the stages of the first render: `first` on the first render, then one more in each
/// task after it (a zero-delay timer, which runs after the browser has had its turn), up to
/// `last`, then `usize::MAX` for good. No task builds more than one stage, so none blocks input
/// long; once complete, the count never goes back (what the user adds later is built at once).
#[hook]
pub fn use_staged(first: usize, last: usize) -> usize {
    let stage = use_state(|| Some(first));
    {
        let stage = stage.clone();
        use_effect_with(*stage, move |&current| {
            let timer = current.map(|k| Timeout::new(0, move || stage.set((k < last).then_some(k + 1))));
            move || drop(timer)
        });
    }
    stage.unwrap_or(usize::MAX)
}
