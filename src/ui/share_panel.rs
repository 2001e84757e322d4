//! `SharePanel`: the scenario as a link and an embed snippet, downloads of the scenario and table, imports, and reset.

use std::rc::Rc;

use yew::prelude::*;

use super::download::on_click_download;
use super::state::{AppState, Banner, Msg};
use super::use_clipboard::use_clipboard;
use super::use_file_text::{use_file_text, FileText};
use super::use_latest::Latest;
use super::use_reset::use_reset;
use crate::chart::ChartKind;
use crate::model::codec::{encode_link, fragment_of, from_json, to_json};
use crate::model::{report_csv, stay_or_move_csv, Report};

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The app's state as of its last render: the buttons read the scenario and report when
    /// clicked, so the panel re-renders with the link, not with every input.
    pub state: Latest<UseReducerHandle<AppState>>,
    /// The scenario encoded for a link (see `codec::encode_link`) once its last burst of changes
    /// ended: what the fields show. The copy buttons encode the scenario as it is when clicked.
    pub link: Rc<str>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The page's address without its fragment: the base every link is built on.
pub fn page_address() -> String {
    if !super::startup::in_browser() {
        return String::new();
    }
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

/// The `<iframe>` that embeds the scenario at `embed_src`.
fn embed_snippet(embed_src: &str, report: &Report) -> String {
    format!(
        "<iframe src=\"{}\" title=\"sitecost scenario\" width=\"100%\" height=\"{}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        embed_src.replace('&', "&amp;").replace('"', "&quot;"),
        embed_height(report)
    )
}

/// The link and the embed code of a scenario encoded as `link`, on the page's address `base`.
fn link_and_snippet(base: &str, link: &str, report: &Report) -> (String, String) {
    let snippet = embed_snippet(&format!("{base}{}", fragment_of(link, true)), report);
    (format!("{base}{}", fragment_of(link, false)), snippet)
}

/// What an imported scenario file does: replace the scenario, or say why it did not.
fn imported(file: FileText) -> Msg {
    let result =
        file.text.ok_or_else(|| vec![format!("{} could not be read as text.", file.name)]).and_then(|t| from_json(&t));
    match result {
        Ok(scenario) => Msg::Replace(Box::new(scenario), None),
        Err(problems) => Msg::Tell(Banner {
            title: format!("{} was not imported; your scenario is unchanged.", file.name),
            lines: problems,
        }),
    }
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let clipboard = use_clipboard();
    let reset = use_reset(props.dispatch.clone());
    let on_import = use_file_text(props.dispatch.to_callback().reform(imported));
    // The address without its fragment does not change while the page is open; reading it
    // from `location` on every slider event would be a call out of wasm and a string for nothing.
    let base = (*use_memo((), |_| page_address())).clone();
    let (link, snippet) = link_and_snippet(&base, &props.link, &props.state.get().report);
    // A click copies the scenario as it is now, even within the fields' delay after a change.
    let now = {
        let (state, base) = (props.state.clone(), base.clone());
        Rc::new(move || {
            let state = state.get();
            link_and_snippet(&base, &encode_link(&state.scenario), &state.report)
        })
    };
    let csv = "text/csv;charset=utf-8";
    let on_json = {
        let state = props.state.clone();
        on_click_download("sitecost-scenario.json", "application/json", "the scenario download", move || {
            to_json(&state.get().scenario)
        })
    };
    let on_csv = {
        let state = props.state.clone();
        on_click_download("sitecost-results.csv", csv, "the table download", move || report_csv(&state.get().report))
    };
    let on_moves_csv = {
        let state = props.state.clone();
        on_click_download("sitecost-stay-or-move.csv", csv, "the stay-or-move download", move || {
            stay_or_move_csv(&state.get().report)
        })
    };

    html! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{"Share, export, reset"}</h2>
            <div class="buttons">
                <button type="button" id="copy-link" onclick={clipboard.copy_on_click({ let now = now.clone(); move || now().0 }, "Link")}>{"Copy link"}</button>
                <button type="button" id="copy-embed" onclick={clipboard.copy_on_click(move || now().1, "Embed code")}>{"Copy embed code"}</button>
                <button type="button" id="export-csv" onclick={on_csv}>{"Table (CSV)"}</button>
                <button type="button" id="export-stay-or-move" onclick={on_moves_csv}>{"Stay or move (CSV)"}</button>
                <button type="button" id="export-json" onclick={on_json}>{"Scenario (JSON)"}</button>
            </div>
            <p class="status" aria-live="polite" id="share-status">{clipboard.status.clone()}</p>
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
                if reset.confirming {
                    <span class="confirm" role="group" aria-label="Confirm reset">
                        {"Discard your scenario and go back to the defaults? "}
                        <button type="button" id="reset-confirm" class="danger" onclick={reset.confirm}>{"Discard and reset"}</button>
                        <button type="button" id="reset-cancel" onclick={reset.cancel}>{"Keep my scenario"}</button>
                    </span>
                } else {
                    <button type="button" id="reset" onclick={reset.ask}>{"Reset to defaults\u{2026}"}</button>
                }
            </p>
        </section>
    }
}
