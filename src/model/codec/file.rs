//! The scenario as a JSON file with a schema name and version; reading one is all or nothing.
//!
//! Version 2 adds to version 1's globals the market, projection and machine numbers and the
//! choices `hashprice_mode`, `hardware`, `origin_region` (an id or null), `start_month`,
//! `halving_month` (`"YYYY-MM"`) and `sensitivity_region` (an id or null), and to each region the
//! site-cost, tax and relocation numbers. Version-1 files still open; what they lack takes its
//! default.

use super::{Checker, RawChoices, RawRegion};
use crate::model::fields::{GlobalField, RegionField};
use crate::model::json::{self, Json};
use crate::model::scenario::Scenario;

pub const JSON_SCHEMA: &str = "sitecost-scenario";
/// The version `to_json` writes; [`from_json`] also reads version 1.
pub const JSON_VERSION: u32 = 2;

/// JSON member names of the globals, in [`GlobalField::ALL`] order (version 1 has the first five).
const GLOBAL_KEYS: [&str; 12] = [
    "hashprice_usd_per_ph_day",
    "efficiency_j_per_th",
    "pue",
    "pool_fee_pct",
    "fleet_mw",
    "btc_price_usd",
    "difficulty_t",
    "subsidy_btc",
    "fees_per_block_btc",
    "difficulty_growth_pct_per_month",
    "btc_price_growth_pct_per_month",
    "unit_price_usd_per_th",
];
/// JSON member names of a region's numbers, in [`RegionField::ALL`] order (version 1 has the first three).
const REGION_KEYS: [&str; 10] = [
    "power_usd_per_kwh",
    "cap_mw",
    "uptime_pct",
    "opex_usd_per_mw_month",
    "levy_usd_per_kwh",
    "downtime_months",
    "tax_pct",
    "capex_usd_per_mw",
    "move_cost_usd_per_mw",
    "move_days",
];

fn optional_id(id: &Option<std::rc::Rc<str>>) -> Json {
    id.as_ref().map_or(Json::Null, |id| Json::String(id.to_string()))
}

/// The scenario as a JSON document with its schema name and version.
pub fn to_json(scenario: &Scenario) -> String {
    let g = &scenario.globals;
    let mut globals: Vec<(String, Json)> =
        GlobalField::ALL.into_iter().zip(GLOBAL_KEYS).map(|(f, k)| (k.to_string(), Json::Number(g.value(f)))).collect();
    globals.extend([
        ("hashprice_mode".to_string(), Json::String(g.hashprice_mode.as_str().to_string())),
        ("hardware".to_string(), Json::String(g.hardware.id().to_string())),
        ("origin_region".to_string(), optional_id(&g.origin_region)),
        ("start_month".to_string(), Json::String(g.start_month.to_string())),
        ("halving_month".to_string(), Json::String(g.halving_month.to_string())),
        ("sensitivity_region".to_string(), optional_id(&g.sensitivity_region)),
    ]);
    let regions = scenario
        .regions
        .iter()
        .map(|r| {
            let mut members = vec![
                ("id".to_string(), Json::String(r.id.to_string())),
                ("name".to_string(), Json::String(r.name.to_string())),
            ];
            members.extend(
                RegionField::ALL.into_iter().zip(REGION_KEYS).map(|(f, k)| (k.to_string(), Json::Number(r.value(f)))),
            );
            members.push(("note".to_string(), Json::String(r.note.to_string())));
            Json::Object(members)
        })
        .collect();
    json::write(&Json::Object(vec![
        ("schema".to_string(), Json::String(JSON_SCHEMA.to_string())),
        ("version".to_string(), Json::Number(JSON_VERSION as f64)),
        ("globals".to_string(), Json::Object(globals)),
        ("regions".to_string(), Json::Array(regions)),
    ]))
}

fn json_number(value: Option<&Json>) -> Result<f64, String> {
    match value {
        Some(Json::Number(n)) => Ok(*n),
        Some(other) => Err(format!("found {}", other.kind())),
        None => Err("it is missing".to_string()),
    }
}

/// Reads a scenario JSON file. Unlike a link, a file is all or nothing: any problem (not JSON,
/// another schema or version, a wrong type, a value out of range) is an error listing every
/// problem found, and the caller keeps its current scenario.
pub fn from_json(text: &str) -> Result<Scenario, Vec<String>> {
    let doc = json::parse(text).map_err(|e| vec![format!("The file is not JSON: {e}.")])?;
    if doc.get("schema") != Some(&Json::String(JSON_SCHEMA.to_string())) {
        return Err(vec![format!(
            "The file is not a sitecost scenario (its \u{201c}schema\u{201d} is not \u{201c}{JSON_SCHEMA}\u{201d})."
        )]);
    }
    let version = match doc.get("version") {
        Some(Json::Number(v)) if *v == 1.0 => 1,
        Some(Json::Number(v)) if *v == 2.0 => 2,
        other => {
            let found = other.map_or("none".to_string(), |v| match v {
                Json::Number(n) => n.to_string(),
                v => v.kind().to_string(),
            });
            return Err(vec![format!(
                "The file has scenario version {found}; this page reads versions 1 and {JSON_VERSION}."
            )]);
        }
    };
    // Version 1 carries the first five globals and the first three numbers of each region.
    let (global_count, region_count) = if version == 1 { (5, 3) } else { (GLOBAL_KEYS.len(), REGION_KEYS.len()) };
    let mut checker = Checker::default();
    let mut type_problems = Vec::new();
    let g = doc.get("globals");
    if !matches!(g, Some(Json::Object(_))) {
        type_problems.push("globals: expected an object.".to_string());
    }
    let raw_globals: Vec<(GlobalField, Result<f64, String>)> = GlobalField::ALL
        .into_iter()
        .zip(GLOBAL_KEYS)
        .take(global_count)
        .map(|(f, k)| (f, json_number(g.and_then(|g| g.get(k)))))
        .collect();
    let mut choices = RawChoices::default();
    if version >= 2 {
        let mut text = |key: &str, nullable: bool| -> Option<Option<String>> {
            match g.and_then(|g| g.get(key)) {
                Some(Json::String(s)) => Some(Some(s.clone())),
                Some(Json::Null) if nullable => Some(None),
                other => {
                    let found = other.map_or("it is missing".to_string(), |v| format!("found {}", v.kind()));
                    let expected = if nullable { "a string or null" } else { "a string" };
                    type_problems.push(format!("globals.{key}: expected {expected}; {found}."));
                    None
                }
            }
        };
        choices = RawChoices {
            hashprice_mode: text("hashprice_mode", false).flatten(),
            hardware: text("hardware", false).flatten(),
            origin_region: text("origin_region", true),
            start_month: text("start_month", false).flatten(),
            halving_month: text("halving_month", false).flatten(),
            sensitivity_region: text("sensitivity_region", true),
        };
    }
    let mut raw_regions = Vec::new();
    match doc.get("regions") {
        Some(Json::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let text = |key: &str| match item.get(key) {
                    Some(Json::String(s)) => Ok(Some(s.clone())),
                    None => Ok(None),
                    Some(other) => Err(format!("regions[{i}].{key}: expected a string, found {}.", other.kind())),
                };
                let (id, name, note) = (text("id"), text("name"), text("note"));
                for e in [&id, &name, &note].into_iter().filter_map(|r| r.as_ref().err()) {
                    type_problems.push(e.clone());
                }
                raw_regions.push(RawRegion {
                    id: id.ok().flatten().unwrap_or_default(),
                    name: name.ok().flatten(),
                    numbers: RegionField::ALL
                        .into_iter()
                        .zip(REGION_KEYS)
                        .take(region_count)
                        .map(|(f, k)| (f, json_number(item.get(k))))
                        .collect(),
                    note: note.ok().flatten().unwrap_or_default(),
                });
            }
        }
        _ => type_problems.push("regions: expected an array.".to_string()),
    }
    let globals = checker.globals(&raw_globals, &choices);
    let regions = checker.regions(raw_regions);
    let mut problems = type_problems;
    // In a file nothing is replaced silently: drop the "using … instead" tail of link messages.
    problems.extend(checker.problems.into_iter().map(|p| match p.find(" Using ") {
        Some(i) => p[..i].to_string(),
        None => p,
    }));
    if problems.is_empty() {
        Ok(Scenario { globals, regions })
    } else {
        Err(problems)
    }
}
