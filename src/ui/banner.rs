//! `Banner`: a message across the top of the page, naming what went wrong, with a dismiss button.

use yew::prelude::*;

use super::state::{AppState, Banner as BannerText, Msg};

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub banner: BannerText,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn Banner(props: &BannerProps) -> Html {
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::DismissBanner))
    };
    html! {
        <div id="banner" class="banner" role="alert">
            <strong>{props.banner.title.clone()}</strong>
            <ul>{ for props.banner.lines.iter().map(|l| html! { <li>{l.clone()}</li> }) }</ul>
            <button type="button" id="dismiss-banner" onclick={dismiss}>{"Dismiss"}</button>
        </div>
    }
}
