//! `App`: the page — inputs on one side, summary, table and charts on the other.

use yew::prelude::*;

use super::chart_figure::ChartFigure;
use super::global_controls::GlobalControls;
use super::region_controls::RegionControls;
use super::results_table::ResultsTable;
use super::sources::Sources;
use super::state::AppState;
use super::summary::Summary;
use crate::chart::ChartKind;

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let dispatch = state.dispatcher();
    let report = state.report.clone();
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
                    { for state.scenario.regions.iter().enumerate().map(|(index, region)| html! {
                        <RegionControls key={region.id.to_string()} index={index} region={region.clone()}
                            dispatch={dispatch.clone()} />
                    }) }
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
                <Sources regions={state.scenario.regions.clone()} />
            </footer>
        </>
    }
}
