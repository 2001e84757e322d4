//! Sites as CSV: the import preview (every row checked, nothing applied) and the matching export.
//!
//! Columns: `name, price_usd_per_kwh, cap_mw, uptime_pct` are required, `source` is optional,
//! header names match case-insensitively and in any order; other columns are ignored.

use super::csv;
use super::fields::RegionField;
use super::region::{check_name, seed_columns, NameError, Region};
use super::scenario::NewSite;

const NAME: &str = "name";
const SOURCE: &str = "source";
/// The numeric columns and the field each one fills.
const NUMBERS: [(&str, RegionField); 3] =
    [("price_usd_per_kwh", RegionField::Price), ("cap_mw", RegionField::Cap), ("uptime_pct", RegionField::Uptime)];

/// The optional columns: site costs, policy and relocation, named as in `regions.csv`. A file
/// without them (the first export format) gives new sites the template's values.
fn cost_columns() -> impl Iterator<Item = (&'static str, RegionField)> {
    RegionField::ALL.into_iter().filter(|f| !RegionField::V1.contains(f)).map(|f| (seed_columns(f).0, f))
}

/// One data row of an import: its line in the file and either the checked site or what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub line: usize,
    /// The name as written, for the preview even when the row is refused.
    pub name: String,
    pub outcome: Result<NewSite, Vec<String>>,
}

/// What an import would do. `problem` is set when the file as a whole cannot be read (no
/// header, a required column missing, broken quoting); then `rows` is empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub problem: Option<String>,
    pub rows: Vec<PreviewRow>,
}

impl Preview {
    /// The sites that would be added on confirmation.
    pub fn good(&self) -> Vec<NewSite> {
        self.rows.iter().filter_map(|r| r.outcome.as_ref().ok().cloned()).collect()
    }
}

/// Checks a CSV text against the regions already there (`existing_names`), changing nothing.
pub fn preview<'a>(text: &str, existing_names: impl IntoIterator<Item = &'a str>) -> Preview {
    let records = match csv::parse(text) {
        Ok(r) => r,
        Err(e) => return Preview { problem: Some(format!("The CSV cannot be read: {e}.")), rows: vec![] },
    };
    let Some((header, data)) = records.split_first() else {
        return Preview {
            problem: Some("The CSV is empty: it needs a header row and one row per site.".into()),
            rows: vec![],
        };
    };
    let column = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let missing: Vec<&str> =
        [NAME].into_iter().chain(NUMBERS.iter().map(|(c, _)| *c)).filter(|c| column(c).is_none()).collect();
    if !missing.is_empty() {
        return Preview {
            problem: Some(format!("The header lacks the required column(s) {}.", missing.join(", "))),
            rows: vec![],
        };
    }
    let name_col = column(NAME).unwrap_or_default();
    let source_col = column(SOURCE);
    let mut names: Vec<String> = existing_names.into_iter().map(str::to_string).collect();
    // The header is line 1; data rows follow in order (blank lines are not records).
    let rows = data
        .iter()
        .enumerate()
        .map(|(i, record)| {
            let line = i + 2;
            let cell = |col: usize| record.get(col).map(|s| s.trim()).unwrap_or("");
            let mut errors = Vec::new();
            if record.len() != header.len() {
                errors.push(format!("has {} fields where the header has {}", record.len(), header.len()));
            }
            let name = match check_name(cell(name_col), names.iter().map(String::as_str)) {
                Ok(n) => Some(n.to_string()),
                Err(NameError::Taken) => {
                    errors.push(format!("duplicate name \u{201c}{}\u{201d}", cell(name_col)));
                    None
                }
                Err(e) => {
                    errors.push(e.to_string());
                    None
                }
            };
            let mut values = [0.0; 3];
            for (slot, (col_name, field)) in values.iter_mut().zip(NUMBERS) {
                let col = column(col_name).unwrap_or_default();
                if cell(col).is_empty() {
                    errors.push(format!("{col_name} is missing"));
                    continue;
                }
                match field.spec().parse(cell(col)) {
                    Ok(v) => *slot = v,
                    Err(e) => errors.push(format!("{col_name}: {e}")),
                }
            }
            let mut costs = Vec::new();
            for (col_name, field) in cost_columns() {
                let Some(col) = column(col_name).filter(|&c| !cell(c).is_empty()) else { continue };
                match field.spec().parse(cell(col)) {
                    Ok(v) => costs.push((field, v)),
                    Err(e) => errors.push(format!("{col_name}: {e}")),
                }
            }
            let outcome = match name {
                Some(name) if errors.is_empty() => {
                    names.push(name.clone());
                    Ok(NewSite {
                        name,
                        power_usd_per_kwh: values[0],
                        cap_mw: values[1],
                        uptime_pct: values[2],
                        note: source_col.map(cell).unwrap_or("").to_string(),
                        costs,
                    })
                }
                _ => Err(errors),
            };
            PreviewRow { line, name: cell(name_col).to_string(), outcome }
        })
        .collect();
    Preview { problem: None, rows }
}

/// The regions as an importable CSV: the same columns, numbers unformatted (shortest
/// round-trip text), so that importing the export gives the same sites.
pub fn export(regions: &[Region]) -> String {
    let mut out = String::new();
    let mut header = vec![NAME, NUMBERS[0].0, NUMBERS[1].0, NUMBERS[2].0, SOURCE];
    header.extend(cost_columns().map(|(name, _)| name));
    csv::write_record(&mut out, &header);
    for r in regions {
        let mut cells: Vec<String> = vec![r.name.to_string()];
        cells.extend([r.power_usd_per_kwh, r.cap_mw, r.uptime_pct].map(|v| v.to_string()));
        cells.push(r.source_text());
        cells.extend(cost_columns().map(|(_, field)| r.value(field).to_string()));
        csv::write_record(&mut out, &cells.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}
