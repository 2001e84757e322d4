//! `PriceImport`: give a region an interval price profile from a CSV file or pasted text, with a preview, or clear it back to flat.

use std::rc::Rc;

use yew::prelude::*;

use super::price_import_preview::PriceImportPreview;
use super::state::AppState;
use super::use_import_text::{held_note, shown};
use super::use_price_import::use_price_import;
use crate::model::prices_csv::PriceRows;
use crate::model::Action;

const HINT: &str = "CSV columns: usd_per_kwh (USD/kWh) or usd_per_mwh (USD/MWh, divided by 1,000), one row per \
    interval, at least 24; optional timestamp (ISO 8601, e.g. 2024-07-01T14:00-05:00) for a curve per month. \
    Prices within ±$10/kWh; negative prices are allowed. Other columns are ignored.";

#[derive(Properties, PartialEq)]
pub struct PriceImportProps {
    /// Each region's id and name, in page order.
    pub regions: Vec<(Rc<str>, Rc<str>)>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A callback that dispatches the action `make` builds from its value.
fn to_action<T: 'static>(dispatch: &UseReducerDispatcher<AppState>, make: fn(T) -> Action) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: T| dispatch.dispatch(make(value).into()))
}

#[component]
pub fn PriceImport(props: &PriceImportProps) -> Html {
    let ids: Vec<Rc<str>> = props.regions.iter().map(|(id, _)| id.clone()).collect();
    let d = &props.dispatch;
    // The confirmed rows (month 1–12 when timestamped, USD/kWh) become the region's profile; the
    // region picked is the one the price-duration chart follows.
    let s = use_price_import(
        ids,
        to_action(d, |(id, rows): (String, PriceRows)| Action::SetPriceProfile(id, rows)),
        to_action(d, Action::ClearPriceProfile),
        to_action(d, |id| Action::SetPriceDurationRegion(Some(id))),
    );
    let region_name = props.regions.iter().find(|(id, _)| Some(id) == s.region.as_ref()).map(|(_, name)| name.clone());
    html! {
        <section class="price-import" aria-labelledby="price-import-title">
            <h2 id="price-import-title">{"Hourly power prices"}</h2>
            <p class="hint">{HINT}</p>
            <label for="prices-region">{"Region"}</label>
            <select id="prices-region" onchange={s.on_region} disabled={props.regions.is_empty()}>
                { for props.regions.iter().map(|(id, name)| html! {
                    <option value={id.to_string()} selected={Some(id) == s.region.as_ref()}>{name.to_string()}</option>
                }) }
            </select>
            <label for="import-prices">{"CSV file of prices"}</label>
            <input type="file" id="import-prices" accept=".csv,text/csv,text/plain" onchange={s.on_file} />
            if let Some(e) = s.file_error { <p class="error" role="alert">{e}</p> }
            <label for="import-prices-text">{"or paste CSV"}</label>
            <textarea id="import-prices-text" rows="4" value={shown(&s.text)} oninput={s.on_paste}
                placeholder="timestamp,usd_per_mwh" />
            { held_note(&s.text) }
            if !s.text.trim().is_empty() { <PriceImportPreview preview={s.preview.clone()} /> }
            <p class="buttons">
                <button type="button" id="import-prices-confirm" disabled={!s.can_confirm} onclick={s.on_confirm}>
                    { format!("Use these prices for {}", region_name.as_deref().unwrap_or("the region")) }
                </button>
                <button type="button" id="clear-prices" disabled={s.region.is_none()} onclick={s.on_clear}>
                    {"Back to a flat price"}
                </button>
            </p>
        </section>
    }
}
