//! The scenario — every input the user controls — and the actions that change it.

use std::fmt;
use std::rc::Rc;

use super::calendar::YearMonth;
use super::fields::{GlobalField, InputError, RegionField};
pub use super::globals::{
    Globals, DEFAULT_HALVING_MONTH, DEFAULT_START_MONTH, MARKET_DATA_MONTH, MARKET_DATA_MONTH_TEXT,
    MAX_HALVING_OFFSET_MONTHS,
};
use super::hardware::Hardware;
use super::market::HashpriceMode;
use super::profile::{quantized_usd_per_kwh, PriceProfile, IMPORTED_SOURCE};
use super::region::{check_name, color_for_id, seed_regions, slug_id, unused_name, NameError, Region};

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
    /// Chooses where the hashprice comes from; both the slider and the market values are kept.
    SetHashpriceMode(HashpriceMode),
    /// Chooses the machine; a preset sets the efficiency and the machine price to its own,
    /// `Custom` keeps them.
    SetHardware(Hardware),
    /// Names the region (by id) the fleet is in now, or none; the id must name a region.
    SetOrigin(Option<String>),
    /// Moves the halving; it must fall from the start month to ten years after it.
    SetHalvingMonth(YearMonth),
    /// Moves the projection's first month; the halving must stay within ten years after it.
    SetStartMonth(YearMonth),
    /// Chooses the region of the sensitivity map by id, or none for the default (origin, else first).
    SetSensitivityRegion(Option<String>),
    /// Chooses (by id) the region whose hourly prices the price-duration chart shows, or none for
    /// the first region with a profile.
    SetPriceDurationRegion(Option<String>),
    /// Gives a region (by id) an hourly price profile, from confirmed import rows: (calendar month
    /// if timestamped, USD/kWh). The power price becomes the profile's mean (within its field's
    /// range), so the prices count as given.
    SetPriceProfile(String, Vec<(Option<u8>, f64)>),
    /// Returns a region (by id) to a flat price, at its current power price.
    ClearPriceProfile(String),
}

/// A site read from an import, already checked, not yet given an id.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSite {
    pub name: String,
    pub note: String,
    /// The values the import gave (every [`Group::Site`](super::fields::Group::Site) field, and any others); the fields it
    /// did not give keep the template's.
    pub values: Vec<(RegionField, f64)>,
}

impl Action {
    /// Whether "Undo" of the last removal stays offered after this action: changes of values
    /// and choices keep it; any change to the regions themselves makes an old undo confusing.
    pub fn keeps_undo(&self) -> bool {
        match self {
            Action::SetGlobal(..)
            | Action::SetRegion(..)
            | Action::SetHashpriceMode(_)
            | Action::SetHardware(_)
            | Action::SetOrigin(_)
            | Action::SetHalvingMonth(_)
            | Action::SetStartMonth(_)
            | Action::SetSensitivityRegion(_)
            | Action::SetPriceDurationRegion(_)
            | Action::SetPriceProfile(..)
            | Action::ClearPriceProfile(_) => true,
            Action::RenameRegion(..)
            | Action::SetNote(..)
            | Action::AddRegion
            | Action::DuplicateRegion(_)
            | Action::RemoveRegion(_)
            | Action::InsertRegion(..)
            | Action::MoveRegion(..)
            | Action::RestoreSeeds
            | Action::AddSites(_) => false,
        }
    }
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
    /// The halving month is before the start month or more than ten years after it.
    HalvingOutOfRange {
        start: YearMonth,
        halving: YearMonth,
    },
    /// A month that is not a calendar month of the years 2000–2200.
    InvalidMonth(YearMonth),
    /// No region has the id an action names (origin or sensitivity region).
    UnknownRegionId(String),
    /// Imported prices that make no profile (none, or one that is not a number).
    BadPrices,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Input(e) => e.fmt(f),
            ApplyError::Name(e) => e.fmt(f),
            ApplyError::TooManyRegions => write!(f, "A scenario holds at most {MAX_REGIONS} regions."),
            ApplyError::NoSuchRegion => f.write_str("That region is no longer there."),
            ApplyError::IdTaken => f.write_str("A region with that id is already there."),
            ApplyError::HalvingOutOfRange { start, halving } => write!(
                f,
                "The halving month ({halving}) must be from the projection's start ({start}) to ten years after it."
            ),
            ApplyError::InvalidMonth(m) => {
                write!(f, "{}-{:02} is not a month from 2000-01 to 2200-12.", m.year, m.month)
            }
            ApplyError::UnknownRegionId(id) => write!(f, "No region has the id \u{201c}{id}\u{201d}."),
            ApplyError::BadPrices => f.write_str("The imported prices make no profile."),
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
                // An efficiency other than the preset's is no longer that machine.
                if field == GlobalField::Efficiency && self.globals.hardware.efficiency_j_per_th() != Some(value) {
                    self.globals.hardware = Hardware::Custom;
                }
            }
            &Action::SetHashpriceMode(mode) => self.globals.hashprice_mode = mode,
            &Action::SetHardware(hardware) => {
                self.globals.hardware = hardware;
                if let Some(e) = hardware.efficiency_j_per_th() {
                    self.globals.values.efficiency_j_per_th = e;
                }
                // The preset's price, which stays editable.
                if let Some(usd) = hardware.price_usd_per_th() {
                    self.globals.values.unit_price_usd_per_th = usd;
                }
            }
            Action::SetOrigin(id) => self.globals.origin_region = self.existing_id(id.as_deref())?,
            Action::SetSensitivityRegion(id) => self.globals.sensitivity_region = self.existing_id(id.as_deref())?,
            Action::SetPriceDurationRegion(id) => {
                self.globals.price_duration_region = self.existing_id(id.as_deref())?;
            }
            &Action::SetHalvingMonth(halving) => {
                check_halving(self.globals.start_month, halving)?;
                self.globals.halving_month = halving;
            }
            &Action::SetStartMonth(start) => {
                check_halving(start, self.globals.halving_month)?;
                self.globals.start_month = start;
            }
            &Action::SetRegion(index, field, value) => {
                let value = field.spec().check(value)?;
                self.region_mut(index)?.set_value(field, value);
            }
            Action::AddRegion => {
                self.room_for(1)?;
                let name = unused_name("New site", |n| self.has_name(n));
                let region = Region::user(&self.new_id(&name), &name, "");
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
            Action::SetPriceProfile(id, rows) => {
                let index = self.index_of(id).ok_or_else(|| ApplyError::UnknownRegionId(id.clone()))?;
                // Kept to $0.1/MWh, so that a link or file carries every price exactly.
                let rows: Vec<(Option<u8>, f64)> = rows.iter().map(|&(m, p)| (m, quantized_usd_per_kwh(p))).collect();
                let profile = PriceProfile::from_series(&rows, IMPORTED_SOURCE).ok_or(ApplyError::BadPrices)?;
                let spec = RegionField::Price.spec();
                let mean = quantized_usd_per_kwh(profile.mean_usd_per_kwh()).clamp(spec.min, spec.max);
                let region = &mut self.regions[index];
                region.values.price_usd_per_kwh = mean;
                region.profile = Some(profile);
            }
            Action::ClearPriceProfile(id) => {
                let index = self.index_of(id).ok_or_else(|| ApplyError::UnknownRegionId(id.clone()))?;
                self.regions[index].profile = None;
            }
            Action::AddSites(sites) => {
                self.room_for(sites.len())?;
                let mut next = self.clone();
                for site in sites {
                    let name = check_name(&site.name, next.regions.iter().map(|r| &*r.name))?;
                    let id = next.new_id(name);
                    let mut region = Region::user(&id, name, site.note.trim());
                    for &(field, value) in &site.values {
                        region.set_value(field, field.spec().check(value)?);
                    }
                    next.regions.push(region);
                }
                *self = next;
            }
        }
        Ok(())
    }

    /// The position of the region with this id, if it is there.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.regions.iter().position(|r| &*r.id == id)
    }

    /// The origin region's position; `None` when there is no origin or it was removed.
    pub fn origin_index(&self) -> Option<usize> {
        self.globals.origin_region.as_deref().and_then(|id| self.index_of(id))
    }

    /// The region the sensitivity map shows: the chosen one if it is there, else the origin,
    /// else the first region; `None` only when there are no regions.
    pub fn sensitivity_index(&self) -> Option<usize> {
        let chosen = self.globals.sensitivity_region.as_deref().and_then(|id| self.index_of(id));
        let first = if self.regions.is_empty() { None } else { Some(0) };
        chosen.or_else(|| self.origin_index()).or(first)
    }

    /// The region the price-duration chart shows: the chosen one if it is there and has hourly
    /// prices, else the first region with hourly prices; `None` when no region has any.
    pub fn price_duration_index(&self) -> Option<usize> {
        let chosen = self.globals.price_duration_region.as_deref().and_then(|id| self.index_of(id));
        chosen
            .filter(|&i| self.regions[i].profile.is_some())
            .or_else(|| self.regions.iter().position(|r| r.profile.is_some()))
    }

    /// `Some(id)` if a region has that id, `None` for none, an error for an unknown id.
    fn existing_id(&self, id: Option<&str>) -> Result<Option<Rc<str>>, ApplyError> {
        match id {
            None => Ok(None),
            Some(id) => match self.index_of(id) {
                Some(i) => Ok(Some(self.regions[i].id.clone())),
                None => Err(ApplyError::UnknownRegionId(id.to_string())),
            },
        }
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

/// Checks that both months are calendar months and that the halving falls from `start` to ten
/// years after it.
pub fn check_halving(start: YearMonth, halving: YearMonth) -> Result<(), ApplyError> {
    for m in [start, halving] {
        if YearMonth::new(m.year, m.month).is_none() {
            return Err(ApplyError::InvalidMonth(m));
        }
    }
    if (0..=MAX_HALVING_OFFSET_MONTHS).contains(&start.months_until(halving)) {
        Ok(())
    } else {
        Err(ApplyError::HalvingOutOfRange { start, halving })
    }
}
