//! A scenario's figures as files — every chart's SVG, the results and stay-or-move CSVs, and a
//! summary in Markdown — named and written as the page's downloads are (`sitecost-render`).

use crate::chart::{render_svg_at, ChartKind};
use crate::format::grouped;
use crate::model::codec::{decode_link, fragment, from_json, parse_fragment};
use crate::model::{
    report, report_csv, seed_regions, stay_or_move_csv, FieldSpec, GlobalField, Globals, RegionField, Report, Scenario,
};

/// Reads a scenario: the JSON file the page exports, or a scenario link (a whole address, its
/// fragment, or the text after `s=`). Unlike the page, which opens a link with its bad values at
/// their defaults, a report is all or nothing: every problem is listed and nothing is read.
pub fn read_scenario(text: &str) -> Result<Scenario, Vec<String>> {
    let text = text.trim();
    if text.starts_with('{') {
        return from_json(text);
    }
    if !text.contains('~') {
        return Err(vec!["This is neither a scenario file (the page's JSON) nor a scenario link (#s=…).".into()]);
    }
    let hash = text.split_once('#').map_or(text, |(_, hash)| hash);
    let link = parse_fragment(hash).scenario.unwrap_or(hash);
    let decoded = decode_link(link).map_err(|e| vec![e])?;
    match decoded.problems.is_empty() {
        true => Ok(decoded.scenario),
        false => Err(decoded.problems.iter().map(|p| p.alone()).collect()),
    }
}

/// The files for `scenario`, by name: each chart at a column `width_px` wide, the two CSVs, and
/// `summary.md`, whose link opens the same scenario in the page at `page` (an address).
pub fn figures(scenario: &Scenario, width_px: u32, page: &str) -> Vec<(String, String)> {
    let report = report(scenario);
    let mut files: Vec<(String, String)> = ChartKind::ALL
        .into_iter()
        .map(|kind| (format!("sitecost-{}.svg", kind.name()), render_svg_at(kind, &report, width_px)))
        .collect();
    files.push(("sitecost-results.csv".into(), report_csv(&report)));
    files.push(("sitecost-stay-or-move.csv".into(), stay_or_move_csv(&report)));
    files.push(("summary.md".into(), summary_markdown(scenario, &report, page)));
    files
}

/// A value as the page's fields show it: the field's decimals, grouped, and its unit.
fn with_unit(value: f64, decimals: usize, unit: &str) -> String {
    format!("{} {unit}", grouped(value, decimals)).trim_end().to_string()
}

/// The summary sentence and plan, the inputs with their sources, and the link to the page.
pub fn summary_markdown(scenario: &Scenario, report: &Report, page: &str) -> String {
    let mut md = String::from("# sitecost scenario\n\n");
    md += &report.summary_sentence();
    if let Some(plan) = report.plan_sentence() {
        md += &format!(" {plan}");
    }
    md += &format!("\n\nOpen it in the page: <{page}{}>\n\n## Inputs\n\n", fragment(scenario, false));
    let g = &scenario.globals;
    md += &format!("- Hashprice: {} · machine: {}\n", g.hashprice_mode.as_str(), g.hardware.name());
    let defaults = Globals::default();
    for field in GlobalField::ALL {
        let spec = field.spec();
        let (value, default) = (g.value(field), defaults.value(field));
        md += &input_line(spec, value, (value != default).then_some(default), &Globals::source(field).text);
    }
    let seeds = seed_regions();
    for region in &scenario.regions {
        let citation = region.citation();
        let seed = seeds.iter().find(|s| s.id == region.id);
        md += &format!("\n### {}\n\n", region.name);
        if let Some(profile) = &region.profile {
            let (count, mean) = (grouped(profile.count() as f64, 0), profile.mean_usd_per_kwh());
            md += &format!(
                "- Hourly prices: {count} intervals, mean {mean:.4} USD/kWh, from {} (they replace the power price)\n",
                source_text(profile.source())
            );
        }
        for field in RegionField::ALL {
            let value = region.value(field);
            // A seed region's citation is its default's: a value the user changed says so.
            let default = seed.map(|s| s.value(field)).filter(|&d| d != value);
            md += &input_line(field.spec(), value, default, &citation.source(field).text);
        }
    }
    md
}

/// An input's line: its label and value, then its default's source — after "changed from"
/// when the scenario's value is not the cited default.
fn input_line(spec: &FieldSpec, value: f64, changed_from: Option<f64>, source: &str) -> String {
    let shown = |v: f64| with_unit(v, spec.decimals(), spec.unit);
    let source = source_text(source);
    match changed_from {
        None => format!("- {}: {} — {source}\n", spec.label, shown(value)),
        Some(default) => {
            format!("- {}: {} (your value; the default {}: {source})\n", spec.label, shown(value), shown(default))
        }
    }
}

/// A source on one line (Markdown list items end at a line break).
fn source_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
