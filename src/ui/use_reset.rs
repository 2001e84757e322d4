//! `use_reset`: "Reset to defaults", asked for and then confirmed or cancelled.

use yew::prelude::*;

use super::state::{AppState, Msg};
use super::storage;

/// Whether the page is asking to confirm a reset, and the handlers of its three buttons.
pub struct Reset {
    pub confirming: bool,
    pub ask: Callback<MouseEvent>,
    pub cancel: Callback<MouseEvent>,
    /// Forgets the autosave and goes back to the default scenario.
    pub confirm: Callback<MouseEvent>,
}

#[hook]
pub fn use_reset(dispatch: UseReducerDispatcher<AppState>) -> Reset {
    let confirming = use_state(|| false);
    let set = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(value))
    };
    let (ask, cancel) = (set(true), set(false));
    let confirm = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            // A storage failure here only means there was nothing to forget.
            let _ = storage::clear();
            confirming.set(false);
            dispatch.dispatch(Msg::Replace(Box::default(), None));
        })
    };
    Reset { confirming: *confirming, ask, cancel, confirm }
}
