//! The results' figures: `METRICS`, the one table that drives the results table, its total row and the results CSV, and the stay-or-move CSV.

use super::fields::{Group, RegionField};
use super::report::{RegionReport, Report, Totals};
use super::stay_or_move::OptionKind;

/// A figure of the results table and of its CSV: one entry drives the column, its total cell
/// and its CSV column.
pub struct Metric {
    /// The cells' `data-metric` (part of the DOM contract).
    pub name: &'static str,
    /// The CSV column, units in the name.
    pub csv: &'static str,
    /// The column header, with its unit.
    pub header: &'static str,
    /// Decimals shown on the page.
    pub decimals: usize,
    /// A region's figure; `None` is a figure that does not exist (see `missing`).
    pub value: fn(&RegionReport) -> Option<f64>,
    /// What a figure that does not exist shows, and its `data-value`: `never` for a month that
    /// never comes within the projection, `none` for a break-even of a site without power.
    pub missing: &'static str,
    /// The total row's figure, for the figures that add up over regions.
    pub total: Option<fn(&Totals) -> f64>,
}

/// The results' figures, in the table's and the CSV's order.
pub const METRICS: [Metric; 13] = [
    Metric {
        name: "break_even_usd_per_kwh",
        csv: "break_even_usd_per_kwh",
        header: "All-in break-even power (USD/kWh)",
        decimals: 4,
        value: |r| r.break_even_usd_per_kwh,
        missing: "none",
        total: None,
    },
    Metric {
        name: "break_even_usd_per_ph_day",
        csv: "break_even_usd_per_ph_day",
        header: "All-in break-even hashprice (USD/PH/day)",
        decimals: 2,
        value: |r| r.break_even_usd_per_ph_day,
        missing: "none",
        total: None,
    },
    Metric {
        name: "margin_usd_per_mw_day",
        csv: "margin_usd_per_mw_day",
        header: "All-in margin (USD/MW-day)",
        decimals: 0,
        value: |r| Some(r.margin_usd_per_mw_day),
        missing: "never",
        total: None,
    },
    Metric {
        name: "mined_hours_pct",
        csv: "mined_hours_pct",
        header: "Hours mined (%)",
        decimals: 1,
        value: |r| Some(r.mined_hours_pct),
        missing: "never",
        total: None,
    },
    Metric {
        name: "effective_usd_per_kwh",
        csv: "effective_usd_per_kwh",
        header: "Price paid when mining (USD/kWh)",
        decimals: 4,
        value: |r| r.effective_usd_per_kwh,
        missing: "none",
        total: None,
    },
    Metric {
        name: "allocated_mw",
        csv: "allocated_mw",
        // A soft hyphen: on a phone the column is narrower than the word.
        header: "Allo\u{ad}cated (MW)",
        decimals: 1,
        value: |r| Some(r.allocated_mw),
        missing: "never",
        total: Some(|t| t.allocated_mw),
    },
    Metric {
        name: "hashrate_ph_s",
        csv: "hashrate_ph_s",
        header: "Hashrate (PH/s)",
        decimals: 1,
        value: |r| Some(r.hashrate_ph_s),
        missing: "never",
        total: Some(|t| t.hashrate_ph_s),
    },
    Metric {
        name: "profit_usd_per_day",
        csv: "profit_usd_per_day",
        header: "Profit (USD/day)",
        decimals: 0,
        value: |r| Some(r.profit_usd_per_day),
        missing: "never",
        total: Some(|t| t.profit_usd_per_day),
    },
    Metric {
        name: "payback_months",
        csv: "payback_months",
        header: "Payback of a new MW (month)",
        decimals: 0,
        value: |r| r.payback_months.map(f64::from),
        missing: "never",
        total: None,
    },
    Metric {
        name: "net_36m_usd",
        csv: "net_36m_usd_per_mw",
        header: "36-month net (USD per new MW)",
        decimals: 0,
        value: |r| Some(r.net_36m_usd_per_mw),
        missing: "never",
        total: None,
    },
    Metric {
        name: "npv_usd",
        csv: "npv_usd_per_mw",
        header: "NPV (USD per new MW)",
        decimals: 0,
        value: |r| Some(r.npv_usd_per_mw),
        missing: "never",
        total: None,
    },
    Metric {
        name: "survival_36m_pct",
        csv: "survival_36m_pct",
        header: "Still open at 36 months (%)",
        decimals: 1,
        value: |r| Some(r.survival_36m_pct),
        missing: "never",
        total: None,
    },
    Metric {
        name: "off_months",
        csv: "off_months",
        header: "Months switched off (of 36)",
        decimals: 0,
        value: |r| Some(r.off_months.len() as f64),
        missing: "never",
        total: None,
    },
];

/// The results table as CSV (RFC 4180): units in the header names, one row per region with its
/// [`Group::Site`] inputs and every [`METRICS`] figure, and a total row; numbers unformatted in
/// their shortest exact form. A figure that is `None` (a payback beyond 36 months) and a figure
/// that does not add up (in the total row) are empty.
pub fn report_csv(report: &Report) -> String {
    let inputs: Vec<RegionField> = RegionField::in_group(Group::Site).collect();
    let number = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
    let mut out = String::new();
    let mut header = vec!["region_id", "region_name"];
    header.extend(inputs.iter().map(|f| f.spec().name));
    header.extend(METRICS.iter().map(|m| m.csv));
    super::csv::write_record(&mut out, &header);
    for r in &report.rows {
        let mut fields = vec![r.id.to_string(), r.name.to_string()];
        fields.extend(inputs.iter().map(|&f| r.values.get(f).to_string()));
        fields.extend(METRICS.iter().map(|m| number((m.value)(r))));
        super::csv::write_record(&mut out, &fields);
    }
    let mut total = vec!["total".to_string(), "Total".to_string()];
    total.extend(inputs.iter().map(|_| String::new()));
    total.extend(METRICS.iter().map(|m| number(m.total.map(|t| t(&report.totals)))));
    super::csv::write_record(&mut out, &total);
    out
}

/// Stay or move as CSV (RFC 4180), in the report's ranking (best NPV first): one row per option,
/// `option` being `stay`, `move` or `plan`; `placements` lists `id:MW` of every region the option
/// runs the fleet in; `break_even_month` is empty when the option never catches up with staying
/// within 36 months (and for staying). Only a header when there is no origin region.
pub fn stay_or_move_csv(report: &Report) -> String {
    let mut out = String::new();
    super::csv::write_record(
        &mut out,
        &[
            "option",
            "region_id",
            "region_name",
            "mw",
            "placements",
            "upfront_usd",
            "net_36m_usd",
            "npv_usd",
            "vs_stay_usd",
            "break_even_month",
            "off_months",
        ],
    );
    for o in &report.stay_or_move {
        let kind = match o.kind {
            OptionKind::Stay => "stay",
            OptionKind::Move => "move",
            OptionKind::Plan => "plan",
        };
        let placements: Vec<String> = o.placements.iter().map(|p| format!("{}:{}", p.id, p.mw)).collect();
        let mut fields =
            vec![kind.to_string(), o.id.to_string(), o.name.to_string(), o.mw.to_string(), placements.join(";")];
        fields.extend([o.upfront_usd, o.net_36m_usd, o.npv_usd, o.vs_stay_usd].map(|v| v.to_string()));
        fields.push(o.break_even_month.map_or(String::new(), |m| m.to_string()));
        fields.push(o.off_months.len().to_string());
        super::csv::write_record(&mut out, &fields);
    }
    out
}
