//! `ProjectionControls`: the inputs of the 36-month projection: growth, the halving, the origin region and the mapped region.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::slider::global_slider;
use super::state::{AppState, HALVING_DATE};
use super::use_field_callbacks::use_global_callbacks;
use crate::model::{Action, GlobalField, Globals, Group, YearMonth};

#[derive(Properties, PartialEq)]
pub struct ProjectionControlsProps {
    pub globals: Globals,
    /// Every region as (id, name), for the origin and map choices.
    pub regions: Rc<[(Rc<str>, Rc<str>)]>,
    /// Why the last month typed was refused, if it was.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A `<select>` of the regions (plus a "none" choice) whose change dispatches `action(id)`.
fn region_select(
    id: &'static str,
    none: &'static str,
    current: Option<&str>,
    regions: &[(Rc<str>, Rc<str>)],
    action: fn(Option<String>) -> Action,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        dispatch.dispatch(action((!value.is_empty()).then_some(value)).into());
    });
    // An id that names no region (removed meanwhile) shows as "none".
    let known = current.filter(|c| regions.iter().any(|(id, _)| &**id == *c));
    html! {
        <select {id} {onchange}>
            <option value="" selected={known.is_none()}>{none}</option>
            { for regions.iter().map(|(rid, name)| html! {
                <option value={rid.to_string()} selected={known == Some(&**rid)}>{name.to_string()}</option>
            }) }
        </select>
    }
}

#[component]
pub fn ProjectionControls(props: &ProjectionControlsProps) -> Html {
    let g = &props.globals;
    let callbacks = use_global_callbacks(&props.dispatch);
    let slider = |field: GlobalField| global_slider(field, g, &callbacks);
    let on_halving = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            // An empty or partial month is not a change yet; the model refuses months out of range.
            if let Some(month) = YearMonth::parse(&text) {
                dispatch.dispatch(Action::SetHalvingMonth(month).into());
            }
        })
    };
    let error = props.error.clone();
    html! {
        <fieldset class="projection">
            <legend>{"Projection (36 months from "}{g.start_month.to_string()}{")"}</legend>
            { for GlobalField::in_group(Group::Projection).map(slider) }
            <div class={classes!("control", error.is_some().then_some("invalid"))}>
                <label for={HALVING_DATE}>{"Halving month "}<span class="unit">{"(block 1 050 000)"}</span></label>
                <input type="month" id={HALVING_DATE} class="number" value={g.halving_month.to_string()}
                    min={g.start_month.to_string()} onchange={on_halving}
                    aria-invalid={error.is_some().to_string()} aria-describedby="halving-date-error"
                    title="Expected around April 2028 at about ten minutes a block; the subsidy halves from this month on." />
                <p class="error" role="alert" id="halving-date-error">{ error.map(|e| e.to_string()).unwrap_or_default() }</p>
            </div>
            <div class="control">
                <label for="origin-region">{"Fleet is now in"}</label>
                { region_select("origin-region", "No origin (no stay-or-move)", g.origin_region.as_deref(),
                    &props.regions, Action::SetOrigin, &props.dispatch) }
            </div>
            <div class="control">
                <label for="sensitivity-region">{"Sensitivity map of"}</label>
                { region_select("sensitivity-region", "The origin region (else the first)", g.sensitivity_region.as_deref(),
                    &props.regions, Action::SetSensitivityRegion, &props.dispatch) }
            </div>
        </fieldset>
    }
}
