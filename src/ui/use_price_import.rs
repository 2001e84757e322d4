//! `use_price_import`: the state of the price import panel — chosen region, text, preview — and its handlers.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::use_import_text::{use_import_text, ImportText};
use crate::model::prices_csv::{preview, PricePreview, PriceRows};

/// What the panel shows and the handlers of its controls.
pub struct PriceImportState {
    /// The chosen region's id: the one picked if it still exists, else the first.
    pub region: Option<Rc<str>>,
    pub text: String,
    pub file_error: Option<String>,
    pub preview: Rc<PricePreview>,
    /// Whether confirming would give the region a profile: a region, rows and no problem.
    pub can_confirm: bool,
    pub on_region: Callback<Event>,
    pub on_file: Callback<Event>,
    pub on_paste: Callback<InputEvent>,
    pub on_confirm: Callback<MouseEvent>,
    pub on_clear: Callback<MouseEvent>,
}

/// Keeps the text read from a file or pasted, previews it (nothing changes until the user
/// confirms), and hands the chosen region's id with the rows to `confirm`, or the id alone to
/// `clear`. `region_changed` hears each pick, so that views can follow the chosen region.
#[hook]
pub fn use_price_import(
    region_ids: Vec<Rc<str>>,
    confirm: Callback<(String, PriceRows)>,
    clear: Callback<String>,
    region_changed: Callback<String>,
) -> PriceImportState {
    let picked = use_state(|| None::<Rc<str>>);
    let ImportText { text, file_error, on_file, on_paste } = use_import_text();
    let preview = use_memo((*text).clone(), |text| preview(text));
    // A picked region that was removed since falls back to the first, as the select shows.
    let region = picked.as_ref().filter(|id| region_ids.contains(id)).or(region_ids.first()).cloned();

    let on_region = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            picked.set(Some(id.as_str().into()));
            region_changed.emit(id);
        })
    };
    let can_confirm = region.is_some() && preview.ok() && !preview.rows.is_empty();
    let on_confirm = {
        let (region, text, preview) = (region.clone(), text.clone(), preview.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(id), true) = (&region, can_confirm) {
                confirm.emit((id.to_string(), preview.rows.clone()));
                text.set(String::new());
            }
        })
    };
    let on_clear = {
        let region = region.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = &region {
                clear.emit(id.to_string());
            }
        })
    };
    PriceImportState {
        region,
        text: (*text).clone(),
        file_error,
        preview,
        can_confirm,
        on_region,
        on_file,
        on_paste,
        on_confirm,
        on_clear,
    }
}
