//! `ResultsTable`: the report as a table whose cells carry raw numbers for scripts and tests.

use std::rc::Rc;

use yew::prelude::*;

use crate::format::grouped;
use crate::model::Report;

#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    pub report: Rc<Report>,
}

/// One figure: `data-value` holds the unformatted number, the text is for people.
fn cell(metric: &'static str, value: f64, decimals: usize) -> Html {
    let class = (value < 0.0).then_some("negative");
    html! {
        <td data-metric={metric} data-value={value.to_string()} class={classes!("num", class)}>
            { grouped(value, decimals) }
        </td>
    }
}

#[component]
pub fn ResultsTable(props: &ResultsTableProps) -> Html {
    let report = &props.report;
    let t = &report.totals;
    html! {
        <table id="results">
            <caption>{"Results per region for the current inputs"}</caption>
            <thead>
                <tr>
                    <th scope="col">{"Region"}</th>
                    <th scope="col" class="num">{"Break-even power (USD/kWh)"}</th>
                    <th scope="col" class="num">{"Break-even hashprice (USD/PH/day)"}</th>
                    <th scope="col" class="num">{"Margin (USD/MW-day)"}</th>
                    <th scope="col" class="num">{"Allocated (MW)"}</th>
                    <th scope="col" class="num">{"Hashrate (PH/s)"}</th>
                    <th scope="col" class="num">{"Profit (USD/day)"}</th>
                </tr>
            </thead>
            <tbody>
                { for report.rows.iter().map(|row| html! {
                    <tr key={row.id.to_string()} data-region={row.id.to_string()}>
                        <th scope="row">
                            {row.name.to_string()}
                            if row.cap_binds { <span class="badge" title="The cap binds: this region took its whole cap while fleet was left to place.">{"cap"}</span> }
                        </th>
                        { cell("break_even_usd_per_kwh", row.break_even_usd_per_kwh, 4) }
                        { cell("break_even_usd_per_ph_day", row.break_even_usd_per_ph_day, 2) }
                        { cell("margin_usd_per_mw_day", row.margin_usd_per_mw_day, 0) }
                        { cell("allocated_mw", row.allocated_mw, 1) }
                        { cell("hashrate_ph_s", row.hashrate_ph_s, 1) }
                        { cell("profit_usd_per_day", row.profit_usd_per_day, 0) }
                    </tr>
                }) }
            </tbody>
            <tfoot>
                <tr data-region="total">
                    <th scope="row">{"Total"}</th>
                    <td></td><td></td><td></td>
                    { cell("allocated_mw", t.allocated_mw, 1) }
                    { cell("hashrate_ph_s", t.hashrate_ph_s, 1) }
                    { cell("profit_usd_per_day", t.profit_usd_per_day, 0) }
                </tr>
            </tfoot>
        </table>
    }
}
