//! `RegionControls`: one region's compact row (name, values, actions) and its sliders.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::slider::Slider;
use super::state::AppState;
use crate::format::grouped;
use crate::model::{Action, Region, RegionField, MAX_NAME_CHARS, MAX_NOTE_CHARS};

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
}

#[component]
pub fn RegionControls(props: &RegionControlsProps) -> Html {
    let region = &props.region;
    let id = region.id.to_string();
    let index = props.index;
    let expanded = use_state(|| props.expanded);
    // The name as typed, shown while it differs from the model's (for example while empty).
    let draft = use_state(|| None::<String>);

    let act = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone().into()))
    };
    let on_name = {
        let (dispatch, draft) = (props.dispatch.clone(), draft.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(Some(text.clone()));
            dispatch.dispatch(Action::RenameRegion(index, text).into());
        })
    };
    let on_note = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.dispatch(Action::SetNote(index, text).into());
        })
    };
    let on_name_blur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let name_text =
        draft.as_ref().filter(|d| d.trim() != &*region.name).cloned().unwrap_or_else(|| region.name.to_string());
    let name_error = draft.as_ref().filter(|d| d.trim() != &*region.name).and(props.error.clone());
    let [r, g, b] = region.color_rgb;
    let name = region.name.to_string();
    let summary = format!(
        "{} USD/kWh \u{b7} {} MW \u{b7} {} %",
        region.power_usd_per_kwh,
        grouped(region.cap_mw, 0),
        region.uptime_pct
    );

    // One callback per field, made again only when the region moves: sliders whose value did
    // not change then keep equal props and are not rendered again.
    let callbacks = {
        let dispatch = props.dispatch.clone();
        use_memo(index, move |&index| {
            RegionField::ALL
                .into_iter()
                .map(|field| {
                    let dispatch = dispatch.clone();
                    Callback::from(move |v| dispatch.dispatch(Action::SetRegion(index, field, v).into()))
                })
                .collect::<Vec<_>>()
        })
    };
    let slider = |field: RegionField| {
        let spec = field.spec();
        html! {
            <Slider key={spec.key} id={format!("{}-{}", spec.key, region.id)} spec={spec}
                value={region.value(field)}
                source={Some(region.source(field))}
                on_change={callbacks[field.index()].clone()} />
        }
    };

    html! {
        <fieldset class="region" data-region={id.clone()}>
            <legend class="visually-hidden">{name.clone()}</legend>
            <div class="region-row">
                <button type="button" class="icon" id={format!("toggle-{id}")} onclick={toggle}
                    aria-expanded={expanded.to_string()} aria-controls={format!("sliders-{id}")}
                    aria-label={format!("Show or hide the sliders of {name}")}>
                    { if *expanded { "\u{25be}" } else { "\u{25b8}" } }
                </button>
                // An SVG fill, not a style attribute: the Content-Security-Policy refuses inline styles.
                <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                    <rect width="10" height="10" rx="2" fill={format!("rgb({r},{g},{b})")} />
                </svg>
                <input type="text" class="name" id={format!("name-{id}")} value={name_text}
                    maxlength={MAX_NAME_CHARS.to_string()} aria-label="Region name"
                    aria-invalid={name_error.is_some().to_string()}
                    oninput={on_name} onblur={on_name_blur} />
                <span class="region-actions">
                    <button type="button" class="icon" id={format!("up-{id}")} disabled={index == 0}
                        onclick={act(Action::MoveRegion(index, index.saturating_sub(1)))}
                        aria-label={format!("Move {name} up")}>{"\u{2191}"}</button>
                    <button type="button" class="icon" id={format!("down-{id}")} disabled={index + 1 >= props.count}
                        onclick={act(Action::MoveRegion(index, index + 1))}
                        aria-label={format!("Move {name} down")}>{"\u{2193}"}</button>
                    <button type="button" class="icon" id={format!("duplicate-{id}")}
                        onclick={act(Action::DuplicateRegion(index))}
                        aria-label={format!("Copy {name}")}>{"Copy"}</button>
                    <button type="button" class="icon danger" id={format!("remove-{id}")}
                        onclick={act(Action::RemoveRegion(index))}
                        aria-label={format!("Remove {name}")}>{"\u{2715}"}</button>
                </span>
            </div>
            <p class="region-summary" aria-hidden="true">{summary}</p>
            <p class="error" role="alert" id={format!("name-{id}-error")}>
                { name_error.map(|e| e.to_string()).unwrap_or_default() }
            </p>
            <div id={format!("sliders-{id}")} hidden={!*expanded}>
                <div class="control">
                    <label for={format!("note-{id}")}>{"Source note"}</label>
                    <input type="text" class="note" id={format!("note-{id}")} value={region.note.to_string()}
                        maxlength={MAX_NOTE_CHARS.to_string()} placeholder="Where these numbers come from"
                        oninput={on_note} />
                </div>
                { for RegionField::V1.into_iter().map(slider) }
                // Closed, the cost sliders take no layout while other sliders move.
                <details class="costs" id={format!("costs-{id}")}>
                    <summary>{"Site costs, policy and relocation"}</summary>
                    { for RegionField::ALL.into_iter().filter(|f| !RegionField::V1.contains(f)).map(slider) }
                </details>
            </div>
        </fieldset>
    }
}
