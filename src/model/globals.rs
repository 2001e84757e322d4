//! The inputs that apply to the whole fleet — market, machines, fleet and projection — with their
//! defaults and where each default comes from.

use std::rc::Rc;

use serde::Serialize;

use super::calendar::YearMonth;
use super::fields::{GlobalField, GlobalValues};
use super::hardware::Hardware;
use super::market::HashpriceMode;
use super::region::Sourced;

/// Inputs that apply to the whole fleet. Serialized as a JSON file's `globals`: every value
/// under its field's name, then the choices.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Globals {
    /// The numbers: market, machines, fleet and projection (see [`GlobalField`]).
    #[serde(flatten)]
    pub values: GlobalValues,
    /// Whether the hashprice is the slider's or the market formula's; switching keeps both.
    pub hashprice_mode: HashpriceMode,
    /// The fleet's machine; a preset's efficiency is always the efficiency field's value.
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
    /// The id of the region picked in the price import panel, whose hourly prices the
    /// price-duration chart shows if it has any. A choice of view, like the panel's select it
    /// follows: neither links nor files keep it.
    #[serde(skip)]
    pub price_duration_region: Option<Rc<str>>,
}

/// The month of the market defaults (price, difficulty, fees, machine prices): every one of them
/// is that month's figure, and the projection starts then.
pub const MARKET_DATA_MONTH: YearMonth = YearMonth { year: 2025, month: 11 };
/// [`MARKET_DATA_MONTH`] in words, for the page.
pub const MARKET_DATA_MONTH_TEXT: &str = "November 2025";
/// The default first month of the projection: the month of the market data.
pub const DEFAULT_START_MONTH: YearMonth = MARKET_DATA_MONTH;
/// The default halving month: block 1 050 000 is expected around April 2028.
pub const DEFAULT_HALVING_MONTH: YearMonth = YearMonth { year: 2028, month: 4 };
/// How far after the start month the halving may be set, in months (ten years).
pub const MAX_HALVING_OFFSET_MONTHS: i64 = 120;

impl Globals {
    pub fn value(&self, field: GlobalField) -> f64 {
        self.values.get(field)
    }

    pub(crate) fn set_value(&mut self, field: GlobalField, value: f64) {
        self.values.set(field, value);
    }

    /// The hashprice of the market inputs, USD per PH/s per day, whatever the mode.
    pub fn market_hashprice_usd_per_ph_day(&self) -> f64 {
        super::market::hashprice_usd_per_ph_day(
            self.values.difficulty_t,
            self.values.subsidy_btc,
            self.values.fees_per_block_btc,
            self.values.btc_price_usd,
        )
    }

    /// The hashprice every figure uses: the slider in direct mode, the market formula in market mode.
    pub fn effective_hashprice_usd_per_ph_day(&self) -> f64 {
        match self.hashprice_mode {
            HashpriceMode::Direct => self.values.hashprice_usd_per_ph_day,
            HashpriceMode::Market => self.market_hashprice_usd_per_ph_day(),
        }
    }

    /// Where each default comes from, shown beside the control.
    pub fn source(field: GlobalField) -> Sourced {
        Sourced::new(field.spec().source)
    }
}

impl Default for Globals {
    fn default() -> Self {
        Globals {
            values: GlobalValues::defaults(),
            hashprice_mode: HashpriceMode::Direct,
            hardware: Hardware::S19Xp,
            origin_region: Some("kazakhstan".into()),
            start_month: DEFAULT_START_MONTH,
            halving_month: DEFAULT_HALVING_MONTH,
            sensitivity_region: None,
            price_duration_region: None,
        }
    }
}
