//! `SharePanel`: the scenario as a link and an embed snippet, downloads of the scenario and table, imports, and reset.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::download::{download_text, log_failure};
use super::state::{AppState, Banner, Msg};
use super::storage;
use crate::chart::ChartKind;
use crate::model::codec::{fragment_of, from_json, to_json};
use crate::model::{report_csv, stay_or_move_csv, Report, Scenario};

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub scenario: Scenario,
    /// The scenario already encoded for a link (see `codec::encode_link`).
    pub link: Rc<str>,
    pub report: Rc<Report>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The page's address without its fragment: the base every link is built on.
pub fn page_address() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// A height at which the embed shows the summary, table and charts without a scrollbar down
/// to a 320 px width, where captions and names wrap the most (measured there: about 1 750 px
/// for the six seed regions); wider frames get some space below.
fn embed_height(report: &Report) -> u32 {
    let summary_and_table = 150 + 45 * (report.rows.len() as u32 + 1);
    let charts: u32 = ChartKind::ALL.iter().map(|k| k.size(report).1 + 140).sum();
    // The stay-or-move table's rows wrap at 320 px ("Move to Siberia (Russia)").
    let moves = 80 + 50 * (report.stay_or_move.len() as u32 + 1);
    summary_and_table + charts + moves + 40
}

/// Writes text to the clipboard; where that is refused, the text stays selectable on the page.
fn copy(text: String, status: UseStateHandle<String>, what: &'static str) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(clipboard.write_text(&text)).await {
            Ok(_) => status.set(format!("{what} copied.")),
            Err(_) => status.set(format!("The browser refused the clipboard: select the {what} below and copy it.")),
        }
    });
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let status = use_state(String::new);
    let confirming_reset = use_state(|| false);
    // The address without its fragment does not change while the page is open; reading it
    // from `location` on every slider event would be a call out of wasm and a string for nothing.
    let base = (*use_memo((), |_| page_address())).clone();
    let link = format!("{base}{}", fragment_of(&props.link, false));
    let embed_src = format!("{base}{}", fragment_of(&props.link, true));
    let snippet = format!(
        "<iframe src=\"{}\" title=\"sitecost scenario\" width=\"100%\" height=\"{}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        embed_src.replace('&', "&amp;").replace('"', "&quot;"),
        embed_height(&props.report)
    );

    let on_copy_link = {
        let (link, status) = (link.clone(), status.clone());
        Callback::from(move |_: MouseEvent| copy(link.clone(), status.clone(), "Link"))
    };
    let on_copy_embed = {
        let (snippet, status) = (snippet.clone(), status.clone());
        Callback::from(move |_: MouseEvent| copy(snippet.clone(), status.clone(), "Embed code"))
    };
    let on_json = {
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = download_text("sitecost-scenario.json", "application/json", &to_json(&scenario)) {
                log_failure("the scenario download", &e);
            }
        })
    };
    let on_csv = {
        let report = props.report.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = download_text("sitecost-results.csv", "text/csv;charset=utf-8", &report_csv(&report)) {
                log_failure("the table download", &e);
            }
        })
    };
    let on_moves_csv = {
        let report = props.report.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = stay_or_move_csv(&report);
            if let Err(e) = download_text("sitecost-stay-or-move.csv", "text/csv;charset=utf-8", &csv) {
                log_failure("the stay-or-move download", &e);
            }
        })
    };
    let on_import = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
                let result = text
                    .ok_or_else(|| vec![format!("{} could not be read as text.", file.name())])
                    .and_then(|t| from_json(&t));
                dispatch.dispatch(match result {
                    Ok(scenario) => Msg::Replace(Box::new(scenario), None),
                    Err(problems) => Msg::Tell(Banner {
                        title: format!("{} was not imported; your scenario is unchanged.", file.name()),
                        lines: problems,
                    }),
                });
            });
        })
    };
    let ask_reset = {
        let confirming_reset = confirming_reset.clone();
        Callback::from(move |_: MouseEvent| confirming_reset.set(true))
    };
    let cancel_reset = {
        let confirming_reset = confirming_reset.clone();
        Callback::from(move |_: MouseEvent| confirming_reset.set(false))
    };
    let confirm_reset = {
        let (confirming_reset, dispatch) = (confirming_reset.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            // A storage failure here only means there was nothing to forget.
            let _ = storage::clear();
            confirming_reset.set(false);
            dispatch.dispatch(Msg::Replace(Box::default(), None));
        })
    };

    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{"Share, export, reset"}</h2>
            <div class="buttons">
                <button type="button" id="copy-link" onclick={on_copy_link}>{"Copy link"}</button>
                <button type="button" id="copy-embed" onclick={on_copy_embed}>{"Copy embed code"}</button>
                <button type="button" id="export-csv" onclick={on_csv}>{"Table (CSV)"}</button>
                <button type="button" id="export-stay-or-move" onclick={on_moves_csv}>{"Stay or move (CSV)"}</button>
                <button type="button" id="export-json" onclick={on_json}>{"Scenario (JSON)"}</button>
            </div>
            <p class="status" aria-live="polite" id="share-status">{(*status).clone()}</p>
            // Closed, these fields cost no layout while a slider moves; their values stay current.
            <details id="share-details">
                <summary>{"Show the link and the embed code"}</summary>
                <label for="share-link">{"Link to this scenario"}</label>
                <input type="text" id="share-link" readonly=true value={link} />
                <label for="embed-code">{"Embed code"}</label>
                <textarea id="embed-code" readonly=true rows="3" value={snippet} />
            </details>
            <label for="import-json">{"Open a scenario file (JSON)"}</label>
            <input type="file" id="import-json" accept=".json,application/json" onchange={on_import} />
            <p>
                if *confirming_reset {
                    <span class="confirm" role="group" aria-label="Confirm reset">
                        {"Discard your scenario and go back to the defaults? "}
                        <button type="button" id="reset-confirm" class="danger" onclick={confirm_reset}>{"Discard and reset"}</button>
                        <button type="button" id="reset-cancel" onclick={cancel_reset}>{"Keep my scenario"}</button>
                    </span>
                } else {
                    <button type="button" id="reset" onclick={ask_reset}>{"Reset to defaults\u{2026}"}</button>
                }
            </p>
        </section>
    }
}
