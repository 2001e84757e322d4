//! Sites as CSV: the import preview (every row checked, nothing applied) and the matching export.
//!
//! Columns: `name` and every [`Group::Site`] field (`price_usd_per_kwh, cap_mw, uptime_pct`) are
//! required; `source` and every other regional field (named as declared) are optional. Header
//! names match case-insensitively and in any order; other columns are ignored.

use super::csv;
use super::fields::{Group, RegionField};
use super::region::{check_name, NameError, Region};
use super::scenario::NewSite;

const NAME: &str = "name";
const SOURCE: &str = "source";

/// Whether a field's column must be in every import: a site's own price, cap and uptime are
/// what a site is; the rest may come from the template.
fn required(field: RegionField) -> bool {
    field.spec().group == Group::Site
}

/// The columns every import must have: `name`, then each required field's name.
pub fn required_columns() -> impl Iterator<Item = &'static str> {
    std::iter::once(NAME).chain(RegionField::ALL.into_iter().filter(|&f| required(f)).map(|f| f.spec().name))
}

/// The columns an import may have: `source`, then each other field's name.
pub fn optional_columns() -> impl Iterator<Item = &'static str> {
    std::iter::once(SOURCE).chain(RegionField::ALL.into_iter().filter(|&f| !required(f)).map(|f| f.spec().name))
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
    let column = |name: &str| header.fields.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let missing: Vec<&str> = required_columns().filter(|c| column(c).is_none()).collect();
    if !missing.is_empty() {
        return Preview {
            problem: Some(format!("The header lacks the required column(s) {}.", missing.join(", "))),
            rows: vec![],
        };
    }
    let name_col = column(NAME).unwrap_or_default();
    let source_col = column(SOURCE);
    let width = header.fields.len();
    let mut names: Vec<String> = existing_names.into_iter().map(str::to_string).collect();
    let rows = data
        .iter()
        .map(|record| {
            let cell = |col: usize| record.fields.get(col).map(|s| s.trim()).unwrap_or("");
            let mut errors = Vec::new();
            if record.fields.len() != width {
                errors.push(format!("has {} fields where the header has {width}", record.fields.len()));
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
            let mut values = Vec::new();
            for field in RegionField::ALL {
                let col_name = field.spec().name;
                let text = column(col_name).map(cell).unwrap_or("");
                if text.is_empty() {
                    if required(field) {
                        errors.push(format!("{col_name} is missing"));
                    }
                    continue;
                }
                match field.spec().parse(text) {
                    Ok(v) => values.push((field, v)),
                    Err(e) => errors.push(format!("{col_name}: {e}")),
                }
            }
            let outcome = match name {
                Some(name) if errors.is_empty() => {
                    names.push(name.clone());
                    Ok(NewSite { name, note: source_col.map(cell).unwrap_or("").to_string(), values })
                }
                _ => Err(errors),
            };
            PreviewRow { line: record.line, name: cell(name_col).to_string(), outcome }
        })
        .collect();
    Preview { problem: None, rows }
}

/// The regions as an importable CSV: the same columns, numbers unformatted (shortest
/// round-trip text), so that importing the export gives the same sites.
pub fn export(regions: &[Region]) -> String {
    let mut out = String::new();
    let (required_fields, optional_fields): (Vec<RegionField>, Vec<RegionField>) =
        RegionField::ALL.into_iter().partition(|&f| required(f));
    // The last column says how each site buys power; an import ignores it (a profile is
    // imported through the hourly prices panel).
    let header: Vec<&str> = required_columns().chain(optional_columns()).chain(["price_profile"]).collect();
    csv::write_record(&mut out, &header);
    for r in regions {
        let mut cells: Vec<String> = vec![r.name.to_string()];
        cells.extend(required_fields.iter().map(|&f| r.value(f).to_string()));
        cells.push(r.source_text());
        cells.extend(optional_fields.iter().map(|&f| r.value(f).to_string()));
        cells.push(r.price_kind());
        csv::write_record(&mut out, &cells.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}
