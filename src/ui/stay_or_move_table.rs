//! `StayOrMoveTable`: for the fleet in the origin region, staying against each move, ranked by 36-month net.

use std::rc::Rc;

use yew::prelude::*;

use super::results_table::cell_in;
use crate::model::Report;

#[derive(Properties, PartialEq)]
pub struct StayOrMoveTableProps {
    pub report: Rc<Report>,
}

#[component]
pub fn StayOrMoveTable(props: &StayOrMoveTableProps) -> Html {
    let report = &props.report;
    // The table sits in a block of its own because `content-visibility` does not apply to a
    // table: the block is what lets the browser skip it while it is out of sight (with 50
    // regions its 250 figures cost about 4 ms per hashprice event when laid out and painted).
    let Some(origin) = report.origin.and_then(|i| report.rows.get(i)) else {
        return html! {
            <div class="stay-or-move">
                <p id="stay-or-move" class="note">
                    {"Choose the region your fleet is in now (\u{201c}Fleet is now in\u{201d}) to compare staying with moving."}
                </p>
            </div>
        };
    };
    html! {
        <div class="stay-or-move">
            <table id="stay-or-move" class="results">
                <caption>{format!("Stay or move: the fleet in {} over 36 months, best first", origin.name)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{"Option"}</th>
                        <th scope="col" class="num optional">{"Runs (MW)"}</th>
                        <th scope="col" class="num optional">{"Upfront (USD)"}</th>
                        <th scope="col" class="num">{"36-month net (USD)"}</th>
                        <th scope="col" class="num optional">{"Against staying (USD)"}</th>
                        <th scope="col" class="num">{"Beats staying from month"}</th>
                    </tr>
                </thead>
                <tbody>
                    { for report.stay_or_move.iter().map(|o| {
                        let label = if o.stay { format!("Stay in {}", o.name) } else { format!("Move to {}", o.name) };
                        let month = o.break_even_month.map_or(f64::INFINITY, f64::from);
                        html! {
                            <tr key={o.id.to_string()} data-option={o.id.to_string()} class={classes!(o.stay.then_some("stay"))}>
                                <th scope="row">{label}</th>
                                // Narrow screens keep the option, its net and the month it pulls ahead.
                                { cell_in("mw", o.mw, 1, Some("optional")) }
                                { cell_in("upfront_usd", o.upfront_usd, 0, Some("optional")) }
                                { cell_in("net_36m_usd", o.net_36m_usd, 0, None) }
                                { cell_in("vs_stay_usd", o.vs_stay_usd, 0, Some("optional")) }
                                if o.stay { <td class="num">{"\u{2014}"}</td> } else { { cell_in("break_even_month", month, 0, None) } }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
