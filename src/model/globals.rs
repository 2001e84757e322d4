//! The inputs that apply to the whole fleet — market, machines, fleet and projection — with their
//! defaults and where each default comes from.

use std::rc::Rc;

use super::calendar::YearMonth;
use super::fields::GlobalField;
use super::hardware::Hardware;
use super::market::HashpriceMode;
use super::region::Sourced;

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
