//! `GlobalControls`: the inputs that apply to the whole fleet: where the hashprice comes from, the machines, the fleet.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::slider::global_slider;
use super::state::AppState;
use super::use_field_callbacks::use_global_callbacks;
use crate::format::grouped;
use crate::model::{Action, GlobalField, Globals, Group, Hardware, HashpriceMode, MARKET_DATA_MONTH_TEXT};

#[derive(Properties, PartialEq)]
pub struct GlobalControlsProps {
    pub globals: Globals,
    /// The market formula's hashprice (the report's), USD/PH/day, shown whatever the mode.
    pub derived_usd_per_ph_day: f64,
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
pub fn GlobalControls(props: &GlobalControlsProps) -> Html {
    let g = &props.globals;
    let on_mode = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let mode = match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "market" => HashpriceMode::Market,
                _ => HashpriceMode::Direct,
            };
            dispatch.dispatch(Action::SetHashpriceMode(mode).into());
        })
    };
    let on_hardware = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(hardware) = Hardware::from_id(&id) {
                dispatch.dispatch(Action::SetHardware(hardware).into());
            }
        })
    };
    let market = g.hashprice_mode == HashpriceMode::Market;
    let derived = props.derived_usd_per_ph_day;
    let callbacks = use_global_callbacks(&props.dispatch);
    let s = |field| global_slider(field, g, &callbacks);
    html! {
        <fieldset class="globals">
            <legend>{"Market and fleet"}</legend>
            <div class="control">
                <label for="hashprice-mode">{"Hashprice from"}</label>
                <select id="hashprice-mode" onchange={on_mode}>
                    <option value="direct" selected={!market}>{"Direct: set it with the slider"}</option>
                    <option value="market" selected={market}>{"Market: BTC price, difficulty and block reward"}</option>
                </select>
            </div>
            // Both modes' sliders stay on the page, the other mode's hidden: switching then
            // builds nothing, and each keyed list has an element of its own to reconcile in.
            <div class="mode-inputs" id="direct-inputs" hidden={market}>
                { for GlobalField::in_group(Group::DirectHashprice).map(s) }
            </div>
            <div class="mode-inputs" id="market-inputs" hidden={!market}>
                { for GlobalField::in_group(Group::Market).map(s) }
            </div>
            // Subsidy and fees also drive the projection (the halving halves the subsidy), so
            // they are shown in both modes.
            { for GlobalField::in_group(Group::Reward).map(s) }
            <p class="derived">
                {"Market hashprice: "}
                <output id="hashprice-derived" for="btc-price difficulty subsidy fees-per-block"
                    data-value={derived.to_string()}>
                    {format!("{} USD/PH/day", grouped(derived, 2))}
                </output>
                { if market { " (in use)" } else { " (not in use: the slider's value is)" } }
            </p>
            <p class="note" id="market-data-date">
                { format!("Market defaults are the data of {}; the projection starts that month.", MARKET_DATA_MONTH_TEXT) }
            </p>
            <div class="control">
                <label for="hardware">{"Machines"}</label>
                <select id="hardware" onchange={on_hardware}>
                    { for Hardware::ALL.into_iter().map(|h| hardware_option(h, h == g.hardware)) }
                </select>
                <p class="machine-source" id="hardware-detail">{ hardware_detail(g.hardware) }</p>
            </div>
            { for [Group::Machines, Group::Fleet].into_iter().flat_map(GlobalField::in_group).map(s) }
        </fieldset>
    }
}
