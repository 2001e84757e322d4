//! `App`: the page — inputs on one side, summary, table and charts on the other.

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use super::global_controls::GlobalControls;
use super::region_controls::RegionControls;
use super::region_toolbar::RegionToolbar;
use super::results_table::ResultsTable;
use super::site_import::SiteImport;
use super::sources::Sources;
use super::state::AppState;
use super::summary::Summary;
use crate::chart::ChartKind;
use crate::model::region::SEED_IDS;

/// Up to this many regions the sliders start expanded; beyond, each region starts as one row.
const EXPANDED_UP_TO: usize = 8;

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let dispatch = state.dispatcher();
    let report = state.report.clone();
    let regions = &state.scenario.regions;

    // The title names the best region, set through the DOM's text API like every name.
    let best = report
        .rows
        .iter()
        .filter(|r| r.margin_usd_per_mw_day > 0.0)
        .max_by(|a, b| a.margin_usd_per_mw_day.total_cmp(&b.margin_usd_per_mw_day))
        .map(|r| r.name.to_string());
    use_effect_with(best, |best| {
        let title = match best {
            Some(name) => format!("sitecost \u{2014} best: {name}"),
            None => "sitecost \u{2014} no region pays".to_string(),
        };
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
    });

    let refusal = state.refusal.as_ref();
    let region_error =
        |id: &str| refusal.filter(|r| r.region_id.as_deref() == Some(id)).map(|r| AttrValue::from(r.message.clone()));
    let list_error = refusal.filter(|r| r.region_id.is_none()).map(|r| AttrValue::from(r.message.clone()));
    let missing_seeds = SEED_IDS.iter().filter(|id| !regions.iter().any(|r| &*r.id == **id)).count();
    let expanded = regions.len() <= EXPANDED_UP_TO;

    html! {
        <>
            <header class="page-header">
                <h1>{"sitecost"}</h1>
                <p>{"Where does Bitcoin mining still pay? Move any input and every region's break-even, \
                     margin and share of your fleet update at once."}</p>
            </header>
            <main class="layout">
                <section class="inputs" aria-label="Inputs">
                    <GlobalControls globals={state.scenario.globals.clone()} dispatch={dispatch.clone()} />
                    <RegionToolbar count={regions.len()} missing_seeds={missing_seeds}
                        last_removed={state.last_removed.clone()} message={list_error}
                        dispatch={dispatch.clone()} />
                    { for regions.iter().enumerate().map(|(index, region)| html! {
                        <RegionControls key={region.id.to_string()} index={index} count={regions.len()}
                            region={region.clone()} error={region_error(&region.id)}
                            expanded={expanded} dispatch={dispatch.clone()} />
                    }) }
                    <SiteImport regions={regions.clone()} dispatch={dispatch.clone()} />
                </section>
                <section class="outputs" aria-label="Results">
                    <Summary report={report.clone()} />
                    <ResultsTable report={report.clone()} />
                    { for ChartKind::ALL.into_iter().map(|kind| html! {
                        <ChartFigure key={kind.name()} kind={kind} report={report.clone()} />
                    }) }
                </section>
            </main>
            <footer>
                <Sources regions={regions.clone()} />
            </footer>
        </>
    }
}
