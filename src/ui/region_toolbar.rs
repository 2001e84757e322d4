//! `RegionToolbar`: add a region, restore the seed regions, undo a removal, and say what was refused.

use yew::prelude::*;

use super::state::AppState;
use crate::model::{Action, Region, MAX_REGIONS};

#[derive(Properties, PartialEq)]
pub struct RegionToolbarProps {
    pub count: usize,
    pub missing_seeds: usize,
    pub last_removed: Option<(usize, Region)>,
    /// A refused change that concerns the region list as a whole.
    pub message: Option<AttrValue>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn RegionToolbar(props: &RegionToolbarProps) -> Html {
    let act = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone().into()))
    };
    html! {
        <div class="region-toolbar">
            <div class="buttons">
                <button type="button" id="add-region" onclick={act(Action::AddRegion)}
                    disabled={props.count >= MAX_REGIONS}>{"Add region"}</button>
                <button type="button" id="restore-seeds" onclick={act(Action::RestoreSeeds)}
                    disabled={props.missing_seeds == 0}>{"Restore seed regions"}</button>
                <span class="count">{format!("{} of {MAX_REGIONS} regions", props.count)}</span>
            </div>
            if let Some((index, region)) = &props.last_removed {
                <p class="notice" id="removed-notice">
                    {format!("Removed {}. ", region.name)}
                    <button type="button" id="undo-remove" onclick={act(Action::InsertRegion(*index, region.clone()))}>
                        {"Undo"}
                    </button>
                </p>
            }
            if let Some(message) = &props.message {
                <p class="error" role="alert" id="regions-error">{message.clone()}</p>
            }
        </div>
    }
}
