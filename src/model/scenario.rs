//! The scenario — every input the user controls — and the actions that change it.

use std::fmt;
use std::rc::Rc;

use super::calendar::YearMonth;
use super::fields::{GlobalField, InputError, RegionField};
use super::hardware::Hardware;
use super::market::HashpriceMode;
use super::region::{check_name, color_for_id, seed_regions, slug_id, unused_name, NameError, Region, Sourced};

/// Inputs that apply to the whole fleet. Percentages are kept as the user typed them.
#[derive(Clone, Debug, PartialEq)]
pub struct Globals {
    /// The hashprice slider, used in [`HashpriceMode::Direct`], USD per PH/s per day.
    pub hashprice_usd_per_ph_day: f64,
    pub efficiency_j_per_th: f64,
    pub pue: f64,
    pub pool_fee_pct: f64,
    pub fleet_mw: f64,
    /// Bitcoin's price, USD; a market input, used in [`HashpriceMode::Market`] and kept in direct mode.
    pub btc_price_usd: f64,
    /// Network difficulty in T (10¹²); a market input.
    pub difficulty_t: f64,
    /// Block subsidy before the halving, BTC; a market input.
    pub subsidy_btc: f64,
    /// Average fees per block, BTC; a market input.
    pub fees_per_block_btc: f64,
    /// Projection: difficulty growth, % per month (negative when it falls).
    pub difficulty_growth_pct_per_month: f64,
    /// Projection: bitcoin price change, % per month (negative when it falls).
    pub btc_price_growth_pct_per_month: f64,
    /// Price of new machines, USD per TH/s.
    pub unit_price_usd_per_th: f64,
    /// Whether the hashprice is the slider's or the market formula's; switching keeps both.
    pub hashprice_mode: HashpriceMode,
    /// The fleet's machine; a preset's efficiency is always [`Globals::efficiency_j_per_th`].
    pub hardware: Hardware,
    /// The id of the region where the fleet is now (stay or move). An id that names no region
    /// (the region was removed) counts as no origin, and is kept so that restoring or undoing
    /// brings the comparison back.
    pub origin_region: Option<Rc<str>>,
    /// The first month of the projection.
    pub start_month: YearMonth,
    /// The month the block subsidy halves; from `start_month` to ten years after it.
    pub halving_month: YearMonth,
    /// The id of the region of the sensitivity map; `None` (or an id no longer there) means the
    /// origin region, else the first region.
    pub sensitivity_region: Option<Rc<str>>,
}

/// The default first month of the projection.
pub const DEFAULT_START_MONTH: YearMonth = YearMonth { year: 2026, month: 12 };
/// The default halving month: block 1 050 000 is expected around April 2028.
pub const DEFAULT_HALVING_MONTH: YearMonth = YearMonth { year: 2028, month: 4 };
/// How far after the start month the halving may be set, in months (ten years).
pub const MAX_HALVING_OFFSET_MONTHS: i64 = 120;

impl Globals {
    pub fn value(&self, field: GlobalField) -> f64 {
        match field {
            GlobalField::Hashprice => self.hashprice_usd_per_ph_day,
            GlobalField::Efficiency => self.efficiency_j_per_th,
            GlobalField::Pue => self.pue,
            GlobalField::PoolFee => self.pool_fee_pct,
            GlobalField::FleetMw => self.fleet_mw,
            GlobalField::BtcPrice => self.btc_price_usd,
            GlobalField::Difficulty => self.difficulty_t,
            GlobalField::Subsidy => self.subsidy_btc,
            GlobalField::FeesPerBlock => self.fees_per_block_btc,
            GlobalField::DifficultyGrowth => self.difficulty_growth_pct_per_month,
            GlobalField::BtcPriceGrowth => self.btc_price_growth_pct_per_month,
            GlobalField::UnitPrice => self.unit_price_usd_per_th,
        }
    }

    pub(crate) fn set_value(&mut self, field: GlobalField, value: f64) {
        match field {
            GlobalField::Hashprice => self.hashprice_usd_per_ph_day = value,
            GlobalField::Efficiency => self.efficiency_j_per_th = value,
            GlobalField::Pue => self.pue = value,
            GlobalField::PoolFee => self.pool_fee_pct = value,
            GlobalField::FleetMw => self.fleet_mw = value,
            GlobalField::BtcPrice => self.btc_price_usd = value,
            GlobalField::Difficulty => self.difficulty_t = value,
            GlobalField::Subsidy => self.subsidy_btc = value,
            GlobalField::FeesPerBlock => self.fees_per_block_btc = value,
            GlobalField::DifficultyGrowth => self.difficulty_growth_pct_per_month = value,
            GlobalField::BtcPriceGrowth => self.btc_price_growth_pct_per_month = value,
            GlobalField::UnitPrice => self.unit_price_usd_per_th = value,
        }
    }

    /// The hashprice of the market inputs, USD per PH/s per day, whatever the mode.
    pub fn market_hashprice_usd_per_ph_day(&self) -> f64 {
        super::market::hashprice_usd_per_ph_day(
            self.difficulty_t,
            self.subsidy_btc,
            self.fees_per_block_btc,
            self.btc_price_usd,
        )
    }

    /// The hashprice every figure uses: the slider in direct mode, the market formula in market mode.
    pub fn effective_hashprice_usd_per_ph_day(&self) -> f64 {
        match self.hashprice_mode {
            HashpriceMode::Direct => self.hashprice_usd_per_ph_day,
            HashpriceMode::Market => self.market_hashprice_usd_per_ph_day(),
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
            GlobalField::BtcPrice => {
                "Assumption: a round $100 000, near the late-2025 price (between about $85 000 and \
                 $125 000 in October\u{2013}November 2025)."
            }
            GlobalField::Difficulty => "Approximate network difficulty in November 2025: about 150 T.",
            GlobalField::Subsidy => "3.125 BTC per block since the halving of April 2024 (block 840 000).",
            GlobalField::FeesPerBlock => {
                "Assumption: about 0.03 BTC of fees per block, near the late-2025 level (about 1 % of the reward)."
            }
            GlobalField::DifficultyGrowth => {
                "Assumption: 2 % a month, a little slower than 2025, when difficulty rose from about 110 T to 150 T."
            }
            GlobalField::BtcPriceGrowth => "Assumption: a flat bitcoin price.",
            GlobalField::UnitPrice => {
                "About $20/TH for new machines under 25 J/TH (market prices of mid-2023); a dated figure."
            }
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
            btc_price_usd: 100_000.0,
            difficulty_t: 150.0,
            subsidy_btc: 3.125,
            fees_per_block_btc: 0.03,
            difficulty_growth_pct_per_month: 2.0,
            btc_price_growth_pct_per_month: 0.0,
            unit_price_usd_per_th: 20.0,
            hashprice_mode: HashpriceMode::Direct,
            hardware: Hardware::S19Xp,
            origin_region: Some("kazakhstan".into()),
            start_month: DEFAULT_START_MONTH,
            halving_month: DEFAULT_HALVING_MONTH,
            sensitivity_region: None,
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
    /// Chooses where the hashprice comes from; both the slider and the market values are kept.
    SetHashpriceMode(HashpriceMode),
    /// Chooses the machine; a preset sets the efficiency to its own, `Custom` keeps it.
    SetHardware(Hardware),
    /// Names the region (by id) the fleet is in now, or none; the id must name a region.
    SetOrigin(Option<String>),
    /// Moves the halving; it must fall from the start month to ten years after it.
    SetHalvingMonth(YearMonth),
    /// Moves the projection's first month; the halving must stay within ten years after it.
    SetStartMonth(YearMonth),
    /// Chooses the region of the sensitivity map by id, or none for the default (origin, else first).
    SetSensitivityRegion(Option<String>),
}

/// A site read from an import, already checked, not yet given an id.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSite {
    pub name: String,
    pub power_usd_per_kwh: f64,
    pub cap_mw: f64,
    pub uptime_pct: f64,
    pub note: String,
    /// Site costs and policy the import gave (opex, levy, …); the others keep the template's.
    pub costs: Vec<(RegionField, f64)>,
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
                    self.globals.efficiency_j_per_th = e;
                }
            }
            Action::SetOrigin(id) => self.globals.origin_region = self.existing_id(id.as_deref())?,
            Action::SetSensitivityRegion(id) => self.globals.sensitivity_region = self.existing_id(id.as_deref())?,
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
                let [price, cap, uptime, ..] = super::region::TEMPLATE;
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
                    let mut region =
                        Region::user(&id, name, site.power_usd_per_kwh, site.cap_mw, site.uptime_pct, site.note.trim());
                    for &(field, value) in &site.costs {
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
