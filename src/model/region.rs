//! Candidate regions: their power price, capacity cap and uptime, and the sourced seed data.

use std::rc::Rc;

use super::csv;
use super::fields::RegionField;

/// Where a default value comes from: a citation with its date, or an assumption of ours.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced {
    pub text: String,
    /// True when the value is our own assumption rather than a published figure;
    /// the UI labels such values so that nobody cites them as facts.
    pub assumption: bool,
}

impl Sourced {
    fn new(text: &str) -> Self {
        Sourced { text: text.to_string(), assumption: text.starts_with("Assumption") }
    }
}

/// The sources of a region's default values, one per regional field.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSources {
    pub price: Sourced,
    pub cap: Sourced,
    pub uptime: Sourced,
}

impl RegionSources {
    pub fn get(&self, field: RegionField) -> &Sourced {
        match field {
            RegionField::Price => &self.price,
            RegionField::Cap => &self.cap,
            RegionField::Uptime => &self.uptime,
        }
    }
}

/// One candidate region with its editable values.
///
/// Strings are shared (`Rc`) because a report is derived from the scenario on every slider
/// event and copies them into its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Stable, URL-safe id used by the DOM contract (`price-<id>`, `tr[data-region="<id>"]`).
    pub id: Rc<str>,
    pub name: Rc<str>,
    /// The region's colour in every chart, as `#rrggbb`-derived RGB.
    pub color_rgb: [u8; 3],
    pub power_usd_per_kwh: f64,
    pub cap_mw: f64,
    pub uptime_pct: f64,
    pub sources: Rc<RegionSources>,
}

impl Region {
    pub fn value(&self, field: RegionField) -> f64 {
        match field {
            RegionField::Price => self.power_usd_per_kwh,
            RegionField::Cap => self.cap_mw,
            RegionField::Uptime => self.uptime_pct,
        }
    }

    pub(crate) fn set_value(&mut self, field: RegionField, value: f64) {
        match field {
            RegionField::Price => self.power_usd_per_kwh = value,
            RegionField::Cap => self.cap_mw = value,
            RegionField::Uptime => self.uptime_pct = value,
        }
    }
}

/// The seed data, compiled in so that the page needs no request to start.
pub const SEED_CSV: &str = include_str!("regions.csv");

/// The six seed regions, in display order.
///
/// The data file is part of the build and `tests/regions.rs` parses it, so a malformed file
/// fails the tests rather than the page; the `expect`s below can therefore not fire in a build
/// that passed them.
pub fn seed_regions() -> Vec<Region> {
    let records = csv::parse(SEED_CSV).expect("regions.csv is valid CSV");
    let header = &records[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("regions.csv lacks {name}"));
    let (id, name, color) = (col("id"), col("name"), col("color"));
    let (price, cap, uptime) = (col("price_usd_per_kwh"), col("cap_mw"), col("uptime_pct"));
    let (price_src, cap_src, uptime_src) = (col("price_source"), col("cap_source"), col("uptime_source"));
    records[1..]
        .iter()
        .map(|r| {
            let num = |i: usize, field: RegionField| {
                field.spec().parse(&r[i]).unwrap_or_else(|e| panic!("regions.csv, {}: {e}", r[id]))
            };
            Region {
                id: r[id].as_str().into(),
                name: r[name].as_str().into(),
                color_rgb: parse_hex_color(&r[color]).unwrap_or_else(|| panic!("regions.csv, {}: bad colour", r[id])),
                power_usd_per_kwh: num(price, RegionField::Price),
                cap_mw: num(cap, RegionField::Cap),
                uptime_pct: num(uptime, RegionField::Uptime),
                sources: Rc::new(RegionSources {
                    price: Sourced::new(&r[price_src]),
                    cap: Sourced::new(&r[cap_src]),
                    uptime: Sourced::new(&r[uptime_src]),
                }),
            }
        })
        .collect()
}

/// Reads `#rrggbb`.
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}
