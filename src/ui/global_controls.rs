//! `GlobalControls`: the sliders for inputs that apply to the whole fleet.

use yew::prelude::*;

use super::slider::Slider;
use super::state::AppState;
use crate::model::{Action, GlobalField, Globals};

#[derive(Properties, PartialEq)]
pub struct GlobalControlsProps {
    pub globals: Globals,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn GlobalControls(props: &GlobalControlsProps) -> Html {
    html! {
        <fieldset class="globals">
            <legend>{"Market and fleet"}</legend>
            { for GlobalField::ALL.into_iter().map(|field| {
                let dispatch = props.dispatch.clone();
                html! {
                    <Slider key={field.spec().key} id={field.spec().key} spec={field.spec()}
                        value={props.globals.value(field)}
                        source={Some(Globals::source(field))}
                        on_change={Callback::from(move |v| dispatch.dispatch(Action::SetGlobal(field, v).into()))} />
                }
            }) }
        </fieldset>
    }
}
