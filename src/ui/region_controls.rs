//! `RegionControls`: one region's compact row and its sliders, the site's own values first and its costs folded.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::region_header::RegionHeader;
use super::slider::Slider;
use super::state::AppState;
use super::use_field_callbacks::use_region_callbacks;
use crate::format::grouped;
use crate::model::profile::PriceProfile;
use crate::model::{Action, Group, Region, RegionField, MAX_NOTE_CHARS};

#[derive(Properties, PartialEq)]
pub struct RegionControlsProps {
    /// The region's position in the scenario, which its actions address.
    pub index: usize,
    pub count: usize,
    pub region: Region,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Why the last change to this region was refused, if it was.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Whether the sliders start expanded; with many regions they start collapsed.
    pub expanded: bool,
    /// Whether the cost sliders are built yet: the first render builds them a region per task.
    #[prop_or(true)]
    pub costs: bool,
}

/// The site's own values in one line, each with its unit ("0.04 USD/kWh · 100 MW · 85 %").
fn summary(region: &Region) -> String {
    let shown = |v: f64| if v.fract() == 0.0 { grouped(v, 0) } else { v.to_string() };
    RegionField::in_group(Group::Site)
        .map(|f| format!("{} {}", shown(region.value(f)), f.spec().unit))
        .chain([region.price_kind()])
        .collect::<Vec<_>>()
        .join(" \u{b7} ")
}

#[component]
pub fn RegionControls(props: &RegionControlsProps) -> Html {
    let region = &props.region;
    let (id, index) = (region.id.to_string(), props.index);
    let expanded = use_state(|| props.expanded);
    let callbacks = use_region_callbacks(&props.dispatch, index);
    let on_note = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.dispatch(Action::SetNote(index, text).into());
        })
    };
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let slider = |field: RegionField| {
        let spec = field.spec();
        html! {
            <Slider key={spec.key} id={format!("{}-{}", spec.key, region.id)} spec={spec}
                value={region.value(field)} source={Some(region.source(field))}
                on_change={callbacks[field.index()].clone()} />
        }
    };
    html! {
        <fieldset class="region" data-region={id.clone()}>
            <legend class="visually-hidden">{region.name.to_string()}</legend>
            <RegionHeader index={index} count={props.count} id={region.id.clone()} name={region.name.clone()}
                color_rgb={region.color_rgb} expanded={*expanded} summary={summary(region)} on_toggle={toggle}
                error={props.error.clone()} dispatch={props.dispatch.clone()} />
            <div id={format!("sliders-{id}")} hidden={!*expanded}>
                <div class="control">
                    <label for={format!("note-{id}")}>{"Source note"}</label>
                    <input type="text" class="note" id={format!("note-{id}")} value={region.note.to_string()}
                        maxlength={MAX_NOTE_CHARS.to_string()} placeholder="Where these numbers come from"
                        oninput={on_note} />
                </div>
                { for RegionField::in_group(Group::Site).map(slider) }
                if let Some(profile) = &region.profile {
                    <p class="note" id={format!("profile-{id}")}>{profile_note(profile)}</p>
                }
                // Closed, the cost sliders take no layout while other sliders move.
                <details class="costs" id={format!("costs-{id}")}>
                    <summary>{"Site costs, policy and relocation"}</summary>
                    if props.costs {
                        { for RegionField::in_group(Group::Costs).map(slider) }
                    }
                </details>
            </div>
        </fieldset>
    }
}

/// The assumption behind a region's hourly prices, in one sentence.
fn profile_note(profile: &PriceProfile) -> String {
    let curves = if profile.is_monthly() {
        "one duration curve per calendar month, each used in its months of the projection"
    } else {
        "one duration curve for every month (the data has no timestamps)"
    };
    format!(
        "Hourly prices: {} intervals, {curves}. The power price sets their mean and keeps their shape; \
         the site mines an hour when its price plus levy is below what a kWh of hashing earns. Source: {}",
        grouped(profile.count() as f64, 0),
        profile.source()
    )
}
