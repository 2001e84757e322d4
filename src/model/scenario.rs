//! The scenario — every input the user controls — and the actions that change it.

use super::fields::{GlobalField, InputError, RegionField};
use super::region::{seed_regions, Region, Sourced};

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

    fn set_value(&mut self, field: GlobalField, value: f64) {
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

/// A change the user asks for. Regions are addressed by position in `Scenario::regions`.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetGlobal(GlobalField, f64),
    SetRegion(usize, RegionField, f64),
}

impl Scenario {
    /// Applies an action if its value is allowed; otherwise leaves the scenario untouched and
    /// says why, so a bad value can never reach the formulas.
    pub fn apply(&mut self, action: &Action) -> Result<(), InputError> {
        match *action {
            Action::SetGlobal(field, value) => {
                let value = field.spec().check(value)?;
                self.globals.set_value(field, value);
            }
            Action::SetRegion(index, field, value) => {
                let value = field.spec().check(value)?;
                // An out-of-date index (a region removed meanwhile) is ignored, not a panic.
                if let Some(region) = self.regions.get_mut(index) {
                    region.set_value(field, value);
                }
            }
        }
        Ok(())
    }
}
