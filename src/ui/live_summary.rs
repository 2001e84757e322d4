//! `LiveSummary`: on one-column screens, a strip that stays at the top of the inputs while they
//! scroll, so the effect of a slider shows while it moves (the results are far below them).

use std::rc::Rc;

use yew::prelude::*;

use crate::format::grouped;
use crate::model::{OptionKind, Report};

#[derive(Properties, PartialEq)]
pub struct LiveSummaryProps {
    pub report: Rc<Report>,
}

#[component]
pub fn LiveSummary(props: &LiveSummaryProps) -> Html {
    let report = &props.report;
    let money = |v: f64| format!("${}", grouped(v, 0));
    let best = match report.best_row() {
        Some(best) => format!("best {} at {}/MW-day", best.name, money(best.margin_usd_per_mw_day)),
        None => "no region makes money".to_string(),
    };
    let plan = report.stay_or_move.iter().find(|o| o.kind == OptionKind::Plan).map(|p| p.what_it_does());
    html! {
        // Not a live region, like the summary: it changes on every slider step.
        <div id="live-summary">
            <span data-live="profit">{"Fleet profit "}<strong>{ money(report.totals.profit_usd_per_day) }</strong>{"/day"}</span>
            <span data-live="best">{ best }</span>
            if let Some(plan) = plan.filter(|p| !p.is_empty()) {
                <span data-live="plan">{"plan: "}{ plan }</span>
            }
        </div>
    }
}
