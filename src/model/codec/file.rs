//! The scenario as a JSON file with a schema name and version; reading one is all or nothing.

use super::{Checker, RawRegion};
use crate::model::fields::{GlobalField, RegionField};
use crate::model::json::{self, Json};
use crate::model::scenario::Scenario;

pub const JSON_SCHEMA: &str = "sitecost-scenario";
pub const JSON_VERSION: u32 = 1;

/// JSON member names of the globals, in [`GlobalField::ALL`] order.
const GLOBAL_KEYS: [&str; 5] = ["hashprice_usd_per_ph_day", "efficiency_j_per_th", "pue", "pool_fee_pct", "fleet_mw"];
/// JSON member names of a region's numbers, in [`RegionField::ALL`] order.
const REGION_KEYS: [&str; 3] = ["power_usd_per_kwh", "cap_mw", "uptime_pct"];
/// The scenario as a JSON document with its schema name and version.
pub fn to_json(scenario: &Scenario) -> String {
    let globals = GlobalField::ALL
        .into_iter()
        .zip(GLOBAL_KEYS)
        .map(|(f, k)| (k.to_string(), Json::Number(scenario.globals.value(f))))
        .collect();
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
    match doc.get("version") {
        Some(Json::Number(v)) if *v == JSON_VERSION as f64 => {}
        other => {
            let found = other.map_or("none".to_string(), |v| match v {
                Json::Number(n) => n.to_string(),
                v => v.kind().to_string(),
            });
            return Err(vec![format!(
                "The file has scenario version {found}; this page reads version {JSON_VERSION}."
            )]);
        }
    }
    let mut checker = Checker::default();
    let mut type_problems = Vec::new();
    let g = doc.get("globals");
    if !matches!(g, Some(Json::Object(_))) {
        type_problems.push("globals: expected an object.".to_string());
    }
    let raw_globals: [Result<f64, String>; 5] =
        std::array::from_fn(|i| json_number(g.and_then(|g| g.get(GLOBAL_KEYS[i]))));
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
                    numbers: std::array::from_fn(|k| json_number(item.get(REGION_KEYS[k]))),
                    note: note.ok().flatten().unwrap_or_default(),
                });
            }
        }
        _ => type_problems.push("regions: expected an array.".to_string()),
    }
    let globals = checker.globals(&raw_globals);
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
