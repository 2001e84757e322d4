//! `Sources`: the footnote that cites every default value or labels it an assumption.

use yew::prelude::*;

use crate::model::{Citation, GlobalField, Globals, RegionField, Sourced};

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    /// Names and citations only: dragging a slider changes neither, so the footnote stays put.
    pub regions: Vec<Citation>,
}

fn item(label: String, source: Sourced) -> Html {
    html! {
        <li class={classes!(source.assumption.then_some("assumption"))}>
            <strong>{label}{": "}</strong>{source.text}
        </li>
    }
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    html! {
        <section id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{"Sources and assumptions behind the defaults"}</h2>
            <p>{"Values marked \u{201c}assumed\u{201d} are our own assumptions, not published figures: replace them with your own."}</p>
            <ul>
                { for GlobalField::ALL.into_iter().map(|f| item(f.spec().label.to_string(), Globals::source(f))) }
                { for props.regions.iter().flat_map(|r| RegionField::ALL.into_iter().map(move |f| {
                    item(format!("{}, {}", r.name, f.spec().label.to_lowercase()), r.source(f))
                })) }
            </ul>
        </section>
    }
}
