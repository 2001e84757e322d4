//! The scenario as a link fragment and as a JSON file: encoding, and decoding that checks every field.
//!
//! Both formats share the checks here: every number against its field's range, every region's id
//! and name. A link falls back to defaults field by field (see `link.rs`); a file is all or
//! nothing (see `file.rs`).

mod file;
mod link;

pub use file::{from_json, to_json, JSON_SCHEMA, JSON_VERSION};
pub use link::{
    crc32, decode_link, encode_link, encode_link_whole, fragment, fragment_of, parse_fragment, Fragment, LINK_VERSION,
};

use std::rc::Rc;

use super::calendar::YearMonth;
use super::fields::{FieldSpec, GlobalField, RegionField};
use super::hardware::Hardware;
use super::market::HashpriceMode;
use super::profile::PriceProfile;
use super::region::{check_name, seed_regions, Region};
use super::scenario::{check_halving, Globals, Scenario, MAX_REGIONS};

/// A scenario read from a link, and what had to be replaced by defaults on the way.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    /// One problem per field or region that was out of range or unreadable.
    pub problems: Vec<Problem>,
}

/// What a format does about a problem it found.
#[derive(Clone, Debug, PartialEq)]
pub enum Fallback {
    /// A value in its place (a link uses it; a file refuses itself instead).
    Value(String),
    /// The region is left out.
    LeftOut,
}

/// A value or region that could not be read as written: where, what is wrong, and what a
/// lenient reader (a link) puts in its place. Each format renders it in its own words.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The field or region, as a person names it ("Pool fee", "Region 2 (texas)").
    pub place: String,
    /// What is wrong, as a sentence.
    pub problem: String,
    pub fallback: Fallback,
}

impl Problem {
    /// In a link's words: what was used instead.
    pub fn with_fallback(&self) -> String {
        match &self.fallback {
            Fallback::Value(v) => format!("{}: {} Using {v} instead.", self.place, self.problem),
            Fallback::LeftOut => format!("{}: {} Left out.", self.place, self.problem),
        }
    }

    /// In a file's words: a file with a problem is refused whole, so nothing is used instead.
    pub fn alone(&self) -> String {
        format!("{}: {}", self.place, self.problem)
    }
}

/// A region as written in a link or file, before it is checked.
pub(super) struct RawRegion {
    pub id: String,
    pub name: Option<String>,
    /// The numbers the format carries; a field missing here (an older link or file) keeps the
    /// seed's value, or the template's for a region that is not a seed.
    pub numbers: Vec<(RegionField, Result<f64, String>)>,
    pub note: String,
    /// The hourly profile's token, `Some("")` (or a JSON `null`) for a flat price; `None` where
    /// the format does not carry it (before version 4), which keeps the seed's.
    pub profile: Option<String>,
}

/// The globals that are not numbers, as written; `None` where the format does not carry them
/// (version 1), which gives the default without a problem.
#[derive(Default)]
pub(super) struct RawChoices {
    pub hashprice_mode: Option<String>,
    pub hardware: Option<String>,
    /// `Some(None)` is "no origin".
    pub origin_region: Option<Option<String>>,
    pub start_month: Option<String>,
    pub halving_month: Option<String>,
    /// `Some(None)` is "the default region".
    pub sensitivity_region: Option<Option<String>>,
}

/// Whether `id` has the shape of a region id: 1 to 60 lower-case ASCII letters, digits and hyphens.
fn id_shape_ok(id: &str) -> bool {
    !id.is_empty() && id.len() <= 60 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks values one by one, keeping every problem.
#[derive(Default)]
pub(super) struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    fn note(&mut self, place: impl Into<String>, problem: impl Into<String>, fallback: Fallback) {
        self.problems.push(Problem { place: place.into(), problem: problem.into(), fallback });
    }

    fn note_value(&mut self, place: &str, problem: String, fallback: impl std::fmt::Display) {
        self.note(place, problem, Fallback::Value(fallback.to_string()));
    }

    /// The value if it is a number inside the field's range; otherwise `fallback`, noted.
    pub(super) fn number(
        &mut self,
        place: &str,
        spec: &'static FieldSpec,
        raw: &Result<f64, String>,
        fallback: f64,
    ) -> f64 {
        let problem = match raw {
            Ok(v) => match spec.check(*v) {
                Ok(v) => return v,
                Err(e) => e.to_string(),
            },
            Err(what) => format!("{} must be a number; {what}.", spec.label),
        };
        self.note_value(place, problem, fallback);
        fallback
    }

    /// The globals: each number the format carries, checked against its field, and the choices;
    /// anything not carried keeps its default.
    pub(super) fn globals(&mut self, numbers: &[(GlobalField, Result<f64, String>)], choices: &RawChoices) -> Globals {
        let defaults = Globals::default();
        let mut globals = defaults.clone();
        for (field, raw) in numbers {
            let v = self.number(field.spec().label, field.spec(), raw, defaults.value(*field));
            globals.set_value(*field, v);
        }
        if let Some(text) = &choices.hashprice_mode {
            match HashpriceMode::parse(text) {
                Some(mode) => globals.hashprice_mode = mode,
                None => self.note_value(
                    "Hashprice mode",
                    format!("\u{201c}{text}\u{201d} is neither direct nor market."),
                    defaults.hashprice_mode.as_str(),
                ),
            }
        }
        match &choices.hardware {
            Some(text) => {
                globals.hardware = Hardware::from_id(text).unwrap_or_else(|| {
                    self.note_value(
                        "Hardware",
                        format!("\u{201c}{text}\u{201d} is not a machine this page knows."),
                        "custom",
                    );
                    Hardware::Custom
                })
            }
            // A version-1 scenario names no machine: its efficiency is the default machine's only
            // if it is that machine's figure, and otherwise a custom one (no problem to report).
            None if globals.hardware.efficiency_j_per_th() != Some(globals.values.efficiency_j_per_th) => {
                globals.hardware = Hardware::Custom
            }
            None => {}
        }
        if let Some(e) = globals.hardware.efficiency_j_per_th().filter(|&e| e != globals.values.efficiency_j_per_th) {
            let problem = format!(
                "the {} runs at {e} J/TH, not {} J/TH.",
                globals.hardware.name(),
                globals.values.efficiency_j_per_th
            );
            self.note_value("Hardware", problem, "custom");
            globals.hardware = Hardware::Custom;
        }
        if let Some(origin) = &choices.origin_region {
            globals.origin_region = self.region_id("Origin region", origin, &defaults.origin_region);
        }
        if let Some(region) = &choices.sensitivity_region {
            globals.sensitivity_region = self.region_id("Sensitivity region", region, &defaults.sensitivity_region);
        }
        if let Some(text) = &choices.start_month {
            match YearMonth::parse(text) {
                Some(m) => globals.start_month = m,
                None => self.note_value(
                    "Projection start",
                    format!("\u{201c}{text}\u{201d} is not a month from 2000-01 to 2200-12."),
                    defaults.start_month,
                ),
            }
        }
        // The halving is checked against the start month as decoded; its fallback keeps the
        // default distance from the start (16 months) when the default month does not fit.
        let fallback = match check_halving(globals.start_month, defaults.halving_month) {
            Ok(()) => defaults.halving_month,
            Err(_) => globals
                .start_month
                .plus_months(defaults.start_month.months_until(defaults.halving_month))
                .unwrap_or(globals.start_month),
        };
        let halving = match &choices.halving_month {
            None => Some(fallback),
            Some(text) => YearMonth::parse(text).filter(|&m| check_halving(globals.start_month, m).is_ok()),
        };
        globals.halving_month = halving.unwrap_or_else(|| {
            let problem = format!(
                "\u{201c}{}\u{201d} is not a month from the projection's start ({}) to ten years after it.",
                choices.halving_month.as_deref().unwrap_or_default(),
                globals.start_month
            );
            self.note_value("Halving month", problem, fallback);
            fallback
        });
        globals
    }

    /// A region id of a global choice, checked for shape only: an id that names no region is
    /// kept (it counts as none; see [`Globals::origin_region`]).
    fn region_id(&mut self, place: &str, raw: &Option<String>, fallback: &Option<Rc<str>>) -> Option<Rc<str>> {
        match raw {
            None => None,
            Some(id) if id_shape_ok(id) => Some(id.as_str().into()),
            Some(id) => {
                let problem = format!("\u{201c}{id}\u{201d} is not a region id.");
                self.note_value(place, problem, fallback.as_deref().unwrap_or("none"));
                fallback.clone()
            }
        }
    }

    /// Builds the regions, skipping (with a note) any that cannot stand: a bad or repeated id,
    /// a new region without a usable name, or more than the scenario holds.
    pub(super) fn regions(&mut self, raw: Vec<RawRegion>) -> Vec<Region> {
        let seeds = seed_regions();
        let mut regions: Vec<Region> = Vec::new();
        for (i, r) in raw.into_iter().enumerate() {
            let place = format!("Region {} ({})", i + 1, r.id);
            if regions.len() == MAX_REGIONS {
                self.note(place, format!("a scenario holds at most {MAX_REGIONS} regions."), Fallback::LeftOut);
                continue;
            }
            if !id_shape_ok(&r.id) || regions.iter().any(|x| *x.id == *r.id) {
                self.note(place, "the id is not valid or is used twice.", Fallback::LeftOut);
                continue;
            }
            let seed = seeds.iter().find(|s| *s.id == *r.id);
            let base = seed.cloned().unwrap_or_else(|| Region::user(&r.id, "", ""));
            let name = match (&r.name, seed) {
                (None, Some(s)) => s.name.to_string(),
                (None, None) => {
                    self.note(place, "a region that is not a seed needs a name.", Fallback::LeftOut);
                    continue;
                }
                (Some(n), _) => match check_name(n, regions.iter().map(|x| &*x.name)) {
                    Ok(n) => n.to_string(),
                    Err(e) => {
                        self.note(place, e.to_string(), Fallback::LeftOut);
                        continue;
                    }
                },
            };
            let mut region = Region { name: name.as_str().into(), note: r.note.as_str().into(), ..base };
            match r.profile.as_deref() {
                None => {}
                Some("") => region.profile = None,
                Some(token) => match PriceProfile::from_token(token) {
                    Some(profile) => region.profile = Some(profile),
                    None => {
                        self.note_value(
                            &format!("{name}, hourly prices"),
                            "they cannot be read.".into(),
                            "a flat price",
                        );
                        region.profile = None;
                    }
                },
            }
            for (field, raw) in &r.numbers {
                let fallback = region.value(*field);
                let v =
                    self.number(&format!("{name}, {}", field.spec().label.to_lowercase()), field.spec(), raw, fallback);
                region.set_value(*field, v);
            }
            regions.push(region);
        }
        regions
    }
}
