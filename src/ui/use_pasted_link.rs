//! `use_pasted_link`: a link pasted into the address bar of the open page loads its scenario.

use yew::prelude::*;

use super::startup::from_current_fragment;
use super::state::{AppState, Msg};
use super::use_window_event::use_window_event;

/// A pasted link changes only the fragment, which reloads nothing: its scenario is loaded on
/// `hashchange`. Our own address updates use `replaceState`, which fires no `hashchange`.
#[hook]
pub fn use_pasted_link(dispatch: UseReducerDispatcher<AppState>) {
    use_window_event("hashchange", move |_| {
        if let Some((scenario, banner)) = from_current_fragment() {
            dispatch.dispatch(Msg::Replace(Box::new(scenario), banner));
        }
    });
}
