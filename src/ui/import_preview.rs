//! `ImportPreview`: what a sites import would add, line by line with every problem, and the buttons to add or cancel.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::sites::Preview;

#[derive(Properties, PartialEq)]
pub struct ImportPreviewProps {
    pub preview: Rc<Preview>,
    pub on_confirm: Callback<MouseEvent>,
    pub on_cancel: Callback<MouseEvent>,
}

#[component]
pub fn ImportPreview(props: &ImportPreviewProps) -> Html {
    let preview = &props.preview;
    let good = preview.good().len();
    html! {
        <div id="import-preview">
            if let Some(problem) = &preview.problem {
                <p class="error" role="alert">{problem.clone()}</p>
            } else {
                <table>
                    <thead><tr><th scope="col">{"Line"}</th><th scope="col">{"Name"}</th><th scope="col">{"Result"}</th></tr></thead>
                    <tbody>
                        { for preview.rows.iter().map(|row| html! {
                            <tr data-line={row.line.to_string()} class={if row.outcome.is_ok() { "ok" } else { "bad" }}>
                                <td>{row.line}</td>
                                <td>{row.name.clone()}</td>
                                <td>{ match &row.outcome {
                                    Ok(_) => "will be added".to_string(),
                                    Err(errors) => errors.join("; "),
                                } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <button type="button" id="import-sites-confirm" disabled={good == 0} onclick={props.on_confirm.clone()}>
                { format!("Add {good} site{}", if good == 1 { "" } else { "s" }) }
            </button>
            <button type="button" id="import-sites-cancel" onclick={props.on_cancel.clone()}>{"Cancel"}</button>
        </div>
    }
}
