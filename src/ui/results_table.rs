//! `ResultsTable`: the report as a sortable table whose cells carry raw numbers for scripts and tests.

use std::rc::Rc;

use yew::prelude::*;

use super::result_row::ResultRow;
use crate::format::grouped;
use crate::model::{Metric, RegionReport, Report, METRICS};

#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    pub report: Rc<Report>,
}

/// Columns that narrow screens (a 320 px embed) hide, keeping margin, allocation and profit.
const OPTIONAL: [&str; 10] = [
    "mined_hours_pct",
    "effective_usd_per_kwh",
    "break_even_usd_per_kwh",
    "break_even_usd_per_ph_day",
    "hashrate_ph_s",
    "payback_months",
    "net_36m_usd",
    "npv_usd",
    "survival_36m_pct",
    "off_months",
];

/// Columns shown only where all fourteen fit (and not in print), so that the projection's fit.
const SECONDARY: [&str; 5] =
    ["break_even_usd_per_kwh", "hashrate_ph_s", "survival_36m_pct", "off_months", "effective_usd_per_kwh"];

/// The projection's columns, which middle widths hide so that the snapshot's fit.
const PROJECTION: [&str; 3] = ["payback_months", "net_36m_usd", "npv_usd"];

/// The classes by which a metric's column is hidden where the results column is too narrow
/// for it (style.css).
fn optional(metric: &str) -> Option<&'static str> {
    if SECONDARY.contains(&metric) {
        Some("optional secondary")
    } else if PROJECTION.contains(&metric) {
        Some("optional projection")
    } else {
        OPTIONAL.contains(&metric).then_some("optional")
    }
}

/// What the table is sorted by: the scenario's order, the region name, or a metric (by index).
#[derive(Clone, Copy, PartialEq)]
enum SortKey {
    Order,
    Name,
    Metric(usize),
}

/// A region's figure of one metric: `data-value` holds the unformatted number, the text is for
/// people; a figure that does not exist shows the metric's `missing` word in both.
pub(super) fn cell(metric: &Metric, value: Option<f64>) -> Html {
    cell_in(metric.name, value, metric.decimals, metric.missing, optional(metric.name))
}

/// A figure of any table, which says itself whether narrow screens hide it (`Some("optional")`).
/// `None` is `missing`: `never` (a month beyond the projection) or `none` (no break-even).
pub(super) fn cell_in(
    metric: &'static str,
    value: Option<f64>,
    decimals: usize,
    missing: &'static str,
    optional: Option<&'static str>,
) -> Html {
    let Some(value) = value else {
        let title = if missing == "never" {
            "Not within the 36 months of the projection"
        } else {
            "No power price breaks even: the site never has power"
        };
        return html! {
            <td data-metric={metric} data-value={missing} class={classes!("num", optional)} {title}>{missing}</td>
        };
    };
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
        // A month that never comes sorts last, as the longest payback.
        SortKey::Metric(i) => {
            let value = |r: &RegionReport| (METRICS[i].value)(r).unwrap_or(f64::INFINITY);
            rows.sort_by(|a, b| value(a).total_cmp(&value(b)))
        }
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
                // A unit may break after a slash, so a narrow column wraps it instead of overlapping.
                <button type="button" class="sort" data-sort={data_sort} {onclick}>{label.replace('/', "/\u{200b}")}</button>
            </th>
        }
    };
    html! {
        // Where its figures are wider than the column even so, the table scrolls on its own.
        <div class="table-scroll">
            <table id="results">
                { caption() }
                <thead>
                    <tr>
                        { header("Region", SortKey::Name, None, "name") }
                        { for METRICS.iter().enumerate().map(|(i, m)| {
                            header(m.header, SortKey::Metric(i), Some("num"), m.name)
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.into_iter().map(|row| html! {
                        <ResultRow key={row.id.to_string()} row={Rc::new(row.clone())} />
                    }) }
                </tbody>
                <tfoot>
                    <tr data-region="total">
                        <th scope="row">{"Total"}</th>
                        { for METRICS.iter().map(|m| match m.total {
                            Some(total) => cell(m, Some(total(t))),
                            None => html! { <td class={classes!(optional(m.name))}></td> },
                        }) }
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// The table's title, and which costs each column counts: margin and profit are the snapshot;
/// the projection's columns carry the rest.
fn caption() -> Html {
    html! {
        <caption>
            {"Results per region for the current inputs (press a column header to sort). "}
            <span class="hint">{"All-in: margin, profit and break-evens count revenue after the \
                pool fee, power and levy at each site\u{2019}s uptime (seasonal downtime included) and \
                opex every day; a site whose revenue is below its power and levy switches off and still \
                pays its opex. Payback, 36-month net and NPV are for a new MW (build-out and machines), \
                after tax on profit less depreciation, with the machines\u{2019} residual value at month \
                36, and expected values weighted by the chance the site stays open."}</span>
        </caption>
    }
}
