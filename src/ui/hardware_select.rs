//! `HardwareSelect`: the machine preset, with where its efficiency and price come from.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::state::AppState;
use crate::model::{Action, Hardware};

#[derive(Properties, PartialEq)]
pub struct HardwareSelectProps {
    pub hardware: Hardware,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A machine as the select lists it: short enough for a 320 px screen.
fn hardware_option(h: Hardware, selected: bool) -> Html {
    let label = match h.efficiency_j_per_th() {
        Some(e) => format!("{}, {e} J/TH", h.name()),
        None => "Custom: your own efficiency and price".to_string(),
    };
    html! { <option value={h.id()} {selected}>{label}</option> }
}

/// Where the chosen machine's figures come from, under the select: its specification and price.
fn hardware_detail(h: Hardware) -> String {
    match (h.source(), h.price_source()) {
        (Some(spec), Some(price)) => format!("{spec} {price}"),
        _ => "Set the fleet's efficiency and machine price below.".to_string(),
    }
}

#[component]
pub fn HardwareSelect(props: &HardwareSelectProps) -> Html {
    let on_hardware = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(hardware) = Hardware::from_id(&id) {
                dispatch.dispatch(Action::SetHardware(hardware).into());
            }
        })
    };
    html! {
        <div class="control">
            <label for="hardware">{"Machines"}</label>
            <select id="hardware" onchange={on_hardware}>
                { for Hardware::ALL.into_iter().map(|h| hardware_option(h, h == props.hardware)) }
            </select>
            // Its height is reserved for the longest source (CSS), so a preset moves nothing below.
            <p class="machine-source" id="hardware-detail">{ hardware_detail(props.hardware) }</p>
        </div>
    }
}
