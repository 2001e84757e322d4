//! `GlobalControls`: the inputs that apply to the whole fleet: where the hashprice comes from, the machines, the fleet.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::hardware_select::HardwareSelect;
use super::slider::global_slider;
use super::state::AppState;
use super::use_field_callbacks::use_global_callbacks;
use crate::format::grouped;
use crate::model::{Action, GlobalField, Globals, Group, HashpriceMode, MARKET_DATA_MONTH_TEXT};

#[derive(Properties, PartialEq)]
pub struct GlobalControlsProps {
    pub globals: Globals,
    /// The market formula's hashprice (the report's), USD/PH/day, shown whatever the mode.
    pub derived_usd_per_ph_day: f64,
    pub dispatch: UseReducerDispatcher<AppState>,
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
            // Stacked in one cell (CSS), they keep the fieldset's height, so nothing below moves.
            <div class="mode-stack">
                <div class="mode-inputs" id="direct-inputs" hidden={market}>
                    { for GlobalField::in_group(Group::DirectHashprice).map(s) }
                    <p class="note">{"In Market mode it comes from the BTC price, the difficulty and the block reward."}</p>
                </div>
                <div class="mode-inputs" id="market-inputs" hidden={!market}>
                    { for GlobalField::in_group(Group::Market).map(s) }
                </div>
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
            <HardwareSelect hardware={g.hardware} dispatch={props.dispatch.clone()} />
            { for [Group::Machines, Group::Fleet].into_iter().flat_map(GlobalField::in_group).map(s) }
        </fieldset>
    }
}
