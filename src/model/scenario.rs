//! The scenario — every input the user controls — and the actions that change it.

use std::fmt;

use super::fields::{GlobalField, InputError, RegionField};
use super::region::{
    check_name, color_for_id, seed_regions, slug_id, unused_name, NameError, Region, Sourced, TEMPLATE,
};

/// Inputs that apply to the whole fleet. Percentages are kept as the user typed them.
#[derive(Clone, Debug, PartialEq)]
pub struct Globals {
    pub hashprice_usd_per_ph_day: f64,
    pub efficiency_j_per_th: f64,
    pub pue: f64,
    pub pool_fee_pct: f64,
    pub fleet_mw: f64,
}

impl Globals {
    pub fn value(&self, field: GlobalField) -> f64 {
        match field {
            GlobalField::Hashprice => self.hashprice_usd_per_ph_day,
            GlobalField::Efficiency => self.efficiency_j_per_th,
            GlobalField::Pue => self.pue,
            GlobalField::PoolFee => self.pool_fee_pct,
            GlobalField::FleetMw => self.fleet_mw,
        }
    }

    pub(crate) fn set_value(&mut self, field: GlobalField, value: f64) {
        match field {
            GlobalField::Hashprice => self.hashprice_usd_per_ph_day = value,
            GlobalField::Efficiency => self.efficiency_j_per_th = value,
            GlobalField::Pue => self.pue = value,
            GlobalField::PoolFee => self.pool_fee_pct = value,
            GlobalField::FleetMw => self.fleet_mw = value,
        }
    }

    /// Where each default comes from, shown beside the control.
    pub fn source(field: GlobalField) -> Sourced {
        let text = match field {
            GlobalField::Hashprice => {
                "Assumption: near the 2025 hashprice, which moved between about $40 and $65/PH/day."
            }
            GlobalField::Efficiency => "Antminer S19 XP, 21.5 J/TH (Bitmain specification, 2022).",
            GlobalField::Pue => "Assumption: air-cooled site, 10% of power for cooling and losses.",
            GlobalField::PoolFee => "Assumption: a typical FPPS pool fee of 2%.",
            GlobalField::FleetMw => "Assumption: a mid-sized fleet leaving Kazakhstan.",
        };
        Sourced { text: text.to_string(), assumption: text.starts_with("Assumption") }
    }
}

impl Default for Globals {
    fn default() -> Self {
        Globals {
            hashprice_usd_per_ph_day: 50.0,
            efficiency_j_per_th: 21.5,
            pue: 1.1,
            pool_fee_pct: 2.0,
            fleet_mw: 300.0,
        }
    }
}

/// Everything the user controls; the report is a pure function of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub globals: Globals,
    pub regions: Vec<Region>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario { globals: Globals::default(), regions: seed_regions() }
    }
}

/// The longest source note, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// The most regions a scenario holds; the charts and controls are designed for up to this many.
pub const MAX_REGIONS: usize = 100;

/// A change the user asks for. Regions are addressed by position in `Scenario::regions`.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetGlobal(GlobalField, f64),
    SetRegion(usize, RegionField, f64),
    /// Appends a region made from the template.
    AddRegion,
    /// Inserts a copy of a region right after it, with a new name and id.
    DuplicateRegion(usize),
    RenameRegion(usize, String),
    SetNote(usize, String),
    RemoveRegion(usize),
    /// Puts a region back where it was (the undo of a removal).
    InsertRegion(usize, Region),
    /// Moves a region from one position to another.
    MoveRegion(usize, usize),
    /// Appends every seed region that is not in the scenario.
    RestoreSeeds,
    /// Appends checked sites from an import.
    AddSites(Vec<NewSite>),
}

/// A site read from an import, already checked, not yet given an id.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSite {
    pub name: String,
    pub power_usd_per_kwh: f64,
    pub cap_mw: f64,
    pub uptime_pct: f64,
    pub note: String,
}

/// Why an action was refused; the scenario is then unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum ApplyError {
    Input(InputError),
    Name(NameError),
    TooManyRegions,
    /// The region an action names is not there (removed meanwhile).
    NoSuchRegion,
    /// An inserted region's id is already in use.
    IdTaken,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Input(e) => e.fmt(f),
            ApplyError::Name(e) => e.fmt(f),
            ApplyError::TooManyRegions => write!(f, "A scenario holds at most {MAX_REGIONS} regions."),
            ApplyError::NoSuchRegion => f.write_str("That region is no longer there."),
            ApplyError::IdTaken => f.write_str("A region with that id is already there."),
        }
    }
}

impl From<InputError> for ApplyError {
    fn from(e: InputError) -> Self {
        ApplyError::Input(e)
    }
}

impl From<NameError> for ApplyError {
    fn from(e: NameError) -> Self {
        ApplyError::Name(e)
    }
}

impl Scenario {
    /// Applies an action if it is allowed; otherwise leaves the scenario untouched and says why,
    /// so a bad value can never reach the formulas.
    pub fn apply(&mut self, action: &Action) -> Result<(), ApplyError> {
        match action {
            &Action::SetGlobal(field, value) => {
                let value = field.spec().check(value)?;
                self.globals.set_value(field, value);
            }
            &Action::SetRegion(index, field, value) => {
                let value = field.spec().check(value)?;
                self.region_mut(index)?.set_value(field, value);
            }
            Action::AddRegion => {
                self.room_for(1)?;
                let name = unused_name("New site", |n| self.has_name(n));
                let (price, cap, uptime) = TEMPLATE;
                let region = Region::user(&self.new_id(&name), &name, price, cap, uptime, "");
                self.regions.push(region);
            }
            &Action::DuplicateRegion(index) => {
                self.room_for(1)?;
                let original = self.region(index)?;
                let name = unused_name(&format!("{} copy", original.name), |n| self.has_name(n));
                let id = self.new_id(&name);
                let copy = Region {
                    id: id.as_str().into(),
                    name: name.into(),
                    color_rgb: color_for_id(&id),
                    ..original.clone()
                };
                self.regions.insert(index + 1, copy);
            }
            Action::RenameRegion(index, name) => {
                let index = *index;
                let others = self.regions.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, r)| &*r.name);
                let name = check_name(name, others)?;
                self.region_mut(index)?.name = name.into();
            }
            Action::SetNote(index, note) => {
                // Kept as typed (a trailing space is the start of the next word); at most
                // MAX_NOTE_CHARS characters, so a pasted document cannot bloat every link.
                let note: String = note.chars().take(MAX_NOTE_CHARS).collect();
                self.region_mut(*index)?.note = note.as_str().into();
            }
            &Action::RemoveRegion(index) => {
                self.region(index)?;
                self.regions.remove(index);
            }
            Action::InsertRegion(index, region) => {
                self.room_for(1)?;
                if self.regions.iter().any(|r| r.id == region.id) {
                    return Err(ApplyError::IdTaken);
                }
                check_name(&region.name, self.regions.iter().map(|r| &*r.name))?;
                self.regions.insert((*index).min(self.regions.len()), region.clone());
            }
            &Action::MoveRegion(from, to) => {
                self.region(from)?;
                let region = self.regions.remove(from);
                self.regions.insert(to.min(self.regions.len()), region);
            }
            Action::RestoreSeeds => {
                let missing: Vec<Region> =
                    seed_regions().into_iter().filter(|s| !self.regions.iter().any(|r| r.id == s.id)).collect();
                self.room_for(missing.len())?;
                for mut seed in missing {
                    // A user region may have taken the seed's name meanwhile; keep both apart.
                    if self.has_name(&seed.name) {
                        seed.name = unused_name(&seed.name, |n| self.has_name(n)).into();
                    }
                    self.regions.push(seed);
                }
            }
            Action::AddSites(sites) => {
                self.room_for(sites.len())?;
                let mut next = self.clone();
                for site in sites {
                    let name = check_name(&site.name, next.regions.iter().map(|r| &*r.name))?;
                    for (field, value) in [
                        (RegionField::Price, site.power_usd_per_kwh),
                        (RegionField::Cap, site.cap_mw),
                        (RegionField::Uptime, site.uptime_pct),
                    ] {
                        field.spec().check(value)?;
                    }
                    let id = next.new_id(name);
                    let region =
                        Region::user(&id, name, site.power_usd_per_kwh, site.cap_mw, site.uptime_pct, site.note.trim());
                    next.regions.push(region);
                }
                *self = next;
            }
        }
        Ok(())
    }

    fn region(&self, index: usize) -> Result<&Region, ApplyError> {
        self.regions.get(index).ok_or(ApplyError::NoSuchRegion)
    }

    fn region_mut(&mut self, index: usize) -> Result<&mut Region, ApplyError> {
        self.regions.get_mut(index).ok_or(ApplyError::NoSuchRegion)
    }

    fn room_for(&self, count: usize) -> Result<(), ApplyError> {
        if self.regions.len() + count > MAX_REGIONS {
            return Err(ApplyError::TooManyRegions);
        }
        Ok(())
    }

    fn has_name(&self, name: &str) -> bool {
        let lower = name.trim().to_lowercase();
        self.regions.iter().any(|r| r.name.to_lowercase() == lower)
    }

    fn new_id(&self, name: &str) -> String {
        slug_id(name, |id| self.regions.iter().any(|r| &*r.id == id))
    }
}
