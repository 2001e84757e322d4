//! `RegionControls`: one region's power price, capacity cap and uptime sliders.

use yew::prelude::*;

use super::slider::Slider;
use super::state::AppState;
use crate::model::{Action, Region, RegionField};

#[derive(Properties, PartialEq)]
pub struct RegionControlsProps {
    /// The region's position in the scenario, which its actions address.
    pub index: usize,
    pub region: Region,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn RegionControls(props: &RegionControlsProps) -> Html {
    let region = &props.region;
    let [r, g, b] = region.color_rgb;
    html! {
        <fieldset class="region" data-region={region.id.to_string()}>
            <legend>
                <span class="swatch" style={format!("background:rgb({r},{g},{b})")} aria-hidden="true"></span>
                {region.name.to_string()}
            </legend>
            { for RegionField::ALL.into_iter().map(|field| {
                let dispatch = props.dispatch.clone();
                let index = props.index;
                let spec = field.spec();
                html! {
                    <Slider key={spec.key} id={format!("{}-{}", spec.key, region.id)} spec={spec}
                        value={region.value(field)}
                        source={Some(region.source(field))}
                        on_change={Callback::from(move |v| dispatch.dispatch(Action::SetRegion(index, field, v)))} />
                }
            }) }
        </fieldset>
    }
}
