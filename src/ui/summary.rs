//! `Summary`: one sentence on where the fleet goes and what it earns.

use std::rc::Rc;

use yew::prelude::*;

use crate::format::grouped;
use crate::model::Report;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub report: Rc<Report>,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let report = &props.report;
    let t = &report.totals;
    let used = report.rows.iter().filter(|r| r.allocated_mw > 0.0).count();
    html! {
        // Not a live region: it changes on every slider step, and a screen reader would read each one.
        <p id="summary">
            { format!("Placed as new capacity: {} MW in {} region{}, {} PH/s, profit ${} per day (all-in).",
                grouped(t.allocated_mw, 0), used, if used == 1 { "" } else { "s" },
                grouped(t.hashrate_ph_s, 0), grouped(t.profit_usd_per_day, 0)) }
            if let Some(best) = report.best_row() {
                { format!(" Best margin: {} at ${} per MW-day.", best.name, grouped(best.margin_usd_per_mw_day, 0)) }
            } else {
                {" No region makes money at these inputs."}
            }
            if t.unplaced_mw > 0.0 {
                { format!(" {} MW not placed: no profitable region has room left.", grouped(t.unplaced_mw, 0)) }
            }
            if let Some(plan) = report.plan_sentence() {
                <span id="plan-summary">{ format!(" {plan}") }</span>
            }
        </p>
    }
}
