//! Candidate regions: power price, cap, uptime, site costs, tax and relocation terms, and the sourced seed data.

use std::rc::Rc;

use serde::Serialize;

use super::csv;
use super::fields::{Group, RegionField, RegionValues};
pub use super::naming::{check_name, color_for_id, slug_id, unused_name, NameError, MAX_NAME_CHARS, SEED_IDS};
use super::profile::PriceProfile;

/// Where a default value comes from: a citation with its date, or an assumption of ours.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced {
    pub text: String,
    /// True when the value is our own assumption rather than a published figure;
    /// the UI labels such values so that nobody cites them as facts.
    pub assumption: bool,
}

impl Sourced {
    pub fn new(text: &str) -> Self {
        Sourced { text: text.to_string(), assumption: text.starts_with("Assumption") }
    }
}

/// The sources of a region's seed values, one per [`RegionField`], in its order.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSources(Vec<Sourced>);

impl RegionSources {
    pub fn get(&self, field: RegionField) -> &Sourced {
        &self.0[field.index()]
    }
}

/// One candidate region with its editable values.
///
/// Strings are shared (`Rc`) because a report is derived from the scenario on every slider
/// event and copies them into its rows. Serialized as a JSON file's region: id, name, every
/// value under its field's name, note.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Region {
    /// Stable, URL-safe id used by the DOM contract (`price-<id>`, `tr[data-region="<id>"]`);
    /// it never changes, not even when the region is renamed.
    pub id: Rc<str>,
    /// Free text of 1 to [`MAX_NAME_CHARS`] characters; shown only through text APIs.
    pub name: Rc<str>,
    /// The region's colour in every chart.
    #[serde(skip)]
    pub color_rgb: [u8; 3],
    /// Price, cap, uptime, costs, policy and relocation terms (see [`RegionField`]).
    #[serde(flatten)]
    pub values: RegionValues,
    /// The hourly price profile, whose mean the power price sets; `None` for a flat price.
    /// Written as its token ([`PriceProfile::to_token`]), `null` when flat.
    #[serde(rename = "price_profile", serialize_with = "profile_token")]
    pub profile: Option<PriceProfile>,
    /// The user's own note on where the numbers come from (may be empty).
    pub note: Rc<str>,
    /// Citations of the seed data, kept by a seed region and its copies; `None` for a region
    /// the user made or imported.
    #[serde(skip)]
    pub sources: Option<Rc<RegionSources>>,
}

fn profile_token<S: serde::Serializer>(profile: &Option<PriceProfile>, serializer: S) -> Result<S::Ok, S::Error> {
    match profile {
        Some(p) => serializer.serialize_str(&p.to_token()),
        None => serializer.serialize_none(),
    }
}

/// A region's name and where its values come from: what the sources footnote shows, which
/// stays equal while only values change (so the footnote is not rendered again).
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub name: Rc<str>,
    pub sources: Option<Rc<RegionSources>>,
    pub note: Rc<str>,
    /// For a region without seed citations, the fields (bit i for [`RegionField::ALL`]`[i]`)
    /// that still hold their template value (the declared default): those are our assumptions,
    /// not the user's. It changes only when a value reaches or leaves the template's, so the
    /// footnote stays put while a slider moves.
    pub at_template: u64,
}

impl Citation {
    /// Where a field's value comes from: the seed citation; for a region the user made or
    /// imported, the template's assumption while the field holds the template's value, else the
    /// user's note.
    pub fn source(&self, field: RegionField) -> Sourced {
        match &self.sources {
            Some(s) => s.get(field).clone(),
            None if self.at_template & field_bit(field) != 0 => Sourced::new(field.spec().source),
            None if !self.note.is_empty() => Sourced { text: self.note.to_string(), assumption: false },
            None => Sourced { text: USER_SOURCE.to_string(), assumption: false },
        }
    }
}

/// The bit of `field` in [`Citation::at_template`].
fn field_bit(field: RegionField) -> u64 {
    1 << field.index()
}

/// What to say about a value that has no seed citation and is not the template's.
const USER_SOURCE: &str = "Entered by the user.";

impl Region {
    /// A region the user made or imported: its colour follows from its id, and every value is
    /// the template's (the fields' declared defaults) until it is set.
    pub fn user(id: &str, name: &str, note: &str) -> Region {
        Region {
            id: id.into(),
            name: name.into(),
            color_rgb: color_for_id(id),
            values: RegionValues::defaults(),
            profile: None,
            note: note.into(),
            sources: None,
        }
    }

    /// The fraction of all hours the site has power: uptime with the seasonal downtime spread over
    /// the year (see [`formulas::effective_uptime`](super::formulas::effective_uptime)).
    pub fn effective_uptime(&self) -> f64 {
        super::formulas::effective_uptime(self.values.uptime_pct, self.values.downtime_months)
    }

    /// What the all-in margin needs of the site: price, levy, effective uptime, opex and, with hourly
    /// prices, the demand-response credit.
    pub fn costs(&self) -> super::formulas::SiteCosts {
        super::formulas::SiteCosts {
            price_usd_per_kwh: self.values.price_usd_per_kwh,
            levy_usd_per_kwh: self.values.levy_usd_per_kwh,
            uptime: self.effective_uptime(),
            opex_usd_per_mw_month: self.values.opex_usd_per_mw_month,
            // Only a site that buys by the hour can switch off on call.
            dr_credit_usd_per_mw_year: if self.profile.is_some() { self.values.dr_credit_usd_per_mw_year } else { 0.0 },
            profile: self.profile.as_ref().map(|p| (p.year().clone(), p.mean_usd_per_kwh())),
        }
    }

    /// How the site buys power, in words: "hourly, 8 760 h, mean $0.071" or "flat".
    pub fn price_kind(&self) -> String {
        match &self.profile {
            Some(p) => format!(
                "hourly, {} h, mean ${:.3}",
                crate::format::grouped(p.count() as f64, 0),
                self.values.price_usd_per_kwh
            ),
            None => "flat".to_string(),
        }
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
                .filter(|&field| self.value(field) == field.spec().default)
                .fold(0, |bits, field| bits | field_bit(field)),
        };
        Citation { name: self.name.clone(), sources: self.sources.clone(), note: self.note.clone(), at_template }
    }

    /// The one-line source text of the CSV export: the user's note, else the seed citations of
    /// the fields every site has.
    pub fn source_text(&self) -> String {
        match (&*self.note, &self.sources) {
            ("", Some(s)) => RegionField::in_group(Group::Site)
                .map(|f| format!("{}: {}", f.spec().label, s.get(f).text))
                .collect::<Vec<_>>()
                .join(" "),
            (note, _) => note.to_string(),
        }
    }

    pub fn value(&self, field: RegionField) -> f64 {
        self.values.get(field)
    }

    pub(crate) fn set_value(&mut self, field: RegionField, value: f64) {
        self.values.set(field, value);
    }
}

/// The seed data, compiled in so that the page needs no request to start.
pub const SEED_CSV: &str = include_str!("regions.csv");

/// The six seed regions, in display order.
///
/// The data file is part of the build and `tests/it/regions.rs` parses it, so a malformed file
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
    let header = &records[0].fields;
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("regions.csv lacks {name}"));
    let (id, name, color) = (col("id"), col("name"), col("color"));
    let columns: Vec<(RegionField, usize, usize)> =
        RegionField::ALL.into_iter().map(|f| (f, col(f.spec().name), col(&seed_source_column(f)))).collect();
    records[1..]
        .iter()
        .map(|record| {
            let r = &record.fields;
            let mut region = Region::user(&r[id], &r[name], "");
            region.color_rgb =
                parse_hex_color(&r[color]).unwrap_or_else(|| panic!("regions.csv, {}: bad colour", r[id]));
            for &(field, value, _) in &columns {
                let v = field.spec().parse(&r[value]).unwrap_or_else(|e| panic!("regions.csv, {}: {e}", r[id]));
                region.set_value(field, v);
            }
            region.sources =
                Some(Rc::new(RegionSources(columns.iter().map(|&(_, _, source)| Sourced::new(&r[source])).collect())));
            // An hourly profile by its token (Texas's is ERCOT's); empty for a flat price.
            let token = &r[col("price_profile")];
            region.profile = (!token.is_empty()).then(|| {
                PriceProfile::from_token(token).unwrap_or_else(|| panic!("regions.csv, {}: bad price_profile", r[id]))
            });
            region
        })
        .collect()
}

/// The column of `regions.csv` citing a field's seed value: its DOM key, then `_source`
/// (`move-cost` → `move_cost_source`).
pub fn seed_source_column(field: RegionField) -> String {
    format!("{}_source", field.spec().key.replace('-', "_"))
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
