//! `App`: the page — inputs on one side, results on the other — or, in embed mode, results only.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::banner::Banner;
use super::chart_figure::ChartFigure;
use super::global_controls::GlobalControls;
use super::projection_controls::ProjectionControls;
use super::region_controls::RegionControls;
use super::region_toolbar::RegionToolbar;
use super::results_table::ResultsTable;
use super::share_panel::{page_address, SharePanel};
use super::site_import::SiteImport;
use super::sources::Sources;
use super::startup::{from_current_fragment, start};
use super::state::{AppState, Msg, HALVING_DATE};
use super::stay_or_move_table::StayOrMoveTable;
use super::storage;
use super::summary::Summary;
use crate::chart::ChartKind;
use crate::model::codec::{encode_link, fragment_of};
use crate::model::region::SEED_IDS;
use crate::model::Report;

/// Up to this many regions the sliders start expanded; beyond, each region starts as one row.
const EXPANDED_UP_TO: usize = 8;

/// How long the autosave and the address bar wait after the last change: browsers throttle
/// pages that rewrite their URL on every frame of a drag, and a storage write per frame is
/// wasted work.
const SAVE_DELAY_MS: u32 = 150;

fn set_title(best: &Option<String>) {
    let title = match best {
        Some(name) => format!("sitecost \u{2014} best: {name}"),
        None => "sitecost \u{2014} no region pays".to_string(),
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&title);
    }
}

fn replace_address_fragment(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        // A refused update only leaves an older scenario in the address bar; the autosave has it.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// The scenario waiting to be kept where a reload finds it, and the timer that will keep it.
///
/// Storage and the address bar are written once a burst of changes ends ([`SAVE_DELAY_MS`]
/// after the last), not on every frame of a drag, and at once when the page is hidden or
/// closed, so a reload never loses a change.
#[derive(Default)]
struct PendingSave {
    link: Option<Rc<str>>,
    timer: Option<Timeout>,
}

/// Writes the pending scenario to storage and the address bar; returns why storage cannot
/// be used, if it cannot, or `None` when nothing was pending.
fn flush(pending: &RefCell<PendingSave>) -> Option<Option<String>> {
    let link = {
        let mut pending = pending.borrow_mut();
        pending.timer = None;
        pending.link.take()?
    };
    replace_address_fragment(&fragment_of(&link, false));
    Some(storage::save(&link).err())
}

fn results(report: &Rc<Report>, downloads: bool) -> Html {
    html! {
        <>
            <Summary report={report.clone()} />
            <ResultsTable report={report.clone()} />
            { for ChartKind::ALL.into_iter().map(|kind| html! {
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

#[component]
pub fn App() -> Html {
    let opening = use_memo((), |_| start());
    let state = use_reducer(|| AppState::new(opening.scenario.clone(), opening.banner.clone()));
    let storage_problem = use_state(|| opening.storage_problem.clone());
    let pending = use_mut_ref(PendingSave::default);
    let dispatch = state.dispatcher();
    let report = state.report.clone();
    let regions = &state.scenario.regions;
    let embed = opening.embed;
    // The region controls, import and share panels (most of the page's elements) are built just
    // after the first paint: the results and the first chart show first, the controls a moment
    // later, instead of everything after the longest render.
    let controls_ready = use_state(|| false);
    {
        let controls_ready = controls_ready.clone();
        use_effect_with((), move |_| {
            let timer = Timeout::new(0, move || controls_ready.set(true));
            move || drop(timer)
        });
    }

    // The title names the best region, set through the DOM's text API like every name.
    let best = report.best_row().map(|r| r.name.to_string());
    use_effect_with(best, set_title);

    // The scenario encoded once per change, for the autosave, the address bar and the share panel.
    let link: Rc<str> = (*use_memo(state.scenario.clone(), |s| Rc::<str>::from(encode_link(s)))).clone();
    {
        // An embed is a view of someone's link: it must not overwrite this browser's autosave.
        let (storage_problem, pending) = (storage_problem.clone(), pending.clone());
        use_effect_with(link.clone(), move |link| {
            if !embed {
                let timer = {
                    let pending = pending.clone();
                    Timeout::new(SAVE_DELAY_MS, move || {
                        if let Some(problem) = flush(&pending) {
                            if problem != *storage_problem {
                                storage_problem.set(problem);
                            }
                        }
                    })
                };
                // Replacing the timer drops (cancels) the previous one.
                *pending.borrow_mut() = PendingSave { link: Some(link.clone()), timer: Some(timer) };
            }
        });
    }
    {
        // A page being hidden or closed may never run the timer: keep the last change now.
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "pagehide", move |_| {
                flush(&pending);
            });
            move || drop(listener)
        });
    }

    {
        // A link pasted into the address bar of an open page changes only the fragment, which
        // reloads nothing: load its scenario here. Our own address updates use replaceState,
        // which fires no hashchange.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "hashchange", move |_| {
                if let Some((scenario, banner)) = from_current_fragment() {
                    dispatch.dispatch(Msg::Replace(Box::new(scenario), banner));
                }
            });
            move || drop(listener)
        });
    }

    let banner = state.banner.clone().map(|b| html! { <Banner banner={b} dispatch={dispatch.clone()} /> });

    if embed {
        let full = format!("{}{}", page_address(), fragment_of(&link, false));
        return html! {
            <div class="embed">
                { banner }
                { results(&report, false) }
                <p class="open-full">
                    <a href={full} target="_blank" rel="noopener" id="open-full">{"Open the full explorer \u{2197}"}</a>
                </p>
            </div>
        };
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
            <header class="page-header">
                <h1>{"sitecost"}</h1>
                <p>{"Where does Bitcoin mining still pay? Move any input and every region's break-even, \
                     margin and share of your fleet update at once."}</p>
                if let Some(problem) = &*storage_problem {
                    <p class="notice" id="storage-notice">
                        {format!("Your changes are not saved in this browser ({problem}). Copy the link to keep them.")}
                    </p>
                }
            </header>
            { banner }
            <main class="layout">
                <section class="inputs" aria-label="Inputs">
                    <GlobalControls globals={state.scenario.globals.clone()}
                        derived_usd_per_ph_day={report.hashprice_derived_usd_per_ph_day} dispatch={dispatch.clone()} />
                    <ProjectionControls globals={state.scenario.globals.clone()} regions={region_names}
                        error={month_error} dispatch={dispatch.clone()} />
                    <RegionToolbar count={regions.len()} missing_seeds={missing_seeds}
                        last_removed={state.last_removed.clone()} message={list_error}
                        dispatch={dispatch.clone()} />
                    if *controls_ready {
                        { for regions.iter().enumerate().map(|(index, region)| html! {
                            <RegionControls key={region.id.to_string()} index={index} count={regions.len()}
                                region={region.clone()} error={region_error(&region.id)}
                                expanded={expanded} dispatch={dispatch.clone()} />
                        }) }
                        <SiteImport regions={regions.clone()} dispatch={dispatch.clone()} />
                        <SharePanel scenario={state.scenario.clone()} link={link.clone()} report={report.clone()}
                            dispatch={dispatch.clone()} />
                    }
                </section>
                <section class="outputs" aria-label="Results">
                    { results(&report, true) }
                </section>
            </main>
            <footer>
                <Sources regions={regions.iter().map(|r| r.citation()).collect::<Vec<_>>()} />
            </footer>
        </>
    }
}
