//! Hooks giving one callback per numeric field, made once, so that unchanged sliders keep equal props and are not rendered again.

use std::rc::Rc;

use yew::prelude::*;

use super::state::AppState;
use crate::model::{Action, GlobalField, RegionField};

/// One callback per global field, in [`GlobalField::ALL`] order (a callback made on each render
/// never compares equal).
#[hook]
pub fn use_global_callbacks(dispatch: &UseReducerDispatcher<AppState>) -> Rc<Vec<Callback<f64>>> {
    let dispatch = dispatch.clone();
    use_memo((), move |_| {
        GlobalField::ALL
            .into_iter()
            .map(|field| {
                let dispatch = dispatch.clone();
                Callback::from(move |v| dispatch.dispatch(Action::SetGlobal(field, v).into()))
            })
            .collect()
    })
}

/// One callback per regional field of the region at `index`, in [`RegionField::ALL`] order,
/// made again only when the region moves.
#[hook]
pub fn use_region_callbacks(dispatch: &UseReducerDispatcher<AppState>, index: usize) -> Rc<Vec<Callback<f64>>> {
    let dispatch = dispatch.clone();
    use_memo(index, move |&index| {
        RegionField::ALL
            .into_iter()
            .map(|field| {
                let dispatch = dispatch.clone();
                Callback::from(move |v| dispatch.dispatch(Action::SetRegion(index, field, v).into()))
            })
            .collect()
    })
}
