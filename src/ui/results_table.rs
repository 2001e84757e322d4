//! `ResultsTable`: the report as a sortable table whose cells carry raw numbers for scripts and tests.

use std::rc::Rc;

use yew::prelude::*;

use super::result_row::ResultRow;
use crate::format::grouped;
use crate::model::{RegionReport, Report};

#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    pub report: Rc<Report>,
}

/// A numeric column: its `data-metric` name, header with unit, decimals shown, and value.
pub(super) struct Metric {
    pub name: &'static str,
    header: &'static str,
    pub decimals: usize,
    pub value: fn(&RegionReport) -> f64,
}

/// Columns that narrow screens (a 320 px embed) hide, keeping margin, allocation and profit.
const OPTIONAL: [&str; 5] =
    ["break_even_usd_per_kwh", "break_even_usd_per_ph_day", "hashrate_ph_s", "payback_months", "net_36m_usd"];

/// Columns that middle widths (and print) hide too, so that the projection's columns fit.
const SECONDARY: [&str; 2] = ["break_even_usd_per_kwh", "hashrate_ph_s"];

fn optional(metric: &str) -> Option<&'static str> {
    if SECONDARY.contains(&metric) {
        Some("optional secondary")
    } else {
        OPTIONAL.contains(&metric).then_some("optional")
    }
}

pub(super) const METRICS: [Metric; 8] = [
    Metric {
        name: "break_even_usd_per_kwh",
        header: "Break-even power (USD/kWh)",
        decimals: 4,
        value: |r| r.break_even_usd_per_kwh,
    },
    Metric {
        name: "break_even_usd_per_ph_day",
        header: "Break-even hashprice (USD/PH/day)",
        decimals: 2,
        value: |r| r.break_even_usd_per_ph_day,
    },
    Metric {
        name: "margin_usd_per_mw_day",
        header: "Margin (USD/MW-day)",
        decimals: 0,
        value: |r| r.margin_usd_per_mw_day,
    },
    Metric { name: "allocated_mw", header: "Allocated (MW)", decimals: 1, value: |r| r.allocated_mw },
    Metric { name: "hashrate_ph_s", header: "Hashrate (PH/s)", decimals: 1, value: |r| r.hashrate_ph_s },
    Metric { name: "profit_usd_per_day", header: "Profit (USD/day)", decimals: 0, value: |r| r.profit_usd_per_day },
    // A region that does not pay back within the projection sorts last, as "never".
    Metric {
        name: "payback_months",
        header: "Payback of a new MW (month)",
        decimals: 0,
        value: |r| r.payback_months.map_or(f64::INFINITY, f64::from),
    },
    Metric {
        name: "net_36m_usd",
        header: "36-month net (USD per new MW)",
        decimals: 0,
        value: |r| r.net_36m_usd_per_mw,
    },
];

/// What the table is sorted by: the scenario's order, the region name, or a metric (by index).
#[derive(Clone, Copy, PartialEq)]
enum SortKey {
    Order,
    Name,
    Metric(usize),
}

/// One figure: `data-value` holds the unformatted number, the text is for people. An infinite
/// value is a month that never comes within the projection: `data-value="never"`.
pub(super) fn cell(metric: &'static str, value: f64, decimals: usize) -> Html {
    cell_in(metric, value, decimals, optional(metric))
}

/// A figure of another table, which says itself whether narrow screens hide it (`Some("optional")`).
pub(super) fn cell_in(metric: &'static str, value: f64, decimals: usize, optional: Option<&'static str>) -> Html {
    if value == f64::INFINITY {
        return html! {
            <td data-metric={metric} data-value="never" class={classes!("num", optional)}
                title="Not within the 36 months of the projection">{"never"}</td>
        };
    }
    let class = (value < 0.0).then_some("negative");
    html! {
        <td data-metric={metric} data-value={value.to_string()} class={classes!("num", class, optional)}>
            { grouped(value, decimals) }
        </td>
    }
}

#[component]
pub fn ResultsTable(props: &ResultsTableProps) -> Html {
    let sort = use_state(|| (SortKey::Order, false));
    let report = &props.report;
    let t = &report.totals;

    let mut rows: Vec<&RegionReport> = report.rows.iter().collect();
    let (key, descending) = *sort;
    match key {
        SortKey::Order => {}
        SortKey::Name => rows.sort_by_key(|r| r.name.to_lowercase()),
        SortKey::Metric(i) => rows.sort_by(|a, b| (METRICS[i].value)(a).total_cmp(&(METRICS[i].value)(b))),
    }
    if descending {
        rows.reverse();
    }

    // A header is a button: the first press sorts ascending, the next descending.
    let header = |label: &'static str, this: SortKey, class: Option<&'static str>, data_sort: &'static str| {
        let class = classes!(class, optional(data_sort));
        let sort = sort.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (key, descending) = *sort;
            sort.set((this, key == this && !descending));
        });
        let aria_sort = match (key == this, descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button type="button" class="sort" data-sort={data_sort} {onclick}>{label}</button>
            </th>
        }
    };
    let totals = [t.allocated_mw, t.hashrate_ph_s, t.profit_usd_per_day];

    html! {
        <table id="results">
            <caption>
                {"Results per region for the current inputs (press a column header to sort). "}
                // Which costs each column counts: margin and profit are the snapshot; the
                // projection's columns carry the rest.
                <span class="hint">{"Margin and profit: revenue after the pool fee, less power, at each site\u{2019}s uptime \
                    (seasonal downtime included). The power levy, site opex, build-out, machines and tax \
                    enter only payback and the 36-month net."}</span>
            </caption>
            <thead>
                <tr>
                    { header("Region", SortKey::Name, None, "name") }
                    { for METRICS.iter().enumerate().map(|(i, m)| header(m.header, SortKey::Metric(i), Some("num"), m.name)) }
                </tr>
            </thead>
            <tbody>
                { for rows.into_iter().map(|row| html! {
                    <ResultRow key={row.id.to_string()} row={row.clone()} />
                }) }
            </tbody>
            <tfoot>
                <tr data-region="total">
                    <th scope="row">{"Total"}</th>
                    <td class="optional secondary"></td><td class="optional"></td><td></td>
                    { for METRICS[3..6].iter().zip(totals).map(|(m, v)| cell(m.name, v, m.decimals)) }
                    <td class="optional"></td><td class="optional"></td>
                </tr>
            </tfoot>
        </table>
    }
}
