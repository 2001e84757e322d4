//! The scenario as a link fragment and as a JSON file: encoding, and decoding that checks every field.
//!
//! Both formats share the checks here: every number against its field's range, every region's id
//! and name. A link falls back to defaults field by field (see `link.rs`); a file is all or
//! nothing (see `file.rs`).

mod file;
mod link;

pub use file::{from_json, to_json, JSON_SCHEMA, JSON_VERSION};
pub use link::{crc32, decode_link, encode_link, fragment, fragment_of, parse_fragment, Fragment, LINK_VERSION};

use super::fields::{FieldSpec, GlobalField, RegionField};
use super::region::{check_name, seed_regions, Region, TEMPLATE};
use super::scenario::{Globals, Scenario, MAX_REGIONS};

/// A scenario read from a link, and what had to be replaced by defaults on the way.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub scenario: Scenario,
    /// One sentence per field or region that was out of range or unreadable.
    pub problems: Vec<String>,
}

/// A region as written in a link or file, before it is checked.
pub(super) struct RawRegion {
    pub id: String,
    pub name: Option<String>,
    pub numbers: [Result<f64, String>; 3],
    pub note: String,
}

/// Checks values one by one, keeping a readable note of every problem.
#[derive(Default)]
pub(super) struct Checker {
    pub problems: Vec<String>,
}

impl Checker {
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
        self.problems.push(format!("{place}: {problem} Using {fallback} instead."));
        fallback
    }

    pub(super) fn globals(&mut self, raw: &[Result<f64, String>; 5]) -> Globals {
        let defaults = Globals::default();
        let mut globals = defaults.clone();
        for (i, field) in GlobalField::ALL.into_iter().enumerate() {
            let v = self.number(field.spec().label, field.spec(), &raw[i], defaults.value(field));
            globals.set_value(field, v);
        }
        globals
    }

    /// Builds the regions, skipping (with a note) any that cannot stand: a bad or repeated id,
    /// a new region without a usable name, or more than the scenario holds.
    pub(super) fn regions(&mut self, raw: Vec<RawRegion>) -> Vec<Region> {
        let seeds = seed_regions();
        let mut regions: Vec<Region> = Vec::new();
        for (i, r) in raw.into_iter().enumerate() {
            let place = format!("Region {} ({})", i + 1, r.id);
            if regions.len() == MAX_REGIONS {
                self.problems.push(format!("{place}: a scenario holds at most {MAX_REGIONS} regions; left out."));
                continue;
            }
            let id_ok = !r.id.is_empty()
                && r.id.len() <= 60
                && r.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !id_ok || regions.iter().any(|x| *x.id == *r.id) {
                self.problems.push(format!("{place}: the id is not valid or is used twice; left out."));
                continue;
            }
            let seed = seeds.iter().find(|s| *s.id == *r.id);
            let base = seed.cloned().unwrap_or_else(|| {
                let (p, c, u) = TEMPLATE;
                Region::user(&r.id, "", p, c, u, "")
            });
            let name = match (&r.name, seed) {
                (None, Some(s)) => s.name.to_string(),
                (None, None) => {
                    self.problems.push(format!("{place}: a region that is not a seed needs a name; left out."));
                    continue;
                }
                (Some(n), _) => match check_name(n, regions.iter().map(|x| &*x.name)) {
                    Ok(n) => n.to_string(),
                    Err(e) => {
                        self.problems.push(format!("{place}: {e} Left out."));
                        continue;
                    }
                },
            };
            let mut region = Region { name: name.as_str().into(), note: r.note.as_str().into(), ..base };
            for (k, field) in RegionField::ALL.into_iter().enumerate() {
                let fallback = region.value(field);
                let v = self.number(
                    &format!("{name}, {}", field.spec().label.to_lowercase()),
                    field.spec(),
                    &r.numbers[k],
                    fallback,
                );
                region.set_value(field, v);
            }
            regions.push(region);
        }
        regions
    }
}
