//! The scenario as a JSON file with a schema name and version; reading one is all or nothing.
//!
//! The file is `{"schema", "version", "globals", "regions"}`: `globals` holds every numeric
//! global under its field's name, then the choices `hashprice_mode`, `hardware`, `origin_region`
//! (an id or null), `start_month`, `halving_month` (`"YYYY-MM"`) and `sensitivity_region` (an id
//! or null); each region holds `id`, `name`, every regional number under its field's name, and
//! `note`. Writing derives from the scenario's types (serde); reading goes through a
//! `serde_json::Value`, so that every field is checked against its declaration and every problem
//! is named. A file of an older version lacks the fields added since, which take their defaults;
//! a field's older name (`power_usd_per_kwh`) is still read.

use serde::Serialize;
use serde_json::Value;

use super::{Checker, RawChoices, RawRegion};
use crate::model::fields::{FieldSpec, GlobalField, RegionField};
use crate::model::globals::Globals;
use crate::model::region::Region;
use crate::model::scenario::Scenario;

pub const JSON_SCHEMA: &str = "sitecost-scenario";
/// The version `to_json` writes; [`from_json`] also reads the versions before it.
pub const JSON_VERSION: u32 = 5;

/// The file as written.
#[derive(Serialize)]
struct FileOut<'a> {
    schema: &'static str,
    version: u32,
    globals: &'a Globals,
    regions: &'a [Region],
}

/// The scenario as a JSON document with its schema name and version.
pub fn to_json(scenario: &Scenario) -> String {
    let file =
        FileOut { schema: JSON_SCHEMA, version: JSON_VERSION, globals: &scenario.globals, regions: &scenario.regions };
    let mut text = serde_json::to_string_pretty(&file).expect("a scenario has only finite numbers and string keys");
    text.push('\n');
    text
}

/// What kind of value this is, for error messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A field's number from an object, under its name or an older one.
fn number(object: Option<&Value>, spec: &FieldSpec) -> Result<f64, String> {
    let value = std::iter::once(spec.name).chain(spec.old_names.iter().copied()).find_map(|k| object?.get(k));
    match value {
        Some(Value::Number(n)) => n.as_f64().ok_or_else(|| "it is too large".to_string()),
        Some(other) => Err(format!("found {}", kind(other))),
        None => Err("it is missing".to_string()),
    }
}

/// Reads a scenario JSON file. Unlike a link, a file is all or nothing: any problem (not JSON,
/// another schema or version, a wrong type, a value out of range) is an error listing every
/// problem found, and the caller keeps its current scenario.
pub fn from_json(text: &str) -> Result<Scenario, Vec<String>> {
    let doc: Value = serde_json::from_str(text).map_err(|e| vec![format!("The file is not JSON: {e}.")])?;
    if doc.get("schema").and_then(Value::as_str) != Some(JSON_SCHEMA) {
        return Err(vec![format!(
            "The file is not a sitecost scenario (its \u{201c}schema\u{201d} is not \u{201c}{JSON_SCHEMA}\u{201d})."
        )]);
    }
    let version = match doc.get("version") {
        Some(Value::Number(v))
            if v.as_f64().is_some_and(|v| v.fract() == 0.0 && (1.0..=f64::from(JSON_VERSION)).contains(&v)) =>
        {
            v.as_f64().unwrap_or_default() as u32
        }
        other => {
            let found = other.map_or("none".to_string(), |v| match v {
                Value::Number(n) => n.to_string(),
                v => kind(v).to_string(),
            });
            return Err(vec![format!(
                "The file has scenario version {found}; this page reads versions 1 to {JSON_VERSION}."
            )]);
        }
    };
    let mut type_problems = Vec::new();
    let g = doc.get("globals");
    if !matches!(g, Some(Value::Object(_))) {
        type_problems.push("globals: expected an object.".to_string());
    }
    let raw_globals: Vec<(GlobalField, Result<f64, String>)> =
        GlobalField::in_version(version).map(|f| (f, number(g, f.spec()))).collect();
    let mut choices = RawChoices::default();
    if version >= 2 {
        let mut text = |key: &str, nullable: bool| -> Option<Option<String>> {
            match g.and_then(|g| g.get(key)) {
                Some(Value::String(s)) => Some(Some(s.clone())),
                Some(Value::Null) if nullable => Some(None),
                other => {
                    let found = other.map_or("it is missing".to_string(), |v| format!("found {}", kind(v)));
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
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let text = |key: &str| match item.get(key) {
                    Some(Value::String(s)) => Ok(Some(s.clone())),
                    None => Ok(None),
                    Some(other) => Err(format!("regions[{i}].{key}: expected a string, found {}.", kind(other))),
                };
                let (id, name, note) = (text("id"), text("name"), text("note"));
                // A file before version 4 has no profile; `null` is a flat price.
                let profile = match item.get("price_profile") {
                    Some(Value::Null) => Ok(Some(String::new())),
                    _ if version < 4 => Ok(None),
                    _ => text("price_profile"),
                };
                for e in [&id, &name, &note, &profile].into_iter().filter_map(|r| r.as_ref().err()) {
                    type_problems.push(e.clone());
                }
                raw_regions.push(RawRegion {
                    id: id.ok().flatten().unwrap_or_default(),
                    name: name.ok().flatten(),
                    numbers: RegionField::in_version(version).map(|f| (f, number(Some(item), f.spec()))).collect(),
                    note: note.ok().flatten().unwrap_or_default(),
                    profile: profile.ok().flatten(),
                });
            }
        }
        _ => type_problems.push("regions: expected an array.".to_string()),
    }
    let mut checker = Checker::default();
    let globals = checker.globals(&raw_globals, &choices);
    let regions = checker.regions(raw_regions);
    let mut problems = type_problems;
    problems.extend(checker.problems.iter().map(|p| p.alone()));
    if problems.is_empty() {
        Ok(Scenario { globals, regions })
    } else {
        Err(problems)
    }
}
