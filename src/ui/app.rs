//! `App`: the page — inputs on one side, results on the other — or, in embed mode, results only.

use std::rc::Rc;

use yew::prelude::*;

use super::banner::Banner;
use super::chart_figure::ChartFigure;
use super::global_controls::GlobalControls;
use super::live_summary::LiveSummary;
use super::mount::Opening;
use super::price_import::PriceImport;
use super::projection_controls::ProjectionControls;
use super::region_controls::RegionControls;
use super::region_toolbar::RegionToolbar;
use super::results_table::ResultsTable;
use super::share_panel::{page_address, SharePanel};
use super::site_import::SiteImport;
use super::sources::Sources;
use super::startup::in_browser;
use super::state::HALVING_DATE;
use super::stay_or_move_table::StayOrMoveTable;
use super::summary::Summary;
use super::use_autosave::use_autosave;
use super::use_debounced_link::use_debounced_link;
use super::use_latest::{use_latest, Held};
use super::use_pasted_link::use_pasted_link;
use super::use_rest::use_rest;
use super::use_staged::use_staged;
use super::use_takeover::use_takeover;
use super::use_title::use_title;
use crate::chart::ChartKind;
use crate::model::codec::fragment_of;
use crate::model::region::{Region, SEED_IDS};
use crate::model::Report;

/// Up to this many regions the sliders start expanded; beyond, each region starts as one row.
const EXPANDED_UP_TO: usize = 8;

/// The first render's stages (see `use_staged`). Before the takeover the app's root is not laid
/// out, so a stage there costs its script alone, and they are small: the summary, the table, the
/// charts two by two, the fleet's inputs in two. At SHOWN the app has what the prerendered page
/// shows above its footnote and takes its place; then come the footnote of sources, half the
/// regions, all of them (their costs folded, not built), each region's cost sliders in a stage
/// of its own, and last the import and share panels.
const SUMMARY: usize = 1;
const TABLE: usize = SUMMARY + 1;
const CHARTS_PER_STAGE: usize = 2;
const GLOBALS: usize = TABLE + ChartKind::ALL.len().div_ceil(CHARTS_PER_STAGE) + 1;
const SHOWN: usize = GLOBALS + 1;
const SOURCES: usize = SHOWN + 1;
const REGIONS_DONE: usize = SOURCES + 2;

/// The charts built by the first render's stage `built`: two more in each stage after the table's.
fn charts_built(built: usize) -> usize {
    (built.saturating_sub(TABLE) * CHARTS_PER_STAGE).min(ChartKind::ALL.len())
}

fn results(report: &Rc<Report>, downloads: bool, built: usize) -> Html {
    if built < SUMMARY {
        return Html::default();
    }
    let charts = charts_built(built);
    html! {
        <>
            <Summary report={report.clone()} />
            if built >= TABLE {
                <ResultsTable report={report.clone()} />
            }
            { for ChartKind::ALL.into_iter().take(charts).map(|kind| html! {
                <>
                    <ChartFigure key={kind.name()} kind={kind} report={report.clone()} downloads={downloads} />
                    // The stay-or-move comparison is a chart and, beside it, its table.
                    if kind == ChartKind::StayOrMove {
                        <StayOrMoveTable report={report.clone()} />
                    }
                </>
            }) }
        </>
    }
}

/// An embed: someone's link shown as results only, with a way into the full explorer.
///
/// Its content is one `<main>` landmark under a level-one heading, as on the full page; the
/// heading is for assistive technology only, since an embed shows results, not the header.
fn embed(banner: Option<Html>, report: &Rc<Report>, link: &str, built: usize) -> Html {
    let full = format!("{}{}", page_address(), fragment_of(link, false));
    html! {
        <main class="embed">
            <h1 class="visually-hidden">{"sitecost scenario"}</h1>
            { banner }
            { results(report, false, built) }
            <p class="open-full">
                <a href={full} target="_blank" rel="noopener" id="open-full">{"Open the full explorer \u{2197}"}</a>
            </p>
        </main>
    }
}

/// Why this browser does not keep the user's changes, when it does not.
fn storage_notice(problem: Option<String>) -> Html {
    problem.map_or_else(Html::default, |problem| {
        html! {
            <p class="notice" id="storage-notice">
                {format!("Your changes are not saved in this browser ({problem}). Copy the link to keep them.")}
            </p>
        }
    })
}

/// The footnote of sources, from its stage of the first render on; with many regions, skipped
/// while out of sight (style.css).
fn footer(regions: &[Region], built: usize, many: bool) -> Html {
    if built < SOURCES {
        return Html::default();
    }
    html! {
        <footer class={classes!(many.then_some("many-regions"))}>
            <Sources regions={regions.iter().map(|r| r.citation()).collect::<Vec<_>>()} />
        </footer>
    }
}

/// What the app opens with when it was worked out before (in the browser, `mount::start`);
/// without it (prerendering), the app works it out itself.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub opening: Option<Held<Opening>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let opening = use_memo((), |_| Opening::take_start(props.opening.as_ref()));
    let state = use_reducer(|| Opening::take_state(props.opening.as_ref(), &opening));
    let dispatch = state.dispatcher();
    let report = state.report.clone();
    let regions = &state.scenario.regions;
    // The first render is built over several tasks (see SHOWN), so that no task blocks input
    // long. Natively, for the prerendered page, it is rendered at once up to the footnote: what
    // the app shows when it takes that page's place, so that the two have the same layout.
    let built = use_staged(if in_browser() { 0 } else { SOURCES }, REGIONS_DONE + regions.len(), SHOWN);
    let regions_built = match built.saturating_sub(SOURCES) {
        0 => 0,
        1 => regions.len().div_ceil(2),
        _ => regions.len(),
    };
    let costs_built = built.saturating_sub(REGIONS_DONE);
    use_title(report.best_row().map(|r| r.name.to_string()));
    // The scenario encoded once per change, for the autosave, the address bar and the share panel.
    let link = use_debounced_link(&state.scenario);
    // An embed is a view of someone's link: it must not overwrite this browser's autosave.
    let storage_problem = use_autosave(&state.scenario, !opening.embed, opening.storage_problem.clone(), opening.kept);
    use_pasted_link(dispatch.clone());
    let latest = use_latest(state.clone());
    use_rest();
    use_takeover(built >= SHOWN);

    let banner = state.banner.clone().map(|b| html! { <Banner banner={b} dispatch={dispatch.clone()} /> });
    if opening.embed {
        return embed(banner, &report, &link, built);
    }

    let refusal = state.refusal.as_ref();
    let region_error =
        |id: &str| refusal.filter(|r| r.region_id.as_deref() == Some(id)).map(|r| AttrValue::from(r.message.clone()));
    let list_error =
        refusal.filter(|r| r.region_id.is_none() && r.field.is_none()).map(|r| AttrValue::from(r.message.clone()));
    let month_error = refusal.filter(|r| r.field == Some(HALVING_DATE)).map(|r| AttrValue::from(r.message.clone()));
    let region_names: Rc<[(Rc<str>, Rc<str>)]> = regions.iter().map(|r| (r.id.clone(), r.name.clone())).collect();
    let missing_seeds = SEED_IDS.iter().filter(|id| !regions.iter().any(|r| &*r.id == **id)).count();
    let expanded = regions.len() <= EXPANDED_UP_TO;

    html! {
        <>
            { storage_notice(storage_problem) }
            { banner }
            <main class="layout">
                // With many regions, those out of sight are skipped while inputs come (style.css).
                <section class={classes!("inputs", (!expanded).then_some("many-regions"))} aria-label="Inputs">
                    if built >= GLOBALS {
                        <LiveSummary report={report.clone()} />
                        <GlobalControls globals={state.scenario.globals.clone()}
                            derived_usd_per_ph_day={report.hashprice_derived_usd_per_ph_day} dispatch={dispatch.clone()} />
                    }
                    if built >= SHOWN {
                        <ProjectionControls globals={state.scenario.globals.clone()} regions={region_names.clone()}
                            error={month_error} dispatch={dispatch.clone()} />
                        <RegionToolbar count={regions.len()} missing_seeds={missing_seeds}
                            last_removed={state.last_removed.clone()} message={list_error}
                            dispatch={dispatch.clone()} />
                    }
                    { for regions.iter().enumerate().take(regions_built).map(|(index, region)| html! {
                        <RegionControls key={region.id.to_string()} index={index} count={regions.len()}
                            region={region.clone()} error={region_error(&region.id)}
                            expanded={expanded} costs={index < costs_built} dispatch={dispatch.clone()} />
                    }) }
                    if built == usize::MAX {
                        <SiteImport names={region_names.clone()} state={latest.clone()} dispatch={dispatch.clone()} />
                        <PriceImport regions={region_names.to_vec()} dispatch={dispatch.clone()} />
                        <SharePanel state={latest} link={link.clone()} dispatch={dispatch.clone()} />
                    }
                </section>
                <section class="outputs" aria-label="Results">
                    { results(&report, true, built) }
                </section>
            </main>
            { footer(regions, built, !expanded) }
        </>
    }
}
