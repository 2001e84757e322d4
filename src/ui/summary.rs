//! `Summary`: one sentence on where the fleet goes and what it earns.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Report;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub report: Rc<Report>,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let report = &props.report;
    html! {
        // Not a live region: it changes on every slider step, and a screen reader would read each one.
        <p id="summary">
            { report.summary_sentence() }
            if let Some(plan) = report.plan_sentence() {
                <span id="plan-summary">{ format!(" {plan}") }</span>
            }
        </p>
    }
}
