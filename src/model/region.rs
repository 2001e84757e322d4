//! Candidate regions: power price, cap, uptime, site costs, tax and relocation terms, and the sourced seed data.

use std::rc::Rc;

use super::csv;
use super::fields::RegionField;
pub use super::naming::{check_name, color_for_id, slug_id, unused_name, NameError, MAX_NAME_CHARS, SEED_IDS};

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
    pub opex: Sourced,
    pub levy: Sourced,
    pub downtime: Sourced,
    pub tax: Sourced,
    pub capex: Sourced,
    pub move_cost: Sourced,
    pub move_days: Sourced,
}

impl RegionSources {
    pub fn get(&self, field: RegionField) -> &Sourced {
        match field {
            RegionField::Price => &self.price,
            RegionField::Cap => &self.cap,
            RegionField::Uptime => &self.uptime,
            RegionField::Opex => &self.opex,
            RegionField::Levy => &self.levy,
            RegionField::DowntimeMonths => &self.downtime,
            RegionField::Tax => &self.tax,
            RegionField::Capex => &self.capex,
            RegionField::MoveCost => &self.move_cost,
            RegionField::MoveDays => &self.move_days,
        }
    }
}

/// One candidate region with its editable values.
///
/// Strings are shared (`Rc`) because a report is derived from the scenario on every slider
/// event and copies them into its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Stable, URL-safe id used by the DOM contract (`price-<id>`, `tr[data-region="<id>"]`);
    /// it never changes, not even when the region is renamed.
    pub id: Rc<str>,
    /// Free text of 1 to [`MAX_NAME_CHARS`] characters; shown only through text APIs.
    pub name: Rc<str>,
    /// The region's colour in every chart.
    pub color_rgb: [u8; 3],
    pub power_usd_per_kwh: f64,
    /// Facility power the region can take, MW.
    pub cap_mw: f64,
    /// Share of hours with power outside the seasonal downtime, %.
    pub uptime_pct: f64,
    /// Hosting and operating costs besides power, USD per MW-month (paid with or without power).
    pub opex_usd_per_mw_month: f64,
    /// Levy on mining power on top of its price, USD/kWh.
    pub levy_usd_per_kwh: f64,
    /// Months of the year without power, 0–12, applied on top of the uptime.
    pub downtime_months: f64,
    /// Income tax on a month's profit, %.
    pub tax_pct: f64,
    /// Build-out of a new site, USD per MW of facility power.
    pub capex_usd_per_mw: f64,
    /// Shipping and duties to bring one MW of machines here from the origin region, USD per MW.
    pub move_cost_usd_per_mw: f64,
    /// Days a relocated fleet earns nothing before it runs here.
    pub move_days: f64,
    /// The user's own note on where the numbers come from (may be empty).
    pub note: Rc<str>,
    /// Citations of the seed data, kept by a seed region and its copies; `None` for a region
    /// the user made or imported.
    pub sources: Option<Rc<RegionSources>>,
}

/// A region's name and where its values come from: what the sources footnote shows, which
/// stays equal while only values change (so the footnote is not rendered again).
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub name: Rc<str>,
    pub sources: Option<Rc<RegionSources>>,
    pub note: Rc<str>,
    /// For a region without seed citations, the fields (bit i for [`RegionField::ALL`]`[i]`)
    /// that still hold their [`TEMPLATE`] value: those are our assumptions, not the user's. It
    /// changes only when a value reaches or leaves the template's, so the footnote stays put
    /// while a slider moves.
    pub at_template: u16,
}

impl Citation {
    /// Where a field's value comes from: the seed citation; for a region the user made or
    /// imported, the template's assumption while the field holds the template's value, else the
    /// user's note.
    pub fn source(&self, field: RegionField) -> Sourced {
        match &self.sources {
            Some(s) => s.get(field).clone(),
            None if self.at_template & field_bit(field) != 0 => {
                Sourced { text: TEMPLATE_SOURCE.to_string(), assumption: true }
            }
            None if !self.note.is_empty() => Sourced { text: self.note.to_string(), assumption: false },
            None => Sourced { text: USER_SOURCE.to_string(), assumption: false },
        }
    }
}

/// The bit of `field` in [`Citation::at_template`].
fn field_bit(field: RegionField) -> u16 {
    1 << field.index()
}

/// A region made in the page or imported: round values the user is expected to change, in
/// [`RegionField::ALL`] order. Price, cap and uptime are set by the user or the import; the rest
/// are assumptions between the seed regions: opex $5 000 per MW-month, no levy, no seasonal
/// downtime, 20 % income tax, $400 000 per MW of build-out, $50 000 per MW and 60 days to move
/// the fleet there.
pub const TEMPLATE: [f64; 10] = [0.05, 50.0, 95.0, 5000.0, 0.0, 0.0, 20.0, 400_000.0, 50_000.0, 60.0];

/// What to say about a value that has no seed citation and is not the template's.
const USER_SOURCE: &str = "Entered by the user.";

/// What to say about a [`TEMPLATE`] value that a region the user made or imported still holds.
const TEMPLATE_SOURCE: &str =
    "Assumption: the round starting value of a new site, not a published figure; set your own.";

impl Region {
    /// A region the user made or imported; its colour follows from its id, and the fields not
    /// given here take their [`TEMPLATE`] values.
    pub fn user(id: &str, name: &str, power_usd_per_kwh: f64, cap_mw: f64, uptime_pct: f64, note: &str) -> Region {
        let mut region = Region {
            id: id.into(),
            name: name.into(),
            color_rgb: color_for_id(id),
            power_usd_per_kwh,
            cap_mw,
            uptime_pct,
            opex_usd_per_mw_month: 0.0,
            levy_usd_per_kwh: 0.0,
            downtime_months: 0.0,
            tax_pct: 0.0,
            capex_usd_per_mw: 0.0,
            move_cost_usd_per_mw: 0.0,
            move_days: 0.0,
            note: note.into(),
            sources: None,
        };
        for (field, value) in RegionField::ALL.into_iter().zip(TEMPLATE).skip(3) {
            region.set_value(field, value);
        }
        region
    }

    /// The fraction of all hours the site has power: uptime with the seasonal downtime spread over
    /// the year (see [`formulas::effective_uptime`](super::formulas::effective_uptime)).
    pub fn effective_uptime(&self) -> f64 {
        super::formulas::effective_uptime(self.uptime_pct, self.downtime_months)
    }

    /// Where a field's value comes from (see [`Citation::source`]).
    pub fn source(&self, field: RegionField) -> Sourced {
        self.citation().source(field)
    }

    /// What the region's values are cited from, without the values themselves.
    pub fn citation(&self) -> Citation {
        let at_template = match self.sources {
            Some(_) => 0,
            None => RegionField::ALL
                .into_iter()
                .zip(TEMPLATE)
                .filter(|&(field, value)| self.value(field) == value)
                .fold(0, |bits, (field, _)| bits | field_bit(field)),
        };
        Citation { name: self.name.clone(), sources: self.sources.clone(), note: self.note.clone(), at_template }
    }

    /// The one-line source text of the CSV export: the user's note, else the seed citations.
    pub fn source_text(&self) -> String {
        match (&*self.note, &self.sources) {
            ("", Some(s)) => format!("Power price: {} Cap: {} Uptime: {}", s.price.text, s.cap.text, s.uptime.text),
            (note, _) => note.to_string(),
        }
    }

    pub fn value(&self, field: RegionField) -> f64 {
        match field {
            RegionField::Price => self.power_usd_per_kwh,
            RegionField::Cap => self.cap_mw,
            RegionField::Uptime => self.uptime_pct,
            RegionField::Opex => self.opex_usd_per_mw_month,
            RegionField::Levy => self.levy_usd_per_kwh,
            RegionField::DowntimeMonths => self.downtime_months,
            RegionField::Tax => self.tax_pct,
            RegionField::Capex => self.capex_usd_per_mw,
            RegionField::MoveCost => self.move_cost_usd_per_mw,
            RegionField::MoveDays => self.move_days,
        }
    }

    pub(crate) fn set_value(&mut self, field: RegionField, value: f64) {
        match field {
            RegionField::Price => self.power_usd_per_kwh = value,
            RegionField::Cap => self.cap_mw = value,
            RegionField::Uptime => self.uptime_pct = value,
            RegionField::Opex => self.opex_usd_per_mw_month = value,
            RegionField::Levy => self.levy_usd_per_kwh = value,
            RegionField::DowntimeMonths => self.downtime_months = value,
            RegionField::Tax => self.tax_pct = value,
            RegionField::Capex => self.capex_usd_per_mw = value,
            RegionField::MoveCost => self.move_cost_usd_per_mw = value,
            RegionField::MoveDays => self.move_days = value,
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
    // Parsed once per thread: links are encoded on every change, and each encoding compares
    // the regions with the seeds. Regions share their text through `Rc`, so a copy is cheap.
    thread_local!(static SEEDS: Vec<Region> = parse_seed_regions());
    SEEDS.with(|seeds| seeds.clone())
}

fn parse_seed_regions() -> Vec<Region> {
    let records = csv::parse(SEED_CSV).expect("regions.csv is valid CSV");
    let header = &records[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("regions.csv lacks {name}"));
    let (id, name, color) = (col("id"), col("name"), col("color"));
    let columns = RegionField::ALL.map(|f| {
        let (value, source) = seed_columns(f);
        (f, col(value), col(source))
    });
    records[1..]
        .iter()
        .map(|r| {
            let source = |i: usize| Sourced::new(&r[columns[i].2]);
            let mut region = Region::user(&r[id], &r[name], 0.0, 0.0, 0.0, "");
            region.color_rgb =
                parse_hex_color(&r[color]).unwrap_or_else(|| panic!("regions.csv, {}: bad colour", r[id]));
            for &(field, value, _) in &columns {
                let v = field.spec().parse(&r[value]).unwrap_or_else(|e| panic!("regions.csv, {}: {e}", r[id]));
                region.set_value(field, v);
            }
            region.sources = Some(Rc::new(RegionSources {
                price: source(0),
                cap: source(1),
                uptime: source(2),
                opex: source(3),
                levy: source(4),
                downtime: source(5),
                tax: source(6),
                capex: source(7),
                move_cost: source(8),
                move_days: source(9),
            }));
            region
        })
        .collect()
}

/// The columns of `regions.csv` holding a field's value and its source.
pub fn seed_columns(field: RegionField) -> (&'static str, &'static str) {
    match field {
        RegionField::Price => ("price_usd_per_kwh", "price_source"),
        RegionField::Cap => ("cap_mw", "cap_source"),
        RegionField::Uptime => ("uptime_pct", "uptime_source"),
        RegionField::Opex => ("opex_usd_per_mw_month", "opex_source"),
        RegionField::Levy => ("levy_usd_per_kwh", "levy_source"),
        RegionField::DowntimeMonths => ("downtime_months", "downtime_source"),
        RegionField::Tax => ("tax_pct", "tax_source"),
        RegionField::Capex => ("capex_usd_per_mw", "capex_source"),
        RegionField::MoveCost => ("move_cost_usd_per_mw", "move_cost_source"),
        RegionField::MoveDays => ("move_days", "move_days_source"),
    }
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
