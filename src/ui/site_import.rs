//! `SiteImport`: import sites from a CSV file or pasted text, with a preview, and export them back.

use std::rc::Rc;

use yew::prelude::*;

use super::download::on_click_download;
use super::import_preview::ImportPreview;
use super::state::AppState;
use super::use_import_text::{held_note, shown, use_import_text, ImportText};
use super::use_latest::Latest;
use crate::model::sites::{export, optional_columns, preview, required_columns};
use crate::model::Action;

#[derive(Properties, PartialEq)]
pub struct SiteImportProps {
    /// The regions' ids and names, which the preview checks new sites against.
    pub names: Rc<[(Rc<str>, Rc<str>)]>,
    /// The app's state as of its last render: the export reads the regions when clicked, so the
    /// panel does not re-render with every input.
    pub state: Latest<UseReducerHandle<AppState>>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn SiteImport(props: &SiteImportProps) -> Html {
    let ImportText { text, file_error, on_file, on_paste } = use_import_text();
    let names: Vec<String> = props.names.iter().map(|(_, name)| name.to_string()).collect();
    // Nothing changes until the user confirms: the preview is computed, never applied.
    let preview = use_memo(((*text).clone(), names), |(text, names)| preview(text, names.iter().map(String::as_str)));

    let on_confirm = {
        let (text, dispatch, preview) = (text.clone(), props.dispatch.clone(), preview.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::AddSites(preview.good()).into());
            text.set(String::new());
        })
    };
    let on_cancel = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| text.set(String::new()))
    };
    let on_export = {
        let state = props.state.clone();
        on_click_download("sitecost-sites.csv", "text/csv;charset=utf-8", "exporting sites", move || {
            export(&state.get().scenario.regions)
        })
    };

    let hint = format!(
        "CSV columns: {} (required); {} (optional: a missing value takes the new-site default).",
        required_columns().collect::<Vec<_>>().join(", "),
        optional_columns().collect::<Vec<_>>().join(", ")
    );
    let placeholder = required_columns().chain(optional_columns().take(1)).collect::<Vec<_>>().join(",");
    html! {
        <section class="site-import" aria-labelledby="site-import-title">
            <h2 id="site-import-title">{"Import or export sites"}</h2>
            <p class="hint">{hint}</p>
            <label for="import-sites">{"CSV file"}</label>
            <input type="file" id="import-sites" accept=".csv,text/csv" onchange={on_file} />
            if let Some(e) = &file_error { <p class="error" role="alert">{e.clone()}</p> }
            <label for="import-sites-text">{"or paste CSV"}</label>
            <textarea id="import-sites-text" rows="4" value={shown(&text)} oninput={on_paste}
                placeholder={placeholder} />
            { held_note(&text) }
            if !text.trim().is_empty() {
                <ImportPreview preview={preview.clone()} on_confirm={on_confirm} on_cancel={on_cancel} />
            }
            <p><button type="button" id="export-sites" onclick={on_export}>{"Export sites (CSV)"}</button></p>
        </section>
    }
}
