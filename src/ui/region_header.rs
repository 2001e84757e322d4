//! `RegionHeader`: a region's compact row: the fold toggle, its colour, its editable name and its actions.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::AppState;
use crate::model::{Action, MAX_NAME_CHARS};

#[derive(Properties, PartialEq)]
pub struct RegionHeaderProps {
    /// The region's position in the scenario, which its actions address.
    pub index: usize,
    pub count: usize,
    pub id: Rc<str>,
    pub name: Rc<str>,
    pub color_rgb: [u8; 3],
    pub expanded: bool,
    /// The region's main values in one line, for a folded region.
    pub summary: String,
    pub on_toggle: Callback<MouseEvent>,
    /// Why the last change to this region was refused, if it was.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn RegionHeader(props: &RegionHeaderProps) -> Html {
    let (id, index, name) = (&props.id, props.index, props.name.to_string());
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
    let on_name_blur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let pending = draft.as_ref().filter(|d| d.trim() != name);
    let name_text = pending.cloned().unwrap_or_else(|| name.clone());
    let name_error = pending.and(props.error.clone());
    let [r, g, b] = props.color_rgb;
    html! {
        <>
            <div class="region-row">
                <button type="button" class="icon" id={format!("toggle-{id}")} onclick={props.on_toggle.clone()}
                    aria-expanded={props.expanded.to_string()} aria-controls={format!("sliders-{id}")}
                    aria-label={format!("Show or hide the sliders of {name}")}>
                    { if props.expanded { "\u{25be}" } else { "\u{25b8}" } }
                </button>
                // An SVG fill, not a style attribute: the Content-Security-Policy refuses inline styles.
                <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                    <rect width="10" height="10" rx="2" fill={format!("rgb({r},{g},{b})")} />
                </svg>
                <input type="text" class="name" id={format!("name-{id}")} value={name_text}
                    maxlength={MAX_NAME_CHARS.to_string()} aria-label="Region name"
                    aria-invalid={name_error.is_some().to_string()} oninput={on_name} onblur={on_name_blur} />
                <span class="region-actions">
                    <button type="button" class="icon" id={format!("up-{id}")} disabled={index == 0}
                        onclick={act(Action::MoveRegion(index, index.saturating_sub(1)))}
                        aria-label={format!("Move {name} up")}>{"\u{2191}"}</button>
                    <button type="button" class="icon" id={format!("down-{id}")} disabled={index + 1 >= props.count}
                        onclick={act(Action::MoveRegion(index, index + 1))}
                        aria-label={format!("Move {name} down")}>{"\u{2193}"}</button>
                    <button type="button" class="icon" id={format!("duplicate-{id}")}
                        onclick={act(Action::DuplicateRegion(index))}
                        aria-label={format!("Copy {name}")} title="Duplicate this region">{"Copy"}</button>
                    <button type="button" class="icon danger" id={format!("remove-{id}")}
                        onclick={act(Action::RemoveRegion(index))}
                        aria-label={format!("Remove {name}")}>{"\u{2715}"}</button>
                </span>
            </div>
            <p class="region-summary" aria-hidden="true">{props.summary.clone()}</p>
            <p class="error" role="alert" id={format!("name-{id}-error")}>
                { name_error.map(|e| e.to_string()).unwrap_or_default() }
            </p>
        </>
    }
}
